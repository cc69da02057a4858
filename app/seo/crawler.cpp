// SPDX-License-Identifier: GPL-3.0-or-later
#include "crawler.h"

#include "common/errorcodes.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/page.h"
#include "seo/robots.h"

#include <QCoroTimer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QTimer>

#include <cmath>
#include <deque>

namespace lux::seo {

namespace {

constexpr int kRobotsTimeoutMs = 10'000;
// While only answers are awaited, the loop still looks round this often (an answer wakes it sooner).
constexpr int kHeartbeatMs = 1'000;
// A page is anyone's bytes: what the crawl keeps of it is bounded. The queue holds no more addresses
// than the pages still to fetch (and a margin for those a redirect reaches first); robots.txt's blocks
// are listed up to a number; a title, description or H1 is kept up to a length.
constexpr std::size_t kQueueMargin = 64;
constexpr int kMaxBlockedListed = 1'000;
constexpr int kMaxTextChars = 1'000;

int defaultPort(const QUrl &url)
{
    return url.scheme() == u"https" ? 443 : 80;
}

QString contentTypeOf(const net::FetchedPage &fetched)
{
    return QString::fromLatin1(fetched.header("content-type").split(';').first().trimmed().toLower());
}

bool looksLikeHtml(const QString &contentType, const QByteArray &body)
{
    if (contentType == u"text/html" || contentType == u"application/xhtml+xml")
        return true;
    if (!contentType.isEmpty())
        return false;
    // No type at all: what a browser would sniff as HTML.
    const QByteArray head = body.left(512).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<head");
}

struct Pending
{
    QString key;
    int depth = 0;
};

// One crawl's state, in the coroutine's frame: the answers' callbacks change it, the loop reads it.
struct CrawlState
{
    QUrl start;
    CrawlOptions options;
    QString userAgent;
    RobotsTxt robots;
    int robotsStatus = 0;
    QByteArray robotsBody;
    std::deque<Pending> queue;
    QSet<QString> seen; // queued, fetched or blocked
    QSet<QString> visited; // requested, or reached by a redirect
    QHash<QString, QStringList> sources; // target key → the pages linking to it, in the order found
    CrawlResult result;
    int started = 0;
    int done = 0;
    int inFlight = 0;
    bool overflowed = false; // links were left unqueued: more pages than maxPages

