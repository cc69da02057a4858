// SPDX-License-Identifier: GPL-3.0-or-later
#include "automationspage.h"

#include "automations/automationtext.h"
#include "automations/engine.h"
#include "automations/floweditor.h"
#include "automations/flowscene.h"
#include "common/charts.h"
#include "common/dialogs.h"
#include "common/emptystate.h"
#include "common/dbtask.h"
#include "common/inputfile.h"
#include "common/tableview.h"
#include "contacts/contactrepository.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace lux::ui {

using automations::Automation;
using automations::AutomationStatus;
using automations::AutomationStore;
using automations::Flow;

void AutomationsModel::setRows(QList<Automation> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const Automation *AutomationsModel::row(qint64 id) const
{
    const int r = rowOf(id);
    return r < 0 ? nullptr : &m_rows.at(r);
}

void AutomationsModel::setCounts(qint64 id, qint64 active, qint64 done, qint64 exited)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    m_rows[r].active = active;
    m_rows[r].done = done;
    m_rows[r].exited = exited;
    Q_EMIT dataChanged(index(r, Active), index(r, Exited));
}

void AutomationsModel::setDraft(qint64 id, const Flow &draft)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    m_rows[r].draft = draft;
    m_rows[r].name = draft.name;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

int AutomationsModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

QString AutomationsModel::statusLabel(AutomationStatus status)
{
    switch (status) {
    case AutomationStatus::Draft: return tr("Draft");
    case AutomationStatus::Active: return tr("Active");
    case AutomationStatus::Paused: return tr("Paused");
    case AutomationStatus::Archived: return tr("Archived");
    }
    return {};
}

int AutomationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AutomationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AutomationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Automation &a = m_rows.at(index.row());
    if (role == IdRole)
        return a.id;
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return a.name;
        case Status: return statusLabel(a.status);
        case Version: return a.version > 0 ? tr("v%1").arg(a.version) : tr("—");
        case Active: return locale.toString(a.active);
        case Done: return locale.toString(a.done);
        case Exited: return locale.toString(a.exited);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Version)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (a.status == AutomationStatus::Active)
            return Theme::color("success");
        if (a.status == AutomationStatus::Paused)
            return Theme::color("warning");
        return Theme::color("muted");
    }
    return {};
}

QVariant AutomationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Workflow");
    case Status: return tr("Status");
    case Version: return tr("Version");
    case Active: return tr("In it");
    case Done: return tr("Finished");
    case Exited: return tr("Left");
    default: return {};
    }
}

