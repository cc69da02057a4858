// SPDX-License-Identifier: GPL-3.0-or-later
// Posting to Facebook Pages and Instagram through the channel core (issue 20), against the fake Meta over
// loopback with a real lux-tracker process and the real keychain. The pictures go to lux-tracker, which
// serves them at signed addresses; the fake fetches them from there, as Meta does.
// - Facebook: a post with a picture made once, with its link; a lost answer found among the Page's posts
//   and not posted again; a picture without a tracker refused with the reason, nothing sent.
// - Instagram end to end: the picture uploaded to lux-tracker, fetched by the fake, the container polled
//   until FINISHED and published once; the signed address refused once it has expired.
// - Instagram exactly once: a lost media_publish answer settled by the container's status (PUBLISHED),
//   never published again; a container that expired while the post waited is made again and published
//   once; a full publishing quota pauses the account and nothing reaches the fake.
#include "assistant/mediastore.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/sendsetup.h"
#include "channels/social/mediahost.h"
#include "channels/social/tokens.h"
#include "social/accountstore.h"
#include "social/poststore.h"
#include "tracking/token.h"

#include "common/errorcodes.h"
#include "databasefixture.h"
#include "fakemeta.h"
#include "testsupport.h"
#include "trackerprocess.h"

#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::social;
using lux::fakes::FakeMeta;

namespace {

const QString kUser = QStringLiteral("10000000000000001");
const QString kPage = QStringLiteral("100000000000001");
const QString kIg = QStringLiteral("17841400000000001");

} // namespace

class TestMetaChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void facebookPostWithAPictureOnce();
    void facebookLostAnswerIsFound();
    void facebookPictureWithoutATrackerIsRefused();
    void refusedSignInAsksToReconnect();
    void pageUsageAt90PercentPausesTheAccount();
    void firstCommentsOnceEvenWhenTheirAnswerIsLost();
    void instagramEndToEnd();
    void instagramCarousel();
    void instagramLostPublishIsSettledByItsContainer();
    void instagramExpiredContainerIsMadeAgain();
    void instagramFullQuotaPausesTheAccount();

private:
    qint64 connectAccount(Network network, const QString &externalId);
    qint64 picture(int width, int height);
    qint64 schedule(qint64 account, const QString &text, const QList<qint64> &media = {}, const QString &firstComment = {});
    void publish(qint64 account, int rounds = 6, bool tracker = true);
    QString value(const QString &sql);
    TargetState stateOf(qint64 post);

    std::unique_ptr<test::TestEnvironment> m_env;
    std::unique_ptr<test::TrackerProcess> m_tracker;
    std::unique_ptr<test::DatabaseFixture> m_fixture;
    std::unique_ptr<FakeMeta> m_meta;
    QNetworkAccessManager m_network;
    SecretStore m_secrets{QStringLiteral("lux-test-metachannel")};
    qint64 m_offset = 0;
    Clock m_clock;
    qint64 m_page = 0, m_instagram = 0;
};

void TestMetaChannel::init()
{
    m_env = std::make_unique<test::TestEnvironment>();
    m_tracker = std::make_unique<test::TrackerProcess>(QStringLiteral(LUX_TRACKER_PATH), m_env->dir(),
                                                       QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(m_tracker->start(), m_tracker->output().constData());
    m_fixture = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_fixture->open());
    m_meta = std::make_unique<FakeMeta>();
    QVERIFY(m_meta->listen());
    m_offset = 0;
    m_clock = [this] { return QDateTime::currentMSecsSinceEpoch() + m_offset; };
    m_meta->setClock([this] { return QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC); });
    m_meta->setContainerDelay(150);
    m_network.clearConnectionCache();
    m_page = connectAccount(Network::Facebook, kPage);
    m_instagram = connectAccount(Network::Instagram, kIg);
    QVERIFY(m_page > 0 && m_instagram > 0);
}

void TestMetaChannel::cleanup()
{
    m_meta.reset();
    m_fixture.reset();
    if (m_tracker && m_tracker->process().state() != QProcess::NotRunning)
        QVERIFY2(m_tracker->stop(), m_tracker->output().constData());
    m_tracker.reset();
    m_env.reset();
}

