// SPDX-License-Identifier: GPL-3.0-or-later
// The template editor on a real database, offscreen: checks as you type with places, jumping to a
// finding's line, the live preview at desktop and phone widths, render as a contact, save with history;
// starters, duplicate, delete, tags and the filter, going back to a version, the text part, find and
// replace, components and brand kits, loading remote images over loopback HTTP on request, and an
// image from the media library chosen in the thumbnail picker (one only) inserted as its cid: reference.
// Screenshots go to $LUX_SCREENSHOT_DIR when set.
#include "assistant/mediastore.h"
#include "common/dialogs.h"
#include "common/mediapicker.h"
#include "common/translations.h"
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "dialogguard.h"
#include "preview/previewwidget.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "templates/brandkitdialog.h"
#include "templates/componentsdialog.h"
#include "templates/findbar.h"
#include "templates/historydialog.h"
#include "templates/templatespage.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QElapsedTimer>
#include <QMenu>
#include <QTest>
#include <QToolButton>

using namespace lux;

class TestTemplatesPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editCheckPreviewSave();
    void startersDuplicateDeleteAndHistory();
    void textPartTagsAndFindReplace();
    void componentsAndBrandKits();
    void remoteImagesLoadOnlyWhenAsked();
    void hostileSourceIsCheckedNotParsed();
    void insertImageFromTheMediaLibrary();

private:
    struct Fixture : test::SessionFixture
    {
        Fixture() { QVERIFY(openSession(false)); }
    };
    static void waitLoaded(ui::TemplatesPage &page)
    {
        page.resize(1280, 820);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY(!page.isBusy() && page.list() && page.checks());
        QTRY_VERIFY(!page.isBusy());
    }
    static void saveAndWait(ui::TemplatesPage &page)
    {
        QSignalSpy saved(&page, &ui::TemplatesPage::saved);
        page.save();
        QTRY_COMPARE(saved.size(), 1);
        QTRY_VERIFY(!page.isBusy());
    }
    void saveShot(QWidget *w, const QString &name) const
    {
        QTest::qWait(50);
        const QPixmap shot = w->grab();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
    void recordMessages();
    static void saveShotOf(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
    QList<ui::Dialogs::Message> m_messages;
};

void TestTemplatesPage::initTestCase()
{
    lux::installTranslations(QStringLiteral("en")); // English plural forms, as the app has them
    ui::Theme::apply(QStringLiteral("dark"));
    recordMessages();
}

void TestTemplatesPage::recordMessages()
{
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return QMessageBox::Ok;
    });
}

void TestTemplatesPage::editCheckPreviewSave()
{
    Fixture f;
    QSqlDatabase db = f.db();
    contacts::Contact ana;
    ana.email = QStringLiteral("ana@example.com");
    ana.firstName = QStringLiteral("Ana");
    QVERIFY(contacts::ContactRepository(db).add(ana, QStringLiteral("US"), std::nullopt).ok());
    QVERIFY(content::TemplateStore(db).saveBrandKit(QStringLiteral("Acme"), {{QStringLiteral("address"), QStringLiteral("1 Main St, Springfield")}},
                                                    true, std::nullopt).ok());

    ui::TemplatesPage page(f.session);
    page.resize(1280, 820);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // A new database starts with the starter template: valid, so only the subject is missing.
    QTRY_VERIFY(page.checks()->count() > 0);
    auto *summary = page.findChild<QLabel *>(QStringLiteral("templateChecksSummary"));
    QCOMPARE(summary->text(), QStringLiteral("Checks: 1 error that blocks sending, 1 warning."));
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
    QTRY_VERIFY(!page.isBusy());
    QTRY_VERIFY(!preview->isRendering());
    QVERIFY2(page.textEditor()->toPlainText().contains(QStringLiteral("Hi Ana,")), qPrintable(page.textEditor()->toPlainText()));
    saveShot(&page, QStringLiteral("template-editor"));
    const int desktopHeight = preview->documentHeight();
    page.setPreviewWidth(375);
    QTRY_VERIFY_WITH_TIMEOUT(!preview->isRendering() && preview->previewWidth() == 375, 10000);
    QTRY_VERIFY(preview->documentHeight() >= desktopHeight);
    saveShot(&page, QStringLiteral("template-editor-mobile"));

    // Save: a new template with one version; saving an edit adds one.
    page.findChild<QLineEdit *>(QStringLiteral("templateName"))->setText(QStringLiteral("Spring news"));
    saveAndWait(page);
    QVERIFY(!page.isModified());
    page.setSource(source + QStringLiteral("\n<!-- v2 -->"));
    QVERIFY(page.isModified());
    saveAndWait(page);
    const auto saved = content::TemplateStore(db).find(QStringLiteral("spring news"));
    QVERIFY(saved.ok());
    QCOMPARE(saved->subject, QStringLiteral("Spring news for {{first_name}}"));
    QCOMPARE(content::TemplateStore(db).revisions(saved->id).size(), 2);
    QCOMPARE(page.list()->count(), 1);
    QVERIFY(m_messages.isEmpty());
}