AutomationsPage::AutomationsPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new AutomationsModel(this)), m_countsTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(tr("Automations"), this);
    title->setProperty("role", QStringLiteral("title"));
    head->addWidget(title);
    head->addStretch(1);
    auto *create = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New Workflow"), this);
    create->setObjectName(QStringLiteral("newWorkflow"));
    connect(create, &QPushButton::clicked, this, &AutomationsPage::newWorkflow);
    auto *import = new QPushButton(Theme::icon(QStringLiteral("open")), tr("Import…"), this);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::openFile(this, tr("Import a Workflow"), QString(), tr("Workflows (*.json)"));
        if (!path.isEmpty())
            importFile(path);
    });
    head->addWidget(create);
    head->addWidget(import);
    layout->addLayout(head);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    auto *empty = new EmptyState(QStringLiteral("blocks"), tr("No workflows yet"),
                                 tr("A workflow follows each contact from a trigger (a tag, a sign-up, a click, a registration) through emails, "
                                    "texts, waits and conditions, each step exactly once. Build one on the canvas, simulate it, then publish."),
                                 tr("New Workflow"), m_stack);
    m_empty = empty;
    m_empty->setObjectName(QStringLiteral("automationsEmpty"));
    connect(empty->button(), &QPushButton::clicked, this, &AutomationsPage::newWorkflow);
    m_stack->addWidget(m_empty);

    auto *split = new QSplitter(Qt::Horizontal, m_stack);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("automationsList"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AutomationsModel::Name, QHeaderView::Stretch);
    m_view->setMinimumWidth(430);
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    m_header = new QLabel(right);
    m_header->setProperty("role", QStringLiteral("subtitle"));
    m_save = new QPushButton(tr("Save Draft"), right);
    m_save->setObjectName(QStringLiteral("saveDraft"));
    m_publish = new QPushButton(Theme::icon(QStringLiteral("send")), tr("Publish"), right);
    m_publish->setObjectName(QStringLiteral("publish"));
    m_pause = new QPushButton(Theme::icon(QStringLiteral("pause")), tr("Pause"), right);
    m_archive = new QPushButton(tr("Archive"), right);
    connect(m_save, &QPushButton::clicked, this, &AutomationsPage::save);
    connect(m_publish, &QPushButton::clicked, this, &AutomationsPage::publish);
    connect(m_pause, &QPushButton::clicked, this, &AutomationsPage::pauseOrResume);
    connect(m_archive, &QPushButton::clicked, this, &AutomationsPage::archive);
    actions->addWidget(m_header, 1);
    actions->addWidget(m_save);
    actions->addWidget(m_publish);
    actions->addWidget(m_pause);
    actions->addWidget(m_archive);
    rightLayout->addLayout(actions);
    m_tabs = new QTabWidget(right);
    m_editor = new FlowEditor(m_tabs);
    m_tabs->addTab(m_editor, tr("Flow"));

    auto *journey = new QWidget(m_tabs);
    auto *journeyLayout = new QVBoxLayout(journey);
    auto *find = new QHBoxLayout;
    m_journeyEmail = new QLineEdit(journey);
    m_journeyEmail->setPlaceholderText(tr("A contact's email address"));
    auto *show = new QPushButton(tr("Show Journey"), journey);
    connect(show, &QPushButton::clicked, this, [this] { showJourney(m_journeyEmail->text()); });
    connect(m_journeyEmail, &QLineEdit::returnPressed, this, [this] { showJourney(m_journeyEmail->text()); });
    find->addWidget(m_journeyEmail, 1);
    find->addWidget(show);
    journeyLayout->addLayout(find);
    m_journey = new QTreeWidget(journey);
    m_journey->setObjectName(QStringLiteral("journey"));
    m_journey->setHeaderLabels({tr("When"), tr("Step"), tr("What happened")});
    m_journey->setRootIsDecorated(true);
    m_journey->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    journeyLayout->addWidget(m_journey, 1);
    m_tabs->addTab(journey, tr("Journey"));

    auto *sim = new QWidget(m_tabs);
    auto *simLayout = new QVBoxLayout(sim);
    auto *simForm = new QHBoxLayout;
    const auto spin = [sim](int low, int high, int value, const QString &suffix) {
        auto *s = new QSpinBox(sim);
        s->setRange(low, high);
        s->setValue(value);
        s->setSuffix(suffix);
        s->setGroupSeparatorShown(true);
        return s;
    };
    m_simContacts = spin(1, 1'000'000, 10'000, tr(" contacts"));
    m_simDays = spin(1, 366, 30, tr(" days"));
    m_simSeed = spin(1, 1'000'000, 1, QString());
    m_simSeed->setPrefix(tr("seed "));
    m_simOpen = spin(0, 100, 35, tr(" % open"));
    m_simClick = spin(0, 100, 25, tr(" % of opens click"));
    m_simReal = new QCheckBox(tr("My contacts"), sim);
    m_simReal->setToolTip(tr("Use the first contacts of the database (their tags, fields and segments) instead of made-up ones."));
    m_simRun = new QPushButton(Theme::icon(QStringLiteral("play")), tr("Simulate"), sim);
    m_simRun->setObjectName(QStringLiteral("simulate"));
    connect(m_simRun, &QPushButton::clicked, this, &AutomationsPage::simulate);
    for (QWidget *w : {static_cast<QWidget *>(m_simContacts), static_cast<QWidget *>(m_simDays), static_cast<QWidget *>(m_simSeed),
                       static_cast<QWidget *>(m_simOpen), static_cast<QWidget *>(m_simClick), static_cast<QWidget *>(m_simReal)})
        simForm->addWidget(w);
    simForm->addStretch(1);
    simForm->addWidget(m_simRun);
    simLayout->addLayout(simForm);
    m_simSummary = new QLabel(tr("What would this workflow do? The real steps on a virtual clock: sends are counted, not made."), sim);
    m_simSummary->setWordWrap(true);
    m_simSummary->setProperty("role", QStringLiteral("muted"));
    simLayout->addWidget(m_simSummary);
    auto *simSplit = new QSplitter(Qt::Vertical, sim);
    auto *chart = new QChart;
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart = new QChartView(chart, simSplit);
    m_chart->setObjectName(QStringLiteral("simulationChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    m_simTable = new QTableWidget(0, 4, simSplit);
    m_simTable->setObjectName(QStringLiteral("simulationSteps"));
    m_simTable->setHorizontalHeaderLabels({tr("Step"), tr("Reached"), tr("Ended there"), tr("Still there")});
    m_simTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_simTable->verticalHeader()->hide();
    m_simTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    simSplit->setStretchFactor(0, 3);
    simSplit->setStretchFactor(1, 2);
    simLayout->addWidget(simSplit, 1);
    m_tabs->addTab(sim, tr("Simulation"));
    rightLayout->addWidget(m_tabs, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({440, 1000});
    m_stack->addWidget(split);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AutomationsPage::showSelected);
    connect(m_editor, &FlowEditor::changed, this, &AutomationsPage::updateActions);
    connect(m_editor->undoStack(), &QUndoStack::cleanChanged, this, &AutomationsPage::updateActions);
    // Live numbers: after the scheduler's turns ran steps, at most once a second.
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(1000);
    connect(m_countsTimer, &QTimer::timeout, this, &AutomationsPage::refreshCounts);
    connect(&m_session.sendService(), &campaigns::SendService::automationsRan, this, [this] {
        if (!m_countsTimer->isActive())
            m_countsTimer->start();
    });
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_loaded = false;
        m_shown = 0;
        if (isVisible())
            reload();
    });
    updateActions();
}

