// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialmodels.h"

#include "theme/theme.h"

#include <QDateTime>
#include <QLocale>

namespace lux::ui {

using social::Network;
using social::TargetState;
using social::TargetStatus;

namespace {
QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}
} // namespace

QColor SocialLook::stateColor(TargetState state)
{
    switch (state) {
    case TargetState::Scheduled:
        return Theme::color("accent");
    case TargetState::Published:
        return Theme::color("success");
    case TargetState::Failed:
        return Theme::color("danger");
    case TargetState::Unknown:
        return Theme::color("warning");
    case TargetState::Publishing:
    case TargetState::Cancelled:
        break;
    }
    return Theme::color("muted");
}

QString SocialLook::networkShort(Network network)
{
    switch (network) {
    case Network::X:
        return SocialTargetsModel::tr("X", "the network X, in a calendar cell");
    case Network::LinkedIn:
        return SocialTargetsModel::tr("LI", "LinkedIn, in a calendar cell");
    case Network::Instagram:
        return SocialTargetsModel::tr("IG", "Instagram, in a calendar cell");
    case Network::Facebook:
        return SocialTargetsModel::tr("FB", "Facebook, in a calendar cell");
    }
    return {};
}

QString SocialLook::stateShort(TargetState state)
{
    switch (state) {
    case TargetState::Scheduled:
        return SocialTargetsModel::tr("scheduled", "a post, in a calendar cell");
    case TargetState::Publishing:
        return SocialTargetsModel::tr("publishing", "a post, in a calendar cell");
    case TargetState::Published:
        return SocialTargetsModel::tr("published", "a post, in a calendar cell");
    case TargetState::Failed:
        return SocialTargetsModel::tr("failed", "a post, in a calendar cell");
    case TargetState::Unknown:
        return SocialTargetsModel::tr("unknown", "a post whose fate the network could not tell, in a calendar cell");
    case TargetState::Cancelled:
        return SocialTargetsModel::tr("cancelled", "a post, in a calendar cell");
    }
    return {};
}

void SocialTargetsModel::setRows(const QList<TargetStatus> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const TargetStatus *SocialTargetsModel::row(qint64 targetId) const
{
    for (const TargetStatus &t : m_rows)
        if (t.id == targetId)
            return &t;
    return nullptr;
}

int SocialTargetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SocialTargetsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SocialTargetsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TargetStatus &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return when(t.publishedAt.value_or(t.dueAt));
        case Network:
            return social::Networks::displayName(t.network);
        case Account:
            return t.accountName;
        case Text:
            return t.text.simplified();
        case State:
            return TargetStatus::stateText(t.state);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == State)
            return SocialLook::stateColor(t.state);
        break;
    case IdRole:
        return t.id;
    case PostIdRole:
        return t.postId;
    case StateRole:
        return int(t.state);
    case DueRole:
        return t.publishedAt.value_or(t.dueAt);
    }
    return {};
}

QVariant SocialTargetsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Network:
        return tr("Network");
    case Account:
        return tr("Account");
    case Text:
        return tr("Text");
    case State:
        return tr("State");
    }
    return {};
}

void SocialAccountsModel::setRows(const QList<SocialAccountRow> &rows, qint64 now)
{
    beginResetModel();
    m_rows = rows;
    m_now = now;
    endResetModel();
}

const SocialAccountRow *SocialAccountsModel::row(qint64 accountId) const
{
    const int r = rowOf(accountId);
    return r >= 0 ? &m_rows.at(r) : nullptr;
}

int SocialAccountsModel::rowOf(qint64 accountId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).account.id == accountId)
            return r;
    return -1;
}

int SocialAccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SocialAccountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SocialAccountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SocialAccountRow &r = m_rows.at(index.row());
    const social::Account &a = r.account;
    const bool reconnect = a.status == QLatin1String("reconnect");
    const bool soon = social::AccountStore::signInEndsSoon(a, m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Network:
            return social::Networks::displayName(a.network);
        case Name:
            return a.handle.isEmpty() || a.handle == a.name ? a.name : QStringLiteral("%1 (%2)").arg(a.name, a.handle);
        case Status:
            return reconnect ? tr("Connect again") : tr("Connected");
        case Failed:
            return r.failed ? tr("%n failed", nullptr, r.failed) : tr("None failed");
        case SignInEnds: {
            const std::optional<qint64> end = a.signInEndsAt();
            if (!end)
                return a.network == social::Network::X ? tr("No end while used") : tr("No end");
            const QString date = QLocale().toString(QDateTime::fromMSecsSinceEpoch(*end).date(), QLocale::ShortFormat);
            return soon ? (*end <= m_now ? tr("%1 (ended)").arg(date) : tr("%1 (within a week)").arg(date)) : date;
        }
        case Slots:
            return r.slots.isEmpty() ? tr("No queue") : social::Slot::format(r.slots);
        case TimeZone:
            return a.timeZone.isEmpty() ? tr("This computer’s") : a.timeZone;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Status && reconnect)
            return a.error.isEmpty() ? tr("The network refused the sign-in: connect the account again.") : a.error;
        if (index.column() == SignInEnds)
            return soon ? social::AccountStore::endNotice(a) : QVariant();
        break;
    case Qt::ForegroundRole:
        if ((index.column() == Status && reconnect) || (index.column() == Failed && r.failed))
            return Theme::color("danger");
        if (index.column() == SignInEnds && soon)
            return Theme::color("warning");
        break;
    case Qt::DecorationRole:
        if ((index.column() == Status && reconnect) || (index.column() == SignInEnds && soon))
            return Theme::icon(QStringLiteral("alert"));
        break;
    case IdRole:
        return a.id;
    case NoticeRole:
        return soon ? social::AccountStore::endNotice(a) : QString();
    }
    return {};
}

QVariant SocialAccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Network:
        return tr("Network");
    case Name:
        return tr("Account");
    case Status:
        return tr("Status");
    case Failed:
        return tr("Failed posts");
    case SignInEnds:
        return tr("Sign-in ends");
    case Slots:
        return tr("Queue slots");
    case TimeZone:
        return tr("Time zone");
    }
    return {};
}

} // namespace lux::ui
