// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/sqlitefile.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace lux::ui {

// Runs disk work on a worker thread with a progress dialog that appears after a short delay and can
// cancel it. The work gets a progress callback and a cancel flag; `done` runs on the GUI thread.
class BackgroundTask : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<Status(const storage::ProgressFn &, const std::atomic_bool *)>;
    using Done = std::function<void(const Status &)>;

    // The task deletes itself when done.
    static BackgroundTask *start(QWidget *parent, const QString &label, Work work, Done done,
                                 bool cancellable = true);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void finished();

private:
    BackgroundTask(QWidget *parent, const QString &label, bool cancellable);

    QPointer<QProgressDialog> m_dialog;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace lux::ui
