// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "activity/activitypage.h"
#include "assistant/assistantpanel.h"
#include "auth/setuppage.h"
#include "auth/signinpage.h"
#include "campaigns/campaignspage.h"
#include "automations/automationspage.h"
#include "events/eventspage.h"
#include "contacts/contactactions.h"
#include "contacts/contactspage.h"
#include "common/dialogs.h"
#include "dashboard/dashboardpage.h"
#include "database/databaseactions.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"
#include "seo/seopage.h"
#include "social/socialpage.h"
#include "startpage.h"
#include "templates/templatespage.h"
#include "theme/theme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QStackedWidget>
#include <QMenu>
#include <QMetaEnum>
#include <QStatusBar>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QTimer>

namespace lux::ui {

namespace {
constexpr int kSectionRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(AppSession &session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_actions(new DatabaseActions(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("LUX Marketing"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.lux.Marketing.svg")));
    setMinimumSize(860, 560);

    m_screens = new QStackedWidget(this);
    m_startPage = new StartPage(m_screens);
    m_setupPage = new SetupPage(session, m_screens);
    m_signInPage = new SignInPage(session, m_screens);
    m_workspace = buildWorkspace();
    m_screens->addWidget(m_startPage);
    m_screens->addWidget(m_setupPage);
    m_screens->addWidget(m_signInPage);
    m_screens->addWidget(m_workspace);
    setCentralWidget(m_screens);

    // LUX, the assistant, beside every section; where it was left is in the window's saved state.
    m_assistant = new AssistantPanel(m_session, this);
    addDockWidget(Qt::RightDockWidgetArea, m_assistant);
    m_assistant->hide();
    connect(m_assistant, &AssistantPanel::settingsRequested, this, &MainWindow::showAssistantSettings);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::updateAssistantTopic);
    updateAssistantTopic();

    buildMenus();
    buildStatusBar();
    buildTray();
    connect(&m_session.sendService(), &campaigns::SendService::campaignEnded, this,
            [this](qint64, const QString &name, const QString &status, qint64 sent, qint64 failed, qint64 unknown) {
                const QLocale locale;
                if (status == QLatin1String("sent"))
                    notify(tr("Campaign sent"),
                           unknown ? tr("“%1” went to %2 recipients; %3 failed and %4 need your decision.")
                                         .arg(name, locale.toString(sent), locale.toString(failed), locale.toString(unknown))
                                   : tr("“%1” went to %2 recipients; %3 failed.").arg(name, locale.toString(sent), locale.toString(failed)),
                           false);
                else if (status == QLatin1String("failed"))
                    notify(tr("Campaign failed"), tr("“%1” stopped after %2 recipients: open Campaigns to see why and resume it.")
                                                      .arg(name, locale.toString(sent)),
                           true);
            });

    // A workflow's notify step: the desktop notification, while the app runs.
    connect(&m_session.sendService(), &campaigns::SendService::automationNotice, this,
            [this](const QString &text) { notify(tr("Automation"), text, false); });
    // A social account's sign-in that cannot be renewed, a week before it ends.
    connect(&m_session.sendService(), &campaigns::SendService::accountNotice, this,
            [this](const QString &text) { notify(tr("Social account"), text, true); });

    connect(m_startPage, &StartPage::openRequested, m_actions, &DatabaseActions::openDatabase);
    connect(m_startPage, &StartPage::newRequested, m_actions, &DatabaseActions::newDatabase);
    connect(m_setupPage, &SetupPage::adminCreated, &m_session, &AppSession::signIn);
    connect(m_signInPage, &SignInPage::signedIn, &m_session, &AppSession::signIn);
    connect(m_signInPage, &SignInPage::notice, this, &MainWindow::showNotice);
    connect(m_actions, &DatabaseActions::notice, this, &MainWindow::showNotice);
    connect(m_actions, &DatabaseActions::busyChanged, this, &MainWindow::updateActions);
    connect(m_actions, &DatabaseActions::openFailed, this, [this](const QString &message) {
        if (!m_session.hasDatabase())
            showStartPage(message);
    });
    connect(&m_session, &AppSession::databaseChanged, this, &MainWindow::onDatabaseChanged);
    connect(&m_session, &AppSession::userChanged, this, &MainWindow::onUserChanged);
    auto &backup = m_session.autoBackup();
    connect(&backup, &storage::AutoBackup::backupStarted, this, &MainWindow::updateStatus);
    connect(&backup, &storage::AutoBackup::backupFinished, this, [this](const QString &path, const QStringList &pruned) {
        showNotice(pruned.isEmpty() ? tr("Automatic backup saved as %1.").arg(QFileInfo(path).fileName())
                                    : tr("Automatic backup saved as %1; %n older backup(s) removed.", nullptr,
                                         int(pruned.size()))
                                          .arg(QFileInfo(path).fileName()));
        updateStatus();
    });
    connect(&backup, &storage::AutoBackup::backupFailed, this, [this](const QString &message) {
        showNotice(tr("Automatic backup failed: %1").arg(message));
        updateStatus();
    });

    const Settings &settings = m_session.settings();
    if (!restoreGeometry(settings.mainWindowGeometry())) {
        // The first start: most of the screen it opens on, centred; from then on where it was left.
        const QRect available = QWidget::screen() ? QWidget::screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        const QSize size = QSize(available.width() * 85 / 100, available.height() * 85 / 100)
                               .expandedTo(minimumSizeHint())
                               .boundedTo(available.size());
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    restoreState(settings.mainWindowState());
    m_assistantWanted = !m_assistant->isHidden();
    if (screen() != Screen::Workspace)
        m_assistant->hide();
    m_sidebar->setVisible(!settings.sidebarCollapsed());

    installEventFilter(this);
    onDatabaseChanged();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildWorkspace()
{
    auto *workspace = new QWidget(this);
    auto *layout = new QHBoxLayout(workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_sidebar = new QListWidget(workspace);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(210);
    m_sidebar->setIconSize(QSize(18, 18));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sections = new QStackedWidget(workspace);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_sections, 1);

    m_dashboard = new DashboardPage(m_session, m_sections);
    m_contacts = new ContactsPage(m_session, m_sections);
    m_templates = new TemplatesPage(m_session, m_sections);
    m_campaigns = new CampaignsPage(m_session, m_sections);
    m_events = new EventsPage(m_session, m_sections);
    m_social = new SocialPage(m_session, m_sections);
    m_automations = new AutomationsPage(m_session, m_sections);
    m_seo = new SeoPage(m_session, m_sections);
    m_activity = new ActivityPage(m_session, m_sections);
    addSection(Section::Dashboard, tr("Dashboard"), QStringLiteral("dashboard"), m_dashboard);
    addSection(Section::Contacts, tr("Contacts"), QStringLiteral("users"), m_contacts);
    addSection(Section::Templates, tr("Templates"), QStringLiteral("template"), m_templates);
    connect(m_templates, &TemplatesPage::statusMessage, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, 8000);
    });
    addSection(Section::Campaigns, tr("Campaigns"), QStringLiteral("send"), m_campaigns);
    connect(m_campaigns, &CampaignsPage::statusMessage, this, &MainWindow::showNotice);
    addSection(Section::Events, tr("Events"), QStringLiteral("calendar"), m_events);
    connect(m_events, &EventsPage::statusMessage, this, &MainWindow::showNotice);
    addSection(Section::Social, tr("Social"), QStringLiteral("share"), m_social);
    connect(m_social, &SocialPage::statusMessage, this, &MainWindow::showNotice);
    addSection(Section::Automations, tr("Automations"), QStringLiteral("blocks"), m_automations);
    connect(m_automations, &AutomationsPage::statusMessage, this, &MainWindow::showNotice);
    addSection(Section::Seo, tr("SEO"), QStringLiteral("search"), m_seo);
    connect(m_seo, &SeoPage::statusMessage, this, &MainWindow::showNotice);
    addSection(Section::Activity, tr("Activity"), QStringLiteral("activity"), m_activity);

    connect(m_sidebar, &QListWidget::currentRowChanged, m_sections, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
    return workspace;
}

void MainWindow::addSection(Section section, const QString &title, const QString &icon, QWidget *page)
{
    auto *item = new QListWidgetItem(Theme::icon(icon), title, m_sidebar);
    item->setData(kSectionRole, int(section));
    m_sections->addWidget(page);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    const auto add = [this](QMenu *menu, const QString &text, const QString &icon, const QKeySequence &keys,
                            auto receiver, auto slot) {
        QAction *a = menu->addAction(icon.isEmpty() ? QIcon() : Theme::icon(icon), text);
        a->setShortcut(keys);
        connect(a, &QAction::triggered, receiver, slot);
        return a;
    };
    add(file, tr("&New Database…"), QStringLiteral("new"), QKeySequence::New, m_actions, &DatabaseActions::newDatabase);
    add(file, tr("&Open Database…"), QStringLiteral("open"), QKeySequence::Open, m_actions, &DatabaseActions::openDatabase);
    m_needUser << add(file, tr("&Export Database…"), QStringLiteral("export"), QKeySequence(tr("Ctrl+Shift+E")),
                      m_actions, &DatabaseActions::exportDatabase);
    file->addSeparator();
    m_needUser << add(file, tr("&Back Up Now"), QStringLiteral("backup"), QKeySequence(tr("Ctrl+Shift+B")), m_actions,
                      &DatabaseActions::backupNow);
    QAction *restore = add(file, tr("&Restore from Backup…"), QStringLiteral("restore"), QKeySequence(), m_actions,
                           &DatabaseActions::restoreBackup);
    m_needUser << restore;
    m_needWriter << restore;
    m_needUser << add(file, tr("Check &Integrity"), QStringLiteral("shield-check"), QKeySequence(), m_actions,
                      &DatabaseActions::checkIntegrity);
    file->addSeparator();
    QAction *settings = add(file, tr("&Settings…"), QStringLiteral("settings"), QKeySequence(), this,
                            &MainWindow::showSettings);
    settings->setShortcuts({QKeySequence::Preferences, QKeySequence(tr("Ctrl+,"))});
    settings->setMenuRole(QAction::PreferencesRole);
    m_needUser << settings;
    m_signOutAction = add(file, tr("Sign &Out"), QStringLiteral("log-out"), QKeySequence(), this, &MainWindow::signOut);
    m_needUser << m_signOutAction;
    file->addSeparator();
    QAction *quit = add(file, tr("&Quit"), QStringLiteral("quit"), QKeySequence::Quit, this, &MainWindow::quit);
    quit->setMenuRole(QAction::QuitRole);

    // Edit: undo and redo of contact changes (the only undoable changes so far).
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_contacts->actions()->undoAction());
    edit->addAction(m_contacts->actions()->redoAction());
    connect(m_contacts, &ContactsPage::statusMessage, this, &MainWindow::showNotice);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem *item = m_sidebar->item(row);
        const auto section = static_cast<Section>(item->data(kSectionRole).toInt());
        QAction *a = view->addAction(item->icon(), item->text());
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        a->setObjectName(QStringLiteral("showSection%1").arg(row));
        connect(a, &QAction::triggered, this, [this, section] { showSection(section); });
        m_needUser << a;
    }
    view->addSeparator();
    QAction *sidebar = view->addAction(Theme::icon(QStringLiteral("sidebar")), tr("Show &Sidebar"));
    sidebar->setCheckable(true);
    sidebar->setChecked(!m_session.settings().sidebarCollapsed());
    sidebar->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    connect(sidebar, &QAction::toggled, this, [this](bool on) {
        m_sidebar->setVisible(on);
        m_session.settings().setValue(Settings::Key::SidebarCollapsed, !on);
    });
    m_assistantAction = m_assistant->toggleViewAction();
    m_assistantAction->setText(tr("&LUX Assistant"));
    m_assistantAction->setIcon(Theme::icon(QStringLiteral("sparkles")));
    m_assistantAction->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_assistantAction->setObjectName(QStringLiteral("showAssistant"));
    m_assistantAction->setToolTip(tr("Ask LUX, the assistant, beside any section (Ctrl+Shift+L)"));
    view->addAction(m_assistantAction);
    m_needUser << m_assistantAction;
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About LUX Marketing"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        Dialogs::information(this, tr("About LUX Marketing"),
                             tr("LUX Marketing %1\n\nMarketing automation on your desktop: contacts, templates and "
                                "campaigns in a local database that works offline.\n\nLicensed under the GNU General "
                                "Public License, version 3 or later.")
                                 .arg(QStringLiteral(LUX_VERSION)));
    });
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    m_statusDatabase = new QLabel(this);
    m_statusDatabase->setObjectName(QStringLiteral("statusDatabase"));
    m_statusUser = new QLabel(this);
    m_statusUser->setObjectName(QStringLiteral("statusUser"));
    m_statusBackup = new QLabel(this);
    m_statusBackup->setObjectName(QStringLiteral("statusBackup"));
    statusBar()->addPermanentWidget(m_statusBackup);
    statusBar()->addPermanentWidget(m_statusUser);
    statusBar()->addPermanentWidget(m_statusDatabase);
    statusBar()->setSizeGripEnabled(true);
    // The "next backup" time moves on by itself.
    auto *tick = new QTimer(this);
    tick->setInterval(std::chrono::minutes(1));
    connect(tick, &QTimer::timeout, this, &MainWindow::updateStatus);
    tick->start();
}

