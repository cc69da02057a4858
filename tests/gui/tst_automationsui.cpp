// SPDX-License-Identifier: GPL-3.0-or-later
// Automations in the window (issue 19): a workflow imported and edited on the canvas (a step added
// from the palette, a connection dragged from a card's port with the mouse, settings changed in the
// side panel), checked as it is built (an email step without a template is named and keeps it from
// being published), undo and redo; published, contacts enrolled, and the scheduler's engine moving
// them while the cards show the live numbers; one contact's journey; a simulation drawn per day.
// Screenshots (automation-editor.png, automation-journey.png, automation-simulation.png) go to
// $LUX_SCREENSHOT_DIR when set.
#include "automations/automationspage.h"
#include "automations/automationstore.h"
#include "automations/engine.h"
#include "automations/floweditor.h"
#include "automations/flowscene.h"
#include "campaigns/senderstore.h"
#include "common/dialogs.h"
#include "common/translations.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace lux;
using automations::StepKind;

namespace {

QString shotDir()
{
    return qEnvironmentVariable("LUX_SCREENSHOT_DIR");
}

void shot(QWidget *w, const QString &name)
{
    QTest::qWait(150);
    if (!shotDir().isEmpty())
        QVERIFY(w->grab().save(shotDir() + u'/' + name));
}

// A mouse event on the canvas's viewport, with the button held while moving (a drag).
void mouse(QGraphicsView *view, QEvent::Type type, const QPointF &scenePos)
{
    const QPoint p = view->mapFromScene(scenePos);
    QMouseEvent e(type, p, view->viewport()->mapToGlobal(p), Qt::LeftButton,
                  type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &e);
}

constexpr auto kWelcome = R"({"name":"Welcome series","trigger":{"type":"tag_added","tag":"lead"},"entry":{"rule":"once"},"steps":[
    {"id":"hello","type":"email","name":"Welcome email","template":TEMPLATE,"subject":"Welcome to Acme","from":"news@acme.example","next":"wait","x":0,"y":0},
    {"id":"wait","type":"wait_event","event":"clicked","timeout":"3d","yes":"engaged","no":"split","x":0,"y":140},
    {"id":"engaged","type":"tag","add":["engaged"],"next":"end","x":-260,"y":280},
    {"id":"split","type":"split","branches":[{"percent":50,"next":"text"},{"percent":50,"next":"end"}],"x":260,"y":280},
    {"id":"text","type":"sms","text":"Hi {{first_name}}, 10% off this week at acme.example","from":"+15005550006","next":"end","x":260,"y":420},
    {"id":"end","type":"exit","x":0,"y":560}]})";

} // namespace

class TestAutomationsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void importedFlowIsEditedOnTheCanvas();
    void publishedFlowShowsLiveCounts();
    void journeyOfOneContact();
    void simulationIsDrawn();

private:
    std::unique_ptr<test::SessionFixture> m_f;
    std::unique_ptr<ui::AutomationsPage> m_page;
    qint64 m_template = 0;
    QTemporaryDir m_dir;
};

void TestAutomationsUi::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("message: %s", qPrintable(m.text));
        return QMessageBox::Yes;
    });
    m_f = std::make_unique<test::SessionFixture>();
    QVERIFY(campaigns::SenderStore(m_f->data.db()).save(QStringLiteral("news@acme.example"), {}).ok());
    QVERIFY(campaigns::SenderStore(m_f->data.db(), QStringLiteral("sms")).save(QStringLiteral("+15005550006"), {}).ok());
    QVERIFY(m_f->data.addBrandKit().ok());
    const auto t = m_f->data.addTemplate(QStringLiteral("Welcome"), QStringLiteral("Hi"), QStringLiteral("<p>Hello {{first_name}}</p>"));
    QVERIFY(t.ok());
    m_template = *t;
    for (int i = 0; i < 400; ++i)
        QVERIFY(m_f->data.addContact(QStringLiteral("person%1@example.com").arg(i), QStringLiteral("Person %1").arg(i)).ok());
    QVERIFY(m_f->openSession());
    m_page = std::make_unique<ui::AutomationsPage>(m_f->session);
    m_page->resize(1500, 900);
    m_page->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->emptyState()->isVisible(), 5000);
}

void TestAutomationsUi::cleanupTestCase()
{
    m_page.reset();
    m_f.reset();
}

