// SPDX-License-Identifier: GPL-3.0-or-later
// The fake Meta Graph API holds to the contract (docs: provider-contracts.md §5.1–5.2) over real HTTP on
// loopback: Facebook Login from the dialog's redirect through the code, the short- and long-lived user
// tokens to the Page tokens of /me/accounts; debug_token; Page posts with photos the fake fetches from a
// second local server, the duplicate 506, published_posts by time, comments; Instagram containers that are
// fetched and judged (JPEG only, no MPO, 8 MiB, 4:5…1.91:1 with the EXIF orientation), published once,
// refused when not ready, expired by the clock, counted against the rolling quota; the usage headers and
// throttling at 100 % until the regain time; each injected fault, the lost answer among them (the post
// made, the client never told, the record showing it once). What the Facebook and Instagram channels and
// the crash tests are measured against must itself be right.
#include "fakemeta.h"
#include "httpserver.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using lux::fakes::FakeMeta;
using lux::fakes::HttpExchange;
using lux::fakes::HttpResponse;
using lux::fakes::HttpServer;
using lux::test::HttpAnswer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
using Form = QList<std::pair<QString, QString>>;

const QString kApp = QStringLiteral("876543210987654");
const QString kSecret = QStringLiteral("7c3d0e5f9a1b2c4d6e8f0a1b3c5d7e9f");
const QString kUser = QStringLiteral("10000000000000001");
const QString kPage = QStringLiteral("100000000000001");
const QString kIg = QStringLiteral("17841400000000001");
const QString kRedirect = QStringLiteral("http://127.0.0.1:53682/meta/callback");

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

QJsonObject errorOf(const HttpAnswer &a)
{
    return json(a).value(QStringLiteral("error")).toObject();
}

int codeOf(const HttpAnswer &a)
{
    return errorOf(a).value(QStringLiteral("code")).toInt();
}

int subcodeOf(const HttpAnswer &a)
{
    return errorOf(a).value(QStringLiteral("error_subcode")).toInt();
}

QJsonObject header(const HttpAnswer &a, const char *name)
{
    return QJsonDocument::fromJson(a.header(name)).object();
}

// A real JPEG drawn by Qt, of this size.
QByteArray jpeg(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(200, 120, 40));
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height / 2, QColor(30, 60, 180));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A phone's MPO: a JPEG with an APP2 "MPF\0" segment right after the start of image.
QByteArray mpo(const QByteArray &jpegBytes)
{
    const QByteArray body = QByteArray("MPF\0", 4) + QByteArray("MM\0*\0\0\0\x08", 8) + QByteArray(16, '\0');
    QByteArray segment = QByteArray::fromHex("ffe2");
    segment += char((body.size() + 2) >> 8);
    segment += char((body.size() + 2) & 0xff);
    return jpegBytes.left(2) + segment + body + jpegBytes.mid(2);
}

} // namespace

class TestFakeMeta : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signIn();
    void dialogRefusals();
    void badTokensAndPermissions();
    void pageTextPostsAndDuplicates();
    void photosFetchedAndMultiPhotoPost();
    void publishedPostsSinceAndPaging();
    void comments();
    void instagramPublishOnce();
    void instagramImagesJudged();
    void captionLimits();
    void carousel();
    void quotaAndPublishingLimit();
    void containerExpires();
    void usageHeadersAndThrottling();
    void injectedFaults();
    void faultsByPathAndScope();
    void seededFaultsRepeat();
    void configRefusesTypos();
    void standaloneExecutable();

private:
    QUrl url(const QString &path) const { return QUrl(m_meta->baseUrl().toString() + path); }
    QString image(const QString &name) const { return m_images->baseUrl().toString() + QStringLiteral("/") + name; }
    void serve(const QString &name, const QByteArray &bytes, const QByteArray &type = "image/jpeg", int status = 200)
    {
        m_files.insert(QStringLiteral("/") + name, {status, type, bytes});
    }
    HttpAnswer call(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const Headers &headers = {})
    {
        return lux::test::httpRequest(*m_nam, verb, url(path), body, headers);
    }
    // The Graph API as a client calls it: GET with a query, POST with a form; the token as access_token.
    HttpAnswer get(const QString &token, const QString &path, Form query = {})
    {
        if (!token.isEmpty())
            query.append({QStringLiteral("access_token"), token});
        return call("GET", QStringLiteral("/v21.0") + path + (query.isEmpty() ? QString() : QString(QLatin1Char('?') + QString::fromLatin1(encode(query)))));
    }
    HttpAnswer post(const QString &token, const QString &path, Form form = {})
    {
        if (!token.isEmpty())
            form.append({QStringLiteral("access_token"), token});
        return call("POST", QStringLiteral("/v21.0") + path, encode(form),
                    {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}});
    }
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QJsonArray list(const QString &path) { return control("GET", path).value(QStringLiteral("list")).toArray(); }
    QJsonObject stats() { return control("GET", QStringLiteral("/_fake/stats")); }
    QJsonObject grant(const QJsonObject &request = {}) { return control("POST", QStringLiteral("/_fake/grant"), request); }
    QString userToken(const QJsonObject &request = {}) { return grant(request).value(QStringLiteral("access_token")).toString(); }
    QString pageToken(const QJsonObject &request = {})
    {
        return grant(request).value(QStringLiteral("pages")).toArray().at(0).toObject().value(QStringLiteral("access_token")).toString();
    }
    QString container(const QString &token, const Form &form);
    QString statusOf(const QString &token, const QString &containerId);
    QString settled(const QString &token, const QString &containerId); // waits while IN_PROGRESS
    QByteArray raw(const QByteArray &method, const QString &path, const QByteArray &body);
    HttpAnswer dialog(const Form &items);

    std::unique_ptr<FakeMeta> m_meta;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpServer> m_images;
    struct Served
    {
        int status = 200;
        QByteArray type, body;
    };
    QHash<QString, Served> m_files;
    QDateTime m_now;
    QByteArray m_portrait, m_square, m_wide, m_narrow;
};

void TestFakeMeta::initTestCase()
{
    m_portrait = jpeg(1080, 1350); // 4:5, the tallest Instagram takes
    m_square = jpeg(1080, 1080);
    m_wide = jpeg(1910, 1000);  // 1.91:1, the widest
    m_narrow = jpeg(1080, 300); // 3.6:1
    QVERIFY(m_portrait.startsWith("\xFF\xD8") && m_narrow.size() > 100);
}

void TestFakeMeta::init()
{
    m_meta = std::make_unique<FakeMeta>();
    QVERIFY(m_meta->listen());
    m_now = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    m_meta->setClock([this] { return m_now; });
    m_meta->setContainerDelay(20);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_files.clear();
    m_images = std::make_unique<HttpServer>([this](HttpExchange *e) {
        const auto it = m_files.constFind(e->request().url.path());
        HttpResponse r;
        r.status = it == m_files.constEnd() ? 404 : it->status;
        if (it != m_files.constEnd()) {
            r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", it->type));
            r.body = it->body;
        }
        e->respond(r);
    });
    QVERIFY(m_images->listen());
    serve(QStringLiteral("portrait.jpg"), m_portrait);
    serve(QStringLiteral("square.jpg"), m_square);
    serve(QStringLiteral("wide.jpg"), m_wide);
    serve(QStringLiteral("narrow.jpg"), m_narrow);
}

void TestFakeMeta::cleanup()
{
    m_nam.reset();
    m_meta.reset();
    m_images.reset();
}

