// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactspage.h"

#include "automations/automationtext.h"

#include "analytics/campaignreport.h"
#include "analytics/outboxreader.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/tableview.h"
#include "contactactions.h"
#include "contacteditor.h"
#include "contacts/contactrepository.h"
#include "contacts/fieldcatalog.h"
#include "contacts/segment.h"
#include "contacts/suppression.h"
#include "contactsmodel.h"
#include "importdialog.h"
#include "segmentbuilder.h"
#include "session/appsession.h"
#include "suppressiondialog.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"
#include "tracking/classifier.h"

#include <QComboBox>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

ContactsPage::ContactsPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new ContactsModel(this)), m_actions(new ContactActions(session, this))
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *head = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Contacts"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("contactsCount"));
    m_count->setProperty("role", QStringLiteral("subtitle"));
    titles->addWidget(title);
    titles->addWidget(m_count);
    head->addLayout(titles, 1);
    const auto toolButton = [this](QAction *action) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        return button;
    };
    head->addWidget(toolButton(m_actions->undoAction()), 0, Qt::AlignBottom);
    head->addWidget(toolButton(m_actions->redoAction()), 0, Qt::AlignBottom);
    addAction(m_actions->undoAction());
    addAction(m_actions->redoAction());
    auto *suppression = new QPushButton(Theme::icon(QStringLiteral("shield-check")), tr("Suppression List…"), this);
    suppression->setObjectName(QStringLiteral("contactsSuppression"));
    head->addWidget(suppression, 0, Qt::AlignBottom);
    connect(suppression, &QPushButton::clicked, this, [this] { openSuppressionList(); });
    m_newContact = new QPushButton(Theme::icon(QStringLiteral("user-plus")), tr("New Contact…"), this);
    m_newContact->setObjectName(QStringLiteral("contactsNew"));
    head->addWidget(m_newContact, 0, Qt::AlignBottom);
    m_import = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Import CSV…"), this);
    m_import->setObjectName(QStringLiteral("contactsImport"));
    m_import->setProperty("primary", true);
    head->addWidget(m_import, 0, Qt::AlignBottom);
    layout->addLayout(head);
    layout->addSpacing(8);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("contactsSearch"));
    m_search->setPlaceholderText(tr("Search name, email or company"));
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("contactsStatus"));
    m_status->addItem(tr("All statuses"), QString());
    for (const char *s : {"subscribed", "unsubscribed", "bounced", "complained", "cleaned"})
        m_status->addItem(ContactsModel::statusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("contactsTag"));
    m_segment = new QComboBox(this);
    m_segment->setObjectName(QStringLiteral("contactsSegment"));
    filters->addWidget(m_search, 2);
    filters->addWidget(m_status);
    filters->addWidget(m_tag);
    filters->addWidget(m_segment);
    auto *segmentButton = new QPushButton(Theme::icon(QStringLiteral("settings")), tr("Segment…"), this);
    segmentButton->setObjectName(QStringLiteral("contactsSegmentEdit"));
    segmentButton->setToolTip(tr("Edit the selected segment, or build a new one"));
    filters->addWidget(segmentButton);
    layout->addLayout(filters);
    connect(segmentButton, &QPushButton::clicked, this, [this] { openSegmentBuilder(); });

    // The selection bar: what is selected, and what can be done with it.
    m_selectionBar = new QFrame(this);
    m_selectionBar->setObjectName(QStringLiteral("contactsSelectionBar"));
    m_selectionBar->setProperty("card", true);
    auto *bar = new QHBoxLayout(m_selectionBar);
    bar->setContentsMargins(12, 6, 8, 6);
    m_selectionLabel = new QLabel(m_selectionBar);
    m_selectionLabel->setObjectName(QStringLiteral("contactsSelectionLabel"));
    bar->addWidget(m_selectionLabel);
    m_selectAllMatching = new QPushButton(m_selectionBar);
    m_selectAllMatching->setObjectName(QStringLiteral("contactsSelectAllMatching"));
    m_selectAllMatching->setFlat(true);
    m_selectAllMatching->setCursor(Qt::PointingHandCursor);
    bar->addWidget(m_selectAllMatching);
    bar->addStretch(1);
    const auto bulkButton = [this, bar](const QString &name, const QString &icon, const QString &text, void (ContactsPage::*slot)()) {
        auto *button = new QPushButton(Theme::icon(icon), text, m_selectionBar);
        button->setObjectName(name);
        connect(button, &QPushButton::clicked, this, slot);
        bar->addWidget(button);
        m_bulkButtons << button;
    };
    bulkButton(QStringLiteral("bulkTag"), QStringLiteral("tag"), tr("Add Tag…"), &ContactsPage::addTagToSelection);
    bulkButton(QStringLiteral("bulkUntag"), QStringLiteral("tag"), tr("Remove Tag…"), &ContactsPage::removeTagFromSelection);
    bulkButton(QStringLiteral("bulkUnsubscribe"), QStringLiteral("mail-off"), tr("Unsubscribe"), &ContactsPage::unsubscribeSelection);
    bulkButton(QStringLiteral("bulkDelete"), QStringLiteral("trash"), tr("Delete"), &ContactsPage::deleteSelection);
    auto *clear = new QPushButton(tr("Clear"), m_selectionBar);
    clear->setObjectName(QStringLiteral("bulkClear"));
    clear->setFlat(true);
    bar->addWidget(clear);
    m_selectionBar->hide();
    layout->addWidget(m_selectionBar);

    auto *split = new QSplitter(this);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("contactsView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorClearable(true); // a third click goes back to insertion order
    m_view->setSortingEnabled(true);
    // The address takes the room left; the other columns keep a width the user can change.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(ContactsModel::Email, QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(56);
    m_view->setColumnWidth(ContactsModel::Name, 120);
    m_view->setColumnWidth(ContactsModel::Company, 110);
    m_view->setColumnWidth(ContactsModel::Country, 70);
    m_view->setColumnWidth(ContactsModel::Status, 96);
    m_view->setColumnWidth(ContactsModel::Created, 96);
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *detailsPane = new QWidget(scroll);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(detailsPane);
    m_details->setObjectName(QStringLiteral("contactDetails"));
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(14);
    detailsLayout->addWidget(m_details);
    auto *detailButtons = new QHBoxLayout;
    detailButtons->setContentsMargins(14, 0, 14, 14);
    m_editButton = new QPushButton(Theme::icon(QStringLiteral("edit")), tr("Edit…"), detailsPane);
    m_editButton->setObjectName(QStringLiteral("contactEdit"));
    m_forgetButton = new QPushButton(Theme::icon(QStringLiteral("user-x")), tr("Forget…"), detailsPane);
    m_forgetButton->setObjectName(QStringLiteral("contactForget"));
    m_forgetButton->setToolTip(tr("Erase this person's data for good (GDPR); the address stays blocked as a hash"));
    detailButtons->addWidget(m_editButton);
    detailButtons->addWidget(m_forgetButton);
    detailButtons->addStretch(1);
    detailsLayout->addLayout(detailButtons);
    detailsLayout->addStretch(1);
    scroll->setWidget(detailsPane);
    split->addWidget(m_view);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    scroll->setMinimumWidth(240);
    split->setSizes({640, 300});
    layout->addWidget(split, 1);

    auto *deleteShortcut = new QAction(this);
    deleteShortcut->setShortcut(QKeySequence::Delete);
    deleteShortcut->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(deleteShortcut);
    connect(deleteShortcut, &QAction::triggered, this, &ContactsPage::deleteSelection);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(&m_searchDelay, &QTimer::timeout, this, &ContactsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_status, m_tag, m_segment})
        connect(combo, &QComboBox::activated, this, &ContactsPage::applyFilter);
    connect(m_import, &QPushButton::clicked, this, [this] { openImport(); });
    connect(m_newContact, &QPushButton::clicked, this, [this] { openEditor(); });
    connect(m_editButton, &QPushButton::clicked, this, [this] { openEditor(currentContactId()); });
    connect(m_forgetButton, &QPushButton::clicked, this, &ContactsPage::forgetCurrent);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openEditor(m_model->contactAt(index.row()).id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ContactsPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ContactsPage::showDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selectingAll)
            m_allMatching = false;
        updateSelectionBar();
    });
    connect(m_selectAllMatching, &QPushButton::clicked, this, &ContactsPage::selectAllMatching);
    connect(clear, &QPushButton::clicked, m_view, &QAbstractItemView::clearSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_allMatching = false;
        showDetails();
        updateSelectionBar();
    });
    connect(m_model, &ContactsModel::sortingChanged, this, [this](bool running) {
        if (running)
            m_count->setText(tr("Sorting…"));
        else
            countInBackground();
    });
    connect(&m_counting, &QFutureWatcher<qint64>::finished, this, [this] {
        if (m_counting.property("generation").toULongLong() != m_countGeneration)
            return; // a newer filter is being counted
        m_total = m_counting.result();
        m_count->setText(m_total < 0 ? QString() : tr("%n contact(s)", nullptr, int(qMin<qint64>(m_total, INT_MAX))));
        updateSelectionBar();
    });
    connect(m_actions, &ContactActions::contactsChanged, this, &ContactsPage::reload);
    connect(m_actions, &ContactActions::contactsChanged, &m_session, &AppSession::auditChanged);
    connect(m_actions, &ContactActions::message, this, &ContactsPage::statusMessage);
    connect(m_actions, &ContactActions::failed, this, [this](const QString &message) {
        Dialogs::warning(this, tr("Contacts"), message);
    });
    connect(m_actions, &ContactActions::busyChanged, this, [this] { updateSelectionBar(); });
    const auto markStale = [this] {
        m_stale = true;
        if (isVisible())
            reload();
    };
    connect(&m_session, &AppSession::databaseChanged, this, markStale);
    showDetails();
}

