// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant/seodrafts.h"
#include "seo/analyzer.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace lux::seo {

// A proposed title or description as the analysis judges it on the page: its width against the
// limit, the keyphrase, Lighthouse's score of the page with it, and the findings about it that remain.
struct ScoredText
{
    QString text;
    int pixels = 0;
    int limit = 0;
    bool hasKeyphrase = false;
    int score = 0;
    QList<Finding> findings; // about the title or the description (width, keyphrase, audit)
};

// "Suggestions from LUX" (issue 21, docs/SEO.md): three titles and three descriptions, each measured
// and scored, and content recommendations with the passage they concern.
struct Suggestions
{
    QUrl url;
    QString keyphrase;
    bool keyphraseProposed = false;
    int currentScore = 0; // the page as it is
    QList<ScoredText> titles;
    QList<ScoredText> descriptions;
    QList<assistant::SeoRecommendation> recommendations;
    QStringList notes; // what was left out and why, in words

    // {"url", "keyphrase", "titles": [{"text", "pixels", "limit", "has_keyphrase", "score", "findings"}],
    //  "descriptions": […], "recommendations": [{"kind", "passage", "suggestion", "why"}], "notes": […]}
    QJsonObject toJson() const;
};

struct SuggestOptions
{
    QString keyphrase; // empty: the model proposes one
    bool allowPrivate = false;
    int titlePixels = 600;
    int descriptionPixels = 920;
    assistant::Assistant::Options assistant;
    QPointer<channels::Cancellation> cancellation;
};

// Fetches a page as the analysis does, asks LUX for its search-result texts and recommendations
// (assistant::SeoDrafts), and judges every candidate with the analysis itself: its pixel width
// (SerpWidth), the keyphrase as ContentChecks finds it, and the page analysed with it in place. Needs
// fonts (a QGuiApplication).
class Suggester
{
    Q_DECLARE_TR_FUNCTIONS(lux::seo::Suggester)
public:
    Suggester(Analyzer *analyzer, assistant::SeoDrafts *drafts) : m_analyzer(analyzer), m_drafts(drafts) {}

    // Parameters by value: a coroutine outlives its caller's temporaries.
    QCoro::Task<Result<Suggestions>> suggest(QUrl url, SuggestOptions options);

    // The check SeoDrafts::meta puts every candidate through: problems() with these limits.
    static assistant::SeoDrafts::Check check(int titlePixels, int descriptionPixels);
    // What keeps a candidate from being shown: wider than the limit, or without the keyphrase.
    static QStringList problems(assistant::SeoField field, const QString &text, const QString &keyphrase, int titlePixels,
                                int descriptionPixels);
    // The page with `text` as its title or meta description, analysed as the page is.
    static ScoredText score(const FetchedSite &site, assistant::SeoField field, const QString &text, const QString &keyphrase,
                            int titlePixels, int descriptionPixels);
    // A copy of the page with its title or (first head) meta description replaced.
    static Page withText(const Page &page, assistant::SeoField field, const QString &text);
    // The analysis of a fetched page with the width findings (what luxctl seo analyze reports).
    static Analysis analyze(const FetchedSite &site, const QString &keyphrase, int titlePixels, int descriptionPixels);
    // The draft's candidates scored, and notes for what is missing.
    static Suggestions judge(const FetchedSite &site, const assistant::SeoMetaDraft &draft, int titlePixels, int descriptionPixels);

private:
    Analyzer *m_analyzer;
    assistant::SeoDrafts *m_drafts;
};

} // namespace lux::seo
