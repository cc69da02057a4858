// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlogmodel.h"

#include <QDateTime>
#include <QLocale>

namespace lux::ui {

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setDatabase(const QSqlDatabase &db)
{
    m_db = db;
    reload();
}

void AuditLogModel::reload()
{
    m_resetting = true;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (m_db.isOpen()) {
        AuditLog log(m_db);
        m_total = log.count();
        m_rows = log.entries(kPageSize, 0);
    }
    endResetModel();
    m_resetting = false;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_resetting && m_rows.size() < m_total;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<AuditEntry> more = AuditLog(m_db).entries(kPageSize, int(m_rows.size()));
    if (more.isEmpty()) {
        m_total = int(m_rows.size());
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows += more;
    endInsertRows();
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.at), QLocale::ShortFormat);
        case Who:
            return e.userName.isEmpty() ? (e.userId ? tr("User %1").arg(*e.userId) : tr("System")) : e.userName;
        case Action:
            return AuditLog::describe(e.action);
        case Details:
            return e.details;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == When)
        return QDateTime::fromMSecsSinceEpoch(e.at).toString(Qt::ISODateWithMs);
    if (role == Qt::UserRole)
        return e.action;
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When: return tr("When");
    case Who: return tr("Who");
    case Action: return tr("Action");
    case Details: return tr("Details");
    default: return {};
    }
}

} // namespace lux::ui
