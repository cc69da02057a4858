// SPDX-License-Identifier: GPL-3.0-or-later
#include "metaclient.h"

#include "common/errorcodes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <functional>

namespace lux::channels::social::meta {

namespace {

using Fields = QList<QPair<QString, QString>>;

constexpr qint64 kMaxAnswerBytes = 2 * 1024 * 1024;

// Meta's error body: {"error":{message,type,code,error_subcode,is_transient,error_user_msg,fbtrace_id}}.
struct GraphError
{
    int code = 0, subcode = 0;
    bool transient = false;
    QString message, userMessage, trace;
};

GraphError graphError(const HttpResponse &r)
{
    const QJsonObject e = r.json().value(QStringLiteral("error")).toObject();
    GraphError g;
    g.code = e.value(QStringLiteral("code")).toInt();
    g.subcode = e.value(QStringLiteral("error_subcode")).toInt();
    g.transient = e.value(QStringLiteral("is_transient")).toBool();
    g.message = e.value(QStringLiteral("message")).toString();
    g.userMessage = e.value(QStringLiteral("error_user_msg")).toString();
    g.trace = e.value(QStringLiteral("fbtrace_id")).toString();
    return g;
}

bool isThrottle(int code)
{
    return code == 4 || code == 17 || code == 32 || code == 341 || code == 613 || code == 80001 || code == 80002;
}

// Container errors: Meta's subcodes for a container that cannot be published (expired, failed to fetch
// or to process its image, or refused the image).
bool isContainerError(int subcode)
{
    switch (subcode) {
    case 2207003: // the download timed out
    case 2207004: // over 8 MB
    case 2207005: // not a JPEG (or an MPO)
    case 2207008: // a temporary error publishing the container
    case 2207009: // the aspect ratio
    case 2207020: // expired
    case 2207026: // the video's format
    case 2207052: // the media could not be fetched
    case 2207053: // an upload error
        return true;
    default:
        return false;
    }
}

// Graph times: "2026-03-01T10:00:00+0000" (an offset without a colon, which ISO 8601 in Qt may not read).
qint64 graphTime(const QJsonValue &value)
{
    QString text = value.toString();
    static const QRegularExpression offset(QStringLiteral(R"(([+-]\d\d)(\d\d)$)"));
    if (const QRegularExpressionMatch m = offset.match(text); m.hasMatch())
        text = text.left(m.capturedStart()) + m.captured(1) + u':' + m.captured(2);
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

// "/{id}" or "/{id}/{edge}", the id percent-encoded.
QString node(const QString &id, const char *edge = nullptr)
{
    QString path = QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id));
    if (edge)
        path += QLatin1Char('/') + QLatin1StringView(edge);
    return path;
}

lux::social::TokenSet tokens(const QJsonObject &o, qint64 now)
{
    lux::social::TokenSet t;
    t.access = o.value(QStringLiteral("access_token")).toString();
    if (const qint64 seconds = o.value(QStringLiteral("expires_in")).toInteger(); seconds > 0)
        t.accessExpiresAt = now + seconds * 1000;
    return t;
}

} // namespace

MetaClient::MetaClient(QNetworkAccessManager *network, MetaConfig config)
    : m_config(std::move(config)), m_http(network, {m_config.graphUrl, m_config.timeoutMs})
{
}

QString MetaClient::versioned(const QString &path) const
{
    return m_config.version.isEmpty() ? path : QString(u'/' + m_config.version + path);
}

// ---- Reading answers ------------------------------------------------------------------------------

