// SPDX-License-Identifier: GPL-3.0-or-later
#include "segments.h"

#include "common/errorcodes.h"

#include <QLocale>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <array>
#include <bitset>
#include <limits>
#include <memory>

namespace lux::sms {

namespace {

// GSM 03.38 (3GPP TS 23.038 §6.2.1) as Unicode: what each character below U+0100 costs in septets.
// 1: the basic table; 2: the extension table, reached through the escape septet 0x1B; 0: not in GSM-7.
constexpr std::array<unsigned char, 256> kLatin1Septets = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0x20; c <= 0x5A; ++c) // space to Z: ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ? @ A-Z
        t[static_cast<size_t>(c)] = 1;
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<size_t>(c)] = 1;
    t['\n'] = 1;
    t['\r'] = 1;
    t['_'] = 1;
    // Basic table, Latin-1 part: ¡ £ ¤ ¥ § ¿ Ä Å Æ Ç É Ñ Ö Ø Ü ß à ä å æ è é ì ñ ò ö ø ù ü
    for (int c : {0xA1, 0xA3, 0xA4, 0xA5, 0xA7, 0xBF, 0xC4, 0xC5, 0xC6, 0xC7, 0xC9, 0xD1, 0xD6, 0xD8, 0xDC, 0xDF,
                  0xE0, 0xE4, 0xE5, 0xE6, 0xE8, 0xE9, 0xEC, 0xF1, 0xF2, 0xF6, 0xF8, 0xF9, 0xFC})
        t[static_cast<size_t>(c)] = 1;
    // Extension table: form feed ^ { } \ [ ~ ] |   (€ is above U+00FF)
    for (int c : {0x0C, int('^'), int('{'), int('}'), int('\\'), int('['), int('~'), int(']'), int('|')})
        t[static_cast<size_t>(c)] = 2;
    return t;
}();

inline int septetsOf(char16_t c)
{
    if (c < 0x100)
        return kLatin1Septets[c];
    switch (c) {
    // Basic table, Greek capitals: Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ
    case 0x0394: case 0x03A6: case 0x0393: case 0x039B: case 0x03A9:
    case 0x03A0: case 0x03A8: case 0x03A3: case 0x0398: case 0x039E:
        return 1;
    case 0x20AC: // €, extension table
        return 2;
    default:
        return 0;
    }
}

inline bool isHigh(char16_t c) { return c >= 0xD800 && c < 0xDC00; }
inline bool isLow(char16_t c) { return c >= 0xDC00 && c < 0xE000; }

// The UTF-16 length of the code point starting at i (a lone surrogate counts as one unit).
inline qsizetype codePointLength(const char16_t *p, qsizetype i, qsizetype n)
{
    return (isHigh(p[i]) && i + 1 < n && isLow(p[i + 1])) ? 2 : 1;
}

void collectUcs2Chars(const char16_t *p, qsizetype from, qsizetype n, QList<char32_t> &out)
{
    // A linear look-up while the list is short (a few quotes and emoji); a bitmap of the BMP once it
    // is not (a Chinese or Russian text has thousands of distinct characters).
    constexpr qsizetype kLinear = 32;
    std::unique_ptr<std::bitset<0x10000>> seen;
    for (qsizetype i = from; i < n;) {
        const qsizetype len = codePointLength(p, i, n);
        const char32_t cp = len == 2 ? QChar::surrogateToUcs4(p[i], p[i + 1]) : char32_t(p[i]);
        i += len;
        if (len == 1 && septetsOf(char16_t(cp)) != 0)
            continue;
        if (seen && cp <= 0xFFFF) {
            if (seen->test(cp))
                continue;
            seen->set(cp);
        } else if (out.contains(cp)) {
            continue;
        }
        out.append(cp);
        if (!seen && out.size() == kLinear) {
            seen = std::make_unique<std::bitset<0x10000>>();
            for (char32_t c : std::as_const(out))
                if (c <= 0xFFFF)
                    seen->set(c);
        }
    }
}

