// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionfixture.h"

namespace lux::test {

namespace {
QString iniBeside(const QString &fileName)
{
    return fileName.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".ini");
}
} // namespace

SessionFixture::SessionFixture(const QString &fileName)
    : data(fileName), settings(data.filePath(iniBeside(fileName))), session(settings)
{
    m_ready = data.open();
    if (!m_ready)
        return;
    const auto admin = data.addAdmin();
    if (admin)
        m_admin = *admin;
    else
        m_ready = admin.error();
}

Status SessionFixture::setDatabaseSetting(Settings::Key key, const QString &value)
{
    if (!m_ready)
        return m_ready;
    if (!data.isOpen() || Settings::scope(key) != Settings::Scope::Database)
        return Error(QStringLiteral("test.fixture"), QStringLiteral("%1 is not a database setting, or the session is open").arg(Settings::cliName(key)));
    return data.database().setSetting(Settings::cliName(key), value, std::nullopt);
}

Status SessionFixture::openSession(bool signIn)
{
    if (!m_ready)
        return m_ready;
    data.close();
    if (Status opened = session.open(data.path(), Database::Access::ReadWrite); !opened)
        return opened;
    if (signIn)
        session.signIn(m_admin);
    return {};
}

} // namespace lux::test
