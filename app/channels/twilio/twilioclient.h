// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/httpclient.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QUrl>

class QNetworkAccessManager;

namespace lux::channels::twilio {

struct TwilioConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.twilio.com"));
    QString accountSid; // AC…
    QString apiKeySid;  // SK…: with it, `secret` is the API key's secret; without, the Auth Token
    QString secret;     // from the keychain, or LUX_SECRET_TWILIO_AUTH_TOKEN for headless runs
    // Where Twilio posts status changes (lux-tracker's /twilio/status); empty: no receipts.
    QString statusCallback;
    int timeoutMs = 30'000;
    bool complete() const { return !accountSid.isEmpty() && !secret.isEmpty(); }
};

// A message as Twilio's Messages resource describes it (provider-contracts.md §2.1).
struct TwilioMessage
{
    QString sid, from, to, body, status, messagingServiceSid, direction;
    int numSegments = 0;
    QString price, priceUnit; // price: a negative decimal once final, else empty
    int errorCode = 0;
    QString errorMessage;
    qint64 createdAt = 0; // ms since the epoch (date_created)
    qint64 sentAt = 0;    // 0 while it has not been sent (date_sent is null when queued)
};

// Twilio Programmable Messaging over the one HTTP helper: create, fetch and list Messages.
// Twilio has no idempotency key, so a create is a one-shot request (Qt never sends it twice by
// itself) and anything that may have made a message without saying so reads as Unknown, for the
// channel to look it up before any retry.
class TwilioClient
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::twilio::TwilioClient)
public:
    TwilioClient(QNetworkAccessManager *network, TwilioConfig config);

    const TwilioConfig &config() const { return m_config; }

    // Sends `body` to `to` from a number or short code, or through a Messaging Service (MG…).
    // Accepted: reference is the message's SID and `made` (when given) what Twilio answered.
    QCoro::Task<Outcome> create(QString from, QString to, QString body, TwilioMessage *made = nullptr);
    QCoro::Task<Result<TwilioMessage>> fetch(QString sid);
    // Messages to `to` (and from `from`: a number, or a Messaging Service matched on its SID),
    // newest first, made at or after `since` (ms), at most `maxPages` pages of 50.
    QCoro::Task<Result<QList<TwilioMessage>>> recent(QString to, QString from, qint64 since, int maxPages = 4);
    // The account itself: whether the SID and the secret are right (Settings → SMS, Test Connection).
    QCoro::Task<Result<QString>> accountName();

    // The outcome of an answer, with Twilio's code and message: 201 accepted; 429 (20429) and 408
    // transient, never processed; 5xx Unknown (a gateway may answer 5xx after the message was
    // made); 401 (20003) permanent with twilio.auth; other 4xx permanent with Twilio's code.
    static Outcome outcome(const HttpResponse &response);
    static TwilioMessage message(const QJsonObject &json);
    static qint64 parseDate(const QString &rfc2822); // "Wed, 02 Dec 2026 10:00:00 +0000"; 0 when not a date

private:
    QString messagesPath() const;

    TwilioConfig m_config;
    HttpClient m_http;
};

} // namespace lux::channels::twilio
