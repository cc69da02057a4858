// SPDX-License-Identifier: GPL-3.0-or-later
#include "woocommands.h"

#include "channels/woocommerce/productcard.h"
#include "channels/woocommerce/productstore.h"
#include "channels/woocommerce/wooclient.h"
#include "common/awaittask.h"
#include "common/errorcodes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace lux::cli {

namespace {

struct WooTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

using channels::woo::Product;
using channels::woo::ProductCard;
using channels::woo::ProductStore;
using channels::woo::ProductSync;
using channels::woo::WooConfig;

QString stockName(const QString &status)
{
    if (status == QLatin1String("instock"))
        return WooTr::tr("in stock");
    if (status == QLatin1String("outofstock"))
        return WooTr::tr("out of stock");
    if (status == QLatin1String("onbackorder"))
        return WooTr::tr("on backorder");
    return status;
}

// The keys from the keychain (or LUX_SECRET_WOO_CONSUMER_KEY / _SECRET), said plainly when missing.
Result<QString> secret(const SecretStore &secrets, Secret which)
{
    auto value = awaitTask(secrets.read(which));
    if (!value && value.error().code == errc::secretsNotFound)
        return Error(errc::wooConfig, WooTr::tr("No %1 in the keychain: luxctl settings secret %1 (the value on standard input).")
                                          .arg(SecretStore::cliName(which)));
    return value;
}

int sync(const CommandContext &ctx)
{
    auto scope = DatabaseScope::open(ctx.databasePath);
    if (!scope)
        return ctx.fail(scope.error());
    Settings &settings = (*scope)->settings();
    WooConfig config;
    config.storeUrl = settings.wooBaseUrl();
    if (config.storeUrl.isEmpty())
        return ctx.fail(Error(errc::wooConfig, WooTr::tr("No store address: luxctl settings set woo.base_url https://your-store.example")));
    const auto key = secret((*scope)->secrets(), Secret::WooConsumerKey);
    if (!key)
        return ctx.fail(key.error());
    const auto secretValue = secret((*scope)->secrets(), Secret::WooConsumerSecret);
    if (!secretValue)
        return ctx.fail(secretValue.error());
    config.consumerKey = *key;
    config.consumerSecret = *secretValue;
    QNetworkAccessManager network;
    ProductSync sync(&network, (*scope)->database().connection(), config, settings.wooCurrency());
    sync.setProgress([&ctx](int page, int pages) { ctx.notice(WooTr::tr("page %1 of %2").arg(page).arg(pages)); });
    const auto summary = awaitTask(sync.run(ctx.isSet(QStringLiteral("full"))));
    if (!summary)
        return ctx.fail(summary.error());
    const QLocale locale;
    return ctx.succeed({{QStringLiteral("fetched"), summary->fetched},
                        {QStringLiteral("added"), summary->added},
                        {QStringLiteral("changed"), summary->changed},
                        {QStringLiteral("unchanged"), summary->unchanged},
                        {QStringLiteral("pages"), summary->pages},
                        {QStringLiteral("duration_ms"), summary->durationMs},
                        {QStringLiteral("full"), summary->full},
                        {QStringLiteral("total"), summary->total},
                        {QStringLiteral("currency"), summary->currency},
                        {QStringLiteral("modified_after"), summary->modifiedAfter}},
                       WooTr::tr("%n product(s) fetched: %1 added, %2 changed, %3 unchanged (pages: %4; %5 s). Products in the catalogue: %6.", nullptr,
                                 summary->fetched)
                           .arg(summary->added)
                           .arg(summary->changed)
                           .arg(summary->unchanged)
                           .arg(summary->pages)
                           .arg(locale.toString(double(summary->durationMs) / 1000.0, 'f', 1))
                           .arg(summary->total));
}

int products(const CommandContext &ctx)
{
    auto scope = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, true, {}});
    if (!scope)
        return ctx.fail(scope.error());
    bool limitOk = true;
    const int limit = ctx.isSet(QStringLiteral("limit")) ? ctx.option(QStringLiteral("limit")).toInt(&limitOk) : 500;
    if (!limitOk || limit < 1)
        return ctx.usage(WooTr::tr("--limit takes a positive number."));
    ProductStore store((*scope)->database().connection());
    const auto state = store.state();
    if (!state)
        return ctx.fail(state.error());
    const auto found = store.search(ctx.option(QStringLiteral("search")), limit);
    if (!found)
        return ctx.fail(found.error());
    QJsonArray list;
    QStringList lines;
    for (const Product &p : *found) {
        list.append(QJsonObject{{QStringLiteral("id"), p.wooId},
                                {QStringLiteral("name"), p.name},
                                {QStringLiteral("sku"), p.sku},
                                {QStringLiteral("price"), p.price},
                                {QStringLiteral("regular_price"), p.regularPrice},
                                {QStringLiteral("sale_price"), p.salePrice},
                                {QStringLiteral("on_sale"), p.onSale},
                                {QStringLiteral("stock_status"), p.stockStatus},
                                {QStringLiteral("permalink"), p.permalink},
                                {QStringLiteral("categories"), QJsonArray::fromStringList(p.categoryNames())},
                                {QStringLiteral("date_modified_gmt"), p.dateModifiedGmt}});
        lines << QStringLiteral("%1\t%2\t%3\t%4\t%5")
                     .arg(p.wooId)
                     .arg(p.sku.isEmpty() ? QStringLiteral("-") : p.sku, p.name, ProductCard::formatPrice(p.price, state->currency), stockName(p.stockStatus));
    }
    if (lines.isEmpty())
        lines << WooTr::tr("No products match.");
    return ctx.succeed({{QStringLiteral("products"), list}, {QStringLiteral("currency"), state->currency}}, lines.join(u'\n'));
}

} // namespace

QList<QCommandLineOption> wooOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (group != QLatin1String("woo"))
        return {};
    if (command == QLatin1String("sync"))
        return {{QStringLiteral("full"), t(QT_TRANSLATE_NOOP("luxctl", "Ask the store for every product, not only those changed since the last sync."))}};
    if (command == QLatin1String("products"))
        return {
            {QStringLiteral("search"), t(QT_TRANSLATE_NOOP("luxctl", "Only products with every word in the name, SKU or a category.")), QStringLiteral("TEXT")},
            {QStringLiteral("limit"), t(QT_TRANSLATE_NOOP("luxctl", "At most N products (default 500).")), QStringLiteral("N")},
        };
    return {};
}

int runWooCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("sync"))
        return sync(ctx);
    if (command == QLatin1String("products"))
        return products(ctx);
    return ctx.usage(WooTr::tr("Unknown command 'woo %1'. Commands: sync, products.").arg(command));
}

} // namespace lux::cli
