// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkedinclient.h"

#include "common/errorcodes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace lux::channels::social::linkedin {

namespace {

constexpr qint64 kMaxAnswerBytes = 2 * 1024 * 1024;
// The organizations the member has roles in, a hundred a page: at most this many pages.
constexpr int kMaxAclPages = 10;
// An image still PROCESSING when the post went: LinkedIn may be asked again after this long.
constexpr int kProcessingWaitSeconds = 10;

const QString kOrganizationPrefix = QStringLiteral("urn:li:organization:");

QByteArray bearer(const QString &accessToken)
{
    return QByteArrayLiteral("Bearer ") + accessToken.toUtf8();
}

// The first input error's code (DUPLICATE_POST, MEDIA_ASSET_PROCESSING…), empty when there is none.
QString inputErrorCode(const QJsonObject &o)
{
    const QJsonArray errors = o.value(QStringLiteral("errorDetails")).toObject().value(QStringLiteral("inputErrors")).toArray();
    return errors.isEmpty() ? QString() : errors.first().toObject().value(QStringLiteral("code")).toString();
}


// Whether the host is LinkedIn's, or one the client is configured with: the bearer goes nowhere else.
bool trustedHost(const QUrl &url, const LinkedInConfig &config)
{
    const QString host = url.host().toLower();
    if (host.isEmpty())
        return false;
    if (host == config.apiUrl.host().toLower() || host == config.authUrl.host().toLower())
        return true;
    return url.scheme() == u"https" && (host == u"linkedin.com" || host.endsWith(QLatin1String(".linkedin.com")));
}

} // namespace

LinkedInClient::LinkedInClient(QNetworkAccessManager *network, LinkedInConfig config)
    : m_config(std::move(config)), m_http(network, {m_config.apiUrl, m_config.timeoutMs})
{
}

QString LinkedInClient::encoded(const QString &key)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(key));
}

QString LinkedInClient::reason(const HttpResponse &r)
{
    const QJsonObject o = r.json();
    QString message = o.value(QStringLiteral("message")).toString().trimmed();
    if (message.isEmpty())
        message = o.value(QStringLiteral("error_description")).toString().trimmed();
    if (message.isEmpty()) {
        const QJsonArray errors = o.value(QStringLiteral("errorDetails")).toObject().value(QStringLiteral("inputErrors")).toArray();
        if (!errors.isEmpty())
            message = errors.first().toObject().value(QStringLiteral("description")).toString().trimmed();
    }
    if (message.isEmpty())
        message = o.value(QStringLiteral("error")).toString();
    if (message.isEmpty())
        return r.answered() ? tr("LinkedIn answered %1.").arg(r.status) : r.errorString;
    return message;
}

