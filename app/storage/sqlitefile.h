// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace lux::storage {

// "LUX!" — written to PRAGMA application_id so a LUX database is told apart from any other SQLite file.
inline constexpr int kApplicationId = 0x4C555821;

// Bytes done and bytes in total; called from the thread doing the work.
using ProgressFn = std::function<void(qint64 done, qint64 total)>;

// A connection that exists for the lifetime of the object, usable from whichever thread made it.
class ScopedConnection
{
    Q_DISABLE_COPY_MOVE(ScopedConnection)
public:
    enum class Mode { ReadOnly, ReadWrite };
    ScopedConnection(const QString &path, Mode mode);
    ~ScopedConnection();

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    QString errorText() const;

private:
    QString m_name;
    QSqlDatabase m_db;
};

// Points a QSQLITE connection at path. Read-only, when the file cannot be changed (readOnlyReason)
// and no WAL holds changes, it is opened as immutable: in a read-only folder SQLite could not create
// the shared-memory file a WAL database needs, and elsewhere it would leave one behind with the
// file's read-only mode, in the way of the next writer. No LUX writer can have it open meanwhile
// (Database::open refuses to write such a file). With changes in a WAL, it is an ordinary read-only
// open, which needs the -shm file to exist or be creatable.
void setDatabaseFile(QSqlDatabase &db, const QString &path, bool readOnly, int busyTimeoutMs);

// Why this user should not change the database at path, in words ("its folder is read-only"), or
// empty when it can. A file or folder without any write permission counts even for root, who could
// write it anyway: the owner said read-only.
QString readOnlyReason(const QString &path);

// The errno of a small trial write in folder (0 when it worked): tells a full disk from a
// permission problem after an operation failed without saying why (QLockFile, SQLite).
int probeWrite(const QString &folder);

// A failed write of `what` beside or into path, from its errno, as an error that names the cause:
// ENOSPC and EDQUOT as a full disk (io.disk-full), EROFS and EACCES as read-only (db.read-only).
Error writeFailure(int err, const QString &path, const QString &what);

// Recognises the 16-byte SQLite header without opening the file through SQLite.
enum class FileKind { Missing, Empty, Sqlite, NotSqlite, Unreadable };
FileKind classifyFile(const QString &path);

// File system type of the folder holding path ("ext4", "nfs4", "cifs", …) and whether SQLite's
// locking can be trusted there.
QString fileSystemTypeOf(const QString &path);
bool isNetworkFileSystem(const QString &fsType);

struct IntegrityReport
{
    bool ok = false;
    QStringList problems; // integrity_check and foreign_key_check findings, at most 100
};
Result<IntegrityReport> checkIntegrity(const QString &path);

struct FileFacts
{
    int schemaVersion = 0;
    int applicationId = 0;
    qint64 sizeBytes = 0;
    int tableCount = 0;
};
Result<FileFacts> inspect(const QString &path);

// Copies a live database page by page with SQLite's online backup API on the Qt driver's own handle,
// into dest + ".partial", then renames it over dest. Readers and the writer carry on meanwhile.
// Cancel leaves no file behind.
Status copyDatabase(const QString &source, const QString &dest, const ProgressFn &progress = {},
                    const std::atomic_bool *cancel = nullptr);

// Removes the -wal/-shm companions of a closed database file.
void removeCompanionFiles(const QString &path);

// Writes a file's data and its directory entry to disk.
void syncPath(const QString &path);

class SqliteFileTr
{
    Q_DECLARE_TR_FUNCTIONS(lux::storage::SqliteFile)
};

} // namespace lux::storage
