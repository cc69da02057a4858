// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sqlitefile.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace lux {
class Database;
}

namespace lux::storage {

// A file offered for restore must be an intact LUX database no newer than this version.
Result<FileFacts> checkRestoreCandidate(const QString &candidate);

// Checks the candidate, then copies it to staging for Database::replaceWith. Safe on any thread.
Status stageRestore(const QString &candidate, const QString &staging, const ProgressFn &progress = {},
                    const std::atomic_bool *cancel = nullptr);

// A consistent copy for sharing with a team: no secrets live in the database, and what binds it to
// this machine (remember-me tokens, sign-in lockouts) is cleared in the copy.
Status exportDatabase(const QString &source, const QString &dest, const ProgressFn &progress = {},
                      const std::atomic_bool *cancel = nullptr);

// Automatic backups are named <base>-<yyyyMMdd-HHmmss-zzz>-auto.sqlite in the backup folder.
QStringList automaticBackups(const QString &dir, const QString &baseName); // newest first
QDateTime lastAutomaticBackup(const QString &dir, const QString &baseName);
QStringList pruneAutomaticBackups(const QString &dir, const QString &baseName, int keep); // removed files

// Makes a backup every interval while the app runs, keeping the newest `keep` copies. The copy runs on
// a worker thread with its own connection; the timer only decides when.
class AutoBackup : public QObject
{
    Q_OBJECT
public:
    explicit AutoBackup(QObject *parent = nullptr);
    ~AutoBackup() override;

    void setDatabase(const QString &path, const QString &backupDir);
    void setPolicy(bool enabled, int intervalHours, int keep);
    bool isEnabled() const { return m_enabled; }
    bool isRunning() const { return m_watcher.isRunning(); }
    QDateTime lastBackup() const;
    QDateTime nextBackup() const; // invalid when disabled
    bool isDue() const;           // enabled, and never backed up or the interval has passed

public Q_SLOTS:
    void checkNow();

Q_SIGNALS:
    void backupStarted();
    void backupFinished(const QString &path, const QStringList &pruned);
    void backupFailed(const QString &message);

private:
    void onFinished();

    QTimer m_timer;
    QFutureWatcher<Status> m_watcher;
    QString m_path;
    QString m_dir;
    QString m_current;
    bool m_enabled = false;
    int m_intervalHours = 24;
    int m_keep = 7;
};

} // namespace lux::storage
