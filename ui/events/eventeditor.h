// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class QVBoxLayout;

namespace lux::ui {

class AppSession;

// Creates or edits an event: what it is (title, Markdown description, language), when and where
// (start and end in a chosen IANA zone, venue, online link), registration (organiser mailbox,
// capacity, opening and closing, double opt-in, tags), the form's questions and consent text,
// reminders, and the proof-of-work difficulty. EventStore::validate's first complaint is shown above
// the form with the field it names marked; loading and saving run on workers.
class EventEditor : public QDialog
{
    Q_OBJECT
public:
    // `eventId` 0 creates a new draft.
    EventEditor(AppSession &session, qint64 eventId, QWidget *parent = nullptr);

    events::Event event() const; // as the fields say now
    void setEvent(const events::Event &event); // fills the fields
    void save();
    qint64 savedId() const { return m_original.id; }
    bool isLoading() const { return m_loading > 0; }
    bool isSaving() const { return m_saving; }
    QString errorText() const; // empty when the fields can be saved

    // For tests and screenshots: the fields by role.
    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QDateTimeEdit *startEdit() const { return m_start; }
    QDateTimeEdit *endEdit() const { return m_end; }
    QComboBox *zoneCombo() const { return m_zone; }
    QLineEdit *venueEdit() const { return m_venue; }
    QLineEdit *onlineEdit() const { return m_online; }
    QComboBox *organiserCombo() const { return m_organiser; }
    QSpinBox *capacitySpin() const { return m_capacity; }
    QTableWidget *questionsTable() const { return m_questions; }
    QPlainTextEdit *consentEdit() const { return m_consent; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QComboBox *languageCombo() const { return m_language; }
    QCheckBox *doubleOptInBox() const { return m_doubleOptIn; }
    QSpinBox *powSpin() const { return m_pow; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *saveButton() const { return m_save; }
    void addQuestion(const events::EventQuestion &question);
    void setReminders(const QList<int> &minutes);
    QList<int> reminders() const;

Q_SIGNALS:
    void loaded();
    void saved(qint64 eventId);
    void saveFailed(const QString &message);

private:
    QWidget *buildForm();
    void load(qint64 eventId);
    void addReminderRow(int minutes);
    void revalidate();
    void markField(QWidget *field);
    QWidget *fieldNamedIn(const QString &message) const;
    void updateReminderButtons();

    AppSession &m_session;
    events::Event m_original;
    int m_loading = 0;
    bool m_saving = false;
    bool m_tried = false; // Save was pressed: every complaint shows from now on
    qint64 m_durationMs = 2 * 3'600'000;
    QWidget *m_marked = nullptr;
    QTimer *m_validate;

    QLabel *m_heading;
    QLabel *m_publishedNote;
    QLabel *m_error;
    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    QComboBox *m_language;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QComboBox *m_zone;
    QLineEdit *m_venue;
    QLineEdit *m_online;
    QComboBox *m_organiser;
    QLabel *m_noSenders;
    QSpinBox *m_capacity;
    QCheckBox *m_opensOn;
    QDateTimeEdit *m_opens;
    QCheckBox *m_closesOn;
    QDateTimeEdit *m_closes;
    QCheckBox *m_doubleOptIn;
    QLineEdit *m_tags;
    QTableWidget *m_questions;
    QPushButton *m_removeQuestion;
    QPlainTextEdit *m_consent;
    QVBoxLayout *m_reminderRows;
    QPushButton *m_addReminder;
    QSpinBox *m_pow;
    QPushButton *m_save;
};

} // namespace lux::ui
