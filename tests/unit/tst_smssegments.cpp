// SPDX-License-Identifier: GPL-3.0-or-later
// SMS segment counting against Twilio's documented rules. The rules each row's comment names:
//   [T1] Twilio glossary "How long can a message be?" (what-sms-character-limit): GSM-7 holds 160
//        characters in one part and 153 a part in a concatenated message; UCS-2 70 and 67.
//   [T2] Twilio glossary "What is UCS-2 character encoding?": any character outside GSM-7 sends the
//        whole message as UCS-2; the 6-byte User Data Header leaves 153 GSM-7 / 67 UCS-2 a part; "a body
//        with 152 GSM-7-compatible characters and a single unicode character will be split into 3".
//   [G]  GSM 03.38 (3GPP TS 23.038 §6.2.1): the basic table and the extension table; an extension
//        character (form feed ^ { } \ [ ] ~ | €) is sent as escape 0x1B plus its code, two septets,
//        which a receiving phone cannot join back if a part ends between them.
//   [U]  UTF-16: a code point above U+FFFF is a surrogate pair, two UCS-2 units, which cannot be cut
//        (half a pair is no character); Unicode UAX #29: a grapheme cluster (a flag of two regional
//        indicators, an emoji ZWJ sequence, a skin-tone modifier, a letter with combining marks) is
//        one user-perceived character, kept in one part unless it is longer than a part.
//   [L]  Twilio's 1,600-character limit on a body (the same glossary table, last column).
#include "sms/optout.h"
#include "sms/segments.h"

#include "common/errorcodes.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTextBoundaryFinder>
#include <QTest>

using namespace lux::sms;

namespace {

QString rep(const QString &s, int n)
{
    return s.repeated(n);
}
QString a(int n)
{
    return rep(QStringLiteral("a"), n);
}
const QString euro = QStringLiteral("€");
const QString aacute = QStringLiteral("á"); // not in GSM 03.38 (only à is)
const QString grin = QString::fromUcs4(U"\U0001F600");                                          // 😀, 2 units
const QString flagEs = QString::fromUcs4(U"\U0001F1EA\U0001F1F8");                              // 🇪🇸, 4 units
const QString family = QString::fromUcs4(U"\U0001F468\u200D\U0001F469\u200D\U0001F467");     // 👨‍👩‍👧, 8 units
const QString thumbMedium = QString::fromUcs4(U"\U0001F44D\U0001F3FD");                        // 👍🏽, 4 units

// An independent count for the cross-checks: the GSM 03.38 tables written out as in the standard
// (not the code's lookup), whole parts packed greedily over a list of per-character costs.
const QString kGsmBasic = QStringLiteral(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const QString kGsmExtension = QStringLiteral("\f^{}\\[~]|€");

struct Reference
{
    bool gsm = true;
    int units = 0;
    int segments = 0;
};

Reference referenceCount(const QString &text)
{
    Reference r;
    std::vector<int> costs;
    for (const QChar c : text) {
        if (kGsmBasic.contains(c))
            costs.push_back(1);
        else if (kGsmExtension.contains(c))
            costs.push_back(2);
        else {
            r.gsm = false;
            break;
        }
    }
    if (!r.gsm) {
        // Only texts of BMP characters without combining marks reach here: one unit each.
        costs.assign(size_t(text.size()), 1);
    }
    const int single = r.gsm ? 160 : 70;
    const int multi = r.gsm ? 153 : 67;
    for (int c : costs)
        r.units += c;
    if (r.units == 0)
        return r;
    if (r.units <= single) {
        r.segments = 1;
        return r;
    }
    int used = 0;
    r.segments = 1;
    for (int c : costs) {
        if (used + c > multi) {
            ++r.segments;
            used = 0;
        }
        used += c;
    }
    return r;
}

// Where UCS-2 parts end, from the grapheme boundaries of the whole text (QTextBoundaryFinder, always),
// packing clusters greedily into 67 units: the reference for the code's shortcut that skips the finder
// when no character of a text can join a cluster.
QList<int> referenceUcs2Ends(const QString &text)
{
    QList<int> ends;
    if (text.size() <= 70)
        return {int(text.size())};
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    int used = 0;
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        const int len = int(end - start);
        if (len > 67) {
            for (qsizetype i = start; i < end;) {
                const int cl = (text.at(i).isHighSurrogate() && i + 1 < end && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
                if (used + cl > 67) {
                    ends << int(i);
                    used = 0;
                }
                used += cl;
                i += cl;
            }
        } else if (used + len > 67) {
            ends << int(start);
            used = len;
        } else {
            used += len;
        }
        start = end;
    }
    ends << int(text.size());
    return ends;
}

} // namespace

class TestSmsSegments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void counts_data();
    void counts();
    void crossCheckGsm7();
    void crossCheckUcs2();
    void crossCheckGraphemes();
    void ucs2CharsInOrderOfFirstAppearance();
    void bodyLimit();
    void replacesLookalikes();
    void lookalikesOnlyWhereTheyHelp();
    void everyLookalikeBecomesGsm7();
    void optOutLine_data();
    void optOutLine();
};

