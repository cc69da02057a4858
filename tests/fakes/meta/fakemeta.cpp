// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemeta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <memory>

namespace lux::fakes {

using namespace common;

const QStringList FakeMeta::kDefaultScopes = {
    QStringLiteral("public_profile"),        QStringLiteral("pages_show_list"),          QStringLiteral("pages_read_engagement"),
    QStringLiteral("pages_manage_posts"),    QStringLiteral("pages_manage_engagement"),  QStringLiteral("instagram_basic"),
    QStringLiteral("instagram_content_publish"), QStringLiteral("instagram_manage_comments"), QStringLiteral("business_management"),
};

namespace {

const QString kDialog = QStringLiteral("GET /dialog/oauth");
const QString kFeed = QStringLiteral("POST /{page}/feed");
const QString kPhotos = QStringLiteral("POST /{page}/photos");
const QString kPublish = QStringLiteral("POST /{ig}/media_publish");
const QString kDefaultVersion = QStringLiteral("v21.0");
const QString kRateDoc = QStringLiteral("For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.");
constexpr qsizetype kMaxMessage = 63206;
constexpr qsizetype kMaxCaption = 2200;
constexpr int kMaxHashtags = 30;
constexpr int kMaxMentions = 20;
constexpr int kMinChildren = 2;
constexpr int kMaxChildren = 10;
constexpr int kMaxLimit = 100;

HttpResponse ok(const QJsonObject &o)
{
    return HttpResponse::json(200, compact(o));
}

QString traceId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString id;
    for (int i = 0; i < 23; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(64)]);
    return id;
}

// Meta's error body: {"error":{message, type, code, error_subcode, is_transient, error_user_title,
// error_user_msg, fbtrace_id}}.
HttpResponse graphError(int code, const QString &message, int subcode = 0, const QString &userTitle = {}, const QString &userMessage = {},
                        bool transient = false, int status = 400, const QString &type = QStringLiteral("OAuthException"))
{
    QJsonObject error{{QStringLiteral("message"), message},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("is_transient"), transient},
                      {QStringLiteral("fbtrace_id"), traceId()}};
    if (subcode != 0)
        error.insert(QStringLiteral("error_subcode"), subcode);
    if (!userTitle.isEmpty())
        error.insert(QStringLiteral("error_user_title"), userTitle);
    if (!userMessage.isEmpty())
        error.insert(QStringLiteral("error_user_msg"), userMessage);
    HttpResponse r = HttpResponse::json(status, compact(QJsonObject{{QStringLiteral("error"), error}}));
    if (code == 190) {
        QByteArray said = message.toUtf8();
        said.replace('"', '\'');
        r.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"" + said + '"'));
    }
    return r;
}

HttpResponse invalidParam(const QString &message, int subcode = 0)
{
    return graphError(100, message, subcode);
}

HttpResponse unsupported(const char *verb, const QString &id)
{
    return graphError(100,
                      QStringLiteral("Unsupported %1 request. Object with ID '%2' does not exist, cannot be loaded due to missing permissions, or "
                                     "does not support this operation. Please read the Graph API documentation at "
                                     "https://developers.facebook.com/docs/graph-api")
                          .arg(QLatin1String(verb), id),
                      33, {}, {}, false, 400, QStringLiteral("GraphMethodException"));
}

HttpResponse unknownPath(const QString &edge)
{
    return graphError(2500, QStringLiteral("Unknown path components: /%1").arg(edge));
}

// Pages: posting without a Page token of the page, or without the permissions.
HttpResponse pagePermission()
{
    return graphError(200,
                      QStringLiteral("(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin "
                                     "with sufficient administrative permission"),
                      0, {}, {}, false, 403);
}

HttpResponse needsPageToken()
{
    return graphError(190, QStringLiteral("(#190) This method must be called with a Page Access Token"));
}

HttpResponse igPermission()
{
    return graphError(10, QStringLiteral("(#10) Application does not have permission for this action"), 0, {}, {}, false, 403);
}

// The dialog's refusal when there is nowhere (or no reason) to send the user back.
HttpResponse errorPage(const QString &why)
{
    HttpResponse r;
    r.status = 400;
    r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "text/html; charset=utf-8"));
    QByteArray text = why.toHtmlEscaped().toUtf8();
    r.body = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Sorry, something went wrong.</h1><p>" + text + "</p></body></html>";
    return r;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

// A POST's parameters: a form, or a JSON object whose values are read as Graph reads them.
Form bodyParams(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").toLower();
    if (type.startsWith("application/json")) {
        Form out;
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.append({it.key(), jsonText(it.value())});
        return out;
    }
    if (type.startsWith("multipart/"))
        return {};
    return parseForm(request.body);
}

bool falseText(const QString &value)
{
    return value == QLatin1String("false") || value == QLatin1String("0");
}

bool trueText(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1");
}

// Graph's created_time and Instagram's timestamp: UTC, to the second, "+0000".
QString graphTime(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+0000");
}

// since/until: unix seconds or ISO 8601 (UTC when no offset is given).
QDateTime parseTime(const QString &text)
{
    bool number = false;
    const qint64 seconds = text.toLongLong(&number);
    if (number)
        return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid()) {
        QString fixed = text;
        static const QRegularExpression offset(QStringLiteral(R"(([+-]\d\d)(\d\d)$)"));
        fixed.replace(offset, QStringLiteral("\\1:\\2")); // +0000 → +00:00
        at = QDateTime::fromString(fixed, Qt::ISODate);
    }
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at;
}

QString cursorOf(const QString &id)
{
    return QString::fromLatin1(id.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString idOfCursor(const QString &cursor)
{
    return QString::fromUtf8(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding));
}

struct Field
{
    QString name, sub; // sub: the nested field list of name{…}
};

// fields=id,name,instagram_business_account{id,username}
QList<Field> parseFields(const QString &text)
{
    QList<Field> out;
    const auto push = [&out](const QString &raw) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            return;
        const qsizetype brace = item.indexOf(QLatin1Char('{'));
        if (brace < 0) {
            out.append({item, {}});
            return;
        }
        const qsizetype close = item.lastIndexOf(QLatin1Char('}'));
        out.append({item.left(brace).trimmed(), item.mid(brace + 1, (close < 0 ? item.size() : close) - brace - 1)});
    };
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('}'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            push(current);
            current.clear();
        } else {
            current += c;
        }
    }
    push(current);
    return out;
}

// The fields asked for (or the defaults) out of everything the node has; id always comes. A field the node
// type does not have: Meta's 100 "Tried accessing nonexisting field".
bool selectFields(const QJsonObject &full, const QString &asked, const QString &defaults, const QStringList &known, const QString &node,
                  QJsonObject *out, HttpResponse *refusal)
{
    QJsonObject o;
    if (full.contains(QStringLiteral("id")))
        o.insert(QStringLiteral("id"), full.value(QStringLiteral("id")));
    for (const Field &f : parseFields(asked.isEmpty() ? defaults : asked)) {
        if (!known.contains(f.name) && f.name != QLatin1String("id")) {
            *refusal = invalidParam(QStringLiteral("(#100) Tried accessing nonexisting field (%1) on node type (%2)").arg(f.name, node));
            return false;
        }
        if (!full.contains(f.name))
            continue;
        QJsonValue v = full.value(f.name);
        if (!f.sub.isEmpty() && v.isObject()) {
            const QJsonObject inner = v.toObject();
            QJsonObject picked;
            for (const Field &g : parseFields(f.sub))
                if (inner.contains(g.name))
                    picked.insert(g.name, inner.value(g.name));
            v = picked;
        }
        o.insert(f.name, v);
    }
    *out = o;
    return true;
}

bool knownScope(const QString &scope)
{
    static const QStringList known = {
        QStringLiteral("public_profile"),           QStringLiteral("email"),
        QStringLiteral("pages_show_list"),          QStringLiteral("pages_read_engagement"),
        QStringLiteral("pages_manage_posts"),       QStringLiteral("pages_manage_engagement"),
        QStringLiteral("pages_manage_metadata"),    QStringLiteral("pages_read_user_content"),
        QStringLiteral("read_insights"),            QStringLiteral("business_management"),
        QStringLiteral("instagram_basic"),          QStringLiteral("instagram_content_publish"),
        QStringLiteral("instagram_manage_comments"), QStringLiteral("instagram_manage_insights"),
    };
    return known.contains(scope);
}

QStringList splitScopes(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

// What a fetched file is, by its bytes: the type Meta would see, its size as stored and its EXIF
// orientation (JPEG). A JPEG needs a start-of-frame marker before its scan; an APP2 "MPF" segment makes it
// an MPO.
struct Picture
{
    QString type;
    int width = 0, height = 0, orientation = 1;
};

quint16 be16(const QByteArray &b, qsizetype at)
{
    return at + 2 <= b.size() ? qFromBigEndian<quint16>(b.constData() + at) : 0;
}

int orientationOf(const QByteArray &exif)
{
    // "Exif\0\0", then TIFF: II or MM, 42, the offset of IFD0; the tag 0x0112 (SHORT) in IFD0.
    if (!exif.startsWith(QByteArray("Exif\0\0", 6)) || exif.size() < 14)
        return 1;
    const QByteArray tiff = exif.mid(6);
    const bool intel = tiff.startsWith("II");
    if (!intel && !tiff.startsWith("MM"))
        return 1;
    const auto read16 = [&tiff, intel](qsizetype at) -> quint32 {
        if (at < 0 || at + 2 > tiff.size())
            return 0;
        return intel ? qFromLittleEndian<quint16>(tiff.constData() + at) : qFromBigEndian<quint16>(tiff.constData() + at);
    };
    const auto read32 = [&tiff, intel](qsizetype at) -> quint32 {
        if (at < 0 || at + 4 > tiff.size())
            return 0;
        return intel ? qFromLittleEndian<quint32>(tiff.constData() + at) : qFromBigEndian<quint32>(tiff.constData() + at);
    };
    const qsizetype ifd = read32(4);
    const quint32 count = read16(ifd);
    for (quint32 n = 0; n < count; ++n) {
        const qsizetype entry = ifd + 2 + qsizetype(n) * 12;
        if (entry + 12 > tiff.size())
            break;
        if (read16(entry) == 0x0112) {
            const quint32 value = read16(entry + 8);
            return value >= 1 && value <= 8 ? int(value) : 1;
        }
    }
    return 1;
}

Picture inspect(const QByteArray &b)
{
    Picture p;
    if (b.startsWith(QByteArray::fromHex("89504e470d0a1a0a"))) {
        p.type = QStringLiteral("image/png");
        if (b.size() >= 24) {
            p.width = int(qFromBigEndian<quint32>(b.constData() + 16));
            p.height = int(qFromBigEndian<quint32>(b.constData() + 20));
        }
        return p;
    }
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a")) {
        p.type = QStringLiteral("image/gif");
        if (b.size() >= 10) {
            p.width = qFromLittleEndian<quint16>(b.constData() + 6);
            p.height = qFromLittleEndian<quint16>(b.constData() + 8);
        }
        return p;
    }
    if (b.startsWith("BM")) {
        p.type = QStringLiteral("image/bmp");
        return p;
    }
    if (b.startsWith(QByteArray("II*\0", 4)) || b.startsWith(QByteArray("MM\0*", 4))) {
        p.type = QStringLiteral("image/tiff");
        return p;
    }
    if (b.size() >= 12 && b.startsWith("RIFF") && b.mid(8, 4) == "WEBP") {
        p.type = QStringLiteral("image/webp");
        return p;
    }
    if (!b.startsWith(QByteArray::fromHex("ffd8")))
        return p;
    // Segments: FF, a marker, a big-endian length that counts itself. SOS starts the entropy-coded data.
    bool mpo = false;
    qsizetype at = 2;
    while (at + 4 <= b.size() && uchar(b.at(at)) == 0xFF) {
        const uchar marker = uchar(b.at(at + 1));
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9)
            break;
        const qsizetype length = be16(b, at + 2);
        if (length < 2)
            break;
        const QByteArray body = b.mid(at + 4, length - 2);
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && body.size() >= 5) {
            p.type = mpo ? QStringLiteral("image/mpo") : QStringLiteral("image/jpeg");
            p.height = be16(body, 1);
            p.width = be16(body, 3);
            return p;
        }
        if (marker == 0xE1)
            p.orientation = orientationOf(body);
        else if (marker == 0xE2 && body.startsWith(QByteArray("MPF\0", 4)))
            mpo = true;
        at += 2 + length;
    }
    return {}; // SOI but no frame: not a picture Meta can read
}

} // namespace

