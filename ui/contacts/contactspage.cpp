// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactspage.h"

#include "app/appsession.h"
#include "common/tableview.h"
#include "contacts/contactrepository.h"
#include "contacts/segment.h"
#include "contacts/suppression.h"
#include "contactsmodel.h"
#include "importdialog.h"
#include "segmentbuilder.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QSqlQuery>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

ContactsPage::ContactsPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new ContactsModel(this))
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
    auto *import = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Import CSV…"), this);
    import->setObjectName(QStringLiteral("contactsImport"));
    import->setProperty("primary", true);
    head->addWidget(import, 0, Qt::AlignBottom);
    layout->addLayout(head);
    layout->addSpacing(8);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("contactsSearch"));
    m_search->setPlaceholderText(tr("Search name, email or company"));
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
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

    auto *split = new QSplitter(this);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("contactsView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setColumnWidth(ContactsModel::Email, 200);
    m_view->setColumnWidth(ContactsModel::Name, 130);
    m_view->setColumnWidth(ContactsModel::Company, 120);
    m_view->setColumnWidth(ContactsModel::Country, 64);
    m_view->setColumnWidth(ContactsModel::Status, 96);
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_details = new QLabel(scroll);
    m_details->setObjectName(QStringLiteral("contactDetails"));
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(14);
    scroll->setWidget(m_details);
    split->addWidget(m_view);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    scroll->setMinimumWidth(240);
    split->setSizes({640, 300});
    layout->addWidget(split, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(&m_searchDelay, &QTimer::timeout, this, &ContactsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_status, m_tag, m_segment})
        connect(combo, &QComboBox::activated, this, &ContactsPage::applyFilter);
    connect(import, &QPushButton::clicked, this, [this] { openImport(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ContactsPage::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactsPage::showDetails);
    connect(&m_counting, &QFutureWatcher<qint64>::finished, this, [this] {
        if (m_counting.property("generation").toULongLong() != m_countGeneration)
            return; // a newer filter is being counted
        const qint64 n = m_counting.result();
        m_count->setText(n < 0 ? QString() : tr("%n contact(s)", nullptr, int(qMin<qint64>(n, INT_MAX))));
    });
    const auto markStale = [this] {
        m_stale = true;
        if (isVisible())
            reload();
    };
    connect(&m_session, &AppSession::databaseChanged, this, markStale);
    showDetails();
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
    refreshFilters();
    m_model->setSource(m_session.database() ? m_session.database()->connection() : QSqlDatabase(), currentFilter());
    countInBackground();
}

void ContactsPage::refreshFilters()
{
    const QString tag = m_tag->currentData().toString();
    const QString segment = m_segment->currentData().toString();
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    m_segment->clear();
    m_segment->addItem(tr("All contacts"), QString());
    if (!m_session.database())
        return;
    QSqlQuery q(m_session.database()->connection());
    if (q.exec(QStringLiteral("SELECT name FROM tags ORDER BY lower(name)")))
        while (q.next())
            m_tag->addItem(q.value(0).toString(), q.value(0).toString());
    for (const contacts::SavedSegment &s : contacts::SegmentRepository(m_session.database()->connection()).list())
        m_segment->addItem(s.name, s.name);
    m_tag->setCurrentIndex(qMax(0, m_tag->findData(tag)));
    m_segment->setCurrentIndex(qMax(0, m_segment->findData(segment)));
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
    if (!segment.isEmpty() && m_session.database()) {
        const auto saved = contacts::SegmentRepository(m_session.database()->connection()).find(segment);
        if (saved)
            if (const auto compiled = contacts::Segment::compile(saved->rules, QDateTime::currentMSecsSinceEpoch()); compiled)
                filter.segment = *compiled;
    }
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
    if (!current.isValid() || !m_session.database()) {
        m_details->setText(m_model->rowCount() == 0 && m_model->filter().search.isEmpty()
                               ? tr("No contacts yet. Import a CSV file with the button above, or drop one here.")
                               : tr("Select a contact to see its details."));
        return;
    }
    const auto contact = contacts::ContactRepository(m_session.database()->connection())
                             .findByEmail(m_model->contactAt(current.row()).email);
    if (!contact) {
        m_details->setText(contact.error().message);
        return;
    }
    const auto row = [](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<p><span style='opacity:0.65'>%1</span><br>%2</p>")
                                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const contacts::Contact &c = *contact;
    const QString name = QString(c.firstName + QLatin1Char(' ') + c.lastName).trimmed();
    QString html = QStringLiteral("<h3>%1</h3>").arg((name.isEmpty() ? c.email : name).toHtmlEscaped());
    html += row(tr("Email"), c.email) + row(tr("Status"), ContactsModel::statusLabel(c.status)) + row(tr("Phone"), c.phone)
            + row(tr("Company"), c.company) + row(tr("City"), c.city) + row(tr("Country"), c.country)
            + row(tr("Tags"), c.tags.join(QStringLiteral(", "))) + row(tr("Source"), c.source);
    for (auto it = c.custom.constBegin(); it != c.custom.constEnd(); ++it)
        html += row(it.key(), it.value().toVariant().toString());
    const bool suppressed = contacts::SuppressionList(m_session.database()->connection())
                                .contains(contacts::SuppressionList::Channel::Email, c.email);
    html += row(tr("Suppression"), suppressed ? tr("On the suppression list: never emailed") : tr("Not suppressed"));
    QSqlQuery consent(m_session.database()->connection());
    consent.prepare(QStringLiteral("SELECT action, method, evidence, at FROM consent_events WHERE contact_id = ? ORDER BY at"));
    consent.addBindValue(c.id);
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
    if (consent.exec())
        while (consent.next())
            history << tr("%1: %2 by %3 (%4)")
                           .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(consent.value(3).toLongLong()), QLocale::ShortFormat),
                                word(consent.value(0).toString()), word(consent.value(1).toString()), consent.value(2).toString());
    html += row(tr("Consent"), history.isEmpty() ? tr("No consent recorded") : history.join(QLatin1Char('\n')));
    m_details->setText(html.replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

void ContactsPage::openSegmentBuilder()
{
    if (!m_session.database())
        return;
    auto *builder = new SegmentBuilder(m_session, this);
    builder->setAttribute(Qt::WA_DeleteOnClose);
    const QString current = m_segment->currentData().toString();
    if (!current.isEmpty())
        if (const auto saved = contacts::SegmentRepository(m_session.database()->connection()).find(current); saved)
            builder->load(saved->name, saved->rules);
    connect(builder, &SegmentBuilder::saved, this, [this](const QString &name) {
        refreshFilters();
        m_segment->setCurrentIndex(qMax(0, m_segment->findData(name)));
        applyFilter();
    });
    builder->open();
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
