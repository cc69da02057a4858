// SPDX-License-Identifier: GPL-3.0-or-later
// lux-tracker's pictures for social posts (docs/tracker.md, "Media for social posts"): the app PUTs
// a post's pictures by their SHA-256 and signs their public addresses itself; Instagram and Facebook
// fetch them from /m/<token> while the address is valid.
#include "request.h"
#include "trackerserver.h"

#include "common/errorcodes.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <microhttpd.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <limits>

namespace lux::tracker {

namespace {

// An answer with no body at all. A HEAD's answers are these: a client that sends HEAD as a custom
// verb (Qt's does) would otherwise wait for the body a Content-Length announces.
MHD_Response *emptyResponse()
{
    MHD_Response *r = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    return r;
}

QJsonObject errorJson(const char *code, const QString &message)
{
    return QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}}}};
}

} // namespace

int TrackerServer::unauthorisedMedia(MHD_Connection *c, Request &r)
{
    MHD_Response *resp = nullptr;
    if (r.method == "HEAD") {
        resp = emptyResponse();
    } else {
        static const QByteArray body = QByteArrayLiteral("{\"error\":{\"code\":\"unauthorized\"}}");
        resp = MHD_create_response_from_buffer(size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    return respondOwned(c, r, MHD_HTTP_UNAUTHORIZED, resp);
}

int TrackerServer::beginMediaUpload(MHD_Connection *c, Request &r)
{
    // Authorised and of an acceptable length already (onRequest). Refused here, the body is never read.
    if (!isSha256Hex(r.token))
        return jsonAnswer(c, r, MHD_HTTP_BAD_REQUEST,
                          errorJson("invalid-sha256", QStringLiteral("The path must end in the body's SHA-256: 64 lower-case hexadecimal digits.")));
    const char *contentType = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    const QByteArray mime = QByteArray(contentType ? contentType : "").split(';').constFirst().trimmed().toLower();
    if (!isMediaType(mime))
        return jsonAnswer(c, r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                          errorJson("unsupported-type", QStringLiteral("Send image/jpeg, image/png or image/gif, not “%1”.").arg(QString::fromLatin1(mime))));
    auto upload = m_media->begin();
    if (!upload)
        return jsonAnswer(c, r, MHD_HTTP_INSUFFICIENT_STORAGE, errorJson("storage", upload.error().message));
    r.upload = std::move(upload).value();
    r.mediaType = mime;
    // 16 MiB from a slow uplink straight to the tracker can take longer than a form's body timeout.
    m_guard->allowLongBody(guarded(c), kMediaBodyTimeout);
    return MHD_YES;
}

int TrackerServer::apiMedia(MHD_Connection *c, Request &r)
{
    if (!authorised(c)) // a HEAD, or a PUT refused before its body would not be here
        return unauthorisedMedia(c, r);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (r.method == "HEAD") {
        // The app asks before it uploads: a picture it has is not sent again, and counts as put now,
        // so the sweep does not take it while the addresses the app signs for it are still valid.
        const auto item = isSha256Hex(r.token) ? m_media->bySha(r.token, now) : std::nullopt;
        MHD_Response *resp = emptyResponse();
        if (!item)
            return respondOwned(c, r, MHD_HTTP_NOT_FOUND, resp);
        MHD_add_response_header(resp, "Lux-Media-Id", QByteArray::number(item->id).constData());
        MHD_add_response_header(resp, "Lux-Media-Type", item->type.constData());
        MHD_add_response_header(resp, "Lux-Media-Size", QByteArray::number(item->size).constData());
        return respondOwned(c, r, MHD_HTTP_OK, resp);
    }
    if (!r.upload) // not reached: beginMediaUpload() answers every PUT it does not ready
        return jsonAnswer(c, r, MHD_HTTP_BAD_REQUEST, errorJson("no-body", QStringLiteral("The picture's bytes are missing.")));
    if (r.uploadFailed)
        return jsonAnswer(c, r, MHD_HTTP_INSUFFICIENT_STORAGE,
                          errorJson("storage", QStringLiteral("The picture could not be written to the tracker's disk; try again later.")));
    const QByteArray sha = r.upload->sha256Hex();
    if (sha != r.token)
        return jsonAnswer(c, r, MHD_HTTP_BAD_REQUEST,
                          errorJson("sha256-mismatch", QStringLiteral("The body's SHA-256 is %1, not the %2 the path names.")
                                                           .arg(QString::fromLatin1(sha), QString::fromLatin1(r.token))));
    if (!magicMatches(r.mediaType, r.upload->head()))
        return jsonAnswer(c, r, MHD_HTTP_BAD_REQUEST,
                          errorJson("type-mismatch", QStringLiteral("The body does not start the way an %1 file does.").arg(QString::fromLatin1(r.mediaType))));
    const auto stored = m_media->commit(std::move(r.upload), sha, r.mediaType, now);
    if (!stored)
        return jsonAnswer(c, r, stored.error().code == errc::ioWrite ? MHD_HTTP_INSUFFICIENT_STORAGE : MHD_HTTP_SERVICE_UNAVAILABLE,
                          errorJson("storage", QStringLiteral("The picture could not be stored; try again later.")));
    const MediaItem &item = stored->item;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("id"), item.id},
                                                      {QStringLiteral("sha256"), QString::fromLatin1(item.sha256)},
                                                      {QStringLiteral("size"), item.size},
                                                      {QStringLiteral("type"), QString::fromLatin1(item.type)}})
                                .toJson(QJsonDocument::Compact);
    MHD_Response *resp = MHD_create_response_from_buffer(size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (stored->created)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, QByteArray("/api/v1/media/" + item.sha256).constData());
    return respondOwned(c, r, stored->created ? MHD_HTTP_CREATED : MHD_HTTP_OK, resp);
}

int TrackerServer::media(MHD_Connection *c, Request &r)
{
    // The suffix is for fetchers that go by the name; the Content-Type is what says the type.
    QByteArrayView token(r.token);
    for (const char *suffix : {".jpg", ".png", ".gif"})
        if (token.endsWith(suffix)) {
            token.chop(4);
            break;
        }
    const auto claims = m_tokens.verifyMedia(token);
    if (!claims)
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (claims->expired(now)) {
        return respondOwned(c, r, MHD_HTTP_GONE, emptyResponse());
    }
    const auto item = claims->id <= quint64(std::numeric_limits<qint64>::max()) ? m_media->byId(qint64(claims->id)) : std::nullopt;
    if (!item) // swept, or signed for a picture this tracker never had
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const int fd = ::open(QFile::encodeName(m_media->filePath(item->sha256)).constData(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || qint64(st.st_size) != item->size) {
        if (fd >= 0)
            ::close(fd);
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    }
    // Streamed from the file (sendfile where it can), which the response owns and closes; a HEAD's
    // answer has the same headers and no body.
    MHD_Response *resp = MHD_create_response_from_fd64(uint64_t(item->size), fd);
    if (!resp) {
        ::close(fd);
        return respondOwned(c, r, MHD_HTTP_SERVICE_UNAVAILABLE,
                            MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT));
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, item->type.constData());
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    const QByteArray cache = "private, max-age=" + QByteArray::number(claims->secondsLeft(now));
    MHD_add_response_header(resp, "Cache-Control", cache.constData());
    return respondOwned(c, r, MHD_HTTP_OK, resp);
}

} // namespace lux::tracker
