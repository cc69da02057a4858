// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaiclient.h"

#include "sse.h"

#include "common/imageformat.h"

#include <QCoroTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace lux::channels::openai {

namespace {

constexpr qint64 kMaxAnswerBytes = 16 * 1024 * 1024;
constexpr qint64 kMaxImageBytes = 64 * 1024 * 1024;

Error cancelledError()
{
    return Error(QStringLiteral("openai.cancelled"), OpenAiClient::tr("Stopped."));
}

bool mentions(const ApiError &e, QLatin1StringView what)
{
    return e.param.startsWith(what) || e.message.contains(what, Qt::CaseInsensitive);
}


} // namespace

OpenAiClient::OpenAiClient(QNetworkAccessManager *network, Config config)
    : m_network(network), m_config(std::move(config)), m_http(network, HttpClient::Config{m_config.baseUrl, m_config.timeoutMs})
{
    if (!m_config.apiKey.isEmpty())
        m_http.setBearer(m_config.apiKey);
}

void OpenAiClient::report(const QString &endpoint, const QString &model, const std::optional<Usage> &usage,
                          const QElapsedTimer &timer, const QString &outcome, int images) const
{
    if (m_usageSink)
        m_usageSink(UsageRecord{endpoint, model, usage, timer.elapsed(), outcome, images});
}

Error OpenAiClient::errorFor(const HttpResponse &response, const ChatRequest *request)
{
    if (response.cancelled)
        return cancelledError();
    if (!response.answered())
        return Error(QStringLiteral("openai.network"),
                     tr("The AI server did not answer (%1). Check the base URL in Settings → Assistant and your connection.")
                         .arg(response.errorString));
    const int status = response.status;
    const std::optional<ApiError> parsed = ApiError::fromJson(response.json(), status);
    const ApiError e = parsed.value_or(ApiError{status, QString::fromUtf8(response.body.left(300)).trimmed(), {}, {}, {}});
    QString detail = e.message.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : e.message;
    if (!e.param.isEmpty() && !detail.contains(e.param))
        detail += QStringLiteral(" (%1)").arg(e.param); // which field: "size", "messages[2].role"
    if (status == 401)
        return Error(QStringLiteral("openai.key"),
                     tr("The AI server refused the API key: %1 Enter the key again in Settings → Assistant.").arg(detail));
    if (e.isQuota())
        return Error(QStringLiteral("openai.quota"),
                     tr("Your OpenAI account has no credit left (insufficient quota). Add credit or raise the limit in "
                        "OpenAI's billing settings; LUX will not try again until then."));
    if (e.isContextLength())
        return Error(QStringLiteral("openai.context-length"),
                     tr("The conversation is too long for the model. Start a new conversation or choose a model with a "
                        "longer context. (%1)").arg(detail));
    const bool hasTools = request && !request->tools.isEmpty();
    const bool hasFormat = request && request->format.kind == ResponseFormat::Kind::JsonSchema;
    // Only what says the server has no tools (llama.cpp's "tools param requires --jinja flag", "does
    // not support tools", "tools is not supported"), not a request error about a tool message.
    const bool aboutMessages = e.param.startsWith(QLatin1String("messages"));
    const QString lower = e.message.toLower();
    const bool noTools = lower.contains(QLatin1String("jinja")) || lower.contains(QLatin1String("not support tool"))
                         || lower.contains(QLatin1String("tools is not supported")) || lower.contains(QLatin1String("tools are not supported"))
                         || lower.contains(QLatin1String("does not support tools")) || e.param == u"tools" || e.param == u"tool_choice";
    if (status >= 400 && status != 429 && status != 503 && hasTools && !aboutMessages && noTools)
        return Error(QStringLiteral("openai.tools-unsupported"), tr("The AI server does not support tools: %1").arg(detail));
    if (status >= 400 && status != 429 && status != 503 && hasFormat
        && (mentions(e, QLatin1StringView("response_format")) || mentions(e, QLatin1StringView("json_schema"))))
        return Error(QStringLiteral("openai.format-unsupported"),
                     tr("The AI server does not support structured answers: %1").arg(detail));
    if (status == 429)
        return Error(QStringLiteral("openai.rate-limit"), tr("The AI server is busy (rate limit reached): %1").arg(detail));
    if (status >= 500)
        return Error(QStringLiteral("openai.server"), tr("The AI server had a problem (HTTP %1): %2").arg(status).arg(detail));
    if (status == 404)
        return Error(QStringLiteral("openai.not-found"),
                     tr("The AI server has nothing at this address (HTTP 404): %1 Check the base URL (it usually ends in "
                        "/v1) and the model name.").arg(detail));
    return Error(QStringLiteral("openai.request"), tr("The AI server refused the request (HTTP %1): %2").arg(status).arg(detail));
}

