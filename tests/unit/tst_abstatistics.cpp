// SPDX-License-Identifier: GPL-3.0-or-later
// The A/B test statistics against reference values computed independently with SciPy and numpy
// (tests/data/abtest/reference.py → reference.json), the rule's sentences and errors, and an A/A
// simulation: with no real difference the rule must name a winner no more often than alpha.
#include "campaigns/abstatistics.h"
#include "common/errorcodes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>
#include <tuple>

using namespace lux;
using namespace lux::campaigns;

namespace {

// p values: relative 1e-9, or 1e-12 absolute for tiny ones (the brief asks for 1e-6 and 1e-9;
// the code does better, so the test holds it there).
constexpr double kPRelative = 1e-9;
constexpr double kPAbsolute = 1e-12;
constexpr double kCi = 1e-12;         // Wilson and Newcombe: the same closed forms
constexpr double kQuadrature = 1e-7;  // P(best), expected loss against scipy.integrate.quad

bool closeP(double actual, double expected)
{
    const double gap = std::abs(actual - expected);
    return gap <= kPAbsolute || gap <= kPRelative * std::abs(expected);
}

QString closePText(const char *what, double actual, double expected)
{
    return QStringLiteral("%1: %2, expected %3 (relative gap %4)")
        .arg(QLatin1String(what))
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17)
        .arg(expected != 0 ? std::abs(actual - expected) / std::abs(expected) : std::abs(actual), 0, 'g', 3);
}

#define COMPARE_P(what, actual, expected)                                                                                             \
    QVERIFY2(closeP((actual), (expected)), qPrintable(closePText(what, (actual), (expected))))
#define COMPARE_ABS(what, actual, expected, tolerance)                                                                                \
    QVERIFY2(std::abs((actual) - (expected)) <= (tolerance), qPrintable(closePText(what, (actual), (expected))))

AbMetric metricFrom(const QString &name)
{
    if (name == QLatin1String("opens"))
        return AbMetric::HumanOpens;
    if (name == QLatin1String("ctor"))
        return AbMetric::ClickToOpen;
    if (name == QLatin1String("manual"))
        return AbMetric::Manual;
    return AbMetric::HumanClicks;
}

QList<AbCounts> countsFrom(const QJsonArray &variants)
{
    QList<AbCounts> out;
    for (const QJsonValue &v : variants)
        out.append({v[QLatin1String("name")].toString(), v[QLatin1String("sent")].toInteger(), v[QLatin1String("successes")].toInteger()});
    return out;
}

QList<AbCounts> counts(std::initializer_list<std::pair<qint64, qint64>> sentAndSuccesses)
{
    QList<AbCounts> out;
    for (const auto &[sent, successes] : sentAndSuccesses)
        out.append({QString(QChar(char16_t(u'A' + out.size()))), sent, successes});
    return out;
}

QJsonObject g_reference;

} // namespace

Q_DECLARE_METATYPE(lux::campaigns::AbCounts)

class TestAbStatistics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void analysesMatchTheReference_data();
    void analysesMatchTheReference();
    void plansMatchTheReference_data();
    void plansMatchTheReference();
    void fisherMatchesScipy_data();
    void fisherMatchesScipy();
    void zTestMatchesScipy_data();
    void zTestMatchesScipy();
    void holmMatchesTheDefinition_data();
    void holmMatchesTheDefinition();
    void normalQuantileMatchesScipy_data();
    void normalQuantileMatchesScipy();
    void normalQuantileKnownValues();
    void normalCdfInvertsTheQuantile();
    void fisherSymmetricTables();
    void probabilityBestSumsToOne_data();
    void probabilityBestSumsToOne();
    void posteriorOfFiveAtOneHundredThousandIsFast();
    void inputErrors_data();
    void inputErrors();
    void planErrors_data();
    void planErrors();
    void reasons_data();
    void reasons();
    void jsonShape();
    void aaSimulation();
};

