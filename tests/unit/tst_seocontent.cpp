// SPDX-License-Identifier: GPL-3.0-or-later
// What the SEO analysis checks beyond Lighthouse (issue 21), on pages as served: headings, length,
// reading ease in English and Spanish (syllables counted by hand for the sample words), the focus
// keyphrase where it counts and its density, social tags, and JSON-LD's required properties; and
// robots-txt's verdict through the audits. Each finding says why and how to fix it.
#include "seo/audits.h"
#include "seo/contentchecks.h"
#include "seo/page.h"

#include <QTest>

using namespace lux;
using namespace lux::seo;

namespace {

Page page(const QString &head, const QString &body, const QString &lang = QStringLiteral("en"),
          const QString &url = QStringLiteral("https://shop.example/waxed-canvas-bags"))
{
    ServedPage served;
    served.url = QUrl(url);
    served.body = QStringLiteral("<!doctype html><html lang=\"%1\"><head>%2</head><body>%3</body></html>").arg(lang, head, body).toUtf8();
    return *Page::parse(served);
}

QStringList checks(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings) {
        if (f.why.isEmpty() || f.fix.isEmpty() || f.message.isEmpty())
            qWarning("a finding without why or fix: %s", qPrintable(f.check));
        out << f.check;
    }
    return out;
}

} // namespace

class TestSeoContent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syllables_data();
    void syllables();
    void readingEase();
    void headings();
    void keyphrase();
    void socialTags();
    void structuredData();
    void robotsTxtVerdicts();
    void auditFailuresBecomeFindings();
};

void TestSeoContent::syllables_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("expected");
    // English, counted by ear.
    QTest::newRow("bag") << "bag" << "en" << 1;
    QTest::newRow("canvas") << "canvas" << "en" << 2;
    QTest::newRow("make") << "make" << "en" << 1;
    QTest::newRow("table") << "table" << "en" << 2;
    QTest::newRow("beautiful") << "beautiful" << "en" << 3;
    QTest::newRow("walked") << "walked" << "en" << 1;
    QTest::newRow("wanted") << "wanted" << "en" << 2;
    QTest::newRow("boxes") << "boxes" << "en" << 2;
    QTest::newRow("readability") << "readability" << "en" << 5;
    // Spanish: nuclei; a diphthong (weak unstressed vowel) one, a hiatus two.
    QTest::newRow("bolso") << "bolso" << "es" << 2;
    QTest::newRow("cuero") << "cuero" << "es" << 2;  // cue-ro
    QTest::newRow("ciudad") << "ciudad" << "es" << 2; // ciu-dad
    QTest::newRow("poeta") << "poeta" << "es" << 3;  // po-e-ta
    QTest::newRow("día") << "día" << "es" << 2;      // dí-a
    QTest::newRow("aire") << "aire" << "es" << 2;    // ai-re
    QTest::newRow("lecturabilidad") << "lecturabilidad" << "es" << 6;
}

void TestSeoContent::syllables()
{
    QFETCH(QString, word);
    QFETCH(QString, language);
    QFETCH(int, expected);
    QCOMPARE(ContentChecks::syllables(word, language), expected);
}

