// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacts/phonenumbers.h"
#include "common/errorcodes.h"
#include "contacts/contactimporter.h"
#include "contacts/contactrepository.h"
#include "contacts/segment.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlitefile.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace lux;
using contacts::PhoneNumbers;
using contacts::PhoneType;

class TestPhoneNumbers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void types_data();
    void types();
    void nanpStates_data();
    void nanpStates();
    void textableRule();
    void typeCodesRoundTrip();
    void sameAnswersFromManyThreads();
    void parityWithPythonPhonenumbers();
    void openingFillsTypesOfOlderRows();
    void editorAndImporterStoreTheType();
};

void TestPhoneNumbers::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("numberRegion");
    QTest::addColumn<QString>("extension");
    // The same numbers written as people write them: national and international, with spaces, dots,
    // hyphens, brackets, the 00 prefix and extensions.
    QTest::newRow("US brackets") << "(305) 555-0123" << "US" << "+13055550123" << "US" << "";
    QTest::newRow("US dots") << "305.555.0123" << "US" << "+13055550123" << "US" << "";
    QTest::newRow("US trunk 1") << "1-305-555-0123" << "US" << "+13055550123" << "US" << "";
    QTest::newRow("US international") << "+1 305 555 0123" << "ES" << "+13055550123" << "US" << "";
    QTest::newRow("US extension") << "+1 (212) 555-0123 ext. 45" << "US" << "+12125550123" << "US" << "45";
    QTest::newRow("US x extension") << "212-555-0123 x7" << "US" << "+12125550123" << "US" << "7";
    QTest::newRow("CA national") << "(416) 555-0123" << "CA" << "+14165550123" << "CA" << "";
    QTest::newRow("CA read with US default") << "604 555 0123" << "US" << "+16045550123" << "CA" << "";
    QTest::newRow("UK national mobile") << "07400 123456" << "GB" << "+447400123456" << "GB" << "";
    QTest::newRow("Guernsey mobile, +44 too") << "07911 123456" << "GB" << "+447911123456" << "GG" << "";
    QTest::newRow("UK international landline") << "+44 (0)20 7946 0958" << "US" << "+442079460958" << "GB" << "";
    QTest::newRow("UK 00 prefix") << "0044 20 7946 0958" << "DE" << "+442079460958" << "GB" << "";
    // North America dials 011, but 00 numbers turn up in its lists too; no NANP number starts with 0.
    QTest::newRow("00 prefix, US default") << "0044 20 7946 0958" << "US" << "+442079460958" << "GB" << "";
    QTest::newRow("ES national") << "612.345.678" << "ES" << "+34612345678" << "ES" << "";
    QTest::newRow("ES international") << "+34 91 123 45 67" << "US" << "+34911234567" << "ES" << "";
    QTest::newRow("DE national mobile") << "0151 23456789" << "DE" << "+4915123456789" << "DE" << "";
    QTest::newRow("DE landline with slash") << "030/1234567" << "DE" << "+49301234567" << "DE" << "";
    QTest::newRow("MX mobile") << "+52 1 55 1234 5678" << "US" << "+525512345678" << "MX" << "";
    QTest::newRow("MX national") << "55 1234 5678" << "MX" << "+525512345678" << "MX" << "";
    QTest::newRow("BR mobile") << "(11) 96123-4567" << "BR" << "+5511961234567" << "BR" << "";
    QTest::newRow("BR international") << "+55 21 2345-6789" << "US" << "+552123456789" << "BR" << "";
    QTest::newRow("IN mobile") << "098765 43210" << "IN" << "+919876543210" << "IN" << "";
    QTest::newRow("IN international") << "+91 98765-43210" << "GB" << "+919876543210" << "IN" << "";
    QTest::newRow("AU mobile") << "0412 345 678" << "AU" << "+61412345678" << "AU" << "";
    QTest::newRow("AU landline") << "(02) 9876 5432" << "AU" << "+61298765432" << "AU" << "";
    QTest::newRow("IT keeps its 0") << "06 1234 5678" << "IT" << "+390612345678" << "IT" << "";
    QTest::newRow("lower-case region") << "612345678" << "es" << "+34612345678" << "ES" << "";
    QTest::newRow("vanity letters") << "1-800-FLOWERS" << "US" << "+18003569377" << "US" << "";
}

