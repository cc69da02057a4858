// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstore.h"

#include "common/errorcodes.h"
#include "contacts/addressing.h"
#include "contacts/csvreader.h"
#include "events/ticket.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "tracking/token.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace lux::events {

namespace {

constexpr const char *kEventColumns =
    "id, uid, slug, title, description, language, starts_at, ends_at, time_zone, venue, online_url, sender_id, capacity, "
    "opens_at, closes_at, double_opt_in, pow_difficulty, tags, reminders, status, sequence, revision, published_revision, "
    "created_at, updated_at, published_at";
constexpr int kEventColumnCount = 26;

constexpr const char *kRegistrationColumns =
    "id, event_id, tracker_id, contact_id, email, first_name, last_name, status, position, source, answers, consent, "
    "consent_version, registered_at, confirmed_at, cancelled_at, checked_in_at, checked_in_via, tracker_seq, updated_at";

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant optionalValue(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : nullInt();
}

QVariant optionalValue(const std::optional<int> &v)
{
    return v ? QVariant(qint64(*v)) : nullInt();
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString stringsJson(const QStringList &list)
{
    return jsonText(QJsonArray::fromStringList(list));
}

QStringList stringsFromJson(const QString &text)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : a)
        out << v.toString();
    return out;
}

QString minutesJson(const QList<int> &minutes)
{
    QJsonArray a;
    for (int m : minutes)
        a.append(m);
    return jsonText(a);
}

QList<int> minutesFromJson(const QString &text)
{
    QList<int> out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : a)
        out << v.toInt();
    return out;
}

// A registration's address key as contacts keep theirs (Addressing), or plainly lower-cased for an
// address the parser refuses (the tracker checked it; the row must still be findable).
QString emailKeyOf(const QString &email)
{
    if (const auto parsed = contacts::Addressing::parseEmail(email.trimmed()))
        return parsed->key;
    return email.trimmed().toLower();
}

// The end of a prefix range: every key that starts with the prefix sorts below it (binary UTF-8).
QString prefixEnd(const QString &prefix)
{
    static const char32_t kLast = 0x10FFFF;
    return prefix + QString::fromUcs4(&kLast, 1);
}

QString randomBase32(int length)
{
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]);
    return out;
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

Event eventFromQuery(const QSqlQuery &q, int base = 0)
{
    Event e;
    e.id = q.value(base + 0).toLongLong();
    e.uid = q.value(base + 1).toString();
    e.slug = q.value(base + 2).toString();
    e.title = q.value(base + 3).toString();
    e.description = q.value(base + 4).toString();
    e.language = q.value(base + 5).toString();
    e.startsAt = q.value(base + 6).toLongLong();
    e.endsAt = q.value(base + 7).toLongLong();
    e.timeZone = q.value(base + 8).toString();
    e.venue = q.value(base + 9).toString();
    e.onlineUrl = q.value(base + 10).toString();
    e.senderId = optionalInt(q.value(base + 11));
    e.capacity = q.value(base + 12).toInt();
    e.opensAt = optionalInt(q.value(base + 13));
    e.closesAt = optionalInt(q.value(base + 14));
    e.doubleOptIn = q.value(base + 15).toInt() != 0;
    e.powDifficulty = q.value(base + 16).toInt();
    e.tags = stringsFromJson(q.value(base + 17).toString());
    e.reminders = minutesFromJson(q.value(base + 18).toString());
    e.status = eventStatusFromName(q.value(base + 19).toString()).value_or(EventStatus::Draft);
    e.sequence = q.value(base + 20).toInt();
    e.revision = q.value(base + 21).toInt();
    e.publishedRevision = q.value(base + 22).toInt();
    e.createdAt = q.value(base + 23).toLongLong();
    e.updatedAt = q.value(base + 24).toLongLong();
    e.publishedAt = optionalInt(q.value(base + 25));
    return e;
}

CheckInVia viaFromName(const QString &name)
{
    if (name == QLatin1String("scan"))
        return CheckInVia::Scan;
    if (name == QLatin1String("search"))
        return CheckInVia::Search;
    if (name == QLatin1String("luxctl"))
        return CheckInVia::Luxctl;
    return CheckInVia::None;
}

Registration registrationFromQuery(const QSqlQuery &q)
{
    Registration r;
    r.id = q.value(0).toLongLong();
    r.eventId = q.value(1).toLongLong();
    r.trackerId = optionalInt(q.value(2));
    r.contactId = optionalInt(q.value(3));
    r.email = q.value(4).toString();
    r.firstName = q.value(5).toString();
    r.lastName = q.value(6).toString();
    r.status = registrationStatusFromName(q.value(7).toString()).value_or(RegistrationStatus::Pending);
    if (const auto p = optionalInt(q.value(8)))
        r.position = int(*p);
    r.source = registrationSourceFromName(q.value(9).toString()).value_or(RegistrationSource::Link);
    r.answers = stringsFromJson(q.value(10).toString());
    r.consent = q.value(11).toInt() != 0;
    if (const auto v = optionalInt(q.value(12)))
        r.consentVersion = int(*v);
    r.registeredAt = q.value(13).toLongLong();
    r.confirmedAt = optionalInt(q.value(14));
    r.cancelledAt = optionalInt(q.value(15));
    r.checkedInAt = optionalInt(q.value(16));
    r.checkedInVia = viaFromName(q.value(17).toString());
    r.trackerSeq = q.value(18).toLongLong();
    r.updatedAt = q.value(19).toLongLong();
    return r;
}

QString isoUtc(const std::optional<qint64> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

} // namespace

QString eventStatusName(EventStatus status)
{
    switch (status) {
    case EventStatus::Draft: return QStringLiteral("draft");
    case EventStatus::Published: return QStringLiteral("published");
    case EventStatus::Cancelled: return QStringLiteral("cancelled");
    case EventStatus::Finished: return QStringLiteral("finished");
    }
    return {};
}

