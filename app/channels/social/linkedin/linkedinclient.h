// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/httpclient.h"
#include "channels/social/tokens.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace lux::channels::social::linkedin {

struct LinkedInConfig
{
    QUrl apiUrl = QUrl(QStringLiteral("https://api.linkedin.com"));  // /v2/userinfo, /rest/…
    QUrl authUrl = QUrl(QStringLiteral("https://www.linkedin.com")); // /oauth/v2/…
    QString clientId;
    QString clientSecret;
    QString version = QStringLiteral("202611"); // the LinkedIn-Version header (YYYYMM): social.linkedin_version
    int timeoutMs = 30'000;
};

// The signed-in member (OpenID userinfo); the author URN is urn:li:person:<sub>.
struct LinkedInMember
{
    QString sub, name, picture, locale;
    QString urn() const { return QStringLiteral("urn:li:person:") + sub; }
};

// An organization the member may post for (an APPROVED posting role).
struct LinkedInOrganization
{
    QString urn; // urn:li:organization:<id>
    QString id;
    QString name, vanityName; // empty when LinkedIn would not say
    QString role;             // ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER, CONTENT_ADMIN(ISTRATOR)
};

struct LinkedInPost
{
    QString urn;        // urn:li:share:… or urn:li:ugcPost:…
    QString commentary; // as LinkedIn keeps it (little text, possibly cut)
    qint64 createdAt = 0; // ms
};

struct LinkedInComment
{
    QString urn; // urn:li:comment:(<post>,<id>)
    QString id, actor, text;
    qint64 createdAt = 0; // ms
};

// LinkedIn's REST API over the one HTTP helper (provider-contracts.md §5.3): the 3-legged OAuth code
// flow with programmatic refresh tokens, OpenID userinfo, the member's organizations, the Images API,
// the Posts API and comments. Every /rest/ request carries LinkedIn-Version and the Rest.li 2.0
// protocol header; URNs in paths and queries are percent-encoded whole, as Rest.li 2.0 asks.
// Posting has no idempotency key, so POST /rest/posts (and a comment) is one-shot and anything that
// may have made the post reads as Unknown, for the channel to look it up before a retry; an image
// upload only makes an unreferenced image and may be repeated. LinkedIn's rate limits are daily (they
// reset at midnight UTC) and its 429s carry no header saying when.
class LinkedInClient
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::linkedin::LinkedInClient)
public:
    // A LinkedIn answer the channel reads as "it was posted": the post is a duplicate of one made
    // moments ago (the Outcome's reference is that post's URN when LinkedIn names it).
    static constexpr QLatin1StringView kDuplicate{"linkedin.duplicate"};
    // The member may not read the author's posts (r_member_social is restricted): left to the user;
    // or, from organizations(), may not list the member's organizations.
    static constexpr QLatin1StringView kForbidden{"linkedin.forbidden"};
    // The LinkedIn-Version setting (social.linkedin_version) is no longer active.
    static constexpr QLatin1StringView kVersion{"linkedin.version"};
    // LinkedIn sends no Retry-After on a 429 that is not a daily limit: wait this long.
    static constexpr int kThrottleWaitSeconds = 60;

    LinkedInClient(QNetworkAccessManager *network, LinkedInConfig config);

    const LinkedInConfig &config() const { return m_config; }

    // Where the member signs in: {authUrl}/oauth/v2/authorization?response_type=code&…
    QUrl authorizeUrl(QString redirectUri, QString state, QStringList scopes) const;
    // The code of a sign-in exchanged for tokens (a code is single use).
    QCoro::Task<Result<lux::social::TokenSet>> exchange(QString code, QString redirectUri);
    // LinkedIn answers with the same refresh token and its end unmoved: carried as given.
    QCoro::Task<lux::social::RefreshAnswer> refresh(QString refreshToken);
    QCoro::Task<Result<LinkedInMember>> me(QString accessToken);
    // The organizations the member may post for, with their names. kForbidden: the sign-in has no
    // organization scope.
    QCoro::Task<Result<QList<LinkedInOrganization>>> organizations(QString accessToken);
    // Accepted: reference is the image's URN (urn:li:image:…). Post it once imageStatus says AVAILABLE.
    QCoro::Task<Outcome> uploadImage(QString accessToken, QString ownerUrn, QByteArray bytes, QString mime);
    // WAITING_UPLOAD, PROCESSING, AVAILABLE or PROCESSING_FAILED.
    QCoro::Task<Result<QString>> imageStatus(QString accessToken, QString imageUrn);
    // `commentary` is little text, already escaped. One image: content.media; 2 to 20: multiImage.
    // Accepted: reference is the post's URN (x-restli-id). `pauseUntil` (ms) is set when a daily limit
    // is reached: nothing more on this account before midnight UTC.
    QCoro::Task<Outcome> createPost(QString accessToken, QString authorUrn, QString commentary, QStringList imageUrns,
                                    QStringList altTexts = {}, qint64 *pauseUntil = nullptr);
    // The author's latest posts, newest first (at most 100). kForbidden: the member cannot read them.
    QCoro::Task<Result<QList<LinkedInPost>>> recentPosts(QString accessToken, QString authorUrn, int count = 10);
    // Accepted: reference is the comment's URN.
    QCoro::Task<Outcome> comment(QString accessToken, QString postUrn, QString actorUrn, QString text);
    QCoro::Task<Result<QList<LinkedInComment>>> comments(QString accessToken, QString postUrn);

    // The outcome of an answer with LinkedIn's message, `where` naming the call: 2xx accepted; 429
    // transient (until midnight UTC for a daily limit, else kThrottleWaitSeconds); 5xx unknown for a call
    // that makes something (a gateway may answer after it was made), transient otherwise; 401
    // social.auth; 426 kVersion; 422 DUPLICATE_POST kDuplicate; other 4xx permanent.
    static Outcome outcome(const HttpResponse &response, const QString &where, bool madeSomething, qint64 now,
                           qint64 *pauseUntil = nullptr);
    // LinkedIn's reason in an error body: its message, an OAuth error_description, or the status.
    static QString reason(const HttpResponse &response);
    // A URN (or any key) as Rest.li 2.0 wants it in a path or a query: everything but the unreserved
    // characters percent-encoded (urn%3Ali%3Aperson%3A…).
    static QString encoded(const QString &key);

private:
    HttpRequest rest(QByteArray method, QString path, const QString &accessToken) const;
    QCoro::Task<lux::social::RefreshAnswer> token(QByteArray form);

    LinkedInConfig m_config;
    HttpClient m_http;
};

} // namespace lux::channels::social::linkedin
