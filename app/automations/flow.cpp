// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow.h"

#include "common/errorcodes.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace lux::automations {

namespace {

template<typename E>
struct Names
{
    E value;
    const char *name;
};

constexpr Names<TriggerKind> kTriggers[] = {
    {TriggerKind::Manual, "manual"},
    {TriggerKind::ContactCreated, "contact_created"},
    {TriggerKind::TagAdded, "tag_added"},
    {TriggerKind::SegmentEntered, "segment_entered"},
    {TriggerKind::EventRegistered, "event_registration"},
    {TriggerKind::EmailOpened, "email_opened"},
    {TriggerKind::EmailClicked, "email_clicked"},
    {TriggerKind::SmsClicked, "sms_clicked"},
    {TriggerKind::SmsKeyword, "sms_keyword"},
    {TriggerKind::Anniversary, "anniversary"},
};

constexpr Names<StepKind> kSteps[] = {
    {StepKind::Email, "email"},         {StepKind::Sms, "sms"},
    {StepKind::Tag, "tag"},             {StepKind::SetField, "set_field"},
    {StepKind::Wait, "wait"},           {StepKind::WaitUntil, "wait_until"},
    {StepKind::WaitEvent, "wait_event"}, {StepKind::Condition, "condition"},
    {StepKind::Split, "split"},         {StepKind::Goal, "goal"},
    {StepKind::Notify, "notify"},       {StepKind::Exit, "exit"},
};

constexpr Names<EntryRule> kEntries[] = {
    {EntryRule::Once, "once"},
    {EntryRule::AgainAfterExit, "again"},
    {EntryRule::AnyTime, "any"},
};

constexpr Names<Condition::Kind> kConditions[] = {
    {Condition::Kind::Tag, "tag"},       {Condition::Kind::Segment, "segment"},     {Condition::Kind::Field, "field"},
    {Condition::Kind::Engagement, "engagement"}, {Condition::Kind::Event, "event"}, {Condition::Kind::All, "all"},
    {Condition::Kind::Any, "any"},
};

template<typename E, size_t N>
QString nameOf(const Names<E> (&table)[N], E value)
{
    for (const auto &n : table)
        if (n.value == value)
            return QString::fromLatin1(n.name);
    return {};
}

template<typename E, size_t N>
std::optional<E> valueOf(const Names<E> (&table)[N], const QString &name)
{
    for (const auto &n : table)
        if (name == QLatin1String(n.name))
            return n.value;
    return std::nullopt;
}

const QStringList kWeekdays{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                            QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
const QStringList kWaitEvents{QStringLiteral("opened"), QStringLiteral("clicked"), QStringLiteral("registered"), QStringLiteral("replied")};
const QStringList kFieldOps{QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("contains"), QStringLiteral("empty"),
                            QStringLiteral("not_empty"), QStringLiteral("gt"), QStringLiteral("lt")};

// "90m", "4h", "2d", or a number of minutes.
std::optional<int> parseMinutes(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d < 0 || d > 366.0 * 1440 || d != double(qint64(d)))
            return std::nullopt;
        return int(d);
    }
    static const QRegularExpression form(QStringLiteral("^(\\d{1,6})\\s*([mhdw])$"));
    const QRegularExpressionMatch m = form.match(v.toString().trimmed().toLower());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString u = m.captured(2);
    const qint64 minutes = u == u"m" ? n : u == u"h" ? n * 60 : u == u"d" ? n * 1440 : n * 7 * 1440;
    if (minutes > 366LL * 1440)
        return std::nullopt;
    return int(minutes);
}

QString minutesText(int minutes)
{
    if (minutes > 0 && minutes % 1440 == 0)
        return QStringLiteral("%1d").arg(minutes / 1440);
    if (minutes > 0 && minutes % 60 == 0)
        return QStringLiteral("%1h").arg(minutes / 60);
    return QStringLiteral("%1m").arg(minutes);
}

std::optional<int> parseTimeOfDay(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^([01]?\\d|2[0-3]):([0-5]\\d)$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt() * 60 + m.captured(2).toInt();
}

QString timeOfDayText(int minuteOfDay)
{
    return QStringLiteral("%1:%2").arg(minuteOfDay / 60, 2, 10, QLatin1Char('0')).arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isString()) {
        if (!v.toString().trimmed().isEmpty())
            out << v.toString().trimmed();
        return out;
    }
    for (const QJsonValue &e : v.toArray())
        if (const QString s = e.toString().trimmed(); !s.isEmpty())
            out << s;
    return out;
}

