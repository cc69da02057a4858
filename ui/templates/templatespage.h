// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant/factguard.h"
#include "content/templatestore.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace lux::ui {

class AppSession;
class FindBar;
class PreviewWidget;
class AssistantRunner;

// Templates: the list (filter by name or tag), and for the one open its source (HTML or Markdown,
// highlighted, line numbers, find and replace), subject, preheader, tags and text part (derived from
// the HTML, or written by hand); a live preview beside it at desktop or phone width and any zoom,
// merged for nobody (defaults) or for any contact; and the pre-send checks under the editor
// (double-click one to go to its line). New from a starter, duplicate, delete, and every saved
// version kept to go back to. Components and brand kits have their own dialogs. Reads and writes run
// off the GUI thread.
class TemplatesPage : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatesPage(AppSession &session, QWidget *parent = nullptr);
    ~TemplatesPage() override;

    void open(const QString &name);
    void newTemplate(const QString &starter = {}); // a starter's file name in resources/templates, or blank
    void save();                                   // on a worker; saved() or a message follows
    void duplicateCurrent();
    void deleteCurrent();
    void showHistory();
    void setSource(const QString &source); // as if typed, without the delay
    QPlainTextEdit *editor() const { return m_editor; }
    QPlainTextEdit *textEditor() const { return m_text; }
    QCheckBox *customTextBox() const { return m_customText; }
    PreviewWidget *preview() const { return m_preview; }
    QListWidget *checks() const { return m_checks; }
    QListWidget *list() const { return m_list; }
    FindBar *findBar() const { return m_findBar; }
    QTabWidget *tabs() const { return m_tabs; }
    bool isBusy() const { return m_busy > 0 || m_lookups > 0; }
    bool isModified() const { return m_modified; }
    void setPreviewWidth(int width);
    void renderAs(const QString &email); // empty: nobody
    static QStringList starters();        // the starter templates' file names

    // LUX drafts the email from a brief; it lands here as an unsaved edit (Ask LUX → Draft).
    void draftFromBrief(const QString &brief);
    QToolButton *luxButton() const { return m_luxButton; }
    const QList<assistant::FactFinding> &facts() const { return m_facts; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void saved(const QString &name);
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reload(const QString &select = {});
    void refresh(); // merge, check, preview
    void goToFinding(int row);
    void applyFilter();
    void display(const content::EmailTemplate &t);
    bool confirmDiscard(); // true when there is nothing unsaved, or the user lets it go
    void setBusy(bool busy);
    void updateActions(); // the buttons, for the database, the template open and work under way
    void rebuildInsertMenu();
    void markModified();
    content::EmailTemplate current() const;
    QString unusedName(const QString &base) const; // base, or "base 2", "base 3"… that no template has
    // LUX in the editor (AssistantRunner runs the work; what it returns is applied as an edit).
    void luxDraft();
    void luxSubjectLines();
    void luxProductCampaign(); // products picked from the catalogue, then LUX drafts around them
    void luxRewrite(const QString &instruction);
    void luxImage();
    void insertProduct();
    void insertMediaImage();
    // A draft from LUX as an unsaved edit, after the user confirms what the guard could not check.
    void applyDraft(const QString &subject, const QString &preheader, const QString &html);
    QList<assistant::FactFinding> checkFacts(const QString &subject, const QString &preheader, const QString &source, bool html) const;
    void showFacts(); // in the checks list, and underlined in the editor
    void loadMedia(const QString &html);
    std::optional<qint64> userId() const;

    AppSession &m_session;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_format;
    QLineEdit *m_subject;
    QLineEdit *m_preheader;
    QLineEdit *m_tags;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_editor;
    FindBar *m_findBar;
    QCheckBox *m_customText;
    QPlainTextEdit *m_text;
    QListWidget *m_checks;
    QComboBox *m_width;
    QComboBox *m_zoom;
    QComboBox *m_renderAs;
    QLabel *m_summary;
    PreviewWidget *m_preview;
    QPushButton *m_save;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_history;
    QMenu *m_insertMenu;
    QToolButton *m_luxButton;
    AssistantRunner *m_lux;
    // The product-fact guard over the synced catalogue (none without one), read with the page.
    std::shared_ptr<const assistant::FactGuard> m_guard;
    QList<assistant::FactFinding> m_facts; // of what is shown now
    // Media library images the template shows (cid:media-N), read on a worker as they appear.
    QHash<QString, QByteArray> m_media;
    QSet<QString> m_mediaAsked;
    QTimer m_delay;
    qint64 m_id = 0;
    QList<content::EmailTemplate> m_templates;
    std::unique_ptr<content::TemplateRenderer> m_renderer;
    std::optional<contacts::Contact> m_renderAsContact;
    QString m_generatedText;
    bool m_stale = true;
    bool m_modified = false;
    bool m_loading = false; // filling the fields from a stored template is not an edit
    int m_busy = 0;
    int m_lookups = 0; // render-as contacts being read
};

} // namespace lux::ui
