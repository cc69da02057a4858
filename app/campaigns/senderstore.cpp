// SPDX-License-Identifier: GPL-3.0-or-later
#include "senderstore.h"
#include "common/errorcodes.h"

#include "contacts/addressing.h"
#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::campaigns {

namespace {

constexpr auto kColumns = "id, channel, address, kind, per_second, per_minute, per_day, concurrency";

SenderMailbox fromQuery(const QSqlQuery &q)
{
    SenderMailbox s;
    s.id = q.value(0).toLongLong();
    s.channel = q.value(1).toString();
    s.address = q.value(2).toString();
    s.kind = q.value(3).toString();
    s.limits.perSecond = q.value(4).toInt();
    s.limits.perMinute = q.value(5).toInt();
    s.limits.perDay = q.value(6).toInt();
    s.limits.concurrency = q.value(7).toInt();
    return s;
}

bool isService(const QString &address)
{
    static const QRegularExpression sid(QStringLiteral("^MG[0-9a-fA-F]{32}$"));
    return sid.match(address).hasMatch();
}

} // namespace

QString SenderStore::smsKind(const QString &address)
{
    if (isService(address))
        return QStringLiteral("service");
    if (!address.startsWith(u'+') && address.size() >= 5 && address.size() <= 6)
        return QStringLiteral("short-code");
    // NANP toll-free area codes: 800, 833, 844, 855, 866, 877, 888.
    static const QRegularExpression tollFree(QStringLiteral("^\\+18(00|33|44|55|66|77|88)\\d{7}$"));
    if (tollFree.match(address).hasMatch())
        return QStringLiteral("toll-free");
    return QStringLiteral("long-code");
}

int SenderStore::smsPerSecond(const QString &kind)
{
    if (kind == QLatin1String("short-code"))
        return 100;
    if (kind == QLatin1String("toll-free"))
        return 3;
    if (kind == QLatin1String("service"))
        return 10;
    return 1;
}

Result<QString> SenderStore::normalise(const QString &address) const
{
    const QString trimmed = address.trimmed();
    if (m_channel == QLatin1String("email")) {
        const auto parsed = contacts::Addressing::parseEmail(trimmed);
        if (!parsed)
            return Error(errc::senderEmail, tr("“%1” is not a mailbox address: %2").arg(address, parsed.error().message));
        return parsed->display.toLower();
    }
    if (isService(trimmed))
        return trimmed;
    static const QRegularExpression shortCode(QStringLiteral("^\\d{5,6}$"));
    if (shortCode.match(trimmed).hasMatch())
        return trimmed;
    const auto number = contacts::Addressing::toE164(trimmed, QString());
    if (!number)
        return Error(errc::senderNumber,
                     tr("“%1” is not a sending number (+ and the country code), a short code or a Messaging Service SID (MG…): %2")
                         .arg(address, number.error().message));
    return *number;
}

Result<SenderMailbox> SenderStore::save(const QString &address, const SenderPacer::Limits &given, const QString &givenKind)
{
    const auto normalised = normalise(address);
    if (!normalised)
        return normalised.error();
    SenderPacer::Limits limits = given;
    QString kind;
    if (m_channel == QLatin1String("email")) {
        if (limits.concurrency < 1 || limits.concurrency > 4)
            return Error(errc::senderConcurrency,
                         tr("Microsoft Graph allows 1 to 4 requests at once per mailbox, not %1.").arg(limits.concurrency));
    } else {
        kind = givenKind.isEmpty() ? smsKind(*normalised) : givenKind;
        static const QStringList kinds{QStringLiteral("long-code"), QStringLiteral("toll-free"), QStringLiteral("short-code"),
                                       QStringLiteral("service")};
        if (!kinds.contains(kind))
            return Error(errc::senderLimits, tr("“%1” is not a kind of sending number (long-code, toll-free, short-code, service).").arg(kind));
        if (limits.perSecond <= 0)
            limits.perSecond = smsPerSecond(kind);
        if (limits.concurrency < 1 || limits.concurrency > 32)
            return Error(errc::senderConcurrency, tr("A sending number allows 1 to 32 requests at once, not %1.").arg(limits.concurrency));
        limits.perMinute = std::max(limits.perMinute, limits.perSecond * 60); // the per-second pace governs
    }
    if (limits.perMinute < 1 || limits.perDay < 1)
        return Error(errc::senderLimits, tr("A sender needs at least one message a minute and one recipient a day."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO senders (channel, address, kind, per_second, per_minute, per_day, concurrency, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (channel, lower(address)) DO UPDATE SET kind = excluded.kind, per_second = excluded.per_second, "
                             "per_minute = excluded.per_minute, per_day = excluded.per_day, concurrency = excluded.concurrency"));
    for (const QVariant &v : QVariantList{m_channel, *normalised, storage::notNull(kind), limits.perSecond, limits.perMinute, limits.perDay,
                                          limits.concurrency, QDateTime::currentMSecsSinceEpoch()})
        q.addBindValue(v);
    if (!q.exec())
        return Error(errc::dbWrite, q.lastError().text());
    return find(*normalised);
}

Result<SenderMailbox> SenderStore::find(const QString &address) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM senders WHERE channel = ? AND lower(address) = lower(?)").arg(QLatin1String(kColumns)));
    q.addBindValue(m_channel);
    q.addBindValue(address.trimmed());
    if (!q.exec())
        return Error(errc::dbRead, q.lastError().text());
    if (!q.next()) {
        if (m_channel == QLatin1String("email"))
            return Error(errc::senderNotFound, tr("%1 is not a sender mailbox yet (luxctl sender add).").arg(address.trimmed()));
        return Error(errc::senderNotFound, tr("%1 is not a sending number yet (luxctl sms sender add).").arg(address.trimmed()));
    }
    return fromQuery(q);
}

QList<SenderMailbox> SenderStore::list() const
{
    QList<SenderMailbox> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM senders WHERE channel = ? ORDER BY lower(address)").arg(QLatin1String(kColumns)));
    q.addBindValue(m_channel);
    if (q.exec())
        while (q.next())
            out << fromQuery(q);
    return out;
}

Status SenderStore::remove(const QString &address)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM senders WHERE channel = ? AND lower(address) = lower(?)"));
    q.addBindValue(m_channel);
    q.addBindValue(address.trimmed());
    if (!q.exec())
        return Error(errc::dbWrite, q.lastError().text());
    if (q.numRowsAffected() == 0)
        return Error(errc::senderNotFound, tr("%1 is not a sender.").arg(address.trimmed()));
    return {};
}

} // namespace lux::campaigns
