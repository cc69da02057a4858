// SPDX-License-Identifier: GPL-3.0-or-later
#include "audits.h"

#include "seo/robots.h"

#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <optional>

namespace lux::seo {

namespace {

AuditResult result(const char *id, Verdict verdict, const QString &explanation = {}, const QList<AuditItem> &items = {})
{
    return AuditResult{QString::fromLatin1(id), verdict, explanation, items};
}

// JavaScript's trim(): white space and line terminators as ECMAScript has them (U+FEFF included).
QString jsTrimmed(const QString &s)
{
    const auto space = [](QChar c) { return c.isSpace() || c == QChar(0xFEFF); };
    qsizetype begin = 0, end = s.size();
    while (begin < end && space(s.at(begin)))
        ++begin;
    while (end > begin && space(s.at(end - 1)))
        --end;
    return s.mid(begin, end - begin);
}

bool specialScheme(const QString &scheme)
{
    return scheme == u"http" || scheme == u"https" || scheme == u"ftp" || scheme == u"ws" || scheme == u"wss" || scheme == u"file";
}

// An absolute URL as the URL standard parses one without a base (new URL(text) does not throw).
std::optional<QUrl> absoluteUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.scheme().isEmpty())
        return std::nullopt;
    if (specialScheme(url.scheme()) && url.scheme() != u"file" && url.host().isEmpty())
        return std::nullopt;
    return url;
}

// A URL written as the URL standard serialises it: "/" for an empty path of a special scheme, no
// default port, no empty fragment.
QString serialized(QUrl url)
{
    if (specialScheme(url.scheme()) && url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    const int defaultPort = url.scheme() == u"https" || url.scheme() == u"wss" ? 443 : url.scheme() == u"ftp" ? 21 : 80;
    if (url.port() == defaultPort)
        url.setPort(-1);
    return url.toString(QUrl::FullyEncoded);
}

QString origin(const QUrl &url)
{
    return url.scheme() + u"://" + url.host() + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

QString withoutFragment(const QString &text)
{
    QUrl url(text);
    url.setFragment(QString());
    return serialized(url);
}

// V8's Date.parse is lenient; the forms robots directives use are RFC 822/850, ISO 8601 and
// "25 Jun 2010 15:00:00 PST".
std::optional<QDateTime> lenientDate(QString text)
{
    // V8 reads an ISO date with a time ("2020-06-25T15:00:00Z", "…t15:00:00z" once lowercased) only
    // as exactly that string; its fallback parser, which takes the white space Lighthouse leaves after
    // "unavailable_after:", does not know the T form (a date alone, or with a space, it reads).
    static const QRegularExpression isoWithTime(QStringLiteral("\\d{4}-\\d{2}-\\d{2}[Tt]"));
    if (text != text.trimmed() && text.contains(isoWithTime))
        return std::nullopt;
    text = text.simplified();
    // Capitalised as the formats expect (directives are compared lowercased).
    static const QRegularExpression word(QStringLiteral("\\b([a-z])([a-z]*)\\b"));
    QString fixed;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        fixed += text.mid(last, m.capturedStart() - last) + m.captured(1).toUpper() + m.captured(2);
        last = m.capturedEnd();
    }
    fixed += text.mid(last);
    static const QHash<QString, int> zones{{QStringLiteral("Gmt"), 0},    {QStringLiteral("Utc"), 0},    {QStringLiteral("Ut"), 0},
                                           {QStringLiteral("Z"), 0},      {QStringLiteral("Est"), -300}, {QStringLiteral("Edt"), -240},
                                           {QStringLiteral("Cst"), -360}, {QStringLiteral("Cdt"), -300}, {QStringLiteral("Mst"), -420},
                                           {QStringLiteral("Mdt"), -360}, {QStringLiteral("Pst"), -480}, {QStringLiteral("Pdt"), -420}};
    int offsetMinutes = 0;
    static const QRegularExpression zoneAtEnd(QStringLiteral("\\s+([A-Za-z]{1,3})$"));
    if (const auto m = zoneAtEnd.match(fixed); m.hasMatch() && zones.contains(m.captured(1))) {
        offsetMinutes = zones.value(m.captured(1));
        fixed.truncate(m.capturedStart());
    }
    if (QDateTime iso = QDateTime::fromString(fixed, Qt::ISODate); iso.isValid())
        return iso;
    if (QDateTime rfc = QDateTime::fromString(fixed, Qt::RFC2822Date); rfc.isValid())
        return rfc;
    const QLocale c = QLocale::c();
    static const QStringList formats{QStringLiteral("ddd, dd-MMM-yyyy HH:mm:ss"), QStringLiteral("dddd, dd-MMM-yy HH:mm:ss"),
                                     QStringLiteral("dd-MMM-yyyy HH:mm:ss"),       QStringLiteral("d MMM yyyy HH:mm:ss"),
                                     QStringLiteral("d MMM yyyy HH:mm"),           QStringLiteral("d MMM yyyy"),
                                     QStringLiteral("MMM d, yyyy HH:mm:ss"),       QStringLiteral("MMM d, yyyy"),
                                     QStringLiteral("yyyy-MM-dd HH:mm:ss"),        QStringLiteral("yyyy-MM-dd")};
    for (const QString &format : formats) {
        QDateTime t = c.toDateTime(fixed, format);
        if (t.isValid()) {
            t.setTimeZone(QTimeZone(offsetMinutes * 60));
            return t;
        }
    }
    return std::nullopt;
}

QString primarySubtag(const QString &tag)
{
    return tag.section(u'-', 0, 0);
}

} // namespace

