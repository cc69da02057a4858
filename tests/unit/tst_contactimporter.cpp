// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacts/contactimporter.h"
#include "contacts/contactrepository.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::contacts;

namespace {

QString data(const char *name)
{
    return QStringLiteral(LUX_TEST_DATA_DIR "/csv/") + QString::fromLatin1(name);
}

QString writeFile(const test::DatabaseFixture &fx, const QString &name, const QByteArray &bytes)
{
    const QString path = fx.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QVariant scalar(const QString &db, const QString &sql, const QVariantList &binds = {})
{
    storage::ScopedConnection conn(db, storage::ScopedConnection::Mode::ReadOnly);
    QSqlQuery q(conn.db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestContactImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void messyMailchimpExport();
    void hubspotExport();
    void otherDelimitersAndEncodings_data();
    void otherDelimitersAndEncodings();
    void duplicatePolicies_data();
    void duplicatePolicies();
    void neverResubscribes();
    void consentRecordedForNewContacts();
    void explicitMappingAndCustomFields();
    void mappingErrorsNameTheColumn();
    void cancelRollsBackEverything();
    void rejectsFileHasLineAndReason();
    void searchFollowsImportsAndEdits();
    void headerChecks_data();
    void headerChecks();
    void controlCharactersRejectTheRowNotTheFile();
    void encodingFallbackIsInTheReport();
    void onlyRegularFilesAreRead();

private:
    std::optional<test::DatabaseFixture> m_fx;
};

void TestContactImporter::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("contacts.sqlite")).open());
}

void TestContactImporter::messyMailchimpExport()
{
    ImportOptions options;
    const auto report = ContactImporter::run(m_fx->path(), data("mailchimp-messy.csv"), options);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->plan.preset, Preset::Mailchimp);
    QCOMPARE(report->read, 16);
    QCOMPARE(report->imported, 5);
    QCOMPARE(report->duplicates, 1);
    QCOMPARE(report->updated, 0);
    QCOMPARE(report->rejected, 10);
    QCOMPARE(report->read, report->imported + report->duplicates + report->rejected);

    const QList<QPair<qint64, QString>> expected = {
        {5, QStringLiteral("it has no @")},
        {6, QStringLiteral("the character '@' is not allowed")},
        {7, QStringLiteral("dots must sit between characters")},
        {8, QStringLiteral("dots must sit between characters")},
        {9, QStringLiteral("the character ' ' is not allowed")},
        {10, QStringLiteral("the domain needs a dot")},
        {11, QStringLiteral("the domain ends in a number")},
        {12, QStringLiteral("cannot start or end with a hyphen")},
        // libphonenumber (issue 15) says what the seven digits are: a local number without its area code.
        {14, QStringLiteral("add the area code")},
        {17, QStringLiteral("2 fields where the header has 9")},
    };
    QCOMPARE(report->rejections.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(report->rejections.at(i).line, expected.at(i).first);
        QVERIFY2(report->rejections.at(i).reason.contains(expected.at(i).second),
                 qPrintable(report->rejections.at(i).reason));
    }

    ContactRepository repo(m_fx->db());
    const auto ana = repo.findByEmail(QStringLiteral("ANA@example.com"));
    QVERIFY(ana.ok());
    QCOMPARE(ana->firstName, QStringLiteral("Ana")); // the first row wins under "skip"
    QCOMPARE(ana->phone, QStringLiteral("+34612345678"));
    QCOMPARE(ana->country, QStringLiteral("ES"));
    QCOMPARE(ana->tags, (QStringList{QStringLiteral("Customer"), QStringLiteral("VIP")}));
    QCOMPARE(ana->source, QStringLiteral("import:mailchimp-messy.csv"));
    const auto jose = repo.findByEmail(QStringLiteral("josé@xn--bcher-kva.de"));
    QVERIFY(jose.ok());
    QCOMPARE(jose->email, QStringLiteral("josé@bücher.de"));
    QCOMPARE(repo.findByEmail(QStringLiteral("dave@example.com"))->lastName, QStringLiteral("Multi\nLine"));
    QCOMPARE(repo.findByEmail(QStringLiteral("erin@example.com"))->phone, QStringLiteral("+12125550199"));
    QCOMPARE(*repo.count(), 5);
    QCOMPARE(*repo.count({QStringLiteral("customer"), {}, {}, {}}), 2);
    QCOMPARE(*repo.count({QStringLiteral("VIP"), {}, {}, {}}), 2);
}

