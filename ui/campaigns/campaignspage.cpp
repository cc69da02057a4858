// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignspage.h"
#include "abtestview.h"
#include "campaignreportview.h"
#include "common/errorcodes.h"
#include "contacts/contactrepository.h"
#include "contacts/csvreader.h"

#include "analytics/outboxreader.h"
#include "campaignreportview.h"
#include "campaigns/lifecycle.h"
#include "campaigns/outbox.h"
#include "campaignsmodel.h"
#include "campaignwizard.h"
#include "common/backgroundtask.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/savefile.h"
#include "common/tableview.h"
#include "session/appsession.h"
#include "storage/sqlvalues.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace lux::ui {

using campaigns::CampaignStatus;
using campaigns::OutboxState;

CampaignsPage::CampaignsPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new CampaignsModel(this)), m_outbox(new OutboxModel(this))
{
    setObjectName(QStringLiteral("campaignsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *head = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Campaigns"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_count = new QLabel(this);
    m_count->setProperty("role", QStringLiteral("subtitle"));
    titles->addWidget(title);
    titles->addWidget(m_count);
    head->addLayout(titles, 1);
    const auto button = [this](const QString &icon, const QString &text, const QString &name) {
        auto *b = new QPushButton(Theme::icon(icon), text, this);
        b->setObjectName(name);
        return b;
    };
    m_pause = button(QStringLiteral("pause"), tr("Pause"), QStringLiteral("campaignPause"));
    m_resume = button(QStringLiteral("play"), tr("Resume"), QStringLiteral("campaignResume"));
    m_cancel = button(QStringLiteral("x"), tr("Cancel Campaign"), QStringLiteral("campaignCancel"));
    m_duplicate = button(QStringLiteral("copy"), tr("Duplicate"), QStringLiteral("campaignDuplicate"));
    m_edit = button(QStringLiteral("edit"), tr("Edit…"), QStringLiteral("campaignEdit"));
    m_new = button(QStringLiteral("new"), tr("New Campaign…"), QStringLiteral("campaignNew"));
    m_new->setDefault(true);
    for (QPushButton *b : {m_pause, m_resume, m_cancel, m_duplicate, m_edit, m_new})
        head->addWidget(b, 0, Qt::AlignBottom);
    layout->addLayout(head);

    // Schedules missed while the app was closed.
    m_notice = new QFrame(this);
    m_notice->setObjectName(QStringLiteral("campaignsNotice"));
    m_notice->setProperty("card", true);
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(12, 6, 8, 6);
    auto *noticeIcon = new QLabel(m_notice);
    noticeIcon->setPixmap(Theme::icon(QStringLiteral("clock")).pixmap(18, 18));
    noticeLayout->addWidget(noticeIcon);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setWordWrap(true);
    noticeLayout->addWidget(m_noticeText, 1);
    m_noticeSend = new QPushButton(Theme::icon(QStringLiteral("send")), tr("Send Now"), m_notice);
    m_noticeSend->setObjectName(QStringLiteral("campaignsSendMissed"));
    noticeLayout->addWidget(m_noticeSend);
    auto *dismiss = new QToolButton(m_notice);
    dismiss->setIcon(Theme::icon(QStringLiteral("x")));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    noticeLayout->addWidget(dismiss);
    m_notice->hide();
    layout->addWidget(m_notice);
    connect(dismiss, &QToolButton::clicked, m_notice, &QWidget::hide);
    connect(m_noticeSend, &QPushButton::clicked, this, [this] {
        m_session.sendService().sendMissed(m_missed);
        m_noticeText->setText(tr("Sending the missed campaigns now."));
        m_noticeSend->hide();
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("campaignsView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setItemDelegateForColumn(CampaignsModel::Progress, new ProgressDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(CampaignsModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setColumnWidth(CampaignsModel::Channel, 70);
    m_view->setColumnWidth(CampaignsModel::Status, 100);
    m_view->setColumnWidth(CampaignsModel::Progress, 170);
    m_view->setColumnWidth(CampaignsModel::Sent, 80);
    m_view->setColumnWidth(CampaignsModel::Failed, 70);
    m_view->setColumnWidth(CampaignsModel::Recipients, 90);
    m_view->setColumnWidth(CampaignsModel::When, 170);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 12, 0, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("campaignDetailTitle"));
    m_detailTitle->setProperty("role", QStringLiteral("brand"));
    m_detailFacts = new QLabel(detail);
    m_detailFacts->setProperty("role", QStringLiteral("muted"));
    m_detailFacts->setWordWrap(true);
    m_detailFacts->setTextFormat(Qt::PlainText);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailFacts);
    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(detail);
    m_progress->setObjectName(QStringLiteral("campaignProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_rate = new QLabel(detail);
    m_rate->setObjectName(QStringLiteral("campaignRate"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_rate);
    detailLayout->addLayout(progressRow);

    // Recipients (the outbox) and the report, one tab each.
    m_detailTabs = new QTabWidget(detail);
    m_detailTabs->setObjectName(QStringLiteral("campaignDetailTabs"));
    auto *recipients = new QWidget(m_detailTabs);
    auto *recipientsLayout = new QVBoxLayout(recipients);
    recipientsLayout->setContentsMargins(0, 6, 0, 0);
    auto *outboxBar = new QHBoxLayout;
    m_filter = new QComboBox(detail);
    m_filter->setObjectName(QStringLiteral("outboxFilter"));
    m_filter->addItem(tr("Every recipient"), QString());
    for (OutboxState s : {OutboxState::Pending, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed, OutboxState::Unknown})
        m_filter->addItem(OutboxModel::stateLabel(s), campaigns::stateName(s));
    outboxBar->addWidget(new QLabel(tr("Show:"), detail));
    outboxBar->addWidget(m_filter);
    outboxBar->addStretch(1);
    m_sendAgain = new QPushButton(Theme::icon(QStringLiteral("send")), tr("Send Again"), detail);
    m_sendAgain->setObjectName(QStringLiteral("outboxSendAgain"));
    m_sendAgain->setToolTip(tr("Neither Graph nor Sent Items can tell whether these went: send them again."));
    m_markSent = new QPushButton(Theme::icon(QStringLiteral("check")), tr("Count as Sent"), detail);
    m_markSent->setObjectName(QStringLiteral("outboxMarkSent"));
    m_markSent->setToolTip(tr("Count the selected recipients in doubt as sent, and never send them this campaign."));
    m_retry = new QPushButton(Theme::icon(QStringLiteral("retry")), tr("Retry Failed"), detail);
    m_retry->setObjectName(QStringLiteral("outboxRetry"));
    m_export = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Export…"), detail);
    m_export->setObjectName(QStringLiteral("outboxExport"));
    for (QPushButton *b : {m_sendAgain, m_markSent, m_retry, m_export})
        outboxBar->addWidget(b);
    recipientsLayout->addLayout(outboxBar);
    m_outboxView = new QTableView(detail);
    m_outboxView->setObjectName(QStringLiteral("outboxView"));
    m_outboxView->setModel(m_outbox);
    setUpListTable(m_outboxView);
    m_outboxView->setColumnWidth(OutboxModel::Email, 260);
    m_outboxView->setColumnWidth(OutboxModel::State, 140);
    m_outboxView->setColumnWidth(OutboxModel::Attempts, 80);
    m_outboxView->setColumnWidth(OutboxModel::Sender, 200);
    m_outboxView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    recipientsLayout->addWidget(m_outboxView, 1);
    m_detailTabs->addTab(recipients, tr("Recipients"));
    m_report = new CampaignReportView(m_session, m_detailTabs);
    // The report knows how many texts wait for quiet hours: said beside the progress too.
    connect(m_report, &CampaignReportView::loaded, this, [this] {
        if (m_report->report().campaignId == selectedId() && m_report->report().waitingQuietHours > 0)
            showDetail();
    });
    m_detailTabs->addTab(m_report, tr("Report"));
    m_abTest = new AbTestView(m_session, m_detailTabs);
    const int abTab = m_detailTabs->addTab(m_abTest, tr("A/B Test"));
    m_detailTabs->setTabVisible(abTab, false);
    connect(m_abTest, &AbTestView::loaded, this, [this, abTab](bool hasTest) {
        if (m_abTest->campaignId() == selectedId())
            m_detailTabs->setTabVisible(abTab, hasTest);
    });
    detailLayout->addWidget(m_detailTabs, 1);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_new, &QPushButton::clicked, this, [this] { openWizard(0); });
    connect(m_edit, &QPushButton::clicked, this, &CampaignsPage::editSelected);
    connect(m_view, &QTableView::doubleClicked, this, &CampaignsPage::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &CampaignsPage::duplicateSelected);
    connect(m_pause, &QPushButton::clicked, this, &CampaignsPage::pauseSelected);
    connect(m_resume, &QPushButton::clicked, this, &CampaignsPage::resumeSelected);
    connect(m_cancel, &QPushButton::clicked, this, &CampaignsPage::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, &CampaignsPage::retryFailed);
    connect(m_sendAgain, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_markSent, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const CampaignRow *row = m_model->row(selectedId());
        if (!row)
            return;
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = Dialogs::saveFile(this, tr("Export Recipients"),
                                               QDir(dir).filePath(row->campaign.name + tr(" recipients") + QStringLiteral(".csv")),
                                               tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportOutbox(path);
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, &CampaignsPage::loadOutbox);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetail();
        loadOutbox();
    });
    connect(m_outboxView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CampaignsPage::updateActions);

    connect(&m_session, &AppSession::campaignsChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            reload();
    });
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_notice->hide();
        m_model->setRows({});
        m_outbox->setRows({});
        m_dirty = true;
        showDetail();
    });
    campaigns::SendService &send = m_session.sendService();
    connect(&send, &campaigns::SendService::progressed, this, &CampaignsPage::onProgress);
    connect(&send, &campaigns::SendService::missedSchedules, this, &CampaignsPage::onMissed);
    connect(&send, &campaigns::SendService::problem, this, [this](const QString &message) {
        Q_EMIT statusMessage(tr("Scheduler: %1").arg(message));
    });
    // While something sends, the outbox shown follows it.
    m_refresh = new QTimer(this);
    m_refresh->setInterval(2000);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        const CampaignRow *row = m_model->row(selectedId());
        if (isVisible() && row && row->campaign.status == CampaignStatus::Sending) {
            loadOutbox();
            if (m_abTest->isVisible())
                m_abTest->refresh();
        }
    });
    m_refresh->start();
    showDetail();
}

void CampaignsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        reload();
}

void CampaignsPage::reload()
{
    if (!m_session.hasDatabase())
        return;
    m_dirty = false;
    ++m_busy;
    updateActions();
    const qint64 keep = selectedId();
    runOnDatabase<Result<QList<CampaignRow>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<QList<CampaignRow>> { return loadCampaignRows(db); },
        [this, keep](const Result<QList<CampaignRow>> &rows) {
            --m_busy;
            if (!rows) {
                Q_EMIT statusMessage(tr("The campaigns cannot be read: %1").arg(rows.error().message));
                updateActions();
                return;
            }
            m_model->setRows(*rows);
            qint64 sending = 0;
            for (const CampaignRow &r : *rows)
                sending += r.campaign.status == CampaignStatus::Sending ? 1 : 0;
            m_count->setText(sending ? tr("%n campaign(s), %1 sending", nullptr, int(rows->size())).arg(sending)
                                     : tr("%n campaign(s)", nullptr, int(rows->size())));
            if (keep && m_model->rowOf(keep) >= 0)
                select(keep);
            else if (m_model->rowCount() > 0)
                m_view->selectRow(0);
            showDetail();
            loadOutbox();
            Q_EMIT reloaded();
        });
}

void CampaignsPage::select(qint64 campaignId)
{
    const int row = m_model->rowOf(campaignId);
    if (row >= 0)
        m_view->selectRow(row);
}

