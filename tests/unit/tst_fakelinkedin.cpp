// SPDX-License-Identifier: GPL-3.0-or-later
// The fake LinkedIn holds to the contract (docs: provider-contracts.md §5.3) over real HTTP on loopback:
// the sign-in from the authorization redirect to the tokens, codes used once, refresh tokens whose end
// does not move; userinfo and organization roles; the LinkedIn-Version and Rest.li headers; images from
// initializeUpload through the PUT to AVAILABLE; posts as a member and as an organization, refused
// without the role; the commentary kept as LinkedIn keeps little text (cut at the first unescaped
// reserved character, elements kept; the product's LittleText escaping kept whole by that independent
// reading) and its 3,000 characters; duplicates; listing by author with and without the read scope;
// comments; daily limits answered 429 without headers and ended by midnight UTC; each injected fault, the
// lost answer among them (the post made once, the client never told); the exactly-once record. What the
// LinkedIn channel and the crash tests are measured against must itself be right.
#include "fakelinkedin.h"
#include "social/littletext.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using lux::fakes::FakeLinkedIn;
using lux::test::HttpAnswer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
using Form = QList<std::pair<QString, QString>>;

const QString kMember = QStringLiteral("yN4mTq2RkL"); // the fake's default member, ADMINISTRATOR of kOrg
const QString kPerson = QStringLiteral("urn:li:person:yN4mTq2RkL");
const QString kOrg = QStringLiteral("urn:li:organization:2414183");
const QString kOther = QStringLiteral("Zb7wPq1XcV"); // a member without a role
const QString kRedirect = QStringLiteral("http://127.0.0.1:53682/linkedin/callback");
const QByteArray kVersion = "202601";
const QString kClient = QStringLiteral("lux-test-client");
const QString kSecret = QStringLiteral("lux-test-secret");

QByteArray encode(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form)
        out += (out.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    return out;
}

QString enc(const QString &urn)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(urn));
}

QJsonObject json(const HttpAnswer &a)
{
    return QJsonDocument::fromJson(a.body).object();
}

QString field(const HttpAnswer &a, const char *name)
{
    return json(a).value(QLatin1String(name)).toString();
}

QString inputCode(const HttpAnswer &a)
{
    return json(a)
        .value(QStringLiteral("errorDetails"))
        .toObject()
        .value(QStringLiteral("inputErrors"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QJsonObject postBody(const QString &author, const QString &commentary, const QJsonObject &content = {})
{
    QJsonObject o{{QStringLiteral("author"), author},
                  {QStringLiteral("commentary"), commentary},
                  {QStringLiteral("visibility"), QStringLiteral("PUBLIC")},
                  {QStringLiteral("distribution"), QJsonObject{{QStringLiteral("feedDistribution"), QStringLiteral("MAIN_FEED")},
                                                               {QStringLiteral("targetEntities"), QJsonArray{}},
                                                               {QStringLiteral("thirdPartyDistributionChannels"), QJsonArray{}}}},
                  {QStringLiteral("lifecycleState"), QStringLiteral("PUBLISHED")},
                  {QStringLiteral("isReshareDisabledByAuthor"), false}};
    if (!content.isEmpty())
        o.insert(QStringLiteral("content"), content);
    return o;
}

QJsonObject media(const QString &image)
{
    return QJsonObject{{QStringLiteral("media"), QJsonObject{{QStringLiteral("id"), image}, {QStringLiteral("altText"), QStringLiteral("A picture")}}}};
}

// A GIF of one frame, `width` × `height`.
QByteArray gif(int width, int height)
{
    QByteArray b("GIF89a");
    b += char(width & 0xFF);
    b += char(width >> 8);
    b += char(height & 0xFF);
    b += char(height >> 8);
    b += QByteArray("\0\0\0", 3);                                  // no global colour table
    b += QByteArray::fromHex("2c00000000") + b.mid(6, 4) + '\0'; // an image descriptor
    b += QByteArray::fromHex("0200") + ';';                       // LZW size, no data, the trailer
    return b;
}

} // namespace

class TestFakeLinkedIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void signInByRedirectAndCode();
    void authorizeRefusals();
    void refreshKeepsTheRefreshTokensEnd();
    void bearerAnswers();
    void userinfo();
    void organizationRoles();
    void versionHeaders();
    void imageUploadThenPost();
    void imageRefusals();
    void postsAsMemberAndOrganization();
    void littleTextIsKeptAsLinkedInKeepsIt();
    void productEscapingIsKeptWhole();
    void commentaryLength();
    void duplicates();
    void listingByAuthor();
    void comments();
    void dailyLimitsAndMidnightUtc();
    void injectedFaults();
    void faultsByPathAndScope();
    void seededFaultsRepeat();
    void configRefusesTypos();
    void standaloneExecutable();

private:
    QUrl url(const QString &path) const { return QUrl(m_li->baseUrl().toString() + path); }
    HttpAnswer call(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const Headers &headers = {})
    {
        return lux::test::httpRequest(*m_nam, verb, url(path), body, headers);
    }
    static Headers restHeaders(const QString &token, const QByteArray &version = kVersion)
    {
        Headers h{{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()},
                  {QByteArrayLiteral("X-Restli-Protocol-Version"), QByteArrayLiteral("2.0.0")},
                  {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        if (!version.isEmpty())
            h.append({QByteArrayLiteral("LinkedIn-Version"), version});
        return h;
    }
    HttpAnswer rest(const QString &token, const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return call(verb, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), restHeaders(token));
    }
    HttpAnswer post(const QString &token, const QString &author, const QString &commentary, const QJsonObject &content = {})
    {
        return rest(token, "POST", QStringLiteral("/rest/posts"), postBody(author, commentary, content));
    }
    HttpAnswer tokenRequest(const Form &form)
    {
        return call("POST", QStringLiteral("/oauth/v2/accessToken"), encode(form),
                    {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}});
    }
    HttpAnswer authorizeRequest(const Form &items);
    QString authorizeCode(const QString &scope, const QString &redirect = kRedirect);
    // An image made AVAILABLE (the fake's delay set to 0): its URN.
    QString availableImage(const QString &token, const QString &owner, const QByteArray &bytes = lux::test::pngHeader(1200, 627));
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QJsonArray list(const QString &path) { return control("GET", path).value(QStringLiteral("list")).toArray(); }
    QJsonObject stats() { return control("GET", QStringLiteral("/_fake/stats")); }
    QJsonObject grant(const QString &member = kMember, const QString &scope = FakeLinkedIn::kDefaultScope)
    {
        return control("POST", QStringLiteral("/_fake/grant"), {{QStringLiteral("member_id"), member}, {QStringLiteral("scope"), scope}});
    }
    QString accessToken(const QString &member = kMember, const QString &scope = FakeLinkedIn::kDefaultScope)
    {
        return grant(member, scope).value(QStringLiteral("access_token")).toString();
    }
    // A request over a socket of its own: every byte the fake answered before it closed the connection.
    QByteArray raw(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers);

    std::unique_ptr<FakeLinkedIn> m_li;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeLinkedIn::init()
{
    m_li = std::make_unique<FakeLinkedIn>();
    m_li->setActiveVersions({QString::fromLatin1(kVersion)});
    QVERIFY(m_li->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeLinkedIn::cleanup()
{
    m_nam.reset();
    m_li.reset();
}

HttpAnswer TestFakeLinkedIn::authorizeRequest(const Form &items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    QUrl u = url(QStringLiteral("/oauth/v2/authorization"));
    u.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return lux::test::httpRequest(*m_nam, "GET", u);
}

QString TestFakeLinkedIn::authorizeCode(const QString &scope, const QString &redirect)
{
    const HttpAnswer a = authorizeRequest({{QStringLiteral("response_type"), QStringLiteral("code")},
                                           {QStringLiteral("client_id"), kClient},
                                           {QStringLiteral("redirect_uri"), redirect},
                                           {QStringLiteral("state"), QStringLiteral("st")},
                                           {QStringLiteral("scope"), scope}});
    return QUrlQuery(QUrl(QString::fromUtf8(a.header("Location")))).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
}

QString TestFakeLinkedIn::availableImage(const QString &token, const QString &owner, const QByteArray &bytes)
{
    m_li->setImageDelay(0);
    const QJsonObject value = json(rest(token, "POST", QStringLiteral("/rest/images?action=initializeUpload"),
                                        {{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), owner}}}}))
                                  .value(QStringLiteral("value"))
                                  .toObject();
    const HttpAnswer put = lux::test::httpRequest(*m_nam, "PUT", QUrl(value.value(QStringLiteral("uploadUrl")).toString()), bytes,
                                                  {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
    return put.status == 201 ? value.value(QStringLiteral("image")).toString() : QString();
}

QJsonObject TestFakeLinkedIn::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const HttpAnswer a = call(method, path, method == "POST" ? QJsonDocument(body).toJson() : QByteArray(),
                              {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    if (a.status != 200)
        qWarning() << path << a.status << a.body;
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    return doc.isArray() ? QJsonObject{{QStringLiteral("list"), doc.array()}} : doc.object();
}

QByteArray TestFakeLinkedIn::raw(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_li->baseUrl().port());
    if (!socket.waitForConnected(10000))
        return "not connected";
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);
    QByteArray answer;
    (void)QTest::qWaitFor([&socket, &answer] {
        answer += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }, 10000);
    return socket.state() == QAbstractSocket::UnconnectedState ? answer + socket.readAll() : QByteArray("still open");
}

void TestFakeLinkedIn::signInByRedirectAndCode()
{
    const HttpAnswer approved = authorizeRequest({{QStringLiteral("response_type"), QStringLiteral("code")},
                                                  {QStringLiteral("client_id"), kClient},
                                                  {QStringLiteral("redirect_uri"), kRedirect},
                                                  {QStringLiteral("state"), QStringLiteral("st-42")},
                                                  {QStringLiteral("scope"), QStringLiteral("openid profile email w_member_social")}});
    QCOMPARE(approved.status, 302);
    const QUrl back(QString::fromUtf8(approved.header("Location")));
    QCOMPARE(back.adjusted(QUrl::RemoveQuery).toString(), kRedirect);
    const QUrlQuery q(back);
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-42"));
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const auto exchange = [&](const QString &redirect, const QString &secret = kSecret) {
        return tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("code"), code},
                             {QStringLiteral("redirect_uri"), redirect},
                             {QStringLiteral("client_id"), kClient},
                             {QStringLiteral("client_secret"), secret}});
    };
    // The secret is checked first; a wrong one spends nothing.
    const HttpAnswer wrongSecret = exchange(kRedirect, QStringLiteral("nope"));
    QCOMPARE(wrongSecret.status, 401);
    QCOMPARE(field(wrongSecret, "error"), QStringLiteral("invalid_client"));
    // The redirect_uri must be exactly the one authorized (a trailing slash is another).
    const HttpAnswer otherRedirect = exchange(kRedirect + QLatin1Char('/'));
    QCOMPARE(otherRedirect.status, 400);
    QCOMPARE(field(otherRedirect, "error"), QStringLiteral("invalid_redirect_uri"));

    const HttpAnswer ok = exchange(kRedirect);
    QCOMPARE(ok.status, 200);
    const QJsonObject tokens = json(ok);
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInteger(), 5'184'000);
    QCOMPARE(tokens.value(QStringLiteral("refresh_token_expires_in")).toInteger(), 31'536'000);
    QVERIFY(!tokens.value(QStringLiteral("refresh_token")).toString().isEmpty());
    QCOMPARE(tokens.value(QStringLiteral("scope")).toString(), QStringLiteral("email,openid,profile,w_member_social"));
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    const HttpAnswer me = call("GET", QStringLiteral("/v2/userinfo"), {}, {{QByteArrayLiteral("Authorization"), "Bearer " + access.toLatin1()}});
    QCOMPARE(me.status, 200);
    QCOMPARE(field(me, "sub"), kMember);

    // A code works once: LinkedIn no longer finds it.
    const HttpAnswer again = exchange(kRedirect);
    QCOMPARE(again.status, 400);
    QCOMPARE(json(again), (QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                       {QStringLiteral("error_description"),
                                        QStringLiteral("Unable to retrieve access token: authorization code not found")}}));
    // The secret is required.
    const HttpAnswer noSecret = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                              {QStringLiteral("code"), authorizeCode(QStringLiteral("openid"))},
                                              {QStringLiteral("redirect_uri"), kRedirect},
                                              {QStringLiteral("client_id"), kClient}});
    QCOMPARE(noSecret.status, 400);
    QCOMPARE(field(noSecret, "error_description"), QStringLiteral("A required parameter \"client_secret\" is missing"));

    // A code lives 30 minutes.
    const QString late = authorizeCode(QStringLiteral("openid,profile"));
    m_li->setClockOffset(1801 * 1000);
    const HttpAnswer expired = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                             {QStringLiteral("code"), late},
                                             {QStringLiteral("redirect_uri"), kRedirect},
                                             {QStringLiteral("client_id"), kClient},
                                             {QStringLiteral("client_secret"), kSecret}});
    QCOMPARE(expired.status, 400);
    QCOMPARE(field(expired, "error"), QStringLiteral("invalid_redirect_uri"));
    m_li->setClockOffset(0);

    // Without programmatic refresh (an app LinkedIn has not approved for it) there is no refresh token.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("programmatic_refresh"), false}});
    const HttpAnswer plain = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                           {QStringLiteral("code"), authorizeCode(QStringLiteral("openid profile"))},
                                           {QStringLiteral("redirect_uri"), kRedirect},
                                           {QStringLiteral("client_id"), kClient},
                                           {QStringLiteral("client_secret"), kSecret}});
    QCOMPARE(plain.status, 200);
    QVERIFY(!json(plain).contains(QStringLiteral("refresh_token")));
    QVERIFY(!json(plain).contains(QStringLiteral("refresh_token_expires_in")));
    const QJsonObject s = stats();
    QCOMPARE(s.value(QStringLiteral("tokens_issued")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("codes_refused")).toInt(), 3);
}