QJsonObject TestFakeMeta::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const HttpAnswer a = call(method, path, method == "POST" ? QJsonDocument(body).toJson() : QByteArray(),
                              {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    if (a.status != 200)
        qWarning() << path << a.status << a.body;
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    return doc.isArray() ? QJsonObject{{QStringLiteral("list"), doc.array()}} : doc.object();
}

QString TestFakeMeta::container(const QString &token, const Form &form)
{
    const HttpAnswer a = post(token, QStringLiteral("/%1/media").arg(kIg), form);
    if (a.status != 200)
        qWarning() << "container" << a.status << a.body;
    return json(a).value(QStringLiteral("id")).toString();
}

QString TestFakeMeta::statusOf(const QString &token, const QString &containerId)
{
    return json(get(token, QLatin1Char('/') + containerId, {{QStringLiteral("fields"), QStringLiteral("status_code,status")}}))
        .value(QStringLiteral("status_code"))
        .toString();
}

QString TestFakeMeta::settled(const QString &token, const QString &containerId)
{
    QString status = statusOf(token, containerId);
    QElapsedTimer timer;
    timer.start();
    while (status == QLatin1String("IN_PROGRESS") && timer.elapsed() < 10000) {
        QTest::qWait(15);
        status = statusOf(token, containerId);
    }
    return status;
}

QByteArray TestFakeMeta::raw(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_meta->baseUrl().port());
    if (!socket.waitForConnected(10000))
        return "not connected";
    socket.write(method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    (void)QTest::qWaitFor([&socket, &answer] {
        answer += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }, 10000);
    return socket.state() == QAbstractSocket::UnconnectedState ? answer + socket.readAll() : QByteArray("still open");
}

HttpAnswer TestFakeMeta::dialog(const Form &items)
{
    return call("GET", QStringLiteral("/v21.0/dialog/oauth?") + QString::fromLatin1(encode(items)));
}

void TestFakeMeta::signIn()
{
    // The dialog approves at once and sends the browser back with a code and the state.
    const Form asked{{QStringLiteral("client_id"), kApp},
                     {QStringLiteral("redirect_uri"), kRedirect},
                     {QStringLiteral("state"), QStringLiteral("st-7")},
                     {QStringLiteral("response_type"), QStringLiteral("code")},
                     {QStringLiteral("scope"), QStringLiteral("pages_show_list,pages_read_engagement,pages_manage_posts,instagram_basic,instagram_content_publish")}};
    const HttpAnswer approved = dialog(asked);
    QCOMPARE(approved.status, 302);
    const QUrl back(QString::fromUtf8(approved.header("Location")));
    QCOMPARE(back.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString(), kRedirect);
    QCOMPARE(back.fragment(), QStringLiteral("_=_")); // as Facebook appends
    const QUrlQuery q(back);
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-7"));
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const auto exchange = [&](const QString &redirect, const QString &secret = kSecret) {
        return get({}, QStringLiteral("/oauth/access_token"),
                   {{QStringLiteral("client_id"), kApp}, {QStringLiteral("redirect_uri"), redirect}, {QStringLiteral("client_secret"), secret}, {QStringLiteral("code"), code}});
    };
    // A wrong secret, and a redirect_uri not exactly the dialog's: refused, the code still good.
    const HttpAnswer badSecret = exchange(kRedirect, QStringLiteral("nope"));
    QCOMPARE(badSecret.status, 400);
    QCOMPARE(codeOf(badSecret), 1);
    QCOMPARE(errorOf(badSecret).value(QStringLiteral("type")).toString(), QStringLiteral("OAuthException"));
    QVERIFY(!errorOf(badSecret).value(QStringLiteral("fbtrace_id")).toString().isEmpty());
    const HttpAnswer otherRedirect = exchange(kRedirect + QLatin1Char('/'));
    QCOMPARE(codeOf(otherRedirect), 100);
    QCOMPARE(subcodeOf(otherRedirect), 36008);

    const HttpAnswer shortLived = exchange(kRedirect);
    QCOMPARE(shortLived.status, 200);
    QCOMPARE(json(shortLived).value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(json(shortLived).value(QStringLiteral("expires_in")).toInt(), 5400);
    const QString shortToken = json(shortLived).value(QStringLiteral("access_token")).toString();
    QVERIFY(shortToken.startsWith(QLatin1String("EAA")));
    // A code works once.
    const HttpAnswer reused = exchange(kRedirect);
    QCOMPARE(reused.status, 400);
    QCOMPARE(codeOf(reused), 100);
    QCOMPARE(subcodeOf(reused), 36009);

    // Short-lived → long-lived.
    const HttpAnswer longLived = get({}, QStringLiteral("/oauth/access_token"),
                                     {{QStringLiteral("grant_type"), QStringLiteral("fb_exchange_token")},
                                      {QStringLiteral("client_id"), kApp},
                                      {QStringLiteral("client_secret"), kSecret},
                                      {QStringLiteral("fb_exchange_token"), shortToken}});
    QCOMPARE(longLived.status, 200);
    QCOMPARE(json(longLived).value(QStringLiteral("expires_in")).toInt(), 5183944);
    const QString longToken = json(longLived).value(QStringLiteral("access_token")).toString();
    QVERIFY(!longToken.isEmpty() && longToken != shortToken);

    const HttpAnswer me = get(longToken, QStringLiteral("/me"), {{QStringLiteral("fields"), QStringLiteral("id,name")}});
    QCOMPARE(json(me), (QJsonObject{{QStringLiteral("id"), kUser}, {QStringLiteral("name"), QStringLiteral("LUX Test")}}));

    // The pages, each with a Page token, and the Instagram account behind it.
    const HttpAnswer accounts = get(longToken, QStringLiteral("/me/accounts"),
                                    {{QStringLiteral("fields"), QStringLiteral("id,name,access_token,tasks,instagram_business_account{id,username}")}});
    QCOMPARE(accounts.status, 200);
    const QJsonObject pageEntry = json(accounts).value(QStringLiteral("data")).toArray().at(0).toObject();
    QCOMPARE(pageEntry.value(QStringLiteral("id")).toString(), kPage);
    QCOMPARE(pageEntry.value(QStringLiteral("name")).toString(), QStringLiteral("LUX Test Page"));
    QVERIFY(pageEntry.value(QStringLiteral("tasks")).toArray().contains(QStringLiteral("CREATE_CONTENT")));
    QCOMPARE(pageEntry.value(QStringLiteral("instagram_business_account")).toObject(),
             (QJsonObject{{QStringLiteral("id"), kIg}, {QStringLiteral("username"), QStringLiteral("lux_test")}}));
    QVERIFY(json(accounts).value(QStringLiteral("paging")).toObject().contains(QStringLiteral("cursors")));
    const QString pageToken = pageEntry.value(QStringLiteral("access_token")).toString();

    // debug_token with the app token: the Page token from a long-lived user token never expires.
    const QString appToken = kApp + QLatin1Char('|') + kSecret;
    const QJsonObject page = json(get(appToken, QStringLiteral("/debug_token"), {{QStringLiteral("input_token"), pageToken}})).value(QStringLiteral("data")).toObject();
    QCOMPARE(page.value(QStringLiteral("type")).toString(), QStringLiteral("PAGE"));
    QCOMPARE(page.value(QStringLiteral("app_id")).toString(), kApp);
    QCOMPARE(page.value(QStringLiteral("profile_id")).toString(), kPage);
    QCOMPARE(page.value(QStringLiteral("user_id")).toString(), kUser);
    QCOMPARE(page.value(QStringLiteral("expires_at")).toInteger(), 0);
    QVERIFY(page.value(QStringLiteral("is_valid")).toBool());
    QVERIFY(page.value(QStringLiteral("scopes")).toArray().contains(QStringLiteral("pages_manage_posts")));
    QCOMPARE(page.value(QStringLiteral("data_access_expires_at")).toInteger(), m_now.toSecsSinceEpoch() + 7776000);
    const QJsonObject user = json(get(appToken, QStringLiteral("/debug_token"), {{QStringLiteral("input_token"), shortToken}})).value(QStringLiteral("data")).toObject();
    QCOMPARE(user.value(QStringLiteral("type")).toString(), QStringLiteral("USER"));
    QCOMPARE(user.value(QStringLiteral("expires_at")).toInteger(), m_now.toSecsSinceEpoch() + 5400);
    // A Page token asked for with the short-lived user token ends with it.
    const QString shortPage = json(get(shortToken, QStringLiteral("/me/accounts"))).value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("access_token")).toString();
    QCOMPARE(json(get(appToken, QStringLiteral("/debug_token"), {{QStringLiteral("input_token"), shortPage}})).value(QStringLiteral("data")).toObject().value(QStringLiteral("expires_at")).toInteger(),
             m_now.toSecsSinceEpoch() + 5400);

    // A code expires after ten minutes.
    const QString late = QUrlQuery(QUrl(QString::fromUtf8(dialog(asked).header("Location")))).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    m_now = m_now.addSecs(601);
    const HttpAnswer expired = get({}, QStringLiteral("/oauth/access_token"),
                                   {{QStringLiteral("client_id"), kApp}, {QStringLiteral("redirect_uri"), kRedirect}, {QStringLiteral("client_secret"), kSecret}, {QStringLiteral("code"), late}});
    QCOMPARE(subcodeOf(expired), 36007);
    QCOMPARE(stats().value(QStringLiteral("codes_issued")).toInt(), 2);
}

void TestFakeMeta::dialogRefusals()
{
    const auto items = [](const QString &client, const QString &redirect, const QString &scope = QStringLiteral("pages_show_list")) {
        return Form{{QStringLiteral("client_id"), client}, {QStringLiteral("redirect_uri"), redirect}, {QStringLiteral("state"), QStringLiteral("s1")},
                    {QStringLiteral("scope"), scope}};
    };
    // Another app, an unregistered redirect, an unknown permission: an error page, no redirect at all.
    const HttpAnswer otherApp = dialog(items(QStringLiteral("999"), kRedirect));
    QCOMPARE(otherApp.status, 400);
    QVERIFY(otherApp.header("Location").isEmpty());
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("redirect_uris"), QJsonArray{kRedirect}}});
    QCOMPARE(dialog(items(kApp, QStringLiteral("http://127.0.0.1:9/elsewhere"))).status, 400);
    QCOMPARE(dialog(items(kApp, kRedirect, QStringLiteral("pages_show_list,publish_everything"))).status, 400);
    QCOMPARE(dialog(items(kApp, kRedirect)).status, 302);
    // The user says no: back to the app with Facebook's error and the state, no code.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("authorize_deny"), true}});
    const HttpAnswer denied = dialog(items(kApp, kRedirect));
    QCOMPARE(denied.status, 302);
    const QUrlQuery q(QUrl(QString::fromUtf8(denied.header("Location"))));
    QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(q.queryItemValue(QStringLiteral("error_reason")), QStringLiteral("user_denied"));
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
}

