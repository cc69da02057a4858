// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace lux::seo {

// A page as it was served: its final address (after redirects), status, headers and body.
struct ServedPage
{
    QUrl url;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // as received, names in any case, repeats kept
    QByteArray body;

    // Every value of a header, its name compared without case.
    QList<QByteArray> headerValues(const QByteArray &name) const;
};

// Where something is in the page's source, for a finding: its line (1-based) and the start of its
// source text.
struct Place
{
    int line = 0;
    QString snippet;
};

struct MetaTag
{
    QString name; // lowercased, not trimmed (as a browser's meta.name.toLowerCase())
    QString content;
    QString property; // Open Graph's
    bool inHead = true;
    Place place;
};

struct LinkTag
{
    enum class Source { Head, Body, Header };
    QString rel; // lowercased, whole (not split into tokens), as Lighthouse reads it
    QString href; // resolved against the page; the raw text when it does not parse; empty: none
    QString hrefRaw;
    QString hreflang;
    Source source = Source::Head;
    Place place;
};

struct Anchor
{
    bool hasHref = false;
    QString href;    // resolved ('' without an href; the raw text when it does not parse)
    QString rawHref; // the attribute as written ('' without one)
    QString role, name, id, rel;
    QString text;                    // as a browser's innerText would be, near enough (see page.cpp)
    std::optional<QString> textLang; // the language of its text; nullopt: not known (every language is checked)
    QStringList attributeNames;
    bool listens = false; // an on… handler on it or on an element around it
    Place place;
};

struct Image
{
    bool visible = true; // not hidden (hidden, aria-hidden, inert, display:none or visibility:hidden inline, template…)
    bool hasAlt = false;
    QString alt, ariaLabel, ariaLabelledByText, title, role;
    Place place;
};

struct Heading
{
    int level = 1;
    QString text;
    Place place;
};

// What the analysis reads of a page, from one walk over the tree an HTML5 parser builds (gumbo: head
// and body placed as a browser places them, so a <meta> after body content is in the body). Pages are
// read as served: scripts do not run (a page that builds its content with JavaScript is marked so).
struct Page
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::Page)
public:
    ServedPage served;
    std::optional<QString> title; // the first <title>'s text, whitespace collapsed; nullopt: none
    Place titlePlace;
    QString htmlLang;
    QList<MetaTag> metas;
    QList<LinkTag> links; // <link> elements and HTTP Link headers
    QList<Anchor> anchors;
    QList<Image> images;
    QList<Heading> headings;
    QStringList paragraphs; // each visible <p>'s text, in order
    QStringList jsonLd;   // the text of each <script type="application/ld+json">
    QString bodyText;     // the words a reader sees, for counts and readability
    bool scriptBuilt = false; // little text and a script that mounts the page: analysed as served

    // The first head <meta> named `name` (lowercase), as Lighthouse finds it.
    const MetaTag *meta(const QString &name) const;

    // Parses a served page. Refuses what no analysis should walk (a body over the fetch limit, nesting
    // deeper than a browser builds), saying why.
    static Result<Page> parse(const ServedPage &served);
};

} // namespace lux::seo
