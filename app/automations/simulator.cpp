// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator.h"

#include "automations/engine.h"
#include "automations/interpreter.h"
#include "campaigns/reach.h"
#include "common/errorcodes.h"
#include "contacts/segment.h"
#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <limits>
#include <queue>

namespace lux::automations {

namespace {

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 textHash(const QString &s)
{
    quint64 h = 1469598103934665603ULL; // FNV-1a over the UTF-16 code units
    for (const QChar c : s) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

// A draw in [0, 1) for one (seed, contact, step, what).
double draw(quint64 seed, qint64 contact, quint64 step, quint64 what)
{
    return double(mix(mix(mix(seed ^ quint64(contact)) ^ step) ^ what) >> 11) / double(1ULL << 53);
}

} // namespace

QList<Script::Event> Script::eventsFor(qint64 contactId, const QString &stepId, bool email, qint64 sentAt) const
{
    QList<Event> out;
    const quint64 step = textHash(stepId);
    // Delays between 5 minutes and 2 days, to the second, so two things rarely share a moment.
    const auto delay = [&](quint64 what) { return 300'000 + qint64(draw(seed, contactId, step, what + 100) * 172'800) * 1000; };
    if (!email) {
        if (draw(seed, contactId, step, 4) < smsClick)
            out << Event{QStringLiteral("sms-click"), sentAt + delay(4)};
        return out;
    }
    if (draw(seed, contactId, step, 1) < open) {
        const qint64 openedAt = sentAt + delay(1);
        out << Event{QStringLiteral("open"), openedAt};
        if (draw(seed, contactId, step, 2) < click)
            out << Event{QStringLiteral("click"), openedAt + 60'000 + qint64(draw(seed, contactId, step, 102) * 600) * 1000};
    }
    if (draw(seed, contactId, step, 3) < registered)
        out << Event{QStringLiteral("registered"), sentAt + delay(3)};
    if (draw(seed, contactId, step, 5) < replied)
        out << Event{QStringLiteral("replied"), sentAt + delay(5)};
    std::sort(out.begin(), out.end(), [](const Event &a, const Event &b) { return a.at < b.at; });
    return out;
}

namespace {

struct Person
{
    SimContact contact;
    Position pos;
    bool active = false;
    bool everEntered = false;
    qint64 lastEndedAt = 0;
    QList<std::pair<QString, qint64>> happened; // (event, at) seen so far
    QList<qint64> emailsAt, textsAt;            // for the cap
    QSet<QString> goals;                        // goals reached in this enrollment
    qint64 generation = 0;                      // a queued wake-up for an older position is stale
};

class MemoryView final : public ContactView
{
public:
    explicit MemoryView(Person &p) : m_p(p) {}
    bool hasTag(const QString &tag) override { return m_p.contact.tags.contains(tag.toLower()); }
    bool inSegment(const QString &segment) override { return m_p.contact.segments.contains(segment.toLower()); }
    QString field(const QString &name) override { return m_p.contact.fields.value(name.toLower(), m_p.contact.fields.value(name)); }
    bool engaged(const QString &event, qint64 since) override { return happened(event, since, std::numeric_limits<qint64>::max()); }
    bool happened(const QString &event, qint64 since, qint64 until) override
    {
        return std::any_of(m_p.happened.cbegin(), m_p.happened.cend(), [&](const std::pair<QString, qint64> &h) {
            return h.second >= since && h.second <= until && Interpreter::satisfies(event, h.first);
        });
    }
    QString timeZone() override { return m_p.contact.timeZone; }

private:
    Person &m_p;
};

struct Wake
{
    qint64 at;
    int order; // 0: a scripted event, 1: a due step (events first at the same moment, as the engine's turn)
    qint64 serial;
    int person;
    qint64 generation; // due steps: the position it was queued for
    QString kind;      // events
    friend bool operator>(const Wake &a, const Wake &b)
    {
        if (a.at != b.at)
            return a.at > b.at;
        if (a.order != b.order)
            return a.order > b.order;
        return a.serial > b.serial;
    }
};

class MemoryEffects final : public Effects
{
public:
    MemoryEffects(Person &p, SimulationResult &r, const SimulationOptions &o, qint64 now, int day, QList<Script::Event> &reactions)
        : m_p(p), m_r(r), m_o(o), m_now(now), m_day(day), m_reactions(reactions)
    {
    }
    Result<Sent> send(const Step &step, int) override
    {
        const bool email = step.kind == StepKind::Email;
        // In the engine's order: unsubscribed (out), unreachable, suppressed, then the cap.
        if (email ? !m_p.contact.emailReachable : !m_p.contact.smsReachable) {
            ++m_r.skipped;
            return email ? Sent::Unsubscribed : Sent::Unreachable;
        }
        if (email ? m_p.contact.emailSuppressed : m_p.contact.smsSuppressed) {
            ++m_r.skipped;
            return Sent::Suppressed;
        }
        QList<qint64> &sent = email ? m_p.emailsAt : m_p.textsAt;
        const int cap = email ? m_o.emailCap : m_o.smsCap;
        sent.removeIf([this](qint64 at) { return at <= m_now - 86'400'000; });
        if (cap > 0 && sent.size() >= cap) {
            ++m_r.skipped;
            return Sent::Capped;
        }
        sent << m_now;
        SimulationResult::Day &day = m_r.days[m_day];
        (email ? day.emails : day.texts) += 1;
        (email ? m_r.emails : m_r.texts) += 1;
        day.bySender[step.from] += 1;
        m_reactions << m_o.script.eventsFor(m_p.contact.id, step.id, email, m_now);
        return Sent::Queued;
    }
    Status tag(const QStringList &add, const QStringList &remove) override
    {
        for (const QString &t : add)
            m_p.contact.tags.insert(t.toLower());
        for (const QString &t : remove)
            m_p.contact.tags.remove(t.toLower());
        return {};
    }
    Status setField(const QString &field, const QString &value) override
    {
        m_p.contact.fields.insert(field.toLower(), value);
        return {};
    }
    Status notify(const Step &) override { return {}; }
    Status log(int, const QString &step, const QString &what, const QString &) override
    {
        if (what == QLatin1String(journey::kGoal))
            m_p.goals.insert(step); // as the engine's journey remembers it: a goal is reached once
        return {};
    }
    void passed(const QString &step) override
    {
        ++m_r.reached[step];
        ++m_r.days[m_day].reached[step];
        ++m_r.steps;
    }

private:
    Person &m_p;
    SimulationResult &m_r;
    const SimulationOptions &m_o;
    qint64 m_now;
    int m_day;
    QList<Script::Event> &m_reactions;
};

} // namespace

Result<SimulationResult> Simulator::run(const Flow &flow, QList<SimContact> contacts, const SimulationOptions &options)
{
    if (!FlowCheck::publishable(flow))
        return Error(errc::automationState, tr("The workflow has problems to fix before it can be simulated."));
    SimulationResult r;
    r.days.resize(std::max(1, options.days));
    const qint64 end = options.start + qint64(std::max(1, options.days)) * 86'400'000;
    std::vector<Person> people;
    people.reserve(size_t(contacts.size()));
    for (SimContact &c : contacts)
        people.push_back(Person{std::move(c), {}, false, false, 0, {}, {}, {}, {}, 0});
    std::priority_queue<Wake, std::vector<Wake>, std::greater<>> queue;
    qint64 serial = 0;
    QList<Script::Event> reactions;
    const auto dayOf = [&](qint64 at) { return int(std::clamp<qint64>((at - options.start) / 86'400'000, 0, r.days.size() - 1)); };
    // Where a run left the person: the counts, and what comes next on the queue.
    const auto settle = [&](int index, const Result<Advance> &a, qint64 now) -> Status {
        if (!a)
            return a.error();
        Person &p = people[size_t(index)];
        for (const Script::Event &e : std::as_const(reactions))
            if (e.at < end)
                queue.push(Wake{e.at, 0, ++serial, index, 0, e.kind});
        reactions.clear();
        if (a->state == Advance::State::Waiting) {
            if (p.pos.dueAt < end)
                queue.push(Wake{p.pos.dueAt, 1, ++serial, index, ++p.generation, {}});
            else
                ++p.generation;
            return {};
        }
        p.active = false;
        p.lastEndedAt = now;
        ++p.generation;
        ++r.ended[a->endStep];
        ++r.exitReasons[a->code];
        return {};
    };
    // Everyone enters at the start, as a manual enrolment does (the entry rules apply).
    for (int i = 0; i < int(people.size()); ++i) {
        Person &p = people[size_t(i)];
        if (!mayEnter(flow, EntryHistory{p.everEntered, p.active, p.lastEndedAt}, options.start))
            continue;
        p.active = p.everEntered = true;
        p.goals.clear();
        p.pos = Position{};
        p.pos.step = flow.start;
        p.pos.seq = 1;
        ++r.entered;
        queue.push(Wake{options.start, 1, ++serial, i, ++p.generation, {}});
    }
    while (!queue.empty()) {
        const Wake w = queue.top();
        queue.pop();
        if (w.at >= end)
            break;
        Person &p = people[size_t(w.person)];
        MemoryView view(p);
        MemoryEffects effects(p, r, options, w.at, dayOf(w.at), reactions);
        Interpreter interpreter(flow, p.contact.id);
        if (w.order == 0) {
            p.happened << std::make_pair(w.kind, w.at);
            if (!p.active)
                continue;
            if (!p.pos.waitingFor.isEmpty() && Interpreter::satisfies(p.pos.waitingFor, w.kind) && w.at >= p.pos.waitSince) {
                if (Status s = settle(w.person, interpreter.resume(p.pos, view, effects, w.at), w.at); !s)
                    return s.error();
                continue;
            }
            // A goal that became true, not reached yet.
            for (const Step &st : flow.steps) {
                if (st.kind != StepKind::Goal || !st.condition || st.id == p.pos.step || p.goals.contains(st.id)
                    || !interpreter.test(*st.condition, view, w.at))
                    continue;
                if (Status s = settle(w.person, interpreter.reachGoal(p.pos, st, view, effects, w.at), w.at); !s)
                    return s.error();
                break;
            }
            continue;
        }
        if (!p.active || w.generation != p.generation)
            continue; // a wake-up for a position the person has left
        if (Status s = settle(w.person, interpreter.run(p.pos, view, effects, w.at), w.at); !s)
            return s.error();
    }
    for (const Person &p : people)
        if (p.active)
            ++r.waiting[p.pos.step];
    for (int d = 0; d < r.days.size(); ++d)
        for (auto it = r.days.at(d).bySender.cbegin(); it != r.days.at(d).bySender.cend(); ++it)
            if (const int limit = options.senderPerDay.value(it.key().toLower()); limit > 0 && it.value() > limit)
                r.overLimit << tr("%1 on day %2: %3 of %4").arg(it.key()).arg(d + 1).arg(it.value()).arg(limit);
    return r;
}

QList<SimContact> Simulator::synthetic(int count, quint64 seed)
{
    static const QStringList zones{QStringLiteral("Europe/Madrid"), QStringLiteral("America/New_York"), QStringLiteral("America/Los_Angeles"),
                                   QStringLiteral("Europe/London"), QStringLiteral("Asia/Tokyo")};
    static const QStringList countries{QStringLiteral("ES"), QStringLiteral("US"), QStringLiteral("US"), QStringLiteral("GB"), QStringLiteral("JP")};
    QList<SimContact> out;
    out.reserve(count);
    for (int i = 1; i <= count; ++i) {
        SimContact c;
        c.id = i;
        const int z = int(draw(seed, i, 7, 1) * zones.size());
        c.timeZone = zones.at(z);
        c.fields.insert(QStringLiteral("country"), countries.at(z));
        c.fields.insert(QStringLiteral("email"), QStringLiteral("person%1@example.test").arg(i));
        c.smsReachable = draw(seed, i, 7, 2) < 0.4;
        if (draw(seed, i, 7, 3) < 0.2)
            c.tags.insert(QStringLiteral("vip"));
        if (draw(seed, i, 7, 4) < 0.5)
            c.tags.insert(QStringLiteral("newsletter"));
        out << c;
    }
    return out;
}

namespace {

void segmentsOf(const Condition &c, QSet<QString> &names)
{
    if (c.kind == Condition::Kind::Segment)
        names.insert(c.name);
    for (const Condition &p : c.parts)
        segmentsOf(p, names);
}

} // namespace

Result<QList<SimContact>> Simulator::load(QSqlDatabase db, const Flow &flow, int limit)
{
    const campaigns::Reach sms = campaigns::reach(QStringLiteral("sms"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT c.id, c.email, c.first_name, c.last_name, c.company, c.city, c.country, c.language, c.time_zone, c.custom, "
                             "c.status = 'subscribed', EXISTS (SELECT 1 FROM suppression s WHERE s.channel = 'email' AND s.address_key = c.email_key), "
                             "(%1) AND (%2), EXISTS (SELECT 1 FROM suppression s WHERE s.channel = 'sms' AND s.address_key = c.phone) "
                             "FROM contacts c ORDER BY c.id LIMIT ?")
                  .arg(sms.reachable, sms.textable));
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<SimContact> out;
    QHash<qint64, qsizetype> index;
    static const QStringList columns{QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("company"),
                                     QStringLiteral("city"), QStringLiteral("country"), QStringLiteral("language")};
    while (q.next()) {
        SimContact c;
        c.id = q.value(0).toLongLong();
        for (int i = 0; i < columns.size(); ++i)
            c.fields.insert(columns.at(i), q.value(i + 1).toString());
        c.timeZone = q.value(8).toString();
        const QJsonObject custom = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
        for (auto it = custom.begin(); it != custom.end(); ++it)
            c.fields.insert(it.key(), it.value().toVariant().toString());
        c.emailReachable = q.value(10).toBool();
        c.emailSuppressed = q.value(11).toBool();
        c.smsReachable = q.value(12).toBool();
        c.smsSuppressed = q.value(13).toBool();
        index.insert(c.id, out.size());
        out << c;
    }
    q.finish();
    if (!q.exec(QStringLiteral("SELECT ct.contact_id, lower(t.name) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id")))
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        if (const auto it = index.constFind(q.value(0).toLongLong()); it != index.constEnd())
            out[*it].tags.insert(q.value(1).toString());
    q.finish();
    QSet<QString> names;
    for (const Step &s : flow.steps)
        if (s.condition)
            segmentsOf(*s.condition, names);
    for (const QString &name : std::as_const(names)) {
        const auto saved = contacts::SegmentRepository(db).find(name);
        if (!saved)
            continue; // nobody is in a segment that does not exist
        const auto compiled = contacts::Segment::compile(saved->rules, QDateTime::currentMSecsSinceEpoch());
        if (!compiled)
            return compiled.error();
        q.prepare(QStringLiteral("SELECT c.id FROM contacts c WHERE ") + compiled->where);
        for (const QVariant &v : compiled->binds)
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        while (q.next())
            if (const auto it = index.constFind(q.value(0).toLongLong()); it != index.constEnd())
                out[*it].segments.insert(name.toLower());
    }
    return out;
}

} // namespace lux::automations
