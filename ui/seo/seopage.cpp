// SPDX-License-Identifier: GPL-3.0-or-later
#include "seopage.h"

#include "common/assistantrunner.h"
#include "common/backgroundsave.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/emptystate.h"
#include "common/labels.h"
#include "common/tableview.h"
#include "common/errorcodes.h"
#include "crawlmodel.h"
#include "seo/analyzer.h"
#include "seo/seostore.h"
#include "seo/suggester.h"
#include "assistant/seodrafts.h"
#include "assistant/assistantsession.h"
#include "seo/serpwidth.h"
#include "seoreport.h"
#include "seotext.h"
#include "seowidgets.h"
#include "suggestionsdialog.h"
#include "seoworker.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lux::ui {

namespace {

constexpr int kDataRole = Qt::UserRole + 1; // the item's JSON: an audit, one of its items, or a finding

int severityRank(const QString &severity)
{
    return severity == QLatin1String("error") ? 0 : severity == QLatin1String("warning") ? 1 : 2;
}

int verdictRank(const QString &verdict)
{
    return verdict == QLatin1String("fail") ? 0 : verdict == QLatin1String("pass") ? 1 : 2;
}

QIcon verdictIcon(const QString &verdict)
{
    return Theme::icon(verdict == QLatin1String("fail")   ? QStringLiteral("alert")
                       : verdict == QLatin1String("pass") ? QStringLiteral("check")
                                                          : QStringLiteral("slash"));
}

QIcon severityIcon(const QString &severity)
{
    return Theme::icon(severity == QLatin1String("notice") ? QStringLiteral("info") : QStringLiteral("alert"));
}

} // namespace

