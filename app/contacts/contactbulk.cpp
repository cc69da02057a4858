// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactbulk.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "contactsearch.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "users/auditlog.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::contacts {

namespace {

constexpr qsizetype kChunk = 5000;

// The columns contacts and contacts_trash share, in one order for both directions.
constexpr auto kColumns = "id, email, email_key, first_name, last_name, phone, company, city, country, time_zone, "
                          "language, status, source, custom, created_at, updated_at, created_by, updated_by, "
                          "phone_type, phone_region";

Error cancelled()
{
    return Error(errc::cancelled, ContactBulk::tr("Cancelled; nothing was changed."));
}

Status exec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return storage::queryError(q);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

// Runs sql (which reads temp.bulk_ids) and collects the first column of what it returns.
Status collect(QSqlDatabase &db, const QString &sql, const QVariantList &binds, QList<qint64> &out)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storage::queryError(q);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return storage::queryError(q);
    while (q.next())
        out << q.value(0).toLongLong();
    return {};
}

} // namespace

Result<QList<qint64>> ContactBulk::resolve(const ContactSelection &selection) const
{
    if (!selection.filter) {
        QList<qint64> ids = selection.ids;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }
    const auto ids = ContactRepository(m_db).ids(*selection.filter);
    if (!ids)
        return ids.error();
    return *ids;
}

template<typename Fn>
Status ContactBulk::inChunks(const QList<qint64> &ids, const storage::ProgressFn &progress, Cancel cancel, Fn &&perChunk)
{
    // A large page cache keeps the pages a big change touches from spilling to the WAL early (64 MB).
    for (const char *sql : {"PRAGMA cache_size = -65536", "CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id INTEGER PRIMARY KEY)",
                            "CREATE TEMP TABLE IF NOT EXISTS bulk_changed (id INTEGER PRIMARY KEY)"})
        if (Status s = exec(m_db, QString::fromLatin1(sql)); !s)
            return s;
    storage::SqliteStatement insert(m_db, "INSERT OR IGNORE INTO temp.bulk_ids (id) VALUES (?1)");
    if (!insert.isValid())
        return Error(errc::dbWrite, insert.errorText());
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        if (cancel && cancel->load())
            return cancelled();
        if (Status s = exec(m_db, QStringLiteral("DELETE FROM temp.bulk_ids")); !s)
            return s;
        if (Status s = exec(m_db, QStringLiteral("DELETE FROM temp.bulk_changed")); !s)
            return s;
        const qsizetype to = qMin(ids.size(), from + kChunk);
        for (qsizetype i = from; i < to; ++i) {
            insert.bindInt(1, ids.at(i));
            insert.step();
            if (!insert.ok())
                return Error(errc::dbWrite, insert.errorText());
            insert.reset();
        }
        if (Status s = perChunk(); !s)
            return s;
        if (progress)
            progress(to, ids.size());
    }
    if (cancel && cancel->load())
        return cancelled();
    if (Status s = exec(m_db, QStringLiteral("DELETE FROM temp.bulk_changed")); !s)
        return s;
    return exec(m_db, QStringLiteral("DELETE FROM temp.bulk_ids"));
}

Status ContactBulk::searchTriggers(bool on)
{
    for (const QString &sql : on ? ContactSearch::triggerStatements() : ContactSearch::dropTriggerStatements())
        if (Status s = exec(m_db, sql); !s)
            return s;
    return {};
}

Status ContactBulk::markChanged(const QList<qint64> &ids, qsizetype from)
{
    // A temporary table, not "IN (?, ?, …)": the Qt driver looks up every positional parameter by
    // name, which makes thousands of them quadratic.
    storage::SqliteStatement insert(m_db, "INSERT OR IGNORE INTO temp.bulk_changed (id) VALUES (?1)");
    if (!insert.isValid())
        return Error(errc::dbWrite, insert.errorText());
    for (qsizetype i = from; i < ids.size(); ++i) {
        insert.bindInt(1, ids.at(i));
        insert.step();
        if (!insert.ok())
            return Error(errc::dbWrite, insert.errorText());
        insert.reset();
    }
    return {};
}

