// SPDX-License-Identifier: GPL-3.0-or-later
// The fake X holds to the contract (docs: provider-contracts.md §5.4) over real HTTP on loopback: the
// OAuth 2.0 PKCE sign-in from the authorize redirect to the tokens; refresh tokens that rotate, are
// single-use, and whose reuse ends the whole authorization; expired bearers; media checked by magic and
// size; posts measured with the product's XText, duplicates refused; rate limits with epoch resets and
// 429s past them; the timeline's text as X shows it, and its start_time; each injected fault, the lost
// answer among them (the post made, the client never told); the exactly-once record. What the X client
// and the crash tests are measured against must itself be right.
#include "fakex.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using lux::fakes::FakeX;
using lux::test::HttpAnswer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
using Form = QList<std::pair<QString, QString>>;

const QString kUser = QStringLiteral("1700000000000000001"); // the fake's default user
const QString kRedirect = QStringLiteral("http://127.0.0.1:53682/callback");
const QString kInvalidToken = QStringLiteral("Value passed for the token was invalid.");

QByteArray encode(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form)
        out += (out.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    return out;
}

QJsonObject json(const HttpAnswer &a)
{
    return QJsonDocument::fromJson(a.body).object();
}

QString field(const HttpAnswer &a, const char *name)
{
    return json(a).value(QLatin1String(name)).toString();
}

QString s256(const QByteArray &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray png(qsizetype size = 64)
{
    QByteArray b("\x89PNG\r\n\x1A\n", 8);
    b.append(size - b.size(), '\0');
    return b;
}

QByteArray jpeg(qsizetype size = 64)
{
    QByteArray b("\xFF\xD8\xFF\xE0", 4);
    b.append(size - b.size(), '\0');
    return b;
}

QByteArray gif(qsizetype size = 64)
{
    QByteArray b("GIF89a");
    b.append(size - b.size(), '\0');
    return b;
}

} // namespace

class TestFakeX : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pkceSignIn();
    void authorizeRefusals();
    void confidentialClient();
    void refreshRotatesAndReuseRevokesTheFamily();
    void expiredBearerIs401();
    void meAndScopes();
    void mediaUpload();
    void postLengthsAndDuplicates();
    void postsWithMedia();
    void rateLimitHeadersAnd429();
    void timelineShowsTextAsX();
    void timelineStartTimeAndPaging();
    void lookupAndForbiddenTimeline();
    void injectedFaults();
    void lostRefreshAnswerEndsTheFamily();
    void faultsByPathAndScope();
    void seededFaultsRepeat();
    void postsRecordCopies();
    void configRefusesTypos();
    void standaloneExecutable();

