// SPDX-License-Identifier: GPL-3.0-or-later
// The Social page on a real database: four accounts (one whose sign-in ends within the week, one to
// connect again) and a week of posts (published with their links, failed with the network's reason,
// one in doubt, scheduled). The calendar shows each target on its day with its time, network, text
// and state in words; the detail beside it shows the links, the reason with Retry (which puts the
// row back in the outbox) and the doubt left to the user; a drag moves a scheduled post; the
// accounts' table and "Retry all failed". The scheduler is not started (nobody signs in), so
// nothing is published. Screenshots (social-calendar.png, social-accounts.png) go to
// $LUX_SCREENSHOT_DIR when set.
#include "common/dialogs.h"
#include "common/translations.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "social/accountstore.h"
#include "social/poststore.h"
#include "social/socialcalendar.h"
#include "social/socialmodels.h"
#include "social/composerdialog.h"
#include "social/socialpage.h"
#include "theme/theme.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace lux;
using namespace lux::social;

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

qint64 at(QDate date, int h, int m = 0)
{
    return QDateTime(date, QTime(h, m)).toMSecsSinceEpoch();
}

QString hm(int h, int m = 0)
{
    return QLocale().toString(QTime(h, m), QLocale::ShortFormat);
}

QStringList itemTexts(ui::SocialDayList *list)
{
    QStringList out;
    for (int i = 0; list && i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

} // namespace

class TestSocialPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void calendarShowsEachTargetOnItsDay();
    void detailShowsLinksAndReasons();
    void retryPutsTheFailedPostBack();
    void doubtIsLeftToTheUser();
    void weekView();
    void dragMovesAScheduledPost();
    void accountsTable();
    void userDecidesAPostInDoubt();

private:
    qint64 account(Network network, const QString &externalId, const QString &name, const QString &handle);
    qint64 post(const QList<qint64> &accounts, const QString &text, qint64 when);
    qint64 targetOf(qint64 postId, qint64 accountId);
    void setState(qint64 targetId, const QString &state, const QString &error = {}, const QString &link = {});
    QString outboxState(qint64 targetId);

    std::unique_ptr<test::SessionFixture> m_f;
    std::unique_ptr<ui::SocialPage> m_page;
    QDate m_base; // the Monday after today: every post is in the future, all in one row of the month
    qint64 m_now = QDateTime::currentMSecsSinceEpoch();
    qint64 m_x = 0, m_li = 0, m_ig = 0, m_fb = 0;
    qint64 m_launchX = 0, m_launchLi = 0, m_saleX = 0, m_saleFb = 0, m_doubtLi = 0, m_tipX = 0, m_tipFb = 0, m_lateX = 0;
    qint64 m_salePost = 0, m_doubtPost = 0;
};

qint64 TestSocialPage::account(Network network, const QString &externalId, const QString &name, const QString &handle)
{
    Account a;
    a.network = network;
    a.externalId = externalId;
    a.name = name;
    a.handle = handle;
    if (network == Network::LinkedIn)
        a.refreshExpiresAt = m_now + 3 * 86'400'000LL + 3'600'000; // within the week: said ahead
    if (network == Network::Facebook)
        a.accessExpiresAt = m_now + 50 * 86'400'000LL;
    const auto id = AccountStore(m_f->data.db()).upsert(a);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? *id : 0;
}

qint64 TestSocialPage::post(const QList<qint64> &accounts, const QString &text, qint64 when)
{
    PostDraft draft;
    draft.text = text;
    for (qint64 a : accounts)
        draft.targets << TargetDraft{a, text, {}, {}};
    draft.at = when;
    const auto id = PostStore(m_f->data.db()).schedule(draft);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? *id : 0;
}

qint64 TestSocialPage::targetOf(qint64 postId, qint64 accountId)
{
    const auto status = PostStore(m_f->data.db()).status(postId);
    for (const TargetStatus &t : status ? status->targets : QList<TargetStatus>{})
        if (t.accountId == accountId)
            return t.id;
    return 0;
}