Outcome LinkedInClient::outcome(const HttpResponse &response, const QString &where, bool madeSomething, qint64 now, qint64 *pauseUntil)
{
    Outcome o = HttpClient::outcome(response);
    if (!response.answered()) {
        // Nothing to undo for a read or an upload: it is simply asked again.
        if (!madeSomething && o.kind == Outcome::Kind::Unknown)
            o.kind = Outcome::Kind::Transient;
        o.message = tr("%1: LinkedIn did not answer (%2).").arg(where, response.errorString);
        return o;
    }
    if (response.succeeded())
        return o;
    const QJsonObject body = response.json();
    const QString said = reason(response);
    o.code = QStringLiteral("linkedin.%1").arg(response.status);
    o.message = tr("%1: LinkedIn said: %2").arg(where, said);
    if (response.status == 429) {
        // LinkedIn's limits are daily and "reset at midnight UTC"; its 429 carries no Retry-After or
        // rate-limit header. A daily limit (the message says "… DAY limit …") waits until then; any
        // other throttle waits a minute, unless a Retry-After ever says otherwise.
        if (said.contains(QLatin1String("DAY limit"), Qt::CaseInsensitive)) {
            const QDate today = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date();
            const qint64 midnight = QDateTime(today.addDays(1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
            o.retryAfterSeconds = int((midnight - now + 999) / 1000);
            if (pauseUntil)
                *pauseUntil = midnight;
            o.message = tr("%1: LinkedIn's daily limit is reached until %2 (%3).")
                            .arg(where, QLocale().toString(QDateTime::fromMSecsSinceEpoch(midnight), QLocale::ShortFormat), said);
        } else if (o.retryAfterSeconds < 0) {
            o.retryAfterSeconds = kThrottleWaitSeconds;
        }
        return o;
    }
    if (response.status >= 500) {
        if (madeSomething)
            o.kind = Outcome::Kind::Unknown; // a gateway's 5xx may come after the post was made
        return o;
    }
    o.kind = Outcome::Kind::Permanent;
    if (response.status == 401) {
        o.code = QString(errc::socialAuth);
        o.message = tr("%1: LinkedIn refused the account's sign-in: connect it again (%2).").arg(where, said);
        return o;
    }
    if (response.status == 426) {
        o.code = QString(kVersion);
        o.message = tr("%1: LinkedIn no longer serves the API version asked for: set a newer one (YYYYMM) in social.linkedin_version "
                       "(LinkedIn said: %2).")
                        .arg(where, said);
        return o;
    }
    const QString input = inputErrorCode(body);
    if (response.status == 422 && input == u"DUPLICATE_POST") {
        // "Content is a duplicate of urn:li:share:N": the same post was made moments ago.
        static const QRegularExpression urn(QStringLiteral(R"(urn:li:(?:share|ugcPost):\d+)"));
        o.code = QString(kDuplicate);
        o.reference = urn.match(said).captured(0);
        return o;
    }
    if (response.status == 400 && input == u"MEDIA_ASSET_PROCESSING") {
        // Nothing was made: the image is not ready yet.
        o.kind = Outcome::Kind::Transient;
        o.code = QStringLiteral("linkedin.processing");
        o.retryAfterSeconds = kProcessingWaitSeconds;
    }
    return o;
}

HttpRequest LinkedInClient::rest(QByteArray method, QString path, const QString &accessToken) const
{
    HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.maxResponseBytes = kMaxAnswerBytes;
    request.headers = {{QByteArrayLiteral("Authorization"), bearer(accessToken)},
                       {QByteArrayLiteral("LinkedIn-Version"), m_config.version.toLatin1()},
                       {QByteArrayLiteral("X-Restli-Protocol-Version"), QByteArrayLiteral("2.0.0")}};
    return request;
}

QUrl LinkedInClient::authorizeUrl(QString redirectUri, QString state, QStringList scopes) const
{
    QUrl url = HttpClient::join(m_config.authUrl, QStringLiteral("/oauth/v2/authorization"));
    const QByteArray query = HttpClient::form({{QStringLiteral("response_type"), QStringLiteral("code")},
                                               {QStringLiteral("client_id"), m_config.clientId},
                                               {QStringLiteral("redirect_uri"), redirectUri},
                                               {QStringLiteral("state"), state},
                                               {QStringLiteral("scope"), scopes.join(QLatin1Char(' '))}});
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QCoro::Task<lux::social::RefreshAnswer> LinkedInClient::token(QByteArray body)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.body = std::move(body);
    request.maxResponseBytes = kMaxAnswerBytes;
    // A code is single use; never let Qt present one (or a refresh token) twice by itself.
    request.oneShot = true;
    QUrl url = HttpClient::join(m_config.authUrl, QStringLiteral("/oauth/v2/accessToken"));
    const HttpResponse r = co_await m_http.send(std::move(url), std::move(request));
    // LinkedIn answers invalid_request, or invalid_grant, for a refresh token that is invalid,
    // expired or revoked: the grant is gone.
    co_return lux::social::RefreshAnswer::read(r, QStringLiteral("LinkedIn"), QStringLiteral("social.linkedin_client_id"), reason(r));
}

QCoro::Task<Result<lux::social::TokenSet>> LinkedInClient::exchange(QString code, QString redirectUri)
{
    QByteArray body = HttpClient::form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                        {QStringLiteral("code"), code},
                                        {QStringLiteral("redirect_uri"), redirectUri},
                                        {QStringLiteral("client_id"), m_config.clientId},
                                        {QStringLiteral("client_secret"), m_config.clientSecret}});
    const lux::social::RefreshAnswer answer = co_await token(std::move(body));
    if (answer.kind != lux::social::RefreshAnswer::Kind::Refreshed)
        co_return Error(QString(answer.kind == lux::social::RefreshAnswer::Kind::Refused ? errc::socialAuth : errc::socialUnavailable),
                        tr("LinkedIn's sign-in: LinkedIn did not give tokens: %1").arg(answer.message));
    co_return answer.tokens;
}

