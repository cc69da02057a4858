// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/twilio/twilioclient.h"
#include "common/clock.h"
#include "sms/textbuilder.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

namespace lux::tracking {
class CampaignTracking;
}

namespace lux::channels::twilio {

// When a recipient may be texted: the earliest moment at or after `now` (ms), and why it waits.
// The quiet-hours rules (sms::QuietHours) from the settings; a test gives its own.
using SendWindow = std::function<qint64(const QString &e164, const QString &timeZone, qint64 now, QString *why)>;

// SMS through Twilio, the second channel. A recipient's text is the campaign's body with its merge
// tags filled for the contact, its SMS links shortened through lux-tracker when the campaign
// tracks, and the opt-out line in the contact's language when it has none. Twilio has no
// idempotency key and cannot stage a message, so nothing is staged: a create is sent once (a
// one-shot request), and a row in doubt (an answer lost, a 5xx, a crash) is settled by looking
// for the text among the messages Twilio made to that number from that sender since the row's
// attempt: found, it went (its SID kept); none at all, it did not; another text there, the user
// decides. A 21610 (the person texted STOP) puts the number on the SMS suppression list.
class SmsChannel : public Channel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::twilio::SmsChannel)
public:
    SmsChannel(QSqlDatabase db, TwilioClient *client, SendWindow window, const tracking::CampaignTracking *tracking,
               Clock clock = systemClock());
    ~SmsChannel() override;

    QString id() const override { return QStringLiteral("sms"); }
    // Twilio's own limits: a sender's class sets its messages a second (SenderStore); at most 32
    // requests in flight per sender.
    Pace pace() const override { return {0, 0, 0, 32}; }
    Status prepare(const campaigns::Campaign &campaign) override;
    Result<QByteArray> build(const Delivery &delivery) const override;
    qint64 notBefore(const Delivery &delivery, qint64 now, Hold *hold) const override;
    bool hasWindows() const override { return bool(m_window); }
    QCoro::Task<Outcome> submit(Delivery delivery, QByteArray message) override;
    QCoro::Task<Reconciliation> reconcile(Delivery delivery) override;

    // How long a message Twilio made may take to show in its list: a look sooner than this after
    // the attempt that finds nothing looks again before it says "not sent".
    static constexpr qint64 kListSettleMs = 2'000;
    // Clocks differ: messages made this long before the attempt are looked at too.
    static constexpr qint64 kClockSkewMs = 120'000;

private:
    struct Lookup
    {
        enum class Found { Same, Other, None, Failed } found = Found::None;
        QString sid;
        QString error;
    };
    QCoro::Task<Lookup> lookUp(Delivery d, QString body);
    static QString sender(const QString &stored); // a Messaging Service SID back in its own case
    void applyOptOut(const Delivery &d, const QString &code) const;

    QSqlDatabase m_db;
    TwilioClient *m_client;
    SendWindow m_window;
    const tracking::CampaignTracking *m_tracking;
    Clock m_clock;
    std::optional<sms::TextBuilder> m_texts; // from prepare()
    qint64 m_campaignId = 0;
    QHash<QString, quint32> m_links; // the campaign's numbered links, when its texts track them
};

// Makes the SMS channel for a run on one thread, with the one Twilio client it keeps for every run.
class SmsChannelFactory
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::twilio::SmsChannelFactory)
public:
    SmsChannelFactory(QSqlDatabase db, QNetworkAccessManager *network, TwilioConfig config, SendWindow window, Clock clock = systemClock());
    ~SmsChannelFactory();
    // `tracking` outlives the channel.
    Result<std::unique_ptr<Channel>> make(const tracking::CampaignTracking &tracking);
    // The client, once the account and its secret are known; says where to set what is missing.
    Result<TwilioClient *> client();

private:
    QSqlDatabase m_db;
    QNetworkAccessManager *m_network;
    TwilioConfig m_config;
    SendWindow m_window;
    Clock m_clock;
    std::unique_ptr<TwilioClient> m_client;
};

} // namespace lux::channels::twilio
