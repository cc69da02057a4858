// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmllimits.h"

#include "common/errorcodes.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <vector>

namespace lux {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u':';
}

template<std::size_t N>
bool oneOf(QStringView name, const std::array<QLatin1StringView, N> &names)
{
    return std::any_of(names.begin(), names.end(), [&](QLatin1StringView n) { return name.compare(n, Qt::CaseInsensitive) == 0; });
}

constexpr std::array kVoid{QLatin1StringView("area"),  QLatin1StringView("base"),   QLatin1StringView("br"),
                           QLatin1StringView("col"),   QLatin1StringView("embed"),  QLatin1StringView("hr"),
                           QLatin1StringView("img"),   QLatin1StringView("input"),  QLatin1StringView("link"),
                           QLatin1StringView("meta"),  QLatin1StringView("param"),  QLatin1StringView("source"),
                           QLatin1StringView("track"), QLatin1StringView("wbr"),    QLatin1StringView("basefont"),
                           QLatin1StringView("bgsound"), QLatin1StringView("frame"), QLatin1StringView("keygen")};
// Their content is text up to their own end tag.
constexpr std::array kRawText{QLatin1StringView("script"),   QLatin1StringView("style"),    QLatin1StringView("textarea"),
                              QLatin1StringView("title"),    QLatin1StringView("xmp"),      QLatin1StringView("iframe"),
                              QLatin1StringView("noembed"),  QLatin1StringView("noframes"), QLatin1StringView("plaintext")};
// A paragraph's start tag closes a paragraph still open in the same cell or list item.
constexpr std::array kParagraph{QLatin1StringView("p")};

struct Open
{
    QStringView name;
};

bool is(QStringView a, QLatin1StringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Pops the open elements down to (and including) the nearest one named in `names`, unless one named in
// `scope` comes first: how <li> closes the previous <li> of its own list but not an outer list's.
template<std::size_t N, std::size_t M>
void closeWithin(std::vector<Open> &stack, const std::array<QLatin1StringView, N> &names,
                 const std::array<QLatin1StringView, M> &scope)
{
    for (auto i = stack.size(); i-- > 0;) {
        if (oneOf(stack[i].name, scope))
            return;
        if (oneOf(stack[i].name, names)) {
            stack.resize(i);
            return;
        }
    }
}

void closeImplied(std::vector<Open> &stack, QStringView name)
{
    using L = QLatin1StringView;
    if (is(name, L("li")))
        closeWithin(stack, std::array{L("li")}, std::array{L("ul"), L("ol"), L("menu"), L("table")});
    else if (is(name, L("dt")) || is(name, L("dd")))
        closeWithin(stack, std::array{L("dt"), L("dd")}, std::array{L("dl"), L("table")});
    else if (is(name, L("td")) || is(name, L("th")))
        closeWithin(stack, std::array{L("td"), L("th")}, std::array{L("tr"), L("table")});
    else if (is(name, L("tr")))
        closeWithin(stack, std::array{L("tr")}, std::array{L("table"), L("thead"), L("tbody"), L("tfoot")});
    else if (is(name, L("thead")) || is(name, L("tbody")) || is(name, L("tfoot")))
        closeWithin(stack, std::array{L("thead"), L("tbody"), L("tfoot")}, std::array{L("table")});
    else if (is(name, L("option")) || is(name, L("optgroup")))
        closeWithin(stack, std::array{L("option")}, std::array{L("select"), L("datalist"), L("optgroup")});
    else if (is(name, L("rb")) || is(name, L("rt")) || is(name, L("rp")) || is(name, L("rtc")))
        closeWithin(stack, std::array{L("rb"), L("rt"), L("rp")}, std::array{L("ruby")});
}

// The end of a tag that starts at `i` (just past its name): attribute values in quotes may hold '>'.
qsizetype tagEnd(QStringView html, qsizetype i, bool *selfClosing)
{
    QChar quote;
    for (; i < html.size(); ++i) {
        const QChar c = html[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            *selfClosing = i > 0 && html[i - 1] == u'/';
            return i + 1;
        }
    }
    *selfClosing = false;
    return html.size();
}

void place(QStringView html, qsizetype at, int *line, int *column)
{
    const QStringView before = html.first(at);
    *line = int(before.count(u'\n')) + 1;
    const qsizetype lastBreak = before.lastIndexOf(u'\n');
    *column = int(at - lastBreak); // lastBreak is -1 on the first line
}

} // namespace

