// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstore.h"

#include "common/errorcodes.h"

#include <sqlite3.h>

#include <chrono>

namespace lux::tracker {

namespace {

struct Stmt
{
    sqlite3_stmt *s = nullptr;
    ~Stmt() { sqlite3_finalize(s); }
};

class SqliteSink final : public EventSink
{
public:
    ~SqliteSink() override
    {
        sqlite3_finalize(m_insertEvent);
        sqlite3_finalize(m_insertLink);
        sqlite3_close_v2(m_db);
    }

    Status open(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            nullptr)
            != SQLITE_OK)
            return failure(QStringLiteral("cannot open %1").arg(path));
        sqlite3_busy_timeout(m_db, 5000);
        const char *schema = "PRAGMA journal_mode=WAL;"
                             "PRAGMA synchronous=FULL;"
                             "CREATE TABLE IF NOT EXISTS events("
                             " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                             " at INTEGER NOT NULL,"
                             " kind INTEGER NOT NULL,"
                             " campaign INTEGER NOT NULL,"
                             " recipient INTEGER NOT NULL,"
                             " link INTEGER NOT NULL DEFAULT 0,"
                             " machine INTEGER NOT NULL DEFAULT 0,"
                             " reason TEXT NOT NULL DEFAULT '');"
                             "CREATE TABLE IF NOT EXISTS links("
                             " campaign INTEGER NOT NULL,"
                             " link INTEGER NOT NULL,"
                             " url TEXT NOT NULL,"
                             " PRIMARY KEY(campaign, link)) WITHOUT ROWID;";
        char *message = nullptr;
        if (sqlite3_exec(m_db, schema, nullptr, nullptr, &message) != SQLITE_OK) {
            const QString why = QString::fromUtf8(message);
            sqlite3_free(message);
            return failure(QStringLiteral("cannot set up %1: %2").arg(path, why));
        }
        if (Status s = upgrade(path); !s)
            return s;
        if (!prepare("INSERT INTO events(at, kind, campaign, recipient, link, machine, reason, sid, status, error_code, to_number, "
                     "from_number, account, body, keyword, num_media, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     &m_insertEvent)
            || !prepare("INSERT INTO links(campaign, link, url) VALUES (?,?,?) "
                        "ON CONFLICT(campaign, link) DO UPDATE SET url = excluded.url",
                        &m_insertLink))
            return failure(lastError());
        return {};
    }

    Status append(std::vector<Event> &batch) override
    {
        if (!exec("BEGIN IMMEDIATE"))
            return failure(lastError());
        for (Event &e : batch) {
            sqlite3_reset(m_insertEvent);
            sqlite3_bind_int64(m_insertEvent, 1, e.at);
            sqlite3_bind_int(m_insertEvent, 2, int(e.kind));
            sqlite3_bind_int64(m_insertEvent, 3, qint64(e.campaign));
            sqlite3_bind_int64(m_insertEvent, 4, qint64(e.recipient));
            sqlite3_bind_int64(m_insertEvent, 5, e.link);
            sqlite3_bind_int(m_insertEvent, 6, e.machine ? 1 : 0);
            sqlite3_bind_text(m_insertEvent, 7, e.reason.constData(), int(e.reason.size()), SQLITE_STATIC);
            sqlite3_bind_text(m_insertEvent, 8, e.sid.constData(), int(e.sid.size()), SQLITE_STATIC);
            sqlite3_bind_text(m_insertEvent, 9, e.status.constData(), int(e.status.size()), SQLITE_STATIC);
            sqlite3_bind_int(m_insertEvent, 10, e.errorCode);
            sqlite3_bind_text(m_insertEvent, 11, e.to.constData(), int(e.to.size()), SQLITE_STATIC);
            sqlite3_bind_text(m_insertEvent, 12, e.from.constData(), int(e.from.size()), SQLITE_STATIC);
            sqlite3_bind_text(m_insertEvent, 13, e.account.constData(), int(e.account.size()), SQLITE_STATIC);
            const QByteArray body = e.body.toUtf8();
            sqlite3_bind_text(m_insertEvent, 14, body.constData(), int(body.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int(m_insertEvent, 15, e.keyword);
            sqlite3_bind_int(m_insertEvent, 16, e.numMedia);
            sqlite3_bind_text(m_insertEvent, 17, e.payload.constData(), int(e.payload.size()), SQLITE_STATIC);
            if (sqlite3_step(m_insertEvent) != SQLITE_DONE) {
                const Error why = failure(lastError());
                exec("ROLLBACK");
                return why;
            }
            e.id = sqlite3_last_insert_rowid(m_db);
        }
        if (!exec("COMMIT")) {
            const Error why = failure(lastError());
            exec("ROLLBACK");
            return why;
        }
        return {};
    }

    Status registerLinks(quint64 campaign, const QList<Link> &links) override
    {
        if (!exec("BEGIN IMMEDIATE"))
            return failure(lastError());
        for (const Link &l : links) {
            sqlite3_reset(m_insertLink);
            sqlite3_bind_int64(m_insertLink, 1, qint64(campaign));
            sqlite3_bind_int64(m_insertLink, 2, l.id);
            sqlite3_bind_text(m_insertLink, 3, l.url.constData(), int(l.url.size()), SQLITE_STATIC);
            if (sqlite3_step(m_insertLink) != SQLITE_DONE) {
                const Error why = failure(lastError());
                exec("ROLLBACK");
                return why;
            }
        }
        if (!exec("COMMIT")) {
            const Error why = failure(lastError());
            exec("ROLLBACK");
            return why;
        }
        return {};
    }

    Status allLinks(const std::function<void(quint64, quint32, const QByteArray &)> &each) override
    {
        Stmt q;
        if (!prepare("SELECT campaign, link, url FROM links", &q.s))
            return failure(lastError());
        int rc;
        while ((rc = sqlite3_step(q.s)) == SQLITE_ROW)
            each(quint64(sqlite3_column_int64(q.s, 0)), quint32(sqlite3_column_int64(q.s, 1)),
                 QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(q.s, 2)), sqlite3_column_bytes(q.s, 2)));
        if (rc != SQLITE_DONE)
            return failure(lastError());
        return {};
    }

