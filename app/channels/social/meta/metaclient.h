// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/httpclient.h"
#include "channels/social/tokens.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QLatin1StringView>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace lux::channels::social::meta {

struct MetaConfig
{
    QUrl graphUrl = QUrl(QStringLiteral("https://graph.facebook.com"));
    QUrl dialogUrl = QUrl(QStringLiteral("https://www.facebook.com"));
    QString version = QStringLiteral("v21.0");
    QString appId, appSecret;
    int timeoutMs = 30'000;
};

// A Page the signed-in user manages, with its Page token (never expiring when asked with a long-lived
// user token) and its Instagram professional account, when it has one.
struct MetaPage
{
    QString id, name, accessToken;
    QStringList tasks; // CREATE_CONTENT, MANAGE, MODERATE…
    QString igId, igUsername;
};

// What debug_token says of a token (times in ms; 0: never).
struct MetaTokenInfo
{
    bool isValid = false;
    qint64 expiresAt = 0;
    qint64 dataAccessExpiresAt = 0;
    QStringList scopes;
    QString type;      // USER or PAGE
    QString userId;    // whose token it is
    QString profileId; // a Page token's page
    QString error;     // why it is not valid, as Meta says
};

// A Page's post.
struct MetaPost
{
    QString id, message, permalink;
    qint64 createdAt = 0; // ms
};

// An Instagram media.
struct MetaMedia
{
    QString id, caption, permalink;
    qint64 timestamp = 0; // ms
};

struct MetaComment
{
    QString id, message; // Instagram's text
    QString from;        // the author: a Page's name, an Instagram username
    qint64 createdAt = 0;
};

// An Instagram container's state: code IN_PROGRESS, FINISHED, ERROR, EXPIRED or PUBLISHED; status is
// Meta's sentence ("Error: Media upload has failed with error code 2207052: …").
struct MetaContainerStatus
{
    QString code, status;
    int subcode = 0; // an ERROR's subcode, read from the sentence; 0 when it names none
};

// An Instagram account's publishing quota: `usage` of `total` posts in the last `durationS` seconds.
struct MetaQuota
{
    int total = 50;
    int usage = 0;
    int durationS = 86'400;
    int left() const { return total > usage ? total - usage : 0; }
};