SeoPage::SeoPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_worker(new SeoWorker(this)), m_crawlWorker(new SeoWorker(this))
{
    setObjectName(QStringLiteral("seoPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *title = new QLabel(tr("SEO"), this);
    title->setProperty("role", QStringLiteral("title"));
    auto *subtitle = new QLabel(tr("What search engines see on a page, what is wrong, why it matters, and the fix."), this);
    subtitle->setProperty("role", QStringLiteral("subtitle"));
    layout->addWidget(title);
    layout->addWidget(subtitle);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("seoTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildAnalysisTab(), tr("Page"));
    m_tabs->addTab(buildCrawlTab(), tr("Site Crawl"));
    layout->addWidget(m_tabs, 1);

    connect(m_worker, &SeoWorker::analyzed, this, [this](int ticket, const QJsonObject &analysis, const QString &saveError) {
        if (ticket != m_ticket)
            return;
        m_ticket = 0;
        setBusy(false);
        showAnalysis(analysis, QDateTime::currentMSecsSinceEpoch());
        m_historyNote->hide();
        if (!saveError.isEmpty())
            Q_EMIT statusMessage(tr("The analysis could not join the page's history: %1").arg(saveError));
        loadHistory(analysis.value(QStringLiteral("url")).toString());
        Q_EMIT analyzed();
    });
    connect(m_worker, &SeoWorker::failed, this, [this](int ticket, const QString &message) {
        if (ticket != m_ticket)
            return;
        m_ticket = 0;
        setBusy(false);
        Q_EMIT statusMessage(message);
        Q_EMIT analysisFailed(message);
        Dialogs::warning(this, tr("Analyse Page"), message);
    });
    connect(m_crawlWorker, &SeoWorker::crawlProgressed, this, [this](int ticket, int done, int known, const QUrl &current) {
        if (ticket != m_crawlTicket)
            return;
        m_crawlProgress->setRange(0, std::max(known, 1));
        m_crawlProgress->setValue(done);
        m_crawlStatus->setText(tr("%1 of %n page(s) · %2", nullptr, known).arg(done).arg(current.toDisplayString()));
        Q_EMIT crawlProgressed(done, known);
    });
    connect(m_crawlWorker, &SeoWorker::crawled, this, [this](int ticket, qint64 id) {
        if (ticket != m_crawlTicket)
            return;
        m_crawlTicket = 0;
        setCrawling(false);
        loadCrawls(m_crawlStart->text(), id);
        Q_EMIT crawlFinished(id);
    });
    connect(m_crawlWorker, &SeoWorker::failed, this, [this](int ticket, const QString &message) {
        if (ticket != m_crawlTicket)
            return;
        m_crawlTicket = 0;
        setCrawling(false);
        m_crawlStatus->setText(message);
        Q_EMIT crawlFailed(message);
        Dialogs::warning(this, tr("Crawl Site"), message);
    });
}

SeoPage::~SeoPage() = default;

SuggestionsDialog *SeoPage::suggestionsDialog() const
{
    return m_suggestions;
}

QWidget *SeoPage::buildAnalysisTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);

    auto *bar = new QHBoxLayout;
    m_url = new QLineEdit(tab);
    m_url->setObjectName(QStringLiteral("seoUrl"));
    m_url->setPlaceholderText(tr("https://example.com/page"));
    m_url->setClearButtonEnabled(true);
    m_url->setAccessibleName(tr("Page address"));
    m_keyphrase = new QLineEdit(tab);
    m_keyphrase->setObjectName(QStringLiteral("seoKeyphrase"));
    m_keyphrase->setPlaceholderText(tr("Focus keyphrase (optional)"));
    m_keyphrase->setAccessibleName(tr("Focus keyphrase"));
    m_keyphrase->setToolTip(tr("The words you want this page found for: looked for in the title, description, opening, "
                               "address and headings."));
    m_allowPrivate = new QCheckBox(tr("Intranet site"), tab);
    m_allowPrivate->setObjectName(QStringLiteral("seoAllowPrivate"));
    m_allowPrivate->setToolTip(tr("Allows local and private addresses (a site on your own network). Off, LUX refuses them, "
                                  "so a typed address can never reach inside your network."));
    m_analyze = new QPushButton(Theme::icon(QStringLiteral("search")), tr("Analyse"), tab);
    m_analyze->setObjectName(QStringLiteral("seoAnalyze"));
    m_analyze->setDefault(true);
    m_lux = new AssistantRunner(m_session, this);
    m_suggest = new QPushButton(Theme::icon(QStringLiteral("sparkles")), tr("Suggest with LUX…"), tab);
    m_suggest->setObjectName(QStringLiteral("seoSuggest"));
    m_suggest->setToolTip(tr("Three titles and three descriptions that fit the result and carry the keyphrase, each scored "
                             "by this analysis, and recommendations for the page's content."));
    m_suggest->setEnabled(false);
    connect(m_suggest, &QPushButton::clicked, this, &SeoPage::suggest);
    m_export = new QToolButton(tab);
    m_export->setObjectName(QStringLiteral("seoExport"));
    m_export->setText(tr("Export"));
    m_export->setIcon(Theme::icon(QStringLiteral("export")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setEnabled(false);
    auto *exportMenu = new QMenu(m_export);
    const auto ask = [this](const QString &caption, const QString &suffix, const QString &filter) {
        QString host = QUrl(m_analysis.value(QStringLiteral("final_url")).toString()).host();
        host.replace(u'.', u'-');
        return Dialogs::saveFile(this, caption, QStringLiteral("seo-%1.%2").arg(host, suffix), filter);
    };
    exportMenu->addAction(tr("PDF Report…"), this, [this, ask] {
        if (const QString path = ask(tr("Export Analysis as PDF"), QStringLiteral("pdf"), tr("PDF files (*.pdf)")); !path.isEmpty())
            (void)exportPdf(path);
    });
    exportMenu->addAction(tr("CSV…"), this, [this, ask] {
        if (const QString path = ask(tr("Export Analysis as CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)")); !path.isEmpty())
            (void)exportCsv(path);
    });
    m_export->setMenu(exportMenu);
    bar->addWidget(m_url, 3);
    bar->addWidget(m_keyphrase, 2);
    bar->addWidget(m_allowPrivate);
    bar->addWidget(m_analyze);
    bar->addWidget(m_suggest);
    bar->addWidget(m_export);
    layout->addLayout(bar);
    m_progress = new QProgressBar(tab);
    m_progress->setObjectName(QStringLiteral("seoProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(4);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);

    connect(m_analyze, &QPushButton::clicked, this, [this] { isBusy() ? stop() : analyze(); });
    connect(m_url, &QLineEdit::returnPressed, this, &SeoPage::analyze);
    connect(m_keyphrase, &QLineEdit::returnPressed, this, &SeoPage::analyze);

    m_stack = new QStackedWidget(tab);
    auto *empty = new EmptyState(QStringLiteral("search"), tr("Analyse a page"),
                                 tr("Type a page's address. LUX reads it as a search engine does and gives Lighthouse's SEO "
                                    "audits with the same verdicts, the search result as Google shows it, and what it checks "
                                    "beyond them: headings, length, reading ease, your focus keyphrase, sharing tags and "
                                    "structured data. Every finding says where, why it matters, and the fix."),
                                 QString(), m_stack);
    empty->setObjectName(QStringLiteral("seoEmpty"));
    empty->button()->hide();
    m_stack->addWidget(empty);

    auto *result = new QWidget(m_stack);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 8, 0, 0);
    // The score and what it rests on at the left; the search result as Google draws it beside them.
    auto *top = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *scoreRow = new QHBoxLayout;
    m_gauge = new ScoreGauge(result);
    m_gauge->setObjectName(QStringLiteral("seoScore"));
    scoreRow->addWidget(m_gauge, 0, Qt::AlignTop);
    m_headline = plainLabel(QString(), result);
    m_headline->setObjectName(QStringLiteral("seoHeadline"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    scoreRow->addWidget(m_headline, 1);
    left->addLayout(scoreRow);
    m_summary = plainLabel(QString(), result, QStringLiteral("muted"));
    m_summary->setObjectName(QStringLiteral("seoSummary"));
    left->addWidget(m_summary);
    left->addStretch(1);
    auto *leftBox = new QWidget(result);
    leftBox->setLayout(left);
    leftBox->setFixedWidth(270);
    left->setContentsMargins(0, 0, 0, 0);
    top->addWidget(leftBox);
    auto *previewColumn = new QVBoxLayout;
    m_preview = new SerpPreview(result);
    m_preview->setObjectName(QStringLiteral("seoPreview"));
    m_widths = plainLabel(QString(), result, QStringLiteral("muted"));
    m_widths->setObjectName(QStringLiteral("seoWidths"));
    previewColumn->addWidget(m_preview);
    previewColumn->addWidget(m_widths);
    top->addLayout(previewColumn, 1);
    resultLayout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Horizontal, result);
    splitter->setChildrenCollapsible(false);
    m_findings = new QTreeWidget(splitter);
    m_findings->setObjectName(QStringLiteral("seoFindings"));
    m_findings->setHeaderLabels({tr("Check"), tr("Result")});
    m_findings->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_findings->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_findings->header()->setStretchLastSection(false);
    m_findings->setUniformRowHeights(true);
    m_detail = new QTextBrowser(splitter);
    m_detail->setObjectName(QStringLiteral("seoDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setMinimumWidth(260);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    resultLayout->addWidget(splitter, 1);
    connect(m_findings, &QTreeWidget::currentItemChanged, this, &SeoPage::showDetail);
    m_stack->addWidget(result);

    // The address's earlier analyses, newest first: one chosen is shown as it was.
    auto *body = new QHBoxLayout;
    body->addWidget(m_stack, 1);
    auto *historyColumn = new QVBoxLayout;
    auto *historyTitle = new QLabel(tr("History"), tab);
    historyTitle->setProperty("role", QStringLiteral("section"));
    m_history = new QListWidget(tab);
    m_history->setObjectName(QStringLiteral("seoHistory"));
    m_history->setAccessibleName(tr("Earlier analyses of this address"));
    m_history->setFixedWidth(210);
    m_historyNote = plainLabel(QString(), tab, QStringLiteral("muted"));
    m_historyNote->setObjectName(QStringLiteral("seoHistoryNote"));
    m_historyNote->setFixedWidth(210);
    m_historyNote->hide();
    historyColumn->addWidget(historyTitle);
    historyColumn->addWidget(m_history, 1);
    historyColumn->addWidget(m_historyNote);
    body->addLayout(historyColumn);
    layout->addLayout(body, 1);
    connect(m_history, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { showHistoryEntry(item->data(Qt::UserRole).toLongLong()); });
    connect(m_history, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { showHistoryEntry(item->data(Qt::UserRole).toLongLong()); });
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
        if (url.isValid() && !url.host().isEmpty())
            loadHistory(url.toString());
    });
    return tab;
}

QWidget *SeoPage::buildCrawlTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);
    auto *bar = new QHBoxLayout;
    m_crawlStart = new QLineEdit(tab);
    m_crawlStart->setObjectName(QStringLiteral("seoCrawlStart"));
    m_crawlStart->setPlaceholderText(tr("https://example.com/ (the start page)"));
    m_crawlStart->setAccessibleName(tr("Start page"));
    m_crawlStart->setClearButtonEnabled(true);
    m_maxPages = new QSpinBox(tab);
    m_maxPages->setObjectName(QStringLiteral("seoMaxPages"));
    m_maxPages->setRange(1, seo::CrawlOptions::kMaxPages);
    m_maxPages->setValue(seo::CrawlOptions::kDefaultMaxPages);
    m_maxPages->setSuffix(tr(" pages at most"));
    m_maxPages->setAccessibleName(tr("Pages at most"));
    m_crawlAllowPrivate = new QCheckBox(tr("Intranet site"), tab);
    m_crawlAllowPrivate->setObjectName(QStringLiteral("seoCrawlAllowPrivate"));
    m_crawlAllowPrivate->setToolTip(m_allowPrivate->toolTip());
    m_crawlButton = new QPushButton(Theme::icon(QStringLiteral("play")), tr("Crawl"), tab);
    m_crawlButton->setObjectName(QStringLiteral("seoCrawl"));
    m_crawlButton->setToolTip(tr("Reads the site's pages from this one, as Googlebot's rules in its robots.txt allow: the same "
                                 "host, at most 4 requests at once, with a pause between them."));
    m_crawlExport = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Export CSV…"), tab);
    m_crawlExport->setObjectName(QStringLiteral("seoCrawlExport"));
    m_crawlExport->setEnabled(false);
    bar->addWidget(m_crawlStart, 3);
    bar->addWidget(m_maxPages);
    bar->addWidget(m_crawlAllowPrivate);
    bar->addWidget(m_crawlButton);
    bar->addWidget(m_crawlExport);
    layout->addLayout(bar);
    m_crawlProgress = new QProgressBar(tab);
    m_crawlProgress->setObjectName(QStringLiteral("seoCrawlProgress"));
    m_crawlProgress->setMaximumHeight(4);
    m_crawlProgress->setTextVisible(false);
    m_crawlProgress->hide();
    layout->addWidget(m_crawlProgress);
    m_crawlStatus = plainLabel(QString(), tab, QStringLiteral("muted"));
    m_crawlStatus->setObjectName(QStringLiteral("seoCrawlStatus"));
    layout->addWidget(m_crawlStatus);

    connect(m_crawlButton, &QPushButton::clicked, this, [this] { isCrawling() ? stopCrawl() : crawl(); });
    connect(m_crawlStart, &QLineEdit::returnPressed, this, &SeoPage::crawl);
    connect(m_crawlStart, &QLineEdit::editingFinished, this, [this] {
        if (!isCrawling())
            loadCrawls(m_crawlStart->text(), 0);
    });
    connect(m_crawlExport, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::saveFile(this, tr("Export Crawl as CSV"), QStringLiteral("crawl.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            (void)exportCrawlCsv(path);
    });

    m_crawlStack = new QStackedWidget(tab);
    auto *empty = new EmptyState(QStringLiteral("search"), tr("Crawl a site"),
                                 tr("Type the site's start page. LUX reads its pages as Google's crawler may (the same host, what "
                                    "robots.txt allows), politely, and lists each page with its status and score, the titles, "
                                    "descriptions and H1s that several pages share, and the links that lead nowhere. A second "
                                    "crawl shows what changed."),
                                 QString(), m_crawlStack);
    empty->setObjectName(QStringLiteral("seoCrawlEmpty"));
    empty->button()->hide();
    m_crawlStack->addWidget(empty);

    auto *result = new QWidget(m_crawlStack);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 8, 0, 0);
    auto *filters = new QHBoxLayout;
    m_crawls = new QComboBox(result);
    m_crawls->setObjectName(QStringLiteral("seoCrawls"));
    m_crawls->setAccessibleName(tr("Crawls of this start page"));
    m_crawlViewBox = new QComboBox(result);
    m_crawlViewBox->setObjectName(QStringLiteral("seoCrawlViewBox"));
    m_crawlViewBox->setAccessibleName(tr("Show"));
    m_crawlSearch = new QLineEdit(result);
    m_crawlSearch->setObjectName(QStringLiteral("seoCrawlSearch"));
    m_crawlSearch->setPlaceholderText(tr("Filter by address, title or note"));
    m_crawlSearch->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Crawl:"), result));
    filters->addWidget(m_crawls, 1);
    filters->addWidget(new QLabel(tr("Show:"), result));
    filters->addWidget(m_crawlViewBox, 1);
    filters->addWidget(m_crawlSearch, 1);
    resultLayout->addLayout(filters);
    m_crawlSummary = plainLabel(QString(), result);
    m_crawlSummary->setObjectName(QStringLiteral("seoCrawlSummary"));
    resultLayout->addWidget(m_crawlSummary);
    m_crawlModel = new CrawlModel(this);
    m_crawlProxy = new QSortFilterProxyModel(this);
    m_crawlProxy->setSourceModel(m_crawlModel);
    m_crawlProxy->setFilterKeyColumn(-1);
    m_crawlProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_crawlProxy->setSortRole(CrawlModel::kSortRole);
    m_crawlView = new QTableView(result);
    m_crawlView->setObjectName(QStringLiteral("seoCrawlView"));
    m_crawlView->setModel(m_crawlProxy);
    setUpListTable(m_crawlView);
    m_crawlView->setSortingEnabled(true);
    m_crawlView->sortByColumn(-1, Qt::AscendingOrder); // as found: breadth first
    m_crawlView->horizontalHeader()->setStretchLastSection(true);
    m_crawlView->setColumnWidth(CrawlModel::Address, 300);
    m_crawlView->setColumnWidth(CrawlModel::Status, 70);
    m_crawlView->setColumnWidth(CrawlModel::Title, 260);
    m_crawlView->setColumnWidth(CrawlModel::Score, 60);
    m_crawlView->setColumnWidth(CrawlModel::Issues, 120);
    m_crawlView->setColumnWidth(CrawlModel::Depth, 60);
    m_crawlView->setColumnWidth(CrawlModel::Inlinks, 70);
    resultLayout->addWidget(m_crawlView, 1);
    m_crawlStack->addWidget(result);
    layout->addWidget(m_crawlStack, 1);

    connect(m_crawlSearch, &QLineEdit::textChanged, m_crawlProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_crawlViewBox, &QComboBox::activated, this, [this](int index) { setCrawlView(m_crawlViewBox->itemData(index).toInt()); });
    connect(m_crawls, &QComboBox::activated, this, [this](int index) { showCrawl(m_crawls->itemData(index).toLongLong()); });
    // Opening a page's analysis from the crawl: double-click a row.
    connect(m_crawlView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString url = m_crawlProxy->index(index.row(), CrawlModel::Address).data().toString();
        if (url.isEmpty() || m_crawlModel->view() == CrawlModel::Blocked)
            return;
        m_url->setText(url);
        m_allowPrivate->setChecked(m_crawlAllowPrivate->isChecked());
        m_tabs->setCurrentIndex(PageTab);
        analyze();
    });
    return tab;
}

QUrl SeoPage::typedAddress(QLineEdit *field, const QString &title)
{
    const QString typed = field->text().trimmed();
    if (typed.isEmpty()) {
        field->setFocus();
        return {};
    }
    const QUrl url = QUrl::fromUserInput(typed);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        Dialogs::warning(this, title, tr("“%1” is not a web address: type one that starts with https:// or http://.").arg(typed));
        return {};
    }
    field->setText(url.toString());
    return url;
}

void SeoPage::analyze()
{
    const QUrl url = typedAddress(m_url, tr("Analyse Page"));
    if (url.isEmpty())
        return;
    SeoAnalyzeRequest request;
    request.url = url;
    request.keyphrase = m_keyphrase->text().simplified();
    request.allowPrivate = m_allowPrivate->isChecked();
    request.titlePixels = m_session.settings().seoTitlePixels();
    request.descriptionPixels = m_session.settings().seoDescriptionPixels();
    request.databasePath = m_session.hasDatabase() ? m_session.database()->path() : QString();
    m_ticket = m_worker->analyze(request);
    setBusy(true);
    Q_EMIT statusMessage(tr("Analysing %1…").arg(url.toDisplayString()));
}

void SeoPage::stop()
{
    if (!isBusy())
        return;
    m_worker->stop();
    m_ticket = 0;
    setBusy(false);
    Q_EMIT statusMessage(tr("Analysis stopped."));
}

void SeoPage::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_analyze->setText(busy ? tr("Stop") : tr("Analyse"));
    m_analyze->setIcon(Theme::icon(busy ? QStringLiteral("x") : QStringLiteral("search")));
    m_url->setReadOnly(busy);
    m_keyphrase->setReadOnly(busy);
    m_allowPrivate->setEnabled(!busy);
}

