// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace lux::contacts {

// A custom field as the database defines it; `choices` holds the options of a "choice" field.
struct CustomField
{
    QString name;
    QString label;
    QString type; // text, number, date, bool or choice
    QStringList choices;
};

// The tags and custom fields a database defines: what the contact editor, the segment builder, the
// filters and the campaign wizard offer to pick from.
class FieldCatalog
{
public:
    explicit FieldCatalog(QSqlDatabase db) : m_db(std::move(db)) {}

    // Every tag name, ordered without regard to ASCII case.
    Result<QStringList> tags() const;
    // Every custom field in the order it was defined.
    Result<QList<CustomField>> customFields() const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::contacts