QCoro::Task<lux::social::RefreshAnswer> LinkedInClient::refresh(QString refreshToken)
{
    QByteArray body = HttpClient::form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                        {QStringLiteral("refresh_token"), refreshToken},
                                        {QStringLiteral("client_id"), m_config.clientId},
                                        {QStringLiteral("client_secret"), m_config.clientSecret}});
    lux::social::RefreshAnswer answer = co_await token(std::move(body));
    // LinkedIn gives the same refresh token back; were it ever left out, the one presented still serves.
    if (answer.kind == lux::social::RefreshAnswer::Kind::Refreshed && answer.tokens.refresh.isEmpty())
        answer.tokens.refresh = refreshToken;
    co_return answer;
}

QCoro::Task<Result<LinkedInMember>> LinkedInClient::me(QString accessToken)
{
    HttpRequest request;
    request.path = QStringLiteral("/v2/userinfo");
    request.maxResponseBytes = kMaxAnswerBytes;
    request.headers = {{QByteArrayLiteral("Authorization"), bearer(accessToken)}};
    const HttpResponse r = co_await m_http.send(std::move(request));
    if (!r.succeeded()) {
        const Outcome o = outcome(r, tr("LinkedIn's account details"), false, QDateTime::currentMSecsSinceEpoch());
        co_return Error(o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, o.message);
    }
    const QJsonObject o = r.json();
    LinkedInMember member{o.value(QStringLiteral("sub")).toString(), o.value(QStringLiteral("name")).toString(),
                          o.value(QStringLiteral("picture")).toString(), o.value(QStringLiteral("locale")).toString()};
    // The locale is a string in the OpenID answer; older answers give {country, language}.
    if (member.locale.isEmpty()) {
        const QJsonObject locale = o.value(QStringLiteral("locale")).toObject();
        if (!locale.isEmpty())
            member.locale = QString(locale.value(QStringLiteral("language")).toString() + u'-' + locale.value(QStringLiteral("country")).toString());
    }
    if (member.sub.isEmpty())
        co_return Error(QString(errc::socialUnavailable), tr("LinkedIn's account details had no member id (sub)."));
    co_return member;
}

