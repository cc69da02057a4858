// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine.h"

#include "automations/automationstore.h"
#include "automations/interpreter.h"
#include "campaigns/jobstore.h"
#include "campaigns/reach.h"
#include "common/errorcodes.h"
#include "contacts/segment.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <limits>
#include <unordered_map>

namespace lux::automations {

bool mayEnter(const Flow &flow, const EntryHistory &history, qint64 now)
{
    switch (flow.entry) {
    case EntryRule::Once: return !history.any;
    case EntryRule::AgainAfterExit:
        return !history.active && (!history.any || now - history.lastEndedAt >= qint64(flow.reentryGapMinutes) * 60'000);
    case EntryRule::AnyTime: return true;
    }
    return false;
}

namespace {

// The contact columns a condition or a set-field step may name (anything else is a custom field).
const QStringList kColumns{QStringLiteral("email"),   QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("phone"),
                           QStringLiteral("company"), QStringLiteral("city"),       QStringLiteral("country"),   QStringLiteral("time_zone"),
                           QStringLiteral("language"), QStringLiteral("status"),    QStringLiteral("source")};
// Of those, what a workflow may set.
const QStringList kSettable{QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("company"), QStringLiteral("city"),
                            QStringLiteral("country"),    QStringLiteral("time_zone"), QStringLiteral("language")};

struct Key
{
    qint64 automation;
    int version;
    friend bool operator==(const Key &a, const Key &b) { return a.automation == b.automation && a.version == b.version; }
    friend size_t qHash(const Key &k, size_t seed = 0) { return qHashMulti(seed, k.automation, k.version); }
};

struct Workflow
{
    qint64 id = 0;
    bool active = false;
    int latest = 0;
};

struct Campaign
{
    qint64 id = 0;
    QString channel;
    QString domain; // of the sender, for Message-IDs
};

} // namespace

struct Engine::State
{
    QSqlDatabase db;
    Config config;
    Clock clock;
    // Read once per turn.
    QHash<qint64, Workflow> workflows;
    QHash<Key, std::shared_ptr<const Flow>> flows;
    QHash<QString, Campaign> campaigns;        // "automation:version:step"
    QHash<qint64, qint64> campaignAutomation;  // campaign → automation, for "opened one of its emails"
    QHash<QString, std::optional<contacts::CompiledSegment>> segments;
    QHash<QString, qint64> tagIds;             // lower-case name
    QSet<qint64> toSchedule;                   // hidden campaigns with new rows: their send job is due
    qint64 now = 0;
    QString nonce;
    // The hot path's statements, each prepared once per engine (SQLite's prepare costs more than
    // the statement's run).
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> statements;

    QSqlQuery &sql(const QString &text)
    {
        auto it = statements.find(text);
        if (it == statements.end()) {
            auto q = std::make_unique<QSqlQuery>(db);
            q->prepare(text);
            it = statements.emplace(text, std::move(q)).first;
        }
        it->second->finish();
        return *it->second;
    }
    QSqlQuery &journey()
    {
        return sql(QStringLiteral("INSERT INTO automation_journey (enrollment_id, seq, step, at, what, detail) VALUES (?, ?, ?, ?, ?, ?)"));
    }

    Result<std::shared_ptr<const Flow>> flow(qint64 automation, int version);
    Status load();
    Result<Campaign> campaign(qint64 automation, int version, const QString &step);
    Result<qint64> tagId(const QString &name);
};

namespace {

QString stepKey(qint64 automation, int version, const QString &step)
{
    return QStringLiteral("%1:%2:%3").arg(automation).arg(version).arg(step);
}

// The contact as conditions read it, from the database, each part when first asked.
class SqlContact final : public ContactView
{
public:
    SqlContact(Engine::State &s, qint64 contact, qint64 automation) : m_s(s), m_contact(contact), m_automation(automation) {}

    bool hasTag(const QString &tag) override
    {
        loadTags();
        return m_tags.contains(tag.toLower());
    }
    bool inSegment(const QString &name) override
    {
        auto it = m_s.segments.find(name.toLower());
        if (it == m_s.segments.end()) {
            std::optional<contacts::CompiledSegment> compiled;
            if (const auto saved = contacts::SegmentRepository(m_s.db).find(name); saved)
                if (auto c = contacts::Segment::compile(saved->rules, m_s.now); c)
                    compiled = *c;
            it = m_s.segments.insert(name.toLower(), compiled);
        }
        if (!*it)
            return false; // a segment deleted since: nobody is in it
        QSqlQuery q(m_s.db);
        q.prepare(QStringLiteral("SELECT 1 FROM contacts c WHERE c.id = ? AND ") + (*it)->where);
        q.addBindValue(m_contact);
        for (const QVariant &v : std::as_const((*it)->binds))
            q.addBindValue(v);
        return q.exec() && q.next();
    }
    QString field(const QString &name) override
    {
        loadRow();
        const QString key = name.toLower();
        if (m_row.contains(key))
            return m_row.value(key);
        return m_custom.value(name).toVariant().toString();
    }
    bool engaged(const QString &event, qint64 since) override
    {
        if (event != u"opened" && event != u"clicked")
            return happened(event, since, std::numeric_limits<qint64>::max());
        // Any email (not a text's link), by a person.
        QSqlQuery &q = m_s.sql(QStringLiteral("SELECT 1 FROM tracking_events t JOIN campaigns c ON c.id = t.campaign_id WHERE t.contact_id = ? "
                                              "AND t.machine = 0 AND t.at >= ? AND c.channel <> 'sms' AND (t.kind = 'click' OR ? = 'opened') LIMIT 1"));
        q.addBindValue(m_contact);
        q.addBindValue(since);
        q.addBindValue(event);
        const bool yes = q.exec() && q.next();
        q.finish();
        return yes;
    }
    bool happened(const QString &event, qint64 since, qint64 until) override
    {
        QSqlQuery *q = nullptr;
        if (event == u"opened" || event == u"clicked") {
            q = &m_s.sql(QStringLiteral("SELECT 1 FROM tracking_events t JOIN campaigns c ON c.id = t.campaign_id WHERE t.contact_id = ? "
                                        "AND t.machine = 0 AND t.at >= ? AND t.at <= ? AND c.automation_id = ? AND (t.kind = 'click' OR ? = 'opened') LIMIT 1"));
            q->addBindValue(m_contact);
            q->addBindValue(since);
            q->addBindValue(until);
            q->addBindValue(m_automation);
            q->addBindValue(event);
        } else if (event == u"registered") {
            q = &m_s.sql(QStringLiteral("SELECT 1 FROM event_registrations WHERE contact_id = ? AND registered_at >= ? AND registered_at <= ? LIMIT 1"));
            q->addBindValue(m_contact);
            q->addBindValue(since);
            q->addBindValue(until);
        } else if (event == u"replied") {
            q = &m_s.sql(QStringLiteral("SELECT 1 FROM inbound_messages WHERE contact_id = ? AND kind = 'reply' AND received_at >= ? "
                                        "AND received_at <= ? LIMIT 1"));
            q->addBindValue(m_contact);
            q->addBindValue(since);
            q->addBindValue(until);
        } else {
            return false;
        }
        const bool yes = q->exec() && q->next();
        q->finish();
        return yes;
    }
    QString timeZone() override { return field(QStringLiteral("time_zone")); }

    void tagged(const QStringList &add, const QStringList &remove)
    {
        loadTags();
        for (const QString &t : add)
            m_tags.insert(t.toLower());
        for (const QString &t : remove)
            m_tags.remove(t.toLower());
    }
    void fieldSet(const QString &name, const QString &value)
    {
        loadRow();
        if (kSettable.contains(name.toLower()))
            m_row.insert(name.toLower(), value);
        else
            m_custom.insert(name, value);
    }

private:
    void loadTags()
    {
        if (m_tagsLoaded)
            return;
        m_tagsLoaded = true;
        QSqlQuery &q = m_s.sql(QStringLiteral("SELECT lower(t.name) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ?"));
        q.addBindValue(m_contact);
        if (q.exec())
            while (q.next())
                m_tags.insert(q.value(0).toString());
        q.finish();
    }
    void loadRow()
    {
        if (m_rowLoaded)
            return;
        m_rowLoaded = true;
        QSqlQuery &q = m_s.sql(QStringLiteral("SELECT ") + kColumns.join(QStringLiteral(", ")) + QStringLiteral(", custom FROM contacts WHERE id = ?"));
        q.addBindValue(m_contact);
        if (q.exec() && q.next()) {
            for (int i = 0; i < kColumns.size(); ++i)
                m_row.insert(kColumns.at(i), q.value(i).toString());
            m_custom = QJsonDocument::fromJson(q.value(int(kColumns.size())).toString().toUtf8()).object();
        }
        q.finish();
    }

    Engine::State &m_s;
    qint64 m_contact;
    qint64 m_automation;
    bool m_tagsLoaded = false, m_rowLoaded = false;
    QSet<QString> m_tags;
    QHash<QString, QString> m_row;
    QJsonObject m_custom;
};

// What one enrollment's steps do, written in the transaction that records them.
class SqlEffects final : public Effects
{
public:
    SqlEffects(Engine::State &s, SqlContact &contact, qint64 enrollment, qint64 automation, int version, qint64 contactId)
        : m_s(s), m_contact(contact), m_enrollment(enrollment), m_automation(automation), m_version(version), m_contactId(contactId)
    {
    }

    QHash<QString, std::pair<qint64, qint64>> counts; // step → (passed, ended)
    QStringList notices;
    QSet<qint64> scheduled;

    Result<Sent> send(const Step &step, int seq) override
    {
        const auto campaign = m_s.campaign(m_automation, m_version, step.id);
        if (!campaign)
            return campaign.error();
        const campaigns::Reach r = campaigns::reach(campaign->channel);
        QSqlQuery q(m_s.db);
        // Whether the contact may get it now, and whether the suppression list holds the address.
        q.prepare(QStringLiteral("SELECT c.status, (%1) AND (%2), EXISTS (SELECT 1 FROM suppression s WHERE s.channel = ? AND s.address_key = %3) "
                                 "FROM contacts c WHERE c.id = ?")
                      .arg(r.reachable, r.textable, r.key));
        q.addBindValue(r.channel);
        q.addBindValue(m_contactId);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        if (!q.next())
            return Sent::Unreachable; // erased meanwhile
        const bool email = campaign->channel != u"sms";
        if (email && q.value(0).toString() != u"subscribed")
            return Sent::Unsubscribed;
        if (!q.value(1).toBool())
            return Sent::Unreachable;
        if (q.value(2).toBool())
            return Sent::Suppressed;
        q.finish();
        const int cap = email ? m_s.config.emailCap : m_s.config.smsCap;
        if (cap > 0) {
            // Marketing messages queued or sent to them on this channel in the last day (an event's
            // own mail is transactional and does not count).
            const qint64 since = m_s.now - 86'400'000;
            q.prepare(QStringLiteral("SELECT count(*) FROM outbox o WHERE o.contact_id = ? AND o.channel = ? "
                                     "AND o.state IN ('pending', 'sending', 'sent', 'unknown') AND (o.queued_at > ? OR o.attempted_at > ?) "
                                     "AND NOT EXISTS (SELECT 1 FROM campaigns k WHERE k.id = o.campaign_id AND k.event_id IS NOT NULL)"));
            q.addBindValue(m_contactId);
            q.addBindValue(campaign->channel);
            q.addBindValue(since);
            q.addBindValue(since);
            if (!q.exec() || !q.next())
                return storage::queryError(q, errc::dbRead);
            if (q.value(0).toInt() >= cap)
                return Sent::Capped;
            q.finish();
        }
        const QString mailKey = QStringLiteral("a%1.%2").arg(m_enrollment).arg(seq);
        const QString messageId = QStringLiteral("<lux.%1.%2@%3>").arg(mailKey, m_s.nonce, campaign->domain);
        q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, due_at, updated_at, "
                                 "mail_key, queued_at) SELECT ?, c.id, ?, %1, %2, 'pending', ?, ?, ?, ?, ? FROM contacts c WHERE c.id = ? "
                                 "ON CONFLICT (campaign_id, address_key, mail_key) DO NOTHING")
                      .arg(r.address, r.key));
        for (const QVariant &v : QVariantList{campaign->id, campaign->channel, messageId, m_s.now, m_s.now, mailKey, m_s.now, m_contactId})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
        scheduled.insert(campaign->id);
        return Sent::Queued; // new, or found from an earlier run of this very step
    }
    Status tag(const QStringList &add, const QStringList &remove) override
    {
        for (const QString &name : add) {
            const auto id = m_s.tagId(name);
            if (!id)
                return id.error();
            QSqlQuery &q = m_s.sql(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
            q.addBindValue(*id);
            q.addBindValue(m_contactId);
            if (!q.exec())
                return storage::queryError(q);
        }
        for (const QString &name : remove) {
            QSqlQuery &q = m_s.sql(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = (SELECT id FROM tags WHERE lower(name) = lower(?))"));
            q.addBindValue(m_contactId);
            q.addBindValue(name);
            if (!q.exec())
                return storage::queryError(q);
        }
        m_contact.tagged(add, remove);
        return {};
    }
    Status setField(const QString &field, const QString &value) override
    {
        const QString column = field.toLower();
        if (kColumns.contains(column) && !kSettable.contains(column))
            return Error(errc::automationInput, Engine::tr("A workflow cannot change %1.").arg(field));
        // The column's name comes from the fixed list above, never from input.
        QSqlQuery &q = kSettable.contains(column)
                           ? m_s.sql(QStringLiteral("UPDATE contacts SET %1 = ?, updated_at = ? WHERE id = ?").arg(column))
                           : m_s.sql(QStringLiteral("UPDATE contacts SET custom = json_set(coalesce(custom, '{}'), '$.\"' || ? || '\"', ?), "
                                                    "updated_at = ? WHERE id = ?"));
        if (!kSettable.contains(column))
            q.addBindValue(QString(field).remove(u'"'));
        q.addBindValue(storage::notNull(value));
        q.addBindValue(m_s.now);
        q.addBindValue(m_contactId);
        if (!q.exec())
            return storage::queryError(q);
        m_contact.fieldSet(field, value);
        return {};
    }
    Status notify(const Step &step) override
    {
        QSqlQuery q(m_s.db);
        q.prepare(QStringLiteral("INSERT INTO audit_log (at, action, entity, entity_id, details) VALUES (?, 'automation.notify', 'contact', ?, ?)"));
        q.addBindValue(m_s.now);
        q.addBindValue(m_contactId);
        q.addBindValue(step.text);
        if (!q.exec())
            return storage::queryError(q);
        notices << step.text;
        return {};
    }
    Status log(int seq, const QString &step, const QString &what, const QString &detail) override
    {
        QSqlQuery &q = m_s.journey();
        q.addBindValue(m_enrollment);
        q.addBindValue(seq);
        q.addBindValue(step);
        q.addBindValue(m_s.now);
        q.addBindValue(what);
        q.addBindValue(storage::notNull(detail));
        if (!q.exec())
            return storage::queryError(q);
        return {};
    }
    void passed(const QString &step) override { ++counts[step].first; }

private:
    Engine::State &m_s;
    SqlContact &m_contact;
    qint64 m_enrollment, m_automation;
    int m_version;
    qint64 m_contactId;
};

} // namespace

Result<std::shared_ptr<const Flow>> Engine::State::flow(qint64 automation, int version)
{
    const Key key{automation, version};
    if (const auto it = flows.constFind(key); it != flows.constEnd())
        return *it;
    auto f = AutomationStore(db, clock).version(automation, version);
    if (!f)
        return f.error();
    auto shared = std::make_shared<const Flow>(std::move(*f));
    flows.insert(key, shared);
    return shared;
}

Status Engine::State::load()
{
    workflows.clear();
    segments.clear();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, status, version FROM automations WHERE version > 0 AND status IN ('active', 'paused')")))
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        workflows.insert(q.value(0).toLongLong(), Workflow{q.value(0).toLongLong(), q.value(1).toString() == u"active", q.value(2).toInt()});
    return {};
}

Result<Campaign> Engine::State::campaign(qint64 automation, int version, const QString &step)
{
    const QString key = stepKey(automation, version, step);
    if (const auto it = campaigns.constFind(key); it != campaigns.constEnd())
        return *it;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT c.id, c.channel, c.from_email FROM automation_campaigns a JOIN campaigns c ON c.id = a.campaign_id "
                             "WHERE a.automation_id = ? AND a.version = ? AND a.step = ?"));
    q.addBindValue(automation);
    q.addBindValue(version);
    q.addBindValue(step);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::automationNotFound, Engine::tr("The step “%1” has no campaign to send with.").arg(step));
    const QString from = q.value(2).toString();
    Campaign c{q.value(0).toLongLong(), q.value(1).toString(), from.contains(u'@') ? from.section(u'@', -1) : QStringLiteral("lux.invalid")};
    campaigns.insert(key, c);
    return c;
}