private:
    QUrl url(const QString &path) const { return QUrl(m_x->baseUrl().toString() + path); }
    HttpAnswer call(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const Headers &headers = {})
    {
        return lux::test::httpRequest(*m_nam, verb, url(path), body, headers);
    }
    static Headers bearer(const QString &token) { return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}}; }
    HttpAnswer get(const QString &token, const QString &path) { return call("GET", path, {}, bearer(token)); }
    HttpAnswer post(const QString &token, const QString &text, const QStringList &mediaIds = {});
    HttpAnswer tokenRequest(const Form &form, const QByteArray &basic = {});
    HttpAnswer authorizeRequest(const QList<std::pair<QString, QString>> &items);
    HttpAnswer upload(const QString &token, const QByteArray &bytes, const QString &category = QStringLiteral("tweet_image"));
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QJsonArray posts() { return control("GET", QStringLiteral("/_fake/posts")).value(QStringLiteral("list")).toArray(); }
    QJsonObject stats() { return control("GET", QStringLiteral("/_fake/stats")); }
    QJsonObject grant(const QJsonObject &request = {}) { return control("POST", QStringLiteral("/_fake/grant"), request); }
    QString accessToken(const QJsonObject &request = {}) { return grant(request).value(QStringLiteral("access_token")).toString(); }
    // A request over a socket of its own: every byte the fake answered before it closed the connection.
    QByteArray raw(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers);

    std::unique_ptr<FakeX> m_x;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeX::init()
{
    m_x = std::make_unique<FakeX>();
    QVERIFY(m_x->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeX::cleanup()
{
    m_nam.reset();
    m_x.reset();
}

HttpAnswer TestFakeX::post(const QString &token, const QString &text, const QStringList &mediaIds)
{
    QJsonObject body{{QStringLiteral("text"), text}};
    if (!mediaIds.isEmpty())
        body.insert(QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"), QJsonArray::fromStringList(mediaIds)}});
    Headers headers = bearer(token);
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return call("POST", QStringLiteral("/2/tweets"), QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

HttpAnswer TestFakeX::tokenRequest(const Form &form, const QByteArray &basic)
{
    Headers headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};
    if (!basic.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Basic " + basic.toBase64()});
    return call("POST", QStringLiteral("/2/oauth2/token"), encode(form), headers);
}

HttpAnswer TestFakeX::authorizeRequest(const QList<std::pair<QString, QString>> &items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    QUrl u = url(QStringLiteral("/i/oauth2/authorize"));
    u.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return lux::test::httpRequest(*m_nam, "GET", u);
}

// Through QHttpMultiPart, as the client will write it.
HttpAnswer TestFakeX::upload(const QString &token, const QByteArray &bytes, const QString &category)
{
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart media;
    media.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"media\"; filename=\"picture\""));
    media.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    media.setBody(bytes);
    QHttpPart kind;
    kind.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArrayLiteral("form-data; name=\"media_category\""));
    kind.setBody(category.toUtf8());
    multi->append(media);
    multi->append(kind);
    QNetworkRequest request(url(QStringLiteral("/2/media/upload")));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_nam->post(request, multi);
    multi->setParent(reply);
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
    }
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.headers = reply->rawHeaderPairs();
    a.error = reply->error();
    reply->deleteLater();
    return a;
}

QJsonObject TestFakeX::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const HttpAnswer a = call(method, path, method == "POST" ? QJsonDocument(body).toJson() : QByteArray(),
                              {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    if (a.status != 200)
        qWarning() << path << a.status << a.body;
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    return doc.isArray() ? QJsonObject{{QStringLiteral("list"), doc.array()}} : doc.object();
}

QByteArray TestFakeX::raw(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_x->baseUrl().port());
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

void TestFakeX::pkceSignIn()
{
    const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk0123456789";
    const HttpAnswer approved = authorizeRequest({{QStringLiteral("response_type"), QStringLiteral("code")},
                                                  {QStringLiteral("client_id"), QStringLiteral("lux-test-client")},
                                                  {QStringLiteral("redirect_uri"), kRedirect},
                                                  {QStringLiteral("scope"), QStringLiteral("tweet.read tweet.write users.read offline.access")},
                                                  {QStringLiteral("state"), QStringLiteral("st-42")},
                                                  {QStringLiteral("code_challenge"), s256(verifier)},
                                                  {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}});
    QCOMPARE(approved.status, 302);
    const QUrl back(QString::fromUtf8(approved.header("Location")));
    QCOMPARE(back.adjusted(QUrl::RemoveQuery).toString(), kRedirect);
    const QUrlQuery q(back);
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-42"));
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const auto exchange = [&](const QByteArray &v, const QString &redirect) {
        return tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("code"), code},
                             {QStringLiteral("redirect_uri"), redirect},
                             {QStringLiteral("code_verifier"), QString::fromLatin1(v)},
                             {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}});
    };
    // The wrong verifier, and a redirect_uri not exactly the one authorized (a trailing slash): refused.
    const HttpAnswer wrong = exchange("not-the-verifier-not-the-verifier-not-the-verifier", kRedirect);
    QCOMPARE(wrong.status, 400);
    QCOMPARE(field(wrong, "error"), QStringLiteral("invalid_request"));
    QCOMPARE(field(wrong, "error_description"), kInvalidToken);
    QCOMPARE(exchange(verifier, kRedirect + QLatin1Char('/')).status, 400);

    const HttpAnswer ok = exchange(verifier, kRedirect);
    QCOMPARE(ok.status, 200);
    const QJsonObject tokens = json(ok);
    QCOMPARE(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 7200);
    QCOMPARE(tokens.value(QStringLiteral("scope")).toString(), QStringLiteral("tweet.read tweet.write users.read offline.access"));
    QVERIFY(!tokens.value(QStringLiteral("refresh_token")).toString().isEmpty());
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    const HttpAnswer me = get(access, QStringLiteral("/2/users/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(json(me).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(), kUser);

    // A code works once.
    QCOMPARE(exchange(verifier, kRedirect).status, 400);

    // Without offline.access there is no refresh token; "plain" PKCE is X's other method.
    const HttpAnswer plain = authorizeRequest({{QStringLiteral("response_type"), QStringLiteral("code")},
                                               {QStringLiteral("client_id"), QStringLiteral("lux-test-client")},
                                               {QStringLiteral("redirect_uri"), kRedirect},
                                               {QStringLiteral("scope"), QStringLiteral("tweet.read users.read")},
                                               {QStringLiteral("state"), QStringLiteral("s")},
                                               {QStringLiteral("code_challenge"), QStringLiteral("plain-challenge")},
                                               {QStringLiteral("code_challenge_method"), QStringLiteral("plain")}});
    QCOMPARE(plain.status, 302);
    const QString code2 = QUrlQuery(QUrl(QString::fromUtf8(plain.header("Location")))).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const HttpAnswer noRefresh = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                               {QStringLiteral("code"), code2},
                                               {QStringLiteral("redirect_uri"), kRedirect},
                                               {QStringLiteral("code_verifier"), QStringLiteral("plain-challenge")},
                                               {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}});
    QCOMPARE(noRefresh.status, 200);
    QVERIFY(!json(noRefresh).contains(QStringLiteral("refresh_token")));

    // A code expires (30 s).
    const HttpAnswer late = authorizeRequest({{QStringLiteral("response_type"), QStringLiteral("code")},
                                              {QStringLiteral("client_id"), QStringLiteral("lux-test-client")},
                                              {QStringLiteral("redirect_uri"), kRedirect},
                                              {QStringLiteral("scope"), QStringLiteral("tweet.read")},
                                              {QStringLiteral("state"), QStringLiteral("s")},
                                              {QStringLiteral("code_challenge"), QStringLiteral("c")},
                                              {QStringLiteral("code_challenge_method"), QStringLiteral("plain")}});
    m_x->setClockOffset(31000);
    QCOMPARE(tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                           {QStringLiteral("code"), QUrlQuery(QUrl(QString::fromUtf8(late.header("Location")))).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)},
                           {QStringLiteral("redirect_uri"), kRedirect},
                           {QStringLiteral("code_verifier"), QStringLiteral("c")},
                           {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}})
                 .status,
             400);
    QCOMPARE(stats().value(QStringLiteral("tokens_issued")).toInt(), 2);
}

void TestFakeX::authorizeRefusals()
{
    const auto items = [](const QString &redirect, const QString &clientId = QStringLiteral("lux-test-client")) {
        return QList<std::pair<QString, QString>>{{QStringLiteral("response_type"), QStringLiteral("code")},
                                                  {QStringLiteral("client_id"), clientId},
                                                  {QStringLiteral("redirect_uri"), redirect},
                                                  {QStringLiteral("scope"), QStringLiteral("tweet.read offline.access")},
                                                  {QStringLiteral("state"), QStringLiteral("s1")},
                                                  {QStringLiteral("code_challenge"), QStringLiteral("abc")},
                                                  {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    };
    // X wants 127.0.0.1, not localhost: an error page, and no redirect at all.
    const HttpAnswer localhost = authorizeRequest(items(QStringLiteral("http://localhost:53682/callback")));
    QCOMPARE(localhost.status, 400);
    QVERIFY(localhost.header("Location").isEmpty());
    // Another client, or a callback not registered: the same.
    QCOMPARE(authorizeRequest(items(kRedirect, QStringLiteral("someone-else"))).status, 400);
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("redirect_uris"), QJsonArray{kRedirect}}});
    QCOMPARE(authorizeRequest(items(QStringLiteral("http://127.0.0.1:9999/callback"))).status, 400);
    QCOMPARE(authorizeRequest(items(kRedirect)).status, 302);

    // After the redirect is known good, refusals go back to it with the state.
    auto unknownScope = items(kRedirect);
    unknownScope[3].second = QStringLiteral("tweet.read everything.write");
    const HttpAnswer badScope = authorizeRequest(unknownScope);
    QCOMPARE(badScope.status, 302);
    const QUrlQuery refused(QUrl(QString::fromUtf8(badScope.header("Location"))));
    QCOMPARE(refused.queryItemValue(QStringLiteral("error")), QStringLiteral("invalid_scope"));
    QCOMPARE(refused.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
    QVERIFY(!refused.hasQueryItem(QStringLiteral("code")));

    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("authorize_deny"), true}});
    const HttpAnswer denied = authorizeRequest(items(kRedirect));
    QCOMPARE(QUrlQuery(QUrl(QString::fromUtf8(denied.header("Location")))).queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
}

