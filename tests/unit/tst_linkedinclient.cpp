// SPDX-License-Identifier: GPL-3.0-or-later
// The LinkedIn client against the fake LinkedIn (tests/fakes/linkedin) over loopback: the sign-in URL,
// a code from the authorization redirect exchanged for tokens, a refresh that keeps the refresh
// token's end, refused, unavailable, lost (in doubt) and a client LinkedIn does not accept; the member
// and the organizations with their names; an image uploaded and AVAILABLE; a post with escaped little
// text kept whole, one with several images; a lost answer to a post read as Unknown with the post made
// once; 5xx, 429 (a daily limit waits for midnight UTC), 401, a duplicate, an old LinkedIn-Version;
// listing an author's posts with and without the read scope; comments.
#include "channels/social/linkedin/linkedinclient.h"
#include "common/errorcodes.h"
#include "fakelinkedin.h"
#include "social/littletext.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <cstdlib>

using lux::channels::Outcome;
using lux::channels::social::linkedin::LinkedInClient;
using lux::channels::social::linkedin::LinkedInConfig;
using lux::fakes::FakeLinkedIn;
using lux::social::RefreshAnswer;

namespace {

const QString kMember = QStringLiteral("yN4mTq2RkL"); // the fake's default member, ADMINISTRATOR of kOrg
const QString kPerson = QStringLiteral("urn:li:person:yN4mTq2RkL");
const QString kOrg = QStringLiteral("urn:li:organization:2414183");
const QString kRedirect = QStringLiteral("http://127.0.0.1:53682/linkedin/callback");
const QString kVersion = QStringLiteral("202611"); // the client's default LinkedIn-Version
constexpr qint64 kDayMs = 86'400'000;

// Within a few seconds of `expected` (ms).
bool near(qint64 actual, qint64 expected, qint64 slackMs = 5000)
{
    return std::abs(actual - expected) <= slackMs;
}

} // namespace

class TestLinkedInClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void encodesUrnsAsRestliWants();
    void signInUrl();
    void exchangesTheRedirectsCode();
    void refreshKeepsTheRefreshEnd();
    void refreshRefusedUnavailableInDoubtAndBadClient();
    void member();
    void organizationsWithNames();
    void imageUploadThenAvailable();
    void memberPostWithEscapedTextArrivesWhole();
    void multiImagePost();
    void lostAnswerIsUnknownAndPostedOnce();
    void serverErrorIsUnknown();
    void throttledWaits();
    void refusedSignInIsSocialAuth();
    void duplicateIsEvidence();
    void oldVersionNamesTheSetting();
    void recentPostsNeedTheReadScope();
    void comments();

private:
    LinkedInConfig config() const
    {
        LinkedInConfig c;
        c.apiUrl = m_li->baseUrl();
        c.authUrl = m_li->baseUrl();
        c.clientId = QStringLiteral("lux-test-client");
        c.clientSecret = QStringLiteral("lux-test-secret");
        c.timeoutMs = 10'000;
        return c;
    }
    QString access(const QString &scope = FakeLinkedIn::kDefaultScope) { return m_li->grant(kMember, scope).accessToken; }
    // An image of the member's, uploaded and AVAILABLE: its URN.
    QString image(const QString &access, const QString &owner = kPerson);

    std::unique_ptr<FakeLinkedIn> m_li;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<LinkedInClient> m_client;
};

void TestLinkedInClient::init()
{
    m_li = std::make_unique<FakeLinkedIn>();
    m_li->setActiveVersions({kVersion});
    m_li->setLimit(QStringLiteral("POST /rest/posts"), {0, 0}); // no daily limit unless a test sets one
    QVERIFY(m_li->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<LinkedInClient>(m_nam.get(), config());
    QCOMPARE(m_client->config().version, kVersion);
}

void TestLinkedInClient::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_li.reset();
}