void SeoPage::showAnalysis(const QJsonObject &analysis, qint64 analysedAt)
{
    m_analysis = analysis;
    m_analysis.insert(QStringLiteral("analysed_at"), analysedAt); // the report says when
    const QLocale locale;
    const QUrl finalUrl(analysis.value(QStringLiteral("final_url")).toString());
    const int score = analysis.value(QStringLiteral("score")).toInt();
    m_gauge->setScore(score);
    const QJsonObject audits = analysis.value(QStringLiteral("audits")).toObject();
    int failed = 0;
    for (const QString &id : seo::Analyzer::auditIds())
        failed += audits.value(id).toObject().value(QStringLiteral("verdict")).toString() == QLatin1String("fail");
    const int findings = int(analysis.value(QStringLiteral("findings")).toArray().size());
    m_headline->setText(failed == 0 ? tr("Every Lighthouse SEO audit passes; %n finding(s) beyond them.", nullptr, findings)
                                    : tr("%n Lighthouse SEO audit(s) fail; %1 in all.", nullptr, failed)
                                          .arg(tr("%n finding(s)", nullptr, findings)));
    QStringList facts;
    facts << finalUrl.toDisplayString();
    facts << tr("HTTP %1").arg(analysis.value(QStringLiteral("status")).toInt());
    facts << tr("%n word(s)", nullptr, analysis.value(QStringLiteral("words")).toInt());
    const QJsonObject readability = analysis.value(QStringLiteral("readability")).toObject();
    if (!readability.isEmpty())
        facts << tr("reading ease %1 (%2)").arg(locale.toString(readability.value(QStringLiteral("score")).toDouble(), 'f', 0),
                                                readability.value(QStringLiteral("formula")).toString());
    if (analysis.value(QStringLiteral("script_built")).toBool())
        facts << tr("built by a script: analysed as served");
    m_summary->setText(facts.join(QStringLiteral(" · ")));

    const QString title = analysis.value(QStringLiteral("title")).toString();
    const QString description = analysis.value(QStringLiteral("description")).toString();
    const int titleLimit = m_session.settings().seoTitlePixels();
    const int descriptionLimit = m_session.settings().seoDescriptionPixels();
    m_preview->setResult(finalUrl, title, description, titleLimit, descriptionLimit);
    const auto widthText = [&](const QString &what, const QString &text, int pixelSize, int limit) {
        if (text.trimmed().isEmpty())
            return tr("%1: none").arg(what);
        const int width = qRound(seo::SerpWidth::width(text.simplified(), pixelSize));
        return width > limit ? tr("%1: %2 px of %3, cut").arg(what).arg(width).arg(limit) : tr("%1: %2 px of %3").arg(what).arg(width).arg(limit);
    };
    m_widths->setText(widthText(tr("Title"), title, seo::SerpWidth::kTitlePixelSize, titleLimit) + QStringLiteral(" · ") +
                      widthText(tr("Description"), description, seo::SerpWidth::kDescriptionPixelSize, descriptionLimit));
    fillFindings(analysis);
    m_stack->setCurrentIndex(1);
    m_export->setEnabled(true);
    m_suggest->setEnabled(true);
    Q_EMIT statusMessage(tr("Analysed %1: SEO score %2.").arg(finalUrl.toDisplayString(), QString::number(score)));
}

