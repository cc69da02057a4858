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
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(QTcpSocket *socket, HttpRequest request, QObject *parent);
    const HttpRequest &request() const { return m_request; }
    void respond(const HttpResponse &response);
    void drop(); // close the connection: the client sees it reset, with no answer
    bool isOpen() const;

private:
    QPointer<QTcpSocket> m_socket;
    HttpRequest m_request;
};

} // namespace lux::fakes
