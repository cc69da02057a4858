// SPDX-License-Identifier: GPL-3.0-or-later
#include "safefetcher.h"

#include "common/errorcodes.h"
#include "net/addresspolicy.h"

#include <QCoroFuture>
#include <QDeadlineTimer>
#include <QFuture>
#include <QHostInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QTimer>

#include <optional>

#ifndef LUX_HOMEPAGE_URL
#define LUX_HOMEPAGE_URL "https://github.com/lux-marketing/lux-marketing"
#endif

namespace lux::net {

namespace {

QString shown(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Worth trying the name's next address: nothing reached the server at this one.
bool tryNextAddress(const channels::HttpResponse &response)
{
    if (response.answered() || response.cancelled || response.tooLarge)
        return false;
    const auto e = QNetworkReply::NetworkError(response.networkError);
    return e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError
           || e == QNetworkReply::UnknownNetworkError;
}

} // namespace

struct SafeFetcher::Target
{
    QString host;        // as in the URL: what the Host header and the certificate name
    QByteArray hostPort; // the Host header: host[:port]
    QList<QHostAddress> addresses; // every one checked
};

QByteArray FetchedPage::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

SafeFetcher::SafeFetcher() : SafeFetcher(Seams{}) {}

SafeFetcher::SafeFetcher(Seams seams) : m_network(std::make_unique<QNetworkAccessManager>()), m_seams(std::move(seams))
{
    if (!m_seams.resolver)
        m_seams.resolver = &SafeFetcher::systemResolve;
    // The policy is about where this computer connects: a proxy would look the name up again and
    // reach what it reaches, so none is used, not even the system's.
    m_network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setStrictTransportSecurityEnabled(false);
}

SafeFetcher::~SafeFetcher() = default;

QByteArray SafeFetcher::userAgent()
{
    return QByteArrayLiteral("LUX-Marketing/" LUX_VERSION " (+" LUX_HOMEPAGE_URL ")");
}

QCoro::Task<Result<QList<QHostAddress>>> SafeFetcher::systemResolve(QString host, int timeoutMs)
{
    // QHostInfo has no coroutine of its own: its answer, or the time running out, ends a future.
    struct State
    {
        QPromise<void> promise;
        std::optional<QHostInfo> info;
        bool done = false;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<void> future = state->promise.future();
    QObject context;
    const int id = QHostInfo::lookupHost(host, &context, [state](const QHostInfo &info) {
        if (std::exchange(state->done, true))
            return;
        state->info = info;
        state->promise.finish();
    });
    QTimer::singleShot(std::max(timeoutMs, 0), &context, [state, id] {
        if (std::exchange(state->done, true))
            return;
        QHostInfo::abortHostLookup(id);
        state->promise.finish();
    });
    auto wait = qCoro(future).waitForFinished();
    co_await wait;
    if (!state->info)
        co_return Error(errc::fetchTimeout, tr("%1 could not be looked up within %2 s.").arg(host).arg(timeoutMs / 1000.0));
    if (state->info->error() != QHostInfo::NoError || state->info->addresses().isEmpty())
        co_return Error(errc::fetchResolve, tr("%1 could not be found: %2").arg(host, state->info->errorString()));
    co_return state->info->addresses();
}

QCoro::Task<Result<SafeFetcher::Target>> SafeFetcher::check(QUrl url, FetchOptions options, int timeoutMs)
{
    if (!url.isValid() || url.isRelative())
        co_return Error(errc::fetchUrl, tr("%1 is not a web address.").arg(url.toString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        co_return Error(errc::fetchScheme,
                        tr("%1: only http and https addresses are fetched, not %2.").arg(shown(url), scheme));
    const QString typedHost = url.host(QUrl::FullyEncoded).toLower();
    const AddressPolicy::Host host = AddressPolicy::parseHost(typedHost);
    if (std::holds_alternative<AddressPolicy::Invalid>(host))
        co_return Error(errc::fetchUrl, tr("%1: \"%2\" is neither a host name nor an address.").arg(shown(url), typedHost));

    QString bareHost = typedHost; // "wiki.corp.example." is "wiki.corp.example"
    if (bareHost.endsWith(u'.'))
        bareHost.chop(1);
    const bool allowLocal = options.allowPrivate || options.allowHosts.contains(bareHost, Qt::CaseInsensitive);
    const QString hint = tr("allow local addresses to fetch an intranet site");
    auto refusal = [&](const QHostAddress &address) -> std::optional<SpecialAddress> {
        if (m_seams.treatAsPublic && m_seams.treatAsPublic(address))
            return std::nullopt;
        return AddressPolicy::refused(address, allowLocal);
    };

    Target target;
    target.host = typedHost;
    target.hostPort = url.host(QUrl::FullyEncoded).toLower().toUtf8();
    if (target.hostPort.contains(':'))
        target.hostPort = '[' + target.hostPort + ']';
    if (url.port() != -1)
        target.hostPort += ':' + QByteArray::number(url.port());

    if (const auto *address = std::get_if<QHostAddress>(&host)) {
        if (const auto s = refusal(*address)) {
            const QString why = tr("%1 is %2 (%3)").arg(address->toString(), s->describe(), s->range);
            co_return Error(errc::fetchRefused, s->allowable ? tr("%1: %2; %3.").arg(shown(url), why, hint)
                                                             : tr("%1: %2, which is never fetched.").arg(shown(url), why));
        }
        target.addresses << *address;
        co_return target;
    }

    const QString name = std::get<QString>(host);
    auto lookup = m_seams.resolver(name, timeoutMs);
    Result<QList<QHostAddress>> resolved = co_await lookup;
    if (!resolved)
        co_return resolved.error();
    if (resolved->isEmpty())
        co_return Error(errc::fetchResolve, tr("%1 could not be found: it has no address.").arg(name));
    // One refused address refuses the name: the connection may otherwise go to it (another address
    // failing, a browser choosing differently), and a name that points inside is a name to distrust.
    for (const QHostAddress &address : std::as_const(*resolved)) {
        if (const auto s = refusal(address)) {
            const QString why = tr("%1 resolves to %2, %3 (%4)").arg(name, address.toString(), s->describe(), s->range);
            co_return Error(errc::fetchRefused, s->allowable ? tr("%1: %2; %3.").arg(shown(url), why, hint)
                                                             : tr("%1: %2, which is never fetched.").arg(shown(url), why));
        }
        target.addresses << address;
    }
    co_return target;
}

QCoro::Task<Result<FetchedPage>> SafeFetcher::fetch(QUrl url, FetchOptions options)
{
    FetchedPage page;
    page.requested = url;
    if (options.cancellation && options.cancellation->isCancelled())
        co_return Error(errc::cancelled, tr("Cancelled."));

    // One deadline for the whole fetch; the timer ends a request in flight through `stop`.
    const QDeadlineTimer deadline(options.timeoutMs);
    channels::Cancellation stop;
    bool timedOut = false;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &stop, [&timedOut, &stop] {
        timedOut = true;
        stop.cancel();
    });
    timer.start(std::max(options.timeoutMs, 0));
    if (options.cancellation)
        QObject::connect(options.cancellation.data(), &channels::Cancellation::cancelled, &stop, [&stop] { stop.cancel(); });
    const auto timeoutError = [&] {
        return Error(errc::fetchTimeout, tr("%1 took longer than %2 s to fetch.")
                                             .arg(shown(url), QLocale().toString(options.timeoutMs / 1000.0, 'g', 3)));
    };

    QUrl current = url.adjusted(QUrl::RemoveFragment);
    while (true) {
        const int remaining = int(deadline.remainingTime());
        if (timedOut || remaining <= 0)
            co_return timeoutError();
        auto checking = check(current, options, remaining);
        Result<Target> target = co_await checking;
        if (timedOut)
            co_return timeoutError();
        if (stop.isCancelled())
            co_return Error(errc::cancelled, tr("Cancelled."));
        if (!target && !page.redirects.isEmpty()) // say where the redirect came from
            co_return Error(target.error().code, tr("%1 redirects: %2").arg(shown(url), target.error().message));
        if (!target)
            co_return target.error();

        const bool https = current.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
        channels::HttpResponse response;
        QHostAddress used;
        for (const QHostAddress &address : std::as_const(target->addresses)) {
            // The request goes to the checked address itself; the name travels in the Host header and,
            // for https, as the name the certificate must carry and the SNI Qt sends (QSslSocket takes
            // both from the peer verify name).
            QUrl pinned = current.adjusted(QUrl::RemoveUserInfo);
            pinned.setHost(address.toString().section(u'%', 0, 0));
            channels::HttpRequest request;
            request.maxResponseBytes = options.maxBytes;
            request.cancellation = &stop;
            request.headers << qMakePair(QByteArrayLiteral("Host"), target->hostPort)
                            << qMakePair(QByteArrayLiteral("Accept"),
                                         QByteArrayLiteral("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8"));
            request.prepare = [https, peerName = target->host](QNetworkRequest &r) {
                r.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
                r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
                // HTTP/2 sends the URL's host (the address) as :authority and drops the Host header.
                r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
                r.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
                r.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
                r.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
                r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
                r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
                if (https)
                    r.setPeerVerifyName(peerName);
            };
            channels::HttpClient client(m_network.get(), {QUrl(), std::max(int(deadline.remainingTime()), 1)});
            auto sending = client.send(pinned, std::move(request));
            response = co_await sending;
            used = address;
            if (!tryNextAddress(response))
                break;
        }

        if (response.cancelled)
            co_return timedOut ? timeoutError() : Error(errc::cancelled, tr("Cancelled."));
        if (response.tooLarge)
            co_return Error(errc::fetchTooLarge, tr("%1 is larger than %2, the most a page may have.")
                                                     .arg(shown(current), QLocale().formattedDataSize(options.maxBytes)));
        if (!response.answered()) {
            if (response.networkError == QNetworkReply::OperationCanceledError || response.networkError == QNetworkReply::TimeoutError)
                co_return timeoutError();
            co_return Error(errc::fetchNetwork, tr("%1 could not be fetched: %2").arg(shown(current), response.errorString));
        }

        const QByteArray location = response.header("Location").trimmed();
        if (isRedirect(response.status) && !location.isEmpty()) {
            const QUrl next = current.resolved(QUrl::fromEncoded(location)).adjusted(QUrl::RemoveFragment);
            if (page.redirects.size() >= options.maxRedirects)
                co_return Error(errc::fetchRedirects, tr("%1 redirects more than %2 times (the last one to %3).")
                                                          .arg(shown(url))
                                                          .arg(options.maxRedirects)
                                                          .arg(shown(next)));
            if (!next.isValid())
                co_return Error(errc::fetchUrl, tr("%1 redirects to \"%2\", which is not a web address.")
                                                    .arg(shown(current), QString::fromLatin1(location)));
            page.redirects << next;
            current = next;
            continue;
        }

        page.finalUrl = current;
        page.status = response.status;
        page.headers = response.headers;
        page.body = response.body;
        page.address = used;
        co_return page;
    }
}

} // namespace lux::net