qint64 CampaignsPage::selectedId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(CampaignsModel::IdRole).toLongLong() : 0;
}

void CampaignsPage::showDetail()
{
    const CampaignRow *row = m_model->row(selectedId());
    if (m_report->report().campaignId != selectedId())
        m_report->setCampaign(selectedId());
    if (m_abTest->campaignId() != selectedId())
        m_abTest->setCampaign(selectedId());
    m_progress->setVisible(row && row->total() > 0);
    // Recipients and report belong to a campaign: nothing to show until one is chosen.
    m_detailTabs->setVisible(row != nullptr);
    if (!row) {
        m_detailTitle->setText(m_model->rowCount() ? tr("Choose a campaign") : tr("No campaigns yet"));
        m_detailFacts->setText(m_model->rowCount() ? QString()
                                                   : tr("Create one with New Campaign: pick a template, an audience and when it goes."));
        m_rate->clear();
        updateActions();
        return;
    }
    const campaigns::Campaign &c = row->campaign;
    const QLocale locale;
    m_detailTitle->setText(c.name);
    QStringList from{c.fromEmail};
    from << c.extraSenders;
    QString facts = c.subject.isEmpty()
                        ? tr("%1 · from %2").arg(campaigns::CampaignStore::statusLabel(c.status), from.join(QStringLiteral(", ")))
                        : tr("%1 · “%2” · from %3").arg(campaigns::CampaignStore::statusLabel(c.status), c.subject, from.join(QStringLiteral(", ")));
    if (c.channel == QLatin1String("sms")) {
        // A text has no subject: its first words say what it is.
        const QString text = c.body.simplified();
        facts = tr("%1 · SMS · “%2” · from %3")
                    .arg(campaigns::CampaignStore::statusLabel(c.status), text.size() > 60 ? text.left(59) + u'…' : text,
                         from.join(QStringLiteral(", ")));
    }
    if (c.status == CampaignStatus::Scheduled && c.scheduledAt)
        facts += tr(" · goes %1").arg(m_model->data(m_model->index(m_model->rowOf(c.id), CampaignsModel::When), Qt::DisplayRole).toString());
    if (row->total() > 0)
        facts += tr(" · %1 recipients: %2 sent, %3 waiting, %4 failed, %5 in doubt")
                     .arg(locale.toString(row->total()), locale.toString(row->sent), locale.toString(row->pending + row->sending),
                          locale.toString(row->failed), locale.toString(row->unknown));
    m_detailFacts->setText(facts);
    m_progress->setValue(row->total() ? int(row->settled() * 1000 / row->total()) : 0);
    if (c.status == CampaignStatus::Sending && row->ratePerMinute > 0) {
        QString text = tr("%1 a minute").arg(locale.toString(row->ratePerMinute, 'f', 0));
        if (row->expectedFinishMs > 0)
            text += tr(" · done about %1").arg(locale.toString(QDateTime::fromMSecsSinceEpoch(row->expectedFinishMs).toLocalTime(),
                                                               QLocale::ShortFormat));
        m_rate->setText(text);
    } else if (const analytics::CampaignReport &r = m_report->report();
               c.status == CampaignStatus::Sending && r.campaignId == c.id && r.waitingQuietHours > 0 && r.waitingQuietHours >= row->pending) {
        // Nothing goes now: every text left waits for its recipient's window.
        m_rate->setText(tr("%n text(s) waiting for quiet hours, until %1", nullptr, int(r.waitingQuietHours))
                            .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(r.waitingUntil), QLocale::ShortFormat)));
    } else if (c.status == CampaignStatus::Sending) {
        m_rate->setText(tr("starting…"));
    } else {
        m_rate->setText(row->total() ? tr("%1 %").arg(row->settled() * 100 / row->total()) : QString());
    }
    updateActions();
}

