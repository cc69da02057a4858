// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackersync.h"
#include "campaigns/outbox.h"
#include "contacts/smsconsent.h"
#include "common/errorcodes.h"

#include "channels/httpclient.h"

#include "contacts/suppression.h"
#include "events/registrationsync.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "tracking/classifier.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>

namespace lux::tracking {

namespace {
QString trimmedBase(QString base)
{
    base = base.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}
} // namespace

TrackerSync::TrackerSync(QNetworkAccessManager *network, QSqlDatabase db, QString trackerUrl, QByteArray apiToken, qint64 nowMs)
    : m_network(network), m_db(std::move(db)), m_base(trimmedBase(std::move(trackerUrl))), m_token(std::move(apiToken)), m_now(nowMs)
{
}

Result<TrackerSync::Status> TrackerSync::status(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT cursor, synced_at, error FROM tracker_sync WHERE id = 1")) || !q.next())
        return storage::queryError(q, errc::dbRead);
    return Status{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString()};
}

void TrackerSync::recordOutcome(const QString &error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE tracker_sync SET synced_at = ?, error = ? WHERE id = 1"));
    q.addBindValue(m_now ? m_now : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(error);
    (void)q.exec();
}

QCoro::Task<Result<TrackerSync::Summary>> TrackerSync::run(int pageSize)
{
    if (m_base.isEmpty())
        co_return Error(errc::trackerConfig, tr("Set the tracker address first (Settings → Tracking, or luxctl settings set tracker.url)."));
    if (m_token.isEmpty())
        co_return Error(errc::trackerToken,
                        tr("The tracker API token is not set: add it under Settings → Tracking (or set LUX_SECRET_TRACKER_API_TOKEN)."));
    const auto state = status(m_db);
    if (!state)
        co_return state.error();
    Summary total;
    QString cursor = state->cursor;
    channels::HttpClient client(m_network, {QUrl(m_base), 30'000});
    client.setBearer(m_token);
    for (;;) {
        channels::HttpRequest request;
        request.path = QStringLiteral("/api/v1/events?")
                       + QUrlQuery{{QStringLiteral("after"), cursor}, {QStringLiteral("limit"), QString::number(pageSize)}}.query(QUrl::FullyEncoded);
        const channels::HttpResponse reply = co_await client.send(std::move(request));
        const int http = reply.status;
        const QByteArray &body = reply.body;
        QString error;
        if (http == 0)
            error = tr("The tracker at %1 cannot be reached: %2. Events wait there; the next sync catches up.").arg(m_base, reply.errorString);
        else if (http == 401)
            error = tr("The tracker refused the API token (HTTP 401): check it under Settings → Tracking.");
        else if (http != 200)
            error = tr("The tracker answered HTTP %1 to the event request.").arg(http);
        QJsonParseError parse;
        const QJsonObject page = QJsonDocument::fromJson(body, &parse).object();
        if (error.isEmpty() && (parse.error != QJsonParseError::NoError || !page.value(QStringLiteral("events")).isArray()))
            error = tr("The tracker's answer is not an event page (at offset %1).").arg(parse.offset);
        if (!error.isEmpty()) {
            recordOutcome(error);
            co_return Error(http == 0 ? QStringLiteral("tracker.unreachable") : QStringLiteral("tracker.sync"), error);
        }
        const QString next = page.value(QStringLiteral("cursor")).toString();
        const auto applied = apply(page.value(QStringLiteral("events")).toArray(), next);
        if (!applied) {
            recordOutcome(applied.error().message);
            co_return applied.error();
        }
        total.events += applied->events;
        total.opens += applied->opens;
        total.clicks += applied->clicks;
        total.unsubscribes += applied->unsubscribes;
        total.machine += applied->machine;
        total.smsStatuses += applied->smsStatuses;
        total.smsReplies += applied->smsReplies;
        total.smsOptOuts += applied->smsOptOuts;
        total.ignored += applied->ignored;
        total.registrations += applied->registrations;
        cursor = next;
        if (!page.value(QStringLiteral("more")).toBool() || applied->events == 0)
            break;
    }
    total.cursor = cursor;
    recordOutcome(QString());
    co_return total;
}

Result<TrackerSync::Summary> TrackerSync::apply(const QJsonArray &events, const QString &cursor)
{
    Summary s;
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery row(m_db);
    row.prepare(QStringLiteral("SELECT o.contact_id, o.address_key, o.state, o.updated_at, "
                               "(SELECT count(*) FROM campaign_links l WHERE l.campaign_id = o.campaign_id) "
                               "FROM outbox o WHERE o.id = ? AND o.campaign_id = ?"));
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, link_id, at, machine, reason) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tracker_id) DO NOTHING"));
    contacts::SuppressionList suppression(m_db);
    events::RegistrationSync registrations(m_db, m_now ? Clock([now = m_now] { return now; }) : systemClock());
    // Anonymous hits are only counted, so nothing marks one as pulled but the cursor: one at or
    // before the cursor (a page served again) is not counted twice.
    const auto state = status(m_db);
    if (!state)
        return state.error();
    const qint64 pulledUpTo = state->cursor.toLongLong();
    QSqlQuery campaignExists(m_db);
    campaignExists.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE id = ?"));
    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("INSERT INTO tracking_counts (campaign_id, day, kind, link_id, machine, hits) VALUES (?, ?, ?, ?, ?, 1) "
                                 "ON CONFLICT (campaign_id, day, kind, link_id, machine) DO UPDATE SET hits = hits + 1"));
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const qint64 trackerId = e.value(QStringLiteral("id")).toInteger();
        const QString kind = e.value(QStringLiteral("type")).toString();
        const qint64 campaign = e.value(QStringLiteral("campaign")).toInteger();
        const qint64 recipient = e.value(QStringLiteral("recipient")).toInteger();
        const qint64 link = e.value(QStringLiteral("link")).toInteger();
        const qint64 at = e.value(QStringLiteral("at")).toInteger();
        bool machine = e.value(QStringLiteral("machine")).toBool();
        QString reason = e.value(QStringLiteral("reason")).toString();
        ++s.events;
        if (trackerId > 0 && kind.startsWith(QLatin1String("sms-"))) {
            if (lux::Status applied = applySms(e, s); !applied)
                return applied.error();
            continue;
        }
        if (trackerId > 0 && kind == QLatin1String("registration")) {
            const auto applied = registrations.applyWithin(e);
            if (!applied)
                return applied.error();
            ++(applied->known && applied->changed ? s.registrations : s.ignored);
            continue;
        }
        if (trackerId <= 0 || (kind != QLatin1String("open") && kind != QLatin1String("click") && kind != QLatin1String("unsubscribe"))) {
            ++s.ignored;
            continue;
        }
        if (e.value(QStringLiteral("anonymous")).toBool()) {
            // Counted per campaign, day, link and person or machine; no recipient, no time of day.
            if (kind == QLatin1String("unsubscribe") || trackerId <= pulledUpTo) {
                ++s.ignored;
                continue;
            }
            campaignExists.addBindValue(campaign);
            if (!campaignExists.exec())
                return storage::queryError(campaignExists, errc::dbRead);
            const bool known = campaignExists.next();
            campaignExists.finish();
            if (!known) { // deleted since
                ++s.ignored;
                continue;
            }
            const QString day = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).date().toString(Qt::ISODate);
            for (const QVariant &b : QVariantList{campaign, day, kind, kind == QLatin1String("click") ? link : 0, int(machine)})
                count.addBindValue(b);
            if (!count.exec())
                return storage::queryError(count);
            ++(kind == QLatin1String("open") ? s.opens : s.clicks);
            if (machine)
                ++s.machine;
            continue;
        }
        row.addBindValue(recipient);
        row.addBindValue(campaign);
        if (!row.exec())
            return storage::queryError(row, errc::dbRead);
        if (!row.next()) { // a test send (recipient 0), or a campaign deleted since
            ++s.ignored;
            continue;
        }
        const QVariant contactId = row.value(0);
        const QString emailKey = row.value(1).toString();
        const bool delivered = row.value(2).toString() == QLatin1String("sent");
        const qint64 sentAt = row.value(3).toLongLong();
        const int linkCount = row.value(4).toInt();
        row.finish();
        if (kind == QLatin1String("click") && !machine && delivered && at >= sentAt && at - sentAt < context::kClickAfterDeliveryMs) {
            machine = true;
            reason = QStringLiteral("click-after-delivery");
        }
        for (const QVariant &b : QVariantList{trackerId, kind, campaign, recipient, contactId, link, at, int(machine), storage::notNull(reason)})
            insert.addBindValue(b);
        if (!insert.exec())
            return storage::queryError(insert);
        if (insert.numRowsAffected() == 0) { // already pulled (a sync interrupted before its cursor moved)
            ++s.ignored;
            continue;
        }
        if (kind == QLatin1String("open"))
            ++s.opens;
        else if (kind == QLatin1String("click"))
            ++s.clicks;
        if (machine)
            ++s.machine;
        if (kind == QLatin1String("click") && linkCount >= 2) {
            // Every link of the message within a second: a scanner, all of those clicks.
            QSqlQuery burst(m_db);
            burst.prepare(QStringLiteral("SELECT count(DISTINCT link_id) FROM tracking_events "
                                         "WHERE outbox_id = ? AND kind = 'click' AND at BETWEEN ? AND ?"));
            burst.addBindValue(recipient);
            burst.addBindValue(at - context::kAllLinksWindowMs);
            burst.addBindValue(at);
            if (!burst.exec() || !burst.next())
                return storage::queryError(burst, errc::dbRead);
            if (burst.value(0).toInt() >= linkCount) {
                QSqlQuery flag(m_db);
                flag.prepare(QStringLiteral("UPDATE tracking_events SET machine = 1, reason = 'all-links' "
                                            "WHERE outbox_id = ? AND kind = 'click' AND at BETWEEN ? AND ? AND machine = 0"));
                flag.addBindValue(recipient);
                flag.addBindValue(at - context::kAllLinksWindowMs);
                flag.addBindValue(at);
                if (!flag.exec())
                    return storage::queryError(flag);
                s.machine += flag.numRowsAffected();
            }
        }
        if (kind == QLatin1String("unsubscribe")) {
            ++s.unsubscribes;
            const auto added = suppression.addKey(contacts::SuppressionList::Channel::Email, emailKey,
                                                  tr("One-click unsubscribe from campaign %1").arg(campaign));
            if (!added)
                return added.error();
            if (!contactId.isNull()) {
                QSqlQuery consent(m_db);
                consent.prepare(QStringLiteral("INSERT INTO consent_events (contact_id, channel, action, method, evidence, at) "
                                               "VALUES (?, 'email', 'withdrawn', 'form', ?, ?)"));
                consent.addBindValue(contactId);
                consent.addBindValue(tr("Unsubscribed with the link in campaign %1 (lux-tracker event %2)").arg(campaign).arg(trackerId));
                consent.addBindValue(at);
                if (!consent.exec())
                    return storage::queryError(consent);
            }
        }
    }
    if (lux::Status places = registrations.finishWithin(); !places)
        return places.error();
    QSqlQuery moved(m_db);
    moved.prepare(QStringLiteral("UPDATE tracker_sync SET cursor = ? WHERE id = 1"));
    moved.addBindValue(cursor);
    if (!moved.exec())
        return storage::queryError(moved);
    if (lux::Status c = tx.commit(); !c)
        return c.error();
    s.cursor = cursor;
    return s;
}

