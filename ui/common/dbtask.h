// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/errorcodes.h"
#include "common/result.h"
#include "storage/sqlitefile.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace lux::ui {

// Runs `work` on a pooled thread with a connection of its own to the database file, then hands its
// result (a Status or a Result<T>) to `done` on the context's thread, unless the context is gone by
// then. For short reads and writes the GUI thread must not wait for (the disk may be slow or busy).
template <typename R>
void runOnDatabase(QObject *context, const QString &path, storage::ScopedConnection::Mode mode,
                   std::function<R(QSqlDatabase &)> work, std::function<void(const R &)> done)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, mode, work = std::move(work)]() -> R {
        storage::ScopedConnection conn(path, mode);
        if (!conn.isOpen())
            return R(Error(errc::dbOpenFailed, conn.errorText()));
        return work(conn.db());
    }));
}

} // namespace lux::ui
