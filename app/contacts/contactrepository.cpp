// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactrepository.h"

#include "addressing.h"
#include "phonenumbers.h"
#include "common/errorcodes.h"
#include "common/savefile.h"
#include "contactsearch.h"
#include "csvreader.h"
#include "storage/sqlitefile.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "suppression.h"
#include "users/auditlog.h"

#include <QLocale>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::contacts {

namespace {

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString matchFor(const QString &typed)
{
    const QString expr = ContactSearch::matchExpression(typed);
    return expr.isEmpty() ? QStringLiteral("\"\"") : expr;
}

// The conditions of a filter: fixed text with placeholders, values bound separately. Search is left
// out when the caller drives the query from the search index itself.
QStringList conditionsFor(const ContactFilter &filter, QVariantList &binds, bool includeSearch)
{
    QStringList parts;
    if (!filter.tag.isEmpty()) {
        parts << QStringLiteral("c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                "WHERE lower(t.name) = lower(?))");
        binds << filter.tag;
    }
    if (!filter.status.isEmpty()) {
        parts << QStringLiteral("c.status = ?");
        binds << filter.status;
    }
    if (filter.segment) {
        parts << filter.segment->where;
        binds << filter.segment->binds;
    }
    if (includeSearch && !filter.search.trimmed().isEmpty()) {
        // The words become quoted prefix terms, bound as the MATCH argument (contactsearch.h).
        parts << QStringLiteral("c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)");
        binds << matchFor(filter.search);
    }
    return parts;
}

// What a list shows of a contact (tags and custom fields not loaded), in the order kListColumns names.
constexpr auto kListColumns = "c.id, c.email, c.first_name, c.last_name, c.phone, c.company, c.city, c.country, "
                              "c.status, c.created_at, c.updated_at";

Contact listRow(const QSqlQuery &q)
{
    Contact c;
    c.id = q.value(0).toLongLong();
    c.email = q.value(1).toString();
    c.firstName = q.value(2).toString();
    c.lastName = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.company = q.value(5).toString();
    c.city = q.value(6).toString();
    c.country = q.value(7).toString();
    c.status = q.value(8).toString();
    c.createdAt = q.value(9).toLongLong();
    c.updatedAt = q.value(10).toLongLong();
    return c;
}

QString whereFor(const ContactFilter &filter, QVariantList &binds)
{
    const QStringList parts = conditionsFor(filter, binds, true);
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

namespace {

QVariant customJson(const QJsonObject &custom)
{
    return custom.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                            : QVariant(QString::fromUtf8(QJsonDocument(custom).toJson(QJsonDocument::Compact)));
}

struct Normalised
{
    QString display, key, phone, phoneType, phoneRegion;
};

Result<Normalised> normalise(const Contact &contact, const QString &defaultCountry)
{
    const auto email = Addressing::parseEmail(contact.email);
    if (!email)
        return email.error();
    Normalised n{email->display, email->key, {}, {}, {}};
    if (!contact.phone.trimmed().isEmpty()) {
        // The contact's own country reads a number written without a country code, else the caller's.
        const QString country = contact.country.trimmed();
        const bool ownCountry = country.size() == 2 && QLocale::codeToTerritory(country) != QLocale::AnyTerritory;
        const auto phone = PhoneNumbers::parse(contact.phone, ownCountry ? country.toUpper() : defaultCountry);
        if (!phone)
            return phone.error();
        n.phone = phone->e164;
        n.phoneType = PhoneNumbers::typeCode(phone->type);
        n.phoneRegion = phone->region;
    }
    return n;
}

bool isKnownStatus(const QString &status)
{
    static const QStringList known = {QStringLiteral("subscribed"), QStringLiteral("unsubscribed"), QStringLiteral("bounced"),
                                      QStringLiteral("complained"), QStringLiteral("cleaned")};
    return known.contains(status);
}

} // namespace

Result<Contact> ContactRepository::add(const Contact &contact, const QString &defaultCountry, std::optional<qint64> byUser,
                                       const QString &consentEvidence)
{
    const auto n = normalise(contact, defaultCountry);
    if (!n)
        return n.error();
    if (!isKnownStatus(contact.status))
        return Error(errc::contactStatus, tr("“%1” is not a contact status.").arg(contact.status));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, first_name, last_name, phone, company, city, country, "
                             "time_zone, language, status, source, custom, created_at, updated_at, created_by, updated_by, "
                             "phone_type, phone_region) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (email_key) DO NOTHING RETURNING id"));
    q.addBindValue(n->display);
    q.addBindValue(n->key);
    for (const QString &v : {contact.firstName, contact.lastName, n->phone, contact.company, contact.city, contact.country,
                             contact.timeZone, contact.language})
        q.addBindValue(nullable(v.trimmed()));
    q.addBindValue(contact.status);
    q.addBindValue(contact.source.isEmpty() ? QStringLiteral("manual") : contact.source);
    q.addBindValue(customJson(contact.custom));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(storage::userValue(byUser));
    q.addBindValue(storage::userValue(byUser));
    q.addBindValue(nullable(n->phoneType));
    q.addBindValue(nullable(n->phoneRegion));
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::contactDuplicate, tr("A contact with the email %1 already exists.").arg(n->display));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status s = writeTags(id, contact.tags, now); !s)
        return s.error();
    if (!consentEvidence.trimmed().isEmpty())
        if (Status s = recordConsent(id, QStringLiteral("given"), consentEvidence.trimmed(), now, byUser); !s)
            return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return find(id);
}

