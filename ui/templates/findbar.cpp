// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include "theme/theme.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>

namespace lux::ui {

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent) : QWidget(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("findBar"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 4, 0, 4);
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findText"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    auto *previous = new QPushButton(tr("Previous"), this);
    auto *next = new QPushButton(tr("Next"), this);
    m_matchCase = new QCheckBox(tr("Match case"), this);
    m_count = new QLabel(this);
    m_count->setProperty("role", QStringLiteral("subtitle"));
    auto *close = new QToolButton(this);
    close->setIcon(Theme::icon(QStringLiteral("x")));
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(previous, 0, 1);
    grid->addWidget(next, 0, 2);
    grid->addWidget(m_matchCase, 0, 3);
    grid->addWidget(m_count, 0, 4);
    grid->addWidget(close, 0, 5);

    m_replaceRow = new QWidget(this);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    m_replace = new QLineEdit(m_replaceRow);
    m_replace->setObjectName(QStringLiteral("replaceText"));
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    auto *replaceEvery = new QPushButton(tr("Replace All"), m_replaceRow);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    grid->addWidget(m_replaceRow, 1, 0, 1, 6);
    grid->setColumnStretch(0, 1);

    connect(m_find, &QLineEdit::textChanged, this, &FindBar::updateCount);
    connect(m_matchCase, &QCheckBox::toggled, this, &FindBar::updateCount);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (isVisible())
            updateCount();
    });
    // The shortcuts work wherever the focus is in the editor's window.
    auto *find = new QShortcut(QKeySequence::Find, m_editor, [this] { showFind(); });
    find->setContext(Qt::WidgetWithChildrenShortcut);
    auto *replace = new QShortcut(QKeySequence(tr("Ctrl+H")), m_editor, [this] { showReplace(); });
    replace->setContext(Qt::WidgetWithChildrenShortcut);
    hide();
}

void FindBar::showFind()
{
    m_replaceRow->hide();
    show();
    if (const QString selected = m_editor->textCursor().selectedText(); !selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_find->setFocus();
    m_find->selectAll();
    updateCount();
}

void FindBar::showReplace()
{
    showFind();
    m_replaceRow->show();
}

bool FindBar::findNext(bool backwards)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_matchCase->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_editor->find(needle, flags))
        return true;
    // Wrap around once.
    QTextCursor wrap = m_editor->textCursor();
    wrap.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_editor->setTextCursor(wrap);
    return m_editor->find(needle, flags);
}

bool FindBar::replaceCurrent()
{
    const Qt::CaseSensitivity cs = m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection() && cursor.selectedText().compare(m_find->text(), cs) == 0)
        cursor.insertText(m_replace->text());
    return findNext();
}

int FindBar::replaceAll()
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_matchCase->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *doc = m_editor->document();
    QTextCursor edit(doc);
    edit.beginEditBlock();
    int replaced = 0;
    QTextCursor at(doc);
    while (true) {
        at = doc->find(needle, at, flags);
        if (at.isNull())
            break;
        at.insertText(m_replace->text());
        ++replaced;
    }
    edit.endEditBlock();
    m_count->setText(tr("%n replaced", nullptr, replaced));
    return replaced;
}

int FindBar::countMatches() const
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    return int(m_editor->toPlainText().count(needle, m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive));
}

void FindBar::updateCount()
{
    const int n = countMatches();
    m_count->setText(m_find->text().isEmpty() ? QString() : n == 0 ? tr("No matches") : tr("%n match(es)", nullptr, n));
    m_find->setProperty("invalid", !m_find->text().isEmpty() && n == 0);
    m_find->style()->unpolish(m_find);
    m_find->style()->polish(m_find);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() & Qt::ShiftModifier) {
        findNext(true);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace lux::ui
