// SPDX-License-Identifier: GPL-3.0-or-later
// Calendar invites (issue 18): each invite, update and cancellation parses with libical and with a
// second, independent parser (Python's icalendar, tests/data/events/check_ics.py), has METHOD,
// ORGANIZER, ATTENDEE, a stable UID per registration, DTSTAMP, DTSTART/DTEND in the event's zone
// with its VTIMEZONE, SEQUENCE and a VALARM; an update keeps the UID with a higher SEQUENCE, a
// cancellation is METHOD:CANCEL with the same UID. Lines are CRLF and folded at 75 octets.
#include "common/errorcodes.h"
#include "events/invite.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <libical/ical.h>

using namespace lux;
using namespace lux::events;
using lux::test::errorText;

namespace {

InviteEvent launch()
{
    InviteEvent e;
    e.uid = QStringLiteral("lux-event-7@acme.example");
    e.title = QStringLiteral("Spring launch: café & demo");
    e.description = QStringLiteral("An evening with the new collection. Doors open at 18:30; the demo starts at 19:00 sharp, "
                                   "and there is coffee (café) for everyone who registered — bring a friend.");
    e.location = QStringLiteral("Acme Store, Gran Vía 1, Madrid");
    e.url = QUrl(QStringLiteral("https://t.acme.example/e/spring-launch"));
    e.start = QDateTime(QDate(2026, 12, 10), QTime(18, 0), QTimeZone::utc()); // 19:00 in Madrid (CET)
    e.end = e.start.addSecs(2 * 3600);
    e.timeZone = QStringLiteral("Europe/Madrid");
    e.organizerEmail = QStringLiteral("events@acme.example");
    e.organizerName = QStringLiteral("Acme Events");
    return e;
}

const Attendee kAna{QStringLiteral("ana@example.com"), QStringLiteral("Ana García"), QStringLiteral("42")};
const QDateTime kStamp(QDate(2026, 12, 1), QTime(9, 30, 15), QTimeZone::utc());

// libical's own reading of an invite: the VEVENT, or null.
struct Parsed
{
    icalcomponent *calendar = nullptr;
    ~Parsed() { icalcomponent_free(calendar); }
    icalcomponent *event() const { return icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); }
};

QString parameter(icalproperty *p, icalparameter_kind kind)
{
    icalparameter *param = icalproperty_get_first_parameter(p, kind);
    return param ? QString::fromUtf8(icalparameter_as_ical_string(param)) : QString();
}

} // namespace

class TestInvite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestHasEveryProperty();
    void updateAndCancellationKeepTheUid();
    void daylightTimeAndOtherZones();
    void badInputSaysWhat();
    void secondParserAgrees();
    void addToCalendarLinks();
};

