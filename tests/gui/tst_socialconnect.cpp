// SPDX-License-Identifier: GPL-3.0-or-later
// Connecting a social account from the window (Social → Accounts → Connect Account…), against the
// fake X's real consent page and token endpoint over loopback, with the real keychain: the test plays
// the browser the dialog asks for. The sign-in runs on its own thread; the window stays responsive
// while it waits (the test's event loop runs throughout). Cancelling frees the port at once, a
// declined consent is said with Try Again, a network whose app is not set up says which setting, and
// the accounts table shows the new account. A screenshot (social-connect.png) goes to
// $LUX_SCREENSHOT_DIR when set.
#include "common/dialogs.h"
#include "common/translations.h"
#include "fakex.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "social/accountstore.h"
#include "social/connectdialog.h"
#include "social/socialmodels.h"
#include "social/socialpage.h"
#include "testsupport.h"
#include "trackerprocess.h"
#include "theme/theme.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace lux;
using namespace lux::social;
using Stage = ui::ConnectAccountDialog::Stage;

namespace {

constexpr auto kUserId = "1700000000000000001"; // the fake X's default user, the one its consent page signs in

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestSocialConnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void connectsFromTheAccountsTab();
    void cancelFreesThePort();
    void declinedConsentOffersTryAgain();
    void anAppNotSetUpSaysWhichSetting();

private:
    // The browser: opens the consent page without blocking, following its redirect to the sign-in's port.
    void browse(const QUrl &url);

    std::unique_ptr<fakes::FakeX> m_x;
    std::unique_ptr<test::SessionFixture> m_f;
    QNetworkAccessManager m_browser;
    QList<QUrl> m_opened;
    quint16 m_port = 0;
};

void TestSocialConnect::init()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
    m_x = std::make_unique<fakes::FakeX>();
    QVERIFY(m_x->listen());
    m_x->setUser({QString::fromLatin1(kUserId), QStringLiteral("acme"), QStringLiteral("Acme Shop"), QStringLiteral("Premium")});
    m_f = std::make_unique<test::SessionFixture>();
    QVERIFY(m_f->setDatabaseSetting(Settings::Key::SocialXBaseUrl, m_x->baseUrl().toString()));
    QVERIFY(m_f->setDatabaseSetting(Settings::Key::SocialXAuthUrl, m_x->baseUrl().resolved(QUrl(QStringLiteral("/i/oauth2/authorize"))).toString()));
    QVERIFY(m_f->setDatabaseSetting(Settings::Key::SocialXClientId, m_x->clientId()));
    m_port = freePort();
    QVERIFY(m_port > 0);
    m_f->settings.setValue(Settings::Key::SocialRedirectPort, m_port);
    QVERIFY(m_f->openSession());
    m_opened.clear();
}

void TestSocialConnect::cleanup()
{
    m_f.reset();
    m_x.reset();
}

void TestSocialConnect::browse(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_browser.get(request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void TestSocialConnect::connectsFromTheAccountsTab()
{
    ui::SocialPage page(m_f->session);
    page.resize(1100, 700);
    page.show();
    page.tabs()->setCurrentIndex(ui::SocialPage::AccountsTab);
    auto *connectButton = page.findChild<QPushButton *>(QStringLiteral("socialConnect"));
    QVERIFY(connectButton);
    QVERIFY(connectButton->isEnabled());
    connectButton->click();
    auto *dialog = page.findChild<ui::ConnectAccountDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->setBrowser([this](const QUrl &url) { m_opened << url; });
    QCOMPARE(dialog->stage(), Stage::Choosing);
    dialog->choose(ui::ConnectAccountDialog::X);
    dialog->findChild<QPushButton *>(QStringLiteral("connectStart"))->click();

    // The browser is asked for X's consent page, for this app, coming back to the chosen port.
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
    QCOMPARE(dialog->stage(), Stage::Waiting);
    const QUrl consent = m_opened.first();
    QCOMPARE(consent, dialog->consentUrl());
    const QUrlQuery asked(consent);
    QCOMPARE(asked.queryItemValue(QStringLiteral("client_id")), m_x->clientId());
    QCOMPARE(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), QStringLiteral("http://127.0.0.1:%1/callback").arg(m_port));
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("connectOpenAgain"))->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("connectStart"))->isVisible());
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(150);
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/social-connect.png")));
    }

    // The user allows the app in the browser: the account is saved, said by name, and listed.
    QSignalSpy connected(dialog, &ui::ConnectAccountDialog::accountsConnected);
    browse(consent);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Stage::Connected, 15000);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(dialog->connectedIds().size(), 1);
    QVERIFY2(dialog->message().contains(QStringLiteral("Acme Shop")), qPrintable(dialog->message()));
    const auto account = AccountStore(m_f->db()).find(dialog->connectedIds().first());
    QVERIFY(account);
    QCOMPARE(account->network, Network::X);
    QCOMPARE(account->externalId, QString::fromLatin1(kUserId));
    QCOMPARE(account->status, QStringLiteral("connected"));
    QVERIFY(account->longPosts); // the account said it is Premium
    QTRY_COMPARE(page.accountsModel()->rowCount(), 1);
    QVERIFY(page.accountsModel()->index(0, ui::SocialAccountsModel::Name).data().toString().contains(QStringLiteral("Acme Shop")));
    dialog->findChild<QPushButton *>(QStringLiteral("connectClose"))->click();
    QTRY_VERIFY(!page.findChild<ui::ConnectAccountDialog *>());
}

