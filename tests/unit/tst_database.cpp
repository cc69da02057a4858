// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlitefile.h"
#include "testsupport.h"
#include "users/auditlog.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/resource.h>

using namespace lux;

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsWithPragmas();
    void lockFileLivesWithTheConnection();
    void refusesNewerSchemaUntouched();
    void refusesRandomBytesUntouched();
    void refusesForeignSqlite();
    void emptyFileBecomesDatabase();
    void secondWriterIsRefusedOrReadOnly();
    void killedWriterLeavesUncleanShutdown();
    void networkFileSystems_data();
    void networkFileSystems();
    void localFolderIsNotNetwork();
    void resolvesPathFromArgumentThenEnvironment();
    void integrityCheckFindsCorruption();
    void metaRoundTrip();
    void readOnlyFileOpensForViewing_data();
    void readOnlyFileOpensForViewing();
    void diskFullIsNamed_data();
    void diskFullIsNamed();
    void probeWriteLeavesNothing();
};

void TestDatabase::createsWithPragmas()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("new.sqlite"));
    auto db = Database::open(path);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    QVERIFY((*db)->report().created);
    QCOMPARE((*db)->schemaVersion(), storage::latestSchemaVersion());
    QVERIFY(!(*db)->databaseId().isEmpty());
    QVERIFY(!(*db)->isReadOnly());

    QSqlQuery q((*db)->connection());
    const auto pragma = [&q](const char *name) {
        q.exec(QStringLiteral("PRAGMA ") + QString::fromLatin1(name));
        q.next();
        return q.value(0).toString();
    };
    QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma("synchronous"), QStringLiteral("2")); // FULL
    QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
    QCOMPARE(pragma("busy_timeout"), QStringLiteral("5000"));
    QCOMPARE(pragma("mmap_size"), QStringLiteral("1073741824"));
    QCOMPARE(pragma("application_id").toInt(), storage::kApplicationId);
}

void TestDatabase::lockFileLivesWithTheConnection()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("lock.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(QFile::exists(path + QStringLiteral(".lock")));
    }
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
}

void TestDatabase::refusesNewerSchemaUntouched()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("future.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    const QByteArray before = test::fileDigest(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, QStringLiteral("db.newer-version"));
    QVERIFY2(db.error().message.contains(QStringLiteral("99")), qPrintable(db.error().message));
    QVERIFY(db.error().message.contains(QStringLiteral("untouched")));
    QCOMPARE(test::fileDigest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    QVERIFY(!QDir(env.path(QStringLiteral("backups"))).exists());
}

void TestDatabase::refusesRandomBytesUntouched()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("random.sqlite"));
    test::writeRandomBytes(path, 64 * 1024);
    const QByteArray before = test::fileDigest(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, QStringLiteral("db.not-sqlite"));
    QVERIFY2(db.error().message.contains(QStringLiteral("random.sqlite")), qPrintable(db.error().message));
    QCOMPARE(test::fileDigest(path), before);
    QCOMPARE(QDir(env.dir()).entryList(QDir::Files), QStringList{QStringLiteral("random.sqlite")});
}

void TestDatabase::refusesForeignSqlite()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("other.sqlite"));
    {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")));
    }
    const QByteArray before = test::fileDigest(path);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, QStringLiteral("db.foreign"));
    QCOMPARE(test::fileDigest(path), before);
}

void TestDatabase::emptyFileBecomesDatabase()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("empty.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE((*db)->schemaVersion(), storage::latestSchemaVersion());
}

void TestDatabase::secondWriterIsRefusedOrReadOnly()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("shared.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    auto holder = test::startHolder(path);
    QVERIFY(holder);

    auto refused = Database::open(path);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("db.locked"));
    QVERIFY2(refused.error().message.contains(QString::number(holder->processId())), qPrintable(refused.error().message));

    Database::Options options;
    options.access = Database::Access::ReadWriteOrReadOnly;
    auto reader = Database::open(path, options);
    QVERIFY2(reader.ok(), reader.ok() ? "" : qPrintable(reader.error().message));
    QVERIFY((*reader)->isReadOnly());
    QVERIFY((*reader)->report().readOnlyBecauseLocked);
    QCOMPARE(test::countRows(path, QStringLiteral("users")), 1);
    QSqlQuery write((*reader)->connection());
    QVERIFY(!write.exec(QStringLiteral("DELETE FROM users")));
    reader = Error(); // close before the holder dies

    holder->kill();
    holder->waitForFinished();
    auto after = Database::open(path);
    QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().message));
    QVERIFY(!(*after)->isReadOnly());
}