    QList<Event> eventsAfter(qint64 cursor, int limit) override
    {
        QList<Event> out;
        Stmt q;
        if (!prepare("SELECT id, at, kind, campaign, recipient, link, machine, reason, sid, status, error_code, to_number, from_number, "
                     "account, body, keyword, num_media, payload FROM events WHERE id > ? ORDER BY id LIMIT ?",
                     &q.s))
            return out;
        sqlite3_bind_int64(q.s, 1, cursor);
        sqlite3_bind_int(q.s, 2, limit);
        while (sqlite3_step(q.s) == SQLITE_ROW) {
            Event e;
            e.id = sqlite3_column_int64(q.s, 0);
            e.at = sqlite3_column_int64(q.s, 1);
            e.kind = EventKind(sqlite3_column_int(q.s, 2));
            e.campaign = quint64(sqlite3_column_int64(q.s, 3));
            e.recipient = quint64(sqlite3_column_int64(q.s, 4));
            e.link = quint32(sqlite3_column_int64(q.s, 5));
            e.machine = sqlite3_column_int(q.s, 6) != 0;
            const auto bytes = [&](int column) {
                return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(q.s, column)), sqlite3_column_bytes(q.s, column));
            };
            e.reason = bytes(7);
            e.sid = bytes(8);
            e.status = bytes(9);
            e.errorCode = sqlite3_column_int(q.s, 10);
            e.to = bytes(11);
            e.from = bytes(12);
            e.account = bytes(13);
            e.body = QString::fromUtf8(bytes(14));
            e.keyword = quint8(sqlite3_column_int(q.s, 15));
            e.numMedia = quint8(sqlite3_column_int(q.s, 16));
            e.payload = bytes(17);
            out.append(e);
        }
        return out;
    }

    qint64 count(EventKind kind) override
    {
        Stmt q;
        if (!prepare("SELECT count(*) FROM events WHERE kind = ?", &q.s))
            return -1;
        sqlite3_bind_int(q.s, 1, int(kind));
        return sqlite3_step(q.s) == SQLITE_ROW ? sqlite3_column_int64(q.s, 0) : -1;
    }