void TestSmsSegments::counts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("left");
    QTest::addColumn<QList<int>>("ends");

    // --- GSM-7, basic table only ---
    // [T1] nothing to send: no part; a first part would hold 160.
    QTest::newRow("empty") << QString() << "GSM-7" << 0 << 0 << 160 << QList<int>{};
    // [T1] five septets in one part of 160.
    QTest::newRow("hello") << QStringLiteral("Hello") << "GSM-7" << 1 << 5 << 155 << QList<int>{5};
    // [T1] 160 septets is the most one part holds.
    QTest::newRow("gsm 160") << a(160) << "GSM-7" << 1 << 160 << 0 << QList<int>{160};
    // [T1] 161 concatenates: 153 + 8.
    QTest::newRow("gsm 161") << a(161) << "GSM-7" << 2 << 161 << 145 << QList<int>{153, 161};
    // [T1] two full concatenated parts.
    QTest::newRow("gsm 306") << a(306) << "GSM-7" << 2 << 306 << 0 << QList<int>{153, 306};
    // [T1] one more starts a third.
    QTest::newRow("gsm 307") << a(307) << "GSM-7" << 3 << 307 << 152 << QList<int>{153, 306, 307};
    // [T1] three full parts.
    QTest::newRow("gsm 459") << a(459) << "GSM-7" << 3 << 459 << 0 << QList<int>{153, 306, 459};
    // [T1] 460 needs a fourth.
    QTest::newRow("gsm 460") << a(460) << "GSM-7" << 4 << 460 << 152 << QList<int>{153, 306, 459, 460};
    // [G] the rest of the basic table (Greek capitals, Latin-1 letters, @ £ $ ¥ ¤ § ¡ ¿, CR LF) is one septet each.
    QTest::newRow("basic table specials") << kGsmBasic << "GSM-7" << 1 << int(kGsmBasic.size()) << 160 - int(kGsmBasic.size())
                                          << QList<int>{int(kGsmBasic.size())};
    // [G] Spanish with ñ é ¡ ¿ stays GSM-7 (they are in the basic table).
    QTest::newRow("spanish in gsm") << QStringLiteral("¡Hola, José! ¿Mañana?") << "GSM-7" << 1 << 21 << 139 << QList<int>{21};
    // [G] CR LF are two basic septets.
    QTest::newRow("crlf") << QStringLiteral("a\r\nb") << "GSM-7" << 1 << 4 << 156 << QList<int>{4};

    // --- GSM-7, the extension table ---
    // [G] a lone € is escape + code: two septets.
    QTest::newRow("lone euro") << euro << "GSM-7" << 1 << 2 << 158 << QList<int>{1};
    // [G] form feed is in the extension table too.
    QTest::newRow("form feed") << QStringLiteral("\f") << "GSM-7" << 1 << 2 << 158 << QList<int>{1};
    // [G] every extension character: 9 x 2 septets (with €, 10 characters, 20 septets).
    QTest::newRow("all extension") << kGsmExtension << "GSM-7" << 1 << 20 << 140 << QList<int>{10};
    // [G][T1] 80 euro signs are exactly 160 septets: one part.
    QTest::newRow("80 euros") << rep(euro, 80) << "GSM-7" << 1 << 160 << 0 << QList<int>{80};
    // [G][T1] 158 + ^ = 160 septets: still one part.
    QTest::newRow("158 + caret") << a(158) + QStringLiteral("^") << "GSM-7" << 1 << 160 << 0 << QList<int>{159};
    // [G][T1] 159 + ^ = 161 septets: 153 + (6 + 2).
    QTest::newRow("159 + caret") << a(159) + QStringLiteral("^") << "GSM-7" << 2 << 161 << 145 << QList<int>{153, 160};
    // [G][T1] 152 septets then €: the pair does not fit in the 153rd septet, so € opens part 2.
    QTest::newRow("euro at septet 153") << a(152) + euro + a(10) << "GSM-7" << 2 << 164 << 141 << QList<int>{152, 163};
    // [G][T1] 151 then € fills part 1 to exactly 153.
    QTest::newRow("euro ends part 1") << a(151) + euro + a(10) << "GSM-7" << 2 << 163 << 143 << QList<int>{152, 162};
    // [G][T1] 153 then €: part 1 is full, € opens part 2.
    QTest::newRow("euro after full part") << a(153) + euro + a(10) << "GSM-7" << 2 << 165 << 141 << QList<int>{153, 164};
    // [G][T1] form feed at the same boundary behaves as €.
    QTest::newRow("form feed at septet 153") << a(152) + QStringLiteral("\f") + a(8) << "GSM-7" << 2 << 162 << 143
                                             << QList<int>{152, 161};
    // [G][T1] 305 + €: 307 septets; part 2 ends at 152 septets, € cannot split, so a third part.
    QTest::newRow("euro at septet 306") << a(305) + euro << "GSM-7" << 3 << 307 << 151 << QList<int>{153, 305, 306};
    // [G][T1] 80 € + a: 161 septets; part 1 takes 76 € (152 septets), the 77th would be split.
    QTest::newRow("euros across parts") << rep(euro, 80) + a(1) << "GSM-7" << 2 << 161 << 144 << QList<int>{76, 81};
    // [G] backslash and brackets (URLs, code) cost two each.
    QTest::newRow("brackets") << QStringLiteral("[x]{y}\\|~") << "GSM-7" << 1 << 16 << 144 << QList<int>{9};

    // --- UCS-2, basic multilingual plane ---
    // [T2][G] á is not in GSM-7: the whole message is UCS-2, one unit each.
    QTest::newRow("one aacute") << aacute << "UCS-2" << 1 << 1 << 69 << QList<int>{1};
    // [T1] 70 units is the most one UCS-2 part holds.
    QTest::newRow("ucs2 70") << rep(aacute, 70) << "UCS-2" << 1 << 70 << 0 << QList<int>{70};
    // [T1] 71 concatenates: 67 + 4.
    QTest::newRow("ucs2 71") << rep(aacute, 71) << "UCS-2" << 2 << 71 << 63 << QList<int>{67, 71};
    // [T1] two full parts of 67.
    QTest::newRow("ucs2 134") << rep(aacute, 134) << "UCS-2" << 2 << 134 << 0 << QList<int>{67, 134};
    // [T1] 135 starts a third.
    QTest::newRow("ucs2 135") << rep(aacute, 135) << "UCS-2" << 3 << 135 << 66 << QList<int>{67, 134, 135};
    // [T2] Twilio's own example: 152 GSM characters and one other are 153 UCS-2 units, 3 parts.
    QTest::newRow("twilio 152+1") << a(152) + aacute << "UCS-2" << 3 << 153 << 48 << QList<int>{67, 134, 153};
    // [T2][G] a grave accent is not GSM-7 (only the letters with it are).
    QTest::newRow("backtick") << QStringLiteral("`") << "UCS-2" << 1 << 1 << 69 << QList<int>{1};
    // [T2][G] tab is not in GSM 03.38.
    QTest::newRow("tab") << QStringLiteral("a\tb") << "UCS-2" << 1 << 3 << 67 << QList<int>{3};
    // [T2][G] Greek small letters are not in GSM-7 (only some capitals).
    QTest::newRow("greek small") << QStringLiteral("αβγ") << "UCS-2" << 1 << 3 << 67 << QList<int>{3};
    // [T2] curly quotes force UCS-2; the € inside costs one unit there, not two septets.
    QTest::newRow("curly quotes and euro") << QStringLiteral("“10 €”") << "UCS-2" << 1 << 6 << 64 << QList<int>{6};
    // [T1] CJK, 70 in one part.
    QTest::newRow("cjk 70") << rep(QStringLiteral("中"), 70) << "UCS-2" << 1 << 70 << 0 << QList<int>{70};
    // [T1] CJK, 71: two parts.
    QTest::newRow("cjk 71") << rep(QStringLiteral("中"), 71) << "UCS-2" << 2 << 71 << 63 << QList<int>{67, 71};

    // --- UCS-2, surrogate pairs and grapheme clusters ---
    // [U] an emoji outside the BMP is a surrogate pair: two units.
    QTest::newRow("one emoji") << grin << "UCS-2" << 1 << 2 << 68 << QList<int>{2};
    // [U][T1] 35 emoji are 70 units: one part.
    QTest::newRow("35 emoji") << rep(grin, 35) << "UCS-2" << 1 << 70 << 0 << QList<int>{70};
    // [U][T1] 36 emoji are 72 units: 33 emoji (66 units) in part 1, the 34th would be cut in half.
    QTest::newRow("36 emoji") << rep(grin, 36) << "UCS-2" << 2 << 72 << 61 << QList<int>{66, 72};
    // [U][T1] emoji exactly at the end of part 1 (units 66–67).
    QTest::newRow("emoji ends part 1") << aacute + a(64) + grin + a(4) << "UCS-2" << 2 << 71 << 63 << QList<int>{67, 71};
    // [U][T1] emoji on units 67–68: moves whole to part 2.
    QTest::newRow("emoji across 67") << aacute + a(65) + grin + a(4) << "UCS-2" << 2 << 72 << 61 << QList<int>{66, 72};
    // [U][T1] a flag (two regional indicators, 4 units) on units 66–69 moves whole to part 2.
    QTest::newRow("flag across 67") << aacute + a(64) + flagEs + a(2) << "UCS-2" << 2 << 71 << 61 << QList<int>{65, 71};
    // [U][T1] a flag ending exactly at unit 67 stays in part 1.
    QTest::newRow("flag ends part 1") << aacute + a(62) + flagEs + a(5) << "UCS-2" << 2 << 72 << 62 << QList<int>{67, 72};
    // [U][T1] a ZWJ family (8 units) that would straddle 67 moves whole.
    QTest::newRow("zwj family across 67") << aacute + a(60) + family + a(3) << "UCS-2" << 2 << 72 << 56 << QList<int>{61, 72};
    // [U][T1] thumbs up with a skin tone (4 units) straddling 67 moves whole.
    QTest::newRow("skin tone across 67") << aacute + a(63) + thumbMedium + a(3) << "UCS-2" << 2 << 71 << 60 << QList<int>{64, 71};
    // [U][T1] e + combining acute (2 units, one cluster) on units 67–68 moves whole.
    QTest::newRow("combining mark across 67") << a(66) + QStringLiteral("e\u0301") + a(5) << "UCS-2" << 2 << 73 << 60
                                              << QList<int>{66, 73};
    // [U][T1] a cluster longer than a part (a + 80 combining marks, 81 units) is split at 67.
    QTest::newRow("cluster over a part") << a(1) + rep(QStringLiteral("\u0301"), 80) << "UCS-2" << 2 << 81 << 53
                                         << QList<int>{67, 81};
    // [U] a lone surrogate (broken text) is still one UCS-2 unit.
    QTest::newRow("lone surrogate") << QStringLiteral("a") + QChar(0xD83D) << "UCS-2" << 1 << 2 << 68 << QList<int>{2};

    // --- [L] near the 1,600-character limit (still counted) ---
    // [T1][L] 1,600 GSM characters: 10 full parts of 153 and 70 in the 11th.
    QTest::newRow("gsm 1600") << a(1600) << "GSM-7" << 11 << 1600 << 83
                              << QList<int>{153, 306, 459, 612, 765, 918, 1071, 1224, 1377, 1530, 1600};
}

