// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventcommands.h"

#include "campaigns/senderstore.h"
#include "common/awaittask.h"
#include "common/errorcodes.h"
#include "common/savefile.h"
#include "common/inputfile.h"
#include "events/eventmail.h"
#include "events/eventpublisher.h"
#include "events/eventstore.h"
#include "events/invite.h"
#include "secrets/secretstore.h"
#include "settings/settings.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

#include <optional>

namespace lux::cli {

namespace {

struct EventTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

using events::Event;
using events::EventStore;
using events::Registration;
using events::RegistrationStatus;

std::optional<qint64> idArgument(const CommandContext &ctx, int index = 0)
{
    bool ok = false;
    const qint64 id = ctx.args.value(index).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

// "1d", "2h", "30m" or plain minutes.
std::optional<int> parseReminder(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d{1,6})\s*([dhm]?)\s*$)"), QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    const qint64 minutes = unit == QLatin1String("d") ? n * 1440 : unit == QLatin1String("h") ? n * 60 : n;
    return minutes > 1'000'000 ? std::nullopt : std::optional<int>(int(minutes));
}

// "kind:label[:choice1|choice2]", a trailing "!" for a required question.
std::optional<events::EventQuestion> parseQuestion(const QString &spec)
{
    QString s = spec.trimmed();
    events::EventQuestion q;
    if (s.endsWith(u'!')) {
        q.required = true;
        s.chop(1);
    }
    const qsizetype colon = s.indexOf(u':');
    if (colon < 0)
        return std::nullopt;
    const auto kind = events::EventQuestion::kindFromName(s.left(colon).trimmed().toLower());
    if (!kind)
        return std::nullopt;
    q.kind = *kind;
    QString rest = s.mid(colon + 1);
    if (q.kind == events::EventQuestion::Kind::Choice) {
        const qsizetype last = rest.lastIndexOf(u':');
        if (last < 0)
            return std::nullopt;
        for (const QString &c : rest.mid(last + 1).split(u'|'))
            q.choices << c.trimmed();
        rest = rest.left(last);
    }
    q.label = rest.trimmed();
    return q;
}

QString timeIn(qint64 ms, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return QDateTime::fromMSecsSinceEpoch(ms, tz.isValid() ? tz : QTimeZone::systemTimeZone()).toString(Qt::ISODate);
}

QJsonValue optionalJson(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QString isoUtc(const std::optional<qint64> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QJsonObject countsJson(const events::RegistrationCounts &c)
{
    return {{QStringLiteral("pending"), c.pending},     {QStringLiteral("confirmed"), c.confirmed},
            {QStringLiteral("waiting"), c.waiting},     {QStringLiteral("cancelled"), c.cancelled},
            {QStringLiteral("checked_in"), c.checkedIn}};
}

QJsonObject eventJson(const Event &e)
{
    QJsonArray questions;
    for (qsizetype i = 0; i < e.questions.size(); ++i) {
        const auto &q = e.questions.at(i);
        questions.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("q%1").arg(i + 1)},
                                     {QStringLiteral("kind"), events::EventQuestion::kindName(q.kind)},
                                     {QStringLiteral("label"), q.label},
                                     {QStringLiteral("choices"), QJsonArray::fromStringList(q.choices)},
                                     {QStringLiteral("required"), q.required}});
    }
    QJsonArray reminders;
    for (int m : e.reminders)
        reminders.append(m);
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("uid"), e.uid},
            {QStringLiteral("slug"), e.slug},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("language"), e.language},
            {QStringLiteral("start"), timeIn(e.startsAt, e.timeZone)},
            {QStringLiteral("end"), timeIn(e.endsAt, e.timeZone)},
            {QStringLiteral("starts_at"), e.startsAt},
            {QStringLiteral("ends_at"), e.endsAt},
            {QStringLiteral("time_zone"), e.timeZone},
            {QStringLiteral("venue"), e.venue},
            {QStringLiteral("online_url"), e.onlineUrl},
            {QStringLiteral("sender_id"), optionalJson(e.senderId)},
            {QStringLiteral("capacity"), e.capacity},
            {QStringLiteral("opens_at"), optionalJson(e.opensAt)},
            {QStringLiteral("closes_at"), optionalJson(e.closesAt)},
            {QStringLiteral("double_opt_in"), e.doubleOptIn},
            {QStringLiteral("pow_difficulty"), e.powDifficulty},
            {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
            {QStringLiteral("reminders"), reminders},
            {QStringLiteral("questions"), questions},
            {QStringLiteral("consent_text"), e.consentText},
            {QStringLiteral("consent_version"), e.consentVersion},
            {QStringLiteral("status"), events::eventStatusName(e.status)},
            {QStringLiteral("sequence"), e.sequence},
            {QStringLiteral("revision"), e.revision},
            {QStringLiteral("published_revision"), e.publishedRevision},
            {QStringLiteral("created_at"), e.createdAt},
            {QStringLiteral("updated_at"), e.updatedAt},
            {QStringLiteral("published_at"), optionalJson(e.publishedAt)}};
}

