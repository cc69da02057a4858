// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QToolButton;
class QTreeWidget;

namespace lux::ui {

class AppSession;
class ScoreGauge;
class SeoWorker;
class SerpPreview;

// SEO: a page's analysis (an address, a focus keyphrase, and whether it is an intranet site; the
// score, the search result as Google draws it with its cuts, Lighthouse's audits in its two groups
// and the checks beyond them, each finding with where, why and the fix; exported as PDF or CSV).
// Fetching and parsing run on SeoWorker's thread, with a Stop.
class SeoPage : public QWidget
{
    Q_OBJECT
public:
    explicit SeoPage(AppSession &session, QWidget *parent = nullptr);
    ~SeoPage() override;

    void analyze(); // the address and keyphrase typed
    void stop();
    bool isBusy() const { return m_ticket != 0; }
    Status exportCsv(const QString &path);
    Status exportPdf(const QString &path);

    const QJsonObject &analysis() const { return m_analysis; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *keyphraseEdit() const { return m_keyphrase; }
    QCheckBox *allowPrivateBox() const { return m_allowPrivate; }
    QTreeWidget *findingsView() const { return m_findings; }
    QTextBrowser *detailView() const { return m_detail; }
    SerpPreview *preview() const { return m_preview; }
    ScoreGauge *gauge() const { return m_gauge; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void analyzed();
    void analysisFailed(const QString &message);
    void exported(const QString &path, const QString &error);

private:
    QWidget *buildAnalysisTab();
    void setBusy(bool busy);
    void showAnalysis(const QJsonObject &analysis);
    void fillFindings(const QJsonObject &analysis);
    void showDetail();
    void saveInBackground(const QString &path, QByteArray bytes);

    AppSession &m_session;
    SeoWorker *m_worker;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_keyphrase = nullptr;
    QCheckBox *m_allowPrivate = nullptr;
    QPushButton *m_analyze = nullptr;
    QToolButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QStackedWidget *m_stack = nullptr;
    ScoreGauge *m_gauge = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_summary = nullptr;
    SerpPreview *m_preview = nullptr;
    QLabel *m_widths = nullptr;
    QTreeWidget *m_findings = nullptr;
    QTextBrowser *m_detail = nullptr;
    QJsonObject m_analysis;
    int m_ticket = 0; // the analysis under way, 0: none
};

} // namespace lux::ui
