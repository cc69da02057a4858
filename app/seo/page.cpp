// SPDX-License-Identifier: GPL-3.0-or-later
#include "page.h"

#include "common/errorcodes.h"
#include "content/gumbotree.h"
#include "edge/common/htmllimits.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>


#include <vector>

namespace lux::seo {

namespace {

constexpr qsizetype kMaxBodyBytes = 5 * 1024 * 1024; // the fetcher's limit; a page given directly meets it too
constexpr int kSnippetChars = 120;

QString utf8(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

using html::attribute;
using html::childrenOf;

bool has(const GumboElement &e, const char *name)
{
    return gumbo_get_attribute(&e.attributes, name) != nullptr;
}

QString tagName(const GumboNode *node)
{
    const GumboElement &e = node->v.element;
    if (e.tag != GUMBO_TAG_UNKNOWN)
        return utf8(gumbo_normalized_tagname(e.tag));
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QString::fromUtf8(piece.data, qsizetype(piece.length)).toLower();
}

Place placeOf(const GumboNode *node)
{
    const GumboElement &e = node->v.element;
    QString snippet = QString::fromUtf8(e.original_tag.data, qsizetype(e.original_tag.length)).simplified();
    if (snippet.isEmpty())
        snippet = u'<' + tagName(node) + u'>'; // made by the parser, not written
    if (snippet.size() > kSnippetChars)
        snippet = snippet.left(kSnippetChars - 1) + u'…';
    return Place{int(e.start_pos.line), snippet};
}

// The inline style hides it (display:none; visibility:hidden for itself).
bool styleSays(const GumboElement &e, const QString &property, const QString &value)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QString style = attribute(e, "style").toLower().remove(space);
    return style.contains(property + u':' + value);
}

// Not rendered: the hidden attribute or display:none inline (what a stylesheet does is not known here).
bool notRendered(const GumboElement &e)
{
    return has(e, "hidden") || styleSays(e, QStringLiteral("display"), QStringLiteral("none"));
}

bool rawText(GumboTag tag)
{
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT;
}

// The body's handlers that are the window's (HTML's "Window-reflecting body element event handler
// set" and the window's own): they are not listeners on the body.
bool windowHandler(const QString &name)
{
    static const QStringList names{
        QStringLiteral("onafterprint"), QStringLiteral("onbeforeprint"), QStringLiteral("onbeforeunload"), QStringLiteral("onhashchange"),
        QStringLiteral("onlanguagechange"), QStringLiteral("onmessage"), QStringLiteral("onmessageerror"), QStringLiteral("onoffline"),
        QStringLiteral("ononline"), QStringLiteral("onpagehide"), QStringLiteral("onpageshow"), QStringLiteral("onpopstate"),
        QStringLiteral("onrejectionhandled"), QStringLiteral("onstorage"), QStringLiteral("onunhandledrejection"), QStringLiteral("onunload"),
        QStringLiteral("onblur"), QStringLiteral("onerror"), QStringLiteral("onfocus"), QStringLiteral("onload"), QStringLiteral("onresize"),
        QStringLiteral("onscroll")};
    return names.contains(name);
}

bool listens(const GumboNode *node)
{
    const GumboElement &e = node->v.element;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
        const QString name = utf8(static_cast<const GumboAttribute *>(e.attributes.data[i])->name).toLower();
        if (name.startsWith(u"on") && name.size() > 2 && !(e.tag == GUMBO_TAG_BODY && windowHandler(name)))
            return true;
    }
    return false;
}

// A document's text as a browser's innerText gives it, near enough without style sheets: hidden
// elements and raw text left out, <br> a line break, block elements on lines of their own, runs of
// white space one space.
void renderedText(const GumboNode *node, QString &out)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        out += utf8(node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement &e = node->v.element;
    if (rawText(e.tag) || notRendered(e) || e.tag == GUMBO_TAG_HEAD)
        return;
    if (e.tag == GUMBO_TAG_BR) {
        out += u'\n';
        return;
    }
    static const QList<GumboTag> blocks{GUMBO_TAG_P,  GUMBO_TAG_DIV, GUMBO_TAG_LI, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                                        GUMBO_TAG_H4, GUMBO_TAG_H5,  GUMBO_TAG_H6, GUMBO_TAG_TR, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE,
                                        GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER, GUMBO_TAG_NAV, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_TABLE};
    const bool block = blocks.contains(e.tag);
    if (block)
        out += u'\n';
    for (unsigned i = 0; i < e.children.length; ++i)
        renderedText(static_cast<const GumboNode *>(e.children.data[i]), out);
    if (block)
        out += u'\n';
}

QString collapsed(const QString &text)
{
    // Spaces and tabs collapse; the line breaks <br> and blocks make stay, one at a time.
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\r\\f\\x{00A0}]*\\n[ \\t\\r\\f\\n\\x{00A0}]*"));
    static const QRegularExpression runs(QStringLiteral("[ \\t\\r\\f]+"));
    QString s = text;
    s.replace(runs, QStringLiteral(" "));
    s.replace(spaces, QStringLiteral("\n"));
    return s;
}

