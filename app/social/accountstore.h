// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "social/network.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace lux::social {

// A time in the queue: weekday 1–7 (Monday 1, ISO) and minute of the day, in the account's zone.
struct Slot
{
    int weekday = 1;
    int minute = 0;
    friend auto operator<=>(const Slot &, const Slot &) = default;

    // "Tue/Thu 10:00", "mon-fri 09:30, sat 11:00": day names or ranges (English, any case, three
    // letters or whole), then a 24-hour time; groups separated by commas or semicolons.
    static Result<QList<Slot>> parse(const QString &text);
    // The slots written back the way parse() reads them, grouped by time ("Tue/Thu 10:00").
    static QString format(const QList<Slot> &slots);
};

// A connected account (migration 21). The tokens are in the keychain under its uid.
struct Account
{
    qint64 id = 0;
    QString uid;
    Network network = Network::X;
    QString externalId;
    QString kind; // person, organization, page, business
    QString name;
    QString handle;
    std::optional<qint64> parentId; // an Instagram account's Facebook Page
    bool longPosts = false;         // X Premium: 25,000
    bool canReadPosts = true;       // false: a lost answer cannot be looked up (LinkedIn members)
    QString status = QStringLiteral("connected"); // connected, reconnect, removed
    std::optional<qint64> accessExpiresAt;
    std::optional<qint64> refreshExpiresAt;
    qint64 pausedUntil = 0;
    QString timeZone; // IANA; empty: the computer's
    QString errorCode;
    QString error;
    std::optional<qint64> campaignId; // its standing campaign, once it has one
    // When the sign-in ends and the account must be connected again: the refresh token's end when it
    // has one; X's refresh tokens have none (they last while used); else the access token's end.
    std::optional<qint64> signInEndsAt() const
    {
        if (refreshExpiresAt)
            return refreshExpiresAt;
        if (network == Network::X)
            return std::nullopt;
        return accessExpiresAt;
    }
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    QString displayName() const; // "Acme (@acme) on X"
};

class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::social::AccountStore)
public:
    explicit AccountStore(QSqlDatabase db, Clock clock = systemClock());

    // Adds an account, or updates the one with the same network and external id (connecting it
    // again): its name, handle, kind, parent, long posts and expiry, and makes it connected. Its
    // uid is made once and kept. Returns its id.
    Result<qint64> upsert(const Account &account);
    Result<QList<Account>> list(bool includeRemoved = false);
    Result<Account> find(qint64 id);

    Status setSlots(qint64 accountId, const QList<Slot> &slots);
    Result<QList<Slot>> slots(qint64 accountId);
    Status setTimeZone(qint64 accountId, const QString &ianaId);
    // Removed: nothing more is published to it (its waiting and failed posts are cancelled, and its
    // channel refuses anything brought back); what it published stays in the calendar.
    Status remove(qint64 accountId);

    // A sign-in that cannot be renewed (LinkedIn's year, a Meta user token) is announced this long
    // before it ends, so the account is connected again before a post fails.
    static constexpr qint64 kEndNoticeMs = 7 * 86'400'000LL;
    // Whether `a` is connected and its sign-in ends within kEndNoticeMs of `now`.
    static bool signInEndsSoon(const Account &a, qint64 now);
    // What says so, with the time it ends.
    static QString endNotice(const Account &a);
    // The connected accounts whose sign-in ends within kEndNoticeMs, soonest first.
    Result<QList<Account>> signInsEnding(qint64 now);

private:
    // UPDATE … SET `set` (placeholders bound from `values`) for one account; not-found when it is not there.
    Status update(qint64 accountId, const QString &set, const QVariantList &values);

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::social
