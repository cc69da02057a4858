// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"
#include "testsupport.h"

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
    }
    Settings s(file);
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

LUX_TEST_MAIN(TestSettings, QCoreApplication)
#include "tst_settings.moc"
