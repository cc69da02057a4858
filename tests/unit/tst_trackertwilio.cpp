// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's Twilio side and SMS short links, on a real process over loopback: signed status
// callbacks and inbound texts stored before the 200 and served by the event API in order; every
// forgery (URL, parameter, added parameter, signature, no header, another token, the Host the client
// chose) refused with 403 and nothing stored; size and method limits; the HELP answer; short links
// redirecting and counting clicks, link-preview bots as machines; the settings; an older event
// database upgraded in place.
#include "testsupport.h"
#include "trackerprocess.h"
#include "tracking/shortlink.h"
#include "twilio/signature.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <unistd.h>

using namespace lux;
using namespace lux::test;

namespace {
const QString kPublic = QStringLiteral("https://t.example.com");
const QByteArray kTwilioToken = "0123456789abcdef0123456789abcdef";
const QString kHelp = QStringLiteral("Acme & Co <shop>: reply STOP to opt out.");
const QByteArray kBrowser = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const QByteArray kSid = "SM0123456789abcdef0123456789abcdef";
const QByteArray kAccount = "AC0123456789abcdef0123456789abcdef";

QByteArray formEncode(const twilio::FormParams &params)
{
    QByteArray out;
    for (const auto &[k, v] : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

twilio::FormParams statusParams(const QString &status, const QString &errorCode = {})
{
    twilio::FormParams p{{QStringLiteral("MessageSid"), QString::fromLatin1(kSid)},
                         {QStringLiteral("SmsSid"), QString::fromLatin1(kSid)},
                         {QStringLiteral("MessageStatus"), status},
                         {QStringLiteral("SmsStatus"), status},
                         {QStringLiteral("AccountSid"), QString::fromLatin1(kAccount)},
                         {QStringLiteral("To"), QStringLiteral("+15005550006")},
                         {QStringLiteral("From"), QStringLiteral("+15005550001")},
                         {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}};
    if (!errorCode.isEmpty())
        p.append({QStringLiteral("ErrorCode"), errorCode});
    return p;
}

twilio::FormParams inboundParams(const QString &body, const QString &sid = QStringLiteral("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
{
    return {{QStringLiteral("MessageSid"), sid},
            {QStringLiteral("AccountSid"), QString::fromLatin1(kAccount)},
            {QStringLiteral("From"), QStringLiteral("+15005550006")},
            {QStringLiteral("To"), QStringLiteral("+15005550001")},
            {QStringLiteral("Body"), body},
            {QStringLiteral("NumMedia"), QStringLiteral("0")},
            {QStringLiteral("NumSegments"), QStringLiteral("1")}};
}
} // namespace

class TestTrackerTwilio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void statusAndInboundStoredInOrder();
    void jsonBodyWithBodySha256();
    void forgeriesAre403AndStoreNothing_data();
    void forgeriesAre403AndStoreNothing();
    void limitsAndMethods();
    void concurrentCallbacksAndACleanStop();
    void helpAnswerIsEscapedTwiml();
    void shortLinkRedirectsAndCountsClicks();
    void linkPreviewBotsAreMachines_data();
    void linkPreviewBotsAreMachines();
    void withoutATokenThereAreNoTwilioEndpoints();
    void settings();
    void olderDatabaseIsUpgradedInPlace();

private:
    QStringList twilioArgs() const;
    HttpAnswer post(const QString &pathAndQuery, const twilio::FormParams &params, const QByteArray &token = kTwilioToken,
                    const QString &signedPathAndQuery = {});
    QJsonArray events(qint64 after = 0, int atLeast = 0);
    HttpAnswer get(const QString &path, const QByteArray &agent = kBrowser, const QByteArray &verb = "GET");

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<TrackerProcess> m_tracker;
    QNetworkAccessManager m_nam;
};

QStringList TestTrackerTwilio::twilioArgs() const
{
    return {QStringLiteral("--rate-limit"), QStringLiteral("0"), QStringLiteral("--public-url"), kPublic + u'/',
            QStringLiteral("--twilio-auth-token-file"), m_env->path(QStringLiteral("twilio-token")), QStringLiteral("--sms-help-text"), kHelp};
}

void TestTrackerTwilio::init()
{
    m_env = std::make_unique<TestEnvironment>();
    QVERIFY(writeFile(m_env->path(QStringLiteral("twilio-token")), kTwilioToken + '\n'));
    const QByteArray test = QTest::currentTestFunction();
    if (test == "olderDatabaseIsUpgradedInPlace" || test == "settings" || test == "withoutATokenThereAreNoTwilioEndpoints")
        return; // these start their own
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), twilioArgs());
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
}

void TestTrackerTwilio::cleanup()
{
    if (m_tracker && m_tracker->process().state() != QProcess::NotRunning)
        QVERIFY2(m_tracker->stop(), m_tracker->output().constData());
    m_tracker.reset();
    m_env.reset();
}

HttpAnswer TestTrackerTwilio::post(const QString &pathAndQuery, const twilio::FormParams &params, const QByteArray &token,
                                   const QString &signedPathAndQuery)
{
    // Twilio signs the URL it was given: the public address, never the one the test connects to.
    const QString signedUrl = kPublic + (signedPathAndQuery.isNull() ? pathAndQuery : signedPathAndQuery);
    const QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/x-www-form-urlencoded"},
                                                       {"X-Twilio-Signature", twilio::sign(token, signedUrl, params)}};
    return httpRequest(m_nam, "POST", m_tracker->url(pathAndQuery), formEncode(params), headers);
}

