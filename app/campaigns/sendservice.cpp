// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendservice.h"

#include "automations/engine.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/jobstore.h"
#include "social/accountstore.h"
#include "tracking/trackersync.h"
#include "storage/sqlitefile.h"

#include <QCoroTask>
#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

namespace lux::campaigns {

// Lives on the service's thread; everything below runs there.
class SendWorker : public QObject
{
    Q_OBJECT
public:
    SendWorker(SendService *service, SendService::Config config) : m_service(service), m_config(std::move(config)) {}

    void begin()
    {
        m_conn = std::make_unique<storage::ScopedConnection>(m_config.databasePath, storage::ScopedConnection::Mode::ReadWrite);
        if (!m_conn->isOpen()) {
            Q_EMIT m_service->problem(tr("The scheduler cannot open the database: %1").arg(m_conn->errorText()));
            return;
        }
        m_owner = QStringLiteral("app-%1-%2").arg(QCoreApplication::applicationPid()).arg(QRandomGenerator::global()->generate(), 0, 16);
        m_network = new QNetworkAccessManager(this);
        m_runner = new CampaignRunner(m_conn->db(), m_network, m_config.setup, systemClock(), this);
        connect(m_runner, &CampaignRunner::progressed, m_service, &SendService::progressed);
        connect(m_runner, &CampaignRunner::started, m_service, &SendService::campaignStarted);
        connect(m_runner, &CampaignRunner::refreshTokenChanged, m_service, &SendService::refreshTokenChanged);
        // What came due while nothing was running, before the first claim.
        const QList<Job> missed = JobStore(m_conn->db()).overdue(QDateTime::currentMSecsSinceEpoch());
        if (!missed.isEmpty()) {
            QList<qint64> ids;
            for (const Job &j : missed) {
                ids << j.campaignId;
                if (m_config.holdMissed)
                    m_held << j.id;
            }
            Q_EMIT m_service->missedSchedules(ids, m_config.holdMissed);
        }
        m_timer = new QTimer(this);
        m_timer->setInterval(m_config.tickMs);
        connect(m_timer, &QTimer::timeout, this, &SendWorker::tick);
        m_timer->start();
        // Opens, clicks and unsubscribes from lux-tracker, while the app runs. Offline, a pull
        // fails quietly (the error is kept for Settings → Tracking) and the next one catches up.
        m_sync = new QTimer(this);
        m_sync->setInterval(m_config.trackerSyncMs);
        connect(m_sync, &QTimer::timeout, this, &SendWorker::syncTracking);
        m_sync->start();
        // Bounces, replies and unsubscribe mails from the sender mailboxes, every few minutes.
        m_inbox = new QTimer(this);
        m_inbox->setInterval(m_config.mailboxReadMs);
        connect(m_inbox, &QTimer::timeout, this, &SendWorker::readMailboxes);
        m_inbox->start();
        // Workflows: their signals and due steps, every tick, beside whatever job is running (a
        // turn is bounded, so a campaign's sending only pauses for it).
        m_engine = std::make_unique<automations::Engine>(m_conn->db(), automations::EngineConfig{m_config.setup.emailCap, m_config.setup.smsCap});
        m_automations = new QTimer(this);
        m_automations->setInterval(m_config.tickMs);
        connect(m_automations, &QTimer::timeout, this, &SendWorker::runAutomations);
        m_automations->start();
        // Social sign-ins that end within the week: said while there is time to connect again.
        m_accounts = new QTimer(this);
        m_accounts->setInterval(kAccountLookMs);
        connect(m_accounts, &QTimer::timeout, this, &SendWorker::announceEndingSignIns);
        m_accounts->start();
        tick();
        QTimer::singleShot(0, this, &SendWorker::announceEndingSignIns);
        QTimer::singleShot(0, this, &SendWorker::syncTracking);
        QTimer::singleShot(0, this, &SendWorker::readMailboxes);
    }

    void announceEndingSignIns()
    {
        if (m_stopping || !m_conn || !m_conn->isOpen())
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto ending = social::AccountStore(m_conn->db()).signInsEnding(now);
        if (!ending)
            return; // the next look
        for (const social::Account &a : *ending) {
            // Once a day per account while the app runs (a new sign-in moves the end, and says it again).
            const QString key = QStringLiteral("%1/%2").arg(a.id).arg(a.signInEndsAt().value_or(0));
            if (now - m_announced.value(key) < 86'400'000)
                continue;
            m_announced.insert(key, now);
            Q_EMIT m_service->accountNotice(social::AccountStore::endNotice(a));
        }
    }

    void readMailboxes()
    {
        if (m_stopping || m_reading || !m_runner)
            return;
        m_reading = true;
        QCoro::connect(m_runner->readMailboxes(), this, [this](const QList<mailbox::MailboxReader::Summary> &looks) {
            m_reading = false;
            int bounces = 0, unsubscribes = 0, replies = 0;
            for (const mailbox::MailboxReader::Summary &look : looks) {
                bounces += look.hardBounces + look.softBounces;
                unsubscribes += look.unsubscribes;
                replies += look.replies;
                // A lasting problem (a permission missing) is said once, not every few minutes.
                if (look.error && look.errorIsNew)
                    Q_EMIT m_service->problem(look.error->message);
                if (look.disposeError && look.disposeErrorIsNew)
                    Q_EMIT m_service->problem(look.disposeError->message);
            }
            Q_EMIT m_service->mailboxesRead(bounces, unsubscribes, replies);
        });
    }

