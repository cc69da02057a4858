// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the real MainWindow offscreen: first run, sign-out and sign-in (wrong then right), every
// section, the Settings dialog, remember-me through the real keychain, and a second instance on a
// locked database. Screenshots go to $LUX_SCREENSHOT_DIR when set (docs/screenshots is made that way).
#include "activity/activitypage.h"
#include "activity/auditlogmodel.h"
#include "assistant/assistantpanel.h"
#include "contacts/contactsmodel.h"
#include "contacts/contactspage.h"
#include "contacts/importdialog.h"
#include "contacts/segmentbuilder.h"
#include "common/dialogs.h"
#include "database/databaseactions.h"
#include "dialogguard.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"
#include "settings/usersmodel.h"
#include "shell/mainwindow.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace lux;
using ui::MainWindow;

namespace {

void type(QWidget *root, const char *name, const QString &text)
{
    auto *edit = root->findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit, name);
    QTRY_VERIFY2_WITH_TIMEOUT(edit->isEnabled(), name, 10000);
    edit->clear();
    QTest::keyClicks(edit, text);
}

void click(QWidget *root, const char *name)
{
    auto *button = root->findChild<QPushButton *>(QString::fromLatin1(name));
    QVERIFY2(button, name);
    // Buttons wait while the page is busy (e.g. looking for a remembered sign-in in the keychain).
    QTRY_VERIFY2_WITH_TIMEOUT(button->isEnabled(), name, 10000);
    QTest::mouseClick(button, Qt::LeftButton);
}

void saveShot(QWidget *w, const QString &name)
{
    QTest::qWait(50); // layouts settle
    const QPixmap shot = w->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() >= 400 && shot.height() >= 300);
    const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void firstRunSignInAndEverySection();
    void rememberMeSignsInAtStart();
    void secondInstanceOpensReadOnly();
    void unopenableDatabaseShowsStartPage();
    void importMappingIsChosenAndRemembered();

private:
    std::unique_ptr<test::TestEnvironment> m_env;
    QList<ui::Dialogs::Message> m_messages;
};

void TestMainWindow::initTestCase()
{
    m_env = std::make_unique<test::TestEnvironment>();
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return m.kind == ui::Dialogs::Kind::Question ? QMessageBox::Yes : QMessageBox::Ok;
    });
}

void TestMainWindow::cleanup()
{
    m_messages.clear();
}

