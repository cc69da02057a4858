// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphclient.h"

#include <QObject>
#include <QPointer>

class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace lux::channels::graph {

// A user signs in to Microsoft in their browser so the app can send as them through /me
// (provider-contracts §1.2): the authorization code flow of a public client, with PKCE (S256) and a
// loopback redirect to http://localhost:PORT/ that QtNetworkAuth's reply handler answers. The result
// is a refresh token for the keychain (GraphConfig::refreshToken) and the user's address.
class DelegatedSignIn : public QObject
{
    Q_OBJECT
public:
    DelegatedSignIn(QNetworkAccessManager *network, GraphConfig config, QObject *parent = nullptr);
    ~DelegatedSignIn() override;

    // Listens on a loopback port, then asks for the browser (openBrowser). Ends with signedIn or failed.
    void start();
    void cancel();

Q_SIGNALS:
    void openBrowser(const QUrl &url);
    void signedIn(const QString &mailbox, const QString &refreshToken);
    void failed(const QString &message);

private:
    QCoro::Task<> finish(QString accessToken, QString refreshToken);

    QNetworkAccessManager *m_network;
    GraphConfig m_config;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    QOAuthHttpServerReplyHandler *m_handler = nullptr;
    QByteArray m_verifier;
    bool m_done = false;
};

} // namespace lux::channels::graph
