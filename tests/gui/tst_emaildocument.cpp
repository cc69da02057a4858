// SPDX-License-Identifier: GPL-3.0-or-later
// The litehtml preview: presentational attributes email HTML relies on take effect, backgrounds and
// images paint, links are found under the pointer and never followed, remote images stay blocked;
// HTML over the limits is refused before it is parsed, local images come from the allowed folders
// only, images over the limits are not decoded, and the picture stops at its height limit.
#include "common/errorcodes.h"
#include "common/htmllimits.h"
#include "emaildocument.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QTest>

using namespace lux::preview;

namespace {
// layout() fails only on HTML over lux::HtmlLimits, which no case here is; a failure ends the test.
std::unique_ptr<EmailDocument> laidOut(const QString &html, const PreviewOptions &options)
{
    auto doc = EmailDocument::layout(html, options);
    if (!doc)
        qFatal("layout failed: %s", qPrintable(doc.error().message));
    return std::move(*doc);
}
} // namespace

class TestEmailDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellpaddingAndBgcolorTakeEffect();
    void widthAndAlignOnTables();
    void imagesFromDataAndCidNotFromTheNetwork();
    void linksAreFoundNotFollowed();
    void cssFromAttributesCannotInject();
    void authorCssOverridesAttributes();
    void nestedPercentTablesKeepTheContainerWidth();
    void cellsWithoutWidthsShareTheRow();
    void pixelCellWidthsExcludePadding();
    void consecutiveLineBreaksMakeEmptyLines();
    void inlineBlockColumnsIgnoreSpacesAtFontSizeZero();
    void fontStacksResolveLikeABrowser();

private:
    static PreviewOptions at(int width)
    {
        PreviewOptions o;
        o.width = width;
        return o;
    }
};

void TestEmailDocument::cellpaddingAndBgcolorTakeEffect()
{
    const auto padded = laidOut(QStringLiteral("<body style=\"margin:0\"><table cellpadding=\"30\" cellspacing=\"0\" "
                                                             "bgcolor=\"#ff0000\"><tr><td>x</td></tr></table></body>"),
                                              at(300));
    const auto tight = laidOut(QStringLiteral("<body style=\"margin:0\"><table cellpadding=\"0\" cellspacing=\"0\" "
                                                            "bgcolor=\"#ff0000\"><tr><td>x</td></tr></table></body>"),
                                             at(300));
    QVERIFY2(qAbs(padded->height() - tight->height() - 60) <= 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(padded->height()).arg(tight->height())));
    const QImage image = padded->toImage();
    QCOMPARE(image.pixelColor(5, 5), QColor(255, 0, 0)); // inside the padding: the table's bgcolor
    QCOMPARE(image.pixelColor(295, 5), QColor(Qt::white)); // beyond the table: the canvas
}

void TestEmailDocument::widthAndAlignOnTables()
{
    const auto doc = laidOut(QStringLiteral("<body style=\"margin:0\"><table width=\"200\" align=\"center\" cellspacing=\"0\" "
                                                          "bgcolor=\"#00ff00\"><tr><td height=\"40\">&nbsp;</td></tr></table></body>"),
                                           at(600));
    const QImage image = doc->toImage();
    QCOMPARE(image.pixelColor(300, 20), QColor(0, 255, 0)); // centred: the middle is green
    QCOMPARE(image.pixelColor(150, 20), QColor(Qt::white)); // 200 wide: the sides are not
    QCOMPARE(image.pixelColor(450, 20), QColor(Qt::white));
    QVERIFY(doc->height() >= 40);
}