void TestSocialConnect::cancelFreesThePort()
{
    // Waiting can be given up; the port is free again at once, and a second try connects.
    auto dialog = std::make_unique<ui::ConnectAccountDialog>(m_f->session);
    dialog->setBrowser([this](const QUrl &url) { m_opened << url; });
    dialog->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
    {
        QTcpServer taken;
        QVERIFY(!taken.listen(QHostAddress::LocalHost, m_port)); // the sign-in listens there
    }
    dialog->cancel();
    QCOMPARE(dialog->stage(), Stage::Choosing);
    {
        QTcpServer free;
        QVERIFY(free.listen(QHostAddress::LocalHost, m_port));
    }
    // The page of the cancelled sign-in no longer connects anything.
    browse(m_opened.first());
    QTest::qWait(300);
    QCOMPARE(AccountStore(m_f->db()).list()->size(), 0);

    dialog->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 2, 10000);
    browse(m_opened.last());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Stage::Connected, 15000);
    QCOMPARE(AccountStore(m_f->db()).list()->size(), 1);
}

void TestSocialConnect::declinedConsentOffersTryAgain()
{
    QNetworkAccessManager nam;
    QCOMPARE(test::httpRequest(nam, "POST", m_x->baseUrl().resolved(QUrl(QStringLiteral("/_fake/config"))),
                               QJsonDocument(QJsonObject{{QStringLiteral("authorize_deny"), true}}).toJson(),
                               {{"Content-Type", "application/json"}})
                 .status,
             200);
    ui::ConnectAccountDialog dialog(m_f->session);
    dialog.setBrowser([this](const QUrl &url) { m_opened << url; });
    dialog.show();
    dialog.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
    browse(m_opened.first());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Failed, 15000);
    QVERIFY2(dialog.message().contains(QStringLiteral("declined")), qPrintable(dialog.message()));
    auto *tryAgain = dialog.findChild<QPushButton *>(QStringLiteral("connectStart"));
    QVERIFY(tryAgain->isVisible());
    QCOMPARE(tryAgain->text(), QStringLiteral("Try Again"));
    QCOMPARE(AccountStore(m_f->db()).list()->size(), 0);
    tryAgain->click();
    QCOMPARE(dialog.stage(), Stage::Choosing);
}

void TestSocialConnect::anAppNotSetUpSaysWhichSetting()
{
    // No LinkedIn app is set up: nothing listens, no browser opens, and the setting is named.
    ui::ConnectAccountDialog dialog(m_f->session);
    dialog.setBrowser([this](const QUrl &url) { m_opened << url; });
    dialog.choose(ui::ConnectAccountDialog::LinkedInOrganizations);
    dialog.start();
    QTRY_COMPARE(dialog.stage(), Stage::Failed); // once the app's secrets are read
    QVERIFY2(dialog.message().contains(QStringLiteral("social.linkedin_client_id")), qPrintable(dialog.message()));
    QTest::qWait(100);
    QVERIFY(m_opened.isEmpty());
    QTcpServer free;
    QVERIFY(free.listen(QHostAddress::LocalHost, m_port));
}

QTEST_MAIN(TestSocialConnect)
#include "tst_socialconnect.moc"
