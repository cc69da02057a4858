// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// The options each seo command reads (see commandtable.h).
QList<QCommandLineOption> seoOptions(const QString &group, const QString &command);

// luxctl seo analyze URL [--keyphrase K] [--allow-private]
// luxctl seo crawl URL [--max N] [--allow-private]
int runSeoCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