Result<qint64> ContactBulk::tagIdFor(const QString &tag, bool create, bool *created, QString *canonical)
{
    const QString name = tag.trimmed();
    if (name.isEmpty())
        return Error(errc::tagEmpty, tr("A tag needs a name."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name FROM tags WHERE lower(name) = lower(?)"));
    q.addBindValue(name);
    if (!q.exec())
        return storage::queryError(q);
    if (q.next()) {
        if (canonical)
            *canonical = q.value(1).toString();
        return q.value(0).toLongLong();
    }
    if (!create)
        return Error(errc::tagNotFound, tr("There is no tag named “%1”.").arg(name));
    q.prepare(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, ?) RETURNING id"));
    q.addBindValue(name);
    q.addBindValue(m_clock());
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    if (created)
        *created = true;
    if (canonical)
        *canonical = name;
    return q.value(0).toLongLong();
}

Status ContactBulk::audit(const QString &action, const QString &details)
{
    return AuditLog(m_db).record(m_byUser, action, QStringLiteral("contact"), std::nullopt, details, m_clock());
}

Result<ContactBulk::TagChange> ContactBulk::addTag(const QList<qint64> &ids, const QString &tag,
                                                   const storage::ProgressFn &progress, Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    TagChange change;
    const auto tagId = tagIdFor(tag, true, &change.tagCreated, &change.tag);
    if (!tagId)
        return tagId.error();
    change.tagId = *tagId;
    const qint64 now = m_clock();
    Status s = inChunks(ids, progress, cancel, [&]() -> Status {
        const qsizetype before = change.ids.size();
        if (Status st = collect(m_db,
                                QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT ?, b.id FROM temp.bulk_ids b "
                                               "WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.id = b.id) ON CONFLICT DO NOTHING RETURNING contact_id"),
                                {change.tagId}, change.ids);
            !st)
            return st;
        if (change.ids.size() == before)
            return {};
        if (Status st = markChanged(change.ids, before); !st)
            return st;
        return exec(m_db, QStringLiteral("UPDATE contacts SET updated_at = ?, updated_by = ? WHERE id IN (SELECT id FROM temp.bulk_changed)"),
                    {now, storage::userValue(m_byUser)});
    });
    if (!s)
        return s.error();
    if (Status a = audit(QStringLiteral("contacts.tagged"), QStringLiteral("%1: %2").arg(change.tag).arg(change.ids.size())); !a)
        return a.error();
    if (Status c = tx.commit(); !c)
        return c.error();
    std::sort(change.ids.begin(), change.ids.end());
    return change;
}

Result<ContactBulk::TagChange> ContactBulk::removeTag(const QList<qint64> &ids, const QString &tag,
                                                      const storage::ProgressFn &progress, Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    TagChange change;
    const auto tagId = tagIdFor(tag, false, nullptr, &change.tag);
    if (!tagId)
        return tagId.error();
    change.tagId = *tagId;
    const qint64 now = m_clock();
    Status s = inChunks(ids, progress, cancel, [&]() -> Status {
        const qsizetype before = change.ids.size();
        if (Status st = collect(m_db,
                                QStringLiteral("DELETE FROM contact_tags WHERE tag_id = ? AND contact_id IN "
                                               "(SELECT id FROM temp.bulk_ids) RETURNING contact_id"),
                                {change.tagId}, change.ids);
            !st)
            return st;
        if (change.ids.size() == before)
            return {};
        // Stamp the contacts that just lost the tag (the ids the delete returned for this chunk).
        if (Status st = markChanged(change.ids, before); !st)
            return st;
        return exec(m_db, QStringLiteral("UPDATE contacts SET updated_at = ?, updated_by = ? WHERE id IN (SELECT id FROM temp.bulk_changed)"),
                    {now, storage::userValue(m_byUser)});
    });
    if (!s)
        return s.error();
    if (Status a = audit(QStringLiteral("contacts.untagged"), QStringLiteral("%1: %2").arg(change.tag).arg(change.ids.size())); !a)
        return a.error();
    if (Status c = tx.commit(); !c)
        return c.error();
    std::sort(change.ids.begin(), change.ids.end());
    return change;
}

Status ContactBulk::undoAddTag(const TagChange &change, const storage::ProgressFn &progress, Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    Status s = inChunks(change.ids, progress, cancel, [&]() -> Status {
        return exec(m_db, QStringLiteral("DELETE FROM contact_tags WHERE tag_id = ? AND contact_id IN (SELECT id FROM temp.bulk_ids)"),
                    {change.tagId});
    });
    if (!s)
        return s;
    if (change.tagCreated)
        if (Status d = exec(m_db, QStringLiteral("DELETE FROM tags WHERE id = ? AND NOT EXISTS "
                                                 "(SELECT 1 FROM contact_tags WHERE tag_id = ?)"),
                            {change.tagId, change.tagId});
            !d)
            return d;
    if (Status a = audit(QStringLiteral("contacts.untagged"), QStringLiteral("%1: %2").arg(change.tag).arg(change.ids.size())); !a)
        return a;
    return tx.commit();
}

Status ContactBulk::undoRemoveTag(const TagChange &change, const storage::ProgressFn &progress, Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    bool created = false;
    const auto tagId = tagIdFor(change.tag, true, &created, nullptr);
    if (!tagId)
        return tagId.error();
    Status s = inChunks(change.ids, progress, cancel, [&]() -> Status {
        return exec(m_db,
                    QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT ?, b.id FROM temp.bulk_ids b "
                                   "WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.id = b.id) ON CONFLICT DO NOTHING"),
                    {*tagId});
    });
    if (!s)
        return s;
    if (Status a = audit(QStringLiteral("contacts.tagged"), QStringLiteral("%1: %2").arg(change.tag).arg(change.ids.size())); !a)
        return a;
    return tx.commit();
}

