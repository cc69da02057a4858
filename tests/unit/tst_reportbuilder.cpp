// SPDX-License-Identifier: GPL-3.0-or-later
// ReportBuilder on a real database file: a campaign's figures with people and machines apart, the
// rates (a click counts as an open; nothing divides by zero), links, the timeline, the most engaged,
// the CSV export with formulas neutralised, and the dashboard's days across campaigns.
#include "analytics/campaignreport.h"
#include "databasefixture.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;
using analytics::CampaignReport;
using analytics::ReportBuilder;

namespace {
constexpr qint64 kMinute = 60'000, kHour = 3'600'000, kDay = 86'400'000;
constexpr qint64 kDay0 = 20'718 * kDay; // a UTC midnight in 2026
} // namespace

class TestReportBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void figures_data();
    void figures();
    void unknownCampaign();
    void linksMostClickedByPeopleFirst();
    void timelineByHourThenByDay_data();
    void timelineByHourThenByDay();
    void mostEngagedArePeople();
    void csvNeutralisesFormulas();
    void daysAcrossCampaigns();
    void smsFigures();
    void smsCsvAndJson();
    void smsErrorMeanings();
    void daysPerChannel();

private:
    // An SMS campaign's ten recipients in every state a text can be in (see smsFigures).
    QList<qint64> smsCampaign();
    // A campaign with `recipients` outbox rows (the last `failed` of them failed), sent at kDay0.
    // Returns the outbox ids in order.
    QList<qint64> campaign(const QString &name, int recipients, int failed = 0, qint64 sentAt = kDay0);
    // "open 3", "open 3 m" (a machine), "click 1 L2" (link 2), "unsubscribe 2": recipient numbers
    // count from 1, each event a minute after the one before.
    void addEvents(const QList<qint64> &outbox, const QStringList &events, qint64 from = kDay0);
    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_campaign = 0;
};

void TestReportBuilder::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("report.sqlite")).open());
}

QList<qint64> TestReportBuilder::campaign(const QString &name, int recipients, int failed, qint64 sentAt)
{
    const auto id = m_fx->addCampaign(name, QStringLiteral("sent"), sentAt, QStringLiteral("News"));
    if (!id)
        return {};
    m_campaign = *id;
    QList<qint64> outbox;
    for (int i = 0; i < recipients; ++i) {
        const auto contact = m_fx->addContact(QStringLiteral("%1.reader%2@example.com").arg(m_campaign).arg(i + 1, 2, 10, QLatin1Char('0')));
        if (!contact)
            return {};
        const auto row = m_fx->addOutboxRow(m_campaign, *contact, i >= recipients - failed ? QStringLiteral("failed") : QStringLiteral("sent"),
                                            QStringLiteral("<%1.%2@acme.example>").arg(m_campaign).arg(i), sentAt);
        if (!row)
            return {};
        outbox << *row;
    }
    return outbox;
}

void TestReportBuilder::addEvents(const QList<qint64> &outbox, const QStringList &events, qint64 from)
{
    qint64 at = from;
    for (const QString &text : events) {
        const QStringList parts = text.split(QLatin1Char(' '));
        QVERIFY2(parts.size() >= 2, qPrintable(text));
        const qint64 row = outbox.at(parts.at(1).toInt() - 1);
        bool machine = false;
        int link = 0;
        for (const QString &p : parts.mid(2)) {
            if (p == QLatin1String("m"))
                machine = true;
            else if (p.startsWith(QLatin1Char('L')))
                link = p.mid(1).toInt();
        }
        at += kMinute;
        const auto added = m_fx->addTrackingEvent(row, parts.at(0), at, machine, link);
        QVERIFY2(added, test::errorText(added).constData());
    }
}

