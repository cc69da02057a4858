// SPDX-License-Identifier: GPL-3.0-or-later
// Workflows, exactly once under kills (issue 19), end to end. N contacts (LUX_CRASH_CONTACTS, default
// kDefaultContacts) go through a six-step workflow (an email, a one-minute wait, a condition on a
// click, a text, a tag, a second email) run by the real `luxctl scheduler run` against the fake Graph
// and the fake Twilio (in this process, over loopback HTTP), both answering 5xx and 429, dropping
// connections and losing answers after they accepted the message. The scheduler is SIGKILLed at
// random moments and started again until everyone is through. Then: every contact got exactly the
// messages their path calls for, none twice, none missing; each journey has every step once; the tag
// is on; every enrollment is done; no outbox row is left pending, sending or unknown (Graph settles a
// lost answer through its draft and Sent Items, Twilio through its message list, so none needs a
// person's decision); PRAGMA integrity_check is ok.
//
// The contacts (i counts from 0; r<i>@example.com, first name R<i>):
//  - i % 3 == 0: a number that takes texts and SMS consent; i % 3 == 1: a number without consent; i % 3 == 2:
//    no number. Only the first may be texted: the others' text step is skipped and logged;
//  - clickers ((i * 7 + 3) % 5 < 2, 40 %): a person's click on the first email is written into
//    tracking_events as lux-tracker's sync writes it, once that email went out (or 15 s after it was
//    queued: a delivery held up by a kill must not change the path; the click has to come before the
//    one-minute wait ends, and this test looks every quarter of a second).
// They enter in kWaves waves through the tag_added trigger: the test tags them with one SQL statement
// per wave and the database's own triggers write the signals the engine consumes.
//
// The kills: at random moments (0.2 to 2.5 s into a run while the scheduler has something it can do,
// 2 to 8 s when it has nothing), between two of the engine's transactions while it takes a wave in
// (when the polling catches it), and once in the middle of each send step's sending (after a random
// share of what was pending went out), so every hidden campaign's job is interrupted at least once
// with requests in flight. A killed scheduler's job lease runs out two minutes later
// (CampaignRunner::kLeaseMs) before another scheduler may take that job, by design, so a job is
// interrupted at most once: each further kill in its sending would add another two minutes. That
// lease, not the number of contacts, sets the run time: about 3.5 minutes whatever the size.
//
// LUX_CRASH_SEED changes the kills' randomness (and the fakes' faults); each run prints its seed.
#include "automations/engine.h"
#include "fakegraph.h"
#include "faketwilio.h"
#include "sendingseed.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <optional>

using lux::fakes::FakeGraph;
using lux::fakes::FakeTwilio;

namespace {

// About 3.5 minutes on two cores, most of it the one-minute wait and the two-minute lease a kill
// leaves; LUX_CRASH_CONTACTS=10000 for the size.
constexpr int kDefaultContacts = 2000;
constexpr int kMinContacts = 200; // fewer, and the sending is over before a kill can land in it
constexpr int kWaves = 2; // each more than one of the engine's transactions at the default size
constexpr qint64 kClickFallbackMs = 15'000;

const QString kMailbox = QStringLiteral("news@acme.example");
const QString kSender = QStringLiteral("+12015550100");
const QString kAccount = QStringLiteral("AC") + QString(32, u'a');
const QString kToken = QStringLiteral("twilio-auth-token-for-tests");
const QString kStartTag = QStringLiteral("crash-start");
const QString kDoneTag = QStringLiteral("crash-done");

// How long the run may take before the test says it is stuck: generous, progress is what it waits for.
qint64 deadlineMs(int contacts)
{
    return 8 * 60'000 + qint64(contacts) * 60;
}

int contactCount()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("LUX_CRASH_CONTACTS", &ok);
    return ok && n > 0 ? n : kDefaultContacts;
}

quint32 seedValue()
{
    bool ok = false;
    const int s = qEnvironmentVariableIntValue("LUX_CRASH_SEED", &ok);
    return ok ? quint32(s) : 19u;
}

bool textable(int i) { return i % 3 == 0; }
bool hasPhone(int i) { return i % 3 != 2; }
bool clicks(int i) { return (i * 7 + 3) % 5 < 2; }
QString phone(int i) { return QStringLiteral("+1973%1").arg(5550000 + i); }
QString emailOf(int i) { return QStringLiteral("r%1@example.com").arg(i); }
QString welcomeSubject(int i) { return QStringLiteral("Welcome, R%1").arg(i); }
QString followUpSubject(int i) { return QStringLiteral("Follow-up, R%1").arg(i); }
QString textBody(int i) { return QStringLiteral("Acme: Hi R%1, thanks for the click.").arg(i); }

