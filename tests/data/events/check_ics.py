#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The second, independent reader of the app's calendar invites (tst_invite): Python's icalendar
# (Debian python3-icalendar) parses each file given and prints what it found as JSON, one object per
# file, for the C++ test to compare with what it asked for.
import json
import sys

import icalendar

out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        raw = f.read()
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk('VEVENT')]
    zones = [c for c in cal.walk('VTIMEZONE')]
    assert len(events) == 1, path
    e = events[0]
    start = e.decoded('DTSTART')
    end = e.decoded('DTEND')
    alarms = [a for a in e.walk('VALARM')]
    attendee = e.get('ATTENDEE')
    out.append({
        'method': str(cal.get('METHOD')),
        'version': str(cal.get('VERSION')),
        'prodid': str(cal.get('PRODID')),
        'uid': str(e.get('UID')),
        'sequence': int(e.get('SEQUENCE')),
        'status': str(e.get('STATUS')),
        'summary': str(e.get('SUMMARY')),
        'description': str(e.get('DESCRIPTION', '')),
        'location': str(e.get('LOCATION', '')),
        'tzid': str(e['DTSTART'].params.get('TZID', '')),
        'timezones': [str(z.get('TZID')) for z in zones],
        'start_utc': start.astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        'end_utc': end.astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        'start_local': start.strftime('%Y-%m-%dT%H:%M:%S'),
        'dtstamp_utc': e.decoded('DTSTAMP').strftime('%Y-%m-%dT%H:%M:%SZ'),
        'organizer': str(e.get('ORGANIZER')),
        'organizer_cn': str(e['ORGANIZER'].params.get('CN', '')),
        'attendee': str(attendee) if attendee is not None else '',
        'alarm_seconds': [int(a.decoded('TRIGGER').total_seconds()) for a in alarms],
        'crlf': raw.count(b'\r\n') == raw.count(b'\n'),
        'longest_line': max(len(line) for line in raw.split(b'\r\n')),
    })
print(json.dumps(out))
