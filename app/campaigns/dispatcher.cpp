// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatcher.h"

#include "campaigns/campaignstore.h"
#include "channels/graph/graphclient.h"
#include "common/logging.h"
#include "contacts/contactrepository.h"

#include <QCoroTimer>
#include <QSqlError>
#include <QTimer>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <algorithm>
#include <chrono>

namespace lux::campaigns {

using channels::graph::SendOutcome;
using namespace std::chrono_literals;

struct Dispatcher::Sender
{
    QString mailbox;
    SenderPacer pacer;
    int workers = 1;
};

Dispatcher::Dispatcher(QSqlDatabase db, channels::graph::GraphClient *graph, qint64 campaignId, QList<SenderConfig> senders,
                       UnsubscribeUrl unsubscribe, Clock clock, QObject *parent)
    : QObject(parent), m_db(db), m_graph(graph), m_campaignId(campaignId), m_unsubscribe(std::move(unsubscribe)), m_clock(clock),
      m_outbox(db, clock), m_builder(std::make_unique<MessageBuilder>(db, clock))
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

void Dispatcher::setTracking(const tracking::CampaignTracking *tracking)
{
    m_builder->setTracking(tracking);
}

Status Dispatcher::prepare()
{
    const auto campaign = CampaignStore(m_db, m_clock).find(m_campaignId);
    if (!campaign)
        return campaign.error();
    if (m_senders.empty())
        return Error(QStringLiteral("dispatch.sender"), tr("The campaign has no sender mailbox to send from."));
    if (Status s = m_builder->prepare(*campaign); !s)
        return s;
    // Each mailbox's pace counts what it sent in the last 24 hours, whatever campaign it was.
    const qint64 since = m_clock() - 24LL * 3600 * 1000;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sender, updated_at FROM outbox WHERE state = 'sent' AND updated_at > ?"));
    q.addBindValue(since);
    if (q.exec())
        while (q.next())
            for (auto &s : m_senders)
                if (s->mailbox == q.value(0).toString())
                    s->pacer.seed(q.value(1).toLongLong());
    return {};
}

Result<QByteArray> Dispatcher::message(const OutboxRow &row) const
{
    if (row.contactId == 0)
        return Error(QStringLiteral("dispatch.contact"), tr("The contact was deleted after the campaign started."));
    const auto contact = contacts::ContactRepository(m_db).find(row.contactId);
    if (!contact)
        return Error(QStringLiteral("dispatch.contact"), contact.error().message);
    QString id = row.messageId;
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);
    return m_builder->build({&*contact, row.email, row.sender, id, m_unsubscribe ? m_unsubscribe(row) : QString(), {}, row.id});
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
    // A transient answer: pending again after Retry-After or a jittered backoff, the draft kept.
    const auto retry = [this, sender, &row](const SendOutcome &o) -> std::function<Status()> {
        if (row.attempts >= maxAttempts)
            return [this, id = row.id, o, message = tr("Gave up after %n attempt(s): %1", nullptr, row.attempts).arg(o.message)] {
                return m_outbox.markFailed(id, o.code, message);
            };
        const qint64 due = m_clock() + (o.retryAfterSeconds >= 0 ? qint64(o.retryAfterSeconds) * 1000 : backoffMs(row.attempts));
        if (o.retryAfterSeconds >= 0)
            sender->pacer.backOff(due); // Graph asked the whole mailbox to wait
        return [this, id = row.id, due, o] { return m_outbox.retryLater(id, due, o.code, o.message); };
    };
    const auto failed = [this, id](const QString &code, const QString &message) -> std::function<Status()> {
        return [this, id, code, message] { return m_outbox.markFailed(id, code, message); };
    };
    if (row.draftId.isEmpty()) {
        const auto mime = message(row);
        if (!mime) {
            std::function<Status()> failure = failed(mime.error().code, mime.error().message);
            co_await durably(std::move(failure));
            co_return;
        }
        QString draftId;
        const SendOutcome made = co_await m_graph->createDraft(sender->mailbox, *mime, &draftId);
        if (!made.ok()) {
            std::function<Status()> answer = made.kind == SendOutcome::Kind::Permanent ? failed(made.code, made.message) : retry(made);
            co_await durably(std::move(answer));
            co_return;
        }
        // On disk before the draft is sent: after a crash the draft is found again, never remade.
        std::function<Status()> draft = [this, id, draftId] { return m_outbox.setDraft(id, draftId); };
        if (Status s = co_await durably(std::move(draft)); !s) {
            qCWarning(lcStorage) << "could not record a draft id:" << s.error().message;
            co_return; // the row stays `sending`; at the next start it is reconciled
        }
        row.draftId = draftId;
    }
    const SendOutcome sent = co_await m_graph->sendDraft(sender->mailbox, row.draftId);
    std::function<Status()> outcome;
    switch (sent.kind) {
    case SendOutcome::Kind::Accepted: outcome = [this, id] { return m_outbox.markSent(id); }; break;
    case SendOutcome::Kind::Transient: outcome = retry(sent); break;
    case SendOutcome::Kind::Permanent: outcome = failed(sent.code, sent.message); break;
    case SendOutcome::Kind::Unknown: outcome = [this, id, sent] { return m_outbox.markUnknown(id, sent.code, sent.message); }; break;
    }
    co_await durably(std::move(outcome));
    if (sent.kind == SendOutcome::Kind::Unknown) {
        row.state = OutboxState::Unknown;
        co_await reconcile(sender, row);
    }
}