void TestDatabase::killedWriterLeavesUncleanShutdown()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("crash.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    {
        auto clean = Database::open(path);
        QVERIFY(clean.ok());
        QVERIFY(!(*clean)->report().uncleanShutdown);
    }
    auto holder = test::startHolder(path);
    QVERIFY(holder);
    ::kill(pid_t(holder->processId()), SIGKILL);
    QVERIFY(holder->waitForFinished(10000));
    QVERIFY(QFile::exists(path + QStringLiteral(".lock"))); // left behind by the dead process

    auto db = Database::open(path);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message)); // the stale lock is taken over
    QVERIFY((*db)->report().uncleanShutdown);
    const auto integrity = storage::checkIntegrity(path);
    QVERIFY(integrity.ok());
    QVERIFY(integrity->ok);
}

void TestDatabase::networkFileSystems_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("network");
    QTest::newRow("ext4") << QStringLiteral("ext4") << false;
    QTest::newRow("btrfs") << QStringLiteral("btrfs") << false;
    QTest::newRow("tmpfs") << QStringLiteral("tmpfs") << false;
    QTest::newRow("nfs") << QStringLiteral("nfs") << true;
    QTest::newRow("nfs4") << QStringLiteral("nfs4") << true;
    QTest::newRow("cifs") << QStringLiteral("cifs") << true;
    QTest::newRow("smb3") << QStringLiteral("smb3") << true;
    QTest::newRow("sshfs") << QStringLiteral("fuse.sshfs") << true;
    QTest::newRow("upper case") << QStringLiteral("NFS4") << true;
}

void TestDatabase::networkFileSystems()
{
    QFETCH(QString, type);
    QFETCH(bool, network);
    QCOMPARE(storage::isNetworkFileSystem(type), network);
}

void TestDatabase::localFolderIsNotNetwork()
{
    test::TestEnvironment env;
    auto db = Database::open(env.path(QStringLiteral("local.sqlite")));
    QVERIFY(db.ok());
    QVERIFY(!(*db)->report().fileSystemType.isEmpty());
    QVERIFY(!(*db)->report().onNetworkFileSystem);
    QVERIFY((*db)->networkFileSystemWarning().isEmpty());
}

void TestDatabase::resolvesPathFromArgumentThenEnvironment()
{
    test::TestEnvironment env;
    qputenv("LUX_DB", env.path(QStringLiteral("from-env.sqlite")).toLocal8Bit());
    QCOMPARE(Database::resolvePath(env.path(QStringLiteral("arg.sqlite"))), env.path(QStringLiteral("arg.sqlite")));
    QCOMPARE(Database::resolvePath({}), env.path(QStringLiteral("from-env.sqlite")));
    qunsetenv("LUX_DB");
    QCOMPARE(Database::resolvePath({}), Database::defaultPath());
    QVERIFY(Database::defaultPath().endsWith(QStringLiteral("/lux.sqlite")));
}

void TestDatabase::integrityCheckFindsCorruption()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("damaged.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        AuditLog log((*db)->connection());
        QVERIFY((*db)->connection().transaction());
        for (int i = 0; i < 3000; ++i)
            QVERIFY(log.record(std::nullopt, QStringLiteral("test.row"), {}, i, QString(200, QLatin1Char('x'))).ok());
        QVERIFY((*db)->connection().commit());
    }
    QVERIFY(storage::checkIntegrity(path)->ok);
    {
        // Overwrite pages in the middle of the file, keeping the header intact.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 200 * 1024);
        f.seek(size / 2);
        f.write(QByteArray(64 * 1024, '\xA5'));
    }
    const auto report = storage::checkIntegrity(path);
    if (report.ok())
        QVERIFY2(!report->ok && !report->problems.isEmpty(), "the damage went unnoticed");
    else
        QCOMPARE(report.error().code, QStringLiteral("db.corrupt"));
}

