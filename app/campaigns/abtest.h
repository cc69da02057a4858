// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/abstatistics.h"
#include "campaigns/campaignstore.h"
#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTime>

#include <optional>

namespace lux::campaigns {

// What one variant changes. An empty field (0, nullopt) is the campaign's own, so variant A is
// usually empty: it is the campaign as written. Nothing here is email's alone: an SMS test varies
// the body, and the channel reads the campaign it is given (AbTests::applied).
struct AbVariant
{
    QString subject, preheader, fromName;
    qint64 templateId = 0;
    QString body;                  // a text's words
    std::optional<QTime> sendTime; // its messages go at this time of day (this computer's zone)

    QJsonObject toJson() const;
    static AbVariant fromJson(const QJsonObject &o);
    bool operator==(const AbVariant &) const = default;
};

// Without a winner at the end of the wait: the rest gets A, or waits for the user's choice.
enum class AbNoWinner { SendA, Wait };

struct AbTestConfig
{
    QList<AbVariant> variants; // 2 to 5, A first
    double testPercent = 20;   // the share of the audience in the test group …
    qint64 testSize = 0;       // … or, above 0, this many people
    qint64 waitMs = 4 * 3600 * 1000;
    AbMetric metric = AbMetric::HumanClicks;
    AbNoWinner noWinner = AbNoWinner::SendA;
    std::optional<double> baseline, lift; // the planner's inputs, kept for the next look
};

enum class AbState {
    Draft,   // not sent yet
    Testing, // the test group is going out, or its wait runs
    Waiting, // the wait is over without a winner (or the metric is the user's choice): the user picks
    Decided, // a winner; the rest goes out with it
};
QString abStateName(AbState state);

struct AbTest
{
    qint64 campaignId = 0;
    AbTestConfig config;
    AbState state = AbState::Draft;
    QString seed;                  // the draw's, decimal: the same seed over the same audience draws the same group
    qint64 testGroup = 0, remainder = 0;
    int winner = -1;
    QString decidedBy;             // "rule", "fallback" (A, as set), "user"
    std::optional<qint64> decidedAt;
    QString reasonCode, reason;    // why, in one sentence, as said at the decision
    QJsonObject analysis;          // the statistics the decision was made on
};

// Where a test stands, counted from the outbox and the tracked events. Human events only (the
// tracker flags machine opens and clicks), each recipient once, over delivered messages (accepted
// and not hard-bounced).
struct AbProgress
{
    struct Variant
    {
        qint64 planned = 0, delivered = 0, failed = 0, unsettled = 0; // unsettled: pending, sending or in doubt
        qint64 humanOpeners = 0, humanClickers = 0, machineOnlyOpeners = 0;
    };
    QList<Variant> variants;
    qint64 lastSettledAt = 0;      // the latest test message accepted (or refused for good)
    std::optional<qint64> decideAt; // every test message settled: the last acceptance plus the wait
    qint64 restPending = 0, restSent = 0, restFailed = 0; // the rest, once released (held ones are pending)
    QList<AbCounts> counts(AbMetric metric) const; // successes over trials, as the metric counts them
    double machineShare(int variant) const;       // of those who opened, the share only machines opened for
};

// A test as its report and `luxctl abtest status` show it: the decision once made (with the numbers
// it was made on), else the running numbers (no peeking: nothing is decided on them).
struct AbReport
{
    AbTest test;
    CampaignStatus campaignStatus = CampaignStatus::Draft; // a campaign cancelled during its test sends no rest
    AbProgress progress;
    AbAnalysis running; // the numbers now
    QJsonObject toJson() const;
};

// A/B tests of campaigns (migration 17). A test is set on a draft; the freeze draws the test group at
// random (seeded, recorded), interleaves the variants in the outbox (A, B, C, A, B, C …) so throttling
// and the time of day fall on each alike, and holds the rest. Once every test message has had the
// wait since it was accepted, the scheduler decides (decide()): the winner rule of AbStatistics on
// the tracked human events; the decision and the rest's release are one transaction, so a crash
// neither loses the decision nor sends the rest twice.
class AbTests
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::AbTests)
public:
    explicit AbTests(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // Held rows wait for the decision with this due time (no scheduler reaches it).
    static constexpr qint64 kHeld = 4'102'444'800'000; // 2100-01-01
    static QString variantName(int index); // "A", "B", …

    // What a variant sends: the campaign with the variant's fields in place of its own.
    static Campaign applied(const Campaign &campaign, const AbVariant &variant);
    // What is wrong with a test of `campaign`, said with the variant and the field.
    Status validate(const Campaign &campaign, const AbTestConfig &config) const;
    // The same without the database (whether the variants' templates exist), for a form as it is typed.
    static Status validateShape(const Campaign &campaign, const AbTestConfig &config);
    // The size of the test group over an audience of `audience` people.
    static qint64 testGroupSize(const AbTestConfig &config, qint64 audience);

    Status save(qint64 campaignId, const AbTestConfig &config); // drafts only
    Status remove(qint64 campaignId);                           // drafts only
    Result<std::optional<AbTest>> find(qint64 campaignId) const;

    // Inside the freeze's transaction, after its rows: the draw recorded, send-time variants' rows
    // due at their time.
    Status recordDraw(const Campaign &campaign, const AbTest &test, const QString &seed, qint64 testGroup, qint64 remainder);
    // Inside the freeze's transaction, when the audience has no more people than variants: no test is
    // drawn, everyone gets A, and the test says so.
    Status recordTooSmall(const Campaign &campaign, qint64 audience);
    // The test group in send order (the shuffled audience's first `size`), from `seed`: a partial
    // Fisher-Yates shuffle over std::mt19937_64 with unbiased bounded draws, so it is the same on
    // every platform. Public for the tests.
    static QList<qint64> draw(QList<qint64> audience, qint64 size, quint64 seed);

    Result<AbProgress> progress(qint64 campaignId) const;
    Result<std::optional<AbReport>> report(qint64 campaignId, qint64 minPerVariant) const;
    // The share of delivered messages people clicked in the last `campaigns` sent email campaigns
    // (the planner's starting baseline); nullopt when none was sent with tracking.
    Result<std::optional<double>> baselineClickRate(int campaigns = 5) const;
    // The running numbers (no decision is made on them before the wait is over).
    Result<AbAnalysis> analyse(const AbTest &test, const AbProgress &progress, qint64 minPerVariant) const;

    // The scheduler's turn. Testing and due: decided (or waiting for the user). Returns when to look
    // again: 0 when the test group is still going out (the outbox says when), kHeld when it waits
    // for the user, or the moment the wait ends.
    struct Turn
    {
        enum class Kind {
            None,      // no test, or decided before
            Unsettled, // test messages are still going out or in doubt: the outbox says when
            NotDue,    // the wait runs until nextLook
            Decided,   // decided now: the rest is due
            UserWaits, // the user chooses (nextLook: kHeld)
        };
        Kind kind = Kind::None;
        qint64 nextLook = 0;
        bool decidedNow() const { return kind == Kind::Decided; }
    };
    Result<Turn> decideIfDue(qint64 campaignId, qint64 minPerVariant);
    // The wait is over for this test (what the scheduler asks before it pulls fresh events).
    Result<std::optional<qint64>> decisionDueAt(qint64 campaignId) const;
    // The user's choice once the wait is over without a winner (or when the metric is theirs): the
    // rest goes out with `variant`. Never before the end of the wait (no peeking). Audited.
    Status choose(qint64 campaignId, int variant, std::optional<qint64> byUser);

private:
    Status release(const AbTest &test, int winner, const QString &by, const QString &code, const QString &reason,
                   const QJsonObject &analysis, std::optional<qint64> byUser);

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::campaigns
