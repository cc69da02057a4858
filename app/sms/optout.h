// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace lux::sms {

// The opt-out line of marketing texts (CTIA: tell people how to stop; compliance.md, SMS). It goes to
// the recipient, so it is written in the campaign's language, not the app's.
class OptOut
{
    Q_DECLARE_TR_FUNCTIONS(lux::sms::OptOut)
public:
    // "Reply STOP to opt out" in language ("en", "es", "es-MX"…); for a language without its own line,
    // the app's translation of the English one.
    static QString line(const QString &language);

    // Whether text already tells how to opt out, in English or Spanish, in any case: "Reply STOP to opt
    // out", "Text STOP to unsubscribe", "STOP to end", "Responde STOP para darte de baja", "Envía BAJA"…
    static bool hasLine(QStringView text);
};

// text with the opt-out line in language appended on a line of its own, unless it already has one
// (or is empty: nothing is sent then).
QString withOptOutLine(const QString &text, const QString &language);

} // namespace lux::sms
