// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"
#include "users/auditlog.h"

#include <QTest>

using namespace lux;

class TestAuditLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsAndPagesNewestFirst();
    void describesKnownActions();
};

void TestAuditLog::recordsAndPagesNewestFirst()
{
    test::DatabaseFixture fx(QStringLiteral("audit.sqlite"));
    QVERIFY(fx.open());
    AuditLog log(fx.db());
    for (int i = 0; i < 25; ++i)
        QVERIFY(log.record(std::nullopt, QStringLiteral("test.event"), QStringLiteral("thing"), i,
                           QStringLiteral("n=%1").arg(i), 1000 + i).ok());
    QCOMPARE(log.count(), 25);
    const QList<AuditEntry> first = log.entries(10, 0);
    QCOMPARE(first.size(), 10);
    QCOMPARE(first.first().details, QStringLiteral("n=24"));
    QCOMPARE(first.first().at, 1024);
    QVERIFY(!first.first().userId.has_value());
    const QList<AuditEntry> last = log.entries(10, 20);
    QCOMPARE(last.size(), 5);
    QCOMPARE(last.last().details, QStringLiteral("n=0"));
    QCOMPARE(last.last().entityId.value_or(-1), 0);
}

void TestAuditLog::describesKnownActions()
{
    QCOMPARE(AuditLog::describe(QStringLiteral("user.created")), QStringLiteral("User created"));
    QCOMPARE(AuditLog::describe(QStringLiteral("database.restored")), QStringLiteral("Database restored"));
    QCOMPARE(AuditLog::describe(QStringLiteral("something.new")), QStringLiteral("something.new"));
}

LUX_TEST_MAIN(TestAuditLog, QCoreApplication)
#include "tst_auditlog.moc"