qint64 MetaClient::pauseUntil(const HttpResponse &response, qint64 now)
{
    double most = 0;
    qint64 regainMinutes = 0;
    const auto take = [&most](const QJsonObject &usage) {
        for (const char *field : {"call_count", "total_cputime", "total_time"})
            most = std::max(most, usage.value(QLatin1StringView(field)).toVariant().toDouble());
    };
    take(QJsonDocument::fromJson(response.header("X-App-Usage")).object());
    const QJsonObject business = QJsonDocument::fromJson(response.header("X-Business-Use-Case-Usage")).object();
    for (auto it = business.begin(); it != business.end(); ++it) {
        for (const QJsonValue &entry : it.value().toArray()) {
            const QJsonObject o = entry.toObject();
            take(o);
            regainMinutes = std::max(regainMinutes, qint64(o.value(QStringLiteral("estimated_time_to_regain_access")).toVariant().toDouble()));
        }
    }
    if (most < 90)
        return 0;
    return regainMinutes > 0 ? now + regainMinutes * 60'000 : now + kThrottlePauseMs;
}

bool MetaClient::restageMayHelp(int subcode)
{
    // A new container of the same image may succeed after these; not after Meta refused the image.
    return subcode == 2207003 || subcode == 2207008 || subcode == 2207020 || subcode == 2207052 || subcode == 2207053;
}

Outcome MetaClient::outcome(const HttpResponse &response, const QString &call, bool oneShot, qint64 now, qint64 *pauseUntil)
{
    Outcome o = HttpClient::outcome(response);
    qint64 pause = MetaClient::pauseUntil(response, now);
    const auto done = [&]() -> Outcome {
        if (pause > now) {
            if (pauseUntil)
                *pauseUntil = std::max(*pauseUntil, pause);
            if (!o.ok() && o.kind != Outcome::Kind::Unknown)
                o.retryAfterSeconds = std::max(o.retryAfterSeconds, int((pause - now + 999) / 1000));
        }
        return o;
    };
    if (!response.answered()) {
        // Nothing a key protects was made, or the request never left: it may simply be made again.
        if (!oneShot && o.kind == Outcome::Kind::Unknown)
            o.kind = Outcome::Kind::Transient;
        o.message = o.kind == Outcome::Kind::Unknown
                        ? tr("Meta did not answer %1 after it was sent: it may have been made (%2).").arg(call, response.errorString)
                        : tr("Meta did not answer %1 (%2).").arg(call, response.errorString);
        return done();
    }
    if (response.succeeded())
        return done();

    const GraphError e = graphError(response);
    o.code = e.code != 0 ? (e.subcode != 0 ? QStringLiteral("meta.%1.%2").arg(e.code).arg(e.subcode) : QStringLiteral("meta.%1").arg(e.code))
                         : QStringLiteral("meta.http.%1").arg(response.status);
    const QString said = !e.userMessage.isEmpty() ? e.userMessage : !e.message.isEmpty() ? e.message : tr("HTTP %1").arg(response.status);

    if (e.code == 190 || e.code == 102) {
        o.kind = Outcome::Kind::Permanent;
        o.code = QString(errc::socialAuth);
        o.message = tr("Meta refused the account's sign-in for %1: connect it again (%2).").arg(call, e.message.isEmpty() ? said : e.message);
        return done();
    }
    if (e.subcode == 2207042) {
        o.kind = Outcome::Kind::Transient;
        o.code = QString(kQuota);
        pause = std::max(pause, now + kQuotaPauseMs);
        o.message = tr("Instagram's publishing limit for this account is reached (%1): %2 waits until %3.")
                        .arg(said, call, QLocale().toString(QDateTime::fromMSecsSinceEpoch(pause), QLocale::ShortFormat));
        return done();
    }
    if (e.subcode == 2207027) {
        o.kind = Outcome::Kind::Transient;
        o.code = QString(kNotReady);
        o.retryAfterSeconds = std::max(o.retryAfterSeconds, kNotReadySeconds);
        o.message = tr("Instagram has not finished preparing the picture for %1: %2").arg(call, said);
        return done();
    }
    if (isContainerError(e.subcode)) {
        o.kind = restageMayHelp(e.subcode) ? Outcome::Kind::Transient : Outcome::Kind::Permanent;
        o.code = QString(kRestage);
        o.message = tr("Instagram cannot use the prepared picture for %1 (%2): it must be prepared again.").arg(call, said);
        return done();
    }
    if (e.code == 506) {
        o.kind = Outcome::Kind::Permanent;
        o.code = QString(kDuplicate);
        o.message = tr("Meta refused %1: it is the same as the Page's previous post (%2).").arg(call, said);
        return done();
    }
    if (e.code == 100 && e.message.contains(QLatin1StringView("already been published"))) {
        o.kind = Outcome::Kind::Permanent;
        o.code = QString(kPublished);
        o.message = tr("Meta refused %1: it was published already (%2).").arg(call, said);
        return done();
    }
    // A one-shot call answered by a gateway or by Meta's unknown or service error may have made it.
    if (oneShot && (response.status >= 500 || e.code == 1 || e.code == 2)) {
        o.kind = Outcome::Kind::Unknown;
        o.message = tr("Meta failed while answering %1 and it may have been made (%2): look before trying again.").arg(call, said);
        return done();
    }
    if (isThrottle(e.code) || e.code == 9 || response.status == 429) {
        o.kind = Outcome::Kind::Transient;
        o.code = QString(kThrottled);
        if (pause <= now)
            pause = now + kThrottlePauseMs;
        o.message = tr("Meta's rate limit is reached for %1 until %2 (%3).")
                        .arg(call, QLocale().toString(QDateTime::fromMSecsSinceEpoch(pause), QLocale::ShortFormat), said);
        return done();
    }
    if (e.transient || e.code == 1 || e.code == 2 || e.code == -1 || e.code == -2 || response.status >= 500) {
        o.kind = Outcome::Kind::Transient;
        o.message = tr("Meta could not do %1 for now: %2").arg(call, said);
        return done();
    }
    if (e.code == 10 || (e.code >= 200 && e.code <= 299)) {
        o.kind = Outcome::Kind::Permanent;
        o.code = QString(kPermission);
        o.message = tr("Meta refused %1: a permission is missing (%2).").arg(call, e.message.isEmpty() ? said : e.message);
        return done();
    }
    o.kind = Outcome::Kind::Permanent;
    o.message = tr("Meta refused %1: %2").arg(call, said);
    return done();
}

