// SPDX-License-Identifier: GPL-3.0-or-later
// A page analysed end to end (issue 21): a site on loopback serves a product page and its robots.txt;
// the analyzer fetches both through the safe fetcher (local addresses only when allowed), and gives
// Lighthouse's ten audits with their verdicts and the findings beyond them; `luxctl seo analyze --json`
// prints the same with the search result's widths measured.
#include "channels/woocommerce/productstore.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "httpserver.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace lux;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;

namespace {

const QByteArray kPage = R"(<!doctype html>
<html lang="en">
<head>
<title>Waxed canvas bags with brass buckles and leather straps, cut and sewn by hand in our workshop since 1998</title>
<link rel="canonical" href="/bags/waxed">
</head>
<body>
<h1>Waxed canvas bags</h1>
<p>Our waxed canvas bags are cut and sewn by hand.</p>
<a href="/bags/waxed/care">click here</a>
<img src="/bag.jpg">
</body>
</html>
)";

// A product page whose og:image loads and whose twitter:image is missing (a second twitter:image is
// never fetched: networks read the first), with a Product in JSON-LD. (Plain literals: moc misreads a
// raw string with "//" in it.)
const QByteArray kProduct = "<!doctype html>\n<html lang=\"en\">\n<head>\n<title>Waxed canvas tote</title>\n"
                            "<meta property=\"og:image\" content=\"/img/tote.png\">\n"
                            "<meta name=\"twitter:image\" content=\"/img/missing.png\">\n"
                            "<meta name=\"twitter:image\" content=\"/img/second.png\">\n"
                            "<script type=\"application/ld+json\">\n"
                            "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"Product\", \"name\": \"Waxed canvas tote\", "
                            "\"sku\": \"TOTE-1\", \"offers\": {\"@type\": \"Offer\", \"price\": \"89.00\", \"priceCurrency\": \"EUR\"}}]}\n"
                            "</script>\n</head>\n<body><h1>Waxed canvas tote</h1></body>\n</html>\n";

// Its og:image is a page, not a picture; its twitter:image cannot be reached.
const QByteArray kHtmlImage = "<!doctype html>\n<html lang=\"en\"><head><title>Tote</title><meta property=\"og:image\" content=\"/bags/waxed\">"
                              "<meta name=\"twitter:image\" content=\"https://127.0.0.1:1/never.png\"></head><body><h1>Tote</h1></body></html>\n";

const QByteArray kRobots = "User-agent: *\nDisallow: /private\nCrawl-delay: 2\nNoarchive: /\n";

HttpResponse answer(const QByteArray &type, const QByteArray &body)
{
    HttpResponse r;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), type});
    return r;
}

} // namespace

class TestSeoAnalyze : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void analyzesAPageAndItsRobots();
    void localAddressesOnlyWhenAllowed();
    void luxctlPrintsTheAudits();
    void socialImagesAreFetched();
    void productPricesAgainstTheCatalogue();
    void luxctlChecksPricesAgainstTheStoredCatalogue();

private:
    std::unique_ptr<HttpServer> m_site;
    QStringList m_seen;
    QUrl m_url;
};

void TestSeoAnalyze::init()
{
    m_seen.clear();
    m_site = std::make_unique<HttpServer>([this](HttpExchange *e) {
        const QString path = e->request().url.path();
        m_seen << path;
        if (path == u"/robots.txt")
            e->respond(answer("text/plain", kRobots));
        else if (path == u"/bags/waxed")
            e->respond(answer("text/html; charset=utf-8", kPage));
        else if (path == u"/tote")
            e->respond(answer("text/html; charset=utf-8", kProduct));
        else if (path == u"/tote-html")
            e->respond(answer("text/html; charset=utf-8", kHtmlImage));
        else if (path == u"/img/tote.png")
            e->respond(answer("image/png", test::pngHeader(1200, 630)));
        else
            e->respond(HttpResponse{404, {}, "not here"});
    });
    QVERIFY(m_site->listen());
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1/bags/waxed").arg(m_site->port()));
}

