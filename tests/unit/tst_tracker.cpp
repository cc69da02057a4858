// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker as its users and attackers meet it: a real process on loopback, real HTTP. Pixels,
// clicks and one-click unsubscribes; forged, truncated, wrong-key and re-pointed tokens; no open
// redirect; GET never unsubscribes; size limits, malformed requests, rate limits; the API's
// authentication and cursor; nothing acknowledged lost on a clean stop; no personal data logged.
#include "testsupport.h"
#include "trackerprocess.h"
#include "tracking/token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <unistd.h>

using namespace lux;
using namespace lux::test;
using tracking::Claims;
using tracking::Purpose;

namespace {
const QByteArray kBrowser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
}

class TestTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void healthz();
    void pixelRecordsOpensAndFlagsMachines();
    void forgedPixelGetsTheGifButNoEvent();
    void clickRedirectsOnlyToRegisteredLinks();
    void forgedClickTokensAreRefused();
    void anonymousHitsAreCountedWithoutARecipient();
    void unsubscribePageNeverUnsubscribesOnGet();
    void oneClickPostInBothEncodings();
    void oneClickRefusesWhatIsNotOneClick();
    void unsubscribePagesFollowTheTokensLanguage();
    void apiNeedsTheBearerToken();
    void apiValidatesLinks();
    void eventsPageWithACursor();
    void oversizedAndMalformedGet4xxAndServerKeepsRunning();
    void rateLimitPerAddress();
    void cleanStopLosesNothingAcknowledged();
    void accessLogHoldsNoPersonalData();
    void refusesRootAndBadConfiguration();

private:
    QString sign(Purpose p, quint64 campaign, quint64 recipient, quint32 link = 0,
                 tracking::Language language = tracking::Language::Unknown) const;
    HttpAnswer get(const QString &path, const QByteArray &agent = kBrowser, const QByteArray &verb = "GET");
    HttpAnswer api(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const QByteArray &token = {});
    QJsonArray events(qint64 after = 0);
    void registerLinks(qint64 campaign, const QList<QPair<int, QString>> &links);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<TrackerProcess> m_tracker;
    QNetworkAccessManager m_nam;
};

void TestTracker::init()
{
    m_env = std::make_unique<TestEnvironment>();
    QStringList extra{QStringLiteral("--rate-limit"), QStringLiteral("0")};
    if (QByteArray(QTest::currentTestFunction()) == "rateLimitPerAddress")
        extra = {QStringLiteral("--rate-limit"), QStringLiteral("2"), QStringLiteral("--rate-burst"), QStringLiteral("5")};
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), extra);
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
}

void TestTracker::cleanup()
{
    if (m_tracker && m_tracker->process().state() != QProcess::NotRunning)
        QVERIFY2(m_tracker->stop(), m_tracker->output().constData());
    m_tracker.reset();
    m_env.reset();
}

QString TestTracker::sign(Purpose p, quint64 campaign, quint64 recipient, quint32 link, tracking::Language language) const
{
    return tracking::TokenCodec(*tracking::KeyRing::parse(m_tracker->keys())).sign({p, campaign, recipient, link, 0, language});
}

HttpAnswer TestTracker::get(const QString &path, const QByteArray &agent, const QByteArray &verb)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    headers.append(qMakePair(QByteArray("User-Agent"), agent));
    return httpRequest(m_nam, verb, m_tracker->url(path), {}, headers);
}

HttpAnswer TestTracker::api(const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + (token.isNull() ? m_tracker->apiToken() : token)}};
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return httpRequest(m_nam, verb, m_tracker->url(path), body, headers);
}

QJsonArray TestTracker::events(qint64 after)
{
    // Events land within one batch interval (50 ms); poll briefly rather than guess.
    QJsonArray out;
    for (int i = 0; i < 40; ++i) {
        const auto a = api("GET", QStringLiteral("/api/v1/events?after=%1&limit=1000").arg(after));
        out = QJsonDocument::fromJson(a.body).object().value(QStringLiteral("events")).toArray();
        if (!out.isEmpty())
            break;
        QTest::qWait(25);
    }
    return out;
}

