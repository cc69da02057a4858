// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace lux::automations {

// What starts a workflow for a contact (docs/AUTOMATIONS.md, "Triggers").
enum class TriggerKind {
    Manual,          // luxctl automation enroll
    ContactCreated,  // added by hand, imported, or by a registration
    TagAdded,        // `tag`
    SegmentEntered,  // `segment`: checked when a contact's data or tags change
    EventRegistered, // `event` (0: any): registered, confirmed or attended (`eventStatus`)
    EmailOpened,     // by a person (machine hits never trigger); `campaign` 0: any
    EmailClicked,
    SmsClicked,
    SmsKeyword,      // `keyword`: the first word of a text received
    Anniversary,     // `field` (a date; "created_at" is the sign-up) at `time` in the contact's zone
};
QString triggerKindName(TriggerKind kind); // "manual", "contact_created", … (the JSON format)
std::optional<TriggerKind> triggerKindFromName(const QString &name);

struct Trigger
{
    TriggerKind kind = TriggerKind::Manual;
    QString tag, segment, keyword, field;
    QString eventStatus = QStringLiteral("registered"); // registered | confirmed | attended
    qint64 event = 0, campaign = 0;
    int minuteOfDay = 9 * 60; // Anniversary: the local time it enters at
};

enum class StepKind {
    Email,     // `templateId`, `subject`, `from` (a sender mailbox)
    Sms,       // `text`, `from` (a sender number); quiet hours apply
    Tag,       // `addTags`, `removeTags`
    SetField,  // `field` = `value`
    Wait,      // `durationMinutes`
    WaitUntil, // `minuteOfDay` on `weekdays` (1 Monday … 7 Sunday; empty: any) in the contact's zone
    WaitEvent, // `event` (opened, clicked, registered, replied) within `timeoutMinutes`: `next` / `otherwise`
    Condition, // `condition`: `next` when true, `otherwise` when false
    Split,     // `branches`: percentages that add up to 100
    Goal,      // reached from anywhere when `condition` becomes true: jump here (`exitOnGoal`: leave)
    Notify,    // `text` to the user: a desktop notification and the activity log
    Exit,
};
QString stepKindName(StepKind kind); // "email", "sms", "tag", "set_field", "wait", …
std::optional<StepKind> stepKindFromName(const QString &name);
bool stepSends(StepKind kind); // a marketing message
bool stepWaits(StepKind kind); // time passes here

// A test on a contact, for conditions and goals. Leaves are one of tag, segment, field or
// engagement; `all` and `any` combine others.
struct Condition
{
    enum class Kind { Tag, Segment, Field, Engagement, Event, All, Any };
    Kind kind = Kind::Tag;
    bool negate = false;
    QString name;             // the tag, the segment, the field; Engagement/Event: opened | clicked | registered | replied
    QString op = QStringLiteral("eq"); // Field: eq, ne, contains, empty, not_empty, gt, lt
    QString value;
    int withinDays = 0;       // Engagement: in the last N days (0: ever)
    QList<Condition> parts;   // All, Any

    QJsonObject toJson() const;
    static Result<Condition> fromJson(const QJsonObject &o, const QString &where);
    QString describe() const; // for people, translated
};

struct SplitBranch
{
    int percent = 0;
    QString next;
    QString label;
};

struct Step
{
    QString id; // unique in the workflow: [A-Za-z0-9_-]{1,40}
    StepKind kind = StepKind::Exit;
    QString name; // what the user calls it (optional)
    QString next, otherwise;
    // Email
    qint64 templateId = 0;
    QString subject, from;
    // Sms, Notify
    QString text;
    // Tag
    QStringList addTags, removeTags;
    // SetField
    QString field, value;
    // Wait, WaitUntil, WaitEvent
    int durationMinutes = 0;
    int minuteOfDay = 9 * 60;
    QList<int> weekdays;
    QString event;          // WaitEvent
    int timeoutMinutes = 0; // WaitEvent
    // Condition, Goal
    std::optional<Condition> condition;
    bool exitOnGoal = false;
    // Split
    QList<SplitBranch> branches;
    QPointF position; // where its card sits on the canvas

    QStringList exits() const; // the steps it can go to, in order (empty ids left out)
};

enum class EntryRule { Once, AgainAfterExit, AnyTime };
QString entryRuleName(EntryRule rule); // "once", "again", "any"
std::optional<EntryRule> entryRuleFromName(const QString &name);

// A workflow as it is edited (a draft) and as it is published (an immutable version).
struct Flow
{
    QString name;
    Trigger trigger;
    EntryRule entry = EntryRule::Once;
    int reentryGapMinutes = 0; // AgainAfterExit: at least this long after the last exit
    QString start;             // the first step's id
    QList<Step> steps;
    // Random splits draw from this (with the contact and the step), so a simulation and a run on the
    // same seed and the same events split the same people the same way.
    quint64 seed = 0;

    const Step *step(const QString &id) const;
    Step *step(const QString &id);
    bool sends() const; // any step sends a marketing message: an unsubscribe leaves it
    QString newStepId(StepKind kind) const; // "email-3", unused yet

    QJsonObject toJson() const;
    // What is wrong is said with the step and the field ("step “wait-2”: duration: …").
    static Result<Flow> fromJson(const QJsonObject &o);
};

// What validation says of a workflow, as the editor shows it: errors keep it from being published.
struct Problem
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString stepId; // empty: the workflow itself
    QString message;
};

class FlowCheck
{
    Q_DECLARE_TR_FUNCTIONS(lux::automations::FlowCheck)
public:
    // Every problem: a missing start, an exit to a step that does not exist, an email step without
    // a template or subject, a wait without a duration, a wait for an event without a timeout, a
    // split that does not add up to 100, a loop with no wait in it (it would run forever at once),
    // a trigger without what it needs; steps nothing reaches are warnings.
    static QList<Problem> problems(const Flow &flow);
    static bool publishable(const Flow &flow);
};

} // namespace lux::automations
