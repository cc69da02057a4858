// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "common/clock.h"
#include "common/result.h"
#include "events/eventstore.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace lux::tracking {
class CampaignTracking;
}

namespace lux::events {

// The messages an event sends (docs/EVENTS.md): each is transactional (the person asked for it), so
// it goes to suppressed addresses too, is never tracked, and carries no unsubscribe link.
enum class MailKind {
    ConfirmAddress, // double opt-in: confirm the address to keep the seat (or place)
    Confirmation,   // the seat is confirmed: details, the invite, the ticket
    Waiting,        // on the waiting list, with the place
    Promotion,      // a seat came free and is theirs (the invite and ticket when confirmed)
    Update,         // the time or the place changed: the updated invite (a higher SEQUENCE)
    Cancellation,   // the event or the registration is cancelled (METHOD:CANCEL)
    Reminder,       // before the start
    Lapsed,         // the address was not confirmed in time: the seat went to someone else
};
QString mailKindName(MailKind kind); // "confirmation", …
std::optional<MailKind> mailKindFromName(const QString &name);
QList<MailKind> allMailKinds();

struct MailTemplate
{
    QString subject;
    QString body; // plain text with merge tags ({{first_name}}, {{event_title}}, …); paragraphs by blank lines
};

// Queues an event's messages in the channel core. Each event has one mail campaign (campaigns.event_id,
// made on first use, from the event's organiser mailbox); a message is an outbox row of it with its
// own mail_key ("r<registration>.<kind>.<sequence or minutes>"), so queueing the same message twice
// (a sync repeated, a scheduler restarted) finds the row instead of making a second one, and the
// dispatcher sends it exactly once, paced with the campaigns that share the mailbox.
class EventMail
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::EventMail)
public:
    explicit EventMail(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // The merge tags a template may use.
    static QStringList fields();
    static MailTemplate starter(MailKind kind, const QString &language);
    Result<MailTemplate> mailTemplate(MailKind kind, const QString &language) const; // the user's, or the starter
    // Checks the tags first: a template that would not render is refused, naming the line and tag.
    Status setTemplate(MailKind kind, const QString &language, const MailTemplate &t);
    Status resetTemplate(MailKind kind, const QString &language);

    // Inside a transaction the caller holds: the message for this registration, due now, and the
    // mail campaign's send job due now. Nothing (and no error) when it was queued before. An event
    // without an organiser mailbox cannot send: its error says so.
    Result<std::optional<qint64>> queueWithin(const Event &event, const Registration &registration, MailKind kind, int detail = 0);
    // Its own transaction.
    Result<std::optional<qint64>> queue(const Event &event, const Registration &registration, MailKind kind, int detail = 0);
    // Everyone the change concerns, in one transaction: an update to the confirmed (at the event's
    // SEQUENCE), a cancellation to the confirmed, pending and waiting. How many were queued.
    Result<int> queueForEvent(qint64 eventId, MailKind kind);
    // Reminders whose moment has come (start − offset ≤ now < start) for published events, each offset
    // once per event, to the confirmed: by email, and by text to those with SMS consent when SMS is
    // set up (a text reminder campaign per offset; quiet hours and STOP apply as to any text). How
    // many messages were queued.
    Result<int> queueDueReminders();

    // The event's mail campaign, made when missing (within a transaction the caller holds).
    Result<qint64> campaignWithin(const Event &event);

private:
    Result<int> queueTextReminderWithin(const Event &event, int minutes);

    QSqlDatabase m_db;
    Clock m_clock;
};

// The event's mail on the email channel: builds each row's message (the template merged for the
// registration, the event's details, the calendar invite and the ticket's QR code when there is a
// seat) and hands staging, sending and reconciliation to the email channel it wraps, so exactly once
// is Graph's draft-then-send like every email.
class EventMailChannel final : public channels::Channel
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::EventMailChannel)
public:
    // `tracking` (the tracker's address and the signing keys) outlives the channel; confirmHours:
    // how long a registration waits for its address (Settings::eventConfirmHours), for the message.
    EventMailChannel(QSqlDatabase db, std::unique_ptr<channels::Channel> email, const tracking::CampaignTracking &tracking,
                     int confirmHours, Clock clock = systemClock());
    ~EventMailChannel() override;

    QString id() const override { return m_email->id(); }
    channels::Pace pace() const override { return m_email->pace(); }
    Status prepare(const campaigns::Campaign &campaign) override;
    Result<QByteArray> build(const channels::Delivery &delivery) const override;
    bool stages() const override { return m_email->stages(); }
    QCoro::Task<channels::Outcome> stage(channels::Delivery delivery, QByteArray message) override;
    QCoro::Task<channels::Outcome> submit(channels::Delivery delivery, QByteArray message) override;
    QCoro::Task<channels::Reconciliation> reconcile(channels::Delivery delivery) override;

private:
    struct Prepared;
    QSqlDatabase m_db;
    std::unique_ptr<channels::Channel> m_email;
    const tracking::CampaignTracking &m_tracking;
    int m_confirmHours;
    Clock m_clock;
    std::unique_ptr<Prepared> m_prepared;
};

} // namespace lux::events