void TestFakeMeta::badTokensAndPermissions()
{
    const QJsonObject granted = grant();
    const QString user = granted.value(QStringLiteral("access_token")).toString();
    const QString page = granted.value(QStringLiteral("pages")).toArray().at(0).toObject().value(QStringLiteral("access_token")).toString();
    // Unknown: 190 without a subcode, and the WWW-Authenticate header.
    const HttpAnswer unknown = get(QStringLiteral("EAAmadeup"), QStringLiteral("/me"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(codeOf(unknown), 190);
    QVERIFY(!errorOf(unknown).contains(QStringLiteral("error_subcode")));
    QVERIFY(unknown.header("WWW-Authenticate").contains("invalid_token"));
    // None at all: 2500 for /me, 104 elsewhere.
    QCOMPARE(codeOf(get({}, QStringLiteral("/me"))), 2500);
    QCOMPARE(codeOf(get({}, QStringLiteral("/%1/published_posts").arg(kPage))), 104);
    // Posting with the user token (not the page's), or reading posts with it.
    const HttpAnswer userPosts = post(user, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("hi")}});
    QCOMPARE(userPosts.status, 403);
    QCOMPARE(codeOf(userPosts), 200);
    QCOMPARE(codeOf(get(user, QStringLiteral("/%1/published_posts").arg(kPage))), 190);
    // Without pages_manage_posts the Page token may not post; without instagram_content_publish no container.
    const QString readOnly = pageToken({{QStringLiteral("scopes"), QStringLiteral("pages_show_list,pages_read_engagement,instagram_basic")}});
    QCOMPARE(codeOf(post(readOnly, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("hi")}})), 200);
    const HttpAnswer noPublish = post(readOnly, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}});
    QCOMPARE(noPublish.status, 403);
    QCOMPARE(codeOf(noPublish), 10);
    QCOMPARE(get(readOnly, QStringLiteral("/%1/published_posts").arg(kPage)).status, 200);
    QCOMPARE(m_meta->stats().published() + m_meta->stats().containers, 0);

    // The password changes: every token of the user stops, Page tokens too, with 460.
    QCOMPARE(post(page, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("before")}}).status, 200);
    control("POST", QStringLiteral("/_fake/invalidate"), {{QStringLiteral("user_id"), kUser}, {QStringLiteral("reason"), QStringLiteral("password")}});
    const HttpAnswer changed = post(page, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("after")}});
    QCOMPARE(codeOf(changed), 190);
    QCOMPARE(subcodeOf(changed), 460);
    QCOMPARE(subcodeOf(get(user, QStringLiteral("/me"))), 460);
    const QJsonObject debugged = json(get(kApp + QLatin1Char('|') + kSecret, QStringLiteral("/debug_token"), {{QStringLiteral("input_token"), page}}))
                                     .value(QStringLiteral("data"))
                                     .toObject();
    QVERIFY(!debugged.value(QStringLiteral("is_valid")).toBool());
    QCOMPARE(debugged.value(QStringLiteral("error")).toObject().value(QStringLiteral("subcode")).toInt(), 460);
    // A new sign-in works again.
    QCOMPARE(post(pageToken(), QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("after")}}).status, 200);

    // A short-lived user token expires: 463.
    const QString shortToken = userToken({{QStringLiteral("long_lived"), false}});
    QCOMPARE(get(shortToken, QStringLiteral("/me")).status, 200);
    m_now = m_now.addSecs(5401);
    const HttpAnswer expired = get(shortToken, QStringLiteral("/me"));
    QCOMPARE(codeOf(expired), 190);
    QCOMPARE(subcodeOf(expired), 463);
    QCOMPARE(stats().value(QStringLiteral("facebook_posts")).toInt(), 2);
}

void TestFakeMeta::pageTextPostsAndDuplicates()
{
    const QString token = pageToken();
    const HttpAnswer first = post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("Spring sale: 20% off")}});
    QCOMPARE(first.status, 200);
    const QString id = json(first).value(QStringLiteral("id")).toString();
    QVERIFY2(id.startsWith(kPage + QLatin1Char('_')), qPrintable(id));
    QCOMPARE(first.header("facebook-api-version"), QByteArray("v21.0"));
    // The same message as the page's previous post: 506, nothing made.
    const HttpAnswer duplicate = post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("Spring sale: 20% off")}});
    QCOMPARE(duplicate.status, 400);
    QCOMPARE(codeOf(duplicate), 506);
    QCOMPARE(errorOf(duplicate).value(QStringLiteral("message")).toString(), QStringLiteral("(#506) Duplicate status message"));
    QVERIFY(!errorOf(duplicate).value(QStringLiteral("error_user_msg")).toString().isEmpty());
    QCOMPARE(m_meta->copies(kPage, QStringLiteral("Spring sale: 20% off")), 1);
    // Another post in between and the same text is the previous post no more.
    QCOMPARE(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("New arrivals")}, {QStringLiteral("link"), QStringLiteral("https://shop.example/new")}}).status, 200);
    QCOMPARE(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("Spring sale: 20% off")}}).status, 200);
    QCOMPARE(m_meta->copies(kPage, QStringLiteral("Spring sale: 20% off")), 2);
    // 63,206 characters at most; nothing at all is refused.
    QCOMPARE(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QString(63206, QLatin1Char('x'))}}).status, 200);
    const HttpAnswer tooLong = post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QString(63207, QLatin1Char('y'))}});
    QCOMPARE(codeOf(tooLong), 100);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/feed").arg(kPage))), 100);

    const QJsonArray posts = list(QStringLiteral("/_fake/posts"));
    QCOMPARE(posts.size(), 4);
    const QJsonObject recorded = posts.at(0).toObject();
    QCOMPARE(recorded.value(QStringLiteral("network")).toString(), QStringLiteral("facebook"));
    QCOMPARE(recorded.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(recorded.value(QStringLiteral("owner")).toString(), kPage);
    QCOMPARE(recorded.value(QStringLiteral("copies")).toInt(), 2);
    QCOMPARE(recorded.value(QStringLiteral("created_ms")).toInteger(), m_now.toMSecsSinceEpoch());
    QCOMPARE(posts.at(1).toObject().value(QStringLiteral("link")).toString(), QStringLiteral("https://shop.example/new"));
    QCOMPARE(stats().value(QStringLiteral("duplicates_refused")).toInt(), 1);
    // An unpublished post is made but listed nowhere.
    QCOMPARE(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("draft")}, {QStringLiteral("published"), QStringLiteral("false")}}).status, 200);
    QCOMPARE(list(QStringLiteral("/_fake/posts")).size(), 4);
    QCOMPARE(json(get(token, QStringLiteral("/%1/published_posts").arg(kPage))).value(QStringLiteral("data")).toArray().size(), 4);
}

