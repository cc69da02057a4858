// SPDX-License-Identifier: GPL-3.0-or-later
#include "poststore.h"

#include "campaigns/jobstore.h"
#include "campaigns/outbox.h"
#include "common/errorcodes.h"
#include "common/wallclock.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>

#include <functional>

namespace lux::social {

namespace {

// What the checks read of a picture: its first segments (type, size, orientation, MPO).
constexpr int kHeaderBytes = 1024 * 1024;
// How far ahead the queue looks for a free slot.
constexpr int kQueueDays = 366;

constexpr auto kTargetColumns =
    "SELECT t.id, t.post_id, t.account_id, a.network, a.name, a.handle, t.text, t.first_comment, t.due_at, t.queued, "
    "o.state, o.attempts, o.error_code, o.error, t.external_id, t.permalink, t.published_at, "
    "(SELECT group_concat(media_id) FROM (SELECT media_id FROM social_target_media m WHERE m.target_id = t.id ORDER BY position)), "
    "t.comment_state, t.comment_error "
    "FROM social_targets t JOIN social_accounts a ON a.id = t.account_id JOIN social_posts p ON p.id = t.post_id "
    "LEFT JOIN outbox o ON o.id = t.outbox_id ";

TargetState stateOf(const QVariant &outboxState)
{
    if (outboxState.isNull())
        return TargetState::Cancelled;
    const QString s = outboxState.toString();
    if (s == u"pending")
        return TargetState::Scheduled;
    if (s == u"sending")
        return TargetState::Publishing;
    if (s == u"sent")
        return TargetState::Published;
    if (s == u"failed")
        return TargetState::Failed;
    return TargetState::Unknown;
}

QString formatTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

QString TargetStatus::stateName(TargetState state)
{
    switch (state) {
    case TargetState::Scheduled:
        return QStringLiteral("scheduled");
    case TargetState::Publishing:
        return QStringLiteral("publishing");
    case TargetState::Published:
        return QStringLiteral("published");
    case TargetState::Failed:
        return QStringLiteral("failed");
    case TargetState::Unknown:
        return QStringLiteral("unknown");
    case TargetState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString TargetStatus::stateText(TargetState state)
{
    switch (state) {
    case TargetState::Scheduled:
        return PostStore::tr("scheduled");
    case TargetState::Publishing:
        return PostStore::tr("being published");
    case TargetState::Published:
        return PostStore::tr("published");
    case TargetState::Failed:
        return PostStore::tr("failed");
    case TargetState::Unknown:
        return PostStore::tr("waiting for your decision");
    case TargetState::Cancelled:
        return PostStore::tr("cancelled");
    }
    return {};
}

PostStore::PostStore(QSqlDatabase db, Clock clock) : m_db(std::move(db)), m_clock(std::move(clock)) {}

Result<PostCheck> PostStore::check(const TargetDraft &target)
{
    const auto account = AccountStore(m_db, m_clock).find(target.accountId);
    if (!account)
        return account.error();
    QList<MediaFacts> media;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, length(data), substr(data, 1, ?) FROM media WHERE id = ?"));
    for (qint64 id : target.mediaIds) {
        q.addBindValue(kHeaderBytes);
        q.addBindValue(id);
        if (!q.exec())
            return storage::queryError(q, QString(errc::dbRead));
        if (!q.next())
            return Error(QString(errc::socialNotFound), tr("Picture %1 is not in the media library.").arg(id));
        MediaFacts facts = MediaFacts::of(q.value(0).toString(), q.value(2).toByteArray());
        facts.bytes = q.value(1).toLongLong();
        media.append(facts);
    }
    CheckOptions options;
    options.longPosts = account->longPosts;
    options.firstComment = target.firstComment;
    return PostChecks::check(account->network, target.text, media, options);
}

Result<qint64> PostStore::schedule(const PostDraft &draft)
{
    if (draft.targets.isEmpty())
        return Error(QString(errc::socialInput), tr("Choose at least one account to post to."));
    if (draft.at.has_value() == draft.queue)
        return Error(QString(errc::socialInput), tr("Give the post a time or add it to the queue, one of the two."));
    const qint64 now = m_clock();
    // A minute's grace: "now" as typed is not in the past.
    if (draft.at && *draft.at < now - 60'000)
        return Error(QString(errc::socialInput), tr("%1 is in the past: choose a later time.").arg(formatTime(*draft.at)));

    // Every target must pass its network's checks, or nothing is scheduled.
    AccountStore accounts(m_db, m_clock);
    QList<Account> targetAccounts;
    QStringList refusals;
    QSet<qint64> seen;
    for (const TargetDraft &t : draft.targets) {
        if (seen.contains(t.accountId))
            return Error(QString(errc::socialInput), tr("An account is chosen twice in the same post."));
        seen.insert(t.accountId);
        const auto account = accounts.find(t.accountId);
        if (!account)
            return account.error();
        if (account->status != u"connected")
            return Error(QString(errc::socialState), account->status == u"removed"
                                                         ? tr("%1 was removed: connect it again to post to it.").arg(account->displayName())
                                                         : tr("%1 must be connected again before posting to it.").arg(account->displayName()));
        targetAccounts.append(*account);
        const auto checked = check(t);
        if (!checked)
            return checked.error();
        for (const Finding &f : checked->findings) {
            if (f.blocking)
                refusals << tr("%1: %2").arg(account->displayName(), f.message);
        }
    }
    if (!refusals.isEmpty())
        return Error(QString(errc::socialCheck), tr("Not scheduled, the networks would refuse it:\n%1").arg(refusals.join(u'\n')));

    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO social_posts (text, created_by, created_at, updated_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(storage::notNull(draft.text));
    q.addBindValue(storage::userValue(draft.userId));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 postId = q.lastInsertId().toLongLong();
    for (qsizetype i = 0; i < draft.targets.size(); ++i) {
        qint64 due = draft.at.value_or(0);
        if (draft.queue) {
            const auto slot = nextFreeSlot(targetAccounts[i].id, now);
            if (!slot)
                return slot.error();
            if (!*slot)
                return Error(QString(errc::socialState),
                             tr("%1 has no queue slots: add some (“Tue/Thu 10:00”) or give the post a time.").arg(targetAccounts[i].displayName()));
            due = **slot;
        }
        if (auto target = scheduleTargetWithin(postId, targetAccounts[i], draft.targets[i], due, draft.queue); !target)
            return target.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return postId;
}

Result<qint64> PostStore::campaignWithin(const Account &account)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, status FROM campaigns WHERE social_account_id = ?"));
    q.addBindValue(account.id);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    const qint64 now = m_clock();
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const bool sending = q.value(1).toString() == u"sending";
        q.finish();
        if (!sending) {
            q.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', updated_at = ? WHERE id = ?"));
            q.addBindValue(now);
            q.addBindValue(id);
            if (!q.exec())
                return storage::queryError(q);
        }
        return id;
    }
    // Never listed with the campaigns, never tracked, always sending; its name cannot be a user's.
    // from_email names the account: the pace is the account's.
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, from_email, status, created_at, updated_at, channel, tracking, social_account_id) "
                             "VALUES (?, ?, 'sending', ?, ?, 'social', 0, ?)"));
    for (const QVariant &v : QVariantList{QStringLiteral("lux:social:%1").arg(account.uid), QStringLiteral("social:%1").arg(account.uid),
                                          now, now, account.id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return q.lastInsertId().toLongLong();
}

Result<qint64> PostStore::scheduleTargetWithin(qint64 postId, const Account &account, const TargetDraft &target, qint64 dueAt, bool queued)
{
    const auto campaign = campaignWithin(account);
    if (!campaign)
        return campaign.error();
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO social_targets (post_id, account_id, text, first_comment, due_at, queued) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{postId, account.id, storage::notNull(target.text), storage::notNull(target.firstComment), dueAt,
                                          queued ? 1 : 0})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 targetId = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO social_target_media (target_id, position, media_id) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; i < target.mediaIds.size(); ++i) {
        q.addBindValue(targetId);
        q.addBindValue(int(i));
        q.addBindValue(target.mediaIds[i]);
        if (!q.exec())
            return storage::queryError(q);
    }
    // The row the channel core publishes: one per post and account (mail_key), no contact.
    const QString nonce = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
    q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, due_at, "
                             "queued_at, updated_at, mail_key) VALUES (?, NULL, 'social', ?, ?, 'pending', ?, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{*campaign, account.handle.isEmpty() ? account.name : account.handle, account.externalId,
                                          QStringLiteral("<lux.s%1.%2@social.lux>").arg(targetId).arg(nonce), dueAt, now, now,
                                          QStringLiteral("p%1.t%2").arg(postId).arg(targetId)})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 outboxId = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("UPDATE social_targets SET outbox_id = ? WHERE id = ?"));
    q.addBindValue(outboxId);
    q.addBindValue(targetId);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendByWithin(*campaign, dueAt); !s)
        return s.error();
    return targetId;
}

