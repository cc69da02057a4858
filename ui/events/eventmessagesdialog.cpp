// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventmessagesdialog.h"

#include "common/dbtask.h"
#include "session/appsession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lux::ui {

EventMessagesDialog::EventMessagesDialog(AppSession &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("eventMessagesDialog"));
    setWindowTitle(tr("Event Messages"));
    resize(900, 560);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(22, 18, 22, 16);
    layout->setSpacing(12);
    auto *heading = new QLabel(tr("Event Messages"), this);
    heading->setProperty("role", QStringLiteral("title"));
    layout->addWidget(heading);
    auto *intro = new QLabel(tr("What registrants receive, in each event's language. The details, the buttons, the calendar invite and "
                                "the ticket are added around your text."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    m_kinds = new QListWidget(this);
    m_kinds->setObjectName(QStringLiteral("eventMessageKinds"));
    for (const events::MailKind k : events::allMailKinds()) {
        auto *item = new QListWidgetItem(kindLabel(k), m_kinds);
        item->setData(Qt::UserRole, int(k));
    }
    m_kinds->setFixedWidth(280);
    m_kinds->setSpacing(4);
    row->addWidget(m_kinds);
    auto *editor = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("eventMessageLanguage"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    form->addRow(tr("&Language:"), m_language);
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("eventMessageSubject"));
    form->addRow(tr("&Subject:"), m_subject);
    editor->addLayout(form);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("eventMessageBody"));
    editor->addWidget(m_body, 1);
    m_about = new QLabel(this);
    m_about->setWordWrap(true);
    m_about->setProperty("role", QStringLiteral("muted"));
    m_about->setText(tr("Paragraphs are separated by a blank line. Merge tags: %1.")
                         .arg(QStringLiteral("{{") + events::EventMail::fields().join(QStringLiteral("}}, {{")) + QStringLiteral("}}")));
    editor->addWidget(m_about);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("eventMessageError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->hide();
    editor->addWidget(m_error);
    row->addLayout(editor, 1);
    layout->addLayout(row, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reset = buttons->addButton(tr("Back to the Starter"), QDialogButtonBox::ResetRole);
    m_reset->setObjectName(QStringLiteral("eventMessageReset"));
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("eventMessageSave"));
    m_save->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &EventMessagesDialog::save);
    connect(m_reset, &QPushButton::clicked, this, &EventMessagesDialog::reset);
    connect(m_kinds, &QListWidget::currentRowChanged, this, &EventMessagesDialog::load);
    connect(m_language, &QComboBox::currentIndexChanged, this, &EventMessagesDialog::load);

    m_writable = m_session.hasDatabase() && !m_session.database()->isReadOnly();
    if (!m_writable) {
        m_error->setText(m_session.hasDatabase() ? tr("The database is open read-only.") : tr("Open a database first."));
        m_error->show();
    }
    m_kinds->setCurrentRow(0);
}

QString EventMessagesDialog::kindLabel(events::MailKind kind)
{
    switch (kind) {
    case events::MailKind::ConfirmAddress:
        return tr("Confirm the address (double opt-in)");
    case events::MailKind::Confirmation:
        return tr("Confirmation, with the invite and ticket");
    case events::MailKind::Waiting:
        return tr("On the waiting list");
    case events::MailKind::Promotion:
        return tr("A seat came free");
    case events::MailKind::Update:
        return tr("The event changed");
    case events::MailKind::Cancellation:
        return tr("Cancellation");
    case events::MailKind::Reminder:
        return tr("Reminder");
    case events::MailKind::Lapsed:
        return tr("Place released (not confirmed in time)");
    }
    return {};
}

events::MailKind EventMessagesDialog::currentKind() const
{
    const QListWidgetItem *item = m_kinds->currentItem();
    return item ? events::MailKind(item->data(Qt::UserRole).toInt()) : events::MailKind::Confirmation;
}

QString EventMessagesDialog::currentLanguage() const
{
    return m_language->currentData().toString();
}

void EventMessagesDialog::setBusy(bool busy)
{
    m_save->setEnabled(!busy && m_writable);
    m_reset->setEnabled(!busy && m_writable && !m_starter);
    m_kinds->setEnabled(!busy);
    m_language->setEnabled(!busy);
}

void EventMessagesDialog::load()
{
    if (!m_session.hasDatabase())
        return;
    const events::MailKind kind = currentKind();
    const QString language = currentLanguage();
    setBusy(true);
    using Loaded = Result<events::MailTemplate>;
    runOnDatabase<Loaded>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [kind, language](QSqlDatabase &db) -> Loaded { return events::EventMail(db).mailTemplate(kind, language); },
        [this, kind, language](const Loaded &loaded) {
            if (kind != currentKind() || language != currentLanguage())
                return; // the user moved on meanwhile; that load follows
            if (!loaded) {
                m_error->setText(loaded.error().message);
                m_error->show();
                setBusy(false);
                return;
            }
            m_subject->setText(loaded->subject);
            m_body->setPlainText(loaded->body);
            const events::MailTemplate starter = events::EventMail::starter(kind, language);
            m_starter = loaded->subject == starter.subject && loaded->body == starter.body;
            if (m_writable)
                m_error->hide();
            setBusy(false);
        });
}

void EventMessagesDialog::save()
{
    const events::MailKind kind = currentKind();
    const QString language = currentLanguage();
    const events::MailTemplate t{m_subject->text(), m_body->toPlainText()};
    setBusy(true);
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [kind, language, t](QSqlDatabase &db) -> Status { return events::EventMail(db).setTemplate(kind, language, t); },
        [this](const Status &saved) {
            if (!saved) { // the tag and where it is, the text kept as typed
                m_error->setText(saved.error().message);
                m_error->show();
                setBusy(false);
                return;
            }
            m_error->hide();
            load();
        });
}

void EventMessagesDialog::reset()
{
    const events::MailKind kind = currentKind();
    const QString language = currentLanguage();
    setBusy(true);
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [kind, language](QSqlDatabase &db) -> Status { return events::EventMail(db).resetTemplate(kind, language); },
        [this](const Status &done) {
            if (!done) {
                m_error->setText(done.error().message);
                m_error->show();
            }
            load();
        });
}

} // namespace lux::ui
