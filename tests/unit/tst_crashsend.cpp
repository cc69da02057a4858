// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety, end to end: `luxctl campaign send` sends a 5,000-recipient campaign to the fake Graph
// (in this process, over loopback HTTP) and is killed with SIGKILL at random moments, then started
// again, several times; a last run finishes. Every recipient was accepted by the fake exactly once,
// none is missing, the campaign is `sent` and `PRAGMA integrity_check` is ok. Then the same with
// faults: 10 % of requests answered 503 or 429, some connections dropped and some answers lost.
#include "fakegraph.h"
#include "sendingseed.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QFile>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using lux::fakes::FakeGraph;

class TestCrashSend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedAndRestartedSendsEachOnce_data();
    void killedAndRestartedSendsEachOnce();
    void schedulerSendsWhatIsDue();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr);
    void describeUnsent(const lux::fakes::FakeGraph &graph);
    QProcessEnvironment environment() const;
    std::unique_ptr<lux::test::TestEnvironment> m_env;
    QString m_db;
    QByteArray m_trackingKeys = lux::tracking::KeyRing::generate(1);
};

QProcessEnvironment TestCrashSend::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_env->path(QStringLiteral("config")));
    env.insert(QStringLiteral("LUX_DB"), m_db);
    env.insert(QStringLiteral("LUX_SECRET_GRAPH_CLIENT_SECRET"), QStringLiteral("secret"));
    env.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(m_trackingKeys));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return env;
}

int TestCrashSend::luxctl(const QStringList &args, QByteArray *out)
{
    return lux::test::runProcess(QStringLiteral(LUXCTL_PATH), args, environment(), out);
}

// Every row the last run did not send, with what the outbox says of it.
void TestCrashSend::describeUnsent(const FakeGraph &graph)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("describe"));
        db.setDatabaseName(m_db);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT id, state, attempts, error_code, error, due_at, provider_ref, address, message_id, "
                                        "updated_at, attempted_at FROM outbox WHERE state <> 'sent'")))
                while (q.next()) {
                    int accepted = 0;
                    for (const FakeGraph::Message &m : graph.accepted())
                        accepted += m.recipients.contains(q.value(7).toString()) ? 1 : 0;
                    qInfo("not sent: row %lld %s, %d attempts, %s: %s; due %lld, reference '%s', message id %s, updated %lld, attempted %lld; "
                          "the fake accepted %d to %s",
                          q.value(0).toLongLong(), qPrintable(q.value(1).toString()), q.value(2).toInt(), qPrintable(q.value(3).toString()),
                          qPrintable(q.value(4).toString()), q.value(5).toLongLong(), qPrintable(q.value(6).toString()),
                          qPrintable(q.value(8).toString()), q.value(9).toLongLong(), q.value(10).toLongLong(), accepted,
                          qPrintable(q.value(7).toString()));
                }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("describe"));
}

void TestCrashSend::killedAndRestartedSendsEachOnce_data()
{
    QTest::addColumn<bool>("faults");
    QTest::newRow("clean") << false;
    QTest::newRow("faults") << true;
}

