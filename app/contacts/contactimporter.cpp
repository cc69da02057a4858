// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactimporter.h"
#include "contacts/smsconsent.h"

#include "addressing.h"
#include "phonenumbers.h"
#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "common/logging.h"
#include "common/savefile.h"
#include "contactsearch.h"
#include "suppression.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <cerrno>
#include <limits>

namespace lux::contacts {

namespace {

constexpr int kMaxRejectionsKept = 1000;

// Contact columns the importer writes, in this order, after email/email_key.
const QStringList kValueFields = {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("phone"),
                                  QStringLiteral("company"),    QStringLiteral("city"),      QStringLiteral("country"),
                                  QStringLiteral("time_zone"),  QStringLiteral("language")};

QString normalisedHeader(const QString &h)
{
    QString out;
    for (const QChar c : h.trimmed().toLower())
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

// Header spellings of the standard fields, normalised (lower case, letters and digits only).
const QHash<QString, QString> &aliases()
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        const auto add = [&m](const char *field, std::initializer_list<const char *> names) {
            for (const char *n : names)
                m.insert(normalisedHeader(QString::fromUtf8(n)), QString::fromLatin1(field));
        };
        add("email", {"email", "e-mail", "email address", "emailaddress", "mail", "correo", "correo electrónico"});
        add("first_name", {"first name", "firstname", "given name", "fname", "nombre"});
        add("last_name", {"last name", "lastname", "surname", "family name", "lname", "apellido", "apellidos"});
        add("phone", {"phone", "phone number", "mobile", "mobile phone", "mobile phone number", "telephone", "teléfono"});
        add("company", {"company", "company name", "organization", "organisation", "empresa"});
        add("city", {"city", "town", "ciudad"});
        add("country", {"country", "country/region", "country code", "cc", "país"});
        add("time_zone", {"time zone", "timezone", "tz"});
        add("language", {"language", "preferred language", "idioma"});
        add("status", {"status", "subscription status", "email status"});
        add("source", {"source", "original source", "origen"});
        add("tags", {"tags", "tag", "etiquetas"});
        return m;
    }();
    return map;
}

// Mailchimp's audience export and HubSpot's contacts export, told by their first columns.
Preset detectPreset(const QStringList &header)
{
    QStringList h;
    for (const QString &c : header)
        h << c.trimmed();
    if (h.size() >= 3 && h.at(0) == QLatin1String("Email Address") && h.at(1) == QLatin1String("First Name")
        && h.at(2) == QLatin1String("Last Name"))
        return Preset::Mailchimp;
    if (h.size() >= 4 && h.at(0) == QLatin1String("Record ID") && h.contains(QLatin1String("Email"))
        && h.contains(QLatin1String("First Name")))
        return Preset::HubSpot;
    return Preset::Generic;
}

QHash<QString, QString> presetColumns(Preset preset)
{
    if (preset == Preset::Mailchimp)
        return {{QStringLiteral("Email Address"), QStringLiteral("email")},
                {QStringLiteral("First Name"), QStringLiteral("first_name")},
                {QStringLiteral("Last Name"), QStringLiteral("last_name")},
                {QStringLiteral("Phone Number"), QStringLiteral("phone")},
                {QStringLiteral("Company"), QStringLiteral("company")},
                {QStringLiteral("TIMEZONE"), QStringLiteral("time_zone")},
                {QStringLiteral("CC"), QStringLiteral("country")},
                {QStringLiteral("TAGS"), QStringLiteral("tags")},
                // Machine columns of the export carry no contact data worth a custom field.
                {QStringLiteral("MEMBER_RATING"), QString()}, {QStringLiteral("LEID"), QString()},
                {QStringLiteral("EUID"), QString()}, {QStringLiteral("GMTOFF"), QString()},
                {QStringLiteral("DSTOFF"), QString()}, {QStringLiteral("LATITUDE"), QString()},
                {QStringLiteral("LONGITUDE"), QString()}, {QStringLiteral("LAST_CHANGED"), QString()}};
    if (preset == Preset::HubSpot)
        return {{QStringLiteral("Email"), QStringLiteral("email")},
                {QStringLiteral("First Name"), QStringLiteral("first_name")},
                {QStringLiteral("Last Name"), QStringLiteral("last_name")},
                {QStringLiteral("Phone Number"), QStringLiteral("phone")},
                {QStringLiteral("Mobile Phone Number"), QStringLiteral("phone")},
                {QStringLiteral("Company Name"), QStringLiteral("company")},
                {QStringLiteral("City"), QStringLiteral("city")},
                {QStringLiteral("Country/Region"), QStringLiteral("country")},
                {QStringLiteral("Time Zone"), QStringLiteral("time_zone")},
                {QStringLiteral("Preferred language"), QStringLiteral("language")},
                {QStringLiteral("Record ID"), QStringLiteral("custom:hubspot_record_id")}};
    return {};
}

QString customFieldName(const QString &header)
{
    QString name;
    for (const QChar c : header.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.endsWith(QLatin1Char('_')))
            name += QLatin1Char('_');
    }
    while (name.endsWith(QLatin1Char('_')))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("field") : name;
}

