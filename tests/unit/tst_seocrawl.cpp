// SPDX-License-Identifier: GPL-3.0-or-later
// The site crawl end to end (issue 21): a site of 31 pages on loopback with a robots.txt that uses
// Google's rules (a group for our token, "*" and "$", the longest match), links off the host, a
// redirect inside and one off the site, duplicates, broken links, a page that is not HTML. The
// server logs every request (path, host, when, how many at once), so the politeness rules are checked
// where they matter: disallowed pages never requested, at most 4 at once, the pause between starts.
// The crawl is stored (a real SQLite file), a second crawl after the site changed says what changed,
// and `luxctl seo crawl --json` does the same from a process.
#include "common/awaittask.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "httpserver.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/crawler.h"
#include "seo/seostore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace lux;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;

namespace {

// Our group decides for us: "*"'s rules do not apply to LUX-Marketing once it has a group of its own.
const QByteArray kRobots = "User-agent: *\n"
                           "Disallow: /only-star\n"
                           "\n"
                           "User-agent: LUX-Marketing\n"
                           "Disallow: /private\n"
                           "Allow: /private/open$\n"
                           "Disallow: /*.pdf$\n"
                           "Disallow: /no-lux\n";

struct Request
{
    QString path; // with the query
    QByteArray host;
    qint64 at = 0; // ms since the server started
};

HttpResponse html(const QString &title, const QString &description, const QString &h1, const QStringList &links, const QString &extraHead = {})
{
    QString body = QStringLiteral("<!doctype html><html lang=\"en\"><head><title>%1</title><meta name=\"description\" content=\"%2\">%3</head>"
                                  "<body><h1>%4</h1><p>Some words on this page about waxed canvas bags and their straps.</p>")
                       .arg(title, description, extraHead, h1);
    for (const QString &l : links)
        body += QStringLiteral("<a href=\"%1\">%1</a>\n").arg(l);
    body += QStringLiteral("</body></html>");
    HttpResponse r;
    r.body = body.toUtf8();
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    return r;
}

} // namespace

class TestSeoCrawl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pureRules();
    void crawlsTheSite();
    void stopsAtMaxPages();
    void waitsThePause();
    void robotsAnswers();
    void cancelStopsPromptly();
    void goneCancellationStops();
    void runsOnAWorkerThread();
    void secondCrawlSaysWhatChanged();
    void luxctlCrawlsAndStores();

private:
    HttpResponse page(const QString &path) const;
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_site->port()).arg(path)); }
    QStringList requested() const;
    Result<seo::CrawlResult> crawl(seo::CrawlOptions options);

    std::unique_ptr<HttpServer> m_site;
    std::unique_ptr<HttpServer> m_other; // another site: must see nothing
    QList<Request> m_requests;
    QStringList m_otherRequests; // paths
    QElapsedTimer m_clock;
    int m_open = 0, m_maxOpen = 0;
    int m_delayMs = 0; // each page answered this late
    int m_version = 1; // the site changes between two crawls
    int m_robotsStatus = 200;
    QByteArray m_robots = kRobots;
};

