// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakelinkedin.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <algorithm>

namespace lux::fakes {

using namespace common;

const QString FakeLinkedIn::kDefaultScope =
    QStringLiteral("openid profile email w_member_social w_organization_social r_organization_social rw_organization_admin");

namespace {

const QString kAuthorize = QStringLiteral("GET /oauth/v2/authorization");
const QString kToken = QStringLiteral("POST /oauth/v2/accessToken");
const QString kRevoke = QStringLiteral("POST /oauth/v2/revoke");
const QString kUserinfo = QStringLiteral("GET /v2/userinfo");
const QString kAcls = QStringLiteral("GET /rest/organizationAcls");
const QString kOrganization = QStringLiteral("GET /rest/organizations/:id");
const QString kImages = QStringLiteral("POST /rest/images");
const QString kImage = QStringLiteral("GET /rest/images/:urn");
const QString kUpload = QStringLiteral("PUT /dms-uploads");
const QString kDownload = QStringLiteral("GET /dms/image");
const QString kCreate = QStringLiteral("POST /rest/posts");
const QString kFind = QStringLiteral("GET /rest/posts");
const QString kPost = QStringLiteral("GET /rest/posts/:urn");
const QString kComment = QStringLiteral("POST /rest/socialActions/:urn/comments");
const QString kComments = QStringLiteral("GET /rest/socialActions/:urn/comments");
const QStringList kEndpoints = {kUserinfo, kAcls, kOrganization, kImages, kImage, kUpload, kCreate, kFind, kPost, kComment, kComments};

const QString kPersonPrefix = QStringLiteral("urn:li:person:");
const QString kOrganizationPrefix = QStringLiteral("urn:li:organization:");
const QString kSharePrefix = QStringLiteral("urn:li:share:");
const QString kImagePrefix = QStringLiteral("urn:li:image:");
const QString kCodeNotFound = QStringLiteral("Unable to retrieve access token: authorization code not found");
const QString kCodeMismatch = QStringLiteral("Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization "
                                             "code. Or authorization code expired. Or external member binding exists");
const QString kRefreshInvalid = QStringLiteral("The provided authorization grant or refresh token is invalid, expired or revoked");
constexpr int kMaxGifFrames = 250;
constexpr qint64 kDownloadTtlMs = qint64(60) * 86400 * 1000;

// LinkedIn's error body: {"status","serviceErrorCode","code","message"}; serviceErrorCode left out when
// negative (the gateway's version answers carry none).
HttpResponse liError(int status, int serviceErrorCode, const QString &code, const QString &message)
{
    QJsonObject o{{QStringLiteral("status"), status}, {QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (serviceErrorCode >= 0)
        o.insert(QStringLiteral("serviceErrorCode"), serviceErrorCode);
    return HttpResponse::json(status, compact(o));
}

// A field LinkedIn refuses: {"errorDetailType","message","errorDetails":{"inputErrors":[…]},"status"}.
HttpResponse inputError(int status, const QString &code, const QString &field, const QString &description)
{
    const QJsonObject input = field.isEmpty() ? QJsonObject{}
                                              : QJsonObject{{QStringLiteral("inputPath"), QJsonObject{{QStringLiteral("fieldPath"), field}}}};
    const QJsonObject error{{QStringLiteral("description"), description}, {QStringLiteral("input"), input}, {QStringLiteral("code"), code}};
    return HttpResponse::json(status, compact(QJsonObject{
                                          {QStringLiteral("errorDetailType"), QStringLiteral("com.linkedin.common.error.BadRequest")},
                                          {QStringLiteral("message"), description},
                                          {QStringLiteral("errorDetails"), QJsonObject{{QStringLiteral("inputErrors"), QJsonArray{error}}}},
                                          {QStringLiteral("status"), status}}));
}

// Rest.li's schema validation: one line per field, each ending in a newline.
HttpResponse restliInvalid(const QStringList &lines)
{
    QString message;
    for (const QString &line : lines)
        message += QStringLiteral("ERROR :: ") + line + QLatin1Char('\n');
    return HttpResponse::json(422, compact(QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("status"), 422}}));
}

QString requiredLine(const QString &field)
{
    return field + QStringLiteral(" :: field is required but not found and has no default value");
}

QString enumLine(const QString &field, const QJsonValue &value)
{
    const QString shown = value.isString() ? value.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return field + QStringLiteral(" :: \"") + shown + QStringLiteral("\" is not an enum symbol");
}

HttpResponse notFound()
{
    return liError(404, -1, QStringLiteral("NOT_FOUND"), QStringLiteral("Could not find entity"));
}

HttpResponse illegal(const QString &message)
{
    return liError(400, -1, QStringLiteral("ILLEGAL_ARGUMENT"), message);
}

HttpResponse serverError(int status)
{
    if (status == 500)
        return liError(500, -1, QStringLiteral("INTERNAL_SERVER_ERROR"), QStringLiteral("Internal Server Error"));
    if (status == 503)
        return liError(503, -1, QStringLiteral("SERVICE_UNAVAILABLE"), QStringLiteral("Service Unavailable"));
    return liError(504, -1, QStringLiteral("GATEWAY_TIMEOUT"), QStringLiteral("Gateway Timeout"));
}

HttpResponse tooMany(const QString &who)
{
    return liError(429, 101, QStringLiteral("TOO_MANY_REQUESTS"),
                   QStringLiteral("Resource level throttle %1 DAY limit for calls to this resource is reached.").arg(who));
}

HttpResponse missing(const char *parameter)
{
    return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("A required parameter \"%1\" is missing").arg(QLatin1String(parameter)));
}

HttpResponse invalidClient()
{
    return oauthError(401, QStringLiteral("invalid_client"), QStringLiteral("Client authentication failed"));
}

// The sign-in page's refusal when there is nowhere to send the member back to.
HttpResponse errorPage(const QString &why)
{
    HttpResponse r;
    r.status = 400;
    r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "text/html; charset=utf-8"));
    QByteArray text = why.toHtmlEscaped().toUtf8();
    r.body = "<!DOCTYPE html><html><head><title>LinkedIn</title></head><body><h1>Bummer, something went wrong.</h1><p>" + text
             + "</p></body></html>";
    return r;
}

HttpResponse empty(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

// Scopes as LinkedIn reads them: separated by spaces or commas; sorted, once each.
QStringList scopesOf(const QString &scope)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList out = scope.split(separators, Qt::SkipEmptyParts);
    out.sort();
    out.removeDuplicates();
    return out;
}

bool knownScope(const QString &scope)
{
    static const QStringList known = {QStringLiteral("openid"),
                                      QStringLiteral("profile"),
                                      QStringLiteral("email"),
                                      QStringLiteral("w_member_social"),
                                      QStringLiteral("r_member_social"),
                                      QStringLiteral("w_organization_social"),
                                      QStringLiteral("r_organization_social"),
                                      QStringLiteral("rw_organization_admin"),
                                      QStringLiteral("r_organization_admin")};
    return known.contains(scope);
}

bool knownRole(const QString &role)
{
    static const QStringList known = {QStringLiteral("ADMINISTRATOR"),       QStringLiteral("DIRECT_SPONSORED_CONTENT_POSTER"),
                                      QStringLiteral("RECRUITING_POSTER"),   QStringLiteral("LEAD_CAPTURE_ADMINISTRATOR"),
                                      QStringLiteral("LEAD_GEN_FORMS_MANAGER"), QStringLiteral("ANALYST"),
                                      QStringLiteral("CURATOR"),             QStringLiteral("CONTENT_ADMINISTRATOR"),
                                      QStringLiteral("CONTENT_ADMIN")};
    return known.contains(role);
}

bool knownState(const QString &state)
{
    return state == QLatin1String("APPROVED") || state == QLatin1String("REQUESTED") || state == QLatin1String("REJECTED")
           || state == QLatin1String("REVOKED");
}

bool versionFormat(const QString &version)
{
    static const QRegularExpression re(QStringLiteral(R"(^\d{6}(\.\d{2})?$)"));
    return re.match(version).hasMatch();
}

// "202604" → "20240401" as LinkedIn names versions in its messages ("Requested version 20240401 is not
// active"); "202508.02" → "20250802".
QString versionStamp(const QString &version)
{
    if (!versionFormat(version))
        return version;
    return version.left(6) + (version.size() > 6 ? version.mid(7) : QStringLiteral("01"));
}

QString personOf(const QString &urn)
{
    static const QRegularExpression re(QStringLiteral(R"(^urn:li:person:([A-Za-z0-9_-]+)$)"));
    return re.match(urn).captured(1);
}

