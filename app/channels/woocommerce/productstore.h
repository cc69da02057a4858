// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace lux::channels::woo {

// One store product as the local catalogue keeps it: the WooCommerce REST API v3 fields the app
// uses, under the API's names. Prices are the store's decimal strings, never numbers.
struct Product
{
    qint64 wooId = 0;
    QString name;
    QString sku;
    QString price;        // what it costs now (the sale price while on sale)
    QString regularPrice;
    QString salePrice;    // "" when not on sale
    bool onSale = false;
    QString stockStatus;  // instock, outofstock, onbackorder
    QString permalink;
    QJsonArray images;     // [{id, src, name, alt, …}]
    QJsonArray categories; // [{id, name, slug}]
    QString shortDescription; // plain text (the API's HTML, tags and entities taken out)
    QString dateModifiedGmt;  // "2026-11-01T09:00:00"
    qint64 syncedAt = 0;      // ms since the epoch

    QString imageUrl() const;  // the first image's src, or ""
    QStringList categoryNames() const;
    // Prices a draft may state for this product: the current price, the sale price, and the
    // regular price while on sale (the struck-through "was" price), normalised (Decimal::normalize).
    QStringList statablePrices() const;
    bool sameFacts(const Product &other) const; // every stored field but syncedAt
};

// Exact decimal strings: "019.90" and "19.9" are the same price; never a floating-point number.
struct Decimal
{
    // "19.90" → "19.9", "25.00" → "25", "0.50" → "0.5"; "" for anything that is not a plain decimal.
    static QString normalize(const QString &text);
};

// What the sync keeps beside the products: the store, its currency and where the next sync starts.
struct SyncState
{
    QString storeUrl;
    QString currency;      // ISO 4217 ("EUR"); "" when unknown
    QString modifiedAfter; // the highest date_modified_gmt of the last sync that finished; "" : none yet
    qint64 lastSyncAt = 0; // ms; 0: never
};

struct UpsertCounts
{
    int added = 0;
    int changed = 0;
    int unchanged = 0;
};

// The local catalogue (woo_products, woo_sync; migration 16). A page of products is written in one
// transaction: a failure leaves the catalogue as it was before that page.
class ProductStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::woo::ProductStore)
public:
    explicit ProductStore(QSqlDatabase db);

    Result<UpsertCounts> upsert(const QList<Product> &page, qint64 now);
    // Every word (case-insensitive) in the name, the SKU or a category's name; "" lists all. By name.
    Result<QList<Product>> search(const QString &text, int limit = 500) const;
    Result<QList<Product>> all() const;
    Result<Product> byWooId(qint64 wooId) const; // woo.not-found when there is none
    Result<Product> bySku(const QString &sku) const; // case-insensitive
    Result<int> count() const;
    Result<SyncState> state() const;
    Status saveState(const SyncState &state);
    // Forget every product and the sync state (another store, or a full sync from scratch).
    Status clear();

private:
    QSqlDatabase m_db;
};

} // namespace lux::channels::woo
