// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include <QTcpSocket>

namespace lux::fakes {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qsizetype kMaxBody = 64 * 1024 * 1024;

} // namespace

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    r.body = body;
    return r;
}

HttpServer::HttpServer(Handler handler, QObject *parent) : QObject(parent), m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::accept);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

QUrl HttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // Per connection: bytes read so far, and whether a request is being answered (the next one
        // waits in the buffer until then).
        auto buffer = std::make_shared<QByteArray>();
        auto busy = std::make_shared<bool>(false);
        auto parse = std::make_shared<std::function<void()>>();
        *parse = [this, socket, buffer, busy, weak = std::weak_ptr<std::function<void()>>(parse)] {
            while (!*busy) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0) {
                    if (buffer->size() > kMaxHead)
                        socket->abort();
                    return;
                }
                HttpRequest request;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                if (first.size() < 3) {
                    socket->abort();
                    return;
                }
                request.method = first.at(0);
                request.url = QUrl::fromEncoded(first.at(1));
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines.at(i).indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
                }
                const qsizetype length = request.header("content-length").toLongLong();
                if (length < 0 || length > kMaxBody) {
                    socket->abort();
                    return;
                }
                if (buffer->size() < end + 4 + length)
                    return; // the body is still coming
                request.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                *busy = true;
                auto *exchange = new HttpExchange(socket, std::move(request), this);
                // The next request on this connection is read once this one has ended.
                connect(exchange, &QObject::destroyed, socket, [busy, weak] {
                    *busy = false;
                    if (const auto next = weak.lock())
                        (*next)();
                });
                m_handler(exchange);
            }
        };
        connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, parse] {
            buffer->append(socket->readAll());
            (*parse)();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

HttpExchange::HttpExchange(QTcpSocket *socket, HttpRequest request, QObject *parent)
    : QObject(parent), m_socket(socket), m_request(std::move(request))
{
}

bool HttpExchange::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpExchange::respond(const HttpResponse &response)
{
    if (isOpen()) {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
        m_socket->write(out);
    }
    deleteLater();
}

void HttpExchange::beginStream(int status, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    if (m_streaming)
        return;
    m_streaming = true;
    if (!isOpen())
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Transfer-Encoding: chunked\r\n\r\n";
    m_socket->write(out);
    m_socket->flush();
}

void HttpExchange::writeChunk(const QByteArray &data)
{
    if (!m_streaming || data.isEmpty() || !isOpen())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    m_socket->flush();
}

void HttpExchange::endStream()
{
    if (m_streaming && isOpen()) {
        m_socket->write("0\r\n\r\n");
        m_socket->flush();
    }
    deleteLater();
}

void HttpExchange::drop()
{
    if (m_socket)
        m_socket->abort();
    deleteLater();
}

} // namespace lux::fakes
