// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace lux::ui {

// The application's look: Fusion with a Bootstrap-like palette (dark by default), a style sheet per
// theme from resources/themes, and line icons from resources/icons tinted to match.
class Theme
{
public:
    enum class Kind { Dark, Light };

    static void apply(Kind kind);
    static void apply(const QString &name); // "dark" or "light"
    static Kind current();
    static QString name(Kind kind);

    static QIcon icon(const QString &name); // resources/icons/<name>.svg, drawn in the current theme
    static QColor iconColor(QIcon::Mode mode);
    static QColor color(const char *role); // "accent", "muted", "danger", "success", "warning", "surface"

private:
    static Kind s_current;
};

} // namespace lux::ui
