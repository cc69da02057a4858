// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each automation command reads (see commandtable.h).
QList<QCommandLineOption> automationOptions(const QString &group, const QString &command);

// luxctl automation import|list|show|publish|pause|resume|archive|enroll|status|journey|simulate|migrate
// over automations::AutomationStore, Engine and Simulator (docs/AUTOMATIONS.md).
int runAutomationCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