QString FakeMeta::Call::param(const char *name, bool *present) const
{
    return formValue(params, name, present);
}

FakeMeta::FakeMeta(QObject *parent) : SocialFake(&m_faults, &m_stats, QStringLiteral("publish"), 20261212, {}, parent)
{
    reset(true);
}

FakeMeta::~FakeMeta()
{
    // A fetch still running must not call back into a fake being torn down.
    for (QNetworkReply *reply : m_nam.findChildren<QNetworkReply *>())
        QObject::disconnect(reply, nullptr, this, nullptr);
}

void FakeMeta::setApp(const QString &appId, const QString &appSecret)
{
    m_appId = appId;
    m_appSecret = appSecret;
}

void FakeMeta::setUser(const User &user)
{
    upsertById(m_users, user);
}

void FakeMeta::setPage(const Page &page)
{
    upsertById(m_pages, page);
}

const FakeMeta::User *FakeMeta::user(const QString &id) const
{
    return findById(m_users, id);
}

const FakeMeta::Page *FakeMeta::page(const QString &id) const
{
    return findById(m_pages, id);
}

const FakeMeta::Page *FakeMeta::pageOfIg(const QString &igId) const
{
    if (igId.isEmpty())
        return nullptr;
    for (const Page &p : m_pages)
        if (p.igId == igId)
            return &p;
    return nullptr;
}

void FakeMeta::setQuota(int total, int durationS)
{
    m_quotaTotal = total;
    m_quotaDurationS = durationS;
}

void FakeMeta::setUsageRates(int appPerHour, int pagePerHour, int igPerHour)
{
    m_appPerHour = appPerHour;
    m_pagePerHour = pagePerHour;
    m_igPerHour = igPerHour;
}

void FakeMeta::setUsageLevels(const QString &bucket, const Levels &levels)
{
    QString key = bucket;
    if (bucket != QLatin1String("app") && !bucket.contains(QLatin1Char(':')))
        key = (pageOfIg(bucket) ? QStringLiteral("ig:") : QStringLiteral("page:")) + bucket;
    m_buckets[key].levels = levels;
}

void FakeMeta::reset(bool config)
{
    ++m_epoch;
    m_tokens.clear();
    m_pageTokenOf.clear();
    m_generation.clear();
    m_invalidReason.clear();
    m_codes.clear();
    m_posts.clear();
    m_postById.clear();
    m_copies.clear();
    m_photos.clear();
    m_containers.clear();
    m_containerOrder.clear();
    m_fetches.clear();
    m_comments.clear();
    m_publishes.clear();
    m_buckets.clear();
    m_plan.clearNext();
    m_stats = {};
    m_lastId = 0;
    if (!config)
        return;
    m_appId = QStringLiteral("876543210987654");
    m_appSecret = QStringLiteral("7c3d0e5f9a1b2c4d6e8f0a1b3c5d7e9f");
    m_appName = QStringLiteral("LUX Marketing (test)");
    m_redirectUris.clear();
    m_pages = {Page{QStringLiteral("100000000000001"), QStringLiteral("LUX Test Page"), QStringLiteral("Shopping & retail"),
                    QStringLiteral("17841400000000001"), QStringLiteral("lux_test")}};
    m_users = {User{QStringLiteral("10000000000000001"), QStringLiteral("LUX Test"), {QStringLiteral("100000000000001")}}};
    m_authorizeAs.clear();
    m_authorizeDeny = false;
    m_codeTtlS = 600;
    m_shortTtlS = 5400;
    m_longTtlS = 5183944;
    m_dataAccessTtlS = 7776000;
    m_containerDelayMs = 1000;
    m_containerTtlS = 86400;
    m_quotaTotal = 50; // content_publishing_limit's "currently 50"
    m_quotaDurationS = 86400;
    m_fetchTimeoutMs = 10000;
    m_photoMaxBytes = 10 * 1024 * 1024;
    m_igMaxBytes = 8 * 1024 * 1024;
    m_duplicateCheck = true;
    m_appPerHour = 200;
    m_pagePerHour = 4800;
    m_igPerHour = 4800;
    m_usageWindowS = 3600;
    m_regainS = 600;
    m_pageThrottleCode = 80001;
    m_faults = {};
    m_plan.seed(20261212);
    m_clock.offsetMs = 0;
}

// Graph ids are numeric strings; the prefix tells the kinds apart when reading a log.
QString FakeMeta::newId(const char *prefix)
{
    ++m_lastId;
    return QLatin1String(prefix) + QStringLiteral("%1").arg(m_lastId, 14, 10, QLatin1Char('0'));
}

QString FakeMeta::newToken()
{
    return QStringLiteral("EAA") + randomLetters(m_secrets, 96);
}

int FakeMeta::copies(const QString &owner, const QString &message) const
{
    return m_copies.value(owner + QLatin1Char('\n') + message);
}

const FakeMeta::Container *FakeMeta::container(const QString &id) const
{
    const auto it = m_containers.constFind(id);
    return it == m_containers.constEnd() ? nullptr : &*it;
}

int FakeMeta::quotaUsage(const QString &igId) const
{
    const qint64 since = now().toMSecsSinceEpoch() - qint64(m_quotaDurationS) * 1000;
    const QList<qint64> times = m_publishes.value(igId);
    return int(std::count_if(times.begin(), times.end(), [since](qint64 at) { return at > since; }));
}

QString FakeMeta::endpointKey(const QByteArray &method, const QStringList &segments) const
{
    QStringList parts = segments;
    if (!parts.isEmpty()) {
        const QString first = parts.first();
        if (page(first))
            parts[0] = QStringLiteral("{page}");
        else if (pageOfIg(first))
            parts[0] = QStringLiteral("{ig}");
        else if (user(first))
            parts[0] = QStringLiteral("{user}");
        else if (first != QLatin1String("me") && first != QLatin1String("dialog") && first != QLatin1String("oauth")
                 && first != QLatin1String("debug_token"))
            parts[0] = QStringLiteral("{id}");
    }
    return QString::fromLatin1(method) + QStringLiteral(" /") + parts.join(QLatin1Char('/'));
}

// ---- Tokens --------------------------------------------------------------------------------------------

QString FakeMeta::mintUser(const QString &userId, const QStringList &scopes, bool longLived)
{
    Token t;
    t.kind = QStringLiteral("USER");
    t.userId = userId;
    t.scopes = scopes;
    t.issued = now();
    t.expires = t.issued.addSecs(longLived ? m_longTtlS : m_shortTtlS);
    t.dataAccessExpires = t.issued.addSecs(m_dataAccessTtlS);
    t.generation = m_generation.value(userId);
    t.longLived = longLived;
    const QString token = newToken();
    m_tokens.insert(token, t);
    ++m_stats.tokensIssued;
    return token;
}

// The Page token /me/accounts gives for this user token: the same one each time it is asked; it never
// expires when the user token is long-lived, else it ends with it.
QString FakeMeta::pageToken(const QString &userToken, const Token &user, const QString &pageId)
{
    const QString key = userToken + QLatin1Char('\n') + pageId;
    if (const auto it = m_pageTokenOf.constFind(key); it != m_pageTokenOf.constEnd() && m_tokens.contains(*it))
        return *it;
    Token t = user;
    t.kind = QStringLiteral("PAGE");
    t.pageId = pageId;
    t.issued = now();
    t.expires = user.longLived ? QDateTime() : user.expires;
    const QString token = newToken();
    m_tokens.insert(token, t);
    m_pageTokenOf.insert(key, token);
    ++m_stats.tokensIssued;
    return token;
}

FakeMeta::TokenProblem FakeMeta::check(const QString &token, Token *out) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd())
        return TokenProblem::Unknown;
    *out = *it;
    if (it->generation != m_generation.value(it->userId))
        return TokenProblem::Invalidated;
    if (it->expires.isValid() && now() >= it->expires)
        return TokenProblem::Expired;
    return TokenProblem::None;
}

HttpResponse FakeMeta::tokenError(TokenProblem problem, const Token &t) const
{
    switch (problem) {
    case TokenProblem::Expired: {
        const auto when = [](const QDateTime &at) -> QString {
            return QLocale::c().toString(at.toUTC(), QStringLiteral("dddd, dd-MMM-yy HH:mm:ss")) + QStringLiteral(" UTC");
        };
        return graphError(190, QStringLiteral("Error validating access token: Session has expired on %1. The current time is %2.").arg(when(t.expires), when(now())),
                          463);
    }
    case TokenProblem::Invalidated:
        if (m_invalidReason.value(t.userId) == QLatin1String("deauthorized"))
            return graphError(190, QStringLiteral("Error validating access token: User %1 has not authorized application %2.").arg(t.userId, m_appId), 458);
        return graphError(190,
                          QStringLiteral("Error validating access token: The session has been invalidated because the user changed their "
                                         "password or Facebook has changed the session for security reasons."),
                          460);
    case TokenProblem::Unknown:
    case TokenProblem::None:
        break;
    }
    return graphError(190, QStringLiteral("Invalid OAuth access token - Cannot parse access token"));
}

FakeMeta::Grant FakeMeta::grant(const QString &userId, const QStringList &scopes, bool longLived)
{
    if (!user(userId))
        setUser({userId, QStringLiteral("User ") + userId.right(6), {}});
    Grant g;
    g.accessToken = mintUser(userId, scopes, longLived);
    g.expiresIn = longLived ? m_longTtlS : m_shortTtlS;
    const Token t = m_tokens.value(g.accessToken);
    for (const QString &pageId : user(userId)->pages)
        if (page(pageId))
            g.pageTokens.insert(pageId, pageToken(g.accessToken, t, pageId));
    return g;
}

void FakeMeta::invalidate(const QString &userId, const QString &reason)
{
    ++m_generation[userId];
    m_invalidReason.insert(userId, reason);
}

bool FakeMeta::manages(const QString &userId, const QString &pageId) const
{
    const User *u = user(userId);
    return u && u->pages.contains(pageId);
}

bool FakeMeta::canUsePage(const Caller &caller, const QString &pageId) const
{
    return !caller.app && caller.t.kind == QLatin1String("PAGE") && caller.t.pageId == pageId;
}

// Instagram through Facebook Login: the Page token of the page the account belongs to, or a user token of
// someone who manages that page.
bool FakeMeta::canUseIg(const Caller &caller, const QString &igId) const
{
    const Page *p = pageOfIg(igId);
    if (!p || caller.app)
        return false;
    if (caller.t.kind == QLatin1String("PAGE"))
        return caller.t.pageId == p->id;
    return manages(caller.t.userId, p->id);
}

// ---- Usage and throttling ------------------------------------------------------------------------------

QString FakeMeta::bucketOf(const Call &call) const
{
    const QString first = call.segments.value(0);
    if (pageOfIg(first))
        return QStringLiteral("ig:") + first;
    if (const auto post = m_postById.constFind(first); post != m_postById.constEnd() && m_posts.at(*post).network == QLatin1String("instagram"))
        return QStringLiteral("ig:") + m_posts.at(*post).owner;
    if (const Container *c = container(first))
        return QStringLiteral("ig:") + c->igId;
    if (!call.caller.app && call.caller.t.kind == QLatin1String("PAGE"))
        return QStringLiteral("page:") + call.caller.t.pageId;
    return QStringLiteral("app");
}

