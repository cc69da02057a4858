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

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <thread>

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

// A 40 x 40 PNG of one colour.
bool saveSquare(const QString &path, Qt::GlobalColor color)
{
    QImage square(40, 40, QImage::Format_RGB32);
    square.fill(color);
    return square.save(path);
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
    void layoutRefusesHtmlOverTheLimits();
    void deepNestingUnderTheLimitLaysOut_data();
    void deepNestingUnderTheLimitLaysOut();
    void localImagesOnlyFromTheFolders();
    void aLinkSwappedInAfterTheCheckCannotLeadOut();
    void imagesOverTheLimitsAreNotDecoded();
    void pictureStopsAtItsHeightLimit();

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

void TestEmailDocument::layoutRefusesHtmlOverTheLimits()
{
    PreviewOptions options = at(600);
    options.documentName = QStringLiteral("deep.html");
    // The return type is named: with QT_USE_QSTRINGBUILDER an auto one is a QStringBuilder that refers
    // to the temporaries of the return statement, freed when the lambda returns.
    const auto nested = [](int depth) -> QString { return QStringLiteral("<div>").repeated(depth) + QStringLiteral("x"); };
    const auto deep = EmailDocument::layout(nested(lux::HtmlLimits::kMaxDepth + 1), options);
    QVERIFY(!deep.ok());
    QCOMPARE(deep.error().code, QString(lux::errc::htmlTooDeep));
    QVERIFY2(deep.error().message.contains(QStringLiteral("deep.html")), qPrintable(deep.error().message));
    const auto large = EmailDocument::layout(QString(lux::HtmlLimits::kMaxChars + 1, u'a'), options);
    QVERIFY(!large.ok());
    QCOMPARE(large.error().code, QString(lux::errc::htmlTooLarge));
}

void TestEmailDocument::deepNestingUnderTheLimitLaysOut_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QRgb>("color"); // the innermost element's background, painted
    constexpr int deepest = lux::HtmlLimits::kMaxDepth;
    const auto nested = [](const char *open, const char *close, int depth, const char *inner) -> QString {
        return QString::fromLatin1(open).repeated(depth) + QString::fromLatin1(inner) + QString::fromLatin1(close).repeated(depth);
    };
    const char *green = "<div style=\"background:#00ff00;height:20px\">deep</div>";
    QTest::newRow("512 divs") << nested("<div>", "</div>", deepest - 1, green) << qRgb(0, 255, 0);
    QTest::newRow("512 spans") << nested("<span>", "</span>", deepest - 1, "<span style=\"background:#0000ff\">deep</span>")
                               << qRgb(0, 0, 255);
    // The limit counts a table, its row and its cell (the parser adds a tbody, which litehtml lays out
    // too). The cells' memory keeps this in the milliseconds (with a cap of 8 widths a cell, 100 tables
    // nested without widths took 50 s).
    const char *innermostTable = "<table bgcolor=\"#ff0000\"><tr><td><div><div>deep</div></div></td></tr></table>";
    QTest::newRow("170 tables without widths") << nested("<table><tr><td>", "</td></tr></table>", deepest / 3 - 1, innermostTable)
                                               << qRgb(255, 0, 0);
    QTest::newRow("170 tables with widths")
        << nested("<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\">", "</td></tr></table>",
                  deepest / 3 - 1, innermostTable)
        << qRgb(255, 0, 0);
}

void TestEmailDocument::deepNestingUnderTheLimitLaysOut()
{
    // Nesting as deep as lux::HtmlLimits lets through is laid out and painted in this process (the
    // refusal one deeper is layoutRefusesHtmlOverTheLimits).
    QFETCH(QString, html);
    QFETCH(QRgb, color);
    QCOMPARE(lux::HtmlLimits::measure(html).deepest, lux::HtmlLimits::kMaxDepth);
    PreviewOptions options = at(600);
    options.documentName = QStringLiteral("deep.html");
    const auto doc = EmailDocument::layout(html, options);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QVERIFY((*doc)->height() >= 16);
    QVERIFY((*doc)->problems().isEmpty());
    const QImage image = (*doc)->toImage().convertToFormat(QImage::Format_RGB32);
    bool painted = false;
    for (int y = 0; y < image.height() && !painted; ++y)
        for (int x = 0; x < image.width() && !painted; ++x)
            painted = image.pixel(x, y) == color;
    QVERIFY2(painted, "the innermost element is not painted");
}