void TestSeoAnalyze::analyzesAPageAndItsRobots()
{
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    seo::AnalyzeOptions options;
    options.allowPrivate = true;
    options.keyphrase = QStringLiteral("waxed canvas bags");
    const auto analysis = test::await(analyzer.analyze(m_url, options));
    QVERIFY2(analysis, test::errorText(analysis).constData());
    QCOMPARE(m_seen, (QStringList{QStringLiteral("/bags/waxed"), QStringLiteral("/robots.txt")}));
    QCOMPARE(analysis->status, 200);
    const QHash<QString, seo::Verdict> expected{
        {QStringLiteral("is-crawlable"), seo::Verdict::Pass},     {QStringLiteral("document-title"), seo::Verdict::Pass},
        {QStringLiteral("meta-description"), seo::Verdict::Fail}, {QStringLiteral("http-status-code"), seo::Verdict::Pass},
        {QStringLiteral("link-text"), seo::Verdict::Fail},        {QStringLiteral("crawlable-anchors"), seo::Verdict::Pass},
        {QStringLiteral("robots-txt"), seo::Verdict::Fail},       {QStringLiteral("image-alt"), seo::Verdict::Fail},
        {QStringLiteral("hreflang"), seo::Verdict::Pass},         {QStringLiteral("canonical"), seo::Verdict::Fail},
    };
    QCOMPARE(analysis->audits.size(), 10);
    for (const seo::AuditResult &a : analysis->audits)
        QVERIFY2(a.verdict == expected.value(a.id), qPrintable(a.id + u' ' + seo::AuditResult::verdictName(a.verdict) + u' ' + a.explanation));
    // robots.txt's fourth line is the one Lighthouse does not know.
    const seo::AuditResult *robots = analysis->audit(QStringLiteral("robots-txt"));
    QCOMPARE(robots->items.size(), 1);
    QCOMPARE(robots->items.first().place.line, 4);
    // Every finding says why and how; the failures are among them with the element's line.
    QStringList checks;
    for (const seo::Finding &f : analysis->findings) {
        QVERIFY2(!f.why.isEmpty() && !f.fix.isEmpty(), qPrintable(f.check));
        checks << f.check;
    }
    for (const QString &check : {QStringLiteral("meta-description"), QStringLiteral("link-text"), QStringLiteral("image-alt"),
                                 QStringLiteral("canonical"), QStringLiteral("robots-txt"), QStringLiteral("keyphrase-description"),
                                 QStringLiteral("open-graph")})
        QVERIFY2(checks.contains(check), qPrintable(check + QStringLiteral(" not in ") + checks.join(u',')));
    QVERIFY(!checks.contains(QStringLiteral("keyphrase-headings"))); // the H1 has it
    QVERIFY(!checks.contains(QStringLiteral("keyphrase-title")));
    const QJsonObject json = analysis->toJson();
    QCOMPARE(json.value(QStringLiteral("audits")).toObject().value(QStringLiteral("link-text")).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("fail"));
    QCOMPARE(json.value(QStringLiteral("status")).toInt(), 200);
    // Lighthouse's category score: is-crawlable (93/23) and four others pass out of 93/23 + 9.
    QCOMPARE(analysis->score(), 62);
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 62);
    QCOMPARE(seo::Analyzer::auditGroup(QStringLiteral("robots-txt")), QStringLiteral("seo-crawl"));
    QCOMPARE(seo::Analyzer::auditGroup(QStringLiteral("image-alt")), QStringLiteral("seo-content"));
}

