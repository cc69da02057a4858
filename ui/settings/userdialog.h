// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "users/user.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace lux::ui {

class AccountForm;

// Adds a user, or sets a new password for one (mode ResetPassword shows only the password fields).
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, ResetPassword };
    UserDialog(Mode mode, QWidget *parent = nullptr, const QString &forWhom = {});

    QString name() const;
    QString email() const;
    QString password() const;
    User::Role role() const;

private:
    void validate();

    AccountForm *m_form;
    QComboBox *m_role = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace lux::ui