HttpResponse TestSeoCrawl::page(const QString &path) const
{
    const QString other = QStringLiteral("http://127.0.0.1:%1/x").arg(m_other->port());
    const QString localhost = QStringLiteral("http://localhost:%1/offhost").arg(m_site->port());
    const bool v2 = m_version == 2;
    if (path == u"/") {
        QStringList links{QStringLiteral("/a"), QStringLiteral("/a#section"), QStringLiteral("b"), QStringLiteral("/c"),
                          QStringLiteral("/dup1"), QStringLiteral("/dup2"), QStringLiteral("/private/secret"), QStringLiteral("/private/open"),
                          QStringLiteral("/private/open/deeper"), QStringLiteral("/files/report.pdf"), QStringLiteral("/files/report.pdf?v=2"),
                          QStringLiteral("/no-lux"), QStringLiteral("/only-star"), localhost, other, QStringLiteral("/missing"),
                          QStringLiteral("/image.png"), QStringLiteral("/redirect"), QStringLiteral("/away"), QStringLiteral("/server-error"),
                          QStringLiteral("/drop"), QStringLiteral("/list/1"), QStringLiteral("mailto:shop@example.com"),
                          QStringLiteral("javascript:void(0)"), QStringLiteral("#top")};
        if (v2)
            links << QStringLiteral("/new");
        return html(QStringLiteral("Home"), QStringLiteral("The home page"), QStringLiteral("Welcome"), links);
    }
    if (path == u"/a")
        return html(v2 ? QStringLiteral("Alpha, renamed") : QStringLiteral("Alpha"), QStringLiteral("About alpha"), QStringLiteral("Alpha"),
                    {QStringLiteral("/missing"), QStringLiteral("/b")});
    if (path == u"/b" && !v2)
        return html(QStringLiteral("Beta"), QStringLiteral("About beta"), QStringLiteral("Beta"), {QStringLiteral("/")});
    if (path == u"/c")
        return html(QStringLiteral("Gamma"), QStringLiteral("About gamma"), v2 ? QStringLiteral("Gamma, new heading") : QStringLiteral("Gamma"),
                    {QStringLiteral("/dup-404")});
    // Three pages with one title, description and H1 as people write them (spacing, case); the third
    // answers 404, so it is not a duplicate.
    if (path == u"/dup1")
        return html(QStringLiteral("Same  Title"), QStringLiteral("Same description"), QStringLiteral("Same heading"), {},
                    v2 ? QStringLiteral("<meta name=\"robots\" content=\"noindex\">") : QString());
    if (path == u"/dup2")
        return html(QStringLiteral("same title"), QStringLiteral("SAME   description"), QStringLiteral("Same   HEADING"), {});
    if (path == u"/dup-404") {
        HttpResponse r = html(QStringLiteral("Same title"), QStringLiteral("Same description"), QStringLiteral("Same heading"), {});
        r.status = 404;
        return r;
    }
    if (path == u"/private/open" || path == u"/only-star" || path == u"/files/report.pdf?v=2" || path == u"/redirected" || path == u"/new")
        return html(QStringLiteral("Page %1").arg(path), QStringLiteral("About %1").arg(path), QStringLiteral("Heading %1").arg(path), {});
    if (path == u"/image.png") {
        HttpResponse r;
        r.body = QByteArray("\x89PNG\r\n\x1a\n", 8);
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("image/png")});
        return r;
    }
    if (path == u"/redirect")
        return HttpResponse{301, {{QByteArrayLiteral("Location"), QByteArrayLiteral("/redirected")}}, {}};
    if (path == u"/away")
        return HttpResponse{302, {{QByteArrayLiteral("Location"), QStringLiteral("http://127.0.0.1:%1/from-away").arg(m_other->port()).toUtf8()}}, {}};
    if (path == u"/server-error")
        return HttpResponse{500, {}, "oops"};
    if (path.startsWith(u"/list/")) {
        const int n = path.mid(6).toInt();
        QStringList links;
        if (n < (v2 ? 14 : 15))
            links << QStringLiteral("/list/%1").arg(n + 1);
        return html(QStringLiteral("List %1").arg(n), QStringLiteral("Item %1 of the list").arg(n), QStringLiteral("List item %1").arg(n), links);
    }
    return HttpResponse{404, {}, "not here"};
}

void TestSeoCrawl::init()
{
    m_requests.clear();
    m_otherRequests.clear();
    m_open = m_maxOpen = 0;
    m_delayMs = 0;
    m_version = 1;
    m_robotsStatus = 200;
    m_robots = kRobots;
    m_clock.start();
    m_other = std::make_unique<HttpServer>([this](HttpExchange *e) {
        m_otherRequests << e->request().url.path();
        e->respond(HttpResponse{200, {}, "other"});
    });
    QVERIFY(m_other->listen());
    m_site = std::make_unique<HttpServer>([this](HttpExchange *e) {
        const QUrl u = e->request().url;
        const QString path = u.path() + (u.hasQuery() ? QStringLiteral("?") + u.query(QUrl::FullyEncoded) : QString());
        m_requests << Request{path, e->request().header("host"), m_clock.elapsed()};
        if (path == u"/robots.txt") {
            e->respond(HttpResponse{m_robotsStatus, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}}, m_robots});
            return;
        }
        if (path == u"/drop") {
            e->drop();
            return;
        }
        const HttpResponse r = page(path);
        m_maxOpen = std::max(m_maxOpen, ++m_open);
        QTimer::singleShot(m_delayMs, e, [this, e, r] {
            --m_open;
            e->respond(r);
        });
    });
    QVERIFY(m_site->listen());
}

