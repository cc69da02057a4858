// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "csvreader.h"
#include "storage/sqlitefile.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <atomic>
#include <optional>

namespace lux::contacts {

enum class DuplicatePolicy { Skip, Fill, Overwrite };
enum class Preset { Auto, Mailchimp, HubSpot, Generic };

struct ImportOptions
{
    Preset preset = Preset::Auto;
    QHash<QString, QString> mapping; // column header → field; overrides the preset ("ignore" drops it)
    QStringList tags;                // given to every imported or updated contact
    DuplicatePolicy onDuplicate = DuplicatePolicy::Skip;
    QString consentText;             // when set, each new contact gets an email consent event
    // When set, every imported contact with a number (new or already known) gets SMS consent with
    // these words and the file as its source, unless it has it or its number is suppressed.
    QString smsConsentText;
    QString defaultCountry = QStringLiteral("US");
    bool unknownAsCustom = false;    // unmapped columns become custom fields
    CsvReader::Options csv;
    QString rejectsPath;             // CSV of rejected rows with line and reason
    std::optional<qint64> userId;
};

// How the columns of a file map to contact fields.
struct ColumnPlan
{
    Preset preset = Preset::Generic;
    QStringList header;
    QStringList fields; // per column: a standard field, "tags", "custom:<name>" or "" (ignored)
    int emailColumn = -1;
};

struct Rejection
{
    qint64 line = 0;
    QString reason;
    QStringList fields;
};

struct ImportReport
{
    qint64 read = 0;       // data rows (header and blank lines not counted)
    qint64 smsConsents = 0; // contacts given SMS consent by this import
    qint64 imported = 0;   // new contacts
    qint64 updated = 0;    // existing contacts changed (a subset of duplicates)
    qint64 duplicates = 0; // rows whose email was already known, in the database or earlier in the file
    qint64 rejected = 0;
    QList<Rejection> rejections; // the first 1,000
    ColumnPlan plan;
    QString encoding;
    QChar delimiter;
    // Read all the same, but worth saying: the file was not UTF-8 and was read as Windows-1252, or
    // bytes that were not text were replaced (CsvReader::warnings()).
    QList<Error> warnings;
};

class ContactImporter
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::ContactImporter)
public:
    static const QStringList &standardFields(); // email, first_name, …, status, source, tags
    static Result<ColumnPlan> plan(const QStringList &header, const ImportOptions &options);
    static QString presetName(Preset preset);
    static QString customFieldNameFor(const QString &header); // "Favourite Colour" → "favourite_colour"
    // A key for a file's header, so a mapping chosen once applies to the next file with the same columns.
    static QString headerKey(const QStringList &header);
    static std::optional<Preset> presetFromName(const QString &name);

    // A column name is a label: HubSpot's longest are under 100 characters.
    static constexpr qsizetype kMaxHeaderNameChars = 256;
    // The header as a header, whatever the mapping: no name past kMaxHeaderNameChars, no control
    // characters, no two columns with the same name once normalised ("email" and "Email"), since a
    // mapping names columns. `where` begins the messages ("contacts.csv, line 1").
    static Status checkHeader(const QStringList &header, const QString &where);

    // Imports on the calling thread with its own connection, in one transaction: cancel or failure
    // leaves the database as it was. Progress is in bytes of the file.
    static Result<ImportReport> run(const QString &databasePath, const QString &csvPath, const ImportOptions &options,
                                    const storage::ProgressFn &progress = {}, const std::atomic_bool *cancel = nullptr);

private:
    static Result<ImportReport> importRows(const QString &databasePath, const QString &csvPath, const ImportOptions &options,
                                           const storage::ProgressFn &progress, const std::atomic_bool *cancel);
};

} // namespace lux::contacts
