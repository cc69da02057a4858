// SPDX-License-Identifier: GPL-3.0-or-later
// Campaigns and their outbox on a real SQLite file: only legal status changes, by compare-and-set;
// the audience frozen once with tags, segments, exclusions, suppression and unsubscribes applied and
// a Message-ID per recipient; claiming, outcomes, suppression checked again at dispatch, and rows
// interrupted by a crash left as unknown, never pending.
#include "campaigns/campaignstore.h"
#include "campaigns/jobstore.h"
#include "campaigns/outbox.h"
#include "contacts/contactrepository.h"
#include "contacts/suppression.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace lux;
using namespace lux::campaigns;

class TestCampaigns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void onlyLegalTransitions();
    void createValidatesAndDuplicates();
    void audienceIsFrozenOnceWithEveryExclusion();
    void claimAndOutcomes();
    void suppressionIsCheckedAgainAtDispatch();
    void interruptedRowsBecomeUnknown();
    void jobsAreLeasedToOneScheduler();

private:
    QSqlDatabase db() { return m_fx->db(); }
    void addContact(const QString &email, const QStringList &tags, const QString &status = QStringLiteral("subscribed"));
    qint64 campaign(const Audience &audience = {});

    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_now = 1'790'000'000'000;
};

void TestCampaigns::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("c.sqlite")).open());
}

void TestCampaigns::addContact(const QString &email, const QStringList &tags, const QString &status)
{
    contacts::Contact c;
    c.email = email;
    c.tags = tags;
    const auto added = contacts::ContactRepository(db()).add(c, QStringLiteral("US"), std::nullopt);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    if (status != QLatin1String("subscribed")) {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET status = '%1' WHERE id = %2").arg(status).arg(added->id)));
    }
}

qint64 TestCampaigns::campaign(const Audience &audience)
{
    Campaign c;
    c.name = QStringLiteral("Spring %1").arg(CampaignStore(db()).list().size() + 1);
    c.fromEmail = QStringLiteral("News@Acme.example");
    c.subject = QStringLiteral("Spring");
    c.audience = audience;
    const auto created = CampaignStore(db(), [this] { return m_now; }).create(c, std::nullopt);
    return created ? created->id : 0;
}

