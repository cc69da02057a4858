// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "events/invite.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace lux::tracking {
class TokenCodec;
}

namespace lux::events {

enum class EventStatus { Draft, Published, Cancelled, Finished };
enum class RegistrationStatus { Pending, Confirmed, Waiting, Cancelled };
enum class RegistrationSource { Link, Embed, Manual, Api };
// How the door found someone: the scanned ticket, a typed name or address, or luxctl.
enum class CheckInVia { None, Scan, Search, Luxctl };

// The names stored and shown to scripts ("draft", "confirmed", "embed", "scan"); nullopt for others.
QString eventStatusName(EventStatus status);
std::optional<EventStatus> eventStatusFromName(const QString &name);
QString registrationStatusName(RegistrationStatus status);
std::optional<RegistrationStatus> registrationStatusFromName(const QString &name);
QString registrationSourceName(RegistrationSource source);
std::optional<RegistrationSource> registrationSourceFromName(const QString &name);
QString checkInViaName(CheckInVia via);

// A question on the registration form; question N is the form's field qN.
struct EventQuestion
{
    enum class Kind { Text, Choice, Checkbox };
    Kind kind = Kind::Text;
    QString label;
    QStringList choices; // Choice only
    bool required = false;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    bool operator==(const EventQuestion &) const = default;
};

// One free event on one date (migration 18). create() and update() read the fields the user sets;
// the store keeps uid, slug, status, sequence, revision and the times itself.
struct Event
{
    qint64 id = 0;
    QString uid;  // iCalendar UID, made once
    QString slug; // the public page: /e/<slug> on lux-tracker
    QString title;
    QString description; // Markdown
    QString language = QStringLiteral("en"); // the page's and the mail's: "en" or "es"
    qint64 startsAt = 0, endsAt = 0;         // ms since the epoch, UTC
    QString timeZone;                        // IANA ("Europe/Madrid")
    QString venue;
    QString onlineUrl; // http or https, or empty
    std::optional<qint64> senderId; // the organiser: an email sender (senders.id)
    int capacity = 0;               // 0: no limit
    std::optional<qint64> opensAt, closesAt;
    bool doubleOptIn = true;
    int powDifficulty = 16; // leading zero bits of SHA-256; 0 turns the proof of work off
    QStringList tags;       // given to every registrant
    QList<int> reminders{1440, 60}; // minutes before the start, largest first
    QList<EventQuestion> questions;
    QString consentText; // the latest version's text; empty: no consent asked
    int consentVersion = 0; // the latest version (0: none); read-only

    EventStatus status = EventStatus::Draft; // changed by setStatus() only
    int sequence = 0;
    int revision = 1;
    int publishedRevision = 0; // the revision lux-tracker last acknowledged
    qint64 createdAt = 0, updatedAt = 0;
    std::optional<qint64> publishedAt;
};

struct RegistrationCounts
{
    int pending = 0, confirmed = 0, waiting = 0, cancelled = 0;
    int checkedIn = 0;
    int total() const { return pending + confirmed + waiting + cancelled; }
};

// An event as lists show it: its fields (questions and consent text left out) and its counts.
struct EventSummary
{
    Event event;
    RegistrationCounts counts;
};

struct Registration
{
    qint64 id = 0;
    qint64 eventId = 0;
    std::optional<qint64> trackerId; // the registration's id on lux-tracker; nullopt: added here
    std::optional<qint64> contactId;
    QString email; // as typed, trimmed
    QString firstName, lastName;
    RegistrationStatus status = RegistrationStatus::Pending;
    std::optional<int> position; // on the waiting list, 1-based; only while waiting
    RegistrationSource source = RegistrationSource::Link;
    QStringList answers; // by question position; a checkbox "1" or "0"
    bool consent = false;
    std::optional<int> consentVersion;
    qint64 registeredAt = 0;
    std::optional<qint64> confirmedAt, cancelledAt, checkedInAt;
    CheckInVia checkedInVia = CheckInVia::None;
    qint64 trackerSeq = 0;
    qint64 updatedAt = 0;

