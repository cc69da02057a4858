// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "assistantsettings.h"
#include "common/dialogs.h"
#include "common/labels.h"
#include "common/tableview.h"
#include "database/databaseactions.h"
#include "sendingsettings.h"
#include "session/appsession.h"
#include "smssettings.h"
#include "trackingsettings.h"
#include "settings/settings.h"
#include "theme/theme.h"
#include "userdialog.h"
#include "users/passwordhasher.h"
#include "usersmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace lux::ui {

SettingsDialog::SettingsDialog(AppSession &session, DatabaseActions &actions, QWidget *parent)
    : QDialog(parent), m_session(session), m_actions(actions)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(920, 560);
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildGeneral(), Theme::icon(QStringLiteral("settings")), tr("General"));
    m_tabs->addTab(buildDatabase(), Theme::icon(QStringLiteral("database")), tr("Database"));
    m_tabs->addTab(new SendingSettings(m_session, this), Theme::icon(QStringLiteral("send")), tr("Sending"));
    m_tabs->addTab(new TrackingSettings(m_session, this), Theme::icon(QStringLiteral("activity")), tr("Tracking"));
    m_tabs->addTab(new SmsSettings(m_session, this), Theme::icon(QStringLiteral("send")), tr("SMS"));
    m_tabs->addTab(new AssistantSettings(m_session, this), Theme::icon(QStringLiteral("sparkles")), tr("Assistant"));
    m_tabs->addTab(buildSeo(), Theme::icon(QStringLiteral("search")), tr("SEO"));
    if (m_session.isAdmin()) {
        m_usersTab = buildUsers();
        m_tabs->addTab(m_usersTab, Theme::icon(QStringLiteral("users")), tr("Users"));
    }
    layout->addWidget(m_tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&m_session, &AppSession::databaseChanged, this, &SettingsDialog::refreshDatabase);
    connect(&m_actions, &DatabaseActions::busyChanged, this, &SettingsDialog::refreshDatabase);
    connect(&m_session.autoBackup(), &storage::AutoBackup::backupFinished, this, &SettingsDialog::refreshDatabase);
    refreshDatabase();
}

void SettingsDialog::showPage(Page page)
{
    if (page == Users && !m_usersTab)
        page = General;
    m_tabs->setCurrentIndex(int(page));
}

QWidget *SettingsDialog::buildGeneral()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(20, 20, 20, 20);
    form->setSpacing(12);

    auto *language = new QComboBox(page);
    language->setObjectName(QStringLiteral("languageCombo"));
    language->addItem(tr("System default"), QString());
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    language->setCurrentIndex(qMax(0, language->findData(m_session.settings().language())));
    form->addRow(tr("Language"), language);
    m_languageNote = new QLabel(tr("The new language applies the next time LUX Marketing starts."), page);
    m_languageNote->setProperty("role", QStringLiteral("muted"));
    m_languageNote->hide();
    form->addRow(QString(), m_languageNote);
    connect(language, &QComboBox::currentIndexChanged, this, [this, language] {
        const QString code = language->currentData().toString();
        m_session.settings().setValue(Settings::Key::Language, code);
        m_languageNote->show();
        Q_EMIT languageChanged(code);
    });

    auto *theme = new QComboBox(page);
    theme->setObjectName(QStringLiteral("themeCombo"));
    theme->addItem(tr("Dark"), QStringLiteral("dark"));
    theme->addItem(tr("Light"), QStringLiteral("light"));
    theme->setCurrentIndex(qMax(0, theme->findData(m_session.settings().theme())));
    form->addRow(tr("Theme"), theme);
    connect(theme, &QComboBox::currentIndexChanged, this, [this, theme] {
        const QString name = theme->currentData().toString();
        m_session.settings().setValue(Settings::Key::Theme, name);
        Q_EMIT themeChanged(name);
    });

    // The preview reads local images from the template's folders only, unless the person allows more.
    auto *localImages = new QCheckBox(tr("Show local images from anywhere on this computer"), page);
    localImages->setObjectName(QStringLiteral("previewAnyLocalImage"));
    localImages->setToolTip(tr("Off: the template preview shows local images only from the template's own folder, "
                               "so a template cannot display other files you can read."));
    localImages->setChecked(m_session.settings().previewAnyLocalImage());
    form->addRow(tr("Preview"), localImages);
    connect(localImages, &QCheckBox::toggled, this,
            [this](bool on) { m_session.settings().setValue(Settings::Key::PreviewAnyLocalImage, on); });
    return page;
}

