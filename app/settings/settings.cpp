// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QLocale>
#include <QTime>

#include "common/errorcodes.h"
#include "common/logging.h"
#include "storage/database.h"

#include <QHash>

namespace lux {

namespace {

using Scope = Settings::Scope;

struct Entry
{
    const char *name;
    QVariant defaultValue;
    Scope scope = Scope::Person;
};

// Set in app_meta once a database's settings have a home: "inherited" when this user's QSettings
// values were copied in on its first open after the change (it was made before), "own" when it
// started with none.
constexpr QLatin1StringView kScopedMeta{"settings_scoped"};
constexpr QLatin1StringView kInherited{"inherited"};
constexpr QLatin1StringView kOwn{"own"};

const QHash<Settings::Key, Entry> &table()
{
    using K = Settings::Key;
    static const QHash<K, Entry> entries = {
        {K::Language, {"appearance/language", QString()}},
        {K::Theme, {"appearance/theme", QStringLiteral("dark")}},
        {K::MainWindowGeometry, {"window/geometry", QByteArray()}},
        {K::MainWindowState, {"window/state", QByteArray()}},
        {K::SidebarCollapsed, {"window/sidebarCollapsed", false}},
        {K::LastSignInEmail, {"signin/lastEmail", QString()}},
        {K::AutoBackupEnabled, {"backup/automatic", true}},
        {K::AutoBackupIntervalHours, {"backup/intervalHours", 24}},
        {K::AutoBackupKeep, {"backup/keep", 7}},
        {K::BackupDirectory, {"backup/directory", QString()}},
        {K::IntegrityCheckOnStart, {"database/integrityCheckOnStart", false}},
        {K::GraphAuthorityUrl, {"graph/authority_url", QStringLiteral("https://login.microsoftonline.com"), Scope::Database}},
        {K::GraphBaseUrl, {"graph/base_url", QStringLiteral("https://graph.microsoft.com"), Scope::Database}},
        {K::GraphTenant, {"graph/tenant", QString(), Scope::Database}},
        {K::GraphClientId, {"graph/client_id", QString(), Scope::Database}},
        {K::TrackerUrl, {"tracker/url", QString(), Scope::Database}},
        {K::GraphDelegatedMailbox, {"graph/delegated_mailbox", QString(), Scope::PersonInDatabase}},
        {K::MissedSchedules, {"scheduler/missed", QStringLiteral("send")}},
        {K::CloseToTray, {"window/closeToTray", true}},
        {K::MailboxAfterReading, {"mailbox/after_reading", QStringLiteral("read"), Scope::Database}},
        {K::MailboxFolder, {"mailbox/folder", QStringLiteral("LUX processed"), Scope::Database}},
        {K::PreviewAnyLocalImage, {"preview/anyLocalImage", false}},
        {K::TwilioAccountSid, {"twilio/account_sid", QString(), Scope::Database}},
        {K::TwilioApiKeySid, {"twilio/api_key_sid", QString(), Scope::Database}},
        {K::TwilioBaseUrl, {"twilio/base_url", QStringLiteral("https://api.twilio.com"), Scope::Database}},
        {K::SmsQuietStart, {"sms/quiet_start", QStringLiteral("08:00"), Scope::Database}},
        {K::SmsQuietEnd, {"sms/quiet_end", QStringLiteral("21:00"), Scope::Database}},
        {K::SmsStateRules, {"sms/state_rules", true, Scope::Database}},
        {K::SmsSenderName, {"sms/sender_name", QString(), Scope::Database}},
        {K::SmsHelpText, {"sms/help_text", QString(), Scope::Database}},
        {K::SmsDefaultRegion, {"sms/default_region", QString(), Scope::Database}}, // "": this computer's region
        {K::OpenAiBaseUrl, {"openai/base_url", QStringLiteral("https://api.openai.com/v1"), Scope::Database}},
        {K::OpenAiModel, {"openai/model", QStringLiteral("gpt-4o"), Scope::Database}},
        {K::OpenAiImageModel, {"openai/image_model", QStringLiteral("gpt-image-1"), Scope::Database}},
        {K::WooBaseUrl, {"woo/base_url", QString(), Scope::Database}},
        {K::WooCurrency, {"woo/currency", QString(), Scope::Database}},
        {K::AbMinPerVariant, {"abtest/min_per_variant", 500, Scope::Database}},
        {K::EventConfirmHours, {"events/confirm_hours", 48, Scope::Database}},
        {K::AutomationEmailCap, {"automations/email_cap", 2, Scope::Database}},
        {K::AutomationSmsCap, {"automations/sms_cap", 1, Scope::Database}},
        {K::SocialXBaseUrl, {"social/x_base_url", QStringLiteral("https://api.x.com"), Scope::Database}},
        {K::SocialXAuthUrl, {"social/x_auth_url", QStringLiteral("https://x.com/i/oauth2/authorize"), Scope::Database}},
        {K::SocialXClientId, {"social/x_client_id", QString(), Scope::Database}},
        {K::SocialMediaUrlMinutes, {"social/media_url_minutes", 60, Scope::Database}},
        {K::SocialRedirectPort, {"social/redirect_port", 53682, Scope::Person}},
        {K::SocialLinkedInApiUrl, {"social/linkedin_api_url", QStringLiteral("https://api.linkedin.com"), Scope::Database}},
        {K::SocialLinkedInAuthUrl, {"social/linkedin_auth_url", QStringLiteral("https://www.linkedin.com"), Scope::Database}},
        {K::SocialLinkedInClientId, {"social/linkedin_client_id", QString(), Scope::Database}},
        {K::SocialLinkedInVersion, {"social/linkedin_version", QStringLiteral("202611"), Scope::Database}},
        {K::SocialMetaGraphUrl, {"social/meta_graph_url", QStringLiteral("https://graph.facebook.com"), Scope::Database}},
        {K::SocialMetaDialogUrl, {"social/meta_dialog_url", QStringLiteral("https://www.facebook.com"), Scope::Database}},
        {K::SocialMetaAppId, {"social/meta_app_id", QString(), Scope::Database}},
        {K::SocialMetaVersion, {"social/meta_version", QStringLiteral("v21.0"), Scope::Database}},
        {K::SeoTitlePixels, {"seo/title_pixels", 600, Scope::Person}},
        {K::SeoDescriptionPixels, {"seo/description_pixels", 920, Scope::Person}},
        {K::SeoCrawlPauseMs, {"seo/crawl_pause_ms", 300, Scope::Person}},
    };
    return entries;
}

} // namespace

Settings::Settings(QObject *parent) : QObject(parent), m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &iniFile, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

int Settings::minutesOfDay(const QString &hhmm, int fallback)
{
    const QTime t = QTime::fromString(hhmm.trimmed(), QStringLiteral("HH:mm"));
    return t.isValid() ? t.hour() * 60 + t.minute() : fallback;
}

QString Settings::smsDefaultRegion() const
{
    const QString chosen = value(Key::SmsDefaultRegion).toString().trimmed().toUpper();
    if (!chosen.isEmpty())
        return chosen;
    // Not chosen: this computer's region, as the contact editor always read numbers; else the US.
    const QString system = QLocale::territoryToCode(QLocale::system().territory());
    return system.size() == 2 ? system : QStringLiteral("US");
}

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(table().value(key).name);
}

