// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/quiethours.h"
#include "common/errorcodes.h"
#include "testsupport.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

using namespace lux;
using sms::QuietHours;
using sms::QuietHoursTable;

namespace {

// What the law says, written out here on its own (not read from the table): whether a local date and
// time is inside the recipient's window.
using Rule = std::function<bool(const QDate &, const QTime &)>;

bool between(const QTime &t, int fromHour, int toHour)
{
    return t >= QTime(fromHour, 0) && t < QTime(toHour, 0);
}

// The US federal legal holidays of 2026 (5 U.S.C. § 6103), as published.
bool holiday2026(const QDate &d)
{
    static const QList<QDate> days = {QDate(2026, 1, 1),  QDate(2026, 1, 19), QDate(2026, 2, 16), QDate(2026, 5, 25),
                                      QDate(2026, 6, 19), QDate(2026, 7, 4),  QDate(2026, 9, 7),  QDate(2026, 10, 12),
                                      QDate(2026, 11, 11), QDate(2026, 11, 26), QDate(2026, 12, 25)};
    return days.contains(d);
}

const Rule federal = [](const QDate &, const QTime &t) { return between(t, 8, 21); };
const Rule eightToEight = [](const QDate &, const QTime &t) { return between(t, 8, 20); };
const Rule texas = [](const QDate &d, const QTime &t) { return d.dayOfWeek() == Qt::Sunday ? between(t, 12, 21) : between(t, 9, 21); };
const Rule alabama = [](const QDate &d, const QTime &t) {
    return d.dayOfWeek() != Qt::Sunday && !holiday2026(d) && between(t, 8, 20);
};

struct Recipient
{
    QString name, e164, contactZone;
    QStringList zones; // where the recipient may be: allowed only when allowed in every one
    Rule rule;
};

QList<Recipient> recipients()
{
    return {
        {QStringLiteral("Eastern (NY 212)"), QStringLiteral("+12125550123"), QStringLiteral(""), {QStringLiteral("America/New_York")}, federal},
        {QStringLiteral("Central (IL 312)"), QStringLiteral("+13125550123"), QStringLiteral(""), {QStringLiteral("America/Chicago")}, federal},
        {QStringLiteral("Mountain (CO 303)"), QStringLiteral("+13035550123"), QStringLiteral(""), {QStringLiteral("America/Denver")}, federal},
        {QStringLiteral("Arizona, no DST (contact zone)"), QStringLiteral("+16025550123"), QStringLiteral("America/Phoenix"), {QStringLiteral("America/Phoenix")}, federal},
        {QStringLiteral("Arizona by number (Navajo Nation keeps DST)"), QStringLiteral("+16025550123"), QStringLiteral(""), {QStringLiteral("America/Phoenix"), QStringLiteral("America/Denver")}, federal},
        {QStringLiteral("Pacific (CA 415)"), QStringLiteral("+14155550123"), QStringLiteral(""), {QStringLiteral("America/Los_Angeles")}, federal},
        {QStringLiteral("Alaska (907, Alaska and Aleutian time)"), QStringLiteral("+19075550123"), QStringLiteral(""), {QStringLiteral("America/Anchorage"), QStringLiteral("America/Adak")}, federal},
        {QStringLiteral("Hawaii-Aleutian (contact zone)"), QStringLiteral("+19075550123"), QStringLiteral("America/Adak"), {QStringLiteral("America/Adak")}, federal},
        {QStringLiteral("Hawaii (808)"), QStringLiteral("+18085550123"), QStringLiteral(""), {QStringLiteral("Pacific/Honolulu")}, federal},
        {QStringLiteral("Puerto Rico (787)"), QStringLiteral("+17875550123"), QStringLiteral(""), {QStringLiteral("America/Puerto_Rico")}, federal},
        {QStringLiteral("Guam (671)"), QStringLiteral("+16715550123"), QStringLiteral(""), {QStringLiteral("Pacific/Guam")}, federal},
        {QStringLiteral("Florida (305, Eastern and Central)"), QStringLiteral("+13055550123"), QStringLiteral(""), {QStringLiteral("America/New_York"), QStringLiteral("America/Chicago")}, eightToEight},
        {QStringLiteral("Florida (contact zone Eastern)"), QStringLiteral("+13055550123"), QStringLiteral("America/New_York"), {QStringLiteral("America/New_York")}, eightToEight},
        {QStringLiteral("Oklahoma (405)"), QStringLiteral("+14055550123"), QStringLiteral(""), {QStringLiteral("America/Chicago")}, eightToEight},
        {QStringLiteral("Maryland (410)"), QStringLiteral("+14105550123"), QStringLiteral(""), {QStringLiteral("America/New_York")}, eightToEight},
        {QStringLiteral("Texas (713, Central and Mountain)"), QStringLiteral("+17135550123"), QStringLiteral(""), {QStringLiteral("America/Chicago"), QStringLiteral("America/Denver")}, texas},
        {QStringLiteral("Alabama (205)"), QStringLiteral("+12055550123"), QStringLiteral(""), {QStringLiteral("America/Chicago")}, alabama},
    };
}

struct Simulation
{
    int samples = 0, sentNow = 0, waited = 0;
    QStringList problems;
};

// Every step minutes over the 24 hours from dayStartUtc: earliestSend says "now" only inside the
// window, and "later" gives exactly the first minute the window is open (every minute from now to
// then is outside it). Windows and zone offsets are whole minutes, so minutes are the truth's grain.
Simulation simulate(const QuietHours &quiet, const Recipient &r, qint64 dayStartUtc, int stepMinutes)
{
    QList<QTimeZone> zones;
    for (const QString &id : r.zones)
        zones << QTimeZone(id.toLatin1());
    QHash<qint64, bool> memo;
    const auto truth = [&](qint64 t) {
        if (const auto it = memo.constFind(t); it != memo.constEnd())
            return *it;
        bool ok = true;
        for (const QTimeZone &z : std::as_const(zones)) {
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, z);
            ok = ok && r.rule(local.date(), local.time());
        }
        memo.insert(t, ok);
        return ok;
    };
    Simulation s;
    for (qint64 t = dayStartUtc; t < dayStartUtc + 86'400'000; t += stepMinutes * 60'000LL) {
        ++s.samples;
        const qint64 at = quiet.earliestSend(r.e164, r.contactZone, t);
        const QString when = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()).toString(Qt::ISODate);
        if (at == t) {
            ++s.sentNow;
            if (!truth(t))
                s.problems << r.name + QStringLiteral(": sent at ") + when + QStringLiteral(", outside the window");
            continue;
        }
        ++s.waited;
        const QString until = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).toString(Qt::ISODate);
        if (at < t || at % 60'000 != 0 || at - t > 8 * 86'400'000LL) {
            s.problems << r.name + QStringLiteral(": at ") + when + QStringLiteral(" waits until ") + until;
            continue;
        }
        if (!truth(at))
            s.problems << r.name + QStringLiteral(": at ") + when + QStringLiteral(" waits until ") + until + QStringLiteral(", still outside");
        for (qint64 m = t; m < at; m += 60'000)
            if (truth(m)) {
                s.problems << r.name + QStringLiteral(": at ") + when + QStringLiteral(" waits until ") + until
                                  + QStringLiteral(" though ") + QDateTime::fromMSecsSinceEpoch(m, QTimeZone::utc()).toString(Qt::ISODate)
                                  + QStringLiteral(" was allowed");
                break;
            }
    }
    return s;
}

