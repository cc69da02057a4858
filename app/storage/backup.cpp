// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::storage {

namespace {

class BackupTr
{
    Q_DECLARE_TR_FUNCTIONS(lux::storage::Backup)
};

QString autoPattern(const QString &baseName)
{
    return QRegularExpression::escape(baseName) + QStringLiteral(R"(-(\d{8}-\d{6}-\d{3})-auto\.sqlite$)");
}

} // namespace

Result<FileFacts> checkRestoreCandidate(const QString &candidate)
{
    const QString shown = QDir::toNativeSeparators(candidate);
    const auto facts = inspect(candidate);
    if (!facts)
        return facts.error();
    if (facts->applicationId != kApplicationId)
        return Error(errc::restoreForeign,
                     BackupTr::tr("%1 is not a LUX Marketing database.").arg(shown));
    if (facts->schemaVersion > latestSchemaVersion())
        return Error(errc::dbNewerVersion,
                     BackupTr::tr("%1 was written by a newer version of LUX Marketing (schema %2; this "
                                  "version reads up to schema %3).")
                         .arg(shown)
                         .arg(facts->schemaVersion)
                         .arg(latestSchemaVersion()));
    const auto integrity = checkIntegrity(candidate);
    if (!integrity)
        return integrity.error();
    if (!integrity->ok)
        return Error(errc::restoreDamaged,
                     BackupTr::tr("%1 failed its integrity check: %2")
                         .arg(shown, integrity->problems.mid(0, 3).join(QStringLiteral("; "))));
    return facts;
}

Status stageRestore(const QString &candidate, const QString &staging, const ProgressFn &progress,
                    const std::atomic_bool *cancel)
{
    if (const auto facts = checkRestoreCandidate(candidate); !facts)
        return facts.error();
    return copyDatabase(candidate, staging, progress, cancel);
}

Status exportDatabase(const QString &source, const QString &dest, const ProgressFn &progress,
                      const std::atomic_bool *cancel)
{
    const QString staging = dest + QStringLiteral(".export");
    if (Status s = copyDatabase(source, staging, progress, cancel); !s)
        return s;
    {
        ScopedConnection conn(staging, ScopedConnection::Mode::ReadWrite);
        QSqlQuery q(conn.db());
        if (!q.exec(QStringLiteral("UPDATE users SET remember_token_hash = NULL, failed_attempts = 0, locked_until = 0"))
            || !q.exec(QStringLiteral("DELETE FROM app_meta WHERE key = 'session_state'"))
            // Deleted contacts kept for undo are not shared (contacts/contactbulk.h).
            || !q.exec(QStringLiteral("DELETE FROM contacts_trash")) || !q.exec(QStringLiteral("DELETE FROM contact_tags_trash"))
            || !q.exec(QStringLiteral("DELETE FROM consent_links_trash"))) {
            const QString why = q.lastError().text();
            q.finish();
            conn.db().close();
            QFile::remove(staging);
            return Error(errc::exportScrub,
                         BackupTr::tr("Preparing the exported copy failed: %1").arg(why));
        }
        q.exec(QStringLiteral("VACUUM"));
    }
    removeCompanionFiles(staging);
    QFile::remove(dest);
    if (!QFile::rename(staging, dest)) {
        QFile::remove(staging);
        return Error(errc::exportWrite,
                     BackupTr::tr("Could not write %1.").arg(QDir::toNativeSeparators(dest)));
    }
    syncPath(dest);
    return {};
}

QStringList automaticBackups(const QString &dir, const QString &baseName)
{
    const QRegularExpression re(QStringLiteral("^") + autoPattern(baseName));
    QStringList names = QDir(dir).entryList(QDir::Files, QDir::Name | QDir::Reversed);
    QStringList result;
    for (const QString &name : std::as_const(names)) {
        if (re.match(name).hasMatch())
            result << QDir(dir).filePath(name);
    }
    return result;
}

QDateTime lastAutomaticBackup(const QString &dir, const QString &baseName)
{
    const QStringList all = automaticBackups(dir, baseName);
    if (all.isEmpty())
        return {};
    const QRegularExpression re(autoPattern(baseName));
    const auto m = re.match(QFileInfo(all.first()).fileName());
    return QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd-HHmmss-zzz"));
}

QStringList pruneAutomaticBackups(const QString &dir, const QString &baseName, int keep)
{
    QStringList removed;
    const QStringList all = automaticBackups(dir, baseName);
    for (qsizetype i = qMax(0, keep); i < all.size(); ++i) {
        if (QFile::remove(all.at(i)))
            removed << all.at(i);
    }
    return removed;
}

AutoBackup::AutoBackup(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(std::chrono::minutes(5));
    connect(&m_timer, &QTimer::timeout, this, &AutoBackup::checkNow);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, &AutoBackup::onFinished);
}

AutoBackup::~AutoBackup()
{
    m_watcher.waitForFinished();
}

void AutoBackup::setDatabase(const QString &path, const QString &backupDir)
{
    m_path = path;
    m_dir = backupDir;
}

void AutoBackup::setPolicy(bool enabled, int intervalHours, int keep)
{
    m_enabled = enabled;
    m_intervalHours = qMax(1, intervalHours);
    m_keep = qMax(1, keep);
    if (m_enabled) {
        m_timer.start();
        QTimer::singleShot(std::chrono::seconds(30), this, &AutoBackup::checkNow);
    } else {
        m_timer.stop();
    }
}

QDateTime AutoBackup::lastBackup() const
{
    return lastAutomaticBackup(m_dir, QFileInfo(m_path).completeBaseName());
}

QDateTime AutoBackup::nextBackup() const
{
    if (!m_enabled)
        return {};
    const QDateTime last = lastBackup();
    if (!last.isValid())
        return QDateTime::currentDateTime();
    return last.addSecs(qint64(m_intervalHours) * 3600);
}

bool AutoBackup::isDue() const
{
    if (!m_enabled)
        return false;
    const QDateTime last = lastBackup();
    return !last.isValid() || last.addSecs(qint64(m_intervalHours) * 3600) <= QDateTime::currentDateTime();
}

void AutoBackup::checkNow()
{
    if (m_path.isEmpty() || m_watcher.isRunning() || !isDue())
        return;
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    m_current = m_dir + QLatin1Char('/') + QFileInfo(m_path).completeBaseName() + QLatin1Char('-') + stamp
                + QStringLiteral("-auto.sqlite");
    Q_EMIT backupStarted();
    m_watcher.setFuture(QtConcurrent::run([source = m_path, dest = m_current] { return copyDatabase(source, dest); }));
}

void AutoBackup::onFinished()
{
    const Status s = m_watcher.result();
    if (!s) {
        qCWarning(lcStorage) << "automatic backup failed:" << s.error().code << s.error().message;
        Q_EMIT backupFailed(s.error().message);
        return;
    }
    const QStringList pruned = pruneAutomaticBackups(m_dir, QFileInfo(m_path).completeBaseName(), m_keep);
    Q_EMIT backupFinished(m_current, pruned);
}

} // namespace lux::storage