QString Settings::cliName(Key key)
{
    return keyName(key).replace(u'/', u'.');
}

std::optional<Settings::Key> Settings::fromCliName(const QString &name)
{
    for (auto it = table().constBegin(); it != table().constEnd(); ++it)
        if (cliName(it.key()) == name)
            return it.key();
    return std::nullopt;
}

QVariant Settings::defaultValue(Key key)
{
    return table().value(key).defaultValue;
}

Settings::Scope Settings::scope(Key key)
{
    return table().value(key).scope;
}

QString Settings::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Person:
        return QStringLiteral("person");
    case Scope::Database:
        return QStringLiteral("database");
    case Scope::PersonInDatabase:
        return QStringLiteral("person-in-database");
    }
    return {};
}

QList<Settings::Key> Settings::keys()
{
    QList<Key> all = table().keys();
    std::sort(all.begin(), all.end());
    return all;
}

QString Settings::storedName(Key key) const
{
    if (scope(key) == Scope::PersonInDatabase)
        return QStringLiteral("databases/") + m_databaseId + u'/' + keyName(key);
    return keyName(key);
}

QVariant Settings::typed(Key key, QVariant v) const
{
    const QVariant &def = table()[key].defaultValue;
    if (def.isValid() && v.metaType() != def.metaType())
        v.convert(def.metaType()); // INI files and db_settings hand everything back as strings
    return v;
}