std::optional<EventStatus> eventStatusFromName(const QString &name)
{
    for (EventStatus s : {EventStatus::Draft, EventStatus::Published, EventStatus::Cancelled, EventStatus::Finished})
        if (eventStatusName(s) == name)
            return s;
    return std::nullopt;
}

QString registrationStatusName(RegistrationStatus status)
{
    switch (status) {
    case RegistrationStatus::Pending: return QStringLiteral("pending");
    case RegistrationStatus::Confirmed: return QStringLiteral("confirmed");
    case RegistrationStatus::Waiting: return QStringLiteral("waiting");
    case RegistrationStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<RegistrationStatus> registrationStatusFromName(const QString &name)
{
    for (RegistrationStatus s : {RegistrationStatus::Pending, RegistrationStatus::Confirmed, RegistrationStatus::Waiting,
                                 RegistrationStatus::Cancelled})
        if (registrationStatusName(s) == name)
            return s;
    return std::nullopt;
}

QString registrationSourceName(RegistrationSource source)
{
    switch (source) {
    case RegistrationSource::Link: return QStringLiteral("link");
    case RegistrationSource::Embed: return QStringLiteral("embed");
    case RegistrationSource::Manual: return QStringLiteral("manual");
    case RegistrationSource::Api: return QStringLiteral("api");
    }
    return {};
}

std::optional<RegistrationSource> registrationSourceFromName(const QString &name)
{
    for (RegistrationSource s : {RegistrationSource::Link, RegistrationSource::Embed, RegistrationSource::Manual, RegistrationSource::Api})
        if (registrationSourceName(s) == name)
            return s;
    return std::nullopt;
}

QString checkInViaName(CheckInVia via)
{
    switch (via) {
    case CheckInVia::None: return QString();
    case CheckInVia::Scan: return QStringLiteral("scan");
    case CheckInVia::Search: return QStringLiteral("search");
    case CheckInVia::Luxctl: return QStringLiteral("luxctl");
    }
    return {};
}

QString EventQuestion::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Text: return QStringLiteral("text");
    case Kind::Choice: return QStringLiteral("choice");
    case Kind::Checkbox: return QStringLiteral("checkbox");
    }
    return {};
}

std::optional<EventQuestion::Kind> EventQuestion::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Text, Kind::Choice, Kind::Checkbox})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

QString Registration::name() const
{
    const QString n = QString(firstName + QLatin1Char(u' ') + lastName).trimmed();
    return n.isEmpty() ? email : n;
}

QString EventStore::statusLabel(EventStatus status)
{
    switch (status) {
    case EventStatus::Draft: return tr("Draft");
    case EventStatus::Published: return tr("Published");
    case EventStatus::Cancelled: return tr("Cancelled");
    case EventStatus::Finished: return tr("Finished");
    }
    return {};
}

