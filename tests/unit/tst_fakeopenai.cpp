// SPDX-License-Identifier: GPL-3.0-or-later
// The fake OpenAI holds to the contract (docs: provider-contracts.md §3) over real HTTP on loopback: a
// stream read as it arrives reassembles to the answer the same request gets unstreamed; tool calls come
// in fragments and interleaved; the default model calls its tools, then quotes them, and builds a
// campaign draft from them; the context limit lets a shorter request through; every error OpenAI sends;
// the Ollama and llama.cpp profiles; images decode to PNGs of the asked size; requests are recorded. What
// the OpenAI client is measured against must itself be right.
#include "fakeopenai.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using lux::fakes::FakeOpenAI;

namespace {

const QByteArray kKey = "sk-fake-0123456789";

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QByteArray> events; // the data of each server-sent event, in order
    int reads = 0;            // readyRead signals: the stream came in pieces
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject error_() const { return json().value(QStringLiteral("error")).toObject(); }
    QString errorField(const char *name) const { return error_().value(QLatin1String(name)).toString(); }
};

// An SSE reader fed as bytes arrive: comments and empty events skipped, `data:` lines joined.
struct SseReader
{
    QByteArray buffer;
    QByteArray data;
    QList<QByteArray> events;
    void feed(const QByteArray &bytes)
    {
        buffer += bytes;
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            QByteArray line = buffer.left(nl);
            buffer.remove(0, nl + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty()) {
                if (!data.isEmpty())
                    events.append(data);
                data.clear();
            } else if (line.startsWith("data:")) {
                data += line.mid(line.startsWith("data: ") ? 6 : 5);
            }
        }
    }
};

// What a stream of chat.completion.chunk events adds up to.
struct Assembled
{
    QString role, content, finishReason;
    QJsonArray toolCalls; // {id, name, arguments}
    QList<int> fragments; // per tool call: argument fragments seen
    QList<int> order;     // the index of every tool-call delta, in order
    QJsonObject usage;
    bool done = false;
    QJsonObject error;
};

Assembled assemble(const QList<QByteArray> &events)
{
    Assembled a;
    for (const QByteArray &e : events) {
        if (e == "[DONE]") {
            a.done = true;
            continue;
        }
        const QJsonObject chunk = QJsonDocument::fromJson(e).object();
        if (chunk.contains(QStringLiteral("error")))
            a.error = chunk.value(QStringLiteral("error")).toObject();
        if (chunk.value(QStringLiteral("usage")).isObject())
            a.usage = chunk.value(QStringLiteral("usage")).toObject();
        const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
        for (const QJsonValue &c : choices) {
            const QJsonObject delta = c.toObject().value(QStringLiteral("delta")).toObject();
            if (delta.contains(QStringLiteral("role")))
                a.role = delta.value(QStringLiteral("role")).toString();
            a.content += delta.value(QStringLiteral("content")).toString();
            const QJsonArray calls = delta.value(QStringLiteral("tool_calls")).toArray();
            for (const QJsonValue &v : calls) {
                const QJsonObject call = v.toObject();
                const int index = call.value(QStringLiteral("index")).toInt();
                a.order.append(index);
                while (a.toolCalls.size() <= index) {
                    a.toolCalls.append(QJsonObject());
                    a.fragments.append(0);
                }
                QJsonObject t = a.toolCalls.at(index).toObject();
                if (call.contains(QStringLiteral("id")))
                    t.insert(QStringLiteral("id"), call.value(QStringLiteral("id")));
                const QJsonObject f = call.value(QStringLiteral("function")).toObject();
                if (f.contains(QStringLiteral("name")))
                    t.insert(QStringLiteral("name"), f.value(QStringLiteral("name")));
                const QString piece = f.value(QStringLiteral("arguments")).toString();
                if (!piece.isEmpty())
                    ++a.fragments[index];
                t.insert(QStringLiteral("arguments"), QString(t.value(QStringLiteral("arguments")).toString() + piece));
                a.toolCalls[index] = t;
            }
            if (c.toObject().value(QStringLiteral("finish_reason")).isString())
                a.finishReason = c.toObject().value(QStringLiteral("finish_reason")).toString();
        }
    }
    return a;
}

QJsonObject user(const QString &text)
{
    return QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), text}};
}

QJsonObject tool(const QString &name, const QJsonObject &properties, const QStringList &required)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                       {QStringLiteral("function"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("description"), QStringLiteral("a tool")},
                                    {QStringLiteral("parameters"),
                                     QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                 {QStringLiteral("properties"), properties},
                                                 {QStringLiteral("required"), QJsonArray::fromStringList(required)}}}}}};
}

