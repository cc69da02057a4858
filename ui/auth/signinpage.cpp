// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinpage.h"

#include "authcard.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "users/passwordhasher.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroTask>

namespace lux::ui {

SignInPage::SignInPage(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    m_card = new AuthCard(this);
    layout->addWidget(m_card);
    m_card->setTitle(tr("Sign in"));

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("signInEmail"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Password"), m_password);
    m_card->body()->addLayout(form);

    m_remember = new QCheckBox(tr("Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("signInRemember"));
    m_remember->setToolTip(tr("Keeps a sign-in token in the system keychain until you sign out."));
    m_card->body()->addWidget(m_remember);

    m_error = m_card->addErrorLabel(QStringLiteral("signInError"));

    m_signIn = new QPushButton(tr("Sign In"), this);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setProperty("primary", true);
    m_signIn->setDefault(true);
    m_card->body()->addWidget(m_signIn);

    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_email, &QLineEdit::returnPressed, this, [this] { m_password->setFocus(); });
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(&m_verify, &QFutureWatcher<bool>::finished, this, &SignInPage::onVerified);
}

void SignInPage::reset()
{
    const Database *db = m_session.database();
    QString subtitle = tr("Sign in to %1.").arg(db ? QFileInfo(db->path()).fileName() : QString());
    if (db && db->isReadOnly())
        subtitle += QLatin1Char(' ') + tr("It is open read-only.");
    m_card->setSubtitle(subtitle);
    m_email->setText(m_session.settings().lastSignInEmail());
    m_password->clear();
    m_remember->setEnabled(db && !db->isReadOnly());
    m_remember->setChecked(false);
    m_error->hide();
    setBusy(false);
    (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
}

void SignInPage::setBusy(bool busy, const QString &label)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signIn->setText(busy ? label : tr("Sign In"));
}

void SignInPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInPage::submit()
{
    if (m_busy || !m_session.users())
        return;
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your email and password."));
        return;
    }
    const auto attempt = m_session.users()->beginSignIn(m_email->text());
    if (!attempt) {
        showError(attempt.error().message);
        return;
    }
    m_attempt = *attempt;
    showError({});
    setBusy(true, tr("Signing in…"));
    m_verify.setFuture(QtConcurrent::run(
        [hash = m_attempt.passwordHash, pw = m_password->text()] { return PasswordHasher::verify(hash, pw); }));
}

void SignInPage::onVerified()
{
    if (!m_session.users())
        return;
    const auto result = m_session.users()->finishSignIn(m_attempt, m_verify.result());
    Q_EMIT m_session.auditChanged();
    setBusy(false);
    m_password->clear();
    if (!result) {
        showError(result.error().message);
        m_password->setFocus();
        return;
    }
    if (m_remember->isChecked()) {
        const auto token = m_session.users()->issueRememberToken(*result);
        if (token) {
            const User user = *result;
            QCoro::connect(m_session.secrets().write(m_session.rememberSecretKey(), *token), this,
                           [this, user](const Status &stored) {
                               if (!stored) {
                                   if (m_session.users())
                                       (void)m_session.users()->forgetRememberToken(user.id);
                                   Q_EMIT notice(tr("You are signed in, but not remembered: %1")
                                                     .arg(stored.error().message));
                               }
                           });
        }
    }
    Q_EMIT signedIn(*result);
}

void SignInPage::tryRemembered()
{
    if (!m_session.database() || m_session.database()->databaseId().isEmpty())
        return;
    setBusy(true, tr("Signing in…"));
    const QString key = m_session.rememberSecretKey();
    QCoro::connect(m_session.secrets().read(key), this, [this, key](const Result<QString> &token) {
        setBusy(false);
        if (!token || !m_session.users() || key != m_session.rememberSecretKey())
            return; // nothing remembered, or no keychain: sign in by hand
        const auto user = m_session.users()->signInWithRememberToken(*token);
        if (!user) {
            // A stale token (password reset, account disabled, database replaced): drop it.
            QCoro::connect(m_session.secrets().remove(key), this, [](const Status &) {});
            return;
        }
        Q_EMIT signedIn(*user);
    });
}

} // namespace lux::ui
