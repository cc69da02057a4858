// SPDX-License-Identifier: GPL-3.0-or-later
// The SEO page (issue 21): a page on a loopback site analysed from the window off the GUI thread, the
// score and verdicts the analysis gives, Lighthouse's groups with failures first, the search result
// drawn with the analysis's cuts, a finding's why and fix; a local address refused until the page is
// an intranet site's; a slow site stopped; the analysis exported as CSV and PDF. Screenshot in
// $LUX_SCREENSHOT_DIR when set (docs/screenshots/seo-analysis.png).
#include "common/dialogs.h"
#include "common/translations.h"
#include "fakeopenai.h"
#include "httpserver.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/crawlmodel.h"
#include "seo/seopage.h"
#include "seo/seostore.h"
#include "seo/seoreport.h"
#include "seo/seowidgets.h"
#include "seo/suggestionsdialog.h"
#include "seo/serpwidth.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QComboBox>
#include <QTableView>
#include <QTabWidget>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace lux;
using lux::fakes::FakeOpenAI;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;

namespace {

const QByteArray kPage = R"(<!doctype html>
<html lang="en">
<head>
<title>Waxed canvas bags with brass buckles and leather straps, cut and sewn by hand in our workshop since 1998</title>
<meta name="description" content="Waxed canvas bags, cut and sewn by hand.">
<meta property="og:title" content="Waxed canvas bags">
</head>
<body>
<h1>Waxed canvas bags</h1>
<p>Our waxed canvas bags are cut and sewn by hand in a small workshop by the sea.</p>
<img src="/bag.jpg">
<h3>Brass buckles that last</h3>
<p>Every buckle is solid brass. It darkens with the years and never rusts, so the bag you buy today still closes in twenty years.</p>
<h2>Caring for the canvas</h2>
<p>Rewax the canvas once a year with a soft cloth and a little wax. Let it dry overnight in a warm room.</p>
<a href="/bags/waxed/care">click here</a>
<img src="/workshop.jpg" alt="The workshop by the sea">
</body>
</html>
)";

HttpResponse answer(const QByteArray &type, const QByteArray &body)
{
    HttpResponse r;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), type});
    return r;
}

QStringList childTexts(const QTreeWidgetItem *item)
{
    QStringList texts;
    for (int i = 0; i < item->childCount(); ++i)
        texts << item->child(i)->text(1);
    return texts;
}

} // namespace

class TestSeoPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void analysesAPageFromTheWindow();
    void localAddressRefusedUnlessIntranet();
    void slowSiteStopped();
    void historyOfAnAddress();
    void crawlsASiteAndShowsChanges();
    void suggestionsFromLux();

private:
    std::unique_ptr<HttpServer> m_site;
    QHash<QString, QByteArray> m_pages; // the small site the crawl reads
    QStringList m_crawled;
    QList<QPointer<HttpExchange>> m_held;
    QStringList m_messages;
    QUrl m_url;
};

void TestSeoPage::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("light"));
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m.text;
        return QMessageBox::Ok;
    });
}