void TestPhoneNumbers::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, e164);
    QFETCH(QString, numberRegion);
    QFETCH(QString, extension);
    const auto p = PhoneNumbers::parse(input, region);
    QVERIFY2(p.ok(), test::errorText(p).constData());
    QCOMPARE(p->e164, e164);
    QCOMPARE(p->region, numberRegion);
    QCOMPARE(p->extension, extension);
    QVERIFY(p->callingCode > 0);
    QVERIFY(e164.startsWith(QLatin1Char('+') + QString::number(p->callingCode)));
}

void TestPhoneNumbers::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("why"); // a part of the message that says what is wrong
    QTest::newRow("empty") << "  " << "US" << QString(errc::phoneInvalid) << "empty";
    QTest::newRow("words") << "call me" << "US" << QString(errc::phoneInvalid) << "does not read as a phone number";
    QTest::newRow("no country, no default") << "612345678" << "" << QString(errc::phoneNoCountry) << "no default country";
    QTest::newRow("no country, unknown default") << "612345678" << "ZZ" << QString(errc::phoneNoCountry) << "\"ZZ\"";
    QTest::newRow("unused calling code") << "+999 1234 5678" << "US" << QString(errc::phoneCountryCode) << "not in use";
    QTest::newRow("US local only") << "555-0100" << "US" << QString(errc::phoneLength) << "add the area code";
    QTest::newRow("US too long") << "+1 305 555 01234" << "US" << QString(errc::phoneLength) << "after +1 is too many";
    QTest::newRow("US area code 123") << "(123) 555-0123" << "US" << QString(errc::phoneUnassigned) << "+1 123";
    QTest::newRow("UK too short") << "+44 20 7946" << "US" << QString(errc::phoneLength) << "United Kingdom";
    QTest::newRow("ES bad range") << "+34 412 345 678" << "US" << QString(errc::phoneUnassigned) << "+34 412";
    QTest::newRow("way too long") << "+1234567890123456789" << "US" << QString(errc::phoneLength) << "too many";
}

void TestPhoneNumbers::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, code);
    QFETCH(QString, why);
    const auto p = PhoneNumbers::parse(input, region);
    QVERIFY2(!p.ok(), qPrintable(p.ok() ? p->e164 : QString()));
    QCOMPARE(p.error().code, code);
    QVERIFY2(p.error().message.contains(why), qPrintable(p.error().message));
    if (!input.trimmed().isEmpty()) // the message names the number it is about
        QVERIFY2(p.error().message.contains(input.trimmed()), qPrintable(p.error().message));
}

void TestPhoneNumbers::types_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<PhoneType>("type");
    QTest::newRow("UK mobile") << "+44 7400 123456" << PhoneType::Mobile;
    QTest::newRow("UK landline") << "+44 20 7946 0958" << PhoneType::FixedLine;
    QTest::newRow("UK personal number") << "+44 70 1234 5678" << PhoneType::PersonalNumber;
    QTest::newRow("UK premium") << "+44 909 876 5432" << PhoneType::PremiumRate;
    QTest::newRow("US toll-free 800") << "+1 800 555 0123" << PhoneType::TollFree;
    QTest::newRow("US toll-free 888") << "+1 888 555 0123" << PhoneType::TollFree;
    QTest::newRow("US ordinary") << "+1 305 555 0123" << PhoneType::FixedLineOrMobile;
    QTest::newRow("ES mobile") << "+34 612 345 678" << PhoneType::Mobile;
    QTest::newRow("ES landline") << "+34 91 123 45 67" << PhoneType::FixedLine;
    QTest::newRow("DE mobile") << "+49 151 23456789" << PhoneType::Mobile;
    QTest::newRow("AU mobile") << "+61 412 345 678" << PhoneType::Mobile;
    QTest::newRow("AU landline") << "+61 2 9876 5432" << PhoneType::FixedLine;
}

void TestPhoneNumbers::types()
{
    QFETCH(QString, input);
    QFETCH(PhoneType, type);
    const auto p = PhoneNumbers::parse(input, QString());
    QVERIFY2(p.ok(), test::errorText(p).constData());
    QCOMPARE(p->type, type);
    QCOMPARE(p->canBeTexted(), PhoneNumbers::canBeTexted(type));
}

