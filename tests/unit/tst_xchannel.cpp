// SPDX-License-Identifier: GPL-3.0-or-later
// Publishing to X through the channel core, against the fake X (tests/fakes/x) over loopback, with
// the real keychain (tests/with-keyring.sh) and a real SQLite file: a post with pictures published
// once with its link kept; a lost answer found in the timeline, not posted again; a 5xx that made
// nothing posted again, once; a spent rate-limit window pausing the account until X's reset (an
// epoch time); the token refreshed at 80 % of its life with the rotated refresh token kept; a 503
// from the token endpoint leaving the account connected; a revoked grant asking to reconnect; and a
// plan that cannot read its timeline leaving a post in doubt to the user.
#include "campaigns/campaignrunner.h"
#include "campaigns/sendsetup.h"
#include "channels/social/tokens.h"
#include "social/accountstore.h"
#include "social/poststore.h"
#include "tracking/token.h"

#include "assistant/mediastore.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "fakex.h"
#include "trackerprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::social;

namespace {

const QString kUserId = QStringLiteral("1700000000000000001");

} // namespace

class TestXChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void publishesOnceWithPictures();
    void lostAnswerIsFoundNotPostedAgain();
    void longPostFoundBeyondTheFirstPage();
    void serverErrorThatMadeNothingIsPostedOnce();
    void spentWindowPausesTheAccount();
    void refreshesAtEightyPercent();
    void tokenEndpointDownKeepsTheAccount();
    void revokedGrantAsksToReconnect();
    void renewalInDoubtIsNotPresentedWhileTheTokenServes();
    void noTimelineLeavesItToTheUser();
    void anotherPostsTwinIsNotThisOne();
    void cancelledPostIsNeverPublished();

private:
    qint64 connectAccount(qint64 accessLifeMs = 7'200'000, qint64 refreshedAgoMs = 0);
    qint64 schedule(const QString &text, const QList<qint64> &media = {});
    // Runs the account's campaign until nothing is due or in doubt (at most `rounds` runs), moving
    // the clock on between runs as the scheduler's waits would.
    void publish(int rounds = 6);
    QString value(const QString &sql);
    qint64 campaignId();

    std::unique_ptr<test::DatabaseFixture> m_fixture;
    std::unique_ptr<fakes::FakeX> m_x;
    QNetworkAccessManager m_network;
    SecretStore m_secrets{QStringLiteral("lux-test-xchannel")};
    qint64 m_offset = 0;
    Clock m_clock;
    qint64 m_account = 0;
};

void TestXChannel::init()
{
    m_fixture = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_fixture->open());
    m_x = std::make_unique<fakes::FakeX>();
    QVERIFY(m_x->listen());
    m_offset = 0;
    m_clock = [this] { return QDateTime::currentMSecsSinceEpoch() + m_offset; };
    m_x->setClock([this] { return QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC); }); // X's time is the app's
    m_account = connectAccount();
    QVERIFY(m_account > 0);
}

void TestXChannel::cleanup()
{
    m_x.reset();
    m_fixture.reset();
}

qint64 TestXChannel::connectAccount(qint64 accessLifeMs, qint64 refreshedAgoMs)
{
    // A completed sign-in, as the fake mints it, kept as LUX keeps one.
    const fakes::FakeX::Tokens granted = m_x->grant(kUserId);
    Account a;
    a.network = Network::X;
    a.externalId = kUserId;
    a.name = QStringLiteral("Lux Test");
    a.handle = QStringLiteral("@lux_test");
    const auto id = AccountStore(m_fixture->db(), m_clock).upsert(a);
    if (!id)
        return 0;
    a.id = *id;
    a.uid = AccountStore(m_fixture->db(), m_clock).find(*id)->uid;
    TokenSet tokens{granted.accessToken, granted.refreshToken, m_clock() - refreshedAgoMs + accessLifeMs, std::nullopt};
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"), [this, refreshedAgoMs] { return m_clock() - refreshedAgoMs; });
    const Status kept = test::await(keeper.store(a, tokens));
    if (!kept) {
        qWarning("%s", qPrintable(kept.error().message));
        return 0;
    }
    return *id;
}

