// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include "common/errorcodes.h"
#include "common/inputfile.h"

#include <QIODevice>
#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace lux::contacts {

namespace {

// Windows-1252's 0x80–0x9F; the rest of the range is Latin-1.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Offset of the first byte that is not UTF-8, or -1 when the sample is valid (a sequence cut off at
// the end of the sample counts as valid).
qsizetype firstInvalidUtf8(const QByteArray &bytes)
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
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n)
                return -1; // cut off by the sample
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

// Physical line (1-based) of a position: LF, CRLF and a lone CR each end one.
char16_t unit(char c)
{
    return static_cast<unsigned char>(c);
}
char16_t unit(QChar c)
{
    return c.unicode();
}
template<typename Char>
qint64 lineAt(const Char *text, qsizetype end, qint64 firstLine)
{
    qint64 line = firstLine;
    for (qsizetype i = 0; i < end; ++i) {
        const char16_t c = unit(text[i]);
        if (c == u'\n' || (c == u'\r' && !(i + 1 < end && unit(text[i + 1]) == u'\n')))
            ++line;
    }
    return line;
}

QString number(qint64 n)
{
    return QLocale().toString(n);
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
    const qsizetype invalid = firstInvalidUtf8(head);
    m_encoding = invalid < 0 ? Encoding::Utf8 : Encoding::Windows1252;
    if (invalid >= 0) {
        m_invalidUtf8Line = lineAt(head.constData(), invalid, 1);
        const QString at = m_options.name.isEmpty() ? tr("Line %1").arg(m_invalidUtf8Line)
                                                    : tr("%1, line %2").arg(m_options.name).arg(m_invalidUtf8Line);
        m_warnings.append(Error(errc::csvEncodingFallback,
                                tr("%1: the byte 0x%2 is not UTF-8, so the file was read as Windows-1252. If accented "
                                   "letters look wrong, import it again with its encoding chosen.")
                                    .arg(at)
                                    .arg(QString::number(uint(static_cast<unsigned char>(head.at(invalid))), 16).toUpper())));
    }
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
    // The decoder puts U+FFFD for bytes that are not text in the encoding; said once, with the line.
    if (!m_decodeErrorSeen && m_encoding != Encoding::Windows1252 && m_decoder.hasError()) {
        m_decodeErrorSeen = true;
        qsizetype at = m_buffer.indexOf(QChar(0xFFFD), old);
        if (at < 0)
            at = old;
        const qint64 line = lineAt(m_buffer.constData() + m_pos, at - m_pos, m_line);
        const QString where = m_options.name.isEmpty() ? tr("Line %1").arg(line) : tr("%1, line %2").arg(m_options.name).arg(line);
        m_warnings.append(Error(errc::csvInvalidText, tr("%1: bytes that are not valid %2 were replaced with \"�\".")
                                                           .arg(where, encodingName(m_encoding))));
    }
}

QString CsvReader::where(qint64 line, qsizetype column) const
{
    return m_options.name.isEmpty() ? tr("Line %1, column %2").arg(line).arg(column)
                                    : tr("%1, line %2, column %3").arg(m_options.name).arg(line).arg(column);
}

void CsvReader::fail(const QString &code, const QString &message)
{
    m_error = Error(code, message);
    m_eof = true;
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
    if (m_bytesRead > m_options.maxBytes) {
        // InputFile refused a file this large before a byte was read; this one grew while it was read.
        fail(errc::fileTooLarge, tr("%1 is larger than %2, the limit for a CSV file.")
                                     .arg(m_options.name.isEmpty() ? tr("The file") : m_options.name,
                                          InputFile::formatSize(m_options.maxBytes)));
        return false;
    }
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
        if (!fill() && (!m_eof || m_error))
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

    // The record so far stays in the buffer until it ends: its length is what the reader holds.
    const auto tooLong = [&](qsizetype length) {
        if (length <= m_options.maxRecordChars)
            return false;
        fail(errc::csvRecordTooLong,
             tr("%1: the row is longer than %2 characters, the limit for one row. It starts \"%3\".")
                 .arg(where(m_line, count), number(m_options.maxRecordChars), excerpt(QStringView(data + m_pos, size - m_pos))));
        return true;
    };
    const auto needMore = [&] { return tooLong(size - m_pos) ? Parse::End : Parse::NeedMore; };
    const auto finish = [&](qsizetype newPos) {
        if (tooLong(newPos - m_pos))
            return Parse::End;
        fields.resize(count);
        record.line = m_line;
        m_pos = newPos;
        m_line = line;
        return Parse::Record;
    };

    while (true) {
        if (field->size() > m_options.maxFieldChars) {
            fail(errc::csvFieldTooLong,
                 tr("%1: the field is longer than %2 characters, the limit for one field. It starts \"%3\".")
                     .arg(where(line, count), number(m_options.maxFieldChars), excerpt(*field)));
            return Parse::End;
        }
        if (pos >= size) {
            if (!m_eof)
                return needMore();
            if (inQuotes) {
                fail(errc::csvUnterminatedQuote, tr("Line %1: a quoted field is never closed.").arg(m_line));
                return Parse::End;
            }
            return finish(pos);
        }
        const char16_t c = data[pos].unicode();
        if (inQuotes) {
            if (c == u'"') {
                if (pos + 1 >= size && !m_eof)
                    return needMore();
                if (pos + 1 < size && data[pos + 1].unicode() == u'"') {
                    field->append(QLatin1Char('"'));
                    pos += 2;
                } else {
                    inQuotes = false;
                    ++pos;
                }
            } else if (c == u'\r' || c == u'\n') {
                if (c == u'\r' && pos + 1 >= size && !m_eof)
                    return needMore();
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
            if (count >= m_options.maxColumns) {
                fail(errc::csvTooManyColumns, tr("%1: the row has more than %2 columns, the limit for a CSV file.")
                                                  .arg(where(line, count + 1), number(m_options.maxColumns)));
                return Parse::End;
            }
            field = &startField();
            wasQuoted = false;
            ++pos;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && pos + 1 >= size && !m_eof)
                return needMore();
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

QString CsvReader::neutralise(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    // A plain signed number (an E.164 phone, say) cannot run as a formula; an apostrophe would only
    // corrupt it on the way back in.
    static const QRegularExpression number(QStringLiteral(R"(^[+-]?\d+(\.\d+)?$)"));
    if (number.match(cell).hasMatch())
        return cell;
    const QChar c = cell.at(0);
    if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
        return QLatin1Char('\'') + cell;
    return cell;
}

namespace {
bool isControl(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7F && c <= 0x9F);
}
} // namespace

qsizetype CsvReader::findControlCharacter(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (isControl(text.at(i).unicode()))
            return i;
    return -1;
}

QString CsvReader::excerpt(QStringView text, qsizetype max)
{
    QString out;
    const qsizetype n = qMin(text.size(), max);
    out.reserve(n + 1);
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20)
            out += QChar(char16_t(0x2400 + c)); // the Control Pictures block: ␀, ␉, ␊…
        else if (c == 0x7F)
            out += QChar(char16_t(0x2421));
        else if (isControl(c))
            out += QChar(char16_t(0xFFFD));
        else
            out += QChar(c);
    }
    if (text.size() > max)
        out += QChar(0x2026);
    return out;
}

} // namespace lux::contacts