AutomationsPage::~AutomationsPage()
{
    disconnect(m_editor, nullptr, this, nullptr);
    disconnect(m_editor->undoStack(), nullptr, this, nullptr);
}

void AutomationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

qint64 AutomationsPage::selectedId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.data(AutomationsModel::IdRole).toLongLong() : 0;
}

void AutomationsPage::select(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void AutomationsPage::reload()
{
    if (!m_session.hasDatabase())
        return;
    m_loaded = true;
    const int generation = ++m_generation;
    const qint64 keep = selectedId() ? selectedId() : m_shown;
    runOnDatabase<Result<QList<Automation>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly, [](QSqlDatabase &db) { return AutomationStore(db).list(); },
        [this, generation, keep](const Result<QList<Automation>> &rows) {
            if (generation != m_generation)
                return;
            if (!rows) {
                Q_EMIT statusMessage(tr("The workflows cannot be read: %1").arg(rows.error().message));
                return;
            }
            m_model->setRows(*rows);
            m_stack->setCurrentIndex(rows->isEmpty() ? 0 : 1);
            if (!rows->isEmpty())
                select(m_model->rowOf(keep) >= 0 ? keep : rows->constFirst().id);
            updateActions();
            loadChoices();
            Q_EMIT reloaded();
        });
}

void AutomationsPage::loadChoices()
{
    runOnDatabase<Result<FlowChoices>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<FlowChoices> {
            FlowChoices c;
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT id, name FROM templates ORDER BY lower(name)")))
                return Error(errc::dbRead, q.lastError().text());
            while (q.next())
                c.templates << std::make_pair(q.value(0).toLongLong(), q.value(1).toString());
            if (!q.exec(QStringLiteral("SELECT channel, address FROM senders ORDER BY address")))
                return Error(errc::dbRead, q.lastError().text());
            while (q.next())
                (q.value(0).toString() == u"sms" ? c.smsSenders : c.emailSenders) << q.value(1).toString();
            if (!q.exec(QStringLiteral("SELECT name FROM segments ORDER BY lower(name)")))
                return Error(errc::dbRead, q.lastError().text());
            while (q.next())
                c.segments << q.value(0).toString();
            return c;
        },
        [this](const Result<FlowChoices> &choices) {
            if (choices)
                m_editor->setChoices(*choices);
        });
}

