// SPDX-License-Identifier: GPL-3.0-or-later
// An A/B test end to end, with real processes: luxctl creates a campaign with two subjects and a
// 20 % test group and sends the test group through the fake Graph with its links at a real
// lux-tracker; people's clicks are replayed so that B is clearly better, and a scanner's clicks
// (machines) so that A would win on raw clicks; the scheduler (luxctl scheduler run) pulls the
// events, chooses B and sends the rest with B; it is killed with SIGKILL while the rest goes out and
// started again. B is chosen, the rest got B, and nobody got two messages.
#include "fakegraph.h"
#include "sendingseed.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace lux;
using namespace lux::test;
using lux::fakes::FakeGraph;

namespace {
const QByteArray kBrowser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const QByteArray kScanner = "Mozilla/5.0 (compatible; Barracuda Sentinel)";
constexpr int kRecipients = 200;
constexpr int kTestGroup = 40; // 20 %
const QString kSubjectB = QStringLiteral("Twenty off spring");

// Whether a message went out as variant B (its subject).
bool isB(const FakeGraph::Message &m)
{
    return m.subject == kSubjectB || m.mime.contains(QByteArray(QByteArray("\nSubject: ") + kSubjectB.toUtf8()));
}
} // namespace

class TestAbTestEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void humanClicksChooseTheWinnerAndTheRestGetsItOnce();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr);
    bool sql(const QString &db, const QStringList &statements);
    QProcessEnvironment m_environment;
};

int TestAbTestEndToEnd::luxctl(const QStringList &args, QByteArray *out)
{
    return runProcess(QStringLiteral(LUXCTL_PATH), args, m_environment, out, 120'000);
}

// Changes the database as time would (a connection of the test's own, closed at once).
bool TestAbTestEndToEnd::sql(const QString &db, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("abtest-e2e"));
        c.setDatabaseName(db);
        ok = c.open();
        QSqlQuery q(c);
        for (const QString &s : statements)
            if (ok && !q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                ok = false;
            }
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("abtest-e2e"));
    return ok;
}

