// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacer.h"

#include <algorithm>

namespace lux::campaigns {

namespace {
constexpr qint64 kMinute = 60 * 1000;
// The minute is paced as 61 s: Graph counts a message when its send arrives, which is a draft
// creation and a commit after the pacer let it start, and that delay varies from one message to the
// next by up to a few hundred milliseconds. Without the margin the 601st start of a window can reach
// Graph inside the previous 60 s (seen as two 429s per 1,800 messages at 600 a minute in the bench).
constexpr qint64 kSkewMarginMs = 1000;
constexpr qint64 kPaceWindow = kMinute + kSkewMarginMs;
constexpr qint64 kDay = 24 * 60 * 60 * 1000;
// The second is paced as 1.05 s for the same reason: a provider that counts messages a second by
// when they arrive (Twilio's per-number MPS) sees starts a second apart land a few milliseconds closer.
constexpr qint64 kSecondWindow = 1050;
} // namespace

SenderPacer::SenderPacer(Limits limits) : m_limits(limits)
{
    m_limits.concurrency = std::max(1, m_limits.concurrency);
    m_limits.perMinute = std::max(1, m_limits.perMinute);
    m_limits.perDay = std::max(1, m_limits.perDay);
    m_limits.perSecond = std::max(0, m_limits.perSecond);
}

void SenderPacer::seed(qint64 sentAtMs, int recipients)
{
    const auto at = std::upper_bound(m_day.begin(), m_day.end(), sentAtMs, [](qint64 t, const auto &e) { return t < e.first; });
    m_day.insert(at, {sentAtMs, recipients});
    m_dayRecipients += recipients;
    m_minute.insert(std::upper_bound(m_minute.begin(), m_minute.end(), sentAtMs), sentAtMs);
}

void SenderPacer::prune(qint64 nowMs)
{
    while (!m_minute.empty() && m_minute.front() <= nowMs - kPaceWindow)
        m_minute.pop_front();
    while (!m_day.empty() && m_day.front().first <= nowMs - kDay) {
        m_dayRecipients -= m_day.front().second;
        m_day.pop_front();
    }
}

qint64 SenderPacer::waitBeforeNext(qint64 nowMs)
{
    prune(nowMs);
    qint64 wait = std::max<qint64>(0, m_pausedUntil - nowMs);
    if (m_limits.perSecond > 0 && qint64(m_minute.size()) >= m_limits.perSecond) {
        const qint64 nth = m_minute[m_minute.size() - size_t(m_limits.perSecond)];
        if (nth > nowMs - kSecondWindow)
            wait = std::max(wait, nth + kSecondWindow - nowMs);
    }
    if (qint64(m_minute.size()) >= m_limits.perMinute)
        wait = std::max(wait, m_minute[m_minute.size() - size_t(m_limits.perMinute)] + kPaceWindow - nowMs);
    if (m_dayRecipients >= m_limits.perDay) {
        // Wait until enough of the day's recipients age out to leave room for one more.
        qint64 excess = m_dayRecipients - m_limits.perDay + 1;
        for (const auto &[at, recipients] : m_day) {
            excess -= recipients;
            if (excess <= 0) {
                wait = std::max(wait, at + kDay - nowMs);
                break;
            }
        }
    }
    if (wait == 0 && m_inFlight >= m_limits.concurrency)
        return -1;
    return wait;
}

void SenderPacer::started(qint64 nowMs, int recipients)
{
    prune(nowMs);
    m_minute.push_back(nowMs);
    if (m_firstStart == 0)
        m_firstStart = nowMs;
    m_day.push_back({nowMs, recipients});
    m_dayRecipients += recipients;
    ++m_inFlight;
}

void SenderPacer::unstarted(qint64 startedMs, int recipients)
{
    for (auto it = m_minute.rbegin(); it != m_minute.rend(); ++it)
        if (*it == startedMs) {
            m_minute.erase(std::next(it).base());
            break;
        }
    for (auto it = m_day.rbegin(); it != m_day.rend(); ++it)
        if (it->first == startedMs && it->second == recipients) {
            m_day.erase(std::next(it).base());
            m_dayRecipients -= recipients;
            break;
        }
    if (m_firstStart == startedMs && m_minute.empty())
        m_firstStart = 0;
    m_inFlight = std::max(0, m_inFlight - 1);
}

void SenderPacer::finished()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

void SenderPacer::backOff(qint64 untilMs)
{
    m_pausedUntil = std::max(m_pausedUntil, untilMs);
}

double SenderPacer::ratePerMinute(qint64 nowMs)
{
    prune(nowMs);
    // In the first minute of a send, what went so far scaled to a minute, not just the count.
    const qint64 span = m_firstStart > 0 ? std::clamp<qint64>(nowMs - m_firstStart, 1000, kMinute) : kMinute;
    return double(m_minute.size()) * double(kMinute) / double(span);
}

qint64 SenderPacer::expectedFinishMs(qint64 nowMs, qint64 remaining)
{
    prune(nowMs);
    if (remaining <= 0)
        return nowMs;
    // At the minute pace, and with whole days added for what the daily allowance cannot take today.
    const qint64 roomToday = std::max<qint64>(0, m_limits.perDay - m_dayRecipients);
    qint64 finish = nowMs + (remaining - 1) / m_limits.perMinute * kMinute;
    if (remaining > roomToday) {
        const qint64 overflow = remaining - roomToday;
        const qint64 days = (overflow + m_limits.perDay - 1) / m_limits.perDay;
        finish = std::max(finish, nowMs + days * kDay);
    }
    return std::max(finish, m_pausedUntil);
}

} // namespace lux::campaigns
