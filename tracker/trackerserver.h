// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionguard.h"
#include "eventstore.h"
#include "mediastore.h"
#include "proofofwork.h"
#include "ratelimiter.h"
#include "registrationdesk.h"
#include "tracking/classifier.h"
#include "tracking/shortlink.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <shared_mutex>
#include <thread>

class QTranslator;

struct MHD_Daemon;
struct MHD_Connection;
struct MHD_Response;

namespace lux::tracker {

struct TrackerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8090;
    QString dbPath;
    QByteArray keys;     // the KeyRing text
    QByteArray apiToken; // the app's bearer token
    int threads = 2;
    double ratePerSecond = 20; // per client address on public endpoints; 0 turns it off
    int rateBurst = 100;
    QList<QPair<QHostAddress, int>> trustedProxies; // whose X-Forwarded-For is believed
    QString accessLog;                               // a file; empty: none
    QByteArray machineRanges;                        // extra "CIDR reason" lines
    int batchIntervalMs = 50;
    int batchMax = 2000;
    ConnectionLimits limits; // timeouts and connection caps (maxConnections 0: from RLIMIT_NOFILE)
    // Twilio (docs/tracker.md): the address Twilio is configured with, which every signed URL starts
    // with (never the Host a client sends); the Auth Token that signs; the answer to HELP and INFO.
    QString publicUrl;          // "https://t.example.com", no trailing slash, no query
    QByteArray twilioAuthToken; // empty: /twilio/status and /twilio/inbound answer 404
    QString smsHelpText;        // empty: HELP gets empty TwiML like any other text
    // Events (docs/EVENTS.md): a registration form sent without its script is answered this long
    // after it came, and must then be confirmed by email.
    int noScriptDelayMs = 3000;
    int holdSweepMs = 1000; // how often registrations not confirmed in time are looked for
    // Social posts' pictures (docs/tracker.md): in <the database's folder>/media, removed when not
    // PUT for this many days (looked for at start and daily).
    int mediaRetentionDays = 30;
};

