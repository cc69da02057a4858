// SPDX-License-Identifier: GPL-3.0-or-later
// Templates in a real database: names unique without case, a revision per change of content, components
// and brand kits (one default), and the renderer putting it together for a contact.
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::content;

class TestTemplateStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void revisionsAndNames();
    void brandKitsHaveOneDefault();
    void rendererMergesContactBrandAndComponents();

private:
    std::unique_ptr<test::TestEnvironment> m_env;
    std::unique_ptr<Database> m_db;
};

void TestTemplateStore::init()
{
    m_env = std::make_unique<test::TestEnvironment>();
    auto db = Database::open(m_env->path(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
}

void TestTemplateStore::cleanup()
{
    m_db.reset();
    m_env.reset();
}

void TestTemplateStore::revisionsAndNames()
{
    TemplateStore store(m_db->connection());
    EmailTemplate t;
    t.name = QStringLiteral("Welcome");
    t.source = QStringLiteral("<p>v1</p>");
    auto saved = store.save(t, std::nullopt);
    QVERIFY(saved.ok());
    saved->source = QStringLiteral("<p>v2</p>");
    QVERIFY(store.save(*saved, std::nullopt).ok());
    saved->tags = {QStringLiteral("onboarding")}; // not content: no new revision
    QVERIFY(store.save(*saved, std::nullopt).ok());
    const auto revisions = store.revisions(saved->id);
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(revisions.at(0).source, QStringLiteral("<p>v1</p>"));
    QCOMPARE(revisions.at(1).source, QStringLiteral("<p>v2</p>"));
    QCOMPARE(store.find(QStringLiteral("WELCOME"))->tags, QStringList{QStringLiteral("onboarding")});

    EmailTemplate other;
    other.name = QStringLiteral("welcome");
    other.source = QStringLiteral("x");
    QCOMPARE(store.save(other, std::nullopt).error().code, QStringLiteral("template.duplicate"));
    other.name = QStringLiteral("Other");
    other.format = QStringLiteral("pdf");
    QCOMPARE(store.save(other, std::nullopt).error().code, QStringLiteral("template.format"));
    const auto copy = store.duplicate(QStringLiteral("Welcome"), QStringLiteral("Welcome (copy)"), std::nullopt);
    QVERIFY(copy.ok());
    QCOMPARE(copy->source, QStringLiteral("<p>v2</p>"));
    QVERIFY(store.remove(QStringLiteral("Welcome"), std::nullopt).ok());
    QCOMPARE(test::countRows(m_db->path(), QStringLiteral("template_revisions")), 1); // the copy's own
    QCOMPARE(store.list().size(), 1);
}

void TestTemplateStore::brandKitsHaveOneDefault()
{
    TemplateStore store(m_db->connection());
    QVERIFY(store.saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St")}}, false, std::nullopt).ok());
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("1 Main St")); // the first is the default
    QVERIFY(store.saveBrandKit(QStringLiteral("Beta"), {{QStringLiteral("address"), QStringLiteral("2 Side St")}}, false, std::nullopt).ok());
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("1 Main St"));
    QVERIFY(store.saveBrandKit(QStringLiteral("beta"), {{QStringLiteral("address"), QStringLiteral("3 New St")}}, true, std::nullopt).ok());
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("3 New St"));
    QCOMPARE(store.brandFields(QStringLiteral("ACME")).value(QStringLiteral("address")), QStringLiteral("1 Main St"));
    QCOMPARE(test::countRows(m_db->path(), QStringLiteral("brand_kits")), 2);
    QCOMPARE(store.saveBrandKit(QStringLiteral("Bad"), {{QStringLiteral("address"), 12}}, false, std::nullopt).error().code,
             QStringLiteral("brand.field"));
    QCOMPARE(store.saveComponent(QStringLiteral("bad name"), QStringLiteral("x"), std::nullopt).error().code, QStringLiteral("component.name"));
}

void TestTemplateStore::rendererMergesContactBrandAndComponents()
{
    TemplateStore store(m_db->connection());
    QVERIFY(store.saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St")},
                                                        {QStringLiteral("tagline"), QStringLiteral("Made well")}},
                               true, std::nullopt).ok());
    QVERIFY(store.saveComponent(QStringLiteral("footer"), QStringLiteral("<p>{{brand.address}} · {{brand.tagline}} · "
                                                                         "<a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"),
                                std::nullopt).ok());
    contacts::Contact c;
    c.email = QStringLiteral("ana@example.com");
    c.firstName = QStringLiteral("Ana");
    c.custom = QJsonObject{{QStringLiteral("plan"), QStringLiteral("Gold")}};
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO custom_fields (name, label, type, created_at) VALUES ('plan', 'Plan', 'text', 1)")));
    EmailTemplate t;
    t.name = QStringLiteral("T");
    t.subject = QStringLiteral("For {{first_name}} ({{plan}})");
    t.preheader = QStringLiteral("Hi");
    t.source = QStringLiteral("<p>{{first_name}} on {{plan}}</p>{{> footer}}");
    const TemplateRenderer renderer(m_db->connection());
    const RenderedEmail r = renderer.render(t, &c, {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://t.example/u/1")}});
    QCOMPARE(r.subject, QStringLiteral("For Ana (Gold)"));
    QCOMPARE(r.html, QStringLiteral("<p>Ana on Gold</p><p>1 Main St · Made well · <a href=\"https://t.example/u/1\">Unsubscribe</a></p>"));
    QCOMPARE(r.text, QStringLiteral("Ana on Gold\n\n1 Main St · Made well · Unsubscribe [1]\n\n[1] https://t.example/u/1"));
    QVERIFY(r.findings.isEmpty());
    t.subject = QStringLiteral("For {{frist}}");
    const RenderedEmail bad = renderer.render(t, &c);
    QCOMPARE(bad.findings.first().where, Finding::Where::Subject);
    QCOMPARE(bad.findings.first().column, 5);
}

LUX_TEST_MAIN(TestTemplateStore, QCoreApplication)
#include "tst_templatestore.moc"
