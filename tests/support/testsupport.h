// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/awaittask.h"
#include "storage/database.h"
#include "users/user.h"

#include <QByteArray>
#include <QCoroTask>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace lux::test {

// Puts QStandardPaths in test mode and gives every test a fresh folder.
class TestEnvironment
{
public:
    TestEnvironment();
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

// An IANA zone where it is the middle of the day now (10:00 to 18:00), so SMS quiet hours hold
// nothing back; "UTC" when none of the few it tries is.
QString daytimeZone();
QByteArray fileDigest(const QString &path);                   // SHA-256 of the file, empty if missing
QByteArray readAll(const QString &path);
bool writeFile(const QString &path, const QByteArray &bytes); // whole, or false
void writeRandomBytes(const QString &path, int size);
int countRows(const QString &dbPath, const QString &table);   // -1 on error
QString readSetting(const QString &dbPath, const QString &key); // db_settings, on a connection of its own
// The first administrator, "Ada Admin" <admin@example.com> with kAdminPassword.
Result<User> createAdmin(const QSqlDatabase &db);
// A database with that administrator, closed again.
User createDatabaseWithAdmin(const QString &path);
inline constexpr const char *kAdminPassword = "correct horse battery";

// Starts this same test executable in "holder" mode: it opens the database for writing, prints
// "ready", and waits to be killed. Returns when it is ready.
std::unique_ptr<QProcess> startHolder(const QString &dbPath);
// Call first thing in main(): runs holder mode when asked, else returns.
void handleHolderMode(int argc, char **argv);

// Runs `program` with `env` while this process's event loop keeps serving (fakes in this process
// answer it); its exit code, or -1 when it did not finish within `timeoutMs` (it is killed). Standard
// output goes to `out`; standard error is printed when it fails.
int runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env, QByteArray *out = nullptr,
               int timeoutMs = 120'000);

// A command's exit code (-1: it did not finish within `timeoutMs`, -2: it crashed) and both of its
// outputs, for tests that look at what a command prints on each.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};
ProcessRun runCaptured(const QString &program, const QStringList &args, int timeoutMs = 60'000);

// What luxctl runs with in an end-to-end test: the config folder inside `env`, the database `db` (LUX_DB),
// a Graph client secret and a fixed locale. Tracker keys and token are the test's to add.
QProcessEnvironment luxctlEnvironment(const TestEnvironment &env, const QString &db);

// The body of the part of a MIME message whose Content-Type starts with `contentType` ("text/html"),
// quoted-printable decoded; empty when there is none.
QString mimePart(const QByteArray &mime, const QByteArray &contentType);

// Picture headers as cameras and editors write them, for the social checks: a JPEG with an EXIF
// orientation (0: no Exif segment) and, for an MPO, an MPF segment, padded with zeros to `total`
// bytes; a PNG's signature and IHDR.
QByteArray jpegHeader(int width, int height, int orientation = 0, bool mpo = false, qint64 total = 0);
QByteArray pngHeader(int width, int height);

// The error message of a failed Result or Status, for QVERIFY2; empty when it succeeded.
template<typename R>
QByteArray errorText(const R &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

// Runs the event loop until a coroutine finishes and returns its value (lux::awaitTask).
template<typename T>
T await(QCoro::Task<T> task)
{
    return awaitTask(std::move(task));
}

} // namespace lux::test

// QTEST_MAIN with holder mode.
#define LUX_TEST_MAIN(TestClass, AppClass)                                                                             \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        lux::test::handleHolderMode(argc, argv);                                                                       \
        AppClass app(argc, argv);                                                                                      \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