QJsonArray TestTrackerTwilio::events(qint64 after, int atLeast)
{
    // Twilio's events are on disk before their 200; clicks land within one batch interval (50 ms).
    QJsonArray out;
    for (int i = 0; i < 80; ++i) {
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + m_tracker->apiToken()}};
        const auto a = httpRequest(m_nam, "GET", m_tracker->url(QStringLiteral("/api/v1/events?after=%1&limit=1000").arg(after)), {}, auth);
        out = QJsonDocument::fromJson(a.body).object().value(QStringLiteral("events")).toArray();
        if (out.size() >= atLeast)
            break;
        QTest::qWait(25);
    }
    return out;
}

HttpAnswer TestTrackerTwilio::get(const QString &path, const QByteArray &agent, const QByteArray &verb)
{
    return httpRequest(m_nam, verb, m_tracker->url(path), {}, {{"User-Agent", agent}});
}

void TestTrackerTwilio::statusAndInboundStoredInOrder()
{
    auto a = post(QStringLiteral("/twilio/status"), statusParams(QStringLiteral("sent")));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.header("Content-Type"), QByteArray("text/xml"));
    a = post(QStringLiteral("/twilio/status?campaign=7"), statusParams(QStringLiteral("undelivered"), QStringLiteral("30003")));
    QCOMPARE(a.status, 200);
    a = post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("Stop texting me please")));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.body, QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    // A replayed callback is stored again: the app applies statuses forward only.
    QCOMPARE(post(QStringLiteral("/twilio/status"), statusParams(QStringLiteral("sent"))).status, 200);

    // No waiting: a 200 means the event is already on disk.
    const QJsonArray e = events();
    QCOMPARE(e.size(), 4);
    for (qsizetype i = 1; i < e.size(); ++i)
        QVERIFY(e[i].toObject().value(QStringLiteral("id")).toInteger() > e[i - 1].toObject().value(QStringLiteral("id")).toInteger());
    const QJsonObject sent = e[0].toObject();
    QCOMPARE(sent.value(QStringLiteral("type")).toString(), QStringLiteral("sms-status"));
    QCOMPARE(sent.value(QStringLiteral("sid")).toString(), QString::fromLatin1(kSid));
    QCOMPARE(sent.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
    QVERIFY(sent.value(QStringLiteral("error_code")).isNull());
    QCOMPARE(sent.value(QStringLiteral("to")).toString(), QStringLiteral("+15005550006"));
    QCOMPARE(sent.value(QStringLiteral("from")).toString(), QStringLiteral("+15005550001"));
    QCOMPARE(sent.value(QStringLiteral("account_sid")).toString(), QString::fromLatin1(kAccount));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(sent.value(QStringLiteral("at")).toInteger() <= now && sent.value(QStringLiteral("at")).toInteger() > now - 60'000);
    QVERIFY(!sent.contains(QStringLiteral("campaign"))); // Twilio's, not a token's: the app matches the SID
    const QJsonObject failed = e[1].toObject();
    QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("undelivered"));
    QCOMPARE(failed.value(QStringLiteral("error_code")).toInt(), 30003);
    const QJsonObject inbound = e[2].toObject();
    QCOMPARE(inbound.value(QStringLiteral("type")).toString(), QStringLiteral("sms-inbound"));
    QCOMPARE(inbound.value(QStringLiteral("body")).toString(), QStringLiteral("Stop texting me please"));
    QCOMPARE(inbound.value(QStringLiteral("keyword")).toString(), QStringLiteral("opt-out"));
    QCOMPARE(inbound.value(QStringLiteral("from")).toString(), QStringLiteral("+15005550006"));
    QCOMPARE(inbound.value(QStringLiteral("num_media")).toInt(), 0);
    QCOMPARE(e[3].toObject().value(QStringLiteral("sid")).toString(), QString::fromLatin1(kSid));

    // A body past Twilio's 1,600 characters is cut there, never half a character.
    QString longBody = QString(1599, u'a') + QStringLiteral("\U0001F600") + QStringLiteral("tail");
    QCOMPARE(post(QStringLiteral("/twilio/inbound"), inboundParams(longBody)).status, 200);
    const QJsonArray more = events(e.last().toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(more.size(), 1);
    QCOMPARE(more[0].toObject().value(QStringLiteral("body")).toString(), QString(1599, u'a'));
    QCOMPARE(more[0].toObject().value(QStringLiteral("keyword")).toString(), QStringLiteral("other"));
}

void TestTrackerTwilio::jsonBodyWithBodySha256()
{
    const QByteArray body = R"({"MessageSid":"SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","MessageStatus":"delivered","To":"+15005550006","From":"+15005550001","AccountSid":"AC0123456789abcdef0123456789abcdef"})";
    const QString path = QStringLiteral("/twilio/status?bodySHA256=")
                       + QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    const auto send = [&](const QByteArray &payload) {
        return httpRequest(m_nam, "POST", m_tracker->url(path), payload,
                           {{"Content-Type", "application/json; charset=utf-8"}, {"X-Twilio-Signature", twilio::sign(kTwilioToken, kPublic + path, {})}});
    };
    QCOMPARE(send(QByteArray(body).replace("delivered", "failed\"  ")).status, 403); // the body does not match its hash
    QCOMPARE(send(body).status, 200);
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
    QCOMPARE(e[0].toObject().value(QStringLiteral("sid")).toString(), QStringLiteral("SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
}

void TestTrackerTwilio::forgeriesAre403AndStoreNothing_data()
{
    QTest::addColumn<QString>("forgery");
    for (const char *f : {"url", "query", "parameter", "added parameter", "dropped parameter", "signature", "no header", "empty header",
                          "wrong token", "client's host", "no content type"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestTrackerTwilio::forgeriesAre403AndStoreNothing()
{
    QFETCH(QString, forgery);
    const QString path = QStringLiteral("/twilio/status?campaign=7");
    twilio::FormParams params = statusParams(QStringLiteral("delivered"));
    QByteArray signature = twilio::sign(kTwilioToken, kPublic + path, params);
    QString postTo = path;
    QByteArray type = "application/x-www-form-urlencoded";
    bool header = true;
    if (forgery == QLatin1String("url")) {
        postTo = QStringLiteral("/twilio/inbound?campaign=7"); // signed for another endpoint
    } else if (forgery == QLatin1String("query")) {
        postTo = QStringLiteral("/twilio/status?campaign=8");
    } else if (forgery == QLatin1String("parameter")) {
        params[2].second = QStringLiteral("undelivered");
    } else if (forgery == QLatin1String("added parameter")) {
        params.append({QStringLiteral("ErrorCode"), QStringLiteral("30006")});
    } else if (forgery == QLatin1String("dropped parameter")) {
        params.removeLast();
    } else if (forgery == QLatin1String("signature")) {
        signature[3] = signature[3] == 'A' ? 'B' : 'A';
    } else if (forgery == QLatin1String("no header")) {
        header = false;
    } else if (forgery == QLatin1String("empty header")) {
        signature.clear();
    } else if (forgery == QLatin1String("wrong token")) {
        signature = twilio::sign("fedcba9876543210fedcba9876543210", kPublic + path, params);
    } else if (forgery == QLatin1String("client's host")) {
        // Signed over the address the client actually used (its Host header): not what Twilio was given.
        signature = twilio::sign(kTwilioToken, m_tracker->url(path).toString(), params);
    } else if (forgery == QLatin1String("no content type")) {
        type.clear();
    }
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!type.isEmpty())
        headers.append({"Content-Type", type});
    if (header)
        headers.append({"X-Twilio-Signature", signature});
    const HttpAnswer a = httpRequest(m_nam, "POST", m_tracker->url(postTo), formEncode(params), headers);
    QCOMPARE(a.status, forgery == QLatin1String("no content type") ? 415 : 403);
    // A genuine callback after it: the only event there is.
    QCOMPARE(post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("hello"))).status, 200);
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("sms-inbound"));
}

void TestTrackerTwilio::limitsAndMethods()
{
    // Over 64 KiB: refused from the headers alone, before any body is read.
    const quint16 port = quint16(m_tracker->url().port());
    QByteArray line = rawExchange(port, "POST /twilio/inbound HTTP/1.1\r\nHost: t.example.com\r\nX-Twilio-Signature: x\r\n"
                                        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 65537\r\n\r\n");
    QVERIFY2(line.startsWith("HTTP/1.1 413"), line.constData());
    // At 64 KiB exactly, signed: accepted (a long body is cut to 1,600 characters when stored).
    twilio::FormParams big = inboundParams(QString(65536 - 400, u'x'));
    while (formEncode(big).size() < 65536)
        big.last().second += u'y';
    big.last().second.chop(int(formEncode(big).size() - 65536));
    QCOMPARE(formEncode(big).size(), 65536);
    QCOMPARE(post(QStringLiteral("/twilio/inbound"), big).status, 200);
    // Only POST.
    const HttpAnswer a = get(QStringLiteral("/twilio/status"));
    QCOMPARE(a.status, 405);
    QCOMPARE(a.header("Allow"), QByteArray("POST"));
    QCOMPARE(get(QStringLiteral("/twilio/inbound"), kBrowser, "PUT").status, 405);
    // A signed request that is not a message's callback.
    QCOMPARE(post(QStringLiteral("/twilio/status"), {{QStringLiteral("CallSid"), QStringLiteral("CA123")}}).status, 400);
    QCOMPARE(events().size(), 1);
}

void TestTrackerTwilio::concurrentCallbacksAndACleanStop()
{
    // Many callbacks at once, each waiting for its commit on a suspended connection: every one
    // answered 200 is stored, and none is answered before.
    const auto send = [&](int i) {
        const QString sid = QStringLiteral("SM%1").arg(i, 32, 16, QLatin1Char('0'));
        const twilio::FormParams params = inboundParams(QStringLiteral("reply %1").arg(i), sid);
        QNetworkRequest request(m_tracker->url(QStringLiteral("/twilio/inbound")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("X-Twilio-Signature", twilio::sign(kTwilioToken, kPublic + QStringLiteral("/twilio/inbound"), params));
        QNetworkReply *reply = m_nam.post(request, formEncode(params));
        reply->setProperty("sid", sid);
        return reply;
    };
    const auto answered = [](const QList<QNetworkReply *> &replies) {
        QSet<QString> ok;
        for (QNetworkReply *reply : replies)
            if (reply->isFinished() && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ok.insert(reply->property("sid").toString());
        return ok;
    };
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 60; ++i)
        replies.append(send(i));
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }), 120'000);
    QCOMPARE(answered(replies).size(), 60);
    QSet<QString> stored;
    for (const QJsonValue &v : events())
        stored.insert(v.toObject().value(QStringLiteral("sid")).toString());
    QCOMPARE(stored, answered(replies));
    qDeleteAll(replies);
    replies.clear();

    // SIGTERM while callbacks are in flight: the process stops cleanly, and every callback it
    // answered 200 is on disk (the others Twilio would retry).
    for (int i = 100; i < 140; ++i)
        replies.append(send(i));
    QTRY_VERIFY_WITH_TIMEOUT(!answered(replies).isEmpty(), 60'000);
    QVERIFY(::kill(pid_t(m_tracker->process().processId()), SIGTERM) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }), 120'000);
    QVERIFY(m_tracker->process().state() == QProcess::NotRunning || m_tracker->process().waitForFinished(60'000));
    QCOMPARE(m_tracker->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_tracker->process().exitCode(), 0);
    const QSet<QString> acknowledged = answered(replies);
    qInfo("%lld of 40 callbacks answered 200 around the stop", qlonglong(acknowledged.size()));
    QVERIFY2(!m_tracker->output().contains("stopping anyway"), m_tracker->output().constData());
    qDeleteAll(replies);
    QVERIFY(m_tracker->start());
    m_nam.clearConnectionCache();
    stored.clear();
    for (const QJsonValue &v : events(0, 60))
        stored.insert(v.toObject().value(QStringLiteral("sid")).toString());
    for (const QString &sid : acknowledged)
        QVERIFY2(stored.contains(sid), qPrintable(sid));
}

void TestTrackerTwilio::helpAnswerIsEscapedTwiml()
{
    for (const QString &text : {QStringLiteral("HELP"), QStringLiteral(" info? ")}) {
        const HttpAnswer a = post(QStringLiteral("/twilio/inbound"), inboundParams(text));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.header("Content-Type"), QByteArray("text/xml"));
        QCOMPARE(a.body, QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                                    "Acme &amp; Co &lt;shop&gt;: reply STOP to opt out.</Message></Response>"));
    }
    // Anything else, STOP included (Twilio confirms STOP itself), gets empty TwiML.
    for (const QString &text : {QStringLiteral("STOP"), QStringLiteral("help me choose a size")})
        QCOMPARE(post(QStringLiteral("/twilio/inbound"), inboundParams(text)).body, QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    const QJsonArray e = events();
    QCOMPARE(e.size(), 4);
    QCOMPARE(e[0].toObject().value(QStringLiteral("keyword")).toString(), QStringLiteral("help"));
    QCOMPARE(e[1].toObject().value(QStringLiteral("keyword")).toString(), QStringLiteral("help"));
    QCOMPARE(e[2].toObject().value(QStringLiteral("keyword")).toString(), QStringLiteral("opt-out"));
    QCOMPARE(e[3].toObject().value(QStringLiteral("keyword")).toString(), QStringLiteral("other"));
}

void TestTrackerTwilio::shortLinkRedirectsAndCountsClicks()
{
    const QByteArray links = R"({"campaign": 12, "links": [{"id": 1, "url": "https://shop.example/sale?utm_source=sms"}]})";
    const HttpAnswer reg = httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/api/v1/links")), links,
                                       {{"Authorization", "Bearer " + m_tracker->apiToken()}, {"Content-Type", "application/json"}});
    QCOMPARE(reg.status, 200);
    const tracking::ShortLinkCodec codec(*tracking::KeyRing::parse(m_tracker->keys()));
    const QString code = codec.sign(12, 345, 1);
    const QString path = QStringLiteral("/s/") + code;
    QVERIFY(path.size() <= 24);
    HttpAnswer a = get(path);
    QCOMPARE(a.status, 302);
    QCOMPARE(a.header("Location"), QByteArray("https://shop.example/sale?utm_source=sms"));
    QCOMPARE(a.header("Referrer-Policy"), QByteArray("no-referrer"));
    // Never elsewhere: a forged code, a link never registered, another campaign's: 404, no Location.
    QString forged = code;
    forged[5] = forged[5] == u'A' ? u'B' : u'A';
    for (const QString &bad : {forged, codec.sign(12, 345, 2), codec.sign(13, 345, 1), code.left(19), QStringLiteral("x")}) {
        a = get(QStringLiteral("/s/") + bad + QStringLiteral("?url=https://evil.example/"));
        QCOMPARE(a.status, 404);
        QVERIFY(a.header("Location").isEmpty());
    }
    QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(path), "x", {{"Content-Type", "text/plain"}}).status, 405);
    const QJsonArray e = events(0, 1);
    QCOMPARE(e.size(), 1);
    const QJsonObject click = e[0].toObject();
    QCOMPARE(click.value(QStringLiteral("type")).toString(), QStringLiteral("click"));
    QCOMPARE(click.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
    QCOMPARE(click.value(QStringLiteral("campaign")).toInteger(), 12);
    QCOMPARE(click.value(QStringLiteral("recipient")).toInteger(), 345);
    QCOMPARE(click.value(QStringLiteral("link")).toInteger(), 1);
    QCOMPARE(click.value(QStringLiteral("machine")).toBool(), false);
}

void TestTrackerTwilio::linkPreviewBotsAreMachines_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::newRow("iMessage") << QByteArray("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) "
                                            "Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0");
    QTest::newRow("WhatsApp") << QByteArray("WhatsApp/2.23.20.0 A");
    QTest::newRow("Facebook") << QByteArray("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");
    QTest::newRow("Twitterbot") << QByteArray("Twitterbot/1.0");
    QTest::newRow("Slackbot") << QByteArray("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)");
    QTest::newRow("TelegramBot") << QByteArray("TelegramBot (like TwitterBot)");
    QTest::newRow("Discordbot") << QByteArray("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)");
    QTest::newRow("Google Messages") << QByteArray("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
                                                   "Chrome/120.0 Mobile Safari/537.36 GoogleMessages");
}

void TestTrackerTwilio::linkPreviewBotsAreMachines()
{
    QFETCH(QByteArray, agent);
    const QByteArray links = R"({"campaign": 3, "links": [{"id": 4, "url": "https://shop.example/"}]})";
    QCOMPARE(httpRequest(m_nam, "POST", m_tracker->url(QStringLiteral("/api/v1/links")), links,
                         {{"Authorization", "Bearer " + m_tracker->apiToken()}, {"Content-Type", "application/json"}})
                 .status,
             200);
    const tracking::ShortLinkCodec codec(*tracking::KeyRing::parse(m_tracker->keys()));
    QCOMPARE(get(QStringLiteral("/s/") + codec.sign(3, 9, 4), agent).status, 302); // a preview still gets its page
    const QJsonArray e = events(0, 1);
    QCOMPARE(e.size(), 1);
    QCOMPARE(e[0].toObject().value(QStringLiteral("machine")).toBool(), true);
    QCOMPARE(e[0].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("link-preview"));
}

void TestTrackerTwilio::withoutATokenThereAreNoTwilioEndpoints()
{
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    QVERIFY2(m_tracker->output().contains("no Twilio auth token"), m_tracker->output().constData());
    QCOMPARE(m_tracker->output().count("Twilio"), 1); // said once
    const HttpAnswer a = post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("hello")));
    QCOMPARE(a.status, 404);
    QCOMPARE(get(QStringLiteral("/twilio/status")).status, 404);
    QVERIFY(events().isEmpty());
}

