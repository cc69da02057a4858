// SPDX-License-Identifier: GPL-3.0-or-later
// The Graph client against the fake Graph over loopback HTTP: the token is fetched once and reused,
// fetched again once on a 401; a MIME send arrives whole (List-Unsubscribe included); throttling and
// outages are transient with Retry-After, refusals permanent with Graph's code; an answer lost after
// the request went out is "unknown", and Sent Items then tells whether the message left.
#include "channels/graph/graphclient.h"
#include "fakegraph.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTest>

using namespace lux::channels::graph;
using lux::fakes::FakeGraph;

class TestGraphClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void classifiesAnswers();
    void tokenIsCachedAndRefreshedOnce();
    void mimeSendArrivesWhole();
    void faultsAreClassified();
    void lostAnswerIsReconciledThroughSentItems();
    void oneShotSendMayDuplicate();
    void badSecretIsAClearError();

private:
    static QByteArray mime(const QString &to, const QString &messageId)
    {
        return QStringLiteral("From: Acme <news@acme.example>\r\nTo: %1\r\nSubject: Spring\r\nMessage-ID: %2\r\n"
                              "List-Unsubscribe: <https://t.example/u/1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                              "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n")
            .arg(to, messageId)
            .toUtf8();
    }
    std::unique_ptr<FakeGraph> m_graph;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<GraphClient> m_client;
};

void TestGraphClient::init()
{
    m_graph = std::make_unique<FakeGraph>();
    m_graph->setCredentials(QStringLiteral("contoso"), QStringLiteral("app-1"), QStringLiteral("s3cret"));
    QVERIFY(m_graph->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    GraphConfig config;
    config.authorityUrl = m_graph->baseUrl();
    config.baseUrl = m_graph->baseUrl();
    config.tenant = QStringLiteral("contoso");
    config.clientId = QStringLiteral("app-1");
    config.clientSecret = QStringLiteral("s3cret");
    config.timeoutMs = 5000;
    m_client = std::make_unique<GraphClient>(m_nam.get(), config);
}

void TestGraphClient::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_graph.reset();
}

void TestGraphClient::classifiesAnswers()
{
    QCOMPARE(classify(202, 0, true, {}, {}).kind, SendOutcome::Kind::Accepted);
    const SendOutcome throttled = classify(429, 0, true, R"({"error":{"code":"ApplicationThrottled","message":"over"}})", "7");
    QCOMPARE(throttled.kind, SendOutcome::Kind::Transient);
    QCOMPARE(throttled.retryAfterSeconds, 7);
    QCOMPARE(throttled.code, QStringLiteral("ApplicationThrottled"));
    QCOMPARE(classify(503, 0, true, {}, {}).kind, SendOutcome::Kind::Transient);
    QCOMPARE(classify(504, 0, true, {}, {}).retryAfterSeconds, -1);
    const SendOutcome denied = classify(403, 0, true, R"({"error":{"code":"ErrorAccessDenied","message":"Access is denied."}})", {});
    QCOMPARE(denied.kind, SendOutcome::Kind::Permanent);
    QCOMPARE(denied.message, QStringLiteral("Access is denied."));
    QCOMPARE(classify(400, 0, true, {}, {}).kind, SendOutcome::Kind::Permanent);
    QCOMPARE(classify(404, 0, true, {}, {}).kind, SendOutcome::Kind::Permanent);
    QCOMPARE(classify(0, QNetworkReply::ConnectionRefusedError, false, {}, {}).kind, SendOutcome::Kind::Transient);
    QCOMPARE(classify(0, QNetworkReply::RemoteHostClosedError, false, {}, {}).kind, SendOutcome::Kind::Transient);
    QCOMPARE(classify(0, QNetworkReply::RemoteHostClosedError, true, {}, {}).kind, SendOutcome::Kind::Unknown);
    QCOMPARE(classify(0, QNetworkReply::OperationCanceledError, true, {}, {}).kind, SendOutcome::Kind::Unknown); // a timeout
}

void TestGraphClient::tokenIsCachedAndRefreshedOnce()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(lux::test::await(m_client->sendMime(QStringLiteral("news@acme.example"),
                                                    mime(QStringLiteral("ana@example.com"), QStringLiteral("<m%1@acme.example>").arg(i))))
                    .ok());
    QCOMPARE(m_client->tokenRequests(), 1);
    m_graph->expireTokens();
    const SendOutcome after = lux::test::await(m_client->sendMime(QStringLiteral("news@acme.example"),
                                                                 mime(QStringLiteral("ana@example.com"), QStringLiteral("<m9@acme.example>"))));
    QVERIFY2(after.ok(), qPrintable(after.code));
    QCOMPARE(m_client->tokenRequests(), 2);
    QCOMPARE(m_graph->accepted().size(), 4);
}

void TestGraphClient::mimeSendArrivesWhole()
{
    const QByteArray message = mime(QStringLiteral("\"Ana\" <ana@example.com>"), QStringLiteral("<spring-1@acme.example>"));
    QVERIFY(lux::test::await(m_client->sendMime(QStringLiteral("news@acme.example"), message)).ok());
    QCOMPARE(m_graph->accepted().size(), 1);
    const FakeGraph::Message &got = m_graph->accepted().first();
    QCOMPARE(got.mailbox, QStringLiteral("news@acme.example"));
    QCOMPARE(got.mime, message);
    QCOMPARE(got.recipients, QStringList{QStringLiteral("ana@example.com")});
}

