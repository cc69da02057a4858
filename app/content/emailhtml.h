// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mergetemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

struct GumboInternalNode; // gumbo's GumboNode

namespace lux::content {

// The text alternative of an email, from its HTML (parsed with gumbo, as a browser would):
// headings on their own lines (underlined), list items with "-" or "1.", table rows on lines, images
// by their alt text, links as numbered references listed at the end ("Read more [1]" … "[1] https://…"),
// hidden elements (display:none, such as a preheader) and head, style and script left out, and so is
// what SafeHtml leaves out of a message (frames, form controls, embedded objects, script links).
// The walk keeps its own stack: no depth of nesting can overflow the thread's.
class PlainText
{
public:
    // HTML over HtmlLimits gives an empty text without being parsed: check it first to say why.
    static QString fromHtml(const QString &html);
    // The walk over a parsed document (a GumboNode of type GUMBO_NODE_DOCUMENT or an element), at
    // any depth.
    static QString fromDocument(const GumboInternalNode *document);
};

// Markup that mail clients strip and spam filters score: it never reaches a recipient.
struct UnsafeMarkup
{
    enum class Kind {
        Script,       // <script>
        EventHandler, // an on…= attribute
        Frame,        // <iframe>, <frame>, <frameset>
        Form,         // <form> (its content stays)
        FormControl,  // <input>, <button>, <select>, <textarea>
        Embed,        // <embed>, <object>, <applet>
        Base,         // <base>
        Refresh,      // <meta http-equiv="refresh">
        ScriptUrl,    // a javascript: or vbscript: address in href, src, action …
    };
    Kind kind;
    QString element;   // "script", "img"
    QString attribute; // EventHandler and ScriptUrl: "onclick", "href"
    int line = 0;      // 1-based in the HTML it was found in
    int column = 0;
};

// The HTML part as it is sent: the unsafe markup cut out of the source, everything else byte for
// byte as written (no re-serialisation, so what the author wrote and tested is what goes out).
// Elements go with their content, except <form>, whose tags alone go; attributes go alone.
// Cutting can join text into new markup ("<scr<script></script>ipt>"), so the result is parsed again
// until nothing is left to cut, a few rounds at most; HTML that still hides some after that is
// refused (clean() gives no HTML and complete == false).
class SafeHtml
{
public:
    static constexpr int kMaxRounds = 8;

    struct Cleaned
    {
        QString html;
        QString text;                 // PlainText of html, when asked for
        QList<UnsafeMarkup> removed;  // what the first round found, in source order
        bool complete = true;
    };
    // html must be within HtmlLimits; an over-limit document gives nothing back (complete == false).
    static Cleaned clean(const QString &html, bool withText = false);
    // What clean() would cut in its first round, with places in html.
    static QList<UnsafeMarkup> find(const QString &html);
    // A javascript: or vbscript: address, as a browser reads it (whitespace and controls ignored).
    static bool isScriptUrl(const QString &url);
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
// patterns; markup that is removed from the message (SafeHtml), each with its place; HTML over
// HtmlLimits (an error, and nothing else of the body is checked). Body locations are lines and
// columns in the template source.
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
        QList<UnsafeMarkup> sampleRemoved; // what SafeHtml cut from sampleHtml (more than the source has: merged in)
    };
    static constexpr qsizetype kGmailClipBytes = 102 * 1024;

    static QList<Finding> run(const Input &input);
    static bool blocks(const QList<Finding> &findings); // any error
    // The findings for what SafeHtml removes ("unsafe.script", …: warnings, since the message goes
    // without it).
    static QList<Finding> unsafeMarkup(const QList<UnsafeMarkup> &found);
    // A finding that refuses the HTML outright (over HtmlLimits: its code is the error's code).
    static bool refuses(const Finding &finding);
};

} // namespace lux::content