void TestTrackerTwilio::settings()
{
    const auto run = [&](const QStringList &args, const QByteArray &envToken = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LUX_SECRET_TWILIO_AUTH_TOKEN"));
        if (!envToken.isEmpty())
            env.insert(QStringLiteral("LUX_SECRET_TWILIO_AUTH_TOKEN"), QString::fromLatin1(envToken));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList base{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), m_env->path(QStringLiteral("s.db")),
                         QStringLiteral("--key-file"), m_env->path(QStringLiteral("keys")), QStringLiteral("--api-token-file"),
                         m_env->path(QStringLiteral("api-token"))};
        if (::geteuid() == 0)
            base << QStringLiteral("--allow-root");
        p.start(QStringLiteral(LUX_TRACKER_PATH), base + args);
        p.waitForFinished(10'000);
        return std::make_pair(p.exitCode(), p.readAll());
    };
    TrackerProcess files(QStringLiteral(LUX_TRACKER_PATH), m_env->dir()); // writes keys and api-token
    auto [code, out] = run({QStringLiteral("--twilio-auth-token-file"), m_env->path(QStringLiteral("twilio-token"))});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("needs public_url"), out.constData());
    std::tie(code, out) = run({}, "env-token-without-public-url");
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("needs public_url"), out.constData());
    std::tie(code, out) = run({QStringLiteral("--public-url"), QStringLiteral("https://t.example.com/?x=1")});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("public_url"), out.constData());
    std::tie(code, out) = run({QStringLiteral("--public-url"), QStringLiteral("ftp://t.example.com")});
    QCOMPARE(code, 2);
    std::tie(code, out) = run({QStringLiteral("--public-url"), kPublic, QStringLiteral("--twilio-auth-token-file"), m_env->path(QStringLiteral("missing"))});
    QCOMPARE(code, 2);
    QVERIFY2(out.contains("cannot be read"), out.constData());

    // The environment's token, and the file's winning over it; public_url and the help text from
    // the configuration file.
    const QString conf = m_env->path(QStringLiteral("tracker.conf"));
    QVERIFY(writeFile(conf, "public_url = https://t.example.com\nsms_help_text = \"Acme: help at acme.example, STOP to end\"\n"));
    qputenv("LUX_SECRET_TWILIO_AUTH_TOKEN", "token-from-the-environment-1234");
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(),
                                                 QStringList{QStringLiteral("--config"), conf, QStringLiteral("--rate-limit"), QStringLiteral("0")});
    const bool started = m_tracker->start();
    qunsetenv("LUX_SECRET_TWILIO_AUTH_TOKEN");
    QVERIFY2(started, m_tracker->output().constData());
    QVERIFY2(m_tracker->output().contains("https://t.example.com/twilio/inbound"), m_tracker->output().constData());
    m_nam.clearConnectionCache();
    QCOMPARE(post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("hi")), kTwilioToken).status, 403);
    HttpAnswer a = post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("HELP")), "token-from-the-environment-1234");
    QCOMPARE(a.status, 200);
    QVERIFY2(a.body.contains("<Message>Acme: help at acme.example, STOP to end</Message>"), a.body.constData());
    QVERIFY(m_tracker->stop());

    qputenv("LUX_SECRET_TWILIO_AUTH_TOKEN", "token-from-the-environment-1234");
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), twilioArgs());
    const bool restarted = m_tracker->start();
    qunsetenv("LUX_SECRET_TWILIO_AUTH_TOKEN");
    QVERIFY2(restarted, m_tracker->output().constData());
    m_nam.clearConnectionCache();
    QCOMPARE(post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("hi")), "token-from-the-environment-1234").status, 403);
    QCOMPARE(post(QStringLiteral("/twilio/inbound"), inboundParams(QStringLiteral("hi")), kTwilioToken).status, 200);
}

