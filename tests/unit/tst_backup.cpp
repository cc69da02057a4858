// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testsupport.h"
#include "users/auditlog.h"
#include "users/userservice.h"

#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace lux;

namespace {
void addAuditRows(Database &db, int n, const QString &tag, int detailBytes = 0)
{
    AuditLog log(db.connection());
    const QString details(detailBytes, QLatin1Char('d'));
    QVERIFY(db.connection().transaction());
    for (int i = 0; i < n; ++i)
        QVERIFY(log.record(std::nullopt, tag, {}, i, details).ok());
    QVERIFY(db.connection().commit());
}
} // namespace

class TestBackup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backupThenRestoreGivesSameRows();
    void backupOfLiveDatabaseIsConsistent();
    void restoreRejectsBadCandidates_data();
    void restoreRejectsBadCandidates();
    void cancelLeavesNoFile();
    void progressReachesTotal();
    void exportClearsMachineBoundData();
    void retentionKeepsNewest();
    void autoBackupRunsWhenDue();
};

void TestBackup::backupThenRestoreGivesSameRows()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("main.sqlite"));
    const QString backup = env.path(QStringLiteral("copy.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    auto db = Database::open(path);
    QVERIFY(db.ok());
    addAuditRows(**db, 250, QStringLiteral("before.backup"));
    const int rowsAtBackup = test::countRows(path, QStringLiteral("audit_log"));

    QVERIFY(storage::copyDatabase(path, backup).ok());
    QVERIFY(!QFile::exists(backup + QStringLiteral(".partial")));
    QVERIFY(!QFile::exists(backup + QStringLiteral("-wal")));
    QCOMPARE(test::countRows(backup, QStringLiteral("audit_log")), rowsAtBackup);

    addAuditRows(**db, 100, QStringLiteral("after.backup"));
    QCOMPARE(test::countRows(path, QStringLiteral("audit_log")), rowsAtBackup + 100);

    const QString staging = path + QStringLiteral(".staging");
    QVERIFY(storage::stageRestore(backup, staging).ok());
    const auto kept = (*db)->replaceWith(staging);
    QVERIFY2(kept.ok(), kept.ok() ? "" : qPrintable(kept.error().message));
    QVERIFY(!QFile::exists(staging));

    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && q.next());
    QCOMPARE(q.value(0).toInt(), rowsAtBackup);
    QCOMPARE(test::countRows(*kept, QStringLiteral("audit_log")), rowsAtBackup + 100); // the replaced file, kept
    QVERIFY(!(*db)->report().uncleanShutdown);
    db = Error();
    const auto integrity = storage::checkIntegrity(path);
    QVERIFY(integrity.ok() && integrity->ok);
}

void TestBackup::backupOfLiveDatabaseIsConsistent()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("live.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    addAuditRows(**db, 5000, QStringLiteral("bulk"));
    // Uncommitted work at the time of the copy must not appear in it.
    QVERIFY((*db)->connection().transaction());
    QVERIFY(AuditLog((*db)->connection()).record(std::nullopt, QStringLiteral("uncommitted")).ok());
    QVERIFY(storage::copyDatabase(path, env.path(QStringLiteral("snap.sqlite"))).ok());
    QVERIFY((*db)->connection().rollback());
    QCOMPARE(test::countRows(env.path(QStringLiteral("snap.sqlite")), QStringLiteral("audit_log")), 5000);
    QVERIFY(storage::checkIntegrity(env.path(QStringLiteral("snap.sqlite")))->ok);
}

void TestBackup::restoreRejectsBadCandidates_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("random bytes") << QStringLiteral("random") << QStringLiteral("db.not-sqlite");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("db.not-sqlite");
    QTest::newRow("other application") << QStringLiteral("foreign") << QStringLiteral("restore.foreign");
    QTest::newRow("newer schema") << QStringLiteral("newer") << QStringLiteral("db.newer-version");
}

void TestBackup::restoreRejectsBadCandidates()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("main.sqlite"));
    const QString candidate = env.path(QStringLiteral("candidate.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    if (kind == QLatin1String("random")) {
        test::writeRandomBytes(candidate, 8192);
    } else if (kind == QLatin1String("foreign")) {
        storage::ScopedConnection conn(candidate, storage::ScopedConnection::Mode::ReadWrite);
        QSqlQuery(conn.db()).exec(QStringLiteral("CREATE TABLE t (x)"));
    } else if (kind == QLatin1String("newer")) {
        QVERIFY(storage::copyDatabase(path, candidate).ok());
        storage::ScopedConnection conn(candidate, storage::ScopedConnection::Mode::ReadWrite);
        QSqlQuery(conn.db()).exec(QStringLiteral("PRAGMA user_version = 42"));
    }
    const QByteArray before = test::fileDigest(path);
    const Status s = storage::stageRestore(candidate, env.path(QStringLiteral("staging.sqlite")));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, code);
    QVERIFY(!s.error().message.isEmpty());
    QVERIFY(!QFile::exists(env.path(QStringLiteral("staging.sqlite"))));
    QCOMPARE(test::fileDigest(path), before);
}

