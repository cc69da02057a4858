// SPDX-License-Identifier: GPL-3.0-or-later
// The event store (issue 18) on a real database file: validation that names the field, the uid and
// slug, consent texts by version, the revision and SEQUENCE rules, registrations listed, filtered
// and searched, a duplicate added by hand refused, the tracker's states applied once and in order,
// check-in by ticket and by address (a second scan says when, another event's ticket and a waiting
// person are refused), the attendee CSV, and check-in among 10,000 registrations well under 200 ms.
#include "campaigns/senderstore.h"
#include "databasefixture.h"
#include "events/eventstore.h"
#include "events/invite.h"
#include "events/ticket.h"
#include "storage/transaction.h"
#include "testsupport.h"
#include "tracking/token.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace lux;
using namespace lux::events;
using lux::test::errorText;

namespace {

constexpr qint64 kStart = 1'778'776'200'000; // 2026-05-14T16:30:00Z, 18:30 in Madrid

Event sampleEvent()
{
    Event e;
    e.title = QStringLiteral("Spring Launch");
    e.description = QStringLiteral("**Drinks** after the talk.");
    e.startsAt = kStart;
    e.endsAt = kStart + 3 * 3600 * 1000;
    e.timeZone = QStringLiteral("Europe/Madrid");
    e.venue = QStringLiteral("Calle Mayor 1, Madrid");
    e.capacity = 100;
    e.questions = {{EventQuestion::Kind::Text, QStringLiteral("Company"), {}, false},
                   {EventQuestion::Kind::Choice, QStringLiteral("Diet"), {QStringLiteral("None"), QStringLiteral("Vegan")}, true},
                   {EventQuestion::Kind::Checkbox, QStringLiteral("Newsletter"), {}, false}};
    e.consentText = QStringLiteral("I agree to be contacted about this event.");
    e.tags = {QStringLiteral("launch")};
    return e;
}

Registration fromTracker(qint64 trackerId, const QString &email, RegistrationStatus status, qint64 at, std::optional<int> position = {})
{
    Registration r;
    r.trackerId = trackerId;
    r.email = email;
    r.status = status;
    r.registeredAt = at;
    r.position = position;
    r.source = RegistrationSource::Link;
    if (status == RegistrationStatus::Confirmed)
        r.confirmedAt = at;
    return r;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void validation_data();
    void validation();
    void createMakesUidSlugAndConsent();
    void updateRevisionSequenceAndConsentVersions();
    void statusChangesAndRemove();
    void listCounts();
    void registrationsOrderFilterAndSearch();
    void manualDuplicateRefused();
    void trackerUpsertIsIdempotentAndOrdered();
    void checkInByTicketAndEmail();
    void checkInRefusals();
    void findForCheckInPrefixes();
    void attendeesCsv();
    void inviteFromEvent();
    void checkInAtTenThousand();

private:
    QSqlDatabase db() { return m_fx->db(); }
    EventStore store() { return EventStore(db(), [this] { return m_now; }); }
    qint64 createEvent(Event e = sampleEvent());

    std::optional<test::DatabaseFixture> m_fx;
    qint64 m_now = kStart - 7LL * 24 * 3600 * 1000;
    tracking::TokenCodec m_codec{*tracking::KeyRing::parse(tracking::KeyRing::generate(1))};
};

void TestEventStore::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("events.sqlite")).open());
}

void TestEventStore::cleanup()
{
    m_fx.reset();
}

qint64 TestEventStore::createEvent(Event e)
{
    const auto id = store().create(e);
    if (!id)
        qWarning() << id.error().message;
    return id ? *id : 0;
}

void TestEventStore::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("title empty") << "title-empty" << "The title is required.";
    QTest::newRow("title long") << "title-long" << "The title is 201 characters long; at most 200 fit.";
    QTest::newRow("end before start") << "end" << "The end (2026-05-14T16:00:00Z) must be after the start (2026-05-14T16:30:00Z).";
    QTest::newRow("time zone") << "tz" << "The time zone 'Europe/Atlantis' is not an IANA time zone (such as Europe/Madrid).";
    QTest::newRow("capacity") << "capacity" << "The capacity must be 0 (no limit) or more, not -1.";
    QTest::newRow("closes before opens") << "closes" << "Registration must close (2026-05-01T00:00:00Z) after it opens (2026-05-02T00:00:00Z).";
    QTest::newRow("online link") << "url" << "The online link 'ftp://example.com/room' must be an http or https address.";
    QTest::newRow("too many questions") << "questions" << "An event has at most 20 questions, not 21.";
    QTest::newRow("question label") << "label" << "Question 2 needs a label.";
    QTest::newRow("one choice") << "choices" << "Question 2 is a choice: it needs 2 to 20 choices, not 1.";
    QTest::newRow("choices on text") << "text-choices" << "Question 1 has choices, but only a choice question has them.";
    QTest::newRow("reminder range") << "reminder" << "A reminder 0 minutes before the start is outside 1 minute to 60 days.";
    QTest::newRow("reminder 61 days") << "reminder-long" << "A reminder 87840 minutes before the start is outside 1 minute to 60 days.";
    QTest::newRow("reminder twice") << "reminder-twice" << "Two reminders are 60 minutes before the start.";
    QTest::newRow("six reminders") << "reminders" << "An event has at most 5 reminders, not 6.";
    QTest::newRow("pow") << "pow" << "The proof-of-work difficulty must be between 0 and 28, not 29.";
    QTest::newRow("language") << "language" << "The language must be en or es, not 'fr'.";
}

