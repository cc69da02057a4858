// SPDX-License-Identifier: GPL-3.0-or-later
// Suggestions from LUX (issue 21): a page on a loopback site, the fake OpenAI server's scripted answers,
// and every candidate judged by the analysis: a title too wide and one without the keyphrase are sent
// back once with the reasons (the fake records the second request), a recommendation quoting what the
// page does not say is dropped, the kept candidates are scored as the analysis scores the page with
// them. `luxctl seo suggest --json` end to end.
#include "assistant/jsonschema.h"
#include "assistant/seodrafts.h"
#include "common/awaittask.h"
#include "databasefixture.h"
#include "fakeopenai.h"
#include "httpserver.h"
#include "net/safefetcher.h"
#include "seo/analyzer.h"
#include "seo/serpwidth.h"
#include "seo/suggester.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace lux;
using lux::assistant::SeoDrafts;
using lux::assistant::SeoField;
using lux::fakes::FakeOpenAI;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;

namespace {

const QByteArray kPage = R"(<!doctype html>
<html lang="en">
<head>
<title>Bags</title>
<meta name="description" content="Our bags.">
</head>
<body>
<h1>Waxed canvas bags</h1>
<p>Our waxed canvas bags are cut and sewn by hand in Porto, with brass buckles that last.</p>
<h2>Caring for the canvas</h2>
<p>Rewax the canvas once a year    with a soft cloth and a little wax.</p>
<a href="/bags/waxed/care">How to rewax a bag</a>
</body>
</html>
)";

const QString kKeyphrase = QStringLiteral("waxed canvas bags");
const QStringList kGoodTitles{QStringLiteral("Waxed canvas bags, sewn by hand"), QStringLiteral("Waxed canvas bags from Porto"),
                              QStringLiteral("Handmade waxed canvas bags")};
const QString kWideTitle = QStringLiteral("Waxed canvas bags with brass buckles and leather straps, cut and sewn by hand in our Porto workshop since 1998");
const QString kNoKeyphraseTitle = QStringLiteral("Handmade bags from Porto");
const QStringList kGoodDescriptions{QStringLiteral("Waxed canvas bags cut and sewn by hand in Porto, with brass buckles that last."),
                                    QStringLiteral("Our waxed canvas bags age well: rewax them once a year and they last for decades."),
                                    QStringLiteral("Handmade waxed canvas bags with brass buckles, from our workshop in Porto.")};

QJsonObject recommendation(const QString &kind, const QString &passage)
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("passage"), passage},
                       {QStringLiteral("suggestion"), QStringLiteral("Say more here.")},
                       {QStringLiteral("why"), QStringLiteral("Searchers ask about it.")}};
}

QJsonObject step(const QString &keyphrase, const QStringList &titles, const QStringList &descriptions, const QJsonArray &recommendations = {})
{
    const QJsonObject answer{{QStringLiteral("keyphrase"), keyphrase},
                             {QStringLiteral("titles"), QJsonArray::fromStringList(titles)},
                             {QStringLiteral("descriptions"), QJsonArray::fromStringList(descriptions)},
                             {QStringLiteral("recommendations"), recommendations}};
    return QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))}};
}

} // namespace

class TestSeoSuggest : public QObject
{
    Q_OBJECT

    std::optional<test::DatabaseFixture> m_fx;
    std::unique_ptr<HttpServer> m_site;
    FakeOpenAI *m_fake = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<channels::openai::OpenAiClient> m_client;
    std::unique_ptr<assistant::Assistant> m_lux;
    QUrl m_url;

