// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactsmodel.h"

#include "common/errorcodes.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"

#include <QDateTime>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

ContactsModel::ContactsModel(QObject *parent) : QAbstractTableModel(parent)
{
    connect(&m_sorting, &QFutureWatcherBase::finished, this, [this] {
        const quint64 generation = m_sorting.property("generation").toULongLong();
        if (generation == m_generation) {
            const auto ids = m_sorting.result();
            m_resetting = true;
            beginResetModel();
            m_rows.clear();
            m_ids = ids ? *ids : QList<qint64>{};
            m_atEnd = m_ids.isEmpty();
            if (!ids)
                Q_EMIT loadFailed(ids.error().message);
            else
                m_rows = nextSortedPage();
            endResetModel();
            m_resetting = false;
        }
        if (!m_sorting.isRunning())
            Q_EMIT sortingChanged(false);
    });
}

void ContactsModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_order)
        return;
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_order = order;
    reload();
}

QList<contacts::Contact> ContactsModel::nextSortedPage()
{
    const qsizetype from = m_rows.size();
    const QList<qint64> slice = m_ids.mid(from, kPageSize);
    m_atEnd = from + slice.size() >= m_ids.size();
    if (slice.isEmpty())
        return {};
    const auto page = contacts::ContactRepository(m_db).byIds(slice);
    if (!page) {
        m_atEnd = true;
        Q_EMIT loadFailed(page.error().message);
        return {};
    }
    return *page;
}

void ContactsModel::setDatabase(const QSqlDatabase &db)
{
    m_db = db;
    reload();
}

void ContactsModel::setFilter(const contacts::ContactFilter &filter)
{
    m_filter = filter;
    reload();
}

void ContactsModel::setSource(const QSqlDatabase &db, const contacts::ContactFilter &filter)
{
    m_db = db;
    m_filter = filter;
    reload();
}

void ContactsModel::reload()
{
    ++m_generation;
    if (m_sortColumn >= 0 && m_db.isOpen()) {
        using Key = contacts::ContactRepository::SortKey;
        static constexpr Key keys[] = {Key::Email, Key::Name, Key::Company, Key::Country, Key::Status, Key::Created};
        const bool wasRunning = m_sorting.isRunning();
        m_sorting.setProperty("generation", m_generation);
        m_sorting.setFuture(QtConcurrent::run([path = m_db.databaseName(), filter = m_filter, key = keys[m_sortColumn],
                                               descending = m_order == Qt::DescendingOrder] {
            storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadOnly);
            if (!conn.isOpen())
                return Result<QList<qint64>>(Error(errc::dbOpenFailed, conn.errorText()));
            return contacts::ContactRepository(conn.db()).ids(filter, key, descending);
        }));
        if (!wasRunning)
            Q_EMIT sortingChanged(true);
        return;
    }
    m_ids.clear();
    m_resetting = true;
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    if (m_db.isOpen()) {
        const auto page = contacts::ContactRepository(m_db).page(m_filter, kPageSize);
        if (page) {
            m_rows = *page;
            m_atEnd = page->size() < kPageSize;
        } else {
            Q_EMIT loadFailed(page.error().message);
        }
    }
    endResetModel();
    m_resetting = false;
}

int ContactsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContactsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ContactsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_resetting;
}

void ContactsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    if (m_sortColumn >= 0) {
        appendPage(nextSortedPage());
        return;
    }
    const auto page = contacts::ContactRepository(m_db).page(m_filter, kPageSize, m_rows.constLast().id);
    if (!page) {
        m_atEnd = true;
        Q_EMIT loadFailed(page.error().message);
        return;
    }
    m_atEnd = page->size() < kPageSize;
    appendPage(*page);
}

void ContactsModel::appendPage(const QList<contacts::Contact> &page)
{
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
}

QVariant ContactsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const contacts::Contact &c = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Email: return c.email;
        case Name: return QStringList{c.firstName, c.lastName}.join(QLatin1Char(' ')).trimmed();
        case Company: return c.company;
        case Country: return c.country;
        case Status: return statusLabel(c.status);
        case Created: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.createdAt).date(), QLocale::ShortFormat);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status && c.status != QLatin1String("subscribed"))
        return Theme::color("muted");
    if (role == Qt::UserRole)
        return c.id;
    return {};
}

QString ContactsModel::statusLabel(const QString &status)
{
    if (status == QLatin1String("subscribed"))
        return tr("Subscribed");
    if (status == QLatin1String("unsubscribed"))
        return tr("Unsubscribed");
    if (status == QLatin1String("bounced"))
        return tr("Bounced");
    if (status == QLatin1String("complained"))
        return tr("Complained");
    if (status == QLatin1String("cleaned"))
        return tr("Cleaned");
    return status;
}

QVariant ContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Email: return tr("Email");
    case Name: return tr("Name");
    case Company: return tr("Company");
    case Country: return tr("Country");
    case Status: return tr("Status");
    case Created: return tr("Added");
    default: return {};
    }
}

} // namespace lux::ui