void TestTracker::registerLinks(qint64 campaign, const QList<QPair<int, QString>> &links)
{
    QJsonArray arr;
    for (const auto &[id, url] : links)
        arr.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("url"), url}});
    const auto a = api("POST", QStringLiteral("/api/v1/links"),
                       QJsonDocument(QJsonObject{{QStringLiteral("campaign"), campaign}, {QStringLiteral("links"), arr}}).toJson());
    QCOMPARE(a.status, 200);
    QCOMPARE(QJsonDocument::fromJson(a.body).object().value(QStringLiteral("registered")).toInt(), links.size());
}

void TestTracker::healthz()
{
    const auto a = get(QStringLiteral("/healthz"));
    QCOMPARE(a.status, 200);
    QCOMPARE(QJsonDocument::fromJson(a.body).object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(get(QStringLiteral("/nothing-here")).status, 404);
}

void TestTracker::pixelRecordsOpensAndFlagsMachines()
{
    const QString token = sign(Purpose::Open, 12, 345);
    const auto a = get(QStringLiteral("/o/") + token);
    QCOMPARE(a.status, 200);
    QCOMPARE(a.header("Content-Type"), QByteArray("image/gif"));
    QVERIFY(a.body.startsWith("GIF89a"));
    QVERIFY(a.header("Cache-Control").contains("no-store"));
    QVERIFY(a.header("Set-Cookie").isEmpty());
    QCOMPARE(get(QStringLiteral("/o/") + token, "Mozilla/5.0").status, 200); // Apple's proxy
    QCOMPARE(get(QStringLiteral("/o/") + token, kBrowser, "HEAD").status, 200);
    QJsonArray e;
    for (int i = 0; i < 40 && e.size() < 3; ++i) {
        e = events();
        QTest::qWait(25);
    }
    QCOMPARE(e.size(), 3);
    const QJsonObject first = e[0].toObject();
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("open"));
    QCOMPARE(first.value(QStringLiteral("campaign")).toInteger(), 12);
    QCOMPARE(first.value(QStringLiteral("recipient")).toInteger(), 345);
    QCOMPARE(first.value(QStringLiteral("machine")).toBool(), false);
    QCOMPARE(e[1].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("apple-mpp"));
    QCOMPARE(e[1].toObject().value(QStringLiteral("machine")).toBool(), true);
    QCOMPARE(e[2].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("head-request"));
}

void TestTracker::forgedPixelGetsTheGifButNoEvent()
{
    const QString token = sign(Purpose::Open, 12, 345);
    QString forged = token;
    forged[5] = forged[5] == u'A' ? u'B' : u'A';
    for (const QString &t : {forged, token.left(token.size() - 3), sign(Purpose::Click, 12, 345, 1), QStringLiteral("x")}) {
        const auto a = get(QStringLiteral("/o/") + t);
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.startsWith("GIF89a"));
    }
    QCOMPARE(get(QStringLiteral("/o/") + token).status, 200); // one good one, to know the others are not just late
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e[0].toObject().value(QStringLiteral("recipient")).toInteger(), 345);
}