void TestSmsSegments::counts()
{
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(int, segments);
    QFETCH(int, units);
    QFETCH(int, left);
    QFETCH(QList<int>, ends);

    const SegmentCount c = Segments::count(text);
    QCOMPARE(c.encodingName(), encoding);
    QCOMPARE(c.segments, segments);
    QCOMPARE(c.units, units);
    QCOMPARE(c.unitsLeft, left);
    QList<int> gotEnds;
    for (qsizetype e : c.partEnds)
        gotEnds << int(e);
    QCOMPARE(gotEnds, ends);
    const bool gsm = encoding == QLatin1String("GSM-7");
    QCOMPARE(c.perSegment, segments > 1 ? (gsm ? 153 : 67) : (gsm ? 160 : 70));
    // Every part holds at most what a part of its kind holds, and parts never overlap.
    qsizetype start = 0;
    for (qsizetype end : c.partEnds) {
        QVERIFY(end > start);
        const QStringView part = QStringView(text).mid(start, end - start);
        int cost = 0;
        for (QChar ch : part)
            cost += gsm ? Segments::gsm7Septets(ch.unicode()) : 1;
        QVERIFY2(cost <= c.perSegment, qPrintable(QStringLiteral("part of %1 units").arg(cost)));
        // No part starts with the second half of a surrogate pair.
        QVERIFY(!part.front().isLowSurrogate() || text.at(start - 1).isHighSurrogate() == false);
        start = end;
    }
    QCOMPARE(start, text.size());
}

