// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventreport.h"
#include "eventsmodel.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTimeZone>

namespace lux::ui {

Result<EventReport> EventReportQuery::build(const events::Event &event, qint64 now) const
{
    EventReport report;
    report.eventId = event.id;
    auto counts = events::EventStore(m_db).counts(event.id);
    if (!counts)
        return counts.error();
    report.counts = *counts;
    report.ended = event.endsAt > 0 && event.endsAt <= now;

    const QTimeZone zone = eventtime::zoneOf(event);
    const auto dayOf = [&zone](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).date(); };
    QMap<QDate, EventReport::Day> days;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT registered_at, cancelled_at, source, status, checked_in_at FROM event_registrations WHERE event_id = ?"));
    q.addBindValue(event.id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        ++days[dayOf(q.value(0).toLongLong())].registrations;
        if (!q.value(1).isNull())
            ++days[dayOf(q.value(1).toLongLong())].cancellations;
        if (const auto source = events::registrationSourceFromName(q.value(2).toString()))
            ++report.sources[*source];
        if (report.ended && q.value(3).toString() == QLatin1String("confirmed") && q.value(4).isNull())
            ++report.noShows;
    }
    if (!days.isEmpty()) {
        // Every day in between, so the line shows the quiet days as zero.
        const QDate last = std::max(days.lastKey(), std::min(dayOf(now), dayOf(event.startsAt)));
        for (QDate d = days.firstKey(); d <= last; d = d.addDays(1)) {
            EventReport::Day day = days.value(d);
            day.start = QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch();
            report.days << day;
        }
    }
    return report;
}

} // namespace lux::ui
