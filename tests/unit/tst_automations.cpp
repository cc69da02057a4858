// SPDX-License-Identifier: GPL-3.0-or-later
// Workflows (issue 19) on a real database file: the JSON format and its checks; the engine's steps,
// each recorded once with its effect; entry by the database's own signals (a tag added, an open by a
// person and not a machine); sends as outbox rows of a hidden campaign, found again on a replay;
// unsubscribes that leave; the frequency cap; waits for events with both exits; versions that keep
// 10,000 contacts in flight on the version they entered; a migration previewed then applied; the
// simulator's counts equal to a real run's on the same seed and the same events; and the entry
// rules and the cap held over random event sequences.
#include "automations/automationstore.h"
#include "automations/engine.h"
#include "automations/interpreter.h"
#include "automations/simulator.h"
#include "campaigns/campaignstore.h"
#include "campaigns/senderstore.h"
#include "contacts/contactimporter.h"
#include "contacts/segment.h"
#include "databasefixture.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace lux;
using namespace lux::automations;
using lux::test::errorText;

class TestAutomations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_fx.reset(); }
    void jsonRoundTripsAndIsChecked();
    void stepsRunOnceWithTheirEffects();
    void tagSignalEntersAndMachinesNeverTrigger();
    void sendsAreOutboxRowsFoundAgain();
    void unsubscribedContactsLeave();
    void frequencyCapSkipsAndLogs();
    void waitForEventHasTwoExits();
    void newVersionStrandsNobody();
    void simulatorMatchesARealRun();
    void entryRulesAndCapHoldOverRandomEvents();
    void segmentEntryArchiveAndLateEvents();
    void everyTriggerEnters();
    void importEntersInBulk();

private:
    QSqlDatabase db() const { return m_fx->db(); }
    Clock clock() const
    {
        return [this] { return m_now; };
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    qint64 publish(const QByteArray &json);
    Engine::Turn turn(Engine &engine);
    qint64 contact(const QString &email) const
    {
        return scalar(QStringLiteral("SELECT id FROM contacts WHERE email_key = '%1'").arg(email)).toLongLong();
    }
    void addContacts(int n, const QString &prefix = QStringLiteral("p"));

    qint64 m_now = 0;
    qint64 m_template = 0;
    std::optional<test::DatabaseFixture> m_fx;
};

void TestAutomations::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("automations.sqlite")).open());
    m_now = 1'800'000'000'000;
    QVERIFY(campaigns::SenderStore(db()).save(QStringLiteral("news@acme.example"), {}).ok());
    QVERIFY(campaigns::SenderStore(db(), QStringLiteral("sms")).save(QStringLiteral("+15005550006"), {}).ok());
    QVERIFY(m_fx->addBrandKit().ok());
    const auto t = m_fx->addTemplate(QStringLiteral("Welcome"), QStringLiteral("Hi"), QStringLiteral("<p>Hello {{first_name}}</p>"));
    QVERIFY2(t.ok(), errorText(t).constData());
    m_template = *t;
}

qint64 TestAutomations::publish(const QByteArray &json)
{
    QByteArray text = json;
    text.replace("TEMPLATE", QByteArray::number(m_template));
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    const auto flow = Flow::fromJson(doc.object());
    if (!flow) {
        qWarning("%s", qPrintable(flow.error().message));
        return 0;
    }
    AutomationStore store(db(), clock());
    const auto existing = store.findByName(flow->name);
    const auto saved = existing ? store.saveDraft(existing->id, *flow) : store.create(*flow);
    if (!saved) {
        qWarning("%s", qPrintable(saved.error().message));
        return 0;
    }
    const auto version = store.publish(saved->id);
    if (!version) {
        qWarning("%s", qPrintable(version.error().message));
        return 0;
    }
    return saved->id;
}

Engine::Turn TestAutomations::turn(Engine &engine)
{
    Engine::Turn total;
    for (bool more = true; more;) {
        const auto t = engine.turn();
        if (!t) {
            qWarning("%s", qPrintable(t.error().message));
            return total;
        }
        total.signals += t->signals;
        total.entered += t->entered;
        total.steps += t->steps;
        total.advanced += t->advanced;
        total.notices << t->notices;
        more = t->more;
    }
    return total;
}

void TestAutomations::addContacts(int n, const QString &prefix)
{
    QSqlQuery q(db());
    QVERIFY(db().transaction());
    q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, first_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < n; ++i) {
        const QString email = QStringLiteral("%1%2@example.com").arg(prefix).arg(i);
        q.addBindValue(email);
        q.addBindValue(email);
        q.addBindValue(QStringLiteral("P%1").arg(i));
        q.addBindValue(m_now);
        q.addBindValue(m_now);
        QVERIFY(q.exec());
    }
    QVERIFY(db().commit());
}

