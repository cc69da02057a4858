// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatespage.h"

#include "brandkitdialog.h"
#include "codeeditor.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/mediapicker.h"
#include "componentsdialog.h"
#include "contacts/contactrepository.h"
#include "findbar.h"
#include "assistant/mediastore.h"
#include "channels/woocommerce/productstore.h"
#include "productpicker.h"
#include "common/assistantrunner.h"
#include "historydialog.h"
#include "preview/previewwidget.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QCoroTask>
#include <QInputDialog>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTextBlock>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace lux::ui {

namespace {

using storage::ScopedConnection;

constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kColumnRole = Qt::UserRole + 2;
constexpr int kWhereRole = Qt::UserRole + 3;

// What the page needs from the database, read on a worker.
struct PageData
{
    QList<content::EmailTemplate> templates;
    QStringList contacts; // the first few, to render as
    QStringList components;
    std::shared_ptr<content::TemplateRenderer> renderer;
    std::shared_ptr<const assistant::FactGuard> guard; // none without a synced catalogue
};

QString starterTitle(const QString &file)
{
    const QString stem = file.section(u'.', 0, 0);
    if (stem == QLatin1String("newsletter"))
        return TemplatesPage::tr("Newsletter");
    if (stem == QLatin1String("announcement"))
        return TemplatesPage::tr("Announcement");
    if (stem == QLatin1String("promotion"))
        return TemplatesPage::tr("Product Promotion");
    if (stem == QLatin1String("event"))
        return TemplatesPage::tr("Event Invitation");
    if (stem == QLatin1String("letter"))
        return TemplatesPage::tr("Plain Letter");
    return stem;
}

const char *kStarter = R"(<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;background:#f4f4f4">
<span style="display:none">{{preheader}}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#f4f4f4">
  <tr><td align="center">
    <table role="presentation" width="100%" cellpadding="24" cellspacing="0" bgcolor="#ffffff" style="max-width:600px">
      <tr><td style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#333333">
        <h1 style="margin:0 0 12px;font-size:24px;color:#111111">Hi {{first_name | default: "there"}},</h1>
        <p style="margin:0 0 16px">Write your message here.</p>
        <p style="font-size:12px;color:#777777">{{brand.address}}<br>
          <a href="{{{unsubscribe_url}}}" style="color:#777777">Unsubscribe</a></p>
      </td></tr>
    </table>
  </td></tr>
</table>
</body>
</html>
)";

} // namespace

