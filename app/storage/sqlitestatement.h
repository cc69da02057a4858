// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace lux::storage {

// The SQLite seam for hot loops (bulk import): a prepared statement on the Qt driver's own handle,
// without QSqlQuery's per-bind bookkeeping. Same SQLite, same transaction as the QSqlDatabase.
class SqliteStatement
{
    Q_DISABLE_COPY_MOVE(SqliteStatement)
public:
    SqliteStatement(QSqlDatabase &db, const char *sql);
    ~SqliteStatement();

    bool isValid() const { return m_stmt != nullptr; }
    QString errorText() const;

    void bindText(int index, const QString &value); // 1-based; an empty string binds NULL
    void bindTextAlways(int index, const QString &value); // an empty string stays ''
    void bindInt(int index, qint64 value);
    void bindNull(int index);

    // Steps once: true with a row, false when done or on error (see ok()).
    bool step();
    bool ok() const { return m_ok; }
    void reset(); // clears bindings too

    qint64 columnInt(int index) const;
    QString columnText(int index) const;

    qint64 changes() const;
    qint64 lastInsertRowId() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
    QList<QByteArray> m_utf8; // bound text lives here until reset(): SQLite then needs no copy
};

sqlite3 *nativeHandle(QSqlDatabase &db);

} // namespace lux::storage