void TestEventStore::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, message);
    Event e = sampleEvent();
    QVERIFY(EventStore::validate(e).ok());
    if (field == QLatin1String("title-empty"))
        e.title = QStringLiteral("   ");
    else if (field == QLatin1String("title-long"))
        e.title = QString(201, u'x');
    else if (field == QLatin1String("end"))
        e.endsAt = e.startsAt - 30 * 60 * 1000;
    else if (field == QLatin1String("tz"))
        e.timeZone = QStringLiteral("Europe/Atlantis");
    else if (field == QLatin1String("capacity"))
        e.capacity = -1;
    else if (field == QLatin1String("closes")) {
        e.opensAt = QDateTime(QDate(2026, 5, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        e.closesAt = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    } else if (field == QLatin1String("url"))
        e.onlineUrl = QStringLiteral("ftp://example.com/room");
    else if (field == QLatin1String("questions"))
        e.questions = QList<EventQuestion>(21, EventQuestion{EventQuestion::Kind::Text, QStringLiteral("Q"), {}, false});
    else if (field == QLatin1String("label"))
        e.questions[1].label = QString();
    else if (field == QLatin1String("choices"))
        e.questions[1].choices = {QStringLiteral("Only")};
    else if (field == QLatin1String("text-choices"))
        e.questions[0].choices = {QStringLiteral("A"), QStringLiteral("B")};
    else if (field == QLatin1String("reminder"))
        e.reminders = {0};
    else if (field == QLatin1String("reminder-long"))
        e.reminders = {61 * 1440};
    else if (field == QLatin1String("reminder-twice"))
        e.reminders = {60, 1440, 60};
    else if (field == QLatin1String("reminders"))
        e.reminders = {1, 2, 3, 4, 5, 6};
    else if (field == QLatin1String("pow"))
        e.powDifficulty = 29;
    else if (field == QLatin1String("language"))
        e.language = QStringLiteral("fr");
    const Status s = EventStore::validate(e);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("events.input"));
    QCOMPARE(s.error().message, message);
    // create() says the same and stores nothing.
    const auto id = store().create(e);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().message, message);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("events")), 0);
}

void TestEventStore::createMakesUidSlugAndConsent()
{
    Event e = sampleEvent();
    e.title = QStringLiteral("¡Lanzamiento de Primavera! Año 2026 — con una charla muy larga sobre marketing");
    const qint64 id = createEvent(e);
    QVERIFY(id > 0);
    const auto saved = store().find(id);
    QVERIFY2(saved.ok(), errorText(saved).constData());
    QVERIFY2(QRegularExpression(QStringLiteral("^lux-event-[0-9a-f]{32}@lux\\.invalid$")).match(saved->uid).hasMatch(), qPrintable(saved->uid));
    QVERIFY2(QRegularExpression(QStringLiteral("^lanzamiento-de-primavera-ano-2026-con-[a-z2-7]{6}$")).match(saved->slug).hasMatch(),
             qPrintable(saved->slug));
    QCOMPARE(saved->status, EventStatus::Draft);
    QCOMPARE(saved->revision, 1);
    QCOMPARE(saved->sequence, 0);
    QCOMPARE(saved->publishedRevision, 0);
    QCOMPARE(saved->createdAt, m_now);
    QCOMPARE(saved->questions, e.questions);
    QCOMPARE(saved->consentVersion, 1);
    QCOMPARE(saved->consentText, e.consentText);
    QCOMPARE(saved->reminders, (QList<int>{1440, 60}));
    QCOMPARE(saved->tags, e.tags);
    QCOMPARE(*store().consentText(id, 1), e.consentText);
    QCOMPARE(store().findBySlug(saved->slug)->id, id);
    QCOMPARE(store().findBySlug(QStringLiteral("nope")).error().code, QStringLiteral("events.not-found"));

    // A second event with the same title gets its own slug and uid; no consent text, no version.
    Event plain = sampleEvent();
    plain.consentText.clear();
    const qint64 second = createEvent(plain);
    const qint64 third = createEvent(plain);
    QVERIFY(second > 0 && third > 0);
    QVERIFY(store().find(second)->slug != store().find(third)->slug);
    QVERIFY(store().find(second)->uid != store().find(third)->uid);
    QCOMPARE(store().find(second)->consentVersion, 0);
    QVERIFY(store().find(second)->slug.startsWith(QStringLiteral("spring-launch-")));
    QCOMPARE(EventStore::slugBase(QStringLiteral("!!!")), QStringLiteral("event"));

    // The organiser must be an email sender.
    Event withSender = sampleEvent();
    withSender.senderId = 999;
    QCOMPARE(store().create(withSender).error().code, QStringLiteral("events.input"));
    const auto sender = campaigns::SenderStore(db()).save(QStringLiteral("events@acme.example"), {});
    QVERIFY2(sender.ok(), errorText(sender).constData());
    withSender.senderId = sender->id;
    QVERIFY(createEvent(withSender) > 0);
}