// "tag one, tag two" or Mailchimp's "\"tag one\",\"tag two\"".
QStringList splitTags(const QString &cell)
{
    QStringList tags;
    for (QString t : cell.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        t = t.trimmed();
        if (t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"')))
            t = t.mid(1, t.size() - 2).trimmed();
        if (!t.isEmpty() && !tags.contains(t, Qt::CaseInsensitive))
            tags << t;
    }
    return tags;
}

QString statusFrom(const QString &cell, bool *ok)
{
    const QString s = cell.trimmed().toLower();
    *ok = true;
    if (s.isEmpty() || s == QLatin1String("subscribed") || s == QLatin1String("active") || s == QLatin1String("yes"))
        return QStringLiteral("subscribed");
    if (s == QLatin1String("unsubscribed") || s == QLatin1String("opted out") || s == QLatin1String("no"))
        return QStringLiteral("unsubscribed");
    if (s == QLatin1String("bounced") || s == QLatin1String("bounce"))
        return QStringLiteral("bounced");
    if (s == QLatin1String("complained") || s == QLatin1String("spam"))
        return QStringLiteral("complained");
    if (s == QLatin1String("cleaned"))
        return QStringLiteral("cleaned");
    *ok = false;
    return {};
}

struct Row
{
    EmailAddress email;
    std::array<QString, 8> values; // kValueFields, in order
    QStringList phones;            // as written, read once the row's country is known
    QString phoneType, phoneRegion;
    QString status;
    QString source;
    QStringList tags;
    QJsonObject custom;
};

// What each column feeds, decided once from the plan rather than per cell.
struct Column
{
    enum Kind { Ignore, Email, Value, Phone, Country, Status, Source, Tags, Custom } kind = Ignore;
    int valueIndex = -1; // Value, Phone, Country: index in kValueFields
    QString customName;
};

QList<Column> columnsFor(const ColumnPlan &plan)
{
    QList<Column> columns;
    for (const QString &field : plan.fields) {
        Column c;
        if (field.isEmpty())
            c.kind = Column::Ignore;
        else if (field == QLatin1String("email"))
            c.kind = Column::Email;
        else if (field == QLatin1String("status"))
            c.kind = Column::Status;
        else if (field == QLatin1String("source"))
            c.kind = Column::Source;
        else if (field == QLatin1String("tags"))
            c.kind = Column::Tags;
        else if (field.startsWith(QLatin1String("custom:"))) {
            c.kind = Column::Custom;
            c.customName = field.mid(7);
        } else {
            c.valueIndex = int(kValueFields.indexOf(field));
            c.kind = field == QLatin1String("phone") ? Column::Phone
                     : field == QLatin1String("country") ? Column::Country
                                                          : Column::Value;
        }
        columns << c;
    }
    return columns;
}

constexpr int kPhone = 2;   // index of "phone" in kValueFields
constexpr int kCountry = 5; // index of "country"

} // namespace

const QStringList &ContactImporter::standardFields()
{
    static const QStringList fields = QStringList{QStringLiteral("email")} + kValueFields
                                      + QStringList{QStringLiteral("status"), QStringLiteral("source"), QStringLiteral("tags")};
    return fields;
}

QString ContactImporter::customFieldNameFor(const QString &header)
{
    return customFieldName(header);
}

