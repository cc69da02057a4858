// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendeesmodel.h"
#include "eventsmodel.h"

#include "theme/theme.h"

namespace lux::ui {

using events::RegistrationSource;
using events::RegistrationStatus;

void AttendeesModel::setRows(const events::Event &event, QList<events::Registration> rows)
{
    beginResetModel();
    m_event = event;
    m_rows = std::move(rows);
    endResetModel();
}

QString AttendeesModel::sourceLabel(RegistrationSource source)
{
    switch (source) {
    case RegistrationSource::Link: return tr("Registration page");
    case RegistrationSource::Embed: return tr("Embedded form");
    case RegistrationSource::Manual: return tr("Added by hand");
    case RegistrationSource::Api: return tr("Own form (API)");
    }
    return {};
}

QString AttendeesModel::statusText(const events::Registration &r)
{
    if (r.status == RegistrationStatus::Waiting && r.position)
        return tr("Waiting (place %1)").arg(*r.position);
    return events::EventStore::statusLabel(r.status);
}

int AttendeesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttendeesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttendeesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const events::Registration &r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return r.firstName.isEmpty() && r.lastName.isEmpty() ? QString() : r.name();
        case Email: return r.email;
        case Status: return statusText(r);
        case RegisteredAt: return eventtime::dateTime(m_event, r.registeredAt);
        case CheckedInAt: return r.checkedInAt ? eventtime::dateTime(m_event, *r.checkedInAt) : QString();
        case Source: return sourceLabel(r.source);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (r.status) {
        case RegistrationStatus::Confirmed: return r.checkedInAt ? Theme::color("success") : QVariant();
        case RegistrationStatus::Waiting:
        case RegistrationStatus::Pending: return Theme::color("warning");
        case RegistrationStatus::Cancelled: return Theme::color("muted");
        }
    }
    return {};
}

QVariant AttendeesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Email: return tr("Email");
    case Status: return tr("Status");
    case RegisteredAt: return tr("Registered");
    case CheckedInAt: return tr("Checked in");
    case Source: return tr("Source");
    default: return {};
    }
}

} // namespace lux::ui
