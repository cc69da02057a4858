// SPDX-License-Identifier: GPL-3.0-or-later
#include "seocommands.h"

#include "assistant/assistantsession.h"
#include "assistant/seodrafts.h"
#include "common/awaittask.h"
#include "common/errorcodes.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/crawler.h"
#include "seo/seostore.h"
#include "seo/serpwidth.h"
#include "seo/suggester.h"
#include "settings/settings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
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

// The one address a seo command takes, as an http or https URL; nullopt after saying what is wrong
// (`usage` when there is not exactly one), the exit code in *exit.
std::optional<QUrl> oneWebAddress(const CommandContext &ctx, const QString &usage, int *exit)
{
    if (ctx.args.size() != 1) {
        *exit = ctx.usage(usage);
        return std::nullopt;
    }
    const QUrl url = QUrl::fromUserInput(ctx.args.first());
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        *exit = ctx.usage(SeoTr::tr("“%1” is not an http or https address.").arg(ctx.args.first()));
        return std::nullopt;
    }
    return url;
}

// The page's history and the synced WooCommerce catalogue are in the database: opened once, before the
// fetch, read-only when another process holds it (the catalogue is still read; the history cannot be
// written, and that is said). When it cannot be opened at all the analysis is still made and shown.
std::unique_ptr<DatabaseScope> analysisDatabase(const CommandContext &ctx)
{
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, true, {}});
    if (!opened) {
        ctx.notice(SeoTr::tr("The analysis was not kept in the page's history: %1").arg(opened.error().message));
        return nullptr;
    }
    return std::move(*opened);
}

// luxctl seo analyze URL [--keyphrase K] [--allow-private]: the page fetched safely, Lighthouse's ten
// audits and the findings beyond them.
int analyze(const CommandContext &ctx)
{
    int exit = 0;
    const std::optional<QUrl> url = oneWebAddress(ctx, SeoTr::tr("Give one address: luxctl seo analyze https://example.com/page"), &exit);
    if (!url)
        return exit;
    const Settings settings;
    seo::AnalyzeOptions options;
    options.keyphrase = ctx.option(QStringLiteral("keyphrase"));
    options.allowPrivate = ctx.isSet(QStringLiteral("allow-private"));
    const int titlePixels = settings.seoTitlePixels();
    const int descriptionPixels = settings.seoDescriptionPixels();
    options.extraChecks = [titlePixels, descriptionPixels](const seo::Page &page) {
        return seo::SerpWidth::findings(page, titlePixels, descriptionPixels);
    };
    const std::unique_ptr<DatabaseScope> db = analysisDatabase(ctx);
    if (db)
        options.catalogue = seo::ContentChecks::storedCatalogue(db->database().connection());
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    const Result<seo::Analysis> analysis = awaitTask(analyzer.analyze(*url, options));
    if (!analysis)
        return ctx.fail(analysis.error());
    // Kept in the page's history; an analysis that cannot be stored is still shown.
    QJsonObject json = analysis->toJson();
    if (db) {
        const auto id = seo::SeoStore(db->database().connection()).saveAnalysis(*analysis, QDateTime::currentMSecsSinceEpoch());
        if (id)
            json.insert(QStringLiteral("analysis_id"), *id);
        else
            ctx.notice(SeoTr::tr("The analysis was not kept in the page's history: %1").arg(id.error().message));
    }
    QStringList lines;
    lines << SeoTr::tr("%1 (HTTP %2)").arg(analysis->finalUrl.toString()).arg(analysis->status);
    for (const seo::AuditResult &a : analysis->audits)
        lines << QStringLiteral("  %1: %2").arg(a.id, verdictText(a.verdict)) +
                     (a.explanation.isEmpty() ? QString() : QStringLiteral(" — ") + a.explanation);
    lines << SeoTr::tr("%n finding(s):", nullptr, int(analysis->findings.size()));
    for (const seo::Finding &f : analysis->findings)
        lines << QStringLiteral("  [%1] %2%3 — %4").arg(seo::Finding::severityName(f.severity), f.message,
                                                      f.place.line > 0 ? SeoTr::tr(" (line %1)").arg(f.place.line) : QString(), f.fix);
    return ctx.succeed(json, lines.join(u'\n'));
}

QString changeValue(const QVariant &v)
{
    return v.isNull() ? SeoTr::tr("(none)") : v.toString();
}

