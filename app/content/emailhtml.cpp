// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailhtml.h"

#include "common/errorcodes.h"
#include "common/htmllimits.h"
#include "content/gumbotree.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <vector>

namespace lux::content {

namespace {

using html::attribute;
using html::childrenOf;
using Parsed = html::GumboDocument;

bool isHidden(const GumboElement &e)
{
    if (gumbo_get_attribute(&e.attributes, "hidden"))
        return true;
    QString style = attribute(e, "style").toLower();
    style.remove(u' ');
    return style.contains(QLatin1String("display:none")) || style.contains(QLatin1String("mso-hide:all"));
}

class TextWriter
{
public:
    void inlineText(const QString &raw)
    {
        for (const QChar c : raw) {
            if (c.isSpace()) {
                m_pendingSpace = true;
                continue;
            }
            if (m_pendingSpace && !m_line.isEmpty())
                m_line += u' ';
            m_pendingSpace = false;
            m_line += c;
        }
    }
    void space() { m_pendingSpace = true; }
    void lineBreak()
    {
        m_out += m_line.trimmed();
        m_out += u'\n';
        m_line.clear();
        m_pendingSpace = false;
    }
    void block() // ends the current line, if any
    {
        if (!m_line.trimmed().isEmpty())
            lineBreak();
        m_line.clear();
        m_pendingSpace = false;
    }
    void paragraph() // a blank line before what follows
    {
        block();
        if (!m_out.isEmpty() && !m_out.endsWith(QLatin1String("\n\n")))
            m_out += u'\n';
    }
    void raw(const QString &text) { m_line += text; }
    QString currentLine() const { return m_line; }
    int addLink(const QString &url)
    {
        const auto i = m_links.indexOf(url);
        if (i >= 0)
            return int(i) + 1;
        m_links << url;
        return int(m_links.size());
    }
    QString finish()
    {
        block();
        QString text = m_out.trimmed();
        static const QRegularExpression blankLines(QStringLiteral("\n{3,}"));
        text.replace(blankLines, QStringLiteral("\n\n"));
        if (!m_links.isEmpty()) {
            text += QStringLiteral("\n\n");
            for (qsizetype i = 0; i < m_links.size(); ++i)
                text += QStringLiteral("[%1] %2\n").arg(i + 1).arg(m_links.at(i));
            text.chop(1);
        }
        return text;
    }

private:
    QString m_out;
    QString m_line;
    bool m_pendingSpace = false;
    QStringList m_links;
};

struct ListState
{
    bool ordered;
    int next;
};

// Elements SafeHtml removes with their content: nothing of them is in the text either.
bool removedWithContent(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_APPLET:
        return true;
    default: return false;
    }
}

// The HTML-to-text walk, with its own stack: a frame per open element, entered (what comes before
// its children), then left once its children are done.
class TextWalk
{
public:
    explicit TextWalk(TextWriter &w) : m_w(w) {}

    void run(const GumboNode *root)
    {
        push(root);
        while (!m_stack.empty()) {
            Frame &top = m_stack.back();
            const GumboVector *children = childrenOf(top.node);
            if (children && top.next < children->length) {
                const auto *child = static_cast<const GumboNode *>(children->data[top.next++]);
                push(child); // may reallocate m_stack: top is not used after this
                continue;
            }
            const Frame done = std::move(m_stack.back());
            m_stack.pop_back();
            leave(done);
        }
    }

private:
    struct Frame
    {
        const GumboNode *node;
        unsigned next = 0;
        QString before; // <a>: the line before its label
    };

    void push(const GumboNode *node)
    {
        Frame f{node, 0, {}};
        if (enter(f))
            m_stack.push_back(std::move(f));
    }

