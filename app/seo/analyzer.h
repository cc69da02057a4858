// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "net/safefetcher.h"
#include "seo/audits.h"
#include "seo/contentchecks.h"
#include "seo/page.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonObject>

#include <functional>

namespace lux::seo {

// One page's analysis: Lighthouse's ten SEO audits with their verdicts, and every finding (the
// audits' failures and the checks beyond them) with where, why and the fix.
struct Analysis
{
    QUrl url;      // as asked
    QUrl finalUrl; // after redirects
    int status = 0;
    QList<AuditResult> audits; // in Lighthouse's order
    QList<Finding> findings;
    Readability readability;
    int words = 0;
    bool scriptBuilt = false; // analysed as served: a script builds the page's content
    std::optional<QString> title;
    QString description;

    const AuditResult *audit(const QString &id) const;
    // Lighthouse's SEO category score, 0 to 100: the weighted mean of the audits that apply
    // (is-crawlable weighs 93/23, so failing it alone fails the category; the others weigh 1).
    int score() const;
    // {"url", "final_url", "status", "audits": {id: {"verdict", "details"}}, "findings": […], …}
    QJsonObject toJson() const;
};

struct AnalyzeOptions
{
    QString keyphrase;
    bool allowPrivate = false; // an intranet site: local addresses allowed (never by default)
    // Checks that need more than the core (a result's pixel widths need fonts): added to the findings.
    std::function<QList<Finding>(const Page &)> extraChecks;
    // The store's catalogue (luxctl wires the synced WooCommerce products): each JSON-LD Product's
    // price and currency checked against it. None: not checked.
    CatalogueLookup catalogue;
    // og:image and twitter:image fetched (analyze only) to check they load and are pictures.
    bool checkSocialImages = true;
    QPointer<channels::Cancellation> cancellation;
};

// A page and its site's robots.txt as fetched (robotsStatus 0: none came; the body only for a 2xx).
struct FetchedSite
{
    QUrl url; // as asked
    Page page;
    int robotsStatus = 0;
    QByteArray robotsBody;
};

// Fetches a page and its site's robots.txt through the safe fetcher and analyses them.
class Analyzer
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::Analyzer)
public:
    // Lighthouse's audit ids, in its order.
    static const QStringList &auditIds();
    // Lighthouse's groups for them: "seo-crawl" (Crawling and Indexing) or "seo-content" (Content Best Practices).
    static QString auditGroup(const QString &id);
    static QString groupTitle(const QString &group);

    explicit Analyzer(net::SafeFetcher *fetcher) : m_fetcher(fetcher) {}
    QCoro::Task<Result<Analysis>> analyze(QUrl url, AnalyzeOptions options);
    // The fetching part of analyze(): the page (parsed) and its site's robots.txt.
    QCoro::Task<Result<FetchedSite>> fetch(QUrl url, AnalyzeOptions options);

    // The analysis of a page already fetched, with its robots.txt's status (0: none came) and body.
    static Analysis analyzePage(const Page &page, int robotsStatus, const QByteArray &robotsBody, const AnalyzeOptions &options,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());

    static constexpr int kImageTimeoutMs = 10'000;
    static constexpr qint64 kImageMaxBytes = 8 * 1024 * 1024; // Facebook's limit for og:image

private:
    // The page's og:image and twitter:image, fetched as the page was: a finding for each that does not
    // load or is not a picture.
    QCoro::Task<Result<QList<Finding>>> socialImages(Page page, AnalyzeOptions options);

    net::SafeFetcher *m_fetcher;
};

} // namespace lux::seo