Status PostStore::reschedule(qint64 targetId, qint64 at)
{
    if (at < m_clock() - 60'000)
        return Error(QString(errc::socialInput), tr("%1 is in the past: choose a later time.").arg(formatTime(at)));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT o.id, o.state, o.campaign_id FROM social_targets t LEFT JOIN outbox o ON o.id = t.outbox_id WHERE t.id = ?"));
    q.addBindValue(targetId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QString(errc::socialNotFound), tr("There is no scheduled post %1.").arg(targetId));
    if (q.value(1).toString() != u"pending")
        return Error(QString(errc::socialState), tr("Only a post still waiting for its time can be moved; this one is %1.")
                                                     .arg(TargetStatus::stateText(stateOf(q.value(1)))));
    const qint64 outboxId = q.value(0).toLongLong();
    const qint64 campaignId = q.value(2).toLongLong();
    q.finish();
    const qint64 now = m_clock();
    q.prepare(QStringLiteral("UPDATE outbox SET due_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'"));
    q.addBindValue(at);
    q.addBindValue(now);
    q.addBindValue(outboxId);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("UPDATE social_targets SET due_at = ?, queued = 0 WHERE id = ?"));
    q.addBindValue(at);
    q.addBindValue(targetId);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendByWithin(campaignId, at); !s)
        return s;
    return tx.commit();
}

