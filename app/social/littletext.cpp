// SPDX-License-Identifier: GPL-3.0-or-later
#include "littletext.h"

#include <QList>

namespace lux::social {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.category() == QChar::Mark_NonSpacing;
}

} // namespace

bool LittleText::isReserved(QChar c)
{
    switch (c.unicode()) {
    case u'\\': case u'|': case u'{': case u'}': case u'@': case u'[': case u']':
    case u'(': case u')': case u'<': case u'>': case u'#': case u'*': case u'_': case u'~':
        return true;
    default:
        return false;
    }
}

QString LittleText::escape(QStringView plain)
{
    QString out;
    out.reserve(plain.size() + plain.size() / 8 + 8);
    for (qsizetype i = 0; i < plain.size(); ++i) {
        const QChar c = plain[i];
        // A hashtag: '#' at the start or after something that is not a word, then a word that
        // starts with a letter (LinkedIn makes no hashtag of "#1").
        if (c == u'#' && (i == 0 || !isWordChar(plain[i - 1])) && i + 1 < plain.size() && plain[i + 1].isLetter()) {
            qsizetype end = i + 1;
            while (end < plain.size() && isWordChar(plain[end]) && plain[end] != u'_')
                ++end;
            out += u"{hashtag|\\#|";
            out += plain.mid(i + 1, end - i - 1);
            out += u'}';
            i = end - 1;
            continue;
        }
        if (isReserved(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString LittleText::unescape(QStringView little)
{
    QString out;
    out.reserve(little.size());
    for (qsizetype i = 0; i < little.size(); ++i) {
        const QChar c = little[i];
        if (c == u'\\' && i + 1 < little.size()) {
            out += little[++i];
        } else if (c == u'{') {
            // {hashtag|\#|word}: the text is what its second and third parts show.
            const qsizetype close = little.indexOf(u'}', i);
            if (close < 0)
                break; // LinkedIn stops at an element it cannot read
            const QStringView element = little.mid(i + 1, close - i - 1);
            const QList<QStringView> parts = element.split(u'|');
            if (parts.size() == 3 && parts[0] == u"hashtag")
                out += unescape(parts[1]) + parts[2].toString();
            i = close;
        } else if (c == u'@' && i + 1 < little.size() && little[i + 1] == u'[') {
            // @[Name](urn): the name.
            const qsizetype nameEnd = little.indexOf(u']', i);
            const qsizetype urnEnd = nameEnd < 0 ? -1 : little.indexOf(u')', nameEnd);
            if (urnEnd < 0)
                break;
            out += little.mid(i + 2, nameEnd - i - 2);
            i = urnEnd;
        } else if (isReserved(c)) {
            break; // an unescaped reserved character: LinkedIn cuts the text here
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace lux::social