void TestTrackerTwilio::olderDatabaseIsUpgradedInPlace()
{
    // The event table as the first lux-tracker made it, with one click in it.
    m_tracker = std::make_unique<TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(), twilioArgs());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(m_tracker->dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind INTEGER NOT NULL,"
                                      " campaign INTEGER NOT NULL, recipient INTEGER NOT NULL, link INTEGER NOT NULL DEFAULT 0,"
                                      " machine INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '')")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE links(campaign INTEGER NOT NULL, link INTEGER NOT NULL, url TEXT NOT NULL,"
                                      " PRIMARY KEY(campaign, link)) WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO events(at, kind, campaign, recipient, link) VALUES (1700000000000, 2, 5, 50, 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO links VALUES (5, 1, 'https://shop.example/old')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_nam.clearConnectionCache();
    QCOMPARE(post(QStringLiteral("/twilio/status"), statusParams(QStringLiteral("delivered"))).status, 200);
    const QJsonArray e = events();
    QCOMPARE(e.size(), 2);
    QCOMPARE(e[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("click"));
    QCOMPARE(e[0].toObject().value(QStringLiteral("recipient")).toInteger(), 50);
    QVERIFY(!e[0].toObject().contains(QStringLiteral("channel")));
    QCOMPARE(e[1].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("sms-status"));
    QVERIFY(e[1].toObject().value(QStringLiteral("id")).toInteger() > e[0].toObject().value(QStringLiteral("id")).toInteger());
    QVERIFY(m_tracker->stop());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_tracker->dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // upgraded through every version (2: the events' forms)
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM forms")) && q.next());
        QVERIFY(q.exec(QStringLiteral("SELECT sid, status FROM events WHERE kind = 6")) && q.next());
        QCOMPARE(q.value(0).toString(), QString::fromLatin1(kSid));
        // A database from a newer tracker is refused, not half read.
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    QVERIFY(!m_tracker->start());
    QVERIFY2(m_tracker->output().contains("newer lux-tracker"), m_tracker->output().constData());
}

QTEST_GUILESS_MAIN(TestTrackerTwilio)
#include "tst_trackertwilio.moc"
