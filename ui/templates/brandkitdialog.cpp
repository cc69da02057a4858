// SPDX-License-Identifier: GPL-3.0-or-later
#include "brandkitdialog.h"

#include "common/dbtask.h"
#include "common/dialogs.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QPixmap>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace lux::ui {

using storage::ScopedConnection;

namespace {

bool isColourKey(const QString &key)
{
    return key.endsWith(QLatin1String("_color"));
}

bool isUrlKey(const QString &key)
{
    return key.endsWith(QLatin1String("_url"));
}

// Font stacks that hold up in mail clients: a designed face first, then what every system has.
const QStringList &fontStacks()
{
    static const QStringList stacks = {
        QStringLiteral("Arial, Helvetica, sans-serif"),
        QStringLiteral("'Helvetica Neue', Helvetica, Arial, sans-serif"),
        QStringLiteral("Verdana, Geneva, sans-serif"),
        QStringLiteral("Tahoma, Verdana, sans-serif"),
        QStringLiteral("'Trebuchet MS', Tahoma, sans-serif"),
        QStringLiteral("'Segoe UI', Roboto, Helvetica, Arial, sans-serif"),
        QStringLiteral("Georgia, 'Times New Roman', serif"),
        QStringLiteral("'Times New Roman', Times, serif"),
        QStringLiteral("'Courier New', Courier, monospace"),
    };
    return stacks;
}

} // namespace

QList<std::pair<QString, QString>> BrandKitDialog::fieldLabels()
{
    return {
        {QStringLiteral("name"), tr("Company name")},
        {QStringLiteral("logo_url"), tr("Logo address")},
        {QStringLiteral("primary_color"), tr("Primary colour")},
        {QStringLiteral("secondary_color"), tr("Secondary colour")},
        {QStringLiteral("text_color"), tr("Text colour")},
        {QStringLiteral("background_color"), tr("Background colour")},
        {QStringLiteral("font_family"), tr("Body font")},
        {QStringLiteral("heading_font_family"), tr("Heading font")},
        {QStringLiteral("website_url"), tr("Website")},
        {QStringLiteral("facebook_url"), tr("Facebook")},
        {QStringLiteral("instagram_url"), tr("Instagram")},
        {QStringLiteral("linkedin_url"), tr("LinkedIn")},
        {QStringLiteral("x_url"), tr("X")},
    };
}

