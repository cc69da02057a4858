// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "socialfake.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

#include <functional>

namespace lux::fakes {

// LinkedIn's REST API for posting as docs/provider-contracts.md §5.3 and the issue-20 research (§2.4,
// §3.6) describe it, over real HTTP on loopback, for the LinkedIn channel's tests, the crash tests and
// runs by hand (lux-fake-linkedin): the 3-legged OAuth code flow with programmatic refresh tokens,
// OpenID userinfo, organization roles, the Images API, the Posts API with little text as LinkedIn keeps
// it, comments; versioned /rest/ headers, LinkedIn's error bodies, daily limits with 429s and no
// headers, and the faults FakeX has. The printed URL stands for www.linkedin.com (the sign-in) and
// api.linkedin.com (the API) both.
//
//   GET  /oauth/v2/authorization  response_type=code, client_id, redirect_uri, state, scope (separated by
//                                 spaces or commas): 302 to redirect_uri?code=…&state=… at once, as
//                                 `authorize_as` (the first member) approving. Another client, or a
//                                 redirect_uri not registered exactly (`redirect_uris`; none: any http(s)
//                                 URL): 400 and an error page, no redirect. A scope the app is not
//                                 provisioned with (r_member_social unless `member_read_scope_available`):
//                                 302 error=unauthorized_scope_error; no scope, or response_type not code:
//                                 302 error=invalid_request; `authorize_deny`: 302
//                                 error=user_cancelled_authorize (the member pressed Cancel). The state is
//                                 sent back as given, when given.
//   POST /oauth/v2/accessToken    form (application/x-www-form-urlencoded; the client's credentials in the
//                                 body): grant_type=authorization_code (code, redirect_uri exactly as given
//                                 to the authorization, client_id, client_secret) → 200 {access_token,
//                                 expires_in (5,184,000: 60 days), refresh_token and
//                                 refresh_token_expires_in (31,536,000: a year) only with
//                                 `programmatic_refresh` (LinkedIn gives them to approved MDP partners),
//                                 scope (the granted scopes joined by commas, as LinkedIn writes them),
//                                 token_type "Bearer"}. Codes are single-use and live `code_ttl_s` (1,800:
//                                 LinkedIn's 30 minutes). A sign-in whose scopes differ from the member's
//                                 earlier one invalidates that member's earlier tokens (LinkedIn: "If you
//                                 request a different scope than the previously granted scope, all the
//                                 previous access tokens are invalidated"). grant_type=refresh_token
//                                 (refresh_token, client_id, client_secret) → a new access token and the
//                                 SAME refresh token, whose end does not move: refresh_token_expires_in is
//                                 what is left of the first year, and an access token never outlives it
//                                 (day 360: both end in 5 days). Errors, LinkedIn's: a parameter missing →
//                                 400 invalid_request 'A required parameter "x" is missing'; an unknown or
//                                 used code → 400 invalid_request "Unable to retrieve access token:
//                                 authorization code not found"; a code expired or redeemed with another
//                                 redirect_uri → 400 invalid_redirect_uri "Unable to retrieve access token:
//                                 appid/redirect uri/code verifier does not match authorization code. Or
//                                 authorization code expired. Or external member binding exists"; an
//                                 unknown, expired or revoked refresh token → 400 invalid_request "The
//                                 provided authorization grant or refresh token is invalid, expired or
//                                 revoked"; a wrong client_id or client_secret → 401 invalid_client
//                                 "Client authentication failed"; another grant_type → 400
//                                 unsupported_grant_type.
//   POST /oauth/v2/revoke         form: token, client_id, client_secret: the sign-in it belongs to is
//                                 revoked; 200 with an empty body.
//   GET  /v2/userinfo             (openid and profile) {sub, name, given_name, family_name, picture,
//                                 locale, and with email: email, email_verified}
//
// Every /rest/ request needs `LinkedIn-Version: YYYYMM` (or YYYYMM.RR): missing → 400 {"status":400,
// "code":"VERSION_MISSING","message":"A version must be present. Please specify a version by adding
// the LinkedIn-Version header."}; a version not active (`active_versions`; by default the twelve months
// up to the fake's current month, UTC) → 426 {"status":426,"code":"NONEXISTENT_VERSION","message":
// "Requested version 20240401 is not active"} (the month and "01", as LinkedIn writes it). It also needs
// `X-Restli-Protocol-Version: 2.0.0`: missing or another → 400 code INVALID_PROTOCOL_VERSION (the
// fake's wording; LinkedIn does not document it). Both are checked before the bearer.
//
//   GET  /rest/organizationAcls   q=roleAssignee [&role=…][&state=…][&start][&count] (any organization
//                                 scope): the member's roles {"elements":[{organization
//                                 "urn:li:organization:N", role, state, roleAssignee "urn:li:person:…"}],
//                                 "paging":{start, count, total, links}}
//   GET  /rest/organizations/{id} {id, localizedName, vanityName, name {localized, preferredLocale}}: any
//                                 member may read an organization's name (the fake's choice)
//   POST /rest/images?action=initializeUpload  {"initializeUploadRequest":{"owner":urn}} (the member with
//                                 w_member_social, or an organization the member may post for) → 200
//                                 {"value":{uploadUrlExpiresAt, uploadUrl, image "urn:li:image:…"}}. The
//                                 upload URL is on the fake's own host (/dms-uploads/…?…&ut=<signature>),
//                                 lives `upload_ttl_s` (3,600, chosen). Unreferenced images are harmless.
//   PUT  <uploadUrl>              the bytes, with the bearer (as LinkedIn's sample sends it) → 201, empty.
//                                 A bad signature → 403; an expired URL → 400; a PUT again before expiry
//                                 replaces the bytes (an upload whose answer was lost may be repeated). The
//                                 image is then PROCESSING for `image_delay_ms` (on the fake's clock), and
//                                 AVAILABLE if it is a JPEG, PNG or GIF by its magic whose width × height
//                                 is under 36,152,320 pixels (a GIF of at most 250 frames), else
//                                 PROCESSING_FAILED: LinkedIn's image specification.
//   GET  /rest/images/{urn}       {id, owner, status WAITING_UPLOAD|PROCESSING|AVAILABLE|PROCESSING_FAILED,
//                                 and when AVAILABLE downloadUrl (GET, no auth) and downloadUrlExpiresAt}
//   POST /rest/posts              JSON {author, commentary, visibility PUBLIC|CONNECTIONS|LOGGED_IN,
//                                 distribution {feedDistribution MAIN_FEED|NONE, targetEntities,
//                                 thirdPartyDistributionChannels}, lifecycleState PUBLISHED,
//                                 isReshareDisabledByAuthor, content? {media {id, altText?}} |
//                                 {multiImage {images [{id, altText}] (2–20)}}} → 201, an EMPTY body,
//                                 x-restli-id: urn:li:share:N (ids increasing, LinkedIn-sized). A field
//                                 missing → 422 Rest.li's {"message":"ERROR :: /author :: field is
//                                 required but not found and has no default value\n","status":422}; an
//                                 enum value it does not know → 422 'ERROR :: /visibility :: "X" is not an
//                                 enum symbol'. The author must be urn:li:person:<the token's member> with
//                                 w_member_social, or an organization where the member's APPROVED role is
//                                 ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMIN(ISTRATOR)
//                                 with w_organization_social: else 403 ACCESS_DENIED "Not enough
//                                 permissions to access: partnerApiPostsExternal.CREATE.<version>". An
//                                 image unknown → 400 INVALID_IMAGE_ID; WAITING_UPLOAD → 400
//                                 MEDIA_ASSET_WAITING_UPLOAD; PROCESSING → 400 MEDIA_ASSET_PROCESSING (the
//                                 fake's name: post when AVAILABLE); PROCESSING_FAILED → 400
//                                 MEDIA_ASSET_PROCESSING_FAILED; another owner than the author → 403
//                                 "Accessing this image resource is forbidden. Please check your
//                                 permissions for this resource". 400/422 field errors carry LinkedIn's
//                                 {"errorDetailType","message","errorDetails":{"inputErrors":[{
//                                 description, input, code}]},"status"}.
//                                 The commentary is little text and kept as LinkedIn keeps it: cut,
//                                 silently, at the first unescaped reserved character (\ | { } @ [ ] ( )
//                                 < > # * _ ~), except where one begins a well-formed element: a mention
//                                 @[Name](urn:li:person:…|urn:li:organization:N) or a hashtag template
//                                 {hashtag|\#|tag} (the sign may also be # or ＃), which are kept. A bare
//                                 "#tag" cuts too: LinkedIn's hashtags are templates (the product's
//                                 LittleText writes them so). Over 3,000 characters → 422
//                                 FIELD_LENGTH_TOO_LONG, measured (`commentary_measure`) by default on the
//                                 text as the member reads it had nothing been cut ("shown": an escape
//                                 counts its character once, a hashtag its sign and tag, a mention its
//                                 name; UTF-16 units, as the product counts), or "sent" (the raw field).
//                                 LinkedIn does not say which; the research's guess was "shown". An
//                                 empty commentary needs content. The same author posting the same kept
//                                 commentary and images within `duplicate_window_s` (600: "wait 10
//                                 minutes for the duplicate restriction to expire") → 422 {"errorDetailType":
//                                 "com.linkedin.common.error.BadRequest","message":"com.linkedin.content.
//                                 common.exception.BadRequestResponseException: Content is a duplicate of
//                                 urn:li:share:N","errorDetails":{"inputErrors":[{"description":"Duplicate
//                                 post is detected","input":{},"code":"DUPLICATE_POST"}]},"status":422}, as
//                                 LinkedIn answers (`duplicate_check`).
//   GET  /rest/posts              q=author, author (a URN, encoded), count (10, at most 100), start,
//                                 sortBy LAST_MODIFIED|CREATED: {"elements":[post…] newest first,
//                                 "paging":{start, count, total, links [next]}}. A member's posts need
//                                 r_member_social (restricted: only with `member_read_scope_available`)
//                                 and the author to be the token's member; an organization's
//                                 r_organization_social and one of the roles above: else 403.
//   GET  /rest/posts/{urn}        a post {id, author, commentary (as kept), visibility, distribution,
//                                 lifecycleState, isReshareDisabledByAuthor, createdAt, publishedAt,
//                                 lastModifiedAt, lifecycleStateInfo, content?}: read as the listing is;
//                                 unknown → 404 {"status":404,"code":"NOT_FOUND","message":"Could not find
//                                 entity"}
//   POST /rest/socialActions/{post-urn}/comments  {actor, object (the post), message {text ≤ 1,250}}: the
//                                 actor may act as a post's author may → 201 with the comment {id,
//                                 commentUrn "urn:li:comment:(<post>,<id>)", actor, object, message,
//                                 created, lastModified} and x-restli-id: the id. An unknown post → 404.
//   GET  /rest/socialActions/{post-urn}/comments  {"elements":[comment…] oldest first, "paging"}; read as
//                                 the post is.
//   Other paths and methods (DELETE, partial updates, other finders, video, documents): 404.
//
// URNs in paths may be percent-encoded (Rest.li 2.0) or not. Bearer tokens: none → 401
// EMPTY_ACCESS_TOKEN "Empty oauth2_access_token" (serviceErrorCode 401, as the error-handling page's
// sample); not Bearer → 401 "Unknown authentication schema"; unknown or invalidated → 401 {"status":401,
// "serviceErrorCode":65600,"code":"INVALID_ACCESS_TOKEN","message":"Invalid access token"}; expired
// (`access_ttl_s`) → 401 65601 EXPIRED_ACCESS_TOKEN "Expired access token"; revoked (POST /_fake/revoke,
// /oauth/v2/revoke) → 401 65602 REVOKED_ACCESS_TOKEN "The token has been revoked" (the messages are the
// error-handling page's; 65601 and 65602 are the fake's guesses). A scope missing → 403 {"status":403,
// "serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: …"}.
//
// Rate limits (LinkedIn: daily, per member and per application, unpublished, "reset at midnight UTC"):
// every authenticated API request is counted against its endpoint's `limits` {member, app} per UTC day
// of the fake's clock; past either → 429 {"status":429,"serviceErrorCode":101,"code":"TOO_MANY_REQUESTS",
// "message":"Resource level throttle MEMBER DAY limit for calls to this resource is reached."}
// (APPLICATION DAY for the app's), and NO rate-limit or Retry-After header: LinkedIn sends none. Defaults:
// POST /rest/posts 150 a member, 100,000 the app (Share on LinkedIn's published quota); every other
// endpoint 500 and 100,000 (chosen; a Community Management Development-tier app has 100 and 500). Refused
// requests are not counted.
//
// Faults, as FakeX's, by share (seeded) or for the next N requests (optionally to one path): server_error
// (500, 503, 504 in turn with LinkedIn's body, nothing done), throttle (429 with LinkedIn's body
// "Resource level throttle APPLICATION_AND_MEMBER DAY limit …" and no headers, nothing done), drop (the
// connection closes before anything happens), lose (done — the post made, the image initialized, the
// token minted — then the connection closes), slow (answered after slow_ms). The authorization page, the
// version checks and the bearer come first and never fail; `scope` narrows faults to creates
// (POST /rest/posts) or to one path.
//
// Control (no auth):
//   GET  /_fake/posts    every post: id, author, commentary (as sent), kept (as LinkedIn keeps it),
//                        shown (what people see: escapes undone, elements as text), truncated,
//                        images, created_ms, copies (posts of that author with the same commentary as
//                        sent: the exactly-once check); ?author=… narrows it
//   GET  /_fake/images   every image: id, owner, status, type, size, width, height, created_ms, uploaded_ms
//   GET  /_fake/comments every comment: id, post, actor, text, created_ms
//   GET  /_fake/stats    requests, paths {"POST /rest/posts": n, …}, created, comments, images_initialized,
//                        images_uploaded, truncated, duplicates_refused, limit_429s, faults by kind,
//                        tokens_issued, token_refreshes, refresh_refused, codes_refused, unauthorized,
//                        forbidden, version_refused
//   POST /_fake/config   JSON, only the keys given change: client_id, client_secret, redirect_uris [..],
//                        members [{id, given_name, family_name, email, picture, locale}] (added or
//                        updated), organizations [{id, name, vanity_name}], roles [{member, organization,
//                        role, state}] (added or updated by member and organization), active_versions
//                        [..] ([]: the last twelve months), access_ttl_s, refresh_ttl_s, code_ttl_s,
//                        upload_ttl_s, programmatic_refresh, member_read_scope_available,
//                        image_delay_ms, duplicate_check, duplicate_window_s, commentary_measure
//                        "shown"|"sent", limits {"POST /rest/posts": {member, app}, …}, authorize_as,
//                        authorize_deny, clock_offset_s, faults {seed, server_error, throttle, drop, lose,
//                        slow, slow_ms, latency_ms, scope "all"|"create"|a path, next {kind: n | {count,
//                        path}}}; an unknown fault kind, role, state, measure or a malformed version:
//                        400 and nothing changes
//   POST /_fake/grant    {member_id, scope (spaces or commas)}: the member is added if new and tokens
//                        minted as a completed sign-in would: {access_token, expires_in, refresh_token,
//                        refresh_token_expires_in, scope, member_id}; a scope the sign-in would refuse
//                        (unknown, or r_member_social unavailable): 400
//   POST /_fake/revoke   {access_token} or {member_id}: that sign-in, or every one of the member's, is
//                        revoked (the member removed the app in their settings)
//   POST /_fake/reset    forget posts, images, comments, tokens, codes, counts (the configuration and
//                        members stay; {"config": true} restores the defaults too)
class FakeLinkedIn : public common::SocialFake
{
    Q_OBJECT
public:
    // serverError: 500, 503 or 504 with LinkedIn's body; throttled: 429, no headers; scope: "all",
    // "create" (POST /rest/posts) or a path.
    using Faults = common::Faults;
    struct Member
    {
        QString id; // the OpenID sub, also urn:li:person:<id>
        QString givenName, familyName, email, picture;
        QString locale = QStringLiteral("en-US");
        QString name() const { return QString(givenName + QLatin1Char(' ') + familyName).trimmed(); }
    };
    struct Organization
    {
        qint64 id = 0;
        QString name, vanityName;
    };
    struct Role
    {
        QString member;
        qint64 organization = 0;
        QString role = QStringLiteral("ADMINISTRATOR"); // ADMINISTRATOR, CONTENT_ADMIN(ISTRATOR), …
        QString state = QStringLiteral("APPROVED");     // APPROVED, REQUESTED, REJECTED, REVOKED
    };
    // What LinkedIn makes of a commentary (little text).
    struct Little
    {
        QString kept;            // as LinkedIn keeps it: up to the first unescaped reserved character
        QString shown;           // what people read of what is kept
        bool truncated = false;  // something was cut
        qsizetype shownLength = 0; // what people would read, had nothing been cut (UTF-16 units)
    };
    struct Post
    {
        QString id, author;
        QString commentary; // as sent
        Little little;
        QString visibility;
        QJsonObject distribution, content;
        bool reshareDisabled = false;
        QStringList images;
        QDateTime created;
    };
    struct Image
    {
        QString id, owner, type; // type: image/jpeg, image/png, image/gif, or empty when not one
        QByteArray bytes;
        int width = 0, height = 0, frames = 0;
        QDateTime created, uploadExpires, uploaded;
    };
    struct Comment
    {
        QString id, post, actor, text;
        QDateTime created;
    };
    struct Tokens
    {
        QString accessToken, refreshToken, scope;
        qint64 expiresIn = 0, refreshExpiresIn = 0;
    };
    struct Limit
    {
        int member = 0; // per member per UTC day; 0: none
        int app = 0;    // for the app per UTC day; 0: none
    };
    // requests, paths ("POST /rest/posts", "GET /rest/posts/:urn"…), serverErrors, dropped, lost, slow
    struct Stats : common::RequestStats
    {
        int created = 0, comments = 0, imagesInitialized = 0, imagesUploaded = 0, truncated = 0;
        int duplicates = 0, limit429 = 0;
        int injected429 = 0;
        int tokensIssued = 0, refreshes = 0, refreshRefused = 0, codesRefused = 0;
        int unauthorized = 0, forbidden = 0, versionRefused = 0;
    };