void TestEmailDocument::imagesFromDataAndCidNotFromTheNetwork()
{
    QImage blue(4, 4, QImage::Format_RGB32);
    blue.fill(QColor(0, 0, 255));
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly) && blue.save(&buffer, "PNG"));
    PreviewOptions options = at(300);
    options.inlineImages.insert(QStringLiteral("logo@lux"), png);
    const auto doc = laidOut(
        QStringLiteral("<body style=\"margin:0\"><img src=\"data:image/png;base64,%1\" width=\"40\" height=\"40\">"
                       "<img src=\"cid:logo@lux\" width=\"40\" height=\"40\">"
                       "<img src=\"https://tracker.example/open.gif\" width=\"1\" height=\"1\" alt=\"\"></body>")
            .arg(QString::fromLatin1(png.toBase64())),
        options);
    const QImage image = doc->toImage();
    QCOMPARE(image.pixelColor(20, 20), QColor(0, 0, 255));
    QCOMPARE(image.pixelColor(60, 20), QColor(0, 0, 255));
    QCOMPARE(doc->blockedImages(), QSet<QString>{QStringLiteral("https://tracker.example/open.gif")});
}

void TestEmailDocument::linksAreFoundNotFollowed()
{
    const auto doc = laidOut(QStringLiteral("<body style=\"margin:0;font-size:20px\"><p style=\"margin:0\">Read "
                                                          "<a href=\"https://acme.example/more\"><b>more here</b></a></p></body>"),
                                           at(400));
    QString found;
    for (int x = 0; x < 300 && found.isEmpty(); x += 4)
        found = doc->linkAt(QPoint(x, 10));
    QCOMPARE(found, QStringLiteral("https://acme.example/more"));
    QCOMPARE(doc->linkAt(QPoint(5, 10)), QString()); // over "Read"
}

void TestEmailDocument::cssFromAttributesCannotInject()
{
    const QString css = EmailDocument::presentationalCss(
        QStringLiteral("<table cellpadding=\"10;} body{display:none\" bgcolor=\"red;}*{x:y\" width=\"50%\">"));
    QVERIFY(css.contains(QStringLiteral("{ padding: 10px; }")));
    QVERIFY(css.contains(QStringLiteral("[bgcolor=\"red\"] { background-color: red; }")));
    QVERIFY(!css.contains(QStringLiteral("display:none")));
    QVERIFY(!css.contains(QStringLiteral("x:y")));
    QVERIFY(css.contains(QStringLiteral("{ width: 50%; }")));
}

void TestEmailDocument::authorCssOverridesAttributes()
{
    // A browser gives cellpadding no specificity: the email's own `.agenda td` rule wins over it.
    const auto doc = laidOut(
        QStringLiteral("<html><head><style>.agenda td { padding: 20px; }</style></head><body style=\"margin:0\">"
                       "<table class=\"agenda\" cellpadding=\"0\" cellspacing=\"0\"><tr><td>x</td></tr></table></body></html>"),
        at(300));
    const auto tight = laidOut(QStringLiteral("<body style=\"margin:0\"><table cellpadding=\"0\" cellspacing=\"0\">"
                                                            "<tr><td>x</td></tr></table></body>"),
                                             at(300));
    QVERIFY2(qAbs(doc->height() - tight->height() - 40) <= 2, qPrintable(QStringLiteral("%1 vs %2").arg(doc->height()).arg(tight->height())));
}

void TestEmailDocument::nestedPercentTablesKeepTheContainerWidth()
{
    // The usual layout: a 600 px table holding a 100 % table with 50 % columns of long text. litehtml
    // 0.6 alone lays this out over 1,000 px wide.
    const QString para = QStringLiteral("<p>Two or three sentences that make someone want to read on, with words enough to wrap.</p>");
    const auto doc = laidOut(
        QStringLiteral("<body style=\"margin:0\"><table width=\"600\" cellpadding=\"0\" cellspacing=\"0\"><tr><td style=\"padding:0 32px\">"
                       "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td width=\"50%\" bgcolor=\"#ff0000\">%1</td>"
                       "<td width=\"50%\" bgcolor=\"#0000ff\">%1</td></tr></table></td></tr></table></body>")
            .arg(para),
        at(600));
    QCOMPARE(doc->width(), 600);
    const QImage image = doc->toImage();
    QCOMPARE(image.pixelColor(40, 30), QColor(255, 0, 0));
    QCOMPARE(image.pixelColor(290, 30), QColor(255, 0, 0)); // each column is (600 - 64) / 2 = 268 wide
    QCOMPARE(image.pixelColor(310, 30), QColor(0, 0, 255));
    QCOMPARE(image.pixelColor(564, 30), QColor(0, 0, 255));
    QCOMPARE(image.pixelColor(570, 30), QColor(Qt::white)); // the right padding
}

