// SPDX-License-Identifier: GPL-3.0-or-later
#include "signin.h"

#include "channels/oauth.h"
#include "channels/social/linkedin/linkedinconnector.h"
#include "channels/social/meta/metaconnector.h"
#include "channels/social/socialchannel.h"
#include "channels/social/x/xconnector.h"
#include "common/logging.h"

#include <QOAuthHttpServerReplyHandler>

namespace lux::channels::social {

using lux::social::AccountStore;
using lux::social::Networks;
using lux::social::TokenKeeper;

std::unique_ptr<Connector> makeConnector(lux::social::Network network, QNetworkAccessManager *nam, const SocialConfig &config,
                                         const QUrl &xAuthorizeUrl, bool linkedInOrganizations)
{
    switch (network) {
    case lux::social::Network::X: return std::make_unique<x::XConnector>(nam, config.x, xAuthorizeUrl);
    case lux::social::Network::LinkedIn: return std::make_unique<linkedin::LinkedInConnector>(nam, config.linkedin, linkedInOrganizations);
    case lux::social::Network::Facebook:
    case lux::social::Network::Instagram: return std::make_unique<meta::MetaConnector>(nam, config.meta);
    }
    return nullptr;
}

SignIn::SignIn(QSqlDatabase db, SecretStore secrets, std::unique_ptr<Connector> connector, quint16 port, Clock clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_secrets(std::move(secrets)), m_connector(std::move(connector)), m_port(port),
      m_clock(std::move(clock))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("No answer came back from %1 within %n minute(s): start again to connect.", nullptr, kTimeoutMs / 60'000)
                 .arg(Networks::displayName(m_connector->network())));
    });
}

SignIn::~SignIn() = default;

QString SignIn::redirectUri() const
{
    return m_redirect;
}

void SignIn::start()
{
    m_done = false;
    m_state = oauth::newState();
    m_verifier = oauth::newVerifier();
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, m_port, this);
    if (!m_handler->isListening()) {
        fail(tr("Port %1 on this computer is taken, so %2 cannot come back to LUX after you sign in: close what uses it, or "
                "set social.redirect_port to another port and register http://127.0.0.1:PORT/callback with the %2 app.")
                 .arg(m_port)
                 .arg(Networks::displayName(m_connector->network())));
        return;
    }
    // The exchange must name exactly the address the consent page was given.
    m_redirect = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_handler->port());
    m_handler->setCallbackPath(QStringLiteral("callback"));
    m_handler->setCallbackText(tr("LUX Marketing received the answer. You can close this tab and go back to the app."));
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this, &SignIn::callback);
    m_timeout.start();
    Q_EMIT openBrowser(m_connector->authorizeUrl(redirectUri(), QString::fromLatin1(m_state), oauth::challengeFor(m_verifier)));
}

void SignIn::cancel()
{
    fail(tr("Connecting was cancelled."));
}

void SignIn::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_handler)
        m_handler->close();
    Q_EMIT failed(message);
}

void SignIn::callback(const QVariantMap &values)
{
    if (m_done)
        return;
    // Not this sign-in's answer (another tab, a page poking the port): ignored, the real one may come.
    const QByteArray state = values.value(QStringLiteral("state")).toString().toLatin1();
    if (state.size() != m_state.size() || !std::equal(state.begin(), state.end(), m_state.begin())) {
        qCWarning(lcSecrets) << "a sign-in callback without this sign-in's state was ignored";
        return;
    }
    const QString network = Networks::displayName(m_connector->network());
    if (const QString error = values.value(QStringLiteral("error")).toString(); !error.isEmpty()) {
        const QString why = QUrl::fromPercentEncoding(values.value(QStringLiteral("error_description")).toString().toUtf8());
        fail(error == u"access_denied" || error == u"user_cancelled_authorize" || error == u"user_cancelled_login"
                 ? tr("%1 was not connected: the access was declined.").arg(network)
                 : tr("%1 refused the sign-in: %2 %3").arg(network, error, why));
        return;
    }
    const QString code = QUrl::fromPercentEncoding(values.value(QStringLiteral("code")).toString().toUtf8());
    if (code.isEmpty()) {
        fail(tr("%1 came back without a code.").arg(network));
        return;
    }
    m_timeout.stop();
    m_handler->close();
    Q_EMIT answered();
    QCoro::connect(finish(code), this, [] {});
}

QCoro::Task<> SignIn::finish(QString code)
{
    QString redirect = redirectUri();
    QByteArray verifier = m_verifier;
    const auto made = co_await m_connector->connect(std::move(code), std::move(redirect), std::move(verifier));
    if (!made) {
        fail(made.error().message);
        co_return;
    }
    AccountStore accounts(m_db, m_clock);
    TokenKeeper keeper(m_db, m_secrets, QStringLiteral("signin"), m_clock);
    QList<qint64> ids;
    for (const Connection &c : *made) {
        lux::social::Account saving = c.account;
        if (c.parent >= 0 && c.parent < ids.size())
            saving.parentId = ids.at(c.parent);
        const auto id = accounts.upsert(saving);
        if (!id) {
            fail(id.error().message);
            co_return;
        }
        const auto saved = accounts.find(*id);
        if (!saved) {
            fail(saved.error().message);
            co_return;
        }
        lux::social::Account account = *saved;
        lux::social::TokenSet tokens = c.tokens;
        const Status kept = co_await keeper.store(std::move(account), std::move(tokens));
        if (!kept) {
            fail(kept.error().message);
            co_return;
        }
        ids << *id;
    }
    if (ids.isEmpty()) {
        fail(tr("%1 gave access to no account LUX can publish to.").arg(Networks::displayName(m_connector->network())));
        co_return;
    }
    m_done = true;
    Q_EMIT connected(ids);
}

} // namespace lux::channels::social
