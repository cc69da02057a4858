// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkedinconnector.h"

#include "common/errorcodes.h"

namespace lux::channels::social::linkedin {

LinkedInConnector::LinkedInConnector(QNetworkAccessManager *network, LinkedInConfig config, bool organizations)
    : m_client(network, std::move(config)), m_organizations(organizations)
{
}

QStringList LinkedInConnector::scopes() const
{
    QStringList s{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("w_member_social")};
    if (m_organizations)
        s << QStringLiteral("w_organization_social") << QStringLiteral("r_organization_social") << QStringLiteral("rw_organization_admin");
    return s;
}

QUrl LinkedInConnector::authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &) const
{
    // LinkedIn's code flow for web apps takes no PKCE challenge (its native PKCE flow is enabled per app on request).
    return m_client.authorizeUrl(redirectUri, state, scopes());
}

QCoro::Task<Result<QList<Connection>>> LinkedInConnector::connect(QString code, QString redirectUri, QByteArray)
{
    if (m_client.config().clientId.isEmpty() || m_client.config().clientSecret.isEmpty())
        co_return Error(QString(errc::socialAuth), tr("Set the LinkedIn app's client id (social.linkedin_client_id) and its secret "
                                                      "(luxctl settings secret linkedin.client_secret) first."));
    const auto tokens = co_await m_client.exchange(std::move(code), std::move(redirectUri));
    if (!tokens)
        co_return tokens.error();
    QString access = tokens->access;
    const auto member = co_await m_client.me(std::move(access));
    if (!member)
        co_return member.error();
    QList<Connection> out;
    Connection person;
    person.account.network = lux::social::Network::LinkedIn;
    person.account.externalId = member->urn();
    person.account.kind = QStringLiteral("person");
    person.account.name = member->name;
    person.account.canReadPosts = false; // r_member_social is restricted: a lost answer is the user's to settle
    person.tokens = *tokens;
    out << person;
    if (m_organizations) {
        QString again = tokens->access;
        const auto organizations = co_await m_client.organizations(std::move(again));
        if (!organizations)
            co_return organizations.error();
        for (const LinkedInOrganization &o : *organizations) {
            Connection c;
            c.account.network = lux::social::Network::LinkedIn;
            c.account.externalId = o.urn;
            c.account.kind = QStringLiteral("organization");
            c.account.name = o.name.isEmpty() ? tr("Organization %1").arg(o.id) : o.name;
            c.account.handle = o.vanityName;
            c.account.canReadPosts = true;
            c.tokens = *tokens;
            out << c;
        }
    }
    co_return out;
}

} // namespace lux::channels::social::linkedin
