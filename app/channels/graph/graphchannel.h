// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

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

} // namespace lux::channels::graph