void TestFakeMeta::photosFetchedAndMultiPhotoPost()
{
    const QString token = pageToken();
    // Two unpublished photos fetched from the local server, then one post that holds both.
    QStringList photos;
    for (const QString &name : {QStringLiteral("portrait.jpg"), QStringLiteral("square.jpg")}) {
        const HttpAnswer a = post(token, QStringLiteral("/%1/photos").arg(kPage),
                                  {{QStringLiteral("url"), image(name)}, {QStringLiteral("published"), QStringLiteral("false")}, {QStringLiteral("temporary"), QStringLiteral("true")}});
        QCOMPARE(a.status, 200);
        QVERIFY(!json(a).contains(QStringLiteral("post_id")));
        photos << json(a).value(QStringLiteral("id")).toString();
    }
    QCOMPARE(m_meta->stats().published(), 0); // unpublished photos are no posts
    const HttpAnswer multi = post(token, QStringLiteral("/%1/feed").arg(kPage),
                                  {{QStringLiteral("message"), QStringLiteral("Two pictures")},
                                   {QStringLiteral("attached_media[0]"), QStringLiteral("{\"media_fbid\":\"%1\"}").arg(photos.at(0))},
                                   {QStringLiteral("attached_media[1]"), QStringLiteral("{\"media_fbid\":\"%1\"}").arg(photos.at(1))}});
    QCOMPARE(multi.status, 200);
    const QJsonObject recorded = list(QStringLiteral("/_fake/posts")).at(0).toObject();
    QCOMPARE(recorded.value(QStringLiteral("media")).toArray(), QJsonArray::fromStringList(photos));
    const QJsonArray fetches = list(QStringLiteral("/_fake/fetches"));
    QCOMPARE(fetches.size(), 2);
    const QJsonObject fetched = fetches.at(0).toObject();
    QCOMPARE(fetched.value(QStringLiteral("url")).toString(), image(QStringLiteral("portrait.jpg")));
    QCOMPARE(fetched.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(fetched.value(QStringLiteral("bytes")).toInteger(), m_portrait.size());
    QCOMPARE(fetched.value(QStringLiteral("type")).toString(), QStringLiteral("image/jpeg"));
    QCOMPARE(fetched.value(QStringLiteral("width")).toInt(), 1080);
    QCOMPARE(fetched.value(QStringLiteral("height")).toInt(), 1350);
    QCOMPARE(fetched.value(QStringLiteral("error")).toString(), QString());

    // A made-up photo id, or a photo already published, is no attachment.
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("attached_media[0]"), QStringLiteral("{\"media_fbid\":\"42\"}")}})), 100);
    const HttpAnswer single = post(token, QStringLiteral("/%1/photos").arg(kPage), {{QStringLiteral("url"), image(QStringLiteral("wide.jpg"))}, {QStringLiteral("caption"), QStringLiteral("One picture")}});
    QCOMPARE(single.status, 200);
    const QString postId = json(single).value(QStringLiteral("post_id")).toString();
    QVERIFY2(postId.startsWith(kPage + QLatin1Char('_')), single.body.constData());
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/feed").arg(kPage),
                         {{QStringLiteral("attached_media[0]"), QStringLiteral("{\"media_fbid\":\"%1\"}").arg(json(single).value(QStringLiteral("id")).toString())}})),
             100);
    QCOMPARE(m_meta->stats().published(), 2);

    // What cannot be fetched makes nothing: a 404, a server that is not there, a file too big, not a picture.
    serve(QStringLiteral("gone.jpg"), QByteArray(), "text/html", 404);
    serve(QStringLiteral("huge.jpg"), m_square + QByteArray(10 * 1024 * 1024, '\0'));
    serve(QStringLiteral("page.html"), QByteArrayLiteral("<html>no picture</html>"), "text/html");
    const quint16 closed = lux::test::TrackerProcess::freePort();
    for (const QString &bad : {image(QStringLiteral("gone.jpg")), QStringLiteral("http://127.0.0.1:%1/a.jpg").arg(closed), image(QStringLiteral("huge.jpg")),
                               image(QStringLiteral("page.html"))}) {
        const HttpAnswer refused = post(token, QStringLiteral("/%1/photos").arg(kPage), {{QStringLiteral("url"), bad}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(codeOf(refused), 324);
    }
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/photos").arg(kPage), {{QStringLiteral("url"), QStringLiteral("not a url")}})), 100);
    QCOMPARE(m_meta->stats().photos, 3);
    const QJsonArray all = list(QStringLiteral("/_fake/fetches"));
    QCOMPARE(all.size(), 7);
    QCOMPARE(all.at(3).toObject().value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(all.at(4).toObject().value(QStringLiteral("status")).toInt(), 0);
    QVERIFY(all.at(5).toObject().value(QStringLiteral("error")).toString().contains(QLatin1String("larger")));
    QVERIFY(!all.at(6).toObject().value(QStringLiteral("error")).toString().isEmpty());
    QCOMPARE(stats().value(QStringLiteral("fetch_failures")).toInt(), 4);
}

void TestFakeMeta::publishedPostsSinceAndPaging()
{
    const QString token = pageToken();
    const QDateTime start = m_now;
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << json(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("post %1").arg(i)}})).value(QStringLiteral("id")).toString();
        m_now = m_now.addSecs(100);
    }
    // Newest first; since inclusive, to the second; the fields asked for.
    const HttpAnswer since = get(token, QStringLiteral("/%1/published_posts").arg(kPage),
                                 {{QStringLiteral("fields"), QStringLiteral("id,message,created_time,permalink_url")},
                                  {QStringLiteral("since"), QString::number(start.addSecs(200).toSecsSinceEpoch())}});
    QCOMPARE(since.status, 200);
    const QJsonArray data = json(since).value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 3);
    const QJsonObject newest = data.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("id")).toString(), ids.at(4));
    QCOMPARE(newest.value(QStringLiteral("message")).toString(), QStringLiteral("post 4"));
    QCOMPARE(newest.value(QStringLiteral("created_time")).toString(), QStringLiteral("2026-03-01T10:06:40+0000"));
    QVERIFY(newest.value(QStringLiteral("permalink_url")).toString().startsWith(QLatin1String("https://www.facebook.com/")));
    QCOMPARE(data.at(2).toObject().value(QStringLiteral("id")).toString(), ids.at(2));
    // until is exclusive.
    QCOMPARE(json(get(token, QStringLiteral("/%1/posts").arg(kPage), {{QStringLiteral("until"), QString::number(start.addSecs(100).toSecsSinceEpoch())}}))
                 .value(QStringLiteral("data"))
                 .toArray()
                 .size(),
             1);

    // Pages of two: next and the after cursor walk the rest, and the last page has no next.
    const HttpAnswer one = get(token, QStringLiteral("/%1/published_posts").arg(kPage), {{QStringLiteral("limit"), QStringLiteral("2")}});
    const QJsonObject paging = json(one).value(QStringLiteral("paging")).toObject();
    QCOMPARE(json(one).value(QStringLiteral("data")).toArray().size(), 2);
    const QUrl next(paging.value(QStringLiteral("next")).toString());
    QCOMPARE(next.port(), m_meta->baseUrl().port());
    const HttpAnswer two = lux::test::httpRequest(*m_nam, "GET", next);
    QCOMPARE(json(two).value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(), ids.at(2));
    const QString after = json(two).value(QStringLiteral("paging")).toObject().value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
    const HttpAnswer three = get(token, QStringLiteral("/%1/published_posts").arg(kPage), {{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("after"), after}});
    QCOMPARE(json(three).value(QStringLiteral("data")).toArray().size(), 1);
    QVERIFY(!json(three).value(QStringLiteral("paging")).toObject().contains(QStringLiteral("next")));

    // One post by its id.
    const HttpAnswer byId = get(token, QLatin1Char('/') + ids.at(1), {{QStringLiteral("fields"), QStringLiteral("message,created_time,permalink_url")}});
    QCOMPARE(json(byId).value(QStringLiteral("message")).toString(), QStringLiteral("post 1"));
    QCOMPARE(json(byId).value(QStringLiteral("id")).toString(), ids.at(1));
    QCOMPARE(codeOf(get(token, QLatin1Char('/') + ids.at(1), {{QStringLiteral("fields"), QStringLiteral("no_such_field")}})), 100);
    const HttpAnswer missing = get(token, QStringLiteral("/%1_999").arg(kPage));
    QCOMPARE(codeOf(missing), 100);
    QCOMPARE(subcodeOf(missing), 33);
}

