// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventpublisher.h"

#include "channels/httpclient.h"
#include "common/errorcodes.h"
#include "content/markdown.h"
#include "events/eventmail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace lux::events {

EventPublisher::EventPublisher(QNetworkAccessManager *network, QSqlDatabase db, QString trackerUrl, QByteArray apiToken, int confirmHours,
                               Clock clock)
    : m_network(network), m_db(std::move(db)), m_trackerUrl(std::move(trackerUrl)), m_token(std::move(apiToken)),
      m_confirmHours(confirmHours), m_clock(std::move(clock))
{
}

QString EventPublisher::whenText(const Event &event)
{
    const QLocale locale(event.language == u"es" ? QLocale::Spanish : QLocale::English,
                         event.language == u"es" ? QLocale::Spain : QLocale::UnitedKingdom);
    const QTimeZone zone(event.timeZone.toUtf8());
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(event.startsAt, zone);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(event.endsAt, zone);
    const QString day = locale.toString(start.date(), QStringLiteral("dddd d MMMM yyyy"));
    const QString from = locale.toString(start.time(), QStringLiteral("HH:mm"));
    // An event over several days says both dates; one day, the date once.
    const QString until = start.date() == end.date() ? locale.toString(end.time(), QStringLiteral("HH:mm"))
                                                     : locale.toString(end.date(), QStringLiteral("dddd d MMMM yyyy")) + QStringLiteral(", ")
                                                           + locale.toString(end.time(), QStringLiteral("HH:mm"));
    return QStringLiteral("%1, %2–%3 (%4)").arg(day, from, until, event.timeZone);
}

QString EventPublisher::whereText(const Event &event)
{
    if (!event.venue.isEmpty() && !event.onlineUrl.isEmpty())
        return event.venue + QStringLiteral(" · ") + event.onlineUrl;
    return event.venue.isEmpty() ? event.onlineUrl : event.venue;
}

QJsonObject EventPublisher::formJson(const Event &event, int confirmHours, int reserved)
{
    QJsonArray questions;
    for (const EventQuestion &q : event.questions)
        questions.append(QJsonObject{{QStringLiteral("kind"), EventQuestion::kindName(q.kind)},
                                     {QStringLiteral("label"), q.label},
                                     {QStringLiteral("choices"), QJsonArray::fromStringList(q.choices)},
                                     {QStringLiteral("required"), q.required}});
    // The description is the marketer's Markdown; on a public page raw HTML in it is shown as text.
    QString markdown = event.description;
    markdown.replace(u'<', QStringLiteral("&lt;"));
    const QString status = event.status == EventStatus::Cancelled ? QStringLiteral("cancelled")
                         : event.status == EventStatus::Finished  ? QStringLiteral("finished")
                                                                  : QStringLiteral("published");
    QJsonObject o{{QStringLiteral("event"), event.id},
                  {QStringLiteral("revision"), event.revision},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("language"), event.language},
                  {QStringLiteral("title"), event.title},
                  {QStringLiteral("when"), whenText(event)},
                  {QStringLiteral("where"), whereText(event)},
                  {QStringLiteral("description_html"), event.description.isEmpty() ? QString() : content::Markdown::toHtml(markdown)},
                  {QStringLiteral("capacity"), event.capacity},
                  {QStringLiteral("double_opt_in"), event.doubleOptIn},
                  {QStringLiteral("pow_difficulty"), event.powDifficulty},
                  {QStringLiteral("hold_minutes"), std::clamp(confirmHours, 1, 24 * 30) * 60},
                  {QStringLiteral("questions"), questions},
                  {QStringLiteral("consent_version"), event.consentText.isEmpty() ? 0 : event.consentVersion},
                  {QStringLiteral("consent_text"), event.consentText}};
    o.insert(QStringLiteral("reserved"), reserved);
    if (event.opensAt)
        o.insert(QStringLiteral("opens_at"), *event.opensAt);
    // Registration closes when the user says, and at the latest when the event starts.
    o.insert(QStringLiteral("closes_at"), event.closesAt ? std::min(*event.closesAt, event.startsAt) : event.startsAt);
    return o;
}

