// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentsdialog.h"

#include "app/appsession.h"
#include "codeeditor.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "content/templatestore.h"
#include "theme/theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace lux::ui {

using storage::ScopedConnection;

QHash<QString, QString> ComponentsDialog::starterSet()
{
    QHash<QString, QString> set;
    const QDir dir(QStringLiteral(":/components"));
    for (const QString &file : dir.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (f.open(QIODevice::ReadOnly))
            set.insert(file.chopped(5), QString::fromUtf8(f.readAll()));
    }
    return set;
}

ComponentsDialog::ComponentsDialog(AppSession &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Components"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A component is edited here once and appears in every template that includes it as "
                                "{{> name}}. Change the footer here and every email that uses it changes."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("subtitle"));
    layout->addWidget(intro);

    auto *split = new QSplitter(this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("componentsList"));
    leftLayout->addWidget(m_list, 1);
    auto *newButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New Component"), left);
    m_starters = new QPushButton(Theme::icon(QStringLiteral("blocks")), tr("Add the Starter Set"), left);
    m_starters->setObjectName(QStringLiteral("componentsStarters"));
    m_starters->setToolTip(tr("Header, footer, button, image with text, product card, social links and divider"));
    leftLayout->addWidget(newButton);
    leftLayout->addWidget(m_starters);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("componentName"));
    m_name->setPlaceholderText(tr("e.g. footer"));
    form->addRow(tr("Name"), m_name);
    rightLayout->addLayout(form);
    m_editor = new CodeEditor(right);
    m_editor->setObjectName(QStringLiteral("componentEditor"));
    rightLayout->addWidget(m_editor, 1);
    m_error = new QLabel(right);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    rightLayout->addWidget(m_error);
    auto *actions = new QHBoxLayout;
    m_delete = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Delete"), right);
    m_save = new QPushButton(Theme::icon(QStringLiteral("check")), tr("Save Component"), right);
    m_save->setProperty("primary", true);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(m_save);
    rightLayout->addLayout(actions);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({200, 560});
    layout->addWidget(split, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    const bool writable = m_session.database() && !m_session.database()->isReadOnly();
    for (QWidget *w : {static_cast<QWidget *>(newButton), static_cast<QWidget *>(m_starters), static_cast<QWidget *>(m_save),
                       static_cast<QWidget *>(m_delete)})
        w->setEnabled(writable);
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false); // Enter in a field must not press New or Delete
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentTextChanged, this, &ComponentsDialog::showComponent);
    connect(newButton, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
        m_name->clear();
        m_editor->setPlainText(QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">\n"
                                              "  <tr><td></td></tr>\n</table>\n"));
        m_name->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &ComponentsDialog::saveCurrent);
    connect(m_delete, &QPushButton::clicked, this, &ComponentsDialog::removeCurrent);
    connect(m_starters, &QPushButton::clicked, this, &ComponentsDialog::addStarters);
    resize(860, 560);
    reload();
}

void ComponentsDialog::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    m_save->setEnabled(m_busy == 0 && m_session.database() && !m_session.database()->isReadOnly());
}

void ComponentsDialog::reload(const QString &select)
{
    if (!m_session.database())
        return;
    setBusy(true);
    runOnDatabase<Result<QHash<QString, QString>>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<QHash<QString, QString>> { return content::TemplateStore(db).components(); },
        [this, select](const Result<QHash<QString, QString>> &components) {
            setBusy(false);
            if (!components) {
                m_error->setText(components.error().message);
                m_error->show();
                return;
            }
            m_components = *components;
            m_list->clear();
            QStringList names = m_components.keys();
            names.sort(Qt::CaseInsensitive);
            m_list->addItems(names);
            const QHash<QString, QString> starters = starterSet();
            bool missing = false;
            for (auto it = starters.constBegin(); it != starters.constEnd(); ++it)
                missing = missing || !m_components.contains(it.key());
            m_starters->setVisible(missing);
            const QString pick = select.isEmpty() && !names.isEmpty() ? names.first() : select;
            if (const auto items = m_list->findItems(pick, Qt::MatchFixedString); !items.isEmpty())
                m_list->setCurrentItem(items.first());
        });
}

void ComponentsDialog::showComponent(const QString &name)
{
    if (name.isEmpty())
        return;
    m_name->setText(name);
    m_editor->setPlainText(m_components.value(name));
    m_error->hide();
}

void ComponentsDialog::saveCurrent()
{
    if (!m_session.database() || m_busy > 0)
        return;
    const QString name = m_name->text().trimmed();
    const QString source = m_editor->toPlainText();
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    setBusy(true);
    runOnDatabase<Status>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadWrite,
        [name, source, user](QSqlDatabase &db) { return content::TemplateStore(db).saveComponent(name, source, user); },
        [this, name](const Status &s) {
            setBusy(false);
            if (!s) {
                m_error->setText(s.error().message);
                m_error->show();
                return;
            }
            m_error->hide();
            Q_EMIT changed();
            reload(name);
        });
}

void ComponentsDialog::removeCurrent()
{
    const QString name = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    if (name.isEmpty() || !m_session.database())
        return;
    if (Dialogs::question(this, tr("Delete Component"),
                          tr("Delete the component “%1”? Templates that include it will show an error until it is "
                             "added again.")
                              .arg(name),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    setBusy(true);
    runOnDatabase<Status>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadWrite,
        [name, user](QSqlDatabase &db) { return content::TemplateStore(db).removeComponent(name, user); },
        [this](const Status &s) {
            setBusy(false);
            if (!s) {
                Dialogs::warning(this, tr("Components"), s.error().message);
                return;
            }
            Q_EMIT changed();
            reload();
        });
}

void ComponentsDialog::addStarters()
{
    if (!m_session.database())
        return;
    QHash<QString, QString> missing = starterSet();
    for (auto it = m_components.constBegin(); it != m_components.constEnd(); ++it)
        missing.remove(it.key()); // never overwrite a component of the same name
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    setBusy(true);
    runOnDatabase<Status>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadWrite,
        [missing, user](QSqlDatabase &db) -> Status {
            content::TemplateStore store(db);
            for (auto it = missing.constBegin(); it != missing.constEnd(); ++it)
                if (Status s = store.saveComponent(it.key(), it.value(), user); !s)
                    return s;
            return {};
        },
        [this](const Status &s) {
            setBusy(false);
            if (!s)
                Dialogs::warning(this, tr("Components"), s.error().message);
            Q_EMIT changed();
            reload();
        });
}

} // namespace lux::ui