qint64 organizationOf(const QString &urn)
{
    static const QRegularExpression re(QStringLiteral(R"(^urn:li:organization:([0-9]{1,18})$)"));
    const auto m = re.match(urn);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

bool isReserved(QChar c)
{
    switch (c.unicode()) {
    case u'\\': case u'|': case u'{': case u'}': case u'@': case u'[': case u']':
    case u'(': case u')': case u'<': case u'>': case u'#': case u'*': case u'_': case u'~':
        return true;
    default:
        return false;
    }
}

// A run of little text (escaped characters and characters not reserved) from `at`, at least one
// character: where it ends, or -1. What it reads as is appended to `shown`.
qsizetype textRun(QStringView s, qsizetype at, QString *shown)
{
    qsizetype i = at;
    while (i < s.size()) {
        if (s[i] == u'\\' && i + 1 < s.size()) {
            *shown += s[i + 1];
            i += 2;
        } else if (!isReserved(s[i])) {
            *shown += s[i];
            ++i;
        } else {
            break;
        }
    }
    return i > at ? i : -1;
}

// @[Name](urn:li:person:…) or @[Name](urn:li:organization:N): where it ends, or -1.
qsizetype mentionAt(QStringView s, qsizetype at, QString *shown)
{
    if (!s.mid(at).startsWith(u"@["))
        return -1;
    QString name;
    const qsizetype nameEnd = textRun(s, at + 2, &name);
    if (nameEnd < 0 || !s.mid(nameEnd).startsWith(u"]("))
        return -1;
    const qsizetype close = s.indexOf(u')', nameEnd + 2);
    if (close < 0)
        return -1;
    const QString urn = s.mid(nameEnd + 2, close - nameEnd - 2).toString();
    if (personOf(urn).isEmpty() && organizationOf(urn) == 0)
        return -1;
    *shown += name;
    return close + 1;
}

// {hashtag|\#|tag}, the sign also # or ＃ (U+FF03): where it ends, or -1.
qsizetype hashtagAt(QStringView s, qsizetype at, QString *shown)
{
    if (!s.mid(at).startsWith(u"{hashtag|"))
        return -1;
    qsizetype i = at + 9;
    QChar sign;
    if (s.mid(i).startsWith(u"\\#")) {
        sign = u'#';
        i += 2;
    } else if (i < s.size() && (s[i] == u'#' || s[i] == QChar(0xFF03))) {
        sign = s[i];
        ++i;
    } else {
        return -1;
    }
    if (i >= s.size() || s[i] != u'|')
        return -1;
    QString tag;
    const qsizetype end = textRun(s, i + 1, &tag);
    if (end < 0 || end >= s.size() || s[end] != u'}')
        return -1;
    *shown += sign;
    *shown += tag;
    return end + 1;
}

// The image types LinkedIn takes, by their first bytes, with their size in pixels (and a GIF's frames).
QString sniff(const QByteArray &b, int *width, int *height, int *frames)
{
    const auto u8 = [&b](qsizetype i) { return i < b.size() ? int(uchar(b[i])) : -1; };
    const auto be16 = [&u8](qsizetype i) { return u8(i) < 0 || u8(i + 1) < 0 ? -1 : (u8(i) << 8) | u8(i + 1); };
    const auto le16 = [&u8](qsizetype i) { return u8(i) < 0 || u8(i + 1) < 0 ? -1 : u8(i) | (u8(i + 1) << 8); };
    *width = *height = 0;
    *frames = 1;
    if (b.startsWith("\x89PNG\r\n\x1A\n")) {
        if (b.size() >= 24 && b.mid(12, 4) == "IHDR") {
            *width = int(std::min<quint32>((quint32(be16(16)) << 16) | quint32(be16(18)), 1u << 30));
            *height = int(std::min<quint32>((quint32(be16(20)) << 16) | quint32(be16(22)), 1u << 30));
        }
        return QStringLiteral("image/png");
    }
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a")) {
        *width = std::max(0, le16(6));
        *height = std::max(0, le16(8));
        // Count the image descriptors: past the global colour table, extensions and images are blocks
        // of sub-blocks until the trailer.
        *frames = 0;
        qsizetype i = 13;
        if (u8(10) >= 0 && (u8(10) & 0x80))
            i += 3 * (qsizetype(1) << ((u8(10) & 0x07) + 1));
        const auto skipBlocks = [&u8](qsizetype at) {
            while (u8(at) > 0)
                at += u8(at) + 1;
            return u8(at) == 0 ? at + 1 : qsizetype(-1);
        };
        while (i >= 0 && i < b.size()) {
            const int kind = u8(i);
            if (kind == 0x3B)
                break;
            if (kind == 0x21) {
                i = skipBlocks(i + 2);
            } else if (kind == 0x2C) {
                ++*frames;
                qsizetype next = i + 10;
                if (u8(i + 9) >= 0 && (u8(i + 9) & 0x80))
                    next += 3 * (qsizetype(1) << ((u8(i + 9) & 0x07) + 1));
                i = skipBlocks(next + 1); // past the LZW minimum code size
            } else {
                break;
            }
        }
        return QStringLiteral("image/gif");
    }
    if (b.startsWith("\xFF\xD8\xFF")) {
        // The frame header (SOF0–SOF15 but DHT, JPG and DAC) carries the height and width.
        qsizetype i = 2;
        while (i + 9 < b.size() && u8(i) == 0xFF) {
            const int marker = u8(i + 1);
            if (marker == 0xFF) {
                ++i;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                *height = be16(i + 5);
                *width = be16(i + 7);
                break;
            }
            const int length = be16(i + 2);
            if (length < 2)
                break;
            i += 2 + length;
        }
        return QStringLiteral("image/jpeg");
    }
    return {};
}

} // namespace

FakeLinkedIn::FakeLinkedIn(QObject *parent) : SocialFake(&m_faults, &m_stats, QStringLiteral("create"), 20261212, {}, parent)
{
    m_signingKey = QByteArray::number(m_secrets.generate64(), 36) + QByteArray::number(m_secrets.generate64(), 36);
    reset(true);
}

FakeLinkedIn::~FakeLinkedIn() = default;

FakeLinkedIn::Little FakeLinkedIn::little(QStringView s)
{
    Little out;
    qsizetype i = 0;
    while (i < s.size()) {
        QString piece;
        qsizetype next = -1;
        if (s[i] == u'\\' && i + 1 < s.size()) {
            piece = s[i + 1];
            next = i + 2;
        } else if (s[i] == u'@') {
            next = mentionAt(s, i, &piece);
        } else if (s[i] == u'{') {
            next = hashtagAt(s, i, &piece);
        } else if (!isReserved(s[i])) {
            piece = s[i];
            next = i + 1;
        }
        if (next < 0) {
            // An unescaped reserved character that begins no element: LinkedIn keeps nothing from here
            // on. Read on only to measure what the member meant to say.
            out.truncated = true;
            ++out.shownLength;
            ++i;
            continue;
        }
        if (!out.truncated) {
            out.kept += s.mid(i, next - i);
            out.shown += piece;
        }
        out.shownLength += piece.size();
        i = next;
    }
    return out;
}

