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

// The X API v2 as docs/provider-contracts.md §5.4 describes it, over real HTTP on loopback, for the X
// client's tests, the crash tests and runs by hand (lux-fake-x). OAuth 2.0 with PKCE, posts, media,
// the user's timeline; X's rate limits and headers; the faults FakeTwilio has.
//
//   GET  /i/oauth2/authorize      response_type=code, client_id, redirect_uri, scope, state,
//                                 code_challenge, code_challenge_method (S256 or plain): answers 302 to
//                                 redirect_uri?state=…&code=… at once, as if the user approved (as
//                                 `authorize_as`, the first user by default). A wrong client, a missing or
//                                 unregistered redirect_uri, or one on "localhost" (X wants 127.0.0.1):
//                                 400 and an error page, no redirect. A missing challenge or state, an
//                                 unknown scope, `authorize_deny`: 302 with error=… and the state.
//   POST /2/oauth2/token          form: grant_type=authorization_code (code, redirect_uri exactly as given
//                                 to authorize, code_verifier, client_id) or refresh_token (refresh_token,
//                                 client_id); a public client names itself with client_id, a confidential
//                                 one (a client_secret is set) with HTTP Basic. 200 {token_type "bearer",
//                                 expires_in, access_token, scope, refresh_token (with offline.access)}.
//                                 Refresh tokens rotate and are single-use: presenting a spent one again
//                                 revokes the whole family (every token from that authorization). A bad,
//                                 spent, used or expired code or token, a wrong verifier or redirect_uri:
//                                 400 {"error":"invalid_request","error_description":"Value passed for
//                                 the token was invalid."}. Client authentication failed: 401
//                                 unauthorized_client. Codes live `code_ttl_s` (30 s, X's figure).
//   POST /2/oauth2/revoke         form: token (+ client_id): revokes its family; 200 {"revoked":true}
//   GET  /2/users/me              {"data":{id, name, username[, subscription_type]}} (user.fields asks for
//                                 subscription_type: None, Basic, Premium, PremiumPlus)
//   POST /2/media/upload          multipart/form-data: media (the bytes), media_category (tweet_image or
//                                 tweet_gif): JPEG, PNG, GIF or WEBP by their magic, ≤ 5,000,000 bytes
//                                 (an animated GIF as tweet_gif ≤ 15,000,000) → 200 {"data":{id,
//                                 media_key "3_<id>" (a GIF: "16_<id>"), expires_after_secs, size}}.
//                                 Every upload makes a new id; ids expire after `media_ttl_s`.
//   POST /2/tweets                JSON {text, media {media_ids}}: the weighted length checked with the
//                                 product's lux::social::XText (280, 25,000 for Premium and
//                                 PremiumPlus); over it, an empty post, an unknown, expired or another
//                                 user's media id, more than 4: 400 invalid-request problem; the same text
//                                 as one of the user's posts of the last 24 h: 403 duplicate content
//                                 (`duplicate_check`). 201 {"data":{id, text, edit_history_tweet_ids}} with
//                                 the text as X shows it (below); ids are numeric strings, increasing.
//   GET  /2/tweets/:id            {"data":{id, text, edit_history_tweet_ids[, created_at, author_id]}}; an
//                                 unknown id: 200 with {"errors":[{"title":"Not Found Error",…}]}, as X
//                                 answers (no 404)
//   GET  /2/users/:id/tweets      start_time (inclusive, to the second), end_time (exclusive),
//                                 max_results 5–100 (10), pagination_token, tweet.fields: newest first,
//                                 meta {result_count, newest_id, oldest_id, next_token}; {"meta":
//                                 {"result_count":0}} when none; 403 client-forbidden with
//                                 `timeline_forbidden` (a plan without reads)
//
// Text as X shows it: every URL XText finds replaced by https://t.co/ and 10 letters or digits, & < >
// written &amp; &lt; &gt;, and with media " https://t.co/…" appended. Fields other than id, text and
// edit_history_tweet_ids come only when tweet.fields / user.fields ask for them (X's default fields). A
// long post (weighted length over 280) shows its first 270 characters and "…" as `text`, the whole in
// note_tweet.text when tweet.fields asks for note_tweet.
//
// Bearer tokens: unknown, expired (`access_ttl_s`) or revoked → 401 {"title":"Unauthorized",
// "type":"about:blank","status":401,"detail":"Unauthorized"}; a scope the endpoint needs missing → 403
// (users/me, lookups and the timeline: tweet.read + users.read; posts: tweet.write too; media:
// media.write). Rate limits per user and endpoint, fixed windows opened by the first request: every
// answer to an authenticated request carries x-rate-limit-limit, -remaining and -reset (epoch seconds);
// past the limit 429 {"title":"Too Many Requests",…} with remaining 0, and for POST /2/tweets also
// x-user-limit-24hour-* and x-app-limit-24hour-* (a 24-hour cap per user and one for the app).
//
// Faults, as FakeTwilio's, by share (seeded) or for the next N requests (optionally to one path):
// server_error (500/503 problem, nothing done), throttle (429 with the headers, nothing done), drop (the
// connection closes before anything happens), lose (done — the post made, the token rotated — then the
// connection closes), slow (answered after slow_ms), token_unavailable (503 from the token endpoint).
// The authorize page never fails. Faults apply to the token endpoint and the API, after the bearer is
// checked; `scope` narrows them to creates (POST /2/tweets) or to one path.
//
// Control (no auth):
//   GET  /_fake/posts    every post made: id, user_id, text (as sent, NFC), shown (as X shows it),
//                        media_ids, created_at (ISO 8601) and created_ms, copies (how many posts of that
//                        user have the same text: the exactly-once check); ?user_id=… narrows it
//   GET  /_fake/media    every upload: id, media_key, user_id, category, type, size, created_ms, expires_ms
//   GET  /_fake/stats    requests, paths {"POST /2/tweets": n, …}, created, limit_429s, faults by kind,
//                        token_refreshes, families_revoked, tokens_issued, refresh_refused,
//                        duplicates_refused, media_uploaded, unauthorized
//   POST /_fake/config   JSON, only the keys given change: client_id, client_secret ("" for a public
//                        client), redirect_uris [..] (empty: any but localhost), access_ttl_s, code_ttl_s,
//                        media_ttl_s, rate_limit and rate_window_s (POST /2/tweets per user),
//                        user_24h_limit, app_24h_limit, rate_limits {"GET /2/users/me": {limit,
//                        window_s}, …}, timeline_forbidden, duplicate_check, users [{id, username, name,
//                        subscription_type}] (added or updated), authorize_as (a user id),
//                        authorize_deny, clock_offset_s, faults {seed, server_error, throttle, drop, lose,
//                        slow, token_unavailable, slow_ms, latency_ms, scope "all"|"create"|"/2/…", next
//                        {kind: n | {count, path}}}; an unknown subscription type or fault kind: 400 and
//                        nothing changes
//   POST /_fake/grant    {user_id, username, name, subscription_type, scope}: the user is added or
//                        updated and a token set minted as a completed sign-in would: {access_token,
//                        refresh_token (with offline.access), expires_in, scope, token_type, user_id}
//   POST /_fake/reset    forget posts, media, tokens, codes, windows and counters (the configuration and
//                        users stay; {"config": true} restores the defaults too)
class FakeX : public common::SocialFake
{
    Q_OBJECT
public:
    // serverError: 500 or 503 with X's problem JSON; throttled: 429 with the rate-limit headers; scope:
    // "all", "create" (POST /2/tweets) or a path.
    struct Faults : common::Faults
    {
        double tokenUnavailable = 0; // 503 from the token endpoint only
    };
    struct User
    {
        QString id, username, name;
        QString subscriptionType = QStringLiteral("None"); // None, Basic, Premium, PremiumPlus
    };
    struct Post
    {
        QString id, userId;
        QString text;  // as sent, NFC-normalised (what XText measured)
        QString shown; // as X shows it: t.co links, &amp; &lt; &gt;, the media link
        QStringList mediaIds;
        QDateTime created;
    };
    struct Media
    {
        QString id, userId, category, type;
        qint64 size = 0;
        QDateTime created, expires;
    };
    struct Tokens
    {
        QString accessToken, refreshToken, scope;
        int expiresIn = 0;
    };
    struct Limit
    {
        int limit = 0;
        int windowS = 900;
    };
    // requests, paths ("POST /2/tweets", "GET /2/users/:id/tweets"…), serverErrors, dropped, lost, slow
    struct Stats : common::RequestStats
    {
        int created = 0, limit429 = 0;
        int injected429 = 0, tokenUnavailable = 0;
        int tokensIssued = 0, refreshes = 0, refreshRefused = 0, familiesRevoked = 0;
        int duplicates = 0, media = 0, unauthorized = 0;
    };

