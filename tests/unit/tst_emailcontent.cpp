// SPDX-License-Identifier: GPL-3.0-or-later
// Plain text from HTML, Markdown templates, and every pre-send check with its severity and place.
#include "common/htmllimits.h"
#include "content/emailhtml.h"
#include "content/markdown.h"
#include "content/mergetemplate.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <gumbo.h>

#include <cstring>
#include <vector>

using namespace lux::content;

class TestEmailContent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainText();
    void markdownKeepsMergeTags();
    void checksOnAGoodMessage();
    void checksFindEveryProblem_data();
    void checksFindEveryProblem();
    void gmailClipping();
    void startersPassEveryCheck_data();
    void startersPassEveryCheck();
    // Hostile input (issue 13).
    void textWalkKeepsItsOwnStack_data();
    void textWalkKeepsItsOwnStack();
    void overTheLimitsIsNotParsed();
    void unsafeMarkupIsFoundWithItsPlace();
    void unsafeMarkupIsCutAndTheRestKept();
    void cuttingAgainUntilNothingIsLeft_data();
    void cuttingAgainUntilNothingIsLeft();
    void cuttingGivesUpAfterItsRounds();
    void checksReportUnsafeMarkupAsWarnings();
    void checksRefuseABodyOverTheLimits();

private:
    PreSendCheck::Input input(const QString &source, const QString &subject = QStringLiteral("Spring news from Acme"),
                              const QString &preheader = QStringLiteral("Three things we made for you")) const
    {
        PreSendCheck::Input in;
        in.subject = subject;
        in.preheader = preheader;
        in.source = source;
        in.compiled = MergeTemplate::compile(source, m_fields);
        in.sampleHtml = in.compiled.render(QStringList(m_fields.size(), QStringLiteral("x")));
        return in;
    }
    static QStringList codes(const QList<Finding> &findings)
    {
        QStringList list;
        for (const Finding &f : findings)
            list << QStringLiteral("%1 %2 %3:%4").arg(Finding::severityName(f.severity), f.code).arg(f.line).arg(f.column);
        return list;
    }
    MergeFields m_fields = MergeFields::standard();
    const QString m_footer = QStringLiteral("<p>{{brand.address}} · <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>");
};

void TestEmailContent::plainText()
{
    const QString html = QStringLiteral(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<span style=\"display: none\">preheader text</span>"
        "<h1>Spring  news</h1><p>Hello <b>Ana</b>,<br>welcome.</p>"
        "<ul><li>One</li><li>Two <a href=\"https://acme.example/two\">details</a></li></ul>"
        "<ol><li>First</li><li>Second</li></ol>"
        "<table><tr><td>Cell A</td><td>Cell B</td></tr><tr><td><img src=\"x.png\" alt=\"Logo\"></td></tr></table>"
        "<p><a href=\"https://acme.example/two\">again</a> <a href=\"https://acme.example\">https://acme.example</a> "
        "<a href=\"mailto:hi@acme.example\">hi@acme.example</a></p>"
        "<!--[if mso]><p>Outlook only</p><![endif]--><script>x()</script></body></html>");
    QCOMPARE(PlainText::fromHtml(html),
             QStringLiteral("Spring news\n===========\n\n"
                            "Hello Ana,\nwelcome.\n\n"
                            "- One\n- Two details [1]\n\n"
                            "1. First\n2. Second\n\n"
                            "Cell A Cell B\nLogo\n\n"
                            "again [1] https://acme.example hi@acme.example\n\n"
                            "[1] https://acme.example/two"));
}