// All the text under a node, scripts included, as DOM textContent has it.
void textContent(const GumboNode *node, QString &out)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        out += utf8(node->v.text.text);
        return;
    }
    if (const GumboVector *children = childrenOf(node))
        for (unsigned i = 0; i < children->length; ++i)
            textContent(static_cast<const GumboNode *>(children->data[i]), out);
}

QString resolve(const QUrl &base, const QString &raw)
{
    if (raw.trimmed().isEmpty()) { // "" is the document itself, as a browser resolves it (QUrl calls "" invalid)
        QUrl self = base;
        self.setFragment(QString());
        return self.toString(QUrl::FullyEncoded);
    }
    const QUrl relative(raw.trimmed(), QUrl::StrictMode);
    if (!relative.isValid())
        return raw; // as a browser's reflected href: the text when it does not parse
    const QUrl resolved = base.resolved(relative);
    return resolved.isValid() ? resolved.toString(QUrl::FullyEncoded) : raw;
}

// RFC 8288 Link header values: <uri>; rel="…"; hreflang="…", several to a header.
void linkHeaders(const ServedPage &served, QList<LinkTag> &links)
{
    for (const QByteArray &value : served.headerValues("link")) {
        const QString text = QString::fromUtf8(value);
        qsizetype i = 0;
        while (i < text.size()) {
            const qsizetype open = text.indexOf(u'<', i);
            if (open < 0)
                break;
            const qsizetype close = text.indexOf(u'>', open);
            if (close < 0)
                break;
            LinkTag link;
            link.source = LinkTag::Source::Header;
            link.hrefRaw = text.mid(open + 1, close - open - 1).trimmed();
            // The parameters run to the next comma outside quotes.
            qsizetype j = close + 1;
            bool quoted = false;
            while (j < text.size() && (quoted || text.at(j) != u',')) {
                if (text.at(j) == u'"')
                    quoted = !quoted;
                ++j;
            }
            for (const QString &param : text.mid(close + 1, j - close - 1).split(u';', Qt::SkipEmptyParts)) {
                const qsizetype eq = param.indexOf(u'=');
                if (eq < 0)
                    continue;
                const QString key = param.left(eq).trimmed().toLower();
                QString v = param.mid(eq + 1).trimmed();
                if (v.size() >= 2 && v.startsWith(u'"') && v.endsWith(u'"'))
                    v = v.mid(1, v.size() - 2);
                if (key == u"rel")
                    link.rel = v.toLower();
                else if (key == u"hreflang")
                    link.hreflang = v;
            }
            const QUrl resolved = served.url.resolved(QUrl(link.hrefRaw, QUrl::StrictMode));
            link.href = resolved.isValid() && !link.hrefRaw.isEmpty() ? resolved.toString(QUrl::FullyEncoded) : QString();
            link.place = Place{0, QStringLiteral("Link: ") + text.mid(open, j - open).trimmed()};
            links << link;
            i = j + 1;
        }
    }
}

