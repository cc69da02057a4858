// SPDX-License-Identifier: GPL-3.0-or-later
#include "wooclient.h"

#include "common/errorcodes.h"
#include "content/emailhtml.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace lux::channels::woo {

namespace {

constexpr qint64 kMaxAnswerBytes = 32 * 1024 * 1024; // 100 products with descriptions

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString storeMessage(const QJsonObject &body)
{
    // WooCommerce's messages may carry HTML (the critical-error page): keep the words.
    return content::PlainText::fromHtml(body.value(QStringLiteral("message")).toString()).simplified();
}

} // namespace

WooClient::WooClient(QNetworkAccessManager *network, WooConfig config)
    : m_config(std::move(config)), m_http(network, {m_config.storeUrl, m_config.timeoutMs})
{
    m_http.setBasic(m_config.consumerKey, m_config.consumerSecret);
}

Status WooClient::checkUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error(errc::wooConfig, tr("Set the store's address (woo.base_url), such as https://shop.example."));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopback(url.host()))
        return {};
    if (scheme == QLatin1String("http"))
        return Error(errc::wooInsecure,
                     tr("The store address %1 is plain HTTP. The consumer key and secret are only sent over HTTPS "
                        "(WooCommerce's OAuth 1.0a signatures for plain HTTP are not supported): use the store's https:// address.")
                         .arg(url.toDisplayString()));
    return Error(errc::wooConfig, tr("The store address %1 is not an https:// address.").arg(url.toDisplayString()));
}

Status WooClient::checkConfig() const
{
    if (Status s = checkUrl(m_config.storeUrl); !s)
        return s;
    if (m_config.consumerKey.isEmpty() || m_config.consumerSecret.isEmpty())
        return Error(errc::wooConfig, tr("The WooCommerce consumer key and secret are not set: create a read-only key under "
                                         "WooCommerce → Settings → Advanced → REST API and save both in the keychain."));
    return {};
}

Product WooClient::product(const QJsonObject &o)
{
    Product p;
    p.wooId = o.value(QStringLiteral("id")).toInteger();
    p.name = o.value(QStringLiteral("name")).toString();
    p.sku = o.value(QStringLiteral("sku")).toString();
    // Decimal strings in the API; a plugin may send numbers: written back exactly as JSON had them.
    auto decimal = [&o](const char *name) -> QString {
        const QJsonValue v = o.value(QString::fromLatin1(name));
        if (v.isDouble())
            return QString::number(v.toDouble(), 'f', 2);
        return v.toString();
    };
    p.price = decimal("price");
    p.regularPrice = decimal("regular_price");
    p.salePrice = decimal("sale_price");
    p.onSale = o.value(QStringLiteral("on_sale")).toBool();
    p.stockStatus = o.value(QStringLiteral("stock_status")).toString();
    p.permalink = o.value(QStringLiteral("permalink")).toString();
    p.images = o.value(QStringLiteral("images")).toArray();
    p.categories = o.value(QStringLiteral("categories")).toArray();
    p.shortDescription = content::PlainText::fromHtml(o.value(QStringLiteral("short_description")).toString()).trimmed();
    p.dateModifiedGmt = o.value(QStringLiteral("date_modified_gmt")).toString();
    return p;
}

Error WooClient::error(const HttpResponse &response)
{
    if (!response.answered())
        return Error(errc::wooUnavailable, tr("The store did not answer (%1): try again later.").arg(response.errorString));
    const QJsonObject body = response.json();
    const QString code = body.value(QStringLiteral("code")).toString();
    const QString said = storeMessage(body);
    const int status = response.status;
    if (status == 401 || status == 403 || code == QLatin1String("woocommerce_rest_authentication_error"))
        return Error(errc::wooAuth, tr("The store refused the consumer key or secret (%1). Enter the keys again: a read key from "
                                       "WooCommerce → Settings → Advanced → REST API.")
                                        .arg(said.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : said));
    if (status == 404)
        return Error(errc::wooNoRoute, tr("WooCommerce REST API not found at this address: check the store URL and pretty permalinks."));
    if (status == 429 || status >= 500)
        return Error(errc::wooUnavailable, tr("The store answered HTTP %1: try again later.").arg(status));
    return Error(errc::wooRefused, tr("The store refused the request (HTTP %1): %2").arg(status).arg(said.isEmpty() ? code : said));
}

QCoro::Task<HttpResponse> WooClient::get(QString path, QList<QPair<QString, QString>> query)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        QUrlQuery q;
        for (const auto &[name, value] : query)
            q.addQueryItem(name, value);
        if (m_queryAuth) {
            q.addQueryItem(QStringLiteral("consumer_key"), m_config.consumerKey);
            q.addQueryItem(QStringLiteral("consumer_secret"), m_config.consumerSecret);
        }
        HttpRequest request;
        request.path = path + u'?' + q.toString(QUrl::FullyEncoded);
        request.maxResponseBytes = kMaxAnswerBytes;
        HttpResponse response = co_await m_http.send(std::move(request));
        // The server dropped the Authorization header: WooCommerce's answer is "Consumer key is missing.".
        const bool stripped = response.status == 401 && !m_queryAuth
                              && response.json().value(QStringLiteral("message")).toString().contains(QLatin1String("Consumer key is missing"));
        if (!stripped)
            co_return response;
        m_queryAuth = true;
        m_http.clearAuth();
    }
    Q_UNREACHABLE();
}

