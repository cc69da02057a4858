// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeopenai.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QJsonDocument>
#include <QPainter>
#include <QRegularExpression>
#include <QTimer>

#include <functional>
#include <memory>

namespace lux::fakes {

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray compactValue(const QJsonValue &v)
{
    if (v.isObject())
        return compact(v.toObject());
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    // A scalar the way JSON writes it (a number as the tool gave it, a string without quotes).
    if (v.isString())
        return v.toString().toUtf8();
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A message's text: a string, or the text parts of an array of content parts.
QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString out;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &part : parts)
        out += part.toObject().value("text"_L1).toString();
    return out;
}

// What a message weighs against the context: its text, and the tool calls it carries.
qint64 messageChars(const QJsonObject &message)
{
    qint64 chars = textOf(message.value("content"_L1)).size();
    const QJsonArray calls = message.value("tool_calls"_L1).toArray();
    for (const QJsonValue &call : calls) {
        const QJsonObject function = call.toObject().value("function"_L1).toObject();
        chars += function.value("name"_L1).toString().size() + function.value("arguments"_L1).toString().size();
    }
    return chars;
}

qint64 tokens(qint64 chars)
{
    return (chars + 3) / 4;
}

qint64 promptChars(const QJsonObject &body)
{
    qint64 chars = 0;
    const QJsonArray messages = body.value("messages"_L1).toArray();
    for (const QJsonValue &m : messages)
        chars += messageChars(m.toObject());
    if (body.contains("tools"_L1))
        chars += QJsonDocument(body.value("tools"_L1).toArray()).toJson(QJsonDocument::Compact).size();
    return chars;
}

QStringList wordsOf(const QString &text)
{
    static const QRegularExpression split(u"[^\\p{L}\\p{N}]+"_s);
    return text.split(split, Qt::SkipEmptyParts);
}

// Up to six of the user's words from `offset` on, within maxLength (negative: no limit).
QString phrase(QStringList words, int offset, qint64 maxLength, qint64 minLength)
{
    if (words.isEmpty())
        words = {u"fake"_s, u"answer"_s};
    const int n = int(words.size());
    QString out;
    for (int i = 0; i < qMin(6, n); ++i) {
        const QString &word = words.at((offset + i) % n);
        const QString candidate = out.isEmpty() ? word : out + u' ' + word;
        if (maxLength >= 0 && candidate.size() > maxLength)
            break;
        out = candidate;
    }
    if (out.isEmpty() && maxLength > 0)
        out = words.at(offset % n).left(maxLength);
    while (out.size() < minLength)
        out += u'x';
    return out;
}

QJsonObject resolveRef(const QJsonObject &schema, const QJsonObject &root)
{
    const QString ref = schema.value("$ref"_L1).toString();
    if (!ref.startsWith("#/"_L1))
        return schema;
    QJsonValue at = root;
    const QStringList parts = ref.mid(2).split(u'/');
    for (const QString &part : parts)
        at = at.toObject().value(part);
    return at.toObject();
}

// An instance of a JSON schema: every property (or the required ones only), strings from the user's
// words, numbers 10, booleans false, enums their first value, arrays of minItems or 1 items.
QJsonValue instance(const QJsonObject &given, const QJsonObject &root, const QStringList &words, bool requiredOnly, int depth, int index)
{
    const QJsonObject schema = resolveRef(given, root);
    if (depth > 10)
        return QJsonValue();
    if (schema.contains("const"_L1))
        return schema.value("const"_L1);
    const QJsonArray choices = schema.value("enum"_L1).toArray();
    if (!choices.isEmpty())
        return choices.first();
    for (const char *key : {"anyOf", "oneOf", "allOf"}) {
        const QJsonArray alternatives = schema.value(QLatin1String(key)).toArray();
        for (const QJsonValue &alternative : alternatives) {
            if (alternative.toObject().value("type"_L1).toString() != "null"_L1)
                return instance(alternative.toObject(), root, words, requiredOnly, depth + 1, index);
        }
    }
    QString type;
    const QJsonValue typeValue = schema.value("type"_L1);
    if (typeValue.isArray()) {
        const QJsonArray types = typeValue.toArray();
        for (const QJsonValue &t : types) {
            if (t.toString() != "null"_L1) {
                type = t.toString();
                break;
            }
        }
    } else {
        type = typeValue.toString();
    }
    if (type.isEmpty())
        type = schema.contains("properties"_L1) ? u"object"_s : schema.contains("items"_L1) ? u"array"_s : u"string"_s;

    if (type == "object"_L1) {
        QJsonObject out;
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        QStringList required;
        const QJsonArray requiredList = schema.value("required"_L1).toArray();
        for (const QJsonValue &r : requiredList)
            required.append(r.toString());
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
            if (requiredOnly && !required.contains(it.key()))
                continue;
            out.insert(it.key(), instance(it.value().toObject(), root, words, requiredOnly, depth + 1, index));
        }
        return out;
    }
    if (type == "array"_L1) {
        qint64 count = qMax<qint64>(1, schema.value("minItems"_L1).toInteger());
        if (schema.contains("maxItems"_L1))
            count = qMin(count, schema.value("maxItems"_L1).toInteger());
        QJsonArray out;
        for (qint64 i = 0; i < count; ++i)
            out.append(instance(schema.value("items"_L1).toObject(), root, words, requiredOnly, depth + 1, int(i)));
        return out;
    }
    if (type == "integer"_L1 || type == "number"_L1) {
        double v = 10;
        if (schema.contains("minimum"_L1))
            v = qMax(v, schema.value("minimum"_L1).toDouble());
        if (schema.contains("exclusiveMinimum"_L1))
            v = qMax(v, schema.value("exclusiveMinimum"_L1).toDouble() + 1);
        if (schema.contains("maximum"_L1))
            v = qMin(v, schema.value("maximum"_L1).toDouble());
        if (schema.contains("exclusiveMaximum"_L1))
            v = qMin(v, schema.value("exclusiveMaximum"_L1).toDouble() - 1);
        if (type == "integer"_L1)
            return QJsonValue(qint64(v));
        return QJsonValue(v);
    }
    if (type == "boolean"_L1)
        return false;
    if (type == "null"_L1)
        return QJsonValue();
    const QString format = schema.value("format"_L1).toString();
    if (format == "uri"_L1 || format == "url"_L1)
        return u"https://example.com/"_s;
    if (format == "email"_L1)
        return u"someone@example.com"_s;
    if (format == "date-time"_L1)
        return u"2025-01-01T09:00:00Z"_s;
    if (format == "date"_L1)
        return u"2025-01-01"_s;
    const qint64 maxLength = schema.contains("maxLength"_L1) ? schema.value("maxLength"_L1).toInteger() : 80;
    return phrase(words, index, maxLength, schema.value("minLength"_L1).toInteger());
}

// Every object inside a JSON value, at any depth, the outer ones first.
void eachObject(const QJsonValue &value, const std::function<void(const QJsonObject &)> &visit)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        visit(o);
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            eachObject(it.value(), visit);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (const QJsonValue &v : a)
            eachObject(v, visit);
    }
}

QJsonValue parseLoose(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue(text);
}

// Pieces of `text` about `size` characters long, never splitting a surrogate pair.
QStringList pieces(const QString &text, qsizetype size)
{
    QStringList out;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype n = qMin(size, text.size() - at);
        if (at + n < text.size() && text.at(at + n - 1).isHighSurrogate())
            ++n;
        out.append(text.mid(at, n));
        at += n;
    }
    return out;
}

QByteArray mask(const QString &key)
{
    const QByteArray k = key.toUtf8();
    if (k.size() <= 8)
        return QByteArray(k.size(), '*');
    return k.left(3) + QByteArray(k.size() - 7, '*') + k.right(4);
}

