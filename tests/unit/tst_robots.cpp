// SPDX-License-Identifier: GPL-3.0-or-later
// robots.txt as Google reads it (the site crawl) and as Lighthouse's robots-parser reads it
// (is-crawlable), and Lighthouse 12.8.2's robots-txt validity audit. The expected values in the
// matching tables are Google's published examples (the robots.txt spec's path-matching and
// precedence tables, google/robotstxt's robots_test.cc) and RFC 9309's; see docs/SEO.md (robots.txt).
#include "seo/robots.h"

#include <QRegularExpression>
#include <QTest>

using namespace lux::seo;
using namespace Qt::StringLiterals;

namespace {

QByteArray fooBotFile(const QByteArray &allowPattern)
{
    // How Google's own tests state the path-matching table: everything disallowed but the pattern.
    return "user-agent: FooBot\ndisallow: /\nallow: " + allowPattern + '\n';
}

bool allowed(const QByteArray &body, const QString &agent, const QString &url,
             RobotsDialect dialect = RobotsDialect::Google)
{
    return RobotsTxt::parse(body, dialect).isAllowed(QStringView(agent), url);
}

using Verdict = RobotsTxtAuditResult::Verdict;

} // namespace

class TestRobots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishedPathMatching_data();
    void publishedPathMatching();
    void precedence_data();
    void precedence();
    void groupSelection_data();
    void groupSelection();
    void productTokens();
    void matchPath_data();
    void matchPath();
    void normalisePatterns();
    void lineEndingsAndNumbers();
    void byteOrderMark();
    void junkLinesAndTypos();
    void sizeLimit();
    void longLine();
    void sitemaps();
    void hostilePatternsStayCheap();
    void lighthouseDialect_data();
    void lighthouseDialect();
    void auditStatus_data();
    void auditStatus();
    void auditLines_data();
    void auditLines();
    void auditMessagesAreTranslatable();
};

// Google's "URL matching based on path values" table (memo §3.3), each row as Google's test states
// it; rows that only Google's test has (its spellings of a few paths) are added where they differ.
void TestRobots::publishedPathMatching_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("matches");

    struct Row
    {
        const char *pattern;
        const char *path;
        bool matches;
    };
    const Row rows[] = {
        {"/", "/", true},
        {"/", "/a/b.html", true},
        {"/*", "/", true},
        {"/*", "/a/b.html", true},
        {"/$", "/", true},
        {"/$", "/page.html", false},
        {"/fish", "/fish", true},
        {"/fish", "/fish.html", true},
        {"/fish", "/fish/salmon.html", true},
        {"/fish", "/fishheads", true},
        {"/fish", "/fishheads/yummy.html", true},
        {"/fish", "/fish.php?id=anything", true},
        {"/fish", "/fish.html?id=anything", true},
        {"/fish", "/Fish.asp", false},
        {"/fish", "/catfish", false},
        {"/fish", "/?id=fish", false},
        {"/fish", "/desert/fish", false},
        {"/fish", "/bar", false},
        {"/fish*", "/fish", true},
        {"/fish*", "/fish.html", true},
        {"/fish*", "/fish/salmon.html", true},
        {"/fish*", "/fishheads", true},
        {"/fish*", "/fishheads/yummy.html", true},
        {"/fish*", "/fish.php?id=anything", true},
        {"/fish*", "/fish.html?id=anything", true},
        {"/fish*", "/Fish.asp", false},
        {"/fish*", "/Fish.bar", false},
        {"/fish*", "/catfish", false},
        {"/fish*", "/?id=fish", false},
        {"/fish*", "/desert/fish", false},
        {"/fish*", "/bar", false},
        {"/fish/", "/fish/", true},
        {"/fish/", "/fish/?id=anything", true},
        {"/fish/", "/fish/salmon.htm", true},
        {"/fish/", "/fish/salmon.html", true},
        {"/fish/", "/fish/salmon", true},
        {"/fish/", "/fish/?salmon", true},
        {"/fish/", "/fish", false},
        {"/fish/", "/fish.html", false},
        {"/fish/", "/animals/fish/", false},
        {"/fish/", "/Fish/Salmon.asp", false},
        {"/fish/", "/Fish/Salmon.html", false},
        {"/fish/", "/bar", false},
        {"/*.php", "/index.php", true},
        {"/*.php", "/filename.php", true},
        {"/*.php", "/folder/filename.php", true},
        {"/*.php", "/folder/filename.php?parameters", true},
        {"/*.php", "/folder/any.php.file.html", true},
        {"/*.php", "//folder/any.php.file.html", true},
        {"/*.php", "/filename.php/", true},
        {"/*.php", "/index?f=filename.php/", true},
        {"/*.php", "/", false},
        {"/*.php", "/windows.PHP", false},
        {"/*.php", "/php/", false},
        {"/*.php", "/index?php", false},
        {"/*.php", "/bar", false},
        {"/*.php$", "/filename.php", true},
        {"/*.php$", "/folder/filename.php", true},
        {"/*.php$", "/filename.php?parameters", false},
        {"/*.php$", "/filename.php/", false},
        {"/*.php$", "/filename.php5", false},
        {"/*.php$", "/windows.PHP", false},
        {"/*.php$", "//windows.PHP", false},
        {"/*.php$", "/php/", false},
        {"/*.php$", "/filename?php", false},
        {"/*.php$", "/aaaphpaaa", false},
        {"/*.php$", "/bar", false},
        {"/fish*.php", "/fish.php", true},
        {"/fish*.php", "/fishheads/catfish.php?parameters", true},
        {"/fish*.php", "/Fish.PHP", false},
        {"/fish*.php", "/bar", false},
    };
    for (const Row &row : rows)
        QTest::addRow("%s on %s", row.pattern, row.path) << QByteArray(row.pattern) << QString::fromUtf8(row.path) << row.matches;
}

void TestRobots::publishedPathMatching()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QString, path);
    QFETCH(bool, matches);

    const QByteArray body = fooBotFile(pattern);
    const RobotsTxt google = RobotsTxt::parse(body);
    QCOMPARE(google.isAllowed(u"FooBot", u"http://foo.bar"_s + path), matches);
    // The same answer for a bare path and for a scheme-relative URL.
    QCOMPARE(google.isAllowed(u"FooBot", path), matches);
    QCOMPARE(google.isAllowed(u"FooBot", u"//foo.bar"_s + path), matches);
    // The pattern alone, as the matcher sees it.
    QCOMPARE(RobotsTxt::matches(RobotsTxt::matchPath(path, RobotsDialect::Google), pattern), matches);
    // Lighthouse's robots-parser agrees on every published example.
    QCOMPARE(allowed(body, u"FooBot"_s, u"http://foo.bar"_s + path, RobotsDialect::LighthouseRobotsParser), matches);
}