void TestAutomations::jsonRoundTripsAndIsChecked()
{
    const QByteArray json = R"({"name":"Welcome","trigger":{"type":"tag_added","tag":"lead"},"entry":{"rule":"again","gap":"30d"},
        "steps":[{"id":"mail","type":"email","template":7,"subject":"Hi","from":"news@acme.example","next":"wait"},
                 {"id":"wait","type":"wait_event","event":"opened","timeout":"3d","yes":"tag","no":"split"},
                 {"id":"split","type":"split","branches":[{"percent":30,"next":"tag"},{"percent":70,"next":"end"}]},
                 {"id":"tag","type":"tag","add":["engaged"],"next":"end"},
                 {"id":"end","type":"exit"}]})";
    const auto flow = Flow::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(flow.ok(), errorText(flow).constData());
    QCOMPARE(flow->start, QStringLiteral("mail"));
    QCOMPARE(flow->entry, EntryRule::AgainAfterExit);
    QCOMPARE(flow->reentryGapMinutes, 30 * 1440);
    QCOMPARE(flow->step(QStringLiteral("wait"))->timeoutMinutes, 3 * 1440);
    QVERIFY(FlowCheck::publishable(*flow));
    const auto again = Flow::fromJson(flow->toJson());
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), flow->toJson());

    // What the editor and publish refuse, each named with its step.
    Flow broken = *flow;
    broken.step(QStringLiteral("mail"))->templateId = 0;
    broken.step(QStringLiteral("wait"))->timeoutMinutes = 0;
    broken.step(QStringLiteral("split"))->branches[0].percent = 20;
    broken.step(QStringLiteral("tag"))->next = QStringLiteral("split"); // split → tag → split: no wait in the loop
    QStringList problems;
    for (const Problem &p : FlowCheck::problems(broken))
        if (p.severity == Problem::Severity::Error)
            problems << p.stepId;
    QVERIFY(problems.contains(QStringLiteral("mail")));
    QVERIFY(problems.contains(QStringLiteral("wait")));
    QCOMPARE(problems.count(QStringLiteral("split")), 2); // the sum, and the loop
    QVERIFY(!FlowCheck::publishable(broken));

    // Bad input says what and where.
    const auto bad = Flow::fromJson(QJsonDocument::fromJson(R"({"name":"X","steps":[{"id":"a","type":"wait","duration":"soon"}]})").object());
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QStringLiteral("“a”")) && bad.error().message.contains(QStringLiteral("duration")),
             qPrintable(bad.error().message));
}

void TestAutomations::stepsRunOnceWithTheirEffects()
{
    addContacts(3);
    const qint64 id = publish(R"({"name":"Tagging","steps":[
        {"id":"t","type":"tag","add":["welcomed"],"next":"f"},
        {"id":"f","type":"set_field","field":"city","value":"Madrid","next":"c"},
        {"id":"c","type":"condition","if":{"type":"field","field":"city","op":"eq","value":"madrid"},"yes":"w","no":"x"},
        {"id":"w","type":"wait","duration":"1d","next":"n"},
        {"id":"n","type":"notify","text":"A contact finished the welcome.","next":"x"},
        {"id":"x","type":"exit"}]})");
    QVERIFY(id > 0);
    Engine engine(db(), {}, clock());
    for (int i = 0; i < 3; ++i) {
        const auto e = engine.enroll(id, contact(QStringLiteral("p%1@example.com").arg(i)));
        QVERIFY2(e.ok() && e->has_value(), e.ok() ? "kept out" : errorText(e).constData());
    }
    // Entered once: the rule "once" keeps a second manual entry out.
    const auto twice = engine.enroll(id, contact(QStringLiteral("p0@example.com")));
    QVERIFY(twice.ok() && !twice->has_value());
    Engine::Turn t = turn(engine);
    QCOMPARE(t.steps, 3 * 4); // tag, field, condition, wait
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.name = 'welcomed'")).toInt(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE city = 'Madrid'")).toInt(), 3);
    // Nothing more runs before the day is over, however often the engine turns.
    QCOMPARE(turn(engine).steps, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_journey")).toInt(), 3 * 5); // entered + four steps
    m_now += 86'400'000;
    t = turn(engine);
    QCOMPARE(t.steps, 3 * 2); // notify, exit
    QCOMPARE(t.notices.size(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE state = 'done'")).toInt(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'automation.notify'")).toInt(), 3);
    const auto counts = AutomationStore(db(), clock()).stepCounts(id);
    QVERIFY(counts.ok());
    for (const StepCount &c : *counts) {
        QCOMPARE(c.passed, 3);
        QCOMPARE(c.here, 0);
        QCOMPARE(c.ended, c.step == u"x" ? 3 : 0);
    }
    // Each step's run has its own key: a replayed step could not be written twice.
    QSqlQuery q(db());
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO automation_journey (enrollment_id, seq, step, at, what) "
                                   "SELECT enrollment_id, seq, step, at, what FROM automation_journey LIMIT 1")));
}

