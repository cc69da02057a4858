// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "settings/settings.h"
#include "testsupport.h"

#include <QSqlQuery>

#include <QMetaEnum>
#include <QSignalSpy>
#include <QTest>

using namespace lux;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKeyHasANameAndDefault();
    void defaults();
    void valuesPersistWithTheirTypes();
    void changedFiresOnlyOnChange();
    void resetRestoresDefault();
    void scopes();
    void twoDatabasesKeepTheirOwn();
    void databaseValuesLiveInTheFile();
    void firstOpenInheritsTheUsersValues();
    void newDatabaseStartsClean();
    void readOnlyDatabaseRefusesChanges();
    void withoutDatabaseNothingIsWritten();
    void writerFailureUndoesTheChange();
};

void TestSettings::everyKeyHasANameAndDefault()
{
    const QMetaEnum keys = QMetaEnum::fromType<Settings::Key>();
    QSet<QString> names;
    for (int i = 0; i < keys.keyCount(); ++i) {
        const auto key = static_cast<Settings::Key>(keys.value(i));
        const QString name = Settings::keyName(key);
        QVERIFY2(!name.isEmpty(), keys.key(i));
        QVERIFY2(Settings::defaultValue(key).isValid(), keys.key(i));
        names.insert(name);
    }
    QCOMPARE(names.size(), keys.keyCount()); // no two keys share a name
}

void TestSettings::defaults()
{
    test::TestEnvironment env;
    Settings s(env.path(QStringLiteral("lux.ini")));
    QCOMPARE(s.theme(), QStringLiteral("dark"));
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.autoBackupEnabled(), true);
    QCOMPARE(s.autoBackupIntervalHours(), 24);
    QCOMPARE(s.autoBackupKeep(), 7);
}

void TestSettings::valuesPersistWithTheirTypes()
{
    test::TestEnvironment env;
    const QString file = env.path(QStringLiteral("lux.ini"));
    {
        Settings s(file);
        s.setValue(Settings::Key::Theme, QStringLiteral("light"));
        s.setValue(Settings::Key::AutoBackupIntervalHours, 6);
        s.setValue(Settings::Key::AutoBackupEnabled, false);
        s.setValue(Settings::Key::MainWindowGeometry, QByteArray("\x01\x02\x00\x03", 4));
        QCOMPARE(s.previewAnyLocalImage(), false);
        s.setValue(Settings::Key::PreviewAnyLocalImage, true);
    }
    Settings s(file);
    QCOMPARE(s.value(Settings::Key::PreviewAnyLocalImage).metaType(), QMetaType::fromType<bool>());
    QCOMPARE(s.previewAnyLocalImage(), true);
    QCOMPARE(s.theme(), QStringLiteral("light"));
    QCOMPARE(s.value(Settings::Key::AutoBackupIntervalHours).metaType(), QMetaType::fromType<int>());
    QCOMPARE(s.autoBackupIntervalHours(), 6);
    QCOMPARE(s.autoBackupEnabled(), false);
    QCOMPARE(s.value(Settings::Key::MainWindowGeometry).toByteArray(), QByteArray("\x01\x02\x00\x03", 4));
    QVERIFY(test::readAll(file).contains("intervalHours=6"));
}

