// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QTime>

#include <memory>

namespace lux::sms {

// The window in which marketing texts may go out, in the recipient's local time (47 CFR 64.1200(c)(1):
// not before 08:00 nor after 21:00), and whether the stricter state laws of the built-in table apply.
struct QuietHoursPolicy
{
    QTime start = QTime(8, 0);
    QTime end = QTime(21, 0); // excluded: 21:00 is too late
    bool stateRules = true;
};

// One row of resources/data/sms-quiet-hours.tsv.
struct StateWindowRule
{
    QString state;      // "FL"
    quint8 weekdays = 0; // bit (1 << (Qt::DayOfWeek - 1)); 0 for a holidays row
    bool holidays = false;
    bool closed = false;
    QTime start, end;
    QString source;
    int line = 0;
};

struct QuietHoursTable
{
    QString version;
    QList<StateWindowRule> rules;

    // The table's text: a "version" line first, then comments (#) and rows; a bad row is refused with
    // its line number and what is wrong. name is what the messages call the file.
    static Result<QuietHoursTable> parse(const QByteArray &tsv, const QString &name);
    // The one compiled in (:/data/sms-quiet-hours.tsv).
    static Result<QuietHoursTable> builtIn();
};

// When a text may go: now, or when the window opens, and why, for the UI and `luxctl campaign plan`.
struct SendTime
{
    qint64 at = 0;     // ms since the epoch (UTC)
    bool now = false;  // at is the moment asked about
    QString zone;      // the IANA zone whose window decides
    QString place;     // "Texas", "Spain", "every US time zone"
    QString explanation;
};

// Pure and deterministic: no clock inside, the caller says what "now" is. Safe to use from several
// threads at once (the dispatcher's and the GUI's): the per-area cache is behind a lock and
// everything else is read-only after construction. Copies share the cache.
class QuietHours
{
    Q_DECLARE_TR_FUNCTIONS(lux::sms::QuietHours)
public:
    QuietHours(const QuietHoursPolicy &policy, QuietHoursTable table);
    // With the built-in table; fails only if that table does not read (a build that shipped a bad one).
    static Result<QuietHours> create(const QuietHoursPolicy &policy = {});

    // nowUtcMs if a marketing text to e164 may go now, else the first moment after it when it may.
    // contactTimeZone (an IANA name, the contact's own field) wins over what the number says; empty or
    // unknown names are ignored.
    qint64 earliestSend(const QString &e164, const QString &contactTimeZone, qint64 nowUtcMs) const;
    SendTime plan(const QString &e164, const QString &contactTimeZone, qint64 nowUtcMs) const;
    QString reason(const QString &e164, const QString &contactTimeZone, qint64 nowUtcMs) const
    {
        return plan(e164, contactTimeZone, nowUtcMs).explanation;
    }

    // The IANA zones a US state or Canadian province spans ("US-FL" → America/New_York,
    // America/Chicago); empty when not in the table.
    static QStringList zonesOfSubdivision(const QString &code);
    // The zones the cautious fallback for an unknown place checks: every US zone.
    static QStringList allUsZones();
    // The US federal legal holidays (5 U.S.C. § 6103) on their own dates.
    static bool isFederalHoliday(const QDate &date);

    const QuietHoursPolicy &policy() const { return m_policy; }
    const QuietHoursTable &table() const { return m_table; }

    struct Target;
    struct Cache;

private:
    std::shared_ptr<const Target> targetFor(const QString &e164, const QString &contactTimeZone) const;

    QuietHoursPolicy m_policy;
    QuietHoursTable m_table;
    std::shared_ptr<Cache> m_cache;
};

} // namespace lux::sms
