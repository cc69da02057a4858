// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversations.h"

#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace lux::assistant {

namespace {

using channels::openai::ChatMessage;
using channels::openai::ToolCall;

QString callsJson(const QList<ToolCall> &calls)
{
    if (calls.isEmpty())
        return QStringLiteral("");
    QJsonArray a;
    for (const ToolCall &c : calls)
        a.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}, {QStringLiteral("arguments"), c.arguments}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<ToolCall> callsFrom(const QString &json)
{
    QList<ToolCall> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out << ToolCall{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                        o.value(QStringLiteral("arguments")).toString()};
    }
    return out;
}

QString sourcesJson(const QList<Source> &sources)
{
    if (sources.isEmpty())
        return QStringLiteral("");
    QJsonArray a;
    for (const Source &s : sources)
        a.append(QJsonObject{{QStringLiteral("kind"), s.kind}, {QStringLiteral("count"), s.count}, {QStringLiteral("label"), s.label}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<Source> sourcesFrom(const QString &json)
{
    QList<Source> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out << Source{o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("count")).toInteger(),
                      o.value(QStringLiteral("label")).toString()};
    }
    return out;
}

Conversation conversationFrom(const QSqlQuery &q)
{
    return Conversation{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
                        q.value(4).toLongLong(), q.value(5).toLongLong()};
}

const QString kColumns = QStringLiteral("id, title, topic, personal_data, created_at, updated_at");

} // namespace

Result<Conversation> ConversationStore::create(const QString &title, const QString &topic, std::optional<qint64> byUser)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO ai_conversations (title, topic, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(storage::notNull(title.trimmed().isEmpty() ? tr("New conversation") : title.trimmed().left(200)));
    q.addBindValue(storage::notNull(topic));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec())
        return storage::queryError(q);
    return find(q.lastInsertId().toLongLong());
}

Result<Conversation> ConversationStore::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM ai_conversations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QStringLiteral("assistant.no-conversation"), tr("There is no conversation %1.").arg(id));
    return conversationFrom(q);
}

Result<QList<Conversation>> ConversationStore::list(const QString &topic) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM ai_conversations WHERE ? = '' OR topic = ? ORDER BY updated_at DESC, id DESC"));
    q.addBindValue(storage::notNull(topic));
    q.addBindValue(storage::notNull(topic));
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    QList<Conversation> out;
    while (q.next())
        out << conversationFrom(q);
    return out;
}

Result<QList<StoredMessage>> ConversationStore::messages(qint64 conversationId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, role, content, tool_calls, tool_call_id, sources, status, at FROM ai_messages"
                             " WHERE conversation_id = ? ORDER BY id"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    QList<StoredMessage> out;
    while (q.next())
        out << StoredMessage{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), callsFrom(q.value(3).toString()),
                             q.value(4).toString(), sourcesFrom(q.value(5).toString()), q.value(6).toString(), q.value(7).toLongLong()};
    return out;
}

Result<qint64> ConversationStore::append(qint64 conversationId, const StoredMessage &m)
{
    const qint64 now = m.at > 0 ? m.at : QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO ai_messages (conversation_id, role, content, tool_calls, tool_call_id, sources, status, at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(conversationId);
    q.addBindValue(storage::notNull(m.role));
    q.addBindValue(storage::notNull(m.content));
    q.addBindValue(callsJson(m.toolCalls));
    q.addBindValue(storage::notNull(m.toolCallId));
    q.addBindValue(sourcesJson(m.sources));
    q.addBindValue(storage::notNull(m.status));
    q.addBindValue(now);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery touch(m_db);
    touch.prepare(QStringLiteral("UPDATE ai_conversations SET updated_at = ? WHERE id = ?"));
    touch.addBindValue(now);
    touch.addBindValue(conversationId);
    if (!touch.exec())
        return storage::queryError(touch);
    return id;
}

Status ConversationStore::setPersonalData(qint64 conversationId, bool allowed)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE ai_conversations SET personal_data = ? WHERE id = ?"));
    q.addBindValue(allowed ? 1 : 0);
    q.addBindValue(conversationId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status ConversationStore::rename(qint64 conversationId, const QString &title)
{
    if (title.trimmed().isEmpty())
        return Error(QStringLiteral("assistant.title"), tr("A conversation needs a title."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE ai_conversations SET title = ? WHERE id = ?"));
    q.addBindValue(title.trimmed().left(200));
    q.addBindValue(conversationId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status ConversationStore::remove(qint64 conversationId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM ai_conversations WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

QList<ChatMessage> ConversationStore::toChat(const QList<StoredMessage> &messages)
{
    QList<ChatMessage> out;
    for (const StoredMessage &m : messages) {
        if (m.status == u"error")
            continue; // a failed turn was never answered: it is not part of what the model saw
        ChatMessage c;
        c.role = m.role;
        c.content = m.content;
        c.toolCalls = m.toolCalls;
        c.toolCallId = m.toolCallId;
        out << c;
    }
    // An answer's tool calls are sent only with every one of their results (a turn stopped while its
    // tools ran has some missing): the API refuses a call without its result.
    QList<ChatMessage> whole;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const ChatMessage &m = out.at(i);
        if (m.role == u"tool")
            continue; // kept below, right after their call
        if (m.toolCalls.isEmpty()) {
            whole << m;
            continue;
        }
        QList<ChatMessage> results;
        for (qsizetype j = i + 1; j < out.size() && out.at(j).role == u"tool"; ++j)
            results << out.at(j);
        bool answered = true;
        for (const ToolCall &call : m.toolCalls)
            answered = answered && std::any_of(results.cbegin(), results.cend(), [&call](const ChatMessage &r) { return r.toolCallId == call.id; });
        if (answered)
            whole << m << results;
    }
    return whole;
}

QString ConversationStore::sourcesLine(const QList<Source> &sources)
{
    QStringList parts;
    for (const Source &s : sources)
        parts << s.label;
    return parts.isEmpty() ? QString() : tr("used: %1").arg(parts.join(QStringLiteral(", ")));
}

} // namespace lux::assistant
