// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketwilio.h"

#include "twilio/signature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace lux::fakes {

namespace {

const QString kApiVersion = QStringLiteral("2010-04-01");

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Twilio's REST error body.
HttpResponse twilioError(int status, int code, const QString &message)
{
    return HttpResponse::json(status, compact(QJsonObject{{QStringLiteral("code"), code},
                                                          {QStringLiteral("message"), message},
                                                          {QStringLiteral("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                                                          {QStringLiteral("status"), status}}));
}

HttpResponse authError()
{
    HttpResponse r = twilioError(401, 20003, QStringLiteral("Authenticate"));
    r.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Basic realm=\"Twilio API\""));
    return r;
}

HttpResponse notFound(const QString &path)
{
    return twilioError(404, 20404, QStringLiteral("The requested resource %1 was not found").arg(path));
}

// RFC 2822 in GMT, as every Twilio date field is written.
QJsonValue rfc2822(const QDateTime &at)
{
    if (!at.isValid())
        return QJsonValue::Null;
    return QString(QLocale::c().toString(at.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) + QStringLiteral(" +0000"));
}

QString errorMessage(int code)
{
    switch (code) {
    case 30003: return QStringLiteral("Unreachable destination handset");
    case 30004: return QStringLiteral("Message blocked");
    case 30005: return QStringLiteral("Unknown destination handset");
    case 30006: return QStringLiteral("Landline or unreachable carrier");
    case 30007: return QStringLiteral("Message filtered");
    case 30008: return QStringLiteral("Unknown error");
    default: return QStringLiteral("Error %1").arg(code);
    }
}

bool isE164(const QString &number)
{
    static const QRegularExpression e164(QStringLiteral(R"(^\+[1-9][0-9]{1,14}$)"));
    return e164.match(number).hasMatch();
}

// A sender Twilio would read: an E.164 number, a short code, or an alphanumeric sender ID.
bool isSenderShaped(const QString &from)
{
    static const QRegularExpression shortCode(QStringLiteral(R"(^[0-9]{3,8}$)"));
    static const QRegularExpression alpha(QStringLiteral(R"(^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$)"));
    return isE164(from) || shortCode.match(from).hasMatch() || alpha.match(from).hasMatch();
}

bool isServiceSid(const QString &s)
{
    static const QRegularExpression mg(QStringLiteral(R"(^MG[0-9a-fA-F]{32}$)"));
    return mg.match(s).hasMatch();
}

// GSM 03.38: the basic set costs one septet, the extension table (behind an escape) two.
bool gsmBasic(char16_t c)
{
    static const QString basic = QStringLiteral(u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                                                 u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    return basic.contains(QChar(c));
}

bool gsmExtension(char16_t c)
{
    return c == u'\f' || c == u'^' || c == u'{' || c == u'}' || c == u'\\' || c == u'[' || c == u'~' || c == u']' || c == u'|'
           || c == u'€';
}

QString formatPrice(double amount)
{
    return QString::number(amount, 'f', 5);
}

QByteArray basicUser(const QByteArray &header, QByteArray *password)
{
    if (!header.startsWith("Basic "))
        return {};
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return {};
    *password = decoded.mid(colon + 1);
    return decoded.left(colon);
}

} // namespace

int FakeTwilio::segments(const QString &body)
{
    bool gsm = true;
    for (const QChar c : body)
        gsm = gsm && (gsmBasic(c.unicode()) || gsmExtension(c.unicode()));
    if (gsm) {
        int septets = 0;
        for (const QChar c : body)
            septets += gsmExtension(c.unicode()) ? 2 : 1;
        if (septets <= 160)
            return 1;
        // Concatenated: 153 septets a part, and an escape pair stays in one part.
        int parts = 1, used = 0;
        for (const QChar c : body) {
            const int cost = gsmExtension(c.unicode()) ? 2 : 1;
            if (used + cost > 153) {
                ++parts;
                used = 0;
            }
            used += cost;
        }
        return parts;
    }
    // UCS-2: UTF-16 units, 70 alone, 67 a part, and a surrogate pair stays in one part.
    if (body.size() <= 70)
        return 1;
    int parts = 1, used = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const int cost = body.at(i).isHighSurrogate() && i + 1 < body.size() && body.at(i + 1).isLowSurrogate() ? 2 : 1;
        if (used + cost > 67) {
            ++parts;
            used = 0;
        }
        used += cost;
        i += cost - 1;
    }
    return parts;
}

FakeTwilio::Rule FakeTwilio::parseRule(const QString &text)
{
    const QString kind = text.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
    const int code = text.section(QLatin1Char(':'), 1, 1).toInt();
    Rule r;
    if (kind == QLatin1String("landline"))
        r.kind = Rule::Landline;
    else if (kind == QLatin1String("unsubscribed"))
        r.kind = Rule::Unsubscribed;
    else if (kind == QLatin1String("blocked_region"))
        r.kind = Rule::BlockedRegion;
    else if (kind == QLatin1String("unroutable"))
        r.kind = Rule::Unroutable;
    else if (kind == QLatin1String("undelivered"))
        r = {Rule::Undelivered, code ? code : 30003};
    else if (kind == QLatin1String("failed"))
        r = {Rule::Failed, code ? code : 30008};
    return r;
}

FakeTwilio::FakeTwilio(QObject *parent)
    : QObject(parent), m_http([this](HttpExchange *e) { handle(e); }, this), m_nam(new QNetworkAccessManager(this))
{
    reset(true);
}

FakeTwilio::~FakeTwilio() = default;

bool FakeTwilio::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port);
}

void FakeTwilio::setCredentials(const QString &accountSid, const QString &authToken)
{
    m_accountSid = accountSid;
    m_authToken = authToken;
}

void FakeTwilio::setNumbers(const QStringList &numbers)
{
    m_numbers = QSet<QString>(numbers.begin(), numbers.end());
}

void FakeTwilio::reset(bool config)
{
    ++m_generation;
    m_messages.clear();
    m_bySid.clear();
    m_byTo.clear();
    m_copies.clear();
    m_senders.clear();
    m_callbacks.clear();
    m_stats = {};
    m_next.clear();
    if (!config)
        return;
    m_accountSid = QStringLiteral("ACf00dfeedf00dfeedf00dfeedf00dfeed");
    m_authToken = QStringLiteral("0123456789abcdef0123456789abcdef");
    m_apiKeys.clear();
    m_numbers = {QStringLiteral("+15005550006")};
    m_services.clear();
    m_services.insert(QStringLiteral("MGf00dfeedf00dfeedf00dfeedf00dfeed"), {QStringLiteral("+15005550006")});
    m_concurrency = 100;
    m_mps.clear();
    m_defaultMps = 0;
    m_pricePerSegment = QStringLiteral("0.00790");
    m_faults = {};
    m_random.seed(20261205);
    m_lifecycle = {};
    m_numberRules.clear();
    m_suffixRules.clear();
}

const FakeTwilio::Message *FakeTwilio::message(const QString &sid) const
{
    const auto it = m_bySid.constFind(sid);
    return it == m_bySid.constEnd() ? nullptr : &m_messages.at(*it);
}

int FakeTwilio::mpsViolations() const
{
    int total = 0;
    for (const Sender &s : m_senders)
        total += s.violations;
    return total;
}

bool FakeTwilio::authorized(const HttpRequest &request) const
{
    QByteArray password;
    const QString user = QString::fromUtf8(basicUser(request.header("authorization"), &password));
    if (user.isEmpty())
        return false;
    if (user == m_accountSid)
        return password == m_authToken.toUtf8();
    const auto key = m_apiKeys.constFind(user);
    return key != m_apiKeys.constEnd() && password == key->toUtf8();
}

// A fault of this kind for this request: first the counted ones the test asked for, then by share.
bool FakeTwilio::fault(const char *kind, double share)
{
    const QString name = QString::fromLatin1(kind);
    auto it = m_next.find(name);
    if (it != m_next.end() && *it > 0) {
        --*it;
        return true;
    }
    return share > 0 && m_random.generateDouble() < share;
}

void FakeTwilio::handle(HttpExchange *exchange)
{
    if (exchange->request().url.path().startsWith(QLatin1String("/_fake/"))) {
        if (exchange->request().url.path() == QLatin1String("/_fake/inbound") && exchange->request().method == "POST")
            inbound(exchange);
        else
            exchange->respond(control(exchange));
        return;
    }
    api(exchange);
}

void FakeTwilio::api(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    ++m_stats.requests;
    static const QRegularExpression path(QStringLiteral(R"(^/2010-04-01/Accounts/([^/]+)(/.*)$)"));
    const auto m = path.match(request.url.path());
    if (!authorized(request)) {
        exchange->respond(authError());
        return;
    }
    if (!m.hasMatch()) {
        exchange->respond(notFound(request.url.path()));
        return;
    }
    // Credentials of one account cannot reach another one's resources (20003, as Twilio answers).
    if (m.captured(1) != m_accountSid) {
        exchange->respond(authError());
        return;
    }
    // Twilio's concurrency limit is on the account's requests in flight; over it nothing is processed.
    if (m_inFlight >= m_concurrency) {
        ++m_stats.limit429;
        exchange->respond(twilioError(429, 20429, QStringLiteral("Too Many Requests")));
        return;
    }
    const bool isCreate = request.method == "POST" && m.captured(2) == QLatin1String("/Messages.json");
    const bool faulty = isCreate || !m_faults.createsOnly;
    if (faulty && fault("drop", m_faults.dropConnection)) {
        ++m_stats.dropped;
        exchange->drop();
        return;
    }
    if (faulty && fault("throttle", m_faults.throttled)) {
        ++m_stats.injected429;
        exchange->respond(twilioError(429, 20429, QStringLiteral("Too Many Requests")));
        return;
    }
    if (faulty && fault("server_error", m_faults.serverError)) {
        ++m_stats.serverErrors;
        // Alternate the two so a client meets both.
        exchange->respond(m_stats.serverErrors % 2 ? twilioError(500, 20500, QStringLiteral("Internal Server Error"))
                                                   : twilioError(503, 20503, QStringLiteral("Service Unavailable")));
        return;
    }
    const HttpResponse response = route(request, m.captured(2));
    const bool lose = faulty && fault("lose", m_faults.loseAnswer);
    const bool slow = faulty && fault("slow", m_faults.slow);
    if (lose)
        ++m_stats.lost;
    if (slow)
        ++m_stats.slow;
    ++m_inFlight;
    m_stats.peakInFlight = std::max(m_stats.peakInFlight, m_inFlight);
    const int delay = slow ? m_faults.slowMs : m_faults.latencyMs;
    const auto finish = [this, exchange, response, lose] {
        --m_inFlight;
        if (lose)
            exchange->drop(); // the message exists, the client never hears of it
        else
            exchange->respond(response);
    };
    if (delay <= 0)
        finish();
    else
        QTimer::singleShot(delay, exchange, finish);
}

HttpResponse FakeTwilio::route(const HttpRequest &request, const QString &rest)
{
    if (rest == QLatin1String("/Messages.json")) {
        if (request.method == "POST")
            return create(request);
        if (request.method == "GET")
            return list(request);
    }
    static const QRegularExpression one(QStringLiteral(R"(^/Messages/([^/]+)\.json$)"));
    const auto m = one.match(rest);
    if (m.hasMatch() && request.method == "GET") {
        const Message *found = message(m.captured(1));
        if (found)
            return HttpResponse::json(200, compact(toJson(*found)));
    }
    return notFound(request.url.path());
}

FakeTwilio::Rule FakeTwilio::ruleFor(const QString &to) const
{
    const auto exact = m_numberRules.constFind(to);
    if (exact != m_numberRules.constEnd())
        return *exact;
    for (auto it = m_suffixRules.constBegin(); it != m_suffixRules.constEnd(); ++it)
        if (to.endsWith(it.key()))
            return it.value();
    return {};
}

QString FakeTwilio::newSid(const char *prefix)
{
    QString sid = QString::fromLatin1(prefix);
    for (int i = 0; i < 4; ++i)
        sid += QStringLiteral("%1").arg(m_sids.generate(), 8, 16, QLatin1Char('0'));
    return sid;
}

QString FakeTwilio::messagesUri() const
{
    return QStringLiteral("/2010-04-01/Accounts/%1/Messages").arg(m_accountSid);
}

HttpResponse FakeTwilio::create(const HttpRequest &request)
{
    const twilio::FormParams form = twilio::parseForm(request.body);
    const auto value = [&form](const char *name) -> QString {
        for (const auto &[key, v] : form)
            if (key == QLatin1String(name))
                return v;
        return {};
    };
    const QString to = value("To").trimmed();
    QString from = value("From").trimmed();
    QString service = value("MessagingServiceSid").trimmed();
    const QString body = value("Body");
    const QString callbackUrl = value("StatusCallback");
    if (isServiceSid(from) && service.isEmpty()) { // a service SID may be given as From
        service = from;
        from.clear();
    }
    if (to.isEmpty())
        return twilioError(400, 21604, QStringLiteral("A 'To' phone number is required."));
    if (from.isEmpty() && service.isEmpty())
        return twilioError(400, 21603, QStringLiteral("A 'From' phone number is required."));
    if (body.isEmpty() && value("MediaUrl").isEmpty() && value("ContentSid").isEmpty())
        return twilioError(400, 21602, QStringLiteral("Message body is required."));
    if (body.toUcs4().size() > 1600)
        return twilioError(400, 21617, QStringLiteral("The concatenated message body exceeds the 1600 character limit."));
    if (!service.isEmpty() && !m_services.contains(service))
        return twilioError(400, 21701, QStringLiteral("The Messaging Service Sid %1 is invalid.").arg(service));
    if (!from.isEmpty()) {
        if (!isSenderShaped(from))
            return twilioError(400, 21212, QStringLiteral("The 'From' number %1 is not a valid phone number, shortcode, or alphanumeric sender ID.").arg(from));
        const bool inPool = !service.isEmpty() && m_services.value(service).contains(from);
        if (!m_numbers.contains(from) && !inPool)
            return twilioError(400, 21606,
                               QStringLiteral("The From phone number %1 is not a valid, SMS-capable inbound phone number or short code for your account.").arg(from));
    }
    if (!isE164(to))
        return twilioError(400, 21211, QStringLiteral("The 'To' number %1 is not a valid phone number.").arg(to));
    if (!callbackUrl.isEmpty()) {
        const QUrl url(callbackUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(QLatin1String("http")))
            return twilioError(400, 21609, QStringLiteral("The StatusCallback URL %1 is not a valid URL.").arg(callbackUrl));
    }
    const Rule rule = ruleFor(to);
    switch (rule.kind) {
    case Rule::Landline:
        return twilioError(400, 21614, QStringLiteral("'To' number %1 is not a valid mobile number").arg(to));
    case Rule::Unsubscribed:
        return twilioError(400, 21610, QStringLiteral("Attempt to send to unsubscribed recipient"));
    case Rule::BlockedRegion:
        return twilioError(400, 21408, QStringLiteral("Permission to send an SMS has not been enabled for the region indicated by the 'To' number: %1.").arg(to));
    case Rule::Unroutable:
        return twilioError(400, 21612, QStringLiteral("The 'To' phone number: %1, is not currently reachable using the 'From' phone number: %2 via SMS.")
                                           .arg(to, from.isEmpty() ? service : from));
    default: break;
    }

    Message m;
    m.sid = newSid("SM");
    m.from = from;
    m.to = to;
    m.body = body;
    m.messagingServiceSid = service;
    m.statusCallback = callbackUrl;
    // With a service and no From, Twilio accepts first and picks the sender later.
    m.status = !service.isEmpty() && from.isEmpty() ? QStringLiteral("accepted") : QStringLiteral("queued");
    m.numSegments = segments(body);
    m.created = m.updated = now();
    m.rule = rule;
    const qsizetype index = m_messages.size();
    m_messages.append(m);
    m_bySid.insert(m.sid, index);
    m_byTo[to].append(index);
    ++m_copies[to + QLatin1Char('\n') + body];
    ++m_stats.created;
    countSender(from.isEmpty() ? service : from, m.created);
    schedule(m.sid, m.status == QLatin1String("accepted") ? m_lifecycle.queuedMs : m_lifecycle.sendingMs);
    return HttpResponse::json(201, compact(toJson(m)));
}

void FakeTwilio::countSender(const QString &sender, const QDateTime &at)
{
    Sender &s = m_senders[sender];
    const qint64 second = at.toSecsSinceEpoch();
    if (s.second != second) {
        s.second = second;
        s.count = 0;
        s.flagged = false;
    }
    ++s.count;
    s.peak = std::max(s.peak, s.count);
    const int mps = m_mps.value(sender, m_defaultMps);
    if (mps > 0 && s.count > mps && !s.flagged) {
        s.flagged = true;
        ++s.violations;
    }
}

QJsonObject FakeTwilio::toJson(const Message &m) const
{
    const QString uri = messagesUri() + QLatin1Char('/') + m.sid;
    const bool final = !m.price.isEmpty();
    return QJsonObject{
        {QStringLiteral("account_sid"), m_accountSid},
        {QStringLiteral("api_version"), kApiVersion},
        {QStringLiteral("body"), m.body},
        {QStringLiteral("date_created"), rfc2822(m.created)},
        {QStringLiteral("date_sent"), rfc2822(m.sent)},
        {QStringLiteral("date_updated"), rfc2822(m.updated)},
        {QStringLiteral("direction"), m.direction},
        {QStringLiteral("error_code"), m.errorCode ? QJsonValue(m.errorCode) : QJsonValue::Null},
        {QStringLiteral("error_message"), m.errorCode ? QJsonValue(errorMessage(m.errorCode)) : QJsonValue::Null},
        {QStringLiteral("from"), m.from.isEmpty() ? QJsonValue::Null : QJsonValue(m.from)},
        {QStringLiteral("messaging_service_sid"), m.messagingServiceSid.isEmpty() ? QJsonValue::Null : QJsonValue(m.messagingServiceSid)},
        {QStringLiteral("num_media"), QStringLiteral("0")},
        // "0" while a service has not picked a sender yet (Twilio's note on num_segments).
        {QStringLiteral("num_segments"), m.status == QLatin1String("accepted") ? QStringLiteral("0") : QString::number(m.numSegments)},
        {QStringLiteral("price"), final ? QJsonValue(m.price) : QJsonValue::Null},
        {QStringLiteral("price_unit"), final ? QJsonValue(QStringLiteral("USD")) : QJsonValue::Null},
        {QStringLiteral("sid"), m.sid},
        {QStringLiteral("status"), m.status},
        {QStringLiteral("subresource_uris"), QJsonObject{{QStringLiteral("media"), QString(uri + QStringLiteral("/Media.json"))}}},
        {QStringLiteral("to"), m.to},
        {QStringLiteral("uri"), QString(uri + QStringLiteral(".json"))},
    };
}

HttpResponse FakeTwilio::list(const HttpRequest &request) const
{
    const QUrlQuery query(request.url);
    QString to, from, on, before, after, token;
    int pageSize = 50, page = 0;
    for (const auto &[key, v] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("To"))
            to = v;
        else if (key == QLatin1String("From"))
            from = v;
        else if (key == QLatin1String("DateSent"))
            on = v;
        else if (key == QLatin1String("DateSent<"))
            before = v;
        else if (key == QLatin1String("DateSent>"))
            after = v;
        else if (key == QLatin1String("PageSize"))
            pageSize = std::clamp(v.toInt(), 1, 1000);
        else if (key == QLatin1String("Page"))
            page = std::max(0, v.toInt());
        else if (key == QLatin1String("PageToken"))
            token = v;
    }
    // A day (UTC, inclusive) or an instant.
    struct Bound
    {
        bool set = false, day = false;
        QDate date;
        QDateTime at;
    };
    const auto bound = [](const QString &text, bool *ok) {
        Bound b;
        *ok = true;
        if (text.isEmpty())
            return b;
        b.set = true;
        b.date = QDate::fromString(text, Qt::ISODate);
        if (text.size() == 10 && b.date.isValid()) {
            b.day = true;
            return b;
        }
        b.at = QDateTime::fromString(text, Qt::ISODateWithMs);
        *ok = b.at.isValid();
        return b;
    };
    bool ok1 = false, ok2 = false, ok3 = false;
    const Bound exact = bound(on, &ok1), upper = bound(before, &ok2), lower = bound(after, &ok3);
    if (!ok1 || !ok2 || !ok3)
        return twilioError(400, 20001, QStringLiteral("Invalid DateSent: expected YYYY-MM-DD or an ISO 8601 date and time."));
    const auto matches = [&](const Message &m) {
        if (!from.isEmpty() && m.from != from)
            return false;
        if (exact.set || upper.set || lower.set) {
            if (!m.sent.isValid())
                return false; // not sent yet: Twilio's DateSent filters cannot see it
            const QDate day = m.sent.toUTC().date();
            if (exact.set && (exact.day ? day != exact.date : m.sent != exact.at))
                return false;
            if (upper.set && (upper.day ? day > upper.date : m.sent > upper.at))
                return false;
            if (lower.set && (lower.day ? day < lower.date : m.sent < lower.at))
                return false;
        }
        return true;
    };
    // Candidates in creation order (ascending indexes): all messages, or those to one number.
    static const QList<qsizetype> none;
    const QList<qsizetype> *indexes = nullptr;
    if (!to.isEmpty()) {
        const auto it = m_byTo.constFind(to);
        indexes = it == m_byTo.constEnd() ? &none : &*it;
    }
    const qsizetype count = indexes ? indexes->size() : m_messages.size();
    const auto at = [&](qsizetype i) { return indexes ? indexes->at(i) : i; };
    // Position of the first candidate older than index `limit` (candidates are ascending).
    const auto below = [&](qsizetype limit) {
        qsizetype lo = 0, hi = count;
        while (lo < hi) {
            const qsizetype mid = (lo + hi) / 2;
            if (at(mid) < limit)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo - 1;
    };
    QList<qsizetype> found;
    const auto anchor = token.size() > 2 ? m_bySid.constFind(token.mid(2)) : m_bySid.constEnd();
    if (anchor != m_bySid.constEnd() && token.startsWith(QLatin1String("PB"))) {
        // The page before: the nearest newer matches, newest first.
        for (qsizetype i = below(*anchor) + 1; i < count && found.size() < pageSize; ++i)
            if (at(i) != *anchor && matches(m_messages.at(at(i))))
                found.prepend(at(i));
    } else {
        qsizetype i = anchor != m_bySid.constEnd() ? below(*anchor) : count - 1;
        qsizetype skip = anchor != m_bySid.constEnd() ? 0 : qsizetype(page) * pageSize;
        for (; i >= 0 && found.size() <= pageSize; --i) {
            if (!matches(m_messages.at(at(i))))
                continue;
            if (skip > 0) {
                --skip;
                continue;
            }
            found.append(at(i));
        }
    }
    const bool more = found.size() > pageSize && !token.startsWith(QLatin1String("PB"));
    if (found.size() > pageSize)
        found.resize(pageSize);
    QJsonArray messages;
    for (const qsizetype i : std::as_const(found))
        messages.append(toJson(m_messages.at(i)));
    // The filters as they came, then the paging.
    const auto uriFor = [&](int p, const QString &pageToken) -> QString {
        QString q;
        const auto add = [&q](const QString &key, const QString &v) {
            if (v.isEmpty())
                return;
            q += (q.isEmpty() ? QStringLiteral("?") : QStringLiteral("&")) + QString::fromLatin1(QUrl::toPercentEncoding(key)) + QLatin1Char('=')
                 + QString::fromLatin1(QUrl::toPercentEncoding(v));
        };
        add(QStringLiteral("To"), to);
        add(QStringLiteral("From"), from);
        add(QStringLiteral("DateSent"), on);
        add(QStringLiteral("DateSent<"), before);
        add(QStringLiteral("DateSent>"), after);
        add(QStringLiteral("PageSize"), QString::number(pageSize));
        add(QStringLiteral("Page"), QString::number(p));
        add(QStringLiteral("PageToken"), pageToken);
        return messagesUri() + QStringLiteral(".json") + q;
    };
    const QJsonValue next = more && !found.isEmpty() ? QJsonValue(uriFor(page + 1, QStringLiteral("PA") + m_messages.at(found.last()).sid))
                                                     : QJsonValue::Null;
    const QJsonValue previous = page > 0 && !found.isEmpty()
                                    ? QJsonValue(uriFor(page - 1, QStringLiteral("PB") + m_messages.at(found.first()).sid))
                                    : QJsonValue::Null;
    QJsonObject out{{QStringLiteral("messages"), messages},
                    {QStringLiteral("page"), page},
                    {QStringLiteral("page_size"), pageSize},
                    {QStringLiteral("start"), page * pageSize},
                    {QStringLiteral("end"), page * pageSize + std::max<qsizetype>(0, found.size() - 1)},
                    {QStringLiteral("uri"), uriFor(page, token)},
                    {QStringLiteral("first_page_uri"), uriFor(0, {})},
                    {QStringLiteral("next_page_uri"), next},
                    {QStringLiteral("previous_page_uri"), previous}};
    return HttpResponse::json(200, compact(out));
}

void FakeTwilio::schedule(const QString &sid, int delayMs)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(std::max(0, delayMs), this, [this, sid, generation] {
        if (generation == m_generation)
            advance(sid);
    });
}

