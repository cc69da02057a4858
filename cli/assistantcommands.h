// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each assistant command reads (see commandtable.h).
QList<QCommandLineOption> assistantOptions(const QString &group, const QString &command);

// luxctl assistant ask "TEXT" [--json] [--allow-personal-data] [--conversation ID]
//        assistant draft --brief "…" --template-name NAME [--accept-unverified]
int runAssistantCommand(const QString &command, const CommandContext &ctx);
// luxctl ai image "PROMPT" --out FILE.png [--size WxH] [--library] | ai usage [--month YYYY-MM]
int runAiCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
