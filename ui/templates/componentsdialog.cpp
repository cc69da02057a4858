// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentsdialog.h"

#include "codeeditor.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "content/templatestore.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
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

ComponentsDialog::ComponentsDialog(AppSession &session, QWidget *parent)
    : ListDetailDialog(session, tr("Components"),
                       tr("A component is edited here once and appears in every template that includes it as "
                          "{{> name}}. Change the footer here and every email that uses it changes."),
                       parent)
{
    list()->setObjectName(QStringLiteral("componentsList"));
    m_new = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New Component"), this);
    m_starters = new QPushButton(Theme::icon(QStringLiteral("blocks")), tr("Add the Starter Set"), this);
    m_starters->setObjectName(QStringLiteral("componentsStarters"));
    m_starters->setToolTip(tr("Header, footer, button, image with text, product card, social links and divider"));
    listButtons()->addWidget(m_new);
    listButtons()->addWidget(m_starters);

    auto *right = new QWidget(this);
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
    setDetail(right);

    auto *actions = new QHBoxLayout;
    m_delete = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Delete"), this);
    m_save = new QPushButton(Theme::icon(QStringLiteral("check")), tr("Save Component"), this);
    m_save->setProperty("primary", true);
    auto *close = new QPushButton(tr("Close"), this);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(close);
    actions->addWidget(m_save);
    finishLayout(actions);
    m_save->setDefault(true);

    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(list(), &QListWidget::currentTextChanged, this, &ComponentsDialog::showComponent);
    connect(m_new, &QPushButton::clicked, this, [this] {
        list()->setCurrentItem(nullptr);
        m_name->clear();
        m_editor->setPlainText(QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">\n"
                                              "  <tr><td></td></tr>\n</table>\n"));
        m_name->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &ComponentsDialog::saveCurrent);
    connect(m_delete, &QPushButton::clicked, this, &ComponentsDialog::removeCurrent);
    connect(m_starters, &QPushButton::clicked, this, &ComponentsDialog::addStarters);
    resize(860, 560);
    updateActions();
    reload();
}

void ComponentsDialog::updateActions()
{
    const bool can = isWritable() && !isBusy();
    for (QPushButton *b : {m_new, m_starters, m_save, m_delete})
        b->setEnabled(can);
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
                showError(components.error().message);
                return;
            }
            m_components = *components;
            list()->clear();
            QStringList names = m_components.keys();
            names.sort(Qt::CaseInsensitive);
            list()->addItems(names);
            const QHash<QString, QString> starters = starterSet();
            bool missing = false;
            for (auto it = starters.constBegin(); it != starters.constEnd(); ++it)
                missing = missing || !m_components.contains(it.key());
            m_starters->setVisible(missing);
            const QString pick = select.isEmpty() && !names.isEmpty() ? names.first() : select;
            if (const auto items = list()->findItems(pick, Qt::MatchFixedString); !items.isEmpty())
                list()->setCurrentItem(items.first());
        });
}

void ComponentsDialog::showComponent(const QString &name)
{
    if (name.isEmpty())
        return;
    m_name->setText(name);
    m_editor->setPlainText(m_components.value(name));
    showError({});
}

void ComponentsDialog::saveCurrent()
{
    if (!m_session.database() || isBusy())
        return;
    const QString name = m_name->text().trimmed();
    const QString source = m_editor->toPlainText();
    const std::optional<qint64> user = userId();
    write([name, source, user](QSqlDatabase &db) { return content::TemplateStore(db).saveComponent(name, source, user); }, name);
}

void ComponentsDialog::removeCurrent()
{
    const QString name = list()->currentItem() ? list()->currentItem()->text() : QString();
    if (name.isEmpty() || !m_session.database())
        return;
    if (Dialogs::question(this, tr("Delete Component"),
                          tr("Delete the component “%1”? Templates that include it will show an error until it is "
                             "added again.")
                              .arg(name),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    const std::optional<qint64> user = userId();
    write([name, user](QSqlDatabase &db) { return content::TemplateStore(db).removeComponent(name, user); });
}

void ComponentsDialog::addStarters()
{
    if (!m_session.database())
        return;
    QHash<QString, QString> missing = starterSet();
    for (auto it = m_components.constBegin(); it != m_components.constEnd(); ++it)
        missing.remove(it.key()); // never overwrite a component of the same name
    const std::optional<qint64> user = userId();
    write([missing, user](QSqlDatabase &db) -> Status {
        content::TemplateStore store(db);
        for (auto it = missing.constBegin(); it != missing.constEnd(); ++it)
            if (Status s = store.saveComponent(it.key(), it.value(), user); !s)
                return s;
        return {};
    });
}

} // namespace lux::ui
