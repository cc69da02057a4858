// SPDX-License-Identifier: GPL-3.0-or-later
// SMS campaigns in the window (issue 15): the campaigns list with its channel, the one report that
// knows the channel (receipts, failures by Twilio's code, opt-outs, clicks, segments and cost, texts
// waiting for quiet hours), a contact's SMS consent, texts and replies, the dashboard's texts beside
// email, and the wizard's SMS step (greyed out with its reason until Twilio is set up; the composer,
// who is left out and why, the estimate over the audience). LUX_SCREENSHOT_DIR=DIR saves
// sms-report.png and sms-wizard.png there; LUX_SMS_CONTACT_SHOT=PATH saves the contact panel (not in docs).
#include "campaigns/campaignreportview.h"
#include "campaigns/campaignsmodel.h"
#include "campaigns/campaignspage.h"
#include "campaigns/campaignwizard.h"
#include "campaigns/senderstore.h"
#include "campaigns/smscomposer.h"
#include "common/dialogs.h"
#include "common/translations.h"
#include "contacts/contactspage.h"
#include "contacts/phonenumbers.h"
#include "contacts/smsconsent.h"
#include "dashboard/dashboardpage.h"
#include "dialogguard.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "storage/sqlvalues.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace lux;

namespace {

constexpr qint64 kMinute = 60'000, kHour = 3'600'000;

// English plural forms for the screenshots only ("3 parts", not "3 part(s)"), as lux_en.ts will carry
// them once the lead runs the translation update.
class EnglishPlurals : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int n) const override
    {
        if (n < 0)
            return {};
        QString s = QString::fromUtf8(source);
        if (!s.contains(QLatin1String("(s)")) && !s.contains(QLatin1String("(es)")))
            return {};
        s.replace(QLatin1String("(es)"), n == 1 ? QString() : QStringLiteral("es"));
        s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
        if (n != 1)
            s.replace(QLatin1String(" is "), QLatin1String(" are "));
        return s;
    }
};

const QStringList kFirstNames{QStringLiteral("Ana"), QStringLiteral("Bo"), QStringLiteral("Carmen"), QStringLiteral("Dmitri"),
                              QStringLiteral("Maximiliano-Alejandro"), QStringLiteral("Eve"), QStringLiteral("Guadalupe"),
                              QStringLiteral("Jo"), QStringLiteral("Kwame"), QStringLiteral("Siobhán")};

// 200 texted contacts of a campaign sent an hour ago, 15 contacts without a number and 10 without
// consent. Of the 200: 180 accepted by Twilio (171 delivered, 5 undelivered, 2 failed at the carrier,
// 2 without a receipt yet), 12 refused (21610 ×4, 21211 ×5, 21614 ×3), 8 waiting for quiet hours.
struct Seeded
{
    qint64 campaignId = 0;
    qint64 firstContact = 0;
};