QString TestLinkedInClient::image(const QString &token, const QString &owner)
{
    m_li->setImageDelay(0);
    const Outcome o = lux::test::await(m_client->uploadImage(token, owner, lux::test::pngHeader(1200, 627), QStringLiteral("image/png")));
    if (!o.ok())
        qWarning("%s", qPrintable(o.message));
    return o.reference;
}

void TestLinkedInClient::encodesUrnsAsRestliWants()
{
    QCOMPARE(LinkedInClient::encoded(QStringLiteral("urn:li:person:yN4m-Tq_2")), QStringLiteral("urn%3Ali%3Aperson%3AyN4m-Tq_2"));
    QCOMPARE(LinkedInClient::encoded(QStringLiteral("urn:li:comment:(urn:li:share:7,42)")),
             QStringLiteral("urn%3Ali%3Acomment%3A%28urn%3Ali%3Ashare%3A7%2C42%29"));
    // The encoding survives the way a request's path becomes its URL.
    const QUrl u = lux::channels::HttpClient::join(QUrl(QStringLiteral("https://api.linkedin.com")),
                                                   QStringLiteral("/rest/posts/") + LinkedInClient::encoded(QStringLiteral("urn:li:share:7")));
    QCOMPARE(u.toEncoded(), QByteArray("https://api.linkedin.com/rest/posts/urn%3Ali%3Ashare%3A7"));
}

void TestLinkedInClient::signInUrl()
{
    const QUrl u = m_client->authorizeUrl(kRedirect, QStringLiteral("st&=42"), {QStringLiteral("openid"), QStringLiteral("profile"),
                                                                              QStringLiteral("w_member_social")});
    QCOMPARE(u.adjusted(QUrl::RemoveQuery).toString(), QString(m_li->baseUrl().toString() + QStringLiteral("/oauth/v2/authorization")));
    const QUrlQuery q(u);
    QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("lux-test-client"));
    QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), kRedirect);
    QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), QStringLiteral("st&=42"));
    QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), QStringLiteral("openid profile w_member_social"));
    QVERIFY2(u.toEncoded().contains("scope=openid%20profile%20w_member_social"), u.toEncoded().constData());
    // No secret in the address the browser is given.
    QVERIFY(!u.toEncoded().contains("lux-test-secret"));
    // The defaults are LinkedIn's hosts.
    const LinkedInConfig defaults;
    QCOMPARE(LinkedInClient(m_nam.get(), defaults).authorizeUrl(kRedirect, {}, {QStringLiteral("openid")}).host(), QStringLiteral("www.linkedin.com"));
    QCOMPARE(defaults.apiUrl.host(), QStringLiteral("api.linkedin.com"));
}

void TestLinkedInClient::exchangesTheRedirectsCode()
{
    const QUrl u = m_client->authorizeUrl(kRedirect, QStringLiteral("st-7"), {QStringLiteral("openid"), QStringLiteral("profile"),
                                                                            QStringLiteral("w_member_social")});
    // The member approves: the fake redirects at once. The Location is read, not followed.
    const lux::test::HttpAnswer approved = lux::test::httpRequest(*m_nam, "GET", u);
    QCOMPARE(approved.status, 302);
    const QUrl back(QString::fromUtf8(approved.header("Location")));
    QCOMPARE(back.adjusted(QUrl::RemoveQuery).toString(), kRedirect);
    QCOMPARE(QUrlQuery(back).queryItemValue(QStringLiteral("state")), QStringLiteral("st-7"));
    const QString code = QUrlQuery(back).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto tokens = lux::test::await(m_client->exchange(code, kRedirect));
    QVERIFY2(tokens, lux::test::errorText(tokens).constData());
    QVERIFY(!tokens->access.isEmpty());
    QVERIFY(!tokens->refresh.isEmpty());
    QVERIFY(tokens->accessExpiresAt && near(*tokens->accessExpiresAt, now + 60 * kDayMs));
    QVERIFY(tokens->refreshExpiresAt && near(*tokens->refreshExpiresAt, now + 365 * kDayMs));
    const auto me = lux::test::await(m_client->me(tokens->access));
    QVERIFY2(me, lux::test::errorText(me).constData());
    QCOMPARE(me->sub, kMember);

    // A code is single use: LinkedIn no longer finds it, and it reached LinkedIn once only.
    const auto again = lux::test::await(m_client->exchange(code, kRedirect));
    QVERIFY(!again);
    QCOMPARE(again.error().code, QString(lux::errc::socialAuth));
    QVERIFY2(again.error().message.contains(QLatin1String("authorization code not found")), qPrintable(again.error().message));
    QCOMPARE(m_li->stats().paths.value(QStringLiteral("POST /oauth/v2/accessToken")), 2);
}

