// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QUrl>

class QNetworkAccessManager;

namespace lux::tracking {

// Pulls lux-tracker's events into the database: opens and clicks per recipient, one-click
// unsubscribes onto the suppression list at once (with a consent withdrawal). Each page of events
// lands in one transaction with the cursor, so an interrupted sync repeats nothing and skips
// nothing. Clicks get the rules only the app can apply: seconds after delivery, or every link of
// the message at once, is a machine. Anonymous opens and clicks (tokens that name nobody) only add
// to tracking_counts, per campaign, UTC day, link and person or machine.
class TrackerSync
{
    Q_DECLARE_TR_FUNCTIONS(lux::tracking::TrackerSync)
public:
    struct Summary
    {
        int events = 0;
        int opens = 0;
        int clicks = 0;
        int unsubscribes = 0;
        int machine = 0;
        int smsStatuses = 0;  // delivery receipts that moved a text forward
        int smsReplies = 0;   // texts people sent back (keywords included)
        int smsOptOuts = 0;   // STOP and its kin: numbers put on the SMS suppression list
        int registrations = 0; // changes to event registrations (events/registrationsync.h)
        int ignored = 0; // test sends, deleted campaigns
        QString cursor;
    };
    struct Status
    {
        QString cursor;
        qint64 syncedAt = 0;
        QString error;
    };

    TrackerSync(QNetworkAccessManager *network, QSqlDatabase db, QString trackerUrl, QByteArray apiToken, qint64 nowMs = 0);

    QCoro::Task<Result<Summary>> run(int pageSize = 1000);
    // Applies one page of the API's events (public for tests and replays).
    Result<Summary> apply(const QJsonArray &events, const QString &cursor);
    static Result<Status> status(QSqlDatabase db);
    // GET /healthz and an authenticated GET of the events: what "Test connection" reports.
    static QCoro::Task<lux::Status> check(QNetworkAccessManager *network, QString trackerUrl, QByteArray apiToken);

private:
    // Twilio's events through the tracker, inside apply()'s transaction: a delivery receipt moves
    // its text forward (never back); a text sent back is a keyword acted on (STOP puts the number on
    // the SMS suppression list and withdraws consent, START gives it back) or a reply kept for the
    // contact. The message SID makes a replayed event change nothing.
    lux::Status applySms(const QJsonObject &event, Summary &summary);
    void recordOutcome(const QString &error);

    QNetworkAccessManager *m_network;
    QSqlDatabase m_db;
    QString m_base;
    QByteArray m_token;
    qint64 m_now;
};

} // namespace lux::tracking
