// SPDX-License-Identifier: GPL-3.0-or-later
// Posting to LinkedIn through the channel core (issue 20), against the fake LinkedIn over loopback
// with the real keychain: a member's post with a picture and every reserved character of little text
// arrives whole (LinkedIn would cut it at the first unescaped one); an organisation's post whose answer
// is lost is found among its posts and not posted again; a member's cannot be looked for, so the user
// decides; a daily limit pauses the account until midnight UTC and the post waits.
#include "assistant/mediastore.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/sendsetup.h"
#include "channels/social/socialchannel.h"
#include "channels/social/tokens.h"
#include "social/accountstore.h"
#include "social/littletext.h"
#include "social/poststore.h"
#include "tracking/token.h"

#include "common/errorcodes.h"
#include "databasefixture.h"
#include "fakelinkedin.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::social;

namespace {

const QString kMember = QStringLiteral("yN4mTq2RkL"); // the fake's default member, ADMINISTRATOR of 2414183
const QString kVersion = QStringLiteral("202611");

} // namespace

class TestLinkedInChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void reservedCharactersArriveWhole();
    void lostAnswerOfAnOrganizationIsFound();
    void lostAnswerOfAMemberIsTheUsers();
    void dailyLimitPausesUntilMidnight();
    void firstCommentAfterAFailedOne();
    void firstCommentHasItsOwnAttempts();
    void firstCommentThatKeepsFailingLeavesThePost();

private:
    qint64 connectAccount(const QString &urn, const QString &kind, bool canRead);
    qint64 schedule(qint64 account, const QString &text, const QList<qint64> &media = {}, const QString &firstComment = {});
    void publish(qint64 account, int rounds = 6);
    QString value(const QString &sql);

    std::unique_ptr<test::DatabaseFixture> m_fixture;
    std::unique_ptr<fakes::FakeLinkedIn> m_li;
    QNetworkAccessManager m_network;
    SecretStore m_secrets{QStringLiteral("lux-test-linkedinchannel")};
    qint64 m_offset = 0;
    Clock m_clock;
    qint64 m_member = 0, m_organization = 0;
};

void TestLinkedInChannel::init()
{
    m_fixture = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_fixture->open());
    m_li = std::make_unique<fakes::FakeLinkedIn>();
    m_li->setClient(QStringLiteral("lux-test-client"), QStringLiteral("lux-test-secret"));
    m_li->setActiveVersions({kVersion});
    m_li->setLimit(QStringLiteral("POST /rest/posts"), {0, 0});
    QVERIFY(m_li->listen());
    m_offset = 0;
    m_clock = [this] { return QDateTime::currentMSecsSinceEpoch() + m_offset; };
    m_li->setClock([this] { return QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC); });
    m_member = connectAccount(QStringLiteral("urn:li:person:") + kMember, QStringLiteral("person"), false);
    m_organization = connectAccount(QStringLiteral("urn:li:organization:2414183"), QStringLiteral("organization"), true);
    QVERIFY(m_member > 0 && m_organization > 0);
}

void TestLinkedInChannel::cleanup()
{
    m_li.reset();
    m_fixture.reset();
}

qint64 TestLinkedInChannel::connectAccount(const QString &urn, const QString &kind, bool canRead)
{
    const fakes::FakeLinkedIn::Tokens granted = m_li->grant(kMember);
    Account a;
    a.network = Network::LinkedIn;
    a.externalId = urn;
    a.kind = kind;
    a.name = kind == u"person" ? QStringLiteral("Ada Lux") : QStringLiteral("LUX Test Co");
    a.canReadPosts = canRead;
    const auto id = AccountStore(m_fixture->db(), m_clock).upsert(a);
    if (!id)
        return 0;
    a = *AccountStore(m_fixture->db(), m_clock).find(*id);
    TokenSet tokens{granted.accessToken, granted.refreshToken, m_clock() + granted.expiresIn * 1000, m_clock() + granted.refreshExpiresIn * 1000};
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"), m_clock);
    if (const Status kept = test::await(keeper.store(a, tokens)); !kept) {
        qWarning("%s", qPrintable(kept.error().message));
        return 0;
    }
    return *id;
}

