// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace lux::mailbox {

// What was read from the sender mailboxes, for the contact's replies, the campaign's bounces,
// luxctl mailbox messages. Newest first.
class InboundMessages
{
public:
    struct Row
    {
        qint64 id = 0;
        QString mailbox;
        qint64 receivedAt = 0;
        QString kind; // className(): "hard-bounce", "reply", …
        QString rule;
        QString address;
        QString status;
        QString diagnostic;
        qint64 campaignId = 0;
        QString campaignName;
        qint64 contactId = 0;
        QString subject;
        QString excerpt;
        QString effect;
    };
    struct Filter
    {
        QString kind;           // "" for every kind
        qint64 campaignId = 0;  // 0 for any
        qint64 contactId = 0;   // 0 for any
        int limit = 100;
    };
    static Result<QList<Row>> list(QSqlDatabase db, const Filter &filter);
    // Erasing a contact (GDPR Art. 17) erases what they wrote and the address in these rows.
    static Status forgetContact(QSqlDatabase db, qint64 contactId, const QString &addressKey);
};

} // namespace lux::mailbox