void FakeLinkedIn::setClient(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void FakeLinkedIn::setMember(const Member &member)
{
    upsertById(m_members, member);
}

const FakeLinkedIn::Member *FakeLinkedIn::member(const QString &id) const
{
    return findById(m_members, id);
}

void FakeLinkedIn::setOrganization(const Organization &organization)
{
    upsertById(m_organizations, organization);
}

void FakeLinkedIn::setRole(const Role &role)
{
    for (Role &r : m_roles)
        if (r.member == role.member && r.organization == role.organization) {
            r = role;
            return;
        }
    m_roles.append(role);
}

QStringList FakeLinkedIn::activeVersions() const
{
    if (!m_activeVersions.isEmpty())
        return m_activeVersions;
    QStringList out;
    const QDate month = now().toUTC().date();
    for (int i = 0; i < 12; ++i)
        out << month.addMonths(-i).toString(QStringLiteral("yyyyMM"));
    return out;
}

void FakeLinkedIn::setDuplicateCheck(bool on, int windowS)
{
    m_duplicateCheck = on;
    m_duplicateWindowS = windowS;
}

void FakeLinkedIn::reset(bool config)
{
    m_grants.clear();
    m_access.clear();
    m_refresh.clear();
    m_codes.clear();
    m_counts.clear();
    m_posts.clear();
    m_postById.clear();
    m_copies.clear();
    m_images.clear();
    m_imageOrder.clear();
    m_comments.clear();
    m_stats = {};
    m_plan.clearNext();
    if (!config)
        return;
    m_clientId = QStringLiteral("lux-test-client");
    m_clientSecret = QStringLiteral("lux-test-secret");
    m_redirectUris.clear();
    m_members = {Member{QStringLiteral("yN4mTq2RkL"), QStringLiteral("Ada"), QStringLiteral("Lux"), QStringLiteral("ada@example.com"),
                        QStringLiteral("https://media.licdn.com/dms/image/fake/profile-displayphoto-shrink_100_100/0"), QStringLiteral("en-US")}};
    m_organizations = {Organization{2414183, QStringLiteral("LUX Test Co"), QStringLiteral("lux-test-co")}};
    m_roles = {Role{QStringLiteral("yN4mTq2RkL"), 2414183, QStringLiteral("ADMINISTRATOR"), QStringLiteral("APPROVED")}};
    m_activeVersions.clear();
    m_accessTtlS = 5'184'000;
    m_refreshTtlS = 31'536'000;
    m_codeTtlS = 1800;
    m_uploadTtlS = 3600;
    m_programmaticRefresh = true;
    m_memberReadScope = false;
    m_imageDelayMs = 300;
    m_duplicateCheck = true;
    m_duplicateWindowS = 600;
    m_measureSent = false;
    // Share on LinkedIn's published quota for posts; the rest chosen (see the header).
    m_limits.clear();
    for (const QString &key : kEndpoints)
        m_limits.insert(key, {500, 100'000});
    m_limits.insert(kCreate, {150, 100'000});
    m_authorizeAs.clear();
    m_authorizeDeny = false;
    m_faults = {};
    m_plan.seed(20261212);
    m_clock.offsetMs = 0;
}

// Share ids as LinkedIn's look (19 digits, by time) and always above the last one.
qint64 FakeLinkedIn::newId()
{
    m_lastId = std::max(m_lastId + 1, now().toMSecsSinceEpoch() << 22);
    return m_lastId;
}

QString FakeLinkedIn::newToken(int bytes)
{
    return randomToken(m_secrets, bytes);
}

QString FakeLinkedIn::uploadSignature(const QString &imageId, qint64 expiresMs) const
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(imageId.toUtf8() + '\n' + QByteArray::number(expiresMs), m_signingKey,
                                                                QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int FakeLinkedIn::copies(const QString &author, const QString &commentary) const
{
    return m_copies.value(author + QLatin1Char('\n') + commentary);
}

QList<FakeLinkedIn::Image> FakeLinkedIn::images() const
{
    QList<Image> out;
    for (const QString &id : m_imageOrder)
        out << m_images.value(id);
    return out;
}

QString FakeLinkedIn::imageStatus(const Image &image) const
{
    if (!image.uploaded.isValid())
        return QStringLiteral("WAITING_UPLOAD");
    if (now() < image.uploaded.addMSecs(m_imageDelayMs))
        return QStringLiteral("PROCESSING");
    const bool fits = !image.type.isEmpty() && image.width > 0 && image.height > 0 && qint64(image.width) * image.height < kMaxPixels
                      && (image.type != QLatin1String("image/gif") || (image.frames >= 1 && image.frames <= kMaxGifFrames));
    return fits ? QStringLiteral("AVAILABLE") : QStringLiteral("PROCESSING_FAILED");
}

const FakeLinkedIn::Image *FakeLinkedIn::imageByUrn(const QString &urn) const
{
    if (!urn.startsWith(kImagePrefix))
        return nullptr;
    const auto it = m_images.constFind(urn.mid(kImagePrefix.size()));
    return it == m_images.constEnd() ? nullptr : &*it;
}

QString FakeLinkedIn::endpointKey(const QByteArray &method, const QString &path)
{
    static const QRegularExpression entity(QStringLiteral(R"(^/rest/(posts|images|organizations)/[^/]+$)"));
    static const QRegularExpression comments(QStringLiteral(R"(^/rest/socialActions/[^/]+/comments$)"));
    const QString m = QString::fromLatin1(method);
    if (path.startsWith(QLatin1String("/dms-uploads/")))
        return m + QStringLiteral(" /dms-uploads");
    if (path.startsWith(QLatin1String("/dms/image/")))
        return m + QStringLiteral(" /dms/image");
    if (const auto e = entity.match(path); e.hasMatch())
        return m + QStringLiteral(" /rest/") + e.captured(1) + (e.captured(1) == QLatin1String("organizations") ? QStringLiteral("/:id") : QStringLiteral("/:urn"));
    if (comments.match(path).hasMatch())
        return m + QStringLiteral(" /rest/socialActions/:urn/comments");
    return m + QLatin1Char(' ') + path;
}

qint64 FakeLinkedIn::newGrant(const QString &memberId, const QStringList &scopes)
{
    const QString scope = scopes.join(QLatin1Char(','));
    // "If you request a different scope than the previously granted scope, all the previous access
    // tokens are invalidated."
    for (Grant &g : m_grants)
        if (g.memberId == memberId && g.ended == Ended::No && g.scope != scope)
            g.ended = Ended::Invalidated;
    Grant g;
    g.memberId = memberId;
    g.scope = scope;
    if (m_programmaticRefresh) {
        g.refreshToken = newToken(64);
        g.refreshExpires = now().addSecs(m_refreshTtlS);
    }
    const qint64 id = m_nextGrant++;
    m_grants.insert(id, g);
    if (!g.refreshToken.isEmpty())
        m_refresh.insert(g.refreshToken, id);
    ++m_stats.tokensIssued;
    return id;
}

FakeLinkedIn::Tokens FakeLinkedIn::mint(qint64 grant)
{
    const Grant g = m_grants.value(grant);
    const QDateTime at = now();
    QDateTime expires = at.addSecs(m_accessTtlS);
    // An access token never outlives the refresh token it came from.
    if (!g.refreshToken.isEmpty() && g.refreshExpires < expires)
        expires = g.refreshExpires;
    Tokens t;
    t.accessToken = newToken(64);
    t.scope = g.scope;
    t.expiresIn = at.secsTo(expires);
    if (!g.refreshToken.isEmpty()) {
        t.refreshToken = g.refreshToken;
        t.refreshExpiresIn = at.secsTo(g.refreshExpires);
    }
    m_access.insert(t.accessToken, {grant, expires});
    return t;
}

FakeLinkedIn::Tokens FakeLinkedIn::grant(const QString &memberId, const QString &scope)
{
    if (!member(memberId))
        setMember({memberId, QStringLiteral("Member"), memberId.right(6), {}, {}, QStringLiteral("en-US")});
    return mint(newGrant(memberId, scopesOf(scope)));
}

void FakeLinkedIn::revokeMember(const QString &memberId)
{
    for (Grant &g : m_grants)
        if (g.memberId == memberId && g.ended == Ended::No)
            g.ended = Ended::Revoked;
}

bool FakeLinkedIn::versioned(const HttpRequest &request, QString *version, HttpResponse *refusal)
{
    *version = QString::fromLatin1(request.header("linkedin-version").trimmed());
    if (version->isEmpty()) {
        ++m_stats.versionRefused;
        *refusal = liError(400, -1, QStringLiteral("VERSION_MISSING"),
                           QStringLiteral("A version must be present. Please specify a version by adding the LinkedIn-Version header."));
        return false;
    }
    const QStringList active = activeVersions();
    if (!versionFormat(*version) || !(active.contains(*version) || active.contains(version->left(6)))) {
        ++m_stats.versionRefused;
        *refusal = liError(426, -1, QStringLiteral("NONEXISTENT_VERSION"), QStringLiteral("Requested version %1 is not active").arg(versionStamp(*version)));
        return false;
    }
    if (request.header("x-restli-protocol-version").trimmed() != "2.0.0") {
        ++m_stats.versionRefused;
        *refusal = liError(400, -1, QStringLiteral("INVALID_PROTOCOL_VERSION"),
                           QStringLiteral("The X-Restli-Protocol-Version header must be 2.0.0 on versioned APIs."));
        return false;
    }
    return true;
}

bool FakeLinkedIn::authenticate(const HttpRequest &request, Caller *caller, HttpResponse *refusal) const
{
    const QByteArray header = request.header("authorization").trimmed();
    if (header.isEmpty()) {
        *refusal = liError(401, 401, QStringLiteral("EMPTY_ACCESS_TOKEN"), QStringLiteral("Empty oauth2_access_token"));
        return false;
    }
    if (!header.toLower().startsWith("bearer ")) {
        *refusal = liError(401, 401, QStringLiteral("UNKNOWN_AUTHENTICATION_SCHEMA"), QStringLiteral("Unknown authentication schema"));
        return false;
    }
    const auto access = m_access.constFind(QString::fromLatin1(header.mid(7).trimmed()));
    const auto grant = access == m_access.constEnd() ? m_grants.constEnd() : m_grants.constFind(access->grant);
    if (grant == m_grants.constEnd() || grant->ended == Ended::Invalidated) {
        *refusal = liError(401, 65600, QStringLiteral("INVALID_ACCESS_TOKEN"), QStringLiteral("Invalid access token"));
        return false;
    }
    if (grant->ended == Ended::Revoked) {
        *refusal = liError(401, 65602, QStringLiteral("REVOKED_ACCESS_TOKEN"), QStringLiteral("The token has been revoked"));
        return false;
    }
    if (now() >= access->expires) {
        *refusal = liError(401, 65601, QStringLiteral("EXPIRED_ACCESS_TOKEN"), QStringLiteral("Expired access token"));
        return false;
    }
    caller->memberId = grant->memberId;
    caller->scopes = grant->scope.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return true;
}

bool FakeLinkedIn::postingRole(const QString &memberId, qint64 organization) const
{
    for (const Role &r : m_roles)
        if (r.member == memberId && r.organization == organization && r.state == QLatin1String("APPROVED")
            && (r.role == QLatin1String("ADMINISTRATOR") || r.role == QLatin1String("DIRECT_SPONSORED_CONTENT_POSTER")
                || r.role == QLatin1String("CONTENT_ADMIN") || r.role == QLatin1String("CONTENT_ADMINISTRATOR")))
            return true;
    return false;
}

bool FakeLinkedIn::mayActAs(const Caller &caller, const QString &urn, bool write) const
{
    if (const QString person = personOf(urn); !person.isEmpty())
        return person == caller.memberId && caller.has(write ? "w_member_social" : "r_member_social");
    const qint64 organization = organizationOf(urn);
    return organization > 0 && postingRole(caller.memberId, organization) && caller.has(write ? "w_organization_social" : "r_organization_social");
}

HttpResponse FakeLinkedIn::forbidden(const QString &resource, const Caller &caller)
{
    const QString version = caller.version.isEmpty() ? QStringLiteral("NO_VERSION") : versionStamp(caller.version);
    return liError(403, 100, QStringLiteral("ACCESS_DENIED"), QStringLiteral("Not enough permissions to access: %1.%2").arg(resource, version));
}

bool FakeLinkedIn::admit(const QString &memberId, const QString &key, HttpResponse *refusal)
{
    const Limit limit = m_limits.value(key, Limit{500, 100'000});
    // The day on the fake's clock, in UTC: the counts start again at midnight UTC.
    const QString day = now().toUTC().date().toString(Qt::ISODate);
    const QString app = day + QStringLiteral("\napp\n") + key;
    const QString mine = day + QLatin1Char('\n') + memberId + QLatin1Char('\n') + key;
    if (limit.app > 0 && m_counts.value(app) >= limit.app) {
        ++m_stats.limit429;
        *refusal = tooMany(QStringLiteral("APPLICATION"));
        return false;
    }
    if (limit.member > 0 && m_counts.value(mine) >= limit.member) {
        ++m_stats.limit429;
        *refusal = tooMany(QStringLiteral("MEMBER"));
        return false;
    }
    ++m_counts[app];
    ++m_counts[mine];
    return true;
}

void FakeLinkedIn::api(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QString path = request.url.path();
    const QString key = endpointKey(request.method, path);
    m_stats.count(key);
    // The member's side of the sign-in (www.linkedin.com, not the API), and the media host: never
    // faulty, never limited.
    if (key == kAuthorize) {
        m_plan.finish(exchange, authorize(request));
        return;
    }
    if (key == kDownload) {
        m_plan.finish(exchange, download(request));
        return;
    }
    const bool tokenEndpoint = key == kToken || key == kRevoke;
    if (!tokenEndpoint && !kEndpoints.contains(key)) {
        m_plan.finish(exchange, liError(404, -1, QStringLiteral("NOT_FOUND"), QStringLiteral("No resource at %1").arg(path)));
        return;
    }
    Caller caller;
    HttpResponse refusal;
    if (path.startsWith(QLatin1String("/rest/")) && !versioned(request, &caller.version, &refusal)) {
        m_plan.finish(exchange, refusal);
        return;
    }
    if (!tokenEndpoint && !authenticate(request, &caller, &refusal)) {
        ++m_stats.unauthorized;
        m_plan.finish(exchange, refusal);
        return;
    }
    const bool scoped = m_plan.inScope(key, path, key == kCreate);
    switch (m_plan.before(exchange, key, path, scoped)) {
    case FaultPlan::Fault::Drop:
        return;
    case FaultPlan::Fault::Throttle:
        ++m_stats.injected429;
        m_plan.finish(exchange, tooMany(QStringLiteral("APPLICATION_AND_MEMBER")));
        return;
    case FaultPlan::Fault::ServerError: {
        // In turn, so that a client meets all three.
        static const int statuses[] = {500, 503, 504};
        m_plan.finish(exchange, serverError(statuses[(m_stats.serverErrors - 1) % 3]));
        return;
    }
    case FaultPlan::Fault::None:
        break;
    }
    HttpResponse response;
    if (key == kToken)
        response = token(request);
    else if (key == kRevoke)
        response = revoke(request);
    else if (key == kUpload)
        response = upload(request, caller);
    else if (admit(caller.memberId, key, &response))
        response = route(request, key, caller);
    if (response.status == 403)
        ++m_stats.forbidden;
    m_plan.after(exchange, response, key, path, scoped);
}

HttpResponse FakeLinkedIn::authorize(const HttpRequest &request)
{
    const Form query = queryOf(request);
    const QString clientId = formValue(query, "client_id");
    const QString redirect = formValue(query, "redirect_uri");
    if (clientId.isEmpty() || clientId != m_clientId)
        return errorPage(QStringLiteral("The passed in client_id is invalid \"%1\"").arg(clientId));
    if (!isHttpUrl(redirect))
        return errorPage(QStringLiteral("The redirect_uri is missing or is not an absolute URL."));
    if (!m_redirectUris.isEmpty() && !m_redirectUris.contains(redirect))
        return errorPage(QStringLiteral("The redirect_uri does not match the registered value"));

    bool hasState = false;
    const QString state = formValue(query, "state", &hasState);
    const auto back = [&](Form items) {
        if (hasState)
            items.append({QStringLiteral("state"), state});
        return found(redirectLocation(redirect, items));
    };
    const auto refuse = [&](const QString &error, const QString &description) {
        return back({{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}});
    };
    if (formValue(query, "response_type") != QLatin1String("code"))
        return refuse(QStringLiteral("invalid_request"), QStringLiteral("The response_type must be code"));
    const QStringList scopes = scopesOf(formValue(query, "scope"));
    if (scopes.isEmpty())
        return refuse(QStringLiteral("invalid_request"), QStringLiteral("A required parameter \"scope\" is missing"));
    for (const QString &s : scopes)
        if (!knownScope(s) || (s == QLatin1String("r_member_social") && !m_memberReadScope))
            return refuse(QStringLiteral("unauthorized_scope_error"), QStringLiteral("Scope \"%1\" is not authorized for your application").arg(s));
    if (m_authorizeDeny)
        return refuse(QStringLiteral("user_cancelled_authorize"), QStringLiteral("The user cancelled the authorization"));
    const QString memberId = member(m_authorizeAs) ? m_authorizeAs : m_members.value(0).id;
    const QString code = newToken(96);
    m_codes.insert(code, {clientId, redirect, scopes.join(QLatin1Char(',')), memberId, now().addSecs(m_codeTtlS), false});
    return back({{QStringLiteral("code"), code}});
}

HttpResponse FakeLinkedIn::token(const HttpRequest &request)
{
    // The parameters are read from a form body only, as LinkedIn's token endpoint reads them.
    const bool isForm = request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded");
    const Form form = isForm ? parseForm(request.body) : Form{};
    const auto answer = [](const Tokens &t) {
        QJsonObject o{{QStringLiteral("access_token"), t.accessToken},
                      {QStringLiteral("expires_in"), t.expiresIn},
                      {QStringLiteral("scope"), t.scope},
                      {QStringLiteral("token_type"), QStringLiteral("Bearer")}};
        if (!t.refreshToken.isEmpty()) {
            o.insert(QStringLiteral("refresh_token"), t.refreshToken);
            o.insert(QStringLiteral("refresh_token_expires_in"), t.refreshExpiresIn);
        }
        HttpResponse r = HttpResponse::json(200, compact(o));
        r.headers.append(std::pair<QByteArray, QByteArray>("Cache-Control", "no-store"));
        return r;
    };
    const QString grantType = formValue(form, "grant_type");
    if (grantType.isEmpty())
        return missing("grant_type");
    const bool byCode = grantType == QLatin1String("authorization_code");
    if (!byCode && grantType != QLatin1String("refresh_token"))
        return oauthError(400, QStringLiteral("unsupported_grant_type"), QStringLiteral("The grant_type \"%1\" is not supported").arg(grantType));
    const QString code = formValue(form, "code");
    const QString redirect = formValue(form, "redirect_uri");
    const QString presented = formValue(form, "refresh_token");
    if (byCode && code.isEmpty())
        return missing("code");
    if (byCode && redirect.isEmpty())
        return missing("redirect_uri");
    if (!byCode && presented.isEmpty())
        return missing("refresh_token");
    const QString clientId = formValue(form, "client_id");
    const QString clientSecret = formValue(form, "client_secret");
    if (clientId.isEmpty())
        return missing("client_id");
    if (clientSecret.isEmpty())
        return missing("client_secret");
    if (clientId != m_clientId || clientSecret != m_clientSecret)
        return invalidClient();

    if (byCode) {
        const auto it = m_codes.find(code);
        if (it == m_codes.end() || it->used) {
            ++m_stats.codesRefused;
            return oauthError(400, QStringLiteral("invalid_request"), kCodeNotFound);
        }
        if (now() >= it->expires || it->redirectUri != redirect || it->clientId != clientId) {
            ++m_stats.codesRefused;
            return oauthError(400, QStringLiteral("invalid_redirect_uri"), kCodeMismatch);
        }
        it->used = true;
        return answer(mint(newGrant(it->memberId, it->scope.split(QLatin1Char(','), Qt::SkipEmptyParts))));
    }
    const auto it = m_refresh.constFind(presented);
    const auto g = it == m_refresh.constEnd() ? m_grants.constEnd() : m_grants.constFind(*it);
    if (g == m_grants.constEnd() || g->ended != Ended::No || now() >= g->refreshExpires) {
        ++m_stats.refreshRefused;
        return oauthError(400, QStringLiteral("invalid_request"), kRefreshInvalid);
    }
    ++m_stats.refreshes;
    return answer(mint(*it)); // the same refresh token, its end unmoved
}

HttpResponse FakeLinkedIn::revoke(const HttpRequest &request)
{
    const Form form = request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded") ? parseForm(request.body) : Form{};
    const QString token = formValue(form, "token");
    if (token.isEmpty())
        return missing("token");
    if (formValue(form, "client_id").isEmpty())
        return missing("client_id");
    if (formValue(form, "client_secret").isEmpty())
        return missing("client_secret");
    if (formValue(form, "client_id") != m_clientId || formValue(form, "client_secret") != m_clientSecret)
        return invalidClient();
    qint64 grant = 0;
    if (const auto a = m_access.constFind(token); a != m_access.constEnd())
        grant = a->grant;
    else if (const auto r = m_refresh.constFind(token); r != m_refresh.constEnd())
        grant = *r;
    if (const auto g = m_grants.find(grant); g != m_grants.end() && g->ended == Ended::No)
        g->ended = Ended::Revoked;
    return empty(200);
}

HttpResponse FakeLinkedIn::route(const HttpRequest &request, const QString &key, const Caller &caller)
{
    const QString entity = request.url.path().section(QLatin1Char('/'), 3, 3);
    if (key == kUserinfo)
        return userinfo(caller);
    if (key == kAcls)
        return acls(request, caller);
    if (key == kOrganization)
        return organization(entity);
    if (key == kImages)
        return initializeUpload(request, caller);
    if (key == kImage)
        return imageLookup(entity, caller);
    if (key == kCreate)
        return createPost(request, caller);
    if (key == kFind)
        return findPosts(request, caller);
    if (key == kPost)
        return postLookup(entity, caller);
    if (key == kComment)
        return createComment(request, entity, caller);
    if (key == kComments)
        return listComments(entity, caller);
    return notFound();
}

HttpResponse FakeLinkedIn::userinfo(const Caller &caller) const
{
    if (!caller.has("openid") || !caller.has("profile"))
        return forbidden(QStringLiteral("userinfo.GET"), caller);
    const Member *m = member(caller.memberId);
    if (!m)
        return notFound();
    QJsonObject o{{QStringLiteral("sub"), m->id},
                  {QStringLiteral("name"), m->name()},
                  {QStringLiteral("given_name"), m->givenName},
                  {QStringLiteral("family_name"), m->familyName},
                  {QStringLiteral("picture"), m->picture},
                  {QStringLiteral("locale"), m->locale}};
    if (caller.has("email") && !m->email.isEmpty()) {
        o.insert(QStringLiteral("email"), m->email);
        o.insert(QStringLiteral("email_verified"), true);
    }
    return HttpResponse::json(200, compact(o));
}

HttpResponse FakeLinkedIn::acls(const HttpRequest &request, const Caller &caller) const
{
    if (!caller.has("rw_organization_admin") && !caller.has("r_organization_admin") && !caller.has("w_organization_social")
        && !caller.has("r_organization_social"))
        return forbidden(QStringLiteral("organizationAcls.FINDER-roleAssignee"), caller);
    const Form query = queryOf(request);
    if (formValue(query, "q") != QLatin1String("roleAssignee"))
        return illegal(QStringLiteral("The fake serves the roleAssignee finder (q=roleAssignee) only"));
    bool hasRole = false, hasState = false;
    const QString role = formValue(query, "role", &hasRole);
    const QString state = formValue(query, "state", &hasState);
    if ((hasRole && !knownRole(role)) || (hasState && !knownState(state)))
        return illegal(QStringLiteral("Unknown role or state"));
    const int start = std::max(0, formValue(query, "start").toInt());
    bool countGiven = false;
    int count = formValue(query, "count", &countGiven).toInt();
    if (!countGiven)
        count = 10;
    if (count < 1 || count > 100)
        return illegal(QStringLiteral("count must be between 1 and 100"));
    QJsonArray all;
    for (const Role &r : m_roles) {
        if (r.member != caller.memberId || (hasRole && r.role != role) || (hasState && r.state != state))
            continue;
        all.append(QJsonObject{{QStringLiteral("organization"), QString(kOrganizationPrefix + QString::number(r.organization))},
                               {QStringLiteral("role"), r.role},
                               {QStringLiteral("state"), r.state},
                               {QStringLiteral("roleAssignee"), QString(kPersonPrefix + r.member)}});
    }
    QJsonArray page;
    for (qsizetype i = start; i < all.size() && page.size() < count; ++i)
        page.append(all.at(i));
    return HttpResponse::json(200, compact(QJsonObject{
                                       {QStringLiteral("elements"), page},
                                       {QStringLiteral("paging"), QJsonObject{{QStringLiteral("start"), start},
                                                                              {QStringLiteral("count"), count},
                                                                              {QStringLiteral("total"), all.size()},
                                                                              {QStringLiteral("links"), QJsonArray{}}}}}));
}

HttpResponse FakeLinkedIn::organization(const QString &id) const
{
    for (const Organization &o : m_organizations)
        if (QString::number(o.id) == id)
            return HttpResponse::json(
                200, compact(QJsonObject{{QStringLiteral("id"), o.id},
                                         {QStringLiteral("localizedName"), o.name},
                                         {QStringLiteral("vanityName"), o.vanityName},
                                         {QStringLiteral("name"), QJsonObject{{QStringLiteral("localized"), QJsonObject{{QStringLiteral("en_US"), o.name}}},
                                                                              {QStringLiteral("preferredLocale"),
                                                                               QJsonObject{{QStringLiteral("country"), QStringLiteral("US")},
                                                                                           {QStringLiteral("language"), QStringLiteral("en")}}}}}}));
    return notFound();
}

HttpResponse FakeLinkedIn::initializeUpload(const HttpRequest &request, const Caller &caller)
{
    if (formValue(queryOf(request), "action") != QLatin1String("initializeUpload"))
        return illegal(QStringLiteral("The fake serves the initializeUpload action (action=initializeUpload) only"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return illegal(QStringLiteral("The body is not a JSON object: %1").arg(error.errorString()));
    const QJsonValue owner = doc.object().value(QStringLiteral("initializeUploadRequest")).toObject().value(QStringLiteral("owner"));
    if (!owner.isString())
        return restliInvalid({requiredLine(QStringLiteral("/initializeUploadRequest/owner"))});
    const QString urn = owner.toString();
    if (personOf(urn).isEmpty() && organizationOf(urn) == 0)
        return inputError(400, QStringLiteral("INVALID_URN_TYPE"), QStringLiteral("initializeUploadRequest/owner"),
                          QStringLiteral("initializeUploadRequest/owner value %1 must be a person or organization URN").arg(urn));
    if (!mayActAs(caller, urn, true))
        return forbidden(QStringLiteral("images.ACTION-initializeUpload"), caller);
    Image image;
    image.id = QStringLiteral("D4E10AQ") + randomLetters(m_secrets, 12);
    image.owner = urn;
    image.created = now();
    image.uploadExpires = image.created.addSecs(m_uploadTtlS);
    m_images.insert(image.id, image);
    m_imageOrder.append(image.id);
    ++m_stats.imagesInitialized;
    const qint64 expiresMs = image.uploadExpires.toMSecsSinceEpoch();
    const QString uploadUrl = baseUrl().toString() + QStringLiteral("/dms-uploads/sp/v2/") + image.id
                              + QStringLiteral("/uploaded-image/0?ca=vector_feedshare&cn=uploads&sync=0&v=beta&ut=")
                              + uploadSignature(image.id, expiresMs);
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("value"), QJsonObject{{QStringLiteral("uploadUrlExpiresAt"), expiresMs},
                                                                                             {QStringLiteral("uploadUrl"), uploadUrl},
                                                                                             {QStringLiteral("image"), QString(kImagePrefix + image.id)}}}}));
}

HttpResponse FakeLinkedIn::upload(const HttpRequest &request, const Caller &caller)
{
    const QString id = request.url.path().section(QLatin1Char('/'), 4, 4);
    const auto it = m_images.find(id);
    const QString signature = formValue(queryOf(request), "ut");
    if (it == m_images.end() || signature != uploadSignature(id, it->uploadExpires.toMSecsSinceEpoch()))
        return liError(403, -1, QStringLiteral("ACCESS_DENIED"), QStringLiteral("The upload URL's signature is not valid"));
    if (!mayActAs(caller, it->owner, true))
        return liError(403, 100, QStringLiteral("ACCESS_DENIED"),
                       QStringLiteral("Accessing this image resource is forbidden. Please check your permissions for this resource"));
    if (now() >= it->uploadExpires)
        return liError(400, -1, QStringLiteral("EXPIRED_UPLOAD_URL"), QStringLiteral("The upload URL is expired"));
    it->bytes = request.body;
    it->type = sniff(request.body, &it->width, &it->height, &it->frames);
    it->uploaded = now();
    ++m_stats.imagesUploaded;
    return empty(201);
}

HttpResponse FakeLinkedIn::download(const HttpRequest &request) const
{
    const auto it = m_images.constFind(request.url.path().section(QLatin1Char('/'), 3, 3));
    if (it == m_images.constEnd() || imageStatus(*it) != QLatin1String("AVAILABLE"))
        return notFound();
    HttpResponse r;
    r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", it->type.toLatin1()));
    r.body = it->bytes;
    return r;
}

QJsonObject FakeLinkedIn::imageJson(const Image &image) const
{
    const QString status = imageStatus(image);
    QJsonObject o{{QStringLiteral("id"), QString(kImagePrefix + image.id)}, {QStringLiteral("owner"), image.owner}, {QStringLiteral("status"), status}};
    if (status == QLatin1String("AVAILABLE")) {
        o.insert(QStringLiteral("downloadUrl"),
                 QString(baseUrl().toString() + QStringLiteral("/dms/image/") + image.id + QStringLiteral("/feedshare-shrink_2048_1536/0")));
        o.insert(QStringLiteral("downloadUrlExpiresAt"), image.uploaded.toMSecsSinceEpoch() + kDownloadTtlMs);
    }
    return o;
}

HttpResponse FakeLinkedIn::imageLookup(const QString &urn, const Caller &caller) const
{
    const Image *image = imageByUrn(urn);
    if (!image)
        return notFound();
    if (!mayActAs(caller, image->owner, true) && !mayActAs(caller, image->owner, false))
        return forbidden(QStringLiteral("images.GET"), caller);
    return HttpResponse::json(200, compact(imageJson(*image)));
}

HttpResponse FakeLinkedIn::createPost(const HttpRequest &request, const Caller &caller)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return illegal(QStringLiteral("The body is not a JSON object: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    const auto absent = [](const QJsonObject &in, const char *field) {
        return !in.contains(QLatin1String(field)) || in.value(QLatin1String(field)).isNull();
    };
    // Rest.li's schema first: every field missing, every enum value it does not know, in one answer.
    QStringList invalid;
    for (const char *field : {"author", "distribution", "lifecycleState", "visibility"})
        if (absent(o, field))
            invalid << requiredLine(QLatin1Char('/') + QLatin1String(field));
    const QJsonObject distribution = o.value(QStringLiteral("distribution")).toObject();
    if (!absent(o, "distribution") && absent(distribution, "feedDistribution"))
        invalid << requiredLine(QStringLiteral("/distribution/feedDistribution"));
    const auto checkEnum = [&](const QJsonValue &value, const QString &field, const QStringList &symbols) {
        if (!value.isUndefined() && !value.isNull() && !symbols.contains(value.toString()))
            invalid << enumLine(field, value);
    };
    checkEnum(o.value(QStringLiteral("visibility")), QStringLiteral("/visibility"),
              {QStringLiteral("PUBLIC"), QStringLiteral("CONNECTIONS"), QStringLiteral("LOGGED_IN"), QStringLiteral("CONTAINER")});
    checkEnum(o.value(QStringLiteral("lifecycleState")), QStringLiteral("/lifecycleState"),
              {QStringLiteral("DRAFT"), QStringLiteral("PUBLISHED"), QStringLiteral("PUBLISH_REQUESTED"), QStringLiteral("PUBLISH_FAILED")});
    checkEnum(distribution.value(QStringLiteral("feedDistribution")), QStringLiteral("/distribution/feedDistribution"),
              {QStringLiteral("MAIN_FEED"), QStringLiteral("NONE")});
    if (!invalid.isEmpty())
        return restliInvalid(invalid);

    const QString author = o.value(QStringLiteral("author")).toString();
    if (personOf(author).isEmpty() && organizationOf(author) == 0)
        return inputError(400, QStringLiteral("INVALID_URN_TYPE"), QStringLiteral("author"),
                          QStringLiteral("author value %1 must be a person or organization URN").arg(author));
    if (!mayActAs(caller, author, true))
        return forbidden(QStringLiteral("partnerApiPostsExternal.CREATE"), caller);
    const QString lifecycle = o.value(QStringLiteral("lifecycleState")).toString();
    if (lifecycle != QLatin1String("PUBLISHED"))
        return inputError(422, QStringLiteral("INVALID_VALUE_FOR_FIELD"), QStringLiteral("lifecycleState"),
                          QStringLiteral("lifecycleState can't be set to %1 (the fake publishes only)").arg(lifecycle));
    const QString visibility = o.value(QStringLiteral("visibility")).toString();
    if (visibility == QLatin1String("CONTAINER"))
        return inputError(422, QStringLiteral("INVALID_VALUE_FOR_FIELD"), QStringLiteral("visibility"),
                          QStringLiteral("visibility can't be set to CONTAINER for a feed post"));

    // Content: one picture, or 2 to 20.
    QStringList imageUrns;
    const QJsonObject content = o.value(QStringLiteral("content")).toObject();
    if (!content.isEmpty()) {
        for (auto it = content.begin(); it != content.end(); ++it)
            if (it.key() != QLatin1String("media") && it.key() != QLatin1String("multiImage"))
                return inputError(422, QStringLiteral("INVALID_VALUE_FOR_FIELD"), QStringLiteral("content"),
                                  QStringLiteral("content can't be %1 here: the fake takes media and multiImage").arg(it.key()));
        if (content.contains(QStringLiteral("media"))) {
            const QJsonValue id = content.value(QStringLiteral("media")).toObject().value(QStringLiteral("id"));
            if (!id.isString())
                return restliInvalid({requiredLine(QStringLiteral("/content/media/id"))});
            imageUrns << id.toString();
        } else {
            const QJsonArray list = content.value(QStringLiteral("multiImage")).toObject().value(QStringLiteral("images")).toArray();
            if (list.size() < 2 || list.size() > 20)
                return inputError(422, QStringLiteral("INVALID_VALUE_FOR_FIELD"), QStringLiteral("content/multiImage/images"),
                                  QStringLiteral("A multiImage post has 2 to 20 images, not %1").arg(list.size()));
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QJsonValue id = list.at(i).toObject().value(QStringLiteral("id"));
                if (!id.isString())
                    return restliInvalid({requiredLine(QStringLiteral("/content/multiImage/images/%1/id").arg(i))});
                imageUrns << id.toString();
            }
        }
    }
    for (const QString &urn : std::as_const(imageUrns)) {
        if (!urn.startsWith(kImagePrefix))
            return inputError(400, QStringLiteral("INVALID_URN_TYPE"), QStringLiteral("content"),
                              QStringLiteral("content value %1 must be an image URN (urn:li:image:…)").arg(urn));
        const Image *image = imageByUrn(urn);
        if (!image)
            return inputError(400, QStringLiteral("INVALID_IMAGE_ID"), QStringLiteral("content"), QStringLiteral("This Image ID is invalid: %1").arg(urn));
        if (image->owner != author)
            return liError(403, 100, QStringLiteral("ACCESS_DENIED"),
                           QStringLiteral("Accessing this image resource is forbidden. Please check your permissions for this resource"));
        const QString status = imageStatus(*image);
        if (status == QLatin1String("WAITING_UPLOAD"))
            return inputError(400, QStringLiteral("MEDIA_ASSET_WAITING_UPLOAD"), QStringLiteral("content"), QStringLiteral("Media asset is waiting upload"));
        if (status == QLatin1String("PROCESSING"))
            return inputError(400, QStringLiteral("MEDIA_ASSET_PROCESSING"), QStringLiteral("content"), QStringLiteral("Media asset is processing"));
        if (status == QLatin1String("PROCESSING_FAILED"))
            return inputError(400, QStringLiteral("MEDIA_ASSET_PROCESSING_FAILED"), QStringLiteral("content"),
                              QStringLiteral("Media asset failed processing"));
    }

    // The commentary: little text, measured, then kept as LinkedIn keeps it.
    const QString commentary = o.value(QStringLiteral("commentary")).toString();
    const Little parsed = little(commentary);
    const qsizetype length = m_measureSent ? commentary.size() : parsed.shownLength;
    if (length > kMaxCommentary)
        return inputError(422, QStringLiteral("FIELD_LENGTH_TOO_LONG"), QStringLiteral("commentary"),
                          QStringLiteral("commentary length %1 can't exceeded maximum %2 length").arg(length).arg(kMaxCommentary));
    if (commentary.isEmpty() && imageUrns.isEmpty())
        return inputError(422, QStringLiteral("INVALID_VALUE_BLANK_FIELD"), QStringLiteral("commentary"), QStringLiteral("commentary can't be blank"));
    const QDateTime at = now();
    if (m_duplicateCheck) {
        const QDateTime since = at.addSecs(-m_duplicateWindowS);
        for (auto it = m_posts.crbegin(); it != m_posts.crend() && it->created > since; ++it)
            if (it->author == author && it->little.kept == parsed.kept && it->images == imageUrns) {
                ++m_stats.duplicates;
                const QJsonObject inputErrorObject{{QStringLiteral("description"), QStringLiteral("Duplicate post is detected")},
                                                   {QStringLiteral("input"), QJsonObject{}},
                                                   {QStringLiteral("code"), QStringLiteral("DUPLICATE_POST")}};
                return HttpResponse::json(
                    422, compact(QJsonObject{
                             {QStringLiteral("errorDetailType"), QStringLiteral("com.linkedin.common.error.BadRequest")},
                             {QStringLiteral("message"),
                              QString(QStringLiteral("com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ") + it->id)},
                             {QStringLiteral("errorDetails"), QJsonObject{{QStringLiteral("inputErrors"), QJsonArray{inputErrorObject}}}},
                             {QStringLiteral("status"), 422}}));
            }
    }
    Post p;
    p.id = kSharePrefix + QString::number(newId());
    p.author = author;
    p.commentary = commentary;
    p.little = parsed;
    p.visibility = visibility;
    p.distribution = distribution;
    p.content = content;
    p.reshareDisabled = o.value(QStringLiteral("isReshareDisabledByAuthor")).toBool();
    p.images = imageUrns;
    p.created = at;
    m_postById.insert(p.id, m_posts.size());
    m_posts.append(p);
    ++m_copies[p.author + QLatin1Char('\n') + p.commentary];
    ++m_stats.created;
    if (parsed.truncated)
        ++m_stats.truncated;
    HttpResponse r = empty(201);
    r.headers.append(std::pair<QByteArray, QByteArray>("x-restli-id", p.id.toUtf8()));
    return r;
}

QJsonObject FakeLinkedIn::postJson(const Post &post) const
{
    const qint64 ms = post.created.toMSecsSinceEpoch();
    QJsonObject o{{QStringLiteral("id"), post.id},
                  {QStringLiteral("author"), post.author},
                  {QStringLiteral("commentary"), post.little.kept},
                  {QStringLiteral("visibility"), post.visibility},
                  {QStringLiteral("distribution"), post.distribution},
                  {QStringLiteral("lifecycleState"), QStringLiteral("PUBLISHED")},
                  {QStringLiteral("lifecycleStateInfo"), QJsonObject{{QStringLiteral("isEditedByAuthor"), false}}},
                  {QStringLiteral("isReshareDisabledByAuthor"), post.reshareDisabled},
                  {QStringLiteral("createdAt"), ms},
                  {QStringLiteral("publishedAt"), ms},
                  {QStringLiteral("lastModifiedAt"), ms}};
    if (!post.content.isEmpty())
        o.insert(QStringLiteral("content"), post.content);
    return o;
}

HttpResponse FakeLinkedIn::findPosts(const HttpRequest &request, const Caller &caller) const
{
    const Form query = queryOf(request);
    if (formValue(query, "q") != QLatin1String("author"))
        return illegal(QStringLiteral("The fake serves the author finder (q=author) only"));
    const QString author = formValue(query, "author");
    if (personOf(author).isEmpty() && organizationOf(author) == 0)
        return illegal(QStringLiteral("author must be a person or organization URN"));
    if (!mayActAs(caller, author, false))
        return forbidden(QStringLiteral("partnerApiPostsExternal.FINDER-author"), caller);
    bool given = false;
    int count = formValue(query, "count", &given).toInt();
    if (!given)
        count = 10;
    const int start = formValue(query, "start").toInt();
    if (count < 1 || count > 100 || start < 0)
        return illegal(QStringLiteral("count must be between 1 and 100 and start not negative"));
    const QString sortBy = formValue(query, "sortBy", &given);
    if (given && sortBy != QLatin1String("LAST_MODIFIED") && sortBy != QLatin1String("CREATED"))
        return illegal(QStringLiteral("sortBy must be LAST_MODIFIED or CREATED"));
    // Posts are never edited here, so both orders are newest first.
    QList<const Post *> mine;
    for (auto it = m_posts.crbegin(); it != m_posts.crend(); ++it)
        if (it->author == author)
            mine << &*it;
    QJsonArray elements;
    for (qsizetype i = start; i < mine.size() && elements.size() < count; ++i)
        elements.append(postJson(*mine.at(i)));
    QJsonArray links;
    if (start + count < mine.size())
        links.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("application/json")},
                                 {QStringLiteral("rel"), QStringLiteral("next")},
                                 {QStringLiteral("href"), QStringLiteral("/rest/posts?author=%1&count=%2&q=author&sortBy=%3&start=%4")
                                                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(author)))
                                                              .arg(count)
                                                              .arg(sortBy.isEmpty() ? QStringLiteral("LAST_MODIFIED") : sortBy)
                                                              .arg(start + count)}});
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("elements"), elements},
                                                       {QStringLiteral("paging"), QJsonObject{{QStringLiteral("start"), start},
                                                                                              {QStringLiteral("count"), count},
                                                                                              {QStringLiteral("total"), mine.size()},
                                                                                              {QStringLiteral("links"), links}}}}));
}

