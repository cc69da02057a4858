// SPDX-License-Identifier: GPL-3.0-or-later
#include "crawlmodel.h"

#include "contacts/csvreader.h"

#include <QBrush>
#include <QPalette>

namespace lux::ui {

namespace {

QString valueText(const QVariant &v)
{
    if (v.isNull())
        return CrawlModel::tr("none");
    const QString s = v.toString();
    return s.isEmpty() ? CrawlModel::tr("empty") : s;
}

QString fieldName(const QString &field)
{
    if (field == QLatin1String("status"))
        return CrawlModel::tr("Status");
    if (field == QLatin1String("title"))
        return CrawlModel::tr("Title");
    if (field == QLatin1String("description"))
        return CrawlModel::tr("Description");
    if (field == QLatin1String("h1"))
        return CrawlModel::tr("H1");
    return CrawlModel::tr("Score");
}

} // namespace

void CrawlModel::setCrawl(const seo::CrawlResult &crawl, const std::optional<seo::CrawlDiff> &changes)
{
    beginResetModel();
    m_crawl = crawl;
    m_changes = changes;
    m_rows = rowsFor(m_view);
    endResetModel();
}

void CrawlModel::setView(View view)
{
    beginResetModel();
    m_view = view;
    m_rows = rowsFor(view);
    endResetModel();
}

int CrawlModel::count(View view) const
{
    return view == m_view ? int(m_rows.size()) : int(rowsFor(view).size());
}

QString CrawlModel::viewName(View view)
{
    switch (view) {
    case AllPages: return tr("All pages");
    case Problems: return tr("Pages with errors");
    case DuplicateTitles: return tr("Duplicate titles");
    case DuplicateDescriptions: return tr("Duplicate descriptions");
    case DuplicateH1s: return tr("Duplicate H1s");
    case BrokenLinks: return tr("Broken links");
    case Blocked: return tr("Blocked by robots.txt");
    case Changes: return tr("Changes since the last crawl");
    case ViewCount: break;
    }
    return {};
}

CrawlModel::Row CrawlModel::urlRow(const QString &url)
{
    Row r;
    r.url = url;
    return r;
}

CrawlModel::Row CrawlModel::pageRow(const seo::CrawledPage &page) const
{
    Row r;
    r.url = page.url;
    r.status = page.status;
    r.title = page.title;
    r.score = page.score;
    r.errors = page.errors;
    r.warnings = page.warnings;
    r.depth = page.depth;
    r.inlinks = page.inlinks;
    r.note = page.error;
    if (r.note.isEmpty() && page.finalUrl != page.url && !page.finalUrl.isEmpty())
        r.note = tr("Redirects to %1").arg(page.finalUrl);
    r.problem = page.status == 0 || page.status >= 400 || page.errors > 0;
    return r;
}

QList<CrawlModel::Row> CrawlModel::rowsFor(View view) const
{
    QList<Row> rows;
    switch (view) {
    case AllPages:
    case Problems:
        for (const seo::CrawledPage &p : m_crawl.pages) {
            Row r = pageRow(p);
            if (view == AllPages || r.problem)
                rows << r;
        }
        break;
    case DuplicateTitles:
    case DuplicateDescriptions:
    case DuplicateH1s: {
        const QString kind = view == DuplicateTitles ? QStringLiteral("title") : view == DuplicateDescriptions ? QStringLiteral("description") : QStringLiteral("h1");
        for (const seo::DuplicateGroup &g : m_crawl.duplicates) {
            if (g.kind != kind)
                continue;
            for (const QString &url : g.urls) {
                const seo::CrawledPage *p = m_crawl.page(url);
                Row r = p ? pageRow(*p) : urlRow(url);
                r.note = tr("%n page(s) share: “%1”", nullptr, int(g.urls.size())).arg(g.value);
                rows << r;
            }
        }
        break;
    }
    case BrokenLinks:
        for (const seo::BrokenLink &b : m_crawl.brokenLinks) {
            Row r;
            r.url = b.target;
            r.status = b.status;
            r.problem = true;
            if (const seo::CrawledPage *p = m_crawl.page(b.target)) {
                r.depth = p->depth;
                r.inlinks = p->inlinks;
            }
            r.note = (b.status > 0 ? QString() : b.error + QStringLiteral(" · ")) +
                     tr("Linked from %n page(s): %1", nullptr, int(b.sources.size())).arg(b.sources.join(QStringLiteral(", ")));
            rows << r;
        }
        break;
    case Blocked:
        for (const QString &url : m_crawl.blocked) {
            Row r;
            r.url = url;
            r.note = tr("robots.txt disallows it: not requested");
            rows << r;
        }
        break;
    case Changes:
        if (!m_changes)
            break;
        for (const QString &url : m_changes->added) {
            const seo::CrawledPage *p = m_crawl.page(url);
            Row r = p ? pageRow(*p) : urlRow(url);
            r.note = tr("New since the last crawl");
            rows << r;
        }
        for (const QString &url : m_changes->gone) {
            Row r;
            r.url = url;
            r.note = tr("Not found in this crawl");
            r.problem = true;
            rows << r;
        }
        for (const seo::CrawlDiff::Change &c : m_changes->changed) {
            const seo::CrawledPage *p = m_crawl.page(c.url);
            Row r = p ? pageRow(*p) : urlRow(c.url);
            r.note = tr("%1: %2 → %3").arg(fieldName(c.field), valueText(c.before), valueText(c.after));
            rows << r;
        }
        break;
    case ViewCount:
        break;
    }
    return rows;
}

int CrawlModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CrawlModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CrawlModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const auto optional = [](const std::optional<int> &v) { return v ? QVariant(*v) : QVariant(); };
    if (role == kSortRole) {
        switch (index.column()) {
        case Status: return r.status.value_or(-1);
        case Score: return r.score.value_or(-1);
        case Issues: return r.errors * 1000 + r.warnings;
        case Depth: return r.depth.value_or(-1);
        case Inlinks: return r.inlinks.value_or(-1);
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Address: return r.url;
        case Status: return !r.status ? QVariant() : *r.status == 0 ? QVariant(tr("no answer")) : QVariant(*r.status);
        case Title: return r.title;
        case Score: return optional(r.score);
        case Issues: return r.errors || r.warnings ? QVariant(tr("%1 / %2").arg(r.errors).arg(r.warnings)) : QVariant();
        case Depth: return optional(r.depth);
        case Inlinks: return optional(r.inlinks);
        case Note: return r.note;
        }
    }
    if (role == Qt::ToolTipRole && (index.column() == Address || index.column() == Note || index.column() == Title))
        return data(index, Qt::DisplayRole);
    if (role == Qt::ToolTipRole && index.column() == Issues)
        return QString(tr("%n error(s)", nullptr, r.errors) + QStringLiteral(", ") + tr("%n warning(s)", nullptr, r.warnings));
    if (role == Qt::ForegroundRole && r.problem && (index.column() == Status || index.column() == Address))
        return QBrush(QPalette().color(QPalette::BrightText));
    if (role == Qt::TextAlignmentRole && index.column() != Address && index.column() != Title && index.column() != Note)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CrawlModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Address: return tr("Address");
    case Status: return tr("Status");
    case Title: return tr("Title");
    case Score: return tr("Score");
    case Issues: return tr("Issues");
    case Depth: return tr("Depth");
    case Inlinks: return tr("Links in");
    case Note: return m_view == BrokenLinks ? tr("Linked from") : m_view == Changes ? tr("What changed") : tr("Note");
    }
    return {};
}

QString CrawlModel::toCsv() const
{
    QStringList lines;
    const auto record = [](const QStringList &cells) {
        QStringList out;
        for (const QString &c : cells)
            out << contacts::CsvReader::neutralise(c); // a page's title is anyone's text
        return contacts::CsvReader::formatRecord(out);
    };
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    lines << record(header);
    for (int row = 0; row < m_rows.size(); ++row) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << data(index(row, c)).toString();
        lines << record(cells);
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

} // namespace lux::ui