    QList<QJsonObject> chatBodies() const
    {
        QList<QJsonObject> out;
        for (const FakeOpenAI::Record &r : m_fake->requests())
            if (r.path.endsWith(QLatin1String("/chat/completions")))
                out << r.body.toObject();
        return out;
    }
    static QString lastUserMessage(const QJsonObject &body)
    {
        QString last;
        for (const QJsonValue &m : body.value(QStringLiteral("messages")).toArray())
            if (m.toObject().value(QStringLiteral("role")).toString() == u"user")
                last = m.toObject().value(QStringLiteral("content")).toString();
        return last;
    }
    Result<seo::Suggestions> suggest(const QString &keyphrase, seo::FetchedSite *site = nullptr)
    {
        net::SafeFetcher fetcher;
        seo::Analyzer analyzer(&fetcher);
        SeoDrafts drafts(m_lux.get());
        seo::Suggester suggester(&analyzer, &drafts);
        seo::SuggestOptions options;
        options.keyphrase = keyphrase;
        options.allowPrivate = true;
        if (site) {
            seo::AnalyzeOptions fetching;
            fetching.allowPrivate = true;
            auto fetched = test::await(analyzer.fetch(m_url, fetching));
            if (!fetched)
                return fetched.error();
            *site = *fetched;
        }
        return test::await(suggester.suggest(m_url, options));
    }

private Q_SLOTS:
    void init()
    {
        m_fx.emplace();
        QVERIFY(m_fx->open());
        m_site = std::make_unique<HttpServer>([](HttpExchange *e) {
            HttpResponse r;
            if (e->request().url.path() == u"/bags/waxed") {
                r.body = kPage;
                r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
            } else {
                r.status = 404;
                r.body = "not here";
            }
            e->respond(r);
        });
        QVERIFY(m_site->listen());
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1/bags/waxed").arg(m_site->port()));
        m_fake = new FakeOpenAI(this);
        QVERIFY(m_fake->listen());
        m_network = new QNetworkAccessManager(this);
        channels::openai::OpenAiClient::Config config;
        config.baseUrl = m_fake->baseUrl();
        config.apiKey = m_fake->apiKey().toUtf8();
        config.backoffMs = 40;
        m_client = std::make_unique<channels::openai::OpenAiClient>(m_network, config);
        m_lux = std::make_unique<assistant::Assistant>(m_client.get(), m_fx->path(), QStringLiteral("gpt-4o"));
    }
    void cleanup()
    {
        m_lux.reset();
        m_client.reset();
        delete m_fake;
        delete m_network;
        m_site.reset();
        m_fx.reset();
    }

