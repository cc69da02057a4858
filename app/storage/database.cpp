// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "migrations.h"
#include "contacts/phonenumbers.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <cerrno>
#include <filesystem>

namespace lux {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool renameReplacing(const QString &from, const QString &to)
{
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(from).toStdString()),
                            std::filesystem::path(QFile::encodeName(to).toStdString()), ec);
    return !ec;
}

} // namespace

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/lux.sqlite");
}

QString Database::resolvePath(const QString &fromCommandLine)
{
    if (!fromCommandLine.isEmpty())
        return QFileInfo(fromCommandLine).absoluteFilePath();
    const QString env = qEnvironmentVariable("LUX_DB");
    if (!env.isEmpty())
        return QFileInfo(env).absoluteFilePath();
    return defaultPath();
}

Result<std::unique_ptr<Database>> Database::open(const QString &requestedPath, const Options &options)
{
    const QString path = QFileInfo(requestedPath).absoluteFilePath();
    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_backupDir = options.backupDir;
    OpenReport report;

    const storage::FileKind kind = storage::classifyFile(path);
    switch (kind) {
    case storage::FileKind::NotSqlite:
        return Error(errc::dbNotSqlite,
                     tr("%1 is not a LUX Marketing database (it is not an SQLite file). "
                        "It was left untouched.")
                         .arg(native(path)));
    case storage::FileKind::Unreadable:
        return Error(errc::dbUnreadable,
                     tr("%1 cannot be read: check its permissions.").arg(native(path)));
    case storage::FileKind::Missing:
    case storage::FileKind::Empty:
        if (!options.createIfMissing || options.access == Access::ReadOnly)
            return Error(errc::dbMissing, tr("There is no database at %1.").arg(native(path)));
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error(errc::dbFolder,
                         tr("Could not create the folder %1.").arg(native(QFileInfo(path).absolutePath())));
        break;
    case storage::FileKind::Sqlite:
        break;
    }
    const bool existed = kind == storage::FileKind::Sqlite;

    db->m_readOnly = options.access == Access::ReadOnly;
    // A file this user cannot (or should not) change: for viewing, or refused when the caller must
    // write, rather than failing later on "attempt to write a readonly database".
    if (existed && !db->m_readOnly) {
        const QString why = storage::readOnlyReason(path);
        if (!why.isEmpty() && options.access == Access::ReadWrite)
            return Error(errc::dbReadOnly, tr("%1 is read-only (%2): LUX can only open it for viewing, and this "
                                              "would change it. Nothing was changed.")
                                               .arg(native(path), why));
        if (!why.isEmpty()) {
            db->m_readOnly = true;
            report.readOnlyReason = why;
        }
    }
    if (!db->m_readOnly) {
        db->m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
        // Only a dead owner makes a lock stale: a busy app may hold it for days.
        db->m_lock->setStaleLockTime(0);
        if (!db->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            db->m_lock->getLockInfo(&pid, &host, &app);
            report.lockHolder = tr("process %1 (%2) on %3").arg(pid).arg(app, host);
            const bool lockedByOther = db->m_lock->error() == QLockFile::LockFailedError;
            db->m_lock.reset();
            if (!lockedByOther) {
                // QLockFile does not say why; a trial write in the folder tells a full disk apart.
                const int err = storage::probeWrite(QFileInfo(path).absolutePath());
                if (err == ENOSPC || err == EDQUOT)
                    return storage::writeFailure(err, path, tr("LUX could not create its lock file beside the database."));
                return Error(errc::dbLockFailed,
                             tr("Could not create the lock file beside %1: check the folder's permissions.")
                                 .arg(native(path)));
            }
            if (options.access != Access::ReadWriteOrReadOnly || !existed)
                return Error(errc::dbLocked,
                             tr("%1 is already open for writing in %2. Close it there, or open it read-only.")
                                 .arg(native(path), report.lockHolder));
            db->m_readOnly = true;
            report.readOnlyBecauseLocked = true;
        }
    }

    if (Status s = db->openConnection(); !s)
        return s.error();
    if (Status s = db->prepare(existed, report); !s) {
        db->closeConnection();
        // SQLite says "database or disk is full" at best; a trial write says which, in words.
        if (!db->m_readOnly && s.error().code != errc::dbForeign && s.error().code != errc::dbNewerVersion
            && s.error().code != errc::dbCorrupt) {
            const int err = storage::probeWrite(QFileInfo(path).absolutePath());
            if (err == ENOSPC || err == EDQUOT)
                return storage::writeFailure(err, path, tr("the database could not be opened for writing."));
        }
        return s.error();
    }
    db->m_report = report;
    return db;
}

