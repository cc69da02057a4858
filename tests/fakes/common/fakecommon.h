// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

// What the social fakes (FakeX, FakeLinkedIn, FakeMeta) do alike, whatever the protocol: forms, the
// fake's clock, tokens, the sign-in's redirect, and the control endpoints under /_fake/. The faults are
// in faultplan.h, the base the fakes derive from in socialfake.h.
namespace lux::fakes::common {

// ---- Forms ---------------------------------------------------------------------------------------------

using Form = QList<std::pair<QString, QString>>;

// application/x-www-form-urlencoded ('+' is a space), for bodies and queries alike.
Form parseForm(const QByteArray &encoded);
// The first value of `name`, or empty; `present` says whether it was there at all.
QString formValue(const Form &form, const char *name, bool *present = nullptr);
Form queryOf(const HttpRequest &request);

QByteArray compact(const QJsonObject &o);

// ---- The fake's clock ----------------------------------------------------------------------------------

// Every time a fake reads: a test's clock (or the system's, UTC) plus an offset (clock_offset_s).
struct Clock
{
    std::function<QDateTime()> source;
    qint64 offsetMs = 0;
    QDateTime now() const { return (source ? source() : QDateTime::currentDateTimeUtc()).addMSecs(offsetMs); }
    // /_fake/config's clock_offset_s (seconds, fractions allowed), when given.
    void configure(const QJsonObject &o)
    {
        if (o.contains(QLatin1String("clock_offset_s")))
            offsetMs = qint64(o.value(QLatin1String("clock_offset_s")).toDouble() * 1000);
    }
};

// ---- Tokens and ids ------------------------------------------------------------------------------------

// `bytes` random bytes from `secrets`, base64url without padding: tokens, codes.
QString randomToken(QRandomGenerator &secrets, int bytes);
// `count` letters and digits (A–Z, a–z, 0–9) from `secrets`.
QString randomLetters(QRandomGenerator &secrets, int count);

// ---- The sign-in ---------------------------------------------------------------------------------------

// A redirect_uri the sign-in may send the user back to: an absolute http(s) URL with a host.
bool isHttpUrl(const QString &redirect);
// The sign-in's way back: redirect_uri with `items` added to its query, percent-encoded.
QByteArray redirectLocation(const QString &redirect, const Form &items);
// 302 to `location`, with this Cache-Control.
HttpResponse found(const QByteArray &location, const QByteArray &cacheControl = "no-store");
// RFC 6749's error body {"error", "error_description"}.
HttpResponse oauthError(int status, const QString &error, const QString &description);

// ---- Configuration -------------------------------------------------------------------------------------

// /_fake/config changes only the keys given: `key`'s string, or its array of strings.
void setIfGiven(const QJsonObject &o, const char *key, QString *value);
void setIfGiven(const QJsonObject &o, const char *key, QStringList *values);

// Added, or updated in place when one with the same id is there.
template<typename T>
void upsertById(QList<T> &list, const T &item)
{
    for (T &existing : list)
        if (existing.id == item.id) {
            existing = item;
            return;
        }
    list.append(item);
}

template<typename T, typename Id>
const T *findById(const QList<T> &list, const Id &id)
{
    for (const T &existing : list)
        if (existing.id == id)
            return &existing;
    return nullptr;
}

// ---- Control (/_fake/…) --------------------------------------------------------------------------------

// A control request's body as a JSON object (an empty body is an empty object); false when it is not one.
bool readObject(const HttpRequest &request, QJsonObject *o);
HttpResponse notAnObject();                     // 400 {"error":"a JSON object"}
HttpResponse jsonList(const QJsonArray &items); // 200 and the array
HttpResponse noControl();                       // 404 {"error":"no such control endpoint"}

// What the control endpoints do with a fake.
struct Control
{
    std::function<QJsonObject()> stats;                    // GET /_fake/stats
    std::function<QString(const QJsonObject &)> configure; // POST /_fake/config: an error, or empty
    std::function<void(bool config)> reset;                // POST /_fake/reset {"config": bool}
    std::function<HttpResponse(const HttpRequest &)> own;  // the fake's own (/_fake/posts, /_fake/grant…)
};
// The handler of a fake's HttpServer: /_fake/… to the control endpoints (answered at once, never
// faulty), everything else to the API.
HttpServer::Handler controlledHandler(Control control, std::function<void(HttpExchange *)> api);

// /_fake/stats: the requests by endpoint key, and the injected faults by kind.
QJsonObject pathsJson(const QHash<QString, int> &paths);
QJsonObject faultsJson(int serverErrors, int throttled, int dropped, int lost, int slow);

} // namespace lux::fakes::common
