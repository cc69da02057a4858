// SPDX-License-Identifier: GPL-3.0-or-later
#include "metaconnector.h"

#include "common/errorcodes.h"

namespace lux::channels::social::meta {

MetaConnector::MetaConnector(QNetworkAccessManager *network, MetaConfig config) : m_client(network, std::move(config)) {}

QStringList MetaConnector::scopes()
{
    return {QStringLiteral("pages_show_list"),           QStringLiteral("pages_read_engagement"), QStringLiteral("pages_manage_posts"),
            QStringLiteral("pages_manage_engagement"),   QStringLiteral("instagram_basic"),       QStringLiteral("instagram_content_publish"),
            QStringLiteral("instagram_manage_comments"), QStringLiteral("business_management")};
}

QUrl MetaConnector::authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &) const
{
    // Facebook Login's code flow for an app with a secret takes no PKCE challenge.
    return m_client.dialogUrl(redirectUri, state, scopes());
}

QCoro::Task<Result<QList<Connection>>> MetaConnector::connect(QString code, QString redirectUri, QByteArray)
{
    if (m_client.config().appId.isEmpty() || m_client.config().appSecret.isEmpty())
        co_return Error(QString(errc::socialAuth), tr("Set the Meta app's id (social.meta_app_id) and its secret "
                                                      "(luxctl settings secret meta.app_secret) first."));
    const auto shortLived = co_await m_client.exchange(std::move(code), std::move(redirectUri));
    if (!shortLived)
        co_return shortLived.error();
    QString userToken = shortLived->access;
    const auto longLived = co_await m_client.longLived(std::move(userToken));
    if (!longLived)
        co_return longLived.error();
    QString asking = longLived->access;
    const auto pages = co_await m_client.pages(std::move(asking));
    if (!pages)
        co_return pages.error();
    QList<Connection> out;
    for (const MetaPage &p : *pages) {
        if (p.accessToken.isEmpty() || (!p.tasks.isEmpty() && !p.tasks.contains(u"CREATE_CONTENT")))
            continue; // a Page this person may not post for
        lux::social::TokenSet pageToken;
        pageToken.access = p.accessToken; // never expires: no refresh token, no end
        Connection page;
        page.account.network = lux::social::Network::Facebook;
        page.account.externalId = p.id;
        page.account.kind = QStringLiteral("page");
        page.account.name = p.name;
        page.tokens = pageToken;
        out << page;
        if (p.igId.isEmpty())
            continue;
        Connection instagram;
        instagram.account.network = lux::social::Network::Instagram;
        instagram.account.externalId = p.igId;
        instagram.account.kind = QStringLiteral("business");
        instagram.account.name = p.igUsername.isEmpty() ? p.name : p.igUsername;
        instagram.account.handle = p.igUsername;
        instagram.tokens = pageToken;
        instagram.parent = int(out.size()) - 1;
        out << instagram;
    }
    co_return out;
}

} // namespace lux::channels::social::meta