QImage drawImage(int width, int height, const QString &prompt, int index)
{
    QImage image(width, height, QImage::Format_RGB32);
    const QByteArray digest = QCryptographicHash::hash(QByteArray(prompt.toUtf8() + QByteArray::number(index)), QCryptographicHash::Sha1);
    const QColor background(quint8(digest.at(0)), quint8(digest.at(1)), quint8(digest.at(2)));
    const QColor shape(quint8(digest.at(3)), quint8(digest.at(4)), quint8(digest.at(5)));
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(shape);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(width * 0.2, height * 0.2, width * 0.6, height * 0.6));
    painter.setBrush(background.darker(150));
    painter.drawRect(QRectF(0, height * 0.85, width, height * 0.15));
    // Text needs fonts, and fonts a QGuiApplication; a test under QCoreApplication gets the shapes only.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        painter.setPen(Qt::white);
        QFont font = painter.font();
        font.setPixelSize(qMax(12, height / 24));
        painter.setFont(font);
        painter.drawText(QRectF(width * 0.05, height * 0.85, width * 0.9, height * 0.15), Qt::AlignCenter | Qt::TextWordWrap,
                         prompt.left(200));
    }
    return image;
}

} // namespace

FakeOpenAI::FakeOpenAI(QObject *parent)
    : QObject(parent), m_http([this](HttpExchange *exchange) { handle(exchange); }),
      m_models({u"gpt-4o"_s, u"gpt-4o-mini"_s, u"gpt-4.1"_s, u"gpt-4.1-mini"_s, u"gpt-4.1-nano"_s, u"o4-mini"_s,
                u"gpt-3.5-turbo"_s, u"dall-e-2"_s, u"dall-e-3"_s, u"gpt-image-1"_s})
{
}

FakeOpenAI::~FakeOpenAI() = default;

bool FakeOpenAI::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port);
}

QUrl FakeOpenAI::baseUrl() const
{
    return QUrl(m_http.baseUrl().toString() + "/v1"_L1);
}

bool FakeOpenAI::parseProfile(const QString &name, Profile *profile)
{
    if (name == "openai"_L1)
        *profile = Profile::OpenAI;
    else if (name == "ollama"_L1)
        *profile = Profile::Ollama;
    else if (name == "notools"_L1)
        *profile = Profile::NoTools;
    else
        return false;
    return true;
}

QString FakeOpenAI::profileName(Profile profile)
{
    switch (profile) {
    case Profile::OpenAI: return u"openai"_s;
    case Profile::Ollama: return u"ollama"_s;
    case Profile::NoTools: return u"notools"_s;
    }
    return {};
}

void FakeOpenAI::addScript(const QJsonArray &steps)
{
    for (const QJsonValue &step : steps)
        m_script.append(step.toObject());
}

void FakeOpenAI::failNext(int status, const QString &kind, int count)
{
    m_failure = Failure{status, kind, count};
}

void FakeOpenAI::reset()
{
    m_script.clear();
    m_failure = {};
    m_requests.clear();
    m_prefixes.clear();
    m_images.clear();
}

QJsonObject FakeOpenAI::errorBody(const QString &message, const QString &type, const QJsonValue &param, const QJsonValue &code)
{
    return QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, message}, {u"type"_s, type}, {u"param"_s, param}, {u"code"_s, code}}}};
}

QJsonObject FakeOpenAI::invalidKeyError(const QString &key)
{
    if (key.isEmpty())
        return errorBody(u"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer "
                         "auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're "
                         "accessing the API from your browser and are prompted for a username and password. You can obtain an API "
                         "key from https://platform.openai.com/account/api-keys."_s,
                         u"invalid_request_error"_s, QJsonValue(), u"invalid_api_key"_s);
    return errorBody(u"Incorrect API key provided: "_s + QString::fromUtf8(mask(key))
                         + u". You can find your API key at https://platform.openai.com/account/api-keys."_s,
                     u"invalid_request_error"_s, QJsonValue(), u"invalid_api_key"_s);
}

QJsonObject FakeOpenAI::rateLimitError(const QString &model)
{
    return errorBody(u"Rate limit reached for "_s + model
                         + u" in organization org-fake on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000. Please try "
                           "again in 1.5s. Visit https://platform.openai.com/account/rate-limits to learn more."_s,
                     u"tokens"_s, QJsonValue(), u"rate_limit_exceeded"_s);
}

QJsonObject FakeOpenAI::quotaError()
{
    return errorBody(u"You exceeded your current quota, please check your plan and billing details. For more information on this "
                     "error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."_s,
                     u"insufficient_quota"_s, QJsonValue(), u"insufficient_quota"_s);
}

QJsonObject FakeOpenAI::serverError(int status)
{
    if (status == 503)
        return errorBody(u"The server is overloaded or not ready yet."_s, u"server_error"_s, QJsonValue(), QJsonValue());
    return errorBody(u"The server had an error while processing your request. Sorry about that!"_s, u"server_error"_s, QJsonValue(),
                     QJsonValue());
}

FakeOpenAI::Headers FakeOpenAI::rateHeaders() const
{
    if (m_profile != Profile::OpenAI)
        return {};
    return {{"x-ratelimit-limit-requests", "5000"}, {"x-ratelimit-remaining-requests", "4999"},
            {"x-ratelimit-reset-requests", "12ms"}, {"x-ratelimit-limit-tokens", "800000"},
            {"x-ratelimit-remaining-tokens", "799000"}, {"x-ratelimit-reset-tokens", "75ms"}};
}

void FakeOpenAI::answerJson(HttpExchange *exchange, qsizetype record, int status, const QJsonObject &body, const Headers &headers)
{
    HttpResponse response = HttpResponse::json(status, compact(body));
    response.headers.append({"x-request-id", "req_fake" + QByteArray::number(++m_idCounter)});
    response.headers.append(headers);
    if (record >= 0 && record < m_requests.size())
        m_requests[record].status = status;
    exchange->respond(response);
}

void FakeOpenAI::sendError(HttpExchange *exchange, qsizetype record, int status, const QJsonObject &error, const Headers &headers)
{
    answerJson(exchange, record, status, error, headers);
}

void FakeOpenAI::handle(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    Record r;
    r.method = request.method;
    r.path = request.url.path();
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    r.body = doc.isObject() ? QJsonValue(doc.object()) : doc.isArray() ? QJsonValue(doc.array()) : QJsonValue();
    r.at = QDateTime::currentDateTimeUtc();
    const QString path = r.path;
    if (path.startsWith("/_fake/"_L1)) {
        control(exchange, -1);
        return;
    }
    m_requests.append(r);
    const qsizetype record = m_requests.size() - 1;
    if (path == "/v1/models"_L1 || path.startsWith("/v1/models/"_L1)) {
        models(exchange, record);
    } else if (path == "/v1/chat/completions"_L1 && request.method == "POST") {
        chat(exchange, record);
    } else if (path == "/v1/images/generations"_L1 && request.method == "POST") {
        images(exchange, record);
    } else {
        answerJson(exchange, record, 404,
                   errorBody(u"Invalid URL ("_s + QString::fromUtf8(request.method) + u' ' + path + u')', u"invalid_request_error"_s,
                             QJsonValue(), QJsonValue()));
    }
}

bool FakeOpenAI::authorized(HttpExchange *exchange, qsizetype record)
{
    if (m_profile == Profile::Ollama)
        return true; // Ollama takes any key, or none
    const QByteArray header = exchange->request().header("authorization");
    const QString key = header.startsWith("Bearer ") ? QString::fromUtf8(header.mid(7).trimmed()) : QString();
    if (key == m_apiKey)
        return true;
    if (m_profile == Profile::NoTools)
        answerJson(exchange, record, 401,
                   QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, 401}, {u"message"_s, u"Invalid API Key"_s},
                                                        {u"type"_s, u"authentication_error"_s}}}});
    else
        answerJson(exchange, record, 401, invalidKeyError(key));
    return false;
}

bool FakeOpenAI::failedAsTold(HttpExchange *exchange, qsizetype record, const QString &model)
{
    if (m_failure.count <= 0)
        return false;
    --m_failure.count;
    const QString kind = m_failure.kind;
    const int status = m_failure.status;
    if (kind == "quota"_L1) {
        sendError(exchange, record, status ? status : 429, quotaError(), {});
    } else if (kind == "auth"_L1 || status == 401) {
        sendError(exchange, record, 401, invalidKeyError(u"sk-revoked-key-0000"_s), {});
    } else if (kind == "server"_L1 || status >= 500) {
        const int s = status >= 500 ? status : 500;
        sendError(exchange, record, s, serverError(s), {});
    } else {
        sendError(exchange, record, status ? status : 429, rateLimitError(model.isEmpty() ? u"gpt-4o"_s : model),
                  {{"retry-after", "2"}, {"retry-after-ms", "1500"}, {"x-ratelimit-limit-requests", "500"},
                   {"x-ratelimit-remaining-requests", "499"}, {"x-ratelimit-reset-requests", "1s"},
                   {"x-ratelimit-limit-tokens", "30000"}, {"x-ratelimit-remaining-tokens", "0"},
                   {"x-ratelimit-reset-tokens", "1.5s"}});
    }
    return true;
}

