// SPDX-License-Identifier: GPL-3.0-or-later
#include "robots.h"

#include <QUrl>
#include <QVarLengthArray>

namespace lux::seo {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char upperHex(char c)
{
    return (c >= 'a' && c <= 'f') ? char(c - 'a' + 'A') : c;
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

QByteArrayView trimAscii(QByteArrayView s)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && isAsciiSpace(s[b]))
        ++b;
    while (e > b && isAsciiSpace(s[e - 1]))
        --e;
    return s.sliced(b, e - b);
}

bool startsWithIgnoreCase(QByteArrayView s, QByteArrayView prefix)
{
    return s.size() >= prefix.size() && s.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

// What JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator), which is not
// quite QChar::isSpace: JavaScript trims U+FEFF and does not trim U+0085.
bool isJsSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x09 || u == 0x0A || u == 0x0B || u == 0x0C || u == 0x0D || u == 0x20 || u == 0xA0
        || u == 0xFEFF || u == 0x2028 || u == 0x2029 || c.category() == QChar::Separator_Space;
}

QStringView jsTrim(QStringView s)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && isJsSpace(s[b]))
        ++b;
    while (e > b && isJsSpace(s[e - 1]))
        --e;
    return s.sliced(b, e - b);
}

// Splits on CRLF, CR or LF, as both robots.cc and Lighthouse (/\r\n|\r|\n/) do.
template<typename View>
QList<View> splitLines(View text)
{
    QList<View> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = text[i];
        if (c == u'\n' || c == u'\r') {
            lines.append(text.sliced(start, i - start));
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    lines.append(text.sliced(start));
    return lines;
}

// robots.cc's ExtractUserAgent: the leading run of [A-Za-z_-].
QByteArray leadingToken(QByteArrayView value)
{
    qsizetype n = 0;
    while (n < value.size()) {
        const char c = value[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
            break;
        ++n;
    }
    return value.first(n).toByteArray().toLower();
}

// robots-parser's formatUserAgent: lower case, cut at the first "/", trimmed.
QByteArray robotsParserToken(QStringView value)
{
    QString token = value.toString().toLower();
    if (const qsizetype slash = token.indexOf(u'/'); slash >= 0)
        token.truncate(slash);
    return jsTrim(token).toUtf8();
}

// The path, parameters and query of a URL (robots.cc's GetPathParamsQuery rules): the scheme and
// authority go, so does the fragment; the result starts with "/".
QByteArray pathParamsQuery(QByteArrayView url)
{
    qsizetype searchStart = 0;
    if (url.startsWith("//"))
        searchStart = 2;
    auto findFirstOf = [&url](QByteArrayView chars, qsizetype from) -> qsizetype {
        for (qsizetype i = from; i < url.size(); ++i) {
            if (chars.contains(url[i]))
                return i;
        }
        return -1;
    };
    const qsizetype earlyPath = findFirstOf("/?;", searchStart);
    qsizetype authorityEnd = url.indexOf("://", searchStart);
    if (authorityEnd >= 0 && earlyPath >= 0 && earlyPath < authorityEnd)
        authorityEnd = -1; // "://" inside the path or query is no scheme
    authorityEnd = authorityEnd < 0 ? searchStart : authorityEnd + 3;

    const qsizetype pathStart = findFirstOf("/?;", authorityEnd);
    if (pathStart < 0)
        return QByteArrayLiteral("/");
    const qsizetype hash = url.indexOf('#', searchStart);
    if (hash >= 0 && hash < pathStart)
        return QByteArrayLiteral("/");
    const qsizetype pathEnd = hash < 0 ? url.size() : hash;
    QByteArray path = url.sliced(pathStart, pathEnd - pathStart).toByteArray();
    if (!path.startsWith('/'))
        path.prepend('/');
    return path;
}

// Percent-encodes the bytes for which encode() holds, leaves "%" alone and upper-cases the hex of
// every existing %xx escape.
template<typename Predicate>
QByteArray percentNormalise(QByteArrayView in, Predicate encode)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size() && isHex(in[i + 1]) && isHex(in[i + 2])) {
            out.append('%');
            out.append(upperHex(in[i + 1]));
            out.append(upperHex(in[i + 2]));
            i += 2;
        } else if (c != '%' && encode(uchar(c))) {
            out.append('%');
            out.append(kHex[uchar(c) >> 4]);
            out.append(kHex[uchar(c) & 0xF]);
        } else {
            out.append(c);
        }
    }
    return out;
}

bool isHighByte(uchar c)
{
    return c >= 0x80;
}

