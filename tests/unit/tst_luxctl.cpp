// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real luxctl binary.
#include "sms/segments.h"
#include "storage/database.h"
#include "secrets/secretstore.h"
#include "testsupport.h"
#include "users/auditlog.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace lux;

namespace {
using Run = lux::test::ProcessRun;

Run luxctl(const QStringList &args)
{
    return lux::test::runCaptured(QStringLiteral(LUXCTL_PATH), args);
}
} // namespace

class TestLuxctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initCheckJson();
    void backupRestoreRoundTrip();
    void infoReportsFacts();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void failuresExitOne();
    void restoreRefusesWhileAnotherWriterHoldsIt();
    void dbFromEnvironment();
    void contactsImportReportsJson();
    void contactsExportNeutralisesFormulas();
    void contactsUsageErrors_data();
    void contactsUsageErrors();
    void templateImportRenderCheck();
    void secretGoesToTheKeychainFromStdin();
    void twoDatabasesKeepTheirOwnSettingsAndKeys();
    void commandHelpListsItsOwnOptions();
    void unknownCommandsAreNamed_data();
    void unknownCommandsAreNamed();
    void sendingASentCampaignDoesNothing();
    void smsSegmentsPrintsTheCount();
};

void TestLuxctl::initCheckJson()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("x.sqlite"));
    const Run init = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("init")});
    QCOMPARE(init.exitCode, 0);
    QVERIFY2(init.out.contains("Created"), init.out.constData());
    const Run check = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(check.exitCode, 0);
    const QJsonObject o = check.json();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(false), true);
    QCOMPARE(o.value(QStringLiteral("integrity")).toBool(false), true);
    QCOMPARE(check.out.count('\n'), 1); // one JSON object, one line
    QVERIFY(check.err.isEmpty());
}

void TestLuxctl::backupRestoreRoundTrip()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("x.sqlite"));
    const QString backup = env.path(QStringLiteral("x-backup.sqlite"));
    (void)test::createDatabaseWithAdmin(db);
    {
        auto opened = Database::open(db);
        AuditLog log((*opened)->connection());
        for (int i = 0; i < 40; ++i)
            QVERIFY(log.record(std::nullopt, QStringLiteral("row.before")).ok());
    }
    const int rowsAtBackup = test::countRows(db, QStringLiteral("audit_log"));
    const Run b = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("backup"), backup, QStringLiteral("--json")});
    QCOMPARE(b.exitCode, 0);
    QCOMPARE(b.json().value(QStringLiteral("backup")).toString(), backup);
    {
        auto opened = Database::open(db);
        AuditLog log((*opened)->connection());
        for (int i = 0; i < 15; ++i)
            QVERIFY(log.record(std::nullopt, QStringLiteral("row.after")).ok());
    }
    QCOMPARE(test::countRows(db, QStringLiteral("audit_log")), rowsAtBackup + 15);

    const Run r = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("restore"), backup, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(r.json().value(QStringLiteral("previous_kept_at")).toString()));
    // Same rows as the backup, plus the audit line of the restore itself.
    QCOMPARE(test::countRows(db, QStringLiteral("audit_log")), rowsAtBackup + 1);
    QCOMPARE(test::countRows(db, QStringLiteral("users")), 1);
    const Run check = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(check.json().value(QStringLiteral("ok")).toBool(false), true);
}

void TestLuxctl::infoReportsFacts()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("x.sqlite"));
    (void)test::createDatabaseWithAdmin(db);
    const Run info = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject o = info.json();
    QCOMPARE(o.value(QStringLiteral("users")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), o.value(QStringLiteral("latest_schema_version")).toInt());
    QCOMPARE(o.value(QStringLiteral("locked")).toBool(true), false);
    QVERIFY(o.value(QStringLiteral("size_bytes")).toInt() > 0);
}

void TestLuxctl::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("group only") << QStringList{QStringLiteral("db")};
    QTest::newRow("unknown group") << QStringList{QStringLiteral("nope"), QStringLiteral("init")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("db"), QStringLiteral("explode")};
    QTest::newRow("backup without file") << QStringList{QStringLiteral("db"), QStringLiteral("backup")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("db"), QStringLiteral("info")};
}