FakeMeta::Levels FakeMeta::levelsOf(const QString &bucket) const
{
    const Bucket b = m_buckets.value(bucket);
    const qint64 since = now().toMSecsSinceEpoch() - qint64(m_usageWindowS) * 1000;
    const auto calls = std::count_if(b.calls.begin(), b.calls.end(), [since](qint64 at) { return at > since; });
    const int perHour = bucket.startsWith(QLatin1String("ig:")) ? m_igPerHour : bucket.startsWith(QLatin1String("page:")) ? m_pagePerHour : m_appPerHour;
    // Calls per hour over the window: the share of what the window allows.
    const double share = perHour > 0 && m_usageWindowS > 0 ? 100.0 * double(calls) / (double(perHour) * m_usageWindowS / 3600.0) : 0.0;
    return {b.levels.callCount + share, b.levels.totalCputime + share, b.levels.totalTime + share};
}

void FakeMeta::settle(const QString &bucket)
{
    const auto it = m_buckets.find(bucket);
    if (it != m_buckets.end() && it->blockedUntilMs > 0 && now().toMSecsSinceEpoch() >= it->blockedUntilMs)
        m_buckets.erase(it); // regained: it starts again from nothing
}

bool FakeMeta::blocked(const QString &bucket) const
{
    return m_buckets.value(bucket).blockedUntilMs > now().toMSecsSinceEpoch();
}

void FakeMeta::count(const QString &bucket)
{
    const qint64 nowMs = now().toMSecsSinceEpoch();
    Bucket &b = m_buckets[bucket];
    const qint64 since = nowMs - qint64(m_usageWindowS) * 1000;
    b.calls.erase(std::remove_if(b.calls.begin(), b.calls.end(), [since](qint64 at) { return at <= since; }), b.calls.end());
    b.calls.append(nowMs);
    const Levels l = levelsOf(bucket);
    if (b.blockedUntilMs == 0 && std::max({l.callCount, l.totalCputime, l.totalTime}) >= 100.0)
        b.blockedUntilMs = nowMs + qint64(m_regainS) * 1000;
}

void FakeMeta::usageHeaders(HttpResponse &response, const QString &bucket, bool exhausted) const
{
    const auto percent = [](double v) { return int(std::clamp(std::lround(v), 0L, 100L)); };
    const auto usage = [&](const QString &name) {
        const Levels l = levelsOf(name);
        const bool full = exhausted && name == bucket;
        return QJsonObject{{QStringLiteral("call_count"), full ? 100 : percent(l.callCount)},
                           {QStringLiteral("total_cputime"), percent(l.totalCputime)},
                           {QStringLiteral("total_time"), percent(l.totalTime)}};
    };
    response.headers.append(std::pair<QByteArray, QByteArray>("X-App-Usage", compact(usage(QStringLiteral("app")))));
    if (!bucket.startsWith(QLatin1String("page:")) && !bucket.startsWith(QLatin1String("ig:")))
        return;
    QJsonObject entry = usage(bucket);
    entry.insert(QStringLiteral("type"), bucket.startsWith(QLatin1String("ig:")) ? QStringLiteral("instagram") : QStringLiteral("pages"));
    const qint64 until = m_buckets.value(bucket).blockedUntilMs;
    const qint64 left = until > 0 ? until - now().toMSecsSinceEpoch() : exhausted ? qint64(m_regainS) * 1000 : 0;
    entry.insert(QStringLiteral("estimated_time_to_regain_access"), left > 0 ? int((left + 59999) / 60000) : 0);
    response.headers.append(std::pair<QByteArray, QByteArray>(
        "X-Business-Use-Case-Usage", compact(QJsonObject{{bucket.section(QLatin1Char(':'), 1), QJsonArray{entry}}})));
}

HttpResponse FakeMeta::throttleError(const QString &bucket) const
{
    if (bucket.startsWith(QLatin1String("ig:")))
        return graphError(80002, QStringLiteral("(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. ") + kRateDoc,
                          0, {}, {}, true);
    if (bucket.startsWith(QLatin1String("page:"))) {
        if (m_pageThrottleCode == 32)
            return graphError(32, QStringLiteral("(#32) Page request limit reached"), 0, {}, {}, true);
        return graphError(80001, QStringLiteral("(#80001) There have been too many calls to this Page account. Wait a bit and try again. ") + kRateDoc,
                          0, {}, {}, true);
    }
    return graphError(4, QStringLiteral("(#4) Application request limit reached"), 0, {}, {}, true);
}

// ---- Faults --------------------------------------------------------------------------------------------

// "publish": POST /{page}/feed, POST /{ig}/media_publish, and POST /{page}/photos unless published=false.
bool FakeMeta::inScope(const Call &call) const
{
    const bool publishes = call.key == kFeed || call.key == kPublish || (call.key == kPhotos && !falseText(call.param("published")));
    return m_plan.inScope(call.key, call.path, publishes);
}

// ---- Serving -------------------------------------------------------------------------------------------

void FakeMeta::api(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    Call call;
    call.method = request.method;
    call.segments = request.url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    static const QRegularExpression versionRe(QStringLiteral(R"(^v\d+(\.\d+)?$)"));
    if (!call.segments.isEmpty() && versionRe.match(call.segments.first()).hasMatch())
        call.version = call.segments.takeFirst();
    call.path = QLatin1Char('/') + call.segments.join(QLatin1Char('/'));
    call.key = endpointKey(request.method, call.segments);
    call.params = bodyParams(request) + queryOf(request);
    m_stats.count(call.key);
    // The user's side of the sign-in (www.facebook.com, not the API): never faulty, never limited.
    if (call.key == kDialog) {
        m_plan.finish(exchange, authorize(call));
        return;
    }
    const bool tokenEndpoint = call.segments == QStringList{QStringLiteral("oauth"), QStringLiteral("access_token")};
    if (!tokenEndpoint) {
        QString token = call.param("access_token");
        const QByteArray authorization = request.header("authorization");
        if (token.isEmpty() && (authorization.startsWith("Bearer ") || authorization.startsWith("OAuth ")))
            token = QString::fromLatin1(authorization.mid(authorization.indexOf(' ') + 1).trimmed());
        if (token.isEmpty()) {
            ++m_stats.unauthorized;
            m_plan.finish(exchange,
                          call.segments.value(0) == QLatin1String("me")
                              ? graphError(2500, QStringLiteral("An active access token must be used to query information about the current user."))
                              : graphError(104, QStringLiteral("An access token is required to request this resource.")));
            return;
        }
        if (token == m_appId + QLatin1Char('|') + m_appSecret) {
            call.caller.app = true;
        } else {
            const TokenProblem problem = check(token, &call.caller.t);
            if (problem != TokenProblem::None) {
                ++m_stats.unauthorized;
                m_plan.finish(exchange, tokenError(problem, call.caller.t));
                return;
            }
            call.caller.token = token;
        }
        call.bucket = bucketOf(call);
        settle(call.bucket);
        if (blocked(call.bucket)) {
            ++m_stats.throttled;
            HttpResponse r = throttleError(call.bucket);
            usageHeaders(r, call.bucket, false);
            m_plan.finish(exchange, r);
            return;
        }
        count(call.bucket);
    }
    const bool scoped = inScope(call);
    switch (m_plan.before(exchange, call.key, call.path, scoped)) {
    case FaultPlan::Fault::Drop:
        return;
    case FaultPlan::Fault::Throttle: {
        ++m_stats.injectedThrottles;
        const QString bucket = call.bucket.isEmpty() ? QStringLiteral("app") : call.bucket;
        HttpResponse r = throttleError(bucket);
        if (!call.bucket.isEmpty())
            usageHeaders(r, bucket, true);
        m_plan.finish(exchange, r);
        return;
    }
    case FaultPlan::Fault::ServerError: {
        // Code 1 and 2 in turn so a client meets both.
        const bool unknown = m_stats.serverErrors % 2;
        m_plan.finish(exchange, graphError(unknown ? 1 : 2,
                                           unknown ? QStringLiteral("An unknown error has occurred.")
                                                   : QStringLiteral("An unexpected error has occurred. Please retry your request later."),
                                           0, {}, {}, true, 500));
        return;
    }
    case FaultPlan::Fault::None:
        break;
    }
    const QPointer<HttpExchange> guard(exchange);
    route(call, [this, guard, call, scoped](HttpResponse r) {
        if (!guard)
            return;
        if (!call.bucket.isEmpty())
            usageHeaders(r, call.bucket, false);
        r.headers.append(std::pair<QByteArray, QByteArray>("facebook-api-version", (call.version.isEmpty() ? kDefaultVersion : call.version).toLatin1()));
        m_plan.after(guard, r, call.key, call.path, scoped);
    });
}

void FakeMeta::route(const Call &call, const Done &done)
{
    const QStringList &s = call.segments;
    const bool get = call.method == "GET";
    const bool post = call.method == "POST";
    if (s == QStringList{QStringLiteral("oauth"), QStringLiteral("access_token")} && (get || post))
        return done(accessToken(call));
    if (s == QStringList{QStringLiteral("debug_token")} && get)
        return done(debugToken(call));
    if (s.isEmpty())
        return done(unknownPath(QString()));
    const QString id = s.first();
    if (id == QLatin1String("me")) {
        if (s.size() == 1 && get)
            return done(me(call));
        if (s.size() == 2 && s.at(1) == QLatin1String("accounts") && get)
            return done(accounts(call, call.caller.t.userId));
        return done(unknownPath(s.mid(1).join(QLatin1Char('/'))));
    }
    if (s.size() == 1) {
        if (get)
            return done(object(call, id));
        return done(unsupported(call.method == "POST" ? "post" : "delete", id));
    }
    if (s.size() != 2)
        return done(unknownPath(s.mid(1).join(QLatin1Char('/'))));
    const QString edge = s.at(1);
    if (page(id)) {
        if (edge == QLatin1String("photos") && post)
            return photo(call, id, done);
        if (edge == QLatin1String("feed") && post)
            return done(feed(call, id));
        if ((edge == QLatin1String("published_posts") || edge == QLatin1String("posts") || edge == QLatin1String("feed")) && get)
            return done(pagePosts(call, id));
    } else if (pageOfIg(id)) {
        if (edge == QLatin1String("media") && post)
            return done(createContainer(call, id));
        if (edge == QLatin1String("media") && get)
            return done(igMedia(call, id));
        if (edge == QLatin1String("media_publish") && post)
            return done(publish(call, id));
        if (edge == QLatin1String("content_publishing_limit") && get)
            return done(publishingLimit(call, id));
    } else if (user(id)) {
        if (edge == QLatin1String("accounts") && get) {
            if (call.caller.app || call.caller.t.userId != id)
                return done(unsupported("get", id));
            return done(accounts(call, id));
        }
    } else if (edge == QLatin1String("comments") && m_postById.contains(id)) {
        if (post)
            return done(comment(call, id));
        if (get)
            return done(listComments(call, id));
    } else if (!m_postById.contains(id) && !m_containers.contains(id) && !m_photos.contains(id)) {
        return done(unsupported(get ? "get" : "post", id));
    }
    return done(unknownPath(edge));
}

// ---- Sign-in -------------------------------------------------------------------------------------------

HttpResponse FakeMeta::authorize(const Call &call)
{
    if (call.param("client_id") != m_appId)
        return errorPage(QStringLiteral("Invalid App ID: The provided app ID does not look like a valid app ID."));
    const QString redirect = call.param("redirect_uri");
    if (!isHttpUrl(redirect))
        return errorPage(QStringLiteral("URL Blocked: the redirect_uri is missing or not a URL."));
    if (!m_redirectUris.isEmpty() && !m_redirectUris.contains(redirect))
        return errorPage(QStringLiteral("URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth "
                                        "Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth "
                                        "Redirect URIs."));
    const QString responseType = call.param("response_type");
    if (!responseType.isEmpty() && responseType != QLatin1String("code"))
        return errorPage(QStringLiteral("response_type %1 is not supported by the fake (code only).").arg(responseType));
    const QStringList asked = splitScopes(call.param("scope"));
    for (const QString &scope : asked)
        if (!knownScope(scope))
            return errorPage(QStringLiteral("Invalid Scopes: %1. This message is only shown to developers.").arg(scope));
    bool hasState = false;
    const QString state = call.param("state", &hasState);
    const auto back = [&redirect](const Form &items) {
        // Facebook appends "#_=_" to every redirect of its dialog.
        return found(redirectLocation(redirect, items) + "#_=_", "private, no-cache, no-store, must-revalidate");
    };
    if (m_authorizeDeny) {
        Form refused{{QStringLiteral("error"), QStringLiteral("access_denied")},
                                                   {QStringLiteral("error_code"), QStringLiteral("200")},
                                                   {QStringLiteral("error_description"), QStringLiteral("Permissions error.")},
                                                   {QStringLiteral("error_reason"), QStringLiteral("user_denied")}};
        if (hasState)
            refused.append({QStringLiteral("state"), state});
        return back(refused);
    }
    const QString userId = user(m_authorizeAs) ? m_authorizeAs : m_users.value(0).id;
    QStringList scopes = asked;
    if (!scopes.contains(QLatin1String("public_profile")))
        scopes.prepend(QStringLiteral("public_profile"));
    const QString code = newToken().mid(3);
    m_codes.insert(code, {redirect, userId, scopes, now().addSecs(m_codeTtlS), false});
    ++m_stats.codesIssued;
    Form items{{QStringLiteral("code"), code}};
    if (hasState)
        items.append({QStringLiteral("state"), state});
    return back(items);
}