void TestEmailContent::markdownKeepsMergeTags()
{
    const QString html = Markdown::toHtml(QStringLiteral(
        "# Hi {{first_name | default: \"there\"}}\n\n"
        "| Plan | Price |\n|---|---|\n| Gold | ~~$20~~ $10 |\n\n"
        "[Unsubscribe]({{{unsubscribe_url}}}) · <span class=\"x\">raw</span> · www.acme.example\n"));
    QVERIFY2(html.contains(QStringLiteral("<h1>Hi {{first_name | default: \"there\"}}</h1>")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a>")));
    QVERIFY(html.contains(QStringLiteral("<table>")));
    QVERIFY(html.contains(QStringLiteral("<del>$20</del>")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"x\">raw</span>")));
    QVERIFY(html.contains(QStringLiteral("<a href=\"http://www.acme.example\">www.acme.example</a>")));
    QVERIFY(MergeTemplate::compile(html, m_fields).isValid());
}

void TestEmailContent::checksOnAGoodMessage()
{
    const auto findings = PreSendCheck::run(input(QStringLiteral("<p>Hi {{first_name}}</p><img src=\"a.png\" alt=\"\">"
                                                                 "<a href=\"https://acme.example/x?y=1\">Shop</a>")
                                                  + m_footer));
    QCOMPARE(codes(findings), QStringList());
    QVERIFY(!PreSendCheck::blocks(findings));
}

void TestEmailContent::checksFindEveryProblem_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("preheader");
    QTest::addColumn<QStringList>("expected");
    const QString f = m_footer;
    const QString s = QStringLiteral("Spring news from Acme");
    const QString p = QStringLiteral("Three things");
    QTest::newRow("unknown merge tag") << QStringLiteral("<p>\n  Hi {{frist_name}}</p>") + f << s << p
                                       << QStringList{QStringLiteral("error merge.problem 2:6")};
    QTest::newRow("no unsubscribe link") << QStringLiteral("<p>{{brand.address}}</p>") << s << p
                                         << QStringList{QStringLiteral("error unsubscribe.missing 0:0")};
    QTest::newRow("no postal address") << QStringLiteral("<a href=\"{{{unsubscribe_url}}}\">U</a>") << s << p
                                       << QStringList{QStringLiteral("error address.missing 0:0")};
    QTest::newRow("image without alt") << QStringLiteral("<p>x</p>\n<p><img src=\"a.png\"></p>") + f << s << p
                                       << QStringList{QStringLiteral("warning image.alt 2:4")};
    QTest::newRow("empty link") << QStringLiteral("<a href=\"#\">x</a>") + f << s << p << QStringList{QStringLiteral("warning link.empty 1:1")};
    QTest::newRow("javascript link") << QStringLiteral("<a href=\"javascript:alert(1)\">x</a>") + f << s << p
                                     << QStringList{QStringLiteral("error link.unsafe 1:1")};
    QTest::newRow("malformed links") << QStringLiteral("<a href=\"www.acme.com\">a</a> <a href=\"https://acme\">b</a>"
                                                       "<a href=\"https://acme.example/a b\">c</a>") + f << s << p
                                     << QStringList{QStringLiteral("error link.malformed 1:1"), QStringLiteral("error link.malformed 1:30"),
                                                    QStringLiteral("error link.malformed 1:58")};
    QTest::newRow("plain http") << QStringLiteral("<a href=\"http://acme.example\">a</a>") + f << s << p
                                << QStringList{QStringLiteral("info link.http 1:1")};
    QTest::newRow("no preheader") << QStringLiteral("<p>x</p>") + f << s << QString()
                                  << QStringList{QStringLiteral("warning preheader.missing 0:0")};
    QTest::newRow("empty subject") << QStringLiteral("<p>x</p>") + f << QString() << p << QStringList{QStringLiteral("error subject.empty 0:0")};
    QTest::newRow("long subject") << QStringLiteral("<p>x</p>") + f << QString(61, u'a') << p
                                  << QStringList{QStringLiteral("warning subject.long 0:0")};
    QTest::newRow("very long subject") << QStringLiteral("<p>x</p>") + f << QString(151, u'a') << p
                                       << QStringList{QStringLiteral("error subject.long 0:0")};
    QTest::newRow("capitals and trigger in subject") << QStringLiteral("<p>Click here to see</p>") + f << QStringLiteral("ACT NOW: SPRING SALE")
                                                     << p
                                                     << QStringList{QStringLiteral("warning spam.capitals 0:0"),
                                                                    QStringLiteral("warning spam.phrase 0:0"),
                                                                    QStringLiteral("info spam.phrase 0:0")};
}

void TestEmailContent::checksFindEveryProblem()
{
    QFETCH(QString, source);
    QFETCH(QString, subject);
    QFETCH(QString, preheader);
    QFETCH(QStringList, expected);
    const auto findings = PreSendCheck::run(input(source, subject, preheader));
    QCOMPARE(codes(findings), expected);
    for (const Finding &f : findings)
        QVERIFY2(!f.message.isEmpty(), qPrintable(f.code));
    QCOMPARE(PreSendCheck::blocks(findings), expected.join(u' ').contains(QLatin1String("error")));
}

void TestEmailContent::gmailClipping()
{
    PreSendCheck::Input in = input(QStringLiteral("<p>x</p>") + m_footer);
    in.sampleHtml = QString(PreSendCheck::kGmailClipBytes, u'a');
    QCOMPARE(codes(PreSendCheck::run(in)), QStringList());
    in.sampleHtml += u'a';
    const auto findings = PreSendCheck::run(in);
    QCOMPARE(codes(findings), QStringList{QStringLiteral("warning size.clipped 0:0")});
    QVERIFY(findings.first().message.contains(QStringLiteral("103 KB")));
}

