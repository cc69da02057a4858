// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzer.h"

#include "common/errorcodes.h"
#include "seo/robots.h"

#include <QJsonArray>
#include <QSet>

namespace lux::seo {

namespace {

constexpr int kRobotsTimeoutMs = 5'000; // Lighthouse waits 2 s; a slow small site deserves a little more

QJsonObject placeJson(const Place &place)
{
    QJsonObject o;
    if (place.line > 0)
        o.insert(QStringLiteral("line"), place.line);
    if (!place.snippet.isEmpty())
        o.insert(QStringLiteral("snippet"), place.snippet);
    return o;
}

} // namespace

const QStringList &Analyzer::auditIds()
{
    static const QStringList ids{QStringLiteral("is-crawlable"),   QStringLiteral("document-title"),   QStringLiteral("meta-description"),
                                 QStringLiteral("http-status-code"), QStringLiteral("link-text"),        QStringLiteral("crawlable-anchors"),
                                 QStringLiteral("robots-txt"),     QStringLiteral("image-alt"),        QStringLiteral("hreflang"),
                                 QStringLiteral("canonical")};
    return ids;
}

QString Analyzer::auditGroup(const QString &id)
{
    static const QStringList crawl{QStringLiteral("is-crawlable"), QStringLiteral("http-status-code"),
                                   QStringLiteral("crawlable-anchors"), QStringLiteral("robots-txt")};
    return crawl.contains(id) ? QStringLiteral("seo-crawl") : QStringLiteral("seo-content");
}

QString Analyzer::groupTitle(const QString &group)
{
    return group == QLatin1String("seo-crawl") ? tr("Crawling and Indexing") : tr("Content Best Practices");
}

int Analysis::score() const
{
    // core/config/default-config.js: is-crawlable's weight solves w/(w+T) >= 0.31 for the other nine.
    constexpr double kCrawlableWeight = 93.0 / 23.0;
    double weights = 0;
    double passed = 0;
    for (const AuditResult &a : audits) {
        if (a.verdict == Verdict::NotApplicable)
            continue;
        const double w = a.id == QLatin1String("is-crawlable") ? kCrawlableWeight : 1.0;
        weights += w;
        if (a.verdict == Verdict::Pass)
            passed += w;
    }
    // core/scoring.js clamps the mean to two decimals; shown as a percentage.
    return weights > 0 ? qRound(passed / weights * 100.0) : 0;
}

const AuditResult *Analysis::audit(const QString &id) const
{
    for (const AuditResult &a : audits)
        if (a.id == id)
            return &a;
    return nullptr;
}

QJsonObject Analysis::toJson() const
{
    QJsonObject auditsJson;
    for (const AuditResult &a : audits) {
        QJsonArray items;
        for (const AuditItem &item : a.items) {
            QJsonObject o = placeJson(item.place);
            o.insert(QStringLiteral("message"), item.message);
            items.append(o);
        }
        QJsonObject details{{QStringLiteral("items"), items}};
        if (!a.explanation.isEmpty())
            details.insert(QStringLiteral("explanation"), a.explanation);
        auditsJson.insert(a.id, QJsonObject{{QStringLiteral("verdict"), AuditResult::verdictName(a.verdict)}, {QStringLiteral("details"), details}});
    }
    QJsonArray findingsJson;
    for (const Finding &f : findings) {
        QJsonObject o = placeJson(f.place);
        o.insert(QStringLiteral("check"), f.check);
        o.insert(QStringLiteral("severity"), Finding::severityName(f.severity));
        o.insert(QStringLiteral("message"), f.message);
        o.insert(QStringLiteral("why"), f.why);
        o.insert(QStringLiteral("fix"), f.fix);
        findingsJson.append(o);
    }
    QJsonObject out{{QStringLiteral("url"), url.toString()},
                    {QStringLiteral("final_url"), finalUrl.toString()},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("score"), score()},
                    {QStringLiteral("audits"), auditsJson},
                    {QStringLiteral("findings"), findingsJson},
                    {QStringLiteral("words"), words},
                    {QStringLiteral("script_built"), scriptBuilt}};
    if (title)
        out.insert(QStringLiteral("title"), *title);
    if (!description.isEmpty())
        out.insert(QStringLiteral("description"), description);
    if (!readability.language.isEmpty())
        out.insert(QStringLiteral("readability"), QJsonObject{{QStringLiteral("language"), readability.language},
                                                              {QStringLiteral("formula"), readability.formula},
                                                              {QStringLiteral("score"), qRound(readability.score * 10) / 10.0}});
    return out;
}

