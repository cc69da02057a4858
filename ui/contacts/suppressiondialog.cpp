// SPDX-License-Identifier: GPL-3.0-or-later
#include "suppressiondialog.h"

#include "common/backgroundtask.h"
#include "common/dialogs.h"
#include "common/tableview.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace lux::ui {

using contacts::SuppressionList;

void SuppressionModel::setSource(const QSqlDatabase &db, SuppressionList::Channel channel, const QString &search)
{
    beginResetModel();
    m_db = db;
    m_channel = channel;
    m_search = search;
    m_rows.clear();
    m_atEnd = false;
    if (m_db.isOpen()) {
        const auto page = SuppressionList(m_db).page(m_channel, m_search, kPageSize);
        if (page)
            m_rows = *page;
        m_atEnd = !page || page->size() < kPageSize;
    }
    endResetModel();
}

int SuppressionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SuppressionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SuppressionModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_rows.isEmpty();
}

void SuppressionModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const auto page = SuppressionList(m_db).page(m_channel, m_search, kPageSize, m_rows.constLast().id);
    m_atEnd = !page || page->size() < kPageSize;
    if (!page || page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows += *page;
    endInsertRows();
}

QString SuppressionModel::reasonLabel(const QString &code)
{
    if (code == QLatin1String("manual"))
        return tr("Added by hand");
    if (code == QLatin1String("import"))
        return tr("Imported");
    if (code == QLatin1String("erased"))
        return tr("Contact forgotten");
    if (code == QLatin1String("unsubscribe"))
        return tr("Unsubscribed");
    if (code == QLatin1String("complaint"))
        return tr("Spam complaint");
    if (code == QLatin1String("bounce"))
        return tr("Bounced");
    return code;
}

QVariant SuppressionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SuppressionList::Entry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Address: return e.address.isEmpty() ? tr("Erased contact (kept as a hash)") : e.address;
        case Reason: return reasonLabel(e.reason);
        case Added: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.at), QLocale::ShortFormat);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Address && e.address.isEmpty())
        return Theme::color("muted");
    return {};
}

QVariant SuppressionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Address: return tr("Address");
    case Reason: return tr("Reason");
    case Added: return tr("Added");
    default: return {};
    }
}

SuppressionDialog::SuppressionDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_model(new SuppressionModel(this))
{
    setObjectName(QStringLiteral("suppressionDialog"));
    setWindowTitle(tr("Suppression List"));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Addresses here are never sent to, whatever list or segment they are in. Unsubscribes, "
                                "complaints and forgotten contacts land here."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(intro);

    auto *filters = new QHBoxLayout;
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("suppressionChannel"));
    m_channel->addItem(tr("Email"), int(SuppressionList::Channel::Email));
    m_channel->addItem(tr("SMS"), int(SuppressionList::Channel::Sms));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("suppressionSearch"));
    m_search->setPlaceholderText(tr("Search addresses"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("suppressionCount"));
    m_count->setProperty("role", QStringLiteral("subtitle"));
    filters->addWidget(m_channel);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_count);
    layout->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("suppressionView"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setColumnWidth(SuppressionModel::Address, 300);
    m_view->setColumnWidth(SuppressionModel::Reason, 180);
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(Theme::icon(QStringLiteral("new")), tr("Add Address…"), this);
    m_add->setObjectName(QStringLiteral("suppressionAdd"));
    m_import = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Import File…"), this);
    m_import->setObjectName(QStringLiteral("suppressionImport"));
    m_remove = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("suppressionRemove"));
    m_remove->setToolTip(tr("Take an address added by mistake off the list. Its contact stays unsubscribed."));
    buttons->addWidget(m_add);
    buttons->addWidget(m_import);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(&m_searchDelay, &QTimer::timeout, this, &SuppressionDialog::reload);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_channel, &QComboBox::currentIndexChanged, this, &SuppressionDialog::reload);
    connect(m_add, &QPushButton::clicked, this, &SuppressionDialog::addAddress);
    connect(m_import, &QPushButton::clicked, this, &SuppressionDialog::importFile);
    connect(m_remove, &QPushButton::clicked, this, &SuppressionDialog::removeSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SuppressionDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SuppressionDialog::updateButtons);
    reload();
}