void SeoPage::fillFindings(const QJsonObject &analysis)
{
    m_findings->clear();
    const QJsonObject audits = analysis.value(QStringLiteral("audits")).toObject();
    QMultiHash<QString, QJsonObject> auditFindings; // the fix for a failed audit
    QMap<QString, QList<QJsonObject>> beyond;       // group → findings
    for (const QJsonValue &v : analysis.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString check = f.value(QStringLiteral("check")).toString();
        if (SeoText::isAudit(check))
            auditFindings.insert(check, f);
        else
            beyond[SeoText::findingGroup(check)] << f;
    }
    QTreeWidgetItem *firstFailure = nullptr;
    // Lighthouse's two groups, failures first, then passes, then what does not apply.
    for (const QString &group : {QStringLiteral("seo-crawl"), QStringLiteral("seo-content")}) {
        QList<QString> ids;
        for (const QString &id : seo::Analyzer::auditIds())
            if (seo::Analyzer::auditGroup(id) == group)
                ids << id;
        std::stable_sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) {
            return verdictRank(audits.value(a).toObject().value(QStringLiteral("verdict")).toString()) <
                   verdictRank(audits.value(b).toObject().value(QStringLiteral("verdict")).toString());
        });
        int failed = 0;
        auto *groupItem = new QTreeWidgetItem(m_findings, {SeoText::groupTitle(group)});
        for (const QString &id : ids) {
            QJsonObject audit = audits.value(id).toObject();
            const QString verdict = audit.value(QStringLiteral("verdict")).toString();
            failed += verdict == QLatin1String("fail");
            audit.insert(QStringLiteral("id"), id);
            if (const auto it = auditFindings.constFind(id); it != auditFindings.constEnd()) {
                audit.insert(QStringLiteral("why"), it->value(QStringLiteral("why")));
                audit.insert(QStringLiteral("fix"), it->value(QStringLiteral("fix")));
            }
            auto *item = new QTreeWidgetItem(groupItem, {SeoText::auditTitle(id, verdict), SeoText::verdict(verdict)});
            item->setIcon(0, verdictIcon(verdict));
            item->setData(0, kDataRole, audit);
            for (const QJsonValue &entry : audit.value(QStringLiteral("details")).toObject().value(QStringLiteral("items")).toArray()) {
                QJsonObject o = entry.toObject();
                const int line = o.value(QStringLiteral("line")).toInt();
                auto *child = new QTreeWidgetItem(item, {o.value(QStringLiteral("message")).toString(), line > 0 ? tr("line %1").arg(line) : QString()});
                o.insert(QStringLiteral("audit"), audit);
                child->setData(0, kDataRole, o);
            }
            if (verdict == QLatin1String("fail") && !firstFailure)
                firstFailure = item;
        }
        groupItem->setText(1, failed ? tr("%n failed", nullptr, failed) : tr("all pass"));
        groupItem->setExpanded(true);
        QFont f = groupItem->font(0);
        f.setBold(true);
        groupItem->setFont(0, f);
    }
    // Beyond Lighthouse, most severe first.
    for (const QString &group : {QStringLiteral("result"), QStringLiteral("content"), QStringLiteral("keyphrase"), QStringLiteral("sharing"),
                                 QStringLiteral("other")}) {
        QList<QJsonObject> findings = beyond.value(group);
        if (findings.isEmpty())
            continue;
        std::stable_sort(findings.begin(), findings.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return severityRank(a.value(QStringLiteral("severity")).toString()) < severityRank(b.value(QStringLiteral("severity")).toString());
        });
        auto *groupItem = new QTreeWidgetItem(m_findings, {SeoText::groupTitle(group), tr("%n finding(s)", nullptr, int(findings.size()))});
        QFont f = groupItem->font(0);
        f.setBold(true);
        groupItem->setFont(0, f);
        for (const QJsonObject &finding : std::as_const(findings)) {
            const QString severity = finding.value(QStringLiteral("severity")).toString();
            auto *item = new QTreeWidgetItem(groupItem, {finding.value(QStringLiteral("message")).toString(), SeoText::severity(severity)});
            item->setIcon(0, severityIcon(severity));
            item->setData(0, kDataRole, finding);
            item->setToolTip(0, finding.value(QStringLiteral("message")).toString());
            if (!firstFailure && severity == QLatin1String("error"))
                firstFailure = item;
        }
        groupItem->setExpanded(true);
    }
    m_findings->setCurrentItem(firstFailure ? firstFailure : m_findings->topLevelItem(0));
    showDetail();
}

