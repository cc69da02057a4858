// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/social/meta/metaclient.h"
#include "channels/social/signin.h"

#include <QCoreApplication>

namespace lux::channels::social::meta {

// Connecting Facebook Pages and their Instagram professional accounts (provider-contracts.md §5.1–5.2):
// Facebook Login's code exchanged with the app's secret (in the keychain), made long-lived, then the
// Pages the person manages with a Page token each (a Page token asked with a long-lived user token
// never expires). Every Page the person may post for (CREATE_CONTENT) becomes a Facebook account, and
// its Instagram professional account, when it has one, an Instagram account under it: Instagram's
// publishing goes through the Page's token.
class MetaConnector : public Connector
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::meta::MetaConnector)
public:
    MetaConnector(QNetworkAccessManager *network, MetaConfig config);

    lux::social::Network network() const override { return lux::social::Network::Facebook; }
    static QStringList scopes();
    QUrl authorizeUrl(const QString &redirectUri, const QString &state, const QByteArray &challenge) const override;
    QCoro::Task<Result<QList<Connection>>> connect(QString code, QString redirectUri, QByteArray verifier) override;

private:
    MetaClient m_client;
};

} // namespace lux::channels::social::meta
