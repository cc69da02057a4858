// SPDX-License-Identifier: GPL-3.0-or-later
// Merge tags: values, defaults, escaping, sections, components, and every kind of mistake reported
// with its line and column before anything renders.
#include "content/mergetemplate.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace lux::content;

class TestMergeTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valuesAndDefaults();
    void htmlEscapingByDefault();
    void sections();
    void components();
    void problemsHaveLineAndColumn();
    void problemsInComponents();
    void customFieldsByNameOrPrefix();
    // Hostile input (issue 13).
    void sectionOfAnUnknownNameClosesWithoutHarm();
    void componentsAreIncludedAtMostEightDeep();
    void componentsCannotMultiplyPastTheSizeLimit();
    void aRenderStopsPastItsLimit();

private:
    QStringList values(const QHash<QString, QString> &byName) const
    {
        QStringList v(m_fields.size());
        for (auto it = byName.constBegin(); it != byName.constEnd(); ++it)
            v[m_fields.indexOf(it.key())] = it.value();
        return v;
    }
    MergeFields m_fields = MergeFields::standard({QStringLiteral("plan"), QStringLiteral("city")});
};

void TestMergeTemplate::valuesAndDefaults()
{
    const auto t = MergeTemplate::compile(QStringLiteral("Hi {{first_name | default: \"there\"}}, {{ company|default:'your team' }}!"), m_fields);
    QVERIFY(t.isValid());
    QCOMPARE(t.render(values({{QStringLiteral("first_name"), QStringLiteral("Ana")}})), QStringLiteral("Hi Ana, your team!"));
    QCOMPARE(t.render(values({})), QStringLiteral("Hi there, your team!"));
    QCOMPARE(t.usedFields(), (QStringList{QStringLiteral("first_name"), QStringLiteral("company")}));
    const auto quoted = MergeTemplate::compile(QStringLiteral(R"({{first_name | default: "the \"best\" friend"}})"), m_fields);
    QVERIFY(quoted.isValid());
    QCOMPARE(quoted.render(values({})), QStringLiteral("the &quot;best&quot; friend"));
}

void TestMergeTemplate::htmlEscapingByDefault()
{
    const QString hostile = QStringLiteral("<script>alert('x')</script> & \"co\"");
    const auto html = MergeTemplate::compile(QStringLiteral("<p>{{company}}</p><a href=\"{{{unsubscribe_url}}}\">x</a>{{& company}}"), m_fields);
    QVERIFY(html.isValid());
    QCOMPARE(html.render(values({{QStringLiteral("company"), hostile}, {QStringLiteral("unsubscribe_url"), QStringLiteral("https://t.example/u/a?b=1&c=2")}})),
             QStringLiteral("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>"
                            "<a href=\"https://t.example/u/a?b=1&c=2\">x</a>") + hostile);
    const auto text = MergeTemplate::compile(QStringLiteral("{{company}}"), m_fields, MergeTemplate::Mode::Text);
    QCOMPARE(text.render(values({{QStringLiteral("company"), hostile}})), hostile);
    // Tag-like text in a value is never expanded.
    QCOMPARE(html.render(values({{QStringLiteral("company"), QStringLiteral("{{email}}")}})).left(16), QStringLiteral("<p>{{email}}</p>"));
}

void TestMergeTemplate::sections()
{
    const auto t = MergeTemplate::compile(QStringLiteral("{{#company}}At {{company}}{{#city}} in {{city}}{{/city}}.{{/company}}"
                                                         "{{^company}}No company.{{/company}}"),
                                          m_fields);
    QVERIFY(t.isValid());
    QCOMPARE(t.render(values({{QStringLiteral("company"), QStringLiteral("Acme")}, {QStringLiteral("city"), QStringLiteral("Lyon")}})),
             QStringLiteral("At Acme in Lyon."));
    QCOMPARE(t.render(values({{QStringLiteral("company"), QStringLiteral("Acme")}})), QStringLiteral("At Acme."));
    QCOMPARE(t.render(values({{QStringLiteral("city"), QStringLiteral("Lyon")}})), QStringLiteral("No company."));
    // A comment ends at the first }}, as in Mustache.
    QCOMPARE(MergeTemplate::compile(QStringLiteral("a{{! not {{shown}} }}b"), m_fields).render({}), QStringLiteral("a }}b"));
    QCOMPARE(MergeTemplate::compile(QStringLiteral("a{{! note }}b"), m_fields).render({}), QStringLiteral("ab"));
}

