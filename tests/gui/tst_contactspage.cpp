// SPDX-License-Identifier: GPL-3.0-or-later
// The Contacts page on a real database, offscreen: multi-select and "all that match", bulk tag, untag,
// unsubscribe and delete, each undone and redone through the page's undo stack; sortable columns; the
// contact editor's validation as you type, save, undo; a new contact with consent; "Forget".
// Screenshots go to $LUX_SCREENSHOT_DIR when set.
#include "common/dialogs.h"
#include "contacts/contactactions.h"
#include "contacts/contacteditor.h"
#include "contacts/contactrepository.h"
#include "contacts/contactsmodel.h"
#include "contacts/contactspage.h"
#include "contacts/segmentbuilder.h"
#include "contacts/suppressiondialog.h"
#include "contacts/suppression.h"
#include "dialogguard.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSpinBox>
#include <QTreeWidget>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <optional>

using namespace lux;
using namespace lux::contacts;

class TestContactsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void bulkActionsUndoAndRedo();
    void allMatchingAppliesToTheWholeFilter();
    void sortableColumns();
    void editorValidatesAsYouTypeAndUndoes();
    void newContactWithConsentAndForget();
    void segmentBuilderValuePickers();
    void suppressionListDialog();

private:
    QString scalar(const QString &sql) const;
    void waitIdle() const;
    void select(const QList<int> &rows) const;
    void saveShot(QWidget *w, const QString &name) const;

    std::optional<test::SessionFixture> m_fx;
    ui::AppSession *m_session = nullptr;
    std::unique_ptr<ui::ContactsPage> m_page;
    QList<ui::Dialogs::Message> m_messages;
    QString m_answer; // what the next "ask for a tag" returns
};

void TestContactsPage::initTestCase()
{
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return m.kind == ui::Dialogs::Kind::Question ? QMessageBox::Yes : QMessageBox::Ok;
    });
    ui::Dialogs::setTextHook([this](const QString &, const QStringList &) { return m_answer; });
}

void TestContactsPage::init()
{
    test::DatabaseFixture &data = m_fx.emplace(QStringLiteral("page.sqlite")).data;
    QVERIFY(data.addContact(QStringLiteral("dora@example.com"), QStringLiteral("Dora"), {QStringLiteral("VIP")}, QStringLiteral("Zeta Corp")));
    QVERIFY(data.addContact(QStringLiteral("ben@example.com"), QStringLiteral("Ben"), {}, QStringLiteral("acme")));
    QVERIFY(data.addContact(QStringLiteral("carl@example.com"), QStringLiteral("Carl")));
    QVERIFY(data.addContact(QStringLiteral("ana@example.com"), QStringLiteral("Ana"), {QStringLiteral("VIP")}, QStringLiteral("Acme")));
    QVERIFY(data.addContact(QStringLiteral("eve@example.com"), QStringLiteral("Eve"), {}, QStringLiteral("Beta")));
    QVERIFY(m_fx->openSession(false));
    m_session = &m_fx->session;
    m_page = std::make_unique<ui::ContactsPage>(*m_session);
    m_page->resize(1100, 640);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(m_page->model()->rowCount(), 5);
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("contactsCount"))->text(), QStringLiteral("5 contact(s)"));
}

void TestContactsPage::cleanup()
{
    m_page.reset();
    m_session = nullptr;
    m_fx.reset();
    m_messages.clear();
}

QString TestContactsPage::scalar(const QString &sql) const
{
    QSqlQuery q(m_session->database()->connection());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("error");
    return q.value(0).toString();
}

void TestContactsPage::waitIdle() const
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->actions()->isBusy(), 20000);
    QTRY_VERIFY(!m_page->model()->isSorting());
}

