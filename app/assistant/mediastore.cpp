// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediastore.h"

#include "common/imageformat.h"
#include "storage/sqlvalues.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

namespace lux::assistant {

namespace {

MediaItem itemFrom(const QSqlQuery &q, bool withData)
{
    MediaItem m;
    m.id = q.value(0).toLongLong();
    m.name = q.value(1).toString();
    m.mime = q.value(2).toString();
    m.size = QSize(q.value(3).toInt(), q.value(4).toInt());
    m.alt = q.value(5).toString();
    m.prompt = q.value(6).toString();
    m.source = q.value(7).toString();
    m.createdAt = q.value(8).toLongLong();
    if (withData)
        m.data = q.value(9).toByteArray();
    return m;
}

} // namespace

QString MediaStore::contentId(qint64 id)
{
    return QStringLiteral("media-%1").arg(id);
}

Result<qint64> MediaStore::add(const MediaItem &item, std::optional<qint64> byUser)
{
    if (item.data.size() > kMaxBytes)
        return Error(QStringLiteral("media.too-large"), tr("The image “%1” is %2 MB; images in emails must be under %3 MB.")
                                                           .arg(item.name)
                                                           .arg(double(item.data.size()) / 1e6, 0, 'f', 1)
                                                           .arg(kMaxBytes / 1'000'000));
    const ImageFormat format = ImageFormat::of(item.data);
    const QString &mime = format.mime;
    const QSize &size = format.size;
    if (!size.isValid() || size.isEmpty())
        return Error(QStringLiteral("media.not-image"), tr("“%1” is not a PNG, JPEG or GIF image.").arg(item.name));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(item.data, QCryptographicHash::Sha256).toHex());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM media WHERE sha256 = ?"));
    q.addBindValue(sha);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (q.next())
        return q.value(0).toLongLong();
    q.prepare(QStringLiteral("INSERT INTO media (name, mime, data, width, height, alt, prompt, source, sha256, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(storage::notNull(item.name.trimmed().isEmpty() ? tr("Image") : item.name.trimmed()));
    q.addBindValue(mime);
    q.addBindValue(item.data);
    q.addBindValue(size.width());
    q.addBindValue(size.height());
    q.addBindValue(storage::notNull(item.alt.trimmed()));
    q.addBindValue(storage::notNull(item.prompt));
    q.addBindValue(item.source == u"ai" ? QStringLiteral("ai") : QStringLiteral("file"));
    q.addBindValue(sha);
    q.addBindValue(item.createdAt > 0 ? item.createdAt : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec())
        return storage::queryError(q);
    return q.lastInsertId().toLongLong();
}

Result<MediaItem> MediaStore::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, mime, width, height, alt, prompt, source, created_at, data FROM media WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QStringLiteral("media.not-found"), tr("There is no image %1 in the media library.").arg(id));
    return itemFrom(q, true);
}

Result<QList<MediaItem>> MediaStore::list(bool withData) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, mime, width, height, alt, prompt, source, created_at")
                + (withData ? QStringLiteral(", data") : QString()) + QStringLiteral(" FROM media ORDER BY created_at DESC, id DESC")))
        return storage::queryError(q, QString(errc::dbRead));
    QList<MediaItem> out;
    while (q.next())
        out << itemFrom(q, withData);
    return out;
}

QHash<QString, MediaItem> MediaStore::referencedBy(const QString &html) const
{
    static const QRegularExpression ref(QStringLiteral("cid:media-(\\d{1,18})\\b"), QRegularExpression::CaseInsensitiveOption);
    QHash<QString, MediaItem> out;
    for (auto it = ref.globalMatch(html); it.hasNext();) {
        const qint64 id = it.next().captured(1).toLongLong();
        if (out.contains(contentId(id)))
            continue;
        if (Result<MediaItem> item = find(id))
            out.insert(contentId(id), std::move(item).value());
    }
    return out;
}

} // namespace lux::assistant