Error inputError(const QString &where, const QString &message)
{
    return Error(errc::automationInput, where.isEmpty() ? message : QStringLiteral("%1: %2").arg(where, message));
}

} // namespace

QString triggerKindName(TriggerKind kind) { return nameOf(kTriggers, kind); }
std::optional<TriggerKind> triggerKindFromName(const QString &name) { return valueOf(kTriggers, name); }
QString stepKindName(StepKind kind) { return nameOf(kSteps, kind); }
std::optional<StepKind> stepKindFromName(const QString &name) { return valueOf(kSteps, name); }
QString entryRuleName(EntryRule rule) { return nameOf(kEntries, rule); }
std::optional<EntryRule> entryRuleFromName(const QString &name) { return valueOf(kEntries, name); }

bool stepSends(StepKind kind)
{
    return kind == StepKind::Email || kind == StepKind::Sms;
}

bool stepWaits(StepKind kind)
{
    return kind == StepKind::Wait || kind == StepKind::WaitUntil || kind == StepKind::WaitEvent;
}

QJsonObject Condition::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), nameOf(kConditions, kind)}};
    if (negate)
        o.insert(QStringLiteral("not"), true);
    switch (kind) {
    case Kind::All:
    case Kind::Any: {
        QJsonArray a;
        for (const Condition &c : parts)
            a.append(c.toJson());
        o.insert(QStringLiteral("of"), a);
        break;
    }
    case Kind::Field:
        o.insert(QStringLiteral("field"), name);
        o.insert(QStringLiteral("op"), op);
        if (op != u"empty" && op != u"not_empty")
            o.insert(QStringLiteral("value"), value);
        break;
    case Kind::Engagement:
        o.insert(QStringLiteral("event"), name);
        if (withinDays > 0)
            o.insert(QStringLiteral("within_days"), withinDays);
        break;
    case Kind::Event: o.insert(QStringLiteral("event"), name); break;
    case Kind::Tag: o.insert(QStringLiteral("tag"), name); break;
    case Kind::Segment: o.insert(QStringLiteral("segment"), name); break;
    }
    return o;
}

Result<Condition> Condition::fromJson(const QJsonObject &o, const QString &where)
{
    Condition c;
    const auto kind = valueOf(kConditions, o.value(QStringLiteral("type")).toString());
    if (!kind)
        return inputError(where, FlowCheck::tr("the condition's type must be tag, segment, field, engagement, event, all or any."));
    c.kind = *kind;
    c.negate = o.value(QStringLiteral("not")).toBool();
    switch (c.kind) {
    case Kind::All:
    case Kind::Any: {
        const QJsonArray parts = o.value(QStringLiteral("of")).toArray();
        if (parts.isEmpty())
            return inputError(where, FlowCheck::tr("“all” and “any” need the conditions they combine in “of”."));
        for (qsizetype i = 0; i < parts.size(); ++i) {
            auto part = fromJson(parts.at(i).toObject(), QStringLiteral("%1 › %2").arg(where).arg(i + 1));
            if (!part)
                return part.error();
            c.parts << *part;
        }
        break;
    }
    case Kind::Tag:
    case Kind::Segment:
        c.name = o.value(c.kind == Kind::Tag ? QStringLiteral("tag") : QStringLiteral("segment")).toString().trimmed();
        if (c.name.isEmpty())
            return inputError(where, c.kind == Kind::Tag ? FlowCheck::tr("the condition needs a tag.") : FlowCheck::tr("the condition needs a segment."));
        break;
    case Kind::Field:
        c.name = o.value(QStringLiteral("field")).toString().trimmed();
        c.op = o.value(QStringLiteral("op")).toString(QStringLiteral("eq"));
        c.value = o.value(QStringLiteral("value")).toVariant().toString();
        if (c.name.isEmpty())
            return inputError(where, FlowCheck::tr("the condition needs a field."));
        if (!kFieldOps.contains(c.op))
            return inputError(where, FlowCheck::tr("“%1” is not a comparison: use one of %2.").arg(c.op, kFieldOps.join(QStringLiteral(", "))));
        break;
    case Kind::Engagement:
    case Kind::Event:
        c.name = o.value(QStringLiteral("event")).toString();
        if (!kWaitEvents.contains(c.name))
            return inputError(where, FlowCheck::tr("the event must be opened, clicked, registered or replied."));
        c.withinDays = o.value(QStringLiteral("within_days")).toInt();
        if (c.withinDays < 0 || c.withinDays > 3650)
            return inputError(where, FlowCheck::tr("within_days must be between 0 and 3650."));
        break;
    }
    return c;
}