// One step of a message's life; a callback for every change Twilio reports.
void FakeTwilio::advance(const QString &sid)
{
    const auto it = m_bySid.constFind(sid);
    if (it == m_bySid.constEnd())
        return;
    Message &m = m_messages[*it];
    int next = -1;
    bool report = true;
    if (m.status == QLatin1String("accepted")) {
        m.status = QStringLiteral("queued");
        if (m.from.isEmpty())
            m.from = m_services.value(m.messagingServiceSid).value(0);
        next = m_lifecycle.sendingMs;
    } else if (m.status == QLatin1String("queued")) {
        m.status = QStringLiteral("sending");
        m.sent = now();
        report = m_lifecycle.callbackOnSending;
        next = m_lifecycle.sentMs;
    } else if (m.status == QLatin1String("sending")) {
        if (m.rule.kind == Rule::Failed) {
            m.status = QStringLiteral("failed");
            m.errorCode = m.rule.code;
            m.price = formatPrice(0); // failed messages are not charged
        } else {
            m.status = QStringLiteral("sent");
            next = m_lifecycle.finalMs;
        }
    } else if (m.status == QLatin1String("sent")) {
        if (m.rule.kind == Rule::Undelivered) {
            m.status = QStringLiteral("undelivered");
            m.errorCode = m.rule.code;
        } else {
            m.status = QStringLiteral("delivered");
        }
        m.price = formatPrice(-m_pricePerSegment.toDouble() * m.numSegments);
    } else {
        return;
    }
    m.updated = now();
    if (report && !m.statusCallback.isEmpty())
        callback(sid);
    if (next >= 0)
        schedule(sid, next);
}

