// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenAI client against the fake server over loopback (issue 16): streaming, and the error table
// case by case: how many requests reached the server and what the user is told.
#include "channels/openai/openaiclient.h"
#include "common/awaittask.h"
#include "fakeopenai.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>

using namespace lux;
using namespace lux::channels::openai;
using lux::fakes::FakeOpenAI;

class TestOpenAiClient : public QObject
{
    Q_OBJECT

    FakeOpenAI *m_fake = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QList<UsageRecord> m_usage;

    std::unique_ptr<OpenAiClient> client(const QString &key = {})
    {
        OpenAiClient::Config config;
        config.baseUrl = m_fake->baseUrl();
        config.apiKey = (key.isEmpty() ? m_fake->apiKey() : key).toUtf8();
        config.backoffMs = 40; // the server's own retry-after, when it sends one, is used instead
        auto c = std::make_unique<OpenAiClient>(m_network, config);
        c->setUsageSink([this](const UsageRecord &r) { m_usage << r; });
        return c;
    }

    static ChatRequest question(const QString &text, bool stream = true)
    {
        ChatRequest r;
        r.model = QStringLiteral("gpt-4o");
        r.messages = {ChatMessage::system(QStringLiteral("You are a test.")), ChatMessage::user(text)};
        r.stream = stream;
        return r;
    }

    int chatRequests() const
    {
        int n = 0;
        for (const FakeOpenAI::Record &r : m_fake->requests())
            n += r.path.endsWith(QLatin1String("/chat/completions"));
        return n;
    }

private Q_SLOTS:
    void init()
    {
        m_fake = new FakeOpenAI(this);
        QVERIFY(m_fake->listen());
        m_network = new QNetworkAccessManager(this);
        m_usage.clear();
    }
    void cleanup()
    {
        delete m_fake;
        delete m_network;
    }

    void streamsTheAnswerAsItArrives()
    {
        auto c = client();
        QStringList pieces;
        const OpenAiClient::TextSink sink = [&pieces](const QString &d) { pieces << d; };
        const auto streamed = awaitTask(c->chat(question(QStringLiteral("How did the spring campaign do?")), sink));
        QVERIFY2(streamed, streamed ? "" : qPrintable(streamed.error().message));
        QVERIFY(pieces.size() > 1); // in several deltas, not at the end
        QCOMPARE(pieces.join(QString()), streamed->content);
        QVERIFY(streamed->content.contains(QStringLiteral("spring campaign")));
        QCOMPARE(streamed->finishReason, QStringLiteral("stop"));
        QVERIFY(streamed->usage && streamed->usage->promptTokens > 0 && streamed->usage->completionTokens > 0);
        // The same question unstreamed gives the same text, and the second time the prompt is cached.
        const OpenAiClient::TextSink none;
        const auto whole = awaitTask(c->chat(question(QStringLiteral("How did the spring campaign do?"), false), none));
        QVERIFY(whole);
        QCOMPARE(whole->content, streamed->content);
        QVERIFY(whole->usage->cachedTokens > 0);
        QCOMPARE(m_usage.size(), 2);
        QCOMPARE(m_usage[0].outcome, QStringLiteral("ok"));
        QVERIFY(m_usage[0].usage);
        QCOMPARE(chatRequests(), 2);
    }