void TestCampaigns::onlyLegalTransitions()
{
    using S = CampaignStatus;
    QVERIFY(CampaignStore::canMove(S::Draft, S::Scheduled));
    QVERIFY(!CampaignStore::canMove(S::Draft, S::Sending)); // checks run when scheduling
    QVERIFY(CampaignStore::canMove(S::Scheduled, S::Sending));
    QVERIFY(CampaignStore::canMove(S::Sending, S::Paused));
    QVERIFY(CampaignStore::canMove(S::Paused, S::Sending));
    QVERIFY(CampaignStore::canMove(S::Sent, S::Sending)); // only to retry the rows that failed (Lifecycle::retryFailed)
    QVERIFY(!CampaignStore::canMove(S::Sent, S::Paused));
    QVERIFY(!CampaignStore::canMove(S::Sent, S::Draft));
    QVERIFY(!CampaignStore::canMove(S::Cancelled, S::Draft));
    QVERIFY(!CampaignStore::canMove(S::Sending, S::Draft));

    const qint64 id = campaign();
    QVERIFY(id > 0);
    CampaignStore store(db(), [this] { return m_now; });
    const Status illegal = store.transition(id, S::Sent, std::nullopt);
    QCOMPARE(illegal.error().code, QStringLiteral("campaign.transition"));
    QCOMPARE(illegal.error().message, QStringLiteral("Campaign “Spring 1” is draft and cannot become sent."));
    QVERIFY(store.transition(id, S::Scheduled, std::nullopt, m_now + 3600'000).ok());
    QCOMPARE(*store.find(id)->scheduledAt, m_now + 3600'000);
    QVERIFY(store.transition(id, S::Sending, std::nullopt).ok());
    QVERIFY(store.transition(id, S::Paused, std::nullopt).ok());
    QVERIFY(store.transition(id, S::Sending, std::nullopt).ok());
    QVERIFY(store.transition(id, S::Sent, std::nullopt).ok());
    QCOMPARE(store.find(id)->status, S::Sent);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE entity = 'campaign' ORDER BY id)")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("campaign.created campaign.scheduled campaign.sending campaign.paused campaign.sending campaign.sent"));
}

void TestCampaigns::createValidatesAndDuplicates()
{
    CampaignStore store(db(), [this] { return m_now; });
    Campaign c;
    c.name = QStringLiteral("Bad");
    c.fromEmail = QStringLiteral("not an address");
    QCOMPARE(store.create(c, std::nullopt).error().code, QStringLiteral("campaign.from"));
    c.fromEmail = QStringLiteral("news@acme.example");
    c.templateId = 999;
    QCOMPARE(store.create(c, std::nullopt).error().code, QStringLiteral("campaign.template"));
    c.templateId = 0;
    c.audience.includeTags = {QStringLiteral("vip")};
    QVERIFY(store.create(c, std::nullopt).ok());
    QCOMPARE(store.create(c, std::nullopt).error().code, QStringLiteral("campaign.duplicate"));
    const auto original = store.find(QStringLiteral("bad"));
    QVERIFY(store.transition(original->id, CampaignStatus::Scheduled, std::nullopt).ok());
    const auto copy = store.duplicate(original->id, QStringLiteral("Bad again"), std::nullopt);
    QVERIFY(copy.ok());
    QCOMPARE(copy->status, CampaignStatus::Draft);
    QCOMPARE(copy->audience.includeTags, QStringList{QStringLiteral("vip")});
    QVERIFY(!copy->scheduledAt);
}

void TestCampaigns::audienceIsFrozenOnceWithEveryExclusion()
{
    addContact(QStringLiteral("ana@example.com"), {QStringLiteral("VIP")});
    addContact(QStringLiteral("bo@example.com"), {QStringLiteral("vip"), QStringLiteral("staff")});
    addContact(QStringLiteral("cy@example.com"), {QStringLiteral("newsletter")});
    addContact(QStringLiteral("di@example.com"), {QStringLiteral("vip")}, QStringLiteral("unsubscribed"));
    addContact(QStringLiteral("ed@example.com"), {QStringLiteral("vip")}, QStringLiteral("bounced"));
    addContact(QStringLiteral("fa@example.com"), {QStringLiteral("vip")});
    addContact(QStringLiteral("gu@example.com"), {});
    QVERIFY(contacts::SuppressionList(db()).add(contacts::SuppressionList::Channel::Email, QStringLiteral("FA@example.com"),
                                                QStringLiteral("complaint"), std::nullopt)
                .ok());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO segments (name, rules, created_at, updated_at) VALUES ('Newsletter readers', "
                                  "'{\"match\":\"all\",\"rules\":[{\"field\":\"tag\",\"op\":\"has\",\"value\":\"newsletter\"}]}', 1, 1)")));
    Audience audience;
    audience.includeTags = {QStringLiteral("vip")};
    audience.includeSegments = {QStringLiteral("newsletter readers")};
    audience.excludeTags = {QStringLiteral("staff")};
    const qint64 id = campaign(audience);
    CampaignStore store(db(), [this] { return m_now; });
    const auto frozen = store.freezeAudience(id);
    QVERIFY2(frozen.ok(), frozen.ok() ? "" : qPrintable(frozen.error().message));
    QCOMPARE(*frozen, 2); // ana (vip) and cy (segment); bo is staff, di and ed not subscribed, fa suppressed, gu in neither
    const auto rows = Outbox(db()).rows(id);
    QStringList emails;
    for (const OutboxRow &r : *rows) {
        emails << r.address;
        QVERIFY2(QRegularExpression(QStringLiteral("^<lux\\.%1\\.\\d+\\.[0-9a-z]+@acme\\.example>$").arg(id)).match(r.messageId).hasMatch(),
                 qPrintable(r.messageId));
        QCOMPARE(r.state, OutboxState::Pending);
    }
    QCOMPARE(emails, (QStringList{QStringLiteral("ana@example.com"), QStringLiteral("cy@example.com")}));
    // Frozen once: a contact added later is not in it.
    addContact(QStringLiteral("ha@example.com"), {QStringLiteral("vip")});
    QCOMPARE(*store.freezeAudience(id), 2);
    // A missing segment is an error, not an empty audience.
    Audience missing;
    missing.includeSegments = {QStringLiteral("No such")};
    QCOMPARE(store.freezeAudience(campaign(missing)).error().code, QStringLiteral("campaign.audience"));
}

