// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options the contacts commands read; registered with the parser by main().
QList<QCommandLineOption> contactOptions();

// luxctl contacts import FILE | export OUT | add EMAIL | show EMAIL | count | forget EMAIL
int runContactsCommand(const QString &command, const CommandContext &ctx);

// luxctl suppress add ADDRESS | import FILE | list   [--channel email|sms] [--reason TEXT]
int runSuppressCommand(const QString &command, const CommandContext &ctx);

// luxctl segment save NAME --rules FILE.json | list
int runSegmentCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
