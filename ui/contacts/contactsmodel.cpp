// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactsmodel.h"

#include "theme/theme.h"

#include <QDateTime>
#include <QLocale>

namespace lux::ui {

ContactsModel::ContactsModel(QObject *parent) : QAbstractTableModel(parent) {}

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
    const auto page = contacts::ContactRepository(m_db).page(m_filter, kPageSize, m_rows.constLast().id);
    if (!page) {
        m_atEnd = true;
        Q_EMIT loadFailed(page.error().message);
        return;
    }
    m_atEnd = page->size() < kPageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows += *page;
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