void TestSocialPage::setState(qint64 targetId, const QString &state, const QString &error, const QString &link)
{
    QSqlQuery q(m_f->data.db());
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, error = ?, error_code = ? WHERE id = (SELECT outbox_id FROM social_targets WHERE id = ?)"));
    q.addBindValue(state);
    q.addBindValue(state == u"failed" ? 3 : 1);
    q.addBindValue(error.isEmpty() ? QStringLiteral("") : error); // NOT NULL: a null QString binds as NULL
    q.addBindValue(error.isEmpty() ? QStringLiteral("") : QStringLiteral("x.403"));
    q.addBindValue(targetId);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    if (!link.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE social_targets SET permalink = ?, external_id = ?, published_at = due_at WHERE id = ?"));
        q.addBindValue(link);
        q.addBindValue(link.section(u'/', -1));
        q.addBindValue(targetId);
        QVERIFY(q.exec());
    }
}

QString TestSocialPage::outboxState(qint64 targetId)
{
    QSqlQuery q(m_f->db());
    q.prepare(QStringLiteral("SELECT o.state FROM social_targets t JOIN outbox o ON o.id = t.outbox_id WHERE t.id = ?"));
    q.addBindValue(targetId);
    return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

void TestSocialPage::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
    const QDate today = QDate::currentDate();
    m_base = today.addDays(8 - today.dayOfWeek());
    m_f = std::make_unique<test::SessionFixture>();
    m_x = account(Network::X, QStringLiteral("1467726470533754880"), QStringLiteral("Acme Bags"), QStringLiteral("@acmebags"));
    m_li = account(Network::LinkedIn, QStringLiteral("urn:li:organization:5515715"), QStringLiteral("Acme Bags Ltd"), QString());
    m_fb = account(Network::Facebook, QStringLiteral("104958162837"), QStringLiteral("Acme Bags"), QString());
    m_ig = account(Network::Instagram, QStringLiteral("17841400000000001"), QStringLiteral("Acme Bags"), QStringLiteral("@acme.bags"));
    QVERIFY(m_x && m_li && m_fb && m_ig);
    {
        AccountStore accounts(m_f->data.db());
        QVERIFY(accounts.setSlots(m_x, *Slot::parse(QStringLiteral("Tue/Thu 10:00, sat 11:30"))));
        QVERIFY(accounts.setTimeZone(m_x, QStringLiteral("Europe/Madrid")));
        QVERIFY(accounts.setSlots(m_li, *Slot::parse(QStringLiteral("mon-fri 09:00"))));
        QSqlQuery q(m_f->data.db());
        QVERIFY(q.exec(QStringLiteral("UPDATE social_accounts SET status = 'reconnect', error = 'Meta refused the token: the password was changed.' "
                                      "WHERE id = %1").arg(m_ig)));
    }

    const qint64 launch = post({m_x, m_li}, QStringLiteral("Our autumn collection is here: waxed canvas, brass buckles, made to last."),
                               at(m_base, 9, 30));
    m_launchX = targetOf(launch, m_x);
    m_launchLi = targetOf(launch, m_li);
    setState(m_launchX, QStringLiteral("sent"), {}, QStringLiteral("https://x.com/acmebags/status/1866000000000000001"));
    setState(m_launchLi, QStringLiteral("sent"), {}, QStringLiteral("https://www.linkedin.com/feed/update/urn:li:share:7270000000000000001"));
    m_salePost = post({m_x, m_fb}, QStringLiteral("Weekend sale: 20% off every bag until Sunday night."), at(m_base.addDays(1), 12));
    m_saleX = targetOf(m_salePost, m_x);
    m_saleFb = targetOf(m_salePost, m_fb);
    setState(m_saleX, QStringLiteral("failed"), QStringLiteral("You are not allowed to create a Tweet with duplicate content."));
    setState(m_saleFb, QStringLiteral("sent"), {}, QStringLiteral("https://www.facebook.com/104958162837/posts/10160000000000001"));
    m_doubtPost = post({m_li}, QStringLiteral("We are hiring a leather worker for our Leeds workshop."), at(m_base.addDays(2), 15));
    m_doubtLi = targetOf(m_doubtPost, m_li);
    setState(m_doubtLi, QStringLiteral("unknown"));
    const qint64 tip = post({m_x, m_fb}, QStringLiteral("Care tip: wax your canvas bag once a season and it will outlive you."),
                            at(m_base.addDays(3), 10));
    m_tipX = targetOf(tip, m_x);
    m_tipFb = targetOf(tip, m_fb);
    const qint64 late = post({m_x}, QStringLiteral("Last call for the weekend sale!"), at(m_base.addDays(4), 18));
    m_lateX = targetOf(late, m_x);
    setState(m_lateX, QStringLiteral("failed"), QStringLiteral("Too Many Requests: the app's daily limit is spent."));
    QVERIFY(m_launchX && m_launchLi && m_saleX && m_saleFb && m_doubtLi && m_tipX && m_tipFb && m_lateX);

    // Nobody signs in: the scheduler does not start, so nothing here is ever published.
    QVERIFY(m_f->openSession(false));
    m_page = std::make_unique<ui::SocialPage>(m_f->session);
    new QAbstractItemModelTester(m_page->targetsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(m_page->accountsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    m_page->resize(1440, 900);
    m_page->showDate(m_base);
    m_page->show();
    QTRY_COMPARE(m_page->targetsModel()->rowCount(), 8);
}

void TestSocialPage::cleanupTestCase()
{
    m_page.reset();
    m_f.reset();
}

void TestSocialPage::calendarShowsEachTargetOnItsDay()
{
    ui::SocialCalendar *calendar = m_page->calendar();
    QCOMPARE(calendar->mode(), ui::SocialCalendar::Mode::Month);
    QCOMPARE(m_page->periodLabel()->text(), QLocale().toString(m_base, QStringLiteral("MMMM yyyy")));
    const QStringList monday = itemTexts(calendar->dayList(m_base));
    QCOMPARE(monday.size(), 2);
    QVERIFY2(monday[0].startsWith(QString(hm(9, 30) + QStringLiteral(" X published: Our autumn collection"))), qPrintable(monday[0]));
    QVERIFY2(monday[1].startsWith(QString(hm(9, 30) + QStringLiteral(" LI published: Our autumn collection"))), qPrintable(monday[1]));
    const QStringList tuesday = itemTexts(calendar->dayList(m_base.addDays(1)));
    QCOMPARE(tuesday.size(), 2);
    QVERIFY(tuesday.contains(QString(hm(12) + QStringLiteral(" X failed: Weekend sale: 20% off every bag until Sunday night."))));
    QVERIFY(tuesday.contains(QString(hm(12) + QStringLiteral(" FB published: Weekend sale: 20% off every bag until Sunday night."))));
    QCOMPARE(itemTexts(calendar->dayList(m_base.addDays(2))),
             QStringList{QString(hm(15) + QStringLiteral(" LI unknown: We are hiring a leather worker for our Leeds workshop."))});
    QVERIFY(calendar->dayList(m_base.addDays(2))->item(0)->toolTip().contains(QStringLiteral("waiting for your decision")));
    QCOMPARE(itemTexts(calendar->dayList(m_base.addDays(3))).size(), 2);
    QVERIFY(itemTexts(calendar->dayList(m_base.addDays(3))).first().startsWith(QString(hm(10) + QStringLiteral(" X scheduled: Care tip"))));
    QVERIFY(itemTexts(calendar->dayList(m_base.addDays(5))).isEmpty());
    // Only what has not started can be dragged.
    QVERIFY(calendar->dayList(m_base.addDays(3))->item(0)->flags() & Qt::ItemIsDragEnabled);
    QVERIFY(!(calendar->dayList(m_base)->item(0)->flags() & Qt::ItemIsDragEnabled));
    // The model beside it: the state in words, in the state's colour.
    const QModelIndex failed = m_page->targetsModel()->index(2, ui::SocialTargetsModel::State);
    QCOMPARE(failed.data().toString(), QStringLiteral("failed"));
    QCOMPARE(failed.data(Qt::ForegroundRole).value<QColor>(), ui::Theme::color("danger"));
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("socialCount"));
    QTRY_COMPARE(count->text(), QStringLiteral("8 posts in the days shown, 2 failed"));
}

void TestSocialPage::detailShowsLinksAndReasons()
{
    QSignalSpy shown(m_page.get(), &ui::SocialPage::detailShown);
    m_page->selectTarget(m_saleX);
    QTRY_VERIFY(!shown.isEmpty());
    QCOMPARE(m_page->detail()->findChild<QLabel *>(QStringLiteral("socialDetailText"))->text(),
             QStringLiteral("Weekend sale: 20% off every bag until Sunday night."));
    const auto links = m_page->detail()->findChildren<QLabel *>(QStringLiteral("socialLink"));
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.first()->property("url").toString(), QStringLiteral("https://www.facebook.com/104958162837/posts/10160000000000001"));
    QVERIFY(links.first()->openExternalLinks());
    QVERIFY(links.first()->text().contains(QStringLiteral("href=\"https://www.facebook.com/104958162837/posts/10160000000000001\"")));
    auto *reason = m_page->detail()->findChild<QLabel *>(QStringLiteral("socialReason"));
    QVERIFY(reason);
    QCOMPARE(reason->text(), QStringLiteral("You are not allowed to create a Tweet with duplicate content."));
    const auto states = m_page->detail()->findChildren<QLabel *>(QStringLiteral("socialTargetState"));
    QCOMPARE(states.size(), 2);
    QVERIFY2(states[0]->text().startsWith(QStringLiteral("Failed (due ")) && states[0]->text().endsWith(QStringLiteral(", 3 attempts)")),
             qPrintable(states[0]->text()));
    QVERIFY(states[1]->text().startsWith(QStringLiteral("Published ")));
    auto *retry = m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialRetry"));
    QVERIFY(retry && retry->isEnabled());
    QCOMPARE(retry->property("targetId").toLongLong(), m_saleX);
    shot(m_page.get(), QStringLiteral("social-calendar.png"));
}