Analysis Analyzer::analyzePage(const Page &page, int robotsStatus, const QByteArray &robotsBody, const AnalyzeOptions &options,
                               const QDateTime &now)
{
    Analysis a;
    a.url = page.served.url;
    a.finalUrl = page.served.url;
    a.status = page.served.status;
    a.title = page.title;
    if (const MetaTag *description = page.meta(QStringLiteral("description")))
        a.description = description->content;
    a.scriptBuilt = page.scriptBuilt;
    a.words = ContentChecks::wordCount(page.bodyText);
    a.readability = ContentChecks::readability(page.bodyText, page.htmlLang.section(u'-', 0, 0).trimmed().toLower());
    // is-crawlable reads robots.txt as Lighthouse's robots-parser does, and only a 2xx body.
    Audits::RobotsAllows robots;
    if (robotsStatus >= 200 && robotsStatus < 300 && !robotsBody.isEmpty()) {
        const auto parsed = std::make_shared<RobotsTxt>(RobotsTxt::parse(robotsBody, RobotsDialect::LighthouseRobotsParser));
        const QString url = page.served.url.toString(QUrl::FullyEncoded);
        robots = [parsed, url](const QString &userAgent) { return parsed->isAllowed(userAgent, url); };
    }
    a.audits = {Audits::isCrawlable(page, robots, now), Audits::documentTitle(page),   Audits::metaDescription(page),
                Audits::httpStatusCode(page),          Audits::linkText(page),         Audits::crawlableAnchors(page),
                Audits::robotsTxt(robotsStatus, robotsBody), Audits::imageAlt(page), Audits::hreflang(page),
                Audits::canonical(page)};
    for (const AuditResult &audit : std::as_const(a.audits))
        a.findings << ContentChecks::fromAudit(audit);
    a.findings << ContentChecks::headings(page) << ContentChecks::length(page) << ContentChecks::readabilityFindings(page)
               << ContentChecks::keyphrase(page, options.keyphrase) << ContentChecks::socialTags(page)
               << ContentChecks::structuredData(page) << ContentChecks::productPrices(page, options.catalogue);
    if (options.extraChecks)
        a.findings << options.extraChecks(page);
    if (page.scriptBuilt)
        a.findings.prepend(Finding{QStringLiteral("script-built"), Severity::Notice, {},
                                   tr("A script builds this page's content: it was analysed as served, before scripts run."),
                                   tr("Search engines render scripts late or not at all; what is served is what they surely see."),
                                   tr("Serve the main text and links in the HTML (server-side rendering or pre-rendering).")});
    std::stable_sort(a.findings.begin(), a.findings.end(), [](const Finding &x, const Finding &y) { return x.severity < y.severity; });
    return a;
}

QCoro::Task<Result<FetchedSite>> Analyzer::fetch(QUrl url, AnalyzeOptions options)
{
    net::FetchOptions fetching;
    fetching.allowPrivate = options.allowPrivate;
    fetching.cancellation = options.cancellation;
    const Result<net::FetchedPage> fetched = co_await m_fetcher->fetch(url, fetching);
    if (!fetched)
        co_return fetched.error();
    ServedPage served{fetched->finalUrl, fetched->status, fetched->headers, fetched->body};
    Result<Page> page = Page::parse(served);
    if (!page)
        co_return page.error();
    // robots.txt of the page's own origin (its final address), with a short wait: a site without one
    // (or that does not answer) is judged as such.
    net::FetchOptions robotsFetching = fetching;
    robotsFetching.timeoutMs = kRobotsTimeoutMs;
    robotsFetching.maxBytes = RobotsTxt::kMaxBytes * 2;
    const QUrl robotsUrl = fetched->finalUrl.resolved(QUrl(QStringLiteral("/robots.txt")));
    const Result<net::FetchedPage> robots = co_await m_fetcher->fetch(robotsUrl, robotsFetching);
    if (!robots && robots.error().code == errc::cancelled)
        co_return robots.error();
    FetchedSite site;
    site.url = url;
    site.page = std::move(page).value();
    site.robotsStatus = robots ? robots->status : 0;
    if (robots && robots->status >= 200 && robots->status < 300)
        site.robotsBody = robots->body;
    co_return site;
}

