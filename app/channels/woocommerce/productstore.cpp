// SPDX-License-Identifier: GPL-3.0-or-later
#include "productstore.h"

#include "common/errorcodes.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <limits>

namespace lux::channels::woo {

using storage::notNull;
using storage::queryError;

namespace {

const QString kColumns = QStringLiteral("woo_id, name, sku, price, regular_price, sale_price, on_sale, stock_status, permalink, images, "
                                        "categories, short_description, date_modified_gmt, synced_at");

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

Product fromRow(const QSqlQuery &q)
{
    Product p;
    p.wooId = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.sku = q.value(2).toString();
    p.price = q.value(3).toString();
    p.regularPrice = q.value(4).toString();
    p.salePrice = q.value(5).toString();
    p.onSale = q.value(6).toBool();
    p.stockStatus = q.value(7).toString();
    p.permalink = q.value(8).toString();
    p.images = jsonArray(q.value(9).toString());
    p.categories = jsonArray(q.value(10).toString());
    p.shortDescription = q.value(11).toString();
    p.dateModifiedGmt = q.value(12).toString();
    p.syncedAt = q.value(13).toLongLong();
    return p;
}

} // namespace

QString Product::imageUrl() const
{
    return images.isEmpty() ? QString() : images.first().toObject().value(QStringLiteral("src")).toString();
}

QStringList Product::categoryNames() const
{
    QStringList names;
    for (const QJsonValue &c : categories)
        names << c.toObject().value(QStringLiteral("name")).toString();
    return names;
}

QStringList Product::statablePrices() const
{
    QStringList out;
    auto add = [&out](const QString &price) {
        const QString n = Decimal::normalize(price);
        if (!n.isEmpty() && !out.contains(n))
            out << n;
    };
    add(price);
    add(salePrice);
    if (onSale)
        add(regularPrice);
    return out;
}

bool Product::sameFacts(const Product &o) const
{
    return wooId == o.wooId && name == o.name && sku == o.sku && price == o.price && regularPrice == o.regularPrice && salePrice == o.salePrice
           && onSale == o.onSale && stockStatus == o.stockStatus && permalink == o.permalink && images == o.images && categories == o.categories
           && shortDescription == o.shortDescription && dateModifiedGmt == o.dateModifiedGmt;
}

QString Decimal::normalize(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral(R"(^\s*(\d+)(?:\.(\d+))?\s*$)"));
    const auto m = plain.match(text);
    if (!m.hasMatch())
        return {};
    QString whole = m.captured(1);
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    QString fraction = m.captured(2);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    return fraction.isEmpty() ? whole : whole + u'.' + fraction;
}

ProductStore::ProductStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<UpsertCounts> ProductStore::upsert(const QList<Product> &page, qint64 now)
{
    storage::Transaction transaction(m_db);
    if (!transaction.isOpen())
        return transaction.beginError();
    UpsertCounts counts;
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM woo_products WHERE woo_id = ?"));
    QSqlQuery write(m_db);
    write.prepare(QStringLiteral("INSERT INTO woo_products (") + kColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (woo_id) DO UPDATE SET name = excluded.name, sku = excluded.sku, price = excluded.price, "
                                   "regular_price = excluded.regular_price, sale_price = excluded.sale_price, on_sale = excluded.on_sale, "
                                   "stock_status = excluded.stock_status, permalink = excluded.permalink, images = excluded.images, "
                                   "categories = excluded.categories, short_description = excluded.short_description, "
                                   "date_modified_gmt = excluded.date_modified_gmt, synced_at = excluded.synced_at"));
    for (const Product &p : page) {
        find.addBindValue(p.wooId);
        if (!find.exec())
            return queryError(find, QString(errc::dbRead));
        if (find.next()) {
            const Product old = fromRow(find);
            find.finish();
            if (old.sameFacts(p)) {
                ++counts.unchanged;
                continue;
            }
            ++counts.changed;
        } else {
            find.finish();
            ++counts.added;
        }
        write.addBindValue(p.wooId);
        write.addBindValue(notNull(p.name));
        write.addBindValue(notNull(p.sku));
        write.addBindValue(notNull(p.price));
        write.addBindValue(notNull(p.regularPrice));
        write.addBindValue(notNull(p.salePrice));
        write.addBindValue(p.onSale ? 1 : 0);
        write.addBindValue(notNull(p.stockStatus));
        write.addBindValue(notNull(p.permalink));
        write.addBindValue(jsonText(p.images));
        write.addBindValue(jsonText(p.categories));
        write.addBindValue(notNull(p.shortDescription));
        write.addBindValue(notNull(p.dateModifiedGmt));
        write.addBindValue(now);
        if (!write.exec())
            return queryError(write);
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return counts;
}

