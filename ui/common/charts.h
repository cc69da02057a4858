// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

class QChart;
class QColor;
class QLineSeries;
class QPalette;

namespace lux::ui::charts {

// A time series line; machines' lines are the same hue, fainter and dashed, beside people's.
QLineSeries *addLine(QChart *chart, const QString &name, const QColor &colour, bool machine, const QList<QPointF> &points);

// Dates along the bottom (ms since the epoch) and whole numbers up to `top` on four even steps, in
// the palette's colours, attached to every series of the chart. `dateTicks` 0 keeps Qt's default.
void setTimeAxes(QChart *chart, const QString &dateFormat, qint64 top, const QPalette &palette, int dateTicks = 0);

// Empties the chart of series and axes.
void clear(QChart *chart);

} // namespace lux::ui::charts
