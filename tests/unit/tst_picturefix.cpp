// SPDX-License-Identifier: GPL-3.0-or-later
// PictureFix::forInstagram: a picture Instagram refuses made into one it takes, each result checked by
// PostChecks itself (no blocking finding), and what it says it did. A tall 1:3 PNG becomes a 4:5 JPEG,
// a wide 3:1 one 1.91:1 (the middle kept); a valid JPEG comes back byte for byte; a transparent PNG is
// flattened onto white; a picture over Instagram's 8 MB is brought under it (as a JPEG, then at a
// lower quality, then with fewer pixels); a sideways phone JPEG
// (EXIF orientation 6) is turned upright; bytes that are no picture are an error.
#include "social/picturefix.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using lux::ImageFormat;
using namespace lux::social;

namespace {

QByteArray encode(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

// Red at the top and bottom sixth (or left and right), blue between: a centred crop to Instagram's
// ratios keeps only blue at its edges.
QImage bands(int width, int height, bool vertical)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QPainter painter(&image);
    if (vertical)
        painter.fillRect(0, height / 6, width, height * 2 / 3, Qt::blue);
    else
        painter.fillRect(width / 6, 0, width * 2 / 3, height, Qt::blue);
    return image;
}

QImage decode(const QByteArray &bytes)
{
    QImage image;
    image.loadFromData(bytes);
    return image;
}

bool bluish(QRgb c)
{
    return qBlue(c) > 200 && qRed(c) < 60;
}

// Instagram's own check of one picture: the blocking findings, as text (empty when it takes it).
QString refusals(const QByteArray &bytes)
{
    const PostCheck c = PostChecks::check(Network::Instagram, QStringLiteral("caption"), {MediaFacts::of(QStringLiteral("p.jpg"), bytes)});
    QStringList out;
    for (const Finding &f : c.findings)
        if (f.blocking)
            out << f.code;
    return out.join(u',');
}

} // namespace

class TestPictureFix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tallPngBecomesFourByFiveJpeg();
    void widePngBecomesWidestRatio();
    void validJpegIsLeftAlone();
    void transparencyIsFlattenedOntoWhite();
    void oversizedIsBroughtUnderTheLimit();
    void sidewaysJpegIsTurnedUpright();
    void notAPictureIsAnError();
    void curesOnlyWhatItFixes();
};

void TestPictureFix::tallPngBecomesFourByFiveJpeg()
{
    const QByteArray png = encode(bands(400, 1200, true), "PNG");
    QVERIFY(refusals(png).contains(QStringLiteral("instagram.ratio")));
    QVERIFY(refusals(png).contains(QStringLiteral("instagram.format")));

    const FixedPicture fixed = PictureFix::forInstagram(png);
    QVERIFY2(fixed.ok(), qPrintable(fixed.error));
    QCOMPARE(ImageFormat::of(fixed.data).mime, QStringLiteral("image/jpeg"));
    QCOMPARE(fixed.size, QSize(400, 500)); // the whole width, 4:5
    QCOMPARE(ImageFormat::of(fixed.data).size, QSize(400, 500));
    QCOMPARE(refusals(fixed.data), QString());
    // The middle was kept: blue at the top and bottom edges, no red band.
    const QImage out = decode(fixed.data);
    QVERIFY(bluish(out.pixel(200, 2)) && bluish(out.pixel(200, 497)) && bluish(out.pixel(200, 250)));
    QCOMPARE(fixed.changes, (QStringList{QStringLiteral("cropped to 4:5"), QStringLiteral("converted PNG to JPEG")}));
    QCOMPARE(fixed.summary(), QStringLiteral("cropped to 4:5, converted PNG to JPEG"));
}

void TestPictureFix::widePngBecomesWidestRatio()
{
    const QByteArray png = encode(bands(1500, 500, false), "PNG");
    const FixedPicture fixed = PictureFix::forInstagram(png);
    QVERIFY2(fixed.ok(), qPrintable(fixed.error));
    QCOMPARE(fixed.size, QSize(955, 500)); // 500 × 1.91
    QVERIFY(PostChecks::instagramRatioOk(fixed.size));
    QCOMPARE(refusals(fixed.data), QString());
    const QImage out = decode(fixed.data);
    QVERIFY(bluish(out.pixel(2, 250)) && bluish(out.pixel(952, 250)));
    QCOMPARE(fixed.changes.first(), QStringLiteral("cropped to 1.91:1"));
}

