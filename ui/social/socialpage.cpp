// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialpage.h"

#include "social/connectdialog.h"

#include "social/composerdialog.h"

#include "socialcalendar.h"
#include "socialmodels.h"
#include "socialqueue.h"

#include "common/dbtask.h"
#include "common/labels.h"
#include "common/dialogs.h"
#include "common/tableview.h"
#include "session/appsession.h"
#include "social/accountstore.h"
#include "theme/theme.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace lux::ui {

using social::AccountStore;
using social::PostStatus;
using social::PostStore;
using social::TargetState;
using social::TargetStatus;

namespace {

qint64 startOf(QDate date)
{
    return QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch();
}

QString whenText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

SocialPage::SocialPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_targets(new SocialTargetsModel(this)), m_accounts(new SocialAccountsModel(this))
{
    setObjectName(QStringLiteral("socialPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Social"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("socialCount"));
    m_count->setProperty("role", QStringLiteral("subtitle"));
    titles->addWidget(title);
    titles->addWidget(m_count);
    layout->addLayout(titles);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("socialTabs"));
    m_tabs->addTab(buildCalendarTab(), Theme::icon(QStringLiteral("calendar")), tr("Calendar"));
    m_queue = new SocialQueue(session, m_tabs);
    m_tabs->addTab(m_queue, Theme::icon(QStringLiteral("clock")), tr("Queue"));
    m_tabs->addTab(buildAccountsTab(), Theme::icon(QStringLiteral("users")), tr("Accounts"));
    connect(m_queue, &SocialQueue::statusMessage, this, &SocialPage::statusMessage);
    connect(m_queue, &SocialQueue::changed, this, &SocialPage::loadAccounts);
    // A post double-clicked in the queue: its week in the calendar, with it selected.
    connect(m_queue, &SocialQueue::targetActivated, this, [this](qint64 targetId, qint64 dueAt) {
        m_tabs->setCurrentIndex(CalendarTab);
        m_selectOnLoad = targetId;
        m_calendar->setMode(SocialCalendar::Mode::Week);
        showDate(QDateTime::fromMSecsSinceEpoch(dueAt).date());
    });
    layout->addWidget(m_tabs, 1);

    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_dirty = true;
        m_calendar->select(0); // another file's post 3 is another post
        m_detailPost = 0;
        if (isVisible())
            reload();
    });
    // The scheduler published, failed or moved something.
    connect(&m_session, &AppSession::campaignsChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            reload();
    });
    updateNavigation();
    updateAccountActions();
}

QWidget *SocialPage::buildCalendarTab()
{
    auto *tab = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 10, 8, 8);
    auto *bar = new QHBoxLayout;
    const auto button = [tab](const QString &icon, const QString &text, const QString &name) {
        auto *b = new QPushButton(icon.isEmpty() ? QIcon() : Theme::icon(icon), text, tab);
        b->setObjectName(name);
        return b;
    };
    auto *prev = button(QString(), tr("‹ Previous"), QStringLiteral("socialPrevious"));
    auto *todayButton = button(QString(), tr("Today"), QStringLiteral("socialToday"));
    auto *nextButton = button(QString(), tr("Next ›"), QStringLiteral("socialNext"));
    m_period = new QLabel(tab);
    m_period->setObjectName(QStringLiteral("socialPeriod"));
    m_period->setProperty("role", QStringLiteral("brand"));
    m_monthButton = button(QString(), tr("Month"), QStringLiteral("socialMonth"));
    m_weekButton = button(QString(), tr("Week"), QStringLiteral("socialWeek"));
    auto *group = new QButtonGroup(tab);
    for (QPushButton *b : {m_monthButton, m_weekButton}) {
        b->setCheckable(true);
        group->addButton(b);
    }
    m_monthButton->setChecked(true);
    auto *compose = button(QStringLiteral("new"), tr("&New Post…"), QStringLiteral("socialNewPost"));
    compose->setProperty("role", QStringLiteral("primary"));
    connect(compose, &QPushButton::clicked, this, &SocialPage::compose);
    bar->addWidget(compose);
    bar->addSpacing(12);
    bar->addWidget(prev);
    bar->addWidget(todayButton);
    bar->addWidget(nextButton);
    bar->addSpacing(12);
    bar->addWidget(m_period, 1);
    bar->addWidget(m_monthButton);
    bar->addWidget(m_weekButton);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    m_calendar = new SocialCalendar(m_targets, splitter);
    m_calendar->setMinimumWidth(560);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(260);
    m_detail = new QWidget(scroll);
    m_detail->setObjectName(QStringLiteral("socialDetail"));
    m_detailLayout = new QVBoxLayout(m_detail);
    m_detailLayout->setContentsMargins(12, 0, 4, 0);
    scroll->setWidget(m_detail);
    splitter->addWidget(m_calendar);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 320});
    layout->addWidget(splitter, 1);
    auto *how = plainLabel(tr("Drag a scheduled post to another day to move it; select one to see where it went or why it failed."),
                           tab, QStringLiteral("muted"));
    how->setObjectName(QStringLiteral("socialHowToPost"));
    how->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(how);

    connect(prev, &QPushButton::clicked, this, &SocialPage::previous);
    connect(nextButton, &QPushButton::clicked, this, &SocialPage::next);
    connect(todayButton, &QPushButton::clicked, this, &SocialPage::today);
    connect(m_monthButton, &QPushButton::clicked, this, &SocialPage::showMonth);
    connect(m_weekButton, &QPushButton::clicked, this, &SocialPage::showWeek);
    connect(m_calendar, &SocialCalendar::targetSelected, this, [this](qint64, qint64 postId) { loadDetail(postId); });
    connect(m_calendar, &SocialCalendar::rescheduleRequested, this, &SocialPage::reschedule);
    showDetail(nullptr);
    return tab;
}

