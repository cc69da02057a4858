// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxreader.h"

#include "contacts/contactrepository.h"
#include "contacts/csvreader.h"
#include "common/errorcodes.h"
#include "common/savefile.h"
#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace lux::analytics {

Result<QList<ActivityEntry>> OutboxReader::contactActivity(qint64 contactId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT at, kind, name, url, machine, reason FROM ("
        " SELECT o.updated_at AS at, 'sent' AS kind, c.name AS name, '' AS url, 0 AS machine, '' AS reason"
        " FROM outbox o JOIN campaigns c ON c.id = o.campaign_id WHERE o.contact_id = ? AND o.state = 'sent' AND o.channel = 'email'"
        " UNION ALL"
        " SELECT e.at, e.kind, c.name, coalesce(l.url, ''), e.machine, e.reason"
        " FROM tracking_events e JOIN campaigns c ON c.id = e.campaign_id"
        " LEFT JOIN campaign_links l ON l.campaign_id = e.campaign_id AND l.link_id = e.link_id WHERE e.contact_id = ? AND c.channel = 'email'"
        ") ORDER BY at DESC LIMIT ?"));
    q.addBindValue(contactId);
    q.addBindValue(contactId);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<ActivityEntry> entries;
    while (q.next())
        entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toInt() != 0, q.value(5).toString()});
    return entries;
}

Result<QList<TextEntry>> OutboxReader::contactTexts(qint64 contactId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT CASE WHEN o.attempted_at > 0 THEN o.attempted_at ELSE o.updated_at END, c.name, o.address, o.state,"
                             " o.delivery, CASE WHEN o.delivery_code <> '' THEN o.delivery_code ELSE o.error_code END, o.due_at "
                             "FROM outbox o JOIN campaigns c ON c.id = o.campaign_id WHERE o.contact_id = ? AND o.channel = 'sms' "
                             "ORDER BY 1 DESC, o.id DESC LIMIT ?"));
    q.addBindValue(contactId);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<TextEntry> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                    q.value(5).toString(), q.value(6).toLongLong()});
    return out;
}

Result<QList<SmsReply>> OutboxReader::contactSmsReplies(qint64 contactId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT received_at, from_number, body, keyword FROM sms_inbound WHERE contact_id = ? "
                             "ORDER BY received_at DESC, id DESC LIMIT ?"));
    q.addBindValue(contactId);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<SmsReply> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return out;
}

Result<qint64> OutboxReader::exportCsv(qint64 campaignId, const QString &path, const storage::ProgressFn &progress,
                                       const std::atomic_bool *cancel) const
{
    QSqlQuery total(m_db);
    total.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ?"));
    total.addBindValue(campaignId);
    const qint64 count = total.exec() && total.next() ? total.value(0).toLongLong() : 0;
    qint64 done = 0;
    const Status written = saveToFile(path, [&](QIODevice &file) -> Status {
        // The column keeps its name "email" for the scripts that read these files.
        file.write("email,state,attempts,sent_from,reason_code,reason,message_id,updated_at\r\n");
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT address, state, attempts, sender, error_code, error, message_id, updated_at FROM outbox "
                                 "WHERE campaign_id = ? ORDER BY id"));
        q.addBindValue(campaignId);
        if (!q.exec())
            return storage::queryError(q, errc::dbQuery);
        while (q.next()) {
            if (cancel && cancel->load())
                return Error(errc::cancelled, tr("Export cancelled; nothing was written."));
            QStringList fields;
            for (int i = 0; i < 7; ++i)
                fields << contacts::CsvReader::neutralise(q.value(i).toString());
            fields << QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), QTimeZone::utc()).toString(Qt::ISODate);
            file.write((contacts::CsvReader::formatRecord(fields) + QStringLiteral("\r\n")).toUtf8());
            if (++done % 1000 == 0 && progress)
                progress(done, count);
        }
        return {};
    });
    if (!written)
        return written.error();
    return done;
}

} // namespace lux::analytics
