// SPDX-License-Identifier: GPL-3.0-or-later
#include "contentchecks.h"

#include "channels/woocommerce/productstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace lux::seo {

namespace {

Finding finding(const char *check, Severity severity, const Place &place, const QString &message, const QString &why, const QString &fix)
{
    return Finding{QString::fromLatin1(check), severity, place, message, why, fix};
}

// Letters only, lowercased, accents kept (syllables need them) or folded (comparisons do not).
QStringList wordsOf(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*"));
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();)
        out << it.next().captured(0).toLower();
    return out;
}

QString folded(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D))
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

bool isVowel(QChar c, const QString &language)
{
    static const QString en = QStringLiteral("aeiouy");
    static const QString es = QStringLiteral("aeiouáéíóúü");
    return (language == u"es" ? es : en).contains(c);
}

// Every object of a JSON-LD block whose @type is (or includes) `type`, @graph and arrays walked.
void itemsOfType(const QJsonValue &value, const QString &type, QList<QJsonObject> *out, int depth = 0)
{
    if (depth > 32)
        return;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            itemsOfType(v, type, out, depth + 1);
        return;
    }
    const QJsonObject item = value.toObject();
    const QJsonValue t = item.value(QStringLiteral("@type"));
    if (t.toString() == type || t.toArray().contains(QJsonValue(type)))
        out->append(item);
    if (item.contains(QStringLiteral("@graph")))
        itemsOfType(item.value(QStringLiteral("@graph")), type, out, depth + 1);
}

// A JSON-LD price ("89.00", 89, 89.5) as a plain decimal; "" when it is not one.
QString offerPrice(const QJsonValue &v)
{
    if (v.isDouble())
        return channels::woo::Decimal::normalize(QString::number(v.toDouble(), 'f', 6));
    return channels::woo::Decimal::normalize(v.toString());
}

// An address compared as a product's permalink: host without case, no trailing slash, no fragment.
QString permalinkKey(const QString &url)
{
    QUrl u(url.trimmed());
    if (!u.isValid() || u.host().isEmpty())
        return {};
    u.setFragment(QString());
    QString path = u.path();
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return u.host().toLower() + (u.port() > 0 ? QStringLiteral(":%1").arg(u.port()) : QString()) + path
           + (u.hasQuery() ? QString(u'?' + u.query()) : QString());
}

QString primaryLanguage(const Page &page)
{
    return page.htmlLang.section(u'-', 0, 0).trimmed().toLower();
}

} // namespace

QString Finding::severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Notice: return QStringLiteral("notice");
    }
    return {};
}

int ContentChecks::wordCount(const QString &text)
{
    return int(wordsOf(text).size());
}

int ContentChecks::syllables(const QString &word, const QString &language)
{
    const QString w = word.toLower();
    if (language == u"es") {
        // Each run of vowels is one nucleus unless two strong vowels (a, e, o, or a stressed í/ú)
        // meet: a hiatus, two syllables.
        static const QString strong = QStringLiteral("aeoáéóíú");
        int count = 0;
        QChar previous;
        for (const QChar c : w) {
            if (!isVowel(c, language)) {
                previous = QChar();
                continue;
            }
            if (previous.isNull() || (strong.contains(previous) && strong.contains(c)))
                ++count;
            previous = c;
        }
        // "que", "qui", "gue", "gui": the u is silent, already not counted as its own nucleus.
        return std::max(count, 1);
    }
    // English: vowel groups, less a silent final e (not the -le of "table", its own syllable), at least one.
    int count = 0;
    bool inVowels = false;
    for (const QChar c : w) {
        const bool v = isVowel(c, language);
        if (v && !inVowels)
            ++count;
        inVowels = v;
    }
    if (w.size() > 2 && w.endsWith(u'e') && !w.endsWith(QStringLiteral("le")) && !isVowel(w.at(w.size() - 2), language))
        --count;
    if (w.endsWith(QStringLiteral("es")) || w.endsWith(QStringLiteral("ed"))) {
        // "makes", "walked": the e is silent unless after t/d (wanted) or a sibilant (boxes).
        if (w.size() > 3) {
            const QChar before = w.at(w.size() - 3);
            const bool sounded = w.endsWith(QStringLiteral("ed")) ? (before == u't' || before == u'd')
                                                                  : QStringLiteral("sxzh").contains(before) || w.endsWith(QStringLiteral("ces")) ||
                                                                        w.endsWith(QStringLiteral("ges"));
            if (!sounded && !isVowel(before, language))
                --count;
        }
    }
    return std::max(count, 1);
}

