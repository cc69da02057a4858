// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Tracking against a real lux-tracker and a real keychain: the API token and a new
// signing key saved to the keychain, the connection test (refused, then accepted), and Sync Now
// pulling an unsubscribe that lands on the suppression list.
#include "common/dialogs.h"
#include "common/translations.h"
#include "contacts/suppression.h"
#include "dialogguard.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "settings/trackingsettings.h"
#include "testsupport.h"
#include "theme/theme.h"
#include "trackerprocess.h"
#include "tracking/campaigntracking.h"
#include "tracking/token.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

using namespace lux;

class TestTrackingSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keysTokenTestAndSync();
    void eachDatabaseItsOwnTracker();
};

void TestTrackingSettings::initTestCase()
{
    lux::installTranslations(QStringLiteral("en")); // English plurals
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &) { return QMessageBox::Yes; });
}

void TestTrackingSettings::keysTokenTestAndSync()
{
    test::TestEnvironment env;
    test::TrackerProcess tracker(QStringLiteral(LUX_TRACKER_PATH), env.dir(), {QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(tracker.start(), tracker.output().constData());
    test::SessionFixture f;
    test::DatabaseFixture &data = f.data;
    Settings &settings = f.settings;
    ui::AppSession &session = f.session;
    const auto contact = data.addContact(QStringLiteral("leaving@example.com"));
    QVERIFY(contact);
    // A sent campaign row to unsubscribe from.
    const auto campaign = data.addCampaign(QStringLiteral("Spring"), QStringLiteral("sent"), 0);
    QVERIFY(campaign);
    const auto outboxRow = data.addOutboxRow(*campaign, *contact, QStringLiteral("sent"), QStringLiteral("<m1@acme.example>"), 0);
    QVERIFY(outboxRow);
    const qint64 outboxId = *outboxRow;
    QVERIFY(f.openSession());
    // Without a tracker the starting scheduler makes the signing keys (tested below): let it, then
    // start from none, as whatever an earlier run left in this keychain goes first too.
    QTRY_VERIFY(session.sendService().isRunning());
    (void)test::await(session.secrets().remove(Secret::TrackingKeys));
    (void)test::await(session.secrets().remove(Secret::TrackerApiToken));

    ui::TrackingSettings page(session);
    page.resize(760, 640);
    page.show();
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("No signing keys yet")));
    QTRY_VERIFY(page.tokenStatus()->text().contains(QLatin1String("No API token")));

    auto *url = page.findChild<QLineEdit *>(QStringLiteral("trackerUrl"));
    url->setText(QStringLiteral("not a url"));
    QMetaObject::invokeMethod(url, "editingFinished");
    QVERIFY(settings.value(Settings::Key::TrackerUrl).toString().isEmpty()); // refused, nothing stored
    url->setText(tracker.url().toString());
    QMetaObject::invokeMethod(url, "editingFinished");
    QCOMPARE(settings.value(Settings::Key::TrackerUrl).toString(), tracker.url().toString());

    qInfo("test");
    // Without the token the server refuses: the test says so.
    page.testConnection();
    QTRY_VERIFY(page.connectionStatus()->text().contains(QLatin1String("refuses this API token")));
    page.saveApiToken(QStringLiteral("short"));
    QVERIFY(page.tokenStatus()->text().contains(QLatin1String("16 characters")));
    page.saveApiToken(QString::fromLatin1(tracker.apiToken()));
    QTRY_VERIFY(page.tokenStatus()->text().contains(QLatin1String("saved in the keychain")));
    page.testConnection();
    QTRY_VERIFY(page.connectionStatus()->text().contains(QLatin1String("accepts the API token")));

    // A new key, then another: two in the ring, the newest signs.
    qInfo("keys");
    page.newKey();
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("key 1 signs")));
    page.newKey();
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("2 keys")));
    QVERIFY(page.keysStatus()->text().contains(QLatin1String("key 2 signs")));
    const auto stored = test::await(session.secrets().read(Secret::TrackingKeys));
    QVERIFY(stored);
    QCOMPARE(tracking::KeyRing::parse(stored->toUtf8())->signingId(), quint8(2));
    page.saveKeys(QStringLiteral("1 not-a-key"));
    QVERIFY(page.keysStatus()->text().contains(QLatin1String("Nothing saved")));
    // The server's own keys (what the guide tells the user to paste).
    page.saveKeys(QString::fromLatin1(tracker.keys()));
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("1 key in the keychain")));
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->objectName() == QLatin1String("serverKeysDialog"))
            w->close();

    // A recipient unsubscribes at the tracker; Sync Now brings it in.
    const auto tracking = tracking::CampaignTracking::create({tracker.url().toString(), tracker.keys(), tracker.apiToken()});
    QVERIFY(tracking);
    QNetworkAccessManager nam;
    QCOMPARE(test::httpRequest(nam, "POST", QUrl(tracking->unsubscribeUrl(1, outboxId)), "List-Unsubscribe=One-Click",
                               {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             200);
    QTRY_VERIFY(session.sendService().isRunning());
    qInfo("sync");
    page.findChild<QPushButton *>(QStringLiteral("syncTracker"))->click();
    // (The scheduler also pulls when it starts, so this click may find the event already in.)
    QTRY_VERIFY2_WITH_TIMEOUT(page.syncStatus()->text().contains(QLatin1String("Synced just now")), qPrintable(page.syncStatus()->text()), 15000);
    QTRY_VERIFY(contacts::SuppressionList(session.database()->connection()).contains(contacts::SuppressionList::Channel::Email,
                                                                                     QStringLiteral("leaving@example.com")));
    const QPixmap shot = page.grab();
    QVERIFY(!shot.isNull());
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/settings-tracking-connected.png")));
    QVERIFY(tracker.stop());
}

// An agency with two clients, opened in turn in one window: each database shows and keeps its own
// tracker address and signing keys; the first comes back as it was left.
void TestTrackingSettings::eachDatabaseItsOwnTracker()
{
    test::SessionFixture f(QStringLiteral("client-a.sqlite"));
    test::DatabaseFixture other(QStringLiteral("client-b.sqlite"));
    other.close();
    QVERIFY(f.openSession());
    ui::AppSession &session = f.session;
    const QString pathA = session.database()->path();
    ui::TrackingSettings page(session);
    page.show();
    auto *url = page.findChild<QLineEdit *>(QStringLiteral("trackerUrl"));
    // No tracker yet: LUX made this database a key ring when the scheduler started (issue 14), so
    // messages can go with a mailto: unsubscribe; a tracker set up later gets these keys.
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("1 key in the keychain; key 1 signs")));
    const QString madeForA = *test::await(session.secrets().read(Secret::TrackingKeys));

    url->setText(QStringLiteral("https://track.a.example"));
    QMetaObject::invokeMethod(url, "editingFinished");
    page.newKey();
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("key 2 signs")));
    QVERIFY(test::await(session.secrets().read(Secret::TrackingKeys))->endsWith(madeForA)); // the made key still verifies
    // Written to the file by a worker, not on the GUI thread; read back through a connection of our own.
    QTRY_COMPARE(test::readSetting(pathA, QStringLiteral("tracker.url")), QStringLiteral("https://track.a.example"));

    QVERIFY(session.open(other.path(), Database::Access::ReadWrite).ok());
    QCOMPARE(url->text(), QString());
    // Opening another database does not start the scheduler again (signing in does), so B has no keys
    // yet, and none of A's.
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("No signing keys yet")));
    url->setText(QStringLiteral("https://track.b.example"));
    QMetaObject::invokeMethod(url, "editingFinished");
    QTRY_COMPARE(test::readSetting(other.path(), QStringLiteral("tracker.url")), QStringLiteral("https://track.b.example"));

    QVERIFY(session.open(pathA, Database::Access::ReadWrite).ok());
    QCOMPARE(url->text(), QStringLiteral("https://track.a.example"));
    QTRY_VERIFY(page.keysStatus()->text().contains(QLatin1String("key 2 signs")));
    QCOMPARE(f.settings.trackerUrl(), QStringLiteral("https://track.a.example"));
    (void)test::await(session.secrets().remove(Secret::TrackingKeys));
}

LUX_GUI_TEST_MAIN(TestTrackingSettings)
#include "tst_trackingsettings.moc"