qint64 utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch();
}

QuietHours builtIn()
{
    auto q = QuietHours::create();
    if (!q)
        qFatal("%s", qPrintable(q.error().message));
    return *q;
}

} // namespace

class TestQuietHours : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyUsZoneOverADay_data();
    void everyUsZoneOverADay();
    void outsideTheUs_data();
    void outsideTheUs();
    void contactZoneOverridesTheNumber();
    void multiZoneStateTakesTheNarrowestWindow();
    void unknownNumbersWaitForEveryUsZone();
    void explainsWhy();
    void policyWindowAndStateSwitch();
    void builtInTableReads();
    void malformedTableIsRefusedWithItsLine_data();
    void malformedTableIsRefusedWithItsLine();
    void federalHolidays();
    void sameAnswersFromManyThreads();
};

void TestQuietHours::everyUsZoneOverADay_data()
{
    QTest::addColumn<QDate>("date");
    QTest::newRow("2026-03-08, DST starts") << QDate(2026, 3, 8);
    QTest::newRow("2026-11-01, DST ends") << QDate(2026, 11, 1);
    QTest::newRow("2026-07-04, a holiday on a Saturday") << QDate(2026, 7, 4);
    QTest::newRow("2026-12-07, a plain Monday") << QDate(2026, 12, 7);
    QTest::newRow("2026-02-15, a winter Sunday") << QDate(2026, 2, 15);
}