void TestPictureFix::validJpegIsLeftAlone()
{
    const QByteArray jpeg = encode(bands(1080, 1350, true), "JPEG", 85);
    QCOMPARE(refusals(jpeg), QString());
    const FixedPicture fixed = PictureFix::forInstagram(jpeg);
    QVERIFY(fixed.ok());
    QVERIFY(!fixed.changed());
    QCOMPARE(fixed.data, jpeg); // the same bytes, not a second-generation JPEG
    QVERIFY(fixed.data.constData() == jpeg.constData()); // not even a copy
    QCOMPARE(fixed.size, QSize(1080, 1350));
}

void TestPictureFix::transparencyIsFlattenedOntoWhite()
{
    QImage image(800, 800, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.fillRect(200, 200, 400, 400, QColor(0, 0, 255));
    painter.end();
    const QByteArray png = encode(image, "PNG");
    const FixedPicture fixed = PictureFix::forInstagram(png);
    QVERIFY2(fixed.ok(), qPrintable(fixed.error));
    QCOMPARE(refusals(fixed.data), QString());
    QCOMPARE(fixed.size, QSize(800, 800)); // 1:1 needs no crop
    QCOMPARE(fixed.changes, (QStringList{QStringLiteral("flattened its transparency onto white"), QStringLiteral("converted PNG to JPEG")}));
    const QImage out = decode(fixed.data);
    QVERIFY(!out.hasAlphaChannel());
    const QRgb corner = out.pixel(10, 10); // was transparent: white, not black
    QVERIFY2(qRed(corner) > 245 && qGreen(corner) > 245 && qBlue(corner) > 245, qPrintable(QString::number(corner, 16)));
    QVERIFY(bluish(out.pixel(400, 400)));

    // An opaque PNG with an alpha channel says nothing about transparency.
    QImage opaque(600, 600, QImage::Format_ARGB32);
    opaque.fill(QColor(10, 200, 10));
    const FixedPicture converted = PictureFix::forInstagram(encode(opaque, "PNG"));
    QCOMPARE(converted.changes, QStringList{QStringLiteral("converted PNG to JPEG")});
}

void TestPictureFix::oversizedIsBroughtUnderTheLimit()
{
    // Noise does not compress: over 8 MB as a PNG, and as a JPEG at 90.
    const auto noisePng = [](int width, int height) {
        QImage noise(width, height, QImage::Format_RGB32);
        QRandomGenerator random(20261206);
        for (int y = 0; y < noise.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(noise.scanLine(y));
            for (int x = 0; x < noise.width(); ++x)
                line[x] = 0xff000000u | (random.generate() & 0xffffffu);
        }
        return encode(noise, "PNG", 100); // no compression: fastest, largest
    };

    // 2,400 × 3,000: over as a PNG, under as a JPEG; every pixel is kept.
    const QByteArray png = noisePng(2400, 3000);
    QVERIFY(png.size() > PostChecks::kInstagramBytes);
    QVERIFY(refusals(png).contains(QStringLiteral("instagram.media_size")));
    const FixedPicture lighter = PictureFix::forInstagram(png);
    QVERIFY2(lighter.ok(), qPrintable(lighter.error));
    QVERIFY(lighter.data.size() <= PostChecks::kInstagramBytes);
    QCOMPARE(refusals(lighter.data), QString());
    QCOMPARE(lighter.size, QSize(2400, 3000));
    QVERIFY2(lighter.summary().startsWith(QStringLiteral("converted PNG to JPEG, made smaller (")), qPrintable(lighter.summary()));

    // 4,000 × 5,000: over even at the lowest quality, so it is scaled down, still 4:5.
    const QByteArray large = noisePng(4000, 5000);
    QVERIFY(encode(QImage::fromData(large), "JPEG", PictureFix::kLowestJpegQuality).size() > PostChecks::kInstagramBytes);
    const FixedPicture fixed = PictureFix::forInstagram(large);
    QVERIFY2(fixed.ok(), qPrintable(fixed.error));
    QVERIFY(fixed.data.size() <= PostChecks::kInstagramBytes);
    QVERIFY(fixed.data.size() > PostChecks::kInstagramBytes / 4); // made to fit, not crushed
    QCOMPARE(refusals(fixed.data), QString());
    QVERIFY(PostChecks::instagramRatioOk(fixed.size));
    QVERIFY(fixed.size.width() < 4000 && fixed.size.width() > 1000);
    QCOMPARE(ImageFormat::of(fixed.data).size, fixed.size);
    QVERIFY2(fixed.summary().contains(QStringLiteral("scaled down to %1 × %2 to stay under 8.0 MB").arg(fixed.size.width()).arg(fixed.size.height())),
             qPrintable(fixed.summary()));
}

void TestPictureFix::sidewaysJpegIsTurnedUpright()
{
    // A phone's portrait: stored 1200 × 400 (3:1, too wide as stored), EXIF orientation 6 (turn right).
    // Shown it is 400 × 1200, too tall: the fix works on the picture as shown.
    QByteArray jpeg = encode(bands(1200, 400, false), "JPEG", 90);
    // An APP1 Exif segment with one IFD0 entry, Orientation = 6, right after SOI.
    const QByteArray tiff = QByteArray::fromHex("4d4d002a00000008" "0001" "011200030000000100060000" "00000000");
    QByteArray app1 = QByteArray("Exif\0\0", 6) + tiff;
    const quint16 length = quint16(app1.size() + 2);
    app1.prepend(char(length & 0xff)).prepend(char(length >> 8)).prepend(QByteArray::fromHex("ffe1"));
    jpeg.insert(2, app1);
    QCOMPARE(ImageFormat::of(jpeg).orientation, 6);
    QCOMPARE(ImageFormat::of(jpeg).shownSize(), QSize(400, 1200));

    const FixedPicture fixed = PictureFix::forInstagram(jpeg);
    QVERIFY2(fixed.ok(), qPrintable(fixed.error));
    QCOMPARE(fixed.size, QSize(400, 500));
    QCOMPARE(ImageFormat::of(fixed.data).orientation, 1); // upright in its pixels, no EXIF turn left to apply
    QCOMPARE(ImageFormat::of(fixed.data).size, QSize(400, 500));
    QCOMPARE(refusals(fixed.data), QString());
    QCOMPARE(fixed.changes, (QStringList{QStringLiteral("turned upright"), QStringLiteral("cropped to 4:5")}));
}

void TestPictureFix::notAPictureIsAnError()
{
    const FixedPicture fixed = PictureFix::forInstagram(QByteArrayLiteral("%PDF-1.7 not a picture"));
    QVERIFY(!fixed.ok());
    QVERIFY(fixed.data.isEmpty());
    QVERIFY(fixed.error.contains(QStringLiteral("not a picture")));
}

void TestPictureFix::curesOnlyWhatItFixes()
{
    const QByteArray png = encode(bands(400, 1200, true), "PNG");
    const PostCheck c = PostChecks::check(Network::Instagram, QStringLiteral("caption"), {MediaFacts::of(QStringLiteral("tall.png"), png)});
    QStringList cured;
    for (const Finding &f : c.findings)
        if (PictureFix::cures(Network::Instagram, f))
            cured << f.code;
    QCOMPARE(cured, (QStringList{QStringLiteral("instagram.format"), QStringLiteral("instagram.ratio")}));
    // Not the caption, not a missing picture, not another network's finding.
    const PostCheck none = PostChecks::check(Network::Instagram, QString(QStringLiteral("#a ")).repeated(31), {});
    for (const Finding &f : none.findings)
        QVERIFY2(!PictureFix::cures(Network::Instagram, f), qPrintable(f.code));
    const PostCheck x = PostChecks::check(Network::X, QStringLiteral("x"), {MediaFacts::of(QStringLiteral("tall.png"), png)});
    for (const Finding &f : x.findings)
        QVERIFY(!PictureFix::cures(Network::X, f));
}

QTEST_GUILESS_MAIN(TestPictureFix)
#include "tst_picturefix.moc"