void FakeOpenAI::models(HttpExchange *exchange, qsizetype record)
{
    if (!authorized(exchange, record))
        return;
    QJsonArray data;
    QStringList ids = m_models;
    QString owner = u"system"_s;
    if (m_profile == Profile::Ollama) {
        ids = {u"llama3.2:latest"_s, u"qwen2.5:7b"_s};
        for (const QString &m : std::as_const(m_models))
            if (!m.startsWith("dall-e"_L1) && !m.startsWith("gpt-image"_L1))
                ids.append(m);
        owner = u"library"_s;
    } else if (m_profile == Profile::NoTools) {
        ids = {u"model.gguf"_s};
        owner = u"llamacpp"_s;
    }
    for (const QString &id : std::as_const(ids))
        data.append(QJsonObject{{u"id"_s, id}, {u"object"_s, u"model"_s}, {u"created"_s, 1715367049}, {u"owned_by"_s, owner}});
    const QString path = exchange->request().url.path();
    if (path.startsWith("/v1/models/"_L1)) {
        const QString id = path.mid(11);
        for (const QJsonValue &m : std::as_const(data)) {
            if (m.toObject().value("id"_L1).toString() == id) {
                answerJson(exchange, record, 200, m.toObject(), rateHeaders());
                return;
            }
        }
        answerJson(exchange, record, 404,
                   errorBody(u"The model '"_s + id + u"' does not exist"_s, u"invalid_request_error"_s, u"model"_s,
                             u"model_not_found"_s));
        return;
    }
    answerJson(exchange, record, 200, QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}}, rateHeaders());
}

// The checks OpenAI makes before a model sees the request; the message and the param as it names them.
QString FakeOpenAI::validate(const QJsonObject &body, QString *param) const
{
    static const QRegularExpression nameRule(u"^[a-zA-Z0-9_-]{1,64}$"_s);
    if (!body.contains("model"_L1) || !body.value("model"_L1).isString()) {
        *param = u"model"_s;
        return u"you must provide a model parameter"_s;
    }
    const QJsonValue messagesValue = body.value("messages"_L1);
    if (!messagesValue.isArray()) {
        *param = u"messages"_s;
        return u"Missing required parameter: 'messages'."_s;
    }
    const QJsonArray messages = messagesValue.toArray();
    if (messages.isEmpty()) {
        *param = u"messages"_s;
        return u"Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead."_s;
    }
    static const QStringList roles = {u"system"_s, u"developer"_s, u"user"_s, u"assistant"_s, u"tool"_s};
    QSet<QString> calls;       // every tool call id an assistant made so far
    QSet<QString> unanswered;  // those of the last assistant message not answered yet
    qsizetype caller = -1;
    bool wantsJson = false;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString at = u"messages["_s + QString::number(i) + u']';
        if (!messages.at(i).isObject()) {
            *param = at;
            return u"Invalid type for '"_s + at + u"': expected an object, but got a "_s
                   + (messages.at(i).isString() ? u"string"_s : u"value"_s) + u" instead."_s;
        }
        const QJsonObject m = messages.at(i).toObject();
        const QString role = m.value("role"_L1).toString();
        if (!m.contains("role"_L1)) {
            *param = at + u".role"_s;
            return u"Missing required parameter: '"_s + at + u".role'."_s;
        }
        if (!roles.contains(role)) {
            *param = at + u".role"_s;
            return u"Invalid value: '"_s + role
                   + u"'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'."_s;
        }
        if (role != "tool"_L1 && !unanswered.isEmpty()) {
            *param = u"messages.["_s + QString::number(caller) + u"].role"_s;
            QStringList ids(unanswered.cbegin(), unanswered.cend());
            ids.sort();
            return u"An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. "
                   "The following tool_call_ids did not have response messages: "_s
                   + ids.join(u", "_s);
        }
        const QJsonValue content = m.value("content"_L1);
        const QJsonArray toolCalls = m.value("tool_calls"_L1).toArray();
        if (role == "assistant"_L1) {
            if ((!m.contains("content"_L1) || content.isNull()) && toolCalls.isEmpty()) {
                *param = at + u".content"_s;
                return u"Missing required parameter: '"_s + at + u".content'."_s;
            }
            for (qsizetype j = 0; j < toolCalls.size(); ++j) {
                const QJsonObject call = toolCalls.at(j).toObject();
                const QString where = at + u".tool_calls["_s + QString::number(j) + u']';
                const QJsonObject function = call.value("function"_L1).toObject();
                if (call.value("id"_L1).toString().isEmpty()) {
                    *param = where + u".id"_s;
                    return u"Missing required parameter: '"_s + where + u".id'."_s;
                }
                if (call.value("type"_L1).toString() != "function"_L1) {
                    *param = where + u".type"_s;
                    return u"Missing required parameter: '"_s + where + u".type'."_s;
                }
                if (!function.value("name"_L1).isString() || !function.value("arguments"_L1).isString()) {
                    *param = where + u".function"_s;
                    return u"Invalid '"_s + where + u".function': name and arguments (a string) are required."_s;
                }
                calls.insert(call.value("id"_L1).toString());
                unanswered.insert(call.value("id"_L1).toString());
                caller = i;
            }
        } else {
            if (!m.contains("content"_L1) || !(content.isString() || content.isArray())) {
                *param = at + u".content"_s;
                return u"Missing required parameter: '"_s + at + u".content'."_s;
            }
        }
        if (role == "tool"_L1) {
            if (!m.value("tool_call_id"_L1).isString()) {
                *param = at + u".tool_call_id"_s;
                return u"Missing required parameter: '"_s + at + u".tool_call_id'."_s;
            }
            const QString id = m.value("tool_call_id"_L1).toString();
            if (!calls.contains(id)) {
                *param = u"messages.["_s + QString::number(i) + u"].role"_s;
                return u"Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'."_s;
            }
            unanswered.remove(id);
        }
        if (textOf(content).contains("json"_L1, Qt::CaseInsensitive))
            wantsJson = true;
    }
    if (!unanswered.isEmpty()) {
        *param = u"messages.["_s + QString::number(caller) + u"].role"_s;
        QStringList ids(unanswered.cbegin(), unanswered.cend());
        ids.sort();
        return u"An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. "
               "The following tool_call_ids did not have response messages: "_s
               + ids.join(u", "_s);
    }

    QSet<QString> toolNames;
    if (body.contains("tools"_L1)) {
        if (!body.value("tools"_L1).isArray()) {
            *param = u"tools"_s;
            return u"Invalid type for 'tools': expected an array of objects."_s;
        }
        const QJsonArray tools = body.value("tools"_L1).toArray();
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const QString at = u"tools["_s + QString::number(i) + u']';
            const QJsonObject tool = tools.at(i).toObject();
            if (tool.value("type"_L1).toString() != "function"_L1) {
                *param = at + u".type"_s;
                return u"Invalid value: '"_s + tool.value("type"_L1).toString() + u"'. Supported values are: 'function'."_s;
            }
            if (!tool.value("function"_L1).isObject()) {
                *param = at + u".function"_s;
                return u"Missing required parameter: '"_s + at + u".function'."_s;
            }
            const QJsonObject function = tool.value("function"_L1).toObject();
            const QString name = function.value("name"_L1).toString();
            if (!function.contains("name"_L1)) {
                *param = at + u".function.name"_s;
                return u"Missing required parameter: '"_s + at + u".function.name'."_s;
            }
            if (!nameRule.match(name).hasMatch()) {
                *param = at + u".function.name"_s;
                return u"Invalid '"_s + at + u".function.name': string does not match pattern. Expected a string that matches the "
                       "pattern '^[a-zA-Z0-9_-]+$'."_s;
            }
            if (function.contains("parameters"_L1) && !function.value("parameters"_L1).isObject()) {
                *param = at + u".function.parameters"_s;
                return u"Invalid type for '"_s + at + u".function.parameters': expected an object."_s;
            }
            if (function.contains("description"_L1) && !function.value("description"_L1).isString()) {
                *param = at + u".function.description"_s;
                return u"Invalid type for '"_s + at + u".function.description': expected a string."_s;
            }
            toolNames.insert(name);
        }
    }
    if (body.contains("tool_choice"_L1)) {
        const QJsonValue choice = body.value("tool_choice"_L1);
        if (toolNames.isEmpty()) {
            *param = u"tool_choice"_s;
            return u"Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified."_s;
        }
        if (choice.isString()) {
            const QString c = choice.toString();
            if (c != "none"_L1 && c != "auto"_L1 && c != "required"_L1) {
                *param = u"tool_choice"_s;
                return u"Invalid value: '"_s + c + u"'. Supported values are: 'none', 'auto', and 'required'."_s;
            }
        } else {
            const QString name = choice.toObject().value("function"_L1).toObject().value("name"_L1).toString();
            if (choice.toObject().value("type"_L1).toString() != "function"_L1 || !toolNames.contains(name)) {
                *param = u"tool_choice"_s;
                return u"Invalid value for 'tool_choice': function '"_s + name + u"' is not one of the tools."_s;
            }
        }
    }
    if (body.contains("response_format"_L1)) {
        const QJsonObject format = body.value("response_format"_L1).toObject();
        const QString type = format.value("type"_L1).toString();
        if (type == "json_schema"_L1) {
            const QJsonObject js = format.value("json_schema"_L1).toObject();
            if (!js.contains("name"_L1)) {
                *param = u"response_format.json_schema.name"_s;
                return u"Missing required parameter: 'response_format.json_schema.name'."_s;
            }
            if (!nameRule.match(js.value("name"_L1).toString()).hasMatch()) {
                *param = u"response_format.json_schema.name"_s;
                return u"Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches "
                       "the pattern '^[a-zA-Z0-9_-]+$'."_s;
            }
            if (js.contains("schema"_L1) && !js.value("schema"_L1).isObject()) {
                *param = u"response_format.json_schema.schema"_s;
                return u"Invalid type for 'response_format.json_schema.schema': expected an object."_s;
            }
        } else if (type == "json_object"_L1) {
            if (!wantsJson && m_profile == Profile::OpenAI) {
                *param = u"messages"_s;
                return u"'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'."_s;
            }
        } else if (type != "text"_L1) {
            *param = u"response_format.type"_s;
            return u"Invalid value: '"_s + type + u"'. Supported values are: 'json_object', 'json_schema', and 'text'."_s;
        }
    }
    if (body.contains("stream"_L1) && !body.value("stream"_L1).isBool() && !body.value("stream"_L1).isNull()) {
        *param = u"stream"_s;
        return u"Invalid type for 'stream': expected a boolean."_s;
    }
    if (body.contains("stream_options"_L1) && !body.value("stream_options"_L1).isNull()) {
        if (!body.value("stream"_L1).toBool()) {
            *param = u"stream_options"_s;
            return u"The 'stream_options' parameter is only allowed when 'stream' is enabled."_s;
        }
        const QJsonValue include = body.value("stream_options"_L1).toObject().value("include_usage"_L1);
        if (!include.isUndefined() && !include.isBool()) {
            *param = u"stream_options.include_usage"_s;
            return u"Invalid type for 'stream_options.include_usage': expected a boolean."_s;
        }
    }
    if (body.contains("n"_L1) && body.value("n"_L1).toInt(-1) != 1) {
        *param = u"n"_s;
        return u"The fake answers n=1 only."_s;
    }
    return {};
}