void TestLinkedInClient::refreshKeepsTheRefreshEnd()
{
    const FakeLinkedIn::Tokens granted = m_li->grant(kMember);
    // 200 days later (the fake's clock): a new access token, the same refresh token, its end unmoved
    // (165 days left, not a new year).
    m_li->setClockOffset(200 * kDayMs);
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    const RefreshAnswer a = lux::test::await(m_client->refresh(granted.refreshToken));
    QCOMPARE(int(a.kind), int(RefreshAnswer::Kind::Refreshed));
    QVERIFY(!a.tokens.access.isEmpty());
    QVERIFY(a.tokens.access != granted.accessToken);
    QCOMPARE(a.tokens.refresh, granted.refreshToken);
    QVERIFY(a.tokens.refreshExpiresAt && near(*a.tokens.refreshExpiresAt, now + 165 * kDayMs));
    QVERIFY(a.tokens.accessExpiresAt && near(*a.tokens.accessExpiresAt, now + 60 * kDayMs));
    // Day 360: both end in five days.
    m_li->setClockOffset(360 * kDayMs);
    now = QDateTime::currentMSecsSinceEpoch();
    const RefreshAnswer late = lux::test::await(m_client->refresh(granted.refreshToken));
    QCOMPARE(int(late.kind), int(RefreshAnswer::Kind::Refreshed));
    QVERIFY(late.tokens.refreshExpiresAt && near(*late.tokens.refreshExpiresAt, now + 5 * kDayMs));
    QVERIFY(late.tokens.accessExpiresAt && near(*late.tokens.accessExpiresAt, now + 5 * kDayMs));
}

void TestLinkedInClient::refreshRefusedUnavailableInDoubtAndBadClient()
{
    const FakeLinkedIn::Tokens granted = m_li->grant(kMember);
    // 5xx (the fake's server errors come 500, 503, 504 in turn): nothing changed, try later.
    m_li->setNextFaults(QStringLiteral("server_error"), 2, QStringLiteral("/oauth/v2/accessToken"));
    for (int i = 0; i < 2; ++i) {
        const RefreshAnswer down = lux::test::await(m_client->refresh(granted.refreshToken));
        QCOMPARE(int(down.kind), int(RefreshAnswer::Kind::Unavailable));
        QVERIFY2(down.message.contains(i == 0 ? QLatin1String("Internal Server Error") : QLatin1String("Service Unavailable")),
                 qPrintable(down.message));
    }
    // 429: try later too.
    m_li->setNextFaults(QStringLiteral("throttle"), 1, QStringLiteral("/oauth/v2/accessToken"));
    QCOMPARE(int(lux::test::await(m_client->refresh(granted.refreshToken)).kind), int(RefreshAnswer::Kind::Unavailable));
    // The request left whole and no answer came: the fake minted a token the client never saw.
    const int refreshes = m_li->stats().refreshes;
    m_li->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("/oauth/v2/accessToken"));
    const RefreshAnswer lost = lux::test::await(m_client->refresh(granted.refreshToken));
    QCOMPARE(int(lost.kind), int(RefreshAnswer::Kind::InDoubt));
    QCOMPARE(m_li->stats().refreshes, refreshes + 1);
    // A client LinkedIn does not accept is the app's settings, not the account's.
    LinkedInConfig wrong = config();
    wrong.clientSecret = QStringLiteral("not-the-secret");
    const RefreshAnswer badClient = lux::test::await(LinkedInClient(m_nam.get(), wrong).refresh(granted.refreshToken));
    QCOMPARE(int(badClient.kind), int(RefreshAnswer::Kind::Unavailable));
    QVERIFY2(badClient.message.contains(QLatin1String("social.linkedin_client_id")), qPrintable(badClient.message));
    QVERIFY2(badClient.message.contains(QLatin1String("Client authentication failed")), qPrintable(badClient.message));
    // The member removed the app: the grant is gone.
    m_li->revokeMember(kMember);
    const RefreshAnswer refused = lux::test::await(m_client->refresh(granted.refreshToken));
    QCOMPARE(int(refused.kind), int(RefreshAnswer::Kind::Refused));
    QVERIFY2(refused.message.contains(QLatin1String("invalid, expired or revoked")), qPrintable(refused.message));
}

