// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <functional>
#include <memory>

namespace lux {

class WriteAllDevice;

// The one way the app writes a file the user asked for (exports, reports, rendered templates, an
// import's rejected rows): into a temporary file beside it, renamed over the old one only once every
// byte is on disk. A failed, cancelled or interrupted write leaves the old file as it was and no
// half-written one behind. Errors name the file and the cause, a full disk as such.
class SaveFile
{
    Q_DECLARE_TR_FUNCTIONS(lux::SaveFile)
    Q_DISABLE_COPY_MOVE(SaveFile)
public:
    explicit SaveFile(const QString &path);
    ~SaveFile();

    Status open();
    // Buffered; a write that fails, even halfway, is remembered and reported by commit(), so a long
    // export need not check every write.
    QIODevice &device();
    Status commit();

    // For a caller whose own step failed after open() (encoding an image, say): the same wording.
    Error failure(const QString &cause) const;

private:
    Error failure() const;

    QString m_path;
    QSaveFile m_file;
    std::unique_ptr<WriteAllDevice> m_device;
};

Status saveToFile(const QString &path, const QByteArray &data);
// For exports written as they are produced (a CSV of a million contacts): `write` fills the device;
// when it returns an error (a cancel, a failed query), the file is discarded and that error returned.
Status saveToFile(const QString &path, const std::function<Status(QIODevice &)> &write);

} // namespace lux
