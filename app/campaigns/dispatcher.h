// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/outbox.h"
#include "campaigns/pacer.h"
#include "common/clock.h"

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <coroutine>
#include <functional>
#include <memory>

namespace lux::channels {
class Channel;
struct Delivery;
}

namespace lux::campaigns {

// Sends one campaign's outbox through its channel (channels::Channel), each recipient exactly once:
//  - a row is claimed (`sending`, committed) before anything leaves; a channel that stages (Graph's
//    drafts) makes the message at the provider first, and its reference is committed before the
//    message is submitted, so a retry reuses it and can never make a second copy;
//  - answers are read as accepted (sent), transient (pending again after Retry-After or a jittered
//    backoff, the staged reference kept), permanent (failed, with the provider's code) or unknown;
//  - an unknown row is settled before anything else, by the channel's reconcile(): sent, failed,
//    certainly not sent (pending again), not now (the next round asks again), or nobody can tell:
//    the row stays unknown for the user to decide, never resent on its own;
//  - each sender keeps its pace (SenderPacer), seeded from the channel's sends of the last 24 hours.
class Dispatcher : public QObject
{
    Q_OBJECT
public:
    struct SenderConfig
    {
        QString mailbox;
        SenderPacer::Limits limits;
    };
    struct Summary
    {
        qint64 sent = 0, failed = 0, unknown = 0, pending = 0;
        bool stopped = false; // stop() was called, or the campaign left `sending`
        // Every row left pending waits until at least this moment (a recipient's quiet hours, a
        // local-time schedule): the run ended rather than sleep; the scheduler comes back then. 0: none.
        qint64 waitingUntil = 0;
    };
    // Where a campaign stands, for its page: reported at most four times a second and at the end.
    struct Progress
    {
        qint64 campaignId = 0;
        qint64 sent = 0, failed = 0, unknown = 0, remaining = 0; // remaining: pending or being sent
        double ratePerMinute = 0;  // messages started in the last minute, all mailboxes
        qint64 expectedFinishMs = 0; // at the mailboxes' pace; 0 when done
    };
    // `channel` (not owned) outlives the dispatcher; run() prepares it for the campaign.
    Dispatcher(QSqlDatabase db, channels::Channel *channel, qint64 campaignId, QList<SenderConfig> senders, Clock clock = systemClock(),
               QObject *parent = nullptr);
    ~Dispatcher() override;

    // Runs until no row is pending or being sent (unknowns it could not settle stay, counted), or
    // until stop(). Marks the campaign sent when every row is settled.
    QCoro::Task<Result<Summary>> run();
    void stop() { m_stop = true; }
    int maxAttempts = 8;
    // Rows due further away than this end the run instead of keeping it asleep (the job comes back).
    static constexpr qint64 kIdleHorizonMs = 60'000;
    // Rows in doubt that the channel could not settle yet are asked about again after this.
    static constexpr qint64 kUnsettledLookMs = 60'000;

Q_SIGNALS:
    void progressed(const lux::campaigns::Dispatcher::Progress &progress);

private:
    struct Sender;
    QCoro::Task<> worker(Sender *sender);
    QCoro::Task<> process(Sender *sender, OutboxRow row);
    QCoro::Task<> reconcile(OutboxRow row);
    Status prepare();
    Status holdForWindows();
    static channels::Delivery delivery(const OutboxRow &row);
    qint64 backoffMs(int attempts) const;
    void report(bool force = false);
    // Group commit: the outbox changes that come due in one pass of the event loop are written in
    // one transaction (each in its own savepoint), and every caller resumes only once it is on
    // disk, so "committed before the next provider call" holds with one fsync for many rows.
    struct Commit
    {
        std::optional<Status> status;
        std::coroutine_handle<> waiter;
    };
    // What `co_await durably(write)` suspends on: resumed from the event loop once the batch holding
    // the write is committed (never from inside the commit, so nothing re-enters it).
    struct CommitAwaiter
    {
        std::shared_ptr<Commit> commit;
        bool await_ready() const noexcept { return commit->status.has_value(); }
        void await_suspend(std::coroutine_handle<> h) noexcept { commit->waiter = h; }
        Status await_resume() const { return *commit->status; }
    };
    // GCC 12 destroys temporaries inside a co_await operand twice: callers pass a named function.
    CommitAwaiter durably(std::function<Status()> &&write);
    QCoro::Task<Result<QList<OutboxRow>>> claimDurably(QString sender);
    void flush();

    QSqlDatabase m_db;
    channels::Channel *m_channel;
    qint64 m_campaignId;
    Clock m_clock;
    Outbox m_outbox;
    std::vector<std::unique_ptr<Sender>> m_senders;
    bool m_stop = false;
    int m_active = 0;
    QHash<qint64, qint64> m_askAgainAt; // rows whose provider cannot tell before then (Reconciliation::askAgainAt)

    qint64 m_lastReport = 0;
    struct PendingWrite
    {
        std::function<Status()> write;
        std::shared_ptr<Commit> commit;
    };
    std::vector<PendingWrite> m_batch;
    bool m_flushQueued = false;
};

} // namespace lux::campaigns

Q_DECLARE_METATYPE(lux::campaigns::Dispatcher::Progress)