void TestAutomations::tagSignalEntersAndMachinesNeverTrigger()
{
    addContacts(2);
    const qint64 id = publish(R"({"name":"Leads","trigger":{"type":"tag_added","tag":"Lead"},"steps":[
        {"id":"t","type":"tag","add":["nurtured"]}]})");
    QVERIFY(id > 0);
    const qint64 clicks = publish(R"({"name":"Clickers","trigger":{"type":"email_clicked"},"steps":[
        {"id":"t","type":"tag","add":["clicker"]}]})");
    QVERIFY(clicks > 0);
    // Only what a workflow listens for is written.
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(kind) FROM (SELECT kind FROM automation_listen ORDER BY kind)")).toString(),
             QStringLiteral("engagement,tag"));
    const qint64 p0 = contact(QStringLiteral("p0@example.com")), p1 = contact(QStringLiteral("p1@example.com"));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, created_at) VALUES ('lead', 0)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT id, %1 FROM tags WHERE name = 'lead'").arg(p0)));
    // A click by a machine (a scanner) and a click by a person.
    const qint64 campaign = *m_fx->addCampaign(QStringLiteral("News"), QStringLiteral("sent"), m_now);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, contact_id, at, machine, reason) "
                                  "VALUES (1, 'click', %1, %2, %3, 1, 'scanner')").arg(campaign).arg(p1).arg(m_now)));
    Engine engine(db(), {}, clock());
    Engine::Turn t = turn(engine);
    QCOMPARE(t.signals, 2); // the tag, and the tag the workflow put on; the machine's click wrote none
    QCOMPARE(t.entered, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE automation_id = %1 AND contact_id = %2").arg(id).arg(p0)).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, contact_id, at) VALUES (2, 'click', %1, %2, %3)")
                       .arg(campaign)
                       .arg(p1)
                       .arg(m_now)));
    t = turn(engine);
    QCOMPARE(t.entered, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE automation_id = %1 AND contact_id = %2").arg(clicks).arg(p1)).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_signals")).toInt(), 0); // spent with their effects
    // Paused: nobody listens for entries any more.
    QVERIFY(AutomationStore(db(), clock()).pause(clicks).ok());
    QVERIFY(AutomationStore(db(), clock()).pause(id).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_listen")).toInt(), 0);
}

void TestAutomations::sendsAreOutboxRowsFoundAgain()
{
    addContacts(2);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET phone = '+34612345678', phone_type = 'mobile', sms_consent = 1 WHERE email_key = 'p0@example.com'")));
    const qint64 id = publish(R"({"name":"Mail","steps":[
        {"id":"mail","type":"email","template":TEMPLATE,"subject":"Welcome aboard","from":"news@acme.example","next":"text"},
        {"id":"text","type":"sms","text":"Hi {{first_name}}, welcome.","from":"+15005550006"}]})");
    QVERIFY(id > 0);
    Engine engine(db(), EngineConfig{0, 0}, clock());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p0@example.com"))).ok());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p1@example.com"))).ok());
    turn(engine);
    // Two emails and one text (p1 has no number: skipped, logged), each an outbox row of its step's hidden campaign.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email' AND mail_key LIKE 'a%'")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'sms'")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_journey WHERE what = 'skipped'")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT campaign_id) FROM outbox")).toInt(), 2);
    QVERIFY(campaigns::CampaignStore(db()).list().isEmpty()); // hidden
    const auto mailCampaign = campaigns::CampaignStore(db()).find(scalar(QStringLiteral("SELECT campaign_id FROM outbox WHERE channel = 'email' LIMIT 1")).toLongLong());
    QVERIFY(mailCampaign.ok());
    QCOMPARE(mailCampaign->automationId, std::optional<qint64>(id));
    QCOMPARE(mailCampaign->subject, QStringLiteral("Welcome aboard"));
    QVERIFY(mailCampaign->standing());
    // Its send job is due, for the dispatcher.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE done_at IS NULL AND kind = 'send'")).toInt(), 2);
    // A replay of the same step (the process killed after the row, before the move) finds the row.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, message_id, updated_at, mail_key) "
                                  "SELECT campaign_id, contact_id, channel, address, address_key, message_id || 'x', updated_at, mail_key FROM outbox WHERE 1 "
                                  "ON CONFLICT (campaign_id, address_key, mail_key) DO NOTHING")));
    QCOMPARE(q.numRowsAffected(), 0);
}

void TestAutomations::unsubscribedContactsLeave()
{
    addContacts(2);
    const qint64 id = publish(R"({"name":"Drip","steps":[
        {"id":"w","type":"wait","duration":"2d","next":"mail"},
        {"id":"mail","type":"email","template":TEMPLATE,"subject":"Day two","from":"news@acme.example"}]})");
    QVERIFY(id > 0);
    Engine engine(db(), {}, clock());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p0@example.com"))).ok());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p1@example.com"))).ok());
    turn(engine);
    // p0 unsubscribes while waiting: out at once. p1 is suppressed later: the step skips, logged.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET status = 'unsubscribed', updated_at = 1 WHERE email_key = 'p0@example.com'")));
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT end_reason FROM automation_enrollments WHERE contact_id = %1").arg(contact(QStringLiteral("p0@example.com"))))
                 .toString(),
             QStringLiteral("unsubscribed"));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO suppression (channel, address_hash, address_key, reason, at) "
                                  "VALUES ('email', 'h', 'p1@example.com', 'manual', 0)")));
    m_now += 2 * 86'400'000;
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM automation_journey WHERE what = 'skipped'")).toString().contains(QStringLiteral("suppression")), true);
}

