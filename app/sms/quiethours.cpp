// SPDX-License-Identifier: GPL-3.0-or-later
#include "quiethours.h"

#include "common/errorcodes.h"
#include "contacts/phonenumbers.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QReadWriteLock>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace lux::sms {

namespace {

// US states and Canadian provinces → the IANA zones they span. Where a state spans zones, the
// recipient's window is the intersection of its windows in every zone, so a few towns set the pace
// for the whole state (the Florida panhandle west of the Apalachicola is Central time, so a 305 number
// in Miami waits as long as one in Pensacola). Arizona counts the Navajo Nation, which keeps DST.
// Left out on purpose: a handful of border towns that keep a neighbour's time unofficially (Phenix
// City, AL; West Wendover, NV; Lloydminster, SK), which would narrow whole states for a few thousand
// people; a contact's own time zone field covers them.
const QHash<QString, QStringList> &subdivisionZones()
{
    static const QHash<QString, QStringList> zones = [] {
        QHash<QString, QStringList> h;
        const auto add = [&h](const char *code, std::initializer_list<const char *> ids) {
            QStringList list;
            for (const char *id : ids)
                list << QString::fromLatin1(id);
            h.insert(QString::fromLatin1(code), list);
        };
        add("US-AL", {"America/Chicago"});
        add("US-AK", {"America/Anchorage", "America/Adak"});
        add("US-AZ", {"America/Phoenix", "America/Denver"});
        add("US-AR", {"America/Chicago"});
        add("US-CA", {"America/Los_Angeles"});
        add("US-CO", {"America/Denver"});
        add("US-CT", {"America/New_York"});
        add("US-DE", {"America/New_York"});
        add("US-DC", {"America/New_York"});
        add("US-FL", {"America/New_York", "America/Chicago"});
        add("US-GA", {"America/New_York"});
        add("US-HI", {"Pacific/Honolulu"});
        add("US-ID", {"America/Boise", "America/Los_Angeles"});
        add("US-IL", {"America/Chicago"});
        add("US-IN", {"America/Indiana/Indianapolis", "America/Chicago"});
        add("US-IA", {"America/Chicago"});
        add("US-KS", {"America/Chicago", "America/Denver"});
        add("US-KY", {"America/New_York", "America/Chicago"});
        add("US-LA", {"America/Chicago"});
        add("US-ME", {"America/New_York"});
        add("US-MD", {"America/New_York"});
        add("US-MA", {"America/New_York"});
        add("US-MI", {"America/Detroit", "America/Menominee"});
        add("US-MN", {"America/Chicago"});
        add("US-MS", {"America/Chicago"});
        add("US-MO", {"America/Chicago"});
        add("US-MT", {"America/Denver"});
        add("US-NE", {"America/Chicago", "America/Denver"});
        add("US-NV", {"America/Los_Angeles"});
        add("US-NH", {"America/New_York"});
        add("US-NJ", {"America/New_York"});
        add("US-NM", {"America/Denver"});
        add("US-NY", {"America/New_York"});
        add("US-NC", {"America/New_York"});
        add("US-ND", {"America/Chicago", "America/Denver"});
        add("US-OH", {"America/New_York"});
        add("US-OK", {"America/Chicago"});
        add("US-OR", {"America/Los_Angeles", "America/Boise"});
        add("US-PA", {"America/New_York"});
        add("US-RI", {"America/New_York"});
        add("US-SC", {"America/New_York"});
        add("US-SD", {"America/Chicago", "America/Denver"});
        add("US-TN", {"America/Chicago", "America/New_York"});
        add("US-TX", {"America/Chicago", "America/Denver"});
        add("US-UT", {"America/Denver"});
        add("US-VT", {"America/New_York"});
        add("US-VA", {"America/New_York"});
        add("US-WA", {"America/Los_Angeles"});
        add("US-WV", {"America/New_York"});
        add("US-WI", {"America/Chicago"});
        add("US-WY", {"America/Denver"});
        add("CA-AB", {"America/Edmonton"});
        add("CA-BC", {"America/Vancouver", "America/Edmonton"});
        add("CA-MB", {"America/Winnipeg"});
        add("CA-NB", {"America/Moncton"});
        add("CA-NL", {"America/St_Johns", "America/Goose_Bay"});
        add("CA-NS", {"America/Halifax"});
        add("CA-NT", {"America/Yellowknife"});
        add("CA-NU", {"America/Iqaluit", "America/Winnipeg", "America/Cambridge_Bay"});
        add("CA-ON", {"America/Toronto", "America/Winnipeg"});
        add("CA-PE", {"America/Halifax"});
        add("CA-QC", {"America/Toronto", "America/Halifax"});
        add("CA-SK", {"America/Regina"});
        add("CA-YT", {"America/Whitehorse"});
        return h;
    }();
    return zones;
}

const char *const kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int weekdayIndex(const QString &token)
{
    for (int i = 0; i < 7; ++i)
        if (token == QLatin1String(kWeekdays[i]))
            return i;
    return -1;
}

QDate nthWeekday(int year, int month, Qt::DayOfWeek day, int n) // n = -1: the last
{
    if (n > 0) {
        QDate d(year, month, 1);
        while (d.dayOfWeek() != day)
            d = d.addDays(1);
        return d.addDays(7 * (n - 1));
    }
    QDate d = QDate(year, month, 1).addMonths(1).addDays(-1);
    while (d.dayOfWeek() != day)
        d = d.addDays(-1);
    return d;
}

struct Window
{
    bool closed = false;
    QTime start, end;
};

} // namespace

