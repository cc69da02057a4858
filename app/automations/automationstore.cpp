// SPDX-License-Identifier: GPL-3.0-or-later
#include "automationstore.h"

#include "automations/interpreter.h"
#include "contacts/segment.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

namespace lux::automations {

namespace {

constexpr const char *kStatusNames[] = {"draft", "active", "paused", "archived"};

QString json(const Flow &flow)
{
    return QString::fromUtf8(QJsonDocument(flow.toJson()).toJson(QJsonDocument::Compact));
}

Result<Flow> parse(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!doc.isObject())
        return Error(errc::automationInput, error.errorString());
    return Flow::fromJson(doc.object());
}

// The signal kinds (automation_listen) a trigger, a wait or a goal needs.
void listensOf(const Condition &c, QSet<QString> &kinds)
{
    switch (c.kind) {
    case Condition::Kind::Tag:
        kinds << QStringLiteral("tag");
        if (c.negate)
            kinds << QStringLiteral("changed"); // a tag taken off writes "changed"
        break;
    case Condition::Kind::Segment:
    case Condition::Kind::Field: kinds << QStringLiteral("changed") << QStringLiteral("tag"); break;
    case Condition::Kind::Engagement:
    case Condition::Kind::Event:
        kinds << QStringLiteral("engagement") << QStringLiteral("registration") << QStringLiteral("reply");
        break;
    case Condition::Kind::All:
    case Condition::Kind::Any:
        for (const Condition &p : c.parts)
            listensOf(p, kinds);
        break;
    }
}

void listensOf(const Flow &flow, bool entering, QSet<QString> &kinds)
{
    if (entering) {
        switch (flow.trigger.kind) {
        case TriggerKind::ContactCreated: kinds << QStringLiteral("created"); break;
        case TriggerKind::TagAdded: kinds << QStringLiteral("tag"); break;
        case TriggerKind::SegmentEntered: kinds << QStringLiteral("changed") << QStringLiteral("tag") << QStringLiteral("created"); break;
        case TriggerKind::EventRegistered: kinds << QStringLiteral("registration"); break;
        case TriggerKind::EmailOpened:
        case TriggerKind::EmailClicked:
        case TriggerKind::SmsClicked: kinds << QStringLiteral("engagement"); break;
        case TriggerKind::SmsKeyword: kinds << QStringLiteral("keyword"); break;
        case TriggerKind::Anniversary:
        case TriggerKind::Manual: break;
        }
    }
    if (flow.sends())
        kinds << QStringLiteral("unsubscribed");
    for (const Step &s : flow.steps) {
        if (s.kind == StepKind::WaitEvent) {
            if (s.event == u"opened" || s.event == u"clicked")
                kinds << QStringLiteral("engagement");
            else if (s.event == u"registered")
                kinds << QStringLiteral("registration");
            else if (s.event == u"replied")
                kinds << QStringLiteral("reply");
        }
        if (s.kind == StepKind::Goal && s.condition)
            listensOf(*s.condition, kinds);
    }
}

} // namespace

QString automationStatusName(AutomationStatus status)
{
    return QString::fromLatin1(kStatusNames[int(status)]);
}

std::optional<AutomationStatus> automationStatusFromName(const QString &name)
{
    for (int i = 0; i < 4; ++i)
        if (name == QLatin1String(kStatusNames[i]))
            return AutomationStatus(i);
    return std::nullopt;
}

Result<Automation> AutomationStore::read(const QString &where, const QVariant &bind) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, status, draft, version, created_at, updated_at FROM automations WHERE ") + where);
    q.addBindValue(bind);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::automationNotFound, tr("There is no workflow “%1”.").arg(bind.toString()));
    Automation a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.status = automationStatusFromName(q.value(2).toString()).value_or(AutomationStatus::Draft);
    auto draft = parse(q.value(3).toString());
    if (!draft)
        return Error(errc::automationInput, tr("The draft of “%1” cannot be read: %2").arg(a.name, draft.error().message));
    a.draft = *draft;
    a.version = q.value(4).toInt();
    a.createdAt = q.value(5).toLongLong();
    a.updatedAt = q.value(6).toLongLong();
    q.finish();
    q.prepare(QStringLiteral("SELECT state, count(*) FROM automation_enrollments WHERE automation_id = ? GROUP BY state"));
    q.addBindValue(a.id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        const QString state = q.value(0).toString();
        (state == u"active" ? a.active : state == u"done" ? a.done : a.exited) = q.value(1).toLongLong();
    }
    return a;
}