    void found(const CrawledPage &from, const QUrl &finalUrl, const Page &page);
    void answered(int slot, const Result<net::FetchedPage> &fetched, qint64 elapsedMs);
};

void CrawlState::found(const CrawledPage &from, const QUrl &finalUrl, const Page &page)
{
    const QString fromKey = Crawler::key(finalUrl);
    for (const Anchor &a : page.anchors) {
        if (!a.hasHref || a.href.isEmpty())
            continue;
        const QUrl target = finalUrl.resolved(QUrl(a.href));
        const QString k = Crawler::key(target);
        if (k.isEmpty() || !Crawler::sameSite(start, target))
            continue;
        if (!seen.contains(k)) {
            if (queue.size() >= std::size_t(std::max(0, options.maxPages - started)) + kQueueMargin) {
                overflowed = true; // never fetched: neither queued nor its linkers kept
                continue;
            }
            seen.insert(k);
            if (!robots.isAllowed(userAgent, k)) {
                if (result.blocked.size() < kMaxBlockedListed)
                    result.blocked << k;
                continue;
            }
            queue.push_back(Pending{k, from.depth + 1});
        }
        // The crawled pages that link to it (at most maxPages of them).
        QStringList &linkers = sources[k];
        if (k != fromKey && !linkers.contains(fromKey))
            linkers << fromKey;
    }
}

void CrawlState::answered(int slot, const Result<net::FetchedPage> &fetched, qint64 elapsedMs)
{
    --inFlight;
    CrawledPage &p = result.pages[slot];
    p.timeMs = int(elapsedMs);
    if (!fetched) {
        p.finalUrl = p.url;
        p.error = fetched.error().message; // a cancelled fetch is never shown: the crawl ends with errc::cancelled
        p.status = 0;
    } else {
        p.finalUrl = Crawler::key(fetched->finalUrl);
        if (p.finalUrl.isEmpty())
            p.finalUrl = fetched->finalUrl.toString(QUrl::FullyEncoded);
        p.status = fetched->status;
        p.contentType = contentTypeOf(*fetched);
        if (!Crawler::sameSite(start, fetched->finalUrl)) {
            p.error = Crawler::tr("Redirected off the site, to %1: not analysed.").arg(p.finalUrl);
        } else {
            // A page reached by a redirect is not fetched again under its own address.
            seen.insert(p.finalUrl);
            visited.insert(p.finalUrl);
            if (looksLikeHtml(p.contentType, fetched->body)) {
                const Result<Page> page = Page::parse(ServedPage{fetched->finalUrl, fetched->status, fetched->headers, fetched->body});
                if (!page) {
                    p.error = page.error().message;
                } else {
                    AnalyzeOptions analyzing;
                    analyzing.keyphrase = options.keyphrase;
                    analyzing.allowPrivate = options.allowPrivate;
                    analyzing.extraChecks = options.extraChecks;
                    Analysis a = Analyzer::analyzePage(*page, robotsStatus, robotsBody, analyzing);
                    p.html = true;
                    p.title = page->title.value_or(QString()).left(kMaxTextChars);
                    p.description = a.description.left(kMaxTextChars);
                    for (const Heading &h : page->headings)
                        if (h.level == 1) {
                            p.h1 = h.text.simplified().left(kMaxTextChars);
                            break;
                        }
                    p.words = a.words;
                    p.score = a.score();
                    for (const Finding &f : std::as_const(a.findings)) {
                        switch (f.severity) {
                        case Severity::Error: ++p.errors; break;
                        case Severity::Warning: ++p.warnings; break;
                        case Severity::Notice: ++p.notices; break;
                        }
                    }
                    if (p.status >= 200 && p.status < 300)
                        found(p, fetched->finalUrl, *page);
                }
            }
        }
    }
    ++done;
    if (options.progress)
        options.progress(CrawlProgress{done, std::min(options.maxPages, started + int(queue.size())), QUrl(p.url)});
}

} // namespace

const CrawledPage *CrawlResult::page(const QString &url) const
{
    for (const CrawledPage &p : pages)
        if (p.url == url)
            return &p;
    // Duplicates name a page by where it ended up (a redirect inside the site).
    for (const CrawledPage &p : pages)
        if (p.finalUrl == url)
            return &p;
    return nullptr;
}

QJsonObject CrawlResult::toJson() const
{
    QJsonArray pagesJson;
    for (const CrawledPage &p : pages)
        pagesJson.append(QJsonObject{{QStringLiteral("url"), p.url},
                                     {QStringLiteral("final_url"), p.finalUrl},
                                     {QStringLiteral("status"), p.status},
                                     {QStringLiteral("content_type"), p.contentType},
                                     {QStringLiteral("title"), p.title},
                                     {QStringLiteral("description"), p.description},
                                     {QStringLiteral("h1"), p.h1},
                                     {QStringLiteral("words"), p.words},
                                     {QStringLiteral("score"), p.score ? QJsonValue(*p.score) : QJsonValue()},
                                     {QStringLiteral("findings"), QJsonObject{{QStringLiteral("error"), p.errors},
                                                                              {QStringLiteral("warning"), p.warnings},
                                                                              {QStringLiteral("notice"), p.notices}}},
                                     {QStringLiteral("depth"), p.depth},
                                     {QStringLiteral("inlinks"), p.inlinks},
                                     {QStringLiteral("error"), p.error},
                                     {QStringLiteral("time_ms"), p.timeMs}});
    QJsonObject duplicatesJson{{QStringLiteral("title"), QJsonArray()}, {QStringLiteral("description"), QJsonArray()}, {QStringLiteral("h1"), QJsonArray()}};
    for (const DuplicateGroup &g : duplicates) {
        QJsonArray groups = duplicatesJson.value(g.kind).toArray();
        groups.append(QJsonObject{{QStringLiteral("value"), g.value}, {QStringLiteral("urls"), QJsonArray::fromStringList(g.urls)}});
        duplicatesJson.insert(g.kind, groups);
    }
    QJsonArray brokenJson;
    for (const BrokenLink &b : brokenLinks)
        brokenJson.append(QJsonObject{{QStringLiteral("url"), b.target},
                                      {QStringLiteral("status"), b.status},
                                      {QStringLiteral("error"), b.error},
                                      {QStringLiteral("on"), QJsonArray::fromStringList(b.sources)}});
    return QJsonObject{{QStringLiteral("start"), start},
                       {QStringLiteral("pages"), pagesJson},
                       {QStringLiteral("duplicates"), duplicatesJson},
                       {QStringLiteral("broken_links"), brokenJson},
                       {QStringLiteral("blocked"), QJsonArray::fromStringList(blocked)},
                       {QStringLiteral("truncated"), truncated},
                       {QStringLiteral("robots_status"), robotsStatus},
                       {QStringLiteral("robots_error"), robotsError},
                       {QStringLiteral("pause_ms"), pauseMs}};
}

QString Crawler::normalised(const QString &value)
{
    return value.simplified().toCaseFolded();
}

QString Crawler::key(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return {};
    QUrl u = url.adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::NormalizePathSegments);
    if (u.port() == defaultPort(u))
        u.setPort(-1);
    if (u.path().isEmpty())
        u.setPath(QStringLiteral("/"));
    return u.toString(QUrl::FullyEncoded);
}

