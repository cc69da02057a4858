// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "content/templatestore.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

class AppSession;
class PreviewWidget;

// Templates: the list, and for the one open its source (HTML or Markdown, highlighted, with line
// numbers), subject and preheader, a live preview beside it at desktop or phone width and any zoom,
// merged for nobody (defaults) or for a chosen contact, and the pre-send checks under the editor
// (double-click one to go to its line). Saving keeps every version.
class TemplatesPage : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatesPage(AppSession &session, QWidget *parent = nullptr);
    ~TemplatesPage() override;

    void open(const QString &name);
    void newTemplate();
    bool save(); // on the GUI thread: one row and one revision
    void setSource(const QString &source); // as if typed, without the delay
    QPlainTextEdit *editor() const { return m_editor; }
    PreviewWidget *preview() const { return m_preview; }
    QListWidget *checks() const { return m_checks; }
    QListWidget *list() const { return m_list; }
    void setPreviewWidth(int width);
    void renderAs(const QString &email); // empty: nobody

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void refresh(); // merge, check, preview
    void goToFinding(int row);
    content::EmailTemplate current() const;

    AppSession &m_session;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_format;
    QLineEdit *m_subject;
    QLineEdit *m_preheader;
    QPlainTextEdit *m_editor;
    QListWidget *m_checks;
    QComboBox *m_width;
    QComboBox *m_zoom;
    QComboBox *m_renderAs;
    QLabel *m_summary;
    PreviewWidget *m_preview;
    QPushButton *m_save;
    QTimer m_delay;
    qint64 m_id = 0;
    std::unique_ptr<content::TemplateRenderer> m_renderer;
    std::optional<contacts::Contact> m_renderAsContact;
    bool m_stale = true;
};

} // namespace lux::ui
