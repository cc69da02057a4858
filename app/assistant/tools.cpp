// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools.h"

#include "analytics/campaignreport.h"
#include "channels/woocommerce/productcard.h"
#include "channels/woocommerce/productstore.h"
#include "contacts/contactrepository.h"
#include "contacts/segment.h"
#include "content/templatestore.h"
#include "jsonschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace lux::assistant {

namespace {

using channels::openai::ToolCall;
using channels::openai::ToolSpec;

QJsonObject object(std::initializer_list<std::pair<QString, QJsonValue>> pairs)
{
    QJsonObject o;
    for (const auto &[k, v] : pairs)
        o.insert(k, v);
    return o;
}

QJsonObject integer(const QString &description, int min, int max)
{
    return object({{QStringLiteral("type"), QStringLiteral("integer")},
                   {QStringLiteral("description"), description},
                   {QStringLiteral("minimum"), min},
                   {QStringLiteral("maximum"), max}});
}

QJsonObject text(const QString &description)
{
    return object({{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), description}});
}

QString compact(const QJsonValue &v)
{
    const QByteArray bytes = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    QString s = QString::fromUtf8(bytes);
    if (s.size() > AssistantTools::kMaxAnswerChars)
        s = s.left(AssistantTools::kMaxAnswerChars) + QStringLiteral("… [cut: the answer was too long]");
    return s;
}

AssistantTools::Answer failure(const QString &tool, const QString &why)
{
    return AssistantTools::Answer{compact(object({{QStringLiteral("error"), why}})), Source{tool, 0, QString()}, true};
}

int clampedInt(const QJsonObject &args, const QString &key, int fallback, int min, int max)
{
    const QJsonValue v = args.value(key);
    if (!v.isDouble())
        return fallback;
    return std::clamp(int(v.toDouble()), min, max);
}

} // namespace

QList<ToolSpec> AssistantTools::specs() const
{
    QList<ToolSpec> out;
    out << ToolSpec{QStringLiteral("audience_stats"),
                    QStringLiteral("Counts of the marketer's contacts grouped by one property (aggregates only, no personal data)."),
                    JsonSchema::strictObject(object({{QStringLiteral("group_by"),
                                    object({{QStringLiteral("type"), QStringLiteral("string")},
                                            {QStringLiteral("enum"), QJsonArray{QStringLiteral("status"), QStringLiteral("country"),
                                                                                QStringLiteral("tag"), QStringLiteral("segment"),
                                                                                QStringLiteral("sms_consent"), QStringLiteral("language")}},
                                            {QStringLiteral("description"), QStringLiteral("What to group the contacts by.")}})}}))};
    out << ToolSpec{QStringLiteral("engagement"),
                    QStringLiteral("Opens, clicks and unsubscribes over the last days, people and machines (prefetching, link "
                                   "scanners) counted apart. Aggregates only."),
                    JsonSchema::strictObject(object({{QStringLiteral("days"), integer(QStringLiteral("How many days back."), 1, 730)}}))};
    out << ToolSpec{QStringLiteral("campaign_results"),
                    QStringLiteral("The reports of the most recent campaigns that were sent: recipients, delivery, opens and clicks "
                                   "by people and by machines, unsubscribes, bounces, replies, links."),
                    JsonSchema::strictObject(object({{QStringLiteral("limit"), integer(QStringLiteral("How many campaigns, newest first."), 1, 20)}}))};
    out << ToolSpec{QStringLiteral("templates"),
                    QStringLiteral("The email templates and reusable components. With a name, that template's subject, preheader "
                                   "and HTML source; with an empty name, the list."),
                    JsonSchema::strictObject(object({{QStringLiteral("name"), text(QStringLiteral("A template's name, or empty for the list."))}}))};
    out << ToolSpec{QStringLiteral("brand_kit"),
                    QStringLiteral("The brand kit: colours, fonts, logo, company name, postal address, tone of voice. Use these "
                                   "in every draft (as {{brand.KEY}} merge tags or their values)."),
                    JsonSchema::strictObject(QJsonObject())};
    out << ToolSpec{QStringLiteral("search_products"),
                    QStringLiteral("The store's product catalogue (synced from WooCommerce): name, SKU, price, sale price, stock, "
                                   "link, image. The only source of product facts: never write a price or SKU not found here."),
                    JsonSchema::strictObject(object({{QStringLiteral("query"), text(QStringLiteral("Words of the name, a SKU or a category; empty for "
                                                                                 "the best-known products."))},
                                   {QStringLiteral("limit"), integer(QStringLiteral("How many products."), 1, 50)}}))};
    if (m_personalData)
        out << ToolSpec{QStringLiteral("find_contacts"),
                        QStringLiteral("Contacts matching words (name, email, company): their names, email, country, status and "
                                       "tags. Personal data: the user allowed it for this conversation."),
                        JsonSchema::strictObject(object({{QStringLiteral("query"), text(QStringLiteral("Words to search for."))},
                                       {QStringLiteral("limit"), integer(QStringLiteral("How many contacts."), 1, 50)}}))};
    return out;
}

