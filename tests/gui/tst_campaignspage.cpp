// SPDX-License-Identifier: GPL-3.0-or-later
// Campaigns in the window, offscreen, on a real database with the real keychain and the session's
// scheduler thread sending over loopback HTTP to the fake Graph: sending settings (a mailbox, the
// client secret saved in the keychain), the wizard (template, audience with its live count, checks,
// a test send), scheduling, the list and the outbox following the send, export, duplicate, pause,
// resume and cancel, and schedules missed while the app was closed, held until "Send Now".
// Screenshots go to $LUX_SCREENSHOT_DIR when set.
#include "campaigns/campaignsmodel.h"
#include "campaigns/campaignspage.h"
#include "campaigns/campaignstore.h"
#include "campaigns/campaignwizard.h"
#include "campaigns/smscomposer.h"
#include "campaigns/jobstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "common/dialogs.h"
#include "common/translations.h"
#include "content/templatestore.h"
#include "dialogguard.h"
#include "fakegraph.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/sendingsettings.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "tracking/token.h"
#include "theme/theme.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace lux;
using campaigns::CampaignStatus;
using lux::fakes::FakeGraph;

class TestCampaignsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wizardSendsThroughTheScheduler();
    void wizardSaysWhatIsGivenUpWithoutATracker();
    void missedScheduleWaitsForTheUser();
    void delegatedSignInSendsAsTheUser();
    void smsCampaignsLikeEmailOnes();

private:
    struct Fixture : test::SessionFixture
    {
        FakeGraph graph;
        Fixture(int contacts, int vip)
        {
            QVERIFY(graph.listen());
            FakeGraph::Faults faults;
            faults.latencyMs = 20;
            graph.setFaults(faults);
            QVERIFY(setDatabaseSetting(Settings::Key::GraphAuthorityUrl, graph.baseUrl().toString()));
            QVERIFY(setDatabaseSetting(Settings::Key::GraphBaseUrl, graph.baseUrl().toString()));
            QVERIFY(setDatabaseSetting(Settings::Key::GraphTenant, QStringLiteral("contoso")));
            QVERIFY(setDatabaseSetting(Settings::Key::GraphClientId, QStringLiteral("client")));
            QVERIFY(setDatabaseSetting(Settings::Key::TrackerUrl, QStringLiteral("https://track.example.com")));
            for (int i = 0; i < contacts; ++i)
                QVERIFY(data.addContact(QStringLiteral("r%1@example.com").arg(i), QStringLiteral("R%1").arg(i),
                                        i < vip ? QStringList{QStringLiteral("vip")} : QStringList{}));
            QVERIFY(data.addBrandKit(QStringLiteral("Acme"), QStringLiteral("Acme Inc., 1 Main St, Springfield")));
            QVERIFY(data.addTemplate(QStringLiteral("Spring news"), QStringLiteral("Spring is here, {{first_name}}"),
                                     QStringLiteral("<p>Hi {{first_name}}, spring is here.</p>"
                                                    "<p>{{brand.address}} · <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>"),
                                     QStringLiteral("Three new things this season")));
            QVERIFY(openSession());
        }
    };
    static void saveShot(QWidget *w, const QString &name)
    {
        QTest::qWait(60);
        const QPixmap shot = w->grab();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
    QList<ui::Dialogs::Message> m_messages;
};

void TestCampaignsPage::initTestCase()
{
    // Every message's one-click unsubscribe link is signed with lux-tracker's keys.
    qputenv("LUX_SECRET_TRACKING_KEYS", tracking::KeyRing::generate(1));
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([this](const ui::Dialogs::Message &m) {
        m_messages << m;
        return QMessageBox::Yes;
    });
}