void TestReportBuilder::figures_data()
{
    QTest::addColumn<int>("recipients");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QStringList>("events");
    // unique opens (people, machines), total opens, unique clicks, total clicks, unsubscribes
    QTest::addColumn<QList<qint64>>("figures");
    // open, click, click-to-open, unsubscribe rates
    QTest::addColumn<QList<double>>("rates");

    QTest::newRow("empty campaign") << 0 << 0 << QStringList{} << QList<qint64>{0, 0, 0, 0, 0, 0, 0, 0, 0} << QList<double>{0, 0, 0, 0};
    QTest::newRow("sent, nobody opened") << 4 << 0 << QStringList{} << QList<qint64>{0, 0, 0, 0, 0, 0, 0, 0, 0} << QList<double>{0, 0, 0, 0};
    QTest::newRow("every message failed") << 3 << 3 << QStringList{} << QList<qint64>{0, 0, 0, 0, 0, 0, 0, 0, 0} << QList<double>{0, 0, 0, 0};
    // Recipient 3 was fetched by a proxy and then opened by a person: a person's open. 4 and 5 only
    // by machines. 6's click is a scanner's.
    QTest::newRow("people and machines apart")
        << 10 << 1
        << QStringList{QStringLiteral("open 1"), QStringLiteral("open 1"), QStringLiteral("open 2"), QStringLiteral("open 3 m"), QStringLiteral("open 3"),
                       QStringLiteral("open 4 m"), QStringLiteral("open 4 m"), QStringLiteral("open 5 m"), QStringLiteral("click 1 L1"),
                       QStringLiteral("click 6 m L1")}
        << QList<qint64>{3, 2, 4, 4, 1, 1, 1, 1, 0} << QList<double>{3.0 / 9, 1.0 / 9, 1.0 / 3, 0};
    // Images blocked: no open arrives, yet people who clicked opened the message.
    QTest::newRow("click-to-open with zero opens")
        << 5 << 0 << QStringList{QStringLiteral("click 1 L1"), QStringLiteral("click 2 L2"), QStringLiteral("click 2 L1")}
        << QList<qint64>{0, 0, 0, 0, 2, 0, 3, 0, 0} << QList<double>{0.4, 0.4, 1.0, 0};
    QTest::newRow("only a scanner clicked: no division by zero")
        << 5 << 0 << QStringList{QStringLiteral("click 1 m L1"), QStringLiteral("click 1 m L2")}
        << QList<qint64>{0, 0, 0, 0, 0, 1, 0, 2, 0} << QList<double>{0, 0, 0, 0};
    QTest::newRow("unsubscribes")
        << 4 << 0 << QStringList{QStringLiteral("open 1"), QStringLiteral("unsubscribe 1"), QStringLiteral("unsubscribe 2")}
        << QList<qint64>{1, 0, 1, 0, 0, 0, 0, 0, 2} << QList<double>{0.25, 0, 0, 0.5};
}

void TestReportBuilder::figures()
{
    QFETCH(int, recipients);
    QFETCH(int, failed);
    QFETCH(QStringList, events);
    QFETCH(QList<qint64>, figures);
    QFETCH(QList<double>, rates);
    const QList<qint64> outbox = campaign(QStringLiteral("Spring"), recipients, failed);
    QCOMPARE(outbox.size(), recipients);
    addEvents(outbox, events);

    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY2(report, test::errorText(report).constData());
    const CampaignReport &r = *report;
    QCOMPARE(r.campaignId, m_campaign);
    QCOMPARE(r.name, QStringLiteral("Spring"));
    QCOMPARE(r.status, QStringLiteral("sent"));
    QCOMPARE(r.recipients, qint64(recipients));
    QCOMPARE(r.sent, qint64(recipients - failed));
    QCOMPARE(r.failed, qint64(failed));
    const QList<qint64> actual{r.uniqueOpens.human,  r.uniqueOpens.machine,  r.totalOpens.human,  r.totalOpens.machine, r.uniqueClicks.human,
                               r.uniqueClicks.machine, r.totalClicks.human, r.totalClicks.machine, r.unsubscribes};
    QCOMPARE(actual, figures);
    QCOMPARE(r.openRate, rates.at(0));
    QCOMPARE(r.clickRate, rates.at(1));
    QCOMPARE(r.clickToOpenRate, rates.at(2));
    QCOMPARE(r.unsubscribeRate, rates.at(3));
    if (events.isEmpty()) {
        QVERIFY(r.timeline.isEmpty());
        QVERIFY(r.mostEngaged.isEmpty());
    }
    // The JSON carries the same figures.
    const QJsonObject json = r.toJson();
    QCOMPARE(json.value(QStringLiteral("sent")).toInteger(), qint64(recipients - failed));
    QCOMPARE(json.value(QStringLiteral("unique_opens")).toObject().value(QStringLiteral("human")).toInteger(), figures.at(0));
    QCOMPARE(json.value(QStringLiteral("unique_opens")).toObject().value(QStringLiteral("machine")).toInteger(), figures.at(1));
    QCOMPARE(json.value(QStringLiteral("total_clicks")).toObject().value(QStringLiteral("total")).toInteger(), figures.at(6) + figures.at(7));
    QCOMPARE(json.value(QStringLiteral("click_to_open_rate")).toDouble(), rates.at(2));
}

