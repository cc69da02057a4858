// SPDX-License-Identifier: GPL-3.0-or-later
// The campaign report in the window: events pulled the way TrackerSync applies them (people,
// Apple's prefetches, a scanner's burst), shown as tiles, a chart with people and machines apart,
// clicks per link and the most engaged; exported as CSV and PDF.
#include "campaigns/campaignreportview.h"
#include "campaigns/campaignspage.h"
#include "common/dialogs.h"
#include "contacts/contactspage.h"
#include "dashboard/dashboardpage.h"
#include "common/translations.h"
#include "contacts/contactrepository.h"
#include "dialogguard.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "theme/theme.h"
#include "tracking/trackersync.h"
#include "mailbox/inboundapplier.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace lux;

class TestCampaignReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportShowsPeopleAndMachinesApart();
};

void TestCampaignReport::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
}

void TestCampaignReport::reportShowsPeopleAndMachinesApart()
{
    test::SessionFixture f;
    test::DatabaseFixture &data = f.data;
    ui::AppSession &session = f.session;
    // Three days ago, on the hour: inside the dashboard's 30 days.
    const qint64 kSentAt = (QDateTime::currentMSecsSinceEpoch() / 3'600'000 - 72) * 3'600'000;
    {
        QSqlDatabase c = data.db();
        QCOMPARE(*data.addCampaign(QStringLiteral("Spring launch"), QStringLiteral("sent"), kSentAt, QStringLiteral("Spring is here")), 1);
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO campaign_links (campaign_id, link_id, url, registered_at) VALUES "
                                      "(1, 1, 'https://shop.example/spring', 1), (1, 2, 'https://shop.example/sale', 1)")));
        for (int i = 0; i < 40; ++i) {
            const auto contact = data.addContact(QStringLiteral("reader%1@example.com").arg(i, 2, 10, QLatin1Char('0')));
            QVERIFY(contact);
            QVERIFY(data.addOutboxRow(1, *contact, *contact == 40 ? QStringLiteral("failed") : QStringLiteral("sent"),
                                      QStringLiteral("<m%1@acme.example>").arg(*contact), kSentAt));
        }
        // Events as lux-tracker reports them, over the first day.
        QJsonArray events;
        qint64 id = 0;
        const auto event = [&](const char *type, int recipient, qint64 afterMs, int link = 0, const char *reason = nullptr) {
            QJsonObject e{{QStringLiteral("id"), ++id}, {QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("campaign"), 1},
                          {QStringLiteral("recipient"), recipient}, {QStringLiteral("at"), kSentAt + afterMs},
                          {QStringLiteral("machine"), reason != nullptr}};
            if (link)
                e.insert(QStringLiteral("link"), link);
            if (reason)
                e.insert(QStringLiteral("reason"), QString::fromLatin1(reason));
            events.append(e);
        };
        for (int r = 1; r <= 24; ++r) // people open through the day
            event("open", r, (r % 12) * 3'600'000LL + 120'000);
        for (int r = 25; r <= 32; ++r) // Apple's proxy fetches at once
            event("open", r, 2'000, 0, "apple-mpp");
        for (int r = 1; r <= 9; ++r)
            event("click", r, (r % 12) * 3'600'000LL + 300'000, r % 3 == 0 ? 2 : 1);
        event("click", 33, 4 * 3'600'000LL, 1); // a scanner's burst: both links within a second
        event("click", 33, 4 * 3'600'000LL + 300, 2);
        event("unsubscribe", 7, 5 * 3'600'000LL);
        const auto applied = tracking::TrackerSync(nullptr, c, QString(), QByteArray()).apply(events, QString::number(id));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(applied->machine, 10);
        // What came back to the sender mailbox: three hard bounces, a soft one, a reply.
        mailbox::InboundApplier inbox(c, nullptr);
        const auto back = [&](mailbox::InboundClass kind, int outboxRow, const QString &status, const QString &text) {
            mailbox::InboundResult r;
            r.kind = kind;
            r.originalMessageId = QStringLiteral("<m%1@acme.example>").arg(outboxRow);
            r.status = status;
            r.diagnostic = kind == mailbox::InboundClass::Reply ? QString() : text;
            r.recipient = r.originalRecipient = QStringLiteral("reader%1@example.com").arg(outboxRow - 1, 2, 10, QLatin1Char('0'));
            r.sender = kind == mailbox::InboundClass::Reply ? r.recipient : QStringLiteral("postmaster@example.com");
            r.subject = kind == mailbox::InboundClass::Reply ? QStringLiteral("Re: Spring is here") : QStringLiteral("Undeliverable");
            r.excerpt = kind == mailbox::InboundClass::Reply ? text : QString();
            return inbox.apply({QStringLiteral("news@acme.example"), QStringLiteral("g%1").arg(outboxRow), QDateTime::fromMSecsSinceEpoch(kSentAt + 600'000)}, r);
        };
        for (int row : {36, 37, 38})
            QVERIFY(back(mailbox::InboundClass::HardBounce, row, QStringLiteral("5.1.1"), QStringLiteral("550 5.1.1 User unknown")));
        QVERIFY(back(mailbox::InboundClass::SoftBounce, 39, QStringLiteral("4.2.2"), QStringLiteral("452 4.2.2 Mailbox full")));
        QVERIFY(back(mailbox::InboundClass::Reply, 3, QString(), QStringLiteral("Do you ship the spring boxes to Canada?")));
    }
    QVERIFY(f.openSession());

    ui::CampaignsPage page(session);
    page.resize(1200, 860);
    page.show();
    auto *list = page.findChild<QTableView *>(QStringLiteral("campaignsView"));
    QVERIFY(list);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    list->selectRow(0);
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("campaignDetailTabs"));
    tabs->setCurrentIndex(1);
    auto *report = page.findChild<ui::CampaignReportView *>();
    QTRY_COMPARE(report->report().campaignId, 1);
    const auto tile = [&](int i) { return page.findChild<QLabel *>(QStringLiteral("reportTile%1").arg(i))->text(); };
    QCOMPARE(tile(0), QStringLiteral("39"));      // sent (one failed)
    QCOMPARE(tile(1), QStringLiteral("24"));      // opened by people
    QCOMPARE(tile(2), QStringLiteral("8"));       // Apple's prefetches
    QCOMPARE(tile(3), QStringLiteral("9"));       // clicked by people (the scanner is not one)
    QCOMPARE(tile(4), QStringLiteral("37.5 %"));  // 9 of 24
    QCOMPARE(tile(5), QStringLiteral("1"));
    QCOMPARE(tile(6), QStringLiteral("4")); // 3 hard, 1 soft: 10.3 %, over the 2 % warning
    QVERIFY2(page.findChild<QLabel *>(QStringLiteral("reportNote"))->text().contains(QStringLiteral("more than the 2 %")),
             qPrintable(page.findChild<QLabel *>(QStringLiteral("reportNote"))->text()));
    QCOMPARE(report->report().hardBounces, 3);
    QCOMPARE(report->report().softBounces, 1);
    QCOMPARE(report->report().replies, 1);
    QCOMPARE(report->chartView()->chart()->series().size(), 4);
    auto *links = page.findChild<QTableWidget *>(QStringLiteral("reportLinks"));
    QCOMPARE(links->rowCount(), 2);
    QCOMPARE(links->item(0, 0)->text(), QStringLiteral("https://shop.example/spring"));
    QCOMPARE(links->item(0, 1)->text(), QStringLiteral("6")); // people
    QCOMPARE(links->item(0, 2)->text(), QStringLiteral("1")); // the scanner
    QCOMPARE(page.findChild<QTableWidget *>(QStringLiteral("reportEngaged"))->rowCount(), 10);

    // Exports: CSV with the figures, a PDF with the chart.
    QSignalSpy exported(report, &ui::CampaignReportView::exported);
    QVERIFY(report->exportCsv(data.filePath(QStringLiteral("r.csv"))));
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.last().at(1).toString().isEmpty());
    QVERIFY(test::readAll(data.filePath(QStringLiteral("r.csv"))).contains("Unique opens,24,8,32"));
    QVERIFY(report->exportPdf(data.filePath(QStringLiteral("r.pdf"))));
    QVERIFY(exported.wait(10000));
    const QByteArray pdf = test::readAll(data.filePath(QStringLiteral("r.pdf")));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 4000);
    // A folder that does not exist: a clear error, nothing written.
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &) { return QMessageBox::Ok; });
    QVERIFY(report->exportCsv(data.filePath(QStringLiteral("missing/r.csv"))));
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.last().at(1).toString().contains(QLatin1String("could not be written")));

    QTest::qWait(100);
    const QPixmap shot = page.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/campaign-report.png")));

    // A contact's own activity: what they were sent, opened and clicked; the scanner's contact
    // shows its clicks as a machine's.
    ui::ContactsPage contactsPage(session);
    contactsPage.resize(1200, 760);
    contactsPage.show();
    auto *contactsView = contactsPage.findChild<QTableView *>(QStringLiteral("contactsView"));
    QTRY_COMPARE(contactsView->model()->rowCount(), 40);
    const auto detailsOf = [&](const QString &email) -> QString {
        for (int row = 0; row < contactsView->model()->rowCount(); ++row)
            if (contactsView->model()->index(row, 0).data(Qt::UserRole + 1).toString() == email
                || contactsView->model()->index(row, 1).data().toString() == email
                || contactsView->model()->index(row, 0).data().toString() == email) {
                contactsView->selectRow(row);
                contactsView->setCurrentIndex(contactsView->model()->index(row, 0));
                auto *details = contactsPage.findChild<QLabel *>(QStringLiteral("contactDetails"));
                // The details are read on a worker: wait until they are this contact's.
                if (!QTest::qWaitFor([&] { return details->text().contains(email); }, 10000))
                    return QStringLiteral("(the details of %1 never showed)").arg(email);
                return details->text();
            }
        return {};
    };
    // (Outbox row r is reader r−1: reader02 is recipient 3, who clicked the second link.)
    const QString reader3 = detailsOf(QStringLiteral("reader02@example.com"));
    QVERIFY2(reader3.contains(QStringLiteral("received “Spring launch”")), qPrintable(reader3));
    QVERIFY(reader3.contains(QStringLiteral("opened “Spring launch”")));
    QVERIFY(reader3.contains(QStringLiteral("clicked https://shop.example/sale in “Spring launch”")));
    QVERIFY2(reader3.contains(QStringLiteral("replied “Re: Spring is here”: Do you ship the spring boxes to Canada? (about “Spring launch”)")),
             qPrintable(reader3));
    const QString bounced = detailsOf(QStringLiteral("reader35@example.com"));
    QVERIFY2(bounced.contains(QStringLiteral("bounced for good (5.1.1): 550 5.1.1 User unknown")), qPrintable(bounced));
    QVERIFY(bounced.contains(QStringLiteral("On the suppression list")));
    const QString reader33 = detailsOf(QStringLiteral("reader32@example.com"));
    QVERIFY2(reader33.contains(QStringLiteral("(a machine: every link clicked at once)")), qPrintable(reader33));
    (void)detailsOf(QStringLiteral("reader02@example.com"));
    QTest::qWait(100);
    if (!dir.isEmpty())
        QVERIFY(contactsPage.grab().save(dir + QStringLiteral("/contact-activity.png")));

    // The dashboard: the same campaign among the last 30 days.
    ui::DashboardPage dashboard(session);
    dashboard.resize(1200, 760);
    dashboard.show();
    auto *note = dashboard.findChild<QLabel *>(QStringLiteral("engagementNote"));
    QTRY_VERIFY2(note->text().contains(QStringLiteral("39 sent · opened by 24 people · clicked by 9 people · 8 opens by image proxies")),
                 qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("4 bounced (10.3 %)")), qPrintable(note->text()));
    QCOMPARE(note->property("role").toString(), QStringLiteral("warning"));
    QCOMPARE(dashboard.findChild<QChartView *>(QStringLiteral("engagementChart"))->chart()->series().size(), 5);
    QTest::qWait(100);
    if (!dir.isEmpty())
        QVERIFY(dashboard.grab().save(dir + QStringLiteral("/dashboard-engagement.png")));
}

LUX_GUI_TEST_MAIN(TestCampaignReport)
#include "tst_campaignreport.moc"
