// SPDX-License-Identifier: GPL-3.0-or-later
#include "interpreter.h"

#include "common/errorcodes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <QtEndian>

namespace lux::automations {

namespace {

// QTimeZone is costly to make (tzdata is read): one per zone and thread.
const QTimeZone &zoneOf(const QString &id)
{
    thread_local QHash<QString, QTimeZone> zones;
    auto it = zones.find(id);
    if (it == zones.end()) {
        QTimeZone z = id.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(id.toLatin1());
        if (!z.isValid())
            z = QTimeZone::systemTimeZone();
        it = zones.insert(id, z);
    }
    return *it;
}

} // namespace

bool Interpreter::satisfies(const QString &event, const QString &signalKind)
{
    if (event == u"opened")
        return signalKind == u"open" || signalKind == u"click"; // a click is an open the pixel missed
    if (event == u"clicked")
        return signalKind == u"click" || signalKind == u"sms-click";
    if (event == u"registered")
        return signalKind == u"registered" || signalKind == u"confirmed";
    if (event == u"replied")
        return signalKind == u"replied";
    return false;
}

qint64 Interpreter::nextLocalTime(qint64 now, int minuteOfDay, const QList<int> &weekdays, const QString &zone)
{
    const QTimeZone &z = zoneOf(zone);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, z);
    const QTime at(minuteOfDay / 60, minuteOfDay % 60);
    for (int d = 0; d < 8; ++d) {
        const QDate day = local.date().addDays(d);
        if (!weekdays.isEmpty() && !weekdays.contains(day.dayOfWeek()))
            continue;
        QDateTime candidate(day, at, z);
        // A time a clock change skips (02:30 on a spring night) is invalid in Qt 6.4: the hour after.
        for (int hour = 1; !candidate.isValid() && hour <= 3; ++hour)
            candidate = QDateTime(day, at.addSecs(hour * 3600), z);
        if (candidate.isValid() && candidate.toMSecsSinceEpoch() > now)
            return candidate.toMSecsSinceEpoch();
    }
    return now + 7LL * 24 * 3600 * 1000; // not reached: some day of the next week matches
}

int Interpreter::branch(const Step &split) const
{
    // A hash of the seed, the contact and the step: stable across runs, machines and versions.
    QCryptographicHash h(QCryptographicHash::Sha256);
    const quint64 seed = qToLittleEndian(m_flow.seed);
    const qint64 contact = qToLittleEndian(m_contact);
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&seed), sizeof seed));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&contact), sizeof contact));
    h.addData(split.id.toUtf8());
    const QByteArray digest = h.result();
    const quint32 draw = qFromLittleEndian<quint32>(digest.constData()) % 100;
    int upTo = 0;
    for (qsizetype i = 0; i < split.branches.size(); ++i) {
        upTo += split.branches.at(i).percent;
        if (int(draw) < upTo)
            return int(i);
    }
    return int(split.branches.size()) - 1;
}

bool Interpreter::test(const Condition &c, ContactView &contact, qint64 now) const
{
    bool result = false;
    switch (c.kind) {
    case Condition::Kind::Tag: result = contact.hasTag(c.name); break;
    case Condition::Kind::Segment: result = contact.inSegment(c.name); break;
    case Condition::Kind::Field: {
        const QString v = contact.field(c.name);
        if (c.op == u"empty")
            result = v.trimmed().isEmpty();
        else if (c.op == u"not_empty")
            result = !v.trimmed().isEmpty();
        else if (c.op == u"eq")
            result = v.compare(c.value, Qt::CaseInsensitive) == 0;
        else if (c.op == u"ne")
            result = v.compare(c.value, Qt::CaseInsensitive) != 0;
        else if (c.op == u"contains")
            result = v.contains(c.value, Qt::CaseInsensitive);
        else {
            bool a = false, b = false;
            const double x = v.toDouble(&a), y = c.value.toDouble(&b);
            if (a && b)
                result = c.op == u"gt" ? x > y : x < y;
            else if (!v.isEmpty()) // dates and other text compare as text (ISO dates sort right)
                result = c.op == u"gt" ? v > c.value : v < c.value;
        }
        break;
    }
    case Condition::Kind::Engagement:
        result = contact.engaged(c.name, c.withinDays > 0 ? now - qint64(c.withinDays) * 86'400'000 : 0);
        break;
    case Condition::Kind::Event: result = contact.happened(c.name, 0, now); break;
    case Condition::Kind::All:
        result = std::all_of(c.parts.cbegin(), c.parts.cend(), [&](const Condition &p) { return test(p, contact, now); });
        break;
    case Condition::Kind::Any:
        result = std::any_of(c.parts.cbegin(), c.parts.cend(), [&](const Condition &p) { return test(p, contact, now); });
        break;
    }
    return c.negate ? !result : result;
}