Readability ContentChecks::readability(const QString &text, const QString &language)
{
    Readability r;
    if (language != u"en" && language != u"es")
        return r;
    r.language = language;
    static const QRegularExpression ends(QStringLiteral("[.!?…]+(\\s|$)|\\n"));
    for (const QString &sentence : text.split(ends, Qt::SkipEmptyParts)) {
        const QStringList words = wordsOf(sentence);
        if (words.isEmpty())
            continue;
        ++r.sentences;
        r.words += int(words.size());
        for (const QString &w : words)
            r.syllables += syllables(w, language);
    }
    if (r.words == 0 || r.sentences == 0)
        return r;
    const double wordsPerSentence = double(r.words) / r.sentences;
    const double syllablesPerWord = double(r.syllables) / r.words;
    if (language == u"en") {
        r.formula = QStringLiteral("Flesch");
        r.score = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
    } else {
        r.formula = QStringLiteral("Fernández Huerta");
        r.score = 206.84 - 60.0 * syllablesPerWord - 1.02 * wordsPerSentence;
    }
    r.score = std::clamp(r.score, 0.0, 100.0);
    return r;
}

int ContentChecks::occurrences(const QString &text, const QString &phrase)
{
    const QStringList needle = wordsOf(folded(phrase));
    if (needle.isEmpty())
        return 0;
    const QStringList hay = wordsOf(folded(text));
    int count = 0;
    for (qsizetype i = 0; i + needle.size() <= hay.size(); ++i)
        if (std::equal(needle.cbegin(), needle.cend(), hay.cbegin() + i))
            ++count;
    return count;
}

QList<Finding> ContentChecks::headings(const Page &page)
{
    QList<Finding> out;
    QList<Heading> h1s;
    for (const Heading &h : page.headings)
        if (h.level == 1)
            h1s << h;
    if (h1s.isEmpty())
        out << finding("one-h1", Severity::Warning, {}, tr("The page has no H1."),
                       tr("The H1 tells readers and search engines what the page is about."),
                       tr("Give the page one <h1> with its main topic."));
    for (qsizetype i = 1; i < h1s.size(); ++i)
        out << finding("one-h1", Severity::Notice, h1s.at(i).place, tr("A second H1: “%1”.").arg(h1s.at(i).text),
                       tr("One H1 makes the page's main topic plain."), tr("Make the other top headings <h2>."));
    int previous = 0;
    for (const Heading &h : page.headings) {
        if (previous > 0 && h.level > previous + 1)
            out << finding("heading-order", Severity::Notice, h.place, tr("An H%1 follows an H%2: a level is skipped.").arg(h.level).arg(previous),
                           tr("Headings in order give the page an outline readers and assistive technology can follow."),
                           tr("Use <h%1> here, or add the missing level above it.").arg(previous + 1));
        previous = h.level;
    }
    return out;
}

QList<Finding> ContentChecks::length(const Page &page)
{
    const int words = wordCount(page.bodyText);
    if (words >= kThinWords)
        return {};
    return {finding("word-count", Severity::Notice, {}, tr("%n word(s) on the page.", nullptr, words),
                    tr("Pages with little text rarely rank for anything but their name."),
                    tr("Say more about the topic: what it is, who it is for, the questions people ask (about %1 words or more).")
                        .arg(kThinWords))};
}

QList<Finding> ContentChecks::readabilityFindings(const Page &page)
{
    const Readability r = readability(page.bodyText, primaryLanguage(page));
    if (r.language.isEmpty() || r.words < 100 || r.score >= 50)
        return {};
    return {finding("readability", r.score < 30 ? Severity::Warning : Severity::Notice, {},
                    tr("Reading ease %1 (%2): hard to read.").arg(qRound(r.score)).arg(r.formula),
                    tr("Most visitors skim; long sentences and long words lose them."),
                    tr("Shorten sentences (%1 words on average now) and prefer shorter words.").arg(double(r.words) / r.sentences, 0, 'f', 1))};
}

