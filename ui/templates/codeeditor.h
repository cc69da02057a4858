// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>

namespace lux::ui {

// Colours for email source: HTML tags and attributes, comments (and Outlook's conditional ones),
// and merge tags, which stand out most since a wrong one stops a send.
class TemplateHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit TemplateHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

// A plain-text editor with line numbers in a gutter (findings point at lines), a monospace font and
// the template highlighter.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);
    void goTo(int line, int column); // 1-based

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    class Gutter;
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

    Gutter *m_gutter;
};

} // namespace lux::ui