void TestAutomations::frequencyCapSkipsAndLogs()
{
    addContacts(1);
    const qint64 id = publish(R"({"name":"Busy","steps":[
        {"id":"a","type":"email","template":TEMPLATE,"subject":"One","from":"news@acme.example","next":"b"},
        {"id":"b","type":"email","template":TEMPLATE,"subject":"Two","from":"news@acme.example","next":"c"},
        {"id":"c","type":"wait","duration":"25h","next":"d"},
        {"id":"d","type":"email","template":TEMPLATE,"subject":"Three","from":"news@acme.example"}]})");
    QVERIFY(id > 0);
    Engine engine(db(), EngineConfig{1, 1}, clock());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p0@example.com"))).ok());
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT step FROM automation_journey WHERE what = 'skipped'")).toString(), QStringLiteral("b"));
    m_now += 25 * 3600'000; // a day later the cap has room again
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM automation_enrollments")).toString(), QStringLiteral("done"));
}

void TestAutomations::waitForEventHasTwoExits()
{
    addContacts(2);
    const qint64 id = publish(R"({"name":"Follow-up","steps":[
        {"id":"mail","type":"email","template":TEMPLATE,"subject":"News","from":"news@acme.example","next":"wait"},
        {"id":"wait","type":"wait_event","event":"opened","timeout":"3d","yes":"hot","no":"cold"},
        {"id":"hot","type":"tag","add":["hot"]},
        {"id":"cold","type":"tag","add":["cold"]}]})");
    QVERIFY(id > 0);
    Engine engine(db(), EngineConfig{0, 0}, clock());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p0@example.com"))).ok());
    QVERIFY(engine.enroll(id, contact(QStringLiteral("p1@example.com"))).ok());
    turn(engine);
    const qint64 p0 = contact(QStringLiteral("p0@example.com"));
    // p0 opens this workflow's email an hour later (a person); an open of another campaign would not do.
    m_now += 3600'000;
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, at) "
                                  "SELECT 10, 'open', campaign_id, id, contact_id, %1 FROM outbox WHERE contact_id = %2")
                       .arg(m_now)
                       .arg(p0)));
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(c.email_key) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                   "JOIN contacts c ON c.id = ct.contact_id WHERE t.name = 'hot'"))
                 .toString(),
             QStringLiteral("p0@example.com"));
    m_now += 3 * 86'400'000;
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(c.email_key) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                   "JOIN contacts c ON c.id = ct.contact_id WHERE t.name = 'cold'"))
                 .toString(),
             QStringLiteral("p1@example.com"));
    const auto journey = AutomationStore(db(), clock()).journey(id, p0);
    QVERIFY(journey.ok());
    QStringList whats;
    for (const JourneyLine &l : *journey)
        whats << l.what;
    QCOMPARE(whats, (QStringList{QStringLiteral("entered"), QStringLiteral("sent"), QStringLiteral("waiting"), QStringLiteral("happened"),
                                 QStringLiteral("tagged"), QStringLiteral("done")}));
}

void TestAutomations::newVersionStrandsNobody()
{
    constexpr int kContacts = 10'000;
    addContacts(kContacts);
    const QByteArray v1 = R"({"name":"Nurture","steps":[
        {"id":"a","type":"tag","add":["started"],"next":"w"},
        {"id":"w","type":"wait","duration":"1d","next":"b"},
        {"id":"b","type":"tag","add":["finished"]}]})";
    const qint64 id = publish(v1);
    QVERIFY(id > 0);
    Engine engine(db(), {}, clock());
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM contacts")));
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        for (qint64 c : std::as_const(ids))
            QVERIFY(engine.enroll(id, c).ok());
    }
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE step = 'w' AND state = 'active'")).toInt(), kContacts);
    const int linesBefore = scalar(QStringLiteral("SELECT count(*) FROM automation_journey")).toInt();
    // Version 2 deletes the wait they are in, and the first step.
    const qint64 again = publish(R"({"name":"Nurture","steps":[
        {"id":"b","type":"tag","add":["finished-v2"]}]})");
    QCOMPARE(again, id);
    QCOMPARE(AutomationStore(db(), clock()).find(id)->version, 2);
    QCOMPARE(turn(engine).steps, 0); // nobody re-runs anything
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_journey")).toInt(), linesBefore);
    // The migration's preview: everyone at "w", which version 2 lacks, would leave unless mapped.
    AutomationStore store(db(), clock());
    auto plan = store.migrationPlan(id);
    QVERIFY(plan.ok());
    QCOMPARE(plan->moves.size(), 1);
    QCOMPARE(plan->moves.first().contacts, kContacts);
    QVERIFY(plan->moves.first().toStep.isEmpty());
    // Nobody is migrated unless asked: a day later all finish version 1, each step once.
    m_now += 86'400'000;
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE state = 'done' AND version = 1")).toInt(), kContacts);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'finished'")).toInt(), kContacts);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'finished-v2'")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM (SELECT enrollment_id, step FROM automation_journey WHERE what = 'tagged' "
                                   "GROUP BY enrollment_id, step HAVING count(*) > 1)"))
                 .toInt(),
             0);
}