void TestEmailContent::startersPassEveryCheck_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"newsletter", "announcement", "promotion", "event", "letter"})
        QTest::newRow(name) << QStringLiteral(LUX_SOURCE_DIR "/resources/templates/%1.html").arg(QLatin1String(name));
}

void TestEmailContent::startersPassEveryCheck()
{
    QFETCH(QString, file);
    const QString source = QString::fromUtf8(lux::test::readAll(file));
    QVERIFY(source.size() > 500);
    const PreSendCheck::Input in = input(source);
    QVERIFY2(in.compiled.isValid(), in.compiled.isValid() ? "" : qPrintable(in.compiled.problems().first().message));
    QCOMPARE(codes(PreSendCheck::run(in)), QStringList());
    // Responsive: a media query for phones, and no fixed width wider than a phone without one.
    QVERIFY(source.contains(QLatin1String("@media")) || source.contains(QLatin1String("max-width:560px")));
    QVERIFY(PlainText::fromHtml(in.sampleHtml).contains(QLatin1String("Unsubscribe")));
}

// A document 100,000 elements deep, built as gumbo would build it (gumbo itself takes minutes to
// parse one: quadratic in the depth, which is why HtmlLimits stops such HTML first), walked in
// this process on the default stack: a recursive walk overflowed it at about 7,000.
void TestEmailContent::textWalkKeepsItsOwnStack_data()
{
    QTest::addColumn<int>("tag");
    QTest::addColumn<int>("depth");
    QTest::newRow("div 100000") << int(GUMBO_TAG_DIV) << 100'000;
    QTest::newRow("table 100000") << int(GUMBO_TAG_TABLE) << 100'000;
    QTest::newRow("li 100000") << int(GUMBO_TAG_LI) << 100'000;
    QTest::newRow("a 100000") << int(GUMBO_TAG_A) << 100'000;
}

