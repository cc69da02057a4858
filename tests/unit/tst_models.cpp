// SPDX-License-Identifier: GPL-3.0-or-later
#include "activity/auditlogmodel.h"
#include "campaigns/campaignsmodel.h"
#include "campaigns/outbox.h"
#include "contacts/contactimporter.h"
#include "contacts/contactsmodel.h"
#include "contacts/suppression.h"
#include "contacts/suppressiondialog.h"
#include "databasefixture.h"
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
    void suppressionModelPagesPerChannelAndSearch();
    void campaignsModelCountsEachState();
    void outboxModelShowsEachRecipient();

private:
    // Three campaigns: "Spring" sent to 5 of 6 (one failed), "Summer" with 2 sent, 1 in doubt and 3
    // waiting, "Autumn" a draft with no audience yet. Returns their ids in that order.
    static QList<qint64> seedCampaigns(test::DatabaseFixture &fx);
};

void TestModels::auditLogModelPagesThroughEverything()
{
    test::DatabaseFixture fx(QStringLiteral("m.sqlite"));
    QVERIFY(fx.open());
    AuditLog log(fx.db());
    QVERIFY(fx.db().transaction());
    for (int i = 0; i < 450; ++i)
        QVERIFY(log.record(std::nullopt, QStringLiteral("user.signed_in"), {}, i, QString::number(i)).ok());
    QVERIFY(fx.db().commit());

    ui::AuditLogModel model;
    model.setDatabase(fx.db());
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
    test::DatabaseFixture fx(QStringLiteral("u.sqlite"));
    QVERIFY(fx.open());
    const auto createdAdmin = fx.addAdmin();
    QVERIFY(createdAdmin);
    const User admin = *createdAdmin;
    UserService users(fx.db());
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
    test::DatabaseFixture fx(QStringLiteral("c.sqlite"));
    QVERIFY(fx.open());
    QByteArray csv("email,first name,company\n");
    for (int i = 0; i < 450; ++i)
        csv += "person" + QByteArray::number(i) + "@example.com,Person,Company " + (i % 3 == 0 ? "Alpha" : "Beta") + "\n";
    QFile f(fx.filePath(QStringLiteral("c.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
    f.close();
    QVERIFY(contacts::ContactImporter::run(fx.path(), f.fileName(), {}).ok());

    ui::ContactsModel model;
    model.setDatabase(fx.db());
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

void TestModels::suppressionModelPagesPerChannelAndSearch()
{
    test::DatabaseFixture fx(QStringLiteral("s.sqlite"));
    QVERIFY(fx.open());
    contacts::SuppressionList list(fx.db());
    // Each add() is its own transaction: just over one page keeps it quick.
    for (int i = 0; i < 250; ++i)
        QVERIFY(list.add(contacts::SuppressionList::Channel::Email, QStringLiteral("blocked%1@example.com").arg(i, 3, 10, QLatin1Char('0')),
                         i % 2 ? QStringLiteral("unsubscribe") : QStringLiteral("manual"), std::nullopt));
    for (const char *phone : {"+14155550100", "+14155550101", "+14155550102"})
        QVERIFY(list.add(contacts::SuppressionList::Channel::Sms, QString::fromLatin1(phone), QStringLiteral("complaint"), std::nullopt));

    ui::SuppressionModel model;
    model.setSource(fx.db(), contacts::SuppressionList::Channel::Email, {});
    QCOMPARE(model.rowCount(), ui::SuppressionModel::kPageSize);
    QCOMPARE(model.columnCount(), int(ui::SuppressionModel::ColumnCount));
    // Newest first.
    QCOMPARE(model.index(0, ui::SuppressionModel::Address).data().toString(), QStringLiteral("blocked249@example.com"));
    QCOMPARE(model.index(0, ui::SuppressionModel::Reason).data().toString(), QStringLiteral("Unsubscribed"));
    QCOMPARE(model.index(1, ui::SuppressionModel::Reason).data().toString(), QStringLiteral("Added by hand"));
    QVERIFY(!model.index(0, ui::SuppressionModel::Added).data().toString().isEmpty());
    QCOMPARE(model.headerData(ui::SuppressionModel::Address, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Address"));
    // As for the other paged models, the tester joins after the first-page check: it fetches more
    // as it checks (and would do so inside a reset that leaves more to fetch).
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(model.index(249, ui::SuppressionModel::Address).data().toString(), QStringLiteral("blocked000@example.com"));

    // Part of an address, anywhere in it (the numbers are padded to three digits).
    model.setSource(fx.db(), contacts::SuppressionList::Channel::Email, QStringLiteral("12"));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList found;
    for (int r = 0; r < model.rowCount(); ++r)
        found << model.index(r, ui::SuppressionModel::Address).data().toString();
    QCOMPARE(found.size(), 13); // 012, 112, 120–129, 212
    QVERIFY(found.contains(QStringLiteral("blocked012@example.com")));
    QVERIFY(found.contains(QStringLiteral("blocked212@example.com")));

    model.setSource(fx.db(), contacts::SuppressionList::Channel::Sms, {});
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(0, ui::SuppressionModel::Address).data().toString(), QStringLiteral("+14155550102"));
    QCOMPARE(model.index(2, ui::SuppressionModel::Reason).data().toString(), QStringLiteral("Spam complaint"));

    model.setSource(fx.db(), contacts::SuppressionList::Channel::Email, QStringLiteral("nobody"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QList<qint64> TestModels::seedCampaigns(test::DatabaseFixture &fx)
{
    QList<qint64> contacts;
    for (int i = 0; i < 6; ++i) {
        const auto id = fx.addContact(QStringLiteral("reader%1@example.com").arg(i));
        if (!id)
            return {};
        contacts << *id;
    }
    const auto spring = fx.addCampaign(QStringLiteral("Spring"), QStringLiteral("sent"), 1'790'000'000'000);
    const auto summer = fx.addCampaign(QStringLiteral("Summer"), QStringLiteral("sending"), 1'790'000'000'000);
    const auto autumn = fx.addCampaign(QStringLiteral("Autumn"), QStringLiteral("draft"), 1'790'000'000'000);
    if (!spring || !summer || !autumn)
        return {};
    const auto add = [&](qint64 campaign, int contact, const char *state) {
        return bool(fx.addOutboxRow(campaign, contacts.at(contact), QString::fromLatin1(state),
                                    QStringLiteral("<%1.%2@acme.example>").arg(campaign).arg(contact), 1'790'000'000'000));
    };
    for (int i = 0; i < 6; ++i)
        if (!add(*spring, i, i == 5 ? "failed" : "sent"))
            return {};
    const char *summerStates[] = {"sent", "sent", "unknown", "pending", "pending", "pending"};
    for (int i = 0; i < 6; ++i)
        if (!add(*summer, i, summerStates[i]))
            return {};
    return {*spring, *summer, *autumn};
}

void TestModels::campaignsModelCountsEachState()
{
    test::DatabaseFixture fx(QStringLiteral("c.sqlite"));
    QVERIFY(fx.open());
    const QList<qint64> ids = seedCampaigns(fx);
    QCOMPARE(ids.size(), 3);
    QSqlDatabase db = fx.db();

    ui::CampaignsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(ui::loadCampaignRows(db));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ui::CampaignsModel::ColumnCount));
    const auto cell = [&](qint64 id, int column, int role = Qt::DisplayRole) { return model.index(model.rowOf(id), column).data(role); };
    QCOMPARE(model.rowOf(ids.at(2)), 0); // newest first
    QCOMPARE(cell(ids.at(0), ui::CampaignsModel::Name).toString(), QStringLiteral("Spring"));
    QCOMPARE(cell(ids.at(0), ui::CampaignsModel::Status).toString(), QStringLiteral("sent"));
    QCOMPARE(cell(ids.at(0), ui::CampaignsModel::Sent).toString(), QStringLiteral("5"));
    QCOMPARE(cell(ids.at(0), ui::CampaignsModel::Failed).toString(), QStringLiteral("1"));
    QCOMPARE(cell(ids.at(0), ui::CampaignsModel::Recipients).toString(), QStringLiteral("6"));
    QCOMPARE(cell(ids.at(0), 0, ui::CampaignsModel::ProgressRole).toInt(), 1000);
    QCOMPARE(cell(ids.at(0), 0, ui::CampaignsModel::IdRole).toLongLong(), ids.at(0));
    // In doubt counts with the failed and flags the campaign.
    QCOMPARE(cell(ids.at(1), ui::CampaignsModel::Failed).toString(), QStringLiteral("1"));
    QCOMPARE(cell(ids.at(1), ui::CampaignsModel::Failed, Qt::ToolTipRole).toString(),
             QStringLiteral("1 recipient(s) in doubt: open the campaign to decide."));
    QCOMPARE(cell(ids.at(1), ui::CampaignsModel::Progress, Qt::ToolTipRole).toString(), QStringLiteral("2 of 6 settled"));
    QCOMPARE(cell(ids.at(1), 0, ui::CampaignsModel::ProgressRole).toInt(), 333);
    QVERIFY(!cell(ids.at(1), ui::CampaignsModel::Name, Qt::DecorationRole).isNull());
    // No audience yet: no figures, no progress.
    QCOMPARE(cell(ids.at(2), ui::CampaignsModel::Recipients).toString(), QString());
    QCOMPARE(cell(ids.at(2), 0, ui::CampaignsModel::ProgressRole).toInt(), -1);

    // The sender's figures between two loads change one row in place.
    campaigns::Dispatcher::Progress progress;
    progress.campaignId = ids.at(1);
    progress.sent = 4;
    progress.unknown = 1;
    progress.remaining = 1;
    progress.ratePerMinute = 30;
    model.applyProgress(progress);
    QCOMPARE(cell(ids.at(1), ui::CampaignsModel::Sent).toString(), QStringLiteral("4"));
    QCOMPARE(cell(ids.at(1), 0, ui::CampaignsModel::ProgressRole).toInt(), 666);
    QCOMPARE(model.row(ids.at(1))->ratePerMinute, 30.0);
    // A reload keeps the rate of a campaign still sending.
    model.setRows(ui::loadCampaignRows(db));
    QCOMPARE(model.row(ids.at(1))->ratePerMinute, 30.0);
    QCOMPARE(cell(ids.at(1), ui::CampaignsModel::Sent).toString(), QStringLiteral("2"));
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::outboxModelShowsEachRecipient()
{
    test::DatabaseFixture fx(QStringLiteral("o.sqlite"));
    QVERIFY(fx.open());
    const QList<qint64> ids = seedCampaigns(fx);
    QCOMPARE(ids.size(), 3);
    const auto rows = campaigns::Outbox(fx.db()).rows(ids.at(1));
    QVERIFY(rows);
    QCOMPARE(rows->size(), 6);

    ui::OutboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(*rows);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(ui::OutboxModel::ColumnCount));
    QMap<QString, QString> stateOf;
    for (int r = 0; r < model.rowCount(); ++r)
        stateOf.insert(model.index(r, ui::OutboxModel::Email).data().toString(), model.index(r, ui::OutboxModel::State).data().toString());
    QCOMPARE(stateOf.value(QStringLiteral("reader0@example.com")), QStringLiteral("sent"));
    QCOMPARE(stateOf.value(QStringLiteral("reader2@example.com")), QStringLiteral("in doubt"));
    QCOMPARE(stateOf.value(QStringLiteral("reader5@example.com")), QStringLiteral("waiting"));
    QCOMPARE(model.index(0, ui::OutboxModel::Attempts).data().toInt(), 0);
    QCOMPARE(model.headerData(ui::OutboxModel::State, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty(), false);
    QCOMPARE(model.at(0).campaignId, ids.at(1));

    const auto spring = campaigns::Outbox(fx.db()).rows(ids.at(0), campaigns::OutboxState::Failed);
    QVERIFY(spring);
    model.setRows(*spring);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ui::OutboxModel::Email).data().toString(), QStringLiteral("reader5@example.com"));
    QCOMPARE(model.index(0, ui::OutboxModel::State).data().toString(), QStringLiteral("failed"));
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

LUX_TEST_MAIN(TestModels, QApplication)
#include "tst_models.moc"