void TestPhoneNumbers::nanpStates_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QStringList>("subdivisions");
    QTest::addColumn<QString>("place");
    QTest::newRow("305 Miami") << QStringLiteral("+13055550123") << QStringList{QStringLiteral("US-FL")} << QStringLiteral("Florida");
    QTest::newRow("850 Panhandle") << QStringLiteral("+18505550123") << QStringList{QStringLiteral("US-FL")} << QStringLiteral("Florida");
    QTest::newRow("212 Manhattan") << QStringLiteral("+12125550123") << QStringList{QStringLiteral("US-NY")} << QStringLiteral("New York");
    QTest::newRow("718 (no area entry)") << QStringLiteral("+17185550123") << QStringList{QStringLiteral("US-NY")} << QStringLiteral("New York");
    QTest::newRow("713 Houston") << QStringLiteral("+17135550123") << QStringList{QStringLiteral("US-TX")} << QStringLiteral("Texas");
    QTest::newRow("915 El Paso") << QStringLiteral("+19155550123") << QStringList{QStringLiteral("US-TX")} << QStringLiteral("Texas");
    QTest::newRow("907 Alaska") << QStringLiteral("+19075550123") << QStringList{QStringLiteral("US-AK")} << QStringLiteral("Alaska");
    QTest::newRow("808 Hawaii") << QStringLiteral("+18085550123") << QStringList{QStringLiteral("US-HI")} << QStringLiteral("Hawaii");
    QTest::newRow("202 DC") << QStringLiteral("+12025550123") << QStringList{QStringLiteral("US-DC")} << QStringLiteral("Washington D.C.");
    QTest::newRow("206 Seattle") << QStringLiteral("+12065550123") << QStringList{QStringLiteral("US-WA")} << QStringLiteral("Washington");
    QTest::newRow("416 Toronto") << QStringLiteral("+14165550123") << QStringList{QStringLiteral("CA-ON")} << QStringLiteral("Ontario");
    QTest::newRow("867 the territories") << QStringLiteral("+18675550123") << QStringList{QStringLiteral("CA-NT"), QStringLiteral("CA-NU"), QStringLiteral("CA-YT")}
                                         << "Northwest Territories/Nunavut/Yukon";
    QTest::newRow("not NANP") << "+34612345678" << QStringList{} << "";
}

void TestPhoneNumbers::nanpStates()
{
    QFETCH(QString, e164);
    QFETCH(QStringList, subdivisions);
    QFETCH(QString, place);
    QCOMPARE(PhoneNumbers::nanpSubdivisions(e164), subdivisions);
    const auto p = PhoneNumbers::parse(e164, {});
    QVERIFY2(p.ok(), test::errorText(p).constData());
    QCOMPARE(p->subdivisions, subdivisions);
    QCOMPARE(p->place, place);
}

void TestPhoneNumbers::textableRule()
{
    QVERIFY(PhoneNumbers::canBeTexted(PhoneType::Mobile));
    QVERIFY(PhoneNumbers::canBeTexted(PhoneType::FixedLineOrMobile)); // all of the US: see phonenumbers.h
    QVERIFY(PhoneNumbers::canBeTexted(PhoneType::Voip));
    for (PhoneType t : {PhoneType::FixedLine, PhoneType::TollFree, PhoneType::PremiumRate, PhoneType::SharedCost,
                        PhoneType::PersonalNumber, PhoneType::Pager, PhoneType::Uan, PhoneType::Voicemail,
                        PhoneType::Unknown, PhoneType::Invalid})
        QVERIFY2(!PhoneNumbers::canBeTexted(t), qPrintable(PhoneNumbers::typeCode(t)));
    QCOMPARE(PhoneNumbers::textableTypeCodes(), (QStringList{QStringLiteral("mobile"), QStringLiteral("fixed_line_or_mobile"), QStringLiteral("voip")}));
}

void TestPhoneNumbers::typeCodesRoundTrip()
{
    QSet<QString> seen;
    for (int i = int(PhoneType::Unknown); i <= int(PhoneType::Invalid); ++i) {
        const auto t = PhoneType(i);
        const QString code = PhoneNumbers::typeCode(t);
        QVERIFY(!seen.contains(code));
        seen << code;
        QCOMPARE(PhoneNumbers::typeFromCode(code), t);
        QVERIFY(!PhoneNumbers::typeLabel(t).isEmpty());
    }
    QCOMPARE(PhoneNumbers::typeFromCode(QStringLiteral("nonsense")), PhoneType::Unknown);
}