void TestInvite::requestHasEveryProperty()
{
    const auto ics = Invite::build(launch(), kAna, Invite::Method::Request, kStamp);
    QVERIFY2(ics, errorText(ics).constData());
    // CRLF everywhere, no line over 75 octets (RFC 5545 §3.1).
    for (const QByteArray &line : ics->split('\n')) {
        if (line.isEmpty())
            continue;
        QVERIFY2(line.endsWith('\r'), line.constData());
        QVERIFY2(line.size() - 1 <= 75, line.constData());
    }
    Parsed p{icalparser_parse_string(ics->constData())};
    QVERIFY(p.calendar);
    QCOMPARE(icalcomponent_count_errors(p.calendar), 0);
    QCOMPARE(icalproperty_get_method(icalcomponent_get_first_property(p.calendar, ICAL_METHOD_PROPERTY)), ICAL_METHOD_REQUEST);
    icalcomponent *zone = icalcomponent_get_first_component(p.calendar, ICAL_VTIMEZONE_COMPONENT);
    QVERIFY(zone);
    QCOMPARE(QString::fromUtf8(icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY))), QStringLiteral("Europe/Madrid"));
    icalcomponent *e = p.event();
    QVERIFY(e);
    QCOMPARE(QString::fromUtf8(icalcomponent_get_uid(e)), QStringLiteral("r42.lux-event-7@acme.example"));
    QCOMPARE(icalcomponent_get_sequence(e), 0);
    QCOMPARE(QString::fromUtf8(icalcomponent_get_summary(e)), QStringLiteral("Spring launch: café & demo"));
    QCOMPARE(QString::fromUtf8(icalcomponent_get_description(e)), launch().description); // unfolded whole
    icalproperty *start = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
    QCOMPARE(parameter(start, ICAL_TZID_PARAMETER), QStringLiteral("TZID=Europe/Madrid"));
    const icaltimetype t = icalproperty_get_dtstart(start);
    QCOMPARE(QTime(t.hour, t.minute), QTime(19, 0)); // the wall time in Madrid
    const icaltimetype stamp = icalproperty_get_dtstamp(icalcomponent_get_first_property(e, ICAL_DTSTAMP_PROPERTY));
    QVERIFY(icaltime_is_utc(stamp));
    QCOMPARE(QString::fromLatin1(icaltime_as_ical_string(stamp)), QStringLiteral("20261201T093015Z"));
    icalproperty *organizer = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY);
    QCOMPARE(QString::fromUtf8(icalproperty_get_organizer(organizer)), QStringLiteral("mailto:events@acme.example"));
    QCOMPARE(parameter(organizer, ICAL_CN_PARAMETER), QStringLiteral("CN=Acme Events"));
    icalproperty *attendee = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY);
    QCOMPARE(QString::fromUtf8(icalproperty_get_attendee(attendee)), QStringLiteral("mailto:ana@example.com"));
    QCOMPARE(parameter(attendee, ICAL_CN_PARAMETER), QStringLiteral("CN=Ana García"));
    QCOMPARE(icalproperty_get_status(icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY)), ICAL_STATUS_CONFIRMED);
    icalcomponent *alarm = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT);
    QVERIFY(alarm);
    const icaltriggertype trigger = icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
    QCOMPARE(icaldurationtype_as_int(trigger.duration), -3600);
}

void TestInvite::updateAndCancellationKeepTheUid()
{
    InviteEvent e = launch();
    const auto first = Invite::build(e, kAna, Invite::Method::Request, kStamp);
    e.sequence = 1;
    e.start = e.start.addSecs(3600); // moved an hour later
    e.end = e.end.addSecs(3600);
    const auto update = Invite::build(e, kAna, Invite::Method::Request, kStamp.addDays(1));
    e.sequence = 2;
    const auto cancel = Invite::build(e, kAna, Invite::Method::Cancel, kStamp.addDays(2));
    QVERIFY(first && update && cancel);
    Parsed a{icalparser_parse_string(first->constData())}, b{icalparser_parse_string(update->constData())},
        c{icalparser_parse_string(cancel->constData())};
    QCOMPARE(QString::fromUtf8(icalcomponent_get_uid(b.event())), QString::fromUtf8(icalcomponent_get_uid(a.event())));
    QCOMPARE(QString::fromUtf8(icalcomponent_get_uid(c.event())), QString::fromUtf8(icalcomponent_get_uid(a.event())));
    QVERIFY(icalcomponent_get_sequence(b.event()) > icalcomponent_get_sequence(a.event()));
    QVERIFY(icalcomponent_get_sequence(c.event()) > icalcomponent_get_sequence(b.event()));
    QCOMPARE(icalproperty_get_method(icalcomponent_get_first_property(c.calendar, ICAL_METHOD_PROPERTY)), ICAL_METHOD_CANCEL);
    QCOMPARE(icalproperty_get_status(icalcomponent_get_first_property(c.event(), ICAL_STATUS_PROPERTY)), ICAL_STATUS_CANCELLED);
    QVERIFY(!icalcomponent_get_first_component(c.event(), ICAL_VALARM_COMPONENT)); // nothing to remind of
    // Another registrant has another UID; the event's own file (PUBLISH) has the event's.
    const auto other = Invite::build(e, Attendee{QStringLiteral("bo@example.com"), {}, QStringLiteral("43")}, Invite::Method::Request, kStamp);
    QVERIFY(other->contains("UID:r43.lux-event-7@acme.example"));
    const auto published = Invite::build(e, std::nullopt, Invite::Method::Publish, kStamp);
    QVERIFY(published && published->contains("METHOD:PUBLISH") && published->contains("UID:lux-event-7@acme.example"));
    QVERIFY(!published->contains("ATTENDEE"));
}