void TestSeoContent::readingEase()
{
    // "The bag is made of waxed canvas. It lasts." 9 words, 2 sentences, 10 syllables:
    // 206.835 − 1.015 × 4.5 − 84.6 × 10/9 = 108.3 → 100 at most.
    const Readability easy = ContentChecks::readability(QStringLiteral("The bag is made of waxed canvas. It lasts."), QStringLiteral("en"));
    QCOMPARE(easy.words, 9);
    QCOMPARE(easy.sentences, 2);
    QCOMPARE(easy.syllables, 10);
    QCOMPARE(easy.score, 100.0);
    // One long sentence of long words scores low.
    const Readability hard = ContentChecks::readability(
        QStringLiteral("Notwithstanding considerable organisational responsibilities, comprehensive documentation facilitates "
                       "institutional accountability and intergovernmental communication."),
        QStringLiteral("en"));
    QCOMPARE(hard.sentences, 1);
    QVERIFY2(hard.score < 10, qPrintable(QString::number(hard.score)));
    // Fernández Huerta: "El bolso es de lona. Dura años." 7 words, 2 sentences, 11 syllables (el bol-so es de lo-na du-ra a-ños):
    // 206.84 − 60 × 11/7 − 1.02 × 3.5 = 108.99 → 100.
    const Readability spanish = ContentChecks::readability(QStringLiteral("El bolso es de lona. Dura años."), QStringLiteral("es"));
    QCOMPARE(spanish.words, 7);
    QCOMPARE(spanish.syllables, 11);
    QCOMPARE(spanish.formula, QStringLiteral("Fernández Huerta"));
    const Readability longer = ContentChecks::readability(QStringLiteral("La documentación institucional correspondiente proporciona "
                                                                          "responsabilidades administrativas extraordinariamente complicadas."),
                                                          QStringLiteral("es"));
    QCOMPARE(longer.words, 9);
    // 206.84 − 60 × syllables/9 − 1.02 × 9, from its own count.
    QCOMPARE(longer.score, std::clamp(206.84 - 60.0 * longer.syllables / 9 - 1.02 * 9, 0.0, 100.0));
    QVERIFY(longer.score < 40);
    QVERIFY(ContentChecks::readability(QStringLiteral("Le sac est beau."), QStringLiteral("fr")).language.isEmpty());
}

void TestSeoContent::headings()
{
    QCOMPARE(checks(ContentChecks::headings(page({}, QStringLiteral("<h2>Bags</h2>")))), QStringList{QStringLiteral("one-h1")});
    const QList<Finding> two = ContentChecks::headings(page({}, QStringLiteral("<h1>Bags</h1><h1>More bags</h1><h2>Care</h2><h4>Wax</h4>")));
    QCOMPARE(checks(two), (QStringList{QStringLiteral("one-h1"), QStringLiteral("heading-order")}));
    QCOMPARE(two.at(0).message, QStringLiteral("A second H1: “More bags”."));
    QVERIFY(two.at(1).message.contains(QStringLiteral("H4 follows an H2")));
    QVERIFY(ContentChecks::headings(page({}, QStringLiteral("<h1>Bags</h1><h2>Care</h2><h3>Wax</h3><h2>Sizes</h2>"))).isEmpty());
    QCOMPARE(checks(ContentChecks::length(page({}, QStringLiteral("<p>Short.</p>")))), QStringList{QStringLiteral("word-count")});
}

void TestSeoContent::keyphrase()
{
    const QString head = QStringLiteral("<title>Waxed canvas bags, made to last</title><meta name=\"description\" content=\"Our waxed canvas bags…\">");
    const QString body = QStringLiteral("<h1>Waxed Canvas Bags</h1><p>Our waxed canvas bags are cut by hand.</p><p>%1</p>")
                             .arg(QStringLiteral("Brass buckles and leather straps. ").repeated(20));
    // In every place, at a sane density: nothing to say (the address has it as waxed-canvas-bags).
    const QList<Finding> all = ContentChecks::keyphrase(page(head, body), QStringLiteral("waxed canvas bags"));
    QVERIFY2(all.isEmpty(), qPrintable(all.isEmpty() ? QString() : all.first().message));
    // Missing from the title and the address; accents and case ignored elsewhere.
    const QList<Finding> missing = ContentChecks::keyphrase(page(head, body, QStringLiteral("en"), QStringLiteral("https://shop.example/p/123")),
                                                            QStringLiteral("Brass Buckles"));
    QCOMPARE(checks(missing), (QStringList{QStringLiteral("keyphrase-title"), QStringLiteral("keyphrase-description"),
                                           QStringLiteral("keyphrase-introduction"), QStringLiteral("keyphrase-url"),
                                           QStringLiteral("keyphrase-headings"), QStringLiteral("keyphrase-density")}));
    QCOMPARE(ContentChecks::occurrences(QStringLiteral("Café con leche; CAFE solo"), QStringLiteral("café")), 2);
    QCOMPARE(ContentChecks::occurrences(QStringLiteral("cafeteria"), QStringLiteral("cafe")), 0);
}

