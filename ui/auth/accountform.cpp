// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountform.h"

#include "users/userservice.h"

#include <QFormLayout>
#include <QLineEdit>

namespace lux::ui {

AccountForm::AccountForm(Fields fields, QWidget *parent) : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    const auto edit = [this](const char *objectName) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QString::fromLatin1(objectName));
        connect(e, &QLineEdit::textChanged, this, &AccountForm::changed);
        connect(e, &QLineEdit::returnPressed, this, &AccountForm::submitted);
        return e;
    };
    if (fields == Fields::NameEmailPassword) {
        m_name = edit("accountName");
        m_name->setPlaceholderText(tr("Your name"));
        m_email = edit("accountEmail");
        m_email->setPlaceholderText(tr("name@example.com"));
        m_form->addRow(tr("Name"), m_name);
        m_form->addRow(tr("Email"), m_email);
    }
    m_password = edit("accountPassword");
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("At least %n characters", nullptr, UserService::kMinPasswordLength));
    m_confirm = edit("accountConfirm");
    m_confirm->setEchoMode(QLineEdit::Password);
    m_form->addRow(tr("Password"), m_password);
    m_form->addRow(tr("Confirm password"), m_confirm);
}

QString AccountForm::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

QString AccountForm::email() const
{
    return m_email ? m_email->text().trimmed() : QString();
}

QString AccountForm::password() const
{
    return m_password->text();
}

QString AccountForm::problem() const
{
    if (!email().isEmpty())
        if (Status s = UserService::validateEmail(email()); !s)
            return s.error().message;
    if (!password().isEmpty())
        if (Status s = UserService::validatePassword(password()); !s)
            return s.error().message;
    if (!m_confirm->text().isEmpty() && m_confirm->text() != password())
        return tr("The passwords do not match.");
    return {};
}

bool AccountForm::isComplete() const
{
    const bool identity = !m_name || (!name().isEmpty() && !email().isEmpty());
    return identity && !password().isEmpty() && m_confirm->text() == password() && problem().isEmpty();
}

void AccountForm::clear()
{
    for (QLineEdit *e : {m_name, m_email, m_password, m_confirm})
        if (e)
            e->clear();
}

void AccountForm::focusFirst()
{
    (m_name ? m_name : m_password)->setFocus();
}

} // namespace lux::ui