void TestLinkedInClient::member()
{
    const auto me = lux::test::await(m_client->me(access()));
    QVERIFY2(me, lux::test::errorText(me).constData());
    QCOMPARE(me->sub, kMember);
    QCOMPARE(me->name, QStringLiteral("Ada Lux"));
    QCOMPARE(me->locale, QStringLiteral("en-US"));
    QCOMPARE(me->urn(), kPerson);
    // Without the profile scope LinkedIn says no, and the message says where and what.
    const auto refused = lux::test::await(m_client->me(access(QStringLiteral("w_member_social"))));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("linkedin.403"));
    QVERIFY2(refused.error().message.contains(QLatin1String("account details")), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(QLatin1String("Not enough permissions")), qPrintable(refused.error().message));
}

void TestLinkedInClient::organizationsWithNames()
{
    m_li->setOrganization({5550001, QStringLiteral("Second Co"), QStringLiteral("second-co")});
    m_li->setOrganization({5550002, QStringLiteral("Analyst Co"), QStringLiteral("analyst-co")});
    m_li->setOrganization({5550003, QStringLiteral("Pending Co"), QStringLiteral("pending-co")});
    m_li->setRole({kMember, 5550001, QStringLiteral("CONTENT_ADMIN"), QStringLiteral("APPROVED")});
    m_li->setRole({kMember, 5550002, QStringLiteral("ANALYST"), QStringLiteral("APPROVED")});          // cannot post
    m_li->setRole({kMember, 5550003, QStringLiteral("ADMINISTRATOR"), QStringLiteral("REQUESTED")}); // not approved
    const auto list = lux::test::await(m_client->organizations(access()));
    QVERIFY2(list, lux::test::errorText(list).constData());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).urn, kOrg);
    QCOMPARE(list->at(0).id, QStringLiteral("2414183"));
    QCOMPARE(list->at(0).name, QStringLiteral("LUX Test Co"));
    QCOMPARE(list->at(0).vanityName, QStringLiteral("lux-test-co"));
    QCOMPARE(list->at(0).role, QStringLiteral("ADMINISTRATOR"));
    QCOMPARE(list->at(1).urn, QStringLiteral("urn:li:organization:5550001"));
    QCOMPARE(list->at(1).name, QStringLiteral("Second Co"));
    QCOMPARE(list->at(1).role, QStringLiteral("CONTENT_ADMIN"));
    // Each name lookup went with the version headers (the fake refuses any /rest/ call without them).
    QCOMPARE(m_li->stats().paths.value(QStringLiteral("GET /rest/organizations/:id")), 2);
    QCOMPARE(m_li->stats().versionRefused, 0);
    // A sign-in without an organization scope cannot list them.
    const auto none = lux::test::await(m_client->organizations(access(QStringLiteral("openid profile w_member_social"))));
    QVERIFY(!none);
    QCOMPARE(none.error().code, QString(LinkedInClient::kForbidden));
    QVERIFY2(none.error().message.contains(QLatin1String("organizations")), qPrintable(none.error().message));
}