void MainWindow::updateStatus()
{
    const Database *db = m_session.database();
    if (!db) {
        m_statusDatabase->setText(tr("No database"));
        m_statusDatabase->setToolTip({});
    } else {
        QString text = QFileInfo(db->path()).fileName();
        if (db->isReadOnly())
            text += tr(" (read-only)");
        m_statusDatabase->setText(text);
        m_statusDatabase->setToolTip(QDir::toNativeSeparators(db->path()));
    }
    m_statusUser->setText(m_session.isSignedIn()
                              ? (m_session.isAdmin() ? tr("%1 · administrator") : tr("%1 · member")).arg(m_session.user().name)
                              : tr("Not signed in"));
    const storage::AutoBackup &backup = m_session.autoBackup();
    QString backupText;
    if (backup.isRunning())
        backupText = tr("Backing up…");
    else if (!db)
        backupText.clear();
    else if (!backup.isEnabled())
        backupText = tr("Automatic backups off");
    else {
        const QDateTime next = backup.nextBackup();
        backupText = backup.isDue()
                         ? tr("Backup in a few minutes")
                         : tr("Next backup %1").arg(QLocale().toString(next, QLocale::ShortFormat));
    }
    m_statusBackup->setText(backupText);
}

void MainWindow::updateActions()
{
    const bool hasDb = m_session.hasDatabase();
    const bool signedIn = m_session.isSignedIn();
    const bool writer = hasDb && !m_session.database()->isReadOnly();
    const bool busy = m_actions->isBusy();
    for (QAction *a : std::as_const(m_needUser))
        a->setEnabled(hasDb && signedIn);
    for (QAction *a : std::as_const(m_needWriter))
        a->setEnabled(writer && signedIn && !busy);
}