    // openid profile email w_member_social w_organization_social r_organization_social rw_organization_admin
    static const QString kDefaultScope;
    static constexpr int kMaxCommentary = 3000;
    static constexpr int kMaxComment = 1250;
    static constexpr qint64 kMaxPixels = 36'152'320;

    explicit FakeLinkedIn(QObject *parent = nullptr);
    ~FakeLinkedIn() override;
    // listen(), baseUrl() (the sign-in /oauth/v2/…, the API /v2 and /rest, and /_fake/…), setNextFaults(),
    // setSeed(), setClock(), setClockOffset(): common::SocialFake.

    // LinkedIn's reading of a commentary, written here and not taken from the product's LittleText, so
    // that the product is measured against an independent reading.
    static Little little(QStringView commentary);

    QString clientId() const { return m_clientId; }
    void setClient(const QString &clientId, const QString &clientSecret);
    void setRedirectUris(const QStringList &uris) { m_redirectUris = uris; }
    void setMember(const Member &member); // added, or updated by id
    const Member *member(const QString &id) const;
    void setOrganization(const Organization &organization); // added, or updated by id
    void setRole(const Role &role);                           // added, or updated by member and organization
    void setActiveVersions(const QStringList &versions) { m_activeVersions = versions; }
    QStringList activeVersions() const; // the configured ones, or the last twelve months
    void setAccessTtl(qint64 seconds) { m_accessTtlS = seconds; }
    void setRefreshTtl(qint64 seconds) { m_refreshTtlS = seconds; }
    void setProgrammaticRefresh(bool on) { m_programmaticRefresh = on; }
    void setMemberReadScopeAvailable(bool on) { m_memberReadScope = on; }
    void setImageDelay(int ms) { m_imageDelayMs = ms; }
    void setDuplicateCheck(bool on, int windowS = 600);
    void setLimit(const QString &endpoint, const Limit &limit) { m_limits.insert(endpoint, limit); }
    void setAuthorizeAs(const QString &memberId) { m_authorizeAs = memberId; }
    void setFaults(const Faults &faults) { m_faults = faults; }
    // setNextFaults(kind, count, path): kind server_error, throttle, drop, lose, slow; path empty (any request
    // the faults' scope takes), or one path as /_fake/stats names it ("POST /rest/posts", "/oauth/v2/accessToken").
    void reset(bool config = false) override;

