// SPDX-License-Identifier: GPL-3.0-or-later
// The Meta Graph API client against the fake Meta (tests/fakes/meta) over loopback, with the pictures
// served by a second local server for the fake to fetch: the sign-in from the dialog's redirect through
// the short- and long-lived tokens to the Page tokens and Instagram ids; debug_token; a Page post with two
// photos made once, the duplicate 506 read as its own code, the Page's posts since a time; an Instagram
// container polled to FINISHED, published once (a second publish refused, never a second post), the
// publishing limit counted, a lost answer Unknown with the post made once, the quota's refusal transient
// with its time, an expired or failed container asking for a new one; a 5xx on a one-shot call Unknown
// and on a container Transient; a dead token asking to reconnect; the usage headers pausing the account;
// comments on both networks.
#include "channels/social/meta/metaclient.h"

#include "common/errorcodes.h"
#include "fakemeta.h"
#include "httpserver.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QTest>
#include <QUrlQuery>

using lux::channels::Outcome;
using lux::channels::social::meta::MetaClient;
using lux::channels::social::meta::MetaConfig;
using lux::channels::social::meta::MetaContainerStatus;
using lux::fakes::FakeMeta;
using lux::test::await;

namespace {

const QString kUser = QStringLiteral("10000000000000001");
const QString kPage = QStringLiteral("100000000000001");
const QString kIg = QStringLiteral("17841400000000001");
const QString kRedirect = QStringLiteral("http://127.0.0.1:53682/meta/callback");

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

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

class TestMetaClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signIn();
    void pagePostWithPhotosOnce();
    void duplicateAndPostsSince();
    void instagramPublishOnce();
    void lostPublishIsUnknownAndMadeOnce();
    void serverErrors();
    void deadTokenAsksToReconnect();
    void missingPermission();
    void quotaSpentWaits();
    void spentContainersAskForNewOnes();
    void usagePausesTheAccount();
    void comments();

private:
    QString image(const QString &name) const { return m_images->baseUrl().toString() + QLatin1Char('/') + name; }
    QString pageToken() { return m_meta->grant(kUser).pageTokens.value(kPage); }
    QString container(const QString &token, const QString &file, const QString &caption);
    MetaContainerStatus settled(const QString &token, const QString &containerId); // waits while IN_PROGRESS
    int copies(const QString &network) const;

    std::unique_ptr<FakeMeta> m_meta;
    std::unique_ptr<lux::fakes::HttpServer> m_images;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<MetaClient> m_client;
    QHash<QString, QByteArray> m_files;
    QDateTime m_now;
    QByteArray m_portrait, m_square, m_narrow;
};

void TestMetaClient::initTestCase()
{
    m_portrait = jpeg(1080, 1350);
    m_square = jpeg(1080, 1080);
    m_narrow = jpeg(1080, 300); // 3.6:1, wider than Instagram takes
}

void TestMetaClient::init()
{
    m_meta = std::make_unique<FakeMeta>();
    QVERIFY(m_meta->listen());
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    m_meta->setClock([this] { return m_now; });
    m_meta->setContainerDelay(20);
    m_files = {{QStringLiteral("/portrait.jpg"), m_portrait}, {QStringLiteral("/square.jpg"), m_square}, {QStringLiteral("/narrow.jpg"), m_narrow}};
    m_images = std::make_unique<lux::fakes::HttpServer>([this](lux::fakes::HttpExchange *e) {
        const auto it = m_files.constFind(e->request().url.path());
        lux::fakes::HttpResponse r;
        r.status = it == m_files.constEnd() ? 404 : 200;
        if (it != m_files.constEnd()) {
            r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "image/jpeg"));
            r.body = *it;
        }
        e->respond(r);
    });
    QVERIFY(m_images->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    MetaConfig config;
    config.graphUrl = m_meta->baseUrl();
    config.dialogUrl = m_meta->baseUrl();
    config.appId = m_meta->appId();
    config.appSecret = m_meta->appSecret();
    config.timeoutMs = 5000;
    m_client = std::make_unique<MetaClient>(m_nam.get(), config);
}