void TestAbTestEndToEnd::humanClicksChooseTheWinnerAndTheRestGetsItOnce()
{
    TestEnvironment env;
    TrackerProcess tracker(QStringLiteral(LUX_TRACKER_PATH), env.dir(), {QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(tracker.start(), tracker.output().constData());
    FakeGraph graph;
    QVERIFY(graph.listen());
    FakeGraph::Limits limits;
    limits.requestsPerWindow = 1'000'000;
    graph.setLimits(limits);
    FakeGraph::Faults faults;
    faults.latencyMs = 25; // the rest takes a moment to go out, so the kill lands while it does
    graph.setFaults(faults);
    const QString db = env.path(QStringLiteral("ab.sqlite"));
    m_environment = luxctlEnvironment(env, db);
    m_environment.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(tracker.keys()));
    m_environment.insert(QStringLiteral("LUX_SECRET_TRACKER_API_TOKEN"), QString::fromLatin1(tracker.apiToken()));

    SendingSeed seed;
    seed.recipients = kRecipients;
    seed.templateHtml = "<html><body><p>Hi {{first_name}}, <a href=\"https://shop.example/spring\">see spring</a>.</p>"
                        "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p></body></html>";
    seed.subject = QStringLiteral("Spring is here");
    seed.graphUrl = graph.baseUrl().toString();
    seed.trackerUrl = tracker.url().toString();
    const Status seeded = seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, env.dir(), seed);
    QVERIFY2(seeded, errorText(seeded).constData());
    // 20 people a variant: the test's own minimum (500 by default) made small for a small test.
    QCOMPARE(luxctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("abtest.min_per_variant"), QStringLiteral("20")}), 0);

    QByteArray created;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Spring"), QStringLiteral("--template"),
                     QStringLiteral("T"), QStringLiteral("--from"), QStringLiteral("news@acme.example"), QStringLiteral("--variant-subject"),
                     kSubjectB, QStringLiteral("--test-percent"), QStringLiteral("20"), QStringLiteral("--wait"),
                     QStringLiteral("30s"), QStringLiteral("--metric"), QStringLiteral("clicks"), QStringLiteral("--json")},
                    &created),
             0);
    const QJsonObject made = QJsonDocument::fromJson(created).object();
    QCOMPARE(made.value(QStringLiteral("variants")).toInt(), 2);
    const QString id = QString::number(made.value(QStringLiteral("id")).toInteger());

    // The test group goes out; the rest is held.
    QByteArray sent;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("send"), id, QStringLiteral("--accept-warnings"), QStringLiteral("--json")}, &sent), 0);
    const QJsonObject afterTest = QJsonDocument::fromJson(sent).object();
    QCOMPARE(afterTest.value(QStringLiteral("abtest")).toString(), QStringLiteral("testing"));
    QVERIFY(afterTest.contains(QStringLiteral("decide_at")));
    QCOMPARE(afterTest.value(QStringLiteral("status")).toString(), QStringLiteral("sending"));
    QCOMPARE(graph.accepted().size(), kTestGroup);

    // Each variant's people and their tracked link, from what they were sent.
    QHash<QString, QString> linkOf;
    QStringList groupA, groupB;
    const QString base = tracker.url().toString();
    for (const FakeGraph::Message &m : graph.accepted()) {
        const QString to = m.recipients.value(0);
        const auto link = QRegularExpression(QRegularExpression::escape(base) + QStringLiteral("/c/([A-Za-z0-9_-]+)"))
                              .match(mimePart(m.mime, "text/html"));
        QVERIFY(link.hasMatch());
        linkOf.insert(to, link.captured(1));
        if (isB(m))
            groupB << to;
        else
            groupA << to;
    }
    QCOMPARE(groupA.size(), kTestGroup / 2);
    QCOMPARE(groupB.size(), kTestGroup / 2);

    // Interleaved in send order: A, B, A, B …; the rest held without a variant.
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("look"));
        c.setDatabaseName(db);
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT variant FROM outbox WHERE ab_group = 1 ORDER BY id")));
        int i = 0;
        while (q.next())
            QCOMPARE(q.value(0).toInt(), i++ % 2);
        QCOMPARE(i, kTestGroup);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(variant IS NULL), sum(state = 'pending') FROM outbox WHERE ab_group = 0")) && q.next());
        QCOMPARE(q.value(0).toInt(), kRecipients - kTestGroup);
        QCOMPARE(q.value(1).toInt(), kRecipients - kTestGroup);
        QCOMPARE(q.value(2).toInt(), kRecipients - kTestGroup);
        QVERIFY(q.exec(QStringLiteral("SELECT seed, test_group, remainder, state FROM ab_tests")) && q.next());
        QVERIFY(!q.value(0).toString().isEmpty()); // the draw's seed is recorded
        QCOMPARE(q.value(1).toInt(), kTestGroup);
        QCOMPARE(q.value(2).toInt(), kRecipients - kTestGroup);
        QCOMPARE(q.value(3).toString(), QStringLiteral("testing"));
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("look"));

    // An hour passes (delivery was long ago for the tracker's "clicked at once" rule, and the wait
    // is over): the rows' acceptance and the scheduler's job move back.
    QVERIFY(sql(db, {QStringLiteral("UPDATE outbox SET updated_at = updated_at - 3600000 WHERE ab_group = 1"),
                     QStringLiteral("UPDATE jobs SET due_at = due_at - 3600000 WHERE done_at IS NULL")}));

    // People: 14 of B's 20 click, 3 of A's. A scanner follows every link in A's other 17 messages.
    QNetworkAccessManager nam;
    const auto click = [&](const QString &to, const QByteArray &agent) {
        return httpRequest(nam, "GET", QUrl(base + QStringLiteral("/c/") + linkOf.value(to)), {}, {qMakePair(QByteArray("User-Agent"), agent)}).status;
    };
    for (int i = 0; i < 14; ++i)
        QCOMPARE(click(groupB.at(i), kBrowser), 302);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(click(groupA.at(i), kBrowser), 302);
    for (int i = 3; i < groupA.size(); ++i)
        QCOMPARE(click(groupA.at(i), kScanner), 302);

    // The scheduler decides and sends the rest; it is killed while the rest goes out.
    const int beforeRest = int(graph.accepted().size());
    {
        QProcess p;
        p.setProcessEnvironment(m_environment);
        p.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("scheduler"), QStringLiteral("run")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(graph.accepted().size() >= beforeRest + 30, 60'000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10'000));
        qInfo("killed after %d of the rest were accepted", int(graph.accepted().size()) - beforeRest);
        QVERIFY2(graph.accepted().size() < kRecipients, "the kill came while the rest was going out");
    }
    // The killed scheduler's lease on the job runs out (two minutes, moved back here), and a new one
    // goes on: rows in doubt are reconciled with Graph, never sent again.
    QVERIFY(sql(db, {QStringLiteral("UPDATE jobs SET lease_until = 0 WHERE done_at IS NULL")}));
    QByteArray out;
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle"), QStringLiteral("--json")}, &out), 0);

    QByteArray statusOut;
    QCOMPARE(luxctl({QStringLiteral("abtest"), QStringLiteral("status"), id, QStringLiteral("--json")}, &statusOut), 0);
    const QJsonObject status = QJsonDocument::fromJson(statusOut).object();
    QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("decided"));
    QCOMPARE(status.value(QStringLiteral("winner")).toString(), QStringLiteral("B"));
    QCOMPARE(status.value(QStringLiteral("decided_by")).toString(), QStringLiteral("rule"));
    QCOMPARE(status.value(QStringLiteral("reason_code")).toString(), QStringLiteral("abtest.winner"));
    QVERIFY2(status.value(QStringLiteral("reason")).toString().startsWith(QLatin1String("B won: 70.0 % against 15.0 %")),
             qPrintable(status.value(QStringLiteral("reason")).toString()));
    // The machines' clicks were not counted: people only.
    const QJsonArray variants = status.value(QStringLiteral("analysis")).toObject().value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 2);
    QCOMPARE(variants.at(0).toObject().value(QStringLiteral("successes")).toInt(), 3);
    QCOMPARE(variants.at(1).toObject().value(QStringLiteral("successes")).toInt(), 14);
    QCOMPARE(status.value(QStringLiteral("rest")).toObject().value(QStringLiteral("sent")).toInt(), kRecipients - kTestGroup);

    // Everyone exactly once; the rest all got B.
    QSet<QString> seen;
    int bSubjects = 0;
    for (const FakeGraph::Message &m : graph.accepted()) {
        const QString to = m.recipients.value(0);
        QVERIFY2(!seen.contains(to), qPrintable(QStringLiteral("twice: %1").arg(to)));
        seen.insert(to);
        if (!groupA.contains(to) && !groupB.contains(to)) {
            QVERIFY2(isB(m), qPrintable(QStringLiteral("%1 got A").arg(to)));
            ++bSubjects;
        }
    }
    QCOMPARE(seen.size(), kRecipients);
    QCOMPARE(bSubjects, kRecipients - kTestGroup);
    QByteArray final;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("status"), id, QStringLiteral("--json")}, &final), 0);
    QCOMPARE(QJsonDocument::fromJson(final).object().value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
}

LUX_TEST_MAIN(TestAbTestEndToEnd, QCoreApplication)
#include "tst_abteste2e.moc"
