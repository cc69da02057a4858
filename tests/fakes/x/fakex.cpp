// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakex.h"

#include "social/xtext.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace lux::fakes {

using namespace common;

const QString FakeX::kDefaultScope = QStringLiteral("tweet.read tweet.write users.read media.write offline.access");

namespace {

const QString kTweets = QStringLiteral("POST /2/tweets");
const QString kMe = QStringLiteral("GET /2/users/me");
const QString kLookup = QStringLiteral("GET /2/tweets/:id");
const QString kTimeline = QStringLiteral("GET /2/users/:id/tweets");
const QString kUpload = QStringLiteral("POST /2/media/upload");
const QString kToken = QStringLiteral("POST /2/oauth2/token");
const QString kRevoke = QStringLiteral("POST /2/oauth2/revoke");
const QString kAuthorize = QStringLiteral("GET /i/oauth2/authorize");
const QString kInvalidToken = QStringLiteral("Value passed for the token was invalid.");
const QString kOffline = QStringLiteral("offline.access");
constexpr qint64 kTwitterEpochMs = 1288834974657; // snowflake ids count from here
constexpr qint64 kMaxImageBytes = 5'000'000;
constexpr qint64 kMaxGifBytes = 15'000'000;
constexpr int kMaxMedia = 4;

// X's problem JSON (RFC 7807 as X writes it).
HttpResponse problem(int status, const QString &title, const QString &detail, const QString &type = QStringLiteral("about:blank"))
{
    return HttpResponse::json(status, compact(QJsonObject{{QStringLiteral("title"), title},
                                                          {QStringLiteral("detail"), detail},
                                                          {QStringLiteral("type"), type},
                                                          {QStringLiteral("status"), status}}));
}

HttpResponse unauthorized()
{
    return problem(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

HttpResponse forbidden()
{
    return problem(403, QStringLiteral("Forbidden"), QStringLiteral("Forbidden"));
}

HttpResponse tooMany()
{
    return problem(429, QStringLiteral("Too Many Requests"), QStringLiteral("Too Many Requests"));
}

HttpResponse serverError(int status)
{
    return status == 500 ? problem(500, QStringLiteral("Internal Server Error"), QStringLiteral("Internal Server Error"))
                         : problem(503, QStringLiteral("Service Unavailable"), QStringLiteral("Service Unavailable"));
}

// A 400 for parameters: {"errors":[{"parameters":{name:[value]},"message"}],"title","detail","type"}.
HttpResponse invalidRequest(const QString &message, const QString &parameter = {}, const QJsonValue &value = {})
{
    QJsonObject error{{QStringLiteral("message"), message}};
    if (!parameter.isEmpty())
        error.insert(QStringLiteral("parameters"), QJsonObject{{parameter, value.isArray() ? value : QJsonValue(QJsonArray{value})}});
    return HttpResponse::json(400, compact(QJsonObject{
                                       {QStringLiteral("errors"), QJsonArray{error}},
                                       {QStringLiteral("title"), QStringLiteral("Invalid Request")},
                                       {QStringLiteral("detail"), QStringLiteral("One or more parameters to your request was invalid.")},
                                       {QStringLiteral("type"), QStringLiteral("https://api.twitter.com/2/problems/invalid-request")}}));
}

// A resource that is not there: X answers 200 with an error and no data.
HttpResponse notFound(const QString &resource, const QString &id)
{
    const QJsonObject error{{QStringLiteral("value"), id},
                            {QStringLiteral("detail"), QStringLiteral("Could not find %1 with id: [%2].").arg(resource, id)},
                            {QStringLiteral("title"), QStringLiteral("Not Found Error")},
                            {QStringLiteral("resource_type"), resource},
                            {QStringLiteral("parameter"), QStringLiteral("id")},
                            {QStringLiteral("resource_id"), id},
                            {QStringLiteral("type"), QStringLiteral("https://api.twitter.com/2/problems/resource-not-found")}};
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}));
}

HttpResponse noRoute()
{
    const QJsonObject error{{QStringLiteral("message"), QStringLiteral("Sorry, that page does not exist")}, {QStringLiteral("code"), 34}};
    return HttpResponse::json(404, compact(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}));
}

HttpResponse missing(const char *parameter)
{
    return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Missing required parameter [%1].").arg(QLatin1String(parameter)));
}

// The authorize page's refusal when there is nowhere to send the user back to.
HttpResponse errorPage(const QString &why)
{
    HttpResponse r;
    r.status = 400;
    r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "text/html; charset=utf-8"));
    r.body = "<!DOCTYPE html><html><body><h1>Something went wrong</h1><p>You weren't able to give access to the App. Go back and try "
             "logging in again.</p><!-- "
             + why.toUtf8().replace("--", "- -") + " --></body></html>";
    return r;
}

QStringList listParam(const Form &query, const char *name)
{
    return formValue(query, name).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

bool basicAuth(const HttpRequest &request, QString *user, QString *password)
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Basic "))
        return false;
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return false;
    // RFC 6749 §2.3.1: both halves are form-encoded before they are joined.
    *user = QUrl::fromPercentEncoding(decoded.left(colon));
    *password = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
    return true;
}

// The scopes X knows (docs.x.com, OAuth 2.0 scopes).
bool knownScope(const QString &scope)
{
    static const QStringList known = {
        QStringLiteral("tweet.read"),     QStringLiteral("tweet.write"),   QStringLiteral("tweet.moderate.write"), QStringLiteral("users.email"),
        QStringLiteral("users.read"),     QStringLiteral("follows.read"),  QStringLiteral("follows.write"),        QStringLiteral("offline.access"),
        QStringLiteral("space.read"),     QStringLiteral("mute.read"),     QStringLiteral("mute.write"),           QStringLiteral("like.read"),
        QStringLiteral("like.write"),     QStringLiteral("list.read"),     QStringLiteral("list.write"),           QStringLiteral("block.read"),
        QStringLiteral("block.write"),    QStringLiteral("bookmark.read"), QStringLiteral("bookmark.write"),       QStringLiteral("dm.read"),
        QStringLiteral("dm.write"),       QStringLiteral("media.write"),
    };
    return known.contains(scope);
}