void CampaignsPage::loadOutbox()
{
    const qint64 id = selectedId();
    if (!id || !m_session.hasDatabase()) {
        m_outbox->setRows({});
        return;
    }
    const int generation = ++m_outboxGeneration;
    const std::optional<OutboxState> state = [this]() -> std::optional<OutboxState> {
        const QString name = m_filter->currentData().toString();
        for (OutboxState s : {OutboxState::Pending, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed, OutboxState::Unknown})
            if (campaigns::stateName(s) == name)
                return s;
        return std::nullopt;
    }();
    runOnDatabase<Result<QList<campaigns::OutboxRow>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id, state](QSqlDatabase &db) { return campaigns::Outbox(db).rows(id, state, 2000); },
        [this, generation](const Result<QList<campaigns::OutboxRow>> &rows) {
            if (generation != m_outboxGeneration)
                return;
            if (!rows) {
                Q_EMIT statusMessage(tr("The recipients cannot be read: %1").arg(rows.error().message));
                return;
            }
            m_outbox->setRows(*rows);
            updateActions();
            Q_EMIT outboxLoaded();
        });
}

void CampaignsPage::updateActions()
{
    const CampaignRow *row = m_model->row(selectedId());
    const bool writable = m_session.hasDatabase() && !m_session.database()->isReadOnly() && m_busy == 0;
    const CampaignStatus s = row ? row->campaign.status : CampaignStatus::Draft;
    m_new->setEnabled(writable);
    m_edit->setEnabled(writable && row && (s == CampaignStatus::Draft || s == CampaignStatus::Scheduled));
    m_duplicate->setEnabled(writable && row);
    m_pause->setEnabled(writable && row && campaigns::CampaignStore::canMove(s, CampaignStatus::Paused));
    m_resume->setEnabled(writable && row && (s == CampaignStatus::Paused || s == CampaignStatus::Failed));
    m_cancel->setEnabled(writable && row && campaigns::CampaignStore::canMove(s, CampaignStatus::Cancelled));
    m_retry->setEnabled(writable && row && row->failed > 0 && s != CampaignStatus::Cancelled);
    m_export->setEnabled(row && row->total() > 0);
    // Why a button is greyed out, where the reason is not the campaign's state.
    const QString reason = !m_session.hasDatabase() ? tr("Open a database first.")
                           : !writable && m_busy == 0 ? tr("The database is open read-only.")
                           : !row                      ? tr("Choose a campaign in the list first.")
                                                       : QString();
    for (QPushButton *b : {m_edit, m_duplicate, m_pause, m_resume, m_cancel, m_retry, m_export})
        b->setToolTip(b->isEnabled() ? QString() : reason);
    bool doubt = false;
    for (const QModelIndex &index : m_outboxView->selectionModel()->selectedRows())
        doubt = doubt || m_outbox->at(index.row()).state == OutboxState::Unknown;
    const bool showDecide = row && row->unknown > 0;
    m_sendAgain->setVisible(showDecide);
    m_markSent->setVisible(showDecide);
    m_sendAgain->setEnabled(writable && doubt);
    m_markSent->setEnabled(writable && doubt);
}