Status PostStore::cancel(qint64 postId)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM social_posts WHERE id = ?"));
    q.addBindValue(postId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, QString(errc::dbRead));
    if (q.value(0).toInt() == 0)
        return Error(QString(errc::socialNotFound), tr("There is no post %1.").arg(postId));
    q.finish();
    // Rows still waiting, and failed ones (a retry must not bring them back): a row being published,
    // published or in doubt is the network's now (its channel refuses a cancelled post's row).
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE state IN ('pending', 'failed') AND id IN (SELECT outbox_id FROM social_targets WHERE post_id = ?)"));
    q.addBindValue(postId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() == 0)
        return Error(QString(errc::socialState), tr("Nothing of this post is waiting any more: it is being published or was."));
    q.prepare(QStringLiteral("UPDATE social_posts SET cancelled_at = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(m_clock());
    q.addBindValue(m_clock());
    q.addBindValue(postId);
    if (!q.exec())
        return storage::queryError(q);
    return tx.commit();
}

namespace {

// A target's outbox row (its id, its campaign) when the row is in `state`; `refusal` otherwise.
Result<std::pair<qint64, qint64>> outboxRowOf(QSqlDatabase &db, qint64 targetId, const QString &state, const QString &refusal)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT o.id, o.campaign_id, o.state FROM social_targets t JOIN outbox o ON o.id = t.outbox_id WHERE t.id = ?"));
    q.addBindValue(targetId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next() || q.value(2).toString() != state)
        return Error(QString(errc::socialState), refusal);
    return std::pair<qint64, qint64>(q.value(0).toLongLong(), q.value(1).toLongLong());
}

} // namespace

Status PostStore::retry(qint64 targetId)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto row = outboxRowOf(m_db, targetId, QStringLiteral("failed"), tr("Only a post that failed can be retried."));
    if (!row)
        return row.error();
    const auto [rowId, campaignId] = *row;
    if (auto requeued = campaigns::Outbox(m_db, m_clock).requeueFailed(campaignId, rowId); !requeued)
        return requeued.error();
    if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendByWithin(campaignId, m_clock()); !s)
        return s;
    return tx.commit();
}

Status PostStore::decide(qint64 targetId, bool published, const QString &link)
{
    const QUrl url(link.trimmed(), QUrl::StrictMode);
    if (published && !link.trimmed().isEmpty() && (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()))
        return Error(QString(errc::socialInput), tr("'%1' is not a post's address (https://…).").arg(link.trimmed()));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto row = outboxRowOf(m_db, targetId, QStringLiteral("unknown"), tr("Only a post whose fate is not known can be decided."));
    if (!row)
        return row.error();
    const auto [rowId, campaignId] = *row;
    if (Status s = campaigns::Outbox(m_db, m_clock).decide(rowId, !published); !s)
        return s;
    if (published) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE social_targets SET permalink = CASE WHEN ? = '' THEN permalink ELSE ? END, "
                                 "published_at = coalesce(published_at, ?) WHERE id = ?"));
        const QString kept = link.trimmed().isEmpty() ? QStringLiteral("") : url.toString();
        for (const QVariant &v : QVariantList{kept, kept, m_clock(), targetId})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
    } else if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendByWithin(campaignId, m_clock()); !s) {
        return s;
    }
    return tx.commit();
}

