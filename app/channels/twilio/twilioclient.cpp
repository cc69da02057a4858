// SPDX-License-Identifier: GPL-3.0-or-later
#include "twilioclient.h"
#include "common/errorcodes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace lux::channels::twilio {

namespace {

constexpr qint64 kMaxAnswerBytes = 4 * 1024 * 1024;

} // namespace

TwilioClient::TwilioClient(QNetworkAccessManager *network, TwilioConfig config)
    : m_config(std::move(config)), m_http(network, {m_config.baseUrl, m_config.timeoutMs})
{
    if (!m_config.apiKeySid.isEmpty())
        m_http.setBasic(m_config.apiKeySid, m_config.secret);
    else
        m_http.setBasic(m_config.accountSid, m_config.secret);
}

QString TwilioClient::messagesPath() const
{
    return QStringLiteral("/2010-04-01/Accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(m_config.accountSid)) + QStringLiteral("/Messages");
}

qint64 TwilioClient::parseDate(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!at.isValid())
        at = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return 0;
    return at.toMSecsSinceEpoch();
}

TwilioMessage TwilioClient::message(const QJsonObject &o)
{
    TwilioMessage m;
    m.sid = o.value(QStringLiteral("sid")).toString();
    m.from = o.value(QStringLiteral("from")).toString();
    m.to = o.value(QStringLiteral("to")).toString();
    m.body = o.value(QStringLiteral("body")).toString();
    m.status = o.value(QStringLiteral("status")).toString();
    m.messagingServiceSid = o.value(QStringLiteral("messaging_service_sid")).toString();
    m.direction = o.value(QStringLiteral("direction")).toString();
    m.numSegments = o.value(QStringLiteral("num_segments")).toVariant().toInt(); // a string in Twilio's JSON
    if (const QJsonValue price = o.value(QStringLiteral("price")); price.isString())
        m.price = price.toString();
    else if (price.isDouble())
        m.price = QString::number(price.toDouble(), 'f', 5);
    m.priceUnit = o.value(QStringLiteral("price_unit")).toString();
    m.errorCode = o.value(QStringLiteral("error_code")).toVariant().toInt();
    m.errorMessage = o.value(QStringLiteral("error_message")).toString();
    m.createdAt = parseDate(o.value(QStringLiteral("date_created")).toString());
    m.sentAt = parseDate(o.value(QStringLiteral("date_sent")).toString());
    return m;
}

Outcome TwilioClient::outcome(const HttpResponse &response)
{
    Outcome o = HttpClient::outcome(response);
    if (!response.answered()) {
        o.message = tr("No answer from Twilio (%1).").arg(response.errorString);
        return o;
    }
    const QJsonObject body = response.json();
    if (o.kind == Outcome::Kind::Accepted) {
        o.reference = body.value(QStringLiteral("sid")).toString();
        if (o.reference.isEmpty()) { // a 2xx that is not Twilio's message: it may still have been made
            o.kind = Outcome::Kind::Unknown;
            o.code = QString(errc::twilioAnswer);
            o.message = tr("Twilio's answer named no message.");
        }
        return o;
    }
    const int code = body.value(QStringLiteral("code")).toVariant().toInt();
    o.code = code > 0 ? QString::number(code) : QStringLiteral("http.%1").arg(response.status);
    o.message = body.value(QStringLiteral("message")).toString();
    if (o.message.isEmpty())
        o.message = tr("Twilio answered HTTP %1.").arg(response.status);
    if (response.status == 401 || code == 20003) {
        o.kind = Outcome::Kind::Permanent;
        o.code = QString(errc::twilioAuth);
        o.message = tr("Twilio refused the account SID or its secret (20003): check them under Settings → SMS.");
    } else if (response.status == 429 || code == 20429) {
        o.kind = Outcome::Kind::Transient; // too many requests at once: never processed
    } else if (response.status >= 500) {
        // A 5xx may come from a gateway after Twilio made the message: in doubt, not "not sent".
        o.kind = Outcome::Kind::Unknown;
    }
    return o;
}

