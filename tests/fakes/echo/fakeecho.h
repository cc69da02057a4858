// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>

namespace lux::fakes {

// The provider of the tests' "echo" channel: a made-up messaging API shaped like the real ones the
// channel core serves next (Twilio's Messages resource, provider-contracts.md §2), so a second
// channel can be proven on the real dispatcher before any real one exists.
//   POST /v1/messages (form: To, From, Body, ClientRef; basic auth) → 201 {"sid", "status": "queued"}
//   GET  /v1/messages?ClientRef=… → {"messages": [{"sid", "to", "client_ref"}…]}
// There is no idempotency key: a POST that arrives twice makes two messages, as with Twilio, so a
// client must never send one twice and must look its messages up when an answer is lost. It fails
// the way providers do (503 and 429 with Retry-After, connections dropped before anything happens,
// answers lost after the message was made) and records every message it made.
class FakeEcho : public QObject
{
    Q_OBJECT
public:
    struct Faults
    {
        double serviceUnavailable = 0; // answered 503 with Retry-After
        double throttled = 0;          // answered 429 with Retry-After
        double dropConnection = 0;     // the connection closes before anything happens
        double loseAnswer = 0;         // the message is made, then the connection closes
        int latencyMs = 2;
        int retryAfterSeconds = 1; // what the injected 503s and 429s ask for
    };
    struct Message
    {
        QString sid, to, from, body, clientRef;
    };

    explicit FakeEcho(QObject *parent = nullptr);
    bool listen(quint16 port = 0);
    QUrl baseUrl() const { return m_http.baseUrl(); }
    void setCredentials(const QString &account, const QString &token);
    void setFaults(const Faults &faults) { m_faults = faults; }
    void setSeed(quint32 seed) { m_random.seed(seed); }
    const QList<Message> &messages() const { return m_messages; }
    int requestCount() const { return m_requests; }

private:
    void handle(HttpExchange *exchange);
    HttpResponse create(const HttpRequest &request, bool *made);
    HttpResponse list(const HttpRequest &request) const;
    bool chance(double p) { return p > 0 && m_random.generateDouble() < p; }

    HttpServer m_http;
    QString m_account = QStringLiteral("AC-echo");
    QString m_token = QStringLiteral("token");
    Faults m_faults;
    QRandomGenerator m_random{20261204};
    QList<Message> m_messages;
    QHash<QString, QList<qsizetype>> m_byRef; // client ref → messages
    int m_requests = 0;
    int m_next = 1;
};

} // namespace lux::fakes