AssistantTools::Answer AssistantTools::run(QSqlDatabase db, const ToolCall &call) const
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(call.arguments.trimmed().isEmpty() ? QByteArrayLiteral("{}")
                                                                                          : call.arguments.toUtf8(),
                                                      &error);
    if (!doc.isObject())
        return failure(call.name, QStringLiteral("The arguments are not a JSON object (%1 at %2).").arg(error.errorString()).arg(error.offset));
    const QJsonObject args = doc.object();
    if (call.name == u"audience_stats")
        return audienceStats(db, args);
    if (call.name == u"engagement")
        return engagement(db, args);
    if (call.name == u"campaign_results")
        return campaignResults(db, args);
    if (call.name == u"templates")
        return templates(db, args);
    if (call.name == u"brand_kit")
        return brandKit(db);
    if (call.name == u"search_products")
        return searchProducts(db, args);
    if (call.name == u"find_contacts" && m_personalData)
        return findContacts(db, args);
    return failure(call.name, QStringLiteral("There is no tool named %1.").arg(call.name));
}

QList<AssistantTools::Answer> AssistantTools::gatherAll(QSqlDatabase db) const
{
    QList<Answer> out;
    out << audienceStats(db, object({{QStringLiteral("group_by"), QStringLiteral("status")}}));
    out << audienceStats(db, object({{QStringLiteral("group_by"), QStringLiteral("country")}}));
    out << engagement(db, object({{QStringLiteral("days"), 90}}));
    out << campaignResults(db, object({{QStringLiteral("limit"), 5}}));
    out << brandKit(db);
    out << searchProducts(db, object({{QStringLiteral("query"), QString()}, {QStringLiteral("limit"), 20}}));
    return out;
}