void TestLinkedInClient::imageUploadThenAvailable()
{
    const QString token = access();
    m_li->setImageDelay(60'000);
    const Outcome o = lux::test::await(m_client->uploadImage(token, kPerson, lux::test::pngHeader(1200, 627), QStringLiteral("image/png")));
    QVERIFY2(o.ok(), qPrintable(o.message));
    QVERIFY(o.reference.startsWith(QLatin1String("urn:li:image:")));
    auto status = lux::test::await(m_client->imageStatus(token, o.reference));
    QVERIFY2(status, lux::test::errorText(status).constData());
    QCOMPARE(*status, QStringLiteral("PROCESSING"));
    m_li->setClockOffset(61'000); // the fake's processing is done
    status = lux::test::await(m_client->imageStatus(token, o.reference));
    QVERIFY2(status, lux::test::errorText(status).constData());
    QCOMPARE(*status, QStringLiteral("AVAILABLE"));
    const QList<FakeLinkedIn::Image> images = m_li->images();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.first().type, QStringLiteral("image/png"));
    QCOMPARE(images.first().width, 1200);
    QCOMPARE(images.first().owner, kPerson);
    // An owner the member may not post for: LinkedIn's refusal, said where.
    const Outcome refused = lux::test::await(m_client->uploadImage(token, QStringLiteral("urn:li:organization:999"),
                                                                   lux::test::pngHeader(10, 10), QStringLiteral("image/png")));
    QCOMPARE(int(refused.kind), int(Outcome::Kind::Permanent));
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.message.contains(QLatin1String("initializeUpload")), qPrintable(refused.message));
    // An answer lost after the request left whole: an upload (nothing anyone refers to) is simply done
    // again; a post may exist.
    lux::channels::HttpResponse lost;
    lost.requestSentWhole = true;
    lost.networkError = int(QNetworkReply::RemoteHostClosedError);
    QCOMPARE(int(LinkedInClient::outcome(lost, QStringLiteral("upload"), false, 0).kind), int(Outcome::Kind::Transient));
    QCOMPARE(int(LinkedInClient::outcome(lost, QStringLiteral("post"), true, 0).kind), int(Outcome::Kind::Unknown));
}

void TestLinkedInClient::memberPostWithEscapedTextArrivesWhole()
{
    const QString token = access();
    const QString plain = QStringLiteral("Launch (v2) at 50% off *today* @ our_store [link] <b> {x} | ~ \\ done #LuxSale");
    const QString commentary = lux::social::LittleText::escape(plain);
    QVERIFY(commentary != plain);
    const Outcome o = lux::test::await(m_client->createPost(token, kPerson, commentary, {}));
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(o.status, 201);
    QVERIFY2(o.reference.startsWith(QLatin1String("urn:li:share:")), qPrintable(o.reference));
    QCOMPARE(m_li->posts().size(), 1);
    const FakeLinkedIn::Post &p = m_li->posts().first();
    QCOMPARE(p.id, o.reference);
    QCOMPARE(p.author, kPerson);
    QCOMPARE(p.commentary, commentary);
    QCOMPARE(p.little.kept, commentary); // not cut anywhere
    QVERIFY(!p.little.truncated);
    QCOMPARE(p.little.shown, plain);
    QCOMPARE(p.visibility, QStringLiteral("PUBLIC"));
    QVERIFY(p.images.isEmpty());
    QCOMPARE(m_li->stats().versionRefused, 0);
}

