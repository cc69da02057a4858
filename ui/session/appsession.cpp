// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsession.h"

#include "tracking/campaigntracking.h"

#include "analytics/overview.h"
#include "common/dbtask.h"
#include "common/logging.h"
#include "contacts/contactbulk.h"
#include "settings/settings.h"
#include "common/errorcodes.h"

#include <QCoroTask>

namespace lux::ui {

AppSession::AppSession(Settings &settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::AutoBackupEnabled || key == Settings::Key::AutoBackupIntervalHours
            || key == Settings::Key::AutoBackupKeep || key == Settings::Key::BackupDirectory)
            applyBackupPolicy();
        // New connection settings apply when nothing is sending (a send under way keeps its own).
        if ((key == Settings::Key::GraphAuthorityUrl || key == Settings::Key::GraphBaseUrl || key == Settings::Key::GraphTenant
             || key == Settings::Key::GraphClientId || key == Settings::Key::TrackerUrl)
            && m_send.isRunning() && !m_sending)
            restartScheduler();
    });
    connect(this, &AppSession::campaignsChanged, this, &AppSession::countActive);
    connect(&m_send, &campaigns::SendService::refreshTokenChanged, this, [this](const QString &token) {
        QCoro::connect(m_secrets.write(Secret::GraphRefreshToken, token), this, [](const Status &s) {
            if (!s)
                qCWarning(lcSecrets) << "could not keep the rotated Microsoft refresh token:" << s.error().message;
        });
    });
    connect(this, &AppSession::databaseChanged, this, &AppSession::countActive);
    connect(&m_send, &campaigns::SendService::campaignStarted, this, [this] {
        m_sending = true;
        Q_EMIT campaignsChanged();
    });
    connect(&m_send, &campaigns::SendService::campaignEnded, this, [this] { Q_EMIT campaignsChanged(); });
    connect(&m_send, &campaigns::SendService::idle, this, [this] {
        m_sending = false;
        Q_EMIT campaignsChanged();
    });
    connect(&m_send, &campaigns::SendService::trackingSynced, this, [this](int events, int, const QString &error) {
        Q_EMIT trackingSynced(events, error);
        if (events > 0)
            Q_EMIT campaignsChanged(); // reports, suppression and contact statuses moved
    });
}

void AppSession::syncTracking()
{
    if (m_send.isRunning())
        m_send.syncTracking();
    else
        Q_EMIT trackingSynced(0, tr("Tracking syncs while a database is open for writing."));
}

void AppSession::countActive()
{
    if (!m_db) {
        m_active = 0;
        Q_EMIT activeCampaignsChanged();
        return;
    }
    runOnDatabase<Result<int>>(
        this, m_db->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) { return analytics::Overview(db).activeCampaigns(); },
        [this](const Result<int> &count) {
            if (!count)
                return;
            m_active = *count;
            Q_EMIT activeCampaignsChanged();
        });
}

campaigns::SendService::Config AppSession::sendConfig() const
{
    campaigns::SendService::Config config;
    config.databasePath = m_db ? m_db->path() : QString();
    config.setup = campaigns::SendSetup::fromSettings(m_settings);
    config.holdMissed = m_settings.holdMissedSchedules();
    return config;
}

bool AppSession::isGraphConfigured() const
{
    // A tracker is not needed: without one, messages unsubscribe by email (the wizard says so).
    return !m_settings.graphTenant().isEmpty() && !m_settings.graphClientId().isEmpty();
}

namespace {
// The service's secrets from the keychain. Runs on the GUI thread, which owns QtKeychain's jobs; the
// store is copied in, so nothing here depends on the session outliving it.
QCoro::Task<campaigns::SendService::Config> withSecrets(SecretStore secrets, campaigns::SendService::Config config)
{
    campaigns::SendSetup setup = config.setup;
    config.setup = co_await campaigns::SendSetup::withSecrets(std::move(secrets), std::move(setup));
    co_return config;
}
} // namespace

void AppSession::startScheduler()
{
    if (!m_db || m_db->isReadOnly() || m_send.isRunning())
        return;
    const int attempt = ++m_starting;
    QCoro::connect(withSecrets(m_secrets, sendConfig()), this, [this, attempt](const campaigns::SendService::Config &ready) {
        if (attempt != m_starting || !m_db || m_send.isRunning() || ready.databasePath != m_db->path())
            return; // closed, restarted or started meanwhile
        m_sending = false;
        m_send.start(ready);
        Q_EMIT schedulerStarted();
    });
}

void AppSession::restartScheduler()
{
    if (m_sending)
        return; // a send under way keeps its connection; the new settings apply at the next start
    m_send.stop();
    startScheduler();
}

AppSession::~AppSession() = default;