// The charset the page says it is in: the header's, else a <meta charset> in the first bytes.
QString charsetOf(const ServedPage &served)
{
    static const QRegularExpression inHeader(QStringLiteral("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)"), QRegularExpression::CaseInsensitiveOption);
    for (const QByteArray &type : served.headerValues("content-type"))
        if (const auto m = inHeader.match(QString::fromLatin1(type)); m.hasMatch())
            return m.captured(1);
    static const QRegularExpression inMeta(QStringLiteral("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (const auto m = inMeta.match(QString::fromLatin1(served.body.left(1024))); m.hasMatch())
        return m.captured(1);
    return QStringLiteral("utf-8");
}

class Walk
{
public:
    Walk(Page &page, const QUrl &base) : m_page(page), m_base(base) {}

    void run(const GumboNode *document)
    {
        // The lang attributes: exactly one, on <html> or <body>, is every link's language.
        countLangs(document);
        visit(document, Context{});
    }

private:
    struct Context
    {
        bool inHead = false;
        bool inSvg = false;
        bool hidden = false;     // not rendered, or hidden from assistive technology (images)
        bool listening = false;  // an element around has an on… handler
        std::optional<QString> lang; // the nearest lang attribute ('' counts: it says "unknown")
    };

    void countLangs(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_TEMPLATE || (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_NOSCRIPT))
            return;
        if (node->type == GUMBO_NODE_ELEMENT) {
            bool present = false;
            const QString lang = attribute(node->v.element, "lang", &present);
            if (present) {
                ++m_langCount;
                m_onlyLang = lang;
                m_onlyLangOnRoot = node->v.element.tag == GUMBO_TAG_HTML || node->v.element.tag == GUMBO_TAG_BODY;
            }
            if (const QString id = attribute(node->v.element, "id"); !id.isEmpty() && !m_ids.contains(id))
                m_ids.insert(id, node);
        }
        if (const GumboVector *children = childrenOf(node))
            for (unsigned i = 0; i < children->length; ++i)
                countLangs(static_cast<const GumboNode *>(children->data[i]));
    }

    void visit(const GumboNode *node, Context context)
    {
        if (node->type == GUMBO_NODE_TEMPLATE)
            return; // a template's content is a fragment of its own, not in the document's tree
        if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboElement &e = node->v.element;
            bool langPresent = false;
            const QString lang = attribute(e, "lang", &langPresent);
            if (langPresent)
                context.lang = lang;
            context.inHead = context.inHead || e.tag == GUMBO_TAG_HEAD;
            context.inSvg = context.inSvg || e.tag_namespace == GUMBO_NAMESPACE_SVG;
            context.listening = context.listening || listens(node);
            context.hidden = context.hidden || rawText(e.tag) || notRendered(e) ||
                             attribute(e, "aria-hidden").trimmed().toLower() == u"true" || has(e, "inert") ||
                             styleSays(e, QStringLiteral("visibility"), QStringLiteral("hidden"));
            element(node, context);
            // Their text is not the page's. A browser running scripts (as Lighthouse's Chromium does)
            // reads <noscript> as text too: no meta, link, anchor or image inside it is in its tree.
            if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE || e.tag == GUMBO_TAG_NOSCRIPT)
                return;
        }
        if (const GumboVector *children = childrenOf(node))
            for (unsigned i = 0; i < children->length; ++i)
                visit(static_cast<const GumboNode *>(children->data[i]), context);
    }

    void element(const GumboNode *node, const Context &context)
    {
        const GumboElement &e = node->v.element;
        switch (e.tag) {
        case GUMBO_TAG_HTML: m_page.htmlLang = attribute(e, "lang"); break;
        case GUMBO_TAG_TITLE:
            if (!m_page.title && !context.inSvg) {
                QString text;
                textContent(node, text);
                m_page.title = text.simplified();
                m_page.titlePlace = placeOf(node);
            }
            break;
        case GUMBO_TAG_BASE:
            if (!m_baseSeen && has(e, "href")) {
                m_baseSeen = true;
                const QUrl base(attribute(e, "href").trimmed());
                if (base.isValid())
                    m_base = m_page.served.url.resolved(base);
            }
            break;
        case GUMBO_TAG_META: {
            MetaTag meta;
            meta.name = attribute(e, "name").toLower();
            meta.content = attribute(e, "content");
            meta.property = attribute(e, "property");
            meta.inHead = context.inHead;
            meta.place = placeOf(node);
            m_page.metas << meta;
            break;
        }
        case GUMBO_TAG_LINK: {
            if (context.inSvg)
                break;
            LinkTag link;
            link.rel = attribute(e, "rel").toLower();
            link.hrefRaw = attribute(e, "href");
            link.href = has(e, "href") ? resolve(m_base, link.hrefRaw) : QString();
            link.hreflang = attribute(e, "hreflang");
            link.source = context.inHead ? LinkTag::Source::Head : LinkTag::Source::Body;
            link.place = placeOf(node);
            m_page.links << link;
            break;
        }
        case GUMBO_TAG_A: anchor(node, context); break;
        case GUMBO_TAG_IMG: image(node, context); break;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: {
            if (context.hidden)
                break;
            QString text;
            renderedText(node, text);
            m_page.headings << Heading{int(e.tag - GUMBO_TAG_H1) + 1, text.simplified(), placeOf(node)};
            break;
        }
        case GUMBO_TAG_P: {
            if (context.hidden)
                break;
            QString text;
            renderedText(node, text);
            if (const QString words = text.simplified(); !words.isEmpty())
                m_page.paragraphs << words;
            break;
        }
        case GUMBO_TAG_SCRIPT:
            if (attribute(e, "type").trimmed().toLower() == u"application/ld+json") {
                QString text;
                textContent(node, text);
                m_page.jsonLd << text;
            } else {
                m_scripts = true;
            }
            break;
        default: break;
        }
    }

    void anchor(const GumboNode *node, const Context &context)
    {
        const GumboElement &e = node->v.element;
        Anchor a;
        a.rawHref = attribute(e, "href", &a.hasHref);
        a.href = a.hasHref ? resolve(m_base, a.rawHref) : QString();
        a.role = attribute(e, "role");
        a.name = attribute(e, "name");
        a.id = attribute(e, "id");
        a.rel = attribute(e, "rel");
        for (unsigned i = 0; i < e.attributes.length; ++i)
            a.attributeNames << utf8(static_cast<const GumboAttribute *>(e.attributes.data[i])->name).toLower();
        QString text;
        if (context.inSvg || notRendered(e)) {
            textContent(node, text); // an anchor not rendered gives its textContent, as innerText does
        } else {
            for (unsigned i = 0; i < e.children.length; ++i)
                renderedText(static_cast<const GumboNode *>(e.children.data[i]), text);
        }
        a.text = collapsed(text);
        a.textLang = textLanguage(node, context);
        a.listens = context.listening;
        a.place = placeOf(node);
        m_page.anchors << a;
    }

    // Lighthouse's reading of a link's language: the only lang of the document when it is on <html> or
    // <body>; else the lang around the link's text, unless its parts disagree; else the link's own.
    std::optional<QString> textLanguage(const GumboNode *node, const Context &context) const
    {
        if (m_langCount == 1 && m_onlyLangOnRoot)
            return m_onlyLang.isEmpty() ? std::nullopt : std::optional<QString>(m_onlyLang);
        std::optional<QString> found;
        bool disagree = false;
        std::vector<std::pair<const GumboNode *, std::optional<QString>>> stack;
        const GumboElement &e = node->v.element;
        for (unsigned i = 0; i < e.children.length; ++i)
            stack.emplace_back(static_cast<const GumboNode *>(e.children.data[i]), context.lang);
        while (!stack.empty() && !disagree) {
            auto [child, lang] = stack.back();
            stack.pop_back();
            if (child->type != GUMBO_NODE_ELEMENT)
                continue;
            bool present = false;
            const QString own = attribute(child->v.element, "lang", &present);
            if (present)
                lang = own;
            QString text;
            textContent(child, text);
            if (!text.isEmpty() && lang && !lang->isEmpty()) {
                if (!found)
                    found = lang;
                else if (found->section(u'-', 0, 0) != lang->section(u'-', 0, 0))
                    disagree = true;
            }
            for (unsigned i = 0; i < child->v.element.children.length; ++i)
                stack.emplace_back(static_cast<const GumboNode *>(child->v.element.children.data[i]), lang);
        }
        if (disagree)
            return std::nullopt;
        if (found)
            return found;
        return context.lang && !context.lang->isEmpty() ? context.lang : std::nullopt;
    }

    void image(const GumboNode *node, const Context &context)
    {
        const GumboElement &e = node->v.element;
        Image img;
        img.visible = !context.hidden;
        img.alt = attribute(e, "alt", &img.hasAlt);
        img.ariaLabel = attribute(e, "aria-label");
        img.title = attribute(e, "title");
        img.role = attribute(e, "role").trimmed().toLower();
        for (const QString &id : attribute(e, "aria-labelledby").split(u' ', Qt::SkipEmptyParts))
            if (const GumboNode *labelled = m_ids.value(id)) {
                QString text;
                textContent(labelled, text);
                img.ariaLabelledByText += text;
            }
        img.place = placeOf(node);
        m_page.images << img;
    }

