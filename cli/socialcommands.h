// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each social command reads (see commandtable.h).
QList<QCommandLineOption> socialOptions(const QString &group, const QString &command);

// luxctl social check --network N --text TEXT [--media FILE]... [--first-comment TEXT] [--long-posts]
int runSocialCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