Result<qint64> Engine::State::tagId(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (const auto it = tagIds.constFind(key); it != tagIds.constEnd())
        return *it;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM tags WHERE lower(name) = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    qint64 id = 0;
    if (q.next()) {
        id = q.value(0).toLongLong();
    } else {
        q.finish();
        q.prepare(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, ?)"));
        q.addBindValue(name.trimmed());
        q.addBindValue(now);
        if (!q.exec())
            return storage::queryError(q);
        id = q.lastInsertId().toLongLong();
    }
    tagIds.insert(key, id);
    return id;
}

namespace {

// One enrollment as the engine reads it.
struct Row
{
    qint64 id = 0, automation = 0, contact = 0;
    int version = 0;
    Position pos;
};

constexpr const char *kRowColumns = "id, automation_id, version, contact_id, step, seq, waiting_for, wait_since, coalesce(due_at, 0)";

Row rowFrom(const QSqlQuery &q)
{
    Row r;
    r.id = q.value(0).toLongLong();
    r.automation = q.value(1).toLongLong();
    r.version = q.value(2).toInt();
    r.contact = q.value(3).toLongLong();
    r.pos.step = q.value(4).toString();
    r.pos.seq = q.value(5).toInt();
    r.pos.waitingFor = q.value(6).toString();
    r.pos.waitSince = q.value(7).toLongLong();
    r.pos.dueAt = q.value(8).toLongLong();
    return r;
}

// A savepoint around one enrollment's work: its failure undoes only its own part of the batch.
class Savepoint
{
public:
    explicit Savepoint(Engine::State &s, const char *name = "enrollment") : m_s(s), m_name(QString::fromLatin1(name))
    {
        m_ok = m_s.sql(QStringLiteral("SAVEPOINT ") + m_name).exec();
    }
    ~Savepoint()
    {
        if (m_ok && !m_done) {
            m_s.sql(QStringLiteral("ROLLBACK TO ") + m_name).exec();
            m_s.sql(QStringLiteral("RELEASE ") + m_name).exec();
            m_s.tagIds.clear(); // a tag made inside is gone: its id may be given to another
        }
    }
    bool ok() const { return m_ok; }
    bool release()
    {
        m_done = true;
        return m_s.sql(QStringLiteral("RELEASE ") + m_name).exec();
    }

private:
    Engine::State &m_s;
    QString m_name;
    bool m_ok = false, m_done = false;
};

// A write transaction taken at once (BEGIN IMMEDIATE): the engine reads, then writes, and another
// writer (the app's engine and luxctl's, an import) then waits its turn through the busy timeout
// instead of failing the upgrade from reading to writing.
class Immediate
{
public:
    explicit Immediate(Engine::State &s) : m_s(s)
    {
        QSqlQuery &q = m_s.sql(QStringLiteral("BEGIN IMMEDIATE"));
        m_open = q.exec();
        if (!m_open)
            m_error = q.lastError().text();
    }
    ~Immediate()
    {
        if (m_open)
            m_s.sql(QStringLiteral("ROLLBACK")).exec();
    }
    bool isOpen() const { return m_open; }
    Error beginError() const { return Error(errc::dbWrite, m_error); }
    Status commit()
    {
        QSqlQuery &q = m_s.sql(QStringLiteral("COMMIT"));
        if (!q.exec())
            return storage::queryError(q);
        m_open = false;
        return {};
    }

private:
    Engine::State &m_s;
    bool m_open = false;
    QString m_error;
};

} // namespace

