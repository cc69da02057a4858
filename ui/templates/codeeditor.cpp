// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeeditor.h"

#include "theme/theme.h"

#include <QFontDatabase>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>

namespace lux::ui {

TemplateHighlighter::TemplateHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void TemplateHighlighter::highlightBlock(const QString &text)
{
    QTextCharFormat tag, attribute, value, comment, merge;
    tag.setForeground(Theme::color("accent"));
    attribute.setForeground(Theme::color("muted"));
    value.setForeground(QColor(0x75, 0xb7, 0x98));
    comment.setForeground(Theme::color("muted"));
    comment.setFontItalic(true);
    merge.setForeground(QColor(0xff, 0xc1, 0x07));
    merge.setFontWeight(QFont::Bold);

    static const QRegularExpression tags(QStringLiteral(R"(</?[A-Za-z][A-Za-z0-9-]*|/?>)"));
    static const QRegularExpression attributes(QStringLiteral(R"(\s([A-Za-z_:][-A-Za-z0-9_:.]*)=)"));
    static const QRegularExpression values(QStringLiteral(R"("[^"]*"|'[^']*')"));
    static const QRegularExpression merges(QStringLiteral(R"(\{\{\{?[^}]*\}?\}\})"));
    for (auto it = tags.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), tag);
    }
    for (auto it = attributes.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), attribute);
    }
    for (auto it = values.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), value);
    }
    // Comments may span lines: block state 1 means "inside a comment".
    int start = previousBlockState() == 1 ? 0 : int(text.indexOf(QLatin1String("<!--")));
    setCurrentBlockState(0);
    while (start >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("-->"), start);
        const int length = end < 0 ? int(text.size()) - start : int(end) - start + 3;
        setFormat(start, length, comment);
        if (end < 0) {
            setCurrentBlockState(1);
            break;
        }
        start = int(text.indexOf(QLatin1String("<!--"), end + 3));
    }
    for (auto it = merges.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), merge);
    }
}

class CodeEditor::Gutter : public QWidget
{
public:
    explicit Gutter(CodeEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return QSize(m_editor->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    CodeEditor *m_editor;
};

CodeEditor::CodeEditor(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    new TemplateHighlighter(document());
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int CodeEditor::gutterWidth() const
{
    const int digits = int(QString::number(std::max(1, blockCount())).size());
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void CodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), Theme::color("surface"));
    painter.setPen(Theme::color("muted"));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top())
            painter.drawText(0, top, m_gutter->width() - 6, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        block = block.next();
        top += height;
    }
}

void CodeEditor::goTo(int line, int column)
{
    QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

} // namespace lux::ui
