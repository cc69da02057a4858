// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphclient.h"
#include "common/errorcodes.h"

#include <QCoroSignal>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace lux::channels::graph {

SendOutcome classify(int status, int networkError, bool requestSentWhole, const QByteArray &body, const QByteArray &retryAfter)
{
    HttpResponse response;
    response.status = status;
    response.networkError = networkError;
    response.requestSentWhole = requestSentWhole;
    response.body = body;
    response.retryAfterSeconds = HttpClient::retryAfterSeconds(retryAfter, {}, QDateTime::currentDateTimeUtc());
    SendOutcome o = HttpClient::outcome(response);
    if (!response.answered()) {
        o.message = QStringLiteral("No answer from Microsoft Graph.");
        return o;
    }
    const QJsonObject error = response.json().value(QStringLiteral("error")).toObject();
    o.code = error.value(QStringLiteral("code")).toString();
    o.message = error.value(QStringLiteral("message")).toString();
    return o;
}

GraphClient::GraphClient(QNetworkAccessManager *network, GraphConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_http(network, {m_config.baseUrl, m_config.timeoutMs})
{
}

QCoro::Task<Result<QString>> GraphClient::accessToken(bool refresh)
{
    // co_return gives QCoro's promise an lvalue it moves from: return copies, or the cache empties.
    if (!refresh && !m_token.isEmpty() && QDateTime::currentDateTimeUtc().secsTo(m_tokenExpiry) > 60)
        co_return QString(m_token);
    // One token request at a time: the requests in flight share its answer. (A refresh token is
    // rotated on use, so a second request with the same one would be refused.)
    if (m_fetching) {
        co_await qCoro(this, &GraphClient::tokenFetched);
        if (m_tokenError)
            co_return Error(*m_tokenError);
        co_return QString(m_token);
    }
    m_fetching = true;
    Result<QString> token = co_await fetchToken();
    m_fetching = false;
    m_tokenError.reset();
    if (!token)
        m_tokenError = token.error();
    Q_EMIT tokenFetched();
    co_return token;
}

QCoro::Task<Result<QString>> GraphClient::fetchToken()
{
    QUrlQuery form;
    const auto add = [&form](const QString &name, const QString &value) {
        form.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("client_id"), m_config.clientId);
    if (m_config.delegated()) {
        // A public client: no secret; the refresh token stands for the user.
        add(QStringLiteral("scope"), delegatedScope());
        add(QStringLiteral("refresh_token"), m_config.refreshToken);
        add(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    } else {
        add(QStringLiteral("client_secret"), m_config.clientSecret);
        add(QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default"));
        add(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    }
    QUrl tokenUrl = HttpClient::join(m_config.authorityUrl,
                                     QStringLiteral("/%1/oauth2/v2.0/token").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_config.tenant))));
    HttpRequest request;
    request.method = "POST";
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.body = form.query(QUrl::FullyEncoded).toUtf8();
    ++m_tokenRequests;
    HttpClient tokens(m_http); // the same network and timeout, without the API's bearer
    tokens.clearAuth();
    const HttpResponse reply = co_await tokens.send(std::move(tokenUrl), std::move(request));
    const QJsonObject answer = reply.json();
    const QString token = answer.value(QStringLiteral("access_token")).toString();
    if (!reply.succeeded() && token.isEmpty()) {
        const QString why = answer.contains(QStringLiteral("error"))
                                ? QStringLiteral("%1: %2").arg(answer.value(QStringLiteral("error")).toString(),
                                                              answer.value(QStringLiteral("error_description")).toString())
                                : reply.errorString;
        co_return Error(errc::graphToken, tr("Microsoft sign-in refused the app: %1").arg(why));
    }
    if (token.isEmpty())
        co_return Error(errc::graphToken, tr("Microsoft sign-in answered without a token."));
    m_token = token;
    m_tokenExpiry = QDateTime::currentDateTimeUtc().addSecs(answer.value(QStringLiteral("expires_in")).toInt(3599));
    if (const QString rotated = answer.value(QStringLiteral("refresh_token")).toString();
        m_config.delegated() && !rotated.isEmpty() && rotated != m_config.refreshToken) {
        m_config.refreshToken = rotated;
        Q_EMIT refreshTokenChanged(rotated);
    }
    co_return QString(m_token);
}

QString GraphClient::delegatedScope()
{
    return QStringLiteral("offline_access https://graph.microsoft.com/Mail.Send");
}

QString GraphClient::mailboxPath(const QString &mailbox) const
{
    return m_config.delegated() ? QStringLiteral("/v1.0/me")
                                : QStringLiteral("/v1.0/users/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(mailbox)));
}

QCoro::Task<SendOutcome> GraphClient::call(QByteArray method, QString path, QByteArray body, QByteArray contentType, QByteArray *answer)
{
    // A 401 means the token ran out early: fetch a new one once and try again.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto token = co_await accessToken(attempt > 0);
        if (!token) {
            SendOutcome o;
            o.kind = SendOutcome::Kind::Permanent;
            o.code = token.error().code;
            o.message = token.error().message;
            co_return o;
        }
        m_http.setBearer(token->toUtf8());
        HttpRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.contentType = contentType;
        const HttpResponse reply = co_await m_http.send(std::move(request));
        const int status = reply.status;
        if (answer)
            *answer = reply.body;
        if (status == 401 && attempt == 0)
            continue;
        co_return classify(status, reply.networkError, reply.requestSentWhole, reply.body, reply.header("Retry-After"));
    }
    co_return SendOutcome{};
}

QCoro::Task<SendOutcome> GraphClient::sendMime(QString mailbox, QByteArray mime)
{
    // Arguments made before the co_await: GCC 12 destroys temporaries inside its operand twice.
    QString path = mailboxPath(mailbox) + QStringLiteral("/sendMail");
    QByteArray body = mime.toBase64();
    co_return co_await call("POST", std::move(path), std::move(body), "text/plain", nullptr);
}

QCoro::Task<SendOutcome> GraphClient::createDraft(QString mailbox, QByteArray mime, QString *draftId)
{
    QByteArray answer;
    QString path = mailboxPath(mailbox) + QStringLiteral("/messages");
    QByteArray body = mime.toBase64();
    SendOutcome o = co_await call("POST", std::move(path), std::move(body), "text/plain", &answer);
    if (o.ok()) {
        *draftId = QJsonDocument::fromJson(answer).object().value(QStringLiteral("id")).toString();
        if (draftId->isEmpty()) {
            o.kind = SendOutcome::Kind::Transient;
            o.code = QStringLiteral("graph.draft");
            o.message = tr("Microsoft Graph made the draft but did not say its id.");
        }
    } else if (o.kind == SendOutcome::Kind::Unknown) {
        o.kind = SendOutcome::Kind::Transient; // a draft that may exist is harmless: it is never sent
    }
    co_return o;
}

QCoro::Task<SendOutcome> GraphClient::sendDraft(QString mailbox, QString draftId)
{
    QString path = mailboxPath(mailbox) + QStringLiteral("/messages/%1/send").arg(QString::fromLatin1(QUrl::toPercentEncoding(draftId)));
    SendOutcome o = co_await call("POST", std::move(path), {}, "application/json", nullptr);
    if (o.status == 404 && o.code == QLatin1String("ErrorItemNotFound"))
        o.kind = SendOutcome::Kind::Unknown; // sent by an attempt whose answer was lost, or truly gone: Sent Items says
    co_return o;
}

QCoro::Task<Result<bool>> GraphClient::sentItemsHas(QString mailbox, QString internetMessageId)
{
    QString quoted = internetMessageId;
    quoted.replace(u'\'', QStringLiteral("''"));
    const QString path = mailboxPath(mailbox)
                         + QStringLiteral("/mailFolders('SentItems')/messages?$select=internetMessageId&$filter=%1")
                               .arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("internetMessageId eq '%1'").arg(quoted))));
    QByteArray answer;
    const SendOutcome o = co_await call("GET", path, {}, {}, &answer);
    if (!o.ok())
        co_return Error(errc::graphLookup, tr("Could not look in Sent Items (%1): %2").arg(o.code, o.message));
    co_return !QJsonDocument::fromJson(answer).object().value(QStringLiteral("value")).toArray().isEmpty();
}

} // namespace lux::channels::graph
