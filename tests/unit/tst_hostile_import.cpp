// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input for `luxctl contacts import` and the database it writes (issue 13). Each case runs the
// real luxctl under a wall clock (boundedrun.h) and checks how it ended, how long and how much memory
// it took, what it said (the stable code in --json, a phrase of the message, the size of both
// streams) and that a failure left the contacts exactly as they were. Big inputs are made here, at run
// time, in a temporary folder.
#include "boundedrun.h"
#include "contacts/csvreader.h"
#include "storage/sqlitefile.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace lux;

namespace {

constexpr int kWallClockBoundMs = 10'000;        // a bound, not a speed: the runs here take well under 1 s
constexpr qint64 kPeakMemoryBoundKiB = 1 << 20;  // 1 GiB
constexpr qint64 kOutputBoundBytes = 64 * 1024;  // what either stream may say about a 50 MB input
constexpr qint64 kFiftyMB = 50'000'000;

const QString kSeed = QStringLiteral("email,first_name,last_name\r\nann@example.com,Ann,Lee\r\nbob@example.com,Bob,Ray\r\n"
                                     "cy@example.com,Cy,Day\r\n");

// Streams `prefix`, `size` bytes of `fill`, then `suffix` into a file, a megabyte at a time.
void writeBig(const QString &path, const QByteArray &prefix, qint64 size, char fill, const QByteArray &suffix)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(prefix), prefix.size());
    const QByteArray block(1 << 20, fill);
    for (qint64 left = size; left > 0;) {
        const qint64 n = qMin<qint64>(left, block.size());
        QCOMPARE(f.write(block.constData(), n), n);
        left -= n;
    }
    QCOMPARE(f.write(suffix), suffix.size());
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Every column of every contact, in id order: equal digests, unchanged contacts.
QByteArray contactsDigest(const QString &dbPath)
{
    storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
    if (!conn.isOpen())
        return "cannot open: " + conn.errorText().toUtf8();
    QSqlQuery q(conn.db());
    if (!q.exec(QStringLiteral("SELECT * FROM contacts ORDER BY id")))
        return "cannot read contacts";
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 rows = 0;
    while (q.next()) {
        ++rows;
        for (int i = 0; i < q.record().count(); ++i) {
            hash.addData(q.value(i).toString().toUtf8());
            hash.addData(QByteArrayView("\x1f"));
        }
        hash.addData(QByteArrayView("\x1e"));
    }
    return QByteArray::number(rows) + ':' + hash.result().toHex();
}

QString firstNameOf(const QString &dbPath, const QString &email)
{
    storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT first_name FROM contacts WHERE email = ?"));
    q.addBindValue(email);
    return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<missing>");
}

// Restores a mode changed for one case, so the temporary folder can be removed.
class ModeGuard
{
public:
    ModeGuard(const QString &path, mode_t mode) : m_path(QFile::encodeName(path))
    {
        struct stat st{};
        ::stat(m_path.constData(), &st);
        m_saved = st.st_mode & 07777;
        m_ok = ::chmod(m_path.constData(), mode) == 0;
    }
    ~ModeGuard() { ::chmod(m_path.constData(), m_saved); }
    bool ok() const { return m_ok; }

private:
    QByteArray m_path;
    mode_t m_saved = 0;
    bool m_ok = false;
};

} // namespace

class TestHostileImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostileInput_data();
    void hostileInput();
    void readOnlyDatabase_data();
    void readOnlyDatabase();

private:
    test::BoundedRun luxctl(const QStringList &args) const;
    QString input(const QString &name) const { return m_inputs.filePath(name); }

    QTemporaryDir m_inputs;
    QTemporaryDir m_seedDir;
    QString m_seed; // a database with three contacts, copied for each case
};

test::BoundedRun TestHostileImport::luxctl(const QStringList &args) const
{
    // Well past the bound, so a slow run shows as "took N ms" rather than as killed.
    return test::runBounded(QStringLiteral(LUXCTL_PATH), args, 3 * kWallClockBoundMs);
}

