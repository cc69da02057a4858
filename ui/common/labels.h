// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace lux::ui {

// A label for words, not markup: plain text (a name or a network's reason is never read as HTML),
// wrapped, and styled by the theme's `role` ("muted", "error", "warning", "brand") when given.
QLabel *plainLabel(const QString &text, QWidget *parent, const QString &role = {});

} // namespace lux::ui
