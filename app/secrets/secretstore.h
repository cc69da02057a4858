// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

#include <QCoroTask>

namespace lux {

// The only way secrets are kept: the system keychain through QtKeychain (Secret Service, KWallet,
// macOS Keychain, Windows Credential Manager). Headless runs may supply a secret in the environment
// as LUX_SECRET_<NAME>. There is no plaintext fallback: without a keychain, writing fails and says so.
//
// Error codes: secrets.not-found, secrets.unavailable (no keychain), secrets.denied, secrets.failed.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::SecretStore)
public:
    static constexpr const char *kDefaultService = "lux-marketing";

    explicit SecretStore(QString service = QString::fromLatin1(kDefaultService));

    // Coroutine parameters are taken by value: the caller's strings may be gone when the job ends.
    QCoro::Task<Result<QString>> read(QString key) const;
    QCoro::Task<Status> write(QString key, QString value) const;
    QCoro::Task<Status> remove(QString key) const;

    // "graph/client-secret" → "LUX_SECRET_GRAPH_CLIENT_SECRET".
    static QString environmentName(const QString &key);
    static QString unavailableMessage();

private:
    QString m_service;
};

} // namespace lux
