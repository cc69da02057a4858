// SPDX-License-Identifier: GPL-3.0-or-later
// luxctl abtest calc and abtest plan, run as a process: the JSON shape and values (the same as
// AbStatistics gives in process), the readable output, and usage errors that name the argument.
#include "campaigns/abstatistics.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace lux;
using namespace lux::campaigns;

namespace {
using Run = lux::test::ProcessRun;

Run luxctl(const QStringList &args)
{
    return lux::test::runCaptured(QStringLiteral(LUXCTL_PATH), args);
}

QStringList args(const char *line)
{
    return QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

class TestAbtestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void calcJsonMatchesTheLibrary();
    void calcThreeVariantsAndMetric();
    void calcText();
    void calcUsageErrors_data();
    void calcUsageErrors();
    void planJson();
    void planText();
    void planUsageErrors_data();
    void planUsageErrors();
    void helpListsTheOptions();
};

void TestAbtestCli::calcJsonMatchesTheLibrary()
{
    const Run r = luxctl(args("abtest calc --variant 1000:40 --variant 1000:62 --json"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1); // one JSON object, one line
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("winner")).toString(), QStringLiteral("B"));
    QCOMPARE(o.value(QLatin1String("reason_code")).toString(), QStringLiteral("abtest.winner"));
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("B won: 6.2 % against 4.0 % of people clicked, p = 0.025."));

    const auto expected = AbStatistics::analyse({{QStringLiteral("A"), 1000, 40}, {QStringLiteral("B"), 1000, 62}}, AbRule());
    QVERIFY(expected.ok());
    QJsonObject same = expected->toJson();
    same.insert(QStringLiteral("ok"), true);
    QCOMPARE(o, same);

    const QJsonObject b = o.value(QLatin1String("variants")).toArray().at(1).toObject();
    QCOMPARE(b.value(QLatin1String("name")).toString(), QStringLiteral("B"));
    QCOMPARE(b.value(QLatin1String("sent")).toInteger(), 1000);
    QCOMPARE(b.value(QLatin1String("successes")).toInteger(), 62);
    QCOMPARE(b.value(QLatin1String("rate")).toDouble(), 0.062);
    QCOMPARE(b.value(QLatin1String("ci")).toArray().size(), 2);
    const QJsonObject c = o.value(QLatin1String("comparisons")).toArray().at(0).toObject();
    QCOMPARE(c.value(QLatin1String("a")).toString(), QStringLiteral("B"));
    QCOMPARE(c.value(QLatin1String("b")).toString(), QStringLiteral("A"));
    QCOMPARE(c.value(QLatin1String("test")).toString(), QStringLiteral("z"));
    QVERIFY(qAbs(c.value(QLatin1String("p")).toDouble() - 0.025345805781676098) < 1e-12);
}

void TestAbtestCli::calcThreeVariantsAndMetric()
{
    const Run r = luxctl(args("abtest calc --variant 800:30 --variant 800:60 --variant 312:12 --metric ctor --json"));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("variants")).toArray().size(), 3);
    QCOMPARE(o.value(QLatin1String("comparisons")).toArray().size(), 2);
    QVERIFY(o.value(QLatin1String("winner")).isNull());
    // Planned equal, sent 800/800/312: the split check speaks first.
    QCOMPARE(o.value(QLatin1String("reason_code")).toString(), QStringLiteral("abtest.srm"));

    const Run few = luxctl(args("abtest calc --variant 400:30 --variant 420:60 --metric opens --json"));
    QCOMPARE(few.exitCode, 0);
    QCOMPARE(few.json().value(QLatin1String("reason")).toString(), QStringLiteral("No winner yet: too few delivered, A has 400 of 500."));
    const Run lower = luxctl(args("abtest calc --variant 400:30 --variant 420:60 --metric opens --min 400 --json"));
    QCOMPARE(lower.exitCode, 0);
    QCOMPARE(lower.json().value(QLatin1String("reason_code")).toString(), QStringLiteral("abtest.winner"));
    QVERIFY(lower.json().value(QLatin1String("reason")).toString().contains(QLatin1String("of people opened")));
}

void TestAbtestCli::calcText()
{
    const Run r = luxctl(args("abtest calc --variant 1000:40 --variant 1000:62"));
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QLatin1String("Variant")) && out.contains(QLatin1String("Delivered")) && out.contains(QLatin1String("Clicked")),
             r.out.constData());
    QVERIFY2(out.contains(QLatin1String("B against A: +2.2 points")), r.out.constData());
    QVERIFY2(out.contains(QLatin1String("z-test, p = 0.025")), r.out.constData());
    QVERIFY2(out.trimmed().endsWith(QLatin1String("B won: 6.2 % against 4.0 % of people clicked, p = 0.025.")), r.out.constData());
    QVERIFY(r.err.isEmpty());
}