QJsonObject prop(const char *type)
{
    return QJsonObject{{QStringLiteral("type"), QLatin1String(type)}};
}

} // namespace

class TestFakeOpenAI : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void streamEqualsTheAnswerUnstreamed();
    void toolCallsComeInFragmentsAndInterleaved();
    void toolResultsAreQuotedAndDraftBuiltFromThem();
    void structuredOutputAndInvalidOnDemand();
    void contextLimitLetsAShorterRequestThrough();
    void cachedTokensCountTheSeenPrefix();
    void validationNamesTheParam();
    void errors();
    void scriptedStreams();
    void profiles();
    void images();
    void recording();
    void standaloneExecutable();

private:
    Answer call(const QByteArray &method, const QString &path, const QJsonValue &body = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                const QByteArray &key = kKey);
    Answer chat(const QJsonObject &body, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return call("POST", QStringLiteral("/v1/chat/completions"), body, headers);
    }
    Answer control(const QByteArray &method, const QString &path, const QJsonValue &body = {})
    {
        return call(method, path, body, {}, {});
    }

    std::unique_ptr<FakeOpenAI> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeOpenAI::init()
{
    m_fake = std::make_unique<FakeOpenAI>();
    QVERIFY(m_fake->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeOpenAI::cleanup()
{
    m_nam.reset();
    m_fake.reset();
}

Answer TestFakeOpenAI::call(const QByteArray &method, const QString &path, const QJsonValue &body,
                            const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &key)
{
    QNetworkRequest request(QUrl(m_fake->rootUrl().toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    const QByteArray payload = body.isObject()  ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                               : body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                                : QByteArray();
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, payload);
    Answer a;
    SseReader reader;
    connect(reply, &QNetworkReply::readyRead, reply, [reply, &a, &reader] {
        const QByteArray bytes = reply->readAll();
        ++a.reads;
        a.body += bytes;
        reader.feed(bytes);
    });
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
    }
    const QByteArray rest = reply->readAll();
    a.body += rest;
    reader.feed(rest);
    a.events = reader.events;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        a.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return a;
}

void TestFakeOpenAI::streamEqualsTheAnswerUnstreamed()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o")},
                           {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("Which subject line works best for a spring sale?"))}}};
    const Answer plain = chat(body);
    QCOMPARE(plain.status, 200);
    const QJsonObject choice = plain.json().value(QStringLiteral("choices")).toArray().first().toObject();
    const QString content = choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString();
    QVERIFY(content.startsWith(QStringLiteral("You asked: Which subject line works best for a spring sale?")));
    QCOMPARE(plain.json().value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));

    QJsonObject streamed = body;
    streamed.insert(QStringLiteral("stream"), true);
    streamed.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    const Answer s = chat(streamed);
    QCOMPARE(s.status, 200);
    QVERIFY(s.headers.value("content-type").startsWith("text/event-stream"));
    QVERIFY2(s.reads > 3, "the stream arrived in pieces");
    QVERIFY(s.body.contains(": keep-alive\n\n"));
    QVERIFY(s.body.contains("\n\n\n")); // a stray blank line
    const Assembled a = assemble(s.events);
    QCOMPARE(a.role, QStringLiteral("assistant"));
    QCOMPARE(a.content, content);
    QCOMPARE(a.finishReason, QStringLiteral("stop"));
    QVERIFY(a.done);
    QVERIFY(s.events.size() > 6); // several small deltas
    QCOMPARE(a.usage.value(QStringLiteral("completion_tokens")).toInt(),
             plain.json().value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInt());
    // The usage chunk has no choices; it comes just before [DONE].
    QCOMPARE(QJsonDocument::fromJson(s.events.at(s.events.size() - 2)).object().value(QStringLiteral("choices")).toArray().size(), 0);
}