QJsonObject registrationJson(const Registration &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("email"), r.email},
            {QStringLiteral("first_name"), r.firstName},
            {QStringLiteral("last_name"), r.lastName},
            {QStringLiteral("status"), events::registrationStatusName(r.status)},
            {QStringLiteral("position"), r.position ? QJsonValue(*r.position) : QJsonValue()},
            {QStringLiteral("source"), events::registrationSourceName(r.source)},
            {QStringLiteral("registered_at"), isoUtc(r.registeredAt)},
            {QStringLiteral("checked_in_at"), r.checkedInAt ? QJsonValue(isoUtc(r.checkedInAt)) : QJsonValue()},
            {QStringLiteral("checked_in_via"), events::checkInViaName(r.checkedInVia)}};
}

// The sender's id for --sender: a number, or an email sender's address.
Result<qint64> senderId(QSqlDatabase db, const QString &value)
{
    bool number = false;
    const qint64 id = value.toLongLong(&number);
    if (number && id > 0)
        return id;
    const auto sender = campaigns::SenderStore(db).find(value.trimmed());
    if (!sender)
        return Error(errc::eventsInput, EventTr::tr("--sender: '%1' is not a sender mailbox (luxctl sender add adds one).").arg(value));
    return sender->id;
}

// Reads the options create and update share into `e`; a usage message for a value that cannot be read.
std::optional<QString> applyOptions(const CommandContext &ctx, Event &e, QSqlDatabase db)
{
    if (ctx.isSet(QStringLiteral("name")))
        e.title = ctx.option(QStringLiteral("name"));
    if (ctx.isSet(QStringLiteral("description")))
        e.description = ctx.option(QStringLiteral("description"));
    if (ctx.isSet(QStringLiteral("venue")))
        e.venue = ctx.option(QStringLiteral("venue"));
    if (ctx.isSet(QStringLiteral("online-url")))
        e.onlineUrl = ctx.option(QStringLiteral("online-url")).trimmed();
    if (ctx.isSet(QStringLiteral("language")))
        e.language = ctx.option(QStringLiteral("language")).trimmed().toLower();
    if (ctx.isSet(QStringLiteral("consent")))
        e.consentText = ctx.option(QStringLiteral("consent"));
    if (ctx.isSet(QStringLiteral("tz"))) {
        const QString tz = ctx.option(QStringLiteral("tz")).trimmed();
        if (!QTimeZone::isTimeZoneIdAvailable(tz.toUtf8()))
            return EventTr::tr("--tz: '%1' is not an IANA time zone (such as Europe/Madrid).").arg(tz);
        e.timeZone = tz;
    }
    const QTimeZone zone(e.timeZone.toUtf8());
    const auto readTime = [&](const char *name, qint64 &into) -> std::optional<QString> {
        const QString option = QString::fromLatin1(name);
        if (!ctx.isSet(option))
            return std::nullopt;
        const QString value = ctx.option(option);
        const auto at = parseIsoTime(value, zone);
        if (!at)
            return EventTr::tr("--%1: '%2' is not an ISO 8601 date and time (such as 2026-05-14T18:30).").arg(option, value);
        into = *at;
        return std::nullopt;
    };
    if (auto bad = readTime("start", e.startsAt))
        return bad;
    if (auto bad = readTime("end", e.endsAt))
        return bad;
    for (const char *name : {"opens", "closes"}) {
        qint64 at = 0;
        if (auto bad = readTime(name, at))
            return bad;
        if (at != 0)
            (qstrcmp(name, "opens") == 0 ? e.opensAt : e.closesAt) = at;
    }
    if (ctx.isSet(QStringLiteral("capacity"))) {
        bool ok = false;
        const QString value = ctx.option(QStringLiteral("capacity"));
        e.capacity = value.toInt(&ok);
        if (!ok || e.capacity < 0)
            return EventTr::tr("--capacity: '%1' is not a whole number of 0 or more (0: no limit).").arg(value);
    }
    if (ctx.isSet(QStringLiteral("pow-difficulty"))) {
        bool ok = false;
        const QString value = ctx.option(QStringLiteral("pow-difficulty"));
        e.powDifficulty = value.toInt(&ok);
        if (!ok || e.powDifficulty < 0 || e.powDifficulty > 28)
            return EventTr::tr("--pow-difficulty: '%1' is not a number from 0 to 28.").arg(value);
    }
    if (ctx.isSet(QStringLiteral("double-opt-in"))) {
        const QString value = ctx.option(QStringLiteral("double-opt-in")).trimmed().toLower();
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return EventTr::tr("--double-opt-in: '%1' is neither on nor off.").arg(value);
        e.doubleOptIn = value == QLatin1String("on");
    }
    if (ctx.isSet(QStringLiteral("sender"))) {
        const QString value = ctx.option(QStringLiteral("sender"));
        if (value.trimmed().isEmpty()) {
            e.senderId.reset();
        } else {
            const auto id = senderId(db, value);
            if (!id)
                return id.error().message;
            e.senderId = *id;
        }
    }
    if (ctx.isSet(QStringLiteral("question"))) {
        e.questions.clear();
        for (const QString &spec : ctx.options(QStringLiteral("question"))) {
            const auto q = parseQuestion(spec);
            if (!q)
                return EventTr::tr("--question: '%1' is not kind:label or choice:label:first|second (kind text, choice or checkbox; a "
                                   "trailing ! makes it required).")
                    .arg(spec);
            e.questions << *q;
        }
    }
    if (ctx.isSet(QStringLiteral("tag"))) {
        e.tags.clear();
        for (const QString &tag : ctx.options(QStringLiteral("tag")))
            if (!tag.trimmed().isEmpty())
                e.tags << tag.trimmed();
    }
    if (ctx.isSet(QStringLiteral("reminder"))) {
        e.reminders.clear();
        for (const QString &value : ctx.options(QStringLiteral("reminder"))) {
            if (value.trimmed().toLower() == QLatin1String("none"))
                continue;
            const auto minutes = parseReminder(value);
            if (!minutes)
                return EventTr::tr("--reminder: '%1' is not a time before the start such as 1d, 2h or 30m.").arg(value);
            e.reminders << *minutes;
        }
    }
    return std::nullopt;
}

