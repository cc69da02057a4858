// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacts/csvreader.h"
#include "testsupport.h"

#include <QBuffer>
#include <QTest>

using namespace lux;
using contacts::CsvReader;

namespace {

struct Parsed
{
    QList<QStringList> rows;
    QList<qint64> lines;
    CsvReader::Encoding encoding = CsvReader::Encoding::Auto;
    QChar delimiter;
    QString error;
};

Parsed parse(const QByteArray &bytes, CsvReader::Options options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    Parsed p;
    if (Status s = reader.start(); !s) {
        p.error = s.error().code;
        return p;
    }
    CsvReader::Record r;
    while (reader.next(r)) {
        p.rows << r.fields;
        p.lines << r.line;
    }
    if (reader.error())
        p.error = reader.error()->code;
    p.encoding = reader.encoding();
    p.delimiter = reader.delimiter();
    return p;
}

QByteArray utf16(const QString &s, bool littleEndian, bool bom)
{
    QByteArray out;
    if (bom)
        out += littleEndian ? QByteArray("\xFF\xFE", 2) : QByteArray("\xFE\xFF", 2);
    for (const QChar c : s) {
        const char lo = char(c.unicode() & 0xFF), hi = char(c.unicode() >> 8);
        out.append(littleEndian ? lo : hi);
        out.append(littleEndian ? hi : lo);
    }
    return out;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc4180Quoting();
    void lineEnds_data();
    void lineEnds();
    void delimiters_data();
    void delimiters();
    void encodings_data();
    void encodings();
    void blankLinesAreSkipped();
    void unterminatedQuoteIsAnError();
    void recordsAcrossChunkBoundaries();
    void lineNumbersCountQuotedNewlines();
    void formatRecordRoundTrips();
    void tinyChunksGiveTheSameRecords();
};

void TestCsvReader::rfc4180Quoting()
{
    const Parsed p = parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\r\n\"\",plain,\"\"\"\"\r\n");
    QCOMPARE(p.error, QString());
    QCOMPARE(p.rows.size(), 4);
    QCOMPARE(p.rows.at(1), (QStringList{QStringLiteral("x, y"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines")}));
    QCOMPARE(p.rows.at(2), (QStringList{QString(), QString(), QString()}));
    QCOMPARE(p.rows.at(3), (QStringList{QString(), QStringLiteral("plain"), QStringLiteral("\"")}));
}

void TestCsvReader::lineEnds_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("CRLF") << QByteArray("h1,h2\r\n1,2\r\n3,4\r\n");
    QTest::newRow("LF") << QByteArray("h1,h2\n1,2\n3,4\n");
    QTest::newRow("CR") << QByteArray("h1,h2\r1,2\r3,4\r");
    QTest::newRow("no final newline") << QByteArray("h1,h2\n1,2\n3,4");
    QTest::newRow("mixed") << QByteArray("h1,h2\r\n1,2\n3,4\r");
}

void TestCsvReader::lineEnds()
{
    QFETCH(QByteArray, bytes);
    const Parsed p = parse(bytes);
    QCOMPARE(p.rows, (QList<QStringList>{{QStringLiteral("h1"), QStringLiteral("h2")},
                                         {QStringLiteral("1"), QStringLiteral("2")},
                                         {QStringLiteral("3"), QStringLiteral("4")}}));
    QCOMPARE(p.lines, (QList<qint64>{1, 2, 3}));
}

void TestCsvReader::delimiters_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QChar>("delimiter");
    QTest::newRow("comma") << QByteArray("email,name\na@x.com,A\n") << QChar(u',');
    QTest::newRow("semicolon (European Excel)") << QByteArray("email;name;note\na@x.com;A;\"1,5\"\n") << QChar(u';');
    QTest::newRow("tab") << QByteArray("email\tname\na@x.com\tA, B\n") << QChar(u'\t');
    QTest::newRow("pipe") << QByteArray("email|name\na@x.com|A\n") << QChar(u'|');
    QTest::newRow("commas inside quotes do not count") << QByteArray("\"a,b,c\";d\n\"e,f,g\";h\n") << QChar(u';');
    QTest::newRow("single column") << QByteArray("email\na@x.com\n") << QChar(u',');
}

void TestCsvReader::delimiters()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QChar, delimiter);
    const Parsed p = parse(bytes);
    QCOMPARE(p.delimiter, delimiter);
    QVERIFY(p.rows.size() >= 2);
    QCOMPARE(p.rows.at(0).size(), p.rows.at(1).size());
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    const QString text = QStringLiteral("email,nombre\nines@example.es,Inés Ñandú €\n");
    QTest::newRow("UTF-8") << text.toUtf8() << int(CsvReader::Encoding::Utf8);
    QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << int(CsvReader::Encoding::Utf8);
    QTest::newRow("UTF-16LE with BOM") << utf16(text, true, true) << int(CsvReader::Encoding::Utf16LE);
    QTest::newRow("UTF-16BE with BOM") << utf16(text, false, true) << int(CsvReader::Encoding::Utf16BE);
    QTest::newRow("UTF-16LE without BOM") << utf16(text, true, false) << int(CsvReader::Encoding::Utf16LE);
    QByteArray cp1252("email,nombre\nines@example.es,In\xE9" "s \xD1" "and\xFA \x80\n");
    QTest::newRow("Windows-1252") << cp1252 << int(CsvReader::Encoding::Windows1252);
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    const Parsed p = parse(bytes);
    QCOMPARE(int(p.encoding), encoding);
    QCOMPARE(p.rows.size(), 2);
    QCOMPARE(p.rows.at(0).at(0), QStringLiteral("email")); // no BOM left in the first header
    QCOMPARE(p.rows.at(1).at(1), QStringLiteral("Inés Ñandú €"));
}