void TestFakeX::confidentialClient()
{
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("client_secret"), QStringLiteral("s3cret")}});
    const QString refresh = grant().value(QStringLiteral("refresh_token")).toString();
    const Form form{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                    {QStringLiteral("refresh_token"), refresh},
                    {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}};
    // A confidential client must authenticate with HTTP Basic; client_id in the body is not enough.
    const HttpAnswer bodyOnly = tokenRequest(form);
    QCOMPARE(bodyOnly.status, 401);
    QCOMPARE(field(bodyOnly, "error"), QStringLiteral("unauthorized_client"));
    QCOMPARE(tokenRequest(form, "lux-test-client:wrong").status, 401);
    const HttpAnswer ok = tokenRequest(form, "lux-test-client:s3cret");
    QCOMPARE(ok.status, 200);
    QVERIFY(!field(ok, "access_token").isEmpty());
    // A public client (no secret) sends client_id, which must be the app's.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("client_secret"), QString()}});
    const HttpAnswer missingId = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                               {QStringLiteral("refresh_token"), field(ok, "refresh_token")}});
    QCOMPARE(missingId.status, 400);
    QCOMPARE(field(missingId, "error_description"), QStringLiteral("Missing required parameter [client_id]."));
}

void TestFakeX::refreshRotatesAndReuseRevokesTheFamily()
{
    const QJsonObject first = grant();
    const QString access1 = first.value(QStringLiteral("access_token")).toString();
    const QString refresh1 = first.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refresh1.isEmpty());
    const auto refreshWith = [this](const QString &token) {
        return tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                             {QStringLiteral("refresh_token"), token},
                             {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}});
    };
    // Rotation: a new access token and a new refresh token.
    const HttpAnswer second = refreshWith(refresh1);
    QCOMPARE(second.status, 200);
    const QString access2 = field(second, "access_token");
    const QString refresh2 = field(second, "refresh_token");
    QVERIFY(!access2.isEmpty() && access2 != access1);
    QVERIFY(!refresh2.isEmpty() && refresh2 != refresh1);
    QCOMPARE(field(second, "scope"), FakeX::kDefaultScope);
    QCOMPARE(get(access2, QStringLiteral("/2/users/me")).status, 200);

    // An unknown refresh token: 400, nothing else happens.
    const HttpAnswer unknown = refreshWith(QStringLiteral("no-such-token"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(field(unknown, "error_description"), kInvalidToken);
    QCOMPARE(get(access2, QStringLiteral("/2/users/me")).status, 200);

    // The spent one again: 400, and the whole family is gone — the newest tokens too.
    const HttpAnswer reused = refreshWith(refresh1);
    QCOMPARE(reused.status, 400);
    QCOMPARE(field(reused, "error"), QStringLiteral("invalid_request"));
    QCOMPARE(field(reused, "error_description"), kInvalidToken);
    QCOMPARE(get(access2, QStringLiteral("/2/users/me")).status, 401);
    QCOMPARE(get(access1, QStringLiteral("/2/users/me")).status, 401);
    QCOMPARE(refreshWith(refresh2).status, 400);

    // Another sign-in of the same user is another family, untouched.
    const QString other = accessToken();
    QCOMPARE(get(other, QStringLiteral("/2/users/me")).status, 200);
    const QJsonObject s = stats();
    QCOMPARE(s.value(QStringLiteral("token_refreshes")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("families_revoked")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("refresh_refused")).toInt(), 3);
}

void TestFakeX::expiredBearerIs401()
{
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("access_ttl_s"), 600}});
    const QJsonObject tokens = grant();
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 600);
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    QCOMPARE(get(access, QStringLiteral("/2/users/me")).status, 200);
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("clock_offset_s"), 601}});
    const HttpAnswer expired = get(access, QStringLiteral("/2/users/me"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(json(expired), (QJsonObject{{QStringLiteral("title"), QStringLiteral("Unauthorized")},
                                         {QStringLiteral("type"), QStringLiteral("about:blank")},
                                         {QStringLiteral("status"), 401},
                                         {QStringLiteral("detail"), QStringLiteral("Unauthorized")}}));
    QCOMPARE(post(access, QStringLiteral("too late")).status, 401);
    QCOMPARE(get(QStringLiteral("made-up"), QStringLiteral("/2/users/me")).status, 401);
    QCOMPARE(call("GET", QStringLiteral("/2/users/me")).status, 401);
    QCOMPARE(m_x->stats().created, 0);
    // The refresh token outlives it.
    const HttpAnswer renewed = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                             {QStringLiteral("refresh_token"), tokens.value(QStringLiteral("refresh_token")).toString()},
                                             {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}});
    QCOMPARE(renewed.status, 200);
    QCOMPARE(get(field(renewed, "access_token"), QStringLiteral("/2/users/me")).status, 200);
}

