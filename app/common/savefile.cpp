// SPDX-License-Identifier: GPL-3.0-or-later
#include "savefile.h"

#include "common/errorcodes.h"

#include <QDir>
#include <QFileInfo>

namespace lux {

// What callers write to: a buffer in front of the unbuffered QSaveFile that writes every byte or
// fails. QFile reports a short write (the disk filled up, a file size limit) as the bytes it did
// write and no error, so a single large write could otherwise be committed cut short.
class WriteAllDevice final : public QIODevice
{
public:
    explicit WriteAllDevice(QSaveFile &file) : m_file(file) {}

    bool flushAll()
    {
        if (!m_failed && !m_buffer.isEmpty())
            writeOut();
        return !m_failed;
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        if (m_failed)
            return -1;
        m_buffer.append(data, len);
        if (m_buffer.size() >= kChunk)
            writeOut();
        return m_failed ? -1 : len;
    }

private:
    static constexpr qsizetype kChunk = 256 * 1024;

    void writeOut()
    {
        qsizetype done = 0;
        while (done < m_buffer.size()) {
            const qint64 n = m_file.write(m_buffer.constData() + done, m_buffer.size() - done);
            if (n <= 0) {
                m_failed = true; // the QSaveFile keeps the cause
                break;
            }
            done += qsizetype(n);
        }
        m_buffer.clear();
    }

    QSaveFile &m_file;
    QByteArray m_buffer;
    bool m_failed = false;
};

SaveFile::SaveFile(const QString &path) : m_path(path), m_file(path), m_device(std::make_unique<WriteAllDevice>(m_file)) {}

SaveFile::~SaveFile() = default;

QIODevice &SaveFile::device()
{
    return *m_device;
}

Status SaveFile::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failure();
    m_device->open(QIODevice::WriteOnly);
    return {};
}

Status SaveFile::commit()
{
    // Not committed, the temporary file goes with m_file and the old file stays.
    if (!m_device->flushAll())
        return failure();
    if (!m_file.commit())
        return failure();
    return {};
}

Error SaveFile::failure(const QString &cause) const
{
    return Error(errc::ioWrite, tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(m_path), cause));
}

Error SaveFile::failure() const
{
    // Qt reports ENOSPC as a resource error; said plainly, the user knows to free space rather
    // than pick another folder.
    if (m_file.error() == QFileDevice::ResourceError)
        return Error(errc::ioDiskFull, tr("%1 could not be written: the disk is full.").arg(QDir::toNativeSeparators(m_path)));
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
