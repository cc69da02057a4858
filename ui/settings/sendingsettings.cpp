// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendingsettings.h"
#include "common/scrollpage.h"

#include "common/errorcodes.h"

#include "session/appsession.h"
#include "campaigns/senderstore.h"
#include "campaigns/sendsetup.h"
#include "channels/graph/delegatedsignin.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QDialog>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QNetworkAccessManager>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace lux::ui {

namespace {
constexpr Secret kSecretKey = Secret::GraphClientSecret;
}

SendingSettings::SendingSettings(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("sendingSettings"));
    const ScrollPage page = makeScrollPage(this);
    QWidget *content = page.content;
    QVBoxLayout *layout = page.layout;
    Settings &settings = m_session.settings();

    // A line edit bound to a setting: saved when editing finishes.
    const auto bound = [&settings, content](Settings::Key key, const QString &name, const QString &placeholder, bool url) {
        auto *edit = new QLineEdit(settings.value(key).toString(), content);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        QObject::connect(edit, &QLineEdit::editingFinished, content, [&settings, edit, key, url] {
            const QString text = edit->text().trimmed();
            if (url && !text.isEmpty()) {
                const QUrl parsed(text, QUrl::StrictMode);
                if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))) {
                    edit->setStyleSheet(QStringLiteral("border-color: %1").arg(Theme::color("danger").name()));
                    edit->setToolTip(SendingSettings::tr("Not a web address: it must start with https://"));
                    return;
                }
            }
            edit->setStyleSheet({});
            edit->setToolTip({});
            settings.setValue(key, text.isEmpty() ? Settings::defaultValue(key) : QVariant(text));
        });
        // Another database opened: its own value.
        QObject::connect(&settings, &Settings::databaseChanged, edit, [&settings, edit, key] {
            edit->setText(settings.value(key).toString());
            edit->setStyleSheet({});
            edit->setToolTip({});
        });
        QObject::connect(&settings, &Settings::saveFailed, edit, [edit, key](Settings::Key failed, const Error &error) {
            if (failed != key)
                return;
            edit->setStyleSheet(QStringLiteral("border-color: %1").arg(Theme::color("danger").name()));
            edit->setToolTip(error.message);
        });
        return edit;
    };

    auto *graph = new QGroupBox(tr("Microsoft Graph"), content);
    auto *graphForm = new QFormLayout(graph);
    auto *graphNote = new QLabel(tr("An app registration in Microsoft Entra with the Mail.Send and Mail.ReadWrite application permissions. "
                                    "Messages go out from the sender mailboxes below. The tenant, client id and addresses "
                                    "are saved in this database, so a teammate who opens it has them; the secret stays in "
                                    "your keychain."),
                                 graph);
    graphNote->setWordWrap(true);
    graphNote->setProperty("role", QStringLiteral("muted"));
    graphForm->addRow(graphNote);
    graphForm->addRow(tr("Tenant:"), bound(Settings::Key::GraphTenant, QStringLiteral("graphTenant"), tr("contoso.onmicrosoft.com or the tenant id"), false));
    graphForm->addRow(tr("Client id:"), bound(Settings::Key::GraphClientId, QStringLiteral("graphClientId"), tr("The application (client) id"), false));
    auto *secretRow = new QHBoxLayout;
    m_secret = new QLineEdit(graph);
    m_secret->setObjectName(QStringLiteral("graphSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Paste a new client secret"));
    auto *saveSecretButton = new QPushButton(Theme::icon(QStringLiteral("key")), tr("Save in Keychain"), graph);
    saveSecretButton->setObjectName(QStringLiteral("graphSaveSecret"));
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(saveSecretButton);
    graphForm->addRow(tr("Client secret:"), secretRow);
    m_secretStatus = new QLabel(graph);
    m_secretStatus->setObjectName(QStringLiteral("graphSecretStatus"));
    graphForm->addRow(QString(), m_secretStatus);
    connect(saveSecretButton, &QPushButton::clicked, this, [this] { saveSecret(m_secret->text()); });
    connect(m_secret, &QLineEdit::returnPressed, this, [this] { saveSecret(m_secret->text()); });
    auto *delegatedRow = new QHBoxLayout;
    m_signIn = new QPushButton(Theme::icon(QStringLiteral("log-in")), tr("Sign In to Microsoft…"), graph);
    m_signIn->setObjectName(QStringLiteral("graphSignIn"));
    m_signOut = new QPushButton(Theme::icon(QStringLiteral("log-out")), tr("Sign Out"), graph);
    m_signOut->setObjectName(QStringLiteral("graphSignOut"));
    delegatedRow->addWidget(m_signIn);
    delegatedRow->addWidget(m_signOut);
    delegatedRow->addStretch(1);
    graphForm->addRow(tr("Send as yourself:"), delegatedRow);
    m_delegatedStatus = new QLabel(graph);
    m_delegatedStatus->setObjectName(QStringLiteral("graphDelegatedStatus"));
    m_delegatedStatus->setWordWrap(true);
    m_delegatedStatus->setProperty("role", QStringLiteral("muted"));
    graphForm->addRow(QString(), m_delegatedStatus);
    connect(m_signIn, &QPushButton::clicked, this, [this] { signInToMicrosoft(); });
    connect(m_signOut, &QPushButton::clicked, this, &SendingSettings::signOutOfMicrosoft);
    graphForm->addRow(tr("Sign-in address:"), bound(Settings::Key::GraphAuthorityUrl, QStringLiteral("graphAuthority"),
                                                    Settings::defaultValue(Settings::Key::GraphAuthorityUrl).toString(), true));
    graphForm->addRow(tr("Graph address:"), bound(Settings::Key::GraphBaseUrl, QStringLiteral("graphBase"),
                                                  Settings::defaultValue(Settings::Key::GraphBaseUrl).toString(), true));
    layout->addWidget(graph);

    auto *senders = new QGroupBox(tr("Sender mailboxes"), content);
    auto *sendersLayout = new QVBoxLayout(senders);
    m_senders = new QTableWidget(0, 4, senders);
    m_senders->setObjectName(QStringLiteral("sendersTable"));
    m_senders->setHorizontalHeaderLabels({tr("Mailbox"), tr("A minute"), tr("A day"), tr("At once")});
    m_senders->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_senders->verticalHeader()->hide();
    m_senders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_senders->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_senders->setMinimumHeight(110);
    sendersLayout->addWidget(m_senders);
    auto *addSenderButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("Add or Change Mailbox…"), senders);
    addSenderButton->setObjectName(QStringLiteral("addSender"));
    addSenderButton->setEnabled(m_session.hasDatabase() && !m_session.database()->isReadOnly());
    auto *sendersRow = new QHBoxLayout;
    sendersRow->addWidget(addSenderButton);
    sendersRow->addStretch(1);
    sendersLayout->addLayout(sendersRow);
    layout->addWidget(senders);
    connect(addSenderButton, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Sender Mailbox"));
        auto *form = new QFormLayout(&dialog);
        auto *email = new QLineEdit(&dialog);
        email->setPlaceholderText(tr("news@example.com"));
        const int row = m_senders->currentRow();
        const auto spin = [&dialog](int max, int value) {
            auto *s = new QSpinBox(&dialog);
            s->setRange(1, max);
            s->setValue(value);
            s->setGroupSeparatorShown(true);
            return s;
        };
        const campaigns::SenderPacer::Limits defaults;
        QSpinBox *perMinute = spin(100000, defaults.perMinute);
        QSpinBox *perDay = spin(10000000, defaults.perDay);
        QSpinBox *concurrency = spin(64, defaults.concurrency);
        if (row >= 0) {
            email->setText(m_senders->item(row, 0)->text());
            perMinute->setValue(m_senders->item(row, 1)->data(Qt::UserRole).toInt());
            perDay->setValue(m_senders->item(row, 2)->data(Qt::UserRole).toInt());
            concurrency->setValue(m_senders->item(row, 3)->data(Qt::UserRole).toInt());
        }
        form->addRow(tr("Mailbox:"), email);
        form->addRow(tr("Messages a minute:"), perMinute);
        form->addRow(tr("Recipients a day:"), perDay);
        form->addRow(tr("Requests at once:"), concurrency);
        auto *note = new QLabel(tr("Exchange Online allows 30 messages a minute, 10,000 recipients a day and 4 requests at once."), &dialog);
        note->setWordWrap(true);
        note->setProperty("role", QStringLiteral("muted"));
        form->addRow(note);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() == QDialog::Accepted)
            addSender(email->text(), perMinute->value(), perDay->value(), concurrency->value());
    });

    auto *scheduler = new QGroupBox(tr("Scheduler"), content);
    auto *schedulerForm = new QFormLayout(scheduler);
    auto *missed = new QComboBox(scheduler);
    missed->setObjectName(QStringLiteral("missedSchedules"));
    missed->addItem(tr("Send them at the next start, with a notice"), QStringLiteral("send"));
    missed->addItem(tr("Wait until I choose to send them"), QStringLiteral("wait"));
    missed->setCurrentIndex(std::max(0, missed->findData(settings.value(Settings::Key::MissedSchedules).toString())));
    connect(missed, &QComboBox::currentIndexChanged, this,
            [this, missed] { m_session.settings().setValue(Settings::Key::MissedSchedules, missed->currentData()); });
    schedulerForm->addRow(tr("Campaigns due while LUX was closed:"), missed);
    auto *tray = new QCheckBox(tr("Keep sending from the system tray when the window is closed"), scheduler);
    tray->setObjectName(QStringLiteral("closeToTray"));
    tray->setChecked(settings.closeToTray());
    connect(tray, &QCheckBox::toggled, this, [this](bool on) { m_session.settings().setValue(Settings::Key::CloseToTray, on); });
    schedulerForm->addRow(tray);
    layout->addWidget(scheduler);

    // Bounces, replies and unsubscribe mails: read from the sender mailboxes every five minutes.
    auto *inbox = new QGroupBox(tr("Bounces and replies"), content);
    auto *inboxForm = new QFormLayout(inbox);
    auto *inboxNote = new QLabel(tr("LUX reads the Inbox of each sender mailbox every five minutes while it runs: bounces mark the "
                                    "address bounced and suppress it, replies appear on the contact, and unsubscribe mails are "
                                    "applied. It needs Mail.Read (Mail.ReadWrite to mark messages read or move them). Nothing is deleted."),
                                 inbox);
    inboxNote->setWordWrap(true);
    inboxNote->setProperty("role", QStringLiteral("muted"));
    inboxForm->addRow(inboxNote);
    auto *after = new QComboBox(inbox);
    after->setObjectName(QStringLiteral("mailboxAfterReading"));
    after->addItem(tr("Mark them read"), QStringLiteral("read"));
    after->addItem(tr("Move them to a folder"), QStringLiteral("move"));
    after->setCurrentIndex(std::max(0, after->findData(settings.value(Settings::Key::MailboxAfterReading).toString())));
    auto *folder = new QLineEdit(settings.mailboxFolder(), inbox);
    folder->setObjectName(QStringLiteral("mailboxFolder"));
    folder->setEnabled(settings.mailboxMovesRead());
    connect(after, &QComboBox::currentIndexChanged, this, [this, after, folder] {
        m_session.settings().setValue(Settings::Key::MailboxAfterReading, after->currentData());
        folder->setEnabled(after->currentData().toString() == QLatin1String("move"));
    });
    connect(folder, &QLineEdit::editingFinished, this, [this, folder] {
        if (!folder->text().trimmed().isEmpty())
            m_session.settings().setValue(Settings::Key::MailboxFolder, folder->text().trimmed());
    });
    inboxForm->addRow(tr("Messages LUX has read:"), after);
    inboxForm->addRow(tr("Folder:"), folder);
    layout->addWidget(inbox);
    layout->addStretch(1);

    loadSenders();
    checkSecret();
    showDelegated();
    // Another database: its own secret in the keychain and its own signed-in mailbox.
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        checkSecret();
        showDelegated();
    });
}

