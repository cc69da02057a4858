// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphclient.h"

#include <QCoroNetworkReply>
#include <QCoroSignal>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace lux::channels::graph {

namespace {

QUrl join(const QUrl &base, const QString &path)
{
    QString b = base.toString();
    while (b.endsWith(u'/'))
        b.chop(1);
    return QUrl(b + path);
}

} // namespace

QString SendOutcome::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Accepted: return QStringLiteral("accepted");
    case Kind::Transient: return QStringLiteral("transient");
    case Kind::Permanent: return QStringLiteral("permanent");
    case Kind::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

SendOutcome classify(int status, int networkError, bool requestSentWhole, const QByteArray &body, const QByteArray &retryAfter)
{
    SendOutcome o;
    o.status = status;
    bool ok = false;
    const int seconds = retryAfter.trimmed().toInt(&ok);
    o.retryAfterSeconds = ok && seconds >= 0 ? seconds : -1;
    if (status == 0) {
        // No answer. Refused or failed before the request was out: not accepted. Otherwise the
        // service may have acted on it; only reconciliation can tell.
        o.code = QStringLiteral("network.%1").arg(networkError);
        o.message = QStringLiteral("No answer from Microsoft Graph.");
        const bool neverSent = networkError == QNetworkReply::ConnectionRefusedError || networkError == QNetworkReply::HostNotFoundError
                               || !requestSentWhole;
        o.kind = neverSent ? SendOutcome::Kind::Transient : SendOutcome::Kind::Unknown;
        return o;
    }
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    o.code = error.value(QStringLiteral("code")).toString();
    o.message = error.value(QStringLiteral("message")).toString();
    if (status >= 200 && status < 300)
        o.kind = SendOutcome::Kind::Accepted;
    else if (status == 429 || status == 503 || status == 504 || status == 502 || status == 500)
        o.kind = SendOutcome::Kind::Transient;
    else
        o.kind = SendOutcome::Kind::Permanent;
    return o;
}

GraphClient::GraphClient(QNetworkAccessManager *network, GraphConfig config, QObject *parent)
    : QObject(parent), m_network(network), m_config(std::move(config))
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
    QNetworkRequest request(join(m_config.authorityUrl, QStringLiteral("/%1/oauth2/v2.0/token").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_config.tenant)))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(m_config.timeoutMs);
    ++m_tokenRequests;
    QNetworkReply *reply = co_await m_network->post(request, form.query(QUrl::FullyEncoded).toUtf8());
    reply->deleteLater();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const QString token = answer.value(QStringLiteral("access_token")).toString();
    if (reply->error() != QNetworkReply::NoError && token.isEmpty()) {
        const QString why = answer.contains(QStringLiteral("error"))
                                ? QStringLiteral("%1: %2").arg(answer.value(QStringLiteral("error")).toString(),
                                                              answer.value(QStringLiteral("error_description")).toString())
                                : reply->errorString();
        co_return Error(QStringLiteral("graph.token"), tr("Microsoft sign-in refused the app: %1").arg(why));
    }
    if (token.isEmpty())
        co_return Error(QStringLiteral("graph.token"), tr("Microsoft sign-in answered without a token."));
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
        QNetworkRequest request(join(m_config.baseUrl, path));
        request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        request.setTransferTimeout(m_config.timeoutMs);
        QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
        bool sentWhole = body.isEmpty();
        connect(reply, &QNetworkReply::uploadProgress, reply, [&sentWhole](qint64 sent, qint64 total) {
            if (total > 0 && sent >= total)
                sentWhole = true;
        });
        co_await qCoro(reply).waitForFinished();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (answer)
            *answer = data;
        if (status == 401 && attempt == 0)
            continue;
        co_return classify(status, int(reply->error()), sentWhole, data, reply->rawHeader("Retry-After"));
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
        co_return Error(QStringLiteral("graph.lookup"), tr("Could not look in Sent Items (%1): %2").arg(o.code, o.message));
    co_return !QJsonDocument::fromJson(answer).object().value(QStringLiteral("value")).toArray().isEmpty();
}

} // namespace lux::channels::graph
