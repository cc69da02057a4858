// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QStringView>

namespace lux {

// The limits every piece of HTML meets before a parser, a renderer or a walk sees it (a template
// saved or imported, checked, rendered to text or to a PNG). gumbo, litehtml and the text walk build
// or visit trees by recursion; a document nested tens of thousands deep overflows the stack, so the
// depth is measured here first, without building a tree, in one pass over the text.
class HtmlLimits
{
    Q_DECLARE_TR_FUNCTIONS(lux::HtmlLimits)
public:
    // Chromium's HTML parser stops nesting at 512 (kMaximumHTMLParserDOMTreeDepth); real email,
    // Outlook ghost tables inside hybrid layouts included, stays under 100.
    static constexpr int kMaxDepth = 512;
    // Gmail clips a message at 102 KB; 5 MiB of source leaves room for inline images' data URIs and
    // a generous editor history while keeping every pass over it in the milliseconds.
    static constexpr qsizetype kMaxChars = 5 * 1024 * 1024;

    struct Depth
    {
        int deepest = 0;
        // Where the deepest element opens, 1-based in the source.
        int line = 0;
        int column = 0;
        QString element;
    };

    // The deepest element nesting, as a browser's tree would have it: void elements and raw text
    // (script, style, comments) add nothing, and the elements whose end tag is optional (p, li, td,
    // tr, option …) close the way the HTML parser closes them. A scan stops counting once the depth
    // passes `stopAt` (the answer is then stopAt + 1 with that element's place).
    static Depth measure(QStringView html, int stopAt = kMaxDepth);

    // Size then depth; the error names the limit and where it was crossed ("line 12, column 7, <table>").
    // `what` names the document in the message ("welcome.html", "the template").
    static Status check(QStringView html, const QString &what, int maxDepth = kMaxDepth,
                        qsizetype maxChars = kMaxChars);
};

} // namespace lux
