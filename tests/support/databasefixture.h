// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/database.h"
#include "testsupport.h"
#include "users/user.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace lux::test {

// One LUX database for a test: a fresh folder (TestEnvironment), a database file in it created and
// migrated by the real Database::open, and the rows tests start from. Tests that hand the file to an
// AppSession or to luxctl seed it first and close() it, so the writer lock is free again.
// Every table a test writes by hand is written here, so a schema change is followed in one place.
class DatabaseFixture
{
public:
    explicit DatabaseFixture(const QString &fileName = QStringLiteral("test.sqlite"));
    ~DatabaseFixture();
    DatabaseFixture(const DatabaseFixture &) = delete;
    DatabaseFixture &operator=(const DatabaseFixture &) = delete;

    QString path() const { return m_path; }
    QString filePath(const QString &name) const { return m_env.path(name); } // beside the database
    QString dir() const { return m_env.dir(); }

    Status open(const Database::Options &options = {});
    void close();
    bool isOpen() const { return m_db != nullptr; }
    Database &database() const { return *m_db; }
    QSqlDatabase db() const { return m_db->connection(); }

    Result<User> addAdmin(); // test::createAdmin
    Result<qint64> addContact(const QString &email, const QString &firstName = {}, const QStringList &tags = {},
                              const QString &company = {});
    // The default brand kit, with the postal address every marketing message must carry.
    Status addBrandKit(const QString &name = QStringLiteral("Acme"), const QString &address = QStringLiteral("1 Main St, Springfield"));
    Result<qint64> addTemplate(const QString &name, const QString &subject, const QString &source, const QString &preheader = {});
    // A campaign row as the app leaves it, without the audience frozen (the outbox rows come next).
    Result<qint64> addCampaign(const QString &name, const QString &status, qint64 at, const QString &subject = {},
                               const QString &from = QStringLiteral("news@acme.example"));
    // One recipient of a campaign, addressed to the contact's email.
    Result<qint64> addOutboxRow(qint64 campaignId, qint64 contactId, const QString &state, const QString &messageId, qint64 updatedAt);
    // A tracked link of a campaign, as registered at lux-tracker.
    Status addLink(qint64 campaignId, int linkId, const QString &url);
    // An open, click or unsubscribe pulled from lux-tracker for one outbox row (its campaign and contact).
    Result<qint64> addTrackingEvent(qint64 outboxId, const QString &kind, qint64 at, bool machine = false, int linkId = 0,
                                    const QString &reason = {});

private:
    TestEnvironment m_env;
    QString m_path;
    std::unique_ptr<Database> m_db;
};

} // namespace lux::test
