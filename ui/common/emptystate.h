// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;

namespace lux::ui {

// What a page shows before it has anything: an icon, a title, a few words on what the feature is,
// and the button that makes the first one. The same on every page.
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QString &icon, const QString &title, const QString &text, const QString &action, QWidget *parent = nullptr);

    QPushButton *button() const { return m_button; }

private:
    QPushButton *m_button;
};

} // namespace lux::ui
