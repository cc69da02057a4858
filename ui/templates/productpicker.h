// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/woocommerce/productstore.h"

#include <QDialog>
#include <QList>
#include <QSqlDatabase>

#include <optional>

class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace lux::ui {

// Picks one synced WooCommerce product (search by words, SKU or category; name, SKU, price, stock)
// and gives the product card to insert: the built-in component filled by woo::ProductCard, which
// holds every rule (escaping, sale prices, image, link). The search runs on a worker as the user
// types (ProductStore::search, the one matching rule).
class ProductPicker : public QDialog
{
    Q_OBJECT
public:
    ProductPicker(QString databasePath, QWidget *parent = nullptr);

    // The card's HTML for the product chosen; nullopt when the user cancels or nothing is synced.
    static std::optional<QString> pick(const QString &databasePath, QWidget *parent = nullptr);
    // Several products (Ctrl/Shift to pick more), for a campaign around them; empty when cancelled.
    static QList<channels::woo::Product> pickSeveral(const QString &databasePath, QWidget *parent = nullptr);
    QList<channels::woo::Product> selectedProducts() const;

    QLineEdit *searchField() const { return m_search; }
    QTableWidget *table() const { return m_table; }
    std::optional<channels::woo::Product> selected() const;
    QString cardHtml() const; // "" without a selection
    void refresh(); // on a worker; the table follows when the answer comes

private:
    void showProducts(const QList<channels::woo::Product> &products, const QString &error, const QString &words);

    QString m_databasePath;
    int m_searches = 0;
    QString m_currency;
    QLineEdit *m_search;
    QTableWidget *m_table;
    QLabel *m_status;
    QTimer *m_debounce;
    QList<channels::woo::Product> m_products;
};

} // namespace lux::ui