struct QuietHours::Target
{
    QList<QTimeZone> zones;
    QStringList zoneIds;
    QString state; // "FL" when the state table applies
    QString place;

    // The last answer and the span of "now" it holds for: [from, until). A campaign asks about
    // thousands of recipients of one area at nearly the same moment, and the answer only changes when
    // a window opens or closes (or, for the wording, at local midnight).
    mutable QMutex memoLock;
    mutable qint64 memoFrom = 0, memoUntil = 0;
    mutable SendTime memo;
};

struct QuietHours::Cache
{
    QReadWriteLock lock;
    QHash<QString, std::shared_ptr<const Target>> targets;
    QHash<QString, QList<const StateWindowRule *>> rulesByState; // built once, read-only after
};

Result<QuietHoursTable> QuietHoursTable::parse(const QByteArray &tsv, const QString &name)
{
    QuietHoursTable table;
    const QList<QByteArray> lines = tsv.split('\n');
    const auto bad = [&](int line, const QString &why) {
        return Error(errc::quietHoursTable, QuietHours::tr("%1, line %2: %3").arg(name).arg(line).arg(why));
    };
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QString line = QString::fromUtf8(lines.at(i));
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = line.split(QLatin1Char('\t'));
        if (table.version.isEmpty()) {
            if (cells.size() != 2 || cells.at(0) != QLatin1String("version") || cells.at(1).trimmed().isEmpty())
                return bad(lineNo, QuietHours::tr("the table must start with a line \"version<TAB>…\"."));
            table.version = cells.at(1).trimmed();
            continue;
        }
        if (cells.size() != 4)
            return bad(lineNo, QuietHours::tr("%n column(s) where a rule has 4 (state, days, window, source).", "", int(cells.size())));
        StateWindowRule r;
        r.line = lineNo;
        r.state = cells.at(0).trimmed();
        if (!subdivisionZones().contains(QStringLiteral("US-") + r.state))
            return bad(lineNo, QuietHours::tr("\"%1\" is not a US state code.").arg(r.state));
        const QString days = cells.at(1).trimmed().toLower();
        if (days == QLatin1String("holidays")) {
            r.holidays = true;
        } else if (days == QLatin1String("all")) {
            r.weekdays = 0x7f;
        } else {
            for (const QString &part : days.split(QLatin1Char(','))) {
                const QStringList range = part.split(QLatin1Char('-'));
                const int from = weekdayIndex(range.value(0).trimmed());
                const int to = range.size() == 2 ? weekdayIndex(range.at(1).trimmed()) : from;
                if (range.size() > 2 || from < 0 || to < 0 || to < from)
                    return bad(lineNo, QuietHours::tr("\"%1\" is not a day rule (all, holidays, mon…sun, a range "
                                                      "such as mon-sat, or a list such as sat,sun).")
                                           .arg(cells.at(1)));
                for (int d = from; d <= to; ++d)
                    r.weekdays |= quint8(1u << d);
            }
        }
        const QString window = cells.at(2).trimmed().toLower();
        if (window == QLatin1String("closed")) {
            r.closed = true;
        } else {
            const QStringList times = window.split(QLatin1Char('-'));
            r.start = QTime::fromString(times.value(0).trimmed(), QStringLiteral("HH:mm"));
            r.end = QTime::fromString(times.value(1).trimmed(), QStringLiteral("HH:mm"));
            if (times.size() != 2 || !r.start.isValid() || !r.end.isValid())
                return bad(lineNo, QuietHours::tr("\"%1\" is not a window (HH:MM-HH:MM, or closed).").arg(cells.at(2)));
            if (r.end <= r.start)
                return bad(lineNo, QuietHours::tr("the window %1 ends before it starts.").arg(cells.at(2)));
        }
        r.source = cells.at(3).trimmed();
        if (r.source.isEmpty())
            return bad(lineNo, QuietHours::tr("the rule has no source (a statute or a URL)."));
        table.rules << r;
    }
    if (table.version.isEmpty())
        return Error(errc::quietHoursTable, QuietHours::tr("%1 has no \"version\" line.").arg(name));
    return table;
}