// Google's "order of precedence for rules" table (memo §3.4), the longest-match, special-character
// and encoding cases of robots_test.cc, and RFC 9309's examples.
void TestRobots::precedence_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<int>("decidingLine"); // 0: no rule decided

    auto row = [](const char *name, const char *rules, const char *url, bool allowedNow, int line) {
        QTest::newRow(name) << QByteArray("user-agent: FooBot\n") + rules << QString::fromUtf8(url) << allowedNow << line;
    };
    // Google's table.
    row("doc: allow /p beats disallow /", "allow: /p\ndisallow: /\n", "https://example.com/page", true, 2);
    row("doc: equal length, allow wins", "allow: /folder\ndisallow: /folder\n", "https://example.com/folder/page", true, 2);
    row("doc: /*.htm longer than /page", "allow: /page\ndisallow: /*.htm\n", "https://example.com/page.htm", false, 3);
    row("doc: /page vs /*.ph equal, allow", "allow: /page\ndisallow: /*.ph\n", "https://example.com/page.php5", true, 2);
    row("doc: allow /$ for the root", "allow: /$\ndisallow: /\n", "https://example.com/", true, 2);
    row("doc: allow /$ not for a page", "allow: /$\ndisallow: /\n", "https://example.com/page.htm", false, 3);
    // robots_test.cc ID_LongestMatch.
    row("longest: disallow page over allow dir", "disallow: /x/page.html\nallow: /x/\n", "http://foo.bar/x/page.html", false, 2);
    row("longest: allow page over disallow dir", "allow: /x/page.html\ndisallow: /x/\n", "http://foo.bar/x/page.html", true, 2);
    row("longest: the dir itself stays disallowed", "allow: /x/page.html\ndisallow: /x/\n", "http://foo.bar/x/", false, 3);
    row("longest: empty disallow and allow", "disallow: \nallow: \n", "http://foo.bar/x/page.html", true, 0);
    row("longest: disallow / and allow /", "disallow: /\nallow: /\n", "http://foo.bar/x/page.html", true, 3);
    row("longest: /x disallowed", "disallow: /x\nallow: /x/\n", "http://foo.bar/x", false, 2);
    row("longest: /x/ allowed", "disallow: /x\nallow: /x/\n", "http://foo.bar/x/", true, 3);
    row("longest: same pattern twice, allow", "disallow: /x/page.html\nallow: /x/page.html\n", "http://foo.bar/x/page.html", true, 3);
    row("longest: /*.html over /page", "allow: /page\ndisallow: /*.html\n", "http://foo.bar/page.html", false, 3);
    row("longest: /page alone", "allow: /page\ndisallow: /*.html\n", "http://foo.bar/page", true, 2);
    row("longest: /x/page. over /*.html", "allow: /x/page.\ndisallow: /*.html\n", "http://foo.bar/x/page.html", true, 2);
    row("longest: /*.html elsewhere", "allow: /x/page.\ndisallow: /*.html\n", "http://foo.bar/x/y.html", false, 3);
    // robots_test.cc ID_SpecialCharacters.
    row("special: disallowed exactly", "Disallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo/bar/quz", false, 2);
    row("special: /foo/quz", "Disallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo/quz", true, 0);
    row("special: /foo//quz", "Disallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo//quz", true, 0);
    row("special: /foo/bax/quz", "Disallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "http://foo.bar/foo/bax/quz", true, 0);
    row("special: $ ends /foo/bar", "Disallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar", false, 2);
    row("special: /foo/bar/qux", "Disallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar/qux", true, 3);
    row("special: /foo/bar/", "Disallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar/", true, 0);
    row("special: /foo/bar/baz", "Disallow: /foo/bar$\nAllow: /foo/bar/qux\n", "http://foo.bar/foo/bar/baz", true, 0);
    row("special: # starts a comment", "# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n", "http://foo.bar/foo/quz", false, 3);
    row("special: commented-out rule", "# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n", "http://foo.bar/foo/bar", true, 4);
    row("special: $ inside is literal", "Disallow: /a$b\n", "http://foo.bar/a$b", false, 2);
    row("special: $ inside is not an anchor", "Disallow: /a$b\n", "http://foo.bar/a", true, 0);
    // Encoding (robots_test.cc ID_Encoding, RFC 9309 §2.2.2 table).
    row("encoding: URL in the query as written", "Disallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n",
        "http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par", true, 3);
    row("encoding: ツ in the rule, escaped URL", "Disallow: /\nAllow: /foo/bar/ツ\n", "http://foo.bar/foo/bar/%E3%83%84", true, 3);
    row("encoding: escaped rule, escaped URL", "Disallow: /\nAllow: /foo/bar/%E3%83%84\n", "http://foo.bar/foo/bar/%E3%83%84", true, 3);
    row("encoding: lower-case hex in rule and URL", "Disallow: /\nAllow: /foo/bar/%e3%83%84\n", "http://foo.bar/foo/bar/%e3%83%84", true, 3);
    row("encoding: %62%61%7A is not baz", "Disallow: /\nAllow: /foo/bar/%62%61%7A\n", "http://foo.bar/foo/bar/baz", false, 2);
    row("encoding: %62%61%7A as written", "Disallow: /\nAllow: /foo/bar/%62%61%7A\n", "http://foo.bar/foo/bar/%62%61%7A", true, 3);
    row("rfc: literal * as %2A", "Disallow: /path/file-with-a-%2A.html\n", "https://www.example.com/path/file-with-a-%2A.html", false, 2);
    row("rfc: literal $ as %24", "Disallow: /path/foo-%24\n", "https://www.example.com/path/foo-%24", false, 2);
    row("rfc: longest match", "Allow: /example/page/\nDisallow: /example/page/disallowed.gif\n",
        "https://www.example.com/example/page/disallowed.gif", false, 3);
    row("rfc: the rest of the directory", "Allow: /example/page/\nDisallow: /example/page/disallowed.gif\n",
        "https://www.example.com/example/page/allowed.gif", true, 2);
    // RFC 9309 §2.2.2: /robots.txt is implicitly allowed.
    row("rfc: /robots.txt always allowed", "Disallow: /\n", "https://example.com/robots.txt", true, 0);
    row("rfc: only /robots.txt itself", "Disallow: /\n", "https://example.com/robots.txt.bak", false, 2);
    // Google: "Allow: …/index.html" also allows the directory (GoogleOnly_IndexHTMLisDirectory).
    row("index.html: the directory", "Allow: /allowed-slash/index.html\nDisallow: /\n", "http://foo.com/allowed-slash/", true, 2);
    row("index.html: not index.htm", "Allow: /allowed-slash/index.html\nDisallow: /\n", "http://foo.com/allowed-slash/index.htm", false, 3);
    row("index.html: the page", "Allow: /allowed-slash/index.html\nDisallow: /\n", "http://foo.com/allowed-slash/index.html", true, 2);
    row("index.html: nothing else", "Allow: /allowed-slash/index.html\nDisallow: /\n", "http://foo.com/anyother-url", false, 3);
    row("index.html: not below the directory", "Allow: /d/index.html\nDisallow: /\n", "http://foo.com/d/other", false, 3);
    // An empty URL is the root (GoogleOnly_SystemTest).
    row("empty URL is /", "disallow: /\n", "", false, 2);
}