QString AuditResult::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::NotApplicable: return QStringLiteral("n/a");
    }
    return {};
}

AuditResult Audits::documentTitle(const Page &page)
{
    if (!page.title)
        return result("document-title", Verdict::Fail, tr("The page has no <title> element."));
    if (page.title->isEmpty())
        return result("document-title", Verdict::Fail, tr("The page's <title> is empty."), {{page.titlePlace, tr("An empty title.")}});
    return result("document-title", Verdict::Pass);
}

AuditResult Audits::metaDescription(const Page &page)
{
    const MetaTag *description = page.meta(QStringLiteral("description"));
    if (!description)
        return result("meta-description", Verdict::Fail, tr("The page has no meta description in its <head>."));
    if (jsTrimmed(description->content).isEmpty())
        return result("meta-description", Verdict::Fail, tr("The meta description is empty."), {{description->place, tr("No text in content.")}});
    return result("meta-description", Verdict::Pass);
}

AuditResult Audits::httpStatusCode(const Page &page)
{
    const int status = page.served.status;
    if (status >= 400 && status <= 599)
        return result("http-status-code", Verdict::Fail, tr("The page answered with HTTP status %1.").arg(status));
    return result("http-status-code", Verdict::Pass);
}

const QHash<QString, QStringList> &Audits::genericLinkTexts()
{
    // Lighthouse 12.8.2's nonDescriptiveLinkTexts, by language (core/audits/seo/link-text.js).
    static const QHash<QString, QStringList> texts{
        {QStringLiteral("en"),
         {QStringLiteral("click here"), QStringLiteral("click this"), QStringLiteral("go"), QStringLiteral("here"), QStringLiteral("information"),
          QStringLiteral("learn more"), QStringLiteral("more"), QStringLiteral("more info"), QStringLiteral("more information"),
          QStringLiteral("right here"), QStringLiteral("read more"), QStringLiteral("see more"), QStringLiteral("start"), QStringLiteral("this")}},
        {QStringLiteral("ja"),
         {QStringLiteral("ここをクリック"), QStringLiteral("こちらをクリック"), QStringLiteral("リンク"), QStringLiteral("続きを読む"),
          QStringLiteral("続く"), QStringLiteral("全文表示")}},
        {QStringLiteral("es"),
         {QStringLiteral("click aquí"), QStringLiteral("click aqui"), QStringLiteral("clicka aquí"), QStringLiteral("clicka aqui"),
          QStringLiteral("pincha aquí"), QStringLiteral("pincha aqui"), QStringLiteral("aquí"), QStringLiteral("aqui"), QStringLiteral("más"),
          QStringLiteral("mas"), QStringLiteral("más información"), QStringLiteral("más informacion"), QStringLiteral("mas información"),
          QStringLiteral("mas informacion"), QStringLiteral("este"), QStringLiteral("enlace"), QStringLiteral("este enlace"),
          QStringLiteral("empezar")}},
        {QStringLiteral("pt"),
         {QStringLiteral("clique aqui"), QStringLiteral("ir"), QStringLiteral("mais informação"), QStringLiteral("mais informações"),
          QStringLiteral("mais"), QStringLiteral("veja mais")}},
        {QStringLiteral("ko"),
         {QStringLiteral("여기"), QStringLiteral("여기를 클릭"), QStringLiteral("클릭"), QStringLiteral("링크"), QStringLiteral("자세히"),
          QStringLiteral("자세히 보기"), QStringLiteral("계속"), QStringLiteral("이동"), QStringLiteral("전체 보기")}},
        {QStringLiteral("sv"),
         {QStringLiteral("här"), QStringLiteral("klicka här"), QStringLiteral("läs mer"), QStringLiteral("mer"), QStringLiteral("mer info"),
          QStringLiteral("mer information")}},
        {QStringLiteral("de"),
         {QStringLiteral("klicke hier"), QStringLiteral("hier klicken"), QStringLiteral("hier"), QStringLiteral("mehr"), QStringLiteral("siehe"),
          QStringLiteral("dies"), QStringLiteral("das"), QStringLiteral("weiterlesen")}},
        {QStringLiteral("ta"),
         {QStringLiteral("அடுத்த பக்கம்"), QStringLiteral("மறுபக்கம்"), QStringLiteral("முந்தைய பக்கம்"), QStringLiteral("முன்பக்கம்"),
          QStringLiteral("மேலும் அறிக"), QStringLiteral("மேலும் தகவலுக்கு"), QStringLiteral("மேலும் தரவுகளுக்கு"),
          QStringLiteral("தயவுசெய்து இங்கே அழுத்தவும்"), QStringLiteral("இங்கே கிளிக் செய்யவும்")}},
        {QStringLiteral("fa"),
         {QStringLiteral("اطلاعات بیشتر"), QStringLiteral("اطلاعات"), QStringLiteral("این"), QStringLiteral("اینجا بزنید"),
          QStringLiteral("اینجا کلیک کنید"), QStringLiteral("اینجا"), QStringLiteral("برو"), QStringLiteral("بیشتر بخوانید"),
          QStringLiteral("بیشتر بدانید"), QStringLiteral("بیشتر"), QStringLiteral("شروع")}},
    };
    return texts;
}

