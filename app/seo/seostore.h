// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "seo/crawler.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace lux::seo {

struct Analysis;

// A stored crawl as lists show it.
struct CrawlSummary
{
    qint64 id = 0;
    QString start;
    qint64 startedAt = 0, finishedAt = 0;
    int pages = 0;
    int brokenLinks = 0;
};

// What changed between two crawls of one start page, by address.
struct CrawlDiff
{
    struct Change
    {
        QString url;
        QString field; // "status", "title", "description", "h1", "score"
        QVariant before, after; // an int for status and score (null: not analysed), else a string
    };
    qint64 oldId = 0, newId = 0;
    QStringList added; // crawled now, not before
    QStringList gone;  // crawled before, not now
    QList<Change> changed;

    bool isEmpty() const { return added.isEmpty() && gone.isEmpty() && changed.isEmpty(); }
    // {"previous_crawl_id", "added": [url], "gone": [url], "changed": [{"url", "field", "before", "after"}]}
    QJsonObject toJson() const;
};

// One page analysis as stored (its history per address).
struct StoredAnalysis
{
    qint64 id = 0;
    QString url, finalUrl;
    qint64 analysedAt = 0; // ms since the epoch, UTC
    int status = 0;
    int score = 0;
    QJsonObject analysis; // Analysis::toJson()
};

// Site crawls and page analyses (migration 24) over one connection, on the thread that owns it.
// Every write is one transaction (storage::Transaction, which does not nest: call these outside one).
class SeoStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::SeoStore)
public:
    explicit SeoStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Stores a finished crawl whole (its pages and broken links), or nothing; its id.
    Result<qint64> saveCrawl(const CrawlResult &crawl);
    // Newest first; an empty start lists every crawl.
    Result<QList<CrawlSummary>> crawls(const QString &start = {}) const;
    // The crawl with its duplicates computed again from its pages; nullopt when there is none.
    Result<std::optional<CrawlResult>> loadCrawl(qint64 id) const;
    // The crawl of the same start before `beforeId`; nullopt when there is none.
    Result<std::optional<qint64>> previousCrawl(const QString &start, qint64 beforeId) const;
    // What changed from crawl oldId to crawl newId (either missing: an empty crawl).
    Result<CrawlDiff> diff(qint64 oldId, qint64 newId) const;

    Result<qint64> saveAnalysis(const Analysis &analysis, qint64 analysedAt);
    // Newest first.
    Result<QList<StoredAnalysis>> history(const QString &url) const;
    Result<std::optional<StoredAnalysis>> loadAnalysis(qint64 id) const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::seo