void TestLinkedInClient::multiImagePost()
{
    const QString token = access();
    const QString one = image(token), two = image(token), three = image(token);
    QVERIFY(!one.isEmpty() && !two.isEmpty() && !three.isEmpty());
    const Outcome o = lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("Three pictures"), {one, two, three},
                                                            {QStringLiteral("First"), QString(), QStringLiteral("Third")}));
    QVERIFY2(o.ok(), qPrintable(o.message));
    const FakeLinkedIn::Post &p = m_li->posts().last();
    QCOMPARE(p.images, (QStringList{one, two, three}));
    const QJsonArray images = p.content.value(QStringLiteral("multiImage")).toObject().value(QStringLiteral("images")).toArray();
    QCOMPARE(images.size(), 3);
    QCOMPARE(images.at(0).toObject().value(QStringLiteral("altText")).toString(), QStringLiteral("First"));
    QVERIFY(!images.at(1).toObject().contains(QStringLiteral("altText")));
    QCOMPARE(images.at(2).toObject().value(QStringLiteral("altText")).toString(), QStringLiteral("Third"));
    // One picture goes as content.media, with its alt text; as an organization too.
    const QString single = image(token, kOrg);
    const Outcome org = lux::test::await(m_client->createPost(token, kOrg, QStringLiteral("One picture"), {single}, {QStringLiteral("Alt")}));
    QVERIFY2(org.ok(), qPrintable(org.message));
    const FakeLinkedIn::Post &q = m_li->posts().last();
    QCOMPARE(q.author, kOrg);
    QCOMPARE(q.content.value(QStringLiteral("media")).toObject(),
             (QJsonObject{{QStringLiteral("id"), single}, {QStringLiteral("altText"), QStringLiteral("Alt")}}));
}

void TestLinkedInClient::lostAnswerIsUnknownAndPostedOnce()
{
    const QString token = access();
    const QString text = QStringLiteral("Lost in the post");
    m_li->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /rest/posts"));
    const Outcome o = lux::test::await(m_client->createPost(token, kPerson, text, {}));
    QCOMPARE(int(o.kind), int(Outcome::Kind::Unknown));
    QCOMPARE(o.status, 0);
    QVERIFY2(o.message.contains(QLatin1String("Posting to LinkedIn")), qPrintable(o.message));
    // The fake made it, once: Qt did not send it again by itself.
    QCOMPARE(m_li->posts().size(), 1);
    QCOMPARE(m_li->copies(kPerson, text), 1);
    QCOMPARE(m_li->stats().paths.value(QStringLiteral("POST /rest/posts")), 1);
    // The channel can find it among the author's posts (an organization's: readable by default).
    m_li->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /rest/posts"));
    QCOMPARE(int(lux::test::await(m_client->createPost(token, kOrg, text, {})).kind), int(Outcome::Kind::Unknown));
    const auto posts = lux::test::await(m_client->recentPosts(token, kOrg, 5));
    QVERIFY2(posts, lux::test::errorText(posts).constData());
    QCOMPARE(posts->size(), 1);
    QCOMPARE(posts->first().commentary, text);
}

void TestLinkedInClient::serverErrorIsUnknown()
{
    const QString token = access();
    // A 5xx to a post may come after it was made: Unknown, never a blind retry.
    m_li->setNextFaults(QStringLiteral("server_error"), 2, QStringLiteral("POST /rest/posts"));
    for (const int status : {500, 503}) {
        const Outcome o = lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("Down"), {}));
        QCOMPARE(int(o.kind), int(Outcome::Kind::Unknown));
        QCOMPARE(o.status, status);
        QCOMPARE(o.code, QStringLiteral("linkedin.%1").arg(status));
    }
    // A read's 5xx is only a read to do again.
    m_li->setNextFaults(QStringLiteral("server_error"), 1, QStringLiteral("/v2/userinfo"));
    const auto me = lux::test::await(m_client->me(token));
    QVERIFY(!me);
    QCOMPARE(me.error().code, QStringLiteral("linkedin.504"));
    QVERIFY2(me.error().message.contains(QLatin1String("Gateway Timeout")), qPrintable(me.error().message));
}

