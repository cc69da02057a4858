// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace lux::ui {

// Writes `bytes` to `path` on a pooled thread (saveToFile: whole or not at all), then calls `done` on
// the context's thread with the error's words, empty when it was saved; not when the context is gone.
// For exports: the disk is never written from the GUI thread.
void saveInBackground(QObject *context, const QString &path, QByteArray bytes, std::function<void(const QString &error)> done);

} // namespace lux::ui