void CampaignsPage::onProgress(const campaigns::Dispatcher::Progress &progress)
{
    m_model->applyProgress(progress);
    if (progress.campaignId == selectedId())
        showDetail();
}

void CampaignsPage::onMissed(const QList<qint64> &ids, bool held)
{
    m_missed = ids;
    m_noticeText->setText(held ? tr("%n campaign(s) came due while LUX was closed and wait for you.", nullptr, int(ids.size()))
                               : tr("%n campaign(s) came due while LUX was closed and are being sent now.", nullptr, int(ids.size())));
    m_noticeSend->setVisible(held);
    m_notice->show();
    m_dirty = true;
    if (isVisible())
        reload();
}

CampaignWizard *CampaignsPage::openWizard(qint64 campaignId)
{
    auto *wizard = new CampaignWizard(m_session, campaignId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CampaignWizard::campaignSaved, this, [this](qint64 id, bool scheduled) {
        Q_EMIT statusMessage(scheduled ? tr("Campaign scheduled.") : tr("Campaign saved as a draft."));
        reload();
        QTimer::singleShot(0, this, [this, id] { select(id); });
    });
    wizard->open();
    return wizard;
}

void CampaignsPage::editSelected()
{
    const CampaignRow *row = m_model->row(selectedId());
    if (!row)
        return;
    const qint64 id = row->campaign.id;
    if (row->campaign.status == CampaignStatus::Scheduled) {
        if (Dialogs::question(this, tr("Edit Campaign"),
                              tr("“%1” is scheduled. Take it back to a draft to edit it? It is not sent until you schedule it again.")
                                  .arg(row->campaign.name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes)
            != QMessageBox::Yes)
            return;
        change(tr("Unschedule"), [](QSqlDatabase &db, qint64 cid, std::optional<qint64> user) {
            return campaigns::Lifecycle(db).unschedule(cid, user);
        });
        // The wizard opens on the draft once it is one.
        connect(this, &CampaignsPage::reloaded, this, [this, id] { openWizard(id); }, Qt::SingleShotConnection);
        return;
    }
    if (row->campaign.status == CampaignStatus::Draft)
        openWizard(id);
}

void CampaignsPage::change(const QString &what, std::function<Status(QSqlDatabase &, qint64, std::optional<qint64>)> step)
{
    const qint64 id = selectedId();
    if (!id)
        return;
    ++m_busy;
    updateActions();
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id, user, step = std::move(step)](QSqlDatabase &db) { return step(db, id, user); },
        [this, what](const Status &s) {
            --m_busy;
            if (!s)
                Dialogs::warning(this, what, s.error().message);
            m_session.sendService().wake();
            Q_EMIT m_session.campaignsChanged(); // this page, the tray and the window's count follow
            if (!isVisible())
                reload();
        });
}

