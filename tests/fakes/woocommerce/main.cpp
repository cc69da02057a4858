// SPDX-License-Identifier: GPL-3.0-or-later
// lux-fake-woo: the fake WooCommerce products API on its own, for trying the app or luxctl by hand.
//   lux-fake-woo [--port N] [--count N] [--seed N] [--key ck_… --secret cs_…] [--currency EUR]
// Prints the base URL to set as woo.base_url; fakewoo.h documents the API and /_fake/… control.
#include "fakewoo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake WooCommerce REST API (products) on loopback."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("port"), QStringLiteral("Port (0: any free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("count"), QStringLiteral("How many products."), QStringLiteral("N"), QString::number(lux::fakes::FakeWoo::kDefaultCount)},
        {QStringLiteral("seed"), QStringLiteral("Seed of the catalogue."), QStringLiteral("N"), QString::number(lux::fakes::FakeWoo::kDefaultSeed)},
        {QStringLiteral("key"), QStringLiteral("Consumer key (ck_…)."), QStringLiteral("KEY")},
        {QStringLiteral("secret"), QStringLiteral("Consumer secret (cs_…)."), QStringLiteral("SECRET")},
        {QStringLiteral("currency"), QStringLiteral("woocommerce_currency."), QStringLiteral("CODE"), QStringLiteral("EUR")},
    };
    parser.addOptions(options);
    parser.process(app);
    lux::fakes::FakeWoo woo;
    woo.generate(parser.value(QStringLiteral("count")).toInt(), parser.value(QStringLiteral("seed")).toUInt());
    if (parser.isSet(QStringLiteral("key")) || parser.isSet(QStringLiteral("secret")))
        woo.setCredentials(parser.isSet(QStringLiteral("key")) ? parser.value(QStringLiteral("key")) : woo.consumerKey(),
                           parser.isSet(QStringLiteral("secret")) ? parser.value(QStringLiteral("secret")) : woo.consumerSecret());
    woo.setCurrency(parser.value(QStringLiteral("currency")));
    if (!woo.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "lux-fake-woo: cannot listen\n";
        return 1;
    }
    QTextStream(stdout) << woo.baseUrl().toString() << Qt::endl;
    QTextStream(stderr) << "consumer key " << woo.consumerKey() << ", secret " << woo.consumerSecret() << Qt::endl;
    return app.exec();
}
