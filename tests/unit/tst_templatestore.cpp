// SPDX-License-Identifier: GPL-3.0-or-later
// Templates in a real database: names unique without case, a revision per change of content, components
// and brand kits (one default), and the renderer putting it together for a contact.
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QDir>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::content;

class TestTemplateStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void revisionsAndNames();
    void brandKitsHaveOneDefault();
    void rendererMergesContactBrandAndComponents();
    void textPartIsKeptWithEachVersion();
    void componentsAndKitsAreRemovedAndRenamed();
    void starterComponentsRenderWithAKit();

private:
    std::optional<test::DatabaseFixture> m_fx;
};

void TestTemplateStore::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("t.sqlite")).open());
}

void TestTemplateStore::revisionsAndNames()
{
    TemplateStore store(m_fx->db());
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
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("template_revisions")), 1); // the copy's own
    QCOMPARE(store.list().size(), 1);
}

void TestTemplateStore::brandKitsHaveOneDefault()
{
    TemplateStore store(m_fx->db());
    QVERIFY(store.saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St")}}, false, std::nullopt).ok());
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("1 Main St")); // the first is the default
    QVERIFY(store.saveBrandKit(QStringLiteral("Beta"), {{QStringLiteral("address"), QStringLiteral("2 Side St")}}, false, std::nullopt).ok());
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("1 Main St"));
    QVERIFY(store.saveBrandKit(QStringLiteral("beta"), {{QStringLiteral("address"), QStringLiteral("3 New St")}}, true, std::nullopt).ok());
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("3 New St"));
    QCOMPARE(store.brandFields(QStringLiteral("ACME")).value(QStringLiteral("address")), QStringLiteral("1 Main St"));
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("brand_kits")), 2);
    QCOMPARE(store.saveBrandKit(QStringLiteral("Bad"), {{QStringLiteral("address"), 12}}, false, std::nullopt).error().code,
             QStringLiteral("brand.field"));
    QCOMPARE(store.saveComponent(QStringLiteral("bad name"), QStringLiteral("x"), std::nullopt).error().code, QStringLiteral("component.name"));
}