void TestContactImporter::hubspotExport()
{
    ImportOptions options;
    const auto report = ContactImporter::run(m_fx->path(), data("hubspot.csv"), options);
    QVERIFY(report.ok());
    QCOMPARE(report->plan.preset, Preset::HubSpot);
    QCOMPARE(report->imported, 3);
    QCOMPARE(report->rejected, 0);
    const auto fay = ContactRepository(m_fx->db()).findByEmail(QStringLiteral("fay@example.com"));
    QCOMPARE(fay->phone, QStringLiteral("+14155550100"));
    QCOMPARE(fay->company, QStringLiteral("Lopez & Co"));
    QCOMPARE(fay->city, QStringLiteral("San Francisco"));
    QCOMPARE(fay->custom.value(QStringLiteral("hubspot_record_id")).toString(), QStringLiteral("101"));
    QVERIFY(!fay->custom.contains(QStringLiteral("lifecycle_stage"))); // unknown columns are dropped by default
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM custom_fields")).toInt(), 1);
}

void TestContactImporter::otherDelimitersAndEncodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("firstName");
    QTest::newRow("semicolon") << data("semicolon-utf8.csv") << QChar(u';') << "ines@example.es" << "Inés";
    QTest::newRow("tab") << data("tabs.csv") << QChar(u'\t') << "juan@example.com" << "";
    QTest::newRow("pipe, CR line ends") << data("pipes-cr.csv") << QChar(u'|') << "lee@example.com" << "";
}

void TestContactImporter::otherDelimitersAndEncodings()
{
    QFETCH(QString, file);
    QFETCH(QChar, delimiter);
    QFETCH(QString, email);
    QFETCH(QString, firstName);
    const auto report = ContactImporter::run(m_fx->path(), file, {});
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->delimiter, delimiter);
    QCOMPARE(report->rejected, 0);
    const auto c = ContactRepository(m_fx->db()).findByEmail(email);
    QVERIFY(c.ok());
    QCOMPARE(c->firstName, firstName); // "nombre" is a known alias; "name" alone is not mapped
}

void TestContactImporter::duplicatePolicies_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("company");   // stored "Old Co", incoming "New Co"
    QTest::addColumn<QString>("city");      // stored empty, incoming "Madrid"
    QTest::addColumn<int>("updated");
    QTest::newRow("skip") << int(DuplicatePolicy::Skip) << "Old Co" << "" << 0;
    QTest::newRow("fill") << int(DuplicatePolicy::Fill) << "Old Co" << "Madrid" << 1;
    QTest::newRow("overwrite") << int(DuplicatePolicy::Overwrite) << "New Co" << "Madrid" << 1;
}

void TestContactImporter::duplicatePolicies()
{
    QFETCH(int, policy);
    QFETCH(QString, company);
    QFETCH(QString, city);
    QFETCH(int, updated);
    Contact existing;
    existing.email = QStringLiteral("Pat@Example.com");
    existing.company = QStringLiteral("Old Co");
    existing.firstName = QStringLiteral("Pat");
    QVERIFY(ContactRepository(m_fx->db()).add(existing, QStringLiteral("US"), std::nullopt).ok());
    const QString file = writeFile(*m_fx, QStringLiteral("dup.csv"),
                                   "email,company,city,first name\npat@EXAMPLE.com,New Co,Madrid,\n");
    ImportOptions options;
    options.onDuplicate = static_cast<DuplicatePolicy>(policy);
    const auto report = ContactImporter::run(m_fx->path(), file, options);
    QVERIFY(report.ok());
    QCOMPARE(report->duplicates, 1);
    QCOMPARE(report->imported, 0);
    QCOMPARE(report->updated, updated);
    const auto pat = ContactRepository(m_fx->db()).findByEmail(QStringLiteral("pat@example.com"));
    QCOMPARE(pat->company, company);
    QCOMPARE(pat->city, city);
    QCOMPARE(pat->firstName, QStringLiteral("Pat")); // an empty cell never blanks a stored value
}

