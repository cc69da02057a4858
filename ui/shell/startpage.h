// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace lux::ui {

// Shown when no database is open: why, and the way to open or create one.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    void setMessage(const QString &message);

Q_SIGNALS:
    void openRequested();
    void newRequested();

private:
    QLabel *m_message;
};

} // namespace lux::ui
