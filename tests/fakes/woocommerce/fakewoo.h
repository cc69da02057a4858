// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace lux::fakes {

// The WooCommerce REST API v3 products list as docs/provider-contracts.md §4 and the
// woocommerce-rest-api-docs describe it, over real HTTP on loopback only, for the product sync's
// tests; also runnable on its own (lux-fake-woo).
//
//   GET /wp-json/wc/v3/products          HTTP Basic consumer_key:consumer_secret, or the query-string
//                                         form ?consumer_key=…&consumer_secret=…; per_page (1–100,
//                                         default 10; else 400 rest_invalid_param), page (1-based),
//                                         modified_after (ISO 8601; strictly after; GMT when
//                                         dates_are_gmt=true, which is the only reading of the fake),
//                                         search (in name or SKU). Ordered by id. Headers X-WP-Total,
//                                         X-WP-TotalPages and Link with rel first / prev / next / last.
//   GET /wp-json/wc/v3/settings/general  the general settings group (woocommerce_currency…)
//   anything else below /wp-json/         404 rest_no_route, as WordPress answers
//
// Errors with WooCommerce's body {"code","message","data":{"status"}}: no credentials at all 401
// woocommerce_rest_authentication_error "Consumer key is missing."; a wrong key or secret 401
// woocommerce_rest_authentication_error "Invalid signature - provided signature does not match.".
//
// Products are made deterministically from a seed (names with model numbers, SKUs, prices as decimal
// strings, some on sale, stock statuses, permalinks, images, categories, date_modified_gmt in the past).
//
// Control (no auth):
//   POST /_fake/products/{id}   JSON of product fields to change (name, price, regular_price,
//                               sale_price, sku, stock_status…); date_modified(_gmt) move to now
//   POST /_fake/fail            {"count": N, "status": 500|401|404, "after": K}: after K more API
//                               requests answer normally, the next N are answered with that status
//   GET  /_fake/requests        {"requests": n, "products": n, "paths": [...]} (API requests seen)
//   POST /_fake/reset           forget counters and failures (products stay)
class FakeWoo : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultCount = 250;
    static constexpr quint32 kDefaultSeed = 20261209;

    explicit FakeWoo(QObject *parent = nullptr);
    bool listen(quint16 port = 0);
    QUrl baseUrl() const { return m_http.baseUrl(); } // woo.base_url: /wp-json/… below it
    QString consumerKey() const { return m_key; }
    QString consumerSecret() const { return m_secret; }
    void setCredentials(const QString &key, const QString &secret)
    {
        m_key = key;
        m_secret = secret;
    }
    void setCurrency(const QString &code) { m_currency = code; }
    void setProducts(QList<QJsonObject> products) { m_products = std::move(products); }
    void generate(int count = kDefaultCount, quint32 seed = kDefaultSeed) { m_products = products(count, seed); }
    // Changes fields of product `id` and moves its date_modified to now; false when there is none.
    bool change(qint64 id, const QJsonObject &fields);
    // After `after` more API requests, answer the next `count` with `status`.
    void failNext(int count, int status, int after = 0);
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    const QList<QJsonObject> &catalogue() const { return m_products; }
    int requests() const { return m_requests; }
    QStringList paths() const { return m_paths; }
    void resetCounters();

    // The deterministic catalogue: the same (count, seed) gives the same products, byte for byte.
    static QList<QJsonObject> products(int count = kDefaultCount, quint32 seed = kDefaultSeed);
    static QByteArray error(const QString &code, const QString &message, int status);

private:
    void handle(HttpExchange *exchange);
    HttpResponse api(const HttpRequest &request);
    HttpResponse list(const HttpRequest &request) const;
    HttpResponse control(const HttpRequest &request);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    HttpServer m_http;
    QString m_key = QStringLiteral("ck_4f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b");
    QString m_secret = QStringLiteral("cs_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b");
    QString m_currency = QStringLiteral("EUR");
    QList<QJsonObject> m_products;
    std::function<QDateTime()> m_clock;
    int m_requests = 0;
    QStringList m_paths;
    int m_failAfter = 0;
    int m_failCount = 0;
    int m_failStatus = 500;
};

} // namespace lux::fakes
