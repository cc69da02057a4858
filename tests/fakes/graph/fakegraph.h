// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakemailbox.h"
#include "httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QUrlQuery>

namespace lux::fakes {

// Microsoft Graph mail and its token endpoint as docs/provider-contracts.md §1 describes them, over
// real HTTP on loopback, for the Graph client's tests and the crash tests; also runnable on its own
// (lux-fake-graph). The mailbox side (FakeMailboxes) reads Inboxes. It throttles as Graph does (at most 4 requests in flight per mailbox, a request
// budget per window, 429 with Retry-After), fails on request (503, slow answers, dropped connections,
// an answer lost after the message was accepted, tokens that expire), and records every message it
// accepted. Tests steer it through its own endpoints under /_fake/.
class FakeGraph : public QObject
{
    Q_OBJECT
public:
    struct Faults
    {
        double serviceUnavailable = 0; // share of requests answered 503 with Retry-After: 1
        double throttled = 0;          // share answered 429 ApplicationThrottled, Retry-After: 1
        double dropConnection = 0;     // share whose connection closes before anything happens
        double loseAnswer = 0;         // share accepted and recorded, then the connection closes
        int latencyMs = 5;             // every answer waits this long (so requests overlap)
        int slowMs = 0;                // and a share `slow` of them this long instead
        double slow = 0;
        int retryAfterSeconds = 1; // what the injected 503s and 429s ask for
    };
    struct Limits
    {
        int concurrentPerMailbox = 4;
        int requestsPerWindow = 10000; // per mailbox
        int windowSeconds = 600;
        int messagesPerMinute = 0; // per mailbox, in any 60 s (Exchange Online: 30); 0: no limit
        int tokenLifetimeSeconds = 3599;
    };
    struct Message
    {
        QString mailbox;
        QString via; // "json", "mime" or "draft"
        QStringList recipients;
        QString subject;
        QString internetMessageId;
        QByteArray mime; // the decoded MIME, for MIME sends
        QJsonObject json; // the message object, for JSON sends and drafts
        QDateTime at;
    };

    explicit FakeGraph(QObject *parent = nullptr);
    bool listen(quint16 port = 0);
    QUrl baseUrl() const { return m_http.baseUrl(); } // authority and Graph both: /{tenant}/oauth2/v2.0/token, /v1.0/…
    void setCredentials(const QString &tenant, const QString &clientId, const QString &secret);
    void setFaults(const Faults &faults) { m_faults = faults; }
    // The next `count` requests whose path ends with `pathEnd` ("/send") have their connection closed
    // before anything happens, whatever the shares say.
    void dropNext(int count, const QString &pathEnd)
    {
        m_dropNext = count;
        m_dropPath = pathEnd;
    }
    void setLimits(const Limits &limits) { m_limits = limits; }
    void setSeed(quint32 seed) { m_random.seed(seed); }
    void expireTokens(); // every token issued so far stops working
    // Delegated sign-in (provider-contracts §1.2): the user who "consents" at /authorize, whose
    // mailbox /me is. The authorize endpoint redirects at once (or with access_denied when refused).
    void setSignedInUser(const QString &mailbox) { m_user = mailbox.toLower(); }
    void setConsentRefused(bool refused) { m_refuse = refused; }
    int codeGrants() const { return m_codeGrants; }       // codes exchanged with a matching verifier
    int refreshGrants() const { return m_refreshGrants; } // refresh tokens used (each rotated)
    const QList<Message> &accepted() const { return m_accepted; }
    int requestCount() const { return m_requests; }
    int limitThrottles() const { return m_limitThrottles; } // 429s the limits caused (not injected ones)
    int peakConcurrency(const QString &mailbox) const { return m_peak.value(mailbox.toLower()); }
    // The mailbox side: Inboxes, delta rounds, $value, mark read and move, folders, NDRs.
    FakeMailboxes &mailboxes() { return m_mailboxes; }

private:
    void handle(HttpExchange *exchange);
    void answer(HttpExchange *exchange, const QString &mailbox, const HttpResponse &response, bool loseIt);
    HttpResponse token(const HttpRequest &request);
    HttpResponse authorize(const HttpRequest &request);
    HttpResponse delegatedToken(const QUrlQuery &form);
    QString issueToken(const QString &user);
    HttpResponse sendMail(const QString &mailbox, const HttpRequest &request);
    HttpResponse createDraft(const QString &mailbox, const HttpRequest &request);
    HttpResponse sendDraft(const QString &mailbox, const QString &id);
    HttpResponse sentItems(const QString &mailbox, const HttpRequest &request) const;
    HttpResponse control(const HttpRequest &request);
    bool authorized(const HttpRequest &request) const;
    bool chance(double p) { return p > 0 && m_random.generateDouble() < p; }
    void accept(const Message &message); // recorded, and bounced when the test said so

    HttpServer m_http;
    QString m_tenant = QStringLiteral("contoso");
    QString m_clientId = QStringLiteral("client");
    QString m_secret = QStringLiteral("secret");
    Faults m_faults;
    int m_dropNext = 0;
    QString m_dropPath;
    Limits m_limits;
    QRandomGenerator m_random{20261124};
    QHash<QString, QDateTime> m_tokens; // token → expiry
    QHash<QString, QString> m_tokenUser; // delegated token → the user's mailbox
    struct PendingCode
    {
        QString challenge, redirectUri, scope, user;
    };
    QHash<QString, PendingCode> m_codes;      // authorization code → what it was issued for
    QHash<QString, QString> m_refreshTokens;  // refresh token → user
    QString m_user = QStringLiteral("ada@contoso.example");
    bool m_refuse = false;
    int m_codeGrants = 0;
    int m_refreshGrants = 0;
    QHash<QString, int> m_inFlight;     // mailbox (lower case) → requests being answered
    QHash<QString, int> m_peak;
    QHash<QString, QList<QDateTime>> m_window; // mailbox → request times in the current window
    QHash<QString, QList<qint64>> m_messageTimes; // mailbox → message submissions (ms) in the last minute
    QHash<QString, QJsonObject> m_drafts;      // id → draft
    QHash<QString, QByteArray> m_draftMime;    // id → the MIME a draft was made from
    QHash<QString, QList<QJsonObject>> m_sentItems; // mailbox → messages in Sent Items
    QList<Message> m_accepted;
    FakeMailboxes m_mailboxes;
    int m_requests = 0;
    int m_limitThrottles = 0;
    int m_nextId = 1;
};

} // namespace lux::fakes