void TestHostileImport::initTestCase()
{
    QVERIFY(m_inputs.isValid());
    QVERIFY(m_seedDir.isValid());
    m_seed = m_seedDir.filePath(QStringLiteral("seed.sqlite"));
    writeFile(input(QStringLiteral("seed.csv")), kSeed.toUtf8());
    const test::BoundedRun seeded =
        luxctl({QStringLiteral("--db"), m_seed, QStringLiteral("contacts"), QStringLiteral("import"), input(QStringLiteral("seed.csv"))});
    QVERIFY2(seeded.exitedNormally() && seeded.exitCode == 0, qPrintable(seeded.describe() + QString::fromUtf8(seeded.err)));
    QCOMPARE(test::countRows(m_seed, QStringLiteral("contacts")), 3);

    const qsizetype field = contacts::CsvReader::kMaxFieldChars;
    const qsizetype name = 256; // ContactImporter::kMaxHeaderNameChars, spelled out so a change shows here
    // Not files.
    QVERIFY(::mkfifo(QFile::encodeName(input(QStringLiteral("fifo.csv"))).constData(), 0600) == 0);
    QVERIFY(QDir(m_inputs.path()).mkdir(QStringLiteral("folder.csv")));
    // Past the file size limit without using the disk: a sparse file, refused before a byte is read.
    {
        QFile sparse(input(QStringLiteral("sparse.csv")));
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        QVERIFY(sparse.resize(contacts::CsvReader::kMaxFileBytes + 1));
    }
    // Fields: 50 MB as a first name; at the limit exactly; one past it.
    writeBig(input(QStringLiteral("field-50mb.csv")), "email,first_name\r\nzed@example.com,", kFiftyMB, 'A', "\r\n");
    writeBig(input(QStringLiteral("field-at-limit.csv")), "email,first_name\r\nzed@example.com,", field, 'A', "\r\n");
    writeBig(input(QStringLiteral("field-over-limit.csv")), "email,first_name\r\nzed@example.com,", field + 1, 'A', "\r\n");
    // A row past the row limit made of fields under theirs.
    {
        QByteArray row = "zed@example.com";
        const QByteArray cell(60'000, 'n');
        QByteArray header = "email";
        for (int i = 0; i < 20; ++i) {
            header += ",n" + QByteArray::number(i);
            row += ',' + cell;
        }
        writeFile(input(QStringLiteral("row-over-limit.csv")), header + "\r\n" + row + "\r\n");
    }
    // Headers: 50 MB of column names; one 50 MB name; names at and past the name limit; columns at and
    // past the column limit.
    {
        QFile f(input(QStringLiteral("header-50mb.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray chunk;
        for (qint64 i = 0; f.size() + chunk.size() < kFiftyMB; ++i) {
            chunk += "column number " + QByteArray::number(i) + ',';
            if (chunk.size() > (1 << 20)) {
                QCOMPARE(f.write(chunk), chunk.size());
                chunk.clear();
            }
        }
        QCOMPARE(f.write(chunk + "email\r\n"), chunk.size() + 7);
    }
    writeBig(input(QStringLiteral("header-name-50mb.csv")), {}, kFiftyMB, 'H', "\r\nzed@example.com\r\n");
    writeFile(input(QStringLiteral("header-name-at-limit.csv")),
              "email," + QByteArray(name, 'h') + "\r\nzed@example.com,x\r\n");
    writeFile(input(QStringLiteral("header-name-over-limit.csv")),
              "email," + QByteArray(name + 1, 'h') + "\r\nzed@example.com,x\r\n");
    {
        QByteArray header = "email";
        for (qsizetype i = 1; i < contacts::CsvReader::kMaxColumns; ++i)
            header += ",c" + QByteArray::number(i);
        const QByteArray row = "zed@example.com" + QByteArray(contacts::CsvReader::kMaxColumns - 1, ',');
        writeFile(input(QStringLiteral("columns-at-limit.csv")), header + "\r\n" + row + "\r\n");
        writeFile(input(QStringLiteral("columns-over-limit.csv")), header + ",one-more\r\nzed@example.com\r\n");
    }
    // Control characters: a NUL inside a first name; a tab and a line break inside quotes are fine.
    writeFile(input(QStringLiteral("nul.csv")),
              QByteArray("email,first_name\r\nzed@example.com,Ze") + '\0' + QByteArray("d\r\nyan@example.com,Yan\r\n"));
    writeFile(input(QStringLiteral("tab-newline.csv")), "email,first_name\r\nzed@example.com,\"Ze\td\r\nsecond\"\r\n");
    writeFile(input(QStringLiteral("nul-header.csv")),
              QByteArray("email,first") + '\0' + QByteArray("name\r\nzed@example.com,Zed\r\n"));
    // Columns: the same name twice once normalised; two columns of email addresses.
    writeFile(input(QStringLiteral("duplicate-header.csv")), "email,first_name,phone,company,Email\r\nzed@example.com,Zed,,,x\r\n");
    writeFile(input(QStringLiteral("two-email-columns.csv")), "Email,first_name,E-mail Address\r\nzed@example.com,Zed,z@example.com\r\n");
    // Windows-1252 where UTF-8 was expected: an é on line 3.
    writeFile(input(QStringLiteral("latin1.csv")), "email,first_name\r\nzed@example.com,Zed\r\nrene@example.com,Ren\xE9\r\n");
    // Formulas in rejected rows (the email is not one).
    writeFile(input(QStringLiteral("formulas.csv")), "email,first_name\r\nnot-an-email,=2+3\r\n@SUM(A1),-1+2\r\n"
                                                     "zed@example.com,Zed\r\n");
}

void TestHostileImport::hostileInput_data()
{
    QTest::addColumn<QString>("file");      // in the inputs folder, or an absolute path
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");      // error.code in --json; empty when it succeeds
    QTest::addColumn<QString>("phrase");    // in the error message, or in a warning when it succeeds
    QTest::addColumn<int>("imported");      // when it succeeds
    QTest::addColumn<int>("rejected");

    const QString none;
    // Not a file at all: refused by name, before anything is read.
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << 1 << QStringLiteral("file.not-regular") << QStringLiteral("a device") << 0 << 0;
    QTest::newRow("FIFO without a writer") << QStringLiteral("fifo.csv") << 1 << QStringLiteral("file.not-regular") << QStringLiteral("a pipe (FIFO)") << 0 << 0;
    QTest::newRow("folder") << QStringLiteral("folder.csv") << 1 << QStringLiteral("file.not-regular") << QStringLiteral("a folder") << 0 << 0;
    QTest::newRow("file past 2 GiB (sparse)") << QStringLiteral("sparse.csv") << 1 << QStringLiteral("file.too-large") << QStringLiteral("the limit for this kind of file") << 0 << 0;
    // Fields and rows.
    QTest::newRow("50 MB first name") << QStringLiteral("field-50mb.csv") << 1 << QStringLiteral("csv.field-too-long") << QStringLiteral("line 2, column 2: the field is longer than 65,536 characters") << 0 << 0;
    QTest::newRow("field at the limit") << QStringLiteral("field-at-limit.csv") << 0 << none << none << 1 << 0;
    QTest::newRow("field one past the limit") << QStringLiteral("field-over-limit.csv") << 1 << QStringLiteral("csv.field-too-long") << QStringLiteral("line 2, column 2") << 0 << 0;
    QTest::newRow("row past the limit") << QStringLiteral("row-over-limit.csv") << 1 << QStringLiteral("csv.record-too-long") << QStringLiteral("line 2, column") << 0 << 0;
    // Headers.
    QTest::newRow("50 MB of column names") << QStringLiteral("header-50mb.csv") << 1 << QStringLiteral("csv.too-many-columns") << QStringLiteral("line 1, column 4097") << 0 << 0;
    QTest::newRow("one 50 MB column name") << QStringLiteral("header-name-50mb.csv") << 1 << QStringLiteral("csv.field-too-long") << QStringLiteral("line 1, column 1") << 0 << 0;
    QTest::newRow("column name at the limit") << QStringLiteral("header-name-at-limit.csv") << 0 << none << none << 1 << 0;
    QTest::newRow("column name past the limit") << QStringLiteral("header-name-over-limit.csv") << 1 << QStringLiteral("csv.header-name-too-long") << QStringLiteral("line 1, column 2: the column name is 257 characters long") << 0 << 0;
    QTest::newRow("columns at the limit") << QStringLiteral("columns-at-limit.csv") << 0 << none << none << 1 << 0;
    QTest::newRow("columns past the limit") << QStringLiteral("columns-over-limit.csv") << 1 << QStringLiteral("csv.too-many-columns") << QStringLiteral("more than 4,096 columns") << 0 << 0;
    // Control characters: a row with one is rejected; in the header, the file is.
    QTest::newRow("NUL in a field") << QStringLiteral("nul.csv") << 0 << none << none << 1 << 1;
    QTest::newRow("tab and line break in quotes") << QStringLiteral("tab-newline.csv") << 0 << none << none << 1 << 0;
    QTest::newRow("NUL in the header") << QStringLiteral("nul-header.csv") << 1 << QStringLiteral("csv.control-character") << QStringLiteral("column 2: the column name holds a control character (U+0000)") << 0 << 0;
    // Columns.
    QTest::newRow("email and Email") << QStringLiteral("duplicate-header.csv") << 1 << QStringLiteral("import.duplicate-column") << QStringLiteral("columns 1 and 5 are both called \"Email\"") << 0 << 0;
    QTest::newRow("two email columns") << QStringLiteral("two-email-columns.csv") << 1 << QStringLiteral("import.duplicate-column") << QStringLiteral("Columns 1 (\"Email\") and 3 (\"E-mail Address\") both hold email addresses") << 0 << 0;
    // Accepted, said in words.
    QTest::newRow("invalid UTF-8") << QStringLiteral("latin1.csv") << 0 << QStringLiteral("csv.encoding-fallback") << QStringLiteral("line 3: the byte 0xE9 is not UTF-8, so the file was read as Windows-1252") << 2 << 0;
    QTest::newRow("formulas in rejected rows") << QStringLiteral("formulas.csv") << 0 << none << none << 1 << 2;
}

void TestHostileImport::hostileInput()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, phrase);
    QFETCH(int, imported);
    QFETCH(int, rejected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("lux.sqlite"));
    QVERIFY(QFile::copy(m_seed, db));
    const QByteArray before = contactsDigest(db);
    const QString path = QDir::isAbsolutePath(file) ? file : input(file);
    const QString rejects = dir.filePath(QStringLiteral("rejects.csv"));

    const test::BoundedRun r = luxctl({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("contacts"),
                                       QStringLiteral("import"), path, QStringLiteral("--rejects"), rejects});
    qInfo("%s: %lld ms, peak %lld KiB, stdout %lld B, stderr %lld B", QTest::currentDataTag(), r.elapsedMs, r.peakRssKiB,
          r.outBytes, r.errBytes);
    QVERIFY2(r.exitedNormally(), qPrintable(r.describe()));
    QVERIFY2(r.elapsedMs < kWallClockBoundMs, qPrintable(r.describe()));
    QVERIFY2(r.peakRssKiB < kPeakMemoryBoundKiB, qPrintable(r.describe()));
    QVERIFY2(r.outBytes < kOutputBoundBytes, qPrintable(QString::number(r.outBytes)));
    QVERIFY2(r.errBytes < kOutputBoundBytes, qPrintable(QString::number(r.errBytes)));
    QCOMPARE(r.exitCode, exitCode);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(!o.isEmpty(), r.out.left(500).constData());

    if (exitCode != 0) {
        const QJsonObject error = o.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(phrase),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
        QVERIFY2(r.err.contains(phrase.toUtf8()), r.err.left(500).constData());
        QCOMPARE(contactsDigest(db), before);
        QVERIFY(!QFile::exists(rejects)); // nothing is written by a failed import
        return;
    }

    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("imported")).toInt(), imported);
    QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), rejected);
    QCOMPARE(test::countRows(db, QStringLiteral("contacts")), 3 + imported);
    const QJsonArray warnings = o.value(QStringLiteral("warnings")).toArray();
    if (code.isEmpty()) {
        QCOMPARE(warnings.size(), 0);
    } else {
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.at(0).toObject().value(QStringLiteral("code")).toString(), code);
        QVERIFY2(warnings.at(0).toObject().value(QStringLiteral("message")).toString().contains(phrase),
                 qPrintable(warnings.at(0).toObject().value(QStringLiteral("message")).toString()));
    }

    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString rejectsText = QString::fromUtf8(test::readAll(rejects));
    if (tag == QLatin1String("field at the limit")) {
        QCOMPARE(firstNameOf(db, QStringLiteral("zed@example.com")).size(), contacts::CsvReader::kMaxFieldChars);
    } else if (tag == QLatin1String("tab and line break in quotes")) {
        QCOMPARE(firstNameOf(db, QStringLiteral("zed@example.com")), QStringLiteral("Ze\td\nsecond"));
    } else if (tag == QLatin1String("NUL in a field")) {
        // The row with the NUL is out, the next one in; the rejects file says why and where, and
        // carries no NUL itself.
        QCOMPARE(firstNameOf(db, QStringLiteral("zed@example.com")), QStringLiteral("<missing>"));
        QCOMPARE(firstNameOf(db, QStringLiteral("yan@example.com")), QStringLiteral("Yan"));
        QVERIFY2(rejectsText.contains(QStringLiteral("column 2 (first_name) holds a control character (U+0000) at character 3")),
                 qPrintable(rejectsText));
        QVERIFY(!rejectsText.contains(QChar(0)));
        QVERIFY(rejectsText.contains(QStringLiteral("Ze\uFFFDd")));
    } else if (tag == QLatin1String("invalid UTF-8")) {
        QCOMPARE(firstNameOf(db, QStringLiteral("rene@example.com")), QStringLiteral("Ren\u00e9"));
        // In words in the text output as well.
        const test::BoundedRun text = luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("import"),
                                              input(QStringLiteral("latin1.csv"))});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Warning: latin1.csv, line 3: the byte 0xE9 is not UTF-8"), text.out.constData());
    } else if (tag == QLatin1String("formulas in rejected rows")) {
        // Neutralised like an export: an apostrophe in front, never the formula as the cell.
        QVERIFY2(rejectsText.contains(QStringLiteral(",'=2+3\r\n")), qPrintable(rejectsText));
        QVERIFY2(rejectsText.contains(QStringLiteral(",'@SUM(A1),'-1+2\r\n")), qPrintable(rejectsText));
        QVERIFY(!rejectsText.contains(QStringLiteral(",=2+3")));
        QVERIFY(!rejectsText.contains(QStringLiteral(",@SUM")));
        QCOMPARE(contacts::CsvReader::neutralise(QStringLiteral("=2+3")), QStringLiteral("'=2+3"));
    }
}