Outcome MetaClient::outcome(const MetaContainerStatus &status)
{
    Outcome o;
    if (status.code == u"FINISHED") {
        o.kind = Outcome::Kind::Accepted;
        return o;
    }
    if (status.code == u"PUBLISHED") {
        // Not to be published again: it went (the media id is among the account's latest media).
        o.kind = Outcome::Kind::Permanent;
        o.code = QString(kPublished);
        o.message = tr("The Instagram post was published already.");
        return o;
    }
    if (status.code == u"IN_PROGRESS") {
        o.kind = Outcome::Kind::Transient;
        o.code = QString(kNotReady);
        o.retryAfterSeconds = kNotReadySeconds;
        o.message = tr("Instagram is still preparing the picture.");
        return o;
    }
    o.code = QString(kRestage);
    if (status.code == u"EXPIRED") {
        o.kind = Outcome::Kind::Transient;
        o.message = tr("The picture Instagram prepared expired before it was published: it must be prepared again.");
        return o;
    }
    o.kind = restageMayHelp(status.subcode) ? Outcome::Kind::Transient : Outcome::Kind::Permanent;
    o.message = tr("Instagram could not prepare the picture: %1").arg(status.status.isEmpty() ? status.code : status.status);
    return o;
}

// ---- Requests -------------------------------------------------------------------------------------

QCoro::Task<HttpResponse> MetaClient::get(QString token, QString path, Fields query)
{
    HttpRequest request;
    request.path = versioned(path);
    if (!query.isEmpty())
        request.path += u'?' + QString::fromLatin1(HttpClient::form(query));
    request.maxResponseBytes = kMaxAnswerBytes;
    if (!token.isEmpty())
        request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toUtf8()}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    qint64 pause = 0;
    (void)outcome(r, QString(), false, QDateTime::currentMSecsSinceEpoch(), &pause);
    m_pausedUntil = std::max(m_pausedUntil, pause);
    co_return r;
}

