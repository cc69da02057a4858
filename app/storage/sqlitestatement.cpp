// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace lux::storage {

sqlite3 *nativeHandle(QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

SqliteStatement::SqliteStatement(QSqlDatabase &db, const char *sql) : m_db(nativeHandle(db))
{
    if (!m_db || sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        m_ok = false;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

QString SqliteStatement::errorText() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite handle");
}

void SqliteStatement::bindText(int index, const QString &value)
{
    if (value.isEmpty())
        sqlite3_bind_null(m_stmt, index);
    else
        bindTextAlways(index, value);
}

void SqliteStatement::bindTextAlways(int index, const QString &value)
{
    // The database stores UTF-8: convert once here (Qt's converter is vectorised) and keep the bytes
    // alive until reset(), so SQLite neither transcodes nor copies.
    if (m_utf8.size() < index)
        m_utf8.resize(index);
    QByteArray &bytes = m_utf8[index - 1];
    bytes = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

void SqliteStatement::bindInt(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    m_ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    return rc == SQLITE_ROW;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 SqliteStatement::columnInt(int index) const
{
    return sqlite3_column_int64(m_stmt, index);
}

QString SqliteStatement::columnText(int index) const
{
    const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, index));
    return text ? QString::fromUtf16(text, sqlite3_column_bytes16(m_stmt, index) / 2) : QString();
}

qint64 SqliteStatement::changes() const
{
    return sqlite3_changes64(m_db);
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace lux::storage