void TestAbStatistics::initTestCase()
{
    QFile f(QStringLiteral(LUX_TEST_DATA_DIR "/abtest/reference.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    QJsonParseError error;
    g_reference = QJsonDocument::fromJson(f.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(g_reference.value(QLatin1String("analyses")).toArray().size() >= 24);
}

// ---------------------------------------------------------------------------------------------
// Against reference.json

void TestAbStatistics::analysesMatchTheReference_data()
{
    QTest::addColumn<QJsonObject>("c");
    for (const QJsonValue &v : g_reference.value(QLatin1String("analyses")).toArray())
        QTest::newRow(qPrintable(v[QLatin1String("name")].toString())) << v.toObject();
}

void TestAbStatistics::analysesMatchTheReference()
{
    QFETCH(QJsonObject, c);
    const QJsonObject in = c.value(QLatin1String("input")).toObject();
    AbRule rule;
    rule.alpha = in.value(QLatin1String("alpha")).toDouble();
    rule.minPerVariant = in.value(QLatin1String("min")).toInteger();
    rule.srmAlpha = in.value(QLatin1String("srm_alpha")).toDouble();
    for (const QJsonValue &s : in.value(QLatin1String("shares")).toArray())
        rule.plannedShares.append(s.toDouble());
    const auto result = AbStatistics::analyse(countsFrom(in.value(QLatin1String("variants")).toArray()), rule,
                                              metricFrom(in.value(QLatin1String("metric")).toString()));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    const AbAnalysis &a = *result;

    const QJsonArray variants = c.value(QLatin1String("variants")).toArray();
    QCOMPARE(a.variants.size(), variants.size());
    double pBestSum = 0;
    for (qsizetype i = 0; i < variants.size(); ++i) {
        const QJsonObject e = variants.at(i).toObject();
        const AbVariantResult &r = a.variants.at(i);
        QCOMPARE(r.name, e.value(QLatin1String("name")).toString());
        COMPARE_ABS("rate", r.rate, e.value(QLatin1String("rate")).toDouble(), 1e-15);
        const QJsonArray ci = e.value(QLatin1String("ci")).toArray();
        COMPARE_ABS("Wilson low", r.ciLow, ci.at(0).toDouble(), kCi);
        COMPARE_ABS("Wilson high", r.ciHigh, ci.at(1).toDouble(), kCi);
        // Monte Carlo: within 4 standard errors + 1e-4.
        const double mcBest = e.value(QLatin1String("p_best_mc")).toDouble();
        const double mcBestSe = e.value(QLatin1String("p_best_mc_se")).toDouble();
        COMPARE_ABS("P(best) against Monte Carlo", r.pBest, mcBest, 4 * mcBestSe + 1e-4);
        const double mcLoss = e.value(QLatin1String("expected_loss_mc")).toDouble();
        const double mcLossSe = e.value(QLatin1String("expected_loss_mc_se")).toDouble();
        COMPARE_ABS("expected loss against Monte Carlo", r.expectedLoss, mcLoss, 4 * mcLossSe + 1e-4);
        // Adaptive quadrature in SciPy: much tighter.
        COMPARE_ABS("P(best) against scipy quad", r.pBest, e.value(QLatin1String("p_best_quad")).toDouble(), kQuadrature);
        COMPARE_ABS("expected loss against scipy quad", r.expectedLoss, e.value(QLatin1String("expected_loss_quad")).toDouble(), kQuadrature);
        pBestSum += r.pBest;
    }
    COMPARE_ABS("sum of P(best)", pBestSum, 1.0, 1e-12);

    const QJsonArray comparisons = c.value(QLatin1String("comparisons")).toArray();
    QCOMPARE(a.comparisons.size(), comparisons.size());
    for (qsizetype i = 0; i < comparisons.size(); ++i) {
        const QJsonObject e = comparisons.at(i).toObject();
        const AbComparison &r = a.comparisons.at(i);
        QCOMPARE(r.a, e.value(QLatin1String("a")).toString());
        QCOMPARE(r.b, e.value(QLatin1String("b")).toString());
        QCOMPARE(r.test == AbTestKind::Fisher ? QStringLiteral("fisher") : QStringLiteral("z"), e.value(QLatin1String("test")).toString());
        COMPARE_P("p", r.p, e.value(QLatin1String("p")).toDouble());
        COMPARE_P("Holm-adjusted p", r.pAdjusted, e.value(QLatin1String("p_adjusted")).toDouble());
        COMPARE_ABS("difference", r.diff, e.value(QLatin1String("diff")).toDouble(), 1e-15);
        const QJsonArray ci = e.value(QLatin1String("ci")).toArray();
        COMPARE_ABS("Newcombe low", r.diffLow, ci.at(0).toDouble(), kCi);
        COMPARE_ABS("Newcombe high", r.diffHigh, ci.at(1).toDouble(), kCi);
    }
    COMPARE_P("SRM p", a.srmP, c.value(QLatin1String("srm_p")).toDouble());

    const QJsonValue best = c.value(QLatin1String("best"));
    QCOMPARE(a.best >= 0 ? a.variants.at(a.best).name : QString(), best.isNull() ? QString() : best.toString());
    const QJsonValue winner = c.value(QLatin1String("winner"));
    QCOMPARE(a.winner >= 0 ? a.variants.at(a.winner).name : QString(), winner.isNull() ? QString() : winner.toString());
    QCOMPARE(a.reasonCode, c.value(QLatin1String("reason_code")).toString());
    QVERIFY(!a.reason.isEmpty());
}

void TestAbStatistics::plansMatchTheReference_data()
{
    QTest::addColumn<QJsonObject>("c");
    for (const QJsonValue &v : g_reference.value(QLatin1String("plans")).toArray())
        QTest::newRow(qPrintable(v[QLatin1String("name")].toString())) << v.toObject();
}

void TestAbStatistics::plansMatchTheReference()
{
    QFETCH(QJsonObject, c);
    const QJsonObject in = c.value(QLatin1String("input")).toObject();
    AbPlanInput input;
    input.baseline = in.value(QLatin1String("baseline")).toDouble();
    input.lift = in.value(QLatin1String("lift")).toDouble();
    input.relativeLift = in.value(QLatin1String("relative")).toBool();
    input.variants = in.value(QLatin1String("variants")).toInt();
    input.alpha = in.value(QLatin1String("alpha")).toDouble();
    input.power = in.value(QLatin1String("power")).toDouble();
    const auto plan = AbStatistics::plan(input);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(plan->perVariant, c.value(QLatin1String("per_variant")).toInteger());
    QCOMPARE(plan->total, c.value(QLatin1String("total")).toInteger());
    COMPARE_ABS("target", plan->target, c.value(QLatin1String("target")).toDouble(), 1e-15);
    COMPARE_ABS("alpha per comparison", plan->alphaPerComparison, c.value(QLatin1String("alpha_per_comparison")).toDouble(), 1e-15);
}

void TestAbStatistics::fisherMatchesScipy_data()
{
    QTest::addColumn<QJsonObject>("c");
    for (const QJsonValue &v : g_reference.value(QLatin1String("fisher")).toArray()) {
        const QJsonArray t = v[QLatin1String("table")].toArray();
        QTest::addRow("[[%d,%d],[%d,%d]]", t.at(0).toInt(), t.at(1).toInt(), t.at(2).toInt(), t.at(3).toInt()) << v.toObject();
    }
}

void TestAbStatistics::fisherMatchesScipy()
{
    QFETCH(QJsonObject, c);
    const QJsonArray t = c.value(QLatin1String("table")).toArray();
    const double p = AbStatistics::fisherTwoSided(t.at(0).toInteger(), t.at(1).toInteger(), t.at(2).toInteger(), t.at(3).toInteger());
    COMPARE_P("Fisher p", p, c.value(QLatin1String("p")).toDouble());
}

void TestAbStatistics::zTestMatchesScipy_data()
{
    QTest::addColumn<QJsonObject>("c");
    for (const QJsonValue &v : g_reference.value(QLatin1String("z_tests")).toArray()) {
        const QJsonArray t = v[QLatin1String("counts")].toArray();
        QTest::addRow("%d/%d vs %d/%d", t.at(0).toInt(), t.at(1).toInt(), t.at(2).toInt(), t.at(3).toInt()) << v.toObject();
    }
}

void TestAbStatistics::zTestMatchesScipy()
{
    QFETCH(QJsonObject, c);
    const QJsonArray t = c.value(QLatin1String("counts")).toArray();
    const double p = AbStatistics::zTestTwoSided(t.at(0).toInteger(), t.at(1).toInteger(), t.at(2).toInteger(), t.at(3).toInteger());
    COMPARE_P("z-test p", p, c.value(QLatin1String("p")).toDouble());
}

void TestAbStatistics::holmMatchesTheDefinition_data()
{
    QTest::addColumn<QJsonObject>("c");
    int row = 0;
    for (const QJsonValue &v : g_reference.value(QLatin1String("holm")).toArray())
        QTest::addRow("holm %d", row++) << v.toObject();
}

void TestAbStatistics::holmMatchesTheDefinition()
{
    QFETCH(QJsonObject, c);
    QList<double> p;
    for (const QJsonValue &v : c.value(QLatin1String("p")).toArray())
        p.append(v.toDouble());
    const QList<double> adjusted = AbStatistics::holm(p);
    const QJsonArray expected = c.value(QLatin1String("adjusted")).toArray();
    QCOMPARE(adjusted.size(), expected.size());
    for (qsizetype i = 0; i < adjusted.size(); ++i)
        COMPARE_ABS("Holm", adjusted.at(i), expected.at(i).toDouble(), 1e-15);
}

void TestAbStatistics::normalQuantileMatchesScipy_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("z");
    for (const QJsonValue &v : g_reference.value(QLatin1String("normal_quantile")).toArray())
        QTest::addRow("%g", v[QLatin1String("p")].toDouble()) << v[QLatin1String("p")].toDouble() << v[QLatin1String("z")].toDouble();
}

void TestAbStatistics::normalQuantileMatchesScipy()
{
    QFETCH(double, p);
    QFETCH(double, z);
    COMPARE_ABS("quantile", AbStatistics::normalQuantile(p), z, 1e-14 * std::max(1.0, std::abs(z)));
}

void TestAbStatistics::normalQuantileKnownValues()
{
    // Abramowitz & Stegun table 26.5 and the values every statistics course quotes.
    COMPARE_ABS("z(0.5)", AbStatistics::normalQuantile(0.5), 0.0, 1e-16);
    COMPARE_ABS("z(0.975)", AbStatistics::normalQuantile(0.975), 1.959963984540054, 1e-14);
    COMPARE_ABS("z(0.95)", AbStatistics::normalQuantile(0.95), 1.6448536269514722, 1e-14);
    COMPARE_ABS("z(0.8)", AbStatistics::normalQuantile(0.8), 0.8416212335729143, 1e-14);
    COMPARE_ABS("z(0.995)", AbStatistics::normalQuantile(0.995), 2.5758293035489004, 1e-14);
    COMPARE_ABS("z(0.025)", AbStatistics::normalQuantile(0.025), -1.959963984540054, 1e-14);
    COMPARE_ABS("z(1e-10)", AbStatistics::normalQuantile(1e-10), -6.361340902404056, 1e-13);
    QVERIFY(std::isinf(AbStatistics::normalQuantile(0)) && AbStatistics::normalQuantile(0) < 0);
    QVERIFY(std::isinf(AbStatistics::normalQuantile(1)) && AbStatistics::normalQuantile(1) > 0);
}

void TestAbStatistics::normalCdfInvertsTheQuantile()
{
    for (const double p : {1e-12, 1e-6, 0.001, 0.02, 0.3, 0.5, 0.77, 0.999})
        COMPARE_ABS("cdf(quantile(p))", AbStatistics::normalCdf(AbStatistics::normalQuantile(p)), p, 1e-14 * std::max(p, 1e-3));
    COMPARE_ABS("cdf(1.96)", AbStatistics::normalCdf(1.959963984540054), 0.975, 1e-15);
}

void TestAbStatistics::fisherSymmetricTables()
{
    // A table and its mirror image have the same p, whichever way rows and columns are read.
    using Table = std::tuple<qint64, qint64, qint64, qint64>;
    const Table tables[] = {{3, 7, 7, 3}, {1, 9, 11, 3}, {2, 28, 9, 16}, {0, 40, 8, 32}};
    for (const auto &[a, b, c, d] : tables) {
        const double p = AbStatistics::fisherTwoSided(a, b, c, d);
        COMPARE_ABS("rows swapped", AbStatistics::fisherTwoSided(c, d, a, b), p, 1e-14);
        COMPARE_ABS("columns swapped", AbStatistics::fisherTwoSided(b, a, d, c), p, 1e-14);
        COMPARE_ABS("transposed", AbStatistics::fisherTwoSided(a, c, b, d), p, 1e-14);
    }
    // Equal rows: nothing could be less surprising.
    QCOMPARE(AbStatistics::fisherTwoSided(5, 5, 5, 5), 1.0);
    QCOMPARE(AbStatistics::fisherTwoSided(0, 10, 0, 12), 1.0);
    // [[3,7],[7,3]]: both tails of a symmetric distribution, 2 * P(X <= 3) with X ~ H(20, 10, 10).
    double tail = 0;
    for (int x = 0; x <= 3; ++x)
        tail += std::exp(std::lgamma(11) - std::lgamma(x + 1) - std::lgamma(11 - x) + std::lgamma(11) - std::lgamma(11 - x) - std::lgamma(x + 1)
                         - (std::lgamma(21) - 2 * std::lgamma(11)));
    COMPARE_ABS("[[3,7],[7,3]]", AbStatistics::fisherTwoSided(3, 7, 7, 3), 2 * tail, 1e-12);
}

void TestAbStatistics::probabilityBestSumsToOne_data()
{
    QTest::addColumn<QList<AbCounts>>("v");
    QTest::newRow("nothing yet") << counts({{0, 0}, {0, 0}});
    QTest::newRow("identical") << counts({{1000, 30}, {1000, 30}, {1000, 30}});
    QTest::newRow("apart") << counts({{100000, 1000}, {100000, 5000}});
    QTest::newRow("five, n 100,000") << counts({{100000, 3000}, {100000, 3400}, {100000, 3050}, {100000, 2980}, {100000, 3100}});
    QTest::newRow("all and none") << counts({{40, 40}, {40, 0}, {3, 1}});
}

void TestAbStatistics::probabilityBestSumsToOne()
{
    QFETCH(QList<AbCounts>, v);
    const QList<double> p = AbStatistics::probabilityBest(v);
    QCOMPARE(p.size(), v.size());
    double sum = 0;
    for (const double x : p) {
        QVERIFY(x >= 0 && x <= 1);
        sum += x;
    }
    COMPARE_ABS("sum", sum, 1.0, 1e-12);
    const QList<double> loss = AbStatistics::expectedLoss(v);
    for (const double x : loss)
        QVERIFY(x >= 0 && x < 1);
    // Identical posteriors: each is best as often as the others.
    if (v.size() == 3 && v.at(0).successes == v.at(1).successes && v.at(1).successes == v.at(2).successes)
        for (const double x : p)
            COMPARE_ABS("a third", x, 1.0 / 3, 1e-9);
}

void TestAbStatistics::posteriorOfFiveAtOneHundredThousandIsFast()
{
    const QList<AbCounts> v = counts({{100000, 3000}, {100000, 3400}, {100000, 3050}, {100000, 2980}, {100000, 3100}});
    (void)AbStatistics::posterior(v); // the quadrature rule is made once
    QElapsedTimer t;
    t.start();
    constexpr int kRuns = 20;
    for (int i = 0; i < kRuns; ++i)
        (void)AbStatistics::posterior(v);
    const double ms = double(t.nsecsElapsed()) / 1e6 / kRuns;
    qInfo("P(best) and expected loss, 5 variants at 100,000: %.2f ms each (this build)", ms);
    QVERIFY2(ms < 100, qPrintable(QString::number(ms))); // a Debug build is ~10x slower than release
}

void TestAbStatistics::inputErrors_data()
{
    QTest::addColumn<QList<AbCounts>>("v");
    QTest::addColumn<QList<double>>("shares");
    QTest::addColumn<QString>("message");
    QTest::newRow("one variant") << counts({{100, 1}}) << QList<double>{} << QStringLiteral("An A/B test compares 2 to 5 variants, not 1.");
    QTest::newRow("six variants") << counts({{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}}) << QList<double>{}
                                  << QStringLiteral("An A/B test compares 2 to 5 variants, not 6.");
    QTest::newRow("successes over sent") << counts({{10, 1}, {10, 2}, {10, 12}}) << QList<double>{}
                                         << QStringLiteral("Variant C: 12 success(es) out of 10 sent."); // English forms: translations/lux_en.ts
    QTest::newRow("negative sent") << counts({{-5, 0}, {10, 2}}) << QList<double>{}
                                   << QStringLiteral("Variant A: counts cannot be negative (-5 sent, 0 successes).");
    QTest::newRow("negative successes") << counts({{5, 0}, {10, -2}}) << QList<double>{}
                                        << QStringLiteral("Variant B: counts cannot be negative (10 sent, -2 successes).");
    QTest::newRow("shares: count") << counts({{10, 1}, {10, 2}}) << QList<double>{0.2, 0.3, 0.5}
                                   << QStringLiteral("The planned split has 3 share(s) for 2 variants.");
    QTest::newRow("shares: sum") << counts({{10, 1}, {10, 2}}) << QList<double>{0.5, 0.6}
                                 << QStringLiteral("The planned shares add up to 1.1, not 1.");
    QTest::newRow("shares: zero") << counts({{10, 1}, {10, 2}}) << QList<double>{0.0, 1.0}
                                  << QStringLiteral("Variant A: a planned share of 0; each share must be above 0 and below 1.");
}

void TestAbStatistics::inputErrors()
{
    QFETCH(QList<AbCounts>, v);
    QFETCH(QList<double>, shares);
    QFETCH(QString, message);
    AbRule rule;
    rule.plannedShares = shares;
    const auto result = AbStatistics::analyse(v, rule);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QString(errc::abtestInput));
    QCOMPARE(result.error().message, message);
}

void TestAbStatistics::planErrors_data()
{
    QTest::addColumn<double>("baseline");
    QTest::addColumn<double>("lift");
    QTest::addColumn<bool>("relative");
    QTest::addColumn<int>("variants");
    QTest::addColumn<QString>("message");
    QTest::newRow("baseline 0") << 0.0 << 0.01 << false << 2 << QStringLiteral("The baseline rate must be between 0 and 1 (say 0.04 for 4 %), not 0.");
    QTest::newRow("baseline 1") << 1.0 << 0.01 << false << 2 << QStringLiteral("The baseline rate must be between 0 and 1 (say 0.04 for 4 %), not 1.");
    QTest::newRow("baseline 4 (percent)") << 4.0 << 1.0 << false << 2 << QStringLiteral("The baseline rate must be between 0 and 1 (say 0.04 for 4 %), not 4.");
    QTest::newRow("lift 0") << 0.04 << 0.0 << false << 2 << QStringLiteral("The lift must be above 0, not 0.");
    QTest::newRow("lift negative") << 0.04 << -0.01 << false << 2 << QStringLiteral("The lift must be above 0, not -0.01.");
    QTest::newRow("target 1") << 0.6 << 0.4 << false << 2 << QStringLiteral("The baseline plus the lift makes a target rate of 1; it must be below 1.");
    QTest::newRow("relative target over 1") << 0.6 << 1.0 << true << 2 << QStringLiteral("The baseline plus the lift makes a target rate of 1.2; it must be below 1.");
    QTest::newRow("1 variant") << 0.04 << 0.01 << false << 1 << QStringLiteral("An A/B test compares 2 to 5 variants, not 1.");
    QTest::newRow("6 variants") << 0.04 << 0.01 << false << 6 << QStringLiteral("An A/B test compares 2 to 5 variants, not 6.");
}

void TestAbStatistics::planErrors()
{
    QFETCH(double, baseline);
    QFETCH(double, lift);
    QFETCH(bool, relative);
    QFETCH(int, variants);
    QFETCH(QString, message);
    AbPlanInput input;
    input.baseline = baseline;
    input.lift = lift;
    input.relativeLift = relative;
    input.variants = variants;
    const auto plan = AbStatistics::plan(input);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code, QString(errc::abtestPlan));
    QCOMPARE(plan.error().message, message);
}

