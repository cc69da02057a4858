// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/woocommerce/productstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lux::assistant {

// What a person (or the assistant) wrote, to be checked before it is sent.
struct Draft
{
    QString subject;
    QString preheader;
    QString body;
    bool html = true; // the body is HTML; false: plain text
};

struct FactFinding
{
    enum class Kind { WrongPrice, UnknownSku, WrongName, UnknownPrice };
    enum class Field { Subject, Preheader, Body };

    Kind kind = Kind::UnknownPrice;
    Field field = Field::Body;
    QString text;        // as found, decoded ("€19.99", "AUR-DL-0999", "Aurora Desk Lamp X300")
    qsizetype offset = 0; // in the field's source (the HTML as written, entities and all)
    qsizetype length = 0;
    QString realValue;   // the catalogue's price or name, when known
    qint64 productId = 0; // the WooCommerce id of the product it is about, 0 when none
    QString message;     // translated

    static QString kindName(Kind kind); // wrong_price, unknown_sku, wrong_name, unknown_price
    static QString fieldName(Field field); // subject, preheader, body
};

// The product-fact guard (docs/WOOCOMMERCE.md): every price, product name and SKU in a draft,
// checked against the synced catalogue.
//  - A price (€ $ £ before or after, EUR USD GBP, decimal comma or point, thousands separators)
//    next to a product (a catalogue name or SKU in the same sentence, else the same block: a
//    paragraph, list item or table cell, else the same table row) must be one that product may be
//    stated at: its price, its sale price, or its regular price while on sale. Otherwise wrong_price.
//    A price in another currency than the store's is wrong_price too.
//  - A price with no product nearby is unknown_price: the user confirms it.
//  - A SKU (written after "SKU", "Ref." or "Art.", or shaped like the catalogue's SKUs) that is not
//    in the catalogue is unknown_sku.
//  - A name that is almost a catalogue name (case and spacing aside, which are fine) is wrong_name
//    with the real name: a different model number, or a typo or two.
// Text inside links' addresses, scripts and styles is not read; an image's alt text is.
class FactGuard
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::FactGuard)
public:
    FactGuard(QList<channels::woo::Product> catalogue, QString currency);

    QList<FactFinding> check(const Draft &draft) const;

    // "1.299,00" → "1299", "19,99" → "19.99", "1,299" → "1299", "19.9" → "19.9"; "" when not a number.
    static QString parseAmount(const QString &number);

private:
    struct Mention;
    struct View;
    QList<FactFinding> checkField(const QString &source, bool html, FactFinding::Field field) const;

    QList<channels::woo::Product> m_products;
    QString m_currency;
};

// Whether the draft must not go out before the user has looked at the findings: any at all (a wrong
// fact, or a price nobody could check).
bool needsConfirmation(const QList<FactFinding> &findings);

} // namespace lux::assistant