void SeoPage::showDetail()
{
    const QTreeWidgetItem *item = m_findings->currentItem();
    const QJsonObject o = item ? item->data(0, kDataRole).toJsonObject() : QJsonObject();
    if (o.isEmpty()) {
        m_detail->setHtml(item ? QStringLiteral("<p>%1</p>").arg(tr("Choose a check to see what it found, why it matters and the fix.").toHtmlEscaped())
                               : QString());
        return;
    }
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    const QJsonObject audit = o.contains(QStringLiteral("audit")) ? o.value(QStringLiteral("audit")).toObject() : QJsonObject();
    QString html;
    if (o.contains(QStringLiteral("verdict"))) { // an audit
        const QString verdict = o.value(QStringLiteral("verdict")).toString();
        html += QStringLiteral("<h3>%1</h3><p>%2 · <code>%3</code></p>")
                    .arg(esc(SeoText::auditTitle(o.value(QStringLiteral("id")).toString(), verdict)), esc(SeoText::verdict(verdict)),
                         esc(o.value(QStringLiteral("id")).toString()));
        const QString explanation = o.value(QStringLiteral("details")).toObject().value(QStringLiteral("explanation")).toString();
        if (!explanation.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(esc(explanation));
    } else {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(o.value(QStringLiteral("message")).toString()));
        if (o.contains(QStringLiteral("severity")))
            html += QStringLiteral("<p>%1</p>").arg(esc(SeoText::severity(o.value(QStringLiteral("severity")).toString())));
    }
    const QJsonObject &source = audit.isEmpty() ? o : audit;
    if (const int line = o.value(QStringLiteral("line")).toInt(); line > 0)
        html += QStringLiteral("<p><b>%1</b></p>").arg(esc(tr("Line %1").arg(line)));
    if (const QString snippet = o.value(QStringLiteral("snippet")).toString(); !snippet.isEmpty())
        html += QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>").arg(esc(snippet));
    if (const QString why = source.value(QStringLiteral("why")).toString(); !why.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Why it matters:")), esc(why));
    if (const QString fix = source.value(QStringLiteral("fix")).toString(); !fix.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Fix:")), esc(fix));
    m_detail->setHtml(html);
}

void SeoPage::loadHistory(const QString &url, qint64 select)
{
    if (!m_session.hasDatabase())
        return;
    const int generation = ++m_historyGeneration;
    runOnDatabase<Result<QList<seo::StoredAnalysis>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [url](QSqlDatabase &db) { return seo::SeoStore(db).history(url); },
        [this, generation, select](const Result<QList<seo::StoredAnalysis>> &rows) {
            if (generation != m_historyGeneration)
                return;
            m_history->clear();
            if (!rows) {
                Q_EMIT statusMessage(rows.error().message);
                return;
            }
            const QLocale locale;
            for (const seo::StoredAnalysis &a : *rows) {
                auto *item = new QListWidgetItem(tr("%1 · score %2").arg(locale.toString(QDateTime::fromMSecsSinceEpoch(a.analysedAt), QLocale::ShortFormat))
                                                     .arg(a.score),
                                                 m_history);
                item->setData(Qt::UserRole, a.id);
                item->setToolTip(a.finalUrl);
                if (a.id == select)
                    m_history->setCurrentItem(item);
            }
            if (select == 0 && m_history->count() > 0 && !m_analysis.isEmpty())
                m_history->setCurrentRow(0);
            Q_EMIT historyLoaded();
        });
}

void SeoPage::showHistoryEntry(qint64 id)
{
    if (!m_session.hasDatabase())
        return;
    runOnDatabase<Result<std::optional<seo::StoredAnalysis>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) { return seo::SeoStore(db).loadAnalysis(id); },
        [this](const Result<std::optional<seo::StoredAnalysis>> &stored) {
            if (!stored || !*stored) {
                Q_EMIT statusMessage(stored ? tr("That analysis is no longer stored.") : stored.error().message);
                return;
            }
            showAnalysis((*stored)->analysis, (*stored)->analysedAt);
            m_historyNote->setText(tr("Shown as analysed on %1.").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch((*stored)->analysedAt), QLocale::LongFormat)));
            m_historyNote->show();
        });
}

