// SPDX-License-Identifier: GPL-3.0-or-later
#include "senderstore.h"
#include "common/errorcodes.h"

#include "contacts/addressing.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::campaigns {

namespace {

SenderMailbox fromQuery(const QSqlQuery &q)
{
    SenderMailbox s;
    s.id = q.value(0).toLongLong();
    s.email = q.value(1).toString();
    s.limits.perMinute = q.value(2).toInt();
    s.limits.perDay = q.value(3).toInt();
    s.limits.concurrency = q.value(4).toInt();
    return s;
}

} // namespace

Result<SenderMailbox> SenderStore::save(const QString &email, const SenderPacer::Limits &limits)
{
    const auto address = contacts::Addressing::parseEmail(email);
    if (!address)
        return Error(errc::senderEmail, tr("“%1” is not a mailbox address: %2").arg(email, address.error().message));
    if (limits.concurrency < 1 || limits.concurrency > 4)
        return Error(errc::senderConcurrency, tr("Microsoft Graph allows 1 to 4 requests at once per mailbox, not %1.").arg(limits.concurrency));
    if (limits.perMinute < 1 || limits.perDay < 1)
        return Error(errc::senderLimits, tr("A sender needs at least one message a minute and one recipient a day."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO senders (email, per_minute, per_day, concurrency, created_at) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (lower(email)) DO UPDATE SET per_minute = excluded.per_minute, per_day = excluded.per_day, "
                             "concurrency = excluded.concurrency"));
    q.addBindValue(address->display.toLower());
    q.addBindValue(limits.perMinute);
    q.addBindValue(limits.perDay);
    q.addBindValue(limits.concurrency);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return Error(errc::dbWrite, q.lastError().text());
    return find(address->display);
}

Result<SenderMailbox> SenderStore::find(const QString &email) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, email, per_minute, per_day, concurrency FROM senders WHERE lower(email) = lower(?)"));
    q.addBindValue(email.trimmed());
    if (!q.exec())
        return Error(errc::dbRead, q.lastError().text());
    if (!q.next())
        return Error(errc::senderNotFound, tr("%1 is not a sender mailbox yet (luxctl sender add).").arg(email.trimmed()));
    return fromQuery(q);
}

QList<SenderMailbox> SenderStore::list() const
{
    QList<SenderMailbox> out;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT id, email, per_minute, per_day, concurrency FROM senders ORDER BY lower(email)")))
        while (q.next())
            out << fromQuery(q);
    return out;
}

} // namespace lux::campaigns