MainWindow::Screen MainWindow::screen() const
{
    return static_cast<Screen>(m_screens->currentIndex());
}

void MainWindow::setScreen(Screen screen)
{
    // The assistant belongs to the workspace: hidden on the other screens, back as it was after.
    if (m_assistant) {
        if (screen == Screen::Workspace) {
            m_assistant->setVisible(m_assistantWanted);
        } else {
            if (this->screen() == Screen::Workspace)
                m_assistantWanted = !m_assistant->isHidden();
            m_assistant->hide();
        }
    }
    m_screens->setCurrentIndex(int(screen));
    Q_EMIT screenChanged(screen);
}

void MainWindow::showStartPage(const QString &message)
{
    m_startPage->setMessage(message);
    setScreen(Screen::Start);
}

void MainWindow::onDatabaseChanged()
{
    delete m_settingsDialog;
    m_settingsDialog = nullptr;
    if (!m_session.hasDatabase()) {
        showStartPage({});
    } else if (!m_session.users()->hasUsers()) {
        if (m_session.database()->isReadOnly()) {
            showStartPage(tr("This database has no users yet and is open read-only elsewhere."));
        } else {
            m_setupPage->reset();
            setScreen(Screen::Setup);
        }
    } else {
        m_signInPage->reset();
        setScreen(Screen::SignIn);
        m_signInPage->tryRemembered();
    }
    setWindowTitle(m_session.hasDatabase()
                       ? tr("%1 — LUX Marketing").arg(QFileInfo(m_session.database()->path()).fileName())
                       : tr("LUX Marketing"));
    updateStatus();
    updateActions();
}