// Whether c can join a grapheme cluster with its neighbour (UAX #29: Extend, ZWJ, SpacingMark,
// Prepend, Regional_Indicator, Hangul jamo and syllables, CR of CR LF). A text with none of these has
// a cluster boundary between every two code points, and needs no boundary finder.
inline bool joinsClusters(char32_t c)
{
    if (c < 0x0300)
        return c == '\r';
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing: // combining marks, variation selectors
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        break;
    }
    return c == 0x200C || c == 0x200D                 // ZWNJ (Extend), ZWJ
           || (c >= 0x1F1E6 && c <= 0x1F1FF)          // regional indicators (flags)
           || (c >= 0x1F3FB && c <= 0x1F3FF)          // emoji skin-tone modifiers
           || (c >= 0xE0020 && c <= 0xE007F)          // tags (subdivision flags)
           || (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF)
           || (c >= 0xAC00 && c <= 0xD7A3)            // Hangul jamo and syllables
           || (c >= 0x0600 && c <= 0x0605) || c == 0x06DD || c == 0x070F || c == 0x0890 || c == 0x0891 || c == 0x08E2
           || c == 0x0D4E || c == 0x110BD || c == 0x110CD || c == 0x111C2 || c == 0x111C3 || c == 0x1193F || c == 0x11941
           || c == 0x11A3A || (c >= 0x11A84 && c <= 0x11A89) || c == 0x11D46 || c == 0x11F02 // Prepend
           || c == 0x0E33 || c == 0x0EB3;                // SpacingMark letters (Thai, Lao sara am)
}

void layOutUcs2(QStringView text, SegmentCount &r)
{
    const auto *p = text.utf16();
    const qsizetype n = text.size();
    if (n <= Segments::kUcs2Single) {
        r.segments = 1;
        r.perSegment = Segments::kUcs2Single;
        r.unitsLeft = Segments::kUcs2Single - int(n);
        r.partEnds.append(n);
        return;
    }
    r.perSegment = Segments::kUcs2Multi;
    bool simple = true;
    for (qsizetype i = 0; i < n && simple;) {
        const qsizetype len = codePointLength(p, i, n);
        simple = !joinsClusters(len == 2 ? QChar::surrogateToUcs4(p[i], p[i + 1]) : char32_t(p[i]));
        i += len;
    }
    if (simple) {
        int used = 0;
        for (qsizetype i = 0; i < n;) {
            const int len = int(codePointLength(p, i, n));
            if (used + len > Segments::kUcs2Multi) {
                r.partEnds.append(i);
                used = 0;
            }
            used += len;
            i += len;
        }
        r.partEnds.append(n);
        r.segments = int(r.partEnds.size());
        r.unitsLeft = Segments::kUcs2Multi - used;
        return;
    }
    // The finder needs length + 1 bytes of attributes; a body Twilio accepts fits on the stack, so only a
    // text over the limit (still counted, for the composer) makes it allocate.
    std::array<unsigned char, Segments::kMaxBodyCharacters * 2 + 1> buffer;
    const bool onStack = n + 1 <= qsizetype(buffer.size());
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text, onStack ? buffer.data() : nullptr,
                               onStack ? qsizetype(buffer.size()) : 0);
    int used = 0;
    qsizetype start = 0;
    while (start < n) {
        qsizetype end = finder.toNextBoundary();
        if (end < 0 || end > n)
            end = n;
        const int len = int(end - start);
        if (used + len <= Segments::kUcs2Multi) {
            used += len;
        } else if (len <= Segments::kUcs2Multi) {
            r.partEnds.append(start);
            used = len;
        } else {
            // A cluster longer than a part (a long run of combining marks): split it, between code points.
            for (qsizetype i = start; i < end;) {
                const int cl = int(codePointLength(p, i, end));
                if (used + cl > Segments::kUcs2Multi) {
                    r.partEnds.append(i);
                    used = 0;
                }
                used += cl;
                i += cl;
            }
        }
        start = end;
    }
    r.partEnds.append(n);
    r.segments = int(r.partEnds.size());
    r.unitsLeft = Segments::kUcs2Multi - used;
}

} // namespace

QStringList SegmentCount::ucs2CharStrings() const
{
    QStringList out;
    out.reserve(ucs2Chars.size());
    for (char32_t c : ucs2Chars)
        out << QString::fromUcs4(&c, 1);
    return out;
}

int Segments::gsm7Septets(char32_t c)
{
    return c > 0xFFFF ? 0 : septetsOf(char16_t(c));
}

