// SPDX-License-Identifier: GPL-3.0-or-later
// End to end, with real processes: luxctl sends a campaign through the fake Graph with its links
// registered at a real lux-tracker; opens and clicks are replayed against the tracker from what the
// messages actually carry (a person, Apple's prefetch, a scanner's burst and agent, a HEAD, a click
// seconds after delivery, a one-click unsubscribe); `luxctl tracker sync` pulls them; the report
// has the right human and machine numbers and the unsubscribed contact is suppressed.
#include "fakegraph.h"
#include "sendingseed.h"
#include "testsupport.h"
#include "trackerprocess.h"
#include "tracking/token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::test;
using lux::fakes::FakeGraph;

namespace {
const QByteArray kBrowser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";

QStringList matches(const QString &text, const QString &pattern)
{
    QStringList out;
    auto it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}
} // namespace

class TestTrackerEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void campaignEventsSyncAndReport();
    void anonymousCampaignKeepsOnlyCounts();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr);
    // luxctl's environment for a database `db` in `env` that sends through `tracker`.
    void useTracker(const TestEnvironment &env, const QString &db, const TrackerProcess &tracker);
    QProcessEnvironment m_environment;
};

void TestTrackerEndToEnd::useTracker(const TestEnvironment &env, const QString &db, const TrackerProcess &tracker)
{
    m_environment = luxctlEnvironment(env, db);
    m_environment.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(tracker.keys()));
    m_environment.insert(QStringLiteral("LUX_SECRET_TRACKER_API_TOKEN"), QString::fromLatin1(tracker.apiToken()));
}

