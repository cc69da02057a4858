// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"
#include "campaigns/reach.h"
#include "common/errorcodes.h"

#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace lux::campaigns {

namespace {

constexpr OutboxState kStates[] = {OutboxState::Pending, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed, OutboxState::Unknown};

OutboxState stateFromName(const QString &name)
{
    for (OutboxState s : kStates)
        if (stateName(s) == name)
            return s;
    return OutboxState::Unknown;
}

constexpr auto kColumns = "SELECT id, campaign_id, coalesce(contact_id, 0), address, state, attempts, message_id, sender, provider_ref, due_at, "
                          "error_code, error, channel, attempted_at, coalesce(variant, -1), updated_at FROM outbox ";

OutboxRow fromQuery(const QSqlQuery &q)
{
    OutboxRow r;
    r.id = q.value(0).toLongLong();
    r.campaignId = q.value(1).toLongLong();
    r.contactId = q.value(2).toLongLong();
    r.address = q.value(3).toString();
    r.state = stateFromName(q.value(4).toString());
    r.attempts = q.value(5).toInt();
    r.messageId = q.value(6).toString();
    r.sender = q.value(7).toString();
    r.reference = q.value(8).toString();
    r.dueAt = q.value(9).toLongLong();
    r.errorCode = q.value(10).toString();
    r.error = q.value(11).toString();
    r.channel = q.value(12).toString();
    r.attemptedAt = q.value(13).toLongLong();
    r.variant = q.value(14).toInt();
    r.updatedAt = q.value(15).toLongLong();
    return r;
}

} // namespace

QString stateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Pending: return QStringLiteral("pending");
    case OutboxState::Sending: return QStringLiteral("sending");
    case OutboxState::Sent: return QStringLiteral("sent");
    case OutboxState::Failed: return QStringLiteral("failed");
    case OutboxState::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

Result<QList<OutboxRow>> Outbox::claim(qint64 campaignId, int limit, const QString &sender)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    auto claimed = claimWithin(campaignId, limit, sender);
    if (!claimed)
        return claimed;
    if (Status s = tx.commit(); !s)
        return s.error();
    return claimed;
}

Result<QList<OutboxRow>> Outbox::claimWithin(qint64 campaignId, int limit, const QString &sender)
{
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    // Of the rows about to go, those suppressed or unsubscribed since the freeze are never sent. Only
    // the next `limit` rows are looked at, so a claim costs the same at any campaign size.
    // (Unsubscribed: by the channel's own rule, so an email unsubscribe does not stop a text.)
    // An event's own mail (mail_key set: a confirmation, a cancellation, a reminder the person
    // registered for) is transactional and goes to suppressed addresses too (compliance.md); an
    // automation step's messages (mail_key set too) are marketing and checked like a campaign's.
    static const QString suppressed =
        QStringLiteral("UPDATE outbox SET state = 'failed', error_code = 'suppressed', error = ?, updated_at = ? "
                       "WHERE id IN (SELECT id FROM outbox WHERE campaign_id = ? AND state = 'pending' AND due_at <= ? "
                       "ORDER BY due_at, id LIMIT ?) "
                       "AND (mail_key = '' OR NOT EXISTS (SELECT 1 FROM campaigns k WHERE k.id = outbox.campaign_id AND k.event_id IS NOT NULL)) "
                       "AND (EXISTS (SELECT 1 FROM suppression s WHERE s.channel = outbox.channel AND s.address_key = outbox.address_key) "
                       "OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = outbox.contact_id AND (%1)))")
            .arg(unreachableAtClaim());
    q.prepare(suppressed);
    q.addBindValue(tr("The address was suppressed or unsubscribed after the campaign started."));
    q.addBindValue(now);
    q.addBindValue(campaignId);
    q.addBindValue(now);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts + 1, sender = ?, updated_at = ?, attempted_at = ? "
                             "WHERE id IN (SELECT id FROM outbox WHERE campaign_id = ? AND state = 'pending' AND due_at <= ? "
                             "ORDER BY due_at, id LIMIT ?) RETURNING id"));
    q.addBindValue(sender);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(campaignId);
    q.addBindValue(now);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q);
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    QList<OutboxRow> claimed;
    for (const qint64 id : std::as_const(ids)) {
        q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return storage::queryError(q);
        claimed << fromQuery(q);
    }
    std::sort(claimed.begin(), claimed.end(), [](const OutboxRow &a, const OutboxRow &b) { return a.id < b.id; });
    return claimed;
}

