// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QCoroNetworkReply>
#include <QIODevice>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace lux::channels {

namespace {

// A request body that can be read once. Qt rewinds the body before it sends a request again on its
// own (after a kept-alive connection closed before the answer); this one refuses to be rewound once
// a byte has gone, so that second send cannot happen: the reply ends in ContentReSendError instead.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent) : QIODevice(parent), m_data(std::move(data)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool reset() override { return m_pos == 0; } // the first send may rewind an untouched body
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpClient::HttpClient(QNetworkAccessManager *network, Config config) : m_network(network), m_config(std::move(config)) {}

void HttpClient::setBearer(const QByteArray &token)
{
    m_authorization = "Bearer " + token;
}

void HttpClient::setBasic(const QString &user, const QString &password)
{
    const QByteArray pair = user.toUtf8() + ':' + password.toUtf8();
    m_authorization = "Basic " + pair.toBase64();
}

void HttpClient::clearAuth()
{
    m_authorization.clear();
}

QUrl HttpClient::join(const QUrl &base, const QString &path)
{
    QString b = base.toString();
    while (b.endsWith(u'/'))
        b.chop(1);
    return QUrl(b + path);
}

QUrl HttpClient::url(const QString &path) const
{
    return join(m_config.baseUrl, path);
}

QCoro::Task<HttpResponse> HttpClient::send(HttpRequest request)
{
    QUrl target = url(request.path);
    co_return co_await send(std::move(target), std::move(request));
}

QCoro::Task<HttpResponse> HttpClient::send(QUrl url, HttpRequest request)
{
    if (request.cancellation && request.cancellation->isCancelled()) {
        HttpResponse cancelled;
        cancelled.cancelled = true;
        cancelled.networkError = int(QNetworkReply::OperationCanceledError);
        cancelled.errorString = QStringLiteral("Cancelled before it was sent.");
        co_return cancelled;
    }
    QNetworkRequest r(url);
    if (!m_authorization.isEmpty())
        r.setRawHeader("Authorization", m_authorization);
    if (!request.contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    for (const auto &[name, value] : std::as_const(request.headers))
        r.setRawHeader(name, value);
    r.setTransferTimeout(m_config.timeoutMs);
    if (request.prepare)
        request.prepare(r);
    QNetworkReply *reply = nullptr;
    if (request.oneShot && !request.body.isEmpty()) {
        // Streamed from a body that cannot be read twice; Qt would otherwise keep a copy to resend.
        r.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        r.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        auto *body = new OneShotBody(request.body, nullptr);
        reply = m_network->sendCustomRequest(r, request.method, body);
        body->setParent(reply);
    } else if (request.method == "HEAD") {
        // Qt's own HEAD: a custom verb would wait for the body the answer's Content-Length announces.
        reply = m_network->head(r);
    } else {
        reply = m_network->sendCustomRequest(r, request.method, request.body);
    }
    HttpResponse response;
    response.requestSentWhole = request.body.isEmpty();
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [&response](qint64 sent, qint64 total) {
        if (total > 0 && sent >= total)
            response.requestSentWhole = true;
    });
    if (request.maxResponseBytes > 0)
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&response, reply, max = request.maxResponseBytes](qint64 received, qint64 total) {
            if (received > max || total > max) {
                response.tooLarge = true;
                reply->abort();
            }
        });
    if (request.onData) {
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&response, reply, &onData = request.onData] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 300)
                return; // an error body: kept whole below
            response.streamed = true;
            const QByteArray piece = reply->readAll();
            if (!piece.isEmpty())
                onData(piece);
        });
    }
    QMetaObject::Connection onCancel;
    if (request.cancellation)
        onCancel = QObject::connect(request.cancellation.data(), &Cancellation::cancelled, reply, [&response, reply] {
            response.cancelled = true;
            reply->abort();
        });
    co_await qCoro(reply).waitForFinished();
    QObject::disconnect(onCancel);
    reply->disconnect(); // nothing may reach `response` once this coroutine has returned it
    reply->deleteLater();
    if (response.cancelled) {
        response.networkError = int(QNetworkReply::OperationCanceledError);
        response.errorString = QStringLiteral("Cancelled.");
        co_return response;
    }
    if (response.tooLarge) {
        response.networkError = int(QNetworkReply::OperationCanceledError);
        response.errorString = QStringLiteral("The answer is longer than %1 bytes.").arg(request.maxResponseBytes);
        co_return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.networkError = int(reply->error());
    response.errorString = reply->errorString();
    response.body = reply->readAll();
    if (response.streamed && !response.body.isEmpty()) {
        request.onData(response.body); // the last piece, read after the final readyRead
        response.body.clear();
    }
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers << pair;
    response.retryAfterSeconds = retryAfterSeconds(response.header("Retry-After"), response.header("retry-after-ms"),
                                                   QDateTime::currentDateTimeUtc());
    co_return response;
}

int HttpClient::retryAfterSeconds(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now)
{
    bool ok = false;
    if (!retryAfterMs.trimmed().isEmpty()) {
        const double ms = retryAfterMs.trimmed().toDouble(&ok);
        if (ok && ms >= 0 && std::isfinite(ms))
            return int(std::min(std::ceil(ms / 1000.0), 86400.0));
    }
    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty())
        return -1;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? int(std::min<qint64>(seconds, 86400)) : -1;
    // An HTTP date (RFC 9110 §10.2.3): "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return -1;
    at.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(now.secsTo(at), 0, 86400));
}

QByteArray HttpClient::form(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QString HttpClient::networkCode(int networkError)
{
    return QStringLiteral("network.%1").arg(networkError);
}

Outcome HttpClient::outcome(const HttpResponse &response)
{
    Outcome o;
    o.status = response.status;
    o.retryAfterSeconds = response.retryAfterSeconds;
    if (!response.answered()) {
        o.code = networkCode(response.networkError);
        o.message = response.errorString;
        const bool neverSent = response.networkError == QNetworkReply::ConnectionRefusedError
                               || response.networkError == QNetworkReply::HostNotFoundError || !response.requestSentWhole;
        o.kind = neverSent ? Outcome::Kind::Transient : Outcome::Kind::Unknown;
        return o;
    }
    const int s = response.status;
    if (s >= 200 && s < 300)
        o.kind = Outcome::Kind::Accepted;
    else if (s == 408 || s == 425 || s == 429 || s >= 500)
        o.kind = Outcome::Kind::Transient;
    else
        o.kind = Outcome::Kind::Permanent;
    return o;
}

} // namespace lux::channels
