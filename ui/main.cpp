// SPDX-License-Identifier: GPL-3.0-or-later
// lux-marketing: the desktop app. Everything it does lives in luxcore and luxui; this file starts it.
#include "common/appidentity.h"
#include "common/translations.h"
#include "database/databaseactions.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "shell/mainwindow.h"
#include "theme/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

using namespace lux;

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    initApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("LUX Marketing"));
    QGuiApplication::setDesktopFileName(QStringLiteral(LUX_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LUX Marketing"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("main", "Database file (default: $LUX_DB, else %1).")
                                          .arg(Database::defaultPath()),
                                      QStringLiteral("PATH"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the window to FILE once it is shown, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption firstPaintOption(
        QStringLiteral("exit-after-first-paint"),
        QCoreApplication::translate("main", "Print the start-up time once the window is painted, then quit."));
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.addOption(firstPaintOption);
    parser.process(app);

    Settings settings;
    installTranslations(settings.language());
    ui::Theme::apply(settings.theme());

    ui::AppSession session(settings);
    ui::MainWindow window(session);
    // With a tray icon the window may hide while campaigns send; the app ends when Quit is chosen
    // (or the window closes with nothing to send), not when its last window hides.
    if (window.trayIcon())
        app.setQuitOnLastWindowClosed(false);

    if (parser.isSet(firstPaintOption)) {
        QObject::connect(&window, &ui::MainWindow::firstPainted, &app, [&] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QObject::connect(&window, &ui::MainWindow::firstPainted, &app, [&window, file] {
            // Let the pages finish laying out before the picture.
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                if (!saved)
                    std::fprintf(stderr, "lux-marketing: could not save %s\n", qPrintable(file));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        });
    }

    // When the database is in use by another instance, the user may choose to quit instead.
    bool quitChosen = false;
    QObject::connect(&window.databaseActions(), &ui::DatabaseActions::quitRequested, &app, [&] { quitChosen = true; });
    window.databaseActions().openPath(Database::resolvePath(parser.value(dbOption)), true);
    if (quitChosen)
        return 0;
    window.show();
    return app.exec();
}
