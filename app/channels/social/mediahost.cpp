// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediahost.h"

#include "channels/httpclient.h"
#include "common/errorcodes.h"

#include <QCoroTimer>
#include <QCryptographicHash>
#include <QJsonObject>

#include <algorithm>
#include <chrono>

namespace lux::social {

namespace {

constexpr int kTimeoutMs = 60'000; // 16 MiB up a slow line
constexpr int kCheckTimeoutMs = 15'000;
constexpr int kMaxRetryWaitS = 10;

QString suffixFor(const QString &type)
{
    if (type == u"image/png")
        return QStringLiteral(".png");
    if (type == u"image/gif")
        return QStringLiteral(".gif");
    return QStringLiteral(".jpg");
}

QString typeFromSuffix(const QString &path)
{
    if (path.endsWith(u".jpg"))
        return QStringLiteral("image/jpeg");
    if (path.endsWith(u".png"))
        return QStringLiteral("image/png");
    if (path.endsWith(u".gif"))
        return QStringLiteral("image/gif");
    return {};
}

// Worth another try: no answer (a PUT or a HEAD may be sent again whether or not it arrived), or a
// status that says "later" (HttpClient's reading: 408, 425, 429, 5xx).
bool transient(const channels::HttpResponse &reply)
{
    return !reply.answered() || channels::HttpClient::outcome(reply).kind == channels::Outcome::Kind::Transient;
}

QString errorMessage(const channels::HttpResponse &reply)
{
    const QString m = reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    return m.isEmpty() ? QString() : QStringLiteral(": ") + m;
}

} // namespace

MediaHost::MediaHost(QNetworkAccessManager *network, QUrl trackerUrl, QByteArray apiToken, tracking::KeyRing keys, int urlMinutes, Clock clock)
    : m_network(network), m_trackerUrl(std::move(trackerUrl)), m_apiToken(std::move(apiToken)), m_tokens(std::move(keys)),
      m_urlMinutes(std::clamp(urlMinutes, kMinUrlMinutes, kMaxUrlMinutes)), m_clock(std::move(clock))
{
}

bool MediaHost::isTransient(const Error &error)
{
    return error.code == errc::trackerUnreachable;
}

QString MediaHost::typeOf(QByteArrayView bytes)
{
    if (bytes.startsWith(QByteArrayView("\xff\xd8\xff", 3)))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith(QByteArrayView("\x89PNG\r\n\x1a\n", 8)))
        return QStringLiteral("image/png");
    if (bytes.startsWith(QByteArrayView("GIF87a")) || bytes.startsWith(QByteArrayView("GIF89a")))
        return QStringLiteral("image/gif");
    return {};
}

