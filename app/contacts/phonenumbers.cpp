// SPDX-License-Identifier: GPL-3.0-or-later
#include "phonenumbers.h"

#include "common/errorcodes.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"

#include <QHash>
#include <QLocale>
#include <QReadWriteLock>
#include <QRegularExpression>

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <memory>
#include <string>

namespace lux::contacts {

namespace {

using i18n::phonenumbers::PhoneNumberOfflineGeocoder;
using i18n::phonenumbers::PhoneNumberUtil;
using LibNumber = i18n::phonenumbers::PhoneNumber;

// PhoneNumberUtil is a process-wide singleton whose const methods are documented as thread-safe. The
// geocoder loads its prefix maps lazily under its own absl::Mutex, so one shared instance serves every
// thread too; it is built once (a function-local static: C++11 makes that initialisation thread-safe).
const PhoneNumberUtil &util()
{
    return *PhoneNumberUtil::GetInstance();
}

const PhoneNumberOfflineGeocoder &geocoder()
{
    static const PhoneNumberOfflineGeocoder instance;
    return instance;
}

const icu::Locale &english()
{
    static const icu::Locale locale("en");
    return locale;
}

PhoneType typeOf(PhoneNumberUtil::PhoneNumberType t)
{
    switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return PhoneType::FixedLine;
    case PhoneNumberUtil::MOBILE: return PhoneType::Mobile;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return PhoneType::FixedLineOrMobile;
    case PhoneNumberUtil::TOLL_FREE: return PhoneType::TollFree;
    case PhoneNumberUtil::PREMIUM_RATE: return PhoneType::PremiumRate;
    case PhoneNumberUtil::SHARED_COST: return PhoneType::SharedCost;
    case PhoneNumberUtil::VOIP: return PhoneType::Voip;
    case PhoneNumberUtil::PERSONAL_NUMBER: return PhoneType::PersonalNumber;
    case PhoneNumberUtil::PAGER: return PhoneType::Pager;
    case PhoneNumberUtil::UAN: return PhoneType::Uan;
    case PhoneNumberUtil::VOICEMAIL: return PhoneType::Voicemail;
    case PhoneNumberUtil::UNKNOWN: break;
    }
    return PhoneType::Unknown;
}

struct TypeName
{
    PhoneType type;
    const char *code;
};
constexpr TypeName kTypeCodes[] = {
    {PhoneType::Unknown, "unknown"},
    {PhoneType::FixedLine, "fixed_line"},
    {PhoneType::Mobile, "mobile"},
    {PhoneType::FixedLineOrMobile, "fixed_line_or_mobile"},
    {PhoneType::TollFree, "toll_free"},
    {PhoneType::PremiumRate, "premium_rate"},
    {PhoneType::SharedCost, "shared_cost"},
    {PhoneType::Voip, "voip"},
    {PhoneType::PersonalNumber, "personal_number"},
    {PhoneType::Pager, "pager"},
    {PhoneType::Uan, "uan"},
    {PhoneType::Voicemail, "voicemail"},
    {PhoneType::Invalid, "invalid"},
};

// The geocoder's English words for US states and Canadian provinces (the whole names it uses at the
// area-code level; a city comes as "Miami, FL" and is read by its abbreviation instead).
const QHash<QString, QString> &subdivisionByName()
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> h;
        const char *const us[][2] = {
            {"Alabama", "AL"}, {"Alaska", "AK"}, {"Arizona", "AZ"}, {"Arkansas", "AR"}, {"California", "CA"},
            {"Colorado", "CO"}, {"Connecticut", "CT"}, {"Delaware", "DE"}, {"Washington D.C.", "DC"},
            {"Florida", "FL"}, {"Georgia", "GA"}, {"Hawaii", "HI"}, {"Idaho", "ID"}, {"Illinois", "IL"},
            {"Indiana", "IN"}, {"Iowa", "IA"}, {"Kansas", "KS"}, {"Kentucky", "KY"}, {"Louisiana", "LA"},
            {"Maine", "ME"}, {"Maryland", "MD"}, {"Massachusetts", "MA"}, {"Michigan", "MI"}, {"Minnesota", "MN"},
            {"Mississippi", "MS"}, {"Missouri", "MO"}, {"Montana", "MT"}, {"Nebraska", "NE"}, {"Nevada", "NV"},
            {"New Hampshire", "NH"}, {"New Jersey", "NJ"}, {"New Mexico", "NM"}, {"New York", "NY"},
            {"North Carolina", "NC"}, {"North Dakota", "ND"}, {"Ohio", "OH"}, {"Oklahoma", "OK"}, {"Oregon", "OR"},
            {"Pennsylvania", "PA"}, {"Rhode Island", "RI"}, {"South Carolina", "SC"}, {"South Dakota", "SD"},
            {"Tennessee", "TN"}, {"Texas", "TX"}, {"Utah", "UT"}, {"Vermont", "VT"}, {"Virginia", "VA"},
            {"Washington", "WA"}, {"Washington State", "WA"}, {"West Virginia", "WV"}, {"Wisconsin", "WI"},
            {"Wyoming", "WY"},
            // Places the geocoder names without their state.
            {"Long Island", "NY"}, {"Philadelphia", "PA"},
        };
        for (const auto &n : us)
            h.insert(QString::fromLatin1(n[0]), QStringLiteral("US-") + QLatin1String(n[1]));
        const char *const ca[][2] = {
            {"Alberta", "AB"}, {"British Columbia", "BC"}, {"Manitoba", "MB"}, {"New Brunswick", "NB"},
            {"Newfoundland and Labrador", "NL"}, {"Northwest Territories", "NT"}, {"Nova Scotia", "NS"},
            {"Nunavut", "NU"}, {"Ontario", "ON"}, {"Prince Edward Island", "PE"}, {"Quebec", "QC"},
            {"Saskatchewan", "SK"}, {"Yukon", "YT"},
        };
        for (const auto &n : ca)
            h.insert(QString::fromLatin1(n[0]), QStringLiteral("CA-") + QLatin1String(n[1]));
        return h;
    }();
    return names;
}

