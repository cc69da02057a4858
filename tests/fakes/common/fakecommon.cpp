// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakecommon.h"

#include <QJsonDocument>
#include <QUrl>

namespace lux::fakes::common {

Form parseForm(const QByteArray &encoded)
{
    Form out;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.append({QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value)});
    }
    return out;
}

QString formValue(const Form &form, const char *name, bool *present)
{
    for (const auto &[key, value] : form)
        if (key == QLatin1String(name)) {
            if (present)
                *present = true;
            return value;
        }
    if (present)
        *present = false;
    return {};
}

Form queryOf(const HttpRequest &request)
{
    return parseForm(request.url.query(QUrl::FullyEncoded).toUtf8());
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString randomToken(QRandomGenerator &secrets, int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &b : raw)
        b = char(secrets.bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomLetters(QRandomGenerator &secrets, int count)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < count; ++i)
        out += QLatin1Char(alphabet[secrets.bounded(62)]);
    return out;
}

bool isHttpUrl(const QString &redirect)
{
    const QUrl url(redirect, QUrl::StrictMode);
    return !redirect.isEmpty() && url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QByteArray redirectLocation(const QString &redirect, const Form &items)
{
    QByteArray location = redirect.toUtf8();
    location += QUrl(redirect, QUrl::StrictMode).hasQuery() ? '&' : '?';
    bool first = true;
    for (const auto &[k, v] : items) {
        if (!first)
            location += '&';
        first = false;
        location += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return location;
}

HttpResponse found(const QByteArray &location, const QByteArray &cacheControl)
{
    HttpResponse r;
    r.status = 302;
    r.headers.append(std::pair<QByteArray, QByteArray>("Location", location));
    r.headers.append(std::pair<QByteArray, QByteArray>("Cache-Control", cacheControl));
    return r;
}

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(status, compact(QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}}));
}

void setIfGiven(const QJsonObject &o, const char *key, QString *value)
{
    if (o.contains(QLatin1String(key)))
        *value = o.value(QLatin1String(key)).toString();
}

void setIfGiven(const QJsonObject &o, const char *key, QStringList *values)
{
    if (!o.contains(QLatin1String(key)))
        return;
    values->clear();
    for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
        *values << v.toString();
}

namespace {

// GET /_fake/stats, POST /_fake/config and POST /_fake/reset, else the fake's own.
HttpResponse answerControl(const HttpRequest &request, const Control &control)
{
    const QString path = request.url.path();
    if (path == QLatin1String("/_fake/stats") && request.method == "GET")
        return HttpResponse::json(200, compact(control.stats()));
    if (path == QLatin1String("/_fake/config") && request.method == "POST") {
        QJsonObject o;
        if (!readObject(request, &o))
            return notAnObject();
        const QString refused = control.configure(o);
        if (!refused.isEmpty())
            return HttpResponse::json(400, compact(QJsonObject{{QStringLiteral("error"), refused}}));
        return HttpResponse::json(200, "{}");
    }
    if (path == QLatin1String("/_fake/reset") && request.method == "POST") {
        QJsonObject o;
        readObject(request, &o);
        control.reset(o.value(QStringLiteral("config")).toBool());
        return HttpResponse::json(200, "{}");
    }
    return control.own(request);
}

} // namespace

HttpServer::Handler controlledHandler(Control control, std::function<void(HttpExchange *)> api)
{
    return [control = std::move(control), api = std::move(api)](HttpExchange *exchange) {
        if (exchange->request().url.path().startsWith(QLatin1String("/_fake/"))) {
            exchange->respond(answerControl(exchange->request(), control));
            return;
        }
        api(exchange);
    };
}

bool readObject(const HttpRequest &request, QJsonObject *o)
{
    if (request.body.trimmed().isEmpty())
        return true;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    *o = doc.object();
    return error.error == QJsonParseError::NoError && doc.isObject();
}

HttpResponse notAnObject()
{
    return HttpResponse::json(400, R"({"error":"a JSON object"})");
}

HttpResponse jsonList(const QJsonArray &items)
{
    return HttpResponse::json(200, QJsonDocument(items).toJson(QJsonDocument::Compact));
}

HttpResponse noControl()
{
    return HttpResponse::json(404, R"({"error":"no such control endpoint"})");
}

QJsonObject pathsJson(const QHash<QString, int> &paths)
{
    QJsonObject out;
    for (auto it = paths.constBegin(); it != paths.constEnd(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QJsonObject faultsJson(int serverErrors, int throttled, int dropped, int lost, int slow)
{
    return QJsonObject{{QStringLiteral("server_error"), serverErrors},
                       {QStringLiteral("throttle"), throttled},
                       {QStringLiteral("drop"), dropped},
                       {QStringLiteral("lose"), lost},
                       {QStringLiteral("slow"), slow}};
}

} // namespace lux::fakes::common