SegmentCount Segments::count(QStringView text)
{
    SegmentCount r;
    const qsizetype n = text.size();
    r.characters = int(std::min<qsizetype>(n, std::numeric_limits<int>::max()));
    r.tooLong = n > kMaxBodyCharacters;
    if (n == 0)
        return r;
    const auto *p = text.utf16();
    // One pass: the septets, and where 153-septet parts would end (an escape pair that does not fit
    // whole goes to the next part), until a character outside GSM-7 makes it all UCS-2.
    int septets = 0;
    int used = 0;
    qsizetype firstOther = -1;
    for (qsizetype i = 0; i < n; ++i) {
        const int s = septetsOf(p[i]);
        if (s == 0) {
            firstOther = i;
            break;
        }
        septets += s;
        if (used + s > kGsm7Multi) {
            r.partEnds.append(i);
            used = 0;
        }
        used += s;
    }
    if (firstOther < 0) {
        r.encoding = Encoding::Gsm7;
        r.units = septets;
        if (septets <= kGsm7Single) {
            r.partEnds.clear();
            r.segments = 1;
            r.perSegment = kGsm7Single;
            r.unitsLeft = kGsm7Single - septets;
        } else {
            r.segments = int(r.partEnds.size()) + 1;
            r.perSegment = kGsm7Multi;
            r.unitsLeft = kGsm7Multi - used;
        }
        r.partEnds.append(n);
        return r;
    }
    r.partEnds.clear();
    r.encoding = Encoding::Ucs2;
    r.units = r.characters;
    collectUcs2Chars(p, firstOther, n, r.ucs2Chars);
    layOutUcs2(text, r);
    return r;
}

Status Segments::checkLength(QStringView text)
{
    if (text.size() <= kMaxBodyCharacters)
        return {};
    const int n = int(std::min<qsizetype>(text.size(), std::numeric_limits<int>::max()));
    return Error(errc::smsTooLong, tr("The text has %n character(s); Twilio accepts at most %1.", nullptr, n)
                                       .arg(QLocale().toString(kMaxBodyCharacters)));
}