QString EventStore::statusLabel(RegistrationStatus status)
{
    switch (status) {
    case RegistrationStatus::Pending: return tr("Pending");
    case RegistrationStatus::Confirmed: return tr("Confirmed");
    case RegistrationStatus::Waiting: return tr("Waiting");
    case RegistrationStatus::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString EventStore::searchKey(const QString &text)
{
    const QString decomposed = text.simplified().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    return out.toLower();
}

QString EventStore::slugBase(const QString &title)
{
    const QString plain = searchKey(title);
    QString out;
    for (const QChar c : plain) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    if (out.size() > 40) {
        out.truncate(40);
        // Cut at a word's end when there is one in the second half.
        const qsizetype dash = out.lastIndexOf(u'-');
        if (dash >= 20)
            out.truncate(dash);
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("event") : out;
}

Status EventStore::validate(const Event &e)
{
    const auto input = [](const QString &message) { return Error(errc::eventsInput, message); };
    const QString title = e.title.trimmed();
    if (title.isEmpty())
        return input(tr("The title is required."));
    if (title.size() > kMaxTitle)
        return input(tr("The title is %1 characters long; at most %2 fit.").arg(title.size()).arg(kMaxTitle));
    if (e.language != QLatin1String("en") && e.language != QLatin1String("es"))
        return input(tr("The language must be en or es, not '%1'.").arg(e.language));
    if (e.startsAt == 0 || e.endsAt == 0)
        return input(tr("The start and the end are required."));
    if (e.endsAt <= e.startsAt)
        return input(tr("The end (%1) must be after the start (%2).").arg(isoUtc(e.endsAt), isoUtc(e.startsAt)));
    if (e.timeZone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(e.timeZone.toUtf8()))
        return input(tr("The time zone '%1' is not an IANA time zone (such as Europe/Madrid).").arg(e.timeZone));
    if (e.capacity < 0)
        return input(tr("The capacity must be 0 (no limit) or more, not %1.").arg(e.capacity));
    if (e.opensAt && e.closesAt && *e.closesAt <= *e.opensAt)
        return input(tr("Registration must close (%1) after it opens (%2).").arg(isoUtc(e.closesAt), isoUtc(e.opensAt)));
    if (!e.onlineUrl.isEmpty()) {
        const QUrl url(e.onlineUrl, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return input(tr("The online link '%1' must be an http or https address.").arg(e.onlineUrl));
    }
    if (e.powDifficulty < 0 || e.powDifficulty > 28)
        return input(tr("The proof-of-work difficulty must be between 0 and 28, not %1.").arg(e.powDifficulty));
    if (e.questions.size() > kMaxQuestions)
        return input(tr("An event has at most %1 questions, not %2.").arg(kMaxQuestions).arg(e.questions.size()));
    for (qsizetype i = 0; i < e.questions.size(); ++i) {
        const EventQuestion &q = e.questions.at(i);
        const qsizetype n = i + 1;
        if (q.label.trimmed().isEmpty())
            return input(tr("Question %1 needs a label.").arg(n));
        if (q.label.size() > kMaxTitle)
            return input(tr("Question %1's label is longer than %2 characters.").arg(n).arg(kMaxTitle));
        if (q.kind != EventQuestion::Kind::Choice && !q.choices.isEmpty())
            return input(tr("Question %1 has choices, but only a choice question has them.").arg(n));
        if (q.kind == EventQuestion::Kind::Choice) {
            if (q.choices.size() < 2 || q.choices.size() > kMaxChoices)
                return input(tr("Question %1 is a choice: it needs 2 to %2 choices, not %3.").arg(n).arg(kMaxChoices).arg(q.choices.size()));
            QSet<QString> seen;
            for (const QString &c : q.choices) {
                if (c.trimmed().isEmpty())
                    return input(tr("Question %1 has an empty choice.").arg(n));
                if (seen.contains(c.trimmed().toLower()))
                    return input(tr("Question %1 repeats the choice '%2'.").arg(n).arg(c.trimmed()));
                seen.insert(c.trimmed().toLower());
            }
        }
    }
    if (e.reminders.size() > kMaxReminders)
        return input(tr("An event has at most %1 reminders, not %2.").arg(kMaxReminders).arg(e.reminders.size()));
    QSet<int> minutes;
    for (int m : e.reminders) {
        if (m < 1 || m > kMaxReminderMinutes)
            return input(tr("A reminder %1 minutes before the start is outside 1 minute to 60 days.").arg(m));
        if (minutes.contains(m))
            return input(tr("Two reminders are %1 minutes before the start.").arg(m));
        minutes.insert(m);
    }
    for (const QString &tag : e.tags)
        if (tag.trimmed().isEmpty() || tag.size() > 100)
            return input(tr("A tag must have 1 to 100 characters: '%1'.").arg(tag));
    return {};
}

Status EventStore::writeQuestions(qint64 eventId, const QList<EventQuestion> &questions)
{
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM event_questions WHERE event_id = ?"));
    del.addBindValue(eventId);
    if (!del.exec())
        return storage::queryError(del);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO event_questions (event_id, position, kind, label, choices, required) VALUES (?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const EventQuestion &question = questions.at(i);
        QStringList choices;
        for (const QString &c : question.choices)
            choices << c.trimmed();
        q.addBindValue(eventId);
        q.addBindValue(qint64(i + 1));
        q.addBindValue(EventQuestion::kindName(question.kind));
        q.addBindValue(storage::notNull(question.label.trimmed()));
        q.addBindValue(stringsJson(choices));
        q.addBindValue(question.required ? 1 : 0);
        if (!q.exec())
            return storage::queryError(q);
    }
    return {};
}

Result<int> EventStore::addConsentVersionIfChanged(qint64 eventId, const QString &text, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version, text FROM event_consent_texts WHERE event_id = ? ORDER BY version DESC LIMIT 1"));
    q.addBindValue(eventId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    int latest = 0;
    if (q.next()) {
        latest = q.value(0).toInt();
        if (q.value(1).toString() == text)
            return latest;
    } else if (text.isEmpty()) {
        return 0; // never asked, still not asked
    }
    q.finish();
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO event_consent_texts (event_id, version, text, created_at) VALUES (?, ?, ?, ?)"));
    ins.addBindValue(eventId);
    ins.addBindValue(latest + 1);
    ins.addBindValue(storage::notNull(text));
    ins.addBindValue(now);
    if (!ins.exec())
        return storage::queryError(ins);
    return latest + 1;
}

namespace {

// The fields the user sets, in the order create() and update() list their columns: title,
// description, language, starts_at, ends_at, time_zone, venue, online_url, sender_id, capacity,
// opens_at, closes_at, double_opt_in, pow_difficulty, tags, reminders (largest first).
void bindUserFields(QSqlQuery &q, const Event &event)
{
    q.addBindValue(event.title.trimmed());
    q.addBindValue(storage::notNull(event.description));
    q.addBindValue(event.language);
    q.addBindValue(event.startsAt);
    q.addBindValue(event.endsAt);
    q.addBindValue(event.timeZone);
    q.addBindValue(storage::notNull(event.venue.trimmed()));
    q.addBindValue(storage::notNull(event.onlineUrl.trimmed()));
    q.addBindValue(optionalValue(event.senderId));
    q.addBindValue(event.capacity);
    q.addBindValue(optionalValue(event.opensAt));
    q.addBindValue(optionalValue(event.closesAt));
    q.addBindValue(event.doubleOptIn ? 1 : 0);
    q.addBindValue(event.powDifficulty);
    q.addBindValue(stringsJson(event.tags));
    QList<int> reminders = event.reminders;
    std::sort(reminders.begin(), reminders.end(), std::greater<int>());
    q.addBindValue(minutesJson(reminders));
}

} // namespace

Result<qint64> EventStore::create(const Event &event)
{
    if (Status valid = validate(event); !valid)
        return valid.error();
    if (event.senderId) {
        QSqlQuery s(m_db);
        s.prepare(QStringLiteral("SELECT 1 FROM senders WHERE id = ? AND channel = 'email'"));
        s.addBindValue(*event.senderId);
        if (!s.exec())
            return storage::queryError(s, errc::dbRead);
        if (!s.next())
            return Error(errc::eventsInput, tr("The organiser (sender %1) is not an email sender.").arg(*event.senderId));
    }
    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();

    // A slug is public and unique; six random base32 characters make a clash rare, and a clash
    // draws again.
    QString slug;
    const QString base = slugBase(event.title);
    for (int attempt = 0; attempt < 8 && slug.isEmpty(); ++attempt) {
        const QString candidate = base + QLatin1Char('-') + randomBase32(6);
        QSqlQuery taken(m_db);
        taken.prepare(QStringLiteral("SELECT 1 FROM events WHERE slug = ?"));
        taken.addBindValue(candidate);
        if (!taken.exec())
            return storage::queryError(taken, errc::dbRead);
        if (!taken.next())
            slug = candidate;
    }
    if (slug.isEmpty())
        return Error(errc::eventsState, tr("No free public address was found for the event; try again."));

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO events (uid, slug, title, description, language, starts_at, ends_at, time_zone, venue, online_url, sender_id, "
        "capacity, opens_at, closes_at, double_opt_in, pow_difficulty, tags, reminders, status, sequence, revision, "
        "published_revision, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 0, 1, 0, ?, ?)"));
    q.addBindValue(QString(QStringLiteral("lux-event-") + randomHex(16) + QStringLiteral("@lux.invalid")));
    q.addBindValue(slug);
    bindUserFields(q, event);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    if (Status s = writeQuestions(id, event.questions); !s)
        return s.error();
    if (auto v = addConsentVersionIfChanged(id, event.consentText, now); !v)
        return v.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status EventStore::update(const Event &event)
{
    if (Status valid = validate(event); !valid)
        return valid;
    const auto current = find(event.id);
    if (!current)
        return current.error();
    if (current->status != EventStatus::Draft && current->status != EventStatus::Published)
        return Error(errc::eventsState, tr("Event %1 is %2 and can no longer change.").arg(event.id).arg(statusLabel(current->status).toLower()));
    if (event.senderId && event.senderId != current->senderId) {
        QSqlQuery s(m_db);
        s.prepare(QStringLiteral("SELECT 1 FROM senders WHERE id = ? AND channel = 'email'"));
        s.addBindValue(*event.senderId);
        if (!s.exec())
            return storage::queryError(s, errc::dbRead);
        if (!s.next())
            return Error(errc::eventsInput, tr("The organiser (sender %1) is not an email sender.").arg(*event.senderId));
    }
    // What a registrant's calendar shows: a change to it is sent as an update with a higher SEQUENCE.
    const bool calendarChange = event.title.trimmed() != current->title || event.startsAt != current->startsAt
        || event.endsAt != current->endsAt || event.timeZone != current->timeZone || event.venue.trimmed() != current->venue
        || event.onlineUrl.trimmed() != current->onlineUrl;
    const int sequence = current->sequence + (current->status == EventStatus::Published && calendarChange ? 1 : 0);

    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE events SET title = ?, description = ?, language = ?, starts_at = ?, ends_at = ?, time_zone = ?, venue = ?, "
        "online_url = ?, sender_id = ?, capacity = ?, opens_at = ?, closes_at = ?, double_opt_in = ?, pow_difficulty = ?, "
        "tags = ?, reminders = ?, sequence = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND status = ?"));
    bindUserFields(q, event);
    q.addBindValue(sequence);
    q.addBindValue(now);
    q.addBindValue(event.id);
    q.addBindValue(eventStatusName(current->status));
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::eventsState, tr("Event %1 changed meanwhile; open it again.").arg(event.id));
    if (event.questions != current->questions)
        if (Status s = writeQuestions(event.id, event.questions); !s)
            return s;
    if (auto v = addConsentVersionIfChanged(event.id, event.consentText, now); !v)
        return v.error();
    return tx.commit();
}

Result<Event> EventStore::findWhere(const QString &column, const QVariant &value) const
{
    // column is one of two names fixed in this file, never input.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE %2 = ?").arg(QLatin1String(kEventColumns), column));
    q.addBindValue(value);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::eventsNotFound, column == QLatin1String("slug") ? tr("There is no event at '%1'.").arg(value.toString())
                                                                          : tr("There is no event %1.").arg(value.toString()));
    Event e = eventFromQuery(q);
    q.finish();

    QSqlQuery qs(m_db);
    qs.prepare(QStringLiteral("SELECT kind, label, choices, required FROM event_questions WHERE event_id = ? ORDER BY position"));
    qs.addBindValue(e.id);
    if (!qs.exec())
        return storage::queryError(qs, errc::dbRead);
    while (qs.next()) {
        EventQuestion question;
        question.kind = EventQuestion::kindFromName(qs.value(0).toString()).value_or(EventQuestion::Kind::Text);
        question.label = qs.value(1).toString();
        question.choices = stringsFromJson(qs.value(2).toString());
        question.required = qs.value(3).toInt() != 0;
        e.questions << question;
    }
    QSqlQuery qc(m_db);
    qc.prepare(QStringLiteral("SELECT version, text FROM event_consent_texts WHERE event_id = ? ORDER BY version DESC LIMIT 1"));
    qc.addBindValue(e.id);
    if (!qc.exec())
        return storage::queryError(qc, errc::dbRead);
    if (qc.next()) {
        e.consentVersion = qc.value(0).toInt();
        e.consentText = qc.value(1).toString();
    }
    return e;
}

Result<Event> EventStore::find(qint64 id) const
{
    return findWhere(QStringLiteral("id"), id);
}

Result<Event> EventStore::findBySlug(const QString &slug) const
{
    return findWhere(QStringLiteral("slug"), slug);
}

Result<QList<EventSummary>> EventStore::list() const
{
    QStringList columns = QString::fromLatin1(kEventColumns).split(QStringLiteral(", "));
    for (QString &c : columns)
        c.prepend(QStringLiteral("e."));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, COALESCE(c.pending, 0), COALESCE(c.confirmed, 0), COALESCE(c.waiting, 0), "
                             "COALESCE(c.cancelled, 0), COALESCE(c.checked, 0) FROM events e LEFT JOIN ("
                             " SELECT event_id,"
                             "  SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,"
                             "  SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,"
                             "  SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END) AS waiting,"
                             "  SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,"
                             "  SUM(CASE WHEN checked_in_at IS NOT NULL THEN 1 ELSE 0 END) AS checked"
                             " FROM event_registrations GROUP BY event_id) c ON c.event_id = e.id "
                             "ORDER BY e.starts_at, e.id")
                  .arg(columns.join(QStringLiteral(", "))));
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<EventSummary> out;
    while (q.next()) {
        EventSummary s;
        s.event = eventFromQuery(q);
        s.counts.pending = q.value(kEventColumnCount).toInt();
        s.counts.confirmed = q.value(kEventColumnCount + 1).toInt();
        s.counts.waiting = q.value(kEventColumnCount + 2).toInt();
        s.counts.cancelled = q.value(kEventColumnCount + 3).toInt();
        s.counts.checkedIn = q.value(kEventColumnCount + 4).toInt();
        out << s;
    }
    return out;
}

