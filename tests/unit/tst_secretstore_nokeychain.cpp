// SPDX-License-Identifier: GPL-3.0-or-later
// CTest runs this with DBUS_SESSION_BUS_ADDRESS pointing nowhere: no Secret Service can be reached.
#include "secrets/secretstore.h"
#include "testsupport.h"

#include <QCoroTask>
#include <QDirIterator>
#include <QStandardPaths>
#include <QTest>

using namespace lux;

class TestSecretStoreNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeFailsPlainlyAndStoresNothing();
    void readSaysUnavailable();
    void environmentStillWorks();
};

void TestSecretStoreNoKeychain::writeFailsPlainlyAndStoresNothing()
{
    test::TestEnvironment env;
    QVERIFY(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QStringLiteral("nonexistent")));
    const QString marker = QStringLiteral("plaintext-must-not-exist-7f3a9c");
    SecretStore store(QStringLiteral("lux-marketing-test"));
    const Status s = test::await(store.write(QStringLiteral("test/no-keychain"), marker));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("secrets.unavailable"));
    QVERIFY2(s.error().message.contains(QStringLiteral("No keychain is available")), qPrintable(s.error().message));

    // No fallback file anywhere the app or QtKeychain could have written one.
    for (const auto location : {QStandardPaths::ConfigLocation, QStandardPaths::AppConfigLocation,
                                QStandardPaths::AppDataLocation, QStandardPaths::GenericConfigLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QVERIFY2(!test::readAll(file).contains(marker.toUtf8()), qPrintable(file));
        }
    }
}

void TestSecretStoreNoKeychain::readSaysUnavailable()
{
    SecretStore store(QStringLiteral("lux-marketing-test"));
    const Result<QString> r = test::await(store.read(QStringLiteral("test/no-keychain")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("secrets.unavailable"));
}

void TestSecretStoreNoKeychain::environmentStillWorks()
{
    qputenv("LUX_SECRET_TEST_HEADLESS", "value-from-env");
    SecretStore store(QStringLiteral("lux-marketing-test"));
    const Result<QString> r = test::await(store.read(QStringLiteral("test/headless")));
    qunsetenv("LUX_SECRET_TEST_HEADLESS");
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("value-from-env"));
}

LUX_TEST_MAIN(TestSecretStoreNoKeychain, QCoreApplication)
#include "tst_secretstore_nokeychain.moc"