void TestFakeX::meAndScopes()
{
    const QString premium = accessToken({{QStringLiteral("user_id"), QStringLiteral("42")},
                                         {QStringLiteral("username"), QStringLiteral("shop")},
                                         {QStringLiteral("name"), QStringLiteral("The Shop")},
                                         {QStringLiteral("subscription_type"), QStringLiteral("Premium")}});
    const QJsonObject asked = json(get(premium, QStringLiteral("/2/users/me?user.fields=subscription_type,created_at"))).value(QStringLiteral("data")).toObject();
    QCOMPARE(asked, (QJsonObject{{QStringLiteral("id"), QStringLiteral("42")},
                                 {QStringLiteral("name"), QStringLiteral("The Shop")},
                                 {QStringLiteral("username"), QStringLiteral("shop")},
                                 {QStringLiteral("subscription_type"), QStringLiteral("Premium")}}));
    // X's default fields only, unless asked.
    QVERIFY(!json(get(premium, QStringLiteral("/2/users/me"))).value(QStringLiteral("data")).toObject().contains(QStringLiteral("subscription_type")));

    // Without tweet.write a post is forbidden; without media.write an upload.
    const QString readOnly = accessToken({{QStringLiteral("scope"), QStringLiteral("tweet.read users.read")}});
    QCOMPARE(post(readOnly, QStringLiteral("hello")).status, 403);
    QCOMPARE(upload(readOnly, png()).status, 403);
    QCOMPARE(get(readOnly, QStringLiteral("/2/users/me")).status, 200);
    QCOMPARE(m_x->stats().created, 0);
}

