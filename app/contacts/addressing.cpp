// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressing.h"

#include "common/errorcodes.h"
#include "phonenumbers.h"

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

Result<QString> Addressing::toE164(const QString &input, const QString &defaultCountry)
{
    auto parsed = PhoneNumbers::parse(input, defaultCountry);
    if (!parsed)
        return parsed.error();
    return std::move(parsed->e164);
}

} // namespace lux::contacts
