// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/contactrepository.h"
#include "contacts/fieldcatalog.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>
#include <QTimer>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace lux::ui {

class AppSession;

// Adds or edits one contact. Every field is checked as it is typed, with the reason under the field
// (an address another contact already has is looked up on a worker, a moment after typing stops);
// Save stays disabled until everything is valid. The dialog only collects: the Contacts page saves
// through ContactActions, so the change can be undone.
class ContactEditor : public QDialog
{
    Q_OBJECT
public:
    // Without a contact, the dialog creates one.
    // `customFields`: the database's, each with an editor for its type (read on a worker by the page).
    ContactEditor(AppSession &session, const std::optional<contacts::Contact> &existing,
                  const QList<contacts::CustomField> &customFields, QWidget *parent = nullptr);

    contacts::Contact original() const { return m_original; }
    contacts::Contact edited() const;
    QString consentEvidence() const;
    bool isNew() const { return m_original.id == 0; }
    bool isValid() const;
    // The message under a field ("email", "phone", "country", "time_zone", "language", or a custom
    // field's name), empty when it is fine: what the user reads, and what tests check.
    QString problem(const QString &field) const;
    bool isCheckingEmail() const { return m_checkPending; }

private:
    void addRow(const QString &field, const QString &label, QWidget *editor, const QString &hint = {});
    void validate();
    void setProblem(const QString &field, const QString &problem, const QString &hint = {});
    void checkEmailInUse();

    AppSession &m_session;
    contacts::Contact m_original;
    QFormLayout *m_form;
    QHash<QString, QLineEdit *> m_edits;        // standard text fields by name
    QHash<QString, QWidget *> m_customEditors;  // custom fields by name
    QHash<QString, QString> m_customTypes;      // custom field name → type
    QHash<QString, QLabel *> m_messages;        // the line under each validated field
    QHash<QString, QString> m_problems;
    QComboBox *m_status;
    QComboBox *m_timeZone;
    QLineEdit *m_tags;
    QLineEdit *m_consent = nullptr;
    QDialogButtonBox *m_buttons;
    QTimer m_emailDelay;
    QFutureWatcher<bool> m_emailCheck;
    QString m_emailInUse; // the key last found taken
    QString m_emailChecked;
    bool m_checkPending = false; // the address typed last has not been looked up yet
};

} // namespace lux::ui