void TestAbtestCli::calcUsageErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number") << QStringLiteral("abtest calc --variant 10:abc --variant 10:2") << QStringLiteral("--variant 10:abc");
    QTest::newRow("no colon") << QStringLiteral("abtest calc --variant 10 --variant 10:2") << QStringLiteral("--variant 10:");
    QTest::newRow("successes over sent") << QStringLiteral("abtest calc --variant 5:9 --variant 10:2")
                                         << QStringLiteral("--variant 5:9: more successes than sent.");
    QTest::newRow("negative") << QStringLiteral("abtest calc --variant -5:1 --variant 10:2") << QStringLiteral("--variant -5:1");
    QTest::newRow("one variant") << QStringLiteral("abtest calc --variant 10:2") << QStringLiteral("Give 2 to 5 variants");
    QTest::newRow("six variants") << QStringLiteral("abtest calc --variant 1:0 --variant 1:0 --variant 1:0 --variant 1:0 --variant 1:0 --variant 1:0")
                                  << QStringLiteral("(6 given)");
    QTest::newRow("bad --min") << QStringLiteral("abtest calc --variant 10:1 --variant 10:2 --min x") << QStringLiteral("--min x");
    QTest::newRow("bad --metric") << QStringLiteral("abtest calc --variant 10:1 --variant 10:2 --metric likes") << QStringLiteral("--metric likes");
    QTest::newRow("stray argument") << QStringLiteral("abtest calc A --variant 10:1 --variant 10:2") << QStringLiteral("'A'");
    QTest::newRow("option of plan") << QStringLiteral("abtest calc --variant 10:1 --variant 10:2 --baseline 0.1") << QStringLiteral("baseline");
}

void TestAbtestCli::calcUsageErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    const Run r = luxctl(line.split(QLatin1Char(' ')) + QStringList{QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestAbtestCli::planJson()
{
    const Run r = luxctl(args("abtest plan --baseline 0.04 --lift 0.01 --json"));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("per_variant")).toInteger(), 6745); // reference.py: 6744.93 rounded up
    QCOMPARE(o.value(QLatin1String("total")).toInteger(), 13490);
    QCOMPARE(o.value(QLatin1String("baseline")).toDouble(), 0.04);
    QCOMPARE(o.value(QLatin1String("target")).toDouble(), 0.05);
    QCOMPARE(o.value(QLatin1String("lift")).toDouble(), 0.01);
    QCOMPARE(o.value(QLatin1String("variants")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("alpha")).toDouble(), 0.05);
    QCOMPARE(o.value(QLatin1String("alpha_per_comparison")).toDouble(), 0.05);
    QCOMPARE(o.value(QLatin1String("power")).toDouble(), 0.8);

    const Run five = luxctl(args("abtest plan --baseline 0.3 --lift 0.05 --variants 5 --alpha 0.01 --power 0.9 --json"));
    QCOMPARE(five.exitCode, 0);
    QCOMPARE(five.json().value(QLatin1String("per_variant")).toInteger(), 3250);
    QCOMPARE(five.json().value(QLatin1String("total")).toInteger(), 16250);
    QCOMPARE(five.json().value(QLatin1String("alpha_per_comparison")).toDouble(), 0.0025);

    const Run relative = luxctl(args("abtest plan --baseline 0.1 --lift 0.1 --relative --variants 4 --json"));
    QCOMPARE(relative.exitCode, 0);
    QCOMPARE(relative.json().value(QLatin1String("per_variant")).toInteger(), 19676);
    QCOMPARE(relative.json().value(QLatin1String("relative_lift")).toBool(), true);
}

void TestAbtestCli::planText()
{
    const Run r = luxctl(args("abtest plan --baseline 0.04 --lift 0.01"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("6,745 per variant, 13,490 in all: 2 variants to tell 4.0 % from 5.0 %"), r.out.constData());
}

void TestAbtestCli::planUsageErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("no baseline") << QStringLiteral("abtest plan --lift 0.01") << QStringLiteral("--baseline is required.");
    QTest::newRow("no lift") << QStringLiteral("abtest plan --baseline 0.04") << QStringLiteral("--lift is required.");
    QTest::newRow("baseline text") << QStringLiteral("abtest plan --baseline four --lift 0.01") << QStringLiteral("--baseline four");
    QTest::newRow("baseline in percent") << QStringLiteral("abtest plan --baseline 4 --lift 1") << QStringLiteral("The baseline rate must be between 0 and 1");
    QTest::newRow("target over 1") << QStringLiteral("abtest plan --baseline 0.9 --lift 0.2") << QStringLiteral("target rate of 1.1");
    QTest::newRow("six variants") << QStringLiteral("abtest plan --baseline 0.04 --lift 0.01 --variants 6") << QStringLiteral("not 6");
    QTest::newRow("variants text") << QStringLiteral("abtest plan --baseline 0.04 --lift 0.01 --variants two") << QStringLiteral("--variants two");
    QTest::newRow("power 1") << QStringLiteral("abtest plan --baseline 0.04 --lift 0.01 --power 1") << QStringLiteral("The power must be between 0 and 1");
}

void TestAbtestCli::planUsageErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    const Run r = luxctl(line.split(QLatin1Char(' ')));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestAbtestCli::helpListsTheOptions()
{
    const Run calc = luxctl(args("abtest calc --help"));
    QCOMPARE(calc.exitCode, 0);
    for (const char *option : {"--variant <SENT:SUCCESSES>", "--min <N>", "--metric <M>"})
        QVERIFY2(calc.out.contains(option), calc.out.constData());
    const Run plan = luxctl(args("abtest plan --help"));
    QCOMPARE(plan.exitCode, 0);
    for (const char *option : {"--baseline <RATE>", "--lift <L>", "--relative", "--variants <K>", "--alpha <A>", "--power <P>"})
        QVERIFY2(plan.out.contains(option), plan.out.constData());
    const Run all = luxctl(args("--help"));
    QVERIFY(all.out.contains("abtest calc") && all.out.contains("abtest plan"));
}

QTEST_GUILESS_MAIN(TestAbtestCli)
#include "tst_abtestcli.moc"