int TestTrackerEndToEnd::luxctl(const QStringList &args, QByteArray *out)
{
    return runProcess(QStringLiteral(LUXCTL_PATH), args, m_environment, out, 60'000);
}

void TestTrackerEndToEnd::campaignEventsSyncAndReport()
{
    TestEnvironment env;
    TrackerProcess tracker(QStringLiteral(LUX_TRACKER_PATH), env.dir(), {QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(tracker.start(), tracker.output().constData());
    FakeGraph graph;
    QVERIFY(graph.listen());
    FakeGraph::Limits limits;
    limits.requestsPerWindow = 1'000'000;
    graph.setLimits(limits);
    const QString db = env.path(QStringLiteral("e2e.sqlite"));
    useTracker(env, db, tracker);

    constexpr int kRecipients = 10;
    SendingSeed seed;
    seed.recipients = kRecipients;
    seed.templateHtml = "<html><body><p>Hi {{first_name}}, <a href=\"https://shop.example/spring?utm_source=lux&amp;utm_medium=email\">see spring</a> "
                        "or <a href='https://shop.example/sale'>the sale</a>. <a href=\"mailto:help@acme.example\">Write to us</a>.</p>"
                        "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p></body></html>";
    seed.subject = QStringLiteral("Spring, {{first_name}}");
    seed.graphUrl = graph.baseUrl().toString();
    seed.trackerUrl = tracker.url().toString();
    const Status seeded = seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, env.dir(), seed);
    QVERIFY2(seeded, errorText(seeded).constData());
    QCOMPARE(luxctl({QStringLiteral("tracker"), QStringLiteral("test")}), 0);
    QByteArray created;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Spring"), QStringLiteral("--template"),
                     QStringLiteral("T"), QStringLiteral("--from"), QStringLiteral("news@acme.example"), QStringLiteral("--json")},
                    &created),
             0);
    const QString id = QString::number(QJsonDocument::fromJson(created).object().value(QStringLiteral("id")).toInteger());
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("send"), id, QStringLiteral("--accept-warnings")}), 0);
    QCOMPARE(graph.accepted().size(), kRecipients);

    // What each recipient actually got: its pixel, its two tracked links, its unsubscribe link.
    QNetworkAccessManager nam;
    const QString base = tracker.url().toString();
    QHash<QString, QString> pixel, unsubscribe;
    QHash<QString, QStringList> links;
    for (const FakeGraph::Message &m : graph.accepted()) {
        const QString to = m.recipients.value(0);
        const QString body = mimePart(m.mime, "text/html");
        QVERIFY2(!body.contains(QLatin1String("https://shop.example")), qPrintable(body)); // every shop link goes through the tracker
        QVERIFY(body.contains(QLatin1String("mailto:help@acme.example")));               // mailto is left alone
        const QStringList clicks = matches(body, QRegularExpression::escape(base) + QStringLiteral("/c/([A-Za-z0-9_-]+)"));
        QCOMPARE(clicks.size(), 2);
        links.insert(to, clicks);
        // The text part's links go through the tracker too, with the same link numbers.
        const QString text = mimePart(m.mime, "text/plain");
        QVERIFY2(!text.contains(QLatin1String("https://shop.example")), qPrintable(text));
        QCOMPARE(matches(text, QRegularExpression::escape(base) + QStringLiteral("/c/([A-Za-z0-9_-]+)")), clicks);
        const QStringList opens = matches(body, QRegularExpression::escape(base) + QStringLiteral("/o/([A-Za-z0-9_-]+)"));
        QCOMPARE(opens.size(), 1);
        pixel.insert(to, opens.first());
        const QStringList header = matches(QString::fromLatin1(m.mime), QStringLiteral("List-Unsubscribe: <[^>]*/u/([A-Za-z0-9_-]+)>"));
        QCOMPARE(header.size(), 1);
        QVERIFY(body.contains(QStringLiteral("/u/") + header.first())); // the body's link is the header's
        unsubscribe.insert(to, header.first());
    }
    const auto hit = [&](const QByteArray &verb, const QString &path, const QByteArray &agent) {
        const QList<QPair<QByteArray, QByteArray>> headers{qMakePair(QByteArray("User-Agent"), agent)};
        return httpRequest(nam, verb, QUrl(base + path), {}, headers).status;
    };
    // Delivery an hour ago for everyone but r9, who is clicked at once.
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backdate"));
        c.setDatabaseName(db);
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET updated_at = updated_at - 3600000 WHERE address <> 'r9@example.com'")));
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("backdate"));
    const auto r = [](int i) { return QStringLiteral("r%1@example.com").arg(i); };
    // People: r0–r3 open; r0 and r1 click the first link, r0 twice; r2 opens twice.
    for (int i : {0, 1, 2, 3})
        QCOMPARE(hit("GET", QStringLiteral("/o/") + pixel[r(i)], kBrowser), 200);
    QCOMPARE(hit("GET", QStringLiteral("/o/") + pixel[r(2)], kBrowser), 200);
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(0)][0], kBrowser), 302);
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(0)][0], kBrowser), 302);
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(1)][0], kBrowser), 302);
    // Apple Mail Privacy Protection prefetches r4's and r5's images; r5 later really opens.
    QCOMPARE(hit("GET", QStringLiteral("/o/") + pixel[r(4)], "Mozilla/5.0"), 200);
    QCOMPARE(hit("GET", QStringLiteral("/o/") + pixel[r(5)], "Mozilla/5.0"), 200);
    QCOMPARE(hit("GET", QStringLiteral("/o/") + pixel[r(5)], kBrowser), 200);
    // r6's company scanner follows every link of the message at once, with a browser's agent.
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(6)][0], kBrowser), 302);
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(6)][1], kBrowser), 302);
    // r7's gateway announces itself, and checks with HEAD.
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(7)][1], "Mozilla/5.0 (compatible; Barracuda Sentinel)"), 302);
    QCOMPARE(hit("HEAD", QStringLiteral("/c/") + links[r(7)][0], kBrowser), 302);
    // r9 is "clicked" seconds after delivery: a scanner at the door.
    QCOMPARE(hit("GET", QStringLiteral("/c/") + links[r(9)][1], kBrowser), 302);
    // r8 unsubscribes with one click (what Gmail's button sends); GET first, as a scanner would.
    QCOMPARE(hit("GET", QStringLiteral("/u/") + unsubscribe[r(8)], kBrowser), 200);
    QCOMPARE(httpRequest(nam, "POST", QUrl(base + QStringLiteral("/u/") + unsubscribe[r(8)]), "List-Unsubscribe=One-Click",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             200);

    // Everything the tracker acknowledged is there after a clean stop and start (sync from disk).
    QVERIFY(tracker.stop());
    QVERIFY(tracker.start());

    QByteArray synced;
    QCOMPARE(luxctl({QStringLiteral("tracker"), QStringLiteral("sync"), QStringLiteral("--json")}, &synced), 0);
    const QJsonObject s = QJsonDocument::fromJson(synced).object();
    QCOMPARE(s.value(QStringLiteral("events")).toInt(), 17);
    QCOMPARE(s.value(QStringLiteral("opens")).toInt(), 8);
    QCOMPARE(s.value(QStringLiteral("clicks")).toInt(), 8);
    QCOMPARE(s.value(QStringLiteral("unsubscribes")).toInt(), 1);
    // Again: nothing new, nothing counted twice.
    QCOMPARE(luxctl({QStringLiteral("tracker"), QStringLiteral("sync"), QStringLiteral("--json")}, &synced), 0);
    QCOMPARE(QJsonDocument::fromJson(synced).object().value(QStringLiteral("events")).toInt(), 0);

    QByteArray reported;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("report"), id, QStringLiteral("--json"), QStringLiteral("--csv"),
                     env.path(QStringLiteral("report.csv"))},
                    &reported),
             0);
    const QJsonObject report = QJsonDocument::fromJson(reported).object();
    const auto split = [&](const char *key, const char *part) {
        return report.value(QLatin1String(key)).toObject().value(QLatin1String(part)).toInt();
    };
    QCOMPARE(report.value(QStringLiteral("sent")).toInt(), kRecipients);
    QCOMPARE(split("unique_opens", "human"), 5);   // r0, r1, r2, r3, r5
    QCOMPARE(split("unique_opens", "machine"), 1); // r4 (r5 opened for real too)
    QCOMPARE(split("total_opens", "human"), 6);    // r2 twice
    QCOMPARE(split("total_opens", "machine"), 2);  // the two prefetches
    QCOMPARE(split("unique_clicks", "human"), 2);  // r0, r1
    QCOMPARE(split("unique_clicks", "machine"), 3); // r6 (every link), r7 (agent, HEAD), r9 (at once)
    QCOMPARE(split("total_clicks", "human"), 3);
    QCOMPARE(split("total_clicks", "machine"), 5);
    QCOMPARE(report.value(QStringLiteral("unsubscribes")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("click_to_open_rate")).toDouble(), 2.0 / 5.0);
    const QJsonArray linkArray = report.value(QStringLiteral("links")).toArray();
    QCOMPARE(linkArray.size(), 2);
    QCOMPARE(linkArray[0].toObject().value(QStringLiteral("url")).toString(), QStringLiteral("https://shop.example/spring?utm_source=lux&utm_medium=email"));
    QCOMPARE(linkArray[0].toObject().value(QStringLiteral("clicks")).toObject().value(QStringLiteral("human")).toInt(), 3);
    QCOMPARE(report.value(QStringLiteral("most_engaged")).toArray().first().toObject().value(QStringLiteral("email")).toString(), r(0));
    const QByteArray csvReport = readAll(env.path(QStringLiteral("report.csv")));
    QVERIFY(csvReport.contains("Unique opens,5,1,6"));

    // Why each machine was a machine.
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        c.setDatabaseName(db);
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT o.address, e.reason FROM tracking_events e JOIN outbox o ON o.id = e.outbox_id "
                                      "WHERE e.machine = 1 ORDER BY e.tracker_id")));
        QStringList reasons;
        while (q.next())
            reasons << q.value(0).toString().section(u'@', 0, 0) + u':' + q.value(1).toString();
        QCOMPARE(reasons, (QStringList{QStringLiteral("r4:apple-mpp"), QStringLiteral("r5:apple-mpp"), QStringLiteral("r6:all-links"),
                                       QStringLiteral("r6:all-links"), QStringLiteral("r7:scanner-agent"), QStringLiteral("r7:head-request"),
                                       QStringLiteral("r9:click-after-delivery")}));
        QVERIFY(q.exec(QStringLiteral("SELECT action, method FROM consent_events e JOIN contacts c ON c.id = e.contact_id "
                                      "WHERE c.email = 'r8@example.com' AND action = 'withdrawn'")));
        QVERIFY(q.next());
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    // r8 is suppressed and unsubscribed: the next campaign leaves them out.
    QByteArray shown;
    QCOMPARE(luxctl({QStringLiteral("contacts"), QStringLiteral("show"), r(8), QStringLiteral("--json")}, &shown), 0);
    QCOMPARE(QJsonDocument::fromJson(shown).object().value(QStringLiteral("status")).toString(), QStringLiteral("unsubscribed"));
    QVERIFY(tracker.stop());
}

