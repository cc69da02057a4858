// SPDX-License-Identifier: GPL-3.0-or-later
// The Social page's Queue tab on a real database: an X account in Madrid with six slots a week,
// four of the next ones taken by queued posts and a post at a set time between them; a LinkedIn
// account with no slots yet. The tab shows each coming slot on its day, in the account's zone, with
// the post that takes it or "Free"; the slots are edited in the window (a wrong text keeps OK
// disabled and says why) and the time zone chosen there, both stored for the scheduler; a post
// double-clicked is shown in the calendar. Nothing is published (nobody signs in). The screenshot
// social-queue.png goes to $LUX_SCREENSHOT_DIR when set.
#include "common/dialogs.h"
#include "common/translations.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "social/accountstore.h"
#include "social/poststore.h"
#include "social/socialcalendar.h"
#include "social/socialmodels.h"
#include "social/socialpage.h"
#include "social/socialqueue.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

#include <memory>

using namespace lux;
using namespace lux::social;

namespace {

void shot(QWidget *w, const QString &name)
{
    QTest::qWait(150);
    const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(dir + u'/' + name));
}

// The queue's rows under their days, in order.
QList<QTreeWidgetItem *> rowsOf(QTreeWidget *view)
{
    QList<QTreeWidgetItem *> out;
    for (int d = 0; d < view->topLevelItemCount(); ++d)
        for (int r = 0; r < view->topLevelItem(d)->childCount(); ++r)
            out << view->topLevelItem(d)->child(r);
    return out;
}

QTreeWidgetItem *rowOfTarget(QTreeWidget *view, qint64 targetId)
{
    for (QTreeWidgetItem *row : rowsOf(view))
        if (row->data(ui::SocialQueue::TimeColumn, ui::SocialQueue::TargetIdRole).toLongLong() == targetId)
            return row;
    return nullptr;
}

} // namespace

class TestSocialQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slotsShowWithThePostsThatTakeThem();
    void accountWithoutSlotsSaysHowToAddThem();
    void wrongSlotsKeepOkDisabledAndSayWhy();
    void editedSlotsAreStored();
    void timeZoneChoiceIsStored();
    void doubleClickShowsThePostInTheCalendar();

private:
    qint64 account(Network network, const QString &externalId, const QString &name, const QString &handle);
    qint64 post(qint64 accountId, const QString &text, std::optional<qint64> at);
    qint64 targetOf(qint64 postId);
    void showAccount(qint64 accountId);
    QDialog *openSlotsDialog();

    std::unique_ptr<test::SessionFixture> m_f;
    std::unique_ptr<ui::SocialPage> m_page;
    ui::SocialQueue *m_queue = nullptr;
    qint64 m_x = 0, m_li = 0;
    QList<qint64> m_queued; // targets, in the order they took the slots
    qint64 m_fixed = 0;     // a target at a set time
};

qint64 TestSocialQueue::account(Network network, const QString &externalId, const QString &name, const QString &handle)
{
    Account a;
    a.network = network;
    a.externalId = externalId;
    a.name = name;
    a.handle = handle;
    const auto id = AccountStore(m_f->data.db()).upsert(a);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? *id : 0;
}

qint64 TestSocialQueue::post(qint64 accountId, const QString &text, std::optional<qint64> at)
{
    PostDraft draft;
    draft.text = text;
    draft.targets << TargetDraft{accountId, text, {}, {}};
    draft.at = at;
    draft.queue = !at;
    const auto id = PostStore(m_f->data.db()).schedule(draft);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? *id : 0;
}

qint64 TestSocialQueue::targetOf(qint64 postId)
{
    const auto status = PostStore(m_f->data.db()).status(postId);
    return status && !status->targets.isEmpty() ? status->targets.first().id : 0;
}

void TestSocialQueue::showAccount(qint64 accountId)
{
    QSignalSpy reloaded(m_queue, &ui::SocialQueue::reloaded);
    m_queue->showAccount(accountId);
    QTRY_VERIFY(!reloaded.isEmpty());
    QCOMPARE(m_queue->accountId(), accountId);
    QCOMPARE(m_queue->accountBox()->currentData().toLongLong(), accountId);
}