void TestFakeX::mediaUpload()
{
    const QString token = accessToken();
    const HttpAnswer ok = upload(token, png(2048));
    QCOMPARE(ok.status, 200);
    const QJsonObject data = json(ok).value(QStringLiteral("data")).toObject();
    const QString id = data.value(QStringLiteral("id")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{19}$")).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(data.value(QStringLiteral("media_key")).toString(), QString(QStringLiteral("3_") + id));
    QCOMPARE(data.value(QStringLiteral("expires_after_secs")).toInt(), 86400);
    QCOMPARE(data.value(QStringLiteral("size")).toInt(), 2048);
    // The same bytes again: another media id, as X makes.
    const QString again = json(upload(token, png(2048))).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!again.isEmpty() && again != id);
    QCOMPARE(upload(token, jpeg()).status, 200);
    QByteArray webp("RIFF\0\0\0\0WEBPVP8 ", 16);
    webp.append(48, '\0');
    QCOMPARE(upload(token, webp).status, 200);

    // Not an image X takes, by its first bytes: 400 with X's problem body.
    const HttpAnswer bad = upload(token, QByteArray("%PDF-1.7 not a picture at all"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(field(bad, "title"), QStringLiteral("Invalid Request"));
    QCOMPARE(field(bad, "type"), QStringLiteral("https://api.twitter.com/2/problems/invalid-request"));
    QVERIFY(!json(bad).value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString().isEmpty());
    // 5,000,000 bytes pass, one more does not; an animated GIF may have 15,000,000.
    QCOMPARE(upload(token, jpeg(5'000'000)).status, 200);
    QCOMPARE(upload(token, jpeg(5'000'001)).status, 400);
    QCOMPARE(upload(token, gif(5'000'001)).status, 400);
    const HttpAnswer animated = upload(token, gif(12'000'000), QStringLiteral("tweet_gif"));
    QCOMPARE(animated.status, 200);
    QVERIFY(json(animated).value(QStringLiteral("data")).toObject().value(QStringLiteral("media_key")).toString().startsWith(QLatin1String("16_")));
    QCOMPARE(upload(token, png(), QStringLiteral("tweet_gif")).status, 400);
    QCOMPARE(upload(token, png(), QStringLiteral("tweet_video")).status, 400);
    QCOMPARE(stats().value(QStringLiteral("media_uploaded")).toInt(), 6);

    // Media ids expire: a post that names an expired one is refused.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("media_ttl_s"), 60}});
    const QString shortLived = json(upload(token, png())).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    m_x->setClockOffset(61000);
    const HttpAnswer expired = post(token, QStringLiteral("with an old picture"), {shortLived});
    QCOMPARE(expired.status, 400);
    QCOMPARE(json(expired).value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Your media IDs are invalid."));
    QCOMPARE(m_x->stats().created, 0);
}

void TestFakeX::postLengthsAndDuplicates()
{
    const QString token = accessToken();
    const HttpAnswer first = post(token, QStringLiteral("Spring sale: 20% off"));
    QCOMPARE(first.status, 201);
    const QJsonObject data = json(first).value(QStringLiteral("data")).toObject();
    const QString id = data.value(QStringLiteral("id")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{19}$")).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(data.value(QStringLiteral("text")).toString(), QStringLiteral("Spring sale: 20% off"));
    QCOMPARE(data.value(QStringLiteral("edit_history_tweet_ids")).toArray(), QJsonArray{id});

    // 280 is the most; 281 'x' is refused with X's invalid-request problem.
    const HttpAnswer full = post(token, QString(280, QLatin1Char('x')));
    QCOMPARE(full.status, 201);
    QVERIFY(json(full).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString().toLongLong() > id.toLongLong()); // increasing
    const HttpAnswer tooLong = post(token, QString(281, QLatin1Char('x')));
    QCOMPARE(tooLong.status, 400);
    const QJsonObject problem = json(tooLong);
    QCOMPARE(problem.value(QStringLiteral("title")).toString(), QStringLiteral("Invalid Request"));
    QCOMPARE(problem.value(QStringLiteral("detail")).toString(), QStringLiteral("One or more parameters to your request was invalid."));
    QCOMPARE(problem.value(QStringLiteral("type")).toString(), QStringLiteral("https://api.twitter.com/2/problems/invalid-request"));
    QVERIFY(!problem.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString().isEmpty());
    // Measured as X measures: a URL is 23 whatever its length, so this long text fits.
    QCOMPARE(post(token, QString(250, QLatin1Char('y')) + QStringLiteral(" https://example.com/") + QString(100, QLatin1Char('p'))).status, 201);
    // CJK weighs 2: 141 of them are 282.
    QCOMPARE(post(token, QString(141, QChar(0x6F22))).status, 400);
    QCOMPARE(post(token, QString()).status, 400); // nothing to post

    // The same text again within 24 hours: 403 duplicate content, nothing made.
    const int before = m_x->stats().created;
    const HttpAnswer duplicate = post(token, QStringLiteral("Spring sale: 20% off"));
    QCOMPARE(duplicate.status, 403);
    QCOMPARE(json(duplicate), (QJsonObject{{QStringLiteral("detail"), QStringLiteral("You are not allowed to create a Tweet with duplicate content.")},
                                           {QStringLiteral("type"), QStringLiteral("about:blank")},
                                           {QStringLiteral("title"), QStringLiteral("Forbidden")},
                                           {QStringLiteral("status"), 403}}));
    QCOMPARE(m_x->stats().created, before);
    // Another user may say the same; and a day later so may this one.
    QCOMPARE(post(accessToken({{QStringLiteral("user_id"), QStringLiteral("77")}}), QStringLiteral("Spring sale: 20% off")).status, 201);
    m_x->setClockOffset(qint64(86401) * 1000);
    QCOMPARE(post(token, QStringLiteral("Spring sale: 20% off")).status, 401); // that token has expired by then
    const QString later = accessToken();
    QCOMPARE(post(later, QStringLiteral("Spring sale: 20% off")).status, 201);
    QCOMPARE(m_x->copies(kUser, QStringLiteral("Spring sale: 20% off")), 2);

    // Premium: 25,000.
    const QString premium = accessToken({{QStringLiteral("user_id"), QStringLiteral("99")}, {QStringLiteral("subscription_type"), QStringLiteral("PremiumPlus")}});
    QCOMPARE(post(premium, QString(281, QLatin1Char('x'))).status, 201);
    QCOMPARE(post(premium, QString(25000, QLatin1Char('z'))).status, 201);
    QCOMPARE(post(premium, QString(25001, QLatin1Char('q'))).status, 400);
    QCOMPARE(stats().value(QStringLiteral("duplicates_refused")).toInt(), 1);
}

void TestFakeX::postsWithMedia()
{
    const QString token = accessToken();
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << json(upload(token, png())).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(post(token, QStringLiteral("five"), ids).status, 400); // four at most
    QCOMPARE(post(token, QStringLiteral("made up"), {QStringLiteral("1234567890123456789")}).status, 400);
    // Another user's media is not this user's to post.
    const QString other = accessToken({{QStringLiteral("user_id"), QStringLiteral("77")}});
    QCOMPARE(post(other, QStringLiteral("borrowed"), {ids.at(0)}).status, 400);
    const HttpAnswer ok = post(token, QStringLiteral("four pictures"), ids.mid(0, 4));
    QCOMPARE(ok.status, 201);
    // Media alone is a post too.
    const HttpAnswer alone = post(token, QString(), {ids.at(4)});
    QCOMPARE(alone.status, 201);
    QVERIFY(QRegularExpression(QStringLiteral("^https://t\\.co/[A-Za-z0-9]{10}$"))
                .match(json(alone).value(QStringLiteral("data")).toObject().value(QStringLiteral("text")).toString())
                .hasMatch());
    const QJsonArray recorded = posts();
    QCOMPARE(recorded.size(), 2);
    QCOMPARE(recorded.at(0).toObject().value(QStringLiteral("media_ids")).toArray(), QJsonArray::fromStringList(ids.mid(0, 4)));
}

void TestFakeX::rateLimitHeadersAnd429()
{
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("rate_limit"), 3}, {QStringLiteral("rate_window_s"), 900}});
    const QString token = accessToken();
    const qint64 start = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < 3; ++i) {
        const HttpAnswer a = post(token, QStringLiteral("post %1").arg(i));
        QCOMPARE(a.status, 201);
        QCOMPARE(a.header("x-rate-limit-limit"), QByteArray("3"));
        QCOMPARE(a.header("x-rate-limit-remaining").toInt(), 2 - i);
        // Epoch seconds when the window ends, not a delta.
        const qint64 reset = a.header("x-rate-limit-reset").toLongLong();
        QVERIFY2(reset >= start + 899 && reset <= start + 960, a.header("x-rate-limit-reset").constData()); // a delta would be ~900
    }
    const HttpAnswer refused = post(token, QStringLiteral("one too many"));
    QCOMPARE(refused.status, 429);
    QCOMPARE(json(refused), (QJsonObject{{QStringLiteral("title"), QStringLiteral("Too Many Requests")},
                                         {QStringLiteral("detail"), QStringLiteral("Too Many Requests")},
                                         {QStringLiteral("type"), QStringLiteral("about:blank")},
                                         {QStringLiteral("status"), 429}}));
    QCOMPARE(refused.header("x-rate-limit-remaining"), QByteArray("0"));
    QVERIFY(refused.header("x-rate-limit-reset").toLongLong() >= start + 899);
    QCOMPARE(refused.header("x-user-limit-24hour-limit"), QByteArray("2400"));
    QCOMPARE(refused.header("x-user-limit-24hour-remaining"), QByteArray("2397"));
    QVERIFY(refused.header("x-user-limit-24hour-reset").toLongLong() >= start + 86399);
    QVERIFY(!refused.header("x-app-limit-24hour-limit").isEmpty());
    QCOMPARE(m_x->stats().created, 3);
    QCOMPARE(stats().value(QStringLiteral("limit_429s")).toInt(), 1);
    // Per user: another user is not limited by this one; other endpoints have their own windows.
    QCOMPARE(post(accessToken({{QStringLiteral("user_id"), QStringLiteral("5")}}), QStringLiteral("mine")).status, 201);
    const HttpAnswer me = get(token, QStringLiteral("/2/users/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.header("x-rate-limit-limit"), QByteArray("75"));
    QCOMPARE(me.header("x-rate-limit-remaining"), QByteArray("74"));
    // The window ends: posts go through again.
    m_x->setClockOffset(901 * 1000);
    QCOMPARE(post(token, QStringLiteral("next window")).status, 201);

    // The 24-hour cap per user.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("user_24h_limit"), 5}, {QStringLiteral("rate_limit"), 100}});
    QCOMPARE(post(token, QStringLiteral("fifth today")).status, 201);
    const HttpAnswer daily = post(token, QStringLiteral("sixth today"));
    QCOMPARE(daily.status, 429);
    QCOMPARE(daily.header("x-user-limit-24hour-remaining"), QByteArray("0"));
    QCOMPARE(daily.header("x-user-limit-24hour-limit"), QByteArray("5"));
}

void TestFakeX::timelineShowsTextAsX()
{
    const QString token = accessToken();
    const QString sent = QStringLiteral("Read https://example.com/a?b=1&c=2 & more <3 > less, or example.org");
    QCOMPARE(post(token, sent).status, 201);
    const QString media = json(upload(token, png())).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(post(token, QStringLiteral("With a picture"), {media}).status, 201);

    const HttpAnswer a = get(token, QStringLiteral("/2/users/%1/tweets?max_results=5&tweet.fields=created_at").arg(kUser));
    QCOMPARE(a.status, 200);
    const QJsonArray data = json(a).value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 2);
    // Newest first; the media link appended.
    const QString withPicture = data.at(0).toObject().value(QStringLiteral("text")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^With a picture https://t\\.co/[A-Za-z0-9]{10}$")).match(withPicture).hasMatch(), qPrintable(withPicture));
    // Every URL a t.co link, & < > escaped.
    const QString shown = data.at(1).toObject().value(QStringLiteral("text")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^Read https://t\\.co/[A-Za-z0-9]{10} &amp; more &lt;3 &gt; less, or https://t\\.co/[A-Za-z0-9]{10}$"))
                 .match(shown)
                 .hasMatch(),
             qPrintable(shown));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z$"))
                .match(data.at(1).toObject().value(QStringLiteral("created_at")).toString())
                .hasMatch());
    const QJsonObject meta = json(a).value(QStringLiteral("meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("result_count")).toInt(), 2);
    QCOMPARE(meta.value(QStringLiteral("newest_id")).toString(), data.at(0).toObject().value(QStringLiteral("id")).toString());
    QCOMPARE(meta.value(QStringLiteral("oldest_id")).toString(), data.at(1).toObject().value(QStringLiteral("id")).toString());
    // The record keeps both: what was sent, and what X shows (the same t.co links every time).
    const QJsonObject record = posts().at(0).toObject();
    QCOMPARE(record.value(QStringLiteral("text")).toString(), sent);
    QCOMPARE(record.value(QStringLiteral("shown")).toString(), shown);
    QCOMPARE(json(get(token, QStringLiteral("/2/users/%1/tweets").arg(kUser))).value(QStringLiteral("data")).toArray().at(1).toObject().value(QStringLiteral("text")).toString(),
             shown);
    // Without tweet.fields, X's default fields only.
    QVERIFY(!json(get(token, QStringLiteral("/2/users/%1/tweets").arg(kUser))).value(QStringLiteral("data")).toArray().at(0).toObject().contains(QStringLiteral("created_at")));
}

void TestFakeX::timelineStartTimeAndPaging()
{
    const QString token = accessToken();
    const QDateTime base = QDateTime::currentDateTimeUtc();
    // Posts an hour ago, then now.
    m_x->setClockOffset(-3600 * 1000);
    QCOMPARE(post(accessToken(), QStringLiteral("an hour ago")).status, 201);
    m_x->setClockOffset(0);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(post(token, QStringLiteral("recent %1").arg(i)).status, 201);
    QCOMPARE(post(accessToken({{QStringLiteral("user_id"), QStringLiteral("8")}}), QStringLiteral("someone else's")).status, 201);

    const QString since = base.addSecs(-60).toString(Qt::ISODate);
    const HttpAnswer recent = get(token, QStringLiteral("/2/users/%1/tweets?start_time=%2&max_results=5").arg(kUser, since));
    QCOMPARE(recent.status, 200);
    QJsonArray data = json(recent).value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 5);
    QCOMPARE(data.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("recent 6"));
    const QString next = json(recent).value(QStringLiteral("meta")).toObject().value(QStringLiteral("next_token")).toString();
    QVERIFY(!next.isEmpty());
    const HttpAnswer page2 = get(token, QStringLiteral("/2/users/%1/tweets?start_time=%2&max_results=5&pagination_token=%3").arg(kUser, since, next));
    data = json(page2).value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 2); // the hour-old post is before start_time
    QCOMPARE(data.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("recent 0"));
    QVERIFY(!json(page2).value(QStringLiteral("meta")).toObject().contains(QStringLiteral("next_token")));
    // Without start_time all eight of this user's posts; nothing after now: only the count.
    QCOMPARE(json(get(token, QStringLiteral("/2/users/%1/tweets?max_results=100").arg(kUser))).value(QStringLiteral("meta")).toObject().value(QStringLiteral("result_count")).toInt(), 8);
    const HttpAnswer none = get(token, QStringLiteral("/2/users/%1/tweets?start_time=%2").arg(kUser, base.addSecs(3600).toString(Qt::ISODate)));
    QCOMPARE(none.status, 200);
    QCOMPARE(json(none), (QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("result_count"), 0}}}}));
    // X's bounds: max_results 5 to 100; a start_time must be a date.
    QCOMPARE(get(token, QStringLiteral("/2/users/%1/tweets?max_results=4").arg(kUser)).status, 400);
    QCOMPARE(get(token, QStringLiteral("/2/users/%1/tweets?max_results=101").arg(kUser)).status, 400);
    QCOMPARE(get(token, QStringLiteral("/2/users/%1/tweets?start_time=yesterday").arg(kUser)).status, 400);
}

