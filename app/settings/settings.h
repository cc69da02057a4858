// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSettings>
#include <QUrl>
#include <QVariant>

#include <optional>

#include <memory>

namespace lux {

// Per-machine preferences, typed: one key enum, one table of names and defaults, one change signal.
// Secrets never pass through here; they belong to SecretStore.
class Settings : public QObject
{
    Q_OBJECT
public:
    enum class Key {
        Language,                // "" follows the system, else "en", "es"
        Theme,                   // "dark" or "light"
        MainWindowGeometry,
        MainWindowState,
        SidebarCollapsed,
        LastSignInEmail,
        AutoBackupEnabled,
        AutoBackupIntervalHours,
        AutoBackupKeep,
        BackupDirectory,         // "" means backups/ beside the database
        IntegrityCheckOnStart,   // also after a clean shutdown
        GraphAuthorityUrl,       // Microsoft sign-in; national clouds and tests change it
        GraphBaseUrl,            // Microsoft Graph
        GraphTenant,
        GraphClientId,
        TrackerUrl,              // lux-tracker's public address (unsubscribe links)
        GraphDelegatedMailbox,   // the user signed in to send as themselves (refresh token in the keychain)
        MissedSchedules,         // "send": what came due while closed goes at the next start; "wait"
        CloseToTray,             // closing the window while campaigns are due keeps sending from the tray
    };
    Q_ENUM(Key)

    // Uses the platform's user settings location for the application.
    explicit Settings(QObject *parent = nullptr);
    // Uses an explicit INI file (tests, portable installs).
    explicit Settings(const QString &iniFile, QObject *parent = nullptr);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    static QVariant defaultValue(Key key);
    static QString keyName(Key key);
    // The name luxctl uses: the key's name with dots, as in graph.base_url.
    static QString cliName(Key key);
    static std::optional<Key> fromCliName(const QString &name);

    // One typed getter a key: callers never convert a QVariant themselves.
    QString language() const { return value(Key::Language).toString(); }
    QString theme() const { return value(Key::Theme).toString(); }
    QByteArray mainWindowGeometry() const { return value(Key::MainWindowGeometry).toByteArray(); }
    QByteArray mainWindowState() const { return value(Key::MainWindowState).toByteArray(); }
    bool sidebarCollapsed() const { return value(Key::SidebarCollapsed).toBool(); }
    QString lastSignInEmail() const { return value(Key::LastSignInEmail).toString(); }
    bool autoBackupEnabled() const { return value(Key::AutoBackupEnabled).toBool(); }
    int autoBackupIntervalHours() const { return value(Key::AutoBackupIntervalHours).toInt(); }
    int autoBackupKeep() const { return value(Key::AutoBackupKeep).toInt(); }
    QString backupDirectory() const { return value(Key::BackupDirectory).toString(); }
    bool integrityCheckOnStart() const { return value(Key::IntegrityCheckOnStart).toBool(); }
    QUrl graphAuthorityUrl() const { return QUrl(value(Key::GraphAuthorityUrl).toString()); }
    QUrl graphBaseUrl() const { return QUrl(value(Key::GraphBaseUrl).toString()); }
    QString graphTenant() const { return value(Key::GraphTenant).toString(); }
    QString graphClientId() const { return value(Key::GraphClientId).toString(); }
    QString trackerUrl() const { return value(Key::TrackerUrl).toString(); }
    QString graphDelegatedMailbox() const { return value(Key::GraphDelegatedMailbox).toString().trimmed().toLower(); }
    // Jobs that came due while the app was closed wait for the user ("wait") instead of going at once.
    bool holdMissedSchedules() const { return value(Key::MissedSchedules).toString() == QLatin1String("wait"); }
    bool closeToTray() const { return value(Key::CloseToTray).toBool(); }

    QString fileName() const { return m_settings->fileName(); }
    void sync() { m_settings->sync(); }

Q_SIGNALS:
    void changed(lux::Settings::Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace lux