Result<Contact> ContactRepository::update(const Contact &contact, const QString &defaultCountry, std::optional<qint64> byUser)
{
    const auto n = normalise(contact, defaultCountry);
    if (!n)
        return n.error();
    if (!isKnownStatus(contact.status))
        return Error(errc::contactStatus, tr("“%1” is not a contact status.").arg(contact.status));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status, (SELECT id FROM contacts WHERE email_key = ? AND id <> ?), "
                             "EXISTS (SELECT 1 FROM suppression WHERE channel = 'email' AND address_hash = ?) "
                             "FROM contacts WHERE id = ?"));
    q.addBindValue(n->key);
    q.addBindValue(contact.id);
    q.addBindValue(SuppressionList::hashOf(n->key));
    q.addBindValue(contact.id);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::contactNotFound, tr("This contact no longer exists."));
    const QString oldStatus = q.value(0).toString();
    if (!q.value(1).isNull())
        return Error(errc::contactDuplicate, tr("A contact with the email %1 already exists.").arg(n->display));
    const bool suppressed = q.value(2).toBool();
    q.finish();
    if (contact.status == QLatin1String("subscribed") && oldStatus != contact.status && suppressed)
        return Error(errc::contactSuppressed,
                     tr("%1 is on the suppression list and cannot be subscribed again.").arg(n->display));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    q.prepare(QStringLiteral("UPDATE contacts SET email = ?, email_key = ?, first_name = ?, last_name = ?, phone = ?, "
                             "company = ?, city = ?, country = ?, time_zone = ?, language = ?, status = ?, custom = ?, "
                             "updated_at = ?, updated_by = ?, phone_type = ?, phone_region = ? WHERE id = ?"));
    q.addBindValue(n->display);
    q.addBindValue(n->key);
    for (const QString &v : {contact.firstName, contact.lastName, n->phone, contact.company, contact.city, contact.country,
                             contact.timeZone, contact.language})
        q.addBindValue(nullable(v.trimmed()));
    q.addBindValue(contact.status);
    q.addBindValue(customJson(contact.custom));
    q.addBindValue(now);
    q.addBindValue(storage::userValue(byUser));
    q.addBindValue(nullable(n->phoneType));
    q.addBindValue(nullable(n->phoneRegion));
    q.addBindValue(contact.id);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = writeTags(contact.id, contact.tags, now); !s)
        return s.error();
    if (oldStatus != contact.status) {
        if (oldStatus == QLatin1String("subscribed"))
            if (Status s = recordConsent(contact.id, QStringLiteral("withdrawn"), tr("Unsubscribed by hand in LUX"), now, byUser); !s)
                return s.error();
        if (contact.status == QLatin1String("subscribed"))
            if (Status s = recordConsent(contact.id, QStringLiteral("given"), tr("Subscribed again by hand in LUX"), now, byUser); !s)
                return s.error();
    }
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("contact.updated"), QStringLiteral("contact"), contact.id, {}, now); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return find(contact.id);
}

Status ContactRepository::writeTags(qint64 contactId, const QStringList &tags, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = ?"));
    q.addBindValue(contactId);
    if (!q.exec())
        return storage::queryError(q);
    return addTags(contactId, tags, now);
}

Status ContactRepository::addTags(qint64 contactId, const QStringList &tags, qint64 now)
{
    QSqlQuery q(m_db);
    for (const QString &raw : tags) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            continue;
        q.prepare(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"));
        q.addBindValue(name);
        q.addBindValue(now);
        if (!q.exec())
            return storage::queryError(q);
        q.prepare(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT id, ? FROM tags WHERE lower(name) = lower(?) "
                                 "ON CONFLICT DO NOTHING"));
        q.addBindValue(contactId);
        q.addBindValue(name);
        if (!q.exec())
            return storage::queryError(q);
    }
    return {};
}

