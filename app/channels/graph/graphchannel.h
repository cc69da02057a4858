// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/graph/graphclient.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace lux::campaigns {
class MessageBuilder;
}
namespace lux::tracking {
class CampaignTracking;
}

namespace lux::channels::graph {

class GraphClient;

// Email through Microsoft Graph, the first channel. A recipient's message is the campaign's MIME
// message (MessageBuilder: merge, tracking, List-Unsubscribe); it is staged as a draft, whose id the
// core commits before the draft is sent. Sending a draft twice is impossible (the second finds no
// draft), so neither a retry nor Qt's own resend can make a second copy. A row in doubt is settled
// by sending its draft again (accepted: it had not gone) and, when Graph has no such draft, by
// looking for its Message-ID in Sent Items; when neither can tell, the user decides.
class GraphChannel : public Channel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::graph::GraphChannel)
public:
    // `client` and `tracking` (the signed unsubscribe link, and the links and pixel of a campaign
    // that tracks) are not owned and outlive the channel.
    GraphChannel(QSqlDatabase db, GraphClient *client, const tracking::CampaignTracking *tracking, Clock clock = systemClock());
    ~GraphChannel() override;

    QString id() const override { return QStringLiteral("email"); }
    // Exchange Online's limits per mailbox (provider-contracts.md §1.7).
    Pace pace() const override { return {0, 30, 10000, 4}; }
    Status prepare(const campaigns::Campaign &campaign) override;
    Result<QByteArray> build(const Delivery &delivery) const override;
    bool stages() const override { return true; }
    QCoro::Task<Outcome> stage(Delivery delivery, QByteArray message) override;
    QCoro::Task<Outcome> submit(Delivery delivery, QByteArray message) override;
    QCoro::Task<Reconciliation> reconcile(Delivery delivery) override;

private:
    QSqlDatabase m_db;
    GraphClient *m_client;
    const tracking::CampaignTracking *m_tracking;
    std::unique_ptr<campaigns::MessageBuilder> m_builder;
    qint64 m_campaignId = 0;
};

// Makes the email channel for a campaign's mailboxes on one thread, with the client that may send from
// them: the signed-in user's (delegated, through /me) when the campaign sends from that mailbox alone,
// else the app's (client credentials). The clients are kept, so their tokens serve every run.
class GraphChannelFactory : public QObject
{
    Q_OBJECT
public:
    GraphChannelFactory(QSqlDatabase db, QNetworkAccessManager *network, GraphConfig config, QString delegatedMailbox,
                        Clock clock = systemClock(), QObject *parent = nullptr);
    ~GraphChannelFactory() override;

    // `tracking` outlives the channel.
    Result<std::unique_ptr<Channel>> make(const QStringList &mailboxes, const tracking::CampaignTracking &tracking);
    // The client that may use these mailboxes (owned by the factory): sending, and reading their Inbox.
    Result<GraphClient *> client(const QStringList &mailboxes);

Q_SIGNALS:
    // Microsoft rotated the signed-in user's refresh token: keep the new one (the keychain).
    void refreshTokenChanged(const QString &refreshToken);

private:
    QSqlDatabase m_db;
    QNetworkAccessManager *m_network;
    GraphConfig m_config;
    QString m_delegatedMailbox;
    Clock m_clock;
    std::unique_ptr<GraphClient> m_app;
    std::unique_ptr<GraphClient> m_delegated;
};

} // namespace lux::channels::graph
