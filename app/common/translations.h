// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lux {

// Installs LUX's and Qt's own translations for `language` ("" follows the system; "en", "es"). The
// .qm files are embedded under :/i18n by the luxtranslations object library, which every executable
// links. Returns the locale name in use.
QString installTranslations(const QString &language);

} // namespace lux
