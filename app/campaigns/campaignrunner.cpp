// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignrunner.h"

#include "channels/social/socialchannel.h"
#include "tracking/token.h"

#include "campaigns/outbox.h"
#include "common/errorcodes.h"

#include "campaigns/abtest.h"
#include "campaigns/campaignstore.h"
#include "campaigns/variantchannel.h"
#include "events/eventmail.h"
#include "tracking/trackersync.h"
#include "campaigns/lifecycle.h"
#include "channels/channel.h"
#include "channels/graph/graphchannel.h"
#include "channels/twilio/smschannel.h"
#include "sms/quiethours.h"
#include "secrets/secretstore.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>
#include <QTimer>

namespace lux::campaigns {

CampaignRunner::CampaignRunner(QSqlDatabase db, QNetworkAccessManager *network, SendSetup setup, Clock clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_network(network), m_setup(std::move(setup)), m_clock(std::move(clock))
{
    qRegisterMetaType<Dispatcher::Progress>();
}

CampaignRunner::~CampaignRunner() = default;

void CampaignRunner::addChannel(const QString &id, ChannelFactory factory)
{
    m_factories.insert(id, std::move(factory));
}

void CampaignRunner::stop()
{
    m_stop = true;
    if (m_dispatcher)
        m_dispatcher->stop();
}

Result<std::unique_ptr<channels::Channel>> CampaignRunner::channelFor(const Campaign &campaign, const tracking::CampaignTracking &tracking)
{
    if (campaign.eventId && campaign.channel == QLatin1String("email")) { // an event's mail: its own message per row
        auto email = channelOf(campaign, tracking);
        if (!email)
            return email.error();
        return std::unique_ptr<channels::Channel>(
            std::make_unique<events::EventMailChannel>(m_db, std::move(*email), tracking, m_setup.eventConfirmHours, m_clock));
    }
    const auto test = AbTests(m_db, m_clock).find(campaign.id);
    if (!test)
        return test.error();
    if (!*test)
        return channelOf(campaign, tracking);
    std::vector<std::unique_ptr<channels::Channel>> perVariant;
    for (const AbVariant &v : std::as_const((*test)->config.variants)) {
        auto channel = channelOf(AbTests::applied(campaign, v), tracking);
        if (!channel)
            return channel.error();
        perVariant.push_back(std::move(*channel));
    }
    return std::unique_ptr<channels::Channel>(std::make_unique<VariantChannel>(std::move(perVariant), (*test)->config.variants));
}

QCoro::Task<Result<AbTests::Turn>> CampaignRunner::abTestTurn(qint64 campaignId)
{
    AbTests tests(m_db, m_clock);
    const auto due = tests.decisionDueAt(campaignId);
    if (!due)
        co_return due.error();
    if (*due && **due <= m_clock() && !m_setup.tracking.trackerUrl.isEmpty()) {
        // The decision is made once, on every event the tracker has: pulled now. A tracker that
        // cannot be reached postpones it (the numbers would be old), it never decides without them.
        tracking::TrackerSync sync(m_network, m_db, m_setup.tracking.trackerUrl, m_setup.tracking.apiToken, m_clock());
        const auto pulled = co_await sync.run();
        if (!pulled)
            co_return AbTests::Turn{AbTests::Turn::Kind::NotDue, m_clock() + kWaitMs};
    }
    co_return tests.decideIfDue(campaignId, m_setup.abMinPerVariant);
}

Result<std::unique_ptr<channels::Channel>> CampaignRunner::channelOf(const Campaign &campaign, const tracking::CampaignTracking &tracking)
{
    if (const auto factory = m_factories.constFind(campaign.channel); factory != m_factories.constEnd())
        return (*factory)(campaign, tracking);
    if (campaign.channel == QLatin1String("sms")) {
        const auto sms = smsFactory();
        if (!sms)
            return sms.error();
        return (*sms)->make(tracking);
    }
    if (campaign.channel == QLatin1String("social"))
        return socialFactory().make(campaign);
    if (campaign.channel != QLatin1String("email"))
        return Error(errc::campaignChannel, tr("This version of LUX cannot send on the “%1” channel.").arg(campaign.channel));
    return emailFactory().make(campaign.senders(), tracking);
}

Result<channels::twilio::SmsChannelFactory *> CampaignRunner::smsFactory()
{
    if (!m_sms) {
        auto quiet = sms::QuietHours::create(m_setup.quietHours());
        if (!quiet)
            return quiet.error();
        // Every text waits for its recipient's window, whatever sends it.
        channels::twilio::SendWindow window = [hours = std::move(*quiet)](const QString &e164, const QString &zone, qint64 now,
                                                                          QString *why) {
            const sms::SendTime t = hours.plan(e164, zone, now);
            if (why)
                *why = t.explanation;
            return t.at;
        };
        m_sms = std::make_unique<channels::twilio::SmsChannelFactory>(m_db, m_network, m_setup.twilio, std::move(window), m_clock);
    }
    return m_sms.get();
}

channels::social::SocialChannelFactory &CampaignRunner::socialFactory()
{
    if (!m_social) {
        // Facebook and Instagram fetch pictures from the tracker the campaigns use: one place for its secrets.
        channels::social::SocialConfig config = m_setup.social;
        config.media.trackerUrl = QUrl(m_setup.tracking.trackerUrl.trimmed());
        config.media.apiToken = m_setup.tracking.apiToken;
        config.media.keys = m_setup.tracking.keys;
        m_social = std::make_unique<channels::social::SocialChannelFactory>(m_db, m_network, std::move(config), m_clock);
    }
    return *m_social;
}

channels::graph::GraphChannelFactory &CampaignRunner::emailFactory()
{
    if (!m_email) {
        m_email = std::make_unique<channels::graph::GraphChannelFactory>(m_db, m_network, m_setup.graph, m_setup.delegatedMailbox, m_clock);
        connect(m_email.get(), &channels::graph::GraphChannelFactory::refreshTokenChanged, this, &CampaignRunner::refreshTokenChanged);
    }
    return *m_email;
}

QCoro::Task<QList<mailbox::MailboxReader::Summary>> CampaignRunner::readMailboxes()
{
    QList<mailbox::MailboxReader::Summary> out;
    const auto mailboxes = mailbox::MailboxReader::mailboxes(m_db, m_setup.delegatedMailbox);
    if (!mailboxes) {
        mailbox::MailboxReader::Summary failed;
        failed.error = mailboxes.error();
        out << failed;
        co_return out;
    }
    // Tokens in unsubscribe mails are checked with the keys that signed them, when LUX has them.
    std::optional<tracking::TokenCodec> tokens;
    if (const auto ring = tracking::KeyRing::parse(m_setup.tracking.keys); ring && !ring->isEmpty())
        tokens.emplace(*ring);
    for (const QString &address : *mailboxes) {
        if (m_stop)
            break;
        const auto client = emailFactory().client({address});
        if (!client)
            continue;
        mailbox::MailboxReader reader(m_db, *client, tokens ? &*tokens : nullptr, m_setup.inbox, m_clock);
        reader.setStopCheck([this] { return m_stop; });
        QString name = address;
        mailbox::MailboxReader::Summary look = co_await reader.read(std::move(name));
        out << look;
    }
    co_return out;
}

QCoro::Task<Result<int>> CampaignRunner::fetchSmsPrices(int limit)
{
    if (m_setup.twilio.accountSid.isEmpty() || m_setup.twilio.secret.isEmpty())
        co_return 0;
    const auto sms = smsFactory();
    if (!sms)
        co_return sms.error();
    const auto client = (*sms)->client();
    if (!client)
        co_return client.error();
    QSqlQuery q(m_db);
    // A minute after the final receipt: Twilio sets the price once it has it from the carrier.
    q.prepare(QStringLiteral("SELECT provider_ref FROM outbox WHERE channel = 'sms' AND provider_ref <> '' AND price = '' "
                             "AND delivery IN ('delivered', 'undelivered', 'failed') AND delivery_at < ? ORDER BY delivery_at LIMIT ?"));
    q.addBindValue(m_clock() - 60'000);
    q.addBindValue(limit);
    if (!q.exec())
        co_return storage::queryError(q, errc::dbRead);
    QStringList sids;
    while (q.next())
        sids << q.value(0).toString();
    q.finish();
    int priced = 0;
    Outbox outbox(m_db, m_clock);
    for (const QString &sid : std::as_const(sids)) {
        if (m_stop)
            break;
        QString asking = sid;
        const auto message = co_await (*client)->fetch(std::move(asking));
        if (!message) {
            if (message.error().code == errc::twilioAuth)
                co_return message.error();
            continue; // this one later
        }
        if (message->price.isEmpty())
            continue; // not priced yet
        if (Status s = outbox.setPrice(QStringLiteral("sms"), sid, message->price, message->priceUnit); !s)
            co_return s.error();
        ++priced;
    }
    co_return priced;
}

CampaignRunner::Run CampaignRunner::fail(Run run, const Error &error)
{
    CampaignStore store(m_db, m_clock);
    // An event's mail or an automation step is never failed: it has no page to resume it from,
    // and its next messages keep coming. It waits, says why, and tries again (a locked keychain,
    // a mailbox gone).
    if (const auto c = store.find(run.campaignId); c && c->standing()) {
        run.outcome = Run::Outcome::Waiting;
        run.error = error;
        run.retryAt = m_clock() + kWaitMs;
        run.status = statusName(c->status);
        return run;
    }
    // Nothing went, or what went is recorded: the campaign fails visibly and can be resumed.
    if (const auto c = store.find(run.campaignId); c && c->status == CampaignStatus::Scheduled)
        (void)store.transition(run.campaignId, CampaignStatus::Sending, std::nullopt);
    (void)store.transition(run.campaignId, CampaignStatus::Failed, std::nullopt);
    run.outcome = Run::Outcome::Failed;
    run.error = error;
    run.status = statusName(CampaignStatus::Failed);
    return run;
}

QCoro::Task<CampaignRunner::Run> CampaignRunner::run(qint64 campaignId)
{
    CampaignStore store(m_db, m_clock);
    Run r;
    r.campaignId = campaignId;
    const auto campaign = store.find(campaignId);
    if (!campaign) {
        r.error = campaign.error();
        co_return r; // gone
    }
    r.name = campaign->name;
    r.status = statusName(campaign->status);
    if (m_stop || (campaign->status != CampaignStatus::Scheduled && campaign->status != CampaignStatus::Sending))
        co_return r; // stopped, or cancelled, sent or paused meanwhile
    const auto tracker = tracking::CampaignTracking::create(m_setup.tracking);
    if (!tracker)
        co_return fail(r, tracker.error());
    const auto senders = Lifecycle(m_db).senders(*campaign);
    if (!senders)
        co_return fail(r, senders.error());
    auto channel = channelFor(*campaign, *tracker);
    if (!channel)
        co_return fail(r, channel.error());
    if (campaign->status == CampaignStatus::Scheduled)
        if (Status s = store.transition(campaignId, CampaignStatus::Sending, std::nullopt); !s) {
            r.error = s.error(); // another scheduler moved it first
            co_return r;
        }
    // An event's mail and a social account's posts have no audience to freeze and no links to
    // register: their rows come one by one, each its own message. An automation step's rows come one
    // by one too; its links are registered as a campaign's.
    const bool eventMail = campaign->eventId.has_value() || campaign->socialAccountId.has_value();
    if (!campaign->standing())
        if (const auto frozen = store.freezeAudience(campaignId); !frozen)
            co_return fail(r, frozen.error());
    // The tracker knows every link before the first message goes out. Unreachable: the campaign
    // waits, nothing sent meanwhile, and tries again.
    if (!eventMail)
        if (Status s = tracker->prepareLinks(m_db, *campaign); !s)
            co_return fail(r, s.error());
    const auto test = AbTests(m_db, m_clock).find(campaignId);
    if (!test)
        co_return fail(r, test.error());
    if (*test)
        for (const AbVariant &v : std::as_const((*test)->config.variants))
            if (Status s = tracker->prepareLinks(m_db, AbTests::applied(*campaign, v)); !s)
                co_return fail(r, s.error());
    Status registered;
    if (!eventMail)
        registered = co_await tracker->registerLinks(m_network, m_db, campaignId);
    if (!registered) {
        if (registered.error().code != errc::trackerUnreachable)
            co_return fail(r, registered.error());
        r.outcome = Run::Outcome::Waiting;
        r.error = registered.error();
        r.retryAt = m_clock() + kWaitMs;
        r.status = statusName(CampaignStatus::Sending);
        co_return r;
    }
    if (m_stop)
        co_return r;
    // An A/B test whose wait is over is decided before anything is sent: the rest goes in this run.
    if (*test) {
        const auto turn = co_await abTestTurn(campaignId);
        if (!turn) {
            // Nothing was sent or decided: the campaign waits and the scheduler tries again.
            r.outcome = Run::Outcome::Waiting;
            r.error = turn.error();
            r.retryAt = m_clock() + kWaitMs;
            r.status = statusName(CampaignStatus::Sending);
            co_return r;
        }
    }
    Q_EMIT started(campaignId, campaign->name);
    Dispatcher dispatcher(m_db, channel->get(), campaignId, *senders, m_clock);
    connect(&dispatcher, &Dispatcher::progressed, this, &CampaignRunner::progressed);
    m_dispatcher = &dispatcher;
    const auto summary = co_await dispatcher.run();
    m_dispatcher = nullptr;
    r.outcome = Run::Outcome::Ran;
    if (summary) {
        r.summary = *summary;
        if (*test) {
            // The rest is held until the decision: the job comes back when the wait ends (or when
            // the user chooses), not at the held rows' far due time.
            const auto turn = co_await abTestTurn(campaignId);
            using Kind = AbTests::Turn::Kind;
            if (!turn)
                r.summary.waitingUntil = m_clock() + kWaitMs; // look again in a minute
            else if (turn->kind == Kind::NotDue && (r.summary.waitingUntil == 0 || r.summary.waitingUntil >= AbTests::kHeld))
                r.summary.waitingUntil = turn->nextLook; // the end of the wait
            else if (turn->kind == Kind::Decided)
                r.summary.waitingUntil = 0; // decided just now: the rest is due, the job goes on at once
            else if (turn->kind == Kind::Unsettled && (r.summary.waitingUntil == 0 || r.summary.waitingUntil >= AbTests::kHeld))
                r.summary.waitingUntil = m_clock() + kUnsettledLookMs; // messages in doubt: reconciled, or the user decides
            // UserWaits: the held rows' time; the user's choice brings the job forward.
        }
    } else {
        r.error = summary.error();
        r.interrupted = true;
    }
    const auto after = store.find(campaignId);
    r.status = after ? statusName(after->status) : QString();
    co_return r;
}

QCoro::Task<Result<QStringList>> CampaignRunner::sendTest(qint64 campaignId, QStringList addresses)
{
    const auto campaign = CampaignStore(m_db, m_clock).find(campaignId);
    if (!campaign)
        co_return campaign.error();
    const auto tracker = tracking::CampaignTracking::create(m_setup.tracking);
    if (!tracker)
        co_return tracker.error();
    auto channel = channelFor(*campaign, *tracker);
    if (!channel)
        co_return channel.error();
    if (Status s = (*channel)->prepare(*campaign); !s)
        co_return s.error();
    QStringList delivered;
    for (const QString &address : std::as_const(addresses)) {
        channels::Delivery d;
        d.campaignId = campaignId;
        d.address = address;
        d.sender = campaign->senders().value(0);
        d.test = true;
        auto message = (*channel)->build(d);
        if (!message)
            co_return message.error();
        if ((*channel)->stages()) {
            channels::Delivery staging = d;
            QByteArray body = std::move(*message);
            const channels::Outcome made = co_await (*channel)->stage(std::move(staging), std::move(body));
            if (!made.ok())
                co_return Error(errc::campaignTest,
                                tr("The test to %1 was not sent: %2").arg(address, made.message.isEmpty() ? made.code : made.message));
            d.reference = made.reference;
            message = QByteArray();
        }
        channels::Delivery submitting = d;
        QByteArray body = std::move(*message);
        const channels::Outcome sent = co_await (*channel)->submit(std::move(submitting), std::move(body));
        if (!sent.ok())
            co_return Error(errc::campaignTest,
                            tr("The test to %1 was not sent: %2").arg(address, sent.message.isEmpty() ? sent.code : sent.message));
        delivered << address;
    }
    co_return delivered;
}

QCoro::Task<Result<std::optional<CampaignRunner::JobRun>>> CampaignRunner::runDueJob(QString owner, QList<qint64> skipJobs)
{
    if (m_stop)
        co_return std::optional<JobRun>();
    // Events' reminders whose moment has come join their mail campaign first (once per offset). A
    // problem there is said, and never keeps the campaigns' jobs from running.
    if (const auto reminders = events::EventMail(m_db, m_clock).queueDueReminders(); !reminders)
        qWarning("lux: event reminders: %s", qPrintable(reminders.error().message));
    JobStore jobs(m_db, m_clock);
    // Only the kinds this version can run; the others wait for the feature that adds them.
    const QStringList kinds{QString::fromLatin1(jobkind::kSend)};
    const auto claimed = jobs.claimDue(owner, kLeaseMs, skipJobs, kinds);
    if (!claimed)
        co_return claimed.error();
    if (!*claimed)
        co_return std::optional<JobRun>();
    const Job job = **claimed;
    QTimer renew;
    renew.setInterval(int(kLeaseMs / 4));
    connect(&renew, &QTimer::timeout, this, [&jobs, &job, &owner] { (void)jobs.renew(job.id, owner, kLeaseMs); });
    renew.start();
    Run r = co_await run(job.campaignId);
    renew.stop();
    switch (r.outcome) {
    case Run::Outcome::Waiting: (void)jobs.postpone(job.id, owner, r.retryAt, job.dueAt); break;
    case Run::Outcome::Ran:
        // Stopped before the end (or by an error): the next turn goes on. Otherwise done; rows
        // whose fate nobody could tell wait for the user's decision, not for the scheduler.
        // Rows given back meanwhile (a user's decision during the run) keep the job too.
        if (r.status == statusName(CampaignStatus::Sending) && !r.interrupted && !r.summary.stopped && r.summary.waitingUntil > 0)
            (void)jobs.postpone(job.id, owner, r.summary.waitingUntil, job.dueAt); // the rest waits for its windows or the test
        else if (r.status == statusName(CampaignStatus::Sending)
                 && (r.interrupted || r.summary.stopped || Outbox(m_db, m_clock).counts(job.campaignId).value(QStringLiteral("pending")) > 0))
            (void)jobs.release(job.id, owner);
        else
            (void)jobs.complete(job.id, owner);
        break;
    case Run::Outcome::Skipped:
        if (r.status == statusName(CampaignStatus::Scheduled) || r.status == statusName(CampaignStatus::Sending))
            (void)jobs.release(job.id, owner); // moved meanwhile by another scheduler
        else
            (void)jobs.complete(job.id, owner); // cancelled, sent or gone meanwhile
        break;
    case Run::Outcome::Failed: (void)jobs.complete(job.id, owner); break;
    }
    co_return std::optional<JobRun>(JobRun{job, r});
}

} // namespace lux::campaigns
