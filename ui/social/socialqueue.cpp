// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialqueue.h"

#include "socialmodels.h"

#include "common/dbtask.h"
#include "common/labels.h"
#include "common/dialogs.h"
#include "session/appsession.h"
#include "social/accountstore.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lux::ui {

using social::Account;
using social::AccountQueue;
using social::AccountStore;
using social::PostStore;
using social::QueueTime;
using social::Slot;
using social::TargetStatus;

namespace {

// The start of a post's text, on one line: a row of the queue is narrow.
QString firstWords(const QString &text)
{
    const QString line = text.simplified();
    return line.size() > 90 ? line.left(89) + u'…' : line;
}

// The slots in the words Slot::parse reads, checked as they are typed: OK only while they read.
class SlotsDialog : public QDialog
{
public:
    SlotsDialog(const QString &account, const QString &zone, const QList<Slot> &slots, QWidget *parent) : QDialog(parent)
    {
        setObjectName(QStringLiteral("socialSlotsDialog"));
        setWindowTitle(SocialQueue::tr("Queue Slots"));
        auto *layout = new QVBoxLayout(this);
        auto *intro = plainLabel(SocialQueue::tr("The times %1 posts from its queue, in %2. Write days and a time, groups "
                                                 "separated by commas: “Tue/Thu 10:00, Sat 11:00” or “Mon-Fri 09:30”.")
                                     .arg(account, zone),
                                 this);
        layout->addWidget(intro);
        m_edit = new QLineEdit(Slot::format(slots), this);
        m_edit->setObjectName(QStringLiteral("socialSlotsEdit"));
        // Not translated: Slot::parse reads English day names in every language.
        m_edit->setPlaceholderText(QStringLiteral("Tue/Thu 10:00, Sat 11:00"));
        m_edit->setClearButtonEnabled(true);
        layout->addWidget(m_edit);
        m_reason = plainLabel(QString(), this, QStringLiteral("error"));
        m_reason->setObjectName(QStringLiteral("socialSlotsError"));
        m_reason->hide();
        layout->addWidget(m_reason);
        m_preview = plainLabel(QString(), this, QStringLiteral("muted"));
        m_preview->setObjectName(QStringLiteral("socialSlotsPreview"));
        layout->addWidget(m_preview);
        layout->addStretch(1);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        m_ok = buttons->button(QDialogButtonBox::Ok);
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_edit, &QLineEdit::textChanged, this, [this] { check(); });
        resize(520, sizeHint().height());
        check();
    }

    QList<Slot> slots() const { return m_slots; }

private:
    void check()
    {
        const auto parsed = Slot::parse(m_edit->text());
        m_reason->setVisible(!parsed);
        m_preview->setVisible(bool(parsed));
        m_ok->setEnabled(bool(parsed));
        if (!parsed) {
            m_reason->setText(parsed.error().message);
            return;
        }
        m_slots = *parsed;
        m_preview->setText(m_slots.isEmpty() ? SocialQueue::tr("No slots: posts cannot be added to this account's queue.")
                                             : SocialQueue::tr("%n time(s) a week: %1", nullptr, int(m_slots.size()))
                                                   .arg(Slot::format(m_slots)));
    }

    QLineEdit *m_edit;
    QLabel *m_reason;
    QLabel *m_preview;
    QPushButton *m_ok;
    QList<Slot> m_slots;
};

// What one read brings: the accounts for the choice, and the queue of the one shown.
struct Loaded
{
    QList<Account> accounts;
    qint64 accountId = 0;
    AccountQueue queue;
};

} // namespace