void TestAutomationsUi::importedFlowIsEditedOnTheCanvas()
{
    const QString path = m_dir.filePath(QStringLiteral("welcome.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(kWelcome).replace("TEMPLATE", QByteArray::number(m_template)));
    file.close();
    QSignalSpy reloaded(m_page.get(), &ui::AutomationsPage::reloaded);
    m_page->importFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 1, 5000);
    ui::FlowEditor *editor = m_page->editor();
    QTRY_COMPARE_WITH_TIMEOUT(editor->flow().steps.size(), 6, 5000);
    QVERIFY(editor->scene()->card(QStringLiteral("hello")));
    QVERIFY(editor->problemsList()->count() == 0 || editor->problemsList()->isHidden());

    // A wait added from the palette after the selected step; undo takes it away, redo brings it back.
    editor->selectStep(QStringLiteral("engaged"));
    editor->addStep(StepKind::Wait);
    QCOMPARE(editor->flow().steps.size(), 7);
    QCOMPARE(editor->flow().step(QStringLiteral("engaged"))->next, QStringLiteral("wait-1")); // inserted before "end"
    QCOMPARE(editor->flow().step(QStringLiteral("wait-1"))->next, QStringLiteral("end"));
    QVERIFY(editor->scene()->card(QStringLiteral("wait-1")));
    editor->undoStack()->undo();
    QCOMPARE(editor->flow().steps.size(), 6);
    QVERIFY(!editor->scene()->card(QStringLiteral("wait-1")));
    editor->undoStack()->redo();
    QCOMPARE(editor->flow().steps.size(), 7);

    // An email step without a template: named in the problems, its card marked, Publish refused.
    editor->selectStep(QStringLiteral("wait-1"));
    editor->addStep(StepKind::Email);
    QTRY_VERIFY(!editor->problemsList()->isHidden());
    bool named = false;
    for (int i = 0; i < editor->problemsList()->count(); ++i)
        named = named || editor->problemsList()->item(i)->text().contains(QStringLiteral("template"));
    QVERIFY(named);
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("publish"))->isEnabled());
    // Chosen in the side panel: the problem goes.
    // The choices (templates, senders) come from the database off the GUI thread.
    QTRY_VERIFY_WITH_TIMEOUT(editor->panel()->findChild<QComboBox *>(QStringLiteral("template"))
                                 && editor->panel()->findChild<QComboBox *>(QStringLiteral("template"))->count() > 1,
                             5000);
    auto *templates = editor->panel()->findChild<QComboBox *>(QStringLiteral("template"));
    templates->setCurrentIndex(templates->findData(m_template));
    Q_EMIT templates->activated(templates->currentIndex());
    auto *subject = editor->panel()->findChild<QLineEdit *>(QStringLiteral("subject"));
    subject->setText(QStringLiteral("Thanks for clicking"));
    Q_EMIT subject->editingFinished();
    auto *from = editor->panel()->findChild<QComboBox *>(QStringLiteral("from"));
    from->setCurrentIndex(from->findText(QStringLiteral("news@acme.example")));
    Q_EMIT from->activated(from->currentIndex());
    const automations::Flow withMail = editor->flow();
    const automations::Step *mail = withMail.step(QStringLiteral("email-1"));
    QVERIFY(mail);
    QCOMPARE(mail->templateId, m_template);
    QCOMPARE(mail->subject, QStringLiteral("Thanks for clicking"));
    QVERIFY(automations::FlowCheck::publishable(editor->flow()));
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("publish"))->isEnabled());

    // A connection dragged with the mouse from the new email's port to the split's card.
    QCOMPARE(editor->flow().step(QStringLiteral("email-1"))->next, QStringLiteral("end"));
    ui::StepCard *source = editor->scene()->card(QStringLiteral("email-1"));
    ui::StepCard *target = editor->scene()->card(QStringLiteral("split"));
    QGraphicsView *view = editor->view();
    view->ensureVisible(source);
    const QPointF port = source->portPos(QStringLiteral("next"));
    const QPointF into = target->sceneBoundingRect().center();
    mouse(view, QEvent::MouseButtonPress, port);
    mouse(view, QEvent::MouseMove, (port + into) / 2);
    mouse(view, QEvent::MouseMove, into);
    mouse(view, QEvent::MouseButtonRelease, into);
    // Applied once the card's mouse handler has returned.
    QTRY_COMPARE(editor->flow().step(QStringLiteral("email-1"))->next, QStringLiteral("split"));
    editor->undoStack()->undo();
    QCOMPARE(editor->flow().step(QStringLiteral("email-1"))->next, QStringLiteral("end"));
    editor->undoStack()->redo();
    QCOMPARE(editor->flow().step(QStringLiteral("email-1"))->next, QStringLiteral("split"));
    // A loop without a wait is refused as it is drawn.
    editor->connectSteps(QStringLiteral("engaged"), QStringLiteral("next"), QStringLiteral("engaged"));
    QCOMPARE(editor->flow().step(QStringLiteral("engaged"))->next, QStringLiteral("wait-1")); // to itself: ignored
    // A condition on engagement: the kind, then the event by its name for people.
    editor->selectStep(QStringLiteral("engaged"));
    editor->addStep(StepKind::Condition);
    auto *kind = editor->panel()->findChild<QComboBox *>(QStringLiteral("conditionKind"));
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(int(automations::Condition::Kind::Engagement)));
    Q_EMIT kind->activated(kind->currentIndex());
    auto *which = editor->panel()->findChild<QComboBox *>(QStringLiteral("conditionName"));
    QCOMPARE(which->itemText(1), QStringLiteral("clicked in an email"));
    which->setCurrentIndex(1);
    Q_EMIT which->activated(1);
    const automations::Flow withCondition = editor->flow(); // a copy: the step pointer below points into it
    const automations::Step *condition = withCondition.step(QStringLiteral("condition-1"));
    QVERIFY(condition && condition->condition);
    QCOMPARE(condition->condition->kind, automations::Condition::Kind::Engagement);
    QCOMPARE(condition->condition->name, QStringLiteral("clicked"));
    QVERIFY(automations::FlowCheck::publishable(editor->flow()));
    // Saved: the draft in the database is the canvas's.
    QSignalSpy saved(m_page.get(), &ui::AutomationsPage::saved);
    m_page->save();
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.first().at(1).toString(), QString());
    const auto stored = automations::AutomationStore(m_f->db()).find(QStringLiteral("Welcome series"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->draft.toJson(), editor->flow().toJson());
    QVERIFY(!editor->isModified());
}

