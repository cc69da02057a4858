// SPDX-License-Identifier: GPL-3.0-or-later
// The fake Microsoft Graph holds to the contract (docs: provider-contracts.md §1) over real HTTP on
// loopback: tokens, sendMail as JSON and as MIME with Graph's header rules, draft then send, the Sent
// Items look-ups that reconciliation needs, throttling at 4 requests in flight and at the request
// budget, and the faults it injects (503, dropped connections, answers lost after acceptance,
// expired tokens). What the Graph client is tested against must itself be right.
#include "fakegraph.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using lux::fakes::FakeGraph;

namespace {

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

} // namespace

class TestFakeGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void tokensFollowTheClientCredentialsGrant();
    void sendMailAsJsonAndMime();
    void internetMessageHeaderRules();
    void draftThenSendAndFindInSentItems();
    void fourInFlightPerMailbox();
    void requestBudgetThrottlesWithRetryAfter();
    void injectedFaults();
    void expiredTokensGet401();

private:
    Answer call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QByteArray &contentType = "application/json",
                bool withToken = true);
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType, bool withToken);
    static Answer finish(QNetworkReply *reply);
    QString token();

    std::unique_ptr<FakeGraph> m_graph;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_token;
};

void TestFakeGraph::init()
{
    m_graph = std::make_unique<FakeGraph>();
    m_graph->setCredentials(QStringLiteral("contoso"), QStringLiteral("app-1"), QStringLiteral("s3cret&=+"));
    QVERIFY(m_graph->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_token.clear();
}

void TestFakeGraph::cleanup()
{
    m_nam.reset();
    m_graph.reset();
}

QNetworkReply *TestFakeGraph::start(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType,
                                    bool withToken)
{
    QNetworkRequest request(QUrl(m_graph->baseUrl().toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (withToken)
        request.setRawHeader("Authorization", "Bearer " + token().toLatin1());
    return m_nam->sendCustomRequest(request, method, body);
}

Answer TestFakeGraph::finish(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
    }
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.error = reply->error();
    a.body = reply->readAll();
    a.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return a;
}

Answer TestFakeGraph::call(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType, bool withToken)
{
    return finish(start(method, path, body, contentType, withToken));
}

QString TestFakeGraph::token()
{
    if (!m_token.isEmpty())
        return m_token;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("app-1"));
    form.addQueryItem(QStringLiteral("client_secret"), QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("s3cret&=+"))));
    form.addQueryItem(QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default"));
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    const Answer a = call("POST", QStringLiteral("/contoso/oauth2/v2.0/token"), form.query(QUrl::FullyEncoded).toUtf8(),
                          "application/x-www-form-urlencoded", false);
    m_token = a.json().value(QStringLiteral("access_token")).toString();
    return m_token;
}

void TestFakeGraph::tokensFollowTheClientCredentialsGrant()
{
    QVERIFY(!token().isEmpty());
    const auto ask = [this](const QString &secret, const QString &scope, const QString &tenant = QStringLiteral("contoso")) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("app-1"));
        form.addQueryItem(QStringLiteral("client_secret"), QString::fromLatin1(QUrl::toPercentEncoding(secret)));
        form.addQueryItem(QStringLiteral("scope"), scope);
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        return call("POST", QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form.query(QUrl::FullyEncoded).toUtf8(),
                    "application/x-www-form-urlencoded", false);
    };
    const Answer ok = ask(QStringLiteral("s3cret&=+"), QStringLiteral("https://graph.microsoft.com/.default"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(ok.json().value(QStringLiteral("expires_in")).toInt(), 3599);
    const Answer wrong = ask(QStringLiteral("nope"), QStringLiteral("https://graph.microsoft.com/.default"));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    const Answer scope = ask(QStringLiteral("s3cret&=+"), QStringLiteral("https://graph.microsoft.com/Mail.Send"));
    QCOMPARE(scope.status, 400);
    QCOMPARE(scope.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_scope"));
    QCOMPARE(ask(QStringLiteral("s3cret&=+"), QStringLiteral("https://graph.microsoft.com/.default"), QStringLiteral("other")).status, 400);
}

void TestFakeGraph::sendMailAsJsonAndMime()
{
    const QByteArray json = R"({"message":{"subject":"Hello","body":{"contentType":"HTML","content":"<p>Hi</p>"},
        "toRecipients":[{"emailAddress":{"address":"ana@example.com"}}]},"saveToSentItems":false})";
    const Answer a = call("POST", QStringLiteral("/v1.0/users/news%40acme.example/sendMail"), json);
    QCOMPARE(a.status, 202);
    QVERIFY(a.body.isEmpty());
    const QByteArray mime = "From: news@acme.example\r\nTo: \"Bo\" <bo@example.com>, cy@example.com\r\nSubject: Spring\r\n"
                            "Message-ID: <m1@acme.example>\r\nList-Unsubscribe: <https://t.example/u/1>\r\n\r\nBody\r\n";
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/news@acme.example/sendMail"), mime.toBase64(), "text/plain").status, 202);
    const Answer bad = call("POST", QStringLiteral("/v1.0/users/news@acme.example/sendMail"), "not base64 !!!", "text/plain");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.code(), QStringLiteral("ErrorMimeContentInvalidBase64String"));
    QCOMPARE(m_graph->accepted().size(), 2);
    QCOMPARE(m_graph->accepted().at(0).via, QStringLiteral("json"));
    QCOMPARE(m_graph->accepted().at(0).recipients, QStringList{QStringLiteral("ana@example.com")});
    QCOMPARE(m_graph->accepted().at(1).via, QStringLiteral("mime"));
    QCOMPARE(m_graph->accepted().at(1).recipients, (QStringList{QStringLiteral("bo@example.com"), QStringLiteral("cy@example.com")}));
    QCOMPARE(m_graph->accepted().at(1).internetMessageId, QStringLiteral("<m1@acme.example>"));
    QVERIFY(m_graph->accepted().at(1).mime.contains("List-Unsubscribe: <https://t.example/u/1>"));
    // The record is also there for a test in another process.
    const QJsonArray listed = QJsonDocument::fromJson(call("GET", QStringLiteral("/_fake/messages"), {}, "application/json", false).body).array();
    QCOMPARE(listed.size(), 2);
}

