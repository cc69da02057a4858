// SPDX-License-Identifier: GPL-3.0-or-later
// The WooCommerce client and the product sync against the fake store over real HTTP on loopback:
// a full sync of several pages, an incremental one that asks only for what changed, 401 and 404 told
// apart with the user's message, plain HTTP refused, a failure or a cancel mid-sync that leaves the
// catalogue as it was before the page that failed.
#include "channels/woocommerce/productstore.h"
#include "channels/woocommerce/wooclient.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "fakewoo.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace lux;
using namespace lux::channels::woo;
using lux::fakes::FakeWoo;

class TestWooClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fullSyncReadsEveryPage();
    void incrementalSyncFetchesOnlyChanges();
    void wrongKeysAskForThemAgain();
    void missingApiIsNamed();
    void plainHttpIsRefused();
    void failureMidSyncKeepsTheCatalogue();
    void cancelStopsBeforeTheNextPage();
    void searchAndLookups();

private:
    WooConfig config() const { return {m_woo->baseUrl(), m_woo->consumerKey(), m_woo->consumerSecret(), 10'000}; }
    Result<SyncSummary> sync(const WooConfig &c, bool full = false, QList<QPair<int, int>> *progress = nullptr, bool cancelAfterFirst = false)
    {
        ProductSync s(&m_nam, m_fx->db(), c);
        s.setProgress([&](int page, int pages) {
            if (progress)
                progress->append({page, pages});
            if (cancelAfterFirst)
                s.cancel();
        });
        return test::await(s.run(full));
    }
    int count() { return *ProductStore(m_fx->db()).count(); }

    std::unique_ptr<test::DatabaseFixture> m_fx;
    std::unique_ptr<FakeWoo> m_woo;
    QNetworkAccessManager m_nam;
};

void TestWooClient::init()
{
    m_fx = std::make_unique<test::DatabaseFixture>();
    QVERIFY(m_fx->open().ok());
    m_woo = std::make_unique<FakeWoo>();
    QVERIFY(m_woo->listen());
}

void TestWooClient::cleanup()
{
    m_woo.reset();
    m_fx.reset();
}

void TestWooClient::fullSyncReadsEveryPage()
{
    QList<QPair<int, int>> progress;
    const auto r = sync(config(), false, &progress);
    QVERIFY2(r.ok(), test::errorText(r).constData());
    QCOMPARE(r->fetched, FakeWoo::kDefaultCount);
    QCOMPARE(r->added, FakeWoo::kDefaultCount);
    QCOMPARE(r->changed, 0);
    QCOMPARE(r->pages, 3); // 250 products, 100 a page
    QVERIFY(r->full);
    QCOMPARE(r->currency, QStringLiteral("EUR"));
    QCOMPARE(progress, (QList<QPair<int, int>>{{1, 3}, {2, 3}, {3, 3}}));
    QCOMPARE(count(), FakeWoo::kDefaultCount);
    // Every request asked for 100 a page, with the keys in the Authorization header, not the query.
    for (const QString &path : m_woo->paths()) {
        QVERIFY(!path.contains(QLatin1String("consumer_secret")));
        if (path.contains(QLatin1String("/products")))
            QVERIFY2(path.contains(QLatin1String("per_page=100")), qPrintable(path));
    }
    // The stored facts are the store's, strings as the API wrote them.
    const QJsonObject json = m_woo->catalogue().at(7);
    const auto stored = ProductStore(m_fx->db()).byWooId(json.value(QStringLiteral("id")).toInteger());
    QVERIFY(stored.ok());
    QCOMPARE(stored->name, json.value(QStringLiteral("name")).toString());
    QCOMPARE(stored->price, json.value(QStringLiteral("price")).toString());
    QCOMPARE(stored->regularPrice, json.value(QStringLiteral("regular_price")).toString());
    QCOMPARE(stored->sku, json.value(QStringLiteral("sku")).toString());
    QCOMPARE(stored->imageUrl(), json.value(QStringLiteral("images")).toArray().first().toObject().value(QStringLiteral("src")).toString());
    QCOMPARE(stored->categoryNames(), QStringList{json.value(QStringLiteral("categories")).toArray().first().toObject().value(QStringLiteral("name")).toString()});
    QCOMPARE(stored->shortDescription, QStringLiteral("Desk Lamp – Lighting."));
    const auto state = ProductStore(m_fx->db()).state();
    QVERIFY(state.ok());
    QCOMPARE(state->modifiedAfter, m_woo->catalogue().first().value(QStringLiteral("date_modified_gmt")).toString()); // the newest
    QVERIFY(state->lastSyncAt > 0);
}

void TestWooClient::incrementalSyncFetchesOnlyChanges()
{
    QVERIFY(sync(config()).ok());
    const qint64 a = m_woo->catalogue().at(3).value(QStringLiteral("id")).toInteger();
    const qint64 b = m_woo->catalogue().at(222).value(QStringLiteral("id")).toInteger();
    QVERIFY(m_woo->change(a, {{QStringLiteral("regular_price"), QStringLiteral("41.50")}, {QStringLiteral("sale_price"), QStringLiteral("")}}));
    QVERIFY(m_woo->change(b, {{QStringLiteral("name"), QStringLiteral("Renamed Kettle X999")}}));
    m_woo->resetCounters();
    const auto r = sync(config());
    QVERIFY2(r.ok(), test::errorText(r).constData());
    QVERIFY(!r->full);
    QCOMPARE(r->fetched, 2);
    QCOMPARE(r->changed, 2);
    QCOMPARE(r->added, 0);
    QCOMPARE(r->pages, 1);
    QCOMPARE(count(), FakeWoo::kDefaultCount);
    bool askedAfter = false;
    for (const QString &path : m_woo->paths())
        askedAfter = askedAfter || (path.contains(QLatin1String("modified_after=2026-11-01T")) && path.contains(QLatin1String("dates_are_gmt=true")));
    QVERIFY(askedAfter);
    QCOMPARE(ProductStore(m_fx->db()).byWooId(a)->price, QStringLiteral("41.50"));
    QCOMPARE(ProductStore(m_fx->db()).byWooId(b)->name, QStringLiteral("Renamed Kettle X999"));
    // Nothing changed since: nothing fetched.
    const auto again = sync(config());
    QVERIFY(again.ok());
    QCOMPARE(again->fetched, 0);
    // --full asks for everything again and finds it unchanged.
    const auto full = sync(config(), true);
    QVERIFY(full.ok());
    QCOMPARE(full->fetched, FakeWoo::kDefaultCount);
    QCOMPARE(full->unchanged, FakeWoo::kDefaultCount);
}

void TestWooClient::wrongKeysAskForThemAgain()
{
    WooConfig c = config();
    c.consumerSecret = QStringLiteral("cs_wrong");
    const auto r = sync(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QString(errc::wooAuth));
    QVERIFY2(r.error().message.contains(QLatin1String("Invalid signature - provided signature does not match.")), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(QLatin1String("Enter the keys again")));
    QCOMPARE(count(), 0);
    // A 401 in the middle (keys revoked) reads the same way.
    QVERIFY(sync(config()).ok());
    m_woo->failNext(1, 401);
    const auto revoked = sync(config(), true);
    QCOMPARE(revoked.error().code, QString(errc::wooAuth));
}

void TestWooClient::missingApiIsNamed()
{
    WooConfig c = config();
    c.storeUrl = QUrl(m_woo->baseUrl().toString() + QStringLiteral("/not-a-store"));
    const auto r = sync(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QString(errc::wooNoRoute));
    QCOMPARE(r.error().message, QStringLiteral("WooCommerce REST API not found at this address: check the store URL and pretty permalinks."));
}

void TestWooClient::plainHttpIsRefused()
{
    QVERIFY(WooClient::checkUrl(QUrl(QStringLiteral("https://shop.example"))).ok());
    QVERIFY(WooClient::checkUrl(QUrl(QStringLiteral("http://127.0.0.1:8080"))).ok());
    QVERIFY(WooClient::checkUrl(QUrl(QStringLiteral("http://localhost"))).ok());
    const Status s = WooClient::checkUrl(QUrl(QStringLiteral("http://shop.example")));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QString(errc::wooInsecure));
    QVERIFY(s.error().message.contains(QLatin1String("OAuth 1.0a")));
    WooConfig c = config();
    c.storeUrl = QUrl(QStringLiteral("http://shop.example"));
    const auto r = sync(c);
    QCOMPARE(r.error().code, QString(errc::wooInsecure));
    c = config();
    c.consumerKey.clear();
    QCOMPARE(sync(c).error().code, QString(errc::wooConfig));
    QCOMPARE(m_woo->requests(), 0); // nothing left this computer
}