Status EventStore::setStatus(qint64 id, EventStatus status)
{
    const auto current = find(id);
    if (!current)
        return current.error();
    const EventStatus from = current->status;
    const bool legal = (from == EventStatus::Draft && (status == EventStatus::Published || status == EventStatus::Cancelled))
        || (from == EventStatus::Published && (status == EventStatus::Cancelled || status == EventStatus::Finished));
    if (!legal)
        return Error(errc::eventsState,
                     tr("Event %1 is %2; it cannot become %3.").arg(id).arg(statusLabel(from).toLower(), statusLabel(status).toLower()));
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE events SET status = ?, revision = revision + 1, sequence = sequence + ?, "
                             "published_at = CASE WHEN ? = 'published' AND published_at IS NULL THEN ? ELSE published_at END, "
                             "updated_at = ? WHERE id = ? AND status = ?"));
    q.addBindValue(eventStatusName(status));
    q.addBindValue(status == EventStatus::Cancelled ? 1 : 0); // a cancellation is sent: RFC 5546 raises SEQUENCE
    q.addBindValue(eventStatusName(status));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(id);
    q.addBindValue(eventStatusName(from));
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::eventsState, tr("Event %1 changed meanwhile; open it again.").arg(id));
    return {};
}

Status EventStore::markPublished(qint64 id, int revision)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE events SET published_revision = ? WHERE id = ? AND ? <= revision AND ? > published_revision"));
    q.addBindValue(revision);
    q.addBindValue(id);
    q.addBindValue(revision);
    q.addBindValue(revision);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status EventStore::remove(qint64 id)
{
    const auto current = find(id);
    if (!current)
        return current.error();
    if (current->status != EventStatus::Draft)
        return Error(errc::eventsState,
                     tr("Event %1 is %2: only a draft can be deleted.").arg(id).arg(statusLabel(current->status).toLower()));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM events WHERE id = ? AND status = 'draft'"));
    q.addBindValue(id);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() != 1)
        return Error(errc::eventsState, tr("Event %1 changed meanwhile; open it again.").arg(id));
    return {};
}