void TestRobots::precedence()
{
    QFETCH(QByteArray, rules);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QFETCH(int, decidingLine);

    const RobotsTxt robots = RobotsTxt::parse(rules);
    const RobotsDecision decision = robots.decide({u"FooBot"_s}, url);
    QCOMPARE(decision.allowed, allowed);
    QCOMPARE(decision.line, decidingLine);
    QVERIFY(decision.specificGroup);
    if (decidingLine > 0)
        QCOMPARE(decision.allowRule, allowed);
}

void TestRobots::groupSelection_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("agents");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");

    // robots_test.cc ID_LineSyntax_Groups: groups, rules outside groups, merging of one agent's groups.
    const QByteArray groups = "allow: /foo/bar/\n\nuser-agent: FooBot\ndisallow: /\nallow: /x/\nuser-agent: BarBot\n"
                              "disallow: /\nallow: /y/\n\n\nallow: /w/\nuser-agent: BazBot\n\nuser-agent: FooBot\n"
                              "allow: /z/\ndisallow: /\n";
    QTest::newRow("groups: FooBot /x") << groups << QStringList{u"FooBot"_s} << u"http://foo.bar/x/b"_s << true;
    QTest::newRow("groups: FooBot /z (merged)") << groups << QStringList{u"FooBot"_s} << u"http://foo.bar/z/d"_s << true;
    QTest::newRow("groups: FooBot /y") << groups << QStringList{u"FooBot"_s} << u"http://foo.bar/y/c"_s << false;
    QTest::newRow("groups: BarBot /y") << groups << QStringList{u"BarBot"_s} << u"http://foo.bar/y/c"_s << true;
    QTest::newRow("groups: BarBot /w (blank lines)") << groups << QStringList{u"BarBot"_s} << u"http://foo.bar/w/a"_s << true;
    QTest::newRow("groups: BarBot /z") << groups << QStringList{u"BarBot"_s} << u"http://foo.bar/z/d"_s << false;
    QTest::newRow("groups: BazBot shares FooBot's") << groups << QStringList{u"BazBot"_s} << u"http://foo.bar/z/d"_s << true;
    QTest::newRow("groups: rule before any agent, FooBot") << groups << QStringList{u"FooBot"_s} << u"http://foo.bar/foo/bar/"_s << false;
    QTest::newRow("groups: rule before any agent, BarBot") << groups << QStringList{u"BarBot"_s} << u"http://foo.bar/foo/bar/"_s << false;
    QTest::newRow("groups: rule before any agent, BazBot") << groups << QStringList{u"BazBot"_s} << u"http://foo.bar/foo/bar/"_s << false;

    // ID_GlobalGroups_Secondary: the specific group wins over "*"; with neither, everything is allowed.
    const QByteArray global = "user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n";
    QTest::newRow("global: specific wins") << global << QStringList{u"FooBot"_s} << u"http://foo.bar/x/y"_s << false;
    QTest::newRow("global: others use *") << global << QStringList{u"BarBot"_s} << u"http://foo.bar/x/y"_s << true;
    const QByteArray onlySpecific = "user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n";
    QTest::newRow("global: no * group, unnamed bot") << onlySpecific << QStringList{u"QuxBot"_s} << u"http://foo.bar/x/y"_s << true;
    QTest::newRow("global: empty file") << QByteArray() << QStringList{u"FooBot"_s} << u"http://foo.bar/x/y"_s << true;
    QTest::newRow("global: empty agent asks as *") << QByteArray("user-agent: FooBot\ndisallow: /\n") << QStringList{QString()}
                                                   << u"http://foo.bar/"_s << true;
    const QByteArray specificIgnoresGlobal = "User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n";
    QTest::newRow("global: * not merged into specific") << specificIgnoresGlobal << QStringList{u"FooBot"_s} << u"http://foo.bar/x/page"_s << true;
    QTest::newRow("global: specific rule") << specificIgnoresGlobal << QStringList{u"FooBot"_s} << u"http://foo.bar/y/page"_s << false;
    QTest::newRow("global: a specific group without rules") << QByteArray("User-agent: *\nDisallow: /\nUser-agent: FooBot\n")
                                                            << QStringList{u"FooBot"_s} << u"http://foo.bar/page"_s << true;
    QTest::newRow("global: an empty Disallow") << QByteArray("User-agent: *\nDisallow: /\n\nUser-agent: FooBot\nDisallow:\n")
                                               << QStringList{u"FooBot"_s} << u"http://foo.bar/page"_s << true;
    QTest::newRow("global: '* foo' is global") << QByteArray("User-agent: * foo\nDisallow: /\n") << QStringList{u"FooBot"_s}
                                               << u"http://foo.bar/page"_s << false;
    QTest::newRow("global: two agents, one group") << QByteArray("User-agent: FooBot\nUser-agent: *\nDisallow: /a\n")
                                                   << QStringList{u"BarBot"_s} << u"http://foo.bar/a"_s << false;

    // Case: names and values are case-insensitive, the bot's name too (ID_UserAgentValueCaseInsensitive).
    for (const char *value : {"FOO BAR", "foo bar", "FoO bAr"}) {
        const QByteArray body = QByteArray("User-Agent: ") + value + "\nAllow: /x/\nDisallow: /\n";
        for (const QString &bot : {u"Foo"_s, u"foo"_s}) {
            QTest::addRow("case: %s as %s, allowed", value, qPrintable(bot)) << body << QStringList{bot} << u"http://foo.bar/x/y"_s << true;
            QTest::addRow("case: %s as %s, disallowed", value, qPrintable(bot)) << body << QStringList{bot} << u"http://foo.bar/a/b"_s << false;
        }
    }
    QTest::newRow("case: upper-case directives") << QByteArray("USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n") << QStringList{u"FooBot"_s}
                                                 << u"http://foo.bar/a/b"_s << false;
    QTest::newRow("case: camel-case directives") << QByteArray("uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n") << QStringList{u"FooBot"_s}
                                                 << u"http://foo.bar/x/y"_s << true;
    QTest::newRow("case: paths are case-sensitive") << QByteArray("user-agent: FooBot\ndisallow: /X/\n") << QStringList{u"FooBot"_s}
                                                    << u"http://foo.bar/x/y"_s << true;

    // Product tokens: the group's value and the bot's name reduced to the leading [A-Za-z_-] run.
    const QByteArray googlebot = "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nAllow: /\n";
    QTest::newRow("token: Googlebot/2.1 is googlebot") << googlebot << QStringList{u"Googlebot/2.1"_s} << u"/page"_s << true;
    QTest::newRow("token: googlebot") << googlebot << QStringList{u"googlebot"_s} << u"/page"_s << true;
    QTest::newRow("token: Googlebot-News is another bot") << googlebot << QStringList{u"Googlebot-News"_s} << u"/page"_s << false;
    QTest::newRow("token: not a substring match") << googlebot << QStringList{u"Googlebo"_s} << u"/page"_s << false;
    QTest::newRow("token: group googlebot* is googlebot") << QByteArray("User-agent: googlebot*\nDisallow: /\n")
                                                          << QStringList{u"Googlebot"_s} << u"/page"_s << false;
    QTest::newRow("token: group googlebot/1.2 is googlebot") << QByteArray("User-agent: googlebot/1.2\nDisallow: /\n")
                                                             << QStringList{u"Googlebot"_s} << u"/page"_s << false;
    const QByteArray upToSpace = "User-Agent: *\nDisallow: /\nUser-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n";
    QTest::newRow("token: group 'Foo Bar' is foo") << upToSpace << QStringList{u"Foo"_s} << u"http://foo.bar/x/y"_s << true;
    QTest::newRow("token: group 'Foo Bar' is not bar") << upToSpace << QStringList{u"Bar"_s} << u"http://foo.bar/x/y"_s << false;

    // Google's two-token crawlers: Googlebot-News obeys a googlebot-news group, else Googlebot's.
    QTest::newRow("tokens: falls back to googlebot") << googlebot << QStringList{u"Googlebot-News"_s, u"Googlebot"_s} << u"/page"_s << true;
    const QByteArray news = "User-agent: googlebot-news\nDisallow: /fish\n\nUser-agent: *\nDisallow: /carrots\n\n"
                            "User-agent: googlebot\nDisallow: /\n\nUser-agent: googlebot-news\nDisallow: /shrimp\n";
    QTest::newRow("doc: news obeys its own group, /fish") << news << QStringList{u"Googlebot-News"_s, u"Googlebot"_s} << u"/fish"_s << false;
    QTest::newRow("doc: news groups merged, /shrimp") << news << QStringList{u"Googlebot-News"_s, u"Googlebot"_s} << u"/shrimp"_s << false;
    QTest::newRow("doc: news ignores *, /carrots") << news << QStringList{u"Googlebot-News"_s, u"Googlebot"_s} << u"/carrots"_s << true;
    QTest::newRow("doc: news ignores googlebot's /") << news << QStringList{u"Googlebot-News"_s, u"Googlebot"_s} << u"/page"_s << true;
    QTest::newRow("doc: Googlebot uses its group") << news << QStringList{u"Googlebot"_s} << u"/page"_s << false;
    QTest::newRow("doc: Storebot-Google uses *") << news << QStringList{u"Storebot-Google"_s} << u"/carrots"_s << false;
    QTest::newRow("doc: Storebot-Google elsewhere") << news << QStringList{u"Storebot-Google"_s} << u"/page"_s << true;

    // Records other than the group members do not end a group (RFC 9309 §2.2.4,
    // ID_LineSyntax_Groups_OtherRules).
    QTest::newRow("other records: sitemap keeps the group") << QByteArray("User-agent: BarBot\nSitemap: https://foo.bar/sitemap\nUser-agent: *\nDisallow: /\n")
                                                            << QStringList{u"BarBot"_s} << u"http://foo.bar/"_s << false;
    QTest::newRow("other records: unknown line keeps it") << QByteArray("User-agent: FooBot\nInvalid-Unknown-Line: unknown\nUser-agent: *\nDisallow: /\n")
                                                          << QStringList{u"FooBot"_s} << u"http://foo.bar/"_s << false;
}