// Issue 14: without a tracker the wizard says, where tracking is chosen, what the campaign gives up.
void TestCampaignsPage::wizardSaysWhatIsGivenUpWithoutATracker()
{
    Fixture f(3, 1);
    ui::CampaignsPage page(f.session);
    page.show();
    QTRY_VERIFY(!page.isBusy());
    ui::CampaignWizard *withTracker = page.openWizard(0);
    QTRY_VERIFY(!withTracker->isLoading());
    QVERIFY(withTracker->noTrackerNote()->isHidden());
    QCOMPARE(withTracker->trackingCombo()->count(), 3); // per person, anonymous counts, off
    withTracker->reject();

    f.session.settings().setValue(Settings::Key::TrackerUrl, QString());
    ui::CampaignWizard *wizard = page.openWizard(0);
    QTRY_VERIFY(!wizard->isLoading());
    QVERIFY(!wizard->noTrackerNote()->isHidden());
    const QString said = wizard->noTrackerNote()->text();
    QVERIFY2(said.contains(QLatin1String("one click")) && said.contains(QLatin1String("5,000")) && said.contains(QLatin1String("Opens and clicks")),
             qPrintable(said));
    wizard->trackingCombo()->setCurrentIndex(wizard->trackingCombo()->findData(int(campaigns::TrackingMode::Off)));
    QVERIFY(!wizard->noTrackerNote()->text().contains(QLatin1String("Opens and clicks"))); // nothing to count anyway
    wizard->reject();
}