qint64 TestMetaChannel::connectAccount(Network network, const QString &externalId)
{
    const FakeMeta::Grant granted = m_meta->grant(kUser);
    Account a;
    a.network = network;
    a.externalId = externalId;
    a.kind = network == Network::Facebook ? QStringLiteral("page") : QStringLiteral("business");
    a.name = network == Network::Facebook ? QStringLiteral("LUX Test Shop") : QStringLiteral("luxtestshop");
    const auto id = AccountStore(m_fixture->db(), m_clock).upsert(a);
    if (!id)
        return 0;
    a = *AccountStore(m_fixture->db(), m_clock).find(*id);
    TokenSet tokens;
    tokens.access = granted.pageTokens.value(kPage); // Instagram publishes with its Page's token
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"), m_clock);
    if (const Status kept = test::await(keeper.store(a, tokens)); !kept) {
        qWarning("%s", qPrintable(kept.error().message));
        return 0;
    }
    return *id;
}

qint64 TestMetaChannel::picture(int width, int height)
{
    assistant::MediaItem item;
    item.name = QStringLiteral("spring.jpg");
    item.data = test::jpegHeader(width, height, 0, false, 20'000 + width);
    const auto id = assistant::MediaStore(m_fixture->db()).add(item, std::nullopt);
    return id ? *id : 0;
}

qint64 TestMetaChannel::schedule(qint64 account, const QString &text, const QList<qint64> &media, const QString &firstComment)
{
    PostDraft draft;
    draft.targets = {{account, text, firstComment, media}};
    draft.at = m_clock();
    const auto post = PostStore(m_fixture->db(), m_clock).schedule(draft);
    if (!post)
        qWarning("%s", qPrintable(post.error().message));
    return post ? *post : 0;
}

QString TestMetaChannel::value(const QString &sql)
{
    QSqlQuery q(m_fixture->db());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

TargetState TestMetaChannel::stateOf(qint64 post)
{
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    return status && !status->targets.isEmpty() ? status->targets.first().state : TargetState::Failed;
}

void TestMetaChannel::publish(qint64 account, int rounds, bool tracker)
{
    campaigns::SendSetup setup;
    setup.social.meta.graphUrl = m_meta->baseUrl();
    setup.social.meta.dialogUrl = m_meta->baseUrl();
    setup.social.meta.appId = m_meta->appId();
    setup.social.meta.appSecret = m_meta->appSecret();
    setup.social.secrets = m_secrets;
    if (tracker) {
        setup.tracking.trackerUrl = m_tracker->url().toString();
        setup.tracking.apiToken = m_tracker->apiToken();
        setup.tracking.keys = m_tracker->keys();
    } else {
        setup.tracking.keys = tracking::KeyRing::generate(1);
    }
    const qint64 campaign = value(QStringLiteral("SELECT id FROM campaigns WHERE social_account_id = %1").arg(account)).toLongLong();
    for (int i = 0; i < rounds; ++i) {
        campaigns::CampaignRunner runner(m_fixture->db(), &m_network, setup, m_clock);
        const campaigns::CampaignRunner::Run run = test::await(runner.run(campaign));
        if (!run.error.code.isEmpty())
            qInfo("run %d: %s %s", i, qPrintable(run.error.code), qPrintable(run.error.message));
        const int open = value(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = %1 AND (state IN ('sending') OR "
                                              "(state = 'unknown' AND error_code <> 'needs-decision') OR (state = 'pending' AND due_at <= %2))")
                                   .arg(campaign)
                                   .arg(m_clock()))
                             .toInt();
        if (open == 0)
            return;
        m_offset += 60'000; // the job's next look at rows in doubt, a retry's wait
    }
}

void TestMetaChannel::facebookPostWithAPictureOnce()
{
    const qint64 image = picture(1200, 630);
    QVERIFY(image > 0);
    const QString text = QStringLiteral("Spring is here: 20% off everything this week 🌷");
    const qint64 post = schedule(m_page, text, {image});
    QVERIFY(post > 0);
    publish(m_page);
    QCOMPARE(m_meta->posts().size(), 1);
    const FakeMeta::Post &made = m_meta->posts().first();
    QCOMPARE(made.network, QStringLiteral("facebook"));
    QCOMPARE(made.owner, kPage);
    QCOMPARE(made.message, text);
    QCOMPARE(made.media.size(), 1);
    // Meta fetched the picture from lux-tracker's signed address.
    QCOMPARE(m_meta->fetches().size(), 1);
    const FakeMeta::Fetch &fetch = m_meta->fetches().first();
    QCOMPARE(fetch.status, 200);
    QVERIFY2(fetch.error.isEmpty(), qPrintable(fetch.error));
    QCOMPARE(QUrl(fetch.url).port(), m_tracker->url().port());
    QVERIFY2(QUrl(fetch.url).path().startsWith(u"/m/"), qPrintable(fetch.url));
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, made.id);
    QVERIFY2(status->targets[0].permalink.startsWith(u"https://"), qPrintable(status->targets[0].permalink));
}

void TestMetaChannel::facebookLostAnswerIsFound()
{
    const QString text = QStringLiteral("Our autumn catalogue is out");
    const qint64 post = schedule(m_page, text);
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{page}/feed"));
    publish(m_page);
    QCOMPARE(m_meta->stats().lost, 1);
    QCOMPARE(m_meta->posts().size(), 1);
    QCOMPARE(m_meta->copies(kPage, text), 1);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, m_meta->posts().first().id); // found among the Page's posts
}

