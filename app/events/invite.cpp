// SPDX-License-Identifier: GPL-3.0-or-later
#include "invite.h"

#include "common/errorcodes.h"

#include <QTimeZone>
#include <QUrlQuery>

#include <libical/ical.h>

#include <cstdlib>
#include <memory>

namespace lux::events {

namespace {

struct ComponentDeleter
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

// The wall-clock time of `at` in `zone`, as libical's floating time (the TZID parameter names the zone).
icaltimetype localTime(const QDateTime &at, const QTimeZone &zone)
{
    const QDateTime local = at.toTimeZone(zone);
    icaltimetype t = icaltime_null_time();
    t.year = local.date().year();
    t.month = local.date().month();
    t.day = local.date().day();
    t.hour = local.time().hour();
    t.minute = local.time().minute();
    t.second = local.time().second();
    t.is_date = 0;
    return t;
}

icaltimetype utcTime(const QDateTime &at)
{
    return icaltime_from_timet_with_zone(time_t(at.toSecsSinceEpoch()), 0, icaltimezone_get_utc_timezone());
}

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

icalproperty *withTzid(icalproperty *p, const QByteArray &zone)
{
    icalproperty_add_parameter(p, icalparameter_new_tzid(zone.constData()));
    return p;
}

// "20261210T180000Z", as Google's and Outlook's links want the times.
QString compactUtc(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

} // namespace

QString Invite::uidFor(const InviteEvent &event, const std::optional<Attendee> &attendee)
{
    if (!attendee || attendee->registration.isEmpty())
        return event.uid;
    return QStringLiteral("r%1.%2").arg(attendee->registration, event.uid);
}

Result<QByteArray> Invite::build(const InviteEvent &event, const std::optional<Attendee> &attendee, Method method, const QDateTime &stamp)
{
    const QByteArray zoneName = event.timeZone.toUtf8();
    const QTimeZone zone(zoneName);
    icaltimezone *builtin = zoneName.isEmpty() ? nullptr : icaltimezone_get_builtin_timezone(zoneName.constData());
    if (!zone.isValid() || !builtin)
        return Error(errc::eventsTimezone, tr("“%1” is not a time zone this computer knows (say Europe/Madrid).").arg(event.timeZone));
    if (!event.start.isValid() || !event.end.isValid() || event.end <= event.start)
        return Error(errc::eventsInvite, tr("The event must end after it starts."));
    if (event.uid.isEmpty() || event.organizerEmail.isEmpty())
        return Error(errc::eventsInvite, tr("An invite needs the event's UID and an organiser's address."));
    if (method != Method::Publish && !attendee)
        return Error(errc::eventsInvite, tr("An invite or a cancellation is for one registrant."));

    Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//LUX Marketing//Events//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(method == Method::Request  ? ICAL_METHOD_REQUEST
                                                                      : method == Method::Cancel ? ICAL_METHOD_CANCEL
                                                                                                 : ICAL_METHOD_PUBLISH));

    // The zone's rules from the system's data, cut to a year before the event (clients need no
    // history), renamed to the plain IANA name the times refer to.
    icalcomponent *timezone = icalcomponent_new_clone(icaltimezone_get_component(builtin));
    icaltimezone_truncate_vtimezone(timezone, utcTime(event.start.addDays(-366)), icaltime_null_time(), 1);
    if (icalproperty *tzid = icalcomponent_get_first_property(timezone, ICAL_TZID_PROPERTY))
        icalproperty_set_tzid(tzid, zoneName.constData());
    icalcomponent_add_component(calendar.get(), timezone);