void TestFakeLinkedIn::authorizeRefusals()
{
    const auto items = [](const QString &redirect, const QString &scope = QStringLiteral("openid profile w_member_social"),
                          const QString &client = kClient) {
        return Form{{QStringLiteral("response_type"), QStringLiteral("code")},
                    {QStringLiteral("client_id"), client},
                    {QStringLiteral("redirect_uri"), redirect},
                    {QStringLiteral("state"), QStringLiteral("s1")},
                    {QStringLiteral("scope"), scope}};
    };
    // Another client, or a callback not registered exactly: an error page, and no redirect at all.
    const HttpAnswer otherClient = authorizeRequest(items(kRedirect, QStringLiteral("openid"), QStringLiteral("someone-else")));
    QCOMPARE(otherClient.status, 400);
    QVERIFY(otherClient.header("Location").isEmpty());
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("redirect_uris"), QJsonArray{kRedirect}}});
    const HttpAnswer unregistered = authorizeRequest(items(QStringLiteral("http://127.0.0.1:53682/other")));
    QCOMPARE(unregistered.status, 400);
    QVERIFY(unregistered.header("Location").isEmpty());
    QCOMPARE(authorizeRequest(items(kRedirect)).status, 302);

    // r_member_social is restricted: an app without it is refused, back at the callback with the state.
    const HttpAnswer restricted = authorizeRequest(items(kRedirect, QStringLiteral("openid,r_member_social")));
    QCOMPARE(restricted.status, 302);
    const QUrlQuery refused(QUrl(QString::fromUtf8(restricted.header("Location"))));
    QCOMPARE(refused.queryItemValue(QStringLiteral("error")), QStringLiteral("unauthorized_scope_error"));
    QCOMPARE(refused.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
    QVERIFY(!refused.hasQueryItem(QStringLiteral("code")));
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("member_read_scope_available"), true}});
    QVERIFY(QUrlQuery(QUrl(QString::fromUtf8(authorizeRequest(items(kRedirect, QStringLiteral("openid,r_member_social"))).header("Location"))))
                .hasQueryItem(QStringLiteral("code")));

    // The member presses Cancel.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("authorize_deny"), true}});
    const QUrlQuery denied(QUrl(QString::fromUtf8(authorizeRequest(items(kRedirect)).header("Location"))));
    QCOMPARE(denied.queryItemValue(QStringLiteral("error")), QStringLiteral("user_cancelled_authorize"));
    QVERIFY(!denied.queryItemValue(QStringLiteral("error_description")).isEmpty());
    QCOMPARE(denied.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
}

void TestFakeLinkedIn::refreshKeepsTheRefreshTokensEnd()
{
    const QDateTime start(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    m_li->setClock([start] { return start; });
    const QJsonObject first = grant();
    const QString refresh = first.value(QStringLiteral("refresh_token")).toString();
    QCOMPARE(first.value(QStringLiteral("refresh_token_expires_in")).toInteger(), 31'536'000);
    const auto refreshAt = [&](int day) {
        m_li->setClockOffset(qint64(day) * 86400 * 1000);
        return tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                             {QStringLiteral("refresh_token"), refresh},
                             {QStringLiteral("client_id"), kClient},
                             {QStringLiteral("client_secret"), kSecret}});
    };
    // Day 59: a new access token for 60 days; the refresh token the same, with 306 days left.
    const HttpAnswer day59 = refreshAt(59);
    QCOMPARE(day59.status, 200);
    QCOMPARE(field(day59, "refresh_token"), refresh);
    QVERIFY(field(day59, "access_token") != first.value(QStringLiteral("access_token")).toString());
    QCOMPARE(json(day59).value(QStringLiteral("expires_in")).toInteger(), 5'184'000);
    QCOMPARE(json(day59).value(QStringLiteral("refresh_token_expires_in")).toInteger(), qint64(306) * 86400);
    const HttpAnswer me = call("GET", QStringLiteral("/v2/userinfo"), {}, {{QByteArrayLiteral("Authorization"), "Bearer " + field(day59, "access_token").toLatin1()}});
    QCOMPARE(me.status, 200);
    // Day 360: both end in 5 days.
    const HttpAnswer day360 = refreshAt(360);
    QCOMPARE(day360.status, 200);
    QCOMPARE(json(day360).value(QStringLiteral("expires_in")).toInteger(), qint64(5) * 86400);
    QCOMPARE(json(day360).value(QStringLiteral("refresh_token_expires_in")).toInteger(), qint64(5) * 86400);
    // Day 366: the member must sign in again; the last access token has ended too.
    const HttpAnswer day366 = refreshAt(366);
    QCOMPARE(day366.status, 400);
    QCOMPARE(field(day366, "error"), QStringLiteral("invalid_request"));
    QCOMPARE(field(day366, "error_description"), QStringLiteral("The provided authorization grant or refresh token is invalid, expired or revoked"));
    const HttpAnswer ended = call("GET", QStringLiteral("/v2/userinfo"), {}, {{QByteArrayLiteral("Authorization"), "Bearer " + field(day360, "access_token").toLatin1()}});
    QCOMPARE(ended.status, 401);
    QCOMPARE(field(ended, "code"), QStringLiteral("EXPIRED_ACCESS_TOKEN"));
    QCOMPARE(stats().value(QStringLiteral("token_refreshes")).toInt(), 2);
    QCOMPARE(stats().value(QStringLiteral("refresh_refused")).toInt(), 1);
}