QStringList TestSeoCrawl::requested() const
{
    QStringList out;
    for (const Request &r : m_requests)
        out << r.path;
    return out;
}

Result<seo::CrawlResult> TestSeoCrawl::crawl(seo::CrawlOptions options)
{
    net::SafeFetcher fetcher;
    seo::Crawler crawler(&fetcher);
    options.allowPrivate = true;
    return test::await(crawler.crawl(url(QStringLiteral("/")), options));
}

void TestSeoCrawl::pureRules()
{
    const QUrl start(QStringLiteral("http://example.com/"));
    QVERIFY(seo::Crawler::sameSite(start, QUrl(QStringLiteral("https://EXAMPLE.com/x"))));
    QVERIFY(seo::Crawler::sameSite(start, QUrl(QStringLiteral("http://example.com:80/x"))));
    QVERIFY(!seo::Crawler::sameSite(start, QUrl(QStringLiteral("http://example.com:8080/x"))));
    QVERIFY(!seo::Crawler::sameSite(start, QUrl(QStringLiteral("http://www.example.com/x"))));
    QVERIFY(!seo::Crawler::sameSite(start, QUrl(QStringLiteral("ftp://example.com/x"))));
    QCOMPARE(seo::Crawler::key(QUrl(QStringLiteral("http://Example.com:80#top"))), QStringLiteral("http://example.com/"));
    QCOMPARE(seo::Crawler::key(QUrl(QStringLiteral("https://example.com/a/../b?q=1#f"))), QStringLiteral("https://example.com/b?q=1"));
    QCOMPARE(seo::Crawler::key(QUrl(QStringLiteral("mailto:a@example.com"))), QString());
    QCOMPARE(seo::Crawler::normalised(QStringLiteral("  Same \t TITLE ")), QStringLiteral("same title"));
    const QByteArray ua = net::SafeFetcher::userAgent();
    QCOMPARE(seo::Crawler::crawlDelayMs("User-agent: *\nCrawl-delay: 2\n", ua), 2000);
    QCOMPARE(seo::Crawler::crawlDelayMs("User-agent: *\nCrawl-delay: 2\n\nUser-agent: lux-marketing\nCrawl-delay: 0.5\n", ua), 500);
    QCOMPARE(seo::Crawler::crawlDelayMs("User-agent: Googlebot\nCrawl-delay: 9\n", ua), 0);
    QCOMPARE(seo::Crawler::crawlDelayMs("User-agent: *\nCrawl-delay: soon\n", ua), 0);
}

