// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant.h"
#include "seo/page.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

namespace lux::assistant {

enum class SeoField { Title, Description };

// A content recommendation, tied to the passage of the page it is about (verbatim from the page).
struct SeoRecommendation
{
    QString kind; // "topic", "heading" or "internal_link"
    QString passage;
    QString suggestion;
    QString why;
};

// What LUX proposes for a page's search result (issue 21): titles and descriptions that passed the
// caller's check (at most three each), and the recommendations whose passage is in the page.
struct SeoMetaDraft
{
    QString keyphrase;              // the one given, or the model's proposal when none was
    bool keyphraseProposed = false; // the model chose it
    QStringList titles;
    QStringList descriptions;
    QList<SeoRecommendation> recommendations;
    QStringList rejected;        // each candidate that failed the check twice, with why (translated)
    int droppedRecommendations = 0; // their passage is not in the page
    bool retried = false;           // a second round was asked for the candidates that failed
};

// The page's search-result texts drafted by the model, never trusted: every candidate title and
// description goes through the caller's check (its pixel width and the keyphrase, which need fonts:
// seo::Suggester); the failed ones are sent back once with the reasons, and only those that pass
// are kept. A recommendation whose passage is not found in the page's text is dropped.
class SeoDrafts
{
    Q_DECLARE_TR_FUNCTIONS(lux::assistant::SeoDrafts)
public:
    static constexpr int kExcerptChars = 6'000; // of the page's text in the prompt
    static constexpr int kMaxLinks = 40;        // internal links in the prompt
    static constexpr int kMaxHeadings = 40;
    static constexpr int kCandidates = 3;

    // A candidate's problems (wider than the result shows, no keyphrase), translated; none: it passes.
    using Check = std::function<QStringList(SeoField field, const QString &text, const QString &keyphrase)>;

    explicit SeoDrafts(Assistant *assistant) : m_assistant(assistant) {}

    // Parameters by value: a coroutine outlives its caller's temporaries.
    QCoro::Task<Result<SeoMetaDraft>> meta(seo::Page page, QString keyphrase, int titlePixels, int descriptionPixels, Check check,
                                           Assistant::Options options, channels::Cancellation *cancel = nullptr);

    static QJsonObject schema();
    // The prompt: the page's title, description, headings, an excerpt of its text, its internal links
    // and the limits.
    static QString prompt(const seo::Page &page, const QString &keyphrase, int titlePixels, int descriptionPixels);
    // Whether `passage` is in the page's text (title, description, headings, paragraphs, links, body),
    // whitespace collapsed and case ignored.
    static bool inPage(const QString &passage, const seo::Page &page);

private:
    Assistant *m_assistant;
};

} // namespace lux::assistant
