// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectdialog.h"

#include "campaigns/sendsetup.h"
#include "common/labels.h"
#include "channels/social/signin.h"
#include "channels/social/socialchannel.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "social/accountstore.h"
#include "storage/database.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QCoroTask>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

namespace lux::ui {

using channels::social::SignIn;

// What the sign-in needs, read on the GUI thread (the settings; the app's secrets from the keychain).
struct SignInSetup
{
    QString databasePath;
    channels::social::SocialConfig social;
    QUrl xAuthorizeUrl;
    quint16 port = 0;
};

// The sign-in and what it works with, made and destroyed on the dialog's thread.
class SignInWorker : public QObject
{
public:
    ~SignInWorker() override
    {
        signIn.reset(); // before the connection it writes with
        connection.reset();
    }
    std::unique_ptr<storage::ScopedConnection> connection;
    QNetworkAccessManager *network = nullptr;
    std::unique_ptr<SignIn> signIn;
};

namespace {

enum Page { ChoosePage, WaitPage, ResultPage };

QCoro::Task<campaigns::SendSetup> withSecrets(SecretStore secrets, campaigns::SendSetup setup)
{
    co_return co_await campaigns::SendSetup::withSecrets(std::move(secrets), std::move(setup));
}

social::Network networkOf(ConnectAccountDialog::Choice choice)
{
    switch (choice) {
    case ConnectAccountDialog::X: return social::Network::X;
    case ConnectAccountDialog::LinkedInMember:
    case ConnectAccountDialog::LinkedInOrganizations: return social::Network::LinkedIn;
    case ConnectAccountDialog::Meta: return social::Network::Facebook;
    }
    return social::Network::X;
}

} // namespace

ConnectAccountDialog::ConnectAccountDialog(AppSession &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("connectAccountDialog"));
    setWindowTitle(tr("Connect an Account"));
    setMinimumWidth(520);
    m_browser = [](const QUrl &url) { QDesktopServices::openUrl(url); };
    auto *layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);

    // Which network.
    auto *choose = new QWidget(m_pages);
    auto *chooseLayout = new QVBoxLayout(choose);
    chooseLayout->setContentsMargins(0, 0, 0, 0);
    chooseLayout->addWidget(plainLabel(tr("Your browser opens the network's sign-in page; allow LUX Marketing there and come back. "
                                       "Connecting an account again keeps its posts and queue."),
                                    choose));
    m_choices = new QButtonGroup(this);
    const struct
    {
        Choice choice;
        QString label, detail;
    } options[] = {
        {X, tr("X"), tr("The account you sign in with.")},
        {LinkedInMember, tr("LinkedIn, as yourself"), tr("Posts on your own profile.")},
        {LinkedInOrganizations, tr("LinkedIn, with your organisations"),
         tr("Your profile and the company pages you administer (needs LinkedIn's Community Management API for the app).")},
        {Meta, tr("Facebook Pages and Instagram"),
         tr("The Pages you manage, and the Instagram professional accounts linked to them: one Facebook sign-in for both.")},
    };
    for (const auto &o : options) {
        auto *radio = new QRadioButton(o.label, choose);
        radio->setObjectName(QStringLiteral("connectChoice%1").arg(int(o.choice)));
        m_choices->addButton(radio, int(o.choice));
        chooseLayout->addWidget(radio);
        auto *detail = plainLabel(o.detail, choose, QStringLiteral("muted"));
        detail->setContentsMargins(24, 0, 0, 4);
        chooseLayout->addWidget(detail);
    }
    m_choices->button(X)->setChecked(true);
    chooseLayout->addStretch(1);
    m_pages->addWidget(choose);

    // Waiting for the browser.
    auto *wait = new QWidget(m_pages);
    auto *waitLayout = new QVBoxLayout(wait);
    waitLayout->setContentsMargins(0, 0, 0, 0);
    m_waiting = plainLabel(QString(), wait);
    m_waiting->setObjectName(QStringLiteral("connectWaiting"));
    waitLayout->addWidget(m_waiting);
    auto *busy = new QProgressBar(wait); // no end known: it moves while LUX waits for the browser
    busy->setObjectName(QStringLiteral("connectBusy"));
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumHeight(6);
    waitLayout->addWidget(busy);
    auto *again = new QHBoxLayout;
    m_openAgain = new QPushButton(Theme::icon(QStringLiteral("share")), tr("Open the Page Again"), wait);
    m_openAgain->setObjectName(QStringLiteral("connectOpenAgain"));
    m_openAgain->setToolTip(tr("Opens the network's sign-in page in your browser again."));
    connect(m_openAgain, &QPushButton::clicked, this, [this] {
        if (m_consent.isValid())
            m_browser(m_consent);
    });
    m_copy = new QPushButton(Theme::icon(QStringLiteral("copy")), tr("Copy the Address"), wait);
    m_copy->setObjectName(QStringLiteral("connectCopy"));
    m_copy->setToolTip(tr("Copies the sign-in page's address, to open it in another browser on this computer."));
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_consent.toString(QUrl::FullyEncoded)); });
    again->addWidget(m_openAgain);
    again->addWidget(m_copy);
    again->addStretch(1);
    waitLayout->addLayout(again);
    waitLayout->addStretch(1);
    m_pages->addWidget(wait);

    // What came of it.
    auto *result = new QWidget(m_pages);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    m_result = plainLabel(QString(), result);
    m_result->setObjectName(QStringLiteral("connectResult"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resultLayout->addWidget(m_result);
    resultLayout->addStretch(1);
    m_pages->addWidget(result);

    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectStart"));
    m_connect->setDefault(true);
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(QStringLiteral("connectClose"));
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_stage == Stage::Failed)
            setStage(Stage::Choosing); // Try Again: choose, then connect
        else
            start();
    });
    connect(m_close, &QPushButton::clicked, this, &ConnectAccountDialog::reject);
    layout->addWidget(buttons);
    setStage(Stage::Choosing);
}

