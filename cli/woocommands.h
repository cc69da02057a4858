// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each woo command reads (see commandtable.h).
QList<QCommandLineOption> wooOptions(const QString &group, const QString &command);

// luxctl woo sync [--full] [--json]; luxctl woo products [--search TEXT] [--limit N] [--json]
int runWooCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
