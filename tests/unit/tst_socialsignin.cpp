// SPDX-License-Identifier: GPL-3.0-or-later
// Connecting a social account through the browser (issue 20), against the fake X's real authorize
// page and token endpoint over loopback: the test plays the browser, following the consent page's
// redirect to the sign-in's port. The account is saved and its tokens kept in the real keychain;
// connecting again keeps the account; an answer without this sign-in's state is ignored; a declined
// consent and a taken port are said in words; `luxctl social connect` does it from a terminal.
#include "channels/social/signin.h"
#include "channels/social/tokens.h"
#include "channels/social/linkedin/linkedinconnector.h"
#include "channels/social/meta/metaconnector.h"
#include "channels/social/x/xconnector.h"
#include "social/accountstore.h"

#include "databasefixture.h"
#include "fakelinkedin.h"
#include "fakemeta.h"
#include "fakex.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace lux;
using namespace lux::social;
using channels::social::SignIn;
using channels::social::x::XConnector;

namespace {

const QString kUserId = QStringLiteral("1700000000000000001"); // the fake's default user

} // namespace

class TestSocialSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void connectsAndKeepsTheTokens();
    void connectingAgainKeepsTheAccount();
    void answerWithoutThisStateIsIgnored();
    void declinedConsentIsSaid();
    void takenPortIsSaid();
    void luxctlConnect();
    void linkedInMemberAndOrganizations();
    void metaPagesAndTheirInstagram();

private:
    std::unique_ptr<SignIn> signIn(quint16 port = 0);
    // The browser: opens the consent page and follows its redirect to the sign-in's port.
    test::HttpAnswer browse(const QUrl &url);
    qint64 connectOnce();

    std::unique_ptr<test::DatabaseFixture> m_fixture;
    std::unique_ptr<fakes::FakeX> m_x;
    QNetworkAccessManager m_network;
    SecretStore m_secrets{QStringLiteral("lux-test-socialsignin")};
};

void TestSocialSignIn::init()
{
    m_fixture = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_fixture->open());
    m_x = std::make_unique<fakes::FakeX>();
    QVERIFY(m_x->listen());
    m_x->setUser({kUserId, QStringLiteral("acme"), QStringLiteral("Acme Shop"), QStringLiteral("Premium")});
}

void TestSocialSignIn::cleanup()
{
    m_x.reset();
    m_fixture.reset();
}

std::unique_ptr<SignIn> TestSocialSignIn::signIn(quint16 port)
{
    channels::social::x::XConfig config;
    config.baseUrl = m_x->baseUrl();
    config.clientId = m_x->clientId();
    auto connector = std::make_unique<XConnector>(&m_network, config, m_x->baseUrl().resolved(QUrl(QStringLiteral("/i/oauth2/authorize"))));
    return std::make_unique<SignIn>(m_fixture->db(), m_secrets, std::move(connector), port);
}

test::HttpAnswer TestSocialSignIn::browse(const QUrl &url)
{
    QNetworkAccessManager browser;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = browser.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(15000);
    test::HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.error = reply->error();
    reply->deleteLater();
    return answer;
}

qint64 TestSocialSignIn::connectOnce()
{
    auto s = signIn();
    QSignalSpy connected(s.get(), &SignIn::connected);
    QSignalSpy failed(s.get(), &SignIn::failed);
    QUrl consent;
    connect(s.get(), &SignIn::openBrowser, this, [&consent](const QUrl &url) { consent = url; });
    s->start();
    if (consent.isEmpty())
        return 0;
    const test::HttpAnswer page = browse(consent);
    if (!page.body.contains("close this tab"))
        qWarning("the browser saw: %d %s", page.status, page.body.constData());
    if (!connected.wait(10000) && connected.isEmpty()) {
        qWarning("not connected: %s", failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().toString()));
        return 0;
    }
    const QList<qint64> ids = connected.first().first().value<QList<qint64>>();
    return ids.size() == 1 ? ids.first() : 0;
}

