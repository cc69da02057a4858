// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "theme/theme.h"

#include <QApplication>
#include <QDirIterator>
#include <QPalette>
#include <QTest>

using namespace lux;

class TestTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void darkIsTheDefaultLook();
    void lightSwitchesPalette();
    void iconsRenderAtEveryScale();
    void everyIconIsALineIcon();
    void iconsFollowTheThemeSwitch();
};

void TestTheme::darkIsTheDefaultLook()
{
    ui::Theme::apply(QStringLiteral("dark"));
    QCOMPARE(ui::Theme::current(), ui::Theme::Kind::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 60);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    QVERIFY(qApp->styleSheet().contains(QStringLiteral("QListWidget#sidebar")));
}

void TestTheme::lightSwitchesPalette()
{
    ui::Theme::apply(QStringLiteral("light"));
    QCOMPARE(ui::Theme::current(), ui::Theme::Kind::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);
    ui::Theme::apply(QStringLiteral("dark"));
}

void TestTheme::iconsRenderAtEveryScale()
{
    ui::Theme::apply(QStringLiteral("dark"));
    const QIcon icon = ui::Theme::icon(QStringLiteral("database"));
    QVERIFY(!icon.isNull());
    for (const qreal dpr : {1.0, 1.5, 2.0, 3.0}) {
        const QPixmap pm = icon.pixmap(QSize(24, 24), dpr);
        QCOMPARE(pm.devicePixelRatio(), dpr);
        QCOMPARE(pm.size(), QSize(qRound(24 * dpr), qRound(24 * dpr)));
        // Drawn in the theme's text colour, on transparency.
        const QImage img = pm.toImage();
        int inked = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                if (qAlpha(img.pixel(x, y)) > 128)
                    ++inked;
        QVERIFY2(inked > img.width(), "the icon drew nothing");
        QVERIFY(qAlpha(img.pixel(0, 0)) == 0);
    }
    QVERIFY(ui::Theme::icon(QStringLiteral("no-such-icon")).isNull());
}

void TestTheme::everyIconIsALineIcon()
{
    QDirIterator it(QStringLiteral(LUX_SOURCE_DIR "/resources/icons"), {QStringLiteral("*.svg")});
    int count = 0;
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(QStringLiteral(LUX_APP_ID ".svg")))
            continue;
        const QByteArray svg = test::readAll(file);
        QVERIFY2(svg.contains("stroke=\"currentColor\""), qPrintable(file));
        QVERIFY2(svg.contains("viewBox=\"0 0 24 24\""), qPrintable(file));
        QVERIFY2(!ui::Theme::icon(QFileInfo(file).baseName()).isNull(), qPrintable(file));
        ++count;
    }
    QVERIFY(count >= 20);
}

namespace {
int inkLightness(const QIcon &icon)
{
    const QImage img = icon.pixmap(QSize(24, 24), 1.0).toImage();
    int best = -1;
    for (int y = 0; y < img.height() && best < 0; ++y)
        for (int x = 0; x < img.width(); ++x)
            if (qAlpha(img.pixel(x, y)) == 255) {
                best = QColor(img.pixel(x, y)).lightness();
                break;
            }
    return best;
}
} // namespace

void TestTheme::iconsFollowTheThemeSwitch()
{
    ui::Theme::apply(QStringLiteral("dark"));
    const QIcon icon = ui::Theme::icon(QStringLiteral("users")); // made once, in the dark theme
    QVERIFY(inkLightness(icon) > 180);                          // light strokes on dark
    ui::Theme::apply(QStringLiteral("light"));
    QVERIFY(inkLightness(icon) < 80);                           // the same icon, now dark strokes
    ui::Theme::apply(QStringLiteral("dark"));
}

LUX_TEST_MAIN(TestTheme, QApplication)
#include "tst_theme.moc"
