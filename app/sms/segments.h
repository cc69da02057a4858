// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

namespace lux::sms {

enum class Encoding { Gsm7, Ucs2 };

// How Twilio will split one SMS body (provider-contracts.md §2.6; Twilio's glossary pages "What the SMS
// character limit is" and "What is UCS-2 character encoding"):
// - GSM-7 when every character is in GSM 03.38's basic table or its extension table, else UCS-2 for
//   the whole message;
// - GSM-7: 160 septets in one part, 153 a part once concatenated (the 6-byte User Data Header takes
//   the rest); an extension character costs an escape septet plus its own, and the pair stays together;
// - UCS-2: 70 UTF-16 units in one part, 67 a part; a surrogate pair costs two units and is never split,
//   nor is a grapheme cluster (a flag, a ZWJ emoji sequence, a letter with its combining marks) unless
//   the cluster alone is longer than a part.
struct SegmentCount
{
    Encoding encoding = Encoding::Gsm7;
    int segments = 0;     // 0 for an empty text
    int units = 0;        // septets (GSM-7) or UTF-16 units (UCS-2)
    int perSegment = 160; // 160 or 153 (GSM-7), 70 or 67 (UCS-2): what one part holds at this length
    int unitsLeft = 160;  // room left in the last part before another part starts
    int characters = 0;   // UTF-16 units of the body, what Twilio's 1,600-character limit is held against
    bool tooLong = false; // over Twilio's 1,600 characters: Twilio refuses the message
    // The distinct characters (code points) that force UCS-2, in order of first appearance; empty for
    // GSM-7.
    QList<char32_t> ucs2Chars;
    // Where each part ends in the text (an index into it, exclusive), one entry per part; the last is
    // the text's length.
    QVarLengthArray<qsizetype, 16> partEnds;

    QString encodingName() const { return encoding == Encoding::Gsm7 ? QStringLiteral("GSM-7") : QStringLiteral("UCS-2"); }
    // The UCS-2 characters as one string each (an emoji is one entry of two UTF-16 units).
    QStringList ucs2CharStrings() const;
};

class Segments
{
    Q_DECLARE_TR_FUNCTIONS(lux::sms::Segments)
public:
    static constexpr int kGsm7Single = 160;
    static constexpr int kGsm7Multi = 153;
    static constexpr int kUcs2Single = 70;
    static constexpr int kUcs2Multi = 67;
    // Twilio's glossary: a concatenated message is at most 1,600 characters (error 21617 past it).
    static constexpr int kMaxBodyCharacters = 1600;

    // Counts without allocating per character (one finder buffer on the stack for the grapheme
    // boundaries of a long UCS-2 text), so it can run per recipient over a large audience.
    static SegmentCount count(QStringView text);

    // The septets a character costs in GSM-7: 1 (basic table), 2 (extension table: form feed,
    // ^ { } \ [ ] ~ | €), 0 when it is not in GSM 03.38 at all.
    static int gsm7Septets(char32_t c);

    // errc::smsTooLong when the text is over kMaxBodyCharacters, with a message that says by how much.
    static Status checkLength(QStringView text);
};

struct LookalikeReplacement
{
    QString text;
    int replaced = 0; // characters replaced (or removed)
};

// Twilio's Smart Encoding: characters that look like GSM-7 ones (curly quotes, long dashes, the
// ellipsis, non-breaking and other spaces, fullwidth forms, invisible controls) replaced by them.
LookalikeReplacement replaceLookalikes(const QString &text);
// Whether c has a Smart Encoding replacement.
bool isLookalike(char32_t c);

} // namespace lux::sms