void TestFakeOpenAI::toolCallsComeInFragmentsAndInterleaved()
{
    const QJsonArray tools{tool(QStringLiteral("find_products"),
                                QJsonObject{{QStringLiteral("query"), prop("string")}, {QStringLiteral("limit"), prop("integer")},
                                            {QStringLiteral("on_sale"), prop("boolean")},
                                            {QStringLiteral("sort"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                                 {QStringLiteral("enum"), QJsonArray{QStringLiteral("price"), QStringLiteral("date")}}}}},
                                {QStringLiteral("query"), QStringLiteral("limit"), QStringLiteral("sort"), QStringLiteral("on_sale")}),
                           tool(QStringLiteral("audience_stats"), QJsonObject{{QStringLiteral("segment"), prop("string")}, {QStringLiteral("days"), prop("integer")}},
                                {QStringLiteral("segment")}),
                           tool(QStringLiteral("brand_kit"), QJsonObject{}, {})};
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("stream"), true},
                           {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("Spring shoes newsletter"))}}, {QStringLiteral("tools"), tools}};
    const Answer s = chat(body);
    QCOMPARE(s.status, 200);
    const Assembled a = assemble(s.events);
    QCOMPARE(a.finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(a.toolCalls.size(), 3);
    QCOMPARE(a.toolCalls.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("find_products"));
    QVERIFY(a.toolCalls.at(0).toObject().value(QStringLiteral("id")).toString().startsWith(QStringLiteral("call_")));
    const QJsonObject args = QJsonDocument::fromJson(a.toolCalls.at(0).toObject().value(QStringLiteral("arguments")).toString().toUtf8()).object();
    QCOMPARE(args.value(QStringLiteral("query")).toString(), QStringLiteral("Spring shoes newsletter"));
    QCOMPARE(args.value(QStringLiteral("limit")).toInt(), 10);
    QCOMPARE(args.value(QStringLiteral("on_sale")).toBool(true), false);
    QCOMPARE(args.value(QStringLiteral("sort")).toString(), QStringLiteral("price"));
    const QJsonObject stats = QJsonDocument::fromJson(a.toolCalls.at(1).toObject().value(QStringLiteral("arguments")).toString().toUtf8()).object();
    QCOMPARE(stats.keys(), QStringList{QStringLiteral("segment")}); // required only
    QVERIFY(a.fragments.at(0) > 2);
    QVERIFY(a.fragments.at(1) > 2);
    QVERIFY2(!std::is_sorted(a.order.cbegin(), a.order.cend()), "the calls take turns");

    // X-Fake-Tools narrows the calls; unstreamed they come whole.
    QJsonObject unstreamed = body;
    unstreamed.remove(QStringLiteral("stream"));
    const Answer one = chat(unstreamed, {{"X-Fake-Tools", "brand_kit"}});
    const QJsonArray calls = one.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("tool_calls")].toArray();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first()[QStringLiteral("function")][QStringLiteral("name")].toString(), QStringLiteral("brand_kit"));
    QCOMPARE(calls.first()[QStringLiteral("function")][QStringLiteral("arguments")].toString(), QStringLiteral("{}"));
}

void TestFakeOpenAI::toolResultsAreQuotedAndDraftBuiltFromThem()
{
    const QJsonArray tools{tool(QStringLiteral("brand_kit"), QJsonObject{}, {}), tool(QStringLiteral("find_products"), QJsonObject{}, {})};
    QJsonArray messages{user(QStringLiteral("Draft the spring campaign"))};
    const Answer first = chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages}, {QStringLiteral("tools"), tools}});
    const QJsonObject assistant = first.json()[QStringLiteral("choices")][0][QStringLiteral("message")].toObject();
    const QJsonArray calls = assistant.value(QStringLiteral("tool_calls")).toArray();
    QCOMPARE(calls.size(), 2);
    messages.append(assistant);
    const QByteArray brand = R"({"brand":{"primary_color":"#aa0000","secondary_color":"#00bb00","font_family":"Georgia"}})";
    const QByteArray products = R"({"products":[{"name":"Trail Runner & Co","price":"89.90","sku":"TR-1","permalink":"https://shop.example/tr"},{"name":"Rain Jacket","price":120}]})";
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("tool")}, {QStringLiteral("tool_call_id"), calls.at(0)[QStringLiteral("id")]},
                                {QStringLiteral("content"), QString::fromUtf8(brand)}});
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("tool")}, {QStringLiteral("tool_call_id"), calls.at(1)[QStringLiteral("id")]},
                                {QStringLiteral("content"), QString::fromUtf8(products)}});

    // Plain text quotes what the tools said.
    const Answer text = chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages}, {QStringLiteral("tools"), tools}});
    QCOMPARE(text.status, 200);
    const QString said = text.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString();
    QVERIFY2(said.contains(QStringLiteral("From the tool brand_kit: ") + QString::fromUtf8(brand)), qPrintable(said));

    // The campaign draft is built from them.
    const QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                             {QStringLiteral("properties"), QJsonObject{{QStringLiteral("subject"), prop("string")}, {QStringLiteral("preheader"), prop("string")},
                                                                        {QStringLiteral("html"), prop("string")}}},
                             {QStringLiteral("required"), QJsonArray{QStringLiteral("subject"), QStringLiteral("preheader"), QStringLiteral("html")}},
                             {QStringLiteral("additionalProperties"), false}};
    const QJsonObject format{{QStringLiteral("type"), QStringLiteral("json_schema")},
                             {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), QStringLiteral("campaign_draft")}, {QStringLiteral("strict"), true},
                                                                         {QStringLiteral("schema"), schema}}}};
    const Answer draft = chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages},
                                          {QStringLiteral("tools"), tools}, {QStringLiteral("response_format"), format}});
    QCOMPARE(draft.status, 200);
    const QJsonObject d = QJsonDocument::fromJson(draft.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString().toUtf8()).object();
    const QString html = d.value(QStringLiteral("html")).toString();
    QVERIFY(html.contains(QStringLiteral("Trail Runner &amp; Co")));
    QVERIFY(html.contains(QStringLiteral("TR-1")));
    QVERIFY(html.contains(QStringLiteral(">89.90<")));
    QVERIFY(html.contains(QStringLiteral(">120<")));
    QVERIFY(html.contains(QStringLiteral("href=\"https://shop.example/tr\"")));
    QVERIFY(html.contains(QStringLiteral("#aa0000")) && html.contains(QStringLiteral("#00bb00")) && html.contains(QStringLiteral("Georgia")));
    QVERIFY(html.contains(QStringLiteral("{{unsubscribe_url}}")) && html.contains(QStringLiteral("{{brand.postal_address}}")));
    QVERIFY(d.value(QStringLiteral("subject")).toString().contains(QStringLiteral("Trail Runner & Co")));
    QVERIFY(d.value(QStringLiteral("preheader")).toString().contains(QStringLiteral("89.90")));
    QCOMPARE(d.keys().size(), 3);
}

