// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

struct sockaddr;

namespace lux::tracker {

// What lux-tracker allows a TCP connection. The defaults are the named constants; main.cpp's
// options override them (see --help).
struct ConnectionLimits
{
    // From accept to the end of the request's headers, however the bytes trickle in.
    static constexpr std::chrono::milliseconds kHeaderTimeout{10'000};
    // From the end of the headers to the end of the body.
    static constexpr std::chrono::milliseconds kBodyTimeout{15'000};
    // From the end of one answer on a kept-alive connection to the end of the next request's headers.
    static constexpr std::chrono::milliseconds kIdleTimeout{10'000};
    // Open connections from one client address (an IPv6 client: its /64); trusted proxies are exempt.
    static constexpr int kMaxPerAddress = 256;
    // Descriptors kept back from RLIMIT_NOFILE for the listening socket, the database, the logs,
    // epoll and the event threads: the global connection cap is the limit minus these.
    static constexpr int kReservedDescriptors = 64;
    // How often the summary of closed and refused connections is written (only if there is one).
    static constexpr std::chrono::milliseconds kReportInterval{60'000};

    std::chrono::milliseconds headerTimeout = kHeaderTimeout;
    std::chrono::milliseconds bodyTimeout = kBodyTimeout;
    std::chrono::milliseconds idleTimeout = kIdleTimeout;
    int maxConnections = 0; // 0: RLIMIT_NOFILE minus kReservedDescriptors; never more than that
    int maxPerAddress = kMaxPerAddress;
    std::chrono::milliseconds reportInterval = kReportInterval;
};

// The file-descriptor budget: RLIMIT_NOFILE's soft limit, raised to the hard limit where allowed.
struct DescriptorBudget
{
    long long soft = 0;    // after raising
    long long hard = 0;
    bool raised = false;   // the soft limit was raised
    int maxConnections = 0; // soft minus ConnectionLimits::kReservedDescriptors (at least 1)
};
DescriptorBudget raiseDescriptorLimit();

// Every TCP connection of the tracker, from accept to close: refuses one over the global or the
// per-address limit before a byte is read, closes one whose headers, body or next request is not in
// by its absolute deadline (a byte at a time does not move it), and counts both into one summary line
// per report interval instead of a line per connection. libmicrohttpd's own messages go through it
// too: each kind is written the first time in an interval, repeats are counted into the summary.
//
// Thread-safe: the accept and connection callbacks run on libmicrohttpd's pool, the deadlines on the
// guard's own thread. A connection is shut down (shutdown(2), which libmicrohttpd sees as the peer
// closing) only under the mutex its close notification takes, so the descriptor is still the
// connection's when it is shut down.
class ConnectionGuard
{
public:
    enum class Phase { Headers, Body, Answering, Idle };
    struct Connection; // per TCP connection, in libmicrohttpd's socket context

    using Exempt = std::function<bool(const sockaddr *)>;
    // `out` is where the summary and libmicrohttpd's messages go (stderr in lux-tracker).
    ConnectionGuard(ConnectionLimits limits, Exempt exemptFromPerAddress, FILE *out);
    ~ConnectionGuard();

    void start(); // the deadline thread
    void stop();  // joins it and writes what is left of the summary

    const ConnectionLimits &limits() const { return m_limits; }

    // libmicrohttpd's accept policy: false closes the connection at once.
    bool admit(const sockaddr *address);
    // libmicrohttpd's connection notifications; `fd` is the connection's socket.
    Connection *opened(int fd, const sockaddr *address);
    void closed(Connection *c);
    // A request's headers are in (its body, if any, is next).
    void headersComplete(Connection *c);
    // This request's body may take `after` from now, if that is longer than the body timeout: an
    // authenticated upload larger than a body timeout's worth of a slow uplink (the media API).
    void allowLongBody(Connection *c, std::chrono::milliseconds after);
    // The answer is queued: libmicrohttpd's own idle timeout covers the sending.
    void answering(Connection *c);
    // The request is done; the connection waits for the next one (keep-alive).
    void requestComplete(Connection *c);
    // A libmicrohttpd message.
    void library(const char *format, va_list args);

    int open() const;
    // The summary of what happened since the last one; empty if nothing did. Resets the counts.
    QByteArray takeSummary();

private:
    void run();
    void reap(std::chrono::steady_clock::time_point now);
    void setDeadline(Connection *c, Phase phase, std::chrono::milliseconds after);
    static QByteArray addressKey(const sockaddr *address);

    const ConnectionLimits m_limits;
    const Exempt m_exempt;
    FILE *const m_out;

    mutable std::mutex m_mutex;
    std::vector<Connection *> m_connections; // index in Connection::slot
    QHash<QByteArray, int> m_perAddress;
    int m_peak = 0;
    // Since the last summary.
    qint64 m_closedByPhase[4] = {0, 0, 0, 0};
    qint64 m_refusedGlobal = 0;
    qint64 m_refusedPerAddress = 0;
    QSet<QByteArray> m_refusedAddresses; // capped at kMaxRememberedAddresses
    bool m_refusedAddressesCapped = false;
    struct LibraryMessage
    {
        QByteArray first; // as written
        qint64 repeats = 0;
    };
    QHash<QByteArray, LibraryMessage> m_library; // by format string
    qint64 m_libraryOther = 0;                   // past kMaxLibraryKinds
    qint64 m_cutShort = 0;                       // libmicrohttpd: the peer closed mid-request

    std::mutex m_threadMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
    std::chrono::steady_clock::time_point m_lastReport;
};

} // namespace lux::tracker