AssistantTools::Answer AssistantTools::audienceStats(QSqlDatabase db, const QJsonObject &args) const
{
    const QString by = args.value(QStringLiteral("group_by")).toString();
    QString sql;
    if (by == u"status")
        sql = QStringLiteral("SELECT status, count(*) FROM contacts GROUP BY 1 ORDER BY 2 DESC");
    else if (by == u"country")
        sql = QStringLiteral("SELECT coalesce(nullif(upper(country), ''), '(none)'), count(*) FROM contacts GROUP BY 1 ORDER BY 2 DESC LIMIT 40");
    else if (by == u"language")
        sql = QStringLiteral("SELECT coalesce(nullif(lower(language), ''), '(none)'), count(*) FROM contacts GROUP BY 1 ORDER BY 2 DESC LIMIT 40");
    else if (by == u"tag")
        sql = QStringLiteral("SELECT t.name, count(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id GROUP BY t.id ORDER BY 2 DESC LIMIT 60");
    else if (by == u"sms_consent")
        sql = QStringLiteral("SELECT CASE sms_consent WHEN 1 THEN 'consented' ELSE 'no consent' END, count(*) FROM contacts GROUP BY 1");
    else if (by != u"segment")
        return failure(QStringLiteral("audience_stats"), QStringLiteral("group_by must be status, country, tag, segment, sms_consent or language."));
    QJsonArray groups;
    QSqlQuery q(db);
    if (by == u"segment") {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const contacts::SavedSegment &s : contacts::SegmentRepository(db).list()) {
            const Result<qint64> n = contacts::Segment::count(db, s.rules, now);
            groups.append(object({{QStringLiteral("value"), s.name}, {QStringLiteral("contacts"), n ? QJsonValue(*n) : QJsonValue()}}));
        }
    } else {
        if (!q.exec(sql))
            return failure(QStringLiteral("audience_stats"), q.lastError().text());
        while (q.next())
            groups.append(object({{QStringLiteral("value"), q.value(0).toString()}, {QStringLiteral("contacts"), q.value(1).toLongLong()}}));
    }
    qint64 total = 0;
    if (q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next())
        total = q.value(0).toLongLong();
    return Answer{compact(object({{QStringLiteral("total_contacts"), total}, {QStringLiteral("group_by"), by}, {QStringLiteral("groups"), groups}})),
                  Source{QStringLiteral("audience_stats"), 1, label(QStringLiteral("audience_stats"), 1)}};
}

AssistantTools::Answer AssistantTools::engagement(QSqlDatabase db, const QJsonObject &args) const
{
    const int days = clampedInt(args, QStringLiteral("days"), 90, 1, 730);
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, machine, count(*), count(DISTINCT contact_id) FROM tracking_events WHERE at >= ? GROUP BY 1, 2"));
    q.addBindValue(since);
    if (!q.exec())
        return failure(QStringLiteral("engagement"), q.lastError().text());
    QJsonObject out{{QStringLiteral("days"), days}};
    while (q.next()) {
        const QString kind = q.value(0).toString() + (q.value(1).toBool() ? QStringLiteral("s_by_machines") : QStringLiteral("s_by_people"));
        out.insert(kind, object({{QStringLiteral("events"), q.value(2).toLongLong()}, {QStringLiteral("contacts"), q.value(3).toLongLong()}}));
    }
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent' AND coalesce(attempted_at, 0) >= ?"));
    q.addBindValue(since);
    if (q.exec() && q.next())
        out.insert(QStringLiteral("messages_sent"), q.value(0).toLongLong());
    return Answer{compact(out), Source{QStringLiteral("engagement"), 1, label(QStringLiteral("engagement"), 1)}};
}

AssistantTools::Answer AssistantTools::campaignResults(QSqlDatabase db, const QJsonObject &args) const
{
    const int limit = clampedInt(args, QStringLiteral("limit"), 5, 1, 20);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM campaigns WHERE status IN ('sent', 'sending', 'paused') AND event_id IS NULL ORDER BY coalesce(scheduled_at, updated_at) DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return failure(QStringLiteral("campaign_results"), q.lastError().text());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QJsonArray reports;
    const analytics::ReportBuilder builder(db);
    for (const qint64 id : std::as_const(ids)) {
        Result<analytics::CampaignReport> r = builder.campaign(id);
        if (!r)
            continue;
        if (!m_personalData)
            r->mostEngaged.clear(); // names and addresses: personal data
        QJsonObject o = r->toJson();
        o.remove(QStringLiteral("timeline")); // hourly buckets: long, and the totals say it
        reports.append(o);
    }
    const int n = int(reports.size());
    return Answer{compact(object({{QStringLiteral("campaigns"), reports}})),
                  Source{QStringLiteral("campaign_results"), n, label(QStringLiteral("campaign_results"), n)}};
}