void TestTemplatesPage::startersDuplicateDeleteAndHistory()
{
    Fixture f;
    ui::TemplatesPage page(f.session);
    waitLoaded(page);
    // Each starter opens under its own name, renders and passes the merge checks.
    for (const QString &starter : ui::TemplatesPage::starters()) {
        page.newTemplate(starter);
        QVERIFY2(page.editor()->toPlainText().contains(QStringLiteral("<table")), qPrintable(starter));
        for (int i = 0; i < page.checks()->count(); ++i)
            QVERIFY2(!page.checks()->item(i)->text().contains(QStringLiteral("merge tag")), qPrintable(page.checks()->item(i)->text()));
        if (starter == QLatin1String("newsletter.html")) {
            QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("templateName"))->text(), QStringLiteral("Newsletter"));
            QTRY_VERIFY_WITH_TIMEOUT(!page.preview()->isRendering() && page.preview()->documentHeight() > 300, 10000);
            page.findChild<QLineEdit *>(QStringLiteral("templateSubject"))->setText(QStringLiteral("This month at the workshop"));
            page.findChild<QLineEdit *>(QStringLiteral("templateTags"))->setText(QStringLiteral("monthly"));
            saveAndWait(page);
            QTRY_VERIFY(!page.preview()->isRendering());
            saveShot(&page, QStringLiteral("template-newsletter"));
        }
    }
    m_messages.clear();
    // Unsaved changes are asked about before another template replaces them.
    QCOMPARE(page.list()->count(), 1);
    page.open(QStringLiteral("Newsletter")); // the letter starter in the editor is unsaved: asked first
    QCOMPARE(m_messages.size(), 1);
    QCOMPARE(m_messages.first().title, QStringLiteral("Unsaved Changes"));
    m_messages.clear();

    // Duplicate makes "Newsletter (copy)" with one version of its own.
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return m.title == QLatin1String("Unsaved Changes") ? QMessageBox::Discard : QMessageBox::Yes;
    });
    page.open(QStringLiteral("Newsletter"));
    QTRY_COMPARE(page.findChild<QLineEdit *>(QStringLiteral("templateName"))->text(), QStringLiteral("Newsletter"));
    page.duplicateCurrent();
    QTRY_COMPARE(page.list()->count(), 2);
    QTRY_COMPARE(page.findChild<QLineEdit *>(QStringLiteral("templateName"))->text(), QStringLiteral("Newsletter (copy)"));
    const auto copy = content::TemplateStore(f.db()).find(QStringLiteral("Newsletter (copy)"));
    QVERIFY(copy.ok());
    QCOMPARE(content::TemplateStore(f.db()).revisions(copy->id).size(), 1);

    // Two more versions of the copy; going back to the first puts it in the editor, unsaved.
    const QString first = page.editor()->toPlainText();
    page.setSource(first + QStringLiteral("\n<!-- second -->"));
    saveAndWait(page);
    page.setSource(first + QStringLiteral("\n<!-- third -->"));
    saveAndWait(page);
    // The dialog opens once the versions are read on a worker: wait for it, then pick.
    test::DialogGuard::expect(ui::HistoryDialog::staticMetaObject);
    auto *poll = new QTimer(this);
    poll->setInterval(10);
    QStringList versions;
    connect(poll, &QTimer::timeout, this, [poll, &versions] {
        auto *dialog = qobject_cast<ui::HistoryDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->deleteLater();
        poll->stop();
        for (int i = 0; i < dialog->list()->count(); ++i)
            versions << dialog->list()->item(i)->text();
        dialog->list()->setCurrentRow(2); // the oldest
        saveShotOf(dialog, QStringLiteral("template-history"));
        dialog->accept();
    });
    poll->start();
    page.showHistory();
    QTRY_VERIFY(page.isModified());
    QCOMPARE(versions.size(), 3);
    QVERIFY2(versions.at(0).startsWith(QStringLiteral("Version 3 (current)\n")), qPrintable(versions.at(0)));
    QVERIFY2(versions.at(0).endsWith(QStringLiteral(" · -1 characters")), qPrintable(versions.at(0))); // "third" for "second"
    QVERIFY2(versions.at(1).endsWith(QStringLiteral(" · +16 characters")), qPrintable(versions.at(1)));
    QCOMPARE(page.editor()->toPlainText(), first);
    saveAndWait(page);
    QCOMPARE(content::TemplateStore(f.db()).revisions(copy->id).size(), 4); // nothing overwritten

    // Delete asks, then removes the template and its versions.
    m_messages.clear();
    page.deleteCurrent();
    QTRY_COMPARE(page.list()->count(), 1);
    QCOMPARE(m_messages.size(), 1);
    QCOMPARE(m_messages.first().title, QStringLiteral("Delete Template"));
    QVERIFY(!content::TemplateStore(f.db()).find(QStringLiteral("Newsletter (copy)")).ok());
    QSqlQuery q(f.db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM template_revisions WHERE template_id = %1").arg(copy->id)) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    recordMessages(); // the usual hook again
    m_messages.clear();
}