void TestMergeTemplate::components()
{
    const QHash<QString, QString> parts = {{QStringLiteral("footer"), QStringLiteral("<p>{{brand.address}}</p>{{> social}}")},
                                           {QStringLiteral("social"), QStringLiteral("<a href=\"{{{brand.x_url}}}\">X</a>")}};
    const auto t = MergeTemplate::compile(QStringLiteral("Body{{> footer}}"), m_fields, MergeTemplate::Mode::Html, parts);
    QVERIFY(t.isValid());
    QCOMPARE(t.render(values({{QStringLiteral("brand.address"), QStringLiteral("1 Main St")}, {QStringLiteral("brand.x_url"), QStringLiteral("https://x.com/lux")}})),
             QStringLiteral("Body<p>1 Main St</p><a href=\"https://x.com/lux\">X</a>"));
    QVERIFY(t.uses(QStringLiteral("brand.x_url")));
}

void TestMergeTemplate::problemsHaveLineAndColumn()
{
    const QString source = QStringLiteral("<p>Hello {{frist_name}}</p>\n"   // line 1, column 10: unknown
                                          "  {{#company}}x\n"               // line 2, column 3: never closed
                                          "{{first_name | upper}}\n"         // line 3, column 1: bad filter
                                          "{{/city}} {{> nope}} {{ }}\n"    // line 4: unmatched close, unknown component, empty
                                          "tail {{email");                  // line 5, column 6: unclosed
    const auto t = MergeTemplate::compile(source, m_fields);
    QVERIFY(!t.isValid());
    QCOMPARE(t.render({}), QString()); // never renders
    QStringList got;
    for (const MergeProblem &p : t.problems())
        got << QStringLiteral("%1:%2 %3").arg(p.line).arg(p.column).arg(p.message);
    QCOMPARE(got, (QStringList{
                      QStringLiteral("1:10 Unknown merge tag {{frist_name}}."),
                      QStringLiteral("2:3 {{#company}} is never closed with {{/company}}."),
                      QStringLiteral("3:1 Only a default is understood after |, written as {{first_name | default: \"text\"}}."),
                      QStringLiteral("4:1 {{/city}} found where {{/company}} was expected."),
                      QStringLiteral("4:11 Unknown component {{> nope}}."),
                      QStringLiteral("4:22 An empty tag {{ }}."),
                      QStringLiteral("5:6 A tag opened with {{ is never closed with }}."),
                  }));
    QCOMPARE(MergeTemplate::compile(QStringLiteral("{{a b}}"), m_fields).problems().first().message,
             QStringLiteral("“a b” is not a merge tag name."));
    QCOMPARE(MergeTemplate::compile(QStringLiteral("{{#company | default: \"x\"}}{{/company}}"), m_fields).problems().first().message,
             QStringLiteral("A section ({{#company}} or {{^company}}) cannot have a default."));
}

void TestMergeTemplate::problemsInComponents()
{
    const QHash<QString, QString> parts = {{QStringLiteral("footer"), QStringLiteral("ok\n{{postal}}")},
                                           {QStringLiteral("loop"), QStringLiteral("{{> loop}}")}};
    const auto t = MergeTemplate::compile(QStringLiteral("line one\n  {{> footer}} {{> loop}}"), m_fields, MergeTemplate::Mode::Html, parts);
    QCOMPARE(t.problems().size(), 2);
    QCOMPARE(t.problems().at(0).line, 2); // where the component is included
    QCOMPARE(t.problems().at(0).column, 3);
    QCOMPARE(t.problems().at(0).message, QStringLiteral("In component “footer”: Unknown merge tag {{postal}}."));
    QCOMPARE(t.problems().at(1).message, QStringLiteral("In component “loop”: Component “loop” includes itself."));
}

void TestMergeTemplate::customFieldsByNameOrPrefix()
{
    const auto t = MergeTemplate::compile(QStringLiteral("{{plan}}/{{custom.plan}}/{{city}}/{{custom.city}}"), m_fields);
    QVERIFY(t.isValid());
    QStringList v(m_fields.size());
    v[m_fields.indexOf(QStringLiteral("custom.plan"))] = QStringLiteral("gold");
    v[m_fields.indexOf(QStringLiteral("city"))] = QStringLiteral("Lyon"); // the standard field wins the bare name
    v[m_fields.indexOf(QStringLiteral("custom.city"))] = QStringLiteral("custom");
    QCOMPARE(t.render(v), QStringLiteral("gold/gold/Lyon/custom"));
}