QList<ChatMessage> OpenAiClient::withoutOldestTurns(const QList<ChatMessage> &messages)
{
    QList<ChatMessage> system;
    QList<QList<ChatMessage>> turns;
    for (const ChatMessage &m : messages) {
        if (m.role == u"system")
            system << m;
        else if (m.role == u"user" || turns.isEmpty())
            turns.append(QList<ChatMessage>{m});
        else
            turns.last() << m; // an answer, its tool calls and their results stay with the question
    }
    if (turns.size() < 2)
        return {};
    const qsizetype drop = std::max<qsizetype>(1, turns.size() / 2);
    QList<ChatMessage> out = system;
    for (qsizetype i = drop; i < turns.size(); ++i)
        out << turns.at(i);
    return out;
}

QCoro::Task<bool> OpenAiClient::waitBeforeRetry(const HttpResponse &response, int attempt, Cancellation *cancelling)
{
    const QPointer<Cancellation> cancel(cancelling);
    qint64 waitMs = -1;
    bool ok = false;
    const double ms = response.header("retry-after-ms").trimmed().toDouble(&ok);
    if (ok && ms >= 0)
        waitMs = qint64(ms);
    else if (response.retryAfterSeconds >= 0)
        waitMs = qint64(response.retryAfterSeconds) * 1000;
    else
        waitMs = qint64(m_config.backoffMs) << (attempt - 1);
    if (waitMs > m_config.maxRetryWaitMs)
        co_return false;
    QTimer timer;
    timer.setSingleShot(true);
    if (cancel)
        QObject::connect(cancel.data(), &Cancellation::cancelled, &timer, [&timer] { timer.start(0); });
    timer.start(int(waitMs));
    co_await qCoro(&timer).waitForTimeout();
    co_return !(cancel && cancel->isCancelled());
}

QCoro::Task<Result<ChatAnswer>> OpenAiClient::chat(ChatRequest request, TextSink onText, Cancellation *cancelling)
{
    const QPointer<Cancellation> cancel(cancelling);
    bool trimmed = false;
    int attempt = 0;
    for (;;) {
        bool streamedSomething = false;
        HttpResponse response;
        Cancellation *const live = cancel.data(); // null once the caller's Cancellation is gone
        Result<ChatAnswer> result = co_await chatOnce(request, onText, live, streamedSomething, response);
        if (result)
            co_return result;
        const QString code = result.error().code;
        if (code == u"openai.tools-unsupported")
            m_toolsSupported = false;
        if (code == u"openai.format-unsupported")
            m_schemaSupported = false;
        if (code == u"openai.context-length" && !trimmed) {
            QList<ChatMessage> shorter = withoutOldestTurns(request.messages);
            if (shorter.isEmpty())
                co_return result;
            request.messages = std::move(shorter);
            trimmed = true;
            continue;
        }
        const bool worthAgain = code == u"openai.rate-limit" || code == u"openai.server" || code == u"openai.network";
        if (!worthAgain || streamedSomething || attempt >= m_config.maxRetries)
            co_return result;
        ++attempt;
        Cancellation *const liveWait = cancel.data();
        const bool waited = co_await waitBeforeRetry(response, attempt, liveWait);
        if (!waited)
            co_return (cancel && cancel->isCancelled()) ? Result<ChatAnswer>(cancelledError()) : result;
    }
}