Engine::Engine(QSqlDatabase db, Config config, Clock clock) : d(std::make_unique<State>())
{
    d->db = std::move(db);
    d->config = config;
    d->clock = std::move(clock);
    d->nonce = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
}

Engine::~Engine() = default;

namespace {

// Runs one enrollment's steps from where it stands (`how`: run, resume its wait, or reach a goal)
// and writes where it ends up, all inside the caller's savepoint.
enum class How { Run, Resume, Goal };

struct Outcome
{
    int steps = 0;
    bool moved = false;
    QHash<QString, std::pair<qint64, qint64>> counts;
    QStringList notices;
    QSet<qint64> scheduled;
};

Result<Outcome> advance(Engine::State &s, Row row, How how, const Step *goal = nullptr)
{
    const auto flow = s.flow(row.automation, row.version);
    if (!flow)
        return flow.error();
    SqlContact contact(s, row.contact, row.automation);
    SqlEffects effects(s, contact, row.id, row.automation, row.version, row.contact);
    Interpreter interpreter(**flow, row.contact);
    const int seqBefore = row.pos.seq;
    Result<Advance> a = how == How::Resume ? interpreter.resume(row.pos, contact, effects, s.now)
                        : how == How::Goal ? interpreter.reachGoal(row.pos, *goal, contact, effects, s.now)
                                           : interpreter.run(row.pos, contact, effects, s.now);
    if (!a)
        return a.error();
    Outcome out;
    out.steps = a->steps;
    if (row.pos.seq == seqBefore)
        return out; // nothing happened (a wait whose time has not come)
    QSqlQuery *update = nullptr;
    if (a->state == Advance::State::Waiting) {
        update = &s.sql(QStringLiteral("UPDATE automation_enrollments SET step = ?, seq = ?, waiting_for = ?, wait_since = ?, due_at = ? "
                                       "WHERE id = ? AND seq = ? AND state = 'active'"));
        QSqlQuery &q = *update;
        for (const QVariant &v : QVariantList{storage::notNull(row.pos.step), row.pos.seq, storage::notNull(row.pos.waitingFor), row.pos.waitSince,
                                              row.pos.dueAt, row.id, seqBefore})
            q.addBindValue(v);
    } else {
        effects.counts[a->endStep].second += 1;
        update = &s.sql(QStringLiteral("UPDATE automation_enrollments SET step = ?, seq = ?, waiting_for = '', due_at = NULL, state = ?, ended_at = ?, "
                                       "end_reason = ? WHERE id = ? AND seq = ? AND state = 'active'"));
        QSqlQuery &q = *update;
        for (const QVariant &v : QVariantList{storage::notNull(a->endStep), row.pos.seq,
                                              a->state == Advance::State::Done ? QStringLiteral("done") : QStringLiteral("exited"), s.now,
                                              a->code, row.id, seqBefore})
            q.addBindValue(v);
    }
    QSqlQuery &q = *update;
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1) // moved by another engine since it was read: its steps are undone
        return Error(errc::automationState, Engine::tr("Enrollment %1 moved meanwhile.").arg(row.id));
    out.moved = true;
    out.counts = std::move(effects.counts);
    out.notices = std::move(effects.notices);
    out.scheduled = std::move(effects.scheduled);
    return out;
}

} // namespace