SuppressionList::Channel SuppressionDialog::channel() const
{
    return static_cast<SuppressionList::Channel>(m_channel->currentData().toInt());
}

void SuppressionDialog::setChannel(SuppressionList::Channel channel)
{
    m_channel->setCurrentIndex(m_channel->findData(int(channel)));
}

void SuppressionDialog::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchDelay.stop();
    reload();
}

void SuppressionDialog::reload()
{
    if (!m_session.database())
        return;
    QSqlDatabase db = m_session.database()->connection();
    m_model->setSource(db, channel(), m_search->text());
    const qint64 n = SuppressionList(db).count(channel(), m_search->text());
    m_count->setText(tr("%n address(es)", nullptr, int(qMin<qint64>(n, INT_MAX))));
}

void SuppressionDialog::updateButtons()
{
    const bool writable = m_session.database() && !m_session.database()->isReadOnly();
    m_add->setEnabled(writable);
    m_import->setEnabled(writable);
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_remove->setEnabled(writable && rows.size() == 1 && !m_model->entryAt(rows.first().row()).address.isEmpty());
}

void SuppressionDialog::addAddress()
{
    if (!m_session.database() || m_session.database()->isReadOnly())
        return;
    const QString address = Dialogs::askText(this, tr("Add to the Suppression List"),
                                             channel() == SuppressionList::Channel::Email ? tr("Email address:")
                                                                                          : tr("Phone number:"));
    if (address.isEmpty())
        return;
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    const auto added = SuppressionList(m_session.database()->connection()).add(channel(), address, QStringLiteral("manual"), user);
    if (!added) {
        Dialogs::warning(this, windowTitle(), added.error().message);
        return;
    }
    if (!*added)
        Dialogs::information(this, windowTitle(), tr("%1 was already on the list.").arg(address));
    reload();
    Q_EMIT changed();
}

void SuppressionDialog::importFile()
{
    if (!m_session.database() || m_session.database()->isReadOnly())
        return;
    const QString file = Dialogs::openFile(this, tr("Import a Suppression List"), {}, tr("CSV files (*.csv *.txt);;All files (*)"));
    if (file.isEmpty())
        return;
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    auto result = std::make_shared<SuppressionList::ImportResult>();
    const auto ch = channel();
    setEnabled(false);
    BackgroundTask::start(
        this, tr("Importing the suppression list…"),
        [path = m_session.database()->path(), file, user, ch, result](const storage::ProgressFn &, const std::atomic_bool *) -> Status {
            storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
            const auto imported = SuppressionList(conn.db()).importFile(ch, file, QStringLiteral("import"), user);
            if (!imported)
                return imported.error();
            *result = *imported;
            return {};
        },
        [this, result](const Status &s) {
            setEnabled(true);
            if (!s) {
                Dialogs::warning(this, windowTitle(), s.error().message);
                return;
            }
            reload();
            Q_EMIT changed();
            QString text = tr("%n address(es) added.", nullptr, int(result->added));
            if (result->already > 0)
                text += QLatin1Char(' ') + tr("%n already on the list.", nullptr, int(result->already));
            if (!result->invalid.isEmpty())
                text += QStringLiteral("\n\n") + tr("Skipped lines:") + QLatin1Char('\n')
                        + result->invalid.mid(0, 10).join(QLatin1Char('\n'));
            Dialogs::information(this, windowTitle(), text);
        },
        false);
}

void SuppressionDialog::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1 || !m_session.database() || m_session.database()->isReadOnly())
        return;
    const QString address = m_model->entryAt(rows.first().row()).address;
    if (address.isEmpty())
        return;
    if (Dialogs::question(this, windowTitle(),
                          tr("Take %1 off the suppression list? Only do this for an address added by mistake; its "
                             "contact stays unsubscribed.")
                              .arg(address),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    if (Status s = SuppressionList(m_session.database()->connection()).remove(channel(), address, user); !s) {
        Dialogs::warning(this, windowTitle(), s.error().message);
        return;
    }
    reload();
    Q_EMIT changed();
}

} // namespace lux::ui
