// SPDX-License-Identifier: GPL-3.0-or-later
#include "seotext.h"

#include "seo/analyzer.h"

namespace lux::ui {

QString SeoText::auditTitle(const QString &id, const QString &verdict)
{
    const bool failed = verdict == QLatin1String("fail");
    if (id == QLatin1String("is-crawlable"))
        return failed ? tr("Page is blocked from indexing") : tr("Page isn't blocked from indexing");
    if (id == QLatin1String("document-title"))
        return failed ? tr("Document doesn't have a <title> element") : tr("Document has a <title> element");
    if (id == QLatin1String("meta-description"))
        return failed ? tr("Document does not have a meta description") : tr("Document has a meta description");
    if (id == QLatin1String("http-status-code"))
        return failed ? tr("Page has an unsuccessful HTTP status code") : tr("Page has a successful HTTP status code");
    if (id == QLatin1String("link-text"))
        return failed ? tr("Links do not have descriptive text") : tr("Links have descriptive text");
    if (id == QLatin1String("crawlable-anchors"))
        return failed ? tr("Links are not crawlable") : tr("Links are crawlable");
    if (id == QLatin1String("robots-txt"))
        return failed ? tr("robots.txt is not valid") : tr("robots.txt is valid");
    if (id == QLatin1String("image-alt"))
        return failed ? tr("Image elements do not have [alt] attributes") : tr("Image elements have [alt] attributes");
    if (id == QLatin1String("hreflang"))
        return failed ? tr("Document doesn't have a valid hreflang") : tr("Document has a valid hreflang");
    if (id == QLatin1String("canonical"))
        return failed ? tr("Document does not have a valid rel=canonical") : tr("Document has a valid rel=canonical");
    return id;
}

QString SeoText::verdict(const QString &verdict)
{
    if (verdict == QLatin1String("pass"))
        return tr("Passed");
    if (verdict == QLatin1String("fail"))
        return tr("Failed");
    return tr("Not applicable");
}

QString SeoText::severity(const QString &severity)
{
    if (severity == QLatin1String("error"))
        return tr("Error");
    if (severity == QLatin1String("warning"))
        return tr("Warning");
    return tr("Notice");
}

bool SeoText::isAudit(const QString &check)
{
    return seo::Analyzer::auditIds().contains(check);
}

QString SeoText::findingGroup(const QString &check)
{
    if (check.endsWith(QLatin1String("-width")))
        return QStringLiteral("result");
    if (check.startsWith(QLatin1String("keyphrase-")))
        return QStringLiteral("keyphrase");
    if (check == QLatin1String("one-h1") || check == QLatin1String("heading-order") || check == QLatin1String("word-count") ||
        check == QLatin1String("readability") || check == QLatin1String("script-built"))
        return QStringLiteral("content");
    if (check.startsWith(QLatin1String("open-graph")) || check == QLatin1String("social-image") || check.startsWith(QLatin1String("twitter-")) ||
        check.startsWith(QLatin1String("og-")) || check.startsWith(QLatin1String("structured-data")) ||
        check.startsWith(QLatin1String("product-")))
        return QStringLiteral("sharing");
    return QStringLiteral("other");
}

QString SeoText::groupTitle(const QString &group)
{
    if (group == QLatin1String("seo-crawl") || group == QLatin1String("seo-content"))
        return seo::Analyzer::groupTitle(group);
    if (group == QLatin1String("result"))
        return tr("Search result");
    if (group == QLatin1String("content"))
        return tr("Headings, length and reading ease");
    if (group == QLatin1String("keyphrase"))
        return tr("Focus keyphrase");
    if (group == QLatin1String("sharing"))
        return tr("Sharing and structured data");
    return tr("Other checks");
}

} // namespace lux::ui