namespace {

struct Batch
{
    QHash<QString, std::pair<qint64, qint64>> counts; // "automation:version:step"
    Engine::Turn *turn = nullptr;

    void add(const Row &row, const Outcome &o, QSet<qint64> &schedule)
    {
        for (auto it = o.counts.cbegin(); it != o.counts.cend(); ++it) {
            auto &c = counts[stepKey(row.automation, row.version, it.key())];
            c.first += it->first;
            c.second += it->second;
        }
        turn->notices << o.notices;
        turn->steps += o.steps;
        if (o.moved)
            ++turn->advanced;
        schedule.unite(o.scheduled);
    }
};

Status flushBatch(Engine::State &s, Batch &batch)
{
    QSqlQuery q(s.db);
    q.prepare(QStringLiteral("INSERT INTO automation_step_stats (automation_id, version, step, passed, ended) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (automation_id, version, step) DO UPDATE SET passed = passed + excluded.passed, ended = ended + excluded.ended"));
    for (auto it = batch.counts.cbegin(); it != batch.counts.cend(); ++it) {
        const QStringList parts = it.key().split(u':');
        q.addBindValue(parts.value(0).toLongLong());
        q.addBindValue(parts.value(1).toInt());
        q.addBindValue(parts.mid(2).join(u':'));
        q.addBindValue(it->first);
        q.addBindValue(it->second);
        if (!q.exec())
            return storage::queryError(q);
    }
    batch.counts.clear();
    campaigns::JobStore jobs(s.db, s.clock);
    for (qint64 campaign : std::as_const(s.toSchedule))
        if (Status st = jobs.scheduleSendWithin(campaign, s.now); !st)
            return st;
    s.toSchedule.clear();
    return {};
}

// A step that failed (undone by its savepoint): tried again in five minutes, and said once per
// workflow and turn (a problem, not a notification).
Status postpone(Engine::State &s, const Row &row, const Error &error, Engine::Turn &turn)
{
    QSqlQuery &later = s.sql(QStringLiteral("UPDATE automation_enrollments SET due_at = ? WHERE id = ? AND seq = ?"));
    later.addBindValue(s.now + 5 * 60'000);
    later.addBindValue(row.id);
    later.addBindValue(row.pos.seq);
    if (!later.exec())
        return storage::queryError(later);
    const QString problem = Engine::tr("Workflow %1: a step failed and is tried again in five minutes: %2").arg(row.automation).arg(error.message);
    if (!turn.problems.contains(problem))
        turn.problems << problem;
    return {};
}

// Enters the contact (the entry rules allowing) and runs the first steps when due now.
Result<std::optional<qint64>> enterWithin(Engine::State &s, const Workflow &w, qint64 contact, const QString &entryKey, qint64 dueAt,
                                          const QString &why, Batch &batch)
{
    const auto flow = s.flow(w.id, w.latest);
    if (!flow)
        return flow.error();
    QSqlQuery q(s.db);
    q.prepare(QStringLiteral("SELECT count(*), coalesce(max(state = 'active'), 0), coalesce(max(ended_at), 0) FROM automation_enrollments "
                             "WHERE contact_id = ? AND automation_id = ?"));
    q.addBindValue(contact);
    q.addBindValue(w.id);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    const EntryHistory history{q.value(0).toLongLong() > 0, q.value(1).toBool(), q.value(2).toLongLong()};
    q.finish();
    if (!mayEnter(**flow, history, s.now))
        return std::optional<qint64>();
    q.prepare(QStringLiteral("INSERT INTO automation_enrollments (automation_id, version, contact_id, step, seq, due_at, entered_at, entry_key) "
                             "SELECT ?, ?, id, ?, 1, ?, ?, ? FROM contacts WHERE id = ? ON CONFLICT (automation_id, contact_id, entry_key) DO NOTHING"));
    for (const QVariant &v : QVariantList{w.id, w.latest, (*flow)->start, dueAt, s.now, entryKey, contact})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() == 0)
        return std::optional<qint64>(); // entered by this very entry before, or no such contact
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO automation_journey (enrollment_id, seq, step, at, what, detail) VALUES (?, 1, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{id, (*flow)->start, s.now, QString::fromLatin1(journey::kEntered), storage::notNull(why)})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    ++batch.turn->entered;
    if (dueAt <= s.now && w.active) {
        Row row;
        row.id = id;
        row.automation = w.id;
        row.version = w.latest;
        row.contact = contact;
        row.pos.step = (*flow)->start;
        row.pos.seq = 1;
        row.pos.dueAt = dueAt;
        // The entry stands even when its first steps fail: they are undone alone and tried again
        // in five minutes, as a due step that fails is.
        Result<Outcome> o = Outcome{};
        {
            Savepoint steps(s, "steps");
            o = advance(s, row, How::Run);
            if (o)
                steps.release();
        }
        if (!o) {
            if (Status st = postpone(s, row, o.error(), *batch.turn); !st)
                return st.error();
        } else {
            batch.add(row, *o, s.toSchedule);
        }
    }
    return std::optional<qint64>(id);
}

bool triggers(const Trigger &t, const QString &kind, const QString &subject)
{
    switch (t.kind) {
    case TriggerKind::ContactCreated: return kind == u"created";
    case TriggerKind::TagAdded: return kind == u"tag" && subject.compare(t.tag, Qt::CaseInsensitive) == 0;
    case TriggerKind::EventRegistered:
        return kind == t.eventStatus && (t.event == 0 || subject.toLongLong() == t.event);
    case TriggerKind::EmailOpened: return kind == u"open" && (t.campaign == 0 || subject.toLongLong() == t.campaign);
    case TriggerKind::EmailClicked: return kind == u"click" && (t.campaign == 0 || subject.toLongLong() == t.campaign);
    case TriggerKind::SmsClicked: return kind == u"sms-click" && (t.campaign == 0 || subject.toLongLong() == t.campaign);
    case TriggerKind::SmsKeyword: return kind == u"keyword" && subject.compare(t.keyword, Qt::CaseInsensitive) == 0;
    case TriggerKind::SegmentEntered: // by membership, below
    case TriggerKind::Anniversary:
    case TriggerKind::Manual: return false;
    }
    return false;
}

QString describeSignal(const QString &kind, const QString &subject)
{
    if (kind == u"created")
        return Engine::tr("The contact was added.");
    if (kind == u"tag")
        return Engine::tr("Tagged “%1”.").arg(subject);
    if (kind == u"open")
        return Engine::tr("Opened an email.");
    if (kind == u"click")
        return Engine::tr("Clicked a link in an email.");
    if (kind == u"sms-click")
        return Engine::tr("Clicked a link in a text.");
    if (kind == u"keyword")
        return Engine::tr("Texted “%1”.").arg(subject);
    if (kind == u"registered" || kind == u"confirmed" || kind == u"attended")
        return Engine::tr("Event registration: %1.").arg(kind);
    return kind;
}

// One signal: entries, awaited events, goals and unsubscribes for its contact.
Status handleSignal(Engine::State &s, qint64 signalId, const QString &kind, qint64 contact, const QString &subject, qint64 at, Batch &batch)
{
    QSqlDatabase &db = s.db;
    // Entries.
    for (const Workflow &w : std::as_const(s.workflows)) {
        if (!w.active)
            continue;
        const auto flow = s.flow(w.id, w.latest);
        if (!flow)
            return flow.error();
        const Trigger &t = (*flow)->trigger;
        if (triggers(t, kind, subject)) {
            const auto entered = enterWithin(s, w, contact, QStringLiteral("s%1").arg(signalId), s.now, describeSignal(kind, subject), batch);
            if (!entered)
                return entered.error(); // the signal's savepoint undoes it (turn())
        } else if (t.kind == TriggerKind::SegmentEntered && (kind == u"changed" || kind == u"tag" || kind == u"created")) {
            SqlContact view(s, contact, w.id);
            const bool in = view.inSegment(t.segment);
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT 1 FROM automation_segment_members WHERE automation_id = ? AND contact_id = ?"));
            q.addBindValue(w.id);
            q.addBindValue(contact);
            if (!q.exec())
                return storage::queryError(q, errc::dbRead);
            const bool was = q.next();
            q.finish();
            if (in == was)
                continue;
            Savepoint sp(s);
            q.prepare(in ? QStringLiteral("INSERT INTO automation_segment_members (automation_id, contact_id) VALUES (?, ?)")
                         : QStringLiteral("DELETE FROM automation_segment_members WHERE automation_id = ? AND contact_id = ?"));
            q.addBindValue(w.id);
            q.addBindValue(contact);
            if (!q.exec())
                return storage::queryError(q);
            if (in) {
                const auto entered = enterWithin(s, w, contact, QStringLiteral("s%1").arg(signalId), s.now,
                                                 Engine::tr("Entered the segment “%1”.").arg(t.segment), batch);
                if (!entered)
                    return entered.error();
            }
            sp.release();
        }
    }
    // The contact's enrollments now: awaited events, goals, unsubscribes.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM automation_enrollments WHERE contact_id = ? AND state = 'active'").arg(QLatin1String(kRowColumns)));
    q.addBindValue(contact);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Row> rows;
    while (q.next())
        rows << rowFrom(q);
    q.finish();
    for (const Row &row : std::as_const(rows)) {
        const auto w = s.workflows.constFind(row.automation);
        if (w == s.workflows.constEnd() || !w->active)
            continue; // paused or archived: its waits see what happened at their timeout
        const auto flow = s.flow(row.automation, row.version);
        if (!flow)
            return flow.error();
        Savepoint sp(s);
        Result<Outcome> o = Outcome{};
        if (kind == u"unsubscribed") {
            // The address no longer takes marketing email (unsubscribed, bounced, complained,
            // cleaned): out of every workflow that sends email, at once. A text's consent is its own
            // (a STOP), checked at each text.
            const bool sendsEmail = std::any_of((*flow)->steps.cbegin(), (*flow)->steps.cend(), [](const Step &st) { return st.kind == StepKind::Email; });
            if (!sendsEmail)
                continue;
            QSqlQuery e(db);
            e.prepare(QStringLiteral("INSERT INTO automation_journey (enrollment_id, seq, step, at, what, detail) VALUES (?, ?, ?, ?, ?, ?)"));
            for (const QVariant &v : QVariantList{row.id, row.pos.seq + 1, storage::notNull(row.pos.step), s.now, QString::fromLatin1(journey::kExited),
                                                  Engine::tr("The address no longer takes marketing email (%1).").arg(subject)})
                e.addBindValue(v);
            if (!e.exec())
                return storage::queryError(e);
            e.prepare(QStringLiteral("UPDATE automation_enrollments SET seq = seq + 1, state = 'exited', ended_at = ?, due_at = NULL, waiting_for = '', "
                                     "end_reason = 'unsubscribed' WHERE id = ? AND seq = ?")); // endreason::kUnsubscribed
            for (const QVariant &v : QVariantList{s.now, row.id, row.pos.seq})
                e.addBindValue(v);
            if (!e.exec())
                return storage::queryError(e);
            Outcome ended;
            ended.moved = true;
            ended.counts[row.pos.step].second = 1;
            o = ended;
        } else if (!row.pos.waitingFor.isEmpty() && Interpreter::satisfies(row.pos.waitingFor, kind) && at >= row.pos.waitSince
                   && at <= row.pos.dueAt
                   && ((row.pos.waitingFor != u"opened" && row.pos.waitingFor != u"clicked")
                       || s.campaignAutomation.value(subject.toLongLong()) == row.automation)) {
            o = advance(s, row, How::Resume);
        } else {
            // A goal whose condition became true, not reached yet by this enrollment.
            const Step *reached = nullptr;
            for (const Step &st : (*flow)->steps) {
                if (st.kind != StepKind::Goal || !st.condition || st.id == row.pos.step)
                    continue;
                SqlContact view(s, row.contact, row.automation);
                if (!Interpreter(**flow, row.contact).test(*st.condition, view, s.now))
                    continue;
                QSqlQuery g(db);
                g.prepare(QStringLiteral("SELECT 1 FROM automation_journey WHERE enrollment_id = ? AND step = ? AND what = 'goal'"));
                g.addBindValue(row.id);
                g.addBindValue(st.id);
                if (!g.exec())
                    return storage::queryError(g, errc::dbRead);
                if (g.next())
                    continue;
                reached = &st;
                break;
            }
            if (!reached)
                continue;
            o = advance(s, row, How::Goal, reached);
        }
        if (!o) {
            batch.turn->problems << o.error().message;
            continue; // the savepoint undoes it
        }
        batch.add(row, *o, s.toSchedule);
        sp.release();
    }
    return {};
}

} // namespace

