// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaseactions.h"

#include "common/backgroundtask.h"
#include "common/dialogs.h"
#include "common/errorcodes.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "storage/backup.h"
#include "users/auditlog.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

#include <memory>

namespace lux::ui {

namespace {

QString dbFilter()
{
    return DatabaseActions::tr("LUX databases (*.sqlite *.db *.lux);;All files (*)");
}

void audit(AppSession &session, const QString &action, const QString &details)
{
    if (!session.database() || session.database()->isReadOnly())
        return;
    const auto user = session.isSignedIn() ? std::optional<qint64>(session.user().id) : std::nullopt;
    if (Status s = AuditLog(session.database()->connection()).record(user, action, QStringLiteral("database"), std::nullopt, details);
        !s)
        qWarning("audit log: %s", qPrintable(s.error().message));
    Q_EMIT session.auditChanged();
}

} // namespace

DatabaseActions::DatabaseActions(AppSession &session, QWidget *window)
    : QObject(window), m_session(session), m_window(window)
{
}

void DatabaseActions::setBusy(bool busy)
{
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

bool DatabaseActions::refuseIfBusy()
{
    if (!m_busy)
        return false;
    Dialogs::information(window(), tr("Please Wait"), tr("Another database task is still running."));
    return true;
}

bool DatabaseActions::openPath(const QString &path, bool atStartup)
{
    Status opened = m_session.open(path, Database::Access::ReadWrite);
    if (!opened && opened.error().code == errc::dbLocked) {
        const auto answer = Dialogs::question(
            window(), tr("Database In Use"),
            opened.error().message + QStringLiteral("\n\n")
                + (atStartup ? tr("Open it read-only? Choose No to quit.") : tr("Open it read-only?")),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            if (atStartup)
                Q_EMIT quitRequested();
            return false;
        }
        opened = m_session.open(path, Database::Access::ReadOnly);
    }
    if (!opened) {
        Dialogs::critical(window(), tr("Cannot Open Database"), opened.error().message);
        Q_EMIT openFailed(opened.error().message);
        return false;
    }
    const Database::OpenReport &r = m_session.database()->report();
    if (r.onNetworkFileSystem)
        Dialogs::warning(window(), tr("Network Folder"), m_session.database()->networkFileSystemWarning());
    if (r.migratedFrom > 0)
        Q_EMIT notice(tr("Database updated from schema %1; the previous version was saved in %2.")
                          .arg(r.migratedFrom)
                          .arg(QDir::toNativeSeparators(QFileInfo(r.preMigrationBackup).absolutePath())));
    if (r.uncleanShutdown || m_session.settings().integrityCheckOnStart())
        checkIntegrityQuietly();
    return true;
}

void DatabaseActions::newDatabase()
{
    if (refuseIfBusy())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = Dialogs::saveFile(window(), tr("New Database"), dir + QStringLiteral("/lux.sqlite"), dbFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        Dialogs::warning(window(), tr("New Database"),
                         tr("%1 already exists. Choose Open Database to open it.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    openPath(path, false);
}

void DatabaseActions::openDatabase()
{
    if (refuseIfBusy())
        return;
    const QString start = m_session.database() ? QFileInfo(m_session.database()->path()).absolutePath() : QString();
    const QString path = Dialogs::openFile(window(), tr("Open Database"), start, dbFilter());
    if (path.isEmpty())
        return;
    openPath(path, false);
}

void DatabaseActions::exportDatabase()
{
    if (!m_session.database() || refuseIfBusy())
        return;
    const QString source = m_session.database()->path();
    const QString suggestion = QFileInfo(source).absolutePath() + QLatin1Char('/') + QFileInfo(source).completeBaseName()
                               + QStringLiteral("-shared.sqlite");
    const QString dest = Dialogs::saveFile(window(), tr("Export Database"), suggestion, dbFilter());
    if (dest.isEmpty())
        return;
    if (QFileInfo(dest).absoluteFilePath() == QFileInfo(source).absoluteFilePath()) {
        Dialogs::warning(window(), tr("Export Database"), tr("Choose a different file than the open database."));
        return;
    }
    runCopy(
        tr("Exporting the database…"), tr("Export Failed"),
        [source, dest](const storage::ProgressFn &p, const std::atomic_bool *c) {
            return storage::exportDatabase(source, dest, p, c);
        },
        [this, dest] {
            audit(m_session, QStringLiteral("database.exported"), QFileInfo(dest).fileName());
            Q_EMIT notice(tr("Exported a copy to %1.").arg(QDir::toNativeSeparators(dest)));
        });
}

void DatabaseActions::backupNow()
{
    if (!m_session.database() || refuseIfBusy())
        return;
    const QString source = m_session.database()->path();
    const QString dest = m_session.backupDir() + QLatin1Char('/') + QFileInfo(source).completeBaseName()
                         + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))
                         + QStringLiteral("-manual.sqlite");
    runCopy(
        tr("Backing up the database…"), tr("Backup Failed"),
        [source, dest](const storage::ProgressFn &p, const std::atomic_bool *c) {
            return storage::copyDatabase(source, dest, p, c);
        },
        [this, dest] {
            audit(m_session, QStringLiteral("database.backup"), QFileInfo(dest).fileName());
            Q_EMIT notice(tr("Backup saved as %1.").arg(QDir::toNativeSeparators(dest)));
        });
}

void DatabaseActions::runCopy(const QString &label, const QString &failureTitle,
                              std::function<Status(const storage::ProgressFn &, const std::atomic_bool *)> work,
                              std::function<void()> onSuccess, std::function<void()> onFailure)
{
    setBusy(true);
    BackgroundTask::start(window(), label, std::move(work),
                          [this, failureTitle, onSuccess = std::move(onSuccess), onFailure = std::move(onFailure)](const Status &s) {
                              setBusy(false);
                              if (s) {
                                  onSuccess();
                                  return;
                              }
                              if (onFailure)
                                  onFailure();
                              if (s.error().code != errc::cancelled)
                                  Dialogs::critical(window(), failureTitle, s.error().message);
                          });
}

void DatabaseActions::restoreBackup()
{
    if (!m_session.database() || refuseIfBusy())
        return;
    if (m_session.database()->isReadOnly()) {
        Dialogs::warning(window(), tr("Restore"), tr("The database is open read-only, so it cannot be replaced."));
        return;
    }
    const QString candidate = Dialogs::openFile(window(), tr("Restore from Backup"), m_session.backupDir(), dbFilter());
    if (candidate.isEmpty())
        return;
    const auto answer = Dialogs::question(
        window(), tr("Restore from Backup"),
        tr("Replace the open database with %1?\n\nThe current database is kept in the backup folder, and you "
           "will sign in again.")
            .arg(QFileInfo(candidate).fileName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString staging = m_session.database()->path() + QStringLiteral(".restore-staging");
    runCopy(
        tr("Checking and copying the backup…"), tr("Restore Failed"),
        [candidate, staging](const storage::ProgressFn &p, const std::atomic_bool *c) -> Status {
            if (Status s = storage::stageRestore(candidate, staging, p, c); !s)
                return s.error().code == errc::cancelled
                           ? s
                           : Status(Error(s.error().code, tr("Nothing was changed. %1").arg(s.error().message)));
            return {};
        },
        [this, candidate, staging] {
            if (!m_session.database()) {
                QFile::remove(staging);
                return;
            }
            m_session.signOut();
            const auto kept = m_session.database()->replaceWith(staging);
            if (!kept) {
                QFile::remove(staging);
                Dialogs::critical(window(), tr("Restore Failed"), kept.error().message);
                Q_EMIT m_session.databaseChanged();
                return;
            }
            audit(m_session, QStringLiteral("database.restored"), QFileInfo(candidate).fileName());
            // Users and everything else may differ now: the window starts over on this file.
            const QString path = m_session.database()->path();
            m_session.close();
            openPath(path, false);
            Q_EMIT notice(tr("Restored from %1. The previous database was kept as %2.")
                              .arg(QFileInfo(candidate).fileName(), QFileInfo(*kept).fileName()));
        },
        [staging] { QFile::remove(staging); });
}

void DatabaseActions::checkIntegrity()
{
    runIntegrityCheck(false);
}

void DatabaseActions::checkIntegrityQuietly()
{
    runIntegrityCheck(true);
}

void DatabaseActions::runIntegrityCheck(bool quiet)
{
    if (!m_session.database() || refuseIfBusy())
        return;
    const QString path = m_session.database()->path();
    auto problems = std::make_shared<QStringList>();
    setBusy(true);
    if (quiet)
        Q_EMIT notice(tr("Checking the database after an unexpected shutdown…"));
    BackgroundTask::start(
        quiet ? nullptr : window(), tr("Checking the database…"),
        [path, problems](const storage::ProgressFn &, const std::atomic_bool *) -> Status {
            const auto report = storage::checkIntegrity(path);
            if (!report)
                return report.error();
            *problems = report->problems;
            return {};
        },
        [this, quiet, problems](const Status &s) {
            setBusy(false);
            const bool ok = s.ok() && problems->isEmpty();
            if (m_session.database() && !m_session.database()->isReadOnly())
                (void)m_session.database()->setMeta(
                    QStringLiteral("last_integrity_check"),
                    QStringLiteral("%1 %2").arg(QDateTime::currentMSecsSinceEpoch()).arg(ok ? QStringLiteral("ok")
                                                                                          : QStringLiteral("failed")));
            audit(m_session, QStringLiteral("database.integrity_check"), ok ? QStringLiteral("ok") : QStringLiteral("failed"));
            Q_EMIT integrityChecked(ok);
            if (!s) {
                Dialogs::critical(window(), tr("Integrity Check"), s.error().message);
            } else if (!ok) {
                Dialogs::critical(window(), tr("Integrity Check"),
                                  tr("The database has problems:\n%1\n\nRestore a recent backup from File > Restore "
                                     "from Backup.")
                                      .arg(problems->mid(0, 10).join(QLatin1Char('\n'))));
            } else if (!quiet) {
                Dialogs::information(window(), tr("Integrity Check"), tr("The database passed its integrity check."));
            }
            Q_EMIT notice(ok ? tr("Integrity check passed.") : tr("Integrity check found problems."));
        },
        false);
}

} // namespace lux::ui