// Found while writing the fuzz target: {{/nope}} after {{#nope}} of an unknown name set the jump of
// op -1 (an assertion in a debug build, a write before the list's data in a release one).
void TestMergeTemplate::sectionOfAnUnknownNameClosesWithoutHarm()
{
    for (const char *source : {"{{#nope}}x{{/nope}}", "a{{^nope}}{{/nope}}b", "{{#nope}}{{#plan}}{{/plan}}{{/nope}}"}) {
        const auto t = MergeTemplate::compile(QString::fromLatin1(source), m_fields);
        QVERIFY(!t.isValid());
        QCOMPARE(t.problems().size(), 1);
        QCOMPARE(t.problems().constFirst().message, QStringLiteral("Unknown merge tag {{nope}}."));
        QCOMPARE(t.render(values({})), QString()); // a template with problems renders nothing
    }
}

void TestMergeTemplate::componentsAreIncludedAtMostEightDeep()
{
    QHash<QString, QString> components;
    for (int i = 0; i < 12; ++i)
        components.insert(QStringLiteral("c%1").arg(i), QStringLiteral("<p>%1</p>{{> c%2}}").arg(i).arg(i + 1));
    components.insert(QStringLiteral("c12"), QStringLiteral("end"));
    const auto t = MergeTemplate::compile(QStringLiteral("\n  {{> c0}}"), m_fields, MergeTemplate::Mode::Html, components);
    QCOMPARE(t.problems().size(), 1);
    QCOMPARE(t.problems().constFirst().line, 2); // at the include in the template
    QCOMPARE(t.problems().constFirst().column, 3);
    QVERIFY2(t.problems().constFirst().message.contains(QLatin1String("more than 8 level(s) deep")), qPrintable(t.problems().constFirst().message));

    components.insert(QStringLiteral("c7"), QStringLiteral("end")); // eight deep: fine
    const auto fine = MergeTemplate::compile(QStringLiteral("{{> c0}}"), m_fields, MergeTemplate::Mode::Html, components);
    QVERIFY(fine.isValid());
    QVERIFY(fine.render(values({})).endsWith(QLatin1String("<p>6</p>end")));
}

void TestMergeTemplate::componentsCannotMultiplyPastTheSizeLimit()
{
    // Each includes the next ten times: 10^8 copies of the leaf, were it not stopped.
    QHash<QString, QString> components;
    for (int i = 0; i < 8; ++i)
        components.insert(QStringLiteral("c%1").arg(i), QStringLiteral("{{> c%1}}").arg(i + 1).repeated(10));
    components.insert(QStringLiteral("c8"), QString(1000, u'x'));
    QElapsedTimer clock;
    clock.start();
    const auto t = MergeTemplate::compile(QStringLiteral("{{> c0}}"), m_fields, MergeTemplate::Mode::Html, components);
    QVERIFY2(clock.elapsed() < 10'000, "a bound on the work, not a speed");
    QVERIFY(!t.isValid());
    QVERIFY(std::any_of(t.problems().cbegin(), t.problems().cend(), [](const MergeProblem &p) {
        return p.message.contains(QLatin1String("include fewer or smaller components"));
    }));
}

void TestMergeTemplate::aRenderStopsPastItsLimit()
{
    const auto t = MergeTemplate::compile(QStringLiteral("{{{city}}}").repeated(200), m_fields);
    QVERIFY(t.isValid());
    const QString big(100'000, u'c');
    const QString out = t.render(values({{QStringLiteral("city"), big}}));
    QVERIFY(out.size() > MergeTemplate::kMaxRenderedChars); // past the limit, so a size check refuses it
    QVERIFY(out.size() <= MergeTemplate::kMaxRenderedChars + big.size());
    QCOMPARE(t.render(values({{QStringLiteral("city"), QStringLiteral("c")}})), QString(200, u'c'));
}

LUX_TEST_MAIN(TestMergeTemplate, QCoreApplication)
#include "tst_mergetemplate.moc"
