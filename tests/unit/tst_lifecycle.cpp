// SPDX-License-Identifier: GPL-3.0-or-later
// What the window and luxctl do to a campaign (Lifecycle), on a real SQLite file with a moving clock:
// scheduling only past the pre-send checks (warnings acknowledged), a job for every scheduled
// campaign and none for a cancelled one; local-time schedules due at each recipient's own 09:00;
// resume, retry of the failed and the user's decision on rows in doubt; several mailboxes, each
// message from its own.
#include "campaigns/campaignstore.h"
#include "campaigns/jobstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/messagebuilder.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "contacts/contactrepository.h"
#include "databasefixture.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <optional>
#include <QTimeZone>

using namespace lux;
using namespace lux::campaigns;

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void scheduleNeedsChecksAndAcknowledgedWarnings();
    void localTimeIsEachRecipientsOwn();
    void resumeRetryDecideCancel();
    void decidingFinishesACampaignLeftSending();
    void eachMessageComesFromItsMailbox();
    void aTemplatePastTheLimitsIsNeverSent();
    void withoutATrackerTheChecksWarn();

private:
    QSqlDatabase db() { return m_fx->db(); }
    Clock clock() const
    {
        return [this] { return m_now; };
    }
    qint64 addContact(const QString &email, const QString &zone = {});
    qint64 draft(const QStringList &extraSenders = {});
    QHash<QString, int> states(qint64 id) const;

    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_template = 0;
    qint64 m_now = QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
};

void TestLifecycle::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("l.sqlite")).open());
    QVERIFY(m_fx->addBrandKit(QStringLiteral("Acme"), QStringLiteral("Acme, 1 Main St, Springfield")));
    const auto saved = m_fx->addTemplate(QStringLiteral("News"), QStringLiteral("News for {{first_name}}"),
                                         QStringLiteral("<p>Hello {{first_name}}</p><p>{{brand.address}} · <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"),
                                         QStringLiteral("What is new this month"));
    QVERIFY2(saved, test::errorText(saved).constData());
    m_template = *saved;
    SenderStore senders(db());
    QVERIFY(senders.save(QStringLiteral("news@acme.example"), {4, 30, 10000}).ok());
    QVERIFY(senders.save(QStringLiteral("offers@acme.example"), {2, 60, 5000}).ok());
}

qint64 TestLifecycle::addContact(const QString &email, const QString &zone)
{
    contacts::Contact c;
    c.email = email;
    c.firstName = email.section(u'@', 0, 0);
    c.timeZone = zone;
    const auto added = contacts::ContactRepository(db()).add(c, QStringLiteral("US"), std::nullopt);
    return added ? added->id : 0;
}

qint64 TestLifecycle::draft(const QStringList &extraSenders)
{
    Campaign c;
    c.name = QStringLiteral("Campaign %1").arg(CampaignStore(db()).list().size() + 1);
    c.templateId = m_template;
    c.fromEmail = QStringLiteral("news@acme.example");
    c.extraSenders = extraSenders;
    const auto created = CampaignStore(db(), clock()).create(c, std::nullopt);
    return created ? created->id : 0;
}

QHash<QString, int> TestLifecycle::states(qint64 id) const
{
    QHash<QString, int> out;
    QSqlQuery q(m_fx->db());
    q.prepare(QStringLiteral("SELECT state, error_code FROM outbox WHERE campaign_id = ?"));
    q.addBindValue(id);
    q.exec();
    while (q.next())
        ++out[q.value(0).toString()];
    return out;
}

void TestLifecycle::scheduleNeedsChecksAndAcknowledgedWarnings()
{
    Lifecycle life(db(), clock());
    // No one to send to: an error, whatever is acknowledged; nothing changes.
    const qint64 empty = draft();
    const Status none = life.schedule(empty, std::nullopt, true, std::nullopt);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, QStringLiteral("campaign.checks"));
    QVERIFY(none.error().message.contains(QStringLiteral("no subscribed contact")));
    QCOMPARE(CampaignStore(db()).find(empty)->status, CampaignStatus::Draft);

    addContact(QStringLiteral("ada@example.com"));
    // A time in the past is a warning: refused until acknowledged, then due at once.
    const qint64 past = m_now - 3'600'000;
    const Status unread = life.schedule(empty, past, false, std::nullopt);
    QVERIFY(!unread.ok());
    QCOMPARE(unread.error().code, QStringLiteral("campaign.warnings"));
    QCOMPARE(JobStore(db(), clock()).overdue(m_now + 1).size(), 0);
    QVERIFY(life.schedule(empty, past, true, std::nullopt).ok());
    QCOMPARE(CampaignStore(db()).find(empty)->status, CampaignStatus::Scheduled);
    const QList<Job> due = JobStore(db(), clock()).overdue(m_now + 1);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().campaignId, empty);

    // A mailbox that is not set up stops it.
    Campaign c = *CampaignStore(db()).find(draft());
    c.fromEmail = QStringLiteral("unknown@acme.example");
    QVERIFY(CampaignStore(db(), clock()).update(c, std::nullopt).ok());
    const Status unknown = life.schedule(c.id, std::nullopt, true, std::nullopt);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().message.contains(QStringLiteral("unknown@acme.example")));

    // Back to a draft: the job goes with it.
    QVERIFY(life.unschedule(empty, std::nullopt).ok());
    QCOMPARE(CampaignStore(db()).find(empty)->status, CampaignStatus::Draft);
    QCOMPARE(JobStore(db(), clock()).overdue(m_now + 86'400'000).size(), 0);
}