qint64 TestLinkedInChannel::schedule(qint64 account, const QString &text, const QList<qint64> &media, const QString &firstComment)
{
    PostDraft draft;
    draft.targets = {{account, text, firstComment, media}};
    draft.at = m_clock();
    const auto post = PostStore(m_fixture->db(), m_clock).schedule(draft);
    if (!post)
        qWarning("%s", qPrintable(post.error().message));
    return post ? *post : 0;
}

QString TestLinkedInChannel::value(const QString &sql)
{
    QSqlQuery q(m_fixture->db());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

void TestLinkedInChannel::publish(qint64 account, int rounds)
{
    campaigns::SendSetup setup;
    setup.social.linkedin.apiUrl = m_li->baseUrl();
    setup.social.linkedin.authUrl = m_li->baseUrl();
    setup.social.linkedin.clientId = QStringLiteral("lux-test-client");
    setup.social.linkedin.clientSecret = QStringLiteral("lux-test-secret");
    setup.social.linkedin.version = kVersion;
    setup.social.secrets = m_secrets;
    setup.tracking.keys = tracking::KeyRing::generate(1);
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

void TestLinkedInChannel::reservedCharactersArriveWhole()
{
    assistant::MediaItem item;
    item.name = QStringLiteral("spring.jpg");
    item.data = test::jpegHeader(1200, 627, 0, false, 4096);
    const auto picture = assistant::MediaStore(m_fixture->db()).add(item, std::nullopt);
    QVERIFY(picture);
    const QString text = QStringLiteral("Spring sale (20% off) #spring for @acme_shop fans! Prices < €10 * limited ~ today_only [see] {x} | a\\b");
    const qint64 post = schedule(m_member, text, {*picture});
    QVERIFY(post > 0);
    publish(m_member);
    QCOMPARE(m_li->posts().size(), 1);
    const fakes::FakeLinkedIn::Post &made = m_li->posts().first();
    QVERIFY2(!made.little.truncated, qPrintable(made.little.kept));
    QCOMPARE(made.little.shown, text);
    QCOMPARE(made.author, QStringLiteral("urn:li:person:") + kMember);
    QCOMPARE(made.images.size(), 1);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, made.id);
    QCOMPARE(status->targets[0].permalink, QStringLiteral("https://www.linkedin.com/feed/update/%1/").arg(made.id));
}

void TestLinkedInChannel::lostAnswerOfAnOrganizationIsFound()
{
    const QString text = QStringLiteral("Our autumn catalogue is out");
    const qint64 post = schedule(m_organization, text);
    m_li->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /rest/posts"));
    publish(m_organization);
    QCOMPARE(m_li->stats().lost, 1);
    QCOMPARE(m_li->posts().size(), 1);
    QCOMPARE(m_li->copies(QStringLiteral("urn:li:organization:2414183"), lux::social::LittleText::escape(text)), 1);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, m_li->posts().first().id); // found among the organisation's posts
}

void TestLinkedInChannel::lostAnswerOfAMemberIsTheUsers()
{
    const qint64 post = schedule(m_member, QStringLiteral("A member's post, its answer lost"));
    m_li->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /rest/posts"));
    publish(m_member, 3);
    QCOMPARE(m_li->posts().size(), 1); // made once, never again
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Unknown);
    QCOMPARE(status->targets[0].errorCode, QStringLiteral("needs-decision"));
    QVERIFY2(status->targets[0].error.contains(QStringLiteral("cannot read its posts")), qPrintable(status->targets[0].error));
}

void TestLinkedInChannel::dailyLimitPausesUntilMidnight()
{
    m_li->setLimit(QStringLiteral("POST /rest/posts"), {1, 0});
    const qint64 first = schedule(m_organization, QStringLiteral("First of the day"));
    const qint64 second = schedule(m_organization, QStringLiteral("Second of the day"));
    publish(m_organization, 1);
    QCOMPARE(m_li->posts().size(), 1);
    QCOMPARE(m_li->stats().limit429, 1);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(first)->targets[0].state, TargetState::Published);
    // The second waits for the day LinkedIn counts in (UTC) to end; it is not failed.
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(second)->targets[0].state, TargetState::Scheduled);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC);
    const qint64 midnight = QDateTime(now.date().addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(value(QStringLiteral("SELECT paused_until FROM social_accounts WHERE id = %1").arg(m_organization)).toLongLong(), midnight);
}