void TestLuxctl::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    test::TestEnvironment env;
    const Run r = luxctl(QStringList{QStringLiteral("--db"), env.path(QStringLiteral("u.sqlite"))} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith("luxctl: "));
}

void TestLuxctl::failuresExitOne()
{
    test::TestEnvironment env;
    const QString random = env.path(QStringLiteral("random.sqlite"));
    test::writeRandomBytes(random, 4096);
    const QByteArray before = test::fileDigest(random);
    const Run init = luxctl({QStringLiteral("--db"), random, QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--json")});
    QCOMPARE(init.exitCode, 1);
    QCOMPARE(init.json().value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(init.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("db.not-sqlite"));
    QVERIFY(init.err.contains("random.sqlite"));
    QCOMPARE(test::fileDigest(random), before);

    const QString db = env.path(QStringLiteral("x.sqlite"));
    (void)test::createDatabaseWithAdmin(db);
    const QByteArray dbBefore = test::fileDigest(db);
    const Run restore = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("restore"), random});
    QCOMPARE(restore.exitCode, 1);
    QCOMPARE(test::fileDigest(db), dbBefore);
    const Run check = luxctl({QStringLiteral("--db"), env.path(QStringLiteral("missing.sqlite")), QStringLiteral("db"),
                              QStringLiteral("check")});
    QCOMPARE(check.exitCode, 1);
}

void TestLuxctl::restoreRefusesWhileAnotherWriterHoldsIt()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("x.sqlite"));
    (void)test::createDatabaseWithAdmin(db);
    QVERIFY(luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("backup"), env.path(QStringLiteral("b.sqlite"))}).exitCode == 0);
    auto holder = test::startHolder(db);
    QVERIFY(holder);
    const Run restore = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("restore"),
                                env.path(QStringLiteral("b.sqlite")), QStringLiteral("--json")});
    QCOMPARE(restore.exitCode, 1);
    QCOMPARE(restore.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("db.locked"));
    // An online backup works while the writer runs.
    QCOMPARE(luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("backup"), env.path(QStringLiteral("c.sqlite"))}).exitCode, 0);
    const Run info = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")});
    QCOMPARE(info.json().value(QStringLiteral("locked")).toBool(false), true);
    holder->kill();
    holder->waitForFinished();
}

void TestLuxctl::dbFromEnvironment()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("env.sqlite"));
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("LUX_DB"), db);
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("db"), QStringLiteral("init")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QFile::exists(db));
}

void TestLuxctl::contactsImportReportsJson()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("c.sqlite"));
    const QString rejects = env.path(QStringLiteral("rejects.csv"));
    const Run r = luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("import"),
                          QStringLiteral(LUX_TEST_DATA_DIR "/csv/mailchimp-messy.csv"), QStringLiteral("--tag"),
                          QStringLiteral("Fair 2026"), QStringLiteral("--rejects"), rejects, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    for (const char *key : {"read", "imported", "updated", "duplicates", "rejected"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("read")).toInt(), 16);
    QCOMPARE(o.value(QStringLiteral("imported")).toInt(), 5);
    QCOMPARE(o.value(QStringLiteral("duplicates")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), 10);
    QVERIFY(QFile::exists(rejects));

    const Run count = luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("count"),
                              QStringLiteral("--tag"), QStringLiteral("fair 2026"), QStringLiteral("--json")});
    QCOMPARE(count.json().value(QStringLiteral("count")).toInt(), 5);
    const Run show = luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("show"),
                             QStringLiteral("ERIN@example.com"), QStringLiteral("--json")});
    QCOMPARE(show.exitCode, 0);
    QCOMPARE(show.json().value(QStringLiteral("phone")).toString(), QStringLiteral("+12125550199"));
    const Run add = luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("add"),
                            QStringLiteral("erin@example.com")});
    QCOMPARE(add.exitCode, 1); // already there
    QVERIFY(add.err.contains("already exists"));
}

