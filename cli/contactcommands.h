// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each contacts, suppress and segment command reads (see commandtable.h).
QList<QCommandLineOption> contactOptions(const QString &group, const QString &command);

// luxctl contacts import FILE | export OUT | add EMAIL | show EMAIL | count | forget EMAIL
int runContactsCommand(const QString &command, const CommandContext &ctx);

// luxctl suppress add ADDRESS | import FILE | list   [--channel email|sms] [--reason TEXT]
int runSuppressCommand(const QString &command, const CommandContext &ctx);

// luxctl segment save NAME --rules FILE.json | list
int runSegmentCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
