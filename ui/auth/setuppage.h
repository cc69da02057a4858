// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "users/user.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;

namespace lux::ui {

class AccountForm;
class AppSession;
class AuthCard;

// First run of a database: create its administrator.
class SetupPage : public QWidget
{
    Q_OBJECT
public:
    explicit SetupPage(AppSession &session, QWidget *parent = nullptr);

    void reset();

Q_SIGNALS:
    void adminCreated(const lux::User &user);

private:
    void submit();
    void validate();

    AppSession &m_session;
    AuthCard *m_card;
    AccountForm *m_form;
    QLabel *m_error;
    QPushButton *m_create;
    QFutureWatcher<QString> m_hashing;
};

} // namespace lux::ui
