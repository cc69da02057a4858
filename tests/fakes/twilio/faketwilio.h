// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

namespace lux::fakes {

// Twilio Programmable Messaging as docs/provider-contracts.md §2 describes it, over real HTTP on
// loopback, for the SMS client's tests, the crash tests and the loopback benchmark; also runnable on
// its own (lux-fake-twilio). Basic auth (Account SID + Auth Token, or API key SK… + secret; anything
// else, or another account's SID in the path: 401 with 20003).
//
//   POST /2010-04-01/Accounts/{AccountSid}/Messages.json        create (form: To, From | MessagingServiceSid,
//                                                               Body, StatusCallback…) → 201 message JSON
//   GET  /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json  fetch (unknown: 404 with 20404)
//   GET  /2010-04-01/Accounts/{AccountSid}/Messages.json        list: To, From, DateSent, DateSent<, DateSent>
//                                                               (YYYY-MM-DD, UTC day, inclusive; or a full
//                                                               ISO 8601 instant), PageSize (50, at most 1000),
//                                                               Page + PageToken (PA…/PB…) as next_page_uri /
//                                                               previous_page_uri give them; newest first
//
// There is no idempotency key: the same POST twice makes two messages, as with Twilio. What it refuses,
// with Twilio's error JSON ({"code","message","more_info","status"}): To missing 21604, not E.164 21211;
// no From nor service 21603; From not a sender's format 21212, not one of the account's numbers 21606;
// an unknown Messaging Service 21701 [U]; no Body 21602, over 1,600 characters 21617; and, for numbers
// given rules: landline 21614 (Twilio splits out 21635 since July 2024), unsubscribed (STOP) 21610,
// region not permitted 21408, unroutable 21612. An inbound STOP (below) unsubscribes its sender too.
//
// After creation a message moves accepted (Messaging Service without From) → queued → sending → sent →
// delivered, or undelivered / failed with an error code for numbers whose rule says so, on timers. A
// status callback is POSTed (form-encoded, signed with X-Twilio-Signature over the URL exactly) for every
// change after the initial status except `sending` (Twilio's "Outbound Message Status in Status
// Callbacks": queued when it was accepted, sent or failed, delivered or undelivered); failed callbacks
// are retried a few times and recorded. `date_sent` is set when the message goes out (sending), so a
// DateSent filter does not see a message still queued; `price` is set at a final status.
//
// Throttling: more requests in flight at once than `concurrency` → 429 with 20429 (never processed).
// Per sender (From, or the service when there is none) Twilio queues rather than refuses, so the fake
// counts every calendar second in which a sender had more messages accepted than its MPS
// (`mps_violations`): a test asserts the app paced itself. Faults, by share (seeded) or for the next N
// requests: 500/503 (20500/20503), injected 20429, connection dropped before anything happens, answer
// lost after the message was made (created, then the connection closes), slow answers.
//
// Control (no auth):
//   GET  /_fake/messages   every outbound message accepted: sid, accepted_at (ISO 8601) and accepted_ms, from, to, body,
//                          status, error_code, num_segments, price, and copies (how many messages
//                          have the same To and Body: the duplicate check); ?to=… narrows it
//   GET  /_fake/callbacks  every status callback attempt: sid, status, url, attempt, http_status, ok
//   GET  /_fake/stats      requests, created, limit_429s, faults by kind, mps per sender (violations,
//                          peak_per_second), mps_violations, callbacks posted/failed/retried, duplicates
//   POST /_fake/config     JSON, only the keys given change: account_sid, auth_token, api_keys
//                          {SK…: secret}, numbers [..], services {MG…: [numbers]}, concurrency, mps
//                          {sender: n}, default_mps, price_per_segment, faults {seed, server_error,
//                          throttle, drop, lose, slow, slow_ms, latency_ms, scope "all"|"create",
//                          next {kind: n}}, rules {numbers {number: rule}, suffixes {digits: rule}},
//                          lifecycle {queued_ms, sending_ms, sent_ms, final_ms, callback_retries,
//                          callback_retry_ms, callback_sending}
//                          rules: landline, unsubscribed, blocked_region, unroutable, undelivered[:code]
//                          (30003 by default; 30006…), failed[:code] (30008 by default), none (takes
//                          a rule away); an unknown rule: 400 and nothing changes
//   POST /_fake/reset      forget messages, callbacks and counters (the configuration stays; {"config":
//                          true} restores the defaults too)
//   POST /_fake/inbound    {from, to, body, url[, messaging_service_sid]}: posts Twilio's inbound
//                          webhook (signed) to url and answers {status, body, content_type, sid}
class FakeTwilio : public QObject
{
    Q_OBJECT
public:
    struct Faults
    {
        double serverError = 0; // answered 500 or 503 with Twilio's JSON
        double throttled = 0;   // answered 429 with 20429 (as if over the concurrency limit)
        double dropConnection = 0; // the connection closes before anything happens
        double loseAnswer = 0;     // processed (a create makes its message), then the connection closes
        double slow = 0;           // answered after slowMs instead of latencyMs
        int slowMs = 3000;
        int latencyMs = 2;        // every answer waits this long (so requests overlap)
        bool createsOnly = false; // faults only on creates, not on fetches and lists
    };
    struct Lifecycle
    {
        int queuedMs = 10;  // accepted → queued (Messaging Service)
        int sendingMs = 10; // queued → sending
        int sentMs = 10;    // sending → sent | failed
        int finalMs = 20;   // sent → delivered | undelivered
        int callbackRetries = 2; // after the first attempt, on a network error, 5xx or 429
        int callbackRetryMs = 100;
        bool callbackOnSending = false; // Twilio's guide lists no callback for `sending`
    };
    // What the lifecycle of a message to a number ends with, or what its create is refused with.
    struct Rule
    {
        enum Kind { None, Landline, Unsubscribed, BlockedRegion, Unroutable, Undelivered, Failed } kind = None;
        int code = 0; // the delivery error for Undelivered / Failed
    };
    struct Message
    {
        QString sid, from, to, body, messagingServiceSid, statusCallback, status;
        QString direction = QStringLiteral("outbound-api");
        int numSegments = 1;
        int errorCode = 0;
        QString price; // empty until a final status
        QDateTime created, updated, sent;
        Rule rule;
    };
    struct Stats
    {
        int requests = 0, created = 0, limit429 = 0;
        int serverErrors = 0, injected429 = 0, dropped = 0, lost = 0, slow = 0;
        int callbacksPosted = 0, callbacksFailed = 0, callbacksRetried = 0;
        int inbound = 0, peakInFlight = 0;
    };