QCoro::Task<Result<ProductPage>> WooClient::products(int page, int perPage, QString modifiedAfter)
{
    if (Status s = checkConfig(); !s)
        co_return s.error();
    QList<QPair<QString, QString>> query{{QStringLiteral("per_page"), QString::number(std::clamp(perPage, 1, kMaxPerPage))},
                                         {QStringLiteral("page"), QString::number(page)},
                                         {QStringLiteral("orderby"), QStringLiteral("id")},
                                         // What customers can buy: drafts, pending and private products are not facts to mail.
                                         {QStringLiteral("status"), QStringLiteral("publish")},
                                         {QStringLiteral("order"), QStringLiteral("asc")}};
    if (!modifiedAfter.isEmpty()) {
        query.append({QStringLiteral("modified_after"), modifiedAfter});
        query.append({QStringLiteral("dates_are_gmt"), QStringLiteral("true")});
    }
    const QString path = QStringLiteral("/wp-json/wc/v3/products"); // named: GCC 12 and co_await temporaries
    const HttpResponse response = co_await get(path, std::move(query));
    if (!response.succeeded())
        co_return error(response);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (!doc.isArray())
        co_return Error(errc::wooAnswer, tr("The store's list of products could not be read (%1).").arg(parseError.errorString()));
    ProductPage out;
    for (const QJsonValue &v : doc.array())
        out.products << product(v.toObject());
    bool ok = false;
    out.total = response.header("X-WP-Total").toInt(&ok);
    if (!ok)
        out.total = int(out.products.size());
    out.totalPages = response.header("X-WP-TotalPages").toInt(&ok);
    if (!ok)
        out.totalPages = out.products.isEmpty() ? 0 : page; // no header: this page is the last
    co_return out;
}

QCoro::Task<Result<QString>> WooClient::currency()
{
    if (Status s = checkConfig(); !s)
        co_return s.error();
    const QString path = QStringLiteral("/wp-json/wc/v3/settings/general"); // named: GCC 12 and co_await temporaries
    QList<QPair<QString, QString>> noQuery;
    const HttpResponse response = co_await get(path, std::move(noQuery));
    // A key whose user may not read the settings: the currency stays unknown (woo.currency then).
    if (response.status == 403)
        co_return QString();
    if (!response.succeeded())
        co_return error(response);
    const QJsonArray group = QJsonDocument::fromJson(response.body).array();
    for (const QJsonValue &v : group)
        if (v.toObject().value(QStringLiteral("id")).toString() == QLatin1String("woocommerce_currency"))
            co_return v.toObject().value(QStringLiteral("value")).toString().toUpper();
    co_return QString();
}

ProductSync::ProductSync(QNetworkAccessManager *network, QSqlDatabase db, WooConfig config, QString fallbackCurrency)
    : m_network(network), m_db(std::move(db)), m_config(std::move(config)), m_fallbackCurrency(std::move(fallbackCurrency))
{
}

QCoro::Task<Result<SyncSummary>> ProductSync::run(bool full)
{
    QElapsedTimer timer;
    timer.start();
    const std::shared_ptr<std::atomic_bool> cancelled = m_cancelled;
    WooClient client(m_network, m_config);
    if (Status s = client.checkConfig(); !s)
        co_return s.error();
    ProductStore store(m_db);
    auto state = store.state();
    if (!state)
        co_return state.error();
    SyncState next = *state;
    const QString storeUrl = m_config.storeUrl.adjusted(QUrl::StripTrailingSlash).toString();
    SyncSummary summary;
    // Another store's products are not this one's: start again.
    if (!next.storeUrl.isEmpty() && next.storeUrl != storeUrl) {
        if (Status s = store.clear(); !s)
            co_return s.error();
        next = SyncState{};
        full = true;
    }
    if (next.storeUrl != storeUrl) {
        // Kept before the first page, so products written by a sync that fails are known to be this store's.
        next.storeUrl = storeUrl;
        if (Status s = store.saveState(next); !s)
            co_return s.error();
    }
    summary.full = full || next.modifiedAfter.isEmpty();
    const QString after = summary.full ? QString() : next.modifiedAfter;

    // The currency: the store's own setting when the key may read it, else woo.currency, else what we had.
    Result<QString> currency = co_await client.currency();
    if (!currency)
        co_return currency.error(); // wrong keys, no API at that address, or no answer: the products would fail too
    if (!currency->isEmpty())
        next.currency = *currency;
    else if (!m_fallbackCurrency.isEmpty())
        next.currency = m_fallbackCurrency;

    QString highest = after;
    int pages = 1;
    for (int page = 1; page <= pages; ++page) {
        if (cancelled->load())
            co_return Error(errc::cancelled, tr("The product sync was cancelled; the next one goes on from the same point."));
        Result<ProductPage> got = co_await client.products(page, WooClient::kMaxPerPage, after);
        if (!got)
            co_return got.error();
        if (cancelled->load())
            co_return Error(errc::cancelled, tr("The product sync was cancelled; the next one goes on from the same point."));
        pages = got->totalPages;
        if (m_progress)
            m_progress(page, std::max(pages, page));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Result<UpsertCounts> counts = store.upsert(got->products, now);
        if (!counts)
            co_return counts.error();
        summary.fetched += int(got->products.size());
        summary.added += counts->added;
        summary.changed += counts->changed;
        summary.unchanged += counts->unchanged;
        summary.pages = page;
        // ISO 8601 without a zone, all GMT: text order is time order.
        for (const Product &p : std::as_const(got->products))
            if (p.dateModifiedGmt > highest)
                highest = p.dateModifiedGmt;
    }
    next.modifiedAfter = highest;
    next.lastSyncAt = QDateTime::currentMSecsSinceEpoch();
    if (Status s = store.saveState(next); !s)
        co_return s.error();
    auto total = store.count();
    if (!total)
        co_return total.error();
    summary.total = *total;
    summary.currency = next.currency;
    summary.modifiedAfter = highest;
    summary.durationMs = timer.elapsed();
    co_return summary;
}

} // namespace lux::channels::woo