Result<QString> EventStore::consentText(qint64 eventId, int version) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT text FROM event_consent_texts WHERE event_id = ? AND version = ?"));
    q.addBindValue(eventId);
    q.addBindValue(version);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::eventsNotFound, tr("Event %1 has no consent text version %2.").arg(eventId).arg(version));
    return q.value(0).toString();
}

Result<QList<Registration>> EventStore::registrations(qint64 eventId, const RegistrationFilter &filter) const
{
    QString sql = QStringLiteral("SELECT %1 FROM event_registrations WHERE event_id = ?").arg(QLatin1String(kRegistrationColumns));
    QVariantList binds{eventId};
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        for (RegistrationStatus s : filter.statuses) {
            marks << QStringLiteral("?");
            binds << registrationStatusName(s);
        }
        sql += QStringLiteral(" AND status IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (const QString search = filter.search.trimmed(); !search.isEmpty()) {
        sql += QStringLiteral(" AND (first_key LIKE ? ESCAPE '\\' OR last_key LIKE ? ESCAPE '\\' OR email_key LIKE ? ESCAPE '\\'"
                              " OR (first_key || ' ' || last_key) LIKE ? ESCAPE '\\')");
        const QString name = storage::likeContaining(searchKey(search));
        binds << name << name << storage::likeContaining(search.toLower()) << name;
    }
    if (filter.checkedInOnly)
        sql += QStringLiteral(" AND checked_in_at IS NOT NULL");
    sql += QStringLiteral(" ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'pending' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END,"
                          " position, registered_at, id");
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << filter.limit << std::max(0, filter.offset);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Registration> out;
    while (q.next())
        out << registrationFromQuery(q);
    return out;
}

Result<Registration> EventStore::registration(qint64 registrationId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM event_registrations WHERE id = ?").arg(QLatin1String(kRegistrationColumns)));
    q.addBindValue(registrationId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::eventsNotFound, tr("There is no registration %1.").arg(registrationId));
    return registrationFromQuery(q);
}

Result<RegistrationCounts> EventStore::counts(qint64 eventId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status, COUNT(*), SUM(CASE WHEN checked_in_at IS NOT NULL THEN 1 ELSE 0 END) "
                             "FROM event_registrations WHERE event_id = ? GROUP BY status"));
    q.addBindValue(eventId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    RegistrationCounts c;
    while (q.next()) {
        const int n = q.value(1).toInt();
        c.checkedIn += q.value(2).toInt();
        switch (registrationStatusFromName(q.value(0).toString()).value_or(RegistrationStatus::Pending)) {
        case RegistrationStatus::Pending: c.pending += n; break;
        case RegistrationStatus::Confirmed: c.confirmed += n; break;
        case RegistrationStatus::Waiting: c.waiting += n; break;
        case RegistrationStatus::Cancelled: c.cancelled += n; break;
        }
    }
    return c;
}