void TestWooClient::failureMidSyncKeepsTheCatalogue()
{
    // The settings request and page 1 answer; page 2 fails with a 500.
    m_woo->failNext(1, 500, 2);
    const auto r = sync(config());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QString(errc::wooUnavailable));
    QVERIFY(r.error().message.contains(QLatin1String("try again later")));
    QCOMPARE(count(), 100); // page 1 whole, nothing of page 2
    QVERIFY(ProductStore(m_fx->db()).state()->modifiedAfter.isEmpty()); // the next sync starts over

    // After a full sync, a change on each page and a failure on page 1 of the incremental one: the
    // catalogue is exactly as before.
    QVERIFY(sync(config()).ok());
    const auto before = ProductStore(m_fx->db()).all();
    const QString mark = ProductStore(m_fx->db()).state()->modifiedAfter;
    QVERIFY(m_woo->change(m_woo->catalogue().at(1).value(QStringLiteral("id")).toInteger(), {{QStringLiteral("regular_price"), QStringLiteral("1.00")}}));
    m_woo->failNext(1, 503, 1);
    QVERIFY(!sync(config()).ok());
    const auto after = ProductStore(m_fx->db()).all();
    QCOMPARE(after->size(), before->size());
    for (qsizetype i = 0; i < before->size(); ++i)
        QVERIFY(before->at(i).sameFacts(after->at(i)));
    QCOMPARE(ProductStore(m_fx->db()).state()->modifiedAfter, mark);
    // And the next sync gets the change.
    const auto retried = sync(config());
    QVERIFY(retried.ok());
    QCOMPARE(retried->changed, 1);
}

