// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrationdesk.h"

#include "common/errorcodes.h"
#include "eventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <sqlite3.h>

#include <chrono>

namespace lux::tracker {

namespace {

constexpr const char *kStates[] = {"pending", "confirmed", "waiting", "cancelled", "expired"};

RegistrationState stateFrom(const char *text)
{
    for (int i = 0; i < 5; ++i)
        if (text && std::strcmp(text, kStates[i]) == 0)
            return RegistrationState(i);
    return RegistrationState::Expired;
}

bool holdsSeat(RegistrationState s)
{
    return s == RegistrationState::Pending || s == RegistrationState::Confirmed;
}

QString kindName(FormQuestion::Kind k)
{
    switch (k) {
    case FormQuestion::Kind::Text:
        return QStringLiteral("text");
    case FormQuestion::Kind::Choice:
        return QStringLiteral("choice");
    case FormQuestion::Kind::Checkbox:
        return QStringLiteral("checkbox");
    }
    return {};
}

QString statusName(FormDefinition::Status s)
{
    switch (s) {
    case FormDefinition::Status::Published:
        return QStringLiteral("published");
    case FormDefinition::Status::Cancelled:
        return QStringLiteral("cancelled");
    case FormDefinition::Status::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

} // namespace

QString stateName(RegistrationState state)
{
    return QString::fromLatin1(kStates[int(state)]);
}

bool FormDefinition::validSlug(QStringView slug)
{
    if (slug.isEmpty() || slug.size() > 64 || slug.startsWith(u'-'))
        return false;
    for (QChar ch : slug)
        if (!((ch >= u'a' && ch <= u'z') || (ch >= u'0' && ch <= u'9') || ch == u'-'))
            return false;
    return true;
}

Result<FormDefinition> FormDefinition::fromJson(const QString &slug, const QJsonObject &o)
{
    const auto bad = [](const QString &field, const QString &why) { return Error(errc::trackerConfig, QStringLiteral("%1: %2").arg(field, why)); };
    const auto text = [&](const char *name, qsizetype max, QString *out, bool required) -> std::optional<Error> {
        const QJsonValue v = o.value(QLatin1StringView(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return bad(QString::fromLatin1(name), QStringLiteral("is required"));
            return std::nullopt;
        }
        if (!v.isString())
            return bad(QString::fromLatin1(name), QStringLiteral("must be a string"));
        if (v.toString().size() > max)
            return bad(QString::fromLatin1(name), QStringLiteral("is longer than %1 characters").arg(max));
        *out = v.toString();
        return std::nullopt;
    };
    const auto integer = [&](const char *name, qint64 min, qint64 max, qint64 *out) -> std::optional<Error> {
        const QJsonValue v = o.value(QLatin1StringView(name));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max)
            return bad(QString::fromLatin1(name), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        *out = v.toInteger();
        return std::nullopt;
    };
    if (!validSlug(slug))
        return bad(QStringLiteral("slug"), QStringLiteral("must be 1 to 64 lower-case letters, digits and hyphens"));
    FormDefinition d;
    d.slug = slug;
    qint64 event = 0, revision = 0, capacity = 0, reserved = 0, difficulty = d.powDifficulty, holdMinutes = 0, holdSeconds = 0, consentVersion = 0;
    constexpr qint64 kMaxMs = 253402300799000; // 9999-12-31
    for (const auto &e : {integer("event", 1, std::numeric_limits<qint32>::max(), &event), integer("revision", 1, std::numeric_limits<qint64>::max() / 2, &revision),
                          integer("capacity", 0, 1'000'000, &capacity), integer("reserved", 0, 1'000'000, &reserved), integer("opens_at", 0, kMaxMs, &d.opensAt),
                          integer("closes_at", 0, kMaxMs, &d.closesAt), integer("pow_difficulty", 0, kMaxDifficulty, &difficulty),
                          integer("hold_minutes", 1, 60 * 24 * 30, &holdMinutes), integer("hold_seconds", 5, 3600 * 24 * 30, &holdSeconds), integer("consent_version", 0, 1'000'000, &consentVersion)})
        if (e)
            return *e;
    if (event == 0)
        return bad(QStringLiteral("event"), QStringLiteral("is required"));
    if (revision == 0)
        return bad(QStringLiteral("revision"), QStringLiteral("is required"));
    d.event = quint64(event);
    d.revision = revision;
    d.capacity = int(capacity);
    d.reserved = int(reserved);
    d.powDifficulty = int(difficulty);
    // hold_seconds, for short tests and drills, wins over hold_minutes; neither: a day.
    d.holdSeconds = holdSeconds ? int(holdSeconds) : holdMinutes ? int(holdMinutes) * 60 : d.holdSeconds;
    d.consentVersion = int(consentVersion);
    if (d.opensAt && d.closesAt && d.closesAt <= d.opensAt)
        return bad(QStringLiteral("closes_at"), QStringLiteral("must be after opens_at"));
    for (const auto &e : {text("title", 200, &d.title, true), text("when", 200, &d.when, false), text("where", 500, &d.where, false),
                          text("description_html", 64 * 1024, &d.descriptionHtml, false), text("consent_text", 4000, &d.consentText, false),
                          text("language", 8, &d.language, false)})
        if (e)
            return *e;
    if (d.title.trimmed().isEmpty())
        return bad(QStringLiteral("title"), QStringLiteral("is required"));
    if (d.language != u"en" && d.language != u"es")
        return bad(QStringLiteral("language"), QStringLiteral("must be \"en\" or \"es\""));
    if (!d.consentText.isEmpty() && d.consentVersion == 0)
        return bad(QStringLiteral("consent_version"), QStringLiteral("is required with a consent text"));
    const QString status = o.value(QStringLiteral("status")).toString(QStringLiteral("published"));
    if (status == u"published")
        d.status = Status::Published;
    else if (status == u"cancelled")
        d.status = Status::Cancelled;
    else if (status == u"finished")
        d.status = Status::Finished;
    else
        return bad(QStringLiteral("status"), QStringLiteral("must be published, cancelled or finished"));
    const QJsonValue doi = o.value(QStringLiteral("double_opt_in"));
    if (!doi.isUndefined() && !doi.isBool())
        return bad(QStringLiteral("double_opt_in"), QStringLiteral("must be true or false"));
    d.doubleOptIn = doi.toBool(true);
    const QJsonArray questions = o.value(QStringLiteral("questions")).toArray();
    if (questions.size() > kMaxQuestions)
        return bad(QStringLiteral("questions"), QStringLiteral("at most %1").arg(kMaxQuestions));
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const QString where = QStringLiteral("questions[%1]").arg(i);
        const QJsonObject q = questions.at(i).toObject();
        FormQuestion fq;
        const QString kind = q.value(QStringLiteral("kind")).toString();
        if (kind == u"text")
            fq.kind = FormQuestion::Kind::Text;
        else if (kind == u"choice")
            fq.kind = FormQuestion::Kind::Choice;
        else if (kind == u"checkbox")
            fq.kind = FormQuestion::Kind::Checkbox;
        else
            return bad(where + QStringLiteral(".kind"), QStringLiteral("must be text, choice or checkbox"));
        fq.label = q.value(QStringLiteral("label")).toString();
        if (fq.label.trimmed().isEmpty() || fq.label.size() > 500)
            return bad(where + QStringLiteral(".label"), QStringLiteral("must be 1 to 500 characters"));
        fq.required = q.value(QStringLiteral("required")).toBool();
        const QJsonArray choices = q.value(QStringLiteral("choices")).toArray();
        for (const QJsonValue &c : choices)
            if (c.isString() && !c.toString().trimmed().isEmpty() && c.toString().size() <= 200)
                fq.choices.append(c.toString());
        if (fq.kind == FormQuestion::Kind::Choice && (fq.choices.size() < 2 || fq.choices.size() > 20 || fq.choices.size() != choices.size()))
            return bad(where + QStringLiteral(".choices"), QStringLiteral("must be 2 to 20 non-empty strings of at most 200 characters"));
        d.questions.append(fq);
    }
    return d;
}

QJsonObject FormDefinition::toJson() const
{
    QJsonArray qs;
    for (const FormQuestion &q : questions)
        qs.append(QJsonObject{{QStringLiteral("kind"), kindName(q.kind)},
                              {QStringLiteral("label"), q.label},
                              {QStringLiteral("choices"), QJsonArray::fromStringList(q.choices)},
                              {QStringLiteral("required"), q.required}});
    return QJsonObject{{QStringLiteral("event"), qint64(event)},
                       {QStringLiteral("revision"), revision},
                       {QStringLiteral("status"), statusName(status)},
                       {QStringLiteral("language"), language},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("when"), when},
                       {QStringLiteral("where"), where},
                       {QStringLiteral("description_html"), descriptionHtml},
                       {QStringLiteral("capacity"), capacity},
                       {QStringLiteral("reserved"), reserved},
                       {QStringLiteral("opens_at"), opensAt},
                       {QStringLiteral("closes_at"), closesAt},
                       {QStringLiteral("double_opt_in"), doubleOptIn},
                       {QStringLiteral("pow_difficulty"), powDifficulty},
                       {QStringLiteral("hold_seconds"), holdSeconds},
                       {QStringLiteral("questions"), qs},
                       {QStringLiteral("consent_version"), consentVersion},
                       {QStringLiteral("consent_text"), consentText}};
}

bool FormDefinition::open(qint64 now) const
{
    return status == Status::Published && (opensAt == 0 || now >= opensAt) && (closesAt == 0 || now < closesAt);
}

QJsonObject Registration::toJson(const QString &change) const
{
    QJsonObject o{{QStringLiteral("registration"), id},
                  {QStringLiteral("event"), qint64(event)},
                  {QStringLiteral("slug"), slug},
                  {QStringLiteral("change"), change},
                  {QStringLiteral("status"), stateName(state)},
                  {QStringLiteral("verified"), verified},
                  {QStringLiteral("email"), email},
                  {QStringLiteral("first_name"), firstName},
                  {QStringLiteral("last_name"), lastName},
                  {QStringLiteral("answers"), QJsonArray::fromStringList(answers)},
                  {QStringLiteral("consent"), consent},
                  {QStringLiteral("consent_version"), consentVersion},
                  {QStringLiteral("source"), source},
                  {QStringLiteral("registered_at"), registeredAt}};
    if (state == RegistrationState::Waiting)
        o.insert(QStringLiteral("position"), position);
    if (holdUntil)
        o.insert(QStringLiteral("hold_until"), holdUntil);
    if (confirmedAt)
        o.insert(QStringLiteral("confirmed_at"), confirmedAt);
    if (cancelledAt)
        o.insert(QStringLiteral("cancelled_at"), cancelledAt);
    return o;
}

// The desk thread's connection and statements.
class RegistrationDesk::Store
{
public:
    ~Store()
    {
        for (sqlite3_stmt *s : {m_find, m_findActive, m_insert, m_update, m_counts, m_setCounts, m_firstWaiting, m_position, m_event,
                                m_lapsed, m_waitingCount})
            sqlite3_finalize(s);
        sqlite3_close_v2(m_db);
    }