Status ContactRepository::recordConsent(qint64 contactId, const QString &action, const QString &evidence, qint64 now,
                                        std::optional<qint64> byUser)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at, by_user) "
                             "VALUES (?, 'email', ?, 'manual', ?, ?, ?)"));
    q.addBindValue(contactId);
    q.addBindValue(action);
    q.addBindValue(evidence);
    q.addBindValue(now);
    q.addBindValue(storage::userValue(byUser));
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Result<Contact> ContactRepository::findByEmail(const QString &emailText) const
{
    const auto email = Addressing::parseEmail(emailText);
    if (!email)
        return email.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM contacts WHERE email_key = ?"));
    q.addBindValue(email->key);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::contactNotFound, tr("There is no contact with the email %1.").arg(email->display));
    return find(q.value(0).toLongLong());
}

Result<Contact> ContactRepository::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, email, first_name, last_name, phone, company, city, country, time_zone, language, "
                             "status, source, custom, created_at, updated_at FROM contacts WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::contactNotFound, tr("This contact no longer exists."));
    Contact c;
    c.id = q.value(0).toLongLong();
    c.email = q.value(1).toString();
    QString *fields[] = {&c.firstName, &c.lastName, &c.phone, &c.company, &c.city, &c.country, &c.timeZone, &c.language};
    for (int i = 0; i < 8; ++i)
        *fields[i] = q.value(2 + i).toString();
    c.status = q.value(10).toString();
    c.source = q.value(11).toString();
    c.custom = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    c.createdAt = q.value(13).toLongLong();
    c.updatedAt = q.value(14).toLongLong();
    q.finish();
    QSqlQuery tags(m_db);
    tags.prepare(QStringLiteral("SELECT t.name FROM tags t JOIN contact_tags ct ON ct.tag_id = t.id "
                                "WHERE ct.contact_id = ? ORDER BY lower(t.name)"));
    tags.addBindValue(c.id);
    if (!tags.exec())
        return storage::queryError(tags, errc::dbRead);
    while (tags.next())
        c.tags << tags.value(0).toString();
    return c;
}

Result<QList<qint64>> ContactRepository::ids(const ContactFilter &filter, SortKey sort, bool descending) const
{
    const QString dir = descending ? QStringLiteral(" DESC") : QString();
    // Text keys: empty values last in both directions, then the value without ASCII case, then id.
    const auto text = [&dir](const char *column) {
        const QString c = QLatin1String(column);
        return QStringLiteral("ifnull(%1, '') = '', %1 COLLATE NOCASE%2, c.id%2").arg(c, dir);
    };
    QString order;
    switch (sort) {
    case SortKey::Id: order = QStringLiteral("c.id") + dir; break;
    case SortKey::Email: order = QStringLiteral("c.email_key%1, c.id%1").arg(dir); break;
    case SortKey::Name:
        order = QStringLiteral("ifnull(c.first_name, '') || ifnull(c.last_name, '') = '', c.first_name COLLATE NOCASE%1, "
                               "c.last_name COLLATE NOCASE%1, c.id%1")
                    .arg(dir);
        break;
    case SortKey::Company: order = text("c.company"); break;
    case SortKey::Country: order = text("c.country"); break;
    case SortKey::Status: order = QStringLiteral("c.status%1, c.id%1").arg(dir); break;
    case SortKey::Created: order = QStringLiteral("c.created_at%1, c.id%1").arg(dir); break;
    }
    QVariantList binds;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT c.id FROM contacts c") + whereFor(filter, binds) + QStringLiteral(" ORDER BY ") + order);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<qint64> result;
    while (q.next())
        result << q.value(0).toLongLong();
    return result;
}

Result<QList<Contact>> ContactRepository::byIds(const QList<qint64> &ids) const
{
    if (ids.isEmpty())
        return QList<Contact>{};
    QStringList marks;
    marks.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM contacts c WHERE c.id IN (%2)").arg(QLatin1String(kListColumns), marks.join(u',')));
    for (const qint64 id : ids)
        q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QHash<qint64, Contact> found;
    while (q.next()) {
        const Contact c = listRow(q);
        found.insert(c.id, c);
    }
    QList<Contact> result;
    result.reserve(found.size());
    for (const qint64 id : ids)
        if (const auto it = found.constFind(id); it != found.constEnd())
            result << *it;
    return result;
}

Result<qint64> ContactRepository::count(const ContactFilter &filter) const
{
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM contacts c") + whereFor(filter, binds));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    return q.value(0).toLongLong();
}

