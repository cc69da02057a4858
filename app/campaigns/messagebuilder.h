// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/campaignstore.h"
#include "common/clock.h"
#include "common/result.h"
#include "content/mimemessage.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <memory>

namespace lux::contacts {
struct Contact;
}
namespace lux::content {
class TemplateRenderer;
struct EmailTemplate;
} // namespace lux::content

namespace lux::tracking {
class CampaignTracking;
}

namespace lux::campaigns {

// One campaign's message for one recipient, as MIME (List-Unsubscribe and List-Id included): the
// campaign's template with its subject and preheader, merged for the contact, from the mailbox that
// sends it. Shared by the dispatcher and test sends so a test looks exactly like the real thing.
class MessageBuilder
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::MessageBuilder)
public:
    explicit MessageBuilder(QSqlDatabase db, Clock clock = systemClock());
    ~MessageBuilder();

    // With tracking (not owned; outlives the builder) and a tracker, a campaign that tracks gets the
    // links of both parts rewritten and the open pixel, per outbox row (anonymous ones for a campaign
    // that keeps only counts). Set before prepare().
    void setTracking(const tracking::CampaignTracking *tracking) { m_tracking = tracking; }
    Status prepare(const Campaign &c);

    struct Recipient
    {
        const contacts::Contact *contact = nullptr; // null: merge tags take their fallbacks
        QString address;
        QString mailbox;   // the sender mailbox; empty: the campaign's From
        QString messageId; // without angle brackets
        QString unsubscribeUrl; // the one-click https link, or a mailto: without a tracker
        QString subjectPrefix; // "[Test] " for test sends
        qint64 outboxId = 0;   // 0: a test send, never tracked
    };
    Result<QByteArray> build(const Recipient &r) const;

private:
    QSqlDatabase m_db;
    Clock m_clock;
    std::unique_ptr<content::TemplateRenderer> m_renderer;
    std::unique_ptr<content::EmailTemplate> m_template;
    QString m_fromName, m_fromAddress, m_replyTo, m_listId;
    const tracking::CampaignTracking *m_tracking = nullptr;
    bool m_tracks = false;
    bool m_anonymous = false;
    qint64 m_campaignId = 0;
    QHash<QString, quint32> m_links;
    QList<content::InlineImage> m_images;
};

} // namespace lux::campaigns
