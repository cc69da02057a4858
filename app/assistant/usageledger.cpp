// SPDX-License-Identifier: GPL-3.0-or-later
#include "usageledger.h"

#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::assistant {

Status UsageLedger::record(const channels::openai::UsageRecord &r, std::optional<qint64> conversationId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO ai_usage (at, endpoint, model, prompt_tokens, completion_tokens, cached_tokens, images,"
                             " duration_ms, outcome, conversation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(storage::notNull(r.endpoint));
    q.addBindValue(storage::notNull(r.model));
    const QVariant unknown(QMetaType::fromType<qint64>());
    q.addBindValue(r.usage ? QVariant(r.usage->promptTokens) : unknown);
    q.addBindValue(r.usage ? QVariant(r.usage->completionTokens) : unknown);
    q.addBindValue(r.usage ? QVariant(r.usage->cachedTokens) : unknown);
    q.addBindValue(r.images);
    q.addBindValue(r.durationMs);
    q.addBindValue(storage::notNull(r.outcome));
    q.addBindValue(conversationId ? QVariant(*conversationId) : unknown);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Result<UsageLedger::Totals> UsageLedger::month(const QDate &day) const
{
    const QDate first(day.year(), day.month(), 1);
    const qint64 from = first.startOfDay().toMSecsSinceEpoch();
    const qint64 to = first.addMonths(1).startOfDay().toMSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*), coalesce(sum(outcome <> 'ok'), 0), coalesce(sum(prompt_tokens IS NULL AND outcome IN ('ok', 'openai.stream-cut', 'openai.stream-error', 'openai.cancelled', 'openai.network', 'openai.bad-answer')), 0),"
                             " coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),"
                             " coalesce(sum(cached_tokens), 0), coalesce(sum(images), 0)"
                             " FROM ai_usage WHERE at >= ? AND at < ?"));
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec() || !q.next())
        return storage::queryError(q, QString(errc::dbRead));
    Totals t;
    t.requests = q.value(0).toLongLong();
    t.failed = q.value(1).toLongLong();
    t.unknownUsage = q.value(2).toLongLong();
    t.promptTokens = q.value(3).toLongLong();
    t.completionTokens = q.value(4).toLongLong();
    t.cachedTokens = q.value(5).toLongLong();
    t.images = q.value(6).toLongLong();
    return t;
}

} // namespace lux::assistant