Result<Automation> AutomationStore::find(qint64 id) const
{
    return read(QStringLiteral("id = ?"), id);
}

Result<Automation> AutomationStore::findByName(const QString &name) const
{
    return read(QStringLiteral("lower(name) = lower(?)"), name.trimmed());
}

Result<Automation> AutomationStore::find(const QString &idOrName) const
{
    bool number = false;
    const qint64 id = idOrName.toLongLong(&number);
    if (number)
        return find(id);
    return read(QStringLiteral("lower(name) = lower(?)"), idOrName.trimmed());
}

Result<QList<Automation>> AutomationStore::list() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id FROM automations ORDER BY status = 'archived', lower(name)")))
        return storage::queryError(q, errc::dbRead);
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QList<Automation> out;
    for (qint64 id : std::as_const(ids)) {
        auto a = find(id);
        if (!a)
            return a.error();
        out << *a;
    }
    return out;
}

Status AutomationStore::checkDraft(const Flow &flow, qint64 exceptId) const
{
    if (flow.name.trimmed().isEmpty())
        return Error(errc::automationInput, tr("The workflow needs a name."));
    // Only what the format can read back is stored (a duration past a year, a name too long).
    if (const auto back = Flow::fromJson(flow.toJson()); !back)
        return back.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM automations WHERE lower(name) = lower(?) AND id <> ?"));
    q.addBindValue(flow.name.trimmed());
    q.addBindValue(exceptId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (q.next())
        return Error(errc::automationInput, tr("A workflow named “%1” exists already.").arg(flow.name));
    return {};
}

Result<Automation> AutomationStore::create(const Flow &flow)
{
    if (Status s = checkDraft(flow, 0); !s)
        return s.error();
    Flow f = flow;
    if (!f.seed)
        f.seed = QRandomGenerator::system()->generate64() >> 1; // JSON keeps it as text; positive for readers
    QSqlQuery q(m_db);
    const qint64 now = m_clock();
    q.prepare(QStringLiteral("INSERT INTO automations (name, status, draft, created_at, updated_at) VALUES (?, 'draft', ?, ?, ?)"));
    for (const QVariant &v : QVariantList{f.name.trimmed(), json(f), now, now})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return find(q.lastInsertId().toLongLong());
}

Result<Automation> AutomationStore::saveDraft(qint64 id, const Flow &flow)
{
    const auto current = find(id);
    if (!current)
        return current.error();
    if (Status s = checkDraft(flow, id); !s)
        return s.error();
    Flow f = flow;
    if (!f.seed)
        f.seed = current->draft.seed;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE automations SET name = ?, draft = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &v : QVariantList{f.name.trimmed(), json(f), m_clock(), id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return find(id);
}

Status AutomationStore::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM automation_enrollments WHERE automation_id = ? LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (q.next())
        return Error(errc::automationState, tr("Contacts have gone through this workflow: archive it instead, so their journeys stay."));
    q.finish();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    q.prepare(QStringLiteral("DELETE FROM automations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() == 0)
        return Error(errc::automationNotFound, tr("There is no workflow %1.").arg(id));
    if (Status s = refreshListenWithin(); !s)
        return s;
    return tx.commit();
}

Status AutomationStore::checkReferences(const Flow &flow) const
{
    QSqlQuery q(m_db);
    for (const Step &s : flow.steps) {
        const QString at = tr("Step “%1”").arg(s.name.isEmpty() ? s.id : s.name);
        if (s.kind == StepKind::Email) {
            q.prepare(QStringLiteral("SELECT 1 FROM templates WHERE id = ?"));
            q.addBindValue(s.templateId);
            if (!q.exec())
                return storage::queryError(q, errc::dbRead);
            if (!q.next())
                return Error(errc::automationInput, tr("%1: there is no template %2.").arg(at).arg(s.templateId));
            q.finish();
        }
        if (s.kind == StepKind::Email || s.kind == StepKind::Sms) {
            q.prepare(QStringLiteral("SELECT 1 FROM senders WHERE channel = ? AND lower(address) = lower(?)"));
            q.addBindValue(s.kind == StepKind::Email ? QStringLiteral("email") : QStringLiteral("sms"));
            q.addBindValue(s.from);
            if (!q.exec())
                return storage::queryError(q, errc::dbRead);
            if (!q.next())
                return Error(errc::automationInput, s.kind == StepKind::Email ? tr("%1: %2 is not a sender mailbox.").arg(at, s.from)
                                                                              : tr("%1: %2 is not a sending number.").arg(at, s.from));
            q.finish();
        }
    }
    if (flow.trigger.kind == TriggerKind::SegmentEntered) {
        q.prepare(QStringLiteral("SELECT 1 FROM segments WHERE lower(name) = lower(?)"));
        q.addBindValue(flow.trigger.segment);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        if (!q.next())
            return Error(errc::automationInput, tr("The trigger's segment “%1” does not exist.").arg(flow.trigger.segment));
    }
    return {};
}

Result<int> AutomationStore::publish(qint64 id)
{
    const auto a = find(id);
    if (!a)
        return a.error();
    if (a->status == AutomationStatus::Archived)
        return Error(errc::automationState, tr("“%1” is archived.").arg(a->name));
    const QList<Problem> problems = FlowCheck::problems(a->draft);
    QStringList errors;
    for (const Problem &p : problems)
        if (p.severity == Problem::Severity::Error)
            errors << (p.stepId.isEmpty() ? p.message : tr("step “%1”: %2").arg(p.stepId, p.message));
    if (!errors.isEmpty())
        return Error(errc::automationState, tr("“%1” cannot be published yet: %2").arg(a->name, errors.join(QStringLiteral("; "))));
    if (Status s = checkReferences(a->draft); !s)
        return s.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const int version = a->version + 1;
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO automation_versions (automation_id, version, definition, published_at) VALUES (?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{id, version, json(a->draft), now})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    // Each send step's hidden campaign: never listed, always sending; its name cannot be a user's.
    for (const Step &s : a->draft.steps) {
        if (!stepSends(s.kind))
            continue;
        const bool email = s.kind == StepKind::Email;
        q.prepare(QStringLiteral("INSERT INTO campaigns (name, template_id, subject, from_email, status, created_at, updated_at, channel, "
                                 "tracking, body, automation_id) VALUES (?, ?, ?, ?, 'sending', ?, ?, ?, 1, ?, ?)"));
        for (const QVariant &v : QVariantList{QStringLiteral("lux:automation:%1:%2:%3").arg(id).arg(version).arg(s.id),
                                              email ? QVariant(s.templateId) : QVariant(QMetaType::fromType<qint64>()),
                                              storage::notNull(email ? s.subject : QString()), s.from, now, now,
                                              email ? QStringLiteral("email") : QStringLiteral("sms"), storage::notNull(email ? QString() : s.text),
                                              id})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
        const qint64 campaign = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral("INSERT INTO automation_campaigns (automation_id, version, step, campaign_id) VALUES (?, ?, ?, ?)"));
        for (const QVariant &v : QVariantList{id, version, s.id, campaign})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
    }
    q.prepare(QStringLiteral("UPDATE automations SET version = ?, trigger_kind = ?, updated_at = ?, "
                             "status = CASE status WHEN 'draft' THEN 'active' ELSE status END WHERE id = ?"));
    for (const QVariant &v : QVariantList{version, triggerKindName(a->draft.trigger.kind), now, id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (a->draft.trigger.kind == TriggerKind::SegmentEntered) {
        // Who is in the segment now is not "entering" it: only those who come in from here on.
        q.prepare(QStringLiteral("DELETE FROM automation_segment_members WHERE automation_id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return storage::queryError(q);
        const auto saved = contacts::SegmentRepository(m_db, m_clock).find(a->draft.trigger.segment);
        if (!saved)
            return saved.error();
        const auto compiled = contacts::Segment::compile(saved->rules, now);
        if (!compiled)
            return compiled.error();
        q.prepare(QStringLiteral("INSERT INTO automation_segment_members (automation_id, contact_id) SELECT ?, c.id FROM contacts c WHERE ")
                  + compiled->where);
        q.addBindValue(id);
        for (const QVariant &v : compiled->binds)
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
    }
    if (Status s = refreshListenWithin(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return version;
}

Result<Flow> AutomationStore::version(qint64 id, int version) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT definition FROM automation_versions WHERE automation_id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(version);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::automationNotFound, tr("Workflow %1 has no version %2.").arg(id).arg(version));
    return parse(q.value(0).toString());
}

Status AutomationStore::setStatus(qint64 id, std::initializer_list<AutomationStatus> from, AutomationStatus to)
{
    const auto a = find(id);
    if (!a)
        return a.error();
    if (std::find(from.begin(), from.end(), a->status) == from.end())
        return Error(errc::automationState, tr("“%1” is %2: it cannot become %3.")
                                                .arg(a->name, automationStatusName(a->status), automationStatusName(to)));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE automations SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(automationStatusName(to));
    q.addBindValue(m_clock());
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = refreshListenWithin(); !s)
        return s;
    return tx.commit();
}

Status AutomationStore::pause(qint64 id)
{
    return setStatus(id, {AutomationStatus::Active}, AutomationStatus::Paused);
}

Status AutomationStore::resume(qint64 id)
{
    return setStatus(id, {AutomationStatus::Paused}, AutomationStatus::Active);
}

Status AutomationStore::archive(qint64 id)
{
    if (Status s = setStatus(id, {AutomationStatus::Draft, AutomationStatus::Active, AutomationStatus::Paused}, AutomationStatus::Archived); !s)
        return s;
    // Those still in it leave where they are, with a journey line saying so.
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO automation_journey (enrollment_id, seq, step, at, what, detail) "
                             "SELECT id, seq + 1, step, ?, ?, ? FROM automation_enrollments WHERE automation_id = ? AND state = 'active'"));
    for (const QVariant &v : QVariantList{now, QString::fromLatin1(journey::kExited), tr("The workflow was archived."), id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("INSERT INTO automation_step_stats (automation_id, version, step, passed, ended) "
                             "SELECT automation_id, version, step, 0, count(*) FROM automation_enrollments WHERE automation_id = ? AND state = 'active' "
                             "GROUP BY version, step ON CONFLICT (automation_id, version, step) DO UPDATE SET ended = ended + excluded.ended"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("UPDATE automation_enrollments SET seq = seq + 1, state = 'exited', ended_at = ?, due_at = NULL, waiting_for = '', "
                             "end_reason = ? WHERE automation_id = ? AND state = 'active'"));
    q.addBindValue(now);
    q.addBindValue(QString::fromLatin1(endreason::kArchived));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    return tx.commit();
}

Status AutomationStore::refreshListenWithin()
{
    QSet<QString> kinds;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT a.id, a.status, a.version, v.definition FROM automations a "
                               "JOIN automation_versions v ON v.automation_id = a.id "
                               "WHERE a.status IN ('active', 'paused') AND (v.version = a.version OR EXISTS (SELECT 1 FROM automation_enrollments e "
                               "WHERE e.automation_id = a.id AND e.state = 'active' AND e.version = v.version))")))
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        const auto flow = parse(q.value(3).toString());
        if (!flow)
            return flow.error();
        const bool entering = q.value(1).toString() == u"active" && q.value(2).toInt() > 0;
        listensOf(*flow, entering, kinds);
    }
    q.finish();
    if (!q.exec(QStringLiteral("DELETE FROM automation_listen")))
        return storage::queryError(q);
    q.prepare(QStringLiteral("INSERT INTO automation_listen (kind) VALUES (?)"));
    for (const QString &kind : std::as_const(kinds)) {
        q.addBindValue(kind);
        if (!q.exec())
            return storage::queryError(q);
    }
    return {};
}

Result<QList<StepCount>> AutomationStore::stepCounts(qint64 id, int version) const
{
    const auto a = find(id);
    if (!a)
        return a.error();
    const int v = version > 0 ? version : a->version;
    QList<StepCount> out;
    if (v == 0)
        return out;
    const auto flow = this->version(id, v);
    if (!flow)
        return flow.error();
    QHash<QString, StepCount> by;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT step, passed, ended FROM automation_step_stats WHERE automation_id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        StepCount &c = by[q.value(0).toString()];
        c.passed = q.value(1).toLongLong();
        c.ended = q.value(2).toLongLong();
    }
    q.prepare(QStringLiteral("SELECT step, count(*) FROM automation_enrollments WHERE automation_id = ? AND state = 'active' AND version = ? "
                             "GROUP BY step"));
    q.addBindValue(id);
    q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        by[q.value(0).toString()].here = q.value(1).toLongLong();
    for (const Step &s : flow->steps) {
        StepCount c = by.value(s.id);
        c.step = s.id;
        out << c;
    }
    return out;
}