private:
    // The schema's version in PRAGMA user_version: 0 is the first tracker's (opens, clicks,
    // unsubscribes); 1 adds the SMS columns (issue 15); 2 the events' registration forms, their
    // registrations and the events' payload (issue 18). An older database is upgraded in place, in
    // one transaction, when it is opened; a newer one is refused rather than half understood.
    static constexpr int kSchemaVersion = 2;

    Status upgrade(const QString &path)
    {
        if (!exec("BEGIN IMMEDIATE"))
            return failure(lastError());
        int version = -1;
        {
            Stmt q;
            if (prepare("PRAGMA user_version", &q.s) && sqlite3_step(q.s) == SQLITE_ROW)
                version = sqlite3_column_int(q.s, 0);
        }
        const auto fail = [&](const QString &why) {
            exec("ROLLBACK");
            return failure(why);
        };
        if (version < 0)
            return fail(lastError());
        if (version > kSchemaVersion)
            return fail(QStringLiteral("%1 was written by a newer lux-tracker (schema %2; this one knows %3)").arg(path).arg(version).arg(kSchemaVersion));
        if (version < 1) {
            static const char *const columns[] = {
                "ALTER TABLE events ADD COLUMN sid TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE events ADD COLUMN error_code INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE events ADD COLUMN to_number TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE events ADD COLUMN from_number TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE events ADD COLUMN account TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE events ADD COLUMN body TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE events ADD COLUMN keyword INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE events ADD COLUMN num_media INTEGER NOT NULL DEFAULT 0",
            };
            for (const char *sql : columns)
                if (!exec(sql))
                    return fail(QStringLiteral("cannot upgrade %1: %2").arg(path, lastError()));
        }
        if (version < 2) {
            // forms: what the app published for an event (registrationdesk.h reads the definition);
            // taken counts pending and confirmed registrations, waiting the waiting list, both kept
            // in the same transaction as they change, so a decision never counts rows. registrations: one per person and
            // event while active (pending, confirmed, waiting); id is the arrival order.
            static const char *const tables[] = {
                "ALTER TABLE events ADD COLUMN payload TEXT NOT NULL DEFAULT ''",
                "CREATE TABLE forms("
                " slug TEXT PRIMARY KEY,"
                " event INTEGER NOT NULL,"
                " revision INTEGER NOT NULL,"
                " definition TEXT NOT NULL,"
                " taken INTEGER NOT NULL DEFAULT 0,"
                " waiting INTEGER NOT NULL DEFAULT 0,"
                " updated_at INTEGER NOT NULL)",
                "CREATE TABLE registrations("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " slug TEXT NOT NULL,"
                " email_key TEXT NOT NULL,"
                " email TEXT NOT NULL,"
                " first_name TEXT NOT NULL DEFAULT '',"
                " last_name TEXT NOT NULL DEFAULT '',"
                " answers TEXT NOT NULL DEFAULT '[]',"
                " consent INTEGER NOT NULL DEFAULT 0,"
                " consent_version INTEGER NOT NULL DEFAULT 0,"
                " source TEXT NOT NULL,"
                " state TEXT NOT NULL CHECK (state IN ('pending','confirmed','waiting','cancelled','expired')),"
                " verified INTEGER NOT NULL DEFAULT 0,"
                " hold_until INTEGER NOT NULL DEFAULT 0,"
                " registered_at INTEGER NOT NULL,"
                " confirmed_at INTEGER NOT NULL DEFAULT 0,"
                " cancelled_at INTEGER NOT NULL DEFAULT 0)",
                "CREATE UNIQUE INDEX registrations_active ON registrations(slug, email_key)"
                " WHERE state IN ('pending','confirmed','waiting')",
                "CREATE INDEX registrations_state ON registrations(slug, state, id)",
                "CREATE INDEX registrations_hold ON registrations(hold_until) WHERE verified = 0 AND state IN ('pending','waiting')",
            };
            for (const char *sql : tables)
                if (!exec(sql))
                    return fail(QStringLiteral("cannot upgrade %1: %2").arg(path, lastError()));
        }
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(kSchemaVersion);
        if (version != kSchemaVersion && !exec(setVersion.constData()))
            return fail(lastError());
        if (!exec("COMMIT"))
            return fail(lastError());
        return {};
    }

    bool prepare(const char *sql, sqlite3_stmt **out) { return sqlite3_prepare_v2(m_db, sql, -1, out, nullptr) == SQLITE_OK; }
    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    static Error failure(const QString &why) { return Error(errc::trackerStore, why); }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertEvent = nullptr;
    sqlite3_stmt *m_insertLink = nullptr;
};

} // namespace

Result<std::unique_ptr<EventSink>> openSqliteSink(const QString &path)
{
    auto sink = std::make_unique<SqliteSink>();
    if (Status s = sink->open(path); !s)
        return s.error();
    return std::unique_ptr<EventSink>(std::move(sink));
}

