// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/httpclient.h"
#include "common/result.h"
#include "seo/contentchecks.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace lux::net {
class SafeFetcher;
}

namespace lux::seo {

struct Page;

// Where a crawl is: pages answered (or failed), pages known (answered, under way and queued, up to
// the limit), and the address just finished.
struct CrawlProgress
{
    int done = 0;
    int known = 0;
    QUrl current;
};

struct CrawlOptions
{
    static constexpr int kDefaultMaxPages = 100;
    static constexpr int kMaxPages = 500;
    static constexpr int kMaxConcurrency = 4;
    static constexpr int kMaxCrawlDelayMs = 2'000; // a robots.txt Crawl-delay is honoured up to this

    int maxPages = kDefaultMaxPages; // 1 to 500
    bool allowPrivate = false;       // an intranet site: local addresses allowed (never by default)
    int pauseMs = 300;               // between the starts of two requests to the site (Settings::seoCrawlPauseMs)
    int concurrency = kMaxConcurrency; // requests under way at once, 1 to 4
    QString keyphrase;                 // optional, for every page's analysis
    // Checks that need more than the core (a result's pixel widths need fonts): added to each page's findings.
    std::function<QList<Finding>(const Page &)> extraChecks;
    // Cancels the crawl: the requests under way end, and crawl() answers errc::cancelled. May live on
    // another thread (the UI's): its signal reaches the crawl through a queued connection.
    QPointer<channels::Cancellation> cancellation;
    // Called on the crawl's thread after each page.
    std::function<void(const CrawlProgress &)> progress;
};

// One address the crawl fetched (or tried to).
struct CrawledPage
{
    QString url;      // as linked: fragment dropped, fully encoded
    QString finalUrl; // after redirects
    int status = 0;   // 0: no answer (error says why)
    QString contentType; // lower case, without parameters ("text/html")
    bool html = false;   // analysed as an HTML page
    QString title, description, h1; // the first <title>, meta description and <h1> (HTML only)
    int words = 0;
    std::optional<int> score; // Analysis::score(), for analysed pages
    int errors = 0, warnings = 0, notices = 0; // findings by severity
    int depth = 0;   // links from the start page
    int inlinks = 0; // other crawled pages that link to it
    QString error;   // why there is no answer, or why it was not analysed (a redirect off the site)
    int timeMs = 0;  // the fetch, redirects included
};

// Pages sharing a title, description or first H1 (compared with whitespace collapsed and without
// case; 2xx HTML pages only; empty values are not grouped).
struct DuplicateGroup
{
    QString kind; // "title", "description", "h1"
    QString value; // as the first page has it
    QStringList urls;
};

// A link inside the site whose target answered 400 or more, or could not be fetched.
struct BrokenLink
{
    QString target;
    int status = 0; // 0: no answer
    QString error;
    QStringList sources; // the crawled pages that link to it, in the order found
};

struct CrawlResult
{
    QString start; // the start page, fragment dropped, fully encoded
    qint64 startedAt = 0, finishedAt = 0; // ms since the epoch, UTC
    int maxPages = CrawlOptions::kDefaultMaxPages;
    int robotsStatus = 0; // robots.txt's answer (0: none)
    QString robotsError;  // why no page was allowed: robots.txt answered 5xx or not at all (RFC 9309)
    int pauseMs = 0;      // the pause used: the option, or robots.txt's Crawl-delay when longer (capped)
    bool truncated = false; // more pages were found than maxPages allowed
    QList<CrawledPage> pages; // in the order found (breadth first)
    QStringList blocked;      // addresses robots.txt disallows, never requested
    QList<DuplicateGroup> duplicates;
    QList<BrokenLink> brokenLinks;

    // The page crawled at `url`, else the one a redirect brought there.
    const CrawledPage *page(const QString &url) const;
    // {"start", "pages": [{"url", "final_url", "status", "content_type", "title", "description", "h1",
    // "words", "score" (null: not analysed), "findings": {"error", "warning", "notice"}, "depth",
    // "inlinks", "error", "time_ms"}], "duplicates": {"title": [{"value", "urls"}], "description", "h1"},
    // "broken_links": [{"url", "status", "error", "on"}], "blocked", "truncated", "robots_status",
    // "robots_error", "pause_ms"}
    QJsonObject toJson() const;
};

// The site crawl (issue 21, docs/SEO.md "Site crawl"): from a start page, the pages of the same host
// (its scheme may change, its port only between the default ones), breadth first, each analysed as
// `luxctl seo analyze` does with the one robots.txt read at the start; robots.txt obeyed as Google
// reads it, for our product token's group, else "*".
//
// Everything goes through the SafeFetcher given, which must live on the thread the crawl runs on;
// the crawler keeps no state of its own between crawls and touches no global object, so a worker
// thread with its own event loop (and its own SafeFetcher) may run it.
class Crawler
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::Crawler)
public:
    explicit Crawler(net::SafeFetcher *fetcher) : m_fetcher(fetcher) {}

    // The crawl, or an error: the start is not an http(s) address (fetch.url), the site cannot be
    // reached at all (robots.txt's fetch error: fetch.refused, fetch.resolve…), or errc::cancelled.
    // Parameters by value: a coroutine.
    QCoro::Task<Result<CrawlResult>> crawl(QUrl start, CrawlOptions options);

    // The duplicate titles, descriptions and H1s among the pages (see DuplicateGroup).
    static QList<DuplicateGroup> duplicates(const QList<CrawledPage> &pages);
    // The key a value is compared by: whitespace collapsed, case folded.
    static QString normalised(const QString &value);
    // An address as the crawl keys it: http(s) only, fragment dropped, empty path as "/"; empty when
    // it cannot be crawled.
    static QString key(const QUrl &url);
    // Whether `url` is on the same site as `start` (same host; the port the same, or the default of
    // each scheme on both).
    static bool sameSite(const QUrl &start, const QUrl &url);
    // The Crawl-delay (ms) of robots.txt's group for `userAgent` (else "*"); 0 when none.
    static int crawlDelayMs(const QByteArray &robotsBody, const QByteArray &userAgent);

private:
    net::SafeFetcher *m_fetcher;
};

} // namespace lux::seo
