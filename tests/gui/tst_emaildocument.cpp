// SPDX-License-Identifier: GPL-3.0-or-later
// The litehtml preview: presentational attributes email HTML relies on take effect, backgrounds and
// images paint, links are found under the pointer and never followed, remote images stay blocked.
#include "preview/emaildocument.h"
#include "testsupport.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QTest>

using namespace lux::preview;

class TestEmailDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellpaddingAndBgcolorTakeEffect();
    void widthAndAlignOnTables();
    void imagesFromDataAndCidNotFromTheNetwork();
    void linksAreFoundNotFollowed();
    void cssFromAttributesCannotInject();

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
    const auto padded = EmailDocument::layout(QStringLiteral("<body style=\"margin:0\"><table cellpadding=\"30\" cellspacing=\"0\" "
                                                             "bgcolor=\"#ff0000\"><tr><td>x</td></tr></table></body>"),
                                              at(300));
    const auto tight = EmailDocument::layout(QStringLiteral("<body style=\"margin:0\"><table cellpadding=\"0\" cellspacing=\"0\" "
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
    const auto doc = EmailDocument::layout(QStringLiteral("<body style=\"margin:0\"><table width=\"200\" align=\"center\" cellspacing=\"0\" "
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
    const auto doc = EmailDocument::layout(
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
    const auto doc = EmailDocument::layout(QStringLiteral("<body style=\"margin:0;font-size:20px\"><p style=\"margin:0\">Read "
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

LUX_TEST_MAIN(TestEmailDocument, QGuiApplication)
#include "tst_emaildocument.moc"
