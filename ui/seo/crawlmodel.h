// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "seo/seostore.h"

#include <QAbstractTableModel>

#include <optional>

namespace lux::ui {

// A stored crawl as the SEO page's table shows it, one view at a time: every page, the pages with
// problems, the pages sharing a title, description or H1 (grouped, the shared value beside each), the
// broken links with the pages they are on, the addresses robots.txt keeps out, or what changed since
// the crawl before it.
class CrawlModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Address, Status, Title, Score, Issues, Depth, Inlinks, Note, ColumnCount };
    enum View { AllPages, Problems, DuplicateTitles, DuplicateDescriptions, DuplicateH1s, BrokenLinks, Blocked, Changes, ViewCount };
    static constexpr int kSortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setCrawl(const seo::CrawlResult &crawl, const std::optional<seo::CrawlDiff> &changes);
    void setView(View view);
    View view() const { return m_view; }
    const seo::CrawlResult &crawl() const { return m_crawl; }
    const std::optional<seo::CrawlDiff> &changes() const { return m_changes; }
    // How many rows a view has (the filter menu says it).
    int count(View view) const;
    static QString viewName(View view);
    // The rows of the view as CSV, with its header.
    QString toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString url;
        std::optional<int> status; // none: not fetched (blocked, or a change row without one)
        QString title;
        std::optional<int> score;
        int errors = 0, warnings = 0;
        std::optional<int> depth, inlinks;
        QString note;
        bool problem = false;
    };
    QList<Row> rowsFor(View view) const;
    Row pageRow(const seo::CrawledPage &page) const;
    static Row urlRow(const QString &url);

    seo::CrawlResult m_crawl;
    std::optional<seo::CrawlDiff> m_changes;
    View m_view = AllPages;
    QList<Row> m_rows;
};

} // namespace lux::ui
