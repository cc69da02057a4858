// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

struct sqlite3;
struct sqlite3_stmt;

namespace lux::tracker {

// The pictures of social posts (docs/tracker.md, "Media for social posts"): Instagram and Facebook
// fetch a post's pictures by URL, and a desktop has no public address, so lux-tracker keeps them.
// The types both networks fetch; everything else is refused before a byte of body is read.
bool isMediaType(QByteArrayView mime);
// Whether `head`, a file's first bytes, is how a file of `mime` starts (JPEG FF D8 FF, PNG's
// 8-byte signature, GIF87a or GIF89a).
bool magicMatches(QByteArrayView mime, QByteArrayView head);
// 64 lower-case hexadecimal digits: a picture's name, on disk and in the API's path.
bool isSha256Hex(QByteArrayView s);

struct MediaItem
{
    qint64 id = 0; // never reused: a swept picture's old addresses never show another
    QByteArray sha256;
    QByteArray type;
    qint64 size = 0;
    qint64 createdAt = 0; // ms since the epoch
    qint64 lastPutAt = 0; // the last PUT, or HEAD through the API (the app skipped its PUT for it)
};

// One upload on its way to disk: a temporary file in the media folder, its SHA-256 taken as the
// bytes arrive (nothing is held in memory). Removed with this object unless MediaStore::commit()
// renamed it into place.
class MediaUpload
{
public:
    ~MediaUpload();
    MediaUpload(const MediaUpload &) = delete;
    MediaUpload &operator=(const MediaUpload &) = delete;

    bool write(const char *data, size_t size); // false: the disk refused (full?); the upload is lost
    qint64 size() const { return m_size; }
    QByteArray sha256Hex() const; // of everything written
    QByteArrayView head() const { return m_head; }

private:
    friend class MediaStore;
    MediaUpload(int fd, QString path) : m_fd(fd), m_path(std::move(path)) {}
    bool finish(); // fsync and close: durable before it is renamed into place

    int m_fd = -1;
    QString m_path;
    qint64 m_size = 0;
    QByteArray m_head; // the first bytes, for the magic
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

// The pictures on disk (`<folder>/<sha256>`, written to a temporary file and renamed into place)
// and a `media` table in the tracker's SQLite (its own connection, WAL, synchronous=FULL, as the
// event store's). The table is created if missing and needs no schema version: an older tracker
// ignores it. Thread-safe: the request threads share one connection under a mutex; each call is a
// statement or two.
//
// Pictures not PUT (nor asked for with HEAD) for `retentionDays` are removed: at start, then every
// `sweepInterval`. At start it also tidies what a crash can leave: temporary files, files without a
// row, rows without a file.
class MediaStore
{
public:
    struct Options
    {
        int retentionDays = 30;
        std::chrono::milliseconds sweepInterval = std::chrono::hours(24);
    };
    struct Stored
    {
        MediaItem item;
        bool created = false; // false: the same bytes were there already
    };

    MediaStore(QString dbPath, QString folder, Options options);
    ~MediaStore();

    Status start();
    void stop();

    const QString &folder() const { return m_folder; }
    QString filePath(QByteArrayView sha256) const;

    // A temporary file for an upload's body.
    Result<std::unique_ptr<MediaUpload>> begin();
    // The upload under its name, checked by the caller (the SHA-256 and the type match it). The same
    // bytes again: the row as it was, its last_put_at moved.
    Result<Stored> commit(std::unique_ptr<MediaUpload> upload, const QByteArray &sha256, const QByteArray &type, qint64 nowMs);
    // A picture by name; `touchAtMs` > 0 also moves its last_put_at (the API's HEAD). A row whose
    // file has gone is not a picture.
    std::optional<MediaItem> bySha(const QByteArray &sha256, qint64 touchAtMs = 0);
    std::optional<MediaItem> byId(qint64 id);
    // Removes every picture not PUT since nowMs - retention; how many.
    Result<int> sweep(qint64 nowMs);

private:
    std::optional<MediaItem> find(sqlite3_stmt *query);
    Status tidy();
    void run();
    Error failure(const QString &what) const;

    QString m_dbPath, m_folder;
    Options m_options;
    std::mutex m_mutex; // the connection and the folder's renames and removals
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_bySha = nullptr;
    sqlite3_stmt *m_byId = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_touch = nullptr;

    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_sweeper;
};

} // namespace lux::tracker
