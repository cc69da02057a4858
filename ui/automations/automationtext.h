// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/automationstore.h"

#include <QCoreApplication>

namespace lux::ui {

// The engine's stable words (journey lines, awaited events, end reasons) as people read them, in
// the app's language: the automations page and the contact's panel say them the same way.
class AutomationText
{
    Q_DECLARE_TR_FUNCTIONS(lux::ui::AutomationText)
public:
    static QString what(const QString &what);      // "sent" → "Sent"
    static QString event(const QString &event);    // "opened" → "opens the email"
    static QString endReason(const QString &code); // "unsubscribed" → "unsubscribed"
    // Where the enrollment stands: "waiting until they click (until 8 Dec 10:00)", "finished", …
    static QString state(const automations::Enrollment &e);
};

} // namespace lux::ui
