// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace lux::analytics {

// Human and machine figures side by side: machine opens and clicks (image proxies, scanners) are
// counted, never mixed into the human ones.
struct Split
{
    qint64 human = 0;
    qint64 machine = 0;
    qint64 all() const { return human + machine; }
};

// One campaign's results from its outbox and the events pulled from lux-tracker.
struct CampaignReport
{
    Q_DECLARE_TR_FUNCTIONS(lux::analytics::CampaignReport)
public:
    qint64 campaignId = 0;
    QString name;
    QString status;
    QString channel = QStringLiteral("email"); // what the figures below mean depends on it
    qint64 recipients = 0;
    qint64 sent = 0;
    qint64 failed = 0;
    // The campaign keeps only anonymous counts: the totals, links and timeline come from
    // tracking_counts, and nothing is per recipient (unique figures, rates of people, most engaged).
    bool anonymous = false;
    Split uniqueOpens;  // recipients
    Split totalOpens;   // events
    Split uniqueClicks; // recipients
    Split totalClicks;  // events
    qint64 unsubscribes = 0; // by the one-click link and by mail to the sender mailbox
    // Read from the sender mailboxes (issue 14): recipients whose message bounced for good (or
    // softly three times in a row), recipients whose message bounced for now, replies by people.
    qint64 hardBounces = 0;
    qint64 softBounces = 0;
    qint64 replies = 0;
    double bounceRate = 0; // hard and soft over what was sent
    // Mailbox providers block senders whose bounces pass about 2 %: the report warns above it.
    static constexpr double kBounceWarningRate = 0.02;
    bool bounceWarning() const { return bounceRate > kBounceWarningRate; }
    // Rates over what was sent (0 when nothing was): opens and clicks count people only.
    double openRate = 0;
    double clickRate = 0;
    double clickToOpenRate = 0; // recipients who clicked among those who opened
    double unsubscribeRate = 0;

    // SMS (channel "sms"): what Twilio's status callbacks said of the texts it accepted (`sent`),
    // moved forward only; `failed` above counts the texts Twilio refused.
    qint64 delivered = 0;
    qint64 undelivered = 0;
    qint64 deliveryFailed = 0;
    double deliveryRate = 0; // delivered over sent
    struct FailureCode
    {
        QString code; // Twilio's ("30003") or ours ("suppressed")
        qint64 count = 0;
    };
    QList<FailureCode> failureCodes; // refused, undelivered and failed texts by code, most first
    // Twilio's meaning of its common error codes, translated; empty for the others.
    static QString smsErrorMeaning(const QString &code);
    // Recipients who texted an opt-out keyword after the campaign started (it answers for that), or
    // whose text Twilio refused because they had (21610).
    qint64 optOuts = 0;
    qint64 segments = 0;      // of the texts sent
    double cost = 0;          // Twilio's price where it reported one, else the estimate from sms_prices
    QString currency;
    qint64 pricedTexts = 0;    // texts whose price Twilio reported
    qint64 estimatedTexts = 0; // texts whose price is estimated from sms_prices
    qint64 unpricedTexts = 0;  // texts to a country the price table does not have
    qint64 waitingQuietHours = 0; // texts waiting for their recipients' window
    qint64 waitingUntil = 0;      // when the last of those windows opens (ms since the epoch)
    bool isSms() const { return channel == QLatin1String("sms"); }

    struct Link
    {
        quint32 id = 0;
        QString url;
        Split clicks;
        qint64 uniqueHuman = 0;
    };
    QList<Link> links; // most clicked by people first

    struct Bucket
    {
        qint64 start = 0; // ms since the epoch
        Split opens;
        Split clicks;
    };
    qint64 bucketMs = 3'600'000; // an hour, or a day for long-running campaigns
    QList<Bucket> timeline;      // from the first event to the last, empty buckets included

    struct Engaged
    {
        qint64 contactId = 0;
        QString email;
        qint64 opens = 0;
        qint64 clicks = 0;
    };
    QList<Engaged> mostEngaged; // by human clicks, then human opens; at most 10

    QJsonObject toJson() const;
    QString toCsv() const; // the figures, then the links, then the timeline (CSV-injection safe)
};

class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(lux::analytics::ReportBuilder)
public:
    explicit ReportBuilder(QSqlDatabase db) : m_db(std::move(db)) {}
    Result<CampaignReport> campaign(qint64 campaignId) const;

    // Across campaigns, per day: what the dashboard charts.
    struct Day
    {
        qint64 start = 0;
        qint64 sent = 0;
        Split opens;  // unique recipients that day
        Split clicks; // unique recipients that day
        qint64 unsubscribes = 0;
        qint64 bounces = 0; // hard and soft, by the day they were read from the sender mailboxes
        // SMS: texts delivered by the day their receipt came, and opt-outs (STOP and the other
        // keywords) by the day they were texted.
        qint64 delivered = 0;
        qint64 optOuts = 0;
    };
    // One channel's days ("email", "sms"): the dashboard shows each channel beside the others.
    Result<QList<Day>> days(qint64 fromMs, qint64 toMs, const QString &channel = QStringLiteral("email")) const;

private:
    // The SMS figures: receipts, failures by code, opt-outs, segments and cost, quiet hours.
    Status smsFigures(CampaignReport &r) const;
    // An anonymous campaign's figures: what tracking_counts holds.
    Result<CampaignReport> anonymousCounts(CampaignReport r) const;

    QSqlDatabase m_db;
};

} // namespace lux::analytics