void TestEmailDocument::localImagesOnlyFromTheFolders()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("mail")) && QDir(dir.path()).mkpath(QStringLiteral("elsewhere")));
    QVERIFY(saveSquare(dir.filePath(QStringLiteral("mail/red.png")), Qt::red));
    QVERIFY(saveSquare(dir.filePath(QStringLiteral("elsewhere/secret.png")), Qt::red));
    // Links inside the folder: to a file beside them (shown) and to one outside (refused).
    QVERIFY(QFile::link(QStringLiteral("red.png"), dir.filePath(QStringLiteral("mail/alias.png"))));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere/secret.png")), dir.filePath(QStringLiteral("mail/link.png"))));
    const QString html = QStringLiteral("<body style=\"margin:0\"><img src=\"red.png\" width=\"40\" height=\"40\" style=\"display:block\">"
                                        "<img src=\"../elsewhere/secret.png\" width=\"40\" height=\"40\" alt=\"Secret\" style=\"display:block\">"
                                        "<img src=\"link.png\" width=\"40\" height=\"40\" alt=\"Link\" style=\"display:block\">"
                                        "<img src=\"alias.png\" width=\"40\" height=\"40\" style=\"display:block\">"
                                        "</body>");
    PreviewOptions options = at(300);
    options.baseDirectory = dir.filePath(QStringLiteral("mail"));
    options.images.folders = {options.baseDirectory};
    {
        const auto doc = laidOut(html, options);
        const QImage image = doc->toImage();
        QCOMPARE(image.pixelColor(20, 20), QColor(Qt::red)); // from the folder
        QVERIFY(image.pixelColor(20, 60) != QColor(Qt::red)); // from outside it: a placeholder
        QVERIFY(image.pixelColor(20, 100) != QColor(Qt::red)); // a link out of it: a placeholder
        QCOMPARE(image.pixelColor(20, 140), QColor(Qt::red)); // a link within it
        QCOMPARE(doc->problems().size(), 2);
        for (const lux::Error &problem : doc->problems()) {
            QCOMPARE(problem.code, QString(lux::errc::previewImageOutside));
            QVERIFY2(problem.message.contains(QStringLiteral("elsewhere/secret.png")), qPrintable(problem.message));
        }
    }
    options.images.anyLocalFile = true; // the person allowed it
    {
        const auto doc = laidOut(html, options);
        QCOMPARE(doc->toImage().pixelColor(20, 60), QColor(Qt::red));
        QCOMPARE(doc->toImage().pixelColor(20, 100), QColor(Qt::red));
        QVERIFY(doc->problems().isEmpty());
    }
    options.images = {}; // no folder at all: not even the template's own
    const auto none = laidOut(html, options);
    QCOMPARE(none->problems().size(), 4);
    QVERIFY(none->toImage().pixelColor(20, 20) != QColor(Qt::red));
}

