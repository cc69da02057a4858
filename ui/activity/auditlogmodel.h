// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "users/auditlog.h"

#include <QAbstractTableModel>

namespace lux::ui {

// The audit log, newest first, fetched a page at a time as the view scrolls.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Action, Details, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit AuditLogModel(QObject *parent = nullptr);

    void setDatabase(const QSqlDatabase &db); // resets
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QSqlDatabase m_db;
    QList<AuditEntry> m_rows;
    int m_total = 0;
    bool m_resetting = false; // views may ask for more while endResetModel() is being emitted
};

} // namespace lux::ui
