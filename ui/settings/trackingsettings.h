// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace lux::ui {

class AppSession;

// Settings → Tracking: where lux-tracker is, the API token and signing keys it shares with the app
// (both in the keychain), a connection test, and the last pull of its events.
class TrackingSettings : public QWidget
{
    Q_OBJECT
public:
    explicit TrackingSettings(AppSession &session, QWidget *parent = nullptr);

    void saveApiToken(const QString &token);
    // Keys: a new signing key first in the ring (older ones still verify), or a ring pasted in.
    void newKey();
    void saveKeys(const QString &ring);
    void testConnection();

    QLabel *tokenStatus() const { return m_tokenStatus; }
    QLabel *keysStatus() const { return m_keysStatus; }
    QLabel *connectionStatus() const { return m_connectionStatus; }
    QLabel *syncStatus() const { return m_syncStatus; }

Q_SIGNALS:
    void checked(); // a status line changed

private:
    void checkSecrets();
    void showSync();
    void setStatus(QLabel *label, const QString &role, const QString &text);
    void showKeysDialog(const QByteArray &ring);

    AppSession &m_session;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QLabel *m_keysStatus = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QLabel *m_syncStatus = nullptr;
    QPushButton *m_test = nullptr;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace lux::ui
