// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventmail.h"

#include "campaigns/campaignstore.h"
#include "campaigns/jobstore.h"
#include "campaigns/reach.h"
#include "common/errorcodes.h"
#include "contacts/addressing.h"
#include "content/mergetemplate.h"
#include "content/mimemessage.h"
#include "events/eventpublisher.h"
#include "events/invite.h"
#include "events/ticket.h"
#include "storage/sqlvalues.h"
#include "storage/transaction.h"
#include "tracking/campaigntracking.h"
#include "tracking/token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>

namespace lux::events {

namespace {

struct KindName
{
    MailKind kind;
    const char *name;
};
constexpr KindName kKinds[] = {
    {MailKind::ConfirmAddress, "confirm-address"}, {MailKind::Confirmation, "confirmation"}, {MailKind::Waiting, "waiting"},
    {MailKind::Promotion, "promotion"},           {MailKind::Update, "update"},             {MailKind::Cancellation, "cancellation"},
    {MailKind::Reminder, "reminder"},             {MailKind::Lapsed, "lapsed"},
};

// The merge tags, in this order in every render's values.
const QStringList kFields{QStringLiteral("first_name"),  QStringLiteral("last_name"),   QStringLiteral("name"),
                          QStringLiteral("email"),       QStringLiteral("event_title"), QStringLiteral("event_when"),
                          QStringLiteral("event_where"), QStringLiteral("event_link"),  QStringLiteral("position"),
                          QStringLiteral("confirm_hours"), QStringLiteral("starts_in")};

content::MergeFields mergeFields()
{
    content::MergeFields f;
    for (const QString &name : kFields)
        f.add(name);
    return f;
}

// The starters, in English and Spanish; the user's own wording replaces them per kind and language.
struct Starter
{
    MailKind kind;
    const char *enSubject, *enBody, *esSubject, *esBody;
};
const Starter kStarters[] = {
    {MailKind::ConfirmAddress, "Confirm your place at {{event_title}}",
     "Hi {{first_name | default: \"there\"}},\n\nThanks for registering for {{event_title}}. Please confirm that this is your address "
     "within {{confirm_hours}} hours to keep your place.",
     "Confirma tu plaza en {{event_title}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\nGracias por inscribirte en {{event_title}}. Confirma que esta es tu dirección "
     "en menos de {{confirm_hours}} horas para conservar tu plaza."},
    {MailKind::Confirmation, "You're registered: {{event_title}}",
     "Hi {{first_name | default: \"there\"}},\n\nYour seat at {{event_title}} is confirmed. The invite is attached: add it to your calendar, "
     "and show the code below at the door.",
     "Inscripción confirmada: {{event_title}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\nTu plaza en {{event_title}} está confirmada. Te adjuntamos la invitación para "
     "tu calendario; muestra el código de abajo en la entrada."},
    {MailKind::Waiting, "You're on the waiting list for {{event_title}}",
     "Hi {{first_name | default: \"there\"}},\n\n{{event_title}} is fully booked, and you are number {{position}} on the waiting list. "
     "If a seat frees up, it is yours and we will email you at once.",
     "Estás en la lista de espera de {{event_title}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\n{{event_title}} está completo y eres el número {{position}} de la lista de "
     "espera. Si se libera una plaza, es tuya y te escribiremos enseguida."},
    {MailKind::Promotion, "A seat came free: you're in for {{event_title}}",
     "Hi {{first_name | default: \"there\"}},\n\nGood news: a seat at {{event_title}} came free and it is yours.",
     "Se ha liberado una plaza: estás dentro de {{event_title}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\nBuenas noticias: se ha liberado una plaza en {{event_title}} y es tuya."},
    {MailKind::Update, "Updated: {{event_title}}",
     "Hi {{first_name | default: \"there\"}},\n\n{{event_title}} has changed. The details below and the attached invite are up to date; "
     "your calendar updates when you open it.",
     "Actualizado: {{event_title}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\n{{event_title}} ha cambiado. Los detalles de abajo y la invitación adjunta "
     "están al día; tu calendario se actualiza al abrirla."},
    {MailKind::Cancellation, "Cancelled: {{event_title}}",
     "Hi {{first_name | default: \"there\"}},\n\nYour registration for {{event_title}} is cancelled. The attached update removes it from "
     "your calendar.",
     "Cancelado: {{event_title}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\nTu inscripción en {{event_title}} está cancelada. La actualización adjunta lo "
     "quita de tu calendario."},
    {MailKind::Reminder, "Reminder: {{event_title}} starts in {{starts_in}}",
     "Hi {{first_name | default: \"there\"}},\n\nA reminder that {{event_title}} starts in {{starts_in}}. We look forward to seeing you.",
     "Recordatorio: {{event_title}} empieza en {{starts_in}}",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\nTe recordamos que {{event_title}} empieza en {{starts_in}}. ¡Te esperamos!"},
    {MailKind::Lapsed, "Your place at {{event_title}} was released",
     "Hi {{first_name | default: \"there\"}},\n\nYour address was not confirmed in time, so your place at {{event_title}} went to the "
     "next person. You are welcome to register again on the event's page.",
     "Tu plaza en {{event_title}} se ha liberado",
     "Hola{{#first_name}} {{first_name}}{{/first_name}}:\n\nTu dirección no se confirmó a tiempo y tu plaza en {{event_title}} pasó a la "
     "siguiente persona. Puedes volver a inscribirte en la página del evento."},
};

// Whether the message carries the seat: the invite and the ticket.
bool carriesSeat(MailKind kind, RegistrationStatus status)
{
    return status == RegistrationStatus::Confirmed
        && (kind == MailKind::Confirmation || kind == MailKind::Promotion || kind == MailKind::Update || kind == MailKind::Reminder);
}

} // namespace

QString mailKindName(MailKind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return {};
}

std::optional<MailKind> mailKindFromName(const QString &name)
{
    for (const KindName &k : kKinds)
        if (name == QLatin1StringView(k.name))
            return k.kind;
    return std::nullopt;
}

QList<MailKind> allMailKinds()
{
    QList<MailKind> out;
    for (const KindName &k : kKinds)
        out << k.kind;
    return out;
}

QStringList EventMail::fields()
{
    return kFields;
}

MailTemplate EventMail::starter(MailKind kind, const QString &language)
{
    for (const Starter &s : kStarters)
        if (s.kind == kind)
            return language == u"es" ? MailTemplate{QString::fromUtf8(s.esSubject), QString::fromUtf8(s.esBody)}
                                     : MailTemplate{QString::fromUtf8(s.enSubject), QString::fromUtf8(s.enBody)};
    return {};
}

Result<MailTemplate> EventMail::mailTemplate(MailKind kind, const QString &language) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT subject, body FROM event_mail_templates WHERE kind = ? AND language = ?"));
    q.addBindValue(mailKindName(kind));
    q.addBindValue(language);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (q.next())
        return MailTemplate{q.value(0).toString(), q.value(1).toString()};
    return starter(kind, language);
}

Status EventMail::setTemplate(MailKind kind, const QString &language, const MailTemplate &t)
{
    if (language != u"en" && language != u"es")
        return Error(errc::eventsInput, tr("The language must be en or es, not '%1'.").arg(language));
    if (t.subject.trimmed().isEmpty() || t.body.trimmed().isEmpty())
        return Error(errc::eventsInput, tr("The %1 message needs a subject and a text.").arg(mailKindName(kind)));
    const content::MergeFields fields = mergeFields();
    for (const auto &[part, source] : {std::pair{tr("subject"), t.subject}, std::pair{tr("text"), t.body}}) {
        const auto compiled = content::MergeTemplate::compile(source, fields, content::MergeTemplate::Mode::Text);
        if (!compiled.isValid()) {
            const content::MergeProblem &p = compiled.problems().constFirst();
            return Error(errc::eventsInput, tr("The %1 message's %2, line %3, column %4: %5").arg(mailKindName(kind), part).arg(p.line).arg(p.column).arg(p.message));
        }
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO event_mail_templates (kind, language, subject, body, updated_at) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, "
                             "updated_at = excluded.updated_at"));
    for (const QVariant &v : QVariantList{mailKindName(kind), language, t.subject, t.body, m_clock()})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Status EventMail::resetTemplate(MailKind kind, const QString &language)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM event_mail_templates WHERE kind = ? AND language = ?"));
    q.addBindValue(mailKindName(kind));
    q.addBindValue(language);
    if (!q.exec())
        return storage::queryError(q);
    return {};
}

