// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace lux::fakes::common {

// The faults a social fake (FakeX, FakeLinkedIn, FakeMeta) injects, as shares of the requests its scope
// takes; how each looks on the wire (the 5xx body, the throttling answer) is the fake's own.
struct Faults
{
    double serverError = 0;    // a 5xx in the provider's words, nothing done
    double throttled = 0;      // the provider's throttling answer, nothing done
    double dropConnection = 0; // the connection closes before anything happens
    double loseAnswer = 0;     // done (a post made, a token minted), then the connection closes
    double slow = 0;           // answered after slowMs instead of latencyMs
    int slowMs = 3000;
    int latencyMs = 2;
    QString scope = QStringLiteral("all"); // "all", the fake's narrow scope ("create", "publish") or a path
};

// What a social fake counts of every request it serves and of the faults it injects (a throttle is
// counted by each fake under its own name: injected429, injectedThrottles).
struct RequestStats
{
    int requests = 0;
    int serverErrors = 0, dropped = 0, lost = 0, slow = 0;
    QHash<QString, int> paths; // requests by endpoint key: "POST /2/tweets", "GET /rest/posts/:urn"…
    void count(const QString &key)
    {
        ++requests;
        ++paths[key];
    }
};

// Which faults a request meets: first the counted ones a test asked for ("the next N requests", to any
// request the scope takes or to one path), then by share, drawn from a seeded generator so that a run
// repeats. Also the answer's delay (latency, or slow) and the lost answer, and the "faults" object of
// /_fake/config. The plan reads and writes the fake's Faults (which may carry more shares of its own),
// and counts what it injects in the fake's RequestStats.
class FaultPlan
{
public:
    enum class Fault { None, Drop, Throttle, ServerError };

    // narrowScope: the one named scope besides "all" and a path ("create", "publish"); seed: the shares'
    // generator's until seed() or /_fake/config says otherwise; moreKinds: the fake's own fault kinds
    // (token_unavailable) after server_error, throttle, drop, lose and slow, as /_fake/config and
    // setNextFaults name them.
    FaultPlan(Faults *faults, RequestStats *stats, QString narrowScope, quint32 seed, const QStringList &moreKinds = {});

    void seed(quint32 seed) { m_random.seed(seed); }
    // The next `count` requests (any the scope takes, or those to `path`: an endpoint key as /_fake/stats
    // names it, "POST /2/tweets", its path "/2/tweets", or the request's path) meet a fault of `kind`.
    void setNext(const QString &kind, int count, const QString &path = {});
    void clearNext() { m_next.clear(); }

    // Whether the faults' scope takes a request: "all" (or none), the narrow scope (`narrow`: the request
    // is one it names), or the request's endpoint key, the key's path or the request's path.
    bool inScope(const QString &key, const QString &path, bool narrow) const;
    // A fault of this kind for this request: a counted one first, then by share (drawn only when the
    // request is in scope and the share is above 0).
    bool fault(const char *kind, double share, const QString &key, const QString &path, bool scoped);

    // Before the work, drawn in this order: drop, throttle, server_error; the first the request meets is
    // counted and returned (the connection already closed for a drop); the fake answers a throttle or a
    // server error in its provider's words, and counts a throttle itself.
    Fault before(HttpExchange *exchange, const QString &key, const QString &path, bool scoped);
    // After the work: lose and slow drawn (both, in that order) and counted, then the answer finished.
    void after(HttpExchange *exchange, const HttpResponse &response, const QString &key, const QString &path, bool scoped);
    // Answers after the latency (slowMs when slow), or, when the answer is lost, closes the connection
    // instead: the work is done and the client never hears of it.
    void finish(HttpExchange *exchange, const HttpResponse &response, bool lose = false, bool slow = false) const;

    // /_fake/config's "faults" {seed, server_error, throttle, drop, lose, slow, slow_ms, latency_ms, scope,
    // next {kind: n | {count, path}}}: check() first (an error, or empty: nothing may change when
    // something is refused), then configure(), which changes only the keys given. Shares of the fake's
    // own kinds (token_unavailable) are the fake's to read.
    QString check(const QJsonObject &f) const;
    void configure(const QJsonObject &f);

private:
    struct NextFault
    {
        QString kind, path;
        int count = 0;
    };

    Faults *m_faults;
    RequestStats *m_stats;
    QStringList m_kinds;
    QString m_narrowScope;
    QList<NextFault> m_next;
    QRandomGenerator m_random;
};

} // namespace lux::fakes::common