Result<qint64> EventStore::addManual(qint64 eventId, const QString &email, const QString &firstName, const QString &lastName)
{
    const auto address = contacts::Addressing::parseEmail(email.trimmed());
    if (!address)
        return Error(errc::eventsInput, tr("The address '%1' is not valid: %2").arg(email.trimmed(), address.error().message));
    if (firstName.trimmed().size() > kMaxTitle || lastName.trimmed().size() > kMaxTitle)
        return Error(errc::eventsInput, tr("A name is longer than %1 characters.").arg(kMaxTitle));
    const auto event = find(eventId);
    if (!event)
        return event.error();
    if (event->status == EventStatus::Cancelled || event->status == EventStatus::Finished)
        return Error(errc::eventsState, tr("Event %1 is %2: nobody can be added.").arg(eventId).arg(statusLabel(event->status).toLower()));

    const qint64 now = m_clock();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT status FROM event_registrations WHERE event_id = ? AND email_key = ? AND status <> 'cancelled'"));
    existing.addBindValue(eventId);
    existing.addBindValue(address->key);
    if (!existing.exec())
        return storage::queryError(existing, errc::dbRead);
    if (existing.next())
        return Error(errc::eventsState,
                     tr("%1 is already registered for event %2 (%3).")
                         .arg(email.trimmed())
                         .arg(eventId)
                         .arg(statusLabel(registrationStatusFromName(existing.value(0).toString()).value_or(RegistrationStatus::Pending)).toLower()));
    existing.finish();

    QSqlQuery contact(m_db);
    contact.prepare(QStringLiteral("SELECT id FROM contacts WHERE email_key = ?"));
    contact.addBindValue(address->key);
    if (!contact.exec())
        return storage::queryError(contact, errc::dbRead);
    const QVariant contactId = contact.next() ? contact.value(0) : nullInt();
    contact.finish();

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO event_registrations (event_id, contact_id, email, email_key, first_name, last_name, "
                             "first_key, last_key, status, source, registered_at, confirmed_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', 'manual', ?, ?, ?)"));
    q.addBindValue(eventId);
    q.addBindValue(contactId);
    q.addBindValue(email.trimmed()); // as typed; the key is what compares
    q.addBindValue(address->key);
    q.addBindValue(storage::notNull(firstName.trimmed()));
    q.addBindValue(storage::notNull(lastName.trimmed()));
    q.addBindValue(storage::notNull(searchKey(firstName)));
    q.addBindValue(storage::notNull(searchKey(lastName)));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storage::queryError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    // A published event's page must count this seat: a new revision goes to lux-tracker (reserved).
    q.prepare(QStringLiteral("UPDATE events SET revision = revision + 1, updated_at = ? WHERE id = ? AND status = 'published'"));
    q.addBindValue(now);
    q.addBindValue(eventId);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status EventStore::cancelManual(qint64 registrationId)
{
    const auto r = registration(registrationId);
    if (!r)
        return r.error();
    // The tracker holds the seats of the registrations it took: cancelling one only here would leave
    // its seat taken there and be undone by the next sync.
    if (r->trackerId)
        return Error(errc::eventsState,
                     tr("%1 registered through the public page; their registration is cancelled there, not by hand.").arg(r->email));
    if (r->status == RegistrationStatus::Cancelled)
        return Error(errc::eventsState, tr("%1's registration is already cancelled.").arg(r->email));
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    q.prepare(QStringLiteral("UPDATE event_registrations SET status = 'cancelled', position = NULL, cancelled_at = ?, updated_at = ? "
                             "WHERE id = ? AND status <> 'cancelled'"));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(registrationId);
    if (!q.exec())
        return storage::queryError(q);
    // The seat is free on the public page too, with the next revision (reserved).
    q.prepare(QStringLiteral("UPDATE events SET revision = revision + 1, updated_at = ? WHERE id = ? AND status = 'published'"));
    q.addBindValue(now);
    q.addBindValue(r->eventId);
    if (!q.exec())
        return storage::queryError(q);
    return tx.commit();
}

