// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendeesview.h"
#include "attendeesmodel.h"

#include "common/backgroundtask.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/errorcodes.h"
#include "common/savefile.h"
#include "common/tableview.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lux::ui {

using events::EventStore;
using events::RegistrationStatus;

namespace {
// The filter combo's entries: a status, or every one, or those checked in.
constexpr int kAll = -1;
constexpr int kCheckedIn = -2;

struct AttendeesData
{
    QList<events::Registration> rows;
    events::RegistrationCounts counts;
};
} // namespace

AttendeesView::AttendeesView(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new AttendeesModel(this)), m_debounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("attendeesSearch"));
    m_search->setPlaceholderText(tr("Search by name or email"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(240);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("attendeesFilter"));
    m_filter->addItem(tr("All"), kAll);
    m_filter->addItem(tr("Confirmed"), int(RegistrationStatus::Confirmed));
    m_filter->addItem(tr("Pending"), int(RegistrationStatus::Pending));
    m_filter->addItem(tr("Waiting"), int(RegistrationStatus::Waiting));
    m_filter->addItem(tr("Cancelled"), int(RegistrationStatus::Cancelled));
    m_filter->addItem(tr("Checked in"), kCheckedIn);
    bar->addWidget(m_search, 2);
    bar->addWidget(m_filter);
    bar->addStretch(1);
    m_add = new QPushButton(Theme::icon(QStringLiteral("user-plus")), tr("Add Person…"), this);
    m_add->setObjectName(QStringLiteral("attendeesAdd"));
    m_remove = new QPushButton(Theme::icon(QStringLiteral("user-x")), tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("attendeesRemove"));
    m_export = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("attendeesExport"));
    m_export->setToolTip(tr("Exports the people the list shows, with the search and the filter applied."));
    for (QPushButton *b : {m_add, m_remove, m_export})
        bar->addWidget(b);
    layout->addLayout(bar);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("attendeesView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setColumnWidth(AttendeesModel::Name, 190);
    m_view->setColumnWidth(AttendeesModel::Email, 250);
    m_view->setColumnWidth(AttendeesModel::Status, 150);
    m_view->setColumnWidth(AttendeesModel::RegisteredAt, 150);
    m_view->setColumnWidth(AttendeesModel::CheckedInAt, 150);
    layout->addWidget(m_view, 1);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("attendeesCounts"));
    m_counts->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_counts);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &AttendeesView::refresh);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &AttendeesView::refresh);
    connect(m_add, &QPushButton::clicked, this, &AttendeesView::openAddDialog);
    connect(m_remove, &QPushButton::clicked, this, &AttendeesView::removeSelected);
    connect(m_export, &QPushButton::clicked, this, [this] {
        QString name = m_event.title;
        name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QStringLiteral("_"));
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = Dialogs::saveFile(this, tr("Export Attendees"), QDir(dir).filePath(tr("%1 attendees.csv").arg(name)),
                                               tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttendeesView::updateActions);
    updateActions();
}

QString AttendeesView::countsText(const events::RegistrationCounts &c, int capacity)
{
    const QLocale locale;
    QStringList parts;
    parts << (capacity > 0 ? tr("%Ln confirmed of %1", nullptr, c.confirmed).arg(locale.toString(capacity))
                           : tr("%Ln confirmed", nullptr, c.confirmed));
    if (c.pending > 0)
        parts << tr("%Ln pending", nullptr, c.pending);
    parts << tr("%Ln waiting", nullptr, c.waiting) << tr("%Ln cancelled", nullptr, c.cancelled)
          << tr("%Ln checked in", nullptr, c.checkedIn);
    return parts.join(QStringLiteral(" · "));
}

void AttendeesView::setEvent(const events::Event &event)
{
    const bool same = event.id == m_event.id;
    m_event = event;
    if (!same) {
        const QSignalBlocker quiet(m_search);
        m_search->clear();
        m_model->setRows(m_event, {});
    }
    // A door with 10,000 people does not read the whole list while the check-in tab is in front.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    refresh();
}

void AttendeesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

events::RegistrationFilter AttendeesView::filter() const
{
    events::RegistrationFilter f;
    f.search = m_search->text().trimmed();
    const int choice = m_filter->currentData().toInt();
    if (choice == kCheckedIn)
        f.checkedInOnly = true;
    else if (choice != kAll)
        f.statuses = {static_cast<RegistrationStatus>(choice)};
    return f;
}

void AttendeesView::refresh()
{
    m_stale = false;
    m_debounce->stop();
    const int generation = ++m_generation;
    if (m_event.id == 0 || !m_session.hasDatabase()) {
        m_model->setRows(m_event, {});
        m_counts->clear();
        updateActions();
        return;
    }
    const qint64 id = m_event.id;
    const events::RegistrationFilter f = filter();
    runOnDatabase<Result<AttendeesData>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id, f](QSqlDatabase &db) -> Result<AttendeesData> {
            EventStore store(db);
            auto rows = store.registrations(id, f);
            if (!rows)
                return rows.error();
            auto counts = store.counts(id);
            if (!counts)
                return counts.error();
            return AttendeesData{*rows, *counts};
        },
        [this, generation](const Result<AttendeesData> &data) {
            if (generation != m_generation)
                return;
            if (!data) {
                m_counts->setText(tr("The attendees cannot be read: %1").arg(data.error().message));
                return;
            }
            m_model->setRows(m_event, data->rows);
            QString text = countsText(data->counts, m_event.capacity);
            if (!filter().search.isEmpty() || m_filter->currentData().toInt() != kAll)
                text = tr("Showing %Ln", nullptr, int(data->rows.size())) + QStringLiteral(" · ") + text;
            m_counts->setText(text);
            updateActions();
            Q_EMIT loaded();
        });
}

