// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclient.h"

#include "common/errorcodes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

namespace lux::channels::social::x {

namespace {

constexpr qint64 kMaxAnswerBytes = 2 * 1024 * 1024;
// A lost answer is looked for among the account's posts since the attempt: at most this many pages
// of a hundred (an account that posts more than that meanwhile is left to the user).
constexpr int kMaxTimelinePages = 10;

// X's problem body: {"detail", "title", "errors":[{"message"}]}; the reason people can read.
QString reason(const HttpResponse &r)
{
    const QJsonObject o = r.json();
    QString detail = o.value(QStringLiteral("detail")).toString();
    const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty()) {
        const QString first = errors.first().toObject().value(QStringLiteral("message")).toString();
        if (!first.isEmpty())
            detail = detail.isEmpty() ? first : detail + QStringLiteral(" (") + first + u')';
    }
    if (detail.isEmpty())
        detail = o.value(QStringLiteral("error_description")).toString();
    if (detail.isEmpty())
        detail = o.value(QStringLiteral("title")).toString();
    return detail.isEmpty() ? XClient::tr("X answered %1.").arg(r.status) : detail;
}


} // namespace

XClient::XClient(QNetworkAccessManager *network, XConfig config)
    : m_config(std::move(config)), m_http(network, {m_config.baseUrl, m_config.timeoutMs})
{
}

qint64 XClient::resetAt(const HttpResponse &response)
{
    // Three windows can be spent: the endpoint's 15 minutes, the user's and the app's day. Each says
    // when it resets as an epoch time; the latest of those that are spent (or, on a 429 that names
    // none, of all) is when a post may go again.
    qint64 latest = 0;
    qint64 latestSpent = 0;
    for (const QByteArray &prefix : {QByteArrayLiteral("x-rate-limit"), QByteArrayLiteral("x-user-limit-24hour"),
                                     QByteArrayLiteral("x-app-limit-24hour")}) {
        bool ok = false;
        const qint64 epoch = response.header(prefix + "-reset").trimmed().toLongLong(&ok);
        if (!ok || epoch <= 0)
            continue;
        latest = std::max(latest, epoch * 1000);
        if (response.header(prefix + "-remaining").trimmed() == "0")
            latestSpent = std::max(latestSpent, epoch * 1000);
    }
    return latestSpent > 0 ? latestSpent : response.status == 429 ? latest : 0;
}

Outcome XClient::outcome(const HttpResponse &response, bool madeSomething, qint64 now, qint64 *pauseUntil)
{
    Outcome o = HttpClient::outcome(response);
    const qint64 reset = resetAt(response);
    // A window is spent: nothing more on this account before it resets.
    if (pauseUntil && reset > now)
        *pauseUntil = reset;
    if (!response.answered())
        return o;
    if (response.status == 429) {
        o.code = QStringLiteral("x.429");
        o.message = tr("X's rate limit for this account is reached until %1.")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(reset > now ? reset : now + 900'000), QLocale::ShortFormat));
        o.retryAfterSeconds = reset > now ? int((reset - now + 999) / 1000) : 900;
        return o;
    }
    if (response.succeeded())
        return o;
    o.code = QStringLiteral("x.%1").arg(response.status);
    o.message = reason(response);
    if (response.status >= 500 && madeSomething)
        o.kind = Outcome::Kind::Unknown; // a gateway's 5xx may come after the post was made
    if (response.status == 401) {
        o.code = QString(errc::socialAuth);
        o.message = tr("X refused the account's sign-in: connect it again (%1).").arg(o.message);
    }
    return o;
}

QCoro::Task<lux::social::RefreshAnswer> XClient::token(QByteArray body)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/2/oauth2/token");
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.body = std::move(body);
    request.maxResponseBytes = kMaxAnswerBytes;
    // A spent refresh token revokes the grant: never let Qt present it twice by itself.
    request.oneShot = true;
    // A confidential client authenticates with Basic; a public one sends only its client_id.
    if (!m_config.clientSecret.isEmpty())
        request.headers = {{QByteArrayLiteral("Authorization"),
                            QByteArrayLiteral("Basic ") + (m_config.clientId + u':' + m_config.clientSecret).toUtf8().toBase64()}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    // X answers invalid_request for a spent or revoked refresh token: the grant is gone.
    co_return lux::social::RefreshAnswer::read(r, QStringLiteral("X"), QStringLiteral("social.x_client_id"), reason(r));
}

QCoro::Task<lux::social::RefreshAnswer> XClient::refresh(QString refreshToken)
{
    QByteArray body = HttpClient::form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("refresh_token"), refreshToken},
                            {QStringLiteral("client_id"), m_config.clientId}});
    co_return co_await token(std::move(body));
}

QCoro::Task<Result<lux::social::TokenSet>> XClient::exchange(QString code, QString redirectUri, QString verifier)
{
    QByteArray body = HttpClient::form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("redirect_uri"), redirectUri},
                            {QStringLiteral("code_verifier"), verifier},
                            {QStringLiteral("client_id"), m_config.clientId}});
    const lux::social::RefreshAnswer answer = co_await token(std::move(body));
    if (answer.kind != lux::social::RefreshAnswer::Kind::Refreshed)
        co_return Error(QString(answer.kind == lux::social::RefreshAnswer::Kind::Refused ? errc::socialAuth : errc::socialUnavailable),
                        tr("X did not give a sign-in: %1").arg(answer.message));
    co_return answer.tokens;
}

