// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace lux::tracker {

bool RateLimiter::allow(const QByteArray &address, qint64 nowMs, int *retryAfterS)
{
    if (!enabled())
        return true;
    Shard &shard = m_shards[qHash(address) % kShards];
    std::lock_guard lock(shard.mutex);
    if (shard.buckets.size() > kMaxPerShard) {
        // Forget every bucket that would be full by now: they hold no state worth keeping.
        const double refillMs = 1000.0 * m_burst / m_rate;
        shard.buckets.removeIf([&](const auto &it) { return nowMs - it.value().lastMs >= refillMs; });
    }
    auto it = shard.buckets.find(address);
    if (it == shard.buckets.end())
        it = shard.buckets.insert(address, Bucket{double(m_burst), nowMs});
    Bucket &b = *it;
    b.tokens = std::min<double>(m_burst, b.tokens + (nowMs - b.lastMs) * m_rate / 1000.0);
    b.lastMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    if (retryAfterS)
        *retryAfterS = std::max(1, int(std::ceil((1.0 - b.tokens) / m_rate)));
    return false;
}

} // namespace lux::tracker