Result<ContactBulk::StatusChange> ContactBulk::unsubscribe(const QList<qint64> &ids, const storage::ProgressFn &progress,
                                                           Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    StatusChange change;
    const qint64 now = m_clock();
    const QString evidence = tr("Unsubscribed by hand in LUX");
    Status s = inChunks(ids, progress, cancel, [&]() -> Status {
        const qsizetype before = change.ids.size();
        if (Status st = collect(m_db,
                                QStringLiteral("UPDATE contacts SET status = 'unsubscribed', updated_at = ?, updated_by = ? "
                                               "WHERE id IN (SELECT id FROM temp.bulk_ids) AND status = 'subscribed' RETURNING id"),
                                {now, storage::userValue(m_byUser)}, change.ids);
            !st)
            return st;
        if (change.ids.size() == before)
            return {};
        // One withdrawn event per contact that changed (the ids the update returned for this chunk).
        if (Status st = markChanged(change.ids, before); !st)
            return st;
        return collect(m_db,
                       QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at, by_user) "
                                      "SELECT id, 'email', 'withdrawn', 'manual', ?, ?, ? FROM temp.bulk_changed RETURNING id"),
                       {evidence, now, storage::userValue(m_byUser)}, change.consentEvents);
    });
    if (!s)
        return s.error();
    if (Status a = audit(QStringLiteral("contacts.unsubscribed"), QString::number(change.ids.size())); !a)
        return a.error();
    if (Status c = tx.commit(); !c)
        return c.error();
    std::sort(change.ids.begin(), change.ids.end());
    return change;
}

