// SPDX-License-Identifier: GPL-3.0-or-later
#include "smschannel.h"
#include "common/errorcodes.h"

#include "campaigns/campaignstore.h"
#include "contacts/contactrepository.h"
#include "contacts/smsconsent.h"
#include "common/logging.h"
#include "sms/segments.h"
#include "sms/textbuilder.h"
#include "tracking/campaigntracking.h"

#include <QCoroTimer>
#include <QSqlQuery>

#include <chrono>

namespace lux::channels::twilio {

SmsChannel::SmsChannel(QSqlDatabase db, TwilioClient *client, SendWindow window, const tracking::CampaignTracking *tracking, Clock clock)
    : m_db(std::move(db)), m_client(client), m_window(std::move(window)), m_tracking(tracking), m_clock(std::move(clock))
{
}

SmsChannel::~SmsChannel() = default;

QString SmsChannel::sender(const QString &stored)
{
    // The dispatcher keeps senders in lower case (mailboxes compare so); Twilio's SIDs are "MG…".
    if (stored.startsWith(QLatin1String("mg"), Qt::CaseInsensitive))
        return QStringLiteral("MG") + stored.mid(2).toLower();
    return stored;
}

Status SmsChannel::prepare(const campaigns::Campaign &campaign)
{
    m_campaignId = campaign.id;
    if (campaign.body.trimmed().isEmpty())
        return Error(errc::smsBody, tr("The campaign has no text to send."));
    auto texts = sms::TextBuilder::create(m_db, campaign.body);
    if (!texts)
        return texts.error();
    m_texts.emplace(std::move(*texts));
    m_links.clear();
    if (m_tracking && m_tracking->hasTracker() && campaign.tracking == campaigns::TrackingMode::PerPerson) {
        const auto links = tracking::CampaignTracking::loadLinks(m_db, campaign.id);
        if (!links)
            return links.error();
        m_links = *links;
    }
    return {};
}

Result<QByteArray> SmsChannel::build(const Delivery &d) const
{
    std::optional<contacts::Contact> contact;
    if (d.contactId != 0) {
        auto found = contacts::ContactRepository(m_db).find(d.contactId);
        if (!found)
            return Error(errc::dispatchContact, found.error().message);
        contact = std::move(*found);
    } else if (!d.test) {
        return Error(errc::dispatchContact, tr("The contact was deleted after the campaign started."));
    }
    if (!m_texts)
        return Error(errc::smsBody, tr("The campaign has no text to send."));
    QString text = m_texts->text(contact ? &*contact : nullptr);
    if (text.isEmpty())
        return Error(errc::smsBody, tr("The text is empty for this contact."));
    if (!d.test && !m_links.isEmpty())
        text = m_tracking->shortenText(text, m_campaignId, d.outboxId, m_links);
    if (d.test)
        text = tr("[Test] ") + text;
    if (Status s = sms::Segments::checkLength(text); !s)
        return s.error();
    return text.toUtf8();
}

qint64 SmsChannel::notBefore(const Delivery &d, qint64 now, Hold *hold) const
{
    if (!m_window)
        return now;
    QString zone;
    if (d.contactId != 0) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT coalesce(time_zone, '') FROM contacts WHERE id = ?"));
        q.addBindValue(d.contactId);
        if (q.exec() && q.next())
            zone = q.value(0).toString();
    }
    QString why;
    const qint64 allowed = m_window(d.address, zone, now, &why);
    if (hold && allowed > now)
        *hold = {QString(errc::smsQuietHours), why};
    return allowed;
}

void SmsChannel::applyOptOut(const Delivery &d, const QString &code) const
{
    // 21610: the person texted STOP to this sender; Twilio refuses every text until they opt back in.
    if (code != QLatin1String("21610"))
        return;
    const auto out = contacts::SmsConsent(m_db, m_clock)
                         .optOut(d.address, tr("Twilio refused a text to this number: it replied STOP (21610)."));
    if (!out)
        qCWarning(lcStorage) << "could not record an SMS opt-out:" << out.error().message;
}