qint64 ContactsPage::currentContactId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->contactAt(current.row()).id : 0;
}

qint64 ContactsPage::selectedCount() const
{
    if (m_allMatching)
        return m_total >= 0 ? m_total : m_model->rowCount();
    return m_view->selectionModel()->selectedRows().size();
}

contacts::ContactSelection ContactsPage::selection() const
{
    contacts::ContactSelection selection;
    if (m_allMatching) {
        selection.filter = m_model->filter();
        return selection;
    }
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selection.ids << m_model->contactAt(index.row()).id;
    return selection;
}

void ContactsPage::selectAllMatching()
{
    m_selectingAll = true;
    m_view->selectAll();
    m_selectingAll = false;
    m_allMatching = true;
    updateSelectionBar();
}

void ContactsPage::updateSelectionBar()
{
    const qint64 selected = selectedCount();
    m_selectionBar->setVisible(selected > 0);
    if (selected == 0)
        return;
    if (m_allMatching)
        m_selectionLabel->setText(tr("All %n matching contact(s) are selected.", nullptr, int(qMin<qint64>(selected, INT_MAX))));
    else
        m_selectionLabel->setText(tr("%n selected", nullptr, int(selected)));
    const qint64 total = m_total >= 0 ? m_total : -1;
    m_selectAllMatching->setVisible(!m_allMatching && total > selected);
    if (total > selected)
        m_selectAllMatching->setText(tr("Select all %n matching", nullptr, int(qMin<qint64>(total, INT_MAX))));
    const bool writable = m_session.database() && !m_session.database()->isReadOnly() && !m_actions->isBusy();
    for (QWidget *button : std::as_const(m_bulkButtons))
        button->setEnabled(writable);
}

