// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include "common/errorcodes.h"

#include <QIODevice>

#include <array>

namespace lux::contacts {

namespace {

// Windows-1252's 0x80–0x9F; the rest of the range is Latin-1.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Valid UTF-8, allowing a sequence cut off at the end of the sample.
bool looksLikeUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int extra = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
        } else {
            return false;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n)
                return true; // cut off by the sample
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

} // namespace

CsvReader::CsvReader(QIODevice *device) : m_device(device) {}

CsvReader::CsvReader(QIODevice *device, Options options) : m_device(device), m_options(options) {}

QString CsvReader::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Auto: return QStringLiteral("auto");
    case Encoding::Utf8: return QStringLiteral("utf-8");
    case Encoding::Utf16LE: return QStringLiteral("utf-16le");
    case Encoding::Utf16BE: return QStringLiteral("utf-16be");
    case Encoding::Windows1252: return QStringLiteral("windows-1252");
    }
    return {};
}

std::optional<CsvReader::Encoding> CsvReader::encodingFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (n == QLatin1String("auto"))
        return Encoding::Auto;
    if (n == QLatin1String("utf8"))
        return Encoding::Utf8;
    if (n == QLatin1String("utf16le") || n == QLatin1String("utf16"))
        return Encoding::Utf16LE;
    if (n == QLatin1String("utf16be"))
        return Encoding::Utf16BE;
    if (n == QLatin1String("windows1252") || n == QLatin1String("cp1252") || n == QLatin1String("latin1")
        || n == QLatin1String("iso88591"))
        return Encoding::Windows1252;
    return std::nullopt;
}

void CsvReader::detectEncoding(const QByteArray &head)
{
    if (head.startsWith("\xEF\xBB\xBF")) {
        m_encoding = Encoding::Utf8;
        return;
    }
    if (head.startsWith("\xFF\xFE")) {
        m_encoding = Encoding::Utf16LE;
        return;
    }
    if (head.startsWith("\xFE\xFF")) {
        m_encoding = Encoding::Utf16BE;
        return;
    }
    // UTF-16 without a BOM: text in ASCII range has a zero in every other byte.
    const qsizetype sample = qMin<qsizetype>(head.size(), 4096) & ~qsizetype(1);
    if (sample >= 8) {
        int evenZeros = 0, oddZeros = 0;
        for (qsizetype i = 0; i < sample; i += 2) {
            evenZeros += head.at(i) == '\0';
            oddZeros += head.at(i + 1) == '\0';
        }
        if (oddZeros > sample / 4 && evenZeros == 0) {
            m_encoding = Encoding::Utf16LE;
            return;
        }
        if (evenZeros > sample / 4 && oddZeros == 0) {
            m_encoding = Encoding::Utf16BE;
            return;
        }
    }
    m_encoding = looksLikeUtf8(head) ? Encoding::Utf8 : Encoding::Windows1252;
}

void CsvReader::decodeAppend(const char *bytes, qsizetype size)
{
    // Every encoding here yields at most one UTF-16 unit per input byte: decode in place, no
    // temporary string.
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + size + 2);
    QChar *out = m_buffer.data() + old;
    if (m_encoding == Encoding::Windows1252) {
        for (qsizetype i = 0; i < size; ++i) {
            const auto b = static_cast<unsigned char>(bytes[i]);
            out[i] = (b >= 0x80 && b <= 0x9F) ? QChar(kCp1252High[b - 0x80]) : QChar(char16_t(b));
        }
        out += size;
    } else {
        out = m_decoder.appendToBuffer(out, QByteArrayView(bytes, size));
    }
    m_buffer.resize(out - m_buffer.constData());
}

Status CsvReader::start()
{
    m_started = true;
    if (!m_device || !m_device->isReadable())
        return Error(errc::csvUnreadable, tr("The file cannot be read."));
    const QByteArray head = m_device->peek(64 * 1024);
    m_encoding = m_options.encoding == Encoding::Auto ? Encoding::Auto : m_options.encoding;
    if (m_encoding == Encoding::Auto)
        detectEncoding(head);
    switch (m_encoding) {
    case Encoding::Utf16LE: m_decoder = QStringDecoder(QStringConverter::Utf16LE); break;
    case Encoding::Utf16BE: m_decoder = QStringDecoder(QStringConverter::Utf16BE); break;
    case Encoding::Windows1252: break;
    default: m_decoder = QStringDecoder(QStringConverter::Utf8); break;
    }
    // Drop a byte order mark of the chosen encoding.
    if ((m_encoding == Encoding::Utf8 && head.startsWith("\xEF\xBB\xBF")))
        m_bytesRead += m_device->skip(3);
    else if ((m_encoding == Encoding::Utf16LE && head.startsWith("\xFF\xFE"))
             || (m_encoding == Encoding::Utf16BE && head.startsWith("\xFE\xFF")))
        m_bytesRead += m_device->skip(2);
    // Enough text to sniff the delimiter from, whatever the chunk size.
    while (m_buffer.size() < 64 * 1024 && fill()) {
    }
    if (m_options.delimiter)
        m_delimiter = m_options.delimiter;
    else
        sniffDelimiter();
    return {};
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    const qint64 chunk = qMax<qint64>(1, m_options.chunkSize);
    if (m_raw.size() != chunk)
        m_raw.resize(chunk);
    const qint64 n = m_device->read(m_raw.data(), chunk);
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    if (n <= 0) {
        m_eof = true; // a multi-byte sequence cut off by the end of the file is dropped
        return false;
    }
    m_bytesRead += n;
    decodeAppend(m_raw.constData(), n);
    return true;
}