QList<Finding> ContentChecks::keyphrase(const Page &page, const QString &phrase)
{
    QList<Finding> out;
    if (phrase.trimmed().isEmpty())
        return out;
    const auto missing = [&](const char *check, const QString &where, const QString &fix) {
        out << finding(check, Severity::Warning, {}, tr("The keyphrase “%1” is not in %2.").arg(phrase.trimmed(), where),
                       tr("Search engines and readers look for the words they searched in these places first."), fix);
    };
    if (occurrences(page.title.value_or(QString()), phrase) == 0)
        missing("keyphrase-title", tr("the title"), tr("Put it in the title, near the start."));
    const MetaTag *description = page.meta(QStringLiteral("description"));
    if (!description || occurrences(description->content, phrase) == 0)
        missing("keyphrase-description", tr("the meta description"), tr("Use it once in the description."));
    const QString opening = page.paragraphs.isEmpty() ? page.bodyText.section(u'\n', 0, 0) : page.paragraphs.first();
    if (occurrences(opening, phrase) == 0)
        missing("keyphrase-introduction", tr("the first paragraph"), tr("Mention it in the opening lines."));
    const QString slug = QUrl::fromPercentEncoding(page.served.url.path().toUtf8()).replace(u'-', u' ').replace(u'_', u' ').replace(u'/', u' ');
    if (occurrences(slug, phrase) == 0)
        missing("keyphrase-url", tr("the address"), tr("Use it in the page's address, words joined by hyphens."));
    bool inHeading = false;
    for (const Heading &h : page.headings)
        inHeading = inHeading || (h.level <= 2 && occurrences(h.text, phrase) > 0);
    if (!inHeading)
        missing("keyphrase-headings", tr("an H1 or H2"), tr("Use it in a main heading."));
    const int words = wordCount(page.bodyText);
    const int count = occurrences(page.bodyText, phrase);
    if (words > 0) {
        const double density = 100.0 * count / words; // occurrences per hundred words, as Yoast counts it
        if (density > kMaxKeyphraseDensity)
            out << finding("keyphrase-density", Severity::Warning, {}, tr("The keyphrase is %1% of the words (%n time(s)).", nullptr, count)
                                                                            .arg(density, 0, 'f', 1),
                           tr("Repeating a phrase this often reads as stuffing to people and to search engines."),
                           tr("Keep it under %1%: use synonyms and related words.").arg(kMaxKeyphraseDensity));
    }
    return out;
}

QList<Finding> ContentChecks::socialTags(const Page &page)
{
    QList<Finding> out;
    const auto property = [&](const QString &name) -> const MetaTag * {
        for (const MetaTag &m : page.metas)
            if (m.inHead && (m.property.compare(name, Qt::CaseInsensitive) == 0 || m.name == name))
                return &m;
        return nullptr;
    };
    QStringList missing;
    for (const QString &name : {QStringLiteral("og:title"), QStringLiteral("og:description"), QStringLiteral("og:image"), QStringLiteral("og:url")})
        if (!property(name) || property(name)->content.trimmed().isEmpty())
            missing << name;
    if (!missing.isEmpty())
        out << finding("open-graph", Severity::Notice, {}, tr("Open Graph tags missing: %1.").arg(missing.join(QStringLiteral(", "))),
                       tr("Facebook, LinkedIn and messaging apps build the link's card from them."),
                       tr("Add <meta property=\"og:…\" content=\"…\"> for each in the <head>."));
    if (!property(QStringLiteral("twitter:card")))
        out << finding("twitter-card", Severity::Notice, {}, tr("No twitter:card tag."), tr("X shows a plain link without it."),
                       tr("Add <meta name=\"twitter:card\" content=\"summary_large_image\">."));
    if (const MetaTag *image = property(QStringLiteral("og:image")); image && !image->content.trimmed().isEmpty()) {
        const QUrl url = page.served.url.resolved(QUrl(image->content.trimmed()));
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http"))
            out << finding("open-graph", Severity::Warning, image->place, tr("og:image “%1” is not a web address.").arg(image->content),
                           tr("Networks fetch the picture from its address."), tr("Give the picture's full https address."));
    }
    return out;
}