    // What comes before the children; false when the node has none to walk (or they are skipped).
    bool enter(Frame &f)
    {
        const GumboNode *node = f.node;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            m_w.inlineText(QString::fromUtf8(node->v.text.text));
            return false;
        }
        if (node->type == GUMBO_NODE_WHITESPACE) {
            m_w.space();
            return false;
        }
        if (node->type == GUMBO_NODE_DOCUMENT)
            return true;
        if (node->type != GUMBO_NODE_ELEMENT)
            return false;
        const GumboElement &e = node->v.element;
        switch (e.tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_NOSCRIPT:
            return false;
        default: break;
        }
        if (removedWithContent(e.tag) || isHidden(e))
            return false;
        switch (e.tag) {
        case GUMBO_TAG_BR:
            m_w.lineBreak();
            return false;
        case GUMBO_TAG_IMG: {
            const QString alt = attribute(e, "alt").trimmed();
            if (!alt.isEmpty()) {
                m_w.inlineText(QString());
                m_w.space();
                m_w.inlineText(alt);
                m_w.space();
            }
            return false;
        }
        case GUMBO_TAG_HR:
            m_w.paragraph();
            m_w.raw(QStringLiteral("----------"));
            m_w.paragraph();
            return false;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            m_w.paragraph();
            return true;
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
            m_w.paragraph();
            m_lists.append({e.tag == GUMBO_TAG_OL, 1});
            return true;
        case GUMBO_TAG_LI: {
            m_w.block();
            QString marker = QStringLiteral("- ");
            if (!m_lists.isEmpty() && m_lists.constLast().ordered)
                marker = QStringLiteral("%1. ").arg(m_lists.last().next++);
            m_w.raw(QString(qMax<qsizetype>(0, m_lists.size() - 1) * 2, u' ') + marker);
            return true;
        }
        case GUMBO_TAG_A:
            f.before = m_w.currentLine();
            return true;
        case GUMBO_TAG_P:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_TABLE:
            m_w.paragraph();
            return true;
        case GUMBO_TAG_TR:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
            m_w.block();
            return true;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            m_w.space();
            return true;
        default:
            return true;
        }
    }

    // What comes after the children.
    void leave(const Frame &f)
    {
        if (f.node->type != GUMBO_NODE_ELEMENT)
            return;
        const GumboElement &e = f.node->v.element;
        switch (e.tag) {
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: {
            const QString heading = m_w.currentLine().trimmed();
            m_w.block();
            if (!heading.isEmpty() && (e.tag == GUMBO_TAG_H1 || e.tag == GUMBO_TAG_H2)) {
                m_w.raw(QString(heading.size(), e.tag == GUMBO_TAG_H1 ? u'=' : u'-'));
                m_w.block();
            }
            m_w.paragraph();
            return;
        }
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
            m_lists.removeLast();
            m_w.paragraph();
            return;
        case GUMBO_TAG_LI:
            m_w.block();
            return;
        case GUMBO_TAG_A: {
            const QString href = attribute(e, "href").trimmed();
            if (href.isEmpty() || href.startsWith(u'#') || SafeHtml::isScriptUrl(href))
                return;
            const QString label = m_w.currentLine().mid(f.before.size()).trimmed();
            QString shown = href;
            if (shown.startsWith(QLatin1String("mailto:")))
                shown = shown.mid(7);
            if (label.isEmpty() || label == shown || label == href) {
                if (label.isEmpty())
                    m_w.inlineText(shown);
                return;
            }
            m_w.space();
            m_w.inlineText(QStringLiteral("[%1]").arg(m_w.addLink(href)));
            return;
        }
        case GUMBO_TAG_P:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_TABLE:
            m_w.paragraph();
            return;
        case GUMBO_TAG_TR:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
            m_w.block();
            return;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            m_w.space();
            return;
        default:
            return;
        }
    }

    TextWriter &m_w;
    QList<ListState> m_lists;
    std::vector<Frame> m_stack;
};

// Every element (and template) in document order, with an explicit stack. fn returns false to skip
// the element's descendants.
template<typename Fn>
void forEachElement(const GumboNode *root, Fn &&fn)
{
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
            if (!fn(*node))
                continue;
        const GumboVector *children = childrenOf(node);
        if (!children)
            continue;
        for (unsigned i = children->length; i-- > 0;) // pushed in reverse: popped in order
            stack.push_back(static_cast<const GumboNode *>(children->data[i]));
    }
}

