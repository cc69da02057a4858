// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

namespace lux::ui {

// Lighthouse's score circle: 0–100 in its colours (under 50 red, under 90 orange, else green); empty
// before a score.
class ScoreGauge : public QWidget
{
    Q_OBJECT
public:
    explicit ScoreGauge(QWidget *parent = nullptr);
    void setScore(int score); // -1: none
    int score() const { return m_score; }
    QSize sizeHint() const override { return {76, 76}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_score = -1;
};

// The page as Google's desktop results show it: the site and address as a breadcrumb, the title in
// Arial at 20 px cut at the title limit, the description at 14 px cut at its limit over two lines.
// The cuts are seo::SerpWidth's, the same the analysis measures.
class SerpPreview : public QWidget
{
    Q_OBJECT
public:
    explicit SerpPreview(QWidget *parent = nullptr);

    void setResult(const QUrl &url, const QString &title, const QString &description, int titlePixels, int descriptionPixels);
    void clear();
    // What is drawn, as the result shows it (for the tests and the report).
    QString shownTitle() const { return m_title; }
    QString shownDescription() const { return m_description; }
    bool titleCut() const { return m_titleCut; }
    bool descriptionCut() const { return m_descriptionCut; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static constexpr int kResultWidth = 600; // Google's desktop result column
    QUrl m_url;
    QString m_title;
    QString m_description;
    bool m_titleCut = false;
    bool m_descriptionCut = false;
};

} // namespace lux::ui