void TestBackup::cancelLeavesNoFile()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("main.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    addAuditRows(**db, 20000, QStringLiteral("bulk"), 300); // about 1,700 pages: several backup steps
    std::atomic_bool cancel{false};
    int calls = 0;
    const Status s = storage::copyDatabase(path, env.path(QStringLiteral("out.sqlite")),
                                           [&](qint64, qint64) {
                                               if (++calls == 1)
                                                   cancel = true;
                                           },
                                           &cancel);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(env.path(QStringLiteral("out.sqlite"))));
    QVERIFY(!QFile::exists(env.path(QStringLiteral("out.sqlite.partial"))));
}

void TestBackup::progressReachesTotal()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("main.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    addAuditRows(**db, 20000, QStringLiteral("bulk"), 300);
    qint64 lastDone = -1, lastTotal = -1;
    int calls = 0;
    QVERIFY(storage::copyDatabase(path, env.path(QStringLiteral("out.sqlite")), [&](qint64 d, qint64 t) {
                QVERIFY(d >= lastDone);
                lastDone = d;
                lastTotal = t;
                ++calls;
            }).ok());
    QVERIFY(calls > 1);
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(lastTotal > 0);
}

void TestBackup::exportClearsMachineBoundData()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("main.sqlite"));
    const User admin = test::createDatabaseWithAdmin(path);
    auto db = Database::open(path);
    QVERIFY(db.ok());
    UserService users((*db)->connection());
    QVERIFY(users.issueRememberToken(admin).ok());
    QVERIFY(!users.authenticate(QStringLiteral("admin@example.com"), QStringLiteral("wrong password")).ok());

    const QString out = env.path(QStringLiteral("shared.sqlite"));
    QVERIFY(storage::exportDatabase(path, out).ok());
    storage::ScopedConnection conn(out, storage::ScopedConnection::Mode::ReadOnly);
    QSqlQuery q(conn.db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM users WHERE remember_token_hash IS NOT NULL OR failed_attempts > 0")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM users")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // the accounts travel with the copy
    QVERIFY(storage::checkRestoreCandidate(out).ok());
}

void TestBackup::retentionKeepsNewest()
{
    test::TestEnvironment env;
    const QString dir = env.path(QStringLiteral("backups"));
    QDir().mkpath(dir);
    const QStringList stamps = {QStringLiteral("20261101-080000-000"), QStringLiteral("20261102-080000-000"),
                                QStringLiteral("20261103-080000-000"), QStringLiteral("20261104-080000-000"),
                                QStringLiteral("20261105-080000-000")};
    for (const QString &s : stamps) {
        QFile f(dir + QStringLiteral("/lux-") + s + QStringLiteral("-auto.sqlite"));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    // Manual backups and other databases' backups are never pruned.
    QFile manual(dir + QStringLiteral("/lux-20261001-080000-000-manual.sqlite"));
    QVERIFY(manual.open(QIODevice::WriteOnly));
    QFile other(dir + QStringLiteral("/other-20261001-080000-000-auto.sqlite"));
    QVERIFY(other.open(QIODevice::WriteOnly));

    QCOMPARE(storage::lastAutomaticBackup(dir, QStringLiteral("lux")),
             QDateTime(QDate(2026, 11, 5), QTime(8, 0)));
    const QStringList removed = storage::pruneAutomaticBackups(dir, QStringLiteral("lux"), 2);
    QCOMPARE(removed.size(), 3);
    const QStringList left = storage::automaticBackups(dir, QStringLiteral("lux"));
    QCOMPARE(left.size(), 2);
    QVERIFY(left.first().contains(stamps.at(4)));
    QVERIFY(left.last().contains(stamps.at(3)));
    QVERIFY(manual.exists());
    QVERIFY(other.exists());
}

void TestBackup::autoBackupRunsWhenDue()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("lux.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    storage::AutoBackup backup;
    backup.setDatabase(path, (*db)->backupDir());
    QVERIFY(!backup.nextBackup().isValid()); // disabled
    backup.setPolicy(true, 24, 3);
    QVERIFY(backup.isDue()); // never backed up: due now

    QSignalSpy finished(&backup, &storage::AutoBackup::backupFinished);
    backup.checkNow();
    QVERIFY(backup.isRunning());
    QVERIFY(finished.wait(20000));
    const QString file = finished.first().first().toString();
    QVERIFY(QFile::exists(file));
    QVERIFY(storage::checkRestoreCandidate(file).ok());
    QVERIFY(backup.lastBackup().isValid());
    QVERIFY(!backup.isDue());
    QVERIFY(backup.nextBackup() > QDateTime::currentDateTime().addSecs(23 * 3600));

    backup.checkNow(); // not due any more
    QVERIFY(!backup.isRunning());
    QCOMPARE(storage::automaticBackups((*db)->backupDir(), QStringLiteral("lux")).size(), 1);
}

LUX_TEST_MAIN(TestBackup, QCoreApplication)
#include "tst_backup.moc"
