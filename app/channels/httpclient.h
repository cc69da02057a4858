// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"

#include <QByteArray>
#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace lux::channels {

// Ends work at any moment from another place: a request in flight is aborted (HttpResponse::cancelled),
// a wait is cut short. One per piece of work the user can stop; cancel() is called on the thread the
// work runs on (the GUI thread's event loop, or luxctl's).
class Cancellation : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void cancel()
    {
        if (!m_cancelled.exchange(true))
            Q_EMIT cancelled();
    }
    bool isCancelled() const { return m_cancelled.load(); }

Q_SIGNALS:
    void cancelled();

private:
    std::atomic_bool m_cancelled = false;
};

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // joined to the base URL, query included ("/v1.0/me/messages?$top=1")
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    // A request that must never reach the provider twice (a POST that sends a message). Qt's HTTP
    // stack sends a request again by itself when a kept-alive connection closes before the answer;
    // a one-shot request is uploaded from a body that cannot be rewound, so Qt gives up instead
    // (ContentReSendError) and the caller reads "no answer, may have arrived": Outcome::Unknown.
    bool oneShot = false;
    // The most bytes of answer read (0: no limit). A longer answer is cut off: the request ends
    // without a status and `tooLarge` says why.
    qint64 maxResponseBytes = 0;
    // Read as it arrives (a stream of server-sent events): each piece of a 2xx answer's body is handed
    // to onData as soon as it is read and not kept in HttpResponse::body. Other answers are kept whole.
    std::function<void(const QByteArray &)> onData;
    // Aborts the request when cancelled (also before it starts): the response says `cancelled`.
    QPointer<Cancellation> cancellation;
    // The last word on the request before it leaves: the safe fetcher (net/safefetcher.h) pins it to
    // a checked address (the name for TLS, HTTP/1.1, no redirects, no cookies).
    std::function<void(QNetworkRequest &)> prepare;
};

struct HttpResponse
{
    int status = 0;       // 0: no answer
    int networkError = 0; // QNetworkReply::NetworkError
    QString errorString;
    bool requestSentWhole = false; // every byte of the request left (it may have been acted on)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int retryAfterSeconds = -1; // Retry-After (seconds or an HTTP date) or retry-after-ms, rounded up
    bool tooLarge = false;      // the answer was longer than the request's maxResponseBytes
    bool cancelled = false;     // the request's Cancellation ended it
    bool streamed = false;      // the body went to HttpRequest::onData (2xx with onData set)

    bool answered() const { return status != 0; }
    bool succeeded() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QJsonObject json() const;                        // the body as a JSON object; empty when it is not one
};

// The one HTTP helper every provider client is built on: a base URL, bearer or basic
// authentication, a timeout, Retry-After in its three forms, and the one-shot rule above. It reads
// answers; what they mean (a provider's error body, which statuses are worth a retry) is the
// client's, with outcome() for the common reading.
class HttpClient
{
public:
    struct Config
    {
        QUrl baseUrl;
        int timeoutMs = 30'000;
    };

    HttpClient(QNetworkAccessManager *network, Config config);

    void setBearer(const QByteArray &token);
    void setBasic(const QString &user, const QString &password);
    void clearAuth();
    const Config &config() const { return m_config; }
    QUrl url(const QString &path) const;
    // `path` after `base`, one slash between them.
    static QUrl join(const QUrl &base, const QString &path);

    // Parameters by value: a coroutine outlives its caller's temporaries.
    QCoro::Task<HttpResponse> send(HttpRequest request);
    // An absolute address instead of the base URL (an OAuth authority beside the API).
    QCoro::Task<HttpResponse> send(QUrl url, HttpRequest request);

    // Seconds to wait from Retry-After (delta-seconds or an HTTP date) or retry-after-ms; -1 when
    // neither says.
    static int retryAfterSeconds(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now);
    // The common reading of a response: 2xx accepted; 408, 425, 429 and 5xx transient; any other
    // status permanent; no answer transient when the request never left whole (refused, not
    // found, cut off while uploading), otherwise unknown (a timeout or a cut connection after the
    // request arrived: the provider may have acted). Code and message are left to the caller.
    static Outcome outcome(const HttpResponse &response);
    // application/x-www-form-urlencoded with every byte but the unreserved ones escaped, so '+' (an
    // E.164 number) and '&' arrive as themselves.
    static QByteArray form(const QList<QPair<QString, QString>> &fields);
    // A network error's name for logs and outbox rows: "network.<n>".
    static QString networkCode(int networkError);

private:
    QNetworkAccessManager *m_network;
    Config m_config;
    QByteArray m_authorization;
};

} // namespace lux::channels
