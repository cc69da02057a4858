// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat.h"

#include <QJsonDocument>

#include <algorithm>

namespace lux::channels::openai {

namespace {

QJsonObject toolCallJson(const ToolCall &call)
{
    return QJsonObject{{QStringLiteral("id"), call.id},
                       {QStringLiteral("type"), QStringLiteral("function")},
                       {QStringLiteral("function"),
                        QJsonObject{{QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}}}};
}

} // namespace

QJsonObject ChatMessage::toJson() const
{
    QJsonObject o{{QStringLiteral("role"), role}};
    if (role == u"assistant" && !toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &c : toolCalls)
            calls.append(toolCallJson(c));
        o.insert(QStringLiteral("tool_calls"), calls);
        o.insert(QStringLiteral("content"), content.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(content));
    } else {
        o.insert(QStringLiteral("content"), content);
    }
    if (role == u"tool")
        o.insert(QStringLiteral("tool_call_id"), toolCallId);
    return o;
}

QJsonObject ChatRequest::toJson() const
{
    QJsonArray list;
    for (const ChatMessage &m : messages)
        list.append(m.toJson());
    QJsonObject o{{QStringLiteral("model"), model}, {QStringLiteral("messages"), list}};
    if (!tools.isEmpty()) {
        QJsonArray specs;
        for (const ToolSpec &t : tools)
            specs.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                     {QStringLiteral("function"),
                                      QJsonObject{{QStringLiteral("name"), t.name},
                                                  {QStringLiteral("description"), t.description},
                                                  {QStringLiteral("parameters"), t.parameters}}}});
        o.insert(QStringLiteral("tools"), specs);
        if (toolChoiceNone)
            o.insert(QStringLiteral("tool_choice"), QStringLiteral("none"));
    }
    switch (format.kind) {
    case ResponseFormat::Kind::Text:
        break;
    case ResponseFormat::Kind::JsonObject:
        o.insert(QStringLiteral("response_format"), QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}});
        break;
    case ResponseFormat::Kind::JsonSchema:
        o.insert(QStringLiteral("response_format"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                             {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), format.name},
                                                                         {QStringLiteral("schema"), format.schema},
                                                                         {QStringLiteral("strict"), true}}}});
        break;
    }
    if (temperature >= 0)
        o.insert(QStringLiteral("temperature"), temperature);
    if (maxTokens > 0)
        o.insert(QStringLiteral("max_tokens"), maxTokens);
    if (stream) {
        o.insert(QStringLiteral("stream"), true);
        o.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    }
    return o;
}

std::optional<ApiError> ApiError::fromJson(const QJsonObject &body, int status)
{
    const QJsonValue e = body.value(QStringLiteral("error"));
    if (!e.isObject() && !e.isString())
        return std::nullopt;
    ApiError error;
    error.status = status;
    if (e.isString()) { // some local servers: {"error":"message"}
        error.message = e.toString();
        return error;
    }
    const QJsonObject o = e.toObject();
    error.message = o.value(QStringLiteral("message")).toString();
    error.type = o.value(QStringLiteral("type")).toString();
    error.param = o.value(QStringLiteral("param")).toString();
    const QJsonValue code = o.value(QStringLiteral("code"));
    error.code = code.isDouble() ? QString::number(code.toInteger()) : code.toString();
    if (error.status == 0 && code.isDouble())
        error.status = int(code.toInteger());
    return error;
}

bool ApiError::isQuota() const
{
    return code == u"insufficient_quota" || type == u"insufficient_quota";
}

bool ApiError::isRateLimit() const
{
    return !isQuota() && (code == u"rate_limit_exceeded" || status == 429);
}

bool ApiError::isContextLength() const
{
    return code == u"context_length_exceeded";
}

std::optional<Usage> parseUsage(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    Usage u;
    u.promptTokens = o.value(QStringLiteral("prompt_tokens")).toInteger();
    u.completionTokens = o.value(QStringLiteral("completion_tokens")).toInteger();
    u.cachedTokens = o.value(QStringLiteral("prompt_tokens_details")).toObject().value(QStringLiteral("cached_tokens")).toInteger();
    return u;
}

