// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakewoo.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace lux::fakes {

namespace {

const QString kRoot = QStringLiteral("/wp-json/wc/v3");
const QString kShop = QStringLiteral("https://shop.example");

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact) : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QString iso(const QDateTime &at)
{
    return at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QString money(int cents)
{
    if (cents % 100 == 0)
        return QString::number(cents / 100); // stores keep prices as typed: "25" as well as "19.99"
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

QByteArray basicUser(const QByteArray &header, QByteArray *password)
{
    if (!header.startsWith("Basic "))
        return {};
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return {};
    *password = decoded.mid(colon + 1);
    return decoded.left(colon);
}

struct Kind
{
    const char *type;
    const char *code;
    const char *category;
    int categoryId;
};

} // namespace

QByteArray FakeWoo::error(const QString &code, const QString &message, int status)
{
    return compact(QJsonObject{{QStringLiteral("code"), code},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("data"), QJsonObject{{QStringLiteral("status"), status}}}});
}

QList<QJsonObject> FakeWoo::products(int count, quint32 seed)
{
    static const char *const series[] = {"Aurora", "Borealis", "Cirrus", "Delta", "Ember", "Fjord", "Glacier", "Halo", "Ion", "Juniper",
                                         "Kestrel", "Lumen", "Meridian", "Nimbus", "Orion", "Polar", "Quartz", "Riviera", "Sierra", "Tundra"};
    static const Kind kinds[] = {{"Desk Lamp", "DL", "Lighting", 15}, {"Floor Lamp", "FL", "Lighting", 15}, {"Armchair", "AC", "Furniture", 16},
                                 {"Kettle", "KT", "Kitchen", 17},     {"Backpack", "BP", "Bags", 18},       {"Headphones", "HP", "Audio", 19},
                                 {"Mug", "MG", "Kitchen", 17},        {"Blanket", "BL", "Textiles", 20},    {"Side Table", "ST", "Furniture", 16},
                                 {"Speaker", "SP", "Audio", 19}};
    static const char *const letters[] = {"X", "S", "M"};
    QRandomGenerator rng(seed);
    const QDateTime base(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    QList<QJsonObject> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qint64 id = 100 + qint64(i) * 3;
        const QString serie = QString::fromLatin1(series[i % 20]);
        const Kind &kind = kinds[(i / 20) % 10];
        // Every combination once per 200 products, then again with the next model: families of models.
        const QString model = QString::fromLatin1(letters[rng.bounded(3)]) + QString::number(100 * (1 + i / 200) + 10 * rng.bounded(10));
        const QString name = serie + u' ' + QString::fromLatin1(kind.type) + u' ' + model;
        const QString slug = name.toLower().replace(u' ', u'-');
        const QString sku = i % 17 == 5 ? QString()
                                        : serie.left(3).toUpper() + u'-' + QString::fromLatin1(kind.code) + u'-'
                                              + QStringLiteral("%1").arg(id, 4, 10, QLatin1Char('0'));
        int regular = 499 + int(rng.bounded(45000));
        if (i % 20 == 7)
            regular = 100'000 + int(rng.bounded(150'000)); // some over a thousand: thousands separators
        if (i % 10 == 3)
            regular = regular / 100 * 100; // whole amounts, written "25"
        const bool onSale = rng.bounded(4) == 0;
        const int sale = onSale ? regular * 8 / 10 : 0;
        const quint32 stockRoll = rng.bounded(20);
        const QString stock = stockRoll < 15 ? QStringLiteral("instock") : stockRoll < 18 ? QStringLiteral("outofstock") : QStringLiteral("onbackorder");
        const QDateTime modified = base.addSecs(-qint64(i) * 37 * 60 - rng.bounded(600));
        const QDateTime created = modified.addDays(-30 - rng.bounded(300));
        const QString image = kShop + QStringLiteral("/wp-content/uploads/2026/10/") + slug + QStringLiteral(".jpg");
        QJsonObject p{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("slug"), slug},
            {QStringLiteral("permalink"), QString(kShop + QStringLiteral("/product/") + slug + u'/')},
            {QStringLiteral("date_created"), iso(created.addSecs(3600))},
            {QStringLiteral("date_created_gmt"), iso(created)},
            {QStringLiteral("date_modified"), iso(modified.addSecs(3600))}, // the store's zone: UTC+1
            {QStringLiteral("date_modified_gmt"), iso(modified)},
            {QStringLiteral("type"), QStringLiteral("simple")},
            {QStringLiteral("status"), QStringLiteral("publish")},
            {QStringLiteral("featured"), i % 31 == 0},
            {QStringLiteral("catalog_visibility"), QStringLiteral("visible")},
            {QStringLiteral("description"), QStringLiteral("<p>The %1 is made to last. Designed in our studio.</p>\n").arg(name)},
            {QStringLiteral("short_description"), QStringLiteral("<p>%1 &#8211; %2.</p>\n").arg(QString::fromLatin1(kind.type), QString::fromLatin1(kind.category))},
            {QStringLiteral("sku"), sku},
            {QStringLiteral("price"), money(onSale ? sale : regular)},
            {QStringLiteral("regular_price"), money(regular)},
            {QStringLiteral("sale_price"), onSale ? money(sale) : QString()},
            {QStringLiteral("date_on_sale_from"), QJsonValue::Null},
            {QStringLiteral("date_on_sale_to"), QJsonValue::Null},
            {QStringLiteral("on_sale"), onSale},
            {QStringLiteral("purchasable"), true},
            {QStringLiteral("total_sales"), int(rng.bounded(500))},
            {QStringLiteral("virtual"), false},
            {QStringLiteral("downloadable"), false},
            {QStringLiteral("tax_status"), QStringLiteral("taxable")},
            {QStringLiteral("manage_stock"), stock != QLatin1String("onbackorder")},
            {QStringLiteral("stock_quantity"), stock == QLatin1String("instock") ? QJsonValue(int(1 + rng.bounded(80))) : QJsonValue(0)},
            {QStringLiteral("stock_status"), stock},
            {QStringLiteral("categories"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), kind.categoryId},
                                    {QStringLiteral("name"), QString::fromLatin1(kind.category)},
                                    {QStringLiteral("slug"), QString::fromLatin1(kind.category).toLower()}}}},
            {QStringLiteral("tags"), QJsonArray{}},
            {QStringLiteral("images"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), 5000 + id},
                                    {QStringLiteral("date_created"), iso(created.addSecs(3600))},
                                    {QStringLiteral("date_created_gmt"), iso(created)},
                                    {QStringLiteral("date_modified"), iso(created.addSecs(3600))},
                                    {QStringLiteral("date_modified_gmt"), iso(created)},
                                    {QStringLiteral("src"), image},
                                    {QStringLiteral("name"), slug},
                                    {QStringLiteral("alt"), QString()}}}},
            {QStringLiteral("attributes"), QJsonArray{}},
            {QStringLiteral("variations"), QJsonArray{}},
            {QStringLiteral("meta_data"), QJsonArray{}},
        };
        out << p;
    }
    return out;
}