QStringList ContactsPage::tagNames() const
{
    QStringList names;
    for (int i = 1; i < m_tag->count(); ++i)
        names << m_tag->itemText(i);
    return names;
}

void ContactsPage::addTagToSelection()
{
    if (selectedCount() == 0 || m_actions->isBusy())
        return;
    const QString tag = Dialogs::askText(this, tr("Add Tag"),
                                         tr("Tag to add to %n contact(s):", nullptr, int(qMin<qint64>(selectedCount(), INT_MAX))),
                                         tagNames());
    if (!tag.isEmpty())
        m_actions->addTag(selection(), tag);
}

void ContactsPage::removeTagFromSelection()
{
    if (selectedCount() == 0 || m_actions->isBusy())
        return;
    const QString tag = Dialogs::askText(this, tr("Remove Tag"),
                                         tr("Tag to remove from %n contact(s):", nullptr, int(qMin<qint64>(selectedCount(), INT_MAX))),
                                         tagNames());
    if (!tag.isEmpty())
        m_actions->removeTag(selection(), tag);
}

void ContactsPage::unsubscribeSelection()
{
    const qint64 n = selectedCount();
    if (n == 0 || m_actions->isBusy())
        return;
    if (m_allMatching
        && Dialogs::question(this, tr("Unsubscribe"),
                             tr("Unsubscribe all %n matching contact(s)? Each gets a withdrawal in its consent history. "
                                "You can undo this.",
                                nullptr, int(qMin<qint64>(n, INT_MAX))),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    m_actions->unsubscribe(selection());
}

void ContactsPage::deleteSelection()
{
    const qint64 n = selectedCount();
    if (n == 0 || m_actions->isBusy() || !m_session.database() || m_session.database()->isReadOnly())
        return;
    if (m_allMatching
        && Dialogs::question(this, tr("Delete Contacts"),
                             tr("Delete all %n matching contact(s)? You can undo this until you close the database.", nullptr,
                                int(qMin<qint64>(n, INT_MAX))),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    m_actions->remove(selection());
}

void ContactsPage::forgetCurrent()
{
    const qint64 id = currentContactId();
    if (id == 0 || m_actions->isBusy() || !m_session.database() || m_session.database()->isReadOnly())
        return;
    const auto contact = contacts::ContactRepository(m_session.database()->connection()).find(id);
    if (!contact)
        return;
    if (Dialogs::question(this, tr("Forget Contact"),
                          tr("Erase everything about %1? Their data is deleted for good and cannot be restored; the "
                             "address stays on the suppression list as a one-way hash, so it is never emailed again, "
                             "and the consent history is kept without personal data.")
                              .arg(contact->email),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_actions->forget(*contact);
}

void ContactsPage::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    const bool writable = m_session.database() && !m_session.database()->isReadOnly() && !m_actions->isBusy();
    QMenu menu(this);
    QAction *edit = menu.addAction(Theme::icon(QStringLiteral("edit")), tr("Edit…"), this, [this] { openEditor(currentContactId()); });
    edit->setEnabled(m_view->selectionModel()->selectedRows().size() == 1);
    menu.addSeparator();
    menu.addAction(Theme::icon(QStringLiteral("tag")), tr("Add Tag…"), this, &ContactsPage::addTagToSelection)->setEnabled(writable);
    menu.addAction(Theme::icon(QStringLiteral("tag")), tr("Remove Tag…"), this, &ContactsPage::removeTagFromSelection)->setEnabled(writable);
    menu.addAction(Theme::icon(QStringLiteral("mail-off")), tr("Unsubscribe"), this, &ContactsPage::unsubscribeSelection)->setEnabled(writable);
    menu.addAction(Theme::icon(QStringLiteral("trash")), tr("Delete"), this, &ContactsPage::deleteSelection)->setEnabled(writable);
    menu.addSeparator();
    menu.addAction(Theme::icon(QStringLiteral("user-x")), tr("Forget…"), this, &ContactsPage::forgetCurrent)
        ->setEnabled(writable && m_view->selectionModel()->selectedRows().size() == 1);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void ContactsPage::openSuppressionList()
{
    if (!m_session.database())
        return;
    auto *dialog = new SuppressionDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SuppressionDialog::changed, this, &ContactsPage::reload);
    connect(dialog, &SuppressionDialog::changed, &m_session, &AppSession::auditChanged);
    dialog->open();
}

void ContactsPage::openEditor(qint64 contactId)
{
    if (!m_session.database() || m_session.database()->isReadOnly() || m_actions->isBusy())
        return;
    // The editor shows the database's custom fields: wait for the catalog being read.
    afterCatalog([this, contactId] {
        if (!m_session.database() || m_session.database()->isReadOnly() || m_actions->isBusy())
            return;
        std::optional<contacts::Contact> existing;
        if (contactId != 0) {
            const auto found = contacts::ContactRepository(m_session.database()->connection()).find(contactId);
            if (!found) {
                Dialogs::warning(this, tr("Contacts"), found.error().message);
                return;
            }
            existing = *found;
        }
        auto *editor = new ContactEditor(m_session, existing, m_catalog.customFields, this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        connect(editor, &QDialog::accepted, this, [this, editor] {
            if (editor->isNew())
                m_actions->create(editor->edited(), editor->consentEvidence());
            else
                m_actions->save(editor->original(), editor->edited());
        });
        editor->open();
    });
}

void ContactsPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        reload();
    QWidget::showEvent(event);
}

void ContactsPage::reload()
{
    m_stale = false;
    const bool writable = m_session.database() && !m_session.database()->isReadOnly();
    m_newContact->setEnabled(writable);
    m_import->setEnabled(writable);
    refreshFilters();
    m_model->setSource(m_session.database() ? m_session.database()->connection() : QSqlDatabase(), currentFilter());
    countInBackground();
}

void ContactsPage::refreshFilters(std::function<void()> then)
{
    if (then)
        m_afterCatalog.append(std::move(then));
    const quint64 generation = ++m_catalogGeneration;
    if (!m_session.database()) {
        m_catalog = {};
        m_tag->clear();
        m_tag->addItem(tr("All tags"), QString());
        m_segment->clear();
        m_segment->addItem(tr("All contacts"), QString());
        m_catalogLoading = false;
        for (const auto &f : std::exchange(m_afterCatalog, {}))
            f();
        return;
    }
    m_catalogLoading = true;
    runOnDatabase<Result<Catalog>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<Catalog> {
            Catalog catalog;
            const contacts::FieldCatalog fields(db);
            auto tags = fields.tags();
            if (!tags)
                return tags.error();
            auto custom = fields.customFields();
            if (!custom)
                return custom.error();
            catalog.tags = std::move(tags).value();
            catalog.customFields = std::move(custom).value();
            catalog.segments = contacts::SegmentRepository(db).list();
            return catalog;
        },
        [this, generation](const Result<Catalog> &loaded) {
            if (generation != m_catalogGeneration)
                return; // a newer read is on its way
            m_catalogLoading = false;
            if (!loaded)
                Q_EMIT statusMessage(tr("Tags and segments could not be read: %1").arg(loaded.error().message));
            else
                m_catalog = *loaded;
            const QString tag = m_tag->currentData().toString();
            const QString segment = m_segment->currentData().toString();
            {
                const QSignalBlocker blockTags(m_tag), blockSegments(m_segment);
                m_tag->clear();
                m_tag->addItem(tr("All tags"), QString());
                for (const QString &name : std::as_const(m_catalog.tags))
                    m_tag->addItem(name, name);
                m_segment->clear();
                m_segment->addItem(tr("All contacts"), QString());
                for (const contacts::SavedSegment &s : std::as_const(m_catalog.segments))
                    m_segment->addItem(s.name, s.name);
                m_tag->setCurrentIndex(qMax(0, m_tag->findData(tag)));
                m_segment->setCurrentIndex(qMax(0, m_segment->findData(segment)));
            }
            // A tag or segment that is gone leaves the filter, and a segment's rules may have changed.
            if (m_tag->currentData().toString() != tag || !segment.isEmpty())
                applyFilter();
            for (const auto &f : std::exchange(m_afterCatalog, {}))
                f();
        });
}

void ContactsPage::afterCatalog(std::function<void()> then)
{
    if (m_catalogLoading)
        m_afterCatalog.append(std::move(then));
    else
        then();
}

void ContactsPage::applyFilter()
{
    m_model->setFilter(currentFilter());
    countInBackground();
}

contacts::ContactFilter ContactsPage::currentFilter() const
{
    contacts::ContactFilter filter;
    filter.search = m_search->text();
    filter.status = m_status->currentData().toString();
    filter.tag = m_tag->currentData().toString();
    const QString segment = m_segment->currentData().toString();
    for (const contacts::SavedSegment &saved : m_catalog.segments)
        if (!segment.isEmpty() && saved.name == segment)
            if (const auto compiled = contacts::Segment::compile(saved.rules, QDateTime::currentMSecsSinceEpoch()); compiled)
                filter.segment = *compiled;
    return filter;
}

void ContactsPage::countInBackground()
{
    // A count over a million rows takes a while: on a worker with its own connection; a newer
    // filter makes the pending result stale.
    if (!m_session.database()) {
        m_count->clear();
        return;
    }
    m_count->setText(tr("Counting…"));
    const quint64 generation = ++m_countGeneration;
    m_counting.setProperty("generation", generation);
    m_counting.setFuture(QtConcurrent::run([path = m_session.database()->path(), filter = m_model->filter()]() -> qint64 {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadOnly);
        const auto n = contacts::ContactRepository(conn.db()).count(filter);
        return n ? *n : -1;
    }));
}

void ContactsPage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const bool writable = m_session.database() && !m_session.database()->isReadOnly();
    m_editButton->setVisible(current.isValid() && writable);
    m_forgetButton->setVisible(current.isValid() && writable);
    if (!current.isValid() || !m_session.database()) {
        ++m_detailsGeneration;
        m_details->setText(m_model->rowCount() == 0 && m_model->filter().search.isEmpty()
                               ? tr("No contacts yet. Import a CSV file with the button above, or drop one here.")
                               : tr("Select a contact to see its details."));
        return;
    }
    // Consent and activity read the outbox and the events: on a worker, so a large history never
    // holds the window; a newer selection makes a pending result stale.
    const quint64 generation = ++m_detailsGeneration;
    const qint64 id = m_model->contactAt(current.row()).id;
    runOnDatabase<Result<ContactDetails>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) -> Result<ContactDetails> {
            const contacts::ContactRepository contacts(db);
            auto contact = contacts.find(id);
            if (!contact)
                return contact.error();
            auto consent = contacts.consentHistory(id);
            if (!consent)
                return consent.error();
            auto activity = analytics::OutboxReader(db).contactActivity(id);
            if (!activity)
                return activity.error();
            mailbox::InboundMessages::Filter inbound;
            inbound.contactId = id;
            inbound.limit = 20;
            auto inbox = mailbox::InboundMessages::list(db, inbound);
            if (!inbox)
                return inbox.error();
            const bool suppressed = contacts::SuppressionList(db).contains(contacts::SuppressionList::Channel::Email, contact->email);
            ContactDetails details{*contact, suppressed, *consent, *activity, *inbox, false, false, {}, {}, {}, {}};
            const contacts::SmsConsent sms(db);
            details.smsConsent = sms.has(id);
            details.smsConsentHistory = sms.history(id);
            details.smsSuppressed = !contact->phone.isEmpty()
                                    && contacts::SuppressionList(db).contains(contacts::SuppressionList::Channel::Sms, contact->phone);
            auto texts = analytics::OutboxReader(db).contactTexts(id);
            if (!texts)
                return texts.error();
            details.texts = *texts;
            auto replies = analytics::OutboxReader(db).contactSmsReplies(id);
            if (!replies)
                return replies.error();
            details.smsReplies = *replies;
            auto workflows = automations::AutomationStore(db).forContact(id);
            if (!workflows)
                return workflows.error();
            details.workflows = *workflows;
            return details;
        },
        [this, generation](const Result<ContactDetails> &details) {
            if (generation != m_detailsGeneration)
                return;
            if (!details) {
                m_details->setText(details.error().message);
                return;
            }
            renderDetails(*details);
        });
}

