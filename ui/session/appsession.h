// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/sendservice.h"
#include "common/result.h"
#include "secrets/secretstore.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "users/user.h"
#include "users/userservice.h"

#include <QObject>

#include <memory>

namespace lux {
class Settings;
}

namespace lux::ui {

// What the window works on: the open database, its users, the signed-in user, the keychain and the
// automatic backups. Pages get it by reference and react to its signals.
class AppSession : public QObject
{
    Q_OBJECT
public:
    explicit AppSession(Settings &settings, QObject *parent = nullptr);
    ~AppSession() override;

    Status open(const QString &path, Database::Access access);
    void close();

    bool hasDatabase() const { return m_db != nullptr; }
    Database *database() const { return m_db.get(); }
    UserService *users() const { return m_users.get(); }
    Settings &settings() const { return m_settings; }
    SecretStore &secrets() { return m_secrets; }
    storage::AutoBackup &autoBackup() { return m_autoBackup; }
    QString backupDir() const;

    const User &user() const { return m_user; }
    bool isSignedIn() const { return m_user.isValid(); }
    bool isAdmin() const { return isSignedIn() && m_user.isAdmin(); }
    void signIn(const User &user);
    // Pull lux-tracker's events now (the scheduler also does every minute).
    void syncTracking();
    void signOut();

    // Keychain entry holding this database's remember-me token on this computer.
    QString rememberSecretKey() const;

    void applyBackupPolicy();

    // The scheduler: runs while a writable database is open and someone has signed in to it (it
    // keeps running after a sign-out and with the window hidden, until the database closes).
    campaigns::SendService &sendService() { return m_send; }
    bool isSending() const { return m_sending; }
    int activeCampaigns() const { return m_active; } // scheduled or sending, as last counted
    campaigns::SendService::Config sendConfig() const;
    // The Microsoft Graph settings are filled in (the secret is looked up when a campaign sends).
    bool isGraphConfigured() const;
    // Stops the scheduler (between messages) and starts it again with the settings and the keychain's
    // secret as they are now; for when they changed.
    void restartScheduler();

Q_SIGNALS:
    void databaseChanged();
    void userChanged();
    void auditChanged();
    void campaignsChanged(); // a campaign or its outbox changed (here, or by the scheduler)
    void activeCampaignsChanged();
    // A pull from lux-tracker ended (events pulled, or why not).
    void trackingSynced(int events, const QString &error);
    // The scheduler started with the secrets just read; without a tracker the signing keys may have
    // been made for it then (SendSetup::withSecrets).
    void schedulerStarted();
    // The assistant's server, models or API key changed (Settings → Assistant): the panel reads its
    // setup again.
    void assistantSetupChanged();

private:
    Settings &m_settings;
    SecretStore m_secrets;
    storage::AutoBackup m_autoBackup;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserService> m_users;
    User m_user;
    campaigns::SendService m_send;
    bool m_sending = false;
    int m_active = 0;
    void startScheduler();
    int m_starting = 0;
    void countActive();
    // Database settings changed in the window are written by a worker, the latest value of each key,
    // one batch at a time in order.
    Status queueSettingWrite(const QString &name, const QString &value);
    void writeQueuedSettings();
    QHash<QString, QString> m_settingWrites;
    bool m_writingSettings = false;
};

} // namespace lux::ui
