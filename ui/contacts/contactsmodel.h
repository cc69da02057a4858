// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/contactrepository.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

namespace lux::ui {

// Contacts matching a filter, a page at a time as the view scrolls: it never loads every row, so a
// million contacts open as fast as fifty. Unsorted, pages follow the id (keyset paging). Sorted by a
// column, a worker first lists every matching id in that order (8 MB for a million; about a second),
// and pages are then read by id; the rows shown stay until the sorted list is ready.
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
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override; // column -1: id order
    int sortColumn() const { return m_sortColumn; }
    bool isSorting() const { return m_sorting.isRunning(); }

Q_SIGNALS:
    void loadFailed(const QString &message);
    void sortingChanged(bool running);

private:
    QSqlDatabase m_db;
    contacts::ContactFilter m_filter;
    QList<contacts::Contact> nextSortedPage(); // the page after the rows loaded, in sorted mode
    void appendPage(const QList<contacts::Contact> &page);

    QList<contacts::Contact> m_rows;
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    QList<qint64> m_ids; // sorted mode: every matching id, in order
    QFutureWatcher<Result<QList<qint64>>> m_sorting;
    quint64 m_generation = 0;
    bool m_atEnd = true;
    bool m_resetting = false;
};

} // namespace lux::ui