void TestMainWindow::firstRunSignInAndEverySection()
{
    Settings settings(m_env->path(QStringLiteral("gui.ini")));
    ui::AppSession session(settings);
    MainWindow window(session);
    window.resize(1180, 760);
    QVERIFY(window.databaseActions().openPath(m_env->path(QStringLiteral("gui.sqlite")), true));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // First run: the administrator.
    QCOMPARE(window.screen(), MainWindow::Screen::Setup);
    saveShot(&window, QStringLiteral("first-run"));
    type(&window, "accountName", QStringLiteral("Ada Lovelace"));
    type(&window, "accountEmail", QStringLiteral("ada@example.com"));
    type(&window, "accountPassword", QStringLiteral("short"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("setupError"))->isVisibleTo(&window));
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("setupCreate"))->isEnabled());
    type(&window, "accountPassword", QStringLiteral("analytical engine"));
    type(&window, "accountConfirm", QStringLiteral("analytical engine"));
    click(&window, "setupCreate");
    QTRY_COMPARE_WITH_TIMEOUT(window.screen(), MainWindow::Screen::Workspace, 20000);
    QCOMPARE(session.user().name, QStringLiteral("Ada Lovelace"));
    QVERIFY(session.isAdmin());

    // Every section of the sidebar.
    const QList<MainWindow::Section> sections = window.visibleSections();
    QCOMPARE(sections, (QList<MainWindow::Section>{MainWindow::Section::Dashboard, MainWindow::Section::Contacts,
                                                   MainWindow::Section::Templates, MainWindow::Section::Campaigns,
                                                   MainWindow::Section::Events, MainWindow::Section::Social,
                                                   MainWindow::Section::Automations, MainWindow::Section::Seo,
                                                   MainWindow::Section::Activity}));
    const QHash<MainWindow::Section, QString> shots = {{MainWindow::Section::Dashboard, QStringLiteral("dashboard")},
                                                       {MainWindow::Section::Contacts, QStringLiteral("contacts-empty")},
                                                       {MainWindow::Section::Templates, QStringLiteral("templates-new")},
                                                       {MainWindow::Section::Campaigns, QStringLiteral("campaigns-empty")},
                                                       {MainWindow::Section::Events, QStringLiteral("events-empty")},
                                                       {MainWindow::Section::Social, QStringLiteral("social-empty")},
                                                       {MainWindow::Section::Automations, QStringLiteral("automations-empty")},
                                                       {MainWindow::Section::Seo, QStringLiteral("seo-empty")},
                                                       {MainWindow::Section::Activity, QStringLiteral("activity")}};
    for (const MainWindow::Section section : sections) {
        window.showSection(section);
        QCOMPARE(window.currentSection(), section);
        QTest::qWait(50);
        saveShot(&window, shots.value(section));
    }

    // Contacts: import a messy Mailchimp export through the dialog, then search.
    window.showSection(MainWindow::Section::Contacts);
    auto *contactsPage = window.findChild<ui::ContactsPage *>();
    QCOMPARE(contactsPage->model()->rowCount(), 0);
    contactsPage->openImport(QStringLiteral(LUX_TEST_DATA_DIR "/csv/mailchimp-messy.csv"));
    auto *import = window.findChild<ui::ImportDialog *>();
    QVERIFY(import && import->isVisible());
    import->findChild<QLineEdit *>(QStringLiteral("importConsent"))->setText(QStringLiteral("Newsletter form v2"));
    QTest::qWait(50);
    saveShot(import, QStringLiteral("contacts-import"));
    click(import, "importStart");
    auto *report = import->findChild<QLabel *>(QStringLiteral("importReport"));
    QTRY_VERIFY_WITH_TIMEOUT(report->text().contains(QStringLiteral("5 new contacts")), 20000);
    QVERIFY(report->text().contains(QStringLiteral("10 rejected")));
    saveShot(import, QStringLiteral("contacts-import-report"));
    import->close();
    QTRY_COMPARE(contactsPage->model()->rowCount(), 5);
    auto *count = contactsPage->findChild<QLabel *>(QStringLiteral("contactsCount"));
    QTRY_COMPARE(count->text(), QStringLiteral("5 contact(s)"));
    window.showSection(MainWindow::Section::Dashboard);
    QTRY_COMPARE(window.findChild<QLabel *>(QStringLiteral("value-contacts"))->text(), QStringLiteral("5"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("value-subscribed"))->text(), QStringLiteral("5"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("value-suppressed"))->text(), QStringLiteral("0"));
    window.showSection(MainWindow::Section::Contacts);
    contactsPage->findChild<QTableView *>(QStringLiteral("contactsView"))->selectRow(0);
    QTRY_VERIFY(contactsPage->findChild<QLabel *>(QStringLiteral("contactDetails"))->text().contains(QStringLiteral("Newsletter form v2")));
    saveShot(&window, QStringLiteral("contacts"));
    contactsPage->setSearchText(QStringLiteral("garc"));
    QCOMPARE(contactsPage->model()->rowCount(), 1);
    QCOMPARE(contactsPage->model()->contactAt(0).email, QStringLiteral("ana@example.com"));
    QTRY_COMPARE(count->text(), QStringLiteral("1 contact(s)"));
    contactsPage->setSearchText({});

    // Segment builder: rules, live count, save; the new segment filters the list.
    contactsPage->openSegmentBuilder();
    ui::SegmentBuilder *builder = nullptr; // opens once the tags and segments are read
    QTRY_VERIFY((builder = window.findChild<ui::SegmentBuilder *>()));
    QVERIFY(builder->isVisible());
    builder->findChild<QLineEdit *>(QStringLiteral("segmentName"))->setText(QStringLiteral("US or VIP"));
    builder->load(QStringLiteral("US or VIP"), QJsonDocument::fromJson(R"({"match":"all","rules":[
        {"field":"status","op":"is","value":"subscribed"},
        {"match":"any","rules":[{"field":"country","op":"equals","value":"US"},{"field":"tag","op":"has","value":"VIP"}]}]})").object());
    QTRY_COMPARE_WITH_TIMEOUT(builder->countText(), QStringLiteral("3 contact(s) match"), 10000);
    builder->addRule(builder->root(), QStringLiteral("company"), QStringLiteral("is_empty"));
    QTRY_COMPARE_WITH_TIMEOUT(builder->countText(), QStringLiteral("1 contact(s) match"), 10000); // Erin
    QCOMPARE(builder->rules().value(QStringLiteral("rules")).toArray().size(), 3);
    saveShot(builder, QStringLiteral("segment-builder"));
    builder->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE(contactsPage->model()->rowCount(), 1);
    QCOMPARE(contactsPage->model()->contactAt(0).email, QStringLiteral("erin@example.com"));
    auto *activity = window.findChild<ui::ActivityPage *>();
    QVERIFY(activity->model()->rowCount() >= 1);
    QCOMPARE(activity->model()->index(0, ui::AuditLogModel::Action).data(Qt::UserRole).toString(),
             QStringLiteral("user.created"));

    // LUX, the assistant: a dock opened from View (Ctrl+Shift+L), its topic the section beside it.
    QAction *lux = window.assistantAction();
    QVERIFY(lux && lux->isEnabled());
    QCOMPARE(lux->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    QVERIFY(!window.assistantPanel()->isVisible());
    lux->trigger();
    QVERIFY(window.assistantPanel()->isVisible());
    QCOMPARE(window.dockWidgetArea(window.assistantPanel()), Qt::RightDockWidgetArea);
    window.showSection(MainWindow::Section::Templates);
    QCOMPARE(window.assistantPanel()->topic(), QStringLiteral("templates"));
    window.showSection(MainWindow::Section::Contacts);
    QCOMPARE(window.assistantPanel()->topic(), QStringLiteral("contacts"));
    lux->trigger();
    QVERIFY(!window.assistantPanel()->isVisible());

    // Settings: General, Database, Sending, Tracking, SMS, Assistant, SEO and (admin) Users.
    window.showSettings();
    ui::SettingsDialog *dialog = window.settingsDialog();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->tabs()->count(), 8);
    QCOMPARE(dialog->usersModel()->rowCount(), 1);
    for (int i = 0; i < dialog->tabs()->count(); ++i) {
        dialog->showPage(static_cast<ui::SettingsDialog::Page>(i));
        QTest::qWait(30);
        static const QStringList names{QStringLiteral("general"), QStringLiteral("database"), QStringLiteral("sending"),
                                       QStringLiteral("tracking"), QString(), QString(), QStringLiteral("seo"),
                                       QStringLiteral("users")};
        if (!names.at(i).isEmpty()) // SMS and Assistant: tst_smssettings and tst_assistantpanel take them filled in
            saveShot(dialog, QStringLiteral("settings-%1").arg(names.at(i)));
    }
    dialog->close();

    // Sign out; a wrong password is refused with a message; the right one gets back in.
    window.signOut();
    QCOMPARE(window.screen(), MainWindow::Screen::SignIn);
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("signInEmail"))->text(), QStringLiteral("ada@example.com"));
    type(&window, "signInPassword", QStringLiteral("difference engine"));
    click(&window, "signInButton");
    auto *error = window.findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisibleTo(&window), 20000);
    QVERIFY(error->text().contains(QStringLiteral("not correct")));
    QCOMPARE(window.screen(), MainWindow::Screen::SignIn);
    saveShot(&window, QStringLiteral("sign-in"));
    type(&window, "signInPassword", QStringLiteral("analytical engine"));
    click(&window, "signInButton");
    QTRY_COMPARE_WITH_TIMEOUT(window.screen(), MainWindow::Screen::Workspace, 20000);

    // The light theme, for the README.
    settings.setValue(Settings::Key::Theme, QStringLiteral("light"));
    ui::Theme::apply(QStringLiteral("light"));
    window.showSection(MainWindow::Section::Dashboard);
    QTest::qWait(50);
    saveShot(&window, QStringLiteral("dashboard-light"));
    ui::Theme::apply(QStringLiteral("dark"));
    QVERIFY(m_messages.isEmpty());
}

