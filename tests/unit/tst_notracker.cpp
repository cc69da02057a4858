// SPDX-License-Identifier: GPL-3.0-or-later
// Sending without lux-tracker (issue 14), end to end with real processes: no tracker address and no
// signing keys anywhere; luxctl warns what the campaign gives up, makes the key ring once and keeps it
// in the keychain (the real Secret Service), and sends through the fake Graph. Each accepted message
// unsubscribes by mail (List-Unsubscribe: <mailto:…>, no List-Unsubscribe-Post, the same address as
// the body's link), has no pixel and no rewritten link, and its token verifies, with the kept keys, to
// that recipient's outbox row. A recipient who writes to that address is unsubscribed by the mailbox
// reader.
#include "fakegraph.h"
#include "sendingseed.h"
#include "secrets/secretstore.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::test;
using lux::fakes::FakeGraph;

class TestNoTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void campaignGoesWithMailtoUnsubscribe();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr);
    QProcessEnvironment m_environment;
};

int TestNoTracker::luxctl(const QStringList &args, QByteArray *out)
{
    return runProcess(QStringLiteral(LUXCTL_PATH), args, m_environment, out, 60'000);
}

void TestNoTracker::campaignGoesWithMailtoUnsubscribe()
{
    TestEnvironment env;
    FakeGraph graph;
    QVERIFY(graph.listen());
    const QString db = env.path(QStringLiteral("notracker.sqlite"));
    const QString mailbox = QStringLiteral("news@acme.example");
    m_environment = luxctlEnvironment(env, db);
    m_environment.remove(QStringLiteral("LUX_SECRET_TRACKING_KEYS")); // the keys come from the keychain, made by LUX
    m_environment.remove(QStringLiteral("LUX_SECRET_TRACKER_API_TOKEN"));

    constexpr int kRecipients = 6;
    SendingSeed seed;
    seed.recipients = kRecipients;
    seed.templateHtml = "<html><body><p>Hi {{first_name}}, <a href=\"https://shop.example/spring\">see spring</a>.</p>"
                        "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p></body></html>";
    seed.subject = QStringLiteral("Spring, {{first_name}}");
    seed.graphUrl = graph.baseUrl().toString();
    seed.trackerUrl.clear(); // no tracker
    const Status seeded = seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, env.dir(), seed);
    QVERIFY2(seeded, errorText(seeded).constData());
    QByteArray info;
    QCOMPARE(luxctl({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")}, &info), 0);
    const SecretStore secrets = SecretStore().scopedTo(QJsonDocument::fromJson(info).object().value(QStringLiteral("database_id")).toString(), false);
    (void)await(secrets.remove(Secret::TrackingKeys));

    QByteArray created;
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Spring"), QStringLiteral("--template"),
                     QStringLiteral("T"), QStringLiteral("--from"), mailbox, QStringLiteral("--json")},
                    &created),
             0);
    const qint64 campaignId = QJsonDocument::fromJson(created).object().value(QStringLiteral("id")).toInteger();
    const QString id = QString::number(campaignId);

    // The checks say what is given up, as a warning: read, then accepted.
    QProcess refused;
    refused.setProcessEnvironment(m_environment);
    refused.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("campaign"), QStringLiteral("send"), id});
    QVERIFY(refused.waitForFinished(60'000));
    QVERIFY(refused.exitCode() != 0);
    const QString said = QString::fromUtf8(refused.readAllStandardError());
    QVERIFY2(said.contains(QLatin1String("Warning: No tracker is set up")) && said.contains(QLatin1String("one-click"))
                 && said.contains(QLatin1String("5,000")) && said.contains(QLatin1String("Opens and clicks")),
             qPrintable(said));
    QVERIFY(graph.accepted().isEmpty());
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("send"), id, QStringLiteral("--accept-warnings")}), 0);
    QCOMPARE(int(graph.accepted().size()), kRecipients);

    // The ring LUX made, kept in this database's keychain entry.
    const Result<QString> kept = await(secrets.read(Secret::TrackingKeys));
    QVERIFY2(kept, errorText(kept).constData());
    const auto ring = tracking::KeyRing::parse(kept->toUtf8());
    QVERIFY2(ring, errorText(ring).constData());
    const tracking::TokenCodec codec(*ring);

    QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    check.setDatabaseName(db);
    QVERIFY(check.open());
    const auto outboxOf = [&](const QString &address) {
        QSqlQuery q(check);
        q.prepare(QStringLiteral("SELECT id FROM outbox WHERE campaign_id = ? AND address = ?"));
        q.addBindValue(campaignId);
        q.addBindValue(address);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    };
    static const QRegularExpression header(QStringLiteral("\r\nList-Unsubscribe: <(mailto:news\\+unsub-([A-Za-z0-9_-]+)@acme\\.example)>\r\n"));
    QHash<QString, QString> unsubscribeAddress;
    for (const FakeGraph::Message &m : graph.accepted()) {
        const QString to = m.recipients.value(0);
        const QString mime = QString::fromLatin1(m.mime);
        const auto h = header.match(mime);
        QVERIFY2(h.hasMatch(), qPrintable(mime.left(mime.indexOf(QLatin1String("\r\n\r\n")))));
        QVERIFY(!mime.contains(QLatin1String("List-Unsubscribe-Post")));
        const QString html = mimePart(m.mime, "text/html");
        const QString text = mimePart(m.mime, "text/plain");
        QVERIFY2(html.contains(QStringLiteral("href=\"%1\"").arg(h.captured(1))), qPrintable(html)); // the body's link is the header's
        QVERIFY(html.contains(QLatin1String("href=\"https://shop.example/spring\""))); // not rewritten
        QVERIFY(!html.contains(QLatin1String("<img")));                               // no pixel
        QVERIFY(!html.contains(QLatin1String("/o/")) && !html.contains(QLatin1String("/c/")));
        QVERIFY2(text.contains(QLatin1String("https://shop.example/spring")), qPrintable(text));
        const auto claims = codec.verify(h.captured(2).toLatin1(), tracking::Purpose::Unsubscribe);
        QVERIFY(claims);
        QCOMPARE(claims->campaign, quint64(campaignId));
        QCOMPARE(qint64(claims->recipient), outboxOf(to));
        unsubscribeAddress.insert(to, h.captured(1).mid(7));
    }

    // r2 writes to the address in the header (an empty mail, as mail programs send it); the reader
    // verifies the token and takes r2 off, once.
    const QString r2 = QStringLiteral("r2@example.com");
    const QByteArray mail = "From: " + r2.toUtf8() + "\r\nTo: " + unsubscribeAddress.value(r2).toUtf8()
                            + "\r\nSubject: Unsubscribe\r\nMessage-ID: <unsub-r2@example.com>\r\nDate: "
                            + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1()
                            + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n";
    graph.mailboxes().deliver(mailbox, mail);
    QCOMPARE(luxctl({QStringLiteral("mailbox"), QStringLiteral("read")}), 0);
    QByteArray shown;
    QCOMPARE(luxctl({QStringLiteral("contacts"), QStringLiteral("show"), r2, QStringLiteral("--json")}, &shown), 0);
    QCOMPARE(QJsonDocument::fromJson(shown).object().value(QStringLiteral("status")).toString(), QStringLiteral("unsubscribed"));
    {
        QSqlQuery q(check);
        QVERIFY(q.exec(QStringLiteral("SELECT rule, outbox_id FROM inbound_messages WHERE kind = 'unsubscribe'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("address-tag+token"));
        QCOMPARE(q.value(1).toLongLong(), outboxOf(r2));
        QVERIFY(!q.next());
    }

    // A second campaign: the same ring (made once), and r2 left out.
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Summer"), QStringLiteral("--template"),
                     QStringLiteral("T"), QStringLiteral("--from"), mailbox, QStringLiteral("--json")},
                    &created),
             0);
    const QString second = QString::number(QJsonDocument::fromJson(created).object().value(QStringLiteral("id")).toInteger());
    QCOMPARE(luxctl({QStringLiteral("campaign"), QStringLiteral("send"), second, QStringLiteral("--accept-warnings")}), 0);
    QCOMPARE(int(graph.accepted().size()), 2 * kRecipients - 1);
    QCOMPARE(*await(secrets.read(Secret::TrackingKeys)), *kept);
    check.close();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    QVERIFY(await(secrets.remove(Secret::TrackingKeys)).ok());
}

QTEST_GUILESS_MAIN(TestNoTracker)
#include "tst_notracker.moc"