AuditResult Audits::linkText(const Page &page)
{
    const QString here = withoutFragment(page.served.url.toString());
    QList<AuditItem> items;
    for (const Anchor &a : page.anchors) {
        if (a.href.isEmpty() || a.rel.contains(u"nofollow"))
            continue;
        const QString href = a.href.toLower();
        if (href.startsWith(u"javascript:") || href.startsWith(u"mailto:"))
            continue;
        if (QUrl(a.href).isValid() && withoutFragment(a.href) == here)
            continue; // this page, or a place on it
        const QString term = jsTrimmed(a.text).toLower();
        if (term.isEmpty())
            continue;
        bool generic = false;
        if (a.textLang && !a.textLang->isEmpty()) {
            const auto list = genericLinkTexts().constFind(primarySubtag(*a.textLang));
            generic = list != genericLinkTexts().cend() && list->contains(term);
        } else {
            for (const QStringList &list : genericLinkTexts())
                generic = generic || list.contains(term);
        }
        if (generic)
            items << AuditItem{a.place, tr("“%1” says nothing of where it goes.").arg(jsTrimmed(a.text))};
    }
    if (items.isEmpty())
        return result("link-text", Verdict::Pass);
    return result("link-text", Verdict::Fail, tr("%n link(s) with text that does not say where it goes.", nullptr, int(items.size())), items);
}

