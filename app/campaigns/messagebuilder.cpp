// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebuilder.h"
#include "common/errorcodes.h"

#include "assistant/mediastore.h"
#include "contacts/contactrepository.h"
#include "content/mimemessage.h"
#include "content/templatestore.h"
#include "tracking/campaigntracking.h"

#include <QDateTime>

namespace lux::campaigns {

MessageBuilder::MessageBuilder(QSqlDatabase db, Clock clock) : m_db(std::move(db)), m_clock(std::move(clock)) {}

MessageBuilder::~MessageBuilder() = default;

Status MessageBuilder::prepare(const Campaign &c)
{
    const auto t = content::TemplateStore(m_db).find(c.templateId);
    if (!t)
        return Error(errc::dispatchTemplate, tr("The campaign's template cannot be read: %1").arg(t.error().message));
    m_template = std::make_unique<content::EmailTemplate>(*t);
    if (!c.subject.isEmpty())
        m_template->subject = c.subject;
    if (!c.preheader.isEmpty())
        m_template->preheader = c.preheader;
    m_renderer = std::make_unique<content::TemplateRenderer>(m_db);
    m_fromName = c.fromName;
    m_fromAddress = c.fromEmail;
    m_replyTo = c.replyTo;
    m_listId = QStringLiteral("%1 <campaign-%2.%3>").arg(c.name).arg(c.id).arg(m_fromAddress.section(u'@', -1));
    m_campaignId = c.id;
    // Images from the media library the message shows as cid:media-N go inside it (inline parts).
    m_images.clear();
    const content::RenderedEmail sample = m_renderer->render(*m_template, nullptr);
    const QHash<QString, assistant::MediaItem> media = assistant::MediaStore(m_db).referencedBy(sample.html);
    for (auto it = media.cbegin(); it != media.cend(); ++it)
        m_images << content::InlineImage{it.key(), it->mime,
                                         it.key() + (it->mime == u"image/jpeg" ? QStringLiteral(".jpg")
                                                     : it->mime == u"image/gif" ? QStringLiteral(".gif") : QStringLiteral(".png")),
                                         it->data};
    m_tracks = m_tracking && m_tracking->hasTracker() && c.tracking != TrackingMode::Off;
    m_anonymous = c.tracking == TrackingMode::Anonymous;
    if (m_tracks) {
        auto links = tracking::CampaignTracking::loadLinks(m_db, c.id);
        if (!links)
            return links.error();
        m_links = *links;
    }
    return {};
}

Result<QByteArray> MessageBuilder::build(const Recipient &r) const
{
    if (!m_template)
        return Error(errc::dispatchTemplate, tr("The message builder was not prepared."));
    const content::RenderedEmail rendered = m_renderer->render(*m_template, r.contact, {{QStringLiteral("unsubscribe_url"), r.unsubscribeUrl}});
    // Merge problems, and a template or message over the limits (nothing was parsed, nothing to send).
    for (const content::Finding &f : rendered.findings)
        if (f.severity == content::Finding::Severity::Error
            && (f.code.startsWith(QLatin1String("merge.")) || content::PreSendCheck::refuses(f)))
            return Error(errc::dispatchRender, f.message);
    content::MimeInput in;
    in.fromName = m_fromName;
    in.fromAddress = r.mailbox.isEmpty() ? m_fromAddress : r.mailbox; // each mailbox sends as itself
    in.toName = r.contact ? QString(r.contact->firstName + u' ' + r.contact->lastName).trimmed() : QString();
    in.toAddress = r.address;
    in.replyTo = m_replyTo;
    in.subject = r.subjectPrefix + rendered.subject;
    const bool tracked = m_tracks && r.outboxId > 0;
    in.html = tracked ? m_tracking->decorate(rendered.html, m_campaignId, r.outboxId, m_links, m_anonymous) : rendered.html;
    in.text = tracked ? m_tracking->decorateText(rendered.text, m_campaignId, r.outboxId, m_links, m_anonymous) : rendered.text;
    in.messageId = r.messageId;
    in.date = QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC);
    // Without a tracker the unsubscribe address is a mailto: (no one-click).
    if (r.unsubscribeUrl.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        in.listUnsubscribeMailto = r.unsubscribeUrl;
    else
        in.listUnsubscribeUrl = r.unsubscribeUrl;
    in.listId = m_listId;
    in.images = m_images;
    return content::MimeMessage::build(in);
}

} // namespace lux::campaigns
