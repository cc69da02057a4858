// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QHash>
#include <QObject>
#include <QSettings>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace lux {

class Database;

// Every setting, typed: one key enum, one table of names, defaults and scopes, one change signal.
// A key's scope says where it lives:
//  - Person: the user's own preferences on this computer (QSettings): theme, language, window,
//    backups, what to do with missed schedules.
//  - Database: what belongs to the marketing database and travels with it (the db_settings table):
//    the tracker's address, the Graph tenant, client id and addresses. A teammate who opens a shared
//    database gets them; two databases (an agency's two clients) keep their own.
//  - PersonInDatabase: the person's own state for one database (QSettings, under the database's
//    id): the mailbox they signed in with for delegated sending, whose refresh token is theirs.
// Secrets never pass through here; they belong to SecretStore, keyed by the same database id.
class Settings : public QObject
{
    Q_OBJECT
public:
    enum class Scope { Person, Database, PersonInDatabase };
    Q_ENUM(Scope)

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
        MailboxAfterReading,     // what is done with a message read from a sender mailbox: "read" (mark) or "move"
        MailboxFolder,           // the folder "move" puts them in (made at the top of the mailbox when missing)
        PreviewAnyLocalImage,    // the preview shows local images from anywhere, not only the template's folders
        TwilioAccountSid,        // AC…: the Twilio account texts go through
        TwilioApiKeySid,         // SK…: an API key of that account (its secret in the keychain); "" uses the Auth Token
        TwilioBaseUrl,           // Twilio's REST API; tests and proxies change it
        SmsQuietStart,           // "08:00": no marketing text before this in the recipient's local time
        SmsQuietEnd,             // "21:00": nor after this
        SmsStateRules,           // the stricter US state windows apply (data table, docs/sms.md)
        SmsSenderName,           // the name every marketing text starts with (CTIA)
        SmsHelpText,             // the answer to HELP and INFO (lux-tracker sends it)
        SmsDefaultRegion,        // ISO 3166 region for numbers written without a country code ("": this computer's)
        OpenAiBaseUrl,           // the assistant's OpenAI-compatible server, with its version ("…/v1")
        OpenAiModel,             // the chat model ("gpt-4o", "llama3.1" on Ollama …)
        OpenAiImageModel,        // the image model ("gpt-image-1", "dall-e-3")
        WooBaseUrl,              // the WooCommerce store's address (https://shop.example); "" : no store
        WooCurrency,             // the store's currency (ISO 4217) when its settings cannot be read; "" : ask the store
        AbMinPerVariant,         // an A/B test declares no winner before each variant has this many delivered messages (500)
        EventConfirmHours,       // a registration waiting for its address to be confirmed keeps its seat this long (48)
        AutomationEmailCap,      // marketing emails one contact gets a day at most, campaigns and workflows together (0: no cap)
        AutomationSmsCap,        // marketing texts one contact gets a day at most (0: no cap)
        SocialXBaseUrl,          // X's API (https://api.x.com); tests and proxies change it
        SocialXAuthUrl,          // X's sign-in page (https://x.com/i/oauth2/authorize)
        SocialXClientId,         // the X app's OAuth 2.0 client id (its secret, if any, in the keychain)
        SocialMediaUrlMinutes,   // how long lux-tracker's links to a post's pictures work (60)
        SocialRedirectPort,      // the loopback port a network's sign-in comes back to (53682; registered with each app)
        SocialLinkedInApiUrl,    // LinkedIn's API (https://api.linkedin.com)
        SocialLinkedInAuthUrl,   // LinkedIn's sign-in host (https://www.linkedin.com)
        SocialLinkedInClientId,  // the LinkedIn app's client id (its secret in the keychain)
        SocialLinkedInVersion,   // the LinkedIn-Version header, YYYYMM (LinkedIn retires each after about a year)
        SocialMetaGraphUrl,      // Meta's Graph API (https://graph.facebook.com), Facebook Pages and Instagram
        SocialMetaDialogUrl,     // Facebook Login's dialog host (https://www.facebook.com)
        SocialMetaAppId,         // the Meta app's id (its secret in the keychain)
        SocialMetaVersion,       // the Graph API version in every path (v21.0; Meta keeps each about two years)
        SeoTitlePixels,          // the width a search result's title shows before it is cut (600 px of 20 px Arial)
        SeoDescriptionPixels,    // the same for its description (920 px of 14 px Arial, desktop)
        SeoCrawlPauseMs,         // the site crawl's pause between two requests to the site (300 ms)
    };
    Q_ENUM(Key)

    // Uses the platform's user settings location for the application.
    explicit Settings(QObject *parent = nullptr);
    // Uses an explicit INI file (tests, portable installs).
    explicit Settings(const QString &iniFile, QObject *parent = nullptr);

    // A Database or PersonInDatabase key reads its default and cannot be changed while no database
    // is attached; setValue() then reports saveFailed() (the window always has one open).
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    static QVariant defaultValue(Key key);
    static QString keyName(Key key);
    // The name luxctl uses: the key's name with dots, as in graph.base_url. A Database key is stored
    // under this name in db_settings.
    static QString cliName(Key key);
    static std::optional<Key> fromCliName(const QString &name);
    static Scope scope(Key key);
    static QString scopeName(Scope scope); // "person", "database", "person-in-database"
    static QList<Key> keys();

    // How a change to a Database key is kept: written at once (luxctl), or handed to a worker (the
    // app; a failure then comes back through failedToSave()). An error returned here is reported
    // through saveFailed() and the change is undone.
    using DatabaseWriter = std::function<Status(const QString &name, const QString &value)>;

    // Binds the Database keys to `db` (its db_settings, read once here) and the PersonInDatabase keys
    // to its id. On the first open of a database made before settings had scopes, the values this
    // user had in QSettings are copied into it (and the person's delegated mailbox under its id), so
    // nothing they set is lost; a new database starts from the defaults. Without `writer`, changes
    // are written through `db` at once. A read-only database reads the same values and refuses changes.
    Status attach(Database &db, DatabaseWriter writer = {});
    void detach();
    bool isAttached() const { return !m_databaseId.isEmpty(); }
    QString databaseId() const { return m_databaseId; }
    // Whether the attached database was made before settings had scopes: its secrets may still be in
    // the keychain's unscoped entries (SecretStore reads those when the database's own are missing).
    bool inheritsUserSecrets() const { return m_inheritsUserSecrets; }
    // For an asynchronous writer: the write of `name` failed after setValue() returned.
    void failedToSave(const QString &name, const Error &error);

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
    // Bounces, replies and unsubscribe mails read from a sender mailbox are moved to mailboxFolder()
    // rather than marked read. Never deleted.
    bool mailboxMovesRead() const { return value(Key::MailboxAfterReading).toString() == QLatin1String("move"); }
    QString mailboxFolder() const { return value(Key::MailboxFolder).toString().trimmed(); }
    // The email preview reads local images (file: URLs, paths) wherever this account can read them.
    // Off: only from the template's folder and the media library, so a template cannot show what
    // else is on this computer.
    bool previewAnyLocalImage() const { return value(Key::PreviewAnyLocalImage).toBool(); }
    QString twilioAccountSid() const { return value(Key::TwilioAccountSid).toString().trimmed(); }
    QString twilioApiKeySid() const { return value(Key::TwilioApiKeySid).toString().trimmed(); }
    QUrl twilioBaseUrl() const { return QUrl(value(Key::TwilioBaseUrl).toString()); }
    QUrl openAiBaseUrl() const { return QUrl(value(Key::OpenAiBaseUrl).toString().trimmed()); }
    QString openAiModel() const { return value(Key::OpenAiModel).toString().trimmed(); }
    QString openAiImageModel() const { return value(Key::OpenAiImageModel).toString().trimmed(); }
    QUrl wooBaseUrl() const { return QUrl(value(Key::WooBaseUrl).toString().trimmed()); }
    QString wooCurrency() const { return value(Key::WooCurrency).toString().trimmed().toUpper(); }
    qint64 abMinPerVariant() const { return std::max<qint64>(1, value(Key::AbMinPerVariant).toLongLong()); }
    int eventConfirmHours() const { return std::clamp(value(Key::EventConfirmHours).toInt(), 1, 24 * 30); }
    int automationEmailCap() const { return std::clamp(value(Key::AutomationEmailCap).toInt(), 0, 100); }
    int automationSmsCap() const { return std::clamp(value(Key::AutomationSmsCap).toInt(), 0, 100); }
    QUrl socialXBaseUrl() const { return QUrl(value(Key::SocialXBaseUrl).toString().trimmed()); }
    QUrl socialXAuthUrl() const { return QUrl(value(Key::SocialXAuthUrl).toString().trimmed()); }
    QString socialXClientId() const { return value(Key::SocialXClientId).toString().trimmed(); }
    // Instagram and Facebook fetch a picture while they make the post, sometimes minutes later.
    int socialMediaUrlMinutes() const { return std::clamp(value(Key::SocialMediaUrlMinutes).toInt(), 10, 24 * 60); }
    QUrl socialLinkedInApiUrl() const { return QUrl(value(Key::SocialLinkedInApiUrl).toString().trimmed()); }
    QUrl socialLinkedInAuthUrl() const { return QUrl(value(Key::SocialLinkedInAuthUrl).toString().trimmed()); }
    QString socialLinkedInClientId() const { return value(Key::SocialLinkedInClientId).toString().trimmed(); }
    QString socialLinkedInVersion() const { return value(Key::SocialLinkedInVersion).toString().trimmed(); }
    QUrl socialMetaGraphUrl() const { return QUrl(value(Key::SocialMetaGraphUrl).toString().trimmed()); }
    QUrl socialMetaDialogUrl() const { return QUrl(value(Key::SocialMetaDialogUrl).toString().trimmed()); }
    QString socialMetaAppId() const { return value(Key::SocialMetaAppId).toString().trimmed(); }
    QString socialMetaVersion() const { return value(Key::SocialMetaVersion).toString().trimmed(); }
    // Google publishes no limits; these are what tools measure on its results page (docs/SEO.md).
    int seoTitlePixels() const { return std::clamp(value(Key::SeoTitlePixels).toInt(), 200, 2000); }
    int seoDescriptionPixels() const { return std::clamp(value(Key::SeoDescriptionPixels).toInt(), 200, 4000); }
    // The site crawl waits this long between the starts of two requests to the site (docs/SEO.md, "Site crawl").
    int seoCrawlPauseMs() const { return std::clamp(value(Key::SeoCrawlPauseMs).toInt(), 100, 10'000); }
    quint16 socialRedirectPort() const { return quint16(std::clamp(value(Key::SocialRedirectPort).toInt(), 1024, 65535)); }
    // The quiet-hours window as minutes after midnight, local to the recipient: [start, end).
    int smsQuietStartMinutes() const { return minutesOfDay(value(Key::SmsQuietStart).toString(), 8 * 60); }
    int smsQuietEndMinutes() const { return minutesOfDay(value(Key::SmsQuietEnd).toString(), 21 * 60); }
    bool smsStateRules() const { return value(Key::SmsStateRules).toBool(); }
    QString smsSenderName() const { return value(Key::SmsSenderName).toString().trimmed(); }
    QString smsHelpText() const { return value(Key::SmsHelpText).toString().trimmed(); }
    // Where numbers written without a country code are read (imports, the contact editor, test texts):
    // the region chosen in Settings → SMS, else this computer's.
    QString smsDefaultRegion() const;
    // "HH:MM" as minutes after midnight; `fallback` for anything else.
    static int minutesOfDay(const QString &hhmm, int fallback);

    QString fileName() const { return m_settings->fileName(); }
    void sync() { m_settings->sync(); }

Q_SIGNALS:
    void changed(lux::Settings::Key key);
    void saveFailed(lux::Settings::Key key, const lux::Error &error);
    // A database was attached or detached: every Database key may have changed.
    void databaseChanged();

private:
    QString storedName(Key key) const; // QSettings key of a Person or PersonInDatabase key
    QVariant typed(Key key, QVariant v) const;

    std::unique_ptr<QSettings> m_settings;
    QString m_databaseId;
    QHash<QString, QString> m_databaseValues; // Database keys by cliName
    DatabaseWriter m_writer;
    bool m_readOnly = false;
    bool m_inheritsUserSecrets = false;
};

} // namespace lux