HttpResponse FakeLinkedIn::postLookup(const QString &urn, const Caller &caller) const
{
    const auto it = m_postById.constFind(urn);
    if (it == m_postById.constEnd())
        return notFound();
    const Post &post = m_posts.at(*it);
    if (!mayActAs(caller, post.author, false))
        return forbidden(QStringLiteral("partnerApiPostsExternal.GET"), caller);
    return HttpResponse::json(200, compact(postJson(post)));
}

QJsonObject FakeLinkedIn::commentJson(const Comment &comment) const
{
    const QJsonObject stamp{{QStringLiteral("actor"), comment.actor}, {QStringLiteral("time"), comment.created.toMSecsSinceEpoch()}};
    return QJsonObject{{QStringLiteral("id"), comment.id},
                       {QStringLiteral("commentUrn"), QStringLiteral("urn:li:comment:(%1,%2)").arg(comment.post, comment.id)},
                       {QStringLiteral("actor"), comment.actor},
                       {QStringLiteral("object"), comment.post},
                       {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), comment.text}, {QStringLiteral("attributes"), QJsonArray{}}}},
                       {QStringLiteral("created"), stamp},
                       {QStringLiteral("lastModified"), stamp}};
}

HttpResponse FakeLinkedIn::createComment(const HttpRequest &request, const QString &postUrn, const Caller &caller)
{
    if (!m_postById.contains(postUrn))
        return notFound();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return illegal(QStringLiteral("The body is not a JSON object: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    QStringList invalid;
    if (!o.value(QStringLiteral("actor")).isString())
        invalid << requiredLine(QStringLiteral("/actor"));
    if (!o.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).isString())
        invalid << requiredLine(QStringLiteral("/message/text"));
    if (!invalid.isEmpty())
        return restliInvalid(invalid);
    const QString actor = o.value(QStringLiteral("actor")).toString();
    const QJsonValue object = o.value(QStringLiteral("object"));
    if (object.isString() && object.toString() != postUrn)
        return inputError(400, QStringLiteral("INVALID_VALUE_FOR_FIELD"), QStringLiteral("object"),
                          QStringLiteral("object %1 is not the post of the path, %2").arg(object.toString(), postUrn));
    if (!mayActAs(caller, actor, true))
        return forbidden(QStringLiteral("partnerApiSocialActions.CREATE"), caller);
    const QString text = o.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString();
    if (text.trimmed().isEmpty())
        return inputError(422, QStringLiteral("INVALID_VALUE_BLANK_FIELD"), QStringLiteral("message/text"), QStringLiteral("message/text can't be blank"));
    if (text.size() > kMaxComment)
        return inputError(422, QStringLiteral("FIELD_LENGTH_TOO_LONG"), QStringLiteral("message/text"),
                          QStringLiteral("message/text length %1 can't exceeded maximum %2 length").arg(text.size()).arg(kMaxComment));
    Comment c;
    c.id = QString::number(newId());
    c.post = postUrn;
    c.actor = actor;
    c.text = text;
    c.created = now();
    m_comments.append(c);
    ++m_stats.comments;
    HttpResponse r = HttpResponse::json(201, compact(commentJson(c)));
    r.headers.append(std::pair<QByteArray, QByteArray>("x-restli-id", c.id.toUtf8()));
    return r;
}

HttpResponse FakeLinkedIn::listComments(const QString &postUrn, const Caller &caller) const
{
    const auto it = m_postById.constFind(postUrn);
    if (it == m_postById.constEnd())
        return notFound();
    if (!mayActAs(caller, m_posts.at(*it).author, false))
        return forbidden(QStringLiteral("partnerApiSocialActions.GET"), caller);
    QJsonArray elements;
    for (const Comment &c : m_comments)
        if (c.post == postUrn)
            elements.append(commentJson(c));
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("elements"), elements},
                                                       {QStringLiteral("paging"), QJsonObject{{QStringLiteral("start"), 0},
                                                                                              {QStringLiteral("count"), elements.size()},
                                                                                              {QStringLiteral("total"), elements.size()},
                                                                                              {QStringLiteral("links"), QJsonArray{}}}}}));
}

