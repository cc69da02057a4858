// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactcommands.h"

#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "contacts/contactimporter.h"
#include "contacts/contactrepository.h"
#include "contacts/segment.h"
#include "contacts/suppression.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>
#include <unistd.h>

namespace lux::cli {

namespace {

class ContactsTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

// A segment's rules are a few KB of JSON (Segment::parse caps their number and depth); a megabyte
// is room for any and keeps a mistaken file (a log, an image) from being read whole.
constexpr qint64 kMaxRulesFileBytes = 1024 * 1024;

// For the commands that only read: the writer lock when free, else read-only; a file that cannot be
// changed (read-only, immutable, in a read-only folder) is opened for viewing, and said so.
Result<std::unique_ptr<Database>> openForReading(const CommandContext &ctx)
{
    auto db = Database::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (db)
        ctx.notice((*db)->readOnlyNotice());
    return db;
}


int import(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(ContactsTr::tr("contacts import needs exactly one argument: the CSV file."));
    const QString file = QFileInfo(ctx.args.first()).absoluteFilePath();
    contacts::ImportOptions options;
    if (ctx.isSet(QStringLiteral("preset"))) {
        const auto preset = contacts::ContactImporter::presetFromName(ctx.option(QStringLiteral("preset")));
        if (!preset)
            return ctx.usage(ContactsTr::tr("--preset takes auto, mailchimp, hubspot or generic."));
        options.preset = *preset;
    }
    for (const QString &m : ctx.options(QStringLiteral("map"))) {
        const qsizetype eq = m.lastIndexOf(QLatin1Char('='));
        if (eq <= 0 || eq == m.size() - 1)
            return ctx.usage(ContactsTr::tr("--map takes COLUMN=FIELD, not \"%1\".").arg(m));
        options.mapping.insert(m.left(eq), m.mid(eq + 1));
    }
    options.tags = ctx.options(QStringLiteral("tag"));
    const QString policy = ctx.option(QStringLiteral("on-duplicate"));
    if (policy == QLatin1String("fill"))
        options.onDuplicate = contacts::DuplicatePolicy::Fill;
    else if (policy == QLatin1String("overwrite"))
        options.onDuplicate = contacts::DuplicatePolicy::Overwrite;
    else if (!policy.isEmpty() && policy != QLatin1String("skip"))
        return ctx.usage(ContactsTr::tr("--on-duplicate takes skip, fill or overwrite."));
    if (ctx.isSet(QStringLiteral("encoding"))) {
        const auto encoding = contacts::CsvReader::encodingFromName(ctx.option(QStringLiteral("encoding")));
        if (!encoding)
            return ctx.usage(ContactsTr::tr("--encoding takes auto, utf-8, utf-16le, utf-16be or windows-1252."));
        options.csv.encoding = *encoding;
    }
    if (ctx.isSet(QStringLiteral("delimiter"))) {
        const QString d = ctx.option(QStringLiteral("delimiter"));
        if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
            options.csv.delimiter = u'\t';
        else if (d.size() == 1 && QStringLiteral(",;|\t").contains(d))
            options.csv.delimiter = d.at(0).unicode();
        else
            return ctx.usage(ContactsTr::tr("--delimiter takes , ; | or tab."));
    }
    if (ctx.isSet(QStringLiteral("default-country")))
        options.defaultCountry = ctx.option(QStringLiteral("default-country")).toUpper();
    options.consentText = ctx.option(QStringLiteral("consent"));
    options.smsConsentText = ctx.option(QStringLiteral("sms-consent"));
    options.unknownAsCustom = ctx.isSet(QStringLiteral("unknown-as-custom"));
    if (ctx.isSet(QStringLiteral("rejects")))
        options.rejectsPath = QFileInfo(ctx.option(QStringLiteral("rejects"))).absoluteFilePath();

    // The writer lock is held for the whole import; the import itself uses its own connection.
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    const bool showProgress = !ctx.json && ::isatty(STDERR_FILENO);
    int lastPercent = -1;
    const auto report = contacts::ContactImporter::run(
        (*db)->path(), file, options, [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (showProgress && percent != lastPercent) {
                lastPercent = percent;
                std::fprintf(stderr, "\r%s", qPrintable(ContactsTr::tr("Importing… %1%").arg(percent)));
                std::fflush(stderr);
            }
        });
    if (showProgress)
        std::fputs("\r\033[K", stderr);
    if (!report)
        return ctx.fail(report.error());
    QJsonObject o{{QStringLiteral("read"), report->read},
                        {QStringLiteral("imported"), report->imported},
                        {QStringLiteral("sms_consents"), report->smsConsents},
                        {QStringLiteral("updated"), report->updated},
                        {QStringLiteral("duplicates"), report->duplicates},
                        {QStringLiteral("rejected"), report->rejected},
                        {QStringLiteral("preset"), contacts::ContactImporter::presetName(report->plan.preset)},
                        {QStringLiteral("encoding"), report->encoding},
                        {QStringLiteral("delimiter"), QString(report->delimiter)}};
    QJsonArray warnings;
    for (const Error &w : report->warnings)
        warnings.append(QJsonObject{{QStringLiteral("code"), w.code}, {QStringLiteral("message"), w.message}});
    o.insert(QStringLiteral("warnings"), warnings);
    QString text = ContactsTr::tr("Read %1 rows from %2: %3 imported, %4 duplicates (%5 updated), %6 rejected.")
                       .arg(report->read)
                       .arg(QFileInfo(file).fileName())
                       .arg(report->imported)
                       .arg(report->duplicates)
                       .arg(report->updated)
                       .arg(report->rejected);
    for (qsizetype i = 0; i < report->rejections.size() && i < 10; ++i)
        text += QLatin1Char('\n') + ContactsTr::tr("  line %1: %2").arg(report->rejections.at(i).line).arg(report->rejections.at(i).reason);
    if (report->rejected > 10)
        text += QLatin1Char('\n') + ContactsTr::tr("  … and %1 more").arg(report->rejected - 10);
    for (const Error &w : report->warnings)
        text += QLatin1Char('\n') + ContactsTr::tr("Warning: %1").arg(w.message);
    if (!options.rejectsPath.isEmpty() && report->rejected > 0)
        text += QLatin1Char('\n') + ContactsTr::tr("Rejected rows with their reasons: %1").arg(QDir::toNativeSeparators(options.rejectsPath));
    return ctx.succeed(o, text);
}

Result<contacts::ContactFilter> filterFrom(const CommandContext &ctx, QSqlDatabase db)
{
    contacts::ContactFilter filter;
    const QStringList tags = ctx.options(QStringLiteral("tag"));
    filter.tag = tags.isEmpty() ? QString() : tags.first();
    filter.status = ctx.option(QStringLiteral("status"));
    filter.search = ctx.option(QStringLiteral("search"));
    if (ctx.isSet(QStringLiteral("segment"))) {
        const auto saved = contacts::SegmentRepository(db).find(ctx.option(QStringLiteral("segment")));
        if (!saved)
            return saved.error();
        const auto compiled = contacts::Segment::compile(saved->rules, QDateTime::currentMSecsSinceEpoch());
        if (!compiled)
            return compiled.error();
        filter.segment = *compiled;
    }
    return filter;
}

int exportCsv(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(ContactsTr::tr("contacts export needs exactly one argument: the CSV file to write."));
    if (ctx.options(QStringLiteral("tag")).size() > 1)
        return ctx.usage(ContactsTr::tr("contacts export takes at most one --tag."));
    auto db = openForReading(ctx);
    if (!db)
        return ctx.fail(db.error());
    const QString out = QFileInfo(ctx.args.first()).absoluteFilePath();
    const auto filter = filterFrom(ctx, (*db)->connection());
    if (!filter)
        return ctx.fail(filter.error());
    const auto rows = contacts::ContactExporter::exportCsv((*db)->path(), out, *filter);
    if (!rows)
        return ctx.fail(rows.error());
    return ctx.succeed({{QStringLiteral("exported"), *rows}, {QStringLiteral("file"), out}},
                       ContactsTr::tr("Exported %1 contacts to %2.").arg(*rows).arg(QDir::toNativeSeparators(out)));
}

int add(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(ContactsTr::tr("contacts add needs exactly one argument: the email address."));
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    contacts::Contact c;
    c.email = ctx.args.first();
    c.firstName = ctx.option(QStringLiteral("first-name"));
    c.lastName = ctx.option(QStringLiteral("last-name"));
    c.phone = ctx.option(QStringLiteral("phone"));
    c.company = ctx.option(QStringLiteral("company"));
    const QString country = ctx.isSet(QStringLiteral("default-country")) ? ctx.option(QStringLiteral("default-country")) : QStringLiteral("US");
    const auto added = contacts::ContactRepository((*db)->connection()).add(c, country, std::nullopt);
    if (!added)
        return ctx.fail(added.error());
    return ctx.succeed({{QStringLiteral("id"), added->id}, {QStringLiteral("email"), added->email}},
                       ContactsTr::tr("Added %1.").arg(added->email));
}

int show(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(ContactsTr::tr("contacts show needs exactly one argument: the email address."));
    auto db = openForReading(ctx);
    if (!db)
        return ctx.fail(db.error());
    const auto c = contacts::ContactRepository((*db)->connection()).findByEmail(ctx.args.first());
    if (!c)
        return ctx.fail(c.error());
    const QJsonObject o{{QStringLiteral("id"), c->id},           {QStringLiteral("email"), c->email},
                        {QStringLiteral("first_name"), c->firstName}, {QStringLiteral("last_name"), c->lastName},
                        {QStringLiteral("phone"), c->phone},     {QStringLiteral("company"), c->company},
                        {QStringLiteral("city"), c->city},       {QStringLiteral("country"), c->country},
                        {QStringLiteral("status"), c->status},   {QStringLiteral("source"), c->source},
                        {QStringLiteral("tags"), QJsonArray::fromStringList(c->tags)},
                        {QStringLiteral("custom"), c->custom}};
    QString text = ContactsTr::tr("%1 %2 <%3>\nStatus: %4\nPhone: %5\nCompany: %6\nTags: %7")
                       .arg(c->firstName, c->lastName, c->email, c->status, c->phone, c->company,
                            c->tags.join(QStringLiteral(", ")));
    return ctx.succeed(o, text);
}

int count(const CommandContext &ctx)
{
    if (ctx.options(QStringLiteral("tag")).size() > 1)
        return ctx.usage(ContactsTr::tr("contacts count takes at most one --tag."));
    auto db = openForReading(ctx);
    if (!db)
        return ctx.fail(db.error());
    const auto filter = filterFrom(ctx, (*db)->connection());
    if (!filter)
        return ctx.fail(filter.error());
    const auto n = contacts::ContactRepository((*db)->connection()).count(*filter);
    if (!n)
        return ctx.fail(n.error());
    return ctx.succeed({{QStringLiteral("count"), *n}}, QString::number(*n));
}

} // namespace

QList<QCommandLineOption> contactOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    const QCommandLineOption defaultCountry(QStringLiteral("default-country"),
                                            t(QT_TRANSLATE_NOOP("luxctl", "Country for phone numbers without a country code (default US).")),
                                            QStringLiteral("CC"));
    if (group == QLatin1String("contacts") && command == QLatin1String("import"))
        return {
            {QStringLiteral("preset"), t(QT_TRANSLATE_NOOP("luxctl", "auto, mailchimp, hubspot or generic column names.")), QStringLiteral("P")},
            {QStringLiteral("map"), t(QT_TRANSLATE_NOOP("luxctl", "Map a column to a field (repeatable), e.g. --map \"E-mail\"=email, --map Notes=custom:notes, --map Fax=ignore.")), QStringLiteral("COLUMN=FIELD")},
            {QStringLiteral("tag"), t(QT_TRANSLATE_NOOP("luxctl", "Tag every imported contact (repeatable).")), QStringLiteral("T")},
            {QStringLiteral("on-duplicate"), t(QT_TRANSLATE_NOOP("luxctl", "skip (default), fill empty fields, or overwrite.")), QStringLiteral("POLICY")},
            {QStringLiteral("rejects"), t(QT_TRANSLATE_NOOP("luxctl", "Write rejected rows with line and reason to this CSV.")), QStringLiteral("OUT.csv")},
            {QStringLiteral("encoding"), t(QT_TRANSLATE_NOOP("luxctl", "auto (default), utf-8, utf-16le, utf-16be or windows-1252.")), QStringLiteral("E")},
            {QStringLiteral("delimiter"), t(QT_TRANSLATE_NOOP("luxctl", ", ; | or tab (default: sniffed).")), QStringLiteral("D")},
            defaultCountry,
            {QStringLiteral("consent"), t(QT_TRANSLATE_NOOP("luxctl", "The consent basis; each new contact gets a consent record with it.")), QStringLiteral("TEXT")},
            {QStringLiteral("sms-consent"), t(QT_TRANSLATE_NOOP("luxctl", "The SMS consent text people agreed to; every imported number gets SMS consent with it and the file as its source.")), QStringLiteral("TEXT")},
            {QStringLiteral("unknown-as-custom"), t(QT_TRANSLATE_NOOP("luxctl", "Unmapped columns become custom fields."))},
        };
    if (group == QLatin1String("contacts") && (command == QLatin1String("export") || command == QLatin1String("count")))
        return {
            {QStringLiteral("tag"), t(QT_TRANSLATE_NOOP("luxctl", "Only contacts with this tag.")), QStringLiteral("T")},
            {QStringLiteral("status"), t(QT_TRANSLATE_NOOP("luxctl", "Only contacts with this status.")), QStringLiteral("S")},
            {QStringLiteral("segment"), t(QT_TRANSLATE_NOOP("luxctl", "Only contacts in this saved segment.")), QStringLiteral("NAME")},
            {QStringLiteral("search"), t(QT_TRANSLATE_NOOP("luxctl", "Only contacts whose email, name or company has words starting with these.")), QStringLiteral("WORDS")},
        };
    if (group == QLatin1String("contacts") && command == QLatin1String("add"))
        return {
            {QStringLiteral("first-name"), t(QT_TRANSLATE_NOOP("luxctl", "First name.")), QStringLiteral("NAME")},
            {QStringLiteral("last-name"), t(QT_TRANSLATE_NOOP("luxctl", "Last name.")), QStringLiteral("NAME")},
            {QStringLiteral("phone"), t(QT_TRANSLATE_NOOP("luxctl", "Phone number.")), QStringLiteral("PHONE")},
            {QStringLiteral("company"), t(QT_TRANSLATE_NOOP("luxctl", "Company.")), QStringLiteral("NAME")},
            defaultCountry,
        };
    const QCommandLineOption channel(QStringLiteral("channel"), t(QT_TRANSLATE_NOOP("luxctl", "email (default) or sms.")), QStringLiteral("C"));
    if (group == QLatin1String("suppress") && (command == QLatin1String("add") || command == QLatin1String("import")))
        return {channel, {QStringLiteral("reason"), t(QT_TRANSLATE_NOOP("luxctl", "Why (default manual).")), QStringLiteral("TEXT")}, defaultCountry};
    if (group == QLatin1String("suppress") && command == QLatin1String("list"))
        return {channel};
    if (group == QLatin1String("segment") && command == QLatin1String("save"))
        return {{QStringLiteral("rules"), t(QT_TRANSLATE_NOOP("luxctl", "The JSON file with the rules.")), QStringLiteral("FILE.json")}};
    return {};
}

int runSegmentCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("save")) {
        if (ctx.args.size() != 1 || !ctx.isSet(QStringLiteral("rules")))
            return ctx.usage(ContactsTr::tr("segment save needs a name and --rules FILE.json."));
        const QString rulesPath = ctx.option(QStringLiteral("rules"));
        const auto json = InputFile::read(rulesPath, kMaxRulesFileBytes);
        if (!json) {
            Error e = json.error();
            if (e.code == errc::fileOpen)
                e.code = errc::segmentRulesFile; // the code scripts have seen for a file that cannot be read
            return ctx.fail(e);
        }
        const auto rules = contacts::Segment::parse(*json);
        if (!rules)
            return ctx.fail(Error(rules.error().code, rulesPath + QStringLiteral(": ") + rules.error().message));
        auto db = Database::open(ctx.databasePath);
        if (!db)
            return ctx.fail(db.error());
        const auto saved = contacts::SegmentRepository((*db)->connection()).save(ctx.args.first(), *rules, std::nullopt);
        if (!saved)
            return ctx.fail(saved.error());
        const auto n = contacts::Segment::count((*db)->connection(), saved->rules, QDateTime::currentMSecsSinceEpoch());
        return ctx.succeed({{QStringLiteral("id"), saved->id}, {QStringLiteral("name"), saved->name},
                            {QStringLiteral("count"), n ? *n : -1}},
                           ContactsTr::tr("Saved segment \"%1\" (%2 contacts now).").arg(saved->name).arg(n ? *n : -1));
    }
    if (command == QLatin1String("list")) {
        auto db = openForReading(ctx);
        if (!db)
            return ctx.fail(db.error());
        QJsonArray items;
        QStringList lines;
        for (const contacts::SavedSegment &s : contacts::SegmentRepository((*db)->connection()).list()) {
            const auto n = contacts::Segment::count((*db)->connection(), s.rules, QDateTime::currentMSecsSinceEpoch());
            items.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("count"), n ? *n : -1},
                                     {QStringLiteral("rules"), s.rules}});
            lines << QStringLiteral("%1\t%2").arg(s.name).arg(n ? *n : -1);
        }
        return ctx.succeed({{QStringLiteral("segments"), items}}, lines.join(QLatin1Char('\n')));
    }
    return ctx.usage(ContactsTr::tr("Unknown command 'segment %1'. Commands: save, list.").arg(command));
}