void FakeTwilio::callback(const QString &sid)
{
    const Message *m = message(sid);
    if (!m)
        return;
    twilio::FormParams params{{QStringLiteral("SmsSid"), m->sid},
                              {QStringLiteral("SmsStatus"), m->status},
                              {QStringLiteral("MessageStatus"), m->status},
                              {QStringLiteral("To"), m->to},
                              {QStringLiteral("MessageSid"), m->sid},
                              {QStringLiteral("AccountSid"), m_accountSid},
                              {QStringLiteral("From"), m->from},
                              {QStringLiteral("ApiVersion"), kApiVersion}};
    if (!m->messagingServiceSid.isEmpty())
        params.append({QStringLiteral("MessagingServiceSid"), m->messagingServiceSid});
    if (m->errorCode)
        params.append({QStringLiteral("ErrorCode"), QString::number(m->errorCode)});
    if (m->status == QLatin1String("delivered") || m->status == QLatin1String("undelivered"))
        params.append({QStringLiteral("RawDlrDoneDate"), m->updated.toUTC().toString(QStringLiteral("yyMMddHHmm"))});
    post(CallbackAttempt{m->sid, m->status, m->statusCallback, 1, 0, false, now()}, params);
}

// One attempt at a status callback; a retry sends the same request again (the status it reports,
// not the message's status by then).
void FakeTwilio::post(CallbackAttempt record, const twilio::FormParams &params)
{
    QByteArray body;
    for (const auto &[key, v] : params)
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(v);
    QNetworkRequest request{QUrl(record.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("X-Twilio-Signature", twilio::sign(m_authToken.toUtf8(), record.url, params));
    request.setRawHeader("User-Agent", "TwilioProxy/1.1");
    request.setTransferTimeout(15000);
    record.at = now();
    const quint64 generation = m_generation;
    QNetworkReply *reply = m_nam->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, record, params, generation]() mutable {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        record.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        record.ok = reply->error() == QNetworkReply::NoError && record.httpStatus >= 200 && record.httpStatus < 300;
        m_callbacks.append(record);
        if (record.ok) {
            ++m_stats.callbacksPosted;
            return;
        }
        ++m_stats.callbacksFailed;
        const bool retryable = record.httpStatus == 0 || record.httpStatus >= 500 || record.httpStatus == 429;
        if (retryable && record.attempt <= m_lifecycle.callbackRetries) {
            ++m_stats.callbacksRetried;
            QTimer::singleShot(m_lifecycle.callbackRetryMs, this, [this, record, params, generation] {
                if (generation != m_generation)
                    return;
                CallbackAttempt next = record;
                ++next.attempt;
                post(next, params);
            });
        }
    });
}