QList<Finding> ContentChecks::structuredData(const Page &page)
{
    QList<Finding> out;
    // Google's required properties (developers.google.com/search/docs/appearance/structured-data):
    // a Product snippet needs a name and one of offers, review, aggregateRating; an Event a name, a
    // start date and a location; Organization and Article need none.
    const auto check = [&](const QJsonObject &item, const auto &self) -> void {
        const QJsonValue typeValue = item.value(QStringLiteral("@type"));
        QStringList types;
        if (typeValue.isArray())
            for (const QJsonValue &t : typeValue.toArray())
                types << t.toString();
        else
            types << typeValue.toString();
        QStringList lacking;
        if (types.contains(QStringLiteral("Product"))) {
            if (!item.contains(QStringLiteral("name")))
                lacking << QStringLiteral("name");
            if (!item.contains(QStringLiteral("offers")) && !item.contains(QStringLiteral("review")) &&
                !item.contains(QStringLiteral("aggregateRating")))
                lacking << tr("offers, review or aggregateRating");
        }
        if (types.contains(QStringLiteral("Event")))
            for (const QString &p : {QStringLiteral("name"), QStringLiteral("startDate"), QStringLiteral("location")})
                if (!item.contains(p))
                    lacking << p;
        if (!lacking.isEmpty())
            out << finding("structured-data", Severity::Warning, {}, tr("%1 lacks %2.").arg(types.join(u'/'), lacking.join(QStringLiteral(", "))),
                           tr("Google shows rich results only for items with their required properties."),
                           tr("Add the missing properties to the JSON-LD."));
        for (const QJsonValue &nested : item.value(QStringLiteral("@graph")).toArray())
            self(nested.toObject(), self);
    };
    for (const QString &block : page.jsonLd) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(block.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            out << finding("structured-data", Severity::Error, {}, tr("A JSON-LD block does not parse: %1 at character %2.").arg(error.errorString()).arg(error.offset),
                           tr("Search engines ignore structured data they cannot read."), tr("Fix the JSON (a validator shows where)."));
            continue;
        }
        if (json.isArray())
            for (const QJsonValue &v : json.array())
                check(v.toObject(), check);
        else
            check(json.object(), check);
    }
    return out;
}

QList<Finding> ContentChecks::productPrices(const Page &page, const CatalogueLookup &catalogue)
{
    QList<Finding> out;
    if (!catalogue)
        return out;
    for (const QString &block : page.jsonLd) {
        const QJsonDocument json = QJsonDocument::fromJson(block.toUtf8());
        QList<QJsonObject> products;
        itemsOfType(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()), QStringLiteral("Product"), &products);
        for (const QJsonObject &product : std::as_const(products)) {
            ProductRef ref;
            ref.sku = product.value(QStringLiteral("sku")).toString().trimmed();
            ref.name = product.value(QStringLiteral("name")).toString().simplified();
            const QString url = product.value(QStringLiteral("url")).toString().trimmed();
            ref.url = url.isEmpty() ? page.served.url.toString() : page.served.url.resolved(QUrl(url)).toString();
            const std::optional<CatalogueProduct> known = catalogue(ref);
            if (!known)
                continue;
            const QString knownPrice = channels::woo::Decimal::normalize(known->price);
            const QJsonValue offersValue = product.value(QStringLiteral("offers"));
            const QJsonArray offers = offersValue.isArray() ? offersValue.toArray() : QJsonArray{offersValue};
            for (const QJsonValue &o : offers) {
                const QJsonObject offer = o.toObject();
                if (!offer.contains(QStringLiteral("price")))
                    continue;
                const QString price = offerPrice(offer.value(QStringLiteral("price")));
                const QString currency = offer.value(QStringLiteral("priceCurrency")).toString().trimmed().toUpper();
                const bool priceDiffers = !price.isEmpty() && !knownPrice.isEmpty() && price != knownPrice;
                const bool currencyDiffers = !currency.isEmpty() && !known->currency.isEmpty() && currency != known->currency.toUpper();
                if (!priceDiffers && !currencyDiffers)
                    continue;
                const QString stated = QString(offer.value(QStringLiteral("price")).isDouble() ? price
                                                                                                 : offer.value(QStringLiteral("price")).toString().trimmed())
                                       + (currency.isEmpty() ? QString() : QString(u' ' + currency));
                const QString real = known->price + (known->currency.isEmpty() ? QString() : QString(u' ' + known->currency));
                out << finding("product-price", Severity::Warning, {},
                               tr("The Product “%1” is offered at %2 in the page's structured data; the catalogue has %3.")
                                   .arg(ref.name.isEmpty() ? known->name : ref.name, stated, real),
                               tr("A price in search results that differs from the shop's misleads buyers, and Google may drop the rich result."),
                               tr("Update the JSON-LD offer to %1 (the store's price), or, if the store's price changed, sync the catalogue "
                                  "(luxctl woo sync) and check again.")
                                   .arg(real));
            }
        }
    }
    return out;
}