Result<qint64> ContactBulk::undoUnsubscribe(const StatusChange &change, const storage::ProgressFn &progress, Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    qint64 restored = 0;
    const qint64 now = m_clock();
    Status s = inChunks(change.ids, progress, cancel, [&]() -> Status {
        // Never back to subscribed when the address went on the suppression list meanwhile.
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE contacts SET status = 'subscribed', updated_at = ?, updated_by = ? "
                                 "WHERE id IN (SELECT id FROM temp.bulk_ids) AND status = 'unsubscribed' "
                                 "AND email_key NOT IN (SELECT address_key FROM suppression "
                                 "                      WHERE channel = 'email' AND address_key IS NOT NULL)"));
        q.addBindValue(now);
        q.addBindValue(storage::userValue(m_byUser));
        if (!q.exec())
            return storage::queryError(q);
        restored += q.numRowsAffected();
        return {};
    });
    if (!s)
        return s.error();
    s = inChunks(change.consentEvents, {}, cancel, [&]() -> Status {
        return exec(m_db, QStringLiteral("DELETE FROM consent_events WHERE id IN (SELECT id FROM temp.bulk_ids) "
                                         "AND action = 'withdrawn' AND method = 'manual'"));
    });
    if (!s)
        return s.error();
    if (Status a = audit(QStringLiteral("contacts.resubscribed"), QString::number(restored)); !a)
        return a.error();
    if (Status c = tx.commit(); !c)
        return c.error();
    return restored;
}

Result<ContactBulk::Deletion> ContactBulk::moveToTrash(const QList<qint64> &ids, const storage::ProgressFn &progress,
                                                       Cancel cancel)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    Deletion deletion;
    deletion.batch = qint64(QRandomGenerator::global()->generate64() >> 2) + 1;
    const QString columns = QString::fromLatin1(kColumns);
    // The search index in bulk, as the importer does: the per-row trigger goes for this transaction
    // (a rollback brings it back) and each chunk leaves the index in one statement.
    if (Status st = searchTriggers(false); !st)
        return st.error();
    Status s = inChunks(ids, progress, cancel, [&]() -> Status {
        const QVariantList batch{deletion.batch};
        if (Status st = exec(m_db,
                             QStringLiteral("INSERT INTO contacts_fts (contacts_fts, rowid, email, first_name, last_name, company) "
                                            "SELECT 'delete', id, email, first_name, last_name, company FROM contacts "
                                            "WHERE id IN (SELECT id FROM temp.bulk_ids)"));
            !st)
            return st;
        if (Status st = exec(m_db,
                             QStringLiteral("INSERT INTO contacts_trash (batch, %1) SELECT ?, %1 FROM contacts "
                                            "WHERE id IN (SELECT id FROM temp.bulk_ids)")
                                 .arg(columns),
                             batch);
            !st)
            return st;
        if (Status st = exec(m_db,
                             QStringLiteral("INSERT INTO contact_tags_trash (batch, contact_id, tag_id) SELECT ?, contact_id, tag_id "
                                            "FROM contact_tags WHERE contact_id IN (SELECT id FROM temp.bulk_ids)"),
                             batch);
            !st)
            return st;
        if (Status st = exec(m_db,
                             QStringLiteral("INSERT INTO consent_links_trash (batch, event_id, contact_id) SELECT ?, id, contact_id "
                                            "FROM consent_events WHERE contact_id IN (SELECT id FROM temp.bulk_ids)"),
                             batch);
            !st)
            return st;
        QSqlQuery del(m_db);
        // Tags cascade, consent events keep their row with contact_id NULL, the search index follows.
        if (!del.exec(QStringLiteral("DELETE FROM contacts WHERE id IN (SELECT id FROM temp.bulk_ids)")))
            return storage::queryError(del);
        deletion.count += del.numRowsAffected();
        return {};
    });
    if (s)
        s = searchTriggers(true);
    if (!s)
        return s.error();
    if (Status a = audit(QStringLiteral("contacts.deleted"), QString::number(deletion.count)); !a)
        return a.error();
    if (Status c = tx.commit(); !c)
        return c.error();
    return deletion;
}

