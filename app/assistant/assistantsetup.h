// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/openai/openaiclient.h"
#include "common/result.h"

#include <QCoreApplication>

namespace lux {
class Settings;
class SecretStore;
} // namespace lux

namespace lux::assistant {

// The AI server as the settings and the keychain describe it, for the app and luxctl alike.
class AssistantSetup
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::AssistantSetup)
public:
    struct Setup
    {
        channels::openai::OpenAiClient::Config client;
        QString model;
        QString imageModel;
    };
    // The base URL must be http(s); a key is required unless the server is on this computer or the
    // local network (Ollama, LM Studio and llama.cpp take none).
    static QCoro::Task<Result<Setup>> load(const Settings &settings, const SecretStore &secrets);
    static bool isLocalServer(const QUrl &url);
};

} // namespace lux::assistant