void TestWooClient::cancelStopsBeforeTheNextPage()
{
    const auto r = sync(config(), false, nullptr, true);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QString(errc::cancelled));
    QCOMPARE(count(), 100);
    QVERIFY(ProductStore(m_fx->db()).state()->modifiedAfter.isEmpty());
}

void TestWooClient::searchAndLookups()
{
    QVERIFY(sync(config()).ok());
    ProductStore store(m_fx->db());
    const QJsonObject json = m_woo->catalogue().at(0); // "Aurora Desk Lamp …"
    const QString name = json.value(QStringLiteral("name")).toString();
    const auto byWords = store.search(QStringLiteral("aurora lamp"));
    QVERIFY(byWords.ok());
    QVERIFY(!byWords->isEmpty());
    for (const Product &p : *byWords)
        QVERIFY(p.name.contains(QLatin1String("Aurora")) && p.name.contains(QLatin1String("Lamp")));
    QVERIFY(std::any_of(byWords->begin(), byWords->end(), [&](const Product &p) { return p.name == name; }));
    const auto bySku = store.search(json.value(QStringLiteral("sku")).toString().toLower());
    QCOMPARE(bySku->size(), 1);
    QCOMPARE(bySku->first().name, name);
    const auto byCategory = store.search(QStringLiteral("Textiles"));
    QVERIFY(!byCategory->isEmpty());
    for (const Product &p : *byCategory)
        QVERIFY(p.categoryNames().contains(QStringLiteral("Textiles")));
    QCOMPARE(store.bySku(json.value(QStringLiteral("sku")).toString())->wooId, json.value(QStringLiteral("id")).toInteger());
    QCOMPARE(store.bySku(QStringLiteral("NOPE-00-0000")).error().code, QString(errc::wooNotFound));
    QCOMPARE(store.search(QStringLiteral("100%_"))->size(), 0); // LIKE's characters are literal
    QCOMPARE(Decimal::normalize(QStringLiteral("019.90")), QStringLiteral("19.9"));
    QCOMPARE(Decimal::normalize(QStringLiteral("25.00")), QStringLiteral("25"));
    QCOMPARE(Decimal::normalize(QStringLiteral("19,99")), QString());
}

LUX_TEST_MAIN(TestWooClient, QCoreApplication)
#include "tst_wooclient.moc"