QCoro::Task<HttpResponse> MetaClient::post(QString token, QString path, Fields form, bool oneShot)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = versioned(path);
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.body = HttpClient::form(form);
    request.oneShot = oneShot; // no idempotency key: never twice by Qt's own retry
    request.maxResponseBytes = kMaxAnswerBytes;
    if (!token.isEmpty())
        request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toUtf8()}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    qint64 pause = 0;
    (void)outcome(r, QString(), oneShot, QDateTime::currentMSecsSinceEpoch(), &pause);
    m_pausedUntil = std::max(m_pausedUntil, pause);
    co_return r;
}

Error MetaClient::readError(const HttpResponse &response, const QString &what)
{
    const Outcome o = outcome(response, what, false, QDateTime::currentMSecsSinceEpoch());
    return Error(!response.answered() || o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code,
                 o.message.isEmpty() ? tr("Meta did not answer %1.").arg(what) : o.message);
}

QCoro::Task<Outcome> MetaClient::make(QString token, QString path, Fields form, QString what, bool oneShot, qint64 *pauseUntil)
{
    const HttpResponse r = co_await post(std::move(token), std::move(path), std::move(form), oneShot);
    qint64 pause = 0;
    Outcome o = outcome(r, what, oneShot, QDateTime::currentMSecsSinceEpoch(), &pause);
    if (pause > 0) {
        m_pausedUntil = std::max(m_pausedUntil, pause); // the same time the caller is told
        if (pauseUntil)
            *pauseUntil = std::max(*pauseUntil, pause);
    }
    if (o.ok()) {
        o.reference = r.json().value(QStringLiteral("id")).toString();
        if (o.reference.isEmpty()) {
            // Made, by its status, but no id to keep: a one-shot call's is looked up, another made again.
            o.kind = oneShot ? Outcome::Kind::Unknown : Outcome::Kind::Transient;
            o.code = QString(kAnswer);
            o.message = tr("Meta's answer to %1 had no id.").arg(what);
        }
    }
    co_return o;
}

// ---- Sign-in --------------------------------------------------------------------------------------

QUrl MetaClient::dialogUrl(const QString &redirectUri, const QString &state, const QStringList &scopes) const
{
    const QByteArray query = HttpClient::form({{QStringLiteral("client_id"), m_config.appId},
                                               {QStringLiteral("redirect_uri"), redirectUri},
                                               {QStringLiteral("state"), state},
                                               {QStringLiteral("response_type"), QStringLiteral("code")},
                                               {QStringLiteral("scope"), scopes.join(u',')}});
    return HttpClient::join(m_config.dialogUrl, versioned(QStringLiteral("/dialog/oauth")) + u'?' + QString::fromLatin1(query));
}

QCoro::Task<Result<lux::social::TokenSet>> MetaClient::token(Fields form, QString what)
{
    // POST, so the app secret stays out of the address; a code is spent once: one-shot.
    QString path = QStringLiteral("/oauth/access_token");
    QString noToken; // the app authenticates with its secret in the form
    const HttpResponse r = co_await post(std::move(noToken), std::move(path), std::move(form), true);
    if (r.succeeded()) {
        lux::social::TokenSet t = tokens(r.json(), QDateTime::currentMSecsSinceEpoch());
        if (t.access.isEmpty())
            co_return Error(QString(errc::socialUnavailable), tr("Meta's answer to %1 had no access token.").arg(what));
        co_return t;
    }
    const GraphError e = graphError(r);
    if (!r.answered() || r.status >= 500 || e.transient)
        co_return Error(QString(errc::socialUnavailable), tr("Meta did not answer %1: %2").arg(what, r.answered() ? e.message : r.errorString));
    // An app Meta does not know, or a wrong secret, is the app's settings, not the account's.
    if (e.code == 101 || e.code == 1)
        co_return Error(QStringLiteral("meta.app"), tr("Meta does not accept the app's id or secret for %1: %2").arg(what, e.message));
    co_return Error(QString(errc::socialAuth), tr("Meta did not give a sign-in for %1: %2").arg(what, e.message.isEmpty() ? tr("HTTP %1").arg(r.status) : e.message));
}

