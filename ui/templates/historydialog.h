// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "content/templatestore.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

// A template's saved versions, newest first, each shown read-only; "Open This Version" puts one back
// in the editor, where saving makes it the newest version (nothing is ever overwritten).
class HistoryDialog : public QDialog
{
    Q_OBJECT
public:
    HistoryDialog(const QString &templateName, const QList<content::TemplateRevision> &revisions, QWidget *parent = nullptr);
    QListWidget *list() const { return m_list; }
    content::TemplateRevision chosen() const;

private:
    QList<content::TemplateRevision> m_revisions; // newest first
    QListWidget *m_list;
    QPlainTextEdit *m_source;
    QLabel *m_details;
};

} // namespace lux::ui