void TestRobots::groupSelection()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, agents);
    QFETCH(QString, url);
    QFETCH(bool, allowed);

    QCOMPARE(RobotsTxt::parse(body).isAllowedForTokens(agents, url), allowed);
}

void TestRobots::productTokens()
{
    QCOMPARE(RobotsTxt::productToken(u"Googlebot/2.1", RobotsDialect::Google), QByteArray("googlebot"));
    QCOMPARE(RobotsTxt::productToken(u"  Googlebot-Image/1.0", RobotsDialect::Google), QByteArray("googlebot-image"));
    QCOMPARE(RobotsTxt::productToken(u"LUX-Marketing_SEO/0.1 (+https://lux.example)", RobotsDialect::Google), QByteArray("lux-marketing_seo"));
    QCOMPARE(RobotsTxt::productToken(u"", RobotsDialect::Google), QByteArray("*"));
    QCOMPARE(RobotsTxt::productToken(u"*", RobotsDialect::Google), QByteArray("*"));
    QCOMPARE(RobotsTxt::productToken(u"Googlebot/2.1", RobotsDialect::LighthouseRobotsParser), QByteArray("googlebot"));
    QCOMPARE(RobotsTxt::productToken(u"archive.org_bot", RobotsDialect::LighthouseRobotsParser), QByteArray("archive.org_bot"));
    QCOMPARE(RobotsTxt::productToken(u"archive.org_bot", RobotsDialect::Google), QByteArray("archive"));
    QCOMPARE(RobotsTxt::productToken(u"", RobotsDialect::LighthouseRobotsParser), QByteArray("*"));
}

