// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/openai/chat.h"
#include "conversations.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace lux::assistant {

// The assistant's tools: read-only questions about the marketer's own data, answered on a worker
// with a connection of its own. By default they give aggregates only (counts, rates, campaign
// figures, the brand kit, templates, products); the personal-data tool (find_contacts) is offered
// only in a conversation where the user turned personal data on, and nothing else sends a contact's
// own data. Every answer is JSON, bounded in size, with the source it counts as.
class AssistantTools
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::AssistantTools)
public:
    struct Answer
    {
        QString json; // what the model reads
        Source source;
        bool failed = false;
    };

    explicit AssistantTools(bool personalData) : m_personalData(personalData) {}

    QList<channels::openai::ToolSpec> specs() const;
    bool personalData() const { return m_personalData; }
    // Runs one call (its arguments as the model wrote them). An unknown tool, arguments that are not
    // JSON or out of range give an answer that says so (the model reads it and may try again).
    Answer run(QSqlDatabase db, const channels::openai::ToolCall &call) const;
    // For servers without tools: every tool's default answer, gathered before the question is sent.
    QList<Answer> gatherAll(QSqlDatabase db) const;

    // What a source is called under an answer, for `count` items of a tool's kind.
    static QString label(const QString &kind, qint64 count);
    // Sources merged by kind (counts added), labelled.
    static QList<Source> merged(const QList<Source> &sources);

    // The most characters of one tool's answer (long answers are cut, and say so).
    static constexpr qsizetype kMaxAnswerChars = 24'000;

private:
    Answer audienceStats(QSqlDatabase db, const QJsonObject &args) const;
    Answer engagement(QSqlDatabase db, const QJsonObject &args) const;
    Answer campaignResults(QSqlDatabase db, const QJsonObject &args) const;
    Answer templates(QSqlDatabase db, const QJsonObject &args) const;
    Answer brandKit(QSqlDatabase db) const;
    Answer searchProducts(QSqlDatabase db, const QJsonObject &args) const;
    Answer findContacts(QSqlDatabase db, const QJsonObject &args) const;

    bool m_personalData;
};

} // namespace lux::assistant