void TestFakeLinkedIn::bearerAnswers()
{
    const auto userinfo = [this](const QByteArray &authorization) {
        Headers h;
        if (!authorization.isEmpty())
            h.append({QByteArrayLiteral("Authorization"), authorization});
        return call("GET", QStringLiteral("/v2/userinfo"), {}, h);
    };
    QCOMPARE(field(userinfo({}), "code"), QStringLiteral("EMPTY_ACCESS_TOKEN"));
    QCOMPARE(userinfo("Basic abc").status, 401);
    const HttpAnswer unknown = userinfo("Bearer made-up");
    QCOMPARE(unknown.status, 401);
    QCOMPARE(json(unknown), (QJsonObject{{QStringLiteral("status"), 401},
                                         {QStringLiteral("serviceErrorCode"), 65600},
                                         {QStringLiteral("code"), QStringLiteral("INVALID_ACCESS_TOKEN")},
                                         {QStringLiteral("message"), QStringLiteral("Invalid access token")}}));

    // Expired.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("access_ttl_s"), 600}});
    const QString shortLived = accessToken(kOther, QStringLiteral("openid profile"));
    QCOMPARE(userinfo("Bearer " + shortLived.toLatin1()).status, 200);
    m_li->setClockOffset(601 * 1000);
    const HttpAnswer expired = userinfo("Bearer " + shortLived.toLatin1());
    QCOMPARE(expired.status, 401);
    QCOMPARE(field(expired, "code"), QStringLiteral("EXPIRED_ACCESS_TOKEN"));
    QCOMPARE(field(expired, "message"), QStringLiteral("Expired access token"));
    m_li->setClockOffset(0);
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("access_ttl_s"), 5'184'000}});

    // Revoked (the member removed the app).
    const QString token = accessToken();
    QCOMPARE(userinfo("Bearer " + token.toLatin1()).status, 200);
    control("POST", QStringLiteral("/_fake/revoke"), {{QStringLiteral("access_token"), token}});
    const HttpAnswer revoked = userinfo("Bearer " + token.toLatin1());
    QCOMPARE(revoked.status, 401);
    QCOMPARE(field(revoked, "code"), QStringLiteral("REVOKED_ACCESS_TOKEN"));
    QCOMPARE(field(revoked, "message"), QStringLiteral("The token has been revoked"));

    // A sign-in with other scopes invalidates the member's earlier tokens; the same scopes do not.
    const QString broad = accessToken(kMember, QStringLiteral("openid profile w_member_social"));
    const QString narrow = accessToken(kMember, QStringLiteral("openid profile"));
    QCOMPARE(field(userinfo("Bearer " + broad.toLatin1()), "code"), QStringLiteral("INVALID_ACCESS_TOKEN"));
    const QString same = accessToken(kMember, QStringLiteral("profile,openid"));
    QCOMPARE(userinfo("Bearer " + narrow.toLatin1()).status, 200);
    QCOMPARE(userinfo("Bearer " + same.toLatin1()).status, 200);

    // A scope missing: 403 ACCESS_DENIED, nothing made.
    const HttpAnswer denied = post(narrow, kPerson, QStringLiteral("hello"));
    QCOMPARE(denied.status, 403);
    QCOMPARE(json(denied).value(QStringLiteral("serviceErrorCode")).toInt(), 100);
    QCOMPARE(field(denied, "code"), QStringLiteral("ACCESS_DENIED"));
    QCOMPARE(field(denied, "message"), QStringLiteral("Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101"));
    QCOMPARE(m_li->stats().created, 0);
    QCOMPARE(stats().value(QStringLiteral("unauthorized")).toInt(), 6);
}

void TestFakeLinkedIn::userinfo()
{
    const HttpAnswer full = call("GET", QStringLiteral("/v2/userinfo"), {}, {{QByteArrayLiteral("Authorization"), "Bearer " + accessToken().toLatin1()}});
    QCOMPARE(full.status, 200);
    QCOMPARE(json(full), (QJsonObject{{QStringLiteral("sub"), kMember},
                                      {QStringLiteral("name"), QStringLiteral("Ada Lux")},
                                      {QStringLiteral("given_name"), QStringLiteral("Ada")},
                                      {QStringLiteral("family_name"), QStringLiteral("Lux")},
                                      {QStringLiteral("picture"), QStringLiteral("https://media.licdn.com/dms/image/fake/profile-displayphoto-shrink_100_100/0")},
                                      {QStringLiteral("locale"), QStringLiteral("en-US")},
                                      {QStringLiteral("email"), QStringLiteral("ada@example.com")},
                                      {QStringLiteral("email_verified"), true}}));
    // Without email, no email; without openid, none of it.
    const HttpAnswer noEmail = call("GET", QStringLiteral("/v2/userinfo"), {},
                                    {{QByteArrayLiteral("Authorization"), "Bearer " + accessToken(kMember, QStringLiteral("openid profile")).toLatin1()}});
    QVERIFY(!json(noEmail).contains(QStringLiteral("email")));
    const HttpAnswer noOpenid = call("GET", QStringLiteral("/v2/userinfo"), {},
                                     {{QByteArrayLiteral("Authorization"), "Bearer " + accessToken(kMember, QStringLiteral("w_member_social")).toLatin1()}});
    QCOMPARE(noOpenid.status, 403);
    QCOMPARE(field(noOpenid, "code"), QStringLiteral("ACCESS_DENIED"));
}

void TestFakeLinkedIn::organizationRoles()
{
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("organizations"), QJsonArray{QJsonObject{{QStringLiteral("id"), 5515715}, {QStringLiteral("name"), QStringLiteral("Second Shop")}}}},
             {QStringLiteral("roles"), QJsonArray{QJsonObject{{QStringLiteral("member"), kMember},
                                                              {QStringLiteral("organization"), 5515715},
                                                              {QStringLiteral("role"), QStringLiteral("ANALYST")}},
                                                  QJsonObject{{QStringLiteral("member"), kMember},
                                                              {QStringLiteral("organization"), 7777},
                                                              {QStringLiteral("state"), QStringLiteral("REQUESTED")}}}}});
    const QString token = accessToken();
    const HttpAnswer admins = rest(token, "GET", QStringLiteral("/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED"));
    QCOMPARE(admins.status, 200);
    QCOMPARE(json(admins).value(QStringLiteral("elements")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("organization"), kOrg},
                                     {QStringLiteral("role"), QStringLiteral("ADMINISTRATOR")},
                                     {QStringLiteral("state"), QStringLiteral("APPROVED")},
                                     {QStringLiteral("roleAssignee"), kPerson}}}));
    QCOMPARE(json(admins).value(QStringLiteral("paging")).toObject().value(QStringLiteral("total")).toInt(), 1);
    // Without a filter, every role of the member, whatever its state.
    QCOMPARE(json(rest(token, "GET", QStringLiteral("/rest/organizationAcls?q=roleAssignee"))).value(QStringLiteral("elements")).toArray().size(), 3);
    QCOMPARE(json(rest(token, "GET", QStringLiteral("/rest/organizationAcls?q=roleAssignee&state=APPROVED"))).value(QStringLiteral("elements")).toArray().size(), 2);
    // A member without organization scopes may not ask.
    QCOMPARE(rest(accessToken(kOther, QStringLiteral("openid profile w_member_social")), "GET", QStringLiteral("/rest/organizationAcls?q=roleAssignee")).status, 403);

    const HttpAnswer org = rest(token, "GET", QStringLiteral("/rest/organizations/2414183"));
    QCOMPARE(org.status, 200);
    QCOMPARE(json(org).value(QStringLiteral("id")).toInteger(), 2414183);
    QCOMPARE(field(org, "localizedName"), QStringLiteral("LUX Test Co"));
    QCOMPARE(field(org, "vanityName"), QStringLiteral("lux-test-co"));
    QCOMPARE(rest(token, "GET", QStringLiteral("/rest/organizations/1")).status, 404);
}

