// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegraph.h"

#include <QCryptographicHash>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace lux::fakes {

namespace {

QByteArray graphError(const char *code, const QString &message)
{
    const QJsonObject inner{{QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                            {QStringLiteral("request-id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                                            {QStringLiteral("message"), message},
                                                                            {QStringLiteral("innerError"), inner}}}})
        .toJson(QJsonDocument::Compact);
}

HttpResponse error(int status, const char *code, const QString &message, int retryAfter = -1)
{
    HttpResponse r = HttpResponse::json(status, graphError(code, message));
    if (retryAfter >= 0)
        r.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", QByteArray::number(retryAfter)));
    return r;
}

HttpResponse tokenError(int status, const char *code, const QString &description)
{
    return HttpResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), QString::fromLatin1(code)},
                                                                {QStringLiteral("error_description"), description}})
                                          .toJson(QJsonDocument::Compact));
}

QStringList recipientsOf(const QJsonObject &message)
{
    QStringList out;
    for (const char *field : {"toRecipients", "ccRecipients", "bccRecipients"})
        for (const QJsonValue &r : message.value(QLatin1String(field)).toArray())
            out << r.toObject().value(QStringLiteral("emailAddress")).toObject().value(QStringLiteral("address")).toString();
    return out;
}

// The headers of a MIME message, unfolded, by lower-case name.
QHash<QByteArray, QByteArray> mimeHeaders(const QByteArray &mime)
{
    QHash<QByteArray, QByteArray> headers;
    qsizetype end = mime.indexOf("\r\n\r\n");
    if (end < 0)
        end = mime.indexOf("\n\n");
    QByteArray head = mime.left(end < 0 ? mime.size() : end);
    head.replace("\r\n", "\n");
    QByteArray name;
    for (const QByteArray &line : head.split('\n')) {
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            if (!name.isEmpty())
                headers[name] += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon).trimmed().toLower();
        headers.insert(name, line.mid(colon + 1).trimmed());
    }
    return headers;
}

QStringList addresses(const QByteArray &field)
{
    QStringList out;
    static const QRegularExpression angle(QStringLiteral("<([^>]+)>"));
    const QString text = QString::fromUtf8(field);
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const auto m = angle.match(part);
        out << (m.hasMatch() ? m.captured(1) : part.trimmed());
    }
    return out;
}

} // namespace

FakeGraph::FakeGraph(QObject *parent) : QObject(parent), m_http([this](HttpExchange *e) { handle(e); }, this) {}

bool FakeGraph::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port);
}

void FakeGraph::setCredentials(const QString &tenant, const QString &clientId, const QString &secret)
{
    m_tenant = tenant;
    m_clientId = clientId;
    m_secret = secret;
}

void FakeGraph::expireTokens()
{
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it)
        it.value() = QDateTime::currentDateTimeUtc().addSecs(-1);
}

bool FakeGraph::authorized(const HttpRequest &request) const
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer "))
        return false;
    const auto it = m_tokens.constFind(QString::fromLatin1(auth.mid(7)));
    return it != m_tokens.constEnd() && *it > QDateTime::currentDateTimeUtc();
}

