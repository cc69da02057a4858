// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactrepository.h"

#include "addressing.h"
#include "contactsearch.h"
#include "csvreader.h"
#include "storage/sqlitefile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
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

QString whereFor(const ContactFilter &filter, QVariantList &binds)
{
    const QStringList parts = conditionsFor(filter, binds, true);
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

Result<Contact> ContactRepository::add(const Contact &contact, const QString &defaultCountry, std::optional<qint64> byUser)
{
    const auto email = Addressing::parseEmail(contact.email);
    if (!email)
        return email.error();
    QString phone;
    if (!contact.phone.trimmed().isEmpty()) {
        const auto e164 = Addressing::toE164(contact.phone, defaultCountry);
        if (!e164)
            return e164.error();
        phone = *e164;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO contacts (email, email_key, first_name, last_name, phone, company, city, country, "
                             "time_zone, language, status, source, created_at, updated_at, created_by, updated_by) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (email_key) DO NOTHING RETURNING id"));
    q.addBindValue(email->display);
    q.addBindValue(email->key);
    for (const QString &v : {contact.firstName, contact.lastName, phone, contact.company, contact.city, contact.country,
                             contact.timeZone, contact.language})
        q.addBindValue(nullable(v.trimmed()));
    q.addBindValue(contact.status);
    q.addBindValue(contact.source.isEmpty() ? QStringLiteral("manual") : contact.source);
    q.addBindValue(now);
    q.addBindValue(now);
    const QVariant by = byUser ? QVariant(*byUser) : QVariant(QMetaType::fromType<qint64>());
    q.addBindValue(by);
    q.addBindValue(by);
    if (!q.exec())
        return Error(QStringLiteral("db.write"), q.lastError().text());
    if (!q.next())
        return Error(QStringLiteral("contact.duplicate"), tr("A contact with the email %1 already exists.").arg(email->display));
    q.finish();
    return findByEmail(email->display);
}

Result<Contact> ContactRepository::findByEmail(const QString &emailText) const
{
    const auto email = Addressing::parseEmail(emailText);
    if (!email)
        return email.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, email, first_name, last_name, phone, company, city, country, time_zone, language, "
                             "status, source, custom, created_at, updated_at FROM contacts WHERE email_key = ?"));
    q.addBindValue(email->key);
    if (!q.exec())
        return Error(QStringLiteral("db.read"), q.lastError().text());
    if (!q.next())
        return Error(QStringLiteral("contact.not-found"), tr("There is no contact with the email %1.").arg(email->display));
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
    if (tags.exec())
        while (tags.next())
            c.tags << tags.value(0).toString();
    return c;
}

Result<qint64> ContactRepository::count(const ContactFilter &filter) const
{
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM contacts c") + whereFor(filter, binds));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return Error(QStringLiteral("db.read"), q.lastError().text());
    return q.value(0).toLongLong();
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
    q.prepare(QStringLiteral("SELECT c.id, c.email, c.first_name, c.last_name, c.phone, c.company, c.city, c.country, "
                             "c.status, c.created_at, c.updated_at")
              + from + QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "))
              + (searching ? QStringLiteral(" ORDER BY f.rowid LIMIT ?") : QStringLiteral(" ORDER BY c.id LIMIT ?")));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(limit);
    if (!q.exec())
        return Error(QStringLiteral("db.read"), q.lastError().text());
    QList<Contact> result;
    while (q.next()) {
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
        result << c;
    }
    return result;
}

QString ContactExporter::neutralise(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    // A plain signed number (an E.164 phone, say) cannot run as a formula; an apostrophe would only
    // corrupt it on the way back in.
    static const QRegularExpression number(QStringLiteral(R"(^[+-]?\d+(\.\d+)?$)"));
    if (number.match(cell).hasMatch())
        return cell;
    const QChar c = cell.at(0);
    if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
        return QLatin1Char('\'') + cell;
    return cell;
}

Result<qint64> ContactExporter::exportCsv(const QString &databasePath, const QString &outPath, const ContactFilter &filter)
{
    storage::ScopedConnection conn(databasePath, storage::ScopedConnection::Mode::ReadOnly);
    if (!conn.isOpen())
        return Error(QStringLiteral("db.open-failed"), tr("Could not open %1: %2").arg(databasePath, conn.errorText()));
    QStringList customNames;
    {
        QSqlQuery q(conn.db());
        if (q.exec(QStringLiteral("SELECT name FROM custom_fields ORDER BY id")))
            while (q.next())
                customNames << q.value(0).toString();
    }
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("export.write"), tr("Cannot write %1: %2").arg(outPath, out.errorString()));
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
        return Error(QStringLiteral("db.read"), q.lastError().text());
    qint64 rows = 0;
    QStringList cells;
    while (q.next()) {
        cells.clear();
        for (int i = 0; i < 11; ++i)
            cells << neutralise(q.value(i).toString());
        for (int i = 11; i < 13; ++i)
            cells << QDateTime::fromMSecsSinceEpoch(q.value(i).toLongLong(), Qt::UTC).toString(Qt::ISODate);
        cells << neutralise(q.value(13).toString());
        const QJsonObject custom = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).object();
        for (const QString &name : std::as_const(customNames))
            cells << neutralise(custom.value(name).toVariant().toString());
        out.write((CsvReader::formatRecord(cells) + QStringLiteral("\r\n")).toUtf8());
        ++rows;
    }
    if (!out.commit())
        return Error(QStringLiteral("export.write"), tr("Cannot write %1: %2").arg(outPath, out.errorString()));
    return rows;
}

} // namespace lux::contacts