TemplatesPage::TemplatesPage(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(tr("Templates"), this);
    title->setProperty("role", QStringLiteral("title"));
    head->addWidget(title, 1);
    auto *newButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New"), this);
    newButton->setObjectName(QStringLiteral("templatesNew"));
    auto *newMenu = new QMenu(newButton);
    newMenu->addAction(tr("Blank Template"), this, [this] { newTemplate(); });
    newMenu->addSection(tr("From a starter"));
    for (const QString &file : starters())
        newMenu->addAction(starterTitle(file), this, [this, file] { newTemplate(file); });
    newButton->setMenu(newMenu);
    m_duplicate = new QPushButton(Theme::icon(QStringLiteral("copy")), tr("Duplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("templatesDuplicate"));
    m_delete = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("templatesDelete"));
    m_history = new QPushButton(Theme::icon(QStringLiteral("clock")), tr("History…"), this);
    m_history->setObjectName(QStringLiteral("templatesHistory"));
    m_history->setToolTip(tr("Every saved version, to look at or go back to"));
    auto *components = new QPushButton(Theme::icon(QStringLiteral("blocks")), tr("Components…"), this);
    components->setObjectName(QStringLiteral("templatesComponents"));
    auto *brand = new QPushButton(Theme::icon(QStringLiteral("palette")), tr("Brand Kits…"), this);
    brand->setObjectName(QStringLiteral("templatesBrandKits"));
    m_save = new QPushButton(Theme::icon(QStringLiteral("check")), tr("Save"), this);
    m_save->setObjectName(QStringLiteral("templatesSave"));
    m_save->setProperty("primary", true);
    m_save->setToolTip(tr("Save a new version (Ctrl+S)"));
    for (QPushButton *b : {newButton, m_duplicate, m_delete, m_history})
        head->addWidget(b);
    head->addSpacing(12);
    head->addWidget(components);
    head->addWidget(brand);
    head->addSpacing(12);
    head->addWidget(m_save);
    layout->addLayout(head);
    layout->addSpacing(8);

    auto *split = new QSplitter(this);
    auto *listPane = new QWidget(split);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(listPane);
    m_filter->setObjectName(QStringLiteral("templatesFilter"));
    m_filter->setPlaceholderText(tr("Name or tag"));
    m_filter->setToolTip(tr("Filter by name or tag"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_list = new QListWidget(listPane);
    m_list->setObjectName(QStringLiteral("templatesList"));
    m_list->setMinimumWidth(160);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_list, 1);

    auto *editorPane = new QWidget(split);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(editorPane);
    m_name->setObjectName(QStringLiteral("templateName"));
    m_format = new QComboBox(editorPane);
    m_format->setObjectName(QStringLiteral("templateFormat"));
    m_format->addItem(tr("HTML"), QStringLiteral("html"));
    m_format->addItem(tr("Markdown"), QStringLiteral("markdown"));
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_format);
    form->addRow(tr("Name"), nameRow);
    m_subject = new QLineEdit(editorPane);
    m_subject->setObjectName(QStringLiteral("templateSubject"));
    m_subject->setPlaceholderText(tr("e.g. Spring news for {{first_name | default: \"you\"}}"));
    form->addRow(tr("Subject"), m_subject);
    m_preheader = new QLineEdit(editorPane);
    m_preheader->setObjectName(QStringLiteral("templatePreheader"));
    m_preheader->setPlaceholderText(tr("The line inboxes show after the subject"));
    form->addRow(tr("Preheader"), m_preheader);
    m_tags = new QLineEdit(editorPane);
    m_tags->setObjectName(QStringLiteral("templateTags"));
    m_tags->setPlaceholderText(tr("e.g. monthly, spring (separated by commas)"));
    form->addRow(tr("Tags"), m_tags);
    editorLayout->addLayout(form);

    auto *tools = new QHBoxLayout;
    auto *insert = new QToolButton(editorPane);
    insert->setObjectName(QStringLiteral("templateInsert"));
    insert->setText(tr("Insert"));
    insert->setIcon(Theme::icon(QStringLiteral("blocks")));
    insert->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    insert->setPopupMode(QToolButton::InstantPopup);
    m_insertMenu = new QMenu(insert);
    insert->setMenu(m_insertMenu);
    auto *find = new QToolButton(editorPane);
    find->setText(tr("Find and Replace"));
    find->setIcon(Theme::icon(QStringLiteral("search")));
    find->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    find->setToolTip(tr("Find (Ctrl+F), replace (Ctrl+H)"));
    m_luxButton = new QToolButton(editorPane);
    m_luxButton->setObjectName(QStringLiteral("templateLux"));
    m_luxButton->setText(tr("Ask LUX"));
    m_luxButton->setIcon(Theme::icon(QStringLiteral("sparkles")));
    m_luxButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_luxButton->setPopupMode(QToolButton::InstantPopup);
    m_luxButton->setToolTip(tr("Drafts and rewrites from LUX, the assistant: they land here as edits you review"));
    auto *luxMenu = new QMenu(m_luxButton);
    luxMenu->addAction(tr("Draft This Email from a Brief…"), this, &TemplatesPage::luxDraft);
    luxMenu->addAction(tr("Product Campaign…"), this, &TemplatesPage::luxProductCampaign);
    luxMenu->addAction(tr("Suggest Subject Lines…"), this, &TemplatesPage::luxSubjectLines);
    QMenu *rewrite = luxMenu->addMenu(tr("Rewrite the Selection"));
    const QList<std::pair<QString, QString>> rewrites = {
        {tr("Shorter"), QStringLiteral("make it shorter, same meaning")},
        {tr("Friendlier"), QStringLiteral("make the tone warmer and friendlier")},
        {tr("More Formal"), QStringLiteral("make the tone more formal")},
        {tr("Clearer"), QStringLiteral("make it clearer and more direct")},
        {tr("In Spanish"), QStringLiteral("translate it into Spanish")},
        {tr("In English"), QStringLiteral("translate it into English")},
    };
    for (const auto &[label, instruction] : rewrites)
        rewrite->addAction(label, this, [this, instruction = instruction] { luxRewrite(instruction); });
    rewrite->addSeparator();
    rewrite->addAction(tr("Your Own Instruction…"), this, [this] {
        bool ok = false;
        const QString instruction = QInputDialog::getText(this, tr("Rewrite the Selection"), tr("How should LUX rewrite it?"),
                                                          QLineEdit::Normal, {}, &ok);
        if (ok && !instruction.trimmed().isEmpty())
            luxRewrite(instruction.trimmed());
    });
    luxMenu->addSeparator();
    luxMenu->addAction(tr("Generate an Image…"), this, &TemplatesPage::luxImage);
    m_luxButton->setMenu(luxMenu);
    m_lux = new AssistantRunner(m_session, this);
    tools->addWidget(insert);
    tools->addWidget(m_luxButton);
    tools->addWidget(find);
    tools->addStretch(1);
    editorLayout->addLayout(tools);

    m_tabs = new QTabWidget(editorPane);
    m_tabs->setObjectName(QStringLiteral("templateTabs"));
    auto *sourceTab = new QWidget(m_tabs);
    auto *sourceLayout = new QVBoxLayout(sourceTab);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    m_editor = new CodeEditor(sourceTab);
    m_editor->setObjectName(QStringLiteral("templateEditor"));
    m_findBar = new FindBar(m_editor, sourceTab);
    sourceLayout->addWidget(m_editor, 1);
    sourceLayout->addWidget(m_findBar);
    m_tabs->addTab(sourceTab, tr("Email"));
    auto *textTab = new QWidget(m_tabs);
    auto *textLayout = new QVBoxLayout(textTab);
    textLayout->setContentsMargins(0, 4, 0, 0);
    m_customText = new QCheckBox(tr("Write the plain-text version myself"), textTab);
    m_customText->setObjectName(QStringLiteral("templateCustomText"));
    m_customText->setToolTip(tr("Off: the text version is made from the HTML each time, with links listed at the end."));
    m_text = new CodeEditor(textTab);
    m_text->setObjectName(QStringLiteral("templateText"));
    m_text->setReadOnly(true);
    textLayout->addWidget(m_customText);
    textLayout->addWidget(m_text, 1);
    m_tabs->addTab(textTab, tr("Plain Text"));
    editorLayout->addWidget(m_tabs, 3);
    m_summary = new QLabel(editorPane);
    m_summary->setObjectName(QStringLiteral("templateChecksSummary"));
    m_summary->setProperty("role", QStringLiteral("subtitle"));
    editorLayout->addWidget(m_summary);
    m_checks = new QListWidget(editorPane);
    m_checks->setObjectName(QStringLiteral("templateChecks"));
    m_checks->setWordWrap(true);
    editorLayout->addWidget(m_checks, 1);

    auto *previewPane = new QWidget(split);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *previewBar = new QHBoxLayout;
    m_width = new QComboBox(previewPane);
    m_width->setObjectName(QStringLiteral("previewWidth"));
    m_width->addItem(tr("Desktop (600 px)"), 600);
    m_width->addItem(tr("Wide (800 px)"), 800);
    m_width->addItem(tr("Phone (375 px)"), 375);
    m_zoom = new QComboBox(previewPane);
    m_zoom->setObjectName(QStringLiteral("previewZoom"));
    for (const int percent : {50, 75, 100, 125, 150, 200})
        m_zoom->addItem(QStringLiteral("%1 %").arg(percent), percent);
    m_zoom->setCurrentIndex(m_zoom->findData(100));
    m_renderAs = new QComboBox(previewPane);
    m_renderAs->setObjectName(QStringLiteral("previewRenderAs"));
    m_renderAs->setEditable(true);
    m_renderAs->setInsertPolicy(QComboBox::NoInsert);
    m_renderAs->setMinimumContentsLength(18);
    m_renderAs->lineEdit()->setPlaceholderText(tr("Any contact's email address"));
    m_renderAs->setToolTip(tr("Pick a contact, or type any contact's address and press Enter"));
    previewBar->addWidget(new QLabel(tr("Render as"), previewPane));
    previewBar->addWidget(m_renderAs, 1);
    previewBar->addWidget(m_width);
    previewBar->addWidget(m_zoom);
    previewLayout->addLayout(previewBar);
    m_preview = new PreviewWidget(previewPane);
    // A template kept in the database has no folder of its own, and there is no media library yet:
    // the preview's folder list stays empty, so it shows no local image (a file: URL, a path) unless
    // the person allows them from anywhere (Settings, General).
    m_preview->setAllowAnyLocalImage(m_session.settings().previewAnyLocalImage());
    connect(&m_session.settings(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::PreviewAnyLocalImage)
            m_preview->setAllowAnyLocalImage(m_session.settings().previewAnyLocalImage());
    });
    previewLayout->addWidget(m_preview, 1);

    split->addWidget(listPane);
    split->addWidget(editorPane);
    split->addWidget(previewPane);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 3);
    split->setSizes({170, 460, 520});
    layout->addWidget(split, 1);

    m_delay.setSingleShot(true);
    m_delay.setInterval(200);
    connect(&m_delay, &QTimer::timeout, this, &TemplatesPage::refresh);
    for (QLineEdit *edit : {m_subject, m_preheader, m_name, m_tags})
        connect(edit, &QLineEdit::textChanged, this, &TemplatesPage::markModified);
    for (QLineEdit *edit : {m_subject, m_preheader})
        connect(edit, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        markModified();
        m_delay.start();
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_customText->isChecked()) {
            markModified();
            m_delay.start();
        }
    });
    connect(m_customText, &QCheckBox::toggled, this, [this](bool custom) {
        m_text->setReadOnly(!custom);
        if (!m_loading) {
            markModified();
            if (!custom)
                m_text->setPlainText(m_generatedText);
        }
        refresh();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        markModified();
        refresh();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &TemplatesPage::applyFilter);
    const auto lookUpRenderAs = [this] {
        const QString email = m_renderAs->currentText().trimmed();
        m_renderAsContact.reset();
        if (email.isEmpty() || !m_session.database() || email == m_renderAs->itemText(0)) {
            refresh();
            return;
        }
        // Read once when chosen, not on every edit.
        ++m_lookups;
        runOnDatabase<Result<contacts::Contact>>(
            this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
            [email](QSqlDatabase &db) { return contacts::ContactRepository(db).findByEmail(email); },
            [this, email](const Result<contacts::Contact> &found) {
                --m_lookups;
                if (m_renderAs->currentText().trimmed() != email)
                    return; // another choice since
                if (found)
                    m_renderAsContact = *found;
                else
                    Q_EMIT statusMessage(tr("No contact has the address %1; showing the defaults.").arg(email));
                refresh();
            });
    };
    connect(m_renderAs, &QComboBox::activated, this, lookUpRenderAs);
    connect(m_renderAs->lineEdit(), &QLineEdit::returnPressed, this, lookUpRenderAs);
    connect(m_width, &QComboBox::currentIndexChanged, this, [this] { m_preview->setPreviewWidth(m_width->currentData().toInt()); });
    connect(m_zoom, &QComboBox::currentIndexChanged, this, [this] { m_preview->setZoom(m_zoom->currentData().toInt() / 100.0); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { open(item->data(Qt::UserRole).toString()); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { open(item->data(Qt::UserRole).toString()); });
    connect(m_checks, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { goToFinding(m_checks->row(item)); });
    connect(m_checks, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { goToFinding(m_checks->row(item)); });
    connect(m_save, &QPushButton::clicked, this, &TemplatesPage::save);
    connect(m_duplicate, &QPushButton::clicked, this, &TemplatesPage::duplicateCurrent);
    connect(m_delete, &QPushButton::clicked, this, &TemplatesPage::deleteCurrent);
    connect(m_history, &QPushButton::clicked, this, &TemplatesPage::showHistory);
    connect(find, &QToolButton::clicked, m_findBar, &FindBar::showReplace);
    connect(components, &QPushButton::clicked, this, [this] {
        ComponentsDialog dialog(m_session, this);
        connect(&dialog, &ComponentsDialog::changed, this, [this] { reload(m_name->text()); });
        dialog.exec();
    });
    connect(brand, &QPushButton::clicked, this, [this] {
        BrandKitDialog dialog(m_session, this);
        connect(&dialog, &BrandKitDialog::changed, this, [this] { reload(m_name->text()); });
        dialog.exec();
    });
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, [this] { save(); });
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_preview, &PreviewWidget::linkHovered, this, [this](const QString &url) {
        Q_EMIT statusMessage(url.isEmpty() ? QString() : tr("Link: %1").arg(url));
    });
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_stale = true;
        m_modified = false;
        m_id = 0;
        if (isVisible())
            reload();
    });
    rebuildInsertMenu();
}