void SendingSettings::showDelegated(const QString &message)
{
    const QString mailbox = m_session.settings().graphDelegatedMailbox();
    m_signOut->setVisible(!mailbox.isEmpty());
    m_signIn->setText(mailbox.isEmpty() ? tr("Sign In to Microsoft…") : tr("Sign In Again…"));
    if (!message.isEmpty())
        m_delegatedStatus->setText(message);
    else if (mailbox.isEmpty())
        m_delegatedStatus->setText(tr("Without an app secret: sign in as a user with the Mail.Send and Mail.ReadWrite permissions, in your browser. "
                                      "Campaigns from that mailbox then send as you."));
    else
        m_delegatedStatus->setText(tr("Signed in as %1: campaigns from this mailbox send as you, through /me.").arg(mailbox));
}

void SendingSettings::signInToMicrosoft(std::function<void(const QUrl &)> open)
{
    // A public client: the sign-in needs where Microsoft is and who the app is, never the secret.
    channels::graph::GraphConfig config = campaigns::SendSetup::fromSettings(m_session.settings()).graph;
    config.clientSecret.clear();
    if (config.tenant.isEmpty() || config.clientId.isEmpty()) {
        showDelegated(tr("Fill in the tenant and the client id first."));
        Q_EMIT delegatedChanged();
        return;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto *signIn = new channels::graph::DelegatedSignIn(m_network, config, this);
    m_signIn->setEnabled(false);
    showDelegated(tr("Waiting for the sign-in in your browser…"));
    connect(signIn, &channels::graph::DelegatedSignIn::openBrowser, this, [open](const QUrl &url) {
        if (open)
            open(url);
        else
            QDesktopServices::openUrl(url);
    });
    connect(signIn, &channels::graph::DelegatedSignIn::failed, this, [this, signIn](const QString &message) {
        signIn->deleteLater();
        m_signIn->setEnabled(true);
        showDelegated(message);
        Q_EMIT delegatedChanged();
    });
    connect(signIn, &channels::graph::DelegatedSignIn::signedIn, this, [this, signIn](const QString &mailbox, const QString &refreshToken) {
        signIn->deleteLater();
        QCoro::connect(m_session.secrets().write(Secret::GraphRefreshToken, refreshToken), this,
                       [this, mailbox](const Status &s) {
                           m_signIn->setEnabled(true);
                           if (!s) {
                               showDelegated(tr("Signed in, but the sign-in could not be kept: %1").arg(s.error().message));
                               Q_EMIT delegatedChanged();
                               return;
                           }
                           m_session.settings().setValue(Settings::Key::GraphDelegatedMailbox, mailbox);
                           // The mailbox becomes a sender with Exchange Online's limits, unless it is one already.
                           bool known = false;
                           for (int r = 0; r < m_senders->rowCount(); ++r)
                               known = known || m_senders->item(r, 0)->text().compare(mailbox, Qt::CaseInsensitive) == 0;
                           if (!known)
                               addSender(mailbox, campaigns::SenderPacer::Limits().perMinute, campaigns::SenderPacer::Limits().perDay,
                                         campaigns::SenderPacer::Limits().concurrency);
                           m_session.restartScheduler();
                           showDelegated();
                           Q_EMIT delegatedChanged();
                       });
    });
    signIn->start();
}

void SendingSettings::signOutOfMicrosoft()
{
    m_session.settings().reset(Settings::Key::GraphDelegatedMailbox);
    QCoro::connect(m_session.secrets().remove(Secret::GraphRefreshToken), this, [this](const Status &) {
        m_session.restartScheduler();
        showDelegated();
        Q_EMIT delegatedChanged();
    });
}

void SendingSettings::loadSenders()
{
    if (!m_session.hasDatabase())
        return;
    runOnDatabase<Result<QList<campaigns::SenderMailbox>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<QList<campaigns::SenderMailbox>> { return campaigns::SenderStore(db).list(); },
        [this](const Result<QList<campaigns::SenderMailbox>> &list) {
            if (!list)
                return;
            const QLocale locale;
            m_senders->setRowCount(int(list->size()));
            for (int r = 0; r < list->size(); ++r) {
                const campaigns::SenderMailbox &m = list->at(r);
                m_senders->setItem(r, 0, new QTableWidgetItem(m.address));
                const int values[] = {m.limits.perMinute, m.limits.perDay, m.limits.concurrency};
                for (int c = 0; c < 3; ++c) {
                    auto *item = new QTableWidgetItem(locale.toString(values[c]));
                    item->setData(Qt::UserRole, values[c]);
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    m_senders->setItem(r, c + 1, item);
                }
            }
            Q_EMIT sendersLoaded();
        });
}

