// SPDX-License-Identifier: GPL-3.0-or-later
// Runs against a real Secret Service: the README's test command starts gnome-keyring under
// dbus-run-session (tests/with-keyring.sh).
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

LUX_TEST_MAIN(TestSecretStore, QCoreApplication)
#include "tst_secretstore.moc"