Status Outbox::move(qint64 rowId, std::initializer_list<OutboxState> from, OutboxState to, const QString &code, const QString &message,
                    std::optional<qint64> dueAt)
{
    QStringList allowed;
    for (OutboxState s : from)
        allowed << QStringLiteral("'%1'").arg(stateName(s)); // names from the enum, not input
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, error_code = ?, error = ?, due_at = coalesce(?, due_at), updated_at = ? "
                             "WHERE id = ? AND state IN (%1)")
                  .arg(allowed.join(u',')));
    q.addBindValue(stateName(to));
    q.addBindValue(code.isNull() ? QStringLiteral("") : code);
    q.addBindValue(message.isNull() ? QStringLiteral("") : message);
    q.addBindValue(dueAt ? QVariant(*dueAt) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(m_clock());
    q.addBindValue(rowId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::outboxState, tr("Outbox row %1 cannot change to “%2” from the state it is in.").arg(rowId).arg(stateName(to)));
    return {};
}

Status Outbox::setReference(qint64 rowId, const QString &reference)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET provider_ref = ?, updated_at = ? WHERE id = ? AND state IN ('sending', 'unknown')"));
    q.addBindValue(reference);
    q.addBindValue(m_clock());
    q.addBindValue(rowId);
    if (!q.exec())
        return storage::queryError(q);
    return q.numRowsAffected() == 1 ? Status{} : Status(Error(errc::outboxState, tr("Outbox row %1 is not being sent.").arg(rowId)));
}

Status Outbox::markSent(qint64 rowId, const QString &reference, int units)
{
    if (!reference.isEmpty())
        if (Status s = setReference(rowId, reference); !s)
            return s;
    if (units > 0) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE outbox SET segments = ? WHERE id = ?"));
        q.addBindValue(units);
        q.addBindValue(rowId);
        if (!q.exec())
            return storage::queryError(q);
    }
    return move(rowId, {OutboxState::Sending, OutboxState::Unknown}, OutboxState::Sent, {}, {});
}

Status Outbox::defer(qint64 rowId, qint64 dueAt, const QString &code, const QString &message)
{
    // Nothing left: the claim's attempt is given back, so waiting for a window never uses up retries.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'pending', attempts = max(attempts - 1, 0), due_at = ?, error_code = ?, error = ?, "
                             "updated_at = ? WHERE id = ? AND state = 'sending'"));
    for (const QVariant &v : QVariantList{dueAt, storage::notNull(code), storage::notNull(message), m_clock(), rowId})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::outboxState, tr("Outbox row %1 is not being sent.").arg(rowId));
    return {};
}

Status Outbox::postpone(qint64 rowId, qint64 dueAt, const QString &code, const QString &message)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET due_at = ?, error_code = ?, error = ?, updated_at = ? "
                             "WHERE id = ? AND state = 'pending' AND due_at < ?"));
    for (const QVariant &v : QVariantList{dueAt, storage::notNull(code), storage::notNull(message), m_clock(), rowId, dueAt})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

int Outbox::deliveryRank(const QString &status)
{
    // Twilio's outbound statuses in the order they happen (provider-contracts.md §2.2); the final
    // ones share the last rank, so a late "sent" never undoes "delivered" and a final status is kept.
    static const QHash<QString, int> ranks{{QStringLiteral("accepted"), 1}, {QStringLiteral("scheduled"), 1},
                                           {QStringLiteral("queued"), 2},   {QStringLiteral("sending"), 3},
                                           {QStringLiteral("sent"), 4},     {QStringLiteral("delivered"), 5},
                                           {QStringLiteral("undelivered"), 5}, {QStringLiteral("failed"), 5},
                                           {QStringLiteral("canceled"), 5}, {QStringLiteral("read"), 6}};
    return ranks.value(status.toLower(), 0);
}

Result<bool> Outbox::applyDelivery(const QString &channel, const QString &reference, const QString &status, const QString &code,
                                   qint64 at)
{
    const int rank = deliveryRank(status);
    if (rank == 0 || reference.isEmpty())
        return false;
    // Forward only: a replayed or late callback finds its rank not above the row's and changes nothing.
    // (`provider_ref <> ''` lets SQLite use the partial index outbox_provider_ref: one row, not a scan.)
    QString rankSql = QStringLiteral("CASE delivery");
    for (const QString &name : {QStringLiteral("accepted"), QStringLiteral("scheduled"), QStringLiteral("queued"), QStringLiteral("sending"),
                                QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("undelivered"), QStringLiteral("failed"),
                                QStringLiteral("canceled"), QStringLiteral("read")})
        rankSql += QStringLiteral(" WHEN '%1' THEN %2").arg(name).arg(deliveryRank(name)); // names from this table, not input
    rankSql += QStringLiteral(" ELSE 0 END");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET delivery = ?, delivery_code = ?, delivery_at = ? "
                             "WHERE channel = ? AND provider_ref = ? AND provider_ref <> '' AND (%1) < ?")
                  .arg(rankSql));
    for (const QVariant &v : QVariantList{status.toLower(), storage::notNull(code), at, channel, reference, rank})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return q.numRowsAffected() > 0;
}

