// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeecho.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace lux::fakes {

namespace {

HttpResponse error(int status, const QString &message, int retryAfter = -1)
{
    HttpResponse r = HttpResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}})
                                                    .toJson(QJsonDocument::Compact));
    if (retryAfter >= 0)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
    return r;
}

} // namespace

FakeEcho::FakeEcho(QObject *parent) : QObject(parent), m_http([this](HttpExchange *e) { handle(e); }) {}

bool FakeEcho::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port);
}

void FakeEcho::setCredentials(const QString &account, const QString &token)
{
    m_account = account;
    m_token = token;
}

void FakeEcho::handle(HttpExchange *exchange)
{
    ++m_requests;
    const HttpRequest &request = exchange->request();
    const QByteArray pair = m_account.toUtf8() + ':' + m_token.toUtf8();
    const QByteArray expected = "Basic " + pair.toBase64();
    HttpResponse response;
    bool made = false;
    bool lose = false;
    if (request.header("authorization") != expected) {
        response = error(401, QStringLiteral("Authenticate"));
    } else if (chance(m_faults.dropConnection)) {
        exchange->drop();
        return;
    } else if (chance(m_faults.serviceUnavailable)) {
        response = error(503, QStringLiteral("Service unavailable"), m_faults.retryAfterSeconds);
    } else if (chance(m_faults.throttled)) {
        response = error(429, QStringLiteral("Too many requests"), m_faults.retryAfterSeconds);
    } else if (request.method == "POST" && request.url.path() == QLatin1String("/v1/messages")) {
        response = create(request, &made);
        lose = made && chance(m_faults.loseAnswer);
    } else if (request.method == "GET" && request.url.path() == QLatin1String("/v1/messages")) {
        response = list(request);
    } else {
        response = error(404, QStringLiteral("Not found"));
    }
    QTimer::singleShot(m_faults.latencyMs, exchange, [exchange, response, lose] {
        if (lose)
            exchange->drop(); // made and recorded; the client never hears of it
        else
            exchange->respond(response);
    });
}

HttpResponse FakeEcho::create(const HttpRequest &request, bool *made)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    Message m;
    m.to = form.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded);
    m.from = form.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded);
    m.body = form.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded);
    m.clientRef = form.queryItemValue(QStringLiteral("ClientRef"), QUrl::FullyDecoded);
    if (m.to.isEmpty() || m.from.isEmpty() || m.body.isEmpty())
        return error(400, QStringLiteral("To, From and Body are required"));
    m.sid = QStringLiteral("EC%1").arg(m_next++, 8, 10, QLatin1Char('0'));
    m_byRef[m.clientRef].append(m_messages.size());
    m_messages.append(m);
    *made = true;
    return HttpResponse::json(201, QJsonDocument(QJsonObject{{QStringLiteral("sid"), m.sid}, {QStringLiteral("status"), QStringLiteral("queued")}})
                                       .toJson(QJsonDocument::Compact));
}

HttpResponse FakeEcho::list(const HttpRequest &request) const
{
    const QString ref = QUrlQuery(request.url).queryItemValue(QStringLiteral("ClientRef"), QUrl::FullyDecoded);
    QJsonArray found;
    for (const qsizetype i : m_byRef.value(ref)) {
        const Message &m = m_messages.at(i);
        found.append(QJsonObject{{QStringLiteral("sid"), m.sid}, {QStringLiteral("to"), m.to}, {QStringLiteral("client_ref"), m.clientRef}});
    }
    return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("messages"), found}}).toJson(QJsonDocument::Compact));
}

} // namespace lux::fakes
