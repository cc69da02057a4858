// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/abtest.h"
#include "channels/channel.h"

#include <memory>
#include <vector>

namespace lux::campaigns {

// A campaign's channel when it has an A/B test: one channel of the campaign's kind per variant, each
// prepared with the campaign as that variant sends it (AbTests::applied), and a delivery built by
// the one its row names, and staged, submitted and reconciled by it too (a lookup by the words sent
// looks for the variant's words); the pace and the windows are the first's. The exactly-once rules
// are the channel's own; the dispatcher and the outbox see one channel, as for any campaign.
class VariantChannel final : public channels::Channel
{
public:
    // `perVariant`: one channel for each of `variants`, in order, made for this run.
    VariantChannel(std::vector<std::unique_ptr<channels::Channel>> perVariant, QList<AbVariant> variants);

    QString id() const override { return m_channels.front()->id(); }
    channels::Pace pace() const override { return m_channels.front()->pace(); }
    Status prepare(const Campaign &campaign) override;
    qint64 notBefore(const channels::Delivery &delivery, qint64 now, Hold *hold = nullptr) const override;
    bool hasWindows() const override { return m_channels.front()->hasWindows(); }
    Result<QByteArray> build(const channels::Delivery &delivery) const override;
    bool stages() const override { return m_channels.front()->stages(); }
    QCoro::Task<channels::Outcome> stage(channels::Delivery delivery, QByteArray message) override;
    QCoro::Task<channels::Outcome> submit(channels::Delivery delivery, QByteArray message) override;
    QCoro::Task<channels::Reconciliation> reconcile(channels::Delivery delivery) override;

private:
    channels::Channel *of(const channels::Delivery &delivery) const; // the variant's channel; null past the last
    std::vector<std::unique_ptr<channels::Channel>> m_channels;
    QList<AbVariant> m_variants;
};

} // namespace lux::campaigns