void TestFakeLinkedIn::versionHeaders()
{
    const QString token = accessToken();
    const auto acls = [&](const QByteArray &version, bool restli = true) {
        Headers h = restHeaders(token, version);
        if (!restli)
            h.removeIf([](const auto &p) { return p.first == "X-Restli-Protocol-Version"; });
        return call("GET", QStringLiteral("/rest/organizationAcls?q=roleAssignee"), {}, h);
    };
    const HttpAnswer none = acls({});
    QCOMPARE(none.status, 400);
    QCOMPARE(json(none), (QJsonObject{{QStringLiteral("status"), 400},
                                      {QStringLiteral("code"), QStringLiteral("VERSION_MISSING")},
                                      {QStringLiteral("message"),
                                       QStringLiteral("A version must be present. Please specify a version by adding the LinkedIn-Version header.")}}));
    const HttpAnswer sunset = acls("202301");
    QCOMPARE(sunset.status, 426);
    QCOMPARE(json(sunset), (QJsonObject{{QStringLiteral("status"), 426},
                                        {QStringLiteral("code"), QStringLiteral("NONEXISTENT_VERSION")},
                                        {QStringLiteral("message"), QStringLiteral("Requested version 20230101 is not active")}}));
    QCOMPARE(acls("v2").status, 426);
    QCOMPARE(acls(kVersion).status, 200);
    QCOMPARE(acls(kVersion, false).status, 400);
    // The headers come before the bearer: a sunset version is 426 even with no token at all.
    QCOMPARE(call("POST", QStringLiteral("/rest/posts"), "{}", {{QByteArrayLiteral("LinkedIn-Version"), QByteArrayLiteral("202212")}}).status, 426);
    // /v2/userinfo is not versioned.
    QCOMPARE(call("GET", QStringLiteral("/v2/userinfo"), {}, {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}}).status, 200);

    // By default the active versions are the twelve months up to the fake's own.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("active_versions"), QJsonArray{}}});
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QCOMPARE(acls(today.toString(QStringLiteral("yyyyMM")).toLatin1()).status, 200);
    QCOMPARE(acls(today.addMonths(-11).toString(QStringLiteral("yyyyMM")).toLatin1()).status, 200);
    QCOMPARE(acls(today.addMonths(-12).toString(QStringLiteral("yyyyMM")).toLatin1()).status, 426);
    QCOMPARE(acls(today.addMonths(1).toString(QStringLiteral("yyyyMM")).toLatin1()).status, 426);
    QCOMPARE(stats().value(QStringLiteral("version_refused")).toInt(), 7);
}

void TestFakeLinkedIn::imageUploadThenPost()
{
    m_li->setImageDelay(60'000);
    const QString token = accessToken();
    const HttpAnswer init = rest(token, "POST", QStringLiteral("/rest/images?action=initializeUpload"),
                                 {{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), kPerson}}}});
    QCOMPARE(init.status, 200);
    const QJsonObject value = json(init).value(QStringLiteral("value")).toObject();
    const QString image = value.value(QStringLiteral("image")).toString();
    QVERIFY2(image.startsWith(QLatin1String("urn:li:image:")), qPrintable(image));
    const QUrl uploadUrl(value.value(QStringLiteral("uploadUrl")).toString());
    QCOMPARE(uploadUrl.port(), m_li->baseUrl().port()); // on the fake's own host
    QVERIFY(QUrlQuery(uploadUrl).hasQueryItem(QStringLiteral("ut")));
    QVERIFY(value.value(QStringLiteral("uploadUrlExpiresAt")).toInteger() > QDateTime::currentMSecsSinceEpoch());

    const auto status = [&] { return field(rest(token, "GET", QStringLiteral("/rest/images/") + enc(image)), "status"); };
    QCOMPARE(status(), QStringLiteral("WAITING_UPLOAD"));
    const HttpAnswer waiting = post(token, kPerson, QStringLiteral("Too early"), media(image));
    QCOMPARE(waiting.status, 400);
    QCOMPARE(inputCode(waiting), QStringLiteral("MEDIA_ASSET_WAITING_UPLOAD"));

    // A PUT without the URL's signature is refused; with it, 201 and an empty body.
    const Headers auth{{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
    QUrl forged = uploadUrl;
    QUrlQuery forgedQuery(forged);
    forgedQuery.removeQueryItem(QStringLiteral("ut"));
    forgedQuery.addQueryItem(QStringLiteral("ut"), QStringLiteral("forged"));
    forged.setQuery(forgedQuery);
    QCOMPARE(lux::test::httpRequest(*m_nam, "PUT", forged, lux::test::pngHeader(800, 600), auth).status, 403);
    const HttpAnswer put = lux::test::httpRequest(*m_nam, "PUT", uploadUrl, lux::test::pngHeader(800, 600), auth);
    QCOMPARE(put.status, 201);
    QVERIFY(put.body.isEmpty());
    QCOMPARE(status(), QStringLiteral("PROCESSING"));
    QCOMPARE(inputCode(post(token, kPerson, QStringLiteral("Still early"), media(image))), QStringLiteral("MEDIA_ASSET_PROCESSING"));

    m_li->setClockOffset(61'000);
    const QJsonObject available = json(rest(token, "GET", QStringLiteral("/rest/images/") + enc(image)));
    QCOMPARE(available.value(QStringLiteral("status")).toString(), QStringLiteral("AVAILABLE"));
    QCOMPARE(available.value(QStringLiteral("owner")).toString(), kPerson);
    QCOMPARE(available.value(QStringLiteral("id")).toString(), image);
    const HttpAnswer downloaded = lux::test::httpRequest(*m_nam, "GET", QUrl(available.value(QStringLiteral("downloadUrl")).toString()));
    QCOMPARE(downloaded.body, lux::test::pngHeader(800, 600));

    const HttpAnswer made = post(token, kPerson, QStringLiteral("With a picture"), media(image));
    QCOMPARE(made.status, 201);
    const QJsonArray posts = list(QStringLiteral("/_fake/posts"));
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.at(0).toObject().value(QStringLiteral("images")).toArray(), QJsonArray{image});
    // Reading a member's post back needs r_member_social, which this token has not.
    QCOMPARE(rest(token, "GET", QStringLiteral("/rest/posts/") + enc(QString::fromLatin1(made.header("x-restli-id")))).status, 403);
    // An organization's picture in its post, read back.
    const QString orgImage = availableImage(token, kOrg);
    const HttpAnswer orgPost = post(token, kOrg, QStringLiteral("The page's picture"), media(orgImage));
    QCOMPARE(orgPost.status, 201);
    const QJsonObject shown = json(rest(token, "GET", QStringLiteral("/rest/posts/") + enc(QString::fromLatin1(orgPost.header("x-restli-id")))));
    QCOMPARE(shown.value(QStringLiteral("content")).toObject().value(QStringLiteral("media")).toObject().value(QStringLiteral("id")).toString(), orgImage);

    // Several pictures: 2 to 20, each the author's and AVAILABLE.
    const QString second = availableImage(token, kPerson, lux::test::jpegHeader(1080, 1080, 0, false, 256));
    const QString third = availableImage(token, kPerson, gif(400, 300));
    const auto multi = [](const QStringList &ids) {
        QJsonArray images;
        for (const QString &id : ids)
            images.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("altText"), QStringLiteral("alt")}});
        return QJsonObject{{QStringLiteral("multiImage"), QJsonObject{{QStringLiteral("images"), images}}}};
    };
    QCOMPARE(post(token, kPerson, QStringLiteral("Three"), multi({image, second, third})).status, 201);
    QCOMPARE(inputCode(post(token, kPerson, QStringLiteral("One is not multi"), multi({image}))), QStringLiteral("INVALID_VALUE_FOR_FIELD"));
    QCOMPARE(stats().value(QStringLiteral("images_initialized")).toInt(), 4);
    QCOMPARE(stats().value(QStringLiteral("images_uploaded")).toInt(), 4);
}