void SeoPage::suggest()
{
    const QUrl url(m_analysis.value(QStringLiteral("final_url")).toString());
    if (m_analysis.isEmpty() || !url.isValid())
        return;
    seo::SuggestOptions options;
    options.keyphrase = m_keyphrase->text().simplified();
    options.allowPrivate = m_allowPrivate->isChecked();
    options.titlePixels = m_session.settings().seoTitlePixels();
    options.descriptionPixels = m_session.settings().seoDescriptionPixels();
    m_lux->withSession([this, url, options](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is writing titles and descriptions for %1…").arg(url.toDisplayString()));
        // The page is fetched, parsed and every candidate judged on the worker's thread; the model is
        // asked from here, where the assistant lives (seo::Suggester's steps). Stop ends either step.
        connect(busy.cancel, &channels::Cancellation::cancelled, m_worker, &SeoWorker::stop);
        const auto failed = [this, busy](const Error &error) {
            busy.finished();
            if (error.code != errc::cancelled && error.code != u"openai.cancelled")
                Dialogs::warning(this, tr("Suggestions from LUX"), error.message);
        };
        m_worker->fetchSite(url, options.allowPrivate, [this, lux, busy, options, failed](const Result<seo::FetchedSite> &site) {
            if (!site) {
                failed(site.error());
                return;
            }
            auto drafts = std::make_shared<assistant::SeoDrafts>(&lux->assistant());
            auto task = drafts->meta(site->page, options.keyphrase, options.titlePixels, options.descriptionPixels,
                                     seo::Suggester::check(options.titlePixels, options.descriptionPixels), {}, busy.cancel);
            QCoro::connect(std::move(task), this, [this, lux, drafts, busy, options, failed, fetched = *site](const Result<assistant::SeoMetaDraft> &draft) {
                if (!draft) {
                    failed(draft.error());
                    return;
                }
                m_worker->judge(fetched, *draft, options.titlePixels, options.descriptionPixels, [this, busy](const seo::Suggestions &made) {
                    busy.finished();
                    if (m_suggestions)
                        m_suggestions->close();
                    m_suggestions = new SuggestionsDialog(made, this);
                    m_suggestions->setAttribute(Qt::WA_DeleteOnClose);
                    m_suggestions->show();
                    Q_EMIT suggestionsShown();
                });
            });
        });
    });
}