    Status open(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
            return fail();
        sqlite3_busy_timeout(m_db, 10'000);
        // The event store made and upgraded the schema (eventstore.cpp); this connection only uses it.
        if (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=FULL"))
            return fail();
        const char *const sql[] = {
            "SELECT id, slug, state, verified, hold_until, email, first_name, last_name, answers, consent, consent_version, source,"
            " registered_at, confirmed_at, cancelled_at FROM registrations WHERE id = ?",
            "SELECT id FROM registrations WHERE slug = ? AND email_key = ? AND state IN ('pending','confirmed','waiting')",
            "INSERT INTO registrations(slug, email_key, email, first_name, last_name, answers, consent, consent_version, source, state,"
            " verified, hold_until, registered_at, confirmed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            "UPDATE registrations SET state = ?, verified = ?, hold_until = ?, confirmed_at = ?, cancelled_at = ? WHERE id = ?",
            "SELECT taken, waiting FROM forms WHERE slug = ?",
            "UPDATE forms SET taken = ?, waiting = ? WHERE slug = ?",
            "SELECT id FROM registrations WHERE slug = ? AND state = 'waiting' ORDER BY id LIMIT 1",
            "SELECT count(*) FROM registrations WHERE slug = ? AND state = 'waiting' AND id <= ?",
            "INSERT INTO events(at, kind, campaign, recipient, payload) VALUES (?,?,?,?,?)",
            "SELECT id FROM registrations WHERE verified = 0 AND state IN ('pending','waiting') AND hold_until > 0 AND hold_until <= ?"
            " ORDER BY id LIMIT 500",
            "SELECT count(*) FROM registrations WHERE slug = ? AND state = 'waiting'",
        };
        sqlite3_stmt **out[] = {&m_find, &m_findActive, &m_insert, &m_update, &m_counts, &m_setCounts, &m_firstWaiting, &m_position,
                                &m_event, &m_lapsed, &m_waitingCount};
        for (size_t i = 0; i < std::size(sql); ++i)
            if (sqlite3_prepare_v3(m_db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, out[i], nullptr) != SQLITE_OK)
                return fail();
        return {};
    }

    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    Error fail() const { return Error(errc::trackerStore, QString::fromUtf8(sqlite3_errmsg(m_db))); }
    sqlite3 *db() const { return m_db; }

    static void text(sqlite3_stmt *s, int i, const QString &v)
    {
        const QByteArray b = v.toUtf8();
        sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
    }
    static QString column(sqlite3_stmt *s, int i)
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, i)), sqlite3_column_bytes(s, i));
    }