QStringList scopesOf(const QString &scope)
{
    return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool knownSubscription(const QString &type)
{
    return type == QLatin1String("None") || type == QLatin1String("Basic") || type == QLatin1String("Premium") || type == QLatin1String("PremiumPlus");
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// X's created_at: UTC, to the second, with ".000Z".
QString createdAt(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral(".000Z");
}

QDateTime parseTime(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC); // no offset given: UTC, as X reads it
    return at;
}

// The image types X takes, by their first bytes.
QString sniff(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    return {};
}

struct Part
{
    QString name, filename, contentType;
    QByteArray data;
};

// multipart/form-data (RFC 7578) as QHttpMultiPart, curl and the browsers write it.
QList<Part> parseMultipart(const QByteArray &contentType, const QByteArray &body, bool *ok)
{
    *ok = false;
    QList<Part> parts;
    static const QRegularExpression boundaryRe(QStringLiteral(R"re(boundary=(?:"([^"]+)"|([^;\s]+)))re"), QRegularExpression::CaseInsensitiveOption);
    const auto m = boundaryRe.match(QString::fromLatin1(contentType));
    if (!m.hasMatch())
        return parts;
    const QByteArray delimiter = "--" + (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLatin1();
    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        return parts;
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--") {
            *ok = true;
            return parts;
        }
        if (body.mid(at, 2) != "\r\n")
            return parts;
        at += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", at);
        if (headEnd < 0)
            return parts;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd + 4);
        if (next < 0)
            return parts;
        Part part;
        for (const QByteArray &line : body.mid(at, headEnd - at).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
            if (name == "content-type") {
                part.contentType = value;
            } else if (name == "content-disposition") {
                static const QRegularExpression nameRe(QStringLiteral(R"re((?:^|;)\s*name="([^"]*)")re"));
                static const QRegularExpression fileRe(QStringLiteral(R"re(;\s*filename="([^"]*)")re"));
                part.name = nameRe.match(value).captured(1);
                part.filename = fileRe.match(value).captured(1);
            }
        }
        part.data = body.mid(headEnd + 4, next - headEnd - 4);
        parts.append(part);
        at = next + 2;
    }
}

} // namespace

FakeX::FakeX(QObject *parent)
    : SocialFake(&m_faults, &m_stats, QStringLiteral("create"), 20261210, {QStringLiteral("token_unavailable")}, parent)
{
    reset(true);
}

FakeX::~FakeX() = default;

void FakeX::setClient(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void FakeX::setUser(const User &user)
{
    upsertById(m_users, user);
}

const FakeX::User *FakeX::user(const QString &id) const
{
    return findById(m_users, id);
}

void FakeX::reset(bool config)
{
    m_families.clear();
    m_access.clear();
    m_refresh.clear();
    m_codes.clear();
    m_windows.clear();
    m_posts.clear();
    m_postById.clear();
    m_copies.clear();
    m_media.clear();
    m_mediaOrder.clear();
    m_stats = {};
    m_plan.clearNext();
    m_links.seed(20261211);
    if (!config)
        return;
    m_clientId = QStringLiteral("lux-test-client");
    m_clientSecret.clear();
    m_redirectUris.clear();
    m_accessTtlS = 7200;
    m_codeTtlS = 30;
    m_mediaTtlS = 86400;
    // Per user, a 15-minute window (docs.x.com/x-api/fundamentals/rate-limits); media: chosen.
    m_limits.clear();
    m_limits.insert(kTweets, {100, 900});
    m_limits.insert(kMe, {75, 900});
    m_limits.insert(kLookup, {900, 900});
    m_limits.insert(kTimeline, {900, 900});
    m_limits.insert(kUpload, {1875, 900});
    m_user24h = 2400; // X's daily posting limit for an account
    m_app24h = 10000; // POST /2/tweets per app per 24 hours
    m_timelineForbidden = false;
    m_duplicateCheck = true;
    m_users = {User{QStringLiteral("1700000000000000001"), QStringLiteral("lux_test"), QStringLiteral("LUX Test"), QStringLiteral("None")}};
    m_authorizeAs.clear();
    m_authorizeDeny = false;
    m_faults = {};
    m_plan.seed(20261210);
    m_clock.offsetMs = 0;
}

// Snowflake-shaped: milliseconds since X's epoch shifted left 22 bits, and always above the last one.
QString FakeX::newId()
{
    const qint64 snowflake = (now().toMSecsSinceEpoch() - kTwitterEpochMs) << 22;
    m_lastId = std::max(m_lastId + 1, snowflake);
    return QString::number(m_lastId);
}

QString FakeX::newToken()
{
    return randomToken(m_secrets, 32);
}

int FakeX::copies(const QString &userId, const QString &text) const
{
    return m_copies.value(userId + QLatin1Char('\n') + text);
}

QString FakeX::endpointKey(const QByteArray &method, const QString &path)
{
    static const QRegularExpression tweet(QStringLiteral(R"(^/2/tweets/[^/]+$)"));
    static const QRegularExpression timelinePath(QStringLiteral(R"(^/2/users/[^/]+/tweets$)"));
    const QString m = QString::fromLatin1(method);
    if (path != QLatin1String("/2/users/me") && timelinePath.match(path).hasMatch())
        return m + QStringLiteral(" /2/users/:id/tweets");
    if (tweet.match(path).hasMatch())
        return m + QStringLiteral(" /2/tweets/:id");
    return m + QLatin1Char(' ') + path;
}

FakeX::Tokens FakeX::mint(qint64 family, bool withRefresh)
{
    Tokens t;
    t.accessToken = newToken();
    t.expiresIn = m_accessTtlS;
    t.scope = m_families.value(family).scope;
    m_access.insert(t.accessToken, {family, now().addSecs(m_accessTtlS)});
    if (withRefresh) {
        t.refreshToken = newToken();
        m_refresh.insert(t.refreshToken, {family, false});
    }
    return t;
}

void FakeX::revokeFamily(qint64 family)
{
    const auto it = m_families.find(family);
    if (it == m_families.end() || it->revoked)
        return;
    it->revoked = true;
    ++m_stats.familiesRevoked;
}

FakeX::Tokens FakeX::grant(const QString &userId, const QString &scope)
{
    if (!user(userId))
        setUser({userId, QStringLiteral("user") + userId.right(6), QStringLiteral("User ") + userId.right(6), QStringLiteral("None")});
    const qint64 family = m_nextFamily++;
    m_families.insert(family, {userId, scope, m_clientId, false});
    ++m_stats.tokensIssued;
    return mint(family, scopesOf(scope).contains(kOffline));
}

QString FakeX::shownText(const QString &normalized, bool withMedia)
{
    const auto tco = [this]() -> QString {
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        QString link = QStringLiteral("https://t.co/");
        for (int i = 0; i < 10; ++i)
            link += QLatin1Char(alphabet[m_links.bounded(62)]);
        return link;
    };
    const auto escaped = [](QStringView text) -> QString {
        QString out;
        for (const QChar c : text) {
            if (c == QLatin1Char('&'))
                out += QStringLiteral("&amp;");
            else if (c == QLatin1Char('<'))
                out += QStringLiteral("&lt;");
            else if (c == QLatin1Char('>'))
                out += QStringLiteral("&gt;");
            else
                out += c;
        }
        return out;
    };
    QString out;
    qsizetype at = 0;
    for (const social::XUrl &url : social::XText::extractUrls(normalized)) {
        out += escaped(QStringView(normalized).mid(at, url.span.start - at));
        out += tco();
        at = url.span.end;
    }
    out += escaped(QStringView(normalized).mid(at));
    if (withMedia)
        out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + tco();
    return out;
}

bool FakeX::authenticate(const HttpRequest &request, Caller *caller) const
{
    const QByteArray header = request.header("authorization");
    if (!header.toLower().startsWith("bearer "))
        return false;
    const auto access = m_access.constFind(QString::fromLatin1(header.mid(7).trimmed()));
    if (access == m_access.constEnd() || now() >= access->expires)
        return false;
    const auto family = m_families.constFind(access->family);
    if (family == m_families.constEnd() || family->revoked)
        return false;
    caller->userId = family->userId;
    caller->scopes = scopesOf(family->scope);
    return true;
}

FakeX::Limit FakeX::limitFor(const QString &key) const
{
    return m_limits.value(key);
}

qint64 FakeX::resetOf(const Window &w, int windowS) const
{
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const qint64 end = w.startMs >= 0 && nowMs < w.startMs + qint64(windowS) * 1000 ? w.startMs + qint64(windowS) * 1000
                                                                                    : nowMs + qint64(windowS) * 1000;
    return (end + 999) / 1000;
}

bool FakeX::admit(const QString &userId, const QString &key, HttpResponse *refusal)
{
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const auto rolled = [this, nowMs](const QString &name, int windowS) {
        Window w = m_windows.value(name);
        if (w.startMs < 0 || nowMs >= w.startMs + qint64(windowS) * 1000)
            w = {nowMs, 0};
        return w;
    };
    const Limit limit = limitFor(key);
    const bool tweets = key == kTweets;
    const QString name = userId + QLatin1Char('\n') + key;
    const QString user24 = userId + QStringLiteral("\n24h");
    const QString app24 = QStringLiteral("app\n24h");
    Window w = rolled(name, limit.windowS);
    Window u = rolled(user24, 86400);
    Window a = rolled(app24, 86400);
    const bool over = (limit.limit > 0 && w.used >= limit.limit)
                      || (tweets && ((m_user24h > 0 && u.used >= m_user24h) || (m_app24h > 0 && a.used >= m_app24h)));
    if (!over) {
        ++w.used;
        if (tweets) {
            ++u.used;
            ++a.used;
        }
    }
    m_windows.insert(name, w);
    if (tweets) {
        m_windows.insert(user24, u);
        m_windows.insert(app24, a);
    }
    if (!over)
        return true;
    ++m_stats.limit429;
    *refusal = tooMany();
    limitHeaders(*refusal, userId, key, false);
    return false;
}

// The rate-limit headers of an answer; a 429 on POST /2/tweets adds the 24-hour ones. `exhausted`: say
// 0 remaining whatever the count (an injected 429).
void FakeX::limitHeaders(HttpResponse &response, const QString &userId, const QString &key, bool exhausted) const
{
    const Limit limit = limitFor(key);
    const auto add = [&response](const char *name, qint64 value) {
        response.headers.append(std::pair<QByteArray, QByteArray>(QByteArray(name), QByteArray::number(value)));
    };
    const auto current = [this](const QString &name, int windowS) {
        Window w = m_windows.value(name);
        if (w.startMs < 0 || now().toMSecsSinceEpoch() >= w.startMs + qint64(windowS) * 1000)
            w = {};
        return w;
    };
    if (limit.limit > 0) {
        const Window w = current(userId + QLatin1Char('\n') + key, limit.windowS);
        add("x-rate-limit-limit", limit.limit);
        add("x-rate-limit-remaining", exhausted ? 0 : std::max(0, limit.limit - w.used));
        add("x-rate-limit-reset", resetOf(w, limit.windowS));
    }
    if (key != kTweets || response.status != 429)
        return;
    if (m_user24h > 0) {
        const Window u = current(userId + QStringLiteral("\n24h"), 86400);
        add("x-user-limit-24hour-limit", m_user24h);
        add("x-user-limit-24hour-remaining", std::max(0, m_user24h - u.used));
        add("x-user-limit-24hour-reset", resetOf(u, 86400));
    }
    if (m_app24h > 0) {
        const Window a = current(QStringLiteral("app\n24h"), 86400);
        add("x-app-limit-24hour-limit", m_app24h);
        add("x-app-limit-24hour-remaining", std::max(0, m_app24h - a.used));
        add("x-app-limit-24hour-reset", resetOf(a, 86400));
    }
}

void FakeX::api(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QString path = request.url.path();
    const QString key = endpointKey(request.method, path);
    m_stats.count(key);
    // The user's side of the sign-in (x.com, not the API): never faulty, never limited.
    if (key == kAuthorize) {
        m_plan.finish(exchange, authorize(request));
        return;
    }
    const bool tokenEndpoint = key == kToken || key == kRevoke;
    static const QStringList endpoints = {kTweets, kMe, kLookup, kTimeline, kUpload};
    if (!tokenEndpoint && !endpoints.contains(key)) {
        m_plan.finish(exchange, noRoute());
        return;
    }
    Caller caller;
    if (!tokenEndpoint && !authenticate(request, &caller)) {
        ++m_stats.unauthorized;
        m_plan.finish(exchange, unauthorized());
        return;
    }
    const bool scoped = m_plan.inScope(key, path, key == kTweets);
    switch (m_plan.before(exchange, key, path, scoped)) {
    case FaultPlan::Fault::Drop:
        return;
    case FaultPlan::Fault::Throttle: {
        ++m_stats.injected429;
        HttpResponse r = tooMany();
        if (!tokenEndpoint)
            limitHeaders(r, caller.userId, key, true);
        m_plan.finish(exchange, r);
        return;
    }
    case FaultPlan::Fault::ServerError:
        // Alternate the two so a client meets both.
        m_plan.finish(exchange, serverError(m_stats.serverErrors % 2 ? 500 : 503));
        return;
    case FaultPlan::Fault::None:
        break;
    }
    // The token endpoint has its own outages (not narrowed by the faults' scope).
    if (tokenEndpoint && m_plan.fault("token_unavailable", m_faults.tokenUnavailable, key, path, true)) {
        ++m_stats.tokenUnavailable;
        m_plan.finish(exchange, serverError(503));
        return;
    }
    HttpResponse response;
    if (key == kToken) {
        response = token(request);
    } else if (key == kRevoke) {
        response = revoke(request);
    } else if (admit(caller.userId, key, &response)) {
        response = route(request, key, caller);
        limitHeaders(response, caller.userId, key, false);
    }
    m_plan.after(exchange, response, key, path, scoped);
}

HttpResponse FakeX::authorize(const HttpRequest &request)
{
    const Form query = queryOf(request);
    const QString clientId = formValue(query, "client_id");
    const QString redirect = formValue(query, "redirect_uri");
    if (clientId != m_clientId)
        return errorPage(QStringLiteral("unknown client_id"));
    if (!isHttpUrl(redirect))
        return errorPage(QStringLiteral("redirect_uri missing or not a URL"));
    // X: "Don't use localhost as a callback URL … use http(s)://127.0.0.1 instead".
    if (QUrl(redirect, QUrl::StrictMode).host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return errorPage(QStringLiteral("redirect_uri on localhost"));
    if (!m_redirectUris.isEmpty() && !m_redirectUris.contains(redirect))
        return errorPage(QStringLiteral("redirect_uri not registered"));

    bool hasState = false;
    const QString state = formValue(query, "state", &hasState);
    const auto back = [&redirect](const Form &items) { return found(redirectLocation(redirect, items)); };
    const auto refuse = [&](const QString &error, const QString &description) {
        return back({{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}, {QStringLiteral("state"), state}});
    };
    if (formValue(query, "response_type") != QLatin1String("code"))
        return refuse(QStringLiteral("unsupported_response_type"), QStringLiteral("response_type must be code"));
    if (!hasState || state.isEmpty())
        return refuse(QStringLiteral("invalid_request"), QStringLiteral("Missing required parameter [state]."));
    const QString challenge = formValue(query, "code_challenge");
    const QString method = formValue(query, "code_challenge_method");
    if (challenge.isEmpty())
        return refuse(QStringLiteral("invalid_request"), QStringLiteral("Missing required parameter [code_challenge]."));
    if (method != QLatin1String("S256") && method != QLatin1String("plain"))
        return refuse(QStringLiteral("invalid_request"), QStringLiteral("code_challenge_method must be S256 or plain"));
    const QStringList scopes = scopesOf(formValue(query, "scope"));
    if (scopes.isEmpty() || !std::all_of(scopes.begin(), scopes.end(), knownScope))
        return refuse(QStringLiteral("invalid_scope"), QStringLiteral("Some of the requested scopes are invalid."));
    if (m_authorizeDeny)
        return refuse(QStringLiteral("access_denied"), QStringLiteral("The user denied the request."));
    const QString userId = user(m_authorizeAs) ? m_authorizeAs : m_users.value(0).id;
    const QString code = newToken();
    m_codes.insert(code, {clientId, redirect, challenge, method, scopes.join(QLatin1Char(' ')), userId, now().addSecs(m_codeTtlS), false});
    return back({{QStringLiteral("state"), state}, {QStringLiteral("code"), code}});
}

HttpResponse FakeX::token(const HttpRequest &request)
{
    const Form form = parseForm(request.body);
    // Client authentication: a confidential client (a secret is set) by HTTP Basic, a public one by
    // client_id in the body.
    QString user, password;
    const bool basic = basicAuth(request, &user, &password);
    if (!m_clientSecret.isEmpty()) {
        if (!basic || user != m_clientId || password != m_clientSecret)
            return oauthError(401, QStringLiteral("unauthorized_client"), QStringLiteral("Missing valid authorization header"));
    } else {
        if (basic)
            return oauthError(401, QStringLiteral("unauthorized_client"), QStringLiteral("Missing valid authorization header"));
        bool present = false;
        const QString clientId = formValue(form, "client_id", &present);
        if (!present || clientId.isEmpty())
            return missing("client_id");
        if (clientId != m_clientId)
            return oauthError(401, QStringLiteral("unauthorized_client"), QStringLiteral("Missing valid authorization header"));
    }
    const auto answer = [](const Tokens &t) {
        QJsonObject o{{QStringLiteral("token_type"), QStringLiteral("bearer")},
                      {QStringLiteral("expires_in"), t.expiresIn},
                      {QStringLiteral("access_token"), t.accessToken},
                      {QStringLiteral("scope"), t.scope}};
        if (!t.refreshToken.isEmpty())
            o.insert(QStringLiteral("refresh_token"), t.refreshToken);
        HttpResponse r = HttpResponse::json(200, compact(o));
        r.headers.append(std::pair<QByteArray, QByteArray>("Cache-Control", "no-store"));
        return r;
    };
    const QString grantType = formValue(form, "grant_type");
    if (grantType.isEmpty())
        return missing("grant_type");
    if (grantType == QLatin1String("authorization_code")) {
        const QString code = formValue(form, "code");
        const QString redirect = formValue(form, "redirect_uri");
        const QString verifier = formValue(form, "code_verifier");
        if (code.isEmpty())
            return missing("code");
        if (redirect.isEmpty())
            return missing("redirect_uri");
        if (verifier.isEmpty())
            return missing("code_verifier");
        const auto it = m_codes.find(code);
        if (it == m_codes.end() || it->used || now() >= it->expires || it->clientId != m_clientId || it->redirectUri != redirect)
            return oauthError(400, QStringLiteral("invalid_request"), kInvalidToken);
        const bool verified = it->method == QLatin1String("S256") ? s256(verifier) == it->challenge : verifier == it->challenge;
        if (!verified)
            return oauthError(400, QStringLiteral("invalid_request"), kInvalidToken);
        it->used = true;
        const qint64 family = m_nextFamily++;
        m_families.insert(family, {it->userId, it->scope, m_clientId, false});
        ++m_stats.tokensIssued;
        return answer(mint(family, scopesOf(it->scope).contains(kOffline)));
    }
    if (grantType == QLatin1String("refresh_token")) {
        const QString presented = formValue(form, "refresh_token");
        if (presented.isEmpty())
            return missing("refresh_token");
        const auto it = m_refresh.find(presented);
        if (it == m_refresh.end()) {
            ++m_stats.refreshRefused;
            return oauthError(400, QStringLiteral("invalid_request"), kInvalidToken);
        }
        const qint64 family = it->family;
        if (it->spent) {
            // Single use: a refresh token seen twice means it leaked (or an answer was lost); X ends the
            // whole authorization.
            ++m_stats.refreshRefused;
            revokeFamily(family);
            return oauthError(400, QStringLiteral("invalid_request"), kInvalidToken);
        }
        const Family f = m_families.value(family);
        if (f.revoked || f.clientId != m_clientId) {
            ++m_stats.refreshRefused;
            return oauthError(400, QStringLiteral("invalid_request"), kInvalidToken);
        }
        it->spent = true;
        ++m_stats.refreshes;
        return answer(mint(family, true));
    }
    return oauthError(400, QStringLiteral("unsupported_grant_type"), QStringLiteral("grant_type must be authorization_code or refresh_token"));
}

HttpResponse FakeX::revoke(const HttpRequest &request)
{
    const Form form = parseForm(request.body);
    QString user, password;
    const bool basic = basicAuth(request, &user, &password);
    const bool client = m_clientSecret.isEmpty() ? !basic && formValue(form, "client_id") == m_clientId
                                                 : basic && user == m_clientId && password == m_clientSecret;
    if (!client)
        return oauthError(401, QStringLiteral("unauthorized_client"), QStringLiteral("Missing valid authorization header"));
    const QString token = formValue(form, "token");
    if (token.isEmpty())
        return missing("token");
    if (const auto a = m_access.constFind(token); a != m_access.constEnd())
        revokeFamily(a->family);
    else if (const auto r = m_refresh.constFind(token); r != m_refresh.constEnd())
        revokeFamily(r->family);
    return HttpResponse::json(200, R"({"revoked":true})");
}

HttpResponse FakeX::route(const HttpRequest &request, const QString &key, const Caller &caller)
{
    const auto has = [&caller](std::initializer_list<const char *> needed) {
        for (const char *scope : needed)
            if (!caller.scopes.contains(QLatin1String(scope)))
                return false;
        return true;
    };
    // The scopes each endpoint lists on docs.x.com.
    if (key == kMe)
        return has({"tweet.read", "users.read"}) ? me(request, caller) : forbidden();
    if (key == kUpload)
        return has({"media.write"}) ? upload(request, caller) : forbidden();
    if (key == kTweets)
        return has({"tweet.read", "tweet.write", "users.read"}) ? create(request, caller) : forbidden();
    if (key == kLookup)
        return has({"tweet.read", "users.read"}) ? lookup(request, request.url.path().section(QLatin1Char('/'), 3, 3)) : forbidden();
    if (key == kTimeline)
        return has({"tweet.read", "users.read"}) ? timeline(request, request.url.path().section(QLatin1Char('/'), 3, 3)) : forbidden();
    return noRoute();
}

HttpResponse FakeX::me(const HttpRequest &request, const Caller &caller) const
{
    const User *u = user(caller.userId);
    if (!u)
        return notFound(QStringLiteral("user"), caller.userId);
    QJsonObject data{{QStringLiteral("id"), u->id}, {QStringLiteral("name"), u->name}, {QStringLiteral("username"), u->username}};
    if (listParam(queryOf(request), "user.fields").contains(QLatin1String("subscription_type")))
        data.insert(QStringLiteral("subscription_type"), u->subscriptionType);
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("data"), data}}));
}

HttpResponse FakeX::upload(const HttpRequest &request, const Caller &caller)
{
    const QByteArray contentType = request.header("content-type");
    if (!contentType.toLower().startsWith("multipart/form-data"))
        return invalidRequest(QStringLiteral("The media must be sent as multipart/form-data."));
    bool ok = false;
    const QList<Part> parts = parseMultipart(contentType, request.body, &ok);
    if (!ok)
        return invalidRequest(QStringLiteral("The multipart body could not be read."));
    const Part *media = nullptr;
    QString category;
    for (const Part &p : parts) {
        if (p.name == QLatin1String("media"))
            media = &p;
        else if (p.name == QLatin1String("media_category"))
            category = QString::fromUtf8(p.data).trimmed();
    }
    if (!media)
        return invalidRequest(QStringLiteral("The `media` field is required."), QStringLiteral("media"), QJsonValue(QString()));
    if (category != QLatin1String("tweet_image") && category != QLatin1String("tweet_gif"))
        return invalidRequest(QStringLiteral("The `media_category` value [%1] is not one of [tweet_image,tweet_gif]").arg(category),
                              QStringLiteral("media_category"), category);
    const QString type = sniff(media->data);
    if (type.isEmpty())
        return invalidRequest(QStringLiteral("The media type is not supported: JPEG, PNG, GIF or WEBP."), QStringLiteral("media"),
                              QJsonValue(QString()));
    const bool gif = category == QLatin1String("tweet_gif");
    if (gif && type != QLatin1String("image/gif"))
        return invalidRequest(QStringLiteral("A tweet_gif must be a GIF."), QStringLiteral("media_category"), category);
    const qint64 limit = gif ? kMaxGifBytes : kMaxImageBytes;
    if (media->data.size() > limit)
        return invalidRequest(QStringLiteral("File size exceeds %1 bytes.").arg(limit), QStringLiteral("media"), QJsonValue(QString()));
    Media m;
    m.id = newId();
    m.userId = caller.userId;
    m.category = category;
    m.type = type;
    m.size = media->data.size();
    m.created = now();
    m.expires = m.created.addSecs(m_mediaTtlS);
    m_media.insert(m.id, m);
    m_mediaOrder.append(m.id);
    ++m_stats.media;
    const QJsonObject data{{QStringLiteral("id"), m.id},
                           {QStringLiteral("media_key"), QString((gif ? QStringLiteral("16_") : QStringLiteral("3_")) + m.id)},
                           {QStringLiteral("expires_after_secs"), m_mediaTtlS},
                           {QStringLiteral("size"), m.size}};
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("data"), data}}));
}