QWidget *SettingsDialog::buildSeo()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(20, 20, 20, 20);
    form->setSpacing(12);
    Settings &settings = m_session.settings();
    const auto spin = [page](const QString &name, int min, int max, int value, const QString &suffix) {
        auto *box = new QSpinBox(page);
        box->setObjectName(name);
        box->setRange(min, max);
        box->setSuffix(suffix);
        box->setValue(value);
        return box;
    };
    // The ranges are the typed getters' clamps (settings.h).
    auto *title = spin(QStringLiteral("seoTitlePixels"), 200, 2000, settings.seoTitlePixels(), tr(" px"));
    auto *description = spin(QStringLiteral("seoDescriptionPixels"), 200, 4000, settings.seoDescriptionPixels(), tr(" px"));
    auto *pause = spin(QStringLiteral("seoCrawlPause"), 100, 10'000, settings.seoCrawlPauseMs(), tr(" ms"));
    pause->setSingleStep(50);
    form->addRow(tr("Titles cut after"), title);
    form->addRow(tr("Descriptions cut after"), description);
    form->addRow(QString(), plainLabel(tr("Where Google's desktop results cut a title (Arial, 20 px) and a description (14 px, over two "
                                          "lines). The analysis, its preview and LUX's suggestions use these widths."),
                                       page, QStringLiteral("muted")));
    form->addRow(tr("Pause between requests"), pause);
    form->addRow(QString(), plainLabel(tr("A site crawl waits this long between two requests to the site, or longer when its "
                                          "robots.txt asks for it with Crawl-delay."),
                                       page, QStringLiteral("muted")));
    connect(title, &QSpinBox::valueChanged, this, [this](int v) { m_session.settings().setValue(Settings::Key::SeoTitlePixels, v); });
    connect(description, &QSpinBox::valueChanged, this,
            [this](int v) { m_session.settings().setValue(Settings::Key::SeoDescriptionPixels, v); });
    connect(pause, &QSpinBox::valueChanged, this, [this](int v) { m_session.settings().setValue(Settings::Key::SeoCrawlPauseMs, v); });
    return page;
}

QWidget *SettingsDialog::buildDatabase()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(10);

    m_dbPath = new QLabel(page);
    m_dbPath->setObjectName(QStringLiteral("dbPath"));
    m_dbPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dbPath->setWordWrap(true);
    m_dbFacts = new QLabel(page);
    m_dbFacts->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_dbPath);
    layout->addWidget(m_dbFacts);

    auto *row = new QHBoxLayout;
    const auto button = [&](const QString &text, const QString &icon, const QString &name, auto slot, bool writes) {
        auto *b = new QPushButton(Theme::icon(icon), text, page);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, &m_actions, slot);
        row->addWidget(b);
        if (writes)
            m_writeButtons << b;
        return b;
    };
    button(tr("Back Up Now"), QStringLiteral("backup"), QStringLiteral("backupNow"), &DatabaseActions::backupNow, false);
    button(tr("Restore…"), QStringLiteral("restore"), QStringLiteral("restore"), &DatabaseActions::restoreBackup, true);
    button(tr("Check Integrity"), QStringLiteral("shield-check"), QStringLiteral("checkIntegrity"),
           &DatabaseActions::checkIntegrity, false);
    button(tr("Export…"), QStringLiteral("export"), QStringLiteral("export"), &DatabaseActions::exportDatabase, false);
    row->addStretch(1);
    layout->addLayout(row);

    auto *group = new QGroupBox(tr("Automatic backups"), page);
    auto *form = new QFormLayout(group);
    Settings &settings = m_session.settings();
    m_autoBackup = new QCheckBox(tr("Back up while LUX Marketing runs"), group);
    m_autoBackup->setObjectName(QStringLiteral("autoBackup"));
    m_autoBackup->setChecked(settings.autoBackupEnabled());
    m_interval = new QSpinBox(group);
    m_interval->setRange(1, 24 * 30);
    m_interval->setSuffix(tr(" hours"));
    m_interval->setValue(settings.autoBackupIntervalHours());
    m_keep = new QSpinBox(group);
    m_keep->setRange(1, 365);
    m_keep->setSuffix(tr(" copies"));
    m_keep->setValue(settings.autoBackupKeep());
    m_backupDir = new QLineEdit(group);
    m_backupDir->setObjectName(QStringLiteral("backupDir"));
    m_backupDir->setText(settings.backupDirectory());
    m_backupDir->setClearButtonEnabled(true);
    m_backupStatus = new QLabel(group);
    m_backupStatus->setProperty("role", QStringLiteral("muted"));
    auto *integrityOnStart = new QCheckBox(tr("Check integrity every time the database opens"), group);
    integrityOnStart->setChecked(settings.integrityCheckOnStart());
    form->addRow(m_autoBackup);
    form->addRow(tr("Every"), m_interval);
    form->addRow(tr("Keep the newest"), m_keep);
    form->addRow(tr("Folder"), m_backupDir);
    form->addRow(m_backupStatus);
    form->addRow(integrityOnStart);
    layout->addWidget(group);
    layout->addStretch(1);

    connect(m_autoBackup, &QCheckBox::toggled, this, [this](bool on) {
        m_session.settings().setValue(Settings::Key::AutoBackupEnabled, on);
        refreshDatabase();
    });
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int v) {
        m_session.settings().setValue(Settings::Key::AutoBackupIntervalHours, v);
        refreshDatabase();
    });
    connect(m_keep, &QSpinBox::valueChanged, this,
            [this](int v) { m_session.settings().setValue(Settings::Key::AutoBackupKeep, v); });
    connect(m_backupDir, &QLineEdit::editingFinished, this, [this] {
        const QString dir = m_backupDir->text().trimmed();
        if (!dir.isEmpty() && !QDir().mkpath(dir)) {
            Dialogs::warning(this, tr("Backup Folder"), tr("The folder %1 cannot be created.").arg(dir));
            return;
        }
        m_session.settings().setValue(Settings::Key::BackupDirectory, dir);
        refreshDatabase();
    });
    connect(integrityOnStart, &QCheckBox::toggled, this,
            [this](bool on) { m_session.settings().setValue(Settings::Key::IntegrityCheckOnStart, on); });
    return page;
}

