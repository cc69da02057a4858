// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mediastore.h"
#include "registrationdesk.h"
#include "trackerserver.h"

#include <QByteArray>
#include <QHash>

#include <atomic>
#include <memory>

struct MHD_PostProcessor;

namespace lux::tracker {

// One request's state, from its first line to its answer (trackerserver.cpp, eventroutes.cpp).
struct TrackerServer::Request
{
    enum Route {
        Health,
        Open,
        Click,
        Unsubscribe,
        ApiLinks,
        ApiEvents,
        TwilioStatus,
        TwilioInbound,
        ShortLink,
        EventPage,      // /e/<slug>: GET the page, POST a registration
        EventEmbed,     // /e/<slug>/embed
        EventChallenge, // /e/<slug>/challenge: a proof-of-work challenge for a form of one's own
        EventConfirm,   // /e/<slug>/confirm/<token>
        EventCancel,    // /e/<slug>/cancel/<token>
        ApiForms,       // /api/v1/forms/<slug>
        ApiMedia,       // /api/v1/media/<sha256>: the app's PUT and HEAD of a social post's picture
        Media,          // /m/<token>[.jpg|.png|.gif]: the picture, for Instagram and Facebook to fetch
        Other
    };
    Route route = Other;
    bool begun = false; // the access handler's first call has run
    QByteArray method;
    QByteArray token;
    QByteArray target; // the request-target as sent (Twilio's routes only)
    // A Twilio callback suspended while its event commits: parked (touched on the connection's
    // thread only), then the writer thread's outcome.
    enum Stored : int { NotYet, Committed, Failed };
    bool parked = false;
    bool help = false; // answer with the HELP text
    std::atomic<int> stored{NotYet};
    QByteArray body;
    size_t limit = kMaxPublicBody;
    bool tooBig = false;
    bool answered = false;
    MHD_PostProcessor *form = nullptr;
    QByteArray oneClick; // the List-Unsubscribe field of a form
    // The event routes: the slug (token holds the link's token), the posted fields, and the
    // registration desk's outcome once the connection is resumed.
    QString slug;
    QHash<QString, QByteArray> fields;
    bool fieldsTooMany = false;
    bool fieldRepeated = false;
    bool delayed = false; // a form sent without its script: answered a few seconds after it came
    qint64 resumeAfterNs = 0;
    std::shared_ptr<RegistrationDesk::Outcome> outcome;
    // PUT /api/v1/media/<sha256>: the body goes to a file as it arrives, never into `body`.
    std::unique_ptr<MediaUpload> upload;
    bool uploadFailed = false; // the disk refused a piece: 507 once the body is in
    QByteArray mediaType;      // the Content-Type, one of isMediaType()'s
    int status = 0;
    qint64 startNs = 0;

    Request() = default;
    Request(const Request &) = delete;
    Request &operator=(const Request &) = delete;
    ~Request();
};

} // namespace lux::tracker