qint64 TestXChannel::schedule(const QString &text, const QList<qint64> &media)
{
    PostDraft draft;
    draft.targets = {{m_account, text, {}, media}};
    draft.at = m_clock();
    const auto post = PostStore(m_fixture->db(), m_clock).schedule(draft);
    if (!post)
        qWarning("%s", qPrintable(post.error().message));
    return post ? *post : 0;
}

QString TestXChannel::value(const QString &sql)
{
    QSqlQuery q(m_fixture->db());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

qint64 TestXChannel::campaignId()
{
    return value(QStringLiteral("SELECT id FROM campaigns WHERE social_account_id = %1").arg(m_account)).toLongLong();
}

void TestXChannel::publish(int rounds)
{
    campaigns::SendSetup setup;
    setup.social.x.baseUrl = m_x->baseUrl();
    setup.social.x.clientId = m_x->clientId();
    setup.social.secrets = m_secrets;
    setup.tracking.keys = tracking::KeyRing::generate(1); // as SendSetup::withSecrets makes them
    for (int i = 0; i < rounds; ++i) {
        campaigns::CampaignRunner runner(m_fixture->db(), &m_network, setup, m_clock);
        const campaigns::CampaignRunner::Run run = test::await(runner.run(campaignId()));
        if (!run.error.code.isEmpty())
            qInfo("run %d: %s %s", i, qPrintable(run.error.code), qPrintable(run.error.message));
        const int open = value(QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('sending', 'unknown') "
                                              "OR (state = 'pending' AND due_at <= %1)").arg(m_clock())).toInt();
        if (open == 0)
            return;
        m_offset += 60'000; // the job's next look at rows in doubt, a retry's wait
    }
}

void TestXChannel::publishesOnceWithPictures()
{
    const auto picture = [this](const QString &name, const QByteArray &bytes) {
        assistant::MediaItem item;
        item.name = name;
        item.data = bytes;
        const auto id = assistant::MediaStore(m_fixture->db()).add(item, std::nullopt);
        return id ? *id : qint64(0);
    };
    const qint64 a = picture(QStringLiteral("a.jpg"), test::jpegHeader(1200, 675, 0, false, 4096));
    const qint64 b = picture(QStringLiteral("b.png"), test::pngHeader(800, 800) + QByteArray(2048, '\0'));
    QVERIFY(a > 0 && b > 0);
    const qint64 post = schedule(QStringLiteral("Autumn sale & more: https://acme.example/autumn 🍂"), {a, b});
    QVERIFY(post > 0);
    publish();
    QCOMPARE(m_x->posts().size(), 1);
    const fakes::FakeX::Post &made = m_x->posts().first();
    QCOMPARE(made.text, QStringLiteral("Autumn sale & more: https://acme.example/autumn 🍂"));
    QCOMPARE(made.mediaIds.size(), 2);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, made.id);
    QCOMPARE(status->targets[0].permalink, QStringLiteral("https://x.com/lux_test/status/") + made.id);
    QVERIFY(status->targets[0].publishedAt);
    QCOMPARE(value(QStringLiteral("SELECT provider_ref FROM outbox")), made.id);
    QCOMPARE(m_x->stats().media, 2);
}

void TestXChannel::lostAnswerIsFoundNotPostedAgain()
{
    const qint64 post = schedule(QStringLiteral("The answer to this one is lost"));
    m_x->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /2/tweets"));
    publish();
    QCOMPARE(m_x->stats().lost, 1);
    QCOMPARE(m_x->posts().size(), 1);
    QCOMPARE(m_x->copies(kUserId, QStringLiteral("The answer to this one is lost")), 1);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, m_x->posts().first().id); // found in the timeline
    QVERIFY(m_x->stats().paths.value(QStringLiteral("GET /2/users/:id/tweets")) >= 1);
}