void FakeGraph::handle(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QString path = request.url.path();
    if (path.startsWith(QLatin1String("/_fake/"))) {
        exchange->respond(control(request));
        return;
    }
    ++m_requests;
    if (m_dropNext > 0 && path.endsWith(m_dropPath)) {
        --m_dropNext;
        exchange->drop();
        return;
    }
    if (chance(m_faults.dropConnection)) {
        exchange->drop();
        return;
    }
    if (path.endsWith(QLatin1String("/oauth2/v2.0/authorize"))) {
        exchange->respond(path.startsWith(QStringLiteral("/%1/").arg(m_tenant))
                              ? authorize(request)
                              : tokenError(400, "invalid_tenant", QStringLiteral("AADSTS90002: Tenant not found.")));
        return;
    }
    if (path == QStringLiteral("/%1/oauth2/v2.0/token").arg(m_tenant) || path.endsWith(QLatin1String("/oauth2/v2.0/token"))) {
        const HttpResponse r = path.startsWith(QStringLiteral("/%1/").arg(m_tenant))
                                   ? token(request)
                                   : tokenError(400, "invalid_tenant", QStringLiteral("AADSTS90002: Tenant not found."));
        QTimer::singleShot(m_faults.latencyMs, exchange, [exchange, r] { exchange->respond(r); });
        return;
    }
    static const QRegularExpression route(QStringLiteral(R"(^/v1\.0/(?:users/([^/]+)|(me))(/.*)?$)"));
    const auto m = route.match(path);
    if (!m.hasMatch()) {
        exchange->respond(error(404, "ResourceNotFound", QStringLiteral("Resource not found for the segment '%1'.").arg(path)));
        return;
    }
    // /me is the signed-in user of a delegated token.
    const QString bearer = QString::fromLatin1(request.header("authorization").mid(7));
    const QString mailbox = (m.captured(2).isEmpty() ? QUrl::fromPercentEncoding(m.captured(1).toUtf8())
                                                     : m_tokenUser.value(bearer, QStringLiteral("me")))
                                .toLower();
    if (!m.captured(2).isEmpty() && !m_tokenUser.contains(bearer) && authorized(request)) {
        exchange->respond(error(400, "BadRequest", QStringLiteral("/me request is only valid with delegated authentication flow.")));
        return;
    }
    const QString rest = m.captured(3);
    if (!authorized(request)) {
        exchange->respond(error(401, "InvalidAuthenticationToken", QStringLiteral("Access token has expired or is not yet valid.")));
        return;
    }
    // Throttling, as Graph's Outlook limits: requests in flight, then the request budget.
    if (m_inFlight.value(mailbox) >= m_limits.concurrentPerMailbox) {
        ++m_limitThrottles;
        exchange->respond(error(429, "ApplicationThrottled", QStringLiteral("Application is over its MailboxConcurrency limit."), 1));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QDateTime> &window = m_window[mailbox];
    while (!window.isEmpty() && window.first().secsTo(now) >= m_limits.windowSeconds)
        window.removeFirst();
    if (window.size() >= m_limits.requestsPerWindow) {
        const qint64 wait = std::max<qint64>(1, m_limits.windowSeconds - window.first().secsTo(now));
        ++m_limitThrottles;
        exchange->respond(error(429, "ApplicationThrottled", QStringLiteral("Application is over its MailboxRequestLimit."), int(wait)));
        return;
    }
    window.append(now);
    // Exchange's message rate: submissions (sendMail, a draft's send) in any 60 seconds.
    static const QRegularExpression submission(QStringLiteral(R"(^(/sendMail|/messages/[^/]+/send)$)"));
    if (m_limits.messagesPerMinute > 0 && request.method == "POST" && submission.match(rest).hasMatch()) {
        const qint64 ms = now.toMSecsSinceEpoch();
        QList<qint64> &sent = m_messageTimes[mailbox];
        while (!sent.isEmpty() && sent.first() <= ms - 60000)
            sent.removeFirst();
        if (sent.size() >= m_limits.messagesPerMinute) {
            ++m_limitThrottles;
            const int wait = int(std::max<qint64>(1, (sent.first() + 60000 - ms + 999) / 1000));
            exchange->respond(error(429, "ApplicationThrottled", QStringLiteral("Application is over its MessageRateLimit."), wait));
            return;
        }
        sent.append(ms);
    }
    if (chance(m_faults.serviceUnavailable)) {
        exchange->respond(error(503, "serviceNotAvailable", QStringLiteral("Service unavailable, try again later."), m_faults.retryAfterSeconds));
        return;
    }
    if (chance(m_faults.throttled)) {
        exchange->respond(
            error(429, "ApplicationThrottled", QStringLiteral("Application is over its MailboxConcurrency limit."), m_faults.retryAfterSeconds));
        return;
    }
    const int inFlight = ++m_inFlight[mailbox];
    m_peak[mailbox] = std::max(m_peak.value(mailbox), inFlight);
    const bool lose = chance(m_faults.loseAnswer);
    const int delay = chance(m_faults.slow) ? m_faults.slowMs : m_faults.latencyMs;
    // The work happens at the end of the wait, so requests overlap while they are "being processed".
    QTimer::singleShot(delay, exchange, [this, exchange, mailbox, rest, lose] {
        const HttpRequest &r = exchange->request();
        HttpResponse response;
        static const QRegularExpression sendDraftRoute(QStringLiteral(R"(^/messages/([^/]+)/send$)"));
        if (rest.isEmpty() && r.method == "GET")
            response = HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("mail"), mailbox},
                                                                         {QStringLiteral("userPrincipalName"), mailbox}})
                                                   .toJson(QJsonDocument::Compact));
        else if (rest == QLatin1String("/sendMail") && r.method == "POST")
            response = sendMail(mailbox, r);
        else if (rest == QLatin1String("/messages") && r.method == "POST")
            response = createDraft(mailbox, r);
        else if (const auto d = sendDraftRoute.match(rest); d.hasMatch() && r.method == "POST")
            response = sendDraft(mailbox, d.captured(1));
        else if ((rest == QLatin1String("/mailFolders('SentItems')/messages") || rest == QLatin1String("/mailFolders/SentItems/messages"))
                 && r.method == "GET")
            response = sentItems(mailbox, r);
        else if (auto inbox = m_mailboxes.handle(mailbox, r.url.path().left(r.url.path().size() - rest.size()), rest, r, baseUrl()))
            response = *inbox;
        else
            response = error(400, "BadRequest", QStringLiteral("Unsupported request %1 %2.").arg(QString::fromLatin1(r.method), rest));
        answer(exchange, mailbox, response, lose);
    });
}