    void syncTracking()
    {
        if (m_stopping || m_syncing || !m_conn || !m_conn->isOpen())
            return;
        const tracking::CampaignTracking::Config &config = m_config.setup.tracking;
        if (config.apiToken.isEmpty() || config.trackerUrl.isEmpty())
            return; // not set up: nothing to pull
        m_syncing = true;
        QCoro::connect(pull(config), this, [this](const Result<tracking::TrackerSync::Summary> &summary) {
            m_syncing = false;
            Q_EMIT m_service->trackingSynced(summary ? summary->events : 0, summary ? summary->unsubscribes : 0,
                                             summary ? QString() : summary.error().message);
            // Texts whose receipts came back final get what Twilio charged for them.
            if (summary && !m_stopping && m_runner && !m_pricing) {
                m_pricing = true;
                QCoro::connect(m_runner->fetchSmsPrices(), this, [this](const Result<int> &) { m_pricing = false; });
            }
        });
    }

    QCoro::Task<Result<tracking::TrackerSync::Summary>> pull(tracking::CampaignTracking::Config config)
    {
        // Events whose last change did not reach the tracker (it was offline) go first.
        events::EventPublisher publisher(m_network, m_conn->db(), config.trackerUrl, config.apiToken, m_config.setup.eventConfirmHours);
        const auto pushed = co_await publisher.pushPending();
        if (!pushed)
            Q_EMIT m_service->problem(pushed.error().message);
        tracking::TrackerSync sync(m_network, m_conn->db(), config.trackerUrl, config.apiToken);
        co_return co_await sync.run();
    }

    void publishEvent(qint64 eventId, events::PublishAction action)
    {
        if (!m_conn || !m_conn->isOpen()) {
            Q_EMIT m_service->eventPublished(eventId, tr("The scheduler has no database."));
            return;
        }
        ++m_tests;
        QCoro::connect(publish(eventId, action), this, [this, eventId](const Status &published) {
            --m_tests;
            Q_EMIT m_service->eventPublished(eventId, published ? QString() : published.error().message);
            tick(); // its messages (updates, cancellations) may be due now
        });
    }

    QCoro::Task<Status> publish(qint64 eventId, events::PublishAction action)
    {
        const tracking::CampaignTracking::Config &config = m_config.setup.tracking;
        events::EventPublisher publisher(m_network, m_conn->db(), config.trackerUrl, config.apiToken, m_config.setup.eventConfirmHours);
        co_return co_await publisher.run(eventId, action);
    }

    void runAutomations()
    {
        if (m_stopping || !m_engine)
            return;
        const auto turn = m_engine->turn();
        if (!turn) {
            if (turn.error().message != m_lastAutomationError) // a lasting problem is said once
                Q_EMIT m_service->problem(tr("Workflows: %1").arg(turn.error().message));
            m_lastAutomationError = turn.error().message;
            return;
        }
        m_lastAutomationError.clear();
        for (const QString &notice : turn->notices)
            Q_EMIT m_service->automationNotice(notice);
        // What went wrong is said in the window's status, each once until it changes.
        for (const QString &problem : turn->problems)
            if (!m_automationProblems.contains(problem))
                Q_EMIT m_service->problem(problem);
        m_automationProblems = turn->problems;
        if (turn->steps > 0 || turn->entered > 0)
            Q_EMIT m_service->automationsRan(turn->entered, turn->steps);
        if (turn->more)
            QTimer::singleShot(0, this, &SendWorker::runAutomations);
        if (turn->steps > 0)
            tick(); // messages they queued may be due now
    }

    void end()
    {
        m_stopping = true;
        if (m_automations)
            m_automations->stop();
        if (m_timer)
            m_timer->stop();
        if (m_runner)
            m_runner->stop();
    }
    bool busy() const { return m_running || m_reading || m_pricing || m_tests > 0; }

    void release(const QList<qint64> &campaignIds)
    {
        if (!m_conn || !m_conn->isOpen())
            return;
        for (const Job &j : JobStore(m_conn->db()).overdue(QDateTime::currentMSecsSinceEpoch() + 1))
            if (campaignIds.contains(j.campaignId))
                m_held.removeAll(j.id);
        tick();
    }

    void tick()
    {
        if (m_stopping || m_running || !m_runner)
            return;
        m_running = true;
        QCoro::connect(m_runner->runDueJob(m_owner, m_held), this, [this](const Result<std::optional<CampaignRunner::JobRun>> &turn) {
            m_running = false;
            if (!turn) {
                Q_EMIT m_service->problem(turn.error().message);
                return;
            }
            if (!*turn)
                return; // nothing due
            report((*turn)->run);
            if (!m_stopping) {
                Q_EMIT m_service->idle();
                QTimer::singleShot(0, this, &SendWorker::tick); // another may be due already
            }
        });
    }

