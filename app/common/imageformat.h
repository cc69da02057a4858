// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

namespace lux {

// What image bytes are, from their header alone (no QtGui in the core): PNG (IHDR), GIF (logical
// screen) or JPEG (the first start-of-frame marker); an empty type and an invalid size otherwise.
// For a JPEG also what its segments before the frame say: the EXIF orientation (APP1) and whether it
// is a Multi-Picture file (APP2 "MPF": a phone's MPO, which looks like a JPEG and that Instagram refuses).
struct ImageFormat
{
    QString mime; // image/png, image/gif, image/jpeg
    QSize size;   // as stored
    int orientation = 1;       // EXIF orientation 1–8; 5–8 turn the picture a quarter
    bool multiPicture = false; // an MPO

    // The size as the picture is shown, its EXIF orientation applied.
    QSize shownSize() const { return orientation >= 5 && orientation <= 8 ? size.transposed() : size; }

    static ImageFormat of(const QByteArray &data);
};

} // namespace lux