AuditResult Audits::crawlableAnchors(const Page &page)
{
    static const QRegularExpression space(QStringLiteral("\\s"));
    static const QRegularExpression voidZero(QStringLiteral("javascript:void(\\(|)0(\\)|)"));
    static const QStringList linkAttributes{QStringLiteral("target"), QStringLiteral("download"), QStringLiteral("ping"), QStringLiteral("rel"),
                                            QStringLiteral("hreflang"), QStringLiteral("type"), QStringLiteral("referrerpolicy")};
    QList<AuditItem> items;
    for (const Anchor &a : page.anchors) {
        const QString raw = QString(a.rawHref).remove(space);
        if (!a.role.trimmed().isEmpty() || raw.startsWith(u"mailto:"))
            continue;
        if (raw.isEmpty() && !a.id.isEmpty())
            continue;
        if (raw.startsWith(u"file:")) {
            items << AuditItem{a.place, tr("A file: address is on your computer, not on the web.")};
            continue;
        }
        if (!a.name.trimmed().isEmpty())
            continue;
        if (!a.hasHref && std::none_of(linkAttributes.cbegin(), linkAttributes.cend(), [&](const QString &n) { return a.attributeNames.contains(n); })) {
            if (a.listens)
                items << AuditItem{a.place, tr("A link without an address that a script follows: crawlers cannot.")};
            continue;
        }
        if (a.href.isEmpty()) {
            items << AuditItem{a.place, tr("A link without an address.")};
            continue;
        }
        if (voidZero.match(raw).hasMatch()) {
            items << AuditItem{a.place, tr("javascript:void(0) goes nowhere a crawler can follow.")};
            continue;
        }
        if (raw.isEmpty())
            continue; // "" is this page (QUrl calls an empty URL invalid; new URL("", page) is the page)
        const QUrl relative(raw, QUrl::StrictMode);
        const QUrl resolved = page.served.url.resolved(relative);
        if (!relative.isValid() || !resolved.isValid() ||
            (specialScheme(resolved.scheme()) && resolved.scheme() != u"file" && resolved.host().isEmpty()))
            items << AuditItem{a.place, tr("“%1” is not an address a crawler can follow.").arg(a.rawHref)};
    }
    if (items.isEmpty())
        return result("crawlable-anchors", Verdict::Pass);
    return result("crawlable-anchors", Verdict::Fail, tr("%n link(s) that crawlers cannot follow.", nullptr, int(items.size())), items);
}

AuditResult Audits::imageAlt(const Page &page)
{
    static const QRegularExpression onlySpace(QStringLiteral("^\\s+$"));
    QList<AuditItem> items;
    int applicable = 0;
    for (const Image &img : page.images) {
        if (!img.visible)
            continue;
        ++applicable;
        const bool presentational = img.role == u"none" || img.role == u"presentation";
        if (img.hasAlt && onlySpace.match(img.alt).hasMatch() && !presentational) {
            items << AuditItem{img.place, tr("Its alt is only spaces: say what the picture shows, or leave alt empty if it is decoration.")};
            continue;
        }
        const bool named = img.hasAlt || !img.ariaLabel.simplified().isEmpty() || !img.ariaLabelledByText.simplified().isEmpty() ||
                           !img.title.simplified().isEmpty() || presentational;
        if (!named)
            items << AuditItem{img.place, tr("No alt text: say what the picture shows (alt=\"\" for decoration).")};
    }
    if (applicable == 0)
        return result("image-alt", Verdict::NotApplicable, tr("The page shows no <img>."));
    if (items.isEmpty())
        return result("image-alt", Verdict::Pass);
    return result("image-alt", Verdict::Fail, tr("%n picture(s) without alt text.", nullptr, int(items.size())), items);
}