void TestQuietHours::everyUsZoneOverADay()
{
    QFETCH(QDate, date);
    const QuietHours quiet = builtIn();
    const qint64 start = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    int samples = 0, sentNow = 0, waited = 0;
    QStringList problems;
    for (const Recipient &r : recipients()) {
        const Simulation s = simulate(quiet, r, start, 5);
        samples += s.samples;
        sentNow += s.sentNow;
        waited += s.waited;
        problems += s.problems;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    QCOMPARE(samples, int(recipients().size()) * 288);
    QVERIFY(sentNow > 0);
    QVERIFY(waited > 0);
}

void TestQuietHours::outsideTheUs_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QLocale::Territory>("territory");
    QTest::newRow("Spain (mainland, Ceuta, Canaries)") << "+34612345678" << QLocale::Spain;
    QTest::newRow("United Kingdom") << "+442079460958" << QLocale::UnitedKingdom;
    QTest::newRow("Mexico") << "+525512345678" << QLocale::Mexico;
    QTest::newRow("Brazil") << "+5511961234567" << QLocale::Brazil;
    QTest::newRow("Australia") << "+61412345678" << QLocale::Australia;
    QTest::newRow("India") << "+919876543210" << QLocale::India;
    QTest::newRow("Ontario") << "+14165550123" << QLocale::AnyTerritory;
}

void TestQuietHours::outsideTheUs()
{
    QFETCH(QString, e164);
    QFETCH(QLocale::Territory, territory);
    Recipient r{QString::fromLatin1(QTest::currentDataTag()), e164, {}, {}, federal};
    if (territory == QLocale::AnyTerritory)
        r.zones = QStringList{QStringLiteral("America/Toronto"), QStringLiteral("America/Winnipeg")}; // Ontario's two
    else
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds(territory))
            r.zones << QString::fromLatin1(id);
    QVERIFY(!r.zones.isEmpty());
    const QuietHours quiet = builtIn();
    for (const QDate &date : {QDate(2026, 3, 29), QDate(2026, 10, 25), QDate(2026, 6, 1)}) {
        const Simulation s = simulate(quiet, r, QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch(), 10);
        QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.mid(0, 5).join(QLatin1Char('\n'))));
        QVERIFY(s.sentNow > 0);
        QVERIFY(s.waited > 0);
    }
}

void TestQuietHours::contactZoneOverridesTheNumber()
{
    const QuietHours quiet = builtIn();
    // 13:30 UTC on a winter Monday: 08:30 in New York, 05:30 in Los Angeles.
    const qint64 now = utc(2026, 12, 7, 13, 30);
    QCOMPARE(quiet.earliestSend(QStringLiteral("+12125550123"), {}, now), now);
    QCOMPARE(quiet.earliestSend(QStringLiteral("+12125550123"), QStringLiteral("America/Los_Angeles"), now), utc(2026, 12, 7, 16));
    // A Florida number whose contact lives in Los Angeles: Florida's 20:00 still ends the day, in
    // Los Angeles time. 03:30 UTC on Tuesday is 19:30 there.
    QCOMPARE(quiet.earliestSend(QStringLiteral("+13055550123"), QStringLiteral("America/Los_Angeles"), utc(2026, 12, 8, 3, 30)), utc(2026, 12, 8, 3, 30));
    QCOMPARE(quiet.earliestSend(QStringLiteral("+13055550123"), QStringLiteral("America/Los_Angeles"), utc(2026, 12, 8, 4, 5)), utc(2026, 12, 8, 16));
    // A name that is not a time zone is ignored: the number decides.
    QCOMPARE(quiet.earliestSend(QStringLiteral("+12125550123"), QStringLiteral("Mars/Olympus_Mons"), now), now);
}

