// SPDX-License-Identifier: GPL-3.0-or-later
#include "seowidgets.h"

#include "seo/serpwidth.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace lux::ui {

namespace {

QColor scoreColour(int score)
{
    // Lighthouse's report colours.
    if (score < 50)
        return QColor(0xcc, 0x00, 0x00);
    if (score < 90)
        return QColor(0xc3, 0x3e, 0x00);
    return QColor(0x00, 0x80, 0x00);
}

QFont serpFont(int pixelSize)
{
    QFont f(seo::SerpWidth::family().isEmpty() ? QStringLiteral("Arial") : seo::SerpWidth::family());
    f.setPixelSize(pixelSize);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

} // namespace

ScoreGauge::ScoreGauge(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("SEO score"));
}

void ScoreGauge::setScore(int score)
{
    m_score = score;
    setAccessibleDescription(score < 0 ? QString() : tr("%1 out of 100").arg(score));
    setToolTip(score < 0 ? QString()
                         : tr("Lighthouse's SEO score: the share of its audits that pass, with whether search engines "
                              "may index the page weighing most."));
    update();
}

void ScoreGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(5, 5, -5, -5);
    const QColor colour = m_score < 0 ? palette().color(QPalette::Mid) : scoreColour(m_score);
    QColor track = colour;
    track.setAlphaF(0.15f);
    p.setPen(Qt::NoPen);
    p.setBrush(track);
    p.drawEllipse(r);
    if (m_score >= 0) {
        p.setPen(QPen(colour, 6, Qt::SolidLine, Qt::FlatCap));
        p.setBrush(Qt::NoBrush);
        p.drawArc(r.adjusted(3, 3, -3, -3), 90 * 16, -int(m_score * 360 * 16 / 100));
        QFont f = font();
        f.setPixelSize(int(r.height() * 0.38));
        f.setBold(true);
        p.setFont(f);
        p.setPen(colour);
        p.drawText(r, Qt::AlignCenter, QString::number(m_score));
    }
}

SerpPreview::SerpPreview(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Search result preview"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SerpPreview::setResult(const QUrl &url, const QString &title, const QString &description, int titlePixels, int descriptionPixels)
{
    m_url = url;
    const seo::SerpLine t = seo::SerpWidth::fit(title.simplified(), seo::SerpWidth::kTitlePixelSize, titlePixels);
    const seo::SerpLine d = seo::SerpWidth::fit(description.simplified(), seo::SerpWidth::kDescriptionPixelSize, descriptionPixels);
    m_title = t.shown;
    m_titleCut = t.truncated;
    m_description = d.shown;
    m_descriptionCut = d.truncated;
    setAccessibleDescription(m_title + u'\n' + m_description);
    update();
}

void SerpPreview::clear()
{
    m_url = {};
    m_title.clear();
    m_description.clear();
    m_titleCut = m_descriptionCut = false;
    update();
}

QSize SerpPreview::sizeHint() const
{
    return {kResultWidth + 32, 144};
}

QSize SerpPreview::minimumSizeHint() const
{
    return {320, 144};
}

void SerpPreview::paintEvent(QPaintEvent *)
{
    // Drawn as Google's light results page, whatever the app's theme: it is a picture of that page.
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF card = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QColor(0xda, 0xdc, 0xe0));
    p.setBrush(Qt::white);
    p.drawRoundedRect(card, 8, 8);
    if (m_url.isEmpty())
        return;
    // Narrower than a result: drawn smaller, never cut differently from what the analysis measured.
    const qreal full = kResultWidth + 32;
    if (card.width() < full) {
        const qreal s = card.width() / full;
        p.translate(0, (card.height() - card.height() * s) / 2);
        p.scale(s, s);
    }
    const qreal x = 16;
    qreal y = 14;
    const qreal width = kResultWidth;

    // The site's icon (a circle with its first letter), its name and the address as a breadcrumb.
    const QString host = m_url.host().startsWith(QLatin1String("www.")) ? m_url.host().mid(4) : m_url.host();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf1, 0xf3, 0xf4));
    p.drawEllipse(QRectF(x, y, 26, 26));
    p.setPen(QColor(0x5f, 0x63, 0x68));
    p.setFont(serpFont(13));
    p.drawText(QRectF(x, y, 26, 26), Qt::AlignCenter, host.left(1).toUpper());
    p.setPen(QColor(0x20, 0x21, 0x24));
    p.setFont(serpFont(14));
    p.drawText(QRectF(x + 38, y - 2, width - 38, 18), Qt::AlignLeft | Qt::AlignVCenter, host);
    QStringList crumbs{m_url.scheme() + QStringLiteral("://") + m_url.host()};
    for (const QString &part : m_url.path().split(u'/', Qt::SkipEmptyParts))
        crumbs << part;
    p.setPen(QColor(0x4d, 0x51, 0x56));
    p.setFont(serpFont(12));
    const QString breadcrumb = QFontMetricsF(serpFont(12)).elidedText(crumbs.join(QStringLiteral(" › ")), Qt::ElideRight, width - 38);
    p.drawText(QRectF(x + 38, y + 14, width - 38, 16), Qt::AlignLeft | Qt::AlignVCenter, breadcrumb);
    y += 38;

    // The title, one line, as the analysis cut it.
    p.setPen(QColor(0x1a, 0x0d, 0xab));
    p.setFont(serpFont(seo::SerpWidth::kTitlePixelSize));
    p.drawText(QRectF(x, y, kResultWidth + 16, 26), Qt::AlignLeft | Qt::AlignVCenter,
               m_title.isEmpty() ? m_url.host() : m_title);
    y += 32;

    // The description, wrapped in the result's column; the limit is two lines' worth.
    QTextLayout layout(m_description, serpFont(seo::SerpWidth::kDescriptionPixelSize));
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal lineY = 0;
    for (int lines = 0; lines < 3; ++lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, lineY));
        lineY += 22;
    }
    layout.endLayout();
    p.setPen(QColor(0x4d, 0x51, 0x56));
    layout.draw(&p, QPointF(x, y));
}

} // namespace lux::ui