bool Audits::knownLanguage(const QString &tag)
{
    static const QSet<QString> languages = [] {
        QSet<QString> set;
        QFile f(QStringLiteral(":/data/language-subtags.txt"));
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray &line : f.readAll().split('\n'))
                if (!line.trimmed().isEmpty())
                    set.insert(QString::fromLatin1(line.trimmed()));
        return set;
    }();
    if (tag.toLower() == u"x-default")
        return true;
    return languages.contains(primarySubtag(tag).toLower());
}

AuditResult Audits::hreflang(const Page &page)
{
    QList<AuditItem> items;
    for (const LinkTag &l : page.links) {
        if (l.rel != u"alternate" || l.hreflang.isEmpty() || l.source == LinkTag::Source::Body)
            continue;
        if (!knownLanguage(l.hreflang))
            items << AuditItem{l.place, tr("“%1” is not a language code (ISO 639, optionally with a region: en, en-GB, x-default).").arg(l.hreflang)};
        const QString raw = l.hrefRaw.toLower();
        if (!raw.startsWith(u"http:") && !raw.startsWith(u"https:"))
            items << AuditItem{l.place, tr("“%1” is relative: hreflang links need the whole address.").arg(l.hrefRaw)};
    }
    if (items.isEmpty())
        return result("hreflang", Verdict::Pass);
    return result("hreflang", Verdict::Fail, tr("%n problem(s) with the page's language alternates.", nullptr, int(items.size())), items);
}

AuditResult Audits::canonical(const Page &page)
{
    QStringList canonicals; // serialised, without repeats
    QList<AuditItem> invalid, relative;
    QSet<QString> alternates;
    const LinkTag *first = nullptr;
    for (const LinkTag &l : page.links) {
        if (l.source == LinkTag::Source::Body)
            continue;
        if (l.rel == u"canonical") {
            if (l.hrefRaw.isEmpty())
                continue;
            if (l.href.isEmpty()) {
                invalid << AuditItem{l.place, tr("“%1” is not a valid address.").arg(l.hrefRaw)};
            } else if (const auto url = absoluteUrl(l.hrefRaw); !url) {
                relative << AuditItem{l.place, tr("“%1” is not a whole address.").arg(l.hrefRaw)};
            } else if (const QString s = serialized(QUrl(l.href)); !canonicals.contains(s)) {
                canonicals << s;
                if (!first)
                    first = &l;
            }
        } else if (l.rel == u"alternate" && !l.href.isEmpty() && !l.hreflang.isEmpty()) {
            alternates.insert(serialized(QUrl(l.href)));
        }
    }
    if (!invalid.isEmpty())
        return result("canonical", Verdict::Fail, tr("The canonical link's address is not valid."), invalid);
    if (!relative.isEmpty())
        return result("canonical", Verdict::Fail, tr("The canonical link's address is relative: give the whole address."), relative);
    if (canonicals.isEmpty())
        return result("canonical", Verdict::NotApplicable, tr("The page names no canonical address."));
    if (canonicals.size() > 1)
        return result("canonical", Verdict::Fail, tr("The page names several canonical addresses: %1.").arg(canonicals.join(QStringLiteral(", "))),
                      {{first->place, tr("One canonical address, or none.")}});
    const QUrl base = page.served.url;
    const QUrl c(canonicals.first());
    const QString here = serialized(base);
    if (alternates.contains(here) && alternates.contains(canonicals.first()) && here != canonicals.first())
        return result("canonical", Verdict::Fail, tr("The canonical address is another language's page (%1).").arg(canonicals.first()),
                      {{first->place, tr("Each language's page is its own canonical.")}});
    if (origin(c) == origin(base) && (c.path().isEmpty() || c.path() == u"/") && !(base.path().isEmpty() || base.path() == u"/"))
        return result("canonical", Verdict::Fail, tr("The canonical address is the site's home page, not this page's."),
                      {{first->place, tr("Point it at this page's own address.")}});
    return result("canonical", Verdict::Pass);
}

bool Audits::blocksIndexing(const QString &directives, const QDateTime &now)
{
    for (const QString &part : directives.split(u',')) {
        const QString d = part.toLower().trimmed();
        if (d == u"noindex" || d == u"none")
            return true;
        const QStringList pieces = d.split(u':');
        if (pieces.size() > 1 && pieces.first() == u"unavailable_after")
            if (const auto when = lenientDate(pieces.mid(1).join(u':')); when && *when < now)
                return true;
    }
    return false;
}

