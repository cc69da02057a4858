// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::campaigns {

// What a job does (jobs.kind, migration 10). Each kind has one handler in the run path.
namespace jobkind {
inline constexpr auto kSend = "send";             // a campaign's send (campaign_id)
inline constexpr auto kPost = "post";             // a scheduled social post (subject_id)
inline constexpr auto kAutomation = "automation"; // an automation run's next step (subject_id)
inline constexpr auto kMessage = "message";       // a transactional message (payload)
} // namespace jobkind

struct Job
{
    qint64 id = 0;
    qint64 campaignId = 0; // a send's campaign; 0 for the other kinds
    qint64 dueAt = 0;
    QString kind = QString::fromLatin1(jobkind::kSend);
    qint64 subjectId = 0;
    QByteArray payload; // JSON
};

// The durable jobs the scheduler runs (migrations 7 and 10): a campaign's send at its time, and
// jobs of the other kinds (jobkind) that the features after email add. A job is taken
// with a lease, so two schedulers (the app and `luxctl scheduler run`) never run one job together,
// and a scheduler that dies leaves a lease that simply runs out.
class JobStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::JobStore)
public:
    explicit JobStore(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // One pending send job per campaign: scheduling again moves it.
    Status scheduleSend(qint64 campaignId, qint64 dueAt);
    Status scheduleSendWithin(qint64 campaignId, qint64 dueAt); // the same inside a transaction the caller holds
    // The send job due by dueAt: made, or moved earlier, never later (a standing campaign whose rows
    // are due at different times: the run postpones it to the next row's time).
    Status scheduleSendByWithin(qint64 campaignId, qint64 dueAt);
    Status cancelSend(qint64 campaignId); // the campaign went back to draft or was cancelled
    // A job of another kind than a send; its id.
    Result<qint64> add(const QString &kind, qint64 subjectId, const QByteArray &payload, qint64 dueAt);
    // The earliest due job nobody holds, of one of `kinds` (all when empty), leased to `owner` for
    // `leaseMs`; nothing when none is due. A scheduler claims only the kinds it can run.
    Result<std::optional<Job>> claimDue(const QString &owner, qint64 leaseMs, const QList<qint64> &skipJobs = {},
                                        const QStringList &kinds = {});
    Status renew(qint64 jobId, const QString &owner, qint64 leaseMs); // still at it: the lease goes on
    Status release(qint64 jobId, const QString &owner); // not done: back for the next claim
    // Not now: back at dueAt. With `claimedDue` (the due time the job had when claimed), a due time
    // someone moved meanwhile (a user's choice that makes it due now) is kept when it is earlier.
    Status postpone(qint64 jobId, const QString &owner, qint64 dueAt, std::optional<qint64> claimedDue = std::nullopt);
    // Jobs that came due before `before` and nobody holds: what a closed app missed.
    QList<Job> overdue(qint64 before) const;
    Status complete(qint64 jobId, const QString &owner);
    std::optional<qint64> nextDueAt() const; // the soonest pending job, for the timer

private:
    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::campaigns