Result<bool> ContactRepository::emailTaken(const QString &emailKey, qint64 exceptId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM contacts WHERE email_key = ? AND id <> ?"));
    q.addBindValue(emailKey);
    q.addBindValue(exceptId);
    if (!q.exec())
        return Error(QStringLiteral("db.read"), q.lastError().text());
    return q.next();
}

Result<QList<ConsentEvent>> ContactRepository::consentHistory(qint64 contactId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT action, method, evidence, at FROM consent_events WHERE contact_id = ? ORDER BY at"));
    q.addBindValue(contactId);
    if (!q.exec())
        return Error(QStringLiteral("db.read"), q.lastError().text());
    QList<ConsentEvent> events;
    while (q.next())
        events.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return events;
}

Result<QList<Contact>> ContactRepository::page(const ContactFilter &filter, int limit, qint64 afterId) const
{
    // With a search, the index drives: FTS5 yields matches in rowid order, so the page stops after
    // `limit` rows instead of collecting every match of a common word first.
    const bool searching = !filter.search.trimmed().isEmpty();
    QVariantList binds;
    QString from = QStringLiteral(" FROM contacts c");
    QStringList parts;
    if (searching) {
        from = QStringLiteral(" FROM contacts_fts f JOIN contacts c ON c.id = f.rowid");
        parts << QStringLiteral("contacts_fts MATCH ?");
        binds << matchFor(filter.search);
    }
    parts << conditionsFor(filter, binds, false);
    parts << (searching ? QStringLiteral("f.rowid > ?") : QStringLiteral("c.id > ?"));
    binds << afterId;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kListColumns)
              + from + QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "))
              + (searching ? QStringLiteral(" ORDER BY f.rowid LIMIT ?") : QStringLiteral(" ORDER BY c.id LIMIT ?")));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(limit);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Contact> result;
    while (q.next()) {
        result << listRow(q);
    }
    return result;
}

Result<qint64> ContactExporter::exportCsv(const QString &databasePath, const QString &outPath, const ContactFilter &filter)
{
    storage::ScopedConnection conn(databasePath, storage::ScopedConnection::Mode::ReadOnly);
    if (!conn.isOpen())
        return Error(errc::dbOpenFailed, tr("Could not open %1: %2").arg(databasePath, conn.errorText()));
    QStringList customNames;
    {
        QSqlQuery q(conn.db());
        if (q.exec(QStringLiteral("SELECT name FROM custom_fields ORDER BY id")))
            while (q.next())
                customNames << q.value(0).toString();
    }
    qint64 rows = 0;
    const Status saved = saveToFile(outPath, [&](QIODevice &out) -> Status {
        const QStringList standard = {QStringLiteral("email"),     QStringLiteral("first_name"), QStringLiteral("last_name"),
                                      QStringLiteral("phone"),     QStringLiteral("company"),    QStringLiteral("city"),
                                      QStringLiteral("country"),   QStringLiteral("time_zone"),  QStringLiteral("language"),
                                      QStringLiteral("status"),    QStringLiteral("source"),     QStringLiteral("created_at"),
                                      QStringLiteral("updated_at"), QStringLiteral("tags")};
        out.write((CsvReader::formatRecord(standard + customNames) + QStringLiteral("\r\n")).toUtf8());

        QVariantList binds;
        QSqlQuery q(conn.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT c.email, c.first_name, c.last_name, c.phone, c.company, c.city, c.country, c.time_zone, "
                                 "c.language, c.status, c.source, c.created_at, c.updated_at, "
                                 "(SELECT group_concat(t.name, ', ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                 " WHERE ct.contact_id = c.id), c.custom FROM contacts c")
                  + whereFor(filter, binds) + QStringLiteral(" ORDER BY c.id"));
        for (const QVariant &b : std::as_const(binds))
            q.addBindValue(b);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        QStringList cells;
        while (q.next()) {
            cells.clear();
            for (int i = 0; i < 11; ++i)
                cells << CsvReader::neutralise(q.value(i).toString());
            for (int i = 11; i < 13; ++i)
                cells << QDateTime::fromMSecsSinceEpoch(q.value(i).toLongLong(), Qt::UTC).toString(Qt::ISODate);
            cells << CsvReader::neutralise(q.value(13).toString());
            const QJsonObject custom = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).object();
            for (const QString &name : std::as_const(customNames))
                cells << CsvReader::neutralise(custom.value(name).toVariant().toString());
            out.write((CsvReader::formatRecord(cells) + QStringLiteral("\r\n")).toUtf8());
            ++rows;
        }
        return {};
    });
    if (!saved)
        return saved.error();
    return rows;
}

} // namespace lux::contacts