void SeoPage::crawl()
{
    if (isCrawling())
        return; // Enter in the start field while a crawl runs: Stop ends it
    if (!m_session.hasDatabase())
        return; // a crawl is stored: the page is only shown with a database open
    const QUrl start = typedAddress(m_crawlStart, tr("Crawl Site"));
    if (start.isEmpty())
        return;
    const Settings &settings = m_session.settings();
    SeoCrawlRequest request;
    request.start = start;
    request.maxPages = m_maxPages->value();
    request.allowPrivate = m_crawlAllowPrivate->isChecked();
    request.pauseMs = settings.seoCrawlPauseMs();
    request.titlePixels = settings.seoTitlePixels();
    request.descriptionPixels = settings.seoDescriptionPixels();
    request.databasePath = m_session.database()->path();
    m_crawlTicket = m_crawlWorker->crawl(request);
    setCrawling(true);
    m_crawlStatus->setText(tr("Reading robots.txt of %1…").arg(start.host()));
}

void SeoPage::stopCrawl()
{
    if (!isCrawling())
        return;
    m_crawlWorker->stop();
    m_crawlTicket = 0;
    setCrawling(false);
    m_crawlStatus->setText(tr("Crawl stopped: nothing was stored."));
}

void SeoPage::setCrawling(bool crawling)
{
    m_crawlProgress->setVisible(crawling);
    if (crawling) {
        m_crawlProgress->setRange(0, 0);
        m_crawlProgress->setValue(0);
    }
    m_crawlButton->setText(crawling ? tr("Stop") : tr("Crawl"));
    m_crawlButton->setIcon(Theme::icon(crawling ? QStringLiteral("x") : QStringLiteral("play")));
    m_crawlStart->setReadOnly(crawling);
    m_maxPages->setEnabled(!crawling);
    m_crawlAllowPrivate->setEnabled(!crawling);
}

void SeoPage::loadCrawls(const QString &start, qint64 select)
{
    if (!m_session.hasDatabase())
        return;
    const QUrl url = QUrl::fromUserInput(start.trimmed());
    const QString key = seo::Crawler::key(url);
    if (key.isEmpty())
        return;
    const int generation = ++m_crawlGeneration;
    runOnDatabase<Result<QList<seo::CrawlSummary>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [key](QSqlDatabase &db) { return seo::SeoStore(db).crawls(key); },
        [this, generation, select](const Result<QList<seo::CrawlSummary>> &crawls) {
            if (generation != m_crawlGeneration)
                return;
            if (!crawls) {
                Q_EMIT statusMessage(crawls.error().message);
                return;
            }
            m_crawls->clear();
            const QLocale locale;
            for (const seo::CrawlSummary &c : *crawls)
                m_crawls->addItem(tr("%1 · %n page(s)", nullptr, c.pages).arg(locale.toString(QDateTime::fromMSecsSinceEpoch(c.startedAt), QLocale::ShortFormat)),
                                  c.id);
            if (crawls->isEmpty())
                return;
            const int index = std::max(0, m_crawls->findData(select ? select : crawls->first().id));
            m_crawls->setCurrentIndex(index);
            showCrawl(m_crawls->itemData(index).toLongLong());
        });
}

