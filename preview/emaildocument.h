// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class QPainter;

namespace lux::preview {

// Which local images the preview reads (file: URLs, absolute paths, relative paths, CSS url()). A
// path is resolved (symbolic links and ".." included) before it is compared, and the file opened is
// compared again, where the kernel says it is, so neither a link, "../../" nor a link swapped in
// after the first check leads out of a folder. An image refused shows as a placeholder with its alt
// text and is listed in EmailDocument::problems().
struct ImagePolicy
{
    QStringList folders;       // local images are read from inside these only (the template's folder, a media library)
    bool anyLocalFile = false; // the user allowed every image this account can read
};

// How an email is laid out for preview.
struct PreviewOptions
{
    int width = 600;                         // CSS pixels: 600 or 800 desktop, 375 mobile
    QHash<QString, QByteArray> inlineImages; // cid: images, by Content-ID
    QHash<QString, QByteArray> remoteImages; // http(s) images the user chose to load, by URL; any other is blocked
    QString baseDirectory;                   // relative paths resolve against it; without it they are refused
    ImagePolicy images;                      // which local images may be read
    QString documentName;                    // names the document in errors ("welcome.html"); "the email" if empty
    bool emailAware = true;                  // off only to measure what the email-aware pass is worth
};

// The preview's limits. The HTML itself meets lux::HtmlLimits (size and nesting) before anything
// parses it; these bound what the images and the painted picture can cost.
struct PreviewLimits
{
    static constexpr int kMaxPaintHeight = 20000;              // CSS px painted into one picture (toImage) at 1x
    static constexpr int kMaxPaintWidth = 4000;                // CSS px, for a document an element widens past reason
    static constexpr qint64 kMaxImageFileBytes = 10 * 1024 * 1024; // one image's encoded bytes, from a file, cid: or the network
    static constexpr qsizetype kMaxDataUriChars = 2 * 1024 * 1024; // one data: URI, as written in the HTML
    static constexpr int kMaxImageSide = 10000;                // pixels, either side, as the image's header declares
    static constexpr qint64 kMaxImagePixels = 25'000'000;      // one image's area: 100 MB once decoded
    static constexpr qint64 kMaxDecodedBytes = 256 * 1024 * 1024; // every image of a document, decoded
};

// Real email HTML laid out with litehtml and painted through QPainter, without a web engine. Before
// layout, an email-aware pass turns the presentational attributes litehtml ignores (cellpadding,
// cellspacing, bgcolor, align, valign, width and height on tables and cells) into the CSS they
// stand for. Links are reported, never followed.
class EmailDocument
{
    Q_DECLARE_TR_FUNCTIONS(lux::preview::EmailDocument)
public:
    ~EmailDocument();
    // Fails when the HTML is over lux::HtmlLimits (html.too-large, html.too-deep): nothing parses it then.
    static lux::Result<std::unique_ptr<EmailDocument>> layout(const QString &html, const PreviewOptions &options);

    int width() const;
    int height() const;
    void paint(QPainter *painter, const QRect &clip) const;
    // The document on white, up to PreviewLimits::kMaxPaintHeight and kMaxPaintWidth; a document
    // taller than that is cut, with a band at the bottom that says so (and a preview.cut problem).
    QImage toImage(qreal devicePixelRatio = 1.0) const;

    QString linkAt(const QPoint &point) const; // the href under a point, empty if none
    const QSet<QString> &blockedImages() const; // remote images not loaded
    // What the preview left out, for the caller to show: images refused by the policy or the limits,
    // the picture cut at its height. Each has a preview.* or file.* code and a sentence for people.
    const QList<lux::Error> &problems() const;
    // The CSS the email-aware pass added (for tests and for the curious).
    static QString presentationalCss(const QString &html);

private:
    EmailDocument();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace lux::preview
