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
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::CsvReader)
public:
    enum class Encoding { Auto, Utf8, Utf16LE, Utf16BE, Windows1252 };

    struct Options
    {
        Encoding encoding = Encoding::Auto;
        char16_t delimiter = 0; // 0: sniff from the first lines
        qint64 chunkSize = 1 << 20; // bytes read at a time (tests and the fuzzer use tiny chunks)
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

    Encoding encoding() const { return m_encoding; }
    QChar delimiter() const { return QChar(m_delimiter); }
    qint64 bytesRead() const { return m_bytesRead; }

    static QString encodingName(Encoding encoding);
    static std::optional<Encoding> encodingFromName(const QString &name); // "utf-8", "windows-1252", …
    // Text of one record as CSV, quoting where needed (for reports of rejected rows).
    static QString formatRecord(const QStringList &fields, QChar delimiter = QLatin1Char(','));

private:
    enum class Parse { Record, NeedMore, End };
    bool fill();
    Parse parseRecord(Record &record);
    void detectEncoding(const QByteArray &head);
    void sniffDelimiter();
    void decodeAppend(const char *bytes, qsizetype size);

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
};

} // namespace lux::contacts