void TestInvite::daylightTimeAndOtherZones()
{
    InviteEvent e = launch();
    e.timeZone = QStringLiteral("America/New_York");
    e.start = QDateTime(QDate(2027, 7, 4), QTime(18, 0), QTimeZone::utc()); // 14:00 EDT
    e.end = e.start.addSecs(3600);
    const auto ics = Invite::build(e, kAna, Invite::Method::Request, kStamp);
    QVERIFY(ics);
    QVERIFY2(ics->contains("DTSTART;TZID=America/New_York:20270704T140000"), ics->constData());
    QVERIFY(ics->contains("TZID:America/New_York"));
    QVERIFY(ics->contains("BEGIN:DAYLIGHT") && ics->contains("BEGIN:STANDARD"));
    // The zone's history is cut to the years around the event.
    QVERIFY2(ics->size() < 4000, QByteArray::number(ics->size()).constData());
}

void TestInvite::badInputSaysWhat()
{
    InviteEvent e = launch();
    e.timeZone = QStringLiteral("Mars/Olympus");
    const auto zone = Invite::build(e, kAna, Invite::Method::Request, kStamp);
    QCOMPARE(zone.error().code, QString(errc::eventsTimezone));
    QVERIFY(zone.error().message.contains(QLatin1String("Mars/Olympus")));
    e = launch();
    e.end = e.start;
    QCOMPARE(Invite::build(e, kAna, Invite::Method::Request, kStamp).error().code, QString(errc::eventsInvite));
    QCOMPARE(Invite::build(launch(), std::nullopt, Invite::Method::Request, kStamp).error().code, QString(errc::eventsInvite));
    e = launch();
    e.organizerEmail.clear();
    QCOMPARE(Invite::build(e, kAna, Invite::Method::Request, kStamp).error().code, QString(errc::eventsInvite));
}