void TestLuxctl::contactsExportNeutralisesFormulas()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("c.sqlite"));
    QCOMPARE(luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("import"),
                     QStringLiteral(LUX_TEST_DATA_DIR "/csv/mailchimp-messy.csv")}).exitCode, 0);
    const QString out = env.path(QStringLiteral("out.csv"));
    const Run r = luxctl({QStringLiteral("--db"), db, QStringLiteral("contacts"), QStringLiteral("export"), out,
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("exported")).toInt(), 5);
    const QByteArray csv = test::readAll(out);
    QVERIFY(csv.startsWith("email,first_name,last_name,phone,company,"));
    QVERIFY2(csv.contains(",'=cmd|'/C calc'!A0,"), csv.constData()); // Bob's company, defused
    QVERIFY(csv.contains(",+34612345678,")); // a phone number is a number, not a formula
    QVERIFY(csv.contains("\"Customer, VIP\"") || csv.contains("\"VIP, Customer\""));
}

void TestLuxctl::contactsUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("import without file") << QStringList{QStringLiteral("contacts"), QStringLiteral("import")};
    QTest::newRow("bad policy") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("x.csv"),
                                               QStringLiteral("--on-duplicate"), QStringLiteral("merge")};
    QTest::newRow("bad map") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("x.csv"),
                                            QStringLiteral("--map"), QStringLiteral("nofield")};
    QTest::newRow("bad encoding") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("x.csv"),
                                                 QStringLiteral("--encoding"), QStringLiteral("ebcdic")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("contacts"), QStringLiteral("merge")};
}

void TestLuxctl::contactsUsageErrors()
{
    QFETCH(QStringList, args);
    test::TestEnvironment env;
    const Run r = luxctl(QStringList{QStringLiteral("--db"), env.path(QStringLiteral("u.sqlite"))} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFile::exists(env.path(QStringLiteral("u.sqlite"))));
}