HttpResponse FakeX::create(const HttpRequest &request, const Caller &caller)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalidRequest(QStringLiteral("The request body is not a JSON object: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    const QString text = o.value(QStringLiteral("text")).toString();
    QStringList mediaIds;
    for (const QJsonValue &v : o.value(QStringLiteral("media")).toObject().value(QStringLiteral("media_ids")).toArray())
        mediaIds << v.toString();
    if (text.isEmpty() && mediaIds.isEmpty())
        return invalidRequest(QStringLiteral("Post text is required unless the post has media."), QStringLiteral("text"), QString());
    if (mediaIds.size() > kMaxMedia)
        return invalidRequest(QStringLiteral("A post has at most %1 media.").arg(kMaxMedia), QStringLiteral("media.media_ids"),
                              QJsonArray::fromStringList(mediaIds));
    const QDateTime at = now();
    for (const QString &id : std::as_const(mediaIds)) {
        const auto m = m_media.constFind(id);
        if (m == m_media.constEnd() || m->userId != caller.userId || at >= m->expires)
            return invalidRequest(QStringLiteral("Your media IDs are invalid."), QStringLiteral("media.media_ids"), QJsonArray{id});
    }
    const User *u = user(caller.userId);
    const bool premium = u && (u->subscriptionType == QLatin1String("Premium") || u->subscriptionType == QLatin1String("PremiumPlus"));
    QString normalized;
    if (!text.isEmpty()) {
        const social::XLength length = social::XText::parse(text, premium ? social::XText::kMaxLongLength : social::XText::kMaxLength);
        if (!length.valid)
            return invalidRequest(length.invalidCharacter ? QStringLiteral("The post text has a character X does not allow.")
                                                          : QStringLiteral("The post text is too long: %1 of %2 characters.")
                                                                .arg(length.weightedLength)
                                                                .arg(length.maxLength),
                                  QStringLiteral("text"), text);
        normalized = length.normalized;
    }
    if (m_duplicateCheck && !normalized.isEmpty()) {
        const QDateTime since = at.addSecs(-86400);
        for (auto it = m_posts.crbegin(); it != m_posts.crend() && it->created > since; ++it)
            if (it->userId == caller.userId && it->text == normalized) {
                ++m_stats.duplicates;
                return problem(403, QStringLiteral("Forbidden"), QStringLiteral("You are not allowed to create a Tweet with duplicate content."));
            }
    }
    Post p;
    p.id = newId();
    p.userId = caller.userId;
    p.text = normalized;
    p.shown = shownText(normalized, !mediaIds.isEmpty());
    p.mediaIds = mediaIds;
    p.created = at;
    m_postById.insert(p.id, m_posts.size());
    m_posts.append(p);
    ++m_copies[p.userId + QLatin1Char('\n') + p.text];
    ++m_stats.created;
    const QJsonObject data{{QStringLiteral("id"), p.id}, {QStringLiteral("text"), p.shown}, {QStringLiteral("edit_history_tweet_ids"), QJsonArray{p.id}}};
    return HttpResponse::json(201, compact(QJsonObject{{QStringLiteral("data"), data}}));
}

QJsonObject FakeX::postJson(const Post &post, const QStringList &fields) const
{
    // A long post (over 280, X Premium): `text` is its beginning and an ellipsis; the whole of it is in
    // note_tweet.text, given when tweet.fields asks for note_tweet.
    const bool isLong = social::XText::parse(post.text, social::XText::kMaxLongLength).weightedLength > social::XText::kMaxLength;
    const QString text = isLong ? QString(post.shown.left(270) + QChar(0x2026)) : post.shown;
    QJsonObject o{{QStringLiteral("id"), post.id}, {QStringLiteral("text"), text}, {QStringLiteral("edit_history_tweet_ids"), QJsonArray{post.id}}};
    if (isLong && fields.contains(QLatin1String("note_tweet")))
        o.insert(QStringLiteral("note_tweet"), QJsonObject{{QStringLiteral("text"), post.shown}});
    if (fields.contains(QLatin1String("created_at")))
        o.insert(QStringLiteral("created_at"), createdAt(post.created));
    if (fields.contains(QLatin1String("author_id")))
        o.insert(QStringLiteral("author_id"), post.userId);
    if (fields.contains(QLatin1String("attachments")) && !post.mediaIds.isEmpty()) {
        QJsonArray keys;
        for (const QString &id : post.mediaIds)
            keys.append(QString((m_media.value(id).category == QLatin1String("tweet_gif") ? QStringLiteral("16_") : QStringLiteral("3_")) + id));
        o.insert(QStringLiteral("attachments"), QJsonObject{{QStringLiteral("media_keys"), keys}});
    }
    return o;
}

HttpResponse FakeX::lookup(const HttpRequest &request, const QString &id) const
{
    static const QRegularExpression digits(QStringLiteral(R"(^[0-9]{1,19}$)"));
    if (!digits.match(id).hasMatch())
        return invalidRequest(QStringLiteral("The `id` query parameter value [%1] does not match ^[0-9]{1,19}$").arg(id), QStringLiteral("id"), id);
    const auto it = m_postById.constFind(id);
    if (it == m_postById.constEnd())
        return notFound(QStringLiteral("tweet"), id);
    const QJsonObject data = postJson(m_posts.at(*it), listParam(queryOf(request), "tweet.fields"));
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("data"), data}}));
}

