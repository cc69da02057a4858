// SPDX-License-Identifier: GPL-3.0-or-later
#include "suggester.h"

#include "seo/serpwidth.h"

#include <QJsonArray>

namespace lux::seo {

namespace {

using assistant::SeoField;

// The checks that are about a title or a description.
QStringList checksAbout(SeoField field)
{
    if (field == SeoField::Title)
        return {QStringLiteral("document-title"), QStringLiteral("title-width"), QStringLiteral("keyphrase-title")};
    return {QStringLiteral("meta-description"), QStringLiteral("description-width"), QStringLiteral("keyphrase-description")};
}

QJsonArray scoredJson(const QList<ScoredText> &list)
{
    QJsonArray out;
    for (const ScoredText &s : list) {
        QJsonArray findings;
        for (const Finding &f : s.findings)
            findings.append(QJsonObject{{QStringLiteral("check"), f.check},
                                        {QStringLiteral("severity"), Finding::severityName(f.severity)},
                                        {QStringLiteral("message"), f.message}});
        out.append(QJsonObject{{QStringLiteral("text"), s.text},
                               {QStringLiteral("pixels"), s.pixels},
                               {QStringLiteral("limit"), s.limit},
                               {QStringLiteral("has_keyphrase"), s.hasKeyphrase},
                               {QStringLiteral("score"), s.score},
                               {QStringLiteral("findings"), findings}});
    }
    return out;
}

} // namespace

QJsonObject Suggestions::toJson() const
{
    QJsonArray recs;
    for (const assistant::SeoRecommendation &r : recommendations)
        recs.append(QJsonObject{{QStringLiteral("kind"), r.kind},
                                {QStringLiteral("passage"), r.passage},
                                {QStringLiteral("suggestion"), r.suggestion},
                                {QStringLiteral("why"), r.why}});
    return QJsonObject{{QStringLiteral("url"), url.toString()},
                       {QStringLiteral("keyphrase"), keyphrase},
                       {QStringLiteral("keyphrase_proposed"), keyphraseProposed},
                       {QStringLiteral("current_score"), currentScore},
                       {QStringLiteral("titles"), scoredJson(titles)},
                       {QStringLiteral("descriptions"), scoredJson(descriptions)},
                       {QStringLiteral("recommendations"), recs},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

QStringList Suggester::problems(SeoField field, const QString &text, const QString &keyphrase, int titlePixels, int descriptionPixels)
{
    QStringList out;
    const bool title = field == SeoField::Title;
    const int limit = title ? titlePixels : descriptionPixels;
    const double width = SerpWidth::width(text.simplified(), title ? SerpWidth::kTitlePixelSize : SerpWidth::kDescriptionPixelSize);
    if (width > limit)
        out << tr("%1 px wide, more than the %2 px a result shows").arg(qRound(width)).arg(limit);
    if (!keyphrase.trimmed().isEmpty() && ContentChecks::occurrences(text, keyphrase) == 0)
        out << tr("it does not contain the keyphrase “%1”").arg(keyphrase.trimmed());
    return out;
}

Page Suggester::withText(const Page &page, SeoField field, const QString &text)
{
    Page copy = page;
    if (field == SeoField::Title) {
        copy.title = text;
        return copy;
    }
    for (MetaTag &m : copy.metas)
        if (m.inHead && m.name == u"description") {
            m.content = text;
            return copy;
        }
    MetaTag added;
    added.name = QStringLiteral("description");
    added.content = text;
    copy.metas.prepend(added);
    return copy;
}

Analysis Suggester::analyze(const FetchedSite &site, const QString &keyphrase, int titlePixels, int descriptionPixels)
{
    AnalyzeOptions options;
    options.keyphrase = keyphrase;
    options.extraChecks = [titlePixels, descriptionPixels](const Page &page) { return SerpWidth::findings(page, titlePixels, descriptionPixels); };
    Analysis a = Analyzer::analyzePage(site.page, site.robotsStatus, site.robotsBody, options);
    a.url = site.url;
    return a;
}

ScoredText Suggester::score(const FetchedSite &site, SeoField field, const QString &text, const QString &keyphrase, int titlePixels,
                            int descriptionPixels)
{
    const bool title = field == SeoField::Title;
    ScoredText s;
    s.text = text;
    s.limit = title ? titlePixels : descriptionPixels;
    s.pixels = qRound(SerpWidth::width(text.simplified(), title ? SerpWidth::kTitlePixelSize : SerpWidth::kDescriptionPixelSize));
    s.hasKeyphrase = !keyphrase.trimmed().isEmpty() && ContentChecks::occurrences(text, keyphrase) > 0;
    FetchedSite changed = site;
    changed.page = withText(site.page, field, text);
    const Analysis a = analyze(changed, keyphrase, titlePixels, descriptionPixels);
    s.score = a.score();
    const QStringList about = checksAbout(field);
    for (const Finding &f : a.findings)
        if (about.contains(f.check))
            s.findings << f;
    return s;
}

assistant::SeoDrafts::Check Suggester::check(int titlePixels, int descriptionPixels)
{
    return [titlePixels, descriptionPixels](SeoField field, const QString &text, const QString &keyphrase) {
        return problems(field, text, keyphrase, titlePixels, descriptionPixels);
    };
}

Suggestions Suggester::judge(const FetchedSite &site, const assistant::SeoMetaDraft &draft, int titlePixels, int descriptionPixels)
{
    Suggestions out;
    out.url = site.url;
    out.keyphrase = draft.keyphrase;
    out.keyphraseProposed = draft.keyphraseProposed;
    out.currentScore = analyze(site, draft.keyphrase, titlePixels, descriptionPixels).score();
    for (const QString &t : draft.titles)
        out.titles << score(site, SeoField::Title, t, draft.keyphrase, titlePixels, descriptionPixels);
    for (const QString &d : draft.descriptions)
        out.descriptions << score(site, SeoField::Description, d, draft.keyphrase, titlePixels, descriptionPixels);
    out.recommendations = draft.recommendations;
    if (draft.keyphraseProposed)
        out.notes << tr("No keyphrase was given; LUX proposed “%1”.").arg(draft.keyphrase);
    if (out.titles.size() < assistant::SeoDrafts::kCandidates)
        out.notes << tr("Only %n of the %1 titles fit within %2 px with the keyphrase.", nullptr, int(out.titles.size()))
                         .arg(assistant::SeoDrafts::kCandidates)
                         .arg(titlePixels);
    if (out.descriptions.size() < assistant::SeoDrafts::kCandidates)
        out.notes << tr("Only %n of the %1 descriptions fit within %2 px with the keyphrase.", nullptr, int(out.descriptions.size()))
                         .arg(assistant::SeoDrafts::kCandidates)
                         .arg(descriptionPixels);
    for (const QString &r : draft.rejected)
        out.notes << tr("Left out: %1.").arg(r);
    if (draft.droppedRecommendations > 0)
        out.notes << tr("%n recommendation(s) left out: the passage they quote is not in the page.", nullptr, draft.droppedRecommendations);
    return out;
}

QCoro::Task<Result<Suggestions>> Suggester::suggest(QUrl url, SuggestOptions options)
{
    AnalyzeOptions fetching;
    fetching.allowPrivate = options.allowPrivate;
    fetching.cancellation = options.cancellation;
    auto fetchingSite = m_analyzer->fetch(url, fetching);
    const Result<FetchedSite> site = co_await fetchingSite;
    if (!site)
        co_return site.error();
    const int titlePixels = options.titlePixels;
    const int descriptionPixels = options.descriptionPixels;
    channels::Cancellation *cancel = options.cancellation.data();
    auto drafting = m_drafts->meta(site->page, options.keyphrase, titlePixels, descriptionPixels, check(titlePixels, descriptionPixels),
                                   options.assistant, cancel);
    const Result<assistant::SeoMetaDraft> draft = co_await drafting;
    if (!draft)
        co_return draft.error();
    co_return judge(*site, *draft, titlePixels, descriptionPixels);
}

} // namespace lux::seo