Status Outbox::setPrice(const QString &channel, const QString &reference, const QString &price, const QString &unit)
{
    QSqlQuery q(m_db);
    // `provider_ref <> ''` lets SQLite use the partial index outbox_provider_ref.
    q.prepare(QStringLiteral("UPDATE outbox SET price = ?, price_unit = ? WHERE channel = ? AND provider_ref = ? AND provider_ref <> ''"));
    for (const QVariant &v : QVariantList{storage::notNull(price), storage::notNull(unit), channel, reference})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status Outbox::markFailed(qint64 rowId, const QString &code, const QString &message)
{
    return move(rowId, {OutboxState::Sending, OutboxState::Unknown}, OutboxState::Failed, code, message);
}

Status Outbox::markUnknown(qint64 rowId, const QString &code, const QString &message)
{
    return move(rowId, {OutboxState::Sending}, OutboxState::Unknown, code, message);
}

Status Outbox::markNeedsDecision(qint64 rowId, const QString &message)
{
    return move(rowId, {OutboxState::Sending, OutboxState::Unknown}, OutboxState::Unknown, QString::fromLatin1(kNeedsDecision), message);
}

Status Outbox::retryLater(qint64 rowId, qint64 dueAt, const QString &code, const QString &message)
{
    // From `unknown` only once reconciliation found it was not sent; the caller decides that.
    return move(rowId, {OutboxState::Sending, OutboxState::Unknown}, OutboxState::Pending, code, message, dueAt);
}

Result<qint64> Outbox::recoverInterrupted(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'unknown', error_code = 'interrupted', error = ?, updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'sending'"));
    q.addBindValue(tr("The app stopped while this message was being sent."));
    q.addBindValue(m_clock());
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q);
    return q.numRowsAffected();
}

Result<QList<OutboxRow>> Outbox::rows(qint64 campaignId, std::optional<OutboxState> state, int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE campaign_id = ? AND (? IS NULL OR state = ?) ORDER BY id LIMIT ?"));
    const QVariant s = state ? QVariant(stateName(*state)) : QVariant(QMetaType::fromType<QString>());
    q.addBindValue(campaignId);
    q.addBindValue(s);
    q.addBindValue(s);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q);
    QList<OutboxRow> out;
    while (q.next())
        out << fromQuery(q);
    return out;
}

Result<qint64> Outbox::requeueFailed(qint64 campaignId, std::optional<qint64> rowId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'pending', attempts = 0, due_at = ?, provider_ref = '', error_code = '', error = '', "
                             "updated_at = ? WHERE campaign_id = ? AND state = 'failed' AND error_code <> 'suppressed'")
              + (rowId ? QStringLiteral(" AND id = ?") : QString()));
    q.addBindValue(m_clock());
    q.addBindValue(m_clock());
    q.addBindValue(campaignId);
    if (rowId)
        q.addBindValue(*rowId);
    if (!q.exec())
        return storage::queryError(q);
    return qint64(q.numRowsAffected());
}

Status Outbox::decide(qint64 rowId, bool send)
{
    // A fresh message only if the user chose to send again; the old one is gone or never was.
    QSqlQuery q(m_db);
    q.prepare(send ? QStringLiteral("UPDATE outbox SET state = 'pending', provider_ref = '', due_at = ?, error_code = 'decided-resend', "
                                    "error = '', updated_at = ? WHERE id = ? AND state = 'unknown'")
                   : QStringLiteral("UPDATE outbox SET state = 'sent', error_code = 'decided-sent', error = '', due_at = ?, updated_at = ? "
                                    "WHERE id = ? AND state = 'unknown'"));
    q.addBindValue(m_clock());
    q.addBindValue(m_clock());
    q.addBindValue(rowId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::outboxState, tr("That recipient is no longer waiting for a decision."));
    return {};
}

std::optional<qint64> Outbox::nextDueAt(qint64 campaignId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT min(due_at) FROM outbox WHERE campaign_id = ? AND state = 'pending'"));
    q.addBindValue(campaignId);
    if (q.exec() && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QHash<QString, qint64> Outbox::counts(qint64 campaignId) const
{
    QHash<QString, qint64> out;
    for (OutboxState s : kStates)
        out.insert(stateName(s), 0);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state, count(*) FROM outbox WHERE campaign_id = ? GROUP BY state"));
    q.addBindValue(campaignId);
    if (q.exec())
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<QList<std::pair<QString, qint64>>> Outbox::sentSince(const QString &channel, qint64 since) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sender, updated_at FROM outbox WHERE state = 'sent' AND channel = ? AND updated_at > ?"));
    q.addBindValue(channel);
    q.addBindValue(since);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<std::pair<QString, qint64>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong()});
    return out;
}

} // namespace lux::campaigns
