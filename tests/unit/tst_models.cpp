// SPDX-License-Identifier: GPL-3.0-or-later
#include "activity/auditlogmodel.h"
#include "contacts/contactimporter.h"
#include "contacts/contactsmodel.h"
#include "settings/usersmodel.h"
#include "storage/database.h"
#include "testsupport.h"
#include "users/auditlog.h"
#include "users/userservice.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QTest>

using namespace lux;

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void auditLogModelPagesThroughEverything();
    void usersModelShowsAccounts();
    void contactsModelPagesAndFilters();
};

void TestModels::auditLogModelPagesThroughEverything()
{
    test::TestEnvironment env;
    auto db = Database::open(env.path(QStringLiteral("m.sqlite")));
    QVERIFY(db.ok());
    AuditLog log((*db)->connection());
    QVERIFY((*db)->connection().transaction());
    for (int i = 0; i < 450; ++i)
        QVERIFY(log.record(std::nullopt, QStringLiteral("user.signed_in"), {}, i, QString::number(i)).ok());
    QVERIFY((*db)->connection().commit());

    ui::AuditLogModel model;
    model.setDatabase((*db)->connection());
    QCOMPARE(model.rowCount(), ui::AuditLogModel::kPageSize); // one page, not everything
    // The tester itself fetches more as it checks, so it joins after the first-page check.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0, ui::AuditLogModel::Details).data().toString(), QStringLiteral("449"));
    QCOMPARE(model.index(0, ui::AuditLogModel::Action).data().toString(), QStringLiteral("Signed in"));
    QCOMPARE(model.index(0, ui::AuditLogModel::Who).data().toString(), QStringLiteral("System"));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(model.index(449, ui::AuditLogModel::Details).data().toString(), QStringLiteral("0"));
}

void TestModels::usersModelShowsAccounts()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("u.sqlite"));
    const User admin = test::createDatabaseWithAdmin(path);
    auto db = Database::open(path);
    UserService users((*db)->connection());
    const auto member = users.createUser(admin, QStringLiteral("Max"), QStringLiteral("max@example.com"),
                                         QStringLiteral("long enough password"), User::Role::Member);
    QVERIFY(users.setDisabled(admin, member->id, true).ok());

    ui::UsersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers(users.users());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ui::UsersModel::Name).data().toString(), QStringLiteral("Ada Admin"));
    QCOMPARE(model.index(0, ui::UsersModel::Role).data().toString(), QStringLiteral("Administrator"));
    QCOMPARE(model.index(1, ui::UsersModel::Status).data().toString(), QStringLiteral("Disabled"));
    QCOMPARE(model.index(1, ui::UsersModel::LastSignIn).data().toString(), QStringLiteral("Never"));
}

void TestModels::contactsModelPagesAndFilters()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("c.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QByteArray csv("email,first name,company\n");
    for (int i = 0; i < 450; ++i)
        csv += "person" + QByteArray::number(i) + "@example.com,Person,Company " + (i % 3 == 0 ? "Alpha" : "Beta") + "\n";
    QFile f(env.path(QStringLiteral("c.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
    f.close();
    QVERIFY(contacts::ContactImporter::run(path, f.fileName(), {}).ok());

    ui::ContactsModel model;
    model.setDatabase((*db)->connection());
    QCOMPARE(model.rowCount(), ui::ContactsModel::kPageSize); // a page, not everything
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(model.index(0, ui::ContactsModel::Email).data().toString(), QStringLiteral("person0@example.com"));
    QCOMPARE(model.index(0, ui::ContactsModel::Status).data().toString(), QStringLiteral("Subscribed"));
    contacts::ContactFilter filter;
    filter.search = QStringLiteral("alph");
    model.setFilter(filter);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 150);
}

LUX_TEST_MAIN(TestModels, QApplication)
#include "tst_models.moc"