void TestContactImporter::neverResubscribes()
{
    // One contact unsubscribed already; one address only on the suppression list.
    {
        QSqlQuery q(m_fx->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (email, email_key, status, created_at, updated_at) "
                                      "VALUES ('gone@example.com', 'gone@example.com', 'unsubscribed', 1, 1)")));
        q.prepare(QStringLiteral("INSERT INTO suppression (channel, address_key, address_hash, reason, at) "
                                 "VALUES ('email', ?, ?, 'complaint', 1)"));
        q.addBindValue(QStringLiteral("blocked@example.com"));
        q.addBindValue(QString::fromLatin1(QCryptographicHash::hash("blocked@example.com", QCryptographicHash::Sha256).toHex()));
        QVERIFY(q.exec());
    }
    const QString file = writeFile(*m_fx, QStringLiteral("resub.csv"),
                                   "email,status,first name\ngone@example.com,subscribed,Gone\n"
                                   "BLOCKED@example.com,subscribed,Blocked\nnew@example.com,unsubscribed,New\n");
    ImportOptions options;
    options.onDuplicate = DuplicatePolicy::Overwrite;
    const auto report = ContactImporter::run(m_fx->path(), file, options);
    QVERIFY(report.ok());
    ContactRepository repo(m_fx->db());
    QCOMPARE(repo.findByEmail(QStringLiteral("gone@example.com"))->status, QStringLiteral("unsubscribed"));
    QCOMPARE(repo.findByEmail(QStringLiteral("gone@example.com"))->firstName, QStringLiteral("Gone"));
    QCOMPARE(repo.findByEmail(QStringLiteral("blocked@example.com"))->status, QStringLiteral("unsubscribed"));
    QCOMPARE(repo.findByEmail(QStringLiteral("new@example.com"))->status, QStringLiteral("unsubscribed"));
}

void TestContactImporter::consentRecordedForNewContacts()
{
    Contact existing;
    existing.email = QStringLiteral("old@example.com");
    QVERIFY(ContactRepository(m_fx->db()).add(existing, QStringLiteral("US"), std::nullopt).ok());
    const QString file = writeFile(*m_fx, QStringLiteral("signups.csv"), "email\nold@example.com\nnew1@example.com\nnew2@example.com\n");
    ImportOptions options;
    options.consentText = QStringLiteral("Newsletter sign-up form v3");
    const auto report = ContactImporter::run(m_fx->path(), file, options);
    QVERIFY(report.ok());
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM consent_events WHERE method = 'import' AND action = 'given' "
                                           "AND channel = 'email'")).toInt(), 2);
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT evidence FROM consent_events LIMIT 1")).toString(),
             QStringLiteral("Newsletter sign-up form v3 (signups.csv)"));
}

void TestContactImporter::explicitMappingAndCustomFields()
{
    const QString file = writeFile(*m_fx, QStringLiteral("custom.csv"),
                                   "Correo-e,Plan,Favourite Colour,Fax\nuno@example.com,Gold,Blue,123\n");
    ImportOptions options;
    options.mapping.insert(QStringLiteral("Correo-e"), QStringLiteral("email"));
    options.mapping.insert(QStringLiteral("Fax"), QStringLiteral("ignore"));
    options.mapping.insert(QStringLiteral("Plan"), QStringLiteral("custom:plan"));
    options.unknownAsCustom = true;
    options.tags = {QStringLiteral("Spring Fair")};
    const auto report = ContactImporter::run(m_fx->path(), file, options);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    const auto uno = ContactRepository(m_fx->db()).findByEmail(QStringLiteral("uno@example.com"));
    QCOMPARE(uno->custom.value(QStringLiteral("plan")).toString(), QStringLiteral("Gold"));
    QCOMPARE(uno->custom.value(QStringLiteral("favourite_colour")).toString(), QStringLiteral("Blue"));
    QVERIFY(!uno->custom.contains(QStringLiteral("fax")));
    QCOMPARE(uno->tags, QStringList{QStringLiteral("Spring Fair")});
}