namespace {

// The enrollment columns every read of one takes, in this order (then what the query adds).
constexpr const char *kEnrollmentColumns = "e.id, e.automation_id, e.version, e.contact_id, e.state, e.step, e.waiting_for, e.end_reason, "
                                           "coalesce(e.due_at, 0), e.entered_at, coalesce(e.ended_at, 0)";
constexpr int kEnrollmentColumnCount = 11;

Enrollment enrollmentFrom(const QSqlQuery &q)
{
    Enrollment e;
    e.id = q.value(0).toLongLong();
    e.automationId = q.value(1).toLongLong();
    e.version = q.value(2).toInt();
    e.contactId = q.value(3).toLongLong();
    e.state = q.value(4).toString();
    e.step = q.value(5).toString();
    e.waitingFor = q.value(6).toString();
    e.endReason = q.value(7).toString();
    e.dueAt = q.value(8).toLongLong();
    e.enteredAt = q.value(9).toLongLong();
    e.endedAt = q.value(10).toLongLong();
    return e;
}

} // namespace

Result<QList<Enrollment>> AutomationStore::enrollments(qint64 id, qint64 contactId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM automation_enrollments e WHERE e.contact_id = ? AND e.automation_id = ? ORDER BY e.id")
                  .arg(QLatin1String(kEnrollmentColumns)));
    q.addBindValue(contactId);
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Enrollment> out;
    while (q.next())
        out << enrollmentFrom(q);
    return out;
}

