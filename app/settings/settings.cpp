// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QHash>

namespace lux {

namespace {

struct Entry
{
    const char *name;
    QVariant defaultValue;
};

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
        {K::GraphAuthorityUrl, {"graph/authority_url", QStringLiteral("https://login.microsoftonline.com")}},
        {K::GraphBaseUrl, {"graph/base_url", QStringLiteral("https://graph.microsoft.com")}},
        {K::GraphTenant, {"graph/tenant", QString()}},
        {K::GraphClientId, {"graph/client_id", QString()}},
        {K::TrackerUrl, {"tracker/url", QString()}},
        {K::GraphDelegatedMailbox, {"graph/delegated_mailbox", QString()}},
        {K::MissedSchedules, {"scheduler/missed", QStringLiteral("send")}},
        {K::CloseToTray, {"window/closeToTray", true}},
    };
    return entries;
}

} // namespace

Settings::Settings(QObject *parent) : QObject(parent), m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &iniFile, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
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

QVariant Settings::value(Key key) const
{
    const Entry &e = table()[key];
    QVariant v = m_settings->value(QString::fromLatin1(e.name), e.defaultValue);
    if (e.defaultValue.isValid() && v.metaType() != e.defaultValue.metaType())
        v.convert(e.defaultValue.metaType()); // INI files hand everything back as strings
    return v;
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (this->value(key) == value)
        return;
    m_settings->setValue(keyName(key), value);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    m_settings->remove(keyName(key));
    Q_EMIT changed(key);
}

} // namespace lux