TemplatesPage::~TemplatesPage() = default;

QStringList TemplatesPage::starters()
{
    // In the order a marketer reaches for them.
    return {QStringLiteral("newsletter.html"), QStringLiteral("announcement.html"), QStringLiteral("promotion.html"),
            QStringLiteral("event.html"), QStringLiteral("letter.html")};
}

std::optional<qint64> TemplatesPage::userId() const
{
    return m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
}

void TemplatesPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        reload();
    QWidget::showEvent(event);
}

void TemplatesPage::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    updateActions();
}

void TemplatesPage::updateActions()
{
    const bool writable = m_session.database() && !m_session.database()->isReadOnly();
    const bool stored = m_id != 0;
    m_save->setEnabled(writable && m_busy == 0);
    m_duplicate->setEnabled(writable && stored && m_busy == 0);
    m_delete->setEnabled(writable && stored && m_busy == 0);
    m_history->setEnabled(stored && m_busy == 0);
}

void TemplatesPage::markModified()
{
    if (!m_loading)
        m_modified = true;
}

void TemplatesPage::reload(const QString &select)
{
    m_stale = false;
    if (!m_session.database()) {
        m_list->clear();
        return;
    }
    setBusy(true);
    runOnDatabase<Result<PageData>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<PageData> {
            PageData data;
            content::TemplateStore store(db);
            data.templates = store.list();
            data.components = store.components().keys();
            data.components.sort(Qt::CaseInsensitive);
            data.renderer = std::make_shared<content::TemplateRenderer>(db);
            const channels::woo::ProductStore catalogue(db);
            if (const auto products = catalogue.all(); products && !products->isEmpty()) {
                const auto state = catalogue.state();
                data.guard = std::make_shared<const assistant::FactGuard>(*products, state ? state->currency : QString());
            }
            if (const auto first = contacts::ContactRepository(db).page({}, 50))
                for (const contacts::Contact &c : *first)
                    data.contacts << c.email;
            return data;
        },
        [this, select](const Result<PageData> &data) {
            setBusy(false);
            if (!data) {
                Dialogs::warning(this, tr("Templates"), data.error().message);
                return;
            }
            m_templates = data->templates;
            m_renderer = std::make_unique<content::TemplateRenderer>(*data->renderer);
            m_guard = data->guard;
            const QString typed = m_renderAs->currentText();
            m_renderAs->clear();
            m_renderAs->addItem(tr("Nobody (defaults)"), QString());
            for (const QString &email : data->contacts)
                m_renderAs->addItem(email, email);
            if (m_renderAsContact)
                m_renderAs->setCurrentText(typed);
            m_list->clear();
            for (const content::EmailTemplate &t : std::as_const(m_templates)) {
                auto *item = new QListWidgetItem(Theme::icon(QStringLiteral("template")), t.name, m_list);
                item->setData(Qt::UserRole, t.name);
                item->setToolTip(t.tags.isEmpty() ? t.name : tr("%1 — tags: %2").arg(t.name, t.tags.join(QStringLiteral(", "))));
            }
            applyFilter();
            m_insertMenu->setProperty("components", data->components);
            rebuildInsertMenu();
            const QString wanted = select.isEmpty() ? (m_id != 0 ? m_name->text() : QString()) : select;
            const auto it = std::find_if(m_templates.cbegin(), m_templates.cend(), [&](const content::EmailTemplate &t) {
                return t.name.compare(wanted, Qt::CaseInsensitive) == 0;
            });
            if (m_modified) {
                refresh(); // keep what is being edited; components or the brand kit may have changed
            } else if (it != m_templates.cend()) {
                display(*it);
            } else if (!m_templates.isEmpty()) {
                display(m_templates.first());
            } else {
                newTemplate();
            }
            Q_EMIT loaded();
        });
}