void TestEventStore::updateRevisionSequenceAndConsentVersions()
{
    const qint64 id = createEvent();
    Event e = *store().find(id);
    const QString v1 = e.consentText;

    // A draft's change: revision up, sequence unchanged even for the time.
    e.startsAt += 3600 * 1000;
    e.endsAt += 3600 * 1000;
    m_now += 1000;
    QVERIFY(store().update(e).ok());
    e = *store().find(id);
    QCOMPARE(e.revision, 2);
    QCOMPARE(e.sequence, 0);
    QCOMPARE(e.updatedAt, m_now);
    QCOMPARE(e.consentVersion, 1);

    // A changed consent text is a new version; the old one stays as it was.
    e.consentText = QStringLiteral("I agree, version two.");
    QVERIFY(store().update(e).ok());
    e = *store().find(id);
    QCOMPARE(e.consentVersion, 2);
    QCOMPARE(*store().consentText(id, 1), v1);
    QCOMPARE(*store().consentText(id, 2), QStringLiteral("I agree, version two."));
    QCOMPARE(store().consentText(id, 3).error().code, QStringLiteral("events.not-found"));
    // The same text again adds nothing.
    QVERIFY(store().update(e).ok());
    QCOMPARE(store().find(id)->consentVersion, 2);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("event_consent_texts")), 2);

    // Published: what a calendar shows raises the sequence, the rest only the revision.
    QVERIFY(store().setStatus(id, EventStatus::Published).ok());
    e = *store().find(id);
    QCOMPARE(e.status, EventStatus::Published);
    QCOMPARE(e.publishedAt.value_or(-1), m_now);
    const int revision = e.revision;
    e.description = QStringLiteral("New text.");
    e.capacity = 150;
    QVERIFY(store().update(e).ok());
    e = *store().find(id);
    QCOMPARE(e.sequence, 0);
    QCOMPARE(e.revision, revision + 1);
    for (const char *what : {"title", "start", "zone", "venue", "link"}) {
        const int before = e.sequence;
        if (qstrcmp(what, "title") == 0)
            e.title = QStringLiteral("Spring Launch 2026");
        else if (qstrcmp(what, "start") == 0)
            e.startsAt -= 1800 * 1000;
        else if (qstrcmp(what, "zone") == 0)
            e.timeZone = QStringLiteral("Atlantic/Canary");
        else if (qstrcmp(what, "venue") == 0)
            e.venue = QStringLiteral("Calle Mayor 2, Madrid");
        else
            e.onlineUrl = QStringLiteral("https://meet.example.com/spring");
        QVERIFY(store().update(e).ok());
        e = *store().find(id);
        QVERIFY2(e.sequence == before + 1, what);
    }
    QCOMPARE(e.revision, revision + 6);

    // The tracker acknowledged a revision; an older acknowledgement does not move it back.
    QVERIFY(store().markPublished(id, e.revision).ok());
    QVERIFY(store().markPublished(id, e.revision - 2).ok());
    QCOMPARE(store().find(id)->publishedRevision, e.revision);

    // Questions replaced as a whole.
    e.questions = {{EventQuestion::Kind::Checkbox, QStringLiteral("Parking"), {}, true}};
    QVERIFY(store().update(e).ok());
    QCOMPARE(store().find(id)->questions, e.questions);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("event_questions")), 1);
}

void TestEventStore::statusChangesAndRemove()
{
    const qint64 id = createEvent();
    QCOMPARE(store().setStatus(id, EventStatus::Finished).error().code, QStringLiteral("events.state"));
    QVERIFY(store().setStatus(id, EventStatus::Published).ok());
    const Event published = *store().find(id);
    QCOMPARE(store().remove(id).error().message, QStringLiteral("Event %1 is published: only a draft can be deleted.").arg(id));
    QVERIFY(store().setStatus(id, EventStatus::Cancelled).ok());
    const Event cancelled = *store().find(id);
    QCOMPARE(cancelled.sequence, published.sequence + 1); // a cancellation is sent with a higher SEQUENCE
    QCOMPARE(cancelled.revision, published.revision + 1);
    Event change = cancelled;
    change.title = QStringLiteral("Again");
    QCOMPARE(store().update(change).error().code, QStringLiteral("events.state"));
    QCOMPARE(store().setStatus(id, EventStatus::Published).error().code, QStringLiteral("events.state"));
    QCOMPARE(store().addManual(id, QStringLiteral("late@example.com"), {}, {}).error().code, QStringLiteral("events.state"));

    // A draft goes with its questions, consent texts and registrations.
    const qint64 draft = createEvent();
    QVERIFY(store().addManual(draft, QStringLiteral("a@example.com"), {}, {}).ok());
    QVERIFY(store().remove(draft).ok());
    QCOMPARE(store().find(draft).error().code, QStringLiteral("events.not-found"));
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("event_registrations")), 0);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("event_questions")), 3); // the cancelled event's
    QCOMPARE(store().remove(draft).error().code, QStringLiteral("events.not-found"));
}

void TestEventStore::listCounts()
{
    Event later = sampleEvent();
    later.startsAt += 86'400'000;
    later.endsAt += 86'400'000;
    const qint64 second = createEvent(later);
    const qint64 first = createEvent();
    QVERIFY(store().upsertFromTracker(first, fromTracker(1, QStringLiteral("a@example.com"), RegistrationStatus::Confirmed, m_now), 1).ok());
    QVERIFY(store().upsertFromTracker(first, fromTracker(2, QStringLiteral("b@example.com"), RegistrationStatus::Waiting, m_now, 1), 2).ok());
    QVERIFY(store().upsertFromTracker(first, fromTracker(3, QStringLiteral("c@example.com"), RegistrationStatus::Pending, m_now), 3).ok());
    QVERIFY(store().upsertFromTracker(first, fromTracker(4, QStringLiteral("d@example.com"), RegistrationStatus::Cancelled, m_now), 4).ok());
    QVERIFY(store().addManual(first, QStringLiteral("e@example.com"), {}, {}).ok());
    QCOMPARE(store().checkIn(first, QStringLiteral("e@example.com"), m_codec, CheckInVia::Search, m_now)->outcome,
             CheckInResult::Outcome::CheckedIn);
    const auto all = store().list();
    QVERIFY2(all.ok(), errorText(all).constData());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).event.id, first); // soonest first
    QCOMPARE(all->at(1).event.id, second);
    const RegistrationCounts c = all->at(0).counts;
    QCOMPARE(c.confirmed, 2);
    QCOMPARE(c.waiting, 1);
    QCOMPARE(c.pending, 1);
    QCOMPARE(c.cancelled, 1);
    QCOMPARE(c.checkedIn, 1);
    QCOMPARE(all->at(1).counts.total(), 0);
    const auto direct = store().counts(first);
    QCOMPARE(direct->total(), 5);
    QCOMPARE(direct->checkedIn, 1);
}

