// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/flow.h"
#include "common/result.h"

#include <QCoreApplication>

namespace lux::automations {

// Where one enrollment stands: the step to run when `dueAt` comes, or, with `waitingFor`, the wait
// it is in (until `dueAt`, or for an event with its timeout at `dueAt`). `seq` counts the journey lines written, so each
// run of a step is keyed (enrollment, seq) and recorded with its effect, exactly once.
struct Position
{
    static constexpr const char *kTime = "time"; // waitingFor of a wait for a time
    QString step;       // empty: nothing left (the enrollment ends when due)
    int seq = 0;
    QString waitingFor; // opened, clicked, registered, replied; "time"; empty: not waiting
    qint64 waitSince = 0;
    qint64 dueAt = 0;
};

// What conditions and waits read about the contact. The engine asks the database; the simulator
// its contacts in memory.
class ContactView
{
public:
    virtual ~ContactView() = default;
    virtual bool hasTag(const QString &tag) = 0;
    virtual bool inSegment(const QString &segment) = 0;
    virtual QString field(const QString &name) = 0;
    // Opened or clicked any email since `since` (ms; 0: ever), a person and not a machine.
    virtual bool engaged(const QString &event, qint64 since) = 0;
    // Opened or clicked one of this workflow's messages, registered for an event, or replied, in
    // [since, until].
    virtual bool happened(const QString &event, qint64 since, qint64 until) = 0;
    virtual QString timeZone() = 0; // IANA; empty: the computer's
};

// What steps do. The engine writes each in the transaction that records the step; the simulator
// counts them. A send is queued, or skipped with the reason.
class Effects
{
public:
    enum class Sent { Queued, Capped, Unreachable, Suppressed, Unsubscribed };
    virtual ~Effects() = default;
    virtual Result<Sent> send(const Step &step, int seq) = 0;
    virtual Status tag(const QStringList &add, const QStringList &remove) = 0;
    virtual Status setField(const QString &field, const QString &value) = 0;
    virtual Status notify(const Step &step) = 0;
    // One journey line: `what` a stable word (JourneyWhat), `detail` for people.
    virtual Status log(int seq, const QString &step, const QString &what, const QString &detail) = 0;
    // A step ran (for the per-step counts).
    virtual void passed(const QString &step) = 0;
};

// How a run of steps ended.
struct Advance
{
    enum class State { Waiting, Done, Exited };
    State state = State::Waiting;
    QString endStep;  // Done/Exited: the step it ended at
    QString code;     // Done/Exited: why, for scripts (endreason)
    QString reason;   // the same for people
    int steps = 0;    // how many steps ran
};

// The steps' meaning, in one place for the engine and the simulator: which step follows, what a
// condition says, when a wait ends, which branch of a split a contact takes. Pure: all it reads
// comes through ContactView, all it does goes through Effects.
class Interpreter
{
    Q_DECLARE_TR_FUNCTIONS(lux::automations::Interpreter)
public:
    Interpreter(const Flow &flow, qint64 contactId) : m_flow(flow), m_contact(contactId) {}

    // Runs from pos.step until a wait or the end, at `now`. A position waiting for an event whose
    // timeout came (pos.dueAt <= now) takes the wait's timeout exit first.
    Result<Advance> run(Position &pos, ContactView &contact, Effects &effects, qint64 now);
    // The event a wait listens for happened: the wait's first exit, then on.
    Result<Advance> resume(Position &pos, ContactView &contact, Effects &effects, qint64 now);
    // A goal's condition is true now: to the goal (or out, when it says so). Nothing when the contact
    // is at that goal already.
    Result<Advance> reachGoal(Position &pos, const Step &goal, ContactView &contact, Effects &effects, qint64 now);

    bool test(const Condition &c, ContactView &contact, qint64 now) const;
    // The split's branch for this contact: the same for the same seed, contact and step.
    int branch(const Step &split) const;
    // The next moment at minuteOfDay on one of `weekdays` (any when empty) in `zone`, after `now`.
    static qint64 nextLocalTime(qint64 now, int minuteOfDay, const QList<int> &weekdays, const QString &zone);
    // Whether a signal of `kind` ("open", "click", "registered", …) is what a wait for `event` waits for.
    static bool satisfies(const QString &event, const QString &signalKind);

    static constexpr int kMaxStepsPerRun = 1000; // a cycle the check missed cannot spin for ever

private:
    // `from`: the step the run comes from (a wait that ended), where it ends when nothing follows.
    Result<Advance> go(Position &pos, ContactView &contact, Effects &effects, qint64 now, const QString &from = {});
    Status line(Position &pos, Effects &effects, const QString &step, const QString &what, const QString &detail);

    const Flow &m_flow;
    qint64 m_contact;
};

// The journey's words (automation_journey.what), stable for scripts.
namespace journey {
inline constexpr auto kEntered = "entered";
inline constexpr auto kSent = "sent";        // a message queued in the outbox
inline constexpr auto kSkipped = "skipped";  // a message not queued: capped, unreachable, suppressed
inline constexpr auto kTagged = "tagged";
inline constexpr auto kField = "field";
inline constexpr auto kWaiting = "waiting";  // a wait began (until a time, or for an event)
inline constexpr auto kHappened = "happened"; // the awaited event happened
inline constexpr auto kTimedOut = "timed-out";
inline constexpr auto kYes = "yes";
inline constexpr auto kNo = "no";
inline constexpr auto kBranch = "branch";
inline constexpr auto kGoal = "goal";
inline constexpr auto kNotified = "notified";
inline constexpr auto kDone = "done";
inline constexpr auto kExited = "exited";
inline constexpr auto kMigrated = "migrated";
} // namespace journey

// Why an enrollment ended (automation_enrollments.end_reason), stable for scripts.
namespace endreason {
inline constexpr auto kEnd = "end";                 // the last step had no next
inline constexpr auto kExitStep = "exit-step";      // an exit step
inline constexpr auto kGoal = "goal";               // a goal that leaves
inline constexpr auto kUnsubscribed = "unsubscribed";
inline constexpr auto kMigrated = "migrated";       // a migration to a version without its step
inline constexpr auto kMissingStep = "missing-step"; // the version lacks the step (never by design)
inline constexpr auto kLoop = "loop";               // too many steps without a wait
inline constexpr auto kArchived = "archived";       // the workflow was archived while they were in it
} // namespace endreason

} // namespace lux::automations
