// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "common/translations.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace lux;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spanishIsEmbeddedAndLoads();
    void spanishCoversEveryString();
    void placeholdersSurviveTranslation();
    void spanishReachesTheWindow();
    void countsHavePluralFormsInAnyLocale();
};

void TestTranslations::spanishIsEmbeddedAndLoads()
{
    QTranslator es;
    QVERIFY(es.load(QStringLiteral(LUX_QM_DIR "/lux_es.qm")));
    QCOMPARE(es.translate("lux::ui::SignInPage", "Sign in"), QStringLiteral("Iniciar sesión"));
    QCOMPARE(es.translate("lux::ui::MainWindow", "&File"), QStringLiteral("&Archivo"));
    QCOMPARE(es.translate("lux::ui::DashboardPage", "Dashboard"), QStringLiteral("Panel"));
    QVERIFY(!es.translate("lux::Database", "There is no database at %1.").isEmpty());
}

void TestTranslations::spanishCoversEveryString()
{
    // Run lupdate over the sources into a copy of the .ts file: any new or changed tr() string shows
    // up as unfinished.
    test::TestEnvironment env;
    const QString ts = env.path(QStringLiteral("lux_es.ts"));
    QVERIFY(QFile::copy(QStringLiteral(LUX_SOURCE_DIR "/translations/lux_es.ts"), ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(LUX_SOURCE_DIR));
    lupdate.start(QStringLiteral(LUPDATE_PATH), {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                                  QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("cli"),
                                                  QStringLiteral("-ts"), ts});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    const QString content = QString::fromUtf8(test::readAll(ts));
    static const QRegularExpression unfinished(
        QStringLiteral(R"(<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?<translation type="unfinished">)"));
    QStringList missing;
    for (auto it = unfinished.globalMatch(content); it.hasNext();)
        missing << it.next().captured(1);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + missing.join(QStringLiteral(" | "))));
    QVERIFY(content.count(QStringLiteral("<message")) > 100);
}

void TestTranslations::placeholdersSurviveTranslation()
{
    const QString content = QString::fromUtf8(test::readAll(QStringLiteral(LUX_SOURCE_DIR "/translations/lux_es.ts")));
    static const QRegularExpression message(
        QStringLiteral(R"(<source>(.*?)</source>.*?<translation>(.*?)</translation>)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression placeholder(QStringLiteral(R"(%(\d|n))"));
    int checked = 0;
    for (auto it = message.globalMatch(content); it.hasNext();) {
        const auto m = it.next();
        QSet<QString> source, translation;
        for (auto p = placeholder.globalMatch(m.captured(1)); p.hasNext();)
            source.insert(p.next().captured(0));
        for (auto p = placeholder.globalMatch(m.captured(2)); p.hasNext();)
            translation.insert(p.next().captured(0));
        if (m.captured(2).contains(QStringLiteral("<numerusform>")))
            continue;
        QVERIFY2(source == translation, qPrintable(m.captured(1)));
        ++checked;
    }
    QVERIFY(checked > 50);
}

void TestTranslations::spanishReachesTheWindow()
{
    test::TestEnvironment env;
    QTranslator es;
    QVERIFY(es.load(QStringLiteral(LUX_QM_DIR "/lux_es.qm")));
    QCoreApplication::installTranslator(&es);
    {
        Settings settings(env.path(QStringLiteral("es.ini")));
        ui::AppSession session(settings);
        ui::MainWindow window(session);
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Archivo"), QStringLiteral("&Editar"), QStringLiteral("&Ver"), QStringLiteral("A&yuda")}));
        QCOMPARE(window.windowTitle(), QStringLiteral("LUX Marketing"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusDatabase"))->text() == QStringLiteral("Sin base de datos"));
    }
    QCoreApplication::removeTranslator(&es);
}

void TestTranslations::countsHavePluralFormsInAnyLocale()
{
    // German (no file of its own) and the C locale of a bare session get English's plural forms.
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("C")}) {
        installTranslations(language);
        QCOMPARE(QCoreApplication::translate("lux::ui::CampaignsPage", "%n campaign(s)", nullptr, 0), QStringLiteral("0 campaigns"));
        QCOMPARE(QCoreApplication::translate("lux::ui::CampaignsPage", "%n campaign(s)", nullptr, 1), QStringLiteral("1 campaign"));
        QCOMPARE(QCoreApplication::translate("lux::ui::CampaignsPage", "%n campaign(s)", nullptr, 2), QStringLiteral("2 campaigns"));
    }
    installTranslations(QStringLiteral("es"));
    QCOMPARE(QCoreApplication::translate("lux::ui::CampaignsPage", "%n campaign(s)", nullptr, 1), QStringLiteral("1 campaña"));
}

LUX_TEST_MAIN(TestTranslations, QApplication)
#include "tst_translations.moc"