QCoro::Task<Result<QList<LinkedInOrganization>>> LinkedInClient::organizations(QString accessToken)
{
    const QString whereAcls = tr("LinkedIn's list of the member's organizations");
    QList<LinkedInOrganization> found;
    int start = 0;
    for (int page = 0;; ++page) {
        if (page == kMaxAclPages)
            co_return Error(QStringLiteral("linkedin.too-many"),
                            tr("%1: more than %n page(s) of roles.", nullptr, kMaxAclPages).arg(whereAcls));
        HttpRequest request = rest(QByteArrayLiteral("GET"),
                                   QStringLiteral("/rest/organizationAcls?q=roleAssignee&state=APPROVED&start=%1&count=100").arg(start),
                                   accessToken);
        const HttpResponse r = co_await m_http.send(std::move(request));
        if (!r.succeeded()) {
            // 403: the sign-in has no organization scope (or LinkedIn will not say): kForbidden.
            const Outcome o = outcome(r, whereAcls, false, QDateTime::currentMSecsSinceEpoch());
            co_return Error(r.status == 403 ? QString(kForbidden) : o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, o.message);
        }
        const QJsonObject answer = r.json();
        const QJsonArray elements = answer.value(QStringLiteral("elements")).toArray();
        for (const QJsonValue &v : elements) {
            const QJsonObject e = v.toObject();
            const QString role = e.value(QStringLiteral("role")).toString();
            const bool posts = role == u"ADMINISTRATOR" || role == u"DIRECT_SPONSORED_CONTENT_POSTER" || role == u"CONTENT_ADMIN"
                               || role == u"CONTENT_ADMINISTRATOR";
            const QString urn = e.value(QStringLiteral("organization")).toString();
            if (!posts || e.value(QStringLiteral("state")).toString() != u"APPROVED" || !urn.startsWith(kOrganizationPrefix))
                continue;
            const auto same = std::find_if(found.begin(), found.end(), [&urn](const LinkedInOrganization &o) { return o.urn == urn; });
            if (same != found.end()) {
                if (role == u"ADMINISTRATOR")
                    same->role = role; // the widest role is the one shown
                continue;
            }
            found.append({urn, urn.mid(kOrganizationPrefix.size()), {}, {}, role});
        }
        const QJsonObject paging = answer.value(QStringLiteral("paging")).toObject();
        const int total = paging.value(QStringLiteral("total")).toInt(-1);
        start += int(elements.size());
        if (elements.isEmpty() || (total >= 0 && start >= total) || (total < 0 && elements.size() < 100))
            break;
    }
    // Their names: an organization LinkedIn will not describe (403, 404) keeps its id only.
    for (LinkedInOrganization &organization : found) {
        HttpRequest request = rest(QByteArrayLiteral("GET"), QStringLiteral("/rest/organizations/") + encoded(organization.id), accessToken);
        const HttpResponse r = co_await m_http.send(std::move(request));
        if (r.status == 403 || r.status == 404)
            continue;
        if (!r.succeeded()) {
            const Outcome o = outcome(r, tr("LinkedIn's organization details"), false, QDateTime::currentMSecsSinceEpoch());
            co_return Error(o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, o.message);
        }
        const QJsonObject o = r.json();
        organization.name = o.value(QStringLiteral("localizedName")).toString();
        organization.vanityName = o.value(QStringLiteral("vanityName")).toString();
    }
    co_return found;
}

QCoro::Task<Outcome> LinkedInClient::uploadImage(QString accessToken, QString ownerUrn, QByteArray bytes, QString mime)
{
    // Both steps may be repeated freely: an image no post refers to is harmless.
    const QString whereInit = tr("LinkedIn's image upload (initializeUpload)");
    const QJsonObject init{{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), ownerUrn}}}};
    HttpRequest request = rest(QByteArrayLiteral("POST"), QStringLiteral("/rest/images?action=initializeUpload"), accessToken);
    request.contentType = QByteArrayLiteral("application/json");
    request.body = QJsonDocument(init).toJson(QJsonDocument::Compact);
    const HttpResponse r = co_await m_http.send(std::move(request));
    Outcome o = outcome(r, whereInit, false, QDateTime::currentMSecsSinceEpoch());
    if (!o.ok())
        co_return o;
    const QJsonObject value = r.json().value(QStringLiteral("value")).toObject();
    const QString image = value.value(QStringLiteral("image")).toString();
    QUrl uploadUrl(value.value(QStringLiteral("uploadUrl")).toString(), QUrl::StrictMode);
    if (image.isEmpty() || !uploadUrl.isValid() || !trustedHost(uploadUrl, m_config)) {
        o.kind = Outcome::Kind::Transient;
        o.code = QStringLiteral("linkedin.answer");
        o.message = tr("%1: LinkedIn's answer had no image or no upload address on LinkedIn's host.").arg(whereInit);
        co_return o;
    }
    HttpRequest put;
    put.method = QByteArrayLiteral("PUT");
    put.contentType = mime.toLatin1();
    put.body = std::move(bytes);
    put.maxResponseBytes = kMaxAnswerBytes;
    put.headers = {{QByteArrayLiteral("Authorization"), bearer(accessToken)}}; // as LinkedIn's sample sends it
    const HttpResponse uploaded = co_await m_http.send(std::move(uploadUrl), std::move(put));
    o = outcome(uploaded, tr("LinkedIn's image upload"), false, QDateTime::currentMSecsSinceEpoch());
    if (o.ok())
        o.reference = image;
    co_return o;
}

