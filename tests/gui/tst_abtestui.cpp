// SPDX-License-Identifier: GPL-3.0-or-later
// A/B tests in the window, offscreen, on a real database: the wizard's Test section (variants side
// by side with their inbox line, the planner's sample size and its warning when the test group is too
// small, the pace), saved with the campaign; and a finished test's tab (rates with intervals, chance
// to be best, the decision in one sentence, the rest's progress). Screenshots go to
// $LUX_SCREENSHOT_DIR when set (docs/screenshots/campaign-wizard-abtest.png, campaign-abtest-report.png).
#include "campaigns/abstatistics.h"
#include "campaigns/abtest.h"
#include "campaigns/campaignstore.h"
#include "campaigns/abtestpanel.h"
#include "campaigns/abtestview.h"
#include "campaigns/campaignspage.h"
#include "campaigns/campaignwizard.h"
#include "campaigns/senderstore.h"
#include "common/dialogs.h"
#include "sessionfixture.h"
#include "testsupport.h"
#include "theme/theme.h"
#include "common/translations.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace lux;
using namespace lux::campaigns;

class TestAbTestUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wizardPlansAndSavesTheTest();
    void finishedTestShowsTheDecision();

private:
    int m_messages = 0;
    static void saveShot(QWidget *w, const QString &name)
    {
        QTest::qWait(60);
        const QPixmap shot = w->grab();
        QVERIFY(!shot.isNull());
        if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
    // `n` subscribed contacts in one statement (the planner needs a realistic audience).
    static bool addContacts(QSqlDatabase db, int n)
    {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                                     "INSERT INTO contacts (email, email_key, first_name, created_at, updated_at) "
                                     "SELECT 'p' || i || '@example.com', 'p' || i || '@example.com', 'P' || i, 1, 1 FROM n")
                          .arg(n));
    }
};

void TestAbTestUi::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        ++m_messages;
        qInfo("message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
}