void TestMetaClient::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_meta.reset();
    m_images.reset();
}

QString TestMetaClient::container(const QString &token, const QString &file, const QString &caption)
{
    const Outcome made = await(m_client->createContainer(token, kIg, image(file), caption, QStringLiteral("A test picture"), false));
    if (!made.ok())
        qWarning() << "container" << made.code << made.message;
    return made.reference;
}

MetaContainerStatus TestMetaClient::settled(const QString &token, const QString &containerId)
{
    QElapsedTimer timer;
    timer.start();
    auto status = await(m_client->containerStatus(token, containerId));
    while (status && status->code == u"IN_PROGRESS" && timer.elapsed() < 10000) {
        QTest::qWait(20);
        status = await(m_client->containerStatus(token, containerId));
    }
    if (!status) {
        qWarning() << status.error().code << status.error().message;
        return {};
    }
    return *status;
}

int TestMetaClient::copies(const QString &network) const
{
    int n = 0;
    for (const FakeMeta::Post &p : m_meta->posts())
        n += p.network == network && p.published;
    return n;
}

void TestMetaClient::signIn()
{
    const QStringList scopes{QStringLiteral("pages_show_list"), QStringLiteral("pages_manage_posts"), QStringLiteral("instagram_basic"),
                             QStringLiteral("instagram_content_publish")};
    const QUrl dialog = m_client->dialogUrl(kRedirect, QStringLiteral("st-42"), scopes);
    QCOMPARE(dialog.path(), QStringLiteral("/v21.0/dialog/oauth"));
    const QUrlQuery asked(dialog);
    QCOMPARE(asked.queryItemValue(QStringLiteral("client_id")), m_meta->appId());
    QCOMPARE(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), kRedirect);
    QCOMPARE(asked.queryItemValue(QStringLiteral("state")), QStringLiteral("st-42"));
    QCOMPARE(asked.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(asked.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), scopes.join(QLatin1Char(',')));

    // The browser's side: the dialog sends it back with a code.
    const lux::test::HttpAnswer back = lux::test::httpRequest(*m_nam, "GET", dialog);
    QCOMPARE(back.status, 302);
    const QUrlQuery returned{QUrl(QString::fromUtf8(back.header("Location")))};
    QCOMPARE(returned.queryItemValue(QStringLiteral("state")), QStringLiteral("st-42"));
    const QString code = returned.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    // A redirect_uri not the dialog's is refused as a sign-in problem; the code stays good.
    const auto wrong = await(m_client->exchange(code, kRedirect + QLatin1Char('/')));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, QString(lux::errc::socialAuth));
    const auto shortLived = await(m_client->exchange(code, kRedirect));
    QVERIFY2(shortLived, shortLived ? "" : qPrintable(shortLived.error().message));
    QVERIFY(!shortLived->access.isEmpty());
    QVERIFY(shortLived->accessExpiresAt.has_value());
    QVERIFY(*shortLived->accessExpiresAt - now() <= 5400 * 1000 + 1000 && *shortLived->accessExpiresAt - now() > 5000 * 1000);
    // Spent: a second exchange of the same code is refused.
    QVERIFY(!await(m_client->exchange(code, kRedirect)));

    const auto longLived = await(m_client->longLived(shortLived->access));
    QVERIFY2(longLived, longLived ? "" : qPrintable(longLived.error().message));
    QVERIFY(longLived->access != shortLived->access);
    QVERIFY(*longLived->accessExpiresAt - now() > qint64(50) * 86400 * 1000);

    const auto pages = await(m_client->pages(longLived->access));
    QVERIFY2(pages, pages ? "" : qPrintable(pages.error().message));
    QCOMPARE(pages->size(), 1);
    QCOMPARE(pages->at(0).id, kPage);
    QCOMPARE(pages->at(0).name, QStringLiteral("LUX Test Page"));
    QCOMPARE(pages->at(0).igId, kIg);
    QCOMPARE(pages->at(0).igUsername, QStringLiteral("lux_test"));
    QVERIFY(!pages->at(0).accessToken.isEmpty());
    QVERIFY(!pages->at(0).tasks.isEmpty());

    // The Page token from a long-lived user token never expires; the user token does, with its data access.
    const auto page = await(m_client->debugToken(pages->at(0).accessToken));
    QVERIFY2(page, page ? "" : qPrintable(page.error().message));
    QVERIFY(page->isValid);
    QCOMPARE(page->type, QStringLiteral("PAGE"));
    QCOMPARE(page->profileId, kPage);
    QCOMPARE(page->expiresAt, qint64(0));
    QVERIFY(page->scopes.contains(QStringLiteral("pages_manage_posts")));
    const auto user = await(m_client->debugToken(longLived->access));
    QVERIFY(user && user->isValid);
    QCOMPARE(user->expiresAt, m_now.toMSecsSinceEpoch() + qint64(5'183'944) * 1000); // the fake's clock: issued now, about 60 days
    QVERIFY(user->dataAccessExpiresAt > m_now.toMSecsSinceEpoch() + qint64(80) * 86400 * 1000);
    const auto unknown = await(m_client->debugToken(QStringLiteral("not-a-token")));
    QVERIFY(unknown && !unknown->isValid && !unknown->error.isEmpty());
}

