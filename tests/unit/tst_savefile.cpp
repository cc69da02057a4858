// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/errorcodes.h"
#include "common/savefile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace lux;

namespace {

// Everything in the folder but the files named: a temporary file left behind shows up here.
QStringList strayFiles(const QString &dir, const QStringList &expected)
{
    QStringList all = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : expected)
        all.removeAll(name);
    return all;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Lowers this process's file size limit for one scope, so a write fails for real (EFBIG) halfway.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = m_saved;
        lower.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &lower) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

} // namespace

class TestSaveFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replacesTheWholeFile();
    void streamsAndCountsWhatItWrote();
    void aFailedStepLeavesTheOldFile();
    void aFailedWriteLeavesTheOldFile();
    void aMissingFolderIsNamed();
    void aFileInThePathIsNamed();
    void aReadOnlyFolderIsNamed();
    void uncommittedLeavesNothing();
};

void TestSaveFile::replacesTheWholeFile()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("out.csv"));
    writeFile(path, QByteArray(10000, 'o'));
    QVERIFY(saveToFile(path, QByteArrayLiteral("email\r\na@example.com\r\n")));
    // Shorter than before: nothing of the old content may remain after the new one.
    QCOMPARE(test::readAll(path), QByteArrayLiteral("email\r\na@example.com\r\n"));
    QCOMPARE(strayFiles(env.dir(), {QStringLiteral("out.csv")}), QStringList());
}

void TestSaveFile::streamsAndCountsWhatItWrote()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("big.csv"));
    QByteArray expected;
    int chunks = 0;
    const Status s = saveToFile(path, [&](QIODevice &out) -> Status {
        for (int i = 0; i < 5000; ++i) {
            const QByteArray line = QByteArray::number(i) + ",row\r\n";
            out.write(line);
            expected += line;
            ++chunks;
        }
        return {};
    });
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QCOMPARE(chunks, 5000);
    QCOMPARE(test::readAll(path), expected);
}

void TestSaveFile::aFailedStepLeavesTheOldFile()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("report.csv"));
    writeFile(path, "the report of yesterday\n");
    const Status s = saveToFile(path, [](QIODevice &out) -> Status {
        out.write(QByteArray(100000, 'x'));
        return Error(errc::cancelled, QStringLiteral("stopped by the user"));
    });
    QVERIFY(!s);
    // The step's own error comes back unchanged, so a caller can still tell a cancel apart.
    QCOMPARE(s.error().code, QString(errc::cancelled));
    QCOMPARE(s.error().message, QStringLiteral("stopped by the user"));
    QCOMPARE(test::readAll(path), QByteArrayLiteral("the report of yesterday\n"));
    QCOMPARE(strayFiles(env.dir(), {QStringLiteral("report.csv")}), QStringList());
}

void TestSaveFile::aFailedWriteLeavesTheOldFile()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("contacts.csv"));
    writeFile(path, "old contacts\n");
    Status s;
    {
        // A real write error from the kernel (file too large), the way a full disk fails halfway.
        FileSizeLimit limit(64 * 1024);
        QVERIFY(limit.ok());
        s = saveToFile(path, QByteArray(1024 * 1024, 'x'));
    }
    QVERIFY(!s);
    QVERIFY(s.error().code == errc::ioWrite || s.error().code == errc::ioDiskFull);
    QVERIFY2(s.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(s.error().message));
    QCOMPARE(test::readAll(path), QByteArrayLiteral("old contacts\n"));
    QCOMPARE(strayFiles(env.dir(), {QStringLiteral("contacts.csv")}), QStringList());
}

void TestSaveFile::aMissingFolderIsNamed()
{
    test::TestEnvironment env;
    const QString folder = env.path(QStringLiteral("gone"));
    const QString path = folder + QStringLiteral("/out.csv");
    const Status s = saveToFile(path, "x");
    QVERIFY(!s);
    QCOMPARE(s.error().code, QString(errc::ioWrite));
    QVERIFY2(s.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(QStringLiteral("folder %1 does not exist").arg(QDir::toNativeSeparators(folder))),
             qPrintable(s.error().message));
    QVERIFY(!QFile::exists(path));
}

void TestSaveFile::aFileInThePathIsNamed()
{
    test::TestEnvironment env;
    const QString notAFolder = env.path(QStringLiteral("plain.txt"));
    writeFile(notAFolder, "I am a file\n");
    const QString path = notAFolder + QStringLiteral("/out.csv");
    const Status s = saveToFile(path, "x");
    QVERIFY(!s);
    QCOMPARE(s.error().code, QString(errc::ioWrite));
    QVERIFY2(s.error().message.startsWith(QDir::toNativeSeparators(path) + QStringLiteral(" could not be written: ")),
             qPrintable(s.error().message));
    QCOMPARE(test::readAll(notAFolder), QByteArrayLiteral("I am a file\n"));
}

void TestSaveFile::aReadOnlyFolderIsNamed()
{
    if (::geteuid() == 0)
        QSKIP("root writes into a read-only folder anyway");
    test::TestEnvironment env;
    const QString folder = env.path(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(folder));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QString path = folder + QStringLiteral("/out.csv");
    const Status s = saveToFile(path, "x");
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!s);
    QCOMPARE(s.error().code, QString(errc::ioWrite));
    QVERIFY2(s.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(s.error().message));
    QVERIFY(!QFile::exists(path));
}

void TestSaveFile::uncommittedLeavesNothing()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("rejects.csv"));
    {
        SaveFile file(path);
        QVERIFY(file.open());
        QVERIFY(file.device().write("line,reason\r\n") > 0);
        // An import that fails returns before commit(): its rejected rows must not appear.
    }
    QVERIFY(!QFile::exists(path));
    QCOMPARE(strayFiles(env.dir(), {}), QStringList());
    SaveFile file(path);
    QVERIFY(file.open());
    file.device().write("line,reason\r\n");
    QVERIFY(file.commit());
    QCOMPARE(test::readAll(path), QByteArrayLiteral("line,reason\r\n"));
}

LUX_TEST_MAIN(TestSaveFile, QCoreApplication)
#include "tst_savefile.moc"