void TestContactImporter::mappingErrorsNameTheColumn()
{
    const QString file = writeFile(*m_fx, QStringLiteral("nomail.csv"), "name,phone\nA,1\n");
    auto r = ContactImporter::run(m_fx->path(), file, {});
    QCOMPARE(r.error().code, QStringLiteral("import.no-email"));
    QVERIFY(r.error().message.contains(QStringLiteral("name, phone")));
    ImportOptions bad;
    bad.mapping.insert(QStringLiteral("phone"), QStringLiteral("telephone"));
    r = ContactImporter::run(m_fx->path(), file, bad);
    QCOMPARE(r.error().code, QStringLiteral("import.unknown-field"));
    ImportOptions missing;
    missing.mapping.insert(QStringLiteral("Mail"), QStringLiteral("email"));
    r = ContactImporter::run(m_fx->path(), file, missing);
    QCOMPARE(r.error().code, QStringLiteral("import.unknown-column"));
    QVERIFY(r.error().message.contains(QStringLiteral("mail")));
}

void TestContactImporter::cancelRollsBackEverything()
{
    QByteArray bytes("email,first name\n");
    for (int i = 0; i < 20000; ++i)
        bytes += "user" + QByteArray::number(i) + "@example.com,User\n";
    const QString file = writeFile(*m_fx, QStringLiteral("big.csv"), bytes);
    std::atomic_bool cancel{false};
    ImportOptions options;
    options.rejectsPath = m_fx->filePath(QStringLiteral("rejects.csv"));
    const auto report = ContactImporter::run(m_fx->path(), file, options, [&](qint64, qint64) { cancel = true; }, &cancel);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, QStringLiteral("cancelled"));
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM contacts")).toInt(), 0);
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM tags")).toInt(), 0);
    // The search's three (the workflows' signal triggers are not the search's).
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'automation%'")).toInt(), 3);
    QVERIFY(!QFile::exists(options.rejectsPath));
    const auto again = ContactImporter::run(m_fx->path(), file, {});
    QVERIFY(again.ok());
    QCOMPARE(again->imported, 20000);
}

void TestContactImporter::rejectsFileHasLineAndReason()
{
    ImportOptions options;
    options.rejectsPath = m_fx->filePath(QStringLiteral("rejects.csv"));
    QVERIFY(ContactImporter::run(m_fx->path(), data("mailchimp-messy.csv"), options).ok());
    const QList<QByteArray> lines = test::readAll(options.rejectsPath).split('\n');
    QVERIFY(lines.first().startsWith("line,reason,Email Address,First Name"));
    QVERIFY(lines.at(1).startsWith("5,\"\"\"no-at-sign.example.com\"\" is not a valid email address: it has no @.\",no-at-sign.example.com,No,At"));
    QCOMPARE(lines.size() - 2, 10); // header, ten rows, final newline
}