void TestSeoAnalyze::localAddressesOnlyWhenAllowed()
{
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    const auto refused = test::await(analyzer.analyze(m_url, {}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QString(errc::fetchRefused));
    QVERIFY(m_seen.isEmpty());
}

void TestSeoAnalyze::luxctlPrintsTheAudits()
{
    // The event loop runs while luxctl fetches from this process's server.
    QByteArray errors;
    // luxctl keeps each analysis in a database: this test's own, never the user's.
    test::TestEnvironment env;
    const auto run = [&errors, &env](const QStringList &args, QByteArray *out) {
        QProcess p;
        p.setProcessEnvironment(test::luxctlEnvironment(env, env.path(QStringLiteral("seo.sqlite"))));
        p.start(QStringLiteral(LUXCTL_PATH), args);
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(60'000))
            return -1;
        *out = p.readAllStandardOutput();
        errors = p.readAllStandardError();
        return p.exitCode();
    };
    QByteArray out;
    QCOMPARE(run({QStringLiteral("seo"), QStringLiteral("analyze"), m_url.toString(), QStringLiteral("--allow-private"), QStringLiteral("--json")},
                 &out),
             0);
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    QVERIFY2(!json.isEmpty(), QByteArray(out + errors).constData());
    const QJsonObject audits = json.value(QStringLiteral("audits")).toObject();
    for (const QString &id : seo::Analyzer::auditIds())
        QVERIFY2(QStringList({QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("n/a")})
                     .contains(audits.value(id).toObject().value(QStringLiteral("verdict")).toString()),
                 qPrintable(id));
    QCOMPARE(audits.value(QStringLiteral("image-alt")).toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    // The title is wider than a result shows: measured in luxctl (fonts).
    bool cut = false;
    for (const QJsonValue &f : json.value(QStringLiteral("findings")).toArray())
        cut = cut || (f.toObject().value(QStringLiteral("check")).toString() == u"title-width" && f.toObject().value(QStringLiteral("line")).toInt() == 4);
    QVERIFY2(cut, out.constData());
    // Without --allow-private the loopback site is refused, and said.
    QVERIFY(run({QStringLiteral("seo"), QStringLiteral("analyze"), m_url.toString()}, &out) != 0);
    const QByteArray said = out + errors;
    QVERIFY2(said.contains("allow local addresses"), said.constData());
}

void TestSeoAnalyze::socialImagesAreFetched()
{
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    seo::AnalyzeOptions options;
    options.allowPrivate = true;
    const auto base = m_url.resolved(QUrl(QStringLiteral("/tote")));
    const auto analysis = test::await(analyzer.analyze(base, options));
    QVERIFY2(analysis, test::errorText(analysis).constData());
    QVERIFY2(m_seen.contains(QStringLiteral("/img/tote.png")) && m_seen.contains(QStringLiteral("/img/missing.png")), qPrintable(m_seen.join(u',')));
    QVERIFY2(!m_seen.contains(QStringLiteral("/img/second.png")), qPrintable(m_seen.join(u','))); // the page decides no more fetches
    QStringList images;
    for (const seo::Finding &f : analysis->findings)
        if (f.check == u"social-image")
            images << f.message;
    // The picture that loads says nothing; the missing one is named, with why.
    QCOMPARE(images.size(), 1);
    QVERIFY2(images.first().contains(QStringLiteral("twitter:image")) &&
                 images.first().contains(base.resolved(QUrl(QStringLiteral("/img/missing.png"))).toString()) &&
                 images.first().contains(QStringLiteral("HTTP 404")),
             qPrintable(images.first()));
    // An og:image that is a page, not a picture, and a twitter:image that cannot be reached.
    const auto html = test::await(analyzer.analyze(m_url.resolved(QUrl(QStringLiteral("/tote-html"))), options));
    QVERIFY2(html, test::errorText(html).constData());
    QStringList found;
    for (const seo::Finding &f : html->findings)
        if (f.check == u"social-image")
            found << f.message;
    QCOMPARE(found.size(), 2);
    const QString all = found.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("og:image")) && all.contains(QStringLiteral("text/html")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("https://127.0.0.1:1/never.png")) && all.contains(QStringLiteral("cannot be fetched")), qPrintable(all));
}

void TestSeoAnalyze::productPricesAgainstTheCatalogue()
{
    const auto page = seo::Page::parse(seo::ServedPage{QUrl(QStringLiteral("https://shop.example/tote")), 200, {}, kProduct});
    QVERIFY(page);
    const auto prices = [&](const QList<channels::woo::Product> &products, const QString &currency) {
        seo::AnalyzeOptions options;
        options.catalogue = seo::ContentChecks::catalogueLookup(products, currency);
        QStringList out;
        for (const seo::Finding &f : seo::Analyzer::analyzePage(*page, 0, {}, options).findings)
            if (f.check == u"product-price")
                out << f.message + QStringLiteral(" | ") + f.fix;
        return out;
    };
    channels::woo::Product tote;
    tote.name = QStringLiteral("Canvas tote (waxed)");
    tote.sku = QStringLiteral("tote-1"); // matched by SKU, case aside
    tote.price = QStringLiteral("89");
    // The same price (89.00 and 89 are one price) and currency: nothing to say.
    QCOMPARE(prices({tote}, QStringLiteral("EUR")), QStringList());
    // Another price: both in the message, the fix names the store's.
    tote.price = QStringLiteral("79.00");
    QStringList found = prices({tote}, QStringLiteral("EUR"));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().contains(QStringLiteral("89.00 EUR")) && found.first().contains(QStringLiteral("79.00 EUR")), qPrintable(found.first()));
    QVERIFY2(found.first().contains(QStringLiteral("Update the JSON-LD offer to 79.00 EUR")), qPrintable(found.first()));
    // Another currency.
    tote.price = QStringLiteral("89.00");
    found = prices({tote}, QStringLiteral("USD"));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().contains(QStringLiteral("89.00 USD")), qPrintable(found.first()));
    // Not in the catalogue: not checked. Without a SKU match, the permalink, then the exact name, find it.
    tote.sku = QStringLiteral("OTHER");
    tote.price = QStringLiteral("79");
    QCOMPARE(prices({tote}, QStringLiteral("EUR")), QStringList());
    tote.permalink = QStringLiteral("https://shop.example/tote/");
    QCOMPARE(prices({tote}, QStringLiteral("EUR")).size(), 1);
    tote.permalink.clear();
    tote.name = QStringLiteral("Waxed canvas tote");
    QCOMPARE(prices({tote}, QStringLiteral("EUR")).size(), 1);
    // No catalogue: no check.
    QVERIFY(seo::ContentChecks::productPrices(*page, {}).isEmpty());
}