void TestDatabase::metaRoundTrip()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("meta.sqlite"));
    QString id;
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY((*db)->setMeta(QStringLiteral("greeting"), QStringLiteral("hola")).ok());
        id = (*db)->databaseId();
    }
    auto db = Database::open(path);
    QCOMPARE((*db)->meta(QStringLiteral("greeting")), QStringLiteral("hola"));
    QCOMPARE((*db)->databaseId(), id);
}

void TestDatabase::readOnlyFileOpensForViewing_data()
{
    QTest::addColumn<bool>("folder"); // the folder read-only rather than the file
    QTest::newRow("file 0444") << false;
    QTest::newRow("folder 0555") << true;
}

void TestDatabase::readOnlyFileOpensForViewing()
{
    QFETCH(bool, folder);
    test::TestEnvironment env;
    const QString dir = env.path(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/ro.sqlite");
    (void)test::createDatabaseWithAdmin(path);
    const QString target = folder ? dir : path;
    const QFile::Permissions saved = QFile::permissions(target);
    QVERIFY(QFile::setPermissions(target, folder ? (QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther)
                                                 : (QFile::ReadOwner | QFile::ReadOther)));
    const auto restore = qScopeGuard([&] { QFile::setPermissions(target, saved); });
    QVERIFY(!storage::readOnlyReason(path).isEmpty());
    {
        auto viewing = Database::open(path, {Database::Access::ReadWriteOrReadOnly, false, {}});
        QVERIFY2(viewing, test::errorText(viewing).constData());
        QVERIFY((*viewing)->isReadOnly());
        QVERIFY(!(*viewing)->report().readOnlyBecauseLocked);
        QVERIFY((*viewing)->readOnlyNotice().endsWith(QStringLiteral("LUX opened it for viewing; changes are disabled.")));
        QCOMPARE((*viewing)->meta(QStringLiteral("session_state")), QStringLiteral("closed"));
        // A write through the read-only connection fails rather than changing the file.
        QVERIFY(!(*viewing)->setMeta(QStringLiteral("probe"), QStringLiteral("x")));
    }
    const auto writing = Database::open(path);
    QVERIFY(!writing);
    QCOMPARE(writing.error().code, QStringLiteral("db.read-only"));
    QVERIFY2(writing.error().message.contains(QStringLiteral("is read-only (")), qPrintable(writing.error().message));
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
}

void TestDatabase::diskFullIsNamed_data()
{
    QTest::addColumn<int>("err");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("ENOSPC") << ENOSPC << QStringLiteral("io.disk-full") << QStringLiteral("The disk holding /data/lux.sqlite is full");
    QTest::newRow("EDQUOT") << EDQUOT << QStringLiteral("io.disk-full") << QStringLiteral("your quota is used up");
    QTest::newRow("EROFS") << EROFS << QStringLiteral("db.read-only") << QStringLiteral("read-only file system");
    QTest::newRow("EACCES") << EACCES << QStringLiteral("db.read-only") << QStringLiteral("check the folder's permissions");
    QTest::newRow("EIO") << EIO << QStringLiteral("io.write") << QStringLiteral("/data/lux.sqlite: it failed (");
}

void TestDatabase::diskFullIsNamed()
{
    QFETCH(int, err);
    QFETCH(QString, code);
    QFETCH(QString, phrase);
    const Error e = storage::writeFailure(err, QStringLiteral("/data/lux.sqlite"), QStringLiteral("it failed"));
    QCOMPARE(e.code, code);
    QVERIFY2(e.message.contains(phrase), qPrintable(e.message));
}

void TestDatabase::probeWriteLeavesNothing()
{
    test::TestEnvironment env;
    QCOMPARE(storage::probeWrite(env.dir()), 0);
    QCOMPARE(QDir(env.dir()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QCOMPARE(storage::probeWrite(env.path(QStringLiteral("missing-folder"))), ENOENT);
    // A real failure of the write itself: a file size limit below the probe's 64 KiB (EFBIG).
    rlimit saved{};
    getrlimit(RLIMIT_FSIZE, &saved);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lower = saved;
    lower.rlim_cur = 1024;
    QVERIFY(setrlimit(RLIMIT_FSIZE, &lower) == 0);
    const int err = storage::probeWrite(env.dir());
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);
    QCOMPARE(err, EFBIG);
    QCOMPARE(QDir(env.dir()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

LUX_TEST_MAIN(TestDatabase, QCoreApplication)
#include "tst_database.moc"