int runSuppressCommand(const QString &command, const CommandContext &ctx)
{
    const auto channel = contacts::SuppressionList::channelFromName(
        ctx.isSet(QStringLiteral("channel")) ? ctx.option(QStringLiteral("channel")) : QStringLiteral("email"));
    if (!channel)
        return ctx.usage(ContactsTr::tr("--channel takes email or sms."));
    const QString country = ctx.isSet(QStringLiteral("default-country")) ? ctx.option(QStringLiteral("default-country"))
                                                                         : QStringLiteral("US");
    const QString reason = ctx.isSet(QStringLiteral("reason")) ? ctx.option(QStringLiteral("reason")) : QStringLiteral("manual");
    if (command == QLatin1String("add") || command == QLatin1String("import")) {
        if (ctx.args.size() != 1)
            return ctx.usage(ContactsTr::tr("suppress %1 needs exactly one argument.").arg(command));
        auto db = Database::open(ctx.databasePath);
        if (!db)
            return ctx.fail(db.error());
        contacts::SuppressionList list((*db)->connection());
        if (command == QLatin1String("add")) {
            const auto added = list.add(*channel, ctx.args.first(), reason, std::nullopt, country);
            if (!added)
                return ctx.fail(added.error());
            return ctx.succeed({{QStringLiteral("added"), *added}},
                               *added ? ContactsTr::tr("%1 is now suppressed.").arg(ctx.args.first())
                                      : ContactsTr::tr("%1 was already suppressed.").arg(ctx.args.first()));
        }
        const auto result = list.importFile(*channel, QFileInfo(ctx.args.first()).absoluteFilePath(), reason, std::nullopt, country);
        if (!result)
            return ctx.fail(result.error());
        QString text = ContactsTr::tr("%1 addresses added, %2 already suppressed, %3 invalid.")
                           .arg(result->added)
                           .arg(result->already)
                           .arg(result->invalid.size());
        for (const QString &line : result->invalid.mid(0, 10))
            text += QStringLiteral("\n  ") + line;
        return ctx.succeed({{QStringLiteral("added"), result->added}, {QStringLiteral("already"), result->already},
                            {QStringLiteral("invalid"), QJsonArray::fromStringList(result->invalid)}},
                           text);
    }
    if (command == QLatin1String("list")) {
        auto db = openForReading(ctx);
        if (!db)
            return ctx.fail(db.error());
        contacts::SuppressionList list((*db)->connection());
        QJsonArray items;
        QStringList lines;
        for (const auto &e : list.entries(*channel)) {
            const QString shown = e.address.isEmpty() ? ContactsTr::tr("(erased)") : e.address;
            items.append(QJsonObject{{QStringLiteral("address"), e.address}, {QStringLiteral("reason"), e.reason},
                                     {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(e.at, Qt::UTC).toString(Qt::ISODate)}});
            lines << shown + QLatin1Char('\t') + e.reason;
        }
        return ctx.succeed({{QStringLiteral("count"), list.count(*channel)}, {QStringLiteral("entries"), items}},
                           lines.join(QLatin1Char('\n')));
    }
    return ctx.usage(ContactsTr::tr("Unknown command 'suppress %1'. Commands: add, import, list.").arg(command));
}

int forget(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(ContactsTr::tr("contacts forget needs exactly one argument: the email address."));
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    if (Status s = contacts::ContactEraser::forget((*db)->connection(), ctx.args.first(), std::nullopt); !s)
        return ctx.fail(s.error());
    return ctx.succeed({{QStringLiteral("forgotten"), true}},
                       ContactsTr::tr("Forgotten: the contact's data is erased and the address is suppressed as a hash."));
}

int runContactsCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("forget"))
        return forget(ctx);
    if (command == QLatin1String("import"))
        return import(ctx);
    if (command == QLatin1String("export"))
        return exportCsv(ctx);
    if (command == QLatin1String("add"))
        return add(ctx);
    if (command == QLatin1String("show"))
        return show(ctx);
    if (command == QLatin1String("count"))
        return count(ctx);
    return ctx.usage(ContactsTr::tr("Unknown command 'contacts %1'. Commands: import, export, add, show, count, forget.").arg(command));
}

} // namespace lux::cli
