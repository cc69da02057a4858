// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/campaignstore.h"
#include "campaigns/dispatcher.h"
#include "campaigns/outbox.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace lux::ui {

// One campaign as the list shows it: the campaign and how many of its outbox rows are in each state.
struct CampaignRow
{
    campaigns::Campaign campaign;
    qint64 pending = 0, sending = 0, sent = 0, failed = 0, unknown = 0;
    qint64 total() const { return pending + sending + sent + failed + unknown; }
    qint64 settled() const { return sent + failed; }
    // The sender's latest figures while it runs (zero otherwise).
    double ratePerMinute = 0;
    qint64 expectedFinishMs = 0;
};

// Loads every campaign with its outbox counts (on a worker connection): what the page lists.
QList<CampaignRow> loadCampaignRows(QSqlDatabase &db);

// The campaign list: name, channel, status, progress, sent, failed, recipients, schedule.
class CampaignsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Channel, Status, Progress, Sent, Failed, Recipients, When, ColumnCount };
    static QString channelLabel(const QString &channel); // "Email", "SMS", translated
    static constexpr int ProgressRole = Qt::UserRole + 1; // 0–1000, or -1 before the freeze
    static constexpr int IdRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<CampaignRow> rows);
    // The dispatcher's figures for one campaign, between two loads.
    void applyProgress(const campaigns::Dispatcher::Progress &progress);
    const CampaignRow *row(qint64 campaignId) const;
    const CampaignRow &at(int row) const { return m_rows.at(row); }
    int rowOf(qint64 campaignId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<CampaignRow> m_rows;
};

// The per-recipient outbox of one campaign: address, state, attempts, mailbox, reason.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Email, State, Attempts, Sender, Reason, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<campaigns::OutboxRow> rows);
    const campaigns::OutboxRow &at(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString stateLabel(campaigns::OutboxState state); // for people, translated

private:
    QList<campaigns::OutboxRow> m_rows;
};

// Paints CampaignsModel::ProgressRole as a thin progress bar with its percentage.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lux::ui
