// SPDX-License-Identifier: GPL-3.0-or-later
#include "factguard.h"

#include "channels/woocommerce/productcard.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <limits>

#include <algorithm>

namespace lux::assistant {

using channels::woo::Decimal;
using channels::woo::Product;

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

QString squash(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s)
        if (!c.isSpace())
            out += c.toLower();
    return out;
}

// A SKU's shape: letters A, digits 9, the rest as is ("AUR-DL-0042" → "AAA-AA-9999").
QString shape(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (c.isLetter())
            c = u'A';
        else if (c.isDigit())
            c = u'9';
    }
    return out;
}

int levenshtein(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool hasDigit(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

// The currency a price was written in: "EUR", "GBP", "$" (some dollar), or "" when none was named.
QString currencyOf(const QString &marker)
{
    const QString m = marker.trimmed().toLower();
    if (m == QStringLiteral("€") || m == QLatin1String("eur") || m.startsWith(QLatin1String("euro")))
        return QStringLiteral("EUR");
    if (m == QStringLiteral("£") || m == QLatin1String("gbp"))
        return QStringLiteral("GBP");
    if (m == QLatin1String("usd") || m == QLatin1String("us$"))
        return QStringLiteral("USD");
    if (m == QLatin1String("$") || m.startsWith(QLatin1String("dólar")) || m.startsWith(QLatin1String("dolar")) || m.startsWith(QLatin1String("dollar")))
        return QStringLiteral("$");
    return {};
}

bool sameCurrency(const QString &written, const QString &store)
{
    if (written.isEmpty() || store.isEmpty())
        return true;
    if (written == QLatin1String("$"))
        return store.endsWith(u'D') || store == QLatin1String("MXN") || store == QLatin1String("ARS") || store == QLatin1String("CLP")
               || store == QLatin1String("COP");
    return written == store;
}

} // namespace

// The text a reader sees, with where each character came from and which sentence, block and table
// row it is in.
struct FactGuard::View
{
    QString text;
    QList<qsizetype> from, to; // the source span of each character
    QList<int> sentence, block, row;
    QList<bool> inUrl;

    int nextId = 0;
    int curSentence = 0, curBlock = 0, curRow = 0;

    void put(QChar c, qsizetype start, qsizetype end)
    {
        text += c;
        from << start;
        to << end;
        sentence << curSentence;
        block << curBlock;
        row << curRow;
    }
    void newBlock()
    {
        curBlock = ++nextId;
        curSentence = ++nextId;
        if (curRow <= 0)
            curRow = -curBlock; // outside tables a row is the block
    }
    void newSentence() { curSentence = ++nextId; }

    void finish(bool plain)
    {
        // Sentences end at . ! ? before a space, and at line ends in plain text.
        int last = -1, assigned = 0;
        for (qsizetype k = 0; k < text.size(); ++k) {
            if (sentence[k] != last) {
                last = sentence[k];
                assigned = ++nextId;
            }
            const int mine = assigned;
            const QChar c = text[k];
            if (((c == u'.' || c == u'!' || c == u'?') && (k + 1 == text.size() || text[k + 1].isSpace())) || (plain && c == u'\n'))
                assigned = ++nextId;
            sentence[k] = mine;
            if (row[k] < 0)
                row[k] = block[k] + 1'000'000'000; // a block of its own, apart from real rows
        }
        inUrl = QList<bool>(text.size(), false);
        static const QRegularExpression url(QStringLiteral(R"re((?:https?://|www\.)\S+)re"), QRegularExpression::CaseInsensitiveOption);
        for (auto it = url.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            for (qsizetype k = m.capturedStart(); k < m.capturedEnd(); ++k)
                inUrl[k] = true;
        }
    }

    static View plain(const QString &s)
    {
        View v;
        v.newBlock();
        for (qsizetype i = 0; i < s.size(); ++i) {
            // A blank line ends a paragraph.
            if (s[i] == u'\n') {
                qsizetype j = i + 1;
                while (j < s.size() && s[j].isSpace() && s[j] != u'\n')
                    ++j;
                if (j < s.size() && s[j] == u'\n')
                    v.newBlock();
            }
            v.put(s[i], i, i + 1);
        }
        v.finish(true);
        return v;
    }

    static QString entity(const QString &name)
    {
        static const QHash<QString, QString> named{{QStringLiteral("amp"), QStringLiteral("&")},   {QStringLiteral("lt"), QStringLiteral("<")},
                                                   {QStringLiteral("gt"), QStringLiteral(">")},    {QStringLiteral("quot"), QStringLiteral("\"")},
                                                   {QStringLiteral("apos"), QStringLiteral("'")},  {QStringLiteral("nbsp"), QString(QChar(0xA0))},
                                                   {QStringLiteral("euro"), QStringLiteral("€")},  {QStringLiteral("pound"), QStringLiteral("£")},
                                                   {QStringLiteral("dollar"), QStringLiteral("$")}, {QStringLiteral("ndash"), QStringLiteral("–")},
                                                   {QStringLiteral("mdash"), QStringLiteral("—")}, {QStringLiteral("thinsp"), QString(QChar(0x2009))}};
        if (name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)) {
            bool ok = false;
            const uint code = name.mid(2).toUInt(&ok, 16);
            return ok && code > 0 && code < 0x110000 ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1) : QString();
        }
        if (name.startsWith(u'#')) {
            bool ok = false;
            const uint code = name.mid(1).toUInt(&ok, 10);
            return ok && code > 0 && code < 0x110000 ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1) : QString();
        }
        return named.value(name.toLower());
    }

    // Text with entities decoded from s[start, end), each character mapped back.
    void emitDecoded(const QString &s, qsizetype start, qsizetype end)
    {
        static const QRegularExpression ref(QStringLiteral(R"re(&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});)re"));
        qsizetype i = start;
        while (i < end) {
            if (s[i] == u'&') {
                const auto m = ref.match(s, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
                if (m.hasMatch() && m.capturedEnd() <= end) {
                    const QString decoded = entity(m.captured(1));
                    if (!decoded.isEmpty()) {
                        for (QChar c : decoded)
                            put(c, i, m.capturedEnd());
                        i = m.capturedEnd();
                        continue;
                    }
                }
            }
            put(s[i], i, i + 1);
            ++i;
        }
    }

    static View html(const QString &s)
    {
        static const QSet<QString> blocks{QStringLiteral("p"),       QStringLiteral("div"),     QStringLiteral("td"),     QStringLiteral("th"),
                                          QStringLiteral("li"),      QStringLiteral("ul"),      QStringLiteral("ol"),     QStringLiteral("table"),
                                          QStringLiteral("tbody"),   QStringLiteral("thead"),   QStringLiteral("tfoot"),  QStringLiteral("h1"),
                                          QStringLiteral("h2"),      QStringLiteral("h3"),      QStringLiteral("h4"),     QStringLiteral("h5"),
                                          QStringLiteral("h6"),      QStringLiteral("section"), QStringLiteral("article"), QStringLiteral("header"),
                                          QStringLiteral("footer"),  QStringLiteral("blockquote"), QStringLiteral("center"), QStringLiteral("body"),
                                          QStringLiteral("dd"),      QStringLiteral("dt"),      QStringLiteral("figcaption")};
        static const QRegularExpression tag(QStringLiteral(R"re(<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>)re"));
        static const QRegularExpression alt(QStringLiteral(R"re(\balt\s*=\s*("([^"]*)"|'([^']*)'))re"), QRegularExpression::CaseInsensitiveOption);
        View v;
        v.newBlock();
        qsizetype i = 0;
        qsizetype textStart = 0;
        auto flush = [&](qsizetype upTo) {
            if (upTo > textStart)
                v.emitDecoded(s, textStart, upTo);
        };
        while (i < s.size()) {
            if (s[i] != u'<') {
                ++i;
                continue;
            }
            if (s.mid(i, 4) == QLatin1String("<!--")) {
                flush(i);
                const qsizetype end = s.indexOf(QLatin1String("-->"), i + 4);
                i = end < 0 ? s.size() : end + 3;
                textStart = i;
                continue;
            }
            const auto m = tag.match(s, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
            if (!m.hasMatch()) {
                ++i; // a lone "<" is text
                continue;
            }
            flush(i);
            const bool closing = !m.captured(1).isEmpty();
            const QString name = m.captured(2).toLower();
            i = m.capturedEnd();
            textStart = i;
            if (!closing && (name == QLatin1String("script") || name == QLatin1String("style") || name == QLatin1String("head")
                             || name == QLatin1String("title"))) {
                const qsizetype end = s.indexOf(QLatin1String("</") + name, i, Qt::CaseInsensitive);
                i = end < 0 ? s.size() : end;
                textStart = i;
                continue;
            }
            if (name == QLatin1String("tr")) {
                v.curRow = ++v.nextId;
                v.newBlock();
                if (closing)
                    v.curRow = 0;
                v.put(u' ', m.capturedStart(), m.capturedStart());
            } else if (blocks.contains(name)) {
                v.newBlock();
                v.put(u' ', m.capturedStart(), m.capturedStart());
            } else if (name == QLatin1String("br") || name == QLatin1String("hr")) {
                v.newSentence();
                v.put(u'\n', m.capturedStart(), m.capturedStart());
            } else if (name == QLatin1String("img") && !closing) {
                const auto a = alt.match(m.captured(3));
                if (a.hasMatch()) {
                    const int group = a.capturedStart(2) >= 0 ? 2 : 3;
                    const qsizetype start = m.capturedStart(3) + a.capturedStart(group);
                    const int outerBlock = v.curBlock;
                    const int outerSentence = v.curSentence;
                    v.newBlock();
                    v.put(u' ', start, start);
                    v.emitDecoded(s, start, start + a.capturedLength(group));
                    v.put(u' ', start, start);
                    v.curBlock = outerBlock; // the text after the image is still in the same block
                    v.curSentence = outerSentence;
                }
            }
        }
        flush(s.size());
        v.finish(false);
        return v;
    }
};

struct FactGuard::Mention
{
    qsizetype start = 0, end = 0; // in the view
    int product = -1;             // index in m_products
};

FactGuard::FactGuard(QList<Product> catalogue, QString currency) : m_products(std::move(catalogue)), m_currency(currency.trimmed().toUpper()) {}

QString FactGuard::parseAmount(const QString &number)
{
    QString n = number;
    n.remove(QChar(0xA0)).remove(QChar(0x202F)).remove(QChar(0x2009)).remove(u' ');
    const qsizetype lastSep = std::max(n.lastIndexOf(u'.'), n.lastIndexOf(u','));
    if (lastSep < 0)
        return Decimal::normalize(n);
    const QChar sep = n[lastSep];
    const qsizetype after = n.size() - lastSep - 1;
    const QChar other = sep == u'.' ? u',' : u'.';
    // Three digits after the only kind of separator: thousands ("1,299" and "1.299"); else decimals.
    if (after == 3 && !n.left(lastSep).contains(other)) {
        n.remove(sep);
        return Decimal::normalize(n);
    }
    QString whole = n.left(lastSep);
    whole.remove(u'.').remove(u',');
    return Decimal::normalize(whole + u'.' + n.mid(lastSep + 1));
}

QList<FactFinding> FactGuard::checkField(const QString &source, bool html, FactFinding::Field field) const
{
    QList<FactFinding> out;
    if (source.trimmed().isEmpty())
        return out;
    const View v = html ? View::html(source) : View::plain(source);
    const QString &t = v.text;
    auto finding = [&](FactFinding::Kind kind, qsizetype start, qsizetype end) {
        FactFinding f;
        f.kind = kind;
        f.field = field;
        f.text = t.mid(start, end - start).simplified();
        f.offset = v.from[start];
        f.length = v.to[end - 1] - f.offset;
        return f;
    };
    auto boundaryOk = [&](qsizetype start, qsizetype end) {
        return (start == 0 || !isWordChar(t[start - 1])) && (end >= t.size() || !isWordChar(t[end]));
    };

    // The text without spaces, lower case, mapped back: names match whatever their spacing.
    QString squashed;
    QList<qsizetype> squashedAt;
    for (qsizetype k = 0; k < t.size(); ++k)
        if (!t[k].isSpace()) {
            squashed += t[k].toLower();
            squashedAt << k;
        }

    // 1. Exact names (case and spacing aside) and known SKUs.
    QList<Mention> mentions;
    for (int p = 0; p < m_products.size(); ++p) {
        const QString key = squash(m_products[p].name);
        if (key.size() < 3)
            continue;
        for (qsizetype at = squashed.indexOf(key); at >= 0; at = squashed.indexOf(key, at + 1)) {
            const qsizetype start = squashedAt[at];
            const qsizetype end = squashedAt[at + key.size() - 1] + 1;
            if (!boundaryOk(start, end) || v.block[start] != v.block[end - 1] || v.inUrl[start])
                continue;
            mentions << Mention{start, end, p};
        }
    }
    // The longest name wins where two overlap ("Lamp X1" inside "Lamp X100" is not a mention).
    std::sort(mentions.begin(), mentions.end(), [](const Mention &a, const Mention &b) {
        return a.start != b.start ? a.start < b.start : (a.end - a.start) > (b.end - b.start);
    });
    QList<Mention> names;
    for (const Mention &m : std::as_const(mentions))
        if (names.isEmpty() || m.start >= names.last().end)
            names << m;
    auto covered = [&](qsizetype start, qsizetype end) {
        for (const Mention &m : std::as_const(names))
            if (start < m.end && m.start < end)
                return true;
        return false;
    };

    QHash<QString, int> bySku;
    QSet<QString> skuShapes;
    for (int p = 0; p < m_products.size(); ++p) {
        const QString sku = m_products[p].sku.trimmed();
        if (sku.isEmpty())
            continue;
        bySku.insert(sku.toLower(), p);
        if (hasDigit(sku))
            skuShapes.insert(shape(sku));
    }
    QList<Mention> skus;
    static const QRegularExpression skuToken(QStringLiteral(R"re((?<![\w-])([A-Za-z0-9]+(?:[-_/.][A-Za-z0-9]+)*)(?![\w-]))re"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression label(QStringLiteral(R"re((?:\bSKU|\bRef\.?|\bREF|\bArt\.?|\bReferencia)\s*[:#]?\s*$)re"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = skuToken.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart(1), end = m.capturedEnd(1);
        if (v.inUrl[start])
            continue;
        QString token = m.captured(1);
        while (token.endsWith(u'.')) // "… SKU AUR-DL-0100." ends a sentence
            token.chop(1);
        const auto known = bySku.constFind(token.toLower());
        if (known != bySku.constEnd()) {
            skus << Mention{start, start + token.size(), *known};
            continue;
        }
        if (!hasDigit(token) || covered(start, end))
            continue;
        const bool labelled = label.match(t.mid(std::max<qsizetype>(0, start - 14), start - std::max<qsizetype>(0, start - 14))).hasMatch();
        if ((labelled && token.size() >= 3) || skuShapes.contains(shape(token))) { // "Art. 5" is an article, not a SKU
            FactFinding f = finding(FactFinding::Kind::UnknownSku, start, start + token.size());
            f.message = tr("SKU %1 is not in the synced catalogue.").arg(token);
            out << f;
        }
    }

    // 2. Names that are almost a catalogue name: another model number, or a typo.
    struct Token
    {
        qsizetype start, end;
        QString lower;
    };
    QList<Token> tokens;
    static const QRegularExpression word(QStringLiteral(R"re([\p{L}\p{N}]+(?:[-.'’/][\p{L}\p{N}]+)*)re"));
    for (auto it = word.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        tokens << Token{m.capturedStart(), m.capturedEnd(), m.captured().toLower()};
    }
    QHash<QString, QList<QPair<int, int>>> index; // token → (product, position in its name)
    QList<QStringList> productTokens;
    for (int p = 0; p < m_products.size(); ++p) {
        const QStringList words = m_products[p].name.toLower().split(u' ', Qt::SkipEmptyParts);
        productTokens << words;
        for (int j = 0; j < words.size(); ++j)
            if (words[j].size() >= 3)
                index[words[j]].append({p, j});
    }
    struct NearMiss
    {
        qsizetype start, end;
        int product;
        int distance;
    };
    QList<NearMiss> nearMisses;
    QSet<QPair<qsizetype, int>> seen;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const auto hit = index.constFind(tokens[i].lower);
        if (hit == index.constEnd())
            continue;
        for (const auto &[p, j] : *hit) {
            const QStringList &want = productTokens[p];
            const qsizetype first = i - j;
            if (first < 0 || first + want.size() > tokens.size() || want.size() < 2 || seen.contains({first, p}))
                continue;
            seen.insert({first, p});
            const qsizetype start = tokens[first].start, end = tokens[first + want.size() - 1].end;
            if (v.block[start] != v.block[end - 1] || covered(start, end) || v.inUrl[start])
                continue;
            QString got;
            int same = 0;
            bool modelDiffers = false, otherDiffers = false;
            for (qsizetype k = 0; k < want.size(); ++k) {
                const QString &w = tokens[first + k].lower;
                got += w;
                if (w == want[k])
                    ++same;
                else if (hasDigit(want[k]) && hasDigit(w))
                    modelDiffers = true;
                else
                    otherDiffers = true;
            }
            const QString key = squash(m_products[p].name);
            const int distance = levenshtein(got, key);
            const bool typo = same >= want.size() - 1 && distance > 0 && distance <= (key.size() >= 12 ? 2 : 1);
            if ((modelDiffers && !otherDiffers) || typo)
                nearMisses << NearMiss{start, end, p, distance};
        }
    }
    std::sort(nearMisses.begin(), nearMisses.end(), [](const NearMiss &a, const NearMiss &b) {
        return a.start != b.start ? a.start < b.start : a.distance < b.distance;
    });
    QList<Mention> nearNames;
    for (const NearMiss &n : std::as_const(nearMisses)) {
        if (!nearNames.isEmpty() && n.start < nearNames.last().end)
            continue;
        nearNames << Mention{n.start, n.end, n.product};
        FactFinding f = finding(FactFinding::Kind::WrongName, n.start, n.end);
        f.realValue = m_products[n.product].name;
        f.productId = m_products[n.product].wooId;
        f.message = tr("\"%1\" is not the name of a product in the catalogue; the nearest is \"%2\".").arg(f.text, f.realValue);
        out << f;
    }

    // 3. Prices, each checked against the products around it.
    QList<Mention> around = names + skus + nearNames;
    static const QString num = QStringLiteral(R"re((\d{1,3}(?:[.,\x{00A0}\x{202F}\x{2009}]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?))re");
    static const QRegularExpression priceRe(
        QStringLiteral(R"re((?<![\w$€£])(US\$|€|\$|£|EUR|USD|GBP)[\s\x{00A0}]?)re") + num + QStringLiteral(R"re((?![\d.,]\d))re") + u'|'
            + QStringLiteral(R"re((?<![\w.,$€£]))re") + num + QStringLiteral(R"re([\s\x{00A0}]?(€|\$|£|EUR\b|USD\b|GBP\b|euros?\b|dólares\b|dolares\b|dollars?\b))re"),
        QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption);
    for (auto it = priceRe.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart(), end = m.capturedEnd();
        if (v.inUrl[start])
            continue;
        const bool before = m.capturedStart(1) >= 0;
        const QString amount = parseAmount(before ? m.captured(2) : m.captured(3));
        const QString currency = currencyOf(before ? m.captured(1) : m.captured(4));
        if (amount.isEmpty())
            continue;
        // The products in the same sentence, else block, else table row.
        QList<const Mention *> candidates;
        for (const QList<int> *level : {&v.sentence, &v.block, &v.row}) {
            for (const Mention &mention : std::as_const(around))
                if ((*level)[mention.start] == (*level)[start])
                    candidates << &mention;
            if (!candidates.isEmpty())
                break;
        }
        if (!sameCurrency(currency, m_currency)) {
            FactFinding f = finding(FactFinding::Kind::WrongPrice, start, end);
            f.message = tr("%1 is not in the store's currency (%2).").arg(f.text, m_currency);
            if (!candidates.isEmpty()) {
                f.productId = m_products[candidates.first()->product].wooId;
                f.realValue = m_products[candidates.first()->product].price;
            }
            out << f;
            continue;
        }
        if (candidates.isEmpty()) {
            FactFinding f = finding(FactFinding::Kind::UnknownPrice, start, end);
            f.message = tr("%1 is not next to a product from the catalogue: confirm that it is right.").arg(f.text);
            out << f;
            continue;
        }
        bool matches = false;
        const Mention *nearest = candidates.first();
        qsizetype best = std::numeric_limits<qsizetype>::max();
        for (const Mention *c : std::as_const(candidates)) {
            if (m_products[c->product].statablePrices().contains(amount))
                matches = true;
            const qsizetype distance = c->end <= start ? start - c->end : c->start - end;
            if (std::abs(distance) < best) {
                best = std::abs(distance);
                nearest = c;
            }
        }
        if (matches)
            continue;
        const Product &p = m_products[nearest->product];
        FactFinding f = finding(FactFinding::Kind::WrongPrice, start, end);
        f.productId = p.wooId;
        f.realValue = p.price;
        f.message = p.onSale ? tr("%1 is not the price of %2: it costs %3 (on sale, regularly %4).")
                                   .arg(f.text, p.name, channels::woo::ProductCard::formatPrice(p.price, m_currency),
                                        channels::woo::ProductCard::formatPrice(p.regularPrice, m_currency))
                             : tr("%1 is not the price of %2: it costs %3.").arg(f.text, p.name, channels::woo::ProductCard::formatPrice(p.price, m_currency));
        out << f;
    }
    std::sort(out.begin(), out.end(), [](const FactFinding &a, const FactFinding &b) { return a.offset < b.offset; });
    return out;
}

QList<FactFinding> FactGuard::check(const Draft &draft) const
{
    QList<FactFinding> out = checkField(draft.subject, false, FactFinding::Field::Subject);
    out += checkField(draft.preheader, false, FactFinding::Field::Preheader);
    out += checkField(draft.body, draft.html, FactFinding::Field::Body);
    return out;
}

QString FactFinding::kindName(Kind kind)
{
    switch (kind) {
    case Kind::WrongPrice: return QStringLiteral("wrong_price");
    case Kind::UnknownSku: return QStringLiteral("unknown_sku");
    case Kind::WrongName: return QStringLiteral("wrong_name");
    case Kind::UnknownPrice: return QStringLiteral("unknown_price");
    }
    return {};
}

QString FactFinding::fieldName(Field field)
{
    switch (field) {
    case Field::Subject: return QStringLiteral("subject");
    case Field::Preheader: return QStringLiteral("preheader");
    case Field::Body: return QStringLiteral("body");
    }
    return {};
}

bool needsConfirmation(const QList<FactFinding> &findings)
{
    return !findings.isEmpty();
}

} // namespace lux::assistant