const QSet<QString> &canadianAbbreviations()
{
    static const QSet<QString> abbreviations = {
        QStringLiteral("AB"), QStringLiteral("BC"), QStringLiteral("MB"), QStringLiteral("NB"), QStringLiteral("NL"),
        QStringLiteral("NT"), QStringLiteral("NS"), QStringLiteral("NU"), QStringLiteral("ON"), QStringLiteral("PE"),
        QStringLiteral("QC"), QStringLiteral("SK"), QStringLiteral("YT")};
    return abbreviations;
}

// "Florida" → US-FL; "Miami, FL" → US-FL; "Northwest Territories/Nunavut/Yukon" → the three.
QStringList subdivisionsOf(const QString &description)
{
    static const QRegularExpression cityState(QStringLiteral(", ([A-Z]{2})$"));
    if (const auto m = cityState.match(description); m.hasMatch()) {
        const QString abbreviation = m.captured(1);
        if (canadianAbbreviations().contains(abbreviation))
            return {QStringLiteral("CA-") + abbreviation};
        return {QStringLiteral("US-") + abbreviation};
    }
    QStringList codes;
    for (const QString &part : description.split(QLatin1Char('/'))) {
        const QString code = subdivisionByName().value(part.trimmed());
        if (code.isEmpty())
            return {};
        codes << code;
    }
    return codes;
}

// Area code → subdivisions. An area code never crosses a state or province line, so the geocoder's
// answer for a few numbers of the area code is the answer for all of them; asking with made-up
// subscriber numbers keeps the result the same whichever number came first.
QStringList lookUpArea(int npa)
{
    static QReadWriteLock lock;
    static QHash<int, QStringList> cache;
    {
        QReadLocker read(&lock);
        if (const auto it = cache.constFind(npa); it != cache.constEnd())
            return *it;
    }
    QStringList found;
    for (int exchange = 2; exchange <= 9 && found.isEmpty(); ++exchange) {
        LibNumber probe;
        probe.set_country_code(1);
        probe.set_national_number(google::protobuf::uint64(npa) * 10'000'000 + google::protobuf::uint64(exchange) * 1'111'111);
        const std::string description = geocoder().GetDescriptionForValidNumber(probe, english());
        found = subdivisionsOf(QString::fromStdString(description));
    }
    QWriteLocker write(&lock);
    cache.insert(npa, found);
    return found;
}

QString countryName(const QString &region)
{
    const QLocale::Territory t = QLocale::codeToTerritory(region);
    return t == QLocale::AnyTerritory ? region : QLocale::territoryToString(t);
}

} // namespace

bool PhoneNumber::canBeTexted() const
{
    return PhoneNumbers::canBeTexted(type);
}

bool PhoneNumbers::canBeTexted(PhoneType type)
{
    return type == PhoneType::Mobile || type == PhoneType::FixedLineOrMobile || type == PhoneType::Voip;
}

QString PhoneNumbers::typeCode(PhoneType type)
{
    for (const TypeName &t : kTypeCodes)
        if (t.type == type)
            return QString::fromLatin1(t.code);
    return QStringLiteral("unknown");
}

PhoneType PhoneNumbers::typeFromCode(const QString &code)
{
    for (const TypeName &t : kTypeCodes)
        if (code == QLatin1String(t.code))
            return t.type;
    return PhoneType::Unknown;
}