void TestReportBuilder::unknownCampaign()
{
    const auto report = ReportBuilder(m_fx->db()).campaign(42);
    QVERIFY(!report);
    QCOMPARE(report.error().code, QStringLiteral("campaign.not-found"));
    QCOMPARE(report.error().message, QStringLiteral("There is no campaign 42."));
}

void TestReportBuilder::linksMostClickedByPeopleFirst()
{
    const QList<qint64> outbox = campaign(QStringLiteral("Links"), 6);
    QVERIFY(m_fx->addLink(m_campaign, 1, QStringLiteral("https://shop.example/spring")));
    QVERIFY(m_fx->addLink(m_campaign, 2, QStringLiteral("https://shop.example/sale")));
    QVERIFY(m_fx->addLink(m_campaign, 3, QStringLiteral("https://shop.example/never")));
    addEvents(outbox, {QStringLiteral("click 1 L2"), QStringLiteral("click 2 L2"), QStringLiteral("click 2 L2"), QStringLiteral("click 3 L1"),
                       QStringLiteral("click 4 m L1"), QStringLiteral("click 5 m L1"), QStringLiteral("click 6 m L1")});
    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY(report);
    QCOMPARE(report->links.size(), 3);
    const auto &sale = report->links.at(0);
    QCOMPARE(sale.id, quint32(2));
    QCOMPARE(sale.url, QStringLiteral("https://shop.example/sale"));
    QCOMPARE(sale.clicks.human, 3);
    QCOMPARE(sale.clicks.machine, 0);
    QCOMPARE(sale.uniqueHuman, 2);
    const auto &spring = report->links.at(1); // more clicks in all, fewer by people
    QCOMPARE(spring.id, quint32(1));
    QCOMPARE(spring.clicks.human, 1);
    QCOMPARE(spring.clicks.machine, 3);
    QCOMPARE(spring.uniqueHuman, 1);
    const auto &never = report->links.at(2);
    QCOMPARE(never.id, quint32(3));
    QCOMPARE(never.clicks.all(), 0);
    QCOMPARE(never.uniqueHuman, 0);
}

void TestReportBuilder::timelineByHourThenByDay_data()
{
    QTest::addColumn<qint64>("lastAfter");
    QTest::addColumn<qint64>("bucketMs");
    QTest::addColumn<int>("buckets");
    QTest::newRow("within a few hours: by the hour") << 5 * kHour + 50 * kMinute << kHour << 6;
    QTest::newRow("exactly three days: still by the hour") << 3 * kDay << kHour << 73;
    QTest::newRow("a week: by the day") << 6 * kDay + 10 * kHour << kDay << 7;
}