namespace {

// A six-step workflow with every kind of branching the simulator must agree on.
constexpr auto kCompared = R"({"name":"Compared","entry":{"rule":"once"},"seed":"42","steps":[
    {"id":"mail","type":"email","template":TEMPLATE,"subject":"Hello","from":"news@acme.example","next":"wait"},
    {"id":"wait","type":"wait_event","event":"clicked","timeout":"2d","yes":"clicked","no":"split"},
    {"id":"split","type":"split","branches":[{"percent":40,"next":"text"},{"percent":60,"next":"again"}]},
    {"id":"text","type":"sms","text":"Hi!","from":"+15005550006","next":"done"},
    {"id":"again","type":"email","template":TEMPLATE,"subject":"Again","from":"news@acme.example","next":"opened"},
    {"id":"opened","type":"wait_event","event":"opened","timeout":"1d","yes":"clicked","no":"done"},
    {"id":"clicked","type":"tag","add":["engaged"],"next":"vip"},
    {"id":"vip","type":"condition","if":{"type":"tag","tag":"vip"},"yes":"done","no":"done"},
    {"id":"done","type":"exit"}]})";

} // namespace

void TestAutomations::simulatorMatchesARealRun()
{
    constexpr int kContacts = 300;
    addContacts(kContacts);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET phone = '+3461234' || substr('0000' || id, -4), phone_type = 'mobile', sms_consent = 1 "
                                  "WHERE id % 3 = 0")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, created_at) VALUES ('vip', 0)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT t.id, c.id FROM tags t, contacts c WHERE t.name = 'vip' "
                                  "AND c.id % 5 = 0")));
    const qint64 id = publish(kCompared);
    QVERIFY(id > 0);
    const auto flow = AutomationStore(db(), clock()).version(id, 1);
    QVERIFY(flow.ok());
    Script script;
    script.seed = 7;
    script.open = 0.5;
    script.click = 0.4;
    script.smsClick = 0.3;
    const qint64 start = m_now;
    const int days = 6;

    // The simulation.
    const auto contacts = Simulator::load(db(), *flow, kContacts);
    QVERIFY(contacts.ok());
    SimulationOptions options;
    options.start = start;
    options.days = days;
    options.script = script;
    options.emailCap = 0;
    options.smsCap = 0;
    const auto sim = Simulator::run(*flow, *contacts, options);
    QVERIFY2(sim.ok(), errorText(sim).constData());
    QCOMPARE(sim->entered, kContacts);

    // The real run: the engine on the database, the same people's reactions put in as the tracker's
    // sync puts them (tracking events, by people), at their moments, the clock moved from one thing to the next.
    Engine engine(db(), EngineConfig{0, 0}, clock());
    q.exec(QStringLiteral("SELECT id FROM contacts ORDER BY id"));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    for (qint64 c : std::as_const(ids))
        QVERIFY(engine.enroll(id, c).ok());
    QMultiMap<qint64, std::tuple<QString, qint64, qint64>> pending; // at → (kind, contact, campaign)
    qint64 seenOutbox = 0, trackerId = 0;
    const qint64 end = start + qint64(days) * 86'400'000;
    while (m_now < end) {
        turn(engine);
        // What was sent at this moment brings its scripted reactions.
        q.prepare(QStringLiteral("SELECT o.id, o.contact_id, o.campaign_id, o.channel, a.step, o.queued_at FROM outbox o "
                                 "JOIN automation_campaigns a ON a.campaign_id = o.campaign_id WHERE o.id > ? ORDER BY o.id"));
        q.addBindValue(seenOutbox);
        QVERIFY(q.exec());
        while (q.next()) {
            seenOutbox = q.value(0).toLongLong();
            for (const Script::Event &e : script.eventsFor(q.value(1).toLongLong(), q.value(4).toString(), q.value(3).toString() == u"email",
                                                           q.value(5).toLongLong()))
                pending.insert(e.at, std::make_tuple(e.kind, q.value(1).toLongLong(), q.value(2).toLongLong()));
        }
        q.finish();
        const qint64 nextDue = engine.nextDueAt().value_or(end);
        const qint64 nextEvent = pending.isEmpty() ? end : pending.firstKey();
        const qint64 next = std::min({nextDue, nextEvent, end});
        if (next <= m_now && nextEvent > m_now)
            QFAIL("the engine has due work it did not do");
        m_now = std::max(next, m_now);
        if (m_now >= end)
            break;
        // Reactions due now go in as the sync writes them; registrations and replies are not in this flow.
        while (!pending.isEmpty() && pending.firstKey() == m_now) {
            const auto [kind, who, campaign] = pending.take(m_now);
            const QString k = kind == u"sms-click" ? QStringLiteral("click") : kind;
            if (k != u"open" && k != u"click")
                continue;
            q.prepare(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, contact_id, at) VALUES (?, ?, ?, ?, ?)"));
            for (const QVariant &v : QVariantList{++trackerId, k, campaign, who, m_now})
                q.addBindValue(v);
            QVERIFY(q.exec());
        }
    }
    const auto counts = AutomationStore(db(), clock()).stepCounts(id);
    QVERIFY(counts.ok());
    for (const StepCount &c : *counts) {
        QVERIFY2(c.passed == sim->reached.value(c.step),
                 qPrintable(QStringLiteral("%1: real %2, simulated %3").arg(c.step).arg(c.passed).arg(sim->reached.value(c.step))));
        QCOMPARE(c.ended, sim->ended.value(c.step));
        QCOMPARE(c.here, sim->waiting.value(c.step));
    }
    QVERIFY(sim->reached.value(QStringLiteral("clicked")) > 0);
    QVERIFY(sim->reached.value(QStringLiteral("text")) > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email'")).toLongLong(), sim->emails);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'sms'")).toLongLong(), sim->texts);
}