    QString name() const; // "First Last", or the address when both are empty
};

struct RegistrationFilter
{
    QList<RegistrationStatus> statuses; // empty: every status
    QString search;                     // part of a first or last name or of the address, any case
    bool checkedInOnly = false;
    int limit = 0; // 0: all
    int offset = 0;
};

// What upsertFromTracker() did: the sync sends mail from it (a confirmation when the status became
// confirmed, a promotion when it was waiting before…).
struct TrackerUpsert
{
    qint64 registrationId = 0;
    bool created = false;
    bool applied = false; // newer than what the row had seen: written (a repeat or an older one is not)
    bool changed = false; // applied, and a field the app keeps is different (not merely confirmed while waiting)
    std::optional<RegistrationStatus> previousStatus; // nullopt when created
    RegistrationStatus status = RegistrationStatus::Pending; // the row's status now
};

struct CheckInResult
{
    enum class Outcome {
        CheckedIn,        // now
        AlreadyChecked,   // earlier, at registration->checkedInAt
        NotFound,         // no such ticket or address among this event's registrations
        OtherEvent,       // a valid ticket of another event (otherEventTitle)
        NotConfirmed,     // pending, waiting or cancelled: registration->status says which
    };
    Outcome outcome = Outcome::NotFound;
    std::optional<Registration> registration;
    qint64 otherEventId = 0;
    QString otherEventTitle;
    QString message; // for the person at the door, translated ("Checked in: Ana García.")
    bool admitted() const { return outcome == Outcome::CheckedIn; }
};

// Events, their questions and consent texts, and their registrations (migration 18). Every write is
// one transaction; times come from the clock. The lux-tracker side (publishing, the sync) calls
// setStatus(), markPublished() and upsertFromTracker(); everything else is the app's and luxctl's.
class EventStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::EventStore)
public:
    static constexpr int kMaxTitle = 200;
    static constexpr int kMaxQuestions = 20;
    static constexpr int kMaxChoices = 20;
    static constexpr int kMaxReminders = 5;
    static constexpr int kMaxReminderMinutes = 60 * 24 * 60; // 60 days

    explicit EventStore(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // The first thing wrong with the event's fields, naming the field; ok when it can be saved.
    static Status validate(const Event &event);
    static QString statusLabel(EventStatus status);              // for people, translated
    static QString statusLabel(RegistrationStatus status);       // for people, translated

    // A new draft with its uid, slug and consent text version 1 (when there is a text); its id.
    Result<qint64> create(const Event &event);
    // Saves the user's fields of a draft or published event: revision + 1, a new consent version when
    // the text changed, and for a published event sequence + 1 when the title, a time, the zone, the
    // venue or the online link changed.
    Status update(const Event &event);
    Result<Event> find(qint64 id) const;
    Result<Event> findBySlug(const QString &slug) const;
    // Every event, soonest first, with its counts (one query).
    Result<QList<EventSummary>> list() const;
    // draft → published or cancelled; published → cancelled or finished. Cancelling raises the
    // sequence; every change raises the revision.
    Status setStatus(qint64 id, EventStatus status);
    // lux-tracker acknowledged this revision of the event.
    Status markPublished(qint64 id, int revision);
    Status remove(qint64 id); // drafts only
    Result<QString> consentText(qint64 eventId, int version) const;

    // Confirmed, pending and cancelled by registration time, the waiting list by place.
    Result<QList<Registration>> registrations(qint64 eventId, const RegistrationFilter &filter = {}) const;
    Result<Registration> registration(qint64 registrationId) const;
    Result<RegistrationCounts> counts(qint64 eventId) const;
    // Someone added at the door or by the organiser: confirmed, source manual. Refused when the address
    // already has a registration that is not cancelled.
    Result<qint64> addManual(qint64 eventId, const QString &email, const QString &firstName, const QString &lastName);
    Status cancelManual(qint64 registrationId);
    // The state lux-tracker reports for one of its registrations (registration.trackerId), applied
    // once: a trackerSeq not above the row's is ignored.
    Result<TrackerUpsert> upsertFromTracker(qint64 eventId, const Registration &registration, qint64 trackerSeq);
    // The same inside a transaction the caller holds (the tracker sync's page).
    Result<TrackerUpsert> upsertFromTrackerWithin(qint64 eventId, const Registration &registration, qint64 trackerSeq);

    // A scanned ticket (Ticket::read) or a typed address (exact, any case).
    Result<CheckInResult> checkIn(qint64 eventId, const QString &codeOrText, const tracking::TokenCodec &codec, CheckInVia via,
                                  qint64 now);
    // Registrations whose first name, last name, "first last" or address starts with the text (any
    // case, accents ignored in names), for the door's typed search; index range scans only.
    Result<QList<Registration>> findForCheckIn(qint64 eventId, const QString &text, int limit = 20) const;
    Status undoCheckIn(qint64 registrationId);

    // email,first_name,last_name,status,position,registered_at,checked_in_at: UTF-8, CRLF, times in
    // ISO 8601 UTC, cells neutralised as every CSV the app writes (CsvReader::neutralise). Rows.
    Result<qint64> writeAttendeesCsv(qint64 eventId, QIODevice &out, const RegistrationFilter &filter = {}) const;

    // What the invite builder needs; pageUrl: the public page (url falls back to the online link).
    static InviteEvent toInvite(const Event &event, const QString &organizerEmail, const QString &organizerName,
                                const QUrl &pageUrl = {});

    // Lower case without accents: what first_key and last_key hold and the search compares.
    static QString searchKey(const QString &text);
    // "spring-launch" from "Spring Launch!": lower-case ASCII letters, digits and hyphens, at most 40.
    static QString slugBase(const QString &title);

private:
    Status writeQuestions(qint64 eventId, const QList<EventQuestion> &questions);
    Result<int> addConsentVersionIfChanged(qint64 eventId, const QString &text, qint64 now);
    Result<Event> findWhere(const QString &column, const QVariant &value) const;

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::events
