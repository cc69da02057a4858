// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace lux::contacts {

// What kind of line a number is, as libphonenumber's metadata says (PhoneNumberUtil::PhoneNumberType),
// in our own words so nothing outside phonenumbers.cpp includes libphonenumber.
enum class PhoneType {
    Unknown,           // a valid number whose range the metadata does not type
    FixedLine,
    Mobile,
    FixedLineOrMobile, // the numbering plan cannot tell (all of North America, and a few others)
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber,    // follows its owner to any line (UK 070)
    Pager,
    Uan,               // one number for a company's several lines
    Voicemail,
    Invalid,           // stored before libphonenumber checked numbers, and refused by it now
};

struct PhoneNumber
{
    QString e164;        // "+13055550123": what is stored and what is texted
    QString extension;   // "45" from "… ext. 45"; never part of e164
    PhoneType type = PhoneType::Unknown;
    QString region;      // ISO 3166 alpha-2 of the number ("US", "GG"); "001" for non-geographic numbers
    int callingCode = 0; // 1, 44, 34…
    // North American numbers only: the US state or Canadian province (ISO 3166-2, "US-FL", "CA-ON") of
    // the area code, from libphonenumber's offline geocoder; several for area codes that span them
    // (867 is Yukon, the Northwest Territories and Nunavut). Empty when not known.
    QStringList subdivisions;
    QString place;       // the geocoder's English words for it: "Florida", "New York, NY"

    bool canBeTexted() const;
};

class PhoneNumbers
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::PhoneNumbers)
public:
    // Any number in any form ("(305) 555-0123", "+44 20 7946 0958", "0044 …", "612.345.678 ext. 9")
    // read with defaultRegion (ISO 3166 alpha-2) for numbers written without a country code, then
    // validated against the country's numbering plan. Safe from any thread.
    static Result<PhoneNumber> parse(const QString &input, const QString &defaultRegion);

    // Landlines are not texted, nor are toll-free, premium, shared-cost, pager, UAN or voicemail
    // numbers: they are businesses' and services' lines, or they cannot take an SMS.
    // FixedLineOrMobile is texted. In North America (and a few other plans) the number itself cannot
    // say whether it is a mobile: libphonenumber types every valid US and Canadian number that way, so
    // refusing it would text nobody there; ported numbers make any finer guess wrong anyway. A landline
    // reached that way fails at the carrier (Twilio's 30006) and costs one segment, which is the lesser
    // harm. VoIP numbers (Google Voice and the like) take texts.
    static bool canBeTexted(PhoneType type);

    // The stored form of a type ("mobile", "fixed_line_or_mobile", …: contacts.phone_type) and back.
    static QString typeCode(PhoneType type);
    static PhoneType typeFromCode(const QString &code); // Unknown for anything else
    static QStringList textableTypeCodes();
    static QString typeLabel(PhoneType type); // translated, for the UI

    // The US state or Canadian province codes of a North American number's area code (see
    // PhoneNumber::subdivisions), cached per area code. Empty for other numbers.
    static QStringList nanpSubdivisions(const QString &e164);
    // "Florida" for "US-FL", "Ontario" for "CA-ON"; the code itself when unknown.
    static QString subdivisionName(const QString &code);

    // contacts.phone_type and phone_region for rows that have a phone and no type yet (rows stored
    // before migration 13), in batches of batchSize: each batch is read, parsed outside any
    // transaction, then written in a short one (a row whose phone changed meanwhile is left to whoever
    // changed it), so it can run beside the app's own writes, stop between batches (cancel) and pick up
    // where it left off. Returns how many rows it filled. progress (may be empty) gets the count so
    // far after each batch.
    static Result<qint64> fillMissingTypes(QSqlDatabase db, int batchSize = 2000,
                                           const std::function<void(qint64)> &progress = {},
                                           const std::atomic_bool *cancel = nullptr);
};

} // namespace lux::contacts