void TestSocialSignIn::connectsAndKeepsTheTokens()
{
    auto s = signIn();
    QUrl consent;
    connect(s.get(), &SignIn::openBrowser, this, [&consent](const QUrl &url) { consent = url; });
    QSignalSpy connected(s.get(), &SignIn::connected);
    s->start();
    // The consent page is asked for what posting needs, with PKCE and this sign-in's loopback address.
    const QUrlQuery asked(consent);
    QCOMPARE(asked.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), XConnector::kScopes);
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), s->redirectUri());
    QVERIFY(s->redirectUri().startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(asked.queryItemValue(QStringLiteral("state")).size() >= 40);
    const test::HttpAnswer page = browse(consent);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("close this tab"));
    QVERIFY(connected.wait(10000));
    const QList<qint64> ids = connected.first().first().value<QList<qint64>>();
    QCOMPARE(ids.size(), 1);
    const auto account = AccountStore(m_fixture->db()).find(ids.first());
    QVERIFY(account);
    QCOMPARE(account->network, Network::X);
    QCOMPARE(account->externalId, kUserId);
    QCOMPARE(account->name, QStringLiteral("Acme Shop"));
    QCOMPARE(account->handle, QStringLiteral("@acme"));
    QVERIFY(account->longPosts); // Premium
    QCOMPARE(account->status, QStringLiteral("connected"));
    QVERIFY(account->accessExpiresAt && *account->accessExpiresAt > QDateTime::currentMSecsSinceEpoch() + 7'000'000);
    QVERIFY(!account->signInEndsAt()); // X's refresh tokens last while they are used
    // The tokens are in the keychain, and X takes them.
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"));
    const auto access = test::await(m_secrets.read(keeper.accessKey(*account)));
    QVERIFY(access);
    QVERIFY(!test::await(m_secrets.read(keeper.refreshKey(*account)))->isEmpty());
    channels::social::x::XClient client(&m_network, {m_x->baseUrl(), m_x->clientId(), {}, 10'000});
    const auto me = test::await(client.me(*access));
    QVERIFY(me);
    QCOMPARE(me->id, kUserId);
    QCOMPARE(m_x->stats().tokensIssued, 1);
}

void TestSocialSignIn::connectingAgainKeepsTheAccount()
{
    const qint64 first = connectOnce();
    QVERIFY(first > 0);
    const QString uid = AccountStore(m_fixture->db()).find(first)->uid;
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET status = 'reconnect', error = 'X ended the grant'")));
    const qint64 second = connectOnce();
    QCOMPARE(second, first);
    const auto account = AccountStore(m_fixture->db()).find(second);
    QCOMPARE(account->uid, uid);
    QCOMPARE(account->status, QStringLiteral("connected"));
    QCOMPARE(account->error, QString());
    QCOMPARE(AccountStore(m_fixture->db()).list()->size(), 1);
}

void TestSocialSignIn::answerWithoutThisStateIsIgnored()
{
    auto s = signIn();
    QUrl consent;
    connect(s.get(), &SignIn::openBrowser, this, [&consent](const QUrl &url) { consent = url; });
    QSignalSpy connected(s.get(), &SignIn::connected);
    QSignalSpy failed(s.get(), &SignIn::failed);
    s->start();
    // A page that pokes the port with a code of its own: nothing happens, the sign-in goes on.
    const QString forged = s->redirectUri() + QStringLiteral("?state=not-this-one&code=attacker");
    (void)browse(QUrl(forged));
    QTest::qWait(200);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_x->stats().tokensIssued, 0);
    (void)browse(consent);
    QVERIFY(connected.wait(10000));
    QCOMPARE(AccountStore(m_fixture->db()).list()->size(), 1);
}

void TestSocialSignIn::declinedConsentIsSaid()
{
    QNetworkAccessManager nam;
    QCOMPARE(test::httpRequest(nam, "POST", m_x->baseUrl().resolved(QUrl(QStringLiteral("/_fake/config"))),
                               QJsonDocument(QJsonObject{{QStringLiteral("authorize_deny"), true}}).toJson(),
                               {{"Content-Type", "application/json"}})
                 .status,
             200);
    auto s = signIn();
    QUrl consent;
    connect(s.get(), &SignIn::openBrowser, this, [&consent](const QUrl &url) { consent = url; });
    QSignalSpy failed(s.get(), &SignIn::failed);
    s->start();
    const test::HttpAnswer page = browse(consent);
    QVERIFY2(failed.size() == 1 || failed.wait(10000), qPrintable(QString::number(page.status) + QString::fromUtf8(page.body)));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("declined")), qPrintable(failed.first().first().toString()));
    QCOMPARE(AccountStore(m_fixture->db()).list()->size(), 0);
}