void TestHostileImport::readOnlyDatabase_data()
{
    QTest::addColumn<QString>("what"); // "file" (mode 0444) or "folder" (mode 0555)
    QTest::newRow("read-only file") << QStringLiteral("file");
    QTest::newRow("read-only folder") << QStringLiteral("folder");
}

void TestHostileImport::readOnlyDatabase()
{
    QFETCH(QString, what);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(folder));
    const QString db = folder + QStringLiteral("/lux.sqlite");
    QVERIFY(QFile::copy(m_seed, db));
    QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = contactsDigest(m_seed); // the same contacts; reading the copy would leave a -shm
    const QByteArray fileBefore = test::fileDigest(db);

    {
        // Root writes whatever the mode says; LUX follows the mode all the same (readOnlyReason).
        const ModeGuard guard(what == QLatin1String("file") ? db : folder, what == QLatin1String("file") ? 0444 : 0555);
        QVERIFY(guard.ok());

        // Reading works, and says it is for viewing only.
        const test::BoundedRun count =
            luxctl({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("count")});
        QVERIFY2(count.exitedNormally() && count.exitCode == 0, qPrintable(count.describe() + QString::fromUtf8(count.err)));
        QVERIFY2(count.elapsedMs < kWallClockBoundMs, qPrintable(count.describe()));
        QCOMPARE(QJsonDocument::fromJson(count.out).object().value(QStringLiteral("count")).toInt(), 3);
        QVERIFY2(count.err.contains("is read-only (") && count.err.contains("LUX opened it for viewing; changes are disabled."),
                 count.err.constData());

        const test::BoundedRun info =
            luxctl({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("db"), QStringLiteral("info")});
        QCOMPARE(info.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(info.out).object().value(QStringLiteral("read_only")).toBool(), true);

        // Writing is refused up front, in words, with its own code.
        const test::BoundedRun import = luxctl({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("contacts"),
                                                QStringLiteral("import"), input(QStringLiteral("seed.csv"))});
        QVERIFY2(import.exitedNormally(), qPrintable(import.describe()));
        QCOMPARE(import.exitCode, 1);
        const QJsonObject error = QJsonDocument::fromJson(import.out).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("db.read-only"));
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("is read-only")),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
        const test::BoundedRun add = luxctl({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("contacts"),
                                             QStringLiteral("add"), QStringLiteral("new@example.com")});
        QCOMPARE(add.exitCode, 1);
        QVERIFY(add.out.contains("\"db.read-only\""));
    }
    // Nothing was written to it, nor left beside it (no lock file, no -shm with the read-only mode).
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("lux.sqlite")});
    QCOMPARE(test::fileDigest(db), fileBefore);
    QCOMPARE(contactsDigest(db), before);
}

LUX_TEST_MAIN(TestHostileImport, QCoreApplication)
#include "tst_hostile_import.moc"