Result<qint64> EventMail::campaignWithin(const Event &event)
{
    if (!event.senderId)
        return Error(errc::eventsState, tr("“%1” has no organiser mailbox to send its messages from: choose one in the event.").arg(event.title));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT address FROM senders WHERE id = ? AND channel = 'email'"));
    q.addBindValue(*event.senderId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::eventsState, tr("The organiser mailbox of “%1” is no longer a sender.").arg(event.title));
    const QString from = q.value(0).toString();
    q.finish();
    const qint64 now = m_clock();
    q.prepare(QStringLiteral("SELECT id, from_email, status FROM campaigns WHERE event_id = ? AND channel = 'email'"));
    q.addBindValue(event.id);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        // The organiser changed (what is still to go goes from the new mailbox), or an older
        // version stopped the campaign: it sends again.
        const bool moved = q.value(1).toString() != from || q.value(2).toString() != u"sending";
        q.finish();
        if (moved) {
            q.prepare(QStringLiteral("UPDATE campaigns SET from_email = ?, status = 'sending', updated_at = ? WHERE id = ?"));
            q.addBindValue(from);
            q.addBindValue(now);
            q.addBindValue(id);
            if (!q.exec())
                return storage::queryError(q);
        }
        return id;
    }
    // Never listed with the campaigns, never tracked, always sending; its name cannot be a user's.
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, from_email, status, created_at, updated_at, channel, tracking, event_id) "
                             "VALUES (?, ?, 'sending', ?, ?, 'email', 0, ?)"));
    for (const QVariant &v : QVariantList{QStringLiteral("lux:event-mail:%1").arg(event.id), from, now, now, event.id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    return q.lastInsertId().toLongLong();
}

Result<std::optional<qint64>> EventMail::queueWithin(const Event &event, const Registration &registration, MailKind kind, int detail)
{
    const auto campaign = campaignWithin(event);
    if (!campaign)
        return campaign.error();
    const auto address = contacts::Addressing::parseEmail(registration.email);
    if (!address)
        return Error(errc::eventsInput, tr("%1 cannot be written to: %2").arg(registration.email, address.error().message));
    const QString key = QStringLiteral("r%1.%2.%3").arg(registration.id).arg(mailKindName(kind)).arg(detail);
    // The Message-ID's domain is the organiser's (as campaigns do); a nonce keeps it unique across databases.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT from_email FROM campaigns WHERE id = ?"));
    q.addBindValue(*campaign);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    const QString sender = q.value(0).toString();
    q.finish();
    const QString nonce = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
    const QString messageId = QStringLiteral("<lux.e%1.%2.%3@%4>").arg(event.id).arg(key, nonce, sender.section(u'@', -1));
    const qint64 now = m_clock();
    q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, due_at, "
                             "updated_at, mail_key) VALUES (?, ?, 'email', ?, ?, 'pending', ?, ?, ?, ?) "
                             "ON CONFLICT (campaign_id, address_key, mail_key) DO NOTHING"));
    for (const QVariant &v : QVariantList{*campaign, registration.contactId ? QVariant(*registration.contactId) : QVariant(), address->display,
                                          address->key, messageId, now, now, key})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (q.numRowsAffected() == 0)
        return std::optional<qint64>(); // queued before: the row is there, sent or on its way
    const qint64 outboxId = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO event_mail (outbox_id, registration_id, kind, sequence) VALUES (?, ?, ?, ?)"));
    // sequence: the invite's SEQUENCE when queued (an update is not sent to whoever already has it).
    for (const QVariant &v : QVariantList{outboxId, registration.id, mailKindName(kind), event.sequence})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendWithin(*campaign, now); !s)
        return s.error();
    return std::optional<qint64>(outboxId);
}