Result<Seeded> seed(test::DatabaseFixture &data, qint64 sentAt)
{
    QSqlDatabase db = data.db();
    Seeded out;
    if (auto s = campaigns::SenderStore(db, QStringLiteral("sms")).save(QStringLiteral("+12015550100"), {}); !s)
        return s.error();
    const auto campaign = data.addCampaign(QStringLiteral("Weekend bean sale"), QStringLiteral("sending"), sentAt, {}, QStringLiteral("+12015550100"));
    if (!campaign)
        return campaign.error();
    out.campaignId = *campaign;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE campaigns SET channel = 'sms', from_name = 'Acme Coffee', body = ? WHERE id = ?"));
    q.addBindValue(QStringLiteral("Acme Coffee: Hi {{first_name}}, 20% off every bag of beans this weekend: https://acme.example/beans"));
    q.addBindValue(out.campaignId);
    if (!q.exec())
        return storage::queryError(q, QStringLiteral("db.write"));
    if (Status s = data.addLink(out.campaignId, 1, QStringLiteral("https://acme.example/beans")); !s)
        return s.error();
    contacts::SmsConsent consent(db);
    QList<qint64> rows;
    QStringList numbers;
    for (int i = 0; i < 200; ++i) {
        const QString number = (i % 4 == 3 ? QStringLiteral("+1213555%1") : QStringLiteral("+1201555%1")).arg(200 + i, 4, 10, QLatin1Char('0'));
        const auto contact = data.addContact(QStringLiteral("fan%1@example.com").arg(i + 1, 3, 10, QLatin1Char('0')), kFirstNames.at(i % 10));
        if (!contact)
            return contact.error();
        if (i == 0)
            out.firstContact = *contact;
        // As the contact repository stores a number: E.164 with libphonenumber's type and region.
        q.prepare(QStringLiteral("UPDATE contacts SET phone = ?, phone_type = ?, phone_region = 'US', country = 'US' WHERE id = ?"));
        q.addBindValue(number);
        q.addBindValue(contacts::PhoneNumbers::typeCode(contacts::PhoneType::FixedLineOrMobile));
        q.addBindValue(*contact);
        if (!q.exec())
            return storage::queryError(q, QStringLiteral("db.write"));
        if (Status s = consent.give(*contact, contacts::SmsConsent::Method::Import,
                                    QStringLiteral("Yes, text me offers from Acme Coffee (up to 4 a month). Reply STOP to stop."),
                                    QStringLiteral("spring-fair.csv"), std::nullopt);
            !s)
            return s.error();
        // State, error code, receipt, receipt code, price.
        QString state = QStringLiteral("sent"), error, delivery = QStringLiteral("delivered"), deliveryCode, price;
        qint64 dueAt = 0;
        if (i >= 192) {
            state = QStringLiteral("pending");
            error = QStringLiteral("sms.quiet-hours");
            delivery.clear();
            dueAt = sentAt + 3 * kHour + (i - 192) * kMinute;
        } else if (i >= 180) {
            state = QStringLiteral("failed");
            delivery.clear();
            error = i < 184 ? QStringLiteral("21610") : i < 189 ? QStringLiteral("21211") : QStringLiteral("21614");
        } else if (i >= 178) {
            delivery.clear(); // no receipt yet
        } else if (i >= 176) {
            delivery = QStringLiteral("failed");
            deliveryCode = QStringLiteral("30007");
        } else if (i >= 171) {
            delivery = QStringLiteral("undelivered");
            deliveryCode = i < 174 ? QStringLiteral("30003") : i == 174 ? QStringLiteral("30005") : QStringLiteral("30006");
        }
        const int segments = state == QLatin1String("sent") ? (kFirstNames.at(i % 10).size() > 12 ? 2 : 1) : 0;
        if (state == QLatin1String("sent") && i < 150)
            price = QString::number(-0.0083 * segments, 'f', 5);
        q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, error_code, "
                                 " due_at, attempted_at, provider_ref, delivery, delivery_code, delivery_at, segments, price, price_unit, sender, "
                                 " updated_at) VALUES (?, ?, 'sms', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '+12015550100', ?)"));
        const qint64 at = sentAt + i * 1'000;
        const auto text = [](const QString &v) { return v.isNull() ? QStringLiteral("") : v; }; // NULL is refused
        for (const QVariant &v : QVariantList{out.campaignId, *contact, number, number, state, QStringLiteral("sms.%1").arg(i), text(error), dueAt,
                                              state == QLatin1String("pending") ? 0 : at, QStringLiteral("SM%1").arg(i, 32, 10, QLatin1Char('0')),
                                              text(delivery), text(deliveryCode), delivery.isEmpty() ? QVariant() : QVariant(at + kMinute), segments, text(price),
                                              price.isEmpty() ? QStringLiteral("") : QStringLiteral("USD"), at})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q, QStringLiteral("db.write"));
        rows << q.lastInsertId().toLongLong();
        numbers << number;
        if (error == QLatin1String("21610"))
            if (auto o = consent.optOut(number, QStringLiteral("Twilio refused a text to this number: it replied STOP (21610).")); !o)
                return o.error();
    }
    // Clicks on the short link: 40 people (some twice), and 25 link previews.
    for (int i = 0; i < 40; ++i)
        for (int k = 0; k < (i % 5 == 0 ? 2 : 1); ++k)
            if (auto e = data.addTrackingEvent(rows.at(i * 4), QStringLiteral("click"), sentAt + (3 + i * i / 4 + k * 45) * kMinute, false, 1); !e)
                return e.error();
    for (int i = 0; i < 25; ++i)
        if (auto e = data.addTrackingEvent(rows.at(i * 4 + 1), QStringLiteral("click"), sentAt + 2 * kMinute + i * 1'000, true, 1,
                                           QStringLiteral("link-preview"));
            !e)
            return e.error();
    // Replies: three STOPs, a question and a thank-you.
    const QList<std::tuple<int, QString, QString>> replies{{0, QStringLiteral("STOP"), QStringLiteral("opt-out")},
                                                           {9, QStringLiteral("stop texting me"), QStringLiteral("opt-out")},
                                                           {40, QStringLiteral("Unsubscribe"), QStringLiteral("opt-out")},
                                                           {0, QStringLiteral("Do you ship to Canada?"), QStringLiteral("other")},
                                                           {12, QStringLiteral("Thanks!"), QStringLiteral("other")}};
    int n = 0;
    for (const auto &[index, body, keyword] : replies) {
        q.prepare(QStringLiteral("INSERT INTO sms_inbound (sid, contact_id, from_number, to_number, body, keyword, received_at) "
                                 "VALUES (?, ?, ?, '+12015550100', ?, ?, ?)"));
        ++n;
        for (const QVariant &v : QVariantList{QStringLiteral("SMin%1").arg(n), out.firstContact + index, numbers.at(index), body, keyword,
                                              sentAt + (20 + n) * kMinute})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q, QStringLiteral("db.write"));
        if (keyword == QLatin1String("opt-out"))
            if (auto o = consent.optOut(numbers.at(index), QStringLiteral("Texted “%1”").arg(body)); !o)
                return o.error();
    }
    // The rest of the audience: contacts without a number, and numbers without consent to texts.
    for (int i = 0; i < 15; ++i)
        if (auto c = data.addContact(QStringLiteral("mailonly%1@example.com").arg(i)); !c)
            return c.error();
    for (int i = 0; i < 10; ++i) {
        const auto c = data.addContact(QStringLiteral("noconsent%1@example.com").arg(i));
        if (!c)
            return c.error();
        q.prepare(QStringLiteral("UPDATE contacts SET phone = ?, phone_type = ?, phone_region = 'US' WHERE id = ?"));
        q.addBindValue(QStringLiteral("+1201555%1").arg(900 + i));
        q.addBindValue(contacts::PhoneNumbers::typeCode(contacts::PhoneType::FixedLineOrMobile));
        q.addBindValue(*c);
        if (!q.exec())
            return storage::queryError(q, QStringLiteral("db.write"));
    }
    return out;
}