void TestSeoCrawl::crawlsTheSite()
{
    m_delayMs = 100; // long enough for requests to overlap
    seo::CrawlOptions options;
    options.pauseMs = 20;
    QList<seo::CrawlProgress> progress;
    options.progress = [&progress](const seo::CrawlProgress &p) { progress << p; };
    const auto result = crawl(options);
    QVERIFY2(result, test::errorText(result).constData());

    const QStringList seen = requested();
    QCOMPARE(seen.first(), QStringLiteral("/robots.txt"));
    QCOMPARE(seen.count(QStringLiteral("/robots.txt")), 1);
    // Disallowed by our group (with "$" and "*", the longest match winning) — never requested.
    for (const QString &never : {QStringLiteral("/private/secret"), QStringLiteral("/private/open/deeper"), QStringLiteral("/files/report.pdf"),
                                 QStringLiteral("/no-lux"), QStringLiteral("/offhost")})
        QVERIFY2(!seen.contains(never), qPrintable(never));
    // "*"'s rule is not ours; "$" ends the path only; Allow's longer match wins.
    for (const QString &fetched : {QStringLiteral("/only-star"), QStringLiteral("/files/report.pdf?v=2"), QStringLiteral("/private/open"),
                                   QStringLiteral("/redirect"), QStringLiteral("/redirected"), QStringLiteral("/away"), QStringLiteral("/list/15")})
        QVERIFY2(seen.contains(fetched), qPrintable(fetched));
    QCOMPARE(seen.count(QStringLiteral("/a")), 1); // "/a#section" is the same page
    for (const Request &r : std::as_const(m_requests))
        QCOMPARE(r.host, QByteArray("127.0.0.1:") + QByteArray::number(m_site->port()));
    // The link off the site is not followed; the redirect off it is followed by the fetcher (its
    // answer is not used, its links not followed).
    QCOMPARE(m_otherRequests, QStringList{QStringLiteral("/from-away")});
    // robots.txt, 31 pages, and /redirect's target; Qt's network access sends a GET once more when a
    // kept-alive connection closes without an answer (/drop), which is Qt's, not the crawl's.
    const qsizetype resent = seen.count(QStringLiteral("/drop")) - 1;
    QVERIFY(resent == 0 || resent == 1);
    QVERIFY2(seen.size() - resent == 1 + 31 + 1, qPrintable(seen.join(u' ')));
    QCOMPARE(result->pages.size(), 31);
    QVERIFY(!result->truncated);
    QCOMPARE(result->robotsStatus, 200);

    QStringList blocked = result->blocked;
    blocked.sort();
    QCOMPARE(blocked, (QStringList{url(QStringLiteral("/files/report.pdf")).toString(), url(QStringLiteral("/no-lux")).toString(),
                                   url(QStringLiteral("/private/open/deeper")).toString(), url(QStringLiteral("/private/secret")).toString()}));

    // At most four at once, and the four were used.
    QVERIFY2(m_maxOpen <= 4, QByteArray::number(m_maxOpen).constData());
    QVERIFY2(m_maxOpen >= 3, QByteArray::number(m_maxOpen).constData());

    // The pages, as recorded.
    const seo::CrawledPage *home = result->page(url(QStringLiteral("/")).toString());
    QVERIFY(home);
    QCOMPARE(home->status, 200);
    QVERIFY(home->html);
    QCOMPARE(home->title, QStringLiteral("Home"));
    QCOMPARE(home->h1, QStringLiteral("Welcome"));
    QCOMPARE(home->depth, 0);
    QVERIFY(home->score.has_value());
    const seo::CrawledPage *image = result->page(url(QStringLiteral("/image.png")).toString());
    QVERIFY(image);
    QCOMPARE(image->contentType, QStringLiteral("image/png"));
    QVERIFY(!image->html);
    QVERIFY(!image->score);
    const seo::CrawledPage *redirect = result->page(url(QStringLiteral("/redirect")).toString());
    QVERIFY(redirect);
    QCOMPARE(redirect->finalUrl, url(QStringLiteral("/redirected")).toString());
    QVERIFY(redirect->html);
    const seo::CrawledPage *away = result->page(url(QStringLiteral("/away")).toString());
    QVERIFY(away);
    QVERIFY(!away->html);
    QVERIFY(away->error.contains(QStringLiteral("off the site")));
    const seo::CrawledPage *b = result->page(url(QStringLiteral("/b")).toString());
    QVERIFY(b);
    QCOMPARE(b->inlinks, 2); // the home page and /a
    QCOMPARE(b->depth, 1);
    QCOMPARE(result->page(url(QStringLiteral("/list/15")).toString())->depth, 15);

    // Duplicates: exactly the two 2xx pages, whatever the spacing and case.
    const QStringList dups{url(QStringLiteral("/dup1")).toString(), url(QStringLiteral("/dup2")).toString()};
    QCOMPARE(result->duplicates.size(), 3);
    QCOMPARE(result->duplicates.at(0).kind, QStringLiteral("title"));
    QCOMPARE(result->duplicates.at(0).value, QStringLiteral("Same Title"));
    QCOMPARE(result->duplicates.at(1).kind, QStringLiteral("description"));
    QCOMPARE(result->duplicates.at(2).kind, QStringLiteral("h1"));
    for (const seo::DuplicateGroup &g : result->duplicates) {
        QStringList urls = g.urls;
        urls.sort();
        QCOMPARE(urls, dups);
    }

    // Broken links: each with the pages it is on.
    QHash<QString, seo::BrokenLink> broken;
    for (const seo::BrokenLink &l : result->brokenLinks)
        broken.insert(l.target, l);
    QCOMPARE(broken.size(), 4);
    const QString homeUrl = url(QStringLiteral("/")).toString();
    QCOMPARE(broken.value(url(QStringLiteral("/missing")).toString()).status, 404);
    QStringList missingOn = broken.value(url(QStringLiteral("/missing")).toString()).sources;
    missingOn.sort();
    QCOMPARE(missingOn, (QStringList{homeUrl, url(QStringLiteral("/a")).toString()}));
    QCOMPARE(broken.value(url(QStringLiteral("/server-error")).toString()).status, 500);
    QCOMPARE(broken.value(url(QStringLiteral("/dup-404")).toString()).sources, QStringList{url(QStringLiteral("/c")).toString()});
    const seo::BrokenLink drop = broken.value(url(QStringLiteral("/drop")).toString());
    QCOMPARE(drop.status, 0);
    QVERIFY(!drop.error.isEmpty());
    QCOMPARE(drop.sources, QStringList{homeUrl});

    // Progress after every page, ending at 31 of 31.
    QCOMPARE(progress.size(), 31);
    QCOMPARE(progress.last().done, 31);
    QCOMPARE(progress.last().known, 31);
    for (int i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).known >= progress.at(i).done);

    // The JSON carries the same.
    const QJsonObject json = result->toJson();
    QCOMPARE(json.value(QStringLiteral("pages")).toArray().size(), 31);
    QCOMPARE(json.value(QStringLiteral("duplicates")).toObject().value(QStringLiteral("h1")).toArray().size(), 1);
    QCOMPARE(json.value(QStringLiteral("broken_links")).toArray().size(), 4);
    QCOMPARE(json.value(QStringLiteral("blocked")).toArray().size(), 4);
}