void TestSmsSegments::crossCheckGsm7()
{
    // Random texts from the whole GSM 03.38 repertoire (extension characters often), of lengths around
    // the part boundaries, against the reference packing above.
    QRandomGenerator rng(20261205);
    const QString alphabet = kGsmBasic + kGsmExtension + kGsmExtension;
    for (int round = 0; round < 2000; ++round) {
        const int length = int(rng.bounded(1, 480));
        QString text;
        for (int i = 0; i < length; ++i)
            text += alphabet.at(int(rng.bounded(alphabet.size())));
        const Reference ref = referenceCount(text);
        const SegmentCount c = Segments::count(text);
        QVERIFY(ref.gsm);
        QCOMPARE(c.encoding, Encoding::Gsm7);
        QCOMPARE(c.units, ref.units);
        QCOMPARE(c.segments, ref.segments);
    }
}

void TestSmsSegments::crossCheckUcs2()
{
    // BMP characters without combining marks: one unit each, so the count is the plain formula
    // (1 part up to 70, else ceil(units / 67)) and must match the reference.
    QRandomGenerator rng(15);
    const QString alphabet = QStringLiteral("abcáéíóúçαβγ中文字“”—…Ωж");
    for (int round = 0; round < 2000; ++round) {
        const int length = int(rng.bounded(1, 300));
        QString text = QStringLiteral("ж"); // at least one non-GSM character
        for (int i = 1; i < length; ++i)
            text += alphabet.at(int(rng.bounded(alphabet.size())));
        const Reference ref = referenceCount(text);
        const SegmentCount c = Segments::count(text);
        QCOMPARE(c.encoding, Encoding::Ucs2);
        QCOMPARE(c.units, int(text.size()));
        QCOMPARE(c.segments, ref.segments);
        const int formula = c.units <= 70 ? 1 : (c.units + 66) / 67;
        QCOMPARE(c.segments, formula);
    }
}