void SettingsDialog::refreshDatabase()
{
    const Database *db = m_session.database();
    if (!db || !m_dbPath)
        return;
    const QLocale locale;
    m_dbPath->setText(tr("Database file: %1").arg(QDir::toNativeSeparators(db->path())));
    QString facts = tr("Schema %1 · %2").arg(db->schemaVersion()).arg(locale.formattedDataSize(db->logicalSize()));
    if (db->isReadOnly())
        facts += tr(" · read-only");
    m_dbFacts->setText(facts);
    for (QPushButton *b : std::as_const(m_writeButtons))
        b->setEnabled(!db->isReadOnly() && !m_actions.isBusy());
    m_backupDir->setPlaceholderText(QDir::toNativeSeparators(db->backupDir()));
    const bool on = m_autoBackup->isChecked();
    m_interval->setEnabled(on);
    m_keep->setEnabled(on);
    const QDateTime last = m_session.autoBackup().lastBackup();
    const QDateTime next = m_session.autoBackup().nextBackup();
    QString status = last.isValid() ? tr("Last automatic backup: %1.").arg(locale.toString(last, QLocale::ShortFormat))
                                    : tr("No automatic backup yet.");
    if (on && next.isValid())
        status += QLatin1Char(' ') + tr("Next: %1.").arg(m_session.autoBackup().isDue()
                                                            ? tr("within a few minutes")
                                                            : locale.toString(next, QLocale::ShortFormat));
    if (db->isReadOnly())
        status = tr("Automatic backups are made by the instance that has the database open for writing.");
    m_backupStatus->setText(status);
}