QDialog *TestSocialQueue::openSlotsDialog()
{
    auto *edit = m_queue->findChild<QPushButton *>(QStringLiteral("socialQueueEditSlots"));
    if (!edit || !edit->isEnabled())
        return nullptr;
    QTest::mouseClick(edit, Qt::LeftButton);
    for (QDialog *dialog : m_queue->findChildren<QDialog *>(QStringLiteral("socialSlotsDialog")))
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

void TestSocialQueue::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
    m_f = std::make_unique<test::SessionFixture>();
    m_x = account(Network::X, QStringLiteral("1467726470533754880"), QStringLiteral("Acme Bags"), QStringLiteral("@acmebags"));
    m_li = account(Network::LinkedIn, QStringLiteral("urn:li:organization:5515715"), QStringLiteral("Acme Bags Ltd"), QString());
    QVERIFY(m_x && m_li);
    AccountStore accounts(m_f->data.db());
    QVERIFY(accounts.setTimeZone(m_x, QStringLiteral("Europe/Madrid")));
    QVERIFY(accounts.setSlots(m_x, *Slot::parse(QStringLiteral("Mon/Wed/Fri 09:30, Tue/Thu 17:00, Sat 11:00"))));
    const QStringList texts{QStringLiteral("Our autumn collection is here: waxed canvas, brass buckles, made to last."),
                            QStringLiteral("Care tip: wax your canvas bag once a season and it will outlive you."),
                            QStringLiteral("Meet Ana, who stitches every strap in our Leeds workshop by hand."),
                            QStringLiteral("Weekend sale: 20% off every bag until Sunday night.")};
    for (const QString &text : texts) {
        const qint64 id = post(m_x, text, std::nullopt);
        QVERIFY(id);
        m_queued << targetOf(id);
    }
    // Two days ahead at 13:15 in Madrid, which is no slot.
    const QDate inTwoDays = QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/Madrid")).date().addDays(2);
    const qint64 fixed = post(m_x, QStringLiteral("Live now: we answer your questions about bag care until 14:00."),
                              QDateTime(inTwoDays, QTime(13, 15), QTimeZone("Europe/Madrid")).toMSecsSinceEpoch());
    QVERIFY(fixed);
    m_fixed = targetOf(fixed);

    QVERIFY(m_f->openSession(false));
    m_page = std::make_unique<ui::SocialPage>(m_f->session);
    m_queue = m_page->queue();
    QVERIFY(m_queue);
    m_page->resize(1440, 900);
    m_page->tabs()->setCurrentIndex(ui::SocialPage::QueueTab);
    QSignalSpy reloaded(m_queue, &ui::SocialQueue::reloaded);
    m_page->show();
    QTRY_VERIFY(!reloaded.isEmpty());
    QCOMPARE(m_page->tabs()->tabText(ui::SocialPage::QueueTab), QStringLiteral("Queue"));
}

void TestSocialQueue::cleanupTestCase()
{
    m_page.reset();
    m_f.reset();
}

