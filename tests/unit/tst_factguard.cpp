// SPDX-License-Identifier: GPL-3.0-or-later
// The product-fact guard on drafts built from the fake store's catalogue: every planted wrong price,
// wrong name and unknown SKU is flagged where it is, prices with no product are left for the user to
// confirm, and correct drafts (HTML and plain text, English and Spanish price formats, the picker's
// own product cards) pass untouched.
#include "assistant/factguard.h"
#include "channels/woocommerce/productcard.h"
#include "channels/woocommerce/wooclient.h"
#include "fakewoo.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QTest>

#include <functional>

using namespace lux;
using namespace lux::assistant;
using lux::channels::woo::Decimal;
using lux::channels::woo::Product;
using lux::channels::woo::ProductCard;

Q_DECLARE_METATYPE(lux::assistant::Draft)

namespace {

const QList<Product> &catalogue()
{
    static const QList<Product> products = [] {
        QList<Product> out;
        for (const QJsonObject &json : lux::fakes::FakeWoo::products())
            out << lux::channels::woo::WooClient::product(json);
        return out;
    }();
    return products;
}

const Product &pick(const std::function<bool(const Product &)> &want, int skip = 0)
{
    for (const Product &p : catalogue())
        if (!p.sku.isEmpty() && want(p) && skip-- == 0)
            return p;
    qFatal("no such product in the fake catalogue");
}

qint64 cents(const QString &decimal)
{
    const QString n = Decimal::normalize(decimal);
    const QString whole = n.section(u'.', 0, 0);
    const QString fraction = QString(n.section(u'.', 1) + QStringLiteral("00")).left(2);
    return whole.toLongLong() * 100 + fraction.toLongLong();
}

// Prices as people write them.
QString en(qint64 c, bool thousands = true)
{
    QString whole = QString::number(c / 100);
    if (thousands)
        for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
            whole.insert(i, u',');
    return QStringLiteral("€") + whole + u'.' + QStringLiteral("%1").arg(c % 100, 2, 10, QLatin1Char('0'));
}
QString es(qint64 c, bool thousands = true)
{
    QString whole = QString::number(c / 100);
    if (thousands)
        for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
            whole.insert(i, u'.');
    return whole + u',' + QStringLiteral("%1").arg(c % 100, 2, 10, QLatin1Char('0')) + QStringLiteral(" €");
}
QString en(const QString &decimal) { return en(cents(decimal)); }
QString es(const QString &decimal) { return es(cents(decimal)); }

const Product &plain() { return pick([](const Product &p) { return !p.onSale && cents(p.price) < 100'000 && cents(p.price) % 100 != 0; }); }
const Product &plain2() { return pick([](const Product &p) { return !p.onSale && cents(p.price) < 100'000; }, 3); }
const Product &plain3() { return pick([](const Product &p) { return !p.onSale && cents(p.price) < 100'000; }, 7); }
const Product &sale() { return pick([](const Product &p) { return p.onSale && cents(p.regularPrice) < 100'000; }); }
const Product &big() { return pick([](const Product &p) { return !p.onSale && cents(p.price) >= 100'000; }); }
const Product &whole() { return pick([](const Product &p) { return !p.onSale && cents(p.price) % 100 == 0; }); }

// A name with a model number no product has.
QString otherModel(const Product &p)
{
    QStringList words = p.name.split(u' ');
    words.last() = QStringLiteral("Z%1").arg(words.last().mid(1).toInt() + 5);
    return words.join(u' ');
}

QString typo(const Product &p)
{
    QString n = p.name;
    return n.remove(1, 1); // "Aurora" → "Arora"
}

Draft text(const QString &body, const QString &subject = {}, const QString &preheader = {})
{
    return Draft{subject, preheader, body, false};
}
Draft html(const QString &body, const QString &subject = {}, const QString &preheader = {})
{
    return Draft{subject, preheader, body, true};
}

QString row(const Product &p, const QString &price)
{
    return QStringLiteral("<tr><td>%1</td><td>%2</td><td style=\"text-align:right\">%3</td></tr>").arg(p.name.toHtmlEscaped(), p.sku, price);
}

} // namespace

class TestFactGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAmounts_data();
    void parsesAmounts();
    void correctDraftsPass_data();
    void correctDraftsPass();
    void plantedErrorsAreFlagged_data();
    void plantedErrorsAreFlagged();
    void positionsPointAtTheSource();
};

void TestFactGuard::parsesAmounts_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("amount");
    QTest::newRow("point") << QStringLiteral("19.99") << QStringLiteral("19.99");
    QTest::newRow("comma") << QStringLiteral("19,99") << QStringLiteral("19.99");
    QTest::newRow("en thousands") << QStringLiteral("1,299.00") << QStringLiteral("1299");
    QTest::newRow("es thousands") << QStringLiteral("1.299,50") << QStringLiteral("1299.5");
    QTest::newRow("thousands only") << QStringLiteral("1,299") << QStringLiteral("1299");
    QTest::newRow("es thousands only") << QStringLiteral("1.299") << QStringLiteral("1299");
    QTest::newRow("nbsp thousands") << QStringLiteral("1\u00A0299,00") << QStringLiteral("1299");
    QTest::newRow("whole") << QStringLiteral("25") << QStringLiteral("25");
    QTest::newRow("millions") << QStringLiteral("1,234,567.80") << QStringLiteral("1234567.8");
}

void TestFactGuard::parsesAmounts()
{
    QFETCH(QString, written);
    QFETCH(QString, amount);
    QCOMPARE(FactGuard::parseAmount(written), amount);
}

void TestFactGuard::correctDraftsPass_data()
{
    QTest::addColumn<Draft>("draft");
    const Product &a = plain(), &b = plain2(), &c = plain3(), &s = sale(), &k = big(), &w = whole();
    QTest::newRow("card") << html(ProductCard::html(a, QStringLiteral("EUR")));
    QTest::newRow("sale card") << html(ProductCard::html(s, QStringLiteral("EUR")));
    QTest::newRow("big card") << html(ProductCard::html(k, QStringLiteral("EUR")));
    QTest::newRow("three cards") << html(QStringLiteral("<h1>Picks</h1>") + ProductCard::html(a, QStringLiteral("EUR")) + ProductCard::html(b, QStringLiteral("EUR"))
                                         + ProductCard::html(c, QStringLiteral("EUR")));
    QTest::newRow("en sentence") << text(QStringLiteral("The %1 is %2. Order today!").arg(a.name, en(a.price)));
    QTest::newRow("es sentence") << text(QStringLiteral("El %1 cuesta %2. ¡Pídelo hoy!").arg(a.name, es(a.price)));
    QTest::newRow("en two in one sentence") << text(QStringLiteral("Get the %1 and the %2 for %3 and %4.").arg(a.name, b.name, en(a.price), en(b.price)));
    QTest::newRow("en list") << text(QStringLiteral("This week:\n- %1: %2\n- %3: %4\n- %5: %6\n").arg(a.name, en(a.price), b.name, en(b.price), c.name, en(c.price)));
    QTest::newRow("es list") << text(QStringLiteral("Esta semana:\n- %1: %2\n- %3: %4\n").arg(a.name, es(a.price), b.name, es(b.price)));
    QTest::newRow("html table") << html(QStringLiteral("<table>%1%2%3</table>").arg(row(a, en(a.price)), row(b, en(b.price)), row(k, en(k.price))));
    QTest::newRow("html table es") << html(QStringLiteral("<table>%1%2</table>").arg(row(a, es(a.price)), row(k, es(k.price))));
    QTest::newRow("en thousands") << text(QStringLiteral("Treat yourself: %1 at %2.").arg(k.name, en(k.price)));
    QTest::newRow("es thousands") << text(QStringLiteral("Date un capricho: %1 por %2.").arg(k.name, es(k.price)));
    QTest::newRow("no thousands separator") << text(QStringLiteral("%1 now %2.").arg(k.name, en(cents(k.price), false)));
    QTest::newRow("sale was and now") << text(QStringLiteral("%1: was %2, now %3!").arg(s.name, en(s.regularPrice), en(s.salePrice)));
    QTest::newRow("sale es") << html(QStringLiteral("<p>%1: antes <s>%2</s>, ahora %3.</p>").arg(s.name, es(s.regularPrice), es(s.salePrice)));
    QTest::newRow("whole price written three ways")
        << text(QStringLiteral("%1 for %2, %3 or EUR %4.").arg(w.name, en(w.price), es(w.price), QString::number(cents(w.price) / 100)));
    QTest::newRow("by sku") << text(QStringLiteral("SKU %1: %2").arg(a.sku, en(a.price)));
    QTest::newRow("case and spacing") << text(QStringLiteral("the %1  is only %2").arg(a.name.toLower().replace(u' ', QStringLiteral("  ")), en(a.price)));
    QTest::newRow("entities") << html(QStringLiteral("<p>%1 &ndash; 19 colours &ndash; only %2&nbsp;&euro;</p>")
                                          .arg(a.name.toHtmlEscaped(), es(a.price).chopped(2)));
    QTest::newRow("subject and preheader") << text(QStringLiteral("Hello"), QStringLiteral("%1 at %2").arg(a.name, en(a.price)),
                                                   QStringLiteral("%1 a %2").arg(b.name, es(b.price)));
    QTest::newRow("list items") << html(QStringLiteral("<ul><li>%1 – %2</li><li>%3 – %4</li></ul>").arg(a.name, en(a.price), c.name, es(c.price)));
    QTest::newRow("no prices at all") << html(QStringLiteral("<p>Our %1 is back in stock. Reply to this mail with questions.</p>").arg(b.name));
    QTest::newRow("short name mention") << text(QStringLiteral("Meet the %1 family: the %2 is %3.")
                                                    .arg(a.name.section(u' ', 0, 0), a.name, en(a.price)));
    QTest::newRow("url with numbers") << text(QStringLiteral("%1 is %2: https://shop.example/p/AUR-DL-9999?x=1").arg(a.name, en(a.price)));
}

void TestFactGuard::correctDraftsPass()
{
    QFETCH(Draft, draft);
    const FactGuard guard(catalogue(), QStringLiteral("EUR"));
    const QList<FactFinding> found = guard.check(draft);
    QStringList said;
    for (const FactFinding &f : found)
        said << FactFinding::kindName(f.kind) + QStringLiteral(": ") + f.message;
    QVERIFY2(found.isEmpty(), qPrintable(said.join(u'\n')));
    QVERIFY(!needsConfirmation(found));
}

void TestFactGuard::plantedErrorsAreFlagged_data()
{
    QTest::addColumn<Draft>("draft");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("found"); // the text flagged
    QTest::addColumn<QString>("real");  // the catalogue's value, when there is one
    const Product &a = plain(), &b = plain2(), &s = sale(), &k = big();
    const qint64 wrong = cents(a.price) + 111;
    QTest::newRow("wrong price en") << text(QStringLiteral("The %1 is %2.").arg(a.name, en(wrong))) << "wrong_price" << en(wrong) << a.price;
    QTest::newRow("wrong price es") << text(QStringLiteral("El %1 cuesta %2.").arg(a.name, es(wrong))) << "wrong_price" << es(wrong).simplified() << a.price;
    QString card = ProductCard::html(a, QStringLiteral("EUR"));
    card.replace(ProductCard::formatPrice(a.price, QStringLiteral("EUR")), en(wrong, false));
    QTest::newRow("wrong price in a card") << html(card) << "wrong_price" << en(wrong, false) << a.price;
    QTest::newRow("wrong price in a table") << html(QStringLiteral("<table>%1%2</table>").arg(row(a, en(a.price)), row(b, es(wrong))))
                                            << "wrong_price" << es(wrong).simplified() << b.price;
    QTest::newRow("second of two in a sentence")
        << text(QStringLiteral("The %1 is %2 and the %3 is %4.").arg(a.name, en(a.price), b.name, en(wrong))) << "wrong_price" << en(wrong) << b.price;
    QTest::newRow("wrong thousands") << text(QStringLiteral("%1: %2").arg(k.name, en(cents(k.price) + 10'000))) << "wrong_price"
                                     << en(cents(k.price) + 10'000) << k.price;
    QTest::newRow("wrong thousands es") << text(QStringLiteral("%1: %2").arg(k.name, es(cents(k.price) - 5'000))) << "wrong_price"
                                        << es(cents(k.price) - 5'000).simplified() << k.price;
    QTest::newRow("sale product at another price") << text(QStringLiteral("%1 now only %2!").arg(s.name, en(cents(s.salePrice) - 100)))
                                                   << "wrong_price" << en(cents(s.salePrice) - 100) << s.price;
    QTest::newRow("wrong price by sku") << text(QStringLiteral("Ref. %1 — %2").arg(a.sku, es(wrong))) << "wrong_price" << es(wrong).simplified() << a.price;
    QTest::newRow("wrong price in subject") << text(QStringLiteral("Hello"), QStringLiteral("%1 for %2").arg(a.name, en(wrong))) << "wrong_price" << en(wrong)
                                            << a.price;
    QTest::newRow("wrong price in preheader") << text(QStringLiteral("Hola"), {}, QStringLiteral("%1 por %2").arg(b.name, es(wrong))) << "wrong_price"
                                              << es(wrong).simplified() << b.price;
    QTest::newRow("dollars in a euro store") << text(QStringLiteral("The %1 is $%2.").arg(a.name, a.price)) << "wrong_price" << u'$' + a.price << a.price;
    QTest::newRow("entity price") << html(QStringLiteral("<p>%1 &ndash; &euro;%2</p>").arg(a.name, QString::number(wrong / 100) + QStringLiteral(".00")))
                                  << "wrong_price" << QStringLiteral("€%1.00").arg(wrong / 100) << a.price;
    QTest::newRow("unknown sku labelled") << text(QStringLiteral("Order SKU QQ-17 today.")) << "unknown_sku" << QStringLiteral("QQ-17") << QString();
    QTest::newRow("unknown sku shaped") << html(QStringLiteral("<p>Back in stock: AUR-DL-9999.</p>")) << "unknown_sku" << QStringLiteral("AUR-DL-9999") << QString();
    QTest::newRow("unknown sku es") << text(QStringLiteral("Referencia: ZZZ-KT-0001, pídela ya.")) << "unknown_sku" << QStringLiteral("ZZZ-KT-0001") << QString();
    QTest::newRow("other model") << text(QStringLiteral("The new %1 is here.").arg(otherModel(a))) << "wrong_name" << otherModel(a) << a.name;
    QTest::newRow("other model html") << html(QStringLiteral("<h2>%1</h2><p>Just %2.</p>").arg(otherModel(b), en(b.price))) << "wrong_name" << otherModel(b)
                                      << b.name;
    QTest::newRow("typo in name") << text(QStringLiteral("Meet the %1.").arg(typo(a))) << "wrong_name" << typo(a) << a.name;
    QString altCard = ProductCard::html(a, QStringLiteral("EUR"));
    altCard.replace(QStringLiteral("alt=\"") + a.name, QStringLiteral("alt=\"") + otherModel(a));
    QTest::newRow("wrong name in alt text") << html(altCard) << "wrong_name" << otherModel(a) << a.name;
    QTest::newRow("unknown price en") << text(QStringLiteral("Everything from €9.99 this weekend!")) << "unknown_price" << QStringLiteral("€9.99") << QString();
    QTest::newRow("unknown price es") << html(QStringLiteral("<p>Envío gratis a partir de 49,00&nbsp;€.</p>")) << "unknown_price"
                                      << QStringLiteral("49,00\u00A0€").simplified() << QString();
    QTest::newRow("unknown price in subject") << text(QStringLiteral("Hi"), QStringLiteral("Save EUR 20 today")) << "unknown_price" << QStringLiteral("EUR 20")
                                              << QString();
}

void TestFactGuard::plantedErrorsAreFlagged()
{
    QFETCH(Draft, draft);
    QFETCH(QString, kind);
    QFETCH(QString, found);
    QFETCH(QString, real);
    const FactGuard guard(catalogue(), QStringLiteral("EUR"));
    const QList<FactFinding> findings = guard.check(draft);
    QStringList said;
    const FactFinding *hit = nullptr;
    for (const FactFinding &f : findings) {
        said << FactFinding::kindName(f.kind) + QStringLiteral(" [") + f.text + QStringLiteral("] ") + f.message;
        if (FactFinding::kindName(f.kind) == kind && f.text == found)
            hit = &f;
    }
    QVERIFY2(hit, qPrintable(QStringLiteral("wanted %1 [%2]; got:\n%3").arg(kind, found, said.join(u'\n'))));
    QCOMPARE(hit->realValue, real);
    QVERIFY(!hit->message.isEmpty());
    if (!real.isEmpty())
        QVERIFY(hit->productId > 0);
    QVERIFY(needsConfirmation(findings));
    // Nothing else in these drafts is wrong: the planted fact is the only finding of its kind... and
    // a wrong name may leave its price next to no exact product, never more than that.
    int ofKind = 0;
    for (const FactFinding &f : findings)
        ofKind += FactFinding::kindName(f.kind) == kind ? 1 : 0;
    QCOMPARE(ofKind, 1);
}

void TestFactGuard::positionsPointAtTheSource()
{
    const Product &a = plain();
    const qint64 wrong = cents(a.price) + 250;
    const QString body = QStringLiteral("<p>The <b>%1</b> is &euro;%2.</p>").arg(a.name).arg(QString::number(wrong / 100) + u'.'
                                                                                              + QStringLiteral("%1").arg(wrong % 100, 2, 10, QLatin1Char('0')));
    const FactGuard guard(catalogue(), QStringLiteral("EUR"));
    const auto findings = guard.check(html(body));
    QCOMPARE(findings.size(), 1);
    const FactFinding &f = findings.first();
    QCOMPARE(f.field, FactFinding::Field::Body);
    QVERIFY(body.mid(f.offset, f.length).startsWith(QLatin1String("&euro;")));
    QCOMPARE(body.mid(f.offset + f.length, 5), QStringLiteral(".</p>"));
    QCOMPARE(f.productId, a.wooId);
}

LUX_TEST_MAIN(TestFactGuard, QCoreApplication)
#include "tst_factguard.moc"