    // A completed sign-in without the browser, as /_fake/grant mints it.
    Tokens grant(const QString &memberId, const QString &scope = kDefaultScope);
    void revokeMember(const QString &memberId); // the member removed the app: every sign-in ends
    const QList<Post> &posts() const { return m_posts; } // in creation order
    int copies(const QString &author, const QString &commentary) const;
    QList<Image> images() const;
    const QList<Comment> &comments() const { return m_comments; }
    QString imageStatus(const Image &image) const;
    const Stats &stats() const { return m_stats; }

private:
    enum class Ended { No, Revoked, Invalidated };
    struct Grant
    {
        QString memberId, scope; // scope: sorted, joined by commas
        QString refreshToken;    // empty without programmatic refresh
        QDateTime refreshExpires;
        Ended ended = Ended::No;
    };
    struct Access
    {
        qint64 grant = 0;
        QDateTime expires;
    };
    struct Code
    {
        QString clientId, redirectUri, scope, memberId;
        QDateTime expires;
        bool used = false;
    };
    struct Caller // an authenticated request's member, scopes and LinkedIn-Version
    {
        QString memberId;
        QStringList scopes;
        QString version;
        bool has(const char *scope) const { return scopes.contains(QLatin1String(scope)); }
    };
    void api(HttpExchange *exchange) override;
    HttpResponse authorize(const HttpRequest &request);
    HttpResponse token(const HttpRequest &request);
    HttpResponse revoke(const HttpRequest &request);
    HttpResponse upload(const HttpRequest &request, const Caller &caller);
    HttpResponse download(const HttpRequest &request) const;
    HttpResponse route(const HttpRequest &request, const QString &key, const Caller &caller);
    HttpResponse userinfo(const Caller &caller) const;
    HttpResponse acls(const HttpRequest &request, const Caller &caller) const;
    HttpResponse organization(const QString &id) const;
    HttpResponse initializeUpload(const HttpRequest &request, const Caller &caller);
    HttpResponse imageLookup(const QString &urn, const Caller &caller) const;
    HttpResponse createPost(const HttpRequest &request, const Caller &caller);
    HttpResponse findPosts(const HttpRequest &request, const Caller &caller) const;
    HttpResponse postLookup(const QString &urn, const Caller &caller) const;
    HttpResponse createComment(const HttpRequest &request, const QString &postUrn, const Caller &caller);
    HttpResponse listComments(const QString &postUrn, const Caller &caller) const;
    HttpResponse control(const HttpRequest &request) override;
    QString configure(const QJsonObject &o) override; // an error, or empty
    QJsonObject statsJson() const override;
    QJsonObject postJson(const Post &post) const;
    QJsonObject commentJson(const Comment &comment) const;
    QJsonObject imageJson(const Image &image) const;

