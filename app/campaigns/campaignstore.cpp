// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignstore.h"

#include "abtest.h"
#include "campaigns/reach.h"
#include "common/errorcodes.h"

#include "contacts/addressing.h"
#include "contacts/segment.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "users/auditlog.h"

#include <QJsonArray>

#include <climits>
#include <QJsonDocument>
#include <QTimeZone>
#include <QDateTime>
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
                          "scheduled_at, created_at, updated_at, senders, local_time, tracking, channel, anonymous_counts, body, event_id, automation_id, social_account_id FROM campaigns ";

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
    c.extraSenders = strings(QJsonDocument::fromJson(q.value(13).toString().toUtf8()).array());
    c.localTime = q.value(14).toInt() != 0;
    c.tracking = q.value(15).toInt() == 0 ? TrackingMode::Off : q.value(17).toInt() != 0 ? TrackingMode::Anonymous : TrackingMode::PerPerson;
    c.channel = q.value(16).toString();
    c.body = q.value(18).toString();
    if (!q.value(19).isNull())
        c.eventId = q.value(19).toLongLong();
    if (!q.value(20).isNull())
        c.automationId = q.value(20).toLongLong();
    if (!q.value(21).isNull())
        c.socialAccountId = q.value(21).toLongLong();
    return c;
}

// The sender as stored: a mailbox in its readable form, a number or service SID as written.
QString senderValue(const Campaign &c)
{
    if (c.channel == QLatin1String("sms"))
        return c.fromEmail.trimmed();
    return contacts::Addressing::parseEmail(c.fromEmail)->display;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QStringList Campaign::senders() const
{
    QStringList out;
    // Mailboxes compare without case; numbers and Messaging Service SIDs are kept as written.
    const bool mail = channel != QLatin1String("sms");
    for (const QString &s : QStringList{fromEmail} + extraSenders)
        if (const QString m = mail ? s.trimmed().toLower() : s.trimmed(); !m.isEmpty() && !out.contains(m))
            out << m;
    return out;
}

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

QString trackingModeName(TrackingMode mode)
{
    switch (mode) {
    case TrackingMode::Off: return QStringLiteral("off");
    case TrackingMode::PerPerson: return QStringLiteral("person");
    case TrackingMode::Anonymous: return QStringLiteral("anonymous");
    }
    return {};
}

std::optional<TrackingMode> trackingModeFromName(const QString &name)
{
    for (TrackingMode m : {TrackingMode::Off, TrackingMode::PerPerson, TrackingMode::Anonymous})
        if (trackingModeName(m) == name)
            return m;
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
    case S::Sent: return to == S::Sending; // only to retry rows that failed
    case S::Cancelled: return false;
    }
    return false;
}

Status CampaignStore::validate(const Campaign &c, qint64 exceptId) const
{
    const QString name = c.name.trimmed();
    if (name.isEmpty())
        return Error(errc::campaignName, tr("A campaign needs a name."));
    if (c.channel == QLatin1String("sms")) {
        // A text goes from a sending number (checked against the senders when it is scheduled).
        if (c.fromEmail.trimmed().isEmpty())
            return Error(errc::campaignFrom, tr("Choose the number the texts go from."));
        if (c.body.size() > kMaxSmsBody)
            return Error(errc::smsBody, tr("A text may have at most %1 characters; this one has %2.").arg(kMaxSmsBody).arg(c.body.size()));
    } else {
        const auto from = contacts::Addressing::parseEmail(c.fromEmail);
        if (!from)
            return Error(errc::campaignFrom, tr("The sender address “%1” is not valid: %2").arg(c.fromEmail, from.error().message));
        for (const QString &extra : c.extraSenders)
            if (!contacts::Addressing::parseEmail(extra))
                return Error(errc::campaignFrom, tr("The sender address “%1” is not valid.").arg(extra));
        if (!c.replyTo.trimmed().isEmpty() && !contacts::Addressing::parseEmail(c.replyTo))
            return Error(errc::campaignReplyTo, tr("The reply-to address “%1” is not valid.").arg(c.replyTo));
    }
    QSqlQuery q(m_db);
    if (c.templateId != 0) {
        q.prepare(QStringLiteral("SELECT 1 FROM templates WHERE id = ?"));
        q.addBindValue(c.templateId);
        if (!q.exec())
            return storage::queryError(q);
        if (!q.next())
            return Error(errc::campaignTemplate, tr("The campaign's template no longer exists."));
    }
    q.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE lower(name) = lower(?) AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (!q.exec())
        return storage::queryError(q);
    if (q.next())
        return Error(errc::campaignDuplicate, tr("There is already a campaign named “%1”.").arg(name));
    return {};
}