void TestAutomations::entryRulesAndCapHoldOverRandomEvents()
{
    // Random sequences of a trigger (a tag put on and taken off again) over a few contacts and a
    // few days, for each entry rule: the rules and the cap are never broken.
    addContacts(6);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, created_at) VALUES ('go', 0)")));
    const qint64 tag = scalar(QStringLiteral("SELECT id FROM tags WHERE name = 'go'")).toLongLong();
    const QList<QByteArray> rules{R"({"rule":"once"})", R"({"rule":"again","gap":"6h"})", R"({"rule":"any"})"};
    QRandomGenerator random(20261206);
    for (int r = 0; r < rules.size(); ++r) {
        const qint64 id = publish(QByteArray(R"({"name":"Rule)") + QByteArray::number(r) + R"(","trigger":{"type":"tag_added","tag":"go"},"entry":)"
                                  + rules.at(r) + R"(,"steps":[
            {"id":"m","type":"email","template":TEMPLATE,"subject":"S","from":"news@acme.example","next":"w"},
            {"id":"w","type":"wait","duration":"3h","next":"n"},
            {"id":"n","type":"email","template":TEMPLATE,"subject":"T","from":"news@acme.example"}]})");
        QVERIFY(id > 0);
        Engine engine(db(), EngineConfig{2, 1}, clock());
        for (int event = 0; event < 120; ++event) {
            m_now += qint64(random.bounded(1, 240)) * 60'000;
            const qint64 who = contact(QStringLiteral("p%1@example.com").arg(random.bounded(6)));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM contact_tags WHERE tag_id = %1 AND contact_id = %2").arg(tag).arg(who)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) VALUES (%1, %2)").arg(tag).arg(who)));
            turn(engine);
        }
        m_now += 86'400'000;
        turn(engine);
        QVERIFY(AutomationStore(db(), clock()).pause(id).ok());
        // The rule, per contact, over their enrollments in time order.
        q.exec(QStringLiteral("SELECT contact_id, entered_at, coalesce(ended_at, 9e18) FROM automation_enrollments WHERE automation_id = %1 "
                              "ORDER BY contact_id, entered_at, id")
                   .arg(id));
        QHash<qint64, QList<std::pair<qint64, qint64>>> spans;
        while (q.next())
            spans[q.value(0).toLongLong()] << std::make_pair(q.value(1).toLongLong(), q.value(2).toLongLong());
        q.finish();
        QVERIFY(!spans.isEmpty());
        for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
            const auto &list = it.value();
            if (r == 0)
                QCOMPARE(list.size(), 1);
            if (r == 1)
                for (int i = 1; i < list.size(); ++i)
                    QVERIFY2(list.at(i).first >= list.at(i - 1).second + 6 * 3600'000, "entered again before the gap after the last exit");
        }
        if (r == 2) { // any time: every trigger entered (the tag re-added is a new signal each time)
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE automation_id = %1").arg(id)).toInt(), 120);
        }
        // The cap: never more than two marketing emails to one contact in any 24 hours.
        q.exec(QStringLiteral("SELECT contact_id, queued_at FROM outbox ORDER BY contact_id, queued_at"));
        QHash<qint64, QList<qint64>> sent;
        while (q.next())
            sent[q.value(0).toLongLong()] << q.value(1).toLongLong();
        q.finish();
        for (const QList<qint64> &times : std::as_const(sent))
            for (int i = 2; i < times.size(); ++i)
                QVERIFY2(times.at(i) - times.at(i - 2) >= 86'400'000, "three emails in one day");
    }
}