void TestAbStatistics::reasons_data()
{
    QTest::addColumn<QList<AbCounts>>("v");
    QTest::addColumn<int>("metric");
    QTest::addColumn<QList<double>>("shares");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    const int clicks = int(AbMetric::HumanClicks);
    QTest::newRow("winner") << counts({{1000, 40}, {1000, 62}}) << clicks << QList<double>{} << QStringLiteral("abtest.winner")
                            << QStringLiteral("B won: 6.2 % against 4.0 % of people clicked, p = 0.025.");
    QTest::newRow("winner, opens") << counts({{1000, 40}, {1000, 62}}) << int(AbMetric::HumanOpens) << QList<double>{}
                                   << QStringLiteral("abtest.winner") << QStringLiteral("B won: 6.2 % against 4.0 % of people opened, p = 0.025.");
    QTest::newRow("winner, click-to-open") << counts({{1000, 40}, {1000, 62}}) << int(AbMetric::ClickToOpen) << QList<double>{}
                                           << QStringLiteral("abtest.winner")
                                           << QStringLiteral("B won: 6.2 % against 4.0 % of people who opened clicked, p = 0.025.");
    QTest::newRow("winner of three") << counts({{6000, 240}, {6000, 372}, {6000, 234}}) << clicks << QList<double>{}
                                     << QStringLiteral("abtest.winner")
                                     << QStringLiteral("B won: 6.2 % against 4.0 % and 3.9 % of people clicked, p < 0.001.");
    QTest::newRow("manual") << counts({{1000, 40}, {1000, 62}}) << int(AbMetric::Manual) << QList<double>{} << QStringLiteral("abtest.manual")
                            << QStringLiteral("You choose the winner: B leads with 6.2 % against 4.0 % of people clicked (p = 0.025).");
    QTest::newRow("not significant") << counts({{5250, 210}, {5250, 231}}) << clicks << QList<double>{}
                                     << QStringLiteral("abtest.not-significant")
                                     << QStringLiteral("No winner: B's 4.4 % against A's 4.0 % could be chance (p = 0.31).");
    // Holm gives B-C and B-A the same adjusted p; C, the closer rival, is named.
    QTest::newRow("not significant, three") << counts({{8000, 400}, {8000, 430}, {8000, 410}}) << clicks << QList<double>{}
                                            << QStringLiteral("abtest.not-significant")
                                            << QStringLiteral("No winner: B's 5.4 % against C's 5.1 % could be chance (p = 0.57).");
    QTest::newRow("too few") << counts({{800, 30}, {800, 60}, {312, 12}}) << clicks << QList<double>{800.0 / 1912, 800.0 / 1912, 312.0 / 1912}
                             << QStringLiteral("abtest.too-few") << QStringLiteral("No winner yet: too few delivered, C has 312 of 500.");
    QTest::newRow("too few, click-to-open") << counts({{800, 30}, {800, 60}, {312, 12}}) << int(AbMetric::ClickToOpen)
                                            << QList<double>{800.0 / 1912, 800.0 / 1912, 312.0 / 1912} << QStringLiteral("abtest.too-few")
                                            << QStringLiteral("No winner yet: too few opened, C has 312 of 500.");
    QTest::newRow("tie") << counts({{1000, 50}, {1000, 50}, {1000, 30}}) << clicks << QList<double>{} << QStringLiteral("abtest.tie")
                         << QStringLiteral("No winner: A and B have the same rate, 5.0 %.");
    QTest::newRow("srm") << counts({{1000, 40}, {1200, 60}}) << clicks << QList<double>{} << QStringLiteral("abtest.srm")
                         << QStringLiteral("No winner: the split is not the planned one (1,000 and 1,200 delivered, p < 0.001), which usually means a "
                                           "sending problem.");
    QTest::newRow("srm before too few") << counts({{100, 4}, {300, 6}}) << clicks << QList<double>{} << QStringLiteral("abtest.srm")
                                        << QStringLiteral("No winner: the split is not the planned one (100 and 300 delivered, p < 0.001), which "
                                                          "usually means a sending problem.");
}

