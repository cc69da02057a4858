// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIconEngine>

namespace lux::ui {

// Renders a line icon whose SVG strokes with currentColor, in the colour the current theme gives the
// icon's mode, at the exact size and device pixel ratio asked for: crisp on HiDPI, and following a
// theme switch at the next paint without being made again.
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("lux-svg"); }

private:
    QByteArray svgFor(QIcon::Mode mode) const;

    QByteArray m_svg;
};

} // namespace lux::ui
