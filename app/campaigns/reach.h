// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lux::campaigns {

// How a channel reaches a contact, as SQL over `contacts c`: where its address is, the key the
// suppression list compares (its channel's), and when the contact may be reached on it at all.
// Email goes to subscribed contacts; SMS to contacts with SMS consent and a number that can take a
// text. The freeze, the audience counts, the claim's last look and the reports all read it here.
struct Reach
{
    QString channel;     // the outbox's and the suppression list's channel name
    QString address;     // the address column ("c.email")
    QString key;         // the key column suppression compares ("c.email_key")
    QString reachable;   // the contact may be reached on this channel
    QString hasAddress;  // the contact has an address of this channel at all
    QString textable;    // sms: the number can take texts (not a landline, PhoneNumbers::canBeTexted); else "1"
};

Reach reach(const QString &channel);
// `NOT reachable` for the outbox row's channel, as one expression over `outbox` and `contacts c`.
QString unreachableAtClaim();

} // namespace lux::campaigns
