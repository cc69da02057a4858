// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace lux::ui {

// Times as the event's own zone shows them: a door in Madrid reads Madrid's clock, wherever the
// laptop thinks it is.
namespace eventtime {
QTimeZone zoneOf(const events::Event &event); // the system's zone when the event's is not known
QString dateTime(const events::Event &event, qint64 ms);       // "Tue 12 May 2026, 18:30"
QString time(const events::Event &event, qint64 ms);           // "18:02"
QString span(const events::Event &event);                      // "Tue 12 May 2026, 18:30–21:00 (Europe/Madrid)"
} // namespace eventtime

// The events list: title, when (in the event's zone), status, confirmed of capacity, waiting,
// checked in.
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, When, Status, Confirmed, Waiting, CheckedIn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<events::EventSummary> rows);
    const events::EventSummary *row(qint64 eventId) const;
    const events::EventSummary &at(int row) const { return m_rows.at(row); }
    int rowOf(qint64 eventId) const;
    // The counts the door just read, between two loads of the list.
    void setCounts(qint64 eventId, const events::RegistrationCounts &counts);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<events::EventSummary> m_rows;
};

} // namespace lux::ui