QWidget *SettingsDialog::buildUsers()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 20, 20, 20);
    auto *note = new QLabel(tr("Only administrators see this page. People cannot register themselves: add them here."), page);
    note->setProperty("role", QStringLiteral("muted"));
    note->setWordWrap(true);
    layout->addWidget(note);

    m_usersModel = new UsersModel(this);
    m_usersView = new QTableView(page);
    m_usersView->setObjectName(QStringLiteral("usersView"));
    m_usersView->setModel(m_usersModel);
    setUpListTable(m_usersView);
    m_usersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersView->setColumnWidth(UsersModel::Name, 150);
    m_usersView->setColumnWidth(UsersModel::Email, 190);
    layout->addWidget(m_usersView, 1);

    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(Theme::icon(QStringLiteral("user-plus")), tr("Add User…"), page);
    add->setObjectName(QStringLiteral("addUser"));
    m_disable = new QPushButton(Theme::icon(QStringLiteral("slash")), tr("Disable"), page);
    m_disable->setObjectName(QStringLiteral("disableUser"));
    m_reset = new QPushButton(Theme::icon(QStringLiteral("key")), tr("Reset Password…"), page);
    m_reset->setObjectName(QStringLiteral("resetPassword"));
    row->addWidget(add);
    row->addWidget(m_disable);
    row->addWidget(m_reset);
    row->addStretch(1);
    layout->addLayout(row);
    const bool writable = m_session.database() && !m_session.database()->isReadOnly();
    add->setEnabled(writable);

    connect(add, &QPushButton::clicked, this, &SettingsDialog::addUser);
    connect(m_disable, &QPushButton::clicked, this, &SettingsDialog::toggleDisabled);
    connect(m_reset, &QPushButton::clicked, this, &SettingsDialog::resetPassword);
    connect(m_usersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SettingsDialog::updateUserButtons);
    refreshUsers();
    return page;
}

void SettingsDialog::refreshUsers()
{
    if (!m_usersModel || !m_session.users())
        return;
    m_usersModel->setUsers(m_session.users()->users());
    updateUserButtons();
}

void SettingsDialog::updateUserButtons()
{
    if (!m_usersView)
        return;
    const QModelIndexList rows = m_usersView->selectionModel()->selectedRows();
    const bool writable = m_session.database() && !m_session.database()->isReadOnly() && !m_hashing.isRunning();
    const bool selected = !rows.isEmpty();
    m_disable->setEnabled(writable && selected);
    m_reset->setEnabled(writable && selected);
    if (selected)
        m_disable->setText(m_usersModel->userAt(rows.first().row()).disabled ? tr("Enable") : tr("Disable"));
}

void SettingsDialog::addUser()
{
    UserDialog dialog(UserDialog::Mode::Add, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    const QString email = dialog.email();
    const User::Role role = dialog.role();
    // Validate before spending a tenth of a second hashing.
    for (const Status &s : {UserService::validateName(name), UserService::validateEmail(email)}) {
        if (!s) {
            Dialogs::warning(this, tr("Add User"), s.error().message);
            return;
        }
    }
    hashThen(dialog.password(), [this, name, email, role](const QString &hash) {
        const auto created = m_session.users()->createUserWithHash(&m_session.user(), name, email, hash, role);
        if (!created)
            Dialogs::warning(this, tr("Add User"), created.error().message);
    });
}

void SettingsDialog::toggleDisabled()
{
    const QModelIndexList rows = m_usersView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const User target = m_usersModel->userAt(rows.first().row());
    if (!target.disabled
        && Dialogs::question(this, tr("Disable User"),
                             tr("Disable %1? They will not be able to sign in until an administrator enables the "
                                "account again.")
                                 .arg(target.name),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    if (Status s = m_session.users()->setDisabled(m_session.user(), target.id, !target.disabled); !s)
        Dialogs::warning(this, tr("Users"), s.error().message);
    Q_EMIT m_session.auditChanged();
    refreshUsers();
}

void SettingsDialog::resetPassword()
{
    const QModelIndexList rows = m_usersView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const User target = m_usersModel->userAt(rows.first().row());
    UserDialog dialog(UserDialog::Mode::ResetPassword, this, target.name);
    if (dialog.exec() != QDialog::Accepted)
        return;
    hashThen(dialog.password(), [this, target](const QString &hash) {
        if (Status s = m_session.users()->resetPasswordWithHash(m_session.user(), target.id, hash); !s)
            Dialogs::warning(this, tr("Reset Password"), s.error().message);
        else
            Dialogs::information(this, tr("Reset Password"),
                                 tr("%1 can now sign in with the new password.").arg(target.name));
    });
}

void SettingsDialog::hashThen(const QString &password, std::function<void(const QString &)> apply)
{
    // Argon2id takes a tenth of a second: off the GUI thread, then back here to write.
    m_hashing.disconnect(this);
    connect(&m_hashing, &QFutureWatcher<QString>::finished, this, [this, apply = std::move(apply)] {
        m_hashing.disconnect(this);
        apply(m_hashing.result());
        Q_EMIT m_session.auditChanged();
        refreshUsers();
    });
    m_hashing.setFuture(QtConcurrent::run([password] { return PasswordHasher::hash(password); }));
    updateUserButtons();
}

} // namespace lux::ui