Result<QuietHoursTable> QuietHoursTable::builtIn()
{
    QFile file(QStringLiteral(":/data/sms-quiet-hours.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return Error(errc::quietHoursTable, QuietHours::tr("The quiet-hours table is missing from this build."));
    return parse(file.readAll(), QStringLiteral("sms-quiet-hours.tsv"));
}

QuietHours::QuietHours(const QuietHoursPolicy &policy, QuietHoursTable table)
    : m_policy(policy), m_table(std::move(table)), m_cache(std::make_shared<Cache>())
{
    for (const StateWindowRule &r : std::as_const(m_table.rules))
        m_cache->rulesByState[r.state].append(&r);
}

Result<QuietHours> QuietHours::create(const QuietHoursPolicy &policy)
{
    auto table = QuietHoursTable::builtIn();
    if (!table)
        return table.error();
    return QuietHours(policy, std::move(table).value());
}

QStringList QuietHours::zonesOfSubdivision(const QString &code)
{
    return subdivisionZones().value(code);
}

QStringList QuietHours::allUsZones()
{
    return {QStringLiteral("America/New_York"), QStringLiteral("America/Chicago"), QStringLiteral("America/Denver"),
            QStringLiteral("America/Phoenix"), QStringLiteral("America/Los_Angeles"), QStringLiteral("America/Anchorage"),
            QStringLiteral("America/Adak"), QStringLiteral("Pacific/Honolulu")};
}

bool QuietHours::isFederalHoliday(const QDate &d)
{
    const int y = d.year();
    const int m = d.month();
    const int day = d.day();
    if ((m == 1 && day == 1) || (m == 6 && day == 19) || (m == 7 && day == 4) || (m == 11 && day == 11) || (m == 12 && day == 25))
        return true;
    return d == nthWeekday(y, 1, Qt::Monday, 3)       // Martin Luther King Jr. Day
           || d == nthWeekday(y, 2, Qt::Monday, 3)    // Washington's Birthday
           || d == nthWeekday(y, 5, Qt::Monday, -1)   // Memorial Day
           || d == nthWeekday(y, 9, Qt::Monday, 1)    // Labor Day
           || d == nthWeekday(y, 10, Qt::Monday, 2)   // Columbus Day
           || d == nthWeekday(y, 11, Qt::Thursday, 4); // Thanksgiving Day
}

std::shared_ptr<const QuietHours::Target> QuietHours::targetFor(const QString &e164, const QString &contactTimeZone) const
{
    // One entry per (zone given, area): the area code for North American numbers, else the first six
    // digits, which fix the country (and its region within a shared calling code) in every plan.
    const bool nanp = e164.startsWith(QLatin1String("+1")) && e164.size() == 12;
    const QString key = contactTimeZone + QLatin1Char('|') + e164.left(nanp ? 5 : 7);
    {
        QReadLocker read(&m_cache->lock);
        if (const auto it = m_cache->targets.constFind(key); it != m_cache->targets.constEnd())
            return *it;
    }
    auto target = std::make_shared<Target>();
    const auto parsed = contacts::PhoneNumbers::parse(e164, {});
    QStringList zoneIds;
    if (parsed && !parsed->subdivisions.isEmpty()) {
        for (const QString &s : parsed->subdivisions)
            for (const QString &z : zonesOfSubdivision(s))
                if (!zoneIds.contains(z))
                    zoneIds << z;
        if (parsed->region == QLatin1String("US") && parsed->subdivisions.size() == 1)
            target->state = parsed->subdivisions.constFirst().mid(3);
        target->place = parsed->place;
    } else if (parsed && parsed->region.size() == 2 && parsed->region != QLatin1String("US")) {
        const QLocale::Territory territory = QLocale::codeToTerritory(parsed->region);
        if (territory != QLocale::AnyTerritory) {
            for (const QByteArray &id : QTimeZone::availableTimeZoneIds(territory))
                zoneIds << QString::fromLatin1(id);
            target->place = QLocale::territoryToString(territory);
        }
    }
    if (zoneIds.isEmpty()) {
        zoneIds = allUsZones();
        target->place = tr("every US time zone");
    }
    // The contact's own zone, when it is one, wins over the number's; the state's law still applies.
    if (!contactTimeZone.isEmpty()) {
        const QTimeZone own(contactTimeZone.toLatin1());
        if (own.isValid())
            zoneIds = QStringList{contactTimeZone};
    }
    for (const QString &id : std::as_const(zoneIds)) {
        const QTimeZone zone(id.toLatin1());
        if (zone.isValid()) {
            target->zones << zone;
            target->zoneIds << id;
        }
    }
    if (target->zones.isEmpty()) { // no zone database at all: UTC rather than nothing
        target->zones << QTimeZone::utc();
        target->zoneIds << QStringLiteral("UTC");
    }
    QWriteLocker write(&m_cache->lock);
    m_cache->targets.insert(key, target);
    return target;
}

namespace {

Window windowOn(const QDate &date, const QuietHoursPolicy &policy, const QList<const StateWindowRule *> &rules)
{
    Window w{false, policy.start, policy.end};
    if (rules.isEmpty())
        return w;
    const quint8 bit = quint8(1u << (date.dayOfWeek() - 1));
    const bool holiday = QuietHours::isFederalHoliday(date);
    for (const StateWindowRule *r : rules) {
        if (!(r->holidays ? holiday : (r->weekdays & bit) != 0))
            continue;
        if (r->closed) {
            w.closed = true;
            continue;
        }
        w.start = std::max(w.start, r->start);
        w.end = std::min(w.end, r->end);
    }
    if (w.end <= w.start)
        w.closed = true;
    return w;
}

} // namespace

SendTime QuietHours::plan(const QString &e164, const QString &contactTimeZone, qint64 nowUtcMs) const
{
    const auto target = targetFor(e164.trimmed(), contactTimeZone.trimmed());
    {
        QMutexLocker memoLocker(&target->memoLock);
        if (nowUtcMs >= target->memoFrom && nowUtcMs < target->memoUntil) {
            SendTime answer = target->memo;
            if (answer.now)
                answer.at = nowUtcMs;
            return answer;
        }
    }
    const auto remember = [&](const SendTime &answer, qint64 until) {
        QMutexLocker memoLocker(&target->memoLock);
        target->memoFrom = nowUtcMs;
        target->memoUntil = until;
        target->memo = answer;
        return answer;
    };
    const QList<const StateWindowRule *> rules =
        m_policy.stateRules && !target->state.isEmpty() ? m_cache->rulesByState.value(target->state) : QList<const StateWindowRule *>{};

    const auto allowedAt = [&](qint64 t) {
        for (const QTimeZone &zone : target->zones) {
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, zone);
            const Window w = windowOn(local.date(), m_policy, rules);
            const QTime time = local.time();
            if (w.closed || time < w.start || time >= w.end)
                return false;
        }
        return true;
    };

    SendTime answer;
    if (allowedAt(nowUtcMs)) {
        answer.at = nowUtcMs;
        answer.now = true;
        answer.zone = target->zoneIds.constFirst();
        answer.place = target->place;
        answer.explanation = tr("May be sent now: inside the window in %1 (%2).").arg(answer.zone, answer.place);
        // Allowed until the first window of the day closes in one of the zones.
        qint64 until = std::numeric_limits<qint64>::max();
        for (const QTimeZone &zone : target->zones) {
            const QDate today = QDateTime::fromMSecsSinceEpoch(nowUtcMs, zone).date();
            const QDateTime close(today, windowOn(today, m_policy, rules).end, zone);
            if (close.isValid())
                until = std::min(until, close.toMSecsSinceEpoch());
        }
        return remember(answer, until);
    }

    // The moment a window opens in one of the zones is the only kind of moment at which "not allowed"
    // can turn into "allowed", so the first such moment after now that is allowed everywhere is the
    // answer. Opening times are built per local date, so a DST change between now and then is
    // already in them.
    struct Candidate
    {
        qint64 at;
        int zone;
    };
    QList<Candidate> candidates;
    for (int z = 0; z < target->zones.size(); ++z) {
        const QTimeZone &zone = target->zones.at(z);
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowUtcMs, zone).date();
        for (int day = 0; day <= 15; ++day) {
            const QDate date = today.addDays(day);
            const Window w = windowOn(date, m_policy, rules);
            if (w.closed)
                continue;
            const QDateTime open(date, w.start, zone);
            if (open.isValid() && open.toMSecsSinceEpoch() > nowUtcMs)
                candidates.append({open.toMSecsSinceEpoch(), z});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.at < b.at; });
    for (const Candidate &c : std::as_const(candidates)) {
        if (!allowedAt(c.at))
            continue;
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(c.at, target->zones.at(c.zone));
        answer.at = c.at;
        answer.zone = target->zoneIds.at(c.zone);
        answer.place = target->place;
        const QDate localToday = QDateTime::fromMSecsSinceEpoch(nowUtcMs, target->zones.at(c.zone)).date();
        answer.explanation = local.date() == localToday
                                 ? tr("Waits until %1 in %2 (%3).").arg(local.toString(QStringLiteral("HH:mm")), answer.zone, answer.place)
                                 : tr("Waits until %1 on %2 in %3 (%4).")
                                       .arg(local.toString(QStringLiteral("HH:mm")), local.date().toString(Qt::ISODate),
                                            answer.zone, answer.place);
        // The same opening holds for any later "now" before it; the wording ("until 08:00" or "until
        // 08:00 on …") holds until local midnight.
        const QDateTime midnight(localToday.addDays(1), QTime(0, 0), target->zones.at(c.zone));
        return remember(answer, midnight.isValid() ? std::min(c.at, midnight.toMSecsSinceEpoch()) : c.at);
    }
    // The zones' windows never overlap in the next two weeks (a policy window too short for how far
    // apart they are): say so rather than send outside one of them.
    answer.at = nowUtcMs + 15LL * 86'400'000;
    answer.zone = target->zoneIds.constFirst();
    answer.place = target->place;
    answer.explanation = tr("No moment in the next two weeks is inside the window in every time zone of %1.").arg(answer.place);
    return answer;
}

qint64 QuietHours::earliestSend(const QString &e164, const QString &contactTimeZone, qint64 nowUtcMs) const
{
    return plan(e164, contactTimeZone, nowUtcMs).at;
}

} // namespace lux::sms
