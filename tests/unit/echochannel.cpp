// SPDX-License-Identifier: GPL-3.0-or-later
#include "echochannel.h"

#include "campaigns/campaignstore.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace lux;
using namespace lux::channels;

EchoChannel::EchoChannel(QNetworkAccessManager *network, Config config) : m_http(network, {config.baseUrl, 5000})
{
    m_http.setBasic(config.account, config.token);
}

Status EchoChannel::prepare(const campaigns::Campaign &campaign)
{
    m_campaignName = campaign.name;
    return {};
}

Result<QByteArray> EchoChannel::build(const Delivery &d) const
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("To"), QString::fromLatin1(QUrl::toPercentEncoding(d.address)));
    form.addQueryItem(QStringLiteral("From"), QString::fromLatin1(QUrl::toPercentEncoding(d.sender)));
    form.addQueryItem(QStringLiteral("Body"), QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("%1 for %2").arg(m_campaignName, d.address))));
    form.addQueryItem(QStringLiteral("ClientRef"), QString::fromLatin1(QUrl::toPercentEncoding(d.messageId)));
    return form.query(QUrl::FullyEncoded).toUtf8();
}

QCoro::Task<Outcome> EchoChannel::submit(Delivery, QByteArray message)
{
    HttpRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/messages");
    request.contentType = "application/x-www-form-urlencoded";
    request.body = std::move(message);
    request.oneShot = true; // no idempotency key at this provider: never twice
    const HttpResponse response = co_await m_http.send(std::move(request));
    Outcome o = HttpClient::outcome(response);
    if (response.answered()) {
        o.code = QString::number(response.json().value(QStringLiteral("code")).toInt());
        o.message = response.json().value(QStringLiteral("message")).toString();
    }
    if (o.ok())
        o.reference = response.json().value(QStringLiteral("sid")).toString();
    co_return o;
}

QCoro::Task<Reconciliation> EchoChannel::reconcile(Delivery d)
{
    HttpRequest request;
    request.path = QStringLiteral("/v1/messages?")
                   + QUrlQuery{{QStringLiteral("ClientRef"), QString::fromLatin1(QUrl::toPercentEncoding(d.messageId))}}.query(QUrl::FullyEncoded);
    const HttpResponse response = co_await m_http.send(std::move(request));
    if (response.status != 200)
        co_return Reconciliation::stillUnknown(); // cannot ask now: the next round does
    const QJsonArray found = response.json().value(QStringLiteral("messages")).toArray();
    if (found.size() == 1)
        co_return Reconciliation::sent(found.first().toObject().value(QStringLiteral("sid")).toString());
    if (found.isEmpty()) // the provider never made it, and a request it did not take whole is never made later
        co_return Reconciliation::notSent(QStringLiteral("Not sent: the provider has no such message."));
    co_return Reconciliation::needsDecision(QStringLiteral("The provider has %1 copies.").arg(found.size()));
}
