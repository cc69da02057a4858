// SPDX-License-Identifier: GPL-3.0-or-later
// Delegated sign-in against the fake's Microsoft identity platform over loopback HTTP: the browser is
// played by a QNetworkAccessManager that follows the authorize URL to the app's loopback redirect;
// PKCE verified by the fake (S256), no client secret sent, the refresh token rotated on use and /me
// sending as the signed-in user; a declined consent and a forged code are clear failures.
#include "channels/graph/delegatedsignin.h"
#include "channels/oauth.h"
#include "channels/graph/graphclient.h"
#include "fakegraph.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace lux;
using namespace lux::channels::graph;
using lux::fakes::FakeGraph;

class TestDelegatedSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pkceChallengeIsRfc7636();
    void signInThenSendAsTheUser();
    void declinedConsentFails();
    void forgedVerifierIsRefused();

private:
    GraphConfig config(const FakeGraph &fake) const
    {
        GraphConfig c;
        c.authorityUrl = fake.baseUrl();
        c.baseUrl = fake.baseUrl();
        c.tenant = QStringLiteral("contoso");
        c.clientId = QStringLiteral("client");
        c.timeoutMs = 5000;
        return c;
    }
    // The browser: opens the URL and follows the redirect to the app's loopback handler.
    static void browse(QNetworkAccessManager *nam, const QUrl &url, QUrl *authorizeUrl)
    {
        *authorizeUrl = url;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = nam->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
};

void TestDelegatedSignIn::pkceChallengeIsRfc7636()
{
    // RFC 7636 appendix B.
    QCOMPARE(channels::oauth::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const QByteArray v = channels::oauth::newVerifier();
    QCOMPARE(v.size(), 64);
    QVERIFY(v != channels::oauth::newVerifier());
    for (const char c : v)
        QVERIFY(QByteArray("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~").contains(c));
}

void TestDelegatedSignIn::signInThenSendAsTheUser()
{
    FakeGraph fake;
    QVERIFY(fake.listen());
    fake.setSignedInUser(QStringLiteral("Ada@Contoso.example"));
    QNetworkAccessManager nam;
    QNetworkAccessManager browser;
    DelegatedSignIn signIn(&nam, config(fake));
    QUrl authorizeUrl;
    connect(&signIn, &DelegatedSignIn::openBrowser, this, [&](const QUrl &url) { browse(&browser, url, &authorizeUrl); });
    QSignalSpy done(&signIn, &DelegatedSignIn::signedIn);
    QSignalSpy failed(&signIn, &DelegatedSignIn::failed);
    signIn.start();
    QTRY_VERIFY_WITH_TIMEOUT(done.size() + failed.size() > 0, 10000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(done.first().at(0).toString(), QStringLiteral("ada@contoso.example"));
    const QString refresh = done.first().at(1).toString();
    QVERIFY(!refresh.isEmpty());
    QCOMPARE(fake.codeGrants(), 1);
    // What went to the browser: a public client's request with PKCE and a localhost redirect.
    const QUrlQuery asked(authorizeUrl);
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QCOMPARE(asked.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QVERIFY(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded).startsWith(QStringLiteral("http://localhost:")));
    QVERIFY(asked.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).contains(QStringLiteral("offline_access")));
    QVERIFY(!asked.hasQueryItem(QStringLiteral("client_secret")));

    // Sending as the user: /me, a token from the refresh token (rotated), no secret anywhere.
    GraphConfig delegated = config(fake);
    delegated.refreshToken = refresh;
    GraphClient client(&nam, delegated);
    QSignalSpy rotated(&client, &GraphClient::refreshTokenChanged);
    const QByteArray mime = "From: ada@contoso.example\r\nTo: bob@example.com\r\nSubject: Hi\r\nMessage-ID: <m1@contoso.example>\r\n"
                            "List-Unsubscribe: <https://t.example/u/1>\r\n\r\nHello\r\n";
    QString draft;
    const SendOutcome made = test::await(client.createDraft(QStringLiteral("ignored@contoso.example"), mime, &draft));
    QVERIFY2(made.ok(), qPrintable(made.message));
    const SendOutcome sent = test::await(client.sendDraft(QStringLiteral("ignored@contoso.example"), draft));
    QVERIFY2(sent.ok(), qPrintable(sent.message));
    QCOMPARE(fake.accepted().size(), 1);
    QCOMPARE(fake.accepted().first().mailbox, QStringLiteral("ada@contoso.example"));
    QCOMPARE(fake.refreshGrants(), 1);
    QCOMPARE(rotated.size(), 1);
    QVERIFY(rotated.first().first().toString() != refresh);
    const auto found = test::await(client.sentItemsHas(QString(), QStringLiteral("<m1@contoso.example>")));
    QVERIFY(found.ok() && *found);

    // The old refresh token was replaced: using it again is refused.
    GraphClient stale(&nam, delegated);
    const auto token = test::await(stale.accessToken());
    QVERIFY(!token.ok());
    QVERIFY(token.error().message.contains(QStringLiteral("invalid_grant")));
}

void TestDelegatedSignIn::declinedConsentFails()
{
    FakeGraph fake;
    QVERIFY(fake.listen());
    fake.setConsentRefused(true);
    QNetworkAccessManager nam;
    QNetworkAccessManager browser;
    DelegatedSignIn signIn(&nam, config(fake));
    QUrl authorizeUrl;
    connect(&signIn, &DelegatedSignIn::openBrowser, this, [&](const QUrl &url) { browse(&browser, url, &authorizeUrl); });
    QSignalSpy done(&signIn, &DelegatedSignIn::signedIn);
    QSignalSpy failed(&signIn, &DelegatedSignIn::failed);
    signIn.start();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() > 0, 10000);
    QVERIFY(done.isEmpty());
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("declined")));
    QCOMPARE(fake.codeGrants(), 0);
}

