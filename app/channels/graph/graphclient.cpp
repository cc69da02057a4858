// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphclient.h"
#include "common/errorcodes.h"

#include <QCoroSignal>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <climits>

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
    // Mail.ReadWrite: the bounces, replies and unsubscribe mails in the Inbox are read, then marked
    // read or moved (issue 14).
    return QStringLiteral("offline_access https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.ReadWrite");
}

QString GraphClient::mailboxPath(const QString &mailbox) const
{
    return m_config.delegated() ? QStringLiteral("/v1.0/me")
                                : QStringLiteral("/v1.0/users/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(mailbox)));
}

QCoro::Task<SendOutcome> GraphClient::call(QByteArray method, QString path, QByteArray body, QByteArray contentType, QByteArray *answer)
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.contentType = contentType;
    co_return co_await call(std::move(request), QUrl(), answer);
}

QCoro::Task<SendOutcome> GraphClient::call(HttpRequest request, QUrl absolute, QByteArray *answer)
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
        // Named, and no co_await inside ?: (GCC 12 mishandles both).
        HttpRequest copy = request;
        QUrl target = absolute.isValid() ? absolute : m_http.url(copy.path);
        const HttpResponse reply = co_await m_http.send(std::move(target), std::move(copy));
        const int status = reply.status;
        if (answer)
            *answer = reply.body;
        if (status == 401 && attempt == 0)
            continue;
        SendOutcome o = classify(status, reply.networkError, reply.requestSentWhole, reply.body, reply.header("Retry-After"));
        if (reply.tooLarge) {
            o.kind = SendOutcome::Kind::Permanent;
            o.code = QString(errc::inboundTooLarge);
            o.message = tr("The answer is longer than %n bytes.", nullptr, int(std::min<qint64>(request.maxResponseBytes, INT_MAX)));
        }
        co_return o;
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

Error GraphClient::mailboxError(const SendOutcome &o, const QString &what)
{
    if (o.status == 403 || o.code == QLatin1String("ErrorAccessDenied"))
        return Error(errc::graphMailDenied, tr("%1: Microsoft Graph denied access (%2).").arg(what, o.message.isEmpty() ? o.code : o.message));
    if (o.status == 404)
        return Error(errc::graphNotFound, tr("%1: Microsoft Graph has no such item (%2).").arg(what, o.code));
    if (o.status == 410)
        return Error(errc::graphSyncReset, tr("%1: Microsoft Graph no longer knows where the last look stopped.").arg(what));
    if (o.code == errc::inboundTooLarge)
        return Error(errc::inboundTooLarge, QStringLiteral("%1: %2").arg(what, o.message));
    return Error(errc::graphMailbox, tr("%1: %2").arg(what, o.message.isEmpty() ? (o.code.isEmpty() ? tr("no answer") : o.code) : o.message));
}

QCoro::Task<Result<GraphClient::DeltaPage>> GraphClient::inboxDelta(QString mailbox, QString link, QDateTime since)
{
    HttpRequest request;
    request.headers << qMakePair(QByteArrayLiteral("Prefer"), QByteArrayLiteral("odata.maxpagesize=%1").replace("%1", QByteArray::number(kDeltaPageSize)));
    QUrl absolute;
    if (link.isEmpty()) {
        // Only what arrives: no updates, no deletions, and nothing older than `since`.
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,receivedDateTime"));
        q.addQueryItem(QStringLiteral("changeType"), QStringLiteral("created"));
        q.addQueryItem(QStringLiteral("$filter"),
                       QStringLiteral("receivedDateTime ge %1").arg(since.toUTC().toString(Qt::ISODate)));
        request.path = mailboxPath(mailbox) + QStringLiteral("/mailFolders/inbox/messages/delta?")
                       + q.toString(QUrl::FullyEncoded).replace(u'+', QStringLiteral("%2B"));
    } else {
        absolute = QUrl(link, QUrl::StrictMode);
        const QUrl base = m_config.baseUrl;
        if (!absolute.isValid() || absolute.scheme() != base.scheme() || absolute.host() != base.host()
            || absolute.port(absolute.scheme() == QLatin1String("https") ? 443 : 80) != base.port(base.scheme() == QLatin1String("https") ? 443 : 80))
            co_return Error(errc::graphSyncReset, tr("The stored place in the mailbox %1 does not lead to Microsoft Graph; starting again.").arg(mailbox));
    }
    request.maxResponseBytes = 4 * 1024 * 1024;
    QByteArray answer;
    const SendOutcome o = co_await call(std::move(request), absolute, &answer);
    if (!o.ok())
        co_return mailboxError(o, tr("Reading the Inbox of %1").arg(mailbox));
    const QJsonObject page = QJsonDocument::fromJson(answer).object();
    DeltaPage result;
    result.nextLink = page.value(QStringLiteral("@odata.nextLink")).toString();
    result.deltaLink = page.value(QStringLiteral("@odata.deltaLink")).toString();
    if (result.nextLink.isEmpty() && result.deltaLink.isEmpty())
        co_return Error(errc::graphMailbox, tr("Reading the Inbox of %1: Microsoft Graph answered without a next or delta link.").arg(mailbox));
    const QJsonArray values = page.value(QStringLiteral("value")).toArray();
    for (const QJsonValue &v : values) {
        const QJsonObject m = v.toObject();
        InboxItem item;
        item.id = m.value(QStringLiteral("id")).toString();
        item.received = QDateTime::fromString(m.value(QStringLiteral("receivedDateTime")).toString(), Qt::ISODate);
        item.removed = m.contains(QStringLiteral("@removed"));
        if (!item.id.isEmpty())
            result.items << item;
    }
    co_return result;
}

