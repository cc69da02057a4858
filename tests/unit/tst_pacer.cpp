// SPDX-License-Identifier: GPL-3.0-or-later
// Pacing one sender mailbox within Exchange Online's limits: requests in flight, messages a minute,
// recipients in any 24 hours (rolling, seeded from earlier sends after a restart), Retry-After, the
// current rate and the expected finish.
#include "campaigns/pacer.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QTest>

using lux::campaigns::SenderPacer;

namespace {
constexpr qint64 kT0 = 1'790'000'000'000; // some day in 2026, in ms
constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 86'400'000;
} // namespace

class TestPacer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void concurrencyWaitsForAFinish();
    void perMinuteIsASlidingWindow();
    void perDayCountsRecipientsOverTwentyFourHours();
    void seededHistoryCountsAfterARestart();
    void retryAfterPausesEverything();
    void rateAndExpectedFinish();
    void thirtyAMinuteOverAnHour();
    void perSecondKeepsAMarginAndTakesBackUnusedStarts();
};

void TestPacer::concurrencyWaitsForAFinish()
{
    SenderPacer p({4, 1000, 100000});
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(p.waitBeforeNext(kT0), 0);
        p.started(kT0);
    }
    QCOMPARE(p.waitBeforeNext(kT0), -1);
    p.finished();
    QCOMPARE(p.waitBeforeNext(kT0), 0);
    QCOMPARE(p.inFlight(), 3);
}

void TestPacer::perMinuteIsASlidingWindow()
{
    SenderPacer p({4, 30, 100000});
    for (int i = 0; i < 30; ++i) {
        const qint64 now = kT0 + i * 1000; // one a second
        QCOMPARE(p.waitBeforeNext(now), 0);
        p.started(now);
        p.finished();
    }
    // The 31st must wait until the first leaves the window: a minute and the one-second margin for
    // the delay between a start and Graph's count of it, at kT0 + 61 s.
    QCOMPARE(p.waitBeforeNext(kT0 + 30'000), 31'000);
    QCOMPARE(p.waitBeforeNext(kT0 + kMinute), 1000);
    QCOMPARE(p.waitBeforeNext(kT0 + kMinute + 1000), 0);
    p.started(kT0 + kMinute + 1000);
    p.finished();
    QCOMPARE(p.waitBeforeNext(kT0 + kMinute + 1000), 1000); // the second one, started at kT0 + 1 s
}

void TestPacer::perDayCountsRecipientsOverTwentyFourHours()
{
    SenderPacer p({4, 1000, 100});
    for (int i = 0; i < 10; ++i) {
        const qint64 now = kT0 + i * kMinute;
        QCOMPARE(p.waitBeforeNext(now), 0);
        p.started(now, 10); // a message to 10 recipients counts 10
        p.finished();
    }
    const qint64 later = kT0 + 3 * 60 * kMinute;
    QCOMPARE(p.waitBeforeNext(later), kT0 + kDay - later); // the first batch must age out
    QCOMPARE(p.waitBeforeNext(kT0 + kDay), 0);
}

void TestPacer::seededHistoryCountsAfterARestart()
{
    // After a restart the last day's sends come back from the outbox, in any order.
    SenderPacer p({4, 30, 3});
    p.seed(kT0 + 2 * kMinute);
    p.seed(kT0);
    p.seed(kT0 + kMinute);
    const qint64 now = kT0 + 5 * kMinute;
    QCOMPARE(p.waitBeforeNext(now), kT0 + kDay - now);
}

void TestPacer::retryAfterPausesEverything()
{
    SenderPacer p;
    p.backOff(kT0 + 7000);
    QCOMPARE(p.waitBeforeNext(kT0), 7000);
    p.backOff(kT0 + 2000); // an earlier end does not shorten the pause
    QCOMPARE(p.waitBeforeNext(kT0 + 1000), 6000);
    QCOMPARE(p.waitBeforeNext(kT0 + 7000), 0);
}

void TestPacer::rateAndExpectedFinish()
{
    SenderPacer p({4, 30, 10000});
    for (int i = 0; i < 12; ++i) {
        p.started(kT0 + i * 2000);
        p.finished();
    }
    // In the first minute the pace so far is scaled to a minute: 12 in 30 s is 24 a minute.
    QCOMPARE(p.ratePerMinute(kT0 + 30'000), 24.0);
    QCOMPARE(p.ratePerMinute(kT0 + 50'000), 14.4);
    QCOMPARE(p.ratePerMinute(kT0 + 2 * kMinute), 0.0);
    // 5,000 more at 30 a minute: 166 full minutes and a bit (the first goes now).
    QCOMPARE(p.expectedFinishMs(kT0, 5000), kT0 + 4999 / 30 * kMinute);
    // 25,000 with 9,988 left today: the rest takes two more days of allowance.
    QCOMPARE(p.expectedFinishMs(kT0 + 30'000, 25'000), kT0 + 30'000 + 2 * kDay);
}

void TestPacer::thirtyAMinuteOverAnHour()
{
    // Driving it as the dispatcher will: start whenever allowed, for an hour, with requests taking
    // 400 ms. No 60-second window ever holds more than 30 starts, and the pace uses the allowance.
    SenderPacer p({4, 30, 10000});
    std::vector<qint64> starts;
    std::vector<qint64> finishing;
    qint64 now = kT0;
    while (now < kT0 + 60 * kMinute) {
        std::sort(finishing.begin(), finishing.end());
        while (!finishing.empty() && finishing.front() <= now) {
            p.finished();
            finishing.erase(finishing.begin());
        }
        const qint64 wait = p.waitBeforeNext(now);
        if (wait == 0) {
            p.started(now);
            starts.push_back(now);
            finishing.push_back(now + 400);
            continue;
        }
        now += wait > 0 ? wait : finishing.front() - now;
    }
    for (size_t i = 30; i < starts.size(); ++i)
        QVERIFY2(starts[i] - starts[i - 30] >= kMinute + 1000, qPrintable(QString::number(i)));
    // At least 30 in every 61 s (98.4 % of the allowance), never more than the allowance.
    QVERIFY2(starts.size() >= size_t(30 * 3600 / 61) && starts.size() <= size_t(30 * 60), qPrintable(QString::number(starts.size())));
}

void TestPacer::perSecondKeepsAMarginAndTakesBackUnusedStarts()
{
    // A long code: one text a second (Twilio counts them as they arrive, so the pacer keeps 1.05 s).
    SenderPacer p({4, 60, 10'000, 1});
    QCOMPARE(p.waitBeforeNext(kT0), 0);
    p.started(kT0);
    QCOMPARE(p.waitBeforeNext(kT0 + 1), 1049);
    QCOMPARE(p.waitBeforeNext(kT0 + 1000), 50);
    QCOMPARE(p.waitBeforeNext(kT0 + 1050), 0);
    // A reservation with no message behind it (the claim found nothing) is taken back whole: the
    // next start may go at once, and nothing is in flight.
    p.started(kT0 + 1050);
    QCOMPARE(p.inFlight(), 2);
    p.unstarted(kT0 + 1050);
    QCOMPARE(p.inFlight(), 1);
    QCOMPARE(p.waitBeforeNext(kT0 + 1050), 0);
    // Three a second (toll-free): the fourth waits for the first to be 1.05 s old.
    SenderPacer t({4, 180, 10'000, 3});
    for (int i = 0; i < 3; ++i)
        t.started(kT0 + i * 10);
    QCOMPARE(t.waitBeforeNext(kT0 + 20), 1030);
}

LUX_TEST_MAIN(TestPacer, QCoreApplication)
#include "tst_pacer.moc"
