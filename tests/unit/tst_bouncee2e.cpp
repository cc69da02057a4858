// SPDX-License-Identifier: GPL-3.0-or-later
// Bounces end to end, through the real luxctl processes and the fake Graph (in this process, over
// loopback HTTP): a campaign to 500 addresses where 40 bounce hard and 10 soft (the fake answers with
// Exchange Online's NDRs in the sender mailbox) and 5 people reply "unsubscribe". `luxctl mailbox
// read` is killed with SIGKILL while it reads, then run again: every message applied once, none
// skipped, all marked read. The 40 are bounced and suppressed, the 5 unsubscribed and suppressed, a
// second campaign skips those 45, and the report gives the bounce rate with its warning.
#include "fakegraph.h"
#include "sendingseed.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using lux::fakes::FakeGraph;

class TestBounceE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bouncesAndUnsubscribesAreReadOnceAndHonoured();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr);
    QProcessEnvironment environment() const;
    qint64 count(const QString &sql) const;
    std::unique_ptr<lux::test::TestEnvironment> m_env;
    QString m_db;
    QByteArray m_trackingKeys = lux::tracking::KeyRing::generate(1);
};

QProcessEnvironment TestBounceE2e::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_env->path(QStringLiteral("config")));
    env.insert(QStringLiteral("LUX_DB"), m_db);
    env.insert(QStringLiteral("LUX_SECRET_GRAPH_CLIENT_SECRET"), QStringLiteral("secret"));
    env.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(m_trackingKeys));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return env;
}

int TestBounceE2e::luxctl(const QStringList &args, QByteArray *out)
{
    return lux::test::runProcess(QStringLiteral(LUXCTL_PATH), args, environment(), out);
}

