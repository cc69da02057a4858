// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/sqlitefile.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace lux::analytics {

// One line of a contact's email activity: a campaign they were sent, or an open, click or
// unsubscribe pulled from lux-tracker.
struct ActivityEntry
{
    qint64 at = 0;    // ms since the epoch
    QString kind;     // sent, open, click, unsubscribe
    QString campaign; // the campaign's name
    QString url;      // the link, for a click
    bool machine = false;
    QString reason; // why the hit counts as a machine's (tracking::describeReason)
};

// What the screens read from the outbox, in one place: the outbox's columns change with its
// channels, and every query over them outside the send path sits here.
class OutboxReader
{
    Q_DECLARE_TR_FUNCTIONS(lux::analytics::OutboxReader)
public:
    explicit OutboxReader(QSqlDatabase db) : m_db(std::move(db)) {}

    // The contact's latest activity, newest first, at most `limit` lines.
    Result<QList<ActivityEntry>> contactActivity(qint64 contactId, int limit = 20) const;

    // Writes the campaign's recipients (address, state, attempts, sender, reason code and text,
    // message id, last change in UTC) as CSV to `path` through a QSaveFile: a failure or `cancel`
    // leaves any earlier file untouched. Cells a spreadsheet would run as formulas are neutralised.
    // Returns the number of rows written.
    Result<qint64> exportCsv(qint64 campaignId, const QString &path, const storage::ProgressFn &progress = {},
                             const std::atomic_bool *cancel = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::analytics
