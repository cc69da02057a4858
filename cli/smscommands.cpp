// SPDX-License-Identifier: GPL-3.0-or-later
#include "smscommands.h"

#include "campaigns/senderstore.h"
#include "sms/segments.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cstdio>

namespace lux::cli {

namespace {

struct SmsTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

// The fields in the order the issue documents them, so a script (or a person) reading the line sees
// the encoding first; QJsonObject would sort them.
QString segmentsJson(const sms::SegmentCount &c)
{
    QJsonArray chars;
    for (const QString &s : c.ucs2CharStrings())
        chars.append(s);
    return QStringLiteral("{\"encoding\":\"%1\",\"segments\":%2,\"units\":%3,\"per_segment\":%4,\"ucs2_chars\":%5}")
        .arg(c.encodingName()) // "GSM-7" or "UCS-2": nothing to escape
        .arg(c.segments)
        .arg(c.units)
        .arg(c.perSegment)
        .arg(QString::fromUtf8(QJsonDocument(chars).toJson(QJsonDocument::Compact)));
}

QString segmentsText(const sms::SegmentCount &c)
{
    const QLocale locale;
    QString text = c.encoding == sms::Encoding::Gsm7
                       ? SmsTr::tr("GSM-7: %n segment(s), %1 septets (%2 a segment), %3 left in the last one.", nullptr, c.segments)
                       : SmsTr::tr("UCS-2: %n segment(s), %1 UTF-16 units (%2 a segment), %3 left in the last one.", nullptr, c.segments);
    text = text.arg(locale.toString(c.units), locale.toString(c.perSegment), locale.toString(c.unitsLeft));
    if (!c.ucs2Chars.isEmpty())
        text += QLatin1Char('\n') + SmsTr::tr("Forcing UCS-2: %1").arg(c.ucs2CharStrings().join(QLatin1Char(' ')));
    return text;
}

int segments(const CommandContext &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.usage(SmsTr::tr("Give the text as one argument (in quotes), or - to read it from standard input."));
    QString text = ctx.args.first();
    if (text == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.usage(SmsTr::tr("Cannot read standard input."));
        text = QString::fromUtf8(in.readAll());
        // What `echo` and here-documents add is not part of the message.
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
    }
    const sms::SegmentCount c = sms::Segments::count(text);
    if (const Status length = sms::Segments::checkLength(text); !length) {
        // Still the counts, beside the error, so a script can say by how much.
        return ctx.fail(length.error(), QJsonObject{{QStringLiteral("encoding"), c.encodingName()},
                                                    {QStringLiteral("segments"), c.segments},
                                                    {QStringLiteral("units"), c.units},
                                                    {QStringLiteral("per_segment"), c.perSegment},
                                                    {QStringLiteral("ucs2_chars"), QJsonArray::fromStringList(c.ucs2CharStrings())}});
    }
    const QByteArray out = (ctx.json ? segmentsJson(c) : segmentsText(c)).toUtf8() + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return ExitOk;
}

} // namespace

QList<QCommandLineOption> smsOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (group == QLatin1String("sms") && command == QLatin1String("sender"))
        return {
            {QStringLiteral("per-second"), t(QT_TRANSLATE_NOOP("luxctl", "Messages a second (default by kind: long code 1, toll-free 3, short code 100, service 10).")), QStringLiteral("N")},
            {QStringLiteral("per-day"), t(QT_TRANSLATE_NOOP("luxctl", "Texts in any 24 hours (default 10000).")), QStringLiteral("N")},
            {QStringLiteral("concurrency"), t(QT_TRANSLATE_NOOP("luxctl", "Requests at once, 1 to 32 (default 4).")), QStringLiteral("N")},
            {QStringLiteral("kind"), t(QT_TRANSLATE_NOOP("luxctl", "long-code, toll-free, short-code or service (default: from the number).")), QStringLiteral("KIND")},
        };
    return {};
}

namespace {

QJsonObject senderJson(const campaigns::SenderMailbox &s)
{
    return {{QStringLiteral("address"), s.address},       {QStringLiteral("kind"), s.kind},
            {QStringLiteral("per_second"), s.limits.perSecond}, {QStringLiteral("per_day"), s.limits.perDay},
            {QStringLiteral("concurrency"), s.limits.concurrency}};
}

// luxctl sms sender add NUMBER [--per-second N] [--per-day N] [--concurrency N] [--kind K]
//        sms sender list | sms sender remove NUMBER
int sender(const CommandContext &ctx)
{
    const QString action = ctx.args.value(0);
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    campaigns::SenderStore store((*db)->connection(), QStringLiteral("sms"));
    if (action == QLatin1String("add") && ctx.args.size() == 2) {
        campaigns::SenderPacer::Limits limits(4, 60, 10000, 0);
        bool ok = true;
        const auto number = [&](const QString &name, int &into) {
            if (ctx.isSet(name)) {
                bool valid = false;
                into = ctx.option(name).toInt(&valid);
                ok = ok && valid && into > 0;
            }
        };
        number(QStringLiteral("per-second"), limits.perSecond);
        number(QStringLiteral("per-day"), limits.perDay);
        number(QStringLiteral("concurrency"), limits.concurrency);
        if (!ok)
            return ctx.usage(SmsTr::tr("--per-second, --per-day and --concurrency take whole numbers above 0."));
        const auto saved = store.save(ctx.args.value(1), limits, ctx.option(QStringLiteral("kind")));
        if (!saved)
            return ctx.fail(saved.error());
        return ctx.succeed(senderJson(*saved), SmsTr::tr("Sending number %1 (%2): %3 a second, %4 a day, %5 at once.")
                                                   .arg(saved->address, saved->kind)
                                                   .arg(saved->limits.perSecond)
                                                   .arg(saved->limits.perDay)
                                                   .arg(saved->limits.concurrency));
    }
    if (action == QLatin1String("remove") && ctx.args.size() == 2) {
        if (Status s = store.remove(ctx.args.value(1)); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("removed"), ctx.args.value(1)}}, SmsTr::tr("%1 no longer sends texts.").arg(ctx.args.value(1)));
    }
    if (action == QLatin1String("list") && ctx.args.size() == 1) {
        QJsonArray all;
        QStringList lines;
        for (const campaigns::SenderMailbox &s : store.list()) {
            all.append(senderJson(s));
            lines << SmsTr::tr("%1 (%2): %3 a second").arg(s.address, s.kind).arg(s.limits.perSecond);
        }
        return ctx.succeed({{QStringLiteral("senders"), all}}, lines.join(u'\n'));
    }
    return ctx.usage(SmsTr::tr("Usage: sms sender add NUMBER [--per-second N] [--per-day N] [--concurrency N] [--kind KIND] | sms sender list | sms sender remove NUMBER"));
}

} // namespace

int runSmsCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("segments"))
        return segments(ctx);
    if (command == QLatin1String("sender"))
        return sender(ctx);
    return ctx.usage(SmsTr::tr("Unknown command 'sms %1'.").arg(command));
}

} // namespace lux::cli
