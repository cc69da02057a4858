// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace lux::events {

// What a calendar invite says about an event (one date; several sessions are out of scope).
struct InviteEvent
{
    QString uid;         // stable for the event ("lux-event-12@acme.example"); a registrant's invite adds to it
    QString title, description, location;
    QUrl url;            // the event's page, or its online link
    QDateTime start, end; // instants
    QString timeZone;    // IANA ("Europe/Madrid"): the zone the invite shows the times in
    QString organizerEmail, organizerName;
    int sequence = 0;    // raised on every change the registrant is sent (RFC 5546 §2.1.4)
    std::optional<int> alarmMinutesBefore = 60; // a VALARM that many minutes before; nullopt: none
};

struct Attendee
{
    QString email, name;
    QString registration; // the registration's own id, for a UID per registration
};

// iCalendar invites (RFC 5545, iTIP RFC 5546) built with libical: METHOD:REQUEST for an invite or an
// update (the same UID, a higher SEQUENCE), METHOD:CANCEL with the same UID for a cancellation,
// METHOD:PUBLISH for the event's own file. DTSTART/DTEND in the event's zone with its VTIMEZONE
// (from the system's zone data, cut to the years around the event), ORGANIZER, ATTENDEE, DTSTAMP,
// a VALARM; lines folded and CRLF-terminated as the RFC says.
class Invite
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::Invite)
public:
    enum class Method { Request, Cancel, Publish };

    // A registrant's UID: the event's, with the registration before it, so an update or a
    // cancellation names the same one every time.
    static QString uidFor(const InviteEvent &event, const std::optional<Attendee> &attendee);
    static Result<QByteArray> build(const InviteEvent &event, const std::optional<Attendee> &attendee, Method method, const QDateTime &stamp);

    // "Add to calendar" links for people whose mail program does not read invites.
    static QUrl googleCalendarLink(const InviteEvent &event);
    static QUrl outlookCalendarLink(const InviteEvent &event);
};

} // namespace lux::events