QCoro::Task<Result<XUser>> XClient::me(QString accessToken)
{
    HttpRequest request;
    request.path = QStringLiteral("/2/users/me?user.fields=subscription_type,username,name");
    request.maxResponseBytes = kMaxAnswerBytes;
    request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toUtf8()}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    if (!r.succeeded()) {
        const Outcome o = outcome(r, false, QDateTime::currentMSecsSinceEpoch());
        co_return Error(o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, tr("X: %1").arg(o.message));
    }
    const QJsonObject data = r.json().value(QStringLiteral("data")).toObject();
    XUser user{data.value(QStringLiteral("id")).toString(), data.value(QStringLiteral("name")).toString(),
               data.value(QStringLiteral("username")).toString(), data.value(QStringLiteral("subscription_type")).toString()};
    if (user.id.isEmpty())
        co_return Error(QString(errc::socialUnavailable), tr("X's answer about the account had no id."));
    co_return user;
}

QCoro::Task<Outcome> XClient::uploadMedia(QString accessToken, QByteArray bytes, QString mime)
{
    // multipart/form-data: the bytes and their category.
    const QByteArray boundary = QByteArrayLiteral("lux-") + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    const QByteArray category = mime == u"image/gif" ? QByteArrayLiteral("tweet_gif") : QByteArrayLiteral("tweet_image");
    QByteArray body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media_category\"\r\n\r\n" + category + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"media\"\r\nContent-Type: " + mime.toLatin1()
            + "\r\n\r\n" + bytes + "\r\n";
    body += "--" + boundary + "--\r\n";
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/2/media/upload");
    request.contentType = QByteArrayLiteral("multipart/form-data; boundary=") + boundary;
    request.body = std::move(body);
    request.maxResponseBytes = kMaxAnswerBytes;
    request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toUtf8()}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    Outcome o = outcome(r, false, QDateTime::currentMSecsSinceEpoch());
    // An upload only makes a media id nobody uses: without an answer it is simply made again.
    if (o.kind == Outcome::Kind::Unknown)
        o.kind = Outcome::Kind::Transient;
    if (o.ok()) {
        o.reference = r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
        if (o.reference.isEmpty()) {
            o.kind = Outcome::Kind::Transient;
            o.code = QStringLiteral("x.answer");
            o.message = tr("X's answer to an upload had no media id.");
        }
    }
    co_return o;
}

QCoro::Task<Outcome> XClient::createPost(QString accessToken, QString text, QStringList mediaIds, qint64 *pauseUntil)
{
    QJsonObject post{{QStringLiteral("text"), text}};
    if (!mediaIds.isEmpty())
        post.insert(QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"), QJsonArray::fromStringList(mediaIds)}});
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/2/tweets");
    request.contentType = QByteArrayLiteral("application/json");
    request.body = QJsonDocument(post).toJson(QJsonDocument::Compact);
    request.oneShot = true; // no idempotency key: never twice by Qt's own retry
    request.maxResponseBytes = kMaxAnswerBytes;
    request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toUtf8()}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    Outcome o = outcome(r, true, QDateTime::currentMSecsSinceEpoch(), pauseUntil);
    if (o.ok()) {
        o.reference = r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
        if (o.reference.isEmpty()) {
            // Made, by its status, but no id to keep: the channel looks it up.
            o.kind = Outcome::Kind::Unknown;
            o.code = QStringLiteral("x.answer");
            o.message = tr("X's answer to a post had no id.");
        }
    }
    co_return o;
}

QCoro::Task<Result<QList<XPost>>> XClient::recent(QString accessToken, QString userId, qint64 since)
{
    QList<XPost> posts;
    QString next;
    // Every post since the attempt, a hundred a page; a long post's whole text is its note_tweet's.
    for (int page = 0; page < kMaxTimelinePages; ++page) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start_time"),
                           QDateTime::fromMSecsSinceEpoch(since, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
        query.addQueryItem(QStringLiteral("max_results"), QStringLiteral("100"));
        query.addQueryItem(QStringLiteral("tweet.fields"), QStringLiteral("created_at,note_tweet"));
        if (!next.isEmpty())
            query.addQueryItem(QStringLiteral("pagination_token"), next);
        HttpRequest request;
        request.path = QStringLiteral("/2/users/%1/tweets?%2")
                           .arg(QString::fromLatin1(QUrl::toPercentEncoding(userId)), query.toString(QUrl::FullyEncoded));
        request.maxResponseBytes = kMaxAnswerBytes;
        request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toUtf8()}};
        const HttpResponse r = co_await m_http.send(std::move(request));
        if (!r.succeeded()) {
            const Outcome o = outcome(r, false, QDateTime::currentMSecsSinceEpoch());
            co_return Error(r.status == 403 ? QStringLiteral("x.forbidden") : o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code,
                            tr("X's list of the account's posts: %1").arg(o.message));
        }
        const QJsonObject answer = r.json();
        for (const QJsonValue &v : answer.value(QStringLiteral("data")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString whole = o.value(QStringLiteral("note_tweet")).toObject().value(QStringLiteral("text")).toString();
            posts.append({o.value(QStringLiteral("id")).toString(), whole.isEmpty() ? o.value(QStringLiteral("text")).toString() : whole,
                          QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()});
        }
        next = answer.value(QStringLiteral("meta")).toObject().value(QStringLiteral("next_token")).toString();
        if (next.isEmpty())
            co_return posts;
    }
    co_return Error(QStringLiteral("x.too-many"), tr("X's list of the account's posts since the attempt is longer than %n page(s).", nullptr,
                                                         kMaxTimelinePages));
}

} // namespace lux::channels::social::x
