// SPDX-License-Identifier: GPL-3.0-or-later
#include "contacts/addressing.h"
#include "testsupport.h"

#include <QTest>

using namespace lux;
using contacts::Addressing;

class TestAddressing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validEmails_data();
    void validEmails();
    void invalidEmails_data();
    void invalidEmails();
    void phones_data();
    void phones();
};

void TestAddressing::validEmails_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("ascii");
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << " Ana@Example.COM " << "Ana@example.com" << "Ana@example.com" << "ana@example.com";
    QTest::newRow("plus and dots") << "first.last+tag@sub.example.co.uk" << "first.last+tag@sub.example.co.uk"
                                   << "first.last+tag@sub.example.co.uk" << "first.last+tag@sub.example.co.uk";
    QTest::newRow("IDN domain") << "joe@Bücher.de" << "joe@bücher.de" << "joe@xn--bcher-kva.de" << "joe@xn--bcher-kva.de";
    QTest::newRow("punycode domain") << "joe@xn--bcher-kva.de" << "joe@xn--bcher-kva.de" << "joe@xn--bcher-kva.de"
                                     << "joe@xn--bcher-kva.de";
    QTest::newRow("unicode local part") << "josé@example.es" << "josé@example.es" << "josé@example.es" << "josé@example.es";
    QTest::newRow("specials") << "o'neil&co{1}@example.com" << "o'neil&co{1}@example.com" << "o'neil&co{1}@example.com"
                              << "o'neil&co{1}@example.com";
    QTest::newRow("hyphenated domain") << "a@my-shop.example" << "a@my-shop.example" << "a@my-shop.example" << "a@my-shop.example";
}

void TestAddressing::validEmails()
{
    QFETCH(QString, input);
    QFETCH(QString, display);
    QFETCH(QString, ascii);
    QFETCH(QString, key);
    const auto e = Addressing::parseEmail(input);
    QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message));
    QCOMPARE(e->display, display);
    QCOMPARE(e->ascii, ascii);
    QCOMPARE(e->key, key);
}

void TestAddressing::invalidEmails_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty") << "   " << "empty";
    QTest::newRow("no at") << "ana.example.com" << "no @";
    QTest::newRow("two ats") << "ana@@example.com" << "'@'";
    QTest::newRow("nothing before") << "@example.com" << "nothing before";
    QTest::newRow("nothing after") << "ana@" << "nothing after";
    QTest::newRow("double dot") << "a..b@example.com" << "dots";
    QTest::newRow("leading dot") << ".a@example.com" << "dots";
    QTest::newRow("trailing dot") << "a.@example.com" << "dots";
    QTest::newRow("space") << "a b@example.com" << "' '";
    QTest::newRow("comma") << "a,b@example.com" << "','";
    QTest::newRow("quoted local part") << "\"a b\"@example.com" << "'\"'";
    QTest::newRow("no dot in domain") << "a@localhost" << "needs a dot";
    QTest::newRow("empty label") << "a@example..com" << "empty part";
    QTest::newRow("leading hyphen") << "a@-example.com" << "hyphen";
    QTest::newRow("underscore in domain") << "a@ex_ample.com" << "'_'";
    QTest::newRow("IP literal") << "a@[192.168.0.1]" << "'['";
    QTest::newRow("numeric TLD") << "a@example.123" << "number";
    QTest::newRow("local part too long") << QString(65, QLatin1Char('a')) + QStringLiteral("@example.com") << "64";
    QTest::newRow("label too long") << QStringLiteral("a@") + QString(64, QLatin1Char('b')) + QStringLiteral(".com") << "63";
}

void TestAddressing::invalidEmails()
{
    QFETCH(QString, input);
    QFETCH(QString, why);
    const auto e = Addressing::parseEmail(input);
    QVERIFY(!e.ok());
    QVERIFY2(e.error().message.contains(why), qPrintable(e.error().message));
}

void TestAddressing::phones_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("expected"); // "" means invalid
    QTest::newRow("already E.164") << "+34 612 345 678" << "US" << "+34612345678";
    QTest::newRow("00 prefix") << "0044 20 7946 0958" << "US" << "+442079460958";
    QTest::newRow("US national") << "(415) 555-0100" << "US" << "+14155550100";
    QTest::newRow("US with trunk 1") << "1-415-555-0100" << "US" << "+14155550100";
    QTest::newRow("UK national with 0") << "020 7946 0958" << "GB" << "+442079460958";
    QTest::newRow("Spain national") << "612.345.678" << "ES" << "+34612345678";
    QTest::newRow("Italy keeps 0") << "06 1234 5678" << "IT" << "+390612345678";
    QTest::newRow("US too short") << "555-0100" << "US" << "";
    QTest::newRow("letters") << "call me" << "US" << "";
    QTest::newRow("unknown country") << "612345678" << "ZZ" << "";
    QTest::newRow("too long") << "+1234567890123456" << "US" << "";
}

void TestAddressing::phones()
{
    QFETCH(QString, input);
    QFETCH(QString, country);
    QFETCH(QString, expected);
    const auto p = Addressing::toE164(input, country);
    QCOMPARE(p.ok(), !expected.isEmpty());
    if (p.ok())
        QCOMPARE(*p, expected);
    else
        QVERIFY(p.error().message.contains(input.trimmed()));
}

LUX_TEST_MAIN(TestAddressing, QCoreApplication)
#include "tst_addressing.moc"
