// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace lux::seo {

// Two readings of one robots.txt. The site crawl and the "robots.txt per Google" answers use Google's
// (RFC 9309 plus what google/robotstxt's robots.cc adds); Lighthouse's is-crawlable audit reads the
// file with the npm package robots-parser 3.0.1, which differs in the details listed in
// docs/SEO.md (robots.txt), and the parity verdicts must read it the same way.
enum class RobotsDialect {
    Google,
    LighthouseRobotsParser,
};

struct RobotsRule
{
    bool allow = false;
    QByteArray pattern; // percent-encoding normalised as the dialect does it
    int line = 0;       // 1-based line in the file
};

// Why a URL is allowed or not: the rule that decided (line 0 when none did).
struct RobotsDecision
{
    bool allowed = true;
    int line = 0;
    bool allowRule = false;
    QByteArray pattern;
    bool specificGroup = false; // a group named the crawler; otherwise the "*" group or nothing
};

// A parsed robots.txt. Pure: no network, no I/O; parse once, ask many times.
class RobotsTxt
{
public:
    // Google reads the first 500 KiB and ignores the rest (RFC 9309 §2.5 asks for at least that much).
    static constexpr qsizetype kMaxBytes = 500 * 1024;
    // robots.cc keeps the first 2083 × 8 − 1 bytes of a line and drops the rest of it.
    static constexpr qsizetype kMaxLineBytes = 2083 * 8 - 1;

    static RobotsTxt parse(const QByteArray &body, RobotsDialect dialect = RobotsDialect::Google);

    // Whether the crawler may fetch urlOrPath: an absolute URL, a scheme-relative one, or a path
    // (with query). Only the path and query count; the fragment is dropped. userAgent is a product
    // token, or "Token/version" (the version is ignored); "*" or empty asks as an unnamed crawler.
    bool isAllowed(QStringView userAgent, const QString &urlOrPath) const;
    // For a Google crawler with two tokens (Googlebot-News, then Googlebot): the first token with a
    // group of its own decides; when none has one, the "*" group. Google dialect only; the
    // Lighthouse dialect uses the first token.
    bool isAllowedForTokens(const QStringList &productTokens, const QString &urlOrPath) const;
    RobotsDecision decide(const QStringList &productTokens, const QString &urlOrPath) const;

    RobotsDialect dialect() const { return m_dialect; }
    QStringList sitemaps() const { return m_sitemaps; }
    bool truncated() const { return m_truncated; } // the body was over kMaxBytes (Google dialect)

    // The crawler's token as the dialect compares it (lower case): Google keeps the leading
    // [A-Za-z_-] run ("Googlebot/2.1" → "googlebot"); robots-parser cuts at the first "/" and trims.
    static QByteArray productToken(QStringView userAgent, RobotsDialect dialect);
    // The path, parameters and query of a URL, percent-encoding normalised (what rules are matched
    // against).
    static QByteArray matchPath(const QString &urlOrPath, RobotsDialect dialect);
    // A rule's pattern as the dialect normalises it before matching.
    static QByteArray normalisePattern(const QByteArray &pattern, RobotsDialect dialect);
    // Pattern matching shared by both dialects: anchored at the start, "*" any run, "$" the end of
    // the path only as the pattern's last character.
    static bool matches(QByteArrayView path, QByteArrayView pattern);

private:
    struct Group
    {
        QList<QByteArray> agents; // lower-case tokens; "*" for the global group
        QList<RobotsRule> rules;
        bool registered = false; // robots-parser only knows a group once it has a rule line
    };

    static RobotsTxt parseGoogle(const QByteArray &body);
    static RobotsTxt parseRobotsParser(const QByteArray &body);

    RobotsDialect m_dialect = RobotsDialect::Google;
    QList<Group> m_groups;
    QStringList m_sitemaps;
    bool m_truncated = false;
};

// Lighthouse 12.8.2's robots-txt audit (core/audits/seo/robots-txt.js): the status rules and the
// line-by-line validator, with Lighthouse's messages.
struct RobotsTxtProblem
{
    int line = 0; // 1-based
    QString content; // the line as written
    QString message;
};

struct RobotsTxtAuditResult
{
    enum class Verdict {
        Pass,
        Fail,
        NotApplicable,
        Error, // Lighthouse throws: a final status it has no rule for (1xx, 3xx) without a body
    };
    Verdict verdict = Verdict::Pass;
    QString summary; // Lighthouse's display value or explanation; empty on a pass
    QList<RobotsTxtProblem> problems;
};

class RobotsTxtAudit
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::RobotsTxtAudit)

public:
    // status 0: no response at all (the fetch failed or timed out). The body is used only for 2xx,
    // as Lighthouse's fetcher keeps content only then.
    static RobotsTxtAuditResult run(int status, const QByteArray &body);
    // The validator alone, for a 2xx body.
    static QList<RobotsTxtProblem> validate(const QByteArray &body);
};

} // namespace lux::seo