void TestQuietHours::multiZoneStateTakesTheNarrowestWindow()
{
    const QuietHours quiet = builtIn();
    // Winter: Eastern is UTC-5, Central UTC-6. Florida allows 08:00-20:00 in both: 14:00-01:00 UTC.
    QCOMPARE(quiet.earliestSend(QStringLiteral("+13055550123"), {}, utc(2026, 12, 7, 13, 30)), utc(2026, 12, 7, 14)); // 08:30 ET, not yet in CT
    QCOMPARE(quiet.earliestSend(QStringLiteral("+13055550123"), {}, utc(2026, 12, 8, 0, 30)), utc(2026, 12, 8, 0, 30)); // 19:30 ET
    QCOMPARE(quiet.earliestSend(QStringLiteral("+13055550123"), {}, utc(2026, 12, 8, 1, 0)), utc(2026, 12, 8, 14)); // 20:00 ET: closed
    // Texas, Sunday: noon to 21:00 in Central and in Mountain (El Paso): 19:00 UTC to 03:00 UTC.
    QCOMPARE(quiet.earliestSend(QStringLiteral("+17135550123"), {}, utc(2026, 12, 6, 18)), utc(2026, 12, 6, 19));
    QVERIFY(QuietHours::zonesOfSubdivision(QStringLiteral("US-TX")).contains(QStringLiteral("America/Denver")));
    QVERIFY(QuietHours::zonesOfSubdivision(QStringLiteral("US-FL")).contains(QStringLiteral("America/Chicago")));
}

void TestQuietHours::unknownNumbersWaitForEveryUsZone()
{
    const QuietHours quiet = builtIn();
    Recipient r{QStringLiteral("unknown"), QStringLiteral("+99912345678"), {}, QuietHours::allUsZones(), federal};
    const Simulation s = simulate(quiet, r, utc(2026, 12, 7, 0), 5);
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY(s.sentNow > 0);
    const auto plan = quiet.plan(QStringLiteral("not a number"), {}, utc(2026, 12, 7, 12));
    QVERIFY(!plan.now);
    QCOMPARE(plan.place, QStringLiteral("every US time zone"));
}

void TestQuietHours::explainsWhy()
{
    const QuietHours quiet = builtIn();
    // Monday 13:00 UTC: 07:00 in Houston.
    const auto later = quiet.plan(QStringLiteral("+17135550123"), QStringLiteral("America/Chicago"), utc(2026, 12, 7, 13));
    QVERIFY(!later.now);
    QCOMPARE(later.at, utc(2026, 12, 7, 15)); // Texas opens at 09:00
    QCOMPARE(later.explanation, QStringLiteral("Waits until 09:00 in America/Chicago (Texas)."));
    const auto tomorrow = quiet.plan(QStringLiteral("+12125550123"), {}, utc(2026, 12, 8, 3));
    QCOMPARE(tomorrow.explanation, QStringLiteral("Waits until 08:00 on 2026-12-08 in America/New_York (New York)."));
    const auto now = quiet.plan(QStringLiteral("+12125550123"), {}, utc(2026, 12, 7, 15));
    QVERIFY(now.now);
    QCOMPARE(now.explanation, QStringLiteral("May be sent now: inside the window in America/New_York (New York)."));
}

void TestQuietHours::policyWindowAndStateSwitch()
{
    auto table = QuietHoursTable::builtIn();
    QVERIFY2(table.ok(), test::errorText(table).constData());
    // Without state rules Florida gets the federal 21:00; a narrower policy window is kept everywhere.
    const QuietHours federalOnly({QTime(8, 0), QTime(21, 0), false}, *table);
    QCOMPARE(federalOnly.earliestSend(QStringLiteral("+14105550123"), {}, utc(2026, 12, 8, 1, 30)), utc(2026, 12, 8, 1, 30)); // 20:30 in Maryland
    const QuietHours tenToSix({QTime(10, 0), QTime(18, 0), true}, *table);
    QCOMPARE(tenToSix.earliestSend(QStringLiteral("+12125550123"), {}, utc(2026, 12, 7, 14)), utc(2026, 12, 7, 15));
    QCOMPARE(tenToSix.earliestSend(QStringLiteral("+12125550123"), {}, utc(2026, 12, 7, 23)), utc(2026, 12, 8, 15));
}

