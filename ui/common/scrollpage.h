// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QVBoxLayout;
class QWidget;

namespace lux::ui {

// A settings page's body: `page` gets a frameless scroll area holding `content`, laid out top to
// bottom with the pages' margins and spacing. Group boxes go in `layout`, parented to `content`.
struct ScrollPage
{
    QWidget *content;
    QVBoxLayout *layout;
};
ScrollPage makeScrollPage(QWidget *page);

} // namespace lux::ui