qint64 FakeOpenAI::cachedTokens(const QJsonArray &messages)
{
    QByteArray prefix;
    qint64 chars = 0;
    qint64 cached = 0;
    bool stillCached = true;
    QList<QByteArray> digests;
    for (const QJsonValue &m : messages) {
        prefix += compact(m.toObject()) + '\n';
        chars += messageChars(m.toObject());
        const QByteArray digest = QCryptographicHash::hash(prefix, QCryptographicHash::Sha256);
        if (stillCached && m_prefixes.contains(digest))
            cached = chars;
        else
            stillCached = false;
        digests.append(digest);
    }
    for (const QByteArray &d : std::as_const(digests))
        m_prefixes.insert(d);
    return tokens(cached);
}

QJsonObject FakeOpenAI::usageFor(const QJsonObject &body, const Answer &answer, qint64 cached) const
{
    const qint64 prompt = tokens(promptChars(body));
    qint64 completionChars = textOf(answer.content).size();
    for (const ToolCall &call : answer.toolCalls)
        completionChars += call.name.size() + call.arguments.size();
    const qint64 completion = tokens(completionChars);
    QJsonObject usage{{u"prompt_tokens"_s, prompt}, {u"completion_tokens"_s, completion}, {u"total_tokens"_s, prompt + completion}};
    if (m_profile == Profile::OpenAI) {
        usage.insert(u"prompt_tokens_details"_s, QJsonObject{{u"cached_tokens"_s, qMin(cached, prompt)}, {u"audio_tokens"_s, 0}});
        usage.insert(u"completion_tokens_details"_s,
                     QJsonObject{{u"reasoning_tokens"_s, 0}, {u"audio_tokens"_s, 0}, {u"accepted_prediction_tokens"_s, 0},
                                 {u"rejected_prediction_tokens"_s, 0}});
    }
    return usage;
}

FakeOpenAI::Answer FakeOpenAI::scriptedAnswer(const QJsonObject &step)
{
    Answer answer;
    const QJsonArray calls = step.value("tool_calls"_L1).toArray();
    for (const QJsonValue &c : calls) {
        const QJsonObject call = c.toObject();
        const QJsonValue arguments = call.value("arguments"_L1);
        answer.toolCalls.append(ToolCall{call.contains("id"_L1) ? call.value("id"_L1).toString() : nextCallId(),
                                         call.value("name"_L1).toString(),
                                         arguments.isString() ? arguments.toString() : QString::fromUtf8(compactValue(arguments))});
    }
    answer.content = step.contains("content"_L1) ? step.value("content"_L1)
                     : answer.toolCalls.isEmpty() ? QJsonValue(QString())
                                                  : QJsonValue();
    answer.finishReason = step.value("finish_reason"_L1).toString(answer.toolCalls.isEmpty() ? u"stop"_s : u"tool_calls"_s);
    answer.usage = step.value("usage"_L1).toObject();
    answer.noUsage = step.value("no_usage"_L1).toBool();
    answer.split = step.value("split"_L1).toInt();
    answer.cutAfterBytes = step.contains("cut_after_bytes"_L1) ? step.value("cut_after_bytes"_L1).toInteger() : -1;
    const QJsonObject midError = step.value("mid_stream_error"_L1).toObject();
    answer.midStreamError = midError.contains("error"_L1) ? midError.value("error"_L1).toObject() : midError;
    answer.hasRawSse = step.contains("raw_sse"_L1);
    answer.rawSse = step.value("raw_sse"_L1).toString().toUtf8();
    return answer;
}