Result<QList<ContactWorkflow>> AutomationStore::forContact(qint64 contactId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1, a.name, e.seq, j.step, j.at, j.what, j.detail FROM automation_enrollments e "
                             "JOIN automations a ON a.id = e.automation_id "
                             "LEFT JOIN automation_journey j ON j.enrollment_id = e.id AND j.seq = e.seq "
                             "WHERE e.contact_id = ? ORDER BY e.entered_at DESC, e.id DESC LIMIT 20")
                  .arg(QLatin1String(kEnrollmentColumns)));
    q.addBindValue(contactId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<ContactWorkflow> out;
    constexpr int n = kEnrollmentColumnCount;
    while (q.next()) {
        ContactWorkflow w;
        w.enrollment = enrollmentFrom(q);
        w.name = q.value(n).toString();
        w.last = JourneyLine{w.enrollment.id, w.enrollment.version, q.value(n + 1).toInt(), q.value(n + 2).toString(), q.value(n + 4).toString(),
                             q.value(n + 5).toString(), q.value(n + 3).toLongLong()};
        out << w;
    }
    return out;
}

Result<QList<JourneyLine>> AutomationStore::journey(qint64 id, qint64 contactId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT j.enrollment_id, e.version, j.seq, j.step, j.at, j.what, j.detail FROM automation_enrollments e "
                             "JOIN automation_journey j ON j.enrollment_id = e.id WHERE e.contact_id = ? AND e.automation_id = ? "
                             "ORDER BY e.id, j.seq"));
    q.addBindValue(contactId);
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<JourneyLine> out;
    while (q.next())
        out << JourneyLine{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toString(),
                           q.value(5).toString(), q.value(6).toString(), q.value(4).toLongLong()};
    return out;
}

