// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → SMS with a real database, a real keychain (gnome-keyring under tests/with-keyring.sh) and
// a small local server that answers like Twilio's account resource: the fields filled in and checked
// where they land (db_settings, the keychain, the senders table, sms_prices), Test Connection answered,
// refused with 20003 and cancelled, and the screenshot of the page filled in.
#include "campaigns/senderstore.h"
#include "common/dialogs.h"
#include "common/translations.h"
#include "dialogguard.h"
#include "httpserver.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "settings/smssettings.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace lux;

namespace {

const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kToken = QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f");
const QString kKeySid = QStringLiteral("SK00112233445566778899aabbccddeeff");
const QString kKeySecret = QStringLiteral("Zq8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh0GfEdC");

// Twilio's GET /2010-04-01/Accounts/{Sid}.json: the account with its friendly_name for the right
// Basic credentials (the SID and the Auth Token, or an API key and its secret), else 401 with 20003.
// While `hold` is on, answers wait until release().
class FakeAccount
{
public:
    FakeAccount() : m_server([this](fakes::HttpExchange *exchange) { handle(exchange); }) {}
    bool listen() { return m_server.listen(); }
    QUrl baseUrl() const { return m_server.baseUrl(); }
    QStringList users; // the Basic user of each request, in order
    int answered = 0;
    bool hold = false;
    int held() const { return int(m_held.size()); }
    void release()
    {
        hold = false;
        for (const QPointer<fakes::HttpExchange> &e : std::as_const(m_held))
            if (e)
                answer(e);
        m_held.clear();
    }

private:
    void handle(fakes::HttpExchange *exchange)
    {
        if (hold) {
            m_held << exchange;
            return;
        }
        answer(exchange);
    }
    void answer(fakes::HttpExchange *exchange)
    {
        const fakes::HttpRequest &r = exchange->request();
        const QByteArray auth = r.header("authorization");
        const QString pair = QString::fromUtf8(QByteArray::fromBase64(auth.mid(6)));
        const QString user = pair.section(u':', 0, 0);
        const QString password = pair.section(u':', 1);
        users << user;
        ++answered;
        const bool right = auth.startsWith("Basic ")
                           && ((user == kSid && password == kToken) || (user == kKeySid && password == kKeySecret));
        if (r.method != "GET" || r.url.path() != QStringLiteral("/2010-04-01/Accounts/%1.json").arg(kSid) || !right) {
            exchange->respond(fakes::HttpResponse::json(
                401, QJsonDocument(QJsonObject{{QStringLiteral("code"), 20003},
                                               {QStringLiteral("message"), QStringLiteral("Authenticate")},
                                               {QStringLiteral("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/20003")},
                                               {QStringLiteral("status"), 401}})
                         .toJson(QJsonDocument::Compact)));
            return;
        }
        exchange->respond(fakes::HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("sid"), kSid},
                                           {QStringLiteral("friendly_name"), QStringLiteral("Acme Coffee Marketing")},
                                           {QStringLiteral("status"), QStringLiteral("active")},
                                           {QStringLiteral("type"), QStringLiteral("Full")}})
                     .toJson(QJsonDocument::Compact)));
    }

    fakes::HttpServer m_server;
    QList<QPointer<fakes::HttpExchange>> m_held;
};

void finishEditing(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    QMetaObject::invokeMethod(edit, "editingFinished");
}

} // namespace

class TestSmsSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fillSaveAndTest();
    void eachDatabaseItsOwn();
};

void TestSmsSettings::initTestCase()
{
    lux::installTranslations(QStringLiteral("en")); // English plurals
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &) { return QMessageBox::Yes; });
}