void TestFakeMeta::comments()
{
    const QString token = pageToken();
    const QString postId = json(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("Comment below")}})).value(QStringLiteral("id")).toString();
    const HttpAnswer made = post(token, QStringLiteral("/%1/comments").arg(postId), {{QStringLiteral("message"), QStringLiteral("First!")}});
    QCOMPARE(made.status, 200);
    const QString commentId = json(made).value(QStringLiteral("id")).toString();
    QVERIFY(!commentId.isEmpty());
    const QJsonArray listed = json(get(token, QStringLiteral("/%1/comments").arg(postId))).value(QStringLiteral("data")).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("id")).toString(), commentId);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("message")).toString(), QStringLiteral("First!"));
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("from")).toObject().value(QStringLiteral("id")).toString(), kPage);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/comments").arg(postId))), 100); // no message
    // Without pages_manage_engagement: refused.
    const QString noEngagement = pageToken({{QStringLiteral("scopes"), QStringLiteral("pages_show_list,pages_read_engagement,pages_manage_posts")}});
    QCOMPARE(codeOf(post(noEngagement, QStringLiteral("/%1/comments").arg(postId), {{QStringLiteral("message"), QStringLiteral("x")}})), 200);
    QCOMPARE(list(QStringLiteral("/_fake/comments")).size(), 1);
}

void TestFakeMeta::instagramPublishOnce()
{
    const QString token = pageToken();
    m_meta->setContainerDelay(400); // room for the two requests below on a busy machine
    const QString id = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("portrait.jpg"))},
                                         {QStringLiteral("caption"), QStringLiteral("Hello #spring @friend")},
                                         {QStringLiteral("alt_text"), QStringLiteral("A jar of honey")}});
    QVERIFY(!id.isEmpty());
    // In progress: not ready to publish.
    const HttpAnswer status = get(token, QLatin1Char('/') + id, {{QStringLiteral("fields"), QStringLiteral("status_code,status")}});
    QCOMPARE(json(status).value(QStringLiteral("status_code")).toString(), QStringLiteral("IN_PROGRESS"));
    QCOMPARE(json(status).value(QStringLiteral("id")).toString(), id);
    QVERIFY(status.header("X-Business-Use-Case-Usage").contains("instagram"));
    const HttpAnswer early = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}});
    QCOMPARE(early.status, 400);
    QCOMPARE(codeOf(early), 9007);
    QCOMPARE(subcodeOf(early), 2207027);
    QCOMPARE(settled(token, id), QStringLiteral("FINISHED"));

    const HttpAnswer published = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}});
    QCOMPARE(published.status, 200);
    const QString mediaId = json(published).value(QStringLiteral("id")).toString();
    QVERIFY(!mediaId.isEmpty() && mediaId != id);
    QCOMPARE(statusOf(token, id), QStringLiteral("PUBLISHED"));
    // Never a second post from one container.
    const HttpAnswer again = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}});
    QCOMPARE(again.status, 400);
    QCOMPARE(codeOf(again), 100);
    QCOMPARE(m_meta->stats().instagramMedia, 1);
    // Another user's or an unknown container: 24/2207006.
    QCOMPARE(subcodeOf(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), QStringLiteral("123")}})), 2207006);

    // The account's media, newest first, and the media itself.
    const QJsonObject media = json(get(token, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("fields"), QStringLiteral("id,caption,timestamp,permalink,media_type")}}))
                                  .value(QStringLiteral("data"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
    QCOMPARE(media.value(QStringLiteral("id")).toString(), mediaId);
    QCOMPARE(media.value(QStringLiteral("caption")).toString(), QStringLiteral("Hello #spring @friend"));
    QCOMPARE(media.value(QStringLiteral("timestamp")).toString(), QStringLiteral("2026-03-01T10:00:00+0000"));
    QCOMPARE(media.value(QStringLiteral("media_type")).toString(), QStringLiteral("IMAGE"));
    QVERIFY(media.value(QStringLiteral("permalink")).toString().startsWith(QLatin1String("https://www.instagram.com/p/")));
    QCOMPARE(json(get(token, QLatin1Char('/') + mediaId, {{QStringLiteral("fields"), QStringLiteral("permalink,caption,timestamp")}})).value(QStringLiteral("permalink")),
             media.value(QStringLiteral("permalink")));
    // A first comment, and the list.
    QCOMPARE(post(token, QStringLiteral("/%1/comments").arg(mediaId), {{QStringLiteral("message"), QStringLiteral("Link in bio")}}).status, 200);
    QCOMPARE(json(get(token, QStringLiteral("/%1/comments").arg(mediaId))).value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("Link in bio"));

    const QJsonObject recorded = list(QStringLiteral("/_fake/posts")).at(0).toObject();
    QCOMPARE(recorded.value(QStringLiteral("network")).toString(), QStringLiteral("instagram"));
    QCOMPARE(recorded.value(QStringLiteral("owner")).toString(), kIg);
    QCOMPARE(recorded.value(QStringLiteral("container_id")).toString(), id);
    QCOMPARE(recorded.value(QStringLiteral("media")).toArray(), QJsonArray{image(QStringLiteral("portrait.jpg"))});
    QCOMPARE(recorded.value(QStringLiteral("copies")).toInt(), 1);
    const QJsonObject c = list(QStringLiteral("/_fake/containers")).at(0).toObject();
    QCOMPARE(c.value(QStringLiteral("alt_text")).toString(), QStringLiteral("A jar of honey"));
    QCOMPARE(c.value(QStringLiteral("media_id")).toString(), mediaId);
}

void TestFakeMeta::instagramImagesJudged()
{
    const QString token = pageToken();
    serve(QStringLiteral("picture.png"), png(1080, 1080), "image/png");
    serve(QStringLiteral("phone.jpg"), mpo(m_square));
    serve(QStringLiteral("big.jpg"), m_square + QByteArray(8 * 1024 * 1024, '\0'));
    serve(QStringLiteral("missing.jpg"), QByteArray(), "text/plain", 404);
    // Stored 1500x1000 (1.5:1, fine), but EXIF orientation 6 shows it 1000x1500 (0.67:1, too tall).
    serve(QStringLiteral("turned.jpg"), lux::test::jpegHeader(1500, 1000, 6, false, 4096));
    serve(QStringLiteral("upright.jpg"), lux::test::jpegHeader(1500, 1000, 1, false, 4096));
    const quint16 closed = lux::test::TrackerProcess::freePort();
    const QList<std::pair<QString, int>> cases = {
        {image(QStringLiteral("portrait.jpg")), 0},  {image(QStringLiteral("wide.jpg")), 0},       {image(QStringLiteral("upright.jpg")), 0},
        {image(QStringLiteral("picture.png")), 2207005}, {image(QStringLiteral("phone.jpg")), 2207005}, {image(QStringLiteral("narrow.jpg")), 2207009},
        {image(QStringLiteral("turned.jpg")), 2207009},  {image(QStringLiteral("big.jpg")), 2207004},   {image(QStringLiteral("missing.jpg")), 2207052},
        {QStringLiteral("http://127.0.0.1:%1/x.jpg").arg(closed), 2207052},
    };
    QStringList ids;
    for (const auto &c : cases)
        ids << container(token, {{QStringLiteral("image_url"), c.first}});
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QString expected = cases.at(i).second == 0 ? QStringLiteral("FINISHED") : QStringLiteral("ERROR");
        QCOMPARE(settled(token, ids.at(i)), expected);
        const FakeMeta::Container *c = m_meta->container(ids.at(i));
        QVERIFY(c);
        QCOMPARE(c->errorSubcode, cases.at(i).second);
    }
    // The reason is in the status, and publishing an ERROR container gives its error.
    const QString status = json(get(token, QLatin1Char('/') + ids.at(5), {{QStringLiteral("fields"), QStringLiteral("status_code,status")}})).value(QStringLiteral("status")).toString();
    QVERIFY2(status.startsWith(QLatin1String("Error:")) && status.contains(QLatin1String("2207009")), qPrintable(status));
    const HttpAnswer refused = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(3)}});
    QCOMPARE(codeOf(refused), 36001);
    QCOMPARE(subcodeOf(refused), 2207005);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(7)}})), 36000);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(8)}})), 9004);
    QCOMPARE(m_meta->stats().instagramMedia, 0);

    // Every fetch is on record, with what was wrong with it.
    const QJsonArray fetches = list(QStringLiteral("/_fake/fetches"));
    QCOMPARE(fetches.size(), cases.size());
    QHash<QString, QJsonObject> byUrl;
    for (const QJsonValue &v : fetches)
        byUrl.insert(v.toObject().value(QStringLiteral("url")).toString(), v.toObject());
    QCOMPARE(byUrl.value(image(QStringLiteral("phone.jpg"))).value(QStringLiteral("type")).toString(), QStringLiteral("image/mpo"));
    QCOMPARE(byUrl.value(image(QStringLiteral("turned.jpg"))).value(QStringLiteral("orientation")).toInt(), 6);
    QCOMPARE(byUrl.value(image(QStringLiteral("picture.png"))).value(QStringLiteral("type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(byUrl.value(image(QStringLiteral("missing.jpg"))).value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(byUrl.value(image(QStringLiteral("portrait.jpg"))).value(QStringLiteral("error")).toString(), QString());
    QVERIFY(!byUrl.value(image(QStringLiteral("big.jpg"))).value(QStringLiteral("error")).toString().isEmpty());
    QCOMPARE(stats().value(QStringLiteral("fetch_failures")).toInt(), 7);
}

void TestFakeMeta::captionLimits()
{
    const QString token = pageToken();
    const auto tags = [](QChar sign, int n) {
        QStringList words;
        for (int i = 0; i < n; ++i)
            words << sign + QStringLiteral("tag%1").arg(i);
        return words.join(QLatin1Char(' '));
    };
    const QString u = image(QStringLiteral("square.jpg"));
    QVERIFY(!container(token, {{QStringLiteral("image_url"), u}, {QStringLiteral("caption"), QString(2200, QLatin1Char('c'))}}).isEmpty());
    QVERIFY(!container(token, {{QStringLiteral("image_url"), u}, {QStringLiteral("caption"), tags(QLatin1Char('#'), 30)}}).isEmpty());
    QVERIFY(!container(token, {{QStringLiteral("image_url"), u}, {QStringLiteral("caption"), tags(QLatin1Char('@'), 20) + QStringLiteral(" mail@example.com")}}).isEmpty());
    for (const QString &caption : {QString(2201, QLatin1Char('c')), tags(QLatin1Char('#'), 31), tags(QLatin1Char('@'), 21)}) {
        const HttpAnswer refused = post(token, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("image_url"), u}, {QStringLiteral("caption"), caption}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(codeOf(refused), 36004);
        QCOMPARE(subcodeOf(refused), 2207010);
    }
    QCOMPARE(m_meta->stats().containers, 3);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("caption"), QStringLiteral("no image")}})), 100);
}

