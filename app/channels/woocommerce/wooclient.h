// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/httpclient.h"
#include "channels/woocommerce/productstore.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QSqlDatabase>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace lux::channels::woo {

struct WooConfig
{
    QUrl storeUrl;          // woo.base_url: https://shop.example (the REST API is below it at /wp-json/wc/v3)
    QString consumerKey;    // ck_…, from the keychain (Secret::WooConsumerKey)
    QString consumerSecret; // cs_…
    int timeoutMs = 30'000;
};

// One page of GET /wp-json/wc/v3/products with the pagination headers.
struct ProductPage
{
    QList<Product> products;
    int total = 0;      // X-WP-Total
    int totalPages = 0; // X-WP-TotalPages
};

// The WooCommerce REST API v3 (provider-contracts.md §4) over the one HTTP helper: HTTP Basic with
// the consumer key and secret, over HTTPS only. A store on plain HTTP would need OAuth 1.0a
// one-legged signatures, which this client does not do: such an address is refused, except on this
// computer (the tests' fake). When a server strips the Authorization header ("Consumer key is
// missing."), the keys go in the query string instead, as WooCommerce documents.
//
// Errors: woo.config, woo.insecure, woo.auth (401/403: ask for the keys again), woo.no-route (404:
// wrong address or plain permalinks), woo.unavailable (5xx, 429, no answer: try later), woo.refused
// (another 4xx), woo.answer (not WooCommerce's JSON).
class WooClient
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::woo::WooClient)
public:
    static constexpr int kMaxPerPage = 100; // WordPress REST: per_page is 1–100

    WooClient(QNetworkAccessManager *network, WooConfig config);

    // Whether `url` may carry the keys: https, or http to a loopback address.
    static Status checkUrl(const QUrl &url);
    Status checkConfig() const;

    // modifiedAfter: "" for every product, else a GMT date as date_modified_gmt writes it.
    QCoro::Task<Result<ProductPage>> products(int page, int perPage = kMaxPerPage, QString modifiedAfter = {});
    // woocommerce_currency from the general settings ("EUR"); "" when the key may not read settings
    // (403) or they do not name it.
    QCoro::Task<Result<QString>> currency();

    static Product product(const QJsonObject &json);
    // What an answer that is not a success means to the user (codes above).
    static Error error(const HttpResponse &response);
    bool usesQueryAuth() const { return m_queryAuth; }

private:
    QCoro::Task<HttpResponse> get(QString path, QList<QPair<QString, QString>> query);

    WooConfig m_config;
    HttpClient m_http;
    bool m_queryAuth = false;
};

struct SyncSummary
{
    int fetched = 0;
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int pages = 0;
    qint64 durationMs = 0;
    bool full = false;      // every product was asked for (first sync, another store, or --full)
    int total = 0;          // products in the catalogue afterwards
    QString currency;
    QString modifiedAfter;  // where the next sync starts
};

// A sync of the store's products into the local catalogue: every page of 100 while
// X-WP-TotalPages says there are more, each page written in one transaction. Incremental after the
// first: only products modified after the highest date_modified_gmt of the last sync that finished.
// A failure or a cancel keeps the pages already written (they are the store's current facts) and
// does not move that mark, so the next sync asks again from the same point.
class ProductSync
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::woo::ProductSync)
public:
    using Progress = std::function<void(int page, int pages)>;

    ProductSync(QNetworkAccessManager *network, QSqlDatabase db, WooConfig config, QString fallbackCurrency = {});

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Stops before the next page (the page in flight is not written). Safe from any thread.
    void cancel() { m_cancelled->store(true); }

    QCoro::Task<Result<SyncSummary>> run(bool full = false);

private:
    QNetworkAccessManager *m_network;
    QSqlDatabase m_db;
    WooConfig m_config;
    QString m_fallbackCurrency;
    Progress m_progress;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
};

} // namespace lux::channels::woo