void TestSmsSettings::fillSaveAndTest()
{
    FakeAccount twilio;
    QVERIFY(twilio.listen());
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::AppSession &session = f.session;
    Settings &settings = f.settings;
    const QString path = session.database()->path();
    // Whatever an earlier run left in this keychain goes first.
    (void)test::await(session.secrets().remove(Secret::TwilioAuthToken));
    (void)test::await(session.secrets().remove(Secret::TwilioApiKeySecret));
    const auto stored = [&path](Settings::Key key) { return test::readSetting(path, Settings::cliName(key)); };

    ui::SmsSettings page(session);
    page.resize(780, 900);
    page.show();
    QTRY_VERIFY(page.secretStatus()->text().contains(QLatin1String("No Auth Token saved yet")));
    QTRY_COMPARE(page.pricesTable()->rowCount(), 16); // migration 14's defaults

    // --- The account: a wrong SID is refused with a message under the field, nothing stored.
    finishEditing(page.accountSidEdit(), QStringLiteral("AC123"));
    QVERIFY(page.accountSidError()->isVisibleTo(&page));
    QVERIFY(page.accountSidError()->text().contains(QLatin1String("34 characters")));
    QVERIFY(settings.twilioAccountSid().isEmpty());
    finishEditing(page.accountSidEdit(), kKeySid);
    QVERIFY(page.accountSidError()->text().contains(QLatin1String("API key SID")));
    finishEditing(page.accountSidEdit(), QStringLiteral("  %1 ").arg(kSid));
    QVERIFY(!page.accountSidError()->isVisibleTo(&page));
    QCOMPARE(settings.twilioAccountSid(), kSid);
    QTRY_COMPARE(stored(Settings::Key::TwilioAccountSid), kSid); // written by a worker, read on a connection of our own

    // The Auth Token: checked for its shape, then into the keychain and never shown again.
    page.saveSecret(QStringLiteral("not-a-token"));
    QVERIFY(page.secretStatus()->text().contains(QLatin1String("32 letters")));
    QVERIFY(!test::await(session.secrets().read(Secret::TwilioAuthToken)));
    page.secretEdit()->setText(kToken);
    page.findChild<QPushButton *>(QStringLiteral("twilioSaveSecret"))->click();
    QTRY_VERIFY(page.secretStatus()->text().contains(QLatin1String("The Auth Token is saved in the keychain")));
    QCOMPARE(*test::await(session.secrets().read(Secret::TwilioAuthToken)), kToken);
    QVERIFY(page.secretEdit()->text().isEmpty());
    QVERIFY(page.findChild<QPushButton *>(QStringLiteral("twilioRemoveSecret"))->isVisibleTo(&page));

    // The API address, folded away under Advanced.
    auto *baseUrl = page.findChild<QLineEdit *>(QStringLiteral("twilioBaseUrl"));
    QVERIFY(!baseUrl->isVisibleTo(&page));
    page.findChild<QToolButton *>(QStringLiteral("twilioAdvanced"))->click();
    QVERIFY(baseUrl->isVisibleTo(&page));
    finishEditing(baseUrl, QStringLiteral("ftp://example.com"));
    QCOMPARE(settings.twilioBaseUrl(), QUrl(QStringLiteral("https://api.twilio.com")));
    finishEditing(baseUrl, twilio.baseUrl().toString());
    QCOMPARE(settings.twilioBaseUrl(), twilio.baseUrl());
    QTRY_COMPARE(stored(Settings::Key::TwilioBaseUrl), twilio.baseUrl().toString());

    // --- Test Connection: the account's name with the saved token.
    page.findChild<QPushButton *>(QStringLiteral("twilioTest"))->click();
    QVERIFY(page.isTesting());
    QVERIFY(!page.testButton()->isEnabled());
    QTRY_VERIFY2(page.connectionStatus()->text().contains(QStringLiteral("Connected to the Twilio account “Acme Coffee Marketing”")),
                 qPrintable(page.connectionStatus()->text()));
    QVERIFY(page.testButton()->isEnabled());
    QCOMPARE(twilio.users.constLast(), kSid);
    // A token typed and not saved is the one tested: Twilio refuses it with 20003.
    page.secretEdit()->setText(QStringLiteral("00000000000000000000000000000000"));
    page.testConnection();
    QTRY_VERIFY2(page.connectionStatus()->text().contains(QLatin1String("20003")), qPrintable(page.connectionStatus()->text()));
    QCOMPARE(page.connectionStatus()->property("role").toString(), QStringLiteral("error"));
    QCOMPARE(*test::await(session.secrets().read(Secret::TwilioAuthToken)), kToken); // nothing saved by testing
    page.secretEdit()->clear();
    // Cancelled while Twilio thinks: the button is back at once and the late answer changes nothing.
    twilio.hold = true;
    const int before = twilio.answered;
    page.testConnection();
    QVERIFY(page.isTesting());
    QTRY_COMPARE(twilio.held(), 1); // the request is at the server, unanswered
    page.findChild<QPushButton *>(QStringLiteral("twilioCancelTest"))->click();
    QVERIFY(!page.isTesting());
    QVERIFY(page.testButton()->isEnabled());
    QVERIFY(page.connectionStatus()->text().contains(QLatin1String("cancelled")));
    twilio.release();
    QTRY_COMPARE(twilio.answered, before + 1);
    QTest::qWait(100);
    QVERIFY(page.connectionStatus()->text().contains(QLatin1String("cancelled")));

    // An API key: its secret is the one kept and tested; the Auth Token stays where it was.
    finishEditing(page.apiKeySidEdit(), QStringLiteral("SK12"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("twilioApiKeySidError"))->isVisibleTo(&page));
    QVERIFY(settings.twilioApiKeySid().isEmpty());
    finishEditing(page.apiKeySidEdit(), kKeySid);
    QCOMPARE(settings.twilioApiKeySid(), kKeySid);
    QTRY_VERIFY(page.secretStatus()->text().contains(QLatin1String("No secret for this API key")));
    page.saveSecret(kKeySecret);
    QTRY_VERIFY(page.secretStatus()->text().contains(QLatin1String("The API key's secret is saved in the keychain")));
    QCOMPARE(*test::await(session.secrets().read(Secret::TwilioApiKeySecret)), kKeySecret);
    page.testConnection();
    QTRY_VERIFY(page.connectionStatus()->text().contains(QLatin1String("Acme Coffee Marketing")));
    QCOMPARE(twilio.users.constLast(), kKeySid);
    page.removeSecret();
    QTRY_VERIFY(page.secretStatus()->text().contains(QLatin1String("No secret for this API key")));
    QVERIFY(!test::await(session.secrets().read(Secret::TwilioApiKeySecret)));
    QCOMPARE(*test::await(session.secrets().read(Secret::TwilioAuthToken)), kToken);
    finishEditing(page.apiKeySidEdit(), QString());
    QVERIFY(settings.twilioApiKeySid().isEmpty());
    QTRY_VERIFY(page.secretStatus()->text().contains(QLatin1String("The Auth Token is saved in the keychain")));
    QTRY_COMPARE(stored(Settings::Key::TwilioApiKeySid), QString());

    // --- Sending numbers: the kind follows the number, the pace follows the kind.
    ui::SmsSenderDialog *dialog = page.openSenderDialog(false);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("+1 (800) 555-0199"));
    QCOMPARE(dialog->kindCombo()->currentData().toString(), QStringLiteral("toll-free"));
    QCOMPARE(dialog->perSecondSpin()->value(), 3);
    dialog->perDaySpin()->setValue(20000);
    dialog->save();
    QTRY_COMPARE(page.sendersTable()->rowCount(), 1);
    {
        const auto saved = campaigns::SenderStore(f.db(), QStringLiteral("sms")).find(QStringLiteral("+18005550199"));
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QCOMPARE(saved->kind, QStringLiteral("toll-free"));
        QCOMPARE(saved->limits.perSecond, 3);
        QCOMPARE(saved->limits.perDay, 20000);
    }
    // What SenderStore refuses stays in the dialog with its reason.
    dialog = page.openSenderDialog(false);
    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("call me"));
    QSignalSpy refused(dialog, &ui::SmsSenderDialog::refused);
    dialog->save();
    QTRY_COMPARE(refused.size(), 1);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->text().contains(QLatin1String("is not a sending number")));
    dialog->reject();
    // A Messaging Service, with its own pace and requests at once; the user's pace wins over the kind's.
    dialog = page.openSenderDialog(false);
    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("MG0123456789abcdef0123456789abcdef"));
    QCOMPARE(dialog->kindCombo()->currentData().toString(), QStringLiteral("service"));
    QCOMPARE(dialog->perSecondSpin()->value(), 10);
    dialog->perSecondSpin()->setValue(25);
    dialog->concurrencySpin()->setValue(8);
    dialog->save();
    QTRY_COMPARE(page.sendersTable()->rowCount(), 2);
    // A long code to remove again.
    dialog = page.openSenderDialog(false);
    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("+1 305 555 0123"));
    QCOMPARE(dialog->kindCombo()->currentData().toString(), QStringLiteral("long-code"));
    QCOMPARE(dialog->perSecondSpin()->value(), 1);
    dialog->save();
    QTRY_COMPARE(page.sendersTable()->rowCount(), 3);
    const auto rowOf = [&page](const QString &address) {
        for (int r = 0; r < page.sendersTable()->rowCount(); ++r)
            if (page.sendersTable()->item(r, 0)->text() == address)
                return r;
        return -1;
    };
    QVERIFY(rowOf(QStringLiteral("+13055550123")) >= 0);
    QCOMPARE(page.sendersTable()->item(rowOf(QStringLiteral("+13055550123")), 1)->text(), QStringLiteral("Long code"));
    page.sendersTable()->setCurrentCell(rowOf(QStringLiteral("+13055550123")), 0);
    page.findChild<QPushButton *>(QStringLiteral("smsRemoveSender"))->click(); // the hook answers Yes
    QTRY_COMPARE(page.sendersTable()->rowCount(), 2);
    QVERIFY(!campaigns::SenderStore(f.db(), QStringLiteral("sms")).find(QStringLiteral("+13055550123")));
    // Edit: the address stays, the pace changes.
    page.sendersTable()->setCurrentCell(rowOf(QStringLiteral("+18005550199")), 0);
    dialog = page.openSenderDialog(true);
    QVERIFY(dialog);
    QVERIFY(dialog->addressEdit()->isReadOnly());
    QCOMPARE(dialog->perDaySpin()->value(), 20000);
    dialog->perSecondSpin()->setValue(2);
    dialog->save();
    QTRY_COMPARE(campaigns::SenderStore(f.db(), QStringLiteral("sms")).find(QStringLiteral("+18005550199"))->limits.perSecond, 2);
    QTRY_COMPARE(page.sendersTable()->item(rowOf(QStringLiteral("+18005550199")), 2)->text(), QStringLiteral("2"));
    {
        const auto service =
            campaigns::SenderStore(f.db(), QStringLiteral("sms")).find(QStringLiteral("MG0123456789abcdef0123456789abcdef"));
        QVERIFY(service);
        QCOMPARE(service->kind, QStringLiteral("service"));
        QCOMPARE(service->limits.perSecond, 25);
        QCOMPARE(service->limits.concurrency, 8);
        // Email senders are another channel's.
        QVERIFY(campaigns::SenderStore(f.db()).list().isEmpty());
    }

    // --- Quiet hours: an end before the start is refused; a narrower window is kept.
    QCOMPARE(page.quietStartEdit()->time(), QTime(8, 0));
    QCOMPARE(page.quietEndEdit()->time(), QTime(21, 0));
    page.quietEndEdit()->setTime(QTime(7, 30));
    QCOMPARE(page.quietStatus()->property("role").toString(), QStringLiteral("error"));
    QCOMPARE(settings.value(Settings::Key::SmsQuietEnd).toString(), QStringLiteral("21:00"));
    page.quietEndEdit()->setTime(QTime(20, 30));
    QVERIFY(!page.quietStatus()->isVisibleTo(&page));
    page.quietStartEdit()->setTime(QTime(9, 0));
    QCOMPARE(settings.smsQuietStartMinutes(), 9 * 60);
    QCOMPARE(settings.smsQuietEndMinutes(), 20 * 60 + 30);
    QTRY_COMPARE(stored(Settings::Key::SmsQuietStart), QStringLiteral("09:00"));
    QTRY_COMPARE(stored(Settings::Key::SmsQuietEnd), QStringLiteral("20:30"));
    page.quietStartEdit()->setTime(QTime(7, 0));
    QCOMPARE(page.quietStatus()->property("role").toString(), QStringLiteral("warning")); // wider than the law allows
    page.quietStartEdit()->setTime(QTime(9, 0));
    auto *stateRules = page.findChild<QCheckBox *>(QStringLiteral("smsStateRules"));
    QVERIFY(stateRules->isChecked()); // on by default
    stateRules->setChecked(false);
    QVERIFY(!settings.smsStateRules());
    QTRY_COMPARE(stored(Settings::Key::SmsStateRules), QStringLiteral("false"));
    stateRules->setChecked(true);
    QVERIFY(settings.smsStateRules());

    // --- Texts.
    finishEditing(page.findChild<QLineEdit *>(QStringLiteral("smsSenderName")), QStringLiteral("Acme Coffee"));
    QCOMPARE(settings.smsSenderName(), QStringLiteral("Acme Coffee"));
    const QString help = QStringLiteral("Acme Coffee: questions? help@acme.example or +1 555 010 0100. Msg & data rates may apply. "
                                        "Reply STOP to opt out.");
    page.findChild<QPlainTextEdit *>(QStringLiteral("smsHelpText"))->setPlainText(help);
    QTRY_COMPARE(settings.smsHelpText(), help);
    QTRY_COMPARE(stored(Settings::Key::SmsHelpText), help);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("smsHelpCount"))->text().contains(QLatin1String("Parts: 1")));
    auto *region = page.findChild<QComboBox *>(QStringLiteral("smsDefaultRegion"));
    QCOMPARE(region->currentData().toString(), QStringLiteral("US"));
    QVERIFY(region->currentText().contains(QLatin1String("United States")));
    region->setCurrentIndex(region->findData(QStringLiteral("CA")));
    QCOMPARE(settings.smsDefaultRegion(), QStringLiteral("CA"));
    QTRY_COMPARE(stored(Settings::Key::SmsDefaultRegion), QStringLiteral("CA"));
    region->setCurrentIndex(region->findData(QStringLiteral("US")));

    // --- Prices.
    QTableWidget *prices = page.pricesTable();
    const auto priceRow = [prices](const QString &country) {
        for (int r = 0; r < prices->rowCount(); ++r)
            if (prices->item(r, 0)->data(Qt::UserRole).toString() == country)
                return r;
        return -1;
    };
    const auto dbPrice = [&f](const QString &country) {
        QSqlQuery q(f.db());
        q.prepare(QStringLiteral("SELECT per_segment || ' ' || currency || ' ' || (updated_at > 0) FROM sms_prices WHERE country = ?"));
        q.addBindValue(country);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    };
    QVERIFY(prices->item(priceRow(QStringLiteral("US")), 0)->text().contains(QLatin1String("United States")));
    QSignalSpy pricesSaved(&page, &ui::SmsSettings::pricesSaved);
    QVERIFY(page.addPrice(QStringLiteral("nl"), QStringLiteral("0,1012"), QStringLiteral("eur")));
    QTRY_COMPARE(pricesSaved.size(), 1);
    QCOMPARE(dbPrice(QStringLiteral("NL")), QStringLiteral("0.1012 EUR 1"));
    QVERIFY(!page.addPrice(QStringLiteral("XX"), QStringLiteral("0.01"), QStringLiteral("USD")));
    QVERIFY(page.pricesStatus()->text().contains(QLatin1String("not a country code")));
    QVERIFY(!page.addPrice(QStringLiteral("US"), QStringLiteral("0.01"), QStringLiteral("USD")));
    QVERIFY(page.pricesStatus()->text().contains(QLatin1String("has a price already")));
    QVERIFY(!page.addPrice(QStringLiteral("JP"), QStringLiteral("cheap"), QStringLiteral("USD")));
    QCOMPARE(prices->rowCount(), 17);
    // Edited in place: a bad price is put back, a good one saved.
    prices->item(priceRow(QStringLiteral("US")), 1)->setText(QStringLiteral("abc"));
    QCOMPARE(prices->item(priceRow(QStringLiteral("US")), 1)->text(), QStringLiteral("0.0083"));
    QVERIFY(page.pricesStatus()->text().contains(QLatin1String("not a price")));
    QCOMPARE(dbPrice(QStringLiteral("US")), QStringLiteral("0.0083 USD 0")); // untouched: still the default
    prices->item(priceRow(QStringLiteral("US")), 1)->setText(QStringLiteral("0.0079"));
    QTRY_COMPARE(dbPrice(QStringLiteral("US")), QStringLiteral("0.0079 USD 1"));
    prices->item(priceRow(QStringLiteral("GB")), 2)->setText(QStringLiteral("gbp"));
    QTRY_COMPARE(dbPrice(QStringLiteral("GB")), QStringLiteral("0.0463 GBP 1"));
    prices->setCurrentCell(priceRow(QStringLiteral("IN")), 0);
    page.findChild<QPushButton *>(QStringLiteral("smsRemovePrice"))->click();
    QTRY_VERIFY(dbPrice(QStringLiteral("IN")).isEmpty());
    QTRY_VERIFY(page.pricesStatus()->text().contains(QLatin1String("Prices saved")));
    {
        QSqlQuery q(f.db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sms_prices")) && q.next());
        QCOMPARE(q.value(0).toInt(), 16);
    }

    // A page opened afresh shows what was saved.
    {
        ui::SmsSettings again(session);
        QTRY_COMPARE(again.pricesTable()->rowCount(), 16);
        QTRY_COMPARE(again.sendersTable()->rowCount(), 2);
        QCOMPARE(again.accountSidEdit()->text(), kSid);
        QCOMPARE(again.quietEndEdit()->time(), QTime(20, 30));
        QTRY_VERIFY(again.secretStatus()->text().contains(QLatin1String("The Auth Token is saved in the keychain")));
    }

    // The screenshot: the whole page, filled in and connected.
    page.testConnection();
    QTRY_VERIFY(page.connectionStatus()->text().contains(QLatin1String("Acme Coffee Marketing")));
    page.findChild<QToolButton *>(QStringLiteral("twilioAdvanced"))->click(); // folded, as most people leave it
    prices->clearSelection();
    prices->scrollToTop();
    page.sendersTable()->clearSelection();
    auto *content = page.findChild<QScrollArea *>()->widget();
    page.resize(780, content->sizeHint().height());
    QTest::qWait(50);
    int bottom = 0; // the last group's edge, and the page's margin below it
    for (const QWidget *group : content->findChildren<QGroupBox *>())
        bottom = std::max(bottom, group->geometry().bottom());
    page.resize(780, bottom + 21);
    QTest::qWait(50);
    const QPixmap shot = page.grab();
    QVERIFY(!shot.isNull());
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/settings-sms.png")));
    (void)test::await(session.secrets().remove(Secret::TwilioAuthToken));
}

