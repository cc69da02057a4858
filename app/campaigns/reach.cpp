// SPDX-License-Identifier: GPL-3.0-or-later
#include "reach.h"

#include "contacts/phonenumbers.h"

namespace lux::campaigns {

Reach reach(const QString &channel)
{
    if (channel == QLatin1String("sms")) {
        // Textable: a number libphonenumber typed as one that takes texts. A number not typed yet
        // (stored before schema 13, while Database::open types them) is not texted until it is.
        QStringList codes;
        for (const QString &code : contacts::PhoneNumbers::textableTypeCodes())
            codes << u'\'' + code + u'\''; // the library's own codes, not input
        static const QString textable = QStringLiteral("c.phone_type IN (%1)").arg(codes.join(u','));
        return {QStringLiteral("sms"), QStringLiteral("c.phone"), QStringLiteral("c.phone"),
                QStringLiteral("(c.sms_consent = 1 AND coalesce(c.phone, '') <> '')"), QStringLiteral("coalesce(c.phone, '') <> ''"),
                textable};
    }
    // Email, and the channels that reach people at their email address (the tests' echo channel).
    return {channel, QStringLiteral("c.email"), QStringLiteral("c.email_key"), QStringLiteral("c.status = 'subscribed'"),
            QStringLiteral("1"), QStringLiteral("1")};
}

QString unreachableAtClaim()
{
    return QStringLiteral("CASE outbox.channel WHEN 'sms' THEN NOT %1 ELSE NOT %2 END")
        .arg(reach(QStringLiteral("sms")).reachable, reach(QStringLiteral("email")).reachable);
}

} // namespace lux::campaigns