ConnectAccountDialog::~ConnectAccountDialog()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->signIn->cancel(); });
    stopThread();
}

void ConnectAccountDialog::stopThread()
{
    if (!m_thread)
        return;
    // The sign-in, its port and its connection go on their own thread; the thread then ends (briefly
    // waited for: nothing is under way by now but closing them).
    if (m_worker)
        m_worker->deleteLater();
    m_worker = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void ConnectAccountDialog::choose(Choice choice)
{
    if (QAbstractButton *b = m_choices->button(int(choice)))
        b->setChecked(true);
}

QString ConnectAccountDialog::message() const
{
    return m_message;
}

void ConnectAccountDialog::start()
{
    if (m_stage == Stage::Waiting || m_stage == Stage::Saving)
        return;
    const auto choice = Choice(m_choices->checkedId());
    if (!m_session.database() || m_session.database()->isReadOnly()) {
        setStage(Stage::Failed, tr("The database is open read-only: accounts cannot be connected to it."));
        return;
    }
    const Settings &s = m_session.settings();
    SignInSetup setup;
    setup.databasePath = m_session.database()->path();
    setup.xAuthorizeUrl = s.socialXAuthUrl();
    setup.port = s.socialRedirectPort();
    setStage(Stage::Waiting, tr("Reading the app's keys from the keychain…"));
    const int attempt = ++m_attempt;
    // The app's secrets are read on this thread (QtKeychain's jobs are started here), then the sign-in
    // goes to its own.
    QCoro::connect(withSecrets(m_session.secrets(), campaigns::SendSetup::fromSettings(s)), this,
                   [this, attempt, choice, setup](const campaigns::SendSetup &ready) {
                       if (attempt != m_attempt || m_stage != Stage::Waiting)
                           return; // cancelled meanwhile
                       // The network's app must be set up: nothing listens and no browser opens otherwise.
                       if (const QString missing = channels::social::SocialChannelFactory::missingSetup(networkOf(choice), ready.social);
                           !missing.isEmpty()) {
                           setStage(Stage::Failed, missing);
                           return;
                       }
                       SignInSetup withKeys = setup;
                       withKeys.social = ready.social;
                       startSignIn(choice, withKeys);
                   });
}

void ConnectAccountDialog::startSignIn(Choice choice, const SignInSetup &setup)
{
    stopThread();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("lux-social-signin"));
    m_worker = new SignInWorker;
    m_worker->moveToThread(m_thread);
    m_thread->start();
    // The dialog outlives the thread (it ends it, and waits, before it goes), so what the sign-in says
    // is queued to it as it is; answers of an earlier attempt are ignored there.
    ConnectAccountDialog *dialog = this;
    const int attempt = m_attempt;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, dialog, attempt, choice, setup] {
        const auto report = [dialog, attempt](Stage stage, const QString &message, const QList<qint64> &ids = {}) {
            QMetaObject::invokeMethod(dialog, [dialog, attempt, stage, message, ids] {
                if (attempt != dialog->m_attempt)
                    return;
                if (stage == Stage::Connected)
                    dialog->m_connected = ids;
                dialog->setStage(stage, message);
                if (stage == Stage::Connected)
                    Q_EMIT dialog->accountsConnected(ids);
            });
        };
        w->connection = std::make_unique<storage::ScopedConnection>(setup.databasePath, storage::ScopedConnection::Mode::ReadWrite);
        if (!w->connection->isOpen()) {
            report(Stage::Failed, tr("The database could not be opened: %1").arg(w->connection->errorText()));
            return;
        }
        w->network = new QNetworkAccessManager(w);
        const social::Network network = networkOf(choice);
        auto connector = channels::social::makeConnector(network, w->network, setup.social, setup.xAuthorizeUrl, choice == LinkedInOrganizations);
        w->signIn = std::make_unique<SignIn>(w->connection->db(), setup.social.secrets, std::move(connector), setup.port);
        QObject::connect(w->signIn.get(), &SignIn::openBrowser, dialog, [dialog, attempt, network](const QUrl &url) {
            if (attempt != dialog->m_attempt)
                return;
            dialog->m_consent = url;
            dialog->setStage(Stage::Waiting, tr("Your browser shows %1's sign-in page: allow LUX Marketing there, then come back. "
                                                "If no page opened, open it again or copy its address.")
                                                 .arg(social::Networks::displayName(network)));
            dialog->m_browser(url);
        });
        QObject::connect(w->signIn.get(), &SignIn::answered, w, [report, network] {
            report(Stage::Saving, tr("%1 answered: connecting the accounts…").arg(social::Networks::displayName(network)));
        });
        QObject::connect(w->signIn.get(), &SignIn::failed, w, [report](const QString &why) { report(Stage::Failed, why); });
        QObject::connect(w->signIn.get(), &SignIn::connected, w, [w, report](const QList<qint64> &ids) {
            // Said by name: read here, on the sign-in's connection.
            social::AccountStore accounts(w->connection->db());
            QStringList names;
            for (qint64 id : ids)
                if (const auto a = accounts.find(id))
                    names << QStringLiteral("• ") + a->displayName();
            report(Stage::Connected, tr("Connected %n account(s):", nullptr, int(ids.size())) + u'\n' + names.join(u'\n'), ids);
        });
        w->signIn->start();
    });
}

