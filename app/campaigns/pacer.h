// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <deque>

namespace lux::campaigns {

// The pace one sender mailbox may send at, within Exchange Online's limits (provider-contracts.md
// §1.7): at most `concurrency` requests in flight, `perSecond` messages started in any second (for the
// channels whose providers count so), `perMinute` messages started in any 60 seconds,
// `perDay` recipients in any 24 hours (rolling, as Exchange counts them), and nothing at all while a
// Retry-After runs. Pure bookkeeping on times given by the caller (milliseconds since the epoch), so
// the dispatcher's timer, a restart (seed() with the last day's sends from the outbox) and the tests
// all see the same arithmetic.
class SenderPacer
{
public:
    struct Limits
    {
        // Exchange Online's limits unless told otherwise; {4, 600, 10000} reads as before.
        Limits(int concurrency_ = 4, int perMinute_ = 30, int perDay_ = 10000, int perSecond_ = 0)
            : concurrency(concurrency_), perMinute(perMinute_), perDay(perDay_), perSecond(perSecond_)
        {
        }
        int concurrency;
        int perMinute;
        int perDay;
        int perSecond; // 0: no limit (Graph has none; SMS providers have one per sending number)
    };

    SenderPacer() : SenderPacer(Limits()) {}
    explicit SenderPacer(Limits limits);

    const Limits &limits() const { return m_limits; }
    void seed(qint64 sentAtMs, int recipients = 1); // a send from before, in any order

    // 0 when a message may start now, else how long to wait (ms); -1 when only a finishing request
    // frees a slot (all `concurrency` are in flight).
    qint64 waitBeforeNext(qint64 nowMs);
    void started(qint64 nowMs, int recipients = 1);
    // A start taken back: the slot was reserved (started) before there was a message for it, and
    // there was none. Workers reserve first, so two of them never pass the same check at once.
    void unstarted(qint64 startedMs, int recipients = 1);
    void finished(); // the request ended, whatever its outcome
    void backOff(qint64 untilMs); // Retry-After: no new start before then
    int inFlight() const { return m_inFlight; }

    // Messages started in the last minute (in the first minute, the pace so far, per minute).
    double ratePerMinute(qint64 nowMs);
    // When `remaining` more messages (one recipient each) would be done at this pace, from now.
    qint64 expectedFinishMs(qint64 nowMs, qint64 remaining);

private:
    void prune(qint64 nowMs);

    Limits m_limits;
    std::deque<qint64> m_minute;                  // starts in the last 60 s, oldest first
    std::deque<std::pair<qint64, int>> m_day;     // (start, recipients) in the last 24 h, oldest first
    qint64 m_dayRecipients = 0;
    qint64 m_pausedUntil = 0;
    int m_inFlight = 0;
    qint64 m_firstStart = 0; // this pacer's first start (not seeded ones)
};

} // namespace lux::campaigns
