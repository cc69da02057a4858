// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

namespace lux::cli {

// luxctl db init | info | check | backup OUT | restore IN | export OUT
int runDbCommand(const QString &command, const CommandContext &ctx);

} // namespace lux::cli
