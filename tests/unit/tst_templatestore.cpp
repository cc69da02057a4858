// SPDX-License-Identifier: GPL-3.0-or-later
// Templates in a real database: names unique without case, a revision per change of content, components
// and brand kits (one default), and the renderer putting it together for a contact.
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include "common/errorcodes.h"

#include <QElapsedTimer>
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
    // Hostile input (issue 13).
    void saveRefusesTemplatesOverTheLimits_data();
    void saveRefusesTemplatesOverTheLimits();
    void componentsOverTheLimitsAreRefused();
    void aTemplateSavedBeforeTheLimitsIsRefusedUnparsed();
    void componentsCannotMakeTheMessageTooDeep();
    void theMessageGoesWithoutUnsafeMarkup();

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

namespace {
int templateRows(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT (SELECT count(*) FROM templates) + (SELECT count(*) FROM template_revisions)")) && q.next()
               ? q.value(0).toInt()
               : -1;
}
} // namespace

void TestTemplateStore::saveRefusesTemplatesOverTheLimits_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    QTest::newRow("tables 10000 deep") << QStringLiteral("html") << QString(QStringLiteral("<p>x</p>\n") + QStringLiteral("<table><tr><td>").repeated(10'000))
                                       << QString(errc::htmlTooDeep) << QStringLiteral("line 2, column");
    QTest::newRow("divs 513 deep") << QStringLiteral("html") << QStringLiteral("<div>").repeated(513) << QString(errc::htmlTooDeep)
                                   << QStringLiteral("line 1, column 2561, <div>");
    QTest::newRow("6 M characters") << QStringLiteral("html") << QString(6 * 1024 * 1024, u'a') << QString(errc::htmlTooLarge)
                                    << QStringLiteral("characters long");
    // Markdown's quotes nest as blockquotes: deep in the HTML it becomes.
    QTest::newRow("markdown quotes 1000 deep") << QStringLiteral("markdown") << QString(QString(1000, u'>') + QStringLiteral(" deep"))
                                               << QString(errc::htmlTooDeep) << QStringLiteral("<blockquote>");
    // cmark-gfm is quadratic on these: refused before it sees them.
    QTest::newRow("markdown 1 MiB of ![[]()") << QStringLiteral("markdown") << QStringLiteral("![[]()").repeated(180'000)
                                             << QString(errc::templateMarkdown) << QStringLiteral("characters of Markdown; the limit is");
    QTest::newRow("markdown row of 50000 cells") << QStringLiteral("markdown")
                                                 << QString(QStringLiteral("# Prices\n\n") + QString(50'000, u'|') + QStringLiteral("\n|-|-|\n"))
                                                 << QString(errc::templateMarkdown) << QStringLiteral("more than 256 cell(s) on line 3");
    QTest::newRow("markdown 6 M characters") << QStringLiteral("markdown") << QString(6 * 1024 * 1024, u'a')
                                             << QString(errc::htmlTooLarge) << QStringLiteral("characters long");
}

void TestTemplateStore::saveRefusesTemplatesOverTheLimits()
{
    QFETCH(QString, format);
    QFETCH(QString, source);
    QFETCH(QString, code);
    QFETCH(QString, where);
    TemplateStore store(m_fx->db());
    const int before = templateRows(m_fx->db());
    EmailTemplate t;
    t.name = QStringLiteral("Deep");
    t.format = format;
    t.source = source;
    QElapsedTimer clock;
    clock.start();
    const auto saved = store.save(t, std::nullopt);
    QVERIFY2(clock.elapsed() < 10'000, "a bound, not a speed");
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, code);
    QVERIFY2(saved.error().message.startsWith(QStringLiteral("The template “Deep”")), qPrintable(saved.error().message));
    QVERIFY2(saved.error().message.contains(where), qPrintable(saved.error().message));
    QCOMPARE(templateRows(m_fx->db()), before);

    // The neighbour: 512 deep is saved.
    t.format = QStringLiteral("html");
    t.source = QStringLiteral("<div>").repeated(512) + QStringLiteral("ok");
    QVERIFY(store.save(t, std::nullopt).ok());
}

void TestTemplateStore::componentsOverTheLimitsAreRefused()
{
    TemplateStore store(m_fx->db());
    const Status s = store.saveComponent(QStringLiteral("deep"), QStringLiteral("<div>").repeated(600), std::nullopt);
    QVERIFY(!s);
    QCOMPARE(s.error().code, QString(errc::htmlTooDeep));
    QVERIFY2(s.error().message.startsWith(QStringLiteral("The component “deep”")), qPrintable(s.error().message));
    QVERIFY(store.components().isEmpty());
}

void TestTemplateStore::aTemplateSavedBeforeTheLimitsIsRefusedUnparsed()
{
    // As an older version saved it: straight into the table, 100,000 divs deep.
    const auto id = m_fx->addTemplate(QStringLiteral("Old"), QStringLiteral("Hello"), QStringLiteral("<p>x</p>"));
    QVERIFY(id.ok());
    QSqlQuery q(m_fx->db());
    q.prepare(QStringLiteral("UPDATE templates SET source = ? WHERE id = ?"));
    q.addBindValue(QString(QStringLiteral("<div>").repeated(100'000) + QStringLiteral("deep")));
    q.addBindValue(*id);
    QVERIFY(q.exec());
    const auto t = TemplateStore(m_fx->db()).find(*id);
    QVERIFY(t.ok());
    QElapsedTimer clock;
    clock.start();
    const RenderedEmail r = TemplateRenderer(m_fx->db()).render(*t, nullptr);
    QVERIFY2(clock.elapsed() < 10'000, "a bound, not a speed");
    QCOMPARE(r.findings.size(), 1);
    QCOMPARE(r.findings.constFirst().code, QString(errc::htmlTooDeep));
    QVERIFY(PreSendCheck::refuses(r.findings.constFirst()));
    QVERIFY(PreSendCheck::blocks(r.findings));
    QVERIFY2(r.findings.constFirst().message.startsWith(QStringLiteral("The template “Old” nests elements more than 512 deep: line 1, column 2561")),
             qPrintable(r.findings.constFirst().message));
    QVERIFY(r.html.isEmpty());
    QVERIFY(r.text.isEmpty());
    QCOMPARE(r.subject, QStringLiteral("Hello"));
}

void TestTemplateStore::componentsCannotMakeTheMessageTooDeep()
{
    TemplateStore store(m_fx->db());
    // Each within the limits; the template includes it twice, one inside the other's depth.
    QVERIFY(store.saveComponent(QStringLiteral("wrap"), QStringLiteral("<div>").repeated(300), std::nullopt).ok());
    EmailTemplate t;
    t.name = QStringLiteral("Wrapped");
    t.source = QStringLiteral("{{> wrap}}{{> wrap}}<p>x</p>");
    QVERIFY(store.save(t, std::nullopt).ok()); // the template itself is 1 deep
    const RenderedEmail r = TemplateRenderer(m_fx->db()).render(t, nullptr);
    QCOMPARE(r.findings.size(), 1);
    QCOMPARE(r.findings.constFirst().code, QString(errc::templateLimits));
    QVERIFY(PreSendCheck::refuses(r.findings.constFirst()));
    QVERIFY2(r.findings.constFirst().message.contains(QStringLiteral("“Wrapped” (components and merge tags in place) nests elements more than 512")),
             qPrintable(r.findings.constFirst().message));
    QVERIFY(r.html.isEmpty());
}

void TestTemplateStore::theMessageGoesWithoutUnsafeMarkup()
{
    TemplateStore store(m_fx->db());
    QVERIFY(store.saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St")}}, true, std::nullopt).ok());
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO custom_fields (name, label, type, created_at) VALUES ('bio', 'Bio', 'text', 1)")));
    EmailTemplate t;
    t.name = QStringLiteral("Unsafe");
    t.subject = QStringLiteral("Hello");
    t.preheader = QStringLiteral("Hi");
    t.source = QStringLiteral("<p onclick=\"x()\">Hi {{first_name}}</p>\n<script>steal()</script>\n"
                              "<form action=\"https://f.example\"><input name=q><button>Send</button></form>\n"
                              "<p>{{{custom.bio}}}</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>");
    QVERIFY(store.save(t, std::nullopt).ok()); // saved: what mail clients strip is a warning, not a refusal
    contacts::Contact c;
    c.email = QStringLiteral("ana@example.com");
    c.firstName = QStringLiteral("<b>Ana</b>");
    c.custom = QJsonObject{{QStringLiteral("bio"), QStringLiteral("<iframe src=\"https://x.example\"></iframe>Cook")}};
    const RenderedEmail r = TemplateRenderer(m_fx->db()).render(t, &c, {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://t.example/u")}});
    QCOMPARE(r.html, QStringLiteral("<p >Hi &lt;b&gt;Ana&lt;/b&gt;</p>\n\n</form>\n"
                                    "<p>Cook</p><p>1 Main St <a href=\"https://t.example/u\">Unsubscribe</a></p>"));
    QCOMPARE(r.text, QStringLiteral("Hi <b>Ana</b>\n\nCook\n\n1 Main St Unsubscribe [1]\n\n[1] https://t.example/u"));
    QStringList codes;
    for (const Finding &f : r.findings)
        codes << QStringLiteral("%1 %2 %3:%4").arg(Finding::severityName(f.severity), f.code).arg(f.line).arg(f.column);
    QCOMPARE(codes, (QStringList{QStringLiteral("warning unsafe.handler 1:4"), QStringLiteral("warning unsafe.script 2:1"),
                                 QStringLiteral("warning unsafe.form 3:1"), QStringLiteral("warning unsafe.form 3:34"),
                                 QStringLiteral("warning unsafe.form 3:48"), QStringLiteral("warning unsafe.merged 0:0")}));
    QVERIFY(!PreSendCheck::blocks(r.findings));
}

LUX_TEST_MAIN(TestTemplateStore, QCoreApplication)
#include "tst_templatestore.moc"