void TestLinkedInClient::throttledWaits()
{
    const QString token = access();
    // The member's daily limit: LinkedIn says so in the body and sends no header; nothing more on this
    // account before midnight UTC.
    m_li->setLimit(QStringLiteral("POST /rest/posts"), {1, 0});
    QVERIFY(lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("First"), {})).ok());
    qint64 pauseUntil = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Outcome o = lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("Second"), {}, {}, &pauseUntil));
    QCOMPARE(int(o.kind), int(Outcome::Kind::Transient));
    QCOMPARE(o.status, 429);
    const qint64 midnight =
        QDateTime(QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date().addDays(1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QCOMPARE(pauseUntil, midnight);
    QVERIFY2(near(now + qint64(o.retryAfterSeconds) * 1000, midnight), qPrintable(QString::number(o.retryAfterSeconds)));
    QVERIFY2(o.message.contains(QLatin1String("MEMBER DAY limit")), qPrintable(o.message));
    QCOMPARE(m_li->posts().size(), 1);

    // A throttle that is not a daily limit (and no Retry-After): a minute.
    lux::channels::HttpResponse r;
    r.status = 429;
    r.body = R"({"status":429,"message":"Too many requests"})";
    qint64 noPause = 0;
    const Outcome minute = LinkedInClient::outcome(r, QStringLiteral("Posting to LinkedIn"), true, now, &noPause);
    QCOMPARE(int(minute.kind), int(Outcome::Kind::Transient));
    QCOMPARE(minute.retryAfterSeconds, LinkedInClient::kThrottleWaitSeconds);
    QCOMPARE(noPause, 0);
    // At 23:59:30 UTC a daily limit waits thirty seconds.
    r.body = R"({"status":429,"message":"Resource level throttle APPLICATION DAY limit for calls to this resource is reached."})";
    const qint64 lateEvening = QDateTime(QDate(2026, 3, 1), QTime(23, 59, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    QCOMPARE(LinkedInClient::outcome(r, QStringLiteral("x"), true, lateEvening).retryAfterSeconds, 30);
}

void TestLinkedInClient::refusedSignInIsSocialAuth()
{
    const QString token = access();
    m_li->revokeMember(kMember);
    const Outcome o = lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("Revoked"), {}));
    QCOMPARE(int(o.kind), int(Outcome::Kind::Permanent));
    QCOMPARE(o.status, 401);
    QCOMPARE(o.code, QString(lux::errc::socialAuth));
    QVERIFY2(o.message.contains(QLatin1String("The token has been revoked")), qPrintable(o.message));
    QVERIFY(m_li->posts().isEmpty());
    const auto me = lux::test::await(m_client->me(QStringLiteral("not-a-token")));
    QVERIFY(!me);
    QCOMPARE(me.error().code, QString(lux::errc::socialAuth));
}

void TestLinkedInClient::duplicateIsEvidence()
{
    const QString token = access();
    const Outcome first = lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("Once only"), {}));
    QVERIFY2(first.ok(), qPrintable(first.message));
    const Outcome again = lux::test::await(m_client->createPost(token, kPerson, QStringLiteral("Once only"), {}));
    QCOMPARE(int(again.kind), int(Outcome::Kind::Permanent));
    QCOMPARE(again.status, 422);
    QCOMPARE(again.code, QString(LinkedInClient::kDuplicate));
    QCOMPARE(again.reference, first.reference); // the post it duplicates
    QCOMPARE(m_li->posts().size(), 1);
    // Another field error is LinkedIn's message, permanent.
    const Outcome tooLong = lux::test::await(m_client->createPost(token, kPerson, QString(3001, QLatin1Char('a')), {}));
    QCOMPARE(int(tooLong.kind), int(Outcome::Kind::Permanent));
    QCOMPARE(tooLong.code, QStringLiteral("linkedin.422"));
    QVERIFY2(tooLong.message.contains(QLatin1String("can't exceeded maximum 3000")), qPrintable(tooLong.message));
}