void MainWindow::onUserChanged()
{
    delete m_settingsDialog;
    m_settingsDialog = nullptr;
    if (m_session.isSignedIn()) {
        // Sections an account cannot use are not shown to it.
        for (int row = 0; row < m_sidebar->count(); ++row) {
            QListWidgetItem *item = m_sidebar->item(row);
            if (static_cast<Section>(item->data(kSectionRole).toInt()) == Section::Activity)
                item->setHidden(!m_session.isAdmin());
        }
        showSection(Section::Dashboard);
        setScreen(Screen::Workspace);
        showNotice(tr("Signed in as %1.").arg(m_session.user().name));
    } else if (m_session.hasDatabase() && screen() == Screen::Workspace) {
        m_signInPage->reset();
        setScreen(Screen::SignIn);
    }
    updateStatus();
    updateActions();
}

void MainWindow::showSection(Section section)
{
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem *item = m_sidebar->item(row);
        if (static_cast<Section>(item->data(kSectionRole).toInt()) == section && !item->isHidden()) {
            m_sidebar->setCurrentRow(row);
            return;
        }
    }
}

MainWindow::Section MainWindow::currentSection() const
{
    const QListWidgetItem *item = m_sidebar->currentItem();
    return item ? static_cast<Section>(item->data(kSectionRole).toInt()) : Section::Dashboard;
}

QList<MainWindow::Section> MainWindow::visibleSections() const
{
    QList<Section> result;
    for (int row = 0; row < m_sidebar->count(); ++row)
        if (!m_sidebar->item(row)->isHidden())
            result << static_cast<Section>(m_sidebar->item(row)->data(kSectionRole).toInt());
    return result;
}

