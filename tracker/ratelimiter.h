// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>

#include <array>
#include <mutex>

namespace lux::tracker {

// A token bucket per client address: `perSecond` sustained, `burst` at once. Sharded so the server's
// threads rarely meet on a lock; buckets that have refilled are forgotten when a shard grows large.
class RateLimiter
{
public:
    RateLimiter(double perSecond, int burst) : m_rate(perSecond), m_burst(burst) {}

    bool enabled() const { return m_rate > 0; }
    // True when the address may go on; otherwise `retryAfterS` says when it may.
    bool allow(const QByteArray &address, qint64 nowMs, int *retryAfterS = nullptr);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    struct Shard
    {
        std::mutex mutex;
        QHash<QByteArray, Bucket> buckets;
    };
    static constexpr int kShards = 16;
    static constexpr int kMaxPerShard = 50'000;

    double m_rate;
    int m_burst;
    std::array<Shard, kShards> m_shards;
};

} // namespace lux::tracker
