// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundtask.h"

#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

BackgroundTask::BackgroundTask(QWidget *parent, const QString &label, bool cancellable)
    : QObject(parent), m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_dialog = new QProgressDialog(label, cancellable ? tr("Cancel") : QString(), 0, 0, parent);
    m_dialog->setWindowTitle(tr("LUX Marketing"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(400);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    if (!cancellable)
        m_dialog->setCancelButton(nullptr);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] {
        m_cancel->store(true);
        m_dialog->setLabelText(tr("Cancelling…"));
    });
    connect(this, &BackgroundTask::progressed, this, [this](qint64 done, qint64 total) {
        if (!m_dialog || total <= 0)
            return;
        // Scale to per-mille: QProgressDialog takes int.
        m_dialog->setMaximum(1000);
        m_dialog->setValue(int(done * 1000 / total));
    });
}

BackgroundTask *BackgroundTask::start(QWidget *parent, const QString &label, Work work, Done done, bool cancellable)
{
    auto *task = new BackgroundTask(parent, label, cancellable);
    auto *watcher = new QFutureWatcher<Status>(task);
    connect(watcher, &QFutureWatcher<Status>::finished, task, [task, watcher, done = std::move(done)] {
        if (task->m_dialog)
            task->m_dialog->deleteLater();
        const Status status = watcher->result();
        if (done)
            done(status);
        Q_EMIT task->finished();
        task->deleteLater();
    });
    // The task is deleted only after the work has returned, so the worker may use it; the emission
    // crosses to the GUI thread through a queued connection.
    auto progress = [task](qint64 d, qint64 t) { Q_EMIT task->progressed(d, t); };
    watcher->setFuture(QtConcurrent::run([work = std::move(work), progress, cancel = task->m_cancel] {
        return work(progress, cancel.get());
    }));
    return task;
}

} // namespace lux::ui
