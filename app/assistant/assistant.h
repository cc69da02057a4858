// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/openai/openaiclient.h"
#include "conversations.h"
#include "tools.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

namespace lux::assistant {

// LUX, the assistant: one turn of a conversation with the AI server, grounded in the marketer's own
// data through the tools (AssistantTools), which run on a worker between rounds until the model
// stops asking for them (at most Options::maxRounds). Servers that cannot call tools get the data
// gathered first and put in the prompt; servers that cannot follow a JSON schema get JSON mode, and
// every structured answer is validated here against the same schema either way. Nothing an answer
// says is stored, sent or saved by this class: callers make drafts of it.
class Assistant
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::Assistant)
public:
    using ChatMessage = channels::openai::ChatMessage;
    using TextSink = channels::openai::OpenAiClient::TextSink;

    struct Options
    {
        bool personalData = false; // the conversation lets contacts' own data be sent
        bool tools = true;         // offer the tools (when the server has them)
        int maxRounds = 6;         // model calls in one turn, tool rounds included
        QString language;          // answer in this language ("es"); empty: the user's
    };

    struct Turn
    {
        QString text;              // the final answer's text
        QList<Source> sources;     // what it used, merged by kind
        QList<ChatMessage> added;  // the assistant's and tools' messages of this turn, in order
        bool gatheredFirst = false; // the server had no tools: the data went in the prompt
    };

    Assistant(channels::openai::OpenAiClient *client, QString databasePath, QString model);

    // One turn: `messages` is the conversation so far ending with the user's message (no system
    // message: the assistant adds its own). Parameters by value: a coroutine outlives its caller's
    // temporaries.
    QCoro::Task<Result<Turn>> ask(QList<ChatMessage> messages, Options options, TextSink onText,
                                  channels::Cancellation *cancel = nullptr);

    // A check beyond the schema (an SMS's parts, a segment that compiles): problems, or none.
    using Check = std::function<QStringList(const QJsonObject &)>;
    struct Structured
    {
        QJsonObject value;
        Turn turn;
    };
    // An answer in the JSON the schema describes (name: ^[a-zA-Z0-9_-]{1,64}$), validated locally;
    // an answer that fails the schema or the check is sent back once with what was wrong.
    QCoro::Task<Result<Structured>> structured(QList<ChatMessage> messages, QString name, QJsonObject schema, Options options,
                                               Check check, channels::Cancellation *cancel = nullptr);

    static QString systemPrompt(const Options &options);

private:
    QCoro::Task<Result<Turn>> run(QList<ChatMessage> messages, Options options, channels::openai::ResponseFormat format,
                                  TextSink onText, channels::Cancellation *cancel);
    QCoro::Task<AssistantTools::Answer> runTool(AssistantTools tools, channels::openai::ToolCall call);
    QCoro::Task<QList<AssistantTools::Answer>> gather(AssistantTools tools);

    channels::openai::OpenAiClient *m_client;
    QString m_databasePath;
    QString m_model;
};

} // namespace lux::assistant