// A campaign that keeps only anonymous counts: its open and click tokens name nobody, the tracker's
// hits arrive as counts per link and day, nothing in tracking_events names a contact, and the report
// has the counts and no per-recipient rows. Unsubscribing still works per recipient.
void TestTrackerEndToEnd::anonymousCampaignKeepsOnlyCounts()
{
    TestEnvironment env;
    TrackerProcess tracker(QStringLiteral(LUX_TRACKER_PATH), env.dir(), {QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(tracker.start(), tracker.output().constData());
    FakeGraph graph;
    QVERIFY(graph.listen());
    const QString db = env.path(QStringLiteral("anonymous.sqlite"));
    useTracker(env, db, tracker);

    constexpr int kRecipients = 5;
    SendingSeed seed;
    seed.recipients = kRecipients;
    seed.templateHtml = "<html><body><p>Hi {{first_name}}, <a href=\"https://shop.example/spring\">spring</a> or "
                        "<a href=\"https://shop.example/sale\">the sale</a>.</p>"
                        "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p></body></html>";
    seed.subject = QStringLiteral("Spring");
    seed.graphUrl = graph.baseUrl().toString();
    seed.trackerUrl = tracker.url().toString();
    const Status seeded = seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, env.dir(), seed);
    QVERIFY2(seeded, errorText(seeded).constData());
    QByteArray created;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Counted"),
                     QStringLiteral("--template"), QStringLiteral("T"), QStringLiteral("--from"), QStringLiteral("news@acme.example"),
                     QStringLiteral("--tracking"), QStringLiteral("anonymous"), QStringLiteral("--json")},
                    &created),
             0);
    const qint64 campaignId = QJsonDocument::fromJson(created).object().value(QStringLiteral("id")).toInteger();
    const QString id = QString::number(campaignId);
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("send"), id, QStringLiteral("--accept-warnings")}), 0);
    QCOMPARE(int(graph.accepted().size()), kRecipients);

    // Every recipient's pixel and links are the same anonymous tokens; the unsubscribe link is their own.
    const tracking::TokenCodec codec(*tracking::KeyRing::parse(tracker.keys()));
    const QString base = tracker.url().toString();
    QSet<QString> pixels, clickSets, unsubscribes;
    QStringList clicks;
    for (const FakeGraph::Message &m : graph.accepted()) {
        const QString html = mimePart(m.mime, "text/html");
        const QStringList opens = matches(html, QRegularExpression::escape(base) + QStringLiteral("/o/([A-Za-z0-9_-]+)"));
        QCOMPARE(opens.size(), 1);
        const auto open = codec.verify(opens.first().toLatin1(), tracking::Purpose::AnonymousOpen);
        QVERIFY(open);
        QCOMPARE(open->recipient, quint64(0));
        clicks = matches(html, QRegularExpression::escape(base) + QStringLiteral("/c/([A-Za-z0-9_-]+)"));
        QCOMPARE(clicks.size(), 2);
        for (const QString &c : std::as_const(clicks)) {
            const auto click = codec.verify(c.toLatin1(), tracking::Purpose::AnonymousClick);
            QVERIFY(click);
            QCOMPARE(click->recipient, quint64(0));
        }
        QCOMPARE(matches(mimePart(m.mime, "text/plain"), QRegularExpression::escape(base) + QStringLiteral("/c/([A-Za-z0-9_-]+)")), clicks);
        pixels.insert(opens.first());
        clickSets.insert(clicks.join(u' '));
        const QStringList unsubscribe = matches(QString::fromLatin1(m.mime), QStringLiteral("List-Unsubscribe: <[^>]*/u/([A-Za-z0-9_-]+)>"));
        QCOMPARE(unsubscribe.size(), 1);
        QVERIFY(codec.verify(unsubscribe.first().toLatin1(), tracking::Purpose::Unsubscribe)->recipient > 0);
        unsubscribes.insert(unsubscribe.first());
    }
    QCOMPARE(pixels.size(), 1);
    QCOMPARE(clickSets.size(), 1);
    QCOMPARE(unsubscribes.size(), kRecipients);

    // Three opens by people, one by Apple's proxy; two clicks on the sale, one on spring.
    QNetworkAccessManager nam;
    const auto hit = [&](const QString &path, const QByteArray &agent) {
        const QList<QPair<QByteArray, QByteArray>> headers{qMakePair(QByteArray("User-Agent"), agent)};
        return httpRequest(nam, "GET", QUrl(base + path), {}, headers).status;
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(hit(QStringLiteral("/o/") + *pixels.cbegin(), kBrowser), 200);
    QCOMPARE(hit(QStringLiteral("/o/") + *pixels.cbegin(), "Mozilla/5.0"), 200);
    QCOMPARE(hit(QStringLiteral("/c/") + clicks[1], kBrowser), 302);
    QCOMPARE(hit(QStringLiteral("/c/") + clicks[1], kBrowser), 302);
    QCOMPARE(hit(QStringLiteral("/c/") + clicks[0], kBrowser), 302);
    // One recipient unsubscribes with one click: that still names them.
    QCOMPARE(httpRequest(nam, "POST", QUrl(base + QStringLiteral("/u/") + *unsubscribes.cbegin()), "List-Unsubscribe=One-Click",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             200);
    QVERIFY(tracker.stop()); // everything acknowledged is on disk
    QVERIFY(tracker.start());

    QByteArray synced;
    QCOMPARE(luxctl({QStringLiteral("tracker"), QStringLiteral("sync"), QStringLiteral("--json")}, &synced), 0);
    const QJsonObject s = QJsonDocument::fromJson(synced).object();
    QCOMPARE(s.value(QStringLiteral("opens")).toInt(), 4);
    QCOMPARE(s.value(QStringLiteral("clicks")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("unsubscribes")).toInt(), 1);
    QCOMPARE(luxctl({QStringLiteral("tracker"), QStringLiteral("sync"), QStringLiteral("--json")}, &synced), 0);
    QCOMPARE(QJsonDocument::fromJson(synced).object().value(QStringLiteral("opens")).toInt(), 0); // nothing counted twice

    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("anonymous"));
        c.setDatabaseName(db);
        QVERIFY(c.open());
        QSqlQuery q(c);
        // Opens and clicks: no event row at all. The unsubscribe: its own row, as ever.
        QVERIFY(q.exec(QStringLiteral("SELECT kind, count(*), count(contact_id) FROM tracking_events GROUP BY kind")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("unsubscribe"));
        QCOMPARE(q.value(1).toInt(), 1);
        QVERIFY(!q.next());
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QVERIFY(q.exec(QStringLiteral("SELECT day, kind, link_id, machine, hits FROM tracking_counts ORDER BY kind, link_id, machine")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1 %2 %3 %4 %5").arg(q.value(0).toString(), q.value(1).toString()).arg(q.value(2).toInt()).arg(q.value(3).toInt()).arg(q.value(4).toInt());
        // The day may have turned between two hits: the sum per kind and link is what matters then.
        if (rows.size() == 4)
            QCOMPARE(rows, (QStringList{today + QStringLiteral(" click 1 0 1"), today + QStringLiteral(" click 2 0 2"),
                                        today + QStringLiteral(" open 0 0 3"), today + QStringLiteral(" open 0 1 1")}));
        else
            QVERIFY2(rows.size() > 4, qPrintable(rows.join(u'\n')));
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("anonymous"));

    QByteArray reported;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("report"), id, QStringLiteral("--json")}, &reported), 0);
    const QJsonObject report = QJsonDocument::fromJson(reported).object();
    QCOMPARE(report.value(QStringLiteral("anonymous")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("total_opens")).toObject().value(QStringLiteral("human")).toInt(), 3);
    QCOMPARE(report.value(QStringLiteral("total_opens")).toObject().value(QStringLiteral("machine")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("total_clicks")).toObject().value(QStringLiteral("human")).toInt(), 3);
    QCOMPARE(report.value(QStringLiteral("unique_opens")).toObject().value(QStringLiteral("total")).toInt(), 0); // nobody to count twice
    QCOMPARE(report.value(QStringLiteral("unsubscribes")).toInt(), 1);
    QVERIFY(report.value(QStringLiteral("most_engaged")).toArray().isEmpty());
    const QJsonArray linkArray = report.value(QStringLiteral("links")).toArray();
    QCOMPARE(linkArray.size(), 2);
    QCOMPARE(linkArray[0].toObject().value(QStringLiteral("url")).toString(), QStringLiteral("https://shop.example/sale"));
    QCOMPARE(linkArray[0].toObject().value(QStringLiteral("clicks")).toObject().value(QStringLiteral("human")).toInt(), 2);
    int perDay = 0;
    for (const QJsonValue &b : report.value(QStringLiteral("timeline")).toArray())
        perDay += b.toObject().value(QStringLiteral("opens")).toObject().value(QStringLiteral("total")).toInt();
    QCOMPARE(perDay, 4);
    QCOMPARE(report.value(QStringLiteral("bucket_ms")).toInteger(), 86'400'000);
    QVERIFY(tracker.stop());
}

QTEST_GUILESS_MAIN(TestTrackerEndToEnd)
#include "tst_trackere2e.moc"
