// SPDX-License-Identifier: GPL-3.0-or-later
#include "usersmodel.h"

#include "theme/theme.h"

#include <QDateTime>
#include <QLocale>

namespace lux::ui {

void UsersModel::setUsers(const QList<User> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &u = m_users.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return u.name;
        case Email: return u.email;
        case Role: return u.isAdmin() ? tr("Administrator") : tr("Member");
        case Status: return u.disabled ? tr("Disabled") : tr("Active");
        case LastSignIn:
            return u.lastSignIn > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(u.lastSignIn), QLocale::ShortFormat)
                                    : tr("Never");
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        return Theme::color(u.disabled ? "danger" : "success");
    if (role == Qt::DecorationRole && index.column() == Name)
        return Theme::icon(u.isAdmin() ? QStringLiteral("key") : QStringLiteral("user"));
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Email: return tr("Email");
    case Role: return tr("Role");
    case Status: return tr("Status");
    case LastSignIn: return tr("Last sign-in");
    default: return {};
    }
}

} // namespace lux::ui