QCoro::Task<> Dispatcher::reconcile(Sender *sender, OutboxRow row)
{
    const qint64 id = row.id;
    if (row.draftId.isEmpty()) {
        // No draft id was recorded, so no draft of this row was ever sent: it can go again.
        std::function<Status()> requeue = [this, id, why = tr("Not sent: no draft was made.")] {
            return m_outbox.retryLater(id, m_clock(), QStringLiteral("reconciled"), why);
        };
        co_await durably(std::move(requeue));
        co_return;
    }
    // Sending the same draft again cannot make a second copy: either it had not gone and goes now,
    // or it went and Graph has no such draft any more.
    const SendOutcome again = co_await m_graph->sendDraft(sender->mailbox, row.draftId);
    if (again.ok()) {
        std::function<Status()> sentNow = [this, id] { return m_outbox.markSent(id); };
        co_await durably(std::move(sentNow));
        co_return;
    }
    if (again.kind == SendOutcome::Kind::Permanent) {
        std::function<Status()> failure0 = [this, id, again] { return m_outbox.markFailed(id, again.code, again.message); };
        co_await durably(std::move(failure0));
        co_return;
    }
    if (again.kind == SendOutcome::Kind::Transient)
        co_return; // still unknown; the next pass tries again
    const auto found = co_await m_graph->sentItemsHas(sender->mailbox, row.messageId);
    if (!found)
        co_return; // the look-up failed; still unknown, the next pass asks again
    std::function<Status()> settle;
    if (*found)
        settle = [this, id] { return m_outbox.markSent(id); };
    else
        settle = [this, id, why = tr("Graph has no draft to send and Sent Items does not show the message: decide whether to send it again.")] {
            return m_outbox.markUnknown(id, QStringLiteral("needs-decision"), why);
        };
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
        if (wait != 0) {
            co_await QCoro::sleepFor(std::chrono::milliseconds(wait < 0 ? 20 : std::min<qint64>(wait, 1000)));
            continue;
        }
        const auto claimed = co_await claimDurably(sender->mailbox);
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
            // looking again at least every second (a pause, a stop).
            const qint64 due = m_outbox.nextDueAt(m_campaignId).value_or(m_clock() + 100) - m_clock();
            co_await QCoro::sleepFor(std::chrono::milliseconds(std::clamp<qint64>(due, 20, 1000)));
            report();
            continue;
        }
        sender->pacer.started(m_clock());
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
    // Rounds: settle the unknown rows, then send what is pending; a transient failure while settling
    // leaves a row unknown for the next round. Rows that need the user's decision are left alone.
    for (int round = 0; round < 10 && !m_stop; ++round) {
        int unsettled = 0;
        if (const auto unknown = m_outbox.rows(m_campaignId, OutboxState::Unknown, 100000); unknown)
            for (const OutboxRow &row : *unknown) {
                if (row.errorCode == QLatin1String("needs-decision"))
                    continue;
                ++unsettled;
                Sender *sender = m_senders.front().get();
                for (auto &s : m_senders)
                    if (s->mailbox == row.sender)
                        sender = s.get();
                co_await reconcile(sender, row);
            }
        const auto before = m_outbox.counts(m_campaignId);
        if (unsettled == 0 && before.value(QStringLiteral("pending")) == 0)
            break;
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
    if (!m_stop && summary.pending == 0 && summary.unknown == 0)
        if (Status s = CampaignStore(m_db, m_clock).transition(m_campaignId, CampaignStatus::Sent, std::nullopt); !s)
            co_return s.error();
    report(true);
    co_return summary;
}

} // namespace lux::campaigns
