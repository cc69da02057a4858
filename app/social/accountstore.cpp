// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountstore.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#include <map>

namespace lux::social {

namespace {

constexpr auto kColumns = "SELECT a.id, a.uid, a.network, a.external_id, a.kind, a.name, a.handle, a.parent_id, a.long_posts, "
                          "a.can_read_posts, a.status, a.access_expires_at, a.refresh_expires_at, a.paused_until, a.time_zone, "
                          "a.error_code, a.error, a.created_at, a.updated_at, c.id "
                          "FROM social_accounts a LEFT JOIN campaigns c ON c.social_account_id = a.id ";

std::optional<qint64> optionalValue(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

Account fromQuery(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.uid = q.value(1).toString();
    a.network = Networks::fromName(q.value(2).toString()).value_or(Network::X);
    a.externalId = q.value(3).toString();
    a.kind = q.value(4).toString();
    a.name = q.value(5).toString();
    a.handle = q.value(6).toString();
    a.parentId = optionalValue(q.value(7));
    a.longPosts = q.value(8).toInt() != 0;
    a.canReadPosts = q.value(9).toInt() != 0;
    a.status = q.value(10).toString();
    a.accessExpiresAt = optionalValue(q.value(11));
    a.refreshExpiresAt = optionalValue(q.value(12));
    a.pausedUntil = q.value(13).toLongLong();
    a.timeZone = q.value(14).toString();
    a.errorCode = q.value(15).toString();
    a.error = q.value(16).toString();
    a.createdAt = q.value(17).toLongLong();
    a.updatedAt = q.value(18).toLongLong();
    a.campaignId = optionalValue(q.value(19));
    return a;
}

// Monday 1 … Sunday 7, by English name or its first three letters.
std::optional<int> weekdayOf(const QString &word)
{
    static const QStringList names{QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
                                   QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"),
                                   QStringLiteral("sunday")};
    const QString w = word.toLower();
    if (w.size() < 3)
        return std::nullopt;
    for (int i = 0; i < names.size(); ++i) {
        if (names[i].startsWith(w))
            return i + 1;
    }
    return std::nullopt;
}

} // namespace

Result<QList<Slot>> Slot::parse(const QString &text)
{
    QList<Slot> out;
    static const QRegularExpression group(QStringLiteral("^\\s*([A-Za-z/,\\-\\s]+?)\\s+(\\d{1,2}):(\\d{2})\\s*$"));
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[;\\n]|(?<=\\d)\\s*,")), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch m = group.match(part);
        const int hour = m.captured(2).toInt();
        const int minute = m.captured(3).toInt();
        if (!m.hasMatch() || hour > 23 || minute > 59)
            return Error(QString(errc::socialInput),
                         AccountStore::tr("“%1” is not a slot: write days and a time, as “Tue/Thu 10:00”.").arg(part.trimmed()));
        for (const QString &days : m.captured(1).split(QRegularExpression(QStringLiteral("[/,\\s]+")), Qt::SkipEmptyParts)) {
            const QStringList range = days.split(u'-');
            const std::optional<int> first = weekdayOf(range.first());
            const std::optional<int> last = range.size() == 2 ? weekdayOf(range.last()) : first;
            if (!first || !last || range.size() > 2)
                return Error(QString(errc::socialInput),
                             AccountStore::tr("“%1” in “%2” is not a day of the week.").arg(days, part.trimmed()));
            for (int d = *first;; d = d % 7 + 1) {
                out.append({d, hour * 60 + minute});
                if (d == *last)
                    break;
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QString Slot::format(const QList<Slot> &slots)
{
    static const QStringList days{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
                                  QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun")};
    std::map<int, QStringList> byMinute;
    for (const Slot &s : slots)
        byMinute[s.minute] << days[s.weekday - 1];
    QStringList groups;
    for (const auto &[minute, names] : byMinute)
        groups << QStringLiteral("%1 %2:%3").arg(names.join(u'/')).arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
    return groups.join(QStringLiteral(", "));
}

QString Account::displayName() const
{
    const QString who = handle.isEmpty() || handle == name ? name : QStringLiteral("%1 (%2)").arg(name, handle);
    return AccountStore::tr("%1 on %2").arg(who, Networks::displayName(network));
}

AccountStore::AccountStore(QSqlDatabase db, Clock clock) : m_db(std::move(db)), m_clock(std::move(clock)) {}

Result<qint64> AccountStore::upsert(const Account &account)
{
    if (account.externalId.isEmpty() || account.name.trimmed().isEmpty())
        return Error(QString(errc::socialInput), tr("An account needs its id on the network and a name."));
    if (!account.timeZone.isEmpty() && !QTimeZone(account.timeZone.toUtf8()).isValid())
        return Error(QString(errc::socialInput), tr("“%1” is not a time zone (write one like Europe/Madrid).").arg(account.timeZone));
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO social_accounts (uid, network, external_id, kind, name, handle, parent_id, long_posts, can_read_posts, "
        "status, access_expires_at, refresh_expires_at, refreshed_at, time_zone, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'connected', ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (network, external_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, handle = excluded.handle, "
        "parent_id = excluded.parent_id, long_posts = excluded.long_posts, can_read_posts = excluded.can_read_posts, "
        "status = 'connected', access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at, "
        "refreshed_at = excluded.refreshed_at, expiry_notice_at = NULL, error_code = '', error = '', updated_at = excluded.updated_at "
        "RETURNING id"));
    const QString uid = account.uid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : account.uid;
    for (const QVariant &v : QVariantList{uid, Networks::name(account.network), account.externalId, storage::notNull(account.kind),
                                          account.name.trimmed(), storage::notNull(account.handle), nullable(account.parentId),
                                          account.longPosts ? 1 : 0, account.canReadPosts ? 1 : 0,
                                          nullable(account.accessExpiresAt), nullable(account.refreshExpiresAt), now,
                                          storage::notNull(account.timeZone), now, now})
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    return q.value(0).toLongLong();
}

bool AccountStore::signInEndsSoon(const Account &a, qint64 now)
{
    const std::optional<qint64> end = a.signInEndsAt();
    return a.status == u"connected" && end && *end - now <= kEndNoticeMs;
}

QString AccountStore::endNotice(const Account &a)
{
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.signInEndsAt().value_or(0)), QLocale::ShortFormat);
    return tr("Connect %1 again before %2: its sign-in ends then and cannot be renewed (Social → Accounts → Connect Account…, or luxctl social connect --network %3).")
        .arg(a.displayName(), when, Networks::name(a.network));
}

Result<QList<Account>> AccountStore::signInsEnding(qint64 now)
{
    auto accounts = list();
    if (!accounts)
        return accounts.error();
    QList<Account> ending;
    for (const Account &a : std::as_const(*accounts))
        if (signInEndsSoon(a, now))
            ending << a;
    std::sort(ending.begin(), ending.end(), [](const Account &x, const Account &y) { return x.signInEndsAt() < y.signInEndsAt(); });
    return ending;
}

Result<QList<Account>> AccountStore::list(bool includeRemoved)
{
    QSqlQuery q(m_db);
    if (!q.exec(QString::fromLatin1(kColumns) + (includeRemoved ? QString() : QStringLiteral("WHERE a.status <> 'removed' "))
                + QStringLiteral("ORDER BY a.network, lower(a.name), a.id")))
        return storage::queryError(q, QString(errc::dbRead));
    QList<Account> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

Result<Account> AccountStore::find(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE a.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QString(errc::socialNotFound), tr("There is no social account %1.").arg(id));
    return fromQuery(q);
}

Status AccountStore::setSlots(qint64 accountId, const QList<Slot> &slots)
{
    if (auto account = find(accountId); !account)
        return account.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM social_slots WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO social_slots (account_id, weekday, minute) VALUES (?, ?, ?)"));
    for (const Slot &s : slots) {
        if (s.weekday < 1 || s.weekday > 7 || s.minute < 0 || s.minute >= 24 * 60)
            return Error(QString(errc::socialInput), tr("A slot is a weekday from 1 to 7 and a time of day."));
        q.addBindValue(accountId);
        q.addBindValue(s.weekday);
        q.addBindValue(s.minute);
        if (!q.exec())
            return storage::queryError(q);
    }
    return tx.commit();
}

Result<QList<Slot>> AccountStore::slots(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT weekday, minute FROM social_slots WHERE account_id = ? ORDER BY weekday, minute"));
    q.addBindValue(accountId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    QList<Slot> out;
    while (q.next())
        out.append({q.value(0).toInt(), q.value(1).toInt()});
    return out;
}

Status AccountStore::setTimeZone(qint64 accountId, const QString &ianaId)
{
    if (!ianaId.isEmpty() && !QTimeZone(ianaId.toUtf8()).isValid())
        return Error(QString(errc::socialInput), tr("“%1” is not a time zone (write one like Europe/Madrid).").arg(ianaId));
    // NOT NULL: the computer's zone is stored as '' (a null QString, as from a combo box's data, binds NULL).
    return update(accountId, QStringLiteral("time_zone = ?"), {storage::notNull(ianaId)});
}

Status AccountStore::remove(qint64 accountId)
{
    // Its posts still waiting go with it (they show as cancelled); what was published stays, and
    // its channel refuses a row that anything brings back.
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    if (Status s = update(accountId, QStringLiteral("status = 'removed'"), {}); !s)
        return s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE state IN ('pending', 'failed') "
                             "AND campaign_id IN (SELECT id FROM campaigns WHERE social_account_id = ?)"));
    q.addBindValue(accountId);
    if (!q.exec())
        return storage::queryError(q);
    return tx.commit();
}

Status AccountStore::update(qint64 accountId, const QString &set, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET ") + set + QStringLiteral(", updated_at = ? WHERE id = ?"));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(m_clock());
    q.addBindValue(accountId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(QString(errc::socialNotFound), tr("There is no social account %1.").arg(accountId));
    return {};
}

} // namespace lux::social
