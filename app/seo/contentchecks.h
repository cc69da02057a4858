// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "seo/audits.h"
#include "seo/page.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace lux::channels::woo {
struct Product;
}

namespace lux::seo {

enum class Severity { Error, Warning, Notice };

// One thing to fix on a page: what, where, why it matters (one sentence) and the fix.
struct Finding
{
    QString check; // "one-h1", "readability", "keyphrase-title", a Lighthouse audit id…
    Severity severity = Severity::Warning;
    Place place;
    QString message;
    QString why;
    QString fix;

    static QString severityName(Severity s); // "error", "warning", "notice"
};

// How easy a text is to read: Flesch's reading ease for English, Fernández Huerta's (as Law corrected
// it, 2011) for Spanish; 0–100, higher is easier.
struct Readability
{
    QString language; // "en" or "es"; empty: neither, not measured
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    double score = 0;
    QString formula; // "Flesch", "Fernández Huerta"
};

// A Product the page's JSON-LD describes, to look up in the store's catalogue.
struct ProductRef
{
    QString sku;
    QString url;  // the product's url (resolved against the page), else the page's own address
    QString name;
};

// What the store's catalogue says of a product (WooCommerce's local copy), for the price check.
struct CatalogueProduct
{
    QString name;
    QString sku;
    QString price;    // the store's decimal string (the current price: the sale price while on sale)
    QString currency; // ISO 4217; "" when the store's is not known
    QString permalink;
};

// The catalogue, asked about one product; nullopt: not in it (or no catalogue).
using CatalogueLookup = std::function<std::optional<CatalogueProduct>(const ProductRef &)>;

// What the analysis checks beyond Lighthouse (issue 21): one H1 and heading order, length,
// readability, a focus keyphrase where it counts and how dense it is, Open Graph and Twitter card
// tags, and JSON-LD with the properties Google requires of a Product, an Event, an Organization and
// an Article. Each finding says why and how to fix it.
class ContentChecks
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::ContentChecks)
public:
    static constexpr int kThinWords = 300;            // fewer words than this: thin content
    static constexpr double kMaxKeyphraseDensity = 3; // percent; above, it reads as stuffing

    static QList<Finding> headings(const Page &page);
    static QList<Finding> length(const Page &page);
    static QList<Finding> readabilityFindings(const Page &page);
    static QList<Finding> keyphrase(const Page &page, const QString &keyphrase);
    static QList<Finding> socialTags(const Page &page);
    static QList<Finding> structuredData(const Page &page);
    // Each JSON-LD Product's offers (price, priceCurrency) against the catalogue's price and currency.
    static QList<Finding> productPrices(const Page &page, const CatalogueLookup &catalogue);
    // A lookup in a catalogue's products: by SKU (case ignored), then by permalink (the same address,
    // a trailing slash aside), then by the exact name.
    static CatalogueLookup catalogueLookup(const QList<channels::woo::Product> &products, const QString &currency);
    // The synced WooCommerce catalogue in this database as a lookup; none when it has no products.
    static CatalogueLookup storedCatalogue(const QSqlDatabase &db);
    // A failed Lighthouse audit as findings, one per element it names (or one for the page).
    static QList<Finding> fromAudit(const AuditResult &audit);

    static int wordCount(const QString &text);
    static Readability readability(const QString &text, const QString &language);
    // Syllables in a word: English by its vowel groups (a silent final e, -le); Spanish by its vowel
    // nuclei (a diphthong of a weak unstressed vowel is one, a hiatus two).
    static int syllables(const QString &word, const QString &language);
    // The keyphrase's occurrences in a text, whole words, case and accents ignored.
    static int occurrences(const QString &text, const QString &phrase);
};

} // namespace lux::seo