QCoro::Task<Result<QString>> LinkedInClient::imageStatus(QString accessToken, QString imageUrn)
{
    HttpRequest request = rest(QByteArrayLiteral("GET"), QStringLiteral("/rest/images/") + encoded(imageUrn), accessToken);
    const HttpResponse r = co_await m_http.send(std::move(request));
    if (!r.succeeded()) {
        const Outcome o = outcome(r, tr("LinkedIn's image status"), false, QDateTime::currentMSecsSinceEpoch());
        co_return Error(o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, o.message);
    }
    const QString status = r.json().value(QStringLiteral("status")).toString();
    if (status.isEmpty())
        co_return Error(QString(errc::socialUnavailable), tr("LinkedIn's image status: the answer had no status."));
    co_return status;
}

QCoro::Task<Outcome> LinkedInClient::createPost(QString accessToken, QString authorUrn, QString commentary, QStringList imageUrns,
                                                QStringList altTexts, qint64 *pauseUntil)
{
    QJsonObject post{{QStringLiteral("author"), authorUrn},
                     {QStringLiteral("commentary"), commentary},
                     {QStringLiteral("visibility"), QStringLiteral("PUBLIC")},
                     {QStringLiteral("distribution"), QJsonObject{{QStringLiteral("feedDistribution"), QStringLiteral("MAIN_FEED")},
                                                                  {QStringLiteral("targetEntities"), QJsonArray{}},
                                                                  {QStringLiteral("thirdPartyDistributionChannels"), QJsonArray{}}}},
                     {QStringLiteral("lifecycleState"), QStringLiteral("PUBLISHED")},
                     {QStringLiteral("isReshareDisabledByAuthor"), false}};
    const auto picture = [&imageUrns, &altTexts](qsizetype i) {
        QJsonObject p{{QStringLiteral("id"), imageUrns.at(i)}};
        if (i < altTexts.size() && !altTexts.at(i).isEmpty())
            p.insert(QStringLiteral("altText"), altTexts.at(i));
        return p;
    };
    if (imageUrns.size() == 1) {
        post.insert(QStringLiteral("content"), QJsonObject{{QStringLiteral("media"), picture(0)}});
    } else if (imageUrns.size() > 1) {
        QJsonArray images;
        for (qsizetype i = 0; i < imageUrns.size(); ++i)
            images.append(picture(i));
        post.insert(QStringLiteral("content"), QJsonObject{{QStringLiteral("multiImage"), QJsonObject{{QStringLiteral("images"), images}}}});
    }
    HttpRequest request = rest(QByteArrayLiteral("POST"), QStringLiteral("/rest/posts"), accessToken);
    request.contentType = QByteArrayLiteral("application/json");
    request.body = QJsonDocument(post).toJson(QJsonDocument::Compact);
    request.oneShot = true; // no idempotency key: never twice by Qt's own retry
    const HttpResponse r = co_await m_http.send(std::move(request));
    const QString wherePost = tr("Posting to LinkedIn");
    Outcome o = outcome(r, wherePost, true, QDateTime::currentMSecsSinceEpoch(), pauseUntil);
    if (o.ok()) {
        QByteArray id = r.header("x-restli-id").trimmed();
        if (id.isEmpty())
            id = r.header("x-linkedin-id").trimmed();
        // Rest.li 2.0 may send the key percent-encoded, as it asks for it in paths.
        o.reference = id.contains('%') ? QUrl::fromPercentEncoding(id) : QString::fromUtf8(id);
        if (o.reference.isEmpty()) {
            // Made, by its status, but no URN to keep: the channel looks it up.
            o.kind = Outcome::Kind::Unknown;
            o.code = QStringLiteral("linkedin.answer");
            o.message = tr("%1: LinkedIn's answer had no post id (x-restli-id).").arg(wherePost);
        }
    }
    co_return o;
}

