// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::contacts {

// The global do-not-contact list, per channel. Each entry keeps the SHA-256 of the address's key
// forever; the readable address only until its contact is erased. Campaigns check it at dispatch.
class SuppressionList
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::SuppressionList)
public:
    enum class Channel { Email, Sms };

    struct Entry
    {
        qint64 id = 0;
        QString address; // empty once erased
        QString reason;
        qint64 at = 0;
    };

    explicit SuppressionList(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    static QString channelName(Channel channel);
    static std::optional<Channel> channelFromName(const QString &name);
    // The one-way hash kept for an address: SHA-256 of its key (email key, or E.164 number), hex.
    static QString hashOf(const QString &key);

    // Adds the address (validated: email syntax, or a phone number turned to E.164). An email
    // contact with that address becomes unsubscribed. Adding twice is not an error.
    Result<bool> add(Channel channel, const QString &address, const QString &reason, std::optional<qint64> byUser,
                     const QString &defaultCountry = QStringLiteral("US"));
    bool contains(Channel channel, const QString &address) const;
    // Adds an already normalised key (an outbox row's email_key, say) inside the caller's
    // transaction; the contact with that address becomes unsubscribed. True if it was new.
    Result<bool> addKey(Channel channel, const QString &key, const QString &reason) { return insert(channel, key, reason, std::nullopt); }
    // One address per row from the first column (or the column named email/phone); returns how many
    // were new. Invalid rows are reported, nothing is written unless the whole file reads.
    struct ImportResult
    {
        qint64 added = 0;
        qint64 already = 0;
        QStringList invalid; // "line N: reason", at most 100
    };
    Result<ImportResult> importFile(Channel channel, const QString &csvPath, const QString &reason,
                                    std::optional<qint64> byUser, const QString &defaultCountry = QStringLiteral("US"));
    QList<Entry> entries(Channel channel, int limit = 1000) const;
    // Newest first, a page at a time (keyset on the id); search matches part of the address.
    Result<QList<Entry>> page(Channel channel, const QString &search, int limit, qint64 beforeId = 0) const;
    qint64 count(Channel channel, const QString &search = {}) const;
    // Takes an address added by mistake off the list (audited). Its contact stays unsubscribed; an
    // erased contact's hash cannot be removed, since nobody can say whose it is.
    Status remove(Channel channel, const QString &address, std::optional<qint64> byUser);

private:
    Result<QString> keyOf(Channel channel, const QString &address, const QString &defaultCountry) const;
    Result<bool> insert(Channel channel, const QString &key, const QString &reason, std::optional<qint64> byUser);

    QSqlDatabase m_db;
    Clock m_clock;
};

// "Forget this contact" (GDPR Art. 17): personal data is erased, the address stays on the email
// suppression list as a hash only (so it is never mailed again), and the consent history stays without
// the contact link or IP address.
class ContactEraser
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::ContactEraser)
public:
    static Status forget(QSqlDatabase db, const QString &email, std::optional<qint64> byUser);
};

} // namespace lux::contacts
