// SPDX-License-Identifier: GPL-3.0-or-later
#include "inboundapplier.h"

#include "common/errorcodes.h"
#include "contacts/addressing.h"
#include "contacts/suppression.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "tracking/token.h"

#include <QSqlQuery>

namespace lux::mailbox {

namespace {
// A bounce may be stamped a little before the outbox row saw Graph's answer (clocks, queues).
constexpr qint64 kClockSlackMs = 5 * 60 * 1000;
} // namespace

InboundApplier::InboundApplier(QSqlDatabase db, const tracking::TokenCodec *tokens, Clock clock)
    : m_db(std::move(db)), m_tokens(tokens), m_clock(std::move(clock))
{
}

QString InboundApplier::keyOf(const QString &address)
{
    if (address.isEmpty())
        return {};
    const auto parsed = contacts::Addressing::parseEmail(address);
    return parsed ? parsed->key : QString();
}

std::optional<InboundApplier::Sent> InboundApplier::byMessageId(const QString &messageId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, campaign_id, contact_id, address_key FROM outbox WHERE message_id = ? AND channel = 'email'"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Sent{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()};
}

std::optional<InboundApplier::Sent> InboundApplier::lastSentTo(const QString &addressKey, const QString &mailbox, qint64 before) const
{
    if (addressKey.isEmpty())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, campaign_id, contact_id, address_key FROM outbox "
                             "WHERE address_key = ? AND channel = 'email' AND state = 'sent' AND lower(sender) = ? AND updated_at <= ? "
                             "ORDER BY updated_at DESC LIMIT 1"));
    q.addBindValue(addressKey);
    q.addBindValue(mailbox.toLower());
    q.addBindValue(before + kClockSlackMs);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Sent{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()};
}

qint64 InboundApplier::contactFor(const QString &addressKey) const
{
    if (addressKey.isEmpty())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM contacts WHERE email_key = ?"));
    q.addBindValue(addressKey);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

Result<bool> InboundApplier::softInARow(const QString &addressKey) const
{
    // The last messages sent to the address, and whether each came back soft.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT o.updated_at, EXISTS (SELECT 1 FROM inbound_messages i WHERE i.outbox_id = o.id AND i.kind = 'soft-bounce') "
                             "FROM outbox o WHERE o.address_key = ? AND o.channel = 'email' AND o.state = 'sent' "
                             "ORDER BY o.updated_at DESC LIMIT ?"));
    q.addBindValue(addressKey);
    q.addBindValue(kSoftInARow);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    int soft = 0;
    qint64 newest = 0, oldest = 0;
    while (q.next()) {
        if (!q.value(1).toBool())
            return false;
        if (soft == 0)
            newest = q.value(0).toLongLong();
        oldest = q.value(0).toLongLong();
        ++soft;
    }
    return soft == kSoftInARow && newest - oldest >= kSoftSpanMs;
}

Status InboundApplier::bounce(const Sent &sent, const QString &reason)
{
    contacts::SuppressionList suppression(m_db, m_clock);
    if (const auto added = suppression.addKey(contacts::SuppressionList::Channel::Email, sent.addressKey, reason); !added)
        return added.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE contacts SET status = 'bounced', updated_at = ? "
                             "WHERE email_key = ? AND (status = 'subscribed' OR status = 'unsubscribed')"));
    q.addBindValue(m_clock());
    q.addBindValue(sent.addressKey);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Result<bool> InboundApplier::unsubscribe(const QString &addressKey, qint64 contactId, const QString &evidence, qint64 at)
{
    contacts::SuppressionList suppression(m_db, m_clock);
    const auto added = suppression.addKey(contacts::SuppressionList::Channel::Email, addressKey, evidence);
    if (!added)
        return added.error();
    if (*added && contactId > 0) {
        QSqlQuery consent(m_db);
        consent.prepare(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at) "
                                       "VALUES (?, 'email', 'withdrawn', 'form', ?, ?)"));
        consent.addBindValue(contactId);
        consent.addBindValue(evidence);
        consent.addBindValue(at);
        if (!consent.exec())
            return storage::queryError(consent);
    }
    return *added;
}

