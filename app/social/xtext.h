// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace lux::social {

// A run of a post's text: [start, end) in UTF-16 units of the NFC-normalised text.
struct XSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
    friend bool operator==(const XSpan &, const XSpan &) = default;
};

// A URL as X finds it: where it is and the text X links (with no scheme, just the domain and path).
struct XUrl
{
    XSpan span;
    QString url;
};

// What X makes of a post's text (parseTweet of twitter-text 3.1.0, configuration v3).
struct XLength
{
    int weightedLength = 0;      // in characters: most scripts 1, CJK and emoji 2, every URL 23
    int maxLength = 280;         // 280, or 25,000 for an account with long posts
    bool valid = false;          // not empty, not over maxLength, no U+FFFE, U+FEFF or U+FFFF
    bool invalidCharacter = false;
    int permillage = 0;          // weightedLength / maxLength × 1000, rounded down
    qsizetype validRangeEnd = 0; // the last UTF-16 unit of the text (as typed) within maxLength, inclusive
    QString normalized;          // the NFC text, what is measured and what is sent
    QList<XUrl> urls;            // in the normalised text
    QList<XSpan> emoji;
};

// X's weighted length, as twitter-text counts it
// (github.com/twitter/twitter-text, js/src/parseTweet.js and config/v3.json):
// - the text is NFC-normalised first;
// - every URL (http or https with any domain; without a scheme, an ASCII domain under a known
//   top-level domain) counts 23, whatever its length;
// - every emoji twemoji-parser 11.0.2 recognises counts 2, however many code points it joins (a
//   skin tone, a flag, a family); an emoji newer than Unicode 11 is counted a code point at a time;
// - otherwise each UTF-16 unit weighs by its range: U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
//   U+2032–U+2037 count 1, everything else 2, and a character outside the BMP 2 in all.
// The patterns come from the published library itself (social/xtextpatterns.cpp, generated), and a
// test compares this with the library over thousands of generated texts (tst_xtextparity).
class XText
{
public:
    static constexpr int kMaxLength = 280;
    static constexpr int kMaxLongLength = 25000; // an account with X Premium
    static constexpr int kUrlLength = 23;

    static XLength parse(const QString &text, int maxLength = kMaxLength);

    // The URLs X links in an (already normalised) text, in order.
    static QList<XUrl> extractUrls(QStringView text);
    // The emoji twemoji-parser 11.0.2 finds in an (already normalised) text, in order.
    static QList<XSpan> extractEmoji(QStringView text);
};

} // namespace lux::social
