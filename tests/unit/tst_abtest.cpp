// SPDX-License-Identifier: GPL-3.0-or-later
// A/B tests on a real SQLite file: the draw (seeded, the same on every platform, uniform), what a
// test may vary, the freeze (the test group interleaved A, B, A, B …, the rest held without a
// variant), the decision only after every test message has had the wait, on people's events only
// (machines excluded), made once (compare and set) with the rest released in the same transaction;
// no winner: A as set, or the user's choice, never before the end of the wait; and the channel that
// builds each row as its variant.
#include "campaigns/abtest.h"
#include "campaigns/campaignstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/outbox.h"
#include "campaigns/variantchannel.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::campaigns;

namespace {

// Builds "subject|from name" for the campaign it was prepared with: what the variant channel routes.
class SubjectChannel : public channels::Channel
{
public:
    QString id() const override { return QStringLiteral("email"); }
    channels::Pace pace() const override { return {}; }
    Status prepare(const Campaign &campaign) override
    {
        m_text = campaign.subject + u'|' + campaign.fromName;
        return {};
    }
    Result<QByteArray> build(const channels::Delivery &) const override { return m_text.toUtf8(); }
    QCoro::Task<channels::Outcome> submit(channels::Delivery, QByteArray) override { co_return channels::Outcome{}; }
    QCoro::Task<channels::Reconciliation> reconcile(channels::Delivery) override { co_return channels::Reconciliation{}; }

private:
    QString m_text;
};

AbVariant subject(const QString &s)
{
    AbVariant v;
    v.subject = s;
    return v;
}

} // namespace

class TestAbTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void drawIsSeededAndUniform();
    void variantsAreValidated();
    void savedOnDraftsAndReadBack();
    void freezeInterleavesTheTestGroupAndHoldsTheRest();
    void sendTimeVariantsGoAtTheirTime();
    void decisionWaitsThenCountsPeopleOnly();
    void noWinnerSendsAOrWaitsForTheUser();
    void messagesInDoubtHoldTheDecision();
    void variantChannelBuildsEachRowAsItsVariant();
    void tooFewPeopleForATest();
    void everyTestMessageFailed();
    void preSendChecksLookAtTheTest();

private:
    QSqlDatabase db() { return m_fx->db(); }
    qint64 campaignWithTest(int contacts, const AbTestConfig &config);
    // Test rows accepted at `at`; `clicks[v]` people (and `machines[v]` machines) of variant v click.
    void sendTestGroup(qint64 id, qint64 at, const QList<int> &clicks, const QList<int> &machines = {});
    int count(const QString &sql);
    Clock clock() { return [this] { return m_now; }; }

    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_now = 1'790'000'000'000;
};

void TestAbTest::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("ab.sqlite")).open());
}

int TestAbTest::count(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

qint64 TestAbTest::campaignWithTest(int contacts, const AbTestConfig &config)
{
    for (int i = 0; i < contacts; ++i)
        if (!m_fx->addContact(QStringLiteral("p%1@example.com").arg(i)))
            return 0;
    Campaign c;
    c.name = QStringLiteral("Spring");
    c.fromEmail = QStringLiteral("news@acme.example");
    c.subject = QStringLiteral("Spring A");
    const auto created = CampaignStore(db(), clock()).create(c, std::nullopt, [&](qint64 id) { return AbTests(db(), clock()).save(id, config); });
    return created ? created->id : 0;
}

void TestAbTest::sendTestGroup(qint64 id, qint64 at, const QList<int> &clicks, const QList<int> &machines)
{
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent', updated_at = %1 WHERE campaign_id = %2 AND ab_group = 1").arg(at).arg(id)));
    static int tracker = 1;
    for (int v = 0; v < clicks.size(); ++v) {
        QVERIFY(q.exec(QStringLiteral("SELECT id, contact_id FROM outbox WHERE campaign_id = %1 AND ab_group = 1 AND variant = %2 ORDER BY id")
                           .arg(id)
                           .arg(v)));
        QList<std::pair<qint64, qint64>> rows;
        while (q.next())
            rows.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        const int people = clicks.at(v), bots = machines.value(v);
        QVERIFY(people + bots <= rows.size());
        for (int i = 0; i < people + bots; ++i) {
            QSqlQuery e(db());
            // A person clicks twice: still one person.
            for (int times = 0; times < (i < people ? 2 : 1); ++times)
                QVERIFY(e.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, link_id, at, machine) "
                                              "VALUES (%1, 'click', %2, %3, %4, 1, %5, %6)")
                                   .arg(tracker++)
                                   .arg(id)
                                   .arg(rows.at(i).first)
                                   .arg(rows.at(i).second)
                                   .arg(at + 60'000)
                                   .arg(i < people ? 0 : 1)));
        }
    }
}

