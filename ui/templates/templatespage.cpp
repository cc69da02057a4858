// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatespage.h"

#include "app/appsession.h"
#include "codeeditor.h"
#include "common/dialogs.h"
#include "contacts/contactrepository.h"
#include "preview/previewwidget.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QSqlQuery>
#include <QVBoxLayout>

namespace lux::ui {

namespace {

constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kColumnRole = Qt::UserRole + 2;

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
    auto *newButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New Template"), this);
    newButton->setObjectName(QStringLiteral("templatesNew"));
    m_save = new QPushButton(Theme::icon(QStringLiteral("check")), tr("Save"), this);
    m_save->setObjectName(QStringLiteral("templatesSave"));
    m_save->setProperty("primary", true);
    m_save->setToolTip(tr("Save a new version (Ctrl+S)"));
    head->addWidget(newButton);
    head->addWidget(m_save);
    layout->addLayout(head);
    layout->addSpacing(8);

    auto *split = new QSplitter(this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("templatesList"));
    m_list->setMinimumWidth(150);

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
    editorLayout->addLayout(form);
    m_editor = new CodeEditor(editorPane);
    m_editor->setObjectName(QStringLiteral("templateEditor"));
    editorLayout->addWidget(m_editor, 3);
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
    m_renderAs->setMinimumContentsLength(18);
    previewBar->addWidget(new QLabel(tr("Render as"), previewPane));
    previewBar->addWidget(m_renderAs, 1);
    previewBar->addWidget(m_width);
    previewBar->addWidget(m_zoom);
    previewLayout->addLayout(previewBar);
    m_preview = new PreviewWidget(previewPane);
    previewLayout->addWidget(m_preview, 1);

    split->addWidget(m_list);
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
    for (QLineEdit *edit : {m_subject, m_preheader})
        connect(edit, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(m_editor, &QPlainTextEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(m_format, &QComboBox::currentIndexChanged, this, &TemplatesPage::refresh);
    connect(m_renderAs, &QComboBox::currentIndexChanged, this, [this] {
        // Read once when chosen, not on every edit.
        m_renderAsContact.reset();
        if (const QString email = m_renderAs->currentData().toString(); !email.isEmpty() && m_session.database())
            if (const auto found = contacts::ContactRepository(m_session.database()->connection()).findByEmail(email); found)
                m_renderAsContact = *found;
        refresh();
    });
    connect(m_width, &QComboBox::currentIndexChanged, this, [this] { m_preview->setPreviewWidth(m_width->currentData().toInt()); });
    connect(m_zoom, &QComboBox::currentIndexChanged, this, [this] { m_preview->setZoom(m_zoom->currentData().toInt() / 100.0); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { open(item->text()); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { open(item->text()); });
    connect(m_checks, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { goToFinding(m_checks->row(item)); });
    connect(m_checks, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { goToFinding(m_checks->row(item)); });
    connect(newButton, &QPushButton::clicked, this, &TemplatesPage::newTemplate);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, [this] { save(); });
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_preview, &PreviewWidget::linkHovered, this, [this](const QString &url) {
        Q_EMIT statusMessage(url.isEmpty() ? QString() : tr("Link: %1").arg(url));
    });
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            reload();
    });
}

TemplatesPage::~TemplatesPage() = default;

void TemplatesPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        reload();
    QWidget::showEvent(event);
}

void TemplatesPage::reload()
{
    m_stale = false;
    m_list->clear();
    m_renderAs->clear();
    m_renderAs->addItem(tr("Nobody (defaults)"), QString());
    if (!m_session.database())
        return;
    QSqlDatabase db = m_session.database()->connection();
    m_renderer = std::make_unique<content::TemplateRenderer>(db);
    for (const content::EmailTemplate &t : content::TemplateStore(db).list())
        m_list->addItem(t.name);
    // The first contacts to render as; more come with the campaign wizard's audience picker.
    const auto first = contacts::ContactRepository(db).page({}, 50);
    if (first)
        for (const contacts::Contact &c : *first)
            m_renderAs->addItem(c.email, c.email);
    const bool writable = !m_session.database()->isReadOnly();
    m_save->setEnabled(writable);
    if (m_list->count() > 0)
        open(m_list->item(0)->text());
    else
        newTemplate();
}

