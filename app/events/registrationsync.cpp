// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrationsync.h"

#include "common/errorcodes.h"
#include "contacts/addressing.h"
#include "contacts/contactrepository.h"
#include "contacts/suppression.h"
#include "events/eventmail.h"
#include "events/eventstore.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace lux::events {

namespace {

std::optional<qint64> optionalTime(const QJsonObject &o, const char *name)
{
    const qint64 v = o.value(QLatin1StringView(name)).toInteger();
    return v > 0 ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

Result<RegistrationSync::Applied> RegistrationSync::applyWithin(const QJsonObject &e)
{
    Applied applied;
    const qint64 eventId = e.value(QStringLiteral("event")).toInteger();
    const qint64 trackerSeq = e.value(QStringLiteral("id")).toInteger();
    EventStore store(m_db, m_clock);
    const auto event = store.find(eventId);
    // Deleted here, or another database's event with the same number on a shared tracker (its slug,
    // made at random, tells them apart).
    if (!event || event->slug != e.value(QStringLiteral("slug")).toString())
        return applied;
    applied.known = true;

    Registration in;
    in.eventId = eventId;
    in.trackerId = e.value(QStringLiteral("registration")).toInteger();
    in.email = e.value(QStringLiteral("email")).toString().trimmed();
    in.firstName = e.value(QStringLiteral("first_name")).toString();
    in.lastName = e.value(QStringLiteral("last_name")).toString();
    const QString status = e.value(QStringLiteral("status")).toString();
    // An expired hold is a cancellation here (the seat went to someone else).
    in.status = status == u"expired" ? RegistrationStatus::Cancelled : registrationStatusFromName(status).value_or(RegistrationStatus::Pending);
    if (in.status == RegistrationStatus::Waiting)
        in.position = std::max(1, e.value(QStringLiteral("position")).toInt(1));
    in.source = registrationSourceFromName(e.value(QStringLiteral("source")).toString()).value_or(RegistrationSource::Link);
    for (const QJsonValue &a : e.value(QStringLiteral("answers")).toArray())
        in.answers << a.toString();
    in.consent = e.value(QStringLiteral("consent")).toBool();
    if (in.consent && e.value(QStringLiteral("consent_version")).toInt() > 0)
        in.consentVersion = e.value(QStringLiteral("consent_version")).toInt();
    in.registeredAt = e.value(QStringLiteral("registered_at")).toInteger();
    in.confirmedAt = optionalTime(e, "confirmed_at");
    in.cancelledAt = optionalTime(e, "cancelled_at");

    const auto address = contacts::Addressing::parseEmail(in.email);
    if (!address)
        return applied; // the tracker checked it loosely; an address this app cannot write to is left out

    // The contact first, so the registration row links to it.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, status FROM contacts WHERE email_key = ?"));
    q.addBindValue(address->key);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    const qint64 now = m_clock();
    qint64 contactId = 0;
    QString contactStatus;
    if (q.next()) {
        contactId = q.value(0).toLongLong();
        contactStatus = q.value(1).toString();
    }
    q.finish();
    const bool cancelled = in.status == RegistrationStatus::Cancelled;
    if (contactId == 0 && !cancelled) {
        q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, first_name, last_name, status, source, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, 'unsubscribed', ?, ?, ?) RETURNING id"));
        for (const QVariant &v : QVariantList{address->display, address->key, storage::notNull(in.firstName.trimmed()),
                                              storage::notNull(in.lastName.trimmed()), tr("event registration form"), now, now})
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return storage::queryError(q);
        contactId = q.value(0).toLongLong();
        contactStatus = QStringLiteral("unsubscribed");
        q.finish();
    }
    if (contactId)
        in.contactId = contactId;

    const auto upsert = store.upsertFromTrackerWithin(eventId, in, trackerSeq);
    if (!upsert)
        return upsert.error();
    if (!upsert->applied)
        return applied; // a repeat (a page served again), or older than what the row shows
    applied.changed = true;
    m_touched.insert(eventId);
    const QString change = e.value(QStringLiteral("change")).toString();

    if (contactId && !cancelled && upsert->created) {
        // The event's tags, made when missing.
        if (lux::Status tagged = contacts::ContactRepository(m_db).addTags(contactId, event->tags, now); !tagged)
            return tagged.error();
    }
    if (contactId && in.consent && (upsert->created || change == u"confirmed")) {
        if (!in.consentVersion)
            return Error(errc::eventsInput, tr("Registration %1 of “%2” consented to no text version.").arg(*in.trackerId).arg(event->title));
        // The consent as given on the form, with the words the person saw; confirmed by the double
        // opt-in when they confirmed their address.
        const auto text = store.consentText(eventId, *in.consentVersion);
        if (!text)
            return text.error();
        const QString evidence = tr("Event registration form for “%1”, consent text version %2: %3")
                                     .arg(event->title)
                                     .arg(*in.consentVersion)
                                     .arg(*text);
        const bool confirmedByLink = change == u"confirmed";
        q.prepare(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at) VALUES (?, 'email', ?, ?, ?, ?)"));
        for (const QVariant &v : QVariantList{contactId, confirmedByLink ? QStringLiteral("confirmed") : QStringLiteral("given"),
                                              confirmedByLink ? QStringLiteral("double_opt_in") : QStringLiteral("form"), evidence,
                                              e.value(QStringLiteral("at")).toInteger(now)})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
        // Subscribed once the address is known to be theirs (confirmed by the link, or no double
        // opt-in asked), unless it is suppressed (an unsubscribe or a complaint stands): someone
        // typing a stranger's address and ticking the box subscribes nobody.
        // (By the suppression list's hash, which outlives an erasure.)
        if (contactStatus == u"unsubscribed" && e.value(QStringLiteral("verified")).toBool()
            && !contacts::SuppressionList(m_db).contains(contacts::SuppressionList::Channel::Email, in.email)) {
            q.prepare(QStringLiteral("UPDATE contacts SET status = 'subscribed', updated_at = ? WHERE id = ?"));
            q.addBindValue(now);
            q.addBindValue(contactId);
            if (!q.exec())
                return storage::queryError(q);
        }
    }

    // The message the change calls for.
    std::optional<MailKind> mail;
    const RegistrationStatus now_ = upsert->status;
    const bool verified = e.value(QStringLiteral("verified")).toBool();
    if (change == u"registered")
        mail = now_ == RegistrationStatus::Confirmed ? MailKind::Confirmation
             : now_ == RegistrationStatus::Pending   ? MailKind::ConfirmAddress
             : now_ == RegistrationStatus::Waiting   ? (verified ? MailKind::Waiting : MailKind::ConfirmAddress)
                                                     : std::optional<MailKind>();
    else if (change == u"confirmed")
        mail = now_ == RegistrationStatus::Confirmed ? MailKind::Confirmation
             : now_ == RegistrationStatus::Waiting   ? MailKind::Waiting // their place, now the address is theirs
                                                     : std::optional<MailKind>();
    else if (change == u"promoted")
        mail = now_ == RegistrationStatus::Confirmed ? MailKind::Promotion : MailKind::ConfirmAddress;
    else if (change == u"cancelled")
        mail = MailKind::Cancellation;
    else if (change == u"expired")
        mail = MailKind::Lapsed;
    if (mail && event->senderId) {
        const auto registration = store.registration(upsert->registrationId);
        if (!registration)
            return registration.error();
        // A promotion to someone still to confirm asks again (a second confirm-address message).
        const int detail = change == u"promoted" ? 1 : 0;
        const auto queued = EventMail(m_db, m_clock).queueWithin(*event, *registration, *mail, detail);
        if (!queued)
            return queued.error();
        applied.mailed = queued->has_value();
    }
    return applied;
}

Status RegistrationSync::finishWithin()
{
    for (const qint64 eventId : std::as_const(m_touched)) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE event_registrations SET position = (SELECT count(*) FROM event_registrations w "
                                 "WHERE w.event_id = event_registrations.event_id AND w.status = 'waiting' "
                                 "AND w.tracker_id <= event_registrations.tracker_id) "
                                 "WHERE event_id = ? AND status = 'waiting' AND tracker_id IS NOT NULL"));
        q.addBindValue(eventId);
        if (!q.exec())
            return storage::queryError(q);
    }
    m_touched.clear();
    return {};
}

} // namespace lux::events
