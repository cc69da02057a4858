// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each abtest command reads (see commandtable.h).
QList<QCommandLineOption> abtestOptions(const QString &group, const QString &command);

// luxctl abtest calc --variant SENT:SUCCESSES --variant SENT:SUCCESSES [...] [--min N] [--metric M]
//        abtest plan --baseline RATE --lift L [--relative] [--variants K] [--alpha A] [--power P]
// The statistics are campaigns::AbStatistics (docs/ABTESTS.md); neither command needs a database.
int runAbtestCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
