// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultplan.h"

#include <QTimer>

#include <utility>

namespace lux::fakes::common {

FaultPlan::FaultPlan(Faults *faults, RequestStats *stats, QString narrowScope, quint32 seed, const QStringList &moreKinds)
    : m_faults(faults),
      m_stats(stats),
      m_kinds(QStringList{QStringLiteral("server_error"), QStringLiteral("throttle"), QStringLiteral("drop"), QStringLiteral("lose"),
                          QStringLiteral("slow")}
              + moreKinds),
      m_narrowScope(std::move(narrowScope)),
      m_random(seed)
{
}

void FaultPlan::setNext(const QString &kind, int count, const QString &path)
{
    for (NextFault &n : m_next)
        if (n.kind == kind && n.path == path) {
            n.count = count;
            return;
        }
    m_next.append({kind, path, count});
}

bool FaultPlan::inScope(const QString &key, const QString &path, bool narrow) const
{
    const QString &scope = m_faults->scope;
    if (scope.isEmpty() || scope == QLatin1String("all"))
        return true;
    if (scope == m_narrowScope)
        return narrow;
    return scope == key || scope == path || scope == key.section(QLatin1Char(' '), 1);
}

bool FaultPlan::fault(const char *kind, double share, const QString &key, const QString &path, bool scoped)
{
    const QString name = QString::fromLatin1(kind);
    for (NextFault &n : m_next) {
        if (n.kind != name || n.count <= 0)
            continue;
        const bool matches = n.path.isEmpty() ? scoped : n.path == key || n.path == path || n.path == key.section(QLatin1Char(' '), 1);
        if (matches) {
            --n.count;
            return true;
        }
    }
    return scoped && share > 0 && m_random.generateDouble() < share;
}

FaultPlan::Fault FaultPlan::before(HttpExchange *exchange, const QString &key, const QString &path, bool scoped)
{
    if (fault("drop", m_faults->dropConnection, key, path, scoped)) {
        ++m_stats->dropped;
        exchange->drop();
        return Fault::Drop;
    }
    if (fault("throttle", m_faults->throttled, key, path, scoped))
        return Fault::Throttle;
    if (fault("server_error", m_faults->serverError, key, path, scoped)) {
        ++m_stats->serverErrors;
        return Fault::ServerError;
    }
    return Fault::None;
}

void FaultPlan::after(HttpExchange *exchange, const HttpResponse &response, const QString &key, const QString &path, bool scoped)
{
    const bool lose = fault("lose", m_faults->loseAnswer, key, path, scoped);
    const bool slow = fault("slow", m_faults->slow, key, path, scoped);
    if (lose)
        ++m_stats->lost;
    if (slow)
        ++m_stats->slow;
    finish(exchange, response, lose, slow);
}

void FaultPlan::finish(HttpExchange *exchange, const HttpResponse &response, bool lose, bool slow) const
{
    const int delay = slow ? m_faults->slowMs : m_faults->latencyMs;
    const auto done = [exchange, response, lose] {
        if (lose)
            exchange->drop(); // done, and the client never hears of it
        else
            exchange->respond(response);
    };
    if (delay <= 0)
        done();
    else
        QTimer::singleShot(delay, exchange, done);
}

QString FaultPlan::check(const QJsonObject &f) const
{
    const QJsonObject next = f.value(QStringLiteral("next")).toObject();
    for (auto it = next.begin(); it != next.end(); ++it)
        if (!m_kinds.contains(it.key()))
            return QStringLiteral("unknown fault '%1' (%2)").arg(it.key(), m_kinds.join(QStringLiteral(", ")));
    if (f.contains(QStringLiteral("scope"))) {
        const QString scope = f.value(QStringLiteral("scope")).toString();
        if (scope != QLatin1String("all") && scope != m_narrowScope && !scope.contains(QLatin1Char('/')))
            return QStringLiteral("faults.scope is all, %1 or a path, not '%2'").arg(m_narrowScope, scope);
    }
    return {};
}

void FaultPlan::configure(const QJsonObject &f)
{
    Faults &faults = *m_faults;
    const auto num = [&f](const char *key, double fallback) { return f.value(QLatin1String(key)).toDouble(fallback); };
    faults.serverError = num("server_error", faults.serverError);
    faults.throttled = num("throttle", faults.throttled);
    faults.dropConnection = num("drop", faults.dropConnection);
    faults.loseAnswer = num("lose", faults.loseAnswer);
    faults.slow = num("slow", faults.slow);
    faults.slowMs = int(num("slow_ms", faults.slowMs));
    faults.latencyMs = int(num("latency_ms", faults.latencyMs));
    if (f.contains(QStringLiteral("scope")))
        faults.scope = f.value(QStringLiteral("scope")).toString();
    if (f.contains(QStringLiteral("seed")))
        seed(quint32(f.value(QStringLiteral("seed")).toInteger()));
    const QJsonObject next = f.value(QStringLiteral("next")).toObject();
    for (auto it = next.begin(); it != next.end(); ++it) {
        if (it.value().isObject())
            setNext(it.key(), it.value().toObject().value(QStringLiteral("count")).toInt(1), it.value().toObject().value(QStringLiteral("path")).toString());
        else
            setNext(it.key(), it.value().toInt());
    }
}

} // namespace lux::fakes::common
