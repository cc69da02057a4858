// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediastore.h"

#include "common/errorcodes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSet>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lux::tracker {

namespace {

constexpr QByteArrayView kJpeg("image/jpeg");
constexpr QByteArrayView kPng("image/png");
constexpr QByteArrayView kGif("image/gif");
constexpr qsizetype kHeadBytes = 16;
constexpr qint64 kDayMs = 86'400'000;
// Temporary files start with a dot: never 64 hex digits, so never taken for a picture.
constexpr char kUploadPrefix[] = ".upload-";

bool fsyncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// A regular file's size; -1 for anything else.
qint64 fileSize(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    return qint64(st.st_size);
}

} // namespace

bool isMediaType(QByteArrayView mime)
{
    return mime == kJpeg || mime == kPng || mime == kGif;
}

bool magicMatches(QByteArrayView mime, QByteArrayView head)
{
    if (mime == kJpeg)
        return head.startsWith(QByteArrayView("\xff\xd8\xff", 3));
    if (mime == kPng)
        return head.startsWith(QByteArrayView("\x89PNG\r\n\x1a\n", 8));
    if (mime == kGif)
        return head.startsWith(QByteArrayView("GIF87a")) || head.startsWith(QByteArrayView("GIF89a"));
    return false;
}

bool isSha256Hex(QByteArrayView s)
{
    if (s.size() != 64)
        return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

MediaUpload::~MediaUpload()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_path.isEmpty())
        ::unlink(QFile::encodeName(m_path).constData()); // not committed: gone
}

bool MediaUpload::write(const char *data, size_t size)
{
    if (m_fd < 0)
        return false;
    m_hash.addData(QByteArrayView(data, qsizetype(size)));
    if (m_head.size() < kHeadBytes)
        m_head.append(data, std::min<qsizetype>(qsizetype(size), kHeadBytes - m_head.size()));
    m_size += qint64(size);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(m_fd);
            m_fd = -1;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

QByteArray MediaUpload::sha256Hex() const
{
    return m_hash.result().toHex();
}

bool MediaUpload::finish()
{
    if (m_fd < 0)
        return false;
    const bool synced = ::fsync(m_fd) == 0;
    const bool closed = ::close(m_fd) == 0;
    m_fd = -1;
    return synced && closed;
}

MediaStore::MediaStore(QString dbPath, QString folder, Options options)
    : m_dbPath(std::move(dbPath)), m_folder(std::move(folder)), m_options(options)
{
}

MediaStore::~MediaStore()
{
    stop();
    for (sqlite3_stmt *s : {m_bySha, m_byId, m_insert, m_touch})
        sqlite3_finalize(s);
    sqlite3_close_v2(m_db);
}

Error MediaStore::failure(const QString &what) const
{
    return Error(errc::trackerStore, m_db ? QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(m_db))) : what);
}

Status MediaStore::start()
{
    if (!QDir().mkpath(m_folder))
        return Error(errc::ioWrite, QStringLiteral("the media folder %1 cannot be made").arg(m_folder));
    if (sqlite3_open_v2(m_dbPath.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK)
        return failure(QStringLiteral("cannot open %1").arg(m_dbPath));
    sqlite3_busy_timeout(m_db, 10'000);
    // Its own table, made if missing: no schema version of the event store's (eventstore.cpp) to
    // raise, and a tracker from before media simply ignores it.
    const char *schema = "PRAGMA journal_mode=WAL;"
                         "PRAGMA synchronous=FULL;"
                         "CREATE TABLE IF NOT EXISTS media("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " sha256 TEXT NOT NULL UNIQUE,"
                         " type TEXT NOT NULL,"
                         " size INTEGER NOT NULL,"
                         " created_at INTEGER NOT NULL,"
                         " last_put_at INTEGER NOT NULL);"
                         "CREATE INDEX IF NOT EXISTS media_last_put ON media(last_put_at);";
    if (sqlite3_exec(m_db, schema, nullptr, nullptr, nullptr) != SQLITE_OK)
        return failure(QStringLiteral("cannot set up the media table in %1").arg(m_dbPath));
    const char *const sql[] = {
        "SELECT id, sha256, type, size, created_at, last_put_at FROM media WHERE sha256 = ?",
        "SELECT id, sha256, type, size, created_at, last_put_at FROM media WHERE id = ?",
        "INSERT INTO media(sha256, type, size, created_at, last_put_at) VALUES (?,?,?,?,?)",
        "UPDATE media SET last_put_at = max(last_put_at, ?) WHERE id = ?",
    };
    sqlite3_stmt **out[] = {&m_bySha, &m_byId, &m_insert, &m_touch};
    for (size_t i = 0; i < std::size(sql); ++i)
        if (sqlite3_prepare_v3(m_db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, out[i], nullptr) != SQLITE_OK)
            return failure(QStringLiteral("cannot prepare the media statements"));
    if (Status s = tidy(); !s)
        return s;
    const auto swept = sweep(QDateTime::currentMSecsSinceEpoch());
    if (!swept)
        return swept.error();
    m_sweeper = std::thread([this] { run(); });
    return {};
}

void MediaStore::stop()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_sweeper.joinable())
        m_sweeper.join();
}

