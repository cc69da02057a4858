// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignreport.h"

#include "common/errorcodes.h"
#include "contacts/contactrepository.h"
#include "contacts/csvreader.h"
#include "analytics/smsestimate.h"
#include "storage/sqlvalues.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <functional>
#include <cmath>

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
    QJsonObject out{{QStringLiteral("id"), campaignId},
            {QStringLiteral("name"), name},
            {QStringLiteral("status"), status},
            {QStringLiteral("channel"), channel},
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
    if (isSms()) {
        QJsonArray codes;
        for (const FailureCode &f : failureCodes)
            codes.append(QJsonObject{{QStringLiteral("code"), f.code}, {QStringLiteral("count"), f.count},
                                     {QStringLiteral("meaning"), smsErrorMeaning(f.code)}});
        out.insert(QStringLiteral("sms"), QJsonObject{{QStringLiteral("delivered"), delivered},
                                                      {QStringLiteral("undelivered"), undelivered},
                                                      {QStringLiteral("delivery_failed"), deliveryFailed},
                                                      {QStringLiteral("delivery_rate"), deliveryRate},
                                                      {QStringLiteral("failures"), codes},
                                                      {QStringLiteral("opt_outs"), optOuts},
                                                      {QStringLiteral("segments"), segments},
                                                      {QStringLiteral("cost"), cost},
                                                      {QStringLiteral("currency"), currency},
                                                      {QStringLiteral("priced_texts"), pricedTexts},
                                                      {QStringLiteral("estimated_texts"), estimatedTexts},
                                                      {QStringLiteral("unpriced_texts"), unpricedTexts},
                                                      {QStringLiteral("waiting_quiet_hours"), waitingQuietHours},
                                                      {QStringLiteral("waiting_until"), waitingUntil}});
    }
    return out;
}

