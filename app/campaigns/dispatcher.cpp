// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatcher.h"
#include "common/errorcodes.h"

#include "campaigns/campaignstore.h"
#include "channels/channel.h"
#include "common/logging.h"
#include "storage/transaction.h"

#include <QCoroTimer>
#include <QSqlError>
#include <QTimer>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <algorithm>
#include <chrono>
#include <limits>

namespace lux::campaigns {

using channels::Outcome;
using channels::Reconciliation;
using namespace std::chrono_literals;

struct Dispatcher::Sender
{
    QString mailbox;
    SenderPacer pacer;
    int workers = 1;
    qint64 resumeAt = 0; // asked to wait longer than the run stays (a long Retry-After): no start before then
};

Dispatcher::Dispatcher(QSqlDatabase db, channels::Channel *channel, qint64 campaignId, QList<SenderConfig> senders, Clock clock,
                       QObject *parent)
    : QObject(parent), m_db(db), m_channel(channel), m_campaignId(campaignId), m_clock(clock), m_outbox(db, clock)
{
    for (const SenderConfig &s : senders) {
        auto sender = std::make_unique<Sender>();
        sender->mailbox = s.mailbox.trimmed().toLower();
        sender->pacer = SenderPacer(s.limits);
        sender->workers = std::max(1, s.limits.concurrency);
        m_senders.push_back(std::move(sender));
    }
}

Dispatcher::~Dispatcher() = default;

Status Dispatcher::prepare()
{
    const auto campaign = CampaignStore(m_db, m_clock).find(m_campaignId);
    if (!campaign)
        return campaign.error();
    if (m_senders.empty())
        return Error(errc::dispatchSender, tr("The campaign has no sender mailbox to send from."));
    if (Status s = m_channel->prepare(*campaign); !s)
        return s;
    // A sender's own limits are the user's (its tenant's, its number's), within the provider's hard
    // ones: requests in flight, and a per-second pace where the provider counts so.
    const channels::Pace pace = m_channel->pace();
    for (auto &s : m_senders) {
        SenderPacer::Limits limits = s->pacer.limits();
        if (pace.perSecond > 0 && (limits.perSecond == 0 || limits.perSecond > pace.perSecond))
            limits.perSecond = pace.perSecond;
        if (pace.concurrency > 0)
            limits.concurrency = std::min(limits.concurrency, pace.concurrency);
        s->pacer = SenderPacer(limits);
        s->workers = std::max(1, limits.concurrency);
    }
    // Each sender's pace counts what it sent in the last 24 hours, whatever campaign it was.
    const auto recent = m_outbox.sentSince(m_channel->id(), m_clock() - 24LL * 3600 * 1000);
    if (!recent)
        return recent.error();
    for (const auto &[sender, at] : *recent)
        for (auto &s : m_senders)
            if (s->mailbox == sender)
                s->pacer.seed(at);
    return {};
}

Status Dispatcher::holdForWindows()
{
    // Rows due now whose recipients may not be reached now (quiet hours) wait for their window,
    // set once for all, so the campaign's page can say how many wait and until when, and the claim
    // does not pick them up one by one only to put them back.
    if (!m_channel->hasWindows())
        return {};
    const qint64 now = m_clock();
    const auto pending = m_outbox.rows(m_campaignId, OutboxState::Pending, std::numeric_limits<int>::max());
    if (!pending)
        return pending.error();
    struct Hold
    {
        qint64 id, until;
        channels::Channel::Hold hold;
    };
    std::vector<Hold> holds;
    for (const OutboxRow &row : *pending) {
        if (row.dueAt > now)
            continue;
        channels::Channel::Hold hold;
        if (const qint64 allowed = m_channel->notBefore(delivery(row), now, &hold); allowed > now)
            holds.push_back({row.id, allowed, hold});
    }
    if (holds.empty())
        return {};
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    for (const Hold &h : holds)
        if (Status s = m_outbox.postpone(h.id, h.until, h.hold.code, h.hold.why); !s)
            return s;
    return tx.commit();
}

channels::Delivery Dispatcher::delivery(const OutboxRow &row)
{
    channels::Delivery d;
    d.outboxId = row.id;
    d.campaignId = row.campaignId;
    d.contactId = row.contactId;
    d.address = row.address;
    d.sender = row.sender;
    d.messageId = row.messageId;
    d.reference = row.reference;
    d.attempts = row.attempts;
    d.attemptedAt = row.attemptedAt;
    d.doubtSince = row.state == OutboxState::Unknown ? row.updatedAt : 0;
    d.variant = row.variant;
    return d;
}

qint64 Dispatcher::backoffMs(int attempts) const
{
    // 2 s, 4 s, 8 s … at most 5 minutes, give or take a quarter, so retries do not arrive together.
    const qint64 base = std::min<qint64>(2000LL << std::min(attempts - 1, 10), 300'000);
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    return qint64(double(base) * jitter);
}

Dispatcher::CommitAwaiter Dispatcher::durably(std::function<Status()> &&write)
{
    auto commit = std::make_shared<Commit>();
    m_batch.push_back({std::move(write), commit});
    if (!m_flushQueued) {
        m_flushQueued = true;
        QTimer::singleShot(0, this, &Dispatcher::flush);
    }
    return CommitAwaiter{std::move(commit)};
}

QCoro::Task<Result<QList<OutboxRow>>> Dispatcher::claimDurably(QString sender)
{
    auto rows = std::make_shared<Result<QList<OutboxRow>>>(QList<OutboxRow>());
    std::function<Status()> claim = [this, rows, sender]() -> Status {
        *rows = m_outbox.claimWithin(m_campaignId, 1, sender);
        return *rows ? Status{} : Status(rows->error());
    };
    const Status s = co_await durably(std::move(claim));
    if (!s)
        co_return s.error();
    co_return *rows;
}

void Dispatcher::flush()
{
    m_flushQueued = false;
    std::vector<PendingWrite> batch;
    batch.swap(m_batch);
    QSqlQuery q(m_db);
    QList<Status> results;
    bool committed = m_db.transaction();
    if (committed) {
        for (PendingWrite &w : batch) {
            // A savepoint each: a write that fails leaves nothing half done, and the others stand.
            (void)q.exec(QStringLiteral("SAVEPOINT w"));
            Status s = w.write();
            (void)q.exec(s ? QStringLiteral("RELEASE w") : QStringLiteral("ROLLBACK TO w"));
            if (!s)
                (void)q.exec(QStringLiteral("RELEASE w"));
            results << s;
        }
        q.finish();
        committed = m_db.commit();
        if (!committed)
            m_db.rollback();
    }
    const Error failed(QStringLiteral("db.write"), m_db.lastError().text());
    if (!committed)
        qCWarning(lcStorage) << "outbox commit failed:" << failed.message;
    for (qsizetype i = 0; i < qsizetype(batch.size()); ++i) {
        const std::shared_ptr<Commit> &c = batch[size_t(i)].commit;
        c->status = committed ? results.at(i) : Status(failed);
        // Each waiter resumes on its own turn of the event loop, with this dispatcher still alive.
        if (c->waiter)
            QMetaObject::invokeMethod(this, [c] { std::exchange(c->waiter, {}).resume(); }, Qt::QueuedConnection);
    }
}

QCoro::Task<> Dispatcher::process(Sender *sender, OutboxRow row)
{
    const qint64 id = row.id;
    // A transient answer: pending again after Retry-After or a jittered backoff, the reference kept.
    const auto retry = [this, sender, &row](const Outcome &o) -> std::function<Status()> {
        // A channel that keeps its own count (ownAttempts) gives up itself; its retry gives the row's attempt back.
        const bool own = o.ownAttempts > 0;
        if (!own && row.attempts >= maxAttempts)
            return [this, id = row.id, o, message = tr("Gave up after %n attempt(s): %1", nullptr, row.attempts).arg(o.message)] {
                return m_outbox.markFailed(id, o.code, message);
            };
        const qint64 due = m_clock() + (o.retryAfterSeconds >= 0 ? qint64(o.retryAfterSeconds) * 1000 : backoffMs(own ? o.ownAttempts : row.attempts));
        if (o.retryAfterSeconds >= 0)
            sender->pacer.backOff(due); // the provider asked the whole sender to wait
        return [this, id = row.id, due, o, own] {
            if (own)
                return m_outbox.defer(id, due, o.code, o.message);
            if (o.restage) // the staged message is spent at the provider: the retry makes a new one
                if (Status s = m_outbox.setReference(id, QStringLiteral("")); !s) // empty, not NULL
                    return s;
            return m_outbox.retryLater(id, due, o.code, o.message);
        };
    };
    const auto failed = [this, id](const QString &code, const QString &message) -> std::function<Status()> {
        return [this, id, code, message] { return m_outbox.markFailed(id, code, message); };
    };
    channels::Delivery d = delivery(row);
    // The recipient's window (a text's quiet hours), looked at again now that it is about to go: a
    // row that came due in its window may have waited past its end (retries, a slow campaign).
    channels::Channel::Hold hold;
    if (const qint64 allowed = m_channel->hasWindows() ? m_channel->notBefore(d, m_clock(), &hold) : 0; allowed > m_clock()) {
        std::function<Status()> wait = [this, id, allowed, hold] { return m_outbox.defer(id, allowed, hold.code, hold.why); };
        co_await durably(std::move(wait));
        co_return;
    }
    QByteArray message;
    // A staged message is at the provider already: a retry sends it, never a new one.
    if (!m_channel->stages() || d.reference.isEmpty()) {
        auto built = m_channel->build(d);
        if (!built) {
            std::function<Status()> failure = failed(built.error().code, built.error().message);
            co_await durably(std::move(failure));
            co_return;
        }
        message = std::move(*built);
    }
    if (m_channel->stages() && d.reference.isEmpty()) {
        channels::Delivery staging = d;
        const Outcome made = co_await m_channel->stage(std::move(staging), std::move(message));
        if (!made.ok()) {
            // A staged message that may exist is harmless: it is never sent.
            std::function<Status()> answer = made.kind == Outcome::Kind::Permanent ? failed(made.code, made.message) : retry(made);
            co_await durably(std::move(answer));
            co_return;
        }
        // On disk before it is submitted: after a crash the staged message is found again, never remade.
        std::function<Status()> staged = [this, id, reference = made.reference] { return m_outbox.setReference(id, reference); };
        if (Status s = co_await durably(std::move(staged)); !s) {
            qCWarning(lcStorage) << "could not record a provider reference:" << s.error().message;
            co_return; // the row stays `sending`; at the next start it is reconciled
        }
        d.reference = made.reference;
        message.clear();
    }
    channels::Delivery submitting = d;
    const Outcome sent = co_await m_channel->submit(std::move(submitting), std::move(message));
    std::function<Status()> outcome;
    switch (sent.kind) {
    case Outcome::Kind::Accepted:
        outcome = [this, id, reference = sent.reference, units = sent.units] { return m_outbox.markSent(id, reference, units); };
        break;
    case Outcome::Kind::Transient: outcome = retry(sent); break;
    case Outcome::Kind::Permanent: outcome = failed(sent.code, sent.message); break;
    case Outcome::Kind::Unknown: outcome = [this, id, sent] { return m_outbox.markUnknown(id, sent.code, sent.message); }; break;
    }
    co_await durably(std::move(outcome));
    if (sent.kind == Outcome::Kind::Unknown) {
        row.state = OutboxState::Unknown;
        row.reference = d.reference;
        row.updatedAt = m_clock();
        co_await reconcile(row);
    }
}

QCoro::Task<> Dispatcher::reconcile(OutboxRow row)
{
    const qint64 id = row.id;
    channels::Delivery d = delivery(row);
    const Reconciliation r = co_await m_channel->reconcile(std::move(d));
    std::function<Status()> settle;
    switch (r.verdict) {
    case Reconciliation::Verdict::Sent: settle = [this, id, r] { return m_outbox.markSent(id, r.reference, r.units); }; break;
    case Reconciliation::Verdict::Failed: settle = [this, id, r] { return m_outbox.markFailed(id, r.code, r.message); }; break;
    case Reconciliation::Verdict::NotSent:
        settle = [this, id, r] { return m_outbox.retryLater(id, m_clock(), r.code, r.message); };
        break;
    case Reconciliation::Verdict::NeedsDecision:
        settle = [this, id, r] { return m_outbox.markNeedsDecision(id, r.message); };
        break;
    case Reconciliation::Verdict::StillUnknown:
        // The next round asks again; a provider that cannot tell yet, once that time has come.
        if (r.askAgainAt > m_clock())
            m_askAgainAt.insert(id, r.askAgainAt);
        co_return;
    }
    co_await durably(std::move(settle));
}

void Dispatcher::report(bool force)
{
    const qint64 now = m_clock();
    if (!force && now - m_lastReport < 250)
        return;
    m_lastReport = now;
    const auto counts = m_outbox.counts(m_campaignId);
    Progress p;
    p.campaignId = m_campaignId;
    p.sent = counts.value(QStringLiteral("sent"));
    p.failed = counts.value(QStringLiteral("failed"));
    p.unknown = counts.value(QStringLiteral("unknown"));
    p.remaining = counts.value(QStringLiteral("pending")) + counts.value(QStringLiteral("sending"));
    // The mailboxes share the rest in turn, so the campaign ends when the slowest share does.
    const qint64 share = m_senders.empty() ? 0 : (p.remaining + qint64(m_senders.size()) - 1) / qint64(m_senders.size());
    for (auto &s : m_senders) {
        p.ratePerMinute += s->pacer.ratePerMinute(now);
        if (p.remaining > 0)
            p.expectedFinishMs = std::max(p.expectedFinishMs, s->pacer.expectedFinishMs(now, share));
    }
    if (const auto due = m_outbox.nextDueAt(m_campaignId); due && p.expectedFinishMs > 0)
        p.expectedFinishMs = std::max(p.expectedFinishMs, *due); // a local-time schedule waits for its zones
    Q_EMIT progressed(p);
}

QCoro::Task<> Dispatcher::worker(Sender *sender)
{
    while (!m_stop) {
        const auto campaign = CampaignStore(m_db, m_clock).find(m_campaignId);
        if (!campaign || campaign->status != CampaignStatus::Sending) {
            m_stop = true; // paused or cancelled meanwhile
            break;
        }
        const qint64 wait = sender->pacer.waitBeforeNext(m_clock());
        // Asked to wait longer than a run stays asleep (a daily limit's reset): the run ends and the
        // job comes back then.
        if (wait > kIdleHorizonMs) {
            sender->resumeAt = m_clock() + wait;
            break;
        }
        if (wait != 0) {
            // Nothing left to send and nothing in flight: the run ends now, not after a pace it no
            // longer needs (the scheduler runs one job at a time; other accounts' posts wait for it).
            if (m_active == 0 && m_outbox.counts(m_campaignId).value(QStringLiteral("pending")) == 0)
                break;
            co_await QCoro::sleepFor(std::chrono::milliseconds(wait < 0 ? 20 : std::min<qint64>(wait, 1000)));
            continue;
        }
        // The slot is taken before the claim is awaited: another worker of this sender, checking the
        // pace meanwhile, sees it, so a sender's workers never start more than its pace together.
        const qint64 reserved = m_clock();
        sender->pacer.started(reserved);
        const auto claimed = co_await claimDurably(sender->mailbox);
        if (!claimed || claimed->isEmpty())
            sender->pacer.unstarted(reserved);
        if (!claimed) {
            qCWarning(lcStorage) << "outbox claim failed:" << claimed.error().message;
            co_await QCoro::sleepFor(500ms);
            continue;
        }
        if (claimed->isEmpty()) {
            const auto counts = m_outbox.counts(m_campaignId);
            if (counts.value(QStringLiteral("pending")) == 0 && m_active == 0)
                break; // nothing left, and no request in flight that could come back for a retry
            // Retries or local-time rows are due later, or others are in flight: wait for the soonest,
            // looking again at least every second (a pause, a stop). Nothing due for a while and
            // nothing in flight: the run ends and the scheduler comes back when it is due.
            const qint64 due = m_outbox.nextDueAt(m_campaignId).value_or(m_clock() + 100) - m_clock();
            if (due > kIdleHorizonMs && m_active == 0)
                break;
            co_await QCoro::sleepFor(std::chrono::milliseconds(std::clamp<qint64>(due, 20, 1000)));
            report();
            continue;
        }
        ++m_active;
        co_await process(sender, claimed->first());
        --m_active;
        sender->pacer.finished();
        report();
    }
}

QCoro::Task<Result<Dispatcher::Summary>> Dispatcher::run()
{
    if (Status s = prepare(); !s)
        co_return s.error();
    // First what a crash left: rows `sending` are in doubt, and every doubt is settled before any
    // new message goes.
    if (const auto recovered = m_outbox.recoverInterrupted(m_campaignId); !recovered)
        co_return recovered.error();
    if (Status s = holdForWindows(); !s)
        co_return s.error();
    // Rounds: settle the unknown rows, then send what is pending; a transient failure while settling
    // leaves a row unknown for the next round. Rows that need the user's decision are left alone.
    // A row whose provider cannot tell yet (its listing lags) is asked again once that time has come,
    // in this run or when the job comes back; not in a tight loop.
    for (int round = 0; round < 10 && !m_stop; ++round) {
        int unsettled = 0;
        if (const auto unknown = m_outbox.rows(m_campaignId, OutboxState::Unknown, 100000); unknown)
            for (const OutboxRow &row : *unknown) {
                if (row.errorCode == QLatin1String(Outbox::kNeedsDecision) || m_askAgainAt.value(row.id) > m_clock())
                    continue;
                ++unsettled;
                co_await reconcile(row);
            }
        const auto before = m_outbox.counts(m_campaignId);
        if (unsettled == 0 && before.value(QStringLiteral("pending")) == 0)
            break;
        const qint64 now = m_clock();
        if (unsettled == 0 && std::all_of(m_senders.begin(), m_senders.end(), [now](const auto &s) { return s->resumeAt > now; }))
            break; // every sender waits longer than a run stays
        // The workers: as many per mailbox as it may have requests in flight.
        std::vector<QCoro::Task<>> workers;
        for (auto &s : m_senders)
            for (int i = 0; i < s->workers; ++i)
                workers.push_back(worker(s.get()));
        for (auto &w : workers)
            co_await w;
    }
    const auto counts = m_outbox.counts(m_campaignId);
    Summary summary;
    summary.sent = counts.value(QStringLiteral("sent"));
    summary.failed = counts.value(QStringLiteral("failed"));
    summary.unknown = counts.value(QStringLiteral("unknown"));
    summary.pending = counts.value(QStringLiteral("pending")) + counts.value(QStringLiteral("sending"));
    summary.stopped = m_stop;
    if (summary.pending > 0)
        if (const auto due = m_outbox.nextDueAt(m_campaignId); due && *due > m_clock())
            summary.waitingUntil = *due;
    // A sender asked to wait long: nothing of it goes before then.
    qint64 resume = 0;
    for (const auto &s : m_senders)
        if (s->resumeAt > m_clock())
            resume = resume > 0 ? std::min(resume, s->resumeAt) : s->resumeAt;
    if (summary.pending > 0 && resume > 0)
        summary.waitingUntil = std::max(summary.waitingUntil, resume);
    // Rows still in doubt that the provider may settle later: the job comes back to ask when it can
    // tell, sooner than anything pending (a standing campaign's next post may be days away).
    if (summary.unknown > 0 && !m_stop)
        if (const auto unknown = m_outbox.rows(m_campaignId, OutboxState::Unknown, 100000); unknown)
            for (const OutboxRow &row : *unknown) {
                if (row.errorCode == QLatin1String(Outbox::kNeedsDecision))
                    continue;
                const qint64 look = std::max(m_askAgainAt.value(row.id), m_clock() + kUnsettledLookMs);
                summary.waitingUntil = summary.waitingUntil > 0 ? std::min(summary.waitingUntil, look) : look;
            }
    // An event's mail or an automation step is never done: its next messages come one by one.
    const auto campaign = CampaignStore(m_db, m_clock).find(m_campaignId);
    if (!campaign)
        co_return campaign.error();
    if (!m_stop && summary.pending == 0 && summary.unknown == 0 && !campaign->standing())
        if (Status s = CampaignStore(m_db, m_clock).transition(m_campaignId, CampaignStatus::Sent, std::nullopt); !s)
            co_return s.error();
    report(true);
    co_return summary;
}

} // namespace lux::campaigns
