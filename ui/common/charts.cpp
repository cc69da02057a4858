// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPalette>
#include <QPen>
#include <QValueAxis>

namespace lux::ui::charts {

QLineSeries *addLine(QChart *chart, const QString &name, const QColor &colour, bool machine, const QList<QPointF> &points)
{
    auto *s = new QLineSeries;
    s->setName(name);
    QColor c = colour;
    if (machine)
        c.setAlphaF(0.55);
    QPen pen(c);
    pen.setWidthF(2);
    if (machine)
        pen.setStyle(Qt::DashLine);
    s->setPen(pen);
    s->append(points);
    chart->addSeries(s);
    return s;
}

void setTimeAxes(QChart *chart, const QString &dateFormat, qint64 top, const QPalette &palette, int dateTicks)
{
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    auto *x = new QDateTimeAxis;
    x->setFormat(dateFormat);
    if (dateTicks > 0)
        x->setTickCount(dateTicks);
    const qint64 step = std::max<qint64>(1, (std::max<qint64>(top, 1) + 3) / 4);
    auto *y = new QValueAxis;
    y->setRange(0, double(step * 4));
    y->setTickCount(5);
    y->setLabelFormat(QStringLiteral("%d"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Mid));
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void clear(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
}

} // namespace lux::ui::charts
