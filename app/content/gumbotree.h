// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every walk over a gumbo tree needs (the email's text and checks, the SEO page analysis): the
// parsed document that frees itself, an element's attributes and a node's children. For .cpp files
// of the core only (gumbo is linked privately).

#include <QByteArray>
#include <QString>

#include <gumbo.h>

namespace lux::html {

// A parsed document that frees itself. Columns count characters (a tab is one), as editors do.
struct GumboDocument
{
    explicit GumboDocument(const QByteArray &utf8) : bytes(utf8)
    {
        GumboOptions options = kGumboDefaultOptions;
        options.tab_stop = 1;
        output = gumbo_parse_with_options(&options, bytes.constData(), size_t(bytes.size()));
    }
    ~GumboDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
    GumboDocument(const GumboDocument &) = delete;
    GumboDocument &operator=(const GumboDocument &) = delete;

    QByteArray bytes; // gumbo's tree points into them
    GumboOutput *output;
};

// The attribute's value ('' when absent; `present` says which).
inline QString attribute(const GumboElement &e, const char *name, bool *present = nullptr)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    if (present)
        *present = a != nullptr;
    return a ? QString::fromUtf8(a->value) : QString();
}

// A node's children (a template's are its content); nullptr for text and comments.
inline const GumboVector *childrenOf(const GumboNode *node)
{
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT: return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return &node->v.element.children;
    default: return nullptr;
    }
}

} // namespace lux::html