QStringList PhoneNumbers::textableTypeCodes()
{
    QStringList codes;
    for (const TypeName &t : kTypeCodes)
        if (canBeTexted(t.type))
            codes << QString::fromLatin1(t.code);
    return codes;
}

QString PhoneNumbers::typeLabel(PhoneType type)
{
    switch (type) {
    case PhoneType::FixedLine: return tr("Landline");
    case PhoneType::Mobile: return tr("Mobile");
    case PhoneType::FixedLineOrMobile: return tr("Landline or mobile");
    case PhoneType::TollFree: return tr("Toll-free");
    case PhoneType::PremiumRate: return tr("Premium rate");
    case PhoneType::SharedCost: return tr("Shared cost");
    case PhoneType::Voip: return tr("VoIP");
    case PhoneType::PersonalNumber: return tr("Personal number");
    case PhoneType::Pager: return tr("Pager");
    case PhoneType::Uan: return tr("Company number (UAN)");
    case PhoneType::Voicemail: return tr("Voicemail");
    case PhoneType::Invalid: return tr("Not a valid number");
    case PhoneType::Unknown: break;
    }
    return tr("Unknown");
}

QStringList PhoneNumbers::nanpSubdivisions(const QString &e164)
{
    if (e164.size() != 12 || !e164.startsWith(QLatin1String("+1")))
        return {};
    bool ok = false;
    const int npa = QStringView(e164).mid(2, 3).toInt(&ok);
    return ok ? lookUpArea(npa) : QStringList{};
}

QString PhoneNumbers::subdivisionName(const QString &code)
{
    static const QHash<QString, QString> byCode = [] {
        QHash<QString, QString> h;
        for (auto it = subdivisionByName().constBegin(); it != subdivisionByName().constEnd(); ++it)
            if (!h.contains(it.value()) || it.key().size() < h.value(it.value()).size())
                h.insert(it.value(), it.key()); // "Washington" rather than "Washington State"
        h.insert(QStringLiteral("US-NY"), QStringLiteral("New York"));
        h.insert(QStringLiteral("US-PA"), QStringLiteral("Pennsylvania"));
        return h;
    }();
    return byCode.value(code, code);
}

Result<PhoneNumber> PhoneNumbers::parse(const QString &input, const QString &defaultRegion)
{
    const QString text = input.trimmed();
    const auto invalid = [&](QLatin1StringView code, const QString &why) {
        return Error(code, tr("\"%1\" is not a valid phone number: %2").arg(text, why));
    };
    if (text.isEmpty())
        return invalid(errc::phoneInvalid, tr("it is empty."));
    const QString region = defaultRegion.trimmed().toUpper();
    LibNumber number;
    auto parsed = util().Parse(text.toStdString(), region.isEmpty() ? std::string("ZZ") : region.toStdString(), &number);
    // 00 is the international prefix almost everywhere but North America (011), and lists written
    // there still carry numbers like "0044 20 …": read such a number as international when the
    // default country's own plan cannot (no national number in North America starts with 0).
    if (text.startsWith(QLatin1String("00"))
        && (parsed != PhoneNumberUtil::NO_PARSING_ERROR || !util().IsValidNumber(number))) {
        LibNumber international;
        const QString plus = QLatin1Char('+') + text.mid(2);
        if (util().Parse(plus.toStdString(), "ZZ", &international) == PhoneNumberUtil::NO_PARSING_ERROR
            && util().IsValidNumber(international)) {
            number = international;
            parsed = PhoneNumberUtil::NO_PARSING_ERROR;
        }
    }
    switch (parsed) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        if (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1String("00")))
            return invalid(errc::phoneCountryCode, tr("the country calling code after the + is not in use anywhere."));
        if (region.isEmpty())
            return invalid(errc::phoneNoCountry, tr("it has no country code (+…) and no default country is set."));
        return invalid(errc::phoneNoCountry,
                       tr("it has no country code (+…) and the default country \"%1\" is not a known country.").arg(region));
    case PhoneNumberUtil::NOT_A_NUMBER:
        return invalid(errc::phoneInvalid, tr("it does not read as a phone number (too few digits, or letters and signs "
                                              "that do not belong in one)."));
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return invalid(errc::phoneLength, tr("too few digits after the international prefix."));
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return invalid(errc::phoneLength, tr("too few digits after the country code."));
    case PhoneNumberUtil::TOO_LONG_NSN:
        return invalid(errc::phoneLength, tr("too many digits after the country code."));
    }

    std::string regionCode;
    util().GetRegionCodeForNumber(number, &regionCode);
    const QString numberRegion = QString::fromStdString(regionCode);
    const int cc = int(number.country_code());
    const QString nsn = QString::number(quint64(number.national_number()));
    if (!util().IsValidNumber(number)) {
        std::string mainRegion;
        util().GetRegionCodeForCountryCode(cc, &mainRegion);
        const QString country = countryName(QString::fromStdString(mainRegion));
        const int digits = int(nsn.size()) + (number.italian_leading_zero() ? number.number_of_leading_zeros() : 0);
        switch (util().IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::TOO_SHORT:
            return invalid(errc::phoneLength, tr("%n digit(s) after +%1 is too few for a number in %2.", "", digits).arg(cc).arg(country));
        case PhoneNumberUtil::TOO_LONG:
            return invalid(errc::phoneLength, tr("%n digit(s) after +%1 is too many for a number in %2.", "", digits).arg(cc).arg(country));
        case PhoneNumberUtil::INVALID_LENGTH:
            return invalid(errc::phoneLength, tr("no number in %2 has %n digit(s) after +%1.", "", digits).arg(cc).arg(country));
        case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
            return invalid(errc::phoneLength, tr("it is a local number in %1: add the area code.").arg(country));
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            return invalid(errc::phoneCountryCode, tr("the country calling code +%1 is not in use.").arg(cc));
        case PhoneNumberUtil::IS_POSSIBLE:
            break;
        }
        return invalid(errc::phoneUnassigned, tr("it has the length of a number in %1, but no number there starts with "
                                                 "+%2 %3 (the range is not assigned).")
                                                  .arg(country)
                                                  .arg(cc)
                                                  .arg(nsn.left(3)));
    }

    PhoneNumber p;
    std::string e164;
    util().Format(number, PhoneNumberUtil::E164, &e164);
    p.e164 = QString::fromStdString(e164);
    p.extension = QString::fromStdString(number.extension());
    p.type = typeOf(util().GetNumberType(number));
    p.region = numberRegion;
    p.callingCode = cc;
    if (cc == 1 && (numberRegion == QLatin1String("US") || numberRegion == QLatin1String("CA"))) {
        p.subdivisions = nanpSubdivisions(p.e164);
        QStringList names;
        for (const QString &s : std::as_const(p.subdivisions))
            names << subdivisionName(s);
        p.place = names.join(QLatin1Char('/'));
    }
    return p;
}