// ---- SafeHtml -------------------------------------------------------------------------------

// A byte range of the UTF-8 source to cut.
struct Cut
{
    qsizetype from;
    qsizetype to;
};

class UnsafeFinder
{
public:
    UnsafeFinder(const QByteArray &bytes, QList<UnsafeMarkup> *found) : m_base(bytes.constData()), m_size(bytes.size()), m_found(found) {}

    void run(const GumboNode *document)
    {
        forEachElement(document, [this](const GumboNode &node) { return visit(node); });
    }
    const std::vector<Cut> &cuts() const { return m_cuts; }
    bool any() const { return m_any; }

private:
    bool visit(const GumboNode &node)
    {
        const GumboElement &e = node.v.element;
        const QString name = tagName(e);
        UnsafeMarkup::Kind kind{};
        bool whole = true; // the element and its content
        bool unsafe = true;
        switch (e.tag) {
        case GUMBO_TAG_SCRIPT: kind = UnsafeMarkup::Kind::Script; break;
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_FRAME:
        case GUMBO_TAG_FRAMESET: kind = UnsafeMarkup::Kind::Frame; break;
        case GUMBO_TAG_FORM:
            kind = UnsafeMarkup::Kind::Form;
            whole = false;
            break;
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA: kind = UnsafeMarkup::Kind::FormControl; break;
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_APPLET: kind = UnsafeMarkup::Kind::Embed; break;
        case GUMBO_TAG_BASE: kind = UnsafeMarkup::Kind::Base; break;
        case GUMBO_TAG_META:
            kind = UnsafeMarkup::Kind::Refresh;
            unsafe = attribute(e, "http-equiv").trimmed().compare(QLatin1String("refresh"), Qt::CaseInsensitive) == 0;
            break;
        default: unsafe = false;
        }
        if (unsafe) {
            report(kind, name, QString(), e.start_pos);
            if (whole) {
                cutElement(node);
                return false; // its content goes with it
            }
            cutTags(e);
        }
        for (unsigned i = 0; i < e.attributes.length; ++i) {
            const auto *a = static_cast<const GumboAttribute *>(e.attributes.data[i]);
            const QLatin1StringView attr(a->name);
            if (attr.size() > 2 && attr.startsWith(QLatin1String("on"), Qt::CaseInsensitive)) {
                report(UnsafeMarkup::Kind::EventHandler, name, QString::fromUtf8(a->name), a->name_start);
                cutAttribute(*a);
            } else if (isUrlAttribute(attr) && SafeHtml::isScriptUrl(QString::fromUtf8(a->value))) {
                report(UnsafeMarkup::Kind::ScriptUrl, name, QString::fromUtf8(a->name), a->name_start);
                cutAttribute(*a);
            }
        }
        return true;
    }

    static QString tagName(const GumboElement &e)
    {
        if (e.tag != GUMBO_TAG_UNKNOWN)
            return QString::fromUtf8(gumbo_normalized_tagname(e.tag));
        GumboStringPiece piece = e.original_tag;
        gumbo_tag_from_original_text(&piece);
        return QString::fromUtf8(piece.data, qsizetype(piece.length)).toLower();
    }

    static bool isUrlAttribute(QLatin1StringView name)
    {
        for (const char *n : {"href", "src", "action", "formaction", "background", "poster", "data", "xlink:href", "dynsrc",
                              "lowsrc", "cite", "longdesc", "codebase", "archive", "srcset"})
            if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }

    void report(UnsafeMarkup::Kind kind, const QString &element, const QString &attr, const GumboSourcePosition &at)
    {
        m_any = true;
        if (m_found)
            m_found->append({kind, element, attr, int(at.line), int(at.column)});
    }

    // An offset in the source from a pointer gumbo gives, or -1 when it points elsewhere (text the
    // parser made up).
    qsizetype offsetOf(const char *p) const
    {
        if (!p || p < m_base || p > m_base + m_size)
            return -1;
        return qsizetype(p - m_base);
    }

    void add(qsizetype from, qsizetype to)
    {
        if (from >= 0 && to > from && to <= m_size)
            m_cuts.push_back({from, to});
    }