int create(const CommandContext &ctx)
{
    for (const char *required : {"name", "start", "end", "tz"})
        if (!ctx.isSet(QString::fromLatin1(required)))
            return ctx.usage(EventTr::tr("event create needs --name, --start, --end and --tz (--%1 is missing).").arg(QString::fromLatin1(required)));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->database().connection();
    Event e;
    if (const auto bad = applyOptions(ctx, e, db))
        return ctx.usage(*bad);
    EventStore store(db);
    const auto id = store.create(e);
    if (!id)
        return ctx.fail(id.error());
    const auto saved = store.find(*id);
    if (!saved)
        return ctx.fail(saved.error());
    return ctx.succeed({{QStringLiteral("id"), *id}, {QStringLiteral("slug"), saved->slug}},
                       EventTr::tr("Event %1 created as a draft; its public page will be /e/%2.").arg(*id).arg(saved->slug));
}

// The event to lux-tracker, as the app's scheduler does it (events/eventpublisher.h).
Status toTracker(DatabaseScope &scope, qint64 id, events::PublishAction action)
{
    const auto token = awaitTask(scope.secrets().read(Secret::TrackerApiToken));
    QNetworkAccessManager network;
    events::EventPublisher publisher(&network, scope.database().connection(), scope.settings().trackerUrl(),
                                     token ? token->toUtf8() : QByteArray(), scope.settings().eventConfirmHours());
    return awaitTask(publisher.run(id, action));
}

// A seat given or freed by hand on a published event: its page learns it now, or with the next sync.
QString seatsToTracker(DatabaseScope &scope, qint64 id)
{
    const auto e = EventStore(scope.database().connection()).find(id);
    if (!e || e->status != events::EventStatus::Published)
        return {};
    if (Status s = toTracker(scope, id, events::PublishAction::Push); !s)
        return QLatin1Char(' ') + EventTr::tr("lux-tracker does not know yet (%1); the next tracker sync tells it.").arg(s.error().message);
    return QLatin1Char(' ') + EventTr::tr("lux-tracker counts the seat.");
}

