// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "secrets/secretstore.h"
#include "social/accountstore.h"
#include "channels/social/tokens.h"

#include <QCoroTask>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QOAuthHttpServerReplyHandler;

namespace lux::channels::social {

// What a network's sign-in connects: an account (a person, a page, an organisation) and its tokens.
struct Connection
{
    lux::social::Account account;
    lux::social::TokenSet tokens;
    int parent = -1; // the connection this account belongs to, by its place in the list (an Instagram account's Page)
};

// One network's side of connecting accounts: where the browser goes, and what the code that comes
// back turns into. Each network implements it next to its channel (x/xconnector…).
class Connector
{
public:
    virtual ~Connector() = default;
    virtual lux::social::Network network() const = 0;
    // The network's consent page for this app, asking to come back to `redirectUri` with `state`;
    // `challenge` is PKCE's S256 challenge for networks that take one.
    virtual QUrl authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &challenge) const = 0;
    // The code exchanged, and the accounts it gives access to.
    virtual QCoro::Task<Result<QList<Connection>>> connect(QString code, QString redirectUri, QByteArray verifier) = 0;
};

struct SocialConfig;

// The connector for `network`: X (its consent page at `xAuthorizeUrl`, social.x_auth_url), LinkedIn
// (the member, or with `linkedInOrganizations` the organisations they administer too), Facebook and
// Instagram (one Facebook Login: the Pages, and the Instagram accounts linked to them).
std::unique_ptr<Connector> makeConnector(lux::social::Network network, QNetworkAccessManager *nam, const SocialConfig &config,
                                         const QUrl &xAuthorizeUrl, bool linkedInOrganizations);

// Connecting a social account through the system browser (issue 20): the network's OAuth consent
// page, and a loopback redirect to http://127.0.0.1:PORT/callback that QtNetworkAuth's reply handler
// answers. The port is fixed (social.redirect_port, 53682) because X, LinkedIn and Meta match a
// registered redirect URI exactly; X refuses "localhost". The answer must bring back this sign-in's
// random state (others are ignored: a page cannot end or hijack it); the code is exchanged by the
// network's Connector; each account is saved (a reconnected one keeps its id, uid and posts) and
// its tokens go to the keychain before it is said to be connected.
class SignIn : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 10 * 60'000;

    SignIn(QSqlDatabase db, SecretStore secrets, std::unique_ptr<Connector> connector, quint16 port, Clock clock = systemClock(),
           QObject *parent = nullptr);
    ~SignIn() override;

    // Listens on the port, then asks for the browser (openBrowser). Ends with connected or failed.
    void start();
    void cancel();
    QString redirectUri() const; // http://127.0.0.1:PORT/callback once started

Q_SIGNALS:
    void openBrowser(const QUrl &url);
    // The network's answer came: the code is being exchanged and the accounts saved (not cancellable
    // now; connected or failed follows).
    void answered();
    void connected(const QList<qint64> &accountIds);
    void failed(const QString &message);

private:
    void callback(const QVariantMap &values);
    QCoro::Task<> finish(QString code);
    void fail(const QString &message);

    QSqlDatabase m_db;
    SecretStore m_secrets;
    std::unique_ptr<Connector> m_connector;
    quint16 m_port;
    Clock m_clock;
    QOAuthHttpServerReplyHandler *m_handler = nullptr;
    QTimer m_timeout;
    QByteArray m_state, m_verifier;
    QString m_redirect;
    bool m_done = false;
};

} // namespace lux::channels::social
