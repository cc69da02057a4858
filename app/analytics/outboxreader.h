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

// One text sent to a contact, and what Twilio said of it.
struct TextEntry
{
    qint64 at = 0;    // when it went (or last changed)
    QString campaign; // the campaign's name
    QString number;   // the number it went to
    QString state;    // the outbox state: pending, sending, sent, failed, unknown
    QString delivery; // Twilio's last status: queued, sent, delivered, undelivered, failed; empty before any
    QString code;     // Twilio's error code, or ours (sms.quiet-hours) while it waits
    qint64 dueAt = 0; // a text waiting for quiet hours: when its window opens
};

// One text a contact sent back (sms_inbound).
struct SmsReply
{
    qint64 at = 0;
    QString from;
    QString body;
    QString keyword; // opt-out, opt-in, help, other
};

// What the screens read from the outbox, in one place: the outbox's columns change with its
// channels, and every query over them outside the send path sits here.
class OutboxReader
{
    Q_DECLARE_TR_FUNCTIONS(lux::analytics::OutboxReader)
public:
    explicit OutboxReader(QSqlDatabase db) : m_db(std::move(db)) {}

    // The contact's latest email activity, newest first, at most `limit` lines.
    Result<QList<ActivityEntry>> contactActivity(qint64 contactId, int limit = 20) const;
    // The texts sent to the contact, newest first, and the texts they sent back.
    Result<QList<TextEntry>> contactTexts(qint64 contactId, int limit = 20) const;
    Result<QList<SmsReply>> contactSmsReplies(qint64 contactId, int limit = 20) const;

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