// The part of a URL rules are matched against (robots_test.cc TestGetPathParamsQuery).
void TestRobots::matchPath_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("path");
    const std::pair<const char *, const char *> rows[] = {
        {"", "/"},
        {"http://www.example.com", "/"},
        {"http://www.example.com/", "/"},
        {"http://www.example.com/a", "/a"},
        {"http://www.example.com/a/", "/a/"},
        {"http://www.example.com/a/b?c=http://d.e/", "/a/b?c=http://d.e/"},
        {"http://www.example.com/a/b?c=d&e=f#fragment", "/a/b?c=d&e=f"},
        {"example.com", "/"},
        {"example.com/", "/"},
        {"example.com/a", "/a"},
        {"example.com/a/b?c=d&e=f#fragment", "/a/b?c=d&e=f"},
        {"/a", "/a"},
        {"example.com?a", "/?a"},
        {"example.com/a;b#c", "/a;b"},
        {"//a/b/c", "/b/c"},
        {"https://example.com/caf\xC3\xA9?q=\xC3\xA9", "/caf%C3%A9?q=%C3%A9"},
        {"https://example.com/%e3%83%84", "/%E3%83%84"},
    };
    for (const auto &[url, path] : rows)
        QTest::addRow("'%s'", url) << QString::fromUtf8(url) << QByteArray(path);
}

void TestRobots::matchPath()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, path);
    QCOMPARE(RobotsTxt::matchPath(url, RobotsDialect::Google), path);
}

void TestRobots::normalisePatterns()
{
    // robots.cc's MaybeEscapePattern (TestMaybeEscapePattern): upper-case escapes, bytes >= 0x80 escaped.
    QCOMPARE(RobotsTxt::normalisePattern("http://www.example.com", RobotsDialect::Google), QByteArray("http://www.example.com"));
    QCOMPARE(RobotsTxt::normalisePattern("/a/b/c", RobotsDialect::Google), QByteArray("/a/b/c"));
    QCOMPARE(RobotsTxt::normalisePattern("\xC3\xA1", RobotsDialect::Google), QByteArray("%C3%A1"));
    QCOMPARE(RobotsTxt::normalisePattern("%aa", RobotsDialect::Google), QByteArray("%AA"));
    QCOMPARE(RobotsTxt::normalisePattern("/a b|c%zz", RobotsDialect::Google), QByteArray("/a b|c%zz"));
    // robots-parser: encodeURI, %25 back to %, escapes upper-cased.
    QCOMPARE(RobotsTxt::normalisePattern("\xC3\xA1", RobotsDialect::LighthouseRobotsParser), QByteArray("%C3%A1"));
    QCOMPARE(RobotsTxt::normalisePattern("%aa", RobotsDialect::LighthouseRobotsParser), QByteArray("%AA"));
    QCOMPARE(RobotsTxt::normalisePattern("/a b|c%zz", RobotsDialect::LighthouseRobotsParser), QByteArray("/a%20b%7Cc%zz"));
    QCOMPARE(RobotsTxt::normalisePattern("/[x]^{y}`\"<>\\", RobotsDialect::LighthouseRobotsParser),
             QByteArray("/%5Bx%5D%5E%7By%7D%60%22%3C%3E%5C"));
    QCOMPARE(RobotsTxt::normalisePattern("/*.php$?a=b&c=d;e,f:g@h+i!j~k'l(m)", RobotsDialect::LighthouseRobotsParser),
             QByteArray("/*.php$?a=b&c=d;e,f:g@h+i!j~k'l(m)"));
    // The page URL as the WHATWG parser escapes it: `|` stays in the path, `'` is escaped in the query.
    QCOMPARE(RobotsTxt::matchPath(u"https://e.com/a|b c?q='x y'#frag"_s, RobotsDialect::LighthouseRobotsParser),
             QByteArray("/a|b%20c?q=%27x%20y%27"));
}

void TestRobots::lineEndingsAndNumbers()
{
    // ID_LinesNumbersAreCountedCorrectly: LF, CRLF, CR alone, no final newline, mixed.
    const QList<QByteArray> files = {
        "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /\n",
        "User-Agent: foo\r\nAllow: /some/path\r\nUser-Agent: bar\r\n\r\n\r\nDisallow: /\r\n",
        "User-Agent: foo\rAllow: /some/path\rUser-Agent: bar\r\r\rDisallow: /\r",
        "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /",
        "User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\nDisallow: /",
    };
    for (const QByteArray &file : files) {
        const RobotsTxt robots = RobotsTxt::parse(file);
        const RobotsDecision bar = robots.decide({u"bar"_s}, u"/x"_s);
        QVERIFY2(!bar.allowed, file.constData());
        QCOMPARE(bar.line, 6);
        const RobotsDecision foo = robots.decide({u"foo"_s}, u"/some/path/x"_s);
        QVERIFY(foo.allowed);
        QCOMPARE(foo.line, 2);
        // foo's group ended at its rule: bar's Disallow is not foo's.
        QVERIFY(robots.isAllowed(u"foo", u"/x"_s));
    }
}

void TestRobots::byteOrderMark()
{
    // ID_UTF8ByteOrderMarkIsSkipped: a whole or partial BOM at the start is skipped...
    for (const QByteArray &bom : {QByteArray("\xEF\xBB\xBF"), QByteArray("\xEF\xBB"), QByteArray("\xEF")}) {
        const RobotsTxt robots = RobotsTxt::parse(bom + "User-Agent: foo\nDisallow: /AnyValue\n");
        QVERIFY(!robots.isAllowed(u"foo", u"/AnyValue"_s));
        QCOMPARE(robots.decide({u"foo"_s}, u"/AnyValue"_s).line, 2);
    }
    // ...a broken one makes the first line junk, so the rule belongs to no group...
    QVERIFY(RobotsTxt::parse("\xEF\x11\xBFUser-Agent: foo\nDisallow: /AnyValue\n").isAllowed(u"foo", u"/AnyValue"_s));
    // ...and one in the middle of the file spoils only its own line.
    const RobotsTxt middle = RobotsTxt::parse("User-Agent: foo\n\xEF\xBB\xBF" "Disallow: /AnyValue\nDisallow: /Other\n");
    QVERIFY(middle.isAllowed(u"foo", u"/AnyValue"_s));
    QVERIFY(!middle.isAllowed(u"foo", u"/Other"_s));
    // Lighthouse's reader decodes with a BOM-stripping decoder and trims like JavaScript.
    QVERIFY(!RobotsTxt::parse("\xEF\xBB\xBFUser-Agent: foo\nDisallow: /AnyValue\n", RobotsDialect::LighthouseRobotsParser)
                 .isAllowed(u"foo", u"/AnyValue"_s));
}