void TestTemplatesPage::textPartTagsAndFindReplace()
{
    Fixture f;
    ui::TemplatesPage page(f.session);
    waitLoaded(page);
    page.findChild<QLineEdit *>(QStringLiteral("templateSubject"))->setText(QStringLiteral("Hello"));
    page.findChild<QLineEdit *>(QStringLiteral("templateTags"))->setText(QStringLiteral("monthly, spring, Monthly"));
    // The text part follows the HTML until the user writes it.
    page.setSource(page.editor()->toPlainText());
    QVERIFY(page.textEditor()->isReadOnly());
    QVERIFY2(page.textEditor()->toPlainText().contains(QStringLiteral("Write your message here.")), qPrintable(page.textEditor()->toPlainText()));
    page.customTextBox()->setChecked(true);
    QVERIFY(!page.textEditor()->isReadOnly());
    page.textEditor()->setPlainText(QStringLiteral("Hi {{first_name | default: \"there\"}}, plain and simple.\n{{unknown_tag}}"));
    const auto textFinding = [&page] {
        for (int i = 0; i < page.checks()->count(); ++i)
            if (page.checks()->item(i)->text().startsWith(QStringLiteral("Plain text 2:1 ")))
                return i;
        return -1;
    };
    QTRY_VERIFY2(textFinding() >= 0, "an unknown tag in the text part is found with its place");
    Q_EMIT page.checks()->itemDoubleClicked(page.checks()->item(textFinding()));
    QCOMPARE(page.tabs()->currentIndex(), 1);
    QCOMPARE(page.textEditor()->textCursor().blockNumber(), 1);
    page.textEditor()->setPlainText(QStringLiteral("Hi {{first_name | default: \"there\"}}, plain and simple."));

    // Find and replace: counts, replaces all in one undo step.
    ui::FindBar *bar = page.findBar();
    page.tabs()->setCurrentIndex(0);
    bar->showReplace();
    QVERIFY(bar->isVisible());
    bar->findField()->setText(QStringLiteral("write your message"));
    QVERIFY(bar->findNext());
    QCOMPARE(page.editor()->textCursor().selectedText(), QStringLiteral("Write your message"));
    bar->replaceField()->setText(QStringLiteral("Tell them something good"));
    QCOMPARE(bar->replaceAll(), 1);
    QVERIFY(page.editor()->toPlainText().contains(QStringLiteral("Tell them something good here.")));
    page.editor()->undo();
    QVERIFY(page.editor()->toPlainText().contains(QStringLiteral("Write your message here.")));
    page.editor()->redo();

    page.findChild<QLineEdit *>(QStringLiteral("templateName"))->setText(QStringLiteral("Plain one"));
    saveAndWait(page);
    const auto saved = content::TemplateStore(f.db()).find(QStringLiteral("Plain one"));
    QVERIFY(saved.ok());
    QCOMPARE(saved->tags, (QStringList{QStringLiteral("monthly"), QStringLiteral("spring")}));
    QCOMPARE(saved->textPart, QStringLiteral("Hi {{first_name | default: \"there\"}}, plain and simple."));
    QVERIFY(saved->source.contains(QStringLiteral("Tell them something good")));
    // The renderer sends the text part as written, merged.
    const content::TemplateRenderer renderer(f.db());
    QCOMPARE(renderer.render(*saved, nullptr).text, QStringLiteral("Hi there, plain and simple."));

    // The filter finds templates by tag.
    auto *filter = page.findChild<QLineEdit *>(QStringLiteral("templatesFilter"));
    filter->setText(QStringLiteral("spring"));
    QVERIFY(!page.list()->item(0)->isHidden());
    filter->setText(QStringLiteral("autumn"));
    QVERIFY(page.list()->item(0)->isHidden());
    QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.isEmpty() ? QString() : m_messages.first().title + QStringLiteral(": ") + m_messages.first().text));
}

