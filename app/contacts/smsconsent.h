// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::contacts {

// Consent to be texted: its own record per contact, apart from email consent. The history is in
// consent_events (channel 'sms': who, when, how, the consent text, where it was collected) and
// contacts.sms_consent says where it stands now; both change together, in the caller's
// transaction when there is one. A number that opted out (STOP, or Twilio's 21610) is also on
// the SMS suppression list, which keeps it out of every campaign whatever the consent says.
class SmsConsent
{
    Q_DECLARE_TR_FUNCTIONS(lux::contacts::SmsConsent)
public:
    enum class Method { Form, Import, Manual, DoubleOptIn, Keyword };
    static QString methodName(Method method); // as consent_events stores it

    struct Record
    {
        QString action; // given, confirmed, withdrawn
        QString method;
        QString consentText, source, evidence;
        qint64 at = 0;
        std::optional<qint64> byUser;
    };

    explicit SmsConsent(QSqlDatabase db, Clock clock = systemClock()) : m_db(std::move(db)), m_clock(std::move(clock)) {}

    // `consentText`: the words the person agreed to; `source`: where (an import file, a form).
    Status give(qint64 contactId, Method method, const QString &consentText, const QString &source, std::optional<qint64> byUser);
    // The same inside a transaction the caller holds (an import); `evidence` says what happened.
    Status giveWithin(qint64 contactId, Method method, const QString &consentText, const QString &source, std::optional<qint64> byUser,
                      const QString &evidence = {});
    bool has(qint64 contactId) const;
    QList<Record> history(qint64 contactId) const; // oldest first

    // A number that texted STOP (or that Twilio refuses with 21610): on the SMS suppression list,
    // and every contact with that number has its consent withdrawn. Returns how many contacts.
    Result<int> optOut(const QString &e164, const QString &evidence);
    // START, YES, UNSTOP: the number leaves the suppression list if an opt-out put it there (never
    // the marketer's own entries), and its contacts' consent is given again, by keyword.
    Result<int> optIn(const QString &e164, const QString &evidence);
    // The same inside a transaction the caller holds (the tracker's events are applied in one).
    Result<int> optOutWithin(const QString &e164, const QString &evidence);
    Result<int> optInWithin(const QString &e164, const QString &evidence);
    // Suppression reasons an opt-in may lift.
    static constexpr const char *kKeywordReason = "sms-stop";
    static constexpr const char *kRefusedReason = "twilio-21610";

private:
    Status record(qint64 contactId, const QString &action, Method method, const QString &consentText, const QString &source,
                  const QString &evidence, std::optional<qint64> byUser);
    Result<QList<qint64>> contactsWith(const QString &e164) const;

    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace lux::contacts
