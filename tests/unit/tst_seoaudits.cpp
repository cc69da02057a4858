// SPDX-License-Identifier: GPL-3.0-or-later
// Lighthouse's SEO audits on pages as served (issue 21): each audit's passing, failing and
// not-applicable branches as Lighthouse 12.8.2 decides them (docs/SEO.md has each rule), from the
// page's HTML as an HTML5 parser builds its tree (a <meta> after body content is in the body), its
// status and headers. The parity test against Lighthouse itself runs the corpus over loopback.
#include "seo/audits.h"
#include "seo/page.h"

#include <QTest>
#include <QTimeZone>

using namespace lux;
using namespace lux::seo;

Q_DECLARE_METATYPE(lux::seo::Verdict)

namespace {

Page page(const QString &html, int status = 200, const QList<QPair<QByteArray, QByteArray>> &headers = {},
          const QString &url = QStringLiteral("https://shop.example/products/bag"))
{
    ServedPage served;
    served.url = QUrl(url);
    served.status = status;
    served.headers = headers;
    served.body = html.toUtf8();
    const auto parsed = Page::parse(served);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message));
    return *parsed;
}

QString doc(const QString &head, const QString &body, const QString &lang = QStringLiteral("en"))
{
    return QStringLiteral("<!doctype html><html lang=\"%1\"><head><meta charset=\"utf-8\">%2</head><body>%3</body></html>").arg(lang, head, body);
}

AuditResult run(const QString &audit, const Page &p)
{
    if (audit == u"document-title")
        return Audits::documentTitle(p);
    if (audit == u"meta-description")
        return Audits::metaDescription(p);
    if (audit == u"http-status-code")
        return Audits::httpStatusCode(p);
    if (audit == u"link-text")
        return Audits::linkText(p);
    if (audit == u"crawlable-anchors")
        return Audits::crawlableAnchors(p);
    if (audit == u"image-alt")
        return Audits::imageAlt(p);
    if (audit == u"hreflang")
        return Audits::hreflang(p);
    if (audit == u"canonical")
        return Audits::canonical(p);
    if (audit == u"is-crawlable")
        return Audits::isCrawlable(p, {}, QDateTime(QDate(2026, 12, 6), QTime(12, 0), QTimeZone::utc()));
    qFatal("no audit %s", qPrintable(audit));
}

} // namespace

class TestSeoAudits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void findingsSayWhere();
    void crawlableWithRobotsTxt();
    void hostilePagesAreRefused();
    void languagesAsLighthouseKnowsThem();
};