void TestAbTest::drawIsSeededAndUniform()
{
    QList<qint64> audience;
    for (qint64 i = 1; i <= 100; ++i)
        audience << i;
    const QList<qint64> one = AbTests::draw(audience, 20, 42);
    QCOMPARE(one, AbTests::draw(audience, 20, 42)); // the seed is the draw
    QVERIFY(one != AbTests::draw(audience, 20, 43));
    QCOMPARE(QSet<qint64>(one.begin(), one.end()).size(), 20); // nobody twice
    for (const qint64 id : one)
        QVERIFY(id >= 1 && id <= 100);
    // The standard fixes mt19937_64's output and the bounded draws are our own: the draw of a seed is
    // the same on every platform and library, so this order is fixed (a change to it breaks recorded seeds).
    QCOMPARE(AbTests::draw({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, 7), (QList<qint64>{6, 8, 9, 1, 4, 3, 2, 5, 10, 7}));
    // Each person is in the group with the same chance: 4,000 draws of 20 from 100, 800 each
    // expected (sd about 25); all within 5 sd.
    QHash<qint64, int> times;
    for (quint64 seed = 0; seed < 4000; ++seed)
        for (const qint64 id : AbTests::draw(audience, 20, seed))
            ++times[id];
    QCOMPARE(times.size(), 100);
    for (auto it = times.cbegin(); it != times.cend(); ++it)
        QVERIFY2(std::abs(it.value() - 800) < 5 * 25, qPrintable(QStringLiteral("%1 drawn %2 times").arg(it.key()).arg(it.value())));
    QCOMPARE(AbTests::draw(audience, 500, 1).size(), 100); // never more than there are
    QVERIFY(AbTests::draw({}, 5, 1).isEmpty());
}

void TestAbTest::variantsAreValidated()
{
    Campaign c;
    c.subject = QStringLiteral("Spring");
    AbTests tests(db(), clock());
    AbTestConfig config;
    config.variants = {AbVariant{}};
    QCOMPARE(tests.validate(c, config).error().code, QString(errc::abtestVariant));
    config.variants = {AbVariant{}, subject(QStringLiteral("B")), subject(QStringLiteral("C")), subject(QStringLiteral("D")),
                       subject(QStringLiteral("E")), subject(QStringLiteral("F"))};
    QVERIFY(!tests.validate(c, config));
    config.variants = {AbVariant{}, subject(QStringLiteral("Spring"))}; // B is A
    const Status same = tests.validate(c, config);
    QVERIFY(!same);
    QVERIFY2(same.error().message.contains(QLatin1String("Variant B is the same as variant A")), qPrintable(same.error().message));
    config.variants = {AbVariant{}, subject(QStringLiteral("Spring, 20 % off"))};
    QVERIFY(tests.validate(c, config));
    AbVariant missing;
    missing.templateId = 999;
    config.variants = {AbVariant{}, missing};
    QVERIFY(tests.validate(c, config).error().message.contains(QLatin1String("Variant B: its template no longer exists")));
    config.variants = {AbVariant{}, subject(QStringLiteral("B"))};
    config.testPercent = 0;
    QVERIFY(!tests.validate(c, config));
    config.testPercent = 100; // nobody left for the winner
    QVERIFY(!tests.validate(c, config));
    config.testPercent = 20;
    Campaign untracked = c;
    untracked.tracking = TrackingMode::Anonymous; // nobody's clicks are known
    QVERIFY(tests.validate(untracked, config).error().message.contains(QLatin1String("tracking per person")));
    config.metric = AbMetric::Manual;
    QVERIFY(tests.validate(untracked, config)); // the user chooses
    config.metric = AbMetric::HumanClicks;
    Campaign local = c;
    local.localTime = true;
    QVERIFY(!tests.validate(local, config));
    Campaign sms = c;
    sms.channel = QStringLiteral("sms");
    QVERIFY(tests.validate(sms, config).error().message.startsWith(QLatin1String("Variant B: a text has no subject")));
    AbVariant words;
    words.body = QStringLiteral("Acme: 20 % off today");
    config.variants = {AbVariant{}, words};
    QVERIFY(tests.validate(sms, config));
    QVERIFY(!tests.validate(c, config)); // an email has no text body
}

void TestAbTest::savedOnDraftsAndReadBack()
{
    AbTestConfig config;
    AbVariant b = subject(QStringLiteral("Spring B"));
    b.fromName = QStringLiteral("Ana at Acme");
    b.sendTime = QTime(14, 0);
    config.variants = {AbVariant{}, b};
    config.testSize = 300;
    config.waitMs = 2 * 3600 * 1000;
    config.metric = AbMetric::HumanOpens;
    config.noWinner = AbNoWinner::Wait;
    config.baseline = 0.04;
    config.lift = 0.01;
    const qint64 id = campaignWithTest(3, config);
    QVERIFY(id > 0);
    const auto found = AbTests(db(), clock()).find(id);
    QVERIFY(found && *found);
    const AbTest &t = **found;
    QCOMPARE(t.state, AbState::Draft);
    QCOMPARE(t.config.variants, config.variants);
    QCOMPARE(t.config.testSize, 300);
    QCOMPARE(t.config.waitMs, config.waitMs);
    QCOMPARE(t.config.metric, AbMetric::HumanOpens);
    QCOMPARE(t.config.noWinner, AbNoWinner::Wait);
    QCOMPARE(*t.config.baseline, 0.04);
    // Not saved when the campaign is not a draft; the campaign and its test land together or not at all.
    QVERIFY(CampaignStore(db(), clock()).transition(id, CampaignStatus::Scheduled, std::nullopt));
    QCOMPARE(AbTests(db(), clock()).save(id, config).error().code, QString(errc::abtestState));
    Campaign other;
    other.name = QStringLiteral("Other");
    other.fromEmail = QStringLiteral("news@acme.example");
    AbTestConfig bad;
    bad.variants = {AbVariant{}};
    QVERIFY(!CampaignStore(db(), clock()).create(other, std::nullopt, [&](qint64 made) { return AbTests(db(), clock()).save(made, bad); }));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE name = 'Other'")), 0);
}

void TestAbTest::freezeInterleavesTheTestGroupAndHoldsTheRest()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B")), subject(QStringLiteral("C"))};
    config.testPercent = 30;
    const qint64 id = campaignWithTest(100, config);
    QVERIFY(id > 0);
    const auto frozen = CampaignStore(db(), clock()).freezeAudience(id);
    QVERIFY(frozen);
    QCOMPARE(*frozen, 100);
    // A, B, C, A, B, C … in send order.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT variant, due_at FROM outbox WHERE ab_group = 1 ORDER BY id")));
    int i = 0;
    while (q.next()) {
        QCOMPARE(q.value(0).toInt(), i % 3);
        QCOMPARE(q.value(1).toLongLong(), 0);
        ++i;
    }
    QCOMPARE(i, 30);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE ab_group = 0 AND variant IS NULL AND state = 'pending' AND due_at = %1")
                       .arg(AbTests::kHeld)),
             70);
    const auto t = AbTests(db(), clock()).find(id);
    QCOMPARE((*t)->state, AbState::Testing);
    QCOMPARE((*t)->testGroup, 30);
    QCOMPARE((*t)->remainder, 70);
    QVERIFY(!(*t)->seed.isEmpty());
    // The group is the draw of the recorded seed over the audience in id order.
    QList<qint64> everyone;
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM contacts ORDER BY id")));
    while (q.next())
        everyone << q.value(0).toLongLong();
    const QList<qint64> expected = AbTests::draw(everyone, 30, (*t)->seed.toULongLong());
    QList<qint64> got;
    QVERIFY(q.exec(QStringLiteral("SELECT contact_id FROM outbox WHERE ab_group = 1 ORDER BY id")));
    while (q.next())
        got << q.value(0).toLongLong();
    QCOMPARE(got, expected);
    // Frozen once.
    QCOMPARE(*CampaignStore(db(), clock()).freezeAudience(id), 100);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 100);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'abtest.drawn'")), 1);
    // The outbox hands out the test group only; the held rows wait for the decision.
    Outbox outbox(db(), clock());
    const auto claimed = outbox.claim(id, 1000, QStringLiteral("news@acme.example"));
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 30);
    QCOMPARE(claimed->at(0).variant, 0);
    QCOMPARE(claimed->at(1).variant, 1);
}

