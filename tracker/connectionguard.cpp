// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionguard.h"

#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace lux::tracker {

namespace {

using Clock = std::chrono::steady_clock;

// How often the deadlines are checked: a connection is closed at most this long after its deadline.
constexpr std::chrono::milliseconds kTick{100};
// Refused addresses remembered for the summary's "from K addresses" (past it: "at least K").
constexpr qsizetype kMaxRememberedAddresses = 65'536;
// Kinds of libmicrohttpd message told apart in one interval (past it: "other").
constexpr qsizetype kMaxLibraryKinds = 16;
// Past RLIMIT_INFINITY, the soft limit asked for (the kernel's nr_open caps it anyway).
constexpr rlim_t kInfiniteHardLimitTarget = 1 << 20;

qint64 ticks(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

QByteArray seconds(std::chrono::milliseconds ms)
{
    return ms.count() % 1000 == 0 ? QByteArray::number(ms.count() / 1000) : QByteArray::number(double(ms.count()) / 1000.0, 'g', 6);
}

const char *phaseName(int phase)
{
    switch (ConnectionGuard::Phase(phase)) {
    case ConnectionGuard::Phase::Headers:
        return "the header timeout";
    case ConnectionGuard::Phase::Body:
        return "the body timeout";
    case ConnectionGuard::Phase::Idle:
        return "the keep-alive idle timeout";
    case ConnectionGuard::Phase::Answering:
        break;
    }
    return "a timeout";
}

} // namespace

struct ConnectionGuard::Connection
{
    int fd = -1;
    QByteArray key;       // addressKey()
    size_t slot = 0;      // in m_connections
    Phase phase = Phase::Headers;
    qint64 deadline = 0;  // steady-clock nanoseconds; 0: none
    bool shutDown = false;
};

DescriptorBudget raiseDescriptorLimit()
{
    DescriptorBudget b;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        if (limit.rlim_cur != RLIM_INFINITY && (limit.rlim_max == RLIM_INFINITY || limit.rlim_cur < limit.rlim_max)) {
            rlimit raised = limit;
            raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? std::max(limit.rlim_cur, kInfiniteHardLimitTarget) : limit.rlim_max;
            if (raised.rlim_cur != limit.rlim_cur && setrlimit(RLIMIT_NOFILE, &raised) == 0) {
                b.raised = true;
                limit = raised;
            }
        }
        const auto count = [](rlim_t v) { return static_cast<long long>(v == RLIM_INFINITY ? kInfiniteHardLimitTarget : v); };
        b.soft = count(limit.rlim_cur);
        b.hard = count(limit.rlim_max);
    } else {
        b.soft = b.hard = 1024; // the usual default, if the limit cannot be read
    }
    b.maxConnections = int(std::clamp<long long>(b.soft - ConnectionLimits::kReservedDescriptors, 1, 1 << 30));
    return b;
}

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, Exempt exemptFromPerAddress, FILE *out)
    : m_limits(limits), m_exempt(std::move(exemptFromPerAddress)), m_out(out), m_lastReport(Clock::now())
{
}

ConnectionGuard::~ConnectionGuard()
{
    stop();
}

