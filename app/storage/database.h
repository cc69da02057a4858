// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sqlitefile.h"

#include <QCoreApplication>
#include <QHash>
#include <QLockFile>
#include <QSqlDatabase>
#include <QString>

#include <QFuture>

#include <atomic>
#include <memory>
#include <optional>

namespace lux {

// A LUX database file opened on the calling thread: SQLite in WAL mode with synchronous=FULL,
// foreign keys on and a busy timeout, migrated to the current schema, guarded by a single-writer
// lock file beside it. Heavy work (backups, integrity checks) runs elsewhere on its own connection
// through the functions in sqlitefile.h.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(lux::Database)
    Q_DISABLE_COPY_MOVE(Database)
public:
    enum class Access {
        ReadWrite,            // take the writer lock or fail
        ReadWriteOrReadOnly,  // take the writer lock, or open read-only when another process holds it
        ReadOnly,             // never write, never lock
    };

    struct Options
    {
        Access access = Access::ReadWrite;
        bool createIfMissing = true;
        QString backupDir; // empty: backups/ beside the database
    };

    // What happened while opening, for the caller to tell the user.
    struct OpenReport
    {
        bool created = false;
        int migratedFrom = -1; // -1: no migration ran
        QString preMigrationBackup;
        bool uncleanShutdown = false; // the previous writer did not close: run an integrity check
        bool readOnlyBecauseLocked = false;
        QString lockHolder; // "process 1234 on host (lux-marketing)"
        QString fileSystemType;
        bool onNetworkFileSystem = false;
        // Non-empty when it was opened read-only because the file cannot be changed: why, in words
        // ("its folder is read-only"); readOnlyNotice() says it to the user.
        QString readOnlyReason;
    };

    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path)
    {
        return open(path, Options{});
    }
    ~Database();

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    QString backupDir() const;
    bool isReadOnly() const { return m_readOnly; }
    const OpenReport &report() const { return m_report; }
    QString databaseId() const { return m_databaseId; }
    int schemaVersion() const;
    // Pages in use times the page size: what the data takes, including what still sits in the WAL.
    qint64 logicalSize() const;
    QString networkFileSystemWarning() const;
    // "… is read-only (…): LUX opened it for viewing; changes are disabled.", or empty.
    QString readOnlyNotice() const;

    QString meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);

    // Settings that belong to the database rather than the computer (saved import mappings, later
    // sender mailboxes, the tracker URL…).
    QString setting(const QString &key) const;
    QHash<QString, QString> settings() const; // every row, by key
    Status setSetting(const QString &key, const QString &value, std::optional<qint64> byUser);
    // The same write on another connection to the file (a worker's).
    static Status writeSetting(QSqlDatabase db, const QString &key, const QString &value, std::optional<qint64> byUser);

    // Replaces this database with a staged copy (made by storage::copyDatabase from a checked
    // candidate). The current file is kept as a backup; if the staged file does not open, the
    // current file is put back and stays in use.
    Result<QString> replaceWith(const QString &stagedPath);

    // Blocks until the typing of phone numbers stored before schema 13 (started by open() on a worker
    // thread, see database.cpp) has finished; returns at once when none runs. For tests and tools.
    void waitForPhoneTypes();

    // Path of a new file in the backup folder, named after the database, the time and a reason.
    QString newBackupPath(const QString &reason) const;

    static QString defaultPath();
    // --db PATH, else LUX_DB, else the default location.
    static QString resolvePath(const QString &fromCommandLine);

private:
    Database() = default;
    Status openConnection();
    Status prepare(bool existed, OpenReport &report);
    void closeConnection();
    void markClosed();
    void startPhoneTypeFill();

    QString m_path;
    QString m_connectionName;
    QString m_backupDir;
    QString m_databaseId;
    bool m_readOnly = false;
    std::unique_ptr<QLockFile> m_lock;
    OpenReport m_report;
    std::shared_ptr<std::atomic_bool> m_cancelBackground;
    QFuture<void> m_phoneTypeFill;
};

} // namespace lux
