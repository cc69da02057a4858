// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the CSV reader. The first byte picks the options (encoding, delimiter, chunk
// size), so the fuzzer also splits records, quotes, CRLF pairs and multi-byte characters across reads.
//   cmake --preset fuzz && cmake --build --preset fuzz
//   build/fuzz/tests/fuzz/csvreader_fuzz -max_total_time=600 -max_len=4096 tests/fuzz/corpus/csv
#include "contacts/csvreader.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

using lux::contacts::CsvReader;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t selector = data[0];
    CsvReader::Options options;
    static constexpr CsvReader::Encoding encodings[] = {CsvReader::Encoding::Auto, CsvReader::Encoding::Utf8,
                                                        CsvReader::Encoding::Utf16LE, CsvReader::Encoding::Utf16BE,
                                                        CsvReader::Encoding::Windows1252};
    options.encoding = encodings[selector % 5];
    static constexpr char16_t delimiters[] = {0, u',', u';', u'\t', u'|'};
    options.delimiter = delimiters[(selector / 5) % 5];
    options.chunkSize = 1 + (selector / 25) % 11;

    QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    if (!reader.start())
        return 0;
    CsvReader::Record record;
    qint64 lastLine = 0;
    int records = 0;
    while (reader.next(record)) {
        // Invariants: lines only move forward; every record has a field; formatting never fails.
        if (record.line <= lastLine || record.fields.isEmpty())
            __builtin_trap();
        lastLine = record.line;
        (void)CsvReader::formatRecord(record.fields, reader.delimiter());
        if (++records > 1'000'000)
            __builtin_trap(); // more records than bytes: a loop that does not advance
    }
    return 0;
}
