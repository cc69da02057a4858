// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIconEngine>

namespace lux::ui {

// Renders a line icon whose SVG strokes with currentColor in the colour of the icon's mode, at the
// exact size and device pixel ratio asked for: crisp on HiDPI, themed without separate files.
class SvgIconEngine : public QIconEngine
{
public:
    struct Colors
    {
        QColor normal;
        QColor disabled;
        QColor active;
        QColor selected;
    };
    SvgIconEngine(QByteArray svg, Colors colors);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("lux-svg"); }

private:
    QByteArray svgFor(QIcon::Mode mode) const;

    QByteArray m_svg;
    Colors m_colors;
};

} // namespace lux::ui
