// SPDX-License-Identifier: GPL-3.0-or-later
#include "abtestcommands.h"

#include "campaigns/abstatistics.h"
#include "campaigns/abtest.h"
#include "common/errorcodes.h"
#include "settings/settings.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
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
        const auto named = campaigns::metricFromName(m);
        if (!named || *named == AbMetric::Manual)
            return ctx.usage(AbtestTr::tr("--metric %1: clicks, opens or ctor.").arg(m));
        metric = *named;
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

// The campaign's number, the first argument.
std::optional<qint64> campaignArgument(const CommandContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.args.value(0).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

// A campaign's test: where it stands, the numbers (at the decision once made, else running: nothing
// is decided on them), why, and the rest's progress.
int status(const CommandContext &ctx)
{
    const auto id = campaignArgument(ctx);
    if (!id)
        return ctx.usage(AbtestTr::tr("Usage: abtest status ID (the campaign's number)"));
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return ctx.fail(opened.error());
    const auto report = campaigns::AbTests((*opened)->database().connection()).report(*id, (*opened)->settings().abMinPerVariant());
    if (!report)
        return ctx.fail(report.error());
    if (!*report)
        return ctx.fail(Error(errc::abtestState, AbtestTr::tr("Campaign %1 has no A/B test.").arg(*id)));
    const campaigns::AbReport &r = **report;
    const QJsonObject o = r.toJson();
    const QLocale locale;
    QString text;
    switch (r.test.state) {
    case campaigns::AbState::Draft: text = AbtestTr::tr("Campaign %1: an A/B test of %2 variants, not sent yet.").arg(*id).arg(r.test.config.variants.size()); break;
    case campaigns::AbState::Testing:
        text = r.progress.decideAt ? AbtestTr::tr("Campaign %1: testing; the winner is chosen at %2. Running numbers (nothing is decided on them):")
                                         .arg(*id)
                                         .arg(QDateTime::fromMSecsSinceEpoch(*r.progress.decideAt, Qt::UTC).toString(Qt::ISODate))
                                   : AbtestTr::tr("Campaign %1: testing; the test group is going out. Running numbers:").arg(*id);
        break;
    case campaigns::AbState::Waiting:
        text = AbtestTr::tr("Campaign %1: waiting for your choice (luxctl abtest choose %1 VARIANT).").arg(*id);
        break;
    case campaigns::AbState::Decided:
        text = AbtestTr::tr("Campaign %1: the rest got %2 (%3 sent, %4 waiting, %5 failed).")
                   .arg(*id)
                   .arg(campaigns::AbTests::variantName(r.test.winner), locale.toString(r.progress.restSent),
                        locale.toString(r.progress.restPending), locale.toString(r.progress.restFailed));
        break;
    }
    if (r.test.state != campaigns::AbState::Draft) {
        const bool decided = r.test.state == campaigns::AbState::Decided || r.test.state == campaigns::AbState::Waiting;
        QList<QStringList> rows{{AbtestTr::tr("Variant"), AbtestTr::tr("Delivered"), AbtestTr::tr("People"), AbtestTr::tr("Rate"),
                                 AbtestTr::tr("95 % interval"), AbtestTr::tr("P(best)")}};
        const QJsonArray stats = o.value(QStringLiteral("analysis")).toObject().value(QStringLiteral("variants")).toArray();
        for (const QJsonValue &value : stats) {
            const QJsonObject v = value.toObject();
            const QJsonArray ci = v.value(QStringLiteral("ci")).toArray();
            rows.append({v.value(QStringLiteral("name")).toString(), locale.toString(v.value(QStringLiteral("sent")).toInteger()),
                         locale.toString(v.value(QStringLiteral("successes")).toInteger()), AbStatistics::percent(v.value(QStringLiteral("rate")).toDouble()),
                         AbtestTr::tr("%1 to %2").arg(AbStatistics::percent(ci.at(0).toDouble()), AbStatistics::percent(ci.at(1).toDouble())),
                         AbStatistics::percent(v.value(QStringLiteral("p_best")).toDouble())});
        }
        text += QLatin1Char('\n') + table(rows);
        if (decided)
            text += QLatin1Char('\n') + r.test.reason;
    }
    return ctx.succeed(o, text);
}

// The user's choice once the wait is over without a winner: the rest goes out with it.
int choose(const CommandContext &ctx)
{
    const auto id = campaignArgument(ctx);
    const QString name = ctx.args.value(1).trimmed().toUpper();
    int variant = -1;
    for (int i = 0; i < campaigns::AbStatistics::kMaxVariants; ++i)
        if (campaigns::AbTests::variantName(i) == name)
            variant = i;
    if (!id || variant < 0)
        return ctx.usage(AbtestTr::tr("Usage: abtest choose ID VARIANT (the campaign's number and a letter, A to E)"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    if (Status s = campaigns::AbTests((*opened)->database().connection()).choose(*id, variant, std::nullopt); !s)
        return ctx.fail(s.error());
    return ctx.succeed({{QStringLiteral("campaign"), *id}, {QStringLiteral("winner"), name}},
                       AbtestTr::tr("Campaign %1: the rest goes out with variant %2 (the scheduler sends it).").arg(*id).arg(name));
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
    if (command == QLatin1String("status"))
        return status(ctx);
    if (command == QLatin1String("choose"))
        return choose(ctx);
    return ctx.usage(AbtestTr::tr("Unknown command 'abtest %1'.").arg(command));
}

} // namespace lux::cli