void TestFakeX::lookupAndForbiddenTimeline()
{
    const QString token = accessToken();
    const QString id = json(post(token, QStringLiteral("find me"))).value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    const QJsonObject found = json(get(token, QStringLiteral("/2/tweets/%1?tweet.fields=created_at,author_id").arg(id))).value(QStringLiteral("data")).toObject();
    QCOMPARE(found.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(found.value(QStringLiteral("text")).toString(), QStringLiteral("find me"));
    QCOMPARE(found.value(QStringLiteral("author_id")).toString(), kUser);
    QVERIFY(found.contains(QStringLiteral("created_at")));
    // Not there: X answers 200 with a Not Found Error and no data.
    const HttpAnswer missing = get(token, QStringLiteral("/2/tweets/1234567890123456789"));
    QCOMPARE(missing.status, 200);
    QVERIFY(!json(missing).contains(QStringLiteral("data")));
    const QJsonObject error = json(missing).value(QStringLiteral("errors")).toArray().at(0).toObject();
    QCOMPARE(error.value(QStringLiteral("title")).toString(), QStringLiteral("Not Found Error"));
    QCOMPARE(error.value(QStringLiteral("resource_id")).toString(), QStringLiteral("1234567890123456789"));

    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("timeline_forbidden"), true}});
    const HttpAnswer forbidden = get(token, QStringLiteral("/2/users/%1/tweets").arg(kUser));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(field(forbidden, "type"), QStringLiteral("https://api.twitter.com/2/problems/client-forbidden"));
    QCOMPARE(post(token, QStringLiteral("posting still works")).status, 201);
}

