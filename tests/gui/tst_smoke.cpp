// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the real lux-marketing binary offscreen on a fresh database.
#include "testsupport.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace lux;

class TestSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsPaintsAndSavesAScreenshot();
    void reportsFirstPaint();
    void helpAndVersion();
};

namespace {
QProcessEnvironment isolatedEnvironment(const test::TestEnvironment &env)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), env.path(QStringLiteral("config")));
    e.insert(QStringLiteral("XDG_DATA_HOME"), env.path(QStringLiteral("data")));
    return e;
}
} // namespace

void TestSmoke::startsPaintsAndSavesAScreenshot()
{
    test::TestEnvironment env;
    const QString shot = env.path(QStringLiteral("shot.png"));
    QProcess app;
    app.setProcessEnvironment(isolatedEnvironment(env));
    app.start(QStringLiteral(LUX_MARKETING_PATH),
              {QStringLiteral("--db"), env.path(QStringLiteral("smoke.sqlite")), QStringLiteral("--screenshot"), shot});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 860 && image.height() >= 560);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, "the window looks blank");
    QVERIFY(QFile::exists(env.path(QStringLiteral("smoke.sqlite"))));
}

void TestSmoke::reportsFirstPaint()
{
    test::TestEnvironment env;
    QProcess app;
    app.setProcessEnvironment(isolatedEnvironment(env));
    app.start(QStringLiteral(LUX_MARKETING_PATH),
              {QStringLiteral("--db"), env.path(QStringLiteral("paint.sqlite")), QStringLiteral("--exit-after-first-paint")});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 0);
    const QByteArray out = app.readAllStandardOutput();
    QVERIFY2(out.startsWith("first-paint-ms "), out.constData());
    QVERIFY(out.mid(15).trimmed().toInt() > 0);
}

void TestSmoke::helpAndVersion()
{
    QProcess app;
    app.start(QStringLiteral(LUX_MARKETING_PATH), {QStringLiteral("--version")});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(app.readAllStandardOutput().contains(LUX_VERSION));
}

LUX_TEST_MAIN(TestSmoke, QCoreApplication)
#include "tst_smoke.moc"