void TestLuxctl::templateImportRenderCheck()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("t.sqlite"));
    const auto write = [&env](const char *name, const QByteArray &bytes) {
        const QString path = env.path(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return QString();
        return path;
    };
    const auto run = [&db](QStringList args) { return luxctl(QStringList{QStringLiteral("--db"), db} + args); };
    QCOMPARE(run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral(LUX_TEST_DATA_DIR "/csv/mailchimp-messy.csv")}).exitCode, 0);
    const QString footer = write("footer.html", "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>");
    const QString brand = write("brand.json", "{\"name\": \"Acme\", \"address\": \"1 Main St, Springfield\"}");
    const QString markdown = write("news.md", "# Hi {{first_name | default: \"there\"}}\n\nNews for **{{company}}**, "
                                              "[read more](https://acme.example/news).\n\n{{> footer}}\n");
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("component"), QStringLiteral("footer"), footer}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("brand"), QStringLiteral("Acme"), brand}).exitCode, 0);
    Run r = run({QStringLiteral("template"), QStringLiteral("import"), markdown, QStringLiteral("--name"), QStringLiteral("News"),
                 QStringLiteral("--subject"), QStringLiteral("News for {{first_name}}"), QStringLiteral("--preheader"),
                 QStringLiteral("Three things"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("format")).toString(), QStringLiteral("markdown"));
    QCOMPARE(r.json().value(QStringLiteral("versions")).toInt(), 1);
    r = run({QStringLiteral("template"), QStringLiteral("import"), markdown, QStringLiteral("--name"), QStringLiteral("news"),
             QStringLiteral("--json")}); // the same name without case: a new version, subject kept
    QCOMPARE(r.json().value(QStringLiteral("versions")).toInt(), 1); // nothing changed: no new version
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("list"), QStringLiteral("--json")})
                 .json().value(QStringLiteral("templates")).toArray().size(), 1);

    const QString html = env.path(QStringLiteral("out.html"));
    const QString text = env.path(QStringLiteral("out.txt"));
    r = run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("News"), QStringLiteral("--contact"),
             QStringLiteral("ana@example.com"), QStringLiteral("--html"), html, QStringLiteral("--text"), text, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("subject")).toString(), QStringLiteral("News for Ana"));
    QCOMPARE(test::readAll(html), QByteArray("<h1>Hi Ana</h1>\n<p>News for <strong>Acme</strong>, <a href=\"https://acme.example/news\">read more</a>.</p>\n"
                                             "<p>1 Main St, Springfield <a href=\"https://unsubscribe.invalid/preview\">Unsubscribe</a></p>\n"));
    QCOMPARE(test::readAll(text), QByteArray("Hi Ana\n======\n\nNews for Acme, read more [1].\n\n1 Main St, Springfield Unsubscribe [2]\n\n"
                                             "[1] https://acme.example/news\n[2] https://unsubscribe.invalid/preview"));
    const QString eml = env.path(QStringLiteral("out.eml"));
    r = run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("News"), QStringLiteral("--contact"),
             QStringLiteral("josé@bücher.de"), QStringLiteral("--mime"), eml, QStringLiteral("--from"), QStringLiteral("Acme <news@acme.example>")});
    QCOMPARE(r.exitCode, 0);
    const QByteArray message = test::readAll(eml);
    // A Unicode local part is written raw (RFC 6532), never as an encoded-word.
    QVERIFY2(message.contains(QStringLiteral("\r\nTo: =?utf-8?Q?Jos=C3=A9_M=C3=BCller?= <josé@bücher.de>\r\n").toUtf8()), message.left(400).constData());
    QVERIFY(message.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
    QVERIFY(message.contains("Content-Type: multipart/alternative"));
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("News"), QStringLiteral("--mime"), eml,
                  QStringLiteral("--from"), QStringLiteral("not an address")}).exitCode, 1);
    const QString png = env.path(QStringLiteral("out.png"));
    r = run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("News"), QStringLiteral("--png"), png,
             QStringLiteral("--width"), QStringLiteral("375"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QImage shot(png);
    QCOMPARE(shot.width(), 375);
    QCOMPARE(shot.height(), r.json().value(QStringLiteral("png_height")).toInt());
    QVERIFY(shot.height() > 50);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("News"), QStringLiteral("--png"), png,
                  QStringLiteral("--width"), QStringLiteral("wide")}).exitCode, 2);
    r = run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("News")}); // nobody: the defaults
    QVERIFY(r.out.startsWith("<h1>Hi there</h1>"));
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("check"), QStringLiteral("News")}).exitCode, 0);

    // A file with problems: check lists them with places and exits 1; render refuses.
    const QString bad = write("bad.html", "<p>Hi {{frist_name}}</p>\n<img src=\"a.png\"><a href=\"javascript:x()\">x</a>");
    r = run({QStringLiteral("template"), QStringLiteral("check"), bad, QStringLiteral("--subject"), QStringLiteral("Hello"),
             QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QStringList found;
    for (const QJsonValue &v : r.json().value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        found << QStringLiteral("%1 %2 %3:%4").arg(f.value(QStringLiteral("severity")).toString(), f.value(QStringLiteral("code")).toString())
                     .arg(f.value(QStringLiteral("line")).toInt()).arg(f.value(QStringLiteral("column")).toInt());
    }
    QCOMPARE(found, (QStringList{QStringLiteral("warning preheader.missing 0:0"), QStringLiteral("error merge.problem 1:7"),
                                 QStringLiteral("error unsubscribe.missing 0:0"), QStringLiteral("error address.missing 0:0"),
                                 QStringLiteral("warning image.alt 2:1"), QStringLiteral("error link.unsafe 2:18")}));
    r = run({QStringLiteral("template"), QStringLiteral("render"), bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bad.html:1:7: error: Unknown merge tag {{frist_name}}."), r.err.constData());
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("render")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("Nope")}).exitCode, 1);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), bad}).exitCode, 2); // no --name
}


void TestLuxctl::secretGoesToTheKeychainFromStdin()
{
    // Read from standard input (never the command line), stored in the real Secret Service under the
    // database's own entry.
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("s.sqlite"));
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("LUX_SECRET_GRAPH_CLIENT_SECRET"));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("secret"),
                                          QStringLiteral("graph.client_secret")});
    QVERIFY(p.waitForStarted());
    p.write("tst-luxctl-secret-42\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QString id = luxctl({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")})
                           .json()
                           .value(QStringLiteral("database_id"))
                           .toString();
    QVERIFY(!id.isEmpty());
    const SecretStore scoped = SecretStore().scopedTo(id, false);
    const Result<QString> stored = test::await(scoped.read(Secret::GraphClientSecret));
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
    QCOMPARE(*stored, QStringLiteral("tst-luxctl-secret-42"));
    QVERIFY(test::await(scoped.remove(Secret::GraphClientSecret)).ok());
    // Only graph.client_secret is a secret; nothing else is stored this way.
    QCOMPARE(luxctl({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("secret"), QStringLiteral("graph.tenant")}).exitCode, 2);
}

