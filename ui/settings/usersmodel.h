// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "users/user.h"

#include <QAbstractTableModel>

namespace lux::ui {

class UsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Email, Role, Status, LastSignIn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setUsers(const QList<User> &users);
    const User &userAt(int row) const { return m_users.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<User> m_users;
};

} // namespace lux::ui
