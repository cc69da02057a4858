// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbcommands.h"

#include "common/errorcodes.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "users/auditlog.h"
#include "users/userservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLockFile>
#include <QSqlQuery>

namespace lux::cli {

namespace {

class DbTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

int init(const CommandContext &ctx)
{
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    const Database::OpenReport &r = (*db)->report();
    QJsonObject o{{QStringLiteral("path"), (*db)->path()},
                  {QStringLiteral("schema_version"), (*db)->schemaVersion()},
                  {QStringLiteral("created"), r.created},
                  {QStringLiteral("database_id"), (*db)->databaseId()}};
    if (r.migratedFrom > 0)
        o.insert(QStringLiteral("migrated_from"), r.migratedFrom);
    if (!r.preMigrationBackup.isEmpty())
        o.insert(QStringLiteral("backup"), r.preMigrationBackup);
    QString text = r.created ? DbTr::tr("Created %1 (schema %2).") : DbTr::tr("%1 is ready (schema %2).");
    text = text.arg(shown((*db)->path())).arg((*db)->schemaVersion());
    if (r.migratedFrom > 0)
        text += QLatin1Char('\n') + DbTr::tr("Updated from schema %1; the previous file was saved as %2.")
                                         .arg(r.migratedFrom)
                                         .arg(shown(r.preMigrationBackup));
    if (r.onNetworkFileSystem)
        text += QLatin1Char('\n') + (*db)->networkFileSystemWarning();
    return ctx.succeed(o, text);
}

int info(const CommandContext &ctx)
{
    const auto facts = storage::inspect(ctx.databasePath);
    if (!facts)
        return ctx.fail(facts.error());
    QLockFile lock(ctx.databasePath + QStringLiteral(".lock"));
    qint64 pid = 0;
    QString host, app;
    const bool locked = lock.getLockInfo(&pid, &host, &app) && !lock.tryLock(0);
    if (!locked)
        lock.unlock();
    int users = 0;
    QString databaseId;
    {
        storage::ScopedConnection conn(ctx.databasePath, storage::ScopedConnection::Mode::ReadOnly);
        if (facts->tableCount > 0) {
            users = UserService(conn.db()).users().size();
            QSqlQuery q(conn.db());
            q.prepare(QStringLiteral("SELECT value FROM app_meta WHERE key = 'database_id'"));
            if (q.exec() && q.next())
                databaseId = q.value(0).toString();
        }
    }
    const QString fsType = storage::fileSystemTypeOf(ctx.databasePath);
    QJsonObject o{{QStringLiteral("path"), QFileInfo(ctx.databasePath).absoluteFilePath()},
                  {QStringLiteral("schema_version"), facts->schemaVersion},
                  {QStringLiteral("latest_schema_version"), storage::latestSchemaVersion()},
                  {QStringLiteral("size_bytes"), facts->sizeBytes},
                  {QStringLiteral("users"), users},
                  {QStringLiteral("database_id"), databaseId},
                  {QStringLiteral("file_system"), fsType},
                  {QStringLiteral("network_file_system"), storage::isNetworkFileSystem(fsType)},
                  {QStringLiteral("locked"), locked}};
    QString text = DbTr::tr("Database:   %1\nSchema:     %2 (this version: %3)\nSize:       %4 bytes\nUsers:      %5\n"
                            "File system: %6")
                       .arg(shown(ctx.databasePath))
                       .arg(facts->schemaVersion)
                       .arg(storage::latestSchemaVersion())
                       .arg(facts->sizeBytes)
                       .arg(users)
                       .arg(fsType);
    if (locked) {
        o.insert(QStringLiteral("lock_holder"), QStringLiteral("%1@%2 (%3)").arg(pid).arg(host, app));
        text += QLatin1Char('\n') + DbTr::tr("Open for writing by process %1 on %2 (%3).").arg(pid).arg(host, app);
    }
    // What the app and the other commands would do with it: open it for viewing only.
    const QString readOnly = storage::readOnlyReason(ctx.databasePath);
    o.insert(QStringLiteral("read_only"), !readOnly.isEmpty());
    if (!readOnly.isEmpty()) {
        o.insert(QStringLiteral("read_only_reason"), readOnly);
        text += QLatin1Char('\n') + DbTr::tr("Read-only: %1; LUX opens it for viewing only.").arg(readOnly);
    }
    return ctx.succeed(o, text);
}

int check(const CommandContext &ctx)
{
    const auto report = storage::checkIntegrity(ctx.databasePath);
    if (!report)
        return ctx.fail(report.error());
    QJsonArray problems;
    for (const QString &p : report->problems)
        problems.append(p);
    const QJsonObject o{{QStringLiteral("path"), QFileInfo(ctx.databasePath).absoluteFilePath()},
                        {QStringLiteral("integrity"), report->ok},
                        {QStringLiteral("problems"), problems}};
    if (!report->ok) {
        // The command ran but the database is damaged: exit 1, with the findings.
        return ctx.fail(Error(errc::dbIntegrity,
                              DbTr::tr("%1 failed its integrity check:\n%2")
                                  .arg(shown(ctx.databasePath), report->problems.join(QLatin1Char('\n')))),
                        o);
    }
    return ctx.succeed(o, DbTr::tr("%1: integrity check passed.").arg(shown(ctx.databasePath)));
}

int backup(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(DbTr::tr("db backup needs exactly one argument: the file to write."));
    const QString out = QFileInfo(ctx.args.first()).absoluteFilePath();
    if (storage::classifyFile(ctx.databasePath) != storage::FileKind::Sqlite)
        return ctx.fail(Error(errc::dbMissing,
                              DbTr::tr("There is no database at %1.").arg(shown(ctx.databasePath))));
    if (Status s = storage::copyDatabase(ctx.databasePath, out); !s)
        return ctx.fail(s.error());
    const auto integrity = storage::checkIntegrity(out);
    if (!integrity || !integrity->ok)
        return ctx.fail(Error(errc::backupVerify, DbTr::tr("The backup at %1 did not pass its integrity check.").arg(shown(out))));
    return ctx.succeed({{QStringLiteral("backup"), out}, {QStringLiteral("size_bytes"), QFileInfo(out).size()}},
                       DbTr::tr("Backed up %1 to %2.").arg(shown(ctx.databasePath), shown(out)));
}

int restore(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(DbTr::tr("db restore needs exactly one argument: the backup to restore."));
    const QString in = QFileInfo(ctx.args.first()).absoluteFilePath();
    if (const auto candidate = storage::checkRestoreCandidate(in); !candidate)
        return ctx.fail(candidate.error());
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    const QString staging = ctx.databasePath + QStringLiteral(".restore-staging");
    if (Status s = storage::stageRestore(in, staging); !s)
        return ctx.fail(s.error());
    const auto kept = (*db)->replaceWith(staging);
    if (!kept) {
        QFile::remove(staging);
        return ctx.fail(kept.error());
    }
    // The restore itself succeeded; a missing audit line is worth a warning, not a failure.
    if (Status s = AuditLog((*db)->connection())
                       .record(std::nullopt, QStringLiteral("database.restored"), {}, std::nullopt,
                               QStringLiteral("luxctl: %1").arg(QFileInfo(in).fileName()));
        !s)
        std::fprintf(stderr, "luxctl: %s\n",
                     qPrintable(DbTr::tr("warning: the restore was not written to the audit log: %1").arg(s.error().message)));
    return ctx.succeed({{QStringLiteral("restored_from"), in}, {QStringLiteral("previous_kept_at"), *kept},
                        {QStringLiteral("schema_version"), (*db)->schemaVersion()}},
                       DbTr::tr("Restored %1 from %2. The previous database was kept at %3.")
                           .arg(shown(ctx.databasePath), shown(in), shown(*kept)));
}

int exportCopy(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(DbTr::tr("db export needs exactly one argument: the file to write."));
    const QString out = QFileInfo(ctx.args.first()).absoluteFilePath();
    if (storage::classifyFile(ctx.databasePath) != storage::FileKind::Sqlite)
        return ctx.fail(Error(errc::dbMissing,
                              DbTr::tr("There is no database at %1.").arg(shown(ctx.databasePath))));
    if (Status s = storage::exportDatabase(ctx.databasePath, out); !s)
        return ctx.fail(s.error());
    return ctx.succeed({{QStringLiteral("export"), out}},
                       DbTr::tr("Exported a copy of %1 to %2.").arg(shown(ctx.databasePath), shown(out)));
}

} // namespace

int runDbCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("init"))
        return init(ctx);
    if (command == QLatin1String("info"))
        return info(ctx);
    if (command == QLatin1String("check"))
        return check(ctx);
    if (command == QLatin1String("backup"))
        return backup(ctx);
    if (command == QLatin1String("restore"))
        return restore(ctx);
    if (command == QLatin1String("export"))
        return exportCopy(ctx);
    return ctx.usage(DbTr::tr("Unknown command 'db %1'. Commands: init, info, check, backup, restore, export.").arg(command));
}

} // namespace lux::cli