void TestFakeOpenAI::structuredOutputAndInvalidOnDemand()
{
    const QJsonObject schema{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("lines"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("minItems"), 3},
                                                           {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                                                 {QStringLiteral("maxLength"), 20}}}}},
                     {QStringLiteral("tone"), QJsonObject{{QStringLiteral("enum"), QJsonArray{QStringLiteral("playful"), QStringLiteral("formal")}}}},
                     {QStringLiteral("count"), prop("integer")}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("lines"), QStringLiteral("tone"), QStringLiteral("count")}}};
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
                           {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("Write subject lines about our summer garden furniture sale"))}},
                           {QStringLiteral("response_format"), QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                                                                           {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), QStringLiteral("subject_lines")},
                                                                                                                       {QStringLiteral("schema"), schema}}}}}};
    const Answer good = chat(body);
    QCOMPARE(good.status, 200);
    const QJsonObject o = QJsonDocument::fromJson(good.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString().toUtf8()).object();
    const QJsonArray lines = o.value(QStringLiteral("lines")).toArray();
    QCOMPARE(lines.size(), 3);
    for (const QJsonValue &l : lines)
        QVERIFY(!l.toString().isEmpty() && l.toString().size() <= 20);
    QVERIFY(lines.at(0) != lines.at(1));
    QCOMPARE(o.value(QStringLiteral("tone")).toString(), QStringLiteral("playful"));
    QCOMPARE(o.value(QStringLiteral("count")).toInt(), 10);

    const Answer bad = chat(body, {{"X-Fake-Invalid", "1"}});
    const QJsonObject b = QJsonDocument::fromJson(bad.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString().toUtf8()).object();
    QVERIFY(!b.contains(QStringLiteral("lines")));
    QVERIFY(b.value(QStringLiteral("count")).isString() || b.value(QStringLiteral("tone")).isDouble());

    QJsonObject jsonMode = body;
    jsonMode.insert(QStringLiteral("response_format"), QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}});
    QCOMPARE(chat(jsonMode).errorField("param"), QStringLiteral("messages")); // the word "json" is missing
    jsonMode.insert(QStringLiteral("messages"), QJsonArray{user(QStringLiteral("Answer in JSON please"))});
    const Answer j = chat(jsonMode);
    QVERIFY(QJsonDocument::fromJson(j.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString().toUtf8()).isObject());
}

void TestFakeOpenAI::contextLimitLetsAShorterRequestThrough()
{
    m_fake->setContextChars(1000);
    QJsonArray messages;
    for (int i = 0; i < 6; ++i)
        messages.append(user(QString(300, QLatin1Char('a' + i))));
    const Answer over = chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages}});
    QCOMPARE(over.status, 400);
    QCOMPARE(over.errorField("code"), QStringLiteral("context_length_exceeded"));
    QCOMPARE(over.errorField("param"), QStringLiteral("messages"));
    QVERIFY(over.errorField("message").contains(QStringLiteral("maximum context length is 250 tokens")));
    while (messages.size() > 3)
        messages.removeFirst(); // the client drops its oldest turns
    QCOMPARE(chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages}}).status, 200);
}