QVariant Settings::value(Key key) const
{
    const Entry &e = table()[key];
    switch (e.scope) {
    case Scope::Database: {
        const auto it = m_databaseValues.constFind(cliName(key));
        return it == m_databaseValues.constEnd() ? e.defaultValue : typed(key, *it);
    }
    case Scope::PersonInDatabase:
        if (!isAttached())
            return e.defaultValue;
        break;
    case Scope::Person:
        break;
    }
    return typed(key, m_settings->value(storedName(key), e.defaultValue));
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (this->value(key) == value)
        return;
    if (scope(key) != Scope::Person && !isAttached()) {
        Q_EMIT saveFailed(key, Error(errc::settingsNoDatabase,
                                     tr("%1 belongs to a database, and none is open.").arg(cliName(key))));
        return;
    }
    if (scope(key) == Scope::Database) {
        const QString name = cliName(key);
        const QString text = value.toString();
        if (m_readOnly) {
            Q_EMIT saveFailed(key, Error(errc::settingsReadOnly,
                                         tr("%1 was not changed: the database is open read-only.").arg(name)));
            return;
        }
        const auto before = m_databaseValues.constFind(name);
        const std::optional<QString> previous = before == m_databaseValues.constEnd() ? std::nullopt
                                                                                      : std::optional<QString>(*before);
        m_databaseValues.insert(name, text);
        if (Status s = m_writer(name, text); !s) {
            if (previous)
                m_databaseValues.insert(name, *previous);
            else
                m_databaseValues.remove(name);
            Q_EMIT saveFailed(key, s.error());
            return;
        }
        Q_EMIT changed(key);
        return;
    }
    m_settings->setValue(storedName(key), value);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    if (scope(key) == Scope::Database) {
        setValue(key, defaultValue(key));
        return;
    }
    if (scope(key) == Scope::PersonInDatabase && !isAttached())
        return;
    m_settings->remove(storedName(key));
    Q_EMIT changed(key);
}

void Settings::failedToSave(const QString &name, const Error &error)
{
    if (const auto key = fromCliName(name))
        Q_EMIT saveFailed(*key, error);
}

Status Settings::attach(Database &db, DatabaseWriter writer)
{
    if (db.databaseId().isEmpty())
        return Error(errc::settingsNoDatabase, tr("%1 has no database id yet; open it for writing once.").arg(db.path()));
    QHash<QString, QString> values = db.settings();
    const QString scoped = db.meta(kScopedMeta);
    bool inherited = scoped == kInherited;
    QString adopt; // what to record, when this open decides it
    if (scoped.isEmpty()) {
        // The first open since settings had scopes. A database made before inherits what this user
        // had set (an agency with two clients had one tracker for both: each keeps a copy, and from
        // now on each its own); a new one starts clean.
        inherited = !db.report().created;
        adopt = inherited ? QString(kInherited) : QString(kOwn);
        if (inherited) {
            for (const Key key : keys()) {
                if (scope(key) != Scope::Database || values.contains(cliName(key)) || !m_settings->contains(keyName(key)))
                    continue;
                values.insert(cliName(key), m_settings->value(keyName(key)).toString());
                if (!db.isReadOnly())
                    if (Status s = db.setSetting(cliName(key), values.value(cliName(key)), std::nullopt); !s)
                        return s;
            }
            for (const Key key : keys()) {
                const QString mine = QStringLiteral("databases/") + db.databaseId() + u'/' + keyName(key);
                if (scope(key) == Scope::PersonInDatabase && m_settings->contains(keyName(key)) && !m_settings->contains(mine))
                    m_settings->setValue(mine, m_settings->value(keyName(key)));
            }
        }
        if (!db.isReadOnly())
            if (Status s = db.setMeta(kScopedMeta, adopt); !s)
                return s;
        qCInfo(lcStorage) << "settings of" << db.path() << (inherited ? "inherited from this user's" : "start clean");
    }
    m_databaseId = db.databaseId();
    m_databaseValues = std::move(values);
    m_readOnly = db.isReadOnly();
    m_inheritsUserSecrets = inherited;
    m_writer = writer ? std::move(writer) : DatabaseWriter([&db](const QString &name, const QString &value) {
        return db.setSetting(name, value, std::nullopt);
    });
    Q_EMIT databaseChanged();
    return {};
}

void Settings::detach()
{
    if (!isAttached())
        return;
    m_databaseId.clear();
    m_databaseValues.clear();
    m_writer = {};
    m_readOnly = false;
    m_inheritsUserSecrets = false;
    Q_EMIT databaseChanged();
}

} // namespace lux
