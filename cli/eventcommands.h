// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each event command reads (see commandtable.h).
QList<QCommandLineOption> eventOptions(const QString &group, const QString &command);

// luxctl event create|list|show|update|attendees|ics|checkin|add|remove|delete over
// events::EventStore (docs/EVENTS.md). Publishing, cancelling and the sync talk to lux-tracker and
// are not here.
int runEventCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