void TestEventStore::registrationsOrderFilterAndSearch()
{
    const qint64 id = createEvent();
    auto add = [&](qint64 trackerId, const QString &email, const QString &first, const QString &last, RegistrationStatus status,
                   qint64 at, std::optional<int> position = {}) {
        Registration r = fromTracker(trackerId, email, status, at, position);
        r.firstName = first;
        r.lastName = last;
        QVERIFY2(store().upsertFromTracker(id, r, trackerId).ok(), qPrintable(email));
    };
    add(1, QStringLiteral("zoe@example.com"), QStringLiteral("Zoë"), QStringLiteral("Adams"), RegistrationStatus::Confirmed, m_now + 30);
    add(2, QStringLiteral("ana@example.com"), QStringLiteral("Ana"), QStringLiteral("García"), RegistrationStatus::Confirmed, m_now + 10);
    add(3, QStringLiteral("w2@example.com"), QStringLiteral("Walt"), QStringLiteral("Second"), RegistrationStatus::Waiting, m_now + 5, 2);
    add(4, QStringLiteral("w1@example.com"), QStringLiteral("Wanda"), QStringLiteral("First"), RegistrationStatus::Waiting, m_now + 50, 1);
    add(5, QStringLiteral("pat@example.com"), QStringLiteral("Pat"), QStringLiteral("Pending"), RegistrationStatus::Pending, m_now + 1);
    add(6, QStringLiteral("gone@example.com"), QStringLiteral("Gone"), QStringLiteral("Away"), RegistrationStatus::Cancelled, m_now);

    const auto emails = [](const Result<QList<Registration>> &rows) {
        QStringList out;
        for (const Registration &r : *rows)
            out << r.email;
        return out;
    };
    const auto all = store().registrations(id);
    QVERIFY2(all.ok(), errorText(all).constData());
    QCOMPARE(emails(all), strings({"ana@example.com", "zoe@example.com", "pat@example.com", "w1@example.com", "w2@example.com",
                                       "gone@example.com"}));
    RegistrationFilter waiting;
    waiting.statuses = {RegistrationStatus::Waiting};
    QCOMPARE(emails(store().registrations(id, waiting)), strings({"w1@example.com", "w2@example.com"})); // by place
    QCOMPARE(store().registrations(id, waiting)->at(0).position.value_or(-1), 1);

    RegistrationFilter search;
    search.search = QStringLiteral("GARCIA"); // without the accent, any case
    QCOMPARE(emails(store().registrations(id, search)), strings({"ana@example.com"}));
    search.search = QStringLiteral("zoe"); // Zoë
    QCOMPARE(emails(store().registrations(id, search)), strings({"zoe@example.com"}));
    search.search = QStringLiteral("w1@");
    QCOMPARE(emails(store().registrations(id, search)), strings({"w1@example.com"}));
    search.search = QStringLiteral("ana garc"); // first and last name together
    QCOMPARE(emails(store().registrations(id, search)), strings({"ana@example.com"}));
    search.search = QStringLiteral("100%"); // LIKE's own characters are taken literally
    QCOMPARE(store().registrations(id, search)->size(), 0);

    RegistrationFilter page;
    page.limit = 2;
    page.offset = 1;
    QCOMPARE(emails(store().registrations(id, page)), strings({"zoe@example.com", "pat@example.com"}));

    QVERIFY(store().checkIn(id, QStringLiteral("zoe@example.com"), m_codec, CheckInVia::Search, m_now)->admitted());
    RegistrationFilter checked;
    checked.checkedInOnly = true;
    QCOMPARE(emails(store().registrations(id, checked)), strings({"zoe@example.com"}));
}

