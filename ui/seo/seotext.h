// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace lux::ui {

// The analysis's stable words (Lighthouse's audit ids, verdicts, severities, the checks beyond
// Lighthouse) as people read them: the SEO page, its exports and its report say them the same way.
class SeoText
{
    Q_DECLARE_TR_FUNCTIONS(lux::ui::SeoText)
public:
    // Lighthouse's title for an audit with its verdict ("pass", "fail", "n/a"): "Links are crawlable".
    static QString auditTitle(const QString &id, const QString &verdict);
    static QString verdict(const QString &verdict);   // "pass" → "Passed"
    static QString severity(const QString &severity); // "error" → "Error"
    // The checks beyond Lighthouse, grouped as the page shows them: "result", "content", "keyphrase",
    // "sharing", "other".
    static QString findingGroup(const QString &check);
    static QString groupTitle(const QString &group);
    static bool isAudit(const QString &check);
};

} // namespace lux::ui