    void cutTags(const GumboElement &e)
    {
        const qsizetype start = offsetOf(e.original_tag.data);
        if (start >= 0 && e.original_tag.length > 0)
            add(start, start + qsizetype(e.original_tag.length));
        const qsizetype end = offsetOf(e.original_end_tag.data);
        if (end >= 0 && e.original_end_tag.length > 0)
            add(end, end + qsizetype(e.original_end_tag.length));
    }

    // From its start tag to its end tag, or, without one, to the end of its last descendant.
    void cutElement(const GumboNode &node)
    {
        const GumboElement &e = node.v.element;
        const qsizetype start = offsetOf(e.original_tag.data);
        if (start < 0 || e.original_tag.length == 0)
            return; // made up by the parser: nothing of it is in the source
        qsizetype end = start + qsizetype(e.original_tag.length);
        std::vector<const GumboNode *> stack{&node};
        while (!stack.empty()) {
            const GumboNode *n = stack.back();
            stack.pop_back();
            if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
                const GumboElement &el = n->v.element;
                for (const GumboStringPiece &piece : {el.original_tag, el.original_end_tag})
                    if (const qsizetype at = offsetOf(piece.data); at >= 0)
                        end = qMax(end, at + qsizetype(piece.length));
            } else if (n->type != GUMBO_NODE_DOCUMENT) {
                if (const qsizetype at = offsetOf(n->v.text.original_text.data); at >= 0)
                    end = qMax(end, at + qsizetype(n->v.text.original_text.length));
            }
            if (const GumboVector *children = childrenOf(n))
                for (unsigned i = 0; i < children->length; ++i)
                    stack.push_back(static_cast<const GumboNode *>(children->data[i]));
        }
        add(start, qMin(end, m_size));
    }

    void cutAttribute(const GumboAttribute &a)
    {
        const qsizetype start = offsetOf(a.original_name.data);
        if (start < 0 || a.original_name.length == 0)
            return;
        qsizetype end = start + qsizetype(a.original_name.length);
        if (const qsizetype v = offsetOf(a.original_value.data); v >= 0 && a.original_value.length > 0)
            end = qMax(end, v + qsizetype(a.original_value.length));
        add(start, end);
    }

    const char *m_base;
    qsizetype m_size;
    QList<UnsafeMarkup> *m_found;
    std::vector<Cut> m_cuts;
    bool m_any = false;
};

QByteArray applyCuts(const QByteArray &bytes, std::vector<Cut> cuts)
{
    std::sort(cuts.begin(), cuts.end(), [](const Cut &a, const Cut &b) { return a.from < b.from || (a.from == b.from && a.to > b.to); });
    QByteArray out;
    out.reserve(bytes.size());
    qsizetype at = 0;
    for (const Cut &c : cuts) {
        if (c.to <= at)
            continue; // inside one cut already
        if (c.from > at)
            out.append(bytes.constData() + at, c.from - at);
        at = c.to;
    }
    out.append(bytes.constData() + at, bytes.size() - at);
    return out;
}

bool withinLimits(QStringView html)
{
    return HtmlLimits::check(html, QString()).ok();
}

} // namespace

QString PlainText::fromHtml(const QString &html)
{
    if (!withinLimits(html))
        return {};
    Parsed parsed(html.toUtf8());
    return fromDocument(parsed.output->document);
}

QString PlainText::fromDocument(const GumboInternalNode *document)
{
    TextWriter writer;
    TextWalk(writer).run(document);
    return writer.finish();
}

bool SafeHtml::isScriptUrl(const QString &url)
{
    QString squeezed; // browsers drop tabs and newlines anywhere in a URL, and leading spaces and controls
    squeezed.reserve(qMin<qsizetype>(url.size(), 16));
    for (const QChar c : url) {
        if (c.unicode() <= 0x20)
            continue;
        squeezed += c.toLower();
        if (squeezed.size() >= 11)
            break;
    }
    return squeezed.startsWith(QLatin1String("javascript:")) || squeezed.startsWith(QLatin1String("vbscript:"));
}

