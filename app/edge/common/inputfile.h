// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>

namespace lux {

// The one way the app opens a file the user named for reading (a CSV to import, a template, an image
// the preview loads, a rules file). Only a regular file is read: the path is opened non-blocking, so a
// FIFO with no writer cannot hang the caller, then checked with fstat on the descriptor it opened (no
// race between the check and the read), and a directory, a device (/dev/zero), a socket or a FIFO is
// refused by name. A file larger than the caller's limit is refused before a byte is read, and a file
// that grows while it is read is cut at the limit and refused, so memory stays bounded either way.
class InputFile
{
    Q_DECLARE_TR_FUNCTIONS(lux::InputFile)
public:
    // The opened file, positioned at its start, for callers that stream (the CSV reader).
    static Result<std::unique_ptr<QFile>> open(const QString &path, qint64 maxBytes);
    // The whole content, for callers that need it in memory (a template, an image).
    static Result<QByteArray> read(const QString &path, qint64 maxBytes);
    // The rest of a file open() gave, cut at maxBytes and refused if it grew past them.
    static Result<QByteArray> readAll(QFile &file, const QString &path, qint64 maxBytes);

    // Where an open file is, every link resolved, as the kernel opened it (Linux's /proc/self/fd):
    // a caller that lets only some folders be read checks this after opening, so no link swapped in
    // between a check of the name and the open can lead elsewhere. Empty when it cannot be told.
    static QString openedPath(const QFile &file);

    // "12.5 MB", "800 KB": how limits are written in messages.
    static QString formatSize(qint64 bytes);
};

} // namespace lux