void TestMetaClient::pagePostWithPhotosOnce()
{
    const QString token = pageToken();
    QStringList photos;
    for (const QString &file : {QStringLiteral("portrait.jpg"), QStringLiteral("square.jpg")}) {
        const Outcome photo = await(m_client->uploadPhoto(token, kPage, image(file)));
        QVERIFY2(photo.ok(), qPrintable(photo.message));
        QVERIFY(!photo.reference.isEmpty());
        photos << photo.reference;
    }
    QCOMPARE(copies(QStringLiteral("facebook")), 0); // unpublished photos are no posts
    // A picture Meta cannot fetch: refused, nothing made.
    const Outcome missing = await(m_client->uploadPhoto(token, kPage, image(QStringLiteral("gone.jpg"))));
    QCOMPARE(missing.kind, Outcome::Kind::Permanent);
    QVERIFY(missing.message.contains(QStringLiteral("photo upload")));

    const QString message = QStringLiteral("Spring sale — two pictures & a link");
    const Outcome post = await(m_client->createFeedPost(token, kPage, message, QStringLiteral("https://example.com/sale"), photos));
    QVERIFY2(post.ok(), qPrintable(post.message));
    QVERIFY(post.reference.startsWith(kPage + QLatin1Char('_')));
    QCOMPARE(copies(QStringLiteral("facebook")), 1);
    const FakeMeta::Post &made = m_meta->posts().constLast();
    QCOMPARE(made.id, post.reference);
    QCOMPARE(made.message, message);
    QCOMPARE(made.media, photos);
    QCOMPARE(m_meta->copies(kPage, message), 1);
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{page}/feed")), 1);

    const auto link = await(m_client->permalink(token, post.reference));
    QVERIFY2(link, link ? "" : qPrintable(link.error().message));
    QVERIFY(link->startsWith(QStringLiteral("https://")));
}