void CampaignsPage::pauseSelected()
{
    change(tr("Pause"), [](QSqlDatabase &db, qint64 id, std::optional<qint64> user) { return campaigns::Lifecycle(db).pause(id, user); });
}

void CampaignsPage::resumeSelected()
{
    change(tr("Resume"), [](QSqlDatabase &db, qint64 id, std::optional<qint64> user) { return campaigns::Lifecycle(db).resume(id, user); });
}

void CampaignsPage::cancelSelected()
{
    const CampaignRow *row = m_model->row(selectedId());
    if (!row)
        return;
    if (Dialogs::question(this, tr("Cancel Campaign"),
                          tr("Cancel “%1”? Recipients who have not got it yet never will; this cannot be undone.").arg(row->campaign.name),
                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    change(tr("Cancel Campaign"), [](QSqlDatabase &db, qint64 id, std::optional<qint64> user) { return campaigns::Lifecycle(db).cancel(id, user); });
}

void CampaignsPage::duplicateSelected()
{
    const CampaignRow *row = m_model->row(selectedId());
    if (!row)
        return;
    const QString name = tr("%1 (copy)").arg(row->campaign.name);
    change(tr("Duplicate"), [name](QSqlDatabase &db, qint64 id, std::optional<qint64> user) -> Status {
        const auto copy = campaigns::CampaignStore(db).duplicate(id, name, user);
        return copy ? Status{} : Status(copy.error());
    });
}

void CampaignsPage::retryFailed()
{
    change(tr("Retry Failed"), [](QSqlDatabase &db, qint64 id, std::optional<qint64> user) -> Status {
        const auto n = campaigns::Lifecycle(db).retryFailed(id, user);
        return n ? Status{} : Status(n.error());
    });
}

void CampaignsPage::decide(bool send)
{
    QList<qint64> rows;
    for (const QModelIndex &index : m_outboxView->selectionModel()->selectedRows())
        if (m_outbox->at(index.row()).state == OutboxState::Unknown)
            rows << m_outbox->at(index.row()).id;
    if (rows.isEmpty())
        return;
    if (send
        && Dialogs::question(this, tr("Send Again"),
                             tr("Send the campaign again to %n recipient(s) in doubt? Any of them who did get it will have it twice.",
                                nullptr, int(rows.size())),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    change(send ? tr("Send Again") : tr("Count as Sent"), [rows, send](QSqlDatabase &db, qint64 id, std::optional<qint64> user) -> Status {
        const auto n = campaigns::Lifecycle(db).decide(id, rows, send, user);
        return n ? Status{} : Status(n.error());
    });
}

void CampaignsPage::exportOutbox(const QString &path)
{
    const qint64 id = selectedId();
    if (!id)
        return;
    const QString dbPath = m_session.database()->path();
    BackgroundTask::start(
        this, tr("Exporting recipients…"),
        [id, dbPath, path](const storage::ProgressFn &progress, const std::atomic_bool *cancel) -> Status {
            storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
            if (!conn.isOpen())
                return Error(errc::dbOpenFailed, conn.errorText());
            const auto written = analytics::OutboxReader(conn.db()).exportCsv(id, path, progress, cancel);
            if (!written)
                return written.error();
            return {};
        },
        [this, path](const Status &s) {
            if (!s) {
                if (s.error().code != errc::cancelled)
                    Dialogs::warning(this, tr("Export Recipients"), s.error().message);
                return;
            }
            Q_EMIT statusMessage(tr("Recipients exported to %1.").arg(QDir::toNativeSeparators(path)));
        });
}

} // namespace lux::ui