void TestPhoneNumbers::sameAnswersFromManyThreads()
{
    // Area codes looked up for the first time from four threads at once give what one thread gives.
    QStringList numbers;
    for (int npa : {201, 205, 207, 208, 209, 210, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240})
        numbers << QStringLiteral("+1%15550123").arg(npa);
    const auto run = [numbers] {
        QStringList out;
        for (int round = 0; round < 50; ++round)
            for (const QString &n : numbers) {
                const auto p = PhoneNumbers::parse(n, QStringLiteral("US"));
                out << (p ? p->e164 + p->subdivisions.join(QLatin1Char(',')) : p.error().message);
            }
        return out;
    };
    QList<QFuture<QStringList>> futures;
    for (int i = 0; i < 4; ++i)
        futures << QtConcurrent::run(run);
    const QStringList expected = run();
    for (auto &f : futures)
        QCOMPARE(f.result(), expected);
    QVERIFY(!expected.constFirst().endsWith(QLatin1String("+12015550123"))); // a state was found
}

// The same inputs through Google's Python port (python3-phonenumbers, the same metadata version) in
// a real python3 process: what is valid, its E.164, type and region must agree, number by number.
void TestPhoneNumbers::parityWithPythonPhonenumbers()
{
    QString python;
    for (const QString &candidate : {QStandardPaths::findExecutable(QStringLiteral("python3")), QStringLiteral("/usr/bin/python3")}) {
        if (candidate.isEmpty())
            continue;
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import phonenumbers")});
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
            python = candidate;
            break;
        }
    }
    if (python.isEmpty())
        QFAIL("No python3 with the phonenumbers module: install python3-phonenumbers (packaging/install-deps.sh).");

    // Fixed cases plus numbers made up digit by digit (fixed seed) in each country, most of them
    // invalid: the two libraries must also agree on what they refuse.
    QList<std::pair<QString, QString>> inputs = {
        {QStringLiteral("(305) 555-0123"), QStringLiteral("US")}, {QStringLiteral("07911 123456"), QStringLiteral("GB")}, {QStringLiteral("020 7946 0958"), QStringLiteral("GB")}, {QStringLiteral("+44 70 1234 5678"), QStringLiteral("US")},
        {QStringLiteral("612 345 678"), QStringLiteral("ES")},    {QStringLiteral("0151 23456789"), QStringLiteral("DE")}, {QStringLiteral("55 1234 5678"), QStringLiteral("MX")}, {QStringLiteral("(11) 96123-4567"), QStringLiteral("BR")},
        {QStringLiteral("098765 43210"), QStringLiteral("IN")},   {QStringLiteral("0412 345 678"), QStringLiteral("AU")}, {QStringLiteral("1-800-555-0123"), QStringLiteral("US")}, {QStringLiteral("+1 868 555 0123"), QStringLiteral("US")},
    };
    QRandomGenerator rng(15);
    const QStringList regions = {QStringLiteral("US"), QStringLiteral("CA"), QStringLiteral("GB"), QStringLiteral("ES"), QStringLiteral("DE"), QStringLiteral("MX"), QStringLiteral("BR"), QStringLiteral("IN"), QStringLiteral("AU"), QStringLiteral("FR"), QStringLiteral("IT"), QStringLiteral("JP")};
    for (const QString &region : regions)
        for (int i = 0; i < 40; ++i) {
            QString digits = QString::number(rng.bounded(1, 10));
            const int length = rng.bounded(6, 12);
            while (digits.size() < length)
                digits += QString::number(rng.bounded(10));
            inputs.append({(i % 3 == 0 ? QStringLiteral("0") : QString()) + digits, region});
        }

    QByteArray stdinText;
    for (const auto &[input, region] : std::as_const(inputs))
        stdinText += input.toUtf8() + '\t' + region.toUtf8() + '\n';
    const QString script = QStringLiteral(
        "import sys, phonenumbers\n"
        "from phonenumbers import PhoneNumberType as T\n"
        "names = {T.FIXED_LINE: 'fixed_line', T.MOBILE: 'mobile', T.FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',\n"
        "  T.TOLL_FREE: 'toll_free', T.PREMIUM_RATE: 'premium_rate', T.SHARED_COST: 'shared_cost', T.VOIP: 'voip',\n"
        "  T.PERSONAL_NUMBER: 'personal_number', T.PAGER: 'pager', T.UAN: 'uan', T.VOICEMAIL: 'voicemail',\n"
        "  T.UNKNOWN: 'unknown'}\n"
        "for line in sys.stdin.read().splitlines():\n"
        "    text, region = line.split('\\t')\n"
        "    try:\n"
        "        n = phonenumbers.parse(text, region)\n"
        "    except phonenumbers.NumberParseException:\n"
        "        print('invalid'); continue\n"
        "    if not phonenumbers.is_valid_number(n):\n"
        "        print('invalid'); continue\n"
        "    print('\\t'.join([phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164),\n"
        "        names[phonenumbers.number_type(n)], phonenumbers.region_code_for_number(n)]))\n");
    QProcess py;
    py.start(python, {QStringLiteral("-c"), script});
    QVERIFY(py.waitForStarted());
    py.write(stdinText);
    py.closeWriteChannel();
    QVERIFY(py.waitForFinished(120000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QStringList answers = QString::fromUtf8(py.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(answers.size(), inputs.size());

    int valid = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const auto p = PhoneNumbers::parse(inputs.at(i).first, inputs.at(i).second);
        const QString ours = p ? QStringList{p->e164, PhoneNumbers::typeCode(p->type), p->region}.join(QLatin1Char('\t'))
                               : QStringLiteral("invalid");
        QVERIFY2(ours == answers.at(i), qPrintable(inputs.at(i).first + QLatin1Char(' ') + inputs.at(i).second + QStringLiteral(": ours ")
                                                   + ours + QStringLiteral(", python ") + answers.at(i)));
        valid += p ? 1 : 0;
    }
    // Both kinds were compared.
    QVERIFY(valid >= 12);
    QVERIFY(valid < inputs.size());
}

namespace {

QHash<QString, QPair<QVariant, QVariant>> typesByEmail(QSqlDatabase db)
{
    QHash<QString, QPair<QVariant, QVariant>> out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT email, phone_type, phone_region FROM contacts")))
        while (q.next())
            out.insert(q.value(0).toString(), {q.value(1), q.value(2)});
    return out;
}

} // namespace

// A database from before migration 13 (schema 12), with numbers the old table stored: opening it
// types every row, including one libphonenumber refuses ("invalid") and leaves rows without a phone.
void TestPhoneNumbers::openingFillsTypesOfOlderRows()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("v12.sqlite"));
    {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
        QVERIFY(storage::migrate(conn.db(), 12).ok());
        QSqlQuery q(conn.db());
        const QList<QPair<QString, QString>> rows = {{QStringLiteral("us@example.com"), QStringLiteral("+13055550123")},
                                                     {QStringLiteral("uk@example.com"), QStringLiteral("+447400123456")},
                                                     {QStringLiteral("landline@example.com"), QStringLiteral("+442079460958")},
                                                     {QStringLiteral("old@example.com"), QStringLiteral("+11235550123")}, // area code 123: the old table let it by
                                                     {QStringLiteral("none@example.com"), QStringLiteral("")}};
        for (const auto &[email, phone] : rows) {
            q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, phone, created_at, updated_at) VALUES (?, ?, ?, 1, 1)"));
            q.addBindValue(email);
            q.addBindValue(email);
            q.addBindValue(phone.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(phone));
            QVERIFY(q.exec());
        }
    }
    auto db = Database::open(path);
    QVERIFY2(db.ok(), test::errorText(db).constData());
    QCOMPARE((*db)->report().migratedFrom, 12);
    (*db)->waitForPhoneTypes(); // typed on a worker thread: opening does not wait for it
    const auto types = typesByEmail((*db)->connection());
    QCOMPARE(types.value(QStringLiteral("us@example.com")).first.toString(), QStringLiteral("fixed_line_or_mobile"));
    QCOMPARE(types.value(QStringLiteral("us@example.com")).second.toString(), QStringLiteral("US"));
    QCOMPARE(types.value(QStringLiteral("uk@example.com")).first.toString(), QStringLiteral("mobile"));
    QCOMPARE(types.value(QStringLiteral("landline@example.com")).first.toString(), QStringLiteral("fixed_line"));
    QCOMPARE(types.value(QStringLiteral("old@example.com")).first.toString(), QStringLiteral("invalid"));
    QVERIFY(types.value(QStringLiteral("old@example.com")).second.isNull());
    QVERIFY(types.value(QStringLiteral("none@example.com")).first.isNull());
    QCOMPARE((*db)->meta(QStringLiteral("phone_types_filled")), QStringLiteral("13"));

    // "Phone is textable" picks the two that are, through the partial index.
    const auto rules = contacts::Segment::parse(R"({"match":"all","rules":[{"field":"phone_type","op":"textable"}]})");
    QVERIFY(rules.ok());
    QCOMPARE(*contacts::Segment::count((*db)->connection(), *rules, 0), 2);
    const auto notTextable = contacts::Segment::parse(R"({"rules":[{"field":"phone_type","op":"not_textable"}]})");
    QCOMPARE(*contacts::Segment::count((*db)->connection(), *notTextable, 0), 3);
    const auto landlines = contacts::Segment::parse(R"({"rules":[{"field":"phone_type","op":"is","value":"fixed_line"}]})");
    QCOMPARE(*contacts::Segment::count((*db)->connection(), *landlines, 0), 1);
    const auto badType = contacts::Segment::parse(R"({"rules":[{"field":"phone_type","op":"is","value":"cellular"}]})");
    QVERIFY(!contacts::Segment::count((*db)->connection(), *badType, 0).ok());
    const auto compiled = contacts::Segment::compile(*rules, 0);
    QSqlQuery plan((*db)->connection());
    plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT c.id FROM contacts c WHERE ") + compiled->where);
    for (const QVariant &b : compiled->binds)
        plan.addBindValue(b);
    QVERIFY(plan.exec());
    QString planText;
    while (plan.next())
        planText += plan.value(3).toString() + QLatin1Char('\n');
    QVERIFY2(planText.contains(QStringLiteral("contacts_phone_type")), qPrintable(planText));
}