void TestFakeOpenAI::cachedTokensCountTheSeenPrefix()
{
    const QJsonObject system{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), QString(400, QLatin1Char('s'))}};
    QJsonArray messages{system, user(QStringLiteral("first question"))};
    const Answer a = chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages}});
    QCOMPARE(a.json()[QStringLiteral("usage")][QStringLiteral("prompt_tokens_details")][QStringLiteral("cached_tokens")].toInt(), 0);
    QCOMPARE(a.json()[QStringLiteral("usage")][QStringLiteral("prompt_tokens")].toInt(), (400 + 14 + 3) / 4);
    messages.append(a.json()[QStringLiteral("choices")][0][QStringLiteral("message")]);
    messages.append(user(QStringLiteral("second question")));
    const Answer b = chat(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), messages}});
    QCOMPARE(b.json()[QStringLiteral("usage")][QStringLiteral("prompt_tokens_details")][QStringLiteral("cached_tokens")].toInt(), (400 + 14 + 3) / 4);
}

void TestFakeOpenAI::validationNamesTheParam()
{
    const QJsonObject orphan{{QStringLiteral("model"), QStringLiteral("gpt-4o")},
                             {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi")),
                                                                     QJsonObject{{QStringLiteral("role"), QStringLiteral("tool")},
                                                                                 {QStringLiteral("tool_call_id"), QStringLiteral("call_99")},
                                                                                 {QStringLiteral("content"), QStringLiteral("{}")}}}}};
    const Answer a = chat(orphan);
    QCOMPARE(a.status, 400);
    QCOMPARE(a.errorField("type"), QStringLiteral("invalid_request_error"));
    QCOMPARE(a.errorField("param"), QStringLiteral("messages.[1].role"));

    const QJsonObject badName{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi"))}},
                              {QStringLiteral("response_format"), QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                                                                              {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), QStringLiteral("has space")},
                                                                                                                          {QStringLiteral("schema"), QJsonObject{}}}}}}};
    QCOMPARE(chat(badName).errorField("param"), QStringLiteral("response_format.json_schema.name"));
    const QJsonObject role{{QStringLiteral("model"), QStringLiteral("gpt-4o")},
                           {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("robot")}, {QStringLiteral("content"), QStringLiteral("x")}}}}};
    QCOMPARE(chat(role).errorField("param"), QStringLiteral("messages[0].role"));
    const QJsonObject options{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi"))}},
                              {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};
    QCOMPARE(chat(options).errorField("param"), QStringLiteral("stream_options"));
    const QJsonObject choice{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi"))}},
                             {QStringLiteral("tool_choice"), QStringLiteral("auto")}};
    QCOMPARE(chat(choice).errorField("param"), QStringLiteral("tool_choice"));
    QCOMPARE(chat(QJsonObject{{QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi"))}}}).errorField("param"), QStringLiteral("model"));
}

void TestFakeOpenAI::errors()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi"))}}};
    const Answer wrongKey = call("POST", QStringLiteral("/v1/chat/completions"), body, {}, "sk-wrong-key-123456");
    QCOMPARE(wrongKey.status, 401);
    QCOMPARE(wrongKey.errorField("code"), QStringLiteral("invalid_api_key"));
    QVERIFY(wrongKey.errorField("message").startsWith(QStringLiteral("Incorrect API key provided: sk-")));
    QVERIFY(!wrongKey.errorField("message").contains(QStringLiteral("sk-wrong-key-123456")));
    QCOMPARE(call("POST", QStringLiteral("/v1/chat/completions"), body, {}, {}).status, 401);

    QCOMPARE(control("POST", QStringLiteral("/_fake/fail"), QJsonObject{{QStringLiteral("status"), 429}, {QStringLiteral("kind"), QStringLiteral("rate_limit")}, {QStringLiteral("count"), 2}}).status, 200);
    for (int i = 0; i < 2; ++i) {
        const Answer limited = chat(body);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorField("code"), QStringLiteral("rate_limit_exceeded"));
        QCOMPARE(limited.headers.value("retry-after-ms"), QByteArray("1500"));
        QCOMPARE(limited.headers.value("x-ratelimit-remaining-tokens"), QByteArray("0"));
        QVERIFY(limited.errorField("message").contains(QStringLiteral("Please try again in 1.5s")));
    }
    QCOMPARE(chat(body).status, 200); // the count is spent

    m_fake->failNext(429, QStringLiteral("quota"), 1);
    const Answer quota = chat(body);
    QCOMPARE(quota.status, 429);
    QCOMPARE(quota.errorField("type"), QStringLiteral("insufficient_quota"));
    QCOMPARE(quota.errorField("code"), QStringLiteral("insufficient_quota"));
    QVERIFY(!quota.headers.contains("retry-after-ms"));

    control("POST", QStringLiteral("/_fake/script"),
            QJsonArray{QJsonObject{{QStringLiteral("status"), 500}},
                       QJsonObject{{QStringLiteral("status"), 503}},
                       QJsonObject{{QStringLiteral("status"), 429},
                                   {QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("slow down")}, {QStringLiteral("type"), QStringLiteral("requests")},
                                                                         {QStringLiteral("param"), QJsonValue()}, {QStringLiteral("code"), QStringLiteral("rate_limit_exceeded")}}},
                                   {QStringLiteral("headers"), QJsonObject{{QStringLiteral("retry-after"), QStringLiteral("7")}}}},
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("scripted")}, {QStringLiteral("finish_reason"), QStringLiteral("length")}}});
    const Answer server = chat(body);
    QCOMPARE(server.status, 500);
    QCOMPARE(server.errorField("type"), QStringLiteral("server_error"));
    const Answer overloaded = chat(body);
    QCOMPARE(overloaded.status, 503);
    QCOMPARE(overloaded.errorField("message"), QStringLiteral("The server is overloaded or not ready yet."));
    const Answer scripted429 = chat(body);
    QCOMPARE(scripted429.status, 429);
    QCOMPARE(scripted429.headers.value("retry-after"), QByteArray("7"));
    QCOMPARE(scripted429.errorField("message"), QStringLiteral("slow down"));
    const Answer scripted = chat(body);
    QCOMPARE(scripted.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString(), QStringLiteral("scripted"));
    QCOMPARE(scripted.json()[QStringLiteral("choices")][0][QStringLiteral("finish_reason")].toString(), QStringLiteral("length"));
    QCOMPARE(m_fake->scriptLeft(), 0);

    QJsonObject unknown = body;
    unknown.insert(QStringLiteral("model"), QStringLiteral("gpt-9"));
    QCOMPARE(chat(unknown).errorField("code"), QStringLiteral("model_not_found"));
}

