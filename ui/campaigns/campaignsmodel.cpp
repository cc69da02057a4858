// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignsmodel.h"

#include "theme/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QSqlError>
#include <QTimeZone>
#include <QPainter>
#include <QPainterPath>

namespace lux::ui {

using campaigns::CampaignStatus;
using campaigns::OutboxState;

QList<CampaignRow> loadCampaignRows(QSqlDatabase &db)
{
    QList<CampaignRow> rows;
    const campaigns::Outbox outbox(db);
    for (const campaigns::Campaign &c : campaigns::CampaignStore(db).list()) {
        CampaignRow r;
        r.campaign = c;
        const QHash<QString, qint64> counts = outbox.counts(c.id);
        r.pending = counts.value(campaigns::stateName(OutboxState::Pending));
        r.sending = counts.value(campaigns::stateName(OutboxState::Sending));
        r.sent = counts.value(campaigns::stateName(OutboxState::Sent));
        r.failed = counts.value(campaigns::stateName(OutboxState::Failed));
        r.unknown = counts.value(campaigns::stateName(OutboxState::Unknown));
        rows << r;
    }
    return rows;
}

void CampaignsModel::setRows(QList<CampaignRow> rows)
{
    // Keep the sender's figures for campaigns still sending: a reload must not blank the rate.
    for (CampaignRow &r : rows)
        if (const CampaignRow *old = row(r.campaign.id); old && r.campaign.status == CampaignStatus::Sending) {
            r.ratePerMinute = old->ratePerMinute;
            r.expectedFinishMs = old->expectedFinishMs;
        }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void CampaignsModel::applyProgress(const campaigns::Dispatcher::Progress &p)
{
    const int r = rowOf(p.campaignId);
    if (r < 0)
        return;
    CampaignRow &row = m_rows[r];
    row.sent = p.sent;
    row.failed = p.failed;
    row.unknown = p.unknown;
    row.pending = p.remaining;
    row.sending = 0;
    row.ratePerMinute = p.ratePerMinute;
    row.expectedFinishMs = p.expectedFinishMs;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

const CampaignRow *CampaignsModel::row(qint64 campaignId) const
{
    const int r = rowOf(campaignId);
    return r < 0 ? nullptr : &m_rows.at(r);
}

int CampaignsModel::rowOf(qint64 campaignId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).campaign.id == campaignId)
            return r;
    return -1;
}

int CampaignsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CampaignRow &r = m_rows.at(index.row());
    const campaigns::Campaign &c = r.campaign;
    if (role == IdRole)
        return c.id;
    if (role == ProgressRole)
        return r.total() == 0 ? -1 : int(r.settled() * 1000 / r.total());
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return c.name;
        case Channel: return channelLabel(c.channel);
        case Status: return campaigns::CampaignStore::statusLabel(c.status);
        case Progress: return {};
        case Sent: return r.total() ? locale.toString(r.sent) : QString();
        case Failed: return r.total() ? locale.toString(r.failed + r.unknown) : QString();
        case Recipients: return r.total() ? locale.toString(r.total()) : QString();
        case When: {
            if (c.scheduledAt && (c.status == CampaignStatus::Scheduled || c.status == CampaignStatus::Draft)) {
                const QDateTime at = c.localTime ? QDateTime::fromMSecsSinceEpoch(*c.scheduledAt, QTimeZone::utc())
                                                 : QDateTime::fromMSecsSinceEpoch(*c.scheduledAt).toLocalTime();
                const QString text = locale.toString(at, QLocale::ShortFormat);
                return c.localTime ? CampaignsModel::tr("%1 recipient's time").arg(text) : text;
            }
            return locale.toString(QDateTime::fromMSecsSinceEpoch(c.updatedAt).toLocalTime(), QLocale::ShortFormat);
        }
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Channel)
        return c.channel == QLatin1String("sms") ? tr("A text message campaign, sent through Twilio from %1").arg(c.fromEmail)
                                                 : tr("An email campaign, sent from %1").arg(c.fromEmail);
    if (role == Qt::ToolTipRole && index.column() == Failed && r.unknown > 0)
        return tr("%n recipient(s) in doubt: open the campaign to decide.", nullptr, int(r.unknown));
    if (role == Qt::ToolTipRole && index.column() == Progress && r.total() > 0)
        return tr("%1 of %2 settled").arg(locale.toString(r.settled()), locale.toString(r.total()));
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (c.status) {
        case CampaignStatus::Sending:
        case CampaignStatus::Scheduled: return Theme::color("accent");
        case CampaignStatus::Sent: return Theme::color("success");
        case CampaignStatus::Failed: return Theme::color("danger");
        case CampaignStatus::Paused: return Theme::color("warning");
        default: return Theme::color("muted");
        }
    }
    if (role == Qt::DecorationRole && index.column() == Name && r.unknown > 0)
        return Theme::icon(QStringLiteral("alert"));
    if (role == Qt::TextAlignmentRole && (index.column() == Sent || index.column() == Failed || index.column() == Recipients))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QString CampaignsModel::channelLabel(const QString &channel)
{
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    if (channel == QLatin1String("email"))
        return tr("Email");
    return channel;
}

