// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmllimits.h"

#include "common/errorcodes.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <vector>

namespace lux {

namespace {

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
// The start tags that close an open paragraph first (<table> only in no-quirks mode: left out, which
// only measures deeper).
constexpr std::array kClosesParagraph{
    QLatin1StringView("address"), QLatin1StringView("article"), QLatin1StringView("aside"), QLatin1StringView("blockquote"),
    QLatin1StringView("center"), QLatin1StringView("details"), QLatin1StringView("dialog"), QLatin1StringView("dir"),
    QLatin1StringView("div"), QLatin1StringView("dl"), QLatin1StringView("fieldset"), QLatin1StringView("figcaption"),
    QLatin1StringView("figure"), QLatin1StringView("footer"), QLatin1StringView("header"), QLatin1StringView("hgroup"),
    QLatin1StringView("main"), QLatin1StringView("menu"), QLatin1StringView("nav"), QLatin1StringView("ol"),
    QLatin1StringView("p"), QLatin1StringView("search"), QLatin1StringView("section"), QLatin1StringView("summary"),
    QLatin1StringView("ul"), QLatin1StringView("h1"), QLatin1StringView("h2"), QLatin1StringView("h3"),
    QLatin1StringView("h4"), QLatin1StringView("h5"), QLatin1StringView("h6"), QLatin1StringView("pre"),
    QLatin1StringView("listing"), QLatin1StringView("form"), QLatin1StringView("plaintext"), QLatin1StringView("xmp"),
    QLatin1StringView("hr"), QLatin1StringView("li"), QLatin1StringView("dd"), QLatin1StringView("dt")};

// Formatting elements stay on the parser's list of active formatting elements when something else
// closes them (a </p>, a </div>), and the parser opens them again at the next text or start tag:
// "<p><b x=1>…<b x=100></p>t" leaves a hundred open <b>s that no tag in the source opens. Each
// repetition with new attributes adds more (HTML's "reconstruct the active formatting elements"),
// so this models the list: entries since the last marker (td, th, caption, applet, object, marquee,
// template), at most three alike (the "Noah's Ark" clause), reopened in order.
constexpr std::array kFormatting{QLatin1StringView("a"),     QLatin1StringView("b"),      QLatin1StringView("big"),
                                 QLatin1StringView("code"),  QLatin1StringView("em"),     QLatin1StringView("font"),
                                 QLatin1StringView("i"),     QLatin1StringView("nobr"),   QLatin1StringView("s"),
                                 QLatin1StringView("small"), QLatin1StringView("strike"), QLatin1StringView("strong"),
                                 QLatin1StringView("tt"),    QLatin1StringView("u")};
constexpr std::array kMarker{QLatin1StringView("td"),     QLatin1StringView("th"),      QLatin1StringView("caption"),
                             QLatin1StringView("applet"), QLatin1StringView("object"),  QLatin1StringView("marquee"),
                             QLatin1StringView("template")};

// Start tags after which the parser does not reopen them (blocks, tables, head content): their text will.
constexpr std::array kNoReconstruct{
    QLatin1StringView("address"), QLatin1StringView("article"), QLatin1StringView("aside"), QLatin1StringView("blockquote"),
    QLatin1StringView("center"), QLatin1StringView("details"), QLatin1StringView("dialog"), QLatin1StringView("dir"),
    QLatin1StringView("div"), QLatin1StringView("dl"), QLatin1StringView("fieldset"), QLatin1StringView("figcaption"),
    QLatin1StringView("figure"), QLatin1StringView("footer"), QLatin1StringView("header"), QLatin1StringView("hgroup"),
    QLatin1StringView("main"), QLatin1StringView("menu"), QLatin1StringView("nav"), QLatin1StringView("ol"),
    QLatin1StringView("p"), QLatin1StringView("search"), QLatin1StringView("section"), QLatin1StringView("summary"),
    QLatin1StringView("ul"), QLatin1StringView("h1"), QLatin1StringView("h2"), QLatin1StringView("h3"),
    QLatin1StringView("h4"), QLatin1StringView("h5"), QLatin1StringView("h6"), QLatin1StringView("pre"),
    QLatin1StringView("listing"), QLatin1StringView("form"), QLatin1StringView("li"), QLatin1StringView("dd"),
    QLatin1StringView("dt"), QLatin1StringView("plaintext"), QLatin1StringView("table"), QLatin1StringView("hr"),
    QLatin1StringView("iframe"), QLatin1StringView("noembed"), QLatin1StringView("noscript"), QLatin1StringView("rb"),
    QLatin1StringView("rtc"), QLatin1StringView("rp"), QLatin1StringView("rt"), QLatin1StringView("param"),
    QLatin1StringView("source"), QLatin1StringView("track"), QLatin1StringView("textarea"), QLatin1StringView("frameset"),
    QLatin1StringView("frame"), QLatin1StringView("head"), QLatin1StringView("body"), QLatin1StringView("html"),
    QLatin1StringView("base"), QLatin1StringView("link"), QLatin1StringView("meta"), QLatin1StringView("style"),
    QLatin1StringView("script"), QLatin1StringView("template"), QLatin1StringView("title"), QLatin1StringView("caption"),
    QLatin1StringView("col"), QLatin1StringView("colgroup"), QLatin1StringView("tbody"), QLatin1StringView("tfoot"),
    QLatin1StringView("thead"), QLatin1StringView("tr"), QLatin1StringView("td"), QLatin1StringView("th")};

// HTML's scopes: an end tag does not reach past these (the "has an element in scope" tests).
constexpr std::array kDefaultScope{QLatin1StringView("applet"), QLatin1StringView("caption"), QLatin1StringView("html"),
                                   QLatin1StringView("table"),  QLatin1StringView("td"),      QLatin1StringView("th"),
                                   QLatin1StringView("marquee"), QLatin1StringView("object"), QLatin1StringView("template")};
constexpr std::array kButtonScope{QLatin1StringView("applet"), QLatin1StringView("caption"), QLatin1StringView("html"),
                                  QLatin1StringView("table"),  QLatin1StringView("td"),      QLatin1StringView("th"),
                                  QLatin1StringView("marquee"), QLatin1StringView("object"), QLatin1StringView("template"),
                                  QLatin1StringView("button")};
constexpr std::array kListScope{QLatin1StringView("ol"), QLatin1StringView("ul")};
constexpr std::array kTableScope{QLatin1StringView("html"), QLatin1StringView("table"), QLatin1StringView("template")};
constexpr std::array kTableParts{QLatin1StringView("table"), QLatin1StringView("caption"), QLatin1StringView("colgroup"),
                                 QLatin1StringView("tbody"), QLatin1StringView("thead"),   QLatin1StringView("tfoot"),
                                 QLatin1StringView("tr"),    QLatin1StringView("td"),      QLatin1StringView("th")};
// HTML's "special" elements: an end tag of any other name stops at the first of them.
constexpr std::array kSpecial{
    QLatin1StringView("address"), QLatin1StringView("applet"), QLatin1StringView("area"), QLatin1StringView("article"),
    QLatin1StringView("aside"), QLatin1StringView("base"), QLatin1StringView("basefont"), QLatin1StringView("bgsound"),
    QLatin1StringView("blockquote"), QLatin1StringView("body"), QLatin1StringView("br"), QLatin1StringView("button"),
    QLatin1StringView("caption"), QLatin1StringView("center"), QLatin1StringView("col"), QLatin1StringView("colgroup"),
    QLatin1StringView("dd"), QLatin1StringView("details"), QLatin1StringView("dir"), QLatin1StringView("div"),
    QLatin1StringView("dl"), QLatin1StringView("dt"), QLatin1StringView("embed"), QLatin1StringView("fieldset"),
    QLatin1StringView("figcaption"), QLatin1StringView("figure"), QLatin1StringView("footer"), QLatin1StringView("form"),
    QLatin1StringView("frame"), QLatin1StringView("frameset"), QLatin1StringView("h1"), QLatin1StringView("h2"),
    QLatin1StringView("h3"), QLatin1StringView("h4"), QLatin1StringView("h5"), QLatin1StringView("h6"),
    QLatin1StringView("head"), QLatin1StringView("header"), QLatin1StringView("hgroup"), QLatin1StringView("hr"),
    QLatin1StringView("html"), QLatin1StringView("iframe"), QLatin1StringView("img"), QLatin1StringView("input"),
    QLatin1StringView("keygen"), QLatin1StringView("li"), QLatin1StringView("link"), QLatin1StringView("listing"),
    QLatin1StringView("main"), QLatin1StringView("marquee"), QLatin1StringView("menu"), QLatin1StringView("meta"),
    QLatin1StringView("nav"), QLatin1StringView("noembed"), QLatin1StringView("noframes"), QLatin1StringView("noscript"),
    QLatin1StringView("object"), QLatin1StringView("ol"), QLatin1StringView("p"), QLatin1StringView("param"),
    QLatin1StringView("plaintext"), QLatin1StringView("pre"), QLatin1StringView("script"), QLatin1StringView("search"),
    QLatin1StringView("section"), QLatin1StringView("select"), QLatin1StringView("source"), QLatin1StringView("style"),
    QLatin1StringView("summary"), QLatin1StringView("table"), QLatin1StringView("tbody"), QLatin1StringView("td"),
    QLatin1StringView("template"), QLatin1StringView("textarea"), QLatin1StringView("tfoot"), QLatin1StringView("th"),
    QLatin1StringView("thead"), QLatin1StringView("title"), QLatin1StringView("tr"), QLatin1StringView("track"),
    QLatin1StringView("ul"), QLatin1StringView("wbr"), QLatin1StringView("xmp")};

struct Open
{
    QStringView name;
    bool marker = false;
    qint64 entry = -1; // its entry on the active formatting list, if it has one
};

struct Formatting
{
    QStringView name;
    QStringView attributes; // as written: equal text counts as equal (fewer matches only overestimate)
    qint64 id = 0;
    bool open = true;
};

// The open elements and the active formatting list, one list per marker level.
struct Tree
{
    std::vector<Open> stack;
    std::vector<std::vector<Formatting>> lists{1};
    qint64 nextId = 0;

