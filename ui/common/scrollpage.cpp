// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrollpage.h"

#include <QFrame>
#include <QScrollArea>
#include <QVBoxLayout>

namespace lux::ui {

ScrollPage makeScrollPage(QWidget *page)
{
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(14);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    return {content, layout};
}

} // namespace lux::ui
