// SPDX-License-Identifier: GPL-3.0-or-later
#include "suggestionsdialog.h"

#include "common/labels.h"
#include "seowidgets.h"
#include "theme/theme.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lux::ui {

namespace {

QString kindName(const QString &kind)
{
    if (kind == QLatin1String("heading"))
        return SuggestionsDialog::tr("Heading");
    if (kind == QLatin1String("internal_link"))
        return SuggestionsDialog::tr("Internal link");
    return SuggestionsDialog::tr("Topic");
}

} // namespace

SuggestionsDialog::SuggestionsDialog(const seo::Suggestions &suggestions, QWidget *parent) : QDialog(parent), m_suggestions(suggestions)
{
    setObjectName(QStringLiteral("seoSuggestions"));
    setWindowTitle(tr("Suggestions from LUX"));
    resize(900, 760);
    auto *layout = new QVBoxLayout(this);
    QString keyphrase = suggestions.keyphraseProposed ? tr("Focus keyphrase proposed by LUX: “%1”.").arg(suggestions.keyphrase)
                                                      : tr("Focus keyphrase: “%1”.").arg(suggestions.keyphrase);
    auto *intro = plainLabel(keyphrase + u' ' +
                                 tr("The page scores %1 now. Each text below was measured and scored by the same analysis, with "
                                    "the page as it is otherwise.")
                                     .arg(suggestions.currentScore),
                             this);
    intro->setObjectName(QStringLiteral("seoSuggestionsIntro"));
    layout->addWidget(intro);
    m_preview = new SerpPreview(this);
    m_preview->setObjectName(QStringLiteral("seoSuggestionsPreview"));
    layout->addWidget(m_preview);

    const auto section = [this, layout](const QString &title, QTreeWidget *view, const QString &copyText, void (SuggestionsDialog::*copy)()) {
        auto *head = new QHBoxLayout;
        auto *label = new QLabel(title, this);
        label->setProperty("role", QStringLiteral("section"));
        head->addWidget(label, 1);
        auto *button = new QPushButton(Theme::icon(QStringLiteral("copy")), copyText, this);
        button->setEnabled(view->topLevelItemCount() > 0);
        connect(button, &QPushButton::clicked, this, copy);
        head->addWidget(button);
        layout->addLayout(head);
        layout->addWidget(view);
    };
    m_titles = candidates(suggestions.titles, tr("titles"));
    m_titles->setObjectName(QStringLiteral("seoSuggestedTitles"));
    m_descriptions = candidates(suggestions.descriptions, tr("descriptions"));
    m_descriptions->setObjectName(QStringLiteral("seoSuggestedDescriptions"));
    section(tr("Titles"), m_titles, tr("Copy Title"), &SuggestionsDialog::copyTitle);
    section(tr("Descriptions"), m_descriptions, tr("Copy Description"), &SuggestionsDialog::copyDescription);

    auto *recTitle = new QLabel(tr("Content recommendations"), this);
    recTitle->setProperty("role", QStringLiteral("section"));
    layout->addWidget(recTitle);
    m_recommendations = new QTextBrowser(this);
    m_recommendations->setObjectName(QStringLiteral("seoRecommendations"));
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html;
    for (const assistant::SeoRecommendation &r : suggestions.recommendations)
        html += QStringLiteral("<p><b>%1:</b> %2<br><i>“%3”</i><br>%4</p>")
                    .arg(esc(kindName(r.kind)), esc(r.suggestion), esc(r.passage), esc(tr("Why: %1").arg(r.why)));
    if (suggestions.recommendations.isEmpty())
        html = QStringLiteral("<p>%1</p>").arg(esc(tr("LUX has no recommendations for this page's content.")));
    m_recommendations->setHtml(html);
    layout->addWidget(m_recommendations, 1);
    if (!suggestions.notes.isEmpty()) {
        auto *notes = plainLabel(suggestions.notes.join(u'\n'), this, QStringLiteral("muted"));
        notes->setObjectName(QStringLiteral("seoSuggestionsNotes"));
        layout->addWidget(notes);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_titles, &QTreeWidget::currentItemChanged, this, &SuggestionsDialog::updatePreview);
    connect(m_descriptions, &QTreeWidget::currentItemChanged, this, &SuggestionsDialog::updatePreview);
    updatePreview();
}

QTreeWidget *SuggestionsDialog::candidates(const QList<seo::ScoredText> &texts, const QString &what)
{
    auto *view = new QTreeWidget(this);
    view->setRootIsDecorated(false);
    view->setHeaderLabels({tr("Text"), tr("Width"), tr("Keyphrase"), tr("Score"), tr("Still to fix")});
    view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->header()->setStretchLastSection(false);
    for (int c = 1; c < 5; ++c)
        view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    view->setAccessibleName(tr("Suggested %1").arg(what));
    for (const seo::ScoredText &t : texts) {
        const int delta = t.score - m_suggestions.currentScore;
        auto *item = new QTreeWidgetItem(view, {t.text, tr("%1 of %2 px").arg(t.pixels).arg(t.limit), t.hasKeyphrase ? tr("yes") : tr("no"),
                                                delta == 0 ? QString::number(t.score)
                                                           : tr("%1 (%2%3)").arg(t.score).arg(delta > 0 ? QStringLiteral("+") : QString()).arg(delta)});
        item->setToolTip(0, t.text);
        item->setToolTip(3, tr("Lighthouse's SEO score of the page with this text"));
        QStringList remaining;
        for (const seo::Finding &f : t.findings)
            remaining << f.message;
        item->setText(4, remaining.isEmpty() ? tr("nothing") : tr("%n finding(s)", nullptr, int(remaining.size())));
        if (!remaining.isEmpty())
            item->setToolTip(4, remaining.join(u'\n'));
    }
    view->setCurrentItem(view->topLevelItem(0));
    view->setMaximumHeight(view->sizeHintForRow(0) * 3 + view->header()->sizeHint().height() + 8);
    return view;
}

void SuggestionsDialog::updatePreview()
{
    const QTreeWidgetItem *title = m_titles->currentItem();
    const QTreeWidgetItem *description = m_descriptions->currentItem();
    const int titleLimit = m_suggestions.titles.isEmpty() ? 600 : m_suggestions.titles.first().limit;
    const int descriptionLimit = m_suggestions.descriptions.isEmpty() ? 920 : m_suggestions.descriptions.first().limit;
    m_preview->setResult(m_suggestions.url, title ? title->text(0) : QString(), description ? description->text(0) : QString(), titleLimit,
                         descriptionLimit);
}

void SuggestionsDialog::copyTitle()
{
    if (const QTreeWidgetItem *item = m_titles->currentItem())
        QGuiApplication::clipboard()->setText(item->text(0));
}

void SuggestionsDialog::copyDescription()
{
    if (const QTreeWidgetItem *item = m_descriptions->currentItem())
        QGuiApplication::clipboard()->setText(item->text(0));
}

} // namespace lux::ui
