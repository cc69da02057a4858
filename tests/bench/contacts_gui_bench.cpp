// SPDX-License-Identifier: GPL-3.0-or-later
// The Contacts page on a large database, offscreen: time to its first rows, the longest GUI-thread
// stall while scrolling to the end of 20 pages, and the longest stall while an import of CSV runs on a
// worker (a 5 ms timer on the GUI thread measures how late it fires).
//   lux-contacts-gui-bench DB IMPORT.csv
#include "contacts/contactactions.h"
#include "contacts/contactimporter.h"
#include "contacts/contactsmodel.h"
#include "contacts/contactspage.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

using namespace lux;

namespace {

// Largest gap between 5 ms ticks on the GUI thread, minus the 5 ms.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_worst = qMax(m_worst, double(now - m_last) / 1e6 - 5.0);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return m_worst;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_worst = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: lux-contacts-gui-bench DB IMPORT.csv\n");
        return 2;
    }
    ui::Theme::apply(QStringLiteral("dark"));
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("bench.ini")));
    settings.setValue(Settings::Key::AutoBackupEnabled, false);
    ui::AppSession session(settings);
    if (Status s = session.open(QString::fromLocal8Bit(argv[1]), Database::Access::ReadWrite); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return 1;
    }
    ui::ContactsPage page(session);
    page.resize(1100, 700);

    QElapsedTimer t;
    t.start();
    page.show(); // the page loads its first rows when shown
    app.processEvents();
    const double firstRows = double(t.nsecsElapsed()) / 1e6;
    std::printf("first rows shown:                 %7.1f ms  (%d rows)\n", firstRows, page.model()->rowCount());

    auto *view = page.findChild<QTableView *>(QStringLiteral("contactsView"));
    StallMeter meter;
    meter.start();
    for (int i = 0; i < 20; ++i) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QElapsedTimer spin;
        spin.start();
        while (spin.elapsed() < 25)
            app.processEvents();
    }
    std::printf("longest stall while scrolling:    %7.1f ms  (%d rows loaded)\n", meter.stop(), page.model()->rowCount());

    // Sorting by name: the worker lists every id in order; the GUI thread keeps ticking meanwhile.
    const auto waitUntil = [&app](const std::function<bool()> &done) {
        while (!done())
            app.processEvents(QEventLoop::WaitForMoreEvents, 5);
    };
    meter.start();
    t.restart();
    view->sortByColumn(ui::ContactsModel::Name, Qt::AscendingOrder);
    app.processEvents();
    waitUntil([&] { return !page.model()->isSorting(); });
    const double sortTook = double(t.nsecsElapsed()) / 1e6;
    for (int i = 0; i < 10; ++i) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QElapsedTimer spin;
        spin.start();
        while (spin.elapsed() < 25)
            app.processEvents();
    }
    std::printf("longest stall sorting by name:    %7.1f ms  (sorted list ready in %.0f ms, %d rows loaded)\n", meter.stop(),
                sortTook, page.model()->rowCount());
    view->sortByColumn(-1, Qt::AscendingOrder);
    waitUntil([&] { return page.model()->rowCount() > 0; });

    // A bulk action on every contact (tag all that match), then its undo, on the worker.
    page.selectAllMatching();
    meter.start();
    t.restart();
    page.actions()->addTag(page.selection(), QStringLiteral("GUI bench"));
    waitUntil([&] { return !page.actions()->isBusy(); });
    const double tagTook = double(t.nsecsElapsed()) / 1e6;
    page.actions()->undoAction()->trigger();
    waitUntil([&] { return !page.actions()->isBusy(); });
    std::printf("longest stall tagging all + undo: %7.1f ms  (tag %.1f s, undo %.1f s)\n", meter.stop(), tagTook / 1000.0,
                double(t.nsecsElapsed()) / 1e9 - tagTook / 1000.0);

    QFutureWatcher<Result<contacts::ImportReport>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result<contacts::ImportReport>>::finished, &loop, &QEventLoop::quit);
    meter.start();
    t.restart();
    watcher.setFuture(QtConcurrent::run([db = session.database()->path(), csv = QString::fromLocal8Bit(argv[2])] {
        contacts::ImportOptions options;
        options.onDuplicate = contacts::DuplicatePolicy::Fill;
        return contacts::ContactImporter::run(db, csv, options);
    }));
    loop.exec();
    const double stall = meter.stop();
    const auto report = watcher.result();
    std::printf("longest stall while importing:    %7.1f ms  (import of %lld rows took %.1f s)\n", stall,
                static_cast<long long>(report ? report->read : -1), double(t.elapsed()) / 1000.0);
    return 0;
}
