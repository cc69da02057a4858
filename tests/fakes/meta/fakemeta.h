// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "socialfake.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QStringList>

#include <functional>

namespace lux::fakes {

// Meta's Graph API for Facebook Pages and Instagram content publishing (Facebook Login, the Page token,
// graph.facebook.com style) as docs/provider-contracts.md §5.1–5.2 describes it, over real HTTP on
// loopback, for the Facebook and Instagram channels' tests, the crash tests and runs by hand
// (lux-fake-meta). Every path takes any version prefix (/v21.0/…) or none.
//
//   GET  /dialog/oauth            client_id, redirect_uri, state, scope (commas or spaces),
//                                 response_type=code (or none): 302 to redirect_uri?code=…&state=… at
//                                 once, as if the user approved (as `authorize_as`, the first user by
//                                 default). An unknown client, a missing or unregistered redirect_uri, an
//                                 unknown scope, another response_type: 400 and an error page, no
//                                 redirect (Meta shows its own dialog there). `authorize_deny`: 302 with
//                                 error=access_denied&error_code=200&error_description=Permissions+error.
//                                 &error_reason=user_denied&state=…
//   GET  /oauth/access_token      (or POST with a form) client_id, redirect_uri (exactly as given to the
//                                 dialog), client_secret, code → {access_token (a short-lived user token),
//                                 token_type "bearer", expires_in (`short_ttl_s`, 5,400)}. Codes are
//                                 single-use and live `code_ttl_s` (600). grant_type=fb_exchange_token
//                                 &client_id&client_secret&fb_exchange_token=<a valid user token> → a new
//                                 long-lived user token, expires_in `long_ttl_s` (5,183,944). Refusals, all
//                                 400 OAuthException: an unknown client_id 101; a wrong secret 1 "Error
//                                 validating client secret."; a missing parameter 100; a code not
//                                 issued 100 "Invalid verification code format."; expired 100/36007; used
//                                 100/36009; another redirect_uri 100/36008; a bad fb_exchange_token 190.
//   GET  /debug_token             input_token, access_token=<app id>|<app secret> (or a valid user token
//                                 of the app) → {"data":{app_id, type USER|PAGE, application, is_valid,
//                                 issued_at, expires_at (0 = never), data_access_expires_at, scopes,
//                                 user_id, and profile_id (the page) for a Page token}}; an unknown,
//                                 expired or invalidated input_token: 200 with is_valid false and
//                                 data.error {code 190, message, subcode}.
//   GET  /me                      fields (id,name): the user, or the page for a Page token
//   GET  /me/accounts             (and /{user-id}/accounts) fields (default id,name,access_token,category,
//                                 tasks; instagram_business_account{id,username} expands), limit, after,
//                                 before: the pages the user manages, each with a Page token minted from
//                                 the user token it was asked with: never expiring (expires_at 0) when the
//                                 user token is long-lived, else expiring with it. Cursor paging. Without
//                                 pages_show_list the list is empty (Meta hides the pages, it does not refuse).
//   POST /{page-id}/photos        url, caption, published (true), temporary: the fake FETCHES url over real
//                                 HTTP (QNetworkAccessManager, as Meta cURLs it) and answers when it has:
//                                 JPEG, PNG, GIF, BMP, TIFF or WEBP by their bytes, ≤ `photo_max_bytes`
//                                 (10 MiB); otherwise (unreachable, timeout after `fetch_timeout_ms`,
//                                 non-200, another type, too big) 400 code 324 "(#324) Missing or invalid
//                                 image file" and nothing is made. → {"id"} (an unpublished photo, for
//                                 attached_media) or, published, {"id","post_id":"{page}_{post}"} (a post
//                                 whose message is the caption). A bad url: 100; `source` uploads: 324.
//   POST /{page-id}/feed          message, link, published (true), attached_media[0]={"media_fbid":"…"}…
//                                 (or attached_media=[…] as JSON) → {"id":"{page-id}_{post-id}"}. Every
//                                 attached photo must be this page's unpublished photo (100 otherwise);
//                                 neither message, link nor media: 100; a message over 63,206 characters
//                                 (UTF-16 units): 100; the same message as the page's previous post: 506
//                                 "(#506) Duplicate status message" (`duplicate_check`).
//                                 scheduled_publish_time is not supported (100).
//   GET  /{page-id}/published_posts  (and /posts, /feed) fields (id,message,created_time,permalink_url),
//                                 since and until (unix seconds or ISO 8601; since inclusive, until
//                                 exclusive, to the second), limit (25, ≤ 100), after, before: newest
//                                 first, {data, paging {cursors {before, after}, next}}; `next` only when
//                                 there is more.
//   GET  /{object-id}             fields: a post (id, message, created_time, updated_time, permalink_url,
//                                 is_published, status_type, from; full_picture and attachments are known
//                                 but never answered), a photo (id, name, created_time, published,
//                                 page_story_id), a page (id, name, category, instagram_business_account,
//                                 access_token for a user who manages it), an Instagram user (id, username,
//                                 name, media_count), a container (id, status_code, status), a media (id,
//                                 caption, timestamp, permalink, media_type, media_url, shortcode, username,
//                                 owner, comments_count…), a comment. A field the node does not have: 100
//                                 "Tried accessing nonexisting field"; an unknown id, or one the token may
//                                 not see: 400 code 100 subcode 33 "Unsupported get request".
//   POST /{post-id}/comments      message (pages_manage_engagement) → {"id":"{post-id}_{n}"}
//   GET  /{post-id}/comments      {data [{id, message, created_time, from {id, name}}], paging}
//
//   Instagram (the ig-user is a page's instagram_business_account; a Page token of that page, or a user
//   token of someone who manages it):
//   POST /{ig-user-id}/media      image_url, caption, alt_text, is_carousel_item=true; or media_type=
//                                 CAROUSEL with children=id,id… → {"id":"<container-id>"} at once. A
//                                 caption over 2,200 characters (UTF-16 units), more than 30 #hashtags or
//                                 20 @mentions: 400 36004/2207010 and no container. A carousel needs 2–10
//                                 children that are this user's FINISHED carousel items (100 otherwise;
//                                 a child still IN_PROGRESS 9007/2207027). Other media types (VIDEO,
//                                 REELS, STORIES): 100, not modelled. The container is IN_PROGRESS; after
//                                 `container_delay_ms` the fake FETCHES image_url over real HTTP and the
//                                 container becomes FINISHED, or ERROR with the error Meta gives:
//                                 unreachable or non-200 9004/2207052 "Media download has failed.", a
//                                 timeout -2/2207003, over `ig_max_bytes` (8 MiB) 36000/2207004, not a JPEG
//                                 (no start-of-frame marker) or an MPO (an APP2 "MPF" segment before the
//                                 frame) 36001/2207005, an aspect ratio outside 4:5…1.91:1 (the EXIF
//                                 orientation applied; both ends allowed) 36003/2207009. A carousel parent
//                                 becomes FINISHED after the same delay. A container not published within
//                                 `container_ttl_s` (86,400) is EXPIRED (an ERROR one stays ERROR).
//   GET  /{container-id}          fields=status_code,status → {status_code (IN_PROGRESS, FINISHED, ERROR,
//                                 EXPIRED, PUBLISHED), status ("Finished: Media has been uploaded and it is
//                                 ready to be published." / "Error: <message> (<subcode>)" / …), id}
//   POST /{ig-user-id}/media_publish  creation_id → {"id":"<ig-media-id>"}; the container becomes
//                                 PUBLISHED. Refusals (400, nothing published): not this user's or unknown
//                                 24/2207006; a carousel item alone 100; IN_PROGRESS 9007/2207027 "Media ID
//                                 is not available"; ERROR its own error; EXPIRED -2/2207020; already
//                                 PUBLISHED 100 "(#100) The media container has already been published"
//                                 (Meta's answer is not documented; never a second post); `quota_total`
//                                 reached within the last `quota_duration_s` 9/2207042.
//   GET  /{ig-user-id}/content_publishing_limit  fields=config,quota_usage → {"data":[{"config":
//                                 {"quota_total","quota_duration"},"quota_usage":N}]} (quota_usage alone
//                                 without fields); a carousel counts 1.
//   GET  /{ig-user-id}/media      fields (id,caption,timestamp,permalink,media_type), limit, after, before:
//                                 newest first with cursor paging
//   POST /{ig-media-id}/comments  message (instagram_manage_comments) → {"id"}
//   GET  /{ig-media-id}/comments  {data [{id, text, timestamp, username}], paging}
//
// Access tokens come as access_token (query or form) or Authorization: Bearer|OAuth. Unknown: 400
// {"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException",
// "code":190,…}}; expired 190/463 "Error validating access token: Session has expired on …"; invalidated
// by POST /_fake/invalidate: 190/460 (password changed) or 190/458 (the app removed); none: 400 code 104
// (2500 for /me). Every 190 also carries WWW-Authenticate: OAuth "Facebook Platform" "invalid_token" ….
// A Page endpoint with a user token, or another page's: 403 code 200 (posting) or 400 190 "(#190) This
// method must be called with a Page Access Token" (reading); a permission missing: 403 code 200 (Pages)
// or 10 (Instagram). Bodies: query string, application/x-www-form-urlencoded or a JSON object.
//
// Rate limits. Every answer to a request with a valid access token carries X-App-Usage {"call_count",
// "total_cputime","total_time"} (percent, integers); answers to Page-token requests and to Instagram
// endpoints also X-Business-Use-Case-Usage {"<page or ig id>":[{"type":"pages"|"instagram","call_count",
// "total_cputime","total_time","estimated_time_to_regain_access" (minutes)}]}. Each request counts in
// exactly one bucket (Meta: "if both … can be applied, BUC rate limits will be applied"): an Instagram
// endpoint in its ig-user's, a Page token's in its page's, any other (user or app token) in the app's.
// A bucket's percentages are its levels (`usage.levels`, 0 by default) plus 100 × the calls of the last
// `usage.window_s` (3,600) over its calls per hour (`usage.app_calls_per_hour` 200, `page_calls_per_hour`
// 4,800, `ig_calls_per_hour` 4,800), the same for all three fields. The call that brings the largest to
// 100 is answered; after it, until `usage.regain_s` (600) has passed on the fake's clock, the bucket's
// requests are refused with HTTP 400 and Meta's throttling error, is_transient true: the app's 4
// "(#4) Application request limit reached", a page's 80001 (or 32 with `usage.page_throttle_code`), an
// Instagram user's 80002; then the bucket starts again from nothing (calls and levels).
//
// Errors are always {"error":{"message","type","code","error_subcode" (when there is one),"is_transient",
// "error_user_title","error_user_msg" (where Meta gives them),"fbtrace_id"}}.
//
// Faults, as FakeX's, by share (seeded) or for the next N requests (optionally to one path as
// /_fake/stats names it, "POST /{ig}/media_publish"): server_error (500, code 1 or 2 in turn,
// is_transient true, nothing done), throttle (the throttling error of the request's bucket with its usage
// headers at 100, nothing done), drop (the connection closes before anything happens), lose (done — the
// post made, the container made, published — then the connection closes), slow (answered after slow_ms).
// `scope` narrows them: "all", "publish" (POST /{page}/feed, POST /{page}/photos unless published=false,
// POST /{ig}/media_publish) or one path. The dialog never fails; faults apply after the token is checked.
//
// Control (no auth):
//   GET  /_fake/posts       every Facebook post and Instagram media published: network ("facebook" |
//                           "instagram"), id, owner (page or ig-user id), message (the caption on
//                           Instagram), media (photo ids, or the image URLs fetched), link, container_id,
//                           media_type, permalink, created_at (ISO 8601), created_ms, copies (how many
//                           posts of that owner have the same text: the exactly-once check)
//   GET  /_fake/containers  every container: id, ig_user_id, status_code, image_url, caption, alt_text,
//                           media_type, is_carousel_item, children, error_code, error_subcode, media_id,
//                           created_ms, expires_ms
//   GET  /_fake/fetches     every media URL fetched: url, for (facebook_photo | instagram_container),
//                           status (HTTP, 0 when none), bytes, type (by the bytes), content_type, width,
//                           height, orientation, error ("" when it was good), at_ms
//   GET  /_fake/comments    every comment: network, id, parent, message, created_ms, copies
//   GET  /_fake/stats       requests, paths {"POST /{page}/feed": n, …}, published, facebook_posts,
//                           instagram_media, photos, containers, comments, fetches, fetch_failures,
//                           throttled (usage refusals), faults by kind, tokens_issued, codes_issued,
//                           duplicates_refused, quota_refused, unauthorized
//   POST /_fake/config      JSON, only the keys given change: app_id, app_secret, app_name, redirect_uris
//                           [..] (empty: any http(s)), users [{id, name, pages [ids]}] and pages [{id,
//                           name, category, ig {id, username} or null}] (added or updated), authorize_as,
//                           authorize_deny, code_ttl_s, short_ttl_s, long_ttl_s, data_access_ttl_s,
//                           container_delay_ms, container_ttl_s, quota_total, quota_duration_s,
//                           fetch_timeout_ms, photo_max_bytes, ig_max_bytes, duplicate_check,
//                           clock_offset_s, usage {app_calls_per_hour, page_calls_per_hour,
//                           ig_calls_per_hour, window_s, regain_s, page_throttle_code (80001 | 32), levels
//                           {"app" | "<page or ig id>": {call_count, total_cputime, total_time}}}, faults
//                           {seed, server_error, throttle, drop, lose, slow, slow_ms, latency_ms, scope
//                           "all"|"publish"|a path, next {kind: n | {count, path}}}; an unknown fault kind,
//                           scope or throttle code: 400 and nothing changes
//   POST /_fake/grant       {user_id, scopes [..] or "a,b", long_lived (true)}: a user token (and the Page
//                           tokens) as a completed sign-in would mint them: {access_token, token_type,
//                           expires_in, user_id, scopes, pages [{id, name, access_token,
//                           instagram_business_account}]}
//   POST /_fake/invalidate  {user_id, reason "password" (190/460) | "deauthorized" (190/458)}: every token
//                           of that user, Page tokens too, stops working
//   POST /_fake/reset       forget posts, photos, containers, comments, fetches, tokens, codes, usage and
//                           counters (the configuration stays; {"config": true} restores the defaults)
//
// Where Meta's documentation is silent the fake chooses (written above and in README.md): the error for a
// second media_publish; that a carousel item's ratio is not checked against the first item's (Meta crops
// them); the 400 (not 429) status of the throttling errors and 403 of the permission ones; per-user
// limits (17) and the 400 containers a day are not modelled; appsecret_proof is not checked; multipart
// bodies are not read.
class FakeMeta : public common::SocialFake
{
    Q_OBJECT
public:
    // serverError: 500 with code 1 or 2, is_transient; throttled: the bucket's throttling error with the
    // usage headers at 100; scope: "all", "publish" or a path.
    using Faults = common::Faults;
    struct Page
    {
        QString id, name;
        QString category = QStringLiteral("Shopping & retail");
        QString igId, igUsername; // its instagram_business_account; empty: none
    };
    struct User
    {
        QString id, name;
        QStringList pages; // the pages this user manages
    };
    struct Post
    {
        QString network; // "facebook" or "instagram"
        QString id, owner; // owner: the page or the ig-user
        QString message;   // the caption on Instagram
        QString link;
        QStringList media; // photo ids (Facebook) or image URLs (Instagram)
        QString containerId, mediaType, permalink;
        bool published = true; // false: a Facebook post made with published=false
        QDateTime created;
    };
    struct Container
    {
        QString id, igId, imageUrl, caption, altText;
        QString mediaType = QStringLiteral("IMAGE"); // IMAGE or CAROUSEL
        bool carouselItem = false;
        QStringList children;
        QString status = QStringLiteral("IN_PROGRESS"); // FINISHED, ERROR, PUBLISHED (EXPIRED is read from the clock)
        int errorCode = 0, errorSubcode = 0;
        QString errorMessage, errorTitle, errorUserMessage;
        QString mediaId;
        QDateTime created, expires;
    };
    struct Fetch
    {
        QString url, purpose; // purpose: facebook_photo or instagram_container
        int status = 0;
        qint64 bytes = 0;
        QString type, contentType, error;
        int width = 0, height = 0, orientation = 1;
        QDateTime at;
    };
    struct Comment
    {
        QString network, id, parent, message, fromId, fromName;
        QDateTime created;
    };
    struct Levels
    {
        double callCount = 0, totalCputime = 0, totalTime = 0;
    };
    struct Grant
    {
        QString accessToken;
        int expiresIn = 0;
        QHash<QString, QString> pageTokens; // page id → its Page token
    };
    // requests, paths ("POST /{page}/feed", "GET /{id}"…), serverErrors, dropped, lost, slow
    struct Stats : common::RequestStats
    {
        int facebookPosts = 0, instagramMedia = 0, photos = 0, containers = 0, comments = 0;
        int fetches = 0, fetchFailures = 0, throttled = 0;
        int injectedThrottles = 0;
        int tokensIssued = 0, codesIssued = 0, duplicates = 0, quotaRefused = 0, unauthorized = 0;
        int published() const { return facebookPosts + instagramMedia; }
    };

