// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/flow.h"
#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace lux::automations {

enum class AutomationStatus { Draft, Active, Paused, Archived };
QString automationStatusName(AutomationStatus status); // "draft", "active", "paused", "archived"
std::optional<AutomationStatus> automationStatusFromName(const QString &name);

struct Automation
{
    qint64 id = 0;
    QString name;
    AutomationStatus status = AutomationStatus::Draft;
    Flow draft;     // as edited
    int version = 0; // the latest published; 0: never
    qint64 createdAt = 0, updatedAt = 0;
    // Counts over every version: in the workflow now, finished, left early.
    qint64 active = 0, done = 0, exited = 0;
};

// One step's live numbers: contacts there now (waiting, or due), contacts that went through it,
// and contacts whose way ended there.
struct StepCount
{
    QString step;
    qint64 here = 0, passed = 0, ended = 0;
};

struct JourneyLine
{
    qint64 enrollmentId = 0;
    int version = 0;
    int seq = 0;
    QString step, what, detail;
    qint64 at = 0;
};

struct Enrollment
{
    qint64 id = 0;
    qint64 automationId = 0;
    int version = 0;
    qint64 contactId = 0;
    QString state; // active, done, exited
    QString step, waitingFor, endReason;
    qint64 dueAt = 0, enteredAt = 0, endedAt = 0;
};

// One of a contact's enrollments, for their panel: the workflow, where they are, the last thing that happened.
struct ContactWorkflow
{
    QString name;
    Enrollment enrollment;
    JourneyLine last;
};

// A migration of the contacts in older versions to the latest: where each step's contacts go.
struct MigrationPlan
{
    struct Move
    {
        int fromVersion = 0;
        QString fromStep;
        QString toStep; // empty: they leave the workflow
        qint64 contacts = 0;
    };
    int toVersion = 0;
    QList<Move> moves;
};

// Workflows, their drafts and versions, and what is known of the contacts in them
// (docs/AUTOMATIONS.md). A version is immutable once published: a contact runs the version they
// entered to the end unless the user migrates them.
class AutomationStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::automations::AutomationStore)
public:
    explicit AutomationStore(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // A new draft from the flow (its name must be free).
    Result<Automation> create(const Flow &flow);
    // The draft as edited now (the name too); the published versions do not change.
    Result<Automation> saveDraft(qint64 id, const Flow &flow);
    Result<Automation> find(qint64 id) const;
    Result<Automation> find(const QString &idOrName) const; // a number is an id
    Result<Automation> findByName(const QString &name) const;
    Result<QList<Automation>> list() const; // by name, archived last
    Status remove(qint64 id); // only a workflow no contact has entered; otherwise archive it

    // Checks the draft (FlowCheck, templates and senders that exist), makes it the next version with
    // the hidden campaigns its send steps use, and makes the workflow active.
    Result<int> publish(qint64 id);
    Result<Flow> version(qint64 id, int version) const;
    Status pause(qint64 id);  // nobody enters and no step runs; waits keep listening
    Status resume(qint64 id); // what came due meanwhile runs now
    Status archive(qint64 id); // paused for good, out of the list's way

    // The step counts of one version (the latest when 0), in the version's step order.
    Result<QList<StepCount>> stepCounts(qint64 id, int version = 0) const;
    // One contact's way through the workflow, every enrollment, oldest first.
    Result<QList<JourneyLine>> journey(qint64 id, qint64 contactId) const;
    Result<QList<Enrollment>> enrollments(qint64 id, qint64 contactId) const;
    // Every workflow the contact entered (the latest 20), newest first.
    Result<QList<ContactWorkflow>> forContact(qint64 contactId) const;

    // Who would move where if the contacts in older versions went to the latest: those at a step
    // the latest has go to the same step; the others to `mapping`'s step for it, else out.
    Result<MigrationPlan> migrationPlan(qint64 id, const QHash<QString, QString> &mapping = {}) const;
    // Applies it: each moved contact continues at their step of the latest version (a journey line
    // says so), nothing run again. How many moved.
    Result<qint64> migrate(qint64 id, const QHash<QString, QString> &mapping = {});

    // Which signal kinds the database should write now (automation_listen), from what the active and
    // paused workflows trigger on and wait for. Within a transaction the caller holds.
    Status refreshListenWithin();

private:
    Result<Automation> read(const QString &where, const QVariant &bind) const;
    Status setStatus(qint64 id, std::initializer_list<AutomationStatus> from, AutomationStatus to);
    Status checkReferences(const Flow &flow) const;
    // A draft that can be stored: named, readable back, its name not another workflow's.
    Status checkDraft(const Flow &flow, qint64 exceptId) const;

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::automations