Result<qint64> PhoneNumbers::fillMissingTypes(QSqlDatabase db, int batchSize, const std::function<void(qint64)> &progress,
                                              const std::atomic_bool *cancel)
{
    storage::SqliteStatement pick(db, "SELECT id, phone FROM contacts WHERE phone_type IS NULL AND phone IS NOT NULL "
                                      "AND phone <> '' AND id > ?1 ORDER BY id LIMIT ?2");
    storage::SqliteStatement set(db, "UPDATE contacts SET phone_type = ?1, phone_region = ?2 "
                                     "WHERE id = ?3 AND phone = ?4 AND phone_type IS NULL");
    for (const storage::SqliteStatement *st : {&pick, &set})
        if (!st->isValid())
            return Error(errc::dbWrite, st->errorText());
    struct Typed
    {
        qint64 id;
        QString phone, type, region;
    };
    qint64 filled = 0;
    qint64 after = 0;
    QList<Typed> rows;
    while (!(cancel && cancel->load())) {
        rows.clear();
        pick.bindInt(1, after);
        pick.bindInt(2, batchSize);
        while (pick.step())
            rows.append({pick.columnInt(0), pick.columnText(1), {}, {}});
        const bool readOk = pick.ok();
        const QString readError = pick.errorText();
        pick.reset();
        if (!readOk)
            return Error(errc::dbWrite, readError);
        if (rows.isEmpty())
            break;
        for (Typed &row : rows) {
            // Stored numbers are E.164 already (the old code wrote them), so no default country is needed;
            // one the old table let through and libphonenumber refuses is marked, not dropped.
            const auto parsed = parse(row.phone, {});
            row.type = parsed ? typeCode(parsed->type) : typeCode(PhoneType::Invalid);
            row.region = parsed ? parsed->region : QString();
        }
        storage::Transaction tx(db);
        if (!tx.isOpen())
            return tx.beginError();
        for (const Typed &row : std::as_const(rows)) {
            set.bindTextAlways(1, row.type);
            set.bindText(2, row.region);
            set.bindInt(3, row.id);
            set.bindTextAlways(4, row.phone);
            set.step();
            if (!set.ok())
                return Error(errc::dbWrite, set.errorText());
            set.reset();
        }
        if (Status s = tx.commit(); !s)
            return s.error();
        filled += rows.size();
        after = rows.constLast().id;
        if (progress)
            progress(filled);
    }
    return filled;
}

} // namespace lux::contacts
