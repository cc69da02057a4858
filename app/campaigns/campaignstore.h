// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace lux::campaigns {

enum class CampaignStatus { Draft, Scheduled, Sending, Paused, Sent, Failed, Cancelled };

// What a campaign tracks through lux-tracker. Off: no pixel, no rewritten links. PerPerson: opens
// and clicks per recipient. Anonymous: the same pixel and links, but their tokens name nobody, so
// only counts per link and per day are kept (compliance: "a person can keep only anonymous counts").
// The unsubscribe link is per recipient in every mode, and nothing is tracked without a tracker.
enum class TrackingMode { Off, PerPerson, Anonymous };
QString trackingModeName(TrackingMode mode); // "off", "person", "anonymous" (luxctl, JSON)
std::optional<TrackingMode> trackingModeFromName(const QString &name);
QString statusName(CampaignStatus status);
std::optional<CampaignStatus> statusFromName(const QString &name);

// Who gets a campaign: contacts with any of the included tags or in any included segment (everyone
// when nothing is included), less those with an excluded tag or in an excluded segment. The
// suppression list and unsubscribed, bounced, complained or cleaned contacts are always left out.
struct Audience
{
    QStringList includeTags, includeSegments, excludeTags, excludeSegments;
    QJsonObject toJson() const;
    static Audience fromJson(const QJsonObject &o);
};

struct Campaign
{
    qint64 id = 0;
    QString name;
    qint64 templateId = 0;
    QString subject, preheader;
    QString fromEmail, fromName, replyTo;
    QStringList extraSenders; // more mailboxes sharing the sending; each message comes from its own
    Audience audience;
    CampaignStatus status = CampaignStatus::Draft;
    // ms since the epoch, UTC; with localTime, the wall-clock time encoded as if it were UTC, sent at
    // that time in each recipient's time zone (the computer's zone for contacts without one).
    std::optional<qint64> scheduledAt;
    bool localTime = false;
    // Opens and clicks through lux-tracker (the pixel and rewritten links), per person or as
    // anonymous counts; off: neither. The signed unsubscribe link is there either way. Stored in
    // campaigns.tracking (0 off, 1 on) and campaigns.anonymous_counts (migration 12).
    TrackingMode tracking = TrackingMode::PerPerson;
    QString channel = QStringLiteral("email"); // the channel that sends it (migration 10)
    QString body; // sms: the text, with merge tags (migration 14); fromEmail holds its sending number
    // An event's mail (events/eventmail.h): a campaign that is never listed nor "sent", whose outbox
    // rows each carry their own message. Set only by EventMail.
    std::optional<qint64> eventId;
    // An automation step's messages (automations/engine.h): hidden and never "sent" the same way,
    // its rows queued one by one with a mail_key. Set only by AutomationStore::publish.
    std::optional<qint64> automationId;
    // A social account's posts (social/poststore.h): hidden, one row per post and account, queued one
    // by one. Set only by PostStore.
    std::optional<qint64> socialAccountId;
    // Rows come one by one (an event's mail, an automation's step, a social post), not from an
    // audience frozen once.
    bool standing() const { return eventId.has_value() || automationId.has_value() || socialAccountId.has_value(); }
    QStringList senders() const; // fromEmail first, then the extra ones, without repeats
    qint64 createdAt = 0, updatedAt = 0;
};

// Campaigns and their lifecycle (migration 7). A status changes only along the legal transitions,
// by compare-and-set, so two windows or a window and the scheduler cannot both move one campaign.
class CampaignStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::CampaignStore)
public:
    explicit CampaignStore(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    static bool canMove(CampaignStatus from, CampaignStatus to);
    static QString statusLabel(CampaignStatus status); // for people, translated

    // `within` (when given) runs inside the same transaction with the campaign's id, so what belongs
    // to the campaign (its A/B test) is saved with it or not at all.
    using Within = std::function<Status(qint64 id)>;
    Result<Campaign> create(const Campaign &c, std::optional<qint64> byUser, const Within &within = {});
    // Saves a draft's fields (not its status); only drafts can change.
    Result<Campaign> update(const Campaign &c, std::optional<qint64> byUser, const Within &within = {});
    Result<Campaign> find(qint64 id) const;
    Result<Campaign> find(const QString &name) const;
    QList<Campaign> list() const; // newest first
    Result<Campaign> duplicate(qint64 id, const QString &newName, std::optional<qint64> byUser); // a draft
    // Moves the campaign from the status it has to `to`, if that is legal; audited.
    Status transition(qint64 id, CampaignStatus to, std::optional<qint64> byUser, std::optional<qint64> scheduledAt = std::nullopt);

    // Freezes the audience into the outbox, once: one row per recipient with its own Message-ID
    // (`<lux.CAMPAIGN.CONTACT.NONCE@DOMAIN>`, DOMAIN from the sender's address). Returns how many rows
    // the outbox holds. Calling it again adds nothing.
    Result<qint64> freezeAudience(qint64 id);
    // How many contacts the audience holds now (what a freeze would take), for the wizard.
    Result<qint64> countAudience(const Audience &audience, const QString &channel = QStringLiteral("email")) const;
    // Who the audience holds on a channel and who is left out, and why (the wizard says so):
    // reachable, then, of the rest, in this order: no address of the channel, an address that
    // cannot take it (a landline), suppressed (a STOP), no consent or unsubscribed.
    struct Breakdown
    {
        qint64 reachable = 0, noAddress = 0, notTextable = 0, noConsent = 0, suppressed = 0;
    };
    Result<Breakdown> breakdown(const Audience &audience, const QString &channel) const;
    static constexpr int kMaxSmsBody = 1600; // Twilio's limit on a message's text

    // Who the campaign goes to, for planning: its outbox rows not yet settled once it is frozen,
    // else the audience as a freeze would take it now. dueAt: the row's (0 before the freeze).
    struct Recipient
    {
        qint64 contactId = 0;
        QString address, timeZone;
        qint64 dueAt = 0;
    };
    Result<QList<Recipient>> recipients(const Campaign &c) const;
    // The earliest moment any recipient of a local-time schedule is due: the wall time in UTC+14.
    static qint64 firstDueAt(const Campaign &c);

private:
    struct AudienceSql
    {
        QString where; // over contacts c
        QVariantList binds;
    };
    Result<AudienceSql> audienceSql(const Audience &audience, qint64 now, const QString &channel = QStringLiteral("email")) const;
    // Only the tags and segments: who is in the audience before the channel's own rules.
    Result<AudienceSql> selectionSql(const Audience &audience, qint64 now) const;
    Status validate(const Campaign &c, qint64 exceptId) const;
    Status setLocalDueTimes(const Campaign &c);

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::campaigns
