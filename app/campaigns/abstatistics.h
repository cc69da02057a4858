// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include <utility>

namespace lux::campaigns {

// The statistics of an A/B test: which variant did best, whether that could be chance, and how many
// people a test needs. docs/ABTESTS.md gives every formula and the winner rule; tests/data/abtest/
// reference.py computes the same numbers with SciPy, and tst_abstatistics holds this code to them.

// What "success" counts. It only changes the words of the reason.
enum class AbMetric { HumanClicks, HumanOpens, ClickToOpen, Manual };

// One variant's counts: sent = delivered messages (for ClickToOpen: the people who opened).
struct AbCounts
{
    QString name;
    qint64 sent = 0;
    qint64 successes = 0;
};

enum class AbTestKind { ZTest, Fisher };

struct AbVariantResult
{
    QString name;
    qint64 sent = 0;
    qint64 successes = 0;
    double rate = 0, ciLow = 0, ciHigh = 0; // successes / sent, Wilson 95 %
    double pBest = 0, expectedLoss = 0;     // Beta(1, 1) priors
};

// a = the best variant, b = the other; diff = rate(a) - rate(b), its Newcombe 95 % interval.
struct AbComparison
{
    QString a, b;
    AbTestKind test = AbTestKind::ZTest;
    double p = 1, pAdjusted = 1;
    double diff = 0, diffLow = 0, diffHigh = 0;
};

struct AbRule
{
    double alpha = 0.05;
    qint64 minPerVariant = 500;
    QList<double> plannedShares; // empty: equal split
    double srmAlpha = 0.001;
    // Not empty: the counts the split check is made on instead of `sent` (the delivered messages, when
    // the trials are the openers).
    QList<qint64> splitCounts;
};

struct AbAnalysis
{
    QList<AbVariantResult> variants;
    QList<AbComparison> comparisons; // the best variant against each other one, Holm-adjusted over these k-1
    int best = -1;                   // index of the highest observed rate (first on ties), -1 if none
    int winner = -1;                 // index of the winner, or -1: no winner
    QString reasonCode;              // "abtest.winner", "abtest.srm", "abtest.too-few", "abtest.tie", "abtest.not-significant", "abtest.manual"
    QString reason;                  // one translated sentence
    double srmP = 1;                 // chi-square p of the observed split against the planned one
    QJsonObject toJson() const;      // the shape of `luxctl abtest calc --json`
};

struct AbPlanInput
{
    double baseline = 0;
    double lift = 0;
    bool relativeLift = false;
    int variants = 2;
    double alpha = 0.05;
    double power = 0.8;
};

struct AbPlan
{
    qint64 perVariant = 0;
    qint64 total = 0;
    double target = 0;
    double alphaPerComparison = 0;
    AbPlanInput input; // what the plan was made from (toJson prints it beside the result)
    QJsonObject toJson() const;
};

QString metricName(AbMetric metric); // "clicks", "opens", "ctor", "manual" (luxctl, the database)
std::optional<AbMetric> metricFromName(const QString &name);

class AbStatistics
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::AbStatistics)
public:
    static constexpr int kMinVariants = 2, kMaxVariants = 5;
    static Result<AbAnalysis> analyse(const QList<AbCounts> &variants, const AbRule &rule, AbMetric metric = AbMetric::HumanClicks);
    static Result<AbPlan> plan(const AbPlanInput &input);

    // Building blocks, public for the tests.
    static double normalCdf(double z);
    static double normalQuantile(double p);
    static double fisherTwoSided(qint64 a, qint64 b, qint64 c, qint64 d); // 2x2 [[a,b],[c,d]], as scipy.stats.fisher_exact two-sided
    static double zTestTwoSided(qint64 s1, qint64 n1, qint64 s2, qint64 n2); // pooled
    static QList<double> holm(const QList<double> &p);
    static std::pair<double, double> wilson(qint64 s, qint64 n, double confidence = 0.95);
    static std::pair<double, double> newcombe(qint64 s1, qint64 n1, qint64 s2, qint64 n2, double confidence = 0.95); // CI of p1 - p2
    static QList<double> probabilityBest(const QList<AbCounts> &v); // Beta(1+s, 1+n-s), numerical integration, sums to 1
    static QList<double> expectedLoss(const QList<AbCounts> &v);    // E[max_j p_j - p_i]
    static double chiSquareSrm(const QList<qint64> &sent, const QList<double> &shares); // p value, df = k-1

    // More building blocks: the regularized upper incomplete gamma Q(a, x) (the chi-square's tail),
    // whether a comparison takes Fisher's test (an expected count of its 2x2 table below 10), and
    // P(best) with the expected loss in one pass (analyse() uses it; the two above call it).
    static double upperGammaQ(double a, double x);
    static AbTestKind testFor(qint64 s1, qint64 n1, qint64 s2, qint64 n2);
    struct Posterior
    {
        QList<double> pBest, expectedLoss;
    };
    static Posterior posterior(const QList<AbCounts> &v);

    // The numbers as the reasons print them, in the system locale: "6.2 %", "p = 0.025", "p < 0.001".
    static QString percent(double rate);
    static QString pText(double p);
    static QString listOf(const QStringList &items); // "A", "A and B", "A, B and C"
};

} // namespace lux::campaigns
