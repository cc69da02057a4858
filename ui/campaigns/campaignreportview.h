// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/campaignreport.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lux::ui {

class AppSession;

// A campaign's report: key figures with people and machines apart, opens and clicks over time,
// clicks per link, the most engaged contacts; for a text campaign, delivery receipts, failures by
// Twilio's code, opt-outs and cost instead of opens and bounces. Exported as CSV or PDF. Read off the
// GUI thread.
class CampaignReportView : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignReportView(AppSession &session, QWidget *parent = nullptr);

    void setCampaign(qint64 campaignId); // 0: none
    void refresh();
    const analytics::CampaignReport &report() const { return m_report; }
    QChartView *chartView() const { return m_chartView; }

    Status exportCsv(const QString &path);
    Status exportPdf(const QString &path);

Q_SIGNALS:
    void loaded();
    void exported(const QString &path, const QString &error);

private:
    void show(const analytics::CampaignReport &r);
    QByteArray renderPdf() const;
    void saveInBackground(const QString &path, QByteArray bytes);

    AppSession &m_session;
    qint64 m_campaignId = 0;
    int m_generation = 0;
    analytics::CampaignReport m_report;
    QList<QLabel *> m_tileTitles;
    QList<QLabel *> m_tileValues;
    QList<QLabel *> m_tileNotes;
    QLabel *m_note = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QTableWidget *m_links = nullptr;
    QTableWidget *m_engaged = nullptr;
    QTableWidget *m_failures = nullptr; // SMS: refused, undelivered and failed texts by Twilio's code
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPdf = nullptr;
};

} // namespace lux::ui
