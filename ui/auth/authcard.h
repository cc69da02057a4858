// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace lux::ui {

// The centred card both authentication pages sit in: the brand, a title, a subtitle, then the form.
class AuthCard : public QWidget
{
    Q_OBJECT
public:
    explicit AuthCard(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setSubtitle(const QString &subtitle);
    QVBoxLayout *body() const { return m_body; }
    // A hidden, word-wrapped error line added to the body.
    QLabel *addErrorLabel(const QString &objectName);

private:
    QLabel *m_title;
    QLabel *m_subtitle;
    QVBoxLayout *m_body;
};

} // namespace lux::ui