QString BrandKitDialog::problem(const QString &key, const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    if (isColourKey(key)) {
        static const QRegularExpression hex(QStringLiteral("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"));
        if (!hex.match(v).hasMatch())
            return tr("Write a colour as #rgb or #rrggbb, as in #1d4ed8.");
    } else if (isUrlKey(key)) {
        const QUrl url(v, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
            return tr("Write a full web address, starting with https://.");
    } else if (key.endsWith(QLatin1String("font_family"))) {
        if (v.contains(u';') || v.contains(u'{') || v.contains(u'}') || v.contains(u'"'))
            return tr("A font list holds names separated by commas, in single quotes where they have spaces.");
        const QString last = v.section(u',', -1).trimmed().toLower();
        if (last != QLatin1String("sans-serif") && last != QLatin1String("serif") && last != QLatin1String("monospace"))
            return tr("End the list with sans-serif, serif or monospace, for mail clients without these fonts.");
    }
    return {};
}

BrandKitDialog::BrandKitDialog(AppSession &session, QWidget *parent)
    : ListDetailDialog(session, tr("Brand Kits"),
                       tr("Templates use a brand kit through tags such as {{brand.primary_color}} and "
                          "{{brand.address}}. The default kit is the one used when sending."),
                       parent)
{
    list()->setObjectName(QStringLiteral("brandKitsList"));
    m_new = new QPushButton(Theme::icon(QStringLiteral("new")), tr("New Brand Kit"), this);
    listButtons()->addWidget(m_new);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QWidget(scroll);
    auto *form = new QFormLayout(right);
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("brandKitName"));
    form->addRow(tr("Kit name"), m_name);
    m_default = new QCheckBox(tr("Use this kit when sending"), right);
    m_default->setObjectName(QStringLiteral("brandKitDefault"));
    form->addRow(QString(), m_default);
    for (const auto &[key, label] : fieldLabels()) {
        auto *edit = new QLineEdit(right);
        edit->setObjectName(QStringLiteral("brand_") + key);
        m_fields.insert(key, edit);
        QWidget *row = edit;
        if (isColourKey(key)) {
            edit->setPlaceholderText(QStringLiteral("#1d4ed8"));
            auto *wrap = new QWidget(right);
            auto *h = new QHBoxLayout(wrap);
            h->setContentsMargins(0, 0, 0, 0);
            auto *pick = new QToolButton(wrap);
            pick->setText(tr("Pick…"));
            pick->setToolTip(tr("Choose the colour"));
            h->addWidget(edit, 1);
            h->addWidget(pick);
            pick->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            // A swatch of the colour typed, so a mistyped code shows at once.
            connect(edit, &QLineEdit::textChanged, pick, [pick](const QString &text) {
                const QColor colour(text.trimmed());
                QPixmap swatch(14, 14);
                swatch.fill(colour.isValid() && text.trimmed().startsWith(u'#') ? colour : QColor(Qt::transparent));
                pick->setIcon(QIcon(swatch));
            });
            connect(pick, &QToolButton::clicked, this, [this, edit, label = label] {
                const QColor chosen = QColorDialog::getColor(QColor(edit->text().trimmed()), this, label);
                if (chosen.isValid())
                    edit->setText(chosen.name());
            });
            row = wrap;
        } else if (isUrlKey(key)) {
            edit->setPlaceholderText(QStringLiteral("https://"));
        } else if (key.endsWith(QLatin1String("font_family"))) {
            auto *completer = new QCompleter(fontStacks(), edit);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
            edit->setCompleter(completer);
            edit->setPlaceholderText(fontStacks().first());
        }
        auto *problemLabel = new QLabel(right);
        problemLabel->setProperty("role", QStringLiteral("error"));
        problemLabel->setWordWrap(true);
        problemLabel->hide();
        m_problems.insert(key, problemLabel);
        auto *cell = new QWidget(right);
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(row);
        v->addWidget(problemLabel);
        form->addRow(label, cell);
        connect(edit, &QLineEdit::textChanged, this, &BrandKitDialog::updateActions);
        if (key == QLatin1String("heading_font_family")) {
            m_address = new QPlainTextEdit(right);
            m_address->setObjectName(QStringLiteral("brand_address"));
            m_address->setPlaceholderText(tr("The postal address every marketing email must carry"));
            m_address->setFixedHeight(64);
            form->addRow(tr("Postal address"), m_address);
            connect(m_address, &QPlainTextEdit::textChanged, this, &BrandKitDialog::updateActions);
        }
    }
    scroll->setWidget(right);
    setDetail(scroll);
    auto *actions = new QHBoxLayout;
    m_delete = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Delete"), this);
    m_save = new QPushButton(Theme::icon(QStringLiteral("check")), tr("Save Brand Kit"), this);
    m_save->setObjectName(QStringLiteral("brandKitSave"));
    m_save->setProperty("primary", true);
    auto *close = new QPushButton(tr("Close"), this);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(close);
    actions->addWidget(m_save);
    finishLayout(actions);
    m_save->setDefault(true);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(list(), &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_kits.size())
            showKit(m_kits.at(row).name);
    });
    connect(m_new, &QPushButton::clicked, this, [this] {
        list()->setCurrentRow(-1);
        m_name->setText(tr("New brand kit"));
        m_default->setChecked(m_kits.isEmpty());
        for (QLineEdit *edit : std::as_const(m_fields))
            edit->clear();
        m_address->clear();
        m_name->setFocus();
        m_name->selectAll();
    });
    connect(m_name, &QLineEdit::textChanged, this, &BrandKitDialog::updateActions);
    connect(m_save, &QPushButton::clicked, this, &BrandKitDialog::saveCurrent);
    connect(m_delete, &QPushButton::clicked, this, &BrandKitDialog::removeCurrent);
    resize(820, 640);
    updateActions();
    reload();
}

