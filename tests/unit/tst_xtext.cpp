// SPDX-License-Identifier: GPL-3.0-or-later
// X's weighted length against twitter-text's published configuration (config/v3.json: weight 1 for
// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037, 2 for the rest and for every code point
// outside the BMP, 23 for a URL, 2 for an emoji twemoji-parser 11 knows, NFC first, 280). Each case in
// tests/data/twitter-text/cases.json says how its number is made; every one was also checked against
// the library itself (tst_xtextparity runs them through it again).
#include "social/xtext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lux::social;

class TestXText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void weightedLength_data();
    void weightedLength();
    void urlSpans();
    void validRangeEnd();
    void invalidCharacter();
    void normalisedTextIsWhatIsSent();
};

void TestXText::weightedLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("weighted");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QJsonValue>("urls");
    QFile file(QStringLiteral(LUX_TEST_DATA_DIR "/twitter-text/cases.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY2(cases.size() >= 50, "the issue asks for at least 50 cases");
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        const QString why = c.value(QStringLiteral("why")).toString();
        QTest::newRow(why.toUtf8().constData())
            << c.value(QStringLiteral("text")).toString() << c.value(QStringLiteral("max")).toInt(280)
            << c.value(QStringLiteral("weighted")).toInt() << c.value(QStringLiteral("valid")).toBool()
            << c.value(QStringLiteral("urls"));
    }
}

void TestXText::weightedLength()
{
    QFETCH(QString, text);
    QFETCH(int, max);
    QFETCH(int, weighted);
    QFETCH(bool, valid);
    QFETCH(QJsonValue, urls);
    const XLength r = XText::parse(text, max);
    QCOMPARE(r.weightedLength, weighted);
    QCOMPARE(r.valid, valid);
    QCOMPARE(r.maxLength, max);
    QCOMPARE(r.permillage, int(qint64(weighted) * 1000 / max));
    if (urls.isArray()) {
        QStringList found;
        for (const XUrl &u : r.urls)
            found << u.url;
        QStringList expected;
        for (const QJsonValue &u : urls.toArray())
            expected << u.toString();
        QCOMPARE(found, expected);
    }
}

void TestXText::urlSpans()
{
    // Where the URLs are, in UTF-16 units of the normalised text: what the composer underlines.
    const XLength r = XText::parse(QStringLiteral("Visit example.com today, or https://example.org/a_(b)."));
    QCOMPARE(r.urls.size(), 2);
    QCOMPARE(r.urls[0].span, (XSpan{6, 17}));
    QCOMPARE(r.urls[1].url, QStringLiteral("https://example.org/a_(b)"));
    QCOMPARE(r.urls[1].span, (XSpan{28, 53}));
    // An emoji right before a domain: the URL starts after the emoji's two units.
    const XLength e = XText::parse(QStringLiteral("😀example.com"));
    QCOMPARE(e.urls.size(), 1);
    QCOMPARE(e.urls[0].span, (XSpan{2, 13}));
    QCOMPARE(e.weightedLength, 25);
    // Emoji spans: a family is one span of 11 units.
    const XLength f = XText::parse(QStringLiteral("a👨‍👩‍👧‍👦b"));
    QCOMPARE(f.emoji, (QList<XSpan>{{1, 12}}));
}

void TestXText::validRangeEnd()
{
    // The last unit that still fits, inclusive, as the composer marks the overflow from the next.
    QCOMPARE(XText::parse(QString(281, u'x')).validRangeEnd, 279);
    QCOMPARE(XText::parse(QString(280, u'x')).validRangeEnd, 279);
    // 139 hiragana (278) then "abc": 'a' and 'b' fit, 'c' does not.
    QCOMPARE(XText::parse(QString(139, QChar(0x3042)) + QStringLiteral("abc")).validRangeEnd, 140);
    // A decomposed é before the overflow: the range is of the text as typed, one unit longer than
    // the normalised text's.
    const XLength d = XText::parse(QStringLiteral("e\u0301") + QString(280, u'x'));
    QCOMPARE(d.weightedLength, 281);
    QCOMPARE(d.validRangeEnd, 280);
}

void TestXText::invalidCharacter()
{
    const XLength r = XText::parse(QStringLiteral("hello\uFFFF"));
    QVERIFY(r.invalidCharacter);
    QVERIFY(!r.valid);
    QCOMPARE(r.weightedLength, 7);
    QVERIFY(!XText::parse(QStringLiteral("hello")).invalidCharacter);
}

void TestXText::normalisedTextIsWhatIsSent()
{
    const XLength r = XText::parse(QStringLiteral("Cafe\u0301"));
    QCOMPARE(r.normalized, QStringLiteral("Café"));
    QCOMPARE(r.normalized.size(), 4);
}

QTEST_GUILESS_MAIN(TestXText)
#include "tst_xtext.moc"