void TestSeoAudits::verdicts_data()
{
    QTest::addColumn<QString>("audit");
    QTest::addColumn<QString>("html");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header"); // "Name: value", or empty
    QTest::addColumn<Verdict>("expected");
    const auto row = [](const char *name, const char *audit, const QString &html, Verdict v, int status = 200, const QByteArray &header = {}) {
        QTest::newRow(name) << QString::fromLatin1(audit) << html << status << header << v;
    };
    const QString titled = QStringLiteral("<title>Waxed canvas bag</title>");
    // document-title: the first <title> anywhere, its text stripped.
    row("title present", "document-title", doc(titled, {}), Verdict::Pass);
    row("title missing", "document-title", doc({}, QStringLiteral("<p>Hi</p>")), Verdict::Fail);
    row("title only spaces", "document-title", doc(QStringLiteral("<title> \n\t </title>"), {}), Verdict::Fail);
    row("title in body counts", "document-title", doc({}, QStringLiteral("<title>Late</title>")), Verdict::Pass);
    row("title nbsp only", "document-title", doc(QStringLiteral("<title>&nbsp;</title>"), {}), Verdict::Fail);
    // meta-description: the first head meta named description (any case), its content trimmed.
    row("description", "meta-description", doc(QStringLiteral("<meta name=\"description\" content=\"Bags made to last.\">"), {}), Verdict::Pass);
    row("description missing", "meta-description", doc(titled, {}), Verdict::Fail);
    row("description empty", "meta-description", doc(QStringLiteral("<meta name=\"description\" content=\"  \">"), {}), Verdict::Fail);
    row("description upper case name", "meta-description", doc(QStringLiteral("<meta name=\"Description\" content=\"Bags\">"), {}), Verdict::Pass);
    row("description first empty wins", "meta-description",
        doc(QStringLiteral("<meta name=\"description\" content=\"\"><meta name=\"description\" content=\"Bags\">"), {}), Verdict::Fail);
    row("description after body content is in body", "meta-description",
        QStringLiteral("<!doctype html><html><head><title>x</title></head><p>Hi</p><meta name=\"description\" content=\"Bags\"></html>"), Verdict::Fail);
    row("description name with space", "meta-description", doc(QStringLiteral("<meta name=\" description\" content=\"Bags\">"), {}), Verdict::Fail);
    // http-status-code
    row("status 200", "http-status-code", doc(titled, {}), Verdict::Pass);
    row("status 404", "http-status-code", doc(titled, {}), Verdict::Fail, 404);
    row("status 503", "http-status-code", doc(titled, {}), Verdict::Fail, 503);
    row("status 304 passes", "http-status-code", doc(titled, {}), Verdict::Pass, 304);
    // link-text: generic texts in the link's language, or in any language when it is not known.
    row("descriptive links", "link-text", doc(titled, QStringLiteral("<a href=\"/bags\">Waxed canvas bags</a>")), Verdict::Pass);
    row("click here", "link-text", doc(titled, QStringLiteral("<a href=\"/bags\"> Click HERE </a>")), Verdict::Fail);
    row("spanish aqui on a spanish page", "link-text", doc(titled, QStringLiteral("<a href=\"/bolsos\">aquí</a>"), QStringLiteral("es")), Verdict::Fail);
    row("spanish word on an english page", "link-text", doc(titled, QStringLiteral("<a href=\"/bolsos\">aquí</a>")), Verdict::Pass);
    row("german hier without language", "link-text",
        QStringLiteral("<!doctype html><html><head>%1</head><body><a href=\"/x\">hier</a></body></html>").arg(titled), Verdict::Fail);
    row("upper case lang checks nothing", "link-text", doc(titled, QStringLiteral("<a href=\"/x\">click here</a>"), QStringLiteral("EN")), Verdict::Pass);
    row("nofollow link skipped", "link-text", doc(titled, QStringLiteral("<a href=\"/x\" rel=\"nofollow\">here</a>")), Verdict::Pass);
    row("same page link skipped", "link-text", doc(titled, QStringLiteral("<a href=\"#reviews\">more</a>")), Verdict::Pass);
    row("javascript link skipped", "link-text", doc(titled, QStringLiteral("<a href=\"javascript:go()\">more</a>")), Verdict::Pass);
    // Found by the parity test: a browser running scripts reads <noscript> as text.
    row("link inside noscript is text", "link-text", doc(titled, QStringLiteral("<noscript><a href=\"/x\">click here</a></noscript>")), Verdict::Pass);
    row("japanese generic", "link-text", doc(titled, QStringLiteral("<a href=\"/x\">続きを読む</a>"), QStringLiteral("ja")), Verdict::Fail);
    row("hidden part of the text left out", "link-text",
        doc(titled, QStringLiteral("<a href=\"/x\">Read more<span hidden> about waxed bags</span></a>")), Verdict::Fail);
    // crawlable-anchors
    row("plain links crawl", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"/x\">x</a><a href=\"#\">top</a><a href=\"tel:+341\">call</a>")),
        Verdict::Pass);
    // Found by the parity test: href="" is the page itself, as a browser resolves it.
    row("empty href crawls", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"\">This page</a>")), Verdict::Pass);
    row("javascript void", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"javascript:void(0)\">x</a>")), Verdict::Fail);
    row("javascript void spaced", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"javascript: void(0);\">x</a>")), Verdict::Fail);
    row("javascript void with role", "crawlable-anchors", doc(titled, QStringLiteral("<a role=\"button\" href=\"javascript:void(0)\">x</a>")),
        Verdict::Pass);
    row("onclick without href", "crawlable-anchors", doc(titled, QStringLiteral("<a onclick=\"go()\">x</a>")), Verdict::Fail);
    row("listener on an ancestor", "crawlable-anchors", doc(titled, QStringLiteral("<div onclick=\"go()\"><a>x</a></div>")), Verdict::Fail);
    row("body onload is the window's", "crawlable-anchors",
        QStringLiteral("<!doctype html><html><head>%1</head><body onload=\"init()\"><a>x</a></body></html>").arg(titled), Verdict::Pass);
    row("bare anchor", "crawlable-anchors", doc(titled, QStringLiteral("<a>x</a>")), Verdict::Pass);
    row("named anchor", "crawlable-anchors", doc(titled, QStringLiteral("<a name=\"top\" onclick=\"x()\"></a>")), Verdict::Pass);
    row("target without href", "crawlable-anchors", doc(titled, QStringLiteral("<a target=\"_blank\">x</a>")), Verdict::Fail);
    row("file address", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"file:///C:/catalogue.pdf\">x</a>")), Verdict::Fail);
    row("no host", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"https://\">x</a>")), Verdict::Fail);
    row("mailto", "crawlable-anchors", doc(titled, QStringLiteral("<a href=\"mailto:hi@shop.example\">x</a>")), Verdict::Pass);
    // image-alt
    row("no images", "image-alt", doc(titled, QStringLiteral("<p>x</p>")), Verdict::NotApplicable);
    row("alt present", "image-alt", doc(titled, QStringLiteral("<img src=\"a.jpg\" alt=\"A waxed bag\">")), Verdict::Pass);
    row("empty alt is decoration", "image-alt", doc(titled, QStringLiteral("<img src=\"a.jpg\" alt=\"\">")), Verdict::Pass);
    row("alt missing", "image-alt", doc(titled, QStringLiteral("<img src=\"a.jpg\">")), Verdict::Fail);
    row("alt only spaces", "image-alt", doc(titled, QStringLiteral("<img src=\"a.jpg\" alt=\"  \">")), Verdict::Fail);
    row("aria-label names it", "image-alt", doc(titled, QStringLiteral("<img src=\"a.jpg\" aria-label=\"A bag\">")), Verdict::Pass);
    row("labelledby names it", "image-alt", doc(titled, QStringLiteral("<p id=\"c\">A bag</p><img src=\"a.jpg\" aria-labelledby=\"c\">")),
        Verdict::Pass);
    row("presentational", "image-alt", doc(titled, QStringLiteral("<img src=\"a.jpg\" role=\"presentation\">")), Verdict::Pass);
    row("hidden image not counted", "image-alt", doc(titled, QStringLiteral("<div aria-hidden=\"true\"><img src=\"a.jpg\"></div>")),
        Verdict::NotApplicable);
    row("image in a template not counted", "image-alt", doc(titled, QStringLiteral("<template><img src=\"a.jpg\"></template>")),
        Verdict::NotApplicable);
    // hreflang
    row("no alternates", "hreflang", doc(titled, {}), Verdict::Pass);
    row("good alternates", "hreflang",
        doc(QStringLiteral("<link rel=\"alternate\" hreflang=\"es-ES\" href=\"https://shop.example/es/\">"
                           "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://shop.example/\">"),
            {}),
        Verdict::Pass);
    row("region not checked", "hreflang", doc(QStringLiteral("<link rel=\"alternate\" hreflang=\"en-UK\" href=\"https://shop.example/uk/\">"), {}),
        Verdict::Pass);
    row("not a language", "hreflang", doc(QStringLiteral("<link rel=\"alternate\" hreflang=\"english\" href=\"https://shop.example/en/\">"), {}),
        Verdict::Fail);
    row("underscore", "hreflang", doc(QStringLiteral("<link rel=\"alternate\" hreflang=\"en_US\" href=\"https://shop.example/us/\">"), {}),
        Verdict::Fail);
    row("relative href", "hreflang", doc(QStringLiteral("<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\">"), {}), Verdict::Fail);
    row("body alternates ignored", "hreflang", doc(titled, QStringLiteral("<link rel=\"alternate\" hreflang=\"english\" href=\"/en/\">")),
        Verdict::Pass);
    row("header alternate checked", "hreflang", doc(titled, {}), Verdict::Fail, 200,
        QByteArrayLiteral("Link: </fr/>; rel=\"alternate\"; hreflang=\"fr\""));
    // canonical
    row("no canonical", "canonical", doc(titled, {}), Verdict::NotApplicable);
    row("self canonical", "canonical", doc(QStringLiteral("<link rel=\"canonical\" href=\"https://shop.example/products/bag\">"), {}), Verdict::Pass);
    row("relative canonical", "canonical", doc(QStringLiteral("<link rel=\"canonical\" href=\"/products/bag\">"), {}), Verdict::Fail);
    row("conflicting canonicals", "canonical",
        doc(QStringLiteral("<link rel=\"canonical\" href=\"https://shop.example/a\"><link rel=\"canonical\" href=\"https://shop.example/b\">"), {}),
        Verdict::Fail);
    row("same canonical twice", "canonical",
        doc(QStringLiteral("<link rel=\"canonical\" href=\"https://shop.example/a\"><link rel=\"canonical\" href=\"https://shop.example/a\">"), {}),
        Verdict::Pass);
    row("canonical to the root", "canonical", doc(QStringLiteral("<link rel=\"canonical\" href=\"https://shop.example/\">"), {}), Verdict::Fail);
    row("canonical to another site passes", "canonical", doc(QStringLiteral("<link rel=\"canonical\" href=\"https://other.example/\">"), {}),
        Verdict::Pass);
    row("canonical in body ignored", "canonical", doc(titled, QStringLiteral("<link rel=\"canonical\" href=\"/x\">")), Verdict::NotApplicable);
    row("canonical to another language", "canonical",
        doc(QStringLiteral("<link rel=\"canonical\" href=\"https://shop.example/es/bolso\">"
                           "<link rel=\"alternate\" hreflang=\"es\" href=\"https://shop.example/es/bolso\">"
                           "<link rel=\"alternate\" hreflang=\"en\" href=\"https://shop.example/products/bag\">"),
            {}),
        Verdict::Fail);
    row("canonical header", "canonical", doc(titled, {}), Verdict::Pass, 200, QByteArrayLiteral("Link: <https://shop.example/products/bag>; rel=canonical"));
    // is-crawlable: meta robots, a crawler's own meta, X-Robots-Tag.
    row("indexable", "is-crawlable", doc(titled, {}), Verdict::Pass);
    row("noindex", "is-crawlable", doc(QStringLiteral("<meta name=\"robots\" content=\"noindex, follow\">"), {}), Verdict::Fail);
    row("none", "is-crawlable", doc(QStringLiteral("<meta name=\"robots\" content=\"NONE\">"), {}), Verdict::Fail);
    row("nofollow only", "is-crawlable", doc(QStringLiteral("<meta name=\"robots\" content=\"nofollow\">"), {}), Verdict::Pass);
    row("bingbot allowed by its own meta", "is-crawlable",
        doc(QStringLiteral("<meta name=\"robots\" content=\"noindex\"><meta name=\"bingbot\" content=\"index\">"), {}), Verdict::Pass);
    row("header noindex", "is-crawlable", doc(titled, {}), Verdict::Fail, 200, QByteArrayLiteral("X-Robots-Tag: noindex"));
    row("header for googlebot only", "is-crawlable", doc(titled, {}), Verdict::Pass, 200, QByteArrayLiteral("X-Robots-Tag: Googlebot: noindex"));
    row("unavailable_after past", "is-crawlable", doc(QStringLiteral("<meta name=\"robots\" content=\"unavailable_after: 2025-06-25\">"), {}),
        Verdict::Fail);
    row("unavailable_after future", "is-crawlable", doc(QStringLiteral("<meta name=\"robots\" content=\"unavailable_after: 2030-06-25\">"), {}),
        Verdict::Pass);
    // Found by the parity test: V8 does not read an ISO date and time after the space that follows
    // "unavailable_after:" (Date.parse(" 2020-06-25t15:00:00z") is NaN), so it keeps nothing out.
    row("unavailable_after ISO time after a space is no date", "is-crawlable",
        doc(QStringLiteral("<meta name=\"robots\" content=\"unavailable_after: 2020-06-25T15:00:00Z\">"), {}), Verdict::Pass);
    row("unavailable_after ISO time without a space", "is-crawlable",
        doc(QStringLiteral("<meta name=\"robots\" content=\"unavailable_after:2020-06-25T15:00:00Z\">"), {}), Verdict::Fail);
    row("unavailable_after date and time with a space", "is-crawlable",
        doc(QStringLiteral("<meta name=\"robots\" content=\"unavailable_after: 2020-06-25 15:00:00\">"), {}), Verdict::Fail);
    row("robots meta inside a head noscript is text", "is-crawlable",
        doc(QStringLiteral("<title>x</title><noscript><meta name=\"robots\" content=\"noindex\"></noscript>"), {}), Verdict::Pass);
    row("robots meta in body ignored", "is-crawlable",
        QStringLiteral("<!doctype html><html><head>%1</head><p>x</p><meta name=\"robots\" content=\"noindex\"></html>").arg(titled), Verdict::Pass);
}