void TestTemplatesPage::componentsAndBrandKits()
{
    Fixture f;
    ui::TemplatesPage page(f.session);
    waitLoaded(page);
    {
        ui::ComponentsDialog dialog(f.session, &page);
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(dialog.list()->count(), 0);
        dialog.addStarters();
        QTRY_COMPARE(dialog.list()->count(), 7);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Edit the footer in one place.
        dialog.list()->setCurrentItem(dialog.list()->findItems(QStringLiteral("footer"), Qt::MatchExactly).first());
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("footer"));
        dialog.editor()->setPlainText(dialog.editor()->toPlainText().replace(QStringLiteral("You receive this because you subscribed."),
                                                                            QStringLiteral("Sent to you with care.")));
        dialog.saveCurrent();
        QTRY_VERIFY(!dialog.isBusy());
        QVERIFY(content::TemplateStore(f.db()).components().value(QStringLiteral("footer")).contains(QStringLiteral("Sent to you with care.")));
        saveShot(&dialog, QStringLiteral("template-components"));
        // A bad name is refused with the reason, nothing stored.
        dialog.nameField()->setText(QStringLiteral("bad name!"));
        dialog.saveCurrent();
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(content::TemplateStore(f.db()).components().size(), 7);
    }
    {
        ui::BrandKitDialog dialog(f.session, &page);
        QTRY_VERIFY(!dialog.isBusy());
        dialog.nameField()->setText(QStringLiteral("Acme"));
        dialog.field(QStringLiteral("primary_color"))->setText(QStringLiteral("blue"));
        QVERIFY(!dialog.saveButton()->isEnabled()); // not a colour code
        QCOMPARE(ui::BrandKitDialog::problem(QStringLiteral("primary_color"), QStringLiteral("blue")),
                 QStringLiteral("Write a colour as #rgb or #rrggbb, as in #1d4ed8."));
        dialog.field(QStringLiteral("primary_color"))->setText(QStringLiteral("#be123c"));
        dialog.field(QStringLiteral("website_url"))->setText(QStringLiteral("javascript:alert(1)"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        dialog.field(QStringLiteral("website_url"))->setText(QStringLiteral("https://acme.example"));
        dialog.field(QStringLiteral("font_family"))->setText(QStringLiteral("Georgia"));
        QVERIFY(!dialog.saveButton()->isEnabled()); // no generic fallback
        dialog.field(QStringLiteral("font_family"))->setText(QStringLiteral("Georgia, 'Times New Roman', serif"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("brand_address"))->setPlainText(QStringLiteral("1 Main St, Springfield"));
        QVERIFY(dialog.saveButton()->isEnabled());
        dialog.saveCurrent();
        QTRY_COMPARE(dialog.list()->count(), 1);
        QCOMPARE(dialog.list()->item(0)->text(), QStringLiteral("Acme (default)"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveShot(&dialog, QStringLiteral("template-brand-kit"));
        const auto fields = content::TemplateStore(f.db()).brandFields();
        QCOMPARE(fields.value(QStringLiteral("primary_color")), QStringLiteral("#be123c"));
        QCOMPARE(fields.value(QStringLiteral("address")), QStringLiteral("1 Main St, Springfield"));
    }
    // The page picks both up: a template of components, coloured by the kit, with the address.
    QTRY_VERIFY(!page.isBusy());
    QSignalSpy loaded(&page, &ui::TemplatesPage::loaded);
    Q_EMIT f.session.databaseChanged(); // what the dialogs' changed() leads to when run from the page
    QTRY_COMPARE(loaded.size(), 1);
    page.findChild<QLineEdit *>(QStringLiteral("templateSubject"))->setText(QStringLiteral("Hello"));
    page.findChild<QLineEdit *>(QStringLiteral("templatePreheader"))->setText(QStringLiteral("All of it"));
    page.setSource(QStringLiteral("<html><body>{{> header}}<p>Hi</p>{{> button}}{{> divider}}{{> social-links}}{{> footer}}</body></html>"));
    for (int i = 0; i < page.checks()->count(); ++i)
        QVERIFY2(!page.checks()->item(i)->text().contains(QStringLiteral("component")), qPrintable(page.checks()->item(i)->text()));
    QVERIFY2(!page.findChild<QLabel *>(QStringLiteral("templateChecksSummary"))->text().contains(QStringLiteral("error")),
             qPrintable(page.findChild<QLabel *>(QStringLiteral("templateChecksSummary"))->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!page.preview()->isRendering() && page.preview()->documentHeight() > 100, 10000);
}

void TestTemplatesPage::remoteImagesLoadOnlyWhenAsked()
{
    // A loopback image server that counts requests.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int requests = 0;
    QByteArray png;
    {
        QImage red(40, 20, QImage::Format_RGB32);
        red.fill(Qt::red);
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && red.save(&buffer, "PNG"));
    }
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            ++requests;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\nContent-Length: "
                          + QByteArray::number(png.size()) + "\r\n\r\n" + png);
            socket->disconnectFromHost();
        });
    });
    const QString url = QStringLiteral("http://127.0.0.1:%1/hero.png").arg(server.serverPort());
    ui::PreviewWidget preview;
    preview.resize(700, 400);
    preview.show();
    preview.setHtml(QStringLiteral("<body style=\"margin:0\"><img src=\"%1\" width=\"40\" height=\"20\" alt=\"Hero\"></body>").arg(url));
    QTRY_VERIFY(!preview.isRendering() && preview.blockedImageCount() == 1);
    auto *note = preview.findChild<QLabel *>(QStringLiteral("previewNote"));
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("1 remote image not loaded")), qPrintable(note->text()));
    QTest::qWait(100);
    QCOMPARE(requests, 0); // nothing was fetched on its own
    auto *load = preview.findChild<QPushButton *>(QStringLiteral("previewLoadImages"));
    QVERIFY(load->isVisible());
    load->click();
    QTRY_COMPARE(requests, 1);
    QTRY_VERIFY(!preview.isRendering() && preview.blockedImageCount() == 0);
    QTRY_VERIFY(!note->isVisible());
    // Another edit of the same email keeps the image; another email blocks again.
    preview.setHtml(QStringLiteral("<body style=\"margin:0\"><p>x</p><img src=\"%1\" alt=\"Hero\"></body>").arg(url));
    QTRY_VERIFY(!preview.isRendering());
    QCOMPARE(preview.blockedImageCount(), 0);
    preview.forgetRemoteImages();
    preview.setHtml(QStringLiteral("<body><img src=\"%1\" alt=\"Hero\"></body>").arg(url));
    QTRY_VERIFY(!preview.isRendering() && preview.blockedImageCount() == 1);
    QCOMPARE(requests, 1);
}