Result<Campaign> CampaignStore::create(const Campaign &c, std::optional<qint64> byUser, const Within &within)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    if (Status s = validate(c, 0); !s)
        return s.error();
    const QString name = c.name.trimmed();
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, template_id, subject, preheader, from_email, from_name, reply_to, audience, "
                             "status, created_at, updated_at, created_by, updated_by, senders, local_time, scheduled_at, tracking, "
                             "anonymous_counts, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    for (const QVariant &v : QVariantList{name, c.templateId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(c.templateId),
                                          storage::notNull(c.subject), storage::notNull(c.preheader),
                                          senderValue(c), storage::notNull(c.fromName.trimmed()),
                                          storage::notNull(c.replyTo.trimmed()), json(c.audience.toJson()), now, now,
                                          storage::userValue(byUser), storage::userValue(byUser),
                                          QString::fromUtf8(QJsonDocument(array(c.extraSenders)).toJson(QJsonDocument::Compact)),
                                          int(c.localTime),
                                          c.scheduledAt ? QVariant(*c.scheduledAt) : QVariant(QMetaType::fromType<qint64>()),
                                          int(c.tracking != TrackingMode::Off), int(c.tracking == TrackingMode::Anonymous),
                                          c.channel.isEmpty() ? QStringLiteral("email") : c.channel, storage::notNull(c.body)})
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("campaign.created"), QStringLiteral("campaign"), id, name, now); !s)
        return s.error();
    if (within)
        if (Status s = within(id); !s)
            return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return find(id);
}

Result<Campaign> CampaignStore::update(const Campaign &c, std::optional<qint64> byUser, const Within &within)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    const auto current = find(c.id);
    if (!current)
        return current.error();
    if (current->status != CampaignStatus::Draft)
        return Error(errc::campaignLocked,
                     tr("Campaign “%1” is %2; only drafts can be changed.").arg(current->name, statusLabel(current->status)));
    if (Status s = validate(c, c.id); !s)
        return s.error();
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE campaigns SET name = ?, template_id = ?, subject = ?, preheader = ?, from_email = ?, from_name = ?, "
                             "reply_to = ?, audience = ?, senders = ?, local_time = ?, scheduled_at = ?, tracking = ?, "
                             "anonymous_counts = ?, body = ?, updated_at = ?, updated_by = ? WHERE id = ? AND status = 'draft'"));
    for (const QVariant &v : QVariantList{c.name.trimmed(), c.templateId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(c.templateId),
                                          storage::notNull(c.subject), storage::notNull(c.preheader),
                                          senderValue(c), storage::notNull(c.fromName.trimmed()),
                                          storage::notNull(c.replyTo.trimmed()), json(c.audience.toJson()),
                                          QString::fromUtf8(QJsonDocument(array(c.extraSenders)).toJson(QJsonDocument::Compact)),
                                          int(c.localTime),
                                          c.scheduledAt ? QVariant(*c.scheduledAt) : QVariant(QMetaType::fromType<qint64>()),
                                          int(c.tracking != TrackingMode::Off), int(c.tracking == TrackingMode::Anonymous),
                                          storage::notNull(c.body), now, storage::userValue(byUser), c.id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::campaignTransition, tr("Campaign “%1” changed meanwhile; look again.").arg(current->name));
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("campaign.edited"), QStringLiteral("campaign"), c.id, c.name.trimmed(), now); !s)
        return s.error();
    if (within)
        if (Status s = within(c.id); !s)
            return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return find(c.id);
}