Status Database::openConnection()
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("lux-main-%1").arg(counter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    storage::setDatabaseFile(db, m_path, m_readOnly, 5000);
    if (!db.open()) {
        const QString why = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return Error(errc::dbOpenFailed, tr("Could not open %1: %2").arg(native(m_path), why));
    }
    return {};
}

Status Database::prepare(bool existed, OpenReport &report)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    const auto damaged = [&](const QSqlQuery &failed) {
        return Error(errc::dbCorrupt,
                     tr("%1 is damaged or is not a database (%2). It was left untouched.")
                         .arg(native(m_path), failed.lastError().text()));
    };

    // Read what the file is before changing anything in it.
    int version = 0;
    int applicationId = 0;
    int tables = 0;
    if (existed) {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return damaged(q);
        version = q.value(0).toInt();
        if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
            return damaged(q);
        applicationId = q.value(0).toInt();
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return damaged(q);
        tables = q.value(0).toInt();
        q.finish();
        if (applicationId != storage::kApplicationId && (applicationId != 0 || tables > 0))
            return Error(errc::dbForeign,
                         tr("%1 is an SQLite database of another application, not of LUX Marketing. "
                            "It was left untouched.")
                             .arg(native(m_path)));
        if (version > storage::latestSchemaVersion())
            return Error(errc::dbNewerVersion,
                         tr("%1 was written by a newer version of LUX Marketing (schema %2; this version "
                            "reads up to schema %3). It was left untouched: update LUX Marketing to open it.")
                             .arg(native(m_path))
                             .arg(version)
                             .arg(storage::latestSchemaVersion()));
    }
    const bool needsMigration = version < storage::latestSchemaVersion();

    if (m_readOnly) {
        if (needsMigration)
            return Error(errc::dbNeedsUpgrade,
                         tr("%1 uses an older schema (%2) and must be updated, which needs write access. "
                            "Open it where no other LUX Marketing has it open.")
                             .arg(native(m_path))
                             .arg(version));
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        q.exec(QStringLiteral("PRAGMA mmap_size = 1073741824"));
    } else {
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
            || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return Error(errc::dbWal,
                         tr("Could not switch %1 to write-ahead logging: %2")
                             .arg(native(m_path), q.lastError().text()));
        q.finish();
        for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
                                   "PRAGMA mmap_size = 1073741824"}) {
            if (!q.exec(QString::fromLatin1(pragma)))
                return Error(errc::dbPragma,
                             tr("Could not configure %1: %2").arg(native(m_path), q.lastError().text()));
        }
    }

    report.fileSystemType = storage::fileSystemTypeOf(m_path);
    report.onNetworkFileSystem = storage::isNetworkFileSystem(report.fileSystemType);
    if (report.onNetworkFileSystem)
        qCWarning(lcStorage) << "database on a network file system:" << report.fileSystemType << m_path;

    if (needsMigration) {
        if (existed && version > 0) {
            const QString backup = newBackupPath(QStringLiteral("before-schema-%1").arg(storage::latestSchemaVersion()));
            if (Status s = storage::copyDatabase(m_path, backup); !s)
                return Error(errc::dbMigrationBackup,
                             tr("The database was not updated because the backup before the update failed: %1")
                                 .arg(s.error().message));
            report.preMigrationBackup = backup;
        }
        if (Status s = storage::migrate(db); !s)
            return s;
        report.migratedFrom = version;
        report.created = !existed || version == 0;
    }

    // Migration 13 added contacts.phone_type and phone_region. libphonenumber types about 15,000
    // stored numbers a second (docs/PERFORMANCE.md, "Phone numbers (issue 15)"): a minute for a
    // million, too long to hold up opening. So a database with rows from before is typed on a worker
    // thread, on its own connection, in short batches beside the app's own writes; until a row is
    // done its phone_type is NULL, which segments and campaigns read as "not known yet" (see
    // docs/sms.md). The mark is set only when every row is done, so a run cut short (the app closed,
    // killed) goes on where it stopped at the next open. A new database has nothing to type.
    if (!m_readOnly && meta(QStringLiteral("phone_types_filled")) != QLatin1String("13")) {
        if (report.created) {
            if (Status s = setMeta(QStringLiteral("phone_types_filled"), QStringLiteral("13")); !s)
                return s;
        } else {
            startPhoneTypeFill();
        }
    }

    if (!m_readOnly) {
        m_databaseId = meta(QStringLiteral("database_id"));
        if (m_databaseId.isEmpty()) {
            m_databaseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (Status s = setMeta(QStringLiteral("database_id"), m_databaseId); !s)
                return s;
            if (Status s = setMeta(QStringLiteral("created_at"), QString::number(QDateTime::currentMSecsSinceEpoch())); !s)
                return s;
        }
        // A database made by this version keeps its own settings from the start (Settings::attach):
        // it inherits nothing from the QSettings of whoever opens it first.
        if (report.created)
            if (Status s = setMeta(QStringLiteral("settings_scoped"), QStringLiteral("own")); !s)
                return s;
        // A writer that did not reach its destructor leaves "open" behind.
        report.uncleanShutdown = meta(QStringLiteral("session_state")) == QLatin1String("open");
        if (Status s = setMeta(QStringLiteral("session_state"), QStringLiteral("open")); !s)
            return s;
    } else {
        m_databaseId = meta(QStringLiteral("database_id"));
    }
    return {};
}

