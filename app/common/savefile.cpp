// SPDX-License-Identifier: GPL-3.0-or-later
#include "savefile.h"

#include "common/errorcodes.h"

#include <QDir>
#include <QFileInfo>

namespace lux {

SaveFile::SaveFile(const QString &path) : m_path(path), m_file(path) {}

Status SaveFile::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return failure();
    return {};
}

Status SaveFile::commit()
{
    if (!m_file.commit())
        return failure();
    return {};
}

Error SaveFile::failure(const QString &cause) const
{
    return Error(errc::ioWrite, tr("%1 was not written: %2").arg(QDir::toNativeSeparators(m_path), cause));
}

Error SaveFile::failure() const
{
    // Qt reports ENOSPC as a resource error; said plainly, the user knows to free space rather
    // than pick another folder.
    if (m_file.error() == QFileDevice::ResourceError)
        return Error(errc::ioDiskFull, tr("%1 was not written: the disk is full.").arg(QDir::toNativeSeparators(m_path)));
    const QDir folder = QFileInfo(m_path).absoluteDir();
    if (!folder.exists())
        return failure(tr("the folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.path())));
    return failure(m_file.errorString());
}

Status saveToFile(const QString &path, const QByteArray &data)
{
    return saveToFile(path, [&data](QIODevice &out) -> Status {
        out.write(data);
        return {};
    });
}

Status saveToFile(const QString &path, const std::function<Status(QIODevice &)> &write)
{
    SaveFile file(path);
    if (Status s = file.open(); !s)
        return s;
    if (Status s = write(file.device()); !s)
        return s; // the temporary file goes with `file`
    return file.commit();
}

} // namespace lux