Result<Campaign> CampaignStore::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kColumns) + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (!q.next())
        return Error(errc::campaignNotFound, tr("There is no campaign %1.").arg(id));
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
        return Error(errc::campaignNotFound, tr("There is no campaign named “%1”.").arg(name.trimmed()));
    return fromQuery(q);
}

QList<Campaign> CampaignStore::list() const
{
    QList<Campaign> out;
    QSqlQuery q(m_db);
    // An event's mail campaign is the event's, shown with it (events/eventmail.h), not here.
    if (q.exec(QString::fromLatin1(kColumns) + QStringLiteral("WHERE event_id IS NULL AND automation_id IS NULL AND social_account_id IS NULL ORDER BY id DESC")))
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
        return Error(errc::campaignTransition,
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
        return Error(errc::campaignTransition, tr("Campaign “%1” changed meanwhile; look again.").arg(c->name));
    if (Status s = AuditLog(m_db).record(byUser, QStringLiteral("campaign.%1").arg(statusName(to)), QStringLiteral("campaign"), id, c->name, now);
        !s)
        return s;
    return tx.commit();
}

Result<CampaignStore::AudienceSql> CampaignStore::selectionSql(const Audience &audience, qint64 now) const
{
    // Tags and segments by name; a missing one is an error, not an empty set. Binds follow the
    // order the clauses appear in the text.
    AudienceSql out;
    QString problem;
    const auto clauses = [&](const QStringList &tags, const QStringList &segments) {
        QStringList parts;
        for (const QString &tag : tags) {
            parts << QStringLiteral("EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                    "WHERE ct.contact_id = c.id AND lower(t.name) = lower(?))");
            out.binds << tag;
        }
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
            parts << u'(' + compiled->where + u')';
            out.binds << compiled->binds;
        }
        return parts;
    };
    out.where = QStringLiteral("1");
    const QStringList include = clauses(audience.includeTags, audience.includeSegments);
    const QStringList exclude = clauses(audience.excludeTags, audience.excludeSegments);
    if (!problem.isEmpty())
        return Error(errc::campaignAudience, problem);
    if (!include.isEmpty())
        out.where += QStringLiteral(" AND (") + include.join(QStringLiteral(" OR ")) + u')';
    if (!exclude.isEmpty())
        out.where += QStringLiteral(" AND NOT (") + exclude.join(QStringLiteral(" OR ")) + u')';
    return out;
}

Result<CampaignStore::AudienceSql> CampaignStore::audienceSql(const Audience &audience, qint64 now, const QString &channel) const
{
    auto out = selectionSql(audience, now);
    if (!out)
        return out;
    const Reach r = reach(channel);
    out->where = QStringLiteral("%1 AND %2 AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.channel = '%3' AND s.address_key = %4) AND ")
                     .arg(r.reachable, r.textable, r.channel, r.key) // from the reach table, not input
                 + out->where;
    return out;
}

Result<QList<CampaignStore::Recipient>> CampaignStore::recipients(const Campaign &c) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(o.contact_id, 0), o.address, coalesce(ct.time_zone, ''), o.due_at FROM outbox o "
                             "LEFT JOIN contacts ct ON ct.id = o.contact_id WHERE o.campaign_id = ? AND o.state IN ('pending', 'sending', 'unknown') "
                             "ORDER BY o.id"));
    q.addBindValue(c.id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Recipient> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ?"));
    q.addBindValue(c.id);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    if (q.value(0).toLongLong() > 0)
        return out; // frozen: these rows are who is left
    const auto sql = audienceSql(c.audience, m_clock(), c.channel);
    if (!sql)
        return sql.error();
    const Reach r = reach(c.channel);
    q.prepare(QStringLiteral("SELECT c.id, %1, coalesce(c.time_zone, '') FROM contacts c WHERE ").arg(r.address) + sql->where
              + QStringLiteral(" ORDER BY c.id"));
    for (const QVariant &v : sql->binds)
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), 0});
    return out;
}

