// SPDX-License-Identifier: GPL-3.0-or-later
// Runs against a real Secret Service: the README's test command starts gnome-keyring under
// dbus-run-session (tests/with-keyring.sh).
#include "common/errorcodes.h"
#include "secrets/secretstore.h"
#include "testsupport.h"

#include <QCoroTask>
#include <QTest>
#include <QUuid>

using namespace lux;

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writeReadRemove();
    void overwriteKeepsOneValue();
    void missingSecretIsNotFound();
    void environmentServesHeadlessRuns();
    void environmentNames_data();
    void environmentNames();
    void eachDatabaseKeepsItsOwn();
    void olderDatabaseFindsTheUnscopedEntry();

private:
    SecretStore m_store{QStringLiteral("lux-marketing-test")};
};

void TestSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "no D-Bus session: run the tests through tests/with-keyring.sh as the README says");
}

void TestSecretStore::writeReadRemove()
{
    const QString key = QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString value = QStringLiteral("s3cr3t-ñ-") + QUuid::createUuid().toString();
    const Status written = test::await(m_store.write(key, value));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    const Result<QString> read = test::await(m_store.read(key));
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(*read, value);
    QVERIFY(test::await(m_store.remove(key)).ok());
    const Result<QString> gone = test::await(m_store.read(key));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QStringLiteral("secrets.not-found"));
    QVERIFY(test::await(m_store.remove(key)).ok()); // removing twice is fine
}

void TestSecretStore::overwriteKeepsOneValue()
{
    const QString key = QStringLiteral("test/overwrite-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(test::await(m_store.write(key, QStringLiteral("first"))).ok());
    QVERIFY(test::await(m_store.write(key, QStringLiteral("second"))).ok());
    QCOMPARE(*test::await(m_store.read(key)), QStringLiteral("second"));
    QVERIFY(test::await(m_store.remove(key)).ok());
}

void TestSecretStore::missingSecretIsNotFound()
{
    const Result<QString> r = test::await(m_store.read(QStringLiteral("test/never-written")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("secrets.not-found"));
}

void TestSecretStore::environmentServesHeadlessRuns()
{
    qputenv("LUX_SECRET_GRAPH_CLIENT_SECRET", "from-the-environment");
    const Result<QString> r = test::await(m_store.read(QStringLiteral("graph/client-secret")));
    qunsetenv("LUX_SECRET_GRAPH_CLIENT_SECRET");
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("from-the-environment"));
}

void TestSecretStore::environmentNames_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("path") << "graph/client-secret" << "LUX_SECRET_GRAPH_CLIENT_SECRET";
    QTest::newRow("dots") << "tracker.api.token" << "LUX_SECRET_TRACKER_API_TOKEN";
    QTest::newRow("digits") << "twilio2" << "LUX_SECRET_TWILIO2";
    QTest::newRow("non-ascii") << "clé" << "LUX_SECRET_CL_";
}

void TestSecretStore::environmentNames()
{
    QFETCH(QString, key);
    QFETCH(QString, name);
    QCOMPARE(SecretStore::environmentName(key), name);
}

// Two databases, two trackers: two key rings under one keychain, each found by its database's id.
void TestSecretStore::eachDatabaseKeepsItsOwn()
{
    qunsetenv("LUX_SECRET_TRACKING_KEYS");
    const QString idA = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString idB = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const SecretStore a = m_store.scopedTo(idA, false);
    const SecretStore b = m_store.scopedTo(idB, false);
    QCOMPARE(a.entryName(Secret::TrackingKeys), QStringLiteral("databases/%1/tracking/keys").arg(idA));
    QVERIFY(test::await(a.write(Secret::TrackingKeys, QStringLiteral("ring-a"))).ok());
    QVERIFY(!test::await(b.read(Secret::TrackingKeys)).ok()); // b has none of a's
    QVERIFY(test::await(b.write(Secret::TrackingKeys, QStringLiteral("ring-b"))).ok());
    QCOMPARE(*test::await(a.read(Secret::TrackingKeys)), QStringLiteral("ring-a"));
    QCOMPARE(*test::await(b.read(Secret::TrackingKeys)), QStringLiteral("ring-b"));
    // Nothing was written to the unscoped entry.
    QCOMPARE(test::await(m_store.read(Secret::TrackingKeys)).error().code, errc::secretsNotFound);
    QVERIFY(test::await(a.remove(Secret::TrackingKeys)).ok());
    QCOMPARE(*test::await(b.read(Secret::TrackingKeys)), QStringLiteral("ring-b"));
    QVERIFY(test::await(b.remove(Secret::TrackingKeys)).ok());
}

// A database made before secrets had scopes reads what this user kept unscoped until it has its own;
// removing its secret (a sign-out) removes the unscoped one too, so the fallback cannot undo it.
void TestSecretStore::olderDatabaseFindsTheUnscopedEntry()
{
    qunsetenv("LUX_SECRET_GRAPH_REFRESH_TOKEN");
    QVERIFY(test::await(m_store.write(Secret::GraphRefreshToken, QStringLiteral("old-token"))).ok());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const SecretStore older = m_store.scopedTo(id, true);
    const SecretStore newer = m_store.scopedTo(QUuid::createUuid().toString(QUuid::WithoutBraces), false);
    QCOMPARE(*test::await(older.read(Secret::GraphRefreshToken)), QStringLiteral("old-token"));
    QCOMPARE(test::await(newer.read(Secret::GraphRefreshToken)).error().code, errc::secretsNotFound);
    QVERIFY(test::await(older.write(Secret::GraphRefreshToken, QStringLiteral("own-token"))).ok());
    QCOMPARE(*test::await(older.read(Secret::GraphRefreshToken)), QStringLiteral("own-token"));
    QCOMPARE(*test::await(m_store.read(Secret::GraphRefreshToken)), QStringLiteral("old-token"));
    QVERIFY(test::await(older.remove(Secret::GraphRefreshToken)).ok());
    QCOMPARE(test::await(older.read(Secret::GraphRefreshToken)).error().code, errc::secretsNotFound);
    QCOMPARE(test::await(m_store.read(Secret::GraphRefreshToken)).error().code, errc::secretsNotFound);
}

LUX_TEST_MAIN(TestSecretStore, QCoreApplication)
#include "tst_secretstore.moc"
