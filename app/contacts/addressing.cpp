// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressing.h"

#include "common/errorcodes.h"

#include <QHash>
#include <QUrl>

namespace lux::contacts {

namespace {

bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return c.isLetterOrNumber(); // internationalised local parts (RFC 6531), letters and digits only
    if (c.isLetterOrNumber())
        return true;
    static const QString specials = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return specials.contains(c);
}

} // namespace

Result<EmailAddress> Addressing::parseEmail(const QString &input, QHash<QString, QString> *domainCache)
{
    const QString text = input.trimmed();
    const auto invalid = [&](const QString &why) {
        return Error(errc::emailInvalid, tr("\"%1\" is not a valid email address: %2").arg(text, why));
    };
    if (text.isEmpty())
        return Error(errc::emailEmpty, tr("The email address is empty."));
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return invalid(tr("it has no @."));
    const QString local = text.left(at);
    const QString domain = text.mid(at + 1).toLower();
    if (local.isEmpty())
        return invalid(tr("nothing before the @."));
    if (domain.isEmpty())
        return invalid(tr("nothing after the @."));
    if (local.toUtf8().size() > 64)
        return invalid(tr("the part before the @ is longer than 64 characters."));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || local.contains(QStringLiteral("..")))
        return invalid(tr("dots must sit between characters before the @."));
    for (const QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return invalid(tr("the character '%1' is not allowed before the @.").arg(c));
    }
    QString asciiDomain = domainCache ? domainCache->value(domain) : QString();
    if (asciiDomain.isEmpty()) {
        const QStringList labels = domain.split(QLatin1Char('.'));
        if (labels.size() < 2)
            return invalid(tr("the domain needs a dot, as in example.com."));
        for (const QString &label : labels) {
            if (label.isEmpty())
                return invalid(tr("the domain has an empty part."));
            if (label.size() > 63)
                return invalid(tr("a domain part is longer than 63 characters."));
            if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
                return invalid(tr("a domain part cannot start or end with a hyphen."));
            for (const QChar c : label) {
                if (!(c.isLetterOrNumber() || c == QLatin1Char('-')))
                    return invalid(tr("the character '%1' is not allowed in the domain.").arg(c));
            }
        }
        const QByteArray ace = QUrl::toAce(domain, QUrl::AceTransitionalProcessing);
        if (ace.isEmpty())
            return invalid(tr("the domain is not a valid international domain name."));
        asciiDomain = QString::fromLatin1(ace);
        for (const QString &label : asciiDomain.split(QLatin1Char('.')))
            if (label.size() > 63)
                return invalid(tr("a domain part is longer than 63 characters."));
        const QString tld = asciiDomain.section(QLatin1Char('.'), -1);
        bool numericTld = true;
        for (const QChar c : tld)
            numericTld = numericTld && c.isDigit();
        if (numericTld)
            return invalid(tr("the domain ends in a number."));
        if (domainCache && domainCache->size() < 100000)
            domainCache->insert(domain, asciiDomain);
    }
    EmailAddress e;
    e.display = local + QLatin1Char('@') + domain;
    e.ascii = local + QLatin1Char('@') + asciiDomain;
    if (e.ascii.toUtf8().size() > 254)
        return invalid(tr("it is longer than 254 characters."));
    e.key = local.toCaseFolded() + QLatin1Char('@') + asciiDomain;
    return e;
}

QString Addressing::callingCode(const QString &country)
{
    static const QHash<QString, QString> codes = {
        {QStringLiteral("US"), QStringLiteral("1")},  {QStringLiteral("CA"), QStringLiteral("1")},
        {QStringLiteral("MX"), QStringLiteral("52")}, {QStringLiteral("GB"), QStringLiteral("44")},
        {QStringLiteral("IE"), QStringLiteral("353")}, {QStringLiteral("ES"), QStringLiteral("34")},
        {QStringLiteral("PT"), QStringLiteral("351")}, {QStringLiteral("FR"), QStringLiteral("33")},
        {QStringLiteral("DE"), QStringLiteral("49")}, {QStringLiteral("AT"), QStringLiteral("43")},
        {QStringLiteral("CH"), QStringLiteral("41")}, {QStringLiteral("IT"), QStringLiteral("39")},
        {QStringLiteral("NL"), QStringLiteral("31")}, {QStringLiteral("BE"), QStringLiteral("32")},
        {QStringLiteral("SE"), QStringLiteral("46")}, {QStringLiteral("NO"), QStringLiteral("47")},
        {QStringLiteral("DK"), QStringLiteral("45")}, {QStringLiteral("FI"), QStringLiteral("358")},
        {QStringLiteral("PL"), QStringLiteral("48")}, {QStringLiteral("AU"), QStringLiteral("61")},
        {QStringLiteral("NZ"), QStringLiteral("64")}, {QStringLiteral("BR"), QStringLiteral("55")},
        {QStringLiteral("AR"), QStringLiteral("54")}, {QStringLiteral("CL"), QStringLiteral("56")},
        {QStringLiteral("CO"), QStringLiteral("57")}, {QStringLiteral("PE"), QStringLiteral("51")},
        {QStringLiteral("IN"), QStringLiteral("91")}, {QStringLiteral("JP"), QStringLiteral("81")},
        {QStringLiteral("CN"), QStringLiteral("86")}, {QStringLiteral("ZA"), QStringLiteral("27")},
    };
    return codes.value(country.trimmed().toUpper());
}

Result<QString> Addressing::toE164(const QString &input, const QString &defaultCountry)
{
    const QString text = input.trimmed();
    const auto invalid = [&](const QString &why) {
        return Error(errc::phoneInvalid, tr("\"%1\" is not a valid phone number: %2").arg(text, why));
    };
    QString digits;
    bool international = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit() && c.unicode() < 128) {
            digits += c;
        } else if (c == QLatin1Char('+') && digits.isEmpty() && !international) {
            international = true;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(')
                   || c == QLatin1Char(')') || c == QLatin1Char('/')) {
            continue;
        } else {
            return invalid(tr("the character '%1' does not belong in a phone number.").arg(c));
        }
    }
    if (digits.isEmpty())
        return invalid(tr("it has no digits."));
    if (!international && digits.startsWith(QStringLiteral("00"))) {
        international = true;
        digits.remove(0, 2);
    }
    if (!international) {
        const QString code = callingCode(defaultCountry);
        if (code.isEmpty())
            return invalid(tr("it has no country code and the default country is not known."));
        if (code == QLatin1String("1")) {
            if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
                digits.remove(0, 1); // 1 555 … written with the trunk 1
            if (digits.size() != 10)
                return invalid(tr("a North American number has 10 digits."));
        } else if (digits.startsWith(QLatin1Char('0')) && code != QLatin1String("39")) {
            digits.remove(0, 1); // national trunk prefix (Italy keeps its 0)
        }
        digits.prepend(code);
    }
    if (digits.startsWith(QLatin1Char('0')))
        return invalid(tr("a country code never starts with 0."));
    if (digits.size() < 8 || digits.size() > 15)
        return invalid(tr("it has %1 digits with the country code; E.164 allows 8 to 15.").arg(digits.size()));
    return QString(QStringLiteral("+") + digits);
}

} // namespace lux::contacts
