// SPDX-License-Identifier: GPL-3.0-or-later
// The site crawl (issue 21): 100 pages on a loopback site (each links to the next five, with a
// robots.txt), crawled through the safe fetcher with the default pause between requests (300 ms,
// Settings::seoCrawlPauseMs) and four at once, every page analysed. Prints the wall time, the pages,
// and the mean and slowest fetch. Target: under 60 s.
//   lux-seo-crawl-bench [--pages 100] [--pause 300] [--delay 0]   (--delay: each page answered this late, ms)
#include "common/awaittask.h"
#include "httpserver.h"
#include "net/safefetcher.h"
#include "seo/crawler.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

using namespace lux;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("pages"), QStringLiteral("Pages on the site."), QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("pause"), QStringLiteral("Pause between requests, ms."), QStringLiteral("MS"),
                      QString::number(seo::CrawlOptions().pauseMs)});
    parser.addOption({QStringLiteral("delay"), QStringLiteral("Each page answered this late, ms."), QStringLiteral("MS"), QStringLiteral("0")});
    parser.process(app);
    const int pages = parser.value(QStringLiteral("pages")).toInt();
    const int delay = parser.value(QStringLiteral("delay")).toInt();

    HttpServer site([pages, delay](HttpExchange *e) {
        const QString path = e->request().url.path();
        HttpResponse r;
        if (path == u"/robots.txt") {
            r.body = "User-agent: *\nDisallow: /private\n";
            r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
        } else {
            const int n = path == u"/" ? 0 : path.mid(3).toInt();
            QString body = QStringLiteral("<!doctype html><html lang=\"en\"><head><title>Product %1 of the shop</title>"
                                          "<meta name=\"description\" content=\"Waxed canvas bag number %1, sewn by hand.\"></head><body>"
                                          "<h1>Bag %1</h1>")
                               .arg(n);
            for (int p = 0; p < 12; ++p)
                body += QStringLiteral("<p>Our waxed canvas bags are cut and sewn by hand in the workshop, with brass buckles and "
                                       "leather straps that last for years of daily use.</p>");
            for (int k = 1; k <= 5; ++k)
                body += QStringLiteral("<a href=\"/p/%1\">Bag %1</a> ").arg((n + k) % pages);
            body += QStringLiteral("<img src=\"/bag.jpg\" alt=\"A bag\"></body></html>");
            r.body = body.toUtf8();
            r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
        }
        QTimer::singleShot(delay, e, [e, r] { e->respond(r); });
    });
    if (!site.listen())
        return 1;

    net::SafeFetcher fetcher;
    seo::Crawler crawler(&fetcher);
    seo::CrawlOptions options;
    options.allowPrivate = true;
    options.maxPages = pages;
    options.pauseMs = parser.value(QStringLiteral("pause")).toInt();
    QElapsedTimer clock;
    clock.start();
    const auto result = awaitTask(crawler.crawl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(site.port())), options));
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (!result) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().message));
        return 1;
    }
    qint64 total = 0;
    int slowest = 0;
    for (const seo::CrawledPage &p : result->pages) {
        total += p.timeMs;
        slowest = std::max(slowest, p.timeMs);
    }
    const qsizetype n = std::max<qsizetype>(1, result->pages.size());
    std::printf("pages %lld  pause %d ms  wall %.2f s  per page %.0f ms  fetch mean %.1f ms  max %d ms  duplicates %lld  broken %lld\n",
                static_cast<long long>(result->pages.size()), result->pauseMs, seconds, seconds * 1000.0 / double(n), double(total) / double(n),
                slowest, static_cast<long long>(result->duplicates.size()), static_cast<long long>(result->brokenLinks.size()));
    return seconds < 60.0 ? 0 : 2;
}