qint64 TestBounceE2e::count(const QString &sql) const
{
    QSqlDatabase db = QSqlDatabase::database(QStringLiteral("check"));
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestBounceE2e::bouncesAndUnsubscribesAreReadOnceAndHonoured()
{
    constexpr int kRecipients = 500, kHard = 40, kSoft = 10, kUnsubscribe = 5;
    const QString mailbox = QStringLiteral("news@acme.example");
    m_env = std::make_unique<lux::test::TestEnvironment>();
    m_db = m_env->path(QStringLiteral("bounce.sqlite"));
    FakeGraph graph;
    QVERIFY(graph.listen());
    FakeGraph::Limits limits;
    limits.requestsPerWindow = 1'000'000;
    graph.setLimits(limits);
    FakeGraph::Faults f;
    f.latencyMs = 1;
    f.retryAfterSeconds = 0;
    graph.setFaults(f);
    QSet<QString> hard, soft;
    for (int i = 0; i < kHard; ++i)
        hard.insert(QStringLiteral("r%1@example.com").arg(i));
    for (int i = kHard; i < kHard + kSoft; ++i)
        soft.insert(QStringLiteral("r%1@example.com").arg(i));
    graph.mailboxes().setBounces(hard, soft);

    lux::test::SendingSeed seed;
    seed.recipients = kRecipients;
    seed.templateHtml = "<p>Hi {{first_name}}</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>";
    seed.subject = QStringLiteral("Hello {{first_name}}");
    seed.preheader = QStringLiteral("News");
    seed.graphUrl = graph.baseUrl().toString();
    const lux::Status seeded = lux::test::seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, m_env->dir(), seed);
    QVERIFY2(seeded, lux::test::errorText(seeded).constData());
    const auto sendCampaign = [&](const QString &name) -> QString {
        QByteArray created;
        if (luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), name, QStringLiteral("--template"),
                    QStringLiteral("T"), QStringLiteral("--from"), mailbox, QStringLiteral("--json")},
                   &created)
            != 0)
            return {};
        const QString id = QString::number(QJsonDocument::fromJson(created).object().value(QStringLiteral("id")).toInteger());
        QByteArray sent;
        if (luxctl({QStringLiteral("campaign"), QStringLiteral("send"), id, QStringLiteral("--json")}, &sent) != 0)
            return {};
        return id;
    };
    const QString first = sendCampaign(QStringLiteral("Spring"));
    QVERIFY(!first.isEmpty());
    QCOMPARE(int(graph.accepted().size()), kRecipients);

    // Five people answer "unsubscribe" to the message they got.
    for (const FakeGraph::Message &m : graph.accepted()) {
        const QString to = m.recipients.value(0);
        const int n = to.section(u'@', 0, 0).mid(1).toInt();
        if (n < kHard + kSoft || n >= kHard + kSoft + kUnsubscribe)
            continue;
        const QByteArray reply = "From: " + to.toUtf8() + "\r\nTo: " + mailbox.toUtf8() + "\r\nSubject: Re: " + m.subject.toUtf8()
                                 + "\r\nIn-Reply-To: " + m.internetMessageId.toUtf8() + "\r\nMessage-ID: <reply" + QByteArray::number(n)
                                 + "@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nunsubscribe\r\n\r\n> Hi\r\n";
        graph.mailboxes().deliver(mailbox, reply);
    }
    const int inboxSize = int(graph.mailboxes().items(mailbox).size());
    QCOMPARE(inboxSize, kHard + kSoft + kUnsubscribe);

    // Read, killed while reading (each answer slowed so the look takes seconds), then read again.
    FakeGraph::Faults slow = f;
    slow.latencyMs = 40;
    graph.setFaults(slow);
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("mailbox"), QStringLiteral("read")});
    QVERIFY(p.waitForStarted());
    QSignalSpy done(&p, &QProcess::finished);
    // Killed once some messages were applied (their NDRs marked read), well before all were.
    QTRY_VERIFY_WITH_TIMEOUT(graph.mailboxes().stats(mailbox).value(QStringLiteral("marks")).toInt() >= 10 || done.count() > 0, 60000);
    QVERIFY2(done.isEmpty(), "the look ended before it could be killed");
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(done.wait(10000));
    const int marksAtKill = graph.mailboxes().stats(mailbox).value(QStringLiteral("marks")).toInt();
    QVERIFY2(marksAtKill < inboxSize, "killed while reading");
    graph.setFaults(f);
    QByteArray read;
    QCOMPARE(luxctl({QStringLiteral("mailbox"), QStringLiteral("read"), QStringLiteral("--json")}, &read), 0);
    const QJsonObject look = QJsonDocument::fromJson(read).object().value(QStringLiteral("mailboxes")).toArray().first().toObject();
    QVERIFY2(look.value(QStringLiteral("read")).toInt() <= inboxSize - marksAtKill + 1, read.constData());

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
    }
    // Each message once, none skipped, all marked read in the mailbox.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM inbound_messages")), qint64(inboxSize));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM inbound_messages WHERE kind = 'hard-bounce' AND effect = 'bounced'")), qint64(kHard));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM inbound_messages WHERE kind = 'soft-bounce' AND effect = 'counted'")), qint64(kSoft));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM inbound_messages WHERE kind = 'unsubscribe' AND effect = 'unsubscribed'")), qint64(kUnsubscribe));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM inbound_messages WHERE disposed = 0")), 0);
    QCOMPARE(graph.mailboxes().stats(mailbox).value(QStringLiteral("unread_in_inbox")).toInt(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE status = 'bounced'")), qint64(kHard));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE status = 'unsubscribed'")), qint64(kUnsubscribe));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppression WHERE channel = 'email'")), qint64(kHard + kUnsubscribe));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM consent_events WHERE action = 'withdrawn'")), qint64(kUnsubscribe));
    // Each bounce names the campaign and the recipient's outbox row.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM inbound_messages i JOIN outbox o ON o.id = i.outbox_id "
                                  "WHERE i.campaign_id = %1 AND o.address_key = i.address AND i.kind LIKE '%-bounce'").arg(first)),
             qint64(kHard + kSoft));
    QSqlDatabase::database(QStringLiteral("check")).close();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    // The report: 50 of 500 bounced (10 %), above the 2 % warning; 5 unsubscribed.
    QByteArray report;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("report"), first, QStringLiteral("--json")}, &report), 0);
    const QJsonObject r = QJsonDocument::fromJson(report).object();
    QCOMPARE(r.value(QStringLiteral("hard_bounces")).toInt(), kHard);
    QCOMPARE(r.value(QStringLiteral("soft_bounces")).toInt(), kSoft);
    QCOMPARE(r.value(QStringLiteral("bounce_rate")).toDouble(), double(kHard + kSoft) / kRecipients);
    QVERIFY(r.value(QStringLiteral("bounce_warning")).toBool());
    QCOMPARE(r.value(QStringLiteral("unsubscribes")).toInt(), kUnsubscribe);

    // A second campaign leaves the 45 out.
    const int before = int(graph.accepted().size());
    QVERIFY(!sendCampaign(QStringLiteral("Summer")).isEmpty());
    QCOMPARE(int(graph.accepted().size()) - before, kRecipients - kHard - kUnsubscribe);
    for (qsizetype i = before; i < graph.accepted().size(); ++i) {
        const QString to = graph.accepted().at(i).recipients.value(0);
        QVERIFY2(!hard.contains(to), qPrintable(to));
    }
}

QTEST_GUILESS_MAIN(TestBounceE2e)
#include "tst_bouncee2e.moc"
