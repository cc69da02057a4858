// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

class QIODevice;

namespace lux::contacts {

// A streaming RFC 4180 reader for the files marketers actually have: UTF-8 with or without BOM,
// UTF-16 with BOM (or recognisable without), Windows-1252 when the bytes are not UTF-8; comma,
// semicolon, tab or pipe, sniffed from the first lines; CRLF, LF or CR line ends; quoted fields with
// delimiters, doubled quotes and line breaks. Blank lines are skipped. It never loads the whole file.
//
// What it holds at once is bounded by the limits below, whatever the file: a record (and so a field)
// that passes a limit stops the reading with an error that names the limit, the line and the column,
// and quotes only a short start of the data (docs/DESIGN.md, "Limits on input").
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::CsvReader)
public:
    enum class Encoding { Auto, Utf8, Utf16LE, Utf16BE, Windows1252 };

    // A CSV of a million contacts with a dozen columns is 100–200 MB; ten times that is still a
    // list, anything larger is not one. The file streams, so the limit bounds time, not memory.
    static constexpr qint64 kMaxFileBytes = qint64(2) << 30; // 2 GiB
    // One cell: a long note or an address block is a few KB; 64 Ki characters is far beyond any
    // contact field and still small to hold.
    static constexpr qsizetype kMaxFieldChars = 64 * 1024;
    // One record, as written (quotes and delimiters included): what the reader holds at most
    // besides one chunk of the file. Sixteen fields at their limit.
    static constexpr qsizetype kMaxRecordChars = 1024 * 1024;
    // HubSpot's "all properties" export has several hundred columns; four thousand is room to spare.
    static constexpr qsizetype kMaxColumns = 4096;

    struct Options
    {
        Encoding encoding = Encoding::Auto;
        char16_t delimiter = 0; // 0: sniff from the first lines
        qint64 chunkSize = 1 << 20; // bytes read at a time (tests and the fuzzer use tiny chunks)
        qint64 maxBytes = kMaxFileBytes;
        qsizetype maxFieldChars = kMaxFieldChars;
        qsizetype maxRecordChars = kMaxRecordChars;
        qsizetype maxColumns = kMaxColumns;
        QString name = {}; // the file's name, to begin messages with ("contacts.csv, line 3, column 2: …")
    };

    struct Record
    {
        qint64 line = 0; // physical line (1-based) where the record starts
        QStringList fields;
    };

    explicit CsvReader(QIODevice *device);
    CsvReader(QIODevice *device, Options options);

    // Detects the encoding and the delimiter. Call once before next().
    Status start();
    // The next record; false at the end of the input or on an error (then error() says which).
    bool next(Record &record);
    const std::optional<Error> &error() const { return m_error; }
    // What the user should know though the file was read: it was not UTF-8 and was read as
    // Windows-1252, or bytes that are not text in its encoding were replaced. At most one of each.
    const QList<Error> &warnings() const { return m_warnings; }

    Encoding encoding() const { return m_encoding; }
    QChar delimiter() const { return QChar(m_delimiter); }
    qint64 bytesRead() const { return m_bytesRead; }

    static QString encodingName(Encoding encoding);
    static std::optional<Encoding> encodingFromName(const QString &name); // "utf-8", "windows-1252", …
    // Text of one record as CSV, quoting where needed (for reports of rejected rows).
    static QString formatRecord(const QStringList &fields, QChar delimiter = QLatin1Char(','));
    // A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
    // with an apostrophe in front (OWASP CSV injection); a plain signed number (an E.164 phone) is
    // left as it is. Every CSV the app writes (exports, reports, rejected rows) goes through this.
    static QString neutralise(const QString &cell);
    // Index of the first control character (C0 but tab, line feed and carriage return; DEL; C1), or -1.
    static qsizetype findControlCharacter(QStringView text);
    // At most `max` characters of text for a message, control characters shown as symbols (NUL as ␀)
    // and "…" when cut, so a message never repeats a 50 MB field.
    static QString excerpt(QStringView text, qsizetype max = 40);

private:
    enum class Parse { Record, NeedMore, End };
    bool fill();
    Parse parseRecord(Record &record);
    void detectEncoding(const QByteArray &head);
    void sniffDelimiter();
    void decodeAppend(const char *bytes, qsizetype size);
    QString where(qint64 line, qsizetype column) const;
    void fail(const QString &code, const QString &message);

    QIODevice *m_device;
    Options m_options;
    Encoding m_encoding = Encoding::Utf8;
    char16_t m_delimiter = u',';
    QStringDecoder m_decoder;
    QString m_buffer;       // decoded text; its capacity is reused chunk after chunk
    QByteArray m_raw;       // the chunk read from the device, reused likewise
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    bool m_eof = false;
    bool m_started = false;
    std::optional<Error> m_error;
    QList<Error> m_warnings;
    qint64 m_invalidUtf8Line = 0; // the detection's first invalid byte, for the fallback's warning
    bool m_decodeErrorSeen = false;
};

} // namespace lux::contacts