void TestSettings::changedFiresOnlyOnChange()
{
    test::TestEnvironment env;
    Settings s(env.path(QStringLiteral("lux.ini")));
    QSignalSpy spy(&s, &Settings::changed);
    s.setValue(Settings::Key::Theme, QStringLiteral("dark")); // the default: no change
    QCOMPARE(spy.count(), 0);
    s.setValue(Settings::Key::Theme, QStringLiteral("light"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<Settings::Key>(), Settings::Key::Theme);
    s.setValue(Settings::Key::Theme, QStringLiteral("light"));
    QCOMPARE(spy.count(), 1);
}

void TestSettings::resetRestoresDefault()
{
    test::TestEnvironment env;
    Settings s(env.path(QStringLiteral("lux.ini")));
    s.setValue(Settings::Key::AutoBackupKeep, 30);
    s.reset(Settings::Key::AutoBackupKeep);
    QCOMPARE(s.autoBackupKeep(), 7);
}

void TestSettings::scopes()
{
    using K = Settings::Key;
    for (const K key : {K::TrackerUrl, K::GraphTenant, K::GraphClientId, K::GraphBaseUrl, K::GraphAuthorityUrl})
        QCOMPARE(Settings::scope(key), Settings::Scope::Database);
    QCOMPARE(Settings::scope(K::GraphDelegatedMailbox), Settings::Scope::PersonInDatabase);
    for (const K key : {K::Theme, K::Language, K::MainWindowGeometry, K::MissedSchedules, K::BackupDirectory, K::PreviewAnyLocalImage})
        QCOMPARE(Settings::scope(key), Settings::Scope::Person);
    // Local images in the preview: off until the person allows them.
    QCOMPARE(Settings::defaultValue(K::PreviewAnyLocalImage), QVariant(false));
    QCOMPARE(Settings::keys().size(), QMetaEnum::fromType<Settings::Key>().keyCount());
}

// An agency with two clients: each database its own tracker and tenant, the person's theme shared.
void TestSettings::twoDatabasesKeepTheirOwn()
{
    test::TestEnvironment env;
    test::DatabaseFixture a(QStringLiteral("a.sqlite")), b(QStringLiteral("b.sqlite"));
    QVERIFY(a.open().ok());
    QVERIFY(b.open().ok());
    Settings s(env.path(QStringLiteral("lux.ini")));
    QVERIFY(s.attach(a.database()).ok());
    s.setValue(Settings::Key::TrackerUrl, QStringLiteral("https://track.a.example"));
    s.setValue(Settings::Key::GraphTenant, QStringLiteral("a-tenant"));
    s.setValue(Settings::Key::GraphDelegatedMailbox, QStringLiteral("ada@a.example"));
    s.setValue(Settings::Key::Theme, QStringLiteral("light"));
    QCOMPARE(s.databaseId(), a.database().databaseId());

    QSignalSpy attached(&s, &Settings::databaseChanged);
    QVERIFY(s.attach(b.database()).ok());
    QCOMPARE(attached.count(), 1);
    QCOMPARE(s.trackerUrl(), QString());
    QCOMPARE(s.graphTenant(), QString());
    QCOMPARE(s.graphDelegatedMailbox(), QString());
    QCOMPARE(s.theme(), QStringLiteral("light")); // the person's, whatever the database
    s.setValue(Settings::Key::TrackerUrl, QStringLiteral("https://track.b.example"));
    s.setValue(Settings::Key::GraphDelegatedMailbox, QStringLiteral("bob@b.example"));

    QVERIFY(s.attach(a.database()).ok());
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.a.example"));
    QCOMPARE(s.graphTenant(), QStringLiteral("a-tenant"));
    QCOMPARE(s.graphDelegatedMailbox(), QStringLiteral("ada@a.example"));
    QVERIFY(s.attach(b.database()).ok());
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.b.example"));
    QCOMPARE(s.graphDelegatedMailbox(), QStringLiteral("bob@b.example"));
    // Nothing of either database's reached the person's file.
    s.sync();
    const QByteArray ini = test::readAll(env.path(QStringLiteral("lux.ini")));
    QVERIFY2(!ini.contains("track.a.example") && !ini.contains("track.b.example") && !ini.contains("a-tenant"), ini.constData());
}

// A teammate opening the file on another computer (another QSettings) finds the database's values.
void TestSettings::databaseValuesLiveInTheFile()
{
    test::TestEnvironment env;
    test::DatabaseFixture a(QStringLiteral("a.sqlite"));
    QVERIFY(a.open().ok());
    {
        Settings mine(env.path(QStringLiteral("mine.ini")));
        QVERIFY(mine.attach(a.database()).ok());
        mine.setValue(Settings::Key::GraphClientId, QStringLiteral("11111111-2222"));
        mine.setValue(Settings::Key::GraphDelegatedMailbox, QStringLiteral("ada@a.example"));
        mine.detach();
    }
    a.close();
    QVERIFY(a.open().ok());
    QCOMPARE(a.database().setting(QStringLiteral("graph.client_id")), QStringLiteral("11111111-2222"));
    Settings theirs(env.path(QStringLiteral("theirs.ini")));
    QVERIFY(theirs.attach(a.database()).ok());
    QCOMPARE(theirs.graphClientId(), QStringLiteral("11111111-2222"));
    QCOMPARE(theirs.graphDelegatedMailbox(), QString()); // the sign-in was the other person's
    QVERIFY(!theirs.inheritsUserSecrets());
}

// Values set before settings had scopes (all in the person's QSettings) move into each database
// made before, on its first open; nothing is lost, and the old entries stay for the other databases.
void TestSettings::firstOpenInheritsTheUsersValues()
{
    test::TestEnvironment env;
    const QString ini = env.path(QStringLiteral("lux.ini"));
    {
        QSettings old(ini, QSettings::IniFormat);
        old.setValue(QStringLiteral("tracker/url"), QStringLiteral("https://track.old.example"));
        old.setValue(QStringLiteral("graph/tenant"), QStringLiteral("old-tenant"));
        old.setValue(QStringLiteral("graph/base_url"), QStringLiteral("https://graph.proxy.example"));
        old.setValue(QStringLiteral("graph/delegated_mailbox"), QStringLiteral("ada@old.example"));
    }
    test::DatabaseFixture a(QStringLiteral("a.sqlite")), b(QStringLiteral("b.sqlite"));
    for (test::DatabaseFixture *f : {&a, &b}) {
        QVERIFY(f->open().ok());
        // As a database made by the previous version: no record of where its settings live.
        QSqlQuery q(f->db());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM app_meta WHERE key = 'settings_scoped'")));
        f->close();
        QVERIFY(f->open().ok());
        QVERIFY(!f->database().report().created);
    }
    Settings s(ini);
    QVERIFY(s.attach(a.database()).ok());
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.old.example"));
    QCOMPARE(s.graphTenant(), QStringLiteral("old-tenant"));
    QCOMPARE(s.graphBaseUrl(), QUrl(QStringLiteral("https://graph.proxy.example")));
    QCOMPARE(s.graphDelegatedMailbox(), QStringLiteral("ada@old.example"));
    QVERIFY(s.inheritsUserSecrets());
    QCOMPARE(a.database().setting(QStringLiteral("tracker.url")), QStringLiteral("https://track.old.example"));
    QCOMPARE(a.database().meta(QStringLiteral("settings_scoped")), QStringLiteral("inherited"));
    // A change now is this database's alone; the second old database still inherits the old values.
    s.setValue(Settings::Key::TrackerUrl, QStringLiteral("https://track.a.example"));
    QVERIFY(s.attach(b.database()).ok());
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.old.example"));
    // Inherited once: a later change of the old entry does not reach a database that has its own.
    s.sync();
    QVERIFY(s.attach(a.database()).ok());
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.a.example"));
}

void TestSettings::newDatabaseStartsClean()
{
    test::TestEnvironment env;
    const QString ini = env.path(QStringLiteral("lux.ini"));
    {
        QSettings old(ini, QSettings::IniFormat);
        old.setValue(QStringLiteral("tracker/url"), QStringLiteral("https://track.old.example"));
    }
    test::DatabaseFixture fresh(QStringLiteral("new.sqlite"));
    QVERIFY(fresh.open().ok());
    QVERIFY(fresh.database().report().created);
    Settings s(ini);
    QVERIFY(s.attach(fresh.database()).ok());
    QCOMPARE(s.trackerUrl(), QString());
    QVERIFY(!s.inheritsUserSecrets());
    QCOMPARE(fresh.database().meta(QStringLiteral("settings_scoped")), QStringLiteral("own"));
}

void TestSettings::readOnlyDatabaseRefusesChanges()
{
    test::TestEnvironment env;
    test::DatabaseFixture a(QStringLiteral("a.sqlite"));
    QVERIFY(a.open().ok());
    QVERIFY(a.database().setSetting(QStringLiteral("tracker.url"), QStringLiteral("https://track.a.example"), std::nullopt).ok());
    a.close();
    QVERIFY(a.open({Database::Access::ReadOnly, false, {}}).ok());
    Settings s(env.path(QStringLiteral("lux.ini")));
    QVERIFY(s.attach(a.database()).ok());
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.a.example"));
    QSignalSpy failed(&s, &Settings::saveFailed);
    QSignalSpy changed(&s, &Settings::changed);
    s.setValue(Settings::Key::TrackerUrl, QStringLiteral("https://elsewhere.example"));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).value<Error>().code, errc::settingsReadOnly);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(s.trackerUrl(), QStringLiteral("https://track.a.example"));
}

