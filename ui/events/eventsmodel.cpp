// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventsmodel.h"

#include "theme/theme.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace lux::ui {

namespace eventtime {

QTimeZone zoneOf(const events::Event &event)
{
    const QTimeZone zone(event.timeZone.toUtf8());
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

QString dateTime(const events::Event &event, qint64 ms)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, zoneOf(event));
    const QLocale locale;
    return locale.toString(at.date(), QLocale::ShortFormat) + QStringLiteral(" ") + locale.toString(at.time(), QLocale::ShortFormat);
}

QString time(const events::Event &event, qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zoneOf(event)).toString(QStringLiteral("HH:mm"));
}

QString span(const events::Event &event)
{
    const QTimeZone zone = zoneOf(event);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(event.startsAt, zone);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(event.endsAt, zone);
    const QLocale locale;
    const QString from = locale.toString(start.date(), QLocale::LongFormat) + QStringLiteral(", ")
                         + locale.toString(start.time(), QLocale::ShortFormat);
    const QString to = start.date() == end.date() ? locale.toString(end.time(), QLocale::ShortFormat)
                                                  : locale.toString(end.date(), QLocale::ShortFormat) + QStringLiteral(" ")
                                                        + locale.toString(end.time(), QLocale::ShortFormat);
    return from + QStringLiteral("–") + to + QStringLiteral(" (") + QString::fromUtf8(zone.id()) + QStringLiteral(")");
}

} // namespace eventtime

void EventsModel::setRows(QList<events::EventSummary> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const events::EventSummary *EventsModel::row(qint64 eventId) const
{
    const int r = rowOf(eventId);
    return r >= 0 ? &m_rows.at(r) : nullptr;
}

int EventsModel::rowOf(qint64 eventId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).event.id == eventId)
            return i;
    return -1;
}

void EventsModel::setCounts(qint64 eventId, const events::RegistrationCounts &counts)
{
    const int r = rowOf(eventId);
    if (r < 0)
        return;
    m_rows[r].counts = counts;
    Q_EMIT dataChanged(index(r, Confirmed), index(r, CheckedIn));
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const events::EventSummary &s = m_rows.at(index.row());
    const events::Event &e = s.event;
    const QLocale locale;
    if (role == IdRole)
        return e.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Title: return e.title;
        case When: return QString(eventtime::dateTime(e, e.startsAt) + QStringLiteral(" · ") + QString::fromUtf8(eventtime::zoneOf(e).id()));
        case Status: return events::EventStore::statusLabel(e.status);
        case Confirmed:
            return e.capacity > 0 ? tr("%1 of %2").arg(locale.toString(s.counts.confirmed), locale.toString(e.capacity))
                                  : locale.toString(s.counts.confirmed);
        case Waiting: return locale.toString(s.counts.waiting);
        case CheckedIn: return locale.toString(s.counts.checkedIn);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Confirmed)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (e.status) {
        case events::EventStatus::Published: return Theme::color("success");
        case events::EventStatus::Cancelled: return Theme::color("danger");
        case events::EventStatus::Finished:
        case events::EventStatus::Draft: return Theme::color("muted");
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Confirmed && e.capacity == 0)
        return tr("No limit");
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Event");
    case When: return tr("Starts");
    case Status: return tr("Status");
    case Confirmed: return tr("Confirmed");
    case Waiting: return tr("Waiting");
    case CheckedIn: return tr("Checked in");
    default: return {};
    }
}

} // namespace lux::ui