QString Condition::describe() const
{
    QString text;
    switch (kind) {
    case Kind::Tag: text = FlowCheck::tr("has the tag “%1”").arg(name); break;
    case Kind::Segment: text = FlowCheck::tr("is in the segment “%1”").arg(name); break;
    case Kind::Field:
        if (op == u"empty")
            text = FlowCheck::tr("%1 is empty").arg(name);
        else if (op == u"not_empty")
            text = FlowCheck::tr("%1 is not empty").arg(name);
        else if (op == u"ne")
            text = FlowCheck::tr("%1 is not “%2”").arg(name, value);
        else if (op == u"contains")
            text = FlowCheck::tr("%1 contains “%2”").arg(name, value);
        else if (op == u"gt")
            text = FlowCheck::tr("%1 is more than %2").arg(name, value);
        else if (op == u"lt")
            text = FlowCheck::tr("%1 is less than %2").arg(name, value);
        else
            text = FlowCheck::tr("%1 is “%2”").arg(name, value);
        break;
    case Kind::Engagement:
        text = withinDays > 0 ? FlowCheck::tr("%1 an email in the last %n day(s)", nullptr, withinDays).arg(name)
                              : FlowCheck::tr("%1 an email").arg(name);
        break;
    case Kind::Event: text = FlowCheck::tr("%1 (in this workflow)").arg(name); break;
    case Kind::All:
    case Kind::Any: {
        QStringList each;
        for (const Condition &c : parts)
            each << c.describe();
        text = each.join(kind == Kind::All ? FlowCheck::tr(" and ") : FlowCheck::tr(" or "));
        break;
    }
    }
    return negate ? FlowCheck::tr("not (%1)").arg(text) : text;
}

QStringList Step::exits() const
{
    QStringList out;
    if (!next.isEmpty())
        out << next;
    if (!otherwise.isEmpty())
        out << otherwise;
    for (const SplitBranch &b : branches)
        if (!b.next.isEmpty())
            out << b.next;
    return out;
}

const Step *Flow::step(const QString &id) const
{
    for (const Step &s : steps)
        if (s.id == id)
            return &s;
    return nullptr;
}

Step *Flow::step(const QString &id)
{
    for (Step &s : steps)
        if (s.id == id)
            return &s;
    return nullptr;
}

bool Flow::sends() const
{
    return std::any_of(steps.cbegin(), steps.cend(), [](const Step &s) { return stepSends(s.kind); });
}

QString Flow::newStepId(StepKind kind) const
{
    const QString base = stepKindName(kind).replace(u'_', u'-');
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!step(id))
            return id;
    }
}

