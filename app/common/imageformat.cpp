// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageformat.h"

#include <QtEndian>

#include <cstring>

namespace lux {

namespace {

// The orientation tag (0x0112) of an APP1 Exif segment's first directory; 1 when there is none.
int exifOrientation(const uchar *segment, qsizetype length)
{
    // "Exif\0\0", then a TIFF header: byte order, 42, the offset of the first directory.
    if (length < 14 || memcmp(segment, "Exif\0\0", 6) != 0)
        return 1;
    const uchar *tiff = segment + 6;
    const qsizetype size = length - 6;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        return 1;
    const auto u16 = [&](qsizetype at) { return little ? qFromLittleEndian<quint16>(tiff + at) : qFromBigEndian<quint16>(tiff + at); };
    const auto u32 = [&](qsizetype at) { return little ? qFromLittleEndian<quint32>(tiff + at) : qFromBigEndian<quint32>(tiff + at); };
    const qint64 directory = u32(4);
    if (directory < 8 || directory + 2 > size)
        return 1;
    const int entries = u16(directory);
    for (int e = 0; e < entries; ++e) {
        const qint64 at = directory + 2 + qint64(e) * 12;
        if (at + 12 > size)
            break;
        if (u16(at) == 0x0112) {
            const int value = u16(at + 8);
            return value >= 1 && value <= 8 ? value : 1;
        }
    }
    return 1;
}

} // namespace

ImageFormat ImageFormat::of(const QByteArray &d)
{
    const auto *p = reinterpret_cast<const uchar *>(d.constData());
    if (d.size() >= 24 && d.startsWith(QByteArray::fromHex("89504e470d0a1a0a")) && d.mid(12, 4) == "IHDR")
        return {QStringLiteral("image/png"), QSize(int(qFromBigEndian<quint32>(p + 16)), int(qFromBigEndian<quint32>(p + 20)))};
    if (d.size() >= 10 && (d.startsWith("GIF87a") || d.startsWith("GIF89a")))
        return {QStringLiteral("image/gif"), QSize(int(qFromLittleEndian<quint16>(p + 6)), int(qFromLittleEndian<quint16>(p + 8)))};
    if (d.size() >= 4 && p[0] == 0xFF && p[1] == 0xD8) {
        // Walk the segments to the first start-of-frame marker (SOF0…SOF15 but DHT, JPG, DAC).
        ImageFormat jpeg{QStringLiteral("image/jpeg"), QSize()};
        qsizetype i = 2;
        while (i + 9 < d.size()) {
            if (p[i] != 0xFF)
                break;
            // Any number of fill bytes (0xFF) may come before a marker (ITU T.81 B.1.1.2).
            if (p[i + 1] == 0xFF) {
                ++i;
                continue;
            }
            const uchar marker = p[i + 1];
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // TEM, RSTn: no length
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) // scan data or the end before any frame
                break;
            const int length = qFromBigEndian<quint16>(p + i + 2);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                jpeg.size = QSize(qFromBigEndian<quint16>(p + i + 7), qFromBigEndian<quint16>(p + i + 5));
                return jpeg;
            }
            if (length < 2)
                break;
            const qsizetype body = qMin<qsizetype>(length - 2, d.size() - (i + 4));
            if (marker == 0xE1 && body >= 6 && memcmp(p + i + 4, "Exif\0\0", 6) == 0)
                jpeg.orientation = exifOrientation(p + i + 4, body);
            else if (marker == 0xE2 && body >= 4 && memcmp(p + i + 4, "MPF\0", 4) == 0)
                jpeg.multiPicture = true;
            i += 2 + length;
        }
    }
    return {QString(), QSize()};
}

} // namespace lux