HttpResponse FakeMeta::accessToken(const Call &call)
{
    bool present = false;
    const QString clientId = call.param("client_id", &present);
    if (!present || clientId.isEmpty())
        return invalidParam(QStringLiteral("Missing client_id parameter."));
    if (clientId != m_appId)
        return graphError(101, QStringLiteral("Error validating application. Invalid application ID."));
    const QString secret = call.param("client_secret", &present);
    if (!present || secret.isEmpty())
        return invalidParam(QStringLiteral("Missing client_secret parameter."));
    if (secret != m_appSecret)
        return graphError(1, QStringLiteral("Error validating client secret."));
    const auto answer = [](const QString &token, int expiresIn) {
        return ok(QJsonObject{{QStringLiteral("access_token"), token}, {QStringLiteral("token_type"), QStringLiteral("bearer")}, {QStringLiteral("expires_in"), expiresIn}});
    };
    const QString grantType = call.param("grant_type");
    if (grantType == QLatin1String("fb_exchange_token")) {
        const QString presented = call.param("fb_exchange_token");
        if (presented.isEmpty())
            return invalidParam(QStringLiteral("Missing fb_exchange_token parameter."));
        Token t;
        const TokenProblem problem = check(presented, &t);
        if (problem != TokenProblem::None)
            return tokenError(problem, t);
        if (t.kind != QLatin1String("USER"))
            return invalidParam(QStringLiteral("(#100) fb_exchange_token must be a user access token"));
        return answer(mintUser(t.userId, t.scopes, true), m_longTtlS);
    }
    if (!grantType.isEmpty() && grantType != QLatin1String("authorization_code"))
        return invalidParam(QStringLiteral("Unsupported grant_type: %1").arg(grantType));
    const QString redirect = call.param("redirect_uri", &present);
    if (!present)
        return invalidParam(QStringLiteral("Missing redirect_uri parameter."));
    const QString code = call.param("code");
    if (code.isEmpty())
        return invalidParam(QStringLiteral("Missing code parameter."));
    const auto it = m_codes.find(code);
    if (it == m_codes.end())
        return invalidParam(QStringLiteral("Invalid verification code format."));
    if (it->used)
        return invalidParam(QStringLiteral("This authorization code has been used."), 36009);
    if (now() >= it->expires)
        return invalidParam(QStringLiteral("This authorization code has expired."), 36007);
    if (it->redirectUri != redirect)
        return invalidParam(QStringLiteral("Error validating verification code. Please make sure your redirect_uri is identical to the one you used "
                                           "in the OAuth dialog request"),
                            36008);
    it->used = true;
    return answer(mintUser(it->userId, it->scopes, false), m_shortTtlS);
}

HttpResponse FakeMeta::debugToken(const Call &call)
{
    const QString input = call.param("input_token");
    if (input.isEmpty())
        return invalidParam(QStringLiteral("(#100) The parameter input_token is required"));
    Token t;
    const TokenProblem problem = check(input, &t);
    QJsonObject data;
    if (problem == TokenProblem::Unknown) {
        data = QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 190},
                                                                 {QStringLiteral("message"), QStringLiteral("Invalid OAuth access token - Cannot parse access token")}}},
                           {QStringLiteral("is_valid"), false},
                           {QStringLiteral("scopes"), QJsonArray()}};
        return ok(QJsonObject{{QStringLiteral("data"), data}});
    }
    data = QJsonObject{{QStringLiteral("app_id"), m_appId},
                       {QStringLiteral("type"), t.kind},
                       {QStringLiteral("application"), m_appName},
                       {QStringLiteral("data_access_expires_at"), t.dataAccessExpires.toSecsSinceEpoch()},
                       {QStringLiteral("expires_at"), t.expires.isValid() ? t.expires.toSecsSinceEpoch() : 0},
                       {QStringLiteral("is_valid"), problem == TokenProblem::None},
                       {QStringLiteral("issued_at"), t.issued.toSecsSinceEpoch()},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(t.scopes)},
                       {QStringLiteral("user_id"), t.userId}};
    if (t.kind == QLatin1String("PAGE"))
        data.insert(QStringLiteral("profile_id"), t.pageId);
    if (problem != TokenProblem::None) {
        const QJsonObject said = QJsonDocument::fromJson(tokenError(problem, t).body).object().value(QStringLiteral("error")).toObject();
        data.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 190},
                                                         {QStringLiteral("message"), said.value(QStringLiteral("message"))},
                                                         {QStringLiteral("subcode"), said.value(QStringLiteral("error_subcode"))}});
    }
    return ok(QJsonObject{{QStringLiteral("data"), data}});
}

HttpResponse FakeMeta::me(const Call &call)
{
    if (call.caller.app)
        return graphError(2500, QStringLiteral("An active access token must be used to query information about the current user."));
    if (call.caller.t.kind == QLatin1String("PAGE"))
        return object(call, call.caller.t.pageId);
    const User *u = user(call.caller.t.userId);
    if (!u)
        return unsupported("get", call.caller.t.userId);
    QJsonObject out;
    HttpResponse refusal;
    if (!selectFields(QJsonObject{{QStringLiteral("id"), u->id}, {QStringLiteral("name"), u->name}}, call.param("fields"), QStringLiteral("name,id"),
                      {QStringLiteral("name")}, QStringLiteral("User"), &out, &refusal))
        return refusal;
    return ok(out);
}

HttpResponse FakeMeta::accounts(const Call &call, const QString &userId)
{
    if (call.caller.app)
        return graphError(2500, QStringLiteral("An active access token must be used to query information about the current user."));
    if (call.caller.t.kind == QLatin1String("PAGE"))
        return invalidParam(QStringLiteral("(#100) Tried accessing nonexisting field (accounts) on node type (Page)"));
    const User *u = user(userId);
    Items items;
    // Without pages_show_list the list is empty (Meta hides the pages rather than refusing).
    if (u && call.caller.t.scopes.contains(QLatin1String("pages_show_list"))) {
        static const QStringList known = {QStringLiteral("name"), QStringLiteral("access_token"), QStringLiteral("category"), QStringLiteral("tasks"),
                                          QStringLiteral("instagram_business_account")};
        for (const QString &pageId : u->pages) {
            const Page *p = page(pageId);
            if (!p)
                continue;
            QJsonObject full{{QStringLiteral("id"), p->id},
                             {QStringLiteral("name"), p->name},
                             {QStringLiteral("category"), p->category},
                             {QStringLiteral("access_token"), pageToken(call.caller.token, call.caller.t, p->id)},
                             {QStringLiteral("tasks"), QJsonArray{QStringLiteral("ADVERTISE"), QStringLiteral("ANALYZE"), QStringLiteral("CREATE_CONTENT"),
                                                                  QStringLiteral("MESSAGING"), QStringLiteral("MODERATE"), QStringLiteral("MANAGE")}}};
            if (!p->igId.isEmpty())
                full.insert(QStringLiteral("instagram_business_account"), QJsonObject{{QStringLiteral("id"), p->igId}, {QStringLiteral("username"), p->igUsername}});
            QJsonObject out;
            HttpResponse refusal;
            if (!selectFields(full, call.param("fields"), QStringLiteral("access_token,category,name,id,tasks"), known, QStringLiteral("Page"), &out, &refusal))
                return refusal;
            if (out.value(QStringLiteral("instagram_business_account")).isObject()) {
                // Without {…} the expansion is the id alone.
                const QJsonObject ig = out.value(QStringLiteral("instagram_business_account")).toObject();
                if (ig.isEmpty())
                    out.insert(QStringLiteral("instagram_business_account"), QJsonObject{{QStringLiteral("id"), p->igId}});
                else if (!call.param("fields").contains(QLatin1String("instagram_business_account{")))
                    out.insert(QStringLiteral("instagram_business_account"), QJsonObject{{QStringLiteral("id"), p->igId}});
            }
            items.append({p->id, out});
        }
    }
    return listAnswer(call, items);
}

// ---- Facebook Page -------------------------------------------------------------------------------------

void FakeMeta::photo(const Call &call, const QString &pageId, const Done &done)
{
    const QStringList &scopes = call.caller.t.scopes;
    if (!canUsePage(call.caller, pageId) || !scopes.contains(QLatin1String("pages_manage_posts")) || !scopes.contains(QLatin1String("pages_read_engagement")))
        return done(pagePermission());
    const QString url = call.param("url");
    if (url.isEmpty())
        return done(graphError(324, QStringLiteral("(#324) Requires upload file")));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
        return done(invalidParam(QStringLiteral("(#100) url should represent a valid URL")));
    const bool published = !falseText(call.param("published"));
    const QString caption = call.param("caption").isEmpty() ? call.param("message") : call.param("caption");
    const quint64 epoch = m_epoch;
    fetch(url, QStringLiteral("facebook_photo"), m_photoMaxBytes, [this, done, pageId, url, published, caption, epoch](FetchResult &f) -> QString {
        QString why;
        if (f.timedOut)
            why = QStringLiteral("the download timed out");
        else if (!f.reached)
            why = QStringLiteral("the URL could not be reached");
        else if (f.fetch.status != 200)
            why = QStringLiteral("the server answered %1").arg(f.fetch.status);
        else if (f.tooLarge)
            why = QStringLiteral("the file is larger than %1 bytes").arg(m_photoMaxBytes);
        else if (f.fetch.type.isEmpty() || f.fetch.type == QLatin1String("image/mpo"))
            why = QStringLiteral("the file is not an image Facebook reads");
        if (epoch != m_epoch) { // the fake was reset meanwhile: nothing is made
            done(graphError(2, QStringLiteral("An unexpected error has occurred. Please retry your request later."), 0, {}, {}, true, 500));
            return why;
        }
        if (!why.isEmpty()) {
            done(graphError(324, QStringLiteral("(#324) Missing or invalid image file"), 0, QStringLiteral("Invalid image"),
                            QStringLiteral("The image at %1 could not be used: %2.").arg(url, why)));
            return why;
        }
        Photo p;
        p.id = newId("101");
        p.pageId = pageId;
        p.url = url;
        p.caption = caption;
        p.published = published;
        p.created = now();
        QJsonObject answer{{QStringLiteral("id"), p.id}};
        if (published) {
            Post post;
            post.network = QStringLiteral("facebook");
            post.id = pageId + QLatin1Char('_') + newId("122");
            post.owner = pageId;
            post.message = caption;
            post.media = {p.id};
            post.mediaType = QStringLiteral("photo");
            post.permalink = QStringLiteral("https://www.facebook.com/%1/posts/%2").arg(pageId, post.id.section(QLatin1Char('_'), 1));
            post.created = p.created;
            p.postId = post.id;
            m_postById.insert(post.id, m_posts.size());
            m_posts.append(post);
            ++m_copies[pageId + QLatin1Char('\n') + caption];
            ++m_stats.facebookPosts;
            answer.insert(QStringLiteral("post_id"), post.id);
        }
        m_photos.insert(p.id, p);
        ++m_stats.photos;
        done(ok(answer));
        return {};
    });
}