Result<int> PostStore::retryFailed(qint64 accountId)
{
    const auto account = AccountStore(m_db, m_clock).find(accountId);
    if (!account)
        return account.error();
    if (!account->campaignId)
        return 0;
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto requeued = campaigns::Outbox(m_db, m_clock).requeueFailed(*account->campaignId);
    if (!requeued)
        return requeued.error();
    if (*requeued > 0)
        if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendByWithin(*account->campaignId, m_clock()); !s)
            return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return int(*requeued);
}

Result<QHash<qint64, int>> PostStore::failedByAccount()
{
    // The rows requeueFailed takes back: the account's standing campaign's failed ones, not suppressed.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT c.social_account_id, count(*) FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
                               "WHERE c.social_account_id IS NOT NULL AND o.state = 'failed' AND o.error_code <> 'suppressed' "
                               "GROUP BY c.social_account_id")))
        return storage::queryError(q, QString(errc::dbRead));
    QHash<qint64, int> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return out;
}

Result<QList<TargetStatus>> PostStore::targets(const QString &where, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kTargetColumns) + where);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    QList<TargetStatus> out;
    while (q.next()) {
        TargetStatus t;
        t.id = q.value(0).toLongLong();
        t.postId = q.value(1).toLongLong();
        t.accountId = q.value(2).toLongLong();
        t.network = Networks::fromName(q.value(3).toString()).value_or(Network::X);
        const QString handle = q.value(5).toString();
        t.accountName = handle.isEmpty() ? q.value(4).toString() : handle;
        t.text = q.value(6).toString();
        t.firstComment = q.value(7).toString();
        t.dueAt = q.value(8).toLongLong();
        t.queued = q.value(9).toInt() != 0;
        t.state = stateOf(q.value(10));
        t.attempts = q.value(11).toInt();
        t.errorCode = q.value(12).toString();
        t.error = q.value(13).toString();
        t.externalId = q.value(14).toString();
        t.permalink = q.value(15).toString();
        if (!q.value(16).isNull())
            t.publishedAt = q.value(16).toLongLong();
        for (const QString &id : q.value(17).toString().split(u',', Qt::SkipEmptyParts))
            t.mediaIds.append(id.toLongLong());
        t.commentState = q.value(18).toString();
        t.commentError = q.value(19).toString();
        out.append(t);
    }
    return out;
}

Result<PostStatus> PostStore::status(qint64 postId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT text, cancelled_at, created_at FROM social_posts WHERE id = ?"));
    q.addBindValue(postId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QString(errc::socialNotFound), tr("There is no post %1.").arg(postId));
    PostStatus p;
    p.id = postId;
    p.text = q.value(0).toString();
    if (!q.value(1).isNull())
        p.cancelledAt = q.value(1).toLongLong();
    p.createdAt = q.value(2).toLongLong();
    auto list = targets(QStringLiteral("WHERE t.post_id = ? ORDER BY t.id"), {postId});
    if (!list)
        return list.error();
    p.targets = std::move(*list);
    return p;
}

Result<QList<TargetStatus>> PostStore::between(qint64 from, qint64 to)
{
    return targets(QStringLiteral("WHERE coalesce(t.published_at, t.due_at) >= ? AND coalesce(t.published_at, t.due_at) < ? "
                                  "ORDER BY coalesce(t.published_at, t.due_at), t.id"),
                   {from, to});
}