QWidget *SocialPage::buildAccountsTab()
{
    auto *tab = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 10, 8, 8);
    auto *bar = new QHBoxLayout;
    auto *how = plainLabel(tr("Connect Account opens the network's sign-in in your browser (X, LinkedIn, Facebook Pages and their "
                              "Instagram accounts). An account that asks to be connected again keeps its posts and queue."),
                           tab, QStringLiteral("muted"));
    how->setObjectName(QStringLiteral("socialHowToConnect"));
    m_connectAccount = new QPushButton(Theme::icon(QStringLiteral("user-plus")), tr("Connect Account…"), tab);
    m_connectAccount->setObjectName(QStringLiteral("socialConnect"));
    connect(m_connectAccount, &QPushButton::clicked, this, &SocialPage::connectAccount);
    bar->addWidget(m_connectAccount, 0, Qt::AlignBottom);
    m_retryAll = new QPushButton(Theme::icon(QStringLiteral("retry")), tr("Retry All Failed"), tab);
    m_retryAll->setObjectName(QStringLiteral("socialRetryAll"));
    bar->addWidget(how, 1);
    bar->addWidget(m_retryAll, 0, Qt::AlignBottom);
    layout->addLayout(bar);
    m_accountNotices = plainLabel(QString(), tab, QStringLiteral("warning"));
    m_accountNotices->setObjectName(QStringLiteral("socialAccountNotices"));
    m_accountNotices->hide();
    layout->addWidget(m_accountNotices);
    m_accountsView = new QTableView(tab);
    m_accountsView->setObjectName(QStringLiteral("socialAccountsView"));
    m_accountsView->setModel(m_accounts);
    setUpListTable(m_accountsView);
    m_accountsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accountsView->horizontalHeader()->setStretchLastSection(true);
    m_accountsView->setColumnWidth(SocialAccountsModel::Network, 110);
    m_accountsView->setColumnWidth(SocialAccountsModel::Name, 240);
    m_accountsView->setColumnWidth(SocialAccountsModel::Status, 150);
    m_accountsView->setColumnWidth(SocialAccountsModel::Failed, 150);
    m_accountsView->setColumnWidth(SocialAccountsModel::SignInEnds, 200);
    m_accountsView->setColumnWidth(SocialAccountsModel::Slots, 220);
    layout->addWidget(m_accountsView, 1);
    connect(m_retryAll, &QPushButton::clicked, this, &SocialPage::retryAllFailed);
    connect(m_accountsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SocialPage::updateAccountActions);
    return tab;
}

void SocialPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        reload();
}

bool SocialPage::writable() const
{
    return m_session.hasDatabase() && !m_session.database()->isReadOnly();
}

void SocialPage::reload()
{
    m_dirty = false;
    m_accountsLoaded = false;
    if (!m_session.hasDatabase()) {
        m_targets->setRows({});
        m_accounts->setRows({}, QDateTime::currentMSecsSinceEpoch());
        m_count->clear();
        showDetail(nullptr);
        updateAccountActions();
        m_queue->reload();
        return;
    }
    loadCalendar();
    loadAccounts();
    m_queue->reload();
}

