// SPDX-License-Identifier: GPL-3.0-or-later
// Proves that secret values never reach the database (and its WAL), the settings file, a backup or an
// export. Needs the real keychain (tests/with-keyring.sh).
#include "secrets/secretstore.h"
#include "settings/settings.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "testsupport.h"
#include "users/userservice.h"

#include <QCoroTask>
#include <QDirIterator>
#include <QTest>
#include <QUuid>

using namespace lux;

class TestNoSecretLeak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secretsStayInTheKeychain();
};

void TestNoSecretLeak::secretsStayInTheKeychain()
{
    test::TestEnvironment env;
    const QString dbPath = env.path(QStringLiteral("lux.sqlite"));
    const User admin = test::createDatabaseWithAdmin(dbPath);
    Settings settings(env.path(QStringLiteral("lux.ini")));
    SecretStore store(QStringLiteral("lux-marketing-test"));

    auto db = Database::open(dbPath);
    QVERIFY(db.ok());
    UserService users((*db)->connection());

    // A provider secret and a remember-me token, written the way the app writes them.
    const QString providerSecret = QStringLiteral("graph-secret-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString providerKey = QStringLiteral("graph/client-secret-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(test::await(store.write(providerKey, providerSecret)).ok());
    const auto token = users.issueRememberToken(admin);
    QVERIFY(token.ok());
    const QString rememberKey = QStringLiteral("remember-me/") + (*db)->databaseId();
    QVERIFY(test::await(store.write(rememberKey, *token)).ok());
    QVERIFY(users.signInWithRememberToken(*test::await(store.read(rememberKey))).ok());
    settings.setValue(Settings::Key::LastSignInEmail, admin.email);
    settings.setValue(Settings::Key::Theme, QStringLiteral("light"));
    settings.sync();

    const QString backup = env.path(QStringLiteral("backup.sqlite"));
    const QString exported = env.path(QStringLiteral("export.sqlite"));
    QVERIFY(storage::copyDatabase(dbPath, backup).ok());
    QVERIFY(storage::exportDatabase(dbPath, exported).ok());

    // The keychain really holds them: the scan below is meaningful.
    QCOMPARE(*test::await(store.read(providerKey)), providerSecret);
    QCOMPARE(*test::await(store.read(rememberKey)), *token);

    const QString tokenSecretPart = token->section(QLatin1Char('.'), 1);
    const QList<QByteArray> needles = {providerSecret.toUtf8(), tokenSecretPart.toUtf8(),
                                       QByteArray(reinterpret_cast<const char *>(providerSecret.utf16()),
                                                  providerSecret.size() * 2)};
    int scanned = 0;
    QDirIterator it(env.dir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QByteArray bytes = test::readAll(file);
        for (const QByteArray &needle : needles)
            QVERIFY2(!bytes.contains(needle), qPrintable(QStringLiteral("secret found in ") + file));
        ++scanned;
    }
    QVERIFY2(scanned >= 4, "expected the database, settings, backup and export to be scanned");
    QVERIFY(QFile::exists(dbPath + QStringLiteral("-wal"))); // the live WAL was part of the scan

    QVERIFY(test::await(store.remove(providerKey)).ok());
    QVERIFY(test::await(store.remove(rememberKey)).ok());
}

LUX_TEST_MAIN(TestNoSecretLeak, QCoreApplication)
#include "tst_nosecretleak.moc"