void TestFakeLinkedIn::imageRefusals()
{
    const QString token = accessToken();
    // Not an image by its first bytes, or over 36,152,320 pixels: processing fails.
    const auto statusOf = [&](const QByteArray &bytes) {
        m_li->setImageDelay(0);
        const QJsonObject value = json(rest(token, "POST", QStringLiteral("/rest/images?action=initializeUpload"),
                                            {{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), kOrg}}}}))
                                      .value(QStringLiteral("value"))
                                      .toObject();
        lux::test::httpRequest(*m_nam, "PUT", QUrl(value.value(QStringLiteral("uploadUrl")).toString()), bytes,
                               {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
        return std::pair(value.value(QStringLiteral("image")).toString(),
                         field(rest(token, "GET", QStringLiteral("/rest/images/") + enc(value.value(QStringLiteral("image")).toString())), "status"));
    };
    QCOMPARE(statusOf(QByteArray("%PDF-1.7 not a picture")).second, QStringLiteral("PROCESSING_FAILED"));
    QCOMPARE(statusOf(lux::test::pngHeader(5120, 7061)).second, QStringLiteral("PROCESSING_FAILED")); // 36,152,320 exactly
    const auto [fine, fineStatus] = statusOf(lux::test::pngHeader(5120, 7060));                      // 36,147,200
    QCOMPARE(fineStatus, QStringLiteral("AVAILABLE"));
    const auto [failed, failedStatus] = statusOf(lux::test::jpegHeader(8000, 5000));
    QCOMPARE(failedStatus, QStringLiteral("PROCESSING_FAILED"));
    QCOMPARE(inputCode(post(token, kOrg, QStringLiteral("Broken picture"), media(failed))), QStringLiteral("MEDIA_ASSET_PROCESSING_FAILED"));

    // An organization's picture is not the member's to post, nor an image LinkedIn never made.
    const HttpAnswer notMine = post(token, kPerson, QStringLiteral("Borrowed"), media(fine));
    QCOMPARE(notMine.status, 403);
    QCOMPARE(field(notMine, "message"), QStringLiteral("Accessing this image resource is forbidden. Please check your permissions for this resource"));
    QCOMPARE(inputCode(post(token, kPerson, QStringLiteral("Made up"), media(QStringLiteral("urn:li:image:D4E10AQnothere")))),
             QStringLiteral("INVALID_IMAGE_ID"));
    QCOMPARE(post(token, kOrg, QStringLiteral("The organization's own"), media(fine)).status, 201);
    // Only the owner may initialize for an organization.
    const QString outsider = accessToken(kOther);
    QCOMPARE(rest(outsider, "POST", QStringLiteral("/rest/images?action=initializeUpload"),
                  {{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), kOrg}}}})
                 .status,
             403);
    // The upload URL expires after an hour.
    const QJsonObject value = json(rest(token, "POST", QStringLiteral("/rest/images?action=initializeUpload"),
                                        {{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), kPerson}}}}))
                                  .value(QStringLiteral("value"))
                                  .toObject();
    m_li->setClockOffset(3601 * 1000);
    QCOMPARE(lux::test::httpRequest(*m_nam, "PUT", QUrl(value.value(QStringLiteral("uploadUrl")).toString()), lux::test::pngHeader(10, 10),
                                    {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}})
                 .status,
             400);
    QCOMPARE(m_li->stats().created, 1);
}

void TestFakeLinkedIn::postsAsMemberAndOrganization()
{
    const QString token = accessToken();
    const HttpAnswer mine = post(token, kPerson, QStringLiteral("Hello from a member"));
    QCOMPARE(mine.status, 201);
    QVERIFY(mine.body.isEmpty());
    const QString first = QString::fromLatin1(mine.header("x-restli-id"));
    QVERIFY2(QRegularExpression(QStringLiteral("^urn:li:share:[0-9]{19}$")).match(first).hasMatch(), qPrintable(first));
    const HttpAnswer ours = post(token, kOrg, QStringLiteral("Hello from the organization"));
    QCOMPARE(ours.status, 201);
    const QString second = QString::fromLatin1(ours.header("x-restli-id"));
    QVERIFY(second.mid(13).toLongLong() > first.mid(13).toLongLong()); // increasing

    // A member without a role on the page, with a role not approved or not a posting one: 403.
    const QString outsider = accessToken(kOther);
    const HttpAnswer refused = post(outsider, kOrg, QStringLiteral("Not my page"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(field(refused, "code"), QStringLiteral("ACCESS_DENIED"));
    m_li->setRole({kOther, 2414183, QStringLiteral("ADMINISTRATOR"), QStringLiteral("REQUESTED")});
    QCOMPARE(post(outsider, kOrg, QStringLiteral("Requested only")).status, 403);
    m_li->setRole({kOther, 2414183, QStringLiteral("ANALYST"), QStringLiteral("APPROVED")});
    QCOMPARE(post(outsider, kOrg, QStringLiteral("An analyst")).status, 403);
    m_li->setRole({kOther, 2414183, QStringLiteral("CONTENT_ADMIN"), QStringLiteral("APPROVED")});
    QCOMPARE(post(outsider, kOrg, QStringLiteral("A content admin")).status, 201);
    // Nobody posts as another member; the organization needs w_organization_social.
    QCOMPARE(post(outsider, kPerson, QStringLiteral("Pretending")).status, 403);
    QCOMPARE(post(accessToken(kOther, QStringLiteral("openid profile w_member_social")), kOrg, QStringLiteral("No org scope")).status, 403);

    // Rest.li's validation: every missing field named; an unknown enum value.
    QJsonObject incomplete = postBody(kPerson, QStringLiteral("x"));
    incomplete.remove(QStringLiteral("lifecycleState"));
    incomplete.remove(QStringLiteral("distribution"));
    const HttpAnswer missing = rest(token, "POST", QStringLiteral("/rest/posts"), incomplete);
    QCOMPARE(missing.status, 422);
    QCOMPARE(json(missing), (QJsonObject{{QStringLiteral("message"),
                                          QStringLiteral("ERROR :: /distribution :: field is required but not found and has no default value\n"
                                                         "ERROR :: /lifecycleState :: field is required but not found and has no default value\n")},
                                         {QStringLiteral("status"), 422}}));
    QJsonObject badEnum = postBody(kPerson, QStringLiteral("x"));
    badEnum.insert(QStringLiteral("visibility"), QStringLiteral("SECRET"));
    const HttpAnswer enumRefused = rest(token, "POST", QStringLiteral("/rest/posts"), badEnum);
    QCOMPARE(enumRefused.status, 422);
    QCOMPARE(field(enumRefused, "message"), QStringLiteral("ERROR :: /visibility :: \"SECRET\" is not an enum symbol\n"));
    QCOMPARE(inputCode(post(token, QStringLiteral("urn:li:company:1"), QStringLiteral("x"))), QStringLiteral("INVALID_URN_TYPE"));
    QCOMPARE(inputCode(post(token, kPerson, QString())), QStringLiteral("INVALID_VALUE_BLANK_FIELD"));

    const QJsonArray posts = list(QStringLiteral("/_fake/posts"));
    QCOMPARE(posts.size(), 3);
    QCOMPARE(posts.at(0).toObject().value(QStringLiteral("author")).toString(), kPerson);
    QCOMPARE(posts.at(1).toObject().value(QStringLiteral("id")).toString(), second);
    QCOMPARE(posts.at(2).toObject().value(QStringLiteral("author")).toString(), kOrg);
    QCOMPARE(list(QStringLiteral("/_fake/posts?author=") + enc(kOrg)).size(), 2);
    QCOMPARE(stats().value(QStringLiteral("forbidden")).toInt(), 5);
}

void TestFakeLinkedIn::littleTextIsKeptAsLinkedInKeepsIt()
{
    m_li->setDuplicateCheck(false);
    const QString token = accessToken();
    struct Case
    {
        QString sent, kept, shown;
    };
    const QString allEscaped = QStringLiteral(R"(Escaped \( \) \[ \] \{ \} \< \> \# \* \_ \~ \| \@ \\ all kept)");
    const QString mention = QStringLiteral("Thanks @[Ada Lux](urn:li:person:yN4mTq2RkL) and @[LUX Test Co](urn:li:organization:2414183)!");
    const QList<Case> cases = {
        {QStringLiteral("Plain text, no reserved characters."), QStringLiteral("Plain text, no reserved characters."),
         QStringLiteral("Plain text, no reserved characters.")},
        {allEscaped, allEscaped, QStringLiteral(R"(Escaped ( ) [ ] { } < > # * _ ~ | @ \ all kept)")},
        {QStringLiteral("Sale (20% off) today"), QStringLiteral("Sale "), QStringLiteral("Sale ")},
        {QStringLiteral("Launch day #launch is here"), QStringLiteral("Launch day "), QStringLiteral("Launch day ")},
        {QStringLiteral("Write to us @ the shop"), QStringLiteral("Write to us "), QStringLiteral("Write to us ")},
        {QStringLiteral("snake_case names"), QStringLiteral("snake"), QStringLiteral("snake")},
        {QStringLiteral("Great {hashtag|\\#|launch} day"), QStringLiteral("Great {hashtag|\\#|launch} day"), QStringLiteral("Great #launch day")},
        {mention, mention, QStringLiteral("Thanks Ada Lux and LUX Test Co!")},
        {QStringLiteral("Mixed \\(ok\\) then {hashtag|\\#|tag} then (cut) here"), QStringLiteral("Mixed \\(ok\\) then {hashtag|\\#|tag} then "),
         QStringLiteral("Mixed (ok) then #tag then ")},
        {QStringLiteral("Empty tag {hashtag|\\#|} cut"), QStringLiteral("Empty tag "), QStringLiteral("Empty tag ")},
        {QStringLiteral("Not a member @[Ada](urn:li:group:1) cut"), QStringLiteral("Not a member "), QStringLiteral("Not a member ")},
        {QStringLiteral("Ends with a backslash \\"), QStringLiteral("Ends with a backslash "), QStringLiteral("Ends with a backslash ")},
    };
    for (const Case &c : cases) {
        const HttpAnswer made = post(token, kOrg, c.sent);
        QVERIFY2(made.status == 201, made.body.constData());
        const QString id = QString::fromLatin1(made.header("x-restli-id"));
        // The API gives back what LinkedIn kept; the record has all three.
        QCOMPARE(field(rest(token, "GET", QStringLiteral("/rest/posts/") + enc(id)), "commentary"), c.kept);
        const QJsonObject record = list(QStringLiteral("/_fake/posts")).last().toObject();
        QCOMPARE(record.value(QStringLiteral("commentary")).toString(), c.sent);
        QCOMPARE(record.value(QStringLiteral("kept")).toString(), c.kept);
        QCOMPARE(record.value(QStringLiteral("shown")).toString(), c.shown);
        QCOMPARE(record.value(QStringLiteral("truncated")).toBool(), c.kept != c.sent);
    }
    QCOMPARE(stats().value(QStringLiteral("truncated")).toInt(), 8);
    // The same reading, in process.
    QCOMPARE(FakeLinkedIn::little(u"a_b").kept, QStringLiteral("a"));
    QCOMPARE(FakeLinkedIn::little(u"{hashtag|\uFF03|wide}").shown, QString(QChar(0xFF03) + QStringLiteral("wide")));
}

void TestFakeLinkedIn::productEscapingIsKeptWhole()
{
    // The product's LittleText and the fake's reading were written apart: whatever the product escapes,
    // LinkedIn (as the fake reads it) keeps whole and shows as it was written, at the same length.
    QRandomGenerator random(20261212);
    const QString alphabet = QStringLiteral("\\|{}@[]()<>#*_~ aZ9.,:'\"#-\u00e9\u0301\u6f22\uff03");
    for (int n = 0; n < 3000; ++n) {
        QString text;
        const int length = int(random.bounded(40));
        for (int i = 0; i < length; ++i)
            text += alphabet.at(random.bounded(int(alphabet.size())));
        const QString sent = lux::social::LittleText::escape(text);
        const FakeLinkedIn::Little read = FakeLinkedIn::little(sent);
        QVERIFY2(!read.truncated && read.kept == sent, qPrintable(sent));
        QCOMPARE(read.shown, text);
        QCOMPARE(read.shownLength, text.size());
    }
    // And over HTTP, once.
    const QString text = QStringLiteral("Sale (20% off) for #members_only @ the shop: [today] <3 ~ *yes* {x|y} \\o/");
    QCOMPARE(post(accessToken(), kOrg, lux::social::LittleText::escape(text)).status, 201);
    const QJsonObject record = list(QStringLiteral("/_fake/posts")).last().toObject();
    QCOMPARE(record.value(QStringLiteral("truncated")).toBool(), false);
    QCOMPARE(record.value(QStringLiteral("shown")).toString(), text);
}

void TestFakeLinkedIn::commentaryLength()
{
    const QString token = accessToken();
    QCOMPARE(post(token, kPerson, QString(3000, QLatin1Char('x'))).status, 201);
    const HttpAnswer over = post(token, kPerson, QString(3001, QLatin1Char('y')));
    QCOMPARE(over.status, 422);
    QCOMPARE(inputCode(over), QStringLiteral("FIELD_LENGTH_TOO_LONG"));
    // Measured as the member reads it by default: 3,000 escaped characters are 6,000 sent, and fit;
    // a hashtag element counts its sign and tag.
    const QString escaped = QString(QStringLiteral("\\(")).repeated(3000);
    QCOMPARE(post(token, kPerson, escaped).status, 201);
    QCOMPARE(post(token, kPerson, QString(2995, QLatin1Char('z')) + QStringLiteral("{hashtag|\\#|tag}")).status, 201); // 2,999
    QCOMPARE(post(token, kPerson, QString(2997, QLatin1Char('w')) + QStringLiteral("{hashtag|\\#|tag}")).status, 422); // 3,001
    // An unescaped character still counts (one): the cut does not make a long text short.
    QCOMPARE(post(token, kPerson, QStringLiteral("(") + QString(3000, QLatin1Char('v'))).status, 422);
    // Measured as sent, the escapes count too.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("commentary_measure"), QStringLiteral("sent")}});
    QCOMPARE(post(token, kPerson, QString(QStringLiteral("\\)")).repeated(1501)).status, 422);
    QCOMPARE(post(token, kPerson, QString(QStringLiteral("\\)")).repeated(1500)).status, 201);
    QCOMPARE(m_li->stats().created, 4);
}

void TestFakeLinkedIn::duplicates()
{
    const QString token = accessToken();
    const HttpAnswer first = post(token, kPerson, QStringLiteral("Spring sale: 20% off"));
    QCOMPARE(first.status, 201);
    const QString id = QString::fromLatin1(first.header("x-restli-id"));
    const HttpAnswer again = post(token, kPerson, QStringLiteral("Spring sale: 20% off"));
    QCOMPARE(again.status, 422);
    QCOMPARE(json(again),
             (QJsonObject{{QStringLiteral("errorDetailType"), QStringLiteral("com.linkedin.common.error.BadRequest")},
                          {QStringLiteral("message"), QString(QStringLiteral("com.linkedin.content.common.exception.BadRequestResponseException: "
                                                                             "Content is a duplicate of ")
                                                              + id)},
                          {QStringLiteral("errorDetails"),
                           QJsonObject{{QStringLiteral("inputErrors"), QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Duplicate post is detected")},
                                                                                             {QStringLiteral("input"), QJsonObject{}},
                                                                                             {QStringLiteral("code"), QStringLiteral("DUPLICATE_POST")}}}}}},
                          {QStringLiteral("status"), 422}}));
    // What LinkedIn keeps is compared: a text cut to the same words is the same post.
    QCOMPARE(post(token, kPerson, QStringLiteral("Spring sale: 20% off(ish)")).status, 422);
    // Another author may say the same; with a picture it is other content.
    QCOMPARE(post(token, kOrg, QStringLiteral("Spring sale: 20% off")).status, 201);
    QCOMPARE(post(token, kPerson, QStringLiteral("Spring sale: 20% off"), media(availableImage(token, kPerson))).status, 201);
    // Ten minutes later the restriction has expired.
    m_li->setClockOffset(601 * 1000);
    QCOMPARE(post(token, kPerson, QStringLiteral("Spring sale: 20% off")).status, 201);
    QCOMPARE(m_li->copies(kPerson, QStringLiteral("Spring sale: 20% off")), 3); // the one with a picture too
    // Without the check (to see what a client would do without it), the record counts copies.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("duplicate_check"), false}});
    QCOMPARE(post(token, kPerson, QStringLiteral("Spring sale: 20% off")).status, 201);
    const QJsonArray posts = list(QStringLiteral("/_fake/posts?author=") + enc(kPerson));
    QCOMPARE(posts.last().toObject().value(QStringLiteral("copies")).toInt(), 4);
    QCOMPARE(stats().value(QStringLiteral("duplicates_refused")).toInt(), 2);
}

