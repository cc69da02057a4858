// SPDX-License-Identifier: GPL-3.0-or-later
// The template editor on a real database, offscreen: checks as you type with places, jumping to a
// finding's line, the live preview at desktop and phone widths, render as a contact, save with history.
// Screenshots go to $LUX_SCREENSHOT_DIR when set.
#include "app/appsession.h"
#include "common/dialogs.h"
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "preview/previewwidget.h"
#include "settings/settings.h"
#include "templates/templatespage.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace lux;

class TestTemplatesPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editCheckPreviewSave();

private:
    void saveShot(QWidget *w, const QString &name) const
    {
        QTest::qWait(50);
        const QPixmap shot = w->grab();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
    QList<ui::Dialogs::Message> m_messages;
};

void TestTemplatesPage::initTestCase()
{
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return QMessageBox::Ok;
    });
}

void TestTemplatesPage::editCheckPreviewSave()
{
    test::TestEnvironment env;
    const QString path = env.path(QStringLiteral("t.sqlite"));
    (void)test::createDatabaseWithAdmin(path);
    Settings settings(env.path(QStringLiteral("t.ini")));
    ui::AppSession session(settings);
    QVERIFY(session.open(path, Database::Access::ReadWrite).ok());
    QSqlDatabase db = session.database()->connection();
    contacts::Contact ana;
    ana.email = QStringLiteral("ana@example.com");
    ana.firstName = QStringLiteral("Ana");
    QVERIFY(contacts::ContactRepository(db).add(ana, QStringLiteral("US"), std::nullopt).ok());
    QVERIFY(content::TemplateStore(db).saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St, Springfield")}},
                                                    true, std::nullopt).ok());

    ui::TemplatesPage page(session);
    page.resize(1280, 820);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // A new database starts with the starter template: valid, so only the subject is missing.
    QTRY_VERIFY(page.checks()->count() > 0);
    auto *summary = page.findChild<QLabel *>(QStringLiteral("templateChecksSummary"));
    QCOMPARE(summary->text(), QStringLiteral("Checks: 1 error(s) that block sending, 1 warning(s)."));
    page.findChild<QLineEdit *>(QStringLiteral("templateSubject"))->setText(QStringLiteral("Spring news for {{first_name}}"));
    page.findChild<QLineEdit *>(QStringLiteral("templatePreheader"))->setText(QStringLiteral("Three things we made"));
    QTRY_COMPARE(summary->text(), QStringLiteral("Checks: ready to send."));

    // A mistake on line 10: the check says where, double-clicking goes there.
    QString source = page.editor()->toPlainText();
    source.replace(QStringLiteral("Hi {{first_name | default: \"there\"}},"), QStringLiteral("Hi {{frist_name}},"));
    page.setSource(source);
    QCOMPARE(page.checks()->count(), 1);
    QVERIFY2(page.checks()->item(0)->text().startsWith(QStringLiteral("Line 10:69 ")), qPrintable(page.checks()->item(0)->text()));
    QVERIFY(page.checks()->item(0)->text().contains(QStringLiteral("Unknown merge tag {{frist_name}}.")));
    Q_EMIT page.checks()->itemDoubleClicked(page.checks()->item(0));
    QCOMPARE(page.editor()->textCursor().blockNumber() + 1, 10);
    QCOMPARE(page.editor()->textCursor().positionInBlock() + 1, 69);
    source.replace(QStringLiteral("Hi {{frist_name}},"), QStringLiteral("Hi {{first_name | default: \"there\"}},"));
    page.setSource(source);
    QCOMPARE(page.checks()->count(), 0);

    // The preview follows, at desktop and phone widths, merged as a contact.
    ui::PreviewWidget *preview = page.preview();
    QTRY_VERIFY_WITH_TIMEOUT(!preview->isRendering() && preview->documentHeight() > 100, 10000);
    page.renderAs(QStringLiteral("ana@example.com"));
    QTRY_VERIFY(!preview->isRendering());
    saveShot(&page, QStringLiteral("template-editor"));
    const int desktopHeight = preview->documentHeight();
    page.setPreviewWidth(375);
    QTRY_VERIFY_WITH_TIMEOUT(!preview->isRendering() && preview->previewWidth() == 375, 10000);
    QTRY_VERIFY(preview->documentHeight() >= desktopHeight);
    saveShot(&page, QStringLiteral("template-editor-mobile"));

    // Save: a new template with one version; saving an edit adds one.
    page.findChild<QLineEdit *>(QStringLiteral("templateName"))->setText(QStringLiteral("Spring news"));
    QVERIFY(page.save());
    page.setSource(source + QStringLiteral("\n<!-- v2 -->"));
    QVERIFY(page.save());
    const auto saved = content::TemplateStore(db).find(QStringLiteral("spring news"));
    QVERIFY(saved.ok());
    QCOMPARE(saved->subject, QStringLiteral("Spring news for {{first_name}}"));
    QCOMPARE(content::TemplateStore(db).revisions(saved->id).size(), 2);
    QCOMPARE(page.list()->count(), 1);
    QVERIFY(m_messages.isEmpty());
}

LUX_TEST_MAIN(TestTemplatesPage, QApplication)
#include "tst_templatespage.moc"
