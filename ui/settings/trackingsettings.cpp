// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackingsettings.h"

#include "common/errorcodes.h"

#include "session/appsession.h"
#include "common/dbtask.h"
#include "settings/settings.h"
#include "theme/theme.h"
#include "tracking/campaigntracking.h"
#include "tracking/token.h"
#include "tracking/trackersync.h"

#include <QApplication>
#include <QClipboard>
#include <QCoroTask>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace lux::ui {

namespace {
constexpr Secret kKeys = Secret::TrackingKeys;
constexpr Secret kToken = Secret::TrackerApiToken;

QLabel *statusLabel(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    l->setProperty("role", QStringLiteral("muted"));
    return l;
}
} // namespace

TrackingSettings::TrackingSettings(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_network(new QNetworkAccessManager(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("lux-tracker is the small server you host that receives opens, clicks and one-click "
                                "unsubscribes. The guide in docs/tracker.md sets it up in a few minutes."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(intro);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout(server);
    m_url = new QLineEdit(m_session.settings().trackerUrl(), server);
    m_url->setObjectName(QStringLiteral("trackerUrl"));
    m_url->setPlaceholderText(tr("https://track.example.com"));
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_url->text().trimmed();
        const QUrl parsed(text, QUrl::StrictMode);
        if (!text.isEmpty() && (!parsed.isValid() || parsed.host().isEmpty()
                                || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http")))) {
            m_url->setStyleSheet(QStringLiteral("border-color: %1").arg(Theme::color("danger").name()));
            m_url->setToolTip(tr("Not a web address: it must start with https://"));
            return;
        }
        m_url->setStyleSheet({});
        m_url->setToolTip({});
        if (m_session.settings().trackerUrl() != text)
            m_session.settings().setValue(Settings::Key::TrackerUrl, text);
    });
    form->addRow(tr("Address:"), m_url);
    connect(&m_session.settings(), &Settings::saveFailed, m_url, [this](Settings::Key key, const Error &error) {
        if (key != Settings::Key::TrackerUrl)
            return;
        m_url->setStyleSheet(QStringLiteral("border-color: %1").arg(Theme::color("danger").name()));
        m_url->setToolTip(error.message);
    });
    auto *urlNote = new QLabel(tr("With a server, every message carries a one-click unsubscribe link to it, tracked or not. Without one, "
                                  "messages carry an unsubscribe address by email to the sending mailbox, and opens and clicks are not "
                                  "tracked. The address is saved in this database; the token and keys stay in your keychain."),
                               server);
    urlNote->setWordWrap(true);
    urlNote->setProperty("role", QStringLiteral("muted"));
    form->addRow(QString(), urlNote);

    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit(server);
    m_token->setObjectName(QStringLiteral("trackerToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("The API token from the server's api-token file"));
    auto *saveToken = new QPushButton(tr("Save"), server);
    saveToken->setObjectName(QStringLiteral("saveTrackerToken"));
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(saveToken);
    form->addRow(tr("API token:"), tokenRow);
    m_tokenStatus = statusLabel(server, "trackerTokenStatus");
    form->addRow(QString(), m_tokenStatus);
    connect(saveToken, &QPushButton::clicked, this, [this] { saveApiToken(m_token->text()); });
    connect(m_token, &QLineEdit::returnPressed, this, [this] { saveApiToken(m_token->text()); });

    auto *keysRow = new QHBoxLayout;
    auto *newKeyButton = new QPushButton(Theme::icon(QStringLiteral("key")), tr("New Key"), server);
    newKeyButton->setObjectName(QStringLiteral("newTrackingKey"));
    newKeyButton->setToolTip(tr("Adds a new signing key. Links in messages already sent keep working."));
    auto *enterKeys = new QPushButton(tr("Enter Keys…"), server);
    enterKeys->setObjectName(QStringLiteral("enterTrackingKeys"));
    keysRow->addWidget(newKeyButton);
    keysRow->addWidget(enterKeys);
    keysRow->addStretch(1);
    form->addRow(tr("Signing keys:"), keysRow);
    m_keysStatus = statusLabel(server, "trackingKeysStatus");
    form->addRow(QString(), m_keysStatus);
    connect(newKeyButton, &QPushButton::clicked, this, &TrackingSettings::newKey);
    connect(enterKeys, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Signing Keys"));
        auto *v = new QVBoxLayout(&dialog);
        auto *note = new QLabel(tr("Paste the contents of the server's keys file: one key a line, the first signs. If messages already "
                                   "went out without a server, give the server these keys instead (New Key shows them), or their "
                                   "unsubscribe addresses stop working."),
                                &dialog);
        note->setWordWrap(true);
        v->addWidget(note);
        auto *edit = new QPlainTextEdit(&dialog);
        edit->setObjectName(QStringLiteral("keysEdit"));
        v->addWidget(edit);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
        v->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() == QDialog::Accepted)
            saveKeys(edit->toPlainText());
    });

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(Theme::icon(QStringLiteral("play")), tr("Test Connection"), server);
    m_test->setObjectName(QStringLiteral("testTracker"));
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    form->addRow(QString(), testRow);
    m_connectionStatus = statusLabel(server, "trackerConnectionStatus");
    form->addRow(QString(), m_connectionStatus);
    connect(m_test, &QPushButton::clicked, this, &TrackingSettings::testConnection);
    layout->addWidget(server);

    auto *sync = new QGroupBox(tr("Events"), this);
    auto *syncForm = new QFormLayout(sync);
    auto *syncRow = new QHBoxLayout;
    auto *syncNow = new QPushButton(Theme::icon(QStringLiteral("retry")), tr("Sync Now"), sync);
    syncNow->setObjectName(QStringLiteral("syncTracker"));
    syncRow->addWidget(syncNow);
    syncRow->addStretch(1);
    syncForm->addRow(syncRow);
    m_syncStatus = statusLabel(sync, "trackerSyncStatus");
    syncForm->addRow(m_syncStatus);
    auto *syncNote = new QLabel(tr("While LUX runs, it pulls events every minute. Unsubscribes reach the suppression list at once; "
                                   "opens and clicks by image proxies and link scanners are kept apart from people's."),
                                sync);
    syncNote->setWordWrap(true);
    syncNote->setProperty("role", QStringLiteral("muted"));
    syncForm->addRow(syncNote);
    connect(syncNow, &QPushButton::clicked, this, [this] {
        setStatus(m_syncStatus, QStringLiteral("muted"), tr("Syncing…"));
        m_session.syncTracking();
    });
    connect(&m_session, &AppSession::trackingSynced, this, [this](int events, const QString &error) {
        if (!error.isEmpty())
            setStatus(m_syncStatus, QStringLiteral("warning"), error);
        else
            setStatus(m_syncStatus, QStringLiteral("success"), tr("Synced just now: %n new event(s).", nullptr, events));
    });
    layout->addWidget(sync);
    layout->addStretch(1);

    checkSecrets();
    showSync();
    // Without a tracker, the scheduler makes the signing keys when it starts: show them.
    connect(&m_session, &AppSession::schedulerStarted, this, &TrackingSettings::checkSecrets);
    // Another database (once the session has its keychain entries too): its own tracker, token and keys.
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        m_url->setText(m_session.settings().trackerUrl());
        m_url->setStyleSheet({});
        m_url->setToolTip({});
        checkSecrets();
    });
}

