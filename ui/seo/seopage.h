// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
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
class AssistantRunner;
class CrawlModel;
class ScoreGauge;
class SeoWorker;
class SerpPreview;
class SuggestionsDialog;

// SEO: a page's analysis (an address, a focus keyphrase, and whether it is an intranet site; the
// score, the search result as Google draws it with its cuts, Lighthouse's audits in its two groups
// and the checks beyond them, each finding with where, why and the fix; the address's earlier
// analyses; exported as PDF or CSV) and the site crawl (progress with Stop; the pages as a table with
// views for errors, duplicates, broken links, robots.txt's blocks and the changes since the crawl
// before; earlier crawls of the start page; CSV). Fetching, parsing and storing run on SeoWorker's
// threads; reads of the history and crawls on the database's worker.
class SeoPage : public QWidget
{
    Q_OBJECT
public:
    explicit SeoPage(AppSession &session, QWidget *parent = nullptr);
    ~SeoPage() override;

    enum Tab { PageTab, CrawlTab };

    void analyze(); // the address and keyphrase typed
    void stop();
    bool isBusy() const { return m_ticket != 0; }
    Status exportCsv(const QString &path);
    Status exportPdf(const QString &path);
    void showHistoryEntry(qint64 id); // an earlier analysis of the address
    // LUX's titles, descriptions and content recommendations for the page (SuggestionsDialog).
    void suggest();
    SuggestionsDialog *suggestionsDialog() const;

    void crawl(); // from the start page typed
    void stopCrawl();
    bool isCrawling() const { return m_crawlTicket != 0; }
    void showCrawl(qint64 id); // a stored crawl, with what changed since the one before it
    void setCrawlView(int view); // CrawlModel::View
    Status exportCrawlCsv(const QString &path);

    const QJsonObject &analysis() const { return m_analysis; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *keyphraseEdit() const { return m_keyphrase; }
    QCheckBox *allowPrivateBox() const { return m_allowPrivate; }
    QTreeWidget *findingsView() const { return m_findings; }
    QTextBrowser *detailView() const { return m_detail; }
    SerpPreview *preview() const { return m_preview; }
    ScoreGauge *gauge() const { return m_gauge; }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *historyView() const { return m_history; }
    QLineEdit *crawlStartEdit() const { return m_crawlStart; }
    QSpinBox *maxPagesBox() const { return m_maxPages; }
    QCheckBox *crawlAllowPrivateBox() const { return m_crawlAllowPrivate; }
    CrawlModel *crawlModel() const { return m_crawlModel; }
    QTableView *crawlView() const { return m_crawlView; }
    QComboBox *crawlViewBox() const { return m_crawlViewBox; }
    QComboBox *crawlsBox() const { return m_crawls; }
    QLineEdit *crawlSearch() const { return m_crawlSearch; }
    QLabel *crawlProgressLabel() const { return m_crawlStatus; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void analyzed();
    void analysisFailed(const QString &message);
    void historyLoaded();
    void suggestionsShown();
    void exported(const QString &path, const QString &error);
    void crawlProgressed(int done, int known);
    void crawlFinished(qint64 id);
    void crawlFailed(const QString &message);
    void crawlShown();

private:
    QWidget *buildAnalysisTab();
    QWidget *buildCrawlTab();
    // The web address typed in `field`, written back as understood; empty (and said) when it is not one.
    QUrl typedAddress(QLineEdit *field, const QString &title);
    void loadHistory(const QString &url, qint64 select = 0);
    void loadCrawls(const QString &start, qint64 select);
    void setCrawling(bool crawling);
    void updateCrawlViews();
    void setBusy(bool busy);
    void showAnalysis(const QJsonObject &analysis, qint64 analysedAt);
    void fillFindings(const QJsonObject &analysis);
    void showDetail();
    void saveInBackground(const QString &path, QByteArray bytes);

    AppSession &m_session;
    SeoWorker *m_worker;      // analyses
    SeoWorker *m_crawlWorker; // crawls, alongside
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_keyphrase = nullptr;
    QCheckBox *m_allowPrivate = nullptr;
    QPushButton *m_analyze = nullptr;
    QPushButton *m_suggest = nullptr;
    AssistantRunner *m_lux = nullptr;
    QPointer<SuggestionsDialog> m_suggestions;
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
    QListWidget *m_history = nullptr;
    QLabel *m_historyNote = nullptr;
    QJsonObject m_analysis;
    int m_ticket = 0; // the analysis under way, 0: none
    int m_historyGeneration = 0;

    QLineEdit *m_crawlStart = nullptr;
    QSpinBox *m_maxPages = nullptr;
    QCheckBox *m_crawlAllowPrivate = nullptr;
    QPushButton *m_crawlButton = nullptr;
    QPushButton *m_crawlExport = nullptr;
    QProgressBar *m_crawlProgress = nullptr;
    QLabel *m_crawlStatus = nullptr;
    QComboBox *m_crawls = nullptr;
    QComboBox *m_crawlViewBox = nullptr;
    QLineEdit *m_crawlSearch = nullptr;
    QStackedWidget *m_crawlStack = nullptr;
    QTableView *m_crawlView = nullptr;
    QLabel *m_crawlSummary = nullptr;
    CrawlModel *m_crawlModel = nullptr;
    QSortFilterProxyModel *m_crawlProxy = nullptr;
    int m_crawlTicket = 0;
    int m_crawlGeneration = 0;
};

} // namespace lux::ui
