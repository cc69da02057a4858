// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/httpclient.h"

#include <QSqlDatabase>

// A second channel, for the tests only: each recipient gets a one-line text through the fake echo
// provider (tests/fakes/echo). It is written as a new channel would be, against the channel
// interface and the HTTP helper and nothing else, and it adds nothing to the dispatcher, the outbox
// or the run path. The provider cannot stage a message, so exactly once rests on the one-shot POST
// (Qt cannot send it twice) and on looking a message up by the row's Message-ID (its ClientRef)
// when an answer is lost or the process was killed.
class EchoChannel : public lux::channels::Channel
{
public:
    struct Config
    {
        QUrl baseUrl;
        QString account, token;
    };
    EchoChannel(QNetworkAccessManager *network, Config config);

    QString id() const override { return QStringLiteral("echo"); }
    lux::channels::Pace pace() const override { return {50, 0, 0, 2}; }
    lux::Status prepare(const lux::campaigns::Campaign &campaign) override;
    lux::Result<QByteArray> build(const lux::channels::Delivery &delivery) const override;
    QCoro::Task<lux::channels::Outcome> submit(lux::channels::Delivery delivery, QByteArray message) override;
    QCoro::Task<lux::channels::Reconciliation> reconcile(lux::channels::Delivery delivery) override;

private:
    lux::channels::HttpClient m_http;
    QString m_campaignName;
};
