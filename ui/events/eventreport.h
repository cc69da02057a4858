// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QSqlDatabase>

namespace lux::ui {

// An event's figures for its report: counts by status, attendance, registrations and cancellations
// per day (days of the event's zone), and where the registrations came from. Read-only SQL over the
// event tables (migration 18), prepared statements; run on a worker's connection.
struct EventReport
{
    qint64 eventId = 0;
    events::RegistrationCounts counts;
    bool ended = false;
    int noShows = 0; // confirmed and not checked in, once the event has ended (0 before)
    struct Day
    {
        qint64 start = 0; // midnight in the event's zone, ms since the epoch
        int registrations = 0;
        int cancellations = 0;
    };
    QList<Day> days; // every day from the first registration to the last (or today), gaps as zeros
    QMap<events::RegistrationSource, int> sources;
    int total() const { return counts.total(); }
};

class EventReportQuery
{
    Q_DECLARE_TR_FUNCTIONS(lux::ui::EventReportQuery)
public:
    explicit EventReportQuery(QSqlDatabase db) : m_db(std::move(db)) {}
    Result<EventReport> build(const events::Event &event, qint64 now) const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::ui