HttpResponse FakeX::timeline(const HttpRequest &request, const QString &userId) const
{
    if (m_timelineForbidden)
        return HttpResponse::json(
            403, compact(QJsonObject{
                     {QStringLiteral("client_id"), m_clientId},
                     {QStringLiteral("detail"), QStringLiteral("When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a "
                                                               "Twitter developer App that is attached to a Project. You can create a project via the developer portal.")},
                     {QStringLiteral("registration_url"), QStringLiteral("https://developer.twitter.com/en/docs/projects/overview")},
                     {QStringLiteral("title"), QStringLiteral("Client Forbidden")},
                     {QStringLiteral("required_enrollment"), QStringLiteral("Appropriate Level of API Access")},
                     {QStringLiteral("reason"), QStringLiteral("client-not-enrolled")},
                     {QStringLiteral("type"), QStringLiteral("https://api.twitter.com/2/problems/client-forbidden")}}));
    const Form query = queryOf(request);
    int maxResults = 10;
    bool present = false;
    const QString max = formValue(query, "max_results", &present);
    if (present) {
        bool ok = false;
        maxResults = max.toInt(&ok);
        if (!ok || maxResults < 5 || maxResults > 100)
            return invalidRequest(QStringLiteral("The `max_results` query parameter value [%1] is not between 5 and 100").arg(max),
                                  QStringLiteral("max_results"), max);
    }
    const auto bound = [&query](const char *name, QDateTime *at) {
        bool given = false;
        const QString text = formValue(query, name, &given);
        if (!given)
            return true;
        *at = parseTime(text);
        return at->isValid();
    };
    QDateTime start, end;
    if (!bound("start_time", &start))
        return invalidRequest(QStringLiteral("Invalid 'start_time':'%1'. 'start_time' must be a valid RFC3339 date").arg(formValue(query, "start_time")),
                              QStringLiteral("start_time"), formValue(query, "start_time"));
    if (!bound("end_time", &end))
        return invalidRequest(QStringLiteral("Invalid 'end_time':'%1'. 'end_time' must be a valid RFC3339 date").arg(formValue(query, "end_time")),
                              QStringLiteral("end_time"), formValue(query, "end_time"));
    // The next page starts below the id the token names (base 36).
    qint64 below = std::numeric_limits<qint64>::max();
    const QString token = formValue(query, "pagination_token", &present);
    if (present) {
        bool ok = false;
        below = token.toLongLong(&ok, 36);
        if (!ok || below <= 0)
            return invalidRequest(QStringLiteral("The `pagination_token` query parameter value [%1] is not valid").arg(token),
                                  QStringLiteral("pagination_token"), token);
    }
    if (!user(userId))
        return notFound(QStringLiteral("user"), userId);
    const QStringList fields = listParam(query, "tweet.fields");
    QJsonArray data;
    QString newest, oldest;
    bool more = false;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (it->userId != userId || it->id.toLongLong() >= below)
            continue;
        // Second granularity: start inclusive, end exclusive.
        const qint64 second = it->created.toSecsSinceEpoch();
        if ((start.isValid() && second < start.toSecsSinceEpoch()) || (end.isValid() && second >= end.toSecsSinceEpoch()))
            continue;
        if (data.size() == maxResults) {
            more = true;
            break;
        }
        data.append(postJson(*it, fields));
        if (newest.isEmpty())
            newest = it->id;
        oldest = it->id;
    }
    if (data.isEmpty())
        return HttpResponse::json(200, R"({"meta":{"result_count":0}})");
    QJsonObject meta{{QStringLiteral("result_count"), data.size()}, {QStringLiteral("newest_id"), newest}, {QStringLiteral("oldest_id"), oldest}};
    if (more)
        meta.insert(QStringLiteral("next_token"), QString::number(oldest.toLongLong(), 36));
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("meta"), meta}}));
}

