// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace lux::campaigns {

enum class OutboxState { Pending, Sending, Sent, Failed, Unknown };
QString stateName(OutboxState state);

struct OutboxRow
{
    qint64 id = 0;
    qint64 campaignId = 0;
    qint64 contactId = 0;
    QString channel; // "email", …: the channel that sends it
    QString address; // where it goes, in the channel's form (an email address, a phone number)
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    QString messageId;
    QString sender;
    QString reference; // the provider's id: a staged message (Graph's draft), or the accepted one
    qint64 dueAt = 0;
    QString errorCode, error;
    qint64 attemptedAt = 0; // when its request last left (the claim)
    qint64 updatedAt = 0;   // its last change: for a row in doubt, when the doubt arose
    int variant = -1;       // an A/B test's variant (0 is A); -1: none (no test, or the rest before the decision)
};

// The per-recipient rows of a campaign, whatever its channel, and the only ways they change. Each change is its own
// committed transaction: a row is `sending` on disk before its request leaves and `sent`, `failed`,
// `unknown` or `pending` (to retry) on disk after the answer, so a crash at any moment leaves it
// either untouched or marked as in doubt, never silently sent twice.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::Outbox)
public:
    explicit Outbox(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // Up to `limit` due pending rows become `sending` for `sender`, attempts counted. A row whose
    // address has been suppressed since the freeze becomes `failed` ("suppressed") instead.
    Result<QList<OutboxRow>> claim(qint64 campaignId, int limit, const QString &sender);
    // The same inside a transaction the caller holds (the dispatcher's group commit).
    Result<QList<OutboxRow>> claimWithin(qint64 campaignId, int limit, const QString &sender);
    // What a staging channel made at the provider (Graph's draft), remembered before it is submitted.
    Status setReference(qint64 rowId, const QString &reference);
    // With the provider's id when it gave one, and what it counts the message as (SMS segments).
    Status markSent(qint64 rowId, const QString &reference = {}, int units = 0);
    // A claimed row that may not go yet (the recipient's quiet hours): pending again, due at `dueAt`,
    // its attempt given back.
    Status defer(qint64 rowId, qint64 dueAt, const QString &code, const QString &message);
    // A pending row made to wait until `dueAt` (never earlier than it already waits).
    Status postpone(qint64 rowId, qint64 dueAt, const QString &code, const QString &message);
    // What the provider said of an accepted message later (a status callback), found by its
    // reference; forward only (queued → sending → sent → delivered | undelivered | failed), so a
    // replayed or late status changes nothing. True when the row moved.
    Result<bool> applyDelivery(const QString &channel, const QString &reference, const QString &status, const QString &code, qint64 at);
    Status setPrice(const QString &channel, const QString &reference, const QString &price, const QString &unit);
    static int deliveryRank(const QString &status); // 0: not a status this knows
    Status markFailed(qint64 rowId, const QString &code, const QString &message);
    Status markUnknown(qint64 rowId, const QString &code, const QString &message);
    // Nothing can tell whether it went: the user decides (decide()). From sending, or from unknown
    // when a later round's reconciliation is the one that cannot tell.
    Status markNeedsDecision(qint64 rowId, const QString &message);
    Status retryLater(qint64 rowId, qint64 dueAt, const QString &code, const QString &message); // back to pending
    // After a crash: rows left `sending` become `unknown`, to be reconciled before anything is retried.
    Result<qint64> recoverInterrupted(qint64 campaignId);
    // Failed rows (not the suppressed ones) back to pending, due now, attempts from zero; only the
    // row `rowId` when given.
    Result<qint64> requeueFailed(qint64 campaignId, std::optional<qint64> rowId = std::nullopt);
    // A row whose fate nobody could tell: `send` puts it back to pending (the user accepts the risk
    // of a second copy), otherwise it is counted as sent.
    Status decide(qint64 rowId, bool send);
    std::optional<qint64> nextDueAt(qint64 campaignId) const; // the soonest pending row
    Result<QList<OutboxRow>> rows(qint64 campaignId, std::optional<OutboxState> state = std::nullopt, int limit = 1000) const;
    QHash<QString, qint64> counts(qint64 campaignId) const; // by state name; every state present
    // Who sent what on `channel` since `since`, any campaign: (sender, when), to seed the pacers.
    Result<QList<std::pair<QString, qint64>>> sentSince(const QString &channel, qint64 since) const;

    // The error code of a row whose fate nobody could tell: it waits for the user's decision.
    static constexpr const char *kNeedsDecision = "needs-decision";

private:
    Status move(qint64 rowId, std::initializer_list<OutboxState> from, OutboxState to, const QString &code, const QString &message,
                std::optional<qint64> dueAt = std::nullopt);

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::campaigns
