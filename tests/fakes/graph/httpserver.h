// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace lux::fakes {

// An HTTP/1.1 server small enough to misbehave on purpose: fake providers answer late, not at all,
// or by closing the connection, which a full server library would not let them do. Keep-alive,
// Content-Length bodies, one request at a time per connection (as clients send them).
struct HttpRequest
{
    QByteArray method;
    QUrl url; // path and query
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    static HttpResponse json(int status, const QByteArray &body);
};

class HttpExchange;

class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(HttpExchange *)>;
    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;

private:
    void accept();

    QTcpServer m_server;
    Handler m_handler;
};

// One request and the way it ends: respond() now or later (from a timer), or drop() the connection
// without a word. The exchange deletes itself once it has ended.
//
// A streamed answer (server-sent events, as OpenAI sends them): beginStream() writes the status line
// and headers with `Transfer-Encoding: chunked`, writeChunk() writes one HTTP chunk and flushes it,
// endStream() writes the last (empty) chunk and ends the exchange; drop() may cut it at any moment,
// which a client sees as a connection closed in the middle of the body.
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(QTcpSocket *socket, HttpRequest request, QObject *parent);
    const HttpRequest &request() const { return m_request; }
    void respond(const HttpResponse &response);
    void drop(); // close the connection: the client sees it reset, with no answer
    bool isOpen() const;

    void beginStream(int status, const QList<std::pair<QByteArray, QByteArray>> &headers);
    void writeChunk(const QByteArray &data); // an empty one is skipped (it would end the body)
    void endStream();
    bool isStreaming() const { return m_streaming; }

private:
    QPointer<QTcpSocket> m_socket;
    HttpRequest m_request;
    bool m_streaming = false;
};

} // namespace lux::fakes