QCoro::Task<Result<Analysis>> Analyzer::analyze(QUrl url, AnalyzeOptions options)
{
    const Result<FetchedSite> site = co_await fetch(url, options);
    if (!site)
        co_return site.error();
    Analysis a = analyzePage(site->page, site->robotsStatus, site->robotsBody, options);
    a.url = url;
    if (options.checkSocialImages) {
        const Result<QList<Finding>> images = co_await socialImages(site->page, options);
        if (!images)
            co_return images.error();
        if (!images->isEmpty()) {
            a.findings << *images;
            std::stable_sort(a.findings.begin(), a.findings.end(), [](const Finding &x, const Finding &y) { return x.severity < y.severity; });
        }
    }
    co_return a;
}

QCoro::Task<Result<QList<Finding>>> Analyzer::socialImages(Page page, AnalyzeOptions options)
{
    // The picture each network shows (the first og:image, the first twitter:image), each address
    // once with the tags that name it: a page decides nothing about how many fetches it costs.
    QList<QPair<QUrl, QStringList>> images;
    QSet<QString> tagsSeen;
    for (const MetaTag &m : page.metas) {
        if (!m.inHead || m.content.trimmed().isEmpty())
            continue;
        QString tag;
        if (m.property.compare(QLatin1String("og:image"), Qt::CaseInsensitive) == 0 || m.name == u"og:image")
            tag = QStringLiteral("og:image");
        else if (m.name == u"twitter:image" || m.property.compare(QLatin1String("twitter:image"), Qt::CaseInsensitive) == 0)
            tag = QStringLiteral("twitter:image");
        else
            continue;
        if (tagsSeen.contains(tag))
            continue; // networks read the first
        tagsSeen.insert(tag);
        const QUrl url = page.served.url.resolved(QUrl(m.content.trimmed()));
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
            continue; // socialTags says it is not a web address
        auto it = std::find_if(images.begin(), images.end(), [&url](const auto &i) { return i.first == url; });
        if (it == images.end())
            images.append({url, {tag}});
        else if (!it->second.contains(tag))
            it->second << tag;
    }
    net::FetchOptions fetching;
    fetching.allowPrivate = options.allowPrivate;
    fetching.cancellation = options.cancellation;
    fetching.timeoutMs = kImageTimeoutMs;
    fetching.maxBytes = kImageMaxBytes;
    QList<Finding> out;
    const QString why = tr("Networks show a link's card without its picture when they cannot fetch one.");
    const QString fix = tr("Point the tag at a picture that loads from a public address (a JPEG or PNG; 1200×630 px suits every network).");
    for (const auto &[url, tags] : std::as_const(images)) {
        const QString tag = tags.join(QStringLiteral(", "));
        const QString address = url.toString();
        auto imageFetch = m_fetcher->fetch(url, fetching);
        const Result<net::FetchedPage> fetched = co_await imageFetch;
        if (!fetched) {
            if (fetched.error().code == errc::cancelled)
                co_return fetched.error();
            out << Finding{QStringLiteral("social-image"), Severity::Warning, {},
                           tr("%1 “%2” cannot be fetched: %3").arg(tag, address, fetched.error().message), why, fix};
            continue;
        }
        if (fetched->status < 200 || fetched->status >= 300) {
            out << Finding{QStringLiteral("social-image"), Severity::Warning, {},
                           tr("%1 “%2” answers HTTP %3.").arg(tag, address, QString::number(fetched->status)), why, fix};
            continue;
        }
        const QString type = QString::fromLatin1(fetched->header("Content-Type")).section(u';', 0, 0).trimmed().toLower();
        if (!type.startsWith(QLatin1String("image/")))
            out << Finding{QStringLiteral("social-image"), Severity::Warning, {},
                           tr("%1 “%2” is not a picture: it is served as “%3”.").arg(tag, address, type.isEmpty() ? tr("no type") : type), why, fix};
    }
    co_return out;
}

} // namespace lux::seo