void TestSettings::withoutDatabaseNothingIsWritten()
{
    test::TestEnvironment env;
    Settings s(env.path(QStringLiteral("lux.ini")));
    QSignalSpy failed(&s, &Settings::saveFailed);
    s.setValue(Settings::Key::TrackerUrl, QStringLiteral("https://track.example"));
    s.setValue(Settings::Key::GraphDelegatedMailbox, QStringLiteral("ada@example.com"));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(failed.first().at(1).value<Error>().code, errc::settingsNoDatabase);
    QCOMPARE(s.trackerUrl(), QString());
    s.sync();
    QVERIFY(!test::readAll(env.path(QStringLiteral("lux.ini"))).contains("track.example"));
}

void TestSettings::writerFailureUndoesTheChange()
{
    test::TestEnvironment env;
    test::DatabaseFixture a(QStringLiteral("a.sqlite"));
    QVERIFY(a.open().ok());
    Settings s(env.path(QStringLiteral("lux.ini")));
    QVERIFY(s.attach(a.database(), [](const QString &name, const QString &) -> Status {
                 return Error(errc::dbWrite, QStringLiteral("disk says no to %1").arg(name));
             }).ok());
    QSignalSpy failed(&s, &Settings::saveFailed);
    s.setValue(Settings::Key::GraphTenant, QStringLiteral("contoso"));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).value<Settings::Key>(), Settings::Key::GraphTenant);
    QCOMPARE(failed.first().at(1).value<Error>().message, QStringLiteral("disk says no to graph.tenant"));
    QCOMPARE(s.graphTenant(), QString());
}

LUX_TEST_MAIN(TestSettings, QCoreApplication)
#include "tst_settings.moc"