QCoro::Task<Outcome> TwilioClient::create(QString from, QString to, QString body, TwilioMessage *made)
{
    QList<QPair<QString, QString>> fields{{QStringLiteral("To"), to}, {QStringLiteral("Body"), body}};
    if (from.startsWith(QLatin1String("MG")))
        fields.append({QStringLiteral("MessagingServiceSid"), from});
    else
        fields.append({QStringLiteral("From"), from});
    if (!m_config.statusCallback.isEmpty())
        fields.append({QStringLiteral("StatusCallback"), m_config.statusCallback});
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = messagesPath() + QStringLiteral(".json");
    request.body = HttpClient::form(fields);
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.oneShot = true; // never twice: Twilio has no idempotency key
    request.maxResponseBytes = kMaxAnswerBytes;
    const HttpResponse response = co_await m_http.send(std::move(request));
    Outcome o = outcome(response);
    if (o.ok() && made)
        *made = message(response.json());
    co_return o;
}

QCoro::Task<Result<TwilioMessage>> TwilioClient::fetch(QString sid)
{
    HttpRequest request;
    request.path = messagesPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(sid)) + QStringLiteral(".json");
    request.maxResponseBytes = kMaxAnswerBytes;
    const HttpResponse response = co_await m_http.send(std::move(request));
    if (!response.succeeded()) {
        const Outcome o = outcome(response);
        co_return Error(o.code, o.message);
    }
    co_return message(response.json());
}

QCoro::Task<Result<QList<TwilioMessage>>> TwilioClient::recent(QString to, QString from, qint64 since, int maxPages)
{
    const bool service = from.startsWith(QLatin1String("MG"));
    QList<QPair<QString, QString>> filters{{QStringLiteral("To"), to}};
    if (!service && !from.isEmpty())
        filters.append({QStringLiteral("From"), from});
    filters.append({QStringLiteral("PageSize"), QStringLiteral("50")});
    QString path = messagesPath() + QStringLiteral(".json?") + QString::fromLatin1(HttpClient::form(filters));
    QList<TwilioMessage> out;
    for (int page = 0; page < maxPages && !path.isEmpty(); ++page) {
        HttpRequest request;
        request.path = path;
        request.maxResponseBytes = kMaxAnswerBytes;
        const HttpResponse response = co_await m_http.send(std::move(request));
        if (!response.succeeded()) {
            const Outcome o = outcome(response);
            co_return Error(o.code, o.message);
        }
        const QJsonObject body = response.json();
        if (!body.contains(QStringLiteral("messages")))
            co_return Error(errc::twilioAnswer, tr("Twilio's list of messages could not be read."));
        bool older = false;
        for (const QJsonValue &v : body.value(QStringLiteral("messages")).toArray()) {
            TwilioMessage m = message(v.toObject());
            if (m.createdAt != 0 && m.createdAt < since) {
                older = true; // newest first: the rest are older still
                break;
            }
            if (service && m.messagingServiceSid != from)
                continue;
            out << std::move(m);
        }
        // next_page_uri is a path from the API's root, with its own query.
        path = older ? QString() : body.value(QStringLiteral("next_page_uri")).toString();
    }
    co_return out;
}

QCoro::Task<Result<QString>> TwilioClient::accountName()
{
    HttpRequest request;
    request.path = QStringLiteral("/2010-04-01/Accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(m_config.accountSid))
                   + QStringLiteral(".json");
    request.maxResponseBytes = kMaxAnswerBytes;
    const HttpResponse response = co_await m_http.send(std::move(request));
    if (!response.succeeded()) {
        const Outcome o = outcome(response);
        co_return Error(o.code, o.message);
    }
    co_return response.json().value(QStringLiteral("friendly_name")).toString();
}

} // namespace lux::channels::twilio