void TestContactsPage::select(const QList<int> &rows) const
{
    QTableView *view = m_page->view();
    view->clearSelection();
    for (const int row : rows)
        view->selectionModel()->select(view->model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->setCurrentIndex(view->model()->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
}

void TestContactsPage::saveShot(QWidget *w, const QString &name) const
{
    QTest::qWait(50); // layouts settle
    const QPixmap shot = w->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestContactsPage::bulkActionsUndoAndRedo()
{
    auto *bar = m_page->findChild<QWidget *>(QStringLiteral("contactsSelectionBar"));
    QVERIFY(!bar->isVisibleTo(m_page.get()));
    select({1, 2}); // ben, carl
    QVERIFY(bar->isVisibleTo(m_page.get()));
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("contactsSelectionLabel"))->text(), QStringLiteral("2 selected"));
    QCOMPARE(m_page->findChild<QPushButton *>(QStringLiteral("contactsSelectAllMatching"))->text(),
             QStringLiteral("Select all 5 matching"));
    saveShot(m_page.get(), QStringLiteral("contacts-bulk"));
    QUndoStack *stack = m_page->actions()->undoStack();
    QAction *undo = m_page->actions()->undoAction();
    QAction *redo = m_page->actions()->redoAction();
    QVERIFY(!undo->isEnabled());

    // Add a new tag to two contacts, undo (the tag goes too), redo.
    m_answer = QStringLiteral("Winter");
    m_page->findChild<QPushButton *>(QStringLiteral("bulkTag"))->click();
    waitIdle();
    const QString winter = QStringLiteral("SELECT group_concat(c.email, ',') FROM contacts c JOIN contact_tags ct ON ct.contact_id = c.id "
                                          "JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'Winter' ORDER BY c.id");
    QCOMPARE(scalar(winter), QStringLiteral("ben@example.com,carl@example.com"));
    QCOMPARE(undo->text(), QStringLiteral("&Undo Add tag “Winter” to 2 contact(s)"));
    undo->trigger();
    waitIdle();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tags WHERE name = 'Winter'")), QStringLiteral("0"));
    QVERIFY(redo->isEnabled());
    redo->trigger();
    waitIdle();
    QCOMPARE(scalar(winter), QStringLiteral("ben@example.com,carl@example.com"));

    // Remove VIP from dora and ben: only dora had it; undo gives it back to dora only.
    select({0, 1});
    m_answer = QStringLiteral("vip");
    m_page->removeTagFromSelection();
    waitIdle();
    const QString vip = QStringLiteral("SELECT group_concat(c.email, ',') FROM contacts c JOIN contact_tags ct ON ct.contact_id = c.id "
                                       "JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP' ORDER BY c.id");
    QCOMPARE(scalar(vip), QStringLiteral("ana@example.com"));
    undo->trigger();
    waitIdle();
    QCOMPARE(scalar(vip), QStringLiteral("dora@example.com,ana@example.com"));

    // Unsubscribe two, undo.
    select({3, 4});
    m_page->findChild<QPushButton *>(QStringLiteral("bulkUnsubscribe"))->click();
    waitIdle();
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(email, ',') FROM contacts WHERE status = 'unsubscribed' ORDER BY id")),
             QStringLiteral("ana@example.com,eve@example.com"));
    undo->trigger();
    waitIdle();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE status = 'subscribed'")), QStringLiteral("5"));

    // Delete with the Delete key; the list and the count follow; undo restores the rows and their tags.
    select({0, 1});
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    waitIdle();
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("contactsCount"))->text(), QStringLiteral("3 contact(s)"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts_trash")), QStringLiteral("2"));
    QCOMPARE(undo->text(), QStringLiteral("&Undo Delete 2 contact(s)"));
    undo->trigger();
    waitIdle();
    QTRY_COMPARE(m_page->model()->rowCount(), 5);
    QCOMPARE(scalar(vip), QStringLiteral("dora@example.com,ana@example.com"));
    QCOMPARE(scalar(winter), QStringLiteral("ben@example.com,carl@example.com"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts_trash")), QStringLiteral("0"));
    redo->trigger(); // deleted again, then dropped from the history: the trash is purged
    waitIdle();
    QCOMPARE(m_page->model()->rowCount(), 3);
    stack->clear();
    QTRY_COMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts_trash")), QStringLiteral("0"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts")), QStringLiteral("3"));
    QVERIFY(m_messages.isEmpty());
}

