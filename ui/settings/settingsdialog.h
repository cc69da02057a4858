// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace lux::ui {

class AppSession;
class DatabaseActions;
class UsersModel;

// Preferences that apply as they change: General (language, theme), Database (backups, restore,
// integrity), Sending (Microsoft Graph, sender mailboxes, the scheduler), Tracking (lux-tracker), SMS (Twilio,
// sending numbers, quiet hours, prices), Assistant (LUX's server, models,
// API key and usage) and, for administrators, Users.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { General, DatabasePage, Sending, Tracking, Sms, Assistant, Seo, Users };

    SettingsDialog(AppSession &session, DatabaseActions &actions, QWidget *parent = nullptr);

    void showPage(Page page);
    QTabWidget *tabs() const { return m_tabs; }
    UsersModel *usersModel() const { return m_usersModel; }

Q_SIGNALS:
    void languageChanged(const QString &language);
    void themeChanged(const QString &theme);

private:
    QWidget *buildGeneral();
    QWidget *buildSeo();
    QWidget *buildDatabase();
    QWidget *buildUsers();
    void refreshDatabase();
    void refreshUsers();
    void updateUserButtons();
    void addUser();
    void toggleDisabled();
    void resetPassword();
    void hashThen(const QString &password, std::function<void(const QString &hash)> apply);

    AppSession &m_session;
    DatabaseActions &m_actions;
    QTabWidget *m_tabs;
    QWidget *m_usersTab = nullptr;
    QLabel *m_languageNote = nullptr;

    QLabel *m_dbPath = nullptr;
    QLabel *m_dbFacts = nullptr;
    QCheckBox *m_autoBackup = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_keep = nullptr;
    QLineEdit *m_backupDir = nullptr;
    QLabel *m_backupStatus = nullptr;
    QList<QPushButton *> m_writeButtons;

    UsersModel *m_usersModel = nullptr;
    QTableView *m_usersView = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_reset = nullptr;
    QFutureWatcher<QString> m_hashing;
};

} // namespace lux::ui
