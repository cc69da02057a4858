// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
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
    QTableWidget *sendersTable() const { return m_senders; }
    QLabel *secretStatus() const { return m_secretStatus; }

Q_SIGNALS:
    void sendersLoaded();
    void secretChecked();

private:
    void loadSenders();
    void checkSecret();

    AppSession &m_session;
    QLineEdit *m_secret = nullptr;
    QLabel *m_secretStatus = nullptr;
    QTableWidget *m_senders = nullptr;
};

} // namespace lux::ui