FakeWoo::FakeWoo(QObject *parent) : QObject(parent), m_http([this](HttpExchange *e) { handle(e); }, this)
{
    generate();
}

bool FakeWoo::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port); // loopback only
}

bool FakeWoo::change(qint64 id, const QJsonObject &fields)
{
    for (QJsonObject &p : m_products) {
        if (p.value(QStringLiteral("id")).toInteger() != id)
            continue;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            if (it.key() != QLatin1String("id"))
                p.insert(it.key(), it.value());
        if (fields.contains(QStringLiteral("sale_price")) || fields.contains(QStringLiteral("regular_price"))) {
            const QString sale = p.value(QStringLiteral("sale_price")).toString();
            p.insert(QStringLiteral("on_sale"), !sale.isEmpty());
            if (!fields.contains(QStringLiteral("price")))
                p.insert(QStringLiteral("price"), sale.isEmpty() ? p.value(QStringLiteral("regular_price")).toString() : sale);
        }
        const QDateTime at = now().toUTC();
        p.insert(QStringLiteral("date_modified_gmt"), iso(at));
        p.insert(QStringLiteral("date_modified"), iso(at.addSecs(3600)));
        return true;
    }
    return false;
}

void FakeWoo::failNext(int count, int status, int after)
{
    m_failCount = count;
    m_failStatus = status;
    m_failAfter = after;
}

void FakeWoo::resetCounters()
{
    m_requests = 0;
    m_paths.clear();
    m_failCount = 0;
    m_failAfter = 0;
}

void FakeWoo::handle(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    if (request.url.path().startsWith(QLatin1String("/_fake/")))
        exchange->respond(control(request));
    else
        exchange->respond(api(request));
}

