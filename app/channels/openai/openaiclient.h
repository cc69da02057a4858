// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/httpclient.h"
#include "chat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSize>

#include <functional>

class QNetworkAccessManager;

namespace lux::channels::openai {

// One request to the AI server, as the usage ledger keeps it.
struct UsageRecord
{
    QString endpoint; // "chat/completions", "images/generations", "models"
    QString model;
    std::optional<Usage> usage; // none: the server did not say (an interrupted stream, a local server)
    qint64 durationMs = 0;
    QString outcome; // "ok" or the error's code
    int images = 0;
};

struct ImageRequest
{
    QString model;  // "gpt-image-1", "dall-e-3", "dall-e-2"
    QString prompt;
    QString size;   // empty: the model's square 1024x1024
    QString quality; // empty: the model's default
};

struct GeneratedImage
{
    QByteArray data; // the image file (PNG), decoded from base64 or fetched from the URL given
    QString revisedPrompt;
    QSize size;
};

// Chat Completions and Images for OpenAI and the servers that speak its API (Ollama, llama.cpp's
// server, LM Studio, company gateways), on the one HTTP helper. docs/provider-contracts.md §3.
//
// How errors are read (the same for every call):
//   401                              openai.key           the key is wrong: ask for it again, no retry
//   429 insufficient_quota           openai.quota         the account has no credit: said plainly, no retry
//   429 rate_limit_exceeded, 5xx     openai.rate-limit / openai.server   waited for (retry-after-ms,
//                                    retry-after, or 1 s then 2 s) and sent again, at most twice
//   400 context_length_exceeded      openai.context-length  the oldest turns are dropped once and the
//                                    request sent again; a second refusal is returned
//   a tools or response_format request refused   openai.tools-unsupported / openai.format-unsupported
//                                    (the caller falls back; supportsTools() remembers it)
//   no answer                        openai.network       sent again like a 5xx when nothing was streamed
//   a stream cut or an error in it   openai.stream-cut / openai.stream-error   never sent again (the
//                                    user has seen part of it)
// Every request sent, answered or not, is reported to the usage sink.
class OpenAiClient
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::openai::OpenAiClient)
public:
    struct Config
    {
        QUrl baseUrl; // with its version: "https://api.openai.com/v1", "http://localhost:11434/v1"
        QByteArray apiKey; // may be empty for local servers
        int timeoutMs = 120'000; // of silence: a stream that keeps sending is not cut
        int maxRetries = 2;
        int backoffMs = 1000;            // the first wait when the server does not say; doubled after
        int maxRetryWaitMs = 60'000;     // a server asking for longer is not waited for
    };
    using UsageSink = std::function<void(const UsageRecord &)>;
    using TextSink = std::function<void(const QString &delta)>;

    OpenAiClient(QNetworkAccessManager *network, Config config);

    void setUsageSink(UsageSink sink) { m_usageSink = std::move(sink); }
    const Config &config() const { return m_config; }

    // One completion (streamed when request.stream, each new piece of text to onText as it arrives).
    // The request is taken by value: a coroutine outlives its caller's temporaries.
    QCoro::Task<Result<ChatAnswer>> chat(ChatRequest request, TextSink onText, Cancellation *cancel = nullptr);
    // The model names the server offers (GET /models).
    QCoro::Task<Result<QStringList>> models(Cancellation *cancel = nullptr);
    QCoro::Task<Result<GeneratedImage>> generateImage(ImageRequest request, Cancellation *cancel = nullptr);

    // What this server was found not to support in this session (a refused tools or json_schema call).
    bool supportsTools() const { return m_toolsSupported; }
    bool supportsJsonSchema() const { return m_schemaSupported; }
    // A json_schema answer that did not follow its schema: the server accepts the parameter but
    // ignores it, so JSON mode is asked for instead from now on.
    void noteJsonSchemaIgnored() { m_schemaSupported = false; }
    // What an earlier client learned of the same server (a new client per turn need not ask again).
    void assumeCapabilities(bool tools, bool jsonSchema)
    {
        m_toolsSupported = tools;
        m_schemaSupported = jsonSchema;
    }

    // The messages without their oldest turns (a turn: a user message and what answered it), keeping
    // every system message and at least the last turn; tool calls stay with their answers. Empty
    // when nothing can be dropped.
    static QList<ChatMessage> withoutOldestTurns(const QList<ChatMessage> &messages);
    // The error a response stands for (none for 2xx), told apart as above.
    static Error errorFor(const HttpResponse &response, const ChatRequest *request);

private:
    QCoro::Task<Result<ChatAnswer>> chatOnce(const ChatRequest &request, const TextSink &onText, Cancellation *cancel,
                                             bool &streamedSomething, HttpResponse &responseOut);
    QCoro::Task<bool> waitBeforeRetry(const HttpResponse &response, int attempt, Cancellation *cancelling);
    void report(const QString &endpoint, const QString &model, const std::optional<Usage> &usage, const QElapsedTimer &timer,
                const QString &outcome, int images = 0) const;

    QNetworkAccessManager *m_network;
    Config m_config;
    HttpClient m_http;
    UsageSink m_usageSink;
    bool m_toolsSupported = true;
    bool m_schemaSupported = true;
};

} // namespace lux::channels::openai
