// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistant.h"

#include "jsonschema.h"
#include "storage/sqlitefile.h"

#include <QCoroFuture>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::assistant {

using channels::Cancellation;
using channels::openai::ChatRequest;
using channels::openai::ResponseFormat;
using channels::openai::ToolCall;

Assistant::Assistant(channels::openai::OpenAiClient *client, QString databasePath, QString model)
    : m_client(client), m_databasePath(std::move(databasePath)), m_model(std::move(model))
{
}

QString Assistant::systemPrompt(const Options &options)
{
    // Written for the model, in English whatever the interface language: models follow English
    // instructions best, and the answer's language is asked for explicitly.
    QString p = QStringLiteral(
        "You are LUX, the assistant inside LUX Marketing, a desktop app a marketer uses for email, SMS and events. "
        "Ground every fact in the marketer's own data: call the tools for audience figures, campaign results, "
        "templates, the brand kit and the product catalogue. Never invent a product name, price, SKU, figure or "
        "result; if the data does not say, say so. Product prices and names must be copied exactly as the "
        "catalogue gives them. Drafts use the brand kit (colours, fonts, tone) and merge tags such as "
        "{{first_name}}, {{brand.KEY}} and {{unsubscribe_url}}. Be concise and concrete.");
    if (!options.personalData)
        p += QStringLiteral(" You see aggregates only: no contact's personal data is shared in this conversation.");
    if (!options.language.isEmpty())
        p += QStringLiteral(" Answer in the language with code \"%1\".").arg(options.language);
    return p;
}

QCoro::Task<AssistantTools::Answer> Assistant::runTool(AssistantTools tools, ToolCall call)
{
    const QString path = m_databasePath;
    QFuture<AssistantTools::Answer> future = QtConcurrent::run([path, tools, call] {
        storage::ScopedConnection connection(path, storage::ScopedConnection::Mode::ReadOnly);
        if (!connection.isOpen())
            return AssistantTools::Answer{QStringLiteral("{\"error\":\"The database could not be read.\"}"), Source{call.name, 0, {}}, true};
        return tools.run(connection.db(), call);
    });
    co_return co_await future;
}

QCoro::Task<QList<AssistantTools::Answer>> Assistant::gather(AssistantTools tools)
{
    const QString path = m_databasePath;
    QFuture<QList<AssistantTools::Answer>> future = QtConcurrent::run([path, tools] {
        storage::ScopedConnection connection(path, storage::ScopedConnection::Mode::ReadOnly);
        if (!connection.isOpen())
            return QList<AssistantTools::Answer>{};
        return tools.gatherAll(connection.db());
    });
    co_return co_await future;
}

QCoro::Task<Result<Assistant::Turn>> Assistant::ask(QList<ChatMessage> messages, Options options, TextSink onText, Cancellation *cancel)
{
    const ResponseFormat text;
    Result<Turn> turn = co_await run(std::move(messages), std::move(options), text, std::move(onText), cancel);
    co_return turn;
}