Result<MigrationPlan> AutomationStore::migrationPlan(qint64 id, const QHash<QString, QString> &mapping) const
{
    const auto a = find(id);
    if (!a)
        return a.error();
    if (a->version == 0)
        return Error(errc::automationState, tr("“%1” has never been published.").arg(a->name));
    const auto latest = version(id, a->version);
    if (!latest)
        return latest.error();
    MigrationPlan plan;
    plan.toVersion = a->version;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version, step, count(*) FROM automation_enrollments WHERE automation_id = ? AND state = 'active' "
                             "AND version < ? GROUP BY version, step ORDER BY version, step"));
    q.addBindValue(id);
    q.addBindValue(a->version);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        MigrationPlan::Move m;
        m.fromVersion = q.value(0).toInt();
        m.fromStep = q.value(1).toString();
        m.contacts = q.value(2).toLongLong();
        if (latest->step(m.fromStep))
            m.toStep = m.fromStep;
        else if (const QString to = mapping.value(m.fromStep); !to.isEmpty()) {
            if (!latest->step(to))
                return Error(errc::automationInput, tr("Version %1 has no step “%2” to move people to.").arg(a->version).arg(to));
            m.toStep = to;
        }
        plan.moves << m;
    }
    return plan;
}

Result<qint64> AutomationStore::migrate(qint64 id, const QHash<QString, QString> &mapping)
{
    const auto plan = migrationPlan(id, mapping);
    if (!plan)
        return plan.error();
    const auto latest = version(id, plan->toVersion);
    if (!latest)
        return latest.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const qint64 now = m_clock();
    qint64 moved = 0;
    QSqlQuery pick(m_db), q(m_db);
    for (const MigrationPlan::Move &m : plan->moves) {
        pick.prepare(QStringLiteral("SELECT id, seq, waiting_for FROM automation_enrollments WHERE automation_id = ? AND state = 'active' "
                                    "AND version = ? AND step = ?"));
        pick.addBindValue(id);
        pick.addBindValue(m.fromVersion);
        pick.addBindValue(m.fromStep);
        if (!pick.exec())
            return storage::queryError(pick, errc::dbRead);
        struct Row
        {
            qint64 id;
            int seq;
            QString waitingFor;
        };
        QList<Row> rows; // read first: the updates move rows out of the index being read
        while (pick.next())
            rows << Row{pick.value(0).toLongLong(), pick.value(1).toInt() + 1, pick.value(2).toString()};
        pick.finish();
        const Step *target = latest->step(m.toStep);
        for (const Row &row : std::as_const(rows)) {
            // A wait goes on only where the same step of the new version waits the same way.
            const bool keepsWaiting = !row.waitingFor.isEmpty() && target && m.toStep == m.fromStep
                                      && (row.waitingFor == QLatin1String(Position::kTime) ? target->kind == StepKind::Wait || target->kind == StepKind::WaitUntil
                                                                                            : target->kind == StepKind::WaitEvent && target->event == row.waitingFor);
            q.prepare(QStringLiteral("INSERT INTO automation_journey (enrollment_id, seq, step, at, what, detail) VALUES (?, ?, ?, ?, ?, ?)"));
            for (const QVariant &v : QVariantList{row.id, row.seq, m.fromStep, now, QString::fromLatin1(journey::kMigrated),
                                                  m.toStep.isEmpty() ? tr("Version %1 has no “%2”: left the workflow.").arg(plan->toVersion).arg(m.fromStep)
                                                                     : tr("Moved to version %1 at “%2”.").arg(plan->toVersion).arg(m.toStep)})
                q.addBindValue(v);
            if (!q.exec())
                return storage::queryError(q);
            QVariantList binds;
            if (m.toStep.isEmpty()) {
                // Counted as ended at their step of the version they leave.
                QSqlQuery stats(m_db);
                stats.prepare(QStringLiteral("INSERT INTO automation_step_stats (automation_id, version, step, passed, ended) VALUES (?, ?, ?, 0, 1) "
                                             "ON CONFLICT (automation_id, version, step) DO UPDATE SET ended = ended + 1"));
                for (const QVariant &v : QVariantList{id, m.fromVersion, m.fromStep})
                    stats.addBindValue(v);
                if (!stats.exec())
                    return storage::queryError(stats);
                q.prepare(QStringLiteral("UPDATE automation_enrollments SET seq = ?, state = 'exited', ended_at = ?, due_at = NULL, "
                                         "end_reason = 'migrated', version = ?, waiting_for = '' WHERE id = ?"));
                binds = {row.seq, now, plan->toVersion, row.id};
            } else if (keepsWaiting) {
                q.prepare(QStringLiteral("UPDATE automation_enrollments SET seq = ?, version = ? WHERE id = ?"));
                binds = {row.seq, plan->toVersion, row.id};
            } else {
                // A wait that the new step is not: it runs the step now.
                q.prepare(QStringLiteral("UPDATE automation_enrollments SET seq = ?, step = ?, version = ?, waiting_for = '', "
                                         "due_at = CASE WHEN waiting_for <> '' THEN ? ELSE due_at END WHERE id = ?"));
                binds = {row.seq, m.toStep, plan->toVersion, now, row.id};
            }
            for (const QVariant &v : std::as_const(binds))
                q.addBindValue(v);
            if (!q.exec())
                return storage::queryError(q);
            ++moved;
        }
    }
    if (Status s = refreshListenWithin(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return moved;
}

} // namespace lux::automations