void TestSeoPage::init()
{
    m_messages.clear();
    m_held.clear();
    m_crawled.clear();
    // A small site: two pages share a title, one links to a page that is not there.
    const auto page = [](const QString &title, const QString &h1, const QString &links) {
        return QStringLiteral("<!doctype html><html lang=\"en\"><head><title>%1</title><meta name=\"description\" content=\"About %2.\">"
                              "</head><body><h1>%2</h1><p>Some words about %2 for the reader.</p>%3</body></html>")
            .arg(title, h1, links)
            .toUtf8();
    };
    m_pages = {
        {QStringLiteral("/site/"), page(QStringLiteral("Home"), QStringLiteral("Home"),
                                        QStringLiteral("<a href=\"/site/bags\">Bags</a> <a href=\"/site/belts\">Belts</a> <a href=\"/site/about\">About us</a>"))},
        {QStringLiteral("/site/bags"), page(QStringLiteral("Leather goods"), QStringLiteral("Bags"), QStringLiteral("<a href=\"/site/\">Home</a>"))},
        {QStringLiteral("/site/belts"), page(QStringLiteral("Leather goods"), QStringLiteral("Belts"), QStringLiteral("<a href=\"/site/gone\">Old belts</a>"))},
        {QStringLiteral("/site/about"), page(QStringLiteral("About us"), QStringLiteral("About"), QString())},
    };
    m_site = std::make_unique<HttpServer>([this](HttpExchange *e) {
        const QString path = e->request().url.path();
        if (path.startsWith(u"/site/"))
            m_crawled << path;
        if (path == u"/robots.txt")
            e->respond(answer("text/plain", "User-agent: *\nDisallow: /private\n"));
        else if (path == u"/bags/waxed")
            e->respond(answer("text/html; charset=utf-8", kPage));
        else if (path == u"/slow")
            m_held << e; // never answered while the test looks
        else if (m_pages.contains(path))
            e->respond(answer("text/html; charset=utf-8", m_pages.value(path)));
        else
            e->respond(HttpResponse{404, {}, "not here"});
    });
    QVERIFY(m_site->listen());
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1/bags/waxed").arg(m_site->port()));
}