SocialQueue::SocialQueue(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("socialQueue"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 10, 8, 8);
    auto *bar = new QHBoxLayout;
    m_account = new QComboBox(this);
    m_account->setObjectName(QStringLiteral("socialQueueAccount"));
    m_account->setMinimumWidth(260);
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *accountLabel = new QLabel(tr("&Account:"), this);
    accountLabel->setBuddy(m_account);
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("socialQueueZone"));
    m_zone->setMaxVisibleItems(20);
    m_zone->setToolTip(tr("The time zone the slots are in: 10:00 is ten in the morning there."));
    m_zone->addItem(tr("The computer's (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    auto *zoneLabel = new QLabel(tr("&Time zone:"), this);
    zoneLabel->setBuddy(m_zone);
    m_editSlots = new QPushButton(Theme::icon(QStringLiteral("edit")), tr("Edit &Slots…"), this);
    m_editSlots->setObjectName(QStringLiteral("socialQueueEditSlots"));
    bar->addWidget(accountLabel);
    bar->addWidget(m_account);
    bar->addSpacing(16);
    bar->addWidget(zoneLabel);
    bar->addWidget(m_zone);
    bar->addStretch(1);
    bar->addWidget(m_editSlots);
    layout->addLayout(bar);

    m_summary = plainLabel(QString(), this, QStringLiteral("muted"));
    m_summary->setObjectName(QStringLiteral("socialQueueSummary"));
    layout->addWidget(m_summary);

    m_stack = new QStackedWidget(this);
    m_view = new QTreeWidget(m_stack);
    m_view->setObjectName(QStringLiteral("socialQueueView"));
    m_view->setHeaderLabels({tr("Time"), tr("Post"), tr("State")});
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(false); // the days are the grouping
    m_view->setStyleSheet(QStringLiteral("QTreeView::item { padding: 5px 4px; }"));
    m_view->setIndentation(18);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(PostColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(TimeColumn, 150);
    m_view->setColumnWidth(StateColumn, 240);
    m_empty = plainLabel(QString(), m_stack, QStringLiteral("muted"));
    m_empty->setObjectName(QStringLiteral("socialQueueEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    auto *how = plainLabel(tr("A post added to the queue in New Post… takes the first free slot. Double-click a post to see it in the calendar."),
                           this, QStringLiteral("muted"));
    how->setObjectName(QStringLiteral("socialQueueHow"));
    layout->addWidget(how);

    connect(m_account, &QComboBox::activated, this, [this](int index) { showAccount(m_account->itemData(index).toLongLong()); });
    connect(m_zone, &QComboBox::activated, this, [this](int index) { setTimeZone(m_zone->itemData(index).toString()); });
    connect(m_editSlots, &QPushButton::clicked, this, &SocialQueue::editSlots);
    // Another file's account 3 is another account: the first is shown again.
    connect(&m_session, &AppSession::databaseChanged, this, [this] { m_accountId = 0; });
    connect(m_view, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (const qint64 id = item->data(TimeColumn, TargetIdRole).toLongLong())
            Q_EMIT targetActivated(id, item->data(TimeColumn, AtRole).toLongLong());
    });
    present({}, {});
}

bool SocialQueue::writable() const
{
    return m_session.hasDatabase() && !m_session.database()->isReadOnly();
}

QString SocialQueue::accountName() const
{
    return m_account->currentIndex() >= 0 ? m_account->currentText() : QString();
}

void SocialQueue::showAccount(qint64 accountId)
{
    m_accountId = accountId;
    reload();
}

void SocialQueue::reload()
{
    const int generation = ++m_generation;
    if (!m_session.hasDatabase()) {
        m_loaded = false;
        present({}, {});
        Q_EMIT reloaded();
        return;
    }
    const qint64 wanted = m_accountId;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    runOnDatabase<Result<Loaded>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [wanted, now](QSqlDatabase &db) -> Result<Loaded> {
            Loaded out;
            auto accounts = AccountStore(db).list();
            if (!accounts)
                return accounts.error();
            for (const Account &a : std::as_const(*accounts))
                if (a.status != u"removed")
                    out.accounts << a;
            if (out.accounts.isEmpty())
                return out;
            out.accountId = out.accounts.first().id;
            for (const Account &a : std::as_const(out.accounts))
                if (a.id == wanted)
                    out.accountId = wanted;
            auto queue = PostStore(db).queue(out.accountId, now, kDays);
            if (!queue)
                return queue.error();
            out.queue = std::move(*queue);
            return out;
        },
        [this, generation](const Result<Loaded> &loaded) {
            if (generation != m_generation)
                return;
            if (!loaded) {
                Q_EMIT statusMessage(tr("The queue cannot be read: %1").arg(loaded.error().message));
                return;
            }
            m_loaded = true;
            m_accountId = loaded->accountId;
            present(loaded->accounts, loaded->queue);
            Q_EMIT reloaded();
        });
}

void SocialQueue::present(const QList<Account> &accounts, const AccountQueue &queue)
{
    m_queue = queue;
    {
        const QSignalBlocker block(m_account);
        m_account->clear();
        for (const Account &a : accounts)
            m_account->addItem(a.displayName(), a.id);
        m_account->setCurrentIndex(m_account->findData(m_accountId));
    }
    {
        const QSignalBlocker block(m_zone);
        const QString zone = queue.computerZone ? QString() : queue.timeZone;
        int index = m_zone->findData(zone);
        if (index < 0) { // a zone this computer lists under another name
            m_zone->addItem(zone, zone);
            index = m_zone->count() - 1;
        }
        m_zone->setCurrentIndex(index);
    }

    m_view->clear();
    const QTimeZone zone = queue.timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(queue.timeZone.toUtf8());
    const QLocale locale;
    const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
    QTreeWidgetItem *day = nullptr;
    QDate dayDate;
    int freeSlots = 0;
    for (const QueueTime &t : queue.times) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(t.at, zone);
        if (!day || at.date() != dayDate) {
            dayDate = at.date();
            const QString date = locale.toString(dayDate, QLocale::LongFormat);
            day = new QTreeWidgetItem(m_view, {dayDate == today              ? tr("Today, %1").arg(date)
                                               : dayDate == today.addDays(1) ? tr("Tomorrow, %1").arg(date)
                                                                             : date});
            day->setFirstColumnSpanned(true);
            day->setFlags(Qt::ItemIsEnabled);
            QFont bold = m_view->font();
            bold.setBold(true);
            day->setFont(TimeColumn, bold);
            day->setForeground(TimeColumn, Theme::color("accent"));
        }
        auto *row = new QTreeWidgetItem(day, {locale.toString(at.time(), QLocale::ShortFormat)});
        row->setData(TimeColumn, AtRole, t.at);
        if (!t.target) {
            ++freeSlots;
            row->setText(PostColumn, tr("Free"));
            row->setForeground(PostColumn, Theme::color("muted"));
            row->setToolTip(PostColumn, tr("The next post added to the queue may take it."));
            continue;
        }
        const TargetStatus &target = *t.target;
        row->setData(TimeColumn, TargetIdRole, target.id);
        row->setText(PostColumn, firstWords(target.text));
        row->setToolTip(PostColumn, tr("Post %1: %2").arg(QString::number(target.postId), target.text));
        row->setText(StateColumn, t.slot ? TargetStatus::stateText(target.state)
                                         : tr("%1, at a set time").arg(TargetStatus::stateText(target.state)));
        row->setForeground(StateColumn, SocialLook::stateColor(target.state));
        if (!t.slot) {
            QFont italic = m_view->font();
            italic.setItalic(true);
            row->setFont(TimeColumn, italic);
            row->setToolTip(TimeColumn, tr("Not a queue slot: this post was given its own time."));
        }
    }
    m_view->expandAll();

    const bool noAccounts = accounts.isEmpty();
    if (!m_session.hasDatabase())
        m_empty->setText(tr("Open a database to see the queue."));
    else if (noAccounts)
        m_empty->setText(m_loaded ? tr("No accounts connected yet: connect one with Connect Account… in the Accounts tab.") : QString());
    else
        m_empty->setText(tr("No queue slots yet: Edit Slots… to add times like Tue/Thu 10:00."));
    m_stack->setCurrentWidget(queue.times.isEmpty() ? static_cast<QWidget *>(m_empty) : m_view);

    if (noAccounts)
        m_summary->clear();
    else if (queue.slots.isEmpty()) // said once: by the empty state when nothing else is shown
        m_summary->setText(queue.times.isEmpty() ? QString() : tr("No queue slots yet: Edit Slots… to add times like Tue/Thu 10:00."));
    else
        m_summary->setText(tr("Slots: %1, in %2.").arg(Slot::format(queue.slots), queue.timeZone) + u' '
                           + tr("%n free slot(s) in the next two weeks.", nullptr, freeSlots));
    m_summary->setVisible(!m_summary->text().isEmpty());
    updateActions();
}

