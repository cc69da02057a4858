// SPDX-License-Identifier: GPL-3.0-or-later
#include "wallclock.h"

#include <QDateTime>

namespace lux {

std::optional<qint64> wallTimeMs(QDate date, QTime time, const QTimeZone &zone)
{
    if (!zone.isValid() || !date.isValid() || !time.isValid())
        return std::nullopt;
    if (const QDateTime when(date, time, zone); when.isValid())
        return when.toMSecsSinceEpoch();
    // In the gap: the offset a day before (no zone changes twice within a day).
    const qint64 naive = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
    const int before = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(naive - 86'400'000, QTimeZone::utc()));
    const qint64 moved = naive - qint64(before) * 1000;
    if (QDateTime::fromMSecsSinceEpoch(moved, zone).isValid())
        return moved;
    return std::nullopt;
}

} // namespace lux