FakeOpenAI::Answer FakeOpenAI::defaultAnswer(const QJsonObject &body, const HttpRequest &request)
{
    Answer answer;
    const QJsonArray messages = body.value("messages"_L1).toArray();
    qsizetype lastUser = -1;
    for (qsizetype i = 0; i < messages.size(); ++i)
        if (messages.at(i).toObject().value("role"_L1).toString() == "user"_L1)
            lastUser = i;
    const QString question = lastUser >= 0 ? textOf(messages.at(lastUser).toObject().value("content"_L1)) : QString();
    const QStringList words = wordsOf(question);

    // The tools called so far (by id) and the results given after the last user message.
    QHash<QString, QString> callNames;
    QList<std::pair<QString, QString>> results; // tool name, content
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QJsonArray calls = m.value("tool_calls"_L1).toArray();
        for (const QJsonValue &c : calls)
            callNames.insert(c.toObject().value("id"_L1).toString(),
                             c.toObject().value("function"_L1).toObject().value("name"_L1).toString());
        if (i > lastUser && m.value("role"_L1).toString() == "tool"_L1)
            results.append({callNames.value(m.value("tool_call_id"_L1).toString()), textOf(m.value("content"_L1))});
    }
    // A model reads data it was given in the prompt as well: paragraphs of a system message that are
    // "name: {JSON}" (what an app without tools gathers first) count as tool results.
    if (results.isEmpty()) {
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            if (m.value("role"_L1).toString() != "system"_L1)
                continue;
            const QStringList paragraphs = textOf(m.value("content"_L1)).split(u"\n\n"_s);
            for (const QString &paragraph : paragraphs) {
                const qsizetype colon = paragraph.indexOf(u": "_s);
                if (colon <= 0 || colon > 64 || (paragraph.contains(u' ') && paragraph.indexOf(u' ') < colon))
                    continue;
                const QString json = paragraph.mid(colon + 2).trimmed();
                if (QJsonDocument::fromJson(json.toUtf8()).isObject())
                    results.append({paragraph.left(colon), json});
            }
        }
    }

    const QJsonArray tools = body.value("tools"_L1).toArray();
    if (!tools.isEmpty() && m_profile != Profile::NoTools && results.isEmpty()) {
        QStringList wanted;
        const QByteArray header = request.header("x-fake-tools");
        if (!header.isEmpty())
            for (const QByteArray &name : header.split(','))
                wanted.append(QString::fromUtf8(name.trimmed()));
        bool none = false;
        const QJsonValue choice = body.value("tool_choice"_L1);
        if (m_profile == Profile::OpenAI) { // Ollama ignores tool_choice
            if (choice.toString() == "none"_L1)
                none = true;
            else if (choice.isObject())
                wanted = {choice.toObject().value("function"_L1).toObject().value("name"_L1).toString()};
        }
        if (!none) {
            for (const QJsonValue &t : tools) {
                const QJsonObject function = t.toObject().value("function"_L1).toObject();
                const QString name = function.value("name"_L1).toString();
                if (!wanted.isEmpty() && !wanted.contains(name))
                    continue;
                const QJsonObject parameters = function.value("parameters"_L1).toObject();
                const QJsonValue arguments = instance(parameters, parameters, words, true, 0, 0);
                answer.toolCalls.append(ToolCall{nextCallId(), name,
                                                 QString::fromUtf8(compact(arguments.isObject() ? arguments.toObject() : QJsonObject()))});
            }
        }
        if (!answer.toolCalls.isEmpty()) {
            answer.content = QJsonValue();
            answer.finishReason = u"tool_calls"_s;
            return answer;
        }
    }

    answer.finishReason = u"stop"_s;
    const QJsonObject format = body.value("response_format"_L1).toObject();
    const QString formatType = format.value("type"_L1).toString();
    if (formatType == "json_schema"_L1) {
        const QJsonObject js = format.value("json_schema"_L1).toObject();
        const QJsonObject schema = js.value("schema"_L1).toObject();
        QJsonValue value = instance(schema, schema, words, false, 0, 0);
        if (js.value("name"_L1).toString() == "campaign_draft"_L1 && !results.isEmpty() && value.isObject()) {
            QJsonObject brand;
            QList<QJsonObject> products;
            for (const auto &[tool, content] : std::as_const(results)) {
                eachObject(parseLoose(content), [&brand, &products](const QJsonObject &o) {
                    if (brand.isEmpty()
                        && (o.contains("primary_color"_L1) || o.contains("secondary_color"_L1) || o.contains("font_family"_L1)))
                        brand = o;
                    if (o.contains("name"_L1) && o.contains("price"_L1))
                        products.append(o);
                });
            }
            const QString primary = brand.value("primary_color"_L1).toString(u"#1a73e8"_s);
            const QString secondary = brand.value("secondary_color"_L1).toString(u"#fbbc04"_s);
            const QString font = brand.value("font_family"_L1).toString(u"Arial, sans-serif"_s);
            const QString first = products.isEmpty() ? phrase(words, 0, 60, 0) : products.first().value("name"_L1).toString();
            const QString firstPrice = products.isEmpty() ? QString() : QString::fromUtf8(compactValue(products.first().value("price"_L1)));
            QString html = u"<div style=\"font-family:"_s + font.toHtmlEscaped() + u";color:#222222\">"_s
                           + u"<h1 style=\"color:"_s + primary.toHtmlEscaped() + u"\">"_s + first.toHtmlEscaped() + u"</h1>"_s
                           + u"<p>"_s + phrase(words, 0, 200, 0).toHtmlEscaped() + u"</p><table role=\"presentation\">"_s;
            QString text = first + u"\n\n"_s;
            for (const QJsonObject &p : std::as_const(products)) {
                const QString name = p.value("name"_L1).toString();
                const QString price = QString::fromUtf8(compactValue(p.value("price"_L1)));
                const QString sku = p.contains("sku"_L1) ? QString::fromUtf8(compactValue(p.value("sku"_L1))) : QString();
                const QString link = p.value("permalink"_L1).toString();
                html += u"<tr><td style=\"padding:8px\">"_s
                        + (link.isEmpty() ? name.toHtmlEscaped()
                                          : u"<a href=\""_s + link.toHtmlEscaped() + u"\" style=\"color:"_s + primary.toHtmlEscaped()
                                                + u"\">"_s + name.toHtmlEscaped() + u"</a>"_s)
                        + u"</td><td style=\"padding:8px\">"_s + (sku.isEmpty() ? QString() : u"SKU "_s + sku.toHtmlEscaped())
                        + u"</td><td style=\"padding:8px;font-weight:bold\">"_s + price.toHtmlEscaped() + u"</td></tr>"_s;
                text += name + (sku.isEmpty() ? QString() : u" (SKU "_s + sku + u')') + u": "_s + price
                        + (link.isEmpty() ? QString() : u" "_s + link) + u'\n';
            }
            const QString cta = products.isEmpty() ? QString() : products.first().value("permalink"_L1).toString();
            html += u"</table>"_s;
            if (!cta.isEmpty())
                html += u"<p><a href=\""_s + cta.toHtmlEscaped() + u"\" style=\"background:"_s + secondary.toHtmlEscaped()
                        + u";color:#ffffff;padding:12px 20px;text-decoration:none\">Shop now</a></p>"_s;
            // The footer as LUX's templates write it: the brand kit's postal address and the
            // unsubscribe link (a URL, so not HTML-escaped: three braces).
            html += u"<p style=\"font-size:12px;color:#666666\">{{brand.address}}<br>"
                    "<a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p></div>"_s;
            text += u"\n{{brand.address}}\nUnsubscribe: {{{unsubscribe_url}}}\n"_s;
            // One element a line, as a model writes HTML.
            html.replace(u"</h1>"_s, u"</h1>\n"_s).replace(u"</p>"_s, u"</p>\n"_s).replace(u"</tr>"_s, u"</tr>\n"_s);
            html.replace(u"<table role"_s, u"\n<table role"_s).replace(u"</table>"_s, u"</table>\n"_s);
            QJsonObject draft = value.toObject();
            const QJsonObject properties = schema.value("properties"_L1).toObject();
            const bool open = properties.isEmpty();
            auto put = [&draft, &properties, open](const char *key, const QString &v) {
                if (open || properties.contains(QLatin1String(key)))
                    draft.insert(QLatin1String(key), v);
            };
            put("subject", u"New: "_s + first);
            put("preheader", firstPrice.isEmpty() ? first : first + u" for "_s + firstPrice + u" and more"_s);
            put("html", html);
            for (const char *key : {"text", "plain_text", "text_body", "body_text"})
                if (properties.contains(QLatin1String(key)))
                    draft.insert(QLatin1String(key), text);
            value = draft;
        }
        if (request.header("x-fake-invalid") == "1" && value.isObject()) {
            QJsonObject broken = value.toObject();
            const QJsonArray required = schema.value("required"_L1).toArray();
            QString removed;
            if (!required.isEmpty()) {
                removed = required.first().toString();
                broken.remove(removed);
            }
            for (auto it = broken.begin(); it != broken.end(); ++it) {
                if (it.key() != removed) {
                    *it = it.value().isString() ? QJsonValue(42) : QJsonValue(u"wrong type"_s);
                    break;
                }
            }
            value = broken;
        }
        const QByteArray json = value.isObject() ? compact(value.toObject()) : compactValue(value);
        if (m_profile == Profile::NoTools) // llama-server without a grammar for it: prose around a JSON block
            answer.content = QString(u"Sure! Here is the JSON you asked for:\n```json\n"_s + QString::fromUtf8(json)
                                     + u"\n```\nLet me know if you want changes."_s);
        else
            answer.content = QString::fromUtf8(json);
    } else if (formatType == "json_object"_L1) {
        // JSON mode with a schema written in the prompt ("… matches this JSON schema: {…}"): a model
        // follows it as it would follow json_schema.
        QJsonObject promptSchema;
        for (const QJsonValue &v : messages) {
            const QString content = textOf(v.toObject().value("content"_L1));
            const qsizetype at = content.indexOf(u"JSON schema: "_s);
            if (at >= 0)
                promptSchema = QJsonDocument::fromJson(content.mid(at + 13).toUtf8()).object();
        }
        if (!promptSchema.isEmpty())
            answer.content = QString::fromUtf8(compactValue(instance(promptSchema, promptSchema, words, false, 0, 0)));
        else
            answer.content = QString::fromUtf8(compact(QJsonObject{{u"answer"_s, phrase(words, 0, 200, 0)}, {u"tool_results"_s, results.size()}}));
    } else if (!results.isEmpty()) {
        QString text = u"Here is what I found."_s;
        for (const auto &[tool, content] : std::as_const(results))
            text += u" From the tool "_s + tool + u": "_s + content.trimmed() + u'.'; // verbatim, as the tool gave it
        text += u" That is all the tools told me."_s;
        answer.content = text;
    } else {
        answer.content = QString(u"You asked: "_s + question
                                 + u" This is the fake model's answer. It has a few sentences, so that a stream carries it in "
                                   "several deltas."_s);
    }
    const qint64 maxTokens = body.contains("max_completion_tokens"_L1) ? body.value("max_completion_tokens"_L1).toInteger()
                                                                      : body.value("max_tokens"_L1).toInteger();
    if (maxTokens > 0 && answer.content.toString().size() > maxTokens * 4) {
        answer.content = answer.content.toString().left(maxTokens * 4);
        answer.finishReason = u"length"_s;
    }
    return answer;
}

