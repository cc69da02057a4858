// SPDX-License-Identifier: GPL-3.0-or-later
#include "userdialog.h"

#include "users/userservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lux::ui {

UserDialog::UserDialog(Mode mode, QWidget *parent, const QString &forWhom) : QDialog(parent), m_mode(mode)
{
    setWindowTitle(mode == Mode::Add ? tr("Add User") : tr("Reset Password"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (mode == Mode::Add) {
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("userName"));
        m_email = new QLineEdit(this);
        m_email->setObjectName(QStringLiteral("userEmail"));
        m_email->setPlaceholderText(tr("name@example.com"));
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("userRole"));
        m_role->addItem(tr("Member"), int(User::Role::Member));
        m_role->addItem(tr("Administrator"), int(User::Role::Admin));
        form->addRow(tr("Name"), m_name);
        form->addRow(tr("Email"), m_email);
        form->addRow(tr("Role"), m_role);
    } else {
        auto *who = new QLabel(tr("New password for %1.").arg(forWhom), this);
        who->setWordWrap(true);
        layout->addWidget(who);
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("userPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("At least %n characters", nullptr, UserService::kMinPasswordLength));
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("userConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Confirm password"), m_confirm);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Add ? tr("Add User") : tr("Set Password"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_email, m_password, m_confirm})
        if (edit)
            connect(edit, &QLineEdit::textChanged, this, &UserDialog::validate);
    setMinimumWidth(400);
    validate();
}

QString UserDialog::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

QString UserDialog::email() const
{
    return m_email ? m_email->text().trimmed() : QString();
}

QString UserDialog::password() const
{
    return m_password->text();
}

User::Role UserDialog::role() const
{
    return m_role ? static_cast<User::Role>(m_role->currentData().toInt()) : User::Role::Member;
}

void UserDialog::validate()
{
    QString problem;
    bool complete = !m_password->text().isEmpty() && !m_confirm->text().isEmpty();
    if (m_mode == Mode::Add) {
        complete = complete && !name().isEmpty() && !email().isEmpty();
        if (!email().isEmpty())
            if (Status s = UserService::validateEmail(email()); !s)
                problem = s.error().message;
    }
    if (problem.isEmpty() && !m_password->text().isEmpty())
        if (Status s = UserService::validatePassword(m_password->text()); !s)
            problem = s.error().message;
    if (problem.isEmpty() && !m_confirm->text().isEmpty() && m_confirm->text() != m_password->text())
        problem = tr("The passwords do not match.");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && problem.isEmpty());
}

} // namespace lux::ui