Result<TrackerUpsert> EventStore::upsertFromTracker(qint64 eventId, const Registration &registration, qint64 trackerSeq)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    auto result = upsertFromTrackerWithin(eventId, registration, trackerSeq);
    if (!result)
        return result.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Result<TrackerUpsert> EventStore::upsertFromTrackerWithin(qint64 eventId, const Registration &in, qint64 trackerSeq)
{
    if (!in.trackerId || *in.trackerId <= 0)
        return Error(errc::eventsInput, tr("A registration from lux-tracker needs its tracker id."));
    if (in.email.trimmed().isEmpty())
        return Error(errc::eventsInput, tr("Registration %1 from lux-tracker has no address.").arg(*in.trackerId));
    const qint64 now = m_clock();
    const QString emailKey = emailKeyOf(in.email);
    const std::optional<int> position = in.status == RegistrationStatus::Waiting ? in.position : std::nullopt;

    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT %1 FROM event_registrations WHERE event_id = ? AND tracker_id = ?").arg(QLatin1String(kRegistrationColumns)));
    find.addBindValue(eventId);
    find.addBindValue(*in.trackerId);
    if (!find.exec())
        return storage::queryError(find, errc::dbRead);
    TrackerUpsert result;
    if (find.next()) {
        const Registration row = registrationFromQuery(find);
        find.finish();
        result.registrationId = row.id;
        result.previousStatus = row.status;
        result.status = row.status;
        if (trackerSeq <= row.trackerSeq)
            return result; // already applied, or older than what the row shows
        result.applied = true;
        result.changed = row.status != in.status || row.position != position || row.email != in.email.trimmed()
            || row.firstName != in.firstName.trimmed() || row.lastName != in.lastName.trimmed() || row.answers != in.answers
            || row.consent != in.consent || row.consentVersion != in.consentVersion || row.confirmedAt != in.confirmedAt
            || row.cancelledAt != in.cancelledAt || row.source != in.source;
        QSqlQuery u(m_db);
        u.prepare(QStringLiteral("UPDATE event_registrations SET contact_id = COALESCE(?, contact_id), email = ?, email_key = ?, "
                                 "first_name = ?, last_name = ?, first_key = ?, last_key = ?, status = ?, position = ?, source = ?, "
                                 "answers = ?, consent = ?, consent_version = ?, registered_at = ?, confirmed_at = ?, "
                                 "cancelled_at = ?, tracker_seq = ?, updated_at = ? WHERE id = ?"));
        u.addBindValue(optionalValue(in.contactId));
        u.addBindValue(in.email.trimmed());
        u.addBindValue(emailKey);
        u.addBindValue(storage::notNull(in.firstName.trimmed()));
        u.addBindValue(storage::notNull(in.lastName.trimmed()));
        u.addBindValue(storage::notNull(searchKey(in.firstName)));
        u.addBindValue(storage::notNull(searchKey(in.lastName)));
        u.addBindValue(registrationStatusName(in.status));
        u.addBindValue(optionalValue(position));
        u.addBindValue(registrationSourceName(in.source));
        u.addBindValue(stringsJson(in.answers));
        u.addBindValue(in.consent ? 1 : 0);
        u.addBindValue(optionalValue(in.consentVersion));
        u.addBindValue(in.registeredAt > 0 ? in.registeredAt : row.registeredAt);
        u.addBindValue(optionalValue(in.confirmedAt));
        u.addBindValue(optionalValue(in.cancelledAt));
        u.addBindValue(trackerSeq);
        u.addBindValue(now);
        u.addBindValue(row.id);
        if (!u.exec())
            return storage::queryError(u);
        result.status = in.status;
    } else {
        find.finish();
        QVariant contactId = optionalValue(in.contactId);
        if (!in.contactId) {
            QSqlQuery contact(m_db);
            contact.prepare(QStringLiteral("SELECT id FROM contacts WHERE email_key = ?"));
            contact.addBindValue(emailKey);
            if (!contact.exec())
                return storage::queryError(contact, errc::dbRead);
            if (contact.next())
                contactId = contact.value(0);
        }
        QSqlQuery ins(m_db);
        ins.prepare(QStringLiteral("INSERT INTO event_registrations (event_id, tracker_id, contact_id, email, email_key, first_name, "
                                   "last_name, first_key, last_key, status, position, source, answers, consent, consent_version, "
                                   "registered_at, confirmed_at, cancelled_at, tracker_seq, updated_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        ins.addBindValue(eventId);
        ins.addBindValue(*in.trackerId);
        ins.addBindValue(contactId);
        ins.addBindValue(in.email.trimmed());
        ins.addBindValue(emailKey);
        ins.addBindValue(storage::notNull(in.firstName.trimmed()));
        ins.addBindValue(storage::notNull(in.lastName.trimmed()));
        ins.addBindValue(storage::notNull(searchKey(in.firstName)));
        ins.addBindValue(storage::notNull(searchKey(in.lastName)));
        ins.addBindValue(registrationStatusName(in.status));
        ins.addBindValue(optionalValue(position));
        ins.addBindValue(registrationSourceName(in.source));
        ins.addBindValue(stringsJson(in.answers));
        ins.addBindValue(in.consent ? 1 : 0);
        ins.addBindValue(optionalValue(in.consentVersion));
        ins.addBindValue(in.registeredAt > 0 ? in.registeredAt : now);
        ins.addBindValue(optionalValue(in.confirmedAt));
        ins.addBindValue(optionalValue(in.cancelledAt));
        ins.addBindValue(trackerSeq);
        ins.addBindValue(now);
        if (!ins.exec())
            return storage::queryError(ins);
        result.registrationId = ins.lastInsertId().toLongLong();
        result.created = true;
        result.applied = true;
        result.changed = true;
        result.status = in.status;
    }
    return result;
}

Result<CheckInResult> EventStore::checkIn(qint64 eventId, const QString &codeOrText, const tracking::TokenCodec &codec, CheckInVia via,
                                          qint64 now)
{
    QSqlQuery ev(m_db);
    ev.prepare(QStringLiteral("SELECT time_zone FROM events WHERE id = ?"));
    ev.addBindValue(eventId);
    if (!ev.exec())
        return storage::queryError(ev, errc::dbRead);
    if (!ev.next())
        return Error(errc::eventsNotFound, tr("There is no event %1.").arg(eventId));
    const QTimeZone zone(ev.value(0).toString().toUtf8());
    ev.finish();

    CheckInResult result;
    const QString text = codeOrText.trimmed();
    QSqlQuery q(m_db);
    if (const auto ticket = Ticket::read(codec, text)) {
        if (qint64(ticket->event) != eventId) {
            result.outcome = CheckInResult::Outcome::OtherEvent;
            result.otherEventId = qint64(ticket->event);
            QSqlQuery other(m_db);
            other.prepare(QStringLiteral("SELECT title FROM events WHERE id = ?"));
            other.addBindValue(result.otherEventId);
            if (other.exec() && other.next())
                result.otherEventTitle = other.value(0).toString();
            result.message = result.otherEventTitle.isEmpty()
                ? tr("This ticket is for another event (%1).").arg(result.otherEventId)
                : tr("This ticket is for another event: %1.").arg(result.otherEventTitle);
            return result;
        }
        q.prepare(QStringLiteral("SELECT %1 FROM event_registrations WHERE id = ? AND event_id = ?").arg(QLatin1String(kRegistrationColumns)));
        q.addBindValue(qint64(ticket->registration));
        q.addBindValue(eventId);
    } else {
        // Not a ticket of this database: an address typed at the door, compared as contacts are.
        q.prepare(QStringLiteral("SELECT %1 FROM event_registrations WHERE event_id = ? AND email_key = ? "
                                 "ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'pending' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END, id DESC")
                      .arg(QLatin1String(kRegistrationColumns)));
        q.addBindValue(eventId);
        q.addBindValue(emailKeyOf(text));
    }
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next()) {
        result.outcome = CheckInResult::Outcome::NotFound;
        result.message = tr("Nobody registered for this event matches '%1'.").arg(text.left(80));
        return result;
    }
    Registration r = registrationFromQuery(q);
    q.finish();

    const auto timeText = [&](qint64 at) -> QString {
        const QDateTime there = QDateTime::fromMSecsSinceEpoch(at, zone.isValid() ? zone : QTimeZone::systemTimeZone());
        const QDateTime today = QDateTime::fromMSecsSinceEpoch(now, there.timeZone());
        return there.date() == today.date() ? there.toString(QStringLiteral("HH:mm")) : there.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    if (r.status != RegistrationStatus::Confirmed) {
        result.outcome = CheckInResult::Outcome::NotConfirmed;
        switch (r.status) {
        case RegistrationStatus::Waiting:
            result.message = r.position ? tr("%1 is on the waiting list (place %2), not confirmed.").arg(r.name()).arg(*r.position)
                                        : tr("%1 is on the waiting list, not confirmed.").arg(r.name());
            break;
        case RegistrationStatus::Pending: result.message = tr("%1 has not confirmed their registration yet.").arg(r.name()); break;
        default: result.message = tr("%1's registration was cancelled.").arg(r.name()); break;
        }
        result.registration = r;
        return result;
    }
    if (r.checkedInAt) {
        result.outcome = CheckInResult::Outcome::AlreadyChecked;
        result.message = tr("%1 is already checked in at %2.").arg(r.name(), timeText(*r.checkedInAt));
        result.registration = r;
        return result;
    }
    QSqlQuery u(m_db);
    u.prepare(QStringLiteral("UPDATE event_registrations SET checked_in_at = ?, checked_in_via = ?, updated_at = ? "
                             "WHERE id = ? AND status = 'confirmed' AND checked_in_at IS NULL"));
    u.addBindValue(now);
    u.addBindValue(checkInViaName(via));
    u.addBindValue(now);
    u.addBindValue(r.id);
    if (!u.exec())
        return storage::queryError(u);
    if (u.numRowsAffected() != 1) {
        // Another door got there first: say what it recorded.
        const auto again = registration(r.id);
        if (!again)
            return again.error();
        result.outcome = again->checkedInAt ? CheckInResult::Outcome::AlreadyChecked : CheckInResult::Outcome::NotConfirmed;
        result.message = again->checkedInAt ? tr("%1 is already checked in at %2.").arg(again->name(), timeText(*again->checkedInAt))
                                            : tr("%1's registration changed meanwhile.").arg(again->name());
        result.registration = *again;
        return result;
    }
    r.checkedInAt = now;
    r.checkedInVia = via;
    r.updatedAt = now;
    result.outcome = CheckInResult::Outcome::CheckedIn;
    result.message = tr("Checked in: %1.").arg(r.name());
    result.registration = r;
    return result;
}

Result<QList<Registration>> EventStore::findForCheckIn(qint64 eventId, const QString &text, int limit) const
{
    const QString key = searchKey(text);
    if (key.isEmpty() || limit <= 0)
        return QList<Registration>();
    const QString emailPrefix = text.trimmed().toLower();
    // Range scans on the (event_id, first_key), (event_id, last_key) and (event_id, email_key) indexes;
    // "ana garc" also matches first "Ana", last "García".
    QString sql = QStringLiteral("SELECT %1 FROM event_registrations WHERE event_id = ? AND ("
                                 "(first_key >= ? AND first_key < ?) OR (last_key >= ? AND last_key < ?)"
                                 " OR (email_key >= ? AND email_key < ?)")
                      .arg(QLatin1String(kRegistrationColumns));
    QVariantList binds{eventId, key, prefixEnd(key), key, prefixEnd(key), emailPrefix, prefixEnd(emailPrefix)};
    const qsizetype space = key.indexOf(u' ');
    if (space > 0) {
        const QString first = key.left(space), last = key.mid(space + 1);
        sql += QStringLiteral(" OR (first_key >= ? AND first_key < ? AND last_key >= ? AND last_key < ?)");
        binds << first << prefixEnd(first) << last << prefixEnd(last);
    }
    sql += QStringLiteral(") ORDER BY last_key, first_key, id LIMIT ?");
    binds << limit;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<Registration> out;
    while (q.next())
        out << registrationFromQuery(q);
    return out;
}

Status EventStore::undoCheckIn(qint64 registrationId)
{
    const auto r = registration(registrationId);
    if (!r)
        return r.error();
    if (!r->checkedInAt)
        return Error(errc::eventsState, tr("%1 is not checked in.").arg(r->name()));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE event_registrations SET checked_in_at = NULL, checked_in_via = '', updated_at = ? WHERE id = ?"));
    q.addBindValue(m_clock());
    q.addBindValue(registrationId);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Result<qint64> EventStore::writeAttendeesCsv(qint64 eventId, QIODevice &out, const RegistrationFilter &filter) const
{
    const auto rows = registrations(eventId, filter);
    if (!rows)
        return rows.error();
    const auto put = [&out](const QStringList &cells) {
        const QByteArray line = (contacts::CsvReader::formatRecord(cells) + QStringLiteral("\r\n")).toUtf8();
        return out.write(line) == line.size();
    };
    const auto writeError = [&out] { return Error(errc::exportWrite, tr("The attendee list could not be written: %1").arg(out.errorString())); };
    if (!put({QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("status"),
              QStringLiteral("position"), QStringLiteral("registered_at"), QStringLiteral("checked_in_at")}))
        return writeError();
    qint64 n = 0;
    for (const Registration &r : *rows) {
        using contacts::CsvReader;
        if (!put({CsvReader::neutralise(r.email), CsvReader::neutralise(r.firstName), CsvReader::neutralise(r.lastName),
                  registrationStatusName(r.status), r.position ? QString::number(*r.position) : QString(), isoUtc(r.registeredAt),
                  isoUtc(r.checkedInAt)}))
            return writeError();
        ++n;
    }
    return n;
}

InviteEvent EventStore::toInvite(const Event &event, const QString &organizerEmail, const QString &organizerName, const QUrl &pageUrl)
{
    InviteEvent i;
    i.uid = event.uid;
    i.title = event.title;
    i.description = event.description;
    i.location = event.venue.isEmpty() ? event.onlineUrl : event.venue;
    i.url = pageUrl.isValid() && !pageUrl.isEmpty() ? pageUrl : QUrl(event.onlineUrl);
    i.start = QDateTime::fromMSecsSinceEpoch(event.startsAt, Qt::UTC);
    i.end = QDateTime::fromMSecsSinceEpoch(event.endsAt, Qt::UTC);
    i.timeZone = event.timeZone;
    i.organizerEmail = organizerEmail;
    i.organizerName = organizerName;
    i.sequence = event.sequence;
    i.alarmMinutesBefore = event.reminders.isEmpty() ? 60 : *std::min_element(event.reminders.begin(), event.reminders.end());
    return i;
}

} // namespace lux::events