    void theSchemaIsStrict()
    {
        QVERIFY(assistant::JsonSchema::compile(SeoDrafts::schema()));
        const QStringList problems = assistant::JsonSchema::strictModeProblems(SeoDrafts::schema());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void thePromptHasThePageAndTheLimits()
    {
        const auto page = seo::Page::parse(seo::ServedPage{m_url, 200, {}, kPage});
        QVERIFY(page);
        const QString prompt = SeoDrafts::prompt(*page, kKeyphrase, 600, 920);
        for (const QString &part : {QStringLiteral("600 px"), QStringLiteral("920 px"), QStringLiteral("Current title: Bags"),
                                    QStringLiteral("Current description: Our bags."), QStringLiteral("H2: Caring for the canvas"),
                                    QStringLiteral("/bags/waxed/care: How to rewax a bag"), QStringLiteral("\"waxed canvas bags\""),
                                    QStringLiteral("brass buckles that last")})
            QVERIFY2(prompt.contains(part), qPrintable(part + QStringLiteral(" not in ") + prompt));
        // Passages: whitespace collapsed, case ignored; what the page does not say is not found.
        QVERIFY(SeoDrafts::inPage(QStringLiteral("rewax the canvas once a year with a soft cloth"), *page));
        QVERIFY(SeoDrafts::inPage(QStringLiteral("CARING FOR THE CANVAS"), *page));
        QVERIFY(!SeoDrafts::inPage(QStringLiteral("Free shipping on every order"), *page));
        QVERIFY(!SeoDrafts::inPage(QStringLiteral("   "), *page));
    }

    void failedCandidatesAreAskedAgainWithTheReasons()
    {
        QVERIFY(seo::SerpWidth::width(kWideTitle, seo::SerpWidth::kTitlePixelSize) > 600);
        const QJsonArray recs{recommendation(QStringLiteral("heading"), QStringLiteral("Rewax the  canvas ONCE a year")),
                              recommendation(QStringLiteral("topic"), QStringLiteral("Free shipping on every order"))};
        m_fake->addScript(QJsonArray{step(kKeyphrase, {kGoodTitles.at(0), kWideTitle, kNoKeyphraseTitle}, kGoodDescriptions, recs),
                                     step(kKeyphrase, {kGoodTitles.at(0), kGoodTitles.at(1), kGoodTitles.at(2)}, kGoodDescriptions, recs)});
        seo::FetchedSite site;
        const auto made = suggest(kKeyphrase, &site);
        QVERIFY2(made, test::errorText(made).constData());
        // Two requests: the second says which failed and why.
        const QList<QJsonObject> bodies = chatBodies();
        QCOMPARE(bodies.size(), 2);
        QVERIFY(lastUserMessage(bodies.at(0)).contains(QStringLiteral("Current title: Bags")));
        const QString retry = lastUserMessage(bodies.at(1));
        QVERIFY2(retry.contains(kWideTitle) && retry.contains(QStringLiteral("px wide, more than the 600 px")), qPrintable(retry));
        QVERIFY2(retry.contains(kNoKeyphraseTitle) && retry.contains(QStringLiteral("does not contain the keyphrase")), qPrintable(retry));
        QVERIFY2(!retry.contains(kGoodTitles.at(0)), qPrintable(retry)); // only the failures
        // Three titles and three descriptions, each within its limit, with the keyphrase, scored as the
        // analysis scores the page with it.
        QCOMPARE(made->titles.size(), 3);
        QCOMPARE(made->descriptions.size(), 3);
        QStringList titles;
        for (const seo::ScoredText &t : made->titles) {
            titles << t.text;
            QVERIFY(t.pixels <= t.limit);
            QCOMPARE(t.limit, 600);
            QVERIFY(t.hasKeyphrase);
            seo::Page page = site.page;
            page.title = t.text;
            seo::AnalyzeOptions options;
            options.keyphrase = kKeyphrase;
            QCOMPARE(t.score, seo::Analyzer::analyzePage(page, site.robotsStatus, site.robotsBody, options).score());
            for (const seo::Finding &f : t.findings)
                QVERIFY2(f.check != u"keyphrase-title" && f.check != u"title-width", qPrintable(f.message));
        }
        QCOMPARE(titles, kGoodTitles);
        for (const seo::ScoredText &d : made->descriptions) {
            QVERIFY(d.pixels <= d.limit);
            QVERIFY(d.hasKeyphrase);
            seo::Page page = site.page;
            for (seo::MetaTag &m : page.metas)
                if (m.name == u"description")
                    m.content = d.text;
            seo::AnalyzeOptions options;
            options.keyphrase = kKeyphrase;
            QCOMPARE(d.score, seo::Analyzer::analyzePage(page, site.robotsStatus, site.robotsBody, options).score());
        }
        // The recommendation quoting the page is kept (as the model wrote it); the other dropped, and said.
        QCOMPARE(made->recommendations.size(), 1);
        QCOMPARE(made->recommendations.first().kind, QStringLiteral("heading"));
        QCOMPARE(made->recommendations.first().passage, QStringLiteral("Rewax the canvas ONCE a year"));
        QVERIFY2(made->notes.join(u'\n').contains(QStringLiteral("1 recommendation(s) left out")) ||
                     made->notes.join(u'\n').contains(QStringLiteral("1 recommendation left out")),
                 qPrintable(made->notes.join(u'\n')));
        const QJsonObject json = made->toJson();
        QCOMPARE(json.value(QStringLiteral("keyphrase")).toString(), kKeyphrase);
        QCOMPARE(json.value(QStringLiteral("titles")).toArray().size(), 3);
        const QJsonObject first = json.value(QStringLiteral("titles")).toArray().first().toObject();
        for (const QString &key : {QStringLiteral("text"), QStringLiteral("pixels"), QStringLiteral("limit"), QStringLiteral("has_keyphrase"),
                                   QStringLiteral("score")})
            QVERIFY2(first.contains(key), qPrintable(key));
    }

    void fewerThanThreeIsSaidPlainly()
    {
        // The wide title comes back wide: two titles are kept, and the notes say so and why.
        m_fake->addScript(QJsonArray{step(kKeyphrase, {kGoodTitles.at(0), kWideTitle, kGoodTitles.at(1)}, kGoodDescriptions),
                                     step(kKeyphrase, {kGoodTitles.at(0), kWideTitle, kGoodTitles.at(1)}, kGoodDescriptions)});
        const auto made = suggest(kKeyphrase);
        QVERIFY2(made, test::errorText(made).constData());
        QCOMPARE(chatBodies().size(), 2);
        QCOMPARE(made->titles.size(), 2);
        QCOMPARE(made->descriptions.size(), 3);
        const QString notes = made->notes.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("Only 2 of the 3 titles")), qPrintable(notes));
        QVERIFY2(notes.contains(kWideTitle), qPrintable(notes));
    }

    void allGoodIsAskedOnce()
    {
        // No keyphrase given: the model's is used, and every candidate must have it.
        m_fake->addScript(QJsonArray{step(kKeyphrase, kGoodTitles, kGoodDescriptions)});
        const auto made = suggest(QString());
        QVERIFY2(made, test::errorText(made).constData());
        QCOMPARE(chatBodies().size(), 1);
        QVERIFY(lastUserMessage(chatBodies().first()).contains(QStringLiteral("No focus keyphrase was given")));
        QCOMPARE(made->keyphrase, kKeyphrase);
        QVERIFY(made->keyphraseProposed);
        QCOMPARE(made->titles.size(), 3);
        QCOMPARE(made->descriptions.size(), 3);
    }

    void luxctlSuggests()
    {
        test::TestEnvironment home;
        m_fx->close();
        QProcessEnvironment env = test::luxctlEnvironment(home, m_fx->path());
        env.insert(QStringLiteral("LUX_SECRET_OPENAI_API_KEY"), m_fake->apiKey());
        QByteArray out;
        QCOMPARE(test::runProcess(QStringLiteral(LUXCTL_PATH),
                                  {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("openai.base_url"), m_fake->baseUrl().toString()},
                                  env, &out),
                 0);
        const QJsonArray recs{recommendation(QStringLiteral("internal_link"), QStringLiteral("How to rewax a bag")),
                              recommendation(QStringLiteral("topic"), QStringLiteral("Lifetime guarantee on all stitching"))};
        m_fake->addScript(QJsonArray{step(kKeyphrase, {kGoodTitles.at(0), kGoodTitles.at(1), kNoKeyphraseTitle}, kGoodDescriptions, recs),
                                     step(kKeyphrase, kGoodTitles, kGoodDescriptions, recs)});
        QCOMPARE(test::runProcess(QStringLiteral(LUXCTL_PATH),
                                  {QStringLiteral("seo"), QStringLiteral("suggest"), m_url.toString(), QStringLiteral("--keyphrase"), kKeyphrase,
                                   QStringLiteral("--allow-private"), QStringLiteral("--json")},
                                  env, &out),
                 0);
        const QJsonObject json = QJsonDocument::fromJson(out).object();
        QVERIFY2(!json.isEmpty(), out.constData());
        QCOMPARE(json.value(QStringLiteral("url")).toString(), m_url.toString());
        QCOMPARE(json.value(QStringLiteral("keyphrase")).toString(), kKeyphrase);
        const QJsonArray titles = json.value(QStringLiteral("titles")).toArray();
        QCOMPARE(titles.size(), 3);
        for (const QJsonValue &t : titles) {
            const QJsonObject o = t.toObject();
            QVERIFY(kGoodTitles.contains(o.value(QStringLiteral("text")).toString()));
            QVERIFY(o.value(QStringLiteral("pixels")).toInt() > 0);
            QVERIFY(o.value(QStringLiteral("pixels")).toInt() <= o.value(QStringLiteral("limit")).toInt());
            QCOMPARE(o.value(QStringLiteral("limit")).toInt(), 600);
            QVERIFY(o.value(QStringLiteral("has_keyphrase")).toBool());
            QVERIFY(o.value(QStringLiteral("score")).toInt() > 0);
        }
        QCOMPARE(json.value(QStringLiteral("descriptions")).toArray().size(), 3);
        QCOMPARE(json.value(QStringLiteral("descriptions")).toArray().first().toObject().value(QStringLiteral("limit")).toInt(), 920);
        const QJsonArray kept = json.value(QStringLiteral("recommendations")).toArray();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("internal_link"));
        QVERIFY(json.value(QStringLiteral("notes")).isArray());
        QCOMPARE(chatBodies().size(), 2); // the retry went through luxctl too
    }
};

QTEST_MAIN(TestSeoSuggest)
#include "tst_seosuggest.moc"