namespace {

// The zone an account's slots are in: its own, or the computer's when it has none.
Result<QTimeZone> zoneOf(const Account &account)
{
    const QTimeZone zone = account.timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(account.timeZone.toUtf8());
    if (!zone.isValid())
        return Error(QString(errc::socialInput),
                     PostStore::tr("%1's time zone “%2” is not known on this computer.").arg(account.displayName(), account.timeZone));
    return zone;
}

// An account's queue: the account, its slots and the zone they are in.
struct QueueSetup
{
    Account account;
    QList<Slot> slots;
    QTimeZone zone;
};

Result<QueueSetup> queueSetup(const QSqlDatabase &db, const Clock &clock, qint64 accountId)
{
    AccountStore accounts(db, clock);
    const auto account = accounts.find(accountId);
    if (!account)
        return account.error();
    const auto slots = accounts.slots(accountId);
    if (!slots)
        return slots.error();
    const auto zone = zoneOf(*account);
    if (!zone)
        return zone.error();
    return QueueSetup{*account, *slots, *zone};
}

// Hands `take` each slot time after `after`, in order, day by day for `days` days from after's day in
// `zone`, until it returns false. A slot that a clock change skips (02:30 on a spring-forward night)
// moves on by the change (wallTimeMs). The one expansion of the slots: nextFreeSlot and queue.
void forEachSlotTime(const QList<Slot> &slots, const QTimeZone &zone, qint64 after, int days, const std::function<bool(qint64)> &take)
{
    const QDate first = QDateTime::fromMSecsSinceEpoch(after, zone).date();
    for (int day = 0; day <= days; ++day) {
        const QDate date = first.addDays(day);
        QList<qint64> times; // a moved slot may pass a later one of the same day
        for (const Slot &slot : slots) {
            if (slot.weekday != date.dayOfWeek())
                continue;
            if (const std::optional<qint64> when = wallTimeMs(date, QTime(slot.minute / 60, slot.minute % 60), zone); when && *when > after)
                times << *when;
        }
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        for (qint64 ms : std::as_const(times))
            if (!take(ms))
                return;
    }
}

} // namespace

Result<std::optional<qint64>> PostStore::nextFreeSlot(qint64 accountId, qint64 after)
{
    const auto setup = queueSetup(m_db, m_clock, accountId);
    if (!setup)
        return setup.error();
    if (setup->slots.isEmpty())
        return std::optional<qint64>();
    // The times this account's posts already take (cancelled ones free theirs).
    QSet<qint64> taken;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT t.due_at FROM social_targets t JOIN social_posts p ON p.id = t.post_id "
                             "WHERE t.account_id = ? AND t.due_at > ? AND p.cancelled_at IS NULL"));
    q.addBindValue(accountId);
    q.addBindValue(after);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    while (q.next())
        taken.insert(q.value(0).toLongLong());
    std::optional<qint64> found;
    forEachSlotTime(setup->slots, setup->zone, after, kQueueDays, [&](qint64 ms) {
        if (!taken.contains(ms))
            found = ms;
        return !found;
    });
    if (!found)
        return Error(QString(errc::socialState), tr("Every queue slot of %1 in the next year is taken.").arg(setup->account.displayName()));
    return found;
}

Result<AccountQueue> PostStore::queue(qint64 accountId, qint64 from, int days)
{
    const auto setup = queueSetup(m_db, m_clock, accountId);
    if (!setup)
        return setup.error();
    const QTimeZone &zone = setup->zone;
    AccountQueue out;
    out.timeZone = QString::fromUtf8(zone.id());
    out.computerZone = setup->account.timeZone.isEmpty();
    out.slots = setup->slots;
    const QDate last = QDateTime::fromMSecsSinceEpoch(from, zone).date().addDays(days - 1);
    const qint64 end = wallTimeMs(last.addDays(1), QTime(0, 0), zone).value_or(from);
    // What takes a slot is what nextFreeSlot counts as taken: a target of a post not cancelled.
    const auto waiting = targets(QStringLiteral("WHERE t.account_id = ? AND t.due_at > ? AND t.due_at < ? AND p.cancelled_at IS NULL "
                                                "ORDER BY t.due_at, t.id"),
                                 {accountId, from, end});
    if (!waiting)
        return waiting.error();
    QHash<qint64, qsizetype> slotAt; // a slot time's index in out.times
    forEachSlotTime(setup->slots, zone, from, days, [&](qint64 ms) {
        if (ms >= end)
            return false;
        slotAt.insert(ms, out.times.size());
        out.times.append({ms, true, std::nullopt});
        return true;
    });
    for (const TargetStatus &t : *waiting) {
        const auto slot = slotAt.constFind(t.dueAt);
        if (slot != slotAt.cend() && !out.times[*slot].target)
            out.times[*slot].target = t;
        else if (t.state == TargetState::Scheduled || t.state == TargetState::Publishing)
            out.times.append({t.dueAt, false, t}); // at a set time, or a second post in a taken slot
    }
    std::stable_sort(out.times.begin(), out.times.end(), [](const QueueTime &a, const QueueTime &b) {
        return a.at != b.at ? a.at < b.at : a.slot > b.slot;
    });
    return out;
}

} // namespace lux::social