void Database::markClosed()
{
    if (!connection().isOpen() || m_readOnly)
        return;
    if (Status s = setMeta(QStringLiteral("session_state"), QStringLiteral("closed")); !s)
        qCWarning(lcStorage) << "could not mark the database closed:" << s.error().message;
    QSqlQuery q(connection());
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

void Database::startPhoneTypeFill()
{
    m_cancelBackground = std::make_shared<std::atomic_bool>(false);
    m_phoneTypeFill = QtConcurrent::run([path = m_path, cancel = m_cancelBackground] {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        if (!conn.isOpen()) {
            qCWarning(lcStorage) << "cannot type phone numbers:" << conn.errorText();
            return;
        }
        const auto filled = contacts::PhoneNumbers::fillMissingTypes(conn.db(), 2000, {}, cancel.get());
        if (!filled) {
            qCWarning(lcStorage) << "typing phone numbers stopped:" << filled.error().message;
            return;
        }
        if (cancel->load())
            return;
        QSqlQuery q(conn.db());
        q.prepare(QStringLiteral("INSERT INTO app_meta (key, value) VALUES ('phone_types_filled', '13') "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        if (!q.exec())
            qCWarning(lcStorage) << "typing phone numbers: cannot mark it done:" << q.lastError().text();
        else
            qCInfo(lcStorage) << "typed" << *filled << "stored phone numbers";
    });
}

void Database::waitForPhoneTypes()
{
    m_phoneTypeFill.waitForFinished();
}

Database::~Database()
{
    if (m_cancelBackground)
        m_cancelBackground->store(true);
    m_phoneTypeFill.waitForFinished();
    markClosed();
    closeConnection();
    if (m_lock)
        m_lock->unlock();
}

void Database::closeConnection()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::backupDir() const
{
    if (!m_backupDir.isEmpty())
        return m_backupDir;
    return QFileInfo(m_path).absolutePath() + QStringLiteral("/backups");
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

qint64 Database::logicalSize() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) && q.next())
        return q.value(0).toLongLong();
    return QFileInfo(m_path).size();
}

QString Database::networkFileSystemWarning() const
{
    if (!m_report.onNetworkFileSystem)
        return {};
    return tr("%1 is on a network file system (%2). SQLite's locking is not reliable there: keep the "
              "database on a local disk and share it with Export Database.")
        .arg(native(m_path), m_report.fileSystemType);
}

QString Database::readOnlyNotice() const
{
    if (m_report.readOnlyReason.isEmpty())
        return {};
    return tr("%1 is read-only (%2): LUX opened it for viewing; changes are disabled.")
        .arg(native(m_path), m_report.readOnlyReason);
}

QString Database::meta(const QString &key) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM app_meta WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

Status Database::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO app_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return Error(errc::dbWrite, tr("Could not write to %1: %2").arg(native(m_path), q.lastError().text()));
    return {};
}