std::optional<qint64> Engine::nextDueAt() const
{
    QSqlQuery q(d->db);
    if (q.exec(QStringLiteral("SELECT 1 FROM automation_signals LIMIT 1")) && q.next())
        return d->clock();
    q.finish();
    // The soonest of each active workflow's soonest (the index on workflow and due time answers each).
    if (q.exec(QStringLiteral("SELECT min((SELECT min(e.due_at) FROM automation_enrollments e WHERE e.automation_id = a.id AND e.state = 'active')) "
                              "FROM automations a WHERE a.status = 'active'"))
        && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

Result<std::optional<qint64>> Engine::enroll(qint64 automationId, qint64 contactId)
{
    d->now = d->clock();
    if (Status s = d->load(); !s)
        return s.error();
    const auto w = d->workflows.constFind(automationId);
    if (w == d->workflows.constEnd() || !w->active)
        return Error(errc::automationState, tr("Workflow %1 is not active: publish it (or resume it) first.").arg(automationId));
    Immediate tx(*d);
    if (!tx.isOpen())
        return tx.beginError();
    Turn turn;
    Batch batch;
    batch.turn = &turn;
    // The first steps run at the next turn (not here), so enrolling many stays quick.
    Workflow held = *w;
    held.active = false;
    const auto entered = enterWithin(*d, held, contactId, QStringLiteral("m%1.%2").arg(d->now).arg(QRandomGenerator::global()->generate()),
                                     d->now, tr("Enrolled by hand."), batch);
    if (!entered)
        return entered.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return entered;
}

Result<Engine::Turn> Engine::turn(int budget)
{
    Turn turn;
    d->now = d->clock();
    d->toSchedule.clear();
    d->tagIds.clear();
    if (Status s = d->load(); !s)
        return s.error();
    if (d->workflows.isEmpty()) {
        // Nothing listens: signals written before the last workflow stopped are spent (and a
        // database without workflows is not written to at all).
        QSqlQuery q(d->db);
        if (!q.exec(QStringLiteral("SELECT 1 FROM automation_signals LIMIT 1")) || !q.next())
            return turn;
        q.finish();
        Immediate tx(*d);
        if (!tx.isOpen())
            return tx.beginError();
        if (Status st = d->load(); !st) // a workflow published meanwhile keeps its signals
            return st.error();
        if (d->workflows.isEmpty()) {
            if (!q.exec(QStringLiteral("DELETE FROM automation_signals")))
                return storage::queryError(q);
            if (Status st = tx.commit(); !st)
                return st.error();
            return turn;
        }
    }
    {
        QSqlQuery q(d->db);
        if (!q.exec(QStringLiteral("SELECT id, automation_id FROM campaigns WHERE automation_id IS NOT NULL")))
            return storage::queryError(q, errc::dbRead);
        d->campaignAutomation.clear();
        while (q.next())
            d->campaignAutomation.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    Batch batch;
    batch.turn = &turn;
    // Signals first: an entry or an awaited event should not wait behind a long list of due steps.
    // Each counts against the budget too, so a flood of them (an import) never holds the thread long.
    while (turn.steps + turn.signals < budget) {
        Immediate tx(*d);
        if (!tx.isOpen())
            return tx.beginError();
        QSqlQuery q(d->db);
        q.prepare(QStringLiteral("SELECT id, kind, contact_id, subject, at FROM automation_signals ORDER BY id LIMIT ?"));
        q.addBindValue(kBatch);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        struct Signal
        {
            qint64 id;
            QString kind;
            qint64 contact;
            QString subject;
            qint64 at;
        };
        QList<Signal> signals;
        while (q.next())
            signals << Signal{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toLongLong()};
        q.finish();
        if (signals.isEmpty())
            break;
        for (const Signal &sg : std::as_const(signals)) {
            // One signal's failure is its own: undone (its counts too), said, and the others go on.
            Savepoint sp(*d, "signal");
            if (!sp.ok())
                return Error(errc::dbWrite, d->db.lastError().text());
            const auto counts = batch.counts;
            const Turn before = turn;
            const QSet<qint64> schedule = d->toSchedule;
            if (Status st = handleSignal(*d, sg.id, sg.kind, sg.contact, sg.subject, sg.at, batch); !st) {
                batch.counts = counts;
                turn.entered = before.entered;
                turn.advanced = before.advanced;
                turn.steps = before.steps;
                turn.notices = before.notices;
                d->toSchedule = schedule;
                const QString problem = tr("Workflows: what happened to contact %1 (%2) could not be handled: %3").arg(sg.contact).arg(sg.kind, st.error().message);
                if (!turn.problems.contains(problem))
                    turn.problems << problem;
                continue;
            }
            sp.release();
        }
        q.prepare(QStringLiteral("DELETE FROM automation_signals WHERE id <= ?"));
        q.addBindValue(signals.constLast().id);
        if (!q.exec())
            return storage::queryError(q);
        if (Status s = flushBatch(*d, batch); !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        turn.signals += int(signals.size());
    }
    // Anniversaries, once a day per workflow.
    const QString today = QDateTime::fromMSecsSinceEpoch(d->now, Qt::UTC).date().toString(Qt::ISODate);
    for (const Workflow &w : std::as_const(d->workflows)) {
        if (!w.active)
            continue;
        const auto flow = d->flow(w.id, w.latest);
        if (!flow)
            return flow.error();
        if ((*flow)->trigger.kind != TriggerKind::Anniversary)
            continue;
        QSqlQuery q(d->db);
        q.prepare(QStringLiteral("SELECT anniversary_day FROM automations WHERE id = ?"));
        q.addBindValue(w.id);
        if (!q.exec() || !q.next())
            return storage::queryError(q, errc::dbRead);
        if (q.value(0).toString() == today)
            continue;
        q.finish();
        Immediate tx(*d);
        if (!tx.isOpen())
            return tx.beginError();
        // Contacts whose date falls on yesterday, today or tomorrow (UTC): every zone's today is among them.
        const QDate utc = QDateTime::fromMSecsSinceEpoch(d->now, Qt::UTC).date();
        QStringList days;
        for (int i = -1; i <= 1; ++i)
            days << utc.addDays(i).toString(QStringLiteral("MM-dd"));
        days << QStringLiteral("02-29"); // kept on 1 March in the years without one (below)
        const QString field = (*flow)->trigger.field;
        const bool created = field == u"created_at";
        q.prepare(created ? QStringLiteral("SELECT id, time_zone, strftime('%m-%d', created_at / 1000, 'unixepoch') AS md, "
                                           "CAST(strftime('%Y', created_at / 1000, 'unixepoch') AS INTEGER) FROM contacts WHERE md IN (?, ?, ?, ?)")
                          : QStringLiteral("SELECT id, time_zone, substr(json_extract(custom, '$.\"' || ? || '\"'), 6, 5) AS md, "
                                           "CAST(substr(json_extract(custom, '$.\"' || ? || '\"'), 1, 4) AS INTEGER) FROM contacts WHERE md IN (?, ?, ?, ?)"));
        if (!created) {
            q.addBindValue(QString(field).remove(u'"'));
            q.addBindValue(QString(field).remove(u'"'));
        }
        for (const QString &day : std::as_const(days))
            q.addBindValue(day);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        QList<std::tuple<qint64, QString, QString, int>> candidates;
        while (q.next())
            candidates << std::make_tuple(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt());
        q.finish();
        for (const auto &[contact, zone, md, year] : std::as_const(candidates)) {
            QTimeZone z = zone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(zone.toLatin1());
            if (!z.isValid())
                z = QTimeZone::systemTimeZone();
            const QDate local = QDateTime::fromMSecsSinceEpoch(d->now, z).date();
            QDate day;
            for (int i = 0; i <= 1 && !day.isValid(); ++i) {
                const QDate c = local.addDays(i);
                if (c.toString(QStringLiteral("MM-dd")) == md || (md == u"02-29" && !QDate::isLeapYear(c.year()) && c.month() == 3 && c.day() == 1))
                    day = c;
            }
            if (!day.isValid() || day.year() <= year)
                continue; // not today in their zone, or the date itself (a sign-up is no anniversary the same year)
            const int minute = (*flow)->trigger.minuteOfDay;
            QDateTime moment(day, QTime(minute / 60, minute % 60), z);
            if (!moment.isValid()) // a time a clock change skips: the hour after
                moment = QDateTime(day, QTime(minute / 60, minute % 60).addSecs(3600), z);
            const qint64 at = moment.toMSecsSinceEpoch();
            if (at < d->now - 12LL * 3600'000)
                continue; // long past today (the app was off): next year
            Savepoint sp(*d);
            const auto entered = enterWithin(*d, w, contact, QStringLiteral("y%1").arg(day.year()), std::max(at, d->now),
                                             tr("Anniversary of %1.").arg(field), batch);
            if (!entered) {
                turn.problems << tr("Workflow %1: contact %2's anniversary: %3").arg(w.id).arg(contact).arg(entered.error().message);
                continue;
            }
            sp.release();
        }
        q.prepare(QStringLiteral("UPDATE automations SET anniversary_day = ? WHERE id = ?"));
        q.addBindValue(today);
        q.addBindValue(w.id);
        if (!q.exec())
            return storage::queryError(q);
        if (Status s = flushBatch(*d, batch); !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    // Due enrollments of each active workflow, from the index on (workflow, due time): a paused
    // workflow's enrollments are never read.
    QList<qint64> active;
    for (const Workflow &w : std::as_const(d->workflows))
        if (w.active)
            active << w.id;
    std::sort(active.begin(), active.end());
    for (qsizetype next = 0; next < active.size() && turn.steps + turn.signals < budget;) {
        Immediate tx(*d);
        if (!tx.isOpen())
            return tx.beginError();
        QSqlQuery q(d->db);
        q.prepare(QStringLiteral("SELECT %1 FROM automation_enrollments WHERE automation_id = ? AND state = 'active' AND due_at <= ? "
                                 "ORDER BY due_at LIMIT ?")
                      .arg(QLatin1String(kRowColumns)));
        q.addBindValue(active.at(next));
        q.addBindValue(d->now);
        q.addBindValue(kBatch);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        QList<Row> rows;
        while (q.next())
            rows << rowFrom(q);
        q.finish();
        if (rows.size() < kBatch)
            ++next; // this workflow's due ones are all in this batch
        if (rows.isEmpty())
            continue;
        for (const Row &row : std::as_const(rows)) {
            Result<Outcome> o = Outcome{};
            {
                Savepoint sp(*d);
                if (!sp.ok())
                    return Error(errc::dbWrite, d->db.lastError().text());
                o = advance(*d, row, How::Run);
                if (o)
                    sp.release();
            }
            if (!o) {
                if (Status st = postpone(*d, row, o.error(), turn); !st)
                    return st.error();
                continue;
            }
            batch.add(row, *o, d->toSchedule);
        }
        if (Status s = flushBatch(*d, batch); !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    turn.more = turn.steps + turn.signals >= budget;
    return turn;
}

} // namespace lux::automations
