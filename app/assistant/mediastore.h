// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSize>
#include <QSqlDatabase>

#include <optional>

namespace lux::assistant {

struct MediaItem
{
    qint64 id = 0;
    QString name;
    QString mime; // image/png, image/jpeg, image/gif
    QByteArray data;
    QSize size;
    QString alt;
    QString prompt; // what it was generated from (source "ai")
    QString source = QStringLiteral("file"); // "ai" or "file"
    qint64 createdAt = 0;
};

// The media library: images kept in the database (migration 15) so a shared database carries them.
// A template shows one as <img src="cid:media-ID">: the preview and the campaign's message take the
// bytes from here (an inline part of the message).
class MediaStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::MediaStore)
public:
    static constexpr qint64 kMaxBytes = 8 * 1024 * 1024; // an inline image larger than this is a mistake

    explicit MediaStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // The same bytes twice are one item (its id is returned).
    Result<qint64> add(const MediaItem &item, std::optional<qint64> byUser);
    Result<MediaItem> find(qint64 id) const;
    Result<QList<MediaItem>> list(bool withData = false) const; // newest first

    // "media-12": the Content-ID a template refers to it by (src="cid:media-12").
    static QString contentId(qint64 id);
    // The media a piece of HTML refers to: Content-ID → bytes (for the preview and the message).
    QHash<QString, MediaItem> referencedBy(const QString &html) const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::assistant