void FakeOpenAI::chat(HttpExchange *exchange, qsizetype record)
{
    const HttpRequest &request = exchange->request();
    if (!authorized(exchange, record))
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject()) {
        answerJson(exchange, record, 400,
                   errorBody(u"We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP "
                             "library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)"_s,
                             u"invalid_request_error"_s, QJsonValue(), QJsonValue()));
        return;
    }
    const QJsonObject body = doc.object();
    const bool streamed = body.value("stream"_L1).toBool();
    m_requests[record].streamed = streamed;
    const QString model = body.value("model"_L1).toString();
    if (failedAsTold(exchange, record, model))
        return;
    // A scripted failure is answered whatever the body says.
    if (!m_script.isEmpty() && m_script.first().value("status"_L1).toInt() >= 400) {
        const QJsonObject step = m_script.takeFirst();
        const int status = step.value("status"_L1).toInt();
        QJsonObject error = step.value("error"_L1).toObject();
        if (!error.isEmpty() && !error.contains("error"_L1))
            error = QJsonObject{{u"error"_s, error}};
        if (error.isEmpty())
            error = status == 429 ? rateLimitError(model) : status == 401 ? invalidKeyError(u"sk-revoked-key-0000"_s) : serverError(status);
        Headers headers;
        const QJsonObject given = step.value("headers"_L1).toObject();
        for (auto it = given.constBegin(); it != given.constEnd(); ++it)
            headers.append({it.key().toUtf8(), it.value().isString() ? it.value().toString().toUtf8() : compactValue(it.value())});
        sendError(exchange, record, status, error, headers);
        return;
    }
    if (m_profile == Profile::NoTools && body.contains("tools"_L1)) {
        answerJson(exchange, record, 500,
                   QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, 500}, {u"message"_s, u"tools param requires --jinja flag"_s},
                                                        {u"type"_s, u"server_error"_s}}}});
        return;
    }
    QString param;
    const QString problem = validate(body, &param);
    if (!problem.isEmpty()) {
        answerJson(exchange, record, 400, errorBody(problem, u"invalid_request_error"_s, param, QJsonValue()));
        return;
    }
    if (m_profile == Profile::OpenAI && !m_models.contains(model)) {
        answerJson(exchange, record, 404,
                   errorBody(u"The model `"_s + model + u"` does not exist or you do not have access to it."_s,
                             u"invalid_request_error"_s, QJsonValue(), u"model_not_found"_s));
        return;
    }
    const qint64 chars = promptChars(body);
    if (chars > m_contextChars) {
        const qint64 limit = tokens(m_contextChars);
        const qint64 used = tokens(chars);
        if (m_profile == Profile::NoTools)
            answerJson(exchange, record, 400,
                       QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, 400},
                                                            {u"message"_s, QString(u"request ("_s + QString::number(used)
                                                                               + u" tokens) exceeds the available context size ("_s
                                                                               + QString::number(limit) + u" tokens), try increasing it"_s)},
                                                            {u"type"_s, u"exceed_context_size_error"_s},
                                                            {u"n_prompt_tokens"_s, used},
                                                            {u"n_ctx"_s, limit}}}});
        else
            answerJson(exchange, record, 400,
                       errorBody(u"This model's maximum context length is "_s + QString::number(limit)
                                     + u" tokens. However, your messages resulted in "_s + QString::number(used)
                                     + u" tokens. Please reduce the length of the messages."_s,
                                 u"invalid_request_error"_s, u"messages"_s, u"context_length_exceeded"_s));
        return;
    }

    const Answer answer = m_script.isEmpty() ? defaultAnswer(body, request) : scriptedAnswer(m_script.takeFirst());
    const QJsonArray messages = body.value("messages"_L1).toArray();
    const qint64 cached = cachedTokens(messages);
    const QJsonObject usage = answer.usage.isEmpty() ? usageFor(body, answer, cached) : answer.usage;

    if (!streamed) {
        QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, answer.content}, {u"refusal"_s, QJsonValue()}};
        if (!answer.toolCalls.isEmpty()) {
            QJsonArray calls;
            for (const ToolCall &c : answer.toolCalls)
                calls.append(QJsonObject{{u"id"_s, c.id}, {u"type"_s, u"function"_s},
                                         {u"function"_s, QJsonObject{{u"name"_s, c.name}, {u"arguments"_s, c.arguments}}}});
            message.insert(u"tool_calls"_s, calls);
        }
        QJsonObject completion{{u"id"_s, QString(u"chatcmpl-fake"_s + QString::number(++m_idCounter))},
                               {u"object"_s, u"chat.completion"_s},
                               {u"created"_s, QDateTime::currentSecsSinceEpoch()},
                               {u"model"_s, model},
                               {u"system_fingerprint"_s, u"fp_fake"_s},
                               {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"message"_s, message},
                                                                     {u"logprobs"_s, QJsonValue()},
                                                                     {u"finish_reason"_s, answer.finishReason}}}}};
        if (!answer.noUsage)
            completion.insert(u"usage"_s, usage);
        answerJson(exchange, record, 200, completion, rateHeaders());
        return;
    }

    const bool includeUsage = body.value("stream_options"_L1).toObject().value("include_usage"_L1).toBool();
    const bool wholePromptSeen = cached > 0 && cached == tokens([&messages] {
        qint64 c = 0;
        for (const QJsonValue &m : messages)
            c += messageChars(m.toObject());
        return c;
    }());
    const bool sendUsage = includeUsage && !answer.noUsage && !(m_profile == Profile::Ollama && wholePromptSeen);
    const QByteArray bytes = answer.hasRawSse ? answer.rawSse : sseEvents(body, answer, usage, sendUsage);
    m_requests[record].status = 200;
    stream(exchange, bytes, answer.split, answer.cutAfterBytes);
}

