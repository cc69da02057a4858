// SPDX-License-Identifier: GPL-3.0-or-later
// An event's messages in the channel core (issue 18), on a real database file: one hidden mail
// campaign per event, never listed; a message queued twice is one row; reminders by email to the
// confirmed and by text only to those with SMS consent and a textable number, each offset once and
// only the nearest after a pause; an update skips whoever already has that SEQUENCE's invite; the
// user's wording checked before it is saved; transactional rows are claimed for suppressed addresses.
#include "campaigns/campaignstore.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "databasefixture.h"
#include "events/eventmail.h"
#include "events/eventstore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace lux;
using namespace lux::events;
using lux::test::errorText;

class TestEventMail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_fx.reset(); }
    void queuedOnceInAHiddenCampaign();
    void remindersByEmailAndText();
    void updatesSkipWhoeverHasTheSequence();
    void templatesAreCheckedBeforeSaved();

private:
    QSqlDatabase db() const { return m_fx->db(); }
    qint64 m_now = 0;
    Clock clock() const
    {
        return [this] { return m_now; };
    }
    qint64 m_event = 0;
    QList<qint64> m_registrations; // ana (phone, SMS consent), ben (no phone), carla (waiting)
    std::optional<test::DatabaseFixture> m_fx;
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
};

void TestEventMail::init()
{
    QVERIFY(m_fx.emplace(QStringLiteral("eventmail.sqlite")).open());
    m_now = 1'800'000'000'000;
    const auto sender = campaigns::SenderStore(db()).save(QStringLiteral("events@acme.example"), {});
    QVERIFY2(sender.ok(), errorText(sender).constData());
    QVERIFY(campaigns::SenderStore(db(), QStringLiteral("sms")).save(QStringLiteral("+15005550006"), {}).ok());
    Event e;
    e.title = QStringLiteral("Breakfast briefing");
    e.startsAt = m_now + 30 * 60'000; // in half an hour
    e.endsAt = e.startsAt + 3600'000;
    e.timeZone = QStringLiteral("Europe/Madrid");
    e.venue = QStringLiteral("Acme Studio");
    e.senderId = sender->id;
    e.reminders = {1440, 60};
    EventStore store(db(), clock());
    const auto id = store.create(e);
    QVERIFY2(id.ok(), errorText(id).constData());
    m_event = *id;
    QVERIFY(store.setStatus(m_event, EventStatus::Published).ok());
    QVERIFY(m_fx->addContact(QStringLiteral("ana@example.com"), QStringLiteral("Ana")).ok());
    QVERIFY(m_fx->addContact(QStringLiteral("ben@example.com"), QStringLiteral("Ben")).ok());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET phone = '+34612345678', phone_type = 'mobile', sms_consent = 1 WHERE email_key = 'ana@example.com'")));
    const auto add = [&](qint64 tracker, const QString &email, RegistrationStatus status) {
        Registration r;
        r.trackerId = tracker;
        r.email = email;
        r.status = status;
        r.registeredAt = m_now;
        if (status == RegistrationStatus::Confirmed)
            r.confirmedAt = m_now;
        if (status == RegistrationStatus::Waiting)
            r.position = 1;
        const auto up = store.upsertFromTracker(m_event, r, tracker);
        QVERIFY2(up.ok(), errorText(up).constData());
        m_registrations << up->registrationId;
    };
    add(1, QStringLiteral("ana@example.com"), RegistrationStatus::Confirmed);
    add(2, QStringLiteral("ben@example.com"), RegistrationStatus::Confirmed);
    add(3, QStringLiteral("carla@example.com"), RegistrationStatus::Waiting);
}

void TestEventMail::queuedOnceInAHiddenCampaign()
{
    EventStore store(db(), clock());
    const auto event = store.find(m_event);
    const auto ana = store.registration(m_registrations.at(0));
    QVERIFY(event.ok() && ana.ok());
    EventMail mail(db(), clock());
    const auto first = mail.queue(*event, *ana, MailKind::Confirmation);
    QVERIFY2(first.ok(), errorText(first).constData());
    QVERIFY(first->has_value());
    const auto again = mail.queue(*event, *ana, MailKind::Confirmation);
    QVERIFY(again.ok());
    QVERIFY(!again->has_value()); // the same message: found, not made twice
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT mail_key FROM outbox")).toString(), QStringLiteral("r%1.confirmation.0").arg(ana->id));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE done_at IS NULL")).toInt(), 1);
    // Hidden from the campaigns, and sending from the organiser's mailbox, untracked.
    QVERIFY(campaigns::CampaignStore(db()).list().isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT from_email || ' ' || status || ' ' || tracking FROM campaigns WHERE event_id IS NOT NULL")).toString(),
             QStringLiteral("events@acme.example sending 0"));
    // Transactional: claimed for an address on the suppression list too.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO suppression (channel, address_key, address_hash, reason, at) VALUES "
                                  "('email', 'ana@example.com', 'x', 'unsubscribed', 0)")));
    const qint64 campaign = scalar(QStringLiteral("SELECT id FROM campaigns WHERE event_id IS NOT NULL")).toLongLong();
    const auto claimed = campaigns::Outbox(db(), clock()).claim(campaign, 10, QStringLiteral("events@acme.example"));
    QVERIFY2(claimed.ok(), errorText(claimed).constData());
    QCOMPARE(claimed->size(), 1);
}