void TestFakeLinkedIn::listingByAuthor()
{
    const QString writer = accessToken();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post(writer, kPerson, QStringLiteral("Member post %1").arg(i)).status, 201);
    QCOMPARE(post(writer, kOrg, QStringLiteral("Organization post (cut here)")).status, 201);
    const QString byMember = QStringLiteral("/rest/posts?q=author&author=%1&count=10&sortBy=LAST_MODIFIED").arg(enc(kPerson));
    const QString byOrg = QStringLiteral("/rest/posts?q=author&author=%1&count=10&sortBy=CREATED").arg(enc(kOrg));

    // A member's own posts need r_member_social, which the app does not have.
    const HttpAnswer noRead = rest(writer, "GET", byMember);
    QCOMPARE(noRead.status, 403);
    QCOMPARE(field(noRead, "message"), QStringLiteral("Not enough permissions to access: partnerApiPostsExternal.FINDER-author.20260101"));
    QCOMPARE(call("POST", QStringLiteral("/_fake/grant"), R"({"scope":"openid r_member_social"})").status, 400);
    // An organization's need r_organization_social and a role.
    const HttpAnswer orgPosts = rest(writer, "GET", byOrg);
    QCOMPARE(orgPosts.status, 200);
    QCOMPARE(json(orgPosts).value(QStringLiteral("elements")).toArray().at(0).toObject().value(QStringLiteral("commentary")).toString(),
             QStringLiteral("Organization post "));
    QCOMPARE(rest(accessToken(kOther), "GET", byOrg).status, 403);

    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("member_read_scope_available"), true}});
    const QString reader = accessToken(kMember, QStringLiteral("openid profile w_member_social r_member_social"));
    const HttpAnswer listed = rest(reader, "GET", byMember);
    QCOMPARE(listed.status, 200);
    const QJsonArray elements = json(listed).value(QStringLiteral("elements")).toArray();
    QCOMPARE(elements.size(), 3);
    const QJsonObject newest = elements.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("commentary")).toString(), QStringLiteral("Member post 2"));
    QCOMPARE(newest.value(QStringLiteral("author")).toString(), kPerson);
    QCOMPARE(newest.value(QStringLiteral("lifecycleState")).toString(), QStringLiteral("PUBLISHED"));
    QCOMPARE(newest.value(QStringLiteral("visibility")).toString(), QStringLiteral("PUBLIC"));
    QVERIFY(newest.value(QStringLiteral("createdAt")).toInteger() > 0);
    QCOMPARE(newest.value(QStringLiteral("publishedAt")).toInteger(), newest.value(QStringLiteral("createdAt")).toInteger());
    QVERIFY(newest.value(QStringLiteral("lastModifiedAt")).toInteger() >= newest.value(QStringLiteral("createdAt")).toInteger());
    QCOMPARE(elements.at(2).toObject().value(QStringLiteral("commentary")).toString(), QStringLiteral("Member post 0"));
    // Pages.
    const QJsonObject page1 = json(rest(reader, "GET", QStringLiteral("/rest/posts?q=author&author=%1&count=2").arg(enc(kPerson))));
    QCOMPARE(page1.value(QStringLiteral("elements")).toArray().size(), 2);
    const QJsonObject paging = page1.value(QStringLiteral("paging")).toObject();
    QCOMPARE(paging.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(paging.value(QStringLiteral("links")).toArray().at(0).toObject().value(QStringLiteral("rel")).toString(), QStringLiteral("next"));
    const QJsonArray page2 = json(rest(reader, "GET", QStringLiteral("/rest/posts?q=author&author=%1&count=2&start=2").arg(enc(kPerson))))
                                 .value(QStringLiteral("elements"))
                                 .toArray();
    QCOMPARE(page2.size(), 1);
    QCOMPARE(page2.at(0).toObject().value(QStringLiteral("commentary")).toString(), QStringLiteral("Member post 0"));
    QCOMPARE(rest(reader, "GET", QStringLiteral("/rest/posts?q=author&author=%1&count=101").arg(enc(kPerson))).status, 400);
    // Another member's posts are not this member's to read; unknown posts are 404.
    QCOMPARE(rest(reader, "GET", QStringLiteral("/rest/posts?q=author&author=%1").arg(enc(QStringLiteral("urn:li:person:") + kOther))).status, 403);
    QCOMPARE(rest(reader, "GET", QStringLiteral("/rest/posts/") + enc(QStringLiteral("urn:li:share:1"))).status, 404);
}

