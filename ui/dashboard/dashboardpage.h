// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/campaignreport.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;

namespace lux::ui {

class AppSession;

// Facts about the open database; later features add their own cards.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(AppSession &session, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QLabel *addCard(const QString &id, const QString &label, const QString &icon, int row, int column);
    void countContactsInBackground();
    void loadEngagement();
    // Each channel's days (email, then texts), shown side by side in the one chart and notes.
    void showEngagement(const QList<analytics::ReportBuilder::Day> &days, const QList<analytics::ReportBuilder::Day> &texts);

    AppSession &m_session;
    QLabel *m_greeting;
    QLabel *m_path;
    QLabel *m_warning;
    QGridLayout *m_grid;
    QLabel *m_engagementNote = nullptr;
    QLabel *m_textsNote = nullptr;
    QChart *m_engagement = nullptr;
    QChartView *m_engagementView = nullptr;
    QHash<QString, QLabel *> m_values;
    QFutureWatcher<QList<qint64>> m_counting;
    QList<QPair<QLabel *, QString>> m_icons; // label, icon name: pixmaps are redrawn on theme change
};

} // namespace lux::ui