HttpResponse FakeMeta::feed(const Call &call, const QString &pageId)
{
    const QStringList &scopes = call.caller.t.scopes;
    if (!canUsePage(call.caller, pageId) || !scopes.contains(QLatin1String("pages_manage_posts")) || !scopes.contains(QLatin1String("pages_read_engagement")))
        return pagePermission();
    bool present = false;
    call.param("scheduled_publish_time", &present);
    if (present)
        return invalidParam(QStringLiteral("(#100) scheduled_publish_time is not supported by the fake"));
    const QString message = call.param("message");
    const QString link = call.param("link");
    const bool published = !falseText(call.param("published"));
    // attached_media[0]={"media_fbid":"…"}, … or attached_media=[{…},…]
    QList<std::pair<int, QString>> attached;
    static const QRegularExpression indexed(QStringLiteral(R"(^attached_media\[(\d+)\]$)"));
    const auto mediaOf = [](const QJsonValue &v) { return v.toObject().value(QStringLiteral("media_fbid")).toString(); };
    for (const auto &[name, value] : call.params) {
        const auto m = indexed.match(name);
        if (m.hasMatch()) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
            if (!doc.isObject() || mediaOf(doc.object()).isEmpty())
                return invalidParam(QStringLiteral("(#100) param %1 must be a JSON object with a media_fbid").arg(name));
            attached.append({m.captured(1).toInt(), mediaOf(doc.object())});
        } else if (name == QLatin1String("attached_media")) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
            if (!doc.isArray())
                return invalidParam(QStringLiteral("(#100) param attached_media must be an array"));
            int n = 0;
            for (const QJsonValue &v : doc.array())
                attached.append({n++, mediaOf(v)});
        }
    }
    std::stable_sort(attached.begin(), attached.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList media;
    for (const auto &[index, fbid] : attached) {
        const auto p = m_photos.constFind(fbid);
        if (fbid.isEmpty() || p == m_photos.constEnd() || p->pageId != pageId || p->published)
            return invalidParam(QStringLiteral("(#100) attached_media[%1] is not an unpublished photo of this page: %2").arg(index).arg(fbid));
        media << fbid;
    }
    if (message.isEmpty() && link.isEmpty() && media.isEmpty())
        return invalidParam(QStringLiteral("(#100) Missing message or attachment"));
    if (message.size() > kMaxMessage)
        return invalidParam(QStringLiteral("(#100) The message is too long: %1 characters of at most %2").arg(message.size()).arg(kMaxMessage));
    if (m_duplicateCheck && !message.isEmpty()) {
        for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
            if (it->network != QLatin1String("facebook") || it->owner != pageId || !it->published)
                continue;
            if (it->message == message) {
                ++m_stats.duplicates;
                return graphError(506, QStringLiteral("(#506) Duplicate status message"), 0, QStringLiteral("Duplicate Status Update"),
                                  QStringLiteral("This status update is identical to the last one you posted. Try posting something different, or "
                                                 "delete your previous update."));
            }
            break; // only the page's previous post counts
        }
    }
    Post post;
    post.network = QStringLiteral("facebook");
    post.id = pageId + QLatin1Char('_') + newId("122");
    post.owner = pageId;
    post.message = message;
    post.link = link;
    post.media = media;
    post.mediaType = media.isEmpty() ? (link.isEmpty() ? QStringLiteral("status") : QStringLiteral("link")) : QStringLiteral("photo");
    post.permalink = QStringLiteral("https://www.facebook.com/%1/posts/%2").arg(pageId, post.id.section(QLatin1Char('_'), 1));
    post.published = published;
    post.created = now();
    m_postById.insert(post.id, m_posts.size());
    m_posts.append(post);
    if (published) {
        ++m_copies[pageId + QLatin1Char('\n') + message];
        ++m_stats.facebookPosts;
    }
    return ok(QJsonObject{{QStringLiteral("id"), post.id}});
}

QJsonObject FakeMeta::postJson(const Post &post) const
{
    QJsonObject o{{QStringLiteral("id"), post.id},
                  {QStringLiteral("created_time"), graphTime(post.created)},
                  {QStringLiteral("updated_time"), graphTime(post.created)},
                  {QStringLiteral("permalink_url"), post.permalink},
                  {QStringLiteral("is_published"), post.published},
                  {QStringLiteral("status_type"), post.mediaType == QLatin1String("photo") ? QStringLiteral("added_photos")
                                                  : post.mediaType == QLatin1String("link") ? QStringLiteral("shared_story")
                                                                                             : QStringLiteral("mobile_status_update")}};
    if (!post.message.isEmpty())
        o.insert(QStringLiteral("message"), post.message);
    if (const Page *p = page(post.owner))
        o.insert(QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), p->id}, {QStringLiteral("name"), p->name}});
    return o;
}

const QStringList &FakeMeta::postFields()
{
    static const QStringList known = {QStringLiteral("message"),     QStringLiteral("created_time"), QStringLiteral("updated_time"),
                                      QStringLiteral("permalink_url"), QStringLiteral("is_published"), QStringLiteral("status_type"),
                                      QStringLiteral("from"),        QStringLiteral("full_picture"), QStringLiteral("attachments")};
    return known;
}

HttpResponse FakeMeta::pagePosts(const Call &call, const QString &pageId)
{
    if (!canUsePage(call.caller, pageId))
        return needsPageToken();
    if (!call.caller.t.scopes.contains(QLatin1String("pages_read_engagement")))
        return graphError(200, QStringLiteral("(#200) This endpoint requires the 'pages_read_engagement' permission"), 0, {}, {}, false, 403);
    bool present = false;
    QDateTime since, until;
    const QString sinceText = call.param("since", &present);
    if (present && !(since = parseTime(sinceText)).isValid())
        return invalidParam(QStringLiteral("(#100) The parameter since is not a valid time: %1").arg(sinceText));
    const QString untilText = call.param("until", &present);
    if (present && !(until = parseTime(untilText)).isValid())
        return invalidParam(QStringLiteral("(#100) The parameter until is not a valid time: %1").arg(untilText));
    Items items;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (it->network != QLatin1String("facebook") || it->owner != pageId || !it->published)
            continue;
        const qint64 second = it->created.toSecsSinceEpoch();
        if ((since.isValid() && second < since.toSecsSinceEpoch()) || (until.isValid() && second >= until.toSecsSinceEpoch()))
            continue;
        QJsonObject out;
        HttpResponse refusal;
        if (!selectFields(postJson(*it), call.param("fields"), QStringLiteral("created_time,message,id"), postFields(), QStringLiteral("PagePost"), &out,
                          &refusal))
            return refusal;
        items.append({it->id, out});
    }
    return listAnswer(call, items);
}

// ---- Objects and comments ------------------------------------------------------------------------------

QJsonObject FakeMeta::mediaJson(const Post &post) const
{
    const Page *p = pageOfIg(post.owner);
    QJsonObject o{{QStringLiteral("id"), post.id},
                  {QStringLiteral("caption"), post.message},
                  {QStringLiteral("timestamp"), graphTime(post.created)},
                  {QStringLiteral("permalink"), post.permalink},
                  {QStringLiteral("media_type"), post.mediaType},
                  {QStringLiteral("media_product_type"), QStringLiteral("FEED")},
                  {QStringLiteral("media_url"), post.media.value(0)},
                  {QStringLiteral("shortcode"), post.permalink.section(QLatin1Char('/'), -2, -2)},
                  {QStringLiteral("username"), p ? p->igUsername : QString()},
                  {QStringLiteral("owner"), QJsonObject{{QStringLiteral("id"), post.owner}}},
                  {QStringLiteral("comments_count"), int(std::count_if(m_comments.begin(), m_comments.end(),
                                                                        [&post](const Comment &c) { return c.parent == post.id; }))},
                  {QStringLiteral("like_count"), 0},
                  {QStringLiteral("is_comment_enabled"), true}};
    if (post.message.isEmpty())
        o.remove(QStringLiteral("caption"));
    return o;
}

const QStringList &FakeMeta::mediaFields()
{
    static const QStringList known = {QStringLiteral("caption"),   QStringLiteral("timestamp"),      QStringLiteral("permalink"),
                                      QStringLiteral("media_type"), QStringLiteral("media_product_type"), QStringLiteral("media_url"),
                                      QStringLiteral("shortcode"), QStringLiteral("username"),       QStringLiteral("owner"),
                                      QStringLiteral("comments_count"), QStringLiteral("like_count"), QStringLiteral("is_comment_enabled"),
                                      QStringLiteral("children"),  QStringLiteral("thumbnail_url")};
    return known;
}

HttpResponse FakeMeta::object(const Call &call, const QString &id)
{
    const QString fields = call.param("fields");
    QJsonObject out;
    HttpResponse refusal;
    const auto answer = [&](const QJsonObject &full, const QString &defaults, const QStringList &known, const QString &node) {
        if (!selectFields(full, fields, defaults, known, node, &out, &refusal))
            return refusal;
        return ok(out);
    };
    if (const auto it = m_postById.constFind(id); it != m_postById.constEnd()) {
        const Post &post = m_posts.at(*it);
        if (post.network == QLatin1String("instagram")) {
            if (!canUseIg(call.caller, post.owner))
                return unsupported("get", id);
            return answer(mediaJson(post), QStringLiteral("id"), mediaFields(), QStringLiteral("IGMedia"));
        }
        if (!canUsePage(call.caller, post.owner) && !(call.caller.t.kind == QLatin1String("USER") && manages(call.caller.t.userId, post.owner)))
            return unsupported("get", id);
        return answer(postJson(post), QStringLiteral("created_time,message,id"), postFields(), QStringLiteral("PagePost"));
    }
    if (const Container *c = container(id)) {
        if (!canUseIg(call.caller, c->igId))
            return unsupported("get", id);
        const QString code = containerStatus(*c);
        QString status;
        if (code == QLatin1String("IN_PROGRESS"))
            status = QStringLiteral("In Progress: Media is still being processed.");
        else if (code == QLatin1String("FINISHED"))
            status = QStringLiteral("Finished: Media has been uploaded and it is ready to be published.");
        else if (code == QLatin1String("PUBLISHED"))
            status = QStringLiteral("Published: Media has been successfully published.");
        else if (code == QLatin1String("EXPIRED"))
            status = QStringLiteral("Expired: Media was not published within 24 hours.");
        else
            status = QStringLiteral("Error: Media upload has failed with error code %1: %2").arg(c->errorSubcode).arg(c->errorUserMessage);
        return answer(QJsonObject{{QStringLiteral("id"), c->id}, {QStringLiteral("status_code"), code}, {QStringLiteral("status"), status}},
                      QStringLiteral("id"), {QStringLiteral("status_code"), QStringLiteral("status")}, QStringLiteral("ShadowIGMediaBuilder"));
    }
    if (const auto p = m_photos.constFind(id); p != m_photos.constEnd()) {
        if (!canUsePage(call.caller, p->pageId) && !(call.caller.t.kind == QLatin1String("USER") && manages(call.caller.t.userId, p->pageId)))
            return unsupported("get", id);
        QJsonObject full{{QStringLiteral("id"), p->id}, {QStringLiteral("created_time"), graphTime(p->created)}, {QStringLiteral("published"), p->published}};
        if (!p->caption.isEmpty())
            full.insert(QStringLiteral("name"), p->caption);
        if (!p->postId.isEmpty())
            full.insert(QStringLiteral("page_story_id"), p->postId);
        return answer(full, QStringLiteral("created_time,name,id"), {QStringLiteral("created_time"), QStringLiteral("name"), QStringLiteral("published"),
                                                                        QStringLiteral("page_story_id")},
                      QStringLiteral("Photo"));
    }
    if (const Page *p = page(id)) {
        QJsonObject full{{QStringLiteral("id"), p->id}, {QStringLiteral("name"), p->name}, {QStringLiteral("category"), p->category}};
        if (!p->igId.isEmpty())
            full.insert(QStringLiteral("instagram_business_account"), QJsonObject{{QStringLiteral("id"), p->igId}, {QStringLiteral("username"), p->igUsername}});
        if (!call.caller.app && call.caller.t.kind == QLatin1String("USER") && manages(call.caller.t.userId, p->id))
            full.insert(QStringLiteral("access_token"), pageToken(call.caller.token, call.caller.t, p->id));
        else if (canUsePage(call.caller, p->id))
            full.insert(QStringLiteral("access_token"), call.caller.token);
        if (!selectFields(full, fields, QStringLiteral("name,id"),
                          {QStringLiteral("name"), QStringLiteral("category"), QStringLiteral("instagram_business_account"), QStringLiteral("access_token")},
                          QStringLiteral("Page"), &out, &refusal))
            return refusal;
        if (out.value(QStringLiteral("instagram_business_account")).isObject() && !fields.contains(QLatin1String("instagram_business_account{")))
            out.insert(QStringLiteral("instagram_business_account"), QJsonObject{{QStringLiteral("id"), p->igId}});
        return ok(out);
    }
    if (const Page *p = pageOfIg(id)) {
        if (!canUseIg(call.caller, id))
            return unsupported("get", id);
        const auto mine = std::count_if(m_posts.begin(), m_posts.end(), [&id](const Post &m) { return m.owner == id; });
        return answer(QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("username"), p->igUsername},
                                  {QStringLiteral("name"), p->name},
                                  {QStringLiteral("media_count"), int(mine)}},
                      QStringLiteral("id"), {QStringLiteral("username"), QStringLiteral("name"), QStringLiteral("media_count")}, QStringLiteral("IGUser"));
    }
    if (const User *u = user(id)) {
        if (call.caller.app || call.caller.t.userId != id)
            return unsupported("get", id);
        return answer(QJsonObject{{QStringLiteral("id"), u->id}, {QStringLiteral("name"), u->name}}, QStringLiteral("name,id"), {QStringLiteral("name")},
                      QStringLiteral("User"));
    }
    for (const Comment &c : m_comments)
        if (c.id == id) {
            if (c.network == QLatin1String("instagram"))
                return answer(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("text"), c.message}, {QStringLiteral("timestamp"), graphTime(c.created)},
                                          {QStringLiteral("username"), c.fromName}},
                              QStringLiteral("id"), {QStringLiteral("text"), QStringLiteral("timestamp"), QStringLiteral("username")}, QStringLiteral("IGComment"));
            return answer(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("message"), c.message}, {QStringLiteral("created_time"), graphTime(c.created)},
                                      {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), c.fromId}, {QStringLiteral("name"), c.fromName}}}},
                          QStringLiteral("created_time,from,message,id"),
                          {QStringLiteral("message"), QStringLiteral("created_time"), QStringLiteral("from")}, QStringLiteral("Comment"));
        }
    return unsupported("get", id);
}