void TestSmsSegments::crossCheckGraphemes()
{
    // Random texts of pieces that are one cluster each, several code points or one, against the
    // finder-based reference; about half have only pieces that join nothing (the code's shortcut).
    const QStringList simple{QStringLiteral("a"), QStringLiteral("á"), QStringLiteral("“"), QStringLiteral("中"), grin,
                             QString::fromUcs4(U"\U0001F355"), QStringLiteral(" "), QStringLiteral("\n")};
    const QStringList joined{flagEs, family, thumbMedium, QStringLiteral("e\u0301"), QStringLiteral("\r\n"), QStringLiteral("한"),
                             QString::fromUcs4(U"\u2764\uFE0F"), QStringLiteral("a\u0301\u0302\u0303")};
    QRandomGenerator rng(67);
    for (int round = 0; round < 1500; ++round) {
        const bool onlySimple = round % 2 == 0;
        QString text = QStringLiteral("á");
        const int pieces = int(rng.bounded(1, 160));
        for (int i = 0; i < pieces; ++i) {
            const bool pickJoined = !onlySimple && rng.bounded(4) == 0;
            const QStringList &from = pickJoined ? joined : simple;
            text += from.at(int(rng.bounded(from.size())));
        }
        const SegmentCount c = Segments::count(text);
        QCOMPARE(c.encoding, Encoding::Ucs2);
        QList<int> ends;
        for (qsizetype e : c.partEnds)
            ends << int(e);
        QCOMPARE(ends, referenceUcs2Ends(text));
        QCOMPARE(c.segments, int(ends.size()));
    }
}