void TestSeoAnalyze::luxctlChecksPricesAgainstTheStoredCatalogue()
{
    // The synced catalogue in luxctl's database has the tote at 79.00 EUR; the page says 89.00 EUR.
    test::DatabaseFixture fx;
    QVERIFY(fx.open());
    channels::woo::ProductStore store(fx.db());
    channels::woo::Product tote;
    tote.wooId = 7;
    tote.name = QStringLiteral("Waxed canvas tote");
    tote.sku = QStringLiteral("TOTE-1");
    tote.price = QStringLiteral("79.00");
    tote.regularPrice = QStringLiteral("79.00");
    QVERIFY(store.upsert({tote}, QDateTime::currentMSecsSinceEpoch()));
    channels::woo::SyncState state;
    state.storeUrl = QStringLiteral("https://shop.example");
    state.currency = QStringLiteral("EUR");
    QVERIFY(store.saveState(state));
    fx.close();
    test::TestEnvironment home;
    const QProcessEnvironment env = test::luxctlEnvironment(home, fx.path());
    QByteArray out;
    QCOMPARE(test::runProcess(QStringLiteral(LUXCTL_PATH),
                              {QStringLiteral("seo"), QStringLiteral("analyze"), m_url.resolved(QUrl(QStringLiteral("/tote"))).toString(),
                               QStringLiteral("--allow-private"), QStringLiteral("--json")},
                              env, &out),
             0);
    QStringList prices;
    for (const QJsonValue &f : QJsonDocument::fromJson(out).object().value(QStringLiteral("findings")).toArray())
        if (f.toObject().value(QStringLiteral("check")).toString() == u"product-price")
            prices << f.toObject().value(QStringLiteral("message")).toString();
    QCOMPARE(prices.size(), 1);
    QVERIFY2(prices.first().contains(QStringLiteral("89.00 EUR")) && prices.first().contains(QStringLiteral("79.00 EUR")), qPrintable(prices.first()));
}

QTEST_GUILESS_MAIN(TestSeoAnalyze)
#include "tst_seoanalyze.moc"