void TestSocialSignIn::takenPortIsSaid()
{
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost));
    auto s = signIn(other.serverPort());
    QSignalSpy failed(s.get(), &SignIn::failed);
    QSignalSpy browser(s.get(), &SignIn::openBrowser);
    s->start();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(browser.size(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QString::number(other.serverPort())) && message.contains(QStringLiteral("social.redirect_port")), qPrintable(message));
}

void TestSocialSignIn::luxctlConnect()
{
    const QString db = m_fixture->path();
    m_fixture->close(); // luxctl opens it for writing
    const QString luxctl = QStringLiteral(LUXCTL_PATH);
    const QList<std::pair<QString, QString>> settings{
        {QStringLiteral("social.x_base_url"), m_x->baseUrl().toString()},
        {QStringLiteral("social.x_auth_url"), m_x->baseUrl().resolved(QUrl(QStringLiteral("/i/oauth2/authorize"))).toString()},
        {QStringLiteral("social.x_client_id"), m_x->clientId()},
    };
    for (const auto &[key, value] : settings)
        QCOMPARE(test::runCaptured(luxctl, {QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("set"), key, value}).exitCode, 0);
    QProcess p;
    p.start(luxctl, {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("social"), QStringLiteral("connect"),
                     QStringLiteral("--network"), QStringLiteral("x"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(p.waitForStarted());
    // It prints the consent page's address; the test's browser opens it.
    QByteArray err;
    QUrl consent;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            err += p.readAllStandardError();
            for (const QByteArray &line : err.split('\n'))
                if (line.startsWith("http"))
                    consent = QUrl::fromEncoded(line.trimmed());
            return consent.isValid();
        }(),
        20000);
    QCOMPARE(browse(consent).status, 200);
    // The fake answers from this process: wait with its event loop running.
    QSignalSpy finished(&p, &QProcess::finished);
    QVERIFY2(p.state() == QProcess::NotRunning || finished.wait(20000), QByteArray(err + p.readAllStandardError()).constData());
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonArray accounts = out.value(QStringLiteral("accounts")).toArray();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first()[QStringLiteral("handle")].toString(), QStringLiteral("@acme"));
    QCOMPARE(accounts.first()[QStringLiteral("status")].toString(), QStringLiteral("connected"));
    QVERIFY(accounts.first()[QStringLiteral("expires_in_days")].isNull());
    // And an unknown network is said as such.
    const test::ProcessRun bad = test::runCaptured(luxctl, {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("social"),
                                                            QStringLiteral("connect"), QStringLiteral("--network"), QStringLiteral("myspace")});
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(bad.json()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("social.network"));
}