void TestFakeGraph::internetMessageHeaderRules()
{
    const auto send = [this](const QByteArray &headers) {
        return call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"),
                    R"({"message":{"subject":"s","toRecipients":[{"emailAddress":{"address":"x@example.com"}}],"internetMessageHeaders":)"
                        + headers + "}}");
    };
    const Answer notX = send(R"([{"name":"List-Unsubscribe","value":"<https://t.example/u>"}])");
    QCOMPARE(notX.status, 400);
    QCOMPARE(notX.code(), QStringLiteral("InvalidInternetMessageHeader"));
    QCOMPARE(send("[]").code(), QStringLiteral("InvalidInternetMessageHeaderCollection"));
    QByteArray six = "[";
    for (int i = 0; i < 6; ++i)
        six += (i ? "," : "") + QByteArray(R"({"name":"x-h)") + QByteArray::number(i) + R"(","value":"v"})";
    QCOMPARE(send(six + "]").code(), QStringLiteral("InvalidInternetMessageHeaderCollection"));
    QCOMPARE(send(R"([{"name":"X-Campaign","value":"7"}])").status, 202);
    QCOMPARE(m_graph->accepted().size(), 1);
}

void TestFakeGraph::draftThenSendAndFindInSentItems()
{
    const QByteArray draft = R"({"subject":"Hi","toRecipients":[{"emailAddress":{"address":"ana@example.com"}}],
        "internetMessageId":"<lux-7-42@acme.example>",
        "singleValueExtendedProperties":[{"id":"String {66f5a359-4659-4830-9070-00047ec6ac6e} Name LuxOutboxId","value":"7-42"}]})";
    const Answer created = call("POST", QStringLiteral("/v1.0/users/news@acme.example/messages"), draft);
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    QCOMPARE(created.json().value(QStringLiteral("internetMessageId")).toString(), QStringLiteral("<lux-7-42@acme.example>"));
    // Not sent yet: Sent Items does not have it.
    const QString byId = QStringLiteral("/v1.0/users/news@acme.example/mailFolders('SentItems')/messages?$filter=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("internetMessageId eq '<lux-7-42@acme.example>'")));
    QCOMPARE(call("GET", byId).json().value(QStringLiteral("value")).toArray().size(), 0);
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/news@acme.example/messages/%1/send").arg(id)).status, 202);
    const QJsonArray found = call("GET", byId).json().value(QStringLiteral("value")).toArray();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.at(0).toObject().value(QStringLiteral("id")).toString() != id); // a new id in Sent Items
    const QString byProperty =
        QStringLiteral("/v1.0/users/news@acme.example/mailFolders('SentItems')/messages?$filter=")
        + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral(
            "singleValueExtendedProperties/Any(ep: ep/id eq 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name LuxOutboxId' and ep/value eq '7-42')")));
    QCOMPARE(call("GET", byProperty).json().value(QStringLiteral("value")).toArray().size(), 1);
    // Sending it again is not possible: the draft is gone.
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/news@acme.example/messages/%1/send").arg(id)).code(), QStringLiteral("ErrorItemNotFound"));
    QCOMPARE(m_graph->accepted().size(), 1);
    QCOMPARE(m_graph->accepted().at(0).via, QStringLiteral("draft"));
}