HttpResponse FakeWoo::control(const HttpRequest &request)
{
    const QString path = request.url.path();
    static const QRegularExpression product(QStringLiteral(R"(^/_fake/products/(\d+)$)"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (request.method == "POST") {
        if (const auto m = product.match(path); m.hasMatch()) {
            if (!change(m.captured(1).toLongLong(), body))
                return HttpResponse::json(404, error(QStringLiteral("woocommerce_rest_product_invalid_id"), QStringLiteral("Invalid ID."), 404));
            return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("changed"), m.captured(1).toLongLong()}}));
        }
        if (path == QLatin1String("/_fake/fail")) {
            failNext(body.value(QStringLiteral("count")).toInt(1), body.value(QStringLiteral("status")).toInt(500),
                     body.value(QStringLiteral("after")).toInt(0));
            return HttpResponse::json(200, "{}");
        }
        if (path == QLatin1String("/_fake/reset")) {
            resetCounters();
            return HttpResponse::json(200, "{}");
        }
    }
    if (request.method == "GET" && path == QLatin1String("/_fake/requests")) {
        QJsonArray paths;
        for (const QString &p : std::as_const(m_paths))
            paths.append(p);
        return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("requests"), m_requests},
                                                           {QStringLiteral("products"), int(m_products.size())},
                                                           {QStringLiteral("paths"), paths}}));
    }
    return HttpResponse::json(404, error(QStringLiteral("rest_no_route"), QStringLiteral("No route was found matching the URL and request method."), 404));
}

HttpResponse FakeWoo::api(const HttpRequest &request)
{
    ++m_requests;
    m_paths << request.url.toString(QUrl::RemoveQuery) + u'?' + QUrlQuery(request.url).toString();
    if (m_failCount > 0 && m_failAfter-- <= 0) {
        --m_failCount;
        switch (m_failStatus) {
        case 401:
            return HttpResponse::json(401, error(QStringLiteral("woocommerce_rest_authentication_error"),
                                                 QStringLiteral("Invalid signature - provided signature does not match."), 401));
        case 404:
            return HttpResponse::json(404, error(QStringLiteral("rest_no_route"), QStringLiteral("No route was found matching the URL and request method."), 404));
        default:
            return HttpResponse::json(m_failStatus, error(QStringLiteral("internal_server_error"),
                                                          QStringLiteral("<p>There has been a critical error on this website.</p>"), m_failStatus));
        }
    }
    const QString path = request.url.path();
    const bool products = path == kRoot + QStringLiteral("/products");
    const bool settings = path == kRoot + QStringLiteral("/settings/general");
    if (request.method != "GET" || (!products && !settings))
        return HttpResponse::json(404, error(QStringLiteral("rest_no_route"), QStringLiteral("No route was found matching the URL and request method."), 404));

    // Basic auth first; WooCommerce also reads the keys from the query string (servers that strip
    // the Authorization header).
    QByteArray secret;
    QString key = QString::fromUtf8(basicUser(request.header("authorization"), &secret));
    const QUrlQuery query(request.url);
    if (key.isEmpty() && query.hasQueryItem(QStringLiteral("consumer_key"))) {
        key = query.queryItemValue(QStringLiteral("consumer_key"), QUrl::FullyDecoded);
        secret = query.queryItemValue(QStringLiteral("consumer_secret"), QUrl::FullyDecoded).toUtf8();
    }
    if (key.isEmpty())
        return HttpResponse::json(401, error(QStringLiteral("woocommerce_rest_authentication_error"), QStringLiteral("Consumer key is missing."), 401));
    if (key != m_key || secret != m_secret.toUtf8())
        return HttpResponse::json(401, error(QStringLiteral("woocommerce_rest_authentication_error"),
                                             QStringLiteral("Invalid signature - provided signature does not match."), 401));
    if (settings) {
        const QJsonArray group{
            QJsonObject{{QStringLiteral("id"), QStringLiteral("woocommerce_default_country")}, {QStringLiteral("label"), QStringLiteral("Country and state")},
                        {QStringLiteral("type"), QStringLiteral("select")}, {QStringLiteral("value"), QStringLiteral("ES:M")}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("woocommerce_currency")}, {QStringLiteral("label"), QStringLiteral("Currency")},
                        {QStringLiteral("type"), QStringLiteral("select")}, {QStringLiteral("default"), QStringLiteral("USD")},
                        {QStringLiteral("value"), m_currency}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("woocommerce_price_decimal_sep")}, {QStringLiteral("label"), QStringLiteral("Decimal separator")},
                        {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("value"), QStringLiteral(",")}},
        };
        return HttpResponse::json(200, compact(group));
    }
    return list(request);
}

