// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignreport.h"

#include "common/errorcodes.h"
#include "contacts/contactrepository.h"
#include "contacts/csvreader.h"
#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace lux::analytics {

namespace {

QJsonObject splitJson(const Split &s)
{
    return {{QStringLiteral("human"), s.human}, {QStringLiteral("machine"), s.machine}, {QStringLiteral("total"), s.all()}};
}

double rate(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

} // namespace

QJsonObject CampaignReport::toJson() const
{
    QJsonArray linkArray;
    for (const Link &l : links)
        linkArray.append(QJsonObject{{QStringLiteral("id"), qint64(l.id)}, {QStringLiteral("url"), l.url},
                                     {QStringLiteral("clicks"), splitJson(l.clicks)}, {QStringLiteral("unique_human"), l.uniqueHuman}});
    QJsonArray time;
    for (const Bucket &b : timeline)
        time.append(QJsonObject{{QStringLiteral("start"), b.start}, {QStringLiteral("opens"), splitJson(b.opens)}, {QStringLiteral("clicks"), splitJson(b.clicks)}});
    QJsonArray engaged;
    for (const Engaged &e : mostEngaged)
        engaged.append(QJsonObject{{QStringLiteral("contact_id"), e.contactId}, {QStringLiteral("email"), e.email},
                                   {QStringLiteral("opens"), e.opens}, {QStringLiteral("clicks"), e.clicks}});
    return {{QStringLiteral("id"), campaignId},
            {QStringLiteral("name"), name},
            {QStringLiteral("status"), status},
            {QStringLiteral("anonymous"), anonymous},
            {QStringLiteral("recipients"), recipients},
            {QStringLiteral("sent"), sent},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("unique_opens"), splitJson(uniqueOpens)},
            {QStringLiteral("total_opens"), splitJson(totalOpens)},
            {QStringLiteral("unique_clicks"), splitJson(uniqueClicks)},
            {QStringLiteral("total_clicks"), splitJson(totalClicks)},
            {QStringLiteral("unsubscribes"), unsubscribes},
            {QStringLiteral("open_rate"), openRate},
            {QStringLiteral("click_rate"), clickRate},
            {QStringLiteral("click_to_open_rate"), clickToOpenRate},
            {QStringLiteral("unsubscribe_rate"), unsubscribeRate},
            {QStringLiteral("hard_bounces"), hardBounces},
            {QStringLiteral("soft_bounces"), softBounces},
            {QStringLiteral("bounce_rate"), bounceRate},
            {QStringLiteral("bounce_warning"), bounceWarning()},
            {QStringLiteral("replies"), replies},
            {QStringLiteral("links"), linkArray},
            {QStringLiteral("bucket_ms"), bucketMs},
            {QStringLiteral("timeline"), time},
            {QStringLiteral("most_engaged"), engaged}};
}

