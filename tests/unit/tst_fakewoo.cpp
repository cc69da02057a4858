// SPDX-License-Identifier: GPL-3.0-or-later
// The fake WooCommerce store holds to the contract (provider-contracts.md §4) the sync is measured
// against: both ways of giving the keys, WooCommerce's 401, 400 and 404 bodies, per_page limits, the
// pagination headers and Link relations, modified_after, and a deterministic catalogue.
#include "fakewoo.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using lux::fakes::FakeWoo;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray link, total, pages;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

} // namespace

class TestFakeWoo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void keysEitherWay();
    void refusesWhatWooCommerceRefuses();
    void paginates();
    void modifiedAfterAndChanges();
    void catalogueIsDeterministic();

private:
    Answer get(const QString &pathAndQuery, bool basic = true)
    {
        QNetworkRequest request(QUrl(m_woo->baseUrl().toString() + pathAndQuery));
        if (basic)
            request.setRawHeader("Authorization",
                                 "Basic " + QString(m_woo->consumerKey() + u':' + m_woo->consumerSecret()).toUtf8().toBase64());
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(5000);
        Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->rawHeader("Link"),
                 reply->rawHeader("X-WP-Total"), reply->rawHeader("X-WP-TotalPages")};
        reply->deleteLater();
        return a;
    }

    std::unique_ptr<FakeWoo> m_woo;
    QNetworkAccessManager m_nam;
};

void TestFakeWoo::init()
{
    m_woo = std::make_unique<FakeWoo>();
    QVERIFY(m_woo->listen());
    QCOMPARE(m_woo->baseUrl().host(), QStringLiteral("127.0.0.1"));
}

void TestFakeWoo::keysEitherWay()
{
    QCOMPARE(get(QStringLiteral("/wp-json/wc/v3/products")).status, 200);
    const QString query = QStringLiteral("/wp-json/wc/v3/products?consumer_key=%1&consumer_secret=%2").arg(m_woo->consumerKey(), m_woo->consumerSecret());
    QCOMPARE(get(query, false).status, 200);
    const Answer missing = get(QStringLiteral("/wp-json/wc/v3/products"), false);
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.object().value(QStringLiteral("code")).toString(), QStringLiteral("woocommerce_rest_authentication_error"));
    QCOMPARE(missing.object().value(QStringLiteral("message")).toString(), QStringLiteral("Consumer key is missing."));
    m_woo->setCredentials(m_woo->consumerKey(), QStringLiteral("cs_other"));
    const Answer wrong = get(query, false);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.object().value(QStringLiteral("message")).toString(), QStringLiteral("Invalid signature - provided signature does not match."));
    QCOMPARE(wrong.object().value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toInt(), 401);
}

void TestFakeWoo::refusesWhatWooCommerceRefuses()
{
    for (const char *bad : {"0", "101", "ten"}) {
        const Answer a = get(QStringLiteral("/wp-json/wc/v3/products?per_page=") + QString::fromLatin1(bad));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.object().value(QStringLiteral("code")).toString(), QStringLiteral("rest_invalid_param"));
    }
    const Answer route = get(QStringLiteral("/wp-json/wc/v3/nothing"));
    QCOMPARE(route.status, 404);
    QCOMPARE(route.object().value(QStringLiteral("code")).toString(), QStringLiteral("rest_no_route"));
    m_woo->failNext(2, 500, 1);
    QCOMPARE(get(QStringLiteral("/wp-json/wc/v3/products")).status, 200);
    QCOMPARE(get(QStringLiteral("/wp-json/wc/v3/products")).status, 500);
    QCOMPARE(get(QStringLiteral("/wp-json/wc/v3/products")).status, 500);
    QCOMPARE(get(QStringLiteral("/wp-json/wc/v3/products")).status, 200);
    QCOMPARE(m_woo->requests(), 8);
}