void TestXChannel::longPostFoundBeyondTheFirstPage()
{
    // A Premium account's long post, its answer lost; the first look fails, and by the second the
    // account has posted 150 more: the post is on the second page, whole only in its note_tweet.
    m_x->setUser({kUserId, QStringLiteral("lux_test"), QStringLiteral("Lux Test"), QStringLiteral("Premium")});
    m_x->setTweetLimit(1000);
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET long_posts = 1")));
    QString text;
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("Sentence %1 of a long post. ").arg(i);
    text = text.trimmed();
    const qint64 post = schedule(text);
    QVERIFY(post > 0);
    m_x->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /2/tweets"));
    // The timeline fails for the whole run (a look that fails is tried again in the run's next rounds).
    m_x->setNextFaults(QStringLiteral("server_error"), 50, QStringLiteral("GET /2/users/:id/tweets"));
    {
        // As the scheduler runs it: the job is not done while the post is in doubt; it comes back
        // in a minute to look again (the account's next post may be days away).
        campaigns::SendSetup setup;
        setup.social.x.baseUrl = m_x->baseUrl();
        setup.social.x.clientId = m_x->clientId();
        setup.social.secrets = m_secrets;
        setup.tracking.keys = tracking::KeyRing::generate(1);
        campaigns::CampaignRunner runner(m_fixture->db(), &m_network, setup, m_clock);
        const auto ran = test::await(runner.runDueJob(QStringLiteral("test"), {}));
        QVERIFY(ran && *ran);
    }
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(post)->targets[0].state, TargetState::Unknown);
    const qint64 comesBack = value(QStringLiteral("SELECT due_at FROM jobs WHERE done_at IS NULL")).toLongLong();
    QVERIFY2(comesBack > m_clock() + 30'000 && comesBack <= m_clock() + 61'000, qPrintable(QString::number(comesBack - m_clock())));
    m_x->setNextFaults(QStringLiteral("server_error"), 0, QStringLiteral("GET /2/users/:id/tweets"));
    const QString bearer = m_x->grant(kUserId).accessToken;
    QNetworkAccessManager nam;
    for (int i = 0; i < 150; ++i) {
        const test::HttpAnswer made =
            test::httpRequest(nam, "POST", m_x->baseUrl().resolved(QUrl(QStringLiteral("/2/tweets"))),
                              QJsonDocument(QJsonObject{{QStringLiteral("text"), QStringLiteral("Later post %1").arg(i)}}).toJson(),
                              {{"Authorization", "Bearer " + bearer.toUtf8()}, {"Content-Type", "application/json"}});
        QCOMPARE(made.status, 201);
    }
    publish(3);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Published);
    QCOMPARE(status->targets[0].externalId, m_x->posts().first().id);
    QCOMPARE(m_x->copies(kUserId, text), 1);
    QCOMPARE(m_x->posts().size(), 151);
    QVERIFY(m_x->stats().paths.value(QStringLiteral("GET /2/users/:id/tweets")) >= 3); // the failed look, then two pages
}

void TestXChannel::serverErrorThatMadeNothingIsPostedOnce()
{
    const qint64 post = schedule(QStringLiteral("A 503 first, then once"));
    m_x->setNextFaults(QStringLiteral("server_error"), 1, QStringLiteral("POST /2/tweets"));
    publish();
    QCOMPARE(m_x->stats().serverErrors, 1);
    QCOMPARE(m_x->posts().size(), 1);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(post)->targets[0].state, TargetState::Published);
    // Looked for before it was sent again.
    QVERIFY(m_x->stats().paths.value(QStringLiteral("GET /2/users/:id/tweets")) >= 1);
}

void TestXChannel::spentWindowPausesTheAccount()
{
    m_x->setTweetLimit(1, 900);
    const qint64 first = schedule(QStringLiteral("First in the window"));
    const qint64 second = schedule(QStringLiteral("Second waits for the reset"));
    publish(2);
    QCOMPARE(m_x->posts().size(), 1);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(first)->targets[0].state, TargetState::Published);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(second)->targets[0].state, TargetState::Scheduled);
    // Paused until X's reset: an epoch time about 15 minutes on, not 15 minutes after 1970.
    const qint64 paused = value(QStringLiteral("SELECT paused_until FROM social_accounts")).toLongLong();
    QVERIFY2(paused > QDateTime::currentMSecsSinceEpoch() + 800'000 && paused < QDateTime::currentMSecsSinceEpoch() + 1'000'000,
             qPrintable(QString::number(paused)));
    QCOMPARE(m_x->stats().limit429, 0); // never asked past the window
}

