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
    void limitsStopTheReading_data();
    void limitsStopTheReading();
    void limitsHoldAtEveryChunkSize();
    void encodingFallbackIsSaidWithItsLine();
    void invalidBytesLaterAreSaidOnce();
    void controlCharactersAndExcerpts();
    void neutraliseGuardsFormulas();
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

void TestCsvReader::limitsStopTheReading_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    // Limits made small (8 characters a field, 24 a row, 4 columns) so the neighbours are easy to see.
    QTest::newRow("field at the limit") << QByteArray("a,b\n12345678,x\n") << QString() << QString();
    QTest::newRow("field one past") << QByteArray("a,b\n123456789,x\n") << QStringLiteral("csv.field-too-long")
                                    << QStringLiteral("t.csv, line 2, column 1: the field is longer than 8 characters, the limit for one field. It starts \"123456789\".");
    QTest::newRow("quoted field past, over lines") << QByteArray("a,b\nx,\"1\n2\n3\n4\n5\"\n") << QStringLiteral("csv.field-too-long")
                                                   << QStringLiteral("t.csv, line 6, column 2: the field is longer than 8 characters");
    QTest::newRow("row past") << QByteArray("a,b\n1234567,1234567,1234567,1\n") << QStringLiteral("csv.record-too-long")
                              << QStringLiteral("t.csv, line 2, column 4: the row is longer than 24 characters");
    QTest::newRow("columns at the limit") << QByteArray("a,b,c,d\n1,2,3,4\n") << QString() << QString();
    QTest::newRow("columns one past") << QByteArray("a,b,c,d,e\n") << QStringLiteral("csv.too-many-columns")
                                      << QStringLiteral("t.csv, line 1, column 5: the row has more than 4 columns");
    QTest::newRow("NUL field past, shown as a symbol") << QByteArray("a\n\0\0\0\0\0\0\0\0\0\n", 12) << QStringLiteral("csv.field-too-long")
                                                       << QStringLiteral("It starts \"\u2400\u2400\u2400\u2400\u2400\u2400\u2400\u2400\u2400\".");
    QTest::newRow("file grown past") << QByteArray(200, 'a') << QStringLiteral("file.too-large")
                                     << QStringLiteral("t.csv is larger than");
}

void TestCsvReader::limitsStopTheReading()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QBuffer buffer;
    buffer.setData(bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader::Options options;
    options.delimiter = u',';
    options.maxFieldChars = 8;
    options.maxRecordChars = 24;
    options.maxColumns = 4;
    options.maxBytes = 100;
    options.chunkSize = 16;
    options.name = QStringLiteral("t.csv");
    if (QByteArray(QTest::currentDataTag()) == "file grown past")
        options.maxFieldChars = options.maxRecordChars = 1000; // only the size limit in play
    CsvReader reader(&buffer, options);
    CsvReader::Record r;
    int records = 0;
    while (reader.next(r))
        ++records;
    if (code.isEmpty()) {
        QVERIFY2(!reader.error(), reader.error() ? qPrintable(reader.error()->message) : "");
        QCOMPARE(records, 2);
        return;
    }
    QVERIFY(reader.error());
    QCOMPARE(reader.error()->code, code);
    QVERIFY2(reader.error()->message.contains(message), qPrintable(reader.error()->message));
    QVERIFY(reader.error()->message.size() < 300);
    QVERIFY(!reader.next(r)); // it stays stopped
}

void TestCsvReader::limitsHoldAtEveryChunkSize()
{
    // Past the field limit in the last record, whatever the chunking: the same error, and no record
    // is given out for the cut-off data.
    const QByteArray bytes = "email,name\nann@example.com,Ann\nbob@example.com," + QByteArray(100, 'x') + "\n";
    for (qint64 chunk = 1; chunk <= 40; ++chunk) {
        QBuffer buffer;
        buffer.setData(bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader::Options options;
        options.chunkSize = chunk;
        options.maxFieldChars = 50;
        CsvReader reader(&buffer, options);
        CsvReader::Record r;
        QStringList emails;
        while (reader.next(r))
            emails << r.fields.first();
        QCOMPARE(emails, (QStringList{QStringLiteral("email"), QStringLiteral("ann@example.com")}));
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->code, QStringLiteral("csv.field-too-long"));
        QVERIFY2(reader.error()->message.startsWith(QStringLiteral("Line 3, column 2:")), qPrintable(reader.error()->message));
    }
}