// Twilio's Smart Encoding, row by row. Sources:
//   [D] the table "List of characters replaced by Smart Encoding",
//       https://www.twilio.com/docs/messaging/services/smart-encoding-char-list (rows read there);
//   [C] Twilio's own Messaging Segment Calculator (github.com/TwilioDevEd/message-segment-calculator,
//       src/libs/SmartEncodingMap.ts), which carries the same table and the rows past where it was read;
//   [L] ours: the calculator's replacement looked wrong (noted on the row).
namespace {

struct Lookalike
{
    char16_t from;
    const char *to; // Latin-1 (all GSM-7)
};

constexpr Lookalike kLookalikes[] = {
    {0x00AB, "\""},   // « left-pointing double angle quotation mark [D]
    {0x00BB, "\""},   // » right-pointing double angle quotation mark [D]
    {0x201C, "\""},   // “ left double quotation mark [D]
    {0x201D, "\""},   // ” right double quotation mark [D]
    {0x02BA, "\""},   // ʺ modifier letter double prime [D]
    {0x02EE, "\""},   // ˮ modifier letter double apostrophe [D]
    {0x201F, "\""},   // ‟ double high-reversed-9 quotation mark [D]
    {0x275D, "\""},   // ❝ heavy double turned comma quotation mark ornament [D]
    {0x275E, "\""},   // ❞ heavy double comma quotation mark ornament [D]
    {0x301D, "\""},   // 〝 reversed double prime quotation mark [D]
    {0x301E, "\""},   // 〞 double prime quotation mark [D]
    {0xFF02, "\""},   // ＂ fullwidth quotation mark [D]
    {0x2018, "'"},    // ‘ left single quotation mark [D]
    {0x2019, "'"},    // ’ right single quotation mark [D]
    {0x02BB, "'"},    // ʻ modifier letter turned comma [D]
    {0x02C8, "'"},    // ˈ modifier letter vertical line [D]
    {0x02BC, "'"},    // ʼ modifier letter apostrophe [D]
    {0x02BD, "'"},    // ʽ modifier letter reversed comma [D]
    {0x02B9, "'"},    // ʹ modifier letter prime [D]
    {0x201B, "'"},    // ‛ single high-reversed-9 quotation mark [D]
    {0xFF07, "'"},    // ＇ fullwidth apostrophe [D]
    {0x00B4, "'"},    // ´ acute accent [D]
    {0x02CA, "'"},    // ˊ modifier letter acute accent [D]
    {0x0060, "'"},    // ` grave accent [D]
    {0x02CB, "'"},    // ˋ modifier letter grave accent [D]
    {0x275B, "'"},    // ❛ heavy single turned comma quotation mark ornament [D]
    {0x275C, "'"},    // ❜ heavy single comma quotation mark ornament [C]
    {0x0313, "'"},    // combining comma above [C]
    {0x0314, "'"},    // combining reversed comma above [C]
    {0xFE10, "'"},    // presentation form for vertical comma [C]
    {0xFE11, "'"},    // presentation form for vertical ideographic comma [C]
    {0x00F7, "/"},    // ÷ division sign [C]
    {0x00BC, "1/4"},  // ¼ vulgar fraction one quarter [C]
    {0x00BD, "1/2"},  // ½ vulgar fraction one half [C]
    {0x00BE, "3/4"},  // ¾ vulgar fraction three quarters [C]
    {0x29F8, "/"},    // ⧸ big solidus [C]
    {0x0337, "/"},    // combining short solidus overlay [C]
    {0x0338, "/"},    // combining long solidus overlay [C]
    {0x2044, "/"},    // ⁄ fraction slash [C]
    {0x2215, "/"},    // ∕ division slash [C]
    {0xFF0F, "/"},    // ／ fullwidth solidus [C]
    {0x29F9, "\\"},   // ⧹ big reverse solidus [C]
    {0x29F5, "\\"},   // ⧵ reverse solidus operator [C]
    {0x20E5, "\\"},   // combining reverse solidus overlay [C]
    {0xFE68, "\\"},   // ﹨ small reverse solidus [C]
    {0xFF3C, "\\"},   // ＼ fullwidth reverse solidus [C]
    {0x0332, "_"},    // combining low line [C]
    {0xFF3F, "_"},    // ＿ fullwidth low line [C]
    {0x20D2, "|"},    // combining long vertical line overlay [C]
    {0x20D3, "|"},    // combining short vertical line overlay [C]
    {0x2223, "|"},    // ∣ divides [C]
    {0xFF5C, "|"},    // ｜ fullwidth vertical line [C]
    {0x23B8, "|"},    // ⎸ left vertical box line [C]
    {0x23B9, "|"},    // ⎹ right vertical box line [C]
    {0x23D0, "|"},    // ⏐ vertical line extension [C]
    {0x239C, "|"},    // ⎜ left parenthesis extension [C]
    {0x239F, "|"},    // ⎟ right parenthesis extension [C]
    {0x23BC, "-"},    // ⎼ horizontal scan line-7 [C]
    {0x23BD, "-"},    // ⎽ horizontal scan line-9 [C]
    {0x2015, "-"},    // ― horizontal bar [C]
    {0xFE63, "-"},    // ﹣ small hyphen-minus [C]
    {0xFF0D, "-"},    // － fullwidth hyphen-minus [C]
    {0x2010, "-"},    // ‐ hyphen [C]
    {0x2043, "-"},    // ⁃ hyphen bullet [C]
    {0xFE6B, "@"},    // ﹫ small commercial at [C]
    {0xFF20, "@"},    // ＠ fullwidth commercial at [C]
    {0xFE69, "$"},    // ﹩ small dollar sign [C]
    {0xFF04, "$"},    // ＄ fullwidth dollar sign [C]
    {0x01C3, "!"},    // ǃ latin letter retroflex click [C]
    {0xFE15, "!"},    // ︕ presentation form for vertical exclamation mark [C]
    {0xFE57, "!"},    // ﹗ small exclamation mark [C]
    {0xFF01, "!"},    // ！ fullwidth exclamation mark [C]
    {0xFE5F, "#"},    // ﹟ small number sign [C]
    {0xFF03, "#"},    // ＃ fullwidth number sign [C]
    {0xFE6A, "%"},    // ﹪ small percent sign [C]
    {0xFF05, "%"},    // ％ fullwidth percent sign [C]
    {0xFE60, "&"},    // ﹠ small ampersand [C]
    {0xFF06, "&"},    // ＆ fullwidth ampersand [C]
    {0x201A, ","},    // ‚ single low-9 quotation mark [C]
    {0x0326, ","},    // combining comma below [C]
    {0xFE50, ","},    // ﹐ small comma [C]
    {0xFE51, ","},    // ﹑ small ideographic comma [C]
    {0xFF0C, ","},    // ， fullwidth comma [C]
    {0xFF64, ","},    // ､ halfwidth ideographic comma [C]
    {0x2768, "("},    // ❨ medium left parenthesis ornament [C]
    {0x276A, "("},    // ❪ medium flattened left parenthesis ornament [C]
    {0xFE59, "("},    // ﹙ small left parenthesis [C]
    {0xFF08, "("},    // （ fullwidth left parenthesis [C]
    {0x27EE, "("},    // ⟮ mathematical left flattened parenthesis [C]
    {0x2985, "("},    // ⦅ left white parenthesis [C]
    {0x2769, ")"},    // ❩ medium right parenthesis ornament [C]
    {0x276B, ")"},    // ❫ medium flattened right parenthesis ornament [C]
    {0xFE5A, ")"},    // ﹚ small right parenthesis [C]
    {0xFF09, ")"},    // ） fullwidth right parenthesis [C]
    {0x27EF, ")"},    // ⟯ mathematical right flattened parenthesis [C]
    {0x2986, ")"},    // ⦆ right white parenthesis [C]
    {0x204E, "*"},    // ⁎ low asterisk [C]
    {0x2217, "*"},    // ∗ asterisk operator [C]
    {0x229B, "*"},    // ⊛ circled asterisk operator [C]
    {0x2722, "*"},    // ✢ four teardrop-spoked asterisk [C]
    {0x2723, "*"},    // ✣ four balloon-spoked asterisk [C]
    {0x2724, "*"},    // ✤ heavy four balloon-spoked asterisk [C]
    {0x2725, "*"},    // ✥ four club-spoked asterisk [C]
    {0x2731, "*"},    // ✱ heavy asterisk [C]
    {0x2732, "*"},    // ✲ open centre asterisk [C]
    {0x2733, "*"},    // ✳ eight spoked asterisk [C]
    {0x273A, "*"},    // ✺ sixteen pointed asterisk [C]
    {0x273B, "*"},    // ✻ teardrop-spoked asterisk [C]
    {0x273C, "*"},    // ✼ open centre teardrop-spoked asterisk [C]
    {0x273D, "*"},    // ✽ heavy teardrop-spoked asterisk [C]
    {0x2743, "*"},    // ❃ heavy teardrop-spoked pinwheel asterisk [C]
    {0x2749, "*"},    // ❉ balloon-spoked asterisk [C]
    {0x274A, "*"},    // ❊ eight teardrop-spoked propeller asterisk [C]
    {0x274B, "*"},    // ❋ heavy eight teardrop-spoked propeller asterisk [C]
    {0x29C6, "*"},    // ⧆ squared asterisk [C]
    {0xFE61, "*"},    // ﹡ small asterisk [C]
    {0xFF0A, "*"},    // ＊ fullwidth asterisk [C]
    {0x02D6, "+"},    // ˖ modifier letter plus sign [C]
    {0xFE62, "+"},    // ﹢ small plus sign [C]
    {0xFF0B, "+"},    // ＋ fullwidth plus sign [C]
    {0x3002, "."},    // 。 ideographic full stop [C]
    {0xFE52, "."},    // ﹒ small full stop [C]
    {0xFF0E, "."},    // ． fullwidth full stop [C]
    {0xFF61, "."},    // ｡ halfwidth ideographic full stop [C]
    {0xFF10, "0"},    // ０ fullwidth digits zero to nine [C]
    {0xFF11, "1"},    // [C]
    {0xFF12, "2"},    // [C]
    {0xFF13, "3"},    // [C]
    {0xFF14, "4"},    // [C]
    {0xFF15, "5"},    // [C]
    {0xFF16, "6"},    // [C]
    {0xFF17, "7"},    // [C]
    {0xFF18, "8"},    // [C]
    {0xFF19, "9"},    // [C]
    {0x02D0, ":"},    // ː modifier letter triangular colon [C]
    {0x02F8, ":"},    // ˸ modifier letter raised colon [C]
    {0x2982, ":"},    // ⦂ z notation type colon [C]
    {0xA789, ":"},    // ꞉ modifier letter colon [C]
    {0xFE13, ":"},    // ︓ presentation form for vertical colon [C]
    {0xFF1A, ":"},    // ： fullwidth colon [C]
    {0x204F, ";"},    // ⁏ reversed semicolon [C]
    {0xFE14, ";"},    // ︔ presentation form for vertical semicolon [C]
    {0xFE54, ";"},    // ﹔ small semicolon [C]
    {0xFF1B, ";"},    // ； fullwidth semicolon [C]
    {0xFE64, "<"},    // ﹤ small less-than sign [C]
    {0xFF1C, "<"},    // ＜ fullwidth less-than sign [C]
    {0x0347, "="},    // combining equals sign below [C]
    {0xA78A, "="},    // ꞊ modifier letter short equals sign [C]
    {0xFE66, "="},    // ﹦ small equals sign [C]
    {0xFF1D, "="},    // ＝ fullwidth equals sign [C]
    {0xFE65, ">"},    // ﹥ small greater-than sign [C]
    {0xFF1E, ">"},    // ＞ fullwidth greater-than sign [C]
    {0xFE16, "?"},    // ︖ presentation form for vertical question mark [C]
    {0xFE56, "?"},    // ﹖ small question mark [C]
    {0xFF1F, "?"},    // ？ fullwidth question mark [C]
    {0xFF21, "A"}, {0x1D00, "A"}, // Ａ fullwidth, ᴀ small capital A [C]
    {0xFF22, "B"}, {0x0299, "B"}, // Ｂ ʙ [C]
    {0xFF23, "C"}, {0x1D04, "C"}, // Ｃ ᴄ [C]
    {0xFF24, "D"}, {0x1D05, "D"}, // Ｄ ᴅ [C]
    {0xFF25, "E"}, {0x1D07, "E"}, // Ｅ ᴇ [C]
    {0xFF26, "F"}, {0xA730, "F"}, // Ｆ ꜰ [C]
    {0xFF27, "G"}, {0x0262, "G"}, // Ｇ ɢ [C]
    {0xFF28, "H"}, {0x029C, "H"}, // Ｈ ʜ [C]
    {0xFF29, "I"}, {0x026A, "I"}, // Ｉ ɪ [C]
    {0xFF2A, "J"}, {0x1D0A, "J"}, // Ｊ ᴊ [C]
    {0xFF2B, "K"}, {0x1D0B, "K"}, // Ｋ ᴋ [C]
    {0xFF2C, "L"}, {0x029F, "L"}, // Ｌ ʟ [C]
    {0xFF2D, "M"}, {0x1D0D, "M"}, // Ｍ ᴍ [C]
    {0xFF2E, "N"}, {0x0274, "N"}, // Ｎ ɴ [C]
    {0xFF2F, "O"}, {0x1D0F, "O"}, // Ｏ ᴏ [C]
    {0xFF30, "P"}, {0x1D18, "P"}, // Ｐ ᴘ [C]
    {0xFF31, "Q"},                // Ｑ [C]
    {0xFF32, "R"}, {0x0280, "R"}, // Ｒ ʀ [C]
    {0xFF33, "S"}, {0xA731, "S"}, // Ｓ ꜱ [C]
    {0xFF34, "T"}, {0x1D1B, "T"}, // Ｔ ᴛ [C]
    {0xFF35, "U"}, {0x1D1C, "U"}, // Ｕ ᴜ [C]
    {0xFF36, "V"}, {0x1D20, "V"}, // Ｖ ᴠ [C]
    {0xFF37, "W"}, {0x1D21, "W"}, // Ｗ ᴡ [C]
    {0xFF38, "X"},                // Ｘ [C]
    {0xFF39, "Y"}, {0x028F, "Y"}, // Ｙ ʏ [C]
    {0xFF3A, "Z"}, {0x1D22, "Z"}, // Ｚ ᴢ [C]
    {0x02C6, "^"},    // ˆ modifier letter circumflex accent [C]
    {0x0302, "^"},    // combining circumflex accent [C]
    {0xFF3E, "^"},    // ＾ fullwidth circumflex accent [C]
    {0x1DCD, "^"},    // combining double circumflex above [C]
    {0x2774, "{"},    // ❴ medium left curly bracket ornament [C]
    {0xFE5B, "{"},    // ﹛ small left curly bracket [C]
    {0xFF5B, "{"},    // ｛ fullwidth left curly bracket [C]
    {0x2775, "}"},    // ❵ medium right curly bracket ornament [C]
    {0xFE5C, "}"},    // ﹜ small right curly bracket [C]
    {0xFF5D, "}"},    // ｝ fullwidth right curly bracket [C]
    {0xFF3B, "["},    // ［ fullwidth left square bracket [C]
    {0xFF3D, "]"},    // ］ fullwidth right square bracket [C]
    {0x02DC, "~"},    // ˜ small tilde [C]
    {0x02F7, "~"},    // ˷ modifier letter low tilde [C]
    {0x0303, "~"},    // combining tilde [C]
    {0x0330, "~"},    // combining tilde below [C]
    {0x0334, "~"},    // combining tilde overlay [C]
    {0x223C, "~"},    // ∼ tilde operator [C]
    {0xFF5E, "~"},    // ～ fullwidth tilde [C]
    {0x00A0, " "},    // no-break space [C]
    {0x2000, " "},    // en quad [C]
    {0x2001, " "},    // em quad [C]
    {0x2002, " "},    // en space [C]
    {0x2003, " "},    // em space [C]
    {0x2004, " "},    // three-per-em space [C]
    {0x2005, " "},    // four-per-em space [C]
    {0x2006, " "},    // six-per-em space [C]
    {0x2007, " "},    // figure space [C]
    {0x2008, " "},    // punctuation space [C]
    {0x2009, " "},    // thin space [C]
    {0x200A, " "},    // hair space [C]
    {0x202F, " "},    // narrow no-break space [C]
    {0x205F, " "},    // medium mathematical space [C]
    {0x3000, " "},    // ideographic space [C]
    {0x0080, " "},    // C1 control, padding character [C]
    {0x008D, " "},    // C1 control, reverse line feed [C]
    {0x0090, " "},    // C1 control, device control string [C]
    {0x009B, " "},    // C1 control, control sequence introducer [C]
    {0x009F, " "},    // C1 control, application program command [C]
    {0x0009, " "},    // tab: one space [L] (the calculator writes seven)
    {0x0000, ""},     // null, removed [C]
    {0x0003, ""},     // end of text [C]
    {0x0004, ""},     // end of transmission [C]
    {0x0010, ""},     // data link escape [C]
    {0x0011, ""},     // device control one [C]
    {0x0012, ""},     // device control two [C]
    {0x0013, ""},     // device control three [C]
    {0x0014, ""},     // device control four [C]
    {0x0017, ""},     // end of transmission block [C]
    {0x0019, ""},     // end of medium [C]
    {0x2060, ""},     // word joiner, invisible [C]
    {0x200B, ""},     // zero width space [C]
    {0xFEFF, ""},     // zero width no-break space (byte order mark) [C]
    {0x2013, "-"},    // – en dash [C]
    {0x2014, "-"},    // — em dash [C]
    {0x2026, "..."},  // … horizontal ellipsis [C]
    {0x2022, "-"},    // • bullet [C]
    {0x201E, "\""},   // „ double low-9 quotation mark [C]
    {0x2039, "<"},    // ‹ single left-pointing angle quotation mark [L] (the calculator has ">")
    {0x203A, ">"},    // › single right-pointing angle quotation mark [L] (the calculator has "<")
    {0x203C, "!!"},   // ‼ double exclamation mark [C]
    {0x2017, "_"},    // ‗ double low line [L] (the calculator has "'")
    {0x2028, "\n"},   // line separator: a new line [L] (the calculator has a space)
    {0x2029, "\n"},   // paragraph separator: a new line [L] (the calculator has a space)
    {0x3001, ","},    // 、 ideographic comma [C]
};

const Lookalike *findLookalike(char32_t c)
{
    static const auto sorted = [] {
        std::array<Lookalike, std::size(kLookalikes)> t;
        std::copy(std::begin(kLookalikes), std::end(kLookalikes), t.begin());
        std::sort(t.begin(), t.end(), [](const Lookalike &a, const Lookalike &b) { return a.from < b.from; });
        return t;
    }();
    if (c > 0xFFFF)
        return nullptr;
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), char16_t(c),
                                     [](const Lookalike &l, char16_t v) { return l.from < v; });
    return it != sorted.end() && it->from == char16_t(c) ? &*it : nullptr;
}

} // namespace

bool isLookalike(char32_t c)
{
    return findLookalike(c) != nullptr;
}

LookalikeReplacement replaceLookalikes(const QString &text)
{
    LookalikeReplacement out;
    out.text.reserve(text.size());
    for (const QChar ch : text) {
        if (const Lookalike *l = findLookalike(ch.unicode())) {
            out.text += QLatin1StringView(l->to);
            ++out.replaced;
        } else {
            out.text += ch;
        }
    }
    return out;
}

} // namespace lux::sms
