// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoroTask>
#include <QString>

namespace lux::campaigns {
struct Campaign;
}

namespace lux::channels {

// What became of one request to a provider, as the outbox needs to know it.
struct Outcome
{
    enum class Kind {
        Accepted,  // the provider has it
        Transient, // not accepted (throttled, unavailable, refused before it was sent): retry later
        Permanent, // retrying cannot help; the provider's code and message say why
        Unknown,   // the request went out whole but no answer came: it may have been accepted
    };
    Kind kind = Kind::Unknown;
    int status = 0;             // the HTTP status, 0 without an answer
    QString code;               // the provider's error code, or the network error's name
    QString message;
    int retryAfterSeconds = -1; // the provider asked to wait this long (-1: it did not say)
    QString reference;          // accepted or staged: the provider's id for the message
    int units = 0;              // accepted: what the provider counts it as (an SMS's segments); 0 unknown
    bool restage = false;       // transient: the staged reference is spent (an expired container); the retry stages anew
    // Transient, > 0: the channel counts this retry itself (a first comment once its post exists has
    // its own budget): the row's attempt is given back, and the wait grows with this count.
    int ownAttempts = 0;

    bool ok() const { return kind == Kind::Accepted; }
    static QString kindName(Kind kind);
};

// One recipient's message as a channel sees it: an outbox row, or a test send (outboxId 0).
struct Delivery
{
    qint64 outboxId = 0;
    qint64 campaignId = 0;
    qint64 contactId = 0; // 0: no contact (deleted, or a test to an address that is not one)
    QString address;      // where it goes: an email address, a phone number, an account
    QString sender;       // the mailbox, number or account it goes from
    QString messageId;    // unique per row, assigned at the freeze: how a lost answer is found again
    QString reference;    // the provider's reference committed by an earlier attempt (a staged draft)
    int attempts = 0;
    qint64 attemptedAt = 0; // when this row's request last left (ms); a reconciliation looks from there
    qint64 doubtSince = 0;  // a row in doubt: when its answer was lost or the crash found (ms); 0 otherwise
    bool test = false;    // a test send: marked as one, never tracked
    int variant = -1;     // an A/B test's variant (0 is A); -1: the campaign as it is
};

// How a delivery in doubt (its answer lost, or the process killed while it was out) was settled.
struct Reconciliation
{
    enum class Verdict {
        Sent,          // it went
        Failed,        // the provider refused it for good (code, message)
        NotSent,       // it certainly did not go: it may be sent again
        StillUnknown,  // the provider could not be asked now (ask again in the next round), or cannot tell yet (askAgainAt)
        NeedsDecision, // nothing can tell: the user decides; never an automatic resend
    };
    Verdict verdict = Verdict::StillUnknown;
    QString code, message;
    QString reference; // Sent: the provider's id for the message, when it says
    int units = 0;     // Sent: what the provider counts it as (an SMS's segments), when known
    qint64 askAgainAt = 0; // StillUnknown: the provider cannot tell before then (its listing lags); 0: ask again at once

    static Reconciliation sent(QString reference = {}, int units = 0) { return {Verdict::Sent, {}, {}, std::move(reference), units, 0}; }
    static Reconciliation failed(QString code, QString message) { return {Verdict::Failed, std::move(code), std::move(message), {}, 0, 0}; }
    static Reconciliation notSent(QString message) { return {Verdict::NotSent, QStringLiteral("reconciled"), std::move(message), {}, 0, 0}; }
    static Reconciliation stillUnknown(qint64 askAgainAt = 0) { return {Verdict::StillUnknown, {}, {}, {}, 0, askAgainAt}; }
    static Reconciliation needsDecision(QString message) { return {Verdict::NeedsDecision, {}, std::move(message), {}, 0, 0}; }
};

// The most a channel's provider allows one sender (a mailbox, a number, an account). 0: no limit.
// The core holds every sender to `perSecond` and `concurrency`; `perMinute` and `perDay` vary by
// account (an Exchange tenant, a Twilio number's class), so a sender's own limits govern those; the
// figures here are the provider's published ones, for reference.
struct Pace
{
    int perSecond = 0;
    int perMinute = 0;
    int perDay = 0;
    int concurrency = 1;
};

// What every channel provides to the core: the dispatcher, the outbox, the pacer, the run path and
// the reports know a channel only through this. A channel is made for one run (one campaign, or a
// test send) on the thread that runs it; it builds a recipient's message, hands it to its provider
// and reads the answer, and settles a delivery whose answer was lost.
//
// Exactly once is the core's promise and the channel's duty together: the core commits the row as
// `sending` before submit(), commits whatever reference stage() returns before submit(), and never
// calls submit() again for a row in doubt: it asks reconcile(). A channel whose provider can make a
// message without sending it (Graph's drafts) stages it, so a second submit of the same reference
// cannot make a second copy; one whose provider cannot must be able to look its messages up.
class Channel
{
public:
    virtual ~Channel() = default;

    // "email", "sms", …: the outbox row's channel and the suppression list's.
    virtual QString id() const = 0;
    // The provider's limits for one sender; a sender's own limits never go above them.
    virtual Pace pace() const = 0;

    // Reads what every message of the campaign shares (template, tracked links); before build().
    virtual Status prepare(const campaigns::Campaign &campaign) = 0;
    // The earliest moment (ms since the epoch) this delivery may go, `now` when it may go now: a
    // text waits for the recipient's window (quiet hours). The dispatcher asks before every send
    // and leaves the row pending until then, for campaigns and for anything else it dispatches.
    // `hold` (when given) says what it waits for: a code for the row and a sentence for the user.
    struct Hold
    {
        QString code, why;
    };
    virtual qint64 notBefore(const Delivery &delivery, qint64 now, Hold *hold = nullptr) const;
    // Whether notBefore() can ever say "later" (the dispatcher skips asking a channel that cannot).
    virtual bool hasWindows() const { return false; }
    virtual Result<QByteArray> build(const Delivery &delivery) const = 0;

    // Two-phase providers: makes the message at the provider without sending it and returns its
    // reference (Outcome::reference), which the core commits before submit(). Others return false
    // from stages() and are never asked.
    virtual bool stages() const { return false; }
    virtual QCoro::Task<Outcome> stage(Delivery delivery, QByteArray message);
    // Sends it: the staged reference in delivery.reference, or the message itself.
    virtual QCoro::Task<Outcome> submit(Delivery delivery, QByteArray message) = 0;
    // A delivery in doubt, with what the row knows (its reference, its Message-ID).
    virtual QCoro::Task<Reconciliation> reconcile(Delivery delivery) = 0;
};

} // namespace lux::channels