    static const QStringList kDefaultScopes; // the Pages and Instagram permissions the channels need

    explicit FakeMeta(QObject *parent = nullptr);
    ~FakeMeta() override;
    // listen(), baseUrl() (graph.facebook.com, the dialog and /_fake/…), setNextFaults(), setSeed(),
    // setClock(), setClockOffset(): common::SocialFake.

    QString appId() const { return m_appId; }
    QString appSecret() const { return m_appSecret; }
    void setApp(const QString &appId, const QString &appSecret);
    void setRedirectUris(const QStringList &uris) { m_redirectUris = uris; }
    void setUser(const User &user); // added, or updated by id
    void setPage(const Page &page); // added, or updated by id
    const User *user(const QString &id) const;
    const Page *page(const QString &id) const;
    const Page *pageOfIg(const QString &igId) const;
    void setAuthorizeAs(const QString &userId) { m_authorizeAs = userId; }
    void setContainerDelay(int ms) { m_containerDelayMs = ms; }
    void setContainerTtl(int seconds) { m_containerTtlS = seconds; }
    void setQuota(int total, int durationS = 86400);
    void setFetchTimeout(int ms) { m_fetchTimeoutMs = ms; }
    void setDuplicateCheck(bool on) { m_duplicateCheck = on; }
    // Calls per hour of each kind of bucket (0: not counted) and how long a throttled bucket waits.
    void setUsageRates(int appPerHour, int pagePerHour, int igPerHour);
    void setRegain(int seconds) { m_regainS = seconds; }
    // A bucket's levels: "app", or a page or ig-user id.
    void setUsageLevels(const QString &bucket, const Levels &levels);
    void setFaults(const Faults &faults) { m_faults = faults; }
    // setNextFaults(kind, count, path): kind server_error, throttle, drop, lose, slow; path empty (any request
    // the faults' scope takes) or one path as /_fake/stats names it ("POST /{ig}/media_publish", "/{page}/feed").
    void reset(bool config = false) override;