bool Crawler::sameSite(const QUrl &start, const QUrl &url)
{
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return false;
    if (start.host().compare(url.host(), Qt::CaseInsensitive) != 0)
        return false;
    const int a = start.port(defaultPort(start));
    const int b = url.port(defaultPort(url));
    return a == b || (a == defaultPort(start) && b == defaultPort(url));
}

int Crawler::crawlDelayMs(const QByteArray &robotsBody, const QByteArray &userAgent)
{
    // Groups as RFC 9309 draws them: user-agent lines in a row open one, other lines belong to it.
    const QByteArray token = RobotsTxt::productToken(QString::fromLatin1(userAgent), RobotsDialect::Google);
    std::optional<double> ours, anyone;
    QList<QByteArray> agents;
    bool inAgents = false;
    for (QByteArray line : robotsBody.left(RobotsTxt::kMaxBytes).split('\n')) {
        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line.truncate(hash);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "user-agent") {
            if (!inAgents)
                agents.clear();
            inAgents = true;
            agents << (value == "*" ? QByteArray("*") : RobotsTxt::productToken(QString::fromLatin1(value), RobotsDialect::Google));
            continue;
        }
        inAgents = false;
        if (name != "crawl-delay")
            continue;
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0) // "nan" and "inf" parse as numbers
            continue;
        if (!token.isEmpty() && agents.contains(token) && !ours)
            ours = seconds;
        if (agents.contains("*") && !anyone)
            anyone = seconds;
    }
    const std::optional<double> seconds = ours ? ours : anyone;
    return seconds ? int(std::min(*seconds * 1000.0, 24.0 * 3600 * 1000)) : 0;
}

QList<DuplicateGroup> Crawler::duplicates(const QList<CrawledPage> &pages)
{
    QList<const CrawledPage *> candidates;
    QSet<QString> finals;
    for (const CrawledPage &p : pages) {
        if (!p.html || p.status < 200 || p.status >= 300 || finals.contains(p.finalUrl))
            continue;
        finals.insert(p.finalUrl);
        candidates << &p;
    }
    QList<DuplicateGroup> out;
    for (const QString &kind : {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("h1")}) {
        QList<DuplicateGroup> groups;
        QHash<QString, qsizetype> byValue;
        for (const CrawledPage *p : std::as_const(candidates)) {
            const QString &value = kind == u"title" ? p->title : kind == u"description" ? p->description : p->h1;
            const QString n = normalised(value);
            if (n.isEmpty())
                continue;
            const auto it = byValue.constFind(n);
            if (it == byValue.constEnd()) {
                byValue.insert(n, groups.size());
                groups << DuplicateGroup{kind, value.simplified(), {p->finalUrl}};
            } else {
                groups[*it].urls << p->finalUrl;
            }
        }
        for (const DuplicateGroup &g : std::as_const(groups))
            if (g.urls.size() > 1)
                out << g;
    }
    return out;
}

