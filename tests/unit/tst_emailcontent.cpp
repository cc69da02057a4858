// SPDX-License-Identifier: GPL-3.0-or-later
// Plain text from HTML, Markdown templates, and every pre-send check with its severity and place.
#include "content/emailhtml.h"
#include "content/markdown.h"
#include "content/mergetemplate.h"
#include "testsupport.h"

#include <QTest>

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

LUX_TEST_MAIN(TestEmailContent, QCoreApplication)
#include "tst_emailcontent.moc"