    // A completed sign-in without the browser: a user token (long-lived unless asked) and its Page tokens.
    Grant grant(const QString &userId, const QStringList &scopes = kDefaultScopes, bool longLived = true);
    // Every token of the user stops working: reason "password" (190/460) or "deauthorized" (190/458).
    void invalidate(const QString &userId, const QString &reason = QStringLiteral("password"));
    const QList<Post> &posts() const { return m_posts; } // in creation order, published or not
    int copies(const QString &owner, const QString &message) const;
    const Container *container(const QString &id) const;
    const QList<Fetch> &fetches() const { return m_fetches; }
    const QList<Comment> &comments() const { return m_comments; }
    const Stats &stats() const { return m_stats; }
    int quotaUsage(const QString &igId) const; // publishes in the rolling quota window

private:
    struct Token
    {
        QString kind; // USER, PAGE
        QString userId, pageId;
        QStringList scopes;
        QDateTime issued, expires, dataAccessExpires; // expires invalid: never
        int generation = 0; // the user's, when minted: a password change moves it on
        bool longLived = false;
    };
    struct Code
    {
        QString redirectUri, userId;
        QStringList scopes;
        QDateTime expires;
        bool used = false;
    };
    struct Photo
    {
        QString id, pageId, url, caption, postId;
        bool published = false;
        QDateTime created;
    };
    struct Bucket
    {
        QList<qint64> calls; // ms, within the window
        Levels levels;
        qint64 blockedUntilMs = 0;
    };
    struct Caller
    {
        QString token;      // empty: an app token (or none)
        bool app = false;   // the request came with <app id>|<app secret>
        Token t;
    };
    // One API request, as routed.
    struct Call
    {
        QByteArray method;
        QString path;   // without the version
        QString version; // "v21.0", or empty
        QStringList segments;
        QString key; // "POST /{page}/feed"
        common::Form params;
        Caller caller;
        QString bucket; // "app", "page:<id>", "ig:<id>"; empty: no token
        QString param(const char *name, bool *present = nullptr) const;
    };
    using Done = std::function<void(HttpResponse)>;
    using Items = QList<std::pair<QString, QJsonObject>>; // a list's items in order: id, object
    struct FetchResult
    {
        Fetch fetch;
        QByteArray data;
        bool timedOut = false, tooLarge = false, reached = false; // reached: an HTTP answer came
    };
    enum class TokenProblem { None, Unknown, Expired, Invalidated };