void TestContactImporter::searchFollowsImportsAndEdits()
{
    ContactRepository repo(m_fx->db());
    const auto found = [&](const char *words) { return *repo.count({{}, {}, {}, QString::fromUtf8(words)}); };
    // Bulk import: indexed at the end of the transaction, triggers back afterwards.
    QVERIFY(ContactImporter::run(m_fx->path(), data("mailchimp-messy.csv"), {}).ok());
    QCOMPARE(found("ana"), 1);
    QCOMPARE(found("AN GARC"), 1);           // prefixes, any case, every word required
    QCOMPARE(found("garcia"), 1);            // diacritics ignored
    QCOMPARE(found("example com"), 3);       // email tokens (bob is at example.org)
    QCOMPARE(found("bucher"), 1);            // josé@bücher.de and Bücher GmbH
    QCOMPARE(found("\"); DROP TABLE contacts; --"), 0);
    QCOMPARE(found("zzz"), 0);
    // The search's three (the workflows' signal triggers are not the search's).
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'automation%'")).toInt(), 3);
    // Triggers keep it in step with single edits.
    Contact c;
    c.email = QStringLiteral("quentin@example.com");
    c.company = QStringLiteral("Zebra Crossing Ltd");
    QVERIFY(repo.add(c, QStringLiteral("US"), std::nullopt).ok());
    QCOMPARE(found("zebra"), 1);
    // An import that changes a searchable field re-indexes that contact.
    const QString file = writeFile(*m_fx, QStringLiteral("rename.csv"), "email,company\nquentin@example.com,Yak Shavers\n");
    ImportOptions overwrite;
    overwrite.onDuplicate = DuplicatePolicy::Overwrite;
    QVERIFY(ContactImporter::run(m_fx->path(), file, overwrite).ok());
    QCOMPARE(found("zebra"), 0);
    QCOMPARE(found("yak"), 1);
    // First page in id order, and paging after an id.
    const auto first = repo.page({{}, {}, {}, QStringLiteral("example")}, 2);
    QVERIFY(first.ok());
    QCOMPARE(first->size(), 2);
    const auto next = repo.page({{}, {}, {}, QStringLiteral("example")}, 10, first->last().id);
    QVERIFY(next->first().id > first->last().id);
    // FTS5's own check compares the index with the contacts table: it fails on any drift.
    QSqlQuery check(m_fx->db());
    QVERIFY2(check.exec(QStringLiteral("INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('integrity-check', 1)")),
             qPrintable(check.lastError().text()));
}

void TestContactImporter::headerChecks_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("email and Email") << QByteArray("email,first_name,Email") << QStringLiteral("import.duplicate-column")
                                     << QStringLiteral("h.csv, line 1: columns 1 and 3 are both called \"Email\"");
    QTest::newRow("First Name and first_name") << QByteArray("email,First Name,first_name") << QStringLiteral("import.duplicate-column")
                                               << QStringLiteral("columns 2 and 3 are both called \"first_name\"");
    QTest::newRow("Email and E-mail address") << QByteArray("Email,E-mail address") << QStringLiteral("import.duplicate-column")
                                              << QStringLiteral("Columns 1 (\"Email\") and 2 (\"E-mail address\") both hold email addresses");
    QTest::newRow("name past the limit") << QByteArray("email," + QByteArray(ContactImporter::kMaxHeaderNameChars + 1, 'n'))
                                         << QStringLiteral("csv.header-name-too-long")
                                         << QStringLiteral("h.csv, line 1, column 2: the column name is 257 characters long");
    QTest::newRow("control character") << QByteArray("email,fir\x01st") << QStringLiteral("csv.control-character")
                                       << QStringLiteral("column 2: the column name holds a control character (U+0001)");
    // Blank names repeat in real files (trailing delimiters): not duplicates.
    QTest::newRow("blank names") << QByteArray("email,,,") << QString() << QString();
    QTest::newRow("name at the limit") << QByteArray("email," + QByteArray(ContactImporter::kMaxHeaderNameChars, 'n')) << QString() << QString();
}

void TestContactImporter::headerChecks()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, code);
    QFETCH(QString, phrase);
    const QString csv = writeFile(*m_fx, QStringLiteral("h.csv"), header + "\r\nzed@example.com" + QByteArray(header.count(','), ',') + "\r\n");
    const auto report = ContactImporter::run(m_fx->path(), csv, {});
    if (code.isEmpty()) {
        QVERIFY2(report, test::errorText(report).constData());
        QCOMPARE(report->imported, 1);
        return;
    }
    QVERIFY(!report);
    QCOMPARE(report.error().code, code);
    QVERIFY2(report.error().message.contains(phrase), qPrintable(report.error().message));
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT count(*) FROM contacts")).toInt(), 0);
}