void TestCampaigns::claimAndOutcomes()
{
    for (int i = 0; i < 5; ++i)
        addContact(QStringLiteral("c%1@example.com").arg(i), {});
    const qint64 id = campaign();
    QCOMPARE(*CampaignStore(db()).freezeAudience(id), 5);
    Outbox outbox(db(), [this] { return m_now; });
    const auto first = outbox.claim(id, 2, QStringLiteral("news@acme.example"));
    QCOMPARE(first->size(), 2);
    QCOMPARE(first->at(0).state, OutboxState::Sending);
    QCOMPARE(first->at(0).attempts, 1);
    QVERIFY(outbox.setReference(first->at(0).id, QStringLiteral("AAMk-1")).ok());
    QVERIFY(outbox.markSent(first->at(0).id).ok());
    QVERIFY(outbox.retryLater(first->at(1).id, m_now + 30'000, QStringLiteral("ApplicationThrottled"), QStringLiteral("over")).ok());
    // The retry waits: the next claim takes the other three first.
    const auto second = outbox.claim(id, 10, QStringLiteral("news@acme.example"));
    QCOMPARE(second->size(), 3);
    QVERIFY(outbox.markFailed(second->at(0).id, QStringLiteral("ErrorAccessDenied"), QStringLiteral("Access is denied.")).ok());
    QVERIFY(outbox.markUnknown(second->at(1).id, QStringLiteral("network.2"), QStringLiteral("No answer")).ok());
    QVERIFY(outbox.markSent(second->at(2).id).ok());
    QCOMPARE(outbox.claim(id, 10, QStringLiteral("x"))->size(), 0);
    m_now += 30'000;
    const auto retry = outbox.claim(id, 10, QStringLiteral("news@acme.example"));
    QCOMPARE(retry->size(), 1);
    QCOMPARE(retry->at(0).attempts, 2);
    QCOMPARE(retry->at(0).errorCode, QStringLiteral("ApplicationThrottled"));
    // Sent is final: nothing moves it again.
    QCOMPARE(outbox.markFailed(first->at(0).id, {}, {}).error().code, QStringLiteral("outbox.state"));
    QCOMPARE(outbox.markUnknown(second->at(2).id, {}, {}).error().code, QStringLiteral("outbox.state"));
    const auto counts = outbox.counts(id);
    QCOMPARE(counts.value(QStringLiteral("sent")), 2);
    QCOMPARE(counts.value(QStringLiteral("failed")), 1);
    QCOMPARE(counts.value(QStringLiteral("unknown")), 1);
    QCOMPARE(counts.value(QStringLiteral("sending")), 1);
    QCOMPARE(counts.value(QStringLiteral("pending")), 0);
}

void TestCampaigns::suppressionIsCheckedAgainAtDispatch()
{
    addContact(QStringLiteral("ana@example.com"), {});
    addContact(QStringLiteral("bo@example.com"), {});
    addContact(QStringLiteral("cy@example.com"), {});
    const qint64 id = campaign();
    QCOMPARE(*CampaignStore(db()).freezeAudience(id), 3);
    // After the freeze: bo unsubscribes through the suppression list, cy is marked bounced.
    QVERIFY(contacts::SuppressionList(db()).add(contacts::SuppressionList::Channel::Email, QStringLiteral("bo@example.com"),
                                                QStringLiteral("one-click"), std::nullopt)
                .ok());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET status = 'bounced' WHERE email = 'cy@example.com'")));
    const auto claimed = Outbox(db()).claim(id, 10, QStringLiteral("news@acme.example"));
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().address, QStringLiteral("ana@example.com"));
    const auto failed = Outbox(db()).rows(id, OutboxState::Failed);
    QCOMPARE(failed->size(), 2);
    QCOMPARE(failed->at(0).errorCode, QStringLiteral("suppressed"));
}

void TestCampaigns::interruptedRowsBecomeUnknown()
{
    for (int i = 0; i < 4; ++i)
        addContact(QStringLiteral("c%1@example.com").arg(i), {});
    const qint64 id = campaign();
    QCOMPARE(*CampaignStore(db()).freezeAudience(id), 4);
    Outbox outbox(db());
    const auto claimed = outbox.claim(id, 3, QStringLiteral("news@acme.example"));
    QVERIFY(outbox.markSent(claimed->at(0).id).ok());
    // The app dies here with two rows `sending`. At the next start they are in doubt, not pending:
    // only reconciliation may send them again.
    m_fx->close();
    QVERIFY(m_fx->open());
    Outbox after(db());
    QCOMPARE(*after.recoverInterrupted(id), 2);
    QCOMPARE(after.counts(id).value(QStringLiteral("unknown")), 2);
    QCOMPARE(after.counts(id).value(QStringLiteral("pending")), 1);
    QCOMPARE(after.claim(id, 10, QStringLiteral("x"))->size(), 1); // only the untouched one
    const auto unknown = after.rows(id, OutboxState::Unknown);
    QCOMPARE(unknown->first().errorCode, QStringLiteral("interrupted"));
    // Reconciled as not sent: back to pending, for the next claim.
    QVERIFY(after.retryLater(unknown->first().id, 0, QStringLiteral("reconciled"), QStringLiteral("Not in Sent Items")).ok());
    QCOMPARE(after.claim(id, 10, QStringLiteral("x"))->size(), 1);
}

void TestCampaigns::jobsAreLeasedToOneScheduler()
{
    const qint64 a = campaign();
    const qint64 b = campaign();
    JobStore jobs(db(), [this] { return m_now; });
    QVERIFY(jobs.scheduleSend(a, m_now + 60'000).ok());
    QVERIFY(jobs.scheduleSend(b, m_now - 1000).ok());
    QVERIFY(jobs.scheduleSend(a, m_now - 5000).ok()); // rescheduling moves the one job
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM jobs")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QCOMPARE(*jobs.nextDueAt(), m_now - 5000);
    // The earliest first, each to one owner only.
    const auto first = jobs.claimDue(QStringLiteral("app"), 60'000);
    QCOMPARE((*first)->campaignId, a);
    const auto second = jobs.claimDue(QStringLiteral("luxctl"), 60'000);
    QCOMPARE((*second)->campaignId, b);
    QVERIFY(!*jobs.claimDue(QStringLiteral("other"), 60'000));
    QCOMPARE(jobs.complete((*first)->id, QStringLiteral("luxctl")).error().code, QStringLiteral("job.lease"));
    QVERIFY(jobs.complete((*first)->id, QStringLiteral("app")).ok());
    // A holder that dies: its lease runs out and another takes the job.
    m_now += 61'000;
    const auto again = jobs.claimDue(QStringLiteral("other"), 60'000);
    QCOMPARE((*again)->campaignId, b);
    QVERIFY(jobs.release((*again)->id, QStringLiteral("other")).ok());
    QCOMPARE((*jobs.claimDue(QStringLiteral("app"), 60'000))->campaignId, b);
    // Cancelled: no job left.
    QVERIFY(jobs.cancelSend(b).ok());
    m_now += 120'000;
    QVERIFY(!*jobs.claimDue(QStringLiteral("app"), 60'000));
    QVERIFY(!jobs.nextDueAt());
}

LUX_TEST_MAIN(TestCampaigns, QCoreApplication)
#include "tst_campaigns.moc"
