// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/abtest.h"
#include "campaigns/dispatcher.h"
#include "campaigns/jobstore.h"
#include "campaigns/sendsetup.h"
#include "common/clock.h"
#include "common/result.h"

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace lux::channels {
class Channel;
}
namespace lux::channels::graph {
class GraphChannelFactory;
}
namespace lux::channels::twilio {
class SmsChannelFactory;
}
namespace lux::channels::social {
class SocialChannelFactory;
}

namespace lux::campaigns {

struct Campaign;

// The one run path: a campaign's send, a test send and the scheduler's job loop, for the app's
// scheduler thread and luxctl alike, so both behave the same when the tracker is down, when the
// user is signed in, when a secret is missing. It lives on one thread with that thread's database
// connection and network access; nothing here touches the keychain (SendSetup brings the secrets),
// except a social account's tokens, which rotate and are kept as they do (social/tokens.h).
class CampaignRunner : public QObject
{
    Q_OBJECT
public:
    // What one run of a campaign came to.
    struct Run
    {
        enum class Outcome {
            Ran,     // the dispatcher ran: see summary, and status for where the campaign stands
            Waiting, // nothing sent: something it needs is unreachable (the tracker); retry at retryAt
            Failed,  // it cannot send (no secret, no sender, a broken template): the campaign failed
            Skipped, // nothing to do: not scheduled nor sending (cancelled, sent, gone), or moved meanwhile
        };
        Outcome outcome = Outcome::Skipped;
        qint64 campaignId = 0;
        QString name;
        QString status; // the campaign's status name afterwards
        Dispatcher::Summary summary;
        qint64 retryAt = 0;
        Error error; // why it waits or failed, or what stopped the dispatcher
        bool interrupted = false; // the dispatcher stopped on an error (the job goes back)
    };
    // A claimed job and what its run came to.
    struct JobRun
    {
        Job job;
        Run run;
    };
    // Makes the channel for a campaign on a channel other than email (SMS, and the tests' echo
    // channel); the email channel is built in. `tracking` outlives the channel.
    using ChannelFactory = std::function<Result<std::unique_ptr<channels::Channel>>(const Campaign &campaign,
                                                                                   const tracking::CampaignTracking &tracking)>;

    CampaignRunner(QSqlDatabase db, QNetworkAccessManager *network, SendSetup setup, Clock clock = systemClock(), QObject *parent = nullptr);
    ~CampaignRunner() override;

    void addChannel(const QString &id, ChannelFactory factory);

    // Starts a campaign that is due (scheduled → sending, audience frozen, links registered with the
    // tracker) and sends it until every row is settled, it is paused or cancelled, or stop().
    QCoro::Task<Run> run(qint64 campaignId);
    // Renders the campaign for each address (as the contact with that address, if there is one) and
    // sends it, marked as a test, from the campaign's first sender. No outbox row; the addresses
    // that got it, or the first failure.
    QCoro::Task<Result<QStringList>> sendTest(qint64 campaignId, QStringList addresses);
    // The scheduler's turn: the earliest due job this runner can run, leased to `owner` (renewed
    // while it runs), run, and settled: completed, released for the next turn, or postponed.
    // Nothing when no job is due.
    QCoro::Task<Result<std::optional<JobRun>>> runDueJob(QString owner, QList<qint64> skipJobs = {});
    // Reads every sender mailbox's Inbox once (MailboxReader): bounces, replies, unsubscribe mails.
    // A mailbox LUX has no credentials for is left out without a word (it cannot send either).
    QCoro::Task<QList<mailbox::MailboxReader::Summary>> readMailboxes();
    // What Twilio charged for texts whose receipts came back final (delivered, undelivered, failed)
    // without a price yet: Twilio prices a message a little after its last status, and its status
    // callbacks carry no price, so each is fetched (at most `limit` per call, the oldest first) and
    // kept on the outbox row. How many were priced; nothing when Twilio is not set up.
    QCoro::Task<Result<int>> fetchSmsPrices(int limit = 200);
    // Stops the run under way after its requests in flight; nothing is lost.
    void stop();
    bool isStopped() const { return m_stop; } // once stopped, a runner starts nothing new

    static constexpr qint64 kLeaseMs = 120'000;
    static constexpr qint64 kWaitMs = 60'000; // how long a waiting campaign waits before it tries again
    // An A/B test whose test messages are in doubt looks again this often (never in a tight loop).
    static constexpr qint64 kUnsettledLookMs = 5 * 60'000;

Q_SIGNALS:
    void started(qint64 campaignId, const QString &name);
    void progressed(const lux::campaigns::Dispatcher::Progress &progress);
    // Microsoft rotated the signed-in user's refresh token: keep the new one (the keychain).
    void refreshTokenChanged(const QString &refreshToken);

private:
    // The campaign's channel; with an A/B test, a VariantChannel over one per variant.
    Result<std::unique_ptr<channels::Channel>> channelFor(const Campaign &campaign, const tracking::CampaignTracking &tracking);
    Result<std::unique_ptr<channels::Channel>> channelOf(const Campaign &campaign, const tracking::CampaignTracking &tracking);
    // An A/B test's turn (AbTests::decideIfDue) with the tracker's latest events pulled first.
    QCoro::Task<Result<AbTests::Turn>> abTestTurn(qint64 campaignId);
    channels::graph::GraphChannelFactory &emailFactory();
    Result<channels::twilio::SmsChannelFactory *> smsFactory();
    channels::social::SocialChannelFactory &socialFactory();
    Run fail(Run run, const Error &error);

    QSqlDatabase m_db;
    QNetworkAccessManager *m_network;
    SendSetup m_setup;
    Clock m_clock;
    QHash<QString, ChannelFactory> m_factories;
    std::unique_ptr<channels::graph::GraphChannelFactory> m_email; // made at the first email run
    std::unique_ptr<channels::twilio::SmsChannelFactory> m_sms;    // made at the first SMS run
    std::unique_ptr<channels::social::SocialChannelFactory> m_social; // made at the first post
    Dispatcher *m_dispatcher = nullptr;
    bool m_stop = false;
};

} // namespace lux::campaigns
