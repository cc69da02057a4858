// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemailbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace lux::fakes {

namespace {

HttpResponse graphError(int status, const char *code, const QString &message)
{
    const QJsonObject inner{{QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                            {QStringLiteral("request-id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    return HttpResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                                                                       {QStringLiteral("message"), message},
                                                                                                       {QStringLiteral("innerError"), inner}}}})
                                          .toJson(QJsonDocument::Compact));
}

HttpResponse accessDenied()
{
    return graphError(403, "ErrorAccessDenied", QStringLiteral("Access is denied. Check credentials and try again."));
}

HttpResponse notFound()
{
    return graphError(404, "ErrorItemNotFound", QStringLiteral("The specified object was not found in the store."));
}

// Round state travels inside the links, as Graph's does: base64url of a small JSON object.
QString encodeState(const QJsonObject &state)
{
    return QString::fromLatin1(QJsonDocument(state).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QJsonObject> decodeState(const QString &token)
{
    const auto bytes = QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString isoMs(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

QString FakeMailboxes::deliver(const QString &mailbox, const QByteArray &mime, const QDateTime &received)
{
    Item item;
    item.id = QStringLiteral("AAMkInbox-%1").arg(m_nextId++);
    item.received = received.toUTC();
    item.mime = mime;
    item.createdSeq = item.changedSeq = ++m_seq;
    m_items[mailbox.toLower()].append(item);
    return item.id;
}

void FakeMailboxes::setBounces(const QSet<QString> &hard, const QSet<QString> &soft)
{
    m_hard.clear();
    m_soft.clear();
    for (const QString &a : hard)
        m_hard.insert(a.toLower());
    for (const QString &a : soft)
        m_soft.insert(a.toLower());
}

void FakeMailboxes::messageAccepted(const QString &mailbox, const QString &recipient, const QString &internetMessageId, const QString &subject)
{
    const QString to = recipient.toLower();
    const bool hard = m_hard.contains(to);
    if (!hard && !m_soft.contains(to))
        return;
    // Exchange Online's NDR: multipart/report with a readable part, the delivery status and the
    // original message's headers.
    const QString domain = mailbox.section(u'@', 1);
    const QString status = hard ? QStringLiteral("5.1.1") : QStringLiteral("4.2.2");
    const QString diagnostic = hard ? QStringLiteral("smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found")
                                    : QStringLiteral("smtp; 452 4.2.2 Mailbox full");
    const QString boundary = QStringLiteral("b-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000"));
    QString m;
    m += QStringLiteral("From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@%1>\r\n").arg(domain);
    m += QStringLiteral("To: <%1>\r\n").arg(mailbox);
    m += QStringLiteral("Date: %1\r\n").arg(date);
    m += QStringLiteral("Subject: %1: %2\r\n").arg(hard ? QStringLiteral("Undeliverable") : QStringLiteral("Delivery delayed"), subject);
    m += QStringLiteral("Message-ID: <%1@%2>\r\n").arg(QUuid::createUuid().toString(QUuid::WithoutBraces), domain);
    m += QStringLiteral("Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n");
    m += QStringLiteral("Content-Type: multipart/report; report-type=delivery-status; boundary=\"%1\"\r\n\r\n").arg(boundary);
    m += QStringLiteral("--%1\r\nContent-Type: text/plain; charset=\"us-ascii\"\r\n\r\n").arg(boundary);
    m += hard ? QStringLiteral("Your message to %1 couldn't be delivered.\r\n%1 wasn't found at %2.\r\n").arg(to, to.section(u'@', 1))
              : QStringLiteral("Delivery to %1 has been delayed. The mailbox is full.\r\n").arg(to);
    m += QStringLiteral("\r\n--%1\r\nContent-Type: message/delivery-status\r\n\r\n").arg(boundary);
    m += QStringLiteral("Reporting-MTA: dns;AM0PR01MB0001.eurprd01.prod.outlook.com\r\n\r\n");
    m += QStringLiteral("Final-Recipient: rfc822;%1\r\nAction: %2\r\nStatus: %3\r\nDiagnostic-Code: %4\r\n")
             .arg(to, hard ? QStringLiteral("failed") : QStringLiteral("delayed"), status, diagnostic);
    m += QStringLiteral("\r\n--%1\r\nContent-Type: text/rfc822-headers\r\n\r\n").arg(boundary);
    m += QStringLiteral("From: <%1>\r\nTo: <%2>\r\nSubject: %3\r\nMessage-ID: %4\r\n").arg(mailbox, to, subject, internetMessageId);
    m += QStringLiteral("\r\n--%1--\r\n").arg(boundary);
    deliver(mailbox, m.toUtf8());
}

FakeMailboxes::Item *FakeMailboxes::find(const QString &mailbox, const QString &id)
{
    QList<Item> &items = m_items[mailbox];
    const auto it = std::find_if(items.begin(), items.end(), [&](const Item &i) { return i.id == id; });
    return it == items.end() ? nullptr : &*it;
}

std::optional<HttpResponse> FakeMailboxes::handle(const QString &mailbox, const QString &routePrefix, const QString &rest,
                                                  const HttpRequest &request, const QUrl &baseUrl)
{
    static const QRegularExpression deltaRoute(QStringLiteral(R"(^/mailFolders(?:/inbox|\('inbox'\))/messages/delta$)"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression valueRoute(QStringLiteral(R"(^/messages/([^/]+)/\$value$)"));
    static const QRegularExpression messageRoute(QStringLiteral(R"(^/messages/([^/]+)$)"));
    static const QRegularExpression moveRoute(QStringLiteral(R"(^/messages/([^/]+)/move$)"));
    const bool isDelta = deltaRoute.match(rest).hasMatch();
    const auto value = valueRoute.match(rest);
    const auto message = messageRoute.match(rest);
    const auto move = moveRoute.match(rest);
    const bool folders = rest == QLatin1String("/mailFolders");
    const bool reads = (isDelta || value.hasMatch() || folders) && request.method == "GET";
    const bool writes = (message.hasMatch() && request.method == "PATCH") || (move.hasMatch() && request.method == "POST")
                        || (folders && request.method == "POST");
    if (!reads && !writes)
        return std::nullopt;
    // Mail.Read lets a client read; marking and moving take Mail.ReadWrite.
    if (!m_readAllowed || (writes && !m_writeAllowed))
        return accessDenied();
    if (isDelta)
        return delta(mailbox, routePrefix, request, baseUrl);
    if (value.hasMatch()) {
        const QString id = QUrl::fromPercentEncoding(value.captured(1).toUtf8());
        const Item *item = find(mailbox, id);
        if (!item)
            return notFound();
        ++m_fetches[id];
        HttpResponse r;
        r.status = 200;
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
        r.body = item->mime;
        return r;
    }
    if (message.hasMatch()) {
        Item *item = find(mailbox, QUrl::fromPercentEncoding(message.captured(1).toUtf8()));
        if (!item)
            return notFound();
        const QJsonObject patch = QJsonDocument::fromJson(request.body).object();
        if (patch.contains(QStringLiteral("isRead"))) {
            item->isRead = patch.value(QStringLiteral("isRead")).toBool();
            item->changedSeq = ++m_seq;
            ++m_marks;
        }
        return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("id"), item->id}, {QStringLiteral("isRead"), item->isRead}})
                                           .toJson(QJsonDocument::Compact));
    }
    if (move.hasMatch()) {
        Item *item = find(mailbox, QUrl::fromPercentEncoding(move.captured(1).toUtf8()));
        if (!item)
            return notFound();
        const QString destination = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("destinationId")).toString();
        const QHash<QString, QString> &known = m_folders[mailbox];
        if (destination.isEmpty() || (!known.values().contains(destination) && destination.compare(QLatin1String("inbox"), Qt::CaseInsensitive) != 0))
            return graphError(400, "ErrorInvalidIdMalformed", QStringLiteral("Id is malformed."));
        if (item->folder == QLatin1String("inbox"))
            m_removed[mailbox].append({++m_seq, item->id});
        // A moved message has a new id (provider-contracts.md §1.9).
        item->id = QStringLiteral("AAMkMoved-%1").arg(m_nextId++);
        item->folder = destination;
        item->changedSeq = ++m_seq;
        ++m_moves;
        return HttpResponse::json(201, QJsonDocument(QJsonObject{{QStringLiteral("id"), item->id}, {QStringLiteral("parentFolderId"), destination}})
                                           .toJson(QJsonDocument::Compact));
    }
    // Mail folders: found by display name, or made.
    QHash<QString, QString> &known = m_folders[mailbox];
    if (request.method == "POST") {
        const QString name = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("displayName")).toString();
        if (name.isEmpty())
            return graphError(400, "ErrorInvalidRequest", QStringLiteral("The displayName is required."));
        if (known.contains(name.toLower()))
            return graphError(409, "ErrorFolderExists", QStringLiteral("A folder with the specified name already exists."));
        const QString id = QStringLiteral("AAMkFolder-%1").arg(m_nextId++);
        known.insert(name.toLower(), id);
        return HttpResponse::json(201, QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("displayName"), name}})
                                           .toJson(QJsonDocument::Compact));
    }
    const QString filter = QUrlQuery(request.url).queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    static const QRegularExpression byName(QStringLiteral(R"(^displayName eq '((?:[^']|'')*)'$)"));
    const auto named = byName.match(filter);
    QJsonArray out;
    for (auto it = known.constBegin(); it != known.constEnd(); ++it)
        if (!named.hasMatch() || it.key() == named.captured(1).replace(QStringLiteral("''"), QStringLiteral("'")).toLower())
            out.append(QJsonObject{{QStringLiteral("id"), it.value()}, {QStringLiteral("displayName"), it.key()}});
    return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("value"), out}}).toJson(QJsonDocument::Compact));
}

