// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QStringView>

#include <optional>

namespace lux::sms {

// What an inbound text asks for. Stored by number in lux-tracker's database: never renumbered.
enum class Keyword : quint8 {
    Other = 0,  // an ordinary reply: the contact's inbox
    OptOut = 1, // a revocation of consent: the SMS suppression list, at once
    OptIn = 2,  // START, YES, UNSTOP: back in, once they had opted out
    Help = 3,   // HELP, INFO: the help text
};

// The class of an inbound text (keywords.cpp says which words and phrases, and why). Revocations
// are read generously, as the FCC's rule asks (anything a reasonable person would take for one);
// opting in and asking for help only as the whole message, since consent must be unambiguous.
Keyword classify(QStringView text);

// "opt-out", "opt-in", "help", "other": the name lux-tracker's event API uses.
QLatin1StringView keywordName(Keyword keyword);
std::optional<Keyword> keywordFromName(QStringView name);

} // namespace lux::sms