void ConnectAccountDialog::cancel()
{
    if (m_stage == Stage::Saving)
        return; // the accounts are being saved: connected or failed follows
    ++m_attempt; // whatever the sign-in still says is not this dialog's any more
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [w = m_worker] {
            if (w->signIn)
                w->signIn->cancel();
        });
    stopThread();
    m_consent.clear();
    setStage(Stage::Choosing);
}

void ConnectAccountDialog::reject()
{
    if (m_stage == Stage::Saving)
        return; // moments: the network's answer is being saved
    cancel();
    QDialog::reject();
}

void ConnectAccountDialog::setStage(Stage stage, const QString &message)
{
    m_stage = stage;
    m_message = message;
    switch (stage) {
    case Stage::Choosing:
        m_pages->setCurrentIndex(ChoosePage);
        m_connect->setText(tr("Connect"));
        m_connect->show();
        m_connect->setEnabled(true);
        m_close->setText(tr("Cancel"));
        m_close->setEnabled(true);
        break;
    case Stage::Waiting:
    case Stage::Saving:
        m_pages->setCurrentIndex(WaitPage);
        m_waiting->setText(message);
        m_openAgain->setEnabled(stage == Stage::Waiting && m_consent.isValid());
        m_copy->setEnabled(stage == Stage::Waiting && m_consent.isValid());
        m_connect->hide();
        m_close->setText(tr("Cancel"));
        m_close->setEnabled(stage == Stage::Waiting);
        break;
    case Stage::Connected:
    case Stage::Failed:
        m_pages->setCurrentIndex(ResultPage);
        m_result->setText(message);
        m_result->setProperty("role", stage == Stage::Failed ? QStringLiteral("error") : QString());
        m_result->style()->unpolish(m_result);
        m_result->style()->polish(m_result);
        m_connect->setText(tr("Try Again"));
        m_connect->setVisible(stage == Stage::Failed);
        m_close->setText(tr("Close"));
        m_close->setEnabled(true);
        if (stage != Stage::Failed)
            m_consent.clear();
        stopThread();
        break;
    }
    Q_EMIT stageChanged(stage);
}

} // namespace lux::ui