QJsonObject Flow::toJson() const
{
    QJsonObject trigger{{QStringLiteral("type"), triggerKindName(this->trigger.kind)}};
    switch (this->trigger.kind) {
    case TriggerKind::TagAdded: trigger.insert(QStringLiteral("tag"), this->trigger.tag); break;
    case TriggerKind::SegmentEntered: trigger.insert(QStringLiteral("segment"), this->trigger.segment); break;
    case TriggerKind::EventRegistered:
        if (this->trigger.event)
            trigger.insert(QStringLiteral("event"), this->trigger.event);
        trigger.insert(QStringLiteral("status"), this->trigger.eventStatus);
        break;
    case TriggerKind::EmailOpened:
    case TriggerKind::EmailClicked:
    case TriggerKind::SmsClicked:
        if (this->trigger.campaign)
            trigger.insert(QStringLiteral("campaign"), this->trigger.campaign);
        break;
    case TriggerKind::SmsKeyword: trigger.insert(QStringLiteral("keyword"), this->trigger.keyword); break;
    case TriggerKind::Anniversary:
        trigger.insert(QStringLiteral("field"), this->trigger.field);
        trigger.insert(QStringLiteral("time"), timeOfDayText(this->trigger.minuteOfDay));
        break;
    case TriggerKind::Manual:
    case TriggerKind::ContactCreated: break;
    }
    QJsonObject entry{{QStringLiteral("rule"), entryRuleName(this->entry)}};
    if (this->entry == EntryRule::AgainAfterExit)
        entry.insert(QStringLiteral("gap"), minutesText(reentryGapMinutes));
    QJsonArray list;
    for (const Step &s : steps) {
        QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("type"), stepKindName(s.kind)}};
        if (!s.name.isEmpty())
            o.insert(QStringLiteral("name"), s.name);
        switch (s.kind) {
        case StepKind::Email:
            o.insert(QStringLiteral("template"), s.templateId);
            o.insert(QStringLiteral("subject"), s.subject);
            o.insert(QStringLiteral("from"), s.from);
            break;
        case StepKind::Sms:
            o.insert(QStringLiteral("text"), s.text);
            o.insert(QStringLiteral("from"), s.from);
            break;
        case StepKind::Notify: o.insert(QStringLiteral("text"), s.text); break;
        case StepKind::Tag:
            if (!s.addTags.isEmpty())
                o.insert(QStringLiteral("add"), QJsonArray::fromStringList(s.addTags));
            if (!s.removeTags.isEmpty())
                o.insert(QStringLiteral("remove"), QJsonArray::fromStringList(s.removeTags));
            break;
        case StepKind::SetField:
            o.insert(QStringLiteral("field"), s.field);
            o.insert(QStringLiteral("value"), s.value);
            break;
        case StepKind::Wait: o.insert(QStringLiteral("duration"), minutesText(s.durationMinutes)); break;
        case StepKind::WaitUntil: {
            o.insert(QStringLiteral("time"), timeOfDayText(s.minuteOfDay));
            QJsonArray days;
            for (int d : s.weekdays)
                days.append(kWeekdays.value(d - 1));
            if (!days.isEmpty())
                o.insert(QStringLiteral("days"), days);
            break;
        }
        case StepKind::WaitEvent:
            o.insert(QStringLiteral("event"), s.event);
            o.insert(QStringLiteral("timeout"), minutesText(s.timeoutMinutes));
            break;
        case StepKind::Condition:
        case StepKind::Goal:
            if (s.condition)
                o.insert(s.kind == StepKind::Goal ? QStringLiteral("when") : QStringLiteral("if"), s.condition->toJson());
            if (s.kind == StepKind::Goal && s.exitOnGoal)
                o.insert(QStringLiteral("on_reach"), QStringLiteral("exit"));
            break;
        case StepKind::Split: {
            QJsonArray branches;
            for (const SplitBranch &b : s.branches) {
                QJsonObject bo{{QStringLiteral("percent"), b.percent}, {QStringLiteral("next"), b.next}};
                if (!b.label.isEmpty())
                    bo.insert(QStringLiteral("label"), b.label);
                branches.append(bo);
            }
            o.insert(QStringLiteral("branches"), branches);
            break;
        }
        case StepKind::Exit: break;
        }
        if (s.kind != StepKind::Split && s.kind != StepKind::Exit && !s.next.isEmpty())
            o.insert(s.kind == StepKind::Condition || s.kind == StepKind::WaitEvent ? QStringLiteral("yes") : QStringLiteral("next"), s.next);
        if ((s.kind == StepKind::Condition || s.kind == StepKind::WaitEvent) && !s.otherwise.isEmpty())
            o.insert(QStringLiteral("no"), s.otherwise);
        o.insert(QStringLiteral("x"), qRound(s.position.x()));
        o.insert(QStringLiteral("y"), qRound(s.position.y()));
        list.append(o);
    }
    QJsonObject out{{QStringLiteral("name"), name},
                    {QStringLiteral("trigger"), trigger},
                    {QStringLiteral("entry"), entry},
                    {QStringLiteral("start"), start},
                    {QStringLiteral("steps"), list}};
    if (seed)
        out.insert(QStringLiteral("seed"), QString::number(seed));
    return out;
}

