// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <functional>

namespace lux {

// Milliseconds since the epoch, UTC. Services take a Clock so tests can move time without sleeping.
using Clock = std::function<qint64()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

} // namespace lux