HttpResponse FakeWoo::list(const HttpRequest &request) const
{
    const QUrlQuery query(request.url);
    auto param = [&](const char *name) -> QString { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    auto invalid = [](const QString &name, const QString &why) {
        return HttpResponse::json(
            400, compact(QJsonObject{{QStringLiteral("code"), QStringLiteral("rest_invalid_param")},
                                     {QStringLiteral("message"), QStringLiteral("Invalid parameter(s): %1").arg(name)},
                                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("status"), 400},
                                                                          {QStringLiteral("params"), QJsonObject{{name, why}}}}}}));
    };
    int perPage = 10;
    if (query.hasQueryItem(QStringLiteral("per_page"))) {
        bool ok = false;
        perPage = param("per_page").toInt(&ok);
        if (!ok || perPage < 1 || perPage > 100)
            return invalid(QStringLiteral("per_page"), QStringLiteral("per_page must be between 1 (inclusive) and 100 (inclusive)"));
    }
    int page = 1;
    if (query.hasQueryItem(QStringLiteral("page"))) {
        bool ok = false;
        page = param("page").toInt(&ok);
        if (!ok || page < 1)
            return invalid(QStringLiteral("page"), QStringLiteral("page must be greater than or equal to 1"));
    }
    QDateTime after;
    if (query.hasQueryItem(QStringLiteral("modified_after"))) {
        QString text = param("modified_after");
        after = QDateTime::fromString(text, Qt::ISODate);
        if (!after.isValid())
            return invalid(QStringLiteral("modified_after"), QStringLiteral("Invalid date."));
        if (!text.endsWith(u'Z') && !text.contains(u'+'))
            after = QDateTime(after.date(), after.time(), Qt::UTC);
    }
    const QString search = param("search").toLower();
    const QString status = param("status"); // "any" (the default) or one status
    QList<QJsonObject> matching;
    for (const QJsonObject &p : m_products) {
        if (!status.isEmpty() && status != u"any" && p.value(QStringLiteral("status")).toString() != status)
            continue;
        if (after.isValid()) {
            const QDateTime modified(QDateTime::fromString(p.value(QStringLiteral("date_modified_gmt")).toString(), Qt::ISODate).date(),
                                     QDateTime::fromString(p.value(QStringLiteral("date_modified_gmt")).toString(), Qt::ISODate).time(), Qt::UTC);
            if (modified <= after)
                continue;
        }
        if (!search.isEmpty() && !p.value(QStringLiteral("name")).toString().toLower().contains(search)
            && !p.value(QStringLiteral("sku")).toString().toLower().contains(search))
            continue;
        matching << p;
    }
    std::sort(matching.begin(), matching.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("id")).toInteger() < b.value(QStringLiteral("id")).toInteger();
    });
    const int total = int(matching.size());
    const int pages = (total + perPage - 1) / perPage;
    QJsonArray body;
    for (int i = (page - 1) * perPage; i < std::min(total, page * perPage); ++i)
        body.append(matching.at(i));

    HttpResponse r = HttpResponse::json(200, compact(body));
    r.headers.append({"X-WP-Total", QByteArray::number(total)});
    r.headers.append({"X-WP-TotalPages", QByteArray::number(pages)});
    // Links keep the request's parameters but the keys, with another page.
    auto link = [&](int to, const char *rel) -> QByteArray {
        QUrlQuery q;
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            if (name != QLatin1String("page") && name != QLatin1String("consumer_key") && name != QLatin1String("consumer_secret"))
                q.addQueryItem(name, value);
        q.addQueryItem(QStringLiteral("page"), QString::number(to));
        QUrl url = m_http.baseUrl();
        url.setPath(request.url.path());
        url.setQuery(q);
        return '<' + url.toEncoded() + ">; rel=\"" + rel + '"';
    };
    QList<QByteArray> links;
    if (pages > 0) {
        links << link(1, "first");
        if (page > 1 && page <= pages + 1)
            links << link(page - 1, "prev");
        if (page < pages)
            links << link(page + 1, "next");
        links << link(pages, "last");
    }
    if (!links.isEmpty())
        r.headers.append({"Link", links.join(", ")});
    return r;
}

} // namespace lux::fakes