// What encodeURI leaves alone (robots-parser encodes patterns with it, then turns %25 back into %).
bool encodeUriEscapes(uchar c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return false;
    return !QByteArrayView("-_.!~*'();/?:@&=+$,#").contains(char(c));
}

// The WHATWG URL parser's path and (special-scheme) query percent-encode sets.
bool whatwgPathEscapes(uchar c)
{
    return c < 0x20 || c > 0x7E || QByteArrayView(" \"#<>?`{}").contains(char(c));
}

bool whatwgQueryEscapes(uchar c)
{
    return c < 0x20 || c > 0x7E || QByteArrayView(" \"#<>'").contains(char(c));
}

} // namespace

QByteArray RobotsTxt::productToken(QStringView userAgent, RobotsDialect dialect)
{
    if (dialect == RobotsDialect::LighthouseRobotsParser) {
        const QByteArray token = robotsParserToken(userAgent);
        return token.isEmpty() ? QByteArrayLiteral("*") : token;
    }
    const QByteArray token = leadingToken(trimAscii(userAgent.toUtf8()));
    return token.isEmpty() ? QByteArrayLiteral("*") : token;
}

QByteArray RobotsTxt::normalisePattern(const QByteArray &pattern, RobotsDialect dialect)
{
    if (dialect == RobotsDialect::LighthouseRobotsParser)
        return percentNormalise(pattern, encodeUriEscapes);
    return percentNormalise(pattern, isHighByte);
}

QByteArray RobotsTxt::matchPath(const QString &urlOrPath, RobotsDialect dialect)
{
    const QByteArray path = pathParamsQuery(urlOrPath.toUtf8());
    if (dialect == RobotsDialect::LighthouseRobotsParser) {
        // robots-parser matches pathname + search of the WHATWG-parsed URL, whose escapes differ
        // between the path and the query.
        const qsizetype q = path.indexOf('?');
        if (q < 0)
            return percentNormalise(path, whatwgPathEscapes);
        return percentNormalise(QByteArrayView(path).first(q), whatwgPathEscapes) + '?'
            + percentNormalise(QByteArrayView(path).sliced(q + 1), whatwgQueryEscapes);
    }
    // Google expects an escaped URL; escaping what is left here keeps "ツ" and "%E3%83%84" one path.
    return percentNormalise(path, isHighByte);
}

bool RobotsTxt::matches(QByteArrayView path, QByteArrayView pattern)
{
    // The offsets in path that the pattern read so far can end at, ascending. Linear in the pattern
    // times the path, whatever the stars: a hostile file cannot make this explode.
    QVarLengthArray<qsizetype, 64> ends;
    ends.append(0);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const char p = pattern[i];
        if (p == '$' && i + 1 == pattern.size())
            return ends.last() == path.size();
        if (p == '*') {
            const qsizetype first = ends.first();
            ends.clear();
            for (qsizetype at = first; at <= path.size(); ++at)
                ends.append(at);
            continue;
        }
        qsizetype kept = 0;
        for (const qsizetype at : std::as_const(ends)) {
            if (at < path.size() && path[at] == p)
                ends[kept++] = at + 1;
        }
        ends.resize(kept);
        if (ends.isEmpty())
            return false;
    }
    return true;
}

RobotsTxt RobotsTxt::parse(const QByteArray &body, RobotsDialect dialect)
{
    return dialect == RobotsDialect::Google ? parseGoogle(body) : parseRobotsParser(body);
}

