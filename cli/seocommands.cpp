// SPDX-License-Identifier: GPL-3.0-or-later
#include "seocommands.h"

#include "assistant/assistantsession.h"
#include "assistant/seodrafts.h"
#include "channels/woocommerce/productstore.h"
#include "common/awaittask.h"
#include "common/errorcodes.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/serpwidth.h"
#include "seo/suggester.h"
#include "settings/settings.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace lux::cli {

namespace {

struct SeoTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

QString verdictText(seo::Verdict v)
{
    switch (v) {
    case seo::Verdict::Pass: return SeoTr::tr("pass");
    case seo::Verdict::Fail: return SeoTr::tr("FAIL");
    case seo::Verdict::NotApplicable: return SeoTr::tr("not applicable");
    }
    return {};
}

// The synced WooCommerce catalogue, when the database exists and has one: each JSON-LD Product's price
// is checked against it. None otherwise (nothing is created).
seo::CatalogueLookup storedCatalogue(const CommandContext &ctx)
{
    auto db = Database::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!db)
        return {};
    const channels::woo::ProductStore store((*db)->connection());
    const auto products = store.all();
    if (!products || products->isEmpty())
        return {};
    const auto state = store.state();
    return seo::ContentChecks::catalogueLookup(*products, state ? state->currency : QString());
}

// luxctl seo analyze URL [--keyphrase K] [--allow-private]: the page fetched safely, Lighthouse's ten
// audits and the findings beyond them.
int analyze(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(SeoTr::tr("Give one address: luxctl seo analyze https://example.com/page"));
    const QUrl url = QUrl::fromUserInput(ctx.args.first());
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return ctx.usage(SeoTr::tr("“%1” is not an http or https address.").arg(ctx.args.first()));
    const Settings settings;
    seo::AnalyzeOptions options;
    options.keyphrase = ctx.option(QStringLiteral("keyphrase"));
    options.allowPrivate = ctx.isSet(QStringLiteral("allow-private"));
    const int titlePixels = settings.seoTitlePixels();
    const int descriptionPixels = settings.seoDescriptionPixels();
    options.extraChecks = [titlePixels, descriptionPixels](const seo::Page &page) {
        return seo::SerpWidth::findings(page, titlePixels, descriptionPixels);
    };
    options.catalogue = storedCatalogue(ctx);
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    const Result<seo::Analysis> analysis = awaitTask(analyzer.analyze(url, options));
    if (!analysis)
        return ctx.fail(analysis.error());
    QStringList lines;
    lines << SeoTr::tr("%1 (HTTP %2)").arg(analysis->finalUrl.toString()).arg(analysis->status);
    for (const seo::AuditResult &a : analysis->audits)
        lines << QStringLiteral("  %1: %2").arg(a.id, verdictText(a.verdict)) +
                     (a.explanation.isEmpty() ? QString() : QStringLiteral(" — ") + a.explanation);
    lines << SeoTr::tr("%n finding(s):", nullptr, int(analysis->findings.size()));
    for (const seo::Finding &f : analysis->findings)
        lines << QStringLiteral("  [%1] %2%3 — %4").arg(seo::Finding::severityName(f.severity), f.message,
                                                      f.place.line > 0 ? SeoTr::tr(" (line %1)").arg(f.place.line) : QString(), f.fix);
    return ctx.succeed(analysis->toJson(), lines.join(u'\n'));
}

// luxctl seo suggest URL [--keyphrase K] [--allow-private]: LUX's titles and descriptions for the page,
// each measured and scored by the analysis, and content recommendations with their passage.
int suggest(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(SeoTr::tr("Give one address: luxctl seo suggest https://example.com/page"));
    const QUrl url = QUrl::fromUserInput(ctx.args.first());
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return ctx.usage(SeoTr::tr("“%1” is not an http or https address.").arg(ctx.args.first()));
    auto scope = DatabaseScope::open(ctx.databasePath);
    if (!scope)
        return ctx.fail(scope.error());
    auto lux = awaitTask(assistant::AssistantSession::open((*scope)->database().path(), (*scope)->settings(), (*scope)->secrets()));
    if (!lux)
        return ctx.fail(lux.error());
    seo::SuggestOptions options;
    options.keyphrase = ctx.option(QStringLiteral("keyphrase")).trimmed();
    options.allowPrivate = ctx.isSet(QStringLiteral("allow-private"));
    options.titlePixels = (*scope)->settings().seoTitlePixels();
    options.descriptionPixels = (*scope)->settings().seoDescriptionPixels();
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    assistant::SeoDrafts drafts(&(*lux)->assistant());
    seo::Suggester suggester(&analyzer, &drafts);
    const Result<seo::Suggestions> made = awaitTask(suggester.suggest(url, options));
    (*lux)->flushLedger();
    if (!made)
        return ctx.fail(made.error());
    QStringList lines;
    lines << SeoTr::tr("Keyphrase: %1").arg(made->keyphrase);
    lines << SeoTr::tr("Titles (the page's score with each, its width; results show %1 px):").arg(options.titlePixels);
    for (const seo::ScoredText &t : made->titles)
        lines << QStringLiteral("  %1 (%2, %3 px)").arg(t.text).arg(t.score).arg(t.pixels);
    lines << SeoTr::tr("Descriptions (the page's score with each, its width; results show %1 px):").arg(options.descriptionPixels);
    for (const seo::ScoredText &d : made->descriptions)
        lines << QStringLiteral("  %1 (%2, %3 px)").arg(d.text).arg(d.score).arg(d.pixels);
    lines << SeoTr::tr("%n recommendation(s):", nullptr, int(made->recommendations.size()));
    for (const assistant::SeoRecommendation &r : made->recommendations)
        lines << QStringLiteral("  [%1] “%2”: %3 — %4").arg(r.kind, r.passage, r.suggestion, r.why);
    for (const QString &n : made->notes)
        lines << SeoTr::tr("Note: %1").arg(n);
    return ctx.succeed(made->toJson(), lines.join(u'\n'));
}

} // namespace

QList<QCommandLineOption> seoOptions(const QString &, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (command == QLatin1String("suggest"))
        return {{QStringLiteral("keyphrase"), t(QT_TRANSLATE_NOOP("luxctl", "The focus keyphrase every title and description must contain; LUX proposes one when none is given.")),
                 QStringLiteral("K")},
                {QStringLiteral("allow-private"),
                 t(QT_TRANSLATE_NOOP("luxctl", "Allow local and private addresses (an intranet site); refused by default."))}};
    if (command == QLatin1String("analyze"))
        return {{QStringLiteral("keyphrase"), t(QT_TRANSLATE_NOOP("luxctl", "The focus keyphrase: looked for in the title, description, opening, address and headings.")),
                 QStringLiteral("K")},
                {QStringLiteral("allow-private"),
                 t(QT_TRANSLATE_NOOP("luxctl", "Allow local and private addresses (an intranet site); refused by default."))}};
    return {};
}

int runSeoCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("analyze"))
        return analyze(ctx);
    if (command == QLatin1String("suggest"))
        return suggest(ctx);
    return ctx.usage(SeoTr::tr("Unknown seo command: %1").arg(command));
}

} // namespace lux::cli