void TestEmailDocument::cellsWithoutWidthsShareTheRow()
{
    const QString text = QStringLiteral("Long enough text to need more than half of the row when it is set on one line.");
    const auto doc = laidOut(QStringLiteral("<body style=\"margin:0\"><table width=\"600\" cellpadding=\"0\" cellspacing=\"0\"><tr><td>"
                                                          "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td>%1</td><td>%1</td>"
                                                          "</tr></table></td></tr></table></body>")
                                               .arg(text),
                                           at(600));
    QCOMPARE(doc->width(), 600);
    QVERIFY2(doc->height() > 30, "the text wraps inside its half of the row");
}

void TestEmailDocument::pixelCellWidthsExcludePadding()
{
    // width="112" is the content box, as in a browser: the padding comes on top.
    const auto doc = laidOut(
        QStringLiteral("<body style=\"margin:0\"><table width=\"400\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
                       "<td width=\"112\" style=\"padding:0 16px 0 0\"><div style=\"width:100%;height:10px;background:#00ff00\"></div></td>"
                       "<td>text</td></tr></table></body>"),
        at(400));
    const QImage image = doc->toImage();
    QCOMPARE(image.pixelColor(110, 5), QColor(0, 255, 0));
    QCOMPARE(image.pixelColor(114, 5), QColor(Qt::white));
}

void TestEmailDocument::consecutiveLineBreaksMakeEmptyLines()
{
    const auto height = [this](const QString &body) {
        return laidOut(QStringLiteral("<body style=\"margin:0;font:16px/20px Arial\">%1</body>").arg(body), at(300))->height();
    };
    QCOMPARE(height(QStringLiteral("<div>one<br>two</div>")), 40);
    QCOMPARE(height(QStringLiteral("<div>one<br><br>two</div>")), 60);
    QCOMPARE(height(QStringLiteral("<div>one<br><br><br>two</div>")), 80);
    QCOMPARE(height(QStringLiteral("<div><div>block</div><br>two</div>")), 60);
}

void TestEmailDocument::inlineBlockColumnsIgnoreSpacesAtFontSizeZero()
{
    // Three 200 px columns in 600 px fit on one line only when the spaces between them take no room.
    const QString column = QStringLiteral("<div style=\"display:inline-block;width:200px;height:30px;background:#ff0000\"></div>\n");
    const auto doc = laidOut(QStringLiteral("<body style=\"margin:0\"><table width=\"600\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
                                                          "<td style=\"font-size:0\">\n%1%1%1</td></tr></table></body>")
                                               .arg(column),
                                           at(600));
    QCOMPARE(doc->height(), 30);
}

void TestEmailDocument::fontStacksResolveLikeABrowser()
{
    // An uninstalled family is skipped; Arial becomes its metric twin where only that is installed.
    const auto wide = laidOut(QStringLiteral("<body style=\"margin:0\"><span style=\"font:16px 'No Such Font', Arial\">"
                                                           "Hamburgefonstiv Hamburgefonstiv</span></body>"),
                                            at(600));
    const auto arial = laidOut(QStringLiteral("<body style=\"margin:0\"><span style=\"font:16px Arial\">"
                                                            "Hamburgefonstiv Hamburgefonstiv</span></body>"),
                                             at(600));
    QCOMPARE(wide->toImage(), arial->toImage());
}

LUX_TEST_MAIN(TestEmailDocument, QGuiApplication)
#include "tst_emaildocument.moc"