QCoro::Task<Result<CrawlResult>> Crawler::crawl(QUrl start, CrawlOptions options)
{
    const QString startKey = key(start);
    if (startKey.isEmpty())
        co_return Error(errc::fetchUrl, tr("“%1” is not an http or https address.").arg(start.toString()));
    CrawlState st;
    st.start = QUrl(startKey);
    st.options = options;
    st.options.maxPages = std::clamp(options.maxPages, 1, CrawlOptions::kMaxPages);
    st.options.concurrency = std::clamp(options.concurrency, 1, CrawlOptions::kMaxConcurrency);
    st.options.pauseMs = std::max(0, options.pauseMs);
    st.userAgent = QString::fromLatin1(net::SafeFetcher::userAgent());
    st.result.start = startKey;
    st.result.maxPages = st.options.maxPages;
    st.result.startedAt = QDateTime::currentMSecsSinceEpoch();
    // Given a cancellation, the crawl ends when it fires, and also when it is gone (deleted by its
    // owner): a crawl must never go on unseen with no way left to stop it.
    const bool cancellable = !options.cancellation.isNull();
    const auto cancelled = [&st, cancellable] {
        return cancellable && (!st.options.cancellation || st.options.cancellation->isCancelled());
    };
    const auto cancelledError = [] { return Error(errc::cancelled, tr("The site crawl was cancelled.")); };

    QElapsedTimer clock;
    clock.start();

    // robots.txt first, once: every page is judged by it (RFC 9309: a 4xx allows everything; a 5xx
    // or no answer at all is read as "disallow everything").
    net::FetchOptions robotsFetching;
    robotsFetching.allowPrivate = st.options.allowPrivate;
    robotsFetching.cancellation = st.options.cancellation;
    robotsFetching.timeoutMs = kRobotsTimeoutMs;
    robotsFetching.maxBytes = RobotsTxt::kMaxBytes * 2;
    const qint64 robotsStartedAt = clock.elapsed();
    auto robotsTask = m_fetcher->fetch(st.start.resolved(QUrl(QStringLiteral("/robots.txt"))), robotsFetching);
    const Result<net::FetchedPage> robots = co_await robotsTask;
    bool disallowAll = false;
    if (!robots) {
        const QString code = robots.error().code;
        if (code == errc::cancelled || code == errc::fetchUrl || code == errc::fetchScheme || code == errc::fetchRefused
            || code == errc::fetchResolve)
            co_return robots.error();
        disallowAll = true;
        st.result.robotsError = tr("robots.txt could not be read (%1): a crawler takes that as no page allowed.").arg(robots.error().message);
    } else {
        st.robotsStatus = st.result.robotsStatus = robots->status;
        if (robots->status >= 200 && robots->status < 300) {
            st.robotsBody = robots->body;
            st.robots = RobotsTxt::parse(robots->body, RobotsDialect::Google);
            const int delay = std::min(crawlDelayMs(robots->body, net::SafeFetcher::userAgent()), CrawlOptions::kMaxCrawlDelayMs);
            st.options.pauseMs = std::max(st.options.pauseMs, delay);
        } else if (robots->status >= 500) {
            disallowAll = true;
            st.result.robotsError = tr("robots.txt answered HTTP %1: a crawler takes that as no page allowed.").arg(robots->status);
        }
    }
    st.result.pauseMs = st.options.pauseMs;
    qint64 nextStartAt = robotsStartedAt + st.options.pauseMs;
    st.seen.insert(startKey);
    if (disallowAll || !st.robots.isAllowed(st.userAgent, startKey))
        st.result.blocked << startKey;
    else
        st.queue.push_back(Pending{startKey, 0});

    // One timer wakes the loop: when the pause is over, when an answer came (started at 0), when the
    // crawl is cancelled, or on a heartbeat.
    QTimer wake;
    wake.setSingleShot(true);
    wake.setTimerType(Qt::PreciseTimer);
    if (st.options.cancellation)
        QObject::connect(st.options.cancellation, &channels::Cancellation::cancelled, &wake, [&wake] { wake.start(0); });

    net::FetchOptions fetching;
    fetching.allowPrivate = st.options.allowPrivate;
    fetching.cancellation = st.options.cancellation;
    for (;;) {
        if (cancelled())
            break;
        bool gated = false;
        while (st.inFlight < st.options.concurrency && !st.queue.empty() && st.started < st.options.maxPages) {
            const qint64 wait = nextStartAt - clock.elapsed();
            if (wait > 0) {
                wake.start(int(wait));
                gated = true;
                break;
            }
            const Pending next = st.queue.front();
            st.queue.pop_front();
            if (st.visited.contains(next.key)) // reached meanwhile as another page's redirect target
                continue;
            st.visited.insert(next.key);
            const int slot = int(st.result.pages.size());
            CrawledPage page;
            page.url = next.key;
            page.depth = next.depth;
            st.result.pages << page;
            ++st.started;
            ++st.inFlight;
            nextStartAt = clock.elapsed() + st.options.pauseMs;
            const qint64 startedAt = clock.elapsed();
            auto task = m_fetcher->fetch(QUrl(next.key), fetching);
            // The answer may come at once (a refused address): the loop reads the state afterwards.
            QCoro::connect(std::move(task), &wake, [&st, &wake, &clock, slot, startedAt](const Result<net::FetchedPage> &fetched) {
                st.answered(slot, fetched, clock.elapsed() - startedAt);
                wake.start(0);
            });
        }
        if (st.inFlight == 0 && !gated)
            break;
        if (!gated)
            wake.start(kHeartbeatMs);
        auto woken = qCoro(&wake).waitForTimeout();
        co_await woken;
    }
    // Cancelled: the requests under way end with it; nothing of theirs is used.
    while (st.inFlight > 0) {
        if (!wake.isActive())
            wake.start(kHeartbeatMs);
        auto woken = qCoro(&wake).waitForTimeout();
        co_await woken;
    }
    if (cancelled())
        co_return cancelledError();

    st.result.truncated = !st.queue.empty() || st.overflowed;
    st.result.finishedAt = QDateTime::currentMSecsSinceEpoch();
    for (CrawledPage &p : st.result.pages) {
        const QStringList from = st.sources.value(p.url);
        p.inlinks = int(from.size());
        const bool broken = p.status >= 400 || (p.status == 0 && !p.error.isEmpty());
        if (broken && !from.isEmpty())
            st.result.brokenLinks << BrokenLink{p.url, p.status, p.error, from};
    }
    st.result.duplicates = duplicates(st.result.pages);
    co_return st.result;
}

} // namespace lux::seo