void SocialPage::loadCalendar()
{
    if (!m_session.hasDatabase())
        return;
    const int generation = ++m_calendarGeneration;
    const qint64 from = startOf(m_calendar->firstDay());
    const qint64 to = startOf(m_calendar->lastDay().addDays(1));
    runOnDatabase<Result<QList<TargetStatus>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [from, to](QSqlDatabase &db) { return PostStore(db).between(from, to); },
        [this, generation](const Result<QList<TargetStatus>> &rows) {
            if (generation != m_calendarGeneration)
                return;
            if (!rows) {
                Q_EMIT statusMessage(tr("The posts cannot be read: %1").arg(rows.error().message));
                return;
            }
            QList<TargetStatus> shown;
            for (const TargetStatus &t : *rows)
                if (t.state != TargetState::Cancelled)
                    shown << t;
            m_targets->setRows(shown);
            updateCount();
            // The post in detail is read again: its targets may have moved on.
            if (m_selectOnLoad)
                m_calendar->select(std::exchange(m_selectOnLoad, 0)); // shows its detail
            else if (m_detailPost)
                loadDetail(m_detailPost);
            Q_EMIT reloaded();
        });
}

void SocialPage::loadAccounts()
{
    if (!m_session.hasDatabase())
        return;
    const int generation = ++m_accountsGeneration;
    runOnDatabase<Result<QList<SocialAccountRow>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<QList<SocialAccountRow>> {
            AccountStore store(db);
            const auto accounts = store.list();
            if (!accounts)
                return accounts.error();
            const auto failed = PostStore(db).failedByAccount();
            if (!failed)
                return failed.error();
            QList<SocialAccountRow> out;
            for (const social::Account &a : *accounts) {
                const auto slots = store.slots(a.id);
                if (!slots)
                    return slots.error();
                out << SocialAccountRow{a, *slots, failed->value(a.id)};
            }
            return out;
        },
        [this, generation](const Result<QList<SocialAccountRow>> &rows) {
            if (generation != m_accountsGeneration)
                return;
            if (!rows) {
                Q_EMIT statusMessage(tr("The accounts cannot be read: %1").arg(rows.error().message));
                return;
            }
            const qint64 keep = m_accountsView->currentIndex().data(SocialAccountsModel::IdRole).toLongLong();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_accounts->setRows(*rows, now);
            QStringList notices;
            for (const SocialAccountRow &r : *rows) {
                if (r.account.status == QLatin1String("reconnect"))
                    notices << tr("%1: connect it again (Connect Account…).").arg(r.account.displayName());
                else if (AccountStore::signInEndsSoon(r.account, now))
                    notices << AccountStore::endNotice(r.account);
            }
            m_accountNotices->setText(notices.join(u'\n'));
            m_accountNotices->setVisible(!notices.isEmpty());
            const int row = m_accounts->rowOf(keep);
            if (row >= 0)
                m_accountsView->selectRow(row);
            else if (m_accounts->rowCount() > 0)
                m_accountsView->selectRow(0);
            m_tabs->setTabText(AccountsTab, tr("Accounts (%1)").arg(rows->size()));
            m_accountsLoaded = true;
            updateCount();
            updateAccountActions();
        });
}

void SocialPage::loadDetail(qint64 postId)
{
    m_detailPost = postId;
    const int generation = ++m_detailGeneration;
    if (!postId || !m_session.hasDatabase()) {
        showDetail(nullptr);
        return;
    }
    runOnDatabase<Result<PostStatus>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [postId](QSqlDatabase &db) { return PostStore(db).status(postId); },
        [this, generation](const Result<PostStatus> &post) {
            if (generation != m_detailGeneration)
                return;
            if (!post) {
                Q_EMIT statusMessage(tr("The post cannot be read: %1").arg(post.error().message));
                showDetail(nullptr);
                return;
            }
            showDetail(&*post);
        });
}