void TestContactsPage::allMatchingAppliesToTheWholeFilter()
{
    m_page->setSearchText(QStringLiteral("acme"));
    QCOMPARE(m_page->model()->rowCount(), 2);
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("contactsCount"))->text(), QStringLiteral("2 contact(s)"));
    select({0});
    auto *all = m_page->findChild<QPushButton *>(QStringLiteral("contactsSelectAllMatching"));
    QCOMPARE(all->text(), QStringLiteral("Select all 2 matching"));
    all->click();
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("contactsSelectionLabel"))->text(),
             QStringLiteral("All 2 matching contact(s) are selected."));
    QVERIFY(m_page->selection().filter.has_value());
    m_page->deleteSelection(); // asks first, since it is the whole filter
    waitIdle();
    QCOMPARE(m_messages.size(), 1);
    QVERIFY(m_messages.first().text.contains(QStringLiteral("Delete all 2 matching contact(s)?")));
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(email, ',') FROM contacts ORDER BY id")),
             QStringLiteral("dora@example.com,carl@example.com,eve@example.com"));
    // A hand-made selection after "all matching" is a hand-made selection again.
    m_page->setSearchText({});
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    select({0});
    QVERIFY(!m_page->selection().filter.has_value());
    QCOMPARE(m_page->selectedCount(), 1);
}

void TestContactsPage::sortableColumns()
{
    QHeaderView *header = m_page->view()->horizontalHeader();
    const auto emails = [this] {
        QStringList list;
        for (int row = 0; row < m_page->model()->rowCount(); ++row)
            list << m_page->model()->contactAt(row).email.section(u'@', 0, 0);
        return list.join(u',');
    };
    QCOMPARE(emails(), QStringLiteral("dora,ben,carl,ana,eve")); // as added
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(ui::ContactsModel::Company) + 10, 5));
    waitIdle();
    QCOMPARE(m_page->model()->sortColumn(), int(ui::ContactsModel::Company));
    QTRY_COMPARE(emails(), QStringLiteral("ben,ana,eve,dora,carl")); // acme = Acme by id, Beta, Zeta, then no company
    m_page->view()->sortByColumn(ui::ContactsModel::Name, Qt::DescendingOrder);
    waitIdle();
    QTRY_COMPARE(emails(), QStringLiteral("eve,dora,carl,ben,ana"));
    // Sorting keeps the filter.
    m_page->setSearchText(QStringLiteral("acme"));
    waitIdle();
    QTRY_COMPARE(emails(), QStringLiteral("ben,ana"));
    m_page->view()->sortByColumn(ui::ContactsModel::Email, Qt::AscendingOrder);
    waitIdle();
    QTRY_COMPARE(emails(), QStringLiteral("ana,ben"));
    m_page->view()->sortByColumn(-1, Qt::AscendingOrder);
    waitIdle();
    QTRY_COMPARE(emails(), QStringLiteral("ben,ana"));
}