void TestLinkedInClient::oldVersionNamesTheSetting()
{
    LinkedInConfig old = config();
    old.version = QStringLiteral("202401");
    LinkedInClient client(m_nam.get(), old);
    const Outcome o = lux::test::await(client.createPost(access(), kPerson, QStringLiteral("Old"), {}));
    QCOMPARE(int(o.kind), int(Outcome::Kind::Permanent));
    QCOMPARE(o.status, 426);
    QCOMPARE(o.code, QString(LinkedInClient::kVersion));
    QVERIFY2(o.message.contains(QLatin1String("social.linkedin_version")), qPrintable(o.message));
    QVERIFY2(o.message.contains(QLatin1String("20240101 is not active")), qPrintable(o.message));
    QVERIFY(m_li->posts().isEmpty());
    const auto posts = lux::test::await(client.recentPosts(access(), kOrg));
    QVERIFY(!posts);
    QCOMPARE(posts.error().code, QString(LinkedInClient::kVersion));
}

void TestLinkedInClient::recentPostsNeedTheReadScope()
{
    const QString token = access();
    for (const QString &text : {QStringLiteral("Older"), QStringLiteral("Newer")})
        QVERIFY(lux::test::await(m_client->createPost(token, kPerson, text, {})).ok());
    // The member's own posts need r_member_social, which LinkedIn restricts: left to the user.
    const auto refused = lux::test::await(m_client->recentPosts(token, kPerson));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QString(LinkedInClient::kForbidden));
    QVERIFY2(refused.error().message.contains(QLatin1String("Not enough permissions")), qPrintable(refused.error().message));
    // With it, newest first, as kept.
    m_li->setMemberReadScopeAvailable(true);
    const QString reader = access(FakeLinkedIn::kDefaultScope + QStringLiteral(" r_member_social"));
    const auto posts = lux::test::await(m_client->recentPosts(reader, kPerson, 500));
    QVERIFY2(posts, lux::test::errorText(posts).constData());
    QCOMPARE(posts->size(), 2);
    QCOMPARE(posts->at(0).commentary, QStringLiteral("Newer"));
    QCOMPARE(posts->at(1).commentary, QStringLiteral("Older"));
    QVERIFY(posts->at(0).urn.startsWith(QLatin1String("urn:li:share:")));
    QVERIFY(near(posts->at(0).createdAt, QDateTime::currentMSecsSinceEpoch(), 60'000));
}

void TestLinkedInClient::comments()
{
    const QString token = access();
    const Outcome post = lux::test::await(m_client->createPost(token, kOrg, QStringLiteral("Comment on me"), {}));
    QVERIFY2(post.ok(), qPrintable(post.message));
    const Outcome c = lux::test::await(m_client->comment(token, post.reference, kOrg, QStringLiteral("First (comment) #1")));
    QVERIFY2(c.ok(), qPrintable(c.message));
    QCOMPARE(c.reference, QStringLiteral("urn:li:comment:(%1,%2)").arg(post.reference, m_li->comments().first().id));
    QCOMPARE(m_li->comments().size(), 1);
    QCOMPARE(m_li->comments().first().text, QStringLiteral("First (comment) #1"));
    QCOMPARE(m_li->comments().first().actor, kOrg);
    const auto list = lux::test::await(m_client->comments(token, post.reference));
    QVERIFY2(list, lux::test::errorText(list).constData());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().urn, c.reference);
    QCOMPARE(list->first().text, QStringLiteral("First (comment) #1"));
    QCOMPARE(list->first().actor, kOrg);
    QVERIFY(list->first().createdAt > 0);
    // A post LinkedIn does not know.
    const Outcome unknown = lux::test::await(m_client->comment(token, QStringLiteral("urn:li:share:1"), kOrg, QStringLiteral("Hello")));
    QCOMPARE(int(unknown.kind), int(Outcome::Kind::Permanent));
    QCOMPARE(unknown.status, 404);
    QVERIFY2(unknown.message.contains(QLatin1String("Commenting on LinkedIn")), qPrintable(unknown.message));
}

LUX_TEST_MAIN(TestLinkedInClient, QCoreApplication)
#include "tst_linkedinclient.moc"
