// SPDX-License-Identifier: GPL-3.0-or-later
// The product card the template editor's picker inserts: the built-in component filled with a
// product's real image, name, price (a sale with the regular price struck through) and permalink,
// every value escaped so that a product's name can neither break the HTML nor become a merge tag.
#include "channels/woocommerce/productcard.h"
#include "content/mergetemplate.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace lux;
using namespace lux::channels::woo;

namespace {

Product lamp()
{
    Product p;
    p.wooId = 103;
    p.name = QStringLiteral("Aurora Desk Lamp X100");
    p.sku = QStringLiteral("AUR-DL-0103");
    p.price = QStringLiteral("19.9");
    p.regularPrice = QStringLiteral("19.9");
    p.permalink = QStringLiteral("https://shop.example/product/aurora-desk-lamp-x100/");
    p.images = QJsonArray{QJsonObject{{QStringLiteral("src"), QStringLiteral("https://shop.example/wp-content/uploads/aurora.jpg")}}};
    p.stockStatus = QStringLiteral("instock");
    return p;
}

} // namespace

class TestProductCard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInComponentIsThere();
    void fillsTheRealFacts();
    void saleShowsTheRegularPriceStruckThrough();
    void escapesNamesAndRefusesScriptUrls();
    void formatsPrices_data();
    void formatsPrices();
};

void TestProductCard::builtInComponentIsThere()
{
    const QString component = ProductCard::builtInComponent();
    QVERIFY(component.contains(QLatin1String("<img")));
    QVERIFY(component.contains(QLatin1String("Product name")));
}

void TestProductCard::fillsTheRealFacts()
{
    const QString html = ProductCard::html(lamp(), QStringLiteral("EUR"));
    QVERIFY(html.contains(QLatin1String("src=\"https://shop.example/wp-content/uploads/aurora.jpg\"")));
    QVERIFY(html.contains(QLatin1String("alt=\"Aurora Desk Lamp X100\"")));
    QVERIFY(html.contains(QLatin1String("<strong>Aurora Desk Lamp X100</strong>")));
    QVERIFY(html.contains(QStringLiteral(">€19.90</span>")));
    QVERIFY(html.contains(QLatin1String("href=\"https://shop.example/product/aurora-desk-lamp-x100/\"")));
    QVERIFY(!html.contains(QLatin1String("<s ")));
    // Nothing of the sample is left, and the brand tags still merge.
    for (const char *sample : {"example.com/product.png", "The product", "Product name", "€0.00", "https://example.com/product\""})
        QVERIFY2(!html.contains(QString::fromUtf8(sample)), sample);
    QVERIFY(html.contains(QLatin1String("{{brand.primary_color")));
}

void TestProductCard::saleShowsTheRegularPriceStruckThrough()
{
    Product p = lamp();
    p.onSale = true;
    p.salePrice = QStringLiteral("15");
    p.price = QStringLiteral("15");
    p.regularPrice = QStringLiteral("1299.5");
    const QString html = ProductCard::html(p, QStringLiteral("USD"));
    QVERIFY2(html.contains(QStringLiteral(">$15.00</span> <s style=\"color:#6b7280;font-weight:normal\">$1299.50</s>")), qPrintable(html));
}

void TestProductCard::escapesNamesAndRefusesScriptUrls()
{
    Product p = lamp();
    p.name = QStringLiteral("Fish & \"Chips\" <b>{{unsubscribe_url}}</b>");
    p.permalink = QStringLiteral("javascript:alert(1)");
    p.images = QJsonArray{QJsonObject{{QStringLiteral("src"), QStringLiteral("https://shop.example/a\"onerror=\"x.jpg")}}};
    const QString html = ProductCard::html(p, QStringLiteral("GBP"));
    const QString escaped = QStringLiteral("Fish &amp; &quot;Chips&quot; &lt;b&gt;&#123;&#123;unsubscribe_url&#125;&#125;&lt;/b&gt;");
    QVERIFY2(html.contains(QStringLiteral("alt=\"") + escaped + u'"'), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<strong>") + escaped + QStringLiteral("</strong>")));
    QVERIFY(!html.contains(QLatin1String("{{unsubscribe_url")));
    QVERIFY(!html.contains(QLatin1String("<b>")));
    QVERIFY(html.contains(QLatin1String("href=\"#\"")));
    QVERIFY(!html.contains(QLatin1String("javascript")));
    QVERIFY(!html.contains(QLatin1String("\"onerror")));
    QVERIFY(html.contains(QStringLiteral("£19.90")));
    // The card merges as part of a template: the name stays text.
    const auto fields = content::MergeFields::standard({}, {QStringLiteral("font_family"), QStringLiteral("primary_color"), QStringLiteral("secondary_color")});
    const auto compiled = content::MergeTemplate::compile(html, fields);
    QVERIFY(compiled.isValid());
}

void TestProductCard::formatsPrices_data()
{
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("shown");
    QTest::newRow("eur") << QStringLiteral("19.99") << QStringLiteral("EUR") << QStringLiteral("€19.99");
    QTest::newRow("whole") << QStringLiteral("25") << QStringLiteral("eur") << QStringLiteral("€25.00");
    QTest::newRow("one place") << QStringLiteral("4.5") << QStringLiteral("USD") << QStringLiteral("$4.50");
    QTest::newRow("three places") << QStringLiteral("4.125") << QStringLiteral("GBP") << QStringLiteral("£4.125");
    QTest::newRow("code") << QStringLiteral("10") << QStringLiteral("CHF") << QStringLiteral("10.00 CHF");
    QTest::newRow("none") << QStringLiteral("10.1") << QString() << QStringLiteral("10.10");
}

void TestProductCard::formatsPrices()
{
    QFETCH(QString, decimal);
    QFETCH(QString, currency);
    QFETCH(QString, shown);
    QCOMPARE(ProductCard::formatPrice(decimal, currency), shown);
}

LUX_TEST_MAIN(TestProductCard, QCoreApplication)
#include "tst_productcard.moc"