// Meta's Graph API for Facebook Pages and Instagram content publishing over the one HTTP helper
// (provider-contracts.md §5.1–5.2): Facebook Login, the Page tokens, Page posts with photos, Instagram
// containers and their publishing, the lists a lost answer is looked for in, and comments.
//
// A Page post, a media_publish and a comment have no idempotency key: they are one-shot, and anything
// that may have come after the thing was made (a 5xx, Meta's unknown or service error, no answer after
// the request left whole) reads as Unknown, for the channel to look it up. An unpublished photo and a
// container are invisible until used, so making another is harmless: those read as Transient.
// Tokens go in the Authorization header, never in a URL. Every answer's usage headers (X-App-Usage,
// X-Business-Use-Case-Usage) are read: at 90 % or more the account should pause (pauseUntil).
class MetaClient
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::meta::MetaClient)
public:
    // Codes of Outcome and Error beside errc::socialAuth (the account must reconnect) and
    // errc::socialUnavailable (no answer to a read).
    static constexpr QLatin1StringView kDuplicate{"meta.duplicate"};   // 506: the same message as the Page's last post
    static constexpr QLatin1StringView kPublished{"meta.published"};   // the container was published already
    static constexpr QLatin1StringView kRestage{"meta.restage"};       // the container is spent (expired, failed): make a new one
    static constexpr QLatin1StringView kNotReady{"meta.not-ready"};    // the container is still IN_PROGRESS
    static constexpr QLatin1StringView kQuota{"meta.quota"};           // Instagram's publishing quota is used up
    static constexpr QLatin1StringView kThrottled{"meta.throttled"};   // a rate limit (4, 17, 32, 341, 613, 80001, 80002)
    static constexpr QLatin1StringView kPermission{"meta.permission"}; // 10, 200–299: a permission or a Page task is missing
    static constexpr QLatin1StringView kTooMany{"meta.too-many"};      // a list longer than the pages read
    static constexpr QLatin1StringView kAnswer{"meta.answer"};         // a 2xx without what it should carry

    // How long to wait when Meta says nothing: a spent rate limit at 90 % without a regain time, a
    // container not ready, the publishing quota (re-read with publishingLimit before publishing again).
    static constexpr qint64 kThrottlePauseMs = 10 * 60'000;
    static constexpr int kNotReadySeconds = 10;
    static constexpr qint64 kQuotaPauseMs = 60 * 60'000;

    MetaClient(QNetworkAccessManager *network, MetaConfig config);

    const MetaConfig &config() const { return m_config; }
    // The latest pause any answer of this client asked for (reads included), ms; 0 when none.
    qint64 pausedUntil() const { return m_pausedUntil; }

    // ---- Sign-in (Facebook Login)
    // Where the browser goes: the dialog, coming back to redirectUri with code and state.
    QUrl dialogUrl(const QString &redirectUri, const QString &state, const QStringList &scopes) const;
    // The dialog's code for a short-lived user token (redirectUri exactly as the dialog had it).
    QCoro::Task<Result<lux::social::TokenSet>> exchange(QString code, QString redirectUri);
    // A user token for a long-lived one (about 60 days); Page tokens asked with it never expire.
    QCoro::Task<Result<lux::social::TokenSet>> longLived(QString userToken);
    // The Pages the user manages, each with its Page token and Instagram account, every page of the list.
    QCoro::Task<Result<QList<MetaPage>>> pages(QString userToken);
    // What Meta says of a token, asked with the app's token (app id|app secret).
    QCoro::Task<Result<MetaTokenInfo>> debugToken(QString token);

    // ---- Facebook Pages
    // An unpublished photo fetched by Meta from publicUrl, for createFeedPost. Accepted: reference is the photo id.
    QCoro::Task<Outcome> uploadPhoto(QString pageToken, QString pageId, QString publicUrl, qint64 *pauseUntil = nullptr);
    // The post (one-shot). Accepted: reference is "{page}_{post}". kDuplicate: the Page's previous
    // post has this message (after a lost answer, evidence that it went).
    QCoro::Task<Outcome> createFeedPost(QString pageToken, QString pageId, QString message, QString link, QStringList photoIds,
                                        qint64 *pauseUntil = nullptr);
    // The Page's posts made since sinceMs, newest first (at most kMaxListPages pages; more: kTooMany).
    QCoro::Task<Result<QList<MetaPost>>> publishedPosts(QString pageToken, QString pageId, qint64 sinceMs);
    // A post's or a media's public address (permalink_url, or Instagram's permalink).
    QCoro::Task<Result<QString>> permalink(QString token, QString objectId);
    // A comment on a post or a media (one-shot). Accepted: reference is the comment id.
    QCoro::Task<Outcome> comment(QString token, QString objectId, QString message, qint64 *pauseUntil = nullptr);
    QCoro::Task<Result<QList<MetaComment>>> comments(QString token, QString objectId);

    // ---- Instagram
    // A container for an image Meta fetches from imageUrl (a carousel's item when carouselItem; its
    // caption is then the carousel's). Accepted: reference is the container id, IN_PROGRESS.
    QCoro::Task<Outcome> createContainer(QString pageToken, QString igId, QString imageUrl, QString caption, QString altText,
                                         bool carouselItem, qint64 *pauseUntil = nullptr);
    // A carousel of 2–10 FINISHED items. Accepted: reference is the container id.
    QCoro::Task<Outcome> createCarousel(QString pageToken, QString igId, QStringList childIds, QString caption,
                                        qint64 *pauseUntil = nullptr);
    QCoro::Task<Result<MetaContainerStatus>> containerStatus(QString token, QString containerId);
    // The post (one-shot). Accepted: reference is the media id. kNotReady: poll the container;
    // kRestage: a new container is needed (Transient when one may succeed, Permanent when the image
    // itself is refused); kPublished: it went already; kQuota: transient until the quota frees.
    QCoro::Task<Outcome> publish(QString token, QString igId, QString containerId, qint64 *pauseUntil = nullptr);
    QCoro::Task<Result<MetaQuota>> publishingLimit(QString token, QString igId);
    // The account's latest media, newest first (limit ≤ 100).
    QCoro::Task<Result<QList<MetaMedia>>> recentMedia(QString token, QString igId, int limit = 25);
    // When a publish fits in the rolling quota again (ms), from the account's latest media (at least
    // quota.total of them) and the quota: `now` when it fits now, else when the total-th newest of the
    // window's posts leaves it. Posts made in Instagram's own app count here and not in Meta's quota,
    // so this may be later than Meta's, never earlier.
    static qint64 quotaFreesAt(const QList<MetaMedia> &recent, const MetaQuota &quota, qint64 now);

    // ---- Reading answers
    // The outcome of an answer to `call` (a translated name: "the Page post"). oneShot: the call made
    // something no key protects, so a 5xx, code 1 or 2, or no answer after the request left whole is
    // Unknown. pauseUntil (when given) is set from the usage headers and the rate-limit errors.
    static Outcome outcome(const HttpResponse &response, const QString &call, bool oneShot, qint64 now, qint64 *pauseUntil = nullptr);
    // A container status's outcome, as for publishing it: FINISHED accepted, IN_PROGRESS kNotReady (transient),
    // PUBLISHED kPublished (permanent: it went), EXPIRED kRestage (transient), ERROR kRestage (transient
    // when restageMayHelp(subcode), else permanent).
    static Outcome outcome(const MetaContainerStatus &status);
    // When the usage headers ask the account to stop (ms): the largest percentage of X-App-Usage and
    // X-Business-Use-Case-Usage at 90 or more → now + estimated_time_to_regain_access minutes (when > 0),
    // else now + kThrottlePauseMs; 0 when below.
    static qint64 pauseUntil(const HttpResponse &response, qint64 now);
    // Whether a container's error subcode can be cured by a new container of the same image (a failed
    // download, a timeout, expiry, Meta's own failure), not the image itself (type, size, ratio).
    static bool restageMayHelp(int subcode);

    static constexpr int kMaxListPages = 10;

private:
    QCoro::Task<HttpResponse> get(QString token, QString path, QList<QPair<QString, QString>> query);
    QCoro::Task<HttpResponse> post(QString token, QString path, QList<QPair<QString, QString>> form, bool oneShot);
    QCoro::Task<Result<lux::social::TokenSet>> token(QList<QPair<QString, QString>> form, QString what);
    QCoro::Task<Outcome> make(QString token, QString path, QList<QPair<QString, QString>> form, QString what, bool oneShot,
                              qint64 *pauseUntil);
    QString versioned(const QString &path) const;
    Error readError(const HttpResponse &response, const QString &what);

    MetaConfig m_config;
    HttpClient m_http;
    qint64 m_pausedUntil = 0;
};

} // namespace lux::channels::social::meta
