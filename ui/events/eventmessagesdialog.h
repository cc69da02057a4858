// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventmail.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

class AppSession;

// The wording of the events' messages (events/eventmail.h), per kind and language: the starter
// until the user changes it, checked (its merge tags) before it is saved, back to the starter on
// request. What the layout adds around the text (the details, the buttons, the ticket) is shown.
// The database work runs off the GUI thread.
class EventMessagesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EventMessagesDialog(AppSession &session, QWidget *parent = nullptr);

    static QString kindLabel(events::MailKind kind);

private:
    void load();
    void save();
    void reset();
    events::MailKind currentKind() const;
    QString currentLanguage() const;
    void setBusy(bool busy);

    AppSession &m_session;
    QListWidget *m_kinds;
    QComboBox *m_language;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QLabel *m_about;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_reset;
    bool m_writable = false;
    bool m_starter = true;
};

} // namespace lux::ui
