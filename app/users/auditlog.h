// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace lux {

// Who did what, when. Entries are written in the same transaction as the change they describe.
struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0; // ms since epoch, UTC
    std::optional<qint64> userId;
    QString userName; // filled by entries()
    QString action;   // stable code, e.g. "user.created"
    QString entity;
    std::optional<qint64> entityId;
    QString details;
};

class AuditLog
{
public:
    explicit AuditLog(QSqlDatabase db) : m_db(std::move(db)) {}

    Status record(std::optional<qint64> userId, const QString &action, const QString &entity = {},
                  std::optional<qint64> entityId = std::nullopt, const QString &details = {}, qint64 at = 0);
    QList<AuditEntry> entries(int limit = 500, int offset = 0) const; // newest first
    int count() const;

    // A translated, readable name for an action code.
    static QString describe(const QString &action);

private:
    QSqlDatabase m_db;
};

} // namespace lux