QString shotDir()
{
    return qEnvironmentVariable("LUX_SCREENSHOT_DIR");
}

} // namespace

class TestSmsCampaign : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listReportContactAndDashboard();
    void wizardWithoutTwilioSaysWhy();
    void wizardSmsStep();
};

void TestSmsCampaign::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
}

void TestSmsCampaign::listReportContactAndDashboard()
{
    test::SessionFixture f;
    // Sent this morning-ish: a day ago, so its clicks spread over the hours after it.
    const qint64 sentAt = (QDateTime::currentMSecsSinceEpoch() / kHour - 24) * kHour;
    const auto seeded = seed(f.data, sentAt);
    QVERIFY2(seeded, test::errorText(seeded).constData());
    QVERIFY(f.openSession());
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);

    ui::CampaignsPage page(f.session);
    page.resize(1280, 960);
    page.show();
    auto *list = page.findChild<QTableView *>(QStringLiteral("campaignsView"));
    QTRY_COMPARE(list->model()->rowCount(), 1);
    // The list says the channel.
    QCOMPARE(list->model()->index(0, ui::CampaignsModel::Channel).data().toString(), QStringLiteral("SMS"));
    QCOMPARE(list->model()->headerData(ui::CampaignsModel::Channel, Qt::Horizontal).toString(), QStringLiteral("Channel"));
    list->selectRow(0);
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("campaignDetailTabs"));
    tabs->setCurrentIndex(1);
    auto *report = page.findChild<ui::CampaignReportView *>();
    QTRY_COMPARE(report->report().campaignId, seeded->campaignId);
    const auto tile = [&](int i) { return page.findChild<QLabel *>(QStringLiteral("reportTile%1").arg(i))->text(); };
    QCOMPARE(tile(0), QStringLiteral("180")); // accepted by Twilio
    QCOMPARE(tile(1), QStringLiteral("171")); // delivered
    QCOMPARE(tile(2), QStringLiteral("5"));   // undelivered
    QCOMPARE(tile(3), QStringLiteral("14"));  // 12 refused, 2 failed at the carrier
    QCOMPARE(tile(4), QStringLiteral("40"));  // clicked by people; the link previews are machines
    QCOMPARE(tile(5), QStringLiteral("7"));   // 3 STOPs after the start, 4 refused with 21610
    QVERIFY2(tile(6).startsWith(QStringLiteral("$")), qPrintable(tile(6)));
    QCOMPARE(report->report().uniqueClicks.machine, 25);
    QCOMPARE(report->report().waitingQuietHours, 8);
    QCOMPARE(report->report().waitingUntil, sentAt + 3 * kHour + 7 * kMinute);
    QCOMPARE(report->report().pricedTexts, 150);
    QCOMPARE(report->report().estimatedTexts, 30);
    auto *failures = page.findChild<QTableWidget *>(QStringLiteral("reportFailures"));
    QVERIFY(failures->isVisible());
    QVERIFY(!page.findChild<QTableWidget *>(QStringLiteral("reportEngaged"))->isVisible());
    QCOMPARE(failures->rowCount(), 7);
    QCOMPARE(failures->item(0, 0)->text(), QStringLiteral("21211"));
    QCOMPARE(failures->item(0, 1)->text(), QStringLiteral("5"));
    QCOMPARE(failures->item(0, 2)->text(), QStringLiteral("Not a valid phone number"));
    const QString note = page.findChild<QLabel *>(QStringLiteral("reportNote"))->text();
    QVERIFY2(note.contains(QStringLiteral("8 texts wait for the recipients' quiet hours to end, the last until")), qPrintable(note));
    // Texts have no opens: the chart shows clicks only.
    QCOMPARE(report->chartView()->chart()->series().size(), 2);
    // Beside the progress: nothing goes now, the rest waits for its windows.
    auto *rate = page.findChild<QLabel *>(QStringLiteral("campaignRate"));
    QVERIFY(rate);
    QTRY_VERIFY2(rate->text().startsWith(QStringLiteral("8 texts waiting for quiet hours, until ")), qPrintable(rate->text()));
    // CSV export like email's, with the SMS figures.
    QSignalSpy exported(report, &ui::CampaignReportView::exported);
    QVERIFY(report->exportCsv(f.data.filePath(QStringLiteral("sms.csv"))));
    QVERIFY(exported.wait(10000));
    const QByteArray csv = test::readAll(f.data.filePath(QStringLiteral("sms.csv")));
    QVERIFY(csv.contains("Delivered,171"));
    QVERIFY(csv.contains("Opt-outs,7"));
    QVERIFY(csv.contains("30003,3,Unreachable: the phone is off or out of coverage"));
    QTest::qWait(100);
    if (!shotDir().isEmpty())
        QVERIFY(page.grab().save(shotDir() + QStringLiteral("/sms-report.png")));

    // The contact panel: SMS consent with its history, the texts sent and the replies.
    ui::ContactsPage contactsPage(f.session);
    contactsPage.resize(1200, 800);
    contactsPage.show();
    auto *contactsView = contactsPage.findChild<QTableView *>(QStringLiteral("contactsView"));
    QTRY_VERIFY(contactsView->model()->rowCount() >= 200);
    int fan1 = -1;
    for (int row = 0; row < contactsView->model()->rowCount() && fan1 < 0; ++row)
        for (int col = 0; col < contactsView->model()->columnCount(); ++col)
            if (contactsView->model()->index(row, col).data().toString() == QLatin1String("fan001@example.com"))
                fan1 = row;
    QVERIFY(fan1 >= 0);
    contactsView->selectRow(fan1);
    contactsView->setCurrentIndex(contactsView->model()->index(fan1, 0));
    auto *details = contactsPage.findChild<QLabel *>(QStringLiteral("contactDetails"));
    QTRY_VERIFY(details->text().contains(QStringLiteral("fan001@example.com")) && details->text().contains(QStringLiteral("SMS consent")));
    const QString panel = details->text();
    QVERIFY2(panel.contains(QStringLiteral("On the SMS suppression list (said STOP): never texted")), qPrintable(panel));
    QVERIFY2(panel.contains(QStringLiteral("given by import, from spring-fair.csv · agreed to “Yes, text me offers from Acme Coffee")),
             qPrintable(panel));
    QVERIFY2(panel.contains(QStringLiteral("withdrawn by")), qPrintable(panel));
    QVERIFY2(panel.contains(QStringLiteral("“Weekend bean sale” to +12015550200, delivered")), qPrintable(panel));
    QVERIFY2(panel.contains(QStringLiteral("opted out: “STOP”")), qPrintable(panel));
    QVERIFY2(panel.contains(QStringLiteral("replied “Do you ship to Canada?”")), qPrintable(panel));
    if (qEnvironmentVariableIsSet("LUX_SMS_CONTACT_SHOT")) {
        QTest::qWait(100);
        contactsPage.grab().save(qEnvironmentVariable("LUX_SMS_CONTACT_SHOT"));
    }
    // Texts are not email activity, nor is SMS consent email consent.
    QVERIFY2(!panel.contains(QStringLiteral("received “Weekend bean sale”")), qPrintable(panel));
    QVERIFY2(!panel.contains(QStringLiteral("withdrawn by keyword")), qPrintable(panel));

    // The dashboard: texts beside email.
    ui::DashboardPage dashboard(f.session);
    dashboard.resize(1200, 760);
    dashboard.show();
    auto *texts = dashboard.findChild<QLabel *>(QStringLiteral("textsNote"));
    // (People who clicked are counted per day, as for email: one who clicked on two days counts twice.)
    QTRY_VERIFY2(texts->text().startsWith(QStringLiteral("Texts: 180 sent · 95.0 % delivered · clicked by ")), qPrintable(texts->text()));
    QVERIFY2(texts->text().endsWith(QStringLiteral(" people · 3 opt-outs")), qPrintable(texts->text()));
    QVERIFY(dashboard.findChild<QLabel *>(QStringLiteral("engagementNote"))->text().contains(QStringLiteral("No email")));
    QCOMPARE(dashboard.findChild<QChartView *>(QStringLiteral("engagementChart"))->chart()->series().size(), 6);
    QCoreApplication::removeTranslator(&plurals);
}