void AttendeesView::updateActions()
{
    const bool writable = m_session.hasDatabase() && !m_session.database()->isReadOnly() && m_busy == 0;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool any = m_event.id != 0;
    m_add->setEnabled(writable && any && m_event.status != events::EventStatus::Cancelled);
    const bool removable = !rows.isEmpty() && m_model->at(rows.first().row()).status != RegistrationStatus::Cancelled;
    m_remove->setEnabled(writable && any && removable);
    m_remove->setToolTip(removable ? tr("Cancels the registration of someone added by hand. People who registered themselves "
                                        "cancel through the link in their confirmation.")
                                   : tr("Choose someone in the list first."));
    m_export->setEnabled(any && m_model->rowCount() > 0);
}

void AttendeesView::openAddDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("addPersonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add Person"));
    dialog->setMinimumWidth(420);
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("Someone registered by hand is confirmed at once and counts against the capacity. "
                                "They get no confirmation email from here."),
                             dialog);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    auto *email = new QLineEdit(dialog);
    email->setObjectName(QStringLiteral("addPersonEmail"));
    email->setPlaceholderText(tr("name@example.com"));
    auto *first = new QLineEdit(dialog);
    first->setObjectName(QStringLiteral("addPersonFirst"));
    auto *last = new QLineEdit(dialog);
    last->setObjectName(QStringLiteral("addPersonLast"));
    form->addRow(tr("&Email:"), email);
    form->addRow(tr("&First name:"), first);
    form->addRow(tr("&Last name:"), last);
    layout->addLayout(form);
    auto *error = new QLabel(dialog);
    error->setProperty("role", QStringLiteral("error"));
    error->setWordWrap(true);
    error->hide();
    layout->addWidget(error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, email, first, last, error, buttons] {
        buttons->setEnabled(false);
        addPerson(email->text(), first->text(), last->text(), [dialog = QPointer<QDialog>(dialog), error, buttons](const QString &why) {
            if (!dialog)
                return;
            if (why.isEmpty()) {
                dialog->accept();
                return;
            }
            buttons->setEnabled(true);
            error->setText(why);
            error->show();
        });
    });
    dialog->open();
}

void AttendeesView::addPerson(const QString &email, const QString &firstName, const QString &lastName,
                              std::function<void(const QString &)> done)
{
    if (m_event.id == 0 || !m_session.hasDatabase())
        return;
    const qint64 id = m_event.id;
    ++m_busy;
    updateActions();
    runOnDatabase<Result<qint64>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id, email, firstName, lastName](QSqlDatabase &db) { return EventStore(db).addManual(id, email, firstName, lastName); },
        [this, done = std::move(done)](const Result<qint64> &added) {
            --m_busy;
            if (done)
                done(added ? QString() : added.error().message);
            else if (!added)
                Dialogs::warning(this, tr("Add Person"), added.error().message);
            refresh();
            if (added)
                Q_EMIT changed();
        });
}

void AttendeesView::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const events::Registration r = m_model->at(rows.first().row());
    if (Dialogs::question(this, tr("Remove"),
                          tr("Remove %1 from “%2”? Their registration is cancelled and their seat freed.").arg(r.name(), m_event.title),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    ++m_busy;
    updateActions();
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id = r.id](QSqlDatabase &db) { return EventStore(db).cancelManual(id); },
        [this](const Status &s) {
            --m_busy;
            if (!s)
                Dialogs::warning(this, tr("Remove"), s.error().message);
            refresh();
            if (s)
                Q_EMIT changed();
        });
}

void AttendeesView::exportCsv(const QString &path)
{
    if (m_event.id == 0 || !m_session.hasDatabase())
        return;
    const qint64 id = m_event.id;
    const events::RegistrationFilter f = filter();
    const QString dbPath = m_session.database()->path();
    m_export->setEnabled(false);
    BackgroundTask::start(
        this, tr("Exporting attendees…"),
        [id, f, dbPath, path](const storage::ProgressFn &, const std::atomic_bool *) -> Status {
            storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
            if (!conn.isOpen())
                return Error(errc::dbOpenFailed, conn.errorText());
            EventStore store(conn.db());
            return saveToFile(path, [&](QIODevice &out) -> Status {
                const auto written = store.writeAttendeesCsv(id, out, f);
                return written ? Status{} : Status(written.error());
            });
        },
        [this, path](const Status &s) {
            updateActions();
            if (!s)
                Dialogs::warning(this, tr("Export Attendees"), s.error().message);
            Q_EMIT exported(path, s ? QString() : s.error().message);
        },
        false);
}

} // namespace lux::ui
