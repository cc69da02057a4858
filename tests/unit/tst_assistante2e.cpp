// SPDX-License-Identifier: GPL-3.0-or-later
// luxctl end to end (issue 16): `woo sync` from the fake store, then `assistant draft` against the fake
// OpenAI server makes a template whose HTML passes the pre-send checks, carries the brand kit's
// colours, and states every product's price as the store does: with the OpenAI API, as Ollama, and
// as a server without tools. Also `assistant ask --json`, `ai image` and `ai usage`.
#include "assistant/factguard.h"
#include "channels/woocommerce/productcard.h"
#include "channels/woocommerce/productstore.h"
#include "content/templatestore.h"
#include "databasefixture.h"
#include "fakeopenai.h"
#include "fakewoo.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using lux::fakes::FakeOpenAI;
using lux::fakes::FakeWoo;

class TestAssistantE2E : public QObject
{
    Q_OBJECT

    std::optional<test::DatabaseFixture> m_fx;
    std::optional<test::TestEnvironment> m_home; // luxctl's configuration folder
    FakeOpenAI *m_ai = nullptr;
    FakeWoo *m_woo = nullptr;
    QProcessEnvironment m_env;

    int luxctl(const QStringList &args, QJsonObject *json = nullptr)
    {
        QByteArray out;
        const int code = test::runProcess(QStringLiteral(LUXCTL_PATH), args, m_env, &out);
        if (json)
            *json = QJsonDocument::fromJson(out).object();
        return code;
    }

private Q_SLOTS:
    void init()
    {
        m_fx.emplace();
        QVERIFY(m_fx->open());
        QVERIFY(content::TemplateStore(m_fx->db())
                    .saveBrandKit(QStringLiteral("Acme"),
                                  QJsonObject{{QStringLiteral("primary_color"), QStringLiteral("#0b5fff")},
                                              {QStringLiteral("secondary_color"), QStringLiteral("#ff6a00")},
                                              {QStringLiteral("font_family"), QStringLiteral("Georgia, serif")},
                                              {QStringLiteral("address"), QStringLiteral("1 Main St, Springfield")}},
                                  true, std::nullopt));
        m_fx->close();
        m_ai = new FakeOpenAI(this);
        QVERIFY(m_ai->listen());
        m_woo = new FakeWoo(this);
        QVERIFY(m_woo->listen());
        m_woo->generate(40);
        m_home.emplace();
        m_env = test::luxctlEnvironment(*m_home, m_fx->path());
        m_env.insert(QStringLiteral("LUX_SECRET_OPENAI_API_KEY"), m_ai->apiKey());
        m_env.insert(QStringLiteral("LUX_SECRET_WOO_CONSUMER_KEY"), m_woo->consumerKey());
        m_env.insert(QStringLiteral("LUX_SECRET_WOO_CONSUMER_SECRET"), m_woo->consumerSecret());
        QCOMPARE(luxctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("openai.base_url"), m_ai->baseUrl().toString()}), 0);
        QCOMPARE(luxctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("woo.base_url"), m_woo->baseUrl().toString()}), 0);
        QJsonObject sync;
        QCOMPARE(luxctl({QStringLiteral("woo"), QStringLiteral("sync"), QStringLiteral("--json")}, &sync), 0);
        QCOMPARE(sync.value(QStringLiteral("added")).toInt(), 40);
    }
    void cleanup()
    {
        delete m_ai;
        delete m_woo;
        m_fx.reset();
        m_home.reset();
    }

    void captionForEachNetwork()
    {
        // luxctl assistant caption: a caption and hashtags per network, within the network's count.
        for (const char *network : {"x", "linkedin", "instagram", "facebook"}) {
            QJsonObject made;
            QCOMPARE(luxctl({QStringLiteral("assistant"), QStringLiteral("caption"), QStringLiteral("--network"), QString::fromLatin1(network),
                             QStringLiteral("--brief"), QStringLiteral("Lamps for the darker evenings, 20% off this week"), QStringLiteral("--json")},
                            &made),
                     0);
            QCOMPARE(made.value(QStringLiteral("network")).toString(), QString::fromLatin1(network));
            QVERIFY(!made.value(QStringLiteral("caption")).toString().isEmpty());
            QVERIFY2(made.value(QStringLiteral("characters")).toInt() <= made.value(QStringLiteral("limit")).toInt(),
                     QJsonDocument(made).toJson().constData());
            for (const QJsonValue &tag : made.value(QStringLiteral("hashtags")).toArray())
                QVERIFY2(tag.toString().startsWith(u'#') && !tag.toString().contains(u' '), qPrintable(tag.toString()));
        }
        QJsonObject refused;
        QCOMPARE(luxctl({QStringLiteral("assistant"), QStringLiteral("caption"), QStringLiteral("--network"), QStringLiteral("myspace"),
                         QStringLiteral("--brief"), QStringLiteral("x"), QStringLiteral("--json")},
                        &refused),
                 2);
    }

    void draftIsCheckedAndTrue_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("openai") << "openai";
        QTest::newRow("ollama") << "ollama";
        QTest::newRow("no tools") << "notools";
    }
    void draftIsCheckedAndTrue()
    {
        QFETCH(QString, profile);
        FakeOpenAI::Profile p;
        QVERIFY(FakeOpenAI::parseProfile(profile, &p));
        m_ai->setProfile(p);
        QJsonObject draft;
        QCOMPARE(luxctl({QStringLiteral("assistant"), QStringLiteral("draft"), QStringLiteral("--brief"),
                         QStringLiteral("Lamps for the darker evenings"), QStringLiteral("--template-name"), QStringLiteral("Evenings"),
                         QStringLiteral("--json")},
                        &draft),
                 0);
        QVERIFY2(draft.value(QStringLiteral("ready")).toBool(), QJsonDocument(draft).toJson().constData());
        QVERIFY(draft.value(QStringLiteral("facts")).toArray().isEmpty());

        QVERIFY(m_fx->open());
        const auto t = content::TemplateStore(m_fx->db()).find(QStringLiteral("Evenings"));
        QVERIFY(t);
        // The pre-send checks as a campaign runs them: nothing blocks.
        const content::RenderedEmail rendered = content::TemplateRenderer(m_fx->db()).render(*t, nullptr);
        QVERIFY2(!content::PreSendCheck::blocks(rendered.findings), qPrintable(rendered.findings.value(0).message));
        // The brand kit's colours and font.
        QVERIFY(t->source.contains(QStringLiteral("#0b5fff")));
        QVERIFY(t->source.contains(QStringLiteral("#ff6a00")));
        QVERIFY(t->source.contains(QStringLiteral("Georgia, serif")));
        // Every product named in the draft is in the store, at the store's price, written its way.
        const channels::woo::ProductStore store(m_fx->db());
        const auto products = store.all();
        QVERIFY(products && !products->isEmpty());
        int named = 0;
        for (const channels::woo::Product &product : *products) {
            const qsizetype at = t->source.indexOf(product.name.toHtmlEscaped());
            if (at < 0)
                continue;
            ++named;
            const QString row = t->source.mid(at, t->source.indexOf(QStringLiteral("</tr>"), at) - at);
            QVERIFY2(row.contains(channels::woo::ProductCard::formatPrice(product.price, QStringLiteral("EUR")).toHtmlEscaped()),
                     qPrintable(product.name + QStringLiteral(": ") + row));
            for (const QJsonObject &fake : m_woo->catalogue())
                if (fake.value(QStringLiteral("id")).toInteger() == product.wooId)
                    QCOMPARE(product.price, fake.value(QStringLiteral("price")).toString());
        }
        QVERIFY(named > 0);
        const auto state = store.state();
        const QList<assistant::FactFinding> facts =
            assistant::FactGuard(*products, state->currency).check(assistant::Draft{t->subject, t->preheader, t->source, true});
        QVERIFY2(facts.isEmpty(), qPrintable(facts.value(0).message));
        // The draft used the tools (or, without them, the data gathered first) and said so.
        QStringList kinds;
        for (const QJsonValue &s : draft.value(QStringLiteral("sources")).toArray())
            kinds << s.toObject().value(QStringLiteral("kind")).toString();
        QVERIFY(kinds.contains(QStringLiteral("brand_kit")) && kinds.contains(QStringLiteral("search_products")));
        // Every request is in the usage ledger.
        QSqlQuery q(m_fx->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM ai_usage")) && q.next());
        QCOMPARE(q.value(0).toInt(), draft.value(QStringLiteral("usage")).toObject().value(QStringLiteral("requests")).toInt());
        QVERIFY(q.value(0).toInt() >= 2);
        m_fx->close();
    }

    void aWrongPriceIsNotSaved()
    {
        // A model that invents a price: the guard stops the draft, nothing is saved.
        const QJsonObject product = m_woo->catalogue().first();
        const QString html = QStringLiteral("<p>%1 now only €1.00!</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>")
                                 .arg(product.value(QStringLiteral("name")).toString().toHtmlEscaped());
        m_ai->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"),
                                                QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("subject"), QStringLiteral("Deal")},
                                                                                            {QStringLiteral("preheader"), QStringLiteral("Only today, while stocks last")},
                                                                                            {QStringLiteral("html"), html},
                                                                                            {QStringLiteral("notes"), QString()}})
                                                                      .toJson())}}});
        m_ai->setProfile(FakeOpenAI::Profile::OpenAI);
        QJsonObject refused;
        QCOMPARE(luxctl({QStringLiteral("assistant"), QStringLiteral("draft"), QStringLiteral("--brief"), QStringLiteral("a deal"),
                         QStringLiteral("--template-name"), QStringLiteral("Deal"), QStringLiteral("--json")},
                        &refused),
                 1);
        QCOMPARE(refused.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("assistant.unverified-facts"));
        const QJsonArray facts = refused.value(QStringLiteral("facts")).toArray();
        QCOMPARE(facts.size(), 1);
        QCOMPARE(facts.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("wrong_price"));
        QVERIFY(m_fx->open());
        QVERIFY(!content::TemplateStore(m_fx->db()).find(QStringLiteral("Deal")));
        m_fx->close();
    }

    void askImageAndUsage()
    {
        QJsonObject answer;
        QCOMPARE(luxctl({QStringLiteral("assistant"), QStringLiteral("ask"), QStringLiteral("Which lamps are in stock?"), QStringLiteral("--json")}, &answer), 0);
        QVERIFY(!answer.value(QStringLiteral("answer")).toString().isEmpty());
        QVERIFY(!answer.value(QStringLiteral("tools")).toArray().isEmpty());
        QVERIFY(answer.value(QStringLiteral("usage")).toObject().value(QStringLiteral("prompt_tokens")).toInt() > 0);
        // The conversation goes on.
        const QString id = QString::number(answer.value(QStringLiteral("conversation_id")).toInteger());
        QJsonObject second;
        QCOMPARE(luxctl({QStringLiteral("assistant"), QStringLiteral("ask"), QStringLiteral("And the cheapest?"), QStringLiteral("--conversation"), id, QStringLiteral("--json")}, &second), 0);
        const QJsonArray messages = m_ai->requests().last().body.toObject().value(QStringLiteral("messages")).toArray();
        QVERIFY(QJsonDocument(messages).toJson().contains("Which lamps are in stock?"));

        const QString png = m_fx->filePath(QStringLiteral("mug.png"));
        QJsonObject image;
        QCOMPARE(luxctl({QStringLiteral("ai"), QStringLiteral("image"), QStringLiteral("A blue mug"), QStringLiteral("--out"), png, QStringLiteral("--library"), QStringLiteral("--json")}, &image), 0);
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("\x89PNG"));
        QVERIFY(image.value(QStringLiteral("use_as")).toString().startsWith(QStringLiteral("cid:media-")));

        QJsonObject usage;
        QCOMPARE(luxctl({QStringLiteral("ai"), QStringLiteral("usage"), QStringLiteral("--json")}, &usage), 0);
        QCOMPARE(usage.value(QStringLiteral("images")).toInt(), 1);
        QVERIFY(usage.value(QStringLiteral("requests")).toInt() >= 5);
        QVERIFY(usage.value(QStringLiteral("completion_tokens")).toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestAssistantE2E)
#include "tst_assistante2e.moc"