QCoro::Task<Status> EventPublisher::run(qint64 eventId, PublishAction action)
{
    EventStore store(m_db, m_clock);
    const auto event = store.find(eventId);
    if (!event)
        co_return event.error();
    if (m_trackerUrl.isEmpty() || m_token.isEmpty())
        co_return Error(errc::trackerConfig, tr("Events are published on lux-tracker: set its address and API token under Settings → Tracking."));
    switch (action) {
    case PublishAction::Publish:
        // Its confirmations, updates and reminders come from the organiser's mailbox.
        if (!event->senderId)
            co_return Error(errc::eventsState, tr("“%1” has no organiser mailbox to send its messages from: choose one in the event.").arg(event->title));
        if (event->status == EventStatus::Draft)
            if (Status s = store.setStatus(eventId, EventStatus::Published); !s)
                co_return s.error();
        break;
    case PublishAction::Cancel:
        if (event->status != EventStatus::Cancelled)
            if (Status s = store.setStatus(eventId, EventStatus::Cancelled); !s)
                co_return s.error();
        // Everyone registered hears it (with the invite's CANCEL), whether or not the tracker answers.
        if (const auto told = EventMail(m_db, m_clock).queueForEvent(eventId, MailKind::Cancellation); !told && event->senderId)
            co_return told.error();
        break;
    case PublishAction::Push:
        if (event->status == EventStatus::Draft)
            co_return Error(errc::eventsState, tr("“%1” is a draft: publish it first.").arg(event->title));
        // A change to the time or the place raised the SEQUENCE: the confirmed get the updated invite.
        if (event->sequence > 0 && event->senderId)
            if (const auto told = EventMail(m_db, m_clock).queueForEvent(eventId, MailKind::Update); !told)
                co_return told.error();
        break;
    }
    co_return co_await push(eventId);
}

QCoro::Task<Status> EventPublisher::push(qint64 eventId)
{
    EventStore store(m_db, m_clock);
    const auto event = store.find(eventId);
    if (!event)
        co_return event.error();
    channels::HttpClient client(m_network, {QUrl(m_trackerUrl), 30'000});
    client.setBearer(m_token);
    channels::HttpRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.path = QStringLiteral("/api/v1/forms/") + event->slug;
    request.contentType = QByteArrayLiteral("application/json");
    QSqlQuery manual(m_db);
    manual.prepare(QStringLiteral("SELECT count(*) FROM event_registrations WHERE event_id = ? AND source = 'manual' AND status = 'confirmed'"));
    manual.addBindValue(eventId);
    if (!manual.exec() || !manual.next())
        co_return Error(errc::dbRead, manual.lastError().text());
    const int reserved = manual.value(0).toInt();
    manual.finish();
    // A PUT of the same revision is the same state: Qt sending it twice changes nothing.
    request.body = QJsonDocument(formJson(*event, m_confirmHours, reserved)).toJson(QJsonDocument::Compact);
    const channels::HttpResponse reply = co_await client.send(std::move(request));
    if (reply.status == 0)
        co_return Error(errc::trackerUnreachable,
                        tr("lux-tracker at %1 cannot be reached (%2): “%3” is saved here and goes out with the next try.")
                            .arg(m_trackerUrl, reply.errorString, event->title));
    if (reply.status == 401)
        co_return Error(errc::trackerToken, tr("lux-tracker refused the API token (HTTP 401): check it under Settings → Tracking."));
    const QJsonObject answer = reply.json();
    const QString code = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    const QString message = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    if (reply.status == 409 && code == u"stale") {
        // The tracker has a newer revision of this form (from another copy of the database): ours is
        // behind, so it is not marked as acknowledged and nothing is overwritten.
        co_return Error(errc::eventsState, tr("lux-tracker has a newer version of “%1” than this database: %2").arg(event->title, message));
    }
    if (!reply.succeeded())
        co_return Error(errc::trackerSync, tr("lux-tracker refused “%1” (HTTP %2): %3").arg(event->title).arg(reply.status).arg(message));
    co_return store.markPublished(eventId, event->revision);
}

QCoro::Task<Result<int>> EventPublisher::pushPending()
{
    if (m_trackerUrl.isEmpty() || m_token.isEmpty())
        co_return 0;
    QList<qint64> ids;
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT id FROM events WHERE status <> 'draft' AND published_revision < revision ORDER BY id")))
            co_return Error(errc::dbRead, q.lastError().text());
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    // One event the tracker refuses (a newer revision there) holds back no other; only a tracker
    // that cannot be reached stops the round.
    int pushed = 0;
    QStringList refused;
    // Updates a change called for but that were not queued then (the app closed before its push):
    // queued now; whoever has the event's SEQUENCE already is skipped, so this repeats nothing.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT id FROM events WHERE status = 'published' AND sequence > 0 AND sender_id IS NOT NULL")))
            co_return Error(errc::dbRead, q.lastError().text());
        QList<qint64> moved;
        while (q.next())
            moved << q.value(0).toLongLong();
        for (const qint64 id : std::as_const(moved))
            if (const auto queued = EventMail(m_db, m_clock).queueForEvent(id, MailKind::Update); !queued)
                refused << queued.error().message;
    }
    for (const qint64 id : std::as_const(ids)) {
        const Status s = co_await push(id);
        if (s) {
            ++pushed;
            continue;
        }
        if (s.error().code == errc::trackerUnreachable)
            co_return s.error();
        refused << s.error().message;
    }
    if (!refused.isEmpty())
        co_return Error(errc::trackerSync, refused.join(QLatin1Char(' ')));
    co_return pushed;
}

} // namespace lux::events