QCoro::Task<Result<Assistant::Turn>> Assistant::run(QList<ChatMessage> messages, Options options, ResponseFormat format,
                                                   TextSink onText, Cancellation *cancel)
{
    const AssistantTools tools(options.personalData);
    QList<ChatMessage> conversation;
    conversation << ChatMessage::system(systemPrompt(options));
    if (format.kind == ResponseFormat::Kind::JsonSchema && !m_client->supportsJsonSchema())
        format.kind = ResponseFormat::Kind::JsonObject;
    if (format.kind == ResponseFormat::Kind::JsonObject)
        conversation << ChatMessage::system(QStringLiteral("Answer with one JSON object only, no other text, that matches this JSON schema: ")
                                            + QString::fromUtf8(QJsonDocument(format.schema).toJson(QJsonDocument::Compact)));
    conversation << messages;
    Turn turn;
    QList<Source> sources;
    bool withTools = options.tools && m_client->supportsTools();
    auto gatherFirst = [&](const QList<AssistantTools::Answer> &answers) {
        QString data = QStringLiteral("Data from the marketer's database, gathered before the question because this server cannot "
                                      "call tools:");
        for (const AssistantTools::Answer &a : answers) {
            data += QStringLiteral("\n\n") + a.source.kind + QStringLiteral(": ") + a.json;
            if (!a.failed)
                sources << a.source;
        }
        conversation.insert(1, ChatMessage::system(data));
        turn.gatheredFirst = true;
    };
    if (options.tools && !withTools) {
        const QList<AssistantTools::Answer> answers = co_await gather(tools);
        gatherFirst(answers);
    }
    for (int round = 0; round < options.maxRounds; ++round) {
        ChatRequest request;
        request.model = m_model;
        request.messages = conversation;
        if (withTools) {
            request.tools = tools.specs();
            request.toolChoiceNone = round == options.maxRounds - 1; // the last round answers
        }
        request.format = format;
        request.stream = true;
        Result<channels::openai::ChatAnswer> answer = co_await m_client->chat(request, onText, cancel);
        if (!answer) {
            const QString code = answer.error().code;
            if (code == u"openai.tools-unsupported" && withTools) {
                withTools = false;
                const QList<AssistantTools::Answer> answers = co_await gather(tools);
                gatherFirst(answers);
                --round; // the refused request was not a round
                continue;
            }
            if (code == u"openai.format-unsupported" && format.kind == ResponseFormat::Kind::JsonSchema) {
                format.kind = ResponseFormat::Kind::JsonObject;
                conversation.insert(1, ChatMessage::system(QStringLiteral("Answer with one JSON object only, no other text, that matches "
                                                                          "this JSON schema: ")
                                                           + QString::fromUtf8(QJsonDocument(format.schema).toJson(QJsonDocument::Compact))));
                --round;
                continue;
            }
            co_return answer.error();
        }
        const channels::openai::ChatAnswer a = std::move(answer).value();
        if (!a.toolCalls.isEmpty() && withTools && round < options.maxRounds - 1) {
            const ChatMessage call = ChatMessage::assistant(a.content, a.toolCalls);
            conversation << call;
            turn.added << call;
            for (const ToolCall &c : a.toolCalls) {
                if (cancel && cancel->isCancelled())
                    co_return Error(QStringLiteral("openai.cancelled"), tr("Stopped."));
                const AssistantTools::Answer result = co_await runTool(tools, c);
                const ChatMessage reply = ChatMessage::tool(c.id, result.json);
                conversation << reply;
                turn.added << reply;
                if (!result.failed)
                    sources << result.source;
            }
            continue;
        }
        if (!a.toolCalls.isEmpty() && a.content.trimmed().isEmpty())
            break; // the last round, and still only tool calls (a server that ignores tool_choice)
        if (!a.refusal.isEmpty() && a.content.isEmpty())
            co_return Error(QStringLiteral("assistant.refused"), tr("The model declined: %1").arg(a.refusal));
        if (a.finishReason == u"length" && format.kind != ResponseFormat::Kind::Text)
            co_return Error(QStringLiteral("assistant.too-long"),
                            tr("The model's answer reached its length limit before the JSON was complete. Ask for something shorter."));
        turn.text = a.content;
        turn.added << ChatMessage::assistant(a.content);
        turn.sources = AssistantTools::merged(sources);
        co_return turn;
    }
    co_return Error(QStringLiteral("assistant.rounds"),
                    tr("The model kept asking for data after %n round(s) without answering. Ask again, more precisely.", nullptr,
                       options.maxRounds));
}

QCoro::Task<Result<Assistant::Structured>> Assistant::structured(QList<ChatMessage> messages, QString name, QJsonObject schema,
                                                                 Options options, Check check, Cancellation *cancel)
{
    Result<JsonSchema> compiled = JsonSchema::compile(schema);
    if (!compiled)
        co_return compiled.error();
    ResponseFormat format;
    format.kind = ResponseFormat::Kind::JsonSchema;
    format.name = name;
    format.schema = schema;
    const TextSink quiet; // JSON is not shown as it streams
    for (int attempt = 0;; ++attempt) {
        Result<Turn> turn = co_await run(messages, options, format, quiet, cancel);
        if (!turn)
            co_return turn.error();
        QStringList problems;
        QJsonObject value;
        const QByteArray answerText = turn->text.toUtf8();
        bool schemaIgnored = false;
        if (Result<QJsonValue> parsed = JsonSchema::parseAndValidate(answerText, *compiled); !parsed) {
            problems << parsed.error().message;
            schemaIgnored = format.kind == ResponseFormat::Kind::JsonSchema;
        } else if (!parsed->isObject()) {
            problems << tr("The answer is not a JSON object.");
        } else {
            value = parsed->toObject();
            if (check)
                problems << check(value);
        }
        if (problems.isEmpty())
            co_return Structured{value, std::move(turn).value()};
        if (attempt >= 1)
            co_return Error(QStringLiteral("assistant.invalid-answer"),
                            tr("The AI's answer was not what LUX asked for, even after a second try: %1")
                                .arg(problems.join(QStringLiteral("; "))));
        // A server that answered a json_schema request with something else does not follow schemas
        // (local servers may ignore `strict`): JSON mode with the schema in the prompt from now on.
        if (schemaIgnored) {
            m_client->noteJsonSchemaIgnored();
            format.kind = ResponseFormat::Kind::JsonObject;
        }
        messages << turn->added;
        messages << ChatMessage::user(QStringLiteral("That answer cannot be used: ") + problems.join(QStringLiteral("; "))
                                      + QStringLiteral(". Answer again with the corrected JSON only."));
    }
}

} // namespace lux::assistant