void AutomationsPage::showSelected()
{
    const qint64 id = selectedId();
    if (id == m_shown)
        return;
    const Automation *a = m_model->row(id);
    if (!a)
        return;
    if (m_shown && m_editor->isModified()) {
        // The draft being left is kept as it is (its own save), never lost, and the list holds it
        // already, so coming back shows it.
        const qint64 leaving = m_shown;
        const Flow flow = m_editor->flow();
        m_model->setDraft(leaving, flow);
        runOnDatabase<Result<Automation>>(
            this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
            [leaving, flow](QSqlDatabase &db) { return AutomationStore(db).saveDraft(leaving, flow); },
            [this](const Result<Automation> &saved) {
                if (!saved)
                    Q_EMIT statusMessage(tr("The draft could not be saved: %1").arg(saved.error().message));
            });
    }
    m_shown = id;
    m_editor->setFlow(a->draft);
    m_editor->fitAll();
    m_journey->clear();
    m_chart->chart()->removeAllSeries();
    m_simTable->setRowCount(0);
    updateActions();
    refreshCounts();
}

void AutomationsPage::updateActions()
{
    const Automation *a = m_model->row(m_shown);
    m_save->setEnabled(a && m_editor->isModified());
    m_publish->setEnabled(a && a->status != AutomationStatus::Archived && automations::FlowCheck::publishable(m_editor->flow()));
    m_pause->setEnabled(a && (a->status == AutomationStatus::Active || a->status == AutomationStatus::Paused));
    m_pause->setText(a && a->status == AutomationStatus::Paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(Theme::icon(a && a->status == AutomationStatus::Paused ? QStringLiteral("play") : QStringLiteral("pause")));
    m_archive->setEnabled(a && a->status != AutomationStatus::Archived);
    if (!a) {
        m_header->clear();
        return;
    }
    QString text = a->version > 0 ? tr("%1 · version %2 · %3").arg(a->name).arg(a->version).arg(AutomationsModel::statusLabel(a->status))
                                   : tr("%1 · never published").arg(a->name);
    if (m_editor->isModified())
        text += tr(" · unsaved changes");
    m_header->setText(text);
}

void AutomationsPage::refreshCounts()
{
    const Automation *a = m_model->row(m_shown);
    if (!a || a->version == 0) {
        m_editor->setCounts({});
        return;
    }
    const qint64 id = a->id;
    runOnDatabase<Result<std::pair<QList<automations::StepCount>, Automation>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) -> Result<std::pair<QList<automations::StepCount>, Automation>> {
            AutomationStore store(db);
            const auto counts = store.stepCounts(id);
            if (!counts)
                return counts.error();
            const auto workflow = store.find(id);
            if (!workflow)
                return workflow.error();
            return std::make_pair(*counts, *workflow);
        },
        [this, id](const Result<std::pair<QList<automations::StepCount>, Automation>> &r) {
            if (!r || id != m_shown)
                return;
            m_editor->setCounts(r->first);
            // The list's numbers follow, in place (no reset: the selection and scroll stay).
            m_model->setCounts(id, r->second.active, r->second.done, r->second.exited);
            Q_EMIT countsShown();
        });
}

void AutomationsPage::newWorkflow()
{
    if (!m_session.hasDatabase())
        return;
    QStringList taken;
    for (int i = 0; i < m_model->rowCount(); ++i)
        taken << m_model->index(i, AutomationsModel::Name).data().toString().toLower();
    QString name = tr("New workflow");
    for (int n = 2; taken.contains(name.toLower()); ++n)
        name = tr("New workflow %1").arg(n);
    Flow flow;
    flow.name = name;
    runOnDatabase<Result<Automation>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [flow](QSqlDatabase &db) { return AutomationStore(db).create(flow); },
        [this](const Result<Automation> &made) {
            if (!made) {
                Q_EMIT statusMessage(made.error().message);
                return;
            }
            QList<Automation> rows;
            for (int i = 0; i < m_model->rowCount(); ++i)
                rows << *m_model->row(m_model->index(i, 0).data(AutomationsModel::IdRole).toLongLong());
            rows.prepend(*made);
            m_model->setRows(rows);
            m_stack->setCurrentIndex(1);
            select(made->id);
            m_tabs->setCurrentIndex(FlowTab);
            Q_EMIT statusMessage(tr("“%1” created: add its first step with Add Step.").arg(made->name));
        });
}