void TestAbTest::sendTimeVariantsGoAtTheirTime()
{
    AbTestConfig config;
    AbVariant morning, afternoon;
    morning.sendTime = QTime(9, 0);
    afternoon.sendTime = QTime(15, 30);
    config.variants = {morning, afternoon};
    config.testSize = 10;
    const qint64 id = campaignWithTest(20, config);
    QVERIFY(CampaignStore(db(), clock()).freezeAudience(id));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT variant, min(due_at), max(due_at) FROM outbox WHERE ab_group = 1 GROUP BY variant ORDER BY variant")));
    for (const QTime &at : {QTime(9, 0), QTime(15, 30)}) {
        QVERIFY(q.next());
        QCOMPARE(q.value(1), q.value(2));
        const QDateTime due = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
        QCOMPARE(due.time(), at);
        QVERIFY(q.value(1).toLongLong() >= m_now && q.value(1).toLongLong() < m_now + 86'400'000);
    }
}

void TestAbTest::decisionWaitsThenCountsPeopleOnly()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B"))};
    config.testPercent = 40; // 40 of 100: 20 a variant
    config.waitMs = 3'600'000;
    const qint64 id = campaignWithTest(100, config);
    QVERIFY(CampaignStore(db(), clock()).freezeAudience(id));
    AbTests tests(db(), clock());
    // Not every test message is out: nothing to decide, nothing to wait for yet.
    auto turn = tests.decideIfDue(id, 10);
    QVERIFY(turn);
    QCOMPARE(turn->kind, AbTests::Turn::Kind::Unsettled);
    QCOMPARE(turn->nextLook, 0);
    // Out at m_now: 3 people of A click, and 15 machines (a scanner); 14 people of B.
    sendTestGroup(id, m_now, {3, 14}, {15, 0});
    turn = tests.decideIfDue(id, 10);
    QCOMPARE(turn->kind, AbTests::Turn::Kind::NotDue);
    QCOMPARE(turn->nextLook, m_now + config.waitMs); // the wait, from the last acceptance
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE ab_group = 0 AND variant IS NOT NULL")), 0);
    // The user cannot pick the winner before the end (no peeking).
    QCOMPARE(tests.choose(id, 0, std::nullopt).error().code, QString(errc::abtestState));

    const auto p = tests.progress(id);
    QCOMPARE(p->variants.at(0).humanClickers, 3); // machines are not people
    QCOMPARE(p->variants.at(1).humanClickers, 14);
    QCOMPARE(p->variants.at(0).delivered, 20);

    m_now += config.waitMs;
    turn = tests.decideIfDue(id, 10);
    QVERIFY(turn);
    QVERIFY(turn->decidedNow());
    const auto t = tests.find(id);
    QCOMPARE((*t)->state, AbState::Decided);
    QCOMPARE((*t)->winner, 1);
    QCOMPARE((*t)->decidedBy, QStringLiteral("rule"));
    QCOMPARE((*t)->reasonCode, QStringLiteral("abtest.winner"));
    QVERIFY2((*t)->reason.startsWith(QLatin1String("B won")), qPrintable((*t)->reason));
    QCOMPARE((*t)->analysis.value(QStringLiteral("winner")).toString(), QStringLiteral("B"));
    // The rest is released with B, due now, in the same transaction.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE ab_group = 0 AND variant = 1 AND due_at = %1").arg(m_now)), 60);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'abtest.decided'")), 1);
    // Decided once: a second turn and a late choice change nothing.
    turn = tests.decideIfDue(id, 10);
    QCOMPARE(turn->decidedNow(), false);
    QCOMPARE(tests.choose(id, 0, std::nullopt).error().code, QString(errc::abtestState));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE variant = 0 AND ab_group = 0")), 0);
}