void ConnectionGuard::start()
{
    std::lock_guard lock(m_threadMutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    {
        std::lock_guard state(m_mutex);
        m_lastReport = Clock::now();
    }
    m_thread = std::thread([this] { run(); });
}

void ConnectionGuard::stop()
{
    {
        std::lock_guard lock(m_threadMutex);
        if (!m_thread.joinable())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    const QByteArray last = takeSummary();
    if (!last.isEmpty() && m_out) {
        std::fwrite(last.constData(), 1, size_t(last.size()), m_out);
        std::fflush(m_out);
    }
}

void ConnectionGuard::run()
{
    std::unique_lock lock(m_threadMutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, kTick, [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        const Clock::time_point now = Clock::now();
        reap(now);
        bool due = false;
        {
            std::lock_guard state(m_mutex);
            due = now - m_lastReport >= m_limits.reportInterval;
        }
        if (due) {
            const QByteArray summary = takeSummary();
            if (!summary.isEmpty() && m_out) {
                std::fwrite(summary.constData(), 1, size_t(summary.size()), m_out);
                std::fflush(m_out);
            }
        }
        lock.lock();
    }
}

void ConnectionGuard::reap(Clock::time_point now)
{
    const qint64 t = ticks(now);
    std::lock_guard lock(m_mutex);
    for (Connection *c : m_connections) {
        if (c->deadline == 0 || c->shutDown || t < c->deadline)
            continue;
        // libmicrohttpd reads the end of the stream and closes the connection itself, on its own
        // thread; the descriptor stays open until then (closed() runs first, under this mutex).
        ::shutdown(c->fd, SHUT_RDWR);
        c->shutDown = true;
        ++m_closedByPhase[int(c->phase)];
    }
}

QByteArray ConnectionGuard::addressKey(const sockaddr *address)
{
    if (!address)
        return QByteArrayLiteral("?");
    if (address->sa_family == AF_INET) {
        const auto *a = reinterpret_cast<const sockaddr_in *>(address);
        return QByteArray(reinterpret_cast<const char *>(&a->sin_addr), sizeof a->sin_addr);
    }
    if (address->sa_family == AF_INET6) {
        const auto *a = reinterpret_cast<const sockaddr_in6 *>(address);
        if (IN6_IS_ADDR_V4MAPPED(&a->sin6_addr))
            return QByteArray(reinterpret_cast<const char *>(&a->sin6_addr) + 12, 4);
        return QByteArray(reinterpret_cast<const char *>(&a->sin6_addr), 8); // the /64: one client's
    }
    return QByteArrayLiteral("?");
}

bool ConnectionGuard::admit(const sockaddr *address)
{
    // Decided on the counts opened() and closed() keep: between this and opened() other pool threads
    // may admit too, so the limits can be passed by at most one connection per request thread.
    const bool exempt = m_exempt && m_exempt(address);
    const QByteArray key = addressKey(address);
    std::lock_guard lock(m_mutex);
    if (qsizetype(m_connections.size()) >= m_limits.maxConnections) {
        ++m_refusedGlobal;
        return false;
    }
    if (!exempt && m_perAddress.value(key) >= m_limits.maxPerAddress) {
        ++m_refusedPerAddress;
        if (m_refusedAddresses.size() < kMaxRememberedAddresses)
            m_refusedAddresses.insert(key);
        else
            m_refusedAddressesCapped = true;
        return false;
    }
    return true;
}

ConnectionGuard::Connection *ConnectionGuard::opened(int fd, const sockaddr *address)
{
    auto *c = new Connection;
    c->fd = fd;
    c->key = addressKey(address);
    c->deadline = ticks(Clock::now() + m_limits.headerTimeout);
    std::lock_guard lock(m_mutex);
    c->slot = m_connections.size();
    m_connections.push_back(c);
    ++m_perAddress[c->key];
    m_peak = std::max(m_peak, int(m_connections.size()));
    return c;
}

void ConnectionGuard::closed(Connection *c)
{
    if (!c)
        return;
    {
        std::lock_guard lock(m_mutex);
        Connection *last = m_connections.back();
        m_connections[c->slot] = last;
        last->slot = c->slot;
        m_connections.pop_back();
        const auto it = m_perAddress.find(c->key);
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    }
    delete c;
}

void ConnectionGuard::setDeadline(Connection *c, Phase phase, std::chrono::milliseconds after)
{
    if (!c)
        return;
    const qint64 deadline = after.count() > 0 ? ticks(Clock::now() + after) : 0;
    std::lock_guard lock(m_mutex);
    c->phase = phase;
    c->deadline = deadline;
}

void ConnectionGuard::headersComplete(Connection *c)
{
    setDeadline(c, Phase::Body, m_limits.bodyTimeout);
}

void ConnectionGuard::allowLongBody(Connection *c, std::chrono::milliseconds after)
{
    setDeadline(c, Phase::Body, std::max(after, m_limits.bodyTimeout));
}

void ConnectionGuard::answering(Connection *c)
{
    setDeadline(c, Phase::Answering, std::chrono::milliseconds(0));
}

void ConnectionGuard::requestComplete(Connection *c)
{
    setDeadline(c, Phase::Idle, m_limits.idleTimeout);
}

void ConnectionGuard::library(const char *format, va_list args)
{
    char text[512];
    const int n = std::vsnprintf(text, sizeof text, format, args);
    if (n < 0)
        return;
    QByteArray message(text, std::min<int>(n, int(sizeof text) - 1));
    message = message.trimmed().replace('\n', ' ');
    const QByteArrayView kind(format);
    // The socket ended before the request did: a client that left, or one of the deadlines above
    // (shutdown(2) looks the same to libmicrohttpd). Counted, never a line of its own.
    const bool cutShort = kind.contains("closed by remote side") || kind.contains("is closed when") || kind.contains("disconnected when");
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        if (cutShort) {
            ++m_cutShort;
            return;
        }
        auto it = m_library.find(kind.toByteArray());
        if (it != m_library.end())
            ++it->repeats;
        else if (m_library.size() < kMaxLibraryKinds) {
            m_library.insert(kind.toByteArray(), LibraryMessage{message, 0});
            first = true;
        } else
            ++m_libraryOther;
    }
    if (first && m_out) {
        const QByteArray line = "lux-tracker: libmicrohttpd: " + message + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
        std::fflush(m_out);
    }
}

int ConnectionGuard::open() const
{
    std::lock_guard lock(m_mutex);
    return int(m_connections.size());
}

QByteArray ConnectionGuard::takeSummary()
{
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(m_mutex);
    const qint64 elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - m_lastReport).count();
    m_lastReport = now;
    QList<QByteArray> parts;
    const std::chrono::milliseconds timeouts[4] = {m_limits.headerTimeout, m_limits.bodyTimeout, std::chrono::milliseconds(0),
                                                   m_limits.idleTimeout};
    for (int phase = 0; phase < 4; ++phase)
        if (m_closedByPhase[phase] > 0)
            parts.append(QByteArray::number(m_closedByPhase[phase]) + " closed by " + phaseName(phase) + " (" + seconds(timeouts[phase])
                         + " s)");
    if (m_refusedPerAddress > 0)
        parts.append(QByteArray::number(m_refusedPerAddress) + " refused by the per-address limit (" + QByteArray::number(m_limits.maxPerAddress)
                     + ") from " + (m_refusedAddressesCapped ? "at least " : "") + QByteArray::number(m_refusedAddresses.size())
                     + (m_refusedAddresses.size() == 1 ? " address" : " addresses"));
    if (m_refusedGlobal > 0)
        parts.append(QByteArray::number(m_refusedGlobal) + " refused by the global limit (" + QByteArray::number(m_limits.maxConnections) + ")");
    if (m_cutShort > 0)
        parts.append(QByteArray::number(m_cutShort) + " requests cut short by the socket closing (the client left, or a timeout above)");
    for (auto it = m_library.cbegin(); it != m_library.cend(); ++it)
        if (it->repeats > 0)
            parts.append("libmicrohttpd said “" + it->first + "” " + QByteArray::number(it->repeats) + " more times");
    if (m_libraryOther > 0)
        parts.append(QByteArray::number(m_libraryOther) + " other libmicrohttpd messages");
    QByteArray line;
    if (!parts.isEmpty())
        line = "lux-tracker: connections in the last " + QByteArray::number(std::max<qint64>(elapsed, 1)) + " s: " + parts.join(", ") + "; "
             + QByteArray::number(m_connections.size()) + " open now, at most " + QByteArray::number(m_peak) + ".\n";
    std::fill(std::begin(m_closedByPhase), std::end(m_closedByPhase), 0);
    m_refusedGlobal = m_refusedPerAddress = m_libraryOther = m_cutShort = 0;
    m_refusedAddresses.clear();
    m_refusedAddressesCapped = false;
    m_library.clear();
    m_peak = int(m_connections.size());
    return line;
}

} // namespace lux::tracker