void TestRobots::junkLinesAndTypos()
{
    // ID_LineSyntax_Line: unknown keys do nothing; a missing colon between two words is accepted.
    QVERIFY(RobotsTxt::parse("foo: FooBot\nbar: /\n").isAllowed(u"FooBot", u"http://foo.bar/x/y"_s));
    QVERIFY(!RobotsTxt::parse("user-agent FooBot\ndisallow /\n").isAllowed(u"FooBot", u"http://foo.bar/x/y"_s));
    // Three words and no colon: not a rule.
    QVERIFY(RobotsTxt::parse("user-agent FooBot\ndisallow / now\n").isAllowed(u"FooBot", u"/x"_s));
    // Binary junk, a lone colon, an empty key, a lone word: skipped, the rules around them still count.
    const RobotsTxt junk = RobotsTxt::parse(QByteArray("user-agent: FooBot\n\x01\x02\xFF\xFE\n:\n: /x\nDisallow\n<html><body>\ndisallow: /private\n"));
    QVERIFY(!junk.isAllowed(u"FooBot", u"/private/a"_s));
    QCOMPARE(junk.decide({u"FooBot"_s}, u"/private/a"_s).line, 7);
    QVERIFY(junk.isAllowed(u"FooBot", u"/x"_s));
    // The spellings Google accepts (robots.cc KeyIsUserAgent / KeyIsDisallow), and key prefixes.
    for (const char *ua : {"user-agent", "useragent", "user agent", "User-Agent-Extra"}) {
        for (const char *dis : {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw", "Disallowed"}) {
            const QByteArray body = QByteArray(ua) + ": FooBot\n" + dis + ": /x\n";
            QVERIFY2(!RobotsTxt::parse(body).isAllowed(u"FooBot", u"/x/y"_s), body.constData());
            QVERIFY2(RobotsTxt::parse(body).isAllowed(u"FooBot", u"/y"_s), body.constData());
        }
    }
    QVERIFY(!RobotsTxt::parse("user-agent: FooBot\ndisalloww: /x\n").isAllowed(u"FooBot", u"/x"_s)); // a prefix
    QVERIFY(RobotsTxt::parse("user-agent: FooBot\ndis-allow: /x\n").isAllowed(u"FooBot", u"/x"_s));
    // Whitespace around keys and values.
    QVERIFY(!RobotsTxt::parse("  user-agent \t:\t FooBot  \n\tdisallow :   /x  \n").isAllowed(u"FooBot", u"/x"_s));
}

void TestRobots::sizeLimit()
{
    // A 600 KiB file: Google ignores what lies past 500 KiB; robots-parser reads it all.
    QByteArray body = "user-agent: *\ndisallow: /early\n";
    const QByteArray filler = "allow: /filler/a-rule-that-matches-nothing-in-particular\n";
    while (body.size() < 600 * 1024)
        body += filler;
    const qsizetype lateAt = body.size();
    body += "disallow: /late\n";
    QVERIFY(lateAt > RobotsTxt::kMaxBytes);

    const RobotsTxt google = RobotsTxt::parse(body);
    QVERIFY(google.truncated());
    QVERIFY(!google.isAllowed(u"AnyBot", u"/early"_s));
    QVERIFY(google.isAllowed(u"AnyBot", u"/late"_s));

    const RobotsTxt lighthouse = RobotsTxt::parse(body, RobotsDialect::LighthouseRobotsParser);
    QVERIFY(!lighthouse.truncated());
    QVERIFY(!lighthouse.isAllowed(u"AnyBot", u"/late"_s));

    // Just under the limit, the last rule counts.
    QByteArray small = "user-agent: *\n";
    while (small.size() < RobotsTxt::kMaxBytes - 100)
        small += "# comment\n";
    small += "disallow: /last\n";
    QVERIFY(small.size() <= RobotsTxt::kMaxBytes);
    QVERIFY(!RobotsTxt::parse(small).truncated());
    QVERIFY(!RobotsTxt::parse(small).isAllowed(u"AnyBot", u"/last"_s));
}

void TestRobots::longLine()
{
    // GoogleOnly_LineTooLong: a line is cut after kMaxLineBytes bytes and the cut rule still applies.
    const QByteArray prefix = "disallow: ";
    QByteArray pattern = "/x/";
    while (prefix.size() + pattern.size() < RobotsTxt::kMaxLineBytes + 50)
        pattern += 'a';
    const QByteArray body = "user-agent: FooBot\n" + prefix + pattern + "/qux\n";
    const QByteArray kept = pattern.first(RobotsTxt::kMaxLineBytes - prefix.size());
    const RobotsTxt robots = RobotsTxt::parse(body);
    QVERIFY(robots.isAllowed(u"FooBot", u"http://foo.bar/fux"_s));
    QVERIFY(!robots.isAllowed(u"FooBot", u"http://foo.bar"_s + QString::fromLatin1(kept) + u"/fux"_s));
    QVERIFY(robots.isAllowed(u"FooBot", u"http://foo.bar"_s + QString::fromLatin1(kept.chopped(1)) + u"/fux"_s));
    // robots-parser has no line limit: the whole pattern must match.
    const RobotsTxt lighthouse = RobotsTxt::parse(body, RobotsDialect::LighthouseRobotsParser);
    QVERIFY(lighthouse.isAllowed(u"FooBot", u"http://foo.bar"_s + QString::fromLatin1(kept) + u"/fux"_s));
    QVERIFY(!lighthouse.isAllowed(u"FooBot", u"http://foo.bar"_s + QString::fromLatin1(pattern) + u"/qux"_s));
}

void TestRobots::sitemaps()
{
    // A sitemap line is global and may appear anywhere (ID_NonStandardLineExample_Sitemap).
    const RobotsTxt robots = RobotsTxt::parse("Sitemap: http://foo.bar/sitemap.xml\nUser-Agent: foo\nAllow: /some/path\n"
                                              "site-map: https://foo.bar/news.xml\nUser-Agent: bar\n\nSitemap:\n");
    QCOMPARE(robots.sitemaps(), (QStringList{u"http://foo.bar/sitemap.xml"_s, u"https://foo.bar/news.xml"_s}));
    QCOMPARE(RobotsTxt::parse("sitemap: http://foo.bar/s.xml\n", RobotsDialect::LighthouseRobotsParser).sitemaps(),
             QStringList{u"http://foo.bar/s.xml"_s});
}

void TestRobots::hostilePatternsStayCheap()
{
    // Many stars against a long path that never matches: quadratic at worst, not exponential.
    QByteArray pattern = "/";
    for (int i = 0; i < 300; ++i)
        pattern += "*a";
    pattern += "b";
    const QByteArray path = "/" + QByteArray(8000, 'a');
    QVERIFY(!RobotsTxt::matches(path, pattern));
    QVERIFY(RobotsTxt::matches(QByteArray(path + 'b'), pattern));
    const RobotsTxt robots = RobotsTxt::parse("user-agent: *\ndisallow: " + pattern + '\n');
    QVERIFY(robots.isAllowed(u"AnyBot", QString::fromLatin1(path)));
}

// Where Lighthouse's robots-parser 3.0.1 reads a file differently from Google (memo §2.6, §3.5).
void TestRobots::lighthouseDialect_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("google");
    QTest::addColumn<bool>("lighthouse");

    QTest::newRow("colon-less line") << QByteArray("user-agent: *\ndisallow /\n") << u"Googlebot"_s << u"/page"_s << false << true;
    QTest::newRow("typo key disalow") << QByteArray("user-agent: *\ndisalow: /\n") << u"Googlebot"_s << u"/page"_s << false << true;
    QTest::newRow("typo key useragent") << QByteArray("useragent: *\ndisallow: /\n") << u"Googlebot"_s << u"/page"_s << false << true;
    QTest::newRow("'* foo' global") << QByteArray("user-agent: * foo\ndisallow: /\n") << u"Googlebot"_s << u"/page"_s << false << true;
    QTest::newRow("group googlebot*") << QByteArray("user-agent: googlebot*\ndisallow: /\n") << u"Googlebot"_s << u"/page"_s << false << true;
    QTest::newRow("group 'Googlebot Images'") << QByteArray("user-agent: Googlebot Images\ndisallow: /\n") << u"Googlebot"_s << u"/page"_s
                                              << false << true;
    QTest::newRow("group googlebot/2.1 same in both") << QByteArray("user-agent: googlebot/2.1\ndisallow: /\n") << u"Googlebot"_s
                                                      << u"/page"_s << false << false;
    QTest::newRow("index.html allows the directory") << QByteArray("user-agent: *\nallow: /d/index.html\ndisallow: /\n") << u"Googlebot"_s
                                                     << u"/d/"_s << true << false;
    QTest::newRow("sitemap between agents") << QByteArray("user-agent: a\nsitemap: http://x.test/s.xml\nuser-agent: b\ndisallow: /\n")
                                            << u"a"_s << u"/page"_s << false << true;
    QTest::newRow("unknown line between agents") << QByteArray("user-agent: a\ncrawl-delay: 5\nuser-agent: b\ndisallow: /\n")
                                                 << u"a"_s << u"/page"_s << false << true;
    QTest::newRow("agent without rules") << QByteArray("user-agent: *\ndisallow: /\nuser-agent: a\n") << u"a"_s << u"/page"_s << true << false;
    QTest::newRow("space in a pattern") << QByteArray("user-agent: *\ndisallow: /a b\n") << u"Googlebot"_s << u"/a%20b"_s << true << false;
    QTest::newRow("| in a pattern") << QByteArray("user-agent: *\ndisallow: /a|b\n") << u"Googlebot"_s << u"/a|b"_s << false << true;
    QTest::newRow("/robots.txt itself") << QByteArray("user-agent: *\ndisallow: /\n") << u"Googlebot"_s << u"/robots.txt"_s << true << false;
    // And where they agree: the unnamed bot Lighthouse asks as, and merged groups.
    QTest::newRow("unnamed bot uses *") << QByteArray("user-agent: *\ndisallow: /\nuser-agent: Googlebot\nallow: /\n") << QString()
                                        << u"/page"_s << false << false;
    QTest::newRow("same agent's groups merged") << QByteArray("user-agent: bingbot\ndisallow: /a\n\nuser-agent: *\ndisallow: /\n\n"
                                                              "user-agent: bingbot\ndisallow: /b\n")
                                                << u"bingbot"_s << u"/b/x"_s << false << false;
}

