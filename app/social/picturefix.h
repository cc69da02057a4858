// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "social/postchecks.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

namespace lux::social {

// A picture made fit for a network, and what was done to it.
struct FixedPicture
{
    QByteArray data;     // the picture as the network takes it (the same bytes when nothing was wrong)
    QSize size;          // as shown (EXIF orientation applied)
    QStringList changes; // what was done, for people: "cropped to 4:5", "converted PNG to JPEG", ...
    QString error;       // why it could not be fixed (not a picture LUX can read); data is empty then

    bool ok() const { return error.isEmpty(); }
    bool changed() const { return !changes.isEmpty(); }
    // The changes as one phrase: "cropped to 4:5, converted PNG to JPEG".
    QString summary() const;
};

// The one-click fix the composer offers for a picture a network refuses. Pure functions on bytes
// (QImage, no widgets), safe on a worker thread; the limits are PostChecks' own.
class PictureFix
{
    Q_DECLARE_TR_FUNCTIONS(lux::social::PictureFix)
public:
    static constexpr int kJpegQuality = 90;
    static constexpr int kLowestJpegQuality = 70; // below this it scales down instead

    // A version Instagram takes: upright (EXIF orientation applied), centre-cropped to the nearest
    // ratio in 4:5..1.91:1, transparency flattened onto white, a JPEG under PostChecks::kInstagramBytes
    // (quality lowered, then the picture scaled down, when it is larger). A picture Instagram already
    // takes is returned as it is, byte for byte.
    static FixedPicture forInstagram(const QByteArray &data);

    // Whether forInstagram cures what `finding` is about (a picture's format, MPO, size or ratio).
    static bool cures(Network network, const Finding &finding);
};

} // namespace lux::social
