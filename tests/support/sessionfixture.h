// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/appsession.h"
#include "databasefixture.h"
#include "settings/settings.h"

namespace lux::test {

// What a widget test starts from: a database with its administrator (DatabaseFixture, open for
// seeding), the user's settings in a file beside it, and the app's session over both. Seed through
// `data`, then openSession(): the session takes the file, as the app does when it starts.
class SessionFixture
{
public:
    explicit SessionFixture(const QString &fileName = QStringLiteral("t.sqlite"));

    DatabaseFixture data;
    Settings settings;
    ui::AppSession session;

    const User &admin() const { return m_admin; }
    // Closes the fixture's own connection (the session takes the writer lock), opens the file in the
    // session and, when asked, signs the administrator in.
    Status openSession(bool signIn = true);
    // A setting of the database's own (the tracker, the Graph tenant), written into the file before
    // openSession(), as a teammate who set it up earlier would have left it.
    Status setDatabaseSetting(Settings::Key key, const QString &value);
    QSqlDatabase db() const { return session.database()->connection(); }

private:
    Status m_ready;
    User m_admin;
};

} // namespace lux::test
