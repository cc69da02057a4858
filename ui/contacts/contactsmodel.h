// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/contactrepository.h"

#include <QAbstractTableModel>

namespace lux::ui {

// Contacts matching a filter, a page at a time as the view scrolls (keyset paging on the id): it
// never loads every row, so a million contacts open as fast as fifty.
class ContactsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Email, Name, Company, Country, Status, Created, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit ContactsModel(QObject *parent = nullptr);

    void setDatabase(const QSqlDatabase &db);
    void setFilter(const contacts::ContactFilter &filter);
    void setSource(const QSqlDatabase &db, const contacts::ContactFilter &filter); // one load for both
    const contacts::ContactFilter &filter() const { return m_filter; }
    void reload();
    const contacts::Contact &contactAt(int row) const { return m_rows.at(row); }
    static QString statusLabel(const QString &status); // translated

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    QSqlDatabase m_db;
    contacts::ContactFilter m_filter;
    QList<contacts::Contact> m_rows;
    bool m_atEnd = true;
    bool m_resetting = false;
};

} // namespace lux::ui
