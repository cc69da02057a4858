// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFormLayout;
class QLineEdit;

namespace lux::ui {

// The fields of an account with validation as you type: name and email (unless only a password is
// asked for), a password and its confirmation. Used by the first-run page and the Users dialogs.
class AccountForm : public QWidget
{
    Q_OBJECT
public:
    enum class Fields { NameEmailPassword, PasswordOnly };

    explicit AccountForm(Fields fields, QWidget *parent = nullptr);

    QString name() const;
    QString email() const;
    QString password() const;
    QFormLayout *layout() const { return m_form; } // for extra rows (the role)

    // The first problem with what is typed so far, or empty. Empty fields are not problems yet.
    QString problem() const;
    bool isComplete() const; // everything filled in and no problem
    void clear();
    void focusFirst();

Q_SIGNALS:
    void changed();
    void submitted(); // Return pressed in a field

private:
    QFormLayout *m_form;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
};

} // namespace lux::ui
