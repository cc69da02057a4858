// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/campaignstore.h"
#include "campaigns/dispatcher.h"
#include "content/emailhtml.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace lux::campaigns {

// What the window and luxctl both do to a campaign, each step a committed change of status plus the
// scheduler's job, so a campaign that is scheduled always has a job and one that is not has none.
class Lifecycle
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::Lifecycle)
public:
    explicit Lifecycle(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // The pre-send checks of the campaign as it would go out: the template's (merge tags, unsubscribe
    // link, postal address, size…), an empty audience, a sender mailbox that is not set up, and
    // without a tracker (`withTracker` false) a warning of what is given up (noTrackerWarning).
    QList<content::Finding> checks(const Campaign &c, bool withTracker) const;
    // What a campaign gives up without a tracker: one-click unsubscribe, and opens and clicks when
    // it would track them. The wizard and luxctl say it in these words.
    static QString noTrackerWarning(bool tracks);
    static bool hasErrors(const QList<content::Finding> &findings);
    static bool hasWarnings(const QList<content::Finding> &findings);

    // Draft → scheduled at `at` (now when empty), if the checks have no error and, when they have
    // warnings, the user acknowledged them.
    Status schedule(qint64 id, std::optional<qint64> at, bool warningsAcknowledged, std::optional<qint64> byUser);
    Status unschedule(qint64 id, std::optional<qint64> byUser); // scheduled → draft, to edit it
    Status pause(qint64 id, std::optional<qint64> byUser);
    Status resume(qint64 id, std::optional<qint64> byUser); // paused or failed → sending, due now
    Status cancel(qint64 id, std::optional<qint64> byUser);
    // Rows that failed go back to pending and the campaign sends again (from sent or failed too).
    Result<qint64> retryFailed(qint64 id, std::optional<qint64> byUser);
    // The user's decision about rows in doubt: send them again (pending, a fresh draft, the campaign
    // sending again if it had ended) or count them as sent. A campaign still `sending` (its run ended
    // with these rows in doubt) becomes due again, to send them or to finish. Returns how many were decided.
    Result<qint64> decide(qint64 id, const QList<qint64> &rowIds, bool send, std::optional<qint64> byUser);

    // The mailboxes a campaign sends from, each with its pace; an unknown mailbox is an error.
    Result<QList<Dispatcher::SenderConfig>> senders(const Campaign &c) const;

private:
    void emailChecks(const Campaign &c, QList<content::Finding> &out) const;
    void smsChecks(const Campaign &c, QList<content::Finding> &out) const;

    Status sendAgain(const Campaign &c, std::optional<qint64> byUser);

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::campaigns