QCoro::Task<Result<ChatAnswer>> OpenAiClient::chatOnce(const ChatRequest &request, const TextSink &onText,
                                                       Cancellation *cancel, bool &streamedSomething,
                                                       HttpResponse &responseOut)
{
    QElapsedTimer timer;
    timer.start();
    HttpRequest http;
    http.method = QByteArrayLiteral("POST");
    http.path = QStringLiteral("/chat/completions");
    http.contentType = QByteArrayLiteral("application/json");
    http.body = QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
    http.oneShot = true; // a request sent twice costs twice: a lost answer is retried here, counted
    http.maxResponseBytes = kMaxAnswerBytes;
    http.cancellation = cancel;
    SseParser sse;
    ChatStream stream;
    QByteArray unstreamed; // a server that answers a streamed request with one JSON object
    bool sawEvent = false;
    if (request.stream) {
        http.onData = [&](const QByteArray &piece) {
            if (!sawEvent && unstreamed.size() < kMaxAnswerBytes)
                unstreamed += piece;
            const QList<SseParser::Event> events = sse.feed(piece);
            for (const SseParser::Event &event : events) {
                sawEvent = true;
                const QString text = stream.add(event.data);
                if (!text.isEmpty()) {
                    streamedSomething = true;
                    if (onText)
                        onText(text);
                }
            }
        };
    }
    responseOut = co_await m_http.send(std::move(http));
    const HttpResponse &response = responseOut;
    if (!response.succeeded()) {
        Error error = errorFor(response, &request);
        if (streamedSomething && !response.cancelled)
            error = Error(QStringLiteral("openai.stream-cut"),
                          tr("The answer was cut off before it ended (%1). What arrived is shown; ask again to get "
                             "all of it.").arg(response.errorString));
        report(QStringLiteral("chat/completions"), request.model, std::nullopt, timer, error.code);
        co_return error;
    }
    if (response.networkError != QNetworkReply::NoError && !streamedSomething) {
        // Cut before any text: the user saw nothing, so it is sent again like a lost answer.
        Error error(QStringLiteral("openai.network"),
                    tr("The AI server closed the connection before answering. Check the base URL in Settings → Assistant and "
                       "your connection."));
        report(QStringLiteral("chat/completions"), request.model, std::nullopt, timer, error.code);
        co_return error;
    }
    if (!request.stream || (!sawEvent && response.streamed)) {
        const QByteArray body = request.stream ? unstreamed : response.body;
        Result<ChatAnswer> answer = parseCompletion(QJsonDocument::fromJson(body).object());
        report(QStringLiteral("chat/completions"), request.model, answer ? answer->usage : std::nullopt, timer,
               answer ? QStringLiteral("ok") : answer.error().code);
        if (answer && onText && !answer->content.isEmpty())
            onText(answer->content);
        co_return answer;
    }
    const bool unfinished = sse.finish();
    ChatAnswer answer = stream.answer();
    if (stream.error()) {
        const ApiError &e = *stream.error();
        Error error(e.isQuota() ? QStringLiteral("openai.quota") : QStringLiteral("openai.stream-error"),
                    tr("The AI server stopped with an error in the middle of its answer: %1").arg(e.message));
        report(QStringLiteral("chat/completions"), request.model, answer.usage, timer, error.code);
        co_return error;
    }
    if (stream.malformed() || sse.overflowed()) {
        Error error(QStringLiteral("openai.bad-answer"), tr("The AI server sent a stream that is not Chat Completions chunks."));
        report(QStringLiteral("chat/completions"), request.model, std::nullopt, timer, error.code);
        co_return error;
    }
    if (!stream.done() && (answer.finishReason.isEmpty() || unfinished)) {
        Error error = streamedSomething
                          ? Error(QStringLiteral("openai.stream-cut"),
                                  tr("The answer was cut off before it ended. What arrived is shown; ask again to get all of it."))
                          : Error(QStringLiteral("openai.network"),
                                  tr("The AI server closed the connection before answering. Check the base URL in Settings → "
                                     "Assistant and your connection."));
        report(QStringLiteral("chat/completions"), request.model, std::nullopt, timer, error.code);
        co_return error;
    }
    report(QStringLiteral("chat/completions"), answer.model.isEmpty() ? request.model : answer.model, answer.usage, timer,
           QStringLiteral("ok"));
    co_return answer;
}