void TestEmailContent::textWalkKeepsItsOwnStack()
{
    QFETCH(int, tag);
    QFETCH(int, depth);
    std::vector<GumboNode> nodes(size_t(depth) + 2);
    std::vector<void *> children(size_t(depth) + 1);
    for (GumboNode &n : nodes)
        std::memset(static_cast<void *>(&n), 0, sizeof n);
    nodes[0].type = GUMBO_NODE_DOCUMENT;
    for (int i = 0; i <= depth; ++i) { // node i has node i + 1 as its one child
        children[size_t(i)] = &nodes[size_t(i) + 1];
        nodes[size_t(i) + 1].parent = &nodes[size_t(i)];
        GumboVector one{&children[size_t(i)], 1, 1};
        if (i == 0)
            nodes[0].v.document.children = one;
        else
            nodes[size_t(i)].v.element.children = one;
        if (i > 0) {
            nodes[size_t(i)].type = GUMBO_NODE_ELEMENT;
            nodes[size_t(i)].v.element.tag = GumboTag(tag);
        }
    }
    GumboNode &leaf = nodes.back();
    leaf.type = GUMBO_NODE_TEXT;
    leaf.v.text.text = "deep inside";
    QElapsedTimer clock;
    clock.start();
    const QString text = PlainText::fromDocument(&nodes[0]);
    QVERIFY2(clock.elapsed() < 10'000, "a bound, not a speed");
    QVERIFY2(text.contains(QLatin1String("deep inside")), qPrintable(text.left(200)));
}

void TestEmailContent::overTheLimitsIsNotParsed()
{
    // 100,000 nested elements: refused by the limits in one pass, never handed to gumbo.
    const QString deep = QStringLiteral("<div>").repeated(100'000) + QStringLiteral("x");
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(PlainText::fromHtml(deep), QString());
    QVERIFY(!SafeHtml::clean(deep).complete);
    QVERIFY(SafeHtml::find(deep).isEmpty());
    QVERIFY2(clock.elapsed() < 10'000, "a bound, not a speed");
    // The neighbour: 512 deep is within the limits, parsed and walked.
    const QString fine = QStringLiteral("<table><tr><td>").repeated(170) + QStringLiteral("<div><div>ok");
    QVERIFY(lux::HtmlLimits::check(fine, QStringLiteral("fine")).ok());
    QCOMPARE(PlainText::fromHtml(fine), QStringLiteral("ok"));
    QCOMPARE(PlainText::fromHtml(QStringLiteral("<div>").repeated(512) + QStringLiteral("ok")), QStringLiteral("ok"));
    QCOMPARE(PlainText::fromHtml(QStringLiteral("<div>").repeated(513) + QStringLiteral("ok")), QString());
}

void TestEmailContent::unsafeMarkupIsFoundWithItsPlace()
{
    const QString html = QStringLiteral("<p>Hi</p>\n<script>alert(1)</script>\n<img src=\"a.png\" alt=\"\" onerror=\"x()\">\n"
                                        "<iframe src=\"https://evil.example\"></iframe><form action=\"/f\"><input name=q>"
                                        "<button>Go</button></form>\n<embed src=a.swf><object data=a.swf></object>"
                                        "<base href=\"https://x.example/\"><meta http-equiv=\"Refresh\" content=\"0\">\n"
                                        "<img src=\" java&#x09;script:x()\" alt=\"\">");
    QStringList found;
    for (const UnsafeMarkup &u : SafeHtml::find(html))
        found << QStringLiteral("%1 %2 %3:%4").arg(u.element, u.attribute).arg(u.line).arg(u.column);
    QCOMPARE(found, (QStringList{QStringLiteral("script  2:1"), QStringLiteral("img onerror 3:25"), QStringLiteral("iframe  4:1"),
                                 QStringLiteral("form  4:45"), QStringLiteral("input  4:63"), QStringLiteral("button  4:77"),
                                 QStringLiteral("embed  5:1"), QStringLiteral("object  5:18"), QStringLiteral("base  5:46"),
                                 QStringLiteral("meta  5:78"), QStringLiteral("img src 6:6")}));
    QVERIFY(SafeHtml::find(QStringLiteral("<meta charset=\"utf-8\"><a href=\"https://a.example/on\">on</a><p one-day>")).size() == 1);
}

void TestEmailContent::unsafeMarkupIsCutAndTheRestKept()
{
    const QString html = QStringLiteral("<p style=\"x\">Hi</p>\n<script>alert(1)</script>\n<img src=\"a.png\" alt=\"Logo\" onerror=\"x()\">"
                                        "<form action=\"/f\"><p>Inside</p><textarea>typed</textarea><select><option>A</select></form>"
                                        "<a href=\"javascript:go()\" onclick='y()'>Go</a><iframe src=x>no frames</iframe>é");
    const SafeHtml::Cleaned c = SafeHtml::clean(html, true);
    QVERIFY(c.complete);
    // gumbo keeps no place for </form> (the parser closes a form its own way): it stays, an end tag
    // with nothing to end, which every HTML parser ignores.
    QCOMPARE(c.html, QStringLiteral("<p style=\"x\">Hi</p>\n\n<img src=\"a.png\" alt=\"Logo\" ><p>Inside</p></form><a  >Go</a>é"));
    QCOMPARE(c.text, QStringLiteral("Hi\n\nLogo\n\nInside\n\nGoé"));
    QCOMPARE(c.removed.size(), 8); // script, onerror, form, textarea, select, href, onclick, iframe
    // Nothing to cut: the very same text back.
    const QString safe = QStringLiteral("<p>Nothing <b>here</b></p>");
    QCOMPARE(SafeHtml::clean(safe).html, safe);
}

void TestEmailContent::cuttingAgainUntilNothingIsLeft_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("found");
    // A parser keeps the first of two attributes of a name: the second shows once the first is cut.
    QTest::newRow("duplicate handlers") << QStringLiteral("<a onclick=1 onclick=2 onclick=3 href=\"#\">d</a>")
                                        << QStringLiteral("<a    href=\"#\">d</a>") << 1;
    // The inner form is no element until the outer one is gone.
    QTest::newRow("form in form") << QStringLiteral("<form><form onsubmit=x><input></form></form>") << QStringLiteral("</form></form>") << 2;
    QTest::newRow("svg") << QStringLiteral("<svg><a xlink:href=\"javascript:x\"><text>z</text></a><script>1</script></svg>")
                         << QStringLiteral("<svg><a ><text>z</text></a></svg>") << 2;
    QTest::newRow("template") << QStringLiteral("<template><script>1</script><p onclick=x>t</p></template>")
                              << QStringLiteral("<template><p >t</p></template>") << 2;
    // Names that swallow a '<' are what an HTML parser makes of them: no script element, nothing to cut.
    QTest::newRow("script in a tag name") << QStringLiteral("<scr<script>x</script>ipt>alert(1)</script>")
                                          << QStringLiteral("<scr<script>x</script>ipt>alert(1)</script>") << 0;
    QTest::newRow("script in an attribute name") << QStringLiteral("<img o<script></script>nerror=x() src=a>")
                                                 << QStringLiteral("<img o<script></script>nerror=x() src=a>") << 0;
    // Cutting that joins text into a script: the next round cuts that too.
    QTest::newRow("joined by a cut") << QStringLiteral("a<<iframe></iframe>script>x()</script>") << QStringLiteral("a") << 1;
}

void TestEmailContent::cuttingAgainUntilNothingIsLeft()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QFETCH(int, found);
    const SafeHtml::Cleaned c = SafeHtml::clean(html);
    QVERIFY(c.complete);
    QVERIFY2(SafeHtml::find(c.html).isEmpty(), qPrintable(c.html));
    QCOMPARE(c.html, expected);
    QCOMPARE(c.removed.size(), found);
}

void TestEmailContent::cuttingGivesUpAfterItsRounds()
{
    // Each cut makes the next frame: one round per level.
    const auto nested = [](int levels) {
        QString html = QStringLiteral("<iframe></iframe>");
        for (int i = 0; i < levels; ++i)
            html = u'<' + html + QStringLiteral("iframe></iframe>");
        return html;
    };
    const SafeHtml::Cleaned few = SafeHtml::clean(QStringLiteral("ok") + nested(5));
    QVERIFY(few.complete);
    QCOMPARE(few.html, QStringLiteral("ok"));
    const SafeHtml::Cleaned many = SafeHtml::clean(QStringLiteral("ok") + nested(SafeHtml::kMaxRounds + 2));
    QVERIFY(!many.complete);
    QCOMPARE(many.html, QString()); // refused: nothing of it goes out
}

void TestEmailContent::checksReportUnsafeMarkupAsWarnings()
{
    const QString source = QStringLiteral("<p>Hi</p>\n<script>x()</script>\n<p onclick=\"y()\">a</p><iframe src=x></iframe>\n"
                                          "<form><input></form><object></object>\n<a href=\"javascript:z()\">z</a>")
                           + m_footer;
    const auto findings = PreSendCheck::run(input(source));
    QCOMPARE(codes(findings), (QStringList{QStringLiteral("warning unsafe.script 2:1"), QStringLiteral("warning unsafe.handler 3:4"),
                                           QStringLiteral("warning unsafe.frame 3:23"), QStringLiteral("warning unsafe.form 4:1"),
                                           QStringLiteral("warning unsafe.form 4:7"), QStringLiteral("warning unsafe.embed 4:21"),
                                           QStringLiteral("error link.unsafe 5:1")}));
    QCOMPARE(findings.at(0).message, QStringLiteral("Removed from the message: <script> at line 2, column 1. Mail clients strip scripts "
                                                    "and spam filters count them against you."));
    QVERIFY(findings.at(1).message.contains(QLatin1String("the onclick attribute of <p> at line 3")));
    // Only the javascript: link blocks sending; the rest go without what is cut.
    QVERIFY(PreSendCheck::blocks(findings));
    QVERIFY(!PreSendCheck::blocks(findings.mid(0, 6)));

    // More cut from the message than the template has: it came in with a component or a value.
    PreSendCheck::Input in = input(QStringLiteral("<p>x</p>") + m_footer);
    in.sampleRemoved = {UnsafeMarkup{UnsafeMarkup::Kind::Script, QStringLiteral("script"), QString(), 1, 1}};
    QCOMPARE(codes(PreSendCheck::run(in)), QStringList{QStringLiteral("warning unsafe.merged 0:0")});
}

void TestEmailContent::checksRefuseABodyOverTheLimits()
{
    const QString deep = QStringLiteral("<p>x</p>\n") + QStringLiteral("<table><tr><td>").repeated(3000) + m_footer;
    const auto findings = PreSendCheck::run(input(deep));
    QCOMPARE(codes(findings), QStringList{QStringLiteral("error html.too-deep 0:0")});
    QVERIFY(PreSendCheck::refuses(findings.constFirst()));
    QVERIFY2(findings.constFirst().message.contains(QLatin1String("line 2, column")), qPrintable(findings.constFirst().message));
    QVERIFY(!PreSendCheck::refuses(PreSendCheck::run(input(QStringLiteral("<p>x</p>"))).constFirst()));
}

LUX_TEST_MAIN(TestEmailContent, QCoreApplication)
#include "tst_emailcontent.moc"
