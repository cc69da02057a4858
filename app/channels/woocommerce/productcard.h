// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/woocommerce/productstore.h"

#include <QCoreApplication>
#include <QString>

namespace lux::channels::woo {

// The built-in product-card component (resources/components/product-card.html) filled with one
// synced product: its first image, its name (also the image's alt text), its price (a sale price
// with the regular one struck through beside it) and its permalink. Every value is HTML-escaped and
// braces are written as character references, so a product named "{{unsubscribe_url}}" stays text
// when the template is merged; only http and https addresses are used.
class ProductCard
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::woo::ProductCard)
public:
    static QString builtInComponent();
    // "€19.99", "$1,299.00" is not made: the store's decimal with two places and the currency's
    // symbol (€, $, £) before it, or the ISO code after it ("19.99 CHF"); the decimal alone without a currency.
    static QString formatPrice(const QString &decimal, const QString &currency);
    static QString html(const Product &product, const QString &currency, const QString &component = builtInComponent());

    static QString escapeText(const QString &text);
    static QString escapeUrl(const QString &url); // "#" for anything but http(s)
};

} // namespace lux::channels::woo
