// SPDX-License-Identifier: GPL-3.0-or-later
#include "abtestcommands.h"

#include "campaigns/abstatistics.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <optional>
#include <tuple>

namespace lux::cli {

namespace {

struct AbtestTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

using campaigns::AbMetric;
using campaigns::AbStatistics;

// A signed difference in percentage points, one decimal: "+2.2".
QString points(double diff)
{
    const QLocale locale;
    const QString digits = locale.toString(diff * 100, 'f', 1);
    return diff >= 0 ? QString(locale.positiveSign() + digits) : digits;
}

// Columns: the first left-aligned, the others right-aligned, two spaces apart.
QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> width;
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (width.size() <= c)
                width.append(0);
            width[c] = std::max(width.at(c), row.at(c).size());
        }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += (c == 0 ? row.at(c).leftJustified(width.at(c)) : QString(QStringLiteral("  ") + row.at(c).rightJustified(width.at(c))));
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString calcText(const campaigns::AbAnalysis &a, AbMetric metric)
{
    const QLocale locale;
    const QString sentHeader = metric == AbMetric::ClickToOpen ? AbtestTr::tr("Opened") : AbtestTr::tr("Delivered");
    const QString successHeader = metric == AbMetric::HumanOpens ? AbtestTr::tr("Opened") : AbtestTr::tr("Clicked");
    QList<QStringList> rows{{AbtestTr::tr("Variant"), sentHeader, successHeader, AbtestTr::tr("Rate"), AbtestTr::tr("95 % interval"),
                             AbtestTr::tr("P(best)"), AbtestTr::tr("Expected loss")}};
    for (const campaigns::AbVariantResult &v : a.variants)
        rows.append({v.name, locale.toString(v.sent), locale.toString(v.successes), AbStatistics::percent(v.rate),
                     AbtestTr::tr("%1 to %2").arg(AbStatistics::percent(v.ciLow), AbStatistics::percent(v.ciHigh)),
                     AbStatistics::percent(v.pBest), AbtestTr::tr("%1 points").arg(locale.toString(v.expectedLoss * 100, 'f', 2))});
    QString text = table(rows) + QLatin1Char('\n');
    for (const campaigns::AbComparison &c : a.comparisons)
        text += AbtestTr::tr("%1 against %2: %3 points (95 % interval %4 to %5), %6, %7, adjusted %8")
                    .arg(c.a, c.b, points(c.diff), points(c.diffLow), points(c.diffHigh),
                         c.test == campaigns::AbTestKind::Fisher ? AbtestTr::tr("Fisher's exact test") : AbtestTr::tr("z-test"),
                         AbStatistics::pText(c.p), AbStatistics::pText(c.pAdjusted))
                + QLatin1Char('\n');
    return text + a.reason;
}

// "SENT:SUCCESSES" as two whole numbers, successes not above sent.
std::optional<campaigns::AbCounts> parseVariant(const QString &value, QString *error)
{
    const QStringList parts = value.split(QLatin1Char(':'));
    bool sentOk = false, successesOk = false;
    const qint64 sent = parts.size() == 2 ? parts.at(0).trimmed().toLongLong(&sentOk) : 0;
    const qint64 successes = parts.size() == 2 ? parts.at(1).trimmed().toLongLong(&successesOk) : 0;
    if (!sentOk || !successesOk || sent < 0 || successes < 0) {
        *error = AbtestTr::tr("--variant %1: give SENT:SUCCESSES as two whole numbers, say 5000:210.").arg(value);
        return std::nullopt;
    }
    if (successes > sent) {
        *error = AbtestTr::tr("--variant %1: more successes than sent.").arg(value);
        return std::nullopt;
    }
    return campaigns::AbCounts{QString(), sent, successes};
}

int calc(const CommandContext &ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.usage(AbtestTr::tr("abtest calc takes no arguments besides its options: '%1'.").arg(ctx.args.join(QLatin1Char(' '))));
    const QStringList values = ctx.options(QStringLiteral("variant"));
    if (values.size() < 2 || values.size() > 5)
        return ctx.usage(AbtestTr::tr("Give 2 to 5 variants, each as --variant SENT:SUCCESSES (%1 given).").arg(values.size()));
    QList<campaigns::AbCounts> variants;
    for (const QString &value : values) {
        QString error;
        auto v = parseVariant(value, &error);
        if (!v)
            return ctx.usage(error);
        v->name = QChar(char16_t(u'A' + variants.size()));
        variants.append(*v);
    }
    campaigns::AbRule rule;
    if (ctx.isSet(QStringLiteral("min"))) {
        bool ok = false;
        rule.minPerVariant = ctx.option(QStringLiteral("min")).toLongLong(&ok);
        if (!ok || rule.minPerVariant < 0)
            return ctx.usage(AbtestTr::tr("--min %1: give a whole number, 0 or more.").arg(ctx.option(QStringLiteral("min"))));
    }
    AbMetric metric = AbMetric::HumanClicks;
    if (ctx.isSet(QStringLiteral("metric"))) {
        const QString m = ctx.option(QStringLiteral("metric"));
        if (m == QLatin1String("opens"))
            metric = AbMetric::HumanOpens;
        else if (m == QLatin1String("ctor"))
            metric = AbMetric::ClickToOpen;
        else if (m != QLatin1String("clicks"))
            return ctx.usage(AbtestTr::tr("--metric %1: clicks, opens or ctor.").arg(m));
    }
    const auto analysis = AbStatistics::analyse(variants, rule, metric);
    if (!analysis)
        return ctx.usage(analysis.error().message);
    return ctx.succeed(analysis->toJson(), calcText(*analysis, metric));
}

int plan(const CommandContext &ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.usage(AbtestTr::tr("abtest plan takes no arguments besides its options: '%1'.").arg(ctx.args.join(QLatin1Char(' '))));
    campaigns::AbPlanInput input;
    // A number option: the C locale's decimal point, as scripts write them.
    const auto number = [&ctx](const QString &name, double &into, bool required) -> std::optional<QString> {
        if (!ctx.isSet(name))
            return required ? std::optional<QString>(AbtestTr::tr("--%1 is required.").arg(name)) : std::nullopt;
        bool ok = false;
        into = ctx.option(name).toDouble(&ok);
        if (!ok)
            return AbtestTr::tr("--%1 %2: give a number, say 0.04.").arg(name, ctx.option(name));
        return std::nullopt;
    };
    using NumberOption = std::tuple<QString, double *, bool>;
    const NumberOption numbers[] = {{QStringLiteral("baseline"), &input.baseline, true},
                                    {QStringLiteral("lift"), &input.lift, true},
                                    {QStringLiteral("alpha"), &input.alpha, false},
                                    {QStringLiteral("power"), &input.power, false}};
    for (const auto &[name, into, required] : numbers)
        if (const auto error = number(name, *into, required))
            return ctx.usage(*error);
    input.relativeLift = ctx.isSet(QStringLiteral("relative"));
    if (ctx.isSet(QStringLiteral("variants"))) {
        bool ok = false;
        input.variants = ctx.option(QStringLiteral("variants")).toInt(&ok);
        if (!ok)
            return ctx.usage(AbtestTr::tr("--variants %1: give a whole number from 2 to 5.").arg(ctx.option(QStringLiteral("variants"))));
    }
    const auto made = AbStatistics::plan(input);
    if (!made)
        return ctx.usage(made.error().message);
    const QLocale locale;
    const QString text = AbtestTr::tr("%1 per variant, %2 in all: %3 variants to tell %4 from %5 (two-sided alpha %6, %7 for each comparison; power %8).")
                             .arg(locale.toString(made->perVariant), locale.toString(made->total), locale.toString(input.variants),
                                  AbStatistics::percent(input.baseline), AbStatistics::percent(made->target), locale.toString(input.alpha),
                                  locale.toString(made->alphaPerComparison), locale.toString(input.power));
    return ctx.succeed(made->toJson(), text);
}

} // namespace