CatalogueLookup ContentChecks::storedCatalogue(const QSqlDatabase &db)
{
    const channels::woo::ProductStore store(db);
    const auto products = store.all();
    if (!products || products->isEmpty())
        return {};
    const auto state = store.state();
    return catalogueLookup(*products, state ? state->currency : QString());
}

CatalogueLookup ContentChecks::catalogueLookup(const QList<channels::woo::Product> &products, const QString &currency)
{
    return [products, currency](const ProductRef &ref) -> std::optional<CatalogueProduct> {
        const auto make = [&currency](const channels::woo::Product &p) {
            return CatalogueProduct{p.name, p.sku, p.price, currency, p.permalink};
        };
        if (!ref.sku.isEmpty())
            for (const channels::woo::Product &p : products)
                if (p.sku.compare(ref.sku, Qt::CaseInsensitive) == 0)
                    return make(p);
        if (const QString key = permalinkKey(ref.url); !key.isEmpty())
            for (const channels::woo::Product &p : products)
                if (permalinkKey(p.permalink) == key)
                    return make(p);
        if (!ref.name.isEmpty())
            for (const channels::woo::Product &p : products)
                if (p.name.simplified() == ref.name)
                    return make(p);
        return std::nullopt;
    };
}

QList<Finding> ContentChecks::fromAudit(const AuditResult &audit)
{
    if (audit.verdict != Verdict::Fail)
        return {};
    // Why each of Lighthouse's audits matters, and its fix, in a sentence each.
    static const QHash<QString, QPair<const char *, const char *>> reasons{
        {QStringLiteral("document-title"), {QT_TR_NOOP("The title is the result's headline in search and the tab's name."), QT_TR_NOOP("Give the page a <title> that says what it is.")}},
        {QStringLiteral("meta-description"), {QT_TR_NOOP("Search engines often show the description under the title."), QT_TR_NOOP("Add <meta name=\"description\" content=\"…\"> summing up the page.")}},
        {QStringLiteral("http-status-code"), {QT_TR_NOOP("Pages that answer with an error are dropped from the index."), QT_TR_NOOP("Serve the page with status 200, or redirect it.")}},
        {QStringLiteral("link-text"), {QT_TR_NOOP("Link text tells search engines and readers what the target is about."), QT_TR_NOOP("Write what the link leads to instead.")}},
        {QStringLiteral("crawlable-anchors"), {QT_TR_NOOP("Crawlers follow only links with real addresses."), QT_TR_NOOP("Give each link an href with the page's address.")}},
        {QStringLiteral("image-alt"), {QT_TR_NOOP("Alt text is how search engines and screen readers know what a picture shows."), QT_TR_NOOP("Describe the picture in its alt attribute.")}},
        {QStringLiteral("hreflang"), {QT_TR_NOOP("Wrong language alternates send searchers to the wrong language."), QT_TR_NOOP("Use valid language codes and whole addresses.")}},
        {QStringLiteral("canonical"), {QT_TR_NOOP("A wrong canonical can take the page out of search results."), QT_TR_NOOP("Point the canonical at this page's own whole address.")}},
        {QStringLiteral("is-crawlable"), {QT_TR_NOOP("A page kept from indexing does not appear in search at all."), QT_TR_NOOP("Remove noindex (meta, X-Robots-Tag) or the robots.txt rule, if the page should be found.")}},
        {QStringLiteral("robots-txt"), {QT_TR_NOOP("Crawlers may misread a robots.txt with errors and skip pages you want found."), QT_TR_NOOP("Fix the lines it names.")}},
    };
    const auto reason = reasons.value(audit.id);
    const QString why = reason.first ? tr(reason.first) : QString();
    const QString fix = reason.second ? tr(reason.second) : QString();
    const Severity severity = audit.id == u"is-crawlable" || audit.id == u"http-status-code" ? Severity::Error : Severity::Warning;
    QList<Finding> out;
    if (audit.items.isEmpty())
        out << Finding{audit.id, severity, {}, audit.explanation, why, fix};
    for (const AuditItem &item : audit.items)
        out << Finding{audit.id, severity, item.place, item.message, why, fix};
    return out;
}

} // namespace lux::seo