QVariant CampaignsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Campaign");
    case Channel: return tr("Channel");
    case Status: return tr("Status");
    case Progress: return tr("Progress");
    case Sent: return tr("Sent");
    case Failed: return tr("Failed");
    case Recipients: return tr("Recipients");
    case When: return tr("Scheduled or changed");
    }
    return {};
}

void OutboxModel::setRows(QList<campaigns::OutboxRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::stateLabel(OutboxState state)
{
    switch (state) {
    case OutboxState::Pending: return tr("waiting");
    case OutboxState::Sending: return tr("sending");
    case OutboxState::Sent: return tr("sent");
    case OutboxState::Failed: return tr("failed");
    case OutboxState::Unknown: return tr("in doubt");
    }
    return {};
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const campaigns::OutboxRow &r = m_rows.at(index.row());
    const bool decide = r.state == OutboxState::Unknown && r.errorCode == QLatin1String("needs-decision");
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Email: return r.address;
        case State: return decide ? tr("needs your decision") : stateLabel(r.state);
        case Attempts: return r.attempts;
        case Sender: return r.sender;
        case Reason: return r.error;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Reason && !r.error.isEmpty())
        return r.errorCode.isEmpty() ? r.error : QStringLiteral("%1 (%2)").arg(r.error, r.errorCode);
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (r.state) {
        case OutboxState::Sent: return Theme::color("success");
        case OutboxState::Failed: return Theme::color("danger");
        case OutboxState::Unknown: return Theme::color("warning");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Attempts)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Email: return tr("Recipient");
    case State: return tr("State");
    case Attempts: return tr("Attempts");
    case Sender: return tr("Sent from");
    case Reason: return tr("Reason");
    }
    return {};
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const int permille = index.data(CampaignsModel::ProgressRole).toInt();
    if (permille < 0)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect area = option.rect.adjusted(6, 0, -6, 0);
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100 %")) + 6;
    QRectF track(area.left(), area.center().y() - 3, std::max(10, area.width() - textWidth), 6);
    QPainterPath back;
    back.addRoundedRect(track, 3, 3);
    // On a selected row the accent is the selection's own colour: the bar is drawn in its text colour.
    const bool selected = opt.state & QStyle::State_Selected;
    QColor trackColor = selected ? opt.palette.color(QPalette::HighlightedText) : Theme::color("muted");
    trackColor.setAlpha(selected ? 90 : 70);
    painter->fillPath(back, trackColor);
    QRectF done = track;
    done.setWidth(track.width() * permille / 1000.0);
    QPainterPath front;
    front.addRoundedRect(done, 3, 3);
    painter->fillPath(front, selected ? opt.palette.color(QPalette::HighlightedText) : Theme::color(permille >= 1000 ? "success" : "accent"));
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect text(int(track.right()) + 6, area.top(), textWidth - 6, area.height());
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(permille / 10) + QStringLiteral(" %"));
    painter->restore();
}

} // namespace lux::ui
