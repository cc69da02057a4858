// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/campaignstore.h"
#include "common/result.h"
#include "sms/quiethours.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace lux::analytics {

// What one segment costs per destination country (sms_prices, edited in Settings → SMS).
// The price table of Settings → SMS (sms_prices): what one segment costs by destination country. The
// one place that reads and writes it: the settings page edits its rows, the estimate and the report
// price texts with it.
class SmsPrices
{
public:
    // One row as the user wrote it: an ISO 3166 country, a decimal, an ISO 4217 currency.
    struct Row
    {
        QString country, perSegment, currency;
    };
    static Result<QList<Row>> rows(QSqlDatabase db); // by country
    // The table as given, in one transaction: rows that changed get a new updated_at, countries no
    // longer listed go.
    static Status save(QSqlDatabase db, const QList<Row> &rows);

    static Result<SmsPrices> load(QSqlDatabase db);
    // The country a text goes to: the number's own region (libphonenumber), else the contact's
    // stored number region, else the contact's country.
    static QString destination(const QString &e164, const QString &phoneRegion = {}, const QString &country = {});
    std::optional<double> perSegment(const QString &country) const;
    QString currency() const { return m_currency; } // of the table's first row; "USD" when empty

private:
    QHash<QString, double> m_prices;
    QString m_currency = QStringLiteral("USD");
};

// Before an SMS campaign goes: its text merged for every recipient, the parts each text takes, what
// all of them cost, and who is in their quiet hours at the moment it is meant to go.
struct SmsEstimate
{
    qint64 recipients = 0;
    int minParts = 0, maxParts = 0;
    qint64 segments = 0;
    double cost = 0;
    QString currency = QStringLiteral("USD");
    qint64 unpriced = 0;      // recipients in a country with no price in the table
    qint64 tooLong = 0;       // texts over Twilio's 1,600 characters once merged
    qint64 inQuietHours = 0;  // recipients who would wait for their window at `at`
    qint64 quietUntil = 0;    // when the last of those windows opens (ms since the epoch)
    bool cancelled = false;
};

class SmsEstimator
{
    Q_DECLARE_TR_FUNCTIONS(lux::analytics::SmsEstimator)
public:
    explicit SmsEstimator(QSqlDatabase db) : m_db(std::move(db)) {}
    // The campaign's text (c.body) merged per recipient of CampaignStore::recipients(c), with the
    // opt-out line as the channel adds it; `at`: the moment it is meant to go. `cancelled` is asked
    // between recipients, so a worker stops soon after the wizard changes its mind.
    Result<SmsEstimate> estimate(const campaigns::Campaign &c, qint64 at, const sms::QuietHoursPolicy &policy,
                                 const std::function<bool()> &cancelled = {}) const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::analytics