void SocialQueue::updateActions()
{
    const bool can = writable() && m_accountId && m_busy == 0 && m_account->count() > 0;
    m_editSlots->setEnabled(can);
    m_zone->setEnabled(can);
    m_account->setEnabled(m_account->count() > 0);
    const QString why = !m_session.hasDatabase() ? tr("Open a database first.")
                        : !writable()            ? tr("The database is open read-only.")
                        : m_account->count() == 0 ? tr("Connect an account first.")
                                                  : tr("The days and times this account posts from its queue.");
    m_editSlots->setToolTip(why);
}

void SocialQueue::editSlots()
{
    if (!m_editSlots->isEnabled())
        return;
    const QString zone = m_queue.computerZone ? tr("this computer's time (%1)").arg(m_queue.timeZone) : m_queue.timeZone;
    auto *dialog = new SlotsDialog(accountName(), zone, m_queue.slots, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveSlots(dialog->slots()); });
    dialog->open();
}

void SocialQueue::saveSlots(const QList<Slot> &slots)
{
    const qint64 id = m_accountId;
    write(tr("Queue Slots"), [id, slots](AccountStore &store) { return store.setSlots(id, slots); },
          tr("The queue slots of %1 are saved.").arg(accountName()));
}

void SocialQueue::setTimeZone(const QString &ianaId)
{
    const qint64 id = m_accountId;
    write(tr("Time Zone"), [id, ianaId](AccountStore &store) { return store.setTimeZone(id, ianaId); },
          ianaId.isEmpty() ? tr("The queue of %1 follows this computer's time.").arg(accountName())
                           : tr("The queue of %1 is in %2.").arg(accountName(), ianaId));
}

void SocialQueue::write(const QString &title, std::function<Status(AccountStore &)> change, const QString &done)
{
    if (!writable() || !m_accountId)
        return;
    ++m_busy;
    updateActions();
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [change = std::move(change)](QSqlDatabase &db) {
            AccountStore store(db);
            return change(store);
        },
        [this, title, done](const Status &s) {
            --m_busy;
            if (!s) {
                Dialogs::warning(this, title, s.error().message);
            } else {
                Q_EMIT statusMessage(done);
                Q_EMIT changed();
            }
            reload();
        });
}

} // namespace lux::ui
