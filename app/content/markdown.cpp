// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace lux::content {

QString Markdown::toHtml(const QString &markdown)
{
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    // Merge tags become plain words for the parser, then come back.
    static const QRegularExpression tag(QStringLiteral(R"(\{\{\{?[^}]*\}?\}\})"));
    QStringList tags;
    QString protectedText;
    qsizetype last = 0;
    for (auto it = tag.globalMatch(markdown); it.hasNext();) {
        const auto m = it.next();
        protectedText += markdown.mid(last, m.capturedStart() - last);
        protectedText += QStringLiteral("LUXMERGETAG%1X").arg(tags.size());
        tags << m.captured();
        last = m.capturedEnd();
    }
    protectedText += markdown.mid(last);

    const int options = CMARK_OPT_UNSAFE | CMARK_OPT_SMART;
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), &cmark_parser_free);
    for (const char *name : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension *ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    const QByteArray utf8 = protectedText.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), size_t(utf8.size()));
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(cmark_parser_finish(parser.get()), &cmark_node_free);
    char *rendered = cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    QString html = QString::fromUtf8(rendered);
    std::free(rendered);

    for (qsizetype i = 0; i < tags.size(); ++i) { // the X ends each number: "…1X" is never part of "…12X"
        const QString placeholder = QStringLiteral("LUXMERGETAG%1X").arg(i);
        // A component or a section tag alone on its line is a block, not a paragraph of text.
        const QString inner = tags.at(i).mid(2).trimmed();
        if (inner.startsWith(u'>') || inner.startsWith(u'#') || inner.startsWith(u'^') || inner.startsWith(u'/'))
            html.replace(QStringLiteral("<p>") + placeholder + QStringLiteral("</p>"), tags.at(i));
        html.replace(placeholder, tags.at(i));
    }
    return html;
}

} // namespace lux::content
