// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactactions.h"

#include "common/backgroundtask.h"
#include "common/errorcodes.h"
#include "common/logging.h"
#include "contacts/suppression.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QAction>
#include <QThreadPool>
#include <QWidget>
#include <QUndoStack>

namespace lux::ui {

using namespace contacts;

namespace {

QString countryForPhones(const Contact &contact, const QString &fallback)
{
    // The contact's own country when it is a two-letter code, else the database's default region.
    if (contact.country.size() == 2)
        return contact.country.toUpper();
    return fallback;
}

// Commands are pushed after their change has been made, so the first redo (QUndoStack::push calls
// it) does nothing; later undos and redos run on the worker through ContactActions::run.
class AsyncCommand : public QUndoCommand
{
public:
    AsyncCommand(ContactActions &actions, const QString &text) : m_actions(actions) { setText(text); }

    void redo() final
    {
        if (m_pushed) {
            m_pushed = false;
            return;
        }
        redoLater();
    }
    void undo() final { undoLater(); }

protected:
    virtual void redoLater() = 0;
    virtual void undoLater() = 0;
    // Runs work; a failure clears the history.
    void run(const QString &label, ContactActions::Work work)
    {
        ContactActions *actions = &m_actions;
        m_actions.run(label, std::move(work), [actions](const Status &s) {
            if (!s)
                actions->undoFailed(s.error());
        });
    }

    ContactActions &m_actions;

private:
    bool m_pushed = true;
};

class TagCommand final : public AsyncCommand
{
public:
    TagCommand(ContactActions &actions, bool adding, ContactBulk::TagChange change)
        : AsyncCommand(actions, adding ? ContactActions::tr("Add tag “%1” to %n contact(s)", nullptr, int(change.ids.size())).arg(change.tag)
                                       : ContactActions::tr("Remove tag “%1” from %n contact(s)", nullptr, int(change.ids.size())).arg(change.tag)),
          m_adding(adding), m_change(std::make_shared<ContactBulk::TagChange>(std::move(change)))
    {
    }

private:
    void apply(bool add)
    {
        auto change = m_change;
        run(add ? ContactActions::tr("Adding the tag…") : ContactActions::tr("Removing the tag…"),
            [change, add, adding = m_adding](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                                              const std::atomic_bool *cancel) -> Status {
                ContactBulk bulk(db, user);
                if (add == adding) { // do it again: the same contacts, as they are now
                    auto redone = adding ? bulk.addTag(change->ids, change->tag, progress, cancel)
                                         : bulk.removeTag(change->ids, change->tag, progress, cancel);
                    if (!redone)
                        return redone.error();
                    *change = *redone;
                    return {};
                }
                return adding ? bulk.undoAddTag(*change, progress, cancel) : bulk.undoRemoveTag(*change, progress, cancel);
            });
    }
    void redoLater() override { apply(m_adding); }
    void undoLater() override { apply(!m_adding); }

    bool m_adding;
    std::shared_ptr<ContactBulk::TagChange> m_change; // shared with the worker while it runs
};

class UnsubscribeCommand final : public AsyncCommand
{
public:
    UnsubscribeCommand(ContactActions &actions, QList<qint64> selected, ContactBulk::StatusChange change)
        : AsyncCommand(actions, ContactActions::tr("Unsubscribe %n contact(s)", nullptr, int(change.ids.size()))),
          m_selected(std::move(selected)), m_change(std::make_shared<ContactBulk::StatusChange>(std::move(change)))
    {
    }

private:
    void redoLater() override
    {
        run(ContactActions::tr("Unsubscribing…"),
            [change = m_change, ids = m_selected](QSqlDatabase &db, std::optional<qint64> user,
                                                  const storage::ProgressFn &progress, const std::atomic_bool *cancel) -> Status {
                auto redone = ContactBulk(db, user).unsubscribe(ids, progress, cancel);
                if (!redone)
                    return redone.error();
                *change = *redone;
                return {};
            });
    }
    void undoLater() override
    {
        run(ContactActions::tr("Subscribing again…"),
            [change = m_change](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                                const std::atomic_bool *cancel) -> Status {
                const auto undone = ContactBulk(db, user).undoUnsubscribe(*change, progress, cancel);
                return undone ? Status() : Status(undone.error());
            });
    }

