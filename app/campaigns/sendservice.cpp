// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendservice.h"

#include "campaigns/campaignstore.h"
#include "campaigns/jobstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/messagebuilder.h"
#include "common/logging.h"
#include "contacts/contactrepository.h"
#include "secrets/secretstore.h"
#include "tracking/campaigntracking.h"
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
        m_renew = new QTimer(this);
        m_renew->setInterval(int(SendService::kLeaseMs / 4));
        connect(m_renew, &QTimer::timeout, this, [this] {
            if (m_job)
                (void)JobStore(m_conn->db()).renew(m_job->id, m_owner, SendService::kLeaseMs);
        });
        m_renew->start();
        // Opens, clicks and unsubscribes from lux-tracker, while the app runs. Offline, a pull
        // fails quietly (the error is kept for Settings → Tracking) and the next one catches up.
        m_sync = new QTimer(this);
        m_sync->setInterval(m_config.trackerSyncMs);
        connect(m_sync, &QTimer::timeout, this, &SendWorker::syncTracking);
        m_sync->start();
        tick();
        QTimer::singleShot(0, this, &SendWorker::syncTracking);
    }

    void syncTracking()
    {
        if (m_stopping || m_syncing || !m_conn || !m_conn->isOpen())
            return;
        const auto tracker = campaignTracking();
        if (!tracker || tracker->config().apiToken.isEmpty())
            return; // not set up: nothing to pull
        m_syncing = true;
        QCoro::connect(pull(tracker->config()), this, [this](const Result<tracking::TrackerSync::Summary> &summary) {
            m_syncing = false;
            Q_EMIT m_service->trackingSynced(summary ? summary->events : 0, summary ? summary->unsubscribes : 0,
                                             summary ? QString() : summary.error().message);
        });
    }

    QCoro::Task<Result<tracking::TrackerSync::Summary>> pull(tracking::CampaignTracking::Config config)
    {
        tracking::TrackerSync sync(m_network, m_conn->db(), config.trackerUrl, config.apiToken);
        co_return co_await sync.run();
    }

    void end()
    {
        m_stopping = true;
        if (m_timer)
            m_timer->stop();
        if (m_dispatcher)
            m_dispatcher->stop();
    }
    bool busy() const { return m_dispatcher != nullptr || m_tests > 0; }

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
        if (m_stopping || m_dispatcher || !m_conn || !m_conn->isOpen())
            return;
        JobStore jobs(m_conn->db());
        const auto job = jobs.claimDue(m_owner, SendService::kLeaseMs, m_held);
        if (!job) {
            Q_EMIT m_service->problem(job.error().message);
            return;
        }
        if (!*job)
            return;
        m_job = **job;
        QCoro::connect(run(**job), this, [this] {
            m_job.reset();
            if (!m_stopping) {
                Q_EMIT m_service->idle();
                QTimer::singleShot(0, this, &SendWorker::tick); // another may be due already
            }
        });
    }

    // The client for a campaign's mailboxes: the signed-in user's (delegated, through /me) when the
    // campaign sends from that mailbox alone, else the app's (client credentials).
    QCoro::Task<Result<channels::graph::GraphClient *>> graph(QStringList mailboxes)
    {
        const QString delegated = m_config.delegatedMailbox.toLower();
        if (!delegated.isEmpty() && mailboxes.contains(delegated)) {
            if (mailboxes.size() > 1)
                co_return Error(QStringLiteral("graph.delegated"),
                                tr("%1 sends as the signed-in user and cannot share a campaign with other mailboxes.").arg(delegated));
            if (m_config.graph.refreshToken.isEmpty())
                co_return Error(QStringLiteral("secrets.not-found"),
                                tr("Sign in to Microsoft again under Settings → Sending: LUX has no sign-in for %1.").arg(delegated));
            if (!m_delegated) {
                channels::graph::GraphConfig config = m_config.graph;
                config.clientSecret.clear();
                m_delegated = std::make_unique<channels::graph::GraphClient>(m_network, config);
                connect(m_delegated.get(), &channels::graph::GraphClient::refreshTokenChanged, m_service,
                        &SendService::refreshTokenChanged);
            }
            co_return m_delegated.get();
        }
        if (!m_graph) {
            // The keychain is read by whoever starts the service, on its own thread (QtKeychain's
            // jobs belong to one thread); here only what it passed, or the environment.
            channels::graph::GraphConfig config = m_config.graph;
            config.refreshToken.clear();
            if (config.clientSecret.isEmpty())
                config.clientSecret = qEnvironmentVariable(SecretStore::environmentName(m_config.secretKey).toLatin1().constData());
            if (config.clientSecret.isEmpty())
                co_return Error(QStringLiteral("secrets.not-found"),
                                tr("The Graph client secret is not available: save it under Settings → Sending (or set %1).")
                                    .arg(SecretStore::environmentName(m_config.secretKey)));
            m_graph = std::make_unique<channels::graph::GraphClient>(m_network, config);
        }
        co_return m_graph.get();
    }

    // The tracker's address, keys and token; secrets from the caller, else the environment.
    Result<tracking::CampaignTracking> campaignTracking() const
    {
        tracking::CampaignTracking::Config t;
        t.trackerUrl = m_config.trackerUrl;
        t.keys = m_config.trackingKeys;
        if (t.keys.isEmpty())
            t.keys = qgetenv(SecretStore::environmentName(QString::fromLatin1(tracking::kKeysSecret)).toLatin1().constData());
        t.apiToken = m_config.trackerApiToken;
        if (t.apiToken.isEmpty())
            t.apiToken = qgetenv(SecretStore::environmentName(QString::fromLatin1(tracking::kApiTokenSecret)).toLatin1().constData());
        return tracking::CampaignTracking::create(t);
    }

    QCoro::Task<> run(Job job)
    {
        QSqlDatabase db = m_conn->db();
        JobStore jobs(db);
        CampaignStore store(db);
        auto campaign = store.find(job.campaignId);
        if (!campaign || (campaign->status != CampaignStatus::Scheduled && campaign->status != CampaignStatus::Sending)) {
            (void)jobs.complete(job.id, m_owner); // cancelled, sent or gone meanwhile
            co_return;
        }
        const auto fail = [&](const QString &message) {
            // Nothing went, or what went is recorded: the campaign fails visibly and can be resumed.
            (void)store.transition(job.campaignId, CampaignStatus::Failed, std::nullopt);
            (void)jobs.complete(job.id, m_owner);
            Q_EMIT m_service->problem(tr("Campaign “%1” cannot send: %2").arg(campaign->name, message));
            Q_EMIT m_service->campaignEnded(job.campaignId, campaign->name, statusName(CampaignStatus::Failed), 0, 0, 0);
        };
        const auto tracker = campaignTracking();
        if (!tracker) {
            if (campaign->status == CampaignStatus::Scheduled)
                (void)store.transition(job.campaignId, CampaignStatus::Sending, std::nullopt);
            fail(tracker.error().message);
            co_return;
        }
        const auto senders = Lifecycle(db).senders(*campaign);
        if (!senders) {
            if (campaign->status == CampaignStatus::Scheduled)
                (void)store.transition(job.campaignId, CampaignStatus::Sending, std::nullopt);
            fail(senders.error().message);
            co_return;
        }
        QStringList mailboxes = campaign->senders();
        const auto client = co_await graph(std::move(mailboxes));
        if (!client) {
            if (campaign->status == CampaignStatus::Scheduled)
                (void)store.transition(job.campaignId, CampaignStatus::Sending, std::nullopt);
            fail(client.error().message);
            co_return;
        }
        if (campaign->status == CampaignStatus::Scheduled)
            if (Status s = store.transition(job.campaignId, CampaignStatus::Sending, std::nullopt); !s) {
                (void)jobs.release(job.id, m_owner);
                co_return;
            }
        if (const auto frozen = store.freezeAudience(job.campaignId); !frozen) {
            fail(frozen.error().message);
            co_return;
        }
        // The tracker knows every link before the first message goes out. Unreachable: try again
        // in a minute, nothing sent meanwhile.
        if (Status s = tracker->prepareLinks(db, *campaign); !s) {
            fail(s.error().message);
            co_return;
        }
        const Status registered = co_await tracker->registerLinks(m_network, db, job.campaignId);
        if (!registered) {
            if (registered.error().code == QLatin1String("tracker.unreachable")) {
                (void)jobs.postpone(job.id, m_owner, QDateTime::currentMSecsSinceEpoch() + 60'000);
                Q_EMIT m_service->problem(tr("Campaign “%1” waits: %2. It tries again in a minute.").arg(campaign->name, registered.error().message));
            } else {
                fail(registered.error().message);
            }
            co_return;
        }
        Q_EMIT m_service->campaignStarted(job.campaignId, campaign->name);
        const tracking::CampaignTracking &tracking = *tracker;
        Dispatcher dispatcher(db, *client, job.campaignId, *senders,
                              [&tracking, id = job.campaignId](const OutboxRow &row) { return tracking.unsubscribeUrl(id, row.id); });
        dispatcher.setTracking(&tracking);
        connect(&dispatcher, &Dispatcher::progressed, m_service, &SendService::progressed);
        m_dispatcher = &dispatcher;
        const auto summary = co_await dispatcher.run();
        m_dispatcher = nullptr;
        const auto after = store.find(job.campaignId);
        const bool stillSending = after && after->status == CampaignStatus::Sending;
        if (stillSending && (!summary || summary->stopped))
            (void)jobs.release(job.id, m_owner); // stopped before the end: the next run goes on
        else if (stillSending && summary && summary->unknown > 0)
            (void)jobs.complete(job.id, m_owner); // what is left needs the user's decision
        else
            (void)jobs.complete(job.id, m_owner);
        if (!summary)
            Q_EMIT m_service->problem(tr("Campaign “%1”: %2").arg(campaign->name, summary.error().message));
        Q_EMIT m_service->campaignEnded(job.campaignId, campaign->name, after ? statusName(after->status) : QString(),
                                        summary ? summary->sent : 0, summary ? summary->failed : 0, summary ? summary->unknown : 0);
    }

    QCoro::Task<> test(qint64 campaignId, QStringList addresses)
    {
        ++m_tests;
        QStringList delivered;
        QString error;
        const auto done = [&] {
            --m_tests;
            Q_EMIT m_service->testSent(campaignId, delivered, error);
        };
        if (!m_conn || !m_conn->isOpen()) {
            error = tr("The scheduler has no database.");
            done();
            co_return;
        }
        QSqlDatabase db = m_conn->db();
        const auto campaign = CampaignStore(db).find(campaignId);
        if (!campaign) {
            error = campaign.error().message;
            done();
            co_return;
        }
        const auto tracker = campaignTracking();
        if (!tracker) {
            error = tracker.error().message;
            done();
            co_return;
        }
        MessageBuilder builder(db);
        if (Status s = builder.prepare(*campaign); !s) {
            error = s.error().message;
            done();
            co_return;
        }
        QStringList mailboxes = campaign->senders();
        const auto client = co_await graph(std::move(mailboxes));
        if (!client) {
            error = client.error().message;
            done();
            co_return;
        }
        const QString mailbox = campaign->senders().value(0);
        for (const QString &address : std::as_const(addresses)) {
            const auto contact = contacts::ContactRepository(db).findByEmail(address);
            const QString id = QStringLiteral("lux.test.%1.%2@%3")
                                   .arg(campaignId)
                                   .arg(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 0, 36)
                                   .arg(mailbox.section(u'@', -1));
            const auto mime = builder.build({contact ? &*contact : nullptr, address, mailbox, id, tracker->unsubscribeUrl(campaignId, 0), tr("[Test] ")});
            if (!mime) {
                error = mime.error().message;
                break;
            }
            QString draft;
            auto outcome = co_await (*client)->createDraft(mailbox, *mime, &draft);
            if (outcome.ok())
                outcome = co_await (*client)->sendDraft(mailbox, draft);
            if (!outcome.ok()) {
                error = tr("%1: %2").arg(address, outcome.message.isEmpty() ? outcome.code : outcome.message);
                break;
            }
            delivered << address;
        }
        done();
    }

private:
    SendService *m_service;
    SendService::Config m_config;
    std::unique_ptr<storage::ScopedConnection> m_conn;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<channels::graph::GraphClient> m_graph;
    std::unique_ptr<channels::graph::GraphClient> m_delegated;
    QTimer *m_timer = nullptr;
    QTimer *m_renew = nullptr;
    QTimer *m_sync = nullptr;
    bool m_syncing = false;
    QString m_owner;
    QList<qint64> m_held; // job ids
    std::optional<Job> m_job;
    Dispatcher *m_dispatcher = nullptr;
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

void SendService::sendTest(qint64 campaignId, const QStringList &addresses)
{
    if (!m_worker) {
        Q_EMIT testSent(campaignId, {}, tr("The scheduler is not running."));
        return;
    }
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, campaignId, addresses] { QCoro::connect(w->test(campaignId, addresses), w, [] {}); }, Qt::QueuedConnection);
}

} // namespace lux::campaigns

#include "sendservice.moc"