// Quiet hours hold no text back in daytimeZone() (testsupport.h).
using lux::test::daytimeZone;

// The journey a contact's path calls for, as (step, what) in order.
QStringList expectedJourney(int i)
{
    QStringList lines{QStringLiteral("welcome entered"), QStringLiteral("welcome sent"), QStringLiteral("pause waiting")};
    if (clicks(i))
        lines << QStringLiteral("clicked yes") << (textable(i) ? QStringLiteral("text sent") : QStringLiteral("text skipped"));
    else
        lines << QStringLiteral("clicked no");
    lines << QStringLiteral("tag tagged") << QStringLiteral("followup sent") << QStringLiteral("followup done");
    return lines;
}

// Where the work stands, as the database says.
struct Progress
{
    qint64 signals = 0, enrolled = 0, active = 0, due = 0;
    QHash<qint64, qint64> open; // hidden campaign → rows pending, sending or unknown
    qint64 unknown = 0;
    QSet<qint64> stalled; // campaigns whose send job a killed scheduler's lease still holds
    qint64 openRows(bool claimable = false) const
    {
        qint64 n = 0;
        for (auto it = open.cbegin(); it != open.cend(); ++it)
            if (!claimable || !stalled.contains(it.key()))
                n += it.value();
        return n;
    }
    // Something the running scheduler can do now: signals, due steps, rows of a job it may take.
    bool busy() const { return signals > 0 || due > 0 || openRows(true) > 0; }
    QString describe() const
    {
        QStringList parts;
        for (auto it = open.cbegin(); it != open.cend(); ++it)
            parts << QStringLiteral("%1:%2").arg(it.key()).arg(it.value());
        QStringList held;
        for (qint64 c : stalled)
            held << QString::number(c);
        held.sort();
        return QStringLiteral("signals %1, enrolled %2, active %3 (due %4), open rows {%5}, unknown %6, jobs held by a dead lease {%7}")
            .arg(signals)
            .arg(enrolled)
            .arg(active)
            .arg(due)
            .arg(parts.join(u' '))
            .arg(unknown)
            .arg(held.join(u' '));
    }
};

} // namespace

class TestAutomationCrash : public QObject
{
    Q_OBJECT
public:
    TestAutomationCrash()
    {
        // Qt Test's watchdog ends a test function after five minutes; this one waits for progress
        // itself, up to its own deadline (read before the first test function starts).
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(deadlineMs(contactCount()) + 120'000));
    }

private Q_SLOTS:
    void sixStepsExactlyOnceUnderKills();

private:
    int luxctl(const QStringList &args, QByteArray *out = nullptr);
    QProcessEnvironment environment() const;
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    bool exec(const QString &sql, const QVariantList &binds = {});
    // `owner`: the scheduler running now, whose leases are alive.
    Progress progress(qint64 automation, const QList<qint64> &campaigns, const QString &owner = {});
    std::optional<qint64> heldJob(const QString &owner); // the campaign whose send job `owner` holds

    std::unique_ptr<lux::test::TestEnvironment> m_env;
    QString m_db;
    QSqlDatabase m_sql;
    QByteArray m_keys = lux::tracking::KeyRing::generate(1);
};

QProcessEnvironment TestAutomationCrash::environment() const
{
    QProcessEnvironment env = lux::test::luxctlEnvironment(*m_env, m_db);
    env.insert(QStringLiteral("LUX_SECRET_TWILIO_AUTH_TOKEN"), kToken);
    env.insert(QStringLiteral("LUX_SECRET_TRACKING_KEYS"), QString::fromLatin1(m_keys));
    return env;
}

int TestAutomationCrash::luxctl(const QStringList &args, QByteArray *out)
{
    return lux::test::runProcess(QStringLiteral(LUXCTL_PATH), args, environment(), out);
}

QVariant TestAutomationCrash::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_sql);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

bool TestAutomationCrash::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_sql);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