Result<Flow> Flow::fromJson(const QJsonObject &o)
{
    Flow f;
    f.name = o.value(QStringLiteral("name")).toString().trimmed();
    if (f.name.isEmpty())
        return inputError({}, FlowCheck::tr("the workflow needs a name."));
    if (f.name.size() > 200)
        return inputError({}, FlowCheck::tr("the name is longer than 200 characters."));
    const QJsonObject t = o.value(QStringLiteral("trigger")).toObject();
    const QString where = FlowCheck::tr("trigger");
    const auto kind = triggerKindFromName(t.value(QStringLiteral("type")).toString(QStringLiteral("manual")));
    if (!kind)
        return inputError(where, FlowCheck::tr("“%1” is not a trigger.").arg(t.value(QStringLiteral("type")).toString()));
    f.trigger.kind = *kind;
    f.trigger.tag = t.value(QStringLiteral("tag")).toString().trimmed();
    f.trigger.segment = t.value(QStringLiteral("segment")).toString().trimmed();
    f.trigger.keyword = t.value(QStringLiteral("keyword")).toString().trimmed().toUpper();
    f.trigger.field = t.value(QStringLiteral("field")).toString().trimmed();
    f.trigger.event = t.value(QStringLiteral("event")).toInteger();
    f.trigger.campaign = t.value(QStringLiteral("campaign")).toInteger();
    f.trigger.eventStatus = t.value(QStringLiteral("status")).toString(QStringLiteral("registered"));
    if (!QStringList{QStringLiteral("registered"), QStringLiteral("confirmed"), QStringLiteral("attended")}.contains(f.trigger.eventStatus))
        return inputError(where, FlowCheck::tr("status must be registered, confirmed or attended."));
    if (t.contains(QStringLiteral("time"))) {
        const auto minute = parseTimeOfDay(t.value(QStringLiteral("time")).toString());
        if (!minute)
            return inputError(where, FlowCheck::tr("time must be HH:MM."));
        f.trigger.minuteOfDay = *minute;
    }
    const QJsonObject entry = o.value(QStringLiteral("entry")).toObject();
    const auto rule = entryRuleFromName(entry.value(QStringLiteral("rule")).toString(QStringLiteral("once")));
    if (!rule)
        return inputError(FlowCheck::tr("entry"), FlowCheck::tr("rule must be once, again or any."));
    f.entry = *rule;
    if (entry.contains(QStringLiteral("gap"))) {
        const auto gap = parseMinutes(entry.value(QStringLiteral("gap")));
        if (!gap)
            return inputError(FlowCheck::tr("entry"), FlowCheck::tr("gap must be a duration such as “30d”, “12h” or “90m”."));
        f.reentryGapMinutes = *gap;
    }
    f.start = o.value(QStringLiteral("start")).toString();
    f.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    const QJsonArray list = o.value(QStringLiteral("steps")).toArray();
    if (list.size() > 500)
        return inputError({}, FlowCheck::tr("a workflow has at most 500 steps."));
    static const QRegularExpression idForm(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject so = list.at(i).toObject();
        Step s;
        s.id = so.value(QStringLiteral("id")).toString();
        const QString at = FlowCheck::tr("step %1 (“%2”)").arg(i + 1).arg(s.id);
        if (!idForm.match(s.id).hasMatch())
            return inputError(at, FlowCheck::tr("id must be 1 to 40 letters, digits, “-” or “_”."));
        if (ids.contains(s.id))
            return inputError(at, FlowCheck::tr("another step has this id."));
        ids.insert(s.id);
        const auto sk = stepKindFromName(so.value(QStringLiteral("type")).toString());
        if (!sk)
            return inputError(at, FlowCheck::tr("“%1” is not a kind of step.").arg(so.value(QStringLiteral("type")).toString()));
        s.kind = *sk;
        s.name = so.value(QStringLiteral("name")).toString();
        s.next = so.value(s.kind == StepKind::Condition || s.kind == StepKind::WaitEvent ? QStringLiteral("yes") : QStringLiteral("next")).toString();
        s.otherwise = so.value(QStringLiteral("no")).toString();
        s.templateId = so.value(QStringLiteral("template")).toInteger();
        s.subject = so.value(QStringLiteral("subject")).toString();
        s.from = so.value(QStringLiteral("from")).toString().trimmed();
        s.text = so.value(QStringLiteral("text")).toString();
        s.addTags = stringList(so.value(QStringLiteral("add")));
        s.removeTags = stringList(so.value(QStringLiteral("remove")));
        s.field = so.value(QStringLiteral("field")).toString().trimmed();
        s.value = so.value(QStringLiteral("value")).toVariant().toString();
        s.event = so.value(QStringLiteral("event")).toString();
        s.position = QPointF(so.value(QStringLiteral("x")).toDouble(), so.value(QStringLiteral("y")).toDouble());
        if (so.contains(QStringLiteral("duration"))) {
            const auto d = parseMinutes(so.value(QStringLiteral("duration")));
            if (!d)
                return inputError(at, FlowCheck::tr("duration must be a duration such as “2d”, “4h” or “30m”."));
            s.durationMinutes = *d;
        }
        if (so.contains(QStringLiteral("timeout"))) {
            const auto d = parseMinutes(so.value(QStringLiteral("timeout")));
            if (!d)
                return inputError(at, FlowCheck::tr("timeout must be a duration such as “3d”."));
            s.timeoutMinutes = *d;
        }
        if (so.contains(QStringLiteral("time"))) {
            const auto minute = parseTimeOfDay(so.value(QStringLiteral("time")).toString());
            if (!minute)
                return inputError(at, FlowCheck::tr("time must be HH:MM."));
            s.minuteOfDay = *minute;
        }
        for (const QString &day : stringList(so.value(QStringLiteral("days")))) {
            const qsizetype d = kWeekdays.indexOf(day.toLower().left(3));
            if (d < 0)
                return inputError(at, FlowCheck::tr("“%1” is not a weekday (mon … sun).").arg(day));
            if (!s.weekdays.contains(int(d) + 1))
                s.weekdays << int(d) + 1;
        }
        std::sort(s.weekdays.begin(), s.weekdays.end());
        const QString conditionKey = s.kind == StepKind::Goal ? QStringLiteral("when") : QStringLiteral("if");
        if (so.contains(conditionKey)) {
            auto c = Condition::fromJson(so.value(conditionKey).toObject(), at);
            if (!c)
                return c.error();
            s.condition = *c;
        }
        s.exitOnGoal = so.value(QStringLiteral("on_reach")).toString() == u"exit";
        for (const QJsonValue &bv : so.value(QStringLiteral("branches")).toArray()) {
            const QJsonObject bo = bv.toObject();
            s.branches << SplitBranch{bo.value(QStringLiteral("percent")).toInt(), bo.value(QStringLiteral("next")).toString(),
                                      bo.value(QStringLiteral("label")).toString()};
        }
        f.steps << s;
    }
    if (f.start.isEmpty() && !f.steps.isEmpty())
        f.start = f.steps.constFirst().id;
    return f;
}