void TestAbTest::noWinnerSendsAOrWaitsForTheUser()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B"))};
    config.testPercent = 40;
    config.waitMs = 1000;
    // The same clicks: no winner; A goes to the rest, as set.
    const qint64 fallback = campaignWithTest(100, config);
    QVERIFY(CampaignStore(db(), clock()).freezeAudience(fallback));
    sendTestGroup(fallback, m_now, {5, 5});
    m_now += 1000;
    AbTests tests(db(), clock());
    QVERIFY(tests.decideIfDue(fallback, 10)->decidedNow());
    auto t = tests.find(fallback);
    QCOMPARE((*t)->winner, 0);
    QCOMPARE((*t)->decidedBy, QStringLiteral("fallback"));
    QVERIFY2((*t)->reason.endsWith(QLatin1String("The rest gets variant A, as set.")), qPrintable((*t)->reason));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = %1 AND ab_group = 0 AND variant = 0").arg(fallback)), 60);

    // Waiting for the user: recorded with the numbers, the rest held until they choose.
    config.noWinner = AbNoWinner::Wait;
    Campaign c;
    c.name = QStringLiteral("Summer");
    c.fromEmail = QStringLiteral("news@acme.example");
    c.subject = QStringLiteral("Summer");
    const auto created = CampaignStore(db(), clock()).create(c, std::nullopt, [&](qint64 made) { return tests.save(made, config); });
    QVERIFY(created);
    const qint64 waiting = created->id;
    QVERIFY(CampaignStore(db(), clock()).freezeAudience(waiting));
    sendTestGroup(waiting, m_now, {4, 6});
    m_now += 1000;
    const auto turn = tests.decideIfDue(waiting, 10);
    QCOMPARE(turn->kind, AbTests::Turn::Kind::UserWaits);
    QCOMPARE(turn->nextLook, AbTests::kHeld);
    t = tests.find(waiting);
    QCOMPARE((*t)->state, AbState::Waiting);
    QCOMPARE((*t)->reasonCode, QStringLiteral("abtest.not-significant"));
    QVERIFY((*t)->analysis.contains(QStringLiteral("variants")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = %1 AND ab_group = 0 AND variant IS NULL").arg(waiting)), 60);
    QCOMPARE(tests.choose(waiting, 2, std::nullopt).error().code, QString(errc::abtestVariant));
    QVERIFY(tests.choose(waiting, 1, std::nullopt));
    t = tests.find(waiting);
    QCOMPARE((*t)->winner, 1);
    QCOMPARE((*t)->decidedBy, QStringLiteral("user"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = %1 AND ab_group = 0 AND variant = 1").arg(waiting)), 60);
    QCOMPARE(tests.choose(waiting, 0, std::nullopt).error().code, QString(errc::abtestState)); // once
}

void TestAbTest::messagesInDoubtHoldTheDecision()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B"))};
    config.testSize = 10;
    config.waitMs = 0;
    const qint64 id = campaignWithTest(20, config);
    QVERIFY(CampaignStore(db(), clock()).freezeAudience(id));
    sendTestGroup(id, m_now, {0, 0});
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'unknown' WHERE id = (SELECT min(id) FROM outbox WHERE ab_group = 1)")));
    AbTests tests(db(), clock());
    QVERIFY(!tests.progress(id)->decideAt);
    QCOMPARE(tests.decideIfDue(id, 1)->kind, AbTests::Turn::Kind::Unsettled);
    QCOMPARE(tests.find(id).value()->state, AbState::Testing);
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'failed' WHERE state = 'unknown'")));
    QVERIFY(tests.progress(id)->decideAt);
    QVERIFY(tests.decideIfDue(id, 1)->decidedNow()); // a failed message is settled: not delivered
}

void TestAbTest::variantChannelBuildsEachRowAsItsVariant()
{
    std::vector<std::unique_ptr<channels::Channel>> inner;
    for (int i = 0; i < 3; ++i)
        inner.push_back(std::make_unique<SubjectChannel>());
    AbVariant b = subject(QStringLiteral("Twenty off"));
    AbVariant c;
    c.fromName = QStringLiteral("Ana");
    VariantChannel channel(std::move(inner), {AbVariant{}, b, c});
    Campaign campaign;
    campaign.subject = QStringLiteral("Spring");
    campaign.fromName = QStringLiteral("Acme");
    QVERIFY(channel.prepare(campaign));
    channels::Delivery d;
    for (const auto &[variant, expected] : {std::pair{0, "Spring|Acme"}, std::pair{1, "Twenty off|Acme"}, std::pair{2, "Spring|Ana"}}) {
        d.variant = variant;
        QCOMPARE(channel.build(d).value(), QByteArray(expected));
    }
    d.variant = 3;
    QCOMPARE(channel.build(d).error().code, QString(errc::abtestVariant));
}

// No more people than variants: no group is drawn, everyone gets A, and the test says why.
void TestAbTest::tooFewPeopleForATest()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B")), subject(QStringLiteral("C"))};
    const qint64 id = campaignWithTest(3, config);
    QCOMPARE(*CampaignStore(db(), clock()).freezeAudience(id), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE ab_group IS NULL AND variant IS NULL AND due_at = 0")), 3);
    const auto t = AbTests(db(), clock()).find(id);
    QCOMPARE((*t)->state, AbState::Decided);
    QCOMPARE((*t)->winner, 0);
    QCOMPARE((*t)->reasonCode, QStringLiteral("abtest.too-small"));
    // The group always leaves someone for the winner.
    AbTestConfig all = config;
    all.testSize = 1000;
    QCOMPARE(AbTests::testGroupSize(all, 10), 9);
    QCOMPARE(AbTests::testGroupSize(config, 4), 3);
}

// Every test message refused: the wait runs from the last refusal, then the rule finds no winner
// and the rest gets A, instead of waiting for an acceptance that never comes.
void TestAbTest::everyTestMessageFailed()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B"))};
    config.testSize = 10;
    config.waitMs = 60'000;
    const qint64 id = campaignWithTest(30, config);
    QVERIFY(CampaignStore(db(), clock()).freezeAudience(id));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'failed', updated_at = %1 WHERE ab_group = 1").arg(m_now)));
    AbTests tests(db(), clock());
    auto turn = tests.decideIfDue(id, 5);
    QCOMPARE(turn->kind, AbTests::Turn::Kind::NotDue);
    QCOMPARE(turn->nextLook, m_now + 60'000);
    m_now += 60'000;
    turn = tests.decideIfDue(id, 5);
    QCOMPARE(turn->kind, AbTests::Turn::Kind::Decided);
    QCOMPARE(tests.find(id).value()->winner, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE ab_group = 0 AND variant = 0")), 20);
}

// A variant's template deleted after the test was saved, or a local-time schedule set behind the
// wizard's back: the pre-send checks stop the campaign, saying why; a cancelled campaign's report says so.
void TestAbTest::preSendChecksLookAtTheTest()
{
    AbTestConfig config;
    config.variants = {AbVariant{}, subject(QStringLiteral("B"))};
    const qint64 id = campaignWithTest(10, config);
    const auto findings = [this, id] {
        QStringList codes;
        const auto c = CampaignStore(db(), clock()).find(id);
        for (const content::Finding &f : Lifecycle(db(), clock()).checks(*c, true))
            if (f.severity == content::Finding::Severity::Error)
                codes << f.code + u' ' + f.message;
        return codes.join(u'\n');
    };
    QVERIFY2(!findings().contains(QLatin1String("campaign.abtest")), qPrintable(findings()));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE ab_tests SET variants = '[{}, {\"template_id\": 999}]' WHERE campaign_id = %1").arg(id)));
    QVERIFY2(findings().contains(QLatin1String("campaign.abtest A/B test: Variant B: its template no longer exists.")), qPrintable(findings()));
    QVERIFY(q.exec(QStringLiteral("UPDATE ab_tests SET variants = '[{}, {\"subject\": \"B\"}]' WHERE campaign_id = %1").arg(id)));
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET local_time = 1, scheduled_at = %1 WHERE id = %2").arg(m_now).arg(id)));
    QVERIFY2(findings().contains(QLatin1String("each recipient's zone")), qPrintable(findings()));
    // Cancelled during the test: the report says so.
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET status = 'cancelled' WHERE id = %1").arg(id)));
    const auto report = AbTests(db(), clock()).report(id, 500);
    QVERIFY(report && *report);
    QCOMPARE((*report)->campaignStatus, CampaignStatus::Cancelled);
    QCOMPARE((*report)->toJson().value(QStringLiteral("campaign_status")).toString(), QStringLiteral("cancelled"));
}

LUX_TEST_MAIN(TestAbTest, QCoreApplication)
#include "tst_abtest.moc"