void TestContactImporter::controlCharactersRejectTheRowNotTheFile()
{
    // A NUL, an ESC and a DEL in imported columns each reject their row; a tab and a quoted line break
    // are text; an ignored column is not looked at.
    QByteArray bytes = "email,first_name,company,notes\r\n";
    bytes += QByteArray("nul@example.com,Nu") + '\0' + QByteArray("l,,\r\n");
    bytes += "esc@example.com,Esc,Acme\x1b,\r\n";
    bytes += "del@example.com,Del\x7f,,\r\n";
    bytes += "tab@example.com,\"Tab\tbed\r\nname\",,\r\n";
    bytes += "ignored@example.com,Ig,,\x02\r\n";
    const QString csv = writeFile(*m_fx, QStringLiteral("c.csv"), bytes);
    ImportOptions options;
    options.rejectsPath = m_fx->filePath(QStringLiteral("rejects.csv"));
    const auto report = ContactImporter::run(m_fx->path(), csv, options);
    QVERIFY2(report, test::errorText(report).constData());
    QCOMPARE(report->imported, 2);
    QCOMPARE(report->rejected, 3);
    QCOMPARE(report->rejections.at(0).line, 2);
    QCOMPARE(report->rejections.at(0).reason,
             QStringLiteral("column 2 (first_name) holds a control character (U+0000) at character 3; contact data cannot hold "
                            "NUL or other control characters"));
    QVERIFY(report->rejections.at(1).reason.startsWith(QStringLiteral("column 3 (company) holds a control character (U+001b) at character 5")));
    QVERIFY(report->rejections.at(2).reason.contains(QStringLiteral("(U+007f)")));
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT first_name FROM contacts WHERE email = 'tab@example.com'")).toString(),
             QStringLiteral("Tab\tbed\nname"));
    const QByteArray rejects = test::readAll(options.rejectsPath);
    QVERIFY(!rejects.contains('\0'));
    QVERIFY(!rejects.contains('\x1b'));
    QVERIFY(rejects.contains("Nu\xEF\xBF\xBDl")); // U+FFFD in its place
}

void TestContactImporter::encodingFallbackIsInTheReport()
{
    const QString csv = writeFile(*m_fx, QStringLiteral("w.csv"), "email,first_name\r\nzoe@example.com,Zo\xEB\r\n");
    const auto report = ContactImporter::run(m_fx->path(), csv, {});
    QVERIFY2(report, test::errorText(report).constData());
    QCOMPARE(report->encoding, QStringLiteral("windows-1252"));
    QCOMPARE(report->warnings.size(), 1);
    QCOMPARE(report->warnings.first().code, QStringLiteral("csv.encoding-fallback"));
    QVERIFY2(report->warnings.first().message.startsWith(QStringLiteral("w.csv, line 2: the byte 0xEB is not UTF-8")),
             qPrintable(report->warnings.first().message));
    QCOMPARE(scalar(m_fx->path(), QStringLiteral("SELECT first_name FROM contacts")).toString(), QStringLiteral("Zo\u00eb"));
    // Chosen explicitly, the same bytes are no surprise: nothing to warn about.
    ImportOptions chosen;
    chosen.csv.encoding = CsvReader::Encoding::Windows1252;
    const auto again = ContactImporter::run(m_fx->path(), csv, chosen);
    QVERIFY(again);
    QCOMPARE(again->warnings.size(), 0);
}

void TestContactImporter::onlyRegularFilesAreRead()
{
    const auto folder = ContactImporter::run(m_fx->path(), m_fx->dir(), {});
    QVERIFY(!folder);
    QCOMPARE(folder.error().code, QStringLiteral("file.not-regular"));
    const auto missing = ContactImporter::run(m_fx->path(), m_fx->filePath(QStringLiteral("nope.csv")), {});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("import.open")); // as before InputFile
}

LUX_TEST_MAIN(TestContactImporter, QCoreApplication)
#include "tst_contactimporter.moc"