void TestXChannel::refreshesAtEightyPercent()
{
    // The two-hour token is at 90 % of its life.
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET refreshed_at = %1, access_expires_at = %2")
                       .arg(m_clock() - 6'480'000)
                       .arg(m_clock() + 720'000)));
    const auto account = AccountStore(m_fixture->db(), m_clock).find(m_account);
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"), m_clock);
    const QString oldRefresh = *test::await(m_secrets.read(keeper.refreshKey(*account)));
    const qint64 post = schedule(QStringLiteral("After a refresh"));
    publish();
    QCOMPARE(m_x->stats().refreshes, 1);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(post)->targets[0].state, TargetState::Published);
    const QString newRefresh = *test::await(m_secrets.read(keeper.refreshKey(*account)));
    QVERIFY(newRefresh != oldRefresh); // the rotated one was kept
    QVERIFY(value(QStringLiteral("SELECT access_expires_at FROM social_accounts")).toLongLong() > m_clock() + 7'000'000);
    QCOMPARE(value(QStringLiteral("SELECT lease_owner FROM social_accounts")), QString());
    // A second post within the new token's life does not refresh again.
    schedule(QStringLiteral("No refresh now"));
    publish();
    QCOMPARE(m_x->stats().refreshes, 1);
}

void TestXChannel::tokenEndpointDownKeepsTheAccount()
{
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET refreshed_at = %1, access_expires_at = %2")
                       .arg(m_clock() - 6'480'000)
                       .arg(m_clock() + 720'000)));
    m_x->setNextFaults(QStringLiteral("token_unavailable"), 1);
    const qint64 post = schedule(QStringLiteral("Published with the old token"));
    publish(1);
    QCOMPARE(m_x->stats().tokenUnavailable, 1);
    QCOMPARE(value(QStringLiteral("SELECT status FROM social_accounts")), QStringLiteral("connected"));
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(post)->targets[0].state, TargetState::Published);
    QCOMPARE(m_x->posts().size(), 1);
}

void TestXChannel::revokedGrantAsksToReconnect()
{
    // The refresh token spent elsewhere twice: X revokes the whole grant.
    const auto account = AccountStore(m_fixture->db(), m_clock).find(m_account);
    TokenKeeper keeper(m_fixture->db(), m_secrets, QStringLiteral("test"), m_clock);
    const QString refresh = *test::await(m_secrets.read(keeper.refreshKey(*account)));
    channels::social::x::XClient client(&m_network, {m_x->baseUrl(), m_x->clientId(), {}, 10'000});
    QCOMPARE(test::await(client.refresh(refresh)).kind, RefreshAnswer::Kind::Refreshed);
    QCOMPARE(test::await(client.refresh(refresh)).kind, RefreshAnswer::Kind::Refused);
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET refreshed_at = %1, access_expires_at = %2")
                       .arg(m_clock() - 7'000'000)
                       .arg(m_clock() + 200'000)));
    const qint64 post = schedule(QStringLiteral("Never published"));
    publish(2);
    QCOMPARE(value(QStringLiteral("SELECT status FROM social_accounts")), QStringLiteral("reconnect"));
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Failed);
    QCOMPARE(status->targets[0].errorCode, QString(errc::socialAuth));
    QVERIFY(status->targets[0].error.contains(QStringLiteral("connected again")));
    QCOMPARE(m_x->posts().size(), 0);
}

void TestXChannel::renewalInDoubtIsNotPresentedWhileTheTokenServes()
{
    // The token is at 90 % of its life; X rotates it, and the answer with the new one is lost.
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET refreshed_at = %1, access_expires_at = %2")
                       .arg(m_clock() - 6'480'000)
                       .arg(m_clock() + 720'000)));
    m_x->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("/2/oauth2/token"));
    const qint64 first = schedule(QStringLiteral("Published with the token still in hand"));
    publish(1);
    const auto tokenCalls = [this] { return m_x->stats().paths.value(QStringLiteral("POST /2/oauth2/token")); };
    QCOMPARE(tokenCalls(), 1);
    QCOMPARE(m_x->stats().lost, 1);
    QCOMPARE(value(QStringLiteral("SELECT status FROM social_accounts")), QStringLiteral("connected"));
    QVERIFY(value(QStringLiteral("SELECT refresh_doubt_at FROM social_accounts")).toLongLong() > 0);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(first)->targets[0].state, TargetState::Published);
    // While the access token serves, the refresh token that may be spent is not presented again.
    m_offset += 300'000;
    const qint64 second = schedule(QStringLiteral("Still the same token"));
    publish(1);
    QCOMPARE(tokenCalls(), 1);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(second)->targets[0].state, TargetState::Published);
    // Once it has ended, the refresh token is tried: X had spent it, and ends the grant.
    m_offset += 600'000;
    const qint64 third = schedule(QStringLiteral("After the token's end"));
    publish(2);
    QCOMPARE(tokenCalls(), 2);
    QCOMPARE(value(QStringLiteral("SELECT status FROM social_accounts")), QStringLiteral("reconnect"));
    QVERIFY2(value(QStringLiteral("SELECT error FROM social_accounts")).contains(QStringLiteral("answer was lost")),
             qPrintable(value(QStringLiteral("SELECT error FROM social_accounts"))));
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(third)->targets[0].state, TargetState::Failed);
    QCOMPARE(m_x->posts().size(), 2);
}

