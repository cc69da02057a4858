// SPDX-License-Identifier: GPL-3.0-or-later
#include "xtext.h"

#include "social/xtextpatterns.h"

#include <QRegularExpression>
#include <QStringList>

#include <limits>

namespace lux::social {

namespace {

// twitter-text's configuration v3 (config/v3.json): weights scaled by 100.
constexpr int kScale = 100;
constexpr int kDefaultWeight = 200;
struct WeightRange
{
    char16_t first;
    char16_t last;
    int weight;
};
constexpr WeightRange kRanges[] = {
    {0x0000, 0x10FF, 100},
    {0x2000, 0x200D, 100},
    {0x2010, 0x201F, 100},
    {0x2032, 0x2037, 100},
};
constexpr qsizetype kMaxUrlLength = 4096;
constexpr qsizetype kMaxTcoSlugLength = 40;
constexpr qsizetype kMaxDomainLabelLength = 63;
// What the URL patterns see for each half of a surrogate pair (see extractUrls).
constexpr char16_t kHighHalf = 0xE000;
constexpr char16_t kLowHalf = 0xE001;

int weightOf(char16_t unit)
{
    for (const WeightRange &range : kRanges) {
        if (unit >= range.first && unit <= range.last)
            return range.weight;
    }
    return kDefaultWeight;
}

bool isInvalid(char16_t unit)
{
    return unit == 0xFFFE || unit == 0xFEFF || unit == 0xFFFF;
}

// One compiled pattern each; matching a const QRegularExpression from several threads is safe.
const QRegularExpression &urlPattern()
{
    static const QRegularExpression re(QString::fromUtf16(xpatterns::kUrlPattern), QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &asciiDomainPattern()
{
    static const QRegularExpression re(QString::fromUtf16(xpatterns::kAsciiDomainPattern),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &tcoPattern()
{
    static const QRegularExpression re(QString::fromUtf16(xpatterns::kTcoPattern), QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &emojiPattern()
{
    static const QRegularExpression re(QString::fromUtf16(xpatterns::kEmojiPattern));
    return re;
}

// The length of a label once Punycode-encoded (RFC 3492), as twitter-text's require('punycode')
// encodes it under Node, where that name is Node's built-in punycode.js (core modules come first),
// as the parity oracle runs it: code points as given, no case mapping, every code point below 0x80
// basic (DEL too), "xn--" only when something is not.
qsizetype punycodeLength(QStringView label)
{
    // punycode.js's ucs2decode: a pair is one code point, a lone surrogate one of its own.
    QList<uint> points;
    points.reserve(label.size());
    for (qsizetype i = 0; i < label.size(); ++i) {
        const char16_t u = label[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < label.size() && label[i + 1].isLowSurrogate()) {
            points.append(QChar::surrogateToUcs4(u, label[i + 1].unicode()));
            ++i;
        } else {
            points.append(u);
        }
    }
    qsizetype basic = 0;
    for (uint cp : points) {
        if (cp < 0x80)
            ++basic;
    }
    if (basic == points.size())
        return basic;
    constexpr qint64 base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
    qsizetype length = 4 + basic + (basic > 0 ? 1 : 0); // "xn--", the basic code points, '-'
    qint64 n = 128, delta = 0, bias = 72;
    qsizetype handled = basic;
    const auto adapt = [&](qint64 d, qint64 count, bool first) {
        d = first ? d / damp : d / 2;
        d += d / count;
        qint64 k = 0;
        while (d > ((base - tMin) * tMax) / 2) {
            d /= base - tMin;
            k += base;
        }
        return k + (base - tMin + 1) * d / (d + skew);
    };
    while (handled < points.size()) {
        qint64 m = std::numeric_limits<qint64>::max();
        for (uint cp : points) {
            if (cp >= n && cp < m)
                m = cp;
        }
        delta += (m - n) * (handled + 1);
        n = m;
        for (uint cp : points) {
            if (cp < n)
                ++delta;
            if (cp == n) {
                qint64 q = delta;
                for (qint64 k = base;; k += base) {
                    const qint64 t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
                    if (q < t)
                        break;
                    ++length;
                    q = (q - t) / (base - t);
                }
                ++length;
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                ++handled;
            }
        }
        ++delta;
        ++n;
    }
    return length;
}

// twitter-text's idna.toAscii and isValidUrl: a domain whose labels encode to 1–63 characters, and
// a URL of at most 4,096 characters with its scheme.
bool isValidUrl(QStringView url, QStringView protocol, QStringView domain)
{
    if (domain.startsWith(u"xn--")) {
        const QRegularExpressionMatch ascii = asciiDomainPattern().match(domain);
        if (!ascii.hasMatch())
            return false;
    }
    for (QStringView label : domain.tokenize(u'.')) {
        // punycode.toASCII splits again at the ideographic and fullwidth full stops.
        qsizetype encoded = 0;
        qsizetype parts = 0;
        qsizetype from = 0;
        for (qsizetype i = 0; i <= label.size(); ++i) {
            if (i == label.size() || label[i] == u'\u3002' || label[i] == u'\uFF0E' || label[i] == u'\uFF61') {
                encoded += punycodeLength(label.mid(from, i - from));
                ++parts;
                from = i + 1;
            }
        }
        encoded += parts - 1;
        if (encoded < 1 || encoded > kMaxDomainLabelLength)
            return false;
    }
    return protocol.size() + url.size() <= kMaxUrlLength;
}

} // namespace

QList<XUrl> XText::extractUrls(QStringView text)
{
    QList<XUrl> urls;
    if (!text.contains(u'.'))
        return urls;
    // twitter-text's URL patterns run on UTF-16 units: a character class there matches half of a
    // surrogate pair, so a domain can start at an emoji's second half ("🏽-example.com" links
    // "-example.com"). PCRE2 sees code points; it is given a copy of the text where each half is a
    // private-use character of its own (no class of these patterns holds either, as none holds a
    // surrogate; generate.js checks), which keeps every index and matches as the halves do.
    QString shadow = text.toString();
    for (QChar &c : shadow) {
        if (c.isHighSurrogate())
            c = QChar(kHighHalf);
        else if (c.isLowSurrogate())
            c = QChar(kLowHalf);
    }
    static const QRegularExpression invalidBefore(QStringLiteral("[-_./]$"));
    QRegularExpressionMatchIterator it = urlPattern().globalMatch(shadow);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringView before = m.capturedView(2);
        QStringView url = m.capturedView(3);
        const QStringView protocol = m.capturedView(4);
        const QStringView domain = m.capturedView(5);
        const QStringView path = m.capturedView(7);
        qsizetype end = m.capturedEnd(0);
        const qsizetype start = end - url.size();
        // The domain as JavaScript holds it (halves of pairs as they are), for its Punycode length.
        const QStringView realDomain = text.mid(m.capturedStart(5), domain.size());
        if (!isValidUrl(url, protocol.isEmpty() ? QStringView(u"https://") : protocol, realDomain))
            continue;
        if (protocol.isEmpty()) {
            // Without a scheme only ASCII domains count: the last one found in the domain is the URL.
            if (invalidBefore.match(before).hasMatch())
                continue;
            qsizetype asciiEnd = 0;
            qsizetype found = -1;
            QRegularExpressionMatchIterator ascii = asciiDomainPattern().globalMatch(domain);
            while (ascii.hasNext()) {
                const QStringView asciiDomain = ascii.next().capturedView(0);
                const qsizetype asciiStart = domain.indexOf(asciiDomain, asciiEnd);
                asciiEnd = asciiStart + asciiDomain.size();
                urls.append({{start + asciiStart, start + asciiEnd}, text.mid(start + asciiStart, asciiDomain.size()).toString()});
                found = urls.size() - 1;
            }
            if (found < 0)
                continue;
            if (!path.isEmpty()) {
                // twitter-text's url.replace(domain, ascii): the last ASCII domain, then the path. When
                // the domain held more than that one (a.co例え.jp/x), the text is shorter than the span,
                // and the count walks on from the text's end, as twitter-text's does.
                XUrl &last = urls[found];
                QString full = text.mid(start, url.size()).toString();
                full.replace(full.indexOf(realDomain), realDomain.size(), last.url);
                last.url = full;
                last.span.end = end;
            }
        } else {
            // A t.co link takes nothing after its slug but a query.
            const QRegularExpressionMatch tco = tcoPattern().match(url);
            if (tco.hasMatch()) {
                if (tco.capturedLength(1) > kMaxTcoSlugLength)
                    continue;
                url = tco.capturedView(0);
                end = start + url.size();
            }
            urls.append({{start, end}, text.mid(start, end - start).toString()});
        }
    }
    return urls;
}

QList<XSpan> XText::extractEmoji(QStringView text)
{
    QList<XSpan> spans;
    QRegularExpressionMatchIterator it = emojiPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        spans.append({m.capturedStart(0), m.capturedEnd(0)});
    }
    return spans;
}

XLength XText::parse(const QString &text, int maxLength)
{
    XLength result;
    result.maxLength = maxLength;
    result.normalized = text.normalized(QString::NormalizationForm_C);
    const QString &normal = result.normalized;
    result.urls = extractUrls(normal);
    result.emoji = extractEmoji(normal);

    // Entities by where they start; a URL wins over an emoji that starts at the same place.
    qsizetype nextUrl = 0;
    qsizetype nextEmoji = 0;
    qint64 weighted = 0;
    qsizetype validIndex = 0;
    bool valid = true;
    const qint64 limit = qint64(maxLength) * kScale;
    for (qsizetype i = 0; i < normal.size(); ++i) {
        while (nextUrl < result.urls.size() && result.urls[nextUrl].span.start < i)
            ++nextUrl;
        while (nextEmoji < result.emoji.size() && result.emoji[nextEmoji].start < i)
            ++nextEmoji;
        if (nextUrl < result.urls.size() && result.urls[nextUrl].span.start == i) {
            weighted += qint64(kUrlLength) * kScale;
            i += result.urls[nextUrl].url.size() - 1;
        } else if (nextEmoji < result.emoji.size() && result.emoji[nextEmoji].start == i) {
            weighted += kDefaultWeight;
            i += result.emoji[nextEmoji].end - result.emoji[nextEmoji].start - 1;
        } else {
            // A surrogate pair is weighed by its second unit, which no range holds: 2.
            if (normal[i].isHighSurrogate() && i + 1 < normal.size() && normal[i + 1].isLowSurrogate())
                ++i;
            weighted += weightOf(normal[i].unicode());
        }
        if (valid && i < normal.size() && isInvalid(normal[i].unicode())) {
            valid = false;
            result.invalidCharacter = true;
        }
        if (valid && weighted <= limit)
            validIndex = i;
    }
    result.weightedLength = int(weighted / kScale);
    result.valid = valid && result.weightedLength > 0 && result.weightedLength <= maxLength;
    result.permillage = int(weighted * 1000 / limit);
    result.validRangeEnd = validIndex + (text.size() - normal.size());
    return result;
}

} // namespace lux::social