QString MediaHost::where() const
{
    return m_trackerUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

Status MediaHost::checkConfig() const
{
    if (!m_trackerUrl.isValid() || m_trackerUrl.host().isEmpty()
        || (m_trackerUrl.scheme() != QLatin1String("https") && m_trackerUrl.scheme() != QLatin1String("http")))
        return Error(errc::trackerConfig, tr("Posts' pictures are hosted on lux-tracker: set its address under Settings → Tracking."));
    if (m_apiToken.isEmpty())
        return Error(errc::trackerToken, tr("The tracker API token is not set: add it under Settings → Tracking."));
    if (m_tokens.keys().isEmpty())
        return Error(errc::trackingKeys, tr("The tracking signing keys are not set: add them under Settings → Tracking."));
    return {};
}

QUrl MediaHost::sign(qint64 id, const QString &type, qint64 expiresAtSecs) const
{
    const QString token = m_tokens.signMedia(quint64(id), expiresAtSecs);
    return channels::HttpClient::join(m_trackerUrl, QStringLiteral("/m/") + token + suffixFor(type));
}

QCoro::Task<Result<HostedMedia>> MediaHost::host(QByteArray bytes, QString mime)
{
    if (Status s = checkConfig(); !s)
        co_return s.error();
    mime = mime.trimmed().toLower();
    if (bytes.isEmpty() || bytes.size() > kMaxBytes)
        co_return Error(errc::socialCheck,
                        tr("A post's picture is at most 16 MiB and not empty; this one is %1 bytes.").arg(bytes.size()));
    const QString type = typeOf(bytes);
    if (type.isEmpty())
        co_return Error(errc::socialCheck, tr("The picture is not a JPEG, PNG or GIF file, which is what Instagram and Facebook fetch."));
    if (mime.isEmpty())
        mime = type;
    if (type != mime)
        co_return Error(errc::socialCheck, tr("The picture is said to be %1, but its bytes are %2.").arg(mime, type));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString path = QStringLiteral("/api/v1/media/") + sha;

    channels::HttpClient client(m_network, {m_trackerUrl, kTimeoutMs});
    client.setBearer(m_apiToken);
    qint64 id = 0;
    {
        // Known already (another post, an earlier try): not sent again. Anything but a yes or a
        // refused token is left to the PUT, which says what is wrong if anything is.
        channels::HttpRequest head;
        head.method = QByteArrayLiteral("HEAD");
        head.path = path;
        auto asked = client.send(std::move(head));
        const channels::HttpResponse known = co_await asked;
        if (known.status == 401)
            co_return Error(errc::trackerToken, tr("lux-tracker at %1 refused the API token (HTTP 401): check it under Settings → Tracking.").arg(where()));
        if (known.status == 200)
            id = known.header("Lux-Media-Id").toLongLong();
    }
    for (int attempt = 1; id <= 0; ++attempt) {
        channels::HttpRequest put;
        put.method = QByteArrayLiteral("PUT");
        put.path = path;
        put.contentType = type.toLatin1();
        put.body = bytes; // idempotent: Qt sending it again after a dropped connection changes nothing
        auto sent = client.send(std::move(put));
        const channels::HttpResponse reply = co_await sent;
        if (reply.status == 200 || reply.status == 201) {
            const QJsonObject o = reply.json();
            id = o.value(QStringLiteral("id")).toInteger();
            if (id <= 0 || o.value(QStringLiteral("sha256")).toString() != sha)
                co_return Error(errc::trackerSync, tr("lux-tracker at %1 answered the upload (HTTP %2) with something other than the picture's record.")
                                                       .arg(where())
                                                       .arg(reply.status));
            break;
        }
        if (reply.status == 401)
            co_return Error(errc::trackerToken, tr("lux-tracker at %1 refused the API token (HTTP 401): check it under Settings → Tracking.").arg(where()));
        if (!transient(reply))
            co_return Error(errc::trackerSync, tr("lux-tracker at %1 refused the picture (HTTP %2)%3").arg(where()).arg(reply.status).arg(errorMessage(reply)));
        if (attempt >= kAttempts) {
            if (!reply.answered())
                co_return Error(errc::trackerUnreachable,
                                tr("lux-tracker at %1 cannot be reached (%2): the picture can be uploaded again later.").arg(where(), reply.errorString));
            co_return Error(errc::trackerUnreachable,
                            tr("lux-tracker at %1 could not take the picture now (HTTP %2)%3; try again later.")
                                .arg(where())
                                .arg(reply.status)
                                .arg(errorMessage(reply)));
        }
        const int waitS = reply.retryAfterSeconds >= 0 ? std::min(reply.retryAfterSeconds, kMaxRetryWaitS) : 0;
        auto pause = QCoro::sleepFor(std::chrono::milliseconds(std::max(waitS * 1000, 500 * attempt * attempt)));
        co_await pause;
    }

    HostedMedia media;
    media.id = id;
    media.sha256 = sha;
    media.type = type;
    media.size = bytes.size();
    const qint64 expires = m_clock() / 1000 + qint64(m_urlMinutes) * 60;
    media.expiresAt = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    media.url = sign(id, type, expires);
    co_return media;
}

QCoro::Task<Status> MediaHost::check(HostedMedia media)
{
    auto checked = check(media.url, media.type, media.size);
    co_return co_await checked;
}

QCoro::Task<Status> MediaHost::check(QUrl url, QString expectedType, qint64 expectedSize)
{
    if (expectedType.isEmpty())
        expectedType = typeFromSuffix(url.path());
    const QString address = url.toString();
    channels::HttpClient client(m_network, {url, kCheckTimeoutMs});
    channels::HttpRequest head;
    head.method = QByteArrayLiteral("HEAD");
    auto asked = client.send(url, std::move(head));
    const channels::HttpResponse reply = co_await asked;
    if (!reply.answered())
        co_return Error(errc::trackerUnreachable, tr("The picture at %1 cannot be fetched (%2): try again later.").arg(address, reply.errorString));
    if (reply.status == 410)
        co_return Error(errc::trackerSync, tr("The picture's address %1 has expired (HTTP 410): host it again for a new one.").arg(address));
    if (reply.status == 404)
        co_return Error(errc::trackerSync,
                        tr("lux-tracker has no picture at %1 (HTTP 404): it was removed, or the address was signed with other keys.").arg(address));
    if (transient(reply))
        co_return Error(errc::trackerUnreachable, tr("The picture at %1 cannot be fetched now (HTTP %2): try again later.").arg(address).arg(reply.status));
    if (reply.status != 200)
        co_return Error(errc::trackerSync, tr("The picture at %1 answers HTTP %2, not 200.").arg(address).arg(reply.status));
    const QString type = QString::fromLatin1(reply.header("Content-Type")).section(u';', 0, 0).trimmed().toLower();
    const bool picture = type == u"image/jpeg" || type == u"image/png" || type == u"image/gif";
    if (expectedType.isEmpty() ? !picture : type != expectedType)
        co_return Error(errc::trackerSync, tr("The picture at %1 is served as “%2”, not %3.")
                                               .arg(address, type, expectedType.isEmpty() ? tr("a JPEG, PNG or GIF") : expectedType));
    bool numeric = false;
    const qint64 length = reply.header("Content-Length").trimmed().toLongLong(&numeric);
    if (!numeric)
        co_return Error(errc::trackerSync, tr("The picture at %1 is served without its length (Content-Length).").arg(address));
    if (expectedSize >= 0 && length != expectedSize)
        co_return Error(errc::trackerSync, tr("The picture at %1 is served with %2 bytes, not %3.").arg(address).arg(length).arg(expectedSize));
    if (length <= 0 || length > kMaxBytes)
        co_return Error(errc::trackerSync, tr("The picture at %1 is served with %2 bytes, not 1 to 16 MiB.").arg(address).arg(length));
    co_return Status();
}

} // namespace lux::social