HtmlLimits::Depth HtmlLimits::measure(QStringView html, int stopAt)
{
    Depth result;
    std::vector<Open> stack;
    qsizetype deepestAt = -1;
    QStringView deepestName;
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        const qsizetype lt = html.indexOf(u'<', i);
        if (lt < 0 || lt + 1 >= n)
            break;
        const QChar next = html[lt + 1];
        if (html.sliced(lt).startsWith(u"<!--")) {
            const qsizetype end = html.indexOf(u"-->", lt + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (next == u'!' || next == u'?') {
            const qsizetype end = html.indexOf(u'>', lt);
            i = end < 0 ? n : end + 1;
            continue;
        }
        const bool closing = next == u'/';
        qsizetype nameStart = lt + (closing ? 2 : 1);
        qsizetype nameEnd = nameStart;
        while (nameEnd < n && isNameChar(html[nameEnd]))
            ++nameEnd;
        if (nameEnd == nameStart || !html[nameStart].isLetter()) {
            i = lt + 1; // a '<' in text
            continue;
        }
        const QStringView name = html.sliced(nameStart, nameEnd - nameStart);
        bool selfClosing = false;
        i = tagEnd(html, nameEnd, &selfClosing);
        if (closing) {
            for (auto k = stack.size(); k-- > 0;) {
                if (stack[k].name.compare(name, Qt::CaseInsensitive) == 0) {
                    stack.resize(k);
                    break;
                }
            }
            continue;
        }
        if (oneOf(name, kVoid))
            continue;
        if (oneOf(name, kRawText)) {
            // Skip to its end tag; its content is not markup.
            const QString endTag = QStringLiteral("</") + name.toString();
            const qsizetype end = html.indexOf(endTag, i, Qt::CaseInsensitive);
            i = end < 0 ? n : end;
            // Counts as one level for the element itself.
            if (int(stack.size()) + 1 > result.deepest) {
                result.deepest = int(stack.size()) + 1;
                deepestAt = lt;
                deepestName = name;
            }
            continue;
        }
        if (selfClosing) // <svg/>, <br/> written as XML: no content
            continue;
        closeImplied(stack, name);
        if (oneOf(name, kParagraph))
            closeWithin(stack, kParagraph, std::array{QLatin1StringView("td"), QLatin1StringView("th"), QLatin1StringView("li")});
        stack.push_back({name});
        if (int(stack.size()) > result.deepest) {
            result.deepest = int(stack.size());
            deepestAt = lt;
            deepestName = name;
            if (result.deepest > stopAt)
                break;
        }
    }
    if (deepestAt >= 0) {
        place(html, deepestAt, &result.line, &result.column);
        result.element = deepestName.toString().toLower();
    }
    return result;
}

Status HtmlLimits::check(QStringView html, const QString &what, int maxDepth, qsizetype maxChars)
{
    if (html.size() > maxChars) {
        const QLocale locale;
        return Error(errc::htmlTooLarge,
                     tr("%1 is %2 characters long; the limit is %3 (Gmail clips a message at 102 KB).")
                         .arg(what, locale.toString(html.size()), locale.toString(maxChars)));
    }
    const Depth depth = measure(html, maxDepth);
    if (depth.deepest > maxDepth)
        return Error(errc::htmlTooDeep, tr("%1 nests elements more than %2 deep: line %3, column %4, <%5>.")
                                            .arg(what)
                                            .arg(maxDepth)
                                            .arg(depth.line)
                                            .arg(depth.column)
                                            .arg(depth.element));
    return {};
}

} // namespace lux