void TestSmsSegments::ucs2CharsInOrderOfFirstAppearance()
{
    const QString text = QStringLiteral("Hi “Ana” — see ") + grin + QStringLiteral(" “you” soon… café") + grin;
    const SegmentCount c = Segments::count(text);
    QCOMPARE(c.encoding, Encoding::Ucs2);
    // GSM characters (é, the letters) are not listed; each other character once, first seen first.
    QCOMPARE(c.ucs2CharStrings(), (QStringList{QStringLiteral("“"), QStringLiteral("”"), QStringLiteral("—"), grin,
                                               QStringLiteral("…")}));
    QCOMPARE(c.ucs2Chars.size(), 5);
    QCOMPARE(c.ucs2Chars.at(3), char32_t(0x1F600));
    // Many distinct characters (past the short list's linear look-up): each once, in order.
    QString cyrillic;
    QList<char32_t> expected;
    for (char32_t letter = 0x0430; letter < 0x0430 + 32 + 20; ++letter) {
        cyrillic += QChar(char16_t(letter));
        expected << letter;
    }
    const QString twice = cyrillic + QStringLiteral(" ") + cyrillic + grin + grin;
    expected << char32_t(0x1F600);
    QCOMPARE(Segments::count(twice).ucs2Chars, expected);
    // A GSM-7 text lists nothing.
    QVERIFY(Segments::count(QStringLiteral("Hola José, 10 € [ok]")).ucs2Chars.isEmpty());
}

void TestSmsSegments::bodyLimit()
{
    // [L] 1,600 characters is the most Twilio takes; 1,601 is refused (error 21617).
    QVERIFY(!Segments::count(a(1600)).tooLong);
    QVERIFY(Segments::checkLength(a(1600)).ok());
    const SegmentCount over = Segments::count(a(1601));
    QVERIFY(over.tooLong);
    QCOMPARE(over.segments, 11); // still counted: 10 x 153 + 71
    QCOMPARE(over.unitsLeft, 82);
    const lux::Status s = Segments::checkLength(a(1601));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QString(lux::errc::smsTooLong));
    QVERIFY2(s.error().message.contains(QStringLiteral("1601")) && s.error().message.contains(QLocale().toString(1600)),
             qPrintable(s.error().message));
    // The limit is on characters, not septets: 800 euro signs (1,600 septets) are within it.
    QVERIFY(!Segments::count(rep(euro, 800)).tooLong);
    // A long UCS-2 text is counted too (the finder works on a heap buffer past the stack one).
    const SegmentCount huge = Segments::count(rep(grin, 2000));
    QVERIFY(huge.tooLong);
    QCOMPARE(huge.units, 4000);
    QCOMPARE(huge.segments, (4000 + 65) / 66); // 33 emoji (66 units) a part
}

void TestSmsSegments::replacesLookalikes()
{
    const QString pasted = QStringLiteral("“Hello” — it’s 50\u00A0% off… today\u200B only");
    QCOMPARE(Segments::count(pasted).encoding, Encoding::Ucs2);
    const LookalikeReplacement r = replaceLookalikes(pasted);
    QCOMPARE(r.text, QStringLiteral("\"Hello\" - it's 50 % off... today only"));
    QCOMPARE(r.replaced, 7); // “ ” — ’ no-break space … zero-width space
    const SegmentCount after = Segments::count(r.text);
    QCOMPARE(after.encoding, Encoding::Gsm7); // UCS-2 only because of look-alikes: now GSM-7
    QVERIFY(after.ucs2Chars.isEmpty());
    // Nothing to replace: the same text, none counted.
    const LookalikeReplacement same = replaceLookalikes(QStringLiteral("Plain text, 10 € [ok]"));
    QCOMPARE(same.text, QStringLiteral("Plain text, 10 € [ok]"));
    QCOMPARE(same.replaced, 0);
    // Fullwidth forms and fractions.
    QCOMPARE(replaceLookalikes(QStringLiteral("ＳＡＬＥ！ ½ off")).text, QStringLiteral("SALE! 1/2 off"));
}