    explicit FakeTwilio(QObject *parent = nullptr);
    ~FakeTwilio() override;
    bool listen(quint16 port = 0);
    QUrl baseUrl() const { return m_http.baseUrl(); } // twilio.base_url: /2010-04-01/… below it
    QString accountSid() const { return m_accountSid; }
    QString authToken() const { return m_authToken; }
    void setCredentials(const QString &accountSid, const QString &authToken);
    void addApiKey(const QString &sid, const QString &secret) { m_apiKeys.insert(sid, secret); }
    void setNumbers(const QStringList &numbers);
    void setService(const QString &sid, const QStringList &pool) { m_services.insert(sid, pool); }
    void setConcurrency(int limit) { m_concurrency = limit; }
    void setMps(const QString &sender, int mps) { m_mps.insert(sender, mps); }
    void setDefaultMps(int mps) { m_defaultMps = mps; }
    void setFaults(const Faults &faults) { m_faults = faults; }
    void setNextFaults(const QString &kind, int count) { m_next.insert(kind, count); } // server_error, throttle, drop, lose, slow
    void setSeed(quint32 seed) { m_random.seed(seed); }
    void setLifecycle(const Lifecycle &lifecycle) { m_lifecycle = lifecycle; }
    // "none" (or anything else it does not know) takes a number's rule away.
    void setNumberRule(const QString &number, const QString &rule) { setRule(m_numberRules, number, rule); }
    void setSuffixRule(const QString &digits, const QString &rule) { setRule(m_suffixRules, digits, rule); }
    // Every time the fake reads comes from here (tests put messages on other days, or in one second).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void reset(bool config = false);