QCoro::Task<Result<lux::social::TokenSet>> MetaClient::exchange(QString code, QString redirectUri)
{
    Fields form{{QStringLiteral("client_id"), m_config.appId},
                {QStringLiteral("redirect_uri"), redirectUri},
                {QStringLiteral("client_secret"), m_config.appSecret},
                {QStringLiteral("code"), code}};
    QString what = tr("the sign-in's code");
    co_return co_await token(std::move(form), std::move(what));
}

QCoro::Task<Result<lux::social::TokenSet>> MetaClient::longLived(QString userToken)
{
    Fields form{{QStringLiteral("grant_type"), QStringLiteral("fb_exchange_token")},
                {QStringLiteral("client_id"), m_config.appId},
                {QStringLiteral("client_secret"), m_config.appSecret},
                {QStringLiteral("fb_exchange_token"), userToken}};
    QString what = tr("the long-lived token");
    co_return co_await token(std::move(form), std::move(what));
}

QCoro::Task<Result<QList<MetaPage>>> MetaClient::pages(QString userToken)
{
    QList<MetaPage> out;
    QString after;
    for (int page = 0; page < kMaxListPages; ++page) {
        Fields query{{QStringLiteral("fields"), QStringLiteral("id,name,access_token,tasks,instagram_business_account{id,username}")},
                     {QStringLiteral("limit"), QStringLiteral("100")}};
        if (!after.isEmpty())
            query.append({QStringLiteral("after"), after});
        QString path = QStringLiteral("/me/accounts");
        const HttpResponse r = co_await get(userToken, std::move(path), std::move(query));
        if (!r.succeeded())
            co_return readError(r, tr("the list of Pages"));
        const QJsonObject answer = r.json();
        for (const QJsonValue &v : answer.value(QStringLiteral("data")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonObject ig = o.value(QStringLiteral("instagram_business_account")).toObject();
            QStringList tasks;
            for (const QJsonValue &t : o.value(QStringLiteral("tasks")).toArray())
                tasks << t.toString();
            out.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                        o.value(QStringLiteral("access_token")).toString(), tasks, ig.value(QStringLiteral("id")).toString(),
                        ig.value(QStringLiteral("username")).toString()});
        }
        const QJsonObject paging = answer.value(QStringLiteral("paging")).toObject();
        after = paging.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
        if (!paging.contains(QStringLiteral("next")) || after.isEmpty())
            co_return out;
    }
    co_return Error(QString(kTooMany), tr("The list of Pages is longer than %n page(s).", nullptr, kMaxListPages));
}

QCoro::Task<Result<MetaTokenInfo>> MetaClient::debugToken(QString token)
{
    // Asked with the app's own token; the token asked about is a parameter Meta reads only from the query.
    const QString app = m_config.appId + u'|' + m_config.appSecret;
    QString path = QStringLiteral("/debug_token");
    Fields query{{QStringLiteral("input_token"), token}};
    const HttpResponse r = co_await get(app, std::move(path), std::move(query));
    if (!r.succeeded())
        co_return readError(r, tr("the token check"));
    const QJsonObject data = r.json().value(QStringLiteral("data")).toObject();
    if (data.isEmpty())
        co_return Error(QString(kAnswer), tr("Meta's answer to the token check had no data."));
    MetaTokenInfo info;
    info.isValid = data.value(QStringLiteral("is_valid")).toBool();
    info.expiresAt = data.value(QStringLiteral("expires_at")).toInteger() * 1000;
    info.dataAccessExpiresAt = data.value(QStringLiteral("data_access_expires_at")).toInteger() * 1000;
    for (const QJsonValue &s : data.value(QStringLiteral("scopes")).toArray())
        info.scopes << s.toString();
    info.type = data.value(QStringLiteral("type")).toString();
    info.userId = data.value(QStringLiteral("user_id")).toString();
    info.profileId = data.value(QStringLiteral("profile_id")).toString();
    info.error = data.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    co_return info;
}