void TestMetaChannel::facebookPictureWithoutATrackerIsRefused()
{
    const qint64 post = schedule(m_page, QStringLiteral("A picture with nowhere to be fetched from"), {picture(1200, 630)});
    publish(m_page, 2, false);
    QCOMPARE(m_meta->posts().size(), 0);
    QCOMPARE(m_meta->stats().requests, 0);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Failed);
    QCOMPARE(status->targets[0].errorCode, QString(errc::trackerConfig));
    QVERIFY2(status->targets[0].error.contains(u"lux-tracker"), qPrintable(status->targets[0].error));
}

void TestMetaChannel::refusedSignInAsksToReconnect()
{
    // The person changed their Facebook password: Meta refuses the Page token on the post itself (190),
    // not at a token endpoint. The post fails with Meta's reason and the account asks to be connected
    // again; nothing more is tried on it.
    m_meta->invalidate(kUser);
    const qint64 post = schedule(m_page, QStringLiteral("Refused at the door"));
    publish(m_page, 2);
    QCOMPARE(m_meta->posts().size(), 0);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Failed);
    QCOMPARE(status->targets[0].errorCode, QString(errc::socialAuth));
    const auto account = AccountStore(m_fixture->db(), m_clock).find(m_page);
    QCOMPARE(account->status, QStringLiteral("reconnect"));
    QVERIFY2(account->error.contains(u"connect it again"), qPrintable(account->error));
    // The next post on it is refused before anything reaches Meta.
    const int before = m_meta->stats().requests;
    const qint64 next = schedule(m_page, QStringLiteral("After the refusal"));
    publish(m_page, 1);
    QCOMPARE(m_meta->stats().requests, before);
    QCOMPARE(stateOf(next), TargetState::Failed);
}

