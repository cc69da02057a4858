// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundsave.h"

#include "common/savefile.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

void saveInBackground(QObject *context, const QString &path, QByteArray bytes, std::function<void(const QString &error)> done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        const QString error = watcher->result();
        watcher->deleteLater();
        done(error);
    });
    watcher->setFuture(QtConcurrent::run([path, bytes = std::move(bytes)]() -> QString {
        const Status saved = saveToFile(path, bytes);
        return saved ? QString() : saved.error().message;
    }));
}

} // namespace lux::ui
