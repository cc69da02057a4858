// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/social/signin.h"
#include "channels/social/x/xclient.h"

#include <QCoreApplication>

namespace lux::channels::social::x {

// Connecting an X account: OAuth 2.0 with PKCE (S256) on X's authorize page (social.x_auth_url),
// the scopes to post with pictures and to keep posting (offline.access: a refresh token), then the
// signed-in user (/2/users/me): its id, name, @username and whether it may write long posts.
class XConnector : public Connector
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::x::XConnector)
public:
    static const QString kScopes; // tweet.read tweet.write users.read media.write offline.access

    XConnector(QNetworkAccessManager *network, XConfig config, QUrl authorizeUrl);

    lux::social::Network network() const override { return lux::social::Network::X; }
    QUrl authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &challenge) const override;
    QCoro::Task<Result<QList<Connection>>> connect(QString code, QString redirectUri, QByteArray verifier) override;

private:
    XClient m_client;
    QUrl m_authorizeUrl;
};

} // namespace lux::channels::social::x