void TestReportBuilder::timelineByHourThenByDay()
{
    QFETCH(qint64, lastAfter);
    QFETCH(qint64, bucketMs);
    QFETCH(int, buckets);
    const QList<qint64> outbox = campaign(QStringLiteral("Timeline"), 3);
    // Two people open in the first minutes, a proxy fetches in the first bucket too; a person clicks
    // and a machine opens at the end. Unsubscribes are not on the timeline.
    QVERIFY(m_fx->addTrackingEvent(outbox.at(0), QStringLiteral("open"), kDay0 + 10 * kMinute));
    QVERIFY(m_fx->addTrackingEvent(outbox.at(1), QStringLiteral("open"), kDay0 + 12 * kMinute));
    QVERIFY(m_fx->addTrackingEvent(outbox.at(2), QStringLiteral("open"), kDay0 + 13 * kMinute, true, 0, QStringLiteral("apple-mpp")));
    QVERIFY(m_fx->addTrackingEvent(outbox.at(0), QStringLiteral("click"), kDay0 + lastAfter - kMinute, false, 1));
    QVERIFY(m_fx->addTrackingEvent(outbox.at(2), QStringLiteral("open"), kDay0 + lastAfter, true));
    QVERIFY(m_fx->addTrackingEvent(outbox.at(1), QStringLiteral("unsubscribe"), kDay0 + lastAfter + 30 * kDay));
    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY(report);
    QCOMPARE(report->bucketMs, bucketMs);
    QCOMPARE(report->timeline.size(), buckets);
    qint64 opens = 0, clicks = 0;
    for (int i = 0; i < buckets; ++i) {
        const auto &b = report->timeline.at(i);
        QCOMPARE(b.start, kDay0 + i * bucketMs); // every bucket, empty ones too
        opens += b.opens.all();
        clicks += b.clicks.all();
    }
    QCOMPARE(opens, 4);
    QCOMPARE(clicks, 1);
    QCOMPARE(report->timeline.first().opens.human, 2);
    QCOMPARE(report->timeline.first().opens.machine, 1);
    QCOMPARE(report->timeline.last().opens.machine, 1);
    QCOMPARE(report->timeline.last().clicks.human + report->timeline.at(buckets - 2).clicks.human, 1);
    if (buckets > 2)
        QCOMPARE(report->timeline.at(1).opens.all() + report->timeline.at(1).clicks.all(), 0);
}

void TestReportBuilder::mostEngagedArePeople()
{
    const QList<qint64> outbox = campaign(QStringLiteral("Engaged"), 13);
    QStringList events;
    // Recipient n (1–12) clicks n % 4 times and opens n % 3 + 1 times; 13 is a scanner, very busy.
    for (int n = 1; n <= 12; ++n) {
        for (int c = 0; c < n % 4; ++c)
            events << QStringLiteral("click %1 L1").arg(n);
        for (int o = 0; o < n % 3 + 1; ++o)
            events << QStringLiteral("open %1").arg(n);
    }
    for (int i = 0; i < 20; ++i)
        events << QStringLiteral("click 13 m L1");
    addEvents(outbox, events);
    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY(report);
    QCOMPARE(report->mostEngaged.size(), 10);
    QStringList order;
    for (const auto &e : report->mostEngaged)
        order << QStringLiteral("%1:%2/%3").arg(e.email.section(QLatin1Char('.'), 1, 1).section(QLatin1Char('@'), 0, 0)).arg(e.clicks).arg(e.opens);
    // By clicks, then opens, then address; the scanner is not among them.
    const QStringList expected{QStringLiteral("reader11:3/3"), QStringLiteral("reader07:3/2"), QStringLiteral("reader03:3/1"),
                               QStringLiteral("reader02:2/3"), QStringLiteral("reader10:2/2"), QStringLiteral("reader06:2/1"),
                               QStringLiteral("reader05:1/3"), QStringLiteral("reader01:1/2"), QStringLiteral("reader09:1/1"),
                               QStringLiteral("reader08:0/3")};
    QCOMPARE(order, expected);
    QCOMPARE(report->mostEngaged.first().contactId, qint64(11));
}