void TemplatesPage::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const auto &t = m_templates.value(i);
        const bool match = needle.isEmpty() || t.name.contains(needle, Qt::CaseInsensitive)
                           || std::any_of(t.tags.cbegin(), t.tags.cend(), [&](const QString &tag) { return tag.contains(needle, Qt::CaseInsensitive); });
        item->setHidden(!match);
    }
}

void TemplatesPage::rebuildInsertMenu()
{
    m_insertMenu->clear();
    const QStringList components = m_insertMenu->property("components").toStringList();
    QMenu *include = m_insertMenu->addMenu(tr("Component (edited in one place)"));
    QMenu *copy = m_insertMenu->addMenu(tr("Copy of a Component (to edit here)"));
    if (components.isEmpty()) {
        include->addAction(tr("No components yet: add them with Components…"))->setEnabled(false);
        copy->addAction(tr("No components yet: add them with Components…"))->setEnabled(false);
    }
    for (const QString &name : components) {
        include->addAction(name, this, [this, name] { m_editor->insertPlainText(QStringLiteral("{{> %1}}").arg(name)); });
        copy->addAction(name, this, [this, name] {
            if (!m_session.database())
                return;
            runOnDatabase<Result<QString>>(
                this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
                [name](QSqlDatabase &db) -> Result<QString> { return content::TemplateStore(db).components().value(name); },
                [this](const Result<QString> &source) {
                    if (source)
                        m_editor->insertPlainText(*source);
                });
        });
    }
    QMenu *tags = m_insertMenu->addMenu(tr("Merge Tag"));
    const QList<std::pair<QString, QString>> common = {
        {tr("First name, or “there”"), QStringLiteral("{{first_name | default: \"there\"}}")},
        {tr("Last name"), QStringLiteral("{{last_name}}")},
        {tr("Email address"), QStringLiteral("{{email}}")},
        {tr("Company"), QStringLiteral("{{company}}")},
        {tr("Unsubscribe link"), QStringLiteral("{{{unsubscribe_url}}}")},
        {tr("Preferences link"), QStringLiteral("{{{preferences_url}}}")},
        {tr("View online link"), QStringLiteral("{{{view_online_url}}}")},
        {tr("Postal address (brand kit)"), QStringLiteral("{{brand.address}}")},
        {tr("Primary colour (brand kit)"), QStringLiteral("{{brand.primary_color}}")},
        {tr("Current year"), QStringLiteral("{{current_year}}")},
    };
    for (const auto &[label, tag] : common)
        tags->addAction(label, this, [this, tag = tag] { m_editor->insertPlainText(tag); });
    m_insertMenu->addSeparator();
    m_insertMenu->addAction(tr("Product from the Store…"), this, &TemplatesPage::insertProduct);
    m_insertMenu->addAction(tr("Image from the Media Library…"), this, &TemplatesPage::insertMediaImage);
}

bool TemplatesPage::confirmDiscard()
{
    if (!m_modified)
        return true;
    const auto answer = Dialogs::question(this, tr("Unsaved Changes"), tr("Save the changes to “%1” first?").arg(m_name->text()),
                                          QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        // The save runs on a worker and may fail; the edit stays in view until it is stored.
        save();
        return false;
    }
    m_modified = false;
    return true;
}

