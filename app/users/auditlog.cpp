// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace lux {

namespace {
class AuditTr
{
    Q_DECLARE_TR_FUNCTIONS(lux::AuditLog)
};
} // namespace

Status AuditLog::record(std::optional<qint64> userId, const QString &action, const QString &entity,
                        std::optional<qint64> entityId, const QString &details, qint64 at)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, user_id, action, entity, entity_id, details) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(at > 0 ? at : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(storage::userValue(userId));
    q.addBindValue(action);
    q.addBindValue(entity.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entity));
    q.addBindValue(entityId ? QVariant(*entityId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(details.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(details));
    if (!q.exec())
        return storage::queryError(q, errc::auditWrite);
    return {};
}

QList<AuditEntry> AuditLog::entries(int limit, int offset) const
{
    QList<AuditEntry> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, a.at, a.user_id, u.name, a.action, a.entity, a.entity_id, a.details "
                             "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
                             "ORDER BY a.id DESC LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return result;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toLongLong();
        if (!q.value(2).isNull())
            e.userId = q.value(2).toLongLong();
        e.userName = q.value(3).toString();
        e.action = q.value(4).toString();
        e.entity = q.value(5).toString();
        if (!q.value(6).isNull())
            e.entityId = q.value(6).toLongLong();
        e.details = q.value(7).toString();
        result << e;
    }
    return result;
}

int AuditLog::count() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && q.next())
        return q.value(0).toInt();
    return 0;
}

QString AuditLog::describe(const QString &action)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("user.created"), QT_TRANSLATE_NOOP("lux::AuditLog", "User created")},
        {QStringLiteral("user.disabled"), QT_TRANSLATE_NOOP("lux::AuditLog", "User disabled")},
        {QStringLiteral("user.enabled"), QT_TRANSLATE_NOOP("lux::AuditLog", "User enabled")},
        {QStringLiteral("user.password_reset"), QT_TRANSLATE_NOOP("lux::AuditLog", "Password reset")},
        {QStringLiteral("user.signed_in"), QT_TRANSLATE_NOOP("lux::AuditLog", "Signed in")},
        {QStringLiteral("user.sign_in_failed"), QT_TRANSLATE_NOOP("lux::AuditLog", "Sign-in failed")},
        {QStringLiteral("user.signed_out"), QT_TRANSLATE_NOOP("lux::AuditLog", "Signed out")},
        {QStringLiteral("database.created"), QT_TRANSLATE_NOOP("lux::AuditLog", "Database created")},
        {QStringLiteral("database.backup"), QT_TRANSLATE_NOOP("lux::AuditLog", "Backup made")},
        {QStringLiteral("database.restored"), QT_TRANSLATE_NOOP("lux::AuditLog", "Database restored")},
        {QStringLiteral("database.exported"), QT_TRANSLATE_NOOP("lux::AuditLog", "Database exported")},
        {QStringLiteral("database.integrity_check"), QT_TRANSLATE_NOOP("lux::AuditLog", "Integrity check")},
        {QStringLiteral("contact.forgotten"), QT_TRANSLATE_NOOP("lux::AuditLog", "Contact forgotten")},
        {QStringLiteral("template.created"), QT_TRANSLATE_NOOP("lux::AuditLog", "Template created")},
        {QStringLiteral("template.updated"), QT_TRANSLATE_NOOP("lux::AuditLog", "Template saved")},
        {QStringLiteral("template.deleted"), QT_TRANSLATE_NOOP("lux::AuditLog", "Template deleted")},
        {QStringLiteral("suppression.removed"), QT_TRANSLATE_NOOP("lux::AuditLog", "Removed from the suppression list")},
        {QStringLiteral("contact.updated"), QT_TRANSLATE_NOOP("lux::AuditLog", "Contact edited")},
        {QStringLiteral("contacts.tagged"), QT_TRANSLATE_NOOP("lux::AuditLog", "Tag added to contacts")},
        {QStringLiteral("contacts.untagged"), QT_TRANSLATE_NOOP("lux::AuditLog", "Tag removed from contacts")},
        {QStringLiteral("contacts.unsubscribed"), QT_TRANSLATE_NOOP("lux::AuditLog", "Contacts unsubscribed")},
        {QStringLiteral("contacts.resubscribed"), QT_TRANSLATE_NOOP("lux::AuditLog", "Unsubscribe undone")},
        {QStringLiteral("contacts.deleted"), QT_TRANSLATE_NOOP("lux::AuditLog", "Contacts deleted")},
        {QStringLiteral("contacts.restored"), QT_TRANSLATE_NOOP("lux::AuditLog", "Deleted contacts restored")},
    };
    const auto it = names.constFind(action);
    return it == names.constEnd() ? action : AuditTr::tr(it.value());
}

} // namespace lux