    const QList<Message> &messages() const { return m_messages; } // outbound and inbound, in creation order
    const Message *message(const QString &sid) const;
    int copies(const QString &to, const QString &body) const { return m_copies.value(to + QLatin1Char('\n') + body); }
    int mpsViolations(const QString &sender) const { return m_senders.value(sender).violations; }
    int mpsViolations() const;
    const Stats &stats() const { return m_stats; }

    // Twilio's segment count for a body (GSM-7 160/153 septets with the extension table costing two,
    // else UCS-2 70/67 UTF-16 units; an escape pair or a surrogate pair is never split).
    static int segments(const QString &body);
    static Rule parseRule(const QString &text);

private:
    struct Sender
    {
        qint64 second = -1;
        int count = 0;
        bool flagged = false;
        int violations = 0;
        int peak = 0;
    };
    struct CallbackAttempt
    {
        QString sid, status, url;
        int attempt = 0;
        int httpStatus = 0;
        bool ok = false;
        QDateTime at;
    };

    void handle(HttpExchange *exchange);
    void api(HttpExchange *exchange);
    HttpResponse route(const HttpRequest &request, const QString &rest); // rest: below /Accounts/{Sid}
    HttpResponse create(const HttpRequest &request);
    HttpResponse list(const HttpRequest &request) const;
    HttpResponse control(HttpExchange *exchange);
    void inbound(HttpExchange *exchange);
    QString configure(const QJsonObject &o); // an error, or empty
    QJsonObject statsJson() const;
    bool authorized(const HttpRequest &request) const;
    bool fault(const char *kind, double share);
    static void setRule(QHash<QString, Rule> &rules, const QString &key, const QString &text)
    {
        const Rule rule = parseRule(text);
        if (rule.kind == Rule::None)
            rules.remove(key);
        else
            rules.insert(key, rule);
    }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    Rule ruleFor(const QString &to) const;
    QJsonObject toJson(const Message &m) const;
    QString newSid(const char *prefix);
    void countSender(const QString &sender, const QDateTime &at);
    void schedule(const QString &sid, int delayMs);
    void advance(const QString &sid);
    void callback(const QString &sid);
    void post(CallbackAttempt record, const QList<QPair<QString, QString>> &params);
    QString messagesUri() const;

    HttpServer m_http;
    QNetworkAccessManager *m_nam = nullptr;
    QString m_accountSid;
    QString m_authToken;
    QHash<QString, QString> m_apiKeys;
    QSet<QString> m_numbers;
    QHash<QString, QStringList> m_services; // MG… → its sender pool
    int m_concurrency = 100;
    QHash<QString, int> m_mps;
    int m_defaultMps = 0; // 0: not counted unless the sender has its own
    QString m_pricePerSegment = QStringLiteral("0.00790");
    Faults m_faults;
    QHash<QString, int> m_next;
    QRandomGenerator m_random{20261205};
    QRandomGenerator m_sids{QRandomGenerator::securelySeeded()};
    Lifecycle m_lifecycle;
    QHash<QString, Rule> m_numberRules;
    QHash<QString, Rule> m_suffixRules;
    std::function<QDateTime()> m_clock;

    QList<Message> m_messages;
    QHash<QString, qsizetype> m_bySid;
    QHash<QString, QList<qsizetype>> m_byTo; // ascending indexes into m_messages
    QHash<QString, int> m_copies;             // To + '\n' + Body → outbound messages
    QHash<QString, Sender> m_senders;
    QList<CallbackAttempt> m_callbacks;
    Stats m_stats;
    int m_inFlight = 0;
    quint64 m_generation = 0; // a reset drops the timers of the messages before it
};

} // namespace lux::fakes
