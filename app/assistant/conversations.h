// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/openai/chat.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::assistant {

// What an answer used, shown under it ("used: 3 campaign reports, the brand kit, 12 products").
struct Source
{
    QString kind; // a tool's name: "campaign_results", "brand_kit", "search_products" …
    qint64 count = 0;
    QString label; // translated: "3 campaign reports"
};

struct StoredMessage
{
    qint64 id = 0;
    QString role; // "user", "assistant", "tool"
    QString content;
    QList<channels::openai::ToolCall> toolCalls;
    QString toolCallId;
    QList<Source> sources;
    QString status = QStringLiteral("complete"); // "interrupted", "error"
    qint64 at = 0;
};

struct Conversation
{
    qint64 id = 0;
    QString title;
    QString topic; // the section it was started from: "campaigns", "templates", "contacts" …
    bool personalData = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// Conversations with the assistant, kept in the database (migration 15).
class ConversationStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::ConversationStore)
public:
    explicit ConversationStore(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<Conversation> create(const QString &title, const QString &topic, std::optional<qint64> byUser);
    Result<Conversation> find(qint64 id) const;
    Result<QList<Conversation>> list(const QString &topic = {}) const; // newest first
    Result<QList<StoredMessage>> messages(qint64 conversationId) const; // oldest first
    Result<qint64> append(qint64 conversationId, const StoredMessage &message);
    Status setPersonalData(qint64 conversationId, bool allowed);
    Status rename(qint64 conversationId, const QString &title);
    Status remove(qint64 conversationId);

    // The stored turns as the chat API takes them (user, assistant with its tool calls, tool).
    static QList<channels::openai::ChatMessage> toChat(const QList<StoredMessage> &messages);
    static QString sourcesLine(const QList<Source> &sources); // "used: 3 campaign reports, the brand kit"

private:
    QSqlDatabase m_db;
};

} // namespace lux::assistant