void TestSeoPage::analysesAPageFromTheWindow()
{
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::SeoPage page(f.session);
    page.resize(1200, 800);
    page.show();
    QSignalSpy analyzed(&page, &ui::SeoPage::analyzed);
    page.urlEdit()->setText(m_url.toString());
    page.keyphraseEdit()->setText(QStringLiteral("waxed canvas bags"));
    page.allowPrivateBox()->setChecked(true);
    page.analyze();
    QVERIFY(page.isBusy());
    QVERIFY2(analyzed.wait(20'000), qPrintable(m_messages.join(u'\n')));
    QVERIFY(!page.isBusy());

    // The window shows what the analysis gives for this page (computed here the same way).
    net::SafeFetcher fetcher;
    seo::Analyzer analyzer(&fetcher);
    seo::AnalyzeOptions options;
    options.allowPrivate = true;
    options.keyphrase = QStringLiteral("waxed canvas bags");
    const int titlePixels = f.session.settings().seoTitlePixels();
    const int descriptionPixels = f.session.settings().seoDescriptionPixels();
    options.extraChecks = [&](const seo::Page &p) { return seo::SerpWidth::findings(p, titlePixels, descriptionPixels); };
    const auto expected = test::await(analyzer.analyze(m_url, options));
    QVERIFY(expected);
    QCOMPARE(page.gauge()->score(), expected->score());
    QCOMPARE(page.analysis().value(QStringLiteral("score")).toInt(), expected->score());

    // Lighthouse's two groups first, each with its audits, failures first.
    QTreeWidget *tree = page.findingsView();
    QVERIFY(tree->topLevelItemCount() >= 3);
    QCOMPARE(tree->topLevelItem(0)->text(0), seo::Analyzer::groupTitle(QStringLiteral("seo-crawl")));
    QCOMPARE(tree->topLevelItem(1)->text(0), seo::Analyzer::groupTitle(QStringLiteral("seo-content")));
    QCOMPARE(tree->topLevelItem(0)->childCount() + tree->topLevelItem(1)->childCount(), 10);
    const QStringList content = childTexts(tree->topLevelItem(1));
    QCOMPARE(content.first(), QStringLiteral("Failed"));
    QVERIFY(content.indexOf(QStringLiteral("Failed")) < content.indexOf(QStringLiteral("Passed")));
    QVERIFY(content.lastIndexOf(QStringLiteral("Failed")) < content.indexOf(QStringLiteral("Passed")));
    int failedInWindow = 0;
    for (int g = 0; g < 2; ++g)
        failedInWindow += int(childTexts(tree->topLevelItem(g)).count(QStringLiteral("Failed")));
    int failedAudits = 0;
    for (const seo::AuditResult &a : expected->audits)
        failedAudits += a.verdict == seo::Verdict::Fail;
    QCOMPARE(failedInWindow, failedAudits);

    // The first failure is chosen and its why and fix are shown.
    QVERIFY(tree->currentItem());
    QCOMPARE(tree->currentItem()->text(1), QStringLiteral("Failed"));
    const QString detail = page.detailView()->toPlainText();
    QVERIFY2(detail.contains(QStringLiteral("Why it matters:")) && detail.contains(QStringLiteral("Fix:")), qPrintable(detail));

    // The search result: the long title cut where the analysis cuts it, with "…"; the description whole.
    const seo::SerpLine title = seo::SerpWidth::fit(*expected->title, seo::SerpWidth::kTitlePixelSize, titlePixels);
    QVERIFY(title.truncated);
    QCOMPARE(page.preview()->shownTitle(), title.shown);
    QVERIFY(page.preview()->titleCut());
    QVERIFY(page.preview()->shownTitle().endsWith(QStringLiteral(" …")));
    QCOMPARE(page.preview()->shownDescription(), QStringLiteral("Waxed canvas bags, cut and sewn by hand."));
    QVERIFY(!page.preview()->descriptionCut());
    // The limit is the person's setting (Settings → SEO): wide enough, the title is whole.
    {
        f.session.settings().setValue(Settings::Key::SeoTitlePixels, 1200);
        page.analyze();
        QVERIFY(analyzed.wait(20'000));
        QVERIFY(!page.preview()->titleCut());
        QCOMPARE(page.preview()->shownTitle(), *expected->title);
        f.session.settings().setValue(Settings::Key::SeoTitlePixels, titlePixels);
        page.analyze();
        QVERIFY(analyzed.wait(20'000));
    }
    QTest::qWait(60);
    const QPixmap shot = page.grab();
    QVERIFY(!shot.isNull());
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/seo-analysis.png")));

    // Exports: every audit and finding in the CSV, a PDF.
    QTemporaryDir dir;
    QSignalSpy exported(&page, &ui::SeoPage::exported);
    QVERIFY(page.exportCsv(dir.filePath(QStringLiteral("seo.csv"))));
    QVERIFY(exported.wait(10'000));
    QCOMPARE(exported.last().at(1).toString(), QString());
    QFile csv(dir.filePath(QStringLiteral("seo.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString csvText = QString::fromUtf8(csv.readAll());
    for (const QString &id : seo::Analyzer::auditIds())
        QVERIFY2(csvText.contains(u',' + id + u','), qPrintable(id));
    QCOMPARE(csvText.count(QStringLiteral("\r\nFinding,")), expected->findings.size());
    QVERIFY(page.exportPdf(dir.filePath(QStringLiteral("seo.pdf"))));
    QVERIFY(exported.wait(10'000));
    QFile pdf(dir.filePath(QStringLiteral("seo.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(pdf.size() > 5'000);
    QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.join(u'\n')));
}

void TestSeoPage::localAddressRefusedUnlessIntranet()
{
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::SeoPage page(f.session);
    QSignalSpy failed(&page, &ui::SeoPage::analysisFailed);
    page.urlEdit()->setText(m_url.toString());
    page.analyze();
    QVERIFY(failed.wait(10'000));
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("allow local addresses")), qPrintable(failed.first().at(0).toString()));
    QCOMPARE(m_messages.size(), 1); // said to the user
    QVERIFY(page.analysis().isEmpty());
    // Not a web address: said at once, nothing fetched.
    page.urlEdit()->setText(QStringLiteral("ftp://example.com/x"));
    page.analyze();
    QVERIFY(!page.isBusy());
    QCOMPARE(m_messages.size(), 2);
    QVERIFY(m_messages.last().contains(QStringLiteral("ftp://example.com/x")));
}

void TestSeoPage::slowSiteStopped()
{
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::SeoPage page(f.session);
    QSignalSpy analyzed(&page, &ui::SeoPage::analyzed);
    QSignalSpy failed(&page, &ui::SeoPage::analysisFailed);
    page.allowPrivateBox()->setChecked(true);
    page.urlEdit()->setText(QStringLiteral("http://127.0.0.1:%1/slow").arg(m_site->port()));
    page.analyze();
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, 10'000); // the request reached the site
    QVERIFY(page.isBusy());
    page.stop();
    QVERIFY(!page.isBusy());
    QVERIFY(page.urlEdit()->isReadOnly() == false);
    // The fetch is cancelled: the site sees its connection closed, and nothing is shown afterwards.
    QTRY_VERIFY_WITH_TIMEOUT(!m_held.first() || !m_held.first()->isOpen(), 10'000);
    QTest::qWait(100);
    QCOMPARE(analyzed.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(m_messages.isEmpty());
    // And the page analyses again at once.
    page.urlEdit()->setText(m_url.toString());
    page.analyze();
    QVERIFY(analyzed.wait(20'000));
    QVERIFY(page.gauge()->score() >= 0);
}

void TestSeoPage::historyOfAnAddress()
{
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::SeoPage page(f.session);
    QSignalSpy analyzed(&page, &ui::SeoPage::analyzed);
    QSignalSpy history(&page, &ui::SeoPage::historyLoaded);
    page.allowPrivateBox()->setChecked(true);
    page.urlEdit()->setText(m_url.toString());
    page.analyze();
    QVERIFY(analyzed.wait(20'000));
    QVERIFY(history.wait(10'000));
    QCOMPARE(page.historyView()->count(), 1);
    const int firstScore = page.gauge()->score();
    // The page changes: its description goes; analysed again, the history has both, newest first.
    m_site = std::make_unique<HttpServer>([](HttpExchange *e) {
        if (e->request().url.path() == u"/bags/waxed")
            e->respond(answer("text/html", QByteArray(kPage).replace("<meta name=\"description\" content=\"Waxed canvas bags, cut and sewn by hand.\">", "")));
        else
            e->respond(HttpResponse{404, {}, "not here"});
    });
    QVERIFY(m_site->listen(QHostAddress::LocalHost, quint16(m_url.port())));
    page.analyze();
    QVERIFY(analyzed.wait(20'000));
    QTRY_COMPARE_WITH_TIMEOUT(page.historyView()->count(), 2, 10'000);
    QVERIFY(page.gauge()->score() < firstScore); // meta-description fails now
    QVERIFY(page.historyView()->item(0)->text().contains(QString::number(page.gauge()->score())));
    // The earlier one, shown as it was.
    QSignalSpy shown(&page, &ui::SeoPage::analyzed);
    page.showHistoryEntry(page.historyView()->item(1)->data(Qt::UserRole).toLongLong());
    QTRY_COMPARE_WITH_TIMEOUT(page.gauge()->score(), firstScore, 10'000);
    QCOMPARE(page.preview()->shownDescription(), QStringLiteral("Waxed canvas bags, cut and sewn by hand."));
    QCOMPARE(shown.size(), 0); // nothing was fetched for it
}

void TestSeoPage::crawlsASiteAndShowsChanges()
{
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::SeoPage page(f.session);
    page.resize(1200, 800);
    page.show();
    QSignalSpy finished(&page, &ui::SeoPage::crawlFinished);
    QSignalSpy shown(&page, &ui::SeoPage::crawlShown);
    QSignalSpy progressed(&page, &ui::SeoPage::crawlProgressed);
    page.tabs()->setCurrentIndex(ui::SeoPage::CrawlTab);
    page.crawlAllowPrivateBox()->setChecked(true);
    page.crawlStartEdit()->setText(QStringLiteral("http://127.0.0.1:%1/site/").arg(m_site->port()));
    page.crawl();
    QVERIFY(page.isCrawling());
    QVERIFY2(finished.wait(30'000), qPrintable(m_messages.join(u'\n')));
    QVERIFY(!page.isCrawling());
    QVERIFY(shown.wait(10'000));
    QVERIFY(progressed.size() >= 5); // after each of the five addresses
    QCOMPARE(progressed.last().at(0).toInt(), 5);

    ui::CrawlModel *model = page.crawlModel();
    QCOMPARE(model->count(ui::CrawlModel::AllPages), 5); // four pages and the missing one
    QCOMPARE(model->count(ui::CrawlModel::DuplicateTitles), 2);
    QCOMPARE(model->count(ui::CrawlModel::BrokenLinks), 1);
    QCOMPARE(model->count(ui::CrawlModel::DuplicateH1s), 0);
    page.setCrawlView(ui::CrawlModel::DuplicateTitles);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(model->index(0, ui::CrawlModel::Note).data().toString().contains(QStringLiteral("Leather goods")));
    page.setCrawlView(ui::CrawlModel::BrokenLinks);
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->index(0, ui::CrawlModel::Address).data().toString().endsWith(QStringLiteral("/site/gone")));
    QCOMPARE(model->index(0, ui::CrawlModel::Status).data().toInt(), 404);
    QVERIFY(model->index(0, ui::CrawlModel::Note).data().toString().contains(QStringLiteral("/site/belts")));
    // The filter field narrows the rows shown.
    page.setCrawlView(ui::CrawlModel::AllPages);
    page.crawlSearch()->setText(QStringLiteral("belts"));
    QCOMPARE(page.crawlView()->model()->rowCount(), 1);
    page.crawlSearch()->clear();
    QTest::qWait(60);
    const QPixmap shot = page.grab();
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/seo-crawl.png")));

    // The site changes; the second crawl says what changed, and the first is still there.
    m_pages[QStringLiteral("/site/bags")].replace("<title>Leather goods</title>", "<title>Leather bags</title>");
    m_pages.remove(QStringLiteral("/site/about"));
    page.crawl();
    QVERIFY(finished.wait(30'000));
    QVERIFY(shown.wait(10'000));
    QCOMPARE(page.crawlsBox()->count(), 2);
    QVERIFY(model->changes().has_value());
    QCOMPARE(model->count(ui::CrawlModel::DuplicateTitles), 0);
    page.setCrawlView(ui::CrawlModel::Changes);
    QStringList notes;
    for (int row = 0; row < model->rowCount(); ++row)
        notes << model->index(row, ui::CrawlModel::Address).data().toString().section(u'/', 3) + u' ' + model->index(row, ui::CrawlModel::Note).data().toString();
    QVERIFY2(notes.contains(QStringLiteral("site/about Status: 200 → 404")), qPrintable(notes.join(u'\n')));
    QVERIFY2(notes.contains(QStringLiteral("site/bags Title: Leather goods → Leather bags")), qPrintable(notes.join(u'\n')));
    // Exported as the view shows it.
    QTemporaryDir dir;
    QSignalSpy exported(&page, &ui::SeoPage::exported);
    QVERIFY(page.exportCrawlCsv(dir.filePath(QStringLiteral("crawl.csv"))));
    QVERIFY(exported.wait(10'000));
    QFile csv(dir.filePath(QStringLiteral("crawl.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count("\r\n"), qsizetype(model->rowCount() + 1));
    // Stopped mid-crawl: nothing stored, nothing shown afterwards.
    QSignalSpy failed(&page, &ui::SeoPage::crawlFailed);
    page.crawl();
    QVERIFY(page.isCrawling());
    page.stopCrawl();
    QVERIFY(!page.isCrawling());
    QTest::qWait(800);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(page.crawlsBox()->count(), 2);
    const auto stored = seo::SeoStore(f.db()).crawls();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 2); // the stopped one is not among them
    // Enter in the start field while a crawl runs starts nothing beside it.
    page.crawl();
    QVERIFY(page.isCrawling());
    page.crawl();
    page.stopCrawl();
    QTest::qWait(800);
    QCOMPARE(finished.size(), 2);
    QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.join(u'\n')));
}

void TestSeoPage::suggestionsFromLux()
{
    // LUX answers through the fake OpenAI: three titles and descriptions that fit and carry the
    // keyphrase, one recommendation about a passage of the page.
    FakeOpenAI ai;
    QVERIFY(ai.listen());
    const auto list = [](std::initializer_list<const char *> texts) {
        QJsonArray a;
        for (const char *t : texts)
            a.append(QString::fromUtf8(t));
        return a;
    };
    const QJsonObject answer{
        {QStringLiteral("keyphrase"), QStringLiteral("waxed canvas bags")},
        {QStringLiteral("titles"), list({"Waxed canvas bags, sewn by hand", "Waxed canvas bags with brass buckles", "Handmade waxed canvas bags"})},
        {QStringLiteral("descriptions"), list({"Waxed canvas bags cut and sewn by hand in a small workshop by the sea.",
                                               "Our waxed canvas bags age well and last for decades.",
                                               "Handmade waxed canvas bags with brass buckles and leather straps."})},
        {QStringLiteral("recommendations"),
         QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("topic")},
                                {QStringLiteral("passage"), QStringLiteral("cut and sewn by hand in a small workshop")},
                                {QStringLiteral("suggestion"), QStringLiteral("Say how long a bag takes to make, and by whom.")},
                                {QStringLiteral("why"), QStringLiteral("Buyers of handmade goods look for the maker.")}}}}};
    ai.addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))}}});
    test::SessionFixture f;
    QVERIFY(f.setDatabaseSetting(Settings::Key::OpenAiBaseUrl, ai.baseUrl().toString()));
    qputenv("LUX_SECRET_OPENAI_API_KEY", ai.apiKey().toUtf8());
    QVERIFY(f.openSession());
    ui::SeoPage page(f.session);
    page.resize(1200, 800);
    page.show();
    QSignalSpy analyzed(&page, &ui::SeoPage::analyzed);
    QSignalSpy shown(&page, &ui::SeoPage::suggestionsShown);
    page.allowPrivateBox()->setChecked(true);
    page.urlEdit()->setText(m_url.toString());
    page.keyphraseEdit()->setText(QStringLiteral("waxed canvas bags"));
    page.analyze();
    QVERIFY(analyzed.wait(20'000));
    page.suggest();
    QVERIFY2(shown.wait(20'000), qPrintable(m_messages.join(u'\n')));
    ui::SuggestionsDialog *dialog = page.suggestionsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->titlesView()->topLevelItemCount(), 3);
    QCOMPARE(dialog->descriptionsView()->topLevelItemCount(), 3);
    // Each scored: the score column says the page's score with it (better than now: the title fits).
    const int now = page.gauge()->score();
    for (int i = 0; i < 3; ++i) {
        const QString score = dialog->titlesView()->topLevelItem(i)->text(3);
        QVERIFY2(score.section(u' ', 0, 0).toInt() >= now, qPrintable(score));
        QCOMPARE(dialog->titlesView()->topLevelItem(i)->text(2), QStringLiteral("yes"));
    }
    // The chosen pair drawn as the result; copied with one click.
    dialog->titlesView()->setCurrentItem(dialog->titlesView()->topLevelItem(1));
    QCOMPARE(dialog->preview()->shownTitle(), QStringLiteral("Waxed canvas bags with brass buckles"));
    dialog->copyTitle();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Waxed canvas bags with brass buckles"));
    QVERIFY(dialog->recommendationsView()->toPlainText().contains(QStringLiteral("cut and sewn by hand in a small workshop")));
    QTest::qWait(60);
    const QPixmap shot = dialog->grab();
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/seo-suggestions.png")));
    dialog->close();
    QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.join(u'\n')));
}

QTEST_MAIN(TestSeoPage)
#include "tst_seopage.moc"
