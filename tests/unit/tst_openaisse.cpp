// SPDX-License-Identifier: GPL-3.0-or-later
// The streamed answer's reading (issue 16): server-sent events and Chat Completions chunks give the
// same answer however the bytes are split across reads: at every byte boundary, one byte at a time,
// and in random pieces; tool calls over several chunks; an error object in the middle of a stream.
#include "channels/openai/chat.h"
#include "channels/openai/sse.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace lux::channels::openai;

namespace {

// A stream as OpenAI sends it (recorded shape): role first, content in deltas, two tool calls
// interleaved by index with their arguments in fragments, finish_reason, the usage chunk with empty
// choices, a keep-alive comment, CR LF line ends in one event, a multi-byte character, [DONE].
const QByteArray kToolStream = QByteArrayLiteral(
    ": keep-alive\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me look \xc3\xa9\"},\"finish_reason\":null}]}\r\n\r\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"brand_kit\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"search_products\",\"arguments\":\"{\\\"que\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"ry\\\":\\\"mug\\\",\"}}]},\"finish_reason\":null}]}\n\n"
    ": still thinking\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"limit\\\":5}\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[],\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":41,\"total_tokens\":853,\"prompt_tokens_details\":{\"cached_tokens\":512}}}\n\n"
    "data: [DONE]\n\n");

// Content, then an error event (a server that fails part-way), then nothing.
const QByteArray kErrorStream = QByteArrayLiteral(
    "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Your best\"},\"finish_reason\":null}]}\n\n"
    "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" campaign was\"},\"finish_reason\":null}]}\n\n"
    "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n");

struct Outcome
{
    QString streamedText; // joined from what add() returned, as the user sees it
    ChatAnswer answer;
    bool done = false;
    std::optional<ApiError> error;
    int events = 0;

    bool operator==(const Outcome &o) const
    {
        auto calls = [](const QList<ToolCall> &l) {
            QStringList s;
            for (const ToolCall &c : l)
                s << c.id + u'|' + c.name + u'|' + c.arguments;
            return s;
        };
        const bool usageSame = answer.usage.has_value() == o.answer.usage.has_value()
                               && (!answer.usage
                                   || (answer.usage->promptTokens == o.answer.usage->promptTokens
                                       && answer.usage->completionTokens == o.answer.usage->completionTokens
                                       && answer.usage->cachedTokens == o.answer.usage->cachedTokens));
        return streamedText == o.streamedText && answer.content == o.answer.content && calls(answer.toolCalls) == calls(o.answer.toolCalls)
               && answer.finishReason == o.answer.finishReason && answer.model == o.answer.model && usageSame && done == o.done
               && error.has_value() == o.error.has_value() && (!error || error->message == o.error->message) && events == o.events;
    }
};

Outcome read(const QList<QByteArray> &pieces)
{
    SseParser sse;
    ChatStream stream;
    Outcome out;
    for (const QByteArray &piece : pieces) {
        for (const SseParser::Event &e : sse.feed(piece)) {
            ++out.events;
            out.streamedText += stream.add(e.data);
        }
    }
    sse.finish();
    out.answer = stream.answer();
    out.done = stream.done();
    out.error = stream.error();
    return out;
}

} // namespace