std::optional<InboundApplier::Known> InboundApplier::find(const QString &mailbox, const QString &graphId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, disposed FROM inbound_messages WHERE mailbox = ? AND graph_id = ?"));
    q.addBindValue(mailbox.toLower());
    q.addBindValue(graphId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Known{q.value(0).toLongLong(), q.value(1).toBool()};
}

Result<InboundApplier::Outcome> InboundApplier::apply(const Message &message, const InboundResult &r)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const QString mailbox = message.mailbox.toLower();
    Outcome out;
    out.kind = r.kind;
    const qint64 at = message.received.isValid() ? message.received.toMSecsSinceEpoch() : m_clock();

    // Which of our messages this is about, and whose address it concerns.
    std::optional<Sent> sent;
    if (!r.originalMessageId.isEmpty())
        sent = byMessageId(r.originalMessageId);
    QString addressKey;
    QString tokenNote;
    switch (r.kind) {
    case InboundClass::HardBounce:
    case InboundClass::SoftBounce:
        for (const QString &a : {r.originalRecipient, r.recipient}) {
            if (sent)
                break;
            sent = lastSentTo(keyOf(a), mailbox, at);
        }
        addressKey = sent ? sent->addressKey : keyOf(!r.originalRecipient.isEmpty() ? r.originalRecipient : r.recipient);
        break;
    case InboundClass::Unsubscribe:
        if (!r.unsubscribeToken.isEmpty()) {
            const std::optional<tracking::Claims> claims =
                m_tokens ? m_tokens->verify(r.unsubscribeToken.toLatin1(), tracking::Purpose::Unsubscribe) : std::nullopt;
            std::optional<Sent> byToken;
            if (claims) {
                QSqlQuery q(m_db);
                q.prepare(QStringLiteral("SELECT id, campaign_id, contact_id, address_key FROM outbox WHERE id = ? AND campaign_id = ?"));
                q.addBindValue(qint64(claims->recipient));
                q.addBindValue(qint64(claims->campaign));
                if (q.exec() && q.next())
                    byToken = Sent{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()};
            }
            if (byToken)
                sent = byToken;
            tokenNote = byToken ? QStringLiteral("token") : QStringLiteral("token-invalid");
        }
        if (!sent)
            sent = lastSentTo(keyOf(r.sender), mailbox, at);
        // A verified token names the recipient; otherwise only the sender's own address is taken off.
        addressKey = tokenNote == QLatin1String("token") ? sent->addressKey : keyOf(r.sender);
        break;
    case InboundClass::Reply:
    case InboundClass::AutoReply:
    case InboundClass::Other:
        if (!sent)
            sent = lastSentTo(keyOf(r.sender), mailbox, at);
        addressKey = keyOf(r.sender);
        break;
    }
    out.campaignId = sent ? sent->campaignId : 0;
    out.contactId = sent && sent->contactId > 0 && (r.kind != InboundClass::Reply || sent->addressKey == addressKey) ? sent->contactId
                                                                                                                      : contactFor(addressKey);
    if (out.contactId == 0 && sent)
        out.contactId = sent->contactId;

    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO inbound_messages (mailbox, graph_id, received_at, kind, rule, address, status, diagnostic, "
                                  "campaign_id, outbox_id, contact_id, subject, excerpt, processed_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox, graph_id) DO NOTHING"));
    const auto orNull = [](qint64 id) { return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>()); };
    const QString rule = tokenNote.isEmpty() ? r.rule : r.rule + u'+' + tokenNote;
    for (const QVariant &v : QVariantList{mailbox, message.graphId, at, className(r.kind), storage::notNull(rule),
                                          storage::notNull(addressKey.isEmpty() ? r.sender : addressKey),
                                          storage::notNull(r.status), storage::notNull(r.diagnostic), orNull(out.campaignId),
                                          orNull(sent ? sent->outboxId : 0), orNull(out.contactId), storage::notNull(r.subject),
                                          storage::notNull(r.excerpt), m_clock()})
        insert.addBindValue(v);
    if (!insert.exec())
        return storage::queryError(insert);
    if (insert.numRowsAffected() == 0) {
        // Applied before: an interrupted look, an update to a message read already, or another reader.
        QSqlQuery seen(m_db);
        seen.prepare(QStringLiteral("SELECT id FROM inbound_messages WHERE mailbox = ? AND graph_id = ?"));
        seen.addBindValue(mailbox);
        seen.addBindValue(message.graphId);
        if (!seen.exec() || !seen.next())
            return storage::queryError(seen, errc::dbRead);
        Outcome again;
        again.kind = r.kind;
        again.rowId = seen.value(0).toLongLong();
        return again;
    }
    out.rowId = insert.lastInsertId().toLongLong();
    out.applied = true;

    // What it changes.
    switch (r.kind) {
    case InboundClass::HardBounce:
        if (!addressKey.isEmpty()) {
            const Sent target = sent ? *sent : Sent{0, 0, out.contactId, addressKey};
            const QString reason = out.campaignId > 0
                                       ? tr("Hard bounce (%1) from campaign %2: %3").arg(r.status, QString::number(out.campaignId), r.diagnostic)
                                       : tr("Hard bounce (%1): %2").arg(r.status, r.diagnostic);
            if (Status s = bounce(target, reason.left(500)); !s)
                return s.error();
            out.effect = QStringLiteral("bounced");
        }
        break;
    case InboundClass::SoftBounce:
        if (!addressKey.isEmpty()) {
            out.effect = QStringLiteral("counted");
            const auto inARow = softInARow(addressKey);
            if (!inARow)
                return inARow.error();
            if (*inARow) {
                const Sent target = sent ? *sent : Sent{0, 0, out.contactId, addressKey};
                if (Status s = bounce(target, tr("%n soft bounces in a row over at least seven days", nullptr, kSoftInARow)); !s)
                    return s.error();
                out.effect = QStringLiteral("bounced");
            }
        }
        break;
    case InboundClass::Unsubscribe:
        if (!addressKey.isEmpty()) {
            const QString evidence = out.campaignId > 0 ? tr("Unsubscribe mail to %1 about campaign %2").arg(mailbox).arg(out.campaignId)
                                                        : tr("Unsubscribe mail to %1").arg(mailbox);
            const auto added = unsubscribe(addressKey, out.contactId, evidence, at);
            if (!added)
                return added.error();
            out.effect = *added ? QStringLiteral("unsubscribed") : QString();
        }
        break;
    case InboundClass::Reply:
    case InboundClass::AutoReply:
    case InboundClass::Other:
        break;
    }
    if (!out.effect.isEmpty()) {
        QSqlQuery effect(m_db);
        effect.prepare(QStringLiteral("UPDATE inbound_messages SET effect = ? WHERE id = ?"));
        effect.addBindValue(out.effect);
        effect.addBindValue(out.rowId);
        if (!effect.exec())
            return storage::queryError(effect);
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return out;
}

Result<InboundApplier::Outcome> InboundApplier::record(const Message &message, const Error &why)
{
    InboundResult r;
    r.rule = why.code;
    r.diagnostic = why.message.left(InboundClassifier::kMaxDiagnosticChars);
    return apply(message, r);
}

Status InboundApplier::markDisposed(qint64 rowId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE inbound_messages SET disposed = 1 WHERE id = ?"));
    q.addBindValue(rowId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

} // namespace lux::mailbox
