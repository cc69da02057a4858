// SPDX-License-Identifier: GPL-3.0-or-later
#include "smscommands.h"

#include "sms/segments.h"

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
    Q_UNUSED(group);
    Q_UNUSED(command);
    return {};
}

int runSmsCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("segments"))
        return segments(ctx);
    return ctx.usage(SmsTr::tr("Unknown command 'sms %1'.").arg(command));
}

} // namespace lux::cli