void TestMainWindow::rememberMeSignsInAtStart()
{
    const QString path = m_env->path(QStringLiteral("remember.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    Settings settings(m_env->path(QStringLiteral("remember.ini")));
    {
        ui::AppSession session(settings);
        MainWindow window(session);
        QVERIFY(window.databaseActions().openPath(path, true));
        window.show();
        QCOMPARE(window.screen(), MainWindow::Screen::SignIn);
        type(&window, "signInEmail", QStringLiteral("admin@example.com"));
        type(&window, "signInPassword", QString::fromLatin1(test::kAdminPassword));
        window.findChild<QCheckBox *>(QStringLiteral("signInRemember"))->setChecked(true);
        click(&window, "signInButton");
        QTRY_COMPARE_WITH_TIMEOUT(window.screen(), MainWindow::Screen::Workspace, 20000);
        // The keychain write completes asynchronously: wait for the token itself, not for a time.
        const QString key = session.rememberSecretKey();
        QTRY_VERIFY_WITH_TIMEOUT(test::await(session.secrets().read(key)).ok(), 20000);
    }
    {
        // Next start: signed in from the keychain, no password typed.
        ui::AppSession session(settings);
        MainWindow window(session);
        QVERIFY(window.databaseActions().openPath(path, true));
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.screen(), MainWindow::Screen::Workspace, 20000);
        QCOMPARE(session.user().email, QStringLiteral("admin@example.com"));
        // Signing out forgets this computer.
        window.signOut();
        QCOMPARE(window.screen(), MainWindow::Screen::SignIn);
        QTest::qWait(500);
    }
    {
        ui::AppSession session(settings);
        MainWindow window(session);
        QVERIFY(window.databaseActions().openPath(path, true));
        window.show();
        QTest::qWait(1000);
        QCOMPARE(window.screen(), MainWindow::Screen::SignIn);
    }
    QVERIFY2(m_messages.isEmpty(), m_messages.isEmpty() ? "" : qPrintable(m_messages.first().text));
}

void TestMainWindow::secondInstanceOpensReadOnly()
{
    const QString path = m_env->path(QStringLiteral("locked.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    auto holder = test::startHolder(path);
    QVERIFY(holder);
    {
        Settings settings(m_env->path(QStringLiteral("locked.ini")));
        ui::AppSession session(settings);
        MainWindow window(session);
        QVERIFY(window.databaseActions().openPath(path, true));
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.first().kind, ui::Dialogs::Kind::Question);
        QVERIFY(m_messages.first().text.contains(QString::number(holder->processId())));
        QVERIFY(session.database()->isReadOnly());
        window.show();
        QCOMPARE(window.screen(), MainWindow::Screen::SignIn);
        type(&window, "signInEmail", QStringLiteral("admin@example.com"));
        type(&window, "signInPassword", QString::fromLatin1(test::kAdminPassword));
        click(&window, "signInButton");
        QTRY_COMPARE_WITH_TIMEOUT(window.screen(), MainWindow::Screen::Workspace, 20000);
        saveShot(&window, QStringLiteral("read-only"));
    }
    holder->kill();
    holder->waitForFinished();

    // Choosing "No" at start-up quits.
    m_messages.clear();
    auto again = test::startHolder(path);
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return QMessageBox::No;
    });
    {
        Settings settings(m_env->path(QStringLiteral("locked.ini")));
        ui::AppSession session(settings);
        MainWindow window(session);
        bool quit = false;
        connect(&window.databaseActions(), &ui::DatabaseActions::quitRequested, this, [&] { quit = true; });
        QVERIFY(!window.databaseActions().openPath(path, true));
        QVERIFY(quit);
        QVERIFY(!session.hasDatabase());
    }
    again->kill();
    again->waitForFinished();
    initTestCase(); // restore the default hook
}

