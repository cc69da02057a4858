// SPDX-License-Identifier: GPL-3.0-or-later
// A second channel on the real core: the tests' echo channel (echochannel.h, written against the
// channel interface and the HTTP helper only) sends a campaign through the real run path and
// dispatcher to its own fake provider, which has no idempotency key and makes a second message for
// a second POST. The sending process is this executable in "sender" mode, killed with SIGKILL at
// random moments and started again; at the end every recipient has exactly one message at the
// provider, the campaign is sent and the database is intact. Then the same with the provider
// failing: 503s, 429s, connections dropped and answers lost after the message was made.
#include "campaigns/campaignrunner.h"
#include "campaigns/campaignstore.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "common/awaittask.h"
#include "databasefixture.h"
#include "echochannel.h"
#include "fakeecho.h"
#include "storage/database.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace lux;
using lux::fakes::FakeEcho;

namespace {

constexpr auto kAccount = "AC-echo";
constexpr auto kToken = "echo-token";

// Sender mode: `tst_echochannel --echo-send DB CAMPAIGN PROVIDER_URL` runs the campaign to its end.
int sendCampaign(const QString &path, qint64 campaignId, const QUrl &provider)
{
    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    QNetworkAccessManager network;
    campaigns::SendSetup setup;
    setup.tracking.trackerUrl = QStringLiteral("https://t.example");
    setup.tracking.keys = qgetenv("LUX_SECRET_TRACKING_KEYS");
    campaigns::CampaignRunner runner((*db)->connection(), &network, setup);
    // The only thing a new channel adds to the run path: how to make it.
    runner.addChannel(QStringLiteral("echo"), [&network, provider](const campaigns::Campaign &, const tracking::CampaignTracking &)
                          -> Result<std::unique_ptr<channels::Channel>> {
        return std::unique_ptr<channels::Channel>(
            std::make_unique<EchoChannel>(&network, EchoChannel::Config{provider, QString::fromLatin1(kAccount), QString::fromLatin1(kToken)}));
    });
    const campaigns::CampaignRunner::Run run = awaitTask(runner.run(campaignId));
    std::printf("%s %lld\n", qPrintable(run.status), run.summary.sent);
    return run.outcome == campaigns::CampaignRunner::Run::Outcome::Ran && !run.interrupted ? 0 : 1;
}

} // namespace

class TestEchoChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedAndRestartedSendsEachOnce_data();
    void killedAndRestartedSendsEachOnce();

private:
    qint64 setUpCampaign(test::DatabaseFixture &data, int recipients);
};

qint64 TestEchoChannel::setUpCampaign(test::DatabaseFixture &data, int recipients)
{
    if (!data.open())
        return 0;
    for (int i = 0; i < recipients; ++i)
        if (!data.addContact(QStringLiteral("r%1@example.com").arg(i)))
            return 0;
    if (!campaigns::SenderStore(data.db()).save(QStringLiteral("echo@acme.example"), {4, 1'000'000, 1'000'000}))
        return 0;
    // Due now; the run path takes it from there (the email pre-send checks are email's, not the core's).
    const auto id = data.addCampaign(QStringLiteral("Echo"), QStringLiteral("scheduled"), QDateTime::currentMSecsSinceEpoch(), {},
                                     QStringLiteral("echo@acme.example"));
    if (!id)
        return 0;
    // A campaign on the echo channel: nothing in the core knows the name.
    QSqlQuery q(data.db());
    q.prepare(QStringLiteral("UPDATE campaigns SET channel = 'echo', tracking = 0 WHERE id = ?"));
    q.addBindValue(*id);
    if (!q.exec())
        return 0;
    data.close(); // the sender processes take the writer lock
    return *id;
}

void TestEchoChannel::killedAndRestartedSendsEachOnce_data()
{
    QTest::addColumn<bool>("faults");
    QTest::newRow("clean") << false;
    QTest::newRow("faults") << true;
}

void TestEchoChannel::killedAndRestartedSendsEachOnce()
{
    QFETCH(bool, faults);
    constexpr int kRecipients = 400;
    test::DatabaseFixture data(QStringLiteral("echo.sqlite"));
    const QString path = data.path();
    const qint64 id = setUpCampaign(data, kRecipients);
    QVERIFY(id > 0);
    FakeEcho provider;
    provider.setCredentials(QString::fromLatin1(kAccount), QString::fromLatin1(kToken));
    FakeEcho::Faults f;
    f.retryAfterSeconds = 0; // the pauses they ask for are the pacer's business (tst_pacer), not this test's
    if (faults) {
        f.serviceUnavailable = 0.05;
        f.throttled = 0.05;
        f.dropConnection = 0.02;
        f.loseAnswer = 0.02;
    }
    provider.setFaults(f);
    QVERIFY(provider.listen());

    QProcessEnvironment processEnv = QProcessEnvironment::systemEnvironment();
    processEnv.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(tracking::KeyRing::generate(1)));
    const QStringList args{QStringLiteral("--echo-send"), path, QString::number(id), provider.baseUrl().toString()};
    QRandomGenerator random(faults ? 4 : 3);
    int kills = 0;
    for (int round = 0; round < 6; ++round) {
        QProcess p;
        p.setProcessEnvironment(processEnv);
        p.start(QCoreApplication::applicationFilePath(), args);
        QVERIFY(p.waitForStarted());
        QSignalSpy done(&p, &QProcess::finished);
        const int delay = 300 + int(random.bounded(700));
        if (done.wait(delay)) {
            qInfo("round %d: finished before the kill: %s", round, p.readAllStandardOutput().constData());
            break;
        }
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(done.wait(10000));
        ++kills;
        qInfo("round %d: killed after %d ms; %d messages at the provider", round, delay, int(provider.messages().size()));
    }
    QVERIFY2(kills >= 3, "the sender was killed while sending at least three times");
    QByteArray out;
    QCOMPARE(test::runProcess(QCoreApplication::applicationFilePath(), args, processEnv, &out, 300'000), 0);
    QVERIFY2(out.startsWith("sent "), out.constData());

    // Exactly once, none missing.
    QSet<QString> refs, recipients;
    for (const FakeEcho::Message &m : provider.messages()) {
        QVERIFY2(!refs.contains(m.clientRef), qPrintable(QStringLiteral("%1 was made twice").arg(m.clientRef)));
        refs.insert(m.clientRef);
        recipients.insert(m.to);
    }
    QCOMPARE(int(provider.messages().size()), kRecipients);
    QCOMPARE(int(recipients.size()), kRecipients);
    auto db = Database::open(path);
    QVERIFY(db.ok());
    const auto counts = campaigns::Outbox((*db)->connection()).counts(id);
    QCOMPARE(counts.value(QStringLiteral("sent")), qint64(kRecipients));
    QCOMPARE(campaigns::CampaignStore((*db)->connection()).find(id)->status, campaigns::CampaignStatus::Sent);
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT provider_ref), min(channel), max(channel) FROM outbox WHERE campaign_id = ")
                   + QString::number(id)));
    QVERIFY(q.next());
    // Every row carries the provider's id for its message, and the channel that sent it.
    QCOMPARE(q.value(0).toInt(), kRecipients);
    QCOMPARE(q.value(1).toInt(), kRecipients);
    QCOMPARE(q.value(2).toString(), QStringLiteral("echo"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("echo"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--echo-send") == 0) {
        QCoreApplication app(argc, argv);
        return sendCampaign(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(), QUrl(QString::fromLocal8Bit(argv[4])));
    }
    QCoreApplication app(argc, argv);
    TestEchoChannel tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_echochannel.moc"