QList<UnsafeMarkup> SafeHtml::find(const QString &html)
{
    QList<UnsafeMarkup> found;
    if (!withinLimits(html))
        return found;
    Parsed parsed(html.toUtf8());
    UnsafeFinder(parsed.bytes, &found).run(parsed.output->document);
    return found;
}

SafeHtml::Cleaned SafeHtml::clean(const QString &html, bool withText)
{
    Cleaned result;
    if (!withinLimits(html)) {
        result.complete = false;
        return result;
    }
    QByteArray bytes = html.toUtf8();
    bool changed = false;
    for (int round = 0; round < kMaxRounds; ++round) {
        Parsed parsed(bytes);
        UnsafeFinder finder(parsed.bytes, round == 0 ? &result.removed : nullptr);
        finder.run(parsed.output->document);
        if (!finder.any()) {
            result.html = changed ? QString::fromUtf8(bytes) : html;
            if (withText)
                result.text = PlainText::fromDocument(parsed.output->document);
            return result;
        }
        if (finder.cuts().empty())
            break; // unsafe, and nowhere in the source to cut it from
        bytes = applyCuts(parsed.bytes, finder.cuts());
        changed = true;
        if (!withinLimits(QString::fromUtf8(bytes)))
            break; // cutting joined text into deeper markup than the limits allow
    }
    result.complete = false;
    return result;
}

QString Finding::severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

QString Finding::whereName(Where w)
{
    switch (w) {
    case Where::Subject: return QStringLiteral("subject");
    case Where::Preheader: return QStringLiteral("preheader");
    case Where::Body: return QStringLiteral("body");
    case Where::TextPart: return QStringLiteral("text");
    }
    return {};
}

QList<Finding> PreSendCheck::unsafeMarkup(const QList<UnsafeMarkup> &found)
{
    QList<Finding> out;
    for (const UnsafeMarkup &u : found) {
        const char *code = "";
        QString what;
        switch (u.kind) {
        case UnsafeMarkup::Kind::Script:
            code = "unsafe.script";
            what = tr("Removed from the message: <%1> at line %2, column %3. Mail clients strip scripts and spam filters count "
                      "them against you.");
            break;
        case UnsafeMarkup::Kind::EventHandler:
            code = "unsafe.handler";
            what = tr("Removed from the message: the %4 attribute of <%1> at line %2, column %3. Mail clients run no scripts, "
                      "and spam filters count event handlers against you.");
            break;
        case UnsafeMarkup::Kind::Frame:
            code = "unsafe.frame";
            what = tr("Removed from the message: <%1> at line %2, column %3, with its content. Mail clients do not show frames; "
                      "link to the page instead.");
            break;
        case UnsafeMarkup::Kind::Form:
            code = "unsafe.form";
            what = tr("Removed from the message: the <%1> tags at line %2, column %3 (what is inside stays). Most mail clients "
                      "block forms; link to a form on the web instead.");
            break;
        case UnsafeMarkup::Kind::FormControl:
            code = "unsafe.form";
            what = tr("Removed from the message: <%1> at line %2, column %3. Most mail clients block form controls; use a link "
                      "styled as a button instead.");
            break;
        case UnsafeMarkup::Kind::Embed:
            code = "unsafe.embed";
            what = tr("Removed from the message: <%1> at line %2, column %3, with its content. Mail clients do not load "
                      "embedded objects or plug-ins.");
            break;
        case UnsafeMarkup::Kind::Base:
            code = "unsafe.base";
            what = tr("Removed from the message: <%1> at line %2, column %3. A base address would change where every link "
                      "goes; write full addresses instead.");
            break;
        case UnsafeMarkup::Kind::Refresh:
            code = "unsafe.refresh";
            what = tr("Removed from the message: the refresh <%1> at line %2, column %3. A message cannot redirect its reader.");
            break;
        case UnsafeMarkup::Kind::ScriptUrl:
            code = "unsafe.url";
            what = tr("Removed from the message: the script address in the %4 attribute of <%1> at line %2, column %3.");
            break;
        }
        // One pass over the placeholders: a name cannot be read as one.
        const bool named = u.kind == UnsafeMarkup::Kind::EventHandler || u.kind == UnsafeMarkup::Kind::ScriptUrl;
        const QString line = QString::number(u.line), column = QString::number(u.column);
        const QString message = named ? what.arg(u.element, line, column, u.attribute) : what.arg(u.element, line, column);
        out.append({Finding::Severity::Warning, QString::fromLatin1(code), message, Finding::Where::Body, u.line, u.column});
    }
    return out;
}

