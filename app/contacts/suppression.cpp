// SPDX-License-Identifier: GPL-3.0-or-later
#include "suppression.h"

#include "addressing.h"
#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "csvreader.h"
#include "mailbox/inboundmessages.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "users/auditlog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace lux::contacts {

QString SuppressionList::channelName(Channel channel)
{
    return channel == Channel::Sms ? QStringLiteral("sms") : QStringLiteral("email");
}

std::optional<SuppressionList::Channel> SuppressionList::channelFromName(const QString &name)
{
    if (name.compare(QLatin1String("email"), Qt::CaseInsensitive) == 0)
        return Channel::Email;
    if (name.compare(QLatin1String("sms"), Qt::CaseInsensitive) == 0)
        return Channel::Sms;
    return std::nullopt;
}

QString SuppressionList::hashOf(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<QString> SuppressionList::keyOf(Channel channel, const QString &address, const QString &defaultCountry) const
{
    if (channel == Channel::Email) {
        const auto email = Addressing::parseEmail(address);
        if (!email)
            return email.error();
        return email->key;
    }
    return Addressing::toE164(address, defaultCountry);
}

Result<bool> SuppressionList::insert(Channel channel, const QString &key, const QString &reason, std::optional<qint64> byUser)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO suppression (channel, address_key, address_hash, reason, at, by_user) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, address_hash) DO NOTHING"));
    q.addBindValue(channelName(channel));
    q.addBindValue(key);
    q.addBindValue(hashOf(key));
    q.addBindValue(reason.isEmpty() ? QStringLiteral("manual") : reason);
    q.addBindValue(m_clock());
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec())
        return storage::queryError(q);
    const bool added = q.numRowsAffected() == 1;
    if (channel == Channel::Email) {
        QSqlQuery status(m_db);
        status.prepare(QStringLiteral("UPDATE contacts SET status = 'unsubscribed', updated_at = ? "
                                      "WHERE email_key = ? AND status = 'subscribed'"));
        status.addBindValue(m_clock());
        status.addBindValue(key);
        if (!status.exec())
            return storage::queryError(status);
    }
    return added;
}

Result<bool> SuppressionList::add(Channel channel, const QString &address, const QString &reason,
                                  std::optional<qint64> byUser, const QString &defaultCountry)
{
    const auto key = keyOf(channel, address, defaultCountry);
    if (!key)
        return key.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto added = insert(channel, *key, reason, byUser);
    if (!added)
        return added.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return added;
}

bool SuppressionList::contains(Channel channel, const QString &address) const
{
    const auto key = keyOf(channel, address, QStringLiteral("US"));
    if (!key)
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM suppression WHERE channel = ? AND address_hash = ?"));
    q.addBindValue(channelName(channel));
    q.addBindValue(hashOf(*key));
    return q.exec() && q.next();
}

Result<SuppressionList::ImportResult> SuppressionList::importFile(Channel channel, const QString &csvPath,
                                                                  const QString &reason, std::optional<qint64> byUser,
                                                                  const QString &defaultCountry)
{
    // Only a regular file within the CSV limits; the reader bounds each row (csvreader.h).
    CsvReader::Options csv;
    auto opened = InputFile::open(csvPath, csv.maxBytes);
    if (!opened) {
        Error e = opened.error();
        if (e.code == errc::fileOpen)
            e.code = errc::importOpen; // the code scripts have seen for a file that is not there
        return e;
    }
    csv.name = QFileInfo(csvPath).fileName();
    CsvReader reader(opened->get(), csv);
    if (Status s = reader.start(); !s)
        return s.error();
    // Validate everything first: a bad file changes nothing.
    QStringList keys;
    ImportResult result;
    CsvReader::Record record;
    int column = 0;
    bool first = true;
    while (reader.next(record)) {
        if (first) {
            first = false;
            const QString wanted = channel == Channel::Email ? QStringLiteral("email") : QStringLiteral("phone");
            bool header = false;
            for (qsizetype i = 0; i < record.fields.size(); ++i) {
                const QString h = record.fields.at(i).trimmed().toLower();
                if (h.contains(wanted) || h == QLatin1String("e-mail") || h == QLatin1String("address")) {
                    column = int(i);
                    header = true;
                    break;
                }
            }
            if (header)
                continue;
        }
        const QString value = column < record.fields.size() ? record.fields.at(column) : QString();
        const auto key = keyOf(channel, value, defaultCountry);
        if (!key) {
            if (result.invalid.size() < 100)
                result.invalid << tr("line %1: %2").arg(record.line).arg(key.error().message);
            continue;
        }
        keys << *key;
    }
    if (reader.error())
        return *reader.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    for (const QString &key : std::as_const(keys)) {
        const auto added = insert(channel, key, reason, byUser);
        if (!added)
            return added.error();
        (*added ? result.added : result.already) += 1;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

QList<SuppressionList::Entry> SuppressionList::entries(Channel channel, int limit) const
{
    QList<Entry> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, coalesce(address_key, ''), reason, at FROM suppression WHERE channel = ? "
                             "ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(channelName(channel));
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return result;
}

namespace {

// A LIKE pattern that matches the typed text literally anywhere in the address.
} // namespace

Result<QList<SuppressionList::Entry>> SuppressionList::page(Channel channel, const QString &search, int limit, qint64 beforeId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, coalesce(address_key, ''), reason, at FROM suppression WHERE channel = ? AND id < ? ")
              + (search.trimmed().isEmpty() ? QString() : QStringLiteral("AND address_key LIKE ? ESCAPE '\\' "))
              + QStringLiteral("ORDER BY id DESC LIMIT ?"));
    q.addBindValue(channelName(channel));
    q.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    if (!search.trimmed().isEmpty())
        q.addBindValue(storage::likeContaining(search.trimmed().toLower()));
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q);
    QList<Entry> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return result;
}

