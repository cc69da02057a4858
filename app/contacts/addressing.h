// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace lux::contacts {

// An email address as the app keeps it: trimmed, the domain lower-cased and kept readable (Unicode),
// with its ASCII (punycode) form for sending and a case-insensitive key for uniqueness.
struct EmailAddress
{
    QString display;  // "José@Bücher.example" → "José@bücher.example"
    QString ascii;    // "José@xn--bcher-kva.example"  (what goes on the wire; local part as given)
    QString key;      // "josé@xn--bcher-kva.example"  (compared case-insensitively)
};

class Addressing
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::Addressing)
public:
    // The practical RFC 5321/5322 subset serious senders accept: a dot-atom local part (no quoted
    // strings, comments or IP literals), at most 64 octets; a domain of at least two labels, each 1–63
    // characters of letters, digits and inner hyphens, IDN allowed; at most 254 octets in all.
    // domainCache, when given, remembers each domain's ASCII form (lists repeat a few domains a lot).
    static Result<EmailAddress> parseEmail(const QString &input, QHash<QString, QString> *domainCache = nullptr);

    // The number in E.164, read and checked by libphonenumber (PhoneNumbers::parse, which also gives
    // its type and region): defaultCountry (ISO 3166 alpha-2) for numbers written without a country code.
    static Result<QString> toE164(const QString &input, const QString &defaultCountry);
};

} // namespace lux::contacts
