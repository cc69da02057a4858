// SPDX-License-Identifier: GPL-3.0-or-later
#include "svgiconengine.h"

#include "theme.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace lux::ui {

SvgIconEngine::SvgIconEngine(QByteArray svg) : m_svg(std::move(svg)) {}

QByteArray SvgIconEngine::svgFor(QIcon::Mode mode) const
{
    const QColor c = Theme::iconColor(mode);
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
    return new SvgIconEngine(m_svg);
}

} // namespace lux::ui