void TestSmsSegments::lookalikesOnlyWhereTheyHelp()
{
    // An emoji keeps the text UCS-2 whatever is replaced around it.
    const QString text = QStringLiteral("“Party” tonight ") + grin;
    const LookalikeReplacement r = replaceLookalikes(text);
    QCOMPARE(r.replaced, 2);
    QCOMPARE(Segments::count(r.text).encoding, Encoding::Ucs2);
    QCOMPARE(Segments::count(r.text).ucs2CharStrings(), QStringList{grin});
    // Look-alikes are the only reason for UCS-2 here: two parts become one.
    const QString quoted = QStringLiteral("“") + a(100) + QStringLiteral("”");
    QCOMPARE(Segments::count(quoted).segments, 2);
    QCOMPARE(Segments::count(replaceLookalikes(quoted).text).segments, 1);
}

void TestSmsSegments::everyLookalikeBecomesGsm7()
{
    // Every row of the table: the source is not GSM-7 (else replacing it would be pointless) and what
    // replaces it is.
    int rows = 0;
    for (char32_t c = 0; c <= 0xFFFF; ++c) {
        if (!isLookalike(c))
            continue;
        ++rows;
        const QString source{QChar(char16_t(c))};
        QVERIFY2(Segments::gsm7Septets(c) == 0, qPrintable(QStringLiteral("U+%1 is GSM-7").arg(uint(c), 4, 16, QLatin1Char('0'))));
        const LookalikeReplacement r = replaceLookalikes(source);
        QCOMPARE(r.replaced, 1);
        QVERIFY2(r.text.isEmpty() || Segments::count(r.text).encoding == Encoding::Gsm7,
                 qPrintable(QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0'))));
    }
    QVERIFY2(rows > 230, qPrintable(QString::number(rows))); // the whole of Twilio's table
}

void TestSmsSegments::optOutLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");

    QTest::newRow("english added") << "Acme: 20% off today." << "en" << "Acme: 20% off today.\nReply STOP to opt out";
    QTest::newRow("spanish added") << "Acme: 20% hoy." << "es" << "Acme: 20% hoy.\nResponde STOP para darte de baja";
    QTest::newRow("regional spanish") << "Acme: hoy." << "es-MX" << "Acme: hoy.\nResponde STOP para darte de baja";
    QTest::newRow("newline kept") << "Acme: hi\n" << "en" << "Acme: hi\nReply STOP to opt out";
    QTest::newRow("has english") << "Acme: sale. reply stop to opt out" << "en" << "Acme: sale. reply stop to opt out";
    QTest::newRow("text stop") << "Acme: sale. Text STOP to unsubscribe." << "es" << "Acme: sale. Text STOP to unsubscribe.";
    QTest::newRow("stop to end") << "Acme: sale. STOP to end" << "en" << "Acme: sale. STOP to end";
    QTest::newRow("has spanish") << "Acme: oferta. Responde STOP para darte de baja" << "en"
                                 << "Acme: oferta. Responde STOP para darte de baja";
    QTest::newRow("envia baja") << "Acme: oferta. Envía BAJA" << "es" << "Acme: oferta. Envía BAJA";
    QTest::newRow("baja para cancelar") << "Acme: oferta. baja para cancelar" << "es" << "Acme: oferta. baja para cancelar";
    QTest::newRow("stop in a sentence") << "Acme: don't stop now" << "en" << "Acme: don't stop now\nReply STOP to opt out";
    QTest::newRow("empty") << "" << "en" << "";
}

void TestSmsSegments::optOutLine()
{
    QFETCH(QString, text);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QCOMPARE(withOptOutLine(text, language), expected);
    // Adding is idempotent: a text with the line added has one.
    QCOMPARE(withOptOutLine(expected, language), expected);
}

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "tst_smssegments.moc"