    // What a run came to, as the window hears it.
    void report(const CampaignRunner::Run &run)
    {
        using Outcome = CampaignRunner::Run::Outcome;
        switch (run.outcome) {
        case Outcome::Skipped: break;
        case Outcome::Waiting:
            Q_EMIT m_service->problem(tr("Campaign “%1” waits: %2. It tries again in a minute.").arg(run.name, run.error.message));
            break;
        case Outcome::Failed:
            Q_EMIT m_service->problem(tr("Campaign “%1” cannot send: %2").arg(run.name, run.error.message));
            Q_EMIT m_service->campaignEnded(run.campaignId, run.name, run.status, 0, 0, 0);
            break;
        case Outcome::Ran:
            if (run.interrupted)
                Q_EMIT m_service->problem(tr("Campaign “%1”: %2").arg(run.name, run.error.message));
            Q_EMIT m_service->campaignEnded(run.campaignId, run.name, run.status, run.summary.sent, run.summary.failed, run.summary.unknown);
            break;
        }
    }

    void test(qint64 campaignId, QStringList addresses)
    {
        if (!m_runner) {
            Q_EMIT m_service->testSent(campaignId, {}, tr("The scheduler has no database."));
            return;
        }
        ++m_tests;
        QCoro::connect(m_runner->sendTest(campaignId, std::move(addresses)), this, [this, campaignId](const Result<QStringList> &sent) {
            --m_tests;
            Q_EMIT m_service->testSent(campaignId, sent ? *sent : QStringList(), sent ? QString() : sent.error().message);
        });
    }

private:
    SendService *m_service;
    SendService::Config m_config;
    std::unique_ptr<storage::ScopedConnection> m_conn;
    QNetworkAccessManager *m_network = nullptr;
    CampaignRunner *m_runner = nullptr;
    QTimer *m_timer = nullptr;
    QTimer *m_sync = nullptr;
    QTimer *m_inbox = nullptr;
    QTimer *m_automations = nullptr;
    QTimer *m_accounts = nullptr;
    static constexpr int kAccountLookMs = 60 * 60'000; // social sign-ins ending: looked at hourly
    QHash<QString, qint64> m_announced;                // "<account>/<end>" → when it was said
    std::unique_ptr<automations::Engine> m_engine;
    QString m_lastAutomationError;
    QStringList m_automationProblems; // said in the last turn
    bool m_syncing = false;
    bool m_reading = false;
    bool m_pricing = false; // fetching what Twilio charged for texts
    bool m_running = false;
    QString m_owner;
    QList<qint64> m_held; // job ids
    int m_tests = 0;
    bool m_stopping = false;
};

SendService::SendService(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Dispatcher::Progress>();
    m_thread.setObjectName(QStringLiteral("lux-scheduler"));
}

SendService::~SendService()
{
    stop();
}

void SendService::start(const Config &config)
{
    stop();
    m_worker = new SendWorker(this, config);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SendWorker::begin, Qt::QueuedConnection);
}

void SendService::stop()
{
    if (!m_worker)
        return;
    SendWorker *worker = m_worker;
    m_worker = nullptr;
    // The dispatcher finishes the requests in flight and records their outcome, then the thread ends.
    QMetaObject::invokeMethod(worker, &SendWorker::end, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        worker,
        [worker, this] {
            auto *poll = new QTimer(worker);
            poll->setInterval(20);
            connect(poll, &QTimer::timeout, worker, [worker, this] {
                if (!worker->busy())
                    m_thread.quit();
            });
            poll->start();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void SendService::syncTracking()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SendWorker::syncTracking, Qt::QueuedConnection);
}

void SendService::readMailboxes()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SendWorker::readMailboxes, Qt::QueuedConnection);
}

void SendService::wake()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SendWorker::tick, Qt::QueuedConnection);
}

void SendService::sendMissed(const QList<qint64> &campaignIds)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [w = m_worker, campaignIds] { w->release(campaignIds); }, Qt::QueuedConnection);
}

void SendService::publishEvent(qint64 eventId, events::PublishAction action)
{
    if (!m_worker) {
        Q_EMIT eventPublished(eventId, tr("The scheduler is not running."));
        return;
    }
    QMetaObject::invokeMethod(m_worker, [w = m_worker, eventId, action] { w->publishEvent(eventId, action); }, Qt::QueuedConnection);
}

void SendService::sendTest(qint64 campaignId, const QStringList &addresses)
{
    if (!m_worker) {
        Q_EMIT testSent(campaignId, {}, tr("The scheduler is not running."));
        return;
    }
    QMetaObject::invokeMethod(m_worker, [w = m_worker, campaignId, addresses] { w->test(campaignId, addresses); }, Qt::QueuedConnection);
}

} // namespace lux::campaigns

#include "sendservice.moc"