void TestSocialPage::retryPutsTheFailedPostBack()
{
    QCOMPARE(outboxState(m_saleX), QStringLiteral("failed"));
    QSignalSpy reloaded(m_page.get(), &ui::SocialPage::reloaded);
    QTest::mouseClick(m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialRetry")), Qt::LeftButton);
    QTRY_COMPARE(outboxState(m_saleX), QStringLiteral("pending"));
    QTRY_VERIFY(!reloaded.isEmpty());
    QCOMPARE(TargetState(m_page->targetsModel()->index(2, 0).data(ui::SocialTargetsModel::StateRole).toInt()), TargetState::Scheduled);
    QTRY_VERIFY(!m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialRetry")));
    QCOMPARE(outboxState(m_lateX), QStringLiteral("failed")); // only the one asked
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("socialCount"))->text(), QStringLiteral("8 posts in the days shown, 1 failed"));
}

void TestSocialPage::doubtIsLeftToTheUser()
{
    m_page->selectTarget(m_doubtLi);
    QTRY_VERIFY(m_page->detail()->findChild<QLabel *>(QStringLiteral("socialDoubt")));
    const QString doubt = m_page->detail()->findChild<QLabel *>(QStringLiteral("socialDoubt"))->text();
    QVERIFY2(doubt.contains(QStringLiteral("yours to decide")), qPrintable(doubt));
    QVERIFY(doubt.contains(QStringLiteral("Acme Bags Ltd on LinkedIn")));
    QVERIFY(!m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialRetry")));
}

void TestSocialPage::weekView()
{
    m_page->showWeek();
    QCOMPARE(m_page->calendar()->firstDay(), m_base);
    QCOMPARE(m_page->calendar()->lastDay(), m_base.addDays(6));
    QTRY_COMPARE(m_page->targetsModel()->rowCount(), 8);
    QCOMPARE(itemTexts(m_page->calendar()->dayList(m_base.addDays(4))),
             QStringList{QString(hm(18) + QStringLiteral(" X failed: Last call for the weekend sale!"))});
    QVERIFY(!m_page->calendar()->dayList(m_base.addDays(7))); // next week is not shown
    m_page->selectTarget(m_launchLi);
    QTRY_VERIFY(m_page->detail()->findChild<QLabel *>(QStringLiteral("socialLink")));
    shot(m_page.get(), QStringLiteral("social-week.png"));
    m_page->next();
    QCOMPARE(m_page->calendar()->firstDay(), m_base.addDays(7));
    QTRY_COMPARE(m_page->targetsModel()->rowCount(), 0);
    m_page->previous();
    QTRY_COMPARE(m_page->targetsModel()->rowCount(), 8);
    m_page->showMonth();
    QTRY_COMPARE(m_page->targetsModel()->rowCount(), 8);
}

void TestSocialPage::dragMovesAScheduledPost()
{
    // What a drop on Saturday asks for: the same time of day, that day.
    ui::SocialDayList *saturday = m_page->calendar()->dayList(m_base.addDays(5));
    QVERIFY(saturday);
    QSignalSpy asked(m_page->calendar(), &ui::SocialCalendar::rescheduleRequested);
    // Dropped as a drag from another day brings it: the target's id in the calendar's own type.
    ui::SocialDayList *thursday = m_page->calendar()->dayList(m_base.addDays(3));
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-lux-social-target"), QByteArray::number(m_tipFb));
    const QPoint inside = saturday->viewport()->rect().center();
    QDragEnterEvent enter(inside, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(saturday->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(inside), Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(saturday->viewport(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(drop.dropAction(), Qt::CopyAction); // the source keeps its item until the calendar is read again
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).toLongLong(), m_tipFb);
    QCOMPARE(asked.first().at(1).toDate(), m_base.addDays(5));
    QCOMPARE(thursday->count(), 2);
    QTRY_COMPARE(itemTexts(m_page->calendar()->dayList(m_base.addDays(5))).size(), 1);
    QSqlQuery q(m_f->db());
    QVERIFY(q.exec(QStringLiteral("SELECT due_at FROM social_targets WHERE id = %1").arg(m_tipFb)) && q.next());
    QCOMPARE(q.value(0).toLongLong(), at(m_base.addDays(5), 10));
    QVERIFY(itemTexts(m_page->calendar()->dayList(m_base.addDays(5))).first().startsWith(QString(hm(10) + QStringLiteral(" FB scheduled: Care tip"))));
    QCOMPARE(itemTexts(m_page->calendar()->dayList(m_base.addDays(3))).size(), 1); // X's stays
    // A published post does not move (it cannot be dragged; a drop of it is refused all the same).
    Q_EMIT saturday->dropped(m_launchX, saturday->date());
    QTest::qWait(200);
    QVERIFY(q.exec(QStringLiteral("SELECT due_at FROM social_targets WHERE id = %1").arg(m_launchX)) && q.next());
    QCOMPARE(q.value(0).toLongLong(), at(m_base, 9, 30));
}

void TestSocialPage::accountsTable()
{
    m_page->tabs()->setCurrentIndex(ui::SocialPage::AccountsTab);
    ui::SocialAccountsModel *model = m_page->accountsModel();
    QTRY_COMPARE(model->rowCount(), 4);
    const auto cell = [model](qint64 id, int column) { return model->index(model->rowOf(id), column).data().toString(); };
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::Network), QStringLiteral("X"));
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::Name), QStringLiteral("Acme Bags (@acmebags)"));
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::Status), QStringLiteral("Connected"));
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::SignInEnds), QStringLiteral("No end while used"));
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::Slots), QStringLiteral("Tue/Thu 10:00, Sat 11:30"));
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::TimeZone), QStringLiteral("Europe/Madrid"));
    QVERIFY(cell(m_li, ui::SocialAccountsModel::SignInEnds).endsWith(QStringLiteral("(within a week)")));
    QCOMPARE(cell(m_li, ui::SocialAccountsModel::Slots), QStringLiteral("Mon/Tue/Wed/Thu/Fri 09:00"));
    QCOMPARE(cell(m_ig, ui::SocialAccountsModel::Status), QStringLiteral("Connect again"));
    QCOMPARE(model->index(model->rowOf(m_ig), ui::SocialAccountsModel::Status).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Meta refused the token: the password was changed."));
    QVERIFY(!cell(m_fb, ui::SocialAccountsModel::SignInEnds).contains(u'('));
    QCOMPARE(cell(m_fb, ui::SocialAccountsModel::Slots), QStringLiteral("No queue"));
    auto *notices = m_page->findChild<QLabel *>(QStringLiteral("socialAccountNotices"));
    QVERIFY(notices->isVisible());
    QVERIFY2(notices->text().contains(QStringLiteral("Connect Acme Bags Ltd on LinkedIn again before ")), qPrintable(notices->text()));
    QVERIFY(notices->text().contains(QStringLiteral("cannot be renewed (Social → Accounts → Connect Account…, or luxctl social connect --network linkedin).")));
    QVERIFY(notices->text().contains(QStringLiteral("Acme Bags (@acme.bags) on Instagram: connect it again (Connect Account…).")));
    // Connecting is offered here (tst_socialconnect connects through it).
    auto *connectButton = m_page->findChild<QPushButton *>(QStringLiteral("socialConnect"));
    QVERIFY(connectButton && connectButton->isEnabled());
    QCOMPARE(connectButton->text(), QStringLiteral("Connect Account…"));
    // New Post opens the composer (tst_socialcomposer tests it).
    auto *compose = m_page->findChild<QPushButton *>(QStringLiteral("socialNewPost"));
    QVERIFY(compose);
    compose->click();
    auto *composer = m_page->findChild<ui::ComposerDialog *>();
    QVERIFY(composer && composer->isVisible());
    composer->reject();
    QCOMPARE(m_page->tabs()->tabText(ui::SocialPage::AccountsTab), QStringLiteral("Accounts (4)"));
    QCOMPARE(cell(m_ig, ui::SocialAccountsModel::SignInEnds), QStringLiteral("No end"));
    QCOMPARE(cell(m_x, ui::SocialAccountsModel::Failed), QStringLiteral("1 failed")); // the other was retried above
    QCOMPARE(cell(m_li, ui::SocialAccountsModel::Failed), QStringLiteral("None failed"));
    m_page->accountsView()->selectRow(model->rowOf(m_x));
    auto *retryAll = m_page->findChild<QPushButton *>(QStringLiteral("socialRetryAll"));
    QCOMPARE(retryAll->text(), QStringLiteral("Retry All Failed: Acme Bags (@acmebags) on X"));
    // A table of a few accounts: the picture need not be a screen tall.
    m_page->resize(1440, 560);
    shot(m_page.get(), QStringLiteral("social-accounts.png"));
    m_page->resize(1440, 900);

    // Retry all failed on X: its last failed post goes back to the outbox.
    QCOMPARE(outboxState(m_lateX), QStringLiteral("failed"));
    QVERIFY(retryAll->isEnabled());
    QTest::mouseClick(retryAll, Qt::LeftButton);
    QTRY_COMPARE(outboxState(m_lateX), QStringLiteral("pending"));
    QTRY_COMPARE(cell(m_x, ui::SocialAccountsModel::Failed), QStringLiteral("None failed"));
    QVERIFY(!retryAll->isEnabled()); // nothing left to retry on X
    m_page->accountsView()->selectRow(model->rowOf(m_li));
    QVERIFY(!retryAll->isEnabled());
    QCOMPARE(retryAll->toolTip(), QStringLiteral("No post of this account has failed."));
    QCOMPARE(outboxState(m_launchX), QStringLiteral("sent"));
    QCOMPARE(outboxState(m_doubtLi), QStringLiteral("unknown"));
}

