// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "social/accountstore.h"
#include "social/postchecks.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace lux::social {

// A post's variant for one account, as the composer hands it over.
struct TargetDraft
{
    qint64 accountId = 0;
    QString text;
    QString firstComment;
    QList<qint64> mediaIds; // from the media library, in order
};

struct PostDraft
{
    QString text; // what the variants started from
    QList<TargetDraft> targets;
    std::optional<qint64> at; // when (ms since the epoch, UTC); or
    bool queue = false;       // each account's next free slot
    std::optional<qint64> userId;
};

// Where a target is, from its outbox row.
enum class TargetState {
    Scheduled,  // waiting for its time
    Publishing, // being published now
    Published,
    Failed,     // with the network's reason; Retry sends it again
    Unknown,    // the answer was lost and the network could not tell: the user decides
    Cancelled,
};

struct TargetStatus
{
    qint64 id = 0;
    qint64 postId = 0;
    qint64 accountId = 0;
    Network network = Network::X;
    QString accountName;
    QString text;
    QString firstComment;
    QString commentState; // none, sending, unknown, done, failed (with commentError)
    QString commentError;
    qint64 dueAt = 0;
    bool queued = false;
    TargetState state = TargetState::Scheduled;
    int attempts = 0;
    QString errorCode;
    QString error;
    QString externalId;
    QString permalink;
    std::optional<qint64> publishedAt;
    QList<qint64> mediaIds;

    static QString stateName(TargetState state); // scheduled, publishing, published, failed, unknown, cancelled
    static QString stateText(TargetState state); // the same for people, translated
};

// One time in an account's queue (PostStore::queue): a slot, free or taken by a target, or a target
// given a time of its own that is not a slot ("at a set time").
struct QueueTime
{
    qint64 at = 0;
    bool slot = true;                   // false: a post at a set time, not one of the slots
    std::optional<TargetStatus> target; // what takes it; none: the slot is free
};

struct AccountQueue
{
    QString timeZone;          // the IANA id the slots are in: the account's, or the computer's
    bool computerZone = false; // the account has no zone of its own
    QList<Slot> slots;
    QList<QueueTime> times; // in time order; a slot before a set-time post at the same moment
};

struct PostStatus
{
    qint64 id = 0;
    QString text;
    std::optional<qint64> cancelledAt;
    qint64 createdAt = 0;
    QList<TargetStatus> targets;
};

// Social posts (migration 21, docs/SOCIAL.md). A post has a target per account; each target is an
// outbox row of its account's standing campaign (hidden, channel "social"), due at its time, so the
// channel core publishes it: claimed durably, paced per account, reconciled after a lost answer,
// retried, exactly once. Scheduling checks every target against its network's rules first
// (PostChecks, the same the composer and `luxctl social check` show) and refuses the whole post if
// one would be refused, saying which and why; nothing is stored then.
class PostStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::social::PostStore)
public:
    explicit PostStore(QSqlDatabase db, Clock clock = systemClock());

    // Stores the post and schedules each target in one transaction; its id.
    Result<qint64> schedule(const PostDraft &draft);
    // The checks of one target as it would be scheduled (its account's network and long posts, its
    // pictures read from the media library).
    Result<PostCheck> check(const TargetDraft &target);

    // Moves a target that has not started publishing (the calendar's drag). Queue slots are a
    // starting point: a moved target keeps its new time.
    Status reschedule(qint64 targetId, qint64 at);
    // Cancels the targets still waiting; what was published stays published.
    Status cancel(qint64 postId);
    // A failed target, or every failed target of an account, published again.
    Status retry(qint64 targetId);
    Result<int> retryFailed(qint64 accountId);
    // A target in doubt that nothing could settle, settled by the user: `published` — it is on the
    // network (its link kept when the user gives one: http or https); otherwise it is published again
    // (the user has looked and accepts that it was not there).
    Status decide(qint64 targetId, bool published, const QString &link = {});
    // How many of each account's posts failed (what retryFailed would send again); accounts with none
    // are left out.
    Result<QHash<qint64, int>> failedByAccount();

    Result<PostStatus> status(qint64 postId);
    // Targets due (or published) between from and to, for the calendar; all accounts.
    Result<QList<TargetStatus>> between(qint64 from, qint64 to);

    // The account's next queue slot after `after` that no post of its takes; std::nullopt when it
    // has no slots. Slots are in the account's time zone (the computer's when it has none); a slot
    // that a clock change skips (02:30 on a spring-forward night) moves on by the change.
    Result<std::optional<qint64>> nextFreeSlot(qint64 accountId, qint64 after);
    // The account's queue after `from` until the end of the `days`th day (in its zone): each slot time
    // with the target that takes it (the one nextFreeSlot skips), or free; and its posts waiting at
    // times that are not slots.
    Result<AccountQueue> queue(qint64 accountId, qint64 from, int days = 14);

private:
    Result<qint64> campaignWithin(const Account &account);
    Result<qint64> scheduleTargetWithin(qint64 postId, const Account &account, const TargetDraft &target, qint64 dueAt, bool queued);
    Result<QList<TargetStatus>> targets(const QString &where, const QVariantList &values);

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::social
