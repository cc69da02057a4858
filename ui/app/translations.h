// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lux::ui {

// Installs LUX's and Qt's own translations for `language` ("" follows the system; "en", "es").
// Returns the locale name in use.
QString installTranslations(const QString &language);

} // namespace lux::ui