void SocialPage::showDetail(const PostStatus *post)
{
    // Built again each time: a post has a handful of targets.
    while (QLayoutItem *item = m_detailLayout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->setParent(nullptr); // gone from findChildren and the screen now, deleted once its events are done
            w->deleteLater();
        }
        delete item;
    }
    if (!post) {
        auto *none = plainLabel(m_targets->rowCount() ? tr("Choose a post in the calendar to see where it went.")
                                                      : tr("No posts in these days."),
                                m_detail, QStringLiteral("muted"));
        none->setObjectName(QStringLiteral("socialDetailNone"));
        m_detailLayout->addWidget(none);
        m_detailLayout->addStretch(1);
        Q_EMIT detailShown();
        return;
    }
    auto *heading = plainLabel(tr("Post %1").arg(post->id), m_detail, QStringLiteral("brand"));
    heading->setObjectName(QStringLiteral("socialDetailTitle"));
    m_detailLayout->addWidget(heading);
    auto *text = plainLabel(post->text.isEmpty() && !post->targets.isEmpty() ? post->targets.first().text : post->text, m_detail);
    text->setObjectName(QStringLiteral("socialDetailText"));
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailLayout->addWidget(text);
    for (const TargetStatus &t : post->targets) {
        auto *card = new QFrame(m_detail);
        card->setProperty("card", true);
        card->setObjectName(QStringLiteral("socialTarget%1").arg(t.id));
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(10, 8, 10, 8);
        v->setSpacing(4);
        auto *who = plainLabel(tr("%1 · %2").arg(social::Networks::displayName(t.network), t.accountName), card);
        QFont bold = who->font();
        bold.setBold(true);
        who->setFont(bold);
        v->addWidget(who);
        QString stateLine;
        switch (t.state) {
        case TargetState::Published:
            stateLine = tr("Published %1").arg(whenText(t.publishedAt.value_or(t.dueAt)));
            break;
        case TargetState::Scheduled:
            stateLine = tr("Scheduled for %1").arg(whenText(t.dueAt));
            break;
        case TargetState::Publishing:
            stateLine = tr("Being published now (due %1)").arg(whenText(t.dueAt));
            break;
        case TargetState::Failed:
            stateLine = tr("Failed (due %1, %n attempt(s))", nullptr, t.attempts).arg(whenText(t.dueAt));
            break;
        case TargetState::Unknown:
            stateLine = tr("Waiting for your decision (due %1)").arg(whenText(t.dueAt));
            break;
        case TargetState::Cancelled:
            stateLine = tr("Cancelled");
            break;
        }
        auto *state = plainLabel(stateLine, card);
        state->setObjectName(QStringLiteral("socialTargetState"));
        state->setStyleSheet(QStringLiteral("color: %1;").arg(SocialLook::stateColor(t.state).name()));
        v->addWidget(state);
        if (t.text != post->text && !post->text.isEmpty())
            v->addWidget(plainLabel(t.text, card, QStringLiteral("muted")));
        if (t.state == TargetState::Published) {
            if (t.permalink.isEmpty()) {
                v->addWidget(plainLabel(tr("The network gave no link for it."), card, QStringLiteral("muted")));
            } else {
                auto *link = new QLabel(QStringLiteral("<a href=\"%1\">%2</a>").arg(t.permalink.toHtmlEscaped(), t.permalink.toHtmlEscaped()), card);
                link->setObjectName(QStringLiteral("socialLink"));
                link->setProperty("url", t.permalink);
                link->setWordWrap(true);
                link->setTextInteractionFlags(Qt::TextBrowserInteraction);
                link->setOpenExternalLinks(true);
                link->setToolTip(tr("Opens the post in your browser."));
                v->addWidget(link);
            }
            if (!t.firstComment.isEmpty()) {
                // The first comment's own fate: made, being made, or given up with the network's reason.
                const bool failed = t.commentState == u"failed";
                auto *comment = plainLabel(failed ? tr("First comment not made: %1").arg(t.commentError)
                                           : t.commentState == u"done" ? tr("First comment made.")
                                                                       : tr("The first comment was not made by LUX."),
                                           card, failed ? QStringLiteral("error") : QStringLiteral("muted"));
                comment->setObjectName(QStringLiteral("socialCommentState"));
                comment->setTextInteractionFlags(Qt::TextSelectableByMouse);
                v->addWidget(comment);
            }
        } else if (t.state == TargetState::Failed) {
            auto *reason = plainLabel(t.error.isEmpty() ? tr("The network gave no reason.") : t.error, card, QStringLiteral("error"));
            reason->setObjectName(QStringLiteral("socialReason"));
            reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
            v->addWidget(reason);
            auto *retryButton = new QPushButton(Theme::icon(QStringLiteral("retry")), tr("Retry"), card);
            retryButton->setObjectName(QStringLiteral("socialRetry"));
            retryButton->setProperty("targetId", t.id);
            retryButton->setEnabled(writable() && m_busy == 0);
            retryButton->setToolTip(retryButton->isEnabled() ? tr("Publishes it again as soon as the scheduler runs.")
                                                             : tr("The database is open read-only."));
            connect(retryButton, &QPushButton::clicked, this, [this, id = t.id] { retry(id); });
            auto *row = new QHBoxLayout;
            row->addWidget(retryButton);
            row->addStretch(1);
            v->addLayout(row);
        } else if (t.state == TargetState::Unknown) {
            auto *doubt = plainLabel(tr("The network’s answer was lost and LUX could not tell whether the post went out. This one is "
                                        "yours to decide: look at %1 on %2. LUX will not send it again on its own.")
                                         .arg(t.accountName, social::Networks::displayName(t.network)),
                                     card, QStringLiteral("warning"));
            doubt->setObjectName(QStringLiteral("socialDoubt"));
            v->addWidget(doubt);
            // Settled by the user only when nothing else can (LUX may still be looking for it).
            if (t.errorCode == u"needs-decision") {
                auto *there = new QPushButton(tr("It Is There"), card);
                there->setObjectName(QStringLiteral("socialDecidePublished"));
                there->setToolTip(tr("Counts it as published; nothing is sent."));
                auto *again = new QPushButton(tr("Publish Again"), card);
                again->setObjectName(QStringLiteral("socialDecideAgain"));
                again->setToolTip(tr("It is not on %1: the scheduler publishes it again.").arg(social::Networks::displayName(t.network)));
                for (QPushButton *b : {there, again})
                    b->setEnabled(writable() && m_busy == 0);
                connect(there, &QPushButton::clicked, this, [this, id = t.id] { decide(id, true); });
                connect(again, &QPushButton::clicked, this, [this, id = t.id] { decide(id, false); });
                auto *row = new QHBoxLayout;
                row->addWidget(there);
                row->addWidget(again);
                row->addStretch(1);
                v->addLayout(row);
            }
        }
        m_detailLayout->addWidget(card);
    }
    m_detailLayout->addStretch(1);
    Q_EMIT detailShown();
}

