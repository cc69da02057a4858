// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/pacer.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::campaigns {

// One sender of one channel: a mailbox (email), a number or a Messaging Service (sms).
struct SenderMailbox
{
    qint64 id = 0;
    QString channel = QStringLiteral("email");
    QString address; // the mailbox, the E.164 number or the Messaging Service SID
    QString kind;    // sms: "long-code", "toll-free", "short-code" or "service"; email: ""
    SenderPacer::Limits limits;
};

// The senders campaigns go out from, each with its pace, per channel: mailboxes with Exchange
// Online's limits by default, numbers with their class's messages a second (long code 1, toll-free
// 3, short code 100, a Messaging Service what its pool allows).
class SenderStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::SenderStore)
public:
    explicit SenderStore(QSqlDatabase db, QString channel = QStringLiteral("email")) : m_db(std::move(db)), m_channel(std::move(channel)) {}
    // Adds the sender, or updates its limits if it is there already. SMS: `kind` decides the
    // default pace when limits.perSecond is 0; "" guesses it from the address.
    Result<SenderMailbox> save(const QString &address, const SenderPacer::Limits &limits, const QString &kind = {});
    Result<SenderMailbox> find(const QString &address) const;
    QList<SenderMailbox> list() const;
    Status remove(const QString &address);

    // An SMS sender's class from its address: MG… a Messaging Service, 5–6 digits a short code,
    // +1 8XX a toll-free number, anything else a long code.
    static QString smsKind(const QString &address);
    // Messages a second Twilio allows by default for the class (provider-contracts.md §2).
    static int smsPerSecond(const QString &kind);

private:
    Result<QString> normalise(const QString &address) const;

    QSqlDatabase m_db;
    QString m_channel;
};

} // namespace lux::campaigns
