// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphchannel.h"
#include "common/errorcodes.h"

#include "campaigns/campaignstore.h"
#include "campaigns/messagebuilder.h"
#include "channels/graph/graphclient.h"
#include "contacts/contactrepository.h"
#include "secrets/secretstore.h"
#include "tracking/campaigntracking.h"

#include <QRandomGenerator>

namespace lux::channels::graph {

GraphChannel::GraphChannel(QSqlDatabase db, GraphClient *client, const tracking::CampaignTracking *tracking, Clock clock)
    : m_db(db), m_client(client), m_tracking(tracking), m_builder(std::make_unique<campaigns::MessageBuilder>(db, std::move(clock)))
{
    m_builder->setTracking(tracking);
}

GraphChannel::~GraphChannel() = default;

Status GraphChannel::prepare(const campaigns::Campaign &campaign)
{
    m_campaignId = campaign.id;
    return m_builder->prepare(campaign);
}

Result<QByteArray> GraphChannel::build(const Delivery &d) const
{
    std::optional<contacts::Contact> contact;
    if (d.contactId != 0) {
        auto found = contacts::ContactRepository(m_db).find(d.contactId);
        if (!found)
            return Error(errc::dispatchContact, found.error().message);
        contact = std::move(*found);
    } else if (d.test) {
        // A test renders as the contact with that address would see it, or with the fallbacks.
        if (auto found = contacts::ContactRepository(m_db).findByEmail(d.address))
            contact = std::move(*found);
    } else {
        return Error(errc::dispatchContact, tr("The contact was deleted after the campaign started."));
    }
    QString messageId = d.messageId;
    if (messageId.isEmpty()) // a test: its own Message-ID, never one of the outbox's
        messageId = QStringLiteral("lux.test.%1.%2@%3")
                        .arg(m_campaignId)
                        .arg(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 0, 36)
                        .arg(d.sender.section(u'@', -1));
    if (messageId.startsWith(u'<') && messageId.endsWith(u'>'))
        messageId = messageId.mid(1, messageId.size() - 2);
    // The unsubscribe page speaks the contact's language when it is one lux-tracker has.
    const tracking::Language language = contact ? tracking::languageFromTag(contact->language) : tracking::Language::Unknown;
    // Without a tracker, a mailto: to the mailbox that sends this message (its reader applies it).
    const QString unsubscribe = m_tracking ? m_tracking->unsubscribeAddress(d.sender, m_campaignId, d.outboxId, language) : QString();
    return m_builder->build({contact ? &*contact : nullptr, d.address, d.sender, messageId, unsubscribe,
                             d.test ? tr("[Test] ") : QString(), d.test ? 0 : d.outboxId});
}

QCoro::Task<Outcome> GraphChannel::stage(Delivery d, QByteArray message)
{
    QString draftId;
    Outcome made = co_await m_client->createDraft(d.sender, std::move(message), &draftId);
    made.reference = draftId;
    co_return made;
}

QCoro::Task<Outcome> GraphChannel::submit(Delivery d, QByteArray)
{
    co_return co_await m_client->sendDraft(d.sender, d.reference);
}

QCoro::Task<Reconciliation> GraphChannel::reconcile(Delivery d)
{
    if (d.reference.isEmpty()) // no draft id was recorded, so no draft of this row was ever sent
        co_return Reconciliation::notSent(tr("Not sent: no draft was made."));
    // Sending the same draft again cannot make a second copy: either it had not gone and goes now,
    // or it went and Graph has no such draft any more.
    const Outcome again = co_await m_client->sendDraft(d.sender, d.reference);
    if (again.ok())
        co_return Reconciliation::sent();
    if (again.kind == Outcome::Kind::Permanent)
        co_return Reconciliation::failed(again.code, again.message);
    if (again.kind == Outcome::Kind::Transient)
        co_return Reconciliation::stillUnknown(); // still unknown; the next round asks again
    const auto found = co_await m_client->sentItemsHas(d.sender, d.messageId);
    if (!found)
        co_return Reconciliation::stillUnknown(); // the look-up failed; the next round asks again
    if (*found)
        co_return Reconciliation::sent();
    // This send's answer was lost too (no 404 came back): the draft may still be there, so the next
    // round sends it again. Only a draft that is gone and not in Sent Items is the user's to decide.
    if (again.status != 404)
        co_return Reconciliation::stillUnknown();
    co_return Reconciliation::needsDecision(
        tr("Graph has no draft to send and Sent Items does not show the message: decide whether to send it again."));
}

GraphChannelFactory::GraphChannelFactory(QSqlDatabase db, QNetworkAccessManager *network, GraphConfig config, QString delegatedMailbox,
                                         Clock clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_network(network), m_config(std::move(config)), m_delegatedMailbox(std::move(delegatedMailbox)),
      m_clock(std::move(clock))
{
}

GraphChannelFactory::~GraphChannelFactory() = default;

Result<std::unique_ptr<Channel>> GraphChannelFactory::make(const QStringList &mailboxes, const tracking::CampaignTracking &tracking)
{
    const auto graph = client(mailboxes);
    if (!graph)
        return graph.error();
    return std::unique_ptr<Channel>(std::make_unique<GraphChannel>(m_db, *graph, &tracking, m_clock));
}

Result<GraphClient *> GraphChannelFactory::client(const QStringList &mailboxes)
{
    // The signed-in user's client when the campaign sends from that mailbox alone, else the app's.
    const QString delegated = m_delegatedMailbox;
    if (!delegated.isEmpty() && mailboxes.contains(delegated)) {
        if (mailboxes.size() > 1)
            return Error(errc::graphDelegated,
                         tr("%1 sends as the signed-in user and cannot share a campaign with other mailboxes.").arg(delegated));
        if (m_config.refreshToken.isEmpty())
            return Error(errc::secretsNotFound,
                         tr("Sign in to Microsoft again under Settings → Sending: LUX has no sign-in for %1.").arg(delegated));
        if (!m_delegated) {
            GraphConfig config = m_config;
            config.clientSecret.clear();
            m_delegated = std::make_unique<GraphClient>(m_network, config);
            connect(m_delegated.get(), &GraphClient::refreshTokenChanged, this, &GraphChannelFactory::refreshTokenChanged);
        }
        return m_delegated.get();
    }
    if (m_config.tenant.isEmpty() || m_config.clientId.isEmpty())
        return Error(errc::graphConfig,
                     tr("Set the Microsoft 365 tenant and client id first (Settings → Sending, or luxctl settings set graph.tenant and graph.client_id)."));
    if (!m_app) {
        GraphConfig config = m_config;
        config.refreshToken.clear();
        if (config.clientSecret.isEmpty())
            return Error(errc::secretsNotFound,
                         tr("The Graph client secret is not available: save it under Settings → Sending (or set %1).")
                             .arg(SecretStore::environmentName(SecretStore::keyName(Secret::GraphClientSecret))));
        m_app = std::make_unique<GraphClient>(m_network, config);
    }
    return m_app.get();
}

} // namespace lux::channels::graph