// ---- Facebook Pages -------------------------------------------------------------------------------

QCoro::Task<Outcome> MetaClient::uploadPhoto(QString pageToken, QString pageId, QString publicUrl, qint64 *pauseUntil)
{
    // Unpublished: invisible until a post uses it, so another may be made after any failure.
    Fields form{{QStringLiteral("url"), publicUrl}, {QStringLiteral("published"), QStringLiteral("false")}};
    QString path = node(pageId, "photos");
    QString what = tr("the photo upload");
    co_return co_await make(std::move(pageToken), std::move(path), std::move(form), std::move(what), false, pauseUntil);
}

QCoro::Task<Outcome> MetaClient::createFeedPost(QString pageToken, QString pageId, QString message, QString link, QStringList photoIds,
                                                qint64 *pauseUntil)
{
    Fields form;
    if (!message.isEmpty())
        form.append({QStringLiteral("message"), message});
    if (!link.isEmpty())
        form.append({QStringLiteral("link"), link});
    for (qsizetype i = 0; i < photoIds.size(); ++i)
        form.append({QStringLiteral("attached_media[%1]").arg(i),
                     QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("media_fbid"), photoIds.at(i)}}).toJson(QJsonDocument::Compact))});
    QString path = node(pageId, "feed");
    QString what = tr("the Page post");
    co_return co_await make(std::move(pageToken), std::move(path), std::move(form), std::move(what), true, pauseUntil);
}

QCoro::Task<Result<QList<MetaPost>>> MetaClient::publishedPosts(QString pageToken, QString pageId, qint64 sinceMs)
{
    QList<MetaPost> out;
    QString after;
    for (int page = 0; page < kMaxListPages; ++page) {
        Fields query{{QStringLiteral("fields"), QStringLiteral("id,message,created_time,permalink_url")},
                     {QStringLiteral("since"), QString::number(std::max<qint64>(0, sinceMs / 1000))},
                     {QStringLiteral("limit"), QStringLiteral("100")}};
        if (!after.isEmpty())
            query.append({QStringLiteral("after"), after});
        QString path = node(pageId, "published_posts");
        const HttpResponse r = co_await get(pageToken, std::move(path), std::move(query));
        if (!r.succeeded())
            co_return readError(r, tr("the Page's posts"));
        const QJsonObject answer = r.json();
        for (const QJsonValue &v : answer.value(QStringLiteral("data")).toArray()) {
            const QJsonObject o = v.toObject();
            out.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("message")).toString(),
                        o.value(QStringLiteral("permalink_url")).toString(), graphTime(o.value(QStringLiteral("created_time")))});
        }
        const QJsonObject paging = answer.value(QStringLiteral("paging")).toObject();
        after = paging.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
        if (!paging.contains(QStringLiteral("next")) || after.isEmpty())
            co_return out;
    }
    co_return Error(QString(kTooMany), tr("The Page's posts since then are more than %n page(s).", nullptr, kMaxListPages));
}

QCoro::Task<Result<QString>> MetaClient::permalink(QString token, QString objectId)
{
    // A Page post's id is "{page}_{post}" and its field permalink_url; an Instagram media's is permalink.
    // Asking a node for a field it lacks is refused (100), so the other is asked after such a refusal.
    QStringList fields{QStringLiteral("permalink_url"), QStringLiteral("permalink")};
    if (!objectId.contains(u'_'))
        std::reverse(fields.begin(), fields.end());
    Error last;
    for (const QString &field : std::as_const(fields)) {
        QString path = node(objectId);
        Fields query{{QStringLiteral("fields"), field}};
        const HttpResponse r = co_await get(token, std::move(path), std::move(query));
        if (r.succeeded()) {
            const QString link = r.json().value(field).toString();
            if (link.isEmpty())
                co_return Error(QString(kAnswer), tr("Meta's answer had no address for %1.").arg(objectId));
            co_return link;
        }
        last = readError(r, tr("the post's address"));
        if (graphError(r).code != 100 || graphError(r).subcode != 0)
            co_return last;
    }
    co_return last;
}