    QList<qint64> m_selected;
    std::shared_ptr<ContactBulk::StatusChange> m_change;
};

// Deleted contacts wait in the trash under a batch number; the command purges its batch when it is
// dropped from the history while the contacts are in the trash. The inverse form records an add:
// undo moves the new contact to the trash, redo brings it back.
class DeleteCommand final : public AsyncCommand
{
public:
    enum class Kind { Delete, Add };
    DeleteCommand(ContactActions &actions, Kind kind, QList<qint64> ids, qint64 batch, const QString &text)
        : AsyncCommand(actions, text), m_kind(kind), m_ids(std::move(ids)),
          m_state(std::make_shared<State>(State{batch, kind == Kind::Delete})), m_path(actions.databasePath())
    {
    }
    ~DeleteCommand() override
    {
        if (!m_state->inTrash)
            return;
        // Off the GUI thread; if the app quits first, the next open purges every batch. The path is
        // the database the command was made on: the history is cleared when another one opens.
        QThreadPool::globalInstance()->start([path = m_path, batch = m_state->batch] {
            storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
            if (conn.isOpen())
                if (Status s = ContactBulk(conn.db(), std::nullopt).purgeTrash(batch); !s)
                    qCWarning(lcStorage) << "could not purge deleted contacts:" << s.error().message;
        });
    }

private:
    struct State
    {
        qint64 batch;
        bool inTrash;
    };
    void toTrash()
    {
        run(ContactActions::tr("Deleting…"),
            [state = m_state, ids = m_ids](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                                           const std::atomic_bool *cancel) -> Status {
                const auto deleted = ContactBulk(db, user).moveToTrash(ids, progress, cancel);
                if (!deleted)
                    return deleted.error();
                state->batch = deleted->batch;
                state->inTrash = true;
                return {};
            });
    }
    void fromTrash()
    {
        ContactActions *actions = &m_actions;
        run(ContactActions::tr("Restoring…"),
            [state = m_state, actions](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &,
                                       const std::atomic_bool *) -> Status {
                const auto restored = ContactBulk(db, user).restoreFromTrash(state->batch);
                if (!restored)
                    return restored.error();
                state->inTrash = false;
                if (restored->skipped > 0)
                    QMetaObject::invokeMethod(actions, [actions, n = restored->skipped] {
                        Q_EMIT actions->failed(ContactActions::tr(
                            "%n contact(s) could not come back: their address was added again meanwhile.", nullptr, int(n)));
                    });
                return {};
            });
    }
    void redoLater() override { m_kind == Kind::Delete ? toTrash() : fromTrash(); }
    void undoLater() override { m_kind == Kind::Delete ? fromTrash() : toTrash(); }

    Kind m_kind;
    QList<qint64> m_ids;
    std::shared_ptr<State> m_state;
    QString m_path;
};

class EditCommand final : public AsyncCommand
{
public:
    EditCommand(ContactActions &actions, Contact before, Contact after)
        : AsyncCommand(actions, ContactActions::tr("Edit %1").arg(after.email)), m_before(std::move(before)),
          m_after(std::move(after))
    {
    }

private:
    void write(const Contact &contact)
    {
        run(ContactActions::tr("Saving…"),
            [contact, region = m_actions.phoneRegion()](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &,
                                                        const std::atomic_bool *) -> Status {
                const auto saved = ContactRepository(db).update(contact, countryForPhones(contact, region), user);
                return saved ? Status() : Status(saved.error());
            });
    }
    void redoLater() override { write(m_after); }
    void undoLater() override { write(m_before); }

