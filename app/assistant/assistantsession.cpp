// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantsession.h"

#include "storage/sqlitefile.h"
#include "usageledger.h"

#include <QDebug>
#include <QNetworkAccessManager>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::assistant {

QCoro::Task<Result<std::shared_ptr<AssistantSession>>> AssistantSession::open(QString databasePath, const Settings &settings,
                                                                             const SecretStore &secrets)
{
    const Result<AssistantSetup::Setup> setup = co_await AssistantSetup::load(settings, secrets);
    if (!setup)
        co_return setup.error();
    co_return std::make_shared<AssistantSession>(std::move(databasePath), *setup);
}

AssistantSession::AssistantSession(QString databasePath, AssistantSetup::Setup setup)
    : m_databasePath(std::move(databasePath))
    , m_setup(std::move(setup))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_client(std::make_unique<channels::openai::OpenAiClient>(m_network.get(), m_setup.client))
    , m_assistant(std::make_unique<Assistant>(m_client.get(), m_databasePath, m_setup.model))
    , m_drafts(m_assistant.get())
{
    m_client->setUsageSink([path = m_databasePath, conversation = m_conversation, requests = m_requests,
                            writes = m_writes](const channels::openai::UsageRecord &r) {
        *requests << r;
        const std::optional<qint64> id = *conversation;
        // A write the caller need not wait for; a failure is logged, never in the user's way.
        writes->removeIf([](const QFuture<void> &f) { return f.isFinished(); });
        *writes << QtConcurrent::run([path, r, id] {
            storage::ScopedConnection connection(path, storage::ScopedConnection::Mode::ReadWrite);
            if (!connection.isOpen())
                return;
            if (const Status s = UsageLedger(connection.db()).record(r, id); !s)
                qWarning() << "usage ledger:" << s.error().message;
        });
    });
}

AssistantSession::~AssistantSession() = default;

void AssistantSession::flushLedger()
{
    for (QFuture<void> &f : *m_writes)
        f.waitForFinished();
    m_writes->clear();
}

} // namespace lux::assistant