void TestCsvReader::encodingFallbackIsSaidWithItsLine()
{
    QBuffer buffer;
    buffer.setData("email,name\r\nann@example.com,Ann\r\n\"multi\r\nline\",x\rrene@example.com,Ren\xE9\r\n");
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader::Options options;
    options.name = QStringLiteral("old.csv");
    CsvReader reader(&buffer, options);
    QVERIFY(reader.start());
    QCOMPARE(reader.encoding(), CsvReader::Encoding::Windows1252);
    QCOMPARE(reader.warnings().size(), 1);
    QCOMPARE(reader.warnings().first().code, QStringLiteral("csv.encoding-fallback"));
    // CRLF, CR and the line break inside quotes each count: the é is on physical line 5.
    QVERIFY2(reader.warnings().first().message.startsWith(QStringLiteral("old.csv, line 5: the byte 0xE9 is not UTF-8")),
             qPrintable(reader.warnings().first().message));
    // Plain UTF-8 says nothing.
    const Parsed p = parse("email\nren\xC3\xA9@example.com\n");
    QCOMPARE(p.encoding, CsvReader::Encoding::Utf8);
}

void TestCsvReader::invalidBytesLaterAreSaidOnce()
{
    // Past the 64 KiB the detection looks at: still read as UTF-8, the bad bytes become U+FFFD, and
    // one warning names the first line that had them.
    QByteArray bytes = "email,name\n";
    for (int i = 0; bytes.size() < 70 * 1024; ++i)
        bytes += "user" + QByteArray::number(i) + "@example.com,Caf\xC3\xA9\n";
    const qint64 badLine = bytes.count('\n') + 1;
    bytes += "bad@example.com,Ren\xE9\nworse@example.com,\xFF\xFE\n";
    for (qint64 chunk : {qint64(7), qint64(4096), qint64(1 << 20)}) {
        QBuffer buffer;
        buffer.setData(bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader::Options options;
        options.chunkSize = chunk;
        CsvReader reader(&buffer, options);
        CsvReader::Record r;
        QString last;
        while (reader.next(r))
            last = r.fields.value(1);
        QVERIFY(!reader.error());
        QCOMPARE(reader.encoding(), CsvReader::Encoding::Utf8);
        QCOMPARE(last, QStringLiteral("\uFFFD\uFFFD"));
        QCOMPARE(reader.warnings().size(), 1);
        QCOMPARE(reader.warnings().first().code, QStringLiteral("csv.invalid-text"));
        QVERIFY2(reader.warnings().first().message.startsWith(QStringLiteral("Line %1: ").arg(badLine)),
                 qPrintable(reader.warnings().first().message));
    }
}

void TestCsvReader::controlCharactersAndExcerpts()
{
    QCOMPARE(CsvReader::findControlCharacter(u"plain\ttab\r\nbreaks"), -1);
    const QString withNul = QStringLiteral("ab") + QChar(0) + QStringLiteral("c");
    QCOMPARE(CsvReader::findControlCharacter(withNul), 2);
    QCOMPARE(CsvReader::findControlCharacter(u"x\u001by"), 1);  // ESC
    QCOMPARE(CsvReader::findControlCharacter(u"x\u007fy"), 1);  // DEL
    QCOMPARE(CsvReader::findControlCharacter(u"x\u0085y"), 1);  // NEL, a C1 control
    QCOMPARE(CsvReader::findControlCharacter(u"Zo\u00eb \u20ac"), -1);
    const QString big(50'000'000 / 100, QLatin1Char('A'));
    QCOMPARE(CsvReader::excerpt(big), QString(40, QLatin1Char('A')) + QChar(0x2026));
    QCOMPARE(CsvReader::excerpt(u"short"), QStringLiteral("short"));
    const QString controls = QStringLiteral("a") + QChar(0) + QStringLiteral("\tb");
    QCOMPARE(CsvReader::excerpt(controls), QStringLiteral("a\u2400\u2409b"));
}

void TestCsvReader::neutraliseGuardsFormulas()
{
    QCOMPARE(CsvReader::neutralise(QStringLiteral("=2+3")), QStringLiteral("'=2+3"));
    QCOMPARE(CsvReader::neutralise(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    QCOMPARE(CsvReader::neutralise(QStringLiteral("-1+2")), QStringLiteral("'-1+2"));
    QCOMPARE(CsvReader::neutralise(QStringLiteral("\tx")), QStringLiteral("'\tx"));
    QCOMPARE(CsvReader::neutralise(QStringLiteral("\rx")), QStringLiteral("'\rx"));
    QCOMPARE(CsvReader::neutralise(QStringLiteral("+4915112345678")), QStringLiteral("+4915112345678")); // a phone
    QCOMPARE(CsvReader::neutralise(QStringLiteral("-12.5")), QStringLiteral("-12.5"));
    QCOMPARE(CsvReader::neutralise(QStringLiteral("Ann")), QStringLiteral("Ann"));
    QCOMPARE(CsvReader::neutralise(QString()), QString());
}

LUX_TEST_MAIN(TestCsvReader, QCoreApplication)
#include "tst_csvreader.moc"
