// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QString>

#include <memory>

class QPainter;

namespace lux::preview {

// How an email is laid out for preview.
struct PreviewOptions
{
    int width = 600;                         // CSS pixels: 600 or 800 desktop, 375 mobile
    QHash<QString, QByteArray> inlineImages; // cid: images, by Content-ID
    QHash<QString, QByteArray> remoteImages; // http(s) images the user chose to load, by URL; any other is blocked
    QString baseDirectory;                   // for relative and file paths
    bool emailAware = true;                  // off only to measure what the email-aware pass is worth
};

// Real email HTML laid out with litehtml and painted through QPainter, without a web engine. Before
// layout, an email-aware pass turns the presentational attributes litehtml ignores (cellpadding,
// cellspacing, bgcolor, align, valign, width and height on tables and cells) into the CSS they
// stand for. Links are reported, never followed.
class EmailDocument
{
public:
    ~EmailDocument();
    static std::unique_ptr<EmailDocument> layout(const QString &html, const PreviewOptions &options);

    int width() const;
    int height() const;
    void paint(QPainter *painter, const QRect &clip) const;
    QImage toImage(qreal devicePixelRatio = 1.0) const; // the whole document on white

    QString linkAt(const QPoint &point) const; // the href under a point, empty if none
    const QSet<QString> &blockedImages() const; // remote images not loaded
    // The CSS the email-aware pass added (for tests and for the curious).
    static QString presentationalCss(const QString &html);

private:
    EmailDocument();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace lux::preview
