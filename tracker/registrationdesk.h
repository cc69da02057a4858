// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <QHash>

namespace lux::tracker {

struct FormQuestion
{
    enum class Kind { Text, Choice, Checkbox };
    Kind kind = Kind::Text;
    QString label;
    QStringList choices; // Choice only
    bool required = false;
};

// What the app published for one event (PUT /api/v1/forms/<slug>, docs/EVENTS.md): the page's
// words, already in the event's language, and the rules the desk applies.
// Its errors are the API's, in English, like the rest of the bearer API's.
struct FormDefinition
{
    enum class Status { Published, Cancelled, Finished };
    static constexpr int kMaxQuestions = 20;
    static constexpr int kMaxDifficulty = 28;

    QString slug;
    quint64 event = 0;   // the app's event id
    qint64 revision = 0; // the app's; an older revision than the stored one is refused
    Status status = Status::Published;
    QString language = QStringLiteral("en");
    QString title, when, where, descriptionHtml;
    int capacity = 0;                 // 0: no limit
    int reserved = 0;                 // seats the app gave by hand: never offered here
    qint64 opensAt = 0, closesAt = 0; // ms since the epoch; 0: none
    bool doubleOptIn = true;
    int powDifficulty = 16; // leading zero bits of SHA-256; 0: no proof of work
    int holdSeconds = 24 * 3600; // how long a registration waits for its address to be confirmed
    QList<FormQuestion> questions;
    int consentVersion = 0;
    QString consentText; // empty: no consent box

    static bool validSlug(QStringView slug);
    // Every field checked; the first problem named ("questions[2].choices: …").
    static Result<FormDefinition> fromJson(const QString &slug, const QJsonObject &o);
    QJsonObject toJson() const;
    bool open(qint64 now) const;
};

enum class RegistrationState { Pending, Confirmed, Waiting, Cancelled, Expired };
QString stateName(RegistrationState state);

// A form as posted, checked by the server against the form's definition before it comes here.
struct Submission
{
    QString slug;
    QString email, firstName, lastName;
    QStringList answers; // per question, in order; a checkbox "1" or "0"
    bool consent = false;
    QString source = QStringLiteral("link"); // link, embed, api
    bool verified = false;                   // no double opt-in to wait for
    // Sent without the proof of work (a page without scripts): its hold on a seat lasts at most
    // kUnprovenHoldSeconds, so posts that cost nothing cannot keep seats from people for long.
    bool unproven = false;
    static constexpr int kUnprovenHoldSeconds = 3600;
};

// A registration as it stands after an operation.
struct Registration
{
    qint64 id = 0;
    quint64 event = 0;
    QString slug;
    RegistrationState state = RegistrationState::Pending;
    int position = 0; // on the waiting list, 1-based; 0 otherwise
    bool verified = false;
    qint64 holdUntil = 0;
    QString email, firstName, lastName;
    QStringList answers;
    bool consent = false;
    int consentVersion = 0;
    QString source;
    qint64 registeredAt = 0, confirmedAt = 0, cancelledAt = 0;

    QJsonObject toJson(const QString &change) const; // the payload of a Registration event
};

// Decides registrations for the events lux-tracker holds forms for: seats while there are any, then
// the waiting list in arrival order; confirmations, cancellations, and holds that lapse, each
// promoting the first person waiting. One thread owns the registrations (its own connection to the
// tracker's database, in WAL mode with synchronous=FULL) and takes what is queued as one group:
// each operation is decided in a savepoint of its own (all or nothing), the group commits once,
// and only then is each caller told, so an answer always follows a durable decision. Every change
// is also an event (EventKind::Registration) the app pulls with the events cursor.
class RegistrationDesk
{
public:
    struct Options
    {
        int sweepMs = 1000; // how often lapsed holds are looked for
    };

    enum class Problem {
        None,
        NoForm,      // no such slug
        Closed,      // not open (yet, any more), cancelled or finished
        NotFound,    // no such registration for this event
        Lapsed,      // cancelled or expired: nothing to confirm
        Store,       // the database failed; nothing was decided
        Stopping,
        Stale,       // publish: an older revision than the one stored
    };

    struct Outcome
    {
        Problem problem = Problem::None;
        QString message{}; // Store, Stale
        Registration registration{};
        bool existing = false;  // register: this person was registered already (nothing new)
        bool unchanged = false; // confirm or cancel: it was so already
        std::shared_ptr<const FormDefinition> published{}; // publish: shown to the pages once committed
    };
    using Done = std::function<void(const Outcome &)>;

    // What the registration page shows, read by the request threads without waiting.
    struct Form
    {
        std::shared_ptr<const FormDefinition> definition;
        int taken = 0;
        int waiting = 0;
    };

    RegistrationDesk(QString dbPath, Options options);
    ~RegistrationDesk();

    Status start(); // opens, loads the forms
    void stop();    // decides and answers everything queued, then closes

    std::optional<Form> form(const QString &slug) const;

    // `done` runs on the desk's thread once the decision is committed (or failed). False, and
    // `done` never called, once stopping.
    bool submit(Submission s, qint64 now, Done done);
    bool confirm(const QString &slug, quint64 event, qint64 registration, qint64 now, Done done);
    bool cancel(const QString &slug, quint64 event, qint64 registration, qint64 now, Done done);
    std::future<Outcome> publish(FormDefinition definition, qint64 now);

    quint64 groups() const { return m_groups.load(); } // commits so far

private:
    struct Op
    {
        std::function<Outcome(qint64 now)> apply;
        Done done;
        qint64 now = 0;
    };
    bool enqueue(Op op);
    void run();
    void sweep(qint64 now);

    class Store;
    QString m_path;
    Options m_options;
    std::unique_ptr<Store> m_store; // the desk thread's only

    mutable std::shared_mutex m_formsMutex;
    QHash<QString, Form> m_forms;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Op> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
    std::promise<Status> m_started;
    std::atomic<quint64> m_groups{0};
};

} // namespace lux::tracker