void TestSeoCrawl::stopsAtMaxPages()
{
    seo::CrawlOptions options;
    options.pauseMs = 5;
    options.maxPages = 5;
    const auto result = crawl(options);
    QVERIFY2(result, test::errorText(result).constData());
    QCOMPARE(result->pages.size(), 5);
    QCOMPARE(m_requests.size(), 1 + 5);
    QVERIFY(result->truncated);
}

void TestSeoCrawl::waitsThePause()
{
    seo::CrawlOptions options;
    options.pauseMs = 200;
    options.maxPages = 6;
    const auto result = crawl(options);
    QVERIFY2(result, test::errorText(result).constData());
    QCOMPARE(result->pauseMs, 200);
    QCOMPARE(m_requests.size(), 7);
    // Between the starts of two requests (robots.txt's included), as the server saw them.
    for (int i = 1; i < m_requests.size(); ++i) {
        const qint64 gap = m_requests.at(i).at - m_requests.at(i - 1).at;
        QVERIFY2(gap >= 200 - 15, qPrintable(QStringLiteral("%1 → %2: %3 ms").arg(m_requests.at(i - 1).path, m_requests.at(i).path).arg(gap)));
    }
}

void TestSeoCrawl::robotsAnswers()
{
    seo::CrawlOptions options;
    options.pauseMs = 20;
    // A 5xx (or no answer) is "disallow everything" (RFC 9309): nothing else is asked.
    m_robotsStatus = 503;
    auto result = crawl(options);
    QVERIFY2(result, test::errorText(result).constData());
    QVERIFY(result->pages.isEmpty());
    QCOMPARE(result->blocked, QStringList{url(QStringLiteral("/")).toString()});
    QVERIFY(result->robotsError.contains(QStringLiteral("503")));
    QCOMPARE(requested(), QStringList{QStringLiteral("/robots.txt")});

    // A 4xx is "no robots.txt": everything allowed, /no-lux included.
    m_requests.clear();
    m_robotsStatus = 404;
    options.maxPages = 15;
    result = crawl(options);
    QVERIFY2(result, test::errorText(result).constData());
    QVERIFY(result->blocked.isEmpty());
    QVERIFY(requested().contains(QStringLiteral("/no-lux")));

    // A Crawl-delay longer than the pause is honoured (our group's before "*"'s).
    m_requests.clear();
    m_robotsStatus = 200;
    m_robots = "User-agent: *\nCrawl-delay: 5\n\nUser-agent: lux-marketing\nCrawl-delay: 0.25\nDisallow: /private\n";
    options.maxPages = 3;
    result = crawl(options);
    QVERIFY2(result, test::errorText(result).constData());
    QCOMPARE(result->pauseMs, 250);
    QCOMPARE(m_requests.size(), 4);
    for (int i = 1; i < m_requests.size(); ++i)
        QVERIFY(m_requests.at(i).at - m_requests.at(i - 1).at >= 250 - 15);
}

