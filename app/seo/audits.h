// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "seo/page.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace lux::seo {

enum class Verdict { Pass, Fail, NotApplicable };

// One thing an audit found on the page: where, and what.
struct AuditItem
{
    Place place;
    QString message;
};

struct AuditResult
{
    QString id; // Lighthouse's audit id: "document-title", "meta-description", …
    Verdict verdict = Verdict::Pass;
    QString explanation; // why it failed or does not apply, in words
    QList<AuditItem> items;

    static QString verdictName(Verdict v); // "pass", "fail", "n/a"
};

// Lighthouse's SEO audits (12.8.2, the rules in docs/SEO.md), applied to a page as served. Each gives
// Lighthouse's verdict; where ours reads the page differently (no style sheets, no scripts run) the
// difference is written down in docs/SEO.md.
class Audits
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::Audits)
public:
    // What robots.txt says of the page for a crawler ("*" for any), when there is one to ask.
    using RobotsAllows = std::function<bool(const QString &userAgent)>;

    static AuditResult documentTitle(const Page &page);
    static AuditResult metaDescription(const Page &page);
    static AuditResult httpStatusCode(const Page &page);
    static AuditResult linkText(const Page &page);
    static AuditResult crawlableAnchors(const Page &page);
    static AuditResult imageAlt(const Page &page);
    static AuditResult hreflang(const Page &page);
    static AuditResult canonical(const Page &page);
    // Blocked for a crawler by a robots meta (its own name's first, else "robots"), an X-Robots-Tag
    // header, or robots.txt (`robots`, when the site served one); fails only when every crawler
    // Lighthouse asks for (any, Googlebot, bingbot, DuckDuckBot, archive.org_bot) is blocked.
    static AuditResult isCrawlable(const Page &page, const RobotsAllows &robots, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The site's robots.txt as Lighthouse's robots-txt audit judges it (status 0: no answer).
    static AuditResult robotsTxt(int status, const QByteArray &body);

    // Whether a robots directive list ("noindex, nofollow", "unavailable_after: …") keeps a page out
    // of the index at `now`.
    static bool blocksIndexing(const QString &directives, const QDateTime &now);
    // Whether `tag` is a language Lighthouse's hreflang audit accepts (its primary subtag, or x-default).
    static bool knownLanguage(const QString &tag);
    // Lighthouse's generic link texts, by language ("en" → "click here", "more", …).
    static const QHash<QString, QStringList> &genericLinkTexts();
};

} // namespace lux::seo