QCoro::Task<Result<QByteArray>> GraphClient::messageMime(QString mailbox, QString id, qint64 maxBytes)
{
    HttpRequest request;
    request.path = mailboxPath(mailbox) + QStringLiteral("/messages/%1/$value").arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
    request.maxResponseBytes = maxBytes;
    QByteArray answer;
    const SendOutcome o = co_await call(std::move(request), QUrl(), &answer);
    if (!o.ok())
        co_return mailboxError(o, tr("Reading a message in %1").arg(mailbox));
    co_return answer;
}

QCoro::Task<Status> GraphClient::markRead(QString mailbox, QString id)
{
    QString path = mailboxPath(mailbox) + QStringLiteral("/messages/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
    const SendOutcome o = co_await call("PATCH", std::move(path), QByteArrayLiteral(R"({"isRead":true})"), "application/json", nullptr);
    if (!o.ok())
        co_return mailboxError(o, tr("Marking a message read in %1").arg(mailbox));
    co_return Status{};
}

QCoro::Task<Status> GraphClient::moveTo(QString mailbox, QString id, QString folderName)
{
    const QString key = mailbox.toLower() + u'\n' + folderName;
    QString folderId = m_folderIds.value(key);
    if (folderId.isEmpty()) {
        QString quoted = folderName;
        quoted.replace(u'\'', QStringLiteral("''"));
        QString find = mailboxPath(mailbox)
                       + QStringLiteral("/mailFolders?$select=id,displayName&$filter=%1")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("displayName eq '%1'").arg(quoted))));
        QByteArray answer;
        const SendOutcome found = co_await call("GET", std::move(find), {}, {}, &answer);
        if (!found.ok())
            co_return mailboxError(found, tr("Looking for the folder “%1” in %2").arg(folderName, mailbox));
        const QJsonArray folders = QJsonDocument::fromJson(answer).object().value(QStringLiteral("value")).toArray();
        folderId = folders.isEmpty() ? QString() : folders.first().toObject().value(QStringLiteral("id")).toString();
        if (folderId.isEmpty()) {
            QString create = mailboxPath(mailbox) + QStringLiteral("/mailFolders");
            QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("displayName"), folderName}}).toJson(QJsonDocument::Compact);
            const SendOutcome made = co_await call("POST", std::move(create), std::move(body), "application/json", &answer);
            if (!made.ok())
                co_return mailboxError(made, tr("Making the folder “%1” in %2").arg(folderName, mailbox));
            folderId = QJsonDocument::fromJson(answer).object().value(QStringLiteral("id")).toString();
            if (folderId.isEmpty())
                co_return Error(errc::graphMailbox, tr("Microsoft Graph made the folder “%1” in %2 without saying its id.").arg(folderName, mailbox));
        }
        m_folderIds.insert(key, folderId);
    }
    QString path = mailboxPath(mailbox) + QStringLiteral("/messages/%1/move").arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
    QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("destinationId"), folderId}}).toJson(QJsonDocument::Compact);
    const SendOutcome o = co_await call("POST", std::move(path), std::move(body), "application/json", nullptr);
    if (o.status == 404)
        m_folderIds.remove(key); // the folder went away: look again next time
    if (!o.ok())
        co_return mailboxError(o, tr("Moving a message to “%1” in %2").arg(folderName, mailbox));
    co_return Status{};
}

} // namespace lux::channels::graph