    void errorTable_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("failures");
        QTest::addColumn<QString>("code");   // empty: the answer arrives in the end
        QTest::addColumn<int>("requests");   // how many reached the server
        QTest::addColumn<QString>("told");   // in what the user reads
        QTest::newRow("quota: never retried") << 429 << "quota" << 5 << "openai.quota" << 1 << "no credit left";
        QTest::newRow("rate limit twice, then answered") << 429 << "rate_limit" << 2 << QString() << 3 << QString();
        QTest::newRow("rate limit throughout: at most two retries") << 429 << "rate_limit" << 9 << "openai.rate-limit" << 3 << "rate limit";
        QTest::newRow("500 twice, then answered") << 500 << "server" << 2 << QString() << 3 << QString();
        QTest::newRow("503 throughout") << 503 << "server" << 9 << "openai.server" << 3 << "HTTP 503";
        QTest::newRow("401: the key is wrong") << 401 << "auth" << 1 << "openai.key" << 1 << "Settings → Assistant";
    }
    void errorTable()
    {
        QFETCH(int, status);
        QFETCH(QString, kind);
        QFETCH(int, failures);
        QFETCH(QString, code);
        QFETCH(int, requests);
        QFETCH(QString, told);
        m_fake->failNext(status, kind, failures);
        auto c = client();
        QElapsedTimer timer;
        timer.start();
        const OpenAiClient::TextSink none;
        const auto answer = awaitTask(c->chat(question(QStringLiteral("Write a subject line")), none));
        QCOMPARE(chatRequests(), requests);
        QCOMPARE(m_usage.size(), requests); // every request is in the ledger
        if (code.isEmpty()) {
            QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
            QVERIFY(!answer->content.isEmpty());
            if (status == 429) // the fake asks for retry-after-ms 1500: it was waited for, twice
                QVERIFY2(timer.elapsed() >= 2 * 1500, qPrintable(QString::number(timer.elapsed())));
            return;
        }
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, code);
        QVERIFY2(answer.error().message.contains(told), qPrintable(answer.error().message));
        QCOMPARE(m_usage.last().outcome, code);
        QVERIFY(!m_usage.last().usage);
    }

    void wrongKeyIsAskedForAgain()
    {
        auto c = client(QStringLiteral("sk-wrong"));
        const OpenAiClient::TextSink none;
        const auto answer = awaitTask(c->chat(question(QStringLiteral("Hello")), none));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, QStringLiteral("openai.key"));
        QVERIFY(answer.error().message.contains(QStringLiteral("Incorrect API key")));
        QCOMPARE(chatRequests(), 1);
    }

    void contextLengthTrimsTheOldestTurnsOnce()
    {
        ChatRequest r = question(QStringLiteral("The first question, long ago. ") + QString(3000, u'x'));
        r.messages << ChatMessage::assistant(QStringLiteral("An old answer. ") + QString(3000, u'y'));
        r.messages << ChatMessage::user(QStringLiteral("A second question. ") + QString(3000, u'z'));
        r.messages << ChatMessage::assistant(QStringLiteral("Another answer."));
        r.messages << ChatMessage::user(QStringLiteral("And now: which subject line?"));
        m_fake->setContextChars(7000); // the whole conversation is over; without its oldest half it fits
        auto c = client();
        const OpenAiClient::TextSink none;
        const auto answer = awaitTask(c->chat(r, none));
        QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
        QCOMPARE(chatRequests(), 2);
        const QJsonArray sent = m_fake->requests().last().body.toObject().value(QStringLiteral("messages")).toArray();
        QCOMPARE(sent.first().toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system")); // kept
        QCOMPARE(sent.last().toObject().value(QStringLiteral("content")).toString(), QStringLiteral("And now: which subject line?"));
        QVERIFY(sent.size() < r.messages.size());
        // Too long even without its old turns: said once, after one trim.
        m_fake->clearRequests();
        m_fake->setContextChars(100);
        const auto refused = awaitTask(c->chat(r, none));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("openai.context-length"));
        QVERIFY(refused.error().message.contains(QStringLiteral("too long for the model")));
        QCOMPARE(chatRequests(), 2);
    }

    void streamCutOrFailingIsNotSentAgain_data()
    {
        QTest::addColumn<QJsonObject>("step");
        QTest::addColumn<QString>("code");
        QTest::newRow("cut in the middle") << QJsonObject{{QStringLiteral("content"), QStringLiteral("A long answer that will not arrive whole, cut somewhere in the middle of it.")},
                                                          {QStringLiteral("cut_after_bytes"), 900}}
                                           << "openai.stream-cut";
        QTest::newRow("an error in the stream")
            << QJsonObject{{QStringLiteral("content"), QStringLiteral("Your best campaign was the one in May, and")},
                           {QStringLiteral("mid_stream_error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("The server had an error while processing your request.")},
                                                                           {QStringLiteral("type"), QStringLiteral("server_error")}}}}
            << "openai.stream-error";
    }
    void streamCutOrFailingIsNotSentAgain()
    {
        QFETCH(QJsonObject, step);
        QFETCH(QString, code);
        m_fake->addScript(QJsonArray{step});
        auto c = client();
        QString shown;
        const OpenAiClient::TextSink sink = [&shown](const QString &d) { shown += d; };
        const auto answer = awaitTask(c->chat(question(QStringLiteral("Which campaign was best?")), sink));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, code);
        QVERIFY(!shown.isEmpty()); // the user saw part of it: not asked again behind their back
        QCOMPARE(chatRequests(), 1);
        QVERIFY(!m_usage.last().usage); // "usage unknown"
    }

    void cutBeforeAnyTextIsSentAgain()
    {
        m_fake->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("Never seen.")}, {QStringLiteral("cut_after_bytes"), 20}}});
        auto c = client();
        const OpenAiClient::TextSink none;
        const auto answer = awaitTask(c->chat(question(QStringLiteral("Hello")), none));
        QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
        QCOMPARE(chatRequests(), 2); // the first was cut in its headers' wake: nobody saw a word of it
        QCOMPARE(m_usage.first().outcome, QStringLiteral("openai.network"));
    }

    void cancelStopsAtOnce()
    {
        m_fake->addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QString(4000, u'a')}, {QStringLiteral("split"), 8}}});
        auto c = client();
        channels::Cancellation cancel;
        QString shown;
        const OpenAiClient::TextSink sink = [&shown, &cancel](const QString &d) {
            shown += d;
            if (shown.size() > 20)
                cancel.cancel();
        };
        const auto answer = awaitTask(c->chat(question(QStringLiteral("Go")), sink, &cancel));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, QStringLiteral("openai.cancelled"));
        QVERIFY(shown.size() < 4000);
        QCOMPARE(chatRequests(), 1);
        // Cancelled before it starts: nothing is sent.
        const auto never = awaitTask(c->chat(question(QStringLiteral("Go")), sink, &cancel));
        QCOMPARE(never.error().code, QStringLiteral("openai.cancelled"));
        QCOMPARE(chatRequests(), 1);
    }

    void toolCallsArriveWhole()
    {
        m_fake->addScript(QJsonArray{QJsonObject{
            {QStringLiteral("tool_calls"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("search_products")},
                                    {QStringLiteral("arguments"), QStringLiteral("{\"query\":\"blue mug\",\"limit\":5}")}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("brand_kit")}, {QStringLiteral("arguments"), QStringLiteral("{}")}}}},
            {QStringLiteral("split"), 3}}});
        auto c = client();
        ChatRequest r = question(QStringLiteral("Draft"));
        r.tools = {ToolSpec{QStringLiteral("search_products"), QStringLiteral("p"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                   ToolSpec{QStringLiteral("brand_kit"), QStringLiteral("b"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}};
        const OpenAiClient::TextSink none;
        const auto answer = awaitTask(c->chat(r, none));
        QVERIFY(answer);
        QCOMPARE(answer->finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(answer->toolCalls.size(), 2);
        QCOMPARE(answer->toolCalls[0].name, QStringLiteral("search_products"));
        QCOMPARE(answer->toolCalls[0].arguments, QStringLiteral("{\"query\":\"blue mug\",\"limit\":5}"));
        QCOMPARE(answer->toolCalls[1].name, QStringLiteral("brand_kit"));
        QVERIFY(!answer->toolCalls[0].id.isEmpty() && answer->toolCalls[0].id != answer->toolCalls[1].id);
    }

    void serverWithoutToolsIsRecognised()
    {
        m_fake->setProfile(FakeOpenAI::Profile::NoTools);
        auto c = client();
        ChatRequest r = question(QStringLiteral("Draft"));
        r.tools = {ToolSpec{QStringLiteral("brand_kit"), QStringLiteral("b"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}};
        const OpenAiClient::TextSink none;
        const auto answer = awaitTask(c->chat(r, none));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, QStringLiteral("openai.tools-unsupported"));
        QVERIFY(!c->supportsTools());
        QCOMPARE(chatRequests(), 1); // not retried as a server error
    }

    void modelsAndImages()
    {
        auto c = client();
        const auto models = awaitTask(c->models());
        QVERIFY(models);
        QVERIFY(models->contains(QStringLiteral("gpt-4o")));
        for (const QString &model : {QStringLiteral("gpt-image-1"), QStringLiteral("dall-e-3")}) {
            ImageRequest r;
            r.model = model;
            r.prompt = QStringLiteral("A blue ceramic mug on a wooden table, morning light");
            const auto image = awaitTask(c->generateImage(r));
            QVERIFY2(image, image ? "" : qPrintable(image.error().message));
            QCOMPARE(image->size, QSize(1024, 1024));
            QVERIFY(image->data.startsWith("\x89PNG"));
            if (model == u"dall-e-3")
                QVERIFY(!image->revisedPrompt.isEmpty());
        }
        QCOMPARE(m_usage.last().images, 1);
        ImageRequest wrong;
        wrong.model = QStringLiteral("dall-e-3");
        wrong.prompt = QStringLiteral("x");
        wrong.size = QStringLiteral("512x512");
        const auto refused = awaitTask(c->generateImage(wrong));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("openai.request"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("size")), qPrintable(refused.error().message));
        m_fake->setProfile(FakeOpenAI::Profile::Ollama); // no images there
        ImageRequest r;
        r.model = QStringLiteral("gpt-image-1");
        r.prompt = QStringLiteral("x");
        QVERIFY(!awaitTask(c->generateImage(r)));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiClient)
#include "tst_openaiclient.moc"