void TestMetaClient::duplicateAndPostsSince()
{
    const QString token = pageToken();
    const qint64 first = m_now.toMSecsSinceEpoch();
    const Outcome a = await(m_client->createFeedPost(token, kPage, QStringLiteral("First"), {}, {}));
    QVERIFY2(a.ok(), qPrintable(a.message));
    // The same message again: Meta's 506, read as its own code (evidence the first went).
    const Outcome again = await(m_client->createFeedPost(token, kPage, QStringLiteral("First"), {}, {}));
    QCOMPARE(again.kind, Outcome::Kind::Permanent);
    QCOMPARE(again.code, QString(MetaClient::kDuplicate));
    QCOMPARE(again.status, 400);
    QCOMPARE(m_meta->copies(kPage, QStringLiteral("First")), 1);

    m_now = m_now.addSecs(3600);
    const qint64 second = m_now.toMSecsSinceEpoch();
    const Outcome b = await(m_client->createFeedPost(token, kPage, QStringLiteral("Second"), {}, {}));
    QVERIFY(b.ok());

    const auto since = await(m_client->publishedPosts(token, kPage, second - 1000));
    QVERIFY2(since, since ? "" : qPrintable(since.error().message));
    QCOMPARE(since->size(), 1);
    QCOMPARE(since->at(0).id, b.reference);
    QCOMPARE(since->at(0).message, QStringLiteral("Second"));
    QCOMPARE(since->at(0).createdAt, second);
    QVERIFY(!since->at(0).permalink.isEmpty());
    const auto all = await(m_client->publishedPosts(token, kPage, first - 60'000));
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).id, b.reference); // newest first
    QCOMPARE(all->at(1).id, a.reference);
    QCOMPARE(all->at(1).createdAt, first);

    // More than one page of a hundred: every page is read.
    for (int i = 0; i < 105; ++i) {
        m_now = m_now.addSecs(60);
        QVERIFY(await(m_client->createFeedPost(token, kPage, QStringLiteral("Post %1").arg(i), {}, {})).ok());
    }
    const auto many = await(m_client->publishedPosts(token, kPage, second));
    QVERIFY2(many, many ? "" : qPrintable(many.error().message));
    QCOMPARE(many->size(), 106);
    QCOMPARE(many->first().message, QStringLiteral("Post 104"));
    QCOMPARE(many->last().id, b.reference);
    QVERIFY(m_meta->stats().paths.value(QStringLiteral("GET /{page}/published_posts")) >= 4);
}