void TestCampaignsPage::wizardSendsThroughTheScheduler()
{
    Fixture f(60, 12);
    m_messages.clear();

    // Settings → Sending: a mailbox at 600 a minute and the client secret into the real keychain.
    ui::SendingSettings sending(f.session);
    QSignalSpy checked(&sending, &ui::SendingSettings::secretChecked);
    QTRY_COMPARE(checked.size(), 1);
    QSignalSpy loaded(&sending, &ui::SendingSettings::sendersLoaded);
    sending.addSender(QStringLiteral("news@acme.example"), 600, 10000, 4);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(sending.sendersTable()->rowCount(), 1);
    QCOMPARE(sending.sendersTable()->item(0, 0)->text(), QStringLiteral("news@acme.example"));
    QCOMPARE(sending.sendersTable()->item(0, 1)->data(Qt::UserRole).toInt(), 600);
    sending.saveSecret(QStringLiteral("secret"));
    QTRY_COMPARE(checked.size(), 2);
    QCOMPARE(sending.secretStatus()->text(), QStringLiteral("A client secret is saved in the keychain."));

    ui::CampaignsPage page(f.session);
    page.resize(1200, 780);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(!page.isBusy());
    QCOMPARE(page.model()->rowCount(), 0);

    // The wizard: the message, then the audience with its live count.
    ui::CampaignWizard *wizard = page.openWizard(0);
    QTRY_VERIFY(!wizard->isLoading());
    QCOMPARE(wizard->templateCombo()->currentText(), QStringLiteral("Spring news"));
    QCOMPARE(wizard->fromCombo()->currentText(), QStringLiteral("news@acme.example"));
    wizard->nameEdit()->setText(QStringLiteral("Spring launch"));
    QTRY_COMPARE(wizard->audienceCount(), 60);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::CampaignWizard::AudiencePage));
    QListWidget *include = wizard->includeList();
    QCOMPARE(include->count(), 1);
    QCOMPARE(include->item(0)->text(), QStringLiteral("Tag: vip"));
    include->item(0)->setCheckState(Qt::Checked);
    QTRY_COMPARE(wizard->audienceCount(), 12);
    QCOMPARE(wizard->countLabel()->text(), QStringLiteral("12 contacts would receive this campaign now."));
    saveShot(wizard, QStringLiteral("campaign-wizard-audience"));
    include->item(0)->setCheckState(Qt::Unchecked);
    wizard->excludeList()->item(0)->setCheckState(Qt::Checked);
    QTRY_COMPARE(wizard->audienceCount(), 48);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ui::CampaignWizard::SchedulePage));
    QCOMPARE(wizard->when(), ui::CampaignWizard::When::Now);
    QSignalSpy checksReady(wizard, &ui::CampaignWizard::checksReady);
    wizard->next();
    QTRY_COMPARE(checksReady.size(), 1);
    QVERIFY(!campaigns::Lifecycle::hasErrors(wizard->findings()));
    QAbstractButton *finish = wizard->button(QWizard::FinishButton);
    if (campaigns::Lifecycle::hasWarnings(wizard->findings())) {
        QVERIFY(!finish->isEnabled()); // warnings are read first
        wizard->acknowledgeBox()->setChecked(true);
    }
    QVERIFY(finish->isEnabled());
    saveShot(wizard, QStringLiteral("campaign-wizard"));

    // A test send goes out through the scheduler's thread as "[Test] …", from the mailbox, no outbox row.
    QSignalSpy tested(wizard, &ui::CampaignWizard::testFinished);
    wizard->sendTest({QStringLiteral("qa@acme.example")});
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
    QCOMPARE(tested.at(0).at(1).toString(), QString());
    QCOMPARE(f.graph.accepted().size(), 1);
    QVERIFY(f.graph.accepted().at(0).subject.startsWith(QStringLiteral("[Test] ")));
    QCOMPARE(f.graph.accepted().at(0).recipients, QStringList{QStringLiteral("qa@acme.example")});
    QVERIFY(wizard->savedId() > 0);

    // Schedule now: it sends at 600 a minute, and the page follows it.
    QSignalSpy saved(wizard, &ui::CampaignWizard::campaignSaved);
    finish->click();
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(saved.at(0).at(1).toBool());
    const qint64 id = saved.at(0).at(0).toLongLong();
    QTRY_VERIFY(page.model()->row(id) != nullptr);
    page.select(id);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->row(id)->sent >= 5 && page.model()->row(id)->campaign.status == CampaignStatus::Sending, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(page.rateLabel()->text().contains(QStringLiteral("a minute")), 10000);
    saveShot(&page, QStringLiteral("campaign-sending"));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->row(id)->campaign.status, CampaignStatus::Sent, 30000);
    const ui::CampaignRow *row = page.model()->row(id);
    QCOMPARE(row->sent, 48);
    QCOMPARE(row->failed + row->unknown + row->pending, 0);
    // Each of the 48 went exactly once, none of the excluded.
    QSet<QString> recipients;
    for (const FakeGraph::Message &m : f.graph.accepted())
        if (!m.subject.startsWith(QStringLiteral("[Test] "))) {
            QCOMPARE(m.recipients.size(), 1);
            QVERIFY(!recipients.contains(m.recipients.first()));
            recipients.insert(m.recipients.first());
        }
    QCOMPARE(recipients.size(), 48);
    for (int i = 0; i < 12; ++i)
        QVERIFY(!recipients.contains(QStringLiteral("r%1@example.com").arg(i)));

    // The outbox: every row, filtered by state, exported.
    QTRY_COMPARE(page.outboxModel()->rowCount(), 48);
    page.stateFilter()->setCurrentIndex(page.stateFilter()->findData(QStringLiteral("failed")));
    QTRY_COMPARE(page.outboxModel()->rowCount(), 0);
    page.stateFilter()->setCurrentIndex(0);
    QTRY_COMPARE(page.outboxModel()->rowCount(), 48);
    saveShot(&page, QStringLiteral("campaigns"));
    const QString csv = f.data.filePath(QStringLiteral("outbox.csv"));
    page.exportOutbox(csv);
    QTRY_VERIFY(QFile::exists(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("email,state,attempts,sent_from,reason_code,reason,message_id,updated_at"));
    QCOMPARE(lines.size(), 50); // header, 48 rows, the empty piece after the last line break
    QVERIFY(lines.at(1).contains(",sent,1,news@acme.example,"));

    // Duplicate → a draft; schedule it for tomorrow, pause is not offered, cancel it.
    page.select(id);
    page.duplicateSelected();
    QTRY_COMPARE(page.model()->rowCount(), 2);
    const qint64 copy = page.model()->at(0).campaign.id;
    QCOMPARE(page.model()->at(0).campaign.name, QStringLiteral("Spring launch (copy)"));
    QCOMPARE(page.model()->at(0).campaign.status, CampaignStatus::Draft);
    QVERIFY(campaigns::Lifecycle(f.db()).schedule(copy, QDateTime::currentMSecsSinceEpoch() + 86'400'000, true, std::nullopt).ok());
    Q_EMIT f.session.campaignsChanged();
    QTRY_COMPARE(page.model()->row(copy)->campaign.status, CampaignStatus::Scheduled);
    QTRY_COMPARE(f.session.activeCampaigns(), 1);
    page.select(copy);
    page.pauseSelected(); // not legal from scheduled: a clear message, nothing changes
    QTRY_VERIFY(!m_messages.isEmpty());
    QCOMPARE(page.model()->row(copy)->campaign.status, CampaignStatus::Scheduled);
    page.cancelSelected();
    QTRY_COMPARE(page.model()->row(copy)->campaign.status, CampaignStatus::Cancelled);
    QCOMPARE(campaigns::JobStore(f.db()).overdue(QDateTime::currentMSecsSinceEpoch() + 2 * 86'400'000).size(), 0);
    QTRY_COMPARE(f.session.activeCampaigns(), 0);
}

