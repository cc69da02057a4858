// SPDX-License-Identifier: GPL-3.0-or-later
#include "delegatedsignin.h"

#include "channels/oauth.h"

#include <QCoroNetworkReply>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QUrlQuery>

namespace lux::channels::graph {

namespace {

QUrl endpoint(const GraphConfig &config, const QString &leaf)
{
    QUrl url = config.authorityUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/%1/oauth2/v2.0/%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(config.tenant)), leaf));
    return url;
}

} // namespace

DelegatedSignIn::DelegatedSignIn(QNetworkAccessManager *network, GraphConfig config, QObject *parent)
    : QObject(parent), m_network(network), m_config(std::move(config))
{
}

DelegatedSignIn::~DelegatedSignIn() = default;

void DelegatedSignIn::start()
{
    m_done = false;
    m_verifier = oauth::newVerifier();
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_handler->isListening()) {
        Q_EMIT failed(tr("No loopback port is free for the sign-in to come back to."));
        return;
    }
    m_handler->setCallbackText(tr("Signed in. You can close this tab and go back to LUX Marketing."));
    m_flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    m_flow->setAuthorizationUrl(endpoint(m_config, QStringLiteral("authorize")));
    m_flow->setAccessTokenUrl(endpoint(m_config, QStringLiteral("token")));
    m_flow->setClientIdentifier(m_config.clientId);
    m_flow->setScope(GraphClient::delegatedScope());
    m_flow->setReplyHandler(m_handler);
    // Microsoft accepts http://localhost with any port for public clients (not 127.0.0.1), and PKCE
    // is Qt 6.4's to add by hand: the challenge with the authorization, the verifier with the token.
    const QString redirect = QStringLiteral("http://localhost:%1/").arg(m_handler->port());
    const QByteArray verifier = m_verifier;
    m_flow->setModifyParametersFunction([redirect, verifier](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *params) {
        if (params->contains(QStringLiteral("redirect_uri")))
            params->replace(QStringLiteral("redirect_uri"), redirect);
        if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
            params->replace(QStringLiteral("code_challenge"), QString::fromLatin1(oauth::challengeFor(verifier)));
            params->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            params->replace(QStringLiteral("response_mode"), QStringLiteral("query"));
        } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
            params->replace(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
        }
    });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, &DelegatedSignIn::openBrowser);
    connect(m_flow, &QAbstractOAuth2::error, this, [this](const QString &error, const QString &description, const QUrl &) {
        if (m_done)
            return;
        m_done = true;
        m_handler->close();
        Q_EMIT failed(error == QLatin1String("access_denied") ? tr("The sign-in was declined: %1").arg(description)
                                                                : tr("Microsoft sign-in failed: %1 %2").arg(error, description));
    });
    connect(m_flow, &QAbstractOAuth::statusChanged, this, [this](QAbstractOAuth::Status status) {
        // Back to "not authenticated" after the code came back: the token request failed.
        if (status == QAbstractOAuth::Status::NotAuthenticated && !m_done && m_flow->token().isEmpty() && m_handler && !m_handler->isListening()) {
            m_done = true;
            Q_EMIT failed(tr("Microsoft sign-in did not give a token for the code (the code or its verifier was refused)."));
        }
    });
    connect(m_flow, &QAbstractOAuth::granted, this, [this] {
        if (m_done)
            return;
        m_done = true;
        m_handler->close();
        QCoro::connect(finish(m_flow->token(), m_flow->refreshToken()), this, [] {});
    });
    m_flow->grant();
}

void DelegatedSignIn::cancel()
{
    if (m_done)
        return;
    m_done = true;
    if (m_handler)
        m_handler->close();
    Q_EMIT failed(tr("The sign-in was cancelled."));
}

QCoro::Task<> DelegatedSignIn::finish(QString accessToken, QString refreshToken)
{
    if (refreshToken.isEmpty()) {
        Q_EMIT failed(tr("Microsoft gave no refresh token (offline_access was not granted), so LUX could not send later."));
        co_return;
    }
    // Whose mailbox this is: /me's address.
    QUrl url = m_config.baseUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1.0/me"));
    url.setQuery(QStringLiteral("$select=mail,userPrincipalName"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setTransferTimeout(m_config.timeoutMs);
    QNetworkReply *reply = co_await m_network->get(request);
    reply->deleteLater();
    const QJsonObject me = QJsonDocument::fromJson(reply->readAll()).object();
    QString mailbox = me.value(QStringLiteral("mail")).toString();
    if (mailbox.isEmpty())
        mailbox = me.value(QStringLiteral("userPrincipalName")).toString();
    if (reply->error() != QNetworkReply::NoError || mailbox.isEmpty()) {
        Q_EMIT failed(tr("Signed in, but Microsoft Graph did not say which mailbox: %1").arg(reply->errorString()));
        co_return;
    }
    Q_EMIT signedIn(mailbox.toLower(), refreshToken);
}

} // namespace lux::channels::graph
