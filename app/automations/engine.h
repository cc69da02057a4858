// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/flow.h"
#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace lux::automations {

// Whether a contact may enter a workflow now, given their enrollments in it so far: the one rule
// the engine and the simulator both apply.
struct EntryHistory
{
    bool any = false;         // entered before, ever
    bool active = false;      // in it now
    qint64 lastEndedAt = 0;   // when they last left (0: never)
};
bool mayEnter(const Flow &flow, const EntryHistory &history, qint64 now);

struct EngineConfig
{
    int emailCap = 2; // marketing emails per contact per day, campaigns and workflows together; 0: no cap
    int smsCap = 1;
};

// The durable workflow engine (docs/AUTOMATIONS.md). Each turn:
//  - consumes the signals the database wrote (automation_signals: contacts created, tags added,
//    opens and clicks by people, registrations, keywords, replies, unsubscribes): contacts enter
//    the workflows they trigger, waits for events resume, goals are reached, unsubscribed contacts
//    leave the workflows that send;
//  - runs the enrollments whose time came, claimed from the index on their due time.
// Every step runs inside a transaction that also records it (journey line keyed by enrollment and
// seq) and moves the enrollment on, so a kill at any moment leaves each step either done with its
// effect or not done at all. A send is an outbox row of the step's hidden campaign keyed by
// "a<enrollment>.<seq>": the channel core sends it exactly once, checks suppression and consent
// again when it goes, and one message's failure never stops another.
class Engine
{
    Q_DECLARE_TR_FUNCTIONS(lux::automations::Engine)
public:
    using Config = EngineConfig;
    struct Turn
    {
        int signals = 0;  // consumed
        int entered = 0;  // enrollments made
        int advanced = 0; // enrollments moved on
        int steps = 0;    // steps run
        bool more = false; // the budget ran out with work left: call again at once
        QStringList notices;  // notify steps' texts: the user asked to be told
        QStringList problems; // what went wrong (steps tried again later), each said once
    };

    Engine(QSqlDatabase db, Config config = {}, Clock clock = systemClock());
    ~Engine();

    // One turn, at most about `budget` steps (a batch is never cut).
    Result<Turn> turn(int budget = kBudget);
    // Enters a contact by hand (luxctl automation enroll): the entry rules apply. The enrollment, or
    // nothing when the rules keep them out; its first steps run at the next turn.
    Result<std::optional<qint64>> enroll(qint64 automationId, qint64 contactId);
    // When a turn has something to do: now when signals wait, else the soonest due enrollment.
    std::optional<qint64> nextDueAt() const;

    static constexpr int kBatch = 400;     // enrollments or signals per transaction
    static constexpr int kBudget = 20'000; // steps per turn: a turn never holds the thread for long

    struct State; // engine.cpp

private:
    std::unique_ptr<State> d;
};

} // namespace lux::automations