void TestCsvReader::blankLinesAreSkipped()
{
    const Parsed p = parse("a,b\n\n1,2\r\n\r\n\n3,4\n\n");
    QCOMPARE(p.rows.size(), 3);
    QCOMPARE(p.lines, (QList<qint64>{1, 3, 6}));
}

void TestCsvReader::unterminatedQuoteIsAnError()
{
    const Parsed p = parse("a,b\n1,\"never closed\n2,3\n");
    QCOMPARE(p.error, QStringLiteral("csv.unterminated-quote"));
    QCOMPARE(p.rows.size(), 1);
}

void TestCsvReader::recordsAcrossChunkBoundaries()
{
    // Several megabytes, with quoted fields, CRLF pairs and multi-byte characters straddling the
    // reader's 1 MiB chunks.
    QByteArray bytes("email,note\r\n");
    const int rows = 60000;
    for (int i = 0; i < rows; ++i)
        bytes += "user" + QByteArray::number(i) + "@example.com,\"ñ, \"\"q\"\"\r\nsecond line " + QByteArray::number(i) + "\"\r\n";
    QVERIFY(bytes.size() > 3 * 1024 * 1024);
    const Parsed p = parse(bytes);
    QCOMPARE(p.error, QString());
    QCOMPARE(p.rows.size(), rows + 1);
    for (int i : {0, 1, 12345, 29999, rows - 1}) {
        QCOMPARE(p.rows.at(i + 1).at(0), QStringLiteral("user%1@example.com").arg(i));
        QCOMPARE(p.rows.at(i + 1).at(1), QStringLiteral("ñ, \"q\"\nsecond line %1").arg(i));
        QCOMPARE(p.lines.at(i + 1), qint64(2 + 2 * i));
    }
}

void TestCsvReader::lineNumbersCountQuotedNewlines()
{
    const Parsed p = parse("a,b\n\"1\n2\n3\",x\nlast,y\n");
    QCOMPARE(p.lines, (QList<qint64>{1, 2, 5}));
}

void TestCsvReader::formatRecordRoundTrips()
{
    const QStringList fields = {QStringLiteral("plain"), QStringLiteral("with, comma"), QStringLiteral("quote \" here"),
                                QStringLiteral("new\nline"), QString()};
    const QString line = CsvReader::formatRecord(fields);
    QCOMPARE(line, QStringLiteral("plain,\"with, comma\",\"quote \"\" here\",\"new\nline\","));
    const Parsed p = parse(line.toUtf8() + "\n", {CsvReader::Encoding::Utf8, u','});
    QCOMPARE(p.rows.first(), fields);
}

void TestCsvReader::tinyChunksGiveTheSameRecords()
{
    // Every record, field, quote pair, CRLF and multi-byte character split at every possible place.
    const QByteArray bytes("\xEF\xBB\xBF" "a;b;c\r\n\"x;\"\"y\"\"\r\nz\";\xC3\xB1\xE2\x82\xAC;\r\n\r\nlast;\"\";end");
    const Parsed whole = parse(bytes);
    QCOMPARE(whole.rows.size(), 3);
    for (qint64 chunk = 1; chunk <= 9; ++chunk) {
        CsvReader::Options options;
        options.chunkSize = chunk;
        const Parsed p = parse(bytes, options);
        QCOMPARE(p.rows, whole.rows);
        QCOMPARE(p.lines, whole.lines);
    }
}

LUX_TEST_MAIN(TestCsvReader, QCoreApplication)
#include "tst_csvreader.moc"