QString CampaignReport::smsErrorMeaning(const QString &code)
{
    // https://www.twilio.com/docs/api/errors
    static const QHash<QString, const char *> meanings{
        {QStringLiteral("30003"), QT_TR_NOOP("Unreachable: the phone is off or out of coverage")},
        {QStringLiteral("30004"), QT_TR_NOOP("Blocked: the recipient or their carrier blocks the message")},
        {QStringLiteral("30005"), QT_TR_NOOP("Unknown number: it does not exist or is no longer in service")},
        {QStringLiteral("30006"), QT_TR_NOOP("Landline or unreachable carrier")},
        {QStringLiteral("30007"), QT_TR_NOOP("Filtered by the carrier as spam")},
        {QStringLiteral("30008"), QT_TR_NOOP("Unknown error at the carrier")},
        {QStringLiteral("21610"), QT_TR_NOOP("The recipient replied STOP: Twilio sends nothing until they opt back in")},
        {QStringLiteral("21614"), QT_TR_NOOP("Not a mobile number")},
        {QStringLiteral("21211"), QT_TR_NOOP("Not a valid phone number")},
        {QStringLiteral("21408"), QT_TR_NOOP("The account may not text this region (Geo Permissions)")},
        {QStringLiteral("21612"), QT_TR_NOOP("Twilio cannot route a text between these two numbers")},
        {QStringLiteral("suppressed"), QT_TR_NOOP("On the SMS suppression list when its turn came")},
    };
    const auto it = meanings.constFind(code);
    return it == meanings.constEnd() ? QString() : tr(*it);
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
    if (isSms()) {
        row({tr("Delivered"), n(delivered)});
        row({tr("Undelivered"), n(undelivered)});
        row({tr("Failed after sending"), n(deliveryFailed)});
        row({tr("Delivery rate (%)"), pct(deliveryRate)});
        row({tr("Opt-outs"), n(optOuts)});
        row({tr("Segments"), n(segments)});
        row({tr("Cost"), QString::number(cost, 'f', 4), currency});
        row({tr("Texts priced by Twilio"), n(pricedTexts)});
        row({tr("Texts priced by estimate"), n(estimatedTexts)});
        row({tr("Texts without a price"), n(unpricedTexts)});
        row({tr("Waiting for quiet hours to end"), n(waitingQuietHours)});
        if (waitingQuietHours > 0)
            row({tr("Last window opens (UTC)"), QDateTime::fromMSecsSinceEpoch(waitingUntil, Qt::UTC).toString(Qt::ISODate)});
        lines << QString();
        row({tr("Error code"), tr("Texts"), tr("Meaning")});
        for (const FailureCode &f : failureCodes)
            row({f.code, n(f.count), smsErrorMeaning(f.code)});
    }
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
    q.prepare(QStringLiteral("SELECT name, status, anonymous_counts, channel FROM campaigns WHERE id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::campaignNotFound, tr("There is no campaign %1.").arg(campaignId));
    r.name = q.value(0).toString();
    r.status = q.value(1).toString();
    r.anonymous = q.value(2).toInt() != 0;
    r.channel = q.value(3).toString();

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
    if (r.isSms())
        if (Status s = smsFigures(r); !s)
            return s.error();

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

Status ReportBuilder::smsFigures(CampaignReport &r) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(sum(state = 'sent' AND delivery = 'delivered'), 0),"
                             " coalesce(sum(state = 'sent' AND delivery = 'undelivered'), 0),"
                             " coalesce(sum(state = 'sent' AND delivery = 'failed'), 0),"
                             " coalesce(sum(CASE WHEN state = 'sent' THEN max(segments, 1) END), 0),"
                             " coalesce(sum(state = 'pending' AND error_code = ?), 0),"
                             " coalesce(max(CASE WHEN state = 'pending' AND error_code = ? THEN due_at END), 0),"
                             " coalesce(min(CASE WHEN attempted_at > 0 THEN attempted_at END), 0)"
                             " FROM outbox WHERE campaign_id = ?"));
    q.addBindValue(QString(errc::smsQuietHours));
    q.addBindValue(QString(errc::smsQuietHours));
    q.addBindValue(r.campaignId);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    r.delivered = q.value(0).toLongLong();
    r.undelivered = q.value(1).toLongLong();
    r.deliveryFailed = q.value(2).toLongLong();
    r.segments = q.value(3).toLongLong();
    r.waitingQuietHours = q.value(4).toLongLong();
    r.waitingUntil = q.value(5).toLongLong();
    const qint64 started = q.value(6).toLongLong();
    r.deliveryRate = rate(r.delivered, r.sent);

    q.prepare(QStringLiteral("SELECT CASE WHEN state = 'failed' THEN error_code ELSE delivery_code END, count(*) FROM outbox "
                             "WHERE campaign_id = ? AND (state = 'failed' OR (state = 'sent' AND delivery IN ('undelivered', 'failed'))) "
                             "GROUP BY 1 ORDER BY 2 DESC, 1"));
    q.addBindValue(r.campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    while (q.next())
        r.failureCodes.append({q.value(0).toString(), q.value(1).toLongLong()});

    // Opt-outs the campaign answers for: STOP (and the other keywords) from its recipients after its
    // first text left, and texts Twilio refused because the number had already said STOP.
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox o WHERE o.campaign_id = ? AND ("
                             " (o.state = 'failed' AND o.error_code = '21610') OR (? > 0 AND EXISTS (SELECT 1 FROM sms_inbound i"
                             "  WHERE i.keyword = 'opt-out' AND i.from_number = o.address AND i.received_at >= ?)))"));
    q.addBindValue(r.campaignId);
    q.addBindValue(started);
    q.addBindValue(started);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    r.optOuts = q.value(0).toLongLong();

    // Twilio reports a price (negative: a charge) some time after the text went; until then, and for
    // texts it never priced, the price table's estimate for the number's country.
    const auto prices = SmsPrices::load(m_db);
    if (!prices)
        return prices.error();
    r.currency = prices->currency();
    q.prepare(QStringLiteral("SELECT o.price, o.price_unit, max(o.segments, 1), o.address, coalesce(c.country, '') FROM outbox o "
                             "LEFT JOIN contacts c ON c.id = o.contact_id WHERE o.campaign_id = ? AND o.state = 'sent'"));
    q.addBindValue(r.campaignId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QHash<QString, QString> destinations; // number → country, parsed once
    while (q.next()) {
        bool ok = false;
        const double price = q.value(0).toString().toDouble(&ok);
        if (ok) {
            r.cost += std::abs(price);
            if (!q.value(1).toString().isEmpty())
                r.currency = q.value(1).toString().toUpper();
            ++r.pricedTexts;
            continue;
        }
        const QString address = q.value(3).toString();
        auto it = destinations.find(address);
        if (it == destinations.end())
            it = destinations.insert(address, SmsPrices::destination(address, {}, q.value(4).toString()));
        if (const auto perSegment = prices->perSegment(*it)) {
            r.cost += *perSegment * q.value(2).toLongLong();
            ++r.estimatedTexts;
        } else {
            ++r.unpricedTexts;
        }
    }
    return {};
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

Result<QList<ReportBuilder::Day>> ReportBuilder::days(qint64 fromMs, qint64 toMs, const QString &channel) const
{
    constexpr qint64 kDay = 86'400'000;
    const qint64 start = fromMs - fromMs % kDay;
    QList<Day> out;
    for (qint64 t = start; t < toMs; t += kDay)
        out.append({t, 0, {}, {}, 0, 0, 0, 0});
    if (out.isEmpty())
        return out;
    QSqlQuery q(m_db);
    const auto perDay = [&](const QString &sql, const std::function<void(Day &, const QSqlQuery &)> &apply) -> Status {
        q.prepare(sql);
        for (const QVariant &v : QVariantList{start, kDay, start, toMs, channel})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q, errc::dbRead);
        while (q.next())
            if (const qsizetype i = q.value(0).toLongLong(); i >= 0 && i < out.size())
                apply(out[i], q);
        return {};
    };
    if (Status s = perDay(QStringLiteral("SELECT (updated_at - ?) / ?, count(*) FROM outbox WHERE state = 'sent' AND updated_at >= ? AND updated_at < ? "
                                         "AND channel = ? GROUP BY 1"),
                          [](Day &d, const QSqlQuery &row) { d.sent = row.value(1).toLongLong(); });
        !s)
        return s.error();
    if (Status s = perDay(QStringLiteral("SELECT (e.at - ?) / ?, e.kind, count(DISTINCT CASE WHEN e.machine = 0 THEN e.outbox_id END), "
                                         " count(DISTINCT e.outbox_id) - count(DISTINCT CASE WHEN e.machine = 0 THEN e.outbox_id END) "
                                         "FROM tracking_events e JOIN campaigns c ON c.id = e.campaign_id "
                                         "WHERE e.at >= ? AND e.at < ? AND c.channel = ? GROUP BY 1, 2"),
                          [](Day &d, const QSqlQuery &row) {
                              const QString kind = row.value(1).toString();
                              const Split split{row.value(2).toLongLong(), row.value(3).toLongLong()};
                              if (kind == QLatin1String("open"))
                                  d.opens = split;
                              else if (kind == QLatin1String("click"))
                                  d.clicks = split;
                              else
                                  d.unsubscribes = split.all();
                          });
        !s)
        return s.error();
    if (channel == QLatin1String("email")) {
        if (Status s = perDay(QStringLiteral("SELECT (received_at - ?) / ?, count(*) FROM inbound_messages "
                                             "WHERE (kind = 'hard-bounce' OR kind = 'soft-bounce') AND received_at >= ? AND received_at < ? "
                                             "AND ? = 'email' GROUP BY 1"),
                              [](Day &d, const QSqlQuery &row) { d.bounces = row.value(1).toLongLong(); });
            !s)
            return s.error();
    }
    if (channel == QLatin1String("sms")) {
        if (Status s = perDay(QStringLiteral("SELECT (delivery_at - ?) / ?, count(*) FROM outbox WHERE delivery = 'delivered' "
                                             "AND delivery_at >= ? AND delivery_at < ? AND channel = ? GROUP BY 1"),
                              [](Day &d, const QSqlQuery &row) { d.delivered = row.value(1).toLongLong(); });
            !s)
            return s.error();
        if (Status s = perDay(QStringLiteral("SELECT (received_at - ?) / ?, count(*) FROM sms_inbound WHERE keyword = 'opt-out' "
                                             "AND received_at >= ? AND received_at < ? AND ? = 'sms' GROUP BY 1"),
                              [](Day &d, const QSqlQuery &row) { d.optOuts = row.value(1).toLongLong(); });
            !s)
            return s.error();
    }
    return out;
}

} // namespace lux::analytics