HttpResponse FakeMeta::comment(const Call &call, const QString &parent)
{
    const Post &post = m_posts.at(m_postById.value(parent));
    const bool instagram = post.network == QLatin1String("instagram");
    const QStringList &scopes = call.caller.t.scopes;
    if (instagram) {
        if (!canUseIg(call.caller, post.owner) || !scopes.contains(QLatin1String("instagram_manage_comments")))
            return igPermission();
    } else if (!canUsePage(call.caller, post.owner) || !scopes.contains(QLatin1String("pages_manage_engagement"))) {
        return graphError(200, QStringLiteral("(#200) This action requires the pages_manage_engagement permission"), 0, {}, {}, false, 403);
    }
    const QString message = call.param("message");
    if (message.isEmpty())
        return invalidParam(QStringLiteral("(#100) The parameter message is required"));
    Comment c;
    c.network = post.network;
    c.id = instagram ? newId("178") : parent.section(QLatin1Char('_'), 1) + QLatin1Char('_') + newId("123");
    c.parent = parent;
    c.message = message;
    if (const Page *p = instagram ? pageOfIg(post.owner) : page(post.owner)) {
        c.fromId = instagram ? p->igId : p->id;
        c.fromName = instagram ? p->igUsername : p->name;
    }
    c.created = now();
    m_comments.append(c);
    ++m_stats.comments;
    return ok(QJsonObject{{QStringLiteral("id"), c.id}});
}

HttpResponse FakeMeta::listComments(const Call &call, const QString &parent)
{
    const Post &post = m_posts.at(m_postById.value(parent));
    const bool instagram = post.network == QLatin1String("instagram");
    if (instagram ? !canUseIg(call.caller, post.owner)
                  : !canUsePage(call.caller, post.owner) && !(call.caller.t.kind == QLatin1String("USER") && manages(call.caller.t.userId, post.owner)))
        return unsupported("get", parent);
    Items items;
    for (const Comment &c : m_comments) {
        if (c.parent != parent)
            continue;
        QJsonObject full;
        if (instagram)
            full = QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("text"), c.message}, {QStringLiteral("timestamp"), graphTime(c.created)},
                               {QStringLiteral("username"), c.fromName}};
        else
            full = QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("message"), c.message}, {QStringLiteral("created_time"), graphTime(c.created)},
                               {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), c.fromId}, {QStringLiteral("name"), c.fromName}}}};
        QJsonObject out;
        HttpResponse refusal;
        const bool selected = instagram ? selectFields(full, call.param("fields"), QStringLiteral("text,timestamp,username,id"),
                                                       {QStringLiteral("text"), QStringLiteral("timestamp"), QStringLiteral("username")},
                                                       QStringLiteral("IGComment"), &out, &refusal)
                                        : selectFields(full, call.param("fields"), QStringLiteral("created_time,from,message,id"),
                                                       {QStringLiteral("message"), QStringLiteral("created_time"), QStringLiteral("from")},
                                                       QStringLiteral("Comment"), &out, &refusal);
        if (!selected)
            return refusal;
        items.append({c.id, out});
    }
    return listAnswer(call, items);
}

// ---- Instagram -----------------------------------------------------------------------------------------

QString FakeMeta::containerStatus(const Container &c) const
{
    const bool waiting = c.status == QLatin1String("IN_PROGRESS") || c.status == QLatin1String("FINISHED");
    return waiting && now() >= c.expires ? QStringLiteral("EXPIRED") : c.status;
}

