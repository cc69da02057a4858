// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/httpclient.h"
#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QCoroTask>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace lux::net {

struct FetchOptions
{
    // Loopback, private, link-local, shared-NAT and unique-local addresses may be fetched (an intranet
    // site); never by default. Multicast, documentation, reserved and cloud metadata addresses stay
    // refused. `allowHosts` allows them for these names only (lower case, as typed in the URL).
    bool allowPrivate = false;
    QStringList allowHosts;
    int maxRedirects = 5;
    qint64 maxBytes = 5 * 1024 * 1024; // of the body as decompressed
    int timeoutMs = 15'000;            // for the whole fetch: look-ups, redirects and the page
    QPointer<channels::Cancellation> cancellation;
};

struct FetchedPage
{
    QUrl requested;
    QUrl finalUrl; // after the redirects
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; // decompressed
    QList<QUrl> redirects; // each Location followed, in order
    QHostAddress address;  // the checked address the page came from

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// The one fetcher for URLs a user typed (issue 21, docs/SEO.md "Fetching safely"): http and https
// only; every address a name resolves to is checked by AddressPolicy and the connection goes to the
// checked address (no second look-up for DNS rebinding to exploit); redirects followed by hand, each
// checked again; limits on time and size; no cookies, credentials or proxies.
//
// Built on channels::HttpClient (its response, its size limit, its cancellation) with its own
// QNetworkAccessManager, because the policy belongs to the manager: no proxy, no redirects, no
// cookie jar, no HSTS or cache. Lives on one thread, like its manager.
class SafeFetcher
{
    Q_DECLARE_TR_FUNCTIONS(lux::net::SafeFetcher)
public:
    // Resolves a name to its addresses within `timeoutMs` (the system's resolver by default). Fetch
    // errors: errc::fetchResolve, errc::fetchTimeout.
    using Resolver = std::function<QCoro::Task<Result<QList<QHostAddress>>>(QString host, int timeoutMs)>;

    // What a test may change: the resolver, and addresses that count as public (a loopback server
    // standing in for a site on the internet). Never set in the app.
    struct Seams
    {
        Resolver resolver;
        std::function<bool(const QHostAddress &)> treatAsPublic;
    };

    SafeFetcher();
    explicit SafeFetcher(Seams seams);
    ~SafeFetcher();
    SafeFetcher(const SafeFetcher &) = delete;
    SafeFetcher &operator=(const SafeFetcher &) = delete;

    // The page at `url` (any status: a 404 is an answer), or an error with one of the fetch.* codes
    // (errc::cancelled when options.cancellation ended it). Parameters by value: a coroutine.
    QCoro::Task<Result<FetchedPage>> fetch(QUrl url, FetchOptions options = {});

    // "LUX-Marketing/1.2.3 (+https://…)".
    static QByteArray userAgent();
    static QCoro::Task<Result<QList<QHostAddress>>> systemResolve(QString host, int timeoutMs);

private:
    struct Target;
    QCoro::Task<Result<Target>> check(QUrl url, FetchOptions options, int timeoutMs);

    std::unique_ptr<QNetworkAccessManager> m_network;
    Seams m_seams;
};

} // namespace lux::net