void TestContactsPage::editorValidatesAsYouTypeAndUndoes()
{
    const qint64 ben = m_page->model()->contactAt(1).id;
    m_page->openEditor(ben);
    ui::ContactEditor *editor = nullptr; // opens once the tags and custom fields are read
    QTRY_VERIFY((editor = m_page->findChild<ui::ContactEditor *>()));
    QVERIFY(editor->isVisible());
    auto *save = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QTRY_VERIFY(editor->isValid());
    auto *email = editor->findChild<QLineEdit *>(QStringLiteral("edit_email"));
    email->clear();
    QTest::keyClicks(email, QStringLiteral("ben@"));
    QVERIFY(!editor->problem(QStringLiteral("email")).isEmpty());
    QVERIFY(!save->isEnabled());
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("message_email"))->isVisibleTo(editor));
    QTest::keyClicks(email, QStringLiteral("Example.com")); // ben@Example.com: his own address, fine
    QTRY_VERIFY(!editor->isCheckingEmail());
    QCOMPARE(editor->problem(QStringLiteral("email")), QString());
    email->setText(QStringLiteral("ANA@example.com")); // someone else's
    QTRY_COMPARE_WITH_TIMEOUT(editor->problem(QStringLiteral("email")), QStringLiteral("Another contact already has this address."), 5000);
    QVERIFY(!save->isEnabled());
    email->setText(QStringLiteral("ben.new@example.com"));
    auto *phone = editor->findChild<QLineEdit *>(QStringLiteral("edit_phone"));
    phone->setText(QStringLiteral("12"));
    QVERIFY(!editor->problem(QStringLiteral("phone")).isEmpty());
    phone->setText(QStringLiteral("(415) 555-0132"));
    editor->findChild<QLineEdit *>(QStringLiteral("edit_country"))->setText(QStringLiteral("XX"));
    QCOMPARE(editor->problem(QStringLiteral("country")), QStringLiteral("Use the two-letter ISO code, such as US, ES or DE."));
    editor->findChild<QLineEdit *>(QStringLiteral("edit_country"))->setText(QStringLiteral("us"));
    editor->findChild<QComboBox *>(QStringLiteral("edit_time_zone"))->setCurrentText(QStringLiteral("Mars/Olympus"));
    QVERIFY(!editor->problem(QStringLiteral("time_zone")).isEmpty());
    editor->findChild<QComboBox *>(QStringLiteral("edit_time_zone"))->setCurrentText(QStringLiteral("America/Los_Angeles"));
    editor->findChild<QLineEdit *>(QStringLiteral("edit_tags"))->setText(QStringLiteral("VIP, Trade show, vip"));
    QTRY_VERIFY(editor->isValid());
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("message_phone"))->text(), QStringLiteral("Saved as +14155550132"));
    saveShot(editor, QStringLiteral("contact-editor"));
    QVERIFY(save->isEnabled());
    save->click();
    waitIdle();
    const Contact saved = *ContactRepository(m_session->database()->connection()).find(ben);
    QCOMPARE(saved.email, QStringLiteral("ben.new@example.com"));
    QCOMPARE(saved.phone, QStringLiteral("+14155550132"));
    QCOMPARE(saved.country, QStringLiteral("US"));
    QCOMPARE(saved.timeZone, QStringLiteral("America/Los_Angeles"));
    QCOMPARE(saved.tags, (QStringList{QStringLiteral("Trade show"), QStringLiteral("VIP")}));
    QCOMPARE(scalar(QStringLiteral("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")), QStringLiteral("contact.updated"));

    m_page->actions()->undoAction()->trigger();
    waitIdle();
    const Contact back = *ContactRepository(m_session->database()->connection()).find(ben);
    QCOMPARE(back.email, QStringLiteral("ben@example.com"));
    QCOMPARE(back.phone, QString());
    QCOMPARE(back.tags, QStringList());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tags WHERE name = 'Trade show'")), QStringLiteral("1")); // tags stay defined
}