void TestSeoAudits::verdicts()
{
    QFETCH(QString, audit);
    QFETCH(QString, html);
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(Verdict, expected);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!header.isEmpty())
        headers << qMakePair(header.left(header.indexOf(':')).trimmed(), header.mid(header.indexOf(':') + 1).trimmed());
    const AuditResult r = run(audit, page(html, status, headers));
    QCOMPARE(r.id, audit);
    QVERIFY2(r.verdict == expected, qPrintable(QStringLiteral("%1 instead of %2: %3")
                                                   .arg(AuditResult::verdictName(r.verdict), AuditResult::verdictName(expected), r.explanation)));
    if (r.verdict != Verdict::Pass)
        QVERIFY2(!r.explanation.isEmpty(), "a verdict other than pass says why");
}

void TestSeoAudits::findingsSayWhere()
{
    // Each finding names the element's line and shows its start tag.
    const Page p = page(QStringLiteral("<!doctype html>\n<html lang=\"en\">\n<head><title>Bags</title></head>\n<body>\n"
                                       "<p>Our bags</p>\n<a href=\"/bags\">click here</a>\n<img src=\"bag.jpg\">\n</body></html>"));
    const AuditResult links = Audits::linkText(p);
    QCOMPARE(links.items.size(), 1);
    QCOMPARE(links.items.first().place.line, 6);
    QCOMPARE(links.items.first().place.snippet, QStringLiteral("<a href=\"/bags\">"));
    const AuditResult images = Audits::imageAlt(p);
    QCOMPARE(images.items.size(), 1);
    QCOMPARE(images.items.first().place.line, 7);
    QVERIFY(images.items.first().message.contains(QStringLiteral("alt")));
    QCOMPARE(p.headings.size(), 0);
    QCOMPARE(p.bodyText, QStringLiteral("Our bags\nclick here"));
}