    std::optional<Registration> find(qint64 id)
    {
        sqlite3_reset(m_find);
        sqlite3_bind_int64(m_find, 1, id);
        if (sqlite3_step(m_find) != SQLITE_ROW)
            return std::nullopt;
        Registration r;
        r.id = sqlite3_column_int64(m_find, 0);
        r.slug = column(m_find, 1);
        r.state = stateFrom(reinterpret_cast<const char *>(sqlite3_column_text(m_find, 2)));
        r.verified = sqlite3_column_int(m_find, 3) != 0;
        r.holdUntil = sqlite3_column_int64(m_find, 4);
        r.email = column(m_find, 5);
        r.firstName = column(m_find, 6);
        r.lastName = column(m_find, 7);
        for (const QJsonValue &a : QJsonDocument::fromJson(column(m_find, 8).toUtf8()).array())
            r.answers.append(a.toString());
        r.consent = sqlite3_column_int(m_find, 9) != 0;
        r.consentVersion = sqlite3_column_int(m_find, 10);
        r.source = column(m_find, 11);
        r.registeredAt = sqlite3_column_int64(m_find, 12);
        r.confirmedAt = sqlite3_column_int64(m_find, 13);
        r.cancelledAt = sqlite3_column_int64(m_find, 14);
        sqlite3_reset(m_find);
        if (r.state == RegistrationState::Waiting)
            r.position = position(r.slug, r.id);
        return r;
    }