Result<QList<Product>> ProductStore::search(const QString &text, int limit) const
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM woo_products");
    for (qsizetype i = 0; i < words.size(); ++i)
        sql += (i == 0 ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
               + QStringLiteral("(name LIKE ? ESCAPE '\\' OR sku LIKE ? ESCAPE '\\' OR categories LIKE ? ESCAPE '\\')");
    sql += QStringLiteral(" ORDER BY name COLLATE NOCASE, woo_id LIMIT ?");
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QString &w : words) {
        const QString like = storage::likeContaining(w);
        q.addBindValue(like);
        q.addBindValue(like);
        // Category names inside the JSON text: "name":"…word…"; good enough for a word of a name.
        q.addBindValue(like);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return queryError(q, QString(errc::dbRead));
    QList<Product> out;
    while (q.next()) {
        Product p = fromRow(q);
        // The JSON matched on a key or a slug rather than a name: keep only real matches there.
        bool keep = true;
        for (const QString &w : words) {
            if (p.name.contains(w, Qt::CaseInsensitive) || p.sku.contains(w, Qt::CaseInsensitive))
                continue;
            if (!p.categoryNames().join(u'\n').contains(w, Qt::CaseInsensitive))
                keep = false;
        }
        if (keep)
            out << std::move(p);
    }
    return out;
}

Result<QList<Product>> ProductStore::all() const
{
    return search(QString(), std::numeric_limits<int>::max());
}

Result<Product> ProductStore::byWooId(qint64 wooId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM woo_products WHERE woo_id = ?"));
    q.addBindValue(wooId);
    if (!q.exec())
        return queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(errc::wooNotFound, tr("No product %1 in the synced catalogue.").arg(wooId));
    return fromRow(q);
}

Result<Product> ProductStore::bySku(const QString &sku) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM woo_products WHERE sku = ? COLLATE NOCASE AND sku <> '' ORDER BY woo_id LIMIT 1"));
    q.addBindValue(sku.trimmed());
    if (!q.exec())
        return queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(errc::wooNotFound, tr("No product with SKU %1 in the synced catalogue.").arg(sku));
    return fromRow(q);
}

Result<int> ProductStore::count() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM woo_products")) || !q.next())
        return queryError(q, QString(errc::dbRead));
    return q.value(0).toInt();
}

Result<SyncState> ProductStore::state() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT store_url, currency, modified_after, last_sync_at FROM woo_sync WHERE id = 1")))
        return queryError(q, QString(errc::dbRead));
    SyncState s;
    if (q.next()) {
        s.storeUrl = q.value(0).toString();
        s.currency = q.value(1).toString();
        s.modifiedAfter = q.value(2).toString();
        s.lastSyncAt = q.value(3).toLongLong();
    }
    return s;
}

Status ProductStore::saveState(const SyncState &s)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO woo_sync (id, store_url, currency, modified_after, last_sync_at) VALUES (1, ?, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET store_url = excluded.store_url, currency = excluded.currency, "
                             "modified_after = excluded.modified_after, last_sync_at = excluded.last_sync_at"));
    q.addBindValue(notNull(s.storeUrl));
    q.addBindValue(notNull(s.currency));
    q.addBindValue(notNull(s.modifiedAfter));
    q.addBindValue(s.lastSyncAt);
    if (!q.exec())
        return queryError(q);
    return {};
}

Status ProductStore::clear()
{
    storage::Transaction transaction(m_db);
    if (!transaction.isOpen())
        return transaction.beginError();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM woo_products")))
        return queryError(q);
    if (!q.exec(QStringLiteral("DELETE FROM woo_sync")))
        return queryError(q);
    return transaction.commit();
}

} // namespace lux::channels::woo
