// SPDX-License-Identifier: GPL-3.0-or-later
#include "serpwidth.h"

#include <QFont>
#include <QFontDatabase>
#include <QFontMetricsF>

namespace lux::seo {

namespace {

QFont serpFont(int pixelSize)
{
    QFont font(SerpWidth::family().isEmpty() ? QStringLiteral("Arial") : SerpWidth::family());
    font.setPixelSize(pixelSize);
    font.setKerning(true);
    font.setHintingPreference(QFont::PreferNoHinting); // a browser's widths, not the screen's grid
    return font;
}

} // namespace

QString SerpWidth::family()
{
    static const QString found = [] {
        const QStringList families = QFontDatabase::families();
        for (const QString &f : {QStringLiteral("Arial"), QStringLiteral("Liberation Sans")})
            if (families.contains(f))
                return f;
        return QString();
    }();
    return found;
}

double SerpWidth::width(const QString &text, int pixelSize)
{
    return QFontMetricsF(serpFont(pixelSize)).horizontalAdvance(text);
}

SerpLine SerpWidth::fit(const QString &text, int pixelSize, double maxWidth)
{
    const QFontMetricsF metrics(serpFont(pixelSize));
    const QString clean = text.simplified();
    SerpLine line{clean, metrics.horizontalAdvance(clean), false};
    if (line.width <= maxWidth)
        return line;
    // The longest start that fits with " …", cut at a word when one ends in the last third.
    const QString ellipsis = QStringLiteral(" …");
    const double room = maxWidth - metrics.horizontalAdvance(ellipsis);
    qsizetype fits = 0;
    for (qsizetype n = 1; n <= clean.size() && metrics.horizontalAdvance(clean.left(n)) <= room; ++n)
        fits = n;
    qsizetype cut = fits;
    const qsizetype space = clean.lastIndexOf(u' ', fits);
    if (space > fits * 2 / 3)
        cut = space;
    line.shown = clean.left(cut).trimmed() + ellipsis;
    line.truncated = true;
    return line;
}

QList<Finding> SerpWidth::findings(const Page &page, int titlePixels, int descriptionPixels)
{
    QList<Finding> out;
    if (page.title && !page.title->isEmpty()) {
        const SerpLine title = fit(*page.title, kTitlePixelSize, titlePixels);
        if (title.truncated)
            out << Finding{QStringLiteral("title-width"), Severity::Warning, page.titlePlace,
                           tr("The title is %1 px wide; results show %2 px: “%3”.").arg(qRound(title.width)).arg(titlePixels).arg(title.shown),
                           tr("A cut title hides its end from searchers."), tr("Shorten it, the important words first.")};
    }
    if (const MetaTag *description = page.meta(QStringLiteral("description")); description && !description->content.trimmed().isEmpty()) {
        const SerpLine line = fit(description->content, kDescriptionPixelSize, descriptionPixels);
        if (line.truncated)
            out << Finding{QStringLiteral("description-width"), Severity::Notice, description->place,
                           tr("The description is %1 px wide; results show about %2 px.").arg(qRound(line.width)).arg(descriptionPixels),
                           tr("The end of a long description is cut off in results."), tr("Keep the point of it in the first sentence.")};
    }
    return out;
}

} // namespace lux::seo
