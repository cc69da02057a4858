// SPDX-License-Identifier: GPL-3.0-or-later
// Overview: the dashboard's contact totals and the count of campaigns still to run.
#include "analytics/overview.h"
#include "contacts/contactrepository.h"
#include "contacts/suppression.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace lux;

class TestOverview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void contactTotals();
    void activeCampaignsAreScheduledOrSending();
    void closedConnectionIsAnError();

private:
    std::unique_ptr<test::TestEnvironment> m_env;
    std::unique_ptr<Database> m_db;
};

void TestOverview::init()
{
    m_env = std::make_unique<test::TestEnvironment>();
    auto db = Database::open(m_env->path(QStringLiteral("o.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
}

void TestOverview::cleanup()
{
    m_db.reset();
    m_env.reset();
}

void TestOverview::contactTotals()
{
    auto totals = analytics::Overview(m_db->connection()).contactTotals();
    QVERIFY(totals.ok());
    QCOMPARE(totals->contacts, qint64(0));
    QCOMPARE(totals->subscribed, qint64(0));
    QCOMPARE(totals->suppressed, qint64(0));

    for (const char *email : {"ana@example.com", "ben@example.com", "cy@example.com"}) {
        contacts::Contact c;
        c.email = QString::fromLatin1(email);
        QVERIFY(contacts::ContactRepository(m_db->connection()).add(c, QStringLiteral("US"), std::nullopt).ok());
    }
    // Suppressing a contact unsubscribes it; an address that is no contact is suppressed too.
    contacts::SuppressionList list(m_db->connection());
    using Channel = contacts::SuppressionList::Channel;
    QVERIFY(list.add(Channel::Email, QStringLiteral("ben@example.com"), QStringLiteral("complaint"), std::nullopt).ok());
    QVERIFY(list.add(Channel::Email, QStringLiteral("stranger@example.com"), QStringLiteral("bounce"), std::nullopt).ok());

    totals = analytics::Overview(m_db->connection()).contactTotals();
    QVERIFY(totals.ok());
    QCOMPARE(totals->contacts, qint64(3));
    QCOMPARE(totals->subscribed, qint64(2));
    QCOMPARE(totals->suppressed, qint64(2));
}

void TestOverview::activeCampaignsAreScheduledOrSending()
{
    QCOMPARE(*analytics::Overview(m_db->connection()).activeCampaigns(), 0);
    QSqlQuery q(m_db->connection());
    int n = 0;
    for (const char *status : {"draft", "scheduled", "sending", "sending", "paused", "sent", "failed", "cancelled"})
        QVERIFY(q.exec(QStringLiteral("INSERT INTO campaigns (name, from_email, status, created_at, updated_at) "
                                      "VALUES ('c%1', 'news@example.com', '%2', 1, 1)")
                           .arg(++n)
                           .arg(QLatin1String(status))));
    QCOMPARE(*analytics::Overview(m_db->connection()).activeCampaigns(), 3);
}

void TestOverview::closedConnectionIsAnError()
{
    const analytics::Overview overview{QSqlDatabase()};
    QCOMPARE(overview.contactTotals().error().code, QStringLiteral("db.query"));
    QCOMPARE(overview.activeCampaigns().error().code, QStringLiteral("db.query"));
}

LUX_TEST_MAIN(TestOverview, QCoreApplication)
#include "tst_overview.moc"
