// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "events/eventstore.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonObject>
#include <QSqlDatabase>

class QNetworkAccessManager;

namespace lux::events {

enum class PublishAction {
    Publish, // a draft goes public: published here, its form on lux-tracker
    Push,    // a published event's changes go to lux-tracker (and registrants get the updated invite)
    Cancel,  // the event is cancelled: its page says so, registrants get a cancellation
};

// Puts an event's registration form on lux-tracker (PUT /api/v1/forms/<slug>, docs/EVENTS.md) and
// keeps it current: the page's words in the event's language (the description's Markdown as HTML,
// raw HTML in it shown as text), its questions, capacity, consent text and version, open and close
// times, double opt-in with the hold time (Settings::eventConfirmHours), and the proof of work. The
// tracker refuses a revision older than the one it has, so an old push arriving late changes
// nothing. A push that cannot reach the tracker leaves the event published here with its revision
// not acknowledged; pushPending() (the scheduler's turn) tries again.
class EventPublisher
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::EventPublisher)
public:
    EventPublisher(QNetworkAccessManager *network, QSqlDatabase db, QString trackerUrl, QByteArray apiToken, int confirmHours,
                   Clock clock = systemClock());

    QCoro::Task<Status> run(qint64 eventId, PublishAction action);
    // Every event whose revision lux-tracker has not acknowledged (published, cancelled or finished).
    QCoro::Task<Result<int>> pushPending();

    // The form as lux-tracker gets it (public for tests).
    // reserved: the seats of people added by hand here, which the page must not give away.
    static QJsonObject formJson(const Event &event, int confirmHours, int reserved = 0);
    // "Thursday 14 May 2026, 18:00–20:00 (Europe/Madrid)", in the event's language and zone.
    static QString whenText(const Event &event);
    static QString whereText(const Event &event);

private:
    QCoro::Task<Status> push(qint64 eventId);

    QNetworkAccessManager *m_network;
    QSqlDatabase m_db;
    QString m_trackerUrl;
    QByteArray m_token;
    int m_confirmHours;
    Clock m_clock;
};

} // namespace lux::events
