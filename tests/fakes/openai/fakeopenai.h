// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

namespace lux::fakes {

// OpenAI's API as docs/provider-contracts.md §3 describes it (and Ollama's and llama.cpp's
// OpenAI-compatible layers, as profiles), over real HTTP on loopback, for the OpenAI client's tests and
// end-to-end runs; also runnable on its own (lux-fake-openai). baseUrl() ends in /v1, as OpenAI's own
// base URL does; the control endpoints are at the root (rootUrl()).
//
//   GET  /v1/models               {"object":"list","data":[{"id","object":"model","created","owned_by"}]}
//   POST /v1/chat/completions     chat.completion, or with "stream":true text/event-stream of
//                                 chat.completion.chunk events and `data: [DONE]`
//   POST /v1/images/generations   dall-e-2, dall-e-3, gpt-image-1 (§3.2): real PNGs of the asked size
//
// Auth: `Authorization: Bearer KEY` (profile "openai"); otherwise 401 invalid_api_key.
//
// Validation (400 invalid_request_error with `param` naming what was wrong): model (unknown: 404
// model_not_found), messages (roles system|developer|user|assistant|tool, content, assistant tool_calls,
// tool messages answering an earlier tool call by tool_call_id, every tool call answered), tools
// ({type:function,function:{name ^[a-zA-Z0-9_-]{1,64}$,description,parameters}}), tool_choice (none,
// auto, required or a named offered function; only with tools), response_format (text, json_object with
// the word "json" in the messages, json_schema with a valid name and a schema), stream, stream_options
// (only with stream), n (the fake answers n=1 only). All characters of the messages (and the tools'
// JSON) above contextChars(): 400 context_length_exceeded, tokens counted as characters / 4.
//
// The default model, deterministic so an end-to-end test means something:
//  a) tools offered, no tool results after the last user message: one answer calling every offered tool
//     (or those named in the header `X-Fake-Tools: a,b`, or the one tool_choice names; none with
//     tool_choice "none"), ids call_<n>, arguments from each tool's schema (required properties:
//     strings from the user's words, integers and numbers 10, booleans false, enums their first value);
//  b) response_format json_schema: an instance of the schema (every property; strings from the user's
//     words within maxLength, arrays of minItems or 1 items, enums' first values). The schema named
//     "campaign_draft" with tool results is built from them: the brand kit (any object with
//     primary_color / secondary_color / font_family) and the products (objects with name and price,
//     optional sku and permalink) found at any depth; `html` has the brand colours inline, each product's
//     name (HTML-escaped), sku and price exactly as the tool gave it, a link to its permalink,
//     {{unsubscribe_url}} and {{brand.postal_address}}; subject and preheader name the first product.
//     `X-Fake-Invalid: 1`: JSON that breaks the schema (a required property missing, another of the
//     wrong type). json_object: {"answer": the user's words, "tool_results": n};
//  c) plain text quoting the tool results ("From the tool audience_stats: {…}") or, without tools,
//     "You asked: …". max_tokens / max_completion_tokens cut text content (finish_reason "length").
//
// Streams: the role in the first delta, content in small deltas, tool calls as deltas with index, id,
// type and function.name first and function.arguments in several fragments, several calls interleaved by
// index; finish_reason on the last choice chunk; with stream_options.include_usage a final chunk with
// "choices":[] and usage (and "usage":null on the others); an SSE comment (": keep-alive") and stray
// blank lines; the bytes written in pieces of 1–64 bytes (seeded) with 0–5 ms between them.
//
// Usage: prompt_tokens = prompt characters / 4 (rounded up), completion_tokens likewise for the answer,
// prompt_tokens_details.cached_tokens = the tokens of the longest prefix of messages that an earlier
// request already sent.
//
// Control (no auth), JSON:
//   POST   /_fake/script    a JSON array of steps, appended; each chat request takes the next one
//                           before the default model. A step: status + error (+ headers) to fail;
//                           content; tool_calls [{name, arguments (a string), id?}]; finish_reason;
//                           usage (an object) or no_usage; split (write the stream in pieces of exactly
//                           that many bytes); cut_after_bytes (drop the connection after that many bytes
//                           of the stream body); mid_stream_error (an error object sent as
//                           `data: {"error":…}` after half the content, then the stream ends); raw_sse
//                           (the exact bytes of the stream body). A step with a status but no error gets
//                           the usual error for it (429 rate limit, 401, 500, 503).
//   GET    /_fake/script    the steps not yet taken;  DELETE /_fake/script clears them
//   POST   /_fake/fail      {"status":429|500|503|401, "kind":"rate_limit|quota|server|auth", "count":N}:
//                           the next N chat and image requests fail so
//   POST   /_fake/profile   {"profile":"openai|ollama|notools"} (GET: the current one)
//   GET    /_fake/requests  every request: method, path, body (JSON or null), streamed, status, at
//   DELETE /_fake/requests  forgets them
//   POST   /_fake/reset     script, failures, requests, prompt cache and images forgotten
//   GET    /_fake/images/<id>.png   the images answered as url
//
// Profiles: "openai" as above; "ollama" (Ollama's OpenAI layer): no key checked, models owned_by
// "library", tool_choice ignored, no usage chunk at all when the whole prompt was seen before, images 404;
// "notools" (llama-server without --jinja): tools → 500 {"error":{"code":500,"message":"tools param
// requires --jinja flag","type":"server_error"}}, json_schema ignored (the answer is prose around a JSON
// block), json_object honoured, the context limit as llama.cpp's exceed_context_size_error, images 404.
class FakeOpenAI : public QObject
{
    Q_OBJECT
public:
    enum class Profile { OpenAI, Ollama, NoTools };
    struct Record
    {
        QByteArray method;
        QString path;
        QJsonValue body; // null when it was not JSON
        bool streamed = false;
        int status = 0;
        QDateTime at;
    };

