// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageformat.h"

#include <QtEndian>

namespace lux {

ImageFormat ImageFormat::of(const QByteArray &d)
{
    const auto *p = reinterpret_cast<const uchar *>(d.constData());
    if (d.size() >= 24 && d.startsWith(QByteArray::fromHex("89504e470d0a1a0a")) && d.mid(12, 4) == "IHDR")
        return {QStringLiteral("image/png"), QSize(int(qFromBigEndian<quint32>(p + 16)), int(qFromBigEndian<quint32>(p + 20)))};
    if (d.size() >= 10 && (d.startsWith("GIF87a") || d.startsWith("GIF89a")))
        return {QStringLiteral("image/gif"), QSize(int(qFromLittleEndian<quint16>(p + 6)), int(qFromLittleEndian<quint16>(p + 8)))};
    if (d.size() >= 4 && p[0] == 0xFF && p[1] == 0xD8) {
        // Walk the segments to the first start-of-frame marker (SOF0…SOF15 but DHT, JPG, DAC).
        qsizetype i = 2;
        while (i + 9 < d.size()) {
            if (p[i] != 0xFF)
                break;
            const uchar marker = p[i + 1];
            const int length = qFromBigEndian<quint16>(p + i + 2);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                return {QStringLiteral("image/jpeg"), QSize(qFromBigEndian<quint16>(p + i + 7), qFromBigEndian<quint16>(p + i + 5))};
            if (length < 2)
                break;
            i += 2 + length;
        }
    }
    return {QString(), QSize()};
}

} // namespace lux
