// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant.h"
#include "assistantsetup.h"
#include "drafts.h"

#include <QFuture>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace lux::assistant {

// The AI server for one database, as the app's panel, the template editor and luxctl use it: the
// client from AssistantSetup on a network manager of its own (so work still under way keeps it
// alive: the session is shared with the coroutines that use it), the Assistant and its Drafts, and
// every request written to the usage ledger on a worker (with the conversation it belongs to).
class AssistantSession
{
public:
    // Parameters by value: a coroutine outlives its caller's temporaries.
    static QCoro::Task<Result<std::shared_ptr<AssistantSession>>> open(QString databasePath, const Settings &settings,
                                                                      const SecretStore &secrets);
    AssistantSession(QString databasePath, AssistantSetup::Setup setup);
    ~AssistantSession();

    channels::openai::OpenAiClient &client() { return *m_client; }
    Assistant &assistant() { return *m_assistant; }
    Drafts &drafts() { return m_drafts; }
    const AssistantSetup::Setup &setup() const { return m_setup; }
    QString databasePath() const { return m_databasePath; }
    // The conversation the next requests count for in the ledger.
    void setConversation(std::optional<qint64> id) { *m_conversation = id; }
    // This session's requests so far (for a summary: luxctl --json).
    const QList<channels::openai::UsageRecord> &requests() const { return *m_requests; }
    // Waits for the ledger's writes still under way (luxctl, before it exits).
    void flushLedger();

private:
    QString m_databasePath;
    AssistantSetup::Setup m_setup;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<channels::openai::OpenAiClient> m_client;
    std::unique_ptr<Assistant> m_assistant;
    Drafts m_drafts;
    std::shared_ptr<std::optional<qint64>> m_conversation = std::make_shared<std::optional<qint64>>();
    std::shared_ptr<QList<channels::openai::UsageRecord>> m_requests = std::make_shared<QList<channels::openai::UsageRecord>>();
    std::shared_ptr<QList<QFuture<void>>> m_writes = std::make_shared<QList<QFuture<void>>>();
};

} // namespace lux::assistant