void MainWindow::showSettings()
{
    if (!m_session.isSignedIn())
        return;
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_session, *m_actions, this);
        connect(m_settingsDialog, &SettingsDialog::themeChanged, this, &MainWindow::applyTheme);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void MainWindow::showAssistantSettings()
{
    showSettings();
    if (m_settingsDialog)
        m_settingsDialog->showPage(SettingsDialog::Assistant);
}

void MainWindow::updateAssistantTopic()
{
    const QListWidgetItem *item = m_sidebar->currentItem();
    if (!item || !m_assistant)
        return;
    const auto section = static_cast<Section>(item->data(kSectionRole).toInt());
    const QString topic = QString::fromLatin1(QMetaEnum::fromType<Section>().valueToKey(int(section))).toLower();
    m_assistant->setTopic(topic, item->text());
}

void MainWindow::applyTheme(const QString &theme)
{
    Theme::apply(theme); // icons read the theme's colours when they paint
}

void MainWindow::signOut()
{
    m_session.signOut();
}

void MainWindow::showNotice(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::buildTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    auto *menu = new QMenu(this);
    m_trayStatus = menu->addAction(tr("Nothing is sending"));
    m_trayStatus->setEnabled(false);
    menu->addSeparator();
    QAction *open = menu->addAction(tr("&Open LUX Marketing"));
    connect(open, &QAction::triggered, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    QAction *quitAction = menu->addAction(Theme::icon(QStringLiteral("quit")), tr("&Quit"));
    connect(quitAction, &QAction::triggered, this, &MainWindow::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            showNormal();
            raise();
            activateWindow();
        }
    });
    campaigns::SendService &send = m_session.sendService();
    connect(&send, &campaigns::SendService::campaignStarted, this, [this](qint64, const QString &name) {
        m_trayStatus->setText(tr("Sending “%1”").arg(name));
        updateTray();
    });
    connect(&send, &campaigns::SendService::progressed, this, [this](const campaigns::Dispatcher::Progress &p) {
        const qint64 total = p.sent + p.failed + p.unknown + p.remaining;
        m_tray->setToolTip(tr("LUX Marketing — %1 of %2 sent").arg(QLocale().toString(p.sent), QLocale().toString(total)));
    });
    connect(&send, &campaigns::SendService::idle, this, [this] {
        m_trayStatus->setText(tr("Nothing is sending"));
        updateTray();
    });
    connect(&m_session, &AppSession::activeCampaignsChanged, this, &MainWindow::updateTray);
    updateTray();
    m_tray->show();
}

void MainWindow::updateTray()
{
    if (!m_tray)
        return;
    const int active = m_session.activeCampaigns();
    if (!m_session.isSending())
        m_tray->setToolTip(active ? tr("LUX Marketing — %n campaign(s) scheduled", nullptr, active) : tr("LUX Marketing"));
}

void MainWindow::notify(const QString &title, const QString &message, bool failure)
{
    // The tray's balloon is the desktop notification (org.freedesktop.Notifications where there is one).
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, message, failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    showNotice(message);
}

bool MainWindow::keepsRunningInTray() const
{
    return m_tray && m_tray->isVisible() && !m_quitting && m_session.hasDatabase()
           && m_session.settings().closeToTray() && (m_session.isSending() || m_session.activeCampaigns() > 0);
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings &settings = m_session.settings();
    settings.setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    // The assistant's place as the user left it in the workspace, also when closed from another screen.
    const bool assistantShown = m_assistant && !m_assistant->isHidden();
    if (m_assistant && screen() != Screen::Workspace && m_assistantWanted)
        m_assistant->setVisible(true);
    settings.setValue(Settings::Key::MainWindowState, saveState());
    if (m_assistant && !assistantShown)
        m_assistant->hide();
    settings.sync();
    if (keepsRunningInTray()) {
        hide();
        event->ignore();
        if (!m_trayHintShown) {
            m_trayHintShown = true;
            m_tray->showMessage(tr("LUX Marketing keeps sending"),
                                tr("Campaigns are scheduled or sending, so LUX goes on from the tray. Choose Quit there to stop."),
                                QSystemTrayIcon::Information, 8000);
        }
        return;
    }
    QMainWindow::closeEvent(event);
    if (m_tray)
        qApp->quit(); // the tray would otherwise keep the application alive
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == this && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // Queued: the signal fires once this paint has been done.
        QTimer::singleShot(0, this, &MainWindow::firstPainted);
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace lux::ui