void TestMetaChannel::pageUsageAt90PercentPausesTheAccount()
{
    // The Page's business-use-case usage stands at 95 %: the post that brings that answer goes, the
    // account pauses (ten minutes: Meta names no regain time below 100 %) and the next post waits for
    // it, before Meta has to refuse anything.
    m_meta->setUsageLevels(kPage, {95, 10, 20});
    const qint64 first = schedule(m_page, QStringLiteral("Busy day at the shop"));
    publish(m_page, 1);
    QCOMPARE(stateOf(first), TargetState::Published);
    const qint64 paused = value(QStringLiteral("SELECT paused_until FROM social_accounts WHERE id = %1").arg(m_page)).toLongLong();
    QVERIFY2(paused > m_clock() + 5 * 60'000, qPrintable(QString::number(paused - m_clock())));
    const qint64 second = schedule(m_page, QStringLiteral("And a second post"));
    publish(m_page, 1);
    QCOMPARE(m_meta->posts().size(), 1);
    QCOMPARE(m_meta->stats().throttled, 0); // never refused: the app stopped first
    QCOMPARE(stateOf(second), TargetState::Scheduled);
}

void TestMetaChannel::firstCommentsOnceEvenWhenTheirAnswerIsLost()
{
    // A Page post whose first comment's answer is lost: the comment is found on the post a look later
    // and not made again; the post is never made twice. An Instagram post's first comment goes as well.
    const QString comment = QStringLiteral("Sizes and prices: https://shop.example.com/spring");
    const qint64 page = schedule(m_page, QStringLiteral("The spring collection is here"), {}, comment);
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{id}/comments"));
    publish(m_page);
    QCOMPARE(m_meta->stats().lost, 1);
    QCOMPARE(m_meta->posts().size(), 1);
    QCOMPARE(m_meta->comments().size(), 1);
    QCOMPARE(m_meta->comments().first().parent, m_meta->posts().first().id);
    QCOMPARE(m_meta->comments().first().message, comment);
    QCOMPARE(stateOf(page), TargetState::Published);
    QCOMPARE(value(QStringLiteral("SELECT comment_state FROM social_targets WHERE post_id = %1").arg(page)), QStringLiteral("done"));

    const qint64 insta = schedule(m_instagram, QStringLiteral("Spring, in three colours"), {picture(1080, 1080)}, QStringLiteral("Which one is yours?"));
    publish(m_instagram);
    QCOMPARE(m_meta->posts().size(), 2);
    QCOMPARE(m_meta->comments().size(), 2);
    QCOMPARE(m_meta->comments().last().parent, m_meta->posts().last().id);
    QCOMPARE(m_meta->comments().last().network, QStringLiteral("instagram"));
    QCOMPARE(stateOf(insta), TargetState::Published);
    const QString commentId = value(QStringLiteral("SELECT comment_id FROM social_targets WHERE post_id = %1").arg(insta));
    QCOMPARE(commentId, m_meta->comments().last().id);
}

void TestMetaChannel::instagramEndToEnd()
{
    const qint64 image = picture(1080, 1350); // 4:5, the tallest Instagram takes
    const QString caption = QStringLiteral("New in: the linen collection #linen #summer");
    const qint64 post = schedule(m_instagram, caption, {image});
    QVERIFY(post > 0);
    publish(m_instagram);
    QCOMPARE(m_meta->posts().size(), 1);
    const FakeMeta::Post &made = m_meta->posts().first();
    QCOMPARE(made.network, QStringLiteral("instagram"));
    QCOMPARE(made.owner, kIg);
    QCOMPARE(made.message, caption);
    // The container fetched the picture from lux-tracker and became FINISHED before it was published.
    const FakeMeta::Container *container = m_meta->container(made.containerId);
    QVERIFY(container);
    QCOMPARE(container->status, QStringLiteral("PUBLISHED"));
    QCOMPARE(QUrl(container->imageUrl).port(), m_tracker->url().port());
    QCOMPARE(m_meta->fetches().size(), 1);
    QCOMPARE(m_meta->fetches().first().status, 200);
    QCOMPARE(m_meta->fetches().first().type, QStringLiteral("image/jpeg"));
    QVERIFY(m_meta->stats().paths.value(QStringLiteral("GET /{id}")) >= 1); // the container's status was read
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{ig}/media_publish")), 1);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, made.id);
    QVERIFY2(status->targets[0].permalink.startsWith(u"https://"), qPrintable(status->targets[0].permalink));

    // The address the fake fetched works now; one signed to end in a second is refused once it has.
    const HostedMedia hosted = *test::await(MediaHost(&m_network, m_tracker->url(), m_tracker->apiToken(),
                                                      *tracking::KeyRing::parse(m_tracker->keys()), 60)
                                                .host(assistant::MediaStore(m_fixture->db()).find(image)->data, QStringLiteral("image/jpeg")));
    QCOMPARE(test::httpRequest(m_network, "GET", QUrl(container->imageUrl)).status, 200);
    const MediaHost signer(&m_network, m_tracker->url(), m_tracker->apiToken(), *tracking::KeyRing::parse(m_tracker->keys()), 60);
    const QUrl shortLived = signer.sign(hosted.id, hosted.type, QDateTime::currentSecsSinceEpoch() + 1);
    QCOMPARE(test::httpRequest(m_network, "GET", shortLived).status, 200);
    QTest::qWait(2100);
    const int expired = test::httpRequest(m_network, "GET", shortLived).status;
    QVERIFY2(expired >= 400 && expired < 500, qPrintable(QString::number(expired)));
}

void TestMetaChannel::instagramCarousel()
{
    // Three pictures: a container for each (as carousel items, without a caption), each FINISHED before
    // the carousel names them, then the carousel with the caption, published once.
    const QList<qint64> pictures{picture(1080, 1080), picture(1080, 1350), picture(1200, 630)};
    const QString caption = QStringLiteral("Three looks for spring");
    const qint64 post = schedule(m_instagram, caption, pictures);
    QVERIFY(post > 0);
    publish(m_instagram);
    QCOMPARE(m_meta->posts().size(), 1);
    const FakeMeta::Post &made = m_meta->posts().first();
    QCOMPARE(made.mediaType, QStringLiteral("CAROUSEL_ALBUM"));
    QCOMPARE(made.message, caption);
    const FakeMeta::Container *carousel = m_meta->container(made.containerId);
    QVERIFY(carousel);
    QCOMPARE(carousel->children.size(), 3);
    for (const QString &child : carousel->children) {
        const FakeMeta::Container *item = m_meta->container(child);
        QVERIFY(item && item->carouselItem);
        QCOMPARE(item->status, QStringLiteral("FINISHED"));
        QVERIFY(item->caption.isEmpty());
    }
    QCOMPARE(m_meta->fetches().size(), 3);
    QCOMPARE(stateOf(post), TargetState::Published);
}

void TestMetaChannel::instagramLostPublishIsSettledByItsContainer()
{
    const QString caption = QStringLiteral("Behind the scenes at the studio");
    const qint64 post = schedule(m_instagram, caption, {picture(1080, 1080)});
    m_meta->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /{ig}/media_publish"));
    publish(m_instagram);
    QCOMPARE(m_meta->stats().lost, 1);
    QCOMPARE(m_meta->posts().size(), 1);
    QCOMPARE(m_meta->copies(kIg, caption), 1);
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{ig}/media_publish")), 1); // never again
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, m_meta->posts().first().id);
}