void TestAutomations::segmentEntryArchiveAndLateEvents()
{
    addContacts(4);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET city = 'Madrid' WHERE email_key IN ('p0@example.com', 'p1@example.com')")));
    QJsonObject rules = QJsonDocument::fromJson(R"({"match":"all","rules":[{"field":"city","op":"equals","value":"Madrid"}]})").object();
    const auto segment = contacts::SegmentRepository(db(), clock()).save(QStringLiteral("Madrid"), rules, std::nullopt);
    QVERIFY2(segment.ok(), errorText(segment).constData());
    const qint64 id = publish(R"({"name":"Madrileños","trigger":{"type":"segment_entered","segment":"Madrid"},"steps":[
        {"id":"w","type":"wait_event","event":"clicked","timeout":"1d","yes":"hot","no":"cold"},
        {"id":"hot","type":"tag","add":["hot"]},
        {"id":"cold","type":"tag","add":["cold"]}]})");
    QVERIFY(id > 0);
    Engine engine(db(), {}, clock());
    // Those in the segment when it was published are not entering it: a change to them enters nobody.
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET company = 'Acme', updated_at = 5 WHERE email_key = 'p0@example.com'")));
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments")).toInt(), 0);
    // Someone who moves to Madrid enters.
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET city = 'Madrid', updated_at = 6 WHERE email_key = 'p2@example.com'")));
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE contact_id = %1").arg(contact(QStringLiteral("p2@example.com")))).toInt(), 1);
    // A click after the wait's timeout (the app was off, the sync brings it late) is not a yes.
    const qint64 campaign = *m_fx->addCampaign(QStringLiteral("Other"), QStringLiteral("sent"), m_now);
    Q_UNUSED(campaign);
    m_now += 2 * 86'400'000;
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, contact_id, at) VALUES (77, 'click', %1, %2, %3)")
                       .arg(campaign)
                       .arg(contact(QStringLiteral("p2@example.com")))
                       .arg(m_now - 3600'000)));
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = %1")
                        .arg(contact(QStringLiteral("p2@example.com"))))
                 .toString(),
             QStringLiteral("cold"));
    // Archived: whoever is still in it leaves, with the reason; nothing stays due.
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET city = 'Madrid', updated_at = 7 WHERE email_key = 'p3@example.com'")));
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE state = 'active'")).toInt(), 1);
    QVERIFY(AutomationStore(db(), clock()).archive(id).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT end_reason FROM automation_enrollments WHERE contact_id = %1").arg(contact(QStringLiteral("p3@example.com"))))
                 .toString(),
             QStringLiteral("archived"));
    QVERIFY(!engine.nextDueAt().has_value());
    const auto counts = AutomationStore(db(), clock()).stepCounts(id);
    QVERIFY(counts.ok());
    QCOMPARE(counts->first().ended, 1); // p3, at the wait
}