QCoro::Task<Result<QStringList>> OpenAiClient::models(Cancellation *cancelling)
{
    const QPointer<Cancellation> cancel(cancelling);
    QElapsedTimer timer;
    timer.start();
    HttpRequest http;
    http.path = QStringLiteral("/models");
    http.maxResponseBytes = kMaxAnswerBytes;
    http.cancellation = cancel;
    const HttpResponse response = co_await m_http.send(std::move(http));
    if (!response.succeeded()) {
        const Error error = errorFor(response, nullptr);
        report(QStringLiteral("models"), {}, std::nullopt, timer, error.code);
        co_return error;
    }
    QStringList names;
    for (const QJsonValue &v : response.json().value(QStringLiteral("data")).toArray())
        if (const QString id = v.toObject().value(QStringLiteral("id")).toString(); !id.isEmpty())
            names << id;
    report(QStringLiteral("models"), {}, Usage{}, timer, QStringLiteral("ok"));
    co_return names;
}

QCoro::Task<Result<GeneratedImage>> OpenAiClient::generateImage(ImageRequest request, Cancellation *cancelling)
{
    const QPointer<Cancellation> cancel(cancelling);
    QElapsedTimer timer;
    timer.start();
    const bool gptImage = request.model.startsWith(u"gpt-image");
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("prompt"), request.prompt},
                     {QStringLiteral("n"), 1},
                     {QStringLiteral("size"), request.size.isEmpty() ? QStringLiteral("1024x1024") : request.size}};
    if (!request.quality.isEmpty())
        body.insert(QStringLiteral("quality"), request.quality);
    if (gptImage)
        body.insert(QStringLiteral("output_format"), QStringLiteral("png"));
    else
        body.insert(QStringLiteral("response_format"), QStringLiteral("b64_json"));
    int attempt = 0;
    for (;;) {
        HttpRequest http;
        http.method = QByteArrayLiteral("POST");
        http.path = QStringLiteral("/images/generations");
        http.contentType = QByteArrayLiteral("application/json");
        http.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        http.oneShot = true;
        http.maxResponseBytes = kMaxImageBytes;
        http.cancellation = cancel;
        const HttpResponse response = co_await m_http.send(std::move(http));
        if (!response.succeeded()) {
            const Error error = errorFor(response, nullptr);
            report(QStringLiteral("images/generations"), request.model, std::nullopt, timer, error.code);
            const bool worthAgain = error.code == u"openai.rate-limit" || error.code == u"openai.server";
            if (!worthAgain || attempt >= m_config.maxRetries)
                co_return error;
            ++attempt;
            Cancellation *const liveWait = cancel.data();
            const bool waited = co_await waitBeforeRetry(response, attempt, liveWait);
            if (!waited)
                co_return (cancel && cancel->isCancelled()) ? cancelledError() : error;
            continue;
        }
        const QJsonObject answer = response.json();
        const QJsonObject first = answer.value(QStringLiteral("data")).toArray().first().toObject();
        GeneratedImage image;
        image.revisedPrompt = first.value(QStringLiteral("revised_prompt")).toString();
        if (const QString b64 = first.value(QStringLiteral("b64_json")).toString(); !b64.isEmpty()) {
            image.data = QByteArray::fromBase64(b64.toLatin1());
        } else if (const QUrl url(first.value(QStringLiteral("url")).toString());
                   url.isValid() && (url.scheme() == u"https" || url.host() == m_config.baseUrl.host())) {
            // Fetched without the API key: the address may be anyone's (a CDN, a gateway's storage).
            HttpClient anonymous(m_network, HttpClient::Config{url, m_config.timeoutMs});
            HttpRequest fetch;
            fetch.maxResponseBytes = kMaxImageBytes;
            fetch.cancellation = cancel;
            const HttpResponse file = co_await anonymous.send(url, std::move(fetch));
            if (file.succeeded())
                image.data = file.body;
        }
        const ImageFormat format = ImageFormat::of(image.data);
        image.size = format.size;
        if (format.mime != u"image/png") {
            Error error(QStringLiteral("openai.bad-image"), tr("The AI server's answer holds no PNG image."));
            report(QStringLiteral("images/generations"), request.model, std::nullopt, timer, error.code);
            co_return error;
        }
        report(QStringLiteral("images/generations"), request.model, parseUsage(answer.value(QStringLiteral("usage"))), timer,
               QStringLiteral("ok"), 1);
        co_return image;
    }
}

} // namespace lux::channels::openai
