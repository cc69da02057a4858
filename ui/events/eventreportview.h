// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventreport.h"

#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QProgressBar;

namespace lux::ui {

class AppSession;

// An event's report: confirmed, pending, waiting, cancelled, attended and no-shows as tiles,
// registrations and cancellations per day, and where the registrations came from. Read off the GUI
// thread.
class EventReportView : public QWidget
{
    Q_OBJECT
public:
    enum Tile { Confirmed, Pending, Waiting, Cancelled, Attended, NoShows, TileCount };

    explicit EventReportView(AppSession &session, QWidget *parent = nullptr);

    void setEvent(const events::Event &event); // id 0: none
    void refresh();
    const EventReport &report() const { return m_report; }
    QChartView *chartView() const { return m_chartView; }
    QLabel *tileValue(Tile tile) const { return m_values.at(tile); }

Q_SIGNALS:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showReport(const EventReport &r);

    AppSession &m_session;
    events::Event m_event;
    EventReport m_report;
    int m_generation = 0;
    bool m_stale = false; // the event changed while the tab was hidden: read when shown
    QList<QLabel *> m_values;
    QList<QLabel *> m_notes;
    QLabel *m_note;
    QChart *m_chart;
    QChartView *m_chartView;
    QList<QProgressBar *> m_sourceBars;
    QList<QLabel *> m_sourceCounts;
};

} // namespace lux::ui