    std::optional<qint64> findActive(const QString &slug, const QString &emailKey)
    {
        sqlite3_reset(m_findActive);
        text(m_findActive, 1, slug);
        text(m_findActive, 2, emailKey);
        std::optional<qint64> id;
        if (sqlite3_step(m_findActive) == SQLITE_ROW)
            id = sqlite3_column_int64(m_findActive, 0);
        sqlite3_reset(m_findActive);
        return id;
    }

    Result<qint64> insert(const Submission &s, const QString &emailKey, RegistrationState state, bool verified, qint64 holdUntil, qint64 now,
                          int consentVersion)
    {
        sqlite3_reset(m_insert);
        text(m_insert, 1, s.slug);
        text(m_insert, 2, emailKey);
        text(m_insert, 3, s.email);
        text(m_insert, 4, s.firstName);
        text(m_insert, 5, s.lastName);
        text(m_insert, 6, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(s.answers)).toJson(QJsonDocument::Compact)));
        sqlite3_bind_int(m_insert, 7, s.consent ? 1 : 0);
        sqlite3_bind_int(m_insert, 8, s.consent ? consentVersion : 0);
        text(m_insert, 9, s.source);
        text(m_insert, 10, stateName(state));
        sqlite3_bind_int(m_insert, 11, verified ? 1 : 0);
        sqlite3_bind_int64(m_insert, 12, holdUntil);
        sqlite3_bind_int64(m_insert, 13, now);
        sqlite3_bind_int64(m_insert, 14, state == RegistrationState::Confirmed ? now : 0);
        if (sqlite3_step(m_insert) != SQLITE_DONE)
            return fail();
        return sqlite3_last_insert_rowid(m_db);
    }

    Status update(const Registration &r)
    {
        sqlite3_reset(m_update);
        text(m_update, 1, stateName(r.state));
        sqlite3_bind_int(m_update, 2, r.verified ? 1 : 0);
        sqlite3_bind_int64(m_update, 3, r.holdUntil);
        sqlite3_bind_int64(m_update, 4, r.confirmedAt);
        sqlite3_bind_int64(m_update, 5, r.cancelledAt);
        sqlite3_bind_int64(m_update, 6, r.id);
        if (sqlite3_step(m_update) != SQLITE_DONE)
            return fail();
        return {};
    }

    struct Counts
    {
        int taken = 0;   // pending and confirmed
        int waiting = 0; // on the waiting list
    };
    // The form's counts; nothing when its row is missing (which no decision may take for "empty").
    std::optional<Counts> counts(const QString &slug)
    {
        sqlite3_reset(m_counts);
        text(m_counts, 1, slug);
        std::optional<Counts> n;
        if (sqlite3_step(m_counts) == SQLITE_ROW)
            n = Counts{sqlite3_column_int(m_counts, 0), sqlite3_column_int(m_counts, 1)};
        sqlite3_reset(m_counts);
        return n;
    }
    Error missing(const QString &slug) const
    {
        return Error(errc::trackerStore, QStringLiteral("the form %1 has no row").arg(slug));
    }

    Status setCounts(const QString &slug, Counts n)
    {
        sqlite3_reset(m_setCounts);
        sqlite3_bind_int(m_setCounts, 1, n.taken);
        sqlite3_bind_int(m_setCounts, 2, n.waiting);
        text(m_setCounts, 3, slug);
        if (sqlite3_step(m_setCounts) != SQLITE_DONE)
            return fail();
        return {};
    }

    std::optional<qint64> firstWaiting(const QString &slug)
    {
        sqlite3_reset(m_firstWaiting);
        text(m_firstWaiting, 1, slug);
        std::optional<qint64> id;
        if (sqlite3_step(m_firstWaiting) == SQLITE_ROW)
            id = sqlite3_column_int64(m_firstWaiting, 0);
        sqlite3_reset(m_firstWaiting);
        return id;
    }

    int position(const QString &slug, qint64 id)
    {
        sqlite3_reset(m_position);
        text(m_position, 1, slug);
        sqlite3_bind_int64(m_position, 2, id);
        const int n = sqlite3_step(m_position) == SQLITE_ROW ? sqlite3_column_int(m_position, 0) : 0;
        sqlite3_reset(m_position);
        return n;
    }

    int waitingRows(const QString &slug)
    {
        sqlite3_reset(m_waitingCount);
        text(m_waitingCount, 1, slug);
        const int n = sqlite3_step(m_waitingCount) == SQLITE_ROW ? sqlite3_column_int(m_waitingCount, 0) : 0;
        sqlite3_reset(m_waitingCount);
        return n;
    }

    Status event(const Registration &r, const QString &change, qint64 now)
    {
        sqlite3_reset(m_event);
        sqlite3_bind_int64(m_event, 1, now);
        sqlite3_bind_int(m_event, 2, int(EventKind::Registration));
        sqlite3_bind_int64(m_event, 3, qint64(r.event));
        sqlite3_bind_int64(m_event, 4, r.id);
        const QByteArray payload = QJsonDocument(r.toJson(change)).toJson(QJsonDocument::Compact);
        sqlite3_bind_text(m_event, 5, payload.constData(), int(payload.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(m_event) != SQLITE_DONE)
            return fail();
        return {};
    }

    QList<qint64> lapsed(qint64 now)
    {
        QList<qint64> ids;
        sqlite3_reset(m_lapsed);
        sqlite3_bind_int64(m_lapsed, 1, now);
        while (sqlite3_step(m_lapsed) == SQLITE_ROW)
            ids.append(sqlite3_column_int64(m_lapsed, 0));
        sqlite3_reset(m_lapsed);
        return ids;
    }

    Status saveForm(const FormDefinition &d, qint64 now)
    {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db,
                               "INSERT INTO forms(slug, event, revision, definition, taken, updated_at) VALUES (?,?,?,?,0,?) "
                               "ON CONFLICT(slug) DO UPDATE SET event = excluded.event, revision = excluded.revision,"
                               " definition = excluded.definition, updated_at = excluded.updated_at",
                               -1, &s, nullptr)
            != SQLITE_OK)
            return fail();
        text(s, 1, d.slug);
        sqlite3_bind_int64(s, 2, qint64(d.event));
        sqlite3_bind_int64(s, 3, d.revision);
        text(s, 4, QString::fromUtf8(QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact)));
        sqlite3_bind_int64(s, 5, now);
        const int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return fail();
        return {};
    }

    // Every stored form with its counts recounted from the registrations (the counts are a cache
    // the same transactions keep; recounting on start costs one indexed pass).
    Result<QList<Form>> loadForms()
    {
        QList<Form> forms;
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT slug, definition FROM forms", -1, &s, nullptr) != SQLITE_OK)
            return fail();
        while (sqlite3_step(s) == SQLITE_ROW) {
            const QString slug = column(s, 0);
            auto parsed = FormDefinition::fromJson(slug, QJsonDocument::fromJson(column(s, 1).toUtf8()).object());
            if (!parsed) {
                qWarning("lux-tracker: the stored form %s cannot be read: %s", qPrintable(slug), qPrintable(parsed.error().message));
                continue;
            }
            forms.append(Form{std::make_shared<const FormDefinition>(std::move(parsed).value()), 0, 0});
        }
        sqlite3_finalize(s);
        for (Form &f : forms) {
            sqlite3_stmt *q = nullptr;
            if (sqlite3_prepare_v2(m_db, "SELECT count(*) FROM registrations WHERE slug = ? AND state IN ('pending','confirmed')", -1, &q, nullptr)
                != SQLITE_OK)
                return fail();
            text(q, 1, f.definition->slug);
            f.taken = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
            sqlite3_finalize(q);
            f.waiting = waitingRows(f.definition->slug);
            if (Status st = setCounts(f.definition->slug, Counts{f.taken, f.waiting}); !st)
                return st.error();
        }
        return forms;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_find = nullptr, *m_findActive = nullptr, *m_insert = nullptr, *m_update = nullptr, *m_counts = nullptr,
                 *m_setCounts = nullptr, *m_firstWaiting = nullptr, *m_position = nullptr, *m_event = nullptr, *m_lapsed = nullptr,
                 *m_waitingCount = nullptr;
};