    void api(HttpExchange *exchange) override;
    void route(const Call &call, const Done &done);
    HttpResponse authorize(const Call &call);
    HttpResponse accessToken(const Call &call);
    HttpResponse debugToken(const Call &call);
    HttpResponse me(const Call &call);
    HttpResponse accounts(const Call &call, const QString &userId);
    void photo(const Call &call, const QString &pageId, const Done &done); // answers once the url is fetched
    HttpResponse feed(const Call &call, const QString &pageId);
    HttpResponse pagePosts(const Call &call, const QString &pageId);
    HttpResponse object(const Call &call, const QString &id);
    HttpResponse comment(const Call &call, const QString &parent);
    HttpResponse listComments(const Call &call, const QString &parent);
    HttpResponse createContainer(const Call &call, const QString &igId);
    HttpResponse publish(const Call &call, const QString &igId);
    HttpResponse publishingLimit(const Call &call, const QString &igId);
    HttpResponse igMedia(const Call &call, const QString &igId);
    HttpResponse listAnswer(const Call &call, const Items &items) const;
    HttpResponse control(const HttpRequest &request) override;
    QString configure(const QJsonObject &o) override; // an error, or empty
    QJsonObject statsJson() const override;

    // Tokens.
    TokenProblem check(const QString &token, Token *out) const;
    HttpResponse tokenError(TokenProblem problem, const Token &t) const;
    QString mintUser(const QString &userId, const QStringList &scopes, bool longLived);
    QString pageToken(const QString &userToken, const Token &user, const QString &pageId);
    bool manages(const QString &userId, const QString &pageId) const;
    bool canUsePage(const Caller &caller, const QString &pageId) const;
    bool canUseIg(const Caller &caller, const QString &igId) const;

