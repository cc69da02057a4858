// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/social/linkedin/linkedinclient.h"
#include "channels/social/signin.h"

#include <QCoreApplication>

namespace lux::channels::social::linkedin {

// Connecting LinkedIn: the 3-legged code flow (the app's client secret in the keychain) for the member
// (openid profile w_member_social), and with `organizations` also the pages the member may post for
// (w_organization_social r_organization_social rw_organization_admin: LinkedIn's Community
// Management product, which the app must have). Each becomes an account with the same sign-in; a
// member's own posts cannot be read back (r_member_social is restricted), an organisation's can.
class LinkedInConnector : public Connector
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::linkedin::LinkedInConnector)
public:
    LinkedInConnector(QNetworkAccessManager *network, LinkedInConfig config, bool organizations);

    lux::social::Network network() const override { return lux::social::Network::LinkedIn; }
    QStringList scopes() const;
    QUrl authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &challenge) const override;
    QCoro::Task<Result<QList<Connection>>> connect(QString code, QString redirectUri, QByteArray verifier) override;

private:
    LinkedInClient m_client;
    bool m_organizations;
};

} // namespace lux::channels::social::linkedin
