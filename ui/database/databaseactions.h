// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "storage/sqlitefile.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>

class QWidget;

namespace lux::ui {

class AppSession;

// What a user can do to the database file itself, from the File menu or the Settings dialog. Copies
// and checks run on a worker thread with their own connection, behind a cancellable progress dialog.
class DatabaseActions : public QObject
{
    Q_OBJECT
public:
    DatabaseActions(AppSession &session, QWidget *window);

    // Opens path; when another instance holds it, asks whether to open it read-only.
    // allowQuit: at start-up, "No" quits the app instead of keeping the current database.
    bool openPath(const QString &path, bool atStartup);

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void newDatabase();
    void openDatabase();
    void exportDatabase();
    void backupNow();
    void restoreBackup();
    void checkIntegrity();
    // The same check without a message when all is well (after an unclean shutdown).
    void checkIntegrityQuietly();

Q_SIGNALS:
    void notice(const QString &message);   // status bar text
    void busyChanged(bool busy);
    void integrityChecked(bool ok);
    void quitRequested(); // at start-up only
    void openFailed(const QString &message);

private:
    void runIntegrityCheck(bool quiet);
    // Runs a cancellable copy on a worker thread; reports a failure (not a cancel) under failureTitle.
    void runCopy(const QString &label, const QString &failureTitle,
                 std::function<Status(const storage::ProgressFn &, const std::atomic_bool *)> work,
                 std::function<void()> onSuccess, std::function<void()> onFailure = {});
    void setBusy(bool busy);
    bool refuseIfBusy();
    QWidget *window() const { return m_window; }

    AppSession &m_session;
    QPointer<QWidget> m_window;
    bool m_busy = false;
};

} // namespace lux::ui