void TestSocialSignIn::linkedInMemberAndOrganizations()
{
    // The code flow with the app's secret; the member and the organisation they administer.
    fakes::FakeLinkedIn li;
    li.setClient(QStringLiteral("lux-li-client"), QStringLiteral("lux-li-secret"));
    li.setActiveVersions({QStringLiteral("202611")});
    QVERIFY(li.listen());
    channels::social::linkedin::LinkedInConfig config;
    config.apiUrl = li.baseUrl();
    config.authUrl = li.baseUrl();
    config.clientId = QStringLiteral("lux-li-client");
    config.clientSecret = QStringLiteral("lux-li-secret");
    config.version = QStringLiteral("202611");
    auto connector = std::make_unique<channels::social::linkedin::LinkedInConnector>(&m_network, config, true);
    SignIn s(m_fixture->db(), m_secrets, std::move(connector), 0);
    QUrl consent;
    connect(&s, &SignIn::openBrowser, this, [&consent](const QUrl &url) { consent = url; });
    QSignalSpy connected(&s, &SignIn::connected);
    QSignalSpy failed(&s, &SignIn::failed);
    s.start();
    QVERIFY(QUrlQuery(consent).queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).contains(QStringLiteral("w_organization_social")));
    QCOMPARE(browse(consent).status, 200);
    QVERIFY2(connected.size() == 1 || connected.wait(10000), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const QList<qint64> ids = connected.first().first().value<QList<qint64>>();
    QCOMPARE(ids.size(), 2);
    const auto member = AccountStore(m_fixture->db()).find(ids[0]);
    QCOMPARE(member->externalId, QStringLiteral("urn:li:person:yN4mTq2RkL"));
    QCOMPARE(member->name, QStringLiteral("Ada Lux"));
    QVERIFY(!member->canReadPosts);
    QVERIFY(member->signInEndsAt() && *member->signInEndsAt() > QDateTime::currentMSecsSinceEpoch() + 300LL * 86'400'000); // a year
    const auto organization = AccountStore(m_fixture->db()).find(ids[1]);
    QCOMPARE(organization->externalId, QStringLiteral("urn:li:organization:2414183"));
    QCOMPARE(organization->name, QStringLiteral("LUX Test Co"));
    QCOMPARE(organization->kind, QStringLiteral("organization"));
    QVERIFY(organization->canReadPosts);
}

void TestSocialSignIn::metaPagesAndTheirInstagram()
{
    // Facebook Login's code exchanged with the app's secret and made long-lived; the Page the person
    // manages with its Page token, and the Instagram account linked to it, saved under the Page.
    fakes::FakeMeta meta;
    QVERIFY(meta.listen());
    channels::social::meta::MetaConfig config;
    config.graphUrl = meta.baseUrl();
    config.dialogUrl = meta.baseUrl();
    config.appId = meta.appId();
    config.appSecret = meta.appSecret();
    auto connector = std::make_unique<channels::social::meta::MetaConnector>(&m_network, config);
    SignIn s(m_fixture->db(), m_secrets, std::move(connector), 0);
    QUrl consent;
    connect(&s, &SignIn::openBrowser, this, [&consent](const QUrl &url) { consent = url; });
    QSignalSpy connected(&s, &SignIn::connected);
    QSignalSpy failed(&s, &SignIn::failed);
    s.start();
    QVERIFY(QUrlQuery(consent).queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).contains(QStringLiteral("instagram_content_publish")));
    QCOMPARE(browse(consent).status, 200);
    QVERIFY2(connected.size() == 1 || connected.wait(10000), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const QList<qint64> ids = connected.first().first().value<QList<qint64>>();
    QCOMPARE(ids.size(), 2);
    const auto page = AccountStore(m_fixture->db()).find(ids[0]);
    QCOMPARE(page->network, Network::Facebook);
    QCOMPARE(page->externalId, QStringLiteral("100000000000001"));
    QCOMPARE(page->name, QStringLiteral("LUX Test Page"));
    QCOMPARE(page->kind, QStringLiteral("page"));
    QVERIFY(!page->signInEndsAt()); // a Page token asked with a long-lived user token never expires
    const auto instagram = AccountStore(m_fixture->db()).find(ids[1]);
    QCOMPARE(instagram->network, Network::Instagram);
    QCOMPARE(instagram->externalId, QStringLiteral("17841400000000001"));
    QCOMPARE(instagram->handle, QStringLiteral("lux_test"));
    QCOMPARE(instagram->parentId, std::optional<qint64>(ids[0]));
    // Both publish with the Page's token, kept in the keychain.
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"));
    const lux::social::Refresher none = [](QString) -> QCoro::Task<lux::social::RefreshAnswer> { co_return lux::social::RefreshAnswer{}; };
    const auto pageToken = test::await(keeper.accessToken(*page, none));
    const auto igToken = test::await(keeper.accessToken(*instagram, none));
    QVERIFY(pageToken && igToken);
    QCOMPARE(*igToken, *pageToken);
    QCOMPARE(meta.stats().tokensIssued >= 2, true); // the short-lived user token, then the long-lived one
}

QTEST_GUILESS_MAIN(TestSocialSignIn)
#include "tst_socialsignin.moc"