void TestFakeX::injectedFaults()
{
    const QString token = accessToken();
    const auto created = [this] { return m_x->stats().created; };
    // By count, through the control API: the next two requests get 500, then 503, and do nothing.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("next"), QJsonObject{{QStringLiteral("server_error"), 2}}}}}});
    const HttpAnswer e500 = post(token, QStringLiteral("a"));
    QCOMPARE(e500.status, 500);
    QCOMPARE(field(e500, "title"), QStringLiteral("Internal Server Error"));
    QCOMPARE(post(token, QStringLiteral("a")).status, 503);
    QCOMPARE(created(), 0);
    QCOMPARE(post(token, QStringLiteral("a")).status, 201); // only two
    QCOMPARE(created(), 1);

    // Throttled: 429 with the headers at 0, nothing done.
    m_x->setNextFaults(QStringLiteral("throttle"), 1);
    const HttpAnswer throttled = post(token, QStringLiteral("b"));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("x-rate-limit-remaining"), QByteArray("0"));
    QVERIFY(throttled.header("x-rate-limit-reset").toLongLong() > QDateTime::currentSecsSinceEpoch());
    QCOMPARE(created(), 1);

    // Drops over a plain socket: QNetworkAccessManager sends a POST again by itself when its connection
    // closes without an answer, which is the client's problem (and the point of the fault).
    const Headers headers{{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()},
                          {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    m_x->setNextFaults(QStringLiteral("drop"), 1);
    QCOMPARE(raw("POST", QStringLiteral("/2/tweets"), R"({"text":"dropped"})", headers), QByteArray()); // closed, no answer
    QCOMPARE(created(), 1); // dropped before anything happened

    // The lost answer: the post is made, the client hears nothing, and the timeline shows it.
    m_x->setNextFaults(QStringLiteral("lose"), 1);
    QCOMPARE(raw("POST", QStringLiteral("/2/tweets"), R"({"text":"the lost one"})", headers), QByteArray());
    QCOMPARE(created(), 2);
    const QJsonArray timeline = json(get(token, QStringLiteral("/2/users/%1/tweets").arg(kUser))).value(QStringLiteral("data")).toArray();
    QCOMPARE(timeline.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("the lost one"));
    // Sending it again is a duplicate to X.
    QCOMPARE(post(token, QStringLiteral("the lost one")).status, 403);

    // Slow: the answer comes, late.
    FakeX::Faults f;
    f.slowMs = 1200;
    m_x->setFaults(f);
    m_x->setNextFaults(QStringLiteral("slow"), 1);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(post(token, QStringLiteral("d")).status, 201);
    QVERIFY2(timer.elapsed() >= 1100, qPrintable(QString::number(timer.elapsed())));

    // The token endpoint is down; the API is not.
    const QString refresh = grant().value(QStringLiteral("refresh_token")).toString();
    m_x->setNextFaults(QStringLiteral("token_unavailable"), 1);
    QCOMPARE(post(token, QStringLiteral("e")).status, 201);
    const Form form{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                    {QStringLiteral("refresh_token"), refresh},
                    {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}};
    const HttpAnswer down = tokenRequest(form);
    QCOMPARE(down.status, 503);
    QCOMPARE(tokenRequest(form).status, 200); // the token was not spent by the outage

    const QJsonObject faults = stats().value(QStringLiteral("faults")).toObject();
    QCOMPARE(faults.value(QStringLiteral("server_error")).toInt(), 2);
    QCOMPARE(faults.value(QStringLiteral("throttle")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("drop")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("lose")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("slow")).toInt(), 1);
    QCOMPARE(faults.value(QStringLiteral("token_unavailable")).toInt(), 1);
}

void TestFakeX::lostRefreshAnswerEndsTheFamily()
{
    // A refresh whose answer is lost rotated all the same: the client still holds the spent token, and
    // presenting it again ends the authorization (the trap the X client must design around).
    const QJsonObject tokens = grant();
    const QString refresh = tokens.value(QStringLiteral("refresh_token")).toString();
    m_x->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("/2/oauth2/token"));
    const QByteArray form = encode({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                    {QStringLiteral("refresh_token"), refresh},
                                    {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}});
    QCOMPARE(raw("POST", QStringLiteral("/2/oauth2/token"), form,
                 {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}}),
             QByteArray());
    QCOMPARE(m_x->stats().refreshes, 1);
    const HttpAnswer again = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                           {QStringLiteral("refresh_token"), refresh},
                                           {QStringLiteral("client_id"), QStringLiteral("lux-test-client")}});
    QCOMPARE(again.status, 400);
    QCOMPARE(get(tokens.value(QStringLiteral("access_token")).toString(), QStringLiteral("/2/users/me")).status, 401);
    QCOMPARE(m_x->stats().familiesRevoked, 1);
}