Status AppSession::open(const QString &path, Database::Access access)
{
    Database::Options options;
    options.access = access;
    options.backupDir = m_settings.backupDirectory();
    auto opened = Database::open(path, options);
    if (!opened)
        return opened.error();
    close();
    m_db = std::move(opened).value();
    // What belongs to this database (its tracker, its Graph tenant) and its own keychain entries.
    if (Status s = m_settings.attach(*m_db, [this](const QString &name, const QString &value) {
            return queueSettingWrite(name, value);
        });
        !s) {
        m_db.reset();
        return s;
    }
    m_secrets = m_secrets.scopedTo(m_db->databaseId(), m_settings.inheritsUserSecrets());
    m_users = std::make_unique<UserService>(m_db->connection());
    m_users->setReadOnly(m_db->isReadOnly());
    if (!m_db->isReadOnly())
        if (Status s = contacts::ContactBulk::purgeAllTrash(m_db->connection()); !s)
            qCWarning(lcStorage) << "could not purge deleted contacts:" << s.error().message;
    applyBackupPolicy();
    Q_EMIT databaseChanged();
    return {};
}

void AppSession::close()
{
    if (!m_db)
        return;
    m_autoBackup.setPolicy(false, 24, 1);
    ++m_starting;
    m_send.stop(); // a send under way stops between messages; its job is picked up at the next start
    m_sending = false;
    m_user = User();
    m_users.reset();
    m_settings.detach();
    m_secrets = m_secrets.scopedTo({}, false);
    m_db.reset();
    Q_EMIT userChanged();
    Q_EMIT databaseChanged();
}

Status AppSession::queueSettingWrite(const QString &name, const QString &value)
{
    if (!m_db || m_db->isReadOnly())
        return Error(errc::settingsReadOnly, tr("%1 was not changed: the database is open read-only.").arg(name));
    m_settingWrites.insert(name, value);
    writeQueuedSettings();
    return {};
}

void AppSession::writeQueuedSettings()
{
    if (m_writingSettings || m_settingWrites.isEmpty() || !m_db)
        return;
    m_writingSettings = true;
    const QHash<QString, QString> batch = std::exchange(m_settingWrites, {});
    const std::optional<qint64> by = m_user.isValid() ? std::optional<qint64>(m_user.id) : std::nullopt;
    runOnDatabase<Status>(
        this, m_db->path(), storage::ScopedConnection::Mode::ReadWrite,
        [batch, by](QSqlDatabase &db) -> Status {
            for (auto it = batch.constBegin(); it != batch.constEnd(); ++it)
                if (Status s = Database::writeSetting(db, it.key(), it.value(), by); !s)
                    return s;
            return {};
        },
        [this, batch](const Status &s) {
            m_writingSettings = false;
            if (!s)
                for (auto it = batch.constBegin(); it != batch.constEnd(); ++it)
                    m_settings.failedToSave(it.key(), s.error());
            writeQueuedSettings();
        });
}

QString AppSession::backupDir() const
{
    const QString configured = m_settings.backupDirectory();
    if (!configured.isEmpty())
        return configured;
    return m_db ? m_db->backupDir() : QString();
}

void AppSession::applyBackupPolicy()
{
    if (!m_db || m_db->isReadOnly()) {
        m_autoBackup.setPolicy(false, 24, 1);
        return;
    }
    m_autoBackup.setDatabase(m_db->path(), backupDir());
    m_autoBackup.setPolicy(m_settings.autoBackupEnabled(), m_settings.autoBackupIntervalHours(),
                           m_settings.autoBackupKeep());
}

void AppSession::signIn(const User &user)
{
    m_user = user;
    m_settings.setValue(Settings::Key::LastSignInEmail, user.email);
    startScheduler();
    Q_EMIT userChanged();
    Q_EMIT auditChanged();
}

void AppSession::signOut()
{
    if (!isSignedIn())
        return;
    if (m_users && !m_db->isReadOnly()) {
        if (Status s = m_users->forgetRememberToken(m_user.id); !s)
            qWarning("Could not forget the saved sign-in: %s", qPrintable(s.error().message));
        if (Status s = m_users->recordSignOut(m_user); !s)
            qWarning("Could not record the sign-out: %s", qPrintable(s.error().message));
    }
    // The keychain entry goes too; the result does not matter (the token is void already).
    QCoro::connect(m_secrets.remove(rememberSecretKey()), this, [](const Status &) {});
    m_user = User();
    Q_EMIT userChanged();
    Q_EMIT auditChanged();
}

QString AppSession::rememberSecretKey() const
{
    return QStringLiteral("remember-me/") + (m_db ? m_db->databaseId() : QString());
}

} // namespace lux::ui