void TestXChannel::noTimelineLeavesItToTheUser()
{
    m_x->setTimelineForbidden(true);
    const qint64 post = schedule(QStringLiteral("Lost, and no way to look"));
    m_x->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /2/tweets"));
    publish(3);
    const auto status = PostStore(m_fixture->db(), m_clock).status(post);
    QCOMPARE(status->targets[0].state, TargetState::Unknown);
    QCOMPARE(status->targets[0].errorCode, QStringLiteral("needs-decision"));
    QVERIFY2(status->targets[0].error.contains(QStringLiteral("cannot read its posts")), qPrintable(status->targets[0].error));
    QCOMPARE(m_x->posts().size(), 1); // made once, never again
}

void TestXChannel::anotherPostsTwinIsNotThisOne()
{
    // Two posts that differ only in their link look alike once X shows both as t.co links (a
    // domain under a TLD twitter-text knows: .example is not one): the first one's post is never
    // taken for the second's.
    const qint64 a = schedule(QStringLiteral("New article: https://blog.acme.com/a"));
    publish();
    QCOMPARE(m_x->posts().size(), 1);
    const qint64 b = schedule(QStringLiteral("New article: https://blog.acme.com/b"));
    m_x->setNextFaults(QStringLiteral("server_error"), 1, QStringLiteral("POST /2/tweets"));
    publish();
    QCOMPARE(m_x->posts().size(), 2);
    const auto first = PostStore(m_fixture->db(), m_clock).status(a)->targets[0];
    const auto second = PostStore(m_fixture->db(), m_clock).status(b)->targets[0];
    QCOMPARE(second.state, TargetState::Published);
    QVERIFY(second.externalId != first.externalId);
    QCOMPARE(second.externalId, m_x->posts().last().id);
    // A post of a link alone cannot be told apart from the account's others: the user decides.
    const qint64 c = schedule(QStringLiteral("https://blog.acme.com/c"));
    m_x->setNextFaults(QStringLiteral("lose"), 1, QStringLiteral("POST /2/tweets"));
    publish(3);
    QCOMPARE(m_x->stats().lost, 1);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(c)->targets[0].state, TargetState::Unknown);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(c)->targets[0].errorCode, QStringLiteral("needs-decision"));
}

void TestXChannel::cancelledPostIsNeverPublished()
{
    // A failed target of a post cancelled afterwards: "retry all failed" does not bring it back.
    const qint64 post = schedule(QStringLiteral("Cancelled after it failed"));
    QSqlQuery q(m_fixture->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'failed', error_code = 'x.400', error = 'refused'")));
    QVERIFY(PostStore(m_fixture->db(), m_clock).cancel(post));
    QCOMPARE(*PostStore(m_fixture->db(), m_clock).retryFailed(m_account), 0);
    // A row of a cancelled post that comes back some other way is refused by the channel.
    const qint64 other = schedule(QStringLiteral("Cancelled while in doubt"));
    QVERIFY(q.exec(QStringLiteral("UPDATE social_posts SET cancelled_at = 1 WHERE id = %1").arg(other)));
    publish(2);
    QCOMPARE(m_x->posts().size(), 0);
    QCOMPARE(PostStore(m_fixture->db(), m_clock).status(other)->targets[0].state, TargetState::Failed);
}

QTEST_GUILESS_MAIN(TestXChannel)
#include "tst_xchannel.moc"
