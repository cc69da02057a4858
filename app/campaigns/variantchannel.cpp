// SPDX-License-Identifier: GPL-3.0-or-later
#include "variantchannel.h"

#include "common/errorcodes.h"

namespace lux::campaigns {

VariantChannel::VariantChannel(std::vector<std::unique_ptr<channels::Channel>> perVariant, QList<AbVariant> variants)
    : m_channels(std::move(perVariant)), m_variants(std::move(variants))
{
    Q_ASSERT(!m_channels.empty() && qsizetype(m_channels.size()) == m_variants.size());
}

Status VariantChannel::prepare(const Campaign &campaign)
{
    for (std::size_t i = 0; i < m_channels.size(); ++i)
        if (Status s = m_channels[i]->prepare(AbTests::applied(campaign, m_variants.at(qsizetype(i)))); !s)
            return Error(s.error().code, QStringLiteral("%1: %2").arg(AbTests::variantName(int(i)), s.error().message));
    return {};
}

qint64 VariantChannel::notBefore(const channels::Delivery &delivery, qint64 now, Hold *hold) const
{
    return m_channels.front()->notBefore(delivery, now, hold);
}

// A row without a variant (-1) is a test send or the rest of a test decided before it could run
// (too few recipients): variant A.
channels::Channel *VariantChannel::of(const channels::Delivery &delivery) const
{
    if (delivery.variant >= int(m_channels.size()))
        return nullptr;
    return m_channels[std::size_t(std::max(delivery.variant, 0))].get();
}

Result<QByteArray> VariantChannel::build(const channels::Delivery &delivery) const
{
    channels::Channel *channel = of(delivery);
    if (!channel)
        return Error(errc::abtestVariant, QStringLiteral("variant %1 of %2").arg(delivery.variant).arg(m_channels.size()));
    return channel->build(delivery);
}

// Not coroutines: each returns the variant's own channel's task, which owns its arguments. A
// channel that looks a message up by its words (an SMS reconciled by its body) looks for the words
// its variant sent.
QCoro::Task<channels::Outcome> VariantChannel::stage(channels::Delivery delivery, QByteArray message)
{
    channels::Channel *channel = of(delivery);
    return (channel ? channel : m_channels.front().get())->stage(std::move(delivery), std::move(message));
}

QCoro::Task<channels::Outcome> VariantChannel::submit(channels::Delivery delivery, QByteArray message)
{
    channels::Channel *channel = of(delivery);
    return (channel ? channel : m_channels.front().get())->submit(std::move(delivery), std::move(message));
}

QCoro::Task<channels::Reconciliation> VariantChannel::reconcile(channels::Delivery delivery)
{
    channels::Channel *channel = of(delivery);
    return (channel ? channel : m_channels.front().get())->reconcile(std::move(delivery));
}

} // namespace lux::campaigns