void TestDelegatedSignIn::forgedVerifierIsRefused()
{
    // The fake's side of PKCE: a code is worth nothing without the verifier it was issued for.
    FakeGraph fake;
    QVERIFY(fake.listen());
    QNetworkAccessManager nam;
    const QByteArray verifier = channels::oauth::newVerifier();
    QUrl authorize = fake.baseUrl();
    authorize.setPath(QStringLiteral("/contoso/oauth2/v2.0/authorize"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("client"));
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost:9/"));
    q.addQueryItem(QStringLiteral("scope"), GraphClient::delegatedScope());
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(channels::oauth::challengeFor(verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    authorize.setQuery(q);
    QNetworkRequest request(authorize);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.get(request);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 302);
    const QUrl back(QString::fromLatin1(reply->rawHeader("Location")));
    const QString code = QUrlQuery(back).queryItemValue(QStringLiteral("code"));
    QVERIFY(!code.isEmpty());
    reply->deleteLater();
    const auto exchange = [&](const QByteArray &v) {
        QUrl token = fake.baseUrl();
        token.setPath(QStringLiteral("/contoso/oauth2/v2.0/token"));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("client"));
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("code"), code);
        form.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost:9/"));
        form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(v));
        QNetworkRequest r(token);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *answer = nam.post(r, form.query(QUrl::FullyEncoded).toUtf8());
        QSignalSpy finished(answer, &QNetworkReply::finished);
        if (!answer->isFinished())
            finished.wait(5000);
        const QByteArray body = answer->readAll();
        answer->deleteLater();
        return body;
    };
    QVERIFY(exchange(channels::oauth::newVerifier()).contains("invalid_grant"));
    QVERIFY(exchange(verifier).contains("invalid_grant")); // the code was used up by the failed try
    QCOMPARE(fake.codeGrants(), 0);
}

QTEST_GUILESS_MAIN(TestDelegatedSignIn)
#include "tst_delegatedsignin.moc"
