// SPDX-License-Identifier: GPL-3.0-or-later
#include "classifier.h"

#include "common/errorcodes.h"

#include <QCoreApplication>

namespace lux::tracking {

namespace {

// Published egress ranges of the image proxies that prefetch every image of a message. Apple Mail
// Privacy Protection fetches from Apple's own 17.0.0.0/8 among others; Gmail's image proxy from
// Google's ranges.
constexpr const char *kBuiltInRanges = R"(
17.0.0.0/8 apple-mpp
2620:149::/32 apple-mpp
2a01:b740::/32 apple-mpp
66.102.0.0/20 google-image-proxy
66.249.64.0/19 google-image-proxy
72.14.192.0/18 google-image-proxy
74.125.0.0/16 google-image-proxy
)";

struct AgentRule
{
    const char *needle;
    const char *reason;
};

// Matched case-insensitively anywhere in the user agent, first match wins.
constexpr AgentRule kAgentRules[] = {
    // Link previews: a messaging app fetches a link to draw its card as soon as the text arrives,
    // before anyone taps it (SMS short links above all). Before the generic "bot" below, so the
    // reason says what they are.
    // Meta's crawler, which per developers.facebook.com/docs/sharing/webmasters/web-crawlers also
    // fetches the rich links of Apple's Messages app (iMessage sends facebookexternalhit and
    // Twitterbot tokens in its own user agent).
    {"facebookexternalhit", "link-preview"},
    {"Facebot", "link-preview"},
    {"meta-externalfetcher", "link-preview"}, // same page: fetches for a user's action
    // WhatsApp's preview fetcher: "WhatsApp/2.x" (the app's own token; no browser sends it).
    {"WhatsApp", "link-preview"},
    {"Twitterbot", "link-preview"},         // developer.x.com, Cards: "Twitterbot"
    {"Slackbot", "link-preview"},           // api.slack.com/robots: "Slackbot-LinkExpanding 1.0"
    {"TelegramBot", "link-preview"},        // core.telegram.org: "TelegramBot (like TwitterBot)"
    {"Discordbot", "link-preview"},         // discord.com: "Discordbot/2.0; +https://discordapp.com"
    {"LinkedInBot", "link-preview"},        // linkedin.com/help: "LinkedInBot/1.0"
    {"SkypeUriPreview", "link-preview"},    // Skype and Teams: "SkypeUriPreview Preview/0.5"
    {"GoogleMessages", "link-preview"},     // developers.google.com, user-triggered fetchers: Google Messages
    {"Google-PageRenderer", "link-preview"}, // same page: Google's page previews
    {"Snap URL Preview", "link-preview"},   // Snapchat: "Snap URL Preview Service"
    {"Viber", "link-preview"},              // Viber's preview fetcher
    {"redditbot", "link-preview"},
    {"Iframely", "link-preview"},           // iframely.com: the preview service many chat apps use
    {"GoogleImageProxy", "google-image-proxy"},
    {"YahooMailProxy", "yahoo-image-proxy"},
    {"Microsoft Office Existence Discovery", "scanner-agent"},
    {"SafeLinks", "scanner-agent"},
    {"Barracuda", "scanner-agent"},
    {"Mimecast", "scanner-agent"},
    {"Proofpoint", "scanner-agent"},
    {"Symantec", "scanner-agent"},
    {"TrendMicro", "scanner-agent"},
    {"Forcepoint", "scanner-agent"},
    {"Zscaler", "scanner-agent"},
    {"python-requests", "scanner-agent"},
    {"python-urllib", "scanner-agent"},
    {"Go-http-client", "scanner-agent"},
    {"curl/", "scanner-agent"},
    {"Wget/", "scanner-agent"},
    {"HeadlessChrome", "scanner-agent"},
    {"bot", "scanner-agent"},
    {"spider", "scanner-agent"},
    {"crawler", "scanner-agent"},
};

} // namespace

RequestClassifier::RequestClassifier()
{
    // The built-in table is checked by tst_token; it cannot fail here.
    (void)addRanges(kBuiltInRanges);
}

Status RequestClassifier::addRanges(QByteArrayView text)
{
    int lineNo = 0;
    for (const QByteArray &raw : text.toByteArray().split('\n')) {
        ++lineNo;
        const QByteArray line = raw.simplified();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        const auto subnet = QHostAddress::parseSubnet(QString::fromLatin1(parts.value(0)));
        if (subnet.first.isNull() || parts.size() != 2)
            return Error(errc::trackingRanges,
                         QCoreApplication::translate("lux::tracking", "Line %1 is not “<CIDR> <reason>”.").arg(lineNo));
        m_ranges.append({subnet, QString::fromLatin1(parts[1])});
    }
    return {};
}

Verdict RequestClassifier::classify(QByteArrayView method, QByteArrayView userAgent, const QHostAddress &client) const
{
    if (method == "HEAD")
        return Verdict::machineBecause(QStringLiteral("head-request"));
    if (!client.isNull())
        for (const auto &[subnet, reason] : m_ranges)
            if (client.isInSubnet(subnet))
                return Verdict::machineBecause(reason);
    const QByteArrayView ua = userAgent.trimmed();
    if (ua.isEmpty())
        return Verdict::machineBecause(QStringLiteral("no-user-agent"));
    // Apple's proxy sends a bare "Mozilla/5.0", which no real mail client or browser does.
    if (ua == "Mozilla/5.0")
        return Verdict::machineBecause(QStringLiteral("apple-mpp"));
    const QByteArray lower = ua.toByteArray().toLower();
    for (const AgentRule &rule : kAgentRules)
        if (lower.contains(QByteArray(rule.needle).toLower()))
            return Verdict::machineBecause(QString::fromLatin1(rule.reason));
    return Verdict::human();
}

QString describeReason(const QString &reason)
{
    static const struct
    {
        const char *code;
        const char *text;
    } kReasons[] = {
        {"", QT_TRANSLATE_NOOP("lux::tracking", "person")},
        {"apple-mpp", QT_TRANSLATE_NOOP("lux::tracking", "Apple Mail Privacy Protection")},
        {"google-image-proxy", QT_TRANSLATE_NOOP("lux::tracking", "Gmail image proxy")},
        {"yahoo-image-proxy", QT_TRANSLATE_NOOP("lux::tracking", "Yahoo image proxy")},
        {"scanner-agent", QT_TRANSLATE_NOOP("lux::tracking", "link scanner")},
        {"link-preview", QT_TRANSLATE_NOOP("lux::tracking", "link preview")},
        {"head-request", QT_TRANSLATE_NOOP("lux::tracking", "HEAD request")},
        {"no-user-agent", QT_TRANSLATE_NOOP("lux::tracking", "no user agent")},
        {"click-after-delivery", QT_TRANSLATE_NOOP("lux::tracking", "clicked seconds after delivery")},
        {"all-links", QT_TRANSLATE_NOOP("lux::tracking", "every link clicked at once")},
    };
    for (const auto &r : kReasons)
        if (reason == QLatin1String(r.code))
            return QCoreApplication::translate("lux::tracking", r.text);
    return reason;
}

} // namespace lux::tracking