QCoro::Task<Result<QList<LinkedInPost>>> LinkedInClient::recentPosts(QString accessToken, QString authorUrn, int count)
{
    // Concatenated, not .arg()ed twice: the encoded URN's "%3A" would read as a placeholder.
    const QString path = QString(QStringLiteral("/rest/posts?q=author&author=") + encoded(authorUrn) + QStringLiteral("&count=")
                                 + QString::number(std::clamp(count, 1, 100)) + QStringLiteral("&sortBy=CREATED"));
    HttpRequest request = rest(QByteArrayLiteral("GET"), path, accessToken);
    const HttpResponse r = co_await m_http.send(std::move(request));
    if (!r.succeeded()) {
        const Outcome o = outcome(r, tr("LinkedIn's list of the account's posts"), false, QDateTime::currentMSecsSinceEpoch());
        co_return Error(r.status == 403 ? QString(kForbidden) : o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, o.message);
    }
    QList<LinkedInPost> posts;
    for (const QJsonValue &v : r.json().value(QStringLiteral("elements")).toArray()) {
        const QJsonObject o = v.toObject();
        posts.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("commentary")).toString(),
                      o.value(QStringLiteral("createdAt")).toInteger()});
    }
    co_return posts;
}

QCoro::Task<Outcome> LinkedInClient::comment(QString accessToken, QString postUrn, QString actorUrn, QString text)
{
    const QJsonObject body{{QStringLiteral("actor"), actorUrn},
                           {QStringLiteral("object"), postUrn},
                           {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), text}}}};
    HttpRequest request = rest(QByteArrayLiteral("POST"), QStringLiteral("/rest/socialActions/%1/comments").arg(encoded(postUrn)), accessToken);
    request.contentType = QByteArrayLiteral("application/json");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.oneShot = true; // no idempotency key either
    const HttpResponse r = co_await m_http.send(std::move(request));
    const QString whereComment = tr("Commenting on LinkedIn");
    Outcome o = outcome(r, whereComment, true, QDateTime::currentMSecsSinceEpoch());
    if (o.ok()) {
        o.reference = r.json().value(QStringLiteral("commentUrn")).toString();
        if (o.reference.isEmpty()) {
            const QString id = QString::fromUtf8(r.header("x-restli-id")).trimmed();
            if (!id.isEmpty())
                o.reference = id.startsWith(QLatin1String("urn:")) ? id : QStringLiteral("urn:li:comment:(%1,%2)").arg(postUrn, id);
        }
        if (o.reference.isEmpty()) {
            o.kind = Outcome::Kind::Unknown;
            o.code = QStringLiteral("linkedin.answer");
            o.message = tr("%1: LinkedIn's answer had no comment id.").arg(whereComment);
        }
    }
    co_return o;
}

QCoro::Task<Result<QList<LinkedInComment>>> LinkedInClient::comments(QString accessToken, QString postUrn)
{
    HttpRequest request = rest(QByteArrayLiteral("GET"), QStringLiteral("/rest/socialActions/%1/comments").arg(encoded(postUrn)), accessToken);
    const HttpResponse r = co_await m_http.send(std::move(request));
    if (!r.succeeded()) {
        const Outcome o = outcome(r, tr("LinkedIn's comments on a post"), false, QDateTime::currentMSecsSinceEpoch());
        co_return Error(r.status == 403 ? QString(kForbidden) : o.code.isEmpty() ? QString(errc::socialUnavailable) : o.code, o.message);
    }
    QList<LinkedInComment> list;
    for (const QJsonValue &v : r.json().value(QStringLiteral("elements")).toArray()) {
        const QJsonObject o = v.toObject();
        list.append({o.value(QStringLiteral("commentUrn")).toString(), o.value(QStringLiteral("id")).toString(),
                     o.value(QStringLiteral("actor")).toString(),
                     o.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString(),
                     o.value(QStringLiteral("created")).toObject().value(QStringLiteral("time")).toInteger()});
    }
    co_return list;
}

} // namespace lux::channels::social::linkedin