void TemplatesPage::open(const QString &name)
{
    const auto it = std::find_if(m_templates.cbegin(), m_templates.cend(),
                                 [&](const content::EmailTemplate &t) { return t.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (it == m_templates.cend()) {
        Dialogs::warning(this, tr("Templates"), tr("There is no template named “%1”.").arg(name));
        return;
    }
    if (it->id == m_id && !m_modified)
        return;
    if (!confirmDiscard())
        return;
    display(*it);
}

void TemplatesPage::display(const content::EmailTemplate &t)
{
    m_loading = true;
    m_id = t.id;
    m_name->setText(t.name);
    m_format->setCurrentIndex(std::max(0, m_format->findData(t.format)));
    m_subject->setText(t.subject);
    m_preheader->setText(t.preheader);
    m_tags->setText(t.tags.join(QStringLiteral(", ")));
    m_editor->setPlainText(t.source);
    m_customText->setChecked(!t.textPart.isEmpty());
    m_text->setPlainText(t.textPart);
    m_loading = false;
    m_modified = false;
    m_preview->forgetRemoteImages();
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == t.name)
            m_list->setCurrentRow(i);
    updateActions();
    refresh();
}

void TemplatesPage::newTemplate(const QString &starter)
{
    if (!confirmDiscard())
        return;
    QString source = QString::fromUtf8(kStarter);
    QString name = tr("Untitled");
    if (!starter.isEmpty()) {
        QFile file(QStringLiteral(":/templates/") + starter);
        if (file.open(QIODevice::ReadOnly)) {
            source = QString::fromUtf8(file.readAll());
            name = starterTitle(starter);
        }
    }
    content::EmailTemplate t;
    t.name = unusedName(name);
    t.source = source;
    display(t);
    m_list->clearSelection();
    m_modified = !starter.isEmpty();
}

QString TemplatesPage::unusedName(const QString &base) const
{
    QString name = base;
    for (int n = 2; std::any_of(m_templates.cbegin(), m_templates.cend(),
                                [&](const content::EmailTemplate &t) { return t.name.compare(name, Qt::CaseInsensitive) == 0; });
         ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

content::EmailTemplate TemplatesPage::current() const
{
    content::EmailTemplate t;
    t.id = m_id;
    t.name = m_name->text().trimmed();
    t.format = m_format->currentData().toString();
    t.subject = m_subject->text();
    t.preheader = m_preheader->text();
    t.source = m_editor->toPlainText();
    t.textPart = m_customText->isChecked() ? m_text->toPlainText() : QString();
    for (const QString &tag : m_tags->text().split(u',', Qt::SkipEmptyParts))
        if (const QString trimmed = tag.trimmed(); !trimmed.isEmpty() && !t.tags.contains(trimmed, Qt::CaseInsensitive))
            t.tags << trimmed;
    return t;
}

void TemplatesPage::save()
{
    if (!m_session.database() || m_session.database()->isReadOnly() || m_busy > 0)
        return;
    const content::EmailTemplate t = current();
    setBusy(true);
    runOnDatabase<Result<content::EmailTemplate>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadWrite,
        [t, user = userId()](QSqlDatabase &db) { return content::TemplateStore(db).save(t, user); },
        [this, edited = t](const Result<content::EmailTemplate> &stored) {
            setBusy(false);
            if (!stored) {
                Dialogs::warning(this, tr("Templates"), stored.error().message);
                return;
            }
            // What was typed since the save started stays marked as unsaved.
            const content::EmailTemplate now = current();
            m_modified = now.source != edited.source || now.subject != edited.subject || now.preheader != edited.preheader
                         || now.name != edited.name || now.textPart != edited.textPart || now.tags != edited.tags
                         || now.format != edited.format;
            m_id = stored->id;
            Q_EMIT statusMessage(tr("Template “%1” saved.").arg(stored->name));
            Q_EMIT m_session.auditChanged();
            Q_EMIT saved(stored->name);
            reload(stored->name);
        });
}

void TemplatesPage::duplicateCurrent()
{
    if (m_id == 0 || !m_session.database() || m_busy > 0 || !confirmDiscard())
        return;
    const QString name = m_name->text().trimmed();
    QString copyName = tr("%1 (copy)").arg(name);
    for (int n = 2; std::any_of(m_templates.cbegin(), m_templates.cend(),
                                [&](const content::EmailTemplate &t) { return t.name.compare(copyName, Qt::CaseInsensitive) == 0; });
         ++n)
        copyName = tr("%1 (copy %2)").arg(name).arg(n);
    setBusy(true);
    runOnDatabase<Result<content::EmailTemplate>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadWrite,
        [name, copyName, user = userId()](QSqlDatabase &db) { return content::TemplateStore(db).duplicate(name, copyName, user); },
        [this](const Result<content::EmailTemplate> &copy) {
            setBusy(false);
            if (!copy) {
                Dialogs::warning(this, tr("Templates"), copy.error().message);
                return;
            }
            m_modified = false;
            Q_EMIT statusMessage(tr("Duplicated as “%1”.").arg(copy->name));
            Q_EMIT m_session.auditChanged();
            reload(copy->name);
        });
}

void TemplatesPage::deleteCurrent()
{
    if (m_id == 0 || !m_session.database() || m_busy > 0)
        return;
    const QString name = m_name->text().trimmed();
    if (Dialogs::question(this, tr("Delete Template"),
                          tr("Delete the template “%1” and all its saved versions? This cannot be undone.").arg(name),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    setBusy(true);
    runOnDatabase<Status>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadWrite,
        [name, user = userId()](QSqlDatabase &db) { return content::TemplateStore(db).remove(name, user); },
        [this, name](const Status &s) {
            setBusy(false);
            if (!s) {
                Dialogs::warning(this, tr("Templates"), s.error().message);
                return;
            }
            m_id = 0;
            m_modified = false;
            Q_EMIT statusMessage(tr("Template “%1” deleted.").arg(name));
            Q_EMIT m_session.auditChanged();
            reload();
        });
}

void TemplatesPage::showHistory()
{
    if (m_id == 0 || !m_session.database())
        return;
    const qint64 id = m_id;
    runOnDatabase<Result<QList<content::TemplateRevision>>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) -> Result<QList<content::TemplateRevision>> { return content::TemplateStore(db).revisions(id); },
        [this, id](const Result<QList<content::TemplateRevision>> &revisions) {
            if (!revisions || id != m_id)
                return;
            HistoryDialog dialog(m_name->text(), *revisions, this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            const content::TemplateRevision r = dialog.chosen();
            if (r.id == 0)
                return;
            // Back in the editor as an edit: saving makes it the newest version.
            m_format->setCurrentIndex(std::max(0, m_format->findData(r.format)));
            m_subject->setText(r.subject);
            m_preheader->setText(r.preheader);
            m_editor->setPlainText(r.source);
            m_customText->setChecked(!r.textPart.isEmpty());
            if (!r.textPart.isEmpty())
                m_text->setPlainText(r.textPart);
            m_modified = true;
            Q_EMIT statusMessage(tr("An earlier version is in the editor; save to keep it as the newest."));
        });
}

void TemplatesPage::setSource(const QString &source)
{
    m_editor->setPlainText(source);
    m_delay.stop();
    refresh();
}

void TemplatesPage::setPreviewWidth(int width)
{
    m_width->setCurrentIndex(std::max(0, m_width->findData(width)));
}

void TemplatesPage::renderAs(const QString &email)
{
    if (const int i = m_renderAs->findData(email); i >= 0)
        m_renderAs->setCurrentIndex(i);
    else
        m_renderAs->setCurrentText(email);
    Q_EMIT m_renderAs->activated(m_renderAs->currentIndex());
}

void TemplatesPage::refresh()
{
    if (!m_renderer)
        return;
    loadMedia(m_editor->toPlainText());
    // The preview gets placeholder links: nothing in it can reach a tracker.
    const content::RenderedEmail r =
        m_renderer->render(current(), m_renderAsContact ? &*m_renderAsContact : nullptr,
                           {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://unsubscribe.invalid/preview")},
                            {QStringLiteral("preferences_url"), QStringLiteral("https://preferences.invalid/preview")},
                            {QStringLiteral("view_online_url"), QStringLiteral("https://view.invalid/preview")}});
    // Over the limits, nothing of the template was parsed: the check below says where.
    const bool refused = std::any_of(r.findings.cbegin(), r.findings.cend(), &content::PreSendCheck::refuses);
    m_preview->setHtml(r.html.isEmpty() && !r.findings.isEmpty()
                           ? QStringLiteral("<p style=\"font-family:sans-serif;color:#b02a37;padding:16px\">%1</p>")
                                 .arg((refused ? tr("The template is too large or too deeply nested to show; the check below says where.")
                                               : tr("Fix the merge tags marked below to see the preview."))
                                          .toHtmlEscaped())
                           : r.html);
    if (!m_customText->isChecked()) {
        m_generatedText = r.text;
        if (m_text->toPlainText() != r.text) {
            const bool wasLoading = m_loading;
            m_loading = true;
            m_text->setPlainText(r.text);
            m_loading = wasLoading;
        }
    }
    m_checks->clear();
    int errors = 0, warnings = 0;
    for (const content::Finding &f : r.findings) {
        QString place;
        switch (f.where) {
        case content::Finding::Where::Subject: place = tr("Subject"); break;
        case content::Finding::Where::Preheader: place = tr("Preheader"); break;
        case content::Finding::Where::TextPart: place = f.line > 0 ? tr("Plain text %1:%2").arg(f.line).arg(f.column) : tr("Plain text"); break;
        case content::Finding::Where::Body: place = f.line > 0 ? tr("Line %1:%2").arg(f.line).arg(f.column) : tr("Message"); break;
        }
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(place, f.message), m_checks);
        const char *icon = f.severity == content::Finding::Severity::Error     ? "alert"
                           : f.severity == content::Finding::Severity::Warning ? "info"
                                                                               : "check";
        item->setIcon(Theme::icon(QString::fromLatin1(icon)));
        item->setForeground(f.severity == content::Finding::Severity::Error     ? Theme::color("danger")
                            : f.severity == content::Finding::Severity::Warning ? Theme::color("warning")
                                                                                : Theme::color("muted"));
        item->setData(kLineRole, f.where == content::Finding::Where::Body || f.where == content::Finding::Where::TextPart ? f.line : 0);
        item->setData(kColumnRole, f.column);
        item->setData(kWhereRole, int(f.where));
        errors += f.severity == content::Finding::Severity::Error ? 1 : 0;
        warnings += f.severity == content::Finding::Severity::Warning ? 1 : 0;
    }
    m_facts = checkFacts(m_subject->text(), m_preheader->text(), m_editor->toPlainText(),
                         m_format->currentData().toString() != QLatin1String("markdown"));
    showFacts();
    errors += int(std::count_if(m_facts.cbegin(), m_facts.cend(),
                                [](const assistant::FactFinding &f) { return f.kind != assistant::FactFinding::Kind::UnknownPrice; }));
    warnings += int(std::count_if(m_facts.cbegin(), m_facts.cend(),
                                  [](const assistant::FactFinding &f) { return f.kind == assistant::FactFinding::Kind::UnknownPrice; }));
    m_summary->setText(r.findings.isEmpty() && m_facts.isEmpty() ? tr("Checks: ready to send.")
                       : errors == 0    ? tr("Checks: nothing blocks sending; %n warning(s) to look at.", nullptr, warnings)
                                        : tr("Checks: %1, %2.")
                                           .arg(tr("%n error(s) that block sending", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
}

void TemplatesPage::goToFinding(int row)
{
    QListWidgetItem *item = m_checks->item(row);
    if (!item || item->data(kLineRole).toInt() <= 0)
        return;
    const bool text = item->data(kWhereRole).toInt() == int(content::Finding::Where::TextPart);
    m_tabs->setCurrentIndex(text ? 1 : 0);
    static_cast<CodeEditor *>(text ? m_text : m_editor)->goTo(item->data(kLineRole).toInt(), item->data(kColumnRole).toInt());
}


// LUX in the editor. Every answer lands as an edit to review; saving stays the user's.

void TemplatesPage::luxDraft()
{
    bool ok = false;
    const QString brief = QInputDialog::getMultiLineText(
        this, tr("Draft This Email from a Brief"),
        tr("What is the email for? LUX uses your brand kit, components and products, and the draft opens here unsaved."), {}, &ok);
    if (ok && !brief.trimmed().isEmpty())
        draftFromBrief(brief);
}

void TemplatesPage::luxProductCampaign()
{
    if (!m_session.database())
        return;
    const QList<channels::woo::Product> products = ProductPicker::pickSeveral(m_session.database()->path(), this);
    if (products.isEmpty())
        return;
    QStringList names;
    for (const channels::woo::Product &p : products)
        names << (p.sku.isEmpty() ? p.name : QStringLiteral("%1 (SKU %2)").arg(p.name, p.sku));
    bool ok = false;
    const QString angle = QInputDialog::getText(this, tr("Product Campaign"),
                                                tr("%n product(s) chosen. What is the occasion or the angle? (optional)", nullptr, int(products.size())),
                                                QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    // The model looks the products up in the catalogue (search_products) for their facts.
    draftFromBrief(QStringLiteral("A campaign around these products from the store: %1.%2")
                       .arg(names.join(QStringLiteral("; ")),
                            angle.trimmed().isEmpty() ? QString() : QString(u' ' + angle.trimmed())));
}

void TemplatesPage::draftFromBrief(const QString &brief)
{
    m_lux->withSession([this, brief](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is drafting the email…"));
        QCoro::connect(lux->drafts().campaign(brief.trimmed(), {}, busy.cancel), this,
                       [this, lux, busy](const Result<assistant::Drafts::CampaignDraft> &draft) {
                           busy.finished();
                           if (!draft) {
                               if (draft.error().code != u"openai.cancelled")
                                   Dialogs::warning(this, tr("LUX"), draft.error().message);
                               return;
                           }
                           applyDraft(draft->subject, draft->preheader, draft->html);
                           if (!draft->notes.isEmpty())
                               Q_EMIT statusMessage(tr("LUX: %1").arg(draft->notes));
                       });
    });
}

void TemplatesPage::applyDraft(const QString &subject, const QString &preheader, const QString &html)
{
    // What the guard cannot confirm is said before the draft is applied.
    const QList<assistant::FactFinding> facts = checkFacts(subject, preheader, html, true);
    if (!facts.isEmpty()) {
        QStringList lines;
        for (const assistant::FactFinding &f : facts)
            lines << QStringLiteral("• ") + f.message;
        const auto answer = Dialogs::question(this, tr("Product Facts to Check"),
                                              tr("%n product fact(s) in LUX's draft do not match the synced catalogue or cannot be checked:",
                                                 nullptr, int(facts.size()))
                                                  + u"\n\n" + lines.join(u'\n') + u"\n\n"
                                                  + tr("Apply the draft anyway? They stay marked in the checks until you fix them."),
                                              QMessageBox::Apply | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Apply)
            return;
    }
    if (!confirmDiscard())
        return;
    if (m_id == 0 && m_name->text().trimmed().isEmpty())
        newTemplate();
    if (m_id == 0) // a new template is named after its subject
        m_name->setText(unusedName(subject.trimmed().isEmpty() ? tr("LUX draft") : subject.trimmed().left(60)));
    m_subject->setText(subject);
    m_preheader->setText(preheader);
    m_format->setCurrentIndex(std::max(0, m_format->findData(QStringLiteral("html"))));
    m_editor->setPlainText(html); // one undo step: the editor's history keeps what was there
    markModified();
    m_delay.stop();
    refresh();
    Q_EMIT statusMessage(tr("LUX's draft is in the editor, not saved: review it, then save."));
}

void TemplatesPage::luxSubjectLines()
{
    const QString context = m_subject->text() + u"\n\n" + m_generatedText.left(4000);
    m_lux->withSession([this, context](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is writing subject lines…"));
        QCoro::connect(lux->drafts().subjectLines(context, {}, busy.cancel), this, [this, lux, busy](const Result<QStringList> &lines) {
            busy.finished();
            if (!lines) {
                if (lines.error().code != u"openai.cancelled")
                    Dialogs::warning(this, tr("LUX"), lines.error().message);
                return;
            }
            bool ok = false;
            const QString chosen = QInputDialog::getItem(this, tr("Suggest Subject Lines"), tr("Pick one (you can edit it after):"),
                                                         *lines, 0, false, &ok);
            if (ok && !chosen.isEmpty())
                m_subject->setText(chosen);
        });
    });
}

void TemplatesPage::luxRewrite(const QString &instruction)
{
    QTextCursor cursor = m_editor->textCursor();
    if (!cursor.hasSelection()) {
        Dialogs::information(this, tr("Rewrite the Selection"), tr("Select the text LUX should rewrite first."));
        return;
    }
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    const QString selection = cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n');
    m_lux->withSession([this, instruction, selection, start, end](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is rewriting the selection…"));
        QCoro::connect(lux->drafts().rewrite(selection, instruction, {}, busy.cancel), this,
                       [this, lux, busy, selection, start, end](const Result<QString> &text) {
                           busy.finished();
                           if (!text) {
                               if (text.error().code != u"openai.cancelled")
                                   Dialogs::warning(this, tr("LUX"), text.error().message);
                               return;
                           }
                           // Only where the selection still is: an edit made meanwhile is not overwritten.
                           QTextCursor c(m_editor->document());
                           c.setPosition(start);
                           c.setPosition(end, QTextCursor::KeepAnchor);
                           if (c.selectedText().replace(QChar::ParagraphSeparator, u'\n') != selection) {
                               Dialogs::information(this, tr("Rewrite the Selection"),
                                                    tr("The text changed while LUX worked; its rewrite was not applied:\n\n%1").arg(*text));
                               return;
                           }
                           c.insertText(*text); // one step on the editor's undo stack
                           m_editor->setTextCursor(c);
                       });
    });
}

void TemplatesPage::luxImage()
{
    bool ok = false;
    const QString prompt = QInputDialog::getMultiLineText(this, tr("Generate an Image"),
                                                          tr("Describe the image (it goes into the media library and here, with alt text):"),
                                                          {}, &ok)
                               .trimmed();
    if (!ok || prompt.isEmpty() || !m_session.database())
        return;
    const QString path = m_session.database()->path();
    const std::optional<qint64> user = userId();
    m_lux->withSession([this, prompt, path, user](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is making the image…"));
        channels::openai::ImageRequest request;
        request.model = lux->setup().imageModel;
        request.prompt = prompt;
        QCoro::connect(lux->client().generateImage(request, busy.cancel), this,
                       [this, lux, busy, prompt, path, user](const Result<channels::openai::GeneratedImage> &image) {
                           if (!image) {
                               busy.finished();
                               if (image.error().code != u"openai.cancelled")
                                   Dialogs::warning(this, tr("LUX"), image.error().message);
                               return;
                           }
                           QCoro::connect(lux->drafts().altText(prompt, {}, busy.cancel), this,
                                          [this, busy, prompt, path, user, data = image->data](const Result<QString> &alt) {
                                              busy.finished();
                                              assistant::MediaItem item;
                                              item.name = prompt.left(60);
                                              item.data = data;
                                              item.prompt = prompt;
                                              item.source = QStringLiteral("ai");
                                              item.alt = alt ? *alt : QString(); // no alt text: the check asks for one
                                              runOnDatabase<Result<qint64>>(
                                                  this, path, ScopedConnection::Mode::ReadWrite,
                                                  [item, user](QSqlDatabase &db) { return assistant::MediaStore(db).add(item, user); },
                                                  [this, item](const Result<qint64> &id) {
                                                      if (!id) {
                                                          Dialogs::warning(this, tr("LUX"), id.error().message);
                                                          return;
                                                      }
                                                      m_media.insert(assistant::MediaStore::contentId(*id), item.data);
                                                      m_preview->setInlineImages(m_media);
                                                      m_editor->insertPlainText(
                                                          QStringLiteral("<img src=\"cid:%1\" width=\"600\" alt=\"%2\" style=\"display:block;width:100%;"
                                                                         "max-width:600px;height:auto;border:0\">")
                                                              .arg(assistant::MediaStore::contentId(*id), item.alt.toHtmlEscaped()));
                                                  });
                                          });
                       });
    });
}

void TemplatesPage::insertProduct()
{
    if (!m_session.database())
        return;
    if (const std::optional<QString> card = ProductPicker::pick(m_session.database()->path(), this))
        m_editor->insertPlainText(*card);
}

void TemplatesPage::insertMediaImage()
{
    if (!m_session.database())
        return;
    // The library as thumbnails (read and scaled on a worker); window-modal, so the page goes on.
    auto *picker = new MediaPicker(m_session.database()->path(), QAbstractItemView::SingleSelection, this);
    picker->setWindowTitle(tr("Insert an Image from the Media Library"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const QList<assistant::MediaItem> chosen = picker->chosen();
        if (chosen.isEmpty())
            return;
        const assistant::MediaItem &m = chosen.first();
        m_editor->insertPlainText(QStringLiteral("<img src=\"cid:%1\" width=\"%2\" alt=\"%3\" style=\"display:block;width:100%;"
                                                 "max-width:%2px;height:auto;border:0\">")
                                      .arg(assistant::MediaStore::contentId(m.id))
                                      .arg(std::min(600, m.size.width()))
                                      .arg(m.alt.toHtmlEscaped()));
    });
    picker->open();
}

QList<assistant::FactFinding> TemplatesPage::checkFacts(const QString &subject, const QString &preheader, const QString &source,
                                                        bool html) const
{
    if (!m_guard)
        return {};
    return m_guard->check(assistant::Draft{subject, preheader, source, html});
}

void TemplatesPage::showFacts()
{
    QList<QTextEdit::ExtraSelection> marks;
    for (const assistant::FactFinding &f : std::as_const(m_facts)) {
        auto *item = new QListWidgetItem(tr("Product facts — %1").arg(f.message), m_checks);
        item->setIcon(Theme::icon(QStringLiteral("alert")));
        item->setForeground(f.kind == assistant::FactFinding::Kind::UnknownPrice ? Theme::color("warning") : Theme::color("danger"));
        if (f.field != assistant::FactFinding::Field::Body)
            continue;
        // Underlined where it is in the source; the line of the check goes there.
        QTextCursor c(m_editor->document());
        c.setPosition(int(std::min<qsizetype>(f.offset, m_editor->document()->characterCount() - 1)));
        item->setData(kLineRole, c.blockNumber() + 1);
        item->setData(kColumnRole, c.positionInBlock() + 1);
        item->setData(kWhereRole, int(content::Finding::Where::Body));
        c.setPosition(int(std::min<qsizetype>(f.offset + f.length, m_editor->document()->characterCount() - 1)), QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection mark;
        mark.cursor = c;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(Theme::color("danger"));
        mark.format.setToolTip(f.message);
        marks << mark;
    }
    m_editor->setExtraSelections(marks);
}

void TemplatesPage::loadMedia(const QString &html)
{
    static const QRegularExpression ref(QStringLiteral("cid:(media-\\d{1,18})\\b"), QRegularExpression::CaseInsensitiveOption);
    QList<qint64> wanted;
    for (auto it = ref.globalMatch(html); it.hasNext();) {
        const QString id = it.next().captured(1).toLower();
        if (!m_media.contains(id) && !m_mediaAsked.contains(id)) {
            m_mediaAsked.insert(id);
            wanted << id.mid(6).toLongLong();
        }
    }
    if (wanted.isEmpty() || !m_session.database())
        return;
    runOnDatabase<Result<QHash<QString, QByteArray>>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
        [wanted](QSqlDatabase &db) -> Result<QHash<QString, QByteArray>> {
            QHash<QString, QByteArray> found;
            const assistant::MediaStore store(db);
            for (const qint64 id : wanted)
                if (const auto item = store.find(id))
                    found.insert(assistant::MediaStore::contentId(id), item->data);
            return found;
        },
        [this](const Result<QHash<QString, QByteArray>> &found) {
            if (!found || found->isEmpty())
                return;
            m_media.insert(*found);
            m_preview->setInlineImages(m_media);
            refresh();
        });
}

} // namespace lux::ui
