// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace lux::tracking {

// The unsigned LEB128 varints of the signed tokens and SMS short-link codes.
inline void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out.append(char(quint8(v)));
}

// Reads one varint at `pos`; only the shortest encoding is accepted, so one number has one token
// (and one set of numbers one code).
inline bool getVarint(QByteArrayView in, qsizetype &pos, quint64 &v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const quint8 b = quint8(in[pos++]);
        if (shift == 63 && b > 1)
            return false;
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return !(b == 0 && shift > 0);
    }
    return false;
}

} // namespace lux::tracking