public:
    bool scripts() const { return m_scripts; }

private:
    Page &m_page;
    QUrl m_base;
    bool m_baseSeen = false;
    bool m_scripts = false;
    int m_langCount = 0;
    QString m_onlyLang;
    bool m_onlyLangOnRoot = false;
    QHash<QString, const GumboNode *> m_ids;
};

} // namespace

QList<QByteArray> ServedPage::headerValues(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            out << value;
    return out;
}

const MetaTag *Page::meta(const QString &name) const
{
    for (const MetaTag &m : metas)
        if (m.inHead && m.name == name)
            return &m;
    return nullptr;
}

Result<Page> Page::parse(const ServedPage &served)
{
    if (served.body.size() > kMaxBodyBytes)
        return Error(QString(errc::seoPage), tr("The page at %1 is larger than %2 MiB; it is not analysed.")
                                                 .arg(served.url.toDisplayString())
                                                 .arg(kMaxBodyBytes / (1024 * 1024)));
    // Decoded from its charset (UTF-8 when it names none or one Qt does not know), then given to the
    // parser as UTF-8.
    QStringDecoder decoder(charsetOf(served).toLatin1().constData());
    const QString source = decoder.isValid() ? decoder.decode(served.body) : QString::fromUtf8(served.body);
    const HtmlLimits::Depth depth = HtmlLimits::measure(source);
    if (depth.deepest > HtmlLimits::kMaxDepth)
        return Error(QString(errc::seoPage), tr("The page at %1 nests elements deeper than %2 (line %3, <%4>); it is not analysed.")
                                                 .arg(served.url.toDisplayString())
                                                 .arg(HtmlLimits::kMaxDepth)
                                                 .arg(depth.line)
                                                 .arg(depth.element));
    const html::GumboDocument parsed(source.toUtf8());
    const GumboOutput *output = parsed.output;
    Page page;
    page.served = served;
    linkHeaders(served, page.links);
    Walk walk(page, served.url);
    walk.run(output->document);
    // The words a reader sees.
    if (const GumboNode *root = output->root) {
        QString text;
        renderedText(root, text);
        page.bodyText = collapsed(text).trimmed();
    }
    // A page a script builds: scripts, and next to no words or links to read.
    const qsizetype words = page.bodyText.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size();
    page.scriptBuilt = walk.scripts() && words < 20 && page.anchors.size() < 3;
    return page;
}

} // namespace lux::seo