void TestTracker::clickRedirectsOnlyToRegisteredLinks()
{
    registerLinks(7, {{1, QStringLiteral("https://shop.example/spring?utm_source=lux")}, {2, QStringLiteral("http://example.org/b")}});
    auto a = get(QStringLiteral("/c/") + sign(Purpose::Click, 7, 100, 1));
    QCOMPARE(a.status, 302);
    QCOMPARE(a.header("Location"), QByteArray("https://shop.example/spring?utm_source=lux"));
    QCOMPARE(a.header("Referrer-Policy"), QByteArray("no-referrer")); // the token does not leak to the shop
    a = get(QStringLiteral("/c/") + sign(Purpose::Click, 7, 100, 2) + QStringLiteral("?url=https://evil.example/&next=//evil.example"));
    QCOMPARE(a.status, 302);
    QCOMPARE(a.header("Location"), QByteArray("http://example.org/b")); // never from the request
    // Signed, but a link the app never registered, or another campaign's: 404, no Location.
    for (const QString &t : {sign(Purpose::Click, 7, 100, 3), sign(Purpose::Click, 8, 100, 1)}) {
        a = get(QStringLiteral("/c/") + t);
        QCOMPARE(a.status, 404);
        QVERIFY(a.header("Location").isEmpty());
        QVERIFY(a.body.contains("This link does not work"));
    }
    const QJsonArray e = events();
    QCOMPARE(e.size(), 2);
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("click"));
    QCOMPARE(e[0].toObject().value(QStringLiteral("link")).toInteger(), 1);
    QCOMPARE(e[1].toObject().value(QStringLiteral("link")).toInteger(), 2);
    // Links survive a restart (they are on disk, not only in memory).
    QVERIFY(m_tracker->stop());
    QVERIFY(m_tracker->start());
    m_nam.clearConnectionCache();
    QCOMPARE(get(QStringLiteral("/c/") + sign(Purpose::Click, 7, 101, 1)).header("Location"), QByteArray("https://shop.example/spring?utm_source=lux"));
}

void TestTracker::anonymousHitsAreCountedWithoutARecipient()
{
    registerLinks(9, {{1, QStringLiteral("https://shop.example/anon")}});
    const QString open = sign(Purpose::AnonymousOpen, 9, 0);
    const QString click = sign(Purpose::AnonymousClick, 9, 0, 1);
    QCOMPARE(get(QStringLiteral("/o/") + open).status, 200);
    QCOMPARE(get(QStringLiteral("/o/") + open, "Mozilla/5.0").status, 200); // Apple's proxy: still a machine
    auto a = get(QStringLiteral("/c/") + click);
    QCOMPARE(a.status, 302);
    QCOMPARE(a.header("Location"), QByteArray("https://shop.example/anon"));
    // An anonymous token that names someone is forged: a pixel but no event, a 404 for a click.
    QCOMPARE(get(QStringLiteral("/o/") + sign(Purpose::AnonymousOpen, 9, 77)).status, 200);
    QCOMPARE(get(QStringLiteral("/c/") + sign(Purpose::AnonymousClick, 9, 77, 1)).status, 404);
    // A test send's open (recipient 0, the named kind) is still told apart.
    QCOMPARE(get(QStringLiteral("/o/") + sign(Purpose::Open, 9, 0)).status, 200);
    QJsonArray e;
    for (int i = 0; i < 40 && e.size() < 4; ++i) {
        e = events();
        QTest::qWait(25);
    }
    QCOMPARE(e.size(), 4);
    constexpr qint64 kDay = 86'400'000;
    for (int i : {0, 1, 2}) {
        const QJsonObject hit = e[i].toObject();
        QCOMPARE(hit.value(QStringLiteral("anonymous")).toBool(), true);
        QCOMPARE(hit.value(QStringLiteral("recipient")).toInteger(), 0);
        QCOMPARE(hit.value(QStringLiteral("campaign")).toInteger(), 9);
        QCOMPARE(hit.value(QStringLiteral("at")).toInteger() % kDay, 0); // the day, not the moment
    }
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("open"));
    QCOMPARE(e[1].toObject().value(QStringLiteral("machine")).toBool(), true);
    QCOMPARE(e[2].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("click"));
    QCOMPARE(e[2].toObject().value(QStringLiteral("link")).toInteger(), 1);
    QVERIFY(!e[3].toObject().contains(QStringLiteral("anonymous")));
    QCOMPARE(e[3].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("open"));
}

