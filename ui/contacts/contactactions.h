// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "contacts/contactbulk.h"
#include "contacts/contactrepository.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QUndoStack;
class QWidget;

namespace lux::ui {

class AppSession;

// Every change the Contacts page makes: run on a worker thread with its own connection (a progress
// dialog appears for long ones and can cancel them), then recorded on an undo stack whose commands
// reverse exactly what was changed. One change at a time: while one runs, isBusy() is true and the
// undo and redo actions are disabled. The stack is cleared when another database opens.
class ContactActions : public QObject
{
    Q_OBJECT
public:
    ContactActions(AppSession &session, QWidget *window);
    ~ContactActions() override;

    QUndoStack *undoStack() const { return m_stack; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    bool isBusy() const { return m_busy; }

    void addTag(const contacts::ContactSelection &selection, const QString &tag);
    void removeTag(const contacts::ContactSelection &selection, const QString &tag);
    void unsubscribe(const contacts::ContactSelection &selection);
    void remove(const contacts::ContactSelection &selection);
    void create(const contacts::Contact &contact, const QString &consentEvidence);
    void save(const contacts::Contact &before, const contacts::Contact &after);
    void forget(const contacts::Contact &contact); // not undoable, by design

    // For the commands: runs work on the worker, then done on the GUI thread.
    using Work = std::function<Status(QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                                      const std::atomic_bool *cancel)>;
    void run(const QString &label, Work work, std::function<void(const Status &)> done = {});
    QString databasePath() const;
    // The region a number written without a country code is read in when the contact has no
    // two-letter country: Settings → SMS's default region.
    QString phoneRegion() const;
    // Reports a failed undo or redo; the history is cleared, since it no longer matches the data.
    void undoFailed(const Error &error);

Q_SIGNALS:
    void busyChanged(bool busy);
    void contactsChanged();          // reload lists, counts and details
    void message(const QString &text); // a short confirmation for the status bar
    void failed(const QString &message);
    void created(qint64 id);

private:
    bool succeeded(const Status &status); // reports a failure (not a cancel); true when it worked
    void changeTag(bool adding, const contacts::ContactSelection &selection, const QString &tag);
    void setBusy(bool busy);
    void updateActions();

    AppSession &m_session;
    QPointer<QWidget> m_window;
    QUndoStack *m_stack;
    QAction *m_undo;
    QAction *m_redo;
    bool m_busy = false;
};

} // namespace lux::ui