void TestEventStore::manualDuplicateRefused()
{
    const qint64 id = createEvent();
    QVERIFY2(m_fx->addContact(QStringLiteral("ana@example.com"), QStringLiteral("Ana")).ok(), "contact");
    const auto added = store().addManual(id, QStringLiteral("  Ana@Example.com "), QStringLiteral("Ana"), QStringLiteral("García"));
    QVERIFY2(added.ok(), errorText(added).constData());
    const Registration r = *store().registration(*added);
    QCOMPARE(r.email, QStringLiteral("Ana@Example.com"));
    QCOMPARE(r.status, RegistrationStatus::Confirmed);
    QCOMPARE(r.source, RegistrationSource::Manual);
    QCOMPARE(r.confirmedAt.value_or(-1), m_now);
    QVERIFY(r.contactId.has_value()); // linked to the contact with that address

    const auto again = store().addManual(id, QStringLiteral("ANA@example.COM"), {}, {});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("events.state"));
    QCOMPARE(again.error().message, QStringLiteral("ANA@example.COM is already registered for event %1 (confirmed).").arg(id));

    const auto bad = store().addManual(id, QStringLiteral("not an address"), {}, {});
    QCOMPARE(bad.error().code, QStringLiteral("events.input"));
    QVERIFY2(bad.error().message.startsWith(QStringLiteral("The address 'not an address' is not valid")), qPrintable(bad.error().message));
    QCOMPARE(store().addManual(9999, QStringLiteral("x@example.com"), {}, {}).error().code, QStringLiteral("events.not-found"));

    // Cancelled by hand, the address can be added again.
    QVERIFY(store().cancelManual(*added).ok());
    QCOMPARE(store().registration(*added)->status, RegistrationStatus::Cancelled);
    QCOMPARE(store().registration(*added)->cancelledAt.value_or(-1), m_now);
    QCOMPARE(store().cancelManual(*added).error().code, QStringLiteral("events.state"));
    QVERIFY(store().addManual(id, QStringLiteral("ana@example.com"), {}, {}).ok());

    // A registration the tracker holds a seat for is not cancelled here.
    const auto fromSync = store().upsertFromTracker(id, fromTracker(7, QStringLiteral("t@example.com"), RegistrationStatus::Confirmed, m_now), 1);
    QCOMPARE(store().cancelManual(fromSync->registrationId).error().code, QStringLiteral("events.state"));
    QCOMPARE(store().addManual(id, QStringLiteral("t@example.com"), {}, {}).error().code, QStringLiteral("events.state"));
}

void TestEventStore::trackerUpsertIsIdempotentAndOrdered()
{
    const qint64 id = createEvent();
    Registration r = fromTracker(41, QStringLiteral("Bo@Example.com"), RegistrationStatus::Pending, m_now);
    r.firstName = QStringLiteral("Bo");
    r.answers = {QStringLiteral("Acme"), QStringLiteral("Vegan"), QStringLiteral("1")};
    r.consent = true;
    r.consentVersion = 1;
    const auto created = store().upsertFromTracker(id, r, 10);
    QVERIFY2(created.ok(), errorText(created).constData());
    QVERIFY(created->created);
    QVERIFY(created->changed);
    QVERIFY(!created->previousStatus);
    QCOMPARE(created->status, RegistrationStatus::Pending);

    // The same event again: nothing changes.
    const auto repeat = store().upsertFromTracker(id, r, 10);
    QVERIFY(!repeat->created);
    QVERIFY(!repeat->changed);
    QCOMPARE(repeat->registrationId, created->registrationId);
    QCOMPARE(repeat->previousStatus.value(), RegistrationStatus::Pending);

    // A newer event: confirmed, and the sync learns it was pending.
    Registration confirmed = r;
    confirmed.status = RegistrationStatus::Confirmed;
    confirmed.confirmedAt = m_now + 5000;
    const auto newer = store().upsertFromTracker(id, confirmed, 12);
    QVERIFY(newer->changed);
    QCOMPARE(newer->previousStatus.value(), RegistrationStatus::Pending);
    QCOMPARE(newer->status, RegistrationStatus::Confirmed);

    // An older one arriving late never overwrites it.
    Registration stale = r;
    stale.status = RegistrationStatus::Waiting;
    stale.position = 3;
    const auto older = store().upsertFromTracker(id, stale, 11);
    QVERIFY(!older->changed);
    const Registration row = *store().registration(created->registrationId);
    QCOMPARE(row.status, RegistrationStatus::Confirmed);
    QVERIFY(!row.position);
    QCOMPARE(row.trackerSeq, 12);
    QCOMPARE(row.answers, r.answers);
    QCOMPARE(row.consentVersion.value_or(-1), 1);
    QCOMPARE(row.confirmedAt.value_or(-1), m_now + 5000);
    QCOMPARE(test::countRows(m_fx->path(), QStringLiteral("event_registrations")), 1);

    // A newer event with the same state is applied but is no change.
    const auto same = store().upsertFromTracker(id, confirmed, 13);
    QVERIFY(!same->changed);
    QCOMPARE(store().registration(created->registrationId)->trackerSeq, 13);

    // A check-in made here survives the tracker's later states.
    QVERIFY(store().checkIn(id, QStringLiteral("bo@example.com"), m_codec, CheckInVia::Scan, m_now)->admitted());
    QVERIFY(store().upsertFromTracker(id, confirmed, 14).ok());
    QCOMPARE(store().registration(created->registrationId)->checkedInAt.value_or(-1), m_now);

    // The same tracker id in another event is another registration.
    const qint64 other = createEvent();
    QVERIFY(store().upsertFromTracker(other, r, 1)->created);

    Registration noId = r;
    noId.trackerId.reset();
    QCOMPARE(store().upsertFromTracker(id, noId, 20).error().code, QStringLiteral("events.input"));
}

