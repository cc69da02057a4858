// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/errorcodes.h"
#include "common/htmllimits.h"

#include <QElapsedTimer>
#include <QTest>

using namespace lux;

namespace {

QString nested(const QString &open, const QString &close, int depth)
{
    QString s;
    for (int i = 0; i < depth; ++i)
        s += open;
    s += QStringLiteral("x");
    for (int i = 0; i < depth; ++i)
        s += close;
    return s;
}

// An Outlook "ghost table" layout: each level a table, a row and a cell, the row and cell end tags left
// out as real email often does.
QString ghostTables(int depth)
{
    QString s;
    for (int i = 0; i < depth; ++i)
        s += QStringLiteral("<table role=\"presentation\"><tr><td align=\"center\">\n");
    s += QStringLiteral("Hello");
    for (int i = 0; i < depth; ++i)
        s += QStringLiteral("</table>\n");
    return s;
}

} // namespace

class TestHtmlLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // groups of "<p><b x=N>…</p>t", each with its own attributes: the parser reopens every one.
    static QString reopened(int groups, int each)
    {
        QString html;
        int k = 0;
        for (int g = 0; g < groups; ++g) {
            html += QStringLiteral("<p>");
            for (int i = 0; i < each; ++i)
                html += QStringLiteral("<b x=%1>").arg(++k);
            html += QStringLiteral("</p>t");
        }
        return html;
    }

    void measuresDepthAsTheParserWould_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<int>("depth");
        QTest::newRow("flat") << QStringLiteral("<p>a</p><p>b</p>") << 1;
        QTest::newRow("divs") << nested(QStringLiteral("<div>"), QStringLiteral("</div>"), 30) << 30;
        QTest::newRow("void elements add nothing") << QStringLiteral("<div><br><img src=a><hr></div>") << 1;
        // Issue 13: "/>" closes nothing on an HTML element; gumbo (and every browser) builds div > span > span
        // here, and <span/> repeated 100,000 times nested as deep while this row once measured it as 1.
        QTest::newRow("self-closing") << QStringLiteral("<div><span/><span/></div>") << 3;
        QTest::newRow("unclosed list items are siblings")
            << QStringLiteral("<ul><li>a<li>b<li>c<li>d</ul>") << 2;
        QTest::newRow("nested list keeps its own items")
            << QStringLiteral("<ul><li>a<ul><li>b<li>c</ul><li>d</ul>") << 4;
        QTest::newRow("unclosed cells and rows are siblings")
            << QStringLiteral("<table><tr><td>a<td>b<tr><td>c<td>d</table>") << 3;
        QTest::newRow("ghost tables 20 deep") << ghostTables(20) << 60;
        QTest::newRow("paragraphs close each other") << QStringLiteral("<p>a<p>b<p>c<p>d") << 1;
        QTest::newRow("tags in a comment") << QStringLiteral("<!-- <div><div><div> --><div></div>") << 1;
        QTest::newRow("tags in a script") << QStringLiteral("<script>var s='<div><div><div>';</script><b>x</b>") << 1;
        QTest::newRow("a > in an attribute") << QStringLiteral("<div title=\"a > b <div>\"><span>x</span></div>") << 2;
        QTest::newRow("a < in text") << QStringLiteral("<div>1 < 2 and 3<4</div>") << 1;
        QTest::newRow("end tags of nothing open") << QStringLiteral("</div></div><b>x</b>") << 1;
        QTest::newRow("empty") << QString() << 0;
        // Formatting elements a </p> closed are opened again by the parser at the next text (issue 13:
        // 210 KB of "<p><b x=1>…<b x=100></p>t" made gumbo build a tree 20,000 deep, 3 GB, 46 s).
        QTest::newRow("reopened formatting") << QStringLiteral("<p><b><i>x</p><p>y") << 3; // p > b > i, twice
        QTest::newRow("reopened again and again") << reopened(10, 20) << 201;
        QTest::newRow("at most three alike") << QStringLiteral("<p><b>x</p>").repeated(50) << 5;
        QTest::newRow("closed by their own end tags") << QStringLiteral("<p><b>x</b></p>").repeated(50) << 2;
        // A quote opens a value only after '=' (issue 13: "<p\">" hid 30,000 divs from the measure: 44 s, 7 GB).
        QTest::newRow("a quote in a tag name") << QString(QStringLiteral("<p\"><p>x</p>") + QStringLiteral("<div>").repeated(40)) << 41;
        QTest::newRow("a quote in an attribute name") << QString(QStringLiteral("<p a\"b=1>") + QStringLiteral("<div>").repeated(40)) << 40; // the first <div> closes the <p>
        QTest::newRow("an element named br\"") << QStringLiteral("<br\">").repeated(30) << 30;
        QTest::newRow("a slash in an unquoted value") << QStringLiteral("<div><a href=/x/>y</a></div>") << 2;
        QTest::newRow("> in a quoted value after spaces") << QStringLiteral("<div title = \"a>b\"><i>x</i></div>") << 2;
        // "/>" closes only foreign elements; raw text and void elements are HTML's alone (found by htmltext_fuzz).
        QTest::newRow("div written self-closing") << QStringLiteral("<div/>").repeated(30) << 30;
        QTest::newRow("svg self-closing") << QStringLiteral("<p><svg/><svg/><math/>x</p>") << 2;
        QTest::newRow("foreign elements close with />") << QStringLiteral("<svg><g/><g/><path/></svg>") << 2;
        QTest::newRow("no raw text in svg") << QString(QStringLiteral("<svg><iframe>") + QStringLiteral("<g>").repeated(30)) << 32;
        QTest::newRow("no void elements in svg") << QString(QStringLiteral("<svg>") + QStringLiteral("<link>").repeated(30)) << 31;
        QTest::newRow("html breaks out of svg") << QStringLiteral("<div><svg><g><p>x</p></g></svg></div>") << 3; // div > svg > g, then div > p
        QTest::newRow("html inside foreignObject") << QStringLiteral("<svg><foreignObject><div><br><div>x</div></div></foreignObject></svg>") << 4;
        QTest::newRow("a cell ends them") << QStringLiteral("<table><tr><td><b><i>x</td><td>y</td></tr></table>z") << 5;
        // End tags reach only what the parser lets them (found by htmltext_fuzz): gumbo nests these deeper
        // than a plain "pop to the name" would measure.
        QTest::newRow("an end tag does not cross a table") << QStringLiteral("<l><b><table></l><td><table><td>x") << 6;
        QTest::newRow("any other end tag stops at a special element") << QStringLiteral("<x><div></x><div><div>x") << 4;
        QTest::newRow("</li> does not leave its list") << QStringLiteral("<li><ul></li><ul><ul>x") << 4;
        QTest::newRow("cells outside a table open nothing") << QStringLiteral("<td><y>").repeated(10) << 10;
        QTest::newRow("</form> leaves what it holds open") << QStringLiteral("<form><v><w></form><x>t") << 4;
        QTest::newRow("</a> leaves the blocks inside it open") << QStringLiteral("<a><div><div></a><x>t") << 4;
        QTest::newRow("a block closes the paragraph") << QStringLiteral("<p><div><x><x><p><div><x><x><p>t") << 7;
        QTest::newRow("forms closed in turn") << QStringLiteral("<div><form><p>x</p></form></div>").repeated(20) << 3;
        QTest::newRow("</a> with no block inside closes what it holds") << QStringLiteral("<a><span></a><x>t") << 2;
    }

    void measuresDepthAsTheParserWould()
    {
        QFETCH(QString, html);
        QFETCH(int, depth);
        QCOMPARE(HtmlLimits::measure(html).deepest, depth);
    }

    void refusesTooDeepNamingWhere_data()
    {
        QTest::addColumn<int>("depth");
        QTest::newRow("513") << 513;
        QTest::newRow("5,000") << 5000;
        QTest::newRow("10,000") << 10000;
        QTest::newRow("100,000") << 100000;
    }

    void refusesTooDeepNamingWhere()
    {
        QFETCH(int, depth);
        QString html = QStringLiteral("<html>\n<body>\n");
        for (int i = 0; i < depth; ++i)
            html += QStringLiteral("<div>");
        QElapsedTimer timer;
        timer.start();
        const Status status = HtmlLimits::check(html, QStringLiteral("deep.html"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, errc::htmlTooDeep);
        // <html> and <body> are levels 1 and 2; the 511th div on line 3 crosses 512.
        QCOMPARE(status.error().message,
                 QStringLiteral("deep.html nests elements more than 512 deep: line 3, column %1, <div>.").arg(510 * 5 + 1));
        QVERIFY2(timer.elapsed() < 10000, "one linear pass");
    }

    void acceptsTheLimitItself()
    {
        QVERIFY(HtmlLimits::check(nested(QStringLiteral("<div>"), QStringLiteral("</div>"), 512), QStringLiteral("t")).ok());
        QVERIFY(HtmlLimits::check(ghostTables(50), QStringLiteral("t")).ok());
    }

    void refusesTooLarge()
    {
        const QString big(HtmlLimits::kMaxChars + 1, u'a');
        const Status status = HtmlLimits::check(big, QStringLiteral("big.html"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, errc::htmlTooLarge);
        QVERIFY(status.error().message.startsWith(QLatin1String("big.html is ")));
        QVERIFY(HtmlLimits::check(QString(HtmlLimits::kMaxChars, u'a'), QStringLiteral("t")).ok());
    }

    void placesTheDeepestElement()
    {
        const auto d = HtmlLimits::measure(QStringLiteral("<div>\n  <section>\n    <TABLE><tr><td>x</table></section></div>"));
        QCOMPARE(d.deepest, 5);
        QCOMPARE(d.line, 3);
        QCOMPARE(d.column, 16);
        QCOMPARE(d.element, QStringLiteral("td"));
    }
};

QTEST_GUILESS_MAIN(TestHtmlLimits)
#include "tst_htmllimits.moc"