void TestSocialPage::userDecidesAPostInDoubt()
{
    // Still being looked for (LUX may settle it): no buttons. Once nothing could tell, the user
    // decides: "It Is There" counts it as published and sends nothing.
    m_page->showMonth();
    m_page->selectTarget(m_doubtLi);
    QTRY_VERIFY(m_page->detail()->findChild<QLabel *>(QStringLiteral("socialDoubt")));
    QVERIFY(!m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialDecidePublished")));
    QSqlQuery q(m_f->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET error_code = 'needs-decision' WHERE id = (SELECT outbox_id FROM social_targets WHERE id = %1)")
                       .arg(m_doubtLi)));
    m_page->reload();
    m_page->selectTarget(m_doubtLi);
    QTRY_VERIFY(m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialDecidePublished")));
    QVERIFY(m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialDecideAgain")));
    QTest::mouseClick(m_page->detail()->findChild<QPushButton *>(QStringLiteral("socialDecidePublished")), Qt::LeftButton);
    QTRY_COMPARE(outboxState(m_doubtLi), QStringLiteral("sent"));
    const auto status = social::PostStore(m_f->db()).status(m_doubtPost);
    QCOMPARE(status->targets[0].state, social::TargetState::Published);
    // Nothing in doubt can be decided twice.
    QCOMPARE(social::PostStore(m_f->db()).decide(m_doubtLi, false).error().code, QStringLiteral("social.state"));
}

QTEST_MAIN(TestSocialPage)
#include "tst_socialpage.moc"