AssistantTools::Answer AssistantTools::templates(QSqlDatabase db, const QJsonObject &args) const
{
    const content::TemplateStore store(db);
    const QString name = args.value(QStringLiteral("name")).toString().trimmed();
    if (!name.isEmpty()) {
        const Result<content::EmailTemplate> t = store.find(name);
        if (!t)
            return failure(QStringLiteral("templates"), t.error().message);
        return Answer{compact(object({{QStringLiteral("name"), t->name},
                                      {QStringLiteral("subject"), t->subject},
                                      {QStringLiteral("preheader"), t->preheader},
                                      {QStringLiteral("format"), t->format},
                                      {QStringLiteral("source"), t->source.left(16'000)}})),
                      Source{QStringLiteral("templates"), 1, label(QStringLiteral("templates"), 1)}};
    }
    QJsonArray list;
    for (const content::EmailTemplate &t : store.list())
        list.append(object({{QStringLiteral("name"), t.name}, {QStringLiteral("subject"), t.subject}, {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)}}));
    QJsonArray components;
    const QHash<QString, QString> all = store.components();
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        components.append(object({{QStringLiteral("name"), it.key()}, {QStringLiteral("use_as"), QStringLiteral("{{> %1}}").arg(it.key())}}));
    const int n = int(list.size());
    return Answer{compact(object({{QStringLiteral("templates"), list}, {QStringLiteral("components"), components}})),
                  Source{QStringLiteral("templates"), n, label(QStringLiteral("templates"), n)}};
}

AssistantTools::Answer AssistantTools::brandKit(QSqlDatabase db) const
{
    const QHash<QString, QString> fields = content::TemplateStore(db).brandFields();
    QJsonObject kit;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        kit.insert(it.key(), it.value());
    if (kit.isEmpty())
        return Answer{compact(object({{QStringLiteral("brand_kit"), QJsonValue()}, {QStringLiteral("note"), QStringLiteral("No brand kit is set up.")}})),
                      Source{QStringLiteral("brand_kit"), 0, label(QStringLiteral("brand_kit"), 0)}};
    return Answer{compact(object({{QStringLiteral("brand_kit"), kit}, {QStringLiteral("merge_tags"), QStringLiteral("{{brand.KEY}}")}})),
                  Source{QStringLiteral("brand_kit"), 1, label(QStringLiteral("brand_kit"), 1)}};
}

AssistantTools::Answer AssistantTools::searchProducts(QSqlDatabase db, const QJsonObject &args) const
{
    const int limit = clampedInt(args, QStringLiteral("limit"), 12, 1, 50);
    const channels::woo::ProductStore store(db);
    const Result<channels::woo::SyncState> state = store.state();
    const QString currency = state ? state->currency : QString();
    const QString query = args.value(QStringLiteral("query")).toString().trimmed();
    Result<QList<channels::woo::Product>> found = store.search(query, limit);
    if (!found)
        return failure(QStringLiteral("search_products"), found.error().message);
    if (const Result<int> total = store.count(); found->isEmpty() && (!total || *total == 0))
        return failure(QStringLiteral("search_products"), QStringLiteral("No product catalogue: the store is not synced."));
    // Models search with too many words: products with any of them, else the catalogue's first, and
    // the answer says which it is.
    QString matched = QStringLiteral("every word");
    if (found->isEmpty()) {
        matched = QStringLiteral("some of the words");
        QSet<qint64> seen;
        for (const QString &word : query.split(u' ', Qt::SkipEmptyParts)) {
            if (word.size() < 3)
                continue;
            const auto some = store.search(word, limit);
            for (const channels::woo::Product &p : some ? *some : QList<channels::woo::Product>())
                if (found->size() < limit && !seen.contains(p.wooId)) {
                    seen.insert(p.wooId);
                    *found << p;
                }
        }
    }
    if (found->isEmpty()) {
        matched = QStringLiteral("nothing: these are other products of the catalogue");
        found = store.search(QString(), limit);
        if (!found)
            return failure(QStringLiteral("search_products"), found.error().message);
    }
    QJsonArray list;
    for (const channels::woo::Product &p : *found) {
        // Prices as the email must state them (the store's currency, its format), so the model copies
        // them; the guard checks what it wrote against the same catalogue.
        QJsonObject o{{QStringLiteral("name"), p.name},
                      {QStringLiteral("sku"), p.sku},
                      {QStringLiteral("price"), channels::woo::ProductCard::formatPrice(p.price, currency)},
                      {QStringLiteral("stock"), p.stockStatus},
                      {QStringLiteral("permalink"), p.permalink},
                      {QStringLiteral("image"), p.imageUrl()},
                      {QStringLiteral("categories"), QJsonArray::fromStringList(p.categoryNames())},
                      {QStringLiteral("description"), p.shortDescription.left(300)}};
        if (p.onSale)
            o.insert(QStringLiteral("regular_price"), channels::woo::ProductCard::formatPrice(p.regularPrice, currency));
        list.append(o);
    }
    const int n = int(list.size());
    return Answer{compact(object({{QStringLiteral("currency"), currency}, {QStringLiteral("matched"), matched}, {QStringLiteral("products"), list}})),
                  Source{QStringLiteral("search_products"), n, label(QStringLiteral("search_products"), n)}};
}

AssistantTools::Answer AssistantTools::findContacts(QSqlDatabase db, const QJsonObject &args) const
{
    const int limit = clampedInt(args, QStringLiteral("limit"), 10, 1, 50);
    // The Contacts page's own search: every word starts a word of the email, a name or the company.
    contacts::ContactFilter filter;
    filter.search = args.value(QStringLiteral("query")).toString().trimmed();
    const contacts::ContactRepository repository(db);
    const Result<QList<contacts::Contact>> found = repository.page(filter, limit);
    if (!found)
        return failure(QStringLiteral("find_contacts"), found.error().message);
    QJsonArray list;
    for (const contacts::Contact &listed : *found) {
        const Result<contacts::Contact> c = repository.find(listed.id); // with its tags
        if (!c)
            continue;
        list.append(object({{QStringLiteral("first_name"), c->firstName},
                            {QStringLiteral("last_name"), c->lastName},
                            {QStringLiteral("email"), c->email},
                            {QStringLiteral("country"), c->country},
                            {QStringLiteral("status"), c->status},
                            {QStringLiteral("tags"), QJsonArray::fromStringList(c->tags)}}));
    }
    const int n = int(list.size());
    return Answer{compact(object({{QStringLiteral("contacts"), list}})),
                  Source{QStringLiteral("find_contacts"), n, label(QStringLiteral("find_contacts"), n)}};
}

QString AssistantTools::label(const QString &kind, qint64 count)
{
    const int n = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (kind == u"audience_stats")
        return tr("audience statistics");
    if (kind == u"engagement")
        return tr("engagement figures");
    if (kind == u"campaign_results")
        return tr("%n campaign report(s)", nullptr, n);
    if (kind == u"templates")
        return tr("%n template(s)", nullptr, n);
    if (kind == u"brand_kit")
        return count > 0 ? tr("the brand kit") : tr("the brand kit (empty)");
    if (kind == u"search_products")
        return tr("%n product(s)", nullptr, n);
    if (kind == u"find_contacts")
        return tr("%n contact(s)", nullptr, n);
    return kind;
}

QList<Source> AssistantTools::merged(const QList<Source> &sources)
{
    QList<Source> out;
    for (const Source &s : sources) {
        if (s.kind.isEmpty())
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&s](const Source &o) { return o.kind == s.kind; });
        if (it == out.end())
            out << s;
        else if (s.kind != u"audience_stats" && s.kind != u"engagement" && s.kind != u"brand_kit")
            it->count += s.count;
    }
    for (Source &s : out)
        s.label = label(s.kind, s.count);
    return out;
}

} // namespace lux::assistant