void AutomationsPage::importFile(const QString &path)
{
    runOnDatabase<Result<Automation>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [path](QSqlDatabase &db) -> Result<Automation> {
            const auto bytes = InputFile::read(path, 4 * 1024 * 1024);
            if (!bytes)
                return bytes.error();
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
            if (!doc.isObject())
                return Error(errc::automationInput, tr("%1, line %2: not a workflow's JSON (%3).")
                                                        .arg(path)
                                                        .arg(bytes->left(error.offset).count('\n') + 1)
                                                        .arg(error.errorString()));
            const auto flow = Flow::fromJson(doc.object());
            if (!flow)
                return Error(flow.error().code, QStringLiteral("%1: %2").arg(path, flow.error().message));
            AutomationStore store(db);
            const auto existing = store.findByName(flow->name);
            return existing ? store.saveDraft(existing->id, *flow) : store.create(*flow);
        },
        [this](const Result<Automation> &made) {
            if (!made) {
                Dialogs::warning(this, tr("Import a Workflow"), made.error().message);
                return;
            }
            m_shown = 0;
            Q_EMIT statusMessage(tr("“%1” imported as a draft.").arg(made->name));
            const qint64 id = made->id;
            connect(this, &AutomationsPage::reloaded, this, [this, id] { select(id); }, Qt::SingleShotConnection);
            reload();
        });
}

void AutomationsPage::saveThen(std::function<void()> then)
{
    const qint64 id = m_shown;
    if (!id)
        return;
    const Flow flow = m_editor->flow();
    runOnDatabase<Result<Automation>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id, flow](QSqlDatabase &db) { return AutomationStore(db).saveDraft(id, flow); },
        [this, id, then = std::move(then)](const Result<Automation> &saved) {
            if (!saved) {
                Q_EMIT statusMessage(tr("The draft could not be saved: %1").arg(saved.error().message));
                Q_EMIT this->saved(id, saved.error().message);
                return;
            }
            if (id == m_shown)
                m_editor->setSaved();
            Q_EMIT this->saved(id, QString());
            if (then)
                then();
        });
}

void AutomationsPage::save()
{
    saveThen([this] {
        Q_EMIT statusMessage(tr("Draft saved."));
        reload();
    });
}

void AutomationsPage::publish()
{
    const qint64 id = m_shown;
    const Automation *a = m_model->row(id);
    if (!a)
        return;
    if (a->active > 0
        && Dialogs::question(this, tr("Publish"),
                                 tr("%n contact(s) are in this workflow now. They finish the version they entered; only those who enter "
                                    "from now on run the new one.",
                                    nullptr, int(a->active)),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes)
               != QMessageBox::Yes)
        return;
    saveThen([this, id] {
        runOnDatabase<Result<int>>(
            this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
            [id](QSqlDatabase &db) { return AutomationStore(db).publish(id); },
            [this, id](const Result<int> &version) {
                if (!version) {
                    Dialogs::warning(this, tr("Publish"), version.error().message);
                    Q_EMIT published(id, 0, version.error().message);
                    return;
                }
                Q_EMIT statusMessage(tr("Version %1 published: contacts who enter from now on run it.").arg(*version));
                m_session.sendService().wake();
                Q_EMIT published(id, *version, QString());
                reload();
            });
    });
}

void AutomationsPage::pauseOrResume()
{
    const Automation *a = m_model->row(m_shown);
    if (!a)
        return;
    const qint64 id = a->id;
    const bool pausing = a->status == AutomationStatus::Active;
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id, pausing](QSqlDatabase &db) { return pausing ? AutomationStore(db).pause(id) : AutomationStore(db).resume(id); },
        [this, pausing](const Status &s) {
            Q_EMIT statusMessage(!s ? s.error().message
                                    : pausing ? tr("Paused: nobody enters and no step runs until you resume it.")
                                              : tr("Resumed: what came due meanwhile runs now."));
            reload();
        });
}