void TestFakeX::faultsByPathAndScope()
{
    const QString token = accessToken();
    // Targeted: the next upload fails; posts around it do not.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"),
              QJsonObject{{QStringLiteral("next"), QJsonObject{{QStringLiteral("server_error"),
                                                                QJsonObject{{QStringLiteral("count"), 1}, {QStringLiteral("path"), QStringLiteral("/2/media/upload")}}}}}}}});
    QCOMPARE(post(token, QStringLiteral("unaffected")).status, 201);
    QCOMPARE(upload(token, png()).status / 100, 5);
    QCOMPARE(upload(token, png()).status, 200);
    // Scope "create": every POST /2/tweets fails, reads and uploads do not.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("scope"), QStringLiteral("create")}, {QStringLiteral("server_error"), 1}}}});
    QCOMPARE(get(token, QStringLiteral("/2/users/%1/tweets").arg(kUser)).status, 200);
    QCOMPARE(upload(token, png()).status, 200);
    QCOMPARE(post(token, QStringLiteral("fails")).status / 100, 5);
    QCOMPARE(m_x->stats().created, 1);
    // A bearer is checked before any fault: an unknown token is 401 even now.
    QCOMPARE(post(QStringLiteral("nope"), QStringLiteral("x")).status, 401);
}

void TestFakeX::seededFaultsRepeat()
{
    // The same seed, the same faults in the same places: a failing crash run can be replayed.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("rate_limit"), 10000}, {QStringLiteral("duplicate_check"), false}});
    const QString token = accessToken();
    const auto run = [&] {
        QString pattern;
        for (int i = 0; i < 60; ++i) {
            const HttpAnswer a = post(token, QStringLiteral("m%1").arg(i));
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
    m_x->setSeed(7);
    const QString second = run();
    QCOMPARE(second, first);
    QVERIFY2(first.contains(QLatin1Char('.')) && first.contains(QLatin1Char('5')) && first.contains(QLatin1Char('t')), qPrintable(first));
    m_x->setSeed(8);
    QVERIFY(run() != first);
}

void TestFakeX::postsRecordCopies()
{
    // With X's duplicate check off (to see what a client would do without it), the record counts copies.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("duplicate_check"), false}});
    const QString token = accessToken();
    QCOMPARE(post(token, QStringLiteral("once")).status, 201);
    QCOMPARE(post(token, QStringLiteral("twice")).status, 201);
    QCOMPARE(post(token, QStringLiteral("twice")).status, 201);
    QCOMPARE(post(accessToken({{QStringLiteral("user_id"), QStringLiteral("3")}}), QStringLiteral("twice")).status, 201);
    const QJsonArray all = posts();
    QCOMPARE(all.size(), 4);
    const QJsonObject first = all.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("user_id")).toString(), kUser);
    QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("once"));
    QCOMPARE(first.value(QStringLiteral("copies")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("media_ids")).toArray(), QJsonArray());
    QVERIFY(QDateTime::fromString(first.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(qAbs(first.value(QStringLiteral("created_ms")).toInteger() - QDateTime::currentMSecsSinceEpoch()) < 60000);
    QCOMPARE(all.at(1).toObject().value(QStringLiteral("copies")).toInt(), 2);
    QCOMPARE(all.at(3).toObject().value(QStringLiteral("copies")).toInt(), 1); // per user
    QCOMPARE(control("GET", QStringLiteral("/_fake/posts?user_id=3")).value(QStringLiteral("list")).toArray().size(), 1);

    // A reset forgets posts, tokens and counters; the configuration stays unless asked.
    control("POST", QStringLiteral("/_fake/reset"));
    QCOMPARE(posts().size(), 0);
    QCOMPARE(get(token, QStringLiteral("/2/users/me")).status, 401);
    QCOMPARE(stats().value(QStringLiteral("created")).toInt(), 0);
    const QString fresh = accessToken();
    QCOMPARE(post(fresh, QStringLiteral("same")).status, 201);
    QCOMPARE(post(fresh, QStringLiteral("same")).status, 201); // duplicate_check is still off
    control("POST", QStringLiteral("/_fake/reset"), {{QStringLiteral("config"), true}});
    const QString again = accessToken();
    QCOMPARE(post(again, QStringLiteral("same")).status, 201);
    QCOMPARE(post(again, QStringLiteral("same")).status, 403);
}

void TestFakeX::configRefusesTypos()
{
    const HttpAnswer badType = call("POST", QStringLiteral("/_fake/config"),
                                    R"({"access_ttl_s":5,"users":[{"id":"9","subscription_type":"Gold"}]})");
    QCOMPARE(badType.status, 400);
    const HttpAnswer badFault = call("POST", QStringLiteral("/_fake/config"), R"({"access_ttl_s":5,"faults":{"next":{"dorp":1}}})");
    QCOMPARE(badFault.status, 400);
    // Nothing changed.
    QCOMPARE(grant().value(QStringLiteral("expires_in")).toInt(), 7200);
    QCOMPARE(m_x->user(QStringLiteral("9")), nullptr);
    QCOMPARE(call("POST", QStringLiteral("/_fake/grant"), R"({"subscription_type":"Gold"})").status, 400);
}

void TestFakeX::standaloneExecutable()
{
    // lux-fake-x prints its base URL and serves the same API to other processes.
    QProcess fake;
    fake.start(QStringLiteral(LUX_BINARY_DIR "/tests/fakes/lux-fake-x"),
               {QStringLiteral("--client-id"), QStringLiteral("other-app"), QStringLiteral("--user"), QStringLiteral("555:brand:Premium")});
    QVERIFY2(fake.waitForStarted(), qPrintable(fake.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(fake.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(fake.readLine().trimmed()));
    QVERIFY(base.isValid() && base.port() > 0);
    const HttpAnswer granted = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/_fake/grant")),
                                                      R"({"user_id":"555"})");
    QCOMPARE(granted.status, 200);
    const QString token = field(granted, "access_token");
    const HttpAnswer posted = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/2/tweets")),
                                                     QJsonDocument(QJsonObject{{QStringLiteral("text"), QString(300, QLatin1Char('x'))}}).toJson(),
                                                     {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()},
                                                      {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(posted.status, 201); // 300 characters: the --user's Premium
    const HttpAnswer refused = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/2/oauth2/token")),
                                                      "grant_type=refresh_token&refresh_token=x&client_id=lux-test-client",
                                                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}});
    QCOMPARE(refused.status, 401); // --client-id took
    fake.kill();
    fake.waitForFinished();
}

LUX_TEST_MAIN(TestFakeX, QCoreApplication)
#include "tst_fakex.moc"