    // The /rest/ headers: a refusal (400, 426) or nothing.
    bool versioned(const HttpRequest &request, QString *version, HttpResponse *refusal);
    bool authenticate(const HttpRequest &request, Caller *caller, HttpResponse *refusal) const;
    // Whether the caller may write (or read) as `urn`: the member itself, or an organization where the
    // member has a posting role.
    bool mayActAs(const Caller &caller, const QString &urn, bool write) const;
    bool postingRole(const QString &memberId, qint64 organization) const;
    // 403 ACCESS_DENIED naming the resource and method ("partnerApiPostsExternal.CREATE") and the version.
    static HttpResponse forbidden(const QString &resource, const Caller &caller);
    Tokens mint(qint64 grant);
    qint64 newGrant(const QString &memberId, const QStringList &scopes);
    // Counts the request against its endpoint's daily limits; false (and the 429) when one is reached.
    bool admit(const QString &memberId, const QString &key, HttpResponse *refusal);
    QString uploadSignature(const QString &imageId, qint64 expiresMs) const;
    QString newToken(int bytes = 48);
    qint64 newId();
    const Image *imageByUrn(const QString &urn) const;
    static QString endpointKey(const QByteArray &method, const QString &path);

    // Configuration.
    QString m_clientId, m_clientSecret;
    QStringList m_redirectUris;
    QList<Member> m_members;
    QList<Organization> m_organizations;
    QList<Role> m_roles;
    QStringList m_activeVersions;
    qint64 m_accessTtlS = 5'184'000, m_refreshTtlS = 31'536'000;
    int m_codeTtlS = 1800, m_uploadTtlS = 3600;
    bool m_programmaticRefresh = true, m_memberReadScope = false;
    int m_imageDelayMs = 300;
    bool m_duplicateCheck = true;
    int m_duplicateWindowS = 600;
    bool m_measureSent = false;
    QHash<QString, Limit> m_limits;
    QString m_authorizeAs;
    bool m_authorizeDeny = false;
    Faults m_faults;
    QRandomGenerator m_secrets{QRandomGenerator::securelySeeded()};
    QByteArray m_signingKey;
    // State.
    QHash<qint64, Grant> m_grants;
    qint64 m_nextGrant = 1;
    QHash<QString, Access> m_access;
    QHash<QString, qint64> m_refresh; // refresh token → grant
    QHash<QString, Code> m_codes;
    QHash<QString, int> m_counts; // UTC day + '\n' + member or "app" + '\n' + endpoint
    QList<Post> m_posts;
    QHash<QString, qsizetype> m_postById;
    QHash<QString, int> m_copies; // author + '\n' + commentary as sent
    QHash<QString, Image> m_images;
    QStringList m_imageOrder;
    QList<Comment> m_comments;
    qint64 m_lastId = 0;
    Stats m_stats;
};

} // namespace lux::fakes