RegistrationDesk::RegistrationDesk(QString dbPath, Options options) : m_path(std::move(dbPath)), m_options(options) {}

RegistrationDesk::~RegistrationDesk()
{
    stop();
}

Status RegistrationDesk::start()
{
    auto started = m_started.get_future();
    m_thread = std::thread([this] { run(); });
    Status s = started.get();
    if (!s)
        m_thread.join();
    return s;
}

void RegistrationDesk::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<RegistrationDesk::Form> RegistrationDesk::form(const QString &slug) const
{
    std::shared_lock lock(m_formsMutex);
    const auto it = m_forms.constFind(slug);
    if (it == m_forms.constEnd())
        return std::nullopt;
    return *it;
}

bool RegistrationDesk::enqueue(Op op)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return false;
        m_queue.push_back(std::move(op));
    }
    m_wake.notify_one();
    return true;
}

namespace {

// The seat a registration that arrives now gets, given the form and the seats taken.
bool seatFree(const FormDefinition &d, int taken)
{
    return d.capacity == 0 || taken + d.reserved < d.capacity;
}

} // namespace

bool RegistrationDesk::submit(Submission s, qint64 now, Done done)
{
    const QString emailKey = s.email.trimmed().toLower();
    return enqueue(Op{[this, s = std::move(s), emailKey](qint64 at) -> Outcome {
                          const auto f = form(s.slug);
                          if (!f)
                              return Outcome{.problem = Problem::NoForm};
                          const FormDefinition &d = *f->definition;
                          if (const auto existing = m_store->findActive(s.slug, emailKey)) {
                              auto r = m_store->find(*existing);
                              if (!r)
                                  return Outcome{.problem = Problem::Store, .message = m_store->fail().message};
                              r->event = d.event;
                              return Outcome{.registration = *r, .existing = true};
                          }
                          if (!d.open(at))
                              return Outcome{.problem = Problem::Closed};
                          auto counted = m_store->counts(s.slug);
                          if (!counted)
                              return Outcome{.problem = Problem::Store, .message = m_store->missing(s.slug).message};
                          auto n = *counted;
                          Registration r;
                          r.event = d.event;
                          r.slug = s.slug;
                          r.verified = s.verified;
                          r.state = !seatFree(d, n.taken) ? RegistrationState::Waiting
                                  : r.verified           ? RegistrationState::Confirmed
                                                         : RegistrationState::Pending;
                          const int hold = s.unproven ? std::min(d.holdSeconds, Submission::kUnprovenHoldSeconds) : d.holdSeconds;
                          r.holdUntil = r.verified ? 0 : at + qint64(hold) * 1000;
                          r.email = s.email;
                          r.firstName = s.firstName;
                          r.lastName = s.lastName;
                          r.answers = s.answers;
                          r.consent = s.consent;
                          r.consentVersion = s.consent ? d.consentVersion : 0;
                          r.source = s.source;
                          r.registeredAt = at;
                          r.confirmedAt = r.state == RegistrationState::Confirmed ? at : 0;
                          const auto id = m_store->insert(s, emailKey, r.state, r.verified, r.holdUntil, at, d.consentVersion);
                          if (!id)
                              return Outcome{.problem = Problem::Store, .message = id.error().message};
                          r.id = *id;
                          if (r.state == RegistrationState::Waiting)
                              r.position = ++n.waiting; // the last in arrival order
                          else
                              ++n.taken;
                          if (Status st = m_store->setCounts(s.slug, n); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          if (Status st = m_store->event(r, QStringLiteral("registered"), at); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          return Outcome{.registration = r};
                      },
                      std::move(done), now});
}

bool RegistrationDesk::confirm(const QString &slug, quint64 event, qint64 registration, qint64 now, Done done)
{
    return enqueue(Op{[this, slug, event, registration](qint64 at) -> Outcome {
                          auto r = m_store->find(registration);
                          if (!r || r->slug != slug)
                              return Outcome{.problem = Problem::NotFound};
                          r->event = event;
                          // A hold that ran out is over, whether or not the sweep has been by yet.
                          if (r->state == RegistrationState::Cancelled || r->state == RegistrationState::Expired
                              || (!r->verified && r->holdUntil && at >= r->holdUntil))
                              return Outcome{.problem = Problem::Lapsed, .registration = *r};
                          if (r->verified)
                              return Outcome{.registration = *r, .unchanged = true};
                          r->verified = true;
                          r->holdUntil = 0;
                          if (r->state == RegistrationState::Pending) {
                              r->state = RegistrationState::Confirmed;
                              r->confirmedAt = at;
                          }
                          if (Status st = m_store->update(*r); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          if (Status st = m_store->event(*r, QStringLiteral("confirmed"), at); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          return Outcome{.registration = *r};
                      },
                      std::move(done), now});
}

namespace {

// Seats freed on `slug`: the first people waiting get them, in arrival order, while there are any.
// A person whose address is confirmed is confirmed at once; one still to confirm holds the seat
// for the form's hold time from now.
Status promote(auto &store, const FormDefinition &d, qint64 at)
{
    const auto counted = store.counts(d.slug);
    if (!counted)
        return store.missing(d.slug);
    auto n = *counted;
    while (seatFree(d, n.taken) && n.waiting > 0) {
        const auto next = store.firstWaiting(d.slug);
        if (!next)
            break;
        auto r = store.find(*next);
        if (!r)
            return store.fail();
        r->event = d.event;
        if (r->verified) {
            r->state = RegistrationState::Confirmed;
            r->confirmedAt = at;
        } else {
            r->state = RegistrationState::Pending;
            r->holdUntil = at + qint64(d.holdSeconds) * 1000;
        }
        r->position = 0;
        if (Status st = store.update(*r); !st)
            return st;
        ++n.taken;
        --n.waiting;
        if (Status st = store.event(*r, QStringLiteral("promoted"), at); !st)
            return st;
    }
    return store.setCounts(d.slug, n);
}

} // namespace

bool RegistrationDesk::cancel(const QString &slug, quint64 event, qint64 registration, qint64 now, Done done)
{
    return enqueue(Op{[this, slug, event, registration](qint64 at) -> Outcome {
                          auto r = m_store->find(registration);
                          if (!r || r->slug != slug)
                              return Outcome{.problem = Problem::NotFound};
                          r->event = event;
                          if (r->state == RegistrationState::Cancelled || r->state == RegistrationState::Expired)
                              return Outcome{.registration = *r, .unchanged = true};
                          const bool freed = holdsSeat(r->state);
                          r->state = RegistrationState::Cancelled;
                          r->cancelledAt = at;
                          r->holdUntil = 0;
                          r->position = 0;
                          if (Status st = m_store->update(*r); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          if (Status st = m_store->event(*r, QStringLiteral("cancelled"), at); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          auto counted = m_store->counts(slug);
                          if (!counted)
                              return Outcome{.problem = Problem::Store, .message = m_store->missing(slug).message};
                          auto n = *counted;
                          (freed ? n.taken : n.waiting) -= 1;
                          if (Status st = m_store->setCounts(slug, n); !st)
                              return Outcome{.problem = Problem::Store, .message = st.error().message};
                          if (const auto f = form(slug); f && freed)
                              if (Status st = promote(*m_store, *f->definition, at); !st)
                                  return Outcome{.problem = Problem::Store, .message = st.error().message};
                          return Outcome{.registration = *r};
                      },
                      std::move(done), now});
}

std::future<RegistrationDesk::Outcome> RegistrationDesk::publish(FormDefinition definition, qint64 now)
{
    auto promise = std::make_shared<std::promise<Outcome>>();
    auto future = promise->get_future();
    auto d = std::make_shared<const FormDefinition>(std::move(definition));
    const bool queued = enqueue(Op{[this, d](qint64 at) -> Outcome {
                                       if (const auto f = form(d->slug)) {
                                           if (f->definition->revision > d->revision)
                                               return Outcome{.problem = Problem::Stale,
                                                              .message = QStringLiteral("Revision %1 is older than the published %2.")
                                                                             .arg(d->revision)
                                                                             .arg(f->definition->revision)};
                                           if (f->definition->event != d->event)
                                               return Outcome{.problem = Problem::Stale,
                                                              .message = QStringLiteral("The slug %1 belongs to another event.").arg(d->slug)};
                                       }
                                       if (Status st = m_store->saveForm(*d, at); !st)
                                           return Outcome{.problem = Problem::Store, .message = st.error().message};
                                       if (Status st = promote(*m_store, *d, at); !st)
                                           return Outcome{.problem = Problem::Store, .message = st.error().message};
                                       Registration r;
                                       r.slug = d->slug;
                                       r.event = d->event;
                                       // The pages see it once the group has committed (run()).
                                       return Outcome{.registration = r, .published = d};
                                   },
                                   [promise](const Outcome &o) { promise->set_value(o); }, now});
    if (!queued)
        promise->set_value(Outcome{.problem = Problem::Stopping});
    return future;
}

void RegistrationDesk::run()
{
    auto store = std::make_unique<Store>();
    if (Status s = store->open(m_path); !s) {
        m_started.set_value(s);
        return;
    }
    auto forms = store->loadForms();
    if (!forms) {
        m_started.set_value(forms.error());
        return;
    }
    {
        std::unique_lock lock(m_formsMutex);
        for (const Form &f : *forms)
            m_forms.insert(f.definition->slug, f);
    }
    m_store = std::move(store);
    m_started.set_value(Status());

    const auto interval = std::chrono::milliseconds(m_options.sweepMs);
    auto nextSweep = std::chrono::steady_clock::now() + interval;
    std::deque<Op> group;
    for (;;) {
        bool stopping;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, nextSweep, [this] { return m_stopping || !m_queue.empty(); });
            group.swap(m_queue);
            stopping = m_stopping;
        }
        const qint64 wall = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        if (std::chrono::steady_clock::now() >= nextSweep) {
            sweep(wall);
            nextSweep = std::chrono::steady_clock::now() + interval;
        }
        if (!group.empty()) {
            // One transaction for the group, a savepoint for each operation in it: an operation that
            // fails leaves nothing behind, and the others still commit together.
            QList<Outcome> outcomes;
            outcomes.reserve(qsizetype(group.size()));
            QSet<QString> touched;
            Status committed;
            if (!m_store->exec("BEGIN IMMEDIATE")) {
                committed = m_store->fail();
            } else {
                for (Op &op : group) {
                    if (!m_store->exec("SAVEPOINT op")) {
                        committed = m_store->fail();
                        break;
                    }
                    Outcome o = op.apply(op.now ? op.now : wall);
                    if (o.problem == Problem::Store) {
                        m_store->exec("ROLLBACK TO op");
                        // SQLite may have rolled the whole transaction back by itself (a full disk,
                        // an I/O error): then nothing of the group holds, and it fails as one.
                        if (sqlite3_get_autocommit(m_store->db())) {
                            committed = Error(errc::trackerStore, o.message);
                            break;
                        }
                    }
                    if (!m_store->exec("RELEASE op")) {
                        committed = m_store->fail();
                        break;
                    }
                    if (!o.registration.slug.isEmpty())
                        touched.insert(o.registration.slug);
                    outcomes.append(std::move(o));
                }
                if (committed && !m_store->exec("COMMIT"))
                    committed = m_store->fail();
                if (!committed && !sqlite3_get_autocommit(m_store->db()))
                    m_store->exec("ROLLBACK");
            }
            ++m_groups;
            if (!committed) {
                fprintf(stderr, "lux-tracker: %zu registrations could not be stored: %s\n", group.size(), qPrintable(committed.error().message));
                // Nothing of the group holds: the counts and any form published in it are read again.
                if (auto reloaded = m_store->loadForms()) {
                    std::unique_lock lock(m_formsMutex);
                    m_forms.clear();
                    for (const Form &f : *reloaded)
                        m_forms.insert(f.definition->slug, f);
                }
                for (Op &op : group)
                    op.done(Outcome{.problem = Problem::Store, .message = committed.error().message});
            } else {
                for (const Outcome &o : std::as_const(outcomes))
                    if (o.published) {
                        std::unique_lock lock(m_formsMutex);
                        m_forms[o.published->slug].definition = o.published;
                    }
                for (const QString &slug : std::as_const(touched)) {
                    const auto n = m_store->counts(slug);
                    std::unique_lock lock(m_formsMutex);
                    if (auto it = m_forms.find(slug); n && it != m_forms.end()) {
                        it->taken = n->taken;
                        it->waiting = n->waiting;
                    }
                }
                for (size_t i = 0; i < group.size(); ++i)
                    group[i].done(outcomes[qsizetype(i)]);
            }
            group.clear();
        }
        if (stopping) {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty())
                break;
        }
    }
    m_store.reset();
}

void RegistrationDesk::sweep(qint64 now)
{
    const QList<qint64> lapsed = m_store->lapsed(now);
    if (lapsed.isEmpty())
        return;
    if (!m_store->exec("BEGIN IMMEDIATE"))
        return;
    QSet<QString> touched;
    for (const qint64 id : lapsed) {
        auto r = m_store->find(id);
        if (!r)
            continue;
        const bool freed = holdsSeat(r->state);
        r->state = RegistrationState::Expired;
        r->cancelledAt = now;
        r->holdUntil = 0;
        r->position = 0;
        const auto f = form(r->slug);
        if (!f) { // its form could not be read at start: it lapses all the same, with nobody to promote
            if (!m_store->update(*r)) {
                m_store->exec("ROLLBACK");
                return;
            }
            continue;
        }
        r->event = f->definition->event;
        const auto counted = m_store->counts(r->slug);
        if (!counted || !m_store->update(*r) || !m_store->event(*r, QStringLiteral("expired"), now)) {
            m_store->exec("ROLLBACK");
            return;
        }
        auto n = *counted;
        (freed ? n.taken : n.waiting) -= 1;
        if (!m_store->setCounts(r->slug, n) || (freed && !promote(*m_store, *f->definition, now))) {
            m_store->exec("ROLLBACK");
            return;
        }
        touched.insert(r->slug);
    }
    if (!m_store->exec("COMMIT")) {
        m_store->exec("ROLLBACK");
        return;
    }
    for (const QString &slug : std::as_const(touched)) {
        const auto n = m_store->counts(slug);
        std::unique_lock lock(m_formsMutex);
        if (auto it = m_forms.find(slug); n && it != m_forms.end()) {
            it->taken = n->taken;
            it->waiting = n->waiting;
        }
    }
}

} // namespace lux::tracker