void TestLinkedInChannel::firstCommentAfterAFailedOne()
{
    // The organisation's post goes; its first comment meets a 500 (nothing made). The retry makes only
    // the comment: one post, one comment, by the organisation.
    const QString comment = QStringLiteral("Register here: https://example.com/webinar");
    const qint64 post = schedule(m_organization, QStringLiteral("Our webinar on spring trends"), {}, comment);
    m_li->setNextFaults(QStringLiteral("server_error"), 1, QStringLiteral("POST /rest/socialActions/:urn/comments"));
    publish(m_organization);
    QCOMPARE(m_li->stats().serverErrors, 1);
    QCOMPARE(m_li->posts().size(), 1);
    QCOMPARE(m_li->comments().size(), 1);
    QCOMPARE(m_li->comments().first().post, m_li->posts().first().id);
    QCOMPARE(m_li->comments().first().actor, QStringLiteral("urn:li:organization:2414183"));
    QCOMPARE(m_li->comments().first().text, comment);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(post)->targets[0].state, TargetState::Published);
    QCOMPARE(value(QStringLiteral("SELECT comment_state FROM social_targets WHERE post_id = %1").arg(post)), QStringLiteral("done"));
}

void TestLinkedInChannel::firstCommentHasItsOwnAttempts()
{
    // The post needs six attempts, its comment five (four throttled): eleven in all, more than a row's
    // eight, yet each has its own count, so the post is published with its comment and nothing fails.
    const QString comment = QStringLiteral("Slides: https://example.com/slides");
    const qint64 post = schedule(m_organization, QStringLiteral("Spring trends, the recording"), {}, comment);
    m_li->setNextFaults(QStringLiteral("server_error"), 5, QStringLiteral("POST /rest/posts"));
    m_li->setNextFaults(QStringLiteral("throttle"), 4, QStringLiteral("POST /rest/socialActions/:urn/comments"));
    // LinkedIn's 429 is a daily limit: each waits for midnight UTC (the account paused until then).
    for (int day = 0; day < 6 && m_li->comments().isEmpty(); ++day) {
        publish(m_organization, 20);
        m_offset += 86'400'000;
    }
    QCOMPARE(m_li->stats().serverErrors, 5);
    QCOMPARE(m_li->stats().injected429, 4);
    QCOMPARE(m_li->posts().size(), 1);
    QCOMPARE(m_li->comments().size(), 1);
    const TargetStatus t = PostStore(m_fixture->db(), m_clock).status(post)->targets[0];
    QCOMPARE(t.state, TargetState::Published);
    QCOMPARE(t.commentState, QStringLiteral("done"));
    QCOMPARE(value(QStringLiteral("SELECT comment_attempts FROM social_targets WHERE post_id = %1").arg(post)).toInt(), 5);
    QCOMPARE(value(QStringLiteral("SELECT attempts FROM outbox o JOIN social_targets t ON t.outbox_id = o.id WHERE t.post_id = %1").arg(post))
                 .toInt(),
             6); // the post's six (its last made the comment's first try); each refused comment gave its claim back
}

void TestLinkedInChannel::firstCommentThatKeepsFailingLeavesThePost()
{
    // The comment meets a 500 every time: after its own attempts it is given up, with the reason; the
    // post stands published (it is not "failed", nor tried again).
    const qint64 post = schedule(m_organization, QStringLiteral("Our autumn catalogue"), {}, QStringLiteral("Order by Friday"));
    m_li->setNextFaults(QStringLiteral("server_error"), 100, QStringLiteral("POST /rest/socialActions/:urn/comments"));
    publish(m_organization, 20);
    QCOMPARE(m_li->posts().size(), 1);
    QCOMPARE(m_li->comments().size(), 0);
    QCOMPARE(m_li->stats().serverErrors, channels::social::SocialChannel::kCommentAttempts);
    const TargetStatus t = PostStore(m_fixture->db(), m_clock).status(post)->targets[0];
    QCOMPARE(t.state, TargetState::Published);
    QCOMPARE(t.permalink.isEmpty(), false);
    QCOMPARE(t.commentState, QStringLiteral("failed"));
    QVERIFY2(t.commentError.contains(QString::number(channels::social::SocialChannel::kCommentAttempts)), qPrintable(t.commentError));
}

QTEST_GUILESS_MAIN(TestLinkedInChannel)
#include "tst_linkedinchannel.moc"