QCoro::Task<Outcome> MetaClient::comment(QString token, QString objectId, QString message, qint64 *pauseUntil)
{
    Fields form{{QStringLiteral("message"), message}};
    QString path = node(objectId, "comments");
    QString what = tr("the comment");
    co_return co_await make(std::move(token), std::move(path), std::move(form), std::move(what), true, pauseUntil);
}

QCoro::Task<Result<QList<MetaComment>>> MetaClient::comments(QString token, QString objectId)
{
    // Without fields each network answers its own: a Page's {message, created_time, from}, Instagram's
    // {text, timestamp, username}.
    QList<MetaComment> out;
    QString after;
    for (int page = 0; page < kMaxListPages; ++page) {
        Fields query{{QStringLiteral("limit"), QStringLiteral("100")}};
        if (!after.isEmpty())
            query.append({QStringLiteral("after"), after});
        QString path = node(objectId, "comments");
        const HttpResponse r = co_await get(token, std::move(path), std::move(query));
        if (!r.succeeded())
            co_return readError(r, tr("the comments"));
        const QJsonObject answer = r.json();
        for (const QJsonValue &v : answer.value(QStringLiteral("data")).toArray()) {
            const QJsonObject o = v.toObject();
            const bool instagram = o.contains(QStringLiteral("text"));
            out.append({o.value(QStringLiteral("id")).toString(), o.value(instagram ? QStringLiteral("text") : QStringLiteral("message")).toString(),
                        instagram ? o.value(QStringLiteral("username")).toString()
                                  : o.value(QStringLiteral("from")).toObject().value(QStringLiteral("name")).toString(),
                        graphTime(o.value(instagram ? QStringLiteral("timestamp") : QStringLiteral("created_time")))});
        }
        const QJsonObject paging = answer.value(QStringLiteral("paging")).toObject();
        after = paging.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
        if (!paging.contains(QStringLiteral("next")) || after.isEmpty())
            co_return out;
    }
    co_return Error(QString(kTooMany), tr("The comments are more than %n page(s).", nullptr, kMaxListPages));
}

// ---- Instagram ------------------------------------------------------------------------------------

QCoro::Task<Outcome> MetaClient::createContainer(QString pageToken, QString igId, QString imageUrl, QString caption, QString altText,
                                                 bool carouselItem, qint64 *pauseUntil)
{
    Fields form{{QStringLiteral("image_url"), imageUrl}};
    if (carouselItem)
        form.append({QStringLiteral("is_carousel_item"), QStringLiteral("true")});
    else if (!caption.isEmpty())
        form.append({QStringLiteral("caption"), caption});
    if (!altText.isEmpty())
        form.append({QStringLiteral("alt_text"), altText});
    // A container is invisible until published: another may be made after any failure.
    QString path = node(igId, "media");
    QString what = carouselItem ? tr("the carousel's picture") : tr("the Instagram picture");
    co_return co_await make(std::move(pageToken), std::move(path), std::move(form), std::move(what), false, pauseUntil);
}

QCoro::Task<Outcome> MetaClient::createCarousel(QString pageToken, QString igId, QStringList childIds, QString caption, qint64 *pauseUntil)
{
    Fields form{{QStringLiteral("media_type"), QStringLiteral("CAROUSEL")}, {QStringLiteral("children"), childIds.join(u',')}};
    if (!caption.isEmpty())
        form.append({QStringLiteral("caption"), caption});
    QString path = node(igId, "media");
    QString what = tr("the Instagram carousel");
    co_return co_await make(std::move(pageToken), std::move(path), std::move(form), std::move(what), false, pauseUntil);
}

