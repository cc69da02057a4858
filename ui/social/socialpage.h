// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "social/poststore.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QVBoxLayout;

namespace lux::ui {

class AppSession;
class SocialAccountsModel;
class SocialCalendar;
class SocialQueue;
class SocialTargetsModel;

// Social: the calendar of the posts across accounts (a month or a week; each target on its day with
// its time, network, the start of its text and its state; the one selected in detail beside it: per
// account its state, a published post's link, a failed one's reason with Retry, one in doubt left to
// the user), each account's queue (SocialQueue: its coming slots and what takes them, its slots and
// time zone edited there), and the connected accounts (status, the end of their sign-in a week ahead,
// queue slots, time zone, "Retry all failed"). Posts are made with luxctl until the composer comes. Reads and
// writes run off the GUI thread.
class SocialPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { CalendarTab, QueueTab, AccountsTab };

    explicit SocialPage(AppSession &session, QWidget *parent = nullptr);

    // The composer; the calendar shows the post once it is scheduled.
    void compose();
    void reload();
    SocialCalendar *calendar() const { return m_calendar; }
    SocialTargetsModel *targetsModel() const { return m_targets; }
    SocialAccountsModel *accountsModel() const { return m_accounts; }
    QTableView *accountsView() const { return m_accountsView; }
    SocialQueue *queue() const { return m_queue; }
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *detail() const { return m_detail; }
    QLabel *periodLabel() const { return m_period; }

    void showDate(QDate date); // the month or week with it
    void showMonth();
    void showWeek();
    void previous();
    void next();
    void today();
    void selectTarget(qint64 targetId);
    // Moves a target that has not started to `date`, at the same time of day (the calendar's drag).
    void reschedule(qint64 targetId, QDate date);
    void retry(qint64 targetId);
    void retryAllFailed(); // on the account selected in Accounts
    void connectAccount(); // the network's sign-in in the browser (ConnectAccountDialog)
    // A post in doubt settled by the user: it is there, or it is published again.
    void decide(qint64 targetId, bool published);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void reloaded();
    void detailShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildCalendarTab();
    QWidget *buildAccountsTab();
    void loadCalendar();
    void loadAccounts();
    void loadDetail(qint64 postId);
    void showDetail(const social::PostStatus *post);
    void updateNavigation();
    void updateCount();
    void updateAccountActions();
    bool writable() const;

    AppSession &m_session;
    SocialTargetsModel *m_targets;
    SocialAccountsModel *m_accounts;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_period = nullptr;
    QPushButton *m_monthButton = nullptr;
    QPushButton *m_weekButton = nullptr;
    SocialCalendar *m_calendar = nullptr;
    SocialQueue *m_queue = nullptr;
    QWidget *m_detail = nullptr;
    QVBoxLayout *m_detailLayout = nullptr;
    QTableView *m_accountsView = nullptr;
    QLabel *m_accountNotices = nullptr;
    QPushButton *m_retryAll = nullptr;
    QPushButton *m_connectAccount = nullptr;
    qint64 m_detailPost = 0;
    qint64 m_selectOnLoad = 0; // a target to select once the calendar has read its days
    int m_calendarGeneration = 0;
    int m_accountsGeneration = 0;
    int m_detailGeneration = 0;
    int m_busy = 0;
    bool m_dirty = true;
    bool m_accountsLoaded = false;
};

} // namespace lux::ui