void TestTemplateStore::rendererMergesContactBrandAndComponents()
{
    TemplateStore store(m_fx->db());
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
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO custom_fields (name, label, type, created_at) VALUES ('plan', 'Plan', 'text', 1)")));
    EmailTemplate t;
    t.name = QStringLiteral("T");
    t.subject = QStringLiteral("For {{first_name}} ({{plan}})");
    t.preheader = QStringLiteral("Hi");
    t.source = QStringLiteral("<p>{{first_name}} on {{plan}}</p>{{> footer}}");
    const TemplateRenderer renderer(m_fx->db());
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

void TestTemplateStore::textPartIsKeptWithEachVersion()
{
    TemplateStore store(m_fx->db());
    EmailTemplate t;
    t.name = QStringLiteral("Plain");
    t.source = QStringLiteral("<p>Hello {{first_name}}</p>");
    auto saved = store.save(t, std::nullopt);
    QVERIFY(saved.ok());
    QCOMPARE(saved->textPart, QString());
    saved->textPart = QStringLiteral("Hello {{first_name | default: \"friend\"}}, in plain words.");
    QVERIFY(store.save(*saved, std::nullopt).ok()); // a change of the text part alone is a new version
    const auto revisions = store.revisions(saved->id);
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(revisions.at(0).textPart, QString());
    QCOMPARE(revisions.at(1).textPart, saved->textPart);
    QCOMPARE(store.find(saved->id)->textPart, saved->textPart);
    const TemplateRenderer renderer(m_fx->db());
    QCOMPARE(renderer.render(*store.find(saved->id), nullptr).text, QStringLiteral("Hello friend, in plain words."));
    // Without one, the text comes from the HTML.
    saved->textPart.clear();
    QCOMPARE(renderer.render(*saved, nullptr).text, QStringLiteral("Hello"));
    // A mistake in the text part is found, with its place.
    saved->textPart = QStringLiteral("Line one\n{{nope}}");
    const RenderedEmail bad = renderer.render(*saved, nullptr);
    QVERIFY(!bad.findings.isEmpty());
    QCOMPARE(bad.findings.first().where, Finding::Where::TextPart);
    QCOMPARE(bad.findings.first().line, 2);
    QCOMPARE(bad.findings.first().column, 1);
}

void TestTemplateStore::componentsAndKitsAreRemovedAndRenamed()
{
    TemplateStore store(m_fx->db());
    QVERIFY(store.saveComponent(QStringLiteral("footer"), QStringLiteral("<p>f</p>"), std::nullopt).ok());
    QCOMPARE(store.removeComponent(QStringLiteral("header"), std::nullopt).error().code, QStringLiteral("component.not-found"));
    QVERIFY(store.removeComponent(QStringLiteral("FOOTER"), std::nullopt).ok());
    QVERIFY(store.components().isEmpty());

    QVERIFY(store.saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St")}}, false, std::nullopt).ok());
    QVERIFY(store.saveBrandKit(QStringLiteral("Beta"), {{QStringLiteral("address"), QStringLiteral("2 Side St")}}, false, std::nullopt).ok());
    // Renaming keeps the kit (and its being the default); a name in use is refused and nothing changes.
    QCOMPARE(store.saveBrandKit(QStringLiteral("beta"), {}, false, std::nullopt, QStringLiteral("Acme")).error().code,
             QStringLiteral("brand.duplicate"));
    QVERIFY(store.saveBrandKit(QStringLiteral("Acme Ltd"), {{QStringLiteral("address"), QStringLiteral("1 Main St")}}, false, std::nullopt,
                               QStringLiteral("Acme"))
                .ok());
    auto kits = store.brandKits();
    QCOMPARE(kits.size(), 2);
    QCOMPARE(kits.at(0).name, QStringLiteral("Acme Ltd"));
    QVERIFY(kits.at(0).isDefault);
    // Removing the default makes the next kit the default: there is always one while any exists.
    QVERIFY(store.removeBrandKit(QStringLiteral("acme ltd"), std::nullopt).ok());
    kits = store.brandKits();
    QCOMPARE(kits.size(), 1);
    QVERIFY(kits.at(0).isDefault);
    QCOMPARE(store.brandFields().value(QStringLiteral("address")), QStringLiteral("2 Side St"));
    QCOMPARE(store.removeBrandKit(QStringLiteral("Acme"), std::nullopt).error().code, QStringLiteral("brand.not-found"));
    // Each change is in the audit log.
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log ORDER BY id)")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("component.saved component.deleted brand.saved brand.saved brand.saved brand.deleted"));
}

void TestTemplateStore::starterComponentsRenderWithAKit()
{
    // The starter components, as the Components dialog installs them, compile and use the kit.
    TemplateStore store(m_fx->db());
    QStringList includes;
    const QDir dir(QStringLiteral(LUX_SOURCE_DIR "/resources/components"));
    const QStringList files = dir.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 7);
    for (const QString &file : files) {
        QVERIFY(store.saveComponent(file.chopped(5), QString::fromUtf8(test::readAll(dir.filePath(file))), std::nullopt).ok());
        includes << QStringLiteral("{{> %1}}").arg(file.chopped(5));
    }
    QVERIFY(store.saveBrandKit(QStringLiteral("Acme"),
                               {{QStringLiteral("name"), QStringLiteral("Acme")},
                                {QStringLiteral("address"), QStringLiteral("1 Main St, Springfield")},
                                {QStringLiteral("primary_color"), QStringLiteral("#be123c")},
                                {QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.example/acme")}},
                               true, std::nullopt)
                .ok());
    EmailTemplate t;
    t.name = QStringLiteral("All");
    t.subject = QStringLiteral("Everything");
    t.preheader = QStringLiteral("All the parts");
    t.source = QStringLiteral("<html><body>") + includes.join(u'\n') + QStringLiteral("</body></html>");
    const TemplateRenderer renderer(m_fx->db());
    const RenderedEmail r = renderer.render(t, nullptr, {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://t.example/u/1")}});
    for (const Finding &f : r.findings)
        QVERIFY2(f.severity != Finding::Severity::Error, qPrintable(f.message));
    QVERIFY(r.html.contains(QStringLiteral("#be123c")));
    QVERIFY(r.html.contains(QStringLiteral("1 Main St, Springfield")));
    QVERIFY(r.html.contains(QStringLiteral("https://linkedin.example/acme")));
    QVERIFY(!r.html.contains(QStringLiteral("Instagram"))); // no link in the kit, no icon
    QVERIFY(r.html.contains(QStringLiteral("https://t.example/u/1")));
}

LUX_TEST_MAIN(TestTemplateStore, QCoreApplication)
#include "tst_templatestore.moc"