    static const QString kDefaultScope; // tweet.read tweet.write users.read media.write offline.access

    explicit FakeX(QObject *parent = nullptr);
    ~FakeX() override;
    // listen(), baseUrl() (the API /2/…, the authorize page and /_fake/…), setNextFaults(), setSeed(),
    // setClock(), setClockOffset(): common::SocialFake.

    QString clientId() const { return m_clientId; }
    void setClient(const QString &clientId, const QString &clientSecret = {});
    void setRedirectUris(const QStringList &uris) { m_redirectUris = uris; }
    void setAccessTtl(int seconds) { m_accessTtlS = seconds; }
    void setMediaTtl(int seconds) { m_mediaTtlS = seconds; }
    void setTweetLimit(int limit, int windowS = 900) { m_limits.insert(QStringLiteral("POST /2/tweets"), {limit, windowS}); }
    void setLimit(const QString &endpoint, const Limit &limit) { m_limits.insert(endpoint, limit); }
    void setUser24hLimit(int limit) { m_user24h = limit; }
    void setApp24hLimit(int limit) { m_app24h = limit; }
    void setTimelineForbidden(bool forbidden) { m_timelineForbidden = forbidden; }
    void setDuplicateCheck(bool on) { m_duplicateCheck = on; }
    void setUser(const User &user); // added, or updated by id
    const User *user(const QString &id) const;
    void setAuthorizeAs(const QString &userId) { m_authorizeAs = userId; }
    void setFaults(const Faults &faults) { m_faults = faults; }
    // setNextFaults(kind, count, path): kind server_error, throttle, drop, lose, slow, token_unavailable;
    // path empty (any request the faults' scope takes), or one path as /_fake/stats names it
    // ("POST /2/tweets", "/2/oauth2/token").
    void reset(bool config = false) override;