Status Interpreter::line(Position &pos, Effects &effects, const QString &step, const QString &what, const QString &detail)
{
    ++pos.seq;
    return effects.log(pos.seq, step, what, detail);
}

Result<Advance> Interpreter::run(Position &pos, ContactView &contact, Effects &effects, qint64 now)
{
    QString from;
    if (pos.waitingFor == QLatin1String(Position::kTime)) {
        if (pos.dueAt > now)
            return Advance{};
        const Step *wait = m_flow.step(pos.step);
        from = pos.step;
        pos.waitingFor.clear();
        pos.step = wait ? wait->next : QString();
    } else if (!pos.waitingFor.isEmpty()) {
        if (pos.dueAt > now)
            return Advance{}; // still waiting for its event
        // The event came in time and went unheard (the workflow was paused): it counts.
        if (contact.happened(pos.waitingFor, pos.waitSince, pos.dueAt))
            return resume(pos, contact, effects, now);
        const Step *wait = m_flow.step(pos.step);
        if (Status s = line(pos, effects, pos.step, QString::fromLatin1(journey::kTimedOut),
                            tr("Nothing happened in time: “%1” not seen.").arg(pos.waitingFor));
            !s)
            return s.error();
        from = pos.step;
        pos.waitingFor.clear();
        pos.step = wait ? wait->otherwise : QString();
    }
    return go(pos, contact, effects, now, from);
}

Result<Advance> Interpreter::resume(Position &pos, ContactView &contact, Effects &effects, qint64 now)
{
    const Step *wait = m_flow.step(pos.step);
    if (Status s = line(pos, effects, pos.step, QString::fromLatin1(journey::kHappened), pos.waitingFor); !s)
        return s.error();
    const QString from = pos.step;
    pos.waitingFor.clear();
    pos.step = wait ? wait->next : QString();
    return go(pos, contact, effects, now, from);
}

Result<Advance> Interpreter::reachGoal(Position &pos, const Step &goal, ContactView &contact, Effects &effects, qint64 now)
{
    pos.waitingFor.clear();
    pos.step = goal.id;
    return go(pos, contact, effects, now);
}