void TestSeoContent::socialTags()
{
    QCOMPARE(checks(ContentChecks::socialTags(page({}, {}))), (QStringList{QStringLiteral("open-graph"), QStringLiteral("twitter-card")}));
    const QString complete = QStringLiteral("<meta property=\"og:title\" content=\"Bags\"><meta property=\"og:description\" content=\"Bags\">"
                                            "<meta property=\"og:image\" content=\"/bag.jpg\"><meta property=\"og:url\" content=\"https://shop.example/\">"
                                            "<meta name=\"twitter:card\" content=\"summary_large_image\">");
    QVERIFY(ContentChecks::socialTags(page(complete, {})).isEmpty());
    QString badImage = complete;
    badImage.replace(QStringLiteral("/bag.jpg"), QStringLiteral("data:image/png;base64,AAAA"));
    QCOMPARE(checks(ContentChecks::socialTags(page(badImage, {}))), QStringList{QStringLiteral("open-graph")});
}

void TestSeoContent::structuredData()
{
    const auto ld = [](const QString &json) { return page(QStringLiteral("<script type=\"application/ld+json\">%1</script>").arg(json), {}); };
    QVERIFY(ContentChecks::structuredData(ld(QStringLiteral(R"({"@type":"Product","name":"Bag","offers":{"price":"89.00"}})"))).isEmpty());
    const QList<Finding> product = ContentChecks::structuredData(ld(QStringLiteral(R"({"@type":"Product","name":"Bag"})")));
    QCOMPARE(product.size(), 1);
    QVERIFY(product.first().message.contains(QStringLiteral("offers, review or aggregateRating")));
    const QList<Finding> event = ContentChecks::structuredData(ld(QStringLiteral(R"({"@graph":[{"@type":"Event","name":"Workshop"}]})")));
    QCOMPARE(event.size(), 1);
    QVERIFY(event.first().message.contains(QStringLiteral("startDate, location")));
    QVERIFY(ContentChecks::structuredData(ld(QStringLiteral(R"([{"@type":"Organization"},{"@type":"Article"}])"))).isEmpty());
    const QList<Finding> broken = ContentChecks::structuredData(ld(QStringLiteral(R"({"@type":"Product",})")));
    QCOMPARE(broken.size(), 1);
    QCOMPARE(broken.first().severity, Severity::Error);
}

void TestSeoContent::robotsTxtVerdicts()
{
    QCOMPARE(Audits::robotsTxt(200, "User-agent: *\nDisallow: /cart\nSitemap: https://shop.example/sitemap.xml\n").verdict, Verdict::Pass);
    const AuditResult bad = Audits::robotsTxt(200, "User-agent: *\nDisalow: /cart\nAllow: cart\n");
    QCOMPARE(bad.verdict, Verdict::Fail);
    QCOMPARE(bad.items.size(), 2);
    QCOMPARE(bad.items.at(0).place.line, 2);
    QCOMPARE(bad.items.at(1).place.line, 3);
    QCOMPARE(Audits::robotsTxt(404, {}).verdict, Verdict::NotApplicable);
    QCOMPARE(Audits::robotsTxt(503, {}).verdict, Verdict::Fail);
    QCOMPARE(Audits::robotsTxt(0, {}).verdict, Verdict::Fail);
}

void TestSeoContent::auditFailuresBecomeFindings()
{
    const Page p = page(QStringLiteral("<title>Bags</title>"), QStringLiteral("<img src=\"a.jpg\"><img src=\"b.jpg\">"));
    const QList<Finding> findings = ContentChecks::fromAudit(Audits::imageAlt(p));
    QCOMPARE(findings.size(), 2);
    for (const Finding &f : findings) {
        QCOMPARE(f.check, QStringLiteral("image-alt"));
        QVERIFY(f.place.snippet.startsWith(QStringLiteral("<img")));
        QVERIFY(!f.why.isEmpty() && !f.fix.isEmpty());
    }
    QVERIFY(ContentChecks::fromAudit(Audits::documentTitle(p)).isEmpty()); // passed: nothing to fix
}

QTEST_GUILESS_MAIN(TestSeoContent)
#include "tst_seocontent.moc"