void TestFakeWoo::paginates()
{
    const Answer first = get(QStringLiteral("/wp-json/wc/v3/products"));
    QCOMPARE(first.array().size(), 10); // WordPress's default
    QCOMPARE(first.total, QByteArray("250"));
    QCOMPARE(first.pages, QByteArray("25"));
    const Answer middle = get(QStringLiteral("/wp-json/wc/v3/products?per_page=100&page=2"));
    QCOMPARE(middle.array().size(), 100);
    QCOMPARE(middle.pages, QByteArray("3"));
    for (const char *rel : {"rel=\"first\"", "rel=\"prev\"", "rel=\"next\"", "rel=\"last\""})
        QVERIFY2(middle.link.contains(rel), middle.link.constData());
    QVERIFY(middle.link.contains("per_page=100&page=3>; rel=\"next\""));
    QVERIFY(!middle.link.contains("consumer"));
    const Answer last = get(QStringLiteral("/wp-json/wc/v3/products?per_page=100&page=3"));
    QCOMPARE(last.array().size(), 50);
    QVERIFY(!last.link.contains("rel=\"next\""));
    // Ordered by id, no product twice.
    QSet<qint64> ids;
    for (const QJsonArray &page : {middle.array(), last.array()})
        for (const QJsonValue &v : page)
            ids.insert(v.toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(ids.size(), 150);
}

void TestFakeWoo::modifiedAfterAndChanges()
{
    const QString newest = m_woo->catalogue().first().value(QStringLiteral("date_modified_gmt")).toString();
    QCOMPARE(get(QStringLiteral("/wp-json/wc/v3/products?modified_after=") + newest).total, QByteArray("0"));
    const qint64 id = m_woo->catalogue().at(42).value(QStringLiteral("id")).toInteger();
    QVERIFY(m_woo->change(id, {{QStringLiteral("sale_price"), QStringLiteral("9.99")}}));
    const Answer changed = get(QStringLiteral("/wp-json/wc/v3/products?modified_after=") + newest);
    QCOMPARE(changed.array().size(), 1);
    const QJsonObject p = changed.array().first().toObject();
    QCOMPARE(p.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(p.value(QStringLiteral("price")).toString(), QStringLiteral("9.99"));
    QVERIFY(p.value(QStringLiteral("on_sale")).toBool());
    QVERIFY(p.value(QStringLiteral("date_modified_gmt")).toString() > newest);
}

void TestFakeWoo::catalogueIsDeterministic()
{
    QCOMPARE(FakeWoo::products(), FakeWoo::products());
    QVERIFY(FakeWoo::products(250, 1) != FakeWoo::products(250, 2));
    int onSale = 0, whole = 0, thousands = 0, noSku = 0;
    for (const QJsonObject &p : FakeWoo::products()) {
        for (const char *field : {"id", "name", "slug", "permalink", "sku", "price", "regular_price", "sale_price", "on_sale", "stock_status",
                                  "images", "categories", "date_modified_gmt", "short_description"})
            QVERIFY2(p.contains(QString::fromLatin1(field)), field);
        QVERIFY(p.value(QStringLiteral("price")).isString());
        onSale += p.value(QStringLiteral("on_sale")).toBool() ? 1 : 0;
        whole += p.value(QStringLiteral("regular_price")).toString().contains(u'.') ? 0 : 1;
        thousands += p.value(QStringLiteral("regular_price")).toString().section(u'.', 0, 0).size() >= 4 ? 1 : 0;
        noSku += p.value(QStringLiteral("sku")).toString().isEmpty() ? 1 : 0;
        if (!p.value(QStringLiteral("on_sale")).toBool())
            QCOMPARE(p.value(QStringLiteral("sale_price")).toString(), QString());
    }
    QVERIFY(onSale > 30 && onSale < 100);
    QVERIFY(whole > 10);
    QVERIFY(thousands > 5);
    QVERIFY(noSku > 5);
}

LUX_TEST_MAIN(TestFakeWoo, QCoreApplication)
#include "tst_fakewoo.moc"
