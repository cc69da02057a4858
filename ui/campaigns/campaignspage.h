// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/dispatcher.h"

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace lux::ui {

class AppSession;
class CampaignsModel;
class AbTestView;
class CampaignReportView;
class CampaignWizard;
class OutboxModel;
struct CampaignRow;

// Campaigns: the list (status, progress, sent and failed, schedule) and, for the one selected, its
// numbers, rate and expected finish while it sends, and its per-recipient outbox (filter by state,
// retry the failed, decide about those in doubt, export). New, edit, duplicate, test, pause, resume
// and cancel. A notice bar says when schedules were missed while the app was closed. Reads and writes
// run off the GUI thread; the sending itself runs in the session's scheduler thread.
class CampaignsPage : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignsPage(AppSession &session, QWidget *parent = nullptr);

    void reload();
    CampaignsModel *model() const { return m_model; }
    OutboxModel *outboxModel() const { return m_outbox; }
    QTableView *view() const { return m_view; }
    QTableView *outboxView() const { return m_outboxView; }
    QComboBox *stateFilter() const { return m_filter; }
    QLabel *rateLabel() const { return m_rate; }
    QFrame *noticeBar() const { return m_notice; }
    QLabel *noticeLabel() const { return m_noticeText; }
    bool isBusy() const { return m_busy > 0; }
    QTabWidget *detailTabs() const { return m_detailTabs; }
    AbTestView *abTestView() const { return m_abTest; }
    void select(qint64 campaignId);
    qint64 selectedId() const;
    CampaignWizard *openWizard(qint64 campaignId); // 0: a new campaign
    void pauseSelected();
    void resumeSelected();
    void cancelSelected();
    void duplicateSelected();
    void retryFailed();
    void exportOutbox(const QString &path); // CSV of every row of the selected campaign
    void decide(bool send);                 // for the selected outbox rows in doubt

Q_SIGNALS:
    void statusMessage(const QString &text);
    void reloaded();
    void outboxLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadOutbox();
    void showDetail();
    void updateActions();
    void onProgress(const campaigns::Dispatcher::Progress &progress);
    void onMissed(const QList<qint64> &ids, bool held);
    // Runs a lifecycle step for the selected campaign on a worker, then reloads.
    void change(const QString &what, std::function<Status(QSqlDatabase &, qint64 id, std::optional<qint64> user)> step);
    void editSelected();

    AppSession &m_session;
    CampaignsModel *m_model;
    OutboxModel *m_outbox;
    QTableView *m_view;
    QTableView *m_outboxView;
    QTabWidget *m_detailTabs = nullptr;
    CampaignReportView *m_report = nullptr;
    AbTestView *m_abTest = nullptr; // its tab shows only for a campaign with an A/B test
    QLabel *m_count;
    QFrame *m_notice;
    QLabel *m_noticeText;
    QPushButton *m_noticeSend;
    QList<qint64> m_missed;

    QLabel *m_detailTitle;
    QLabel *m_detailFacts;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QComboBox *m_filter;

    QPushButton *m_new, *m_edit, *m_duplicate, *m_pause, *m_resume, *m_cancel;
    QPushButton *m_retry, *m_export, *m_sendAgain, *m_markSent;
    QTimer *m_refresh;
    int m_busy = 0;
    int m_outboxGeneration = 0;
    bool m_dirty = true;
};

} // namespace lux::ui
