// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlitefile.h"
#include "testsupport.h"

#include <QDir>
#include <QSqlQuery>
#include <QTest>

using namespace lux;

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionsAreConsecutive();
    void freshDatabaseGetsEveryStep();
    void upgradeMakesBackupFirst();
    void failedStepRollsBackCompletely();
};

void TestMigrations::versionsAreConsecutive()
{
    int expected = 1;
    for (const storage::Migration &m : storage::migrations())
        QCOMPARE(m.version, expected++);
    QCOMPARE(storage::latestSchemaVersion(), expected - 1);
}

void TestMigrations::freshDatabaseGetsEveryStep()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("fresh.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE((*db)->report().migratedFrom, 0);
    QVERIFY((*db)->report().preMigrationBackup.isEmpty()); // nothing to back up in a new file
    QSqlQuery q((*db)->connection());
    for (const char *table : {"app_meta", "users", "audit_log", "db_settings", "contacts", "custom_fields", "tags",
                              "contact_tags", "consent_events", "suppression"}) {
        q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(QString::fromLatin1(table));
        QVERIFY(q.exec());
        QVERIFY2(q.next(), table);
    }
}

void TestMigrations::upgradeMakesBackupFirst()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("old.sqlite"));
    {
        // A database as version 1 of the schema left it, with a user in it.
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        QVERIFY(storage::migrate(conn.db(), 1).ok());
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (name, email, password_hash, role, created_at, updated_at) "
                                      "VALUES ('Old', 'old@example.com', 'x', 'admin', 1, 1)")));
    }
    auto db = Database::open(path);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    const Database::OpenReport &r = (*db)->report();
    QCOMPARE(r.migratedFrom, 1);
    QVERIFY(!r.created);
    QVERIFY(QFile::exists(r.preMigrationBackup));
    QVERIFY(r.preMigrationBackup.startsWith(env.path(QStringLiteral("backups/"))));
    QVERIFY(r.preMigrationBackup.contains(QStringLiteral("before-schema")));

    const auto backupFacts = storage::inspect(r.preMigrationBackup);
    QVERIFY(backupFacts.ok());
    QCOMPARE(backupFacts->schemaVersion, 1);
    QCOMPARE(test::countRows(r.preMigrationBackup, QStringLiteral("users")), 1);
    QCOMPARE((*db)->schemaVersion(), storage::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM users")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM db_settings")));
}

void TestMigrations::failedStepRollsBackCompletely()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("blocked.sqlite"));
    {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        QVERIFY(storage::migrate(conn.db(), 1).ok());
        // Something already named like the table step 2 creates makes that step fail.
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE db_settings (x)")));
    }
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, QStringLiteral("db.migration"));
    QVERIFY2(db.error().message.contains(QStringLiteral("schema 2")), qPrintable(db.error().message));
    const auto facts = storage::inspect(path);
    QVERIFY(facts.ok());
    QCOMPARE(facts->schemaVersion, 1); // the step left no trace
}

LUX_TEST_MAIN(TestMigrations, QCoreApplication)
#include "tst_migrations.moc"