QByteArray FakeOpenAI::sseEvents(const QJsonObject &body, const Answer &answer, const QJsonObject &usage, bool sendUsage)
{
    const QString id = u"chatcmpl-fake"_s + QString::number(++m_idCounter);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const QString model = body.value("model"_L1).toString();
    const bool usageField = sendUsage && m_profile == Profile::OpenAI;
    auto envelope = [&](const QJsonArray &choices) -> QJsonObject {
        QJsonObject o{{u"id"_s, id}, {u"object"_s, u"chat.completion.chunk"_s}, {u"created"_s, created}, {u"model"_s, model},
                      {u"system_fingerprint"_s, u"fp_fake"_s}, {u"choices"_s, choices}};
        if (usageField)
            o.insert(u"usage"_s, QJsonValue());
        return o;
    };
    auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish) -> QByteArray {
        return "data: "
               + compact(envelope(QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"logprobs"_s, QJsonValue()},
                                                         {u"finish_reason"_s, finish}}}))
               + "\n\n";
    };
    QList<QByteArray> events;
    const QString content = answer.content.toString();
    QJsonObject first{{u"role"_s, u"assistant"_s}, {u"content"_s, answer.toolCalls.isEmpty() ? QJsonValue(QString()) : QJsonValue()},
                      {u"refusal"_s, QJsonValue()}};

    // Tool calls: each call's first fragment (index, id, type, name, empty arguments) and then its
    // arguments in several fragments, the calls taking turns.
    QList<QStringList> fragments;
    for (const ToolCall &c : answer.toolCalls)
        fragments.append(pieces(c.arguments, qMax<qsizetype>(2, c.arguments.size() / 4 + 1)));
    auto header = [&answer](qsizetype i) -> QJsonObject {
        return QJsonObject{{u"index"_s, i}, {u"id"_s, answer.toolCalls.at(i).id}, {u"type"_s, u"function"_s},
                           {u"function"_s, QJsonObject{{u"name"_s, answer.toolCalls.at(i).name}, {u"arguments"_s, u""_s}}}};
    };
    if (!answer.toolCalls.isEmpty())
        first.insert(u"tool_calls"_s, QJsonArray{header(0)});
    events.append(chunk(first, QJsonValue()));
    events.append(": keep-alive\n\n");
    qsizetype rounds = fragments.isEmpty() ? 0 : 1; // the later calls' headers come in the first round
    for (const QStringList &f : std::as_const(fragments))
        rounds = qMax(rounds, f.size());
    for (qsizetype r = 0; r < rounds; ++r) {
        for (qsizetype i = 0; i < fragments.size(); ++i) {
            if (r == 0 && i > 0)
                events.append(chunk(QJsonObject{{u"tool_calls"_s, QJsonArray{header(i)}}}, QJsonValue()));
            if (r < fragments.at(i).size())
                events.append(chunk(QJsonObject{{u"tool_calls"_s, QJsonArray{QJsonObject{
                                                    {u"index"_s, i}, {u"function"_s, QJsonObject{{u"arguments"_s, fragments.at(i).at(r)}}}}}}},
                                    QJsonValue()));
        }
    }

    const QStringList parts = pieces(content, qMax<qsizetype>(4, content.size() / 30));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!answer.midStreamError.isEmpty() && i == parts.size() / 2) {
            events.append("data: " + compact(QJsonObject{{u"error"_s, answer.midStreamError}}) + "\n\n");
            break;
        }
        events.append(chunk(QJsonObject{{u"content"_s, parts.at(i)}}, QJsonValue()));
    }
    if (!answer.midStreamError.isEmpty()) {
        if (parts.isEmpty())
            events.append("data: " + compact(QJsonObject{{u"error"_s, answer.midStreamError}}) + "\n\n");
    } else {
        events.append(chunk(QJsonObject{}, answer.finishReason));
        if (sendUsage) {
            QJsonObject last = envelope(QJsonArray{});
            last.insert(u"usage"_s, usage);
            events.append("data: " + compact(last) + "\n\n");
        }
        events.append("data: [DONE]\n\n");
    }
    QByteArray out;
    for (qsizetype i = 0; i < events.size(); ++i) {
        out += events.at(i);
        if (i % 5 == 3)
            out += '\n'; // a stray blank line: an empty event a client must skip
    }
    return out;
}

void FakeOpenAI::stream(HttpExchange *exchange, const QByteArray &bytes, int split, qint64 cutAfter)
{
    Headers headers{{"Content-Type", "text/event-stream; charset=utf-8"}, {"Cache-Control", "no-cache"},
                    {"x-request-id", "req_fake" + QByteArray::number(++m_idCounter)}};
    headers.append(rateHeaders());
    exchange->beginStream(200, headers);
    struct State
    {
        QPointer<HttpExchange> exchange;
        QByteArray bytes;
        qsizetype at = 0;
        int split = 0;
        qint64 cutAfter = -1;
        QRandomGenerator random;
    };
    auto state = std::make_shared<State>(State{exchange, bytes, 0, split, cutAfter, QRandomGenerator(m_random.generate())});
    auto step = std::make_shared<std::function<void()>>();
    *step = [state, weak = std::weak_ptr<std::function<void()>>(step)] {
        for (;;) {
            HttpExchange *ex = state->exchange;
            if (!ex)
                return;
            if (!ex->isOpen()) {
                ex->drop();
                return;
            }
            if (state->cutAfter >= 0 && state->at >= state->cutAfter) {
                // What was written reaches the client first: abort() would throw away unsent bytes.
                QTimer::singleShot(20, ex, [ex] { ex->drop(); });
                return;
            }
            if (state->at >= state->bytes.size()) {
                ex->endStream();
                return;
            }
            qint64 n = state->split > 0 ? state->split : state->random.bounded(1, 65);
            if (state->cutAfter >= 0)
                n = qMin(n, state->cutAfter - state->at);
            ex->writeChunk(state->bytes.mid(state->at, n));
            state->at += n;
            const int delay = int(state->random.bounded(0, 6));
            if (delay > 0) {
                const auto self = weak.lock();
                QTimer::singleShot(delay, ex, [self] { (*self)(); });
                return;
            }
        }
    };
    (*step)();
}