QCoro::Task<Result<MetaContainerStatus>> MetaClient::containerStatus(QString token, QString containerId)
{
    QString path = node(containerId);
    Fields query{{QStringLiteral("fields"), QStringLiteral("status_code,status")}};
    const HttpResponse r = co_await get(token, std::move(path), std::move(query));
    if (!r.succeeded())
        co_return readError(r, tr("the Instagram picture's state"));
    const QJsonObject o = r.json();
    MetaContainerStatus status{o.value(QStringLiteral("status_code")).toString(), o.value(QStringLiteral("status")).toString(), 0};
    if (status.code.isEmpty())
        co_return Error(QString(kAnswer), tr("Meta's answer about the Instagram picture had no state."));
    // "Error: Media upload has failed with error code 2207052: …", or a subcode in parentheses.
    static const QRegularExpression subcode(QStringLiteral(R"((?:error code |\()(\d{5,}))"));
    if (const QRegularExpressionMatch m = subcode.match(status.status); m.hasMatch())
        status.subcode = m.captured(1).toInt();
    co_return status;
}

QCoro::Task<Outcome> MetaClient::publish(QString token, QString igId, QString containerId, qint64 *pauseUntil)
{
    Fields form{{QStringLiteral("creation_id"), containerId}};
    QString path = node(igId, "media_publish");
    QString what = tr("the Instagram post");
    co_return co_await make(std::move(token), std::move(path), std::move(form), std::move(what), true, pauseUntil);
}

QCoro::Task<Result<MetaQuota>> MetaClient::publishingLimit(QString token, QString igId)
{
    QString path = node(igId, "content_publishing_limit");
    Fields query{{QStringLiteral("fields"), QStringLiteral("config,quota_usage")}};
    const HttpResponse r = co_await get(token, std::move(path), std::move(query));
    if (!r.succeeded())
        co_return readError(r, tr("Instagram's publishing limit"));
    const QJsonObject entry = r.json().value(QStringLiteral("data")).toArray().at(0).toObject();
    if (entry.isEmpty())
        co_return Error(QString(kAnswer), tr("Meta's answer about Instagram's publishing limit was empty."));
    MetaQuota quota;
    const QJsonObject config = entry.value(QStringLiteral("config")).toObject();
    if (const int total = config.value(QStringLiteral("quota_total")).toInt(); total > 0)
        quota.total = total;
    if (const int duration = config.value(QStringLiteral("quota_duration")).toInt(); duration > 0)
        quota.durationS = duration;
    quota.usage = entry.value(QStringLiteral("quota_usage")).toInt();
    co_return quota;
}

QCoro::Task<Result<QList<MetaMedia>>> MetaClient::recentMedia(QString token, QString igId, int limit)
{
    QString path = node(igId, "media");
    Fields query{{QStringLiteral("fields"), QStringLiteral("id,caption,timestamp,permalink")},
                 {QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 100))}};
    const HttpResponse r = co_await get(token, std::move(path), std::move(query));
    if (!r.succeeded())
        co_return readError(r, tr("the Instagram account's posts"));
    QList<MetaMedia> out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("caption")).toString(),
                    o.value(QStringLiteral("permalink")).toString(), graphTime(o.value(QStringLiteral("timestamp")))});
    }
    co_return out;
}

qint64 MetaClient::quotaFreesAt(const QList<MetaMedia> &recent, const MetaQuota &quota, qint64 now)
{
    const qint64 window = qint64(quota.durationS) * 1000;
    QList<qint64> inWindow;
    for (const MetaMedia &m : recent)
        if (m.timestamp > now - window)
            inWindow << m.timestamp;
    if (quota.total <= 0 || inWindow.size() < quota.total)
        return now;
    std::sort(inWindow.begin(), inWindow.end(), std::greater<>());
    return std::max(now, inWindow.at(quota.total - 1) + window);
}

} // namespace lux::channels::social::meta