namespace {
// What a request gets when it arrives while the server stops: its event is not stored.
Error stoppingError()
{
    return Error(errc::trackerStore, QStringLiteral("the tracker is stopping"));
}
} // namespace

EventBatcher::EventBatcher(std::function<Result<std::unique_ptr<EventSink>>()> openSink, Options options)
    : m_openSink(std::move(openSink)), m_options(options)
{
}

EventBatcher::~EventBatcher()
{
    stop();
}

Status EventBatcher::start()
{
    auto started = m_started.get_future();
    m_thread = std::thread([this] { run(); });
    Status s = started.get();
    if (!s)
        m_thread.join();
    return s;
}

void EventBatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void EventBatcher::append(Event e)
{
    bool full;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(e));
        full = m_queue.size() >= size_t(m_options.maxBatch);
    }
    if (full)
        m_wake.notify_one();
}

std::future<Status> EventBatcher::appendDurable(Event e)
{
    auto done = std::make_shared<std::promise<Status>>();
    auto f = done->get_future();
    if (!appendDurable(std::move(e), [done](const Status &s) { done->set_value(s); }))
        done->set_value(stoppingError());
    return f;
}

bool EventBatcher::appendDurable(Event e, std::function<void(const Status &)> done)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return false;
    m_queue.push_back(std::move(e));
    m_waiting.push_back(std::move(done));
    return true;
}

std::future<Status> EventBatcher::registerLinks(quint64 campaign, QList<Link> links)
{
    auto done = std::make_shared<std::promise<Status>>();
    auto f = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            done->set_value(stoppingError());
            return f;
        }
        m_tasks.push_back([done, campaign, links = std::move(links)](EventSink &sink) {
            done->set_value(sink.registerLinks(campaign, links));
        });
    }
    m_wake.notify_one();
    return f;
}

std::future<Status> EventBatcher::allLinks(std::function<void(quint64, quint32, const QByteArray &)> each)
{
    auto done = std::make_shared<std::promise<Status>>();
    auto f = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([done, each = std::move(each)](EventSink &sink) { done->set_value(sink.allLinks(each)); });
    }
    m_wake.notify_one();
    return f;
}

std::future<QList<Event>> EventBatcher::eventsAfter(qint64 cursor, int limit)
{
    auto done = std::make_shared<std::promise<QList<Event>>>();
    auto f = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([done, cursor, limit](EventSink &sink) { done->set_value(sink.eventsAfter(cursor, limit)); });
    }
    m_wake.notify_one();
    return f;
}

quint64 EventBatcher::committed() const
{
    std::lock_guard lock(m_mutex);
    return m_committed;
}

quint64 EventBatcher::failedBatches() const
{
    std::lock_guard lock(m_mutex);
    return m_failed;
}

void EventBatcher::run()
{
    auto opened = m_openSink();
    if (!opened) {
        m_started.set_value(opened.error());
        return;
    }
    const std::unique_ptr<EventSink> sink = std::move(opened).value();
    m_started.set_value(Status());
    const auto interval = std::chrono::milliseconds(m_options.intervalMs);
    std::vector<Event> batch;
    std::vector<std::function<void(const Status &)>> waiting;
    std::deque<std::function<void(EventSink &)>> tasks;
    for (;;) {
        bool stopping;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, interval, [this] {
                return m_stopping || !m_tasks.empty() || m_queue.size() >= size_t(m_options.maxBatch);
            });
            batch.swap(m_queue);
            waiting.swap(m_waiting);
            tasks.swap(m_tasks);
            stopping = m_stopping;
        }
        if (!batch.empty()) {
            Status written = sink->append(batch);
            if (!written) { // one retry: a transient lock or I/O hiccup should not lose the batch
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                written = sink->append(batch);
            }
            const bool ok = written.ok();
            {
                std::lock_guard lock(m_mutex);
                if (ok)
                    m_committed += batch.size();
                else
                    ++m_failed;
            }
            if (!ok)
                fprintf(stderr, "lux-tracker: %zu events could not be written: %s\n", batch.size(), qPrintable(written.error().message));
            for (auto &done : waiting)
                done(written);
            batch.clear();
            waiting.clear();
        }
        for (auto &task : tasks)
            task(*sink);
        tasks.clear();
        if (stopping) {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty() && m_tasks.empty())
                break;
        }
    }
}

} // namespace lux::tracker
