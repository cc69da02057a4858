// SPDX-License-Identifier: GPL-3.0-or-later
#include "optout.h"

#include <QRegularExpression>

namespace lux::sms {

QString OptOut::line(const QString &language)
{
    const QString lang = language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    // STOP stays in English in every language: it is the keyword Twilio's default opt-out handling
    // reads (provider-contracts.md §2.5), whatever the rest of the line says.
    if (lang == QLatin1String("en"))
        return QStringLiteral("Reply STOP to opt out");
    if (lang == QLatin1String("es"))
        return QStringLiteral("Responde STOP para darte de baja");
    return tr("Reply STOP to opt out");
}

bool OptOut::hasLine(QStringView text)
{
    // A keyword (STOP, or the Spanish BAJA) with the verb that asks for it, or followed by what it
    // does; a bare "stop" in a sentence ("don't stop now") is not an opt-out line.
    static const QRegularExpression re(
        QStringLiteral(
            // English: "reply/text/txt/send/respond STOP", "STOP to opt out/unsubscribe/end/cancel/quit/stop"
            "\\b(?:reply|text|txt|send|respond)\\s+[\"'“”‘’]?(?:stop|end|unsubscribe|cancel|quit)\\b"
            "|\\b(?:stop|end|unsubscribe|cancel|quit)[\"'“”‘’]?\\s+(?:to|2)\\s+(?:opt[\\s-]?out|unsubscribe|end|cancel|quit|stop)\\b"
            "|\\bopt[\\s-]?out\\s*:?\\s*(?:reply\\s+)?stop\\b"
            // Spanish: "responde/responda/contesta/envía/escribe STOP|BAJA", "STOP|BAJA para darte de baja/cancelar…"
            "|\\b(?:responde|responda|responder|contesta|conteste|env[ií]a|env[ií]e|escribe|escriba|manda|mande)\\s+"
            "[\"'“”‘’]?(?:stop|baja|alto|cancelar)\\b"
            "|\\b(?:stop|baja|alto)[\"'“”‘’]?\\s+para\\s+(?:darte|darse|dar(?:te|se)?\\s+de\\s+baja|cancelar|no\\s+recibir|salir|anular)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

QString withOptOutLine(const QString &text, const QString &language)
{
    if (text.trimmed().isEmpty() || OptOut::hasLine(text))
        return text;
    QString out = text;
    if (!out.endsWith(QLatin1Char('\n')))
        out += QLatin1Char('\n');
    out += OptOut::line(language);
    return out;
}

} // namespace lux::sms
