// SPDX-License-Identifier: GPL-3.0-or-later
#include "setuppage.h"

#include "app/appsession.h"
#include "authcard.h"
#include "users/passwordhasher.h"
#include "users/userservice.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

SetupPage::SetupPage(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    m_card = new AuthCard(this);
    layout->addWidget(m_card);
    m_card->setTitle(tr("Welcome"));

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("setupName"));
    m_name->setPlaceholderText(tr("Your name"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("setupEmail"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("setupPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("At least %n characters", nullptr, UserService::kMinPasswordLength));
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("setupConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Confirm password"), m_confirm);
    m_card->body()->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("setupError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_card->body()->addWidget(m_error);

    m_create = new QPushButton(tr("Create Administrator"), this);
    m_create->setObjectName(QStringLiteral("setupCreate"));
    m_create->setProperty("primary", true);
    m_create->setDefault(true);
    m_card->body()->addWidget(m_create);

    for (QLineEdit *edit : {m_name, m_email, m_password, m_confirm}) {
        connect(edit, &QLineEdit::textChanged, this, &SetupPage::validate);
        connect(edit, &QLineEdit::returnPressed, this, &SetupPage::submit);
    }
    connect(m_create, &QPushButton::clicked, this, &SetupPage::submit);
    connect(&m_hashing, &QFutureWatcher<QString>::finished, this, [this] {
        const auto created = m_session.users()->createUserWithHash(nullptr, m_name->text(), m_email->text(),
                                                                   m_hashing.result(), User::Role::Admin);
        m_password->clear();
        m_confirm->clear();
        m_create->setText(tr("Create Administrator"));
        if (!created) {
            m_error->setText(created.error().message);
            m_error->show();
            validate();
            return;
        }
        Q_EMIT adminCreated(*created);
    });
    validate();
}

void SetupPage::reset()
{
    const QString file = m_session.database() ? QFileInfo(m_session.database()->path()).fileName() : QString();
    m_card->setSubtitle(tr("%1 is a new database. Create its administrator: the account that adds "
                           "everyone else.")
                            .arg(file));
    for (QLineEdit *edit : {m_name, m_email, m_password, m_confirm})
        edit->clear();
    m_error->hide();
    m_name->setFocus();
}

void SetupPage::validate()
{
    QString problem;
    if (!m_email->text().isEmpty())
        if (Status s = UserService::validateEmail(m_email->text()); !s)
            problem = s.error().message;
    if (problem.isEmpty() && !m_password->text().isEmpty())
        if (Status s = UserService::validatePassword(m_password->text()); !s)
            problem = s.error().message;
    if (problem.isEmpty() && !m_confirm->text().isEmpty() && m_confirm->text() != m_password->text())
        problem = tr("The passwords do not match.");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    const bool complete = !m_name->text().trimmed().isEmpty() && !m_email->text().isEmpty()
                          && !m_password->text().isEmpty() && m_confirm->text() == m_password->text();
    m_create->setEnabled(complete && problem.isEmpty() && !m_hashing.isRunning());
}

void SetupPage::submit()
{
    validate();
    if (!m_create->isEnabled())
        return;
    m_create->setEnabled(false);
    m_create->setText(tr("Creating…"));
    m_hashing.setFuture(QtConcurrent::run([pw = m_password->text()] { return PasswordHasher::hash(pw); }));
}

} // namespace lux::ui
