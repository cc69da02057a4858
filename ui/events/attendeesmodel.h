// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QAbstractTableModel>

namespace lux::ui {

// An event's registrations: name, address, status (a waiting one with its place), registered at,
// checked in at (both in the event's zone), source.
class AttendeesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Email, Status, RegisteredAt, CheckedInAt, Source, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const events::Event &event, QList<events::Registration> rows);
    const events::Registration &at(int row) const { return m_rows.at(row); }
    static QString sourceLabel(events::RegistrationSource source);
    static QString statusText(const events::Registration &r);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    events::Event m_event;
    QList<events::Registration> m_rows;
};

} // namespace lux::ui