bool PreSendCheck::refuses(const Finding &finding)
{
    return finding.severity == Finding::Severity::Error
           && (finding.code == errc::htmlTooDeep || finding.code == errc::htmlTooLarge || finding.code == errc::templateLimits
               || finding.code == errc::templateUnsafe || finding.code == errc::templateMarkdown);
}

bool PreSendCheck::blocks(const QList<Finding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.severity == Finding::Severity::Error; });
}

QList<Finding> PreSendCheck::run(const Input &in)
{
    using S = Finding::Severity;
    using W = Finding::Where;
    QList<Finding> out;
    const auto add = [&out](S s, const char *code, const QString &message, W where = W::Body, int line = 0, int column = 0) {
        out.append({s, QString::fromLatin1(code), message, where, line, column});
    };

    // Subject and preheader.
    const QString subject = in.subject.trimmed();
    if (subject.isEmpty())
        add(S::Error, "subject.empty", tr("The subject is empty."), W::Subject);
    else if (subject.size() > 150)
        add(S::Error, "subject.long", tr("The subject has %1 characters; mail clients cut it long before that. Keep it under 60.")
                                          .arg(subject.size()), W::Subject);
    else if (subject.size() > 60)
        add(S::Warning, "subject.long", tr("The subject has %1 characters; phones show about 40 and desktops about 60.")
                                            .arg(subject.size()), W::Subject);
    int letters = 0, capitals = 0;
    for (const QChar c : subject)
        if (c.isLetter()) {
            ++letters;
            capitals += c.isUpper() ? 1 : 0;
        }
    if (letters >= 8 && capitals * 10 >= letters * 8)
        add(S::Warning, "spam.capitals", tr("The subject is mostly capital letters, which spam filters count against you."), W::Subject);
    if (in.preheader.trimmed().isEmpty())
        add(S::Warning, "preheader.missing",
            tr("There is no preheader: inboxes will show the first words of the body next to the subject instead."),
            W::Preheader);

    // Merge tags.
    for (const MergeProblem &p : in.compiled.problems())
        add(S::Error, "merge.problem", p.message, W::Body, p.line, p.column);

    // Required content.
    if (!in.compiled.uses(QStringLiteral("unsubscribe_url")) && !in.compiled.uses(QStringLiteral("preferences_url")))
        add(S::Error, "unsubscribe.missing",
            tr("There is no unsubscribe link. Add one with {{{unsubscribe_url}}} (the footer component has it)."));
    const QString address = in.postalAddress.trimmed().section(u'\n', 0, 0).trimmed();
    if (!in.compiled.uses(QStringLiteral("brand.address")) && (address.isEmpty() || !in.sampleHtml.contains(address)))
        add(S::Error, "address.missing",
            tr("There is no postal address, which CAN-SPAM requires. Add {{brand.address}} (the footer component has it)."));
    const qsizetype bytes = in.sampleHtml.toUtf8().size();
    if (bytes > kGmailClipBytes)
        add(S::Warning, "size.clipped", tr("The message is %1 KB; Gmail clips messages over 102 KB and hides the rest, "
                                           "including the unsubscribe link.")
                                            .arg((bytes + 1023) / 1024));

    // Images and links, with their place in the source.
    // Nothing of the body is parsed when it is over the limits the parser and the walks rely on.
    if (const Status limits = HtmlLimits::check(in.source, tr("The message body")); !limits) {
        add(S::Error, "", limits.error().message);
        out.last().code = limits.error().code;
        return out;
    }
    Parsed parsed(in.source.toUtf8());
    QList<UnsafeMarkup> unsafe;
    UnsafeFinder(parsed.bytes, &unsafe).run(parsed.output->document);
    // A javascript: link is link.unsafe below, an error as it always was; the rest are warnings.
    QList<UnsafeMarkup> reported;
    for (const UnsafeMarkup &u : std::as_const(unsafe))
        if (!(u.kind == UnsafeMarkup::Kind::ScriptUrl && u.element == QLatin1String("a") && u.attribute == QLatin1String("href")))
            reported << u;
    out += unsafeMarkup(reported);
    if (in.sampleRemoved.size() > unsafe.size())
        add(S::Warning, "unsafe.merged",
            tr("Markup that mail clients strip (a script, a frame, a form or an on… attribute) comes into the message "
               "from a component or a merge tag's value; it is removed from the message."));
    forEachElement(parsed.output->document, [&](const GumboNode &node) {
        if (node.type != GUMBO_NODE_ELEMENT)
            return true;
        const GumboElement &e = node.v.element;
        const int line = int(e.start_pos.line);
        const int column = int(e.start_pos.column);
        if (e.tag == GUMBO_TAG_IMG) {
            bool hasAlt = false;
            attribute(e, "alt", &hasAlt);
            if (!hasAlt)
                add(S::Warning, "image.alt",
                    tr("An image has no alt text; many clients block images, and screen readers need it (alt=\"\" marks "
                       "a decorative one)."),
                    W::Body, line, column);
        }
        if (e.tag != GUMBO_TAG_A)
            return true;
        bool hasHref = false;
        const QString href = attribute(e, "href", &hasHref).trimmed();
        if (!hasHref || href.contains(QLatin1String("{{")))
            return true; // an anchor, or a merge tag checked above
        if (href.isEmpty() || href == QLatin1String("#")) {
            add(S::Warning, "link.empty", tr("A link goes nowhere (href=\"%1\").").arg(href), W::Body, line, column);
            return true;
        }
        const QUrl url(href, QUrl::StrictMode);
        QString scheme = url.scheme().toLower();
        if (SafeHtml::isScriptUrl(href)) // written as browsers read it ("java&#9;script:"), whatever QUrl makes of it
            scheme = href.simplified().remove(u' ').section(u':', 0, 0).toLower();
        if (SafeHtml::isScriptUrl(href) || scheme == QLatin1String("data")) {
            add(S::Error, "link.unsafe", tr("A %1: link is blocked by every mail client.").arg(scheme), W::Body, line, column);
            return true;
        }
        const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https");
        if (!url.isValid() || href.contains(u' ')
            || (!web && scheme != QLatin1String("mailto") && scheme != QLatin1String("tel"))
            || (web && !url.host().contains(u'.'))) {
            add(S::Error, "link.malformed", tr("“%1” is not a valid link; use a full address such as https://example.com/page.")
                                                .arg(href.left(80)),
                W::Body, line, column);
            return true;
        }
        if (scheme == QLatin1String("http"))
            add(S::Info, "link.http", tr("“%1” is not encrypted; prefer https.").arg(href.left(80)), W::Body, line, column);
        return true;
    });

    // Spam-trigger phrases, in the subject and the text.
    static const QList<const char *> phrases = {"100% free", "act now", "buy now", "cash bonus", "click here", "double your",
                                                "earn money", "guaranteed", "limited time", "no cost", "risk-free",
                                                "risk free", "winner", "you have been selected", "urgent", "$$$", "!!!"};
    const QString text = PlainText::fromDocument(parsed.output->document).toLower();
    for (const char *phrase : phrases) {
        const QString p = QString::fromUtf8(phrase);
        if (subject.toLower().contains(p))
            add(S::Warning, "spam.phrase", tr("“%1” in the subject is a common spam-filter trigger.").arg(p), W::Subject);
        else if (text.contains(p))
            add(S::Info, "spam.phrase", tr("“%1” in the text is a common spam-filter trigger.").arg(p));
    }
    return out;
}

} // namespace lux::content
