// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace lux {

// The moment (ms since the epoch) a wall-clock time names in a zone. A time the clock skips when it
// springs forward (Qt 6.4 makes such a QDateTime invalid) is read with the offset in force before
// the change: the same wall time moved on by the gap (02:30 → 03:30 for an hour's gap, 02:10 → 02:40
// on Lord Howe's half hour), at any hour of the day. A repeated time (autumn) is its first moment.
// None: the zone is not valid.
std::optional<qint64> wallTimeMs(QDate date, QTime time, const QTimeZone &zone);

} // namespace lux