void TestSmsCampaign::wizardWithoutTwilioSaysWhy()
{
    test::SessionFixture f;
    QVERIFY(f.openSession());
    ui::CampaignWizard wizard(f.session, 0);
    QTRY_VERIFY(!wizard.isLoading());
    QVERIFY(!wizard.smsChoice()->isEnabled());
    QVERIFY(!wizard.smsUnavailableLabel()->isHidden());
    QCOMPARE(wizard.smsUnavailableReason(),
             QStringLiteral("Texts need a Twilio account and a sending number: set them up under Settings → SMS."));
    QVERIFY(!wizard.setChannel(QStringLiteral("sms")));
    QCOMPARE(wizard.channel(), QStringLiteral("email"));
    wizard.reject();
}

void TestSmsCampaign::wizardSmsStep()
{
    test::SessionFixture f;
    const qint64 sentAt = (QDateTime::currentMSecsSinceEpoch() / kHour - 2) * kHour;
    const auto seeded = seed(f.data, sentAt);
    QVERIFY2(seeded, test::errorText(seeded).constData());
    // Database settings, as the teammate who set up Settings → SMS left them.
    QVERIFY(f.setDatabaseSetting(Settings::Key::TwilioAccountSid, QStringLiteral("AC00000000000000000000000000000000")));
    QVERIFY(f.setDatabaseSetting(Settings::Key::SmsSenderName, QStringLiteral("Acme Coffee")));
    QVERIFY(f.openSession());
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);

    ui::CampaignWizard wizard(f.session, 0);
    wizard.resize(1040, 800);
    wizard.show();
    QTRY_VERIFY(!wizard.isLoading());
    QVERIFY(wizard.smsChoice()->isEnabled());
    QVERIFY(wizard.smsUnavailableLabel()->isHidden());
    QVERIFY(wizard.setChannel(QStringLiteral("sms")));
    QCOMPARE(wizard.smsFromCombo()->currentText(), QStringLiteral("+12015550100"));
    QCOMPARE(wizard.smsSenderNameEdit()->text(), QStringLiteral("Acme Coffee"));
    wizard.nameEdit()->setText(QStringLiteral("Winter warmers"));
    // Who is left out, and why: the 15 without a number, and the 10 without consent with the 7 whose
    // consent was withdrawn (STOP, 21610).
    QTRY_VERIFY(wizard.breakdown().has_value());
    QCOMPARE(wizard.breakdown()->reachable, 193);
    QCOMPARE(wizard.breakdown()->noAddress, 15);
    QCOMPARE(wizard.breakdown()->noConsent + wizard.breakdown()->suppressed, 17);
    QVERIFY2(wizard.countLabel()->text().contains(QStringLiteral("193 contacts would receive this text now.")), qPrintable(wizard.countLabel()->text()));
    QVERIFY2(wizard.countLabel()->text().contains(QStringLiteral("32 contacts left out: 15 without a mobile number")),
             qPrintable(wizard.countLabel()->text()));
    // The text, with curly quotes and a long dash that force UCS-2.
    // Two parts for most names, three for the longest (UCS-2: 134 units in two parts).
    wizard.composer()->setBody(QStringLiteral("Acme Coffee: Hi {{first_name}}, our “Winter Warmers” are back — 20% off every latte until "
                                              "Sunday at the bar."));
    QVERIFY(!wizard.composer()->replaceButton()->isHidden());
    // An estimate of the empty text may still arrive first: wait for this text's.
    QTRY_VERIFY_WITH_TIMEOUT(wizard.estimate() && wizard.estimate()->minParts < wizard.estimate()->maxParts, 20000);
    const analytics::SmsEstimate e = *wizard.estimate();
    QCOMPARE(e.recipients, 193);
    QCOMPARE(e.minParts, 2);
    QCOMPARE(e.maxParts, 3);
    QVERIFY(e.segments >= e.recipients * e.minParts && e.segments <= e.recipients * e.maxParts);
    QVERIFY(e.cost > 0);
    QCOMPARE(e.unpriced, 0);
    // The preview is merged for the audience's first contact (fan002: fan001 said STOP).
    QVERIFY2(wizard.composer()->sampleText().contains(QStringLiteral("Hi Bo,")), qPrintable(wizard.composer()->sampleText()));
    QVERIFY2(wizard.estimateLabel()->text().contains(QStringLiteral("Estimate for 193 recipients")), qPrintable(wizard.estimateLabel()->text()));
    QVERIFY(wizard.estimateLabel()->text().contains(QStringLiteral("%1 to %2 parts a text").arg(e.minParts).arg(e.maxParts)));

    // At 07:00 UTC it is night in every US zone: everyone waits for their window.
    wizard.setWhen(ui::CampaignWizard::When::At);
    wizard.atEdit()->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(7, 0), QTimeZone::utc()).toLocalTime());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::CampaignWizard::AudiencePage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::CampaignWizard::SchedulePage));
    wizard.next();
    const qint64 sevenUtc = QDateTime(QDate::currentDate().addDays(1), QTime(7, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.estimate() && wizard.estimate()->quietUntil > sevenUtc, 20000);
    QCOMPARE(wizard.estimate()->inQuietHours, 193);
    QVERIFY2(wizard.estimateLabel()->text().contains(QStringLiteral("193 recipients are in their quiet hours at that moment")),
             qPrintable(wizard.estimateLabel()->text()));
    wizard.back();
    wizard.back();
    wizard.back();
    QCOMPARE(wizard.currentId(), int(ui::CampaignWizard::MessagePage));
    QTest::qWait(150);
    if (!shotDir().isEmpty())
        QVERIFY(wizard.grab().save(shotDir() + QStringLiteral("/sms-wizard.png")));

    // Saved through CampaignStore like email: channel, text, number and sender's name.
    QSignalSpy saved(&wizard, &ui::CampaignWizard::campaignSaved);
    wizard.saveDraft();
    QVERIFY(saved.wait(10000));
    const auto stored = campaigns::CampaignStore(f.db()).find(saved.first().at(0).toLongLong());
    QVERIFY(stored);
    QCOMPARE(stored->channel, QStringLiteral("sms"));
    QCOMPARE(stored->fromEmail, QStringLiteral("+12015550100"));
    QCOMPARE(stored->fromName, QStringLiteral("Acme Coffee"));
    QVERIFY(stored->body.startsWith(QStringLiteral("Acme Coffee: Hi {{first_name}}, our “Winter Warmers”")));
    QCOMPARE(stored->templateId, 0);
    QVERIFY(saved.first().at(1).toBool() == false); // a draft
    QCoreApplication::removeTranslator(&plurals);

    // Opened again, it stays a text.
    ui::CampaignWizard again(f.session, stored->id);
    QTRY_VERIFY(!again.isLoading());
    QCOMPARE(again.channel(), QStringLiteral("sms"));
    QCOMPARE(again.composer()->body(), stored->body);
    QVERIFY(!again.setChannel(QStringLiteral("email")));
    again.reject();
}

LUX_GUI_TEST_MAIN(TestSmsCampaign)
#include "tst_smscampaign.moc"
