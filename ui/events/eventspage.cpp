// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventspage.h"

#include "common/emptystate.h"
#include "attendeesview.h"
#include "checkinview.h"
#include "eventeditor.h"
#include "eventmessagesdialog.h"
#include "eventreportview.h"
#include "eventsmodel.h"

#include "campaigns/sendservice.h"
#include "common/dbtask.h"
#include "events/eventpublisher.h"
#include "settings/settings.h"
#include "common/dialogs.h"
#include "common/tableview.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lux::ui {

using events::EventStatus;
using events::EventStore;

EventsPage::EventsPage(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session), m_model(new EventsModel(this))
{
    setObjectName(QStringLiteral("eventsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *head = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Events"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("eventsCount"));
    m_count->setProperty("role", QStringLiteral("subtitle"));
    titles->addWidget(title);
    titles->addWidget(m_count);
    head->addLayout(titles, 1);
    const auto button = [this](const QString &icon, const QString &text, const QString &name) {
        auto *b = new QPushButton(Theme::icon(icon), text, this);
        b->setObjectName(name);
        return b;
    };
    m_delete = button(QStringLiteral("trash"), tr("Delete…"), QStringLiteral("eventDelete"));
    m_duplicate = button(QStringLiteral("copy"), tr("Duplicate"), QStringLiteral("eventDuplicate"));
    m_edit = button(QStringLiteral("edit"), tr("Edit…"), QStringLiteral("eventEdit"));
    m_new = button(QStringLiteral("new"), tr("New Event…"), QStringLiteral("eventNew"));
    m_new->setDefault(true);
    m_cancel = button(QStringLiteral("x"), tr("Cancel Event…"), QStringLiteral("eventCancel"));
    m_publish = button(QStringLiteral("send"), tr("Publish"), QStringLiteral("eventPublish"));
    m_publish->setToolTip(tr("Puts the registration page on lux-tracker."));
    auto *messages = button(QStringLiteral("edit"), tr("Messages…"), QStringLiteral("eventMessages"));
    messages->setToolTip(tr("The wording of the confirmations, reminders and other messages registrants get."));
    connect(messages, &QPushButton::clicked, this, [this] {
        EventMessagesDialog dialog(m_session, this);
        dialog.exec();
    });
    for (QPushButton *b : {messages, m_cancel, m_publish, m_delete, m_duplicate, m_edit, m_new})
        head->addWidget(b, 0, Qt::AlignBottom);
    layout->addLayout(head);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    // No events yet: what they are, and the way to make one.
    auto *empty = new EmptyState(QStringLiteral("calendar"), tr("No events yet"),
                                 tr("An event is a free meetup, workshop or launch on one date. LUX gives it a registration page on your "
                                    "lux-tracker (or a form to embed on your site), keeps a waiting list when it is full, sends "
                                    "confirmations with a calendar invite and reminders, and checks people in at the door, even "
                                    "without a network."),
                                 tr("New Event…"), m_stack);
    m_empty = empty;
    m_empty->setObjectName(QStringLiteral("eventsEmpty"));
    QPushButton *emptyNew = empty->button();
    emptyNew->setObjectName(QStringLiteral("eventsEmptyNew"));
    m_stack->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Vertical, m_stack);
    splitter->setChildrenCollapsible(false);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("eventsView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(EventsModel::Title, QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setColumnWidth(EventsModel::When, 250);
    m_view->setColumnWidth(EventsModel::Status, 100);
    m_view->setColumnWidth(EventsModel::Confirmed, 110);
    m_view->setColumnWidth(EventsModel::Waiting, 80);
    m_view->setColumnWidth(EventsModel::CheckedIn, 90);
    m_view->setMinimumHeight(110);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 12, 0, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("eventDetailTitle"));
    m_detailTitle->setProperty("role", QStringLiteral("brand"));
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailFacts = new QLabel(detail);
    m_detailFacts->setObjectName(QStringLiteral("eventDetailFacts"));
    m_detailFacts->setProperty("role", QStringLiteral("muted"));
    m_detailFacts->setWordWrap(true);
    m_detailFacts->setTextFormat(Qt::PlainText);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailFacts);
    // Once published: the public page's address and the code that embeds its form elsewhere.
    m_share = new QFrame(detail);
    m_share->setObjectName(QStringLiteral("eventShare"));
    m_share->setProperty("card", true);
    auto *share = new QHBoxLayout(m_share);
    share->setContentsMargins(12, 6, 8, 6);
    share->setSpacing(8);
    auto *linkTitle = new QLabel(tr("Public page:"), m_share);
    linkTitle->setProperty("role", QStringLiteral("muted"));
    m_link = new QLabel(m_share);
    m_link->setObjectName(QStringLiteral("eventPublicLink"));
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setOpenExternalLinks(true);
    auto *copyLink = new QPushButton(Theme::icon(QStringLiteral("copy")), tr("Copy"), m_share);
    copyLink->setObjectName(QStringLiteral("eventCopyLink"));
    auto *embedTitle = new QLabel(tr("Embed:"), m_share);
    embedTitle->setProperty("role", QStringLiteral("muted"));
    m_embed = new QLineEdit(m_share);
    m_embed->setObjectName(QStringLiteral("eventEmbedCode"));
    m_embed->setReadOnly(true);
    m_embed->setToolTip(tr("Paste this into a page of your site to show the registration form there."));
    auto *copyEmbed = new QPushButton(Theme::icon(QStringLiteral("copy")), tr("Copy"), m_share);
    copyEmbed->setObjectName(QStringLiteral("eventCopyEmbed"));
    share->addWidget(linkTitle);
    share->addWidget(m_link);
    share->addWidget(copyLink);
    share->addSpacing(16);
    share->addWidget(embedTitle);
    share->addWidget(m_embed, 1);
    share->addWidget(copyEmbed);
    m_share->hide();
    detailLayout->addWidget(m_share);
    connect(copyLink, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->property("url").toString());
        Q_EMIT statusMessage(tr("Link copied."));
    });
    connect(copyEmbed, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_embed->text());
        Q_EMIT statusMessage(tr("Embed code copied."));
    });
    m_tabs = new QTabWidget(detail);
    m_tabs->setObjectName(QStringLiteral("eventDetailTabs"));
    m_attendees = new AttendeesView(m_session, m_tabs);
    m_checkIn = new CheckInView(m_session, m_tabs);
    m_report = new EventReportView(m_session, m_tabs);
    m_tabs->addTab(m_attendees, Theme::icon(QStringLiteral("users")), tr("Attendees"));
    m_tabs->addTab(m_checkIn, Theme::icon(QStringLiteral("check")), tr("Check-in"));
    m_tabs->addTab(m_report, Theme::icon(QStringLiteral("activity")), tr("Report"));
    detailLayout->addWidget(m_tabs, 1);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({170, 640}); // a few events above, the detail (a door's list, a report) below
    m_stack->addWidget(splitter);

    connect(m_new, &QPushButton::clicked, this, [this] { openEditor(0); });
    connect(emptyNew, &QPushButton::clicked, this, [this] { openEditor(0); });
    connect(m_edit, &QPushButton::clicked, this, &EventsPage::editSelected);
    connect(m_view, &QTableView::doubleClicked, this, &EventsPage::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &EventsPage::duplicateSelected);
    connect(m_delete, &QPushButton::clicked, this, &EventsPage::deleteSelected);
    connect(m_publish, &QPushButton::clicked, this, &EventsPage::publishSelected);
    connect(m_cancel, &QPushButton::clicked, this, &EventsPage::cancelSelected);
    connect(&m_session.sendService(), &campaigns::SendService::eventPublished, this, [this](qint64 id, const QString &error) {
        if (!m_publishing.remove(id))
            return; // another window's, or luxctl's
        if (!error.isEmpty())
            Dialogs::warning(this, tr("Publish"), error);
        else
            Q_EMIT statusMessage(tr("lux-tracker has the event as it is now."));
        reload();
        Q_EMIT published(id, error);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventsPage::showDetail);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == CheckInTab)
            m_checkIn->input()->setFocus();
    });
    // Registrations changed here: the list's counts follow (the tabs read their own).
    connect(m_attendees, &AttendeesView::changed, this, &EventsPage::reload);
    connect(m_checkIn, &CheckInView::countsChanged, m_model, &EventsModel::setCounts);
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            reload();
    });
    connect(&m_session, &AppSession::trackingSynced, this, [this] {
        m_dirty = true;
        if (isVisible())
            reload();
    });
    updateActions();
}

void EventsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        reload();
}

void EventsPage::reload()
{
    m_dirty = false;
    if (!m_session.hasDatabase()) {
        m_model->setRows({});
        showDetail();
        return;
    }
    const int generation = ++m_generation;
    const qint64 keep = selectedId();
    runOnDatabase<Result<QList<events::EventSummary>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) { return EventStore(db).list(); },
        [this, generation, keep](const Result<QList<events::EventSummary>> &rows) {
            if (generation != m_generation)
                return;
            if (!rows) {
                Q_EMIT statusMessage(tr("The events cannot be read: %1").arg(rows.error().message));
                return;
            }
            m_model->setRows(*rows);
            int upcoming = 0;
            for (const events::EventSummary &s : *rows)
                upcoming += s.event.status == EventStatus::Published ? 1 : 0;
            m_count->setText(upcoming ? tr("%n event(s), %1 published", nullptr, int(rows->size())).arg(upcoming)
                                      : tr("%n event(s)", nullptr, int(rows->size())));
            if (keep && m_model->rowOf(keep) >= 0)
                select(keep);
            else if (m_model->rowCount() > 0)
                m_view->selectRow(0);
            showDetail();
            Q_EMIT reloaded();
        });
}

void EventsPage::select(qint64 eventId)
{
    const int row = m_model->rowOf(eventId);
    if (row >= 0)
        m_view->selectRow(row);
}