    Contact m_before, m_after;
};

} // namespace

ContactActions::ContactActions(AppSession &session, QWidget *window)
    : QObject(window), m_session(session), m_window(window), m_stack(new QUndoStack(this))
{
    m_undo = new QAction(Theme::icon(QStringLiteral("undo")), tr("&Undo"), this);
    m_undo->setObjectName(QStringLiteral("contactsUndo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = new QAction(Theme::icon(QStringLiteral("redo")), tr("&Redo"), this);
    m_redo->setObjectName(QStringLiteral("contactsRedo"));
    m_redo->setShortcut(QKeySequence::Redo);
    connect(m_undo, &QAction::triggered, this, [this] {
        if (!m_busy && m_stack->canUndo())
            m_stack->undo();
    });
    connect(m_redo, &QAction::triggered, this, [this] {
        if (!m_busy && m_stack->canRedo())
            m_stack->redo();
    });
    connect(m_stack, &QUndoStack::indexChanged, this, &ContactActions::updateActions);
    connect(&m_session, &AppSession::databaseChanged, m_stack, &QUndoStack::clear);
    updateActions();
}

ContactActions::~ContactActions()
{
    m_stack->clear(); // while the commands can still reach this object
}

QString ContactActions::databasePath() const
{
    return m_session.database() ? m_session.database()->path() : QString();
}

QString ContactActions::phoneRegion() const
{
    return m_session.settings().smsDefaultRegion();
}

void ContactActions::updateActions()
{
    m_undo->setEnabled(!m_busy && m_stack->canUndo());
    m_redo->setEnabled(!m_busy && m_stack->canRedo());
    m_undo->setText(m_stack->canUndo() ? tr("&Undo %1").arg(m_stack->undoText()) : tr("&Undo"));
    m_redo->setText(m_stack->canRedo() ? tr("&Redo %1").arg(m_stack->redoText()) : tr("&Redo"));
}

void ContactActions::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    updateActions();
    Q_EMIT busyChanged(busy);
}

bool ContactActions::succeeded(const Status &status)
{
    if (!status && status.error().code != errc::cancelled) // a cancel is the user's choice, not a failure
        Q_EMIT failed(status.error().message);
    return bool(status);
}

void ContactActions::undoFailed(const Error &error)
{
    m_stack->clear();
    Q_EMIT failed(tr("%1\nThe undo history was cleared, since it no longer matches the contacts.").arg(error.message));
}

void ContactActions::run(const QString &label, Work work, std::function<void(const Status &)> done)
{
    const QString path = databasePath();
    if (path.isEmpty() || m_session.database()->isReadOnly())
        return;
    setBusy(true);
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    BackgroundTask::start(
        m_window, label,
        [path, user, work = std::move(work)](const storage::ProgressFn &progress, const std::atomic_bool *cancel) -> Status {
            storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadWrite);
            if (!conn.isOpen())
                return Error(errc::dbOpenFailed, conn.errorText());
            return work(conn.db(), user, progress, cancel);
        },
        [this, path, done = std::move(done)](const Status &status) {
            setBusy(false);
            // Another database opened meanwhile: the change was made where it was asked for, but its
            // undo command would now point at the wrong file.
            if (path == databasePath() && done)
                done(status);
            Q_EMIT contactsChanged();
        });
}

namespace {

// Resolves the selection, then acts on the ids; the result is handed to `push` on the GUI thread.
template<typename R>
struct Outcome
{
    QList<qint64> ids;
    std::optional<R> result;
};

} // namespace

void ContactActions::addTag(const ContactSelection &selection, const QString &tag)
{
    changeTag(true, selection, tag);
}

void ContactActions::removeTag(const ContactSelection &selection, const QString &tag)
{
    changeTag(false, selection, tag);
}

void ContactActions::changeTag(bool adding, const ContactSelection &selection, const QString &tag)
{
    auto out = std::make_shared<Outcome<ContactBulk::TagChange>>();
    run(
        adding ? tr("Adding the tag…") : tr("Removing the tag…"),
        [adding, selection, tag, out](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                                      const std::atomic_bool *cancel) -> Status {
            ContactBulk bulk(db, user);
            const auto ids = bulk.resolve(selection);
            if (!ids)
                return ids.error();
            auto change = adding ? bulk.addTag(*ids, tag, progress, cancel) : bulk.removeTag(*ids, tag, progress, cancel);
            if (!change)
                return change.error();
            out->result = std::move(change).value();
            return {};
        },
        [this, adding, out](const Status &s) {
            if (!succeeded(s))
                return;
            const int n = int(out->result->ids.size());
            Q_EMIT message(adding ? tr("Tag “%1” added to %n contact(s).", nullptr, n).arg(out->result->tag)
                                  : tr("Tag “%1” removed from %n contact(s).", nullptr, n).arg(out->result->tag));
            m_stack->push(new TagCommand(*this, adding, *out->result));
        });
}

void ContactActions::unsubscribe(const ContactSelection &selection)
{
    auto out = std::make_shared<Outcome<ContactBulk::StatusChange>>();
    run(
        tr("Unsubscribing…"),
        [selection, out](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                         const std::atomic_bool *cancel) -> Status {
            ContactBulk bulk(db, user);
            auto ids = bulk.resolve(selection);
            if (!ids)
                return ids.error();
            out->ids = *ids;
            auto change = bulk.unsubscribe(*ids, progress, cancel);
            if (!change)
                return change.error();
            out->result = std::move(change).value();
            return {};
        },
        [this, out](const Status &s) {
            if (!succeeded(s))
                return;
            Q_EMIT message(tr("%n contact(s) unsubscribed.", nullptr, int(out->result->ids.size())));
            m_stack->push(new UnsubscribeCommand(*this, out->ids, *out->result));
        });
}

void ContactActions::remove(const ContactSelection &selection)
{
    auto out = std::make_shared<Outcome<ContactBulk::Deletion>>();
    run(
        tr("Deleting…"),
        [selection, out](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &progress,
                         const std::atomic_bool *cancel) -> Status {
            ContactBulk bulk(db, user);
            auto ids = bulk.resolve(selection);
            if (!ids)
                return ids.error();
            out->ids = *ids;
            auto deletion = bulk.moveToTrash(*ids, progress, cancel);
            if (!deletion)
                return deletion.error();
            out->result = *deletion;
            return {};
        },
        [this, out](const Status &s) {
            if (!succeeded(s))
                return;
            const int n = int(out->result->count);
            Q_EMIT message(tr("%n contact(s) deleted.", nullptr, n));
            m_stack->push(new DeleteCommand(*this, DeleteCommand::Kind::Delete, out->ids, out->result->batch,
                                            tr("Delete %n contact(s)", nullptr, n)));
        });
}

void ContactActions::create(const Contact &contact, const QString &consentEvidence)
{
    auto out = std::make_shared<Outcome<Contact>>();
    run(
        tr("Saving…"),
        [contact, consentEvidence, out, region = phoneRegion()](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &,
                                                                const std::atomic_bool *) -> Status {
            auto added = ContactRepository(db).add(contact, countryForPhones(contact, region), user, consentEvidence);
            if (!added)
                return added.error();
            out->result = std::move(added).value();
            return {};
        },
        [this, out](const Status &s) {
            if (!succeeded(s))
                return;
            m_stack->push(new DeleteCommand(*this, DeleteCommand::Kind::Add, {out->result->id}, 0,
                                            tr("Add %1").arg(out->result->email)));
            Q_EMIT message(tr("%1 added.").arg(out->result->email));
            Q_EMIT created(out->result->id);
        });
}

void ContactActions::save(const Contact &before, const Contact &after)
{
    run(
        tr("Saving…"),
        [toSave = after, region = phoneRegion()](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &,
                                                 const std::atomic_bool *) -> Status {
            const auto saved = ContactRepository(db).update(toSave, countryForPhones(toSave, region), user);
            return saved ? Status() : Status(saved.error());
        },
        [this, before, after](const Status &s) {
            if (!succeeded(s))
                return;
            Q_EMIT message(tr("%1 saved.").arg(after.email));
            m_stack->push(new EditCommand(*this, before, after));
        });
}

void ContactActions::forget(const Contact &contact)
{
    run(
        tr("Forgetting…"),
        [email = contact.email](QSqlDatabase &db, std::optional<qint64> user, const storage::ProgressFn &,
                                const std::atomic_bool *) -> Status { return ContactEraser::forget(db, email, user); },
        [this](const Status &s) {
            if (!succeeded(s))
                return;
            // The history may hold commands about this contact; they can no longer be honoured.
            m_stack->clear();
            Q_EMIT message(tr("Contact forgotten. Its address stays on the suppression list as a hash."));
        });
}

} // namespace lux::ui