void TestMetaClient::instagramPublishOnce()
{
    const QString token = pageToken();
    const QString id = container(token, QStringLiteral("portrait.jpg"), QStringLiteral("Spring #sale"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_meta->container(id)->altText, QStringLiteral("A test picture"));
    const MetaContainerStatus ready = settled(token, id);
    QCOMPARE(ready.code, QStringLiteral("FINISHED"));
    QVERIFY(MetaClient::outcome(ready).ok());

    const auto before = await(m_client->publishingLimit(token, kIg));
    QVERIFY2(before, before ? "" : qPrintable(before.error().message));
    QCOMPARE(before->total, 50);
    QCOMPARE(before->usage, 0);

    const Outcome published = await(m_client->publish(token, kIg, id));
    QVERIFY2(published.ok(), qPrintable(published.message));
    QVERIFY(!published.reference.isEmpty());
    const MetaContainerStatus went = settled(token, id);
    QCOMPARE(went.code, QStringLiteral("PUBLISHED"));
    QCOMPARE(MetaClient::outcome(went).code, QString(MetaClient::kPublished));
    QCOMPARE(copies(QStringLiteral("instagram")), 1);

    // A second publish of the same container: refused, never a second post.
    const Outcome twice = await(m_client->publish(token, kIg, id));
    QCOMPARE(twice.kind, Outcome::Kind::Permanent);
    QCOMPARE(twice.code, QString(MetaClient::kPublished));
    QCOMPARE(copies(QStringLiteral("instagram")), 1);

    const auto after = await(m_client->publishingLimit(token, kIg));
    QVERIFY(after);
    QCOMPARE(after->usage, 1);
    QCOMPARE(after->left(), 49);

    const auto media = await(m_client->recentMedia(token, kIg, 10));
    QVERIFY2(media, media ? "" : qPrintable(media.error().message));
    QCOMPARE(media->size(), 1);
    QCOMPARE(media->at(0).id, published.reference);
    QCOMPARE(media->at(0).caption, QStringLiteral("Spring #sale"));
    QCOMPARE(media->at(0).timestamp, m_now.toMSecsSinceEpoch());
    const auto link = await(m_client->permalink(token, published.reference));
    QVERIFY2(link, link ? "" : qPrintable(link.error().message));
    QCOMPARE(*link, media->at(0).permalink);

    // A carousel of two items counts once.
    QStringList children;
    for (const QString &file : {QStringLiteral("square.jpg"), QStringLiteral("portrait.jpg")}) {
        const Outcome item = await(m_client->createContainer(token, kIg, image(file), {}, {}, true));
        QVERIFY2(item.ok(), qPrintable(item.message));
        QCOMPARE(settled(token, item.reference).code, QStringLiteral("FINISHED"));
        children << item.reference;
    }
    const Outcome carousel = await(m_client->createCarousel(token, kIg, children, QStringLiteral("Two pictures")));
    QVERIFY2(carousel.ok(), qPrintable(carousel.message));
    QCOMPARE(settled(token, carousel.reference).code, QStringLiteral("FINISHED"));
    QVERIFY(await(m_client->publish(token, kIg, carousel.reference)).ok());
    QCOMPARE(await(m_client->publishingLimit(token, kIg))->usage, 2);
}

void TestMetaClient::lostPublishIsUnknownAndMadeOnce()
{
    const QString token = pageToken();
    const QString id = container(token, QStringLiteral("square.jpg"), QStringLiteral("Lost answer"));
    QCOMPARE(settled(token, id).code, QStringLiteral("FINISHED"));
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{ig}/media_publish"));
    const Outcome lost = await(m_client->publish(token, kIg, id));
    QCOMPARE(lost.kind, Outcome::Kind::Unknown);
    QCOMPARE(lost.status, 0);
    // The container says it went; the fake has it once, and the client sent it once.
    QCOMPARE(settled(token, id).code, QStringLiteral("PUBLISHED"));
    QCOMPARE(copies(QStringLiteral("instagram")), 1);
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{ig}/media_publish")), 1);
}

void TestMetaClient::serverErrors()
{
    const QString token = pageToken();
    // A 5xx on the one-shot Page post: it may have been made, so Unknown (the fake made nothing).
    m_meta->setNextFaults(QStringLiteral("server_error"), 1, QStringLiteral("POST /{page}/feed"));
    const Outcome post = await(m_client->createFeedPost(token, kPage, QStringLiteral("Five hundred"), {}, {}));
    QCOMPARE(post.kind, Outcome::Kind::Unknown);
    QCOMPARE(post.status, 500);
    QVERIFY(post.message.contains(QStringLiteral("Page post")));
    QCOMPARE(copies(QStringLiteral("facebook")), 0);
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{page}/feed")), 1);
    // Made and the answer lost: Unknown, made once, sent once.
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{page}/feed"));
    const Outcome lost = await(m_client->createFeedPost(token, kPage, QStringLiteral("Lost"), {}, {}));
    QCOMPARE(lost.kind, Outcome::Kind::Unknown);
    QCOMPARE(lost.status, 0);
    QCOMPARE(m_meta->copies(kPage, QStringLiteral("Lost")), 1);
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{page}/feed")), 2);

    // A 5xx on a container: another is harmless, so Transient.
    m_meta->setNextFaults(QStringLiteral("server_error"), 1, QStringLiteral("POST /{ig}/media"));
    const Outcome made = await(m_client->createContainer(token, kIg, image(QStringLiteral("square.jpg")), QStringLiteral("x"), {}, false));
    QCOMPARE(made.kind, Outcome::Kind::Transient);
    QCOMPARE(made.status, 500);
    // A lost answer on a photo upload (an unpublished photo made) is never in doubt: Qt may send it again
    // by itself (not one-shot: harmless) and read that answer, or it is Transient.
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{page}/photos"));
    const Outcome photo = await(m_client->uploadPhoto(token, kPage, image(QStringLiteral("square.jpg"))));
    QVERIFY(photo.kind == Outcome::Kind::Accepted || photo.kind == Outcome::Kind::Transient);
    QCOMPARE(m_meta->stats().lost, 2); // the Page post's and this one
    // A lost answer on a comment is Unknown.
    const Outcome first = await(m_client->createFeedPost(token, kPage, QStringLiteral("To comment on"), {}, {}));
    QVERIFY(first.ok());
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{id}/comments"));
    const Outcome comment = await(m_client->comment(token, first.reference, QStringLiteral("First!")));
    QCOMPARE(comment.kind, Outcome::Kind::Unknown);
}

void TestMetaClient::deadTokenAsksToReconnect()
{
    const QString token = pageToken();
    m_meta->invalidate(kUser, QStringLiteral("password"));
    const Outcome post = await(m_client->createFeedPost(token, kPage, QStringLiteral("After a password change"), {}, {}));
    QCOMPARE(post.kind, Outcome::Kind::Permanent);
    QCOMPARE(post.code, QString(lux::errc::socialAuth));
    QVERIFY(post.message.contains(QStringLiteral("Page post")));
    const auto posts = await(m_client->publishedPosts(token, kPage, 0));
    QVERIFY(!posts);
    QCOMPARE(posts.error().code, QString(lux::errc::socialAuth));
    const auto info = await(m_client->debugToken(token));
    QVERIFY(info && !info->isValid);
    QCOMPARE(copies(QStringLiteral("facebook")), 0);
}

void TestMetaClient::missingPermission()
{
    // A user token on a Page endpoint: 403 code 200, a permission.
    const QString user = m_meta->grant(kUser).accessToken;
    const Outcome post = await(m_client->createFeedPost(user, kPage, QStringLiteral("With the wrong token"), {}, {}));
    QCOMPARE(post.kind, Outcome::Kind::Permanent);
    QCOMPARE(post.code, QString(MetaClient::kPermission));
    QCOMPARE(copies(QStringLiteral("facebook")), 0);
}

void TestMetaClient::quotaSpentWaits()
{
    const QString token = pageToken();
    m_meta->setQuota(1);
    const QString a = container(token, QStringLiteral("square.jpg"), QStringLiteral("One"));
    const QString b = container(token, QStringLiteral("portrait.jpg"), QStringLiteral("Two"));
    QCOMPARE(settled(token, a).code, QStringLiteral("FINISHED"));
    QCOMPARE(settled(token, b).code, QStringLiteral("FINISHED"));
    QVERIFY(await(m_client->publish(token, kIg, a)).ok());
    const auto limit = await(m_client->publishingLimit(token, kIg));
    QVERIFY(limit);
    QCOMPARE(limit->total, 1);
    QCOMPARE(limit->left(), 0);
    qint64 pause = 0;
    const qint64 asked = now();
    const Outcome refused = await(m_client->publish(token, kIg, b, &pause));
    QCOMPARE(refused.kind, Outcome::Kind::Transient);
    QCOMPARE(refused.code, QString(MetaClient::kQuota));
    QVERIFY(pause >= asked + MetaClient::kQuotaPauseMs);
    QVERIFY(refused.retryAfterSeconds >= int(MetaClient::kQuotaPauseMs / 1000) - 5);
    QVERIFY(refused.message.contains(QStringLiteral("Instagram post")));
    QCOMPARE(copies(QStringLiteral("instagram")), 1);
    QCOMPARE(settled(token, b).code, QStringLiteral("FINISHED")); // still there to publish later
    // When it fits again: a day after the one publish of the window.
    const auto media = await(m_client->recentMedia(token, kIg, limit->total));
    QVERIFY(media);
    QCOMPARE(MetaClient::quotaFreesAt(*media, *limit, m_now.toMSecsSinceEpoch()), m_now.toMSecsSinceEpoch() + qint64(86400) * 1000);
    QCOMPARE(MetaClient::quotaFreesAt(*media, *limit, m_now.toMSecsSinceEpoch() + qint64(86400) * 1000),
             m_now.toMSecsSinceEpoch() + qint64(86400) * 1000);
    QCOMPARE(MetaClient::quotaFreesAt(*media, lux::channels::social::meta::MetaQuota{2, 1, 86400}, 5), qint64(5));
}

void TestMetaClient::spentContainersAskForNewOnes()
{
    const QString token = pageToken();
    // Expired (not published within a day): a new container may succeed.
    const QString old = container(token, QStringLiteral("square.jpg"), QStringLiteral("Too late"));
    QCOMPARE(settled(token, old).code, QStringLiteral("FINISHED"));
    m_now = m_now.addSecs(86400 + 1);
    const MetaContainerStatus expired = settled(token, old);
    QCOMPARE(expired.code, QStringLiteral("EXPIRED"));
    QCOMPARE(MetaClient::outcome(expired).code, QString(MetaClient::kRestage));
    QCOMPARE(MetaClient::outcome(expired).kind, Outcome::Kind::Transient);
    const Outcome late = await(m_client->publish(token, kIg, old));
    QCOMPARE(late.code, QString(MetaClient::kRestage));
    QCOMPARE(late.kind, Outcome::Kind::Transient);

    // ERROR because the picture is refused (the ratio): a new container of it cannot help.
    const QString wide = container(token, QStringLiteral("narrow.jpg"), QStringLiteral("Too wide"));
    const MetaContainerStatus failed = settled(token, wide);
    QCOMPARE(failed.code, QStringLiteral("ERROR"));
    QCOMPARE(failed.subcode, 2207009);
    QCOMPARE(MetaClient::outcome(failed).code, QString(MetaClient::kRestage));
    QCOMPARE(MetaClient::outcome(failed).kind, Outcome::Kind::Permanent);
    const Outcome refused = await(m_client->publish(token, kIg, wide));
    QCOMPARE(refused.code, QString(MetaClient::kRestage));
    QCOMPARE(refused.kind, Outcome::Kind::Permanent);

    // ERROR because the picture could not be fetched: a new container may succeed.
    const QString gone = container(token, QStringLiteral("gone.jpg"), QStringLiteral("Not there"));
    const MetaContainerStatus unreachable = settled(token, gone);
    QCOMPARE(unreachable.code, QStringLiteral("ERROR"));
    QCOMPARE(unreachable.subcode, 2207052);
    QCOMPARE(MetaClient::outcome(unreachable).kind, Outcome::Kind::Transient);
    QCOMPARE(copies(QStringLiteral("instagram")), 0);

    // Still preparing: not ready, a short wait.
    m_meta->setContainerDelay(5000);
    const QString slow = container(token, QStringLiteral("square.jpg"), QStringLiteral("Slow"));
    const Outcome early = await(m_client->publish(token, kIg, slow));
    QCOMPARE(early.kind, Outcome::Kind::Transient);
    QCOMPARE(early.code, QString(MetaClient::kNotReady));
    QCOMPARE(early.retryAfterSeconds, MetaClient::kNotReadySeconds);
}

void TestMetaClient::usagePausesTheAccount()
{
    // The headers alone: the largest percentage decides; the regain time when Meta gives one.
    lux::channels::HttpResponse r;
    r.status = 200;
    const qint64 t = 1'800'000'000'000;
    r.headers = {{QByteArrayLiteral("X-App-Usage"), QByteArrayLiteral(R"({"call_count":12,"total_cputime":3,"total_time":89})")}};
    QCOMPARE(MetaClient::pauseUntil(r, t), 0);
    r.headers = {{QByteArrayLiteral("x-app-usage"), QByteArrayLiteral(R"({"call_count":12,"total_cputime":95,"total_time":4})")}};
    QCOMPARE(MetaClient::pauseUntil(r, t), t + MetaClient::kThrottlePauseMs);
    r.headers = {{QByteArrayLiteral("X-App-Usage"), QByteArrayLiteral(R"({"call_count":1,"total_cputime":1,"total_time":1})")},
                 {QByteArrayLiteral("X-Business-Use-Case-Usage"),
                  QByteArrayLiteral(R"({"100000000000001":[{"type":"pages","call_count":100,"total_cputime":5,"total_time":5,"estimated_time_to_regain_access":7}]})")}};
    QCOMPARE(MetaClient::pauseUntil(r, t), t + 7 * 60'000);

    // Over loopback: the Page's bucket at 95 %: the call goes, and says to pause.
    const QString token = pageToken();
    FakeMeta::Levels levels;
    levels.callCount = 95;
    m_meta->setUsageLevels(kPage, levels);
    qint64 pause = 0;
    const qint64 asked = now();
    const Outcome photo = await(m_client->uploadPhoto(token, kPage, image(QStringLiteral("square.jpg")), &pause));
    QVERIFY2(photo.ok(), qPrintable(photo.message));
    QVERIFY(pause >= asked + MetaClient::kThrottlePauseMs - 1000);
    QVERIFY(m_client->pausedUntil() >= pause);

    // Driven to 100 %: the bucket's throttling error, transient until the regain time it names.
    m_meta->setUsageLevels(kPage, FakeMeta::Levels{99.99, 0, 0});
    QVERIFY(await(m_client->uploadPhoto(token, kPage, image(QStringLiteral("square.jpg")))).ok());
    qint64 blocked = 0;
    const Outcome throttled = await(m_client->createFeedPost(token, kPage, QStringLiteral("Throttled"), {}, {}, &blocked));
    QCOMPARE(throttled.kind, Outcome::Kind::Transient);
    QCOMPARE(throttled.code, QString(MetaClient::kThrottled));
    QVERIFY(blocked >= now() + 9 * 60'000);
    QVERIFY(throttled.retryAfterSeconds >= 9 * 60);
    QCOMPARE(copies(QStringLiteral("facebook")), 0);
}

void TestMetaClient::comments()
{
    const QString token = pageToken();
    const Outcome post = await(m_client->createFeedPost(token, kPage, QStringLiteral("Comment here"), {}, {}));
    QVERIFY(post.ok());
    const Outcome said = await(m_client->comment(token, post.reference, QStringLiteral("Link in the first comment: https://example.com")));
    QVERIFY2(said.ok(), qPrintable(said.message));
    const auto onPage = await(m_client->comments(token, post.reference));
    QVERIFY2(onPage, onPage ? "" : qPrintable(onPage.error().message));
    QCOMPARE(onPage->size(), 1);
    QCOMPARE(onPage->at(0).id, said.reference);
    QCOMPARE(onPage->at(0).message, QStringLiteral("Link in the first comment: https://example.com"));
    QCOMPARE(onPage->at(0).from, QStringLiteral("LUX Test Page"));
    QCOMPARE(onPage->at(0).createdAt, m_now.toMSecsSinceEpoch());

    const QString id = container(token, QStringLiteral("square.jpg"), QStringLiteral("Comment on Instagram"));
    QCOMPARE(settled(token, id).code, QStringLiteral("FINISHED"));
    const Outcome media = await(m_client->publish(token, kIg, id));
    QVERIFY(media.ok());
    const Outcome first = await(m_client->comment(token, media.reference, QStringLiteral("#first")));
    QVERIFY2(first.ok(), qPrintable(first.message));
    const auto onInstagram = await(m_client->comments(token, media.reference));
    QVERIFY2(onInstagram, onInstagram ? "" : qPrintable(onInstagram.error().message));
    QCOMPARE(onInstagram->size(), 1);
    QCOMPARE(onInstagram->at(0).message, QStringLiteral("#first"));
    QCOMPARE(onInstagram->at(0).from, QStringLiteral("lux_test"));
    QCOMPARE(m_meta->comments().size(), 2);
}

LUX_TEST_MAIN(TestMetaClient, QCoreApplication)
#include "tst_metaclient.moc"