qint64 SuppressionList::count(Channel channel, const QString &search) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM suppression WHERE channel = ?")
              + (search.trimmed().isEmpty() ? QString() : QStringLiteral(" AND address_key LIKE ? ESCAPE '\\'")));
    q.addBindValue(channelName(channel));
    if (!search.trimmed().isEmpty())
        q.addBindValue(storage::likeContaining(search.trimmed().toLower()));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

Status SuppressionList::remove(Channel channel, const QString &address, std::optional<qint64> byUser)
{
    const auto key = keyOf(channel, address, QStringLiteral("US"));
    if (!key)
        return key.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM suppression WHERE channel = ? AND address_hash = ? AND address_key IS NOT NULL RETURNING id"));
    q.addBindValue(channelName(channel));
    q.addBindValue(hashOf(*key));
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::suppressionNotFound, tr("%1 is not on the suppression list.").arg(address.trimmed()));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("suppression.removed"), QStringLiteral("suppression"), id,
                                         channelName(channel), m_clock());
        !s)
        return s;
    return tx.commit();
}

Status ContactEraser::forget(QSqlDatabase db, const QString &emailText, std::optional<qint64> byUser)
{
    const auto email = Addressing::parseEmail(emailText);
    if (!email)
        return email.error();
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM contacts WHERE email_key = ?"));
    find.addBindValue(email->key);
    if (!find.exec())
        return storage::queryError(find);
    if (!find.next())
        return Error(errc::contactNotFound, tr("There is no contact with the email %1.").arg(email->display));
    const qint64 id = find.value(0).toLongLong();
    find.finish();

    storage::Transaction tx(db);
    if (!tx.isOpen())
        return tx.beginError();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString hash = SuppressionList::hashOf(email->key);
    QSqlQuery q(db);
    // On the suppression list as a hash only, whatever was there before.
    q.prepare(QStringLiteral("INSERT INTO suppression (channel, address_key, address_hash, reason, at, by_user) "
                             "VALUES ('email', NULL, ?, 'erased', ?, ?) ON CONFLICT (channel, address_hash) "
                             "DO UPDATE SET address_key = NULL"));
    q.addBindValue(hash);
    q.addBindValue(now);
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec())
        return storage::queryError(q);
    // Consent history stays, without the IP address; the contact link goes with the contact.
    q.prepare(QStringLiteral("UPDATE consent_events SET ip = NULL WHERE contact_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    // What they wrote to the sender mailboxes, and their address there.
    if (Status s = mailbox::InboundMessages::forgetContact(db, id, email->key); !s)
        return s;
    q.prepare(QStringLiteral("DELETE FROM contacts WHERE id = ?")); // tags cascade; the search index follows
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = AuditLog(db).record(byUser, QStringLiteral("contact.forgotten"), QStringLiteral("contact"), id, {}, now); !s)
        return s;
    return tx.commit();
}

} // namespace lux::contacts