void TestFakeMeta::carousel()
{
    const QString token = pageToken();
    m_meta->setContainerDelay(500); // the children stay IN_PROGRESS for the early carousel below
    const QString a = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}, {QStringLiteral("is_carousel_item"), QStringLiteral("true")}});
    const QString b = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("portrait.jpg"))}, {QStringLiteral("is_carousel_item"), QStringLiteral("true")}});
    const QString single = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}});
    // The children are still in progress: not yet.
    const HttpAnswer early = post(token, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("media_type"), QStringLiteral("CAROUSEL")}, {QStringLiteral("children"), a + QLatin1Char(',') + b}});
    QCOMPARE(subcodeOf(early), 2207027);
    QCOMPARE(settled(token, a), QStringLiteral("FINISHED"));
    QCOMPARE(settled(token, b), QStringLiteral("FINISHED"));
    QCOMPARE(settled(token, single), QStringLiteral("FINISHED"));
    // One child, or a container that is no carousel item: refused. An item alone is not published.
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("media_type"), QStringLiteral("CAROUSEL")}, {QStringLiteral("children"), a}})), 100);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/media").arg(kIg), {{QStringLiteral("media_type"), QStringLiteral("CAROUSEL")}, {QStringLiteral("children"), a + QLatin1Char(',') + single}})), 100);
    QCOMPARE(codeOf(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), a}})), 100);

    const QString parent = container(token, {{QStringLiteral("media_type"), QStringLiteral("CAROUSEL")},
                                             {QStringLiteral("children"), a + QLatin1Char(',') + b},
                                             {QStringLiteral("caption"), QStringLiteral("Two looks")}});
    QCOMPARE(settled(token, parent), QStringLiteral("FINISHED"));
    const HttpAnswer published = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), parent}});
    QCOMPARE(published.status, 200);
    const QJsonObject recorded = list(QStringLiteral("/_fake/posts")).at(0).toObject();
    QCOMPARE(recorded.value(QStringLiteral("media_type")).toString(), QStringLiteral("CAROUSEL_ALBUM"));
    QCOMPARE(recorded.value(QStringLiteral("media")).toArray(), (QJsonArray{image(QStringLiteral("square.jpg")), image(QStringLiteral("portrait.jpg"))}));
    QCOMPARE(recorded.value(QStringLiteral("message")).toString(), QStringLiteral("Two looks"));
    QCOMPARE(m_meta->quotaUsage(kIg), 1); // a carousel counts once
}

void TestFakeMeta::quotaAndPublishingLimit()
{
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("quota_total"), 2}});
    const QString token = pageToken();
    const auto limit = [&] {
        return json(get(token, QStringLiteral("/%1/content_publishing_limit").arg(kIg), {{QStringLiteral("fields"), QStringLiteral("config,quota_usage")}}));
    };
    QCOMPARE(limit(), (QJsonObject{{QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("config"), QJsonObject{{QStringLiteral("quota_total"), 2}, {QStringLiteral("quota_duration"), 86400}}},
                                                                                     {QStringLiteral("quota_usage"), 0}}}}}));
    const auto ready = [&](int n) {
        const QString id = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}, {QStringLiteral("caption"), QStringLiteral("n%1").arg(n)}});
        return settled(token, id) == QLatin1String("FINISHED") ? id : QString();
    };
    QStringList ids{ready(0)};
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(0)}}).status, 200);
    m_now = m_now.addSecs(3600);
    ids << ready(1) << ready(2);
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(1)}}).status, 200);
    QCOMPARE(limit().value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("quota_usage")).toInt(), 2);
    const HttpAnswer over = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(2)}});
    QCOMPARE(over.status, 400);
    QCOMPARE(codeOf(over), 9);
    QCOMPARE(subcodeOf(over), 2207042);
    QCOMPARE(statusOf(token, ids.at(2)), QStringLiteral("FINISHED")); // not spent
    // Rolling: 24 hours after the first, one slot is free again (the container is 23 hours old, still good).
    m_now = m_now.addSecs(86400 - 3600 + 1);
    QCOMPARE(limit().value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("quota_usage")).toInt(), 1);
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), ids.at(2)}}).status, 200);
    // Without fields: quota_usage alone.
    QCOMPARE(json(get(token, QStringLiteral("/%1/content_publishing_limit").arg(kIg))).value(QStringLiteral("data")).toArray().at(0).toObject().keys(),
             QStringList{QStringLiteral("quota_usage")});
    QCOMPARE(stats().value(QStringLiteral("quota_refused")).toInt(), 1);
}