void TestRobots::lighthouseDialect()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, agent);
    QFETCH(QString, url);
    QFETCH(bool, google);
    QFETCH(bool, lighthouse);

    QCOMPARE(allowed(body, agent, url, RobotsDialect::Google), google);
    QCOMPARE(allowed(body, agent, url, RobotsDialect::LighthouseRobotsParser), lighthouse);
}

void TestRobots::auditStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("summary");

    const QByteArray valid = "User-agent: *\nDisallow: /private\nSitemap: https://example.com/sitemap.xml\n";
    QTest::newRow("200 valid") << 200 << valid << int(Verdict::Pass) << QString();
    QTest::newRow("204 valid") << 204 << valid << int(Verdict::Pass) << QString();
    QTest::newRow("200 empty") << 200 << QByteArray() << int(Verdict::NotApplicable) << QString();
    QTest::newRow("200 only a BOM") << 200 << QByteArray("\xEF\xBB\xBF") << int(Verdict::NotApplicable) << QString();
    QTest::newRow("404") << 404 << QByteArray("<html>not found</html>") << int(Verdict::NotApplicable) << QString();
    QTest::newRow("410") << 410 << QByteArray() << int(Verdict::NotApplicable) << QString();
    QTest::newRow("429 (12.8.2: like 4xx)") << 429 << QByteArray() << int(Verdict::NotApplicable) << QString();
    QTest::newRow("500") << 500 << QByteArray() << int(Verdict::Fail) << u"Request for robots.txt returned HTTP status: 500"_s;
    QTest::newRow("503 with a body") << 503 << valid << int(Verdict::Fail) << u"Request for robots.txt returned HTTP status: 503"_s;
    QTest::newRow("no response") << 0 << QByteArray() << int(Verdict::Fail) << u"The robots.txt file could not be downloaded"_s;
    QTest::newRow("final 301") << 301 << QByteArray() << int(Verdict::Error) << u"robots.txt answered HTTP status 301 with no content"_s;
    QTest::newRow("200 one error") << 200 << QByteArray("User-agent: *\nDisalow: /\n") << int(Verdict::Fail) << u"1 error(s) found"_s;
    QTest::newRow("200 two errors") << 200 << QByteArray("Disallow: /\nfoo\n") << int(Verdict::Fail) << u"2 error(s) found"_s;
}

