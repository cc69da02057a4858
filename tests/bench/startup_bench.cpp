// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up of lux-marketing to its first painted window, measured from outside: the time from
// launching the process to the moment it reports that its main window has been painted (it prints
// "first-paint-ms N" and quits). Two cases: a database with users (the sign-in screen, what people
// see every day) and a new database (first run: created and migrated on the way).
//
//   lux-startup-bench [--runs N] [--platform offscreen|xcb]
#include "storage/database.h"
#include "users/userservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lux;

namespace {

struct Sample
{
    double wallMs;   // launch → "first-paint" line read
    double insideMs; // main() → first paint, as the app measured it
};

std::optional<Sample> runOnce(const QString &db, const QString &platform, const QString &home)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(LUX_MARKETING_PATH), {QStringLiteral("--db"), db, QStringLiteral("--exit-after-first-paint")});
    QByteArray out;
    while (!out.contains('\n') && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(10);
        out += p.readAllStandardOutput();
    }
    const double wall = double(t.nsecsElapsed()) / 1e6;
    p.waitForFinished(10000);
    if (!out.startsWith("first-paint-ms "))
        return std::nullopt;
    return Sample{wall, out.mid(15).trimmed().toDouble()};
}

void report(const char *name, std::vector<Sample> samples)
{
    if (samples.empty()) {
        std::printf("%-28s no successful run\n", name);
        return;
    }
    std::vector<double> wall, inside;
    for (const Sample &s : samples) {
        wall.push_back(s.wallMs);
        inside.push_back(s.insideMs);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(inside.begin(), inside.end());
    const auto pct = [](const std::vector<double> &v, double q) { return v[size_t(q * double(v.size() - 1) + 0.5)]; };
    std::printf("%-28s runs %3zu  wall ms: min %6.1f  median %6.1f  p90 %6.1f  max %6.1f   (in main: median %6.1f)\n",
                name, wall.size(), wall.front(), pct(wall, 0.5), pct(wall, 0.9), wall.back(), pct(inside, 0.5));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per case."), QStringLiteral("N"),
                                        QStringLiteral("20"));
    const QCommandLineOption platformOption(QStringLiteral("platform"), QStringLiteral("Qt platform plugin."),
                                            QStringLiteral("NAME"), QStringLiteral("offscreen"));
    parser.addOptions({runsOption, platformOption});
    parser.addHelpOption();
    parser.process(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString platform = parser.value(platformOption);

    QTemporaryDir dir;
    const QString existing = dir.filePath(QStringLiteral("existing.sqlite"));
    {
        auto db = Database::open(existing);
        if (!db || !UserService((*db)->connection())
                        .createFirstAdmin(QStringLiteral("Bench"), QStringLiteral("bench@example.com"),
                                          QStringLiteral("benchmark password"))
                        .ok()) {
            std::fprintf(stderr, "could not prepare the database\n");
            return 1;
        }
    }
    // One warm-up launch so the page cache holds the binary and Qt's libraries, as on a desktop.
    (void)runOnce(existing, platform, dir.path());

    std::vector<Sample> signIn, firstRun;
    for (int i = 0; i < runs; ++i) {
        if (auto s = runOnce(existing, platform, dir.path()))
            signIn.push_back(*s);
        const QString fresh = dir.filePath(QStringLiteral("fresh-%1.sqlite").arg(i));
        if (auto s = runOnce(fresh, platform, dir.path()))
            firstRun.push_back(*s);
    }
    std::printf("lux-marketing start-up to first painted window (platform %s, target < 300 ms)\n", qPrintable(platform));
    report("existing database (sign-in)", signIn);
    report("new database (first run)", firstRun);
    return 0;
}