void TestCrashSend::killedAndRestartedSendsEachOnce()
{
    QFETCH(bool, faults);
    constexpr int kRecipients = 5000;
    m_env = std::make_unique<lux::test::TestEnvironment>();
    m_db = m_env->path(QStringLiteral("crash.sqlite"));
    FakeGraph graph;
    QVERIFY(graph.listen());
    // The sender runs far past Exchange's 30 a minute here, so the fake's request budget (Graph's
    // 10,000 per 10 minutes, two requests a message) is raised to match; at a real pace it is never met.
    FakeGraph::Limits limits;
    limits.requestsPerWindow = 1'000'000;
    graph.setLimits(limits);
    FakeGraph::Faults f;
    f.latencyMs = 1;
    f.retryAfterSeconds = 0;
    if (faults) {
        f.serviceUnavailable = 0.05;
        f.throttled = 0.05;
        f.dropConnection = 0.02;
        f.loseAnswer = 0.02;
    }
    graph.setFaults(f);

    lux::test::SendingSeed seed;
    seed.recipients = kRecipients;
    seed.templateHtml = "<p>Hi {{first_name}}</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>";
    seed.subject = QStringLiteral("Hello {{first_name}}");
    seed.preheader = QStringLiteral("News");
    seed.perMinute = 1'000'000;
    seed.perDay = 1'000'000;
    seed.graphUrl = graph.baseUrl().toString();
    const lux::Status seeded = lux::test::seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, m_env->dir(), seed);
    QVERIFY2(seeded, lux::test::errorText(seeded).constData());
    QByteArray created;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Spring"),
                     QStringLiteral("--template"), QStringLiteral("T"), QStringLiteral("--from"), QStringLiteral("news@acme.example"),
                     QStringLiteral("--json")},
                    &created),
             0);
    const QString id = QString::number(QJsonDocument::fromJson(created).object().value(QStringLiteral("id")).toInteger());

    // Killed at random moments, each time while it is sending, then started again.
    QRandomGenerator random(faults ? 2 : 1);
    int kills = 0;
    for (int round = 0; round < 6; ++round) {
        const int before = int(graph.accepted().size());
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("campaign"), QStringLiteral("send"), id});
        QVERIFY(p.waitForStarted());
        QSignalSpy done(&p, &QProcess::finished);
        const int delay = 300 + int(random.bounded(900));
        if (done.wait(delay)) {
            qInfo("round %d: finished before the kill: exit %d, %s %s", round, p.exitCode(), p.readAllStandardOutput().constData(),
                  p.readAllStandardError().constData());
            break;
        }
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(done.wait(10000));
        ++kills;
        qInfo("round %d: killed after %d ms; %d messages accepted by then", round, delay, int(graph.accepted().size()) - before);
    }
    QVERIFY2(kills >= 3, "the process was killed while sending at least three times");
    QByteArray finished;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("send"), id, QStringLiteral("--json")}, &finished), 0);
    const QJsonObject status = QJsonDocument::fromJson(finished).object();
    if (status.value(QStringLiteral("status")).toString() != u"sent")
        describeUnsent(graph); // what the run left, for the failure below
    QVERIFY2(status.value(QStringLiteral("status")).toString() == u"sent", finished.constData());
    QCOMPARE(status.value(QStringLiteral("outbox")).toObject().value(QStringLiteral("sent")).toInt(), kRecipients);

    // Exactly once, none missing.
    QSet<QString> seen;
    for (const FakeGraph::Message &m : graph.accepted()) {
        QCOMPARE(m.recipients.size(), 1);
        QVERIFY2(!seen.contains(m.recipients.first()), qPrintable(QStringLiteral("twice: %1").arg(m.recipients.first())));
        seen.insert(m.recipients.first());
    }
    QCOMPARE(seen.size(), kRecipients);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    qInfo("%d kills; %d requests to the fake for %d messages", kills, graph.requestCount(), kRecipients);
}

void TestCrashSend::schedulerSendsWhatIsDue()
{
    // A campaign scheduled for a moment ago and one for next week: `scheduler run --until-idle`
    // sends the first and leaves the second.
    m_env = std::make_unique<lux::test::TestEnvironment>();
    m_db = m_env->path(QStringLiteral("sched.sqlite"));
    FakeGraph graph;
    QVERIFY(graph.listen());
    FakeGraph::Faults f;
    f.latencyMs = 1;
    graph.setFaults(f);
    lux::test::SendingSeed seed;
    seed.recipients = 20;
    seed.addressPattern = QStringLiteral("s%1@example.com");
    seed.firstNames = false;
    seed.templateHtml = "<p>Hi</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>";
    seed.subject = QStringLiteral("Hello");
    seed.preheader = QStringLiteral("News");
    seed.graphUrl = graph.baseUrl().toString();
    const lux::Status seeded = lux::test::seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, m_env->dir(), seed);
    QVERIFY2(seeded, lux::test::errorText(seeded).constData());
    for (const char *name : {"Now", "Later"})
        QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QString::fromLatin1(name),
                         QStringLiteral("--template"), QStringLiteral("T"), QStringLiteral("--from"), QStringLiteral("news@acme.example")}),
                 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("schedule"), QStringLiteral("1"), QStringLiteral("--at"),
                     now.addSecs(-60).toString(Qt::ISODate)}),
             0);
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("schedule"), QStringLiteral("2"), QStringLiteral("--at"),
                     now.addDays(7).toString(Qt::ISODate)}),
             0);
    QByteArray out;
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle"), QStringLiteral("--json")}, &out), 0);
    const QJsonArray ran = QJsonDocument::fromJson(out).object().value(QStringLiteral("ran")).toArray();
    QCOMPARE(ran.size(), 1);
    QCOMPARE(ran.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
    QCOMPARE(graph.accepted().size(), 20);
    QByteArray later;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("status"), QStringLiteral("2"), QStringLiteral("--json")}, &later), 0);
    QCOMPARE(QJsonDocument::fromJson(later).object().value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
    // Running again finds nothing due.
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("ran")).toArray().size(), 0);
}

LUX_TEST_MAIN(TestCrashSend, QCoreApplication)
#include "tst_crashsend.moc"