void TestRobots::auditStatus()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, verdict);
    QFETCH(QString, summary);

    const RobotsTxtAuditResult result = RobotsTxtAudit::run(status, body);
    QCOMPARE(int(result.verdict), verdict);
    QCOMPARE(result.summary, summary);
    QCOMPARE(result.problems.isEmpty(), verdict != int(Verdict::Fail) || status != 200);
}

// Each rule of Lighthouse's validator, its failing branch with the line it reports.
void TestRobots::auditLines_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QStringList>("messages");

    const QString syntax = u"Syntax not understood"_s;
    const QString unknown = u"Unknown directive"_s;
    const QString badSitemap = u"Invalid sitemap URL"_s;
    const QString badProtocol = u"Invalid sitemap URL protocol"_s;
    const QString noAgent = u"No user-agent specified"_s;
    const QString badStart = u"Pattern should either be empty, start with \"/\" or \"*\""_s;
    const QString dollar = u"\"$\" should only be used at the end of the pattern"_s;

    QTest::newRow("valid with every known directive")
        << QByteArray("# comment\n\nUser-agent: *\nuser-agent: Googlebot\nDisallow:\nAllow: /\nDisallow: *.pdf$\n"
                      "Crawl-delay: 10\nClean-param: ref /a\nHost: example.com\nRequest-rate: 1/5\nVisit-time: 0600-0845\n"
                      "Noindex: /x\nSitemap: https://example.com/s.xml\nSitemap: ftp://example.com/s.xml\n"
                      "Sitemap: http:example.com/s.xml\n   \t\n")
        << QList<int>{} << QStringList{};
    QTest::newRow("no colon") << QByteArray("User-agent: *\nDisallow /\n") << QList<int>{2} << QStringList{syntax};
    QTest::newRow("unknown directive (Google's typo)") << QByteArray("User-agent: *\ndissallow: /x\n") << QList<int>{2} << QStringList{unknown};
    QTest::newRow("unknown directive content-signal (13.x only)") << QByteArray("User-agent: *\nContent-Signal: search=yes\n") << QList<int>{2}
                                                                  << QStringList{unknown};
    QTest::newRow("relative sitemap") << QByteArray("Sitemap: /sitemap.xml\n") << QList<int>{1} << QStringList{badSitemap};
    QTest::newRow("sitemap without scheme") << QByteArray("Sitemap: example.com/sitemap.xml\n") << QList<int>{1} << QStringList{badSitemap};
    QTest::newRow("sitemap without host") << QByteArray("Sitemap: https://\n") << QList<int>{1} << QStringList{badSitemap};
    QTest::newRow("empty sitemap") << QByteArray("User-agent: *\nSitemap:\n") << QList<int>{2} << QStringList{badSitemap};
    QTest::newRow("mailto sitemap") << QByteArray("Sitemap: mailto:seo@example.com\n") << QList<int>{1} << QStringList{badProtocol};
    QTest::newRow("file sitemap") << QByteArray("Sitemap: file:///srv/sitemap.xml\n") << QList<int>{1} << QStringList{badProtocol};
    QTest::newRow("empty user-agent, then a rule") << QByteArray("User-agent:\nDisallow: /\n") << QList<int>{1, 2} << QStringList{noAgent, noAgent};
    QTest::newRow("pattern start") << QByteArray("User-agent: *\nDisallow: private/\nAllow: ?q\n") << QList<int>{2, 3}
                                   << QStringList{badStart, badStart};
    QTest::newRow("$ in the middle") << QByteArray("User-agent: *\nDisallow: /a$b\nDisallow: /a$\n") << QList<int>{2} << QStringList{dollar};
    QTest::newRow("rule before any user-agent") << QByteArray("Allow: /\n\nUser-agent: *\nDisallow: /x\n") << QList<int>{1} << QStringList{noAgent};
    QTest::newRow("the group flag is never reset") << QByteArray("User-agent: *\nDisallow: /x\nSitemap: https://e.com/s.xml\n\nDisallow: /y\n")
                                                   << QList<int>{} << QStringList{};
    QTest::newRow("bad lines are not group-checked") << QByteArray("Disallow: x\nAllow: /a$b\n") << QList<int>{1, 2}
                                                     << QStringList{badStart, dollar};
    QTest::newRow("crawl-delay is not checked") << QByteArray("Crawl-delay: soon\n") << QList<int>{} << QStringList{};
    QTest::newRow("CRLF and CR count lines") << QByteArray("User-agent: *\r\n\r\nfoo\rDisallow: /\r\nbar: baz\n") << QList<int>{3, 5}
                                             << QStringList{syntax, unknown};
    QTest::newRow("comment hides the colon") << QByteArray("User-agent: *\nDisallow # : /\n") << QList<int>{2} << QStringList{syntax};
    QTest::newRow("BOM and spaces are trimmed") << QByteArray("\xEF\xBB\xBF  User-agent : *\n\xC2\xA0" "Disallow:\xC2\xA0/x\xC2\xA0\n")
                                                << QList<int>{} << QStringList{};
}

void TestRobots::auditLines()
{
    QFETCH(QByteArray, body);
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, messages);

    const QList<RobotsTxtProblem> problems = RobotsTxtAudit::validate(body);
    QList<int> gotLines;
    QStringList gotMessages;
    for (const RobotsTxtProblem &p : problems) {
        gotLines << p.line;
        gotMessages << p.message;
    }
    QCOMPARE(gotLines, lines);
    QCOMPARE(gotMessages, messages);

    // Each problem carries its line as written.
    const QStringList written = QString::fromUtf8(body).split(QRegularExpression(u"\\r\\n|\\r|\\n"_s));
    for (const RobotsTxtProblem &p : problems)
        QCOMPARE(p.content, written.at(p.line - 1));

    const RobotsTxtAuditResult result = RobotsTxtAudit::run(200, body);
    QCOMPARE(int(result.verdict), int(lines.isEmpty() ? Verdict::Pass : Verdict::Fail));
    QCOMPARE(result.problems.size(), lines.size());
}

void TestRobots::auditMessagesAreTranslatable()
{
    // The messages go through tr() in the audit's own context, so the translations can reach them.
    QCOMPARE(RobotsTxtAudit::tr("Unknown directive"), u"Unknown directive"_s);
    QCOMPARE(RobotsTxtAudit::validate("foo: bar\n").first().message, RobotsTxtAudit::tr("Unknown directive"));
}

QTEST_GUILESS_MAIN(TestRobots)
#include "tst_robots.moc"