QList<Problem> FlowCheck::problems(const Flow &flow)
{
    QList<Problem> out;
    const auto error = [&out](const QString &step, const QString &message) { out << Problem{Problem::Severity::Error, step, message}; };
    const auto warning = [&out](const QString &step, const QString &message) { out << Problem{Problem::Severity::Warning, step, message}; };
    if (flow.name.trimmed().isEmpty())
        error({}, tr("The workflow needs a name."));
    switch (flow.trigger.kind) {
    case TriggerKind::TagAdded:
        if (flow.trigger.tag.isEmpty())
            error({}, tr("The trigger needs the tag it waits for."));
        break;
    case TriggerKind::SegmentEntered:
        if (flow.trigger.segment.isEmpty())
            error({}, tr("The trigger needs a segment."));
        break;
    case TriggerKind::SmsKeyword:
        if (flow.trigger.keyword.isEmpty())
            error({}, tr("The trigger needs the keyword people text."));
        break;
    case TriggerKind::Anniversary:
        if (flow.trigger.field.isEmpty())
            error({}, tr("The trigger needs the date field whose anniversary it is."));
        break;
    default: break;
    }
    if (flow.steps.isEmpty()) {
        error({}, tr("The workflow has no steps."));
        return out;
    }
    if (!flow.step(flow.start))
        error({}, tr("The first step “%1” does not exist.").arg(flow.start));
    QSet<QString> lowered;
    for (const Step &s : flow.steps)
        if (const QString key = s.id.toLower(); lowered.contains(key))
            error(s.id, tr("Another step's id differs only in capitals: step ids must differ in letters."));
        else
            lowered.insert(key);
    if (flow.trigger.kind == TriggerKind::Anniversary && flow.entry == EntryRule::Once)
        warning({}, tr("An anniversary with the entry rule “once” enters each contact only the first year: choose “again after leaving”."));
    for (const Step &s : flow.steps) {
        for (const QString &to : s.exits())
            if (!flow.step(to))
                error(s.id, tr("It goes on to “%1”, which does not exist.").arg(to));
        switch (s.kind) {
        case StepKind::Email:
            if (s.templateId <= 0)
                error(s.id, tr("Choose the email template it sends."));
            if (s.subject.trimmed().isEmpty())
                error(s.id, tr("The email needs a subject."));
            if (s.from.isEmpty())
                error(s.id, tr("Choose the mailbox it is sent from."));
            break;
        case StepKind::Sms:
            if (s.text.trimmed().isEmpty())
                error(s.id, tr("The text message is empty."));
            if (s.from.isEmpty())
                error(s.id, tr("Choose the number it is sent from."));
            break;
        case StepKind::Notify:
            if (s.text.trimmed().isEmpty())
                error(s.id, tr("Say what the notification tells you."));
            break;
        case StepKind::Tag:
            if (s.addTags.isEmpty() && s.removeTags.isEmpty())
                error(s.id, tr("Name a tag to add or to remove."));
            break;
        case StepKind::SetField: {
            static const QStringList kept{QStringLiteral("email"), QStringLiteral("email_key"), QStringLiteral("phone"), QStringLiteral("phone_type"),
                                          QStringLiteral("status"), QStringLiteral("source"), QStringLiteral("sms_consent"), QStringLiteral("id"),
                                          QStringLiteral("created_at"), QStringLiteral("updated_at")};
            if (s.field.isEmpty())
                error(s.id, tr("Choose the field it sets."));
            else if (kept.contains(s.field.toLower()))
                error(s.id, tr("A workflow cannot change %1: it is the contact's address, consent or history.").arg(s.field));
            break;
        }
        case StepKind::Wait:
            if (s.durationMinutes <= 0)
                error(s.id, tr("The wait needs a duration."));
            break;
        case StepKind::WaitUntil: break;
        case StepKind::WaitEvent:
            if (!kWaitEvents.contains(s.event))
                error(s.id, tr("Choose what it waits for: opened, clicked, registered or replied."));
            if (s.timeoutMinutes <= 0)
                error(s.id, tr("The wait needs a timeout, or someone who never acts waits forever."));
            if (s.otherwise.isEmpty())
                warning(s.id, tr("Nothing follows the timeout: people who do not act leave the workflow there."));
            break;
        case StepKind::Condition:
            if (!s.condition)
                error(s.id, tr("The condition has nothing to test."));
            break;
        case StepKind::Goal:
            if (!s.condition)
                error(s.id, tr("The goal needs what reaching it means."));
            break;
        case StepKind::Split: {
            int total = 0;
            for (const SplitBranch &b : s.branches) {
                if (b.percent <= 0)
                    error(s.id, tr("Each branch of a split needs a share above 0 %."));
                total += b.percent;
            }
            if (s.branches.size() < 2)
                error(s.id, tr("A split needs at least two branches."));
            else if (total != 100)
                error(s.id, tr("The branches add up to %1 %, not 100 %.").arg(total));
            break;
        }
        case StepKind::Exit: break;
        }
    }
    // Reachable from the start (goals are reached from anywhere).
    QSet<QString> reached;
    QStringList todo{flow.start};
    for (const Step &s : flow.steps)
        if (s.kind == StepKind::Goal)
            todo << s.id;
    while (!todo.isEmpty()) {
        const QString id = todo.takeLast();
        if (reached.contains(id))
            continue;
        const Step *s = flow.step(id);
        if (!s)
            continue;
        reached.insert(id);
        todo << s->exits();
    }
    for (const Step &s : flow.steps)
        if (!reached.contains(s.id))
            warning(s.id, tr("Nothing leads to this step."));
    // A cycle through steps none of which waits would run around at once, for ever: a depth-first
    // search over the steps that do not wait finds one.
    QHash<QString, int> colour; // 0 new, 1 on the path, 2 done
    QSet<QString> looped;
    std::function<void(const QString &)> visit = [&](const QString &id) {
        const Step *s = flow.step(id);
        if (!s || stepWaits(s->kind))
            return;
        colour[id] = 1;
        for (const QString &to : s->exits()) {
            const int c = colour.value(to);
            if (c == 1) {
                looped.insert(to);
            } else if (c == 0) {
                visit(to);
            }
        }
        colour[id] = 2;
    };
    for (const Step &s : flow.steps)
        if (colour.value(s.id) == 0)
            visit(s.id);
    for (const QString &id : std::as_const(looped))
        error(id, tr("This loop has no wait in it: someone entering it would go round for ever. Add a wait."));
    return out;
}

bool FlowCheck::publishable(const Flow &flow)
{
    const QList<Problem> all = problems(flow);
    return std::none_of(all.cbegin(), all.cend(), [](const Problem &p) { return p.severity == Problem::Severity::Error; });
}

} // namespace lux::automations