void BrandKitDialog::updateActions()
{
    bool ok = !m_name->text().trimmed().isEmpty();
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it) {
        const QString p = problem(it.key(), it.value()->text());
        m_problems.value(it.key())->setText(p);
        m_problems.value(it.key())->setVisible(!p.isEmpty());
        ok = ok && p.isEmpty();
    }
    m_save->setEnabled(ok && isWritable() && !isBusy());
    m_new->setEnabled(isWritable() && !isBusy());
    m_delete->setEnabled(isWritable() && !isBusy() && list()->currentRow() >= 0);
}

void BrandKitDialog::reload(const QString &select)
{
    if (!m_session.database())
        return;
    setBusy(true);
    runOnDatabase<Result<QList<content::BrandKit>>>(
        this, m_session.database()->path(), ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<QList<content::BrandKit>> { return content::TemplateStore(db).brandKits(); },
        [this, select](const Result<QList<content::BrandKit>> &kits) {
            setBusy(false);
            if (!kits) {
                showError(kits.error().message);
                return;
            }
            m_kits = *kits;
            list()->clear();
            int pick = m_kits.isEmpty() ? -1 : 0;
            for (int i = 0; i < m_kits.size(); ++i) {
                const content::BrandKit &kit = m_kits.at(i);
                auto *item = new QListWidgetItem(kit.isDefault ? tr("%1 (default)").arg(kit.name) : kit.name, list());
                item->setData(Qt::UserRole, kit.name);
                if (kit.name.compare(select, Qt::CaseInsensitive) == 0)
                    pick = i;
            }
            if (pick >= 0)
                list()->setCurrentRow(pick);
            else
                m_default->setChecked(true); // the first kit is the default
        });
}

void BrandKitDialog::showKit(const QString &name)
{
    for (const content::BrandKit &kit : std::as_const(m_kits)) {
        if (kit.name != name)
            continue;
        m_name->setText(kit.name);
        m_default->setChecked(kit.isDefault);
        for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it)
            it.value()->setText(kit.fields.value(it.key()).toString());
        m_address->setPlainText(kit.fields.value(QStringLiteral("address")).toString());
    }
    showError({});
}

void BrandKitDialog::saveCurrent()
{
    if (!m_session.database() || isBusy() || !m_save->isEnabled())
        return;
    const QString name = m_name->text().trimmed();
    QJsonObject fields;
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it)
        if (const QString v = it.value()->text().trimmed(); !v.isEmpty())
            fields.insert(it.key(), v);
    if (const QString address = m_address->toPlainText().trimmed(); !address.isEmpty())
        fields.insert(QStringLiteral("address"), address);
    const bool makeDefault = m_default->isChecked();
    // A renamed kit keeps its row: renamed and saved in one transaction.
    const QString previous = list()->currentItem() ? list()->currentItem()->data(Qt::UserRole).toString() : QString();
    const std::optional<qint64> user = userId();
    write([=](QSqlDatabase &db) { return content::TemplateStore(db).saveBrandKit(name, fields, makeDefault, user, previous); }, name);
}

void BrandKitDialog::removeCurrent()
{
    const QString name = list()->currentItem() ? list()->currentItem()->data(Qt::UserRole).toString() : QString();
    if (name.isEmpty() || !m_session.database())
        return;
    if (Dialogs::question(this, tr("Delete Brand Kit"), tr("Delete the brand kit “%1”?").arg(name), QMessageBox::Yes | QMessageBox::Cancel,
                          QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    const std::optional<qint64> user = userId();
    write([name, user](QSqlDatabase &db) { return content::TemplateStore(db).removeBrandKit(name, user); });
}

} // namespace lux::ui