void TestContactsPage::newContactWithConsentAndForget()
{
    m_page->findChild<QPushButton *>(QStringLiteral("contactsNew"))->click();
    ui::ContactEditor *editor = nullptr;
    QTRY_VERIFY((editor = m_page->findChild<ui::ContactEditor *>()));
    QVERIFY(editor->isNew());
    QCOMPARE(editor->problem(QStringLiteral("email")), QStringLiteral("An email address is required."));
    editor->findChild<QLineEdit *>(QStringLiteral("edit_email"))->setText(QStringLiteral("  Fay@Example.COM "));
    editor->findChild<QLineEdit *>(QStringLiteral("edit_first_name"))->setText(QStringLiteral("Fay"));
    editor->findChild<QLineEdit *>(QStringLiteral("edit_consent"))->setText(QStringLiteral("Signed up at the spring fair"));
    QTRY_VERIFY(editor->isValid());
    editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    waitIdle();
    QTRY_COMPARE(m_page->model()->rowCount(), 6);
    QCOMPARE(scalar(QStringLiteral("SELECT email || '|' || ifnull(created_by, '') FROM contacts WHERE email_key = 'fay@example.com'")),
             QStringLiteral("Fay@example.com|")); // no one signed in to this bare page
    QCOMPARE(scalar(QStringLiteral("SELECT action || '|' || method || '|' || evidence FROM consent_events c JOIN contacts k "
                                   "ON k.id = c.contact_id WHERE k.email_key = 'fay@example.com'")),
             QStringLiteral("given|manual|Signed up at the spring fair"));
    m_page->actions()->undoAction()->trigger(); // undo the add
    waitIdle();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE email_key = 'fay@example.com'")), QStringLiteral("0"));
    m_page->actions()->redoAction()->trigger();
    waitIdle();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consent_events c JOIN contacts k ON k.id = c.contact_id "
                                   "WHERE k.email_key = 'fay@example.com'")),
             QStringLiteral("1"));

    // Forget: asks, erases, keeps the hash, clears the undo history.
    QTRY_COMPARE(m_page->model()->rowCount(), 6);
    int fay = -1;
    for (int row = 0; row < m_page->model()->rowCount(); ++row)
        if (m_page->model()->contactAt(row).email == QLatin1String("Fay@example.com"))
            fay = row;
    QVERIFY(fay >= 0);
    select({fay});
    m_page->findChild<QPushButton *>(QStringLiteral("contactForget"))->click();
    waitIdle();
    QCOMPARE(m_messages.size(), 1);
    QVERIFY(m_messages.first().text.contains(QStringLiteral("cannot be restored")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE email_key = 'fay@example.com'")), QStringLiteral("0"));
    QVERIFY(SuppressionList(m_session->database()->connection()).contains(SuppressionList::Channel::Email, QStringLiteral("fay@example.com")));
    QVERIFY(!m_page->actions()->undoStack()->canUndo());
}

void TestContactsPage::segmentBuilderValuePickers()
{
    m_page->openSegmentBuilder();
    ui::SegmentBuilder *builder = nullptr;
    QTRY_VERIFY((builder = m_page->findChild<ui::SegmentBuilder *>()));
    auto *tree = builder->findChild<QTreeWidget *>(QStringLiteral("segmentTree"));
    const auto valueWidget = [tree](QTreeWidgetItem *rule) { return tree->itemWidget(rule, 2); };

    QTreeWidgetItem *status = builder->addRule(builder->root(), QStringLiteral("status"), QStringLiteral("is"), QStringLiteral("unsubscribed"));
    auto *statusBox = qobject_cast<QComboBox *>(valueWidget(status));
    QVERIFY(statusBox && !statusBox->isEditable());
    QCOMPARE(statusBox->count(), 5);
    QCOMPARE(statusBox->currentText(), QStringLiteral("Unsubscribed"));
    statusBox->setCurrentIndex(statusBox->findData(QStringLiteral("subscribed")));

    QTreeWidgetItem *tag = builder->addRule(builder->root(), QStringLiteral("tag"), QStringLiteral("has"));
    auto *tagBox = qobject_cast<QComboBox *>(valueWidget(tag));
    QVERIFY(tagBox && tagBox->isEditable());
    QCOMPARE(tagBox->count(), 1); // the database's one tag
    QCOMPARE(tagBox->currentText(), QStringLiteral("VIP"));

    QTreeWidgetItem *added = builder->addRule(builder->root(), QStringLiteral("created_at"), QStringLiteral("within_days"), QStringLiteral("7"));
    QCOMPARE(qobject_cast<QSpinBox *>(valueWidget(added))->value(), 7);
    auto *ops = qobject_cast<QComboBox *>(tree->itemWidget(added, 1));
    ops->setCurrentIndex(ops->findData(QStringLiteral("before")));
    auto *date = qobject_cast<QDateEdit *>(valueWidget(added)); // the picker follows the operator
    QVERIFY(date);
    date->setDate(QDate(2099, 1, 1));

    QTreeWidgetItem *empty = builder->addRule(builder->root(), QStringLiteral("company"), QStringLiteral("is_not_empty"));
    QVERIFY(qobject_cast<QLabel *>(valueWidget(empty)));

    delete builder->root()->child(0); // the default rule the dialog starts with
    const QJsonArray rules = builder->rules().value(QStringLiteral("rules")).toArray();
    QCOMPARE(QJsonDocument(rules).toJson(QJsonDocument::Compact),
             QByteArray(R"([{"field":"status","op":"is","value":"subscribed"},{"field":"tag","op":"has","value":"VIP"},)"
                        R"({"field":"created_at","op":"before","value":"2099-01-01"},{"field":"company","op":"is_not_empty"}])"));
    QTRY_COMPARE_WITH_TIMEOUT(builder->countText(), QStringLiteral("2 contact(s) match"), 10000); // Dora and Ana
    saveShot(builder, QStringLiteral("segment-builder-pickers"));
}

void TestContactsPage::suppressionListDialog()
{
    QVERIFY(ContactEraser::forget(m_session->database()->connection(), QStringLiteral("eve@example.com"), std::nullopt).ok());
    m_page->findChild<QPushButton *>(QStringLiteral("contactsSuppression"))->click();
    auto *dialog = m_page->findChild<ui::SuppressionDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    auto *count = dialog->findChild<QLabel *>(QStringLiteral("suppressionCount"));
    QCOMPARE(count->text(), QStringLiteral("1 address(es)"));
    QCOMPARE(dialog->model()->index(0, 0).data().toString(), QStringLiteral("Erased contact (kept as a hash)"));
    auto *view = dialog->findChild<QTableView *>(QStringLiteral("suppressionView"));
    view->selectRow(0);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("suppressionRemove"))->isEnabled()); // a hash stays

    m_answer = QStringLiteral("not an address");
    dialog->addAddress();
    QCOMPARE(m_messages.size(), 1);
    QVERIFY(m_messages.takeFirst().text.contains(QStringLiteral("not a valid email address")));
    m_answer = QStringLiteral("Ben@Example.com");
    dialog->addAddress();
    QVERIFY(m_messages.isEmpty());
    QCOMPARE(count->text(), QStringLiteral("2 address(es)"));
    QCOMPARE(dialog->model()->index(0, 0).data().toString(), QStringLiteral("ben@example.com"));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM contacts WHERE email_key = 'ben@example.com'")), QStringLiteral("unsubscribed"));

    const QString csv = m_fx->data.filePath(QStringLiteral("blocklist.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("email\ncarl@example.com\nBEN@example.com\nzoe@example.org\n");
    }
    ui::Dialogs::setFileHook([csv](const QString &) { return csv; });
    dialog->importFile();
    QTRY_COMPARE_WITH_TIMEOUT(m_messages.size(), 1, 10000);
    ui::Dialogs::setFileHook({});
    QCOMPARE(m_messages.takeFirst().text, QStringLiteral("2 address(es) added. 1 already on the list."));
    QCOMPARE(count->text(), QStringLiteral("4 address(es)"));
    dialog->setSearchText(QStringLiteral("example.org"));
    QCOMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(count->text(), QStringLiteral("1 address(es)"));
    dialog->setSearchText(QStringLiteral("%"));
    QCOMPARE(dialog->model()->rowCount(), 0); // typed text is matched literally
    dialog->setSearchText(QStringLiteral("carl"));
    view->selectRow(0);
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("suppressionRemove"))->isEnabled());
    saveShot(dialog, QStringLiteral("suppression-list"));
    dialog->removeSelected();
    QCOMPARE(m_messages.size(), 1); // asked first
    QCOMPARE(dialog->model()->rowCount(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")), QStringLiteral("suppression.removed"));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM contacts WHERE email_key = 'carl@example.com'")), QStringLiteral("unsubscribed"));

    dialog->setSearchText({});
    dialog->setChannel(SuppressionList::Channel::Sms);
    QCOMPARE(count->text(), QStringLiteral("0 address(es)"));
    m_answer = QStringLiteral("+1 415 555 0199");
    dialog->addAddress();
    QCOMPARE(dialog->model()->index(0, 0).data().toString(), QStringLiteral("+14155550199"));
}

LUX_GUI_TEST_MAIN(TestContactsPage)
#include "tst_contactspage.moc"