void TestLifecycle::localTimeIsEachRecipientsOwn()
{
    const qint64 tokyo = addContact(QStringLiteral("tokyo@example.com"), QStringLiteral("Asia/Tokyo"));
    const qint64 york = addContact(QStringLiteral("york@example.com"), QStringLiteral("America/New_York"));
    const qint64 nowhere = addContact(QStringLiteral("nowhere@example.com"));
    const qint64 id = draft();
    Lifecycle life(db(), clock());
    Campaign c = *CampaignStore(db()).find(id);
    c.localTime = true;
    QVERIFY(CampaignStore(db(), clock()).update(c, std::nullopt).ok());
    // 25 November 2026, 09:00 on each recipient's wall clock.
    const QDate day(2026, 11, 25);
    const qint64 wall = QDateTime(day, QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QVERIFY(life.schedule(id, wall, false, std::nullopt).ok());
    // The job wakes when the first zone on Earth (UTC+14) reaches 09:00.
    const QList<Job> jobs = JobStore(db(), clock()).overdue(wall);
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().dueAt, wall - 14 * 3'600'000);
    QVERIFY(CampaignStore(db(), clock()).transition(id, CampaignStatus::Sending, std::nullopt).ok());
    QCOMPARE(*CampaignStore(db(), clock()).freezeAudience(id), 3);
    QHash<qint64, qint64> dueAt;
    const auto rows = Outbox(db(), clock()).rows(id); // named: a range-for over *temporary would outlive it
    QVERIFY(rows.ok());
    for (const OutboxRow &r : *rows)
        dueAt.insert(r.contactId, r.dueAt);
    QCOMPARE(dueAt.value(tokyo), QDateTime(day, QTime(9, 0), QTimeZone(QByteArrayLiteral("Asia/Tokyo"))).toMSecsSinceEpoch());
    QCOMPARE(dueAt.value(york), QDateTime(day, QTime(9, 0), QTimeZone(QByteArrayLiteral("America/New_York"))).toMSecsSinceEpoch());
    QCOMPARE(dueAt.value(nowhere), QDateTime(day, QTime(9, 0), QTimeZone::systemTimeZone()).toMSecsSinceEpoch());
    QVERIFY(dueAt.value(tokyo) < dueAt.value(york));
    // Only those whose 09:00 has come can be claimed.
    m_now = dueAt.value(tokyo) + 1;
    const auto claimed = Outbox(db(), clock()).claim(id, 10, QStringLiteral("news@acme.example"));
    QVERIFY(claimed.ok());
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().contactId, tokyo);
}

// A run that ends with rows nobody could settle leaves the campaign `sending` and completes its job.
// Deciding them must make it due again: to send the rows given back, or, when all were counted as
// sent, for a run to find nothing in doubt and mark the campaign sent.
void TestLifecycle::decidingFinishesACampaignLeftSending()
{
    for (int i = 0; i < 3; ++i)
        addContact(QStringLiteral("d%1@example.com").arg(i));
    const qint64 id = draft();
    Lifecycle life(db(), clock());
    QVERIFY(life.schedule(id, std::nullopt, false, std::nullopt).ok());
    CampaignStore store(db(), clock());
    QVERIFY(store.transition(id, CampaignStatus::Sending, std::nullopt).ok());
    QCOMPARE(*store.freezeAudience(id), 3);
    Outbox outbox(db(), clock());
    const auto rows = *outbox.claim(id, 3, QStringLiteral("news@acme.example"));
    QVERIFY(outbox.markSent(rows[0].id).ok());
    QVERIFY(outbox.markUnknown(rows[1].id, QString::fromLatin1(Outbox::kNeedsDecision), QStringLiteral("?")).ok());
    QVERIFY(outbox.markUnknown(rows[2].id, QString::fromLatin1(Outbox::kNeedsDecision), QStringLiteral("?")).ok());
    JobStore jobs(db(), clock());
    QVERIFY(jobs.cancelSend(id).ok()); // the run ended and completed its job
    QCOMPARE(jobs.overdue(m_now + 1).size(), 0);

    QCOMPARE(*life.decide(id, {rows[1].id}, false, std::nullopt), 1); // counted as sent
    QCOMPARE(store.find(id)->status, CampaignStatus::Sending);
    QCOMPARE(jobs.overdue(m_now + 1).size(), 1); // due now: a run finishes it or sends the rest
    QVERIFY(jobs.cancelSend(id).ok());
    QCOMPARE(*life.decide(id, {rows[2].id}, true, std::nullopt), 1); // sent again
    QCOMPARE(jobs.overdue(m_now + 1).size(), 1);
    QCOMPARE(states(id), (QHash<QString, int>{{QStringLiteral("sent"), 2}, {QStringLiteral("pending"), 1}}));
}

