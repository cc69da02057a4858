// SPDX-License-Identifier: GPL-3.0-or-later
#include "xconnector.h"

#include "common/errorcodes.h"

#include <QUrlQuery>

namespace lux::channels::social::x {

const QString XConnector::kScopes = QStringLiteral("tweet.read tweet.write users.read media.write offline.access");

XConnector::XConnector(QNetworkAccessManager *network, XConfig config, QUrl authorizeUrl)
    : m_client(network, std::move(config)), m_authorizeUrl(std::move(authorizeUrl))
{
}

QUrl XConnector::authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &challenge) const
{
    QUrl url = m_authorizeUrl;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_client.config().clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    query.addQueryItem(QStringLiteral("scope"), kScopes);
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query); // nothing here holds a '+' (state and challenge are base64url)
    return url;
}

QCoro::Task<Result<QList<Connection>>> XConnector::connect(QString code, QString redirectUri, QByteArray verifier)
{
    if (m_client.config().clientId.isEmpty())
        co_return Error(QString(errc::socialAuth), tr("Set the X app's client id first (social.x_client_id)."));
    QString v = QString::fromLatin1(verifier);
    const auto tokens = co_await m_client.exchange(std::move(code), std::move(redirectUri), std::move(v));
    if (!tokens)
        co_return tokens.error();
    QString access = tokens->access;
    const auto user = co_await m_client.me(std::move(access));
    if (!user)
        co_return user.error();
    if (tokens->refresh.isEmpty())
        co_return Error(QString(errc::socialAuth),
                        tr("X gave no refresh token (offline.access was not granted), so LUX could not post after two hours."));
    Connection c;
    c.account.network = lux::social::Network::X;
    c.account.externalId = user->id;
    c.account.kind = QStringLiteral("person");
    c.account.name = user->name.isEmpty() ? user->username : user->name;
    c.account.handle = QStringLiteral("@") + user->username;
    c.account.longPosts = user->longPosts();
    c.tokens = *tokens;
    co_return QList<Connection>{c};
}

} // namespace lux::channels::social::x
