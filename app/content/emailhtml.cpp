// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailhtml.h"

#include <QRegularExpression>
#include <QUrl>

#include <gumbo.h>

#include <memory>

namespace lux::content {

namespace {

// A parsed document that frees itself.
struct Parsed
{
    explicit Parsed(const QByteArray &utf8) : bytes(utf8)
    {
        GumboOptions options = kGumboDefaultOptions;
        options.tab_stop = 1; // columns count characters, as the editor does
        output = gumbo_parse_with_options(&options, bytes.constData(), size_t(bytes.size()));
    }
    ~Parsed() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
    Q_DISABLE_COPY_MOVE(Parsed)

    QByteArray bytes;
    GumboOutput *output;
};

QString attribute(const GumboElement &e, const char *name, bool *present = nullptr)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    if (present)
        *present = a != nullptr;
    return a ? QString::fromUtf8(a->value) : QString();
}

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

void walkText(const GumboNode *node, TextWriter &w, QList<ListState> &lists)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        w.inlineText(QString::fromUtf8(node->v.text.text));
        return;
    }
    if (node->type == GUMBO_NODE_WHITESPACE) {
        w.space();
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
        return;
    const GumboVector *children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    const auto walkChildren = [&] {
        for (unsigned i = 0; i < children->length; ++i)
            walkText(static_cast<const GumboNode *>(children->data[i]), w, lists);
    };
    if (node->type == GUMBO_NODE_DOCUMENT) {
        walkChildren();
        return;
    }
    const GumboElement &e = node->v.element;
    switch (e.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOSCRIPT:
        return;
    default: break;
    }
    if (isHidden(e))
        return;
    switch (e.tag) {
    case GUMBO_TAG_BR:
        w.lineBreak();
        return;
    case GUMBO_TAG_IMG: {
        const QString alt = attribute(e, "alt").trimmed();
        if (!alt.isEmpty()) {
            w.inlineText(QString());
            w.space();
            w.inlineText(alt);
            w.space();
        }
        return;
    }
    case GUMBO_TAG_HR:
        w.paragraph();
        w.raw(QStringLiteral("----------"));
        w.paragraph();
        return;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: {
        w.paragraph();
        walkChildren();
        const QString heading = w.currentLine().trimmed();
        w.block();
        if (!heading.isEmpty() && (e.tag == GUMBO_TAG_H1 || e.tag == GUMBO_TAG_H2)) {
            w.raw(QString(heading.size(), e.tag == GUMBO_TAG_H1 ? u'=' : u'-'));
            w.block();
        }
        w.paragraph();
        return;
    }
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
        w.paragraph();
        lists.append({e.tag == GUMBO_TAG_OL, 1});
        walkChildren();
        lists.removeLast();
        w.paragraph();
        return;
    case GUMBO_TAG_LI: {
        w.block();
        QString marker = QStringLiteral("- ");
        if (!lists.isEmpty() && lists.constLast().ordered)
            marker = QStringLiteral("%1. ").arg(lists.last().next++);
        w.raw(QString(qMax<qsizetype>(0, lists.size() - 1) * 2, u' ') + marker);
        walkChildren();
        w.block();
        return;
    }
    case GUMBO_TAG_A: {
        const QString href = attribute(e, "href").trimmed();
        const QString before = w.currentLine();
        walkChildren();
        if (href.isEmpty() || href.startsWith(u'#'))
            return;
        const QString label = w.currentLine().mid(before.size()).trimmed();
        QString shown = href;
        if (shown.startsWith(QLatin1String("mailto:")))
            shown = shown.mid(7);
        if (label.isEmpty() || label == shown || label == href) {
            if (label.isEmpty())
                w.inlineText(shown);
            return;
        }
        w.space();
        w.inlineText(QStringLiteral("[%1]").arg(w.addLink(href)));
        return;
    }
    case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE:
        w.paragraph();
        walkChildren();
        w.paragraph();
        return;
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
        w.block();
        walkChildren();
        w.block();
        return;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        w.space();
        walkChildren();
        w.space();
        return;
    default:
        walkChildren();
        return;
    }
}

template<typename Fn>
void forEachElement(const GumboNode *node, Fn &&fn)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
        return;
    if (node->type == GUMBO_NODE_ELEMENT)
        fn(node->v.element);
    const GumboVector *children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    for (unsigned i = 0; i < children->length; ++i)
        forEachElement(static_cast<const GumboNode *>(children->data[i]), fn);
}

} // namespace

QString PlainText::fromHtml(const QString &html)
{
    Parsed parsed(html.toUtf8());
    TextWriter writer;
    QList<ListState> lists;
    walkText(parsed.output->document, writer, lists);
    return writer.finish();
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
    Parsed parsed(in.source.toUtf8());
    forEachElement(parsed.output->document, [&](const GumboElement &e) {
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
            return;
        bool hasHref = false;
        const QString href = attribute(e, "href", &hasHref).trimmed();
        if (!hasHref || href.contains(QLatin1String("{{")))
            return; // an anchor, or a merge tag checked above
        if (href.isEmpty() || href == QLatin1String("#")) {
            add(S::Warning, "link.empty", tr("A link goes nowhere (href=\"%1\").").arg(href), W::Body, line, column);
            return;
        }
        const QUrl url(href, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("javascript") || scheme == QLatin1String("data")) {
            add(S::Error, "link.unsafe", tr("A %1: link is blocked by every mail client.").arg(scheme), W::Body, line, column);
            return;
        }
        const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https");
        if (!url.isValid() || href.contains(u' ')
            || (!web && scheme != QLatin1String("mailto") && scheme != QLatin1String("tel"))
            || (web && !url.host().contains(u'.'))) {
            add(S::Error, "link.malformed", tr("“%1” is not a valid link; use a full address such as https://example.com/page.")
                                                .arg(href.left(80)),
                W::Body, line, column);
            return;
        }
        if (scheme == QLatin1String("http"))
            add(S::Info, "link.http", tr("“%1” is not encrypted; prefer https.").arg(href.left(80)), W::Body, line, column);
    });

    // Spam-trigger phrases, in the subject and the text.
    static const QList<const char *> phrases = {"100% free", "act now", "buy now", "cash bonus", "click here", "double your",
                                                "earn money", "guaranteed", "limited time", "no cost", "risk-free",
                                                "risk free", "winner", "you have been selected", "urgent", "$$$", "!!!"};
    const QString text = PlainText::fromHtml(in.source).toLower();
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
