// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "users/user.h"
#include "users/userservice.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lux::ui {

class AppSession;
class AuthCard;

// Sign-in at start when the database has users. The Argon2id check runs on a worker thread; a
// remembered sign-in comes from the keychain.
class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(AppSession &session, QWidget *parent = nullptr);

    void reset();
    // Looks for a remembered sign-in for this database in the keychain.
    void tryRemembered();

Q_SIGNALS:
    void signedIn(const lux::User &user);
    void notice(const QString &message); // for the status bar

private:
    void submit();
    void onVerified();
    void setBusy(bool busy, const QString &label = {});
    void showError(const QString &message);

    AppSession &m_session;
    AuthCard *m_card;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    QPushButton *m_signIn;
    QFutureWatcher<bool> m_verify;
    UserService::SignInAttempt m_attempt;
    bool m_busy = false;
};

} // namespace lux::ui