// luxctl seo crawl URL [--max N] [--allow-private]: the site from that page, stored, compared with
// the previous crawl of the same start.
int crawl(const CommandContext &ctx)
{
    int exit = 0;
    const std::optional<QUrl> url = oneWebAddress(ctx, SeoTr::tr("Give one start page: luxctl seo crawl https://example.com/"), &exit);
    if (!url)
        return exit;
    seo::CrawlOptions options;
    if (ctx.isSet(QStringLiteral("max"))) {
        bool ok = false;
        options.maxPages = ctx.option(QStringLiteral("max")).toInt(&ok);
        if (!ok || options.maxPages < 1 || options.maxPages > seo::CrawlOptions::kMaxPages)
            return ctx.usage(SeoTr::tr("--max takes a number of pages from 1 to %1.").arg(seo::CrawlOptions::kMaxPages));
    }
    const Settings settings;
    options.allowPrivate = ctx.isSet(QStringLiteral("allow-private"));
    options.pauseMs = settings.seoCrawlPauseMs();
    const int titlePixels = settings.seoTitlePixels();
    const int descriptionPixels = settings.seoDescriptionPixels();
    options.extraChecks = [titlePixels, descriptionPixels](const seo::Page &page) {
        return seo::SerpWidth::findings(page, titlePixels, descriptionPixels);
    };
    // The database first: a crawl is minutes of the site's time, not to be thrown away because the
    // file is locked or cannot be opened afterwards.
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    net::SafeFetcher fetcher;
    seo::Crawler crawler(&fetcher);
    const Result<seo::CrawlResult> result = awaitTask(crawler.crawl(*url, options));
    if (!result)
        return ctx.fail(result.error());

    // Stored whole in one transaction, then compared with the crawl of the same start before it.
    seo::SeoStore store((*opened)->database().connection());
    const auto id = store.saveCrawl(*result);
    if (!id)
        return ctx.fail(id.error());
    const auto previous = store.previousCrawl(result->start, *id);
    if (!previous)
        return ctx.fail(previous.error());
    std::optional<seo::CrawlDiff> changes;
    if (*previous) {
        auto d = store.diff(**previous, *id);
        if (!d)
            return ctx.fail(d.error());
        changes = *d;
    }

    QJsonObject json = result->toJson();
    json.insert(QStringLiteral("crawl_id"), *id);
    json.insert(QStringLiteral("changes"), changes ? QJsonValue(changes->toJson()) : QJsonValue());

    QStringList lines;
    lines << SeoTr::tr("Crawl %1 of %2: %n page(s)", nullptr, int(result->pages.size())).arg(*id).arg(result->start);
    if (!result->robotsError.isEmpty())
        lines << result->robotsError;
    lines << SeoTr::tr("Status Score Depth Links  Address — title");
    for (const seo::CrawledPage &p : result->pages)
        lines << QStringLiteral("%1 %2 %3 %4  %5 — %6")
                     .arg(p.status, 6)
                     .arg(p.score ? QString::number(*p.score) : QStringLiteral("-"), 5)
                     .arg(p.depth, 5)
                     .arg(p.inlinks, 5)
                     .arg(p.url, p.error.isEmpty() ? p.title : p.error);
    if (result->truncated)
        lines << SeoTr::tr("More pages were found than --max %1 allows.").arg(result->maxPages);
    const QHash<QString, QString> kinds{{QStringLiteral("title"), SeoTr::tr("Duplicate title")},
                                        {QStringLiteral("description"), SeoTr::tr("Duplicate description")},
                                        {QStringLiteral("h1"), SeoTr::tr("Duplicate H1")}};
    for (const seo::DuplicateGroup &g : result->duplicates)
        lines << QStringLiteral("%1 “%2”: %3").arg(kinds.value(g.kind), g.value, g.urls.join(QStringLiteral(", ")));
    for (const seo::BrokenLink &b : result->brokenLinks)
        lines << SeoTr::tr("Broken link %1 (%2), on %3")
                     .arg(b.target, b.status > 0 ? SeoTr::tr("HTTP %1").arg(b.status) : b.error, b.sources.join(QStringLiteral(", ")));
    for (const QString &b : result->blocked)
        lines << SeoTr::tr("Not crawled, robots.txt disallows it: %1").arg(b);
    if (!changes) {
        lines << SeoTr::tr("No earlier crawl of this start page to compare with.");
    } else if (changes->isEmpty()) {
        lines << SeoTr::tr("Nothing changed since crawl %1.").arg(changes->oldId);
    } else {
        lines << SeoTr::tr("Since crawl %1:").arg(changes->oldId);
        for (const QString &u : changes->added)
            lines << SeoTr::tr("  new page: %1").arg(u);
        for (const QString &u : changes->gone)
            lines << SeoTr::tr("  gone: %1").arg(u);
        for (const seo::CrawlDiff::Change &c : changes->changed)
            lines << SeoTr::tr("  %1 %2: %3 → %4").arg(c.url, c.field, changeValue(c.before), changeValue(c.after));
    }
    return ctx.succeed(json, lines.join(u'\n'));
}

// luxctl seo suggest URL [--keyphrase K] [--allow-private]: LUX's titles and descriptions for the page,
// each measured and scored by the analysis, and content recommendations with their passage.
int suggest(const CommandContext &ctx)
{
    int exit = 0;
    const std::optional<QUrl> url = oneWebAddress(ctx, SeoTr::tr("Give one address: luxctl seo suggest https://example.com/page"), &exit);
    if (!url)
        return exit;
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
    const Result<seo::Suggestions> made = awaitTask(suggester.suggest(*url, options));
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
    if (command == QLatin1String("crawl"))
        return {{QStringLiteral("max"), t(QT_TRANSLATE_NOOP("luxctl", "Pages to fetch at most (100 by default, up to 500).")), QStringLiteral("N")},
                {QStringLiteral("allow-private"),
                 t(QT_TRANSLATE_NOOP("luxctl", "Allow local and private addresses (an intranet site); refused by default."))}};
    return {};
}

int runSeoCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("analyze"))
        return analyze(ctx);
    if (command == QLatin1String("crawl"))
        return crawl(ctx);
    if (command == QLatin1String("suggest"))
        return suggest(ctx);
    return ctx.usage(SeoTr::tr("Unknown seo command: %1").arg(command));
}

} // namespace lux::cli