void TestCampaignsPage::missedScheduleWaitsForTheUser()
{
    // A campaign came due while no scheduler ran; the setting says to wait for the user.
    Fixture f(5, 0);
    f.session.sendService().stop();
    f.settings.setValue(Settings::Key::MissedSchedules, QStringLiteral("wait"));
    QVERIFY(campaigns::SenderStore(f.db()).save(QStringLiteral("news@acme.example"), {4, 600, 10000}).ok());
    qputenv("LUX_SECRET_GRAPH_CLIENT_SECRET", "secret");
    campaigns::CampaignStore store(f.db());
    campaigns::Campaign c;
    c.name = QStringLiteral("Overnight");
    c.templateId = content::TemplateStore(f.db()).list().first().id;
    c.fromEmail = QStringLiteral("news@acme.example");
    const auto created = store.create(c, std::nullopt);
    QVERIFY(created.ok());
    const Status scheduled = campaigns::Lifecycle(f.db()).schedule(created->id, QDateTime::currentMSecsSinceEpoch() - 3'600'000, true, std::nullopt);
    QVERIFY2(scheduled.ok(), qPrintable(scheduled ? QString() : scheduled.error().message));

    ui::CampaignsPage page(f.session);
    page.resize(1200, 780);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    f.session.sendService().start(f.session.sendConfig());
    QTRY_VERIFY(page.noticeBar()->isVisible());
    QCOMPARE(page.noticeLabel()->text(), QStringLiteral("1 campaign came due while LUX was closed and waits for you."));
    QTest::qWait(1500); // held: two ticks of the scheduler send nothing
    QCOMPARE(f.graph.accepted().size(), 0);
    QTRY_COMPARE(page.model()->row(created->id)->campaign.status, CampaignStatus::Scheduled);
    saveShot(&page, QStringLiteral("campaigns-missed"));
    page.noticeBar()->findChild<QPushButton *>(QStringLiteral("campaignsSendMissed"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->row(created->id)->campaign.status, CampaignStatus::Sent, 30000);
    QCOMPARE(f.graph.accepted().size(), 5);
    qunsetenv("LUX_SECRET_GRAPH_CLIENT_SECRET");
}

void TestCampaignsPage::delegatedSignInSendsAsTheUser()
{
    // Settings → Sending → Sign In to Microsoft: the browser (a network manager here) follows the
    // authorize URL back to the loopback redirect; the refresh token goes to the keychain, the user's
    // mailbox becomes a sender, and a campaign from it goes through /me as the user.
    Fixture f(3, 0);
    f.graph.setSignedInUser(QStringLiteral("ada@contoso.example"));
    ui::SendingSettings sending(f.session);
    QSignalSpy changed(&sending, &ui::SendingSettings::delegatedChanged);
    QSignalSpy loaded(&sending, &ui::SendingSettings::sendersLoaded);
    QNetworkAccessManager browser;
    sending.signInToMicrosoft([&browser](const QUrl &url) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browser.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(sending.delegatedStatus()->text(), QStringLiteral("Signed in as ada@contoso.example: campaigns from this mailbox send as you, through /me."));
    QCOMPARE(f.settings.value(Settings::Key::GraphDelegatedMailbox).toString(), QStringLiteral("ada@contoso.example"));
    QTRY_VERIFY(loaded.size() >= 1 && sending.sendersTable()->rowCount() == 1);
    QCOMPARE(sending.sendersTable()->item(0, 0)->text(), QStringLiteral("ada@contoso.example"));
    QCOMPARE(f.graph.codeGrants(), 1);
    sending.resize(760, 900);
    sending.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sending));
    saveShot(&sending, QStringLiteral("settings-sending-delegated"));

    campaigns::Campaign c;
    c.name = QStringLiteral("From Ada");
    c.templateId = content::TemplateStore(f.db()).list().first().id;
    c.fromEmail = QStringLiteral("ada@contoso.example");
    const auto created = campaigns::CampaignStore(f.db()).create(c, std::nullopt);
    QVERIFY(created.ok());
    QVERIFY(campaigns::Lifecycle(f.db()).schedule(created->id, std::nullopt, true, std::nullopt).ok());
    QTRY_VERIFY_WITH_TIMEOUT(f.session.sendService().isRunning(), 5000);
    f.session.sendService().wake();
    QTRY_COMPARE_WITH_TIMEOUT(campaigns::CampaignStore(f.db()).find(created->id)->status, CampaignStatus::Sent, 30000);
    const auto rows = campaigns::Outbox(f.db()).rows(created->id); // named: a range-for over *temporary would outlive it
    QVERIFY(rows.ok());
    for (const campaigns::OutboxRow &r : *rows)
        QVERIFY2(r.state == campaigns::OutboxState::Sent, qPrintable(r.address + QLatin1Char(' ') + r.errorCode + QLatin1Char(' ') + r.error));
    QCOMPARE(f.graph.accepted().size(), 3);
    for (const FakeGraph::Message &m : f.graph.accepted())
        QCOMPARE(m.mailbox, QStringLiteral("ada@contoso.example"));
    QVERIFY(f.graph.refreshGrants() >= 1); // the token came from the refresh token, which rotated

    sending.signOutOfMicrosoft();
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(f.settings.value(Settings::Key::GraphDelegatedMailbox).toString(), QString());
}