void FakeTwilio::inbound(HttpExchange *exchange)
{
    const QJsonObject o = QJsonDocument::fromJson(exchange->request().body).object();
    const QString from = o.value(QStringLiteral("from")).toString();
    const QString to = o.value(QStringLiteral("to")).toString();
    const QString body = o.value(QStringLiteral("body")).toString();
    const QString url = o.value(QStringLiteral("url")).toString();
    const QString service = o.value(QStringLiteral("messaging_service_sid")).toString();
    if (!isE164(from) || to.isEmpty() || !QUrl(url, QUrl::StrictMode).isValid() || url.isEmpty()) {
        exchange->respond(HttpResponse::json(400, R"({"error":"from (E.164), to, body and url"})"));
        return;
    }
    Message m;
    m.sid = newSid("SM");
    m.from = from;
    m.to = to;
    m.body = body;
    m.messagingServiceSid = service;
    m.status = QStringLiteral("received");
    m.direction = QStringLiteral("inbound");
    m.numSegments = segments(body);
    m.created = m.updated = m.sent = now();
    m_bySid.insert(m.sid, m_messages.size());
    m_byTo[to].append(m_messages.size());
    m_messages.append(m);
    ++m_stats.inbound;
    // Twilio's default opt-out handling: the whole message, one word, any case.
    const QString word = body.trimmed().toUpper();
    static const QStringList stop{QStringLiteral("STOP"),   QStringLiteral("STOPALL"), QStringLiteral("UNSUBSCRIBE"), QStringLiteral("CANCEL"),
                                  QStringLiteral("END"),    QStringLiteral("QUIT"),    QStringLiteral("REVOKE"),      QStringLiteral("OPTOUT")};
    static const QStringList start{QStringLiteral("START"), QStringLiteral("YES"), QStringLiteral("UNSTOP")};
    if (stop.contains(word))
        m_numberRules.insert(from, Rule{Rule::Unsubscribed, 0});
    else if (start.contains(word) && m_numberRules.value(from).kind == Rule::Unsubscribed)
        m_numberRules.remove(from);

    twilio::FormParams params{{QStringLiteral("ToCountry"), QStringLiteral("US")},
                              {QStringLiteral("ToState"), QStringLiteral("CA")},
                              {QStringLiteral("SmsMessageSid"), m.sid},
                              {QStringLiteral("NumMedia"), QStringLiteral("0")},
                              {QStringLiteral("ToCity"), QString()},
                              {QStringLiteral("FromZip"), QString()},
                              {QStringLiteral("SmsSid"), m.sid},
                              {QStringLiteral("FromState"), o.value(QStringLiteral("from_state")).toString(QStringLiteral("NY"))},
                              {QStringLiteral("SmsStatus"), QStringLiteral("received")},
                              {QStringLiteral("FromCity"), o.value(QStringLiteral("from_city")).toString(QStringLiteral("NEW YORK"))},
                              {QStringLiteral("Body"), body},
                              {QStringLiteral("FromCountry"), o.value(QStringLiteral("from_country")).toString(QStringLiteral("US"))},
                              {QStringLiteral("To"), to},
                              {QStringLiteral("ToZip"), QString()},
                              {QStringLiteral("NumSegments"), QString::number(m.numSegments)},
                              {QStringLiteral("MessageSid"), m.sid},
                              {QStringLiteral("AccountSid"), m_accountSid},
                              {QStringLiteral("From"), from},
                              {QStringLiteral("ApiVersion"), kApiVersion}};
    if (!service.isEmpty())
        params.append({QStringLiteral("MessagingServiceSid"), service});
    QByteArray form;
    for (const auto &[key, v] : std::as_const(params))
        form += (form.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(v);
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("X-Twilio-Signature", twilio::sign(m_authToken.toUtf8(), url, params));
    request.setRawHeader("User-Agent", "TwilioProxy/1.1");
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_nam->post(request, form);
    const QString sid = m.sid;
    connect(reply, &QNetworkReply::finished, exchange, [reply, exchange, sid] {
        reply->deleteLater();
        const QJsonObject answer{{QStringLiteral("status"), reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()},
                                 {QStringLiteral("body"), QString::fromUtf8(reply->readAll())},
                                 {QStringLiteral("content_type"), QString::fromLatin1(reply->rawHeader("Content-Type"))},
                                 {QStringLiteral("sid"), sid},
                                 {QStringLiteral("error"), reply->error() == QNetworkReply::NoError ? QString() : reply->errorString()}};
        exchange->respond(HttpResponse::json(200, compact(answer)));
    });
}

QJsonObject FakeTwilio::statsJson() const
{
    QJsonObject senders;
    int violations = 0;
    for (auto it = m_senders.constBegin(); it != m_senders.constEnd(); ++it) {
        senders.insert(it.key(), QJsonObject{{QStringLiteral("violations"), it->violations},
                                             {QStringLiteral("peak_per_second"), it->peak},
                                             {QStringLiteral("mps"), m_mps.value(it.key(), m_defaultMps)}});
        violations += it->violations;
    }
    int duplicates = 0;
    for (const int n : m_copies)
        duplicates += n > 1 ? 1 : 0;
    return QJsonObject{{QStringLiteral("requests"), m_stats.requests},
                       {QStringLiteral("created"), m_stats.created},
                       {QStringLiteral("limit_429s"), m_stats.limit429},
                       {QStringLiteral("in_flight"), m_inFlight},
                       {QStringLiteral("peak_in_flight"), m_stats.peakInFlight},
                       {QStringLiteral("faults"), QJsonObject{{QStringLiteral("server_error"), m_stats.serverErrors},
                                                              {QStringLiteral("throttle"), m_stats.injected429},
                                                              {QStringLiteral("drop"), m_stats.dropped},
                                                              {QStringLiteral("lose"), m_stats.lost},
                                                              {QStringLiteral("slow"), m_stats.slow}}},
                       {QStringLiteral("mps"), senders},
                       {QStringLiteral("mps_violations"), violations},
                       {QStringLiteral("callbacks"), QJsonObject{{QStringLiteral("posted"), m_stats.callbacksPosted},
                                                                 {QStringLiteral("failed"), m_stats.callbacksFailed},
                                                                 {QStringLiteral("retried"), m_stats.callbacksRetried}}},
                       {QStringLiteral("duplicates"), duplicates},
                       {QStringLiteral("inbound"), m_stats.inbound}};
}

HttpResponse FakeTwilio::control(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QString path = request.url.path();
    if (path == QLatin1String("/_fake/messages") && request.method == "GET") {
        const QString to = QUrlQuery(request.url).queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded);
        QJsonArray out;
        const auto add = [&](const Message &m) {
            if (m.direction != QLatin1String("outbound-api"))
                return;
            out.append(QJsonObject{{QStringLiteral("sid"), m.sid},
                                   {QStringLiteral("accepted_at"), m.created.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("accepted_ms"), m.created.toMSecsSinceEpoch()},
                                   {QStringLiteral("from"), m.from},
                                   {QStringLiteral("messaging_service_sid"), m.messagingServiceSid},
                                   {QStringLiteral("to"), m.to},
                                   {QStringLiteral("body"), m.body},
                                   {QStringLiteral("status"), m.status},
                                   {QStringLiteral("error_code"), m.errorCode},
                                   {QStringLiteral("num_segments"), m.numSegments},
                                   {QStringLiteral("price"), m.price},
                                   {QStringLiteral("copies"), copies(m.to, m.body)}});
        };
        if (to.isEmpty()) {
            for (const Message &m : m_messages)
                add(m);
        } else {
            for (const qsizetype i : m_byTo.value(to))
                add(m_messages.at(i));
        }
        return HttpResponse::json(200, QJsonDocument(out).toJson(QJsonDocument::Compact));
    }
    if (path == QLatin1String("/_fake/callbacks") && request.method == "GET") {
        QJsonArray out;
        for (const CallbackAttempt &c : m_callbacks)
            out.append(QJsonObject{{QStringLiteral("sid"), c.sid},
                                   {QStringLiteral("status"), c.status},
                                   {QStringLiteral("url"), c.url},
                                   {QStringLiteral("attempt"), c.attempt},
                                   {QStringLiteral("http_status"), c.httpStatus},
                                   {QStringLiteral("ok"), c.ok},
                                   {QStringLiteral("at"), c.at.toString(Qt::ISODateWithMs)}});
        return HttpResponse::json(200, QJsonDocument(out).toJson(QJsonDocument::Compact));
    }
    if (path == QLatin1String("/_fake/stats") && request.method == "GET")
        return HttpResponse::json(200, compact(statsJson()));
    if (path == QLatin1String("/_fake/config") && request.method == "POST") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return HttpResponse::json(400, R"({"error":"a JSON object"})");
        const QString refused = configure(doc.object());
        if (!refused.isEmpty())
            return HttpResponse::json(400, compact(QJsonObject{{QStringLiteral("error"), refused}}));
        return HttpResponse::json(200, "{}");
    }
    if (path == QLatin1String("/_fake/reset") && request.method == "POST") {
        reset(QJsonDocument::fromJson(request.body).object().value(QStringLiteral("config")).toBool());
        return HttpResponse::json(200, "{}");
    }
    return HttpResponse::json(404, R"({"error":"no such control endpoint"})");
}

