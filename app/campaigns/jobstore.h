// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::campaigns {

struct Job
{
    qint64 id = 0;
    qint64 campaignId = 0;
    qint64 dueAt = 0;
};

// The durable jobs the scheduler runs (migration 7): a campaign's send at its time. A job is taken
// with a lease, so two schedulers (the app and `luxctl scheduler run`) never run one job together,
// and a scheduler that dies leaves a lease that simply runs out.
class JobStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::JobStore)
public:
    explicit JobStore(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // One pending send job per campaign: scheduling again moves it.
    Status scheduleSend(qint64 campaignId, qint64 dueAt);
    Status cancelSend(qint64 campaignId); // the campaign went back to draft or was cancelled
    // The earliest due job nobody holds, leased to `owner` for `leaseMs`; nothing when none is due.
    Result<std::optional<Job>> claimDue(const QString &owner, qint64 leaseMs, const QList<qint64> &skipJobs = {});
    Status renew(qint64 jobId, const QString &owner, qint64 leaseMs); // still at it: the lease goes on
    Status release(qint64 jobId, const QString &owner); // not done: back for the next claim
    Status postpone(qint64 jobId, const QString &owner, qint64 dueAt); // not now: back at dueAt
    // Jobs that came due before `before` and nobody holds: what a closed app missed.
    QList<Job> overdue(qint64 before) const;
    Status complete(qint64 jobId, const QString &owner);
    std::optional<qint64> nextDueAt() const; // the soonest pending job, for the timer

private:
    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::campaigns