void TestLifecycle::resumeRetryDecideCancel()
{
    for (int i = 0; i < 4; ++i)
        addContact(QStringLiteral("r%1@example.com").arg(i));
    const qint64 id = draft();
    Lifecycle life(db(), clock());
    QVERIFY(life.schedule(id, std::nullopt, false, std::nullopt).ok());
    CampaignStore store(db(), clock());
    QVERIFY(store.transition(id, CampaignStatus::Sending, std::nullopt).ok());
    QCOMPARE(*store.freezeAudience(id), 4);
    Outbox outbox(db(), clock());
    const auto rows = *outbox.claim(id, 4, QStringLiteral("news@acme.example"));
    QCOMPARE(rows.size(), 4);
    QVERIFY(outbox.markSent(rows[0].id).ok());
    QVERIFY(outbox.markFailed(rows[1].id, QStringLiteral("ErrorInvalidRecipients"), QStringLiteral("no such mailbox")).ok());
    QVERIFY(outbox.markUnknown(rows[2].id, QStringLiteral("needs-decision"), QStringLiteral("?")).ok());
    QVERIFY(outbox.markUnknown(rows[3].id, QStringLiteral("needs-decision"), QStringLiteral("?")).ok());
    QVERIFY(store.transition(id, CampaignStatus::Sent, std::nullopt).ok());
    QVERIFY(JobStore(db(), clock()).cancelSend(id).ok()); // the run that ended took its job with it

    // Resume only from paused or failed.
    const Status notPaused = life.resume(id, std::nullopt);
    QVERIFY(!notPaused.ok());
    QVERIFY(notPaused.error().message.contains(QStringLiteral("only paused or failed")));

    // The user decides: one counted as sent, one sent again (the campaign sends again for it).
    QCOMPARE(*life.decide(id, {rows[2].id}, false, std::nullopt), 1);
    QCOMPARE(store.find(id)->status, CampaignStatus::Sent);
    QCOMPARE(*life.decide(id, {rows[3].id}, true, std::nullopt), 1);
    QCOMPARE(store.find(id)->status, CampaignStatus::Sending);
    QCOMPARE(JobStore(db(), clock()).overdue(m_now + 1).size(), 1); // and the scheduler runs it now
    QVERIFY(!life.decide(id, {rows[3].id}, true, std::nullopt).ok()); // decided already
    QCOMPARE(states(id), (QHash<QString, int>{{QStringLiteral("sent"), 2}, {QStringLiteral("failed"), 1}, {QStringLiteral("pending"), 1}}));

    // Paused, then failed rows retried: pending again, and resume makes it due now.
    QVERIFY(life.pause(id, std::nullopt).ok());
    QCOMPARE(*life.retryFailed(id, std::nullopt), 1);
    QCOMPARE(store.find(id)->status, CampaignStatus::Paused); // a paused campaign stays paused
    QCOMPARE(states(id).value(QStringLiteral("pending")), 2);
    QVERIFY(JobStore(db(), clock()).cancelSend(id).ok());
    QVERIFY(life.resume(id, std::nullopt).ok());
    QCOMPARE(store.find(id)->status, CampaignStatus::Sending);
    QCOMPARE(JobStore(db(), clock()).overdue(m_now + 1).size(), 1);

    // Cancelled: no job is left to run it.
    QVERIFY(life.cancel(id, std::nullopt).ok());
    QCOMPARE(store.find(id)->status, CampaignStatus::Cancelled);
    QCOMPARE(JobStore(db(), clock()).overdue(m_now + 86'400'000).size(), 0);
    QVERIFY(!life.retryFailed(id, std::nullopt).ok());
}