RobotsTxt RobotsTxt::parseGoogle(const QByteArray &body)
{
    RobotsTxt robots;
    robots.m_dialect = RobotsDialect::Google;
    QByteArrayView data(body);
    if (data.size() > kMaxBytes) {
        data = data.first(kMaxBytes);
        robots.m_truncated = true;
    }
    // A UTF-8 byte order mark, or the part of one the file starts with, is skipped.
    static constexpr char kBom[] = "\xEF\xBB\xBF";
    qsizetype bom = 0;
    while (bom < 3 && bom < data.size() && data[bom] == kBom[bom])
        ++bom;
    data = data.sliced(bom);

    enum class Key { UserAgent, Allow, Disallow, Sitemap, Unknown };
    auto classify = [](QByteArrayView key) {
        if (startsWithIgnoreCase(key, "user-agent") || startsWithIgnoreCase(key, "useragent")
            || startsWithIgnoreCase(key, "user agent"))
            return Key::UserAgent;
        if (startsWithIgnoreCase(key, "allow"))
            return Key::Allow;
        for (const char *spelling : {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}) {
            if (startsWithIgnoreCase(key, spelling))
                return Key::Disallow;
        }
        if (startsWithIgnoreCase(key, "sitemap") || startsWithIgnoreCase(key, "site-map"))
            return Key::Sitemap;
        return Key::Unknown;
    };

    Group *current = nullptr;
    bool ruleSeen = false; // a rule after user-agent lines: the next user-agent starts a new group
    int lineNumber = 0;
    for (QByteArrayView line : splitLines(data)) {
        ++lineNumber;
        if (line.size() > kMaxLineBytes)
            line = line.first(kMaxLineBytes);
        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line = line.first(hash);
        line = trimAscii(line);

        qsizetype sep = line.indexOf(':');
        qsizetype valueStart = sep + 1;
        if (sep < 0) {
            // "Disallow /": Google takes whitespace for the missing colon, only between two words.
            for (qsizetype i = 0; i < line.size(); ++i) {
                if (line[i] == ' ' || line[i] == '\t') {
                    sep = i;
                    break;
                }
            }
            if (sep < 0)
                continue;
            valueStart = sep;
            while (valueStart < line.size() && (line[valueStart] == ' ' || line[valueStart] == '\t'))
                ++valueStart;
            if (line.sliced(valueStart).contains(' ') || line.sliced(valueStart).contains('\t'))
                continue;
        }
        const QByteArrayView key = trimAscii(line.first(sep));
        if (key.isEmpty())
            continue;
        const QByteArrayView value = trimAscii(line.sliced(valueStart));

        switch (classify(key)) {
        case Key::UserAgent:
            if (!current || ruleSeen) {
                robots.m_groups.append(Group{});
                current = &robots.m_groups.last();
                ruleSeen = false;
            }
            // "*" alone or followed by whitespace is the global group ("* foo" too).
            if (value.startsWith('*') && (value.size() == 1 || isAsciiSpace(value[1])))
                current->agents.append(QByteArrayLiteral("*"));
            else
                current->agents.append(leadingToken(value));
            break;
        case Key::Allow:
        case Key::Disallow:
            if (!current)
                break; // rules before the first user-agent belong to no group
            current->rules.append({classify(key) == Key::Allow, normalisePattern(value.toByteArray(), RobotsDialect::Google),
                                   lineNumber});
            ruleSeen = true;
            break;
        case Key::Sitemap:
            // Global, and (RFC 9309 §2.2.4) it does not end a group.
            if (!value.isEmpty())
                robots.m_sitemaps.append(QString::fromUtf8(value));
            break;
        case Key::Unknown:
            break;
        }
    }
    for (Group &group : robots.m_groups)
        group.registered = true;
    return robots;
}

