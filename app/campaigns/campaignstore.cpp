// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignstore.h"

#include "contacts/addressing.h"
#include "contacts/segment.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "users/auditlog.h"

#include <QJsonArray>

#include <climits>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace lux::campaigns {

namespace {

QJsonArray array(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        if (const QString s = e.toString().trimmed(); !s.isEmpty())
            out << s;
    return out;
}

constexpr auto kColumns = "SELECT id, name, template_id, subject, preheader, from_email, from_name, reply_to, audience, status, "
                          "scheduled_at, created_at, updated_at FROM campaigns ";

Campaign fromQuery(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.templateId = q.value(2).toLongLong();
    c.subject = q.value(3).toString();
    c.preheader = q.value(4).toString();
    c.fromEmail = q.value(5).toString();
    c.fromName = q.value(6).toString();
    c.replyTo = q.value(7).toString();
    c.audience = Audience::fromJson(QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object());
    c.status = statusFromName(q.value(9).toString()).value_or(CampaignStatus::Draft);
    if (!q.value(10).isNull())
        c.scheduledAt = q.value(10).toLongLong();
    c.createdAt = q.value(11).toLongLong();
    c.updatedAt = q.value(12).toLongLong();
    return c;
}

} // namespace

QString statusName(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft: return QStringLiteral("draft");
    case CampaignStatus::Scheduled: return QStringLiteral("scheduled");
    case CampaignStatus::Sending: return QStringLiteral("sending");
    case CampaignStatus::Paused: return QStringLiteral("paused");
    case CampaignStatus::Sent: return QStringLiteral("sent");
    case CampaignStatus::Failed: return QStringLiteral("failed");
    case CampaignStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<CampaignStatus> statusFromName(const QString &name)
{
    for (CampaignStatus s : {CampaignStatus::Draft, CampaignStatus::Scheduled, CampaignStatus::Sending, CampaignStatus::Paused,
                             CampaignStatus::Sent, CampaignStatus::Failed, CampaignStatus::Cancelled})
        if (statusName(s) == name)
            return s;
    return std::nullopt;
}

QJsonObject Audience::toJson() const
{
    return {{QStringLiteral("include_tags"), array(includeTags)},
            {QStringLiteral("include_segments"), array(includeSegments)},
            {QStringLiteral("exclude_tags"), array(excludeTags)},
            {QStringLiteral("exclude_segments"), array(excludeSegments)}};
}

Audience Audience::fromJson(const QJsonObject &o)
{
    Audience a;
    a.includeTags = strings(o.value(QStringLiteral("include_tags")));
    a.includeSegments = strings(o.value(QStringLiteral("include_segments")));
    a.excludeTags = strings(o.value(QStringLiteral("exclude_tags")));
    a.excludeSegments = strings(o.value(QStringLiteral("exclude_segments")));
    return a;
}

QString CampaignStore::statusLabel(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft: return tr("draft");
    case CampaignStatus::Scheduled: return tr("scheduled");
    case CampaignStatus::Sending: return tr("sending");
    case CampaignStatus::Paused: return tr("paused");
    case CampaignStatus::Sent: return tr("sent");
    case CampaignStatus::Failed: return tr("failed");
    case CampaignStatus::Cancelled: return tr("cancelled");
    }
    return {};
}

bool CampaignStore::canMove(CampaignStatus from, CampaignStatus to)
{
    using S = CampaignStatus;
    switch (from) {
    case S::Draft: return to == S::Scheduled || to == S::Cancelled;
    case S::Scheduled: return to == S::Draft || to == S::Sending || to == S::Cancelled;
    case S::Sending: return to == S::Paused || to == S::Sent || to == S::Failed || to == S::Cancelled;
    case S::Paused: return to == S::Sending || to == S::Cancelled;
    case S::Failed: return to == S::Sending || to == S::Cancelled; // resume once the cause is fixed
    case S::Sent:
    case S::Cancelled: return false;
    }
    return false;
}

Result<Campaign> CampaignStore::create(const Campaign &c, std::optional<qint64> byUser)
{
    const QString name = c.name.trimmed();
    if (name.isEmpty())
        return Error(QStringLiteral("campaign.name"), tr("A campaign needs a name."));
    const auto from = contacts::Addressing::parseEmail(c.fromEmail);
    if (!from)
        return Error(QStringLiteral("campaign.from"), tr("The sender address “%1” is not valid: %2").arg(c.fromEmail, from.error().message));
    if (!c.replyTo.trimmed().isEmpty() && !contacts::Addressing::parseEmail(c.replyTo))
        return Error(QStringLiteral("campaign.reply-to"), tr("The reply-to address “%1” is not valid.").arg(c.replyTo));
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    if (c.templateId != 0) {
        q.prepare(QStringLiteral("SELECT 1 FROM templates WHERE id = ?"));
        q.addBindValue(c.templateId);
        if (!q.exec())
            return storage::queryError(q);
        if (!q.next())
            return Error(QStringLiteral("campaign.template"), tr("The campaign's template no longer exists."));
    }
    q.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE lower(name) = lower(?)"));
    q.addBindValue(name);
    if (!q.exec())
        return storage::queryError(q);
    if (q.next())
        return Error(QStringLiteral("campaign.duplicate"), tr("There is already a campaign named “%1”.").arg(name));
    const qint64 now = m_clock();
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, template_id, subject, preheader, from_email, from_name, reply_to, audience, "
                             "status, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?) "
                             "RETURNING id"));
    for (const QVariant &v : QVariantList{name, c.templateId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(c.templateId),
                                          storage::notNull(c.subject), storage::notNull(c.preheader), from->display, storage::notNull(c.fromName.trimmed()), storage::notNull(c.replyTo.trimmed()),
                                          QString::fromUtf8(QJsonDocument(c.audience.toJson()).toJson(QJsonDocument::Compact)), now, now,
                                          storage::userValue(byUser), storage::userValue(byUser)})
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("campaign.created"), QStringLiteral("campaign"), id, name, now); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return find(id);
}

