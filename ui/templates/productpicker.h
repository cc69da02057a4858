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
// holds every rule (escaping, sale prices, image, link). The catalogue is local and small, so it is
// searched on the GUI thread's connection as the user types.
class ProductPicker : public QDialog
{
    Q_OBJECT
public:
    ProductPicker(QSqlDatabase db, QWidget *parent = nullptr);

    // The card's HTML for the product chosen; nullopt when the user cancels or nothing is synced.
    static std::optional<QString> pick(QSqlDatabase db, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTableWidget *table() const { return m_table; }
    std::optional<channels::woo::Product> selected() const;
    QString cardHtml() const; // "" without a selection
    void refresh();

private:
    QSqlDatabase m_db;
    QString m_currency;
    QLineEdit *m_search;
    QTableWidget *m_table;
    QLabel *m_status;
    QTimer *m_debounce;
    QList<channels::woo::Product> m_products;
};

} // namespace lux::ui