void TestReportBuilder::csvNeutralisesFormulas()
{
    const QList<qint64> outbox = campaign(QStringLiteral("=1+2"), 4, 1);
    QVERIFY(m_fx->addLink(m_campaign, 1, QStringLiteral("@SUM(A1)")));
    QVERIFY(m_fx->addLink(m_campaign, 2, QStringLiteral("https://shop.example/a,b")));
    addEvents(outbox, {QStringLiteral("open 1"), QStringLiteral("open 2 m"), QStringLiteral("click 1 L1"), QStringLiteral("click 3 L2")});
    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY(report);
    const QStringList lines = report->toCsv().split(QStringLiteral("\r\n"));
    QCOMPARE(lines.mid(0, 20),
             (QStringList{QStringLiteral("Campaign,'=1+2"), QStringLiteral("Status,sent"), QStringLiteral(",People,Machines,Total"),
                          QStringLiteral("Recipients,4"), QStringLiteral("Sent,3"), QStringLiteral("Failed,1"), QStringLiteral("Unique opens,1,1,2"),
                          QStringLiteral("Total opens,1,1,2"), QStringLiteral("Unique clicks,2,0,2"), QStringLiteral("Total clicks,2,0,2"),
                          QStringLiteral("Unsubscribes,0"), QStringLiteral("Open rate (%),66.7"), QStringLiteral("Click rate (%),66.7"),
                          QStringLiteral("Click-to-open rate (%),100.0"), QStringLiteral("Unsubscribe rate (%),0.0"),
                          QStringLiteral("Hard bounces,0"), QStringLiteral("Soft bounces,0"), QStringLiteral("Bounce rate (%),0.0"),
                          QStringLiteral("Replies,0"), QString()}));
    QCOMPARE(lines.at(20), QStringLiteral("Link,Clicks by people,Clicks by machines,People who clicked"));
    // Same clicks by people: by link id. A formula gets an apostrophe; a comma gets quotes.
    QCOMPARE(lines.at(21), QStringLiteral("'@SUM(A1),1,0,1"));
    QCOMPARE(lines.at(22), QStringLiteral("\"https://shop.example/a,b\",1,0,1"));
    QCOMPARE(lines.at(24), QStringLiteral("From (UTC),Opens by people,Opens by machines,Clicks by people,Clicks by machines"));
    QCOMPARE(lines.at(25), QStringLiteral("%1,1,1,2,0").arg(QDateTime::fromMSecsSinceEpoch(kDay0, Qt::UTC).toString(Qt::ISODate)));
    QCOMPARE(lines.size(), 27); // the last line ends with CRLF too
    QCOMPARE(lines.last(), QString());
}

void TestReportBuilder::daysAcrossCampaigns()
{
    const QList<qint64> first = campaign(QStringLiteral("Monday"), 4, 1, kDay0 + 9 * kHour);
    addEvents(first, {QStringLiteral("open 1"), QStringLiteral("open 1"), QStringLiteral("open 2 m"), QStringLiteral("click 1 L1")}, kDay0 + 10 * kHour);
    const QList<qint64> second = campaign(QStringLiteral("Wednesday"), 2, 0, kDay0 + 2 * kDay + kHour);
    addEvents(second, {QStringLiteral("open 1"), QStringLiteral("open 2"), QStringLiteral("unsubscribe 2")}, kDay0 + 2 * kDay + 2 * kHour);
    // Tuesday, a late open of Monday's campaign by someone else.
    addEvents(first, {QStringLiteral("open 3")}, kDay0 + kDay + kHour);

    const auto days = ReportBuilder(m_fx->db()).days(kDay0 + 5 * kHour, kDay0 + 3 * kDay);
    QVERIFY2(days, test::errorText(days).constData());
    QCOMPARE(days->size(), 3); // from the start of the first day
    const QList<qint64> sent{days->at(0).sent, days->at(1).sent, days->at(2).sent};
    QCOMPARE(sent, (QList<qint64>{3, 0, 2}));
    QCOMPARE(days->at(0).start, kDay0);
    QCOMPARE(days->at(0).opens.human, 1);
    QCOMPARE(days->at(0).opens.machine, 1);
    QCOMPARE(days->at(0).clicks.human, 1);
    QCOMPARE(days->at(1).opens.human, 1);
    QCOMPARE(days->at(2).opens.human, 2);
    QCOMPARE(days->at(2).unsubscribes, 1);
    QCOMPARE(days->at(1).unsubscribes, 0);
    // An empty range has no days.
    QVERIFY(ReportBuilder(m_fx->db()).days(kDay0, kDay0)->isEmpty());
}