HttpResponse FakeMailboxes::delta(const QString &mailbox, const QString &routePrefix, const HttpRequest &request, const QUrl &baseUrl)
{
    const QUrlQuery query(request.url);
    int pageSize = 10;
    static const QRegularExpression maxPage(QStringLiteral(R"(odata\.maxpagesize=(\d+))"));
    if (const auto m = maxPage.match(QString::fromLatin1(request.header("prefer"))); m.hasMatch())
        pageSize = std::clamp(m.captured(1).toInt(), 1, 1000);

    // The round: a new one (options on the request), a page of one (skip token), or the changes
    // since the last (delta token).
    QJsonObject state;
    const QString skip = query.queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded);
    const QString deltaToken = query.queryItemValue(QStringLiteral("$deltatoken"), QUrl::FullyDecoded);
    if (!skip.isEmpty() || !deltaToken.isEmpty()) {
        const auto decoded = decodeState(skip.isEmpty() ? deltaToken : skip);
        if (!decoded || decoded->value(QStringLiteral("m")).toString() != mailbox)
            return graphError(400, "BadRequest", QStringLiteral("The skip or delta token is not valid."));
        state = *decoded;
        if (state.value(QStringLiteral("to")).toInteger() < m_forgottenBefore)
            return graphError(410, "SyncStateNotFound", QStringLiteral("The sync state generation is not found."));
        if (!deltaToken.isEmpty()) { // the next round starts where that one ended
            state.insert(QStringLiteral("from"), state.value(QStringLiteral("to")));
            state.insert(QStringLiteral("to"), m_seq);
            state.insert(QStringLiteral("o"), 0);
        }
    } else {
        qint64 since = 0;
        const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
        if (!filter.isEmpty()) {
            static const QRegularExpression ge(QStringLiteral(R"(^receivedDateTime (ge|gt) (\S+)$)"));
            const auto m = ge.match(filter);
            const QDateTime at = m.hasMatch() ? QDateTime::fromString(m.captured(2), Qt::ISODate) : QDateTime();
            if (!at.isValid())
                return graphError(400, "ErrorInvalidUrlQueryFilter", QStringLiteral("The query filter contains one or more invalid nodes."));
            since = at.toMSecsSinceEpoch() + (m.captured(1) == QLatin1String("gt") ? 1 : 0);
        }
        const QString changeType = query.queryItemValue(QStringLiteral("changeType"));
        state = QJsonObject{{QStringLiteral("m"), mailbox},
                            {QStringLiteral("from"), -1},
                            {QStringLiteral("to"), m_seq},
                            {QStringLiteral("o"), 0},
                            {QStringLiteral("since"), since},
                            {QStringLiteral("created"), changeType == QLatin1String("created")}};
    }
    const qint64 from = state.value(QStringLiteral("from")).toInteger();
    const qint64 to = state.value(QStringLiteral("to")).toInteger();
    const qint64 since = state.value(QStringLiteral("since")).toInteger();
    const bool createdOnly = state.value(QStringLiteral("created")).toBool();
    const int offset = state.value(QStringLiteral("o")).toInt();

    // The rows of this round, in a stable order: messages, then removals.
    QJsonArray rows;
    for (const Item &item : std::as_const(m_items[mailbox])) {
        if (item.folder != QLatin1String("inbox") || item.received.toMSecsSinceEpoch() < since)
            continue;
        const bool inRound = from < 0 ? item.createdSeq <= to
                                      : (createdOnly ? item.createdSeq > from && item.createdSeq <= to
                                                     : item.changedSeq > from && item.changedSeq <= to);
        if (inRound)
            rows.append(QJsonObject{{QStringLiteral("id"), item.id},
                                    {QStringLiteral("receivedDateTime"), isoMs(item.received)},
                                    {QStringLiteral("isRead"), item.isRead}});
    }
    if (from >= 0 && !createdOnly)
        for (const auto &[seq, id] : std::as_const(m_removed[mailbox]))
            if (seq > from && seq <= to)
                rows.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("@removed"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("changed")}}}});

    QJsonArray page;
    for (int i = offset; i < rows.size() && i < offset + pageSize; ++i)
        page.append(rows.at(i));
    QJsonObject body{{QStringLiteral("value"), page}};
    QUrl link = baseUrl;
    link.setPath(routePrefix + QStringLiteral("/mailFolders/inbox/messages/delta"));
    QUrlQuery next;
    if (offset + pageSize < rows.size()) {
        QJsonObject more = state;
        more.insert(QStringLiteral("o"), offset + pageSize);
        next.addQueryItem(QStringLiteral("$skiptoken"), encodeState(more));
        link.setQuery(next);
        body.insert(QStringLiteral("@odata.nextLink"), link.toString(QUrl::FullyEncoded));
    } else {
        QJsonObject done = state;
        done.insert(QStringLiteral("o"), 0);
        next.addQueryItem(QStringLiteral("$deltatoken"), encodeState(done));
        link.setQuery(next);
        body.insert(QStringLiteral("@odata.deltaLink"), link.toString(QUrl::FullyEncoded));
    }
    return HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject FakeMailboxes::stats(const QString &mailbox) const
{
    QJsonArray items;
    int unread = 0;
    int maxFetches = 0;
    for (const Item &i : m_items.value(mailbox.toLower())) {
        items.append(QJsonObject{{QStringLiteral("id"), i.id}, {QStringLiteral("folder"), i.folder}, {QStringLiteral("isRead"), i.isRead}});
        if (i.folder == QLatin1String("inbox") && !i.isRead)
            ++unread;
    }
    for (auto it = m_fetches.constBegin(); it != m_fetches.constEnd(); ++it)
        maxFetches = std::max(maxFetches, it.value());
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("unread_in_inbox"), unread},
                       {QStringLiteral("marks"), m_marks},
                       {QStringLiteral("moves"), m_moves},
                       {QStringLiteral("max_value_fetches"), maxFetches}};
}

} // namespace lux::fakes
