// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "seo/suggester.h"

#include <QDialog>

class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace lux::ui {

class SerpPreview;

// LUX's suggestions for a page (seo::Suggester): three titles and three descriptions, each with its
// width against the limit, the keyphrase, and the score the page would have with it; the chosen pair
// drawn as the search result would show it, each copied with one click; the content recommendations
// with the passage each is about; what was left out, and why.
class SuggestionsDialog : public QDialog
{
    Q_OBJECT
public:
    SuggestionsDialog(const seo::Suggestions &suggestions, QWidget *parent = nullptr);

    QTreeWidget *titlesView() const { return m_titles; }
    QTreeWidget *descriptionsView() const { return m_descriptions; }
    QTextBrowser *recommendationsView() const { return m_recommendations; }
    SerpPreview *preview() const { return m_preview; }
    void copyTitle();
    void copyDescription();

private:
    QTreeWidget *candidates(const QList<seo::ScoredText> &texts, const QString &what);
    void updatePreview();

    seo::Suggestions m_suggestions;
    SerpPreview *m_preview = nullptr;
    QTreeWidget *m_titles = nullptr;
    QTreeWidget *m_descriptions = nullptr;
    QTextBrowser *m_recommendations = nullptr;
};

} // namespace lux::ui