void SocialPage::updateCount()
{
    if (m_accountsLoaded && m_accounts->rowCount() == 0) {
        m_count->setText(tr("No accounts connected yet: connect one with Connect Account… in the Accounts tab."));
        return;
    }
    int failed = 0;
    for (const TargetStatus &t : m_targets->rows())
        failed += t.state == TargetState::Failed ? 1 : 0;
    const int shown = m_targets->rowCount();
    m_count->setText(failed ? tr("%n post(s) in the days shown, %1 failed", nullptr, shown).arg(failed)
                            : tr("%n post(s) in the days shown", nullptr, shown));
}

void SocialPage::updateNavigation()
{
    m_period->setText(m_calendar->title());
    m_monthButton->setChecked(m_calendar->mode() == SocialCalendar::Mode::Month);
    m_weekButton->setChecked(m_calendar->mode() == SocialCalendar::Mode::Week);
}

void SocialPage::updateAccountActions()
{
    m_connectAccount->setEnabled(writable());
    m_connectAccount->setToolTip(writable() ? tr("Opens the network's sign-in page in your browser.")
                                            : tr("The database is open read-only."));
    const qint64 id = m_accountsView->currentIndex().data(SocialAccountsModel::IdRole).toLongLong();
    const SocialAccountRow *row = m_accounts->row(id);
    m_retryAll->setEnabled(writable() && row && row->failed > 0 && m_busy == 0);
    m_retryAll->setText(row ? tr("Retry All Failed: %1").arg(row->account.displayName()) : tr("Retry All Failed"));
    m_retryAll->setToolTip(!m_session.hasDatabase() ? tr("Open a database first.")
                           : !writable()            ? tr("The database is open read-only.")
                           : !row                   ? tr("Choose an account first.")
                           : row->failed == 0       ? tr("No post of this account has failed.")
                                                    : tr("Publishes every failed post of this account again."));
}

void SocialPage::showDate(QDate date)
{
    m_calendar->setAnchor(date);
    updateNavigation();
    loadCalendar();
}

void SocialPage::showMonth()
{
    m_calendar->setMode(SocialCalendar::Mode::Month);
    updateNavigation();
    loadCalendar();
}

void SocialPage::showWeek()
{
    m_calendar->setMode(SocialCalendar::Mode::Week);
    updateNavigation();
    loadCalendar();
}

void SocialPage::previous()
{
    const QDate a = m_calendar->anchor();
    showDate(m_calendar->mode() == SocialCalendar::Mode::Month ? a.addMonths(-1) : a.addDays(-7));
}