void TestSocialQueue::slotsShowWithThePostsThatTakeThem()
{
    // LinkedIn comes first in the list (by network); both accounts can be chosen.
    QCOMPARE(m_queue->accountBox()->count(), 2);
    QCOMPARE(m_queue->accountBox()->itemText(m_queue->accountBox()->findData(m_x)), QStringLiteral("Acme Bags (@acmebags) on X"));
    showAccount(m_x);
    QCOMPARE(m_queue->zoneBox()->currentData().toString(), QStringLiteral("Europe/Madrid"));
    QTreeWidget *view = m_queue->view();
    QVERIFY(view->isVisible());
    // Two weeks of six slots a week (today's may be past), and the post at a set time.
    const QList<QTreeWidgetItem *> rows = rowsOf(view);
    QVERIFY2(rows.size() == 12 || rows.size() == 13, qPrintable(QString::number(rows.size())));
    const QTimeZone madrid("Europe/Madrid");
    // The four queued posts take the first four slots, in order; the next slot is free.
    QList<QTreeWidgetItem *> slotRows;
    for (QTreeWidgetItem *row : rows)
        if (row->data(ui::SocialQueue::TimeColumn, ui::SocialQueue::TargetIdRole).toLongLong() != m_fixed)
            slotRows << row;
    for (int i = 0; i < m_queued.size(); ++i) {
        QCOMPARE(slotRows[i]->data(ui::SocialQueue::TimeColumn, ui::SocialQueue::TargetIdRole).toLongLong(), m_queued[i]);
        QCOMPARE(slotRows[i]->text(ui::SocialQueue::StateColumn), QStringLiteral("scheduled"));
        // The time is the slot's, in Madrid: 09:30, 17:00 or 11:00 there.
        const QTime there = QDateTime::fromMSecsSinceEpoch(slotRows[i]->data(ui::SocialQueue::TimeColumn, ui::SocialQueue::AtRole).toLongLong(),
                                                           madrid).time();
        QVERIFY2(QList<QTime>({QTime(9, 30), QTime(17, 0), QTime(11, 0)}).contains(there), qPrintable(there.toString()));
        QCOMPARE(slotRows[i]->text(ui::SocialQueue::TimeColumn), QLocale().toString(there, QLocale::ShortFormat));
    }
    QCOMPARE(slotRows[0]->text(ui::SocialQueue::PostColumn),
             QStringLiteral("Our autumn collection is here: waxed canvas, brass buckles, made to last."));
    QCOMPARE(slotRows[4]->text(ui::SocialQueue::PostColumn), QStringLiteral("Free"));
    QCOMPARE(slotRows[4]->data(ui::SocialQueue::TimeColumn, ui::SocialQueue::TargetIdRole).toLongLong(), 0);
    int freeRows = 0;
    for (QTreeWidgetItem *row : std::as_const(slotRows))
        freeRows += row->text(ui::SocialQueue::PostColumn) == u"Free" ? 1 : 0;
    QCOMPARE(freeRows, slotRows.size() - m_queued.size());
    // The post at a set time is among them, said to be one.
    QTreeWidgetItem *fixed = rowOfTarget(view, m_fixed);
    QVERIFY(fixed);
    QCOMPARE(fixed->text(ui::SocialQueue::TimeColumn), QLocale().toString(QTime(13, 15), QLocale::ShortFormat));
    QCOMPARE(fixed->text(ui::SocialQueue::StateColumn), QStringLiteral("scheduled, at a set time"));
    // Rows under their day in Madrid.
    for (int d = 0; d < view->topLevelItemCount(); ++d) {
        QTreeWidgetItem *day = view->topLevelItem(d);
        for (int r = 0; r < day->childCount(); ++r) {
            const QDate date = QDateTime::fromMSecsSinceEpoch(day->child(r)->data(0, ui::SocialQueue::AtRole).toLongLong(), madrid).date();
            QVERIFY2(day->text(0).endsWith(QLocale().toString(date, QLocale::LongFormat)), qPrintable(day->text(0)));
        }
    }
    const QString summary = m_queue->findChild<QLabel *>(QStringLiteral("socialQueueSummary"))->text();
    QCOMPARE(summary, QStringLiteral("Slots: Mon/Wed/Fri 09:30, Sat 11:00, Tue/Thu 17:00, in Europe/Madrid. %1 free slots in the next two weeks.")
                          .arg(freeRows));
    // Two weeks of a few slots: the picture need not be a screen wide.
    m_page->resize(1280, 900);
    shot(m_page.get(), QStringLiteral("social-queue.png"));
    m_page->resize(1440, 900);
}