Result<std::optional<qint64>> EventMail::queue(const Event &event, const Registration &registration, MailKind kind, int detail)
{
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    auto queued = queueWithin(event, registration, kind, detail);
    if (!queued)
        return queued.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return queued;
}

Result<int> EventMail::queueForEvent(qint64 eventId, MailKind kind)
{
    EventStore store(m_db, m_clock);
    const auto event = store.find(eventId);
    if (!event)
        return event.error();
    RegistrationFilter filter;
    filter.statuses = kind == MailKind::Cancellation
                          ? QList<RegistrationStatus>{RegistrationStatus::Confirmed, RegistrationStatus::Pending, RegistrationStatus::Waiting}
                          : QList<RegistrationStatus>{RegistrationStatus::Confirmed};
    const auto people = store.registrations(eventId, filter);
    if (!people)
        return people.error();
    storage::Transaction tx(m_db);
    if (!tx.isOpen())
        return tx.beginError();
    int queued = 0;
    QSqlQuery current(m_db);
    current.prepare(QStringLiteral("SELECT 1 FROM event_mail WHERE registration_id = ? AND sequence >= ? "
                                   "AND kind IN ('confirmation', 'promotion', 'update')"));
    for (const Registration &r : *people) {
        if (kind == MailKind::Update) { // whoever got this SEQUENCE's invite already needs no update
            current.addBindValue(r.id);
            current.addBindValue(event->sequence);
            if (!current.exec())
                return storage::queryError(current, errc::dbRead);
            const bool upToDate = current.next();
            current.finish();
            if (upToDate)
                continue;
        }
        const auto one = queueWithin(*event, r, kind, kind == MailKind::Update ? event->sequence : 0);
        if (!one)
            return one.error();
        queued += one->has_value() ? 1 : 0;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return queued;
}

namespace {
// "1 day", "2 hours", "30 minutes": the reminder's offset in the event's language.
QString startsIn(int minutes, const QString &language)
{
    const bool es = language == u"es";
    if (minutes % 1440 == 0) {
        const int d = minutes / 1440;
        return es ? QStringLiteral("%1 %2").arg(d).arg(d == 1 ? QStringLiteral("día") : QStringLiteral("días"))
                  : QStringLiteral("%1 %2").arg(d).arg(d == 1 ? QStringLiteral("day") : QStringLiteral("days"));
    }
    if (minutes % 60 == 0) {
        const int h = minutes / 60;
        return es ? QStringLiteral("%1 %2").arg(h).arg(h == 1 ? QStringLiteral("hora") : QStringLiteral("horas"))
                  : QStringLiteral("%1 %2").arg(h).arg(h == 1 ? QStringLiteral("hour") : QStringLiteral("hours"));
    }
    return es ? QStringLiteral("%1 minutos").arg(minutes) : QStringLiteral("%1 minutes").arg(minutes);
}

// Words of the layout around the user's text, in the event's language (not the app's).
struct Words
{
    const char *when, *where, *join, *confirm, *cancel, *google, *outlook, *ticket, *ticketNote;
};
constexpr Words kEnglish{"When", "Where", "Join online", "Confirm my address", "Cancel my registration", "Add to Google Calendar",
                         "Add to Outlook", "Your ticket", "Show this code at the door."};
constexpr Words kSpanish{"Cuándo", "Dónde", "Unirse en línea", "Confirmar mi dirección", "Cancelar mi inscripción",
                         "Añadir a Google Calendar", "Añadir a Outlook", "Tu entrada", "Muestra este código en la entrada."};


// How long until the start, rounded to what a reminder says ("1 day", "2 hours", "25 minutes"): a
// reminder queued late (an event published the day it happens) says the time that is really left.
int remainingMinutes(qint64 startsAt, qint64 now)
{
    const qint64 minutes = std::max<qint64>(1, (startsAt - now + 30'000) / 60'000);
    if (minutes >= 1440 - 30)
        return int((minutes + 720) / 1440 * 1440);
    if (minutes >= 60 - 5)
        return int((minutes + 30) / 60 * 60);
    return int(minutes);
}

QList<int> reminderOffsets(const QString &json)
{
    QList<int> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        if (v.toInt() > 0)
            out << v.toInt();
    return out;
}
} // namespace

Result<int> EventMail::queueDueReminders()
{
    const qint64 now = m_clock();
    QSqlQuery q(m_db);
    // Published events that have not started, each with its offsets and those already queued.
    q.prepare(QStringLiteral("SELECT e.id, e.starts_at, e.reminders, (SELECT group_concat(minutes) FROM event_reminders r WHERE r.event_id = e.id) "
                             "FROM events e WHERE e.status = 'published' AND e.starts_at > ? AND e.sender_id IS NOT NULL"));
    q.addBindValue(now);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    QList<std::pair<qint64, int>> due;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 start = q.value(1).toLongLong();
        const QStringList done = q.value(3).toString().split(u',', Qt::SkipEmptyParts);
        // Only the nearest offset whose moment has passed: after a long pause nobody gets the
        // day-before and the hour-before reminders in the same minute.
        int nearest = 0;
        for (const int minutes : reminderOffsets(q.value(2).toString()))
            if (start - qint64(minutes) * 60'000 <= now && !done.contains(QString::number(minutes)) && (nearest == 0 || minutes < nearest))
                nearest = minutes;
        if (nearest > 0)
            due << std::pair{id, nearest};
    }
    q.finish();
    int queued = 0;
    EventStore store(m_db, m_clock);
    for (const auto &[id, minutes] : std::as_const(due)) {
        const auto event = store.find(id);
        if (!event)
            return event.error();
        RegistrationFilter filter;
        filter.statuses = {RegistrationStatus::Confirmed};
        const auto people = store.registrations(id, filter);
        if (!people)
            return people.error();
        storage::Transaction tx(m_db);
        if (!tx.isOpen())
            return tx.beginError();
        int here = 0;
        for (const Registration &r : *people) {
            const auto one = queueWithin(*event, r, MailKind::Reminder, minutes);
            if (!one)
                return one.error();
            here += one->has_value() ? 1 : 0;
        }
        // Every offset at or beyond this one is done: a skipped earlier one never comes later.
        for (const int offset : event->reminders) {
            if (offset < minutes)
                continue;
            QSqlQuery mark(m_db);
            mark.prepare(QStringLiteral("INSERT INTO event_reminders (event_id, minutes, queued_at, messages) VALUES (?, ?, ?, ?) "
                                        "ON CONFLICT (event_id, minutes) DO NOTHING"));
            for (const QVariant &v : QVariantList{id, offset, now, offset == minutes ? here : 0})
                mark.addBindValue(v);
            if (!mark.exec())
                return storage::queryError(mark);
        }
        const auto texts = queueTextReminderWithin(*event, minutes);
        if (!texts)
            return texts.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        queued += here + *texts;
    }
    return queued;
}

Result<int> EventMail::queueTextReminderWithin(const Event &event, int minutes)
{
    // SMS is set up when there is a number to send from; without one, reminders go by email only.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT address FROM senders WHERE channel = 'sms' ORDER BY id LIMIT 1")))
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return 0;
    const QString number = q.value(0).toString();
    q.finish();
    // The text with the event's words in place (in its language); {{first_name}} stays for the SMS
    // channel, which merges each contact's and builds the same text again to find a lost one.
    QString body = event.language == u"es"
                       ? QStringLiteral("Hola{{#first_name}} {{first_name}}{{/first_name}}: %1 empieza en %2 (%3). Responde STOP para no recibir más.")
                       : QStringLiteral("Hi{{#first_name}} {{first_name}}{{/first_name}}, a reminder: %1 starts in %2 (%3). Reply STOP to opt out.");
    const qint64 now = m_clock();
    QString escapedTitle = event.title;
    escapedTitle.replace(QStringLiteral("{{"), QStringLiteral("{ {"));
    body = body.arg(escapedTitle, startsIn(remainingMinutes(event.startsAt, now), event.language), EventPublisher::whenText(event));
    const QString name = QStringLiteral("lux:event-sms:%1:%2").arg(event.id).arg(minutes);
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, from_email, status, created_at, updated_at, channel, tracking, event_id, body) "
                             "VALUES (?, ?, 'sending', ?, ?, 'sms', 0, ?, ?) ON CONFLICT DO NOTHING"));
    for (const QVariant &v : QVariantList{name, number, now, now, event.id, body})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    q.prepare(QStringLiteral("SELECT id FROM campaigns WHERE lower(name) = lower(?)"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return storage::queryError(q, errc::dbRead);
    const qint64 campaign = q.value(0).toLongLong();
    q.finish();
    // The confirmed whose contact consented to texts and has a number that takes them; suppression
    // (STOP) and consent are checked again when each text is claimed, as for any campaign.
    const campaigns::Reach sms = campaigns::reach(QStringLiteral("sms"));
    const QString nonce = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
    q.prepare(QStringLiteral("INSERT INTO outbox (campaign_id, contact_id, channel, address, address_key, state, message_id, due_at, updated_at) "
                             "SELECT ?, c.id, 'sms', %1, %2, 'pending', '<lux.s' || ? || '.' || c.id || '.' || ? || '@lux.invalid>', ?, ? "
                             "FROM event_registrations r JOIN contacts c ON c.id = r.contact_id "
                             "WHERE r.event_id = ? AND r.status = 'confirmed' AND %3 AND %4 "
                             "ON CONFLICT (campaign_id, address_key, mail_key) DO NOTHING")
                  .arg(sms.address, sms.key, sms.reachable, sms.textable));
    for (const QVariant &v : QVariantList{campaign, campaign, nonce, now, now, event.id})
        q.addBindValue(v);
    if (!q.exec())
        return storage::queryError(q);
    const int texts = q.numRowsAffected();
    if (texts > 0)
        if (Status s = campaigns::JobStore(m_db, m_clock).scheduleSendWithin(campaign, now); !s)
            return s.error();
    return texts;
}

// ---------------------------------------------------------------------------------------------

struct EventMailChannel::Prepared
{
    Event event;
    QString organiser;
    content::MergeFields fields = mergeFields();
    std::optional<tracking::TokenCodec> codec;
};

EventMailChannel::EventMailChannel(QSqlDatabase db, std::unique_ptr<channels::Channel> email, const tracking::CampaignTracking &tracking,
                                   int confirmHours, Clock clock)
    : m_db(std::move(db)), m_email(std::move(email)), m_tracking(tracking), m_confirmHours(confirmHours), m_clock(std::move(clock))
{
}

EventMailChannel::~EventMailChannel() = default;

Status EventMailChannel::prepare(const campaigns::Campaign &campaign)
{
    if (!campaign.eventId)
        return Error(errc::campaignChannel, tr("Campaign %1 is not an event's mail.").arg(campaign.id));
    const auto event = EventStore(m_db, m_clock).find(*campaign.eventId);
    if (!event)
        return event.error();
    auto p = std::make_unique<Prepared>();
    p->event = *event;
    p->organiser = campaign.fromEmail;
    if (const auto ring = tracking::KeyRing::parse(m_tracking.config().keys); ring && !ring->isEmpty())
        p->codec.emplace(*ring);
    m_prepared = std::move(p);
    return {};
}

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

Result<QByteArray> EventMailChannel::build(const channels::Delivery &delivery) const
{
    if (!m_prepared)
        return Error(errc::campaignChannel, tr("The event's mail was not prepared."));
    const Prepared &p = *m_prepared;
    const Event &event = p.event;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT registration_id, kind, sequence FROM event_mail WHERE outbox_id = ?"));
    q.addBindValue(delivery.outboxId);
    if (!q.exec())
        return storage::queryError(q, errc::dbRead);
    if (!q.next())
        return Error(errc::campaignChannel, tr("Message %1 of “%2” has no registration.").arg(delivery.outboxId).arg(event.title));
    const qint64 registrationId = q.value(0).toLongLong();
    const auto kind = mailKindFromName(q.value(1).toString());
    const int sequence = q.value(2).toInt();
    q.finish();
    if (!kind)
        return Error(errc::campaignChannel, tr("Message %1 has an unknown kind.").arg(delivery.outboxId));
    const auto registration = EventStore(m_db, m_clock).registration(registrationId);
    if (!registration)
        return registration.error();
    // A message that no longer applies is not sent (the row fails with the reason): anything but a
    // cancellation or a lapse to someone cancelled since, and a reminder once the event has begun.
    if (registration->status == RegistrationStatus::Cancelled && *kind != MailKind::Cancellation && *kind != MailKind::Lapsed)
        return Error(errc::eventsState, tr("%1 cancelled before this %2 message went.").arg(registration->email, mailKindName(*kind)));
    if (*kind == MailKind::Reminder && m_clock() >= event.startsAt)
        return Error(errc::eventsState, tr("“%1” had begun before this reminder could go.").arg(event.title));
    const auto tmpl = EventMail(m_db, m_clock).mailTemplate(*kind, event.language);
    if (!tmpl)
        return tmpl.error();
    const QStringList values{registration->firstName,
                             registration->lastName,
                             registration->name(),
                             registration->email,
                             event.title,
                             EventPublisher::whenText(event),
                             EventPublisher::whereText(event),
                             event.onlineUrl,
                             registration->position ? QString::number(*registration->position) : QString(),
                             QString::number(m_confirmHours),
                             startsIn(remainingMinutes(event.startsAt, m_clock()), event.language)};
    const auto render = [&](const QString &source) -> Result<QString> {
        const auto t = content::MergeTemplate::compile(source, p.fields, content::MergeTemplate::Mode::Text);
        if (!t.isValid())
            return Error(errc::eventsInput, tr("The %1 message cannot be merged: %2").arg(mailKindName(*kind), t.problems().constFirst().message));
        return t.render(values);
    };
    const auto subject = render(tmpl->subject);
    if (!subject)
        return subject.error();
    const auto body = render(tmpl->body);
    if (!body)
        return body.error();

    const Words &w = event.language == u"es" ? kSpanish : kEnglish;
    const QString base = m_tracking.config().trackerUrl;
    const auto link = [&](tracking::Purpose purpose) -> QString {
        if (!registration->trackerId || !p.codec || base.isEmpty())
            return {};
        const QString token = p.codec->sign(tracking::Claims{.purpose = purpose,
                                                             .campaign = quint64(event.id),
                                                             .recipient = quint64(*registration->trackerId),
                                                             .language = tracking::languageFromTag(event.language)});
        return QStringLiteral("%1/e/%2/%3/%4")
            .arg(base, event.slug, purpose == tracking::Purpose::RegistrationConfirm ? QStringLiteral("confirm") : QStringLiteral("cancel"), token);
    };
    const bool seat = carriesSeat(*kind, registration->status);
    const InviteEvent invite = EventStore::toInvite(event, p.organiser, QString(),
                                                    base.isEmpty() ? QUrl() : QUrl(base + QStringLiteral("/e/") + event.slug));

    // The HTML: the user's text, the details, the actions, the ticket. Tables and inline styles,
    // which every mail program draws the same.
    QString html = QStringLiteral("<!doctype html><html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title></head>"
                                  "<body style=\"margin:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d2330\">"
                                  "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\" style=\"padding:24px\">"
                                  "<table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:560px;background:#ffffff;"
                                  "border-radius:10px\"><tr><td style=\"padding:28px 32px\">")
                       .arg(event.language, esc(*subject));
    html += QStringLiteral("<h1 style=\"font-size:20px;margin:0 0 16px\">%1</h1>").arg(esc(event.title));
    for (const QString &paragraph : body->split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p style=\"font-size:15px;line-height:1.5;margin:0 0 14px\">%1</p>").arg(esc(paragraph.trimmed()).replace(u'\n', QStringLiteral("<br>")));
    html += QStringLiteral("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:8px 0 18px;font-size:14px\">"
                           "<tr><td style=\"color:#6b7280;padding:3px 14px 3px 0\">%1</td><td style=\"padding:3px 0\">%2</td></tr>")
                .arg(esc(QString::fromUtf8(w.when)), esc(EventPublisher::whenText(event)));
    if (!event.venue.isEmpty())
        html += QStringLiteral("<tr><td style=\"color:#6b7280;padding:3px 14px 3px 0\">%1</td><td style=\"padding:3px 0\">%2</td></tr>")
                    .arg(esc(QString::fromUtf8(w.where)), esc(event.venue));
    html += QStringLiteral("</table>");
    const auto button = [](const QString &href, const QString &label, bool primary) {
        return QStringLiteral("<a href=\"%1\" style=\"display:inline-block;margin:0 8px 10px 0;padding:10px 18px;border-radius:8px;"
                              "font-size:14px;font-weight:bold;text-decoration:none;%2\">%3</a>")
            .arg(esc(href), primary ? QStringLiteral("background:#0a66ff;color:#ffffff") : QStringLiteral("background:#eef2f7;color:#1d2330"),
                 esc(label));
    };
    QString actions;
    QString text = *body + QStringLiteral("\n\n") + QString::fromUtf8(w.when) + QStringLiteral(": ") + EventPublisher::whenText(event);
    if (!event.venue.isEmpty())
        text += QStringLiteral("\n") + QString::fromUtf8(w.where) + QStringLiteral(": ") + event.venue;
    const QString confirmUrl = *kind == MailKind::ConfirmAddress ? link(tracking::Purpose::RegistrationConfirm) : QString();
    if (!confirmUrl.isEmpty()) {
        actions += button(confirmUrl, QString::fromUtf8(w.confirm), true);
        text += QStringLiteral("\n\n") + QString::fromUtf8(w.confirm) + QStringLiteral(": ") + confirmUrl;
    }
    if (seat && !event.onlineUrl.isEmpty()) {
        actions += button(event.onlineUrl, QString::fromUtf8(w.join), true);
        text += QStringLiteral("\n") + QString::fromUtf8(w.join) + QStringLiteral(": ") + event.onlineUrl;
    }
    if (seat) {
        const QString google = Invite::googleCalendarLink(invite).toString(QUrl::FullyEncoded);
        const QString outlook = Invite::outlookCalendarLink(invite).toString(QUrl::FullyEncoded);
        actions += button(google, QString::fromUtf8(w.google), false) + button(outlook, QString::fromUtf8(w.outlook), false);
        text += QStringLiteral("\n") + QString::fromUtf8(w.google) + QStringLiteral(": ") + google + QStringLiteral("\n") + QString::fromUtf8(w.outlook)
              + QStringLiteral(": ") + outlook;
    }
    if (!actions.isEmpty())
        html += QStringLiteral("<div style=\"margin:6px 0 12px\">%1</div>").arg(actions);

    content::MimeInput in;
    if (seat && p.codec) {
        const QString code = Ticket::sign(*p.codec, TicketClaims{quint64(event.id), quint64(registration->id)});
        const auto png = Ticket::qrPng(code, 6);
        if (!png)
            return png.error();
        in.images.append({QStringLiteral("ticket@lux"), QStringLiteral("image/png"), QStringLiteral("ticket.png"), *png});
        html += QStringLiteral("<div style=\"border-top:1px solid #e6e8ec;margin-top:10px;padding-top:16px;text-align:center\">"
                               "<p style=\"font-size:14px;font-weight:bold;margin:0 0 8px\">%1</p>"
                               "<img src=\"cid:ticket@lux\" width=\"180\" height=\"180\" alt=\"%2\" style=\"display:block;margin:0 auto\">"
                               "<p style=\"font-size:12px;color:#6b7280;margin:8px 0 0\">%3</p></div>")
                    .arg(esc(QString::fromUtf8(w.ticket)), esc(code), esc(QString::fromUtf8(w.ticketNote)));
        text += QStringLiteral("\n\n") + QString::fromUtf8(w.ticket) + QStringLiteral(": ") + code;
    }
    const QString cancelUrl = *kind != MailKind::Cancellation && *kind != MailKind::Lapsed ? link(tracking::Purpose::RegistrationCancel) : QString();
    if (!cancelUrl.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:12px;color:#6b7280;margin:18px 0 0\"><a href=\"%1\" style=\"color:#6b7280\">%2</a></p>")
                    .arg(esc(cancelUrl), esc(QString::fromUtf8(w.cancel)));
        text += QStringLiteral("\n\n") + QString::fromUtf8(w.cancel) + QStringLiteral(": ") + cancelUrl;
    }
    html += QStringLiteral("</td></tr></table></td></tr></table></body></html>");

    // The invite: REQUEST with the seat (an update carries the SEQUENCE it was queued with), CANCEL
    // for a cancellation of someone who had one. Its UID is the registration's, every time.
    const bool hadSeat = registration->confirmedAt.has_value();
    if (seat || (*kind == MailKind::Cancellation && hadSeat)) {
        InviteEvent e = invite;
        // A cancellation is a change of its own: its SEQUENCE is above every REQUEST the person got.
        e.sequence = std::max(event.sequence, sequence) + (*kind == MailKind::Cancellation ? 1 : 0);
        e.alarmMinutesBefore = event.reminders.isEmpty() ? std::optional<int>(60) : std::optional<int>(event.reminders.constLast());
        const Attendee attendee{registration->email, registration->name() == registration->email ? QString() : registration->name(),
                                QString::number(registration->id)};
        const auto ics = Invite::build(e, attendee, *kind == MailKind::Cancellation ? Invite::Method::Cancel : Invite::Method::Request,
                                       QDateTime::fromMSecsSinceEpoch(m_clock(), QTimeZone::utc()));
        if (!ics)
            return ics.error();
        in.calendar = *ics;
        in.calendarMethod = *kind == MailKind::Cancellation ? QStringLiteral("CANCEL") : QStringLiteral("REQUEST");
    }
    const auto from = contacts::Addressing::parseEmail(delivery.sender.isEmpty() ? p.organiser : delivery.sender);
    const auto to = contacts::Addressing::parseEmail(registration->email);
    if (!from || !to)
        return Error(errc::eventsInput, tr("An address of message %1 cannot be written.").arg(delivery.outboxId));
    in.fromAddress = from->ascii;
    in.toAddress = to->ascii;
    in.toName = registration->name() == registration->email ? QString() : registration->name();
    in.subject = *subject;
    in.html = html;
    in.text = text;
    QString messageId = delivery.messageId;
    messageId.remove(u'<').remove(u'>');
    in.messageId = messageId;
    in.date = QDateTime::fromMSecsSinceEpoch(m_clock(), QTimeZone::utc());
    in.extraHeaders.append({QByteArrayLiteral("X-LUX-Event"), QString::number(event.id)});
    // Transactional: no List-Unsubscribe, and RFC 3834's marker so auto-replies stay away.
    in.extraHeaders.append({QByteArrayLiteral("Auto-Submitted"), QStringLiteral("auto-generated")});
    return content::MimeMessage::build(in);
}

QCoro::Task<channels::Outcome> EventMailChannel::stage(channels::Delivery delivery, QByteArray message)
{
    return m_email->stage(std::move(delivery), std::move(message));
}

QCoro::Task<channels::Outcome> EventMailChannel::submit(channels::Delivery delivery, QByteArray message)
{
    return m_email->submit(std::move(delivery), std::move(message));
}

QCoro::Task<channels::Reconciliation> EventMailChannel::reconcile(channels::Delivery delivery)
{
    return m_email->reconcile(std::move(delivery));
}

} // namespace lux::events