void TestSeoAudits::crawlableWithRobotsTxt()
{
    const Page p = page(doc(QStringLiteral("<title>x</title>"), {}));
    // robots.txt keeping every crawler out fails; one crawler let in passes with the others named.
    QCOMPARE(Audits::isCrawlable(p, [](const QString &) { return false; }).verdict, Verdict::Fail);
    const AuditResult partly = Audits::isCrawlable(p, [](const QString &ua) { return ua == u"bingbot"; });
    QCOMPARE(partly.verdict, Verdict::Pass);
    QVERIFY2(partly.explanation.contains(QStringLiteral("Googlebot")) && !partly.explanation.contains(QStringLiteral("bingbot")),
             qPrintable(partly.explanation));
}

void TestSeoAudits::hostilePagesAreRefused()
{
    ServedPage deep;
    deep.url = QUrl(QStringLiteral("https://shop.example/"));
    deep.body = QByteArray("<!doctype html><body>") + QByteArray("<div>").repeated(5000) + "x";
    const auto refused = Page::parse(deep);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("deeper than 512")), qPrintable(refused.error().message));
    ServedPage big;
    big.url = deep.url;
    big.body = QByteArray(6 * 1024 * 1024, 'a');
    QVERIFY(!Page::parse(big));
}

void TestSeoAudits::languagesAsLighthouseKnowsThem()
{
    QVERIFY(Audits::knownLanguage(QStringLiteral("en")));
    QVERIFY(Audits::knownLanguage(QStringLiteral("es-419")));
    QVERIFY(Audits::knownLanguage(QStringLiteral("zh-Hant-TW")));
    QVERIFY(Audits::knownLanguage(QStringLiteral("X-Default")));
    QVERIFY(Audits::knownLanguage(QStringLiteral("ast"))); // three letters: Asturian
    QVERIFY(!Audits::knownLanguage(QStringLiteral("english")));
    QVERIFY(!Audits::knownLanguage(QStringLiteral("en_US")));
    QVERIFY(!Audits::knownLanguage(QStringLiteral("x")));
}

QTEST_GUILESS_MAIN(TestSeoAudits)
#include "tst_seoaudits.moc"
