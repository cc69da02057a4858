// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace lux::tracker {

// The anonymous kinds come from tokens that name nobody (recipient 0): the app only counts them, per
// campaign, day and link, and their time is kept to the day (the start of the UTC day).
// The SMS kinds: Twilio's status callbacks and inbound texts (campaign and recipient 0: Twilio knows
// the message, the app knows whose it is), and clicks on SMS short links (/s/<code>).
enum class EventKind : quint8 {
    Open = 1,
    Click = 2,
    Unsubscribe = 3,
    AnonymousOpen = 4,
    AnonymousClick = 5,
    SmsStatus = 6,
    SmsInbound = 7,
    SmsClick = 8,
    // A registration for a published event changed (registered, confirmed, cancelled, promoted,
    // expired): campaign is the app's event id, recipient the tracker's registration id, and the
    // payload the registration as it now stands (JSON, registrationdesk.h).
    Registration = 9,
};

struct Event
{
    qint64 id = 0; // assigned on commit, in commit order: the API's cursor
    qint64 at = 0; // ms since the epoch
    EventKind kind = EventKind::Open;
    quint64 campaign = 0;
    quint64 recipient = 0;
    quint32 link = 0;
    bool machine = false;
    QByteArray reason{}; // a classifier code, empty for a person

    // SmsStatus and SmsInbound only, as Twilio posted them (checked and capped by the server).
    QByteArray sid{};     // MessageSid
    QByteArray status{};  // MessageStatus (SmsStatus)
    int errorCode = 0;  // ErrorCode (SmsStatus); 0: none
    QByteArray to{};      // To
    QByteArray from{};    // From
    QByteArray account{}; // AccountSid
    QString body{};       // Body (SmsInbound), at most kMaxSmsBody characters
    quint8 keyword = 0; // lux::sms::Keyword of the body (SmsInbound)
    quint8 numMedia = 0; // NumMedia (SmsInbound)
    QByteArray payload{}; // Registration: the JSON snapshot

    static constexpr qsizetype kMaxSmsBody = 1600; // Twilio's own limit for a message
};

struct Link
{
    quint32 id = 0;
    QByteArray url;
};

// Where events and links are kept. SQLite now; the seam for PostgreSQL (several trackers behind a
// load balancer) is this interface: the batcher above it does not care which.
class EventSink
{
public:
    virtual ~EventSink() = default;
    // One batch, all or nothing, durable when it succeeds; assigns the ids.
    virtual Status append(std::vector<Event> &batch) = 0;
    virtual Status registerLinks(quint64 campaign, const QList<Link> &links) = 0;
    // Every registered link (campaign, id, URL), for the server's in-memory table.
    virtual Status allLinks(const std::function<void(quint64, quint32, const QByteArray &)> &each) = 0;
    virtual QList<Event> eventsAfter(qint64 cursor, int limit) = 0;
    virtual qint64 count(EventKind kind) = 0;
};

// SQLite in WAL mode with synchronous=FULL: a committed batch survives a power cut. One connection,
// used only by the batcher's thread; readers open their own.
Result<std::unique_ptr<EventSink>> openSqliteSink(const QString &path);

// Group commit: appended events are acknowledged at once and written by one thread in a transaction
// every `interval` ms or every `maxBatch` events, whichever comes first. A clean stop() writes
// everything acknowledged; a crash loses at most the open batch. Links and durable appends wait for
// their commit.
class EventBatcher
{
public:
    struct Options
    {
        int intervalMs = 50;
        int maxBatch = 2000;
    };
    EventBatcher(std::function<Result<std::unique_ptr<EventSink>>()> openSink, Options options);
    ~EventBatcher();

    Status start();
    void stop(); // writes what is queued, then closes

    void append(Event e);
    std::future<Status> appendDurable(Event e);
    // The same, told through `done`, called on the writer thread once the batch is committed (or
    // has failed), so a caller need not hold a thread while it waits. False, and `done` never
    // called, once stopping.
    bool appendDurable(Event e, std::function<void(const Status &)> done);
    std::future<Status> registerLinks(quint64 campaign, QList<Link> links);
    // These run on the writer thread, between batches (the connection is not shared across threads).
    std::future<Status> allLinks(std::function<void(quint64, quint32, const QByteArray &)> each);
    std::future<QList<Event>> eventsAfter(qint64 cursor, int limit);

    quint64 committed() const;
    quint64 failedBatches() const;

private:
    void run();

    std::function<Result<std::unique_ptr<EventSink>>()> m_openSink;
    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Event> m_queue;
    std::vector<std::function<void(const Status &)>> m_waiting; // called when the queue they joined commits
    std::deque<std::function<void(EventSink &)>> m_tasks;
    bool m_stopping = false;
    quint64 m_committed = 0;
    quint64 m_failed = 0;
    std::thread m_thread;
    std::promise<Status> m_started;
};

} // namespace lux::tracker