void TestSeoCrawl::cancelStopsPromptly()
{
    m_delayMs = 50;
    channels::Cancellation cancellation;
    seo::CrawlOptions options;
    options.pauseMs = 20;
    options.cancellation = &cancellation;
    qsizetype requestsAtCancel = 0;
    QElapsedTimer sinceCancel;
    options.progress = [&](const seo::CrawlProgress &p) {
        if (p.done == 5) {
            requestsAtCancel = m_requests.size();
            sinceCancel.start();
            cancellation.cancel();
        }
    };
    const auto result = crawl(options);
    QVERIFY(!result);
    QCOMPARE(result.error().code, QString(errc::cancelled));
    QVERIFY2(sinceCancel.elapsed() < 1'000, QByteArray::number(sinceCancel.elapsed()).constData());
    // Nothing is asked after the cancel (requests already sent may still arrive).
    QTest::qWait(150);
    QVERIFY2(m_requests.size() <= requestsAtCancel + options.concurrency, qPrintable(requested().join(u' ')));
    QVERIFY(m_requests.size() < 1 + 31);
}

void TestSeoCrawl::goneCancellationStops()
{
    // The owner of a crawl's Cancellation deletes it (a new piece of work replaces the old): the crawl
    // must end, never go on unseen with nothing left to stop it.
    m_delayMs = 50;
    auto *cancellation = new channels::Cancellation;
    seo::CrawlOptions options;
    options.pauseMs = 20;
    options.cancellation = cancellation;
    qsizetype requestsAtDelete = 0;
    options.progress = [&](const seo::CrawlProgress &p) {
        if (p.done == 3 && cancellation) {
            requestsAtDelete = m_requests.size();
            delete cancellation;
            cancellation = nullptr;
        }
    };
    const auto result = crawl(options);
    QVERIFY(!result);
    QCOMPARE(result.error().code, QString(errc::cancelled));
    QTest::qWait(150);
    QVERIFY2(m_requests.size() <= requestsAtDelete + options.concurrency, qPrintable(requested().join(u' ')));
}

void TestSeoCrawl::runsOnAWorkerThread()
{
    // As the UI runs it: a QThread with its own event loop, the fetcher made there, the cancellation
    // on this (the UI's) thread, while this thread's event loop keeps serving the site.
    m_delayMs = 30;
    channels::Cancellation cancellation;
    const QUrl start = url(QStringLiteral("/"));
    const auto onWorker = [&](int maxPages, int cancelAfter, QThread **progressThread) {
        std::optional<Result<seo::CrawlResult>> result;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            net::SafeFetcher fetcher;
            seo::Crawler crawler(&fetcher);
            seo::CrawlOptions options;
            options.allowPrivate = true;
            options.pauseMs = 10;
            options.maxPages = maxPages;
            options.cancellation = &cancellation;
            options.progress = [&](const seo::CrawlProgress &p) {
                *progressThread = QThread::currentThread();
                if (p.done == cancelAfter)
                    QMetaObject::invokeMethod(&cancellation, [&cancellation] { cancellation.cancel(); }, Qt::QueuedConnection);
            };
            result.emplace(awaitTask(crawler.crawl(start, options)));
        }));
        QSignalSpy finished(worker.get(), &QThread::finished);
        worker->start();
        if (!finished.wait(30'000))
            return std::optional<Result<seo::CrawlResult>>();
        worker->wait();
        return result;
    };
    QThread *progressThread = nullptr;
    const auto whole = onWorker(10, -1, &progressThread);
    QVERIFY(whole);
    QVERIFY2(*whole, test::errorText(*whole).constData());
    QCOMPARE((*whole)->pages.size(), 10);
    QVERIFY(progressThread && progressThread != QThread::currentThread());

    const auto cancelled = onWorker(30, 4, &progressThread);
    QVERIFY(cancelled);
    QVERIFY(!*cancelled);
    QCOMPARE(cancelled->error().code, QString(errc::cancelled));
}