void TestFakeOpenAI::scriptedStreams()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("stream"), true},
                           {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
                           {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hi"))}}};
    const QByteArray raw = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"recorded\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    control("POST", QStringLiteral("/_fake/script"),
            QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("exactly split content here")}, {QStringLiteral("split"), 7}, {QStringLiteral("no_usage"), true}},
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("one two three four five six seven eight")},
                                   {QStringLiteral("mid_stream_error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("The server had an error")},
                                                                                    {QStringLiteral("type"), QStringLiteral("server_error")}}}},
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("this will be cut off")}, {QStringLiteral("cut_after_bytes"), 150}},
                       QJsonObject{{QStringLiteral("raw_sse"), QString::fromUtf8(raw)}},
                       QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("lookup")},
                                                                                         {QStringLiteral("arguments"), QStringLiteral("{\"sku\":\"A-1\"}")}}}},
                                   {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 1}, {QStringLiteral("completion_tokens"), 2},
                                                                         {QStringLiteral("total_tokens"), 3}}}}});
    const Answer split = chat(body);
    const Assembled s = assemble(split.events);
    QCOMPARE(s.content, QStringLiteral("exactly split content here"));
    QVERIFY(s.usage.isEmpty());
    QVERIFY(s.done);

    const Answer mid = chat(body);
    const Assembled m = assemble(mid.events);
    QCOMPARE(mid.status, 200);
    QCOMPARE(m.error.value(QStringLiteral("type")).toString(), QStringLiteral("server_error"));
    QVERIFY(!m.content.isEmpty() && m.content.size() < 39);
    QVERIFY(!m.done);

    const Answer cut = chat(body);
    QVERIFY2(cut.error != QNetworkReply::NoError, "the client sees the stream cut");
    QVERIFY(!assemble(cut.events).done);
    QVERIFY(cut.body.size() <= 150);

    const Answer recorded = chat(body);
    QCOMPARE(recorded.body, raw);

    const Answer tools = chat(body);
    const Assembled t = assemble(tools.events);
    QCOMPARE(t.toolCalls.size(), 1);
    QCOMPARE(t.toolCalls.at(0)[QStringLiteral("arguments")].toString(), QStringLiteral("{\"sku\":\"A-1\"}"));
    QCOMPARE(t.finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(t.usage.value(QStringLiteral("total_tokens")).toInt(), 3);
}