void TestFakeLinkedIn::comments()
{
    const QString token = accessToken();
    const QString postUrn = QString::fromLatin1(post(token, kOrg, QStringLiteral("Comment on me")).header("x-restli-id"));
    const QString path = QStringLiteral("/rest/socialActions/%1/comments").arg(enc(postUrn));
    const HttpAnswer made = rest(token, "POST", path,
                                 {{QStringLiteral("actor"), kOrg},
                                  {QStringLiteral("object"), postUrn},
                                  {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("First comment: details (inside)")}}}});
    QCOMPARE(made.status, 201);
    const QJsonObject comment = json(made);
    QCOMPARE(QString::fromLatin1(made.header("x-restli-id")), comment.value(QStringLiteral("id")).toString());
    QCOMPARE(comment.value(QStringLiteral("commentUrn")).toString(), QStringLiteral("urn:li:comment:(%1,%2)").arg(postUrn, comment.value(QStringLiteral("id")).toString()));
    QCOMPARE(comment.value(QStringLiteral("actor")).toString(), kOrg);
    QCOMPARE(comment.value(QStringLiteral("object")).toString(), postUrn);
    QCOMPARE(comment.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("First comment: details (inside)"));
    QCOMPARE(rest(token, "POST", path, {{QStringLiteral("actor"), kPerson}, {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("And me")}}}}).status,
             201);

    const QJsonArray listed = json(rest(token, "GET", path)).value(QStringLiteral("elements")).toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("actor")).toString(), kOrg);
    // Refusals: no such post, someone else's actor, too long, empty.
    QCOMPARE(rest(token, "POST", QStringLiteral("/rest/socialActions/%1/comments").arg(enc(QStringLiteral("urn:li:share:42"))),
                  {{QStringLiteral("actor"), kPerson}, {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}}}})
                 .status,
             404);
    QCOMPARE(rest(accessToken(kOther), "POST", path,
                  {{QStringLiteral("actor"), kOrg}, {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}}}})
                 .status,
             403);
    QCOMPARE(inputCode(rest(token, "POST", path,
                            {{QStringLiteral("actor"), kPerson},
                             {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QString(1251, QLatin1Char('c'))}}}})),
             QStringLiteral("FIELD_LENGTH_TOO_LONG"));
    QCOMPARE(rest(token, "POST", path, {{QStringLiteral("actor"), kPerson}}).status, 422);
    const QJsonArray recorded = list(QStringLiteral("/_fake/comments"));
    QCOMPARE(recorded.size(), 2);
    QCOMPARE(recorded.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("And me"));
    QCOMPARE(recorded.at(1).toObject().value(QStringLiteral("post")).toString(), postUrn);
}

void TestFakeLinkedIn::dailyLimitsAndMidnightUtc()
{
    const QDateTime evening(QDate(2026, 3, 14), QTime(23, 59, 30), Qt::UTC);
    m_li->setClock([evening] { return evening; });
    m_li->setDuplicateCheck(false);
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("POST /rest/posts"), QJsonObject{{QStringLiteral("member"), 2}, {QStringLiteral("app"), 3}}}}}});
    const QString token = accessToken();
    QCOMPARE(post(token, kPerson, QStringLiteral("one")).status, 201);
    QCOMPARE(post(token, kPerson, QStringLiteral("two")).status, 201);
    const HttpAnswer member = post(token, kPerson, QStringLiteral("three"));
    QCOMPARE(member.status, 429);
    QCOMPARE(json(member), (QJsonObject{{QStringLiteral("status"), 429},
                                        {QStringLiteral("serviceErrorCode"), 101},
                                        {QStringLiteral("code"), QStringLiteral("TOO_MANY_REQUESTS")},
                                        {QStringLiteral("message"),
                                         QStringLiteral("Resource level throttle MEMBER DAY limit for calls to this resource is reached.")}}));
    // LinkedIn sends no rate-limit headers, and no Retry-After.
    for (const auto &[name, value] : member.headers)
        QVERIFY2(name.toLower() == "content-type" || name.toLower() == "content-length", name.constData());
    // Other endpoints have their own counts; another member has theirs, until the app's is spent.
    QCOMPARE(rest(token, "GET", QStringLiteral("/rest/organizations/2414183")).status, 200);
    const QString other = accessToken(kOther);
    QCOMPARE(post(other, QStringLiteral("urn:li:person:") + kOther, QStringLiteral("mine")).status, 201);
    const HttpAnswer app = post(other, QStringLiteral("urn:li:person:") + kOther, QStringLiteral("mine again"));
    QCOMPARE(app.status, 429);
    QCOMPARE(field(app, "message"), QStringLiteral("Resource level throttle APPLICATION DAY limit for calls to this resource is reached."));
    QCOMPARE(m_li->stats().created, 3);
    QCOMPARE(stats().value(QStringLiteral("limit_429s")).toInt(), 2);
    // Midnight UTC: the counts start again.
    m_li->setClockOffset(31 * 1000);
    QCOMPARE(post(token, kPerson, QStringLiteral("a new day")).status, 201);
    QCOMPARE(post(other, QStringLiteral("urn:li:person:") + kOther, QStringLiteral("a new day")).status, 201);
}

