// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/httpclient.h"
#include "common/result.h"

#include <QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace lux::channels::graph {

// Where Graph is and who the app is. The URLs are settings (graph.authority_url, graph.base_url) for
// national clouds and for tests against the fake.
struct GraphConfig
{
    QUrl authorityUrl = QUrl(QStringLiteral("https://login.microsoftonline.com"));
    QUrl baseUrl = QUrl(QStringLiteral("https://graph.microsoft.com"));
    QString tenant;
    QString clientId;
    QString clientSecret; // from the keychain, or LUX_SECRET_GRAPH_CLIENT_SECRET for headless runs
    // Delegated (a user signed in through DelegatedSignIn, provider-contracts §1.2): tokens come from
    // this refresh token, without the client secret, and mail goes through /me (the user's mailbox).
    QString refreshToken;
    bool delegated() const { return !refreshToken.isEmpty(); }
    int timeoutMs = 60000;
};

// What became of one send: the channel core's outcome.
using SendOutcome = channels::Outcome;

// How an answer (or its absence) is read, apart from the network so it can be tested on its own.
SendOutcome classify(int status, int networkError, bool requestSentWhole, const QByteArray &body, const QByteArray &retryAfter);

// Microsoft Graph mail with client credentials (docs: provider-contracts.md §1): a token cached until
// a minute before it expires and fetched again once on a 401; sendMail with the MIME form, so headers
// such as List-Unsubscribe travel in the message; and the Sent Items look-up that tells, after an
// answer was lost, whether a message went out.
class GraphClient : public QObject
{
    Q_OBJECT
public:
    GraphClient(QNetworkAccessManager *network, GraphConfig config, QObject *parent = nullptr);

    QCoro::Task<Result<QString>> accessToken(bool refresh = false);
    // One POST of the whole message. Not safe to use where a message must never go twice: Qt's HTTP
    // stack sends a POST again, unasked, when the connection closes before the answer (seen against
    // the fake), and Graph then delivers two copies.
    QCoro::Task<SendOutcome> sendMime(QString mailbox, QByteArray mime);
    // The safe way: a draft made from the MIME message, then sent. Sending a draft twice is impossible
    // (the second finds no draft: 404), so an unasked resend cannot duplicate it; a 404 is therefore
    // reported as Unknown, for Sent Items to settle.
    QCoro::Task<SendOutcome> createDraft(QString mailbox, QByteArray mime, QString *draftId);
    QCoro::Task<SendOutcome> sendDraft(QString mailbox, QString draftId);
    // Whether Sent Items of the mailbox holds a message with this Message-ID.
    QCoro::Task<Result<bool>> sentItemsHas(QString mailbox, QString internetMessageId);
    // Reading a mailbox's Inbox (provider-contracts.md §1.9): one page of a delta round. `link` is
    // the stored nextLink or deltaLink; empty starts a new round of messages received from `since`.
    // A link that does not lead to Graph's own address is refused (the token never goes elsewhere).
    struct InboxItem
    {
        QString id;
        QDateTime received;
        bool removed = false; // "@removed": moved or deleted since
    };
    struct DeltaPage
    {
        QList<InboxItem> items;
        QString nextLink;  // more pages follow in this round
        QString deltaLink; // the round is over: keep this for the next
    };
    static constexpr int kDeltaPageSize = 50;
    QCoro::Task<Result<DeltaPage>> inboxDelta(QString mailbox, QString link, QDateTime since);
    // The message's MIME (/messages/{id}/$value), at most `maxBytes`.
    QCoro::Task<Result<QByteArray>> messageMime(QString mailbox, QString id, qint64 maxBytes);
    QCoro::Task<Status> markRead(QString mailbox, QString id);
    // Moves the message to the folder of that display name at the top of the mailbox, made when it
    // is missing.
    QCoro::Task<Status> moveTo(QString mailbox, QString id, QString folderName);
    int tokenRequests() const { return m_tokenRequests; }
    // The scope a delegated sign-in asks for: sending as the user, and a refresh token.
    static QString delegatedScope();

Q_SIGNALS:
    // Microsoft rotates refresh tokens: the new one replaces the old in the keychain.
    void refreshTokenChanged(const QString &refreshToken);
    void tokenFetched(); // internal: the token request in flight ended

private:
    QString mailboxPath(const QString &mailbox) const; // "/v1.0/users/{mailbox}" or "/v1.0/me"
    QCoro::Task<Result<QString>> fetchToken();
    bool m_fetching = false;
    std::optional<Error> m_tokenError;
    QCoro::Task<SendOutcome> call(QByteArray method, QString path, QByteArray body, QByteArray contentType, QByteArray *answer);
    // The same with a whole request, sent to `absolute` when it is valid (a delta link).
    QCoro::Task<SendOutcome> call(HttpRequest request, QUrl absolute, QByteArray *answer);
    // A failed mailbox call as an error: Mail.Read missing (graph.mail-denied), a delta round to
    // start again (graph.sync-reset), or what Graph said.
    static Error mailboxError(const SendOutcome &o, const QString &what);
    QHash<QString, QString> m_folderIds; // "mailbox\nname" → folder id

    GraphConfig m_config;
    HttpClient m_http;
    QString m_token;
    QDateTime m_tokenExpiry;
    int m_tokenRequests = 0;
};

} // namespace lux::channels::graph
