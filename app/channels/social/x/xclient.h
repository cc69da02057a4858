// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/httpclient.h"
#include "channels/social/tokens.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QUrl>

class QNetworkAccessManager;

namespace lux::channels::social::x {

struct XConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.x.com"));
    QString clientId;
    QString clientSecret; // a confidential client's; empty for a public (PKCE-only) one
    int timeoutMs = 30'000;
};

struct XUser
{
    QString id, name, username, subscriptionType; // None, Basic, Premium, PremiumPlus
    bool longPosts() const { return subscriptionType == u"Premium" || subscriptionType == u"PremiumPlus"; }
};

struct XPost
{
    QString id, text;
    qint64 createdAt = 0; // ms
};

// X API v2 over the one HTTP helper (provider-contracts.md §5.4): the OAuth 2.0 token endpoint,
// the signed-in user, media upload, posting and the user's timeline. Posting has no idempotency
// key, so POST /2/tweets is one-shot and anything that may have made the post reads as Unknown,
// for the channel to look it up before a retry; a media upload only makes a media id and may be
// repeated. Rate limits come back as `pauseUntil`: x-rate-limit-reset is an epoch time, not a delay.
class XClient
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::x::XClient)
public:
    XClient(QNetworkAccessManager *network, XConfig config);

    const XConfig &config() const { return m_config; }

    QCoro::Task<lux::social::RefreshAnswer> refresh(QString refreshToken);
    // The code of a sign-in (PKCE) exchanged for tokens.
    QCoro::Task<Result<lux::social::TokenSet>> exchange(QString code, QString redirectUri, QString verifier);
    QCoro::Task<Result<XUser>> me(QString accessToken);
    // Accepted: reference is the media id.
    QCoro::Task<Outcome> uploadMedia(QString accessToken, QByteArray bytes, QString mime);
    // Accepted: reference is the post's id.
    QCoro::Task<Outcome> createPost(QString accessToken, QString text, QStringList mediaIds, qint64 *pauseUntil = nullptr);
    // The user's posts made since `since` (ms), newest first. x.forbidden: the plan cannot read them.
    QCoro::Task<Result<QList<XPost>>> recent(QString accessToken, QString userId, qint64 since);

    // The outcome of an answer with X's reason: 201 accepted; 429 transient until the reset; 5xx
    // unknown for a post (a gateway may answer after it was made), transient otherwise; 401 auth;
    // other 4xx permanent with X's detail.
    static Outcome outcome(const HttpResponse &response, bool madeSomething, qint64 now, qint64 *pauseUntil = nullptr);
    // When a spent window resets (ms): the latest of x-rate-limit-reset, x-user-limit-24hour-reset and
    // x-app-limit-24hour-reset (epoch seconds) whose remaining count is 0; on a 429 that names none
    // spent, the latest of them; 0 otherwise.
    static qint64 resetAt(const HttpResponse &response);

private:
    QCoro::Task<lux::social::RefreshAnswer> token(QByteArray form);

    XConfig m_config;
    HttpClient m_http;
};

} // namespace lux::channels::social::x