    // A completed sign-in without the browser: the user's token set, as /_fake/grant mints it.
    Tokens grant(const QString &userId, const QString &scope = kDefaultScope);
    const QList<Post> &posts() const { return m_posts; } // in creation order
    int copies(const QString &userId, const QString &text) const;
    const Stats &stats() const { return m_stats; }

    // What X shows of a post's text (t.co links from a seeded generator, entities, the media link).
    QString shownText(const QString &normalized, bool withMedia);

private:
    struct Family
    {
        QString userId, scope, clientId;
        bool revoked = false;
    };
    struct Access
    {
        qint64 family = 0;
        QDateTime expires;
    };
    struct Refresh
    {
        qint64 family = 0;
        bool spent = false;
    };
    struct Code
    {
        QString clientId, redirectUri, challenge, method, scope, userId;
        QDateTime expires;
        bool used = false;
    };
    struct Window
    {
        qint64 startMs = -1;
        int used = 0;
    };
    struct Caller // an authenticated request's user and its authorization
    {
        QString userId;
        QStringList scopes;
    };
    void api(HttpExchange *exchange) override;
    HttpResponse authorize(const HttpRequest &request);
    HttpResponse token(const HttpRequest &request);
    HttpResponse revoke(const HttpRequest &request);
    HttpResponse route(const HttpRequest &request, const QString &key, const Caller &caller);
    HttpResponse me(const HttpRequest &request, const Caller &caller) const;
    HttpResponse upload(const HttpRequest &request, const Caller &caller);
    HttpResponse create(const HttpRequest &request, const Caller &caller);
    HttpResponse lookup(const HttpRequest &request, const QString &id) const;
    HttpResponse timeline(const HttpRequest &request, const QString &userId) const;
    HttpResponse control(const HttpRequest &request) override;
    QString configure(const QJsonObject &o) override; // an error, or empty
    QJsonObject statsJson() const override;
    QJsonObject postJson(const Post &post, const QStringList &fields) const;

    bool authenticate(const HttpRequest &request, Caller *caller) const;
    Tokens mint(qint64 family, bool withRefresh);
    void revokeFamily(qint64 family);
    // Counts the request in the caller's windows; false (and the 429) when a limit is reached.
    bool admit(const QString &userId, const QString &key, HttpResponse *refusal);
    void limitHeaders(HttpResponse &response, const QString &userId, const QString &key, bool exhausted) const;
    Limit limitFor(const QString &key) const;
    qint64 resetOf(const Window &w, int windowS) const;
    QString newId();
    QString newToken();
    static QString endpointKey(const QByteArray &method, const QString &path);

    // Configuration.
    QString m_clientId, m_clientSecret;
    QStringList m_redirectUris;
    int m_accessTtlS = 7200, m_codeTtlS = 30, m_mediaTtlS = 86400;
    QHash<QString, Limit> m_limits;
    int m_user24h = 2400, m_app24h = 10000;
    bool m_timelineForbidden = false, m_duplicateCheck = true;
    QList<User> m_users;
    QString m_authorizeAs;
    bool m_authorizeDeny = false;
    Faults m_faults;
    QRandomGenerator m_links{20261211};
    QRandomGenerator m_secrets{QRandomGenerator::securelySeeded()};
    // State.
    QHash<qint64, Family> m_families;
    qint64 m_nextFamily = 1;
    QHash<QString, Access> m_access;
    QHash<QString, Refresh> m_refresh;
    QHash<QString, Code> m_codes;
    QHash<QString, Window> m_windows; // user + '\n' + endpoint, user + "\n24h", "app\n24h"
    QList<Post> m_posts;
    QHash<QString, qsizetype> m_postById;
    QHash<QString, int> m_copies; // user + '\n' + text
    QHash<QString, Media> m_media;
    QList<QString> m_mediaOrder;
    qint64 m_lastId = 0;
    Stats m_stats;
};

} // namespace lux::fakes
