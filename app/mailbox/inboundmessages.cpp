// SPDX-License-Identifier: GPL-3.0-or-later
#include "inboundmessages.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace lux::mailbox {

Result<QList<InboundMessages::Row>> InboundMessages::list(QSqlDatabase db, const Filter &filter)
{
    QString sql = QStringLiteral("SELECT i.id, i.mailbox, i.received_at, i.kind, i.rule, i.address, i.status, i.diagnostic,"
                                 " coalesce(i.campaign_id, 0), coalesce(c.name, ''), coalesce(i.contact_id, 0), i.subject, i.excerpt, i.effect"
                                 " FROM inbound_messages i LEFT JOIN campaigns c ON c.id = i.campaign_id WHERE 1 = 1");
    QVariantList binds;
    if (!filter.kind.isEmpty()) {
        sql += QStringLiteral(" AND i.kind = ?");
        binds << filter.kind;
    }
    if (filter.campaignId > 0) {
        sql += QStringLiteral(" AND i.campaign_id = ?");
        binds << filter.campaignId;
    }
    if (filter.contactId > 0) {
        sql += QStringLiteral(" AND i.contact_id = ?");
        binds << filter.contactId;
    }
    sql += QStringLiteral(" ORDER BY i.received_at DESC, i.id DESC LIMIT ?");
    binds << std::clamp(filter.limit, 1, 10000);
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Row> rows;
    while (q.next())
        rows << Row{q.value(0).toLongLong(), q.value(1).toString(),  q.value(2).toLongLong(), q.value(3).toString(),
                    q.value(4).toString(),   q.value(5).toString(),  q.value(6).toString(),   q.value(7).toString(),
                    q.value(8).toLongLong(), q.value(9).toString(),  q.value(10).toLongLong(), q.value(11).toString(),
                    q.value(12).toString(),  q.value(13).toString()};
    return rows;
}

Status InboundMessages::forgetContact(QSqlDatabase db, qint64 contactId, const QString &addressKey)
{
    // The record stays (so the message is not read again and the counts hold), without the person.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE inbound_messages SET address = '', subject = '', excerpt = '', diagnostic = '', contact_id = NULL "
                             "WHERE contact_id = ? OR address = ?"));
    q.addBindValue(contactId);
    q.addBindValue(addressKey);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

} // namespace lux::mailbox