void TestTracker::forgedClickTokensAreRefused()
{
    registerLinks(7, {{1, QStringLiteral("https://shop.example/1")}, {2, QStringLiteral("https://shop.example/2")}});
    const QString good = sign(Purpose::Click, 7, 100, 1);
    QByteArray raw = QByteArray::fromBase64(good.toLatin1(), QByteArray::Base64UrlEncoding);
    raw[raw.size() - tracking::TokenCodec::kMacBytes - 1] = 2; // the same token pointed at link 2
    const QString repointed = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString wrongKey = tracking::TokenCodec(*tracking::KeyRing::parse(tracking::KeyRing::generate(1))).sign({Purpose::Click, 7, 100, 1, 0});
    QString flipped = good;
    flipped[good.size() - 1] = flipped.back() == u'A' ? u'Q' : u'A';
    const QStringList forgeries{repointed, wrongKey, flipped, good.left(20), good + QStringLiteral("AA"), sign(Purpose::Open, 7, 100),
                                sign(Purpose::Unsubscribe, 7, 100), QString(), QStringLiteral("../../etc/passwd")};
    for (const QString &t : forgeries) {
        const auto a = get(QStringLiteral("/c/") + t);
        QVERIFY2(a.status == 404, qPrintable(t));
        QVERIFY(a.header("Location").isEmpty());
    }
    QCOMPARE(get(QStringLiteral("/c/") + good).status, 302);
}

void TestTracker::unsubscribePageNeverUnsubscribesOnGet()
{
    const QString token = sign(Purpose::Unsubscribe, 9, 55);
    for (const QByteArray &verb : {QByteArray("GET"), QByteArray("HEAD"), QByteArray("GET")}) {
        const auto a = get(QStringLiteral("/u/") + token, kBrowser, verb);
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("Set-Cookie").isEmpty());
        if (verb == "GET") {
            QVERIFY(a.body.contains("<form method=\"post\">"));
            QVERIFY(a.body.contains("name=\"List-Unsubscribe\" value=\"One-Click\""));
        }
    }
    QCOMPARE(get(QStringLiteral("/u/") + sign(Purpose::Open, 9, 55)).status, 404); // an open token is not an unsubscribe token
    QCOMPARE(get(QStringLiteral("/o/") + sign(Purpose::Open, 9, 55)).status, 200);  // marks where the events end
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("open"));
}