void MediaStore::run()
{
    std::unique_lock lock(m_wakeMutex);
    while (!m_wake.wait_for(lock, m_options.sweepInterval, [this] { return m_stopping; })) {
        lock.unlock();
        if (const auto swept = sweep(QDateTime::currentMSecsSinceEpoch()); !swept)
            std::fprintf(stderr, "lux-tracker: the media sweep failed: %s\n", qPrintable(swept.error().message));
        lock.lock();
    }
}

QString MediaStore::filePath(QByteArrayView sha256) const
{
    return m_folder + u'/' + QString::fromLatin1(sha256);
}

Result<std::unique_ptr<MediaUpload>> MediaStore::begin()
{
    QByteArray name = QFile::encodeName(m_folder + u'/' + QLatin1StringView(kUploadPrefix)) + "XXXXXX";
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0)
        return Error(errc::ioWrite, QStringLiteral("cannot make a file in %1: %2").arg(m_folder, QString::fromLocal8Bit(std::strerror(errno))));
    return std::unique_ptr<MediaUpload>(new MediaUpload(fd, QFile::decodeName(name)));
}

std::optional<MediaItem> MediaStore::find(sqlite3_stmt *query)
{
    std::optional<MediaItem> found;
    if (sqlite3_step(query) == SQLITE_ROW) {
        const auto text = [&](int column) {
            return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(query, column)), sqlite3_column_bytes(query, column));
        };
        found = MediaItem{.id = sqlite3_column_int64(query, 0),
                          .sha256 = text(1),
                          .type = text(2),
                          .size = sqlite3_column_int64(query, 3),
                          .createdAt = sqlite3_column_int64(query, 4),
                          .lastPutAt = sqlite3_column_int64(query, 5)};
    }
    sqlite3_reset(query);
    return found;
}