void TestFakeMeta::containerExpires()
{
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("container_ttl_s"), 3600}});
    const QString token = pageToken();
    const QString id = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}});
    QCOMPARE(settled(token, id), QStringLiteral("FINISHED"));
    m_now = m_now.addSecs(3600);
    QCOMPARE(statusOf(token, id), QStringLiteral("EXPIRED"));
    const HttpAnswer late = post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}});
    QCOMPARE(codeOf(late), -2);
    QCOMPARE(subcodeOf(late), 2207020);
    QCOMPARE(m_meta->stats().instagramMedia, 0);
}

void TestFakeMeta::usageHeadersAndThrottling()
{
    // The app's bucket: 10 calls an hour, so each user-token call is 10 %.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("usage"), QJsonObject{{QStringLiteral("app_calls_per_hour"), 10}, {QStringLiteral("regain_s"), 600}}}});
    const QJsonObject granted = grant();
    const QString user = granted.value(QStringLiteral("access_token")).toString();
    const QString page = granted.value(QStringLiteral("pages")).toArray().at(0).toObject().value(QStringLiteral("access_token")).toString();
    for (int i = 1; i <= 10; ++i) {
        const HttpAnswer a = get(user, QStringLiteral("/me"));
        QCOMPARE(a.status, 200);
        QCOMPARE(header(a, "X-App-Usage"), (QJsonObject{{QStringLiteral("call_count"), 10 * i}, {QStringLiteral("total_cputime"), 10 * i}, {QStringLiteral("total_time"), 10 * i}}));
        QVERIFY(a.header("X-Business-Use-Case-Usage").isEmpty()); // a user token: the Platform limits
    }
    const HttpAnswer refused = get(user, QStringLiteral("/me"));
    QCOMPARE(refused.status, 400);
    QCOMPARE(codeOf(refused), 4);
    QVERIFY(errorOf(refused).value(QStringLiteral("is_transient")).toBool());
    QCOMPARE(header(refused, "X-App-Usage").value(QStringLiteral("call_count")).toInt(), 100);
    // A Page token is counted in the page's bucket, not the app's.
    const HttpAnswer pageCall = get(page, QStringLiteral("/%1/published_posts").arg(kPage));
    QCOMPARE(pageCall.status, 200);
    const QJsonObject buc = header(pageCall, "X-Business-Use-Case-Usage").value(kPage).toArray().at(0).toObject();
    QCOMPARE(buc.value(QStringLiteral("type")).toString(), QStringLiteral("pages"));
    QCOMPARE(buc.value(QStringLiteral("estimated_time_to_regain_access")).toInt(), 0);
    m_now = m_now.addSecs(599);
    QCOMPARE(codeOf(get(user, QStringLiteral("/me"))), 4);
    m_now = m_now.addSecs(1); // the regain time has passed: the bucket starts again
    const HttpAnswer back = get(user, QStringLiteral("/me"));
    QCOMPARE(back.status, 200);
    QCOMPARE(header(back, "X-App-Usage").value(QStringLiteral("call_count")).toInt(), 10);

    // The page's bucket at 99.99 % total_time: the next call is answered at 100, then 80001 for ten minutes.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("usage"), QJsonObject{{QStringLiteral("levels"), QJsonObject{{kPage, QJsonObject{{QStringLiteral("total_time"), 99.99}}}}}}}});
    const HttpAnswer last = post(page, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("just in")}});
    QCOMPARE(last.status, 200);
    const QJsonObject full = header(last, "X-Business-Use-Case-Usage").value(kPage).toArray().at(0).toObject();
    QCOMPARE(full.value(QStringLiteral("total_time")).toInt(), 100);
    QCOMPARE(full.value(QStringLiteral("estimated_time_to_regain_access")).toInt(), 10);
    const HttpAnswer pageRefused = post(page, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("too many")}});
    QCOMPARE(pageRefused.status, 400);
    QCOMPARE(codeOf(pageRefused), 80001);
    QVERIFY(errorOf(pageRefused).value(QStringLiteral("is_transient")).toBool());
    QCOMPARE(header(pageRefused, "X-Business-Use-Case-Usage").value(kPage).toArray().at(0).toObject().value(QStringLiteral("estimated_time_to_regain_access")).toInt(), 10);
    QCOMPARE(m_meta->stats().facebookPosts, 1);
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("usage"), QJsonObject{{QStringLiteral("page_throttle_code"), 32}}}});
    QCOMPARE(codeOf(get(page, QStringLiteral("/%1/published_posts").arg(kPage))), 32);
    // Instagram's bucket is the account's: 80002. The page's is still throttled, Instagram's was not.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("usage"), QJsonObject{{QStringLiteral("levels"), QJsonObject{{kIg, QJsonObject{{QStringLiteral("call_count"), 100}}}}}}}});
    const HttpAnswer igLast = get(page, QStringLiteral("/%1/content_publishing_limit").arg(kIg));
    QCOMPARE(igLast.status, 200);
    QCOMPARE(header(igLast, "X-Business-Use-Case-Usage").value(kIg).toArray().at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("instagram"));
    QCOMPARE(codeOf(get(page, QStringLiteral("/%1/content_publishing_limit").arg(kIg))), 80002);
    m_now = m_now.addSecs(601);
    QCOMPARE(get(page, QStringLiteral("/%1/content_publishing_limit").arg(kIg)).status, 200);
    QCOMPARE(post(page, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("too many")}}).status, 200);
    QCOMPARE(stats().value(QStringLiteral("throttled")).toInt(), 5);
}

void TestFakeMeta::injectedFaults()
{
    const QString token = pageToken();
    const QString feed = QStringLiteral("/%1/feed").arg(kPage);
    const auto published = [this] { return m_meta->stats().published(); };
    // 500 with code 1, then 2, is_transient, nothing done.
    m_meta->setNextFaults(QStringLiteral("server_error"), 2);
    const HttpAnswer e1 = post(token, feed, {{QStringLiteral("message"), QStringLiteral("a")}});
    QCOMPARE(e1.status, 500);
    QCOMPARE(codeOf(e1), 1);
    QVERIFY(errorOf(e1).value(QStringLiteral("is_transient")).toBool());
    QCOMPARE(codeOf(post(token, feed, {{QStringLiteral("message"), QStringLiteral("a")}})), 2);
    QCOMPARE(published(), 0);
    // Throttled: the page bucket's error and headers at 100, nothing done.
    m_meta->setNextFaults(QStringLiteral("throttle"), 1);
    const HttpAnswer throttled = post(token, feed, {{QStringLiteral("message"), QStringLiteral("a")}});
    QCOMPARE(codeOf(throttled), 80001);
    QCOMPARE(header(throttled, "X-Business-Use-Case-Usage").value(kPage).toArray().at(0).toObject().value(QStringLiteral("call_count")).toInt(), 100);
    QCOMPARE(published(), 0);
    QCOMPARE(post(token, feed, {{QStringLiteral("message"), QStringLiteral("a")}}).status, 200);
    QCOMPARE(published(), 1);

    // Dropped before anything happens (over a socket of its own: QNetworkAccessManager would resend).
    const QByteArray form = encode({{QStringLiteral("message"), QStringLiteral("the lost one")}, {QStringLiteral("access_token"), token}});
    m_meta->setNextFaults(QStringLiteral("drop"), 1);
    QCOMPARE(raw("POST", QStringLiteral("/v21.0") + feed, form), QByteArray());
    QCOMPARE(published(), 1);
    // Lost: the post is made, the client hears nothing, the record shows it once; a resend is a duplicate.
    m_meta->setNextFaults(QStringLiteral("lose"), 1);
    QCOMPARE(raw("POST", QStringLiteral("/v21.0") + feed, form), QByteArray());
    QCOMPARE(published(), 2);
    QJsonObject lost;
    for (const QJsonValue &v : list(QStringLiteral("/_fake/posts")))
        if (v.toObject().value(QStringLiteral("message")).toString() == QLatin1String("the lost one"))
            lost = v.toObject();
    QCOMPARE(lost.value(QStringLiteral("copies")).toInt(), 1);
    QCOMPARE(json(get(token, QStringLiteral("/%1/published_posts").arg(kPage))).value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("the lost one"));
    QCOMPARE(codeOf(post(token, feed, {{QStringLiteral("message"), QStringLiteral("the lost one")}})), 506);

    // A lost media_publish: published, the container says so, and publishing again is refused.
    const QString id = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}, {QStringLiteral("caption"), QStringLiteral("lost on IG")}});
    QCOMPARE(settled(token, id), QStringLiteral("FINISHED"));
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{ig}/media_publish"));
    QCOMPARE(raw("POST", QStringLiteral("/v21.0/%1/media_publish").arg(kIg), encode({{QStringLiteral("creation_id"), id}, {QStringLiteral("access_token"), token}})), QByteArray());
    QCOMPARE(statusOf(token, id), QStringLiteral("PUBLISHED"));
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}}).status, 400);
    QCOMPARE(m_meta->copies(kIg, QStringLiteral("lost on IG")), 1);

    // Slow: the answer comes, late.
    FakeMeta::Faults f;
    f.slowMs = 800;
    m_meta->setFaults(f);
    m_meta->setNextFaults(QStringLiteral("slow"), 1);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(post(token, feed, {{QStringLiteral("message"), QStringLiteral("slowly")}}).status, 200);
    QVERIFY2(timer.elapsed() >= 750, qPrintable(QString::number(timer.elapsed())));

    const QJsonObject faults = stats().value(QStringLiteral("faults")).toObject();
    QCOMPARE(faults, (QJsonObject{{QStringLiteral("server_error"), 2}, {QStringLiteral("throttle"), 1}, {QStringLiteral("drop"), 1}, {QStringLiteral("lose"), 2}, {QStringLiteral("slow"), 1}}));
}