void TestAbStatistics::reasons()
{
    QFETCH(QList<AbCounts>, v);
    QFETCH(int, metric);
    QFETCH(QList<double>, shares);
    QFETCH(QString, code);
    QFETCH(QString, reason);
    AbRule rule;
    rule.plannedShares = shares;
    const auto a = AbStatistics::analyse(v, rule, AbMetric(metric));
    QVERIFY(a.ok());
    QCOMPARE(a->reasonCode, code);
    QCOMPARE(a->reason, reason);
    QCOMPARE(a->winner >= 0, code == QLatin1String("abtest.winner"));
}

void TestAbStatistics::jsonShape()
{
    const auto a = AbStatistics::analyse(counts({{1000, 40}, {1000, 62}}), AbRule());
    QVERIFY(a.ok());
    const QJsonObject o = a->toJson();
    QCOMPARE(o.keys(), (QStringList{QStringLiteral("comparisons"), QStringLiteral("reason"), QStringLiteral("reason_code"), QStringLiteral("srm_p"),
                                    QStringLiteral("variants"), QStringLiteral("winner")}));
    QCOMPARE(o.value(QLatin1String("winner")).toString(), QStringLiteral("B"));
    const QJsonObject b = o.value(QLatin1String("variants")).toArray().at(1).toObject();
    QCOMPARE(b.keys(), (QStringList{QStringLiteral("ci"), QStringLiteral("expected_loss"), QStringLiteral("name"), QStringLiteral("p_best"),
                                    QStringLiteral("rate"), QStringLiteral("sent"), QStringLiteral("successes")}));
    QCOMPARE(b.value(QLatin1String("rate")).toDouble(), 0.062); // a fraction, not percent
    const QJsonObject c = o.value(QLatin1String("comparisons")).toArray().at(0).toObject();
    QCOMPARE(c.keys(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("ci"), QStringLiteral("diff"), QStringLiteral("p"),
                                    QStringLiteral("p_adjusted"), QStringLiteral("test")}));
    QCOMPARE(c.value(QLatin1String("test")).toString(), QStringLiteral("z"));

    const auto none = AbStatistics::analyse(counts({{5250, 210}, {5250, 231}}), AbRule());
    QVERIFY(none.ok());
    QVERIFY(none->toJson().value(QLatin1String("winner")).isNull());

    AbPlanInput input;
    input.baseline = 0.04;
    input.lift = 0.01;
    const auto plan = AbStatistics::plan(input);
    QVERIFY(plan.ok());
    const QJsonObject p = plan->toJson();
    QCOMPARE(p.value(QLatin1String("per_variant")).toInteger(), 6745);
    QCOMPARE(p.value(QLatin1String("total")).toInteger(), 13490);
    QCOMPARE(p.value(QLatin1String("alpha_per_comparison")).toDouble(), 0.05);
}

