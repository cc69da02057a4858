// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each sms command reads (see commandtable.h).
QList<QCommandLineOption> smsOptions(const QString &group, const QString &command);

// luxctl sms segments TEXT|-
int runSmsCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
