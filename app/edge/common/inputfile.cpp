// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputfile.h"

#include "common/errorcodes.h"

#include <QFileInfo>
#include <QLocale>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lux {

namespace {

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();
}

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return InputFile::tr("a folder");
    if (S_ISFIFO(mode))
        return InputFile::tr("a pipe (FIFO)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return InputFile::tr("a device");
    if (S_ISSOCK(mode))
        return InputFile::tr("a socket");
    return InputFile::tr("not a regular file");
}

} // namespace

QString InputFile::formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

Result<std::unique_ptr<QFile>> InputFile::open(const QString &path, qint64 maxBytes)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int err = errno;
        return Error(errc::fileOpen, tr("Cannot open %1: %2.").arg(path, QString::fromLocal8Bit(std::strerror(err))));
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const mode_t mode = st.st_mode;
        ::close(fd);
        return Error(errc::fileNotRegular, tr("%1 is %2, not a file that can be read.").arg(path, kindOf(mode)));
    }
    if (st.st_size > maxBytes)
        return (::close(fd),
                Error(errc::fileTooLarge, tr("%1 is %2; the limit for this kind of file is %3.")
                                              .arg(displayName(path), formatSize(st.st_size), formatSize(maxBytes))));
    // A regular file never blocks; reads are plain from here on.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    auto file = std::make_unique<QFile>();
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error(errc::fileOpen, tr("Cannot open %1: %2.").arg(path, file->errorString()));
    }
    return file;
}

Result<QByteArray> InputFile::read(const QString &path, qint64 maxBytes)
{
    auto file = open(path, maxBytes);
    if (!file)
        return file.error();
    return readAll(**file, path, maxBytes);
}

Result<QByteArray> InputFile::readAll(QFile &file, const QString &path, qint64 maxBytes)
{
    QByteArray data;
    data.reserve(qsizetype(qBound<qint64>(0, file.size() - file.pos(), maxBytes)));
    char chunk[64 * 1024];
    for (;;) {
        const qint64 n = file.read(chunk, sizeof chunk);
        if (n < 0)
            return Error(errc::fileOpen, tr("Cannot read %1: %2.").arg(path, file.errorString()));
        if (n == 0)
            break;
        if (data.size() + n > maxBytes) // it grew while we read it
            return Error(errc::fileTooLarge, tr("%1 is larger than the limit for this kind of file, %2.")
                                                 .arg(displayName(path), formatSize(maxBytes)));
        data.append(chunk, qsizetype(n));
    }
    return data;
}

QString InputFile::openedPath(const QFile &file)
{
    const int fd = file.handle();
    if (fd < 0)
        return {};
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    char target[PATH_MAX];
    const ssize_t n = ::readlink(link.constData(), target, sizeof target);
    if (n <= 0 || size_t(n) >= sizeof target || target[0] != '/')
        return {}; // no /proc, or not a path (a pipe, a socket)
    return QFile::decodeName(QByteArray(target, qsizetype(n)));
}

} // namespace lux
