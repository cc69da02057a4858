// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace lux::ui {

class ActivityPage;
class AssistantPanel;
class CampaignsPage;
class TemplatesPage;
class AppSession;
class ContactsPage;
class DashboardPage;
class DatabaseActions;
class AutomationsPage;
class EventsPage;
class SettingsDialog;
class SetupPage;
class SignInPage;
class SocialPage;
class SeoPage;
class StartPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Sections of the sidebar, in order. Each later feature adds its own.
    enum class Section { Dashboard, Contacts, Templates, Campaigns, Events, Social, Automations, Seo, Activity };
    Q_ENUM(Section)

    enum class Screen { Start, Setup, SignIn, Workspace };

    explicit MainWindow(AppSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    DatabaseActions &databaseActions() const { return *m_actions; }
    Screen screen() const;
    void showSection(Section section);
    Section currentSection() const;
    QList<Section> visibleSections() const;
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    CampaignsPage *campaignsPage() const { return m_campaigns; }
    EventsPage *eventsPage() const { return m_events; }
    AutomationsPage *automationsPage() const { return m_automations; }
    SocialPage *socialPage() const { return m_social; }
    SeoPage *seoPage() const { return m_seo; }
    // LUX, the assistant: a dock on the right, beside every section (View → LUX Assistant, Ctrl+Shift+L).
    AssistantPanel *assistantPanel() const { return m_assistant; }
    QAction *assistantAction() const { return m_assistantAction; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // Closing the window hides it to the tray while campaigns are scheduled or sending (if there is
    // a tray and the setting allows it); Quit always quits.
    bool keepsRunningInTray() const;

public Q_SLOTS:
    void showSettings();
    void showAssistantSettings();
    void signOut();
    void showStartPage(const QString &message);

Q_SIGNALS:
    void firstPainted();
    void screenChanged(lux::ui::MainWindow::Screen screen);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    QWidget *buildWorkspace();
    void addSection(Section section, const QString &title, const QString &icon, QWidget *page);
    void onDatabaseChanged();
    void onUserChanged();
    void updateStatus();
    void updateActions();
    void showNotice(const QString &message);
    void buildTray();
    void updateTray();
    void notify(const QString &title, const QString &message, bool failure);
    void quit();
    void setScreen(Screen screen);
    void applyTheme(const QString &theme);
    void updateAssistantTopic();

    AppSession &m_session;
    DatabaseActions *m_actions;
    QStackedWidget *m_screens;
    StartPage *m_startPage;
    SetupPage *m_setupPage;
    SignInPage *m_signInPage;
    QWidget *m_workspace;
    QListWidget *m_sidebar;
    QStackedWidget *m_sections;
    DashboardPage *m_dashboard;
    ContactsPage *m_contacts;
    ActivityPage *m_activity;
    TemplatesPage *m_templates;
    CampaignsPage *m_campaigns;
    EventsPage *m_events;
    AutomationsPage *m_automations;
    SocialPage *m_social;
    SeoPage *m_seo;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_trayStatus = nullptr;
    bool m_quitting = false;
    bool m_trayHintShown = false;
    SettingsDialog *m_settingsDialog = nullptr;
    AssistantPanel *m_assistant = nullptr;
    QAction *m_assistantAction = nullptr;
    bool m_assistantWanted = false; // open in the workspace (it is hidden on the other screens)

    QLabel *m_statusDatabase;
    QLabel *m_statusUser;
    QLabel *m_statusBackup;

    QList<QAction *> m_needUser;
    QList<QAction *> m_needWriter;
    QAction *m_signOutAction = nullptr;
    bool m_painted = false;
};

} // namespace lux::ui
