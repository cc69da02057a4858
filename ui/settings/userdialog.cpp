// SPDX-License-Identifier: GPL-3.0-or-later
#include "userdialog.h"

#include "auth/accountform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lux::ui {

UserDialog::UserDialog(Mode mode, QWidget *parent, const QString &forWhom) : QDialog(parent)
{
    setWindowTitle(mode == Mode::Add ? tr("Add User") : tr("Reset Password"));
    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::ResetPassword) {
        auto *who = new QLabel(tr("New password for %1.").arg(forWhom), this);
        who->setWordWrap(true);
        layout->addWidget(who);
    }
    m_form = new AccountForm(mode == Mode::Add ? AccountForm::Fields::NameEmailPassword : AccountForm::Fields::PasswordOnly,
                             this);
    if (mode == Mode::Add) {
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("userRole"));
        m_role->addItem(tr("Member"), int(User::Role::Member));
        m_role->addItem(tr("Administrator"), int(User::Role::Admin));
        m_form->layout()->insertRow(2, tr("Role"), m_role);
    }
    layout->addWidget(m_form);

    m_error = new QLabel(this);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Add ? tr("Add User") : tr("Set Password"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &AccountForm::changed, this, &UserDialog::validate);
    setMinimumWidth(400);
    validate();
}

QString UserDialog::name() const
{
    return m_form->name();
}

QString UserDialog::email() const
{
    return m_form->email();
}

QString UserDialog::password() const
{
    return m_form->password();
}

User::Role UserDialog::role() const
{
    return m_role ? static_cast<User::Role>(m_role->currentData().toInt()) : User::Role::Member;
}

void UserDialog::validate()
{
    const QString problem = m_form->problem();
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_form->isComplete());
}

} // namespace lux::ui