void TestEmailDocument::aLinkSwappedInAfterTheCheckCannotLeadOut()
{
    // The preview checks an image's path, then opens it. A thread exchanges mail/pics, a folder with a
    // blue img.png, and a link to ../elsewhere, where img.png is red, as fast as it can while the
    // preview lays out pics/img.png again and again; whenever the exchange falls between the check and
    // the open, the file opened is outside, and the check of what was opened refuses it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("mail/pics")) && QDir(dir.path()).mkpath(QStringLiteral("elsewhere")));
    QVERIFY(saveSquare(dir.filePath(QStringLiteral("mail/pics/img.png")), Qt::blue));
    QVERIFY(saveSquare(dir.filePath(QStringLiteral("elsewhere/img.png")), Qt::red));
    QVERIFY(QFile::link(QStringLiteral("../elsewhere"), dir.filePath(QStringLiteral("mail/swap"))));
    const QByteArray pics = QFile::encodeName(dir.filePath(QStringLiteral("mail/pics")));
    const QByteArray swap = QFile::encodeName(dir.filePath(QStringLiteral("mail/swap")));

    PreviewOptions options = at(100);
    options.baseDirectory = dir.filePath(QStringLiteral("mail"));
    options.images.folders = {options.baseDirectory};
    const QString html = QStringLiteral("<body style=\"margin:0\"><img src=\"pics/img.png\" width=\"40\" height=\"40\" "
                                        "style=\"display:block\"></body>");
    std::atomic<bool> stop = false;
    std::atomic<int> exchanges = 0;
    std::thread swapper([&] {
        while (!stop.load())
            if (::renameat2(AT_FDCWD, pics.constData(), AT_FDCWD, swap.constData(), RENAME_EXCHANGE) == 0)
                ++exchanges;
    });
    while (exchanges.load() == 0)
        std::this_thread::yield();
    constexpr int kLayouts = 300;
    int red = 0, blue = 0, refused = 0, other = 0;
    for (int i = 0; i < kLayouts; ++i) {
        const auto doc = laidOut(html, options);
        const QColor shown = doc->toImage().pixelColor(20, 20);
        red += shown == QColor(Qt::red);
        blue += shown == QColor(Qt::blue);
        const bool outside = doc->problems().size() == 1 && doc->problems().first().code == QString(lux::errc::previewImageOutside);
        refused += outside;
        other += shown != QColor(Qt::blue) && !outside; // neither shown nor refused as outside
    }
    stop = true;
    swapper.join();
    qInfo("%d exchanges: shown %d, refused %d, red %d", exchanges.load(), blue, refused, red);
    QCOMPARE(red, 0);
    QCOMPARE(other, 0);
    QCOMPARE(blue + refused, kLayouts);
}

void TestEmailDocument::imagesOverTheLimitsAreNotDecoded()
{
    // A header that declares 20,000 x 20,000 pixels (1.6 GB decoded) over a few bytes of data.
    PreviewOptions options = at(300);
    options.inlineImages.insert(QStringLiteral("huge@lux"), QByteArray("P6\n20000 20000\n255\n") + QByteArray(300, '\x7f'));
    const auto doc = laidOut(QStringLiteral("<body style=\"margin:0\"><img src=\"cid:huge@lux\" alt=\"Big picture\"></body>"), options);
    QCOMPARE(doc->problems().size(), 1);
    QCOMPARE(doc->problems().first().code, QString(lux::errc::previewImageTooLarge));
    QVERIFY2(doc->problems().first().message.contains(QStringLiteral("20000 × 20000")), qPrintable(doc->problems().first().message));
    QVERIFY(doc->height() > 0 && doc->height() < 100); // the alt text's box, not the declared size
}

void TestEmailDocument::pictureStopsAtItsHeightLimit()
{
    const auto doc = laidOut(QStringLiteral("<body style=\"margin:0\"><div style=\"height:100000px;background:#00ff00\"></div></body>"), at(300));
    QCOMPARE(doc->height(), 100000);
    QCOMPARE(doc->problems().size(), 1);
    QCOMPARE(doc->problems().first().code, QString(lux::errc::previewCut));
    const QImage image = doc->toImage();
    QCOMPARE(image.size(), QSize(300, PreviewLimits::kMaxPaintHeight));
    QCOMPARE(image.pixelColor(150, 100), QColor(0, 255, 0));
    QCOMPARE(image.pixelColor(5, image.height() - 10), QColor(0xfe, 0xf3, 0xc7)); // the band that says so
}

LUX_TEST_MAIN(TestEmailDocument, QGuiApplication)
#include "tst_emaildocument.moc"