Result<CampaignStore::Breakdown> CampaignStore::breakdown(const Audience &audience, const QString &channel) const
{
    const auto sql = selectionSql(audience, m_clock());
    if (!sql)
        return sql.error();
    const Reach r = reach(channel);
    // Each contact counted once, for the first reason that leaves it out.
    const QString suppressed =
        QStringLiteral("EXISTS (SELECT 1 FROM suppression s WHERE s.channel = '%1' AND s.address_key = %2)").arg(r.channel, r.key);
    QSqlQuery q(m_db);
    // Suppressed before consent: a STOP withdraws consent too, and the reason to show is the STOP.
    q.prepare(QStringLiteral("SELECT"
                             " sum(CASE WHEN NOT (%1) THEN 1 ELSE 0 END),"
                             " sum(CASE WHEN (%1) AND NOT (%2) THEN 1 ELSE 0 END),"
                             " sum(CASE WHEN (%1) AND (%2) AND NOT %4 AND NOT (%3) THEN 1 ELSE 0 END),"
                             " sum(CASE WHEN (%1) AND (%2) AND %4 THEN 1 ELSE 0 END),"
                             " sum(CASE WHEN (%1) AND (%2) AND NOT %4 AND (%3) THEN 1 ELSE 0 END) "
                             "FROM contacts c WHERE ")
                  .arg(r.hasAddress, r.textable, r.reachable, suppressed)
              + sql->where);
    for (const QVariant &v : sql->binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    Breakdown b;
    b.noAddress = q.value(0).toLongLong();
    b.notTextable = q.value(1).toLongLong();
    b.noConsent = q.value(2).toLongLong();
    b.suppressed = q.value(3).toLongLong();
    b.reachable = q.value(4).toLongLong();
    return b;
}

Result<qint64> CampaignStore::countAudience(const Audience &audience, const QString &channel) const
{
    const auto sql = audienceSql(audience, m_clock(), channel);
    if (!sql)
        return sql.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM contacts c WHERE ") + sql->where);
    for (const QVariant &v : sql->binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return storage::queryError(q);
    return q.value(0).toLongLong();
}

qint64 CampaignStore::firstDueAt(const Campaign &c)
{
    const qint64 at = c.scheduledAt.value_or(0);
    return c.localTime ? at - 14LL * 3600 * 1000 : at; // UTC+14 (Kiribati) sees a wall time first
}

Status CampaignStore::setLocalDueTimes(const Campaign &c)
{
    // The same wall-clock time in each recipient's zone; one update per zone, not per row.
    const QDateTime wall = QDateTime::fromMSecsSinceEpoch(c.scheduledAt.value_or(0), Qt::UTC);
    QSqlQuery zones(m_db);
    zones.prepare(QStringLiteral("SELECT DISTINCT coalesce(c.time_zone, '') FROM outbox o JOIN contacts c ON c.id = o.contact_id "
                                 "WHERE o.campaign_id = ?"));
    zones.addBindValue(c.id);
    if (!zones.exec())
        return storage::queryError(zones);
    QStringList names;
    while (zones.next())
        names << zones.value(0).toString();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET due_at = ? WHERE campaign_id = ? "
                             "AND contact_id IN (SELECT id FROM contacts WHERE coalesce(time_zone, '') = ?)"));
    for (const QString &name : std::as_const(names)) {
        const QTimeZone zone(name.toUtf8());
        QDateTime local(wall.date(), wall.time(), zone.isValid() ? zone : QTimeZone::systemTimeZone());
        q.addBindValue(local.toMSecsSinceEpoch());
        q.addBindValue(c.id);
        q.addBindValue(name);
        if (!q.exec())
            return storage::queryError(q);
    }
    return {};
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
    const auto audience = audienceSql(c->audience, now, c->channel);
    if (!audience)
        return audience.error();
    const Reach r = reach(c->channel);
    const auto sender = contacts::Addressing::parseEmail(c->fromEmail);
    const QString domain = sender ? sender->ascii.section(u'@', -1) : QStringLiteral("lux.invalid");
    const QString nonce = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
    // One row per recipient, each with its Message-ID; `more` columns and values for an A/B test's.
    const auto insert = [&](const QString &moreColumns, const QString &moreValues, const QString &from, const QString &where,
                            const QVariantList &moreBinds) -> Result<qint64> {
        // queued_at: the frequency cap counts what was queued for a contact in the last day.
        q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, updated_at, "
                                 "queued_at%3) SELECT ?, c.id, ?, %1, %2, 'pending', '<lux.' || ? || '.' || c.id || '.' || ? || '@' || ? || '>', ?, ?%4 "
                                 "FROM ")
                      .arg(r.address, r.key, moreColumns, moreValues)
                  + from + QStringLiteral(" WHERE ") + where);
        for (const QVariant &v : QVariantList{id, c->channel, QString::number(id), nonce, domain, now, now} + moreBinds + audience->binds)
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
        return qint64(q.numRowsAffected());
    };
    const auto test = AbTests(m_db, m_clock).find(id);
    if (!test)
        return test.error();
    qint64 frozen = 0;
    bool drawn = false;
    if (*test) {
        if (Status s = AbTests(m_db, m_clock).validate(*c, (*test)->config); !s)
            return s.error();
        // An A/B test: the test group drawn from the audience at random (the seed recorded), dealt
        // out A, B, C, A, B, C … in send order, then the rest, held until the decision.
        q.prepare(QStringLiteral("SELECT c.id FROM contacts c WHERE ") + audience->where + QStringLiteral(" ORDER BY c.id"));
        for (const QVariant &v : std::as_const(audience->binds))
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        QList<qint64> everyone;
        while (q.next())
            everyone << q.value(0).toLongLong();
        q.finish();
        const int k = int((*test)->config.variants.size());
        if (everyone.size() > k) { // else nothing to test: everyone gets A (below)
            const quint64 seed = QRandomGenerator::system()->generate64();
            const QList<qint64> group = AbTests::draw(everyone, AbTests::testGroupSize((*test)->config, everyone.size()), seed);
            if (!q.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS ab_draw (pos INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL, "
                                       "variant INTEGER NOT NULL)"))
                || !q.exec(QStringLiteral("DELETE FROM temp.ab_draw")))
                return storage::queryError(q);
            q.prepare(QStringLiteral("INSERT INTO temp.ab_draw (pos, contact_id, variant) VALUES (?, ?, ?)"));
            for (qint64 i = 0; i < group.size(); ++i) {
                q.addBindValue(i);
                q.addBindValue(group.at(i));
                q.addBindValue(int(i % k));
                if (!q.exec())
                    return storage::queryError(q);
            }
            const auto tested = insert(QStringLiteral(", variant, ab_group"), QStringLiteral(", d.variant, 1"),
                                       QStringLiteral("temp.ab_draw d JOIN contacts c ON c.id = d.contact_id"),
                                       audience->where + QStringLiteral(" ORDER BY d.pos"), {});
            if (!tested)
                return tested.error();
            const auto held = insert(QStringLiteral(", ab_group, due_at"), QStringLiteral(", 0, ?"), QStringLiteral("contacts c"),
                                     audience->where + QStringLiteral(" AND c.id NOT IN (SELECT contact_id FROM temp.ab_draw)"),
                                     {AbTests::kHeld});
            if (!held)
                return held.error();
            if (!q.exec(QStringLiteral("DELETE FROM temp.ab_draw")))
                return storage::queryError(q);
            if (Status s = AbTests(m_db, m_clock).recordDraw(*c, **test, QString::number(seed), *tested, *held); !s)
                return s.error();
            frozen = *tested + *held;
            drawn = true;
        }
    }
    if (!drawn) {
        const auto rows = insert({}, {}, QStringLiteral("contacts c"), audience->where, {});
        if (!rows)
            return rows.error();
        frozen = *rows;
        if (*test)
            if (Status s = AbTests(m_db, m_clock).recordTooSmall(*c, frozen); !s)
                return s.error();
    }
    if (c->localTime && c->scheduledAt)
        if (Status s = setLocalDueTimes(*c); !s)
            return s.error();
    if (Status s = AuditLog(m_db).record(std::nullopt, QStringLiteral("campaign.frozen"), QStringLiteral("campaign"), id,
                                         tr("%n recipient(s)", nullptr, int(std::min<qint64>(frozen, INT_MAX))), now);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return frozen;
}

} // namespace lux::campaigns