// lux-tracker's HTTP side on libmicrohttpd (see docs/DESIGN.md for why not QHttpServer 6.4): the
// public pixel, click, unsubscribe and health endpoints, and the app's bearer-token API. Handlers run
// on libmicrohttpd's thread pool; events go to the batcher, links live in a table in memory.
class TrackerServer
{
    Q_DECLARE_TR_FUNCTIONS(lux::tracker::TrackerServer)
public:
    static constexpr size_t kMaxPublicBody = 8 * 1024;
    static constexpr size_t kMaxApiBody = 1024 * 1024;
    static constexpr int kMaxLinksPerRequest = 10'000;
    static constexpr int kMaxUrlLength = 4096;
    static constexpr size_t kMaxTwilioBody = 64 * 1024;
    static constexpr size_t kMaxRegistrationBody = 32 * 1024;
    static constexpr int kMaxFormFields = 64;
    static constexpr qsizetype kMaxFieldBytes = 8 * 1024;
    // A social post's picture: Instagram takes JPEGs up to 8 MB, Facebook pictures up to 10 MB
    // (app/social/postchecks.h); 16 MiB leaves room and no more. Its body may take this long, once the API token is checked.
    static constexpr size_t kMaxMediaBody = 16 * 1024 * 1024;
    static constexpr std::chrono::milliseconds kMediaBodyTimeout{120'000};

    explicit TrackerServer(TrackerConfig config);
    ~TrackerServer();

    Status start();
    void stop(); // stops accepting, finishes requests, writes every acknowledged event
    quint16 port() const { return m_port; }
    void flushLog();
    // After start(): the limits in force (maxConnections resolved against the descriptor budget).
    const ConnectionLimits &limits() const { return m_limits; }
    const DescriptorBudget &descriptors() const { return m_descriptors; }

    struct Request; // per-request state

private:
    static int onRequest(void *cls, MHD_Connection *c, const char *url, const char *method, const char *version,
                         const char *upload, size_t *uploadSize, void **state);
    static void onCompleted(void *cls, MHD_Connection *c, void **state, int why);
    static int onAccept(void *cls, const struct sockaddr *address, unsigned int length);
    static void onConnection(void *cls, MHD_Connection *c, void **socket, int what);
    static void onLibraryMessage(void *cls, const char *format, va_list args);
    static ConnectionGuard::Connection *guarded(MHD_Connection *c);
    // RFC 9112 §6: a request whose body length is ambiguous (differing or malformed Content-Length,
    // Content-Length with Transfer-Encoding, a transfer coding other than chunked). 0: none.
    static int framingError(MHD_Connection *c, QByteArray *why);
    // libmicrohttpd's URI log callback: the request-target as sent, before decoding and before the
    // query is split off, which Twilio's signature covers. Creates the request's state.
    static void *onUri(void *cls, const char *uri, MHD_Connection *c);

    int handle(MHD_Connection *c, Request &r);
    int respond(MHD_Connection *c, Request &r, int status, MHD_Response *response);
    int respondOwned(MHD_Connection *c, Request &r, int status, MHD_Response *response);
    int open(MHD_Connection *c, Request &r);
    int click(MHD_Connection *c, Request &r);
    // An open or click token of either kind: naming its recipient, or anonymous.
    std::optional<tracking::Claims> verifyEither(QByteArrayView token, tracking::Purpose named, tracking::Purpose anonymous) const;
    // The event an open or click records; an anonymous one is timed to the UTC day only.
    static Event hit(const tracking::Claims &claims, const tracking::Verdict &verdict);
    int unsubscribe(MHD_Connection *c, Request &r);
    // POST /twilio/status and /twilio/inbound: signed by Twilio, stored durably, answered with TwiML.
    int twilio(MHD_Connection *c, Request &r);
    // GET /s/<code>: an SMS short link (tracking::ShortLinkCodec), a redirect and a click.
    int shortLink(MHD_Connection *c, Request &r);
    // The URL the app registered for a campaign's link; empty if none.
    QByteArray linkUrl(quint64 campaign, quint32 link) const;
    int apiLinks(MHD_Connection *c, Request &r);
    int apiEvents(MHD_Connection *c, Request &r);
    // The events' public side (eventroutes.cpp): the registration page and its embeddable form, a
    // registration, the confirm and cancel links (a button on GET, the act on POST), a proof-of-work
    // challenge for a form of one's own, and the app's PUT and GET /api/v1/forms/<slug>.
    int eventPage(MHD_Connection *c, Request &r, bool embed);
    int eventRegister(MHD_Connection *c, Request &r);
    int eventChallenge(MHD_Connection *c, Request &r);
    int eventLink(MHD_Connection *c, Request &r, bool confirm);
    int apiForms(MHD_Connection *c, Request &r);
    // Social posts' pictures (mediaroutes.cpp): the app's PUT and HEAD /api/v1/media/<sha256>, and
    // the public GET and HEAD /m/<token>. beginMediaUpload() runs once the PUT's headers are in:
    // it refuses what it can before the body is read, or readies the file the body goes to.
    int beginMediaUpload(MHD_Connection *c, Request &r);
    int apiMedia(MHD_Connection *c, Request &r);
    int media(MHD_Connection *c, Request &r);
    int unauthorisedMedia(MHD_Connection *c, Request &r);
    // Suspends `c` until the desk has decided (done runs on the desk's thread); false when stopping.
    using DeskCall = std::function<bool(RegistrationDesk::Done)>;
    bool park(MHD_Connection *c, Request &r, const DeskCall &call);
    int eventAnswer(MHD_Connection *c, Request &r, int status, const QByteArray &html, bool embed = false);
    int jsonAnswer(MHD_Connection *c, Request &r, int status, const QJsonObject &o);
    const QTranslator *translator(const QString &language) const;
    QString publicBase(MHD_Connection *c) const;
    void resumeLoop();
    bool authorised(MHD_Connection *c) const;
    QHostAddress clientAddress(MHD_Connection *c) const;
    void log(const Request &r);

    TrackerConfig m_config;
    tracking::TokenCodec m_tokens;
    tracking::ShortLinkCodec m_shortLinks; // the same ring as m_tokens
    tracking::RequestClassifier m_classifier;
    RateLimiter m_limiter;
    std::unique_ptr<EventBatcher> m_events;
    std::unique_ptr<RegistrationDesk> m_desk;
    std::unique_ptr<MediaStore> m_media;
    ProofOfWork m_pow;
    std::unique_ptr<QTranslator> m_english, m_spanish; // the pages' words (English for its plurals)
    // Connections answered later (a form sent without its script): resumed by m_resumer.
    std::mutex m_resumeMutex;
    std::condition_variable m_resumeWake;
    std::multimap<qint64, MHD_Connection *> m_resumeAt; // steady ns → connection
    bool m_resumerStopping = false;
    std::thread m_resumer;
    MHD_Daemon *m_daemon = nullptr;
    quint16 m_port = 0;
    ConnectionLimits m_limits;
    DescriptorBudget m_descriptors;
    std::unique_ptr<ConnectionGuard> m_guard;

    mutable std::shared_mutex m_linksMutex;
    QHash<quint64, QHash<quint32, QByteArray>> m_links; // campaign → link id → URL

    MHD_Response *m_gif = nullptr;
    MHD_Response *m_notFound = nullptr;
    // The unsubscribe pages once per language the tracker has (English first, then Spanish),
    // chosen by the token's language; pageFor() says which.
    static constexpr int kPageLanguages = 2;
    std::array<MHD_Response *, kPageLanguages> m_unsubscribePage{};
    std::array<MHD_Response *, kPageLanguages> m_unsubscribed{};
    static int pageFor(tracking::Language language);
    MHD_Response *m_health = nullptr;
    MHD_Response *m_emptyTwiml = nullptr; // <Response/>
    MHD_Response *m_helpTwiml = nullptr;  // <Response><Message>help text</Message></Response>, if one is set

    std::mutex m_logMutex;
    FILE *m_log = nullptr;

    // Twilio callbacks waiting for their commit on a suspended connection (no thread held), until
    // answered; stop() lets them finish before stopping libmicrohttpd, which must not be stopped
    // with a connection suspended. A handler counts itself in before it looks at m_stopping.
    std::atomic<int> m_parked{0};
    std::atomic<bool> m_stopping{false};
};

} // namespace lux::tracker