qint64 EventsPage::selectedId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(EventsModel::IdRole).toLongLong() : 0;
}

void EventsPage::showDetail()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    const events::EventSummary *row = m_model->row(selectedId());
    const events::Event event = row ? row->event : events::Event{};
    m_tabs->setVisible(row != nullptr);
    if (!row) {
        m_detailTitle->setText(m_model->rowCount() ? tr("Choose an event") : QString());
        m_detailFacts->clear();
    } else {
        m_detailTitle->setText(event.title);
        QStringList facts{EventStore::statusLabel(event.status), eventtime::span(event)};
        if (!event.venue.isEmpty())
            facts << event.venue;
        if (!event.onlineUrl.isEmpty())
            facts << event.onlineUrl;
        facts << (event.capacity > 0 ? tr("%Ln seat(s)", nullptr, event.capacity) : tr("no limit on seats"));
        m_detailFacts->setText(facts.join(QStringLiteral(" · ")));
    }
    const QString url = row ? publicUrl(event) : QString();
    const bool shared = row && event.status == EventStatus::Published;
    m_share->setVisible(shared);
    if (shared && url.isEmpty()) {
        m_link->setText(tr("No lux-tracker address: set it under Settings → Tracking."));
        m_link->setProperty("url", QString());
        m_embed->clear();
    } else if (shared) {
        m_link->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()));
        m_link->setProperty("url", url);
        m_link->setMinimumWidth(m_link->fontMetrics().horizontalAdvance(url) + 12); // never cut: it is what people copy by eye
        m_embed->setText(QStringLiteral("<iframe src=\"%1/embed\" title=\"%2\" style=\"width:100%;max-width:560px;height:720px;border:0\"></iframe>")
                             .arg(url, event.title.toHtmlEscaped()));
        m_embed->setCursorPosition(0);
    }
    for (QPushButton *b : m_share->findChildren<QPushButton *>())
        b->setEnabled(!url.isEmpty());
    // Each tab reads its own data for the event; a tab already showing it refreshes.
    m_attendees->setEvent(event);
    m_checkIn->setEvent(event);
    m_report->setEvent(event);
    updateActions();
}

void EventsPage::updateActions()
{
    const events::EventSummary *row = m_model->row(selectedId());
    const bool writable = m_session.hasDatabase() && !m_session.database()->isReadOnly() && m_busy == 0;
    const EventStatus s = row ? row->event.status : EventStatus::Draft;
    m_new->setEnabled(writable);
    m_edit->setEnabled(writable && row && (s == EventStatus::Draft || s == EventStatus::Published));
    m_duplicate->setEnabled(writable && row);
    m_delete->setEnabled(writable && row && s == EventStatus::Draft);
    const bool publishing = row && m_publishing.contains(row->event.id);
    m_publish->setVisible(!row || s == EventStatus::Draft);
    m_publish->setEnabled(writable && row && s == EventStatus::Draft && !publishing);
    m_cancel->setVisible(row && s == EventStatus::Published);
    m_cancel->setEnabled(writable && !publishing);
    const QString reason = !m_session.hasDatabase() ? tr("Open a database first.")
                           : !writable && m_busy == 0 ? tr("The database is open read-only.")
                           : !row                      ? tr("Choose an event in the list first.")
                                                       : QString();
    for (QPushButton *b : {m_edit, m_duplicate, m_delete})
        b->setToolTip(b->isEnabled() ? QString() : reason);
    if (publishing)
        m_publish->setToolTip(tr("Sending it to lux-tracker…"));
    else
        m_publish->setToolTip(m_publish->isEnabled() ? tr("Puts the registration page on lux-tracker.") : reason);
    if (row && s != EventStatus::Draft)
        m_delete->setToolTip(tr("Only drafts can be deleted: people may have registered for a published event."));
    if (row && (s == EventStatus::Cancelled || s == EventStatus::Finished))
        m_edit->setToolTip(tr("A cancelled or finished event cannot be changed."));
}