QString CampaignReport::toCsv() const
{
    QStringList lines;
    const auto row = [&](const QStringList &cells) {
        QStringList out;
        for (const QString &c : cells)
            out << contacts::CsvReader::neutralise(c); // OWASP CSV injection
        lines << contacts::CsvReader::formatRecord(out);
    };
    const auto n = [](qint64 v) { return QString::number(v); };
    const auto pct = [](double v) { return QString::number(v * 100, 'f', 1); };
    row({tr("Campaign"), name});
    row({tr("Status"), status});
    if (anonymous)
        row({tr("Tracking"), tr("Anonymous counts: no figures per recipient")});
    row({QString(), tr("People"), tr("Machines"), tr("Total")});
    row({tr("Recipients"), n(recipients)});
    row({tr("Sent"), n(sent)});
    row({tr("Failed"), n(failed)});
    row({tr("Unique opens"), n(uniqueOpens.human), n(uniqueOpens.machine), n(uniqueOpens.all())});
    row({tr("Total opens"), n(totalOpens.human), n(totalOpens.machine), n(totalOpens.all())});
    row({tr("Unique clicks"), n(uniqueClicks.human), n(uniqueClicks.machine), n(uniqueClicks.all())});
    row({tr("Total clicks"), n(totalClicks.human), n(totalClicks.machine), n(totalClicks.all())});
    row({tr("Unsubscribes"), n(unsubscribes)});
    row({tr("Open rate (%)"), pct(openRate)});
    row({tr("Click rate (%)"), pct(clickRate)});
    row({tr("Click-to-open rate (%)"), pct(clickToOpenRate)});
    row({tr("Unsubscribe rate (%)"), pct(unsubscribeRate)});
    row({tr("Hard bounces"), n(hardBounces)});
    row({tr("Soft bounces"), n(softBounces)});
    row({tr("Bounce rate (%)"), pct(bounceRate)});
    row({tr("Replies"), n(replies)});
    lines << QString();
    row({tr("Link"), tr("Clicks by people"), tr("Clicks by machines"), tr("People who clicked")});
    for (const Link &l : links)
        row({l.url, n(l.clicks.human), n(l.clicks.machine), n(l.uniqueHuman)});
    lines << QString();
    row({tr("From (UTC)"), tr("Opens by people"), tr("Opens by machines"), tr("Clicks by people"), tr("Clicks by machines")});
    for (const Bucket &b : timeline)
        row({QDateTime::fromMSecsSinceEpoch(b.start, Qt::UTC).toString(Qt::ISODate), n(b.opens.human), n(b.opens.machine), n(b.clicks.human),
             n(b.clicks.machine)});
    return lines.join(QLatin1String("\r\n")) + QLatin1String("\r\n");
}