void TrackingSettings::setStatus(QLabel *label, const QString &role, const QString &text)
{
    label->setProperty("role", role);
    label->setText(text);
    label->style()->unpolish(label);
    label->style()->polish(label);
    Q_EMIT checked();
}

void TrackingSettings::checkSecrets()
{
    QCoro::connect(m_session.secrets().read(kToken), this, [this](const Result<QString> &token) {
        if (token)
            setStatus(m_tokenStatus, QStringLiteral("success"), tr("An API token is saved in the keychain."));
        else if (token.error().code == errc::secretsNotFound)
            setStatus(m_tokenStatus, QStringLiteral("warning"), tr("No API token saved yet: events cannot be pulled and links not registered."));
        else
            setStatus(m_tokenStatus, QStringLiteral("warning"), tr("The keychain cannot be read: %1").arg(token.error().message));
    });
    QCoro::connect(m_session.secrets().read(kKeys), this, [this](const Result<QString> &keys) {
        if (!keys) {
            setStatus(m_keysStatus, QStringLiteral("warning"),
                      keys.error().code == errc::secretsNotFound
                          ? tr("No signing keys yet: New Key makes them (without a server, LUX makes them when it first sends).")
                          : tr("The keychain cannot be read: %1").arg(keys.error().message));
            return;
        }
        const auto ring = tracking::KeyRing::parse(keys->toUtf8());
        if (!ring)
            setStatus(m_keysStatus, QStringLiteral("error"), ring.error().message);
        else
            setStatus(m_keysStatus, QStringLiteral("success"),
                      tr("%n key(s) in the keychain; key %1 signs.", nullptr, int(ring->ids().size())).arg(ring->signingId()));
    });
}

