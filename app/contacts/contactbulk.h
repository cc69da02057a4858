// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "contactrepository.h"
#include "storage/sqlitefile.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <atomic>
#include <optional>

namespace lux::contacts {

// What a bulk action applies to: the contacts picked by hand, or every contact that matches a filter
// at the moment the action runs ("all that match this filter").
struct ContactSelection
{
    QList<qint64> ids;
    std::optional<ContactFilter> filter; // when set, ids are ignored
};

// Bulk changes to many contacts, each in one transaction, a chunk of ids at a time, with progress and
// cancellation (a cancelled action rolls back and changes nothing). Every change returns exactly what
// it changed, so an undo reverses that and nothing else: a contact that already had the tag keeps it
// after "undo add tag", a bounced contact stays bounced after "undo unsubscribe".
//
// Deletes are undoable through the trash tables (migration 4): the rows move there under a batch
// number until the undo history that could restore them goes away (purgeTrash), and whatever is left
// when a database opens is purged (purgeAllTrash), so deleted personal data does not linger.
class ContactBulk
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::ContactBulk)
public:
    using Cancel = const std::atomic_bool *;

    ContactBulk(QSqlDatabase db, std::optional<qint64> byUser, Clock clock = systemClock())
        : m_db(std::move(db)), m_byUser(byUser), m_clock(std::move(clock))
    {
    }

    // The ids a selection names, ascending: picked ids that still exist, or every current match.
    Result<QList<qint64>> resolve(const ContactSelection &selection) const;

    struct TagChange
    {
        qint64 tagId = 0;
        QString tag;
        bool tagCreated = false; // the tag did not exist before
        QList<qint64> ids;       // contacts that gained (or lost) the tag
    };
    // Adds the tag (created if new; names compare without case) to the contacts that lack it.
    Result<TagChange> addTag(const QList<qint64> &ids, const QString &tag, const storage::ProgressFn &progress = {},
                             Cancel cancel = nullptr);
    // Removes the tag from the contacts that have it. An unknown tag is an error.
    Result<TagChange> removeTag(const QList<qint64> &ids, const QString &tag, const storage::ProgressFn &progress = {},
                                Cancel cancel = nullptr);
    // Reverses addTag: removes the tag from exactly those contacts, and the tag itself if addTag
    // created it and nobody else has it now.
    Status undoAddTag(const TagChange &change, const storage::ProgressFn &progress = {}, Cancel cancel = nullptr);
    // Reverses removeTag: gives the tag back to exactly those contacts (recreating the tag if needed).
    Status undoRemoveTag(const TagChange &change, const storage::ProgressFn &progress = {}, Cancel cancel = nullptr);

    struct StatusChange
    {
        QList<qint64> ids;            // contacts that were subscribed and are now unsubscribed
        QList<qint64> consentEvents;  // the "withdrawn" events recorded for them
    };
    // Subscribed contacts become unsubscribed, each with a consent event (withdrawn, manual). Other
    // statuses (bounced, complained, cleaned, already unsubscribed) are left alone.
    Result<StatusChange> unsubscribe(const QList<qint64> &ids, const storage::ProgressFn &progress = {},
                                     Cancel cancel = nullptr);
    // Reverses unsubscribe: those contacts that are still unsubscribed and not on the suppression list
    // become subscribed again, and the withdrawn events the action recorded are removed. Returns how
    // many were resubscribed.
    Result<qint64> undoUnsubscribe(const StatusChange &change, const storage::ProgressFn &progress = {},
                                   Cancel cancel = nullptr);

    // Moves the contacts (with their tags and consent links) to the trash under a new batch number.
    struct Deletion
    {
        qint64 batch = 0;
        qint64 count = 0;
    };
    Result<Deletion> moveToTrash(const QList<qint64> &ids, const storage::ProgressFn &progress = {},
                                 Cancel cancel = nullptr);
    // Puts a batch back: contacts whose id and email are still free, with their tags (those that still
    // exist) and consent links. Returns how many came back; the rest (an address added again meanwhile)
    // are reported in skipped.
    struct Restore
    {
        qint64 restored = 0;
        qint64 skipped = 0;
    };
    Result<Restore> restoreFromTrash(qint64 batch);
    Status purgeTrash(qint64 batch);
    static Status purgeAllTrash(QSqlDatabase db);

private:
    template<typename Fn>
    Status inChunks(const QList<qint64> &ids, const storage::ProgressFn &progress, Cancel cancel, Fn &&perChunk);
    Status searchTriggers(bool on); // drops or recreates the search index triggers, inside a transaction
    Status markChanged(const QList<qint64> &ids, qsizetype from); // ids[from…] into temp.bulk_changed
    Result<qint64> tagIdFor(const QString &tag, bool create, bool *created, QString *canonical);
    Status audit(const QString &action, const QString &details);

    QSqlDatabase m_db;
    std::optional<qint64> m_byUser;
    Clock m_clock;
};

} // namespace lux::contacts