void TestEventStore::checkInByTicketAndEmail()
{
    const qint64 id = createEvent();
    const auto reg = store().addManual(id, QStringLiteral("ana@example.com"), QStringLiteral("Ana"), QStringLiteral("García"));
    QVERIFY(reg.ok());
    const QString code = Ticket::sign(m_codec, {quint64(id), quint64(*reg)});

    // 18:02 in Madrid on the day.
    const qint64 at = QDateTime(QDate(2026, 5, 14), QTime(18, 2), QTimeZone("Europe/Madrid")).toMSecsSinceEpoch();
    const auto first = store().checkIn(id, code + QStringLiteral("\r\n"), m_codec, CheckInVia::Scan, at);
    QVERIFY2(first.ok(), errorText(first).constData());
    QCOMPARE(first->outcome, CheckInResult::Outcome::CheckedIn);
    QVERIFY(first->admitted());
    QCOMPARE(first->message, QStringLiteral("Checked in: Ana García."));
    QCOMPARE(first->registration->checkedInAt.value_or(-1), at);
    QCOMPARE(store().registration(*reg)->checkedInVia, CheckInVia::Scan);

    const auto second = store().checkIn(id, code, m_codec, CheckInVia::Scan, at + 20 * 60 * 1000);
    QCOMPARE(second->outcome, CheckInResult::Outcome::AlreadyChecked);
    QVERIFY(!second->admitted());
    QCOMPARE(second->message, QStringLiteral("Ana García is already checked in at 18:02."));
    QCOMPARE(second->registration->checkedInAt.value_or(-1), at); // the first time stays
    // The next day, the date is said too.
    QCOMPARE(store().checkIn(id, code, m_codec, CheckInVia::Scan, at + 86'400'000)->message,
             QStringLiteral("Ana García is already checked in at 2026-05-14 18:02."));

    // By address, any case; undone, then in again.
    QVERIFY(store().undoCheckIn(*reg).ok());
    QVERIFY(!store().registration(*reg)->checkedInAt);
    QCOMPARE(store().undoCheckIn(*reg).error().code, QStringLiteral("events.state"));
    const auto byEmail = store().checkIn(id, QStringLiteral(" ANA@example.com "), m_codec, CheckInVia::Search, at + 60'000);
    QCOMPARE(byEmail->outcome, CheckInResult::Outcome::CheckedIn);
    QCOMPARE(store().registration(*reg)->checkedInVia, CheckInVia::Search);
}

void TestEventStore::checkInRefusals()
{
    Event other = sampleEvent();
    other.title = QStringLiteral("Autumn Gala");
    const qint64 id = createEvent();
    const qint64 otherId = createEvent(other);
    const auto elsewhere = store().addManual(otherId, QStringLiteral("ana@example.com"), QStringLiteral("Ana"), {});
    const QString otherTicket = Ticket::sign(m_codec, {quint64(otherId), quint64(*elsewhere)});
    const auto wrong = store().checkIn(id, otherTicket, m_codec, CheckInVia::Scan, m_now);
    QCOMPARE(wrong->outcome, CheckInResult::Outcome::OtherEvent);
    QCOMPARE(wrong->otherEventId, otherId);
    QCOMPARE(wrong->message, QStringLiteral("This ticket is for another event: Autumn Gala."));
    QVERIFY(!store().registration(*elsewhere)->checkedInAt);

    Registration w = fromTracker(1, QStringLiteral("wait@example.com"), RegistrationStatus::Waiting, m_now, 4);
    w.firstName = QStringLiteral("Wes");
    const auto waiting = store().upsertFromTracker(id, w, 1);
    const QString waitingTicket = Ticket::sign(m_codec, {quint64(id), quint64(waiting->registrationId)});
    const auto refused = store().checkIn(id, waitingTicket, m_codec, CheckInVia::Scan, m_now);
    QCOMPARE(refused->outcome, CheckInResult::Outcome::NotConfirmed);
    QCOMPARE(refused->registration->status, RegistrationStatus::Waiting);
    QCOMPARE(refused->message, QStringLiteral("Wes is on the waiting list (place 4), not confirmed."));
    QVERIFY(!store().registration(waiting->registrationId)->checkedInAt);

    QVERIFY(store().upsertFromTracker(id, fromTracker(2, QStringLiteral("pending@example.com"), RegistrationStatus::Pending, m_now), 2).ok());
    QCOMPARE(store().checkIn(id, QStringLiteral("pending@example.com"), m_codec, CheckInVia::Search, m_now)->message,
             QStringLiteral("pending@example.com has not confirmed their registration yet."));
    QVERIFY(store().upsertFromTracker(id, fromTracker(3, QStringLiteral("gone@example.com"), RegistrationStatus::Cancelled, m_now), 3).ok());
    QCOMPARE(store().checkIn(id, QStringLiteral("gone@example.com"), m_codec, CheckInVia::Search, m_now)->outcome,
             CheckInResult::Outcome::NotConfirmed);

    QCOMPARE(store().checkIn(id, QStringLiteral("nobody@example.com"), m_codec, CheckInVia::Search, m_now)->outcome,
             CheckInResult::Outcome::NotFound);
    // A ticket signed by another ring, or changed by a character, is no ticket.
    const tracking::TokenCodec foreign(*tracking::KeyRing::parse(tracking::KeyRing::generate(1)));
    const auto reg = store().addManual(id, QStringLiteral("ok@example.com"), {}, {});
    const QString forged = Ticket::sign(foreign, {quint64(id), quint64(*reg)});
    QCOMPARE(store().checkIn(id, forged, m_codec, CheckInVia::Scan, m_now)->outcome, CheckInResult::Outcome::NotFound);
    QVERIFY(!store().registration(*reg)->checkedInAt);
    QCOMPARE(store().checkIn(9999, QStringLiteral("ok@example.com"), m_codec, CheckInVia::Scan, m_now).error().code,
             QStringLiteral("events.not-found"));
}

void TestEventStore::findForCheckInPrefixes()
{
    const qint64 id = createEvent();
    QVERIFY(store().addManual(id, QStringLiteral("ana@example.com"), QStringLiteral("Ana"), QStringLiteral("García López")).ok());
    QVERIFY(store().addManual(id, QStringLiteral("anabel@example.com"), QStringLiteral("Anabel"), QStringLiteral("Ruiz")).ok());
    QVERIFY(store().addManual(id, QStringLiteral("bob@acme.example"), QStringLiteral("Robert"), QStringLiteral("Ángel")).ok());
    QVERIFY(store().addManual(id, QStringLiteral("zed@example.com"), QStringLiteral("Zed"), QStringLiteral("Banana")).ok());
    const qint64 other = createEvent();
    QVERIFY(store().addManual(other, QStringLiteral("anna@example.com"), QStringLiteral("Anna"), {}).ok());

    const auto names = [&](const QString &text, int limit = 20) {
        QStringList out;
        const auto rows = store().findForCheckIn(id, text, limit);
        if (rows)
            for (const Registration &r : *rows)
                out << r.email;
        return out;
    };
    // First names, last names and addresses that start with it; ordered by last name. Never a middle.
    QCOMPARE(names(QStringLiteral("an")), strings({"bob@acme.example", "ana@example.com", "anabel@example.com"}));
    QCOMPARE(names(QStringLiteral("ANGEL")), strings({"bob@acme.example"})); // accents ignored
    QCOMPARE(names(QStringLiteral("garcía")), strings({"ana@example.com"}));
    QCOMPARE(names(QStringLiteral("bob@")), strings({"bob@acme.example"}));
    QCOMPARE(names(QStringLiteral("ana garc")), strings({"ana@example.com"}));
    QCOMPARE(names(QStringLiteral("ban")), strings({"zed@example.com"}));
    QCOMPARE(names(QStringLiteral("an"), 1).size(), 1);
    QCOMPARE(names(QStringLiteral("  ")).size(), 0);
    QCOMPARE(names(QStringLiteral("nana")).size(), 0);
}

void TestEventStore::attendeesCsv()
{
    const qint64 id = createEvent();
    const auto ana = store().addManual(id, QStringLiteral("ana@example.com"), QStringLiteral("=HYPERLINK(\"http://x\")"),
                                       QStringLiteral("García, López"));
    QVERIFY(ana.ok());
    QVERIFY(store().upsertFromTracker(id, fromTracker(1, QStringLiteral("w@example.com"), RegistrationStatus::Waiting, m_now + 1000, 2), 1).ok());
    QVERIFY(store().checkIn(id, QStringLiteral("ana@example.com"), m_codec, CheckInVia::Search, m_now + 60'000)->admitted());

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const auto rows = store().writeAttendeesCsv(id, buffer);
    QVERIFY2(rows.ok(), errorText(rows).constData());
    QCOMPARE(*rows, 2);
    const QString iso = QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC).toString(Qt::ISODate);
    const QString checked = QDateTime::fromMSecsSinceEpoch(m_now + 60'000, Qt::UTC).toString(Qt::ISODate);
    const QString later = QDateTime::fromMSecsSinceEpoch(m_now + 1000, Qt::UTC).toString(Qt::ISODate);
    const QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("email,first_name,last_name,status,position,registered_at,checked_in_at"));
    // The formula is neutralised (a leading apostrophe), then quoted as CSV.
    QCOMPARE(lines.at(1), QStringLiteral("ana@example.com,\"'=HYPERLINK(\"\"http://x\"\")\",\"García, López\",confirmed,,%1,%2").arg(iso, checked));
    QCOMPARE(lines.at(2), QStringLiteral("w@example.com,,,waiting,2,%1,").arg(later));
    QVERIFY(iso.endsWith(u'Z'));

    RegistrationFilter onlyWaiting;
    onlyWaiting.statuses = {RegistrationStatus::Waiting};
    QBuffer some;
    QVERIFY(some.open(QIODevice::WriteOnly));
    QCOMPARE(*store().writeAttendeesCsv(id, some, onlyWaiting), 1);
}

void TestEventStore::inviteFromEvent()
{
    Event e = sampleEvent();
    e.reminders = {1440, 30};
    const qint64 id = createEvent(e);
    const Event saved = *store().find(id);
    const InviteEvent invite = EventStore::toInvite(saved, QStringLiteral("events@acme.example"), QStringLiteral("Acme Events"),
                                                    QUrl(QStringLiteral("https://t.acme.example/e/") + saved.slug));
    QCOMPARE(invite.uid, saved.uid);
    QCOMPARE(invite.title, saved.title);
    QCOMPARE(invite.location, saved.venue);
    QCOMPARE(invite.start.toMSecsSinceEpoch(), saved.startsAt);
    QCOMPARE(invite.end.toMSecsSinceEpoch(), saved.endsAt);
    QCOMPARE(invite.timeZone, QStringLiteral("Europe/Madrid"));
    QCOMPARE(invite.alarmMinutesBefore.value_or(0), 30); // the smallest reminder
    QCOMPARE(invite.url.toString(), QStringLiteral("https://t.acme.example/e/") + saved.slug);
    const auto ics = Invite::build(invite, std::nullopt, Invite::Method::Publish, QDateTime::currentDateTimeUtc());
    QVERIFY2(ics.ok(), errorText(ics).constData());
    QVERIFY(ics->contains(QByteArray("UID:" + saved.uid.toUtf8())));

    // Online only: the link is the location and the url; no reminders: an alarm an hour before.
    Event online = saved;
    online.venue.clear();
    online.onlineUrl = QStringLiteral("https://meet.example.com/x");
    online.reminders.clear();
    const InviteEvent o = EventStore::toInvite(online, QStringLiteral("events@acme.example"), {});
    QCOMPARE(o.location, online.onlineUrl);
    QCOMPARE(o.url, QUrl(online.onlineUrl));
    QCOMPARE(o.alarmMinutesBefore.value_or(0), 60);
}

void TestEventStore::checkInAtTenThousand()
{
    const qint64 id = createEvent();
    // 10,000 registrations in one transaction, as a sync that caught up would leave them; 1 in 10
    // waiting, 1 in 20 cancelled.
    static const char *const kFirst[] = {"Ana", "Luis", "María", "José", "Carmen", "Javier", "Lucía", "Pablo", "Elena", "Diego"};
    static const char *const kLast[] = {"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz"};
    {
        QSqlDatabase conn = db();
        storage::Transaction tx(conn);
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("INSERT INTO event_registrations (event_id, tracker_id, email, email_key, first_name, last_name, first_key, "
                                 "last_key, status, position, source, registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'link', ?, ?)"));
        int waitingPlace = 0;
        for (int i = 1; i <= 10'000; ++i) {
            const QString first = QString::fromUtf8(kFirst[i % 10]) + QString::number(i / 100);
            const QString last = QString::fromUtf8(kLast[(i / 10) % 10]);
            const QString email = QStringLiteral("person%1@example.com").arg(i);
            const bool waiting = i % 10 == 0, cancelled = i % 20 == 5;
            q.addBindValue(id);
            q.addBindValue(i);
            q.addBindValue(email);
            q.addBindValue(email);
            q.addBindValue(first);
            q.addBindValue(last);
            q.addBindValue(EventStore::searchKey(first));
            q.addBindValue(EventStore::searchKey(last));
            q.addBindValue(waiting ? QStringLiteral("waiting") : cancelled ? QStringLiteral("cancelled") : QStringLiteral("confirmed"));
            q.addBindValue(waiting ? QVariant(++waitingPlace) : QVariant(QMetaType::fromType<int>()));
            q.addBindValue(m_now + i);
            q.addBindValue(m_now + i);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(store().counts(id)->total(), 10'000);

    // The lookups run on the indexes, never through the table.
    for (const QString &sql : {QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM event_registrations WHERE event_id = 1 AND ("
                                              "(first_key >= 'a' AND first_key < 'b') OR (last_key >= 'a' AND last_key < 'b')"
                                              " OR (email_key >= 'a' AND email_key < 'b'))"),
                               QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM event_registrations WHERE event_id = 1 AND email_key = 'a'")}) {
        QSqlQuery plan(db());
        QVERIFY(plan.exec(sql));
        QString text;
        while (plan.next())
            text += plan.value(3).toString() + u'\n';
        QVERIFY2(!text.contains(QStringLiteral("SCAN event_registrations")) || text.contains(QStringLiteral("USING INDEX")), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("USING (COVERING )?INDEX event_registrations_"))), qPrintable(text));
    }

    // A scanned ticket (its registration is the 7,777th, confirmed).
    const QString code = Ticket::sign(m_codec, {quint64(id), 7777});
    QElapsedTimer timer;
    timer.start();
    const auto scanned = store().checkIn(id, code, m_codec, CheckInVia::Scan, m_now);
    const qint64 scanMs = timer.elapsed();
    QVERIFY2(scanned.ok(), errorText(scanned).constData());
    QCOMPARE(scanned->outcome, CheckInResult::Outcome::CheckedIn);
    QCOMPARE(scanned->registration->email, QStringLiteral("person7777@example.com"));

    timer.restart();
    const auto typed = store().checkIn(id, QStringLiteral("Person4321@example.com"), m_codec, CheckInVia::Search, m_now);
    const qint64 emailMs = timer.elapsed();
    QCOMPARE(typed->outcome, CheckInResult::Outcome::CheckedIn);

    timer.restart();
    const auto found = store().findForCheckIn(id, QStringLiteral("gonz"), 20);
    const qint64 searchMs = timer.elapsed();
    QVERIFY2(found.ok(), errorText(found).constData());
    QCOMPARE(found->size(), 20);
    for (const Registration &r : *found)
        QCOMPARE(r.lastName, QStringLiteral("González"));

    timer.restart();
    const auto named = store().findForCheckIn(id, QStringLiteral("maría5 gómez"), 20);
    const qint64 nameMs = timer.elapsed();
    QVERIFY(!named->isEmpty());
    for (const Registration &r : *named)
        QVERIFY2(r.firstName.startsWith(QStringLiteral("María5")) && r.lastName == QStringLiteral("Gómez"), qPrintable(r.name()));

    qInfo("check-in among 10,000: ticket %lld ms, address %lld ms, prefix 'gonz' %lld ms, 'maría5 gómez' %lld ms", scanMs, emailMs,
          searchMs, nameMs);
    QVERIFY2(scanMs < 200, qPrintable(QString::number(scanMs)));
    QVERIFY2(emailMs < 200, qPrintable(QString::number(emailMs)));
    QVERIFY2(searchMs < 200, qPrintable(QString::number(searchMs)));
    QVERIFY2(nameMs < 200, qPrintable(QString::number(nameMs)));
}

LUX_TEST_MAIN(TestEventStore, QCoreApplication)
#include "tst_eventstore.moc"