Progress TestAutomationCrash::progress(qint64 automation, const QList<qint64> &campaigns, const QString &owner)
{
    Progress p;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    p.signals = scalar(QStringLiteral("SELECT count(*) FROM automation_signals")).toLongLong();
    QSqlQuery q(m_sql);
    q.prepare(QStringLiteral("SELECT count(*), coalesce(sum(state = 'active'), 0), coalesce(sum(state = 'active' AND due_at <= ?), 0) "
                             "FROM automation_enrollments WHERE automation_id = ?"));
    q.addBindValue(now);
    q.addBindValue(automation);
    if (q.exec() && q.next()) {
        p.enrolled = q.value(0).toLongLong();
        p.active = q.value(1).toLongLong();
        p.due = q.value(2).toLongLong();
    }
    q.finish();
    QStringList ids;
    for (qint64 c : campaigns)
        ids << QString::number(c);
    if (q.exec(QStringLiteral("SELECT campaign_id, count(*), coalesce(sum(state = 'unknown'), 0) FROM outbox WHERE campaign_id IN (%1) "
                              "AND state IN ('pending', 'sending', 'unknown') GROUP BY campaign_id")
                   .arg(ids.join(u','))))
        while (q.next()) {
            p.open.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
            p.unknown += q.value(2).toLongLong();
        }
    q.finish();
    q.prepare(QStringLiteral("SELECT campaign_id FROM jobs WHERE done_at IS NULL AND lease_until > ? AND lease_owner <> ?"));
    q.addBindValue(now);
    q.addBindValue(owner.isNull() ? QStringLiteral("") : owner); // a null QString binds NULL, which nothing is unequal to
    if (q.exec())
        while (q.next())
            p.stalled.insert(q.value(0).toLongLong());
    return p;
}