void TestFakeOpenAI::profiles()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("llama3.2:latest")}, {QStringLiteral("stream"), true},
                           {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
                           {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("hello there"))}}};
    QCOMPARE(control("POST", QStringLiteral("/_fake/profile"), QJsonObject{{QStringLiteral("profile"), QStringLiteral("ollama")}}).status, 200);
    const Answer models = call("GET", QStringLiteral("/v1/models"), {}, {}, {}); // no key needed
    QCOMPARE(models.status, 200);
    QCOMPARE(models.json()[QStringLiteral("data")][0][QStringLiteral("owned_by")].toString(), QStringLiteral("library"));
    const Answer first = call("POST", QStringLiteral("/v1/chat/completions"), body, {}, "ollama");
    QVERIFY(!assemble(first.events).usage.isEmpty());
    const Answer again = call("POST", QStringLiteral("/v1/chat/completions"), body, {}, "ollama");
    QCOMPARE(again.status, 200);
    QVERIFY2(assemble(again.events).usage.isEmpty(), "no usage chunk when the whole prompt was cached");
    QVERIFY(assemble(again.events).done);
    QCOMPARE(call("POST", QStringLiteral("/v1/images/generations"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("x")}}).status, 404);

    m_fake->setProfile(FakeOpenAI::Profile::NoTools);
    QJsonObject withTools = body;
    withTools.insert(QStringLiteral("tools"), QJsonArray{tool(QStringLiteral("t"), QJsonObject{}, {})});
    const Answer refused = chat(withTools);
    QCOMPARE(refused.status, 500);
    QCOMPARE(refused.json()[QStringLiteral("error")][QStringLiteral("message")].toString(), QStringLiteral("tools param requires --jinja flag"));
    QCOMPARE(refused.json()[QStringLiteral("error")][QStringLiteral("code")].toInt(), 500);
    QJsonObject schema = body;
    schema.remove(QStringLiteral("stream"));
    schema.remove(QStringLiteral("stream_options"));
    schema.insert(QStringLiteral("response_format"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                              {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                                          {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                                                                 {QStringLiteral("properties"), QJsonObject{{QStringLiteral("a"), prop("string")}}}}}}}});
    const Answer prose = chat(schema);
    const QString content = prose.json()[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("content")].toString();
    QVERIFY(QJsonDocument::fromJson(content.toUtf8()).isNull()); // not bare JSON: the schema was ignored
    QVERIFY(content.contains(QStringLiteral("```json")));
    QCOMPARE(control("GET", QStringLiteral("/_fake/profile")).json().value(QStringLiteral("profile")).toString(), QStringLiteral("notools"));
}