void TestSeoCrawl::secondCrawlSaysWhatChanged()
{
    test::DatabaseFixture fixture;
    QVERIFY(fixture.open());
    seo::SeoStore store(fixture.db());
    seo::CrawlOptions options;
    options.pauseMs = 5;
    const auto first = crawl(options);
    QVERIFY2(first, test::errorText(first).constData());
    const auto firstId = store.saveCrawl(*first);
    QVERIFY2(firstId, test::errorText(firstId).constData());

    // The stored crawl reads back as it was.
    const auto loaded = store.loadCrawl(*firstId);
    QVERIFY(loaded && *loaded);
    QCOMPARE((*loaded)->pages.size(), first->pages.size());
    QCOMPARE((*loaded)->start, first->start);
    QCOMPARE((*loaded)->blocked, first->blocked);
    QCOMPARE((*loaded)->brokenLinks.size(), first->brokenLinks.size());
    QCOMPARE((*loaded)->brokenLinks.first().sources, first->brokenLinks.first().sources);
    QCOMPARE((*loaded)->duplicates.size(), 3);
    for (qsizetype i = 0; i < first->pages.size(); ++i) {
        const seo::CrawledPage &a = first->pages.at(i);
        const seo::CrawledPage &b = (*loaded)->pages.at(i);
        QCOMPARE(b.url, a.url);
        QCOMPARE(b.status, a.status);
        QCOMPARE(b.title, a.title);
        QCOMPARE(b.score.value_or(-1), a.score.value_or(-1));
        QCOMPARE(b.inlinks, a.inlinks);
        QCOMPARE(b.errors + b.warnings + b.notices, a.errors + a.warnings + a.notices);
    }
    const auto none = store.previousCrawl(first->start, *firstId);
    QVERIFY(none && !*none);

    m_version = 2;
    const auto second = crawl(options);
    QVERIFY2(second, test::errorText(second).constData());
    const auto secondId = store.saveCrawl(*second);
    QVERIFY(secondId);
    const auto previous = store.previousCrawl(second->start, *secondId);
    QVERIFY(previous && *previous);
    QCOMPARE(**previous, *firstId);
    const auto listed = store.crawls(url(QStringLiteral("/")).toString());
    QVERIFY(listed);
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->first().id, *secondId); // newest first

    const auto diff = store.diff(*firstId, *secondId);
    QVERIFY(diff);
    QCOMPARE(diff->added, QStringList{url(QStringLiteral("/new")).toString()});
    QCOMPARE(diff->gone, QStringList{url(QStringLiteral("/list/15")).toString()});
    QSet<QString> changes;
    for (const seo::CrawlDiff::Change &c : diff->changed)
        changes.insert(QString(c.url.mid(url(QString()).toString().size()) + u' ' + c.field));
    QVERIFY2(changes.contains(QStringLiteral("/a title")), qPrintable(changes.values().join(u',')));
    QVERIFY(changes.contains(QStringLiteral("/b status")));
    QVERIFY(changes.contains(QStringLiteral("/c h1")));
    QVERIFY(changes.contains(QStringLiteral("/dup1 score"))); // noindex fails is-crawlable
    QVERIFY(!changes.contains(QStringLiteral("/ title")));
    for (const seo::CrawlDiff::Change &c : diff->changed)
        if (c.field == u"status") {
            QCOMPARE(c.before.toInt(), 200);
            QCOMPARE(c.after.toInt(), 404);
        }
    const QJsonObject json = diff->toJson();
    QCOMPARE(json.value(QStringLiteral("previous_crawl_id")).toInteger(), *firstId);
    // The same crawl twice: nothing changed.
    const auto same = store.diff(*secondId, *secondId);
    QVERIFY(same && same->isEmpty());
}