void AutomationsPage::archive()
{
    const Automation *a = m_model->row(m_shown);
    if (!a)
        return;
    const QString question = a->active > 0 ? tr("Archive “%1”? Nobody enters it and the %n contact(s) in it stop where they are; their "
                                                 "journeys are kept.",
                                                 nullptr, int(a->active))
                                                  .arg(a->name)
                                           : tr("Archive “%1”? Nobody enters it any more; the journeys so far are kept.").arg(a->name);
    if (Dialogs::question(this, tr("Archive"), question,
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    const qint64 id = a->id;
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id](QSqlDatabase &db) { return AutomationStore(db).archive(id); },
        [this](const Status &s) {
            Q_EMIT statusMessage(s ? tr("Archived.") : s.error().message);
            reload();
        });
}

void AutomationsPage::showJourney(const QString &email)
{
    const qint64 id = m_shown;
    if (!id || email.trimmed().isEmpty())
        return;
    struct Journey
    {
        QList<automations::Enrollment> enrollments;
        QList<automations::JourneyLine> lines;
    };
    const QString address = email.trimmed();
    runOnDatabase<Result<Journey>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id, address](QSqlDatabase &db) -> Result<Journey> {
            const auto contact = contacts::ContactRepository(db).findByEmail(address);
            if (!contact)
                return Error(errc::automationInput, tr("There is no contact %1.").arg(address));
            AutomationStore store(db);
            Journey j;
            auto e = store.enrollments(id, contact->id);
            if (!e)
                return e.error();
            j.enrollments = *e;
            auto l = store.journey(id, contact->id);
            if (!l)
                return l.error();
            j.lines = *l;
            return j;
        },
        [this, id, address](const Result<Journey> &j) {
            if (id != m_shown)
                return;
            m_journey->clear();
            if (!j) {
                new QTreeWidgetItem(m_journey, {QString(), QString(), j.error().message});
                Q_EMIT journeyShown();
                return;
            }
            const Flow flow = m_editor->flow();
            const QLocale locale;
            const auto when = [&locale](qint64 ms) { return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat); };
            for (const automations::Enrollment &e : j->enrollments) {
                auto *top = new QTreeWidgetItem(m_journey, {when(e.enteredAt), tr("version %1").arg(e.version), AutomationText::state(e)});
                top->setFirstColumnSpanned(false);
                for (const automations::JourneyLine &l : j->lines) {
                    if (l.enrollmentId != e.id)
                        continue;
                    const automations::Step *s = flow.step(l.step);
                    const QString step = s ? (s->name.isEmpty() ? StepCard::kindLabel(s->kind) : s->name) : l.step;
                    const QString what = AutomationText::what(l.what);
                    new QTreeWidgetItem(top, {when(l.at), step, l.detail.isEmpty() ? what : tr("%1 — %2").arg(what, l.detail)});
                }
                top->setExpanded(true);
            }
            if (j->enrollments.isEmpty())
                new QTreeWidgetItem(m_journey, {QString(), QString(), tr("%1 has not entered this workflow.").arg(address)});
            m_journey->resizeColumnToContents(0);
            m_journey->resizeColumnToContents(1);
            Q_EMIT journeyShown();
        });
}