Result<Advance> Interpreter::go(Position &pos, ContactView &contact, Effects &effects, qint64 now, const QString &from)
{
    Advance out;
    const auto end = [&](Advance::State state, const QString &at, const char *code, const QString &reason) -> Result<Advance> {
        const bool done = state == Advance::State::Done;
        if (Status s = line(pos, effects, at, QString::fromLatin1(done ? journey::kDone : journey::kExited), reason); !s)
            return s.error();
        out.state = state;
        out.endStep = at;
        out.code = QString::fromLatin1(code);
        out.reason = reason;
        pos.step = at;
        pos.waitingFor.clear();
        return out;
    };
    QString last = pos.step.isEmpty() ? from : pos.step;
    while (true) {
        if (pos.step.isEmpty())
            return end(Advance::State::Done, last, endreason::kEnd, tr("Reached the end of the workflow."));
        const Step *s = m_flow.step(pos.step);
        if (!s) // a version never names a step it lacks (FlowCheck); a migration may have
            return end(Advance::State::Exited, last, endreason::kMissingStep, tr("The step “%1” is not in this version.").arg(pos.step));
        if (++out.steps > kMaxStepsPerRun)
            return end(Advance::State::Exited, s->id, endreason::kLoop, tr("Stopped after %n step(s) without a wait.", nullptr, kMaxStepsPerRun));
        last = s->id;
        effects.passed(s->id);
        QString next = s->next;
        switch (s->kind) {
        case StepKind::Email:
        case StepKind::Sms: {
            const auto sent = effects.send(*s, pos.seq + 1);
            if (!sent)
                return sent.error();
            using Sent = Effects::Sent;
            QString what = QString::fromLatin1(journey::kSkipped), detail;
            switch (*sent) {
            case Sent::Queued:
                what = QString::fromLatin1(journey::kSent);
                detail = s->kind == StepKind::Email ? tr("Email “%1” queued.").arg(s->subject) : tr("Text message queued.");
                break;
            case Sent::Capped: detail = tr("Not sent: the contact had today's most marketing messages on this channel."); break;
            case Sent::Unreachable: detail = tr("Not sent: no address on this channel, or no consent for it."); break;
            case Sent::Suppressed: detail = tr("Not sent: the address is on the suppression list."); break;
            case Sent::Unsubscribed: break;
            }
            if (*sent == Sent::Unsubscribed) {
                if (Status st = line(pos, effects, s->id, what, tr("Not sent: the contact unsubscribed.")); !st)
                    return st.error();
                return end(Advance::State::Exited, s->id, endreason::kUnsubscribed, tr("The contact unsubscribed: they leave workflows that send marketing."));
            }
            if (Status st = line(pos, effects, s->id, what, detail); !st)
                return st.error();
            break;
        }
        case StepKind::Tag: {
            if (Status st = effects.tag(s->addTags, s->removeTags); !st)
                return st.error();
            QStringList parts;
            if (!s->addTags.isEmpty())
                parts << tr("added %1").arg(s->addTags.join(QStringLiteral(", ")));
            if (!s->removeTags.isEmpty())
                parts << tr("removed %1").arg(s->removeTags.join(QStringLiteral(", ")));
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kTagged), parts.join(QStringLiteral("; "))); !st)
                return st.error();
            break;
        }
        case StepKind::SetField:
            if (Status st = effects.setField(s->field, s->value); !st)
                return st.error();
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kField), QStringLiteral("%1 = %2").arg(s->field, s->value)); !st)
                return st.error();
            break;
        case StepKind::Notify:
            if (Status st = effects.notify(*s); !st)
                return st.error();
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kNotified), s->text); !st)
                return st.error();
            break;
        case StepKind::Wait:
        case StepKind::WaitUntil: {
            const qint64 until = s->kind == StepKind::Wait ? now + qint64(s->durationMinutes) * 60'000
                                                           : nextLocalTime(now, s->minuteOfDay, s->weekdays, contact.timeZone());
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kWaiting),
                                 tr("Waits until %1 (UTC).").arg(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODate)));
                !st)
                return st.error();
            pos.waitingFor = QString::fromLatin1(Position::kTime);
            pos.waitSince = now;
            pos.dueAt = until;
            out.state = Advance::State::Waiting;
            return out;
        }
        case StepKind::WaitEvent:
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kWaiting), tr("Waits for “%1”.").arg(s->event)); !st)
                return st.error();
            pos.waitingFor = s->event;
            pos.waitSince = now;
            pos.dueAt = now + qint64(s->timeoutMinutes) * 60'000;
            out.state = Advance::State::Waiting;
            return out;
        case StepKind::Condition: {
            const bool yes = s->condition && test(*s->condition, contact, now);
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(yes ? journey::kYes : journey::kNo),
                                 s->condition ? s->condition->describe() : QString());
                !st)
                return st.error();
            next = yes ? s->next : s->otherwise;
            break;
        }
        case StepKind::Split: {
            const int b = branch(*s);
            const SplitBranch &chosen = s->branches.at(b);
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kBranch),
                                 chosen.label.isEmpty() ? QString::number(b + 1) : chosen.label);
                !st)
                return st.error();
            next = chosen.next;
            break;
        }
        case StepKind::Goal:
            if (Status st = line(pos, effects, s->id, QString::fromLatin1(journey::kGoal), s->condition ? s->condition->describe() : QString()); !st)
                return st.error();
            if (s->exitOnGoal)
                return end(Advance::State::Exited, s->id, endreason::kGoal, tr("Reached the goal."));
            break;
        case StepKind::Exit: return end(Advance::State::Done, s->id, endreason::kExitStep, tr("Left at an exit step."));
        }
        pos.step = next;
    }
}

} // namespace lux::automations
