// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QButtonGroup;
class QLabel;
class QPushButton;
class QStackedWidget;
class QThread;

namespace lux::ui {

class AppSession;
class SignInWorker;

// Connecting social accounts from the window (Social → Accounts → Connect Account…): the network is
// chosen (X; LinkedIn as yourself, or with the organisations you administer; Facebook Pages and their
// Instagram accounts), its consent page opens in the system browser and the answer comes back to the
// loopback port, as `luxctl social connect` does. The sign-in (its listening port, the code exchanged,
// the accounts saved, their tokens in the keychain) runs on a thread of its own with its own
// connection to the database, so the window never waits for the network or the disk. Waiting can be
// cancelled until the network has answered; then the accounts are saved and said.
class ConnectAccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { X, LinkedInMember, LinkedInOrganizations, Meta };
    enum class Stage { Choosing, Waiting, Saving, Connected, Failed };

    explicit ConnectAccountDialog(AppSession &session, QWidget *parent = nullptr);
    ~ConnectAccountDialog() override;

    void choose(Choice choice);
    // Connect: the app's keys read from the keychain, then the sign-in started.
    void start();
    void cancel();
    // What opens the consent page (the system browser; tests open it themselves).
    void setBrowser(std::function<void(const QUrl &)> open) { m_browser = std::move(open); }

    Stage stage() const { return m_stage; }
    QUrl consentUrl() const { return m_consent; }
    QList<qint64> connectedIds() const { return m_connected; }
    QString message() const; // what the dialog says now

    void reject() override;

Q_SIGNALS:
    void stageChanged(Stage stage);
    void accountsConnected(const QList<qint64> &ids);

private:
    void setStage(Stage stage, const QString &message = {});
    void startSignIn(Choice choice, const struct SignInSetup &setup);
    void stopThread();

    AppSession &m_session;
    QButtonGroup *m_choices = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_waiting = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_openAgain = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_close = nullptr;
    QThread *m_thread = nullptr;
    SignInWorker *m_worker = nullptr; // lives on m_thread
    std::function<void(const QUrl &)> m_browser;
    Stage m_stage = Stage::Choosing;
    QUrl m_consent;
    QList<qint64> m_connected;
    QString m_message;
    int m_attempt = 0;
};

} // namespace lux::ui
