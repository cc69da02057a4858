// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

namespace lux {

// What image bytes are, from their header alone (no QtGui in the core): PNG (IHDR), GIF (logical
// screen) or JPEG (the first start-of-frame marker); an empty type and an invalid size otherwise.
struct ImageFormat
{
    QString mime; // image/png, image/gif, image/jpeg
    QSize size;

    static ImageFormat of(const QByteArray &data);
};

} // namespace lux