void TestMetaChannel::instagramExpiredContainerIsMadeAgain()
{
    // The first publish meets Meta's rate limit (nothing published, the account paused for the two
    // minutes Meta names); by the retry the container has expired: a new one is made from the same picture and
    // published, once.
    m_meta->setContainerTtl(30);
    m_meta->setRegain(120);
    const QString caption = QStringLiteral("Weekend market, stall 12");
    const qint64 post = schedule(m_instagram, caption, {picture(1080, 1080)});
    m_meta->setNextFaults(QStringLiteral("throttle"), 1, QStringLiteral("POST /{ig}/media_publish"));
    publish(m_instagram, 1);
    QCOMPARE(m_meta->stats().injectedThrottles, 1);
    QCOMPARE(m_meta->posts().size(), 0);
    QCOMPARE(stateOf(post), TargetState::Scheduled); // waits for the account's pause, not failed
    m_offset += 121'000;
    publish(m_instagram);
    QCOMPARE(m_meta->posts().size(), 1);
    QCOMPARE(m_meta->copies(kIg, caption), 1);
    QVERIFY2(m_meta->stats().containers >= 2, qPrintable(QString::number(m_meta->stats().containers)));
    const FakeMeta::Container *used = m_meta->container(m_meta->posts().first().containerId);
    QVERIFY(used);
    QCOMPARE(used->status, QStringLiteral("PUBLISHED"));
    QCOMPARE(stateOf(post), TargetState::Published);
}

void TestMetaChannel::instagramFullQuotaPausesTheAccount()
{
    m_meta->setQuota(1);
    const qint64 first = schedule(m_instagram, QStringLiteral("The one post the quota allows"), {picture(1080, 1080)});
    publish(m_instagram, 1);
    QCOMPARE(stateOf(first), TargetState::Published);
    const qint64 second = schedule(m_instagram, QStringLiteral("One too many today"), {picture(1080, 1350)});
    publish(m_instagram, 1);
    QCOMPARE(m_meta->posts().size(), 1);
    QCOMPARE(m_meta->stats().quotaRefused, 0); // read before publishing, never refused
    QCOMPARE(m_meta->stats().paths.value(QStringLiteral("POST /{ig}/media_publish")), 1);
    QCOMPARE(stateOf(second), TargetState::Scheduled); // waits; not failed
    // Paused until the first post leaves Instagram's 24 hours.
    const qint64 paused = value(QStringLiteral("SELECT paused_until FROM social_accounts WHERE id = %1").arg(m_instagram)).toLongLong();
    QVERIFY2(paused > m_clock() + 23 * 3'600'000LL && paused <= m_clock() + 24 * 3'600'000LL + 60'000,
             qPrintable(QString::number(paused - m_clock())));
}

LUX_TEST_MAIN(TestMetaChannel, QCoreApplication)
#include "tst_metachannel.moc"