void TestFakeMeta::faultsByPathAndScope()
{
    const QString token = pageToken();
    // The next media_publish fails; the container and the status reads around it do not.
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("next"), QJsonObject{{QStringLiteral("server_error"),
                                                                                           QJsonObject{{QStringLiteral("count"), 1}, {QStringLiteral("path"), QStringLiteral("POST /{ig}/media_publish")}}}}}}}});
    const QString id = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}});
    QCOMPARE(settled(token, id), QStringLiteral("FINISHED"));
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}}).status, 500);
    QCOMPARE(statusOf(token, id), QStringLiteral("FINISHED"));
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), id}}).status, 200);
    // Scope "publish": the publishing calls fail, everything else works (unpublished photos too).
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("scope"), QStringLiteral("publish")}, {QStringLiteral("server_error"), 1}}}});
    QCOMPARE(get(token, QStringLiteral("/%1/published_posts").arg(kPage)).status, 200);
    QCOMPARE(post(token, QStringLiteral("/%1/photos").arg(kPage), {{QStringLiteral("url"), image(QStringLiteral("square.jpg"))}, {QStringLiteral("published"), QStringLiteral("false")}}).status, 200);
    QCOMPARE(post(token, QStringLiteral("/%1/photos").arg(kPage), {{QStringLiteral("url"), image(QStringLiteral("square.jpg"))}}).status, 500);
    QCOMPARE(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("x")}}).status, 500);
    const QString other = container(token, {{QStringLiteral("image_url"), image(QStringLiteral("square.jpg"))}});
    QVERIFY(!other.isEmpty());
    QCOMPARE(settled(token, other), QStringLiteral("FINISHED"));
    QCOMPARE(post(token, QStringLiteral("/%1/media_publish").arg(kIg), {{QStringLiteral("creation_id"), other}}).status, 500);
    QCOMPARE(m_meta->stats().published(), 1);
    // A token is checked before any fault: an unknown one is 190 even now.
    QCOMPARE(codeOf(post(QStringLiteral("EAAnope"), QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("x")}})), 190);
}

void TestFakeMeta::seededFaultsRepeat()
{
    // The same seed, the same faults in the same places: a failing crash run can be replayed.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("duplicate_check"), false}});
    const QString token = pageToken();
    const auto run = [&] {
        QString pattern;
        for (int i = 0; i < 40; ++i) {
            const HttpAnswer a = post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("m%1").arg(i)}});
            pattern += a.status == 200 ? QLatin1Char('.') : codeOf(a) == 80001 ? QLatin1Char('t') : QLatin1Char('5');
        }
        return pattern;
    };
    control("POST", QStringLiteral("/_fake/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("seed"), 7}, {QStringLiteral("server_error"), 0.15}, {QStringLiteral("throttle"), 0.15}, {QStringLiteral("latency_ms"), 0}}}});
    const QString first = run();
    m_meta->setSeed(7);
    QCOMPARE(run(), first);
    QVERIFY2(first.contains(QLatin1Char('.')) && first.contains(QLatin1Char('5')) && first.contains(QLatin1Char('t')), qPrintable(first));
    m_meta->setSeed(8);
    QVERIFY(run() != first);
}

void TestFakeMeta::configRefusesTypos()
{
    QCOMPARE(call("POST", QStringLiteral("/_fake/config"), R"({"quota_total":3,"faults":{"next":{"dorp":1}}})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/_fake/config"), R"({"quota_total":3,"usage":{"page_throttle_code":17}})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/_fake/config"), R"({"quota_total":3,"faults":{"scope":"everything"}})").status, 400);
    // Nothing changed.
    const QString token = pageToken();
    QCOMPARE(json(get(token, QStringLiteral("/%1/content_publishing_limit").arg(kIg), {{QStringLiteral("fields"), QStringLiteral("config")}}))
                 .value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("config")).toObject().value(QStringLiteral("quota_total")).toInt(),
             50);
    // A reset forgets posts and tokens; the configuration stays unless asked.
    control("POST", QStringLiteral("/_fake/config"), {{QStringLiteral("quota_total"), 3}});
    QCOMPARE(post(token, QStringLiteral("/%1/feed").arg(kPage), {{QStringLiteral("message"), QStringLiteral("x")}}).status, 200);
    control("POST", QStringLiteral("/_fake/reset"));
    QCOMPARE(list(QStringLiteral("/_fake/posts")).size(), 0);
    QCOMPARE(codeOf(get(token, QStringLiteral("/me"))), 190);
    const QString fresh = pageToken();
    QCOMPARE(json(get(fresh, QStringLiteral("/%1/content_publishing_limit").arg(kIg), {{QStringLiteral("fields"), QStringLiteral("config")}}))
                 .value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("config")).toObject().value(QStringLiteral("quota_total")).toInt(),
             3);
}

void TestFakeMeta::standaloneExecutable()
{
    // lux-fake-meta prints its base URL and serves the same API to other processes.
    QProcess fake;
    fake.start(QStringLiteral(LUX_BINARY_DIR "/tests/fakes/lux-fake-meta"),
               {QStringLiteral("--app-id"), QStringLiteral("111222333"), QStringLiteral("--page"), QStringLiteral("200000000000002:Shop:17841400000000002:shop")});
    QVERIFY2(fake.waitForStarted(), qPrintable(fake.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(fake.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(fake.readLine().trimmed()));
    QVERIFY(base.isValid() && base.port() > 0);
    const HttpAnswer granted = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/_fake/grant")), "{}");
    QCOMPARE(granted.status, 200);
    const QJsonObject page = json(granted).value(QStringLiteral("pages")).toArray().at(0).toObject();
    QCOMPARE(page.value(QStringLiteral("id")).toString(), QStringLiteral("200000000000002"));
    QCOMPARE(page.value(QStringLiteral("instagram_business_account")).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("shop"));
    const HttpAnswer posted = lux::test::httpRequest(*m_nam, "POST", QUrl(base.toString() + QStringLiteral("/v21.0/200000000000002/feed")),
                                                     encode({{QStringLiteral("message"), QStringLiteral("hello")},
                                                             {QStringLiteral("access_token"), page.value(QStringLiteral("access_token")).toString()}}),
                                                     {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}});
    QCOMPARE(posted.status, 200);
    QVERIFY(json(posted).value(QStringLiteral("id")).toString().startsWith(QLatin1String("200000000000002_")));
    // --app-id took: the default app is a stranger now.
    const HttpAnswer stranger = lux::test::httpRequest(*m_nam, "GET", QUrl(base.toString() + QStringLiteral("/v21.0/dialog/oauth?client_id=") + kApp
                                                                            + QStringLiteral("&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb")));
    QCOMPARE(stranger.status, 400);
    fake.kill();
    fake.waitForFinished();
}

LUX_TEST_MAIN(TestFakeMeta, QCoreApplication)
#include "tst_fakemeta.moc"