void FakeGraph::answer(HttpExchange *exchange, const QString &mailbox, const HttpResponse &response, bool loseIt)
{
    --m_inFlight[mailbox];
    if (loseIt)
        exchange->drop(); // done and recorded, but the client never hears
    else
        exchange->respond(response);
}

HttpResponse FakeGraph::token(const HttpRequest &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    QString clientId = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    QString secret = form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    if (const QByteArray basic = request.header("authorization"); basic.startsWith("Basic ")) {
        const QList<QByteArray> pair = QByteArray::fromBase64(basic.mid(6)).split(':');
        clientId = QUrl::fromPercentEncoding(pair.value(0));
        secret = QUrl::fromPercentEncoding(pair.value(1));
    }
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"));
    if (grant == QLatin1String("authorization_code") || grant == QLatin1String("refresh_token"))
        return delegatedToken(form);
    if (grant != QLatin1String("client_credentials"))
        return tokenError(400, "unsupported_grant_type", QStringLiteral("AADSTS70003: The app requested an unsupported grant type."));
    if (form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded) != QLatin1String("https://graph.microsoft.com/.default"))
        return tokenError(400, "invalid_scope", QStringLiteral("AADSTS1002012: The provided value for scope is not valid."));
    if (clientId != m_clientId)
        return tokenError(400, "unauthorized_client", QStringLiteral("AADSTS700016: Application with identifier '%1' was not found.").arg(clientId));
    if (secret != m_secret)
        return tokenError(401, "invalid_client", QStringLiteral("AADSTS7000215: Invalid client secret provided."));
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces) + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_tokens.insert(token, QDateTime::currentDateTimeUtc().addSecs(m_limits.tokenLifetimeSeconds));
    return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                                             {QStringLiteral("expires_in"), m_limits.tokenLifetimeSeconds},
                                                             {QStringLiteral("ext_expires_in"), m_limits.tokenLifetimeSeconds},
                                                             {QStringLiteral("access_token"), token}})
                                       .toJson(QJsonDocument::Compact));
}