// An agency's two clients opened in turn in one window: each database shows its own account, numbers
// and prices, and the first comes back as it was left.
void TestSmsSettings::eachDatabaseItsOwn()
{
    test::SessionFixture f(QStringLiteral("client-a.sqlite"));
    test::DatabaseFixture other(QStringLiteral("client-b.sqlite"));
    other.close();
    QVERIFY(f.openSession());
    ui::AppSession &session = f.session;
    const QString pathA = session.database()->path();
    ui::SmsSettings page(session);
    page.show();
    QTRY_COMPARE(page.pricesTable()->rowCount(), 16);
    finishEditing(page.accountSidEdit(), kSid);
    QSignalSpy saved(&page, &ui::SmsSettings::pricesSaved);
    QVERIFY(page.addPrice(QStringLiteral("JP"), QStringLiteral("0.0751"), QStringLiteral("USD")));
    QTRY_COMPARE(saved.size(), 1);
    ui::SmsSenderDialog *dialog = page.openSenderDialog(false);
    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("+13055550123"));
    dialog->save();
    QTRY_COMPARE(page.sendersTable()->rowCount(), 1);
    QTRY_COMPARE(test::readSetting(pathA, QStringLiteral("twilio.account_sid")), kSid);

    QVERIFY(session.open(other.path(), Database::Access::ReadWrite).ok());
    QCOMPARE(page.accountSidEdit()->text(), QString());
    QTRY_COMPARE(page.sendersTable()->rowCount(), 0);
    QTRY_COMPARE(page.pricesTable()->rowCount(), 16); // B's own defaults, without A's Japan

    QVERIFY(session.open(pathA, Database::Access::ReadWrite).ok());
    QCOMPARE(page.accountSidEdit()->text(), kSid);
    QTRY_COMPARE(page.sendersTable()->rowCount(), 1);
    QTRY_COMPARE(page.pricesTable()->rowCount(), 17);
}

LUX_GUI_TEST_MAIN(TestSmsSettings)
#include "tst_smssettings.moc"
