// SPDX-License-Identifier: GPL-3.0-or-later
#include "productcard.h"

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

namespace lux::channels::woo {

namespace {

// Replaces group 1 of the first match of `pattern` with `value` (taken literally).
bool replaceFirst(QString &html, const QRegularExpression &pattern, const QString &value)
{
    const auto m = pattern.match(html);
    if (!m.hasMatch())
        return false;
    html.replace(m.capturedStart(1), m.capturedLength(1), value);
    return true;
}

QString twoPlaces(const QString &decimal)
{
    const QString n = Decimal::normalize(decimal);
    if (n.isEmpty())
        return decimal.trimmed();
    const qsizetype dot = n.indexOf(u'.');
    if (dot < 0)
        return n + QStringLiteral(".00");
    const qsizetype places = n.size() - dot - 1;
    return places >= 2 ? n : n + QString(2 - places, u'0');
}

} // namespace

QString ProductCard::builtInComponent()
{
    QFile file(QStringLiteral(":/components/product-card.html"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString ProductCard::formatPrice(const QString &decimal, const QString &currency)
{
    const QString amount = twoPlaces(decimal);
    if (amount.isEmpty())
        return {};
    const QString code = currency.trimmed().toUpper();
    if (code == QLatin1String("EUR"))
        return QStringLiteral("€") + amount;
    if (code == QLatin1String("USD"))
        return u'$' + amount;
    if (code == QLatin1String("GBP"))
        return QStringLiteral("£") + amount;
    if (code.isEmpty())
        return amount;
    return amount + u' ' + code;
}

QString ProductCard::escapeText(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'{', QStringLiteral("&#123;")).replace(u'}', QStringLiteral("&#125;"));
    return out;
}

QString ProductCard::escapeUrl(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || parsed.host().isEmpty())
        return QStringLiteral("#");
    QString out = QString::fromLatin1(parsed.toEncoded());
    out.replace(u'{', QStringLiteral("%7B")).replace(u'}', QStringLiteral("%7D")).replace(u'"', QStringLiteral("%22"));
    return out.toHtmlEscaped();
}

QString ProductCard::html(const Product &product, const QString &currency, const QString &component)
{
    QString html = component;
    static const QRegularExpression imgSrc(QStringLiteral(R"re(<img\b[^>]*?\bsrc="([^"]*)")re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression imgAlt(QStringLiteral(R"re(<img\b[^>]*?\balt="([^"]*)")re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression name(QStringLiteral(R"re(<strong>([^<]*)</strong>)re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression price(QStringLiteral(R"re(<span\b[^>]*>([^<]*)</span>)re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression link(QStringLiteral(R"re(<a\b[^>]*?\bhref="([^"]*)")re"), QRegularExpression::CaseInsensitiveOption);

    const QString escapedName = escapeText(product.name);
    // Later parts first: each replacement moves what follows it.
    replaceFirst(html, link, escapeUrl(product.permalink));
    const bool sale = product.onSale && !Decimal::normalize(product.salePrice).isEmpty()
                      && Decimal::normalize(product.salePrice) != Decimal::normalize(product.regularPrice);
    if (const auto m = price.match(html); m.hasMatch()) {
        // The sale price in the component's span, the regular price struck through after it.
        const QString struck = sale ? QStringLiteral(" <s style=\"color:#6b7280;font-weight:normal\">")
                                          + escapeText(formatPrice(product.regularPrice, currency)) + QStringLiteral("</s>")
                                    : QString();
        html.insert(m.capturedEnd(0), struck);
        html.replace(m.capturedStart(1), m.capturedLength(1), escapeText(formatPrice(sale ? product.salePrice : product.price, currency)));
    }
    replaceFirst(html, name, escapedName);
    replaceFirst(html, imgAlt, escapedName);
    replaceFirst(html, imgSrc, escapeUrl(product.imageUrl()));
    return html;
}

} // namespace lux::channels::woo