void TestLifecycle::eachMessageComesFromItsMailbox()
{
    addContact(QStringLiteral("ada@example.com"));
    const qint64 id = draft({QStringLiteral("Offers@Acme.example"), QStringLiteral("news@acme.example")});
    const Campaign c = *CampaignStore(db()).find(id);
    QCOMPARE(c.senders(), (QStringList{QStringLiteral("news@acme.example"), QStringLiteral("offers@acme.example")}));
    const auto senders = Lifecycle(db(), clock()).senders(c);
    QVERIFY(senders.ok());
    QCOMPARE(senders->size(), 2);
    QCOMPARE(senders->at(1).mailbox, QStringLiteral("offers@acme.example"));
    QCOMPARE(senders->at(1).limits.perMinute, 60);
    QCOMPARE(senders->at(1).limits.concurrency, 2);

    MessageBuilder builder(db());
    QVERIFY(builder.prepare(c).ok());
    MessageBuilder::Recipient r;
    r.address = QStringLiteral("ada@example.com");
    r.messageId = QStringLiteral("lux.1.1.x@acme.example");
    r.unsubscribeUrl = QStringLiteral("https://track.example.com/u/1.1");
    r.mailbox = QStringLiteral("offers@acme.example");
    const QByteArray fromOffers = *builder.build(r);
    r.mailbox = QStringLiteral("news@acme.example");
    const QByteArray fromNews = *builder.build(r);
    QVERIFY(fromOffers.startsWith("From: offers@acme.example\r\n"));
    QVERIFY(fromNews.startsWith("From: news@acme.example\r\n"));
    QVERIFY(fromNews.contains("List-Unsubscribe: <https://track.example.com/u/1.1>"));
    QVERIFY(fromNews.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
}

// Issue 13: a template an older version saved past today's limits blocks the campaign and builds no
// message, without being parsed.
void TestLifecycle::aTemplatePastTheLimitsIsNeverSent()
{
    addContact(QStringLiteral("ada@example.com"));
    const qint64 id = draft();
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE templates SET source = ? WHERE id = ?"));
    q.addBindValue(QString(QStringLiteral("<table><tr><td>").repeated(20'000) + QStringLiteral("x")));
    q.addBindValue(m_template);
    QVERIFY(q.exec());
    const Campaign c = *CampaignStore(db()).find(id);
    const auto findings = Lifecycle(db(), clock()).checks(c, true);
    QVERIFY(Lifecycle::hasErrors(findings));
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const content::Finding &f) { return f.code == QLatin1String("html.too-deep"); }));

    MessageBuilder builder(db());
    QVERIFY(builder.prepare(c).ok());
    MessageBuilder::Recipient r;
    r.address = QStringLiteral("ada@example.com");
    r.messageId = QStringLiteral("lux.1.1.x@acme.example");
    r.unsubscribeUrl = QStringLiteral("https://track.example.com/u/1.1");
    const auto built = builder.build(r);
    QVERIFY(!built);
    QCOMPARE(built.error().code, QStringLiteral("dispatch.render"));
    QVERIFY2(built.error().message.contains(QStringLiteral("nests elements more than 512 deep")), qPrintable(built.error().message));
}

// Issue 14: without a tracker a campaign can go, and the checks say what it gives up, as a warning.
void TestLifecycle::withoutATrackerTheChecksWarn()
{
    addContact(QStringLiteral("ada@example.com"));
    Campaign c = *CampaignStore(db()).find(draft());
    const auto noTracker = [](const QList<content::Finding> &found) {
        const auto it = std::find_if(found.cbegin(), found.cend(), [](const content::Finding &f) { return f.code == QLatin1String("campaign.no-tracker"); });
        return it == found.cend() ? std::optional<content::Finding>() : std::optional<content::Finding>(*it);
    };
    QVERIFY(!noTracker(Lifecycle(db(), clock()).checks(c, true)));
    const auto found = Lifecycle(db(), clock()).checks(c, false);
    const auto warning = noTracker(found);
    QVERIFY(warning);
    QCOMPARE(warning->severity, content::Finding::Severity::Warning);
    QVERIFY(!Lifecycle::hasErrors(found));
    QVERIFY2(warning->message.contains(QLatin1String("one-click unsubscribe")) && warning->message.contains(QLatin1String("5,000")),
             qPrintable(warning->message));
    QVERIFY(warning->message.contains(QLatin1String("Opens and clicks")));
    c.tracking = TrackingMode::Off; // nothing to count anyway: only the unsubscribe is said
    QVERIFY(!noTracker(Lifecycle(db(), clock()).checks(c, false))->message.contains(QLatin1String("Opens and clicks")));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
