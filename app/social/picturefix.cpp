// SPDX-License-Identifier: GPL-3.0-or-later
#include "picturefix.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace lux::social {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / 1'000'000.0, 'f', 1);
}

QString ratioName(QSize ratio)
{
    // 4:5 as people say it; 191:100 as 1.91:1.
    if (ratio.height() == 100)
        return QLocale().toString(double(ratio.width()) / 100.0, 'f', 2) + QStringLiteral(":1");
    return QStringLiteral("%1:%2").arg(ratio.width()).arg(ratio.height());
}

// The largest centred part of `image` within Instagram's ratios (the image itself when it is within).
QImage cropToInstagram(const QImage &image, QSize *ratio)
{
    const qint64 w = image.width();
    const qint64 h = image.height();
    if (PostChecks::instagramRatioOk(image.size()))
        return image;
    const QSize tallest = PostChecks::kInstagramTallest;
    const QSize widest = PostChecks::kInstagramWidest;
    if (w * tallest.height() < h * tallest.width()) {
        // Too tall: the whole width, the height that makes the tallest ratio (rounded down, so within).
        const int height = int(w * tallest.height() / tallest.width());
        *ratio = tallest;
        return image.copy(0, int((h - height) / 2), int(w), height);
    }
    const int width = int(h * widest.width() / widest.height());
    *ratio = widest;
    return image.copy(int((w - width) / 2), 0, width, int(h));
}

bool hasTransparency(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(line[x]) < 255)
                return true;
    }
    return false;
}

QByteArray encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return {};
    return bytes;
}

} // namespace

QString FixedPicture::summary() const
{
    return changes.join(QStringLiteral(", "));
}

bool PictureFix::cures(Network network, const Finding &finding)
{
    if (network != Network::Instagram || !finding.blocking || finding.item < 0 || finding.field != Finding::Field::Media)
        return false;
    return finding.code == u"instagram.format" || finding.code == u"instagram.mpo" || finding.code == u"instagram.media_size"
        || finding.code == u"instagram.ratio";
}

FixedPicture PictureFix::forInstagram(const QByteArray &data)
{
    FixedPicture out;
    // Nothing to do when Instagram takes it: the same bytes, not a second-generation JPEG.
    const MediaFacts facts = MediaFacts::of(QString(), data);
    const PostCheck asItIs = PostChecks::check(Network::Instagram, QString(), {facts});
    if (std::none_of(asItIs.findings.cbegin(), asItIs.findings.cend(), [](const Finding &f) { return cures(Network::Instagram, f); })
        && !facts.format.mime.isEmpty()) {
        out.data = data;
        out.size = facts.format.shownSize();
        return out;
    }

    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // a phone's portrait JPEG is stored sideways with an EXIF orientation
    const QString format = QString::fromLatin1(reader.format()).toUpper();
    QImage image = reader.read();
    if (image.isNull()) {
        out.error = tr("This is not a picture LUX can read (JPEG, PNG or GIF).");
        return out;
    }
    if (facts.format.mime == u"image/jpeg" && facts.format.orientation != 1)
        out.changes << tr("turned upright");

    QSize ratio;
    image = cropToInstagram(image, &ratio);
    if (ratio.isValid())
        out.changes << tr("cropped to %1").arg(ratioName(ratio));

    if (hasTransparency(image))
        out.changes << tr("flattened its transparency onto white");
    // JPEG has no alpha: whatever shows through is white, as on a page.
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    {
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
    }
    image = flat;

    if (facts.format.multiPicture)
        out.changes << tr("converted the multi-picture JPEG (MPO) to a plain JPEG");
    else if (facts.format.mime != u"image/jpeg")
        out.changes << (format.isEmpty() ? tr("converted to JPEG") : tr("converted %1 to JPEG").arg(format));

    // Under Instagram's size: a lower quality first, then fewer pixels.
    int quality = kJpegQuality;
    bool scaled = false;
    QByteArray jpeg = encodeJpeg(image, quality);
    while (!jpeg.isEmpty() && jpeg.size() > PostChecks::kInstagramBytes) {
        if (quality > kLowestJpegQuality) {
            quality = std::max(kLowestJpegQuality, quality - 10);
        } else {
            const double factor = std::sqrt(double(PostChecks::kInstagramBytes) / double(jpeg.size())) * 0.9;
            const QSize smaller(std::max(1, int(image.width() * factor)), std::max(1, int(image.height() * factor)));
            image = image.scaled(smaller, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            QSize unused;
            image = cropToInstagram(image, &unused); // rounding may have moved it out of the ratios by a pixel
            quality = kJpegQuality;
            scaled = true;
        }
        jpeg = encodeJpeg(image, quality);
    }
    if (jpeg.isEmpty()) {
        out.error = tr("LUX could not write the picture as a JPEG.");
        return out;
    }
    if (scaled)
        out.changes << tr("scaled down to %1 × %2 to stay under %3 MB")
                           .arg(image.width())
                           .arg(image.height())
                           .arg(megabytes(PostChecks::kInstagramBytes));
    else if (facts.bytes > PostChecks::kInstagramBytes)
        out.changes << tr("made smaller (%1 MB) to stay under %2 MB").arg(megabytes(jpeg.size()), megabytes(PostChecks::kInstagramBytes));
    out.data = jpeg;
    out.size = image.size();
    return out;
}

} // namespace lux::social