void TestMainWindow::unopenableDatabaseShowsStartPage()
{
    const QString path = m_env->path(QStringLiteral("garbage.sqlite"));
    test::writeRandomBytes(path, 4096);
    Settings settings(m_env->path(QStringLiteral("garbage.ini")));
    ui::AppSession session(settings);
    MainWindow window(session);
    QVERIFY(!window.databaseActions().openPath(path, true));
    QCOMPARE(m_messages.size(), 1);
    QCOMPARE(m_messages.first().kind, ui::Dialogs::Kind::Critical);
    QVERIFY(m_messages.first().text.contains(QStringLiteral("garbage.sqlite")));
    window.show();
    QCOMPARE(window.screen(), MainWindow::Screen::Start);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("startMessage"))->text().contains(QStringLiteral("untouched")));
}

void TestMainWindow::importMappingIsChosenAndRemembered()
{
    const QString path = m_env->path(QStringLiteral("mapping.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    const QString csv = m_env->path(QStringLiteral("odd-columns.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Correo-e;Nombre de pila;Plan\nuno@example.com;Uno;Gold\ndos@example.com;Dos;Silver\n");
    }
    Settings settings(m_env->path(QStringLiteral("mapping.ini")));
    ui::AppSession session(settings);
    QVERIFY(session.open(path, Database::Access::ReadWrite).ok());
    ui::ContactsPage page(session);
    page.show();

    const auto mappingFor = [](ui::ImportDialog *dialog, int row) {
        return qobject_cast<QComboBox *>(dialog->findChild<QTableWidget *>(QStringLiteral("importMapping"))->cellWidget(row, 1));
    };
    page.openImport(csv);
    auto *dialog = page.findChild<ui::ImportDialog *>();
    QVERIFY(dialog);
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("importStart"));
    QVERIFY(!start->isEnabled()); // no column holds the email yet
    QComboBox *email = mappingFor(dialog, 0);
    email->setCurrentIndex(email->findData(QStringLiteral("email")));
    QComboBox *plan = mappingFor(dialog, 2);
    plan->setCurrentIndex(plan->findData(QStringLiteral("custom:plan")));
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("importReport"))->text().contains(QStringLiteral("2 new")), 20000);
    dialog->close();
    QTRY_COMPARE(page.model()->rowCount(), 2);

    // The next file with the same columns starts from the same mapping.
    page.openImport(csv);
    QTRY_VERIFY(page.findChildren<ui::ImportDialog *>().size() == 1);
    auto *again = page.findChild<ui::ImportDialog *>();
    QCOMPARE(mappingFor(again, 0)->currentData().toString(), QStringLiteral("email"));
    QCOMPARE(mappingFor(again, 2)->currentData().toString(), QStringLiteral("custom:plan"));
    QVERIFY(again->findChild<QPushButton *>(QStringLiteral("importStart"))->isEnabled());
    again->close();
}

LUX_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