    Formatting *entry(qint64 id)
    {
        auto &list = lists.back();
        for (auto k = list.size(); k-- > 0;)
            if (list[k].id == id)
                return &list[k];
        return nullptr;
    }
    // Pops the open elements down to `size`; formatting elements stay on the list, closed.
    void popTo(std::size_t size)
    {
        while (stack.size() > size) {
            const Open top = stack.back();
            stack.pop_back();
            if (top.marker) {
                if (lists.size() > 1)
                    lists.pop_back();
            } else if (top.entry >= 0) {
                if (Formatting *f = entry(top.entry))
                    f->open = false;
            }
        }
    }
    void push(QStringView name, QStringView attributes)
    {
        Open o{name, oneOf(name, kMarker), -1};
        if (!o.marker && oneOf(name, kFormatting)) {
            auto &list = lists.back();
            int alike = 0;
            for (auto k = list.size(); k-- > 0;) {
                if (list[k].name.compare(name, Qt::CaseInsensitive) == 0 && list[k].attributes == attributes && ++alike == 3) {
                    list.erase(list.begin() + qsizetype(k));
                    break;
                }
            }
            o.entry = nextId++;
            list.push_back({name, attributes, o.entry, true});
        }
        stack.push_back(o);
        if (o.marker)
            lists.emplace_back();
    }
    // An end tag of a formatting element closes it for good.
    void forget(QStringView name)
    {
        auto &list = lists.back();
        for (auto k = list.size(); k-- > 0;)
            if (list[k].name.compare(name, Qt::CaseInsensitive) == 0) {
                list.erase(list.begin() + qsizetype(k));
                return;
            }
    }
    // Reopens the closed entries after the last open one; how many it opened.
    int reconstruct()
    {
        auto &list = lists.back();
        auto from = list.size();
        while (from > 0 && !list[from - 1].open)
            --from;
        int opened = 0;
        for (auto k = from; k < list.size(); ++k) {
            list[k].open = true;
            stack.push_back({list[k].name, false, list[k].id});
            ++opened;
        }
        return opened;
    }
};

bool is(QStringView a, QLatin1StringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Pops the open elements down to (and including) the nearest one named in `names`, unless one named in
// `scope` comes first: how <li> closes the previous <li> of its own list but not an outer list's.
template<std::size_t N, std::size_t M>
void closeWithin(Tree &tree, const std::array<QLatin1StringView, N> &names, const std::array<QLatin1StringView, M> &scope)
{
    for (auto i = tree.stack.size(); i-- > 0;) {
        if (oneOf(tree.stack[i].name, scope))
            return;
        if (oneOf(tree.stack[i].name, names)) {
            tree.popTo(i);
            return;
        }
    }
}

// Whether a table is open (the parser is in one of its table modes), not hidden behind a template.
bool inTable(const std::vector<Open> &stack)
{
    for (auto k = stack.size(); k-- > 0;) {
        if (is(stack[k].name, QLatin1StringView("table")))
            return true;
        if (is(stack[k].name, QLatin1StringView("template")))
            return false;
    }
    return false;
}

void closeImplied(Tree &tree, QStringView name)
{
    using L = QLatin1StringView;
    if (is(name, L("li")))
        closeWithin(tree, std::array{L("li")}, std::array{L("ul"), L("ol"), L("menu"), L("table")});
    else if (is(name, L("dt")) || is(name, L("dd")))
        closeWithin(tree, std::array{L("dt"), L("dd")}, std::array{L("dl"), L("table")});
    else if (is(name, L("td")) || is(name, L("th")))
        closeWithin(tree, std::array{L("td"), L("th")}, std::array{L("tr"), L("table")});
    else if (is(name, L("tr")))
        closeWithin(tree, std::array{L("tr")}, std::array{L("table"), L("thead"), L("tbody"), L("tfoot")});
    else if (is(name, L("thead")) || is(name, L("tbody")) || is(name, L("tfoot")))
        closeWithin(tree, std::array{L("thead"), L("tbody"), L("tfoot")}, std::array{L("table")});
    else if (is(name, L("option")) || is(name, L("optgroup")))
        closeWithin(tree, std::array{L("option")}, std::array{L("select"), L("datalist"), L("optgroup")});
    else if (is(name, L("rb")) || is(name, L("rt")) || is(name, L("rp")) || is(name, L("rtc")))
        closeWithin(tree, std::array{L("rb"), L("rt"), L("rp")}, std::array{L("ruby")});
}

// SVG and MathML (foreign content): no void or raw-text elements there, "/>" closes any element, and
// these HTML elements break out of it. Their HTML integration points hold HTML again.
constexpr std::array kBreakout{
    QLatin1StringView("b"), QLatin1StringView("big"), QLatin1StringView("blockquote"), QLatin1StringView("body"),
    QLatin1StringView("br"), QLatin1StringView("center"), QLatin1StringView("code"), QLatin1StringView("dd"),
    QLatin1StringView("div"), QLatin1StringView("dl"), QLatin1StringView("dt"), QLatin1StringView("em"),
    QLatin1StringView("embed"), QLatin1StringView("h1"), QLatin1StringView("h2"), QLatin1StringView("h3"),
    QLatin1StringView("h4"), QLatin1StringView("h5"), QLatin1StringView("h6"), QLatin1StringView("head"),
    QLatin1StringView("hr"), QLatin1StringView("i"), QLatin1StringView("img"), QLatin1StringView("li"),
    QLatin1StringView("listing"), QLatin1StringView("menu"), QLatin1StringView("meta"), QLatin1StringView("nobr"),
    QLatin1StringView("ol"), QLatin1StringView("p"), QLatin1StringView("pre"), QLatin1StringView("ruby"),
    QLatin1StringView("s"), QLatin1StringView("small"), QLatin1StringView("span"), QLatin1StringView("strong"),
    QLatin1StringView("strike"), QLatin1StringView("sub"), QLatin1StringView("sup"), QLatin1StringView("table"),
    QLatin1StringView("tt"), QLatin1StringView("u"), QLatin1StringView("ul"), QLatin1StringView("var"),
    QLatin1StringView("font")};
constexpr std::array kIntegrationPoint{QLatin1StringView("foreignobject"), QLatin1StringView("desc"),
                                       QLatin1StringView("title"), QLatin1StringView("annotation-xml"),
                                       QLatin1StringView("mi"), QLatin1StringView("mo"), QLatin1StringView("mn"),
                                       QLatin1StringView("ms"), QLatin1StringView("mtext")};

// Where the innermost <svg> or <math> is when the current node is in foreign content, else -1.
qsizetype foreignRoot(const std::vector<Open> &stack)
{
    for (auto k = stack.size(); k-- > 0;) {
        if (oneOf(stack[k].name, kIntegrationPoint))
            return -1;
        if (is(stack[k].name, QLatin1StringView("svg")) || is(stack[k].name, QLatin1StringView("math")))
            return qsizetype(k);
    }
    return -1;
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

// The end of a tag whose name ends at `i`, read as HTML's tokenizer reads it: a quote opens a value
// only right after '=' (anywhere else it is part of a name, so `<p">` does not hide the rest of the
// document in a value), and only a '/' between attributes makes a tag self-closing.
qsizetype tagEnd(QStringView html, qsizetype i, bool *selfClosing)
{
    const qsizetype n = html.size();
    bool inName = false; // in an attribute name, or just after one: '=' starts its value
    bool slash = false;
    *selfClosing = false;
    while (i < n) {
        const QChar c = html[i];
        if (c == u'>') {
            *selfClosing = slash;
            return i + 1;
        }
        if (c == u'/') {
            slash = true;
            inName = false;
            ++i;
            continue;
        }
        slash = false;
        if (isHtmlSpace(c)) {
            ++i; // after a name, '=' may still follow
            continue;
        }
        if (c == u'=' && inName) {
            ++i;
            while (i < n && isHtmlSpace(html[i]))
                ++i;
            if (i < n && (html[i] == u'"' || html[i] == u'\'')) {
                const qsizetype close = html.indexOf(html[i], i + 1);
                if (close < 0)
                    return n;
                i = close + 1;
            } else {
                while (i < n && !isHtmlSpace(html[i]) && html[i] != u'>')
                    ++i;
            }
            inName = false;
            continue;
        }
        if (!inName || (i > 0 && isHtmlSpace(html[i - 1]))) // a new attribute's name
            inName = true;
        ++i;
    }
    return n;
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
    Tree tree;
    std::vector<Open> &stack = tree.stack;
    qsizetype deepestAt = -1;
    QStringView deepestName;
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        const qsizetype lt = html.indexOf(u'<', i);
        // Text reopens the formatting elements something else closed.
        const QStringView text = html.sliced(i, (lt < 0 ? n : lt) - i);
        if (std::any_of(text.begin(), text.end(), [](QChar c) { return !c.isSpace(); }) && tree.reconstruct() > 0) {
            if (int(stack.size()) > result.deepest) {
                result.deepest = int(stack.size());
                deepestAt = i;
                deepestName = stack.back().name;
                if (result.deepest > stopAt)
                    break;
            }
        }
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
        // A tag's name runs to a space, '/' or '>' (`<br">` is an element named `br"`, not a <br>).
        while (nameEnd < n && !isHtmlSpace(html[nameEnd]) && html[nameEnd] != u'/' && html[nameEnd] != u'>')
            ++nameEnd;
        if (nameEnd == nameStart || !html[nameStart].isLetter()) {
            i = lt + 1; // a '<' in text
            continue;
        }
        const QStringView name = html.sliced(nameStart, nameEnd - nameStart);
        bool selfClosing = false;
        i = tagEnd(html, nameEnd, &selfClosing);
        if (closing) {
            // An end tag closes only what it can reach (the parser ignores it otherwise): table parts
            // within their table, other known elements within the default scope, and any other name
            // only when no special element is open above it ("any other end tag"). Closing less
            // than the parser would only measures deeper.
            const bool tablePart = oneOf(name, kTableParts);
            const bool known = oneOf(name, kSpecial) || oneOf(name, kFormatting);
            const bool formatting = oneOf(name, kFormatting);
            for (auto k = stack.size(); k-- > 0;) {
                if (stack[k].name.compare(name, Qt::CaseInsensitive) == 0) {
                    // </form> takes the form out of the parser's stack but leaves what it holds open, as
                    // the adoption agency does with a formatting element that has a block open inside it
                    // (the block moves up and a copy of the element goes inside it): the tree is as deep
                    // as before, so the measure keeps the element where it was.
                    const bool blockInside = formatting && std::any_of(stack.begin() + qsizetype(k) + 1, stack.end(),
                                                                       [](const Open &o) { return oneOf(o.name, kSpecial); });
                    const bool formHolding = is(name, QLatin1StringView("form")) && k + 1 < stack.size();
                    if (!formHolding && !blockInside)
                        tree.popTo(k);
                    break;
                }
                const QStringView open = stack[k].name;
                const bool stops = tablePart ? oneOf(open, kTableScope)
                                   : !known  ? oneOf(open, kSpecial)
                                             : oneOf(open, kDefaultScope) || (is(name, QLatin1StringView("li")) && oneOf(open, kListScope))
                                           || (is(name, QLatin1StringView("p")) && is(open, QLatin1StringView("button")));
                if (stops)
                    break;
            }
            if (oneOf(name, kFormatting))
                tree.forget(name);
            continue;
        }
        qsizetype foreign = foreignRoot(stack);
        if (foreign >= 0 && oneOf(name, kBreakout)) { // back to HTML, below the <svg> or <math>
            tree.popTo(std::size_t(foreign));
            foreign = foreignRoot(stack);
        }
        if (foreign >= 0 || is(name, QLatin1StringView("svg")) || is(name, QLatin1StringView("math"))) {
            if (!selfClosing) // any element nests, unless written "/>"
                tree.push(name, html.sliced(nameEnd, i - nameEnd));
            if (int(stack.size()) + (selfClosing ? 1 : 0) > result.deepest) {
                result.deepest = int(stack.size()) + (selfClosing ? 1 : 0);
                deepestAt = lt;
                deepestName = name;
                if (result.deepest > stopAt)
                    break;
            }
            continue;
        }
        // So does a start tag of phrasing content.
        if (!oneOf(name, kNoReconstruct) && tree.reconstruct() > 0 && int(stack.size()) > result.deepest) {
            result.deepest = int(stack.size());
            deepestAt = lt;
            deepestName = stack.back().name;
            if (result.deepest > stopAt)
                break;
        }
        if (oneOf(name, kClosesParagraph)) // blocks close the paragraph open in button scope
            closeWithin(tree, kParagraph, kButtonScope);
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
        // "/>" closes nothing in HTML: <div/> opens a div as <div> does.
        // Table parts outside a table are ignored by the parser: they open nothing and close nothing.
        if (oneOf(name, kTableParts) && !is(name, QLatin1StringView("table")) && !inTable(stack))
            continue;
        closeImplied(tree, name);
        tree.push(name, html.sliced(nameEnd, i - nameEnd));
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
