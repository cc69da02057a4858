// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobstore.h"
#include "common/errorcodes.h"

#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace lux::campaigns {

Status JobStore::scheduleSend(qint64 campaignId, qint64 dueAt)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    if (Status s = scheduleSendWithin(campaignId, dueAt); !s)
        return s;
    return tx.commit();
}

Status JobStore::scheduleSendWithin(qint64 campaignId, qint64 dueAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET due_at = ? WHERE campaign_id = ? AND kind = 'send' AND done_at IS NULL"));
    q.addBindValue(dueAt);
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() == 0) {
        q.prepare(QStringLiteral("INSERT INTO jobs (kind, campaign_id, due_at) VALUES ('send', ?, ?)"));
        q.addBindValue(campaignId);
        q.addBindValue(dueAt);
        if (!q.exec())
            return storage::queryError(q);
    }
    return {};
}

Status JobStore::scheduleSendByWithin(qint64 campaignId, qint64 dueAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT due_at FROM jobs WHERE campaign_id = ? AND kind = 'send' AND done_at IS NULL"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (q.next() && q.value(0).toLongLong() <= dueAt)
        return {};
    q.finish();
    return scheduleSendWithin(campaignId, dueAt);
}

Status JobStore::cancelSend(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET done_at = ? WHERE campaign_id = ? AND kind = 'send' AND done_at IS NULL"));
    q.addBindValue(m_clock());
    q.addBindValue(campaignId);
    return q.exec() ? Status{} : Status(storage::queryError(q));
}

namespace {

constexpr auto kJobColumns = "id, coalesce(campaign_id, 0), due_at, kind, coalesce(subject_id, 0), payload";

Job jobFrom(const QSqlQuery &q)
{
    return Job{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toLongLong(),
               q.value(5).toString().toUtf8()};
}

} // namespace

Result<qint64> JobStore::add(const QString &kind, qint64 subjectId, const QByteArray &payload, qint64 dueAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO jobs (kind, subject_id, payload, due_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(kind);
    q.addBindValue(subjectId);
    q.addBindValue(QString::fromUtf8(payload.isEmpty() ? QByteArrayLiteral("{}") : payload));
    q.addBindValue(dueAt);
    if (!q.exec())
        return storage::queryError(q);
    return q.lastInsertId().toLongLong();
}

Result<std::optional<Job>> JobStore::claimDue(const QString &owner, qint64 leaseMs, const QList<qint64> &skipJobs, const QStringList &kinds)
{
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    // One statement: the pick and the lease cannot be split by another scheduler.
    QStringList skip; // numbers only, never text from outside
    for (const qint64 id : skipJobs)
        skip << QString::number(id);
    QString kindFilter;
    if (!kinds.isEmpty())
        kindFilter = QStringLiteral(" AND kind IN (%1)").arg(QStringList(kinds.size(), QStringLiteral("?")).join(u','));
    q.prepare(QStringLiteral("UPDATE jobs SET lease_owner = ?, lease_until = ? WHERE id = "
                             "(SELECT id FROM jobs WHERE done_at IS NULL AND due_at <= ? AND lease_until < ?%1%2 ORDER BY due_at, id LIMIT 1) "
                             "RETURNING %3")
                  .arg(skip.isEmpty() ? QString() : QStringLiteral(" AND id NOT IN (%1)").arg(skip.join(u',')), kindFilter,
                       QString::fromLatin1(kJobColumns)));
    q.addBindValue(owner);
    q.addBindValue(now + leaseMs);
    q.addBindValue(now);
    q.addBindValue(now);
    for (const QString &kind : kinds)
        q.addBindValue(kind);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return std::optional<Job>();
    return std::optional<Job>(jobFrom(q));
}

Status JobStore::renew(qint64 jobId, const QString &owner, qint64 leaseMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND done_at IS NULL"));
    q.addBindValue(m_clock() + leaseMs);
    q.addBindValue(jobId);
    q.addBindValue(owner);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::jobLease, tr("Job %1 is held by another scheduler.").arg(jobId));
    return {};
}

QList<Job> JobStore::overdue(qint64 before) const
{
    QList<Job> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE done_at IS NULL AND due_at < ? AND lease_until < ? ORDER BY due_at")
                  .arg(QString::fromLatin1(kJobColumns)));
    q.addBindValue(before);
    q.addBindValue(m_clock());
    if (q.exec())
        while (q.next())
            out << jobFrom(q);
    return out;
}

Status JobStore::release(qint64 jobId, const QString &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET lease_owner = '', lease_until = 0 WHERE id = ? AND lease_owner = ?"));
    q.addBindValue(jobId);
    q.addBindValue(owner);
    return q.exec() ? Status{} : Status(storage::queryError(q));
}

Status JobStore::postpone(qint64 jobId, const QString &owner, qint64 dueAt, std::optional<qint64> claimedDue)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET due_at = CASE WHEN ? IS NOT NULL AND due_at <> ? THEN min(due_at, ?) ELSE ? END, "
                             "lease_owner = '', lease_until = 0 WHERE id = ? AND lease_owner = ?"));
    const QVariant claimed = claimedDue ? QVariant(*claimedDue) : QVariant(QMetaType::fromType<qint64>());
    q.addBindValue(claimed);
    q.addBindValue(claimed);
    q.addBindValue(dueAt);
    q.addBindValue(dueAt);
    q.addBindValue(jobId);
    q.addBindValue(owner);
    return q.exec() ? Status{} : Status(storage::queryError(q));
}

Status JobStore::complete(qint64 jobId, const QString &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET done_at = ?, lease_owner = '', lease_until = 0 WHERE id = ? AND lease_owner = ?"));
    q.addBindValue(m_clock());
    q.addBindValue(jobId);
    q.addBindValue(owner);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::jobLease, tr("Job %1 is held by another scheduler.").arg(jobId));
    return {};
}

std::optional<qint64> JobStore::nextDueAt() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT min(due_at) FROM jobs WHERE done_at IS NULL")) && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

} // namespace lux::campaigns