// Issue 15: an SMS campaign sits in the same list, with its channel, and opens, duplicates, schedules
// and cancels like an email one.
void TestCampaignsPage::smsCampaignsLikeEmailOnes()
{
    Fixture f(0, 0);
    QVERIFY(campaigns::SenderStore(f.db(), QStringLiteral("sms")).save(QStringLiteral("+12015550100"), {}));
    campaigns::Campaign text;
    text.name = QStringLiteral("Flash sale");
    text.channel = QStringLiteral("sms");
    text.fromEmail = QStringLiteral("+12015550100");
    text.fromName = QStringLiteral("Acme");
    text.body = QStringLiteral("Acme: 20% off today only, {{first_name}}.");
    const auto created = campaigns::CampaignStore(f.db()).create(text, std::nullopt);
    QVERIFY2(created, test::errorText(created).constData());

    ui::CampaignsPage page(f.session);
    page.resize(1100, 760);
    page.show();
    auto *list = page.findChild<QTableView *>(QStringLiteral("campaignsView"));
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, ui::CampaignsModel::Channel).data().toString(), QStringLiteral("SMS"));
    QVERIFY(list->model()->index(0, ui::CampaignsModel::Channel).data(Qt::ToolTipRole).toString().contains(QStringLiteral("+12015550100")));
    list->selectRow(0);

    // Opened for editing, it is a text, with its text in the composer.
    ui::CampaignWizard *wizard = page.openWizard(created->id);
    QTRY_VERIFY(!wizard->isLoading());
    QCOMPARE(wizard->channel(), QStringLiteral("sms"));
    QCOMPARE(wizard->composer()->body(), text.body);
    QCOMPARE(wizard->smsFromCombo()->currentText(), QStringLiteral("+12015550100"));
    wizard->reject();

    // Duplicated: a draft text with the same text and number.
    page.findChild<QPushButton *>(QStringLiteral("campaignDuplicate"))->click();
    QTRY_COMPARE(list->model()->rowCount(), 2);
    const auto copy = campaigns::CampaignStore(f.db()).find(QStringLiteral("Flash sale (copy)"));
    QVERIFY(copy);
    QCOMPARE(copy->channel, QStringLiteral("sms"));
    QCOMPARE(copy->body, text.body);
    QCOMPARE(copy->fromEmail, text.fromEmail);

    // Scheduled, then cancelled from the page.
    QVERIFY(campaigns::CampaignStore(f.db()).transition(created->id, CampaignStatus::Scheduled, std::nullopt,
                                                       QDateTime::currentMSecsSinceEpoch() + 86'400'000));
    Q_EMIT f.session.campaignsChanged();
    QTRY_COMPARE(page.model()->row(created->id) ? page.model()->row(created->id)->campaign.status : CampaignStatus::Draft,
                 CampaignStatus::Scheduled);
    page.select(created->id);
    QTRY_VERIFY(page.findChild<QPushButton *>(QStringLiteral("campaignCancel"))->isEnabled());
    page.findChild<QPushButton *>(QStringLiteral("campaignCancel"))->click();
    QTRY_COMPARE(campaigns::CampaignStore(f.db()).find(created->id)->status, CampaignStatus::Cancelled);
}

LUX_GUI_TEST_MAIN(TestCampaignsPage)
#include "tst_campaignspage.moc"