class TestOpenAiSse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStreamReadsAsRecorded()
    {
        const Outcome o = read({kToolStream});
        QCOMPARE(o.events, 10); // comments and blank lines are not events
        QVERIFY(o.done);
        QCOMPARE(o.answer.content, QString::fromUtf8("Let me look \xc3\xa9"));
        QCOMPARE(o.streamedText, o.answer.content);
        QCOMPARE(o.answer.finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(o.answer.model, QStringLiteral("gpt-4o-2024-08-06"));
        QCOMPARE(o.answer.toolCalls.size(), 2);
        QCOMPARE(o.answer.toolCalls[0].id, QStringLiteral("call_a"));
        QCOMPARE(o.answer.toolCalls[0].name, QStringLiteral("brand_kit"));
        QCOMPARE(o.answer.toolCalls[0].arguments, QStringLiteral("{}"));
        QCOMPARE(o.answer.toolCalls[1].name, QStringLiteral("search_products"));
        QCOMPARE(QJsonDocument::fromJson(o.answer.toolCalls[1].arguments.toUtf8()).object().value(QStringLiteral("query")).toString(),
                 QStringLiteral("mug"));
        QCOMPARE(QJsonDocument::fromJson(o.answer.toolCalls[1].arguments.toUtf8()).object().value(QStringLiteral("limit")).toInt(), 5);
        QVERIFY(o.answer.usage);
        QCOMPARE(o.answer.usage->promptTokens, 812);
        QCOMPARE(o.answer.usage->completionTokens, 41);
        QCOMPARE(o.answer.usage->cachedTokens, 512);
        QVERIFY(!o.error);
    }

    void everyByteBoundaryGivesTheSameAnswer_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("tool calls") << kToolStream;
        QTest::newRow("error mid-stream") << kErrorStream;
        QByteArray lf = kToolStream;
        lf.replace("\r\n", "\n");
        QByteArray cr = lf;
        cr.replace('\n', '\r');
        QTest::newRow("CR line ends") << cr;
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        QTest::newRow("CR LF line ends") << crlf;
    }
    void everyByteBoundaryGivesTheSameAnswer()
    {
        QFETCH(QByteArray, stream);
        const Outcome whole = read({stream});
        QVERIFY(whole.events > 0);
        for (qsizetype cut = 1; cut < stream.size(); ++cut) {
            const Outcome split = read({stream.left(cut), stream.mid(cut)});
            if (!(split == whole))
                QFAIL(qPrintable(QStringLiteral("a split at byte %1 of %2 reads differently").arg(cut).arg(stream.size())));
        }
        QList<QByteArray> bytes;
        for (qsizetype i = 0; i < stream.size(); ++i)
            bytes << stream.mid(i, 1);
        QVERIFY2(read(bytes) == whole, "one byte at a time reads differently");
        QRandomGenerator random(16);
        for (int round = 0; round < 200; ++round) {
            QList<QByteArray> pieces;
            for (qsizetype at = 0; at < stream.size();) {
                const qsizetype n = random.bounded(1, 40);
                pieces << stream.mid(at, n);
                at += n;
            }
            QVERIFY2(read(pieces) == whole, qPrintable(QStringLiteral("random split %1 reads differently").arg(round)));
        }
    }

    void errorInTheMiddleEndsTheStream()
    {
        const Outcome o = read({kErrorStream});
        QVERIFY(o.error);
        QCOMPARE(o.error->type, QStringLiteral("server_error"));
        QCOMPARE(o.error->message, QStringLiteral("The server had an error while processing your request."));
        QCOMPARE(o.streamedText, QStringLiteral("Your best campaign was"));
        QVERIFY(!o.done);
        // Nothing after the error is read as content.
        SseParser sse;
        ChatStream stream;
        const QByteArray both = kErrorStream + kToolStream;
        for (const SseParser::Event &e : sse.feed(both))
            stream.add(e.data);
        QCOMPARE(stream.answer().content, QStringLiteral("Your best campaign was"));
        QVERIFY(stream.answer().toolCalls.isEmpty());
    }

    void parserFollowsTheEventStreamRules()
    {
        SseParser sse;
        // Several data lines are joined with LF; "data:x" without the space; an event field; no
        // dispatch without a blank line; an id.
        QList<SseParser::Event> events = sse.feed("event: ping\ndata: a\ndata:b\nid: 7\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].type, QByteArray("ping"));
        QCOMPARE(events[0].data, QByteArray("a\nb"));
        QCOMPARE(events[0].id, QByteArray("7"));
        events = sse.feed("data: unfinished");
        QVERIFY(events.isEmpty());
        QVERIFY(sse.finish()); // cut before its blank line: dropped, and said so
        QVERIFY(sse.feed("\n").isEmpty());
        // A blank line alone dispatches nothing; a comment neither.
        QVERIFY(sse.feed(": hello\n\n\n").isEmpty());
        events = sse.feed("data\n\n"); // a field with no colon: empty data
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray());
        QVERIFY(!sse.finish());
    }

    void notJsonIsMalformed()
    {
        ChatStream stream;
        stream.add("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}");
        stream.add("<html>502 Bad Gateway</html>");
        QVERIFY(stream.malformed());
        QCOMPARE(stream.answer().content, QStringLiteral("ok"));
    }

    void wholeCompletionParses()
    {
        const QJsonObject body = QJsonDocument::fromJson(
                                     "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{"
                                     "\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                                     "\"function\":{\"name\":\"engagement\",\"arguments\":\"{\\\"days\\\":30}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                                     "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}")
                                     .object();
        const auto a = parseCompletion(body);
        QVERIFY(a);
        QCOMPARE(a->toolCalls.size(), 1);
        QCOMPARE(a->toolCalls[0].name, QStringLiteral("engagement"));
        QCOMPARE(a->finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(a->usage->promptTokens, 10);
        QVERIFY(!parseCompletion(QJsonObject()));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiSse)
#include "tst_openaisse.moc"
