// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>

namespace lux::events {

// lux-tracker's registration events (type "registration", registrationdesk.h on the tracker), applied
// inside the tracker sync's page transaction (tracking/trackersync.h), so a page lands with its
// cursor or not at all. Each event is the registration as it then stood; applied once, in order
// (EventStore::upsertFromTrackerWithin). What it does:
//  - the registration's row (status, place, answers, consent and its text's version, source);
//  - the contact: found by address or made (source "event registration form"), given the event's
//    tags; consent ticked on the form records a consent event (the text's version in its evidence)
//    and makes a contact subscribed unless the address is suppressed; a registrant who did not
//    consent is never made subscribed (the event's own mail still reaches them);
//  - the message the change calls for (EventMail: confirm your address, confirmation with the
//    invite and ticket, waiting list, promotion, cancellation, lapsed), queued once.
class RegistrationSync
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::RegistrationSync)
public:
    explicit RegistrationSync(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    struct Applied
    {
        bool known = false;   // the event exists here (else ignored: deleted, or another database's)
        bool changed = false; // not a repeat
        bool mailed = false;  // a message was queued
    };
    Result<Applied> applyWithin(const QJsonObject &event);
    // After a page: the waiting list's places, renumbered from the tracker's arrival order.
    Status finishWithin();

private:
    QSqlDatabase m_db;
    Clock m_clock;
    QSet<qint64> m_touched;
};

} // namespace lux::events