void TestSocialQueue::accountWithoutSlotsSaysHowToAddThem()
{
    showAccount(m_li);
    auto *empty = m_queue->findChild<QLabel *>(QStringLiteral("socialQueueEmpty"));
    QVERIFY(empty->isVisible());
    QVERIFY(!m_queue->view()->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No queue slots yet: Edit Slots… to add times like Tue/Thu 10:00."));
    QCOMPARE(m_queue->zoneBox()->currentIndex(), 0);
    QCOMPARE(m_queue->zoneBox()->currentText(), QStringLiteral("The computer's (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())));
}

void TestSocialQueue::wrongSlotsKeepOkDisabledAndSayWhy()
{
    QCOMPARE(m_queue->accountId(), m_li);
    QDialog *dialog = openSlotsDialog();
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("socialSlotsEdit"));
    auto *reason = dialog->findChild<QLabel *>(QStringLiteral("socialSlotsError"));
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(edit && reason && ok);
    QCOMPARE(edit->text(), QString()); // no slots yet
    QVERIFY(ok->isEnabled());          // none is a choice too
    QTest::keyClicks(edit, QStringLiteral("Tue/Thu 25:00"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), QStringLiteral("“Tue/Thu 25:00” is not a slot: write days and a time, as “Tue/Thu 10:00”."));
    edit->setText(QStringLiteral("Tue/Thu 10:00, Sat/Fun 11:00"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(reason->text(), QStringLiteral("“Fun” in “Sat/Fun 11:00” is not a day of the week."));
    edit->setText(QStringLiteral("Tue/Thu 10:00, Sat 11:00"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!reason->isVisible());
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("socialSlotsPreview"))->text(),
             QStringLiteral("3 times a week: Tue/Thu 10:00, Sat 11:00"));
    dialog->reject();
    // Cancelled: nothing stored.
    QTest::qWait(100);
    QCOMPARE(AccountStore(m_f->db()).slots(m_li)->size(), 0);
}

void TestSocialQueue::editedSlotsAreStored()
{
    QDialog *dialog = openSlotsDialog();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("socialSlotsEdit"))->setText(QStringLiteral("tue/thu 10:00; sat 11:00"));
    QSignalSpy changed(m_queue, &ui::SocialQueue::changed);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(*AccountStore(m_f->db()).slots(m_li), *Slot::parse(QStringLiteral("Tue/Thu 10:00, Sat 11:00")));
    // The queue shows them (two weeks: six, all free) and the Accounts tab too.
    QTRY_VERIFY(m_queue->view()->isVisible());
    const QList<QTreeWidgetItem *> rows = rowsOf(m_queue->view());
    QVERIFY2(rows.size() == 6 || rows.size() == 5, qPrintable(QString::number(rows.size())));
    for (QTreeWidgetItem *row : rows)
        QCOMPARE(row->text(ui::SocialQueue::PostColumn), QStringLiteral("Free"));
    QTRY_COMPARE(m_page->accountsModel()->row(m_li)->slots.size(), 3);
    // Opened again, the dialog has them in the same words.
    dialog = openSlotsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("socialSlotsEdit"))->text(), QStringLiteral("Tue/Thu 10:00, Sat 11:00"));
    dialog->reject();
}

void TestSocialQueue::timeZoneChoiceIsStored()
{
    QComboBox *zone = m_queue->zoneBox();
    QVERIFY(zone->isEnabled());
    const int newYork = zone->findData(QStringLiteral("America/New_York"));
    QVERIFY(newYork > 0);
    QSignalSpy changed(m_queue, &ui::SocialQueue::changed);
    zone->setCurrentIndex(newYork);
    Q_EMIT zone->activated(newYork);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(AccountStore(m_f->db()).find(m_li)->timeZone, QStringLiteral("America/New_York"));
    QTRY_VERIFY(m_queue->findChild<QLabel *>(QStringLiteral("socialQueueSummary"))->text().contains(QStringLiteral("in America/New_York.")));
    // The slots are ten in the morning in New York now.
    const QTimeZone ny("America/New_York");
    for (QTreeWidgetItem *row : rowsOf(m_queue->view())) {
        const QTime there = QDateTime::fromMSecsSinceEpoch(row->data(0, ui::SocialQueue::AtRole).toLongLong(), ny).time();
        QVERIFY2(there == QTime(10, 0) || there == QTime(11, 0), qPrintable(there.toString()));
    }
    // Back to the computer's: no zone of its own.
    zone->setCurrentIndex(0);
    Q_EMIT zone->activated(0);
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(AccountStore(m_f->db()).find(m_li)->timeZone, QString());
    QTRY_COMPARE(m_queue->zoneBox()->currentIndex(), 0);
}

void TestSocialQueue::doubleClickShowsThePostInTheCalendar()
{
    showAccount(m_x);
    QTreeWidgetItem *row = rowOfTarget(m_queue->view(), m_queued[1]);
    QVERIFY(row);
    QSignalSpy shown(m_page.get(), &ui::SocialPage::detailShown);
    Q_EMIT m_queue->view()->itemDoubleClicked(row, ui::SocialQueue::PostColumn);
    QCOMPARE(m_page->tabs()->currentIndex(), int(ui::SocialPage::CalendarTab));
    QTRY_VERIFY(m_page->detail()->findChild<QLabel *>(QStringLiteral("socialDetailText"))
                && m_page->detail()->findChild<QLabel *>(QStringLiteral("socialDetailText"))->text()
                       == QStringLiteral("Care tip: wax your canvas bag once a season and it will outlive you."));
    QCOMPARE(m_page->calendar()->mode(), ui::SocialCalendar::Mode::Week);
}

QTEST_MAIN(TestSocialQueue)
#include "tst_socialqueue.moc"
