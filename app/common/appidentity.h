// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace lux {

// Organization and application names shared by lux-marketing, luxctl and lux-tracker, so that they
// agree on the default database location and the settings file.
void initApplicationIdentity();

} // namespace lux
