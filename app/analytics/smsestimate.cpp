// SPDX-License-Identifier: GPL-3.0-or-later
#include "smsestimate.h"

#include "common/errorcodes.h"
#include "contacts/contactrepository.h"
#include "contacts/phonenumbers.h"
#include "content/mergetemplate.h"
#include "content/templatestore.h"
#include "sms/optout.h"
#include "sms/segments.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

#include <algorithm>

namespace lux::analytics {

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
    const content::TemplateRenderer renderer(m_db);
    const content::MergeTemplate body = content::MergeTemplate::compile(c.body, renderer.fields(), content::MergeTemplate::Mode::Text);
    if (!body.isValid()) {
        const content::MergeProblem p = body.problems().value(0);
        return Error(errc::smsBody, tr("The text cannot be merged: line %1, column %2: %3").arg(p.line).arg(p.column).arg(p.message));
    }
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
        // As the channel builds it: merged, trimmed, the opt-out line in the recipient's language.
        const QString text = sms::withOptOutLine(body.render(renderer.valuesFor(contact ? &*contact : nullptr)).trimmed(),
                                                 contact ? contact->language : QString());
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