QList<QCommandLineOption> abtestOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (group == QLatin1String("abtest") && command == QLatin1String("calc"))
        return {
            {QStringLiteral("variant"), t(QT_TRANSLATE_NOOP("luxctl", "A variant's delivered messages and successes, as 5000:210 (2 to 5 times: A, B, C, …).")), QStringLiteral("SENT:SUCCESSES")},
            {QStringLiteral("min"), t(QT_TRANSLATE_NOOP("luxctl", "The fewest delivered per variant before a winner can be named (default 500).")), QStringLiteral("N")},
            {QStringLiteral("metric"), t(QT_TRANSLATE_NOOP("luxctl", "What a success is, for the wording: clicks (default), opens or ctor (clicks of those who opened).")), QStringLiteral("M")},
        };
    if (group == QLatin1String("abtest") && command == QLatin1String("plan"))
        return {
            {QStringLiteral("baseline"), t(QT_TRANSLATE_NOOP("luxctl", "Today's rate, as a fraction (0.04 for 4 %).")), QStringLiteral("RATE")},
            {QStringLiteral("lift"), t(QT_TRANSLATE_NOOP("luxctl", "The smallest improvement worth finding: 0.01 is one point, or a fraction of the baseline with --relative.")), QStringLiteral("L")},
            {QStringLiteral("relative"), t(QT_TRANSLATE_NOOP("luxctl", "--lift is relative: 0.25 means a quarter more than the baseline."))},
            {QStringLiteral("variants"), t(QT_TRANSLATE_NOOP("luxctl", "How many variants, 2 to 5 (default 2).")), QStringLiteral("K")},
            {QStringLiteral("alpha"), t(QT_TRANSLATE_NOOP("luxctl", "Two-sided significance level (default 0.05), split over the comparisons.")), QStringLiteral("A")},
            {QStringLiteral("power"), t(QT_TRANSLATE_NOOP("luxctl", "The chance of finding a lift that is there (default 0.8).")), QStringLiteral("P")},
        };
    return {};
}

int runAbtestCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("calc"))
        return calc(ctx);
    if (command == QLatin1String("plan"))
        return plan(ctx);
    return ctx.usage(AbtestTr::tr("Unknown command 'abtest %1'.").arg(command));
}

} // namespace lux::cli