QString Database::setting(const QString &key) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM db_settings WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QHash<QString, QString> Database::settings() const
{
    QHash<QString, QString> all;
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT key, value FROM db_settings")))
        while (q.next())
            all.insert(q.value(0).toString(), q.value(1).toString());
    return all;
}

Status Database::setSetting(const QString &key, const QString &value, std::optional<qint64> byUser)
{
    return writeSetting(connection(), key, value, byUser);
}

Status Database::writeSetting(QSqlDatabase db, const QString &key, const QString &value, std::optional<qint64> byUser)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO db_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                             "updated_by = excluded.updated_by"));
    q.addBindValue(key);
    q.addBindValue(value);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(byUser ? QVariant(*byUser) : QVariant(QMetaType::fromType<qint64>()));
    if (!q.exec())
        return Error(errc::dbWrite, tr("Could not write to %1: %2").arg(native(db.databaseName()), q.lastError().text()));
    return {};
}

QString Database::newBackupPath(const QString &reason) const
{
    const QString base = QFileInfo(m_path).completeBaseName();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    return backupDir() + QLatin1Char('/') + base + QLatin1Char('-') + stamp + QLatin1Char('-') + reason
           + QStringLiteral(".sqlite");
}

Result<QString> Database::replaceWith(const QString &stagedPath)
{
    if (m_readOnly)
        return Error(errc::dbReadOnly, tr("A database opened read-only cannot be replaced."));
    const auto facts = storage::inspect(stagedPath);
    if (!facts)
        return facts.error();

    // The typing of old phone numbers works on the file about to be replaced: stop it first (the
    // restored file, if it needs one, gets its own at its open).
    if (m_cancelBackground)
        m_cancelBackground->store(true);
    m_phoneTypeFill.waitForFinished();
    const QString keep = newBackupPath(QStringLiteral("before-restore"));
    QDir().mkpath(QFileInfo(keep).absolutePath());

    // Close cleanly so the current file holds everything (WAL checkpointed) before it moves.
    markClosed();
    closeConnection();
    storage::removeCompanionFiles(m_path);

    const auto reopenCurrent = [this]() {
        OpenReport ignored;
        Status s = openConnection();
        if (s)
            s = prepare(true, ignored);
        if (!s)
            qCCritical(lcStorage) << "could not reopen the database after a failed restore:" << s.error().message;
    };

    if (!QFile::copy(m_path, keep)) {
        reopenCurrent();
        return Error(errc::restoreKeep,
                     tr("The restore was not done: the current database could not be kept at %1.").arg(native(keep)));
    }
    storage::syncPath(keep);
    if (!renameReplacing(stagedPath, m_path)) {
        reopenCurrent();
        return Error(errc::restoreSwap,
                     tr("The restore was not done: %1 could not be moved into place.").arg(native(stagedPath)));
    }
    storage::syncPath(m_path);

    OpenReport report;
    Status opened = openConnection();
    if (opened)
        opened = prepare(true, report);
    if (!opened) {
        closeConnection();
        storage::removeCompanionFiles(m_path);
        renameReplacing(keep, m_path);
        reopenCurrent();
        return Error(errc::restoreOpen,
                     tr("The restored database could not be opened (%1); the previous database is back in use.")
                         .arg(opened.error().message));
    }
    report.fileSystemType = m_report.fileSystemType;
    report.onNetworkFileSystem = m_report.onNetworkFileSystem;
    m_report = report;
    qCInfo(lcStorage) << "restored" << m_path << "previous kept at" << keep;
    return keep;
}

} // namespace lux