    explicit FakeOpenAI(QObject *parent = nullptr);
    ~FakeOpenAI() override;
    bool listen(quint16 port = 0);
    QUrl baseUrl() const; // http://127.0.0.1:PORT/v1: openai.base_url
    QUrl rootUrl() const { return m_http.baseUrl(); } // the control endpoints and image URLs

    QString apiKey() const { return m_apiKey; }
    void setApiKey(const QString &key) { m_apiKey = key; }
    Profile profile() const { return m_profile; }
    void setProfile(Profile profile) { m_profile = profile; }
    static bool parseProfile(const QString &name, Profile *profile);
    static QString profileName(Profile profile);
    void setContextChars(qint64 chars) { m_contextChars = chars; }
    qint64 contextChars() const { return m_contextChars; }
    void setSeed(quint32 seed) { m_random.seed(seed); }
    void setModels(const QStringList &models) { m_models = models; }
    QStringList models() const { return m_models; }

    void addScript(const QJsonArray &steps);
    void clearScript() { m_script = {}; }
    qsizetype scriptLeft() const { return m_script.size(); }
    // The next `count` chat and image requests fail with `status` (kind: rate_limit, quota, server, auth).
    void failNext(int status, const QString &kind, int count);
    void reset();

    const QList<Record> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    // The error bodies, as OpenAI sends them (an object with "error").
    static QJsonObject errorBody(const QString &message, const QString &type, const QJsonValue &param, const QJsonValue &code);
    static QJsonObject invalidKeyError(const QString &key);
    static QJsonObject rateLimitError(const QString &model);
    static QJsonObject quotaError();
    static QJsonObject serverError(int status);

private:
    struct ToolCall
    {
        QString id, name, arguments;
    };
    struct Answer
    {
        QJsonValue content; // a string, or null with tool calls
        QList<ToolCall> toolCalls;
        QString finishReason;
        QJsonObject usage; // given by a script step, else computed
        bool noUsage = false;
        int split = 0;
        qint64 cutAfterBytes = -1;
        QJsonObject midStreamError;
        QByteArray rawSse;
        bool hasRawSse = false;
    };
    struct Failure
    {
        int status = 0;
        QString kind;
        int count = 0;
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    void handle(HttpExchange *exchange);
    void control(HttpExchange *exchange, qsizetype record);
    void chat(HttpExchange *exchange, qsizetype record);
    void images(HttpExchange *exchange, qsizetype record);
    void models(HttpExchange *exchange, qsizetype record);
    void answerJson(HttpExchange *exchange, qsizetype record, int status, const QJsonObject &body, const Headers &headers = {});
    bool authorized(HttpExchange *exchange, qsizetype record);
    bool failedAsTold(HttpExchange *exchange, qsizetype record, const QString &model);
    void sendError(HttpExchange *exchange, qsizetype record, int status, const QJsonObject &error, const Headers &headers);
    QString validate(const QJsonObject &body, QString *param) const; // an error message, or empty
    Answer defaultAnswer(const QJsonObject &body, const HttpRequest &request);
    Answer scriptedAnswer(const QJsonObject &step);
    QJsonObject usageFor(const QJsonObject &body, const Answer &answer, qint64 cachedTokens) const;
    qint64 cachedTokens(const QJsonArray &messages); // and remembers this request's prefixes
    void stream(HttpExchange *exchange, const QByteArray &bytes, int split, qint64 cutAfter);
    QByteArray sseEvents(const QJsonObject &body, const Answer &answer, const QJsonObject &usage, bool sendUsage);
    Headers rateHeaders() const;
    QString nextCallId() { return QStringLiteral("call_%1").arg(++m_callCounter); }

    HttpServer m_http;
    QString m_apiKey = QStringLiteral("sk-fake-0123456789");
    Profile m_profile = Profile::OpenAI;
    qint64 m_contextChars = 200000;
    QStringList m_models;
    QRandomGenerator m_random{20261205};
    QList<QJsonObject> m_script;
    Failure m_failure;
    QList<Record> m_requests;
    QSet<QByteArray> m_prefixes; // digests of every prefix of messages seen
    QHash<QString, QByteArray> m_images; // id → PNG
    int m_callCounter = 0;
    int m_idCounter = 0;
};

} // namespace lux::fakes