// With no difference between the variants (an A/A test), the rule may name a winner only as often
// as its alpha allows; the naive rule (the highest rate wins) names one almost every time.
void TestAbStatistics::aaSimulation()
{
    constexpr int kRuns = 2000;
    constexpr qint64 kDelivered = 5000;
    constexpr double kRate = 0.03;
    std::mt19937_64 random(20261207);
    std::binomial_distribution<qint64> draw(kDelivered, kRate);
    int ours = 0, naive = 0;
    for (int run = 0; run < kRuns; ++run) {
        const QList<AbCounts> v = counts({{kDelivered, draw(random)}, {kDelivered, draw(random)}});
        const auto a = AbStatistics::analyse(v, AbRule());
        QVERIFY(a.ok());
        ours += a->winner >= 0 ? 1 : 0;
        naive += v.at(0).successes != v.at(1).successes ? 1 : 0;
    }
    const double share = double(ours) / kRuns, naiveShare = double(naive) / kRuns;
    const double limit = 0.05 + 3 * std::sqrt(0.05 * 0.95 / kRuns);
    qInfo("A/A, %d runs of 2 x %lld at %.0f %%: our rule names a winner in %.2f %% (limit %.2f %%), the highest rate in %.2f %%", kRuns,
          kDelivered, kRate * 100, share * 100, limit * 100, naiveShare * 100);
    QVERIFY2(share <= limit, qPrintable(QString::number(share)));
    QVERIFY2(naiveShare > 0.95, qPrintable(QString::number(naiveShare)));
}

QTEST_GUILESS_MAIN(TestAbStatistics)
#include "tst_abstatistics.moc"
