// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "tracking/token.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace lux::social {

// A picture lux-tracker holds for a post, and the public address the networks fetch it from.
struct HostedMedia
{
    qint64 id = 0;       // lux-tracker's media id
    QString sha256;      // of the bytes, 64 lower-case hex digits: the picture's name on the tracker
    QUrl url;            // <tracker>/m/<token>.jpg (.png, .gif): signed here, valid until expiresAt
    QDateTime expiresAt; // UTC, to the second
    QString type;        // image/jpeg, image/png or image/gif
    qint64 size = 0;     // bytes
};

// Puts a post's pictures where Instagram and Facebook can fetch them (they take a URL, and a desktop
// has none): lux-tracker's media API (docs/tracker.md, "Media for social posts"). host() asks the
// tracker whether it has the bytes already (HEAD /api/v1/media/<sha256>) and uploads them only if
// not (PUT, idempotent, so retried freely), then signs the public address here with the tracking
// keys (tracking::TokenCodec::signMedia(), which lux-tracker checks): no round trip per address, and
// a fresh one whenever a post needs it. check() fetches the address the way the network will (HEAD)
// before the network is asked to.
//
// Errors: tracker.unreachable for what is worth trying again later (no answer, HTTP 408, 425, 429 or
// 5xx; isTransient() says so), tracker.token (401: the API token), tracker.sync (any other refusal,
// an expired or unknown address, an answer that is not what was asked for), tracker.config,
// tracking.keys (the settings are missing), social.check (not a JPEG, PNG or GIF of at most 16 MiB).
class MediaHost
{
    Q_DECLARE_TR_FUNCTIONS(lux::social::MediaHost)
public:
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024; // lux-tracker's TrackerServer::kMaxMediaBody
    // An address lives at least a minute and at most a week: the tracker removes pictures not
    // uploaded (or asked for) for 30 days, and a network fetches within minutes of being asked.
    static constexpr int kMinUrlMinutes = 1;
    static constexpr int kMaxUrlMinutes = 7 * 24 * 60;
    static constexpr int kAttempts = 3; // PUTs before a transient failure is the caller's

    // `trackerUrl` is the tracker's public address (https://track.example.com), `apiToken` its bearer
    // token, `keys` the signing ring the tracker was given; addresses stay valid `urlMinutes`.
    MediaHost(QNetworkAccessManager *network, QUrl trackerUrl, QByteArray apiToken, tracking::KeyRing keys, int urlMinutes,
              Clock clock = systemClock());

    // `mime` must be what the bytes are (empty: whatever they are of the three). Parameters by value:
    // a coroutine outlives its caller's temporaries.
    QCoro::Task<Result<HostedMedia>> host(QByteArray bytes, QString mime);
    // A HEAD of the public address that must answer 200 with this Content-Type and Content-Length.
    // Without them, the type the address's suffix names and any length up to kMaxBytes.
    QCoro::Task<Status> check(QUrl url, QString expectedType = {}, qint64 expectedSize = -1);
    QCoro::Task<Status> check(HostedMedia media);

    // Whether host() or check() may succeed if tried again later.
    static bool isTransient(const Error &error);
    // image/jpeg, image/png or image/gif from a file's first bytes; empty for anything else.
    static QString typeOf(QByteArrayView bytes);
    // A picture's public address, valid until expiresAtSecs (Unix seconds).
    QUrl sign(qint64 id, const QString &type, qint64 expiresAtSecs) const;

private:
    Status checkConfig() const;
    QString where() const; // the tracker's address, for messages

    QNetworkAccessManager *m_network;
    QUrl m_trackerUrl;
    QByteArray m_apiToken;
    tracking::TokenCodec m_tokens;
    int m_urlMinutes;
    Clock m_clock;
};

} // namespace lux::social