void ContactsPage::renderDetails(const ContactDetails &details)
{
    const auto row = [](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<p><span style='opacity:0.65'>%1</span><br>%2</p>")
                                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const contacts::Contact &c = details.contact;
    const QString name = QString(c.firstName + QLatin1Char(' ') + c.lastName).trimmed();
    QString html = QStringLiteral("<h3>%1</h3>").arg((name.isEmpty() ? c.email : name).toHtmlEscaped());
    html += row(tr("Email"), c.email) + row(tr("Status"), ContactsModel::statusLabel(c.status)) + row(tr("Phone"), c.phone)
            + row(tr("Company"), c.company) + row(tr("City"), c.city) + row(tr("Country"), c.country)
            + row(tr("Tags"), c.tags.join(QStringLiteral(", "))) + row(tr("Source"), c.source);
    for (auto it = c.custom.constBegin(); it != c.custom.constEnd(); ++it)
        html += row(it.key(), it.value().toVariant().toString());
    html += row(tr("Suppression"), details.suppressed ? tr("On the suppression list: never emailed") : tr("Not suppressed"));
    static const QHash<QString, const char *> words = {
        {QStringLiteral("given"), QT_TR_NOOP("given")},         {QStringLiteral("confirmed"), QT_TR_NOOP("confirmed")},
        {QStringLiteral("withdrawn"), QT_TR_NOOP("withdrawn")}, {QStringLiteral("form"), QT_TR_NOOP("form")},
        {QStringLiteral("import"), QT_TR_NOOP("import")},       {QStringLiteral("manual"), QT_TR_NOOP("manual entry")},
        {QStringLiteral("double_opt_in"), QT_TR_NOOP("double opt-in")}};
    const auto word = [](const QString &code) {
        const auto it = words.constFind(code);
        return it == words.constEnd() ? code : tr(*it);
    };
    QStringList history;
    // ContactRepository::consentHistory holds every channel's events; SMS consent has its own row
    // below, so its events are left out of the email one.
    QSet<QPair<qint64, QString>> sms;
    for (const contacts::SmsConsent::Record &r : details.smsConsentHistory)
        sms.insert({r.at, r.action});
    for (const contacts::ConsentEvent &e : details.consent)
        if (!sms.contains({e.at, e.action}))
            history << tr("%1: %2 by %3 (%4)")
                       .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.at), QLocale::ShortFormat), word(e.action),
                            word(e.method), e.evidence);
    html += row(tr("Email consent"), history.isEmpty() ? tr("No consent recorded") : history.join(QLatin1Char('\n')));
    // Email activity, newest first: what was sent, opened, clicked, and by whom (people or machines).
    QStringList timeline;
    for (const analytics::ActivityEntry &a : details.activity) {
        QString what = a.kind == QLatin1String("sent")          ? tr("received “%1”").arg(a.campaign)
                       : a.kind == QLatin1String("open")        ? tr("opened “%1”").arg(a.campaign)
                       : a.kind == QLatin1String("click")       ? tr("clicked %1 in “%2”").arg(a.url, a.campaign)
                       : a.kind == QLatin1String("unsubscribe") ? tr("unsubscribed from “%1”").arg(a.campaign)
                                                                : a.kind;
        if (a.machine)
            what += tr(" (a machine: %1)").arg(tracking::describeReason(a.reason));
        timeline << tr("%1: %2").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.at), QLocale::ShortFormat), what);
    }
    html += row(tr("Email activity"), timeline.isEmpty() ? tr("No campaign sent to this contact yet") : timeline.join(QLatin1Char('\n')));
    // What came back to the sender mailboxes: replies with the campaign they answer, bounces, requests.
    QStringList inbox;
    for (const mailbox::InboundMessages::Row &m : details.inbox) {
        const QString campaign = m.campaignName.isEmpty() ? QString() : tr(" (about “%1”)").arg(m.campaignName);
        const QString what = m.kind == QLatin1String("reply")         ? tr("replied “%1”: %2").arg(m.subject, m.excerpt)
                             : m.kind == QLatin1String("unsubscribe") ? tr("asked by mail to unsubscribe")
                             : m.kind == QLatin1String("hard-bounce") ? tr("bounced for good (%1): %2").arg(m.status, m.diagnostic)
                             : m.kind == QLatin1String("soft-bounce") ? tr("bounced for now (%1): %2").arg(m.status, m.diagnostic)
                             : m.kind == QLatin1String("auto-reply")  ? tr("sent an automatic reply: “%1”").arg(m.subject)
                                                                      : tr("wrote “%1”").arg(m.subject);
        inbox << tr("%1: %2").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.receivedAt), QLocale::ShortFormat), what + campaign);
    }
    html += row(tr("Replies and bounces"), inbox.join(QLatin1Char('\n')));
    // Their journeys through the workflows: where each stands and what happened last.
    QStringList flows;
    for (const automations::ContactWorkflow &w : details.workflows) {
        const automations::Enrollment &e = w.enrollment;
        flows << tr("%1 (version %2): %3. Last: %4")
                     .arg(w.name)
                     .arg(e.version)
                     .arg(AutomationText::state(e), w.last.detail.isEmpty() ? AutomationText::what(w.last.what) : w.last.detail);
    }
    html += row(tr("Workflows"), flows.join(QLatin1Char('\n')));
    renderTexts(details, html);
    m_details->setText(html.replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

void ContactsPage::renderTexts(const ContactDetails &details, QString &html) const
{
    const auto row = [](const QString &label, const QString &value) -> QString {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<p><span style='opacity:0.65'>%1</span><br>%2</p>")
                                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QLocale locale;
    const auto when = [&locale](qint64 at) { return locale.toString(QDateTime::fromMSecsSinceEpoch(at), QLocale::ShortFormat); };
    static const QHash<QString, const char *> words = {
        {QStringLiteral("given"), QT_TR_NOOP("given")},           {QStringLiteral("confirmed"), QT_TR_NOOP("confirmed")},
        {QStringLiteral("withdrawn"), QT_TR_NOOP("withdrawn")},   {QStringLiteral("form"), QT_TR_NOOP("form")},
        {QStringLiteral("import"), QT_TR_NOOP("import")},         {QStringLiteral("manual"), QT_TR_NOOP("manual entry")},
        {QStringLiteral("double_opt_in"), QT_TR_NOOP("double opt-in")}, {QStringLiteral("keyword"), QT_TR_NOOP("a texted keyword")},
        {QStringLiteral("queued"), QT_TR_NOOP("queued at Twilio")}, {QStringLiteral("sent"), QT_TR_NOOP("sent to the carrier")},
        {QStringLiteral("delivered"), QT_TR_NOOP("delivered")},   {QStringLiteral("undelivered"), QT_TR_NOOP("undelivered")},
        {QStringLiteral("failed"), QT_TR_NOOP("failed")}};
    const auto word = [](const QString &code) -> QString {
        const auto it = words.constFind(code);
        return it == words.constEnd() ? code : tr(*it);
    };
    // SMS consent is its own record: where it stands, then its history with the words agreed to.
    QString state = details.smsConsent ? tr("May be texted") : tr("Not agreed to texts");
    if (details.smsSuppressed)
        state = tr("On the SMS suppression list (said STOP): never texted");
    QStringList history{state};
    for (const contacts::SmsConsent::Record &r : details.smsConsentHistory) {
        QString line = tr("%1: %2 by %3").arg(when(r.at), word(r.action), word(r.method));
        if (!r.source.isEmpty())
            line += tr(", from %1").arg(r.source);
        if (!r.consentText.isEmpty())
            line += tr(" · agreed to “%1”").arg(r.consentText);
        if (!r.evidence.isEmpty())
            line += tr(" (%1)").arg(r.evidence);
        history << line;
    }
    html += row(tr("SMS consent"), history.join(QLatin1Char('\n')));
    QStringList texts;
    for (const analytics::TextEntry &t : details.texts) {
        QString status;
        if (t.state == QLatin1String("sent"))
            status = t.delivery.isEmpty() ? tr("sent, no receipt yet") : word(t.delivery);
        else if (t.state == QLatin1String("failed"))
            status = tr("refused");
        else if (t.state == QLatin1String("pending") && t.code == QLatin1String("sms.quiet-hours"))
            status = tr("waits for quiet hours to end, until %1").arg(when(t.dueAt));
        else if (t.state == QLatin1String("unknown"))
            status = tr("in doubt");
        else
            status = tr("waiting");
        if (!t.code.isEmpty() && t.code != QLatin1String("sms.quiet-hours")) {
            const QString meaning = analytics::CampaignReport::smsErrorMeaning(t.code);
            status += meaning.isEmpty() ? tr(" (%1)").arg(t.code) : tr(" (%1: %2)").arg(t.code, meaning);
        }
        texts << tr("%1: “%2” to %3, %4").arg(when(t.at), t.campaign, t.number, status);
    }
    html += row(tr("Texts"), texts.isEmpty() ? QString() : texts.join(QLatin1Char('\n')));
    QStringList replies;
    for (const analytics::SmsReply &r : details.smsReplies) {
        const QString what = r.keyword == QLatin1String("opt-out") ? tr("opted out: “%1”").arg(r.body)
                             : r.keyword == QLatin1String("opt-in") ? tr("opted back in: “%1”").arg(r.body)
                             : r.keyword == QLatin1String("help")   ? tr("asked for help: “%1”").arg(r.body)
                                                                    : tr("replied “%1”").arg(r.body);
        replies << tr("%1: %2").arg(when(r.at), what);
    }
    html += row(tr("Text replies"), replies.join(QLatin1Char('\n')));
}

void ContactsPage::openSegmentBuilder()
{
    if (!m_session.database())
        return;
    afterCatalog([this] {
        if (!m_session.database())
            return;
        auto *builder = new SegmentBuilder(m_session, m_catalog.tags, m_catalog.customFields, this);
        builder->setAttribute(Qt::WA_DeleteOnClose);
        const QString current = m_segment->currentData().toString();
        for (const contacts::SavedSegment &saved : std::as_const(m_catalog.segments))
            if (!current.isEmpty() && saved.name == current)
                builder->load(saved.name, saved.rules);
        connect(builder, &SegmentBuilder::saved, this, [this](const QString &name) {
            refreshFilters([this, name] {
                m_segment->setCurrentIndex(qMax(0, m_segment->findData(name)));
                applyFilter();
            });
        });
        builder->open();
    });
}

void ContactsPage::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchDelay.stop();
    applyFilter();
}

void ContactsPage::openImport(const QString &file)
{
    if (!m_session.database() || m_session.database()->isReadOnly())
        return;
    auto *dialog = new ImportDialog(m_session, file, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &ContactsPage::reload);
    connect(dialog, &ImportDialog::imported, &m_session, &AppSession::auditChanged);
    dialog->open();
}

void ContactsPage::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()
        && urls.first().toLocalFile().endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void ContactsPage::dropEvent(QDropEvent *event)
{
    openImport(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

} // namespace lux::ui
