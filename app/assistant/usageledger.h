// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/openai/openaiclient.h"
#include "common/result.h"

#include <QDate>
#include <QSqlDatabase>

#include <optional>

namespace lux::assistant {

// Every request to the AI server, kept in ai_usage (migration 15): model, tokens (cached too),
// duration and outcome. A request whose usage the server did not give (a stream cut off, a local
// server) is kept with unknown tokens, never as zero.
class UsageLedger
{
public:
    explicit UsageLedger(QSqlDatabase db) : m_db(std::move(db)) {}

    Status record(const channels::openai::UsageRecord &r, std::optional<qint64> conversationId = std::nullopt);

    struct Totals
    {
        qint64 requests = 0;
        qint64 failed = 0;        // outcome other than "ok"
        qint64 unknownUsage = 0;  // requests that may have used tokens the server did not report (cut, stopped, unanswered)
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        qint64 cachedTokens = 0;
        qint64 images = 0;
    };
    // The calendar month (local time) that holds `day`.
    Result<Totals> month(const QDate &day) const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::assistant