void TestQuietHours::builtInTableReads()
{
    const auto table = QuietHoursTable::builtIn();
    QVERIFY2(table.ok(), test::errorText(table).constData());
    QVERIFY(!table->version.isEmpty());
    QSet<QString> states;
    for (const auto &r : table->rules) {
        QVERIFY2(!r.source.isEmpty(), qPrintable(QString::number(r.line)));
        states << r.state;
    }
    for (const char *s : {"FL", "OK", "MD", "TX", "AL", "LA", "MS", "WA"})
        QVERIFY2(states.contains(QString::fromLatin1(s)), s);
}

void TestQuietHours::malformedTableIsRefusedWithItsLine_data()
{
    QTest::addColumn<QByteArray>("tsv");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("why");
    const QByteArray head = "version\t1\n# a comment\n";
    QTest::newRow("no version") << QByteArray("FL\tall\t08:00-20:00\tsource\n") << "line 1" << "version";
    QTest::newRow("empty table") << QByteArray("# nothing\n") << "" << "version";
    QTest::newRow("three columns") << head + "FL\tall\t08:00-20:00\n" << "line 3" << "where a rule has 4";
    QTest::newRow("unknown state") << head + "FL\tall\t08:00-20:00\ts\nZZ\tall\t08:00-20:00\ts\n" << "line 4" << "\"ZZ\"";
    QTest::newRow("bad day") << head + "TX\tmonday\t08:00-20:00\ts\n" << "line 3" << "\"monday\"";
    QTest::newRow("backward range") << head + "TX\tsat-mon\t08:00-20:00\ts\n" << "line 3" << "\"sat-mon\"";
    QTest::newRow("bad window") << head + "TX\tall\t8am-8pm\ts\n" << "line 3" << "\"8am-8pm\"";
    QTest::newRow("ends before it starts") << head + "TX\tall\t20:00-08:00\ts\n" << "line 3" << "ends before";
    QTest::newRow("no source") << head + "TX\tall\t08:00-20:00\t \n" << "line 3" << "no source";
}

void TestQuietHours::malformedTableIsRefusedWithItsLine()
{
    QFETCH(QByteArray, tsv);
    QFETCH(QString, where);
    QFETCH(QString, why);
    const auto table = QuietHoursTable::parse(tsv, QStringLiteral("test.tsv"));
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code, QString(errc::quietHoursTable));
    QVERIFY2(table.error().message.contains(QStringLiteral("test.tsv")), qPrintable(table.error().message));
    QVERIFY2(table.error().message.contains(where), qPrintable(table.error().message));
    QVERIFY2(table.error().message.contains(why), qPrintable(table.error().message));
}

void TestQuietHours::federalHolidays()
{
    for (QDate d(2026, 1, 1); d.year() == 2026; d = d.addDays(1))
        QVERIFY2(QuietHours::isFederalHoliday(d) == holiday2026(d), qPrintable(d.toString(Qt::ISODate)));
}

void TestQuietHours::sameAnswersFromManyThreads()
{
    const QuietHours quiet = builtIn();
    const auto run = [quiet] {
        QList<qint64> out;
        for (qint64 t = utc(2026, 3, 7, 0); t < utc(2026, 3, 9, 0); t += 3'600'000)
            for (const Recipient &r : recipients())
                out << quiet.earliestSend(r.e164, r.contactZone, t);
        return out;
    };
    QList<QFuture<QList<qint64>>> futures;
    for (int i = 0; i < 4; ++i)
        futures << QtConcurrent::run(run);
    const QList<qint64> expected = run();
    for (auto &f : futures)
        QCOMPARE(f.result(), expected);
}

LUX_TEST_MAIN(TestQuietHours, QCoreApplication)
#include "tst_quiethours.moc"
