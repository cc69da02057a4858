// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

// Find and replace for a plain-text editor, shown under it: Ctrl+F finds, Ctrl+H replaces, Enter and
// Shift+Enter go to the next and previous match (wrapping around), Escape closes. The count of
// matches says when there are none. Replace All is one undo step.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    void showFind();
    void showReplace();
    bool findNext(bool backwards = false);
    bool replaceCurrent(); // replaces the selected match, then finds the next
    int replaceAll();      // how many were replaced
    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int countMatches() const;
    void updateCount();

    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_matchCase;
    QLabel *m_count;
    QWidget *m_replaceRow;
};

} // namespace lux::ui