// An agency with two clients: `--db a` and `--db b` keep their own tracker, tenant and signing keys;
// the person's preferences are the same for both.
void TestLuxctl::twoDatabasesKeepTheirOwnSettingsAndKeys()
{
    test::TestEnvironment env;
    const QString a = env.path(QStringLiteral("a.sqlite"));
    const QString b = env.path(QStringLiteral("b.sqlite"));
    const auto on = [](const QString &db, QStringList args) { return luxctl(QStringList{QStringLiteral("--db"), db} + args); };
    for (const QString &db : {a, b})
        QCOMPARE(on(db, {QStringLiteral("db"), QStringLiteral("init")}).exitCode, 0);
    const Run setA = on(a, {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("tracker.url"), QStringLiteral("https://track.a.example"), QStringLiteral("--json")});
    QCOMPARE(setA.exitCode, 0);
    QCOMPARE(setA.json().value(QStringLiteral("scope")).toString(), QStringLiteral("database"));
    QCOMPARE(on(b, {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("tracker.url"), QStringLiteral("https://track.b.example")}).exitCode, 0);
    QCOMPARE(on(a, {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("graph.tenant"), QStringLiteral("a-tenant")}).exitCode, 0);
    const auto get = [&](const QString &db, const QString &key) {
        return on(db, {QStringLiteral("settings"), QStringLiteral("get"), key}).out.trimmed();
    };
    QCOMPARE(get(a, QStringLiteral("tracker.url")), QByteArray("https://track.a.example"));
    QCOMPARE(get(b, QStringLiteral("tracker.url")), QByteArray("https://track.b.example"));
    QCOMPARE(get(a, QStringLiteral("graph.tenant")), QByteArray("a-tenant"));
    QCOMPARE(get(b, QStringLiteral("graph.tenant")), QByteArray());

    // `settings list` says where each key lives.
    const QJsonArray listed = on(a, {QStringLiteral("settings"), QStringLiteral("list"), QStringLiteral("--json")})
                                  .json()
                                  .value(QStringLiteral("settings"))
                                  .toArray();
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue &v : listed)
        byKey.insert(v.toObject().value(QStringLiteral("key")).toString(), v.toObject());
    QCOMPARE(byKey.value(QStringLiteral("tracker.url")).value(QStringLiteral("scope")).toString(), QStringLiteral("database"));
    QCOMPARE(byKey.value(QStringLiteral("tracker.url")).value(QStringLiteral("value")).toString(), QStringLiteral("https://track.a.example"));
    QCOMPARE(byKey.value(QStringLiteral("appearance.theme")).value(QStringLiteral("scope")).toString(), QStringLiteral("person"));
    QCOMPARE(byKey.value(QStringLiteral("graph.delegated_mailbox")).value(QStringLiteral("scope")).toString(),
             QStringLiteral("person-in-database"));

    // Two trackers, two key rings.
    const Run keyA = on(a, {QStringLiteral("tracker"), QStringLiteral("new-key"), QStringLiteral("--json")});
    const Run keyB = on(b, {QStringLiteral("tracker"), QStringLiteral("new-key"), QStringLiteral("--json")});
    QCOMPARE(keyA.exitCode, 0);
    QCOMPARE(keyB.exitCode, 0);
    const QString ringA = keyA.json().value(QStringLiteral("keys")).toString();
    const QString ringB = keyB.json().value(QStringLiteral("keys")).toString();
    QVERIFY(!ringA.isEmpty());
    QVERIFY(ringA != ringB);
    for (const auto &[db, ring] : {std::pair{a, ringA}, std::pair{b, ringB}}) {
        const QString id = on(db, {QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")})
                               .json()
                               .value(QStringLiteral("database_id"))
                               .toString();
        const SecretStore scoped = SecretStore().scopedTo(id, false);
        const Result<QString> stored = test::await(scoped.read(Secret::TrackingKeys));
        QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
        QCOMPARE(stored->trimmed(), ring.trimmed());
        QVERIFY(test::await(scoped.remove(Secret::TrackingKeys)).ok());
    }
}

void TestLuxctl::commandHelpListsItsOwnOptions()
{
    const Run send = luxctl({QStringLiteral("campaign"), QStringLiteral("send"), QStringLiteral("--help")});
    QCOMPARE(send.exitCode, 0);
    QVERIFY2(send.out.contains("campaign send ID"), send.out.constData());
    QVERIFY2(send.out.contains("--accept-warnings"), send.out.constData());
    QVERIFY(send.out.contains("--db <PATH>")); // the global options are there too
    for (const char *other : {"--until-idle", "--csv", "--template", "--on-duplicate", "--to <EMAIL>"})
        QVERIFY2(!send.out.contains(other), other);

    const Run import = luxctl({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(import.exitCode, 0);
    QVERIFY2(import.out.contains("contacts import FILE"), import.out.constData());
    for (const char *own : {"--on-duplicate <POLICY>", "--rejects <OUT.csv>", "--map <COLUMN=FIELD>", "--default-country <CC>"})
        QVERIFY2(import.out.contains(own), own);
    for (const char *other : {"--status", "--search", "--accept-warnings", "--first-name"})
        QVERIFY2(!import.out.contains(other), other);

    // A command without options of its own still shows the global ones.
    const Run status = luxctl({QStringLiteral("campaign"), QStringLiteral("status"), QStringLiteral("--help")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY(status.out.contains("campaign status ID"));
    QVERIFY(status.out.contains("--json"));
    QVERIFY(!status.out.contains("--accept-warnings"));

    // The overview still lists every group's commands, and no command's options.
    const Run all = luxctl({QStringLiteral("--help")});
    QCOMPARE(all.exitCode, 0);
    for (const char *command : {"db init", "contacts import FILE", "campaign send ID", "campaign retry-failed ID", "tracker new-key"})
        QVERIFY2(all.out.contains(command), command);
    QVERIFY(all.out.contains("--db <PATH>"));
    QVERIFY(!all.out.contains("--on-duplicate"));
}

void TestLuxctl::unknownCommandsAreNamed_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("named");
    QTest::newRow("command") << QStringList{QStringLiteral("campaign"), QStringLiteral("frobnicate")} << QByteArray("'campaign frobnicate'");
    QTest::newRow("command with help") << QStringList{QStringLiteral("campaign"), QStringLiteral("frobnicate"), QStringLiteral("--help")}
                                       << QByteArray("'campaign frobnicate'");
    QTest::newRow("group") << QStringList{QStringLiteral("frob"), QStringLiteral("init")} << QByteArray("'frob'");
    QTest::newRow("another command's option") << QStringList{QStringLiteral("contacts"), QStringLiteral("count"), QStringLiteral("--accept-warnings")}
                                              << QByteArray("accept-warnings");
}

void TestLuxctl::unknownCommandsAreNamed()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, named);
    test::TestEnvironment env;
    const Run r = luxctl(QStringList{QStringLiteral("--db"), env.path(QStringLiteral("u.sqlite"))} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("luxctl: "), r.err.constData());
    QVERIFY2(r.err.contains(named), r.err.constData());
    QVERIFY(!QFile::exists(env.path(QStringLiteral("u.sqlite"))));
}

void TestLuxctl::sendingASentCampaignDoesNothing()
{
    test::TestEnvironment env;
    const QString db = env.path(QStringLiteral("s.sqlite"));
    const auto run = [&db](QStringList args) { return luxctl(QStringList{QStringLiteral("--db"), db} + args); };
    const QString html = env.path(QStringLiteral("t.html"));
    {
        QFile f(html);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<p>Hello {{first_name}}</p><p><a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>");
    }
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), html, QStringLiteral("--name"), QStringLiteral("T"),
                  QStringLiteral("--subject"), QStringLiteral("Hi")})
                 .exitCode,
             0);
    QCOMPARE(run({QStringLiteral("sender"), QStringLiteral("add"), QStringLiteral("news@acme.example")}).exitCode, 0);
    const Run created = run({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Done"),
                             QStringLiteral("--template"), QStringLiteral("T"), QStringLiteral("--from"), QStringLiteral("news@acme.example"),
                             QStringLiteral("--json")});
    QCOMPARE(created.exitCode, 0);
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    {
        // Sent earlier, by another run; its outbox is as that run left it (empty here).
        QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mark-sent"));
        conn.setDatabaseName(db);
        QVERIFY(conn.open());
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("UPDATE campaigns SET status = 'sent' WHERE id = ?"));
        q.addBindValue(id);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
        q.finish();
        conn.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mark-sent"));

    // No Graph settings, no tracker, no keychain: any step past the check would fail.
    const Run text = run({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id)});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("Campaign %1 was already sent: nothing to do.").arg(id).toUtf8()), text.out.constData());
    const Run json = run({QStringLiteral("campaign"), QStringLiteral("send"), QString::number(id), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.json().value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(json.json().value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
    // Never started again: no recipient was added to the outbox.
    const QJsonObject outbox = json.json().value(QStringLiteral("outbox")).toObject();
    for (auto it = outbox.constBegin(); it != outbox.constEnd(); ++it)
        QVERIFY2(it.value().toInteger() == 0, qPrintable(it.key()));
}

void TestLuxctl::smsSegmentsPrintsTheCount()
{
    // The JSON of the issue, fields in its order: 161 GSM characters are 153 + 8 septets (Twilio: 160 in
    // one part, 153 a part once concatenated).
    const QString gsm = QString(161, QLatin1Char('a'));
    Run r = luxctl({QStringLiteral("sms"), QStringLiteral("segments"), gsm, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray(R"({"encoding":"GSM-7","segments":2,"units":161,"per_segment":153,"ucs2_chars":[]})" "\n"));
    QVERIFY(r.err.isEmpty());

    // Curly quotes and an emoji: UCS-2, the emoji two units; the characters to blame in order.
    const QString ucs2 = QStringLiteral("Sale “today” ") + QString::fromUcs4(U"\U0001F600");
    r = luxctl({QStringLiteral("sms"), QStringLiteral("segments"), ucs2, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("encoding")).toString(), QStringLiteral("UCS-2"));
    QCOMPARE(o.value(QStringLiteral("segments")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("units")).toInt(), 15);
    QCOMPARE(o.value(QStringLiteral("per_segment")).toInt(), 70);
    QCOMPARE(o.value(QStringLiteral("ucs2_chars")).toArray(),
             (QJsonArray{QStringLiteral("“"), QStringLiteral("”"), QString::fromUcs4(U"\U0001F600")}));
    // The binary and the library agree.
    const sms::SegmentCount c = sms::Segments::count(ucs2);
    QCOMPARE(o.value(QStringLiteral("units")).toInt(), c.units);
    QCOMPARE(o.value(QStringLiteral("ucs2_chars")).toArray(), QJsonArray::fromStringList(c.ucs2CharStrings()));

    // Without --json, one readable line (and the blamed characters on the next).
    r = luxctl({QStringLiteral("sms"), QStringLiteral("segments"), ucs2});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("UCS-2: 1 segment"), r.out.constData());
    QVERIFY2(r.out.contains("“ ” "), r.out.constData());

    // Over Twilio's 1,600 characters: a failure that still reports the count.
    r = luxctl({QStringLiteral("sms"), QStringLiteral("segments"), QString(1601, QLatin1Char('a')), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("sms.too-long"));
    QCOMPARE(r.json().value(QStringLiteral("segments")).toInt(), 11);
    // No text, or two: a usage error.
    QCOMPARE(luxctl({QStringLiteral("sms"), QStringLiteral("segments")}).exitCode, 2);
}

LUX_TEST_MAIN(TestLuxctl, QCoreApplication)
#include "tst_luxctl.moc"