Result<MediaStore::Stored> MediaStore::commit(std::unique_ptr<MediaUpload> upload, const QByteArray &sha256, const QByteArray &type,
                                              qint64 nowMs)
{
    // Durable before it has its name, and outside the lock: 16 MiB take a moment to reach the disk.
    if (!upload->finish())
        return Error(errc::ioWrite, QStringLiteral("the upload could not be written to %1").arg(m_folder));
    const QString target = filePath(sha256);
    std::lock_guard lock(m_mutex);
    sqlite3_bind_text(m_bySha, 1, sha256.constData(), int(sha256.size()), SQLITE_STATIC);
    std::optional<MediaItem> existing = find(m_bySha);
    const bool onDisk = existing && fileSize(target) == existing->size;
    if (!onDisk) {
        // The same name is the same bytes: replacing a file a GET is sending changes nothing it sends.
        if (::rename(QFile::encodeName(upload->m_path).constData(), QFile::encodeName(target).constData()) != 0)
            return Error(errc::ioWrite, QStringLiteral("cannot rename the upload to %1: %2").arg(target, QString::fromLocal8Bit(std::strerror(errno))));
        upload->m_path.clear(); // it is the picture now
        if (!fsyncPath(m_folder))
            return Error(errc::ioWrite, QStringLiteral("cannot sync the folder %1").arg(m_folder));
    }
    if (existing) {
        sqlite3_bind_int64(m_touch, 1, nowMs);
        sqlite3_bind_int64(m_touch, 2, existing->id);
        const bool touched = sqlite3_step(m_touch) == SQLITE_DONE;
        sqlite3_reset(m_touch);
        if (!touched)
            return failure(QStringLiteral("cannot mark picture %1 as put again").arg(existing->id));
        existing->lastPutAt = std::max(existing->lastPutAt, nowMs);
        return Stored{*existing, false};
    }
    sqlite3_bind_text(m_insert, 1, sha256.constData(), int(sha256.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_insert, 2, type.constData(), int(type.size()), SQLITE_STATIC);
    sqlite3_bind_int64(m_insert, 3, upload->size());
    sqlite3_bind_int64(m_insert, 4, nowMs);
    sqlite3_bind_int64(m_insert, 5, nowMs);
    const bool inserted = sqlite3_step(m_insert) == SQLITE_DONE;
    sqlite3_reset(m_insert);
    if (!inserted) {
        const Error why = failure(QStringLiteral("cannot record the picture"));
        ::unlink(QFile::encodeName(target).constData()); // a file without a row would only be tidied away
        return why;
    }
    return Stored{MediaItem{.id = sqlite3_last_insert_rowid(m_db),
                            .sha256 = sha256,
                            .type = type,
                            .size = upload->size(),
                            .createdAt = nowMs,
                            .lastPutAt = nowMs},
                  true};
}

std::optional<MediaItem> MediaStore::bySha(const QByteArray &sha256, qint64 touchAtMs)
{
    std::lock_guard lock(m_mutex);
    sqlite3_bind_text(m_bySha, 1, sha256.constData(), int(sha256.size()), SQLITE_STATIC);
    std::optional<MediaItem> item = find(m_bySha);
    if (!item || !QFile::exists(filePath(sha256)))
        return std::nullopt;
    if (touchAtMs > 0) {
        sqlite3_bind_int64(m_touch, 1, touchAtMs);
        sqlite3_bind_int64(m_touch, 2, item->id);
        if (sqlite3_step(m_touch) == SQLITE_DONE)
            item->lastPutAt = std::max(item->lastPutAt, touchAtMs);
        sqlite3_reset(m_touch);
    }
    return item;
}

std::optional<MediaItem> MediaStore::byId(qint64 id)
{
    std::lock_guard lock(m_mutex);
    sqlite3_bind_int64(m_byId, 1, id);
    return find(m_byId);
}

Result<int> MediaStore::sweep(qint64 nowMs)
{
    const qint64 cutoff = nowMs - qint64(m_options.retentionDays) * kDayMs;
    std::lock_guard lock(m_mutex);
    QList<QByteArray> names;
    {
        sqlite3_stmt *q = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT sha256 FROM media WHERE last_put_at < ?", -1, &q, nullptr) != SQLITE_OK)
            return failure(QStringLiteral("cannot look for old pictures"));
        sqlite3_bind_int64(q, 1, cutoff);
        while (sqlite3_step(q) == SQLITE_ROW)
            names.append(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(q, 0)), sqlite3_column_bytes(q, 0)));
        sqlite3_finalize(q);
    }
    if (names.isEmpty())
        return 0;
    // The rows first: a crash between the two leaves files without rows, which tidy() removes.
    sqlite3_stmt *del = nullptr;
    if (sqlite3_prepare_v2(m_db, "DELETE FROM media WHERE last_put_at < ?", -1, &del, nullptr) != SQLITE_OK)
        return failure(QStringLiteral("cannot remove old pictures"));
    sqlite3_bind_int64(del, 1, cutoff);
    const bool deleted = sqlite3_step(del) == SQLITE_DONE;
    sqlite3_finalize(del);
    if (!deleted)
        return failure(QStringLiteral("cannot remove old pictures"));
    for (const QByteArray &name : std::as_const(names))
        if (isSha256Hex(name))
            ::unlink(QFile::encodeName(filePath(name)).constData());
    std::fprintf(stderr, "lux-tracker: media sweep: %lld not put for %d days removed\n", static_cast<long long>(names.size()),
                 m_options.retentionDays);
    return int(names.size());
}

Status MediaStore::tidy()
{
    std::lock_guard lock(m_mutex);
    QSet<QByteArray> known;
    QList<qint64> missing;
    {
        sqlite3_stmt *q = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT id, sha256, size FROM media", -1, &q, nullptr) != SQLITE_OK)
            return failure(QStringLiteral("cannot read the media table"));
        while (sqlite3_step(q) == SQLITE_ROW) {
            const QByteArray sha(reinterpret_cast<const char *>(sqlite3_column_text(q, 1)), sqlite3_column_bytes(q, 1));
            if (fileSize(filePath(sha)) == sqlite3_column_int64(q, 2))
                known.insert(sha);
            else
                missing.append(sqlite3_column_int64(q, 0));
        }
        sqlite3_finalize(q);
    }
    // Rows whose file is gone (or cut short): the app's HEAD then says 404 and it uploads again.
    for (const qint64 id : std::as_const(missing)) {
        sqlite3_stmt *del = nullptr;
        if (sqlite3_prepare_v2(m_db, "DELETE FROM media WHERE id = ?", -1, &del, nullptr) != SQLITE_OK)
            return failure(QStringLiteral("cannot tidy the media table"));
        sqlite3_bind_int64(del, 1, id);
        sqlite3_step(del);
        sqlite3_finalize(del);
    }
    // Uploads a crash interrupted, and files renamed into place whose row was never written.
    const QDir dir(m_folder);
    int removed = 0;
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        const QByteArray latin = name.toLatin1();
        if (name.startsWith(QLatin1StringView(kUploadPrefix)) || (isSha256Hex(latin) && !known.contains(latin))) {
            if (QFile::remove(dir.filePath(name)))
                ++removed;
        }
    }
    if (removed > 0 || !missing.isEmpty())
        std::fprintf(stderr, "lux-tracker: media folder tidied: %d stray files removed, %lld rows without their file dropped\n", removed,
                     static_cast<long long>(missing.size()));
    return {};
}

} // namespace lux::tracker