void AutomationsPage::simulate()
{
    const Flow flow = m_editor->flow();
    if (!automations::FlowCheck::publishable(flow)) {
        m_simSummary->setText(tr("Fix the workflow's problems first (the Flow tab lists them)."));
        Q_EMIT simulated(m_simSummary->text());
        return;
    }
    automations::SimulationOptions options;
    options.start = QDateTime::currentMSecsSinceEpoch();
    options.days = m_simDays->value();
    options.script.seed = quint64(m_simSeed->value());
    options.script.open = m_simOpen->value() / 100.0;
    options.script.click = m_simClick->value() / 100.0;
    options.emailCap = m_session.settings().automationEmailCap();
    options.smsCap = m_session.settings().automationSmsCap();
    const int count = m_simContacts->value();
    const bool real = m_simReal->isChecked();
    m_simRun->setEnabled(false);
    m_simSummary->setText(tr("Simulating %n contact(s)…", nullptr, count));
    runOnDatabase<Result<automations::SimulationResult>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [flow, options, count, real](QSqlDatabase &db) mutable -> Result<automations::SimulationResult> {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT lower(address), per_day FROM senders")))
                while (q.next())
                    options.senderPerDay.insert(q.value(0).toString(), q.value(1).toInt());
            QList<automations::SimContact> people;
            if (real) {
                auto loaded = automations::Simulator::load(db, flow, count);
                if (!loaded)
                    return loaded.error();
                people = std::move(*loaded);
            } else {
                people = automations::Simulator::synthetic(count, options.script.seed);
            }
            return automations::Simulator::run(flow, std::move(people), options);
        },
        [this, flow](const Result<automations::SimulationResult> &result) {
            m_simRun->setEnabled(true);
            if (!result) {
                m_simSummary->setText(result.error().message);
                Q_EMIT simulated(result.error().message);
                return;
            }
            showSimulation(flow, *result);
            Q_EMIT simulated(QString());
        });
}

void AutomationsPage::showSimulation(const Flow &flow, const automations::SimulationResult &r)
{
    const QLocale locale;
    QString text = tr("Over %n day(s): entered %1 · emails %2 · texts %3 · not sent %4 (the daily cap, no consent).", nullptr, int(r.days.size()))
                       .arg(locale.toString(r.entered), locale.toString(r.emails), locale.toString(r.texts), locale.toString(r.skipped));
    if (!r.overLimit.isEmpty())
        text += QLatin1Char('\n') + tr("Over a sender's daily limit: %1").arg(r.overLimit.mid(0, 3).join(QStringLiteral("; ")));
    m_simSummary->setText(text);
    QChart *chart = m_chart->chart();
    charts::clear(chart);
    chart->setTitle(tr("Per day"));
    chart->setTitleBrush(palette().color(QPalette::Text));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    const qint64 day0 = QDateTime::currentDateTime().date().startOfDay().toMSecsSinceEpoch();
    QList<QPointF> emails, texts, steps;
    qint64 top = 1;
    for (qsizetype d = 0; d < r.days.size(); ++d) {
        const auto &day = r.days.at(d);
        qint64 reached = 0;
        for (auto it = day.reached.cbegin(); it != day.reached.cend(); ++it)
            reached += it.value();
        const qreal x = qreal(day0 + d * 86'400'000);
        emails << QPointF(x, qreal(day.emails));
        texts << QPointF(x, qreal(day.texts));
        steps << QPointF(x, qreal(reached));
        top = std::max({top, day.emails, day.texts, reached});
    }
    charts::addLine(chart, tr("Steps run"), Theme::color("muted"), false, steps);
    charts::addLine(chart, tr("Emails"), Theme::color("accent"), false, emails);
    charts::addLine(chart, tr("Texts"), Theme::color("success"), false, texts);
    // A round top: 1, 2 or 5 times a power of ten, so the four steps read well.
    qint64 round = 1;
    while (round * 10 <= top)
        round *= 10;
    top = top <= round ? round : top <= 2 * round ? 2 * round : top <= 5 * round ? 5 * round : 10 * round;
    charts::setTimeAxes(chart, QStringLiteral("d MMM"), top, palette(), int(std::min<qsizetype>(r.days.size(), 8)));
    m_simTable->setRowCount(int(flow.steps.size()));
    for (int i = 0; i < flow.steps.size(); ++i) {
        const automations::Step &s = flow.steps.at(i);
        const QString name = s.name.isEmpty() ? QStringLiteral("%1 (%2)").arg(StepCard::kindLabel(s.kind), s.id) : s.name;
        const QList<qint64> values{r.reached.value(s.id), r.ended.value(s.id), r.waiting.value(s.id)};
        m_simTable->setItem(i, 0, new QTableWidgetItem(name));
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(locale.toString(values.at(c)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_simTable->setItem(i, c + 1, item);
        }
    }
}

} // namespace lux::ui