EventEditor *EventsPage::openEditor(qint64 eventId)
{
    auto *editor = new EventEditor(m_session, eventId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &EventEditor::saved, this, [this, eventId](qint64 id) {
        Q_EMIT statusMessage(eventId ? tr("Event saved.") : tr("Event created as a draft."));
        // A published event's changes go to lux-tracker (and registrants get the updated invite).
        if (const events::EventSummary *row = m_model->row(id); row && row->event.status == EventStatus::Published)
            publish(id, int(events::PublishAction::Push));
        reload();
        connect(this, &EventsPage::reloaded, this, [this, id] { select(id); }, Qt::SingleShotConnection);
    });
    editor->open();
    return editor;
}

void EventsPage::editSelected()
{
    const events::EventSummary *row = m_model->row(selectedId());
    if (row && (row->event.status == EventStatus::Draft || row->event.status == EventStatus::Published) && m_edit->isEnabled())
        openEditor(row->event.id);
}

QString EventsPage::publicUrl(const events::Event &event) const
{
    QString base = m_session.settings().trackerUrl().trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base.isEmpty() || event.slug.isEmpty() ? QString() : base + QStringLiteral("/e/") + event.slug;
}

void EventsPage::publish(qint64 eventId, int action)
{
    m_publishing.insert(eventId);
    updateActions();
    m_session.sendService().publishEvent(eventId, static_cast<events::PublishAction>(action));
}

void EventsPage::publishSelected()
{
    const events::EventSummary *row = m_model->row(selectedId());
    if (!row || row->event.status != EventStatus::Draft || m_publishing.contains(row->event.id))
        return;
    Q_EMIT statusMessage(tr("Publishing “%1”…").arg(row->event.title));
    publish(row->event.id, int(events::PublishAction::Publish));
}

void EventsPage::cancelSelected()
{
    const events::EventSummary *row = m_model->row(selectedId());
    if (!row || row->event.status != EventStatus::Published)
        return;
    const qint64 id = row->event.id;
    const int people = row->counts.confirmed + row->counts.pending + row->counts.waiting;
    if (Dialogs::question(this, tr("Cancel Event"),
                          tr("Cancel “%1”? Its page says so from now on and the %Ln people registered or waiting are told by email, "
                             "with a cancellation for their calendar. This cannot be undone.", nullptr, people)
                              .arg(row->event.title),
                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    publish(id, int(events::PublishAction::Cancel));
}

void EventsPage::duplicateSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return;
    const QString copyTitle = tr("%1 (copy)");
    ++m_busy;
    updateActions();
    runOnDatabase<Result<qint64>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id, copyTitle](QSqlDatabase &db) -> Result<qint64> {
            EventStore store(db);
            auto e = store.find(id);
            if (!e)
                return e.error();
            events::Event copy = *e;
            copy.id = 0;
            copy.title = copyTitle.arg(e->title).left(EventStore::kMaxTitle);
            return store.create(copy);
        },
        [this](const Result<qint64> &copy) {
            --m_busy;
            if (!copy) {
                Dialogs::warning(this, tr("Duplicate"), copy.error().message);
                updateActions();
                return;
            }
            Q_EMIT statusMessage(tr("Event duplicated as a draft."));
            reload();
            connect(this, &EventsPage::reloaded, this, [this, id = *copy] { select(id); }, Qt::SingleShotConnection);
        });
}

void EventsPage::deleteSelected()
{
    const events::EventSummary *row = m_model->row(selectedId());
    if (!row || row->event.status != EventStatus::Draft)
        return;
    const qint64 id = row->event.id;
    if (Dialogs::question(this, tr("Delete Event"),
                          tr("Delete the draft “%1”? Its questions and anyone added by hand go with it; this cannot be undone.")
                              .arg(row->event.title),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    ++m_busy;
    updateActions();
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id](QSqlDatabase &db) { return EventStore(db).remove(id); },
        [this](const Status &s) {
            --m_busy;
            if (!s)
                Dialogs::warning(this, tr("Delete Event"), s.error().message);
            else
                Q_EMIT statusMessage(tr("Event deleted."));
            reload();
        });
}

} // namespace lux::ui