QJsonObject FakeX::statsJson() const
{
    QJsonObject faults = faultsJson(m_stats.serverErrors, m_stats.injected429, m_stats.dropped, m_stats.lost, m_stats.slow);
    faults.insert(QStringLiteral("token_unavailable"), m_stats.tokenUnavailable);
    return QJsonObject{{QStringLiteral("requests"), m_stats.requests},
                       {QStringLiteral("paths"), pathsJson(m_stats.paths)},
                       {QStringLiteral("created"), m_stats.created},
                       {QStringLiteral("limit_429s"), m_stats.limit429},
                       {QStringLiteral("faults"), faults},
                       {QStringLiteral("token_refreshes"), m_stats.refreshes},
                       {QStringLiteral("families_revoked"), m_stats.familiesRevoked},
                       {QStringLiteral("tokens_issued"), m_stats.tokensIssued},
                       {QStringLiteral("refresh_refused"), m_stats.refreshRefused},
                       {QStringLiteral("duplicates_refused"), m_stats.duplicates},
                       {QStringLiteral("media_uploaded"), m_stats.media},
                       {QStringLiteral("unauthorized"), m_stats.unauthorized}};
}

HttpResponse FakeX::control(const HttpRequest &request)
{
    const QString path = request.url.path();
    if (path == QLatin1String("/_fake/posts") && request.method == "GET") {
        const QString only = formValue(queryOf(request), "user_id");
        QJsonArray out;
        for (const Post &p : m_posts) {
            if (!only.isEmpty() && p.userId != only)
                continue;
            out.append(QJsonObject{{QStringLiteral("id"), p.id},
                                   {QStringLiteral("user_id"), p.userId},
                                   {QStringLiteral("text"), p.text},
                                   {QStringLiteral("shown"), p.shown},
                                   {QStringLiteral("media_ids"), QJsonArray::fromStringList(p.mediaIds)},
                                   {QStringLiteral("created_at"), p.created.toUTC().toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("created_ms"), p.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("copies"), copies(p.userId, p.text)}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/media") && request.method == "GET") {
        QJsonArray out;
        for (const QString &id : m_mediaOrder) {
            const Media m = m_media.value(id);
            out.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("media_key"), QString((m.category == QLatin1String("tweet_gif") ? QStringLiteral("16_") : QStringLiteral("3_")) + m.id)},
                                   {QStringLiteral("user_id"), m.userId},
                                   {QStringLiteral("category"), m.category},
                                   {QStringLiteral("type"), m.type},
                                   {QStringLiteral("size"), m.size},
                                   {QStringLiteral("created_ms"), m.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("expires_ms"), m.expires.toMSecsSinceEpoch()}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/grant") && request.method == "POST") {
        QJsonObject o;
        if (!readObject(request, &o))
            return notAnObject();
        const QString id = o.value(QStringLiteral("user_id")).toString(m_users.value(0).id);
        User u = user(id) ? *user(id) : User{id, QStringLiteral("user") + id.right(6), QStringLiteral("User ") + id.right(6), QStringLiteral("None")};
        u.username = o.value(QStringLiteral("username")).toString(u.username);
        u.name = o.value(QStringLiteral("name")).toString(u.name);
        u.subscriptionType = o.value(QStringLiteral("subscription_type")).toString(u.subscriptionType);
        if (id.isEmpty() || !knownSubscription(u.subscriptionType))
            return HttpResponse::json(400, R"({"error":"user_id, and a subscription_type of None, Basic, Premium or PremiumPlus"})");
        const QString scope = o.value(QStringLiteral("scope")).toString(kDefaultScope);
        const QStringList scopes = scopesOf(scope);
        if (scopes.isEmpty() || !std::all_of(scopes.begin(), scopes.end(), knownScope))
            return HttpResponse::json(400, R"({"error":"scope: X's scopes, separated by spaces"})");
        setUser(u);
        const Tokens t = grant(id, scopes.join(QLatin1Char(' ')));
        QJsonObject out{{QStringLiteral("access_token"), t.accessToken},
                        {QStringLiteral("expires_in"), t.expiresIn},
                        {QStringLiteral("scope"), t.scope},
                        {QStringLiteral("token_type"), QStringLiteral("bearer")},
                        {QStringLiteral("user_id"), id}};
        if (!t.refreshToken.isEmpty())
            out.insert(QStringLiteral("refresh_token"), t.refreshToken);
        return HttpResponse::json(200, compact(out));
    }
    return noControl();
}

QString FakeX::configure(const QJsonObject &o)
{
    const auto has = [&o](const char *key) { return o.contains(QLatin1String(key)); };
    // Check first: a typo must not pass quietly, and nothing changes when something is refused.
    const QJsonArray users = o.value(QStringLiteral("users")).toArray();
    for (const QJsonValue &v : users) {
        const QJsonObject u = v.toObject();
        if (u.value(QStringLiteral("id")).toString().isEmpty())
            return QStringLiteral("every user needs an id");
        const QString type = u.value(QStringLiteral("subscription_type")).toString(QStringLiteral("None"));
        if (!knownSubscription(type))
            return QStringLiteral("unknown subscription_type '%1' (None, Basic, Premium, PremiumPlus)").arg(type);
    }
    const QJsonObject f = o.value(QStringLiteral("faults")).toObject();
    if (const QString refused = m_plan.check(f); !refused.isEmpty())
        return refused;

    setIfGiven(o, "client_id", &m_clientId);
    setIfGiven(o, "client_secret", &m_clientSecret);
    setIfGiven(o, "redirect_uris", &m_redirectUris);
    const auto integer = [&o](const char *key, int fallback) { return o.value(QLatin1String(key)).toInt(fallback); };
    m_accessTtlS = integer("access_ttl_s", m_accessTtlS);
    m_codeTtlS = integer("code_ttl_s", m_codeTtlS);
    m_mediaTtlS = integer("media_ttl_s", m_mediaTtlS);
    Limit &tweets = m_limits[kTweets];
    tweets.limit = integer("rate_limit", tweets.limit);
    tweets.windowS = integer("rate_window_s", tweets.windowS);
    m_user24h = integer("user_24h_limit", m_user24h);
    m_app24h = integer("app_24h_limit", m_app24h);
    const QJsonObject limits = o.value(QStringLiteral("rate_limits")).toObject();
    for (auto it = limits.begin(); it != limits.end(); ++it) {
        const QJsonObject l = it.value().toObject();
        Limit &limit = m_limits[it.key()];
        limit.limit = l.value(QStringLiteral("limit")).toInt(limit.limit);
        limit.windowS = l.value(QStringLiteral("window_s")).toInt(limit.windowS);
    }
    m_timelineForbidden = o.value(QStringLiteral("timeline_forbidden")).toBool(m_timelineForbidden);
    m_duplicateCheck = o.value(QStringLiteral("duplicate_check")).toBool(m_duplicateCheck);
    for (const QJsonValue &v : users) {
        const QJsonObject u = v.toObject();
        const QString id = u.value(QStringLiteral("id")).toString();
        User updated = user(id) ? *user(id) : User{id, QStringLiteral("user") + id.right(6), QStringLiteral("User ") + id.right(6), QStringLiteral("None")};
        updated.username = u.value(QStringLiteral("username")).toString(updated.username);
        updated.name = u.value(QStringLiteral("name")).toString(updated.name);
        updated.subscriptionType = u.value(QStringLiteral("subscription_type")).toString(updated.subscriptionType);
        setUser(updated);
    }
    setIfGiven(o, "authorize_as", &m_authorizeAs);
    m_authorizeDeny = o.value(QStringLiteral("authorize_deny")).toBool(m_authorizeDeny);
    m_clock.configure(o);
    if (has("faults")) {
        m_plan.configure(f);
        m_faults.tokenUnavailable = f.value(QStringLiteral("token_unavailable")).toDouble(m_faults.tokenUnavailable);
    }
    return {};
}

} // namespace lux::fakes