void TestPhoneNumbers::editorAndImporterStoreTheType()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("types.sqlite"));
    {
    auto db = Database::open(path);
    QVERIFY2(db.ok(), test::errorText(db).constData());
    contacts::ContactRepository repo((*db)->connection());
    contacts::Contact c;
    c.email = QStringLiteral("ana@example.com");
    c.phone = QStringLiteral("07400 123456");
    c.country = QStringLiteral("GB"); // the contact's country reads the national number, not the default
    c.status = QStringLiteral("subscribed");
    const auto added = repo.add(c, QStringLiteral("US"), std::nullopt);
    QVERIFY2(added.ok(), test::errorText(added).constData());
    QCOMPARE(added->phone, QStringLiteral("+447400123456"));
    QCOMPARE(typesByEmail((*db)->connection()).value(QStringLiteral("ana@example.com")).first.toString(), QStringLiteral("mobile"));
    contacts::Contact edited = *added;
    edited.phone = QStringLiteral("020 7946 0958");
    QVERIFY(repo.update(edited, QStringLiteral("US"), std::nullopt).ok());
    QCOMPARE(typesByEmail((*db)->connection()).value(QStringLiteral("ana@example.com")).first.toString(), QStringLiteral("fixed_line"));
    }

    const QString csv = env.path(QStringLiteral("people.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("email,phone,country\n"
            "bo@example.com,(305) 555-0123,\n"
            "cy@example.com,612 345 678,ES\n"
            "di@example.com,0800 123 4567,GB\n"
            "ana@example.com,0612 34 56 78,FR\n");
    f.close();
    contacts::ImportOptions options;
    options.defaultCountry = QStringLiteral("US");
    options.onDuplicate = contacts::DuplicatePolicy::Overwrite;
    const auto report = contacts::ContactImporter::run(path, csv, options);
    QVERIFY2(report.ok(), test::errorText(report).constData());
    QCOMPARE(report->rejected, 0);
    storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadOnly);
    const auto types = typesByEmail(conn.db());
    QCOMPARE(types.value(QStringLiteral("bo@example.com")), qMakePair(QVariant(QStringLiteral("fixed_line_or_mobile")), QVariant(QStringLiteral("US"))));
    QCOMPARE(types.value(QStringLiteral("cy@example.com")), qMakePair(QVariant(QStringLiteral("mobile")), QVariant(QStringLiteral("ES"))));
    QCOMPARE(types.value(QStringLiteral("di@example.com")).first.toString(), QStringLiteral("toll_free"));
    // An update that replaces the number replaces its type.
    QCOMPARE(types.value(QStringLiteral("ana@example.com")), qMakePair(QVariant(QStringLiteral("mobile")), QVariant(QStringLiteral("FR"))));
}

LUX_TEST_MAIN(TestPhoneNumbers, QCoreApplication)
#include "tst_phonenumbers.moc"
