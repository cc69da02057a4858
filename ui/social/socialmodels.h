// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "social/accountstore.h"
#include "social/poststore.h"

#include <QAbstractTableModel>
#include <QColor>

namespace lux::ui {

// How the window names and colours a target's state: the colour always comes with its words.
struct SocialLook
{
    static QColor stateColor(social::TargetState state);
    static QString networkShort(social::Network network); // X, LI, IG, FB: a calendar cell is narrow
    static QString stateShort(social::TargetState state);  // scheduled, publishing, published, failed, unknown
};

// The posts' targets in the calendar's range (PostStore::between), one row each, in time order.
class SocialTargetsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Network, Account, Text, State, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, PostIdRole, StateRole, DueRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<social::TargetStatus> &rows);
    const QList<social::TargetStatus> &rows() const { return m_rows; }
    const social::TargetStatus *row(qint64 targetId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<social::TargetStatus> m_rows;
};

// A connected account as the Accounts tab shows it.
struct SocialAccountRow
{
    social::Account account;
    QList<social::Slot> slots;
    int failed = 0; // posts that failed, which Retry All Failed sends again
};

class SocialAccountsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Network, Name, Status, Failed, SignInEnds, Slots, TimeZone, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, NoticeRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<SocialAccountRow> &rows, qint64 now);
    const QList<SocialAccountRow> &rows() const { return m_rows; }
    const SocialAccountRow *row(qint64 accountId) const;
    int rowOf(qint64 accountId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<SocialAccountRow> m_rows;
    qint64 m_now = 0;
};

} // namespace lux::ui