lux::Status TrackerSync::applySms(const QJsonObject &e, Summary &s)
{
    const QString kind = e.value(QStringLiteral("type")).toString();
    const QString sid = e.value(QStringLiteral("sid")).toString();
    const qint64 at = e.value(QStringLiteral("at")).toInteger();
    if (sid.isEmpty()) {
        ++s.ignored;
        return {};
    }
    if (kind == QLatin1String("sms-status")) {
        const QJsonValue code = e.value(QStringLiteral("error_code"));
        const auto moved = campaigns::Outbox(m_db).applyDelivery(QStringLiteral("sms"), sid, e.value(QStringLiteral("status")).toString(),
                                                                 code.isDouble() ? QString::number(code.toInteger()) : QString(), at);
        if (!moved)
            return moved.error();
        if (*moved)
            ++s.smsStatuses;
        else
            ++s.ignored; // replayed, out of order, or not one of ours (a test send)
        return {};
    }
    if (kind != QLatin1String("sms-inbound")) {
        ++s.ignored;
        return {};
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM sms_inbound WHERE sid = ?"));
    q.addBindValue(sid);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (q.next()) {
        ++s.ignored; // applied before
        return {};
    }
    const QString from = e.value(QStringLiteral("from")).toString();
    const QString to = e.value(QStringLiteral("to")).toString();
    const QString body = e.value(QStringLiteral("body")).toString().left(1600);
    QString keyword = e.value(QStringLiteral("keyword")).toString();
    static const QStringList known{QStringLiteral("opt-out"), QStringLiteral("opt-in"), QStringLiteral("help"), QStringLiteral("other")};
    if (!known.contains(keyword))
        keyword = QStringLiteral("other");
    contacts::SmsConsent consent(m_db);
    if (keyword == QLatin1String("opt-out")) {
        const auto out = consent.optOutWithin(from, tr("Texted “%1” to %2").arg(body.left(100), to));
        if (!out)
            return out.error();
        ++s.smsOptOuts;
    } else if (keyword == QLatin1String("opt-in")) {
        const auto in = consent.optInWithin(from, tr("Texted “%1” to %2").arg(body.left(100), to));
        if (!in)
            return in.error();
    }
    q.prepare(QStringLiteral("INSERT INTO sms_inbound (sid, contact_id, from_number, to_number, body, keyword, received_at, tracker_id) "
                             "VALUES (?, (SELECT id FROM contacts WHERE phone = ? ORDER BY id LIMIT 1), ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{sid, from, from, to, body, keyword, at, e.value(QStringLiteral("id")).toInteger()})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    ++s.smsReplies;
    return {};
}

QCoro::Task<lux::Status> TrackerSync::check(QNetworkAccessManager *network, QString trackerUrl, QByteArray apiToken)
{
    const QString base = trimmedBase(trackerUrl);
    const QUrl health(base + QStringLiteral("/healthz"));
    if (!health.isValid() || health.host().isEmpty())
        co_return Error(errc::trackerConfig, tr("“%1” is not a tracker address.").arg(trackerUrl));
    channels::HttpClient client(network, {QUrl(base), 15'000});
    channels::HttpRequest healthz;
    healthz.path = QStringLiteral("/healthz");
    const channels::HttpResponse reply = co_await client.send(std::move(healthz));
    if (reply.status != 200 || reply.json().value(QStringLiteral("status")).toString() != QLatin1String("ok"))
        co_return Error(errc::trackerUnreachable,
                        tr("No lux-tracker answers at %1: %2").arg(base, reply.networkError != 0 ? reply.errorString : tr("not a tracker")));
    client.setBearer(apiToken);
    channels::HttpRequest api;
    api.path = QStringLiteral("/api/v1/events?after=0&limit=1");
    const channels::HttpResponse authed = co_await client.send(std::move(api));
    const int http = authed.status;
    if (http == 401)
        co_return Error(errc::trackerToken, tr("The tracker answers, but refuses this API token."));
    if (http != 200)
        co_return Error(errc::trackerSync, tr("The tracker answers, but its event API gave HTTP %1.").arg(http));
    co_return lux::Status{};
}

} // namespace lux::tracking