void TestGraphClient::faultsAreClassified()
{
    const auto send = [this](int i) {
        return lux::test::await(m_client->sendMime(QStringLiteral("news@acme.example"),
                                                 mime(QStringLiteral("ana@example.com"), QStringLiteral("<f%1@acme.example>").arg(i))));
    };
    QVERIFY(send(0).ok()); // a token first
    FakeGraph::Faults f;
    f.serviceUnavailable = 1;
    m_graph->setFaults(f);
    SendOutcome o = send(1);
    QCOMPARE(o.kind, SendOutcome::Kind::Transient);
    QCOMPARE(o.status, 503);
    QCOMPARE(o.retryAfterSeconds, 1);
    f = {};
    f.throttled = 1;
    m_graph->setFaults(f);
    o = send(2);
    QCOMPARE(o.kind, SendOutcome::Kind::Transient);
    QCOMPARE(o.code, QStringLiteral("ApplicationThrottled"));
    m_graph->setFaults({});
    o = lux::test::await(m_client->sendMime(QStringLiteral("news@acme.example"), QByteArrayLiteral("no headers at all")));
    QCOMPARE(o.kind, SendOutcome::Kind::Permanent);
    QCOMPARE(o.status, 400);
    QCOMPARE(m_graph->accepted().size(), 1);
}

void TestGraphClient::lostAnswerIsReconciledThroughSentItems()
{
    const QString mailbox = QStringLiteral("news@acme.example");
    QVERIFY(lux::test::await(m_client->accessToken()).ok());
    // Draft, then send with the answer lost: the client cannot know, and says so.
    const QByteArray message = mime(QStringLiteral("ana@example.com"), QStringLiteral("<lost-1@acme.example>"));
    QString draft;
    QVERIFY(lux::test::await(m_client->createDraft(mailbox, message, &draft)).ok());
    QVERIFY(!draft.isEmpty());
    FakeGraph::Faults f;
    f.loseAnswer = 1;
    m_graph->setFaults(f);
    const SendOutcome lost = lux::test::await(m_client->sendDraft(mailbox, draft));
    QCOMPARE(lost.kind, SendOutcome::Kind::Unknown);
    // Dropped before anything happened: also unknown to the client.
    f = {};
    f.dropConnection = 1;
    m_graph->setFaults(f);
    QString second;
    m_graph->setFaults({});
    QVERIFY(lux::test::await(m_client->createDraft(mailbox, mime(QStringLiteral("bo@example.com"), QStringLiteral("<lost-2@acme.example>")), &second)).ok());
    m_graph->setFaults(f);
    const SendOutcome dropped = lux::test::await(m_client->sendDraft(mailbox, second));
    QVERIFY2(dropped.kind == SendOutcome::Kind::Unknown, qPrintable(SendOutcome::kindName(dropped.kind)));
    m_graph->setFaults({});
    // Sent Items settles both: the first went out, the second did not (and its draft can still go).
    const auto first = lux::test::await(m_client->sentItemsHas(mailbox, QStringLiteral("<lost-1@acme.example>")));
    QVERIFY(first.ok());
    QVERIFY(*first);
    const auto notYet = lux::test::await(m_client->sentItemsHas(mailbox, QStringLiteral("<lost-2@acme.example>")));
    QVERIFY(notYet.ok());
    QVERIFY(!*notYet);
    QVERIFY(lux::test::await(m_client->sendDraft(mailbox, second)).ok());
    // Each exactly once, whatever Qt resent behind the scenes.
    QCOMPARE(m_graph->accepted().size(), 2);
    QCOMPARE(m_graph->accepted().at(0).internetMessageId, QStringLiteral("<lost-1@acme.example>"));
    QCOMPARE(m_graph->accepted().at(0).mime, message); // List-Unsubscribe and all
    QCOMPARE(m_graph->accepted().at(1).internetMessageId, QStringLiteral("<lost-2@acme.example>"));
}

void TestGraphClient::oneShotSendMayDuplicate()
{
    // Why the outbox must not use sendMail: with the answer lost, Qt sends the POST again by itself,
    // and the fake (like Graph) accepts both. If Qt ever stops doing so this test says it.
    QVERIFY(lux::test::await(m_client->accessToken()).ok());
    FakeGraph::Faults f;
    f.loseAnswer = 1;
    m_graph->setFaults(f);
    const SendOutcome o = lux::test::await(m_client->sendMime(QStringLiteral("news@acme.example"),
                                                              mime(QStringLiteral("ana@example.com"), QStringLiteral("<twice@acme.example>"))));
    QCOMPARE(o.kind, SendOutcome::Kind::Unknown);
    QCOMPARE(m_graph->accepted().size(), 2);
}

void TestGraphClient::badSecretIsAClearError()
{
    GraphConfig config;
    config.authorityUrl = m_graph->baseUrl();
    config.baseUrl = m_graph->baseUrl();
    config.tenant = QStringLiteral("contoso");
    config.clientId = QStringLiteral("app-1");
    config.clientSecret = QStringLiteral("wrong");
    GraphClient client(m_nam.get(), config);
    const auto token = lux::test::await(client.accessToken());
    QVERIFY(!token.ok());
    QVERIFY2(token.error().message.contains(QStringLiteral("invalid_client: AADSTS7000215")), qPrintable(token.error().message));
    const SendOutcome o = lux::test::await(client.sendMime(QStringLiteral("news@acme.example"), mime(QStringLiteral("a@example.com"), QStringLiteral("<x@y>"))));
    QCOMPARE(o.kind, SendOutcome::Kind::Permanent);
    QCOMPARE(o.code, QStringLiteral("graph.token"));
    QCOMPARE(m_graph->accepted().size(), 0);
}

LUX_TEST_MAIN(TestGraphClient, QCoreApplication)
#include "tst_graphclient.moc"