void TestFakeGraph::fourInFlightPerMailbox()
{
    FakeGraph::Faults slow;
    slow.latencyMs = 1000; // long enough that all six overlap on a loaded machine
    m_graph->setFaults(slow);
    const QByteArray json = R"({"message":{"subject":"s","toRecipients":[{"emailAddress":{"address":"x@example.com"}}]}})";
    (void)token();
    QList<QNetworkReply *> replies;
    // QNetworkAccessManager opens at most 6 connections per host: 6 at once on one mailbox.
    for (int i = 0; i < 6; ++i)
        replies << start("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json, "application/json", true);
    int accepted = 0, throttled = 0;
    for (QNetworkReply *r : replies) {
        const Answer a = finish(r);
        if (a.status == 202)
            ++accepted;
        if (a.status == 429) {
            ++throttled;
            QCOMPARE(a.code(), QStringLiteral("ApplicationThrottled"));
            QCOMPARE(a.retryAfter, QByteArray("1"));
        }
    }
    QCOMPARE(accepted, 4);
    QCOMPARE(throttled, 2);
    QCOMPARE(m_graph->peakConcurrency(QStringLiteral("a@acme.example")), 4);
    QCOMPARE(m_graph->accepted().size(), 4);
}

void TestFakeGraph::requestBudgetThrottlesWithRetryAfter()
{
    FakeGraph::Limits limits;
    limits.requestsPerWindow = 3;
    limits.windowSeconds = 60;
    m_graph->setLimits(limits);
    const QByteArray json = R"({"message":{"subject":"s","toRecipients":[{"emailAddress":{"address":"x@example.com"}}]}})";
    for (int i = 0; i < 3; ++i)
        QCOMPARE(call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json).status, 202);
    const Answer over = call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json);
    QCOMPARE(over.status, 429);
    QVERIFY2(over.retryAfter.toInt() >= 59 && over.retryAfter.toInt() <= 60, over.retryAfter.constData());
    // Another mailbox has its own budget.
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/b@acme.example/sendMail"), json).status, 202);
}

void TestFakeGraph::injectedFaults()
{
    const QByteArray json = R"({"message":{"subject":"s","toRecipients":[{"emailAddress":{"address":"x@example.com"}}]}})";
    (void)token();
    FakeGraph::Faults f;
    f.serviceUnavailable = 1;
    m_graph->setFaults(f);
    const Answer unavailable = call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json);
    QCOMPARE(unavailable.status, 503);
    QCOMPARE(unavailable.retryAfter, QByteArray("1"));
    QCOMPARE(m_graph->accepted().size(), 0);

    f = {};
    f.dropConnection = 1;
    m_graph->setFaults(f);
    const Answer dropped = call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json);
    QCOMPARE(dropped.status, 0);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    QCOMPARE(m_graph->accepted().size(), 0); // dropped before anything happened

    f = {};
    f.loseAnswer = 1;
    m_graph->setFaults(f);
    const Answer lost = call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json);
    QCOMPARE(lost.status, 0);
    QVERIFY(lost.error != QNetworkReply::NoError);
    QCOMPARE(m_graph->accepted().size(), 1); // accepted, but the client cannot know: reconciliation's case

    // Faults by share are steady for a seed: about 10 % of 200 requests.
    f = {};
    f.serviceUnavailable = 0.1;
    f.latencyMs = 0;
    m_graph->setFaults(f);
    m_graph->setSeed(7);
    int failed = 0;
    for (int i = 0; i < 200; ++i)
        failed += call("POST", QStringLiteral("/v1.0/users/c@acme.example/sendMail"), json).status == 503 ? 1 : 0;
    QVERIFY2(failed >= 8 && failed <= 35, qPrintable(QString::number(failed)));
}

void TestFakeGraph::expiredTokensGet401()
{
    const QByteArray json = R"({"message":{"subject":"s","toRecipients":[{"emailAddress":{"address":"x@example.com"}}]}})";
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json).status, 202);
    QCOMPARE(call("POST", QStringLiteral("/_fake/expire-tokens"), {}, "application/json", false).status, 200);
    const Answer expired = call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.code(), QStringLiteral("InvalidAuthenticationToken"));
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json, "application/json", false).status, 401);
    m_token.clear(); // a new token works again
    QCOMPARE(call("POST", QStringLiteral("/v1.0/users/a@acme.example/sendMail"), json).status, 202);
    QCOMPARE(m_graph->accepted().size(), 2);
}

LUX_TEST_MAIN(TestFakeGraph, QCoreApplication)
#include "tst_fakegraph.moc"