void TestFakeOpenAI::images()
{
    const Answer d3 = call("POST", QStringLiteral("/v1/images/generations"),
                           QJsonObject{{QStringLiteral("model"), QStringLiteral("dall-e-3")}, {QStringLiteral("prompt"), QStringLiteral("a red shoe")},
                                       {QStringLiteral("size"), QStringLiteral("1792x1024")}, {QStringLiteral("quality"), QStringLiteral("hd")},
                                       {QStringLiteral("style"), QStringLiteral("natural")}, {QStringLiteral("response_format"), QStringLiteral("b64_json")}});
    QCOMPARE(d3.status, 200);
    const QJsonObject item = d3.json()[QStringLiteral("data")][0].toObject();
    QVERIFY(!item.value(QStringLiteral("revised_prompt")).toString().isEmpty());
    const QByteArray png = QByteArray::fromBase64(item.value(QStringLiteral("b64_json")).toString().toLatin1());
    QVERIFY(png.startsWith("\x89PNG"));
    QImage image;
    QVERIFY(image.loadFromData(png, "PNG"));
    QCOMPARE(image.size(), QSize(1792, 1024));

    const Answer d2 = call("POST", QStringLiteral("/v1/images/generations"),
                           QJsonObject{{QStringLiteral("model"), QStringLiteral("dall-e-2")}, {QStringLiteral("prompt"), QStringLiteral("a blue hat")},
                                       {QStringLiteral("size"), QStringLiteral("256x256")}, {QStringLiteral("n"), 2}});
    QCOMPARE(d2.json()[QStringLiteral("data")].toArray().size(), 2);
    const QUrl url(d2.json()[QStringLiteral("data")][1][QStringLiteral("url")].toString());
    QVERIFY(url.path().startsWith(QStringLiteral("/_fake/images/")));
    const Answer fetched = control("GET", url.path());
    QImage small;
    QVERIFY(small.loadFromData(fetched.body, "PNG"));
    QCOMPARE(small.size(), QSize(256, 256));

    const Answer gpt = call("POST", QStringLiteral("/v1/images/generations"),
                            QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-image-1")}, {QStringLiteral("prompt"), QStringLiteral("a logo")},
                                        {QStringLiteral("size"), QStringLiteral("1024x1536")}, {QStringLiteral("quality"), QStringLiteral("low")}});
    QCOMPARE(gpt.status, 200);
    QVERIFY(gpt.json()[QStringLiteral("usage")][QStringLiteral("total_tokens")].toInt() > 0);
    QImage tall;
    QVERIFY(tall.loadFromData(QByteArray::fromBase64(gpt.json()[QStringLiteral("data")][0][QStringLiteral("b64_json")].toString().toLatin1()), "PNG"));
    QCOMPARE(tall.size(), QSize(1024, 1536));

    const Answer wrongSize = call("POST", QStringLiteral("/v1/images/generations"),
                                  QJsonObject{{QStringLiteral("model"), QStringLiteral("dall-e-3")}, {QStringLiteral("prompt"), QStringLiteral("x")},
                                              {QStringLiteral("size"), QStringLiteral("512x512")}});
    QCOMPARE(wrongSize.status, 400);
    QCOMPARE(wrongSize.errorField("param"), QStringLiteral("size"));
    const Answer twoD3 = call("POST", QStringLiteral("/v1/images/generations"),
                              QJsonObject{{QStringLiteral("model"), QStringLiteral("dall-e-3")}, {QStringLiteral("prompt"), QStringLiteral("x")}, {QStringLiteral("n"), 2}});
    QCOMPARE(twoD3.status, 400);
    QCOMPARE(twoD3.errorField("param"), QStringLiteral("n"));
    const Answer gptFormat = call("POST", QStringLiteral("/v1/images/generations"),
                                  QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-image-1")}, {QStringLiteral("prompt"), QStringLiteral("x")},
                                              {QStringLiteral("response_format"), QStringLiteral("url")}});
    QCOMPARE(gptFormat.errorField("param"), QStringLiteral("response_format"));
}

void TestFakeOpenAI::recording()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("messages"), QJsonArray{user(QStringLiteral("count me"))}}};
    chat(body);
    QJsonObject streamed = body;
    streamed.insert(QStringLiteral("stream"), true);
    chat(streamed);
    call("POST", QStringLiteral("/v1/chat/completions"), body, {}, "bad-key-000000000");
    const Answer list = control("GET", QStringLiteral("/_fake/requests"));
    const QJsonArray requests = QJsonDocument::fromJson(list.body).array();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0)[QStringLiteral("path")].toString(), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(requests.at(0)[QStringLiteral("body")][QStringLiteral("messages")][0][QStringLiteral("content")].toString(), QStringLiteral("count me"));
    QCOMPARE(requests.at(0)[QStringLiteral("streamed")].toBool(), false);
    QCOMPARE(requests.at(1)[QStringLiteral("streamed")].toBool(), true);
    QCOMPARE(requests.at(1)[QStringLiteral("status")].toInt(), 200);
    QCOMPARE(requests.at(2)[QStringLiteral("status")].toInt(), 401);
    QVERIFY(!requests.at(2)[QStringLiteral("at")].toString().isEmpty());
    QCOMPARE(control("DELETE", QStringLiteral("/_fake/requests")).status, 200);
    QCOMPARE(QJsonDocument::fromJson(control("GET", QStringLiteral("/_fake/requests")).body).array().size(), 0);
    QCOMPARE(m_fake->requests().size(), 0);
}

void TestFakeOpenAI::standaloneExecutable()
{
    // lux-fake-openai prints its base URL (ending in /v1) and serves the same API to other processes.
    QProcess fake;
    fake.start(QStringLiteral(LUX_BINARY_DIR "/tests/fakes/lux-fake-openai"), {QStringLiteral("--key"), QStringLiteral("sk-standalone")});
    QVERIFY2(fake.waitForStarted(), qPrintable(fake.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(fake.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(fake.readLine().trimmed()));
    QVERIFY(base.isValid() && base.port() > 0 && base.path() == QStringLiteral("/v1"));
    QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/models")));
    request.setRawHeader("Authorization", "Bearer sk-standalone");
    QNetworkReply *reply = m_nam->get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    reply->deleteLater();
    fake.kill();
    fake.waitForFinished();
}

LUX_TEST_MAIN(TestFakeOpenAI, QCoreApplication)
#include "tst_fakeopenai.moc"