Result<ContactBulk::Restore> ContactBulk::restoreFromTrash(qint64 batch)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    Restore result;
    const QString columns = QString::fromLatin1(kColumns);
    // Only rows whose id and address are both still free come back; their tags and consent links go
    // with them, and nothing of a row that stays out touches whoever holds its id or address now.
    Status s = exec(m_db, QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS restorable (id INTEGER PRIMARY KEY)"));
    if (s)
        s = exec(m_db, QStringLiteral("DELETE FROM temp.restorable"));
    if (s)
        s = exec(m_db,
                 QStringLiteral("INSERT INTO temp.restorable (id) SELECT t.id FROM contacts_trash t WHERE t.batch = ? "
                                "AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.id OR c.email_key = t.email_key)"),
                 {batch});
    if (s)
        s = searchTriggers(false);
    if (s)
        s = exec(m_db,
                 QStringLiteral("INSERT INTO contacts (%1) SELECT %1 FROM contacts_trash WHERE batch = ? "
                                "AND id IN (SELECT id FROM temp.restorable)")
                     .arg(columns),
                 {batch});
    if (s)
        s = exec(m_db, QStringLiteral("INSERT INTO contacts_fts (rowid, email, first_name, last_name, company) "
                                      "SELECT id, email, first_name, last_name, company FROM contacts "
                                      "WHERE id IN (SELECT id FROM temp.restorable)"));
    if (s)
        s = searchTriggers(true);
    if (s)
        s = exec(m_db,
                 QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT tag_id, contact_id FROM contact_tags_trash "
                                "WHERE batch = ? AND contact_id IN (SELECT id FROM temp.restorable) "
                                "AND tag_id IN (SELECT id FROM tags) ON CONFLICT DO NOTHING"),
                 {batch});
    if (s)
        s = exec(m_db,
                 QStringLiteral("UPDATE consent_events SET contact_id = (SELECT l.contact_id FROM consent_links_trash l "
                                " WHERE l.batch = ? AND l.event_id = consent_events.id) "
                                "WHERE contact_id IS NULL AND id IN (SELECT event_id FROM consent_links_trash "
                                " WHERE batch = ? AND contact_id IN (SELECT id FROM temp.restorable))"),
                 {batch, batch});
    if (!s)
        return s.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT (SELECT count(*) FROM temp.restorable), (SELECT count(*) FROM contacts_trash WHERE batch = ?)"));
    q.addBindValue(batch);
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    result.restored = q.value(0).toLongLong();
    result.skipped = q.value(1).toLongLong() - result.restored;
    q.finish();
    if (Status p = purgeTrash(batch); !p)
        return p.error();
    if (Status p = exec(m_db, QStringLiteral("DELETE FROM temp.restorable")); !p)
        return p.error();
    if (Status a = audit(QStringLiteral("contacts.restored"), QString::number(result.restored)); !a)
        return a.error();
    if (Status c = tx.commit(); !c)
        return c.error();
    return result;
}

Status ContactBulk::purgeTrash(qint64 batch)
{
    for (const char *table : {"contacts_trash", "contact_tags_trash", "consent_links_trash"})
        if (Status s = exec(m_db, QStringLiteral("DELETE FROM %1 WHERE batch = ?").arg(QLatin1String(table)), {batch}); !s)
            return s;
    return {};
}

Status ContactBulk::purgeAllTrash(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM contacts_trash) OR EXISTS (SELECT 1 FROM contact_tags_trash) "
                               "OR EXISTS (SELECT 1 FROM consent_links_trash)")))
        return storage::queryError(q);
    if (!q.next() || !q.value(0).toBool())
        return {};
    q.finish();
    storage::Transaction tx(db);
    if (!tx.isOpen())
        return tx.beginError();
    for (const char *table : {"contacts_trash", "contact_tags_trash", "consent_links_trash"})
        if (Status s = exec(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))); !s)
            return s;
    qCInfo(lcStorage) << "purged deleted contacts left from an earlier session";
    return tx.commit();
}

} // namespace lux::contacts