void TestTracker::oneClickPostInBothEncodings()
{
    const QString path = QStringLiteral("/u/") + sign(Purpose::Unsubscribe, 9, 55);
    auto a = httpRequest(m_nam, "POST", m_tracker->url(path), "List-Unsubscribe=One-Click",
                         {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(a.status, 200);
    QVERIFY(a.header("Location").isEmpty());
    QVERIFY(a.header("Set-Cookie").isEmpty());
    QVERIFY(a.body.contains("You are unsubscribed"));
    // What Gmail sends: multipart/form-data.
    const QByteArray multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n";
    a = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/u/") + sign(Purpose::Unsubscribe, 9, 56)), multipart,
                    {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
    QCOMPARE(a.status, 200);
    QVERIFY(a.header("Location").isEmpty());
    // The 200 came after the commit: the events are there at once, no waiting.
    const auto page = api("GET", QStringLiteral("/api/v1/events?after=0"));
    const QJsonArray e = QJsonDocument::fromJson(page.body).object().value(QStringLiteral("events")).toArray();
    QCOMPARE(e.size(), 2);
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("unsubscribe"));
    QCOMPARE(e[0].toObject().value(QStringLiteral("recipient")).toInteger(), 55);
    QCOMPARE(e[1].toObject().value(QStringLiteral("recipient")).toInteger(), 56);
}

void TestTracker::oneClickRefusesWhatIsNotOneClick()
{
    const QUrl url = m_tracker->url(QStringLiteral("/u/") + sign(Purpose::Unsubscribe, 9, 55));
    QCOMPARE(httpRequest(m_nam, "POST", url, "List-Unsubscribe=Yes", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 400);
    QCOMPARE(httpRequest(m_nam, "POST", url, "", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 400);
    QCOMPARE(httpRequest(m_nam, "POST", url, "List-Unsubscribe=One-Click", {{"Content-Type", "text/plain"}}).status, 415);
    QCOMPARE(httpRequest(m_nam, "PUT", url, "List-Unsubscribe=One-Click", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 405);
    QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/u/") + sign(Purpose::Click, 9, 55, 1)), "List-Unsubscribe=One-Click",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             404);
    QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/o/") + sign(Purpose::Open, 9, 55)), "x=1",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             405);
    QCOMPARE(get(QStringLiteral("/o/") + sign(Purpose::Open, 9, 55)).status, 200);
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1); // only the open: nothing above unsubscribed anyone
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("open"));
}

void TestTracker::unsubscribePagesFollowTheTokensLanguage()
{
    using tracking::Language;
    struct Case
    {
        const char *name;
        Language language;
        quint64 recipient;
        bool spanish;
    };
    // Unknown is every version-1 token (no language byte); 9 is a language a newer app might sign.
    const Case cases[] = {{"Spanish", Language::Spanish, 70, true},
                          {"English", Language::English, 71, false},
                          {"version 1, no language", Language::Unknown, 72, false},
                          {"a language this tracker has no page for", Language(9), 73, false}};
    for (const Case &c : cases) {
        const QString path = QStringLiteral("/u/") + sign(Purpose::Unsubscribe, 11, c.recipient, 0, c.language);
        const QByteArray version = QByteArray::fromBase64(path.mid(3).toLatin1(), QByteArray::Base64UrlEncoding).left(1);
        QCOMPARE(version, QByteArray(1, c.language == Language::Unknown ? '\x01' : '\x02'));
        const auto page = get(path);
        QVERIFY2(page.status == 200, c.name);
        // The page keeps its headers whatever its language.
        QVERIFY2(page.header("Content-Security-Policy").startsWith("default-src 'none'"), c.name);
        QCOMPARE(page.header("X-Frame-Options"), QByteArray("DENY"));
        QVERIFY2(page.body.contains("name=\"List-Unsubscribe\" value=\"One-Click\""), c.name);
        const auto done = httpRequest(m_nam, "POST", m_tracker->url(path), "List-Unsubscribe=One-Click",
                                      {{"Content-Type", "application/x-www-form-urlencoded"}});
        QVERIFY2(done.status == 200, c.name);
        QVERIFY2(done.header("Content-Security-Policy").startsWith("default-src 'none'"), c.name);
        if (c.spanish) {
            QVERIFY2(page.body.startsWith("<!doctype html><html lang=\"es\">"), page.body.left(80).constData());
            QVERIFY2(page.body.contains("<title>Darse de baja</title>"), page.body.constData());
            QVERIFY2(page.body.contains(QStringLiteral("¿Quieres darte de baja de estos correos?").toUtf8()), page.body.constData());
            QVERIFY2(page.body.contains(">Darse de baja</button>"), page.body.constData());
            QVERIFY(!page.body.contains("Unsubscribe from these emails?"));
            QVERIFY2(done.body.startsWith("<!doctype html><html lang=\"es\">"), done.body.left(80).constData());
            QVERIFY2(done.body.contains("<h1 id=\"done\">Te has dado de baja</h1>"), done.body.constData());
            QVERIFY(!done.body.contains("You are unsubscribed"));
        } else {
            QVERIFY2(page.body.startsWith("<!doctype html><html lang=\"en\">"), c.name);
            QVERIFY2(page.body.contains("<title>Unsubscribe</title>"), c.name);
            QVERIFY2(page.body.contains("Unsubscribe from these emails?"), c.name);
            QVERIFY2(page.body.contains(">Unsubscribe</button>"), c.name);
            QVERIFY2(done.body.startsWith("<!doctype html><html lang=\"en\">"), c.name);
            QVERIFY2(done.body.contains("<h1 id=\"done\">You are unsubscribed</h1>"), c.name);
        }
    }
    // A token that does not verify has no language to trust: the English 404.
    QString forged = sign(Purpose::Unsubscribe, 11, 70, 0, Language::Spanish);
    forged[10] = forged[10] == u'A' ? u'B' : u'A';
    const auto notFound = get(QStringLiteral("/u/") + forged);
    QCOMPARE(notFound.status, 404);
    QVERIFY(notFound.body.startsWith("<!doctype html><html lang=\"en\">"));
    // Every POST above unsubscribed its recipient, whatever the page's language.
    const auto page = api("GET", QStringLiteral("/api/v1/events?after=0"));
    const QJsonArray e = QJsonDocument::fromJson(page.body).object().value(QStringLiteral("events")).toArray();
    QCOMPARE(e.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(e[i].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("unsubscribe"));
        QCOMPARE(e[i].toObject().value(QStringLiteral("recipient")).toInteger(), qint64(cases[i].recipient));
    }
}

void TestTracker::apiNeedsTheBearerToken()
{
    QCOMPARE(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/api/v1/events"))).status, 401);
    QCOMPARE(api("GET", QStringLiteral("/api/v1/events"), {}, "wrong-token-of-some-length").status, 401);
    QCOMPARE(api("GET", QStringLiteral("/api/v1/events"), {}, m_tracker->apiToken().left(10)).status, 401);
    QCOMPARE(api("GET", QStringLiteral("/api/v1/events"), {}, m_tracker->apiToken() + "x").status, 401);
    const auto refused = api("POST", QStringLiteral("/api/v1/links"), R"({"campaign":1,"links":[{"id":1,"url":"https://a.example/"}]})", "nope");
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.header("WWW-Authenticate"), QByteArray("Bearer"));
    QCOMPARE(get(QStringLiteral("/c/") + sign(Purpose::Click, 1, 1, 1)).status, 404); // the refused link was not registered
    QCOMPARE(api("GET", QStringLiteral("/api/v1/events")).status, 200);
}

void TestTracker::apiValidatesLinks()
{
    const auto bad = [&](const QByteArray &body, const char *code) {
        const auto a = api("POST", QStringLiteral("/api/v1/links"), body);
        QCOMPARE(a.status, 400);
        QCOMPARE(QJsonDocument::fromJson(a.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QString::fromLatin1(code));
    };
    bad("{", "invalid-json");
    bad(R"({"campaign":0,"links":[]})", "invalid-campaign");
    bad(R"J({"campaign":1,"links":[{"id":1,"url":"javascript:alert(1)"}]})J", "invalid-link");
    bad(R"({"campaign":1,"links":[{"id":1,"url":"/relative"}]})", "invalid-link");
    bad(R"({"campaign":1,"links":[{"id":0,"url":"https://a.example/"}]})", "invalid-link");
    // All or nothing: one bad link and none of the request is registered.
    bad(R"({"campaign":1,"links":[{"id":1,"url":"https://a.example/"},{"id":2,"url":"ftp://b.example/"}]})", "invalid-link");
    QCOMPARE(get(QStringLiteral("/c/") + sign(Purpose::Click, 1, 1, 1)).status, 404);
}

void TestTracker::eventsPageWithACursor()
{
    for (int r = 1; r <= 5; ++r)
        QCOMPARE(get(QStringLiteral("/o/") + sign(Purpose::Open, 3, quint64(r))).status, 200);
    QTRY_COMPARE(events().size(), 5);
    auto a = api("GET", QStringLiteral("/api/v1/events?after=0&limit=2"));
    QJsonObject page = QJsonDocument::fromJson(a.body).object();
    QCOMPARE(page.value(QStringLiteral("events")).toArray().size(), 2);
    QCOMPARE(page.value(QStringLiteral("more")).toBool(), true);
    QList<qint64> seen;
    for (;;) {
        for (const auto &v : page.value(QStringLiteral("events")).toArray())
            seen.append(v.toObject().value(QStringLiteral("recipient")).toInteger());
        if (!page.value(QStringLiteral("more")).toBool())
            break;
        a = api("GET", QStringLiteral("/api/v1/events?after=%1&limit=2").arg(page.value(QStringLiteral("cursor")).toString()));
        page = QJsonDocument::fromJson(a.body).object();
    }
    QCOMPARE(seen, (QList<qint64>{1, 2, 3, 4, 5})); // in order, each once
    QCOMPARE(api("GET", QStringLiteral("/api/v1/events?after=abc")).status, 400);
    QCOMPARE(api("GET", QStringLiteral("/api/v1/events?limit=-1")).status, 400);
}

void TestTracker::oversizedAndMalformedGet4xxAndServerKeepsRunning()
{
    const quint16 port = quint16(m_tracker->url().port());
    const QByteArray path = "/u/" + sign(Purpose::Unsubscribe, 1, 1).toLatin1();
    const QList<QPair<QByteArray, QByteArray>> cases{
        {"GET /o/x HTTP/1.1\r\nHost: a\r\nX-Pad: " + QByteArray(70'000, 'a') + "\r\n\r\n", "431"},
        {"GET /" + QByteArray(40'000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", "414"},
        {"POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
             + QByteArray(100'000, 'a'),
         "413"},
        {"POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n4000\r\n"
             + QByteArray(0x4000, 'a') + "\r\n0\r\n\r\n",
         "413"},
        {"POST /api/v1/links HTTP/1.1\r\nHost: a\r\nContent-Length: 5000000\r\n\r\n", "413"},
        {"GET /o/x HTTP/1.1\r\n\r\n", "400"},                 // no Host
        {"GET /o/x\r\nHost: a\r\n\r\n", "400"},               // no version
        {"GET /o/x HTTP/1.1\r\nHost: a\r\nBroken\r\n\r\n", "400"}, // a header without a colon
        {"BREW /o/x HTTP/1.1\r\nHost: a\r\n\r\n", "405"},
        {"POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Length: lots\r\n\r\n", "400"},
        {"GET /o/x HTTP/7.0\r\nHost: a\r\n\r\n", "505"},
    };
    for (const auto &[request, status] : cases) {
        const QByteArray line = rawExchange(port, request);
        QVERIFY2(line.startsWith(QByteArray("HTTP/1.1 " + status)), QByteArray(request.left(60) + " → " + line).constData());
    }
    QCOMPARE(get(QStringLiteral("/healthz")).status, 200);
    QCOMPARE(m_tracker->process().state(), QProcess::Running);
    QCOMPARE(events().size(), 0); // none of it unsubscribed anyone
}

void TestTracker::rateLimitPerAddress()
{
    // 5 at once, then 2 a second (this test's tracker runs with --rate-limit 2 --rate-burst 5).
    int ok = 0, limited = 0;
    QByteArray retryAfter;
    for (int i = 0; i < 8; ++i) {
        const auto a = get(QStringLiteral("/o/x"));
        if (a.status == 200)
            ++ok;
        else if (a.status == 429) {
            ++limited;
            retryAfter = a.header("Retry-After");
        }
    }
    QVERIFY2(ok >= 5 && ok <= 6, qPrintable(QString::number(ok))); // a refill may land in between
    QCOMPARE(ok + limited, 8);
    QVERIFY(retryAfter.toInt() >= 1);
    // The app's API is not a public endpoint: never limited.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(api("GET", QStringLiteral("/api/v1/events")).status, 200);
    // A proxy on loopback (trusted by default) forwards for other addresses, each with its own bucket.
    const auto other = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/o/x")), {}, {{"X-Forwarded-For", "203.0.113.77"}});
    QCOMPARE(other.status, 200);
}

void TestTracker::cleanStopLosesNothingAcknowledged()
{
    // Many opens, answered at once, then SIGTERM straight away: every one is in the database.
    constexpr int kOpens = 600;
    int answered = 0;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < kOpens; ++i) {
        QNetworkRequest request(m_tracker->url(QStringLiteral("/o/") + sign(Purpose::Open, 77, quint64(i + 1))));
        request.setRawHeader("User-Agent", kBrowser);
        replies.append(m_nam.get(request));
    }
    for (QNetworkReply *r : replies) {
        if (!r->isFinished())
            QVERIFY(QTest::qWaitFor([r] { return r->isFinished(); }, 20'000));
        if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            ++answered;
        r->deleteLater();
    }
    QCOMPARE(answered, kOpens);
    QVERIFY(m_tracker->stop());
    QVERIFY(m_tracker->output().contains("stopped"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_tracker->dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT recipient) FROM events WHERE campaign = 77")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), kOpens);
        QCOMPARE(q.value(1).toInt(), kOpens);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestTracker::accessLogHoldsNoPersonalData()
{
    const QString token = sign(Purpose::Open, 5, 6);
    QCOMPARE(get(QStringLiteral("/o/") + token, "Mozilla/5.0 (Secret Agent 1.0)").status, 200);
    QCOMPARE(httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/o/x?email=someone@example.com")), {}, {{"X-Forwarded-For", "198.51.100.23"}}).status, 200);
    QVERIFY(m_tracker->stop());
    const QByteArray log = readAll(m_tracker->logPath());
    QVERIFY2(log.contains("GET /o 200"), log.constData());
    QCOMPARE(log.count('\n'), 2);
    for (const QByteArray &secret : {token.toLatin1(), QByteArray("127.0.0.1"), QByteArray("198.51.100.23"), QByteArray("Secret Agent"),
                                     QByteArray("someone@example.com"), QByteArray("email=")})
        QVERIFY2(!log.contains(secret), secret.constData());
}

void TestTracker::refusesRootAndBadConfiguration()
{
    const auto run = [&](const QStringList &args, const QString &var = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUX_TEST_CREDENTIALS"), var);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(LUX_TRACKER_PATH), args);
        p.waitForFinished(10'000);
        return std::make_pair(p.exitCode(), p.readAll());
    };
    const QString keys = m_env->path(QStringLiteral("keys"));
    const QString token = m_env->path(QStringLiteral("api-token"));
    const QStringList root = ::geteuid() == 0 ? QStringList{QStringLiteral("--allow-root")} : QStringList{};
    if (::geteuid() == 0) {
        const auto [code, out] = run({QStringLiteral("--db"), m_env->path(QStringLiteral("x.db")), QStringLiteral("--key-file"), keys,
                                      QStringLiteral("--api-token-file"), token});
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("refusing to run as root"), out.constData());
    }
    auto [code, out] = run(root + QStringList{QStringLiteral("--db"), m_env->path(QStringLiteral("x.db")), QStringLiteral("--key-file"),
                                              m_env->path(QStringLiteral("missing")), QStringLiteral("--api-token-file"), token});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("missing") && out.contains("cannot be read"), out.constData());
    std::tie(code, out) = run(root + QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere"), QStringLiteral("--db"),
                                                 m_env->path(QStringLiteral("x.db")), QStringLiteral("--key-file"), keys,
                                                 QStringLiteral("--api-token-file"), token});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("is not ADDRESS:PORT"), out.constData());
    // The port of the running tracker is taken.
    std::tie(code, out) = run(root + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_tracker->url().port()),
                                                 QStringLiteral("--db"), m_env->path(QStringLiteral("y.db")), QStringLiteral("--key-file"), keys,
                                                 QStringLiteral("--api-token-file"), token});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("Cannot listen"), out.constData());
    // A configuration file works like the flags.
    const QString conf = m_env->path(QStringLiteral("tracker.conf"));
    QFile f(conf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("listen = 127.0.0.1:1\nthreads = 0\n");
    f.close();
    std::tie(code, out) = run(root + QStringList{QStringLiteral("--config"), conf, QStringLiteral("--db"), m_env->path(QStringLiteral("z.db")),
                                                 QStringLiteral("--key-file"), keys, QStringLiteral("--api-token-file"), token});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("threads must be"), out.constData());
    // ${NAME} in the file is the environment's (systemd's CREDENTIALS_DIRECTORY).
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("listen = 127.0.0.1:1\nkey_file = ${LUX_TEST_CREDENTIALS}/keys-here\n");
    f.close();
    std::tie(code, out) = run(root + QStringList{QStringLiteral("--config"), conf, QStringLiteral("--db"), m_env->path(QStringLiteral("z.db")),
                                                 QStringLiteral("--api-token-file"), token},
                              QStringLiteral("/run/creds-of-test"));
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("/run/creds-of-test/keys-here cannot be read"), out.constData());
}

QTEST_GUILESS_MAIN(TestTracker)
#include "tst_tracker.moc"