void SeoPage::showCrawl(qint64 id)
{
    if (!m_session.hasDatabase())
        return;
    struct Loaded
    {
        seo::CrawlResult crawl;
        std::optional<seo::CrawlDiff> changes;
    };
    const int generation = ++m_crawlGeneration;
    runOnDatabase<Result<Loaded>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) -> Result<Loaded> {
            seo::SeoStore store(db);
            const auto crawl = store.loadCrawl(id);
            if (!crawl)
                return crawl.error();
            if (!*crawl)
                return Error(errc::reportNone, SeoPage::tr("That crawl is no longer stored."));
            Loaded loaded{**crawl, std::nullopt};
            const auto previous = store.previousCrawl(loaded.crawl.start, id);
            if (!previous)
                return previous.error();
            if (*previous) {
                auto d = store.diff(**previous, id);
                if (!d)
                    return d.error();
                loaded.changes = *d;
            }
            return loaded;
        },
        [this, generation](const Result<Loaded> &loaded) {
            if (generation != m_crawlGeneration)
                return;
            if (!loaded) {
                Q_EMIT statusMessage(loaded.error().message);
                return;
            }
            m_crawlModel->setCrawl(loaded->crawl, loaded->changes);
            updateCrawlViews();
            const seo::CrawlResult &c = loaded->crawl;
            QStringList facts;
            facts << tr("%n page(s) crawled", nullptr, int(c.pages.size()));
            facts << tr("%n broken link(s)", nullptr, int(c.brokenLinks.size()));
            facts << tr("%n group(s) of duplicates", nullptr, int(c.duplicates.size()));
            if (!c.blocked.isEmpty())
                facts << tr("%n address(es) blocked by robots.txt", nullptr, int(c.blocked.size()));
            facts << tr("a pause of %1 ms between requests").arg(c.pauseMs);
            if (c.truncated)
                facts << tr("more pages were found than the limit of %1").arg(c.maxPages);
            if (!c.robotsError.isEmpty())
                facts << c.robotsError;
            if (loaded->changes)
                facts << (loaded->changes->isEmpty() ? tr("nothing changed since the crawl before")
                                                     : tr("%n change(s) since the crawl before", nullptr,
                                                          int(loaded->changes->added.size() + loaded->changes->gone.size() +
                                                              loaded->changes->changed.size())));
            m_crawlSummary->setText(facts.join(QStringLiteral(" · ")));
            m_crawlStatus->setText(tr("Crawled %1 on %2 in %3 s.")
                                       .arg(c.start, QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.startedAt), QLocale::LongFormat),
                                            QLocale().toString((c.finishedAt - c.startedAt) / 1000.0, 'f', 1)));
            m_crawlStack->setCurrentIndex(1);
            m_crawlExport->setEnabled(true);
            Q_EMIT crawlShown();
        });
}

void SeoPage::updateCrawlViews()
{
    const int current = m_crawlModel->view();
    m_crawlViewBox->clear();
    for (int v = 0; v < CrawlModel::ViewCount; ++v) {
        const auto view = static_cast<CrawlModel::View>(v);
        if (view == CrawlModel::Changes && !m_crawlModel->changes())
            continue;
        m_crawlViewBox->addItem(tr("%1 (%2)").arg(CrawlModel::viewName(view)).arg(m_crawlModel->count(view)), v);
    }
    m_crawlViewBox->setCurrentIndex(std::max(0, m_crawlViewBox->findData(current)));
    if (m_crawlViewBox->currentData().toInt() != current)
        setCrawlView(m_crawlViewBox->currentData().toInt());
}

void SeoPage::setCrawlView(int view)
{
    m_crawlModel->setView(static_cast<CrawlModel::View>(view));
    m_crawlViewBox->setCurrentIndex(std::max(0, m_crawlViewBox->findData(view)));
    m_crawlView->setColumnHidden(CrawlModel::Title, view == CrawlModel::BrokenLinks || view == CrawlModel::Blocked);
}

Status SeoPage::exportCrawlCsv(const QString &path)
{
    if (m_crawlModel->crawl().start.isEmpty())
        return Error(errc::reportNone, tr("Crawl a site first."));
    saveInBackground(path, m_crawlModel->toCsv().toUtf8());
    return {};
}

Status SeoPage::exportCsv(const QString &path)
{
    if (m_analysis.isEmpty())
        return Error(errc::reportNone, tr("Analyse a page first."));
    saveInBackground(path, SeoReport::analysisCsv(m_analysis).toUtf8());
    return {};
}

Status SeoPage::exportPdf(const QString &path)
{
    if (m_analysis.isEmpty())
        return Error(errc::reportNone, tr("Analyse a page first."));
    saveInBackground(path, SeoReport::analysisPdf(m_analysis, m_preview->grab().toImage()));
    return {};
}

void SeoPage::saveInBackground(const QString &path, QByteArray bytes)
{
    ui::saveInBackground(this, path, std::move(bytes), [this, path](const QString &error) {
        if (!error.isEmpty())
            Dialogs::warning(this, tr("Export"), error);
        else
            Q_EMIT statusMessage(tr("Saved %1.").arg(path));
        Q_EMIT exported(path, error);
    });
}

} // namespace lux::ui