int publishOrCancel(const CommandContext &ctx, events::PublishAction action)
{
    const auto id = idArgument(ctx);
    if (!id)
        return ctx.usage(action == events::PublishAction::Cancel ? EventTr::tr("Usage: event cancel ID (the event's number)")
                                                                 : EventTr::tr("Usage: event publish ID (the event's number)"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    if (Status s = toTracker(**opened, *id, action); !s)
        return ctx.fail(s.error());
    const auto e = EventStore((*opened)->database().connection()).find(*id);
    if (!e)
        return ctx.fail(e.error());
    const QString url = (*opened)->settings().trackerUrl() + QStringLiteral("/e/") + e->slug;
    return ctx.succeed({{QStringLiteral("id"), *id}, {QStringLiteral("status"), events::eventStatusName(e->status)},
                        {QStringLiteral("revision"), e->revision}, {QStringLiteral("url"), url}},
                       action == events::PublishAction::Cancel
                           ? EventTr::tr("“%1” is cancelled: its page says so, and everyone registered is told.").arg(e->title)
                           : EventTr::tr("“%1” is published at %2").arg(e->title, url));
}

// The wording of an event's messages: list, show KIND, set KIND, reset KIND (docs/EVENTS.md).
int mailTemplate(const CommandContext &ctx)
{
    const QString action = ctx.args.value(0);
    const QString language = ctx.isSet(QStringLiteral("language")) ? ctx.option(QStringLiteral("language")) : QStringLiteral("en");
    if (language != QLatin1String("en") && language != QLatin1String("es"))
        return ctx.usage(EventTr::tr("--language: '%1' is neither en nor es.").arg(language));
    QStringList kinds;
    for (const events::MailKind k : events::allMailKinds())
        kinds << events::mailKindName(k);
    const auto kind = events::mailKindFromName(ctx.args.value(1));
    if (action != QLatin1String("list") && !kind)
        return ctx.usage(EventTr::tr("Usage: event mail-template list|show|set|reset KIND [--language en|es] [--subject S] [--body-file F]; "
                                     "KIND is one of %1.")
                             .arg(kinds.join(QStringLiteral(", "))));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    events::EventMail mail((*opened)->database().connection());
    const auto describe = [&](events::MailKind k) -> Result<QJsonObject> {
        const auto t = mail.mailTemplate(k, language);
        if (!t)
            return t.error();
        return QJsonObject{{QStringLiteral("kind"), events::mailKindName(k)},
                           {QStringLiteral("language"), language},
                           {QStringLiteral("subject"), t->subject},
                           {QStringLiteral("body"), t->body},
                           {QStringLiteral("starter"), t->subject == events::EventMail::starter(k, language).subject
                                                           && t->body == events::EventMail::starter(k, language).body}};
    };
    if (action == QLatin1String("list")) {
        QJsonArray all;
        QStringList lines;
        for (const events::MailKind k : events::allMailKinds()) {
            const auto o = describe(k);
            if (!o)
                return ctx.fail(o.error());
            all.append(*o);
            lines << QStringLiteral("%1  %2").arg(events::mailKindName(k), -16).arg(o->value(QStringLiteral("subject")).toString());
        }
        return ctx.succeed({{QStringLiteral("templates"), all}, {QStringLiteral("fields"), QJsonArray::fromStringList(events::EventMail::fields())}},
                           lines.join(QLatin1Char('\n')));
    }
    if (action == QLatin1String("set")) {
        auto current = mail.mailTemplate(*kind, language);
        if (!current)
            return ctx.fail(current.error());
        events::MailTemplate t = *current;
        if (ctx.isSet(QStringLiteral("subject")))
            t.subject = ctx.option(QStringLiteral("subject"));
        if (ctx.isSet(QStringLiteral("body-file"))) {
            const auto body = InputFile::read(ctx.option(QStringLiteral("body-file")), 64 * 1024);
            if (!body)
                return ctx.fail(body.error());
            t.body = QString::fromUtf8(*body);
        }
        if (Status st = mail.setTemplate(*kind, language, t); !st)
            return ctx.fail(st.error());
    } else if (action == QLatin1String("reset")) {
        if (Status st = mail.resetTemplate(*kind, language); !st)
            return ctx.fail(st.error());
    } else if (action != QLatin1String("show")) {
        return ctx.usage(EventTr::tr("Unknown action '%1': list, show, set or reset.").arg(action));
    }
    const auto o = describe(*kind);
    if (!o)
        return ctx.fail(o.error());
    return ctx.succeed(*o, o->value(QStringLiteral("subject")).toString() + QStringLiteral("\n\n") + o->value(QStringLiteral("body")).toString());
}

int update(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    if (!id)
        return ctx.usage(EventTr::tr("Usage: event update ID [--name N] [--start ISO] … (the event's number)"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->database().connection();
    EventStore store(db);
    auto current = store.find(*id);
    if (!current)
        return ctx.fail(current.error());
    Event e = *current;
    if (const auto bad = applyOptions(ctx, e, db))
        return ctx.usage(*bad);
    if (Status s = store.update(e); !s)
        return ctx.fail(s.error());
    const auto saved = store.find(*id);
    if (!saved)
        return ctx.fail(saved.error());
    QString text = EventTr::tr("Event %1 saved (revision %2).").arg(*id).arg(saved->revision);
    if (saved->sequence != current->sequence)
        text += QLatin1Char(' ') + EventTr::tr("Registrants' calendars change: the next invites carry sequence %1.").arg(saved->sequence);
    // A published event's change goes to its page, and to the confirmed as an updated invite.
    if (saved->status != events::EventStatus::Draft) {
        if (Status s = toTracker(**opened, *id, events::PublishAction::Push); !s)
            return ctx.fail(s.error());
        text += QLatin1Char(' ') + EventTr::tr("lux-tracker has the change.");
    }
    return ctx.succeed({{QStringLiteral("id"), *id}, {QStringLiteral("revision"), saved->revision}, {QStringLiteral("sequence"), saved->sequence}},
                       text);
}

int list(const CommandContext &ctx)
{
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return ctx.fail(opened.error());
    const auto all = EventStore((*opened)->database().connection()).list();
    if (!all)
        return ctx.fail(all.error());
    QJsonArray array;
    QStringList lines;
    for (const events::EventSummary &s : *all) {
        QJsonObject o = eventJson(s.event);
        o.remove(QStringLiteral("questions"));
        o.remove(QStringLiteral("consent_text"));
        o.remove(QStringLiteral("consent_version"));
        o.insert(QStringLiteral("counts"), countsJson(s.counts));
        array.append(o);
        const QString seats = s.event.capacity > 0 ? EventTr::tr("%1 of %2 confirmed").arg(s.counts.confirmed).arg(s.event.capacity)
                                                   : EventTr::tr("%1 confirmed").arg(s.counts.confirmed);
        lines << EventTr::tr("%1  %2  %3  %4  %5, %6 waiting, %7 checked in  /e/%8")
                     .arg(s.event.id)
                     .arg(events::eventStatusName(s.event.status), timeIn(s.event.startsAt, s.event.timeZone), s.event.title, seats)
                     .arg(s.counts.waiting)
                     .arg(s.counts.checkedIn)
                     .arg(s.event.slug);
    }
    if (lines.isEmpty())
        lines << EventTr::tr("No events yet (luxctl event create adds one).");
    return ctx.succeed({{QStringLiteral("events"), array}}, lines.join(QLatin1Char('\n')));
}

int show(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    if (!id)
        return ctx.usage(EventTr::tr("Usage: event show ID (the event's number)"));
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return ctx.fail(opened.error());
    EventStore store((*opened)->database().connection());
    const auto e = store.find(*id);
    if (!e)
        return ctx.fail(e.error());
    const auto counts = store.counts(*id);
    if (!counts)
        return ctx.fail(counts.error());
    QJsonObject o = eventJson(*e);
    o.insert(QStringLiteral("counts"), countsJson(*counts));
    QStringList lines{
        EventTr::tr("Event %1: %2 (%3)").arg(e->id).arg(e->title, EventStore::statusLabel(e->status)),
        EventTr::tr("When: %1 to %2 (%3)").arg(timeIn(e->startsAt, e->timeZone), timeIn(e->endsAt, e->timeZone), e->timeZone),
        EventTr::tr("Where: %1").arg(e->venue.isEmpty() ? e->onlineUrl : e->venue),
        EventTr::tr("Public page: /e/%1").arg(e->slug),
        EventTr::tr("Capacity: %1").arg(e->capacity == 0 ? EventTr::tr("no limit") : QString::number(e->capacity)),
        EventTr::tr("Registrations: %1 confirmed, %2 pending, %3 waiting, %4 cancelled; %5 checked in")
            .arg(counts->confirmed)
            .arg(counts->pending)
            .arg(counts->waiting)
            .arg(counts->cancelled)
            .arg(counts->checkedIn),
    };
    for (qsizetype i = 0; i < e->questions.size(); ++i) {
        const auto &q = e->questions.at(i);
        lines << EventTr::tr("Question q%1 (%2%3): %4")
                     .arg(i + 1)
                     .arg(events::EventQuestion::kindName(q.kind), q.required ? EventTr::tr(", required") : QString(), q.label)
                     + (q.choices.isEmpty() ? QString() : QString(QStringLiteral(" [") + q.choices.join(QStringLiteral(" | ")) + u']'));
    }
    if (e->consentVersion > 0)
        lines << EventTr::tr("Consent text (version %1): %2").arg(e->consentVersion).arg(e->consentText);
    return ctx.succeed(o, lines.join(QLatin1Char('\n')));
}

std::optional<QList<RegistrationStatus>> statusFilter(const CommandContext &ctx)
{
    QList<RegistrationStatus> out;
    if (!ctx.isSet(QStringLiteral("status")))
        return out;
    for (const QString &part : ctx.option(QStringLiteral("status")).split(u',', Qt::SkipEmptyParts)) {
        const auto s = events::registrationStatusFromName(part.trimmed().toLower());
        if (!s)
            return std::nullopt;
        out << *s;
    }
    return out;
}

int attendees(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    if (!id)
        return ctx.usage(EventTr::tr("Usage: event attendees ID [--csv OUT|-] [--status S] (the event's number)"));
    const auto statuses = statusFilter(ctx);
    if (!statuses)
        return ctx.usage(EventTr::tr("--status: '%1' is not confirmed, pending, waiting or cancelled (or several, with commas).")
                             .arg(ctx.option(QStringLiteral("status"))));
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return ctx.fail(opened.error());
    EventStore store((*opened)->database().connection());
    if (const auto e = store.find(*id); !e)
        return ctx.fail(e.error());
    events::RegistrationFilter filter;
    filter.statuses = *statuses;
    if (ctx.isSet(QStringLiteral("csv"))) {
        const QString out = ctx.option(QStringLiteral("csv"));
        if (out == QLatin1String("-")) {
            QFile stdOut;
            if (!stdOut.open(stdout, QIODevice::WriteOnly))
                return ctx.fail(Error(errc::ioWrite, EventTr::tr("Standard output cannot be written.")));
            const auto rows = store.writeAttendeesCsv(*id, stdOut, filter);
            return rows ? ExitOk : ctx.fail(rows.error());
        }
        SaveFile file(out);
        if (Status s = file.open(); !s)
            return ctx.fail(s.error());
        const auto rows = store.writeAttendeesCsv(*id, file.device(), filter);
        if (!rows)
            return ctx.fail(rows.error());
        if (Status s = file.commit(); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("rows"), *rows}, {QStringLiteral("path"), out}},
                           EventTr::tr("%n attendee(s) written to %1.", nullptr, int(*rows)).arg(out));
    }
    const auto rows = store.registrations(*id, filter);
    if (!rows)
        return ctx.fail(rows.error());
    QJsonArray array;
    QStringList lines;
    for (const Registration &r : *rows) {
        array.append(registrationJson(r));
        QString line = r.email + QStringLiteral("  ") + r.name() + QStringLiteral("  ") + events::registrationStatusName(r.status);
        if (r.position)
            line += QStringLiteral(" #") + QString::number(*r.position);
        if (r.checkedInAt)
            line += QStringLiteral("  ") + EventTr::tr("checked in %1").arg(isoUtc(r.checkedInAt));
        lines << line;
    }
    if (lines.isEmpty())
        lines << EventTr::tr("Nobody yet.");
    return ctx.succeed({{QStringLiteral("attendees"), array}}, lines.join(QLatin1Char('\n')));
}

// The registration an address names: the one that is not cancelled, else the latest.
Result<Registration> byEmail(const EventStore &store, qint64 eventId, const QString &email)
{
    events::RegistrationFilter filter;
    filter.search = email.trimmed();
    const auto rows = store.registrations(eventId, filter);
    if (!rows)
        return rows.error();
    std::optional<Registration> found;
    for (const Registration &r : *rows) {
        if (r.email.compare(email.trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        if (!found || (found->status == RegistrationStatus::Cancelled && r.status != RegistrationStatus::Cancelled)
            || (found->status == r.status && r.registeredAt > found->registeredAt))
            found = r;
    }
    if (!found)
        return Error(errc::eventsNotFound, EventTr::tr("%1 is not registered for event %2.").arg(email.trimmed()).arg(eventId));
    return *found;
}

// The database's signing keys (LUX_SECRET_TRACKING_KEYS or the keychain); an empty ring reads no ticket.
tracking::TokenCodec ticketCodec(DatabaseScope &scope)
{
    const auto keys = awaitTask(scope.secrets().read(Secret::TrackingKeys));
    if (keys)
        if (const auto ring = tracking::KeyRing::parse(keys->toUtf8()))
            return tracking::TokenCodec(*ring);
    return tracking::TokenCodec(tracking::KeyRing());
}

int ics(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    const QString out = ctx.option(QStringLiteral("out"));
    if (!id || out.isEmpty())
        return ctx.usage(EventTr::tr("Usage: event ics ID [--email ADDRESS] --out FILE.ics"));
    auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}});
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->database().connection();
    EventStore store(db);
    const auto e = store.find(*id);
    if (!e)
        return ctx.fail(e.error());
    QString organizer;
    if (e->senderId) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT address FROM senders WHERE id = ?"));
        q.addBindValue(*e->senderId);
        if (q.exec() && q.next())
            organizer = q.value(0).toString();
    }
    if (organizer.isEmpty())
        return ctx.fail(Error(errc::eventsInput,
                              EventTr::tr("Event %1 has no organiser; set one with luxctl event update %1 --sender ADDRESS.").arg(*id)));
    QUrl page;
    if (QString tracker = (*opened)->settings().trackerUrl().trimmed(); !tracker.isEmpty()) {
        while (tracker.endsWith(u'/'))
            tracker.chop(1);
        page = QUrl(tracker + QStringLiteral("/e/") + e->slug);
    }
    const events::InviteEvent invite = EventStore::toInvite(*e, organizer, QString(), page);
    std::optional<events::Attendee> attendee;
    events::Invite::Method method = events::Invite::Method::Publish;
    if (ctx.isSet(QStringLiteral("email"))) {
        const auto r = byEmail(store, *id, ctx.option(QStringLiteral("email")));
        if (!r)
            return ctx.fail(r.error());
        if (r->status == RegistrationStatus::Pending || r->status == RegistrationStatus::Waiting)
            return ctx.fail(Error(errc::eventsState, EventTr::tr("%1 is %2: only a confirmed or cancelled registration has an invite.")
                                                         .arg(r->email, EventStore::statusLabel(r->status).toLower())));
        attendee = events::Attendee{r->email, r->name() == r->email ? QString() : r->name(), QString::number(r->id)};
        method = r->status == RegistrationStatus::Cancelled || e->status == events::EventStatus::Cancelled ? events::Invite::Method::Cancel
                                                                                                          : events::Invite::Method::Request;
    }
    const auto bytes = events::Invite::build(invite, attendee, method, QDateTime::currentDateTimeUtc());
    if (!bytes)
        return ctx.fail(bytes.error());
    SaveFile file(out);
    if (Status s = file.open(); !s)
        return ctx.fail(s.error());
    file.device().write(*bytes);
    if (Status s = file.commit(); !s)
        return ctx.fail(s.error());
    const QString methodName = method == events::Invite::Method::Publish ? QStringLiteral("PUBLISH")
        : method == events::Invite::Method::Cancel                       ? QStringLiteral("CANCEL")
                                                                         : QStringLiteral("REQUEST");
    return ctx.succeed({{QStringLiteral("path"), out}, {QStringLiteral("method"), methodName},
                        {QStringLiteral("uid"), events::Invite::uidFor(invite, attendee)}},
                       EventTr::tr("%1 written (METHOD:%2).").arg(out, methodName));
}

