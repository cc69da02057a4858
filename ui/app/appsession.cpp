// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsession.h"

#include "common/logging.h"
#include "contacts/contactbulk.h"
#include "settings/settings.h"

#include <QCoroTask>

namespace lux::ui {

AppSession::AppSession(Settings &settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::AutoBackupEnabled || key == Settings::Key::AutoBackupIntervalHours
            || key == Settings::Key::AutoBackupKeep || key == Settings::Key::BackupDirectory)
            applyBackupPolicy();
    });
}

AppSession::~AppSession() = default;

Status AppSession::open(const QString &path, Database::Access access)
{
    Database::Options options;
    options.access = access;
    options.backupDir = m_settings.value(Settings::Key::BackupDirectory).toString();
    auto opened = Database::open(path, options);
    if (!opened)
        return opened.error();
    close();
    m_db = std::move(opened).value();
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
    m_user = User();
    m_users.reset();
    m_db.reset();
    Q_EMIT userChanged();
    Q_EMIT databaseChanged();
}

QString AppSession::backupDir() const
{
    const QString configured = m_settings.value(Settings::Key::BackupDirectory).toString();
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