Result<Campaign> CampaignStore::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(QStringLiteral("campaign.not-found"), tr("There is no campaign %1.").arg(id));
    return fromQuery(q);
}

Result<Campaign> CampaignStore::find(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE lower(name) = lower(?)"));
    q.addBindValue(name.trimmed());
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(QStringLiteral("campaign.not-found"), tr("There is no campaign named “%1”.").arg(name.trimmed()));
    return fromQuery(q);
}

QList<Campaign> CampaignStore::list() const
{
    QList<Campaign> out;
    QSqlQuery q(m_db);
    if (q.exec(QString::fromLatin1(kColumns) + QStringLiteral("ORDER BY id DESC")))
        while (q.next())
            out << fromQuery(q);
    return out;
}

Result<Campaign> CampaignStore::duplicate(qint64 id, const QString &newName, std::optional<qint64> byUser)
{
    auto c = find(id);
    if (!c)
        return c.error();
    Campaign copy = *c;
    copy.id = 0;
    copy.name = newName;
    copy.scheduledAt.reset();
    return create(copy, byUser);
}

Status CampaignStore::transition(qint64 id, CampaignStatus to, std::optional<qint64> byUser, std::optional<qint64> scheduledAt)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto c = find(id);
    if (!c)
        return c.error();
    if (!canMove(c->status, to))
        return Error(QStringLiteral("campaign.transition"),
                     tr("Campaign “%1” is %2 and cannot become %3.").arg(c->name, statusLabel(c->status), statusLabel(to)));
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    // Compare and set: only if nobody moved it since it was read.
    q.prepare(QStringLiteral("UPDATE campaigns SET status = ?, scheduled_at = coalesce(?, scheduled_at), updated_at = ?, updated_by = ? "
                             "WHERE id = ? AND status = ?"));
    for (const QVariant &v : QVariantList{statusName(to), scheduledAt ? QVariant(*scheduledAt) : QVariant(QMetaType::fromType<qint64>()), now,
                                          storage::userValue(byUser), id, statusName(c->status)})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(QStringLiteral("campaign.transition"), tr("Campaign “%1” changed meanwhile; look again.").arg(c->name));
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("campaign.%1").arg(statusName(to)), QStringLiteral("campaign"), id, c->name, now);
        !s)
        return s;
    return tx.commit();
}

Result<qint64> CampaignStore::freezeAudience(qint64 id)
{
    const auto c = find(id);
    if (!c)
        return c.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    if (const qint64 existing = q.value(0).toLongLong(); existing > 0)
        return existing; // frozen already: the audience never changes once sending started
    const qint64 now = m_clock();

    // Tags and segments by name; a missing one is an error, not an empty set.
    QVariantList binds;
    const auto tagClause = [&](const QStringList &tags) {
        QStringList parts;
        for (const QString &tag : tags) {
            parts << QStringLiteral("EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                    "WHERE ct.contact_id = c.id AND lower(t.name) = lower(?))");
            binds << tag;
        }
        return parts;
    };
    QString problem;
    const auto segmentClause = [&](const QStringList &segments) {
        QStringList parts;
        for (const QString &name : segments) {
            QSqlQuery s(m_db);
            s.prepare(QStringLiteral("SELECT rules FROM segments WHERE lower(name) = lower(?)"));
            s.addBindValue(name);
            if (!s.exec() || !s.next()) {
                problem = tr("There is no segment named “%1”.").arg(name);
                continue;
            }
            const auto compiled = contacts::Segment::compile(QJsonDocument::fromJson(s.value(0).toString().toUtf8()).object(), now);
            if (!compiled) {
                problem = tr("Segment “%1” cannot be used: %2").arg(name, compiled.error().message);
                continue;
            }
            parts << compiled->where;
            binds << compiled->binds;
        }
        return parts;
    };
    // The binds are collected in the order the clauses appear in the text below.
    const auto sender = contacts::Addressing::parseEmail(c->fromEmail);
    const QString domain = sender ? sender->ascii.section(u'@', -1) : QStringLiteral("lux.invalid");
    const QString nonce = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
    binds << id << QString::number(id) << nonce << domain << now;
    QStringList include = tagClause(c->audience.includeTags);
    include << segmentClause(c->audience.includeSegments);
    QStringList exclude = tagClause(c->audience.excludeTags);
    exclude << segmentClause(c->audience.excludeSegments);
    if (!problem.isEmpty())
        return Error(QStringLiteral("campaign.audience"), problem);
    const QString sql =
        QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, email, email_key, state, message_id, updated_at) "
                       "SELECT ?, c.id, c.email, c.email_key, 'pending', '<lux.' || ? || '.' || c.id || '.' || ? || '@' || ? || '>', ? "
                       "FROM contacts c WHERE c.status = 'subscribed' "
                       "AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.channel = 'email' AND s.address_key = c.email_key)")
        + (include.isEmpty() ? QString() : QStringLiteral(" AND (") + include.join(QStringLiteral(" OR ")) + u')')
        + (exclude.isEmpty() ? QString() : QStringLiteral(" AND NOT (") + exclude.join(QStringLiteral(" OR ")) + u')');
    q.prepare(sql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 frozen = q.numRowsAffected();
    if (Status s = AuditLog(m_db).record(std::nullopt, QStringLiteral("campaign.frozen"), QStringLiteral("campaign"), id,
                                         tr("%n recipient(s)", nullptr, int(std::min<qint64>(frozen, INT_MAX))), now);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return frozen;
}

} // namespace lux::campaigns
