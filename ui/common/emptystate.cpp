// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystate.h"

#include "theme/theme.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lux::ui {

EmptyState::EmptyState(const QString &icon, const QString &title, const QString &text, const QString &action, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *picture = new QLabel(this);
    picture->setPixmap(Theme::icon(icon).pixmap(56, 56));
    picture->setAlignment(Qt::AlignHCenter);
    auto *heading = new QLabel(title, this);
    heading->setProperty("role", QStringLiteral("brand"));
    heading->setAlignment(Qt::AlignHCenter);
    auto *words = new QLabel(text, this);
    words->setProperty("role", QStringLiteral("muted"));
    words->setWordWrap(true);
    words->setAlignment(Qt::AlignHCenter);
    // Wrapped at a steady width: a centred label left to itself would shrink to nothing.
    words->setFixedWidth(560);
    words->setMinimumHeight(words->heightForWidth(560));
    m_button = new QPushButton(Theme::icon(QStringLiteral("new")), action, this);
    layout->addWidget(picture);
    layout->addSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(words, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

} // namespace lux::ui