QString ContactImporter::headerKey(const QStringList &header)
{
    QStringList normalised;
    for (const QString &h : header)
        normalised << h.trimmed().toLower();
    return QString::fromLatin1(QCryptographicHash::hash(normalised.join(QLatin1Char('\x1f')).toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString ContactImporter::presetName(Preset preset)
{
    switch (preset) {
    case Preset::Auto: return QStringLiteral("auto");
    case Preset::Mailchimp: return QStringLiteral("mailchimp");
    case Preset::HubSpot: return QStringLiteral("hubspot");
    case Preset::Generic: return QStringLiteral("generic");
    }
    return {};
}

std::optional<Preset> ContactImporter::presetFromName(const QString &name)
{
    for (Preset p : {Preset::Auto, Preset::Mailchimp, Preset::HubSpot, Preset::Generic})
        if (presetName(p) == name.trimmed().toLower())
            return p;
    return std::nullopt;
}

Result<ColumnPlan> ContactImporter::plan(const QStringList &header, const ImportOptions &options)
{
    ColumnPlan plan;
    plan.header = header;
    plan.preset = options.preset == Preset::Auto ? detectPreset(header) : options.preset;
    const QHash<QString, QString> preset = presetColumns(plan.preset);
    QHash<QString, QString> overrides;
    for (auto it = options.mapping.cbegin(); it != options.mapping.cend(); ++it)
        overrides.insert(it.key().trimmed().toLower(), it.value().trimmed());
    QSet<QString> seenOverrides;

    for (const QString &column : header) {
        const QString trimmed = column.trimmed();
        QString field;
        if (overrides.contains(trimmed.toLower())) {
            field = overrides.value(trimmed.toLower());
            seenOverrides.insert(trimmed.toLower());
            if (field == QLatin1String("ignore"))
                field.clear();
            else if (!field.startsWith(QLatin1String("custom:")) && !standardFields().contains(field))
                return Error(errc::importUnknownField,
                             tr("Column \"%1\" is mapped to \"%2\", which is not a field. Fields: %3, custom:NAME, ignore.")
                                 .arg(trimmed, field, standardFields().join(QStringLiteral(", "))));
        } else if (preset.contains(trimmed)) {
            field = preset.value(trimmed);
        } else {
            field = aliases().value(normalisedHeader(trimmed));
            if (field.isEmpty() && options.unknownAsCustom && !trimmed.isEmpty())
                field = QStringLiteral("custom:") + customFieldName(trimmed);
        }
        // The email address is who the row is: two columns of them is a question, not a choice.
        if (field == QLatin1String("email") && plan.fields.contains(field)) {
            const qsizetype first = plan.fields.indexOf(field);
            return Error(errc::importDuplicateColumn,
                         tr("Columns %1 (\"%2\") and %3 (\"%4\") both hold email addresses. Map one of them to another "
                            "field or to ignore (--map COLUMN=ignore).")
                             .arg(first + 1)
                             .arg(CsvReader::excerpt(header.at(first).trimmed()))
                             .arg(plan.fields.size() + 1)
                             .arg(CsvReader::excerpt(trimmed)));
        }
        // A field fed by two columns keeps the first (e.g. HubSpot's two phone columns).
        if (!field.isEmpty() && !field.startsWith(QLatin1String("custom:")) && field != QLatin1String("tags")
            && plan.fields.contains(field))
            field.clear();
        plan.fields << field;
    }
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        if (!seenOverrides.contains(it.key()))
            return Error(errc::importUnknownColumn,
                         tr("There is no column \"%1\" in the file's header.").arg(it.key()));
    plan.emailColumn = int(plan.fields.indexOf(QStringLiteral("email")));
    if (plan.emailColumn < 0) {
        // The first columns, each cut short: a header can be anything up to the reader's limits.
        constexpr qsizetype kShown = 10;
        QStringList shown;
        for (qsizetype i = 0; i < header.size() && i < kShown; ++i)
            shown << CsvReader::excerpt(header.at(i).trimmed());
        QString columns = shown.join(QStringLiteral(", "));
        if (header.size() > kShown)
            columns += QLatin1Char(' ') + tr("and %n more", nullptr, int(qMin<qsizetype>(header.size() - kShown, std::numeric_limits<int>::max())));
        return Error(errc::importNoEmail,
                     tr("No column holds email addresses. Map one with --map COLUMN=email (columns: %1).").arg(columns));
    }
    return plan;
}

Status ContactImporter::checkHeader(const QStringList &header, const QString &where)
{
    QHash<QString, qsizetype> seen; // normalised name → column, 1-based
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString &name = header.at(i);
        if (name.size() > kMaxHeaderNameChars)
            return Error(errc::csvHeaderNameTooLong,
                         tr("%1, column %2: the column name is %3 characters long; the limit for a column name is %4. "
                            "It starts \"%5\".")
                             .arg(where)
                             .arg(i + 1)
                             .arg(QLocale().toString(name.size()), QLocale().toString(kMaxHeaderNameChars),
                                  CsvReader::excerpt(name)));
        if (const qsizetype at = CsvReader::findControlCharacter(name); at >= 0)
            return Error(errc::csvControlCharacter,
                         tr("%1, column %2: the column name holds a control character (U+%3), which a header never has. "
                            "It starts \"%4\".")
                             .arg(where)
                             .arg(i + 1)
                             .arg(uint(name.at(at).unicode()), 4, 16, QLatin1Char('0'))
                             .arg(CsvReader::excerpt(name)));
        const QString key = normalisedHeader(name);
        if (key.isEmpty())
            continue; // unnamed columns (trailing delimiters) are never mapped by name
        if (const auto it = seen.constFind(key); it != seen.constEnd())
            return Error(errc::importDuplicateColumn,
                         tr("%1: columns %2 and %3 are both called \"%4\". Rename one of them in the file; a mapping "
                            "could not tell them apart.")
                             .arg(where)
                             .arg(*it)
                             .arg(i + 1)
                             .arg(CsvReader::excerpt(name.trimmed())));
        seen.insert(key, i + 1);
    }
    return {};
}

Result<ImportReport> ContactImporter::run(const QString &databasePath, const QString &csvPath,
                                          const ImportOptions &options, const storage::ProgressFn &progress,
                                          const std::atomic_bool *cancel)
{
    auto report = importRows(databasePath, csvPath, options, progress, cancel);
    if (report || report.error().code != errc::dbWrite)
        return report;
    // SQLite says "database or disk is full" at best; a trial write beside the database says which.
    const int err = storage::probeWrite(QFileInfo(databasePath).absolutePath());
    if (err == ENOSPC || err == EDQUOT)
        return storage::writeFailure(err, databasePath, tr("the import could not be saved, and nothing was changed."));
    return report;
}

Result<ImportReport> ContactImporter::importRows(const QString &databasePath, const QString &csvPath,
                                                 const ImportOptions &options, const storage::ProgressFn &progress,
                                                 const std::atomic_bool *cancel)
{
    // Only a regular file, not larger than the reader's limit (a device or a FIFO would never end).
    auto opened = InputFile::open(csvPath, options.csv.maxBytes);
    if (!opened) {
        Error e = opened.error();
        if (e.code == errc::fileOpen)
            e.code = errc::importOpen; // the code scripts have seen for a file that is not there
        return e;
    }
    QFile &file = **opened;
    const qint64 totalBytes = file.size();
    CsvReader::Options csvOptions = options.csv;
    if (csvOptions.name.isEmpty())
        csvOptions.name = QFileInfo(csvPath).fileName();
    CsvReader reader(&file, csvOptions);
    if (Status s = reader.start(); !s)
        return s.error();
    CsvReader::Record record;
    if (!reader.next(record))
        return reader.error() ? *reader.error()
                              : Error(errc::importEmpty, tr("%1 is empty.").arg(QFileInfo(csvPath).fileName()));
    if (Status s = checkHeader(record.fields, tr("%1, line %2").arg(csvOptions.name).arg(record.line)); !s)
        return s.error();
    auto planned = plan(record.fields, options);
    if (!planned)
        return planned.error();

    ImportReport report;
    report.plan = *planned;
    report.encoding = CsvReader::encodingName(reader.encoding());
    report.delimiter = reader.delimiter();
    const ColumnPlan &cols = report.plan;
    const qsizetype columnCount = cols.header.size();

    storage::ScopedConnection conn(databasePath, storage::ScopedConnection::Mode::ReadWrite);
    if (!conn.isOpen())
        return Error(errc::dbOpenFailed, tr("Could not open %1: %2").arg(databasePath, conn.errorText()));
    QSqlDatabase &db = conn.db();
    QSqlQuery setup(db);
    setup.exec(QStringLiteral("PRAGMA foreign_keys = ON"));

    // Suppressed addresses, and the tags and custom fields that exist, are loaded once.
    QSet<QString> suppressed;
    if (setup.exec(QStringLiteral("SELECT address_hash FROM suppression WHERE channel = 'email'")))
        while (setup.next())
            suppressed.insert(setup.value(0).toString());
    QHash<QString, qint64> tagIds; // lower-cased name → id
    if (setup.exec(QStringLiteral("SELECT id, name FROM tags")))
        while (setup.next())
            tagIds.insert(setup.value(1).toString().toLower(), setup.value(0).toLongLong());
    QSet<QString> customFields;
    if (setup.exec(QStringLiteral("SELECT name FROM custom_fields")))
        while (setup.next())
            customFields.insert(setup.value(0).toString());
    setup.finish();

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString source = QStringLiteral("import:") + QFileInfo(csvPath).fileName();
    const QVariant by = storage::userValue(options.userId);

    storage::Transaction tx(db);
    if (!tx.isOpen())
        return tx.beginError();

    // Search index in bulk: the per-row triggers go for the length of this transaction (a rollback
    // brings them back), new rows are indexed in one statement at the end, updated rows as they change.
    qint64 lastIdBefore = 0;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM contacts")) && q.next())
            lastIdBefore = q.value(0).toLongLong();
        for (const QString &sql : ContactSearch::dropTriggerStatements())
            if (!q.exec(sql))
                return storage::queryError(q);
    }
    // The workflows' signal triggers (migration 20) go too, for the same reason: what they would
    // have written, for the kinds a workflow listens for, is written in bulk at the end.
    QList<std::pair<QString, QString>> signalTriggers; // name, its SQL to put it back
    QSet<QString> listening;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'automation_signal_%' "
                                   "AND tbl_name IN ('contacts', 'contact_tags')")))
            return storage::queryError(q);
        while (q.next())
            signalTriggers << std::make_pair(q.value(0).toString(), q.value(1).toString());
        if (!q.exec(QStringLiteral("SELECT kind FROM automation_listen")))
            return storage::queryError(q);
        while (q.next())
            listening.insert(q.value(0).toString());
        for (const auto &[name, sql] : std::as_const(signalTriggers))
            if (!q.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(name))) // names from sqlite_master
                return storage::queryError(q);
    }
    QList<std::pair<qint64, QString>> taggedNow;      // (contact, tag) links the import made, when "tag" is listened for
    QList<std::pair<qint64, QString>> unsubscribedNow; // (contact, status) when "unsubscribed" is

    // The per-row statements go straight to SQLite on the driver's handle (see sqlitestatement.h).
    storage::SqliteStatement insert(db, "INSERT INTO contacts (email, email_key, first_name, last_name, phone, company, "
                                        "city, country, time_zone, language, status, source, custom, created_at, "
                                        "updated_at, created_by, updated_by, phone_type, phone_region) VALUES (?1, ?2, ?3, ?4, ?5, "
                                        "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?15, ?16, ?17) "
                                        "ON CONFLICT (email_key) DO NOTHING");
    storage::SqliteStatement lookup(db, "SELECT id, status, first_name, last_name, phone, company, city, country, "
                                        "time_zone, language, custom FROM contacts WHERE email_key = ?1");
    storage::SqliteStatement update(db, "UPDATE contacts SET first_name = ?1, last_name = ?2, phone = ?3, company = ?4, "
                                        "city = ?5, country = ?6, time_zone = ?7, language = ?8, status = ?9, "
                                        "custom = ?10, updated_at = ?11, updated_by = ?12, "
                                        // The type goes with the number: the incoming one's when the
                                        // incoming number is what is kept, else the stored one's.
                                        "phone_type = CASE WHEN ?3 IS ?14 THEN ?15 ELSE phone_type END, "
                                        "phone_region = CASE WHEN ?3 IS ?14 THEN ?16 ELSE phone_region END "
                                        "WHERE id = ?13");
    storage::SqliteStatement tagContact(db, "INSERT INTO contact_tags (tag_id, contact_id) VALUES (?1, ?2) "
                                            "ON CONFLICT DO NOTHING");
    // An existing contact whose searchable fields change: out of the index with the old values, in
    // with the new (what the update trigger would have done).
    storage::SqliteStatement ftsDelete(db, "INSERT INTO contacts_fts (contacts_fts, rowid, email, first_name, "
                                           "last_name, company) SELECT 'delete', id, email, first_name, last_name, "
                                           "company FROM contacts WHERE id = ?1");
    storage::SqliteStatement ftsInsert(db, "INSERT INTO contacts_fts (rowid, email, first_name, last_name, company) "
                                           "SELECT id, email, first_name, last_name, company FROM contacts WHERE id = ?1");
    for (const storage::SqliteStatement *st : {&insert, &lookup, &update, &tagContact, &ftsDelete, &ftsInsert})
        if (!st->isValid())
            return Error(errc::dbWrite, st->errorText());
    const auto stepFail = [](const storage::SqliteStatement &st) { return Error(errc::dbWrite, st.errorText()); };
    const auto bindBy = [&](storage::SqliteStatement &st, int index) {
        if (options.userId)
            st.bindInt(index, *options.userId);
        else
            st.bindNull(index);
    };
    // A larger page cache keeps the growing email index in memory through a big import.
    setup.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    QSqlQuery newTag(db);
    newTag.prepare(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, ?) RETURNING id"));
    QSqlQuery newField(db);
    newField.prepare(QStringLiteral("INSERT INTO custom_fields (name, label, type, created_at) VALUES (?, ?, 'text', ?)"));
    QSqlQuery consent(db);
    consent.prepare(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at, by_user) "
                                   "VALUES (?, 'email', 'given', 'import', ?, ?, ?)"));
    // SMS consent for every imported number (--sms-consent): its own record, with the words and the file.
    QSqlQuery smsState(db);
    smsState.prepare(QStringLiteral("SELECT coalesce(c.phone, ''), c.sms_consent, EXISTS (SELECT 1 FROM suppression s "
                                    "WHERE s.channel = 'sms' AND s.address_key = c.phone) FROM contacts c WHERE c.id = ?"));
    SmsConsent smsConsent(db);
    const QString smsSource = QFileInfo(csvPath).fileName();
    const auto giveSmsConsent = [&](qint64 contactId) -> Status {
        if (options.smsConsentText.trimmed().isEmpty())
            return {};
        smsState.addBindValue(contactId);
        if (!smsState.exec() || !smsState.next())
            return storage::queryError(smsState);
        const bool skip = smsState.value(0).toString().isEmpty() || smsState.value(1).toInt() == 1 || smsState.value(2).toBool();
        smsState.finish();
        if (skip) // no number, consent already, or a number that opted out: never given back by an import
            return {};
        if (Status given = smsConsent.giveWithin(contactId, SmsConsent::Method::Import, options.smsConsentText, smsSource, options.userId,
                                                 tr("Imported from %1").arg(smsSource));
            !given)
            return given;
        ++report.smsConsents;
        return {};
    };

    // Rejected rows stream to a file that only appears when the import succeeds. It is opened in a
    // spreadsheet to fix them, so its cells are neutralised like an export's, and a control character
    // (the reason the row was rejected, perhaps) is written as U+FFFD rather than as itself.
    const auto rejectsLine = [](const QStringList &cells) {
        QStringList safe;
        safe.reserve(cells.size());
        for (const QString &cell : cells) {
            QString c = cell;
            for (qsizetype at = CsvReader::findControlCharacter(c); at >= 0; at = CsvReader::findControlCharacter(c))
                c[at] = QChar(0xFFFD);
            safe << CsvReader::neutralise(c);
        }
        return (CsvReader::formatRecord(safe) + QStringLiteral("\r\n")).toUtf8();
    };
    std::unique_ptr<SaveFile> rejects;
    if (!options.rejectsPath.isEmpty()) {
        rejects = std::make_unique<SaveFile>(options.rejectsPath);
        if (Status s = rejects->open(); !s)
            return s.error();
        rejects->device().write(rejectsLine(QStringList{tr("line"), tr("reason")} + cols.header));
    }
    const auto reject = [&](qint64 line, const QString &reason, const QStringList &fields) {
        ++report.rejected;
        if (report.rejections.size() < kMaxRejectionsKept)
            report.rejections.append({line, reason, fields});
        if (rejects)
            rejects->device().write(rejectsLine(QStringList{QString::number(line), reason} + fields));
    };

    QStringList tagsForAll;
    for (const QString &t : options.tags)
        if (!t.trimmed().isEmpty())
            tagsForAll << t.trimmed();

    const auto tagId = [&](const QString &name) -> Result<qint64> {
        const QString key = name.toLower();
        if (const auto it = tagIds.constFind(key); it != tagIds.constEnd())
            return *it;
        newTag.addBindValue(name);
        newTag.addBindValue(now);
        if (!newTag.exec() || !newTag.next())
            return storage::queryError(newTag);
        const qint64 id = newTag.value(0).toLongLong();
        newTag.finish();
        tagIds.insert(key, id);
        return id;
    };

    const QList<Column> columns = columnsFor(cols);
    QHash<QString, QString> domainCache;
    qint64 rowsSinceProgress = 0;
    while (reader.next(record)) {
        ++report.read;
        if (++rowsSinceProgress >= 2000) {
            rowsSinceProgress = 0;
            if (progress)
                progress(reader.bytesRead(), totalBytes);
            if (cancel && cancel->load())
                return Error(errc::cancelled, tr("The import was cancelled; nothing was changed."));
        }
        const QStringList &f = record.fields;
        if (f.size() != columnCount) {
            reject(record.line, tr("%1 fields where the header has %2").arg(f.size()).arg(columnCount), f);
            continue;
        }
        Row row;
        QString problem;
        // A bad row, not a bad file: NUL and the other control characters never belong in contact
        // data (they cut names short in C strings and hide in spreadsheets), so the row goes to the
        // rejects with the column and the character. Only the columns imported are looked at.
        for (qsizetype c = 0; c < columnCount && problem.isEmpty(); ++c) {
            if (columns.at(c).kind == Column::Ignore)
                continue;
            if (const qsizetype at = CsvReader::findControlCharacter(f.at(c)); at >= 0)
                problem = tr("column %1 (%2) holds a control character (U+%3) at character %4; contact data cannot "
                             "hold NUL or other control characters")
                              .arg(c + 1)
                              .arg(CsvReader::excerpt(cols.header.at(c).trimmed()))
                              .arg(uint(f.at(c).at(at).unicode()), 4, 16, QLatin1Char('0'))
                              .arg(at + 1);
        }
        for (qsizetype c = 0; c < columnCount && problem.isEmpty(); ++c) {
            const Column &col = columns.at(c);
            if (col.kind == Column::Ignore)
                continue;
            const QString value = f.at(c).trimmed();
            switch (col.kind) {
            case Column::Email:
                if (auto parsed = Addressing::parseEmail(value, &domainCache); !parsed)
                    problem = parsed.error().message;
                else
                    row.email = std::move(parsed).value();
                break;
            case Column::Phone:
                if (!value.isEmpty())
                    row.phones << value;
                break;
            case Column::Country:
                row.values[size_t(col.valueIndex)] = value.size() == 2 ? value.toUpper() : value;
                break;
            case Column::Status: {
                bool ok = false;
                row.status = statusFrom(value, &ok);
                if (!ok)
                    problem = tr("status \"%1\" is not one of subscribed, unsubscribed, bounced, complained, cleaned").arg(value);
                break;
            }
            case Column::Source:
                row.source = value;
                break;
            case Column::Tags:
                for (const QString &t : splitTags(value))
                    if (!row.tags.contains(t, Qt::CaseInsensitive))
                        row.tags << t;
                break;
            case Column::Custom:
                if (!value.isEmpty())
                    row.custom.insert(col.customName, value);
                break;
            case Column::Value:
                if (!value.isEmpty())
                    row.values[size_t(col.valueIndex)] = value;
                break;
            case Column::Ignore:
                break;
            }
        }
        // Phones are read after the row's other cells: a number written without a country code takes
        // the row's own country when it has a two-letter one, else the import's default. Every phone
        // cell must be a number; the first one is kept (e.g. HubSpot's two phone columns).
        if (problem.isEmpty() && !row.phones.isEmpty()) {
            const QString &country = row.values[kCountry];
            const bool ownCountry = country.size() == 2 && QLocale::codeToTerritory(country) != QLocale::AnyTerritory;
            for (const QString &written : std::as_const(row.phones)) {
                auto phone = PhoneNumbers::parse(written, ownCountry ? country : options.defaultCountry);
                if (!phone) {
                    problem = phone.error().message;
                    break;
                }
                if (row.values[kPhone].isEmpty()) {
                    row.values[kPhone] = phone->e164;
                    row.phoneType = PhoneNumbers::typeCode(phone->type);
                    row.phoneRegion = phone->region;
                }
            }
        }
        if (!problem.isEmpty()) {
            reject(record.line, problem, f);
            continue;
        }
        for (const QString &t : std::as_const(tagsForAll))
            if (!row.tags.contains(t, Qt::CaseInsensitive))
                row.tags << t;
        for (auto it = row.custom.constBegin(); it != row.custom.constEnd(); ++it) {
            if (customFields.contains(it.key()))
                continue;
            newField.addBindValue(it.key());
            newField.addBindValue(it.key());
            newField.addBindValue(now);
            if (!newField.exec())
                return storage::queryError(newField);
            customFields.insert(it.key());
        }

        // Never resubscribe: a suppressed address comes in unsubscribed; an incoming status can only
        // move a contact away from "subscribed".
        const bool isSuppressed = !suppressed.isEmpty() && suppressed.contains(SuppressionList::hashOf(row.email.key));
        QString status = row.status.isEmpty() ? QStringLiteral("subscribed") : row.status;
        if (isSuppressed && status == QLatin1String("subscribed"))
            status = QStringLiteral("unsubscribed");

        // The insert itself finds duplicates, from the database or from earlier in this file: a
        // conflict on the email key changes nothing and sends the row down the duplicate path.
        qint64 contactId = 0;
        {
            insert.bindTextAlways(1, row.email.display);
            insert.bindTextAlways(2, row.email.key);
            for (int v = 0; v < 8; ++v)
                insert.bindText(3 + v, row.values[size_t(v)]);
            insert.bindTextAlways(11, status);
            insert.bindTextAlways(12, row.source.isEmpty() ? source : row.source);
            if (row.custom.isEmpty())
                insert.bindNull(13);
            else
                insert.bindTextAlways(13, QString::fromUtf8(QJsonDocument(row.custom).toJson(QJsonDocument::Compact)));
            insert.bindInt(14, now);
            bindBy(insert, 15);
            insert.bindText(16, row.phoneType);
            insert.bindText(17, row.phoneRegion);
            insert.step();
            if (!insert.ok())
                return stepFail(insert);
            if (insert.changes() == 1)
                contactId = insert.lastInsertRowId();
            insert.reset();
        }

        if (contactId > 0) {
            ++report.imported;
            if (!options.consentText.isEmpty()) {
                consent.addBindValue(contactId);
                consent.addBindValue(QString(options.consentText + QStringLiteral(" (") + QFileInfo(csvPath).fileName()
                                             + QLatin1Char(')')));
                consent.addBindValue(now);
                consent.addBindValue(by);
                if (!consent.exec())
                    return storage::queryError(consent);
            }
            if (Status given = giveSmsConsent(contactId); !given)
                return given.error();
        } else {
            // Known already, in the database or earlier in this file.
            ++report.duplicates;
            lookup.bindTextAlways(1, row.email.key);
            if (!lookup.step())
                return stepFail(lookup);
            contactId = lookup.columnInt(0);
            const QString oldStatus = lookup.columnText(1);
            std::array<QString, 8> old;
            for (int i = 0; i < 8; ++i)
                old[size_t(i)] = lookup.columnText(i + 2);
            QJsonObject custom = QJsonDocument::fromJson(lookup.columnText(10).toUtf8()).object();
            lookup.reset();

            bool changed = false;
            std::array<QString, 8> merged = old;
            if (options.onDuplicate != DuplicatePolicy::Skip) {
                for (size_t v = 0; v < merged.size(); ++v) {
                    const QString &incoming = row.values[v];
                    if (incoming.isEmpty())
                        continue; // an empty cell never blanks a stored value
                    if (old[v].isEmpty() || (options.onDuplicate == DuplicatePolicy::Overwrite && old[v] != incoming)) {
                        merged[v] = incoming;
                        changed = true;
                    }
                }
                for (auto it = row.custom.constBegin(); it != row.custom.constEnd(); ++it) {
                    if (!custom.contains(it.key())
                        || (options.onDuplicate == DuplicatePolicy::Overwrite && custom.value(it.key()) != it.value())) {
                        custom.insert(it.key(), it.value());
                        changed = true;
                    }
                }
            }
            QString newStatus = oldStatus;
            if (oldStatus == QLatin1String("subscribed") && status != QLatin1String("subscribed")) {
                newStatus = status; // opting out always applies, whatever the policy
                changed = true;
                if (listening.contains(QStringLiteral("unsubscribed")))
                    unsubscribedNow << std::make_pair(contactId, newStatus);
            }
            if (changed) {
                const bool searchableChanged = contactId <= lastIdBefore
                                               && (merged[0] != old[0] || merged[1] != old[1] || merged[3] != old[3]);
                if (searchableChanged) {
                    ftsDelete.bindInt(1, contactId);
                    ftsDelete.step();
                    if (!ftsDelete.ok())
                        return stepFail(ftsDelete);
                    ftsDelete.reset();
                }
                for (int v = 0; v < 8; ++v)
                    update.bindText(1 + v, merged[size_t(v)]);
                update.bindTextAlways(9, newStatus);
                if (custom.isEmpty())
                    update.bindNull(10);
                else
                    update.bindTextAlways(10, QString::fromUtf8(QJsonDocument(custom).toJson(QJsonDocument::Compact)));
                update.bindInt(11, now);
                bindBy(update, 12);
                update.bindInt(13, contactId);
                update.bindText(14, row.values[kPhone]);
                update.bindText(15, row.phoneType);
                update.bindText(16, row.phoneRegion);
                update.step();
                if (!update.ok())
                    return stepFail(update);
                update.reset();
                if (searchableChanged) {
                    ftsInsert.bindInt(1, contactId);
                    ftsInsert.step();
                    if (!ftsInsert.ok())
                        return stepFail(ftsInsert);
                    ftsInsert.reset();
                }
                ++report.updated;
            }
            if (Status given = giveSmsConsent(contactId); !given)
                return given.error();
            if (options.onDuplicate == DuplicatePolicy::Skip)
                continue; // skipped rows add no tags either
        }
        for (const QString &t : std::as_const(row.tags)) {
            const auto id = tagId(t);
            if (!id)
                return id.error();
            tagContact.bindInt(1, *id);
            tagContact.bindInt(2, contactId);
            tagContact.step();
            if (!tagContact.ok())
                return stepFail(tagContact);
            if (tagContact.changes() == 1 && listening.contains(QStringLiteral("tag")))
                taggedNow << std::make_pair(contactId, t);
            tagContact.reset();
        }
    }
    if (reader.error())
        return *reader.error();
    report.warnings = reader.warnings();
    if (progress)
        progress(totalBytes, totalBytes);
    if (cancel && cancel->load())
        return Error(errc::cancelled, tr("The import was cancelled; nothing was changed."));
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO contacts_fts (rowid, email, first_name, last_name, company) "
                                 "SELECT id, email, first_name, last_name, company FROM contacts WHERE id > ?"));
        q.addBindValue(lastIdBefore);
        if (!q.exec())
            return storage::queryError(q);
        for (const QString &sql : ContactSearch::triggerStatements())
            if (!q.exec(sql))
                return storage::queryError(q);
        // The signals the workflows listen for, as the triggers would have written them.
        if (listening.contains(QStringLiteral("created"))) {
            q.prepare(QStringLiteral("INSERT INTO automation_signals (kind, contact_id, at) SELECT 'created', id, created_at FROM contacts WHERE id > ?"));
            q.addBindValue(lastIdBefore);
            if (!q.exec())
                return storage::queryError(q);
        }
        if (listening.contains(QStringLiteral("changed"))) {
            q.prepare(QStringLiteral("INSERT INTO automation_signals (kind, contact_id, at) SELECT 'changed', id, updated_at FROM contacts "
                                     "WHERE id <= ? AND updated_at = ?"));
            q.addBindValue(lastIdBefore);
            q.addBindValue(now);
            if (!q.exec())
                return storage::queryError(q);
        }
        q.prepare(QStringLiteral("INSERT INTO automation_signals (kind, contact_id, subject, at) VALUES (?, ?, ?, ?)"));
        for (const auto &[contact, tag] : std::as_const(taggedNow)) {
            for (const QVariant &v : QVariantList{QStringLiteral("tag"), contact, tag, now})
                q.addBindValue(v);
            if (!q.exec())
                return storage::queryError(q);
        }
        for (const auto &[contact, status] : std::as_const(unsubscribedNow)) {
            for (const QVariant &v : QVariantList{QStringLiteral("unsubscribed"), contact, status, now})
                q.addBindValue(v);
            if (!q.exec())
                return storage::queryError(q);
        }
        for (const auto &[name, sql] : std::as_const(signalTriggers))
            if (!q.exec(sql))
                return storage::queryError(q);
    }
    if (rejects)
        if (Status s = rejects->commit(); !s)
            return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcStorage) << "imported" << report.imported << "updated" << report.updated << "rejected" << report.rejected
                      << "from" << csvPath;
    return report;
}

} // namespace lux::contacts