    icalcomponent *vevent = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(vevent, icalproperty_new_uid(utf8(uidFor(event, attendee)).constData()));
    icalcomponent_add_property(vevent, icalproperty_new_dtstamp(utcTime(stamp)));
    icalcomponent_add_property(vevent, withTzid(icalproperty_new_dtstart(localTime(event.start, zone)), zoneName));
    icalcomponent_add_property(vevent, withTzid(icalproperty_new_dtend(localTime(event.end, zone)), zoneName));
    icalcomponent_add_property(vevent, icalproperty_new_sequence(event.sequence));
    icalcomponent_add_property(vevent, icalproperty_new_summary(utf8(event.title).constData()));
    if (!event.description.isEmpty())
        icalcomponent_add_property(vevent, icalproperty_new_description(utf8(event.description).constData()));
    if (!event.location.isEmpty())
        icalcomponent_add_property(vevent, icalproperty_new_location(utf8(event.location).constData()));
    if (event.url.isValid() && !event.url.isEmpty())
        icalcomponent_add_property(vevent, icalproperty_new_url(event.url.toEncoded().constData()));
    icalcomponent_add_property(vevent, icalproperty_new_status(method == Method::Cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(vevent, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
    icalproperty *organizer = icalproperty_new_organizer(utf8(QStringLiteral("mailto:") + event.organizerEmail).constData());
    if (!event.organizerName.isEmpty())
        icalproperty_add_parameter(organizer, icalparameter_new_cn(utf8(event.organizerName).constData()));
    icalcomponent_add_property(vevent, organizer);
    if (attendee) {
        icalproperty *who = icalproperty_new_attendee(utf8(QStringLiteral("mailto:") + attendee->email).constData());
        if (!attendee->name.isEmpty())
            icalproperty_add_parameter(who, icalparameter_new_cn(utf8(attendee->name).constData()));
        icalproperty_add_parameter(who, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
        icalproperty_add_parameter(who, icalparameter_new_partstat(ICAL_PARTSTAT_ACCEPTED)); // they registered
        icalproperty_add_parameter(who, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
        icalcomponent_add_property(vevent, who);
    }
    if (event.alarmMinutesBefore && method != Method::Cancel) {
        icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
        icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
        icaltriggertype trigger;
        trigger.time = icaltime_null_time();
        trigger.duration = icaldurationtype_from_int(-60 * *event.alarmMinutesBefore);
        icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
        icalcomponent_add_property(alarm, icalproperty_new_description(utf8(event.title).constData()));
        icalcomponent_add_component(vevent, alarm);
    }
    icalcomponent_add_component(calendar.get(), vevent);

    char *text = icalcomponent_as_ical_string_r(calendar.get());
    if (!text)
        return Error(errc::eventsInvite, tr("The invite could not be written."));
    QByteArray out(text);
    std::free(text);
    return out;
}

QUrl Invite::googleCalendarLink(const InviteEvent &event)
{
    QUrl url(QStringLiteral("https://calendar.google.com/calendar/render"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("action"), QStringLiteral("TEMPLATE"));
    q.addQueryItem(QStringLiteral("text"), event.title);
    q.addQueryItem(QStringLiteral("dates"), compactUtc(event.start) + u'/' + compactUtc(event.end));
    q.addQueryItem(QStringLiteral("ctz"), event.timeZone);
    if (!event.description.isEmpty())
        q.addQueryItem(QStringLiteral("details"), event.description);
    if (!event.location.isEmpty())
        q.addQueryItem(QStringLiteral("location"), event.location);
    url.setQuery(q);
    return url;
}

QUrl Invite::outlookCalendarLink(const InviteEvent &event)
{
    QUrl url(QStringLiteral("https://outlook.office.com/calendar/0/deeplink/compose"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("path"), QStringLiteral("/calendar/action/compose"));
    q.addQueryItem(QStringLiteral("rru"), QStringLiteral("addevent"));
    q.addQueryItem(QStringLiteral("subject"), event.title);
    q.addQueryItem(QStringLiteral("startdt"), event.start.toUTC().toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("enddt"), event.end.toUTC().toString(Qt::ISODate));
    if (!event.description.isEmpty())
        q.addQueryItem(QStringLiteral("body"), event.description);
    if (!event.location.isEmpty())
        q.addQueryItem(QStringLiteral("location"), event.location);
    url.setQuery(q);
    return url;
}

} // namespace lux::events