QString ChatStream::add(const QByteArray &data)
{
    if (m_done || m_error || m_malformed)
        return {};
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        return {};
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject()) {
        m_malformed = true;
        return {};
    }
    const QJsonObject chunk = doc.object();
    if (std::optional<ApiError> e = ApiError::fromJson(chunk, 0)) {
        m_error = std::move(e);
        return {};
    }
    if (chunk.contains(QStringLiteral("model")))
        m_answer.model = chunk.value(QStringLiteral("model")).toString();
    if (const QJsonValue usage = chunk.value(QStringLiteral("usage")); usage.isObject())
        m_answer.usage = parseUsage(usage);
    QString text;
    const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
    for (const QJsonValue &choiceValue : choices) {
        const QJsonObject choice = choiceValue.toObject();
        if (choice.value(QStringLiteral("index")).toInt() != 0)
            continue; // n = 1: only the first choice is asked for
        const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
        if (const QJsonValue c = delta.value(QStringLiteral("content")); c.isString())
            text += c.toString();
        if (const QJsonValue r = delta.value(QStringLiteral("refusal")); r.isString())
            m_answer.refusal += r.toString();
        const QJsonArray calls = delta.value(QStringLiteral("tool_calls")).toArray();
        for (const QJsonValue &callValue : calls) {
            const QJsonObject call = callValue.toObject();
            // Servers that send whole calls without an index number them by position.
            const int index = call.contains(QStringLiteral("index")) ? call.value(QStringLiteral("index")).toInt()
                                                                     : int(m_calls.size());
            auto it = std::find_if(m_calls.begin(), m_calls.end(), [index](const PartialCall &p) { return p.index == index; });
            if (it == m_calls.end()) {
                m_calls.append(PartialCall{index, {}});
                it = std::prev(m_calls.end());
            }
            if (const QString id = call.value(QStringLiteral("id")).toString(); !id.isEmpty())
                it->call.id = id;
            const QJsonObject function = call.value(QStringLiteral("function")).toObject();
            // The name comes whole in the first fragment; servers that repeat it are not read twice.
            if (const QString name = function.value(QStringLiteral("name")).toString(); !name.isEmpty()) {
                if (it->call.name.isEmpty() || !name.startsWith(it->call.name))
                    it->call.name += name;
                else
                    it->call.name = name;
            }
            it->call.arguments += function.value(QStringLiteral("arguments")).toString();
        }
        if (const QJsonValue f = choice.value(QStringLiteral("finish_reason")); f.isString())
            m_answer.finishReason = f.toString();
    }
    m_answer.content += text;
    return text;
}

ChatAnswer ChatStream::answer() const
{
    ChatAnswer a = m_answer;
    QList<PartialCall> calls = m_calls;
    std::stable_sort(calls.begin(), calls.end(), [](const PartialCall &x, const PartialCall &y) { return x.index < y.index; });
    for (const PartialCall &p : std::as_const(calls))
        a.toolCalls << p.call;
    return a;
}

Result<ChatAnswer> parseCompletion(const QJsonObject &body)
{
    const QJsonArray choices = body.value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty())
        return Error(QStringLiteral("openai.bad-answer"), ChatStream::tr("The AI server's answer has no choices."));
    ChatAnswer a;
    a.model = body.value(QStringLiteral("model")).toString();
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
    a.content = message.value(QStringLiteral("content")).toString();
    a.refusal = message.value(QStringLiteral("refusal")).toString();
    for (const QJsonValue &v : message.value(QStringLiteral("tool_calls")).toArray()) {
        const QJsonObject call = v.toObject();
        const QJsonObject function = call.value(QStringLiteral("function")).toObject();
        a.toolCalls << ToolCall{call.value(QStringLiteral("id")).toString(), function.value(QStringLiteral("name")).toString(),
                                function.value(QStringLiteral("arguments")).toString()};
    }
    a.finishReason = choice.value(QStringLiteral("finish_reason")).toString();
    a.usage = parseUsage(body.value(QStringLiteral("usage")));
    return a;
}

} // namespace lux::channels::openai