void CsvReader::sniffDelimiter()
{
    static constexpr std::array<char16_t, 4> candidates = {u',', u';', u'\t', u'|'};
    // Count each candidate outside quotes, per line, over the first lines.
    QList<std::array<int, 4>> perLine;
    std::array<int, 4> counts{};
    bool quoted = false;
    for (qsizetype i = 0; i < m_buffer.size() && perLine.size() < 20; ++i) {
        const char16_t c = m_buffer.at(i).unicode();
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (counts != std::array<int, 4>{})
                perLine << counts;
            counts = {};
        } else if (!quoted) {
            for (size_t k = 0; k < candidates.size(); ++k)
                counts[k] += c == candidates[k];
        }
    }
    if (counts != std::array<int, 4>{})
        perLine << counts;
    int best = -1;
    double bestScore = 0;
    for (size_t k = 0; k < candidates.size(); ++k) {
        if (perLine.isEmpty() || perLine.first()[k] == 0)
            continue;
        // Lines agreeing with the header's count, weighted by how many fields that makes.
        int agreeing = 0;
        for (const auto &line : std::as_const(perLine))
            agreeing += line[k] == perLine.first()[k];
        const double score = double(agreeing) / double(perLine.size()) * 1000.0 + perLine.first()[k];
        if (score > bestScore) {
            bestScore = score;
            best = int(k);
        }
    }
    m_delimiter = best >= 0 ? candidates[size_t(best)] : u',';
}

bool CsvReader::next(Record &record)
{
    if (!m_started) {
        if (Status s = start(); !s) {
            m_error = s.error();
            return false;
        }
    }
    if (m_error)
        return false;
    while (true) {
        const Parse p = parseRecord(record);
        if (p == Parse::Record) {
            // A blank line is one empty, unquoted field: not a record.
            if (record.fields.size() == 1 && record.fields.first().isEmpty())
                continue;
            return true;
        }
        if (p == Parse::End)
            return false;
        if (!fill() && !m_eof)
            return false;
    }
}

CsvReader::Parse CsvReader::parseRecord(Record &record)
{
    const QChar *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype pos = m_pos;
    qint64 line = m_line;
    // Fields are written into the record's own strings: their capacity is reused from one record to
    // the next, so a steady import allocates almost nothing here.
    QStringList &fields = record.fields;
    qsizetype count = 0;
    const auto startField = [&]() -> QString & {
        if (count == fields.size())
            fields.append(QString());
        QString &f = fields[count++];
        f.resize(0);
        return f;
    };
    QString *field = &startField();
    bool inQuotes = false;
    bool wasQuoted = false;
    const char16_t delim = m_delimiter;

    if (pos >= size)
        return m_eof ? Parse::End : Parse::NeedMore;

    const auto finish = [&](qsizetype newPos) {
        fields.resize(count);
        record.line = m_line;
        m_pos = newPos;
        m_line = line;
        return Parse::Record;
    };

    while (true) {
        if (pos >= size) {
            if (!m_eof)
                return Parse::NeedMore;
            if (inQuotes) {
                m_error = Error(errc::csvUnterminatedQuote,
                                tr("Line %1: a quoted field is never closed.").arg(m_line));
                return Parse::End;
            }
            return finish(pos);
        }
        const char16_t c = data[pos].unicode();
        if (inQuotes) {
            if (c == u'"') {
                if (pos + 1 >= size && !m_eof)
                    return Parse::NeedMore;
                if (pos + 1 < size && data[pos + 1].unicode() == u'"') {
                    field->append(QLatin1Char('"'));
                    pos += 2;
                } else {
                    inQuotes = false;
                    ++pos;
                }
            } else if (c == u'\r' || c == u'\n') {
                if (c == u'\r' && pos + 1 >= size && !m_eof)
                    return Parse::NeedMore;
                field->append(QLatin1Char('\n'));
                pos += (c == u'\r' && pos + 1 < size && data[pos + 1].unicode() == u'\n') ? 2 : 1;
                ++line;
            } else {
                qsizetype end = pos + 1;
                while (end < size) {
                    const char16_t e = data[end].unicode();
                    if (e == u'"' || e == u'\r' || e == u'\n')
                        break;
                    ++end;
                }
                field->append(data + pos, end - pos);
                pos = end;
            }
            continue;
        }
        if (c == delim) {
            field = &startField();
            wasQuoted = false;
            ++pos;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && pos + 1 >= size && !m_eof)
                return Parse::NeedMore;
            const qsizetype after = (c == u'\r' && pos + 1 < size && data[pos + 1].unicode() == u'\n') ? pos + 2 : pos + 1;
            ++line;
            return finish(after);
        } else if (c == u'"' && field->isEmpty() && !wasQuoted) {
            inQuotes = true;
            wasQuoted = true;
            ++pos;
        } else {
            // Unquoted text (and, leniently, a stray quote inside it or text after a closing quote).
            qsizetype end = pos + 1;
            while (end < size) {
                const char16_t e = data[end].unicode();
                if (e == delim || e == u'\r' || e == u'\n')
                    break;
                ++end;
            }
            field->append(data + pos, end - pos);
            pos = end;
        }
    }
}

QString CsvReader::formatRecord(const QStringList &fields, QChar delimiter)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += delimiter;
        const QString &f = fields.at(i);
        if (f.contains(delimiter) || f.contains(QLatin1Char('"')) || f.contains(QLatin1Char('\n'))
            || f.contains(QLatin1Char('\r'))) {
            QString escaped = f;
            escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            out += QLatin1Char('"') + escaped + QLatin1Char('"');
        } else {
            out += f;
        }
    }
    return out;
}

} // namespace lux::contacts