// Issue 13: markup mail clients strip is a warning with its line, and left out of the text; a source
// 100,000 elements deep is one error in the checks, refused on save, and never parsed.
void TestTemplatesPage::hostileSourceIsCheckedNotParsed()
{
    Fixture f;
    QSqlDatabase db = f.db();
    ui::TemplatesPage page(f.session);
    waitLoaded(page);
    m_messages.clear();

    page.setSource(QStringLiteral("<p onclick=\"x()\">Hi there</p>\n<script>steal()</script>\n<form><button>Go</button></form>"));
    QStringList items;
    for (int i = 0; i < page.checks()->count(); ++i)
        items << page.checks()->item(i)->text();
    QVERIFY2(items.contains(QStringLiteral("Line 1:4 — Removed from the message: the onclick attribute of <p> at line 1, column 4. "
                                           "Mail clients run no scripts, and spam filters count event handlers against you.")),
             qPrintable(items.join(u'\n')));
    QVERIFY2(items.filter(QStringLiteral("Line 2:1 — Removed from the message: <script>")).size() == 1, qPrintable(items.join(u'\n')));
    QVERIFY2(items.filter(QStringLiteral("Line 3:7 — Removed from the message: <button>")).size() == 1, qPrintable(items.join(u'\n')));
    QVERIFY(page.textEditor()->toPlainText().contains(QStringLiteral("Hi there")));
    QVERIFY(!page.textEditor()->toPlainText().contains(QStringLiteral("steal")));
    QVERIFY(!page.textEditor()->toPlainText().contains(QStringLiteral("Go")));

    QElapsedTimer clock;
    clock.start();
    page.setSource(QStringLiteral("<div>").repeated(100'000) + QStringLiteral("deep"));
    QVERIFY2(clock.elapsed() < 10'000, "a bound, not a speed");
    QCOMPARE(page.checks()->count(), 1);
    QVERIFY2(page.checks()->item(0)->text().contains(QStringLiteral("nests elements more than 512 deep: line 1, column 2561, <div>.")),
             qPrintable(page.checks()->item(0)->text()));
    QCOMPARE(page.textEditor()->toPlainText(), QString());
    page.findChild<QLineEdit *>(QStringLiteral("templateName"))->setText(QStringLiteral("Deep"));
    page.save();
    QTRY_COMPARE(m_messages.size(), 1);
    QTRY_VERIFY(!page.isBusy());
    QVERIFY2(m_messages.constFirst().text.startsWith(QStringLiteral("The template “Deep” nests elements more than 512 deep")),
             qPrintable(m_messages.constFirst().text));
    QVERIFY(!content::TemplateStore(db).find(QStringLiteral("Deep")).ok());
    QVERIFY(page.isModified());
    m_messages.clear();
}

void TestTemplatesPage::insertImageFromTheMediaLibrary()
{
    Fixture f;
    const auto picture = [](QSize size, QColor colour) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(colour);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    };
    assistant::MediaStore store(f.db());
    assistant::MediaItem logo;
    logo.name = QStringLiteral("Logo");
    logo.alt = QStringLiteral("Acme & Co");
    logo.data = picture(QSize(320, 120), QColor(60, 82, 140));
    logo.createdAt = QDateTime::currentMSecsSinceEpoch() - 60000;
    assistant::MediaItem hero;
    hero.name = QStringLiteral("Hero");
    hero.data = picture(QSize(1200, 600), QColor(214, 168, 122));
    const auto logoId = store.add(logo, std::nullopt);
    QVERIFY(logoId && store.add(hero, std::nullopt));

    ui::TemplatesPage page(f.session);
    waitLoaded(page);
    auto *insert = page.findChild<QToolButton *>(QStringLiteral("templateInsert"));
    QVERIFY(insert && insert->menu());
    QAction *fromLibrary = nullptr;
    for (QAction *a : insert->menu()->actions())
        if (a->text() == QStringLiteral("Image from the Media Library…"))
            fromLibrary = a;
    QVERIFY(fromLibrary);
    fromLibrary->trigger();
    // The picker, not a list of names: thumbnails, one to choose, opened without blocking the page.
    auto *picker = page.findChild<ui::MediaPicker *>(QStringLiteral("mediaPicker"));
    QVERIFY(picker && picker->isVisible());
    QTRY_VERIFY(picker->isLoaded());
    auto *list = picker->findChild<QListWidget *>(QStringLiteral("mediaPickerList"));
    QVERIFY(list);
    QCOMPARE(list->selectionMode(), QAbstractItemView::SingleSelection);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(1)->text(), QStringLiteral("Logo\n320 × 120"));
    QVERIFY(!list->item(1)->icon().isNull());
    saveShot(picker, QStringLiteral("media-picker"));
    list->setCurrentRow(1);
    QCOMPARE(picker->chosen().size(), 1);
    const QString before = page.editor()->toPlainText();
    picker->findChild<QPushButton *>(QStringLiteral("mediaPickerChoose"))->click();
    const QString inserted = page.editor()->toPlainText();
    QVERIFY(inserted != before);
    QVERIFY2(inserted.contains(QStringLiteral("<img src=\"cid:media-%1\" width=\"320\" alt=\"Acme &amp; Co\"").arg(*logoId)), qPrintable(inserted));
    QTRY_VERIFY(!page.findChild<ui::MediaPicker *>()); // gone once chosen
}

LUX_GUI_TEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
