// SPDX-License-Identifier: GPL-3.0-or-later
#include "svgiconengine.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace lux::ui {

SvgIconEngine::SvgIconEngine(QByteArray svg, Colors colors) : m_svg(std::move(svg)), m_colors(std::move(colors)) {}

QByteArray SvgIconEngine::svgFor(QIcon::Mode mode) const
{
    QColor c = m_colors.normal;
    switch (mode) {
    case QIcon::Disabled: c = m_colors.disabled; break;
    case QIcon::Active: c = m_colors.active; break;
    case QIcon::Selected: c = m_colors.selected; break;
    case QIcon::Normal: break;
    }
    QByteArray svg = m_svg;
    svg.replace("currentColor", c.name(QColor::HexRgb).toLatin1());
    return svg;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    QSvgRenderer renderer(svgFor(mode));
    renderer.render(painter, QRectF(rect));
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    // QIcon asks in device pixels and sets the device pixel ratio on the result itself.
    Q_UNUSED(scale);
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        paint(&p, QRect(QPoint(0, 0), pm.size()), mode, state);
    }
    return pm;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg, m_colors);
}

} // namespace lux::ui
