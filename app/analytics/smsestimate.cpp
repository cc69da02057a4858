// SPDX-License-Identifier: GPL-3.0-or-later
#include "smsestimate.h"

#include "common/errorcodes.h"
#include "contacts/contactrepository.h"
#include "contacts/phonenumbers.h"
#include "sms/textbuilder.h"
#include "sms/segments.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QSet>

#include <QSqlQuery>

#include <algorithm>

namespace lux::analytics {

Result<QList<SmsPrices::Row>> SmsPrices::rows(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT country, per_segment, currency FROM sms_prices ORDER BY country")))
        return storage::queryError(q, errc::dbRead);
    QList<Row> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

Status SmsPrices::save(QSqlDatabase db, const QList<Row> &rows)
{
    storage::Transaction tx(db);
    if (!tx.isOpen())
        return tx.beginError();
    QSet<QString> keep;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sms_prices (country, per_segment, currency, updated_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (country) DO UPDATE SET per_segment = excluded.per_segment, "
                             "currency = excluded.currency, updated_at = excluded.updated_at "
                             "WHERE sms_prices.per_segment <> excluded.per_segment OR sms_prices.currency <> excluded.currency"));
    for (const Row &r : rows) {
        keep.insert(r.country);
        for (const QVariant &v : QVariantList{r.country, r.perSegment, r.currency, now})
            q.addBindValue(v);
        if (!q.exec())
            return storage::queryError(q);
    }
    if (!q.exec(QStringLiteral("SELECT country FROM sms_prices")))
        return storage::queryError(q, errc::dbRead);
    QStringList gone;
    while (q.next())
        if (!keep.contains(q.value(0).toString()))
            gone << q.value(0).toString();
    q.prepare(QStringLiteral("DELETE FROM sms_prices WHERE country = ?"));
    for (const QString &country : std::as_const(gone)) {
        q.addBindValue(country);
        if (!q.exec())
            return storage::queryError(q);
    }
    q.finish();
    return tx.commit();
}

Result<SmsPrices> SmsPrices::load(QSqlDatabase db)
{
    SmsPrices out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT upper(country), per_segment, currency FROM sms_prices ORDER BY rowid")))
        return storage::queryError(q, errc::dbRead);
    bool first = true;
    while (q.next()) {
        bool ok = false;
        const double price = q.value(1).toString().toDouble(&ok);
        if (!ok)
            continue;
        out.m_prices.insert(q.value(0).toString(), price);
        if (first && !q.value(2).toString().isEmpty())
            out.m_currency = q.value(2).toString();
        first = false;
    }
    return out;
}

QString SmsPrices::destination(const QString &e164, const QString &phoneRegion, const QString &country)
{
    if (const auto parsed = contacts::PhoneNumbers::parse(e164, QString()); parsed && parsed->region.size() == 2)
        return parsed->region.toUpper();
    if (phoneRegion.size() == 2)
        return phoneRegion.toUpper();
    return country.trimmed().toUpper();
}

std::optional<double> SmsPrices::perSegment(const QString &country) const
{
    const auto it = m_prices.constFind(country.toUpper());
    if (it == m_prices.constEnd())
        return std::nullopt;
    return *it;
}

Result<SmsEstimate> SmsEstimator::estimate(const campaigns::Campaign &c, qint64 at, const sms::QuietHoursPolicy &policy,
                                           const std::function<bool()> &cancelled) const
{
    SmsEstimate e;
    const auto prices = SmsPrices::load(m_db);
    if (!prices)
        return prices.error();
    e.currency = prices->currency();
    const auto hours = sms::QuietHours::create(policy);
    if (!hours)
        return hours.error();
    const auto recipients = campaigns::CampaignStore(m_db).recipients(c);
    if (!recipients)
        return recipients.error();
    const auto texts = sms::TextBuilder::create(m_db, c.body);
    if (!texts)
        return texts.error();
    const contacts::ContactRepository contacts(m_db);
    for (const campaigns::CampaignStore::Recipient &r : *recipients) {
        if (cancelled && cancelled()) {
            e.cancelled = true;
            return e;
        }
        std::optional<contacts::Contact> contact;
        if (r.contactId != 0)
            if (auto found = contacts.find(r.contactId))
                contact = std::move(*found);
        // The text the channel sends (its links shortened later).
        const QString text = texts->text(contact ? &*contact : nullptr);
        const sms::SegmentCount count = sms::Segments::count(text);
        ++e.recipients;
        e.minParts = e.recipients == 1 ? count.segments : std::min(e.minParts, count.segments);
        e.maxParts = std::max(e.maxParts, count.segments);
        e.segments += count.segments;
        if (count.tooLong)
            ++e.tooLong;
        if (const auto price = prices->perSegment(SmsPrices::destination(r.address, {}, contact ? contact->country : QString())))
            e.cost += *price * count.segments;
        else
            ++e.unpriced;
        const sms::SendTime t = hours->plan(r.address, r.timeZone, std::max(at, r.dueAt));
        if (!t.now) {
            ++e.inQuietHours;
            e.quietUntil = std::max(e.quietUntil, t.at);
        }
    }
    return e;
}

} // namespace lux::analytics