void TestAbTestUi::wizardPlansAndSavesTheTest()
{
    test::SessionFixture f;
    QVERIFY(addContacts(f.data.db(), 24'000));
    QVERIFY(f.data.addBrandKit(QStringLiteral("Acme"), QStringLiteral("Acme Inc., 1 Main St, Springfield")));
    QVERIFY(f.data.addTemplate(QStringLiteral("Spring news"), QStringLiteral("Spring is here, {{first_name}}"),
                               QStringLiteral("<p>Hi {{first_name}}.</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"),
                               QStringLiteral("Three new things this season")));
    QVERIFY(f.data.addTemplate(QStringLiteral("Spring news (short)"), QStringLiteral("Spring is here"),
                               QStringLiteral("<p>Spring.</p><p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>")));
    QVERIFY(SenderStore(f.data.db()).save(QStringLiteral("news@acme.example"), SenderPacer::Limits(4, 30, 10000)));
    QVERIFY(f.openSession());

    ui::CampaignsPage page(f.session);
    page.resize(1200, 860);
    page.show();
    QTRY_VERIFY(!page.isBusy());
    ui::CampaignWizard *wizard = page.openWizard(0);
    QTRY_VERIFY(!wizard->isLoading());
    wizard->resize(980, 900);
    wizard->nameEdit()->setText(QStringLiteral("Spring launch"));
    wizard->templateCombo()->setCurrentIndex(wizard->templateCombo()->findText(QStringLiteral("Spring news")));
    wizard->subjectEdit()->setText(QStringLiteral("Spring is here, {{first_name}}"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::CampaignWizard::AudiencePage));
    QTRY_COMPARE(wizard->audienceCount(), 24'000);

    ui::AbTestPanel *panel = wizard->abTestPanel();
    QVERIFY(panel->isVisible());
    QVERIFY(!panel->config()); // off until asked for
    panel->setChecked(true);
    QTableWidget *table = panel->variantsTable();
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Spring is here, {{first_name}}")); // A is the campaign as written
    table->item(0, 1)->setText(QStringLiteral("20 % off everything green"));
    panel->addVariant();
    QCOMPARE(table->columnCount(), 3);
    table->item(1, 2)->setText(QStringLiteral("Only until Sunday"));
    // Each variant's line in the inbox: subject, then preheader (A's when the variant keeps it).
    QVERIFY2(table->item(5, 1)->text().contains(QStringLiteral("20 % off everything green — Three new things this season")),
             qPrintable(table->item(5, 1)->text()));
    QVERIFY(table->item(5, 2)->text().contains(QStringLiteral("Spring is here, {{first_name}} — Only until Sunday")));

    // The planner: 3 % usually click, a lift of 1 point is worth knowing.
    panel->baselineSpin()->setValue(3.0);
    panel->liftSpin()->setValue(1.0);
    AbPlanInput in;
    in.baseline = 0.03;
    in.lift = 0.01;
    in.variants = 3;
    const auto plan = AbStatistics::plan(in);
    QVERIFY(plan);
    const QString text = panel->planText();
    QVERIFY2(text.contains(QStringLiteral("each variant needs %1 people").arg(QLocale().toString(plan->perVariant))), qPrintable(text));
    // 20 % of 24,000 is 4,800 in the group, 1,600 a variant: too few for that lift, and it says so.
    QVERIFY2(text.contains(QLatin1String("Warning: the test group has 4,800 people, 1,600 a variant")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("at 30 messages a minute")), qPrintable(text)); // the mailbox's pace
    panel->shareSpin()->setValue(50); // half the audience: 4,000 a variant
    QVERIFY2(panel->planText().contains(QLatin1String("12,000 people, 4,000 a variant")), qPrintable(panel->planText()));
    panel->shareSpin()->setValue(20);
    saveShot(wizard, QStringLiteral("campaign-wizard-abtest"));

    // A variant that changes nothing is refused before the next step.
    table->item(0, 1)->setText(QString());
    table->item(1, 2)->setText(QString());
    const int before = m_messages;
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::CampaignWizard::AudiencePage));
    QCOMPARE(m_messages, before + 1);
    table->item(0, 1)->setText(QStringLiteral("20 % off everything green"));
    table->item(1, 2)->setText(QStringLiteral("Only until Sunday"));

    // Saved with the campaign.
    QSignalSpy saved(wizard, &ui::CampaignWizard::campaignSaved);
    wizard->saveDraft();
    QTRY_COMPARE(saved.size(), 1);
    const qint64 id = saved.at(0).at(0).toLongLong();
    const auto test = AbTests(f.db()).find(id);
    QVERIFY(test && *test);
    const AbTestConfig &c = (*test)->config;
    QCOMPARE(c.variants.size(), 3);
    QCOMPARE(c.variants.at(1).subject, QStringLiteral("20 % off everything green"));
    QCOMPARE(c.variants.at(2).preheader, QStringLiteral("Only until Sunday"));
    QCOMPARE(c.testPercent, 20.0);
    QCOMPARE(c.metric, AbMetric::HumanClicks);
    QCOMPARE(*c.baseline, 0.03);

    // Opened again, the test is there as saved.
    ui::CampaignWizard *again = page.openWizard(id);
    QTRY_VERIFY(!again->isLoading());
    QVERIFY(again->abTestPanel()->isChecked());
    QCOMPARE(again->abTestPanel()->variantCount(), 3);
    QCOMPARE(again->abTestPanel()->config()->variants, c.variants);
    again->reject();
}

void TestAbTestUi::finishedTestShowsTheDecision()
{
    test::SessionFixture f;
    qint64 now = QDateTime::currentMSecsSinceEpoch() - 6 * 3'600'000;
    const Clock clock = [&now] { return now; };
    qint64 id = 0;
    {
        QSqlDatabase db = f.data.db();
        QVERIFY(addContacts(db, 10'000));
        Campaign c;
        c.name = QStringLiteral("Spring launch");
        c.fromEmail = QStringLiteral("news@acme.example");
        c.subject = QStringLiteral("Spring is here");
        AbTestConfig config;
        AbVariant b;
        b.subject = QStringLiteral("20 % off everything green");
        config.variants = {AbVariant{}, b};
        config.testPercent = 20;
        config.waitMs = 4 * 3'600'000;
        const auto created = CampaignStore(db, clock).create(c, std::nullopt, [&](qint64 made) { return AbTests(db, clock).save(made, config); });
        QVERIFY(created);
        id = created->id;
        QVERIFY(CampaignStore(db, clock).transition(id, CampaignStatus::Scheduled, std::nullopt));
        QVERIFY(CampaignStore(db, clock).transition(id, CampaignStatus::Sending, std::nullopt));
        QVERIFY(CampaignStore(db, clock).freezeAudience(id));
        // The test group went out; 4.1 % of A's people clicked and 6.3 % of B's; a scanner clicked
        // 300 of A's (machines: not counted).
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent', updated_at = %1 WHERE ab_group = 1").arg(now)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_events (tracker_id, kind, campaign_id, outbox_id, contact_id, link_id, at, machine) "
                                      "SELECT o.id, 'click', o.campaign_id, o.id, o.contact_id, 1, %1, "
                                      " CASE WHEN (o.variant = 0 AND r.n <= 41) OR (o.variant = 1 AND r.n <= 63) THEN 0 ELSE 1 END "
                                      "FROM outbox o JOIN (SELECT id, row_number() OVER (PARTITION BY variant ORDER BY id) AS n FROM outbox "
                                      " WHERE ab_group = 1) r ON r.id = o.id "
                                      "WHERE (o.variant = 0 AND r.n <= 341) OR (o.variant = 1 AND r.n <= 63)")
                           .arg(now + 600'000)));
        now += config.waitMs;
        const auto turn = AbTests(db, clock).decideIfDue(id, 500);
        QVERIFY(turn && turn->decidedNow());
        // The rest is on its way: 5,000 of 8,000 sent.
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id IN (SELECT id FROM outbox WHERE ab_group = 0 ORDER BY id LIMIT 5000)")));
        // The decision brought the scheduler's job forward; another computer is sending it (its
        // lease), so this window's scheduler leaves it alone.
        QCOMPARE(AbTests(db, clock).find(id).value()->state, AbState::Decided);
        QVERIFY(q.exec(QStringLiteral("UPDATE jobs SET lease_owner = 'laptop', lease_until = %1 WHERE campaign_id = %2")
                           .arg(QDateTime::currentMSecsSinceEpoch() + 3'600'000)
                           .arg(id)));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QVERIFY(f.openSession());
    ui::CampaignsPage page(f.session);
    page.resize(1200, 860);
    page.show();
    QTRY_VERIFY(!page.isBusy());
    page.select(id);
    QTabWidget *tabs = page.detailTabs();
    const int tab = tabs->indexOf(page.abTestView());
    QTRY_VERIFY(tabs->isTabVisible(tab));
    tabs->setCurrentIndex(tab);
    ui::AbTestView *view = page.abTestView();
    QTRY_VERIFY(view->report().has_value());
    const QString headline = view->headline()->text();
    QVERIFY2(headline.startsWith(QLatin1String("B won: 6.3 % against 4.1 % of people clicked")), qPrintable(headline));
    QCOMPARE(view->table()->rowCount(), 2);
    QCOMPARE(view->table()->item(0, 3)->text(), QStringLiteral("41")); // people only
    QCOMPARE(view->table()->item(1, 3)->text(), QStringLiteral("63"));
    QVERIFY(view->table()->item(1, 0)->text().contains(QLatin1String("winner")));
    saveShot(&page, QStringLiteral("campaign-abtest-report"));

    // A campaign without a test has no such tab.
    QSqlQuery q(f.db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO campaigns (name, from_email, audience, status, created_at, updated_at) "
                                  "VALUES ('Plain', 'news@acme.example', '{}', 'draft', 1, 1)")));
    page.reload();
    QTRY_VERIFY(!page.isBusy());
    page.select(q.lastInsertId().toLongLong());
    QTRY_VERIFY(!tabs->isTabVisible(tab));
}

LUX_TEST_MAIN(TestAbTestUi, QApplication)
#include "tst_abtestui.moc"