HttpResponse FakeMeta::createContainer(const Call &call, const QString &igId)
{
    const QStringList &scopes = call.caller.t.scopes;
    if (!canUseIg(call.caller, igId) || !scopes.contains(QLatin1String("instagram_basic")) || !scopes.contains(QLatin1String("instagram_content_publish")))
        return igPermission();
    const QString mediaType = call.param("media_type").toUpper();
    const bool carousel = mediaType == QLatin1String("CAROUSEL");
    if (!mediaType.isEmpty() && mediaType != QLatin1String("IMAGE") && !carousel)
        return invalidParam(QStringLiteral("(#100) media_type %1 is not supported by the fake (IMAGE and CAROUSEL only)").arg(mediaType));
    const bool item = trueText(call.param("is_carousel_item"));
    const QString caption = call.param("caption");
    if (!item) {
        // Meta's limits on a caption: 2,200 characters, 30 hashtags, 20 @-mentions.
        static const QRegularExpression hashtag(QStringLiteral(R"((?:^|[^\w&])#\w+)"), QRegularExpression::UseUnicodePropertiesOption);
        static const QRegularExpression mention(QStringLiteral(R"((?:^|[^\w])@[\w.]+)"), QRegularExpression::UseUnicodePropertiesOption);
        const auto occurrences = [&caption](const QRegularExpression &re) {
            int n = 0;
            for (auto it = re.globalMatch(caption); it.hasNext(); it.next())
                ++n;
            return n;
        };
        QString what;
        if (caption.size() > kMaxCaption)
            what = QStringLiteral("The caption is longer than %1 characters.").arg(kMaxCaption);
        else if (occurrences(hashtag) > kMaxHashtags)
            what = QStringLiteral("The caption has more than %1 hashtags.").arg(kMaxHashtags);
        else if (occurrences(mention) > kMaxMentions)
            what = QStringLiteral("The caption has more than %1 @ mentions.").arg(kMaxMentions);
        if (!what.isEmpty())
            return graphError(36004, QStringLiteral("The caption is not valid."), 2207010, QStringLiteral("Caption too long"), what);
    }
    Container c;
    c.igId = igId;
    c.caption = item ? QString() : caption;
    c.altText = call.param("alt_text");
    c.carouselItem = item;
    if (carousel) {
        c.mediaType = QStringLiteral("CAROUSEL");
        const QStringList children = call.param("children").split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (children.size() < kMinChildren || children.size() > kMaxChildren)
            return invalidParam(QStringLiteral("(#100) A carousel has %1 to %2 children, not %3").arg(kMinChildren).arg(kMaxChildren).arg(children.size()));
        for (qsizetype i = 0; i < children.size(); ++i) {
            const QString child = children.at(i).trimmed();
            const Container *k = container(child);
            if (!k || k->igId != igId || !k->carouselItem)
                return invalidParam(QStringLiteral("(#100) Param children[%1] is not a carousel item container of this user: %2").arg(i).arg(child));
            const QString status = containerStatus(*k);
            if (status == QLatin1String("IN_PROGRESS"))
                return graphError(9007, QStringLiteral("Media ID is not available"), 2207027, QStringLiteral("Media Not Ready For Publishing"),
                                  QStringLiteral("The media is not ready for publishing, please wait for a moment"));
            if (status != QLatin1String("FINISHED"))
                return invalidParam(QStringLiteral("(#100) Param children[%1] is %2, not FINISHED: %3").arg(i).arg(status, child));
            c.children << child;
        }
    } else {
        c.imageUrl = call.param("image_url");
        if (c.imageUrl.isEmpty())
            return invalidParam(QStringLiteral("(#100) The parameter image_url is required."));
        const QUrl parsed(c.imageUrl, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
            return invalidParam(QStringLiteral("(#100) Param image_url is not a valid URI."));
    }
    c.id = newId("179");
    c.created = now();
    c.expires = c.created.addSecs(m_containerTtlS);
    m_containers.insert(c.id, c);
    m_containerOrder.append(c.id);
    ++m_stats.containers;
    QTimer::singleShot(std::max(0, m_containerDelayMs), this, [this, id = c.id, epoch = m_epoch] {
        if (epoch == m_epoch)
            process(id);
    });
    return ok(QJsonObject{{QStringLiteral("id"), c.id}});
}

// Meta's work on a container: fetch the image (a carousel parent has nothing to fetch) and judge it.
void FakeMeta::process(const QString &containerId)
{
    const auto it = m_containers.find(containerId);
    if (it == m_containers.end() || it->status != QLatin1String("IN_PROGRESS"))
        return;
    if (it->mediaType == QLatin1String("CAROUSEL")) {
        it->status = QStringLiteral("FINISHED");
        return;
    }
    const quint64 epoch = m_epoch;
    fetch(it->imageUrl, QStringLiteral("instagram_container"), m_igMaxBytes, [this, containerId, epoch](FetchResult &f) -> QString {
        int code = 0, subcode = 0;
        QString message, title, userMessage;
        const Fetch &got = f.fetch;
        if (f.timedOut) {
            code = -2;
            subcode = 2207003;
            message = QStringLiteral("Timeout downloading media");
            title = QStringLiteral("Media download timeout");
            userMessage = QStringLiteral("It takes too long to download the media.");
        } else if (!f.reached || got.status != 200) {
            code = 9004;
            subcode = 2207052;
            message = QStringLiteral("The media could not be fetched from this uri: %1").arg(got.url);
            title = QStringLiteral("Media download has failed.");
            userMessage = f.reached ? QStringLiteral("The media server answered HTTP %1.").arg(got.status)
                                    : QStringLiteral("The media server could not be reached.");
        } else if (f.tooLarge) {
            code = 36000;
            subcode = 2207004;
            message = QStringLiteral("The image size is too large.");
            title = QStringLiteral("Image size too large");
            userMessage = QStringLiteral("The image is too large to download. It should be less than 8 MiB.");
        } else if (got.type != QLatin1String("image/jpeg")) {
            code = 36001;
            subcode = 2207005;
            message = QStringLiteral("The image format is not supported.");
            title = QStringLiteral("Unsupported image format");
            userMessage = got.type == QLatin1String("image/mpo")
                              ? QStringLiteral("The image is an MPO (a multi-picture JPEG); only JPEG is supported.")
                              : QStringLiteral("The image format is not supported (%1); only JPEG is.").arg(got.type.isEmpty() ? QStringLiteral("unknown") : got.type);
        } else {
            const bool turned = got.orientation >= 5 && got.orientation <= 8;
            const qint64 w = turned ? got.height : got.width;
            const qint64 h = turned ? got.width : got.height;
            // 4:5 ≤ w:h ≤ 1.91:1, both ends allowed.
            if (w <= 0 || h <= 0 || 5 * w < 4 * h || 100 * w > 191 * h) {
                code = 36003;
                subcode = 2207009;
                message = QStringLiteral("The submitted image with aspect ratio %1 cannot be published. Please submit an image with a valid aspect ratio.")
                              .arg(h > 0 ? double(w) / double(h) : 0.0, 0, 'g', 3);
                title = QStringLiteral("Invalid aspect ratio");
                userMessage = QStringLiteral("The aspect ratio is not supported: it must be between 4:5 and 1.91:1.");
            }
        }
        if (epoch != m_epoch)
            return userMessage;
        const auto c = m_containers.find(containerId);
        if (c == m_containers.end() || c->status != QLatin1String("IN_PROGRESS"))
            return userMessage;
        if (code == 0) {
            c->status = QStringLiteral("FINISHED");
            return {};
        }
        c->status = QStringLiteral("ERROR");
        c->errorCode = code;
        c->errorSubcode = subcode;
        c->errorMessage = message;
        c->errorTitle = title;
        c->errorUserMessage = userMessage;
        return userMessage;
    });
}

HttpResponse FakeMeta::publish(const Call &call, const QString &igId)
{
    const QStringList &scopes = call.caller.t.scopes;
    if (!canUseIg(call.caller, igId) || !scopes.contains(QLatin1String("instagram_basic")) || !scopes.contains(QLatin1String("instagram_content_publish")))
        return igPermission();
    const QString creationId = call.param("creation_id");
    if (creationId.isEmpty())
        return invalidParam(QStringLiteral("(#100) The parameter creation_id is required."));
    const auto c = m_containers.find(creationId);
    if (c == m_containers.end() || c->igId != igId)
        return graphError(24, QStringLiteral("The media with id %1 cannot be found").arg(creationId), 2207006, QStringLiteral("Media not found"),
                          QStringLiteral("The media cannot be found. Create a new container and try again."));
    if (c->carouselItem)
        return invalidParam(QStringLiteral("(#100) A carousel item cannot be published on its own; publish the carousel that holds it"));
    const QString status = containerStatus(*c);
    if (status == QLatin1String("IN_PROGRESS"))
        return graphError(9007, QStringLiteral("Media ID is not available"), 2207027, QStringLiteral("Media Not Ready For Publishing"),
                          QStringLiteral("The media is not ready for publishing, please wait for a moment"));
    if (status == QLatin1String("ERROR"))
        return graphError(c->errorCode, c->errorMessage, c->errorSubcode, c->errorTitle, c->errorUserMessage);
    if (status == QLatin1String("EXPIRED"))
        return graphError(-2, QStringLiteral("The media you are trying to access has expired. Please try to upload again."), 2207020,
                          QStringLiteral("Media expired"), QStringLiteral("The media you are trying to access has expired. Please try to upload again."));
    if (status == QLatin1String("PUBLISHED"))
        return invalidParam(QStringLiteral("(#100) The media container has already been published"));
    if (quotaUsage(igId) >= m_quotaTotal) {
        ++m_stats.quotaRefused;
        return graphError(9, QStringLiteral("Application request limit reached"), 2207042, QStringLiteral("Maximum number of posts reached"),
                          QStringLiteral("You reached maximum number of posts that is allowed to be published by Content Publishing API."));
    }
    Post post;
    post.network = QStringLiteral("instagram");
    post.id = newId("180");
    post.owner = igId;
    post.message = c->caption;
    post.containerId = c->id;
    if (c->mediaType == QLatin1String("CAROUSEL")) {
        post.mediaType = QStringLiteral("CAROUSEL_ALBUM");
        for (const QString &child : std::as_const(c->children))
            post.media << m_containers.value(child).imageUrl;
    } else {
        post.mediaType = QStringLiteral("IMAGE");
        post.media = {c->imageUrl};
    }
    const QByteArray shortcode = QByteArray::number(post.id.toLongLong(), 36).toUpper().right(11);
    post.permalink = QStringLiteral("https://www.instagram.com/p/%1/").arg(QString::fromLatin1(shortcode));
    post.created = now();
    c->status = QStringLiteral("PUBLISHED");
    c->mediaId = post.id;
    m_postById.insert(post.id, m_posts.size());
    m_posts.append(post);
    m_publishes[igId].append(post.created.toMSecsSinceEpoch());
    ++m_copies[igId + QLatin1Char('\n') + post.message];
    ++m_stats.instagramMedia;
    return ok(QJsonObject{{QStringLiteral("id"), post.id}});
}

HttpResponse FakeMeta::publishingLimit(const Call &call, const QString &igId)
{
    if (!canUseIg(call.caller, igId) || !call.caller.t.scopes.contains(QLatin1String("instagram_basic")))
        return igPermission();
    const QStringList fields = call.param("fields").split(QLatin1Char(','), Qt::SkipEmptyParts);
    QJsonObject entry;
    if (fields.contains(QLatin1String("config")))
        entry.insert(QStringLiteral("config"), QJsonObject{{QStringLiteral("quota_total"), m_quotaTotal}, {QStringLiteral("quota_duration"), m_quotaDurationS}});
    if (fields.isEmpty() || fields.contains(QLatin1String("quota_usage")))
        entry.insert(QStringLiteral("quota_usage"), quotaUsage(igId));
    for (const QString &f : fields)
        if (f != QLatin1String("config") && f != QLatin1String("quota_usage"))
            return invalidParam(QStringLiteral("(#100) Tried accessing nonexisting field (%1) on node type (ContentPublishingLimitResponse)").arg(f));
    return ok(QJsonObject{{QStringLiteral("data"), QJsonArray{entry}}});
}

HttpResponse FakeMeta::igMedia(const Call &call, const QString &igId)
{
    if (!canUseIg(call.caller, igId) || !call.caller.t.scopes.contains(QLatin1String("instagram_basic")))
        return igPermission();
    Items items;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it) {
        if (it->network != QLatin1String("instagram") || it->owner != igId)
            continue;
        QJsonObject out;
        HttpResponse refusal;
        if (!selectFields(mediaJson(*it), call.param("fields"), QStringLiteral("id"), mediaFields(), QStringLiteral("IGMedia"), &out, &refusal))
            return refusal;
        items.append({it->id, out});
    }
    return listAnswer(call, items);
}

// ---- Lists ---------------------------------------------------------------------------------------------

// A list answer: {data, paging {cursors {before, after}, next, previous}}, sliced by limit (25, ≤ 100),
// after and before (cursors are the items' ids, base64url).
HttpResponse FakeMeta::listAnswer(const Call &call, const Items &items) const
{
    bool present = false;
    int limit = 25;
    const QString limitText = call.param("limit", &present);
    if (present) {
        bool number = false;
        limit = limitText.toInt(&number);
        if (!number || limit < 1)
            return invalidParam(QStringLiteral("(#100) Param limit must be a positive integer"));
        limit = std::min(limit, kMaxLimit);
    }
    const auto indexOf = [&items](const QString &id) {
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items.at(i).first == id)
                return i;
        return qsizetype(-1);
    };
    qsizetype start = 0, end = std::min<qsizetype>(limit, items.size());
    const QString after = call.param("after");
    const QString before = call.param("before");
    if (!after.isEmpty()) {
        const qsizetype i = indexOf(idOfCursor(after));
        if (i < 0)
            return invalidParam(QStringLiteral("(#100) The after cursor is not valid"));
        start = i + 1;
        end = std::min<qsizetype>(start + limit, items.size());
    } else if (!before.isEmpty()) {
        const qsizetype i = indexOf(idOfCursor(before));
        if (i < 0)
            return invalidParam(QStringLiteral("(#100) The before cursor is not valid"));
        end = i;
        start = std::max<qsizetype>(0, end - limit);
    }
    QJsonArray data;
    for (qsizetype i = start; i < end; ++i)
        data.append(items.at(i).second);
    QJsonObject out{{QStringLiteral("data"), data}};
    if (!data.isEmpty()) {
        const auto link = [&](const char *name, const QString &cursor) -> QString {
            QByteArray query;
            for (const auto &[key, value] : call.params) {
                if (key == QLatin1String("after") || key == QLatin1String("before"))
                    continue;
                query += (query.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
            }
            query += (query.isEmpty() ? "" : "&") + QByteArray(name) + '=' + cursor.toLatin1();
            return baseUrl().toString() + QLatin1Char('/') + (call.version.isEmpty() ? kDefaultVersion : call.version) + call.path + QLatin1Char('?')
                   + QString::fromLatin1(query);
        };
        QJsonObject paging{{QStringLiteral("cursors"), QJsonObject{{QStringLiteral("before"), cursorOf(items.at(start).first)},
                                                                    {QStringLiteral("after"), cursorOf(items.at(end - 1).first)}}}};
        if (end < items.size())
            paging.insert(QStringLiteral("next"), link("after", cursorOf(items.at(end - 1).first)));
        if (start > 0)
            paging.insert(QStringLiteral("previous"), link("before", cursorOf(items.at(start).first)));
        out.insert(QStringLiteral("paging"), paging);
    }
    return ok(out);
}

// ---- Fetching media ------------------------------------------------------------------------------------

// GET the URL as Meta's crawler does, at most maxBytes (more: tooLarge, and the download stops), then let
// `judge` say what is wrong with it ("" when nothing) and record it in /_fake/fetches.
void FakeMeta::fetch(const QString &url, const QString &purpose, qint64 maxBytes, std::function<QString(FetchResult &)> judge)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(m_fetchTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("facebookexternalhit/1.1"));
    QNetworkReply *reply = m_nam.get(request);
    auto result = std::make_shared<FetchResult>();
    result->fetch.url = url;
    result->fetch.purpose = purpose;
    result->fetch.at = now();
    const quint64 epoch = m_epoch;
    const auto guard = [reply, result, maxBytes](qint64 size) {
        if (size > maxBytes && !result->tooLarge) {
            result->tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, guard] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            guard(length.toLongLong());
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, result, guard] {
        if (result->tooLarge)
            return;
        result->data += reply->readAll();
        guard(result->data.size());
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, result, epoch, verdict = std::move(judge)] {
        reply->deleteLater();
        if (!result->tooLarge)
            result->data += reply->readAll();
        Fetch &f = result->fetch;
        f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        f.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        result->reached = f.status > 0;
        const QNetworkReply::NetworkError error = reply->error();
        result->timedOut = !result->tooLarge && (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError);
        if (result->timedOut)
            result->reached = false;
        f.bytes = result->tooLarge ? std::max<qint64>(result->data.size(), reply->header(QNetworkRequest::ContentLengthHeader).toLongLong())
                                   : result->data.size();
        const Picture picture = inspect(result->data);
        f.type = picture.type;
        f.width = picture.width;
        f.height = picture.height;
        f.orientation = picture.orientation;
        f.error = verdict(*result); // also after a reset: a request waiting for this fetch is answered
        if (epoch != m_epoch)
            return;
        if (!f.error.isEmpty())
            ++m_stats.fetchFailures;
        ++m_stats.fetches;
        m_fetches.append(f);
    });
}

// ---- Control -------------------------------------------------------------------------------------------