void TestFakeLinkedIn::injectedFaults()
{
    const QString token = accessToken();
    const auto created = [this] { return m_li->stats().created; };
    // By count, through the control API: 500, 503, 504 in turn, with LinkedIn's body, nothing done.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("next"), QJsonObject{{QStringLiteral("server_error"), 3}}}}}});
    const HttpAnswer e500 = post(token, kPerson, QStringLiteral("a"));
    QCOMPARE(e500.status, 500);
    QCOMPARE(field(e500, "code"), QStringLiteral("INTERNAL_SERVER_ERROR"));
    QCOMPARE(post(token, kPerson, QStringLiteral("a")).status, 503);
    QCOMPARE(post(token, kPerson, QStringLiteral("a")).status, 504);
    QCOMPARE(created(), 0);
    QCOMPARE(post(token, kPerson, QStringLiteral("a")).status, 201); // only three
    QCOMPARE(created(), 1);

    // Throttled: 429 without headers, nothing done.
    m_li->setNextFaults(QStringLiteral("throttle"), 1);
    const HttpAnswer throttled = post(token, kPerson, QStringLiteral("b"));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(field(throttled, "code"), QStringLiteral("TOO_MANY_REQUESTS"));
    QVERIFY(throttled.header("retry-after").isEmpty());
    QCOMPARE(created(), 1);

    // Over a plain socket: QNetworkAccessManager sends a POST again by itself when its connection closes
    // without an answer, which is the client's problem (and the point of the fault).
    const Headers headers{{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()},
                          {QByteArrayLiteral("LinkedIn-Version"), kVersion},
                          {QByteArrayLiteral("X-Restli-Protocol-Version"), QByteArrayLiteral("2.0.0")},
                          {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    m_li->setNextFaults(QStringLiteral("drop"), 1);
    QCOMPARE(raw("POST", QStringLiteral("/rest/posts"), QJsonDocument(postBody(kPerson, QStringLiteral("dropped"))).toJson(), headers), QByteArray());
    QCOMPARE(created(), 1); // dropped before anything happened

    // The lost answer: the post is made once, the client hears nothing; the record shows it, once.
    m_li->setNextFaults(QStringLiteral("lose"), 1);
    QCOMPARE(raw("POST", QStringLiteral("/rest/posts"), QJsonDocument(postBody(kPerson, QStringLiteral("the lost one"))).toJson(), headers), QByteArray());
    QCOMPARE(created(), 2);
    QJsonObject lost = list(QStringLiteral("/_fake/posts")).last().toObject();
    QCOMPARE(lost.value(QStringLiteral("commentary")).toString(), QStringLiteral("the lost one"));
    QCOMPARE(lost.value(QStringLiteral("copies")).toInt(), 1);
    // Sending it again is a duplicate to LinkedIn, and still one copy.
    QCOMPARE(post(token, kPerson, QStringLiteral("the lost one")).status, 422);
    QCOMPARE(list(QStringLiteral("/_fake/posts")).last().toObject().value(QStringLiteral("copies")).toInt(), 1);

    // Slow: the answer comes, late.
    FakeLinkedIn::Faults f;
    f.slowMs = 1200;
    m_li->setFaults(f);
    m_li->setNextFaults(QStringLiteral("slow"), 1);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(post(token, kPerson, QStringLiteral("d")).status, 201);
    QVERIFY2(timer.elapsed() >= 1100, qPrintable(QString::number(timer.elapsed())));

    const QJsonObject faults = stats().value(QStringLiteral("faults")).toObject();
    QCOMPARE(faults.value(QStringLiteral("server_error")).toInt(), 3);
    QCOMPARE(faults.value(QStringLiteral("throttle")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("drop")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("lose")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("slow")).toInt(), 1);
}

void TestFakeLinkedIn::faultsByPathAndScope()
{
    const QString token = accessToken();
    // Targeted: the next image initialization fails; posts around it do not.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"),
              QJsonObject{{QStringLiteral("next"), QJsonObject{{QStringLiteral("server_error"),
                                                                QJsonObject{{QStringLiteral("count"), 1}, {QStringLiteral("path"), QStringLiteral("POST /rest/images")}}}}}}}});
    QCOMPARE(post(token, kPerson, QStringLiteral("unaffected")).status, 201);
    const QJsonObject ownerBody{{QStringLiteral("initializeUploadRequest"), QJsonObject{{QStringLiteral("owner"), kPerson}}}};
    QCOMPARE(rest(token, "POST", QStringLiteral("/rest/images?action=initializeUpload"), ownerBody).status / 100, 5);
    QCOMPARE(rest(token, "POST", QStringLiteral("/rest/images?action=initializeUpload"), ownerBody).status, 200);
    // A lost token answer: the token is minted all the same (a new sign-in is needed).
    m_li->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("/oauth/v2/accessToken"));
    const QByteArray form = encode({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                    {QStringLiteral("refresh_token"), grant().value(QStringLiteral("refresh_token")).toString()},
                                    {QStringLiteral("client_id"), kClient},
                                    {QStringLiteral("client_secret"), kSecret}});
    QCOMPARE(raw("POST", QStringLiteral("/oauth/v2/accessToken"), form,
                 {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}}),
             QByteArray());
    QCOMPARE(m_li->stats().refreshes, 1);
    // Scope "create": every POST /rest/posts fails, reads and images do not.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("scope"), QStringLiteral("create")}, {QStringLiteral("server_error"), 1}}}});
    const QString fresh = accessToken();
    QCOMPARE(rest(fresh, "GET", QStringLiteral("/rest/organizations/2414183")).status, 200);
    QCOMPARE(rest(fresh, "POST", QStringLiteral("/rest/images?action=initializeUpload"), ownerBody).status, 200);
    QCOMPARE(post(fresh, kPerson, QStringLiteral("fails")).status / 100, 5);
    QCOMPARE(m_li->stats().created, 1);
    // The headers and the bearer are checked before any fault.
    QCOMPARE(post(QStringLiteral("nope"), kPerson, QStringLiteral("x")).status, 401);
}

void TestFakeLinkedIn::seededFaultsRepeat()
{
    // The same seed, the same faults in the same places: a failing crash run can be replayed.
    m_li->setDuplicateCheck(false);
    m_li->setLimit(QStringLiteral("POST /rest/posts"), {10'000, 100'000});
    const QString token = accessToken();
    const auto run = [&] {
        QString pattern;
        for (int i = 0; i < 60; ++i) {
            const HttpAnswer a = post(token, kPerson, QStringLiteral("m%1").arg(i));
            pattern += a.status == 201 ? QLatin1Char('.') : a.status == 429 ? QLatin1Char('t') : QLatin1Char('5');
        }
        return pattern;
    };
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("seed"), 7},
                                                    {QStringLiteral("server_error"), 0.1},
                                                    {QStringLiteral("throttle"), 0.1},
                                                    {QStringLiteral("latency_ms"), 0}}}});
    const QString first = run();
    m_li->setSeed(7);
    const QString second = run();
    QCOMPARE(second, first);
    QVERIFY2(first.contains(QLatin1Char('.')) && first.contains(QLatin1Char('5')) && first.contains(QLatin1Char('t')), qPrintable(first));
    m_li->setSeed(8);
    QVERIFY(run() != first);
}

void TestFakeLinkedIn::configRefusesTypos()
{
    const HttpAnswer badRole = call("POST", QStringLiteral("/_fake/config"),
                                    R"({"access_ttl_s":5,"roles":[{"member":"x","organization":1,"role":"OWNER"}]})");
    QCOMPARE(badRole.status, 400);
    QCOMPARE(call("POST", QStringLiteral("/_fake/config"), R"({"access_ttl_s":5,"faults":{"next":{"dorp":1}}})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/_fake/config"), R"({"access_ttl_s":5,"active_versions":["2026-01"]})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/_fake/config"), R"({"access_ttl_s":5,"commentary_measure":"bytes"})").status, 400);
    // Nothing changed.
    QCOMPARE(grant().value(QStringLiteral("expires_in")).toInteger(), 5'184'000);
    QCOMPARE(m_li->activeVersions(), QStringList{QString::fromLatin1(kVersion)});
    // A grant of a scope the app cannot have is refused too.
    QCOMPARE(call("POST", QStringLiteral("/_fake/grant"), R"({"member_id":"x","scope":"openid r_member_social"})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/_fake/grant"), R"({"member_id":"x","scope":"openid everything"})").status, 400);

    // A reset forgets posts, tokens and counts; the configuration stays unless asked.
    const QString token = accessToken();
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("duplicate_check"), false}});
    QCOMPARE(post(token, kPerson, QStringLiteral("same")).status, 201);
    control("POST", QStringLiteral("/_fake/reset"));
    QCOMPARE(list(QStringLiteral("/_fake/posts")).size(), 0);
    QCOMPARE(post(token, kPerson, QStringLiteral("same")).status, 401);
    const QString fresh = accessToken();
    QCOMPARE(post(fresh, kPerson, QStringLiteral("same")).status, 201);
    QCOMPARE(post(fresh, kPerson, QStringLiteral("same")).status, 201); // duplicate_check is still off
    control("POST", QStringLiteral("/_fake/reset"), {{QStringLiteral("config"), true}});
    m_li->setActiveVersions({QString::fromLatin1(kVersion)});
    const QString again = accessToken();
    QCOMPARE(post(again, kPerson, QStringLiteral("same")).status, 201);
    QCOMPARE(post(again, kPerson, QStringLiteral("same")).status, 422);
}

void TestFakeLinkedIn::standaloneExecutable()
{
    // lux-fake-linkedin prints its base URL and serves the same API to other processes.
    QProcess fake;
    fake.start(QStringLiteral(LUX_BINARY_DIR "/tests/fakes/lux-fake-linkedin"),
               {QStringLiteral("--client-id"), QStringLiteral("other-app"), QStringLiteral("--member"), QStringLiteral("abcDEF123:Bo:Builder"),
                QStringLiteral("--version"), QString::fromLatin1(kVersion)});
    QVERIFY2(fake.waitForStarted(), qPrintable(fake.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(fake.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(fake.readLine().trimmed()));
    QVERIFY(base.isValid() && base.port() > 0);
    const HttpAnswer granted = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/_fake/grant")),
                                                      R"({"member_id":"abcDEF123"})");
    QCOMPARE(granted.status, 200);
    const QString token = field(granted, "access_token");
    const HttpAnswer posted = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/rest/posts")),
                                                     QJsonDocument(postBody(QStringLiteral("urn:li:person:abcDEF123"), QStringLiteral("From another process"))).toJson(),
                                                     restHeaders(token));
    QCOMPARE(posted.status, 201);
    QVERIFY(posted.header("x-restli-id").startsWith("urn:li:share:"));
    const HttpAnswer me = lux::test::httpRequest(*m_nam, "GET", QUrl(base.toString() + QStringLiteral("/v2/userinfo")), {},
                                                 {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
    QCOMPARE(field(me, "name"), QStringLiteral("Bo Builder")); // --member took
    const HttpAnswer refused = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/oauth/v2/accessToken")),
                                                      "grant_type=refresh_token&refresh_token=x&client_id=lux-test-client&client_secret=lux-test-secret",
                                                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}});
    QCOMPARE(refused.status, 401); // --client-id took
    fake.kill();
    fake.waitForFinished();
}

LUX_TEST_MAIN(TestFakeLinkedIn, QCoreApplication)
#include "tst_fakelinkedin.moc"