    // Usage and throttling.
    QString bucketOf(const Call &call) const;
    Levels levelsOf(const QString &bucket) const;
    void settle(const QString &bucket); // a throttled bucket whose time has come starts again
    bool blocked(const QString &bucket) const;
    void count(const QString &bucket);
    void usageHeaders(HttpResponse &response, const QString &bucket, bool exhausted) const;
    HttpResponse throttleError(const QString &bucket) const;

    // Media.
    void fetch(const QString &url, const QString &purpose, qint64 maxBytes, std::function<QString(FetchResult &)> judge);
    void process(const QString &containerId);
    QString containerStatus(const Container &c) const;

    // Faults.
    bool inScope(const Call &call) const;

    QJsonObject postJson(const Post &post) const;
    QJsonObject mediaJson(const Post &post) const;
    static const QStringList &postFields();
    static const QStringList &mediaFields();
    QString newId(const char *prefix);
    QString newToken();
    QString endpointKey(const QByteArray &method, const QStringList &segments) const;

    QNetworkAccessManager m_nam;
    // Configuration.
    QString m_appId, m_appSecret, m_appName;
    QStringList m_redirectUris;
    QList<User> m_users;
    QList<Page> m_pages;
    QString m_authorizeAs;
    bool m_authorizeDeny = false;
    int m_codeTtlS = 600, m_shortTtlS = 5400, m_longTtlS = 5183944, m_dataAccessTtlS = 7776000;
    int m_containerDelayMs = 1000, m_containerTtlS = 86400;
    int m_quotaTotal = 50, m_quotaDurationS = 86400;
    int m_fetchTimeoutMs = 10000;
    qint64 m_photoMaxBytes = 10 * 1024 * 1024, m_igMaxBytes = 8 * 1024 * 1024;
    bool m_duplicateCheck = true;
    int m_appPerHour = 200, m_pagePerHour = 4800, m_igPerHour = 4800;
    int m_usageWindowS = 3600, m_regainS = 600, m_pageThrottleCode = 80001;
    Faults m_faults;
    QRandomGenerator m_secrets{QRandomGenerator::securelySeeded()};
    // State.
    QHash<QString, Token> m_tokens;
    QHash<QString, QString> m_pageTokenOf; // user token + '\n' + page id → the Page token minted from it
    QHash<QString, int> m_generation;      // user → how many times their tokens were invalidated
    QHash<QString, QString> m_invalidReason; // user → "password" or "deauthorized"
    QHash<QString, Code> m_codes;
    QList<Post> m_posts;
    QHash<QString, qsizetype> m_postById;
    QHash<QString, int> m_copies; // owner + '\n' + message (published posts)
    QHash<QString, Photo> m_photos;
    QHash<QString, Container> m_containers;
    QList<QString> m_containerOrder;
    QList<Fetch> m_fetches;
    QList<Comment> m_comments;
    QHash<QString, QList<qint64>> m_publishes; // ig-user → publish times (ms), for the quota
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastId = 0;
    quint64 m_epoch = 0; // moves on with every reset: late fetches of an earlier epoch are dropped
    Stats m_stats;
};

} // namespace lux::fakes
