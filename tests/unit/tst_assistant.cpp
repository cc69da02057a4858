// SPDX-License-Identifier: GPL-3.0-or-later
// LUX, the assistant (issue 16), on a real database and the fake OpenAI server over loopback, as the
// OpenAI API, as Ollama (tool_choice ignored, no usage when cached) and as a server without tools: a
// turn grounded in the tools (or the data gathered first), personal data offered only when allowed,
// structured answers validated locally and sent back once, drafts checked beyond the schema.
#include "assistant/assistant.h"
#include "assistant/drafts.h"
#include "assistant/jsonschema.h"
#include "common/awaittask.h"
#include "content/templatestore.h"
#include "databasefixture.h"
#include "fakeopenai.h"
#include "sms/optout.h"
#include "sms/segments.h"
#include "social/postchecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace lux;
using namespace lux::assistant;
using lux::fakes::FakeOpenAI;
using channels::openai::ChatMessage;
using channels::openai::OpenAiClient;

class TestAssistant : public QObject
{
    Q_OBJECT

    std::optional<test::DatabaseFixture> m_fx;
    FakeOpenAI *m_fake = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<OpenAiClient> m_client;
    std::unique_ptr<Assistant> m_lux;

    void start(FakeOpenAI::Profile profile)
    {
        m_fake->setProfile(profile);
        OpenAiClient::Config config;
        config.baseUrl = m_fake->baseUrl();
        config.apiKey = m_fake->apiKey().toUtf8();
        config.backoffMs = 40;
        m_client = std::make_unique<OpenAiClient>(m_network, config);
        m_lux = std::make_unique<Assistant>(m_client.get(), m_fx->path(), QStringLiteral("gpt-4o"));
    }

    QList<QJsonObject> chatBodies() const
    {
        QList<QJsonObject> out;
        for (const FakeOpenAI::Record &r : m_fake->requests())
            if (r.path.endsWith(QLatin1String("/chat/completions")))
                out << r.body.toObject();
        return out;
    }

    static QStringList toolNames(const QJsonObject &body)
    {
        QStringList names;
        for (const QJsonValue &t : body.value(QStringLiteral("tools")).toArray())
            names << t.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString();
        return names;
    }

