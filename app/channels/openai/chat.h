// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace lux::channels::openai {

// What travels in a Chat Completions request and answer (docs/provider-contracts.md §3.1).
struct ToolCall
{
    QString id;
    QString name;
    QString arguments; // JSON text, as the model wrote it
};

struct ChatMessage
{
    QString role; // "system", "user", "assistant", "tool"
    QString content;
    QList<ToolCall> toolCalls; // an assistant's
    QString toolCallId;        // a tool's answer: the call it answers

    static ChatMessage system(const QString &text) { return {QStringLiteral("system"), text, {}, {}}; }
    static ChatMessage user(const QString &text) { return {QStringLiteral("user"), text, {}, {}}; }
    static ChatMessage assistant(const QString &text, const QList<ToolCall> &calls = {})
    {
        return {QStringLiteral("assistant"), text, calls, {}};
    }
    static ChatMessage tool(const QString &callId, const QString &result) { return {QStringLiteral("tool"), result, {}, callId}; }
    QJsonObject toJson() const;
};

struct ToolSpec
{
    QString name;
    QString description;
    QJsonObject parameters; // a JSON schema (type object)
};

struct ResponseFormat
{
    enum class Kind { Text, JsonObject, JsonSchema };
    Kind kind = Kind::Text;
    QString name;       // json_schema: ^[a-zA-Z0-9_-]{1,64}$
    QJsonObject schema; // json_schema
};

struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    QList<ToolSpec> tools;
    bool toolChoiceNone = false; // "tool_choice": "none" (the last round of a tool loop)
    ResponseFormat format;
    double temperature = -1; // < 0: the server's default
    int maxTokens = 0;       // 0: the server's default
    bool stream = true;

    QJsonObject toJson() const;
};

struct Usage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedTokens = 0;
};

struct ChatAnswer
{
    QString model;
    QString content;
    QString refusal;
    QList<ToolCall> toolCalls;
    QString finishReason; // "stop", "length", "tool_calls", "content_filter"; empty: never said
    std::optional<Usage> usage;
};

// The error object OpenAI and compatible servers send ({"error":{"message","type","param","code"}}),
// in an answer's body or in the middle of a stream.
struct ApiError
{
    int status = 0;
    QString message;
    QString type;
    QString param;
    QString code;

    static std::optional<ApiError> fromJson(const QJsonObject &body, int status);
    bool isQuota() const;
    bool isRateLimit() const;
    bool isContextLength() const;
};

// A streamed answer put together from its chunks (chat.completion.chunk, one per SSE event): content
// deltas joined, tool calls gathered by their index (the first fragment has the id and the name, the
// arguments come in pieces), finish_reason, the usage chunk (empty choices) and `[DONE]`. An event
// with an error object ends the stream with that error; a chunk that is not JSON ends it too.
class ChatStream
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::openai::ChatStream)
public:
    // One event's data. Returns the new content text of this event (may be empty).
    QString add(const QByteArray &data);
    bool done() const { return m_done; }
    const std::optional<ApiError> &error() const { return m_error; }
    bool malformed() const { return m_malformed; }
    // The answer so far (whole once done()).
    ChatAnswer answer() const;

private:
    struct PartialCall
    {
        int index = 0;
        ToolCall call;
    };
    ChatAnswer m_answer;
    QList<PartialCall> m_calls;
    std::optional<ApiError> m_error;
    bool m_done = false;
    bool m_malformed = false;
};

// A whole (not streamed) chat.completion object.
Result<ChatAnswer> parseCompletion(const QJsonObject &body);
std::optional<Usage> parseUsage(const QJsonValue &usage);

} // namespace lux::channels::openai