void TrackingSettings::showSync()
{
    if (!m_session.hasDatabase())
        return;
    runOnDatabase<Result<tracking::TrackerSync::Status>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) { return tracking::TrackerSync::status(db); },
        [this](const Result<tracking::TrackerSync::Status> &s) {
            if (!s)
                return;
            if (!s->error.isEmpty())
                setStatus(m_syncStatus, QStringLiteral("warning"), s->error);
            else if (s->syncedAt > 0)
                setStatus(m_syncStatus, QStringLiteral("muted"),
                          tr("Last synced %1.").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(s->syncedAt), QLocale::ShortFormat)));
            else
                setStatus(m_syncStatus, QStringLiteral("muted"), tr("Not synced yet."));
        });
}

void TrackingSettings::saveApiToken(const QString &token)
{
    if (token.trimmed().size() < 16) {
        setStatus(m_tokenStatus, QStringLiteral("error"), tr("The token is at least 16 characters: copy the whole api-token file."));
        return;
    }
    QCoro::connect(m_session.secrets().write(kToken, token.trimmed()), this, [this](const Status &s) {
        if (!s) {
            setStatus(m_tokenStatus, QStringLiteral("error"), tr("The token was not saved: %1").arg(s.error().message));
            return;
        }
        m_token->clear();
        m_session.restartScheduler(); // it reads the new token
        setStatus(m_tokenStatus, QStringLiteral("success"), tr("An API token is saved in the keychain."));
    });
}

void TrackingSettings::saveKeys(const QString &ring)
{
    const auto parsed = tracking::KeyRing::parse(ring.toUtf8());
    if (!parsed) {
        setStatus(m_keysStatus, QStringLiteral("error"), tr("Nothing saved: %1").arg(parsed.error().message));
        return;
    }
    QCoro::connect(m_session.secrets().write(kKeys, ring.trimmed() + u'\n'), this, [this](const Status &s) {
        if (!s) {
            setStatus(m_keysStatus, QStringLiteral("error"), tr("The keys were not saved: %1").arg(s.error().message));
            return;
        }
        m_session.restartScheduler();
        checkSecrets();
    });
}

void TrackingSettings::newKey()
{
    QCoro::connect(m_session.secrets().read(kKeys), this, [this](const Result<QString> &current) {
        if (!current && current.error().code != errc::secretsNotFound) {
            setStatus(m_keysStatus, QStringLiteral("error"), tr("The keychain cannot be read: %1").arg(current.error().message));
            return;
        }
        const auto added = tracking::KeyRing::addKey(current ? current->toUtf8() : QByteArray());
        if (!added) {
            setStatus(m_keysStatus, QStringLiteral("error"), added.error().message);
            return;
        }
        const QByteArray ring = *added;
        QCoro::connect(m_session.secrets().write(kKeys, QString::fromUtf8(ring)), this, [this, ring](const Status &s) {
            if (!s) {
                setStatus(m_keysStatus, QStringLiteral("error"), tr("The keys were not saved: %1").arg(s.error().message));
                return;
            }
            m_session.restartScheduler();
            checkSecrets();
            showKeysDialog(ring);
        });
    });
}

void TrackingSettings::showKeysDialog(const QByteArray &ring)
{
    // Not modal: the keys stay on screen while the user copies them to the server.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("serverKeysDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Signing Keys for the Server"));
    auto *v = new QVBoxLayout(dialog);
    auto *note = new QLabel(tr("Put these lines in the server's keys file (/etc/lux-tracker/keys) and restart lux-tracker. "
                               "Until then, the links in new messages will not work."),
                            dialog);
    note->setWordWrap(true);
    v->addWidget(note);
    auto *text = new QPlainTextEdit(QString::fromUtf8(ring), dialog);
    text->setReadOnly(true);
    v->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, dialog, [ring] { QApplication::clipboard()->setText(QString::fromUtf8(ring)); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    v->addWidget(buttons);
    dialog->open();
}

void TrackingSettings::testConnection()
{
    m_test->setEnabled(false);
    setStatus(m_connectionStatus, QStringLiteral("muted"), tr("Testing…"));
    const QString url = m_url->text().trimmed();
    QCoro::connect(m_session.secrets().read(kToken), this, [this, url](const Result<QString> &token) {
        QCoro::connect(tracking::TrackerSync::check(m_network, url, token ? token->toUtf8() : QByteArray()), this, [this](const Status &s) {
            m_test->setEnabled(true);
            if (s)
                setStatus(m_connectionStatus, QStringLiteral("success"), tr("lux-tracker answers and accepts the API token."));
            else
                setStatus(m_connectionStatus, QStringLiteral("error"), s.error().message);
        });
    });
}

} // namespace lux::ui
