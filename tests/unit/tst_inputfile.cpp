// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "boundedrun.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lux;

class TestInputFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsARegularFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.txt"));
        QVERIFY(test::writeFile(path, "hello"));
        const auto data = InputFile::read(path, 5);
        QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error().message));
        QCOMPARE(*data, QByteArray("hello"));
    }

    void refusesAFileOverTheLimitWithoutReadingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.txt"));
        QVERIFY(test::writeFile(path, QByteArray(1001, 'x')));
        const auto data = InputFile::read(path, 1000);
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, errc::fileTooLarge);
        QVERIFY2(data.error().message.contains(QLatin1String("big.txt")), qPrintable(data.error().message));
    }

    void refusesWhatIsNotARegularFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::newRow("device") << QStringLiteral("/dev/zero") << QStringLiteral("device");
        QTest::newRow("folder") << QStringLiteral("/tmp") << QStringLiteral("folder");
    }

    void refusesWhatIsNotARegularFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        const auto data = InputFile::read(path, 1 << 20);
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, errc::fileNotRegular);
        QVERIFY2(data.error().message.contains(kind), qPrintable(data.error().message));
    }

    // A FIFO with no writer would block a plain open() forever; this one returns at once.
    void refusesAFifoWithoutBlocking()
    {
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("pipe")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        const auto data = InputFile::read(QFile::decodeName(fifo), 1 << 20);
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, errc::fileNotRegular);
        QVERIFY2(data.error().message.contains(QLatin1String("FIFO")), qPrintable(data.error().message));
        QVERIFY(timer.elapsed() < 10000);
    }

    void namesAMissingFile()
    {
        const auto data = InputFile::read(QStringLiteral("/nonexistent/x.csv"), 10);
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, errc::fileOpen);
        QVERIFY(data.error().message.contains(QLatin1String("/nonexistent/x.csv")));
    }

    // The bounded runner the hostile-input suites use: a child that hangs is killed at the wall clock,
    // and the peak memory of one that allocates is seen.
    void boundedRunKillsAHangAndMeasuresMemory()
    {
        const auto hang = test::runBounded(QStringLiteral("/bin/sleep"), {QStringLiteral("30")}, 300);
        QVERIFY(hang.started);
        QVERIFY(hang.timedOut);
        QCOMPARE(hang.signal, 9);
        const auto big = test::runBounded(QStringLiteral("/usr/bin/python3"),
                                          {QStringLiteral("-c"), QStringLiteral("b = bytearray(200 * 1024 * 1024); print(len(b))")},
                                          20000);
        QVERIFY2(big.exitedNormally() && big.exitCode == 0, qPrintable(big.describe()));
        QVERIFY2(big.peakRssKiB > 190 * 1024, qPrintable(big.describe()));
        QCOMPARE(big.out.trimmed(), QByteArray("209715200"));
        const auto echo = test::runBounded(QStringLiteral("/bin/cat"), {}, 5000, QByteArray(300000, 'y'));
        QCOMPARE(echo.outBytes, 300000);
    }

    void opensForStreaming()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.csv"));
        QVERIFY(test::writeFile(path, "a,b\n1,2\n"));
        auto file = InputFile::open(path, 100);
        QVERIFY(file.ok());
        QCOMPARE((*file)->readLine(), QByteArray("a,b\n"));
        const auto rest = InputFile::readAll(**file, path, 100);
        QVERIFY(rest.ok());
        QCOMPARE(*rest, QByteArray("1,2\n"));
    }

    void tellsWhereAnOpenedLinkLeads()
    {
        // What a caller checks after opening: the file the kernel opened, not the name it was given.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("inside")) && QDir(dir.path()).mkpath(QStringLiteral("outside")));
        const QString target = QDir(dir.path()).canonicalPath() + QStringLiteral("/outside/real.txt");
        QVERIFY(test::writeFile(target, "x"));
        const QString link = dir.filePath(QStringLiteral("inside/link.txt"));
        QVERIFY(QFile::link(QStringLiteral("../outside/real.txt"), link));
        auto file = InputFile::open(link, 100);
        QVERIFY(file.ok());
        QCOMPARE(InputFile::openedPath(**file), target);
        QCOMPARE(InputFile::openedPath(QFile()), QString()); // not open: nothing to tell
    }
};

QTEST_GUILESS_MAIN(TestInputFile)
#include "tst_inputfile.moc"