QList<qint64> TestReportBuilder::smsCampaign()
{
    const auto id = m_fx->addCampaign(QStringLiteral("Flash sale"), QStringLiteral("sending"), kDay0, {}, QStringLiteral("+12015550100"));
    if (!id)
        return {};
    m_campaign = *id;
    QSqlQuery q(m_fx->db());
    q.prepare(QStringLiteral("UPDATE campaigns SET channel = 'sms', body = 'Acme: 20 % off today' WHERE id = ?"));
    q.addBindValue(m_campaign);
    if (!q.exec()) {
        qWarning() << q.lastError().text();
        return {};
    }
    struct Row
    {
        const char *number, *country, *state, *errorCode, *delivery, *deliveryCode;
        int segments;
        const char *price;
        qint64 dueAt;
    };
    const QList<Row> rows{
        {"+12015550101", "US", "sent", "", "delivered", "", 1, "-0.00790", 0},   // priced by Twilio
        {"+12015550102", "US", "sent", "", "delivered", "", 2, "", 0},           // 2 × 0.0083 estimated
        {"+34612345678", "", "sent", "", "delivered", "", 1, "", 0},             // Spain by its number: 0.0786
        {"+12015550104", "US", "sent", "", "undelivered", "30003", 1, "-0.0079", 0},
        {"+12015550105", "US", "sent", "", "failed", "30007", 1, "", 0},
        {"+12015550106", "US", "sent", "", "", "", 1, "", 0},                    // no receipt yet
        {"+12015550107", "US", "failed", "21610", "", "", 0, "", 0},             // had said STOP
        {"+12015550108", "US", "failed", "21211", "", "", 0, "", 0},
        {"+12015550109", "US", "pending", "sms.quiet-hours", "", "", 0, "", kDay0 + 5 * kHour},
        {"+12015550110", "US", "pending", "sms.quiet-hours", "", "", 0, "", kDay0 + 7 * kHour},
    };
    QList<qint64> outbox;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const auto contact = m_fx->addContact(QStringLiteral("texted%1@example.com").arg(i + 1));
        if (!contact)
            return {};
        q.prepare(QStringLiteral("UPDATE contacts SET phone = ?, country = ?, sms_consent = 1 WHERE id = ?"));
        for (const QVariant &v : QVariantList{QString::fromLatin1(row.number), QString::fromLatin1(row.country), *contact})
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning() << q.lastError().text();
            return {};
        }
        const bool left = QByteArrayView(row.state) != "pending";
        q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, error_code, "
                                 " due_at, attempted_at, provider_ref, delivery, delivery_code, segments, price, price_unit, updated_at, delivery_at) "
                                 "VALUES (?, ?, 'sms', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v :
             QVariantList{m_campaign, *contact, QString::fromLatin1(row.number), QString::fromLatin1(row.number), QString::fromLatin1(row.state),
                          QStringLiteral("sms.%1.%2").arg(m_campaign).arg(i), QString::fromLatin1(row.errorCode), row.dueAt,
                          left ? kDay0 + i * kMinute : 0, QStringLiteral("SM%1").arg(i, 32, 10, QLatin1Char('0')),
                          QString::fromLatin1(row.delivery), QString::fromLatin1(row.deliveryCode), row.segments, QString::fromLatin1(row.price),
                          QByteArrayView(row.price).isEmpty() ? QStringLiteral("") : QStringLiteral("USD"), kDay0 + i * kMinute,
                          QByteArrayView(row.delivery).isEmpty() ? QVariant() : QVariant(kDay0 + kHour)})
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning() << q.lastError().text();
            return {};
        }
        outbox << q.lastInsertId().toLongLong();
    }
    // Replies: STOP from the first recipient after the campaign started (counted), STOP from the
    // second a day before it (not this campaign's doing), an ordinary reply, and a stranger's STOP.
    const QList<std::tuple<const char *, const char *, const char *, qint64>> inbound{
        {"+12015550101", "STOP", "opt-out", kDay0 + kHour},
        {"+12015550102", "stop", "opt-out", kDay0 - kDay},
        {"+34612345678", "Gracias!", "other", kDay0 + kHour},
        {"+12015559999", "STOP", "opt-out", kDay0 + kHour},
    };
    int n = 0;
    for (const auto &[from, body, keyword, at] : inbound) {
        q.prepare(QStringLiteral("INSERT INTO sms_inbound (sid, from_number, to_number, body, keyword, received_at) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : QVariantList{QStringLiteral("SMin%1").arg(++n), QString::fromLatin1(from), QStringLiteral("+12015550100"),
                                              QString::fromLatin1(body), QString::fromLatin1(keyword), at})
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning() << q.lastError().text();
            return {};
        }
    }
    // Clicks on the short link: a person on the first text, a link preview on the third.
    if (!m_fx->addLink(m_campaign, 1, QStringLiteral("https://acme.example/sale")))
        return {};
    if (!m_fx->addTrackingEvent(outbox.at(0), QStringLiteral("click"), kDay0 + 2 * kMinute, false, 1)
        || !m_fx->addTrackingEvent(outbox.at(0), QStringLiteral("click"), kDay0 + 3 * kMinute, false, 1)
        || !m_fx->addTrackingEvent(outbox.at(2), QStringLiteral("click"), kDay0 + 3 * kMinute, true, 1))
        return {};
    return outbox;
}