HttpResponse FakeGraph::authorize(const HttpRequest &request)
{
    // The browser step: a real user signs in and consents; here the configured user always does
    // (unless refused), and the browser is sent back to the app's loopback redirect.
    const QUrlQuery query(request.url);
    const auto item = [&query](const char *name) { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    const QUrl redirect(item("redirect_uri"));
    if (item("client_id") != m_clientId)
        return tokenError(400, "unauthorized_client", QStringLiteral("AADSTS700016: Application with identifier '%1' was not found.").arg(item("client_id")));
    if (redirect.scheme() != QLatin1String("http") || redirect.host() != QLatin1String("localhost"))
        return tokenError(400, "invalid_request", QStringLiteral("AADSTS50011: The redirect URI '%1' does not match.").arg(redirect.toString()));
    if (item("response_type") != QLatin1String("code") || item("code_challenge_method") != QLatin1String("S256") || item("code_challenge").size() < 43)
        return tokenError(400, "invalid_request", QStringLiteral("AADSTS9002325: Proof Key for Code Exchange is required."));
    QUrlQuery back;
    if (m_refuse) {
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        back.addQueryItem(QStringLiteral("error_description"), QStringLiteral("AADSTS65004: User declined to consent."));
    } else {
        const QString code = QUuid::createUuid().toString(QUuid::Id128);
        m_codes.insert(code, {item("code_challenge"), item("redirect_uri"), item("scope"), m_user});
        back.addQueryItem(QStringLiteral("code"), code);
    }
    back.addQueryItem(QStringLiteral("state"), item("state"));
    QUrl target = redirect;
    target.setQuery(back);
    HttpResponse r;
    r.status = 302;
    r.headers.append({"Location", target.toEncoded()});
    return r;
}

QString FakeGraph::issueToken(const QString &user)
{
    const QString token = QUuid::createUuid().toString(QUuid::Id128) + QUuid::createUuid().toString(QUuid::Id128);
    m_tokens.insert(token, QDateTime::currentDateTimeUtc().addSecs(m_limits.tokenLifetimeSeconds));
    if (!user.isEmpty())
        m_tokenUser.insert(token, user);
    return token;
}

HttpResponse FakeGraph::delegatedToken(const QUrlQuery &form)
{
    const auto item = [&form](const char *name) { return form.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    if (item("client_id") != m_clientId)
        return tokenError(400, "unauthorized_client", QStringLiteral("AADSTS700016: Application with identifier '%1' was not found.").arg(item("client_id")));
    if (!item("client_secret").isEmpty())
        return tokenError(401, "invalid_client", QStringLiteral("AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented."));
    QString user;
    QString scope;
    if (item("grant_type") == QLatin1String("authorization_code")) {
        const auto it = m_codes.constFind(item("code"));
        if (it == m_codes.constEnd())
            return tokenError(400, "invalid_grant", QStringLiteral("AADSTS70008: The provided authorization code or refresh token has expired or was already used."));
        const PendingCode pending = *it;
        m_codes.remove(item("code")); // one use only
        const QByteArray challenge = QCryptographicHash::hash(item("code_verifier").toLatin1(), QCryptographicHash::Sha256)
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (item("code_verifier").size() < 43 || QString::fromLatin1(challenge) != pending.challenge)
            return tokenError(400, "invalid_grant", QStringLiteral("AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request."));
        if (item("redirect_uri") != pending.redirectUri)
            return tokenError(400, "invalid_grant", QStringLiteral("AADSTS70000: The redirect URI does not match the one the code was issued for."));
        user = pending.user;
        scope = pending.scope;
        ++m_codeGrants;
    } else {
        const auto it = m_refreshTokens.constFind(item("refresh_token"));
        if (it == m_refreshTokens.constEnd())
            return tokenError(400, "invalid_grant", QStringLiteral("AADSTS70008: The provided authorization code or refresh token has expired or was already used."));
        user = *it;
        m_refreshTokens.remove(item("refresh_token")); // rotated: the old one stops working
        scope = item("scope");
        ++m_refreshGrants;
    }
    QJsonObject answer{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), m_limits.tokenLifetimeSeconds},
                       {QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/Mail.Send")},
                       {QStringLiteral("access_token"), issueToken(user)}};
    if (scope.split(u' ').contains(QStringLiteral("offline_access"))) {
        const QString refresh = QUuid::createUuid().toString(QUuid::Id128);
        m_refreshTokens.insert(refresh, user);
        answer.insert(QStringLiteral("refresh_token"), refresh);
    }
    return HttpResponse::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

HttpResponse FakeGraph::sendMail(const QString &mailbox, const HttpRequest &request)
{
    Message message;
    message.mailbox = mailbox;
    message.at = QDateTime::currentDateTimeUtc();
    bool saveToSent = true;
    if (request.header("content-type").startsWith("text/plain")) {
        // MIME: the body is the message in base64.
        const auto decoded = QByteArray::fromBase64Encoding(request.body.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty() || !decoded.decoded.contains(':'))
            return error(400, "ErrorMimeContentInvalidBase64String", QStringLiteral("Invalid base64 string for MIME content."));
        message.via = QStringLiteral("mime");
        message.mime = decoded.decoded;
        const auto headers = mimeHeaders(message.mime);
        for (const char *field : {"to", "cc", "bcc"})
            message.recipients << addresses(headers.value(field));
        message.recipients.removeAll(QString());
        message.subject = QString::fromUtf8(headers.value("subject"));
        message.internetMessageId = QString::fromUtf8(headers.value("message-id"));
        if (message.recipients.isEmpty())
            return error(400, "ErrorInvalidRecipients", QStringLiteral("At least one recipient is not valid."));
    } else {
        QJsonParseError parseError;
        const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || !body.value(QStringLiteral("message")).isObject())
            return error(400, "RequestBodyRead", QStringLiteral("Cannot read the request body."));
        const QJsonObject m = body.value(QStringLiteral("message")).toObject();
        if (m.contains(QStringLiteral("internetMessageHeaders"))) {
            const QJsonArray headers = m.value(QStringLiteral("internetMessageHeaders")).toArray();
            if (headers.isEmpty() || headers.size() > 5)
                return error(400, "InvalidInternetMessageHeaderCollection",
                             QStringLiteral("Maximum number of headers in one message should be less than or equal to 5."));
            for (const QJsonValue &h : headers) {
                const QString name = h.toObject().value(QStringLiteral("name")).toString();
                if (!name.startsWith(QLatin1String("x-"), Qt::CaseInsensitive))
                    return error(400, "InvalidInternetMessageHeader",
                                 QStringLiteral("The internet message header name '%1' should start with 'x-' or 'X-'.").arg(name));
            }
        }
        message.via = QStringLiteral("json");
        message.json = m;
        message.recipients = recipientsOf(m);
        message.subject = m.value(QStringLiteral("subject")).toString();
        message.internetMessageId = QStringLiteral("<%1@fake.graph>").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        saveToSent = body.value(QStringLiteral("saveToSentItems")).toBool(true);
        if (message.recipients.isEmpty())
            return error(400, "ErrorInvalidRecipients", QStringLiteral("At least one recipient is not valid."));
    }
    accept(message);
    if (saveToSent) {
        QJsonObject sent = message.json;
        sent.insert(QStringLiteral("id"), QStringLiteral("AAMk-%1").arg(m_nextId++));
        sent.insert(QStringLiteral("internetMessageId"), message.internetMessageId);
        sent.insert(QStringLiteral("subject"), message.subject);
        m_sentItems[mailbox].append(sent);
    }
    HttpResponse r;
    r.status = 202;
    return r;
}

HttpResponse FakeGraph::createDraft(const QString &mailbox, const HttpRequest &request)
{
    QJsonObject draft;
    QByteArray mime;
    if (request.header("content-type").startsWith("text/plain")) {
        // A draft from a MIME message (base64), headers and all.
        const auto decoded = QByteArray::fromBase64Encoding(request.body.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty() || !decoded.decoded.contains(':'))
            return error(400, "ErrorMimeContentInvalidBase64String", QStringLiteral("Invalid base64 string for MIME content."));
        mime = decoded.decoded;
        const auto headers = mimeHeaders(mime);
        QJsonArray to;
        for (const char *field : {"to", "cc", "bcc"})
            for (const QString &address : addresses(headers.value(field)))
                if (!address.isEmpty())
                    to.append(QJsonObject{{QStringLiteral("emailAddress"), QJsonObject{{QStringLiteral("address"), address}}}});
        draft.insert(QStringLiteral("toRecipients"), to);
        draft.insert(QStringLiteral("subject"), QString::fromUtf8(headers.value("subject")));
        if (headers.contains("message-id"))
            draft.insert(QStringLiteral("internetMessageId"), QString::fromUtf8(headers.value("message-id")));
    } else {
        QJsonParseError parseError;
        draft = QJsonDocument::fromJson(request.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return error(400, "RequestBodyRead", QStringLiteral("Cannot read the request body."));
    }
    const QString id = QStringLiteral("AAMk-%1").arg(m_nextId++);
    draft.insert(QStringLiteral("id"), id);
    draft.insert(QStringLiteral("isDraft"), true);
    if (!draft.contains(QStringLiteral("internetMessageId"))) // settable while a draft [contracts 1.4]
        draft.insert(QStringLiteral("internetMessageId"), QStringLiteral("<%1@fake.graph>").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    draft.insert(QStringLiteral("mailbox"), mailbox);
    m_drafts.insert(id, draft);
    if (!mime.isEmpty())
        m_draftMime.insert(id, mime);
    return HttpResponse::json(201, QJsonDocument(draft).toJson(QJsonDocument::Compact));
}

HttpResponse FakeGraph::sendDraft(const QString &mailbox, const QString &id)
{
    const auto it = m_drafts.find(id);
    if (it == m_drafts.end() || it->value(QStringLiteral("mailbox")).toString() != mailbox)
        return error(404, "ErrorItemNotFound", QStringLiteral("The specified object was not found in the store."));
    QJsonObject sent = *it;
    m_drafts.erase(it);
    Message message;
    message.mailbox = mailbox;
    message.via = QStringLiteral("draft");
    message.json = sent;
    message.recipients = recipientsOf(sent);
    message.subject = sent.value(QStringLiteral("subject")).toString();
    message.internetMessageId = sent.value(QStringLiteral("internetMessageId")).toString();
    message.mime = m_draftMime.take(id);
    message.at = QDateTime::currentDateTimeUtc();
    if (message.recipients.isEmpty())
        return error(400, "ErrorInvalidRecipients", QStringLiteral("At least one recipient is not valid."));
    accept(message);
    // The message gets a new id when it moves to Sent Items [contracts 1.4].
    sent.insert(QStringLiteral("id"), QStringLiteral("AAMk-%1").arg(m_nextId++));
    sent.insert(QStringLiteral("isDraft"), false);
    m_sentItems[mailbox].append(sent);
    HttpResponse r;
    r.status = 202;
    return r;
}

HttpResponse FakeGraph::sentItems(const QString &mailbox, const HttpRequest &request) const
{
    // The two look-ups a client needs to reconcile: by internetMessageId, or by a tagging extended
    // property, as `$filter` expressions.
    const QString filter = QUrlQuery(request.url).queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    static const QRegularExpression byId(QStringLiteral(R"(^internetMessageId eq '((?:[^']|'')*)'$)"));
    static const QRegularExpression byProperty(
        QStringLiteral(R"(^singleValueExtendedProperties/any\(ep:\s*ep/id eq '((?:[^']|'')*)' and ep/value eq '((?:[^']|'')*)'\)$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto id = byId.match(filter);
    const auto property = byProperty.match(filter);
    if (!id.hasMatch() && !property.hasMatch())
        return error(400, "BadRequest", QStringLiteral("Invalid filter clause: %1").arg(filter));
    QJsonArray value;
    for (const QJsonObject &m : m_sentItems.value(mailbox)) {
        bool match = false;
        if (id.hasMatch()) {
            match = m.value(QStringLiteral("internetMessageId")).toString() == id.captured(1).replace(QStringLiteral("''"), QStringLiteral("'"));
        } else {
            for (const QJsonValue &ep : m.value(QStringLiteral("singleValueExtendedProperties")).toArray())
                match = match
                        || (ep.toObject().value(QStringLiteral("id")).toString().compare(property.captured(1), Qt::CaseInsensitive) == 0
                            && ep.toObject().value(QStringLiteral("value")).toString() == property.captured(2).replace(QStringLiteral("''"), QStringLiteral("'")));
        }
        if (match)
            value.append(QJsonObject{{QStringLiteral("id"), m.value(QStringLiteral("id"))},
                                     {QStringLiteral("internetMessageId"), m.value(QStringLiteral("internetMessageId"))},
                                     {QStringLiteral("subject"), m.value(QStringLiteral("subject"))}});
    }
    return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("value"), value}}).toJson(QJsonDocument::Compact));
}

void FakeGraph::accept(const Message &message)
{
    m_accepted.append(message);
    for (const QString &to : message.recipients)
        m_mailboxes.messageAccepted(message.mailbox, to, message.internetMessageId, message.subject);
}

HttpResponse FakeGraph::control(const HttpRequest &request)
{
    const QString path = request.url.path();
    const QString mailboxParam = QUrlQuery(request.url).queryItemValue(QStringLiteral("mailbox"), QUrl::FullyDecoded).toLower();
    if (path == QLatin1String("/_fake/inbox") && request.method == "POST") {
        const QString received = QUrlQuery(request.url).queryItemValue(QStringLiteral("received"), QUrl::FullyDecoded);
        const QDateTime at = received.isEmpty() ? QDateTime::currentDateTimeUtc() : QDateTime::fromString(received, Qt::ISODate);
        if (mailboxParam.isEmpty() || request.body.isEmpty() || !at.isValid())
            return HttpResponse::json(400, R"({"error":"mailbox, a body and a valid received time"})");
        const QString id = m_mailboxes.deliver(mailboxParam, request.body, at);
        return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("id"), id}}).toJson(QJsonDocument::Compact));
    }
    if (path == QLatin1String("/_fake/inbox") && request.method == "GET")
        return HttpResponse::json(200, QJsonDocument(m_mailboxes.stats(mailboxParam)).toJson(QJsonDocument::Compact));
    if (path == QLatin1String("/_fake/inbox/forget") && request.method == "POST") {
        m_mailboxes.forgetRounds();
        return HttpResponse::json(200, "{}");
    }
    if (path == QLatin1String("/_fake/bounces") && request.method == "POST") {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        QSet<QString> hard, soft;
        for (const QJsonValue &v : o.value(QStringLiteral("hard")).toArray())
            hard.insert(v.toString());
        for (const QJsonValue &v : o.value(QStringLiteral("soft")).toArray())
            soft.insert(v.toString());
        m_mailboxes.setBounces(hard, soft);
        return HttpResponse::json(200, "{}");
    }
    if (path == QLatin1String("/_fake/mail-permissions") && request.method == "POST") {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        m_mailboxes.setPermissions(o.value(QStringLiteral("read")).toBool(true), o.value(QStringLiteral("write")).toBool(true));
        return HttpResponse::json(200, "{}");
    }
    if (path == QLatin1String("/_fake/messages")) {
        QJsonArray out;
        for (const Message &m : std::as_const(m_accepted))
            out.append(QJsonObject{{QStringLiteral("mailbox"), m.mailbox},
                                   {QStringLiteral("via"), m.via},
                                   {QStringLiteral("recipients"), QJsonArray::fromStringList(m.recipients)},
                                   {QStringLiteral("subject"), m.subject},
                                   {QStringLiteral("internetMessageId"), m.internetMessageId},
                                   {QStringLiteral("at"), m.at.toString(Qt::ISODateWithMs)}});
        return HttpResponse::json(200, QJsonDocument(out).toJson(QJsonDocument::Compact));
    }
    if (path == QLatin1String("/_fake/stats")) {
        QJsonObject inFlight;
        for (auto it = m_inFlight.constBegin(); it != m_inFlight.constEnd(); ++it)
            inFlight.insert(it.key(), it.value());
        return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("requests"), m_requests},
                                                                 {QStringLiteral("accepted"), int(m_accepted.size())},
                                                                 {QStringLiteral("limit_throttles"), m_limitThrottles},
                                                                 {QStringLiteral("in_flight"), inFlight}})
                                           .toJson(QJsonDocument::Compact));
    }
    if (path == QLatin1String("/_fake/expire-tokens") && request.method == "POST") {
        expireTokens();
        return HttpResponse::json(200, "{}");
    }
    if (path == QLatin1String("/_fake/faults") && request.method == "POST") {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        Faults f;
        f.serviceUnavailable = o.value(QStringLiteral("serviceUnavailable")).toDouble();
        f.throttled = o.value(QStringLiteral("throttled")).toDouble();
        f.dropConnection = o.value(QStringLiteral("dropConnection")).toDouble();
        f.loseAnswer = o.value(QStringLiteral("loseAnswer")).toDouble();
        f.latencyMs = o.value(QStringLiteral("latencyMs")).toInt(5);
        f.slow = o.value(QStringLiteral("slow")).toDouble();
        f.slowMs = o.value(QStringLiteral("slowMs")).toInt();
        setFaults(f);
        return HttpResponse::json(200, "{}");
    }
    return HttpResponse::json(404, "{}");
}

} // namespace lux::fakes
