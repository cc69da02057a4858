// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QNetworkAccessManager;
class QPushButton;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace lux::ui {

class AppSession;

// Settings → Sending: the Microsoft Graph connection (tenant, client id, the client secret kept in
// the keychain, the sign-in and Graph addresses for national clouds), lux-tracker's address, the
// sender mailboxes with their limits, and what the scheduler does with schedules missed while the
// app was closed.
class SendingSettings : public QWidget
{
    Q_OBJECT
public:
    explicit SendingSettings(AppSession &session, QWidget *parent = nullptr);

    void addSender(const QString &email, int perMinute, int perDay, int concurrency);
    void saveSecret(const QString &secret);
    // Delegated sending: the user signs in to Microsoft in the browser (`open` receives the URL; the
    // desktop's browser by default), and campaigns from their mailbox alone send as them.
    void signInToMicrosoft(std::function<void(const QUrl &)> open = {});
    void signOutOfMicrosoft();
    QLabel *delegatedStatus() const { return m_delegatedStatus; }
    QTableWidget *sendersTable() const { return m_senders; }
    QLabel *secretStatus() const { return m_secretStatus; }

Q_SIGNALS:
    void sendersLoaded();
    void secretChecked();
    void delegatedChanged(); // signed in or out, or the sign-in failed

private:
    void loadSenders();
    void checkSecret();
    void showDelegated(const QString &message = {});

    AppSession &m_session;
    QLineEdit *m_secret = nullptr;
    QLabel *m_secretStatus = nullptr;
    QTableWidget *m_senders = nullptr;
    QLabel *m_delegatedStatus = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_signOut = nullptr;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace lux::ui
