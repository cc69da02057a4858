// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/flow.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>

namespace lux::automations {

// A contact as the simulator holds it: what conditions read, in memory.
struct SimContact
{
    qint64 id = 0;
    QSet<QString> tags;               // lower case
    QHash<QString, QString> fields;   // column or custom field → value
    QSet<QString> segments;           // lower case, as they were when loaded
    QString timeZone;
    bool emailReachable = true;       // subscribed
    bool smsReachable = false;        // consent and a number that takes texts
    bool emailSuppressed = false, smsSuppressed = false; // on the suppression list: skipped, not out
};

// What people do with what they are sent, scripted: each share is drawn per contact and message
// from the seed, so the same seed gives the same people the same opens, clicks and registrations,
// in a simulation and in a real run fed the same events (tests).
struct Script
{
    double open = 0.35;     // of emails, opened
    double click = 0.25;    // of opened emails, clicked
    double smsClick = 0.1;  // of texts, a link clicked
    double registered = 0.0; // of emails, the reader registered for an event
    double replied = 0.02;  // of emails, answered
    quint64 seed = 1;

    // What one message brings, in time order: (signal kind as the engine's, when).
    struct Event
    {
        QString kind; // open, click, sms-click, registered, replied
        qint64 at = 0;
    };
    QList<Event> eventsFor(qint64 contactId, const QString &stepId, bool email, qint64 sentAt) const;
};

struct SimulationOptions
{
    qint64 start = 0;   // ms; when everyone enters
    int days = 30;      // how far the virtual clock runs
    Script script;
    int emailCap = 2, smsCap = 1; // as Settings
    QHash<QString, int> senderPerDay; // a sender's own daily limit (0: none), to compare against
};

struct SimulationResult
{
    qint64 entered = 0;
    QHash<QString, qint64> reached; // step → contacts that went through it
    QHash<QString, qint64> ended;   // step → contacts whose way ended there
    QHash<QString, qint64> waiting; // step → still there when the clock stopped
    QMap<QString, qint64> exitReasons; // endreason code → how many (exits and ends)
    // Per day from the start: steps reached, and messages per channel and per sender.
    struct Day
    {
        QHash<QString, qint64> reached;
        qint64 emails = 0, texts = 0;
        QHash<QString, qint64> bySender;
    };
    QList<Day> days;
    qint64 emails = 0, texts = 0, skipped = 0;
    qint64 steps = 0;
    QStringList overLimit; // "sender on day N: M of L"
};

// "What would this workflow do?": the engine's Interpreter, entry rules and event matching run on a
// virtual clock over contacts in memory, with sends counted instead of made and people's
// reactions scripted (docs/AUTOMATIONS.md, "The simulator").
class Simulator
{
    Q_DECLARE_TR_FUNCTIONS(lux::automations::Simulator)
public:
    static Result<SimulationResult> run(const Flow &flow, QList<SimContact> contacts, const SimulationOptions &options);
    // `count` made-up contacts (some with texts, tags and zones), the same for the same seed.
    static QList<SimContact> synthetic(int count, quint64 seed);
    // Up to `limit` contacts from the database, with the tags and segments the flow reads.
    static Result<QList<SimContact>> load(QSqlDatabase db, const Flow &flow, int limit);
};

} // namespace lux::automations