void TestInvite::secondParserAgrees()
{
    const QString python = QStringLiteral("/usr/bin/python3"); // Debian's, with python3-icalendar (packaging/install-deps.sh)
    QTemporaryDir dir;
    InviteEvent e = launch();
    QStringList files;
    const auto write = [&](const char *name, const Result<QByteArray> &ics) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(ics && f.open(QIODevice::WriteOnly));
        f.write(*ics);
        files << f.fileName();
    };
    write("invite.ics", Invite::build(e, kAna, Invite::Method::Request, kStamp));
    e.sequence = 1;
    e.start = e.start.addSecs(1800);
    e.end = e.end.addSecs(1800);
    write("update.ics", Invite::build(e, kAna, Invite::Method::Request, kStamp.addDays(1)));
    e.sequence = 2;
    write("cancel.ics", Invite::build(e, kAna, Invite::Method::Cancel, kStamp.addDays(2)));
    QProcess p;
    p.start(python, QStringList{QStringLiteral(LUX_TEST_DATA_DIR "/events/check_ics.py")} + files);
    QVERIFY(p.waitForFinished(60'000));
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonArray parsed = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    QCOMPARE(parsed.size(), 3);
    const QJsonObject invite = parsed.at(0).toObject(), update = parsed.at(1).toObject(), cancel = parsed.at(2).toObject();
    QCOMPARE(invite.value(QStringLiteral("method")).toString(), QStringLiteral("REQUEST"));
    QCOMPARE(invite.value(QStringLiteral("version")).toString(), QStringLiteral("2.0"));
    QCOMPARE(invite.value(QStringLiteral("uid")).toString(), QStringLiteral("r42.lux-event-7@acme.example"));
    QCOMPARE(invite.value(QStringLiteral("tzid")).toString(), QStringLiteral("Europe/Madrid"));
    QCOMPARE(invite.value(QStringLiteral("timezones")).toArray(), QJsonArray{QStringLiteral("Europe/Madrid")});
    QCOMPARE(invite.value(QStringLiteral("start_utc")).toString(), QStringLiteral("2026-12-10T18:00:00Z"));
    QCOMPARE(invite.value(QStringLiteral("start_local")).toString(), QStringLiteral("2026-12-10T19:00:00"));
    QCOMPARE(invite.value(QStringLiteral("end_utc")).toString(), QStringLiteral("2026-12-10T20:00:00Z"));
    QCOMPARE(invite.value(QStringLiteral("dtstamp_utc")).toString(), QStringLiteral("2026-12-01T09:30:15Z"));
    QCOMPARE(invite.value(QStringLiteral("summary")).toString(), launch().title);
    QCOMPARE(invite.value(QStringLiteral("description")).toString(), launch().description);
    QCOMPARE(invite.value(QStringLiteral("organizer")).toString(), QStringLiteral("mailto:events@acme.example"));
    QCOMPARE(invite.value(QStringLiteral("organizer_cn")).toString(), QStringLiteral("Acme Events"));
    QCOMPARE(invite.value(QStringLiteral("attendee")).toString(), QStringLiteral("mailto:ana@example.com"));
    QCOMPARE(invite.value(QStringLiteral("alarm_seconds")).toArray(), QJsonArray{-3600});
    QCOMPARE(invite.value(QStringLiteral("status")).toString(), QStringLiteral("CONFIRMED"));
    for (const QJsonObject &o : {invite, update, cancel}) {
        QVERIFY(o.value(QStringLiteral("crlf")).toBool());
        QVERIFY(o.value(QStringLiteral("longest_line")).toInt() <= 75);
    }
    QCOMPARE(update.value(QStringLiteral("uid")), invite.value(QStringLiteral("uid")));
    QCOMPARE(update.value(QStringLiteral("sequence")).toInt(), 1);
    QCOMPARE(update.value(QStringLiteral("start_utc")).toString(), QStringLiteral("2026-12-10T18:30:00Z"));
    QCOMPARE(cancel.value(QStringLiteral("method")).toString(), QStringLiteral("CANCEL"));
    QCOMPARE(cancel.value(QStringLiteral("uid")), invite.value(QStringLiteral("uid")));
    QCOMPARE(cancel.value(QStringLiteral("sequence")).toInt(), 2);
    QCOMPARE(cancel.value(QStringLiteral("status")).toString(), QStringLiteral("CANCELLED"));
}

void TestInvite::addToCalendarLinks()
{
    const QUrlQuery google(Invite::googleCalendarLink(launch()));
    QCOMPARE(google.queryItemValue(QStringLiteral("dates")), QStringLiteral("20261210T180000Z/20261210T200000Z"));
    QCOMPARE(google.queryItemValue(QStringLiteral("action")), QStringLiteral("TEMPLATE"));
    QCOMPARE(google.queryItemValue(QStringLiteral("text"), QUrl::FullyDecoded), launch().title);
    const QUrlQuery outlook(Invite::outlookCalendarLink(launch()));
    QCOMPARE(outlook.queryItemValue(QStringLiteral("startdt")), QStringLiteral("2026-12-10T18:00:00Z"));
    QCOMPARE(outlook.queryItemValue(QStringLiteral("enddt")), QStringLiteral("2026-12-10T20:00:00Z"));
}

LUX_TEST_MAIN(TestInvite, QCoreApplication)
#include "tst_invite.moc"