Result<CampaignReport> ReportBuilder::campaign(qint64 campaignId) const
{
    CampaignReport r;
    r.campaignId = campaignId;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, status, anonymous_counts FROM campaigns WHERE id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::campaignNotFound, tr("There is no campaign %1.").arg(campaignId));
    r.name = q.value(0).toString();
    r.status = q.value(1).toString();
    r.anonymous = q.value(2).toInt() != 0;

    q.prepare(QStringLiteral("SELECT count(*), coalesce(sum(state = 'sent'), 0), coalesce(sum(state = 'failed'), 0) FROM outbox WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    r.recipients = q.value(0).toLongLong();
    r.sent = q.value(1).toLongLong();
    r.failed = q.value(2).toLongLong();

    // A recipient counts as a person's open or click if any of their events was a person's; as a
    // machine's only if all were.
    q.prepare(QStringLiteral(
        "SELECT kind, "
        " count(DISTINCT CASE WHEN machine = 0 THEN outbox_id END), "
        " count(DISTINCT outbox_id) - count(DISTINCT CASE WHEN machine = 0 THEN outbox_id END), "
        " coalesce(sum(machine = 0), 0), coalesce(sum(machine = 1), 0) "
        "FROM tracking_events WHERE campaign_id = ? GROUP BY kind"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        const QString kind = q.value(0).toString();
        const Split unique{q.value(1).toLongLong(), q.value(2).toLongLong()};
        const Split total{q.value(3).toLongLong(), q.value(4).toLongLong()};
        if (kind == QLatin1String("open")) {
            r.uniqueOpens = unique;
            r.totalOpens = total;
        } else if (kind == QLatin1String("click")) {
            r.uniqueClicks = unique;
            r.totalClicks = total;
        } else if (kind == QLatin1String("unsubscribe")) {
            r.unsubscribes = unique.all();
        }
    }
    // What the sender mailboxes said: bounces per recipient (a soft one made hard counts as hard),
    // replies, and unsubscribe mails that took someone off.
    q.prepare(QStringLiteral(
        "SELECT count(DISTINCT CASE WHEN kind = 'hard-bounce' OR (kind = 'soft-bounce' AND effect = 'bounced') THEN coalesce(outbox_id, address) END),"
        " count(DISTINCT CASE WHEN kind = 'soft-bounce' THEN coalesce(outbox_id, address) END),"
        " coalesce(sum(kind = 'reply'), 0),"
        " coalesce(sum(kind = 'unsubscribe' AND effect = 'unsubscribed'), 0),"
        " count(DISTINCT CASE WHEN kind = 'soft-bounce' AND coalesce(outbox_id, address) IN (SELECT coalesce(outbox_id, address) FROM inbound_messages"
        "  WHERE campaign_id = ? AND (kind = 'hard-bounce' OR effect = 'bounced')) THEN coalesce(outbox_id, address) END)"
        " FROM inbound_messages WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    r.hardBounces = q.value(0).toLongLong();
    r.softBounces = q.value(1).toLongLong() - q.value(4).toLongLong();
    r.replies = q.value(2).toLongLong();
    r.unsubscribes += q.value(3).toLongLong();
    r.bounceRate = rate(r.hardBounces + r.softBounces, r.sent);

    // A click is an open too (images blocked, link followed): people who clicked count as openers.
    q.prepare(QStringLiteral("SELECT count(DISTINCT outbox_id) FROM tracking_events WHERE campaign_id = ? AND machine = 0 AND kind IN ('open', 'click')"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    const qint64 humanOpeners = q.value(0).toLongLong();
    r.openRate = rate(humanOpeners, r.sent);
    r.clickRate = rate(r.uniqueClicks.human, r.sent);
    r.clickToOpenRate = rate(r.uniqueClicks.human, humanOpeners);
    r.unsubscribeRate = rate(r.unsubscribes, r.sent);

    q.prepare(QStringLiteral("SELECT l.link_id, l.url, "
                             " coalesce(sum(e.machine = 0), 0), coalesce(sum(e.machine = 1), 0), "
                             " count(DISTINCT CASE WHEN e.machine = 0 THEN e.outbox_id END) "
                             "FROM campaign_links l LEFT JOIN tracking_events e "
                             " ON e.campaign_id = l.campaign_id AND e.kind = 'click' AND e.link_id = l.link_id "
                             "WHERE l.campaign_id = ? GROUP BY l.link_id ORDER BY 3 DESC, l.link_id"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        r.links.append({quint32(q.value(0).toUInt()), q.value(1).toString(), {q.value(2).toLongLong(), q.value(3).toLongLong()}, q.value(4).toLongLong()});

    q.prepare(QStringLiteral("SELECT min(at), max(at) FROM tracking_events WHERE campaign_id = ? AND kind IN ('open', 'click')"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    if (!q.value(0).isNull()) {
        const qint64 first = q.value(0).toLongLong();
        const qint64 last = q.value(1).toLongLong();
        r.bucketMs = last - first > 3LL * 86'400'000 ? 86'400'000 : 3'600'000;
        const qint64 start = first - first % r.bucketMs;
        for (qint64 t = start; t <= last; t += r.bucketMs)
            r.timeline.append({t, {}, {}});
        q.prepare(QStringLiteral("SELECT (at - ?) / ?, kind, machine, count(*) FROM tracking_events "
                                 "WHERE campaign_id = ? AND kind IN ('open', 'click') GROUP BY 1, 2, 3"));
        q.addBindValue(start);
        q.addBindValue(r.bucketMs);
        q.addBindValue(campaignId);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        while (q.next()) {
            const qsizetype i = q.value(0).toLongLong();
            if (i < 0 || i >= r.timeline.size())
                continue;
            Split &s = q.value(1).toString() == QLatin1String("open") ? r.timeline[i].opens : r.timeline[i].clicks;
            (q.value(2).toInt() ? s.machine : s.human) += q.value(3).toLongLong();
        }
    }

    if (r.anonymous)
        return anonymousCounts(std::move(r));

    q.prepare(QStringLiteral("SELECT o.contact_id, o.address, sum(e.kind = 'open'), sum(e.kind = 'click') "
                             "FROM tracking_events e JOIN outbox o ON o.id = e.outbox_id "
                             "WHERE e.campaign_id = ? AND e.machine = 0 AND e.kind IN ('open', 'click') "
                             "GROUP BY e.outbox_id ORDER BY 4 DESC, 3 DESC, o.address LIMIT 10"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        r.mostEngaged.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return r;
}

Result<CampaignReport> ReportBuilder::anonymousCounts(CampaignReport r) const
{
    constexpr qint64 kDay = 86'400'000;
    const auto dayStart = [](const QString &day) { return QDate::fromString(day, Qt::ISODate).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(); };
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT day, kind, link_id, machine, hits FROM tracking_counts WHERE campaign_id = ? ORDER BY day"));
    q.addBindValue(r.campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QHash<quint32, Split> perLink;
    r.bucketMs = kDay;
    r.timeline.clear();
    while (q.next()) {
        const qint64 start = dayStart(q.value(0).toString());
        const bool open = q.value(1).toString() == QLatin1String("open");
        const bool machine = q.value(3).toInt() != 0;
        const qint64 hits = q.value(4).toLongLong();
        if (start < 0)
            continue;
        // Every day from the first to the last, empty ones included.
        while (!r.timeline.isEmpty() && r.timeline.constLast().start + kDay <= start)
            r.timeline.append({r.timeline.constLast().start + kDay, {}, {}});
        if (r.timeline.isEmpty())
            r.timeline.append({start, {}, {}});
        Split &day = open ? r.timeline.last().opens : r.timeline.last().clicks;
        Split &total = open ? r.totalOpens : r.totalClicks;
        (machine ? day.machine : day.human) += hits;
        (machine ? total.machine : total.human) += hits;
        if (!open) {
            Split &link = perLink[quint32(q.value(2).toUInt())];
            (machine ? link.machine : link.human) += hits;
        }
    }
    for (CampaignReport::Link &l : r.links)
        l.clicks = perLink.value(l.id);
    std::stable_sort(r.links.begin(), r.links.end(), [](const CampaignReport::Link &a, const CampaignReport::Link &b) {
        return a.clicks.human > b.clicks.human;
    });
    return r;
}

Result<QList<ReportBuilder::Day>> ReportBuilder::days(qint64 fromMs, qint64 toMs) const
{
    constexpr qint64 kDay = 86'400'000;
    const qint64 start = fromMs - fromMs % kDay;
    QList<Day> out;
    for (qint64 t = start; t < toMs; t += kDay)
        out.append({t, 0, {}, {}, 0, 0});
    if (out.isEmpty())
        return out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT (updated_at - ?) / ?, count(*) FROM outbox WHERE state = 'sent' AND updated_at >= ? AND updated_at < ? GROUP BY 1"));
    for (const QVariant &v : QVariantList{start, kDay, start, toMs})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        if (const qsizetype i = q.value(0).toLongLong(); i >= 0 && i < out.size())
            out[i].sent = q.value(1).toLongLong();
    q.prepare(QStringLiteral("SELECT (at - ?) / ?, kind, count(DISTINCT CASE WHEN machine = 0 THEN outbox_id END), "
                             " count(DISTINCT outbox_id) - count(DISTINCT CASE WHEN machine = 0 THEN outbox_id END) "
                             "FROM tracking_events WHERE at >= ? AND at < ? GROUP BY 1, 2"));
    for (const QVariant &v : QVariantList{start, kDay, start, toMs})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next()) {
        const qsizetype i = q.value(0).toLongLong();
        if (i < 0 || i >= out.size())
            continue;
        const QString kind = q.value(1).toString();
        const Split s{q.value(2).toLongLong(), q.value(3).toLongLong()};
        if (kind == QLatin1String("open"))
            out[i].opens = s;
        else if (kind == QLatin1String("click"))
            out[i].clicks = s;
        else
            out[i].unsubscribes = s.all();
    }
    q.prepare(QStringLiteral("SELECT (received_at - ?) / ?, count(*) FROM inbound_messages "
                             "WHERE (kind = 'hard-bounce' OR kind = 'soft-bounce') AND received_at >= ? AND received_at < ? GROUP BY 1"));
    for (const QVariant &v : QVariantList{start, kDay, start, toMs})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        if (const qsizetype i = q.value(0).toLongLong(); i >= 0 && i < out.size())
            out[i].bounces = q.value(1).toLongLong();
    return out;
}

} // namespace lux::analytics