QJsonObject FakeLinkedIn::statsJson() const
{
    return QJsonObject{{QStringLiteral("requests"), m_stats.requests},
                       {QStringLiteral("paths"), pathsJson(m_stats.paths)},
                       {QStringLiteral("created"), m_stats.created},
                       {QStringLiteral("comments"), m_stats.comments},
                       {QStringLiteral("images_initialized"), m_stats.imagesInitialized},
                       {QStringLiteral("images_uploaded"), m_stats.imagesUploaded},
                       {QStringLiteral("truncated"), m_stats.truncated},
                       {QStringLiteral("duplicates_refused"), m_stats.duplicates},
                       {QStringLiteral("limit_429s"), m_stats.limit429},
                       {QStringLiteral("faults"), faultsJson(m_stats.serverErrors, m_stats.injected429, m_stats.dropped, m_stats.lost, m_stats.slow)},
                       {QStringLiteral("tokens_issued"), m_stats.tokensIssued},
                       {QStringLiteral("token_refreshes"), m_stats.refreshes},
                       {QStringLiteral("refresh_refused"), m_stats.refreshRefused},
                       {QStringLiteral("codes_refused"), m_stats.codesRefused},
                       {QStringLiteral("unauthorized"), m_stats.unauthorized},
                       {QStringLiteral("forbidden"), m_stats.forbidden},
                       {QStringLiteral("version_refused"), m_stats.versionRefused}};
}

