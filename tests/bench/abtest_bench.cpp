// SPDX-License-Identifier: GPL-3.0-or-later
// A/A tests: K variants that are truly the same (every message succeeds with the same probability),
// analysed by the winner rule of campaigns::AbStatistics and by the naive rule "the highest rate
// wins". The share of runs with a winner is the rule's false-winner rate; for a two-sided test at
// alpha = 0.05 it should be about 5 % with two variants and less with more (the best must beat every
// other one after Holm's correction). Also times the analysis, and in `speed` mode the posterior
// integration alone at 5 variants of 100,000.
//   lux-abtest-bench aa [--runs 10000] [--variants 2] [--delivered 5000] [--rate 0.03] [--seed 17] [--min 500] [--alpha 0.05]
//   lux-abtest-bench speed [--runs 200]
#include "campaigns/abstatistics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace lux::campaigns;

namespace {

void printShare(const char *what, qint64 count, qint64 runs)
{
    const auto [low, high] = AbStatistics::wilson(count, runs);
    std::printf("%-22s %7lld of %lld runs = %6.2f %%  (95 %% CI %.2f – %.2f %%)\n", what, static_cast<long long>(count),
                static_cast<long long>(runs), 100.0 * double(count) / double(runs), 100 * low, 100 * high);
}

int aa(const QCommandLineParser &p, qint64 runs)
{
    const int k = p.value(QStringLiteral("variants")).toInt();
    const qint64 delivered = p.value(QStringLiteral("delivered")).toLongLong();
    const double rate = p.value(QStringLiteral("rate")).toDouble();
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong();
    AbRule rule;
    rule.minPerVariant = p.value(QStringLiteral("min")).toLongLong();
    rule.alpha = p.value(QStringLiteral("alpha")).toDouble();
    if (runs <= 0 || k < 2 || k > 5 || delivered <= 0 || !(rate > 0 && rate < 1)) {
        std::fprintf(stderr, "lux-abtest-bench: --runs, --variants (2..5), --delivered above 0, --rate in (0, 1)\n");
        return 2;
    }
    std::printf("A/A: %lld runs, %d variants x %lld delivered, true rate %.4g for all, alpha %.3g, min %lld, seed %llu "
                "(std::mt19937_64, std::binomial_distribution)\n",
                static_cast<long long>(runs), k, static_cast<long long>(delivered), rate, rule.alpha,
                static_cast<long long>(rule.minPerVariant), static_cast<unsigned long long>(seed));
    std::mt19937_64 random(seed);
    std::binomial_distribution<qint64> draw(delivered, rate);
    qint64 ours = 0, naive = 0;
    QMap<QString, qint64> reasons;
    QList<AbCounts> v(k);
    for (int i = 0; i < k; ++i)
        v[i] = AbCounts{QString(QChar(char16_t(u'A' + i))), delivered, 0};
    QElapsedTimer t;
    t.start();
    for (qint64 run = 0; run < runs; ++run) {
        qint64 top = -1;
        int atTop = 0;
        for (AbCounts &c : v) {
            c.successes = draw(random);
            if (c.successes > top) {
                top = c.successes;
                atTop = 1;
            } else if (c.successes == top) {
                ++atTop;
            }
        }
        const auto a = AbStatistics::analyse(v, rule);
        if (!a) {
            std::fprintf(stderr, "lux-abtest-bench: %s\n", qPrintable(a.error().message));
            return 1;
        }
        ours += a->winner >= 0 ? 1 : 0;
        naive += atTop == 1 ? 1 : 0; // the naive rule: a single highest rate is "the winner"
        ++reasons[a->reasonCode];
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    printShare("our rule: a winner", ours, runs);
    printShare("highest rate wins", naive, runs);
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        std::printf("  %-24s %7lld\n", qPrintable(it.key()), static_cast<long long>(it.value()));
    std::printf("time: %.2f s, %.3f ms per analysis (draws included)\n", seconds, 1000 * seconds / double(runs));
    return 0;
}

int speed(int repetitions)
{
    const int runs = std::max(1, repetitions);
    const QList<AbCounts> v{{QStringLiteral("A"), 100000, 3000}, {QStringLiteral("B"), 100000, 3400}, {QStringLiteral("C"), 100000, 3050},
                            {QStringLiteral("D"), 100000, 2980}, {QStringLiteral("E"), 100000, 3100}};
    (void)AbStatistics::posterior(v);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < runs; ++i)
        (void)AbStatistics::posterior(v);
    const double posteriorMs = double(t.nsecsElapsed()) / 1e6 / runs;
    t.restart();
    for (int i = 0; i < runs; ++i)
        (void)AbStatistics::analyse(v, AbRule());
    const double analyseMs = double(t.nsecsElapsed()) / 1e6 / runs;
    std::printf("5 variants x 100,000: P(best) and expected loss %.3f ms, the whole analysis %.3f ms (mean of %d)\n", posteriorMs, analyseMs,
                runs);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("aa or speed"));
    p.addOptions({{QStringLiteral("runs"), QStringLiteral("Simulated tests (aa, default 10000) or repetitions (speed, default 200)."), QStringLiteral("N")},
                  {QStringLiteral("variants"), QStringLiteral("Variants per test, 2 to 5."), QStringLiteral("K"), QStringLiteral("2")},
                  {QStringLiteral("delivered"), QStringLiteral("Delivered per variant."), QStringLiteral("N"), QStringLiteral("5000")},
                  {QStringLiteral("rate"), QStringLiteral("The true rate of every variant."), QStringLiteral("R"), QStringLiteral("0.03")},
                  {QStringLiteral("seed"), QStringLiteral("Seed of std::mt19937_64."), QStringLiteral("S"), QStringLiteral("17")},
                  {QStringLiteral("min"), QStringLiteral("The rule's minimum per variant."), QStringLiteral("N"), QStringLiteral("500")},
                  {QStringLiteral("alpha"), QStringLiteral("The rule's alpha."), QStringLiteral("A"), QStringLiteral("0.05")}});
    p.process(app);
    const QString mode = p.positionalArguments().value(0);
    if (mode == QLatin1String("aa"))
        return aa(p, p.isSet(QStringLiteral("runs")) ? p.value(QStringLiteral("runs")).toLongLong() : 10000);
    if (mode == QLatin1String("speed"))
        return speed(p.isSet(QStringLiteral("runs")) ? p.value(QStringLiteral("runs")).toInt() : 200);
    std::fprintf(stderr, "%s", qPrintable(p.helpText()));
    return 2;
}