std::optional<qint64> TestAutomationCrash::heldJob(const QString &owner)
{
    QSqlQuery q(m_sql);
    q.prepare(QStringLiteral("SELECT campaign_id FROM jobs WHERE lease_owner = ? AND lease_until > ? AND done_at IS NULL LIMIT 1"));
    q.addBindValue(owner);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

void TestAutomationCrash::sixStepsExactlyOnceUnderKills()
{
    const int n = contactCount();
    QVERIFY2(n >= kMinContacts, qPrintable(QStringLiteral("LUX_CRASH_CONTACTS is at least %1").arg(kMinContacts)));
    const quint32 seed = seedValue();
    qInfo("%d contacts, seed %u", n, seed);
    QElapsedTimer total;
    total.start();
    m_env = std::make_unique<lux::test::TestEnvironment>();
    m_db = m_env->path(QStringLiteral("flows.sqlite"));

    // The providers, failing as the real ones do.
    FakeGraph graph;
    QVERIFY(graph.listen());
    FakeGraph::Limits limits;
    limits.requestsPerWindow = 1'000'000; // far past Exchange's pace here: the request budget is raised to match
    graph.setLimits(limits);
    FakeGraph::Faults gf;
    gf.latencyMs = 1;
    gf.retryAfterSeconds = 0;
    gf.serviceUnavailable = 0.04;
    gf.throttled = 0.04;
    gf.dropConnection = 0.02;
    gf.loseAnswer = 0.02;
    graph.setFaults(gf);
    graph.setSeed(seed);
    FakeTwilio twilio;
    QVERIFY(twilio.listen());
    twilio.setCredentials(kAccount, kToken);
    twilio.setNumbers({kSender});
    twilio.setConcurrency(1000);
    FakeTwilio::Faults tf;
    tf.latencyMs = 1;
    tf.serverError = 0.03;
    tf.throttled = 0.03;
    tf.dropConnection = 0.02;
    tf.loseAnswer = 0.02;
    twilio.setFaults(tf);
    twilio.setSeed(seed);
    FakeTwilio::Lifecycle lifecycle;
    lifecycle.callbackRetries = 0; // its receipts go to a tracker that is not there (below)
    twilio.setLifecycle(lifecycle);

    // The database: contacts, the template, the brand kit, the sender mailbox and Graph (SendingSeed),
    // then the numbers and zones (filled into those contacts), Twilio and its sending number.
    lux::test::SendingSeed setup;
    setup.recipients = n;
    setup.templateHtml = "<p>Hi {{first_name}}</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>";
    setup.subject = QStringLiteral("Hello");
    setup.preheader = QStringLiteral("News");
    setup.sender = kMailbox;
    setup.perMinute = 1'000'000;
    setup.perDay = 1'000'000;
    setup.graphUrl = graph.baseUrl().toString();
    // Links and Twilio's receipts go to a tracker that is not there: refused at once on loopback
    // (a name like t.example would keep a resolver thread waiting for a DNS answer).
    setup.trackerUrl = QStringLiteral("http://127.0.0.1:9");
    const lux::Status seeded = lux::test::seedSendingDatabase([this](const QStringList &args) { return luxctl(args); }, m_env->dir(), setup);
    QVERIFY2(seeded, lux::test::errorText(seeded).constData());
    const QString zone = daytimeZone();
    QByteArray consented = "email,first_name,phone,time_zone\n", unconsented = consented;
    int textables = 0;
    for (int i = 0; i < n; ++i) {
        if (!hasPhone(i))
            continue;
        (textable(i) ? consented : unconsented) += QStringLiteral("%1,R%2,%3,%4\n").arg(emailOf(i)).arg(i).arg(phone(i), zone).toUtf8();
        textables += textable(i);
    }
    QVERIFY(lux::test::writeFile(m_env->path(QStringLiteral("consented.csv")), consented));
    QVERIFY(lux::test::writeFile(m_env->path(QStringLiteral("unconsented.csv")), unconsented));
    QByteArray imported;
    QCOMPARE(luxctl({QStringLiteral("contacts"), QStringLiteral("import"), m_env->path(QStringLiteral("consented.csv")), QStringLiteral("--on-duplicate"),
                     QStringLiteral("fill"), QStringLiteral("--sms-consent"),
                     QStringLiteral("Yes, text me Acme's offers. Reply STOP to stop."), QStringLiteral("--json")},
                    &imported),
             0);
    QVERIFY2(QJsonDocument::fromJson(imported).object().value(QStringLiteral("sms_consents")).toInt() == textables, imported.constData());
    QCOMPARE(luxctl({QStringLiteral("contacts"), QStringLiteral("import"), m_env->path(QStringLiteral("unconsented.csv")), QStringLiteral("--on-duplicate"),
                     QStringLiteral("fill")}),
             0);
    for (const auto &[key, value] : {std::pair{QStringLiteral("twilio.account_sid"), kAccount},
                                     std::pair{QStringLiteral("twilio.base_url"), twilio.baseUrl().toString()},
                                     std::pair{QStringLiteral("sms.sender_name"), QStringLiteral("Acme")}})
        QCOMPARE(luxctl({QStringLiteral("settings"), QStringLiteral("set"), key, value}), 0);
    // Paced (a hundred texts a second), so the text step's sending lasts long enough to be killed in.
    QCOMPARE(luxctl({QStringLiteral("sms"), QStringLiteral("sender"), QStringLiteral("add"), kSender, QStringLiteral("--per-second"),
                     QStringLiteral("100"), QStringLiteral("--concurrency"), QStringLiteral("4")}),
             0);

    m_sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("crash"));
    m_sql.setDatabaseName(m_db);
    QVERIFY(m_sql.open());
    QVERIFY(exec(QStringLiteral("PRAGMA busy_timeout = 60000")));
    const qint64 templateId = scalar(QStringLiteral("SELECT id FROM templates WHERE name = 'T'")).toLongLong();
    QVERIFY(templateId > 0);

    // The workflow, imported and published with luxctl.
    const QJsonObject flow{
        {QStringLiteral("name"), QStringLiteral("Crash")},
        {QStringLiteral("trigger"), QJsonObject{{QStringLiteral("type"), QStringLiteral("tag_added")}, {QStringLiteral("tag"), kStartTag}}},
        {QStringLiteral("steps"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), QStringLiteral("welcome")},
                         {QStringLiteral("type"), QStringLiteral("email")},
                         {QStringLiteral("template"), templateId},
                         {QStringLiteral("subject"), QStringLiteral("Welcome, {{first_name}}")},
                         {QStringLiteral("from"), kMailbox},
                         {QStringLiteral("next"), QStringLiteral("pause")}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("pause")},
                         {QStringLiteral("type"), QStringLiteral("wait")},
                         {QStringLiteral("duration"), QStringLiteral("1m")},
                         {QStringLiteral("next"), QStringLiteral("clicked")}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("clicked")},
                         {QStringLiteral("type"), QStringLiteral("condition")},
                         {QStringLiteral("if"), QJsonObject{{QStringLiteral("type"), QStringLiteral("engagement")}, {QStringLiteral("event"), QStringLiteral("clicked")}}},
                         {QStringLiteral("yes"), QStringLiteral("text")},
                         {QStringLiteral("no"), QStringLiteral("tag")}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("text")},
                         {QStringLiteral("type"), QStringLiteral("sms")},
                         {QStringLiteral("text"), QStringLiteral("Acme: Hi {{first_name}}, thanks for the click.")},
                         {QStringLiteral("from"), kSender},
                         {QStringLiteral("next"), QStringLiteral("tag")}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("tag")},
                         {QStringLiteral("type"), QStringLiteral("tag")},
                         {QStringLiteral("add"), QJsonArray{kDoneTag}},
                         {QStringLiteral("next"), QStringLiteral("followup")}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("followup")},
                         {QStringLiteral("type"), QStringLiteral("email")},
                         {QStringLiteral("template"), templateId},
                         {QStringLiteral("subject"), QStringLiteral("Follow-up, {{first_name}}")},
                         {QStringLiteral("from"), kMailbox}},
         }}};
    QVERIFY(lux::test::writeFile(m_env->path(QStringLiteral("flow.json")), QJsonDocument(flow).toJson()));
    QByteArray out;
    QCOMPARE(luxctl({QStringLiteral("automation"), QStringLiteral("import"), m_env->path(QStringLiteral("flow.json")), QStringLiteral("--json")}, &out), 0);
    const qint64 automation = QJsonDocument::fromJson(out).object().value(QStringLiteral("id")).toInteger();
    QVERIFY2(automation > 0, out.constData());
    QCOMPARE(luxctl({QStringLiteral("automation"), QStringLiteral("publish"), QString::number(automation), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("version")).toInt(), 1);
    QHash<QString, qint64> campaignOf; // send step → its hidden campaign
    {
        QSqlQuery q(m_sql);
        q.prepare(QStringLiteral("SELECT step, campaign_id FROM automation_campaigns WHERE automation_id = ? AND version = 1"));
        q.addBindValue(automation);
        QVERIFY(q.exec());
        while (q.next())
            campaignOf.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    QCOMPARE(campaignOf.size(), 3);
    const qint64 welcome = campaignOf.value(QStringLiteral("welcome")), text = campaignOf.value(QStringLiteral("text")),
                 followUp = campaignOf.value(QStringLiteral("followup"));
    const QList<qint64> hidden{welcome, text, followUp};

    // Who is who: contact id → i; the clickers in a table of this connection only.
    QHash<qint64, int> indexOf;
    {
        QSqlQuery q(m_sql);
        QVERIFY(q.exec(QStringLiteral("SELECT id, email FROM contacts")));
        while (q.next()) {
            const QString address = q.value(1).toString();
            bool ok = false;
            const int i = address.mid(1, address.indexOf(u'@') - 1).toInt(&ok);
            QVERIFY2(ok && address == emailOf(i), qPrintable(address));
            indexOf.insert(q.value(0).toLongLong(), i);
        }
    }
    QCOMPARE(indexOf.size(), n);
    QVERIFY(exec(QStringLiteral("CREATE TEMP TABLE clickers (contact_id INTEGER PRIMARY KEY)")));
    QVERIFY(m_sql.transaction());
    int clickers = 0;
    for (auto it = indexOf.cbegin(); it != indexOf.cend(); ++it)
        if (clicks(it.value())) {
            QVERIFY(exec(QStringLiteral("INSERT INTO temp.clickers (contact_id) VALUES (?)"), {it.key()}));
            ++clickers;
        }
    QVERIFY(m_sql.commit());
    QVERIFY(exec(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, ?)"), {kStartTag, QDateTime::currentMSecsSinceEpoch()}));
    const qint64 startTag = scalar(QStringLiteral("SELECT id FROM tags WHERE name = ?"), {kStartTag}).toLongLong();
    QVERIFY(startTag > 0);
    qInfo("set up in %.1f s: %d clickers, %d textable, zone %s", double(total.elapsed()) / 1000, clickers, textables, qPrintable(zone));

    // What the fakes accepted so far, per hidden campaign (the subjects tell the two emails apart).
    qsizetype graphSeen = 0, twilioSeen = 0;
    QHash<qint64, qint64> delivered;
    const auto tally = [&] {
        const QList<FakeGraph::Message> &mails = graph.accepted();
        for (; graphSeen < mails.size(); ++graphSeen)
            ++delivered[mails.at(graphSeen).subject.startsWith(QLatin1String("Welcome")) ? welcome : followUp];
        const QList<FakeTwilio::Message> &texts = twilio.messages();
        for (; twilioSeen < texts.size(); ++twilioSeen)
            if (texts.at(twilioSeen).direction == QLatin1String("outbound-api"))
                ++delivered[text];
    };
    // A person clicks the first email once it went out (or soon after it was queued, see above).
    // Looked for first: a write waits for the scheduler's transactions, and this test must not stall
    // its polling behind them for nothing.
    const auto click = [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString rows = QStringLiteral("FROM outbox o WHERE o.campaign_id = ? AND o.contact_id IN (SELECT contact_id FROM temp.clickers) "
                                            "AND (o.state = 'sent' OR o.queued_at < ?) "
                                            "AND NOT EXISTS (SELECT 1 FROM tracking_events t WHERE t.outbox_id = o.id AND t.kind = 'click')");
        if (!scalar(QStringLiteral("SELECT EXISTS (SELECT 1 ") + rows + u')', {welcome, now - kClickFallbackMs}).toBool())
            return true;
        return exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, at) "
                                   "SELECT 1000000000 + o.id, 'click', o.campaign_id, o.id, o.contact_id, ? ")
                        + rows,
                    {now, welcome, now - kClickFallbackMs});
    };

    // Run, kill, start again.
    QRandomGenerator random(seed);
    const qint64 deadline = deadlineMs(n);
    int wave = 0, kills = 0, rounds = 0, killsWithEngineWork = 0, killsInEngineTurns = 0, killsWhileIdle = 0;
    qint64 inDoubt = 0; // rows a kill left `sending`: a request was in flight or its answer not yet written
    QHash<qint64, int> interrupted; // hidden campaign → kills while its job ran
    QStringList notices;
    bool complete = false;
    while (!complete) {
        QVERIFY2(total.elapsed() < deadline, qPrintable(QStringLiteral("not through in time: %1").arg(progress(automation, hidden).describe())));
        qint64 waveSignals = 0;
        if (wave < kWaves) {
            // The next share of the contacts gets the trigger's tag: one statement, as a bulk tagging does.
            QVERIFY(exec(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT ?, id FROM contacts WHERE id % ? = ?"),
                         {startTag, kWaves, wave}));
            ++wave;
            waveSignals = scalar(QStringLiteral("SELECT count(*) FROM automation_signals")).toLongLong();
        }
        ++rounds;
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(LUXCTL_PATH), {QStringLiteral("scheduler"), QStringLiteral("run")});
        QVERIFY(p.waitForStarted());
        const QString owner = QStringLiteral("luxctl-%1").arg(p.processId());
        QElapsedTimer ran;
        ran.start();
        qint64 killAt = 200 + random.bounded(2300);
        std::optional<qint64> targetCampaign;
        qint64 target = 0;
        bool midTurn = false, postponed = false;
        Progress last = progress(automation, hidden, owner);
        for (int tick = 1;; ++tick) {
            QTest::qWait(waveSignals > 0 ? 5 : 25); // closer while the engine takes a wave in
            QVERIFY2(total.elapsed() < deadline, qPrintable(QStringLiteral("not through in time: %1").arg(progress(automation, hidden).describe())));
            if (p.state() == QProcess::NotRunning)
                QFAIL(qPrintable(QStringLiteral("luxctl scheduler run ended by itself (exit %1): %2 %3")
                                     .arg(p.exitCode())
                                     .arg(QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()))));
            tally();
            // In the middle of the engine's entries, when it takes them in more than one transaction.
            if (waveSignals > lux::automations::Engine::kBatch) {
                const qint64 left = scalar(QStringLiteral("SELECT count(*) FROM automation_signals")).toLongLong();
                midTurn = left > 0 && left < waveSignals;
                if (left == 0)
                    waveSignals = 0;
            }
            const std::optional<qint64> held = heldJob(owner);
            // Once per send step, a kill in the middle of its sending: after a random share of what waits.
            if (held && !interrupted.contains(*held) && targetCampaign != held) {
                const qint64 waiting = scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND state IN ('pending', 'sending')"), {*held})
                                           .toLongLong();
                targetCampaign = held;
                target = delivered.value(*held) + 1 + random.bounded(int(std::max<qint64>(1, waiting / 2)));
            }
            if (tick % 10 == 0) {
                QVERIFY(click());
                last = progress(automation, hidden, owner);
                if (wave == kWaves && last.enrolled == n && last.active == 0 && last.signals == 0 && last.openRows() == 0) {
                    complete = true;
                    break;
                }
            }
            const bool midSend = targetCampaign && held == targetCampaign && delivered.value(*targetCampaign) >= target;
            // A random moment, unless it would interrupt a job a second time (see above).
            bool timeUp = ran.elapsed() >= killAt && (!held || !interrupted.contains(*held));
            if (timeUp && !held && !last.busy() && !postponed) {
                killAt = ran.elapsed() + 2000 + random.bounded(6000); // nothing to do now: a little later
                timeUp = false;
                postponed = true;
            }
            if (midSend || timeUp || midTurn)
                break;
        }
        QSignalSpy finished(&p, &QProcess::finished);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(finished.wait(30'000));
        for (const QByteArray &line : p.readAllStandardError().split('\n'))
            if (!line.trimmed().isEmpty() && notices.size() < 200)
                notices << QString::fromUtf8(line);
        if (complete)
            break; // idle: not a crash worth counting
        ++kills;
        // What it left: the job it held at its death (its lease outlives it), rows in doubt, the engine's work.
        const std::optional<qint64> died = heldJob(owner);
        const Progress after = progress(automation, hidden);
        qint64 sending = 0;
        if (died) {
            ++interrupted[*died];
            sending = scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND state = 'sending'"), {*died}).toLongLong();
            inDoubt += sending;
        } else if (after.signals > 0 || after.due > 0) {
            ++killsWithEngineWork;
            killsInEngineTurns += midTurn;
        } else if (!after.busy()) {
            ++killsWhileIdle;
        }
        qInfo("%6.1f s: kill %d after %lld ms%s; %s", double(total.elapsed()) / 1000, kills, qint64(ran.elapsed()),
              died ? qPrintable(QStringLiteral(" in campaign %1's sending (%2 in doubt)").arg(*died).arg(sending)) : "", qPrintable(after.describe()));
    }

    // A last run that ends by itself once nothing is due.
    QCOMPARE(luxctl({QStringLiteral("scheduler"), QStringLiteral("run"), QStringLiteral("--until-idle"), QStringLiteral("--json")}, &out), 0);
    tally();
    const qint64 elapsed = total.elapsed();
    qInfo("%d contacts through in %.1f s: %d rounds, %d kills (%d in a send step's sending, %lld rows in doubt; %d with the engine's work "
          "waiting, %d of them between its transactions of one turn; %d idle); Graph: %d requests for %d messages; Twilio: %d requests, %d 5xx, "
          "%d 429, %d dropped, %d answers lost",
          n, double(elapsed) / 1000, rounds, kills, interrupted.value(welcome) + interrupted.value(text) + interrupted.value(followUp), inDoubt,
          killsWithEngineWork, killsInEngineTurns, killsWhileIdle, graph.requestCount(), int(graph.accepted().size()), twilio.stats().requests,
          twilio.stats().serverErrors, twilio.stats().injected429, twilio.stats().dropped, twilio.stats().lost);
    notices.removeDuplicates();
    for (const QString &notice : std::as_const(notices).first(std::min<qsizetype>(notices.size(), 20)))
        qInfo("luxctl said: %s", qPrintable(notice));
    // Each send step's job was killed in its sending.
    for (const auto &[step, campaign] : {std::pair{"welcome", welcome}, std::pair{"text", text}, std::pair{"followup", followUp}})
        QVERIFY2(interrupted.value(campaign) >= 1, qPrintable(QStringLiteral("the %1 step's sending was killed").arg(QLatin1String(step))));
    QVERIFY(kills >= 6);

    // Every enrollment done, each contact once; nothing left to do.
    QSqlQuery q(m_sql);
    q.prepare(QStringLiteral("SELECT count(*), count(DISTINCT contact_id), coalesce(sum(state = 'done'), 0) FROM automation_enrollments WHERE automation_id = ?"));
    q.addBindValue(automation);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), n);
    QCOMPARE(q.value(1).toInt(), n);
    QCOMPARE(q.value(2).toInt(), n);
    q.finish();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM automation_signals")).toInt(), 0);

    // Each journey: every step of the contact's path once, in order, seq counting 1, 2, 3…
    QHash<QString, QString> stepOf; // "enrollment.seq" of a "sent" line → its step
    {
        QHash<int, QStringList> journeys;
        QHash<int, int> lastSeq;
        QVERIFY(q.exec(QStringLiteral("SELECT e.contact_id, e.id, j.seq, j.step, j.what FROM automation_journey j "
                                      "JOIN automation_enrollments e ON e.id = j.enrollment_id WHERE e.automation_id = %1 ORDER BY e.id, j.seq")
                           .arg(automation)));
        while (q.next()) {
            const int i = indexOf.value(q.value(0).toLongLong(), -1);
            QVERIFY(i >= 0);
            const int seq = q.value(2).toInt();
            QCOMPARE(seq, lastSeq.value(i) + 1);
            lastSeq[i] = seq;
            journeys[i] << q.value(3).toString() + u' ' + q.value(4).toString();
            if (q.value(4).toString() == u"sent")
                stepOf.insert(QStringLiteral("a%1.%2").arg(q.value(1).toLongLong()).arg(seq), q.value(3).toString());
        }
        q.finish();
        QCOMPARE(journeys.size(), n);
        for (int i = 0; i < n; ++i)
            QVERIFY2(journeys.value(i) == expectedJourney(i),
                     qPrintable(QStringLiteral("contact %1: %2, not %3").arg(i).arg(journeys.value(i).join(QStringLiteral(", ")),
                                                                                     expectedJourney(i).join(QStringLiteral(", ")))));
    }
    // The per-step counts, kept with the steps' runs, counted each run once.
    {
        const QHash<QString, std::pair<int, int>> expected{{QStringLiteral("welcome"), {n, 0}}, {QStringLiteral("pause"), {n, 0}},
                                                            {QStringLiteral("clicked"), {n, 0}}, {QStringLiteral("text"), {clickers, 0}},
                                                            {QStringLiteral("tag"), {n, 0}},     {QStringLiteral("followup"), {n, n}}};
        QHash<QString, std::pair<int, int>> counted;
        QVERIFY(q.exec(QStringLiteral("SELECT step, passed, ended FROM automation_step_stats WHERE automation_id = %1 AND version = 1").arg(automation)));
        while (q.next())
            counted.insert(q.value(0).toString(), {q.value(1).toInt(), q.value(2).toInt()});
        q.finish();
        QCOMPARE(counted, expected);
    }
    // The tag is on everyone.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?"), {kDoneTag}).toInt(), n);

    // The outbox: one row per "sent" line of the journeys (keyed by its enrollment and seq), every one
    // sent; nothing pending, sending, unknown or failed.
    int clickedAndTextable = 0;
    for (int i = 0; i < n; ++i)
        clickedAndTextable += clicks(i) && textable(i);
    QSet<QString> messageIds;
    {
        QHash<QString, int> states;
        QVERIFY(q.exec(QStringLiteral("SELECT campaign_id, contact_id, state, mail_key, message_id, channel FROM outbox WHERE campaign_id IN (%1, %2, %3)")
                           .arg(welcome)
                           .arg(text)
                           .arg(followUp)));
        int rows = 0;
        while (q.next()) {
            ++rows;
            ++states[q.value(2).toString()];
            const QString key = q.value(3).toString();
            const QString step = stepOf.value(key);
            QVERIFY2(!step.isEmpty() && campaignOf.value(step) == q.value(0).toLongLong(),
                     qPrintable(QStringLiteral("outbox row %1 of campaign %2 has no \"sent\" line of its step").arg(key).arg(q.value(0).toLongLong())));
            if (q.value(5).toString() == u"email")
                messageIds.insert(q.value(4).toString());
        }
        q.finish();
        QCOMPARE(rows, int(stepOf.size()));
        QCOMPARE(rows, 2 * n + clickedAndTextable);
        QCOMPARE(states, (QHash<QString, int>{{QStringLiteral("sent"), rows}}));
    }

    // The fake Graph: each contact's two emails, once each, and nothing else.
    {
        QHash<QString, QStringList> subjects;
        QSet<QString> accepted;
        for (const FakeGraph::Message &m : graph.accepted()) {
            QCOMPARE(m.recipients.size(), 1);
            QCOMPARE(m.mailbox.toLower(), kMailbox);
            subjects[m.recipients.first().toLower()] << m.subject;
            QVERIFY2(!accepted.contains(m.internetMessageId), qPrintable(QStringLiteral("twice: %1").arg(m.internetMessageId)));
            accepted.insert(m.internetMessageId);
        }
        QCOMPARE(subjects.size(), n);
        for (int i = 0; i < n; ++i) {
            QStringList got = subjects.value(emailOf(i));
            got.sort();
            QVERIFY2(got == (QStringList{followUpSubject(i), welcomeSubject(i)}),
                     qPrintable(QStringLiteral("%1 got: %2").arg(emailOf(i), got.join(QStringLiteral(" | ")))));
        }
        QCOMPARE(graph.accepted().size(), 2 * n);
        QCOMPARE(accepted, messageIds); // and each is the message of an outbox row
    }
    // The fake Twilio: one text to each clicker who may be texted, and none to anyone else.
    {
        QHash<QString, int> byNumber;
        for (int i = 0; i < n; ++i)
            byNumber.insert(phone(i), i);
        QSet<QString> texted;
        for (const FakeTwilio::Message &m : twilio.messages()) {
            if (m.direction != QLatin1String("outbound-api"))
                continue;
            QVERIFY2(!texted.contains(m.to), qPrintable(QStringLiteral("twice: %1").arg(m.to)));
            texted.insert(m.to);
            QCOMPARE(m.from, kSender);
            const int i = byNumber.value(m.to, -1);
            QVERIFY2(i >= 0 && clicks(i) && textable(i), qPrintable(QStringLiteral("a text its path does not call for: %1").arg(m.to)));
            QVERIFY2(m.body.startsWith(textBody(i)), qPrintable(m.body));
        }
        QCOMPARE(int(texted.size()), clickedAndTextable);
    }

    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY2(!q.next(), "no foreign key problems");
    q.finish();
    QCOMPARE(luxctl({QStringLiteral("automation"), QStringLiteral("status"), QString::number(automation), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("done")).toInteger(), qint64(n));
    m_sql.close();
    m_sql = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("crash"));
}

LUX_TEST_MAIN(TestAutomationCrash, QCoreApplication)
#include "tst_automationcrash.moc"