QJsonObject FakeMeta::statsJson() const
{
    return QJsonObject{{QStringLiteral("requests"), m_stats.requests},
                       {QStringLiteral("paths"), pathsJson(m_stats.paths)},
                       {QStringLiteral("published"), m_stats.published()},
                       {QStringLiteral("facebook_posts"), m_stats.facebookPosts},
                       {QStringLiteral("instagram_media"), m_stats.instagramMedia},
                       {QStringLiteral("photos"), m_stats.photos},
                       {QStringLiteral("containers"), m_stats.containers},
                       {QStringLiteral("comments"), m_stats.comments},
                       {QStringLiteral("fetches"), m_stats.fetches},
                       {QStringLiteral("fetch_failures"), m_stats.fetchFailures},
                       {QStringLiteral("throttled"), m_stats.throttled},
                       {QStringLiteral("faults"), faultsJson(m_stats.serverErrors, m_stats.injectedThrottles, m_stats.dropped, m_stats.lost, m_stats.slow)},
                       {QStringLiteral("tokens_issued"), m_stats.tokensIssued},
                       {QStringLiteral("codes_issued"), m_stats.codesIssued},
                       {QStringLiteral("duplicates_refused"), m_stats.duplicates},
                       {QStringLiteral("quota_refused"), m_stats.quotaRefused},
                       {QStringLiteral("unauthorized"), m_stats.unauthorized}};
}

HttpResponse FakeMeta::control(const HttpRequest &request)
{
    const QString path = request.url.path();
    if (path == QLatin1String("/_fake/posts") && request.method == "GET") {
        QJsonArray out;
        for (const Post &p : m_posts) {
            if (!p.published)
                continue;
            out.append(QJsonObject{{QStringLiteral("network"), p.network},
                                   {QStringLiteral("id"), p.id},
                                   {QStringLiteral("owner"), p.owner},
                                   {QStringLiteral("message"), p.message},
                                   {QStringLiteral("link"), p.link},
                                   {QStringLiteral("media"), QJsonArray::fromStringList(p.media)},
                                   {QStringLiteral("container_id"), p.containerId},
                                   {QStringLiteral("media_type"), p.mediaType},
                                   {QStringLiteral("permalink"), p.permalink},
                                   {QStringLiteral("created_at"), p.created.toUTC().toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("created_ms"), p.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("copies"), copies(p.owner, p.message)}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/containers") && request.method == "GET") {
        QJsonArray out;
        for (const QString &id : m_containerOrder) {
            const Container c = m_containers.value(id);
            out.append(QJsonObject{{QStringLiteral("id"), c.id},
                                   {QStringLiteral("ig_user_id"), c.igId},
                                   {QStringLiteral("status_code"), containerStatus(c)},
                                   {QStringLiteral("image_url"), c.imageUrl},
                                   {QStringLiteral("caption"), c.caption},
                                   {QStringLiteral("alt_text"), c.altText},
                                   {QStringLiteral("media_type"), c.mediaType},
                                   {QStringLiteral("is_carousel_item"), c.carouselItem},
                                   {QStringLiteral("children"), QJsonArray::fromStringList(c.children)},
                                   {QStringLiteral("error_code"), c.errorCode},
                                   {QStringLiteral("error_subcode"), c.errorSubcode},
                                   {QStringLiteral("media_id"), c.mediaId},
                                   {QStringLiteral("created_ms"), c.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("expires_ms"), c.expires.toMSecsSinceEpoch()}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/fetches") && request.method == "GET") {
        QJsonArray out;
        for (const Fetch &f : m_fetches)
            out.append(QJsonObject{{QStringLiteral("url"), f.url},
                                   {QStringLiteral("for"), f.purpose},
                                   {QStringLiteral("status"), f.status},
                                   {QStringLiteral("bytes"), f.bytes},
                                   {QStringLiteral("type"), f.type},
                                   {QStringLiteral("content_type"), f.contentType},
                                   {QStringLiteral("width"), f.width},
                                   {QStringLiteral("height"), f.height},
                                   {QStringLiteral("orientation"), f.orientation},
                                   {QStringLiteral("error"), f.error},
                                   {QStringLiteral("at_ms"), f.at.toMSecsSinceEpoch()}});
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/comments") && request.method == "GET") {
        QJsonArray out;
        for (const Comment &c : m_comments) {
            const auto same = std::count_if(m_comments.begin(), m_comments.end(),
                                            [&c](const Comment &o) { return o.parent == c.parent && o.message == c.message; });
            out.append(QJsonObject{{QStringLiteral("network"), c.network},
                                   {QStringLiteral("id"), c.id},
                                   {QStringLiteral("parent"), c.parent},
                                   {QStringLiteral("message"), c.message},
                                   {QStringLiteral("created_ms"), c.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("copies"), int(same)}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/grant") && request.method == "POST") {
        QJsonObject o;
        if (!readObject(request, &o))
            return notAnObject();
        const QString id = o.value(QStringLiteral("user_id")).toString(m_users.value(0).id);
        QStringList scopes = kDefaultScopes;
        const QJsonValue asked = o.value(QStringLiteral("scopes"));
        if (asked.isArray()) {
            scopes.clear();
            for (const QJsonValue &v : asked.toArray())
                scopes << v.toString();
        } else if (asked.isString()) {
            scopes = splitScopes(asked.toString());
        }
        if (id.isEmpty() || !std::all_of(scopes.begin(), scopes.end(), knownScope))
            return HttpResponse::json(400, R"({"error":"user_id, and scopes Meta knows"})");
        const bool longLived = o.value(QStringLiteral("long_lived")).toBool(true);
        const Grant g = grant(id, scopes, longLived);
        QJsonArray pages;
        for (auto it = g.pageTokens.constBegin(); it != g.pageTokens.constEnd(); ++it) {
            const Page *p = page(it.key());
            QJsonObject entry{{QStringLiteral("id"), p->id}, {QStringLiteral("name"), p->name}, {QStringLiteral("access_token"), it.value()}};
            if (!p->igId.isEmpty())
                entry.insert(QStringLiteral("instagram_business_account"), QJsonObject{{QStringLiteral("id"), p->igId}, {QStringLiteral("username"), p->igUsername}});
            pages.append(entry);
        }
        return ok(QJsonObject{{QStringLiteral("access_token"), g.accessToken},
                              {QStringLiteral("token_type"), QStringLiteral("bearer")},
                              {QStringLiteral("expires_in"), g.expiresIn},
                              {QStringLiteral("user_id"), id},
                              {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                              {QStringLiteral("pages"), pages}});
    }
    if (path == QLatin1String("/_fake/invalidate") && request.method == "POST") {
        QJsonObject o;
        if (!readObject(request, &o))
            return notAnObject();
        const QString id = o.value(QStringLiteral("user_id")).toString(m_users.value(0).id);
        const QString reason = o.value(QStringLiteral("reason")).toString(QStringLiteral("password"));
        if (reason != QLatin1String("password") && reason != QLatin1String("deauthorized"))
            return HttpResponse::json(400, R"({"error":"reason is password or deauthorized"})");
        invalidate(id, reason);
        return HttpResponse::json(200, "{}");
    }
    return noControl();
}

QString FakeMeta::configure(const QJsonObject &o)
{
    const auto has = [&o](const char *key) { return o.contains(QLatin1String(key)); };
    // Check first: a typo must not pass quietly, and nothing changes when something is refused.
    for (const QJsonValue &v : o.value(QStringLiteral("users")).toArray())
        if (v.toObject().value(QStringLiteral("id")).toString().isEmpty())
            return QStringLiteral("every user needs an id");
    for (const QJsonValue &v : o.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject p = v.toObject();
        if (p.value(QStringLiteral("id")).toString().isEmpty())
            return QStringLiteral("every page needs an id");
        if (p.value(QStringLiteral("ig")).isObject() && p.value(QStringLiteral("ig")).toObject().value(QStringLiteral("id")).toString().isEmpty())
            return QStringLiteral("a page's ig needs an id");
    }
    const QJsonObject usage = o.value(QStringLiteral("usage")).toObject();
    if (usage.contains(QStringLiteral("page_throttle_code"))) {
        const int code = usage.value(QStringLiteral("page_throttle_code")).toInt();
        if (code != 32 && code != 80001)
            return QStringLiteral("usage.page_throttle_code is 80001 or 32, not %1").arg(code);
    }
    const QJsonObject f = o.value(QStringLiteral("faults")).toObject();
    if (const QString refused = m_plan.check(f); !refused.isEmpty())
        return refused;

    setIfGiven(o, "app_id", &m_appId);
    setIfGiven(o, "app_secret", &m_appSecret);
    setIfGiven(o, "app_name", &m_appName);
    setIfGiven(o, "redirect_uris", &m_redirectUris);
    for (const QJsonValue &v : o.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject p = v.toObject();
        const QString id = p.value(QStringLiteral("id")).toString();
        Page updated = page(id) ? *page(id) : Page{id, QStringLiteral("Page ") + id.right(6), QStringLiteral("Shopping & retail"), {}, {}};
        updated.name = p.value(QStringLiteral("name")).toString(updated.name);
        updated.category = p.value(QStringLiteral("category")).toString(updated.category);
        if (p.contains(QStringLiteral("ig"))) {
            const QJsonObject ig = p.value(QStringLiteral("ig")).toObject();
            updated.igId = ig.value(QStringLiteral("id")).toString();
            updated.igUsername = ig.value(QStringLiteral("username")).toString(updated.igId.isEmpty() ? QString() : QStringLiteral("ig_") + updated.igId.right(6));
        }
        setPage(updated);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("users")).toArray()) {
        const QJsonObject u = v.toObject();
        const QString id = u.value(QStringLiteral("id")).toString();
        User updated = user(id) ? *user(id) : User{id, QStringLiteral("User ") + id.right(6), {}};
        updated.name = u.value(QStringLiteral("name")).toString(updated.name);
        setIfGiven(u, "pages", &updated.pages);
        setUser(updated);
    }
    setIfGiven(o, "authorize_as", &m_authorizeAs);
    m_authorizeDeny = o.value(QStringLiteral("authorize_deny")).toBool(m_authorizeDeny);
    const auto integer = [&o](const char *key, int fallback) { return o.value(QLatin1String(key)).toInt(fallback); };
    m_codeTtlS = integer("code_ttl_s", m_codeTtlS);
    m_shortTtlS = integer("short_ttl_s", m_shortTtlS);
    m_longTtlS = integer("long_ttl_s", m_longTtlS);
    m_dataAccessTtlS = integer("data_access_ttl_s", m_dataAccessTtlS);
    m_containerDelayMs = integer("container_delay_ms", m_containerDelayMs);
    m_containerTtlS = integer("container_ttl_s", m_containerTtlS);
    m_quotaTotal = integer("quota_total", m_quotaTotal);
    m_quotaDurationS = integer("quota_duration_s", m_quotaDurationS);
    m_fetchTimeoutMs = integer("fetch_timeout_ms", m_fetchTimeoutMs);
    m_photoMaxBytes = o.value(QStringLiteral("photo_max_bytes")).toInteger(m_photoMaxBytes);
    m_igMaxBytes = o.value(QStringLiteral("ig_max_bytes")).toInteger(m_igMaxBytes);
    m_duplicateCheck = o.value(QStringLiteral("duplicate_check")).toBool(m_duplicateCheck);
    m_clock.configure(o);
    if (has("usage")) {
        const auto rate = [&usage](const char *key, int fallback) { return usage.value(QLatin1String(key)).toInt(fallback); };
        m_appPerHour = rate("app_calls_per_hour", m_appPerHour);
        m_pagePerHour = rate("page_calls_per_hour", m_pagePerHour);
        m_igPerHour = rate("ig_calls_per_hour", m_igPerHour);
        m_usageWindowS = rate("window_s", m_usageWindowS);
        m_regainS = rate("regain_s", m_regainS);
        m_pageThrottleCode = rate("page_throttle_code", m_pageThrottleCode);
        const QJsonObject levels = usage.value(QStringLiteral("levels")).toObject();
        for (auto it = levels.begin(); it != levels.end(); ++it) {
            const QJsonObject l = it.value().toObject();
            setUsageLevels(it.key(), {l.value(QStringLiteral("call_count")).toDouble(), l.value(QStringLiteral("total_cputime")).toDouble(),
                                      l.value(QStringLiteral("total_time")).toDouble()});
        }
    }
    if (has("faults"))
        m_plan.configure(f);
    return {};
}

} // namespace lux::fakes
