// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the HTML walks of the email content: the HTML-to-text walk (PlainText),
// the cutting of unsafe markup (SafeHtml) and the pre-send checks, on any HTML that passes
// HtmlLimits::check, as production runs them. What it holds to: nothing crashes, overflows or leaks
// (ASan, UBSan); HTML that SafeHtml cleaned completely has nothing unsafe left in it; the text walk
// gives the same text from a document however it is reached; and gumbo's tree is never much deeper
// than HtmlLimits measured (implied tbody and the like add a level here and there, never a factor
// more: the reopened formatting elements once did).
//   cmake --preset fuzz && cmake --build build/fuzz --target htmltext_fuzz
//   nice -n 10 build/fuzz/tests/fuzz/htmltext_fuzz -max_total_time=600 -max_len=8192 tests/fuzz/corpus/htmltext
#include "common/htmllimits.h"
#include "content/emailhtml.h"

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

using namespace lux::content;

namespace {
int treeDepth(const GumboNode *root)
{
    int deepest = 0;
    std::vector<std::pair<const GumboNode *, int>> stack{{root, 0}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE && node->type != GUMBO_NODE_DOCUMENT)
            continue;
        const GumboVector &children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i)
            stack.emplace_back(static_cast<const GumboNode *>(children.data[i]), depth + 1);
    }
    return deepest;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!lux::HtmlLimits::check(html, QStringLiteral("input")).ok()) {
        // Refused before any parse: the walks give nothing back.
        if (!PlainText::fromHtml(html).isEmpty() || SafeHtml::clean(html).complete)
            std::abort();
        return 0;
    }
    {
        const QByteArray utf8 = html.toUtf8();
        GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
        const int measured = lux::HtmlLimits::measure(html, 1 << 30).deepest;
        const int depth = treeDepth(output->document) - 2; // the document, then html and body
        gumbo_destroy_output(&kGumboDefaultOptions, output);
        if (depth > 2 * measured + 4)
            std::abort(); // HtmlLimits let through a document the parser nests far deeper
    }
    const QString text = PlainText::fromHtml(html);
    const SafeHtml::Cleaned cleaned = SafeHtml::clean(html, true);
    if (cleaned.complete) {
        if (!SafeHtml::find(cleaned.html).isEmpty())
            std::abort(); // something unsafe survived the cleaning
        if (cleaned.removed.isEmpty() && (cleaned.html != html || cleaned.text != text))
            std::abort(); // nothing to cut, yet the message or its text changed
    }

    PreSendCheck::Input in;
    in.subject = QStringLiteral("Fuzz");
    in.source = html;
    in.compiled = MergeTemplate::compile(html, MergeFields::standard());
    in.sampleHtml = cleaned.html;
    in.sampleRemoved = cleaned.removed;
    for (const Finding &f : PreSendCheck::run(in))
        if (f.where == Finding::Where::Body && (f.line < 0 || f.column < 0))
            std::abort();
    return 0;
}