void SendingSettings::addSender(const QString &email, int perMinute, int perDay, int concurrency)
{
    const campaigns::SenderPacer::Limits limits{concurrency, perMinute, perDay};
    runOnDatabase<Result<campaigns::SenderMailbox>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [email, limits](QSqlDatabase &db) { return campaigns::SenderStore(db).save(email, limits); },
        [this](const Result<campaigns::SenderMailbox> &saved) {
            if (!saved) {
                Dialogs::warning(this, tr("Sender Mailbox"), saved.error().message);
                return;
            }
            loadSenders();
        });
}

void SendingSettings::saveSecret(const QString &secret)
{
    if (secret.trimmed().isEmpty())
        return;
    m_secretStatus->setText(tr("Saving…"));
    QCoro::connect(m_session.secrets().write(kSecretKey, secret.trimmed()), this, [this](const Status &s) {
        if (!s) {
            m_secretStatus->setProperty("role", QStringLiteral("error"));
            m_secretStatus->setText(tr("The secret was not saved: %1").arg(s.error().message));
        } else {
            m_secret->clear();
            m_session.restartScheduler(); // it reads the new secret
            m_secretStatus->setProperty("role", QStringLiteral("success"));
            m_secretStatus->setText(tr("A client secret is saved in the keychain."));
        }
        m_secretStatus->style()->unpolish(m_secretStatus);
        m_secretStatus->style()->polish(m_secretStatus);
        Q_EMIT secretChecked();
    });
}

void SendingSettings::checkSecret()
{
    m_secretStatus->setProperty("role", QStringLiteral("muted"));
    m_secretStatus->setText(tr("Looking in the keychain…"));
    QCoro::connect(m_session.secrets().read(kSecretKey), this, [this](const Result<QString> &secret) {
        m_secretStatus->setProperty("role", secret ? QStringLiteral("success") : QStringLiteral("warning"));
        if (secret)
            m_secretStatus->setText(tr("A client secret is saved in the keychain."));
        else if (secret.error().code == errc::secretsNotFound)
            m_secretStatus->setText(tr("No client secret saved yet."));
        else
            m_secretStatus->setText(tr("The keychain cannot be read: %1").arg(secret.error().message));
        m_secretStatus->style()->unpolish(m_secretStatus);
        m_secretStatus->style()->polish(m_secretStatus);
        Q_EMIT secretChecked();
    });
}

} // namespace lux::ui