RobotsTxt RobotsTxt::parseRobotsParser(const QByteArray &body)
{
    RobotsTxt robots;
    robots.m_dialect = RobotsDialect::LighthouseRobotsParser;
    QString text = QString::fromUtf8(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // Lighthouse's fetcher decodes with a BOM-stripping TextDecoder

    Group *current = nullptr;
    bool afterOtherLine = true; // robots-parser's isNoneUserAgentState
    int lineNumber = 0;
    for (QStringView line : splitLines(QStringView(text))) {
        ++lineNumber;
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line = line.first(hash);
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            continue; // ignored altogether, even for grouping
        const QString key = jsTrim(line.first(colon)).toString().toLower();
        if (key.isEmpty())
            continue;
        const QStringView value = jsTrim(line.sliced(colon + 1));

        if (key == u"user-agent") {
            if (afterOtherLine) {
                robots.m_groups.append(Group{});
                current = &robots.m_groups.last();
            }
            if (!value.isEmpty())
                current->agents.append(robotsParserToken(value));
        } else if (key == u"allow" || key == u"disallow" || key == u"crawl-delay") {
            if (current) {
                current->registered = true; // an empty Disallow still makes the group known
                if (key != u"crawl-delay" && !value.isEmpty())
                    current->rules.append({key == u"allow", normalisePattern(value.toUtf8(), robots.m_dialect), lineNumber});
            }
        } else if (key == u"sitemap") {
            if (!value.isEmpty())
                robots.m_sitemaps.append(value.toString());
        }
        afterOtherLine = key != u"user-agent";
    }
    return robots;
}

RobotsDecision RobotsTxt::decide(const QStringList &productTokens, const QString &urlOrPath) const
{
    RobotsDecision decision;
    const QByteArray path = matchPath(urlOrPath, m_dialect);

    // The groups that apply: every group naming the first token that has one (Google merges them,
    // RFC 9309 §2.2.1; robots-parser appends their rules), else every "*" group, else none.
    QList<const Group *> groups;
    QStringList tokens = productTokens.isEmpty() ? QStringList{QStringLiteral("*")} : productTokens;
    if (m_dialect == RobotsDialect::LighthouseRobotsParser)
        tokens = tokens.first(1);
    for (const QString &ua : std::as_const(tokens)) {
        const QByteArray token = productToken(ua, m_dialect);
        if (token == "*")
            break;
        for (const Group &group : m_groups) {
            if (group.registered && group.agents.contains(token))
                groups.append(&group);
        }
        if (!groups.isEmpty()) {
            decision.specificGroup = true;
            break;
        }
    }
    if (groups.isEmpty()) {
        for (const Group &group : m_groups) {
            if (group.registered && group.agents.contains(QByteArrayLiteral("*")))
                groups.append(&group);
        }
    }

    if (m_dialect == RobotsDialect::Google) {
        // RFC 9309 §2.2.2: the robots.txt itself is always allowed.
        const qsizetype q = path.indexOf('?');
        if (QByteArrayView(path).first(q < 0 ? path.size() : q) == "/robots.txt")
            return decision;
    }

    // Longest pattern (in octets, after normalisation) wins; allow wins a tie; a pattern that
    // matches with length 0 (an empty Disallow) decides nothing.
    int bestAllow = -1;
    int bestDisallow = -1;
    const RobotsRule *allowRule = nullptr;
    const RobotsRule *disallowRule = nullptr;
    for (const Group *group : std::as_const(groups)) {
        for (const RobotsRule &rule : group->rules) {
            int priority = matches(path, rule.pattern) ? int(rule.pattern.size()) : -1;
            if (priority < 0 && rule.allow && m_dialect == RobotsDialect::Google) {
                // Google: "Allow: /dir/index.html" also allows "/dir/".
                const qsizetype slash = rule.pattern.lastIndexOf('/');
                if (slash >= 0 && QByteArrayView(rule.pattern).sliced(slash).startsWith("/index.htm")) {
                    const QByteArray directory = rule.pattern.first(slash + 1) + '$';
                    if (matches(path, directory))
                        priority = int(directory.size());
                }
            }
            if (priority < 0)
                continue;
            if (rule.allow && priority > bestAllow) {
                bestAllow = priority;
                allowRule = &rule;
            } else if (!rule.allow && priority > bestDisallow) {
                bestDisallow = priority;
                disallowRule = &rule;
            }
        }
    }
    if (bestDisallow > 0 && bestDisallow > bestAllow) {
        decision.allowed = false;
        decision.line = disallowRule->line;
        decision.pattern = disallowRule->pattern;
    } else if (allowRule && bestAllow > 0) {
        decision.allowRule = true;
        decision.line = allowRule->line;
        decision.pattern = allowRule->pattern;
    }
    return decision;
}

bool RobotsTxt::isAllowedForTokens(const QStringList &productTokens, const QString &urlOrPath) const
{
    return decide(productTokens, urlOrPath).allowed;
}

bool RobotsTxt::isAllowed(QStringView userAgent, const QString &urlOrPath) const
{
    return decide(QStringList{userAgent.toString()}, urlOrPath).allowed;
}

// ---- Lighthouse's robots-txt audit ----

namespace {

bool isSpecialScheme(const QString &scheme)
{
    return scheme == u"http" || scheme == u"https" || scheme == u"ftp" || scheme == u"ws" || scheme == u"wss";
}

// An approximation of `new URL(value)` succeeding without a base: a scheme, and for the special
// schemes a host that the WHATWG parser accepts (no forbidden host code point, a numeric port).
bool parsesAsAbsoluteUrl(const QString &value, QString *schemeOut)
{
    qsizetype colon = value.indexOf(u':');
    if (colon <= 0 || !(value[0].isLetter() && value[0].unicode() < 0x80))
        return false;
    for (qsizetype i = 1; i < colon; ++i) {
        const QChar c = value[i];
        if (!(c.unicode() < 0x80 && (c.isLetterOrNumber() || c == u'+' || c == u'-' || c == u'.')))
            return false;
    }
    const QString scheme = value.first(colon).toLower();
    *schemeOut = scheme;
    if (!isSpecialScheme(scheme))
        return true;
    qsizetype at = colon + 1;
    while (at < value.size() && (value[at] == u'/' || value[at] == u'\\'))
        ++at;
    qsizetype end = at;
    while (end < value.size() && !QStringView(u"/\\?#").contains(value[end]))
        ++end;
    QStringView authority = QStringView(value).sliced(at, end - at);
    if (const qsizetype userinfo = authority.lastIndexOf(u'@'); userinfo >= 0)
        authority = authority.sliced(userinfo + 1);
    QStringView host = authority;
    if (!host.startsWith(u'[')) {
        if (const qsizetype portAt = host.lastIndexOf(u':'); portAt >= 0) {
            const QStringView port = host.sliced(portAt + 1);
            for (const QChar c : port) {
                if (!c.isDigit())
                    return false;
            }
            host = host.first(portAt);
        }
    }
    if (host.isEmpty())
        return false;
    if (host.startsWith(u'['))
        return host.endsWith(u']') && !QUrl(QStringLiteral("http://") + host.toString(), QUrl::StrictMode).host().isEmpty();
    for (const QChar c : host) {
        if (c.unicode() <= 0x20 || QStringView(u"#%/:<>?@[\\]^|").contains(c))
            return false;
    }
    return true;
}

} // namespace

QList<RobotsTxtProblem> RobotsTxtAudit::validate(const QByteArray &body)
{
    static const QStringList kKnown = {
        QStringLiteral("user-agent"), QStringLiteral("disallow"), QStringLiteral("allow"),
        QStringLiteral("sitemap"), QStringLiteral("crawl-delay"), QStringLiteral("clean-param"),
        QStringLiteral("host"), QStringLiteral("request-rate"), QStringLiteral("visit-time"),
        QStringLiteral("noindex"),
    };
    QList<RobotsTxtProblem> problems;
    QString text = QString::fromUtf8(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    bool inGroup = false; // once any user-agent line has been read, never reset (Lighthouse 12.8.2)
    int lineNumber = 0;
    for (const QStringView raw : splitLines(QStringView(text))) {
        ++lineNumber;
        auto fail = [&](const QString &message) {
            problems.append({lineNumber, raw.toString(), message});
        };
        QStringView line = raw;
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line = line.first(hash);
        line = jsTrim(line);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0) {
            fail(tr("Syntax not understood"));
            continue;
        }
        const QString directive = jsTrim(line.first(colon)).toString().toLower();
        const QString value = jsTrim(line.sliced(colon + 1)).toString();
        if (!kKnown.contains(directive)) {
            fail(tr("Unknown directive"));
            continue;
        }
        if (directive == u"sitemap") {
            QString scheme;
            if (!parsesAsAbsoluteUrl(value, &scheme)) {
                fail(tr("Invalid sitemap URL"));
                continue;
            }
            if (scheme != u"http" && scheme != u"https" && scheme != u"ftp") {
                fail(tr("Invalid sitemap URL protocol"));
                continue;
            }
        } else if (directive == u"user-agent") {
            if (value.isEmpty()) {
                fail(tr("No user-agent specified"));
                continue;
            }
            inGroup = true;
        } else if (directive == u"allow" || directive == u"disallow") {
            if (!value.isEmpty() && !value.startsWith(u'/') && !value.startsWith(u'*')) {
                fail(tr("Pattern should either be empty, start with \"/\" or \"*\""));
                continue;
            }
            const qsizetype dollar = value.indexOf(u'$');
            if (dollar >= 0 && dollar != value.size() - 1) {
                fail(tr("\"$\" should only be used at the end of the pattern"));
                continue;
            }
            if (!inGroup)
                fail(tr("No user-agent specified"));
        }
    }
    return problems;
}

RobotsTxtAuditResult RobotsTxtAudit::run(int status, const QByteArray &body)
{
    using Verdict = RobotsTxtAuditResult::Verdict;
    RobotsTxtAuditResult result;
    if (status <= 0) {
        result.verdict = Verdict::Fail;
        result.summary = tr("The robots.txt file could not be downloaded");
        return result;
    }
    if (status >= 500) {
        result.verdict = Verdict::Fail;
        result.summary = tr("Request for robots.txt returned HTTP status: %1").arg(status);
        return result;
    }
    const bool ok = status >= 200 && status < 300;
    QByteArray content = body;
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    if (status >= 400 || (ok && content.isEmpty())) {
        result.verdict = Verdict::NotApplicable;
        return result;
    }
    if (!ok) {
        // Lighthouse has no body for a final 1xx or 3xx and its audit throws.
        result.verdict = Verdict::Error;
        result.summary = tr("robots.txt answered HTTP status %1 with no content").arg(status);
        return result;
    }
    result.problems = validate(body);
    if (result.problems.isEmpty())
        return result;
    result.verdict = Verdict::Fail;
    result.summary = tr("%n error(s) found", nullptr, int(result.problems.size()));
    return result;
}

} // namespace lux::seo
