// SPDX-License-Identifier: GPL-3.0-or-later
// A search result's widths as Google's results page draws them (issue 21): Arial's advance widths,
// measured with Qt's font metrics on Liberation Sans (metric-compatible with Arial: the same advance
// for every character), and a title cut with "…" where Google would cut it.
#include "seo/serpwidth.h"

#include <QGuiApplication>
#include <QTest>

using namespace lux::seo;

class TestSerpWidth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void arialMetrics_data();
    void arialMetrics();
    void titleCutWhereGoogleCutsIt();
    void findingsForALongTitle();
};

void TestSerpWidth::arialMetrics_data()
{
    // Arial's advance widths in font units (2048 to the em), from its hmtx table: i 455, m 1706,
    // W 1933, space 569, a 1139, every digit 1139.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("units");
    QTest::newRow("i") << QStringLiteral("iiii") << 4 * 455;
    QTest::newRow("m") << QStringLiteral("mm") << 2 * 1706;
    QTest::newRow("W") << QStringLiteral("W") << 1933;
    QTest::newRow("spaces") << QStringLiteral("a a") << 1139 + 569 + 1139;
    QTest::newRow("digits") << QStringLiteral("2026") << 4 * 1139;
}

void TestSerpWidth::arialMetrics()
{
    QFETCH(QString, text);
    QFETCH(int, units);
    QVERIFY2(!SerpWidth::family().isEmpty(), "neither Arial nor Liberation Sans is installed (fonts-liberation)");
    for (int px : {SerpWidth::kTitlePixelSize, SerpWidth::kDescriptionPixelSize}) {
        const double expected = units * px / 2048.0;
        const double measured = SerpWidth::width(text, px);
        // Qt keeps each advance in 1/64 px (FreeType's 26.6 fixed point): within that per character.
        QVERIFY2(qAbs(measured - expected) <= text.size() / 64.0 + 0.001, qPrintable(QStringLiteral("%1 px: %2 measured, %3 from Arial's metrics").arg(px).arg(measured).arg(expected)));
    }
}

void TestSerpWidth::titleCutWhereGoogleCutsIt()
{
    const QString title = QStringLiteral("Waxed canvas bags with brass buckles and leather straps, cut and sewn by hand in our workshop since 1998");
    const SerpLine line = SerpWidth::fit(title, SerpWidth::kTitlePixelSize, 600);
    QVERIFY(line.truncated);
    QVERIFY(line.width > 600);
    QVERIFY(line.shown.endsWith(QStringLiteral(" …")));
    QVERIFY(SerpWidth::width(line.shown, SerpWidth::kTitlePixelSize) <= 600);
    QVERIFY(title.startsWith(line.shown.chopped(2))); // a start of the title, cut at a word
    QVERIFY(title.at(line.shown.size() - 2) == u' ');
    const SerpLine shortOne = SerpWidth::fit(QStringLiteral("Waxed canvas bags"), SerpWidth::kTitlePixelSize, 600);
    QVERIFY(!shortOne.truncated);
    QCOMPARE(shortOne.shown, QStringLiteral("Waxed canvas bags"));
}

void TestSerpWidth::findingsForALongTitle()
{
    ServedPage served;
    served.url = QUrl(QStringLiteral("https://shop.example/"));
    served.body = "<html><head><title>Waxed canvas bags with brass buckles and leather straps, cut and sewn by hand since 1998</title>"
                  "<meta name=description content=\"Bags made to last.\"></head></html>";
    const Page page = *Page::parse(served);
    const QList<Finding> wide = SerpWidth::findings(page, 600, 920);
    QCOMPARE(wide.size(), 1);
    QCOMPARE(wide.first().check, QStringLiteral("title-width"));
    QVERIFY(wide.first().message.contains(QStringLiteral("results show 600 px")));
    QVERIFY(SerpWidth::findings(page, 2000, 920).isEmpty()); // a wider limit (the setting) takes it whole
}

QTEST_MAIN(TestSerpWidth)
#include "tst_serpwidth.moc"
