// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "mailbox/inboundclassifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace lux::tracking {
class TokenCodec;
}

namespace lux::mailbox {

// What one classified message read from a sender mailbox changes in the database, in one
// transaction with its record in inbound_messages, so a message is applied once whatever stops the
// reader (the record is keyed by mailbox and Graph id):
//  - which of our messages it is about: our Message-ID in it, else the last message sent from this
//    mailbox to the failed recipient (bounces) or to the sender (replies) before it arrived;
//  - a hard bounce marks the contact bounced and suppresses the address for email;
//  - a soft bounce is counted; when the last three messages sent to the address each came back soft
//    and the first and third lie at least seven days apart, it counts as hard;
//  - an unsubscribe mail (a verified token, else the sender's own address) suppresses the address
//    and records the withdrawal of consent, once;
//  - a reply lands on the contact with the campaign it answers; automatic replies change nothing.
class InboundApplier
{
    Q_DECLARE_TR_FUNCTIONS(lux::mailbox::InboundApplier)
public:
    static constexpr int kSoftInARow = 3;
    static constexpr qint64 kSoftSpanMs = 7LL * 24 * 3600 * 1000;

    struct Message
    {
        QString mailbox; // the sender mailbox it was read from
        QString graphId;
        QDateTime received;
    };
    struct Outcome
    {
        bool applied = false; // false: this message was applied before (nothing done now)
        InboundClass kind = InboundClass::Other;
        QString effect; // "bounced", "counted", "unsubscribed", "" (nothing changed)
        qint64 campaignId = 0;
        qint64 contactId = 0;
        qint64 rowId = 0; // inbound_messages.id
    };

    // `tokens` verifies unsubscribe tokens (none set: tokens are not trusted, the sender's address is).
    InboundApplier(QSqlDatabase db, const tracking::TokenCodec *tokens, Clock clock = systemClock());

    // A message read before, and whether anything is left to do with it in the mailbox.
    struct Known
    {
        qint64 rowId = 0;
        bool disposed = false;
    };
    std::optional<Known> find(const QString &mailbox, const QString &graphId) const;
    Result<Outcome> apply(const Message &message, const InboundResult &result);
    // A message that could not be read or classified (too large, unreadable): recorded as "other"
    // with the reason, so it is not fetched again, and left in the Inbox for a person.
    Result<Outcome> record(const Message &message, const Error &why);
    // Nothing is left to do with it in the mailbox: marked read or moved as the settings say, or left
    // there for a person (one that could not be read).
    Status markDisposed(qint64 rowId);

private:
    struct Sent
    {
        qint64 outboxId = 0;
        qint64 campaignId = 0;
        qint64 contactId = 0;
        QString addressKey;
    };
    std::optional<Sent> byMessageId(const QString &messageId) const;
    std::optional<Sent> lastSentTo(const QString &addressKey, const QString &mailbox, qint64 before) const;
    Result<bool> softInARow(const QString &addressKey) const;
    Status bounce(const Sent &sent, const QString &reason);
    Result<bool> unsubscribe(const QString &addressKey, qint64 contactId, const QString &evidence, qint64 at);
    static QString keyOf(const QString &address);
    qint64 contactFor(const QString &addressKey) const;

    QSqlDatabase m_db;
    const tracking::TokenCodec *m_tokens;
    Clock m_clock;
};

} // namespace lux::mailbox
