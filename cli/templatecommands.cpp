// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatecommands.h"

#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "common/savefile.h"
#include "contacts/addressing.h"
#include "content/mimemessage.h"
#include "content/templatestore.h"
#include "emaildocument.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>

namespace lux::cli {

namespace {

struct TemplateTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

// A template, component or brand kit file: a regular file only (a FIFO, a device or a directory is
// refused without blocking), at most TemplateStore::kMaxFileBytes.
Result<QString> readText(const QString &path)
{
    const auto read = InputFile::read(path, content::TemplateStore::kMaxFileBytes);
    if (!read)
        return read.error();
    const QByteArray &bytes = *read;
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return Error(errc::templateEncoding, TemplateTr::tr("%1 is not UTF-8 text.").arg(path));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

Status writeText(const QString &path, const QString &text)
{
    return saveToFile(path, text.toUtf8());
}

QString formatFor(const QString &path, const QString &given)
{
    if (!given.isEmpty())
        return given;
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("md") || suffix == QLatin1String("markdown") ? QStringLiteral("markdown") : QStringLiteral("html");
}

// A stored template by name, or a file (read as an unsaved template).
Result<content::EmailTemplate> templateFrom(const CommandContext &ctx, QSqlDatabase db)
{
    const QString ref = ctx.args.first();
    const QFileInfo info(ref);
    auto t = content::TemplateStore(db).find(ref);
    // A path that is there but is no regular file (a FIFO, /dev/zero, a directory) is refused by
    // readText, unless a template goes by that name.
    if (info.isFile() || (info.exists() && !t)) {
        const auto text = readText(ref);
        if (!text)
            return text.error();
        content::EmailTemplate file;
        file.name = info.completeBaseName();
        file.format = formatFor(ref, ctx.option(QStringLiteral("format")));
        file.source = *text;
        file.subject = ctx.option(QStringLiteral("subject"));
        file.preheader = ctx.option(QStringLiteral("preheader"));
        if (const auto html = content::TemplateRenderer::checkedHtml(file, ref); !html)
            return html.error();
        return file;
    }
    if (t && ctx.isSet(QStringLiteral("subject")))
        t->subject = ctx.option(QStringLiteral("subject"));
    if (t && ctx.isSet(QStringLiteral("preheader")))
        t->preheader = ctx.option(QStringLiteral("preheader"));
    return t;
}

} // namespace

QJsonArray findingsJson(const QList<content::Finding> &findings)
{
    QJsonArray list;
    for (const content::Finding &f : findings)
        list.append(QJsonObject{{QStringLiteral("severity"), content::Finding::severityName(f.severity)},
                                {QStringLiteral("code"), f.code},
                                {QStringLiteral("where"), content::Finding::whereName(f.where)},
                                {QStringLiteral("line"), f.line},
                                {QStringLiteral("column"), f.column},
                                {QStringLiteral("message"), f.message}});
    return list;
}

QString findingsText(const QString &file, const QList<content::Finding> &findings)
{
    QStringList lines;
    for (const content::Finding &f : findings) {
        const QString place = f.where == content::Finding::Where::Body && f.line > 0
                                  ? QStringLiteral("%1:%2:%3").arg(file).arg(f.line).arg(f.column)
                                  : content::Finding::whereName(f.where);
        lines << QStringLiteral("%1: %2: %3 [%4]").arg(place, content::Finding::severityName(f.severity), f.message, f.code);
    }
    return lines.join(u'\n');
}

QList<QCommandLineOption> templateOptions(const QString &group, const QString &command)
{
    Q_UNUSED(group)
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    const QList<QCommandLineOption> content{
        {QStringLiteral("subject"), t(QT_TRANSLATE_NOOP("luxctl", "The subject line (merge tags allowed).")), QStringLiteral("TEXT")},
        {QStringLiteral("preheader"), t(QT_TRANSLATE_NOOP("luxctl", "The preheader shown after the subject.")), QStringLiteral("TEXT")},
        {QStringLiteral("format"), t(QT_TRANSLATE_NOOP("luxctl", "html or markdown (default: from the file name).")), QStringLiteral("F")},
    };
    const QCommandLineOption contact(QStringLiteral("contact"), t(QT_TRANSLATE_NOOP("luxctl", "Merge for this contact.")), QStringLiteral("EMAIL"));
    if (command == QLatin1String("import"))
        return QList<QCommandLineOption>{{QStringLiteral("name"), t(QT_TRANSLATE_NOOP("luxctl", "The template's name.")), QStringLiteral("NAME")}}
               + content;
    if (command == QLatin1String("check"))
        return content + QList<QCommandLineOption>{contact};
    if (command == QLatin1String("render"))
        return content + QList<QCommandLineOption>{
            contact,
            {QStringLiteral("html"), t(QT_TRANSLATE_NOOP("luxctl", "Write the HTML part here.")), QStringLiteral("OUT")},
            {QStringLiteral("text"), t(QT_TRANSLATE_NOOP("luxctl", "Write the text part here.")), QStringLiteral("OUT")},
            {QStringLiteral("mime"), t(QT_TRANSLATE_NOOP("luxctl", "Write the whole message (RFC 5322, MIME) here.")), QStringLiteral("OUT")},
            {QStringLiteral("from"), t(QT_TRANSLATE_NOOP("luxctl", "With --mime: the sender, as \"Name <address>\" or an address.")), QStringLiteral("FROM")},
            {QStringLiteral("png"), t(QT_TRANSLATE_NOOP("luxctl", "Write the preview as a PNG here (remote images blocked).")), QStringLiteral("OUT")},
            {QStringLiteral("width"), t(QT_TRANSLATE_NOOP("luxctl", "With --png: the width in pixels (600, 800 or 375 for a phone).")), QStringLiteral("W")},
            {QStringLiteral("any-local-image"),
             t(QT_TRANSLATE_NOOP("luxctl", "With --png: show local images from anywhere this account can read (by default only from the template file's folder)."))},
        };
    if (command == QLatin1String("brand"))
        return {{QStringLiteral("default"), t(QT_TRANSLATE_NOOP("luxctl", "Make this the default brand kit."))}};
    return {};
}

int runTemplateCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("import")) {
        if (ctx.args.size() != 1 || ctx.option(QStringLiteral("name")).trimmed().isEmpty())
            return ctx.usage(TemplateTr::tr("template import needs a FILE and --name NAME."));
        const auto text = readText(ctx.args.first());
        if (!text)
            return ctx.fail(text.error());
        // The file within the limits first, named in the error, before the database is opened.
        content::EmailTemplate read;
        read.format = formatFor(ctx.args.first(), ctx.option(QStringLiteral("format")));
        read.source = *text;
        read.subject = ctx.option(QStringLiteral("subject"));
        read.preheader = ctx.option(QStringLiteral("preheader"));
        if (const auto html = content::TemplateRenderer::checkedHtml(read, ctx.args.first()); !html)
            return ctx.fail(html.error());
        auto db = Database::open(ctx.databasePath);
        if (!db)
            return ctx.fail(db.error());
        content::TemplateStore store((*db)->connection());
        content::EmailTemplate t;
        if (const auto existing = store.find(ctx.option(QStringLiteral("name"))); existing)
            t = *existing; // a new version of it
        t.name = ctx.option(QStringLiteral("name"));
        t.format = read.format;
        t.source = read.source;
        if (ctx.isSet(QStringLiteral("subject")))
            t.subject = read.subject;
        if (ctx.isSet(QStringLiteral("preheader")))
            t.preheader = read.preheader;
        const auto saved = store.save(t, std::nullopt);
        if (!saved)
            return ctx.fail(saved.error());
        const qsizetype versions = store.revisions(saved->id).size();
        return ctx.succeed({{QStringLiteral("id"), saved->id}, {QStringLiteral("name"), saved->name},
                            {QStringLiteral("format"), saved->format}, {QStringLiteral("versions"), versions}},
                           TemplateTr::tr("Saved template \"%1\" (%2, version %3).").arg(saved->name, saved->format).arg(versions));
    }
    if (command == QLatin1String("list")) {
        auto db = Database::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
        if (!db)
            return ctx.fail(db.error());
        QJsonArray items;
        QStringList lines;
        for (const content::EmailTemplate &t : content::TemplateStore((*db)->connection()).list()) {
            items.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("format"), t.format},
                                     {QStringLiteral("subject"), t.subject},
                                     {QStringLiteral("updated_at"), QDateTime::fromMSecsSinceEpoch(t.updatedAt, Qt::UTC).toString(Qt::ISODate)}});
            lines << QStringLiteral("%1\t%2\t%3").arg(t.name, t.format, t.subject);
        }
        return ctx.succeed({{QStringLiteral("templates"), items}}, lines.join(u'\n'));
    }
    if (command == QLatin1String("render") || command == QLatin1String("check")) {
        if (ctx.args.size() != 1)
            return ctx.usage(TemplateTr::tr("template %1 needs a template name or a file.").arg(command));
        auto db = Database::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
        if (!db)
            return ctx.fail(db.error());
        const auto t = templateFrom(ctx, (*db)->connection());
        if (!t)
            return ctx.fail(t.error());
        std::optional<contacts::Contact> contact;
        if (ctx.isSet(QStringLiteral("contact"))) {
            const auto found = contacts::ContactRepository((*db)->connection()).findByEmail(ctx.option(QStringLiteral("contact")));
            if (!found)
                return ctx.fail(found.error());
            contact = *found;
        }
        const content::TemplateRenderer renderer((*db)->connection());
        // Previews and checks use a placeholder for the per-recipient unsubscribe link.
        const QHash<QString, QString> links = {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://unsubscribe.invalid/preview")},
                                               {QStringLiteral("preferences_url"), QStringLiteral("https://preferences.invalid/preview")},
                                               {QStringLiteral("view_online_url"), QStringLiteral("https://view.invalid/preview")}};
        const content::RenderedEmail r = renderer.render(*t, contact ? &*contact : nullptr, links);
        // Over the limits (a template saved before them, or one its components make too large):
        // nothing was parsed, and there is nothing to check or show.
        for (const content::Finding &f : r.findings)
            if (content::PreSendCheck::refuses(f))
                return ctx.fail(Error(f.code, f.message));
        const QString file = QFileInfo(ctx.args.first()).isFile() ? ctx.args.first() : t->name;
        const bool blocked = content::PreSendCheck::blocks(r.findings);
        if (command == QLatin1String("check")) {
            const QJsonObject report{{QStringLiteral("template"), t->name}, {QStringLiteral("passed"), !blocked},
                                     {QStringLiteral("findings"), findingsJson(r.findings)}};
            const QString text = r.findings.isEmpty() ? TemplateTr::tr("%1: no problems found.").arg(file) : findingsText(file, r.findings);
            if (blocked)
                return ctx.fail(Error(errc::templateCheck, text), report);
            return ctx.succeed(report, text);
        }
        // render: merge problems stop it; other findings are the check's business.
        QList<content::Finding> mergeProblems;
        for (const content::Finding &f : r.findings)
            if (f.code == QLatin1String("merge.problem"))
                mergeProblems << f;
        if (!mergeProblems.isEmpty())
            return ctx.fail(Error(errc::templateMerge, findingsText(file, mergeProblems)),
                            {{QStringLiteral("findings"), findingsJson(mergeProblems)}});
        if (ctx.isSet(QStringLiteral("html")))
            if (Status s = writeText(ctx.option(QStringLiteral("html")), r.html); !s)
                return ctx.fail(s.error());
        if (ctx.isSet(QStringLiteral("text")))
            if (Status s = writeText(ctx.option(QStringLiteral("text")), r.text); !s)
                return ctx.fail(s.error());
        if (ctx.isSet(QStringLiteral("mime"))) {
            content::MimeInput in;
            const QString from = ctx.option(QStringLiteral("from")).trimmed();
            static const QRegularExpression named(QStringLiteral(R"(^(.*?)\s*<([^>]+)>$)"));
            if (const auto m = named.match(from); m.hasMatch()) {
                in.fromName = m.captured(1).remove(u'"');
                in.fromAddress = m.captured(2);
            } else {
                in.fromAddress = from.isEmpty() ? QStringLiteral("sender@example.invalid") : from;
            }
            if (const auto sender = contacts::Addressing::parseEmail(in.fromAddress); !sender)
                return ctx.fail(Error(sender.error().code, QStringLiteral("--from: ") + sender.error().message));
            else
                in.fromAddress = sender->ascii;
            in.toName = contact ? QString(contact->firstName + QLatin1Char(' ') + contact->lastName).trimmed() : QString();
            in.toAddress = QStringLiteral("recipient@example.invalid");
            if (contact)
                if (const auto to = contacts::Addressing::parseEmail(contact->email); to)
                    in.toAddress = to->ascii;
            in.subject = r.subject;
            in.html = r.html;
            in.text = r.text;
            in.date = QDateTime::currentDateTimeUtc();
            in.messageId = QStringLiteral("preview.%1@lux.invalid").arg(QString::number(in.date.toMSecsSinceEpoch(), 36));
            in.listUnsubscribeUrl = links.value(QStringLiteral("unsubscribe_url"));
            if (Status s = saveToFile(ctx.option(QStringLiteral("mime")), content::MimeMessage::build(in)); !s)
                return ctx.fail(s.error());
        }
        int pngHeight = 0;
        QJsonArray previewProblems;
        if (ctx.isSet(QStringLiteral("png"))) {
            bool ok = false;
            const int width = ctx.isSet(QStringLiteral("width")) ? ctx.option(QStringLiteral("width")).toInt(&ok) : (ok = true, 600);
            if (!ok || width < 200 || width > 2000)
                return ctx.usage(TemplateTr::tr("--width takes a number of pixels from 200 to 2000."));
            preview::PreviewOptions options;
            options.width = width;
            options.documentName = file;
            if (QFileInfo(ctx.args.first()).isFile()) {
                options.baseDirectory = QFileInfo(ctx.args.first()).absolutePath();
                options.images.folders = {options.baseDirectory}; // local images from the template's folder only
            }
            options.images.anyLocalFile = ctx.isSet(QStringLiteral("any-local-image"));
            const auto document = preview::EmailDocument::layout(r.html, options);
            if (!document)
                return ctx.fail(document.error());
            const QImage image = (*document)->toImage();
            pngHeight = image.height();
            for (const Error &problem : (*document)->problems()) { // what the picture leaves out
                previewProblems.append(QJsonObject{{QStringLiteral("code"), problem.code}, {QStringLiteral("message"), problem.message}});
                if (!ctx.json)
                    std::fprintf(stderr, "%s\n", qPrintable(TemplateTr::tr("warning: %1").arg(problem.message)));
            }
            const QString pngPath = ctx.option(QStringLiteral("png"));
            const Status saved = saveToFile(pngPath, [&](QIODevice &out) -> Status {
                if (!image.save(&out, "PNG"))
                    return Error(errc::templateWrite, TemplateTr::tr("Cannot write %1: %2").arg(pngPath, out.errorString()));
                return {};
            });
            if (!saved)
                return ctx.fail(saved.error());
        }
        const QJsonObject object{{QStringLiteral("subject"), r.subject}, {QStringLiteral("preheader"), r.preheader},
                                 {QStringLiteral("png_height"), pngHeight}, {QStringLiteral("preview_problems"), previewProblems},
                                 {QStringLiteral("html_bytes"), r.html.toUtf8().size()}, {QStringLiteral("text_bytes"), r.text.toUtf8().size()}};
        if (ctx.isSet(QStringLiteral("html")) || ctx.isSet(QStringLiteral("text")) || ctx.isSet(QStringLiteral("mime"))
            || ctx.isSet(QStringLiteral("png")))
            return ctx.succeed(object, TemplateTr::tr("Subject: %1").arg(r.subject));
        QJsonObject withHtml = object; // nowhere to write it: the HTML goes to standard output
        withHtml.insert(QStringLiteral("html"), r.html);
        return ctx.succeed(withHtml, r.html);
    }
    if (command == QLatin1String("component")) {
        if (ctx.args.size() != 2)
            return ctx.usage(TemplateTr::tr("template component needs a NAME and a FILE."));
        const auto text = readText(ctx.args.at(1));
        if (!text)
            return ctx.fail(text.error());
        auto db = Database::open(ctx.databasePath);
        if (!db)
            return ctx.fail(db.error());
        if (Status s = content::TemplateStore((*db)->connection()).saveComponent(ctx.args.first(), *text, std::nullopt); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("component"), ctx.args.first()}},
                           TemplateTr::tr("Saved component \"%1\"; include it with {{> %1}}.").arg(ctx.args.first()));
    }
    if (command == QLatin1String("brand")) {
        if (ctx.args.size() != 2)
            return ctx.usage(TemplateTr::tr("template brand needs a NAME and a FILE.json."));
        const auto text = readText(ctx.args.at(1));
        if (!text)
            return ctx.fail(text.error());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text->toUtf8(), &error);
        if (!doc.isObject())
            return ctx.fail(Error(errc::brandJson, TemplateTr::tr("%1: not a JSON object (%2 at offset %3).")
                                                                     .arg(ctx.args.at(1), error.errorString()).arg(error.offset)));
        auto db = Database::open(ctx.databasePath);
        if (!db)
            return ctx.fail(db.error());
        if (Status s = content::TemplateStore((*db)->connection()).saveBrandKit(ctx.args.first(), doc.object(),
                                                                                ctx.isSet(QStringLiteral("default")), std::nullopt);
            !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("brand_kit"), ctx.args.first()}}, TemplateTr::tr("Saved brand kit \"%1\".").arg(ctx.args.first()));
    }
    return ctx.usage(TemplateTr::tr("Unknown command 'template %1'. Commands: import, list, render, check, component, brand.").arg(command));
}

} // namespace lux::cli
