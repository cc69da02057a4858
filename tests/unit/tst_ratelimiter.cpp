// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's token bucket per client address. The clock is the caller's (allow() takes the time),
// so every answer here is exact: no sleeping, nothing a slow machine could change.
#include "ratelimiter.h"

#include <QTest>

using lux::tracker::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstThenRetryAfter_data();
    void burstThenRetryAfter();
    void refillsAtTheRateUpToTheBurst_data();
    void refillsAtTheRateUpToTheBurst();
    void eachAddressHasItsOwnBucket();
    void zeroRateLetsEverythingThrough();
};

void TestRateLimiter::burstThenRetryAfter_data()
{
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<int>("burst");
    QTest::addColumn<int>("retryAfterS");
    // Rates that are exact in binary, so the refill at the promised second is exact too.
    QTest::newRow("one a second, three at once") << 1.0 << 3 << 1;
    QTest::newRow("the server's default: 20 a second, 100 at once") << 20.0 << 100 << 1; // never less than a second
    QTest::newRow("one every two seconds") << 0.5 << 1 << 2;
    QTest::newRow("one every eight seconds, two at once") << 0.125 << 2 << 8;
    QTest::newRow("a thousand a second") << 1000.0 << 1 << 1;
}

void TestRateLimiter::burstThenRetryAfter()
{
    QFETCH(double, perSecond);
    QFETCH(int, burst);
    QFETCH(int, retryAfterS);
    RateLimiter limiter(perSecond, burst);
    QVERIFY(limiter.enabled());
    const QByteArray address("203.0.113.7");
    const qint64 t0 = 1'790'000'000'000;
    for (int i = 0; i < burst; ++i) {
        int retry = -1;
        QVERIFY2(limiter.allow(address, t0, &retry), qPrintable(QStringLiteral("request %1 of the burst").arg(i + 1)));
        QCOMPARE(retry, -1); // only set when refused
    }
    int retry = -1;
    QVERIFY(!limiter.allow(address, t0, &retry));
    QCOMPARE(retry, retryAfterS);
    QVERIFY(!limiter.allow(address, t0)); // no out-parameter needed
    // Exactly when it said, the next request goes through.
    QVERIFY(limiter.allow(address, t0 + qint64(retryAfterS) * 1000));
}

void TestRateLimiter::refillsAtTheRateUpToTheBurst_data()
{
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<int>("allowed");
    // Two a second, four at once, drained at t0.
    QTest::newRow("at once") << qint64(0) << 0;
    QTest::newRow("half a token") << qint64(250) << 0;
    QTest::newRow("one token") << qint64(500) << 1;
    QTest::newRow("three tokens") << qint64(1500) << 3;
    QTest::newRow("exactly full") << qint64(2000) << 4;
    QTest::newRow("an hour: still only the burst") << qint64(3'600'000) << 4;
}

void TestRateLimiter::refillsAtTheRateUpToTheBurst()
{
    QFETCH(qint64, afterMs);
    QFETCH(int, allowed);
    RateLimiter limiter(2, 4);
    const QByteArray address("2001:db8::1");
    const qint64 t0 = 1'790'000'000'000;
    for (int i = 0; i < 4; ++i)
        QVERIFY(limiter.allow(address, t0));
    QVERIFY(!limiter.allow(address, t0));
    int n = 0;
    while (n < 100 && limiter.allow(address, t0 + afterMs))
        ++n;
    QCOMPARE(n, allowed);
}

void TestRateLimiter::eachAddressHasItsOwnBucket()
{
    RateLimiter limiter(1, 2);
    const qint64 t0 = 1'790'000'000'000;
    const QByteArray scanner("198.51.100.23");
    QVERIFY(limiter.allow(scanner, t0));
    QVERIFY(limiter.allow(scanner, t0));
    int retry = 0;
    QVERIFY(!limiter.allow(scanner, t0, &retry));
    QCOMPARE(retry, 1);
    // Many other clients, each with its full burst, whatever the scanner did.
    for (int i = 0; i < 1000; ++i) {
        const QByteArray other = "10.0." + QByteArray::number(i / 256) + '.' + QByteArray::number(i % 256);
        QVERIFY(limiter.allow(other, t0));
        QVERIFY(limiter.allow(other, t0));
        QVERIFY(!limiter.allow(other, t0));
    }
    // And they took nothing from the scanner's refill.
    QVERIFY(!limiter.allow(scanner, t0 + 999));
    QVERIFY(limiter.allow(scanner, t0 + 1999));
    QVERIFY(!limiter.allow(scanner, t0 + 1999));
    // Addresses are compared as bytes: an IPv4-mapped IPv6 form is another client.
    QVERIFY(limiter.allow("::ffff:198.51.100.23", t0 + 1999));
}

void TestRateLimiter::zeroRateLetsEverythingThrough()
{
    RateLimiter limiter(0, 0); // --rate-limit 0
    QVERIFY(!limiter.enabled());
    int retry = -1;
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(limiter.allow("192.0.2.1", 1'790'000'000'000, &retry));
    QCOMPARE(retry, -1);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