AuditResult Audits::isCrawlable(const Page &page, const RobotsAllows &robots, const QDateTime &now)
{
    // Lighthouse asks for these (undefined: any crawler), and fails only when all are kept out.
    static const QList<std::optional<QString>> bots{std::nullopt, QStringLiteral("Googlebot"), QStringLiteral("bingbot"),
                                                    QStringLiteral("DuckDuckBot"), QStringLiteral("archive.org_bot")};
    static const QRegularExpression prefix(QStringLiteral("^([^,:]+):"));
    QStringList blocked;
    QList<AuditItem> items;
    for (const std::optional<QString> &bot : bots) {
        const QString name = bot ? *bot : QStringLiteral("*");
        QString why;
        const MetaTag *meta = bot ? page.meta(bot->toLower()) : nullptr;
        if (!meta)
            meta = page.meta(QStringLiteral("robots"));
        if (meta && blocksIndexing(meta->content, now)) {
            why = tr("<meta name=\"%1\" content=\"%2\">").arg(meta->name, meta->content);
            items << AuditItem{meta->place, tr("Keeps %1 out: %2").arg(name, meta->content)};
        }
        for (const QByteArray &value : page.served.headerValues("x-robots-tag")) {
            if (!why.isEmpty())
                break;
            QString directives = QString::fromUtf8(value);
            if (const auto m = prefix.match(directives); m.hasMatch() && m.captured(1).toLower() != u"unavailable_after") {
                if (!bot || m.captured(1) != *bot)
                    continue; // for another crawler (its name compared as written, as Lighthouse does)
                directives = directives.mid(m.capturedLength());
            }
            if (blocksIndexing(directives, now)) {
                why = tr("X-Robots-Tag: %1").arg(QString::fromUtf8(value));
                items << AuditItem{Place{0, QStringLiteral("X-Robots-Tag: ") + QString::fromUtf8(value)}, tr("Keeps %1 out.").arg(name)};
            }
        }
        if (why.isEmpty() && robots && !robots(bot ? *bot : QStringLiteral("*"))) {
            why = tr("robots.txt");
            items << AuditItem{Place{0, QStringLiteral("robots.txt")}, tr("Disallows this page for %1.").arg(name)};
        }
        if (!why.isEmpty())
            blocked << name;
    }
    if (blocked.size() == bots.size())
        return result("is-crawlable", Verdict::Fail, tr("Search engines are kept from indexing this page."), items);
    AuditResult r = result("is-crawlable", Verdict::Pass, {}, items);
    if (!blocked.isEmpty())
        r.explanation = tr("Indexable, but kept from: %1.").arg(blocked.join(QStringLiteral(", ")));
    return r;
}

AuditResult Audits::robotsTxt(int status, const QByteArray &body)
{
    const RobotsTxtAuditResult r = RobotsTxtAudit::run(status, body);
    QList<AuditItem> items;
    for (const RobotsTxtProblem &p : r.problems)
        items << AuditItem{Place{p.line, p.content}, p.message};
    switch (r.verdict) {
    case RobotsTxtAuditResult::Verdict::Pass: return result("robots-txt", Verdict::Pass, {}, items);
    case RobotsTxtAuditResult::Verdict::Fail: return result("robots-txt", Verdict::Fail, r.summary, items);
    case RobotsTxtAuditResult::Verdict::NotApplicable:
        return result("robots-txt", Verdict::NotApplicable, r.summary.isEmpty() ? tr("The site serves no robots.txt.") : r.summary, items);
    case RobotsTxtAuditResult::Verdict::Error: // Lighthouse cannot judge it either
        return result("robots-txt", Verdict::NotApplicable, tr("robots.txt answered with status %1, which has no verdict.").arg(status), items);
    }
    return result("robots-txt", Verdict::NotApplicable);
}

} // namespace lux::seo