void SocialPage::next()
{
    const QDate a = m_calendar->anchor();
    showDate(m_calendar->mode() == SocialCalendar::Mode::Month ? a.addMonths(1) : a.addDays(7));
}

void SocialPage::today()
{
    showDate(QDate::currentDate());
}

void SocialPage::selectTarget(qint64 targetId)
{
    m_calendar->select(targetId);
}

void SocialPage::reschedule(qint64 targetId, QDate date)
{
    const TargetStatus *t = m_targets->row(targetId);
    if (!t)
        return;
    if (!writable()) {
        Q_EMIT statusMessage(tr("The database is open read-only."));
        return;
    }
    if (t->state != TargetState::Scheduled) {
        Q_EMIT statusMessage(tr("Only a post that has not started can be moved."));
        return;
    }
    const QTime time = QDateTime::fromMSecsSinceEpoch(t->dueAt).time();
    const qint64 at = QDateTime(date, time).toMSecsSinceEpoch();
    if (at <= QDateTime::currentMSecsSinceEpoch()) {
        Q_EMIT statusMessage(tr("A post cannot be moved into the past."));
        return;
    }
    ++m_busy;
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [targetId, at](QSqlDatabase &db) { return PostStore(db).reschedule(targetId, at); },
        [this, at](const Status &s) {
            --m_busy;
            if (!s)
                Dialogs::warning(this, tr("Move Post"), s.error().message);
            else
                Q_EMIT statusMessage(tr("Post moved to %1.").arg(whenText(at)));
            reload();
        });
}

void SocialPage::retry(qint64 targetId)
{
    if (!writable())
        return;
    ++m_busy;
    for (QPushButton *b : m_detail->findChildren<QPushButton *>(QStringLiteral("socialRetry")))
        b->setEnabled(false);
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [targetId](QSqlDatabase &db) { return PostStore(db).retry(targetId); },
        [this](const Status &s) {
            --m_busy;
            if (!s)
                Dialogs::warning(this, tr("Retry"), s.error().message);
            else {
                m_session.sendService().wake();
                Q_EMIT statusMessage(tr("The post will be published again when the scheduler next runs."));
            }
            reload();
        });
}

void SocialPage::decide(qint64 targetId, bool published)
{
    if (!writable())
        return;
    ++m_busy;
    for (const QString &name : {QStringLiteral("socialDecidePublished"), QStringLiteral("socialDecideAgain")})
        for (QPushButton *b : m_detail->findChildren<QPushButton *>(name))
            b->setEnabled(false);
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [targetId, published](QSqlDatabase &db) { return PostStore(db).decide(targetId, published); },
        [this, published](const Status &s) {
            --m_busy;
            if (!s) {
                Dialogs::warning(this, tr("Decide"), s.error().message);
            } else if (published) {
                Q_EMIT statusMessage(tr("Counted as published."));
            } else {
                m_session.sendService().wake();
                Q_EMIT statusMessage(tr("The post will be published again when the scheduler next runs."));
            }
            reload();
        });
}

void SocialPage::retryAllFailed()
{
    const qint64 id = m_accountsView->currentIndex().data(SocialAccountsModel::IdRole).toLongLong();
    const SocialAccountRow *row = m_accounts->row(id);
    if (!row || !writable())
        return;
    const QString name = row->account.displayName();
    ++m_busy;
    updateAccountActions();
    runOnDatabase<Result<int>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id](QSqlDatabase &db) { return PostStore(db).retryFailed(id); },
        [this, name](const Result<int> &n) {
            --m_busy;
            if (!n)
                Dialogs::warning(this, tr("Retry All Failed"), n.error().message);
            else if (*n == 0)
                Q_EMIT statusMessage(tr("%1 has no failed posts.").arg(name));
            else {
                m_session.sendService().wake();
                Q_EMIT statusMessage(tr("%n failed post(s) of %1 will be published again.", nullptr, *n).arg(name));
            }
            reload();
        });
}

void SocialPage::connectAccount()
{
    if (!writable())
        return;
    auto *dialog = new ConnectAccountDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectAccountDialog::accountsConnected, this, [this] {
        reload();
        Q_EMIT statusMessage(tr("Accounts connected."));
    });
    dialog->open();
}

void SocialPage::compose()
{
    auto *composer = new ComposerDialog(m_session, this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    connect(composer, &ComposerDialog::scheduled, this, [this] {
        m_dirty = true;
        reload();
    });
    composer->open();
}

} // namespace lux::ui
