// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldcatalog.h"

#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace lux::contacts {

Result<QStringList> FieldCatalog::tags() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT name FROM tags ORDER BY lower(name)")) || !q.exec())
        return storage::queryError(q, QStringLiteral("db.read"));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

Result<QList<CustomField>> FieldCatalog::customFields() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT name, label, type, choices FROM custom_fields ORDER BY id")) || !q.exec())
        return storage::queryError(q, QStringLiteral("db.read"));
    QList<CustomField> fields;
    while (q.next()) {
        CustomField f{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}};
        for (const QJsonValue &choice : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
            f.choices << choice.toString();
        fields.append(f);
    }
    return fields;
}

} // namespace lux::contacts