void TestReportBuilder::smsFigures()
{
    QCOMPARE(smsCampaign().size(), 10);
    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY2(report, test::errorText(report).constData());
    const CampaignReport &r = *report;
    QCOMPARE(r.channel, QStringLiteral("sms"));
    QVERIFY(r.isSms());
    QCOMPARE(r.recipients, 10);
    QCOMPARE(r.sent, 6);   // accepted by Twilio, whatever the carriers said later
    QCOMPARE(r.failed, 2); // refused by Twilio
    QCOMPARE(r.delivered, 3);
    QCOMPARE(r.undelivered, 1);
    QCOMPARE(r.deliveryFailed, 1);
    QCOMPARE(r.deliveryRate, 0.5);
    QCOMPARE(r.segments, 7); // 1 + 2 + 1 + 1 + 1 + 1
    QCOMPARE(r.failureCodes.size(), 4);
    QStringList codes;
    for (const auto &f : r.failureCodes) {
        codes << f.code;
        QCOMPARE(f.count, 1);
    }
    QCOMPARE(codes, (QStringList{QStringLiteral("21211"), QStringLiteral("21610"), QStringLiteral("30003"), QStringLiteral("30007")}));
    // The first recipient's STOP after the start, and the 21610 refusal; not the STOP from before the
    // campaign, nor the stranger's.
    QCOMPARE(r.optOuts, 2);
    QCOMPARE(r.uniqueClicks.human, 1);
    QCOMPARE(r.uniqueClicks.machine, 1);
    QCOMPARE(r.totalClicks.human, 2);
    // Twilio's prices where reported (0.0079 twice), else the price table by the number's country:
    // 2 × 0.0083 + 0.0786 (Spain) + 0.0083 + 0.0083.
    QCOMPARE(r.pricedTexts, 2);
    QCOMPARE(r.estimatedTexts, 4);
    QCOMPARE(r.unpricedTexts, 0);
    QVERIFY2(qAbs(r.cost - (0.0158 + 0.0166 + 0.0786 + 0.0166)) < 1e-9, qPrintable(QString::number(r.cost, 'f', 6)));
    QCOMPARE(r.currency, QStringLiteral("USD"));
    QCOMPARE(r.waitingQuietHours, 2);
    QCOMPARE(r.waitingUntil, kDay0 + 7 * kHour);
}

