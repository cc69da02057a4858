// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "seo/contentchecks.h"

#include <QCoreApplication>
#include <QString>

namespace lux::seo {

// A search result's line as Google's results page draws it: the text shown, its width, and whether it
// was cut (and "…" added).
struct SerpLine
{
    QString shown;
    double width = 0; // of the whole text, in pixels
    bool truncated = false;
};

// Widths as Google's desktop results page draws text: Arial, 20 px titles and 14 px descriptions,
// measured with Qt's font metrics on Arial or the metric-compatible Liberation Sans (the same advance
// widths). Needs a QGuiApplication (fonts); luxctl makes one for the commands that measure.
class SerpWidth
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::SerpWidth)
public:
    static constexpr int kTitlePixelSize = 20;
    static constexpr int kDescriptionPixelSize = 14;

    // The family the widths are measured in ("Liberation Sans", "Arial"); empty when neither is
    // installed (the widths are then the fallback font's and approximate).
    static QString family();
    static double width(const QString &text, int pixelSize);
    // The text as a result shows it within `maxWidth`: cut at a word where it can be, "…" added.
    static SerpLine fit(const QString &text, int pixelSize, double maxWidth);
    // A title or description wider than the result shows (settings seo.title_pixels and
    // seo.description_pixels), or missing words the result would show.
    static QList<Finding> findings(const Page &page, int titlePixels, int descriptionPixels);
};

} // namespace lux::seo
