// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lux::content {

// Markdown templates to HTML with cmark-gfm and GitHub's extensions (tables, strikethrough, autolinks,
// task lists). Merge tags pass through untouched, also inside link targets (where CommonMark would
// percent-encode the braces), and raw HTML is kept: templates are the marketer's own writing.
class Markdown
{
public:
    static QString toHtml(const QString &markdown);
};

} // namespace lux::content
