// SPDX-License-Identifier: GPL-3.0-or-later
#include "seostore.h"

#include "common/errorcodes.h"
#include "seo/analyzer.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace lux::seo {

namespace {

using storage::notNull;
using storage::queryError;

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringsFromJson(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

// An address as the crawl and the history key it (see Crawler::key); as given when it is not one.
QString addressKey(const QString &url)
{
    const QString k = Crawler::key(QUrl(url));
    return k.isEmpty() ? url : k;
}

Error readError(const QSqlQuery &q)
{
    return queryError(q, QString(errc::dbRead));
}

constexpr const char *kPageColumns = "url, final_url, status, content_type, html, title, description, h1, words, score, errors, warnings, "
                                     "notices, depth, inlinks, error, time_ms";

CrawledPage pageFromQuery(const QSqlQuery &q)
{
    CrawledPage p;
    p.url = q.value(0).toString();
    p.finalUrl = q.value(1).toString();
    p.status = q.value(2).toInt();
    p.contentType = q.value(3).toString();
    p.html = q.value(4).toBool();
    p.title = q.value(5).toString();
    p.description = q.value(6).toString();
    p.h1 = q.value(7).toString();
    p.words = q.value(8).toInt();
    if (!q.value(9).isNull())
        p.score = q.value(9).toInt();
    p.errors = q.value(10).toInt();
    p.warnings = q.value(11).toInt();
    p.notices = q.value(12).toInt();
    p.depth = q.value(13).toInt();
    p.inlinks = q.value(14).toInt();
    p.error = q.value(15).toString();
    p.timeMs = q.value(16).toInt();
    return p;
}

QVariant scoreValue(const std::optional<int> &score)
{
    return score ? QVariant(qint64(*score)) : nullInt();
}

StoredAnalysis analysisFromQuery(const QSqlQuery &q)
{
    StoredAnalysis a;
    a.id = q.value(0).toLongLong();
    a.url = q.value(1).toString();
    a.finalUrl = q.value(2).toString();
    a.analysedAt = q.value(3).toLongLong();
    a.status = q.value(4).toInt();
    a.score = q.value(5).toInt();
    a.analysis = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    return a;
}

} // namespace

QJsonObject CrawlDiff::toJson() const
{
    QJsonArray changes;
    for (const Change &c : changed)
        changes.append(QJsonObject{{QStringLiteral("url"), c.url},
                                   {QStringLiteral("field"), c.field},
                                   {QStringLiteral("before"), QJsonValue::fromVariant(c.before)},
                                   {QStringLiteral("after"), QJsonValue::fromVariant(c.after)}});
    return QJsonObject{{QStringLiteral("previous_crawl_id"), oldId},
                       {QStringLiteral("added"), QJsonArray::fromStringList(added)},
                       {QStringLiteral("gone"), QJsonArray::fromStringList(gone)},
                       {QStringLiteral("changed"), changes}};
}

Result<qint64> SeoStore::saveCrawl(const CrawlResult &crawl)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO seo_crawls (start_url, started_at, finished_at, max_pages, pause_ms, robots_status, robots_error, "
                             "truncated, blocked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(crawl.start);
    q.addBindValue(crawl.startedAt);
    q.addBindValue(crawl.finishedAt);
    q.addBindValue(crawl.maxPages);
    q.addBindValue(crawl.pauseMs);
    q.addBindValue(crawl.robotsStatus);
    q.addBindValue(notNull(crawl.robotsError));
    q.addBindValue(crawl.truncated ? 1 : 0);
    q.addBindValue(jsonText(crawl.blocked));
    if (!q.exec())
        return queryError(q);
    const qint64 id = q.lastInsertId().toLongLong();

    QSqlQuery page(m_db);
    page.prepare(QStringLiteral("INSERT INTO seo_crawl_pages (crawl_id, position, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                     .arg(QLatin1String(kPageColumns)));
    int position = 0;
    for (const CrawledPage &p : crawl.pages) {
        for (const QVariant &v : {QVariant(id), QVariant(position++), QVariant(p.url), QVariant(notNull(p.finalUrl)), QVariant(p.status),
                                  QVariant(notNull(p.contentType)), QVariant(p.html ? 1 : 0), QVariant(notNull(p.title)),
                                  QVariant(notNull(p.description)), QVariant(notNull(p.h1)), QVariant(p.words), scoreValue(p.score),
                                  QVariant(p.errors), QVariant(p.warnings), QVariant(p.notices), QVariant(p.depth), QVariant(p.inlinks),
                                  QVariant(notNull(p.error)), QVariant(p.timeMs)})
            page.addBindValue(v);
        if (!page.exec())
            return queryError(page);
    }

    QSqlQuery link(m_db);
    link.prepare(QStringLiteral("INSERT INTO seo_crawl_broken_links (crawl_id, position, target, status, error, sources) VALUES (?, ?, ?, ?, ?, ?)"));
    position = 0;
    for (const BrokenLink &b : crawl.brokenLinks) {
        link.addBindValue(id);
        link.addBindValue(position++);
        link.addBindValue(b.target);
        link.addBindValue(b.status);
        link.addBindValue(notNull(b.error));
        link.addBindValue(jsonText(b.sources));
        if (!link.exec())
            return queryError(link);
    }
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return id;
}

Result<QList<CrawlSummary>> SeoStore::crawls(const QString &start) const
{
    QSqlQuery q(m_db);
    const QString select = QStringLiteral(
        "SELECT c.id, c.start_url, c.started_at, c.finished_at,"
        " (SELECT COUNT(*) FROM seo_crawl_pages p WHERE p.crawl_id = c.id),"
        " (SELECT COUNT(*) FROM seo_crawl_broken_links b WHERE b.crawl_id = c.id)"
        " FROM seo_crawls c");
    if (start.isEmpty()) {
        q.prepare(select + QStringLiteral(" ORDER BY c.id DESC"));
    } else {
        q.prepare(select + QStringLiteral(" WHERE c.start_url = ? ORDER BY c.id DESC"));
        q.addBindValue(addressKey(start));
    }
    if (!q.exec())
        return readError(q);
    QList<CrawlSummary> out;
    while (q.next())
        out << CrawlSummary{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                            q.value(4).toInt(), q.value(5).toInt()};
    return out;
}

Result<std::optional<CrawlResult>> SeoStore::loadCrawl(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT start_url, started_at, finished_at, max_pages, pause_ms, robots_status, robots_error, truncated, blocked "
                             "FROM seo_crawls WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return readError(q);
    if (!q.next())
        return std::optional<CrawlResult>();
    CrawlResult c;
    c.start = q.value(0).toString();
    c.startedAt = q.value(1).toLongLong();
    c.finishedAt = q.value(2).toLongLong();
    c.maxPages = q.value(3).toInt();
    c.pauseMs = q.value(4).toInt();
    c.robotsStatus = q.value(5).toInt();
    c.robotsError = q.value(6).toString();
    c.truncated = q.value(7).toBool();
    c.blocked = stringsFromJson(q.value(8).toString());

    QSqlQuery pages(m_db);
    pages.prepare(QStringLiteral("SELECT %1 FROM seo_crawl_pages WHERE crawl_id = ? ORDER BY position").arg(QLatin1String(kPageColumns)));
    pages.addBindValue(id);
    if (!pages.exec())
        return readError(pages);
    while (pages.next())
        c.pages << pageFromQuery(pages);

    QSqlQuery links(m_db);
    links.prepare(QStringLiteral("SELECT target, status, error, sources FROM seo_crawl_broken_links WHERE crawl_id = ? ORDER BY position"));
    links.addBindValue(id);
    if (!links.exec())
        return readError(links);
    while (links.next())
        c.brokenLinks << BrokenLink{links.value(0).toString(), links.value(1).toInt(), links.value(2).toString(),
                                    stringsFromJson(links.value(3).toString())};
    c.duplicates = Crawler::duplicates(c.pages);
    return std::optional<CrawlResult>(std::move(c));
}

Result<std::optional<qint64>> SeoStore::previousCrawl(const QString &start, qint64 beforeId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM seo_crawls WHERE start_url = ? AND id < ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(addressKey(start));
    q.addBindValue(beforeId);
    if (!q.exec())
        return readError(q);
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<CrawlDiff> SeoStore::diff(qint64 oldId, qint64 newId) const
{
    const auto before = loadCrawl(oldId);
    if (!before)
        return before.error();
    const auto after = loadCrawl(newId);
    if (!after)
        return after.error();
    const QList<CrawledPage> oldPages = *before ? (*before)->pages : QList<CrawledPage>();
    const QList<CrawledPage> newPages = *after ? (*after)->pages : QList<CrawledPage>();
    QHash<QString, const CrawledPage *> old;
    for (const CrawledPage &p : oldPages)
        old.insert(p.url, &p);
    QSet<QString> now;
    CrawlDiff d;
    d.oldId = oldId;
    d.newId = newId;
    const auto score = [](const CrawledPage &p) { return p.score ? QVariant(*p.score) : QVariant(); };
    for (const CrawledPage &p : newPages) {
        now.insert(p.url);
        const CrawledPage *o = old.value(p.url);
        if (!o) {
            d.added << p.url;
            continue;
        }
        if (o->status != p.status)
            d.changed << CrawlDiff::Change{p.url, QStringLiteral("status"), o->status, p.status};
        // Text compared as the duplicates are: a change of spacing or case is no change.
        if (Crawler::normalised(o->title) != Crawler::normalised(p.title))
            d.changed << CrawlDiff::Change{p.url, QStringLiteral("title"), o->title, p.title};
        if (Crawler::normalised(o->description) != Crawler::normalised(p.description))
            d.changed << CrawlDiff::Change{p.url, QStringLiteral("description"), o->description, p.description};
        if (Crawler::normalised(o->h1) != Crawler::normalised(p.h1))
            d.changed << CrawlDiff::Change{p.url, QStringLiteral("h1"), o->h1, p.h1};
        if (o->score != p.score)
            d.changed << CrawlDiff::Change{p.url, QStringLiteral("score"), score(*o), score(p)};
    }
    for (const CrawledPage &p : oldPages)
        if (!now.contains(p.url))
            d.gone << p.url;
    return d;
}

Result<qint64> SeoStore::saveAnalysis(const Analysis &analysis, qint64 analysedAt)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO seo_analyses (url, final_url, analysed_at, status, score, analysis) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(addressKey(analysis.url.toString(QUrl::FullyEncoded)));
    q.addBindValue(notNull(analysis.finalUrl.toString(QUrl::FullyEncoded)));
    q.addBindValue(analysedAt);
    q.addBindValue(analysis.status);
    q.addBindValue(analysis.score());
    q.addBindValue(QString::fromUtf8(QJsonDocument(analysis.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return queryError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return id;
}

Result<QList<StoredAnalysis>> SeoStore::history(const QString &url) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, url, final_url, analysed_at, status, score, analysis FROM seo_analyses WHERE url = ? "
                             "ORDER BY analysed_at DESC, id DESC"));
    q.addBindValue(addressKey(url));
    if (!q.exec())
        return readError(q);
    QList<StoredAnalysis> out;
    while (q.next())
        out << analysisFromQuery(q);
    return out;
}

Result<std::optional<StoredAnalysis>> SeoStore::loadAnalysis(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, url, final_url, analysed_at, status, score, analysis FROM seo_analyses WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return readError(q);
    if (!q.next())
        return std::optional<StoredAnalysis>();
    return std::optional<StoredAnalysis>(analysisFromQuery(q));
}

} // namespace lux::seo
