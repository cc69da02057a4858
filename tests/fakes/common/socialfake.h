// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakecommon.h"
#include "faultplan.h"
#include "httpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace lux::fakes::common {

// What FakeX, FakeLinkedIn and FakeMeta are besides their protocols: a loopback HTTP server whose
// /_fake/… paths are control endpoints (GET /_fake/stats, POST /_fake/config and POST /_fake/reset here,
// the fake's own in control()) and every other path its API; a fault plan over the fake's Faults and
// RequestStats; the fake's clock.
class SocialFake : public QObject
{
    Q_OBJECT
public:
    ~SocialFake() override;
    bool listen(quint16 port = 0);
    QUrl baseUrl() const { return m_http.baseUrl(); } // the API, the sign-in and /_fake/…
    // kind: server_error, throttle, drop, lose, slow (and the fake's own kinds); path: empty (any request
    // the faults' scope takes), or one path as /_fake/stats names it ("POST /2/tweets", "/2/oauth2/token").
    void setNextFaults(const QString &kind, int count, const QString &path = {}) { m_plan.setNext(kind, count, path); }
    void setSeed(quint32 seed) { m_plan.seed(seed); }
    // Every time the fake reads comes from here (plus the offset, which /_fake/config sets too).
    void setClock(std::function<QDateTime()> clock) { m_clock.source = std::move(clock); }
    void setClockOffset(qint64 ms) { m_clock.offsetMs = ms; }
    // Forgets what the fake was sent and counted; with `config`, its configuration too.
    virtual void reset(bool config = false) = 0;

protected:
    // faults and stats: the fake's own (the plan reads and counts there); the rest as FaultPlan takes them.
    SocialFake(Faults *faults, RequestStats *stats, const QString &narrowScope, quint32 seed, const QStringList &moreFaultKinds,
               QObject *parent);
    QDateTime now() const { return m_clock.now(); }

    virtual void api(HttpExchange *exchange) = 0;
    virtual HttpResponse control(const HttpRequest &request) = 0; // the fake's own /_fake/… endpoints
    virtual QJsonObject statsJson() const = 0;                    // GET /_fake/stats
    virtual QString configure(const QJsonObject &o) = 0;          // POST /_fake/config: an error, or empty

    HttpServer m_http;
    FaultPlan m_plan;
    Clock m_clock;
};

} // namespace lux::fakes::common
