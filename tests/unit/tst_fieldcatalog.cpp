// SPDX-License-Identifier: GPL-3.0-or-later
// FieldCatalog: the tags and custom fields a database defines, as the contact editor, the segment
// builder, the contact filters and the campaign wizard list them.
#include "contacts/contactrepository.h"
#include "contacts/fieldcatalog.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::contacts;

class TestFieldCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void emptyDatabase();
    void tagsWithoutRegardToCase();
    void customFieldsInDefinitionOrderWithChoices();
    void closedConnectionIsAnError();

private:
    std::unique_ptr<test::TestEnvironment> m_env;
    std::unique_ptr<Database> m_db;
};

void TestFieldCatalog::init()
{
    m_env = std::make_unique<test::TestEnvironment>();
    auto db = Database::open(m_env->path(QStringLiteral("f.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
}

void TestFieldCatalog::cleanup()
{
    m_db.reset();
    m_env.reset();
}

void TestFieldCatalog::emptyDatabase()
{
    const FieldCatalog catalog(m_db->connection());
    QVERIFY(catalog.tags().ok());
    QCOMPARE(*catalog.tags(), QStringList());
    QVERIFY(catalog.customFields().ok());
    QVERIFY(catalog.customFields()->isEmpty());
}

void TestFieldCatalog::tagsWithoutRegardToCase()
{
    // Tags come into being with the contacts that carry them.
    Contact a;
    a.email = QStringLiteral("ana@example.com");
    a.tags = {QStringLiteral("vip"), QStringLiteral("Newsletter")};
    Contact b;
    b.email = QStringLiteral("ben@example.com");
    b.tags = {QStringLiteral("Autumn fair"), QStringLiteral("VIP")}; // the same tag as "vip"
    QVERIFY(ContactRepository(m_db->connection()).add(a, QStringLiteral("US"), std::nullopt).ok());
    QVERIFY(ContactRepository(m_db->connection()).add(b, QStringLiteral("US"), std::nullopt).ok());

    const auto tags = FieldCatalog(m_db->connection()).tags();
    QVERIFY(tags.ok());
    QCOMPARE(*tags, (QStringList{QStringLiteral("Autumn fair"), QStringLiteral("Newsletter"), QStringLiteral("vip")}));
}

void TestFieldCatalog::customFieldsInDefinitionOrderWithChoices()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO custom_fields (name, label, type, choices, created_at) VALUES "
                                  "('plan', 'Plan', 'choice', '[\"Free\",\"Pro\",\"Team\"]', 1), "
                                  "('birthday', 'Birthday', 'date', NULL, 2), "
                                  "('active', 'Active', 'bool', NULL, 3)")));

    const auto fields = FieldCatalog(m_db->connection()).customFields();
    QVERIFY(fields.ok());
    QCOMPARE(fields->size(), 3);
    QCOMPARE(fields->at(0).name, QStringLiteral("plan"));
    QCOMPARE(fields->at(0).label, QStringLiteral("Plan"));
    QCOMPARE(fields->at(0).type, QStringLiteral("choice"));
    QCOMPARE(fields->at(0).choices, (QStringList{QStringLiteral("Free"), QStringLiteral("Pro"), QStringLiteral("Team")}));
    QCOMPARE(fields->at(1).name, QStringLiteral("birthday"));
    QCOMPARE(fields->at(1).type, QStringLiteral("date"));
    QVERIFY(fields->at(1).choices.isEmpty());
    QCOMPARE(fields->at(2).name, QStringLiteral("active"));
    QCOMPARE(fields->at(2).label, QStringLiteral("Active"));
}

void TestFieldCatalog::closedConnectionIsAnError()
{
    const FieldCatalog catalog{QSqlDatabase()}; // no connection: the read fails and says so
    QVERIFY(!catalog.tags().ok());
    QCOMPARE(catalog.tags().error().code, QStringLiteral("db.read"));
    QVERIFY(!catalog.customFields().ok());
}

LUX_TEST_MAIN(TestFieldCatalog, QCoreApplication)
#include "tst_fieldcatalog.moc"