QString outcomeName(events::CheckInResult::Outcome o)
{
    using O = events::CheckInResult::Outcome;
    switch (o) {
    case O::CheckedIn: return QStringLiteral("checked_in");
    case O::AlreadyChecked: return QStringLiteral("already_checked_in");
    case O::NotFound: return QStringLiteral("not_found");
    case O::OtherEvent: return QStringLiteral("other_event");
    case O::NotConfirmed: return QStringLiteral("not_confirmed");
    }
    return {};
}

int checkin(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    const QString text = ctx.args.value(1).trimmed();
    if (!id || text.isEmpty())
        return ctx.usage(EventTr::tr("Usage: event checkin ID CODE|EMAIL (the event's number, then the scanned ticket or an address)"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    const tracking::TokenCodec codec = ticketCodec(**opened);
    EventStore store((*opened)->database().connection());
    const auto result = store.checkIn(*id, text, codec, events::CheckInVia::Luxctl, QDateTime::currentMSecsSinceEpoch());
    if (!result)
        return ctx.fail(result.error());
    QJsonObject o{{QStringLiteral("outcome"), outcomeName(result->outcome)}, {QStringLiteral("message"), result->message}};
    if (result->registration)
        o.insert(QStringLiteral("registration"), registrationJson(*result->registration));
    if (result->otherEventId)
        o.insert(QStringLiteral("other_event"), result->otherEventId);
    if (result->admitted())
        return ctx.succeed(o, result->message);
    const auto code = result->outcome == events::CheckInResult::Outcome::NotFound ? errc::eventsNotFound : errc::eventsState;
    return ctx.fail(Error(code, result->message), o);
}

int add(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    const QString email = ctx.option(QStringLiteral("email"));
    if (!id || email.trimmed().isEmpty())
        return ctx.usage(EventTr::tr("Usage: event add ID --email ADDRESS [--first-name F] [--last-name L]"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    EventStore store((*opened)->database().connection());
    const auto added = store.addManual(*id, email, ctx.option(QStringLiteral("first-name")), ctx.option(QStringLiteral("last-name")));
    if (!added)
        return ctx.fail(added.error());
    return ctx.succeed({{QStringLiteral("registration"), *added}, {QStringLiteral("status"), QStringLiteral("confirmed")}},
                       EventTr::tr("%1 added to event %2 as confirmed (registration %3).").arg(email.trimmed()).arg(*id).arg(*added)
                           + seatsToTracker(**opened, *id));
}

int removeRegistration(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    const QString email = ctx.args.value(1).trimmed();
    if (!id || email.isEmpty())
        return ctx.usage(EventTr::tr("Usage: event remove ID EMAIL"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    EventStore store((*opened)->database().connection());
    const auto r = byEmail(store, *id, email);
    if (!r)
        return ctx.fail(r.error());
    if (Status s = store.cancelManual(r->id); !s)
        return ctx.fail(s.error());
    return ctx.succeed({{QStringLiteral("registration"), r->id}, {QStringLiteral("status"), QStringLiteral("cancelled")}},
                       EventTr::tr("%1's registration for event %2 is cancelled.").arg(r->email).arg(*id) + seatsToTracker(**opened, *id));
}

int deleteEvent(const CommandContext &ctx)
{
    const auto id = idArgument(ctx);
    if (!id)
        return ctx.usage(EventTr::tr("Usage: event delete ID (a draft's number)"));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    if (Status s = EventStore((*opened)->database().connection()).remove(*id); !s)
        return ctx.fail(s.error());
    return ctx.succeed({{QStringLiteral("deleted"), *id}}, EventTr::tr("Event %1 deleted.").arg(*id));
}

} // namespace

QList<QCommandLineOption> eventOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (group != QLatin1String("event"))
        return {};
    if (command == QLatin1String("create") || command == QLatin1String("update"))
        return {
            {QStringLiteral("name"), t(QT_TRANSLATE_NOOP("luxctl", "The event's title.")), QStringLiteral("N")},
            {QStringLiteral("start"), t(QT_TRANSLATE_NOOP("luxctl", "When it starts, ISO 8601; without an offset, a wall time in --tz.")), QStringLiteral("ISO")},
            {QStringLiteral("end"), t(QT_TRANSLATE_NOOP("luxctl", "When it ends, ISO 8601.")), QStringLiteral("ISO")},
            {QStringLiteral("tz"), t(QT_TRANSLATE_NOOP("luxctl", "The event's IANA time zone (Europe/Madrid).")), QStringLiteral("ZONE")},
            {QStringLiteral("capacity"), t(QT_TRANSLATE_NOOP("luxctl", "Seats; 0 for no limit (the default).")), QStringLiteral("N")},
            {QStringLiteral("description"), t(QT_TRANSLATE_NOOP("luxctl", "The page's text, in Markdown.")), QStringLiteral("TEXT")},
            {QStringLiteral("venue"), t(QT_TRANSLATE_NOOP("luxctl", "Where it takes place.")), QStringLiteral("V")},
            {QStringLiteral("online-url"), t(QT_TRANSLATE_NOOP("luxctl", "The online link (http or https).")), QStringLiteral("URL")},
            {QStringLiteral("sender"), t(QT_TRANSLATE_NOOP("luxctl", "The organiser: a sender mailbox's id or address.")), QStringLiteral("ID|ADDRESS")},
            {QStringLiteral("language"), t(QT_TRANSLATE_NOOP("luxctl", "The page's and the messages' language: en or es.")), QStringLiteral("LANG")},
            {QStringLiteral("question"), t(QT_TRANSLATE_NOOP("luxctl", "A question: text:LABEL, checkbox:LABEL or choice:LABEL:A|B, a trailing ! for required (repeat; replaces all).")), QStringLiteral("SPEC")},
            {QStringLiteral("consent"), t(QT_TRANSLATE_NOOP("luxctl", "The consent text shown on the form (a change is kept as a new version).")), QStringLiteral("TEXT")},
            {QStringLiteral("tag"), t(QT_TRANSLATE_NOOP("luxctl", "A tag given to registrants (repeat; replaces all).")), QStringLiteral("T")},
            {QStringLiteral("reminder"), t(QT_TRANSLATE_NOOP("luxctl", "A reminder before the start: 1d, 2h or 30m (repeat, up to 5; none for no reminders).")), QStringLiteral("WHEN")},
            {QStringLiteral("opens"), t(QT_TRANSLATE_NOOP("luxctl", "When registration opens, ISO 8601.")), QStringLiteral("ISO")},
            {QStringLiteral("closes"), t(QT_TRANSLATE_NOOP("luxctl", "When registration closes, ISO 8601.")), QStringLiteral("ISO")},
            {QStringLiteral("double-opt-in"), t(QT_TRANSLATE_NOOP("luxctl", "Ask registrants to confirm by a link: on (the default) or off.")), QStringLiteral("on|off")},
            {QStringLiteral("pow-difficulty"), t(QT_TRANSLATE_NOOP("luxctl", "The form's proof of work in bits, 0 to 28 (default 16; 0 turns it off).")), QStringLiteral("N")},
        };
    if (command == QLatin1String("attendees"))
        return {
            {QStringLiteral("csv"), t(QT_TRANSLATE_NOOP("luxctl", "Write the list as CSV to OUT, or - for standard output.")), QStringLiteral("OUT")},
            {QStringLiteral("status"), t(QT_TRANSLATE_NOOP("luxctl", "Only these: confirmed, pending, waiting or cancelled (commas for several).")), QStringLiteral("S")},
        };
    if (command == QLatin1String("ics"))
        return {
            {QStringLiteral("email"), t(QT_TRANSLATE_NOOP("luxctl", "The invite as this registrant gets it (else the event's own file).")), QStringLiteral("ADDRESS")},
            {QStringLiteral("out"), t(QT_TRANSLATE_NOOP("luxctl", "Where to write the .ics file.")), QStringLiteral("FILE")},
        };
    if (command == QLatin1String("mail-template"))
        return {
            {QStringLiteral("language"), t(QT_TRANSLATE_NOOP("luxctl", "The messages' language: en (the default) or es.")), QStringLiteral("LANG")},
            {QStringLiteral("subject"), t(QT_TRANSLATE_NOOP("luxctl", "The subject, with merge tags such as {{event_title}}.")), QStringLiteral("S")},
            {QStringLiteral("body-file"), t(QT_TRANSLATE_NOOP("luxctl", "The text from a UTF-8 file: paragraphs by blank lines, merge tags such as {{first_name}}.")), QStringLiteral("FILE")},
        };
    if (command == QLatin1String("add"))
        return {
            {QStringLiteral("email"), t(QT_TRANSLATE_NOOP("luxctl", "The person's address.")), QStringLiteral("ADDRESS")},
            {QStringLiteral("first-name"), t(QT_TRANSLATE_NOOP("luxctl", "Their first name.")), QStringLiteral("F")},
            {QStringLiteral("last-name"), t(QT_TRANSLATE_NOOP("luxctl", "Their last name.")), QStringLiteral("L")},
        };
    return {};
}

int runEventCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("create"))
        return create(ctx);
    if (command == QLatin1String("update"))
        return update(ctx);
    if (command == QLatin1String("list"))
        return list(ctx);
    if (command == QLatin1String("show"))
        return show(ctx);
    if (command == QLatin1String("attendees"))
        return attendees(ctx);
    if (command == QLatin1String("ics"))
        return ics(ctx);
    if (command == QLatin1String("checkin"))
        return checkin(ctx);
    if (command == QLatin1String("add"))
        return add(ctx);
    if (command == QLatin1String("remove"))
        return removeRegistration(ctx);
    if (command == QLatin1String("delete"))
        return deleteEvent(ctx);
    if (command == QLatin1String("mail-template"))
        return mailTemplate(ctx);
    if (command == QLatin1String("publish"))
        return publishOrCancel(ctx, events::PublishAction::Publish);
    if (command == QLatin1String("cancel"))
        return publishOrCancel(ctx, events::PublishAction::Cancel);
    return ctx.usage(EventTr::tr("Unknown event command '%1'.").arg(command));
}

} // namespace lux::cli