HttpResponse FakeLinkedIn::control(const HttpRequest &request)
{
    const QString path = request.url.path();
    if (path == QLatin1String("/_fake/posts") && request.method == "GET") {
        const QString only = formValue(queryOf(request), "author");
        QJsonArray out;
        for (const Post &p : m_posts) {
            if (!only.isEmpty() && p.author != only)
                continue;
            out.append(QJsonObject{{QStringLiteral("id"), p.id},
                                   {QStringLiteral("author"), p.author},
                                   {QStringLiteral("commentary"), p.commentary},
                                   {QStringLiteral("kept"), p.little.kept},
                                   {QStringLiteral("shown"), p.little.shown},
                                   {QStringLiteral("truncated"), p.little.truncated},
                                   {QStringLiteral("images"), QJsonArray::fromStringList(p.images)},
                                   {QStringLiteral("created_ms"), p.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("copies"), copies(p.author, p.commentary)}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/images") && request.method == "GET") {
        QJsonArray out;
        for (const QString &id : m_imageOrder) {
            const Image &i = *m_images.constFind(id);
            out.append(QJsonObject{{QStringLiteral("id"), QString(kImagePrefix + i.id)},
                                   {QStringLiteral("owner"), i.owner},
                                   {QStringLiteral("status"), imageStatus(i)},
                                   {QStringLiteral("type"), i.type},
                                   {QStringLiteral("size"), i.bytes.size()},
                                   {QStringLiteral("width"), i.width},
                                   {QStringLiteral("height"), i.height},
                                   {QStringLiteral("created_ms"), i.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("uploaded_ms"), i.uploaded.isValid() ? QJsonValue(i.uploaded.toMSecsSinceEpoch()) : QJsonValue()}});
        }
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/comments") && request.method == "GET") {
        QJsonArray out;
        for (const Comment &c : m_comments)
            out.append(QJsonObject{{QStringLiteral("id"), c.id},
                                   {QStringLiteral("post"), c.post},
                                   {QStringLiteral("actor"), c.actor},
                                   {QStringLiteral("text"), c.text},
                                   {QStringLiteral("created_ms"), c.created.toMSecsSinceEpoch()}});
        return jsonList(out);
    }
    if (path == QLatin1String("/_fake/grant") && request.method == "POST") {
        QJsonObject o;
        if (!readObject(request, &o))
            return notAnObject();
        const QString id = o.value(QStringLiteral("member_id")).toString(m_members.value(0).id);
        const QStringList scopes = scopesOf(o.value(QStringLiteral("scope")).toString(kDefaultScope));
        if (id.isEmpty() || scopes.isEmpty() || !std::all_of(scopes.begin(), scopes.end(), knownScope))
            return HttpResponse::json(400, R"({"error":"member_id, and scope: LinkedIn's scopes, separated by spaces or commas"})");
        if (scopes.contains(QStringLiteral("r_member_social")) && !m_memberReadScope)
            return HttpResponse::json(400, R"({"error":"r_member_social is restricted: set member_read_scope_available first"})");
        const Tokens t = grant(id, scopes.join(QLatin1Char(' ')));
        QJsonObject out{{QStringLiteral("access_token"), t.accessToken},
                        {QStringLiteral("expires_in"), t.expiresIn},
                        {QStringLiteral("scope"), t.scope},
                        {QStringLiteral("member_id"), id}};
        if (!t.refreshToken.isEmpty()) {
            out.insert(QStringLiteral("refresh_token"), t.refreshToken);
            out.insert(QStringLiteral("refresh_token_expires_in"), t.refreshExpiresIn);
        }
        return HttpResponse::json(200, compact(out));
    }
    if (path == QLatin1String("/_fake/revoke") && request.method == "POST") {
        QJsonObject o;
        if (!readObject(request, &o))
            return notAnObject();
        if (o.contains(QStringLiteral("member_id"))) {
            revokeMember(o.value(QStringLiteral("member_id")).toString());
            return HttpResponse::json(200, "{}");
        }
        const auto a = m_access.constFind(o.value(QStringLiteral("access_token")).toString());
        if (a == m_access.constEnd())
            return HttpResponse::json(400, R"({"error":"access_token (one the fake issued) or member_id"})");
        if (const auto g = m_grants.find(a->grant); g != m_grants.end() && g->ended == Ended::No)
            g->ended = Ended::Revoked;
        return HttpResponse::json(200, "{}");
    }
    return noControl();
}

QString FakeLinkedIn::configure(const QJsonObject &o)
{
    const auto has = [&o](const char *key) { return o.contains(QLatin1String(key)); };
    // Check first: a typo must not pass quietly, and nothing changes when something is refused.
    const QJsonArray members = o.value(QStringLiteral("members")).toArray();
    for (const QJsonValue &v : members)
        if (v.toObject().value(QStringLiteral("id")).toString().isEmpty())
            return QStringLiteral("every member needs an id (the OpenID sub)");
    const QJsonArray organizations = o.value(QStringLiteral("organizations")).toArray();
    for (const QJsonValue &v : organizations)
        if (v.toObject().value(QStringLiteral("id")).toInteger() <= 0)
            return QStringLiteral("every organization needs a numeric id");
    const QJsonArray roles = o.value(QStringLiteral("roles")).toArray();
    for (const QJsonValue &v : roles) {
        const QJsonObject r = v.toObject();
        const QString role = r.value(QStringLiteral("role")).toString(QStringLiteral("ADMINISTRATOR"));
        const QString state = r.value(QStringLiteral("state")).toString(QStringLiteral("APPROVED"));
        if (r.value(QStringLiteral("member")).toString().isEmpty() || r.value(QStringLiteral("organization")).toInteger() <= 0)
            return QStringLiteral("every role needs a member and a numeric organization");
        if (!knownRole(role))
            return QStringLiteral("unknown role '%1'").arg(role);
        if (!knownState(state))
            return QStringLiteral("unknown role state '%1' (APPROVED, REQUESTED, REJECTED, REVOKED)").arg(state);
    }
    QStringList versions;
    for (const QJsonValue &v : o.value(QStringLiteral("active_versions")).toArray()) {
        if (!versionFormat(v.toString()))
            return QStringLiteral("active_versions are YYYYMM or YYYYMM.RR, not '%1'").arg(v.toString());
        versions << v.toString();
    }
    const QString measure = o.value(QStringLiteral("commentary_measure")).toString(QStringLiteral("shown"));
    if (measure != QLatin1String("shown") && measure != QLatin1String("sent"))
        return QStringLiteral("commentary_measure is shown or sent, not '%1'").arg(measure);
    const QJsonObject f = o.value(QStringLiteral("faults")).toObject();
    if (const QString refused = m_plan.check(f); !refused.isEmpty())
        return refused;

    setIfGiven(o, "client_id", &m_clientId);
    setIfGiven(o, "client_secret", &m_clientSecret);
    setIfGiven(o, "redirect_uris", &m_redirectUris);
    for (const QJsonValue &v : members) {
        const QJsonObject m = v.toObject();
        const QString id = m.value(QStringLiteral("id")).toString();
        Member updated = member(id) ? *member(id) : Member{id, QStringLiteral("Member"), id.right(6), {}, {}, QStringLiteral("en-US")};
        updated.givenName = m.value(QStringLiteral("given_name")).toString(updated.givenName);
        updated.familyName = m.value(QStringLiteral("family_name")).toString(updated.familyName);
        updated.email = m.value(QStringLiteral("email")).toString(updated.email);
        updated.picture = m.value(QStringLiteral("picture")).toString(updated.picture);
        updated.locale = m.value(QStringLiteral("locale")).toString(updated.locale);
        setMember(updated);
    }
    for (const QJsonValue &v : organizations) {
        const QJsonObject org = v.toObject();
        setOrganization({org.value(QStringLiteral("id")).toInteger(), org.value(QStringLiteral("name")).toString(),
                         org.value(QStringLiteral("vanity_name")).toString()});
    }
    for (const QJsonValue &v : roles) {
        const QJsonObject r = v.toObject();
        setRole({r.value(QStringLiteral("member")).toString(), r.value(QStringLiteral("organization")).toInteger(),
                 r.value(QStringLiteral("role")).toString(QStringLiteral("ADMINISTRATOR")), r.value(QStringLiteral("state")).toString(QStringLiteral("APPROVED"))});
    }
    if (has("active_versions"))
        m_activeVersions = versions;
    const auto integer = [&o](const char *key, qint64 fallback) { return o.value(QLatin1String(key)).toInteger(fallback); };
    m_accessTtlS = integer("access_ttl_s", m_accessTtlS);
    m_refreshTtlS = integer("refresh_ttl_s", m_refreshTtlS);
    m_codeTtlS = int(integer("code_ttl_s", m_codeTtlS));
    m_uploadTtlS = int(integer("upload_ttl_s", m_uploadTtlS));
    m_programmaticRefresh = o.value(QStringLiteral("programmatic_refresh")).toBool(m_programmaticRefresh);
    m_memberReadScope = o.value(QStringLiteral("member_read_scope_available")).toBool(m_memberReadScope);
    m_imageDelayMs = int(integer("image_delay_ms", m_imageDelayMs));
    m_duplicateCheck = o.value(QStringLiteral("duplicate_check")).toBool(m_duplicateCheck);
    m_duplicateWindowS = int(integer("duplicate_window_s", m_duplicateWindowS));
    if (has("commentary_measure"))
        m_measureSent = measure == QLatin1String("sent");
    const QJsonObject limits = o.value(QStringLiteral("limits")).toObject();
    for (auto it = limits.begin(); it != limits.end(); ++it) {
        const QJsonObject l = it.value().toObject();
        Limit &limit = m_limits[it.key()];
        limit.member = l.value(QStringLiteral("member")).toInt(limit.member);
        limit.app = l.value(QStringLiteral("app")).toInt(limit.app);
    }
    setIfGiven(o, "authorize_as", &m_authorizeAs);
    m_authorizeDeny = o.value(QStringLiteral("authorize_deny")).toBool(m_authorizeDeny);
    m_clock.configure(o);
    if (has("faults"))
        m_plan.configure(f);
    return {};
}

} // namespace lux::fakes