QString FakeTwilio::configure(const QJsonObject &o)
{
    // A rule the fake does not know is refused, and nothing is changed: a typo must not pass quietly.
    const QJsonObject rules = o.value(QStringLiteral("rules")).toObject();
    for (const char *group : {"numbers", "suffixes"}) {
        const QJsonObject g = rules.value(QLatin1String(group)).toObject();
        for (auto it = g.begin(); it != g.end(); ++it)
            if (parseRule(it.value().toString()).kind == Rule::None && it.value().toString() != QLatin1String("none"))
                return QStringLiteral("unknown rule '%1' for %2").arg(it.value().toString(), it.key());
    }
    const auto has = [&o](const char *key) { return o.contains(QLatin1String(key)); };
    if (has("account_sid"))
        m_accountSid = o.value(QStringLiteral("account_sid")).toString();
    if (has("auth_token"))
        m_authToken = o.value(QStringLiteral("auth_token")).toString();
    const QJsonObject keys = o.value(QStringLiteral("api_keys")).toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it)
        m_apiKeys.insert(it.key(), it.value().toString());
    if (has("numbers")) {
        QStringList numbers;
        for (const QJsonValue &v : o.value(QStringLiteral("numbers")).toArray())
            numbers << v.toString();
        setNumbers(numbers);
    }
    const QJsonObject services = o.value(QStringLiteral("services")).toObject();
    for (auto it = services.begin(); it != services.end(); ++it) {
        QStringList pool;
        for (const QJsonValue &v : it.value().toArray())
            pool << v.toString();
        m_services.insert(it.key(), pool);
    }
    if (has("concurrency"))
        m_concurrency = o.value(QStringLiteral("concurrency")).toInt();
    const QJsonObject mps = o.value(QStringLiteral("mps")).toObject();
    for (auto it = mps.begin(); it != mps.end(); ++it)
        m_mps.insert(it.key(), it.value().toInt());
    if (has("default_mps"))
        m_defaultMps = o.value(QStringLiteral("default_mps")).toInt();
    if (has("price_per_segment"))
        m_pricePerSegment = o.value(QStringLiteral("price_per_segment")).toVariant().toString();
    if (has("faults")) {
        const QJsonObject f = o.value(QStringLiteral("faults")).toObject();
        const auto num = [&f](const char *key, double fallback) { return f.value(QLatin1String(key)).toDouble(fallback); };
        m_faults.serverError = num("server_error", m_faults.serverError);
        m_faults.throttled = num("throttle", m_faults.throttled);
        m_faults.dropConnection = num("drop", m_faults.dropConnection);
        m_faults.loseAnswer = num("lose", m_faults.loseAnswer);
        m_faults.slow = num("slow", m_faults.slow);
        m_faults.slowMs = int(num("slow_ms", m_faults.slowMs));
        m_faults.latencyMs = int(num("latency_ms", m_faults.latencyMs));
        if (f.contains(QStringLiteral("scope")))
            m_faults.createsOnly = f.value(QStringLiteral("scope")).toString() == QLatin1String("create");
        if (f.contains(QStringLiteral("seed")))
            setSeed(quint32(f.value(QStringLiteral("seed")).toInteger()));
        const QJsonObject next = f.value(QStringLiteral("next")).toObject();
        for (auto it = next.begin(); it != next.end(); ++it)
            m_next.insert(it.key(), it.value().toInt());
    }
    const QJsonObject numberRules = rules.value(QStringLiteral("numbers")).toObject();
    for (auto it = numberRules.begin(); it != numberRules.end(); ++it)
        setNumberRule(it.key(), it.value().toString());
    const QJsonObject suffixRules = rules.value(QStringLiteral("suffixes")).toObject();
    for (auto it = suffixRules.begin(); it != suffixRules.end(); ++it)
        setSuffixRule(it.key(), it.value().toString());
    if (has("lifecycle")) {
        const QJsonObject l = o.value(QStringLiteral("lifecycle")).toObject();
        const auto num = [&l](const char *key, int fallback) { return l.value(QLatin1String(key)).toInt(fallback); };
        m_lifecycle.queuedMs = num("queued_ms", m_lifecycle.queuedMs);
        m_lifecycle.sendingMs = num("sending_ms", m_lifecycle.sendingMs);
        m_lifecycle.sentMs = num("sent_ms", m_lifecycle.sentMs);
        m_lifecycle.finalMs = num("final_ms", m_lifecycle.finalMs);
        m_lifecycle.callbackRetries = num("callback_retries", m_lifecycle.callbackRetries);
        m_lifecycle.callbackRetryMs = num("callback_retry_ms", m_lifecycle.callbackRetryMs);
        m_lifecycle.callbackOnSending = l.value(QStringLiteral("callback_sending")).toBool(m_lifecycle.callbackOnSending);
    }
    return {};
}

} // namespace lux::fakes