void FakeOpenAI::images(HttpExchange *exchange, qsizetype record)
{
    if (m_profile == Profile::Ollama) {
        HttpResponse response;
        response.status = 404;
        response.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "text/plain"));
        response.body = "404 page not found";
        m_requests[record].status = 404;
        exchange->respond(response);
        return;
    }
    if (m_profile == Profile::NoTools) {
        answerJson(exchange, record, 404,
                   QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, 404}, {u"message"_s, u"File Not Found"_s},
                                                        {u"type"_s, u"not_found_error"_s}}}});
        return;
    }
    if (!authorized(exchange, record))
        return;
    const QJsonObject body = QJsonDocument::fromJson(exchange->request().body).object();
    const QString model = body.value("model"_L1).toString(u"dall-e-2"_s);
    if (failedAsTold(exchange, record, model))
        return;
    auto bad = [&](const QString &message, const QString &param, const QJsonValue &code = QJsonValue()) {
        answerJson(exchange, record, 400, errorBody(message, u"invalid_request_error"_s, param, code));
    };
    const bool dalle2 = model == "dall-e-2"_L1;
    const bool dalle3 = model == "dall-e-3"_L1;
    const bool gptImage = model == "gpt-image-1"_L1;
    if (!dalle2 && !dalle3 && !gptImage) {
        bad(u"Invalid value: '"_s + model + u"'. Supported values are: 'dall-e-2', 'dall-e-3', and 'gpt-image-1'."_s, u"model"_s);
        return;
    }
    const QString prompt = body.value("prompt"_L1).toString();
    if (!body.value("prompt"_L1).isString() || prompt.isEmpty()) {
        bad(u"Missing required parameter: 'prompt'."_s, u"prompt"_s);
        return;
    }
    const qsizetype maxPrompt = dalle2 ? 1000 : dalle3 ? 4000 : 32000;
    if (prompt.size() > maxPrompt) {
        bad(u"Invalid 'prompt': string too long. Expected a string with maximum length "_s + QString::number(maxPrompt)
                + u", but got a string with length "_s + QString::number(prompt.size()) + u" instead."_s,
            u"prompt"_s, u"string_above_max_length"_s);
        return;
    }
    const int n = body.contains("n"_L1) ? body.value("n"_L1).toInt(-1) : 1;
    if (n < 1 || n > 10) {
        bad(u"Invalid 'n': integer out of range. Expected a value between 1 and 10."_s, u"n"_s);
        return;
    }
    if (dalle3 && n != 1) {
        bad(u"You must provide n=1 for this model."_s, u"n"_s);
        return;
    }
    const QStringList sizes = dalle2   ? QStringList{u"256x256"_s, u"512x512"_s, u"1024x1024"_s}
                              : dalle3 ? QStringList{u"1024x1024"_s, u"1792x1024"_s, u"1024x1792"_s}
                                       : QStringList{u"1024x1024"_s, u"1536x1024"_s, u"1024x1536"_s, u"auto"_s};
    const QString size = body.value("size"_L1).toString(gptImage ? u"auto"_s : u"1024x1024"_s);
    if (!sizes.contains(size)) {
        bad(u"Invalid value: '"_s + size + u"'. Supported values are: '"_s + sizes.join(u"', '"_s) + u"'."_s, u"size"_s);
        return;
    }
    const QStringList qualities = dalle2 ? QStringList{u"standard"_s}
                                  : dalle3 ? QStringList{u"standard"_s, u"hd"_s}
                                           : QStringList{u"low"_s, u"medium"_s, u"high"_s, u"auto"_s};
    const QString quality = body.value("quality"_L1).toString(qualities.first() == "low"_L1 ? u"auto"_s : qualities.first());
    if (!qualities.contains(quality)) {
        bad(u"Invalid value: '"_s + quality + u"'. Supported values are: '"_s + qualities.join(u"', '"_s) + u"'."_s, u"quality"_s);
        return;
    }
    if (body.contains("style"_L1)) {
        const QString style = body.value("style"_L1).toString();
        if (!dalle3) {
            bad(u"The 'style' parameter is only supported for dall-e-3."_s, u"style"_s);
            return;
        }
        if (style != "vivid"_L1 && style != "natural"_L1) {
            bad(u"Invalid value: '"_s + style + u"'. Supported values are: 'vivid' and 'natural'."_s, u"style"_s);
            return;
        }
    }
    QString responseFormat = u"b64_json"_s;
    if (body.contains("response_format"_L1)) {
        if (gptImage) {
            bad(u"Unknown parameter: 'response_format'."_s, u"response_format"_s, u"unknown_parameter"_s);
            return;
        }
        responseFormat = body.value("response_format"_L1).toString();
        if (responseFormat != "url"_L1 && responseFormat != "b64_json"_L1) {
            bad(u"Invalid value: '"_s + responseFormat + u"'. Supported values are: 'url' and 'b64_json'."_s, u"response_format"_s);
            return;
        }
    } else if (!gptImage) {
        responseFormat = u"url"_s;
    }
    QByteArray imageFormat = "PNG";
    if (body.contains("output_format"_L1)) {
        const QString f = body.value("output_format"_L1).toString();
        if (!gptImage || (f != "png"_L1 && f != "jpeg"_L1 && f != "webp"_L1)) {
            bad(u"Invalid value for 'output_format'."_s, u"output_format"_s);
            return;
        }
        if (f == "jpeg"_L1)
            imageFormat = "JPEG";
        else if (f == "webp"_L1 && QImageWriter::supportedImageFormats().contains("webp"))
            imageFormat = "WEBP";
    }
    const QString effective = size == "auto"_L1 ? u"1024x1024"_s : size;
    const int width = effective.section(u'x', 0, 0).toInt();
    const int height = effective.section(u'x', 1, 1).toInt();
    QJsonArray data;
    for (int i = 0; i < n; ++i) {
        QByteArray encoded;
        QBuffer buffer(&encoded);
        buffer.open(QIODevice::WriteOnly);
        drawImage(width, height, prompt, i).save(&buffer, imageFormat.constData());
        QJsonObject item;
        if (responseFormat == "url"_L1) {
            const QString imageId = u"img-"_s + QString::number(++m_idCounter);
            m_images.insert(imageId, encoded);
            item.insert(u"url"_s, QString(rootUrl().toString() + u"/_fake/images/"_s + imageId + u".png"_s));
        } else {
            item.insert(u"b64_json"_s, QString::fromLatin1(encoded.toBase64()));
        }
        if (dalle3)
            item.insert(u"revised_prompt"_s, QString(u"A clear, simple illustration: "_s + prompt));
        data.append(item);
    }
    QJsonObject answer{{u"created"_s, QDateTime::currentSecsSinceEpoch()}, {u"data"_s, data}};
    if (gptImage) {
        const qint64 input = tokens(prompt.size());
        const qint64 perImage = quality == "low"_L1 ? 272 : quality == "high"_L1 ? 4160 : 1056;
        answer.insert(u"usage"_s, QJsonObject{{u"total_tokens"_s, input + perImage * n}, {u"input_tokens"_s, input},
                                              {u"output_tokens"_s, perImage * n},
                                              {u"input_tokens_details"_s, QJsonObject{{u"text_tokens"_s, input}, {u"image_tokens"_s, 0}}}});
        answer.insert(u"size"_s, effective);
        answer.insert(u"quality"_s, quality == "auto"_L1 ? u"medium"_s : quality);
        answer.insert(u"output_format"_s, QString::fromLatin1(imageFormat.toLower()));
        answer.insert(u"background"_s, u"opaque"_s);
    }
    answerJson(exchange, record, 200, answer, rateHeaders());
}

void FakeOpenAI::control(HttpExchange *exchange, qsizetype record)
{
    const HttpRequest &request = exchange->request();
    const QString path = request.url.path();
    const QByteArray method = request.method;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    auto ok = [&](const QJsonObject &o) { answerJson(exchange, record, 200, o); };
    auto bad = [&](const QString &message) {
        answerJson(exchange, record, 400, errorBody(message, u"invalid_request_error"_s, QJsonValue(), QJsonValue()));
    };
    if (path == "/_fake/script"_L1) {
        if (method == "POST") {
            if (!doc.isArray() && !doc.isObject()) {
                bad(u"a JSON array of steps (or one step)"_s);
                return;
            }
            addScript(doc.isArray() ? doc.array() : QJsonArray{doc.object()});
            ok(QJsonObject{{u"steps"_s, m_script.size()}});
        } else if (method == "DELETE") {
            clearScript();
            ok(QJsonObject{{u"steps"_s, 0}});
        } else {
            QJsonArray steps;
            for (const QJsonObject &s : std::as_const(m_script))
                steps.append(s);
            ok(QJsonObject{{u"steps"_s, steps}});
        }
        return;
    }
    if (path == "/_fake/fail"_L1 && method == "POST") {
        const QJsonObject o = doc.object();
        const int status = o.value("status"_L1).toInt(429);
        const QString kind = o.value("kind"_L1).toString(status == 429 ? u"rate_limit"_s : u"server"_s);
        failNext(status, kind, o.value("count"_L1).toInt(1));
        ok(QJsonObject{{u"status"_s, status}, {u"kind"_s, kind}, {u"count"_s, m_failure.count}});
        return;
    }
    if (path == "/_fake/profile"_L1) {
        if (method == "POST") {
            Profile p;
            if (!parseProfile(doc.object().value("profile"_L1).toString(), &p)) {
                bad(u"profile: openai, ollama or notools"_s);
                return;
            }
            setProfile(p);
        }
        ok(QJsonObject{{u"profile"_s, profileName(m_profile)}});
        return;
    }
    if (path == "/_fake/requests"_L1) {
        if (method == "DELETE") {
            clearRequests();
            ok(QJsonObject{{u"requests"_s, 0}});
            return;
        }
        QJsonArray list;
        for (const Record &r : std::as_const(m_requests))
            list.append(QJsonObject{{u"method"_s, QString::fromUtf8(r.method)}, {u"path"_s, r.path}, {u"body"_s, r.body},
                                    {u"streamed"_s, r.streamed}, {u"status"_s, r.status},
                                    {u"at"_s, r.at.toString(Qt::ISODateWithMs)}});
        HttpResponse response = HttpResponse::json(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
        exchange->respond(response);
        return;
    }
    if (path == "/_fake/reset"_L1 && method == "POST") {
        reset();
        ok(QJsonObject{{u"reset"_s, true}});
        return;
    }
    if (path.startsWith("/_fake/images/"_L1) && method == "GET") {
        const QString id = path.mid(14).chopped(path.endsWith(".png"_L1) ? 4 : 0);
        if (!m_images.contains(id)) {
            answerJson(exchange, record, 404, errorBody(u"no such image"_s, u"invalid_request_error"_s, QJsonValue(), QJsonValue()));
            return;
        }
        HttpResponse response;
        response.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "image/png"));
        response.body = m_images.value(id);
        exchange->respond(response);
        return;
    }
    answerJson(exchange, record, 404, errorBody(u"no such control endpoint"_s, u"invalid_request_error"_s, QJsonValue(), QJsonValue()));
}

} // namespace lux::fakes
