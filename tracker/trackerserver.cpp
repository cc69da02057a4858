// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackerserver.h"

#include "pages.h"
#include "request.h"

#include "common/errorcodes.h"
#include "sms/keywords.h"
#include "twilio/signature.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTranslator>
#include <QUrl>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <sodium.h>
#include <strings.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <limits>
#include <thread>

namespace lux::tracker {

namespace {

// The smallest transparent GIF: 1×1, one colour, transparent.
constexpr unsigned char kGif[] = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00,
                                  0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00,
                                  0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x01, 0x44, 0x00, 0x3b};

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void secureHeaders(MHD_Response *r)
{
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store, no-cache, must-revalidate, private, max-age=0");
}

MHD_Response *staticResponse(const QByteArray &body, const char *type)
{
    // MUST_COPY: the response outlives the QByteArray; created once, queued many times.
    MHD_Response *r = MHD_create_response_from_buffer(size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    secureHeaders(r);
    return r;
}

// libmicrohttpd's own idle timeout, reset by every byte: it only catches a connection that stops
// altogether while its answer is sent (a client that does not read). The absolute deadlines on
// headers, body and keep-alive are the ConnectionGuard's.
constexpr unsigned kStalledConnectionSeconds = 30;

} // namespace


TrackerServer::Request::~Request()
{
    if (form)
        MHD_destroy_post_processor(form);
}

namespace {
// Twilio's routes are not public in this sense: every request is signed, and Twilio posts a whole
// campaign's callbacks from a handful of addresses, which a per-address limit would turn away.
bool isPublic(int route)
{
    return route == TrackerServer::Request::Open || route == TrackerServer::Request::Click
        || route == TrackerServer::Request::Unsubscribe || route == TrackerServer::Request::ShortLink
        || route == TrackerServer::Request::EventPage || route == TrackerServer::Request::EventEmbed
        || route == TrackerServer::Request::EventChallenge || route == TrackerServer::Request::EventConfirm
        || route == TrackerServer::Request::EventCancel || route == TrackerServer::Request::Media
        || route == TrackerServer::Request::Other;
}

const char *routeName(int route)
{
    switch (route) {
    case TrackerServer::Request::Health:
        return "/healthz";
    case TrackerServer::Request::Open:
        return "/o";
    case TrackerServer::Request::Click:
        return "/c";
    case TrackerServer::Request::Unsubscribe:
        return "/u";
    case TrackerServer::Request::ApiLinks:
        return "/api/v1/links";
    case TrackerServer::Request::ApiEvents:
        return "/api/v1/events";
    case TrackerServer::Request::TwilioStatus:
        return "/twilio/status";
    case TrackerServer::Request::TwilioInbound:
        return "/twilio/inbound";
    case TrackerServer::Request::ShortLink:
        return "/s";
    case TrackerServer::Request::EventPage:
        return "/e";
    case TrackerServer::Request::EventEmbed:
        return "/e/embed";
    case TrackerServer::Request::EventChallenge:
        return "/e/challenge";
    case TrackerServer::Request::EventConfirm:
        return "/e/confirm";
    case TrackerServer::Request::EventCancel:
        return "/e/cancel";
    case TrackerServer::Request::ApiForms:
        return "/api/v1/forms";
    case TrackerServer::Request::ApiMedia:
        return "/api/v1/media";
    case TrackerServer::Request::Media:
        return "/m";
    case TrackerServer::Request::Other:
        break;
    }
    return "-";
}

MHD_Result formField(void *cls, MHD_ValueKind, const char *key, const char *, const char *, const char *, const char *data,
                     uint64_t, size_t size)
{
    auto *r = static_cast<TrackerServer::Request *>(cls);
    if (key && std::strcmp(key, "List-Unsubscribe") == 0) {
        if (r->oneClick.size() + qsizetype(size) > 64)
            return MHD_NO;
        r->oneClick.append(data, qsizetype(size));
    }
    return MHD_YES;
}

// A registration form's fields, either form encoding; a file part is ignored.
MHD_Result eventField(void *cls, MHD_ValueKind, const char *key, const char *filename, const char *, const char *, const char *data,
                      uint64_t offset, size_t size)
{
    auto *r = static_cast<TrackerServer::Request *>(cls);
    if (!key || filename)
        return MHD_YES;
    const QString name = QString::fromUtf8(key);
    auto it = r->fields.find(name);
    if (it == r->fields.end()) {
        if (r->fields.size() >= TrackerServer::kMaxFormFields) {
            r->fieldsTooMany = true; // refused once the body is in
            return MHD_YES;
        }
        it = r->fields.insert(name, QByteArray());
    } else if (offset == 0) {
        r->fieldRepeated = true; // which of the two would be the answer? Neither: refused.
        return MHD_YES;
    }
    if (it->size() + qsizetype(size) > TrackerServer::kMaxFieldBytes)
        return MHD_NO;
    it->append(data, qsizetype(size));
    return MHD_YES;
}
} // namespace

TrackerServer::TrackerServer(TrackerConfig config)
    : m_config(std::move(config)),
      m_tokens([this] {
          auto ring = tracking::KeyRing::parse(m_config.keys);
          return ring ? *ring : tracking::KeyRing(); // an empty ring: start() refuses to run
      }()),
      m_shortLinks(m_tokens.keys()),
      m_limiter(m_config.ratePerSecond, m_config.rateBurst)
{
}

TrackerServer::~TrackerServer()
{
    stop();
    for (MHD_Response *r : {m_gif, m_notFound, m_health, m_emptyTwiml, m_helpTwiml})
        if (r)
            MHD_destroy_response(r);
    for (const auto &pages : {m_unsubscribePage, m_unsubscribed})
        for (MHD_Response *r : pages)
            if (r)
                MHD_destroy_response(r);
}

Status TrackerServer::start()
{
    if (sodium_init() < 0)
        return Error(errc::trackerStart, tr("libsodium cannot initialise."));
    if (const auto ring = tracking::KeyRing::parse(m_config.keys); !ring)
        return ring.error();
    if (m_config.apiToken.size() < 16)
        return Error(errc::trackerConfig, tr("The API token must be at least 16 characters."));
    if (!m_config.machineRanges.isEmpty())
        if (Status s = m_classifier.addRanges(m_config.machineRanges); !s)
            return Error(s.error().code, tr("Machine ranges: %1").arg(s.error().message));

    const QString dbPath = m_config.dbPath;
    m_events = std::make_unique<EventBatcher>([dbPath]() { return openSqliteSink(dbPath); },
                                              EventBatcher::Options{m_config.batchIntervalMs, m_config.batchMax});
    if (Status s = m_events->start(); !s)
        return Error(s.error().code, tr("The event database %1 cannot be opened: %2").arg(dbPath, s.error().message));
    const Status loaded = m_events
                              ->allLinks([this](quint64 campaign, quint32 id, const QByteArray &url) { m_links[campaign].insert(id, url); })
                              .get();
    if (!loaded)
        return Error(loaded.error().code, tr("The links in %1 cannot be read.").arg(dbPath));
    // After the event store, which made or upgraded the schema the desk uses.
    m_desk = std::make_unique<RegistrationDesk>(dbPath, RegistrationDesk::Options{m_config.holdSweepMs});
    if (Status s = m_desk->start(); !s)
        return Error(s.error().code, tr("The registrations in %1 cannot be read: %2").arg(dbPath, s.error().message));
    // Beside the database, where the unit's StateDirectory is writable.
    m_media = std::make_unique<MediaStore>(dbPath, QFileInfo(dbPath).absoluteDir().filePath(QStringLiteral("media")),
                                           MediaStore::Options{.retentionDays = m_config.mediaRetentionDays});
    if (Status s = m_media->start(); !s)
        return Error(s.error().code, tr("The media in %1 cannot be used: %2").arg(m_media->folder(), s.error().message));
    m_resumer = std::thread([this] { resumeLoop(); });

    if (!m_config.accessLog.isEmpty()) {
        m_log = std::fopen(QFile::encodeName(m_config.accessLog).constData(), "a");
        if (!m_log)
            return Error(errc::ioWrite, tr("The access log %1 cannot be opened for writing.").arg(m_config.accessLog));
        std::setvbuf(m_log, nullptr, _IOFBF, 1 << 16);
    }

    m_gif = MHD_create_response_from_buffer(sizeof kGif, const_cast<unsigned char *>(kGif), MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(m_gif, MHD_HTTP_HEADER_CONTENT_TYPE, "image/gif");
    secureHeaders(m_gif);
    MHD_add_response_header(m_gif, "Pragma", "no-cache");
    MHD_add_response_header(m_gif, "Expires", "0");
    const char *html = "text/html; charset=utf-8";
    const auto pageHeaders = [](MHD_Response *r) {
        MHD_add_response_header(r, "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        MHD_add_response_header(r, "X-Frame-Options", "DENY");
        return r;
    };
    const PageText english(nullptr);
    m_notFound = pageHeaders(staticResponse( // a token that does not verify says no language: English
        htmlPage(QStringLiteral("en"), english(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Link not found")),
                 QStringLiteral("<h1>%1</h1><p>%2</p>")
                     .arg(english(QT_TRANSLATE_NOOP("lux::tracker::Pages", "This link does not work")),
                          english(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                    "It may be incomplete or out of date. Check that you used the whole link from the email.")))),
        html));
    // The Spanish words come from the embedded lux_es.qm (Lux::Translations, as the app has it); a
    // build without it answers Spanish tokens in English rather than with an empty page.
    m_spanish = std::make_unique<QTranslator>();
    if (!m_spanish->load(QStringLiteral(":/i18n/lux_es.qm"))) {
        qWarning("lux-tracker: no Spanish translation embedded (:/i18n/lux_es.qm); Spanish pages are in English");
        m_spanish.reset();
    }
    m_english = std::make_unique<QTranslator>(); // English's plural forms
    if (!m_english->load(QStringLiteral(":/i18n/lux_en.qm")))
        m_english.reset();
    for (int i = 0; i < kPageLanguages; ++i) {
        const bool es = i == pageFor(tracking::Language::Spanish) && m_spanish;
        const PageText text(es ? m_spanish.get() : nullptr);
        const QString lang = es ? QStringLiteral("es") : QStringLiteral("en");
        m_unsubscribePage[size_t(i)] = pageHeaders(staticResponse(
            htmlPage(lang, text(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Unsubscribe")),
                     QStringLiteral("<h1>%1</h1><p>%2</p><form method=\"post\">"
                                    "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                                    "<button type=\"submit\" id=\"unsubscribe\">%3</button></form>")
                         .arg(text(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Unsubscribe from these emails?")),
                              text(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                     "You will no longer receive this sender's marketing emails at this address.")),
                              text(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Unsubscribe")))),
            html));
        m_unsubscribed[size_t(i)] = pageHeaders(staticResponse(
            htmlPage(lang, text(QT_TRANSLATE_NOOP("lux::tracker::Pages", "Unsubscribed")),
                     QStringLiteral("<h1 id=\"done\">%1</h1><p>%2</p>")
                         .arg(text(QT_TRANSLATE_NOOP("lux::tracker::Pages", "You are unsubscribed")),
                              text(QT_TRANSLATE_NOOP("lux::tracker::Pages",
                                                     "You will not receive these emails again. It can take a day for a message already on its way.")))),
            html));
    }
    m_health = staticResponse(QByteArrayLiteral("{\"status\":\"ok\"}"), "application/json");
    static const QByteArray kXml = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    m_emptyTwiml = staticResponse(kXml + "<Response/>", "text/xml");
    if (!m_config.smsHelpText.isEmpty())
        m_helpTwiml = staticResponse(kXml + "<Response><Message>" + m_config.smsHelpText.toHtmlEscaped().toUtf8() + "</Message></Response>",
                                     "text/xml");

    m_descriptors = raiseDescriptorLimit();
    m_limits = m_config.limits;
    m_limits.maxConnections = m_limits.maxConnections > 0 ? std::min(m_limits.maxConnections, m_descriptors.maxConnections)
                                                          : m_descriptors.maxConnections;
    m_guard = std::make_unique<ConnectionGuard>(
        m_limits,
        [this](const sockaddr *address) {
            // Our own reverse proxy carries every client: the per-address limit is not for it.
            const QHostAddress peer(address);
            for (const auto &subnet : m_config.trustedProxies)
                if (peer.isInSubnet(subnet))
                    return true;
            return false;
        },
        stderr);
    m_guard->start();

    sockaddr_storage addr{};
    // Suspend and resume: a Twilio callback waits for its commit without holding a pool thread.
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
    const QByteArray host = m_config.host.toLatin1();
    if (m_config.host.contains(u':')) {
        auto *a6 = reinterpret_cast<sockaddr_in6 *>(&addr);
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons(m_config.port);
        if (inet_pton(AF_INET6, host.constData(), &a6->sin6_addr) != 1)
            return Error(errc::trackerConfig, tr("%1 is not an IP address to listen on.").arg(m_config.host));
        flags |= MHD_USE_IPv6;
    } else {
        auto *a4 = reinterpret_cast<sockaddr_in *>(&addr);
        a4->sin_family = AF_INET;
        a4->sin_port = htons(m_config.port);
        if (inet_pton(AF_INET, host.constData(), &a4->sin_addr) != 1)
            return Error(errc::trackerConfig, tr("%1 is not an IP address to listen on.").arg(m_config.host));
    }
    // libmicrohttpd splits its connection limit evenly over the pool's threads, and a thread that
    // accepts may be fuller than the others: its limit is set so that it never refuses before the
    // guard's global one does (which counts every thread's connections).
    const unsigned poolThreads = unsigned(std::max(1, m_config.threads));
    const unsigned libraryLimit = unsigned(std::min<qint64>(qint64(m_limits.maxConnections) * poolThreads + poolThreads, 1 << 30));
    m_daemon = MHD_start_daemon(flags, m_config.port, reinterpret_cast<MHD_AcceptPolicyCallback>(&TrackerServer::onAccept), this,
                                reinterpret_cast<MHD_AccessHandlerCallback>(&TrackerServer::onRequest), this,
                                MHD_OPTION_EXTERNAL_LOGGER, &TrackerServer::onLibraryMessage, this, // first, or some go to stderr raw
                                MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr *>(&addr),
                                MHD_OPTION_THREAD_POOL_SIZE, poolThreads,
                                MHD_OPTION_CONNECTION_MEMORY_LIMIT, size_t(32 * 1024),
                                MHD_OPTION_CONNECTION_LIMIT, libraryLimit,
                                MHD_OPTION_CONNECTION_TIMEOUT, kStalledConnectionSeconds,
                                MHD_OPTION_NOTIFY_CONNECTION, &TrackerServer::onConnection, this,
                                MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
                                MHD_OPTION_STRICT_FOR_CLIENT, 1,
                                MHD_OPTION_NOTIFY_COMPLETED, &TrackerServer::onCompleted, this,
                                MHD_OPTION_URI_LOG_CALLBACK, &TrackerServer::onUri, this,
                                MHD_OPTION_END);
    if (!m_daemon) {
        m_guard->stop(); // writes what libmicrohttpd said about it
        return Error(errc::trackerStart,
                     tr("Cannot listen on %1:%2 (in use, or not an address of this machine?).").arg(m_config.host).arg(m_config.port));
    }
    const MHD_DaemonInfo *info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    m_port = info ? info->port : m_config.port;
    return {};
}

void TrackerServer::stop()
{
    if (m_daemon) {
        // New Twilio callbacks and registrations get 503 and are retried. Those already waiting are
        // answered first: the desk decides and commits what it has queued, connections waiting out
        // a no-script delay are resumed at once, and the Twilio callbacks wait one batch interval
        // (the batcher still runs). Only then does libmicrohttpd stop, with nothing suspended.
        m_stopping = true;
        if (m_desk)
            m_desk->stop();
        if (m_resumer.joinable()) {
            {
                std::lock_guard lock(m_resumeMutex);
                m_resumerStopping = true;
            }
            m_resumeWake.notify_all();
            m_resumer.join(); // it resumes everything still waiting before it returns
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (m_parked.load() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (m_parked.load() > 0)
            std::fprintf(stderr, "lux-tracker: %d requests still wait for the event store; stopping anyway\n", m_parked.load());
        MHD_stop_daemon(m_daemon); // joins the pool: every handler has returned
        m_daemon = nullptr;
    }
    if (m_resumer.joinable()) { // start() failed after starting it
        {
            std::lock_guard lock(m_resumeMutex);
            m_resumerStopping = true;
        }
        m_resumeWake.notify_all();
        m_resumer.join();
    }
    if (m_desk) {
        m_desk->stop();
        m_desk.reset();
    }
    if (m_guard)
        m_guard->stop(); // the last summary
    if (m_media) {
        m_media->stop();
        m_media.reset();
    }
    if (m_events) {
        m_events->stop();
        m_events.reset();
    }
    std::lock_guard lock(m_logMutex);
    if (m_log) {
        std::fclose(m_log);
        m_log = nullptr;
    }
}

void TrackerServer::flushLog()
{
    std::lock_guard lock(m_logMutex);
    if (m_log)
        std::fflush(m_log);
}

int TrackerServer::onAccept(void *cls, const sockaddr *address, unsigned int)
{
    return static_cast<TrackerServer *>(cls)->m_guard->admit(address) ? MHD_YES : MHD_NO;
}

void TrackerServer::onConnection(void *cls, MHD_Connection *c, void **socket, int what)
{
    ConnectionGuard &guard = *static_cast<TrackerServer *>(cls)->m_guard;
    if (what == MHD_CONNECTION_NOTIFY_STARTED) {
        const MHD_ConnectionInfo *fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        const MHD_ConnectionInfo *peer = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        *socket = guard.opened(fd ? fd->connect_fd : -1, peer ? peer->client_addr : nullptr);
    } else if (what == MHD_CONNECTION_NOTIFY_CLOSED) {
        guard.closed(static_cast<ConnectionGuard::Connection *>(*socket));
        *socket = nullptr;
    }
}

void TrackerServer::onLibraryMessage(void *cls, const char *format, va_list args)
{
    static_cast<TrackerServer *>(cls)->m_guard->library(format, args);
}

ConnectionGuard::Connection *TrackerServer::guarded(MHD_Connection *c)
{
    const MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<ConnectionGuard::Connection *>(info->socket_context) : nullptr;
}

int TrackerServer::framingError(MHD_Connection *c, QByteArray *why)
{
    struct Fields
    {
        QList<QByteArray> lengths, codings;
    } fields;
    MHD_get_connection_values(
        c, MHD_HEADER_KIND,
        [](void *cls, MHD_ValueKind, const char *key, const char *value) {
            auto *f = static_cast<Fields *>(cls);
            if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0)
                f->lengths.append(QByteArray(value ? value : ""));
            else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0)
                f->codings.append(QByteArray(value ? value : ""));
            return MHD_YES;
        },
        &fields);
    if (!fields.lengths.isEmpty() && !fields.codings.isEmpty()) {
        *why = QByteArrayLiteral("Send Content-Length or Transfer-Encoding, not both.\n");
        return MHD_HTTP_BAD_REQUEST;
    }
    // 1*DIGIT and nothing else (no sign, no list): RFC 9112 §6.3 makes anything else unrecoverable.
    constexpr qsizetype kMaxDigits = std::numeric_limits<qint64>::digits10;
    for (const QByteArray &length : std::as_const(fields.lengths)) {
        const bool digits = !length.isEmpty() && length.size() <= kMaxDigits
                         && std::all_of(length.begin(), length.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!digits) {
            *why = QByteArrayLiteral("Content-Length must be one decimal number.\n");
            return MHD_HTTP_BAD_REQUEST;
        }
    }
    // Identical repeats are one length (RFC 9112 §6.3 allows either); differing ones are refused.
    for (const QByteArray &length : std::as_const(fields.lengths))
        if (length.toULongLong() != fields.lengths.constFirst().toULongLong()) {
            *why = QByteArrayLiteral("The Content-Length headers differ.\n");
            return MHD_HTTP_BAD_REQUEST;
        }
    if (fields.codings.size() > 1 || (!fields.codings.isEmpty() && fields.codings.constFirst().trimmed().compare("chunked", Qt::CaseInsensitive) != 0)) {
        *why = QByteArrayLiteral("Only the chunked transfer coding is supported.\n");
        return MHD_HTTP_NOT_IMPLEMENTED;
    }
    return 0;
}

int TrackerServer::onRequest(void *cls, MHD_Connection *c, const char *url, const char *method, const char *,
                             const char *upload, size_t *uploadSize, void **state)
{
    auto *self = static_cast<TrackerServer *>(cls);
    auto *r = static_cast<Request *>(*state);
    if (!r || !r->begun) {
        if (!r) { // onUri made it, unless libmicrohttpd skipped it
            r = new Request;
            r->startNs = nowNs();
            *state = r;
        }
        r->begun = true;
        r->method = method;
        const QByteArrayView path(url);
        const auto tail = [&](QByteArrayView prefix) { return path.sliced(prefix.size()).toByteArray(); };
        if (path.startsWith("/o/")) {
            r->route = Request::Open;
            r->token = tail("/o/");
        } else if (path.startsWith("/c/")) {
            r->route = Request::Click;
            r->token = tail("/c/");
        } else if (path.startsWith("/u/")) {
            r->route = Request::Unsubscribe;
            r->token = tail("/u/");
        } else if (path.startsWith("/s/")) {
            r->route = Request::ShortLink;
            r->token = tail("/s/");
        } else if (path == "/twilio/status" || path == "/twilio/inbound") {
            r->route = path == "/twilio/status" ? Request::TwilioStatus : Request::TwilioInbound;
            r->limit = kMaxTwilioBody;
        } else if (path == "/healthz") {
            r->route = Request::Health;
        } else if (path == "/api/v1/links") {
            r->route = Request::ApiLinks;
            r->limit = kMaxApiBody;
        } else if (path == "/api/v1/events") {
            r->route = Request::ApiEvents;
        } else if (path.startsWith("/api/v1/media/")) {
            r->route = Request::ApiMedia;
            r->token = tail("/api/v1/media/"); // the picture's SHA-256
            r->limit = kMaxMediaBody;
        } else if (path.startsWith("/m/")) {
            r->route = Request::Media;
            r->token = tail("/m/");
        } else if (path.startsWith("/api/v1/forms/")) {
            r->route = Request::ApiForms;
            r->slug = QString::fromLatin1(tail("/api/v1/forms/"));
            r->limit = kMaxApiBody;
        } else if (path.startsWith("/e/")) {
            // /e/<slug>, /e/<slug>/embed, /e/<slug>/challenge, /e/<slug>/confirm/<token>, /e/<slug>/cancel/<token>
            const QList<QByteArray> parts = tail("/e/").split('/');
            r->slug = QString::fromLatin1(parts.value(0));
            if (parts.size() == 1) {
                r->route = Request::EventPage;
                r->limit = kMaxRegistrationBody;
            } else if (parts.size() == 2 && parts[1] == "embed") {
                r->route = Request::EventEmbed;
            } else if (parts.size() == 2 && parts[1] == "challenge") {
                r->route = Request::EventChallenge;
            } else if (parts.size() == 3 && (parts[1] == "confirm" || parts[1] == "cancel")) {
                r->route = parts[1] == "confirm" ? Request::EventConfirm : Request::EventCancel;
                r->token = parts[2];
            }
            if (!FormDefinition::validSlug(r->slug))
                r->route = Request::Other;
        }
        self->m_guard->headersComplete(guarded(c));
        // Before anything reads the body: a request whose length is ambiguous is refused, and the
        // connection closed after the answer, since where its next request starts is unknown.
        if (QByteArray why; const int status = framingError(c, &why)) {
            MHD_Response *resp = staticResponse(why, "text/plain; charset=utf-8");
            MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
            return self->respondOwned(c, *r, status, resp);
        }
        if (isPublic(r->route) && self->m_limiter.enabled()) {
            int retry = 1;
            const QHostAddress client = self->clientAddress(c);
            if (!self->m_limiter.allow(client.toString().toLatin1(), QDateTime::currentMSecsSinceEpoch(), &retry)) {
                MHD_Response *resp = staticResponse(QByteArrayLiteral("Too many requests.\n"), "text/plain; charset=utf-8");
                MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, QByteArray::number(retry).constData());
                return self->respondOwned(c, *r, MHD_HTTP_TOO_MANY_REQUESTS, resp);
            }
        }
        if (r->method == "POST" || r->method == "PUT") {
            // Only the app may make the tracker read a picture's 16 MiB: its token before the body.
            if (r->route == Request::ApiMedia && !self->authorised(c))
                return self->unauthorisedMedia(c, *r);
            const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            // A PUT's size is known before its body is read, or it is not read (chunked included).
            if (!length && r->method == "PUT")
                return self->respondOwned(c, *r, MHD_HTTP_LENGTH_REQUIRED,
                                          staticResponse(QByteArrayLiteral("A PUT needs a Content-Length.\n"), "text/plain; charset=utf-8"));
            if (length) {
                bool ok = false;
                const qulonglong n = QByteArray(length).toULongLong(&ok);
                if (!ok || n > r->limit)
                    return self->respondOwned(c, *r, MHD_HTTP_CONTENT_TOO_LARGE,
                                              staticResponse(QByteArrayLiteral("Request too large.\n"), "text/plain; charset=utf-8"));
            }
            if (r->route == Request::ApiMedia && r->method == "PUT")
                return self->beginMediaUpload(c, *r); // refused now, or the body goes to a file
            if (r->route == Request::Unsubscribe && r->method == "POST")
                r->form = MHD_create_post_processor(c, 1024, &formField, r); // null: neither form encoding
            else if (r->route == Request::EventPage && r->method == "POST")
                r->form = MHD_create_post_processor(c, 4096, &eventField, r);
            return MHD_YES;                                                  // the body follows
        }
        // Answering on the first call would make libmicrohttpd close the connection: the answer
        // comes on the next call, once it knows there is no body, so keep-alive works.
        return MHD_YES;
    }
    if (*uploadSize > 0) {
        if (!r->answered && r->upload) {
            if (r->upload->size() + qint64(*uploadSize) > qint64(r->limit))
                r->tooBig = true;
            else if (!r->uploadFailed && !r->upload->write(upload, *uploadSize))
                r->uploadFailed = true; // the rest is read and dropped; 507 once it is in
        } else if (!r->answered) {
            if (r->form) {
                if (MHD_post_process(r->form, upload, *uploadSize) != MHD_YES)
                    r->tooBig = true; // a field past its size: refused below
            }
            if (r->body.size() + qsizetype(*uploadSize) > qsizetype(r->limit))
                r->tooBig = true;
            else
                r->body.append(upload, qsizetype(*uploadSize));
        }
        *uploadSize = 0;
        return MHD_YES;
    }
    if (r->answered)
        return MHD_YES;
    return self->handle(c, *r);
}

void TrackerServer::onCompleted(void *cls, MHD_Connection *c, void **state, int)
{
    auto *self = static_cast<TrackerServer *>(cls);
    auto *r = static_cast<Request *>(*state);
    // onUri makes the state before libmicrohttpd may refuse the request itself (431, 414, a broken
    // header): such a request never reached us, and is neither logged nor counted as answered.
    if (r && !r->begun) {
        delete r;
        *state = nullptr;
        return;
    }
    self->m_guard->requestComplete(guarded(c)); // keep-alive: the next request's deadline starts
    if (!r)
        return;
    if (r->parked) // resumed, but the connection went before its answer
        --self->m_parked;
    self->log(*r);
    delete r;
    *state = nullptr;
}

void *TrackerServer::onUri(void *, const char *uri, MHD_Connection *)
{
    auto *r = new Request;
    r->startNs = nowNs();
    if (uri && std::strncmp(uri, "/twilio/", 8) == 0)
        r->target = QByteArray(uri);
    return r;
}

int TrackerServer::respond(MHD_Connection *c, Request &r, int status, MHD_Response *response)
{
    r.answered = true;
    r.status = status;
    m_guard->answering(guarded(c));
    return MHD_queue_response(c, unsigned(status), response);
}

int TrackerServer::respondOwned(MHD_Connection *c, Request &r, int status, MHD_Response *response)
{
    const int ret = respond(c, r, status, response);
    MHD_destroy_response(response);
    return ret;
}

int TrackerServer::handle(MHD_Connection *c, Request &r)
{
    if (r.tooBig)
        return respondOwned(c, r, MHD_HTTP_CONTENT_TOO_LARGE, staticResponse(QByteArrayLiteral("Request too large.\n"), "text/plain; charset=utf-8"));
    const bool read = r.method == "GET" || r.method == "HEAD";
    const auto notAllowed = [&](const char *allow) {
        MHD_Response *resp = staticResponse(QByteArrayLiteral("Method not allowed.\n"), "text/plain; charset=utf-8");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
        return respondOwned(c, r, MHD_HTTP_METHOD_NOT_ALLOWED, resp);
    };
    switch (r.route) {
    case Request::Health:
        return read ? respond(c, r, MHD_HTTP_OK, m_health) : notAllowed("GET, HEAD");
    case Request::Open:
        return read ? open(c, r) : notAllowed("GET, HEAD");
    case Request::Click:
        return read ? click(c, r) : notAllowed("GET, HEAD");
    case Request::Unsubscribe:
        return read || r.method == "POST" ? unsubscribe(c, r) : notAllowed("GET, HEAD, POST");
    case Request::ApiLinks:
        return r.method == "POST" ? apiLinks(c, r) : notAllowed("POST");
    case Request::ApiEvents:
        return r.method == "GET" ? apiEvents(c, r) : notAllowed("GET");
    case Request::TwilioStatus:
    case Request::TwilioInbound:
        // Without a token this tracker does not serve Twilio at all: the routes do not exist.
        if (m_config.twilioAuthToken.isEmpty())
            return respondOwned(c, r, MHD_HTTP_NOT_FOUND, staticResponse(QByteArrayLiteral("Not found.\n"), "text/plain; charset=utf-8"));
        return r.method == "POST" ? twilio(c, r) : notAllowed("POST");
    case Request::ShortLink:
        return read ? shortLink(c, r) : notAllowed("GET, HEAD");
    case Request::EventPage:
        return read ? eventPage(c, r, false) : r.method == "POST" ? eventRegister(c, r) : notAllowed("GET, HEAD, POST");
    case Request::EventEmbed:
        return read ? eventPage(c, r, true) : notAllowed("GET, HEAD");
    case Request::EventChallenge:
        return read ? eventChallenge(c, r) : notAllowed("GET, HEAD");
    case Request::EventConfirm:
    case Request::EventCancel:
        return read || r.method == "POST" ? eventLink(c, r, r.route == Request::EventConfirm) : notAllowed("GET, HEAD, POST");
    case Request::ApiForms:
        return r.method == "PUT" || r.method == "GET" ? apiForms(c, r) : notAllowed("GET, PUT");
    case Request::ApiMedia:
        return r.method == "PUT" || r.method == "HEAD" ? apiMedia(c, r) : notAllowed("HEAD, PUT");
    case Request::Media:
        // Only read: nothing is recorded or changed by a fetch.
        return read ? media(c, r) : notAllowed("GET, HEAD");
    case Request::Other:
        break;
    }
    return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
}

QHostAddress TrackerServer::clientAddress(MHD_Connection *c) const
{
    const MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    QHostAddress peer = info && info->client_addr ? QHostAddress(info->client_addr) : QHostAddress();
    bool trusted = false;
    for (const auto &subnet : m_config.trustedProxies)
        if (peer.isInSubnet(subnet))
            trusted = true;
    if (!trusted)
        return peer;
    // Behind our own reverse proxy: the address it saw is the last one it appended.
    if (const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For")) {
        const QByteArray last = QByteArray(xff).split(',').constLast().trimmed();
        const QHostAddress forwarded(QString::fromLatin1(last));
        if (!forwarded.isNull())
            return forwarded;
    }
    if (const char *real = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Real-IP")) {
        const QHostAddress forwarded(QString::fromLatin1(real));
        if (!forwarded.isNull())
            return forwarded;
    }
    return peer;
}

int TrackerServer::open(MHD_Connection *c, Request &r)
{
    // A forged or broken token still gets the pixel (a broken image helps nobody), but no event.
    if (const auto claims = verifyEither(r.token, tracking::Purpose::Open, tracking::Purpose::AnonymousOpen)) {
        const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
        const tracking::Verdict v = m_classifier.classify(r.method, ua ? QByteArrayView(ua) : QByteArrayView(), clientAddress(c));
        m_events->append(hit(*claims, v));
    }
    return respond(c, r, MHD_HTTP_OK, m_gif);
}

QByteArray TrackerServer::linkUrl(quint64 campaign, quint32 link) const
{
    std::shared_lock lock(m_linksMutex);
    const auto links = m_links.constFind(campaign);
    return links != m_links.constEnd() ? links->value(link) : QByteArray();
}

int TrackerServer::click(MHD_Connection *c, Request &r)
{
    const auto claims = verifyEither(r.token, tracking::Purpose::Click, tracking::Purpose::AnonymousClick);
    if (!claims)
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const QByteArray url = linkUrl(claims->campaign, claims->link);
    if (url.isEmpty()) // signed, but the app never registered that link: never a redirect
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
    const tracking::Verdict v = m_classifier.classify(r.method, ua ? QByteArrayView(ua) : QByteArrayView(), clientAddress(c));
    m_events->append(hit(*claims, v));
    MHD_Response *resp = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, url.constData());
    secureHeaders(resp);
    return respondOwned(c, r, MHD_HTTP_FOUND, resp);
}

std::optional<tracking::Claims> TrackerServer::verifyEither(QByteArrayView token, tracking::Purpose named, tracking::Purpose anonymous) const
{
    if (auto claims = m_tokens.verify(token, named))
        return claims;
    return m_tokens.verify(token, anonymous); // the purpose is checked before the MAC: no second HMAC for a named token
}

Event TrackerServer::hit(const tracking::Claims &claims, const tracking::Verdict &verdict)
{
    const bool click = claims.purpose == tracking::Purpose::Click || claims.purpose == tracking::Purpose::AnonymousClick;
    qint64 at = QDateTime::currentMSecsSinceEpoch();
    EventKind kind = click ? EventKind::Click : EventKind::Open;
    if (tracking::isAnonymous(claims.purpose)) {
        // Counted, not timed: only the day is kept, so a hit cannot be matched to a delivery.
        constexpr qint64 kDay = 86'400'000;
        at -= at % kDay;
        kind = click ? EventKind::AnonymousClick : EventKind::AnonymousOpen;
    }
    return Event{.at = at,
                 .kind = kind,
                 .campaign = claims.campaign,
                 .recipient = claims.recipient,
                 .link = click ? claims.link : 0,
                 .machine = verdict.machine,
                 .reason = verdict.reason.toLatin1()};
}

int TrackerServer::pageFor(tracking::Language language)
{
    // English for Unknown (every version-1 token) and for a language this tracker has no page for.
    return language == tracking::Language::Spanish ? 1 : 0;
}

int TrackerServer::unsubscribe(MHD_Connection *c, Request &r)
{
    const auto claims = m_tokens.verify(r.token, tracking::Purpose::Unsubscribe);
    if (!claims)
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    if (r.method != "POST") // GET never unsubscribes: scanners and prefetchers fetch every link
        return respond(c, r, MHD_HTTP_OK, m_unsubscribePage[size_t(pageFor(claims->language))]);
    const auto badRequest = [&](const QByteArray &why) {
        return respondOwned(c, r, MHD_HTTP_BAD_REQUEST, staticResponse(why, "text/plain; charset=utf-8"));
    };
    if (!r.form) // neither form encoding
        return respondOwned(c, r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                            staticResponse(QByteArrayLiteral("Send List-Unsubscribe=One-Click as a form.\n"), "text/plain; charset=utf-8"));
    if (r.oneClick != "One-Click")
        return badRequest(QByteArrayLiteral("The form must carry List-Unsubscribe=One-Click.\n"));
    // Durable before the answer: a 200 means the unsubscribe will reach the app.
    const Status stored = m_events
                              ->appendDurable(Event{.at = QDateTime::currentMSecsSinceEpoch(),
                                                    .kind = EventKind::Unsubscribe,
                                                    .campaign = claims->campaign,
                                                    .recipient = claims->recipient})
                              .get();
    if (!stored)
        return respondOwned(c, r, MHD_HTTP_SERVICE_UNAVAILABLE,
                            staticResponse(QByteArrayLiteral("Please try again in a minute.\n"), "text/plain; charset=utf-8"));
    return respond(c, r, MHD_HTTP_OK, m_unsubscribed[size_t(pageFor(claims->language))]);
}

namespace {

// What Twilio posted, checked before it is kept: a SID or an account is letters and digits, a
// status a lower-case word, an address printable text; anything else is dropped or cut.
QByteArray sidField(const QString &v)
{
    if (v.isEmpty() || v.size() > 64)
        return {};
    for (QChar ch : v)
        if (!(ch.isDigit() || (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z')))
            return {};
    return v.toLatin1();
}

QByteArray statusField(const QString &v)
{
    const QString lower = v.trimmed().toLower();
    if (lower.isEmpty() || lower.size() > 32)
        return {};
    for (QChar ch : lower)
        if (!((ch >= u'a' && ch <= u'z') || ch == u'_' || ch == u'-'))
            return {};
    return lower.toLatin1();
}

QByteArray addressField(const QString &v)
{
    QString out;
    for (QChar ch : v)
        if (ch.isPrint() && out.size() < 64)
            out.append(ch);
    return out.toUtf8();
}

QString bodyField(QString v)
{
    v.replace(QChar(0), QChar::ReplacementCharacter);
    if (v.size() > Event::kMaxSmsBody) {
        qsizetype n = Event::kMaxSmsBody;
        if (v.at(n - 1).isHighSurrogate()) // never half a character
            --n;
        v.truncate(n);
    }
    return v;
}

} // namespace

int TrackerServer::twilio(MHD_Connection *c, Request &r)
{
    const auto text = [&](int status, const QByteArray &message) {
        return respondOwned(c, r, status, staticResponse(message, "text/plain; charset=utf-8"));
    };
    const auto retryLater = [&] {
        MHD_Response *resp = staticResponse(QByteArrayLiteral("Not stored; please retry.\n"), "text/plain; charset=utf-8");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "5");
        return respondOwned(c, r, MHD_HTTP_SERVICE_UNAVAILABLE, resp);
    };
    if (r.parked) { // resumed: the event's batch is committed, or failed
        r.parked = false;
        --m_parked;
        if (r.stored.load() != Request::Committed)
            return retryLater();
        return respond(c, r, MHD_HTTP_OK, r.help ? m_helpTwiml : m_emptyTwiml);
    }
    // Nothing is read, let alone stored, before the signature checks out.
    const char *signature = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Twilio-Signature");
    if (!signature || !*signature || !r.target.startsWith('/'))
        return text(MHD_HTTP_FORBIDDEN, QByteArrayLiteral("Requests here must be signed by Twilio.\n"));
    // The URL Twilio was given: the configured public address and the path and query as sent. The
    // Host header is the client's to choose, so it plays no part.
    const QString url = m_config.publicUrl + QString::fromUtf8(r.target);
    const char *contentType = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    const QByteArray mime = QByteArray(contentType ? contentType : "").split(';').constFirst().trimmed().toLower();
    twilio::FormParams params;
    bool valid = false;
    if (mime == "application/x-www-form-urlencoded") {
        params = twilio::parseForm(r.body);
        valid = twilio::verify(m_config.twilioAuthToken, url, params, signature);
    } else if (mime == "application/json") {
        valid = twilio::verifyJson(m_config.twilioAuthToken, url, r.body, signature);
        if (valid) {
            const QJsonDocument doc = QJsonDocument::fromJson(r.body);
            if (!doc.isObject())
                return text(MHD_HTTP_BAD_REQUEST, QByteArrayLiteral("The body is not a JSON object.\n"));
            const QJsonObject o = doc.object();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                params.append({it.key(), it->isDouble() ? QString::number(it->toInteger()) : it->toString()});
        }
    } else {
        return text(MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                    QByteArrayLiteral("Send application/x-www-form-urlencoded or application/json.\n"));
    }
    if (!valid)
        return text(MHD_HTTP_FORBIDDEN, QByteArrayLiteral("The X-Twilio-Signature does not sign this request.\n"));

    const auto field = [&](QLatin1StringView name) -> QString {
        for (const auto &[key, value] : std::as_const(params))
            if (key == name)
                return value;
        return {};
    };
    const bool inbound = r.route == Request::TwilioInbound;
    Event e;
    e.at = QDateTime::currentMSecsSinceEpoch();
    e.kind = inbound ? EventKind::SmsInbound : EventKind::SmsStatus;
    e.sid = sidField(field(QLatin1StringView("MessageSid")));
    if (e.sid.isEmpty())
        e.sid = sidField(field(QLatin1StringView("SmsSid"))); // the older name Twilio still sends
    e.to = addressField(field(QLatin1StringView("To")));
    e.from = addressField(field(QLatin1StringView("From")));
    e.account = sidField(field(QLatin1StringView("AccountSid")));
    if (e.sid.isEmpty()) // signed, so Twilio's, but not a message's callback (a voice URL pointed here?)
        return text(MHD_HTTP_BAD_REQUEST, QByteArrayLiteral("MessageSid is missing or malformed.\n"));
    sms::Keyword keyword = sms::Keyword::Other;
    if (inbound) {
        e.body = bodyField(field(QLatin1StringView("Body")));
        keyword = sms::classify(e.body);
        e.keyword = quint8(keyword);
        e.numMedia = quint8(std::clamp(field(QLatin1StringView("NumMedia")).toInt(), 0, 255));
    } else {
        e.status = statusField(field(QLatin1StringView("MessageStatus")));
        if (e.status.isEmpty())
            e.status = statusField(field(QLatin1StringView("SmsStatus")));
        if (e.status.isEmpty())
            return text(MHD_HTTP_BAD_REQUEST, QByteArrayLiteral("MessageStatus is missing or malformed.\n"));
        bool numeric = false;
        const int code = field(QLatin1StringView("ErrorCode")).trimmed().toInt(&numeric);
        e.errorCode = numeric && code > 0 && code < 1'000'000 ? code : 0;
    }
    // Durable before the answer: Twilio takes a 2xx as delivered and retries what it did not get.
    // The connection is suspended while the batch commits, so no pool thread waits (a blocking wait
    // would cap callbacks at a couple of batches a second per thread and stall pixels behind them);
    // the writer thread resumes it, and libmicrohttpd calls us again with the outcome above.
    r.help = inbound && keyword == sms::Keyword::Help && m_helpTwiml;
    ++m_parked; // counted in before m_stopping is read: stop() either sees us or we see it
    if (m_stopping.load()) {
        --m_parked;
        return retryLater();
    }
    r.parked = true;
    MHD_suspend_connection(c);
    Request *parked = &r; // lives until the connection completes, which cannot happen while suspended
    if (!m_events->appendDurable(std::move(e), [c, parked](const Status &stored) {
            parked->stored = stored ? Request::Committed : Request::Failed;
            MHD_resume_connection(c);
        })) {
        r.stored = Request::Failed;
        MHD_resume_connection(c);
    }
    return MHD_YES;
}

int TrackerServer::shortLink(MHD_Connection *c, Request &r)
{
    const auto claims = m_shortLinks.verify(r.token);
    if (!claims)
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const QByteArray url = linkUrl(claims->campaign, claims->link);
    if (url.isEmpty()) // signed, but the app never registered that link: never a redirect
        return respond(c, r, MHD_HTTP_NOT_FOUND, m_notFound);
    const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
    const tracking::Verdict v = m_classifier.classify(r.method, ua ? QByteArrayView(ua) : QByteArrayView(), clientAddress(c));
    m_events->append(Event{.at = QDateTime::currentMSecsSinceEpoch(),
                           .kind = EventKind::SmsClick,
                           .campaign = claims->campaign,
                           .recipient = claims->recipient,
                           .link = claims->link,
                           .machine = v.machine,
                           .reason = v.reason.toLatin1()});
    MHD_Response *resp = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, url.constData());
    secureHeaders(resp);
    return respondOwned(c, r, MHD_HTTP_FOUND, resp);
}

bool TrackerServer::authorised(MHD_Connection *c) const
{
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (!auth || std::strncmp(auth, "Bearer ", 7) != 0)
        return false;
    // Hash both sides so the comparison takes the same time whatever the lengths.
    unsigned char given[crypto_generichash_BYTES], expected[crypto_generichash_BYTES];
    const char *token = auth + 7;
    crypto_generichash(given, sizeof given, reinterpret_cast<const unsigned char *>(token), std::strlen(token), nullptr, 0);
    crypto_generichash(expected, sizeof expected, reinterpret_cast<const unsigned char *>(m_config.apiToken.constData()),
                       size_t(m_config.apiToken.size()), nullptr, 0);
    return sodium_memcmp(given, expected, sizeof given) == 0;
}

int TrackerServer::apiLinks(MHD_Connection *c, Request &r)
{
    const auto json = [&](int status, const QJsonObject &o) {
        return respondOwned(c, r, status, staticResponse(QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json"));
    };
    const auto error = [&](int status, const char *code, const QString &message) {
        return json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                                               {QStringLiteral("message"), message}}}});
    };
    if (!authorised(c)) {
        MHD_Response *resp = staticResponse(QByteArrayLiteral("{\"error\":{\"code\":\"unauthorized\"}}"), "application/json");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
        return respondOwned(c, r, MHD_HTTP_UNAUTHORIZED, resp);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return error(MHD_HTTP_BAD_REQUEST, "invalid-json", QStringLiteral("The body is not a JSON object (offset %1).").arg(parseError.offset));
    const QJsonObject o = doc.object();
    const qint64 campaign = o.value(QStringLiteral("campaign")).toInteger(-1);
    const QJsonArray links = o.value(QStringLiteral("links")).toArray();
    if (campaign <= 0)
        return error(MHD_HTTP_BAD_REQUEST, "invalid-campaign", QStringLiteral("\"campaign\" must be a positive integer."));
    if (links.size() > kMaxLinksPerRequest)
        return error(MHD_HTTP_BAD_REQUEST, "too-many-links", QStringLiteral("At most %1 links a request.").arg(kMaxLinksPerRequest));
    QList<Link> parsed;
    for (qsizetype i = 0; i < links.size(); ++i) {
        const QJsonObject l = links.at(i).toObject();
        const qint64 id = l.value(QStringLiteral("id")).toInteger(-1);
        const QString url = l.value(QStringLiteral("url")).toString();
        const QUrl u(url, QUrl::StrictMode);
        if (id <= 0 || id > 0xffffffffLL)
            return error(MHD_HTTP_BAD_REQUEST, "invalid-link", QStringLiteral("links[%1].id must be a positive 32-bit integer.").arg(i));
        if (url.size() > kMaxUrlLength || !u.isValid() || u.host().isEmpty()
            || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
            return error(MHD_HTTP_BAD_REQUEST, "invalid-link",
                         QStringLiteral("links[%1].url must be an absolute http or https URL of at most %2 characters.").arg(i).arg(kMaxUrlLength));
        parsed.append({quint32(id), u.toEncoded()});
    }
    if (!m_events->registerLinks(quint64(campaign), parsed).get())
        return error(MHD_HTTP_SERVICE_UNAVAILABLE, "storage", QStringLiteral("The links could not be stored; try again."));
    {
        std::unique_lock lock(m_linksMutex);
        auto &table = m_links[quint64(campaign)];
        for (const Link &l : parsed)
            table.insert(l.id, l.url);
    }
    return json(MHD_HTTP_OK, QJsonObject{{QStringLiteral("campaign"), campaign}, {QStringLiteral("registered"), parsed.size()}});
}

int TrackerServer::apiEvents(MHD_Connection *c, Request &r)
{
    if (!authorised(c)) {
        MHD_Response *resp = staticResponse(QByteArrayLiteral("{\"error\":{\"code\":\"unauthorized\"}}"), "application/json");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
        return respondOwned(c, r, MHD_HTTP_UNAUTHORIZED, resp);
    }
    bool ok = true;
    const char *afterArg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "after");
    const char *limitArg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit");
    const qint64 after = afterArg ? QByteArray(afterArg).toLongLong(&ok) : 0;
    bool ok2 = true;
    int limit = limitArg ? QByteArray(limitArg).toInt(&ok2) : 1000;
    if (!ok || !ok2 || after < 0 || limit <= 0) {
        return respondOwned(c, r, MHD_HTTP_BAD_REQUEST,
                            staticResponse(QByteArrayLiteral("{\"error\":{\"code\":\"invalid-argument\","
                                                             "\"message\":\"after and limit must be non-negative integers.\"}}"),
                                           "application/json"));
    }
    limit = std::min(limit, 5000);
    const QList<Event> events = m_events->eventsAfter(after, limit + 1).get();
    QJsonArray out;
    qint64 cursor = after;
    for (qsizetype i = 0; i < std::min<qsizetype>(events.size(), limit); ++i) {
        const Event &e = events[i];
        cursor = e.id;
        const auto text = [](const QByteArray &b) { return QString::fromUtf8(b); };
        if (e.kind == EventKind::SmsStatus) {
            out.append(QJsonObject{{QStringLiteral("id"), e.id},
                                   {QStringLiteral("at"), e.at},
                                   {QStringLiteral("type"), QStringLiteral("sms-status")},
                                   {QStringLiteral("sid"), text(e.sid)},
                                   {QStringLiteral("status"), text(e.status)},
                                   {QStringLiteral("error_code"), e.errorCode ? QJsonValue(e.errorCode) : QJsonValue()},
                                   {QStringLiteral("to"), text(e.to)},
                                   {QStringLiteral("from"), text(e.from)},
                                   {QStringLiteral("account_sid"), text(e.account)}});
            continue;
        }
        if (e.kind == EventKind::SmsInbound) {
            out.append(QJsonObject{{QStringLiteral("id"), e.id},
                                   {QStringLiteral("at"), e.at},
                                   {QStringLiteral("type"), QStringLiteral("sms-inbound")},
                                   {QStringLiteral("sid"), text(e.sid)},
                                   {QStringLiteral("from"), text(e.from)},
                                   {QStringLiteral("to"), text(e.to)},
                                   {QStringLiteral("body"), e.body},
                                   {QStringLiteral("keyword"), QString(sms::keywordName(sms::Keyword(e.keyword)))},
                                   {QStringLiteral("num_media"), int(e.numMedia)},
                                   {QStringLiteral("account_sid"), text(e.account)}});
            continue;
        }
        if (e.kind == EventKind::Registration) { // the registration as it now stands (registrationdesk.h)
            QJsonObject o = QJsonDocument::fromJson(e.payload).object();
            o.insert(QStringLiteral("id"), e.id);
            o.insert(QStringLiteral("at"), e.at);
            o.insert(QStringLiteral("type"), QStringLiteral("registration"));
            out.append(o);
            continue;
        }
        static const char *const kinds[] = {"", "open", "click", "unsubscribe", "open", "click", "", "", "click"};
        const bool anonymous = e.kind == EventKind::AnonymousOpen || e.kind == EventKind::AnonymousClick;
        QJsonObject o{{QStringLiteral("id"), e.id},
                      {QStringLiteral("at"), e.at},
                      {QStringLiteral("type"), QString::fromLatin1(kinds[int(e.kind) < 9 ? int(e.kind) : 0])},
                      {QStringLiteral("campaign"), qint64(e.campaign)},
                      {QStringLiteral("recipient"), qint64(e.recipient)},
                      {QStringLiteral("machine"), e.machine}};
        if (anonymous) // counted by the app, never per recipient (an older app takes recipient 0 for a test)
            o.insert(QStringLiteral("anonymous"), true);
        if (e.kind == EventKind::Click || e.kind == EventKind::AnonymousClick || e.kind == EventKind::SmsClick)
            o.insert(QStringLiteral("link"), qint64(e.link));
        if (e.kind == EventKind::SmsClick) // an SMS short link; an app that does not know this counts it as a click
            o.insert(QStringLiteral("channel"), QStringLiteral("sms"));
        if (!e.reason.isEmpty())
            o.insert(QStringLiteral("reason"), QString::fromLatin1(e.reason));
        out.append(o);
    }
    const QJsonObject body{{QStringLiteral("events"), out},
                           {QStringLiteral("cursor"), QString::number(cursor)},
                           {QStringLiteral("more"), events.size() > limit}};
    return respondOwned(c, r, MHD_HTTP_OK, staticResponse(QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json"));
}

void TrackerServer::log(const Request &r)
{
    if (!m_log)
        return;
    // No address, token, user agent or query: nothing that points at a person.
    const qint64 micros = (nowNs() - r.startNs) / 1000;
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char line[160];
    const int n = std::snprintf(line, sizeof line, "%s %.8s %s %d %lldus\n", when, r.method.constData(), routeName(r.route),
                                r.status, static_cast<long long>(micros));
    std::lock_guard lock(m_logMutex);
    if (m_log && n > 0)
        std::fwrite(line, 1, size_t(std::min<int>(n, sizeof line - 1)), m_log);
}

} // namespace lux::tracker