void TestSeoCrawl::luxctlCrawlsAndStores()
{
    test::DatabaseFixture fixture;
    QVERIFY(fixture.open());
    fixture.close();
    test::TestEnvironment env;
    // The event loop runs while luxctl fetches from this process's server.
    QByteArray errors;
    const auto run = [&](const QStringList &args, QByteArray *out) {
        QProcess p;
        p.setProcessEnvironment(test::luxctlEnvironment(env, fixture.path()));
        p.start(QStringLiteral(LUXCTL_PATH), args);
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(60'000))
            return -1;
        *out = p.readAllStandardOutput();
        errors = p.readAllStandardError();
        return p.exitCode();
    };
    const QStringList args{QStringLiteral("seo"), QStringLiteral("crawl"), url(QStringLiteral("/")).toString(), QStringLiteral("--max"),
                           QStringLiteral("6"), QStringLiteral("--allow-private"), QStringLiteral("--json")};
    QByteArray out;
    QCOMPARE(run(args, &out), 0);
    QJsonObject json = QJsonDocument::fromJson(out).object();
    QVERIFY2(!json.isEmpty(), QByteArray(out + errors).constData());
    QCOMPARE(json.value(QStringLiteral("start")).toString(), url(QStringLiteral("/")).toString());
    QCOMPARE(json.value(QStringLiteral("pages")).toArray().size(), 6);
    const qint64 firstId = json.value(QStringLiteral("crawl_id")).toInteger();
    QVERIFY(firstId > 0);
    QVERIFY(json.value(QStringLiteral("changes")).isNull());
    for (const QString &kind : {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("h1")})
        QVERIFY(json.value(QStringLiteral("duplicates")).toObject().value(kind).isArray());
    QVERIFY(json.value(QStringLiteral("broken_links")).isArray());
    QVERIFY(json.value(QStringLiteral("blocked")).isArray());
    const QJsonObject firstPage = json.value(QStringLiteral("pages")).toArray().first().toObject();
    for (const char *field : {"url", "final_url", "status", "content_type", "title", "description", "h1", "words", "score", "findings", "depth",
                              "inlinks", "error", "time_ms"})
        QVERIFY2(firstPage.contains(QLatin1String(field)), field);

    m_version = 2;
    QCOMPARE(run(args, &out), 0);
    json = QJsonDocument::fromJson(out).object();
    QVERIFY2(!json.isEmpty(), QByteArray(out + errors).constData());
    QVERIFY(json.value(QStringLiteral("crawl_id")).toInteger() > firstId);
    const QJsonObject changes = json.value(QStringLiteral("changes")).toObject();
    QCOMPARE(changes.value(QStringLiteral("previous_crawl_id")).toInteger(), firstId);
    QVERIFY(changes.value(QStringLiteral("changed")).isArray());

    // The table for people: the site has not changed since the second crawl.
    QCOMPARE(run(args.mid(0, args.size() - 1), &out), 0);
    QVERIFY2(out.contains("Nothing changed since crawl"), out.constData());
    QVERIFY2(out.contains("Duplicate title “Same Title”"), out.constData());

    // seo analyze keeps its analysis in the page's history.
    QCOMPARE(run({QStringLiteral("seo"), QStringLiteral("analyze"), url(QStringLiteral("/a")).toString(), QStringLiteral("--allow-private"),
                  QStringLiteral("--json")},
                 &out),
             0);
    json = QJsonDocument::fromJson(out).object();
    QVERIFY2(json.value(QStringLiteral("analysis_id")).toInteger() > 0, QByteArray(out + errors).constData());

    QVERIFY(fixture.open());
    seo::SeoStore store(fixture.db());
    const auto crawls = store.crawls();
    QVERIFY(crawls);
    QCOMPARE(crawls->size(), 3);
    const auto history = store.history(url(QStringLiteral("/a")).toString());
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().status, 200);
    QCOMPARE(history->first().analysis.value(QStringLiteral("title")).toString(), QStringLiteral("Alpha, renamed"));
    const auto again = store.loadAnalysis(history->first().id);
    QVERIFY(again && *again);
    QCOMPARE((*again)->score, history->first().score);
}

QTEST_GUILESS_MAIN(TestSeoCrawl)
#include "tst_seocrawl.moc"