void TestReportBuilder::smsCsvAndJson()
{
    QCOMPARE(smsCampaign().size(), 10);
    const auto report = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY2(report, test::errorText(report).constData());
    const QStringList lines = report->toCsv().split(QStringLiteral("\r\n"));
    QVERIFY(lines.contains(QStringLiteral("Delivered,3")));
    QVERIFY(lines.contains(QStringLiteral("Undelivered,1")));
    QVERIFY(lines.contains(QStringLiteral("Opt-outs,2")));
    QVERIFY(lines.contains(QStringLiteral("Segments,7")));
    QVERIFY(lines.contains(QStringLiteral("Cost,0.1276,USD")));
    QVERIFY(lines.contains(QStringLiteral("Waiting for quiet hours to end,2")));
    QVERIFY(lines.contains(QStringLiteral("30003,1,Unreachable: the phone is off or out of coverage")));
    QVERIFY(lines.contains(QStringLiteral("21610,1,The recipient replied STOP: Twilio sends nothing until they opt back in")));
    const QJsonObject sms = report->toJson().value(QStringLiteral("sms")).toObject();
    QCOMPARE(sms.value(QStringLiteral("delivered")).toInteger(), 3);
    QCOMPARE(sms.value(QStringLiteral("opt_outs")).toInteger(), 2);
    QCOMPARE(sms.value(QStringLiteral("failures")).toArray().size(), 4);
    QCOMPARE(sms.value(QStringLiteral("waiting_until")).toInteger(), kDay0 + 7 * kHour);
    // An email campaign's report has no SMS part.
    campaign(QStringLiteral("Newsletter"), 2);
    const auto email = ReportBuilder(m_fx->db()).campaign(m_campaign);
    QVERIFY(email);
    QVERIFY(!email->toJson().contains(QStringLiteral("sms")));
    QVERIFY(!email->toCsv().contains(QStringLiteral("Opt-outs")));
}

void TestReportBuilder::smsErrorMeanings()
{
    for (const char *code : {"30003", "30004", "30005", "30006", "30007", "30008", "21610", "21614", "21211", "21408", "21612"})
        QVERIFY2(!CampaignReport::smsErrorMeaning(QString::fromLatin1(code)).isEmpty(), code);
    QVERIFY(CampaignReport::smsErrorMeaning(QStringLiteral("99999")).isEmpty());
}

void TestReportBuilder::daysPerChannel()
{
    QCOMPARE(smsCampaign().size(), 10);
    const QList<qint64> email = campaign(QStringLiteral("Newsletter"), 4, 1, kDay0 + 9 * kHour);
    addEvents(email, {QStringLiteral("open 1"), QStringLiteral("click 2 L1")}, kDay0 + 10 * kHour);
    const ReportBuilder builder(m_fx->db());
    const auto texts = builder.days(kDay0, kDay0 + kDay, QStringLiteral("sms"));
    QVERIFY2(texts, test::errorText(texts).constData());
    QCOMPARE(texts->size(), 1);
    QCOMPARE(texts->at(0).sent, 6);
    QCOMPARE(texts->at(0).delivered, 3);
    QCOMPARE(texts->at(0).optOuts, 2); // the recipient's STOP and the stranger's, that day
    QCOMPARE(texts->at(0).clicks.human, 1);
    QCOMPARE(texts->at(0).clicks.machine, 1);
    QCOMPARE(texts->at(0).opens.all(), 0);
    // Email's days hold email only.
    const auto mail = builder.days(kDay0, kDay0 + kDay);
    QVERIFY(mail);
    QCOMPARE(mail->at(0).sent, 3);
    QCOMPARE(mail->at(0).delivered, 0);
    QCOMPARE(mail->at(0).optOuts, 0);
    QCOMPARE(mail->at(0).clicks.human, 1);
    QCOMPARE(mail->at(0).clicks.machine, 0);
}

QTEST_GUILESS_MAIN(TestReportBuilder)
#include "tst_reportbuilder.moc"