QCoro::Task<SmsChannel::Lookup> SmsChannel::lookUp(Delivery d, QString body)
{
    Lookup out;
    const qint64 since = (d.attemptedAt > 0 ? d.attemptedAt : m_clock()) - kClockSkewMs;
    for (int look = 0; look < 2; ++look) {
        QString to = d.address;
        QString from = sender(d.sender);
        const auto found = co_await m_client->recent(std::move(to), std::move(from), since);
        if (!found) {
            out.found = Lookup::Found::Failed;
            out.error = found.error().message;
            co_return out;
        }
        out.found = Lookup::Found::None;
        for (const TwilioMessage &m : *found) {
            if (m.direction.startsWith(QLatin1String("inbound")))
                continue;
            if (m.body == body) {
                out.found = Lookup::Found::Same;
                out.sid = m.sid;
                co_return out;
            }
            out.found = Lookup::Found::Other;
        }
        // A message made a moment ago may not be listed yet: look once more after it settles.
        const qint64 age = m_clock() - (d.attemptedAt > 0 ? d.attemptedAt : 0);
        if (out.found != Lookup::Found::None || d.attemptedAt <= 0 || age >= kListSettleMs)
            co_return out;
        co_await QCoro::sleepFor(std::chrono::milliseconds(kListSettleMs - age));
    }
    co_return out;
}

QCoro::Task<Outcome> SmsChannel::submit(Delivery d, QByteArray message)
{
    QString body = QString::fromUtf8(message);
    TwilioMessage made;
    QString from = sender(d.sender);
    QString to = d.address;
    QString text = body;
    Outcome o = co_await m_client->create(std::move(from), std::move(to), std::move(text), &made);
    if (o.ok()) {
        o.units = made.numSegments > 0 ? made.numSegments : sms::Segments::count(body).segments;
        co_return o;
    }
    if (o.kind == Outcome::Kind::Permanent)
        applyOptOut(d, o.code);
    // A 5xx came back: Twilio may have made it. Look before saying it may be sent again; an answer
    // that never came is left to the dispatcher's reconciliation (the row is committed unknown first).
    if (o.kind == Outcome::Kind::Unknown && o.status >= 500 && !d.test) {
        Delivery looking = d;
        QString expected = body;
        const Lookup found = co_await lookUp(std::move(looking), std::move(expected));
        if (found.found == Lookup::Found::Same) {
            o.kind = Outcome::Kind::Accepted;
            o.reference = found.sid;
            o.units = sms::Segments::count(body).segments;
        } else if (found.found == Lookup::Found::None) {
            o.kind = Outcome::Kind::Transient; // certainly not made: retried after the backoff
        }
    }
    co_return o;
}

QCoro::Task<Reconciliation> SmsChannel::reconcile(Delivery d)
{
    if (!d.reference.isEmpty()) // Twilio's SID was committed: it was accepted
        co_return Reconciliation::sent(d.reference, 0);
    const auto built = build(d);
    if (!built)
        co_return Reconciliation::needsDecision(tr("The text cannot be made again to look for it: %1").arg(built.error().message));
    QString body = QString::fromUtf8(*built);
    Delivery looking = d;
    const Lookup found = co_await lookUp(std::move(looking), std::move(body));
    switch (found.found) {
    case Lookup::Found::Same: co_return Reconciliation::sent(found.sid, sms::Segments::count(QString::fromUtf8(*built)).segments);
    case Lookup::Found::None: co_return Reconciliation::notSent(tr("Not sent: Twilio made no message to %1 after the attempt.").arg(d.address));
    case Lookup::Found::Failed: co_return Reconciliation::stillUnknown();
    case Lookup::Found::Other: break;
    }
    co_return Reconciliation::needsDecision(
        tr("Twilio sent %1 a different text from this sender after the attempt: decide whether this one went.").arg(d.address));
}

SmsChannelFactory::SmsChannelFactory(QSqlDatabase db, QNetworkAccessManager *network, TwilioConfig config, SendWindow window, Clock clock)
    : m_db(std::move(db)), m_network(network), m_config(std::move(config)), m_window(std::move(window)), m_clock(std::move(clock))
{
}

SmsChannelFactory::~SmsChannelFactory() = default;

Result<TwilioClient *> SmsChannelFactory::client()
{
    if (m_config.accountSid.isEmpty())
        return Error(errc::twilioConfig,
                     tr("Set the Twilio account SID first (Settings → SMS, or luxctl settings set twilio.account_sid)."));
    if (m_config.secret.isEmpty())
        return Error(errc::secretsNotFound,
                     tr("The Twilio Auth Token (or API key secret) is not available: save it under Settings → SMS "
                        "(or luxctl settings secret twilio.auth_token; headless: LUX_SECRET_TWILIO_AUTH_TOKEN)."));
    if (!m_client)
        m_client = std::make_unique<TwilioClient>(m_network, m_config);
    return m_client.get();
}

Result<std::unique_ptr<Channel>> SmsChannelFactory::make(const tracking::CampaignTracking &tracking)
{
    const auto twilio = client();
    if (!twilio)
        return twilio.error();
    return std::unique_ptr<Channel>(std::make_unique<SmsChannel>(m_db, *twilio, m_window, &tracking, m_clock));
}

} // namespace lux::channels::twilio