    static void profiles()
    {
        QTest::addColumn<int>("profile");
        QTest::newRow("openai") << int(FakeOpenAI::Profile::OpenAI);
        QTest::newRow("ollama") << int(FakeOpenAI::Profile::Ollama);
        QTest::newRow("no tools") << int(FakeOpenAI::Profile::NoTools);
    }

private Q_SLOTS:
    void init()
    {
        m_fx.emplace();
        QVERIFY(m_fx->open());
        content::TemplateStore store(m_fx->db());
        QVERIFY(store.saveBrandKit(QStringLiteral("Acme"),
                                   QJsonObject{{QStringLiteral("primary_color"), QStringLiteral("#0b5fff")},
                                               {QStringLiteral("secondary_color"), QStringLiteral("#ff6a00")},
                                               {QStringLiteral("font_family"), QStringLiteral("Georgia, serif")},
                                               {QStringLiteral("address"), QStringLiteral("1 Main St, Springfield")}},
                                   true, std::nullopt));
        const auto ana = m_fx->addContact(QStringLiteral("ana@example.com"), QStringLiteral("Ana"), {QStringLiteral("customers")});
        const auto bo = m_fx->addContact(QStringLiteral("bo@example.com"), QStringLiteral("Bo"), {QStringLiteral("customers")});
        QVERIFY(ana && bo);
        const qint64 day = QDateTime::currentMSecsSinceEpoch() - 3 * 86'400'000;
        const auto campaign = m_fx->addCampaign(QStringLiteral("Autumn Sale"), QStringLiteral("sent"), day, QStringLiteral("Autumn"));
        QVERIFY(campaign);
        const auto row1 = m_fx->addOutboxRow(*campaign, *ana, QStringLiteral("sent"), QStringLiteral("a@x"), day);
        const auto row2 = m_fx->addOutboxRow(*campaign, *bo, QStringLiteral("sent"), QStringLiteral("b@x"), day);
        QVERIFY(row1 && row2);
        QVERIFY(m_fx->addTrackingEvent(*row1, QStringLiteral("open"), day + 60'000));
        QVERIFY(m_fx->addTrackingEvent(*row2, QStringLiteral("open"), day + 60'000, true));
        m_fake = new FakeOpenAI(this);
        QVERIFY(m_fake->listen());
        m_network = new QNetworkAccessManager(this);
    }
    void cleanup()
    {
        m_lux.reset();
        m_client.reset();
        delete m_fake;
        delete m_network;
        m_fx.reset();
    }

    void aTurnIsGroundedInTheData_data() { profiles(); }
    void aTurnIsGroundedInTheData()
    {
        QFETCH(int, profile);
        start(FakeOpenAI::Profile(profile));
        QString streamed;
        const Assistant::TextSink sink = [&streamed](const QString &d) { streamed += d; };
        const auto turn = awaitTask(m_lux->ask({ChatMessage::user(QStringLiteral("Why did my last campaign do worse?"))}, {}, sink));
        QVERIFY2(turn, turn ? "" : qPrintable(turn.error().message));
        QCOMPARE(streamed, turn->text);
        // The answer quotes what the tools read from this database: the campaign and the brand kit.
        QVERIFY2(turn->text.contains(QStringLiteral("Autumn Sale")), qPrintable(turn->text));
        QVERIFY(turn->text.contains(QStringLiteral("#0b5fff")));
        QStringList kinds;
        for (const Source &s : turn->sources)
            kinds << s.kind;
        QVERIFY2(kinds.contains(QStringLiteral("campaign_results")) && kinds.contains(QStringLiteral("brand_kit")), qPrintable(kinds.join(u',')));
        const QString line = ConversationStore::sourcesLine(turn->sources);
        QVERIFY2(line.contains(QStringLiteral("1 campaign report")) && line.contains(QStringLiteral("the brand kit")), qPrintable(line));
        const QList<QJsonObject> bodies = chatBodies();
        if (FakeOpenAI::Profile(profile) == FakeOpenAI::Profile::NoTools) {
            // Refused with tools, then asked again with the data in the prompt.
            QVERIFY(turn->gatheredFirst);
            QCOMPARE(bodies.size(), 2);
            QVERIFY(!bodies.last().contains(QStringLiteral("tools")));
            QVERIFY(!m_client->supportsTools());
            QCOMPARE(turn->added.size(), 1);
        } else {
            QVERIFY(!turn->gatheredFirst);
            QCOMPARE(bodies.size(), 2); // the tool calls, then the answer
            QCOMPARE(turn->added.first().toolCalls.size(), toolNames(bodies.first()).size());
            QCOMPARE(turn->added.last().role, QStringLiteral("assistant"));
            // Aggregates only: no tool that reads contacts' own data was offered.
            QVERIFY(!toolNames(bodies.first()).contains(QStringLiteral("find_contacts")));
            QVERIFY(!turn->text.contains(QStringLiteral("ana@example.com")));
        }
    }

    void personalDataOnlyWhenAllowed()
    {
        start(FakeOpenAI::Profile::OpenAI);
        Assistant::Options options;
        options.personalData = true;
        const Assistant::TextSink none;
        const auto turn = awaitTask(m_lux->ask({ChatMessage::user(QStringLiteral("ana"))}, options, none));
        QVERIFY2(turn, turn ? "" : qPrintable(turn.error().message));
        QVERIFY(toolNames(chatBodies().first()).contains(QStringLiteral("find_contacts")));
        QVERIFY(turn->text.contains(QStringLiteral("ana@example.com")));
        QVERIFY(ConversationStore::sourcesLine(turn->sources).contains(QStringLiteral("contact")));
    }

    void subjectLinesInEveryProfile_data() { profiles(); }
    void subjectLinesInEveryProfile()
    {
        QFETCH(int, profile);
        start(FakeOpenAI::Profile(profile));
        Drafts drafts(m_lux.get());
        const auto lines = awaitTask(drafts.subjectLines(QStringLiteral("Autumn sale: 20% off knitwear this weekend"), {}));
        QVERIFY2(lines, lines ? "" : qPrintable(lines.error().message));
        QCOMPARE(lines->size(), 5);
        QCOMPARE(QSet<QString>(lines->cbegin(), lines->cend()).size(), 5);
        const QJsonObject format = chatBodies().first().value(QStringLiteral("response_format")).toObject();
        QCOMPARE(format.value(QStringLiteral("type")).toString(), QStringLiteral("json_schema"));
        QCOMPARE(format.value(QStringLiteral("json_schema")).toObject().value(QStringLiteral("strict")).toBool(), true);
    }

    void anInvalidAnswerIsSentBackOnce()
    {
        start(FakeOpenAI::Profile::OpenAI);
        Drafts drafts(m_lux.get());
        m_fake->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("{\"txet\": \"Hola\"}")}},
                                     QJsonObject{{QStringLiteral("content"), QStringLiteral("{\"text\": \"Hola, Ana\"}")}}});
        const auto rewritten = awaitTask(drafts.rewrite(QStringLiteral("Hi Ana"), QStringLiteral("in Spanish"), {}));
        QVERIFY2(rewritten, rewritten ? "" : qPrintable(rewritten.error().message));
        QCOMPARE(*rewritten, QStringLiteral("Hola, Ana"));
        const QList<QJsonObject> bodies = chatBodies();
        QCOMPARE(bodies.size(), 2);
        const QJsonArray second = bodies.last().value(QStringLiteral("messages")).toArray();
        QVERIFY(second.last().toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("text")));
        // The server ignored the schema: JSON mode with the schema in the prompt from then on.
        QCOMPARE(bodies.last().value(QStringLiteral("response_format")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("json_object"));
        // Wrong twice: said, with what was wrong, and no third request.
        m_fake->clearRequests();
        m_fake->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("not JSON at all")}},
                                     QJsonObject{{QStringLiteral("content"), QStringLiteral("{\"text\": 42}")}}});
        const auto refused = awaitTask(drafts.rewrite(QStringLiteral("Hi"), QStringLiteral("shorter"), {}));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("assistant.invalid-answer"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("/text")), qPrintable(refused.error().message));
        QCOMPARE(chatBodies().size(), 2);
    }

    void smsFitsItsPartsByOurCount()
    {
        start(FakeOpenAI::Profile::OpenAI);
        Drafts drafts(m_lux.get());
        const QString tooLong = QStringLiteral("Acme: Our autumn sale starts now, with twenty percent off every knitted jumper, scarf and "
                                               "hat in the shop, and free delivery on orders over fifty euros until Sunday night!");
        const QString fits = QStringLiteral("Acme: 20% off knitwear until Sunday. acme.example/sale");
        m_fake->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("text"), tooLong}}).toJson())}},
                                     QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("text"), fits}}).toJson())}}});
        const auto text = awaitTask(drafts.sms(QStringLiteral("autumn knitwear sale"), 1, {}));
        QVERIFY2(text, text ? "" : qPrintable(text.error().message));
        QVERIFY(text->startsWith(fits));
        QVERIFY(sms::OptOut::hasLine(*text));
        QCOMPARE(sms::Segments::count(*text).segments, 1);
        const QJsonArray second = chatBodies().last().value(QStringLiteral("messages")).toArray();
        QVERIFY(second.last().toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("segment")));
    }

    void captionWithinTheNetworksRules()
    {
        // Instagram: a first answer whose hashtags, added to the caption, are more than Instagram takes
        // is sent back with Instagram's own reason; the second fits, counted by social::PostChecks.
        start(FakeOpenAI::Profile::OpenAI);
        Drafts drafts(m_lux.get());
        QJsonArray tooMany, fine;
        for (int i = 0; i < 31; ++i)
            tooMany.append(QStringLiteral("#knit%1").arg(i));
        for (const char *tag : {"#knitwear", "autumn", "#slowfashion"})
            fine.append(QString::fromLatin1(tag));
        const auto answer = [](const QString &caption, const QJsonArray &tags) {
            return QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("caption"), caption},
                                                                                                       {QStringLiteral("hashtags"), tags}})
                                                                                 .toJson())}};
        };
        m_fake->addScript(QJsonArray{answer(QStringLiteral("Warm jumpers are back."), tooMany),
                                     answer(QStringLiteral("Warm jumpers are back, in six colours."), fine)});
        const auto made = awaitTask(drafts.caption(social::Network::Instagram, QStringLiteral("autumn knitwear"), false, {}));
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QCOMPARE(made->text, QStringLiteral("Warm jumpers are back, in six colours."));
        QCOMPARE(made->hashtags, (QStringList{QStringLiteral("#knitwear"), QStringLiteral("#autumn"), QStringLiteral("#slowfashion")}));
        const social::PostCheck check = social::PostChecks::check(social::Network::Instagram, Drafts::withHashtags(*made), {});
        QCOMPARE(check.hashtags, 3);
        for (const social::Finding &f : check.findings)
            QVERIFY2(!f.blocking || f.field != social::Finding::Field::Text, qPrintable(f.message));
        QCOMPARE(chatBodies().size(), 2);
        const QJsonArray second = chatBodies().last().value(QStringLiteral("messages")).toArray();
        QVERIFY2(second.last().toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("30")),
                 qPrintable(second.last().toObject().value(QStringLiteral("content")).toString()));
    }

    void segmentRulesMustCompile()
    {
        start(FakeOpenAI::Profile::OpenAI);
        Drafts drafts(m_lux.get());
        const QJsonObject bad{{QStringLiteral("name"), QStringLiteral("Spain")},
                              {QStringLiteral("explanation"), QStringLiteral("Contacts in Spain.")},
                              {QStringLiteral("rules"), QJsonObject{{QStringLiteral("match"), QStringLiteral("all")},
                                                                   {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("planet")},
                                                                                                                    {QStringLiteral("op"), QStringLiteral("equals")},
                                                                                                                    {QStringLiteral("value"), QStringLiteral("ES")}}}}}}};
        QJsonObject good = bad;
        good.insert(QStringLiteral("rules"),
                    QJsonObject{{QStringLiteral("match"), QStringLiteral("all")},
                                {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("country")},
                                                                                 {QStringLiteral("op"), QStringLiteral("equals")},
                                                                                 {QStringLiteral("value"), QStringLiteral("ES")}},
                                                                     QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                                                                                 {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("tag")},
                                                                                                                                  {QStringLiteral("op"), QStringLiteral("has")},
                                                                                                                                  {QStringLiteral("value"), QStringLiteral("customers")}},
                                                                                                                     QJsonObject{{QStringLiteral("field"), QStringLiteral("phone_type")},
                                                                                                                                 {QStringLiteral("op"), QStringLiteral("textable")},
                                                                                                                                 {QStringLiteral("value"), QJsonValue()}}}}}}}});
        m_fake->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(bad).toJson())}},
                                     QJsonObject{{QStringLiteral("content"), QString::fromUtf8(QJsonDocument(good).toJson())}}});
        const auto segment = awaitTask(drafts.segment(QStringLiteral("customers in Spain"), {}));
        QVERIFY2(segment, segment ? "" : qPrintable(segment.error().message));
        // In the segment format: the null value of an operator without one is left out.
        const QJsonArray rules = segment->rules.value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 2);
        QVERIFY(!rules.at(1).toObject().value(QStringLiteral("rules")).toArray().at(1).toObject().contains(QStringLiteral("value")));
        QVERIFY(contacts::Segment::compile(segment->rules, 0));
        QCOMPARE(chatBodies().size(), 2);
    }

    void theAppsSchemasAreStrictModeSchemas()
    {
        for (const QJsonObject &schema : {Drafts::campaignSchema(), Drafts::subjectLinesSchema(), Drafts::rewriteSchema(),
                                          Drafts::segmentSchema(), Drafts::smsSchema(), Drafts::altTextSchema(), Drafts::captionSchema()}) {
            QVERIFY(JsonSchema::compile(schema));
            const QStringList problems = JsonSchema::strictModeProblems(schema);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        }
        for (const channels::openai::ToolSpec &tool : AssistantTools(true).specs()) {
            const QStringList problems = JsonSchema::strictModeProblems(tool.parameters);
            QVERIFY2(problems.isEmpty(), qPrintable(tool.name + u": " + problems.join(u'\n')));
        }
    }
};

QTEST_GUILESS_MAIN(TestAssistant)
#include "tst_assistant.moc"