void TemplatesPage::open(const QString &name)
{
    if (!m_session.database())
        return;
    const auto t = content::TemplateStore(m_session.database()->connection()).find(name);
    if (!t) {
        Dialogs::warning(this, tr("Templates"), t.error().message);
        return;
    }
    m_id = t->id;
    m_name->setText(t->name);
    m_format->setCurrentIndex(std::max(0, m_format->findData(t->format)));
    m_subject->setText(t->subject);
    m_preheader->setText(t->preheader);
    m_editor->setPlainText(t->source);
    const auto items = m_list->findItems(t->name, Qt::MatchExactly);
    if (!items.isEmpty())
        m_list->setCurrentItem(items.first());
    refresh();
}

void TemplatesPage::newTemplate()
{
    m_id = 0;
    m_list->clearSelection();
    m_name->setText(tr("Untitled"));
    m_format->setCurrentIndex(0);
    m_subject->clear();
    m_preheader->clear();
    m_editor->setPlainText(QString::fromUtf8(kStarter));
    refresh();
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
    return t;
}

bool TemplatesPage::save()
{
    if (!m_session.database() || m_session.database()->isReadOnly())
        return false;
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    const auto saved = content::TemplateStore(m_session.database()->connection()).save(current(), user);
    if (!saved) {
        Dialogs::warning(this, tr("Templates"), saved.error().message);
        return false;
    }
    m_id = saved->id;
    if (m_list->findItems(saved->name, Qt::MatchExactly).isEmpty()) {
        m_list->addItem(saved->name);
        m_list->sortItems();
    }
    const auto items = m_list->findItems(saved->name, Qt::MatchExactly);
    if (!items.isEmpty())
        m_list->setCurrentItem(items.first());
    Q_EMIT statusMessage(tr("Template “%1” saved.").arg(saved->name));
    Q_EMIT m_session.auditChanged();
    return true;
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
    m_renderAs->setCurrentIndex(std::max(0, m_renderAs->findData(email)));
}

void TemplatesPage::refresh()
{
    if (!m_renderer)
        return;
    // The preview gets placeholder links: nothing in it can reach a tracker.
    const content::RenderedEmail r =
        m_renderer->render(current(), m_renderAsContact ? &*m_renderAsContact : nullptr,
                           {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://unsubscribe.invalid/preview")},
                            {QStringLiteral("preferences_url"), QStringLiteral("https://preferences.invalid/preview")},
                            {QStringLiteral("view_online_url"), QStringLiteral("https://view.invalid/preview")}});
    m_preview->setHtml(r.html.isEmpty() && !r.findings.isEmpty()
                           ? QStringLiteral("<p style=\"font-family:sans-serif;color:#b02a37;padding:16px\">%1</p>")
                                 .arg(tr("Fix the merge tags marked below to see the preview.").toHtmlEscaped())
                           : r.html);
    m_checks->clear();
    int errors = 0, warnings = 0;
    for (const content::Finding &f : r.findings) {
        QString place;
        switch (f.where) {
        case content::Finding::Where::Subject: place = tr("Subject"); break;
        case content::Finding::Where::Preheader: place = tr("Preheader"); break;
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
        item->setData(kLineRole, f.where == content::Finding::Where::Body ? f.line : 0);
        item->setData(kColumnRole, f.column);
        errors += f.severity == content::Finding::Severity::Error ? 1 : 0;
        warnings += f.severity == content::Finding::Severity::Warning ? 1 : 0;
    }
    m_summary->setText(r.findings.isEmpty() ? tr("Checks: ready to send.")
                                            : tr("Checks: %1 error(s) that block sending, %2 warning(s).").arg(errors).arg(warnings));
}

void TemplatesPage::goToFinding(int row)
{
    QListWidgetItem *item = m_checks->item(row);
    if (!item || item->data(kLineRole).toInt() <= 0)
        return;
    static_cast<CodeEditor *>(m_editor)->goTo(item->data(kLineRole).toInt(), item->data(kColumnRole).toInt());
}

} // namespace lux::ui
