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

qint64 VariantChannel::notBefore(const channels::Delivery &delivery, qint64 now, QString *why) const
{
    return m_channels.front()->notBefore(delivery, now, why);
}

Result<QByteArray> VariantChannel::build(const channels::Delivery &delivery) const
{
    // A row without a variant is the rest before the decision: it is never claimed (it is held), so
    // building it would be a defect; A is what a test send shows.
    if (delivery.variant >= int(m_channels.size()))
        return Error(errc::abtestVariant, QStringLiteral("variant %1 of %2").arg(delivery.variant).arg(m_channels.size()));
    return m_channels[std::size_t(std::max(delivery.variant, 0))]->build(delivery);
}

// Not coroutines: each returns the first channel's task, which owns its arguments.
QCoro::Task<channels::Outcome> VariantChannel::stage(channels::Delivery delivery, QByteArray message)
{
    return m_channels.front()->stage(std::move(delivery), std::move(message));
}

QCoro::Task<channels::Outcome> VariantChannel::submit(channels::Delivery delivery, QByteArray message)
{
    return m_channels.front()->submit(std::move(delivery), std::move(message));
}

QCoro::Task<channels::Reconciliation> VariantChannel::reconcile(channels::Delivery delivery)
{
    return m_channels.front()->reconcile(std::move(delivery));
}

} // namespace lux::campaigns
