// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mergetemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lux::content {

// The text alternative of an email, from its HTML (parsed with gumbo, as a browser would):
// headings on their own lines (underlined), list items with "-" or "1.", table rows on lines, images
// by their alt text, links as numbered references listed at the end ("Read more [1]" … "[1] https://…"),
// hidden elements (display:none, such as a preheader) and head, style and script left out.
class PlainText
{
public:
    static QString fromHtml(const QString &html);
};

// One finding of the pre-send checks.
struct Finding
{
    enum class Severity { Error, Warning, Info };
    enum class Where { Subject, Preheader, Body, TextPart };
    Severity severity;
    QString code; // stable: "merge.unknown", "unsubscribe.missing", …
    QString message;
    Where where = Where::Body;
    int line = 0;   // 1-based in the template source; 0 when it concerns the whole message
    int column = 0;

    static QString severityName(Severity s); // "error", "warning", "info"
    static QString whereName(Where w);       // "subject", "preheader", "body"
};

// What a campaign must pass before it is scheduled (errors block; warnings need an acknowledgement):
// merge tag problems; no unsubscribe link; no postal address; images without alt text; a message over
// Gmail's 102 KB clipping limit; malformed links; no preheader; subject length; common spam-trigger
// patterns. Body locations are lines and columns in the template source.
class PreSendCheck
{
    Q_DECLARE_TR_FUNCTIONS(lux::content::PreSendCheck)
public:
    struct Input
    {
        QString subject;
        QString preheader;
        QString source;        // the template as written (HTML after Markdown, components included)
        MergeTemplate compiled; // the same, compiled
        QString sampleHtml;    // rendered for one contact (for the size)
        QString postalAddress; // the brand kit's, if any
    };
    static constexpr qsizetype kGmailClipBytes = 102 * 1024;

    static QList<Finding> run(const Input &input);
    static bool blocks(const QList<Finding> &findings); // any error
};

} // namespace lux::content