void TestAutomations::everyTriggerEnters()
{
    addContacts(6);
    QSqlQuery q(db());
    const auto tagOnly = [](const QByteArray &name, const QByteArray &trigger) -> QByteArray {
        return QByteArray(R"({"name":")") + name + R"(","entry":{"rule":"any"},"trigger":)" + trigger
               + R"(,"steps":[{"id":"t","type":"tag","add":[")" + name + R"("]}]})";
    };
    QVERIFY(publish(tagOnly("registered", R"({"type":"event_registration","status":"registered"})")) > 0);
    QVERIFY(publish(tagOnly("confirmed", R"({"type":"event_registration","status":"confirmed"})")) > 0);
    QVERIFY(publish(tagOnly("attended", R"({"type":"event_registration","status":"attended"})")) > 0);
    QVERIFY(publish(tagOnly("keyword", R"({"type":"sms_keyword","keyword":"join"})")) > 0);
    QVERIFY(publish(tagOnly("textclick", R"({"type":"sms_clicked"})")) > 0);
    QVERIFY(publish(tagOnly("created", R"({"type":"contact_created"})")) > 0);
    QVERIFY(publish(tagOnly("birthday", R"({"type":"anniversary","field":"birthday","time":"09:00"})")) > 0);
    Engine engine(db(), {}, clock());
    const qint64 p0 = contact(QStringLiteral("p0@example.com")), p1 = contact(QStringLiteral("p1@example.com")),
                 p2 = contact(QStringLiteral("p2@example.com")), p3 = contact(QStringLiteral("p3@example.com"));
    // p3's birthday is tomorrow (in Madrid): entered today, due at 09:00 there tomorrow.
    const QDate tomorrow = QDateTime::fromMSecsSinceEpoch(m_now, QTimeZone("Europe/Madrid")).date().addDays(1);
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET time_zone = 'Europe/Madrid', custom = '{\"birthday\":\"1990-%1\"}' WHERE id = %2")
                       .arg(tomorrow.toString(QStringLiteral("MM-dd")))
                       .arg(p3)));
    // An event: p0 registers (pending), is confirmed, then checked in at the door.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO events (uid, slug, title, starts_at, ends_at, time_zone, capacity, created_at, updated_at) "
                                  "VALUES ('u', 's', 'Launch', %1, %2, 'Europe/Madrid', 10, 0, 0)")
                       .arg(m_now + 86'400'000)
                       .arg(m_now + 90'000'000)));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO event_registrations (event_id, contact_id, email, email_key, status, source, registered_at, updated_at) "
                                  "VALUES (1, %1, 'p0@example.com', 'p0@example.com', 'pending', 'link', %2, %2)")
                       .arg(p0)
                       .arg(m_now)));
    turn(engine);
    QVERIFY(q.exec(QStringLiteral("UPDATE event_registrations SET status = 'confirmed', confirmed_at = %1, updated_at = %1").arg(m_now)));
    turn(engine);
    QVERIFY(q.exec(QStringLiteral("UPDATE event_registrations SET checked_in_at = %1, checked_in_via = 'scan', updated_at = %1").arg(m_now)));
    // p1 texts "Join us!"; p2 clicks a text's short link (a person).
    QVERIFY(q.exec(QStringLiteral("INSERT INTO sms_inbound (sid, contact_id, from_number, to_number, body, keyword, received_at) "
                                  "VALUES ('SM1', %1, '+34600000001', '+15005550006', '  Join!\nsee you there', 'other', %2)")
                       .arg(p1)
                       .arg(m_now)));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO campaigns (name, from_email, status, created_at, updated_at, channel) "
                                  "VALUES ('Texts', '+15005550006', 'sent', 0, 0, 'sms')")));
    const qint64 texts = q.lastInsertId().toLongLong();
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, contact_id, at) VALUES (5, 'click', %1, %2, %3)")
                       .arg(texts)
                       .arg(p2)
                       .arg(m_now)));
    // A new contact.
    QVERIFY(m_fx->addContact(QStringLiteral("new@example.com")).ok());
    turn(engine);
    const auto tagged = [&](const QString &tag) {
        return scalar(QStringLiteral("SELECT group_concat(c.email_key) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id JOIN contacts c "
                                     "ON c.id = ct.contact_id WHERE t.name = '%1'")
                          .arg(tag))
            .toString();
    };
    QCOMPARE(tagged(QStringLiteral("registered")), QStringLiteral("p0@example.com"));
    QCOMPARE(tagged(QStringLiteral("confirmed")), QStringLiteral("p0@example.com"));
    QCOMPARE(tagged(QStringLiteral("attended")), QStringLiteral("p0@example.com"));
    QCOMPARE(tagged(QStringLiteral("keyword")), QStringLiteral("p1@example.com"));
    QCOMPARE(tagged(QStringLiteral("textclick")), QStringLiteral("p2@example.com"));
    QCOMPARE(tagged(QStringLiteral("created")), QStringLiteral("new@example.com"));
    QCOMPARE(tagged(QStringLiteral("birthday")), QString()); // not yet: tomorrow at nine
    const qint64 due = scalar(QStringLiteral("SELECT e.due_at FROM automation_enrollments e JOIN automations a ON a.id = e.automation_id "
                                             "WHERE a.name = 'birthday'"))
                           .toLongLong();
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(due, QTimeZone("Europe/Madrid")), QDateTime(tomorrow, QTime(9, 0), QTimeZone("Europe/Madrid")));
    turn(engine); // the day's look is done once: no second entry
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments e JOIN automations a ON a.id = e.automation_id WHERE a.name = 'birthday'"))
                 .toInt(),
             1);
    m_now = due;
    turn(engine);
    QCOMPARE(tagged(QStringLiteral("birthday")), QStringLiteral("p3@example.com"));
    // Wait until a weekday and time in the contact's zone, across a clock change's skipped hour.
    const qint64 springNight = QDateTime(QDate(2027, 3, 28), QTime(0, 30), QTimeZone("Europe/Madrid")).toMSecsSinceEpoch();
    const qint64 next = Interpreter::nextLocalTime(springNight, 2 * 60 + 30, {7}, QStringLiteral("Europe/Madrid"));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(next, QTimeZone("Europe/Madrid")).time(), QTime(3, 30)); // 02:30 does not exist that night
    const qint64 monday = Interpreter::nextLocalTime(springNight, 9 * 60, {1}, QStringLiteral("America/New_York"));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(monday, QTimeZone("America/New_York")).date().dayOfWeek(), 1);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(monday, QTimeZone("America/New_York")).time(), QTime(9, 0));
}

void TestAutomations::importEntersInBulk()
{
    // An import drops the signal triggers for its transaction (as it does the search's) and writes
    // the signals a workflow listens for in bulk at the end: the same entries, the triggers back.
    const qint64 created = publish(R"({"name":"New","trigger":{"type":"contact_created"},"steps":[{"id":"t","type":"tag","add":["welcomed"]}]})");
    const qint64 vip = publish(R"({"name":"Vip","trigger":{"type":"tag_added","tag":"vip"},"steps":[{"id":"t","type":"tag","add":["pampered"]}]})");
    QVERIFY(created > 0 && vip > 0);
    const int triggersBefore = scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'automation%'")).toInt();
    QCOMPARE(triggersBefore, 12);
    const auto report = contacts::ContactImporter::run(m_fx->path(), QStringLiteral(LUX_TEST_DATA_DIR "/csv/mailchimp-messy.csv"), {});
    QVERIFY2(report.ok(), errorText(report).constData());
    QCOMPARE(report->imported, 5);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'automation%'")).toInt(), triggersBefore);
    Engine engine(db(), {}, clock());
    turn(engine);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_enrollments WHERE automation_id = %1").arg(created)).toInt(), 5);
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(email_key) FROM (SELECT c.email_key FROM automation_enrollments e JOIN contacts c "
                                   "ON c.id = e.contact_id WHERE e.automation_id = %1 ORDER BY c.email_key)")
                        .arg(vip))
                 .toString(),
             QStringLiteral("ana@example.com,erin@example.com")); // the two tagged VIP in the file
}

QTEST_GUILESS_MAIN(TestAutomations)
#include "tst_automations.moc"