void TestAutomationsUi::publishedFlowShowsLiveCounts()
{
    QSignalSpy published(m_page.get(), &ui::AutomationsPage::published);
    m_page->publish();
    QVERIFY(published.wait(5000));
    QCOMPARE(published.first().at(2).toString(), QString());
    QCOMPARE(published.first().at(1).toInt(), 1);
    // 300 people get the tag: the database writes the signals, the scheduler's engine enters them
    // and moves them to the wait for a click; the cards show it without anyone asking.
    QSqlQuery q(m_f->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, created_at) VALUES ('lead', 0)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO contact_tags (tag_id, contact_id) SELECT t.id, c.id FROM tags t, contacts c "
                                  "WHERE t.name = 'lead' AND c.id <= 300")));
    ui::FlowEditor *editor = m_page->editor();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->index(0, ui::AutomationsModel::Active).data().toString() == QStringLiteral("300"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(editor->scene()->card(QStringLiteral("wait")) != nullptr, 5000);
    const auto counts = automations::AutomationStore(m_f->db()).stepCounts(m_page->selectedId());
    QVERIFY(counts.ok());
    for (const automations::StepCount &c : *counts) {
        if (c.step == u"hello")
            QCOMPARE(c.passed, 300);
        if (c.step == u"wait")
            QCOMPARE(c.here, 300);
    }
    editor->fitAll();
    shot(m_page.get(), QStringLiteral("automation-editor.png"));
}

void TestAutomationsUi::journeyOfOneContact()
{
    m_page->tabs()->setCurrentIndex(ui::AutomationsPage::JourneyTab);
    QSignalSpy shown(m_page.get(), &ui::AutomationsPage::journeyShown);
    m_page->journeyEmail()->setText(QStringLiteral("person7@example.com"));
    m_page->showJourney(QStringLiteral("person7@example.com"));
    QVERIFY(shown.wait(5000));
    QTreeWidget *tree = m_page->journeyTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *enrollment = tree->topLevelItem(0);
    QVERIFY2(enrollment->text(2).contains(QStringLiteral("waiting until they click")), qPrintable(enrollment->text(2)));
    QStringList lines;
    for (int i = 0; i < enrollment->childCount(); ++i)
        lines << enrollment->child(i)->text(2);
    QCOMPARE(lines.size(), 3); // entered, sent, waiting
    QVERIFY(lines.at(0).startsWith(QStringLiteral("Entered")));
    QVERIFY(lines.at(1).contains(QStringLiteral("Welcome to Acme")));
    shot(m_page.get(), QStringLiteral("automation-journey.png"));
    // Someone who never entered is told so.
    m_page->showJourney(QStringLiteral("person390@example.com"));
    QVERIFY(shown.wait(5000));
    QVERIFY(tree->topLevelItem(0)->text(2).contains(QStringLiteral("has not entered")));
}

void TestAutomationsUi::simulationIsDrawn()
{
    m_page->tabs()->setCurrentIndex(ui::AutomationsPage::SimulationTab);
    m_page->simulationContacts()->setValue(20'000);
    m_page->simulationDays()->setValue(14);
    QSignalSpy done(m_page.get(), &ui::AutomationsPage::simulated);
    m_page->simulate();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).toString(), QString());
    QTableWidget *table = m_page->simulationTable();
    QCOMPARE(table->rowCount(), int(m_page->editor()->flow().steps.size()));
    QCOMPARE(table->item(0, 1)->text(), QLocale().toString(20'000)); // everyone gets the first email
    QCOMPARE(m_page->simulationChart()->chart()->series().size(), 3);
    QVERIFY(m_page->simulationSummary()->text().contains(QStringLiteral("entered 20,000")));
    shot(m_page.get(), QStringLiteral("automation-simulation.png"));
}

QTEST_MAIN(TestAutomationsUi)
#include "tst_automationsui.moc"
