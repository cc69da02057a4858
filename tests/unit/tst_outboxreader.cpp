// SPDX-License-Identifier: GPL-3.0-or-later
// OutboxReader: a contact's email activity (what they were sent, opened, clicked; machine hits
// flagged) and the recipients' CSV export of a campaign.
#include "analytics/outboxreader.h"
#include "contacts/contactrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace lux;

class TestOutboxReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void activityNewestFirstWithMachineHits();
    void activityIsLimited();
    void exportWritesEveryRecipient();
    void cancelledExportLeavesTheOldFile();
    void unwritableExportSaysWhere();

private:
    void exec(const QString &sql);

    std::unique_ptr<test::TestEnvironment> m_env;
    std::unique_ptr<Database> m_db;
    qint64 m_ana = 0;
    qint64 m_ben = 0;
};

void TestOutboxReader::exec(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(sql), qPrintable(sql));
}

void TestOutboxReader::init()
{
    m_env = std::make_unique<test::TestEnvironment>();
    auto db = Database::open(m_env->path(QStringLiteral("r.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    for (const char *email : {"ana@example.com", "ben@example.com"}) {
        contacts::Contact c;
        c.email = QString::fromLatin1(email);
        const auto added = contacts::ContactRepository(m_db->connection()).add(c, QStringLiteral("US"), std::nullopt);
        QVERIFY(added.ok());
        (m_ana ? m_ben : m_ana) = added->id;
    }
    exec(QStringLiteral("INSERT INTO campaigns (id, name, from_email, status, created_at, updated_at) VALUES "
                        "(1, 'Spring launch', 'news@example.com', 'sent', 1, 1), (2, 'Summer sale', 'news@example.com', 'sent', 1, 1)"));
    exec(QStringLiteral("INSERT INTO campaign_links (campaign_id, link_id, url) VALUES (1, 1, 'https://shop.example/sale')"));
    // Ana got both campaigns; Ben's send failed with a reason a spreadsheet would run as a formula.
    exec(QStringLiteral("INSERT INTO outbox (id, campaign_id, contact_id, address, address_key, state, attempts, message_id, sender, "
                        "error_code, error, updated_at) VALUES "
                        "(1, 1, %1, 'ana@example.com', 'ana@example.com', 'sent', 1, '<1@lux>', 'news@example.com', '', '', 1000), "
                        "(2, 1, %2, 'ben@example.com', 'ben@example.com', 'failed', 3, '<2@lux>', 'news@example.com', "
                        "'mailbox.full', '=HYPERLINK(\"x\")', 1500), "
                        "(3, 2, %1, 'ana@example.com', 'ana@example.com', 'sent', 1, '<3@lux>', 'news@example.com', '', '', 5000)")
             .arg(m_ana)
             .arg(m_ben));
    exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, link_id, at, machine, reason) VALUES "
                        "(1, 'open', 1, 1, %1, 0, 2000, 0, ''), "
                        "(2, 'click', 1, 1, %1, 1, 3000, 1, 'burst'), "
                        "(3, 'unsubscribe', 2, 3, %1, 0, 6000, 0, '')")
             .arg(m_ana));
}

void TestOutboxReader::cleanup()
{
    m_db.reset();
    m_env.reset();
}

void TestOutboxReader::activityNewestFirstWithMachineHits()
{
    const auto activity = analytics::OutboxReader(m_db->connection()).contactActivity(m_ana);
    QVERIFY(activity.ok());
    QCOMPARE(activity->size(), 5);
    QStringList kinds;
    for (const analytics::ActivityEntry &e : *activity)
        kinds << e.kind + QLatin1Char(':') + e.campaign;
    QCOMPARE(kinds, (QStringList{QStringLiteral("unsubscribe:Summer sale"), QStringLiteral("sent:Summer sale"),
                                 QStringLiteral("click:Spring launch"), QStringLiteral("open:Spring launch"),
                                 QStringLiteral("sent:Spring launch")}));
    const analytics::ActivityEntry &click = activity->at(2);
    QCOMPARE(click.at, qint64(3000));
    QCOMPARE(click.url, QStringLiteral("https://shop.example/sale"));
    QVERIFY(click.machine);
    QCOMPARE(click.reason, QStringLiteral("burst"));
    QVERIFY(!activity->at(3).machine);
    QVERIFY(activity->at(3).url.isEmpty());

    // Ben's send failed: nothing was received.
    QVERIFY(analytics::OutboxReader(m_db->connection()).contactActivity(m_ben)->isEmpty());
}

void TestOutboxReader::activityIsLimited()
{
    const auto two = analytics::OutboxReader(m_db->connection()).contactActivity(m_ana, 2);
    QVERIFY(two.ok());
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(0).kind, QStringLiteral("unsubscribe"));
    QCOMPARE(two->at(1).kind, QStringLiteral("sent"));
}

void TestOutboxReader::exportWritesEveryRecipient()
{
    const QString path = m_env->path(QStringLiteral("recipients.csv"));
    const auto written = analytics::OutboxReader(m_db->connection()).exportCsv(1, path);
    QVERIFY(written.ok());
    QCOMPARE(*written, qint64(2));
    QCOMPARE(test::readAll(path),
             QByteArray("email,state,attempts,sent_from,reason_code,reason,message_id,updated_at\r\n"
                        "ana@example.com,sent,1,news@example.com,,,<1@lux>,1970-01-01T00:00:01+00:00\r\n"
                        "ben@example.com,failed,3,news@example.com,mailbox.full,\"'=HYPERLINK(\"\"x\"\")\",<2@lux>,"
                        "1970-01-01T00:00:01+00:00\r\n"));
}

void TestOutboxReader::cancelledExportLeavesTheOldFile()
{
    const QString path = m_env->path(QStringLiteral("recipients.csv"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an earlier export\n");
    }
    const std::atomic_bool cancel{true};
    const auto written = analytics::OutboxReader(m_db->connection()).exportCsv(1, path, {}, &cancel);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, QStringLiteral("cancelled"));
    QCOMPARE(test::readAll(path), QByteArray("an earlier export\n"));
}

void TestOutboxReader::unwritableExportSaysWhere()
{
    const QString path = m_env->path(QStringLiteral("no-such-folder/recipients.csv"));
    const auto written = analytics::OutboxReader(m_db->connection()).exportCsv(1, path);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, QStringLiteral("io.write")); // saveToFile names the file and the cause
    QVERIFY2(written.error().message.contains(QStringLiteral("recipients.csv")), qPrintable(written.error().message));
}

LUX_TEST_MAIN(TestOutboxReader, QCoreApplication)
#include "tst_outboxreader.moc"