void TestEventMail::remindersByEmailAndText()
{
    EventMail mail(db(), clock());
    const auto queued = mail.queueDueReminders();
    QVERIFY2(queued.ok(), errorText(queued).constData());
    QCOMPARE(*queued, 3); // Ana and Ben by email, Ana by text; Carla waits, so nothing
    // Only the nearest offset: nobody gets the day-before and the hour-before reminders at once.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE mail_key LIKE '%.reminder.60'")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE mail_key LIKE '%.reminder.1440'")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM event_reminders")).toInt(), 2); // both done
    QCOMPARE(scalar(QStringLiteral("SELECT address FROM outbox WHERE channel = 'sms'")).toString(), QStringLiteral("+34612345678"));
    const QString body = scalar(QStringLiteral("SELECT body FROM campaigns WHERE channel = 'sms' AND event_id IS NOT NULL")).toString();
    QVERIFY2(body.contains(QStringLiteral("Breakfast briefing starts in 30 minutes")) && body.contains(QStringLiteral("Reply STOP")), qPrintable(body));
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM campaigns WHERE channel = 'sms'")).toString(), QStringLiteral("lux:event-sms:%1:60").arg(m_event));
    // Once: a second turn queues nothing.
    QCOMPARE(*mail.queueDueReminders(), 0);
}

void TestEventMail::updatesSkipWhoeverHasTheSequence()
{
    EventStore store(db(), clock());
    EventMail mail(db(), clock());
    const auto event = store.find(m_event);
    QVERIFY(mail.queue(*event, *store.registration(m_registrations.at(0)), MailKind::Confirmation).ok());
    // The event moves: its SEQUENCE rises; Ana's confirmation carried the old one, so both get the update.
    Event moved = *event;
    moved.startsAt += 3600'000;
    moved.endsAt += 3600'000;
    QVERIFY(store.update(moved).ok());
    QCOMPARE(store.find(m_event)->sequence, event->sequence + 1);
    QCOMPARE(*mail.queueForEvent(m_event, MailKind::Update), 2);
    QCOMPARE(*mail.queueForEvent(m_event, MailKind::Update), 0); // they have it now
    // Cancelled: everyone registered, waiting included, hears it.
    QCOMPARE(*mail.queueForEvent(m_event, MailKind::Cancellation), 3);
}

void TestEventMail::templatesAreCheckedBeforeSaved()
{
    EventMail mail(db(), clock());
    const Status bad = mail.setTemplate(MailKind::Reminder, QStringLiteral("en"), {QStringLiteral("See you"), QStringLiteral("Hi\n{{frist_name}}")});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QStringLiteral("line 2")), qPrintable(bad.error().message));
    QVERIFY(mail.setTemplate(MailKind::Reminder, QStringLiteral("es"), {QStringLiteral("Nos vemos: {{event_title}}"), QStringLiteral("Hola {{first_name}}")}).ok());
    QCOMPARE(mail.mailTemplate(MailKind::Reminder, QStringLiteral("es"))->subject, QStringLiteral("Nos vemos: {{event_title}}"));
    QCOMPARE(mail.mailTemplate(MailKind::Reminder, QStringLiteral("en"))->subject, EventMail::starter(MailKind::Reminder, QStringLiteral("en")).subject);
    QVERIFY(mail.resetTemplate(MailKind::Reminder, QStringLiteral("es")).ok());
    QCOMPARE(mail.mailTemplate(MailKind::Reminder, QStringLiteral("es"))->body, EventMail::starter(MailKind::Reminder, QStringLiteral("es")).body);
}

QTEST_GUILESS_MAIN(TestEventMail)
#include "tst_eventmail.moc"
